//! The editing core: a loaded program plus where each item came from, changed only through
//! [`Edit`] values that know their inverse, kept in a [`History`] for unlimited undo and redo.
//!
//! This module owns the in-memory document the editor works on. It knows nothing about
//! terminals or files on disk: saving is `crate::save`'s job, conflicts are derived by the rules
//! from `document.program` after each edit and never stored here.
//!
//! Invariant: the items of each kind (sessions, rooms, speakers) stay grouped by source file in
//! file order, each file's items in the order of its array — exactly the order a reload of the
//! saved files gives. New items are inserted at the end of their file's group, so indices keep
//! their meaning across a save-and-reload and the history stays valid.

mod build;
mod edits;
mod error;
mod history;
mod items;
mod rebase;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::model::{Program, Room, Session, Speaker, Track};
use crate::save::RemovedSource;

pub use build::{
    add_session, duplicate_session, move_by, move_days, move_elapsed, new_room, new_session,
    new_speaker, paste, place, resize_by, set_fields, toggle_person, unique_id, DEFAULT_MINUTES,
};
pub use edits::{Edit, Field, Role, When};
pub use error::EditError;
pub use history::History;
pub use items::{
    change_room, change_speaker, change_track, delete, new_track, sessions_using,
    ItemKind as Referenced,
};
pub use rebase::{rebase, same_session};

/// Which item of the program this is, and the file it belongs to. The `uid` stays the same
/// across saves; whether the item is already written (and as which table) is the baseline's
/// business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Origin {
    pub uid: u64,
    /// Index of the source file the item is (or will be) written in.
    pub file: u32,
}

static NEXT_UID: AtomicU64 = AtomicU64::new(1);

impl Origin {
    /// A new item's origin, in `file`.
    pub fn new(file: u32) -> Origin {
        Origin {
            uid: NEXT_UID.fetch_add(1, Ordering::Relaxed),
            file,
        }
    }

    pub fn file(self) -> u32 {
        self.file
    }
}

/// The origin of every session, room and speaker, parallel to the program's lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    pub sessions: Vec<Origin>,
    pub rooms: Vec<Origin>,
    pub speakers: Vec<Origin>,
    pub tracks: Vec<Origin>,
}

/// The items as last loaded or saved, per source file and array position: what a save
/// compares against. `written` maps an item's uid to its position in its file's array.
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    pub sessions: Vec<Vec<Session>>,
    pub rooms: Vec<Vec<Room>>,
    pub speakers: Vec<Vec<Speaker>>,
    pub tracks: Vec<Vec<Track>>,
    pub written: HashMap<u64, usize>,
    /// The uid of each written item, per file and array position (sessions, rooms, speakers,
    /// tracks).
    pub uids: [Vec<Vec<u64>>; 4],
}

/// The kinds of items a file's arrays hold, in the order of [`Baseline::uids`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Session = 0,
    Room = 1,
    Speaker = 2,
    Track = 3,
}

/// A program being edited.
#[derive(Debug)]
pub struct Document {
    pub program: Program,
    pub origins: Origins,
    pub baseline: Baseline,
    /// The text of items removed by a save, by uid, so that an undo after the save writes each
    /// back exactly as it was (comments above it, layout, quoting, key order).
    pub removed: HashMap<u64, RemovedSource>,
}

/// Record `items` as written: their per-file baseline and their positions.
fn written<T: Clone>(
    items: &[T],
    origins: &[Origin],
    files: usize,
    positions: &mut HashMap<u64, usize>,
) -> (Vec<Vec<T>>, Vec<Vec<u64>>) {
    let mut per_file: Vec<Vec<T>> = vec![Vec::new(); files];
    let mut uids: Vec<Vec<u64>> = vec![Vec::new(); files];
    for (item, origin) in items.iter().zip(origins) {
        let file = (origin.file as usize).min(files - 1);
        let slot = &mut per_file[file];
        positions.insert(origin.uid, slot.len());
        slot.push(item.clone());
        uids[file].push(origin.uid);
    }
    (per_file, uids)
}

