//! Which sessions an export contains: `--room`, `--speaker`, `--track`, `--day`, `--session`,
//! and `--split`, which makes one export per room, speaker, track or session.
//!
//! Values of one flag are alternatives (`--room a --room b`: either room); different flags
//! must all match (`--room a --day 2017-12-05`: room a on that day). A `--room` selection also
//! keeps the event-wide breaks and socials (no room), since they happen for everyone; the other
//! filters keep only the sessions they name. Unknown ids and days are errors with a suggestion,
//! never an empty export. This module must not print or write files.

use chrono::NaiveDate;

use crate::load::closest;
use crate::model::Program;
use crate::rules::Schedule;

/// The filters as given on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub rooms: Vec<String>,
    pub speakers: Vec<String>,
    pub tracks: Vec<String>,
    /// `YYYY-MM-DD`, or the day's number in the event (`1` is the first day).
    pub days: Vec<String>,
    pub sessions: Vec<String>,
    /// Language tags: sessions given in one of them or interpreted into one (`--language`).
    pub languages: Vec<String>,
}

/// What `--split` makes one export of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// One export per room: what happens in it (and the event-wide breaks).
    Rooms,
    /// One per speaker or moderator: their personal schedule.
    Speakers,
    /// One per track.
    Tracks,
    /// One per scheduled session: an "add to calendar" file.
    Sessions,
}

impl Split {
    /// The folder the parts go in, and the word for them.
    pub fn folder(self) -> &'static str {
        match self {
            Split::Rooms => "rooms",
            Split::Speakers => "speakers",
            Split::Tracks => "tracks",
            Split::Sessions => "sessions",
        }
    }
}

/// A filter or split value that names nothing in the program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError {
    pub message: String,
    pub help: Option<String>,
}

/// A [`Selection`] checked against a program: indices and dates.
#[derive(Debug, Clone, Default)]
pub(crate) struct Filter {
    rooms: Vec<usize>,
    speakers: Vec<usize>,
    tracks: Vec<usize>,
    days: Vec<NaiveDate>,
    sessions: Vec<String>,
    languages: Vec<String>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.rooms.is_empty()
            && self.speakers.is_empty()
            && self.tracks.is_empty()
            && self.days.is_empty()
            && self.sessions.is_empty()
            && self.languages.is_empty()
    }

    /// Whether session `i` may be selected, from what does not need its day: false only when
    /// [`Filter::matches`] is false whatever the day. A cheap test before the day is worked
    /// out (a split into a thousand parts runs it for every session of every part).
    pub fn may_match(&self, schedule: &Schedule, i: usize) -> bool {
        let session = &schedule.program.sessions[i];
        let facts = &schedule.sessions[i];
        let event_wide = session.room.is_none() && session.kind.may_be_event_wide();
        (self.rooms.is_empty() || event_wide || facts.room.is_some_and(|r| self.rooms.contains(&r)))
            && (self.speakers.is_empty() || facts.people.iter().any(|p| self.speakers.contains(p)))
            && (self.tracks.is_empty() || facts.track.is_some_and(|t| self.tracks.contains(&t)))
            && (self.sessions.is_empty() || self.sessions.contains(&session.id))
    }

    /// Whether session `i` is selected; `day` is its local start date when it is placed.
    pub fn matches(&self, schedule: &Schedule, i: usize, day: Option<NaiveDate>) -> bool {
        let session = &schedule.program.sessions[i];
        let facts = &schedule.sessions[i];
        let event_wide = session.room.is_none() && session.kind.may_be_event_wide();
        (self.rooms.is_empty()
            || facts.room.is_some_and(|r| self.rooms.contains(&r))
            || event_wide && day.is_some())
            && (self.speakers.is_empty() || facts.people.iter().any(|p| self.speakers.contains(p)))
            && (self.tracks.is_empty() || facts.track.is_some_and(|t| self.tracks.contains(&t)))
            && (self.days.is_empty() || day.is_some_and(|d| self.days.contains(&d)))
            && (self.sessions.is_empty() || self.sessions.contains(&session.id))
            && (self.languages.is_empty()
                || event_wide && day.is_some()
                || crate::language::heard_in(
                    session
                        .language
                        .as_deref()
                        .unwrap_or(&schedule.program.event.language),
                    &session.interpretation,
                    &self.languages,
                ))
    }
}

