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
///
/// Grouped like the other overlaps: a run of sessions linked by such pairs (a plenary and the
/// sessions during it, plenaries overlapping one another) with more than
/// [`GROUP_FROM_PAIRS`](super::timeline::GROUP_FROM_PAIRS) pairs is one diagnostic. Pairs are
/// counted, not listed: 2,000 sessions during one plenary are one finding, not 2,000.
pub(super) fn plenary_overlap(s: &Schedule, t: &Timeline, emit: &mut Emitter) {
    let code = RuleCode::PlenaryOverlap;
    if !emit.enabled(code) {
        return;
    }
    let sessions = &s.program.sessions;
    if !sessions.iter().any(|x| x.plenary) {
        return;
    }
    use std::cmp::Reverse;
    use std::collections::BinaryHeap;
    // Every running session (for a plenary that starts) and the ends of the running
    // plenaries (for any other session that starts); a pair is counted when its later member
    // starts. A running plenary always belongs to the current run.
    let mut running: BinaryHeap<Reverse<(Instant, usize)>> = BinaryHeap::new();
    let mut plenaries: BinaryHeap<Reverse<Instant>> = BinaryHeap::new();
    let mut member = vec![false; sessions.len()];
    let mut run: Vec<usize> = Vec::new();
    let (mut run_end, mut pairs) = (Instant::MIN, 0u64);
    let mut close = |run: &mut Vec<usize>, pairs: u64, member: &mut Vec<bool>| {
        if pairs > 0 {
            plenary_run(s, emit, run, pairs);
        }
        for &i in run.iter() {
            member[i] = false;
        }
        run.clear();
    };
    for &(start, end, i) in t.order.iter().filter(|x| !sessions[x.2].allows(code)) {
        while running.peek().is_some_and(|r| r.0 .0 <= start) {
            running.pop();
        }
        while plenaries.peek().is_some_and(|e| e.0 <= start) {
            plenaries.pop();
        }
        if sessions[i].plenary {
            if run_end <= start {
                // No member of the current run is still running: it is complete.
                close(&mut run, pairs, &mut member);
                pairs = 0;
                run_end = Instant::MIN;
            }
            pairs += running.len() as u64;
            for r in running.iter() {
                let (e, other) = r.0;
                if !member[other] {
                    member[other] = true;
                    run.push(other);
                    run_end = run_end.max(e);
                }
            }
            member[i] = true;
            run.push(i);
            run_end = run_end.max(end);
            plenaries.push(Reverse(end));
        } else if !plenaries.is_empty() {
            pairs += plenaries.len() as u64;
            member[i] = true;
            run.push(i);
            run_end = run_end.max(end);
        }
        running.push(Reverse((end, i)));
    }
    close(&mut run, pairs, &mut member);
}

/// Report a run of sessions linked by `pairs` plenary pairs: pair by pair, or as one group.
fn plenary_run(s: &Schedule, emit: &mut Emitter, run: &[usize], pairs: u64) {
    let code = RuleCode::PlenaryOverlap;
    if pairs <= super::timeline::GROUP_FROM_PAIRS {
        plenary_pairs_of(s, run, |a, b, start, end| {
            plenary_pair(s, emit, a, b, start, end);
            true
        });
        return;
    }
    emit.emit_group(code, run, pairs, || plenary_group_finding(s, run, pairs));
}