/// The baseline of `program` as written, its items known by `origins`.
fn baseline_of(program: &Program, origins: &Origins) -> Baseline {
    let files = program.sources.files().len().max(1);
    let mut positions = HashMap::new();
    let (sessions, session_uids) =
        written(&program.sessions, &origins.sessions, files, &mut positions);
    let (rooms, room_uids) = written(&program.rooms, &origins.rooms, files, &mut positions);
    let (speakers, speaker_uids) =
        written(&program.speakers, &origins.speakers, files, &mut positions);
    let (tracks, track_uids) = written(&program.tracks, &origins.tracks, files, &mut positions);
    Baseline {
        sessions,
        rooms,
        speakers,
        tracks,
        written: positions,
        uids: [session_uids, room_uids, speaker_uids, track_uids],
    }
}

fn fresh<T>(items: &[T], file_of: impl Fn(&T) -> u32) -> Vec<Origin> {
    items.iter().map(|i| Origin::new(file_of(i))).collect()
}

impl Document {
    /// A freshly loaded program: every item is as written, nothing to save.
    pub fn new(program: Program) -> Document {
        let origins = Origins {
            sessions: fresh(&program.sessions, |s| s.span.file),
            rooms: fresh(&program.rooms, |r| r.span.file),
            speakers: fresh(&program.speakers, |s| s.span.file),
            tracks: fresh(&program.tracks, |t| t.span.file),
        };
        Document::with_origins(program, origins)
    }

    /// A program reloaded from the texts just saved, keeping the items' identities (the
    /// reload gives the items in the same order, see the module invariant).
    pub fn with_origins(program: Program, origins: Origins) -> Document {
        let baseline = baseline_of(&program, &origins);
        Document {
            program,
            origins,
            baseline,
            removed: HashMap::new(),
        }
    }

    /// Record the program as it is now as written (a save wrote exactly these items, in this
    /// order, with these spans): the next save compares against it.
    pub fn rebaseline(&mut self) {
        self.baseline = baseline_of(&self.program, &self.origins);
    }

    /// Apply an edit (see [`Edit::apply`]).
    pub fn apply(&mut self, edit: &Edit) {
        edit.apply(self);
    }

    /// The position in its file's array of an item already written, `None` for a new one.
    pub fn written_at(&self, origin: Origin) -> Option<usize> {
        self.baseline.written.get(&origin.uid).copied()
    }

    /// The file a new session goes to: the file of the session it is made from, else the last
    /// file that holds sessions, else the file with `[event]`.
    pub fn file_for_new_session(&self, near: Option<usize>) -> u32 {
        near.and_then(|i| self.origins.sessions.get(i))
            .or_else(|| self.origins.sessions.last())
            .map(|o| o.file())
            .unwrap_or(self.program.event.span.file)
    }

    /// The file a new speaker goes to: where the speakers are, else where the sessions are.
    pub fn file_for_new_speaker(&self) -> u32 {
        self.origins
            .speakers
            .last()
            .map(|o| o.file())
            .unwrap_or_else(|| self.file_for_new_session(None))
    }

    /// The file a new track goes to: where the tracks are, else the file with `[event]`.
    pub fn file_for_new_track(&self) -> u32 {
        self.origins
            .tracks
            .last()
            .map(|o| o.file())
            .unwrap_or(self.program.event.span.file)
    }

    /// The file a new room goes to: where the rooms are, else where the sessions are.
    pub fn file_for_new_room(&self) -> u32 {
        self.origins
            .rooms
            .last()
            .map(|o| o.file())
            .unwrap_or_else(|| self.file_for_new_session(None))
    }
}

/// Where an item written to `file` is inserted so items stay grouped by file.
pub(crate) fn insertion_index(origins: &[Origin], file: u32) -> usize {
    origins
        .iter()
        .rposition(|o| o.file() <= file)
        .map(|i| i + 1)
        .unwrap_or(0)
}
