//! Rules about ids: `duplicate-id`, `unknown-ref`, `unused`.

use super::schedule::IdMap;
use super::{Diagnostic, Emitter, Finding, Schedule};
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

/// The ids of every item of one kind, with where each id is written.
fn items_of<'p>(s: &Schedule<'p>, subject: Subject) -> Vec<(&'p str, Span)> {
    let p = s.program;
    match subject {
        Subject::Track => p
            .tracks
            .iter()
            .map(|t| (t.id.as_str(), t.id_span))
            .collect(),
        Subject::Room => p.rooms.iter().map(|r| (r.id.as_str(), r.id_span)).collect(),
        Subject::Person => p
            .speakers
            .iter()
            .map(|r| (r.id.as_str(), r.id_span))
            .collect(),
        Subject::Session => p
            .sessions
            .iter()
            .map(|r| (r.id.as_str(), r.id_span))
            .collect(),
    }
}

/// Every pair of the items of one id (`group`: each later item with its first), in report
/// order, until `report` returns false.
fn duplicate_pairs(group: &[(usize, usize)], mut report: impl FnMut(usize, usize) -> bool) {
    for (n, &(head, item)) in group.iter().enumerate() {
        if !report(head, item) {
            return;
        }
        for &(_, other) in &group[..n] {
            if !report(other, item) {
                return;
            }
        }
    }
}

/// For each id given to several items: the first item and each later one, by id.
fn duplicates(items: &[(&str, Span)]) -> Vec<(usize, usize)> {
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
    later.sort_unstable();
    later
}

/// One diagnostic per pair of items of one kind sharing an id; an id given to so many items
/// that they make more than `GROUP_FROM_PAIRS` pairs is reported once, as a group.
pub(super) fn duplicate_ids(s: &Schedule, emit: &mut Emitter) {
    if !emit.enabled(RuleCode::DuplicateId) {
        return;
    }
    for subject in [
        Subject::Track,
        Subject::Room,
        Subject::Person,
        Subject::Session,
    ] {
        let items = items_of(s, subject);
        let later = duplicates(&items);
        for group in later.chunk_by(|a, b| a.0 == b.0) {
            let k = group.len() as u64 + 1;
            let pairs = k * (k - 1) / 2;
            if pairs > super::timeline::GROUP_FROM_PAIRS {
                report_group(subject, &items, group, pairs, emit);
            } else {
                duplicate_pairs(group, |a, b| {
                    report_duplicate(subject, &items, a, b, emit);
                    true
                });
            }
        }
    }
}

fn report_group(
    subject: Subject,
    items: &[(&str, Span)],
    group: &[(usize, usize)],
    pairs: u64,
    emit: &mut Emitter,
) {
    let head = group[0].0;
    let (id, span) = items[head];
    let sessions: Vec<usize> = match subject {
        Subject::Session => std::iter::once(head)
            .chain(group.iter().map(|g| g.1))
            .collect(),
        _ => Vec::new(),
    };
    emit.emit_group(RuleCode::DuplicateId, &sessions, pairs, || {
        let mut f = Finding {
            message: format!(
                "{} {}s have the id `{id}` ({pairs} pairs)",
                group.len() + 1,
                subject.noun()
            ),
            span: Some(span),
            related: group
                .iter()
                .take(4)
                .map(|&(_, later)| (items[later].1, "given again here".to_string()))
                .collect(),
            help: Some(format!("give each {} its own id", subject.noun())),
            ..Finding::default()
        };
        subject.fill(&mut f, id);
        f
    });
}

/// The pairs a group `duplicate-id` diagnostic stands for, at most `max`.
pub(super) fn expand_duplicates(s: &Schedule, d: &Diagnostic, max: usize, emit: &mut Emitter) {
    let (subject, id) = match (&d.room, &d.person, &d.track, d.sessions.first()) {
        (Some(id), _, _, _) => (Subject::Room, id),
        (_, Some(id), _, _) => (Subject::Person, id),
        (_, _, Some(id), _) => (Subject::Track, id),
        (_, _, _, Some(id)) => (Subject::Session, id),
        _ => return,
    };
    let items = items_of(s, subject);
    let later: Vec<(usize, usize)> = duplicates(&items)
        .into_iter()
        .filter(|&(head, _)| items[head].0 == id.as_str())
        .collect();
    let mut left = max;
    duplicate_pairs(&later, |a, b| {
        if left == 0 {
            return false;
        }
        left -= 1;
        report_duplicate(subject, &items, a, b, emit);
        true
    });
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
