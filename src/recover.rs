//! Recovery files: the unsaved state of an event, written when the editor is stopped by a
//! panic, a signal (`SIGTERM`, `SIGHUP` when the terminal closes) or periodically while there
//! are unsaved edits, and offered back the next time the event is opened.
//!
//! Each editor writes its own file beside the event's real file (behind any symlink),
//! `.<name>.<host>-<pid>-<start>.agora-recover` (a dot-file, so the directory loader skips it),
//! so recovery files never overwrite one another: an ignored one stays as it was while the
//! next session autosaves into its own. It is JSON holding, for each changed file, the text
//! the editor started from and its whole new text — readable and usable by hand if need be —
//! created with the event file's permissions.
//!
//! Offered back are only files that are the user's own (owned by them, naming this event) and
//! whose editor is no longer running. Restoring replays the recovered edits onto the files as
//! they are now, item by item ([`crate::merge`]): what changed on disk since stays, and items
//! changed on both sides are listed to be chosen one by one. The result is one undoable edit;
//! nothing is written to the event until the organiser saves.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::{rebase, Document, Edit};
use crate::instance::{
    beside, current_user, fallback, fallback_dir, make_fallback_dir, path_as_name, private_mode,
    real_event, Instance,
};
use crate::load::load_texts;
use crate::merge::{merge, Conflict, Side};
use crate::save::{self, OnDisk};

const FORMAT: &str = "agora-recovery 1";
const SUFFIX: &str = "agora-recover";

/// What a recovery file holds.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Recovery {
    pub format: String,
    /// The event as it was opened (its real path).
    pub event: String,
    /// When it was written, seconds since the Unix epoch.
    pub written_at: i64,
    /// Why: "panic", "SIGTERM", "SIGHUP", "autosave", …
    pub reason: String,
    /// The changed files, path relative to the event, with their whole new text.
    pub files: Vec<RecoveredFile>,
    /// The editor that wrote it (absent in files of older versions).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance: Option<Instance>,
    /// The event's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id: Option<String>,
}

