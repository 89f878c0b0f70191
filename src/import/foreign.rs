//! A schedule as another tool wrote it, whatever the shape (frab/pentabarf XML, C3VOC JSON
//! schema1 or the newer schema2): values as found, text as text, nothing mapped to agora yet.
//! The readers fill it, [`super::map`] maps it; neither needs to know the other's format.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

/// Which shape the file had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// frab/pentabarf `schedule.xml`.
    Xml,
    /// C3VOC `schedule.json` with days → rooms → events (frab, pretalx).
    Json,
    /// C3VOC "schedule2": a flat list of events with start and end (hub).
    Json2,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Xml => "frab/pentabarf schedule.xml",
            Shape::Json => "frab/C3VOC schedule.json",
            Shape::Json2 => "C3VOC schedule.json (schema2)",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Foreign {
    pub shape: Option<Shape>,
    /// `generator` name and version, when given.
    pub generator: Option<String>,
    pub version: Option<String>,
    pub title: Option<String>,
    pub acronym: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub venue: Option<String>,
    pub url: Option<String>,
    /// The schedule's `base_url`: relative links are resolved against it.
    pub base_url: Option<String>,
    pub time_zone: Option<String>,
    /// Pentabarf's `<day_change>`: a start earlier in the day belongs to the next morning.
    pub day_change: Option<NaiveTime>,
    /// Conference start and end as written: a date, or a date-time with offset.
    pub start: Option<String>,
    pub end: Option<String>,
    pub days: Vec<ForeignDay>,
    /// Tracks declared in the conference (events may name more).
    pub tracks: Vec<ForeignTrack>,
    /// Rooms declared (in the conference, or as day columns); events may name more.
    pub rooms: Vec<ForeignRoom>,
    /// People listed apart from the events (schema2), to complete names and biographies.
    pub people: Vec<ForeignPerson>,
    pub events: Vec<ForeignEvent>,
    /// Fields present in the file that agora has no place for: name → how many times.
    pub unused: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignDay {
    /// Position among the days (0-based).
    pub index: usize,
    pub date: Option<NaiveDate>,
    /// The date as written, to say what is wrong with it.
    pub written: Option<String>,
    /// Where the day is in the file.
    pub at: Place,
    pub start: Option<DateTime<FixedOffset>>,
    pub end: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignTrack {
    pub name: String,
    pub slug: Option<String>,
    pub color: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignRoom {
    pub name: String,
    pub slug: Option<String>,
    /// The room's GUID, which schema2 events refer to.
    pub guid: Option<String>,
    pub capacity: Option<f64>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignPerson {
    /// A key that identifies the person across events: guid, code or numeric id.
    pub key: Option<String>,
    pub name: String,
    pub slug: Option<String>,
    pub moderator: bool,
    pub biography: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignEvent {
    /// Position in the file (1-based), for messages.
    pub position: usize,
    /// The numeric id (or code) as written.
    pub number: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub kind: Option<String>,
    /// `date` (frab, pretalx) or `start` (schema2): date-time with offset, as written.
    pub date: Option<String>,
    /// `HH:MM` of the day, with the day it sits in: used when `date` is missing.
    pub start: Option<String>,
    pub day: Option<usize>,
    pub duration: Option<String>,
    pub end: Option<String>,
    pub room: Option<String>,
    /// A schema2 room reference by GUID, when the name is missing.
    pub room_guid: Option<String>,
    pub track: Option<String>,
    /// A schema2 track reference by slug.
    pub track_slug: Option<String>,
    pub slug: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub abstract_: Option<String>,
    pub description: Option<String>,
    pub persons: Vec<ForeignPerson>,
    /// Links and attachments: (title, url).
    pub links: Vec<(Option<String>, String)>,
    /// schema2 `state` when it says the event will not take place.
    pub cancelled: bool,
    /// Person lists written as text that could not be split safely: kept as one name each.
    pub unsplit: Vec<String>,
    /// Where the event is in the file, for messages about its values.
    pub at: Place,
}

impl ForeignEvent {
    /// People written as one text: split where that is unambiguous ([`split_names`]), kept
    /// whole and noted in `unsplit` where it is not.
    pub(crate) fn add_people_text(&mut self, text: &str) {
        let (names, clear) = split_names(text);
        if !clear {
            self.unsplit.extend(names.iter().cloned());
        }
        self.persons
            .extend(names.into_iter().map(|name| ForeignPerson {
                name,
                ..ForeignPerson::default()
            }));
    }
}

/// Where an event and its time fields are written: line and column in XML, a path in JSON.
#[derive(Debug, Clone, Default)]
pub struct Place {
    /// XML: 1-based line and column of the `<event>` element.
    pub event: Option<(usize, usize)>,
    /// XML: line and column of the `<date>`, `<start>`, `<duration>` and `<end>` children.
    pub fields: Vec<(&'static str, (usize, usize))>,
    /// JSON: the event's path, e.g. `schedule.conference.days[0].rooms."Main"[2]`.
    pub path: Option<String>,
}

impl Place {
    /// An error about the event's `field` (`date`, `duration`, …), placed as precisely as
    /// the file allows.
    pub(crate) fn error(&self, field: &str, message: String) -> ImportError {
        let at = self
            .fields
            .iter()
            .find(|(name, _)| *name == field)
            .map(|(_, at)| *at)
            .or(self.event);
        match (at, &self.path) {
            (Some((line, column)), _) => ImportError::at(line, column, message),
            (None, Some(path)) => ImportError::general(format!("{path}.{field}: {message}")),
            (None, None) => ImportError::general(message),
        }
    }
}

/// The people of a person list written as text ("Ann Lee, Bob Stone and Eve Park"): split at
/// commas, semicolons and a last "and"/"&"/"und"/"et" when every part is a full name (two
/// words or more). Otherwise ("Lee, Ann", "Simon and Garfunkel") the separator is ambiguous:
/// the text is one name, and the second value is `false` so the import can say so.
pub(crate) fn split_names(text: &str) -> (Vec<String>, bool) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return (Vec::new(), true);
    }
    let mut marked = format!(" {text} ");
    for word in [
        " and ", " & ", " und ", " et ", " AND ", " And ", " UND ", " Und ", " ET ", " Et ",
    ] {
        marked = marked.replace(word, ", ");
    }
    let parts: Vec<String> = marked
        .split([',', ';'])
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if parts.len() <= 1 {
        return (vec![text], true);
    }
    if parts.iter().all(|p| p.split_whitespace().count() >= 2) {
        (parts, true)
    } else {
        (vec![text], false)
    }
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line and column in the file, when the problem has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: usize, column: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    pub(crate) fn general(message: impl Into<String>) -> ImportError {
        ImportError {
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// Why a written date cannot be used, when it has the shape of a date (`YYYY-MM-DD…`) but
/// names a day no calendar has (`2024-02-30`, month 13); `None` when it is a real date or
/// not shaped like one at all.
pub(crate) fn impossible_date(text: &str) -> Option<String> {
    let text = text.trim();
    let head = text.get(..10)?;
    let b = head.as_bytes();
    let shaped = b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped || head.parse::<NaiveDate>().is_ok() {
        return None;
    }
    let (year, month, day) = (&head[..4], &head[5..7], &head[8..10]);
    let day = day.trim_start_matches('0');
    if day.is_empty() {
        return Some(format!(
            "`{head}` is not a date: days are numbered from 01 (write YYYY-MM-DD)"
        ));
    }
    let month_n: u32 = month.parse().ok()?;
    let year_n: i32 = year.parse().ok()?;
    if !(1..=12).contains(&month_n) {
        return Some(format!(
            "`{head}` is not a date: there is no month {month} (write YYYY-MM-DD with a month 01 to 12)"
        ));
    }
    let first = NaiveDate::from_ymd_opt(year_n, month_n, 1)?;
    let next = if month_n == 12 {
        NaiveDate::from_ymd_opt(year_n + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year_n, month_n + 1, 1)
    }?;
    let days = next.signed_duration_since(first).num_days();
    Some(format!(
        "`{head}` is not a date: {} has {days} days, not {day} (correct the date in the file)",
        first.format("%B %Y")
    ))
}

/// An instant as schedules write it: RFC 3339, or without seconds, or with a `+hhmm` offset.
pub(crate) fn date_time(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z").ok())
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z").ok())
}

#[cfg(test)]
mod tests {
    use super::split_names;

    #[test]
    fn names_in_text_split_only_when_unambiguous() {
        let split = |t: &str| split_names(t);
        assert_eq!(
            split("Ann Lee, Bob Stone and Eve Park"),
            (
                vec!["Ann Lee".into(), "Bob Stone".into(), "Eve Park".into()],
                true
            )
        );
        assert_eq!(
            split("Marie Curie; Pierre Curie"),
            (vec!["Marie Curie".into(), "Pierre Curie".into()], true)
        );
        assert_eq!(split("  Ann   Lee "), (vec!["Ann Lee".into()], true));
        assert_eq!(split("Lee, Ann"), (vec!["Lee, Ann".into()], false));
        assert_eq!(
            split("Simon and Garfunkel"),
            (vec!["Simon and Garfunkel".into()], false)
        );
        assert_eq!(split(""), (vec![], true));
    }
}
