//! Facts derived from a program that every rule needs: instants, resolved references, who is
//! in which session. Derived afresh after every change, never stored in the model.

use std::collections::HashMap;

/// Id lookups: a fast hasher, since the rules look up every reference of every session.
pub type IdMap<'p> = HashMap<&'p str, usize, foldhash::fast::FixedState>;

use chrono_tz::Tz;

use crate::codes::RuleCode;
use crate::model::{Program, Session, Status};
use crate::source::Span;
use crate::time::{Instant, Resolved, Resolver};

/// A problem with a session's times, found while resolving them.
#[derive(Debug, Clone)]
pub struct TimeIssue {
    /// `invalid-time` or `ambiguous-time`.
    pub code: RuleCode,
    /// The key at fault.
    pub span: Span,
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// What the rules know about one session.
#[derive(Debug, Clone, Default)]
pub struct SessionFacts {
    /// The room, when the session names a defined one.
    pub room: Option<usize>,
    /// The session names a room that is not defined.
    pub room_unknown: bool,
    /// The track, when the session names a defined one.
    pub track: Option<usize>,
    /// The session names a track that is not defined.
    pub track_unknown: bool,
    /// Defined speakers and moderators, each once.
    pub people: Vec<usize>,
    /// Positions (in speakers then moderators) of references to undefined people.
    pub unknown_people: Vec<usize>,
    /// `[start, end)` when both resolve to valid instants.
    pub interval: Option<(Instant, Instant)>,
    /// The times are invalid (`invalid-time`).
    pub invalid: bool,
    /// Takes part in time, room and capacity rules: not cancelled, times valid, room known.
    pub active: bool,
    /// A defined room, or no room for a kind that may be event-wide (break, social).
    pub has_place: bool,
    /// On the calendar: a start, valid times and a place; cancelled sessions too (calendars
    /// show them struck out or drop them). The one definition every export and view uses.
    pub placed: bool,
    /// On the calendar and not cancelled: what the time, room and capacity rules look at.
    pub scheduled: bool,
    pub time_issues: Vec<TimeIssue>,
}

impl SessionFacts {
    /// `[start, end)` of a scheduled session.
    pub fn slot(&self) -> Option<(Instant, Instant)> {
        if self.scheduled {
            self.interval
        } else {
            None
        }
    }

    /// `[start, end)` of a session on the calendar, cancelled or not.
    pub fn calendar_slot(&self) -> Option<(Instant, Instant)> {
        if self.placed {
            self.interval
        } else {
            None
        }
    }
}

/// A program and the facts derived from it.
pub struct Schedule<'p> {
    pub program: &'p Program,
    pub tz: Tz,
    pub rooms: IdMap<'p>,
    pub tracks: IdMap<'p>,
    pub speakers: IdMap<'p>,
    pub sessions: Vec<SessionFacts>,
}

fn first_by_id<'p, T>(items: &'p [T], id: impl Fn(&'p T) -> &'p str) -> IdMap<'p> {
    let mut map = IdMap::with_capacity_and_hasher(items.len(), Default::default());
    for (i, item) in items.iter().enumerate() {
        map.entry(id(item)).or_insert(i);
    }
    map
}

