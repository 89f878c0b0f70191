//! The edits that turn one program into another: restoring a recovery file on top of the
//! files on disk, as one undoable step.
//!
//! Items are matched by id within the same file (the k-th item with an id to the k-th), so an
//! unchanged item produces no edit and its table is left untouched by the next save.

use std::collections::HashMap;

use super::edits::Edit;
use super::{insertion_index, Document, Origin};
use crate::model::{Program, Room, Session, Speaker};

/// How two items compare, ignoring where they were written.
trait Item: Clone {
    fn id(&self) -> &str;
    fn file(&self) -> u32;
    fn same(&self, other: &Self) -> bool;
}

fn debug_without_spans<T: std::fmt::Debug>(item: &T) -> String {
    // Spans differ between two loads of different texts; everything else must be equal.
    let text = format!("{item:?}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(at) = rest.find("Span {") {
        out.push_str(&rest[..at]);
        match rest[at..].find('}') {
            Some(end) => rest = &rest[at + end + 1..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

impl Item for Session {
    fn id(&self) -> &str {
        &self.id
    }
    fn file(&self) -> u32 {
        self.span.file
    }
    fn same(&self, other: &Self) -> bool {
        debug_without_spans(self) == debug_without_spans(other)
    }
}

impl Item for Room {
    fn id(&self) -> &str {
        &self.id
    }
    fn file(&self) -> u32 {
        self.span.file
    }
    fn same(&self, other: &Self) -> bool {
        debug_without_spans(self) == debug_without_spans(other)
    }
}

impl Item for Speaker {
    fn id(&self) -> &str {
        &self.id
    }
    fn file(&self) -> u32 {
        self.span.file
    }
    fn same(&self, other: &Self) -> bool {
        debug_without_spans(self) == debug_without_spans(other)
    }
}

/// Whether two items are equal but for where they were written (tests, restore).
pub fn same_session(a: &Session, b: &Session) -> bool {
    a.same(b)
}

enum Step<T> {
    Replace(usize, T, T),
    Remove(usize, T),
    Add(T),
}

/// Diff `current` (a document's items) against `wanted`.
fn diff<T: Item>(current: &[T], wanted: &[T]) -> Vec<Step<T>> {
    let mut by_key: HashMap<(u32, &str), Vec<usize>> = HashMap::new();
    for (i, item) in current.iter().enumerate() {
        by_key.entry((item.file(), item.id())).or_default().push(i);
    }
    for list in by_key.values_mut() {
        list.reverse();
    }
    let mut matched = vec![false; current.len()];
    let mut steps = Vec::new();
    let mut adds = Vec::new();
    for item in wanted {
        match by_key
            .get_mut(&(item.file(), item.id()))
            .and_then(|l| l.pop())
        {
            Some(i) => {
                matched[i] = true;
                if !current[i].same(item) {
                    steps.push(Step::Replace(i, current[i].clone(), item.clone()));
                }
            }
            None => adds.push(Step::Add(item.clone())),
        }
    }
    // Removals from the end, so earlier indices stay valid.
    for (i, m) in matched.iter().enumerate().rev() {
        if !m {
            steps.push(Step::Remove(i, current[i].clone()));
        }
    }
    steps.extend(adds);
    steps
}

/// One step turning `doc.program` into `wanted` (sessions, rooms and speakers; the event, its
/// checks and tracks are not editable and are left as they are). `None` when they are equal.
pub fn rebase(doc: &Document, wanted: &Program) -> Option<Edit> {
    let mut edits = Vec::new();
    // Replacements first (indices valid), then removals from the end, then additions.
    let mut session_origins = doc.origins.sessions.clone();
    for step in diff(&doc.program.sessions, &wanted.sessions) {
        match step {
            Step::Replace(index, from, to) => edits.push(Edit::ReplaceSession {
                index,
                from: Box::new(from),
                to: Box::new(to),
            }),
            Step::Remove(index, session) => {
                let origin = session_origins.remove(index);
                edits.push(Edit::RemoveSession {
                    index,
                    session: Box::new(session),
                    origin,
                })
            }
            Step::Add(session) => {
                let file = session.span.file;
                let index = insertion_index(&session_origins, file);
                let origin = Origin::new(file);
                session_origins.insert(index, origin);
                edits.push(Edit::AddSession {
                    index,
                    session: Box::new(session),
                    origin,
                })
            }
        }
    }
    let mut room_origins = doc.origins.rooms.clone();
    for step in diff(&doc.program.rooms, &wanted.rooms) {
        match step {
            Step::Replace(index, from, to) => edits.push(Edit::ReplaceRoom {
                index,
                from: Box::new(from),
                to: Box::new(to),
            }),
            Step::Remove(index, room) => {
                let origin = room_origins.remove(index);
                edits.push(Edit::RemoveRoom {
                    index,
                    room: Box::new(room),
                    origin,
                })
            }
            Step::Add(room) => {
                let file = room.span.file;
                let index = insertion_index(&room_origins, file);
                let origin = Origin::new(file);
                room_origins.insert(index, origin);
                edits.push(Edit::AddRoom {
                    index,
                    room: Box::new(room),
                    origin,
                })
            }
        }
    }
    let mut speaker_origins = doc.origins.speakers.clone();
    for step in diff(&doc.program.speakers, &wanted.speakers) {
        match step {
            Step::Replace(index, from, to) => edits.push(Edit::ReplaceSpeaker {
                index,
                from: Box::new(from),
                to: Box::new(to),
            }),
            Step::Remove(index, speaker) => {
                let origin = speaker_origins.remove(index);
                edits.push(Edit::RemoveSpeaker {
                    index,
                    speaker: Box::new(speaker),
                    origin,
                })
            }
            Step::Add(speaker) => {
                let file = speaker.span.file;
                let index = insertion_index(&speaker_origins, file);
                let origin = Origin::new(file);
                speaker_origins.insert(index, origin);
                edits.push(Edit::AddSpeaker {
                    index,
                    speaker: Box::new(speaker),
                    origin,
                })
            }
        }
    }
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("restored {} change(s) from the recovery file", edits.len()),
        edits,
    })
}
