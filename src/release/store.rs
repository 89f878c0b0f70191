//! The release store on disk: an index (`releases.toml`) and one file per release holding its
//! program in normal form (see `docs/releases.md`).
//!
//! Opening checks everything agora wrote is still what it wrote: the index parses, every entry
//! has its keys, names are unique and valid, every program file loads and is still in normal
//! form. Anything else is an [`InputError`] with file and line; nothing is repaired or
//! rewritten. Adding a release writes the new program file, then the index, both with the
//! atomic writer.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

use super::{normal, validate_name, Release, ReleaseError};
use crate::load::{self, InputError, LoadFailure};
use crate::model::Program;
use crate::source::{SourceFile, Sources, Span};
use crate::time::Instant;

/// The index file inside a store.
pub const INDEX: &str = "releases.toml";

/// The store of the event at `event`: `NAME.releases/` beside a file event, `.releases/`
/// inside a directory event (a folder whose name starts with a dot, so the event's own files
/// never include it).
pub fn store_dir(event: &Path) -> PathBuf {
    if event.is_dir() {
        return event.join(".releases");
    }
    let stem = event
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "event".to_string());
    let parent = event.parent().unwrap_or(Path::new(""));
    parent.join(format!("{stem}.releases"))
}

/// The releases of an event, oldest first.
#[derive(Debug)]
pub struct Store {
    pub dir: PathBuf,
    pub releases: Vec<Release>,
}

fn index_header(event_id: &str) -> String {
    format!(
        "# The releases of `{}`, oldest first, written by `agora release`.\n\
         # Each one's program is the file named by `file`, in normal form (see docs/releases.md).\n\
         # agora refuses a store it did not write: do not edit these files by hand.\n",
        one_line(event_id)
    )
}

fn program_header(name: &str, event_id: &str) -> String {
    format!(
        "# Release `{}` of `{}`, frozen by `agora release`: do not edit by hand.\n",
        one_line(name),
        one_line(event_id)
    )
}

/// Text safe in a one-line TOML comment.
fn one_line(text: &str) -> String {
    text.chars().filter(|c| !c.is_control()).collect()
}

/// `20261201T080000Z`-free form used in the index: RFC 3339 in UTC.
fn rfc3339_utc(t: Instant) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or(chrono::DateTime::UNIX_EPOCH)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn render_index(event_id: &str, releases: &[Release]) -> String {
    let mut doc = toml_edit::DocumentMut::new();
    let mut array = toml_edit::ArrayOfTables::new();
    for r in releases {
        let mut t = toml_edit::Table::new();
        t.insert("name", toml_edit::value(r.name.as_str()));
        let time = rfc3339_utc(r.time);
        match time.parse::<toml_edit::Datetime>() {
            Ok(dt) => t.insert("time", toml_edit::value(dt)),
            Err(_) => t.insert("time", toml_edit::value(time)),
        };
        t.insert("file", toml_edit::value(r.file_name.as_str()));
        t.insert("checksum", toml_edit::value(r.checksum.as_str()));
        if let Some(c) = &r.comment {
            t.insert("comment", toml_edit::value(c.as_str()));
        }
        array.push(t);
    }
    if !array.is_empty() {
        doc.insert("releases", toml_edit::Item::ArrayOfTables(array));
    }
    format!("{}\n{}", index_header(event_id), doc)
}

/// The checksum of a release file the index records: a name-based UUID (SHA-1) of its
/// text, so an edit that still loads is noticed too. It guards against accidents, not
/// against someone who rewrites the index as well.
fn checksum(text: &str) -> String {
    let namespace = uuid::Uuid::from_u128(0x5d1f_0c5e_3f5e_4a57_9d8b_6f1c_2a7e_9b40);
    format!(
        "sha1-uuid:{}",
        uuid::Uuid::new_v5(&namespace, text.as_bytes()).simple()
    )
}

fn program_text(name: &str, program: &Program) -> String {
    format!(
        "{}{}",
        program_header(name, &program.event.id),
        normal::render(program)
    )
}

/// The 1-based line where two texts first differ.
fn first_difference(a: &str, b: &str) -> usize {
    let mut line = 1;
    for (x, y) in a.bytes().zip(b.bytes()) {
        if x != y {
            return line;
        }
        if x == b'\n' {
            line += 1;
        }
    }
    line
}

fn line_span(sources: &Sources, file: u32, line: usize) -> Span {
    let range = sources.get(file).line_range(line);
    Span::new(file, range)
}

fn failure(sources: Sources, errors: Vec<InputError>) -> LoadFailure {
    LoadFailure { sources, errors }
}

