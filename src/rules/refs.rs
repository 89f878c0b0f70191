//! Rules about ids: `duplicate-id`, `unknown-ref`, `unused`.

use super::schedule::IdMap;
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
        // The first item of each id; later items with the same id are the duplicates. Most
        // programs have none, so this costs one hash insert per item.
        let mut first = IdMap::with_capacity_and_hasher(items.len(), Default::default());
        let mut later: Vec<(usize, usize)> = Vec::new();
        for (i, (id, _)) in items.iter().enumerate() {
            match first.entry(*id) {
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(i);
                }
                std::collections::hash_map::Entry::Occupied(o) => later.push((*o.get(), i)),
            }
        }
        // Each later item pairs with the first and with the later items before it.
        later.sort_unstable();
        for group in later.chunk_by(|a, b| a.0 == b.0) {
            for (n, &(head, item)) in group.iter().enumerate() {
                report_duplicate(subject, &items, head, item, emit);
                for &(_, other) in &group[..n] {
                    report_duplicate(subject, &items, other, item, emit);
                }
            }
        }
    }
}

fn report_duplicate(
    subject: Subject,
    items: &[(&str, Span)],
    earlier: usize,
    later: usize,
    emit: &mut Emitter,
) {
    let sessions: Vec<usize> = match subject {
        Subject::Session => vec![earlier, later],
        _ => Vec::new(),
    };
    let (id, span) = items[later];
    emit.emit(RuleCode::DuplicateId, &sessions, || {
        let mut f = Finding {
            message: format!("two {}s have the id `{id}`", subject.noun()),
            span: Some(span),
            related: vec![(items[earlier].1, "first defined here".to_string())],
            help: Some(format!("give each {} its own id", subject.noun())),
            ..Finding::default()
        };
        subject.fill(&mut f, id);
        f
    });
}

/// One diagnostic per reference to an undefined room, track or speaker.
pub(super) fn unknown_refs(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::UnknownRef) {
        return;
    }
    let p = s.program;
    for (i, (session, facts)) in p.sessions.iter().zip(&s.sessions).enumerate() {
        let mut report = |subject: Subject, r: &crate::model::Ref, known: &IdMap| {
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
        if let (Some(room), true) = (&session.room, facts.room_unknown) {
            report(Subject::Room, room, &s.rooms);
        }
        if let (Some(track), true) = (&session.track, facts.track_unknown) {
            report(Subject::Track, track, &s.tracks);
        }
        if !facts.unknown_people.is_empty() {
            for (n, person) in session.people().enumerate() {
                if facts.unknown_people.contains(&n) {
                    report(Subject::Person, person, &s.speakers);
                }
            }
        }
    }
}

/// Rooms, tracks and speakers that no session (of any status) refers to.
pub(super) fn unused(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::Unused) {
        return;
    }
    let p = s.program;
    // References resolve to the first item with an id: marking it marks the id as used.
    let mut rooms = vec![false; p.rooms.len()];
    let mut tracks = vec![false; p.tracks.len()];
    let mut people = vec![false; p.speakers.len()];
    for facts in &s.sessions {
        if let Some(r) = facts.room {
            rooms[r] = true;
        }
        if let Some(t) = facts.track {
            tracks[t] = true;
        }
        for &person in &facts.people {
            people[person] = true;
        }
    }
    let used = |map: &IdMap, marks: &[bool], id: &str| map.get(id).is_some_and(|&i| marks[i]);
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
    for r in p.rooms.iter().filter(|r| !used(&s.rooms, &rooms, &r.id)) {
        report(Subject::Room, &r.id, &r.name, r.id_span);
    }
    for t in p.tracks.iter().filter(|t| !used(&s.tracks, &tracks, &t.id)) {
        report(Subject::Track, &t.id, &t.name, t.id_span);
    }
    for sp in p
        .speakers
        .iter()
        .filter(|sp| !used(&s.speakers, &people, &sp.id))
    {
        report(Subject::Person, &sp.id, &sp.name, sp.id_span);
    }
}