/// Where each room's and track's sessions are, and the event-wide ones: the sessions a
/// part of a split may hold, so that a thousand parts do not each test every session.
#[derive(Debug, Default)]
pub(crate) struct SessionIndex {
    by_room: Vec<Vec<usize>>,
    by_track: Vec<Vec<usize>>,
    event_wide: Vec<usize>,
}

impl SessionIndex {
    pub fn new(schedule: &Schedule) -> SessionIndex {
        let program = schedule.program;
        let mut index = SessionIndex {
            by_room: vec![Vec::new(); program.rooms.len()],
            by_track: vec![Vec::new(); program.tracks.len()],
            event_wide: Vec::new(),
        };
        for (i, session) in program.sessions.iter().enumerate() {
            let facts = &schedule.sessions[i];
            if let Some(list) = facts.room.and_then(|r| index.by_room.get_mut(r)) {
                list.push(i);
            }
            if let Some(list) = facts.track.and_then(|t| index.by_track.get_mut(t)) {
                list.push(i);
            }
            if session.room.is_none() && session.kind.may_be_event_wide() {
                index.event_wide.push(i);
            }
        }
        index
    }
}

impl Filter {
    /// The sessions this filter may select, in the program's order, when its rooms or tracks
    /// narrow them down (`None`: any session may be). Every session [`Filter::matches`]
    /// selects is in the list.
    pub fn candidates(&self, index: &SessionIndex) -> Option<Vec<usize>> {
        let of = |lists: &[Vec<usize>], wanted: &[usize]| -> Vec<usize> {
            wanted
                .iter()
                .filter_map(|&k| lists.get(k))
                .flatten()
                .copied()
                .collect()
        };
        let mut out = if !self.rooms.is_empty() {
            let mut out = of(&index.by_room, &self.rooms);
            out.extend_from_slice(&index.event_wide);
            out
        } else if !self.tracks.is_empty() {
            of(&index.by_track, &self.tracks)
        } else {
            return None;
        };
        out.sort_unstable();
        out.dedup();
        Some(out)
    }
}

fn unknown(what: &str, value: &str, flag: &str, known: &[&str]) -> SelectionError {
    let help = match closest(value, known.iter().copied()) {
        Some(near) => Some(format!("did you mean `{flag} {near}`?")),
        None if known.is_empty() => Some(format!("the event defines no {what}")),
        None => Some(format!(
            "known {what} ids: {}",
            known
                .iter()
                .take(12)
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        )),
    };
    SelectionError {
        message: format!("`{flag} {value}`: the event has no {what} with this id"),
        help,
    }
}

fn lookup(
    values: &[String],
    what: &str,
    flag: &str,
    ids: &[&str],
) -> Result<Vec<usize>, SelectionError> {
    values
        .iter()
        .map(|v| {
            ids.iter()
                .position(|id| id == v)
                .ok_or_else(|| unknown(what, v, flag, ids))
        })
        .collect()
}

impl Selection {
    pub fn is_empty(&self) -> bool {
        self.rooms.is_empty()
            && self.speakers.is_empty()
            && self.tracks.is_empty()
            && self.days.is_empty()
            && self.sessions.is_empty()
            && self.languages.is_empty()
    }

    /// Check every value against the program.
    pub(crate) fn resolve(&self, program: &Program) -> Result<Filter, SelectionError> {
        let room_ids: Vec<&str> = program.rooms.iter().map(|r| r.id.as_str()).collect();
        let speaker_ids: Vec<&str> = program.speakers.iter().map(|s| s.id.as_str()).collect();
        let track_ids: Vec<&str> = program.tracks.iter().map(|t| t.id.as_str()).collect();
        let session_ids: Vec<&str> = program.sessions.iter().map(|s| s.id.as_str()).collect();
        for s in &self.sessions {
            if !session_ids.contains(&s.as_str()) {
                return Err(unknown("session", s, "--session", &session_ids));
            }
        }
        for tag in &self.languages {
            if !crate::language::is_usable_tag(tag) {
                return Err(SelectionError {
                    message: format!("`--language {tag}` is not a language tag"),
                    help: Some(match crate::language::tag_for(tag) {
                        Some(code) => format!("write the tag, not the name: --language {code}"),
                        None => "for example --language fr or --language en".to_string(),
                    }),
                });
            }
        }
        Ok(Filter {
            rooms: lookup(&self.rooms, "room", "--room", &room_ids)?,
            speakers: lookup(&self.speakers, "speaker", "--speaker", &speaker_ids)?,
            tracks: lookup(&self.tracks, "track", "--track", &track_ids)?,
            days: self
                .days
                .iter()
                .map(|d| parse_day(program, d))
                .collect::<Result<_, _>>()?,
            sessions: self.sessions.clone(),
            languages: self.languages.clone(),
        })
    }
}

