//! Merging the files of a directory event into one program.
//!
//! Exactly one `[event]` and at most one `[checks]` across all files; the arrays are
//! concatenated in file order. Checks that need the event's time zone (windows) happen here.

use std::path::Path;

use super::decode::{ChecksPart, FilePart, PlacementPart};
use super::InputError;
use crate::model::{
    Checks, DateTimeValue, Event, Placement, Program, Room, Session, Speaker, Track, Window,
};
use crate::source::{Sources, Span};
use crate::time::resolve_lenient;

/// Everything of a program but its sources.
pub(super) struct Merged {
    event: Event,
    checks: Checks,
    placement: Placement,
    tracks: Vec<Track>,
    rooms: Vec<Room>,
    speakers: Vec<Speaker>,
    sessions: Vec<Session>,
}

impl Merged {
    pub(super) fn into_program(self, sources: Sources) -> Program {
        Program {
            event: self.event,
            checks: self.checks,
            tracks: self.tracks,
            rooms: self.rooms,
            speakers: self.speakers,
            sessions: self.sessions,
            placement: self.placement,
            sources,
        }
    }
}

fn where_is(sources: &Sources, span: Span) -> String {
    let (path, line, column) = sources.locate(span);
    format!("{}:{}:{}", path.display(), line, column)
}

/// Whether a window's `to` is after its `from` (the one check of items that needs the event's
/// time zone).
pub(crate) fn window_in_order(tz: chrono_tz::Tz, w: &Window) -> bool {
    match (w.from, w.to) {
        (DateTimeValue::Local(a), DateTimeValue::Local(b)) => a < b,
        (from, to) => resolve_lenient(tz, &from) < resolve_lenient(tz, &to),
    }
}

/// `part` after `all`: the first part is taken as it is, not copied into a new list (a
/// 100,000-session program's sessions are 100 MB to move and fresh memory to touch).
fn append<T>(all: &mut Vec<T>, mut part: Vec<T>) {
    if all.is_empty() {
        std::mem::swap(all, &mut part);
    }
    all.append(&mut part);
}

pub(super) fn merge(
    parts: Vec<FilePart>,
    root: &Path,
    sources: &Sources,
    errors: &mut Vec<InputError>,
) -> Option<Merged> {
    let mut events = Vec::new();
    let mut checks: Vec<ChecksPart> = Vec::new();
    let mut placements: Vec<PlacementPart> = Vec::new();
    let mut merged_tracks = Vec::new();
    let mut merged_rooms = Vec::new();
    let mut merged_speakers = Vec::new();
    let mut merged_sessions = Vec::new();
    for part in parts {
        events.extend(part.events);
        checks.extend(part.checks);
        placements.extend(part.placement);
        append(&mut merged_tracks, part.tracks);
        append(&mut merged_rooms, part.rooms);
        append(&mut merged_speakers, part.speakers);
        append(&mut merged_sessions, part.sessions);
    }
    if events.is_empty() && errors.is_empty() {
        errors.push(
            InputError::file(root, format!("no [event] table in `{}`", root.display()))
                .help("add an [event] table with id, name, timezone, start and end"),
        );
    }
    for extra in events.iter().skip(1) {
        let first = where_is(sources, events[0].span);
        errors.push(
            InputError::at(
                extra.span,
                "a second [event] table: an event has exactly one",
            )
            .label("second [event]")
            .help(format!("the first [event] is at {first}; keep one of them")),
        );
    }
    for extra in checks.iter().skip(1) {
        let first = where_is(sources, checks[0].span);
        errors.push(
            InputError::at(
                extra.span,
                "a second [checks] table: an event has at most one",
            )
            .label("second [checks]")
            .help(format!("the first [checks] is at {first}; merge them")),
        );
    }
    for extra in placements.iter().skip(1) {
        let first = where_is(sources, placements[0].span);
        errors.push(
            InputError::at(
                extra.span,
                "a second [placement] table: an event has at most one",
            )
            .label("second [placement]")
            .help(format!("the first [placement] is at {first}; merge them")),
        );
    }
    let placement = placements
        .into_iter()
        .next()
        .map(|p| p.placement)
        .unwrap_or_default();
    let event = events.into_iter().next().and_then(|e| e.event)?;

    let mut rule_levels = Checks::default();
    if let Some(part) = checks.first() {
        for (code, level, minutes) in &part.entries {
            if let Some(level) = level {
                rule_levels.set_level(*code, *level);
            }
            if let Some(minutes) = minutes {
                rule_levels.changeover_minutes = *minutes;
            }
        }
    }

    let tz = event.timezone;
    let check_windows = |windows: &Option<Vec<Window>>, errors: &mut Vec<InputError>| {
        for w in windows.iter().flatten() {
            if !window_in_order(tz, w) {
                errors.push(
                    InputError::at(
                        w.span,
                        "this window ends before it starts (or when it starts)",
                    )
                    .label("`to` is not after `from`")
                    .help("a window runs from `from` to a later `to`"),
                );
            }
        }
    };
    for room in &merged_rooms {
        check_windows(&room.open, errors);
    }
    for speaker in &merged_speakers {
        check_windows(&speaker.available, errors);
    }
    Some(Merged {
        event,
        checks: rule_levels,
        placement,
        tracks: merged_tracks,
        rooms: merged_rooms,
        speakers: merged_speakers,
        sessions: merged_sessions,
    })
}
