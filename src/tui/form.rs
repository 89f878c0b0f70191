//! The session form (`e`): fields as text, validated into [`Field`] values with a message per
//! field that is wrong — never a silent rejection.

use crate::tui::words as W;
use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

use super::action::Action;
use crate::edit::Field;
use crate::load::closest;
use crate::model::{DateTimeValue, Kind, Program, Session, Status};
use crate::time::{resolve_lenient, to_local};

/// The fields the form edits, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKey {
    Title,
    Kind,
    Track,
    Room,
    Start,
    Duration,
    Expected,
    Requires,
    Status,
    Description,
    Speakers,
    Moderators,
    Tags,
    Language,
    Url,
    Plenary,
    Allow,
}

impl FormKey {
    pub const ALL: [FormKey; 17] = [
        FormKey::Title,
        FormKey::Kind,
        FormKey::Track,
        FormKey::Room,
        FormKey::Start,
        FormKey::Duration,
        FormKey::Expected,
        FormKey::Requires,
        FormKey::Status,
        FormKey::Description,
        FormKey::Speakers,
        FormKey::Moderators,
        FormKey::Tags,
        FormKey::Language,
        FormKey::Url,
        FormKey::Plenary,
        FormKey::Allow,
    ];

    pub fn label(self) -> &'static str {
        match self {
            FormKey::Title => W::word("form_label_title"),
            FormKey::Kind => W::word("form_label_kind"),
            FormKey::Track => W::word("form_label_track"),
            FormKey::Room => W::word("form_label_room"),
            FormKey::Start => W::word("form_label_start"),
            FormKey::Duration => W::word("form_label_duration"),
            FormKey::Expected => W::word("form_label_expected"),
            FormKey::Requires => W::word("form_label_requires"),
            FormKey::Status => W::word("form_label_status"),
            FormKey::Description => W::word("form_label_description"),
            FormKey::Speakers => W::word("form_label_speakers"),
            FormKey::Moderators => W::word("form_label_moderators"),
            FormKey::Tags => W::word("form_label_tags"),
            FormKey::Language => W::word("form_label_language"),
            FormKey::Url => W::word("form_label_url"),
            FormKey::Plenary => W::word("form_label_plenary"),
            FormKey::Allow => W::word("form_label_allow"),
        }
    }

    /// What an empty field shows; `day` is the day the start would fall on.
    pub fn placeholder(self, day: NaiveDate) -> String {
        if self == FormKey::Start {
            return W::format(
                "form_hint_start",
                &[("day", &day.format("%Y-%m-%d").to_string())],
            );
        }
        match self {
            FormKey::Title => W::word("form_hint_title"),
            FormKey::Kind => W::word("form_hint_kind"),
            FormKey::Track => W::word("form_hint_track"),
            FormKey::Room => W::word("form_hint_room"),
            FormKey::Start => "",
            FormKey::Duration => W::word("form_hint_duration"),
            FormKey::Expected => W::word("form_hint_expected"),
            FormKey::Requires => W::word("form_hint_requires"),
            FormKey::Status => W::word("form_hint_status"),
            FormKey::Description => W::word("form_hint_description"),
            FormKey::Speakers => W::word("form_hint_speakers"),
            FormKey::Moderators => W::word("form_hint_moderators"),
            FormKey::Tags => W::word("form_hint_tags"),
            FormKey::Language => W::word("form_hint_language"),
            FormKey::Url => W::word("form_hint_url"),
            FormKey::Plenary => W::word("form_hint_plenary"),
            FormKey::Allow => W::word("form_hint_allow"),
        }
        .to_string()
    }
}

/// What a key did to the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still filling it in.
    Editing,
    /// Close it without applying.
    Cancel,
    /// Validate and apply it.
    Submit,
}

/// The form being filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    pub session: usize,
    pub values: Vec<String>,
    pub focus: usize,
    /// A message per field, after a failed validation.
    pub errors: Vec<Option<String>>,
    /// The session was just added (`a`): cancelling the form removes it again.
    pub new: bool,
    /// Characters after the cursor in the focused field (0: at its end).
    pub back: usize,
}

/// A start as the form shows it: a local time as written, a time with an offset with it
/// (`2024-10-27 02:15+01:00`, the second 02:15 of a night when clocks go back).
fn local_text(value: &DateTimeValue) -> String {
    match value {
        DateTimeValue::Local(n) => n.format("%Y-%m-%d %H:%M").to_string(),
        DateTimeValue::Fixed(f) => f.format("%Y-%m-%d %H:%M%:z").to_string(),
    }
}

