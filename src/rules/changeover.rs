//! `speaker-changeover`: a person needs time to walk from one room to the next.

use super::wording;
use super::{allow_help, Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::time::Instant;

pub(super) fn speaker_changeover(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::SpeakerChangeover) {
        return;
    }
    let minimum = s.program.checks.changeover_minutes.saturating_mul(60);
    let sessions = &s.program.sessions;
    // (person, start, end, session), ordered per person by (start, end, id).
    let mut entries: Vec<(usize, Instant, Instant, usize)> = Vec::new();
    for (i, f) in s.sessions.iter().enumerate() {
        if let Some((a, b)) = f.slot() {
            entries.extend(f.people.iter().map(|&p| (p, a, b, i)));
        }
    }
    entries.sort_unstable_by(|x, y| {
        (x.0, x.1, x.2)
            .cmp(&(y.0, y.1, y.2))
            .then_with(|| sessions[x.3].id.cmp(&sessions[y.3].id))
    });
    for pair in entries.windows(2) {
        let ((p, _, end_a, a), (q, start_b, _, b)) = (pair[0], pair[1]);
        if p != q || s.sessions[a].room == s.sessions[b].room {
            continue;
        }
        let gap = start_b - end_a;
        if gap < 0 || gap >= minimum {
            continue;
        }
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
                help: allow_help(RuleCode::SpeakerChangeover, "leave more time between the sessions, or put them in one room"),
                ..Finding::default()
            }
        });
    }
}
