//! Room fit: `over-capacity` and `missing-feature`. They apply to any active session naming a
//! defined room, scheduled or not: a room choice is worth checking before a time is chosen.

use super::{allow_help_one, Emitter, Finding, Schedule};
use crate::codes::RuleCode;

pub(super) fn over_capacity(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::OverCapacity) {
        return;
    }
    for i in 0..s.sessions.len() {
        over_capacity_one(s, i, emit);
    }
}

/// `over-capacity` for session `i`.
pub(super) fn over_capacity_one(s: &Schedule, i: usize, emit: &mut Emitter) {
    let (session, facts) = (&s.program.sessions[i], &s.sessions[i]);
    let (true, Some(room), Some(expected)) = (facts.active, facts.room, session.expected) else {
        return;
    };
    let r = &s.program.rooms[room];
    let Some(capacity) = r.capacity else { return };
    if expected <= capacity {
        return;
    }
    emit.emit(RuleCode::OverCapacity, &[i], || Finding {
        message: format!(
            "'{}' expects {expected} people but {} seats {capacity}",
            session.title, r.name
        ),
        room: Some(r.id.clone()),
        interval: facts.slot(),
        related: vec![(r.span, format!("{} has {capacity} seats", r.name))],
        help: allow_help_one(RuleCode::OverCapacity, "move it to a larger room"),
        ..Finding::default()
    });
}

pub(super) fn missing_feature(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::MissingFeature) {
        return;
    }
    for i in 0..s.sessions.len() {
        missing_feature_one(s, i, emit);
    }
}

/// `missing-feature` for session `i` (one finding per missing feature).
pub(super) fn missing_feature_one(s: &Schedule, i: usize, emit: &mut Emitter) {
    let (session, facts) = (&s.program.sessions[i], &s.sessions[i]);
    let (true, Some(room)) = (facts.active, facts.room) else {
        return;
    };
    let r = &s.program.rooms[room];
    for (n, feature) in session.requires.iter().enumerate() {
        if r.features.contains(feature) || session.requires[..n].contains(feature) {
            continue;
        }
        emit.emit(RuleCode::MissingFeature, &[i], || Finding {
            message: format!(
                "'{}' requires {feature}, which {} does not have",
                session.title, r.name
            ),
            room: Some(r.id.clone()),
            interval: facts.slot(),
            related: vec![(r.span, format!("{}'s features", r.name))],
            help: allow_help_one(
                RuleCode::MissingFeature,
                "move it to a room that has it, or add it to the room's `features`",
            ),
            ..Finding::default()
        });
    }
}