/// Every plenary pair among `members` (a run, or a group's sessions) in time order, as
/// `(earlier, later, start, end)` of the overlap, until `report` returns false.
fn plenary_pairs_of(
    s: &Schedule,
    members: &[usize],
    mut report: impl FnMut(usize, usize, Instant, Instant) -> bool,
) {
    let sessions = &s.program.sessions;
    let mut slots: Vec<Slot> = members
        .iter()
        .filter_map(|&i| s.sessions[i].slot().map(|(a, b)| (a, b, i)))
        .collect();
    slots.sort_unstable();
    // The other sessions are only looked at when a plenary starts, so the work is the pairs
    // reported, not every session against every other.
    let mut plenaries: Vec<(Instant, usize)> = Vec::new();
    let mut others: Vec<(Instant, usize)> = Vec::new();
    for &(start, end, i) in &slots {
        plenaries.retain(|&(e, _)| e > start);
        if sessions[i].plenary {
            others.retain(|&(e, _)| e > start);
        }
        let against = if sessions[i].plenary {
            &others[..]
        } else {
            &[][..]
        };
        for &(e, other) in plenaries.iter().chain(against) {
            if !report(other, i, start, e.min(end)) {
                return;
            }
        }
        if sessions[i].plenary {
            plenaries.push((end, i));
        } else {
            others.push((end, i));
        }
    }
}

/// The finding for a run of sessions during one or more plenaries, `pairs` pairs in all.
fn plenary_group_finding(s: &Schedule, run: &[usize], pairs: u64) -> Finding {
    let sessions = &s.program.sessions;
    let slots: Vec<(Instant, Instant)> = run.iter().filter_map(|&i| s.sessions[i].slot()).collect();
    let start = slots.iter().map(|x| x.0).min().unwrap_or(0);
    let end = slots.iter().map(|x| x.1).max().unwrap_or(start);
    let by_id = |list: &mut Vec<usize>| list.sort_by(|&x, &y| sessions[x].id.cmp(&sessions[y].id));
    let mut plenary: Vec<usize> = run
        .iter()
        .copied()
        .filter(|&i| sessions[i].plenary)
        .collect();
    let mut others: Vec<usize> = run
        .iter()
        .copied()
        .filter(|&i| !sessions[i].plenary)
        .collect();
    by_id(&mut plenary);
    by_id(&mut others);
    let when = format!(
        "on {}, {}",
        wording::day(s.tz, start),
        wording::span(s.tz, start, end)
    );
    let during = match plenary.as_slice() {
        [one] => format!("the plenary {}", describe(s, *one)),
        many => {
            let named: Vec<String> = many
                .iter()
                .take(NAMED)
                .map(|&i| format!("'{}'", sessions[i].title))
                .collect();
            let more = match many.len().saturating_sub(NAMED) {
                0 => String::new(),
                n => format!(" and {n} more"),
            };
            format!(
                "{} plenary sessions ({}{more})",
                many.len(),
                named.join(", ")
            )
        }
    };
    // Named: the other sessions first (by id), then the plenaries (when they overlap only
    // one another).
    let named: Vec<usize> = others.iter().chain(&plenary).copied().take(NAMED).collect();
    let titles: Vec<String> = named
        .iter()
        .map(|&i| format!("'{}'", sessions[i].title))
        .collect();
    let more = match run.len().saturating_sub(NAMED) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    let what = if others.is_empty() {
        format!("{} overlap one another {when}", during)
    } else {
        format!("{} sessions run during {during} {when}", others.len())
    };
    Finding {
        message: format!("{what} ({pairs} pairs): {}{more}", titles.join(", ")),
        interval: Some((start, end)),
        related: named
            .iter()
            .skip(1)
            .map(|&i| (sessions[i].span, format!("'{}'", sessions[i].title)))
            .collect(),
        help: allow_help(
            RuleCode::PlenaryOverlap,
            "nothing else should run during a plenary: move the sessions",
        ),
        ..Finding::default()
    }
}

/// The pairs a `plenary-overlap` group stands for, in time order, at most `max`.
pub(crate) fn expand_plenary(s: &Schedule, d: &super::Diagnostic, max: usize, emit: &mut Emitter) {
    let mut left = max;
    plenary_pairs_of(s, &d.session_indices, |a, b, start, end| {
        if left == 0 {
            return false;
        }
        left -= 1;
        plenary_pair(s, emit, a, b, start, end);
        true
    });
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
