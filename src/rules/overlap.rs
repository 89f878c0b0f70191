//! Pairwise overlap rules: `room-overlap`, `speaker-overlap`, `track-overlap`,
//! `plenary-overlap`.
//!
//! Each takes the scheduled sessions grouped by room, person or track (in time order, from the
//! shared [`Timeline`]) and sweeps each group keeping the sessions still running:
//! O(n log n + pairs reported), never all pairs.

use super::timeline::{pairs_of, sweep_grouped, Groups, Slot, Timeline};
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

/// Which rule a pairwise overlap belongs to, and over what (a room, a person, a track).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Over {
    Room,
    Person,
    Track,
}

impl Over {
    pub(crate) fn code(self) -> RuleCode {
        match self {
            Over::Room => RuleCode::RoomOverlap,
            Over::Person => RuleCode::SpeakerOverlap,
            Over::Track => RuleCode::TrackOverlap,
        }
    }

    pub(crate) fn of(code: RuleCode) -> Option<Over> {
        match code {
            RuleCode::RoomOverlap => Some(Over::Room),
            RuleCode::SpeakerOverlap => Some(Over::Person),
            RuleCode::TrackOverlap => Some(Over::Track),
            _ => None,
        }
    }

    fn name<'a>(self, s: &'a Schedule, g: usize) -> &'a str {
        match self {
            Over::Room => &s.program.rooms[g].name,
            Over::Person => &s.program.speakers[g].name,
            Over::Track => &s.program.tracks[g].name,
        }
    }

    fn subject(self, s: &Schedule, g: usize, finding: &mut Finding) {
        match self {
            Over::Room => finding.room = Some(s.program.rooms[g].id.clone()),
            Over::Person => finding.person = Some(s.program.speakers[g].id.clone()),
            Over::Track => finding.track = Some(s.program.tracks[g].id.clone()),
        }
    }

    fn help(self) -> Option<String> {
        let fix = match self {
            Over::Room => "move one of them to another room or time",
            Over::Person => "move one of the sessions, or take the person off one",
            Over::Track => "move one of them so the track's audience can attend both",
        };
        allow_help(self.code(), fix)
    }
}

/// The finding for one overlapping pair `a`, `b` in group `g` (room, person or track).
pub(crate) fn pair_finding(
    s: &Schedule,
    over: Over,
    g: usize,
    [a, b]: [usize; 2],
    start: Instant,
    end: Instant,
) -> Finding {
    let name = over.name(s, g);
    let day = wording::day(s.tz, start);
    let message = match over {
        Over::Room => {
            let (sa, sb) = (&s.program.sessions[a], &s.program.sessions[b]);
            let (ia, ib) = (
                s.sessions[a].interval.unwrap_or_default(),
                s.sessions[b].interval.unwrap_or_default(),
            );
            format!(
                "'{}' ({}) and '{}' ({}) are both in {name} on {day}",
                sa.title,
                wording::span(s.tz, ia.0, ia.1),
                sb.title,
                wording::span(s.tz, ib.0, ib.1),
            )
        }
        Over::Person => format!(
            "{name} is in {} and {} on {day}",
            describe(s, a),
            describe(s, b)
        ),
        Over::Track => format!(
            "{} and {} of track {name} overlap on {day}",
            describe(s, a),
            describe(s, b)
        ),
    };
    let mut finding = Finding {
        message,
        interval: Some((start, end)),
        related: related(s, [a, b]),
        help: over.help(),
        ..Finding::default()
    };
    over.subject(s, g, &mut finding);
    finding
}

/// `room-overlap` for sessions `a` and `b` (`a` first in time order) overlapping over
/// `[start, end)` in `room` (the probe's pair, the same finding `check` makes).
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
        pair_finding(s, Over::Room, room, [a, b], start, end)
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
        pair_finding(s, Over::Person, person, [a, b], start, end)
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
        pair_finding(s, Over::Track, track, [a, b], start, end)
    });
}

/// Sessions named in a group's message and pointed at, at most.
const NAMED: usize = 5;