impl Store {
    /// Open the store of the event at `event`; an event without one has no releases.
    pub fn open(event: &Path) -> Result<Store, LoadFailure> {
        let dir = store_dir(event);
        let index = dir.join(INDEX);
        let mut sources = Sources::default();
        if !index.exists() {
            if dir.is_dir() && std::fs::read_dir(&dir).is_ok_and(|mut d| d.next().is_some()) {
                let e = InputError::file(
                    &dir,
                    format!(
                        "the release store `{}` has no {INDEX}: it was damaged or not written by agora",
                        dir.display()
                    ),
                )
                .help("restore releases.toml from version control, or move the folder away to start without releases");
                return Err(failure(sources, vec![e]));
            }
            return Ok(Store {
                dir,
                releases: Vec::new(),
            });
        }
        let text = match read_text(&index) {
            Ok(text) => text,
            Err(e) => return Err(failure(sources, vec![e])),
        };
        let file = sources.add(SourceFile::new(index.clone(), text));
        let entries = match parse_index(&sources, file) {
            Ok(entries) => entries,
            Err(errors) => return Err(failure(sources, errors)),
        };
        let mut releases: Vec<Release> = Vec::new();
        let mut errors = Vec::new();
        for entry in entries {
            let path = dir.join(&entry.file);
            let text = match read_text(&path) {
                Ok(text) => text,
                Err(e) => {
                    errors.push(e.help(format!(
                        "`{}` is named by {INDEX}: restore it from version control",
                        entry.file
                    )));
                    continue;
                }
            };
            let program = match load::load_str(&path, &text) {
                Ok(program) => program,
                Err(mut f) => {
                    // Quote the release file, not the index.
                    return Err({
                        f.errors.iter_mut().for_each(|e| {
                            if e.help.is_none() {
                                e.help =
                                    Some("restore this release file from version control".into());
                            }
                        });
                        f
                    });
                }
            };
            let expected = program_text(&entry.name, &program);
            if expected != text {
                let line = first_difference(&expected, &text);
                let pf = sources.add(SourceFile::new(path.clone(), text));
                errors.push(
                    InputError::at(
                        line_span(&sources, pf, line),
                        format!(
                            "release `{}` was changed after it was made: this line is not what `agora release` wrote",
                            entry.name
                        ),
                    )
                    .label("differs from the release's normal form")
                    .help("a release is frozen: restore the file from version control (git checkout), and make changes in the event, then release again"),
                );
                continue;
            }
            if checksum(&text) != entry.checksum.0 {
                errors.push(
                    InputError::at(
                        entry.checksum.1,
                        format!(
                            "release `{}` was changed after it was made: `{}` no longer has the checksum recorded here",
                            entry.name, entry.file
                        ),
                    )
                    .label("the checksum agora recorded")
                    .help("a release is frozen: restore the file from version control (`git diff` shows the change), make changes in the event, then release again"),
                );
                continue;
            }
            releases.push(Release {
                name: entry.name,
                time: entry.time,
                comment: entry.comment,
                file_name: entry.file,
                checksum: entry.checksum.0,
                program,
            });
        }
        if !errors.is_empty() {
            return Err(failure(sources, errors));
        }
        // The index itself must be exactly what agora writes (a hand edit is refused too).
        let event_id = releases
            .first()
            .map(|r| r.program.event.id.clone())
            .unwrap_or_default();
        let expected = render_index(&event_id, &releases);
        let written = &sources.get(file).text;
        if !releases.is_empty() && &expected != written {
            let line = first_difference(&expected, written);
            let span = line_span(&sources, file, line);
            return Err(failure(
                sources,
                vec![InputError::at(
                    span,
                    "the release index was edited by hand: this line is not what `agora release` wrote",
                )
                .label("differs from what agora wrote")
                .help("restore releases.toml from version control (git checkout); releases are made with `agora release`")],
            ));
        }
        Ok(Store { dir, releases })
    }

    /// The release called `name` (case does not matter).
    pub fn find(&self, name: &str) -> Option<usize> {
        let key = name.to_lowercase();
        self.releases
            .iter()
            .position(|r| r.name.to_lowercase() == key)
    }

    /// Freeze `program` as a new release; returns the path of its file. The name must be valid
    /// and unused; the store must have been opened (so it was checked) just before.
    pub fn add(
        &mut self,
        program: Program,
        name: &str,
        comment: Option<&str>,
        time: Instant,
    ) -> Result<PathBuf, ReleaseError> {
        validate_name(name, self.releases.iter().map(|r| r.name.as_str()))?;
        if let Some(first) = self.releases.first() {
            if first.program.event.id != program.event.id {
                return Err(ReleaseError::OtherEvent {
                    dir: self.dir.clone(),
                    held: first.program.event.id.clone(),
                    given: program.event.id.clone(),
                });
            }
        }
        std::fs::create_dir_all(&self.dir).map_err(|source| ReleaseError::Io {
            action: "create",
            path: self.dir.clone(),
            source,
        })?;
        let slug: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        // The next free number: a file left by an interrupted release is never overwritten.
        let mut n = self.releases.len() + 1;
        let file_name = loop {
            let candidate = format!("{n:04}-{slug}.toml");
            if !self.dir.join(&candidate).exists() {
                break candidate;
            }
            n += 1;
        };
        let comment = comment
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty());
        let path = self.dir.join(&file_name);
        let text = program_text(name, &program);
        let sum = checksum(&text);
        crate::save::write_atomic(&path, text.as_bytes()).map_err(|source| ReleaseError::Io {
            action: "write",
            path: path.clone(),
            source,
        })?;
        let event_id = program.event.id.clone();
        self.releases.push(Release {
            name: name.to_string(),
            time,
            comment,
            file_name,
            checksum: sum,
            program,
        });
        let index = render_index(&event_id, &self.releases);
        let index_path = self.dir.join(INDEX);
        if let Err(source) = crate::save::write_atomic(&index_path, index.as_bytes()) {
            self.releases.pop();
            return Err(ReleaseError::Io {
                action: "write",
                path: index_path,
                source,
            });
        }
        Ok(path)
    }
}