/// `2017-12-05` or a day number (`1` = the event's first day).
fn parse_day(program: &Program, text: &str) -> Result<NaiveDate, SelectionError> {
    let (start, end) = (program.event.start, program.event.end);
    let span = (end - start).num_days() + 1;
    let days = format!(
        "the event runs from {start} to {end}: give a date in that range or a day number from 1 to {span}"
    );
    let date = if let Ok(n) = text.parse::<i64>() {
        if n < 1 || n > span {
            return Err(SelectionError {
                message: format!("`--day {text}`: the event has {span} day(s)"),
                help: Some(days),
            });
        }
        start + chrono::Duration::days(n - 1)
    } else {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| SelectionError {
            message: format!("`--day {text}` is not a date"),
            help: Some(format!("write the day as YYYY-MM-DD or a number; {days}")),
        })?
    };
    if date < start || date > end {
        return Err(SelectionError {
            message: format!("`--day {text}` is not a day of the event"),
            help: Some(days),
        });
    }
    Ok(date)
}

/// One part of a split export.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub split: Split,
    pub id: String,
    pub name: String,
    pub filter: Filter,
}

/// The parts of `split` that have at least one selected session, in the program's order.
/// Items whose id is not unique are exported once, under their first definition.
pub(crate) fn parts(
    schedule: &Schedule,
    filter: &Filter,
    split: Split,
    placed: impl Fn(usize) -> Option<NaiveDate>,
) -> Vec<Part> {
    let program = schedule.program;
    // A part needs a session of its own: event-wide breaks alone do not make a room's part.
    let has_any = |f: &Filter| {
        (0..program.sessions.len()).any(|i| {
            if split == Split::Rooms && schedule.sessions[i].room.is_none()
                || !f.may_match(schedule, i)
            {
                return false;
            }
            let day = placed(i);
            let own = split != Split::Sessions || day.is_some();
            own && f.matches(schedule, i, day)
        })
    };
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut push = |id: &str, name: &str, narrowed: Filter| {
        if seen.insert(id.to_string()) && has_any(&narrowed) {
            out.push(Part {
                split,
                id: id.to_string(),
                name: crate::export::clean::line(name),
                filter: narrowed,
            });
        }
    };
    match split {
        Split::Rooms => {
            for (i, r) in program.rooms.iter().enumerate() {
                let mut f = filter.clone();
                f.rooms = vec![i];
                if filter.rooms.is_empty() || filter.rooms.contains(&i) {
                    push(&r.id, &r.name, f);
                }
            }
        }
        Split::Speakers => {
            for (i, s) in program.speakers.iter().enumerate() {
                let mut f = filter.clone();
                f.speakers = vec![i];
                if filter.speakers.is_empty() || filter.speakers.contains(&i) {
                    push(&s.id, &s.name, f);
                }
            }
        }
        Split::Tracks => {
            for (i, t) in program.tracks.iter().enumerate() {
                let mut f = filter.clone();
                f.tracks = vec![i];
                if filter.tracks.is_empty() || filter.tracks.contains(&i) {
                    push(&t.id, &t.name, f);
                }
            }
        }
        Split::Sessions => {
            for s in &program.sessions {
                let mut f = filter.clone();
                f.sessions = vec![s.id.clone()];
                if filter.sessions.is_empty() || filter.sessions.contains(&s.id) {
                    push(&s.id, &s.title, f);
                }
            }
        }
    }
    out
}
