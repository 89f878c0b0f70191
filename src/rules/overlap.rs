//! Pairwise overlap rules: `room-overlap`, `speaker-overlap`, `track-overlap`,
//! `plenary-overlap`.
//!
//! Each takes the scheduled sessions grouped by room, person or track (in time order, from the
//! shared [`Timeline`]) and sweeps each group keeping the sessions still running:
//! O(n log n + pairs reported), never all pairs.

use super::timeline::{sweep, Groups, Timeline};
use super::wording;
use super::{allow_help, Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::time::Instant;

/// "'Title' (Amphi, 14:00–15:30)".
pub(crate) fn describe(s: &Schedule, session: usize) -> String {
    let sess = &s.program.sessions[session];
    let facts = &s.sessions[session];
    let place = match facts.room {
        Some(r) => s.program.rooms[r].name.as_str(),
        None => "all rooms",
    };
    match facts.interval {
        Some((a, b)) => format!("'{}' ({place}, {})", sess.title, wording::span(s.tz, a, b)),
        None => format!("'{}' ({place})", sess.title),
    }
}

pub(crate) fn related(s: &Schedule, sessions: [usize; 2]) -> Vec<(crate::source::Span, String)> {
    let mut ids = sessions;
    ids.sort_by(|&x, &y| s.program.sessions[x].id.cmp(&s.program.sessions[y].id));
    // The first session (by id) is the primary place; point at the other one too.
    vec![(
        s.program.sessions[ids[1]].span,
        format!("'{}'", s.program.sessions[ids[1]].title),
    )]
}

pub(super) fn room_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::RoomOverlap) {
        return;
    }
    let rooms = t.group(s.program.rooms.len(), |i| s.sessions[i].room.as_slice());
    sweep(&rooms, |room, a, b, start, end| {
        room_pair(s, emit, room, a, b, start, end)
    });
}

/// `room-overlap` for sessions `a` and `b` (`a` first in time order) overlapping over
/// `[start, end)` in `room`.
pub(super) fn room_pair(
    s: &Schedule,
    emit: &mut Emitter,
    room: usize,
    a: usize,
    b: usize,
    start: Instant,
    end: Instant,
) {
    emit.emit(RuleCode::RoomOverlap, &[a, b], || {
        let room = &s.program.rooms[room];
        let (sa, sb) = (&s.program.sessions[a], &s.program.sessions[b]);
        let (ia, ib) = (
            s.sessions[a].interval.unwrap_or_default(),
            s.sessions[b].interval.unwrap_or_default(),
        );
        Finding {
            message: format!(
                "'{}' ({}) and '{}' ({}) are both in {} on {}",
                sa.title,
                wording::span(s.tz, ia.0, ia.1),
                sb.title,
                wording::span(s.tz, ib.0, ib.1),
                room.name,
                wording::day(s.tz, start)
            ),
            room: Some(room.id.clone()),
            interval: Some((start, end)),
            related: related(s, [a, b]),
            help: allow_help(
                RuleCode::RoomOverlap,
                "move one of them to another room or time",
            ),
            ..Finding::default()
        }
    });
}

pub(super) fn speaker_overlap(s: &Schedule, people: &Groups, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::SpeakerOverlap) {
        return;
    }
    sweep(people, |person, a, b, start, end| {
        speaker_pair(s, emit, person, a, b, start, end)
    });
}

/// `speaker-overlap` for `person` in sessions `a` and `b` (`a` first in time order).
pub(super) fn speaker_pair(
    s: &Schedule,
    emit: &mut Emitter,
    person: usize,
    a: usize,
    b: usize,
    start: Instant,
    end: Instant,
) {
    emit.emit(RuleCode::SpeakerOverlap, &[a, b], || {
        let who = &s.program.speakers[person];
        Finding {
            message: format!(
                "{} is in {} and {} on {}",
                who.name,
                describe(s, a),
                describe(s, b),
                wording::day(s.tz, start)
            ),
            person: Some(who.id.clone()),
            interval: Some((start, end)),
            related: related(s, [a, b]),
            help: allow_help(
                RuleCode::SpeakerOverlap,
                "move one of the sessions, or take the person off one",
            ),
            ..Finding::default()
        }
    });
}