impl<'p> Schedule<'p> {
    pub fn new(program: &'p Program) -> Schedule<'p> {
        let rooms = first_by_id(&program.rooms, |r| r.id.as_str());
        let tracks = first_by_id(&program.tracks, |t| t.id.as_str());
        let speakers = first_by_id(&program.speakers, |s| s.id.as_str());
        let tz = program.event.timezone;
        let mut resolver = Resolver::new(tz);
        let sessions = program
            .sessions
            .iter()
            .map(|s| facts(s, &mut resolver, &rooms, &tracks, &speakers))
            .collect();
        Schedule {
            program,
            tz,
            rooms,
            tracks,
            speakers,
            sessions,
        }
    }
}

fn facts(
    session: &Session,
    resolver: &mut Resolver,
    rooms: &IdMap,
    tracks: &IdMap,
    speakers: &IdMap,
) -> SessionFacts {
    let room = session
        .room
        .as_ref()
        .and_then(|r| rooms.get(r.value.as_str()).copied());
    let room_unknown = session.room.is_some() && room.is_none();
    let track = session
        .track
        .as_ref()
        .and_then(|t| tracks.get(t.value.as_str()).copied());
    let track_unknown = session.track.is_some() && track.is_none();
    let mut people = Vec::with_capacity(session.speakers.len() + session.moderators.len());
    let mut unknown_people = Vec::new();
    for (n, p) in session.people().enumerate() {
        match speakers.get(p.value.as_str()) {
            Some(&i) => people.push(i),
            None => unknown_people.push(n),
        }
    }
    people.sort_unstable();
    people.dedup();

    let mut issues = Vec::new();
    let interval = times(session, resolver, &mut issues);
    let invalid = issues.iter().any(|i| i.code == RuleCode::InvalidTime);
    let active = session.status != Status::Cancelled && !invalid && !room_unknown;
    let has_place = room.is_some() || (session.room.is_none() && session.kind.may_be_event_wide());
    let placed = session.start.is_some() && !invalid && has_place;
    let scheduled = placed && session.status != Status::Cancelled;
    SessionFacts {
        room,
        room_unknown,
        track,
        track_unknown,
        people,
        unknown_people,
        interval: if invalid { None } else { interval },
        invalid,
        active,
        has_place,
        placed,
        scheduled,
        time_issues: issues,
    }
}

/// Resolve a session's start and end, recording every time problem.
fn times(
    session: &Session,
    resolver: &mut Resolver,
    issues: &mut Vec<TimeIssue>,
) -> Option<(Instant, Instant)> {
    let tz = resolver.tz();
    use crate::rules::wording::{date_time, gap_note};
    let invalid = |span: Span, message: String, help: &str, issues: &mut Vec<TimeIssue>| {
        // One invalid-time per session: the first reason found.
        if !issues.iter().any(|i| i.code == RuleCode::InvalidTime) {
            issues.push(TimeIssue {
                code: RuleCode::InvalidTime,
                span,
                message,
                help: help.to_string(),
            });
        }
    };
    let title = &session.title;
    if let (Some(_), Some(end)) = (&session.duration, &session.end) {
        invalid(
            end.span,
            format!("'{title}' gives both `end` and `duration`"),
            "keep only one of them",
            issues,
        );
    }
    if let Some(d) = &session.duration {
        if d.value < 1 {
            invalid(
                d.span,
                format!("'{title}' lasts {} minutes", d.value),
                "a duration is a number of minutes, at least 1",
                issues,
            );
        }
    }
    let mut resolve_key = |key: &str,
                           value: &crate::model::Spanned<crate::model::DateTimeValue>,
                           issues: &mut Vec<TimeIssue>| {
        match resolver.resolve(&value.value) {
            Resolved::Exact(t) => Some(t),
            Resolved::Ambiguous(t) => {
                issues.push(TimeIssue {
                    code: RuleCode::AmbiguousTime,
                    span: value.span,
                    message: format!(
                        "'{title}' {key} at {}, which happens twice in {} (clocks go back); the earlier one is used",
                        date_time(tz, &value.value),
                        tz.name()
                    ),
                    help: fold_help(tz, &value.value),
                });
                Some(t)
            }
            Resolved::Gap => {
                invalid(
                    value.span,
                    format!(
                        "'{title}' {key} at {}, a time that does not exist in {}{}",
                        date_time(tz, &value.value),
                        tz.name(),
                        gap_note()
                    ),
                    "the clocks skip this time: pick a time before or after the change",
                    issues,
                );
                None
            }
        }
    };
    let start = session
        .start
        .as_ref()
        .and_then(|s| resolve_key("starts", s, issues));
    let end_at = session
        .end
        .as_ref()
        .and_then(|e| resolve_key("ends", e, issues));
    let start_span = session.start.as_ref().map(|s| s.span);
    if let Some(span) = start_span {
        if session.duration.is_none() && session.end.is_none() {
            invalid(
                span,
                format!("'{title}' has a start but neither `duration` nor `end`"),
                "add `duration = 60` (minutes) or an `end`",
                issues,
            );
        }
    }
    let start = start?;
    // Every output writes four-digit years: a time outside 0001..9999 is refused here, never
    // wrapped or written as `+10000-…`.
    let outside = |key: &str,
                   value: &Option<crate::model::Spanned<crate::model::DateTimeValue>>,
                   issues: &mut Vec<TimeIssue>| {
        if let Some(value) = value {
            invalid(
                value.span,
                format!(
                    "'{title}' {key} at {}, outside the years 0001 to 9999",
                    date_time(tz, &value.value)
                ),
                "agora handles the years 0001 to 9999, what iCalendar, JSON and CSV can write",
                issues,
            );
        }
    };
    if !crate::time::representable(start) {
        outside("starts", &session.start, issues);
        return None;
    }
    let end = match (&session.duration, end_at) {
        (Some(d), None) if session.end.is_none() => {
            match d
                .value
                .checked_mul(60)
                .and_then(|seconds| start.checked_add(seconds))
                .filter(|&end| crate::time::representable(end))
            {
                Some(end) => end,
                None => {
                    invalid(
                        d.span,
                        format!(
                            "'{title}' lasts {} minutes: it would end after the year 9999",
                            d.value
                        ),
                        "`duration` is in minutes (a day is 1440, a week 10080)",
                        issues,
                    );
                    return None;
                }
            }
        }
        (None, Some(end)) => {
            if !crate::time::representable(end) {
                outside("ends", &session.end, issues);
                return None;
            }
            end
        }
        _ => return None,
    };
    if end <= start {
        let span = session.end.as_ref().map(|e| e.span).unwrap_or(session.span);
        invalid(
            span,
            format!("'{title}' ends before or when it starts"),
            "`end` must be later than `start`",
            issues,
        );
        return None;
    }
    Some((start, end))
}

/// "write …+02:00 for the first or …+01:00 for the second".
fn fold_help(tz: Tz, value: &crate::model::DateTimeValue) -> String {
    let crate::model::DateTimeValue::Local(naive) = value else {
        return String::new();
    };
    match crate::time::local_time(tz, naive) {
        crate::time::LocalTime::Fold(a, b) => {
            let text = naive.format("%Y-%m-%dT%H:%M:%S");
            format!(
                "to choose, write the offset: {text}{} for the first, {text}{} for the second",
                a.offset(),
                b.offset()
            )
        }
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_on_the_calendar() {
        let text = r#"
[event]
id = "e"
name = "E"
timezone = "Europe/Paris"
start = 2024-05-02
end = 2024-05-02

[[rooms]]
id = "a"
name = "A"

[[sessions]]
id = "talk"
title = "Talk"
room = "a"
start = 2024-05-02T10:00:00
duration = 30

[[sessions]]
id = "cancelled"
title = "Cancelled"
room = "a"
status = "cancelled"
start = 2024-05-02T11:00:00
duration = 30

[[sessions]]
id = "lost"
title = "Unknown room"
room = "nowhere"
start = 2024-05-02T10:00:00
duration = 30

[[sessions]]
id = "lunch"
title = "Lunch"
kind = "break"
start = 2024-05-02T12:00:00
duration = 60

[[sessions]]
id = "roomless"
title = "A talk without a room"
start = 2024-05-02T12:00:00
duration = 60

[[sessions]]
id = "later"
title = "No start yet"
room = "a"
duration = 30

[[sessions]]
id = "backwards"
title = "Ends before it starts"
room = "a"
start = 2024-05-02T15:00:00
end = 2024-05-02T14:00:00
"#;
        let program = crate::load::load_str(std::path::Path::new("e.toml"), text).expect("loads");
        let schedule = Schedule::new(&program);
        let got: Vec<(&str, bool, bool)> = program
            .sessions
            .iter()
            .zip(&schedule.sessions)
            .map(|(s, f)| (s.id.as_str(), f.placed, f.scheduled))
            .collect();
        assert_eq!(
            got,
            [
                ("talk", true, true),
                ("cancelled", true, false),
                ("lost", false, false),
                ("lunch", true, true),
                ("roomless", false, false),
                ("later", false, false),
                ("backwards", false, false),
            ]
        );
        let f = &schedule.sessions[1];
        assert_eq!((f.slot(), f.calendar_slot().is_some()), (None, true));
    }
}
