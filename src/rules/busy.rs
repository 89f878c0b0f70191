//! Busy times from the calendars rooms and people point at (`busy`): sessions during them are
//! `room-closed` and `speaker-unavailable`, and what could not be read is `invalid-calendar`.

use std::collections::HashSet;

use super::wording;
use super::{Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::model::{BusyTime, Calendar};
use crate::time::{day_start, to_local, Instant};

/// The busy times of some calendars overlapping `[a, b)`, each with the calendar it comes from.
fn overlapping(calendars: &[Calendar], a: Instant, b: Instant) -> Vec<(&BusyTime, &str)> {
    let mut out = Vec::new();
    for c in calendars {
        let end = c.busy.partition_point(|t| t.from < b);
        out.extend(
            c.busy[..end]
                .iter()
                .filter(|t| t.to > a)
                .map(|t| (t, c.path.value.as_str())),
        );
    }
    out.sort_by_key(|(t, _)| (t.from, t.to));
    out
}

/// "'Conseil métropolitain' 14:00–17:00", or "all day" for whole days.
fn busy_words(s: &Schedule, busy: &BusyTime) -> String {
    let local = to_local(s.tz, busy.from);
    let midnight = |t: Instant| {
        let d = to_local(s.tz, t).date_naive();
        day_start(s.tz, d) == t
    };
    let when = if midnight(busy.from) && midnight(busy.to) {
        let last = to_local(s.tz, busy.to - 1).date_naive();
        if last == local.date_naive() {
            "all day".to_string()
        } else {
            format!(
                "all day from {} to {}",
                wording::day(s.tz, busy.from),
                wording::day(s.tz, busy.to - 1)
            )
        }
    } else {
        wording::span(s.tz, busy.from, busy.to)
    };
    match &busy.summary {
        Some(summary) => format!(": '{summary}' {when}"),
        None => format!(" {when}"),
    }
}

fn message(s: &Schedule, who: &str, session: usize, found: &[(&BusyTime, &str)]) -> String {
    let (busy, path) = found[0];
    let (a, b) = s.sessions[session].slot().unwrap_or((busy.from, busy.to));
    let more = match found.len() {
        1 => String::new(),
        2 => " and 1 more busy time".to_string(),
        n => format!(" and {} more busy times", n - 1),
    };
    format!(
        "{who} is busy{} ({path}){more}, during '{}' ({} {})",
        busy_words(s, busy),
        s.program.sessions[session].title,
        wording::day(s.tz, a),
        wording::span(s.tz, a, b),
    )
}

/// `speaker-unavailable` for session `i` at `[a, b)` and one of its people: a busy time.
pub(super) fn speaker_busy_one(
    s: &Schedule,
    i: usize,
    person: usize,
    (a, b): (Instant, Instant),
    emit: &mut Emitter,
) {
    let who = &s.program.speakers[person];
    if who.busy.is_empty() {
        return;
    }
    let found = overlapping(&who.busy, a, b);
    if found.is_empty() {
        return;
    }
    emit.emit(RuleCode::SpeakerUnavailable, &[i], || Finding {
        message: message(s, &who.name, i, &found),
        person: Some(who.id.clone()),
        interval: Some((a, b)),
        related: vec![(found[0].0.span, format!("in {}", found[0].1))],
        help: super::allow_help_one(
            RuleCode::SpeakerUnavailable,
            "move the session out of the person's busy time, or ask them to free it",
        ),
        ..Finding::default()
    });
}

/// `room-closed` for session `i` at `[a, b)` in `room`: a busy time of the room's calendars.
pub(super) fn room_busy_one(
    s: &Schedule,
    i: usize,
    room: usize,
    (a, b): (Instant, Instant),
    emit: &mut Emitter,
) {
    let r = &s.program.rooms[room];
    if r.busy.is_empty() {
        return;
    }
    let found = overlapping(&r.busy, a, b);
    if found.is_empty() {
        return;
    }
    emit.emit(RuleCode::RoomClosed, &[i], || Finding {
        message: message(s, &r.name, i, &found),
        room: Some(r.id.clone()),
        interval: Some((a, b)),
        related: vec![(found[0].0.span, format!("in {}", found[0].1))],
        help: super::allow_help_one(
            RuleCode::RoomClosed,
            "move the session to another time or room, or free the room in its calendar",
        ),
        ..Finding::default()
    });
}

pub(super) fn invalid_calendar(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::InvalidCalendar) {
        return;
    }
    let mut seen = HashSet::new();
    let rooms = s
        .program
        .rooms
        .iter()
        .flat_map(|r| r.busy.iter().map(move |c| (c, Some(&r.id), None)));
    let people = s
        .program
        .speakers
        .iter()
        .flat_map(|p| p.busy.iter().map(move |c| (c, None, Some(&p.id))));
    for (calendar, room, person) in rooms.chain(people) {
        for problem in &calendar.problems {
            if !seen.insert((problem.span, &problem.message)) {
                continue;
            }
            emit.emit(RuleCode::InvalidCalendar, &[], || Finding {
                message: problem.message.clone(),
                room: room.cloned(),
                person: person.cloned(),
                span: Some(problem.span),
                help: problem.help.clone().or_else(|| {
                    Some(
                        "fix the calendar or export it again; the rest of it still counts as busy time"
                            .into(),
                    )
                }),
                ..Finding::default()
            });
        }
    }
}
