//! Reading an event from disk: one `.toml` file or a directory of them.
//!
//! Loading is all-or-nothing: either a complete [`Program`], or every input problem found
//! (syntax, unknown keys, wrong types, bad ids, …) with file, line and column — not only the
//! first, so an organiser fixes a file in one pass. Scheduling conflicts are not input problems:
//! they are the rules' business (see `crate::rules`).

mod chunks;
mod decode;
mod merge;
mod read;
mod suggest;

use std::path::{Path, PathBuf};

use crate::model::Program;
use crate::source::{SourceFile, Sources, Span};

pub use read::{read_input, ReadError, MAX_FILE_BYTES};
pub use suggest::closest;

/// A problem that stops the event from being read (exit code 2). Its `Display` is the
/// sentence alone; the report module prints it with its place, label and help.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct InputError {
    /// Where in a source file, when the problem has a place.
    pub span: Option<Span>,
    /// The file or directory concerned, when the problem has no place in a file (I/O).
    pub path: Option<PathBuf>,
    /// What is wrong, as one sentence.
    pub message: String,
    /// A short note under the marked text.
    pub label: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
}

impl InputError {
    pub(crate) fn at(span: Span, message: impl Into<String>) -> InputError {
        InputError {
            span: Some(span),
            path: None,
            message: message.into(),
            label: None,
            help: None,
        }
    }

    pub(crate) fn file(path: &Path, message: impl Into<String>) -> InputError {
        InputError {
            span: None,
            path: Some(path.to_path_buf()),
            message: message.into(),
            label: None,
            help: None,
        }
    }

    pub(crate) fn label(mut self, label: impl Into<String>) -> InputError {
        self.label = Some(label.into());
        self
    }

    pub(crate) fn help(mut self, help: impl Into<String>) -> InputError {
        self.help = Some(help.into());
        self
    }

    pub(crate) fn help_opt(mut self, help: Option<String>) -> InputError {
        self.help = help;
        self
    }
}

/// Why an event could not be loaded: the files read so far (to quote them) and every problem.
#[derive(Debug)]
pub struct LoadFailure {
    pub sources: Sources,
    pub errors: Vec<InputError>,
}

/// Load an event from a `.toml` file or a directory.
pub fn load_path(path: &Path) -> Result<Program, LoadFailure> {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let files = read::read_event_files(path, &mut sources, &mut errors);
    if !errors.is_empty() {
        return Err(LoadFailure { sources, errors });
    }
    build(files, sources, path)
}

/// Load an event from text, as if read from a file at `path` (tests, fuzzing, the editor).
pub fn load_str(path: &Path, text: &str) -> Result<Program, LoadFailure> {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let index = read::add_text(path, text.to_string(), &mut sources, &mut errors);
    if !errors.is_empty() {
        return Err(LoadFailure { sources, errors });
    }
    build(index.into_iter().collect(), sources, path)
}

/// Load an event from the texts of its files, in merge order, as if read from those paths
/// (the editor: reloading what it just saved, restoring a recovery file).
pub fn load_texts(root: &Path, files: &[(PathBuf, String)]) -> Result<Program, LoadFailure> {
    let mut sources = Sources::default();
    let mut errors = Vec::new();
    let indices: Vec<u32> = files
        .iter()
        .filter_map(|(path, text)| read::add_text(path, text.clone(), &mut sources, &mut errors))
        .collect();
    if !errors.is_empty() {
        return Err(LoadFailure { sources, errors });
    }
    build(indices, sources, root)
}

/// The items of a run of whole tables cut from file `file` at byte `base` (a save's fast path,
/// `src/save/window.rs`), when it has no problem at all, windows of rooms and speakers in order
/// (`tz`) included; and what it holds besides items (`[event]`, `[checks]`, `[placement]`) as
/// text, for the caller to check it is what the file held there.
pub(crate) fn decode_items(
    file: u32,
    text: &str,
    base: usize,
    tz: chrono_tz::Tz,
) -> Option<(Items, String)> {
    let mut errors = Vec::new();
    let part = decode::decode_file(file, text, base, &mut errors);
    let windows_ordered = part
        .rooms
        .iter()
        .flat_map(|r| r.open.iter().flatten())
        .chain(
            part.speakers
                .iter()
                .flat_map(|s| s.available.iter().flatten()),
        )
        .all(|w| merge::window_in_order(tz, w));
    let clean = errors.is_empty() && windows_ordered && part.dropped_errors == 0;
    let others = if part.events.is_empty() && part.checks.is_empty() && part.placement.is_empty() {
        String::new()
    } else {
        format!("{:?}\n{:?}\n{:?}", part.events, part.checks, part.placement)
    };
    clean.then_some((
        Items {
            sessions: part.sessions,
            rooms: part.rooms,
            speakers: part.speakers,
            tracks: part.tracks,
        },
        others,
    ))
}

/// Items decoded by [`decode_items`], in the order the text holds them.
pub(crate) struct Items {
    pub sessions: Vec<crate::model::Session>,
    pub rooms: Vec<crate::model::Room>,
    pub speakers: Vec<crate::model::Speaker>,
    pub tracks: Vec<crate::model::Track>,
}

fn build(files: Vec<u32>, sources: Sources, root: &Path) -> Result<Program, LoadFailure> {
    let mut errors = Vec::new();
    let mut parts: Vec<decode::FilePart> = Vec::with_capacity(files.len());
    for &file in &files {
        let decoded = chunks::decode_file(file, &sources.get(file).text, &mut errors);
        let dropped: usize = decoded.iter().map(|p| p.dropped_errors).sum();
        if dropped > 0 {
            let path = sources.path(file);
            errors.push(
                InputError::file(
                    path,
                    format!(
                        "… and {dropped} more problem{} in `{}` (the first {} are shown)",
                        if dropped == 1 { "" } else { "s" },
                        path.display(),
                        decode::MAX_ERRORS_PER_FILE
                    ),
                )
                .help("fix the problems above and run again: the same mistake is often repeated"),
            );
        }
        parts.extend(decoded);
    }
    let program = merge::merge(parts, root, &sources, &mut errors);
    match program {
        Some(parts) if errors.is_empty() => {
            let mut program = parts.into_program(sources);
            crate::busy::attach(&mut program, &crate::busy::base_dir(root));
            Ok(program)
        }
        _ => Err(LoadFailure { sources, errors }),
    }
}

pub(crate) fn new_source(path: &Path, text: String) -> SourceFile {
    SourceFile::new(path.to_path_buf(), text)
}