/// Minutes between a session's start and end as written.
fn minutes(program: &Program, session: &Session) -> Option<i64> {
    if let Some(d) = &session.duration {
        return Some(d.value);
    }
    let tz = program.event.timezone;
    let (start, end) = (session.start.as_ref()?, session.end.as_ref()?);
    Some((resolve_lenient(tz, &end.value) - resolve_lenient(tz, &start.value)) / 60)
}

impl Form {
    pub fn new(program: &Program, index: usize) -> Option<Form> {
        let s = program.sessions.get(index)?;
        let values = FormKey::ALL
            .iter()
            .map(|k| match k {
                FormKey::Title => s.title.clone(),
                FormKey::Kind => s.kind.as_str().to_string(),
                FormKey::Track => s
                    .track
                    .as_ref()
                    .map(|t| t.value.clone())
                    .unwrap_or_default(),
                FormKey::Room => s.room.as_ref().map(|r| r.value.clone()).unwrap_or_default(),
                FormKey::Start => s
                    .start
                    .as_ref()
                    .map(|v| local_text(&v.value))
                    .unwrap_or_default(),
                FormKey::Duration => minutes(program, s)
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                FormKey::Expected => s.expected.map(|n| n.to_string()).unwrap_or_default(),
                FormKey::Requires => s.requires.join(", "),
                FormKey::Status => s.status.as_str().to_string(),
                FormKey::Description => s.description.clone().unwrap_or_default(),
                FormKey::Speakers => join(s.speakers.iter().map(|r| r.value.as_str())),
                FormKey::Moderators => join(s.moderators.iter().map(|r| r.value.as_str())),
                FormKey::Tags => s.tags.join(", "),
                FormKey::Language => s.language.clone().unwrap_or_default(),
                FormKey::Url => s.url.clone().unwrap_or_default(),
                FormKey::Plenary => if s.plenary { "yes" } else { "no" }.to_string(),
                FormKey::Allow => join(s.allow.iter().map(|c| c.as_str())),
            })
            .collect();
        Some(Form {
            session: index,
            values,
            focus: 0,
            errors: vec![None; FormKey::ALL.len()],
            new: false,
            back: 0,
        })
    }

    /// Handle a key of the form: typing and moving between fields happen here; applying and
    /// cancelling are for the app to carry out.
    pub fn handle(&mut self, action: Action) -> FormOutcome {
        match action {
            Action::Insert(_) | Action::DeleteBack | Action::ClearInput | Action::Typing(_) => {
                let mut back = self.back;
                crate::tui::typing::apply(self.value_mut(), &mut back, &action);
                self.back = back;
            }
            Action::NextField => {
                self.focus = (self.focus + 1) % self.values.len();
                self.back = 0;
            }
            Action::PrevField => {
                self.focus = (self.focus + self.values.len() - 1) % self.values.len();
                self.back = 0;
            }
            Action::Cancel => return FormOutcome::Cancel,
            Action::Submit => return FormOutcome::Submit,
            _ => {}
        }
        FormOutcome::Editing
    }

    pub fn key(&self) -> FormKey {
        FormKey::ALL[self.focus]
    }

    pub fn value_mut(&mut self) -> &mut String {
        &mut self.values[self.focus]
    }

