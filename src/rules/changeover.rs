//! `speaker-changeover`: a person needs time to walk from one room to the next.

use super::timeline::Groups;
use super::wording;
use super::{allow_help, Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::time::Instant;

pub(super) fn speaker_changeover(s: &Schedule, people: &mut Groups, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::SpeakerChangeover) {
        return;
    }
    let minimum = s.program.checks.changeover_minutes.saturating_mul(60);
    let sessions = &s.program.sessions;
    for (p, slots) in people.iter_mut().enumerate() {
        // The format orders a person's sessions by (start, end, id); the timeline breaks ties
        // by index, so re-sort the (rare, short) runs of equal times by id.
        for run in slots.chunk_by_mut(|x, y| (x.0, x.1) == (y.0, y.1)) {
            if run.len() > 1 {
                run.sort_by(|x, y| sessions[x.2].id.cmp(&sessions[y.2].id).then(x.2.cmp(&y.2)));
            }
        }
        for pair in slots.windows(2) {
            let ((_, end_a, a), (start_b, _, b)) = (pair[0], pair[1]);
            consecutive(s, emit, p, (a, end_a), (b, start_b), minimum);
        }
    }
}

/// Person `p`'s consecutive sessions `a` (ending at `end_a`) and `b` (starting at `start_b`):
/// `speaker-changeover` when they are in different rooms with too short a gap between them.
pub(super) fn consecutive(
    s: &Schedule,
    emit: &mut Emitter,
    p: usize,
    (a, end_a): (usize, Instant),
    (b, start_b): (usize, Instant),
    minimum: i64,
) {
    if s.sessions[a].room == s.sessions[b].room {
        return;
    }
    let gap = start_b - end_a;
    if gap < 0 || gap >= minimum {
        return;
    }
    report(s, emit, p, a, b, end_a, start_b, minimum);
}

#[allow(clippy::too_many_arguments)]
fn report(
    s: &Schedule,
    emit: &mut Emitter,
    p: usize,
    a: usize,
    b: usize,
    end_a: Instant,
    start_b: Instant,
    minimum: i64,
) {
    let sessions = &s.program.sessions;
    let gap = start_b - end_a;
    emit.emit(RuleCode::SpeakerChangeover, &[a, b], || {
        let who = &s.program.speakers[p];
        let room_name = |i: usize| {
            s.sessions[i]
                .room
                .map(|r| s.program.rooms[r].name.clone())
                .unwrap_or_else(|| "all rooms".into())
        };
        Finding {
            message: format!(
                "{} has {} min to get from {} ('{}', ends {}) to {} ('{}', starts {}) on {}; at least {} min are needed",
                who.name,
                gap / 60,
                room_name(a),
                sessions[a].title,
                wording::clock(s.tz, end_a),
                room_name(b),
                sessions[b].title,
                wording::clock(s.tz, start_b),
                wording::day(s.tz, start_b),
                minimum / 60
            ),
            person: Some(who.id.clone()),
            interval: Some((end_a, start_b)),
            related: super::overlap::related(s, [a, b]),
            help: allow_help(
                RuleCode::SpeakerChangeover,
                "leave more time between the sessions, or put them in one room",
            ),
            ..Finding::default()
        }
    });
}