pub(super) fn track_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::TrackOverlap) {
        return;
    }
    let tracks = t.group(s.program.tracks.len(), |i| s.sessions[i].track.as_slice());
    sweep(&tracks, |track, a, b, start, end| {
        track_pair(s, emit, track, a, b, start, end)
    });
}

/// `track-overlap` for sessions `a` and `b` of `track` (`a` first in time order).
pub(super) fn track_pair(
    s: &Schedule,
    emit: &mut Emitter,
    track: usize,
    a: usize,
    b: usize,
    start: Instant,
    end: Instant,
) {
    emit.emit(RuleCode::TrackOverlap, &[a, b], || {
        let t = &s.program.tracks[track];
        Finding {
            message: format!(
                "{} and {} of track {} overlap on {}",
                describe(s, a),
                describe(s, b),
                t.name,
                wording::day(s.tz, start)
            ),
            track: Some(t.id.clone()),
            interval: Some((start, end)),
            related: related(s, [a, b]),
            help: allow_help(
                RuleCode::TrackOverlap,
                "move one of them so the track's audience can attend both",
            ),
            ..Finding::default()
        }
    });
}

/// Pairs of a plenary session and any scheduled session overlapping it (breaks included).
pub(super) fn plenary_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::PlenaryOverlap) {
        return;
    }
    let sessions = &s.program.sessions;
    if !sessions.iter().any(|x| x.plenary) {
        return;
    }
    let order = &t.order;
    // Every running session (for a plenary that starts) and the running plenaries (for any
    // session that starts); each pair is found when its later-starting member starts.
    let mut running: std::collections::BinaryHeap<std::cmp::Reverse<(Instant, usize)>> =
        Default::default();
    let mut running_plenaries: Vec<(Instant, usize)> = Vec::new();
    let mut pairs: Vec<(usize, usize, Instant, Instant)> = Vec::new();
    for &(start, end, i) in order {
        while running.peek().is_some_and(|r| r.0 .0 <= start) {
            running.pop();
        }
        running_plenaries.retain(|&(e, _)| e > start);
        if sessions[i].plenary {
            for r in running.iter() {
                let (e, other) = r.0;
                pairs.push((other, i, start, e.min(end)));
            }
            running_plenaries.push((end, i));
        } else {
            for &(e, p) in &running_plenaries {
                pairs.push((p, i, start, e.min(end)));
            }
        }
        running.push(std::cmp::Reverse((end, i)));
    }
    for (a, b, start, end) in pairs {
        plenary_pair(s, emit, a, b, start, end);
    }
}

/// `plenary-overlap` for sessions `a` and `b` (`a` first in time order), one of them plenary.
pub(super) fn plenary_pair(
    s: &Schedule,
    emit: &mut Emitter,
    a: usize,
    b: usize,
    start: Instant,
    end: Instant,
) {
    let sessions = &s.program.sessions;
    emit.emit(RuleCode::PlenaryOverlap, &[a, b], || {
        let message = if sessions[a].plenary && sessions[b].plenary {
            format!(
                "the plenary sessions {} and {} overlap on {}",
                describe(s, a),
                describe(s, b),
                wording::day(s.tz, start)
            )
        } else {
            let (plenary, other) = if sessions[a].plenary { (a, b) } else { (b, a) };
            format!(
                "{} runs during the plenary {} on {}",
                describe(s, other),
                describe(s, plenary),
                wording::day(s.tz, start)
            )
        };
        Finding {
            message,
            interval: Some((start, end)),
            related: related(s, [a, b]),
            help: allow_help(
                RuleCode::PlenaryOverlap,
                "nothing else should run during a plenary: move the session",
            ),
            ..Finding::default()
        }
    });
}