    /// The fields to set, or a message per wrong field. `default_day` completes a start given
    /// as a time only.
    pub fn validate(&mut self, program: &Program, default_day: NaiveDate) -> Option<Vec<Field>> {
        let s = program.sessions.get(self.session)?;
        let mut errors: Vec<Option<String>> = vec![None; FormKey::ALL.len()];
        let mut fields = Vec::new();
        let v = |k: FormKey| self.values[k as usize].trim().to_string();

        let title = v(FormKey::Title);
        if title.is_empty() {
            errors[FormKey::Title as usize] = Some(W::word("form_error_title").into());
        } else {
            fields.push(Field::Title(title));
        }

        let kind = v(FormKey::Kind).to_lowercase();
        match Kind::parse(&kind) {
            Some(k) => fields.push(Field::Kind(k)),
            None => {
                errors[FormKey::Kind as usize] =
                    Some(unknown("kind", &kind, Kind::NAMES.iter().copied()))
            }
        }

        let track = v(FormKey::Track);
        match reference(
            &track,
            program
                .tracks
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str())),
        ) {
            Ok(t) => fields.push(Field::Track(t)),
            Err(()) => {
                errors[FormKey::Track as usize] = Some(unknown(
                    "track",
                    &track,
                    program.tracks.iter().map(|t| t.id.as_str()),
                ))
            }
        }

        let room = v(FormKey::Room);
        match reference(
            &room,
            program
                .rooms
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str())),
        ) {
            Ok(r) => fields.push(Field::Room(r)),
            Err(()) => {
                errors[FormKey::Room as usize] = Some(unknown(
                    "room",
                    &room,
                    program.rooms.iter().map(|r| r.id.as_str()),
                ))
            }
        }

        let start_text = v(FormKey::Start);
        let start = if start_text.is_empty() {
            Some(None)
        } else {
            match parse_start(&start_text, default_day) {
                Some(n) => Some(Some(n)),
                None => {
                    errors[FormKey::Start as usize] = Some(W::format(
                        "form_error_start",
                        &[
                            ("text", &start_text),
                            ("day", &default_day.format("%Y-%m-%d").to_string()),
                        ],
                    ));
                    None
                }
            }
        };
        let duration_text = v(FormKey::Duration);
        let duration = if duration_text.is_empty() {
            Some(None)
        } else {
            match parse_minutes(&duration_text) {
                Some(m) if m >= 1 => Some(Some(m)),
                _ => {
                    errors[FormKey::Duration as usize] = Some(W::format(
                        "form_error_duration",
                        &[("text", &duration_text)],
                    ));
                    None
                }
            }
        };
        if let (Some(start), Some(duration)) = (start, duration) {
            if start.is_some() && duration.is_none() {
                errors[FormKey::Duration as usize] =
                    Some(W::word("form_error_needs_duration").into());
            } else {
                fields.extend(times(program, s, start, duration));
            }
        }

        let expected = v(FormKey::Expected);
        if expected.is_empty() {
            fields.push(Field::Expected(None));
        } else {
            match expected.parse::<u64>() {
                Ok(n) if n <= crate::model::MAX_COUNT => fields.push(Field::Expected(Some(n))),
                _ => {
                    errors[FormKey::Expected as usize] =
                        Some(W::format("form_error_expected", &[("text", &expected)]))
                }
            }
        }

        let requires: Vec<String> = v(FormKey::Requires)
            .split(',')
            .map(|x| x.trim().to_string())
            .filter(|x| !x.is_empty())
            .collect();
        fields.push(Field::Requires(requires));

        let status = v(FormKey::Status).to_lowercase();
        match Status::parse(&status) {
            Some(st) => fields.push(Field::Status(st)),
            None => {
                errors[FormKey::Status as usize] =
                    Some(unknown("status", &status, Status::NAMES.iter().copied()))
            }
        }

        let description = self.values[FormKey::Description as usize]
            .trim()
            .to_string();
        fields.push(Field::Description(
            (!description.is_empty()).then_some(description),
        ));

        self.extra_fields(program, &mut fields, &mut errors);

        let ok = errors.iter().all(Option::is_none);
        self.errors = errors;
        if !ok {
            // Put the focus on the first wrong field.
            if let Some(first) = self.errors.iter().position(Option::is_some) {
                self.focus = first;
            }
            return None;
        }
        Some(fields)
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join(", ")
}