/// The finding for a run of `slots` in group `g` that overlap one another, `pairs` pairs in all.
fn group_finding(s: &Schedule, over: Over, g: usize, slots: &[Slot], pairs: u64) -> Finding {
    let name = over.name(s, g);
    let start = slots.first().map_or(0, |x| x.0);
    let end = slots.iter().map(|x| x.1).max().unwrap_or(start);
    let mut ids: Vec<usize> = slots.iter().map(|x| x.2).collect();
    ids.sort_by(|&x, &y| s.program.sessions[x].id.cmp(&s.program.sessions[y].id));
    let titles: Vec<String> = ids
        .iter()
        .take(NAMED)
        .map(|&i| format!("'{}'", s.program.sessions[i].title))
        .collect();
    let more = match ids.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let when = format!(
        "on {}, {}",
        wording::day(s.tz, start),
        wording::span(s.tz, start, end)
    );
    let what = match over {
        Over::Room => format!("{} sessions overlap in {name} {when}", slots.len()),
        Over::Person => format!("{name} is in {} overlapping sessions {when}", slots.len()),
        Over::Track => format!("{} sessions of track {name} overlap {when}", slots.len()),
    };
    let mut finding = Finding {
        message: format!("{what} ({pairs} pairs): {}{more}", titles.join(", ")),
        interval: Some((start, end)),
        related: ids
            .iter()
            .skip(1)
            .take(NAMED - 1)
            .map(|&i| {
                (
                    s.program.sessions[i].span,
                    format!("'{}'", s.program.sessions[i].title),
                )
            })
            .collect(),
        help: over.help(),
        ..Finding::default()
    };
    over.subject(s, g, &mut finding);
    finding
}

fn overlaps(s: &Schedule, over: Over, groups: &Groups, emit: &mut Emitter) {
    let code = over.code();
    if !emit.enabled(code) {
        return;
    }
    let sessions = &s.program.sessions;
    let mut clusters: Vec<(usize, Vec<Slot>, u64)> = Vec::new();
    sweep_grouped(
        groups,
        |i| !sessions[i].allows(code),
        |g, a, b, start, end| {
            emit.emit(code, &[a, b], || {
                pair_finding(s, over, g, [a, b], start, end)
            });
        },
        |g, run, pairs| clusters.push((g, run.to_vec(), pairs)),
    );
    for (g, run, pairs) in clusters {
        let indices: Vec<usize> = run.iter().map(|x| x.2).collect();
        emit.emit_group(code, &indices, pairs, || {
            group_finding(s, over, g, &run, pairs)
        });
    }
}

pub(super) fn room_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::RoomOverlap) {
        return;
    }
    let rooms = t.group(s.program.rooms.len(), |i| s.sessions[i].room.as_slice());
    overlaps(s, Over::Room, &rooms, emit);
}

pub(super) fn speaker_overlap(s: &Schedule, people: &Groups, emit: &mut Emitter) {
    overlaps(s, Over::Person, people, emit);
}

pub(super) fn track_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::TrackOverlap) {
        return;
    }
    let tracks = t.group(s.program.tracks.len(), |i| s.sessions[i].track.as_slice());
    overlaps(s, Over::Track, &tracks, emit);
}

/// The pairs a group diagnostic of an overlap rule stands for, in time order, at most `max`.
pub(crate) fn expand(
    s: &Schedule,
    over: Over,
    d: &super::Diagnostic,
    max: usize,
    emit: &mut Emitter,
) {
    let g = match over {
        Over::Room => d.room.as_deref().and_then(|id| s.rooms.get(id)),
        Over::Person => d.person.as_deref().and_then(|id| s.speakers.get(id)),
        Over::Track => d.track.as_deref().and_then(|id| s.tracks.get(id)),
    };
    let Some(&g) = g else { return };
    let mut slots: Vec<Slot> = d
        .session_indices
        .iter()
        .filter_map(|&i| s.sessions[i].slot().map(|(a, b)| (a, b, i)))
        .collect();
    slots.sort_unstable();
    let code = over.code();
    let mut left = max;
    pairs_of(&slots, |a, b, start, end| {
        if left == 0 {
            return false;
        }
        left -= 1;
        emit.emit(code, &[a, b], || {
            pair_finding(s, over, g, [a, b], start, end)
        });
        true
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