fn read_text(path: &Path) -> Result<String, InputError> {
    let bytes = load::read_input(path, "the release file")
        .map_err(|e| InputError::file(path, e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| {
        InputError::file(path, format!("`{}` is not UTF-8 text", path.display()))
            .help("restore it from version control")
    })
}

struct Entry {
    name: String,
    time: Instant,
    file: String,
    checksum: (String, Span),
    comment: Option<String>,
}

fn parse_index(sources: &Sources, file: u32) -> Result<Vec<Entry>, Vec<InputError>> {
    let text = &sources.get(file).text;
    let span = |r: std::ops::Range<usize>| Span::new(file, r);
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax
            .into_iter()
            .map(|e| {
                InputError::at(
                    span(e.span().unwrap_or(0..0)),
                    format!("TOML syntax: {}", e.message().trim()),
                )
                .help("restore releases.toml from version control (git checkout)")
            })
            .collect());
    }
    let mut errors = Vec::new();
    let mut entries: Vec<Entry> = Vec::new();
    for (key, value) in root.get_ref().iter() {
        if key.get_ref() != "releases" {
            errors.push(
                InputError::at(
                    span(key.span()),
                    format!("unknown key `{}` in the release index", key.get_ref()),
                )
                .help("the index holds only [[releases]] tables"),
            );
            continue;
        }
        let DeValue::Array(array) = value.get_ref() else {
            errors.push(InputError::at(
                span(value.span()),
                "`releases` must be an array of tables",
            ));
            continue;
        };
        for item in array.iter() {
            let DeValue::Table(t) = item.get_ref() else {
                errors.push(InputError::at(
                    span(item.span()),
                    "each release must be a table",
                ));
                continue;
            };
            let whole = span(item.span());
            let mut name = None;
            let mut time = None;
            let mut file_name = None;
            let mut comment = None;
            let mut sum = None;
            for (k, v) in t.iter() {
                let at = span(v.span());
                match (k.get_ref().as_ref(), v.get_ref()) {
                    ("name", DeValue::String(s)) => name = Some((s.to_string(), at)),
                    ("file", DeValue::String(s)) => file_name = Some((s.to_string(), at)),
                    ("comment", DeValue::String(s)) => comment = Some(s.to_string()),
                    ("checksum", DeValue::String(s)) => sum = Some((s.to_string(), at)),
                    ("time", DeValue::Datetime(dt)) => match parse_time(&dt.to_string()) {
                        Some(t) => time = Some(t),
                        None => errors.push(
                            InputError::at(at, "`time` must be a date-time with an offset, such as 2026-12-01T08:00:00Z")
                                .help("restore releases.toml from version control"),
                        ),
                    },
                    ("name" | "file" | "comment" | "time" | "checksum", _) => errors.push(
                        InputError::at(at, format!("`{}` has the wrong type", k.get_ref()))
                            .help("restore releases.toml from version control"),
                    ),
                    (other, _) => errors.push(
                        InputError::at(span(k.span()), format!("unknown key `{other}` in a release"))
                            .help("a release has name, time, file, checksum and comment"),
                    ),
                }
            }
            let (Some((name, name_at)), Some(time), Some((file, file_at)), Some(checksum)) =
                (name, time, file_name, sum)
            else {
                errors.push(
                    InputError::at(
                        whole,
                        "a release needs `name`, `time`, `file` and `checksum`",
                    )
                    .help("restore releases.toml from version control"),
                );
                continue;
            };
            if let Err(message) = validate_name(&name, entries.iter().map(|e| e.name.as_str())) {
                errors.push(InputError::at(name_at, message.to_string()));
                continue;
            }
            let safe = !file.is_empty()
                && file.ends_with(".toml")
                && !file.starts_with('.')
                && file
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'));
            if !safe || entries.iter().any(|e| e.file == file) {
                errors.push(
                    InputError::at(
                        file_at,
                        format!(
                            "`{file}` is not a release file name agora writes (or is named twice)"
                        ),
                    )
                    .help("release files are named NNNN-name.toml, inside the store folder"),
                );
                continue;
            }
            entries.push(Entry {
                name,
                time,
                file,
                checksum,
                comment,
            });
        }
    }
    if errors.is_empty() {
        Ok(entries)
    } else {
        Err(errors)
    }
}

fn parse_time(text: &str) -> Option<Instant> {
    chrono::DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.timestamp())
}
