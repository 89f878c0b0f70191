//! Saving an edited program back to its TOML files without damaging them.
//!
//! `render` patches the text each file had when loaded (only the keys that changed, tables
//! removed, tables appended to the file the item belongs to — or put back between their
//! neighbours when an undo restores them); `save` checks that no file
//! changed on disk since it was read, checks that the new texts load, writes each changed file
//! atomically (temp file in the same folder, fsync, rename) and reloads the document from the
//! texts written. A save with no edit writes nothing, so files stay byte-identical.
//!
//! When only sessions' keys changed since the last save (the everyday edit), the save takes a
//! fast path that re-reads, patches and checks only those sessions' tables (`window.rs`): the
//! same bytes, written the same way, in a fraction of the time on a large file.

mod disk;
pub(crate) mod entries;
mod patch;
mod window;

use std::path::{Path, PathBuf};

use crate::edit::Document;
use crate::load::{load_path, load_texts, LoadFailure};

pub use disk::{
    commit_staged, replace_atomic, replace_atomic_mode, replace_atomic_pieces,
    replace_folder_atomic, replace_many, resolve_links, stage_begin, stage_replace, write_atomic,
    write_new_folder, BatchError, NewFolder, Staged, StagingFile,
};
pub use patch::{added_sources, render, PatchError, RemovedSource, RenderError};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A source file as agora last read or wrote it.
#[derive(Debug, Clone)]
pub struct DiskFile {
    pub path: PathBuf,
    /// The exact bytes (with a byte-order mark, if the file had one).
    pub bytes: Vec<u8>,
}

/// The event's files on disk, to notice changes made by someone else.
#[derive(Debug, Clone)]
pub struct OnDisk {
    /// The path the event was opened with (a file or a directory).
    pub root: PathBuf,
    pub files: Vec<DiskFile>,
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// These files changed on disk since they were loaded: nothing was written.
    ChangedOnDisk(Vec<PathBuf>),
    /// The new text would not load back; nothing was written.
    Invalid(String),
    /// Writing the first file failed: nothing was written.
    Io(String),
    /// Writing failed after some files were written: the event on disk is part old, part new.
    Partial {
        /// Written with the edits, in order.
        written: Vec<PathBuf>,
        /// The file whose writing failed, and why.
        failed: PathBuf,
        reason: String,
        /// Not written (the failed file first): they still hold the old text.
        unwritten: Vec<PathBuf>,
    },
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::ChangedOnDisk(paths) => write!(
                f,
                "{} changed on disk since it was loaded",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            SaveError::Invalid(m) | SaveError::Io(m) => f.write_str(m),
            // The lists first: a status bar that cuts the line keeps what matters.
            SaveError::Partial {
                written,
                failed,
                reason,
                unwritten,
            } => write!(
                f,
                "saved only in part: written {}; NOT written {} (cannot write {}: {reason}); \
                 save again once that is fixed",
                list(written),
                list(unwritten),
                failed.display()
            ),
        }
    }
}

/// What a save wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    pub written: Vec<PathBuf>,
}

/// Open an event for editing: the program and the bytes of its files.
pub fn open(path: &Path) -> Result<(Document, OnDisk), LoadFailure> {
    let mut attempts = 0;
    loop {
        let program = load_path(path)?;
        let files: Vec<DiskFile> = program
            .sources
            .files()
            .iter()
            .map(|f| DiskFile {
                path: f.path.clone(),
                bytes: std::fs::read(&f.path).unwrap_or_default(),
            })
            .collect();
        // The files must not have changed between the load and this read.
        let consistent = program
            .sources
            .files()
            .iter()
            .zip(&files)
            .all(|(s, d)| strip_bom(&d.bytes) == s.text.as_bytes());
        attempts += 1;
        if consistent || attempts >= 3 {
            let disk = OnDisk {
                root: path.to_path_buf(),
                files,
            };
            return Ok((Document::new(program), disk));
        }
    }
}

fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Files among `files` (indices) whose bytes on disk differ from what was last read or written.
pub fn changed_on_disk(disk: &OnDisk, files: &[u32]) -> Vec<PathBuf> {
    files
        .iter()
        .filter_map(|&f| disk.files.get(f as usize))
        .filter(|d| std::fs::read(&d.path).map(|b| b != d.bytes).unwrap_or(true))
        .map(|d| d.path.clone())
        .collect()
}

/// The texts of all files after the edits (unchanged files as loaded), in load order.
pub fn texts_after(doc: &Document, rendered: &[(u32, String)]) -> Vec<(PathBuf, String)> {
    doc.program
        .sources
        .files()
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let text = rendered
                .iter()
                .find(|(r, _)| *r as usize == i)
                .map(|(_, t)| t.clone())
                .unwrap_or_else(|| f.text.clone());
            (f.path.clone(), text)
        })
        .collect()
}

