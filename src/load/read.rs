//! Finding and reading the files of an event, refusing what is not TOML text.
//!
//! Bounded by design: every input agora reads (event files, schedules to import, templates,
//! calendars) goes through [`read_input`], which refuses anything that is not a regular file
//! (a FIFO would block forever, `/dev/zero` never ends) and stops reading at
//! [`MAX_FILE_BYTES`] whatever the file claims to be. In an event folder, a symbolic link is
//! followed only to a file or folder inside that folder, and every folder and file is read once,
//! known by its identity (device and inode), so `x -> .` links cannot loop or multiply.

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::InputError;
use crate::source::{Sources, Span};

/// The one size cap for every input agora reads (a 100,000-session program is ~30 MB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Directory nesting followed at most.
const MAX_DEPTH: usize = 16;

/// Files read at most from one event folder.
const MAX_FILES: usize = 10_000;

/// Why an input could not be read: one sentence, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}{}", help.as_ref().map(|h| format!(" ({h})")).unwrap_or_default())]
pub struct ReadError {
    pub message: String,
    pub help: Option<String>,
}

fn kind_of(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return "a device";
        }
        if file_type.is_socket() {
            return "a socket";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Read a whole input file (`what` names it in messages: "the template", "the schedule"):
/// a regular file, or a symlink to one, of at most [`MAX_FILE_BYTES`], counted while reading.
pub fn read_input(path: &Path, what: &str) -> Result<Vec<u8>, ReadError> {
    read_capped(path, what, MAX_FILE_BYTES)
}

fn read_capped(path: &Path, what: &str, cap: u64) -> Result<Vec<u8>, ReadError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    // Messages quote it as `{shown}`: a link names where it leads.
    let shown = match std::fs::canonicalize(path) {
        Ok(real) if is_link => format!("{}` (a link to `{}", path.display(), real.display()),
        _ => path.display().to_string(),
    };
    let io = |e: std::io::Error| ReadError {
        message: format!("cannot read {what} `{shown}`: {e}"),
        help: None,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        let kind = kind_of(meta.file_type());
        return Err(ReadError {
            message: format!("{what} `{shown}` is {kind}, not a regular file"),
            help: Some("give the path of a regular file".into()),
        });
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // Never block on opening: the file may have been swapped for a FIFO since it was looked at.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(io)?;
    let opened = file.metadata().map_err(io)?;
    if !opened.is_file() {
        return Err(ReadError {
            message: format!(
                "{what} `{shown}` is {}, not a regular file",
                kind_of(opened.file_type())
            ),
            help: Some("give the path of a regular file".into()),
        });
    }
    let too_big = || ReadError {
        message: format!(
            "{what} `{shown}` is too large: agora reads files up to {} MiB",
            cap / (1024 * 1024)
        ),
        help: Some("split it, or check that this is the right file".into()),
    };
    if opened.len() > cap {
        return Err(too_big());
    }
    let mut bytes = Vec::with_capacity(opened.len() as usize);
    // The length can lie (a file that grows, /proc): the cap is applied to what is read.
    file.take(cap + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > cap {
        return Err(too_big());
    }
    Ok(bytes)
}

/// A file or folder, known by device and inode (not by name: links give it many names).
#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &std::fs::Metadata) -> Option<(u64, u64)> {
    None
}

/// What a walk of an event folder has seen.
struct Walk<'a> {
    /// The folder itself, resolved: every link must lead inside it.
    root: PathBuf,
    seen: HashSet<(u64, u64)>,
    files: Vec<PathBuf>,
    errors: &'a mut Vec<InputError>,
    too_many: bool,
}

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
        // A link given as the event is followed to an event file (`.toml`) anywhere — organisers
        // keep `~/forum.toml -> ~/git/forum/event.toml` — but to anything else only inside the
        // folder that holds the link, so an event planted as a link to `/etc/passwd` cannot have
        // agora quote that file's lines.
        let folder = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let to_event_file = std::fs::canonicalize(path)
            .is_ok_and(|real| real.extension().is_some_and(|x| x == "toml"));
        if let Some(e) = link_outside(path, folder).filter(|_| !to_event_file) {
            errors.push(e);
            return Vec::new();
        }
        return read_file(path, sources, errors, true).into_iter().collect();
    }
    let root = match path.canonicalize() {
        Ok(root) => root,
        Err(e) => {
            errors.push(InputError::file(
                path,
                format!("cannot resolve `{}`: {e}", path.display()),
            ));
            return Vec::new();
        }
    };
    let mut walk = Walk {
        root,
        seen: HashSet::new(),
        files: Vec::new(),
        errors,
        too_many: false,
    };
    if let Some(id) = identity(&meta) {
        walk.seen.insert(id);
    }
    collect_toml_files(path, 0, &mut walk);
    let mut files = std::mem::take(&mut walk.files);
    let errors = walk.errors;
    // Path order compares component by component, as the format asks.
    files.sort();
    if files.is_empty() && errors.is_empty() {
        errors.push(
            InputError::file(path, format!("`{}` holds no .toml file", path.display()))
                .help("an event directory holds one or more .toml files, one of them with [event]"),
        );
    }
    if !errors.is_empty() {
        return Vec::new();
    }
    files
        .iter()
        .filter_map(|file| read_file(file, sources, errors, false))
        .collect()
}

