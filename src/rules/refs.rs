//! Rules about ids: `duplicate-id`, `unknown-ref`, `unused`.

use std::collections::{HashMap, HashSet};

use super::{Emitter, Finding, Schedule};
use crate::codes::RuleCode;
use crate::load::closest;
use crate::source::Span;

/// Which field of a diagnostic carries an id.
#[derive(Clone, Copy)]
enum Subject {
    Room,
    Person,
    Track,
    Session,
}

impl Subject {
    fn noun(self) -> &'static str {
        match self {
            Subject::Room => "room",
            Subject::Person => "speaker",
            Subject::Track => "track",
            Subject::Session => "session",
        }
    }

    fn fill(self, finding: &mut Finding, id: &str) {
        match self {
            Subject::Room => finding.room = Some(id.to_string()),
            Subject::Person => finding.person = Some(id.to_string()),
            Subject::Track => finding.track = Some(id.to_string()),
            Subject::Session => {}
        }
    }
}

/// One diagnostic per pair of items of one kind sharing an id.
pub(super) fn duplicate_ids(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::DuplicateId) {
        return;
    }
    let p = s.program;
    let kinds: [(Subject, Vec<(&str, Span)>); 4] = [
        (
            Subject::Track,
            p.tracks
                .iter()
                .map(|t| (t.id.as_str(), t.id_span))
                .collect(),
        ),
        (
            Subject::Room,
            p.rooms.iter().map(|r| (r.id.as_str(), r.id_span)).collect(),
        ),
        (
            Subject::Person,
            p.speakers
                .iter()
                .map(|r| (r.id.as_str(), r.id_span))
                .collect(),
        ),
        (
            Subject::Session,
            p.sessions
                .iter()
                .map(|r| (r.id.as_str(), r.id_span))
                .collect(),
        ),
    ];
    for (subject, items) in kinds {
        let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, (id, _)) in items.iter().enumerate() {
            seen.entry(id).or_default().push(i);
        }
        for (i, (id, span)) in items.iter().enumerate() {
            for &earlier in seen[id].iter().filter(|&&e| e < i) {
                let sessions: Vec<usize> = match subject {
                    Subject::Session => vec![earlier, i],
                    _ => Vec::new(),
                };
                emit.emit(RuleCode::DuplicateId, &sessions, || {
                    let mut f = Finding {
                        message: format!("two {}s have the id `{id}`", subject.noun()),
                        span: Some(*span),
                        related: vec![(items[earlier].1, "first defined here".to_string())],
                        help: Some(format!("give each {} its own id", subject.noun())),
                        ..Finding::default()
                    };
                    subject.fill(&mut f, id);
                    f
                });
            }
        }
    }
}

/// One diagnostic per reference to an undefined room, track or speaker.
pub(super) fn unknown_refs(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::UnknownRef) {
        return;
    }
    let p = s.program;
    for (i, session) in p.sessions.iter().enumerate() {
        let mut check = |subject: Subject, r: &crate::model::Ref, known: &HashMap<&str, usize>| {
            if known.contains_key(r.value.as_str()) {
                return;
            }
            emit.emit(RuleCode::UnknownRef, &[i], || {
                let suggestion = closest(&r.value, known.keys().copied());
                let mut f = Finding {
                    message: format!(
                        "'{}' names {} `{}`, which is not defined",
                        session.title,
                        subject.noun(),
                        r.value
                    ),
                    span: Some(r.span),
                    help: Some(match suggestion {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "define it in a [[{}s]] table, or fix the id",
                            subject.noun()
                        ),
                    }),
                    ..Finding::default()
                };
                subject.fill(&mut f, &r.value);
                f
            });
        };
        if let Some(room) = &session.room {
            check(Subject::Room, room, &s.rooms);
        }
        if let Some(track) = &session.track {
            check(Subject::Track, track, &s.tracks);
        }
        for person in session.people() {
            check(Subject::Person, person, &s.speakers);
        }
    }
}

/// Rooms, tracks and speakers that no session (of any status) refers to.
pub(super) fn unused(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::Unused) {
        return;
    }
    let p = s.program;
    let mut rooms = HashSet::new();
    let mut tracks = HashSet::new();
    let mut people = HashSet::new();
    for session in &p.sessions {
        rooms.extend(session.room.iter().map(|r| r.value.as_str()));
        tracks.extend(session.track.iter().map(|r| r.value.as_str()));
        people.extend(session.people().map(|r| r.value.as_str()));
    }
    let mut report = |subject: Subject, id: &str, name: &str, span: Span| {
        emit.emit(RuleCode::Unused, &[], || {
            let mut f = Finding {
                message: format!(
                    "{} {name} (`{id}`) is not used by any session",
                    subject.noun()
                ),
                span: Some(span),
                help: Some(
                    "remove it, or name it in a session; silence with [checks] unused = \"off\""
                        .to_string(),
                ),
                ..Finding::default()
            };
            subject.fill(&mut f, id);
            f
        });
    };
    for r in p.rooms.iter().filter(|r| !rooms.contains(r.id.as_str())) {
        report(Subject::Room, &r.id, &r.name, r.id_span);
    }
    for t in p.tracks.iter().filter(|t| !tracks.contains(t.id.as_str())) {
        report(Subject::Track, &t.id, &t.name, t.id_span);
    }
    for sp in p
        .speakers
        .iter()
        .filter(|sp| !people.contains(sp.id.as_str()))
    {
        report(Subject::Person, &sp.id, &sp.name, sp.id_span);
    }
}
