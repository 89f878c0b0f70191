//! `invalid-time`, `ambiguous-time` (found while resolving times) and `unscheduled`.

use super::{Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::model::Kind;

pub(super) fn time_issues(s: &Schedule, emit: &mut Emitter) {
    for (i, facts) in s.sessions.iter().enumerate() {
        for issue in &facts.time_issues {
            emit.emit(issue.code, &[i], || Finding {
                message: issue.message.clone(),
                span: Some(issue.span),
                help: Some(issue.help.clone()),
                ..Finding::default()
            });
        }
    }
}

/// Sessions not placed yet (breaks excepted): no start, or no room.
pub(super) fn unscheduled(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::Unscheduled) {
        return;
    }
    for (i, (session, facts)) in s.program.sessions.iter().zip(&s.sessions).enumerate() {
        if !facts.active || facts.scheduled || session.kind == Kind::Break {
            continue;
        }
        emit.emit(RuleCode::Unscheduled, &[i], || {
            let missing = match (session.start.is_some(), session.room.is_some()) {
                (false, false) => "no start and no room",
                (false, true) => "no start",
                _ => "no room",
            };
            Finding {
                message: format!("'{}' is not scheduled yet ({missing})", session.title),
                help: Some("give it a `start` and a `room` to place it in the program".into()),
                ..Finding::default()
            }
        });
    }
}