/// An error when `path` is a symbolic link that leads outside `folder` (or nowhere).
fn link_outside(path: &Path, folder: &Path) -> Option<InputError> {
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return None;
    }
    let folder = folder
        .canonicalize()
        .unwrap_or_else(|_| folder.to_path_buf());
    match path.canonicalize() {
        Ok(real) if real.starts_with(&folder) => None,
        Ok(real) => Some(
            InputError::file(
                path,
                format!(
                    "`{}` is a symbolic link to `{}`, outside the event's folder `{}`",
                    path.display(),
                    real.display(),
                    folder.display()
                ),
            )
            .help("agora follows links only inside the event's folder: copy the file in, or open it directly"),
        ),
        Err(e) => Some(InputError::file(
            path,
            format!(
                "`{}` is a symbolic link that cannot be followed: {e}",
                path.display()
            ),
        )),
    }
}

fn collect_toml_files(dir: &Path, depth: usize, walk: &mut Walk) {
    if depth > MAX_DEPTH {
        walk.errors.push(
            InputError::file(
                dir,
                format!(
                    "`{}` is nested more than {MAX_DEPTH} folders deep",
                    dir.display()
                ),
            )
            .help("keep an event's files at most a few folders deep"),
        );
        return;
    }
    let mut entries: Vec<_> = match std::fs::read_dir(dir) {
        Ok(entries) => entries.flatten().collect(),
        Err(e) => {
            walk.errors.push(InputError::file(
                dir,
                format!("cannot read directory `{}`: {}", dir.display(), e),
            ));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if walk.too_many {
            return;
        }
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        let is_toml = path.extension().is_some_and(|e| e == "toml");
        if is_link {
            // Only links that matter: to a folder, or a .toml name.
            let target_is_dir = std::fs::metadata(&path).is_ok_and(|m| m.is_dir());
            if !target_is_dir && !is_toml {
                continue;
            }
            if let Some(e) = link_outside(&path, &walk.root) {
                walk.errors.push(e);
                continue;
            }
        }
        let Ok(meta) = std::fs::metadata(&path) else {
            if is_toml {
                walk.errors.push(InputError::file(
                    &path,
                    format!("cannot read `{}`", path.display()),
                ));
            }
            continue;
        };
        if !meta.is_dir() && !is_toml {
            continue;
        }
        if let Some(id) = identity(&meta) {
            if !walk.seen.insert(id) {
                if meta.is_dir() {
                    walk.errors.push(
                        InputError::file(
                            &path,
                            format!(
                                "`{}` leads to a folder already read (a symbolic link loop or a second link to it)",
                                path.display()
                            ),
                        )
                        .help("remove the link: each folder of an event is read once"),
                    );
                } else {
                    walk.errors.push(
                        InputError::file(
                            &path,
                            format!(
                                "`{}` is a second name (a link) for a file already read",
                                path.display()
                            ),
                        )
                        .help("remove the link: each file of an event is read once"),
                    );
                }
                continue;
            }
        }
        if meta.is_dir() {
            collect_toml_files(&path, depth + 1, walk);
        } else if walk.files.len() >= MAX_FILES {
            walk.errors.push(
                InputError::file(
                    dir,
                    format!("the event holds more than {MAX_FILES} .toml files"),
                )
                .help("an event is a few files: check that this is the right folder"),
            );
            walk.too_many = true;
            return;
        } else {
            walk.files.push(path);
        }
    }
}

fn read_file(
    path: &Path,
    sources: &mut Sources,
    errors: &mut Vec<InputError>,
    single: bool,
) -> Option<u32> {
    let bytes = match read_input(path, "the event file") {
        Ok(bytes) => bytes,
        Err(e) => {
            errors.push(InputError::file(path, e.message).help_opt(e.help));
            return None;
        }
    };
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
    if let Some(nul) = memchr::memchr(0, &bytes) {
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
