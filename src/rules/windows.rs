//! Rules about time windows: `outside-event`, `room-closed`, `speaker-unavailable` (the busy
//! times of `busy` calendars are in `busy`).

use chrono::Days;

use super::wording;
use super::{Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::model::Window;
use crate::time::{day_start, resolve_lenient, Instant};

/// Windows as sorted, merged instants: touching or overlapping windows become one.
pub(crate) fn merged(s: &Schedule, windows: &[Window]) -> Vec<(Instant, Instant)> {
    let mut spans: Vec<(Instant, Instant)> = windows
        .iter()
        .map(|w| (resolve_lenient(s.tz, &w.from), resolve_lenient(s.tz, &w.to)))
        .collect();
    spans.sort_unstable();
    let mut out: Vec<(Instant, Instant)> = Vec::with_capacity(spans.len());
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

/// Whether `[start, end)` lies inside one merged window.
pub(crate) fn inside(windows: &[(Instant, Instant)], start: Instant, end: Instant) -> bool {
    let i = windows.partition_point(|w| w.0 <= start);
    i > 0 && windows[i - 1].1 >= end
}

fn list(s: &Schedule, windows: &[(Instant, Instant)]) -> String {
    if windows.is_empty() {
        return "none".to_string();
    }
    let shown: Vec<String> = windows
        .iter()
        .take(4)
        .map(|&(a, b)| format!("{} {}", wording::day(s.tz, a), wording::span(s.tz, a, b)))
        .collect();
    let more = if windows.len() > 4 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// The windows every time-window rule compares with, resolved once: the event's days, each
/// room's opening hours and each person's availability (merged).
pub(crate) struct Windows {
    /// Local midnight of the first day, and of the day after the last.
    pub event: (Instant, Instant),
    pub hours: Vec<Option<Vec<(Instant, Instant)>>>,
    pub available: Vec<Option<Vec<(Instant, Instant)>>>,
}

impl Windows {
    pub fn new(s: &Schedule) -> Windows {
        let event = &s.program.event;
        let first = day_start(s.tz, event.start);
        let after = event
            .end
            .checked_add_days(Days::new(1))
            .map(|d| day_start(s.tz, d))
            .unwrap_or(Instant::MAX);
        Windows {
            event: (first, after),
            hours: s
                .program
                .rooms
                .iter()
                .map(|r| r.open.as_ref().map(|w| merged(s, w)))
                .collect(),
            available: s
                .program
                .speakers
                .iter()
                .map(|p| p.available.as_ref().map(|w| merged(s, w)))
                .collect(),
        }
    }
}

pub(super) fn outside_event(s: &Schedule, w: &Windows, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::OutsideEvent) {
        return;
    }
    for i in 0..s.sessions.len() {
        outside_event_one(s, w, i, emit);
    }
}

/// `outside-event` for session `i`.
pub(super) fn outside_event_one(s: &Schedule, w: &Windows, i: usize, emit: &mut Emitter) {
    let Some((a, b)) = s.sessions[i].slot() else {
        return;
    };
    let (first, after) = w.event;
    if a >= first && b <= after {
        return;
    }
    emit.emit(RuleCode::OutsideEvent, &[i], || Finding {
        message: format!(
            "'{}' ({} {}) is outside the event's days ({} to {})",
            s.program.sessions[i].title,
            wording::full_day(s.tz, a),
            wording::span(s.tz, a, b),
            wording::full_day(s.tz, first),
            wording::full_day(s.tz, after - 1),
        ),
        interval: Some((a, b)),
        help: Some("move it within the event's days, or change [event] start and end".into()),
        ..Finding::default()
    });
}

pub(super) fn room_closed(s: &Schedule, w: &Windows, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::RoomClosed) {
        return;
    }
    for i in 0..s.sessions.len() {
        room_closed_one(s, w, i, emit);
    }
}

/// `room-closed` for session `i`.
pub(super) fn room_closed_one(s: &Schedule, w: &Windows, i: usize, emit: &mut Emitter) {
    let facts = &s.sessions[i];
    let (Some(room), Some((a, b))) = (facts.room, facts.slot()) else {
        return;
    };
    super::busy::room_busy_one(s, i, room, (a, b), emit);
    let Some(open) = &w.hours[room] else { return };
    if inside(open, a, b) {
        return;
    }
    emit.emit(RuleCode::RoomClosed, &[i], || {
        let r = &s.program.rooms[room];
        Finding {
            message: format!(
                "'{}' ({} {}) is outside the opening hours of {} (open: {})",
                s.program.sessions[i].title,
                wording::day(s.tz, a),
                wording::span(s.tz, a, b),
                r.name,
                list(s, open)
            ),
            room: Some(r.id.clone()),
            interval: Some((a, b)),
            related: vec![(r.span, format!("{}'s opening hours", r.name))],
            help: super::allow_help_one(
                RuleCode::RoomClosed,
                "move it into the opening hours, or extend the room's `open`",
            ),
            ..Finding::default()
        }
    });
}

pub(super) fn speaker_unavailable(s: &Schedule, w: &Windows, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::SpeakerUnavailable) {
        return;
    }
    for i in 0..s.sessions.len() {
        speaker_unavailable_one(s, w, i, emit);
    }
}

/// `speaker-unavailable` for session `i` (one finding per person).
pub(super) fn speaker_unavailable_one(s: &Schedule, w: &Windows, i: usize, emit: &mut Emitter) {
    let facts = &s.sessions[i];
    let Some((a, b)) = facts.slot() else { return };
    for &person in &facts.people {
        super::busy::speaker_busy_one(s, i, person, (a, b), emit);
        let Some(free) = &w.available[person] else {
            continue;
        };
        if inside(free, a, b) {
            continue;
        }
        emit.emit(RuleCode::SpeakerUnavailable, &[i], || {
            let who = &s.program.speakers[person];
            Finding {
                message: format!(
                    "{} is not available for '{}' ({} {}); available: {}",
                    who.name,
                    s.program.sessions[i].title,
                    wording::day(s.tz, a),
                    wording::span(s.tz, a, b),
                    list(s, free)
                ),
                person: Some(who.id.clone()),
                interval: Some((a, b)),
                related: vec![(who.span, format!("{}'s availability", who.name))],
                help: super::allow_help_one(
                    RuleCode::SpeakerUnavailable,
                    "move the session into the person's availability",
                ),
                ..Finding::default()
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::inside;

    #[test]
    fn inside_merged_windows() {
        let w = [(0, 10), (20, 30)];
        assert!(inside(&w, 0, 10));
        assert!(inside(&w, 22, 30));
        assert!(!inside(&w, 5, 21));
        assert!(!inside(&w, 10, 11));
        assert!(!inside(&[], 1, 2));
    }
}