fn words(text: &str) -> Vec<String> {
    text.split(',')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

impl Form {
    /// People, tags, language, url, plenary and acknowledged rules.
    fn extra_fields(
        &self,
        program: &Program,
        fields: &mut Vec<Field>,
        errors: &mut [Option<String>],
    ) {
        let v = |k: FormKey| self.values[k as usize].trim().to_string();
        for (key, moderators) in [(FormKey::Speakers, false), (FormKey::Moderators, true)] {
            let ids = words(&v(key));
            match ids
                .iter()
                .find(|id| !program.speakers.iter().any(|s| s.id == **id))
            {
                Some(bad) => {
                    errors[key as usize] = Some(unknown(
                        "speaker",
                        bad,
                        program.speakers.iter().map(|s| s.id.as_str()),
                    ))
                }
                None if moderators => fields.push(Field::Moderators(ids)),
                None => fields.push(Field::Speakers(ids)),
            }
        }
        fields.push(Field::Tags(words(&v(FormKey::Tags))));
        let language = v(FormKey::Language);
        if language.is_empty() {
            fields.push(Field::Language(None));
        } else if let Some(problem) = crate::language::tag_problem(&language) {
            errors[FormKey::Language as usize] = Some(W::format(
                "form_error_language",
                &[("text", &language), ("problem", &problem)],
            ));
        } else {
            fields.push(Field::Language(Some(language)));
        }
        let url = v(FormKey::Url);
        fields.push(Field::Url((!url.is_empty()).then_some(url)));
        match v(FormKey::Plenary).to_lowercase().as_str() {
            "yes" | "y" | "true" => fields.push(Field::Plenary(true)),
            "no" | "n" | "false" | "" => fields.push(Field::Plenary(false)),
            other => {
                errors[FormKey::Plenary as usize] =
                    Some(W::format("form_error_yes_no", &[("text", other)]))
            }
        }
        let mut allow = Vec::new();
        for code in words(&v(FormKey::Allow)) {
            match crate::codes::RuleCode::parse(&code) {
                Some(c) => allow.push(c),
                None => {
                    errors[FormKey::Allow as usize] = Some(unknown(
                        "rule",
                        &code,
                        crate::codes::RuleCode::ALL.iter().map(|c| c.as_str()),
                    ));
                }
            }
        }
        if errors[FormKey::Allow as usize].is_none() {
            fields.push(Field::Allow(allow));
        }
    }
}

fn unknown<'a>(what: &str, text: &str, known: impl Iterator<Item = &'a str> + Clone) -> String {
    let list: Vec<&str> = known.clone().collect();
    let hint = match closest(text, known) {
        Some(s) => W::format("form_did_you_mean", &[("name", s)]),
        None if list.is_empty() => W::format("form_none_yet", &[("what", what)]),
        None => W::format("form_one_of", &[("list", &list.join(", "))]),
    };
    if text.is_empty() {
        W::format("form_give", &[("what", what), ("hint", &hint)])
    } else {
        W::format(
            "form_unknown",
            &[("what", what), ("text", text), ("hint", &hint)],
        )
    }
}

/// An id given by id or by name (case and accents aside, the search fold); empty means none.
fn reference<'a>(
    text: &str,
    items: impl Iterator<Item = (&'a str, &'a str)>,
) -> Result<Option<String>, ()> {
    if text.is_empty() {
        return Ok(None);
    }
    let lower = crate::text::fold(text);
    for (id, name) in items {
        if id == text || crate::text::fold(name) == lower {
            return Ok(Some(id.to_string()));
        }
    }
    Err(())
}

/// "2017-12-05 14:00", "2017-12-05T14:00[:00]", or "14:00" on `day`; any of them may end
/// with an offset ("02:15+01:00"), which picks one of the two instants of a repeated hour.
pub fn parse_start(text: &str, day: NaiveDate) -> Option<DateTimeValue> {
    let text = text.trim();
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%d %H:%M:%S",
    ] {
        if let Ok(n) = NaiveDateTime::parse_from_str(text, format) {
            return Some(DateTimeValue::Local(n));
        }
        if let Ok(f) = DateTime::parse_from_str(text, &format!("{format}%:z")) {
            return Some(DateTimeValue::Fixed(f));
        }
    }
    if let Some(at) = text.rfind(['+', '-']).filter(|&at| at > 0) {
        // A time of `day` with an offset.
        let (time, offset) = text.split_at(at);
        let t = parse_time(time)?;
        let stamp = format!("{} {}{offset}", day.format("%Y-%m-%d"), t.format("%H:%M"));
        return DateTime::parse_from_str(&stamp, "%Y-%m-%d %H:%M%:z")
            .ok()
            .map(DateTimeValue::Fixed);
    }
    parse_time(text).map(|t| DateTimeValue::Local(day.and_time(t)))
}

/// "14:00", "14h", "14h30", "9:05".
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().to_lowercase();
    let (h, m) = match text.split_once([':', 'h']) {
        Some((h, m)) => (h, if m.is_empty() { "0" } else { m }),
        None => return None,
    };
    NaiveTime::from_hms_opt(h.trim().parse().ok()?, m.trim().parse().ok()?, 0)
}