/// Save the document. Unless `force`, refuse when a file to write changed on disk.
/// On success the document is reloaded from the written texts (fresh positions for
/// diagnostics; item indices are unchanged, so the undo history stays valid).
pub fn save(doc: &mut Document, disk: &mut OnDisk, force: bool) -> Result<Saved, SaveError> {
    if let Some(plans) = window::plan(doc) {
        // Only sessions' keys changed: their tables alone were patched and checked.
        let rendered: Vec<(u32, &str)> = plans.iter().map(|p| (p.file, p.text.as_str())).collect();
        if !force {
            let indices: Vec<u32> = rendered.iter().map(|(f, _)| *f).collect();
            let changed = changed_on_disk(disk, &indices);
            if !changed.is_empty() {
                return Err(SaveError::ChangedOnDisk(changed));
            }
        }
        let saved = write_all(disk, &rendered)?;
        window::commit(doc, plans);
        return Ok(saved);
    }
    save_whole_files(doc, disk, force)
}

/// Whether the next save takes the fast path (only sessions' keys changed, see
/// `src/save/window.rs`); for tests and benchmarks.
#[doc(hidden)]
pub fn takes_fast_path(doc: &Document) -> bool {
    window::plan(doc).is_some()
}

/// [`save`] without its fast path: every changed file patched whole and loaded back whole
/// before it is written. Tests compare the two paths.
#[doc(hidden)]
pub fn save_whole_files(
    doc: &mut Document,
    disk: &mut OnDisk,
    force: bool,
) -> Result<Saved, SaveError> {
    let rendered = render(doc).map_err(|e| SaveError::Invalid(e.to_string()))?;
    if rendered.is_empty() {
        return Ok(Saved::default());
    }
    let indices: Vec<u32> = rendered.iter().map(|(f, _)| *f).collect();
    if !force {
        let changed = changed_on_disk(disk, &indices);
        if !changed.is_empty() {
            return Err(SaveError::ChangedOnDisk(changed));
        }
    }
    let texts = texts_after(doc, &rendered);
    let reloaded = load_texts(&disk.root, &texts).map_err(|failure| {
        let first = failure
            .errors
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_default();
        SaveError::Invalid(format!(
            "the saved file would not load back ({first}); nothing was written — please report this"
        ))
    })?;
    if reloaded.sessions.len() != doc.program.sessions.len()
        || reloaded.tracks.len() != doc.program.tracks.len()
        || reloaded.rooms.len() != doc.program.rooms.len()
        || reloaded.speakers.len() != doc.program.speakers.len()
    {
        return Err(SaveError::Invalid(format!(
            "the saved files would hold {} sessions, {} rooms and {} speakers instead of {}, {} and {}; \
             nothing was written — please report this",
            reloaded.sessions.len(),
            reloaded.rooms.len(),
            reloaded.speakers.len(),
            doc.program.sessions.len(),
            doc.program.rooms.len(),
            doc.program.speakers.len()
        )));
    }
    // The editor's indices (and its undo history) rely on the files listing the items in the
    // program's order.
    let same_order = reloaded.sessions.iter().map(|s| &s.id).eq(doc
        .program
        .sessions
        .iter()
        .map(|s| &s.id))
        && reloaded
            .rooms
            .iter()
            .map(|r| &r.id)
            .eq(doc.program.rooms.iter().map(|r| &r.id))
        && reloaded
            .tracks
            .iter()
            .map(|t| &t.id)
            .eq(doc.program.tracks.iter().map(|t| &t.id))
        && reloaded
            .speakers
            .iter()
            .map(|s| &s.id)
            .eq(doc.program.speakers.iter().map(|s| &s.id));
    if !same_order {
        return Err(SaveError::Invalid(
            "the saved files would list sessions, rooms or speakers in another order than the \
             editor shows; nothing was written — please report this"
                .to_string(),
        ));
    }
    let removed = patch::removed_sources(doc).map_err(|e| SaveError::Invalid(e.to_string()))?;
    let texts: Vec<(u32, &str)> = rendered.iter().map(|(f, t)| (*f, t.as_str())).collect();
    let saved = write_all(disk, &texts)?;
    let origins = std::mem::take(&mut doc.origins);
    let mut kept = std::mem::take(&mut doc.removed);
    kept.extend(removed);
    *doc = Document::with_origins(reloaded, origins);
    doc.removed = kept;
    Ok(saved)
}

/// Write each `(file index, text)` atomically, keeping a byte-order mark the file had.
fn write_all(disk: &mut OnDisk, rendered: &[(u32, &str)]) -> Result<Saved, SaveError> {
    let mut saved = Saved::default();
    for (n, (f, text)) in rendered.iter().enumerate() {
        let Some(file) = disk.files.get_mut(*f as usize) else {
            continue;
        };
        let mut bytes = Vec::with_capacity(text.len() + 3);
        if file.bytes.starts_with(BOM) {
            bytes.extend_from_slice(BOM);
        }
        bytes.extend_from_slice(text.as_bytes());
        if let Err(e) = write_atomic(&file.path, &bytes) {
            let failed = file.path.clone();
            if saved.written.is_empty() {
                return Err(SaveError::Io(format!(
                    "cannot write `{}`: {e}; nothing was written",
                    failed.display()
                )));
            }
            let unwritten = rendered[n..]
                .iter()
                .filter_map(|(f, _)| disk.files.get(*f as usize).map(|d| d.path.clone()))
                .collect();
            return Err(SaveError::Partial {
                written: saved.written,
                failed,
                reason: e.to_string(),
                unwritten,
            });
        }
        file.bytes = bytes;
        saved.written.push(file.path.clone());
    }
    Ok(saved)
}
