//! The edits that turn one program into another: restoring a recovery file on top of the
//! files on disk, as one undoable step.
//!
//! Items are matched by id within the same file (the k-th item with an id to the k-th), so an
//! unchanged item produces no edit and its table is left untouched by the next save.

use std::collections::HashMap;

use super::edits::Edit;
use super::{insertion_index, Document, Origin};
use crate::model::{Program, Room, Session, Speaker, Track};

/// An editable kind of item: how two compare, ignoring where they were written, and the edits
/// that replace, remove or add one.
trait Item: Clone + std::fmt::Debug {
    fn id(&self) -> &str;
    fn file(&self) -> u32;
    fn same(&self, other: &Self) -> bool {
        debug_without_spans(self) == debug_without_spans(other)
    }
    fn replace(index: usize, from: Self, to: Self) -> Edit;
    fn remove(index: usize, item: Self, origin: Origin) -> Edit;
    fn add(index: usize, item: Self, origin: Origin) -> Edit;
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

macro_rules! item {
    ($ty:ty, $field:ident, $replace:ident, $remove:ident, $add:ident) => {
        impl Item for $ty {
            fn id(&self) -> &str {
                &self.id
            }
            fn file(&self) -> u32 {
                self.span.file
            }
            fn replace(index: usize, from: Self, to: Self) -> Edit {
                Edit::$replace {
                    index,
                    from: Box::new(from),
                    to: Box::new(to),
                }
            }
            fn remove(index: usize, $field: Self, origin: Origin) -> Edit {
                Edit::$remove {
                    index,
                    $field: Box::new($field),
                    origin,
                }
            }
            fn add(index: usize, $field: Self, origin: Origin) -> Edit {
                Edit::$add {
                    index,
                    $field: Box::new($field),
                    origin,
                }
            }
        }
    };
}

item!(Session, session, ReplaceSession, RemoveSession, AddSession);
item!(Room, room, ReplaceRoom, RemoveRoom, AddRoom);
item!(Speaker, speaker, ReplaceSpeaker, RemoveSpeaker, AddSpeaker);
item!(Track, track, ReplaceTrack, RemoveTrack, AddTrack);

/// Whether two items are equal but for where they were written (tests, restore).
pub fn same_session(a: &Session, b: &Session) -> bool {
    a.same(b)
}

enum Step<T> {
    Replace(usize, T, T),
    Remove(usize, T),
    /// An item of `wanted` (at this index there) that `current` does not have.
    Add(usize, T),
}

/// Diff `current` (a document's items) against `wanted`; also, for each current item, the
/// index of the wanted item it was matched to.
fn diff<T: Item>(current: &[T], wanted: &[T]) -> (Vec<Step<T>>, Vec<Option<usize>>) {
    let mut by_key: HashMap<(u32, &str), Vec<usize>> = HashMap::new();
    for (i, item) in current.iter().enumerate() {
        by_key.entry((item.file(), item.id())).or_default().push(i);
    }
    for list in by_key.values_mut() {
        list.reverse();
    }
    let mut matched: Vec<Option<usize>> = vec![None; current.len()];
    let mut steps = Vec::new();
    let mut adds = Vec::new();
    for (w, item) in wanted.iter().enumerate() {
        match by_key
            .get_mut(&(item.file(), item.id()))
            .and_then(|l| l.pop())
        {
            Some(i) => {
                matched[i] = Some(w);
                if !current[i].same(item) {
                    steps.push(Step::Replace(i, current[i].clone(), item.clone()));
                }
            }
            None => adds.push(Step::Add(w, item.clone())),
        }
    }
    // Removals from the end, so earlier indices stay valid.
    for (i, m) in matched.iter().enumerate().rev() {
        if m.is_none() {
            steps.push(Step::Remove(i, current[i].clone()));
        }
    }
    steps.extend(adds);
    (steps, matched)
}

/// One step turning `doc.program` into `wanted` (sessions, rooms, speakers and tracks; the
/// event and its checks are not editable and are left as they are). `None` when they are equal.
pub fn rebase(doc: &Document, wanted: &Program) -> Option<Edit> {
    let mut edits = Vec::new();
    let origins = &doc.origins;
    steps(
        &doc.program.sessions,
        &wanted.sessions,
        &origins.sessions,
        &mut edits,
    );
    steps(
        &doc.program.rooms,
        &wanted.rooms,
        &origins.rooms,
        &mut edits,
    );
    steps(
        &doc.program.speakers,
        &wanted.speakers,
        &origins.speakers,
        &mut edits,
    );
    steps(
        &doc.program.tracks,
        &wanted.tracks,
        &origins.tracks,
        &mut edits,
    );
    (!edits.is_empty()).then(|| Edit::Batch {
        label: format!("restored {} change(s) from the recovery file", edits.len()),
        edits,
    })
}

/// The edits turning `current` into `wanted`: replacements first (indices valid), then
/// removals from the end, then additions, each put after the item that precedes it in
/// `wanted` (a room deleted on one side and kept on the other comes back in its column, not
/// last), within the file its item comes from.
fn steps<T: Item>(current: &[T], wanted: &[T], origins: &[Origin], edits: &mut Vec<Edit>) {
    let mut origins = origins.to_vec();
    let (steps, matched) = diff(current, wanted);
    // The wanted index of each item of the document as the steps change it.
    let mut live = matched;
    for step in steps {
        match step {
            Step::Replace(index, from, to) => edits.push(T::replace(index, from, to)),
            Step::Remove(index, item) => {
                let origin = origins.remove(index);
                live.remove(index);
                edits.push(T::remove(index, item, origin));
            }
            Step::Add(w, item) => {
                let file = item.file();
                let first = origins
                    .iter()
                    .position(|o| o.file() >= file)
                    .unwrap_or(origins.len());
                let last = insertion_index(&origins, file);
                let after_previous = live
                    .iter()
                    .rposition(|m| m.is_some_and(|m| m < w))
                    .map_or(0, |p| p + 1);
                let index = after_previous.clamp(first, last.max(first));
                let origin = Origin::new(file);
                origins.insert(index, origin);
                live.insert(index, Some(w));
                edits.push(T::add(index, item, origin));
            }
        }
    }
}