/// "90", "90m", "1h30", "1h", "2h 15".
pub fn parse_minutes(text: &str) -> Option<i64> {
    let text = text.trim().to_lowercase().replace(' ', "");
    if let Some((h, m)) = text.split_once('h') {
        let h: i64 = h.parse().ok()?;
        let m: i64 = if m.is_empty() {
            0
        } else {
            m.trim_end_matches("min")
                .trim_end_matches('m')
                .parse()
                .ok()?
        };
        return Some(h * 60 + m);
    }
    text.trim_end_matches("min")
        .trim_end_matches('m')
        .parse()
        .ok()
}

/// The time fields for a new start and length, keeping how the session writes its end:
/// `duration`, or `end` (then moved along). Unchanged values are dropped by `set_fields`.
fn times(
    program: &Program,
    s: &Session,
    start: Option<DateTimeValue>,
    minutes_new: Option<i64>,
) -> Vec<Field> {
    let tz = program.event.timezone;
    let start_value = start.map(|v| match (v, s.start.as_ref().map(|w| w.value)) {
        // Keep a start written with an offset when it does not change.
        (DateTimeValue::Local(n), Some(DateTimeValue::Fixed(f))) if f.naive_local() == n => {
            DateTimeValue::Fixed(f)
        }
        (v, _) => v,
    });
    let uses_end = s.end.is_some() && s.duration.is_none();
    if !uses_end {
        return vec![Field::Start(start_value), Field::Duration(minutes_new)];
    }
    match (start_value, minutes_new) {
        (Some(sv), Some(m)) => {
            let end_instant = resolve_lenient(tz, &sv) + m * 60;
            let end = match s.end.as_ref().map(|e| e.value) {
                Some(old) if resolve_lenient(tz, &old) == end_instant => old,
                _ => DateTimeValue::Local(to_local(tz, end_instant).naive_local()),
            };
            vec![Field::Start(Some(sv)), Field::End(Some(end))]
        }
        _ => vec![
            Field::Start(start_value),
            Field::End(None),
            Field::Duration(minutes_new),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_by_name_fold_accents_and_case_as_search_does() {
        let items = [("rhone", "Salle Rhône"), ("amphi", "Amphithéâtre")];
        let find = |t: &str| reference(t, items.iter().copied());
        assert_eq!(find("salle rhone"), Ok(Some("rhone".to_string())));
        assert_eq!(find("AMPHITHEATRE"), Ok(Some("amphi".to_string())));
        assert_eq!(find("amphi"), Ok(Some("amphi".to_string())));
        assert_eq!(find(""), Ok(None));
        assert_eq!(find("salle saône"), Err(()));
    }

    #[test]
    fn durations_and_times_read_like_people_write_them() {
        assert_eq!(parse_minutes("90"), Some(90));
        assert_eq!(parse_minutes("1h30"), Some(90));
        assert_eq!(parse_minutes("2h"), Some(120));
        assert_eq!(parse_minutes("45m"), Some(45));
        assert_eq!(parse_minutes("abc"), None);
        assert_eq!(parse_time("14:00"), NaiveTime::from_hms_opt(14, 0, 0));
        assert_eq!(parse_time("9h05"), NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(parse_time("25:00"), None);
        let day = NaiveDate::from_ymd_opt(2017, 12, 5).unwrap();
        let local = |text: &str| match parse_start(text, day) {
            Some(DateTimeValue::Local(n)) => Some(n.to_string()),
            _ => None,
        };
        let fixed = |text: &str| match parse_start(text, day) {
            Some(DateTimeValue::Fixed(f)) => Some(f.to_rfc3339()),
            _ => None,
        };
        assert_eq!(
            local("2017-12-06 09:30"),
            Some("2017-12-06 09:30:00".into())
        );
        assert_eq!(local("16:15"), Some("2017-12-05 16:15:00".into()));
        // An offset picks one instant of a repeated hour.
        assert_eq!(
            fixed("02:15+01:00"),
            Some("2017-12-05T02:15:00+01:00".into())
        );
        assert_eq!(
            fixed("2017-12-06 09:30+02:00"),
            Some("2017-12-06T09:30:00+02:00".into())
        );
        assert_eq!(
            fixed("2017-12-06T09:30-05:00"),
            Some("2017-12-06T09:30:00-05:00".into())
        );
        assert_eq!(parse_start("02:15+1h", day), None);
    }
}
