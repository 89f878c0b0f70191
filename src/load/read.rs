//! Finding and reading the files of an event, refusing what is not TOML text.

use std::path::{Path, PathBuf};

use super::InputError;
use crate::source::{Sources, Span};

/// Larger files are refused rather than read into memory (a 100,000-session program is ~30 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Directory nesting followed at most (guards against symlink loops).
const MAX_DEPTH: usize = 16;

/// Read the event at `path` (a file, or a directory read recursively) into `sources`; returns
/// the indices of the files to decode, in merge order.
pub(super) fn read_event_files(
    path: &Path,
    sources: &mut Sources,
    errors: &mut Vec<InputError>,
) -> Vec<u32> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => {
            errors.push(
                InputError::file(path, format!("cannot read `{}`: {}", path.display(), e))
                    .help("give the path of an event file (.toml) or of a directory of them"),
            );
            return Vec::new();
        }
    };
    if !meta.is_dir() {
        return read_file(path, sources, errors, true).into_iter().collect();
    }
    let mut files = Vec::new();
    collect_toml_files(path, 0, &mut files, errors);
    // Path order compares component by component, as the format asks.
    files.sort();
    if files.is_empty() && errors.is_empty() {
        errors.push(
            InputError::file(path, format!("`{}` holds no .toml file", path.display()))
                .help("an event directory holds one or more .toml files, one of them with [event]"),
        );
    }
    files
        .iter()
        .filter_map(|file| read_file(file, sources, errors, false))
        .collect()
}

fn collect_toml_files(
    dir: &Path,
    depth: usize,
    out: &mut Vec<PathBuf>,
    errors: &mut Vec<InputError>,
) {
    if depth > MAX_DEPTH {
        errors.push(InputError::file(
            dir,
            format!(
                "`{}` is nested too deeply (symbolic link loop?)",
                dir.display()
            ),
        ));
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            errors.push(InputError::file(
                dir,
                format!("cannot read directory `{}`: {}", dir.display(), e),
            ));
            return;
        }
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            collect_toml_files(&path, depth + 1, out, errors);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
}

fn read_file(
    path: &Path,
    sources: &mut Sources,
    errors: &mut Vec<InputError>,
    single: bool,
) -> Option<u32> {
    let too_big = |len: u64| {
        InputError::file(
            path,
            format!(
                "`{}` is too large ({} MiB; agora reads event files up to {} MiB)",
                path.display(),
                len / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        )
        .help("split the program over several files in a directory")
    };
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            errors.push(too_big(meta.len()));
            return None;
        }
        _ => {}
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            errors.push(InputError::file(
                path,
                format!("cannot read `{}`: {}", path.display(), e),
            ));
            return None;
        }
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        errors.push(too_big(bytes.len() as u64));
        return None;
    }
    let index = decode_bytes(path, bytes, sources, errors)?;
    if single && sources.get(index).text.trim().is_empty() {
        errors.push(
            InputError::file(path, format!("`{}` is empty", path.display())).help(
                "an event file starts with an [event] table: id, name, timezone, start and end",
            ),
        );
        return None;
    }
    Some(index)
}

/// Check that bytes are UTF-8 text and add them to `sources`.
fn decode_bytes(
    path: &Path,
    bytes: Vec<u8>,
    sources: &mut Sources,
    errors: &mut Vec<InputError>,
) -> Option<u32> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        errors.push(
            InputError::file(
                path,
                format!("`{}` is UTF-16 text, not UTF-8", path.display()),
            )
            .help("save the file as UTF-8 (TOML files are UTF-8)"),
        );
        return None;
    }
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        // A NUL byte never belongs in TOML text: this is a binary file (image, archive, …).
        errors.push(
            InputError::file(
                path,
                format!(
                    "`{}` looks like a binary file, not TOML text (NUL byte at offset {})",
                    path.display(),
                    nul
                ),
            )
            .help("give the path of the event's .toml file"),
        );
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(text) => add_text(path, text, sources, errors),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            // The lossy text has the same prefix, so the offset of the bad byte is unchanged.
            let index = sources.add(super::new_source(path, text));
            // The bad byte became U+FFFD (3 bytes) in the lossy text.
            errors.push(
                InputError::at(
                    Span::new(index, valid..valid + '\u{fffd}'.len_utf8()),
                    format!("`{}` is not valid UTF-8", path.display()),
                )
                .label("this byte is not UTF-8")
                .help("save the file as UTF-8 (it may be in Latin-1 or Windows-1252)"),
            );
            None
        }
    }
}

/// Add text read from `path`, without a leading byte-order mark.
pub(super) fn add_text(
    path: &Path,
    mut text: String,
    sources: &mut Sources,
    errors: &mut Vec<InputError>,
) -> Option<u32> {
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    if text.len() as u64 > MAX_FILE_BYTES {
        errors.push(InputError::file(
            path,
            format!("`{}` is too large", path.display()),
        ));
        return None;
    }
    Some(sources.add(super::new_source(path, text)))
}