impl Recovery {
    /// Whether it holds edits of another event than `event_id` (a file planted at this path,
    /// or left by another event once written there): not to be offered as the user's own.
    /// Files of older versions, which name no event id, are judged by their path alone.
    pub fn names_another_event(&self, event_id: &str) -> bool {
        self.event_id.as_deref().is_some_and(|id| id != event_id)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct RecoveredFile {
    pub path: String,
    pub text: String,
    /// The text the editor started from, to replay the edits onto the file as it is now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// The recovery file `instance` writes for `event`.
pub fn path_for(event: &Path, instance: &Instance) -> PathBuf {
    beside(event, &format!("{}.{SUFFIX}", instance.tag()))
}

/// Where the recovery of `instance` goes when the event's folder cannot take it (a read-only
/// folder, a full disk): the state folder (see [`fallback_dir`]), named by the event's path.
pub fn fallback_for(event: &Path, instance: &Instance) -> Option<PathBuf> {
    fallback(event, &format!("{}.{SUFFIX}", instance.tag()))
}

/// Every place the recovery of `instance` may be: beside the event, and its fallback.
pub fn own_paths(event: &Path, instance: &Instance) -> Vec<PathBuf> {
    std::iter::once(path_for(event, instance))
        .chain(fallback_for(event, instance))
        .collect()
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

/// Why a recovery could not be written or replayed.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    /// The edits could not be turned into file text (the saver's message).
    #[error(transparent)]
    Render(#[from] crate::save::RenderError),
    #[error("cannot write `{}`: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    #[error("cannot merge `{}`: {source}", path.display())]
    Merge {
        path: PathBuf,
        source: crate::merge::MergeError,
    },
    /// A replayed file is no longer one of the event's files.
    #[error("`{}` is no longer part of the event", .0.display())]
    NotInEvent(PathBuf),
    /// The recovery names a file (relative to the event) the event no longer has.
    #[error("the recovery file holds `{0}`, which is no longer part of the event")]
    HoldsOther(String),
    /// The replayed text (`what`: merged, recovered) does not load; its first error.
    #[error("the {what} text does not load: {first}")]
    DoesNotLoad { what: &'static str, first: String },
}

/// The recovery content for a document, or `None` when nothing is unsaved.
pub fn snapshot(
    doc: &Document,
    disk: &OnDisk,
    instance: &Instance,
    reason: &str,
    now: i64,
) -> Result<Option<Recovery>, RecoveryError> {
    let rendered = save::render(doc).map_err(RecoveryError::Render)?;
    if rendered.is_empty() {
        return Ok(None);
    }
    let files = rendered
        .into_iter()
        .map(|(f, text)| RecoveredFile {
            path: relative(&disk.root, doc.program.sources.path(f)),
            text,
            base: Some(doc.program.sources.get(f).text.clone()),
        })
        .collect();
    Ok(Some(Recovery {
        format: FORMAT.into(),
        event: real_event(&disk.root).display().to_string(),
        written_at: now,
        reason: reason.into(),
        files,
        instance: Some(instance.clone()),
        event_id: Some(doc.program.event.id.clone()),
    }))
}

/// Write this editor's recovery file; `None` (and nothing written) when nothing is unsaved.
/// Returns the path written.
pub fn write(
    doc: &Document,
    disk: &OnDisk,
    instance: &Instance,
    reason: &str,
    now: i64,
) -> Result<Option<PathBuf>, RecoveryError> {
    let path = path_for(&disk.root, instance);
    match snapshot(doc, disk, instance, reason, now)? {
        Some(recovery) => {
            let json = serde_json::to_string_pretty(&recovery)?;
            let elsewhere = fallback_for(&disk.root, instance);
            // Replaced, never followed: a link planted at the name cannot redirect the edits.
            match save::replace_atomic_mode(&path, json.as_bytes(), private_mode(&disk.root)) {
                Ok(()) => {
                    // Beside the event again: an older fallback copy is out of date.
                    if let Some(old) = elsewhere {
                        remove(&old);
                    }
                    Ok(Some(path))
                }
                Err(source) => {
                    // The folder cannot take it: the user's state folder, private.
                    let written = elsewhere.filter(|alt| {
                        make_fallback_dir().is_ok()
                            && save::replace_atomic_mode(alt, json.as_bytes(), 0o600).is_ok()
                    });
                    match written {
                        Some(alt) => {
                            remove(&path);
                            Ok(Some(alt))
                        }
                        None => Err(RecoveryError::Write { path, source }),
                    }
                }
            }
        }
        None => Ok(None),
    }
}

/// A recovery file found beside an event.
#[derive(Debug, Clone)]
pub enum Found {
    /// The user's own, from an editor no longer running: offered.
    Offer { path: PathBuf, recovery: Recovery },
    /// The autosave of another editor still running on the event: left alone.
    Live { path: PathBuf, instance: Instance },
    /// Not the user's (another owner, another event, a symlink): never offered.
    Foreign { path: PathBuf, why: String },
    /// Unreadable: reported, kept.
    Broken { path: PathBuf, message: String },
}

impl Found {
    pub fn path(&self) -> &Path {
        match self {
            Found::Offer { path, .. }
            | Found::Live { path, .. }
            | Found::Foreign { path, .. }
            | Found::Broken { path, .. } => path,
        }
    }
}

/// The recovery files beside `event`, newest first, as seen by the editor `me`.
pub fn find(event: &Path, me: &Instance) -> Vec<Found> {
    let real = real_event(event);
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let listed = |dir: &Path, prefix: &str| -> Vec<(i64, Found)> {
        std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| {
                let file = entry.file_name().to_string_lossy().into_owned();
                let ours = file.starts_with(prefix) && file.ends_with(&format!(".{SUFFIX}"));
                ours.then(|| judge(&dir.join(&file), &real, me)).flatten()
            })
            .collect()
    };
    let mut found = listed(&dir, &prefix);
    // Those written in the state folder when the event's folder could not take them, judged
    // the same way (the user's own, naming this event, not a link).
    if let Some(state) = fallback_dir() {
        if state != dir {
            found.extend(listed(&state, &format!("{}.", path_as_name(event))));
        }
    }
    found.sort_by_key(|(t, _)| std::cmp::Reverse(*t));
    found.into_iter().map(|(_, f)| f).collect()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// What one recovery file is, with its date to sort by. `None` for this editor's own file.
fn judge(path: &Path, event: &Path, me: &Instance) -> Option<(i64, Found)> {
    let foreign = |why: String| {
        Some((
            0,
            Found::Foreign {
                path: path.to_path_buf(),
                why,
            },
        ))
    };
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return foreign("it is not a regular file (a symbolic link?)".into());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.uid() != current_user() {
            return foreign(format!(
                "it belongs to another user (uid {}), not to you",
                meta.uid()
            ));
        }
    }
    let broken = |message: String| {
        Some((
            0,
            Found::Broken {
                path: path.to_path_buf(),
                message,
            },
        ))
    };
    let text = match crate::load::read_input(path, "the recovery file") {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => return broken(e.to_string()),
    };
    let recovery = match serde_json::from_str::<Recovery>(&text) {
        Ok(r) => r,
        Err(e) => {
            return broken(format!(
                "`{}` is not a recovery file agora can read: {e}",
                path.display()
            ))
        }
    };
    if recovery.format != FORMAT {
        return broken(format!(
            "`{}` has an unknown format `{}`",
            path.display(),
            recovery.format
        ));
    }
    if !same_file(Path::new(&recovery.event), event) {
        return foreign(format!(
            "it is the recovery of another event (`{}`)",
            recovery.event
        ));
    }
    if let Some(instance) = &recovery.instance {
        if instance.is_me(me) {
            return None;
        }
        if instance.alive() {
            return Some((
                recovery.written_at,
                Found::Live {
                    path: path.to_path_buf(),
                    instance: instance.clone(),
                },
            ));
        }
    }
    Some((
        recovery.written_at,
        Found::Offer {
            path: path.to_path_buf(),
            recovery,
        },
    ))
}

/// Remove one recovery file (after a save, a clean quit or a discard).
pub fn remove(path: &Path) {
    let _ = std::fs::remove_file(path);
}

/// What replaying edits onto the current files gives.
#[derive(Debug)]
pub struct Replayed {
    /// The one step bringing the document to the merged state (`None`: nothing to change).
    pub edit: Option<Edit>,
    /// Every item changed on both sides, in order; the first `choices.len()` are resolved by
    /// the choices given, the others by ours until chosen.
    pub conflicts: Vec<Conflict>,
    /// The text of each item the edit adds, as the merged files write it (by item uid): for
    /// the document's `removed`, so the next save writes it as it was, not rebuilt.
    pub sources: Vec<(u64, save::RemovedSource)>,
}

/// A changed file to replay: its path as the document names it, the text the edits started
/// from (`None`: unknown, the edits replace the file), and the edited text.
pub struct Replay<'a> {
    pub path: &'a Path,
    pub base: Option<&'a str>,
    pub ours: &'a str,
}

/// Replay edited texts onto `doc`, a document freshly read from the files as they are now:
/// each file is merged item by item (base, the file now, the edits) and the result turned into
/// one edit of `doc`.
pub fn replay(
    doc: &Document,
    disk: &OnDisk,
    changed: &[Replay<'_>],
    choices: &[Side],
) -> Result<Replayed, RecoveryError> {
    replay_as(doc, disk, changed, choices, "merged")
}

/// [`replay`], naming the replayed text `what` ("merged", "recovered") when it does not load.
fn replay_as(
    doc: &Document,
    disk: &OnDisk,
    changed: &[Replay<'_>],
    choices: &[Side],
    what: &'static str,
) -> Result<Replayed, RecoveryError> {
    let mut used = vec![false; changed.len()];
    let mut conflicts = Vec::new();
    let mut texts = Vec::new();
    // The document as it is, edits included (a second restore goes on top of the first).
    let rendered = save::render(doc).map_err(RecoveryError::Render)?;
    for (i, f) in doc.program.sources.files().iter().enumerate() {
        let now = rendered
            .iter()
            .find(|(r, _)| *r as usize == i)
            .map(|(_, t)| t.as_str())
            .unwrap_or(&f.text);
        let at = changed.iter().position(|c| c.path == f.path);
        let text = match at {
            Some(i) => {
                used[i] = true;
                let c = &changed[i];
                match c.base {
                    Some(base) if base != now => {
                        let from = conflicts.len().min(choices.len());
                        let merged = merge(base, c.ours, now, &choices[from..], false).map_err(
                            |source| RecoveryError::Merge {
                                path: f.path.clone(),
                                source,
                            },
                        )?;
                        conflicts.extend(merged.conflicts);
                        merged.text
                    }
                    _ => c.ours.to_string(),
                }
            }
            None => now.to_string(),
        };
        texts.push((f.path.clone(), text));
    }
    if let Some(i) = used.iter().position(|u| !u) {
        return Err(RecoveryError::NotInEvent(changed[i].path.to_path_buf()));
    }
    let wanted = load_texts(&disk.root, &texts).map_err(|failure| {
        let first = failure
            .errors
            .first()
            .map(|e| e.message.clone())
            .unwrap_or_default();
        RecoveryError::DoesNotLoad { what, first }
    })?;
    let mut edit = rebase(doc, &wanted);
    if let Some(Edit::Batch { label, edits }) = &mut edit {
        *label = match what {
            "recovered" => format!("restored {} change(s) from the recovery file", edits.len()),
            _ => format!(
                "kept {} change(s) of yours over the file on disk",
                edits.len()
            ),
        };
    }
    let sources = edit
        .as_ref()
        .map(|e| save::added_sources(e, &wanted))
        .unwrap_or_default();
    Ok(Replayed {
        edit,
        conflicts,
        sources,
    })
}

/// The edit that replays a recovery onto the document (the files as they are now).
pub fn restore(
    doc: &Document,
    disk: &OnDisk,
    recovery: &Recovery,
    choices: &[Side],
) -> Result<Replayed, RecoveryError> {
    let paths: Vec<PathBuf> = recovery
        .files
        .iter()
        .map(|r| {
            doc.program
                .sources
                .files()
                .iter()
                .find(|f| relative(&disk.root, &f.path) == r.path)
                .map(|f| f.path.clone())
                .ok_or_else(|| RecoveryError::HoldsOther(r.path.clone()))
        })
        .collect::<Result<_, _>>()?;
    let changed: Vec<Replay<'_>> = recovery
        .files
        .iter()
        .zip(&paths)
        .map(|(r, path)| Replay {
            path,
            base: r.base.as_deref(),
            ours: &r.text,
        })
        .collect();
    replay_as(doc, disk, &changed, choices, "recovered")
}

/// "Keep mine" after files changed on disk: the edits of `doc` replayed onto `fresh`, the
/// event as it is on disk now.
pub fn keep_mine(
    doc: &Document,
    fresh: &Document,
    fresh_disk: &OnDisk,
    choices: &[Side],
) -> Result<Replayed, RecoveryError> {
    let rendered = save::render(doc).map_err(RecoveryError::Render)?;
    let changed: Vec<Replay<'_>> = rendered
        .iter()
        .map(|(f, text)| {
            let source = doc.program.sources.get(*f);
            Replay {
                path: &source.path,
                base: Some(&source.text),
                ours: text,
            }
        })
        .collect();
    replay(fresh, fresh_disk, &changed, choices)
}
