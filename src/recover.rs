//! Recovery files: the unsaved state of an event, written when the editor is stopped by a
//! panic, a signal (`SIGTERM`, `SIGHUP` when the terminal closes) or periodically while there
//! are unsaved edits, and offered back the next time the event is opened.
//!
//! The file sits beside the event as `.<name>.agora-recover` (a dot-file, so the directory
//! loader skips it). It is JSON holding the full patched text of each changed file — readable
//! and usable by hand if need be. Restoring loads those texts and turns the difference into one
//! undoable edit; nothing is written to the event until the organiser saves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::{rebase, Document, Edit};
use crate::load::load_texts;
use crate::save::{self, OnDisk};

const FORMAT: &str = "agora-recovery 1";

/// What a recovery file holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Recovery {
    pub format: String,
    /// The event as it was opened.
    pub event: String,
    /// When it was written, seconds since the Unix epoch.
    pub written_at: i64,
    /// Why: "panic", "SIGTERM", "SIGHUP", "autosave", …
    pub reason: String,
    /// The changed files, path relative to the event, with their whole new text.
    pub files: Vec<RecoveredFile>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecoveredFile {
    pub path: String,
    pub text: String,
}

/// `dir/.name.agora-recover` for the event `dir/name` (a file or a directory).
pub fn path_for(event: &Path) -> PathBuf {
    let absolute;
    let event = if event.file_name().is_none() {
        // "." or "..": name the directory itself.
        absolute = std::fs::canonicalize(event).unwrap_or_else(|_| event.to_path_buf());
        absolute.as_path()
    } else {
        event
    };
    let name = event
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "event".into());
    event.with_file_name(format!(".{name}.agora-recover"))
}

/// A source path as recorded: relative to the event directory, or the file name.
fn relative(root: &Path, path: &Path) -> String {
    let rel = if root.is_dir() {
        path.strip_prefix(root).unwrap_or(path)
    } else {
        path.file_name().map(Path::new).unwrap_or(path)
    };
    rel.to_string_lossy().replace('\\', "/")
}

/// The recovery content for a document, or `None` when nothing is unsaved.
pub fn snapshot(
    doc: &Document,
    disk: &OnDisk,
    reason: &str,
    now: i64,
) -> Result<Option<Recovery>, String> {
    let rendered = save::render(doc)?;
    if rendered.is_empty() {
        return Ok(None);
    }
    let files = rendered
        .into_iter()
        .map(|(f, text)| RecoveredFile {
            path: relative(&disk.root, doc.program.sources.path(f)),
            text,
        })
        .collect();
    Ok(Some(Recovery {
        format: FORMAT.into(),
        event: disk.root.display().to_string(),
        written_at: now,
        reason: reason.into(),
        files,
    }))
}

/// Write the recovery file of a document; `None` (and nothing written) when nothing is
/// unsaved. Returns the path written.
pub fn write(
    doc: &Document,
    disk: &OnDisk,
    reason: &str,
    now: i64,
) -> Result<Option<PathBuf>, String> {
    let path = path_for(&disk.root);
    match snapshot(doc, disk, reason, now)? {
        Some(recovery) => {
            let json = serde_json::to_string_pretty(&recovery).map_err(|e| e.to_string())?;
            save::write_atomic(&path, json.as_bytes())
                .map_err(|e| format!("cannot write `{}`: {e}", path.display()))?;
            Ok(Some(path))
        }
        None => Ok(None),
    }
}

/// The recovery file left for an event, if any.
pub fn read(event: &Path) -> Option<Result<Recovery, String>> {
    let path = path_for(event);
    let text = std::fs::read_to_string(&path).ok()?;
    Some(
        serde_json::from_str::<Recovery>(&text)
            .map_err(|e| {
                format!(
                    "`{}` is not a recovery file agora can read: {e}",
                    path.display()
                )
            })
            .and_then(|r| {
                if r.format == FORMAT {
                    Ok(r)
                } else {
                    Err(format!(
                        "`{}` has an unknown format `{}`",
                        path.display(),
                        r.format
                    ))
                }
            }),
    )
}

/// Remove the recovery file of an event (after a save, a clean quit or a discard).
pub fn remove(event: &Path) {
    let _ = std::fs::remove_file(path_for(event));
}

/// The edit that brings the document to the recovered state, `None` when it already is.
pub fn restore(doc: &Document, disk: &OnDisk, recovery: &Recovery) -> Result<Option<Edit>, String> {
    let mut used = vec![false; recovery.files.len()];
    let texts: Vec<(PathBuf, String)> = doc
        .program
        .sources
        .files()
        .iter()
        .map(|f| {
            let rel = relative(&disk.root, &f.path);
            let text = match recovery.files.iter().position(|r| r.path == rel) {
                Some(i) => {
                    used[i] = true;
                    recovery.files[i].text.clone()
                }
                None => f.text.clone(),
            };
            (f.path.clone(), text)
        })
        .collect();
    if let Some(i) = used.iter().position(|u| !u) {
        return Err(format!(
            "the recovery file holds `{}`, which is no longer part of the event",
            recovery.files[i].path
        ));
    }
    let wanted = load_texts(&disk.root, &texts).map_err(|failure| {
        let first = failure
            .errors
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_default();
        format!("the recovered text does not load: {first}")
    })?;
    Ok(rebase(doc, &wanted))
}
