//! Where export files go, and writing them safely.
//!
//! An [`OutputPath`] is relative to the output folder and made only of checked components:
//! ASCII letters, digits, `.`, `_` and `-`, never empty, never `.` or `..`, never starting
//! with a dot. Ids are already restricted by the loader; this is the second lock, so no id or
//! name can choose a path outside the output folder. Writing also refuses a folder inside the
//! output folder that leads outside it (a symbolic link), and replaces each file atomically
//! (temporary file in the same folder, fsync, rename), so a reader never sees half a file.

use std::fs;
use std::path::{Path, PathBuf};

use crate::export::stamps::{self, Stamp, Stamps};
use crate::export::Body;

/// Why a path cannot be one in the output folder.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("an empty output path")]
    Empty,
    /// The component, escaped as Rust escapes a string for debugging.
    #[error(
        "`{0}` cannot be a file name in the output folder (only letters, digits, `.`, `_` and \
         `-`, not starting with `.`)"
    )]
    Component(String),
}

/// A file's place inside the output folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OutputPath(Vec<String>);

/// Whether `name` may be one component of an output path.
pub fn is_safe_component(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 200
        && !name.starts_with('.')
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

impl OutputPath {
    /// A path from its components, each checked.
    pub fn new<S: AsRef<str>>(parts: &[S]) -> Result<OutputPath, PathError> {
        if parts.is_empty() {
            return Err(PathError::Empty);
        }
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let p = p.as_ref();
            if !is_safe_component(p) {
                return Err(PathError::Component(p.escape_debug().to_string()));
            }
            out.push(p.to_string());
        }
        Ok(OutputPath(out))
    }

    /// The same path under a folder: `sessions/x.ics` → `rooms/amphi/sessions/x.ics`.
    pub fn under<S: AsRef<str>>(&self, folders: &[S]) -> Result<OutputPath, PathError> {
        let mut parts: Vec<String> = folders.iter().map(|f| f.as_ref().to_string()).collect();
        parts.extend(self.0.iter().cloned());
        OutputPath::new(&parts)
    }

    pub fn components(&self) -> &[String] {
        &self.0
    }

    pub fn file_name(&self) -> &str {
        self.0.last().map(String::as_str).unwrap_or_default()
    }

    /// `sessions/x.ics`, with `/` on every system.
    pub fn display(&self) -> String {
        self.0.join("/")
    }

    pub fn relative(&self) -> PathBuf {
        self.0.iter().collect()
    }
}

/// Make every path usable at once: when a path is also the folder of others (a split by room
/// with ids `amphi` and `amphi.ics` writes the file `rooms/amphi.ics` and the folder
/// `rooms/amphi.ics/`), the folder is renamed `<name>-2` (or `-3`, … whatever is free), in
/// place in `paths`. Only folders are renamed, so a page's links inside its own folder keep
/// working, and the result depends only on the paths given.
pub fn untangle(paths: &mut [OutputPath]) {
    use std::collections::HashSet;
    loop {
        let files: HashSet<&[String]> = paths.iter().map(|p| p.0.as_slice()).collect();
        let clash = paths.iter().find_map(|p| {
            (1..p.0.len()).find_map(|k| files.contains(&p.0[..k]).then(|| p.0[..k].to_vec()))
        });
        let Some(folder) = clash else {
            return;
        };
        let taken = |candidate: &[String]| {
            paths
                .iter()
                .any(|p| p.0.len() >= candidate.len() && p.0[..candidate.len()] == *candidate)
        };
        let depth = folder.len();
        let renamed = (2..)
            .map(|n| {
                let mut c = folder.clone();
                c[depth - 1] = format!("{}-{n}", folder[depth - 1]);
                c
            })
            .find(|c| !taken(c) && is_safe_component(&c[depth - 1]))
            .unwrap_or_else(|| folder.clone());
        for p in paths.iter_mut() {
            if p.0.len() > depth && p.0[..depth] == folder[..] {
                p.0[..depth].clone_from_slice(&renamed);
            }
        }
    }
}

/// Why files could not be written.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub message: String,
}

/// Write `contents` at `path` atomically through the one writer; `path` itself is replaced
/// (a symlink planted there is not followed out of the output folder).
pub fn atomic_write(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    crate::save::replace_atomic(path, contents)
}

/// [`atomic_write`] of an export's [`Body`], its pieces written one after the other.
fn atomic_write_body(path: &Path, body: &Body) -> std::io::Result<()> {
    crate::save::replace_atomic_pieces(path, &body.pieces())
}

/// The part of `dir` (itself, or a folder above it) that exists as something other than a
/// folder, which is why `dir` cannot be created: `out` in `-o out/` or `-o out/rooms/`.
pub(crate) fn file_in_the_way(dir: &Path) -> Option<PathBuf> {
    // Components drop a trailing `/`, which makes a file look absent.
    let clean: PathBuf = dir.components().collect();
    clean
        .ancestors()
        .filter(|a| !a.as_os_str().is_empty())
        .find(|a| a.symlink_metadata().is_ok() && !a.is_dir())
        .map(Path::to_path_buf)
}

/// Whether `target` is a plain file (not a link, no second name) that holds `bytes` already:
/// then it is left as it is, so exporting an unchanged program again writes (and syncs) only
/// what changed — most of an agenda's per-session calendars.
fn holds_already(target: &Path, body: &Body) -> bool {
    fs::symlink_metadata(target).is_ok_and(|meta| holds_already_as(target, &meta, body))
}

/// [`holds_already`] of a path whose metadata (not following a link) has been read already.
fn holds_already_as(target: &Path, meta: &fs::Metadata, body: &Body) -> bool {
    may_hold(meta)
        && meta.len() == body.len() as u64
        && fs::File::open(target).is_ok_and(|file| crate::export::body::file_holds(&file, body))
}

/// What a file's place holds when it is a folder.
const A_FOLDER: &str = "is a folder; expected a file";

/// Whether `target`, whose own metadata (not following a link) is `meta`, is a folder or a
/// link to one: no file of an export can go there.
fn is_folder(target: &Path, meta: &fs::Metadata) -> bool {
    meta.is_dir() || (meta.file_type().is_symlink() && target.is_dir())
}

/// Whether the file `meta` describes may be left as it is when it holds the bytes to write:
/// a plain file of one name (a hard-linked one is replaced, so the other names keep theirs).
fn may_hold(meta: &fs::Metadata) -> bool {
    #[cfg(unix)]
    let single = std::os::unix::fs::MetadataExt::nlink(meta) == 1;
    #[cfg(not(unix))]
    let single = true;
    meta.is_file() && single
}

/// A piece of a file given a piece at a time: compared with the file there while every byte
/// so far was the same, written beside it from the first that differs. At the `end` (an
/// empty piece), a file there that is longer than what was given differs too.
fn feed_piece(target: &Path, state: Pieces, piece: &[u8], end: bool) -> std::io::Result<Pieces> {
    use std::io::{Read, Seek, Write};
    match state {
        Pieces::Same { mut file, at, len } => {
            let n = piece.len() as u64;
            if !end && at + n <= len {
                let mut there = vec![0; piece.len()];
                if file.read_exact(&mut there).is_ok() && there == piece {
                    return Ok(Pieces::Same {
                        file,
                        at: at + n,
                        len,
                    });
                }
            }
            // The first difference: what was the same, from the file, then the rest.
            let mut staging = crate::save::stage_begin(target)?;
            file.seek(std::io::SeekFrom::Start(0))?;
            let copied = std::io::copy(&mut (&mut file).take(at), &mut staging)?;
            if copied != at {
                return Err(std::io::Error::other(
                    "the file changed while it was compared",
                ));
            }
            staging.write_all(piece)?;
            Ok(Pieces::Staging(staging))
        }
        Pieces::Staging(mut staging) => {
            staging.write_all(piece)?;
            Ok(Pieces::Staging(staging))
        }
        Pieces::New(mut file) => {
            file.write_all(piece)?;
            Ok(Pieces::New(file))
        }
        Pieces::Skipped => Ok(Pieces::Skipped),
    }
}

/// The file in an output folder that lists, one relative path a line, the files agora wrote
/// there. An existing file is replaced without `--force` only when it is listed: an export
/// folder agora wrote before may be rewritten, anything else already there is left alone.
pub const MANIFEST: &str = ".agora-export";

const MANIFEST_HEAD: &str =
    "# Files agora wrote in this folder; agora export replaces only these without --force.\n";

fn manifest(root: &Path) -> std::collections::BTreeSet<String> {
    let path = root.join(MANIFEST);
    let Ok(bytes) = crate::load::read_input(&path, "the export list") else {
        return Default::default();
    };
    String::from_utf8_lossy(&bytes)
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// Refuse, before anything is written, to replace a file under `root` that agora did not write
/// there (not in its [`MANIFEST`]) unless `force`; the list, as read.
fn refuse_foreign(
    root: &Path,
    names: &[String],
    force: bool,
) -> Result<std::collections::BTreeSet<String>, WriteError> {
    let known = manifest(root);
    if force {
        return Ok(known);
    }
    let foreign: Vec<&String> = names
        .iter()
        .filter(|n| !known.contains(n.as_str()))
        .filter(|n| fs::symlink_metadata(root.join(n.as_str())).is_ok())
        .collect();
    match foreign_in_the_way(root, &foreign) {
        Some(error) => Err(error),
        None => Ok(known),
    }
}

/// The error for files under `root` that agora did not write there and would replace: the
/// first, and how many more.
fn foreign_in_the_way<S: AsRef<str>>(root: &Path, foreign: &[S]) -> Option<WriteError> {
    let first = foreign.first()?;
    let more = match foreign.len() {
        1 => String::new(),
        n => format!(" (and {} more)", n - 1),
    };
    Some(WriteError {
        path: root.join(first.as_ref()),
        message: format!(
            "already exists and was not written by agora{more}: give --force to replace it, or \
             choose another folder with -o"
        ),
    })
}

/// The text of a [`MANIFEST`] listing `names`.
fn manifest_text(names: &std::collections::BTreeSet<String>) -> String {
    let mut text = String::from(MANIFEST_HEAD);
    for name in names {
        text.push_str(name);
        text.push('\n');
    }
    text
}

/// Add `names` to the [`MANIFEST`] of `root`, which lists `known` (as read before the export).
fn record(
    root: &Path,
    mut known: std::collections::BTreeSet<String>,
    names: &[String],
) -> Result<(), WriteError> {
    // Exporting again the same files (or fewer): the list read at the start names them all
    // already, and it stays as it is.
    if !known.is_empty() && names.iter().all(|n| known.contains(n)) && root.join(MANIFEST).is_file()
    {
        return Ok(());
    }
    known.extend(names.iter().cloned());
    let text = manifest_text(&known);
    let path = root.join(MANIFEST);
    // Exporting again the same files: the list holds them already (two flushes saved).
    if holds_already(&path, &Body::from(text.as_str())) {
        return Ok(());
    }
    atomic_write(&path, text.as_bytes()).map_err(|e| WriteError {
        path,
        message: format!("cannot write: {e}"),
    })
}

/// An export into the folder `root` of files held in memory: refuses to replace files agora
/// did not write there (unless `force`), writes them all, then records them in the folder's
/// [`MANIFEST`] ([`FolderExport`], which takes them one at a time). The paths must be
/// untangled already ([`untangle`]).
pub fn write_export(
    root: &Path,
    files: &[(OutputPath, &Body)],
    force: bool,
) -> Result<Vec<PathBuf>, WriteError> {
    let mut folder = FolderExport::open(root, force)?;
    let list: Vec<(&OutputPath, &Body)> = files.iter().map(|(p, b)| (p, *b)).collect();
    folder.put_all(&list).map_err(|e| match e {
        PutError::Write(e) => e,
        PutError::Tangled => WriteError {
            path: root.to_path_buf(),
            message: "holds a path that is both a file and a folder of the export".to_string(),
        },
    })?;
    folder.finish()
}

/// An export into a folder, one file at a time, so that a big export need not be held whole:
/// each file is written (or found to hold its bytes already) when it is given, and nothing is
/// replaced until [`FolderExport::finish`]. The rules of [`write_export`]:
/// - a folder that is not there yet is written whole beside it and renamed into place
///   (`save::NewFolder`), so it appears complete or not at all;
/// - in an existing folder, a file agora did not write there (not in its [`MANIFEST`]) is not
///   replaced without `force`; every folder is checked to lead nowhere outside the output
///   folder; a file holding its bytes already is left as it is; the others get a temp file
///   beside them, and the batch is made durable and renamed into place at the end
///   (`save::commit_staged`).
///
/// Dropped before `finish`, every temp file is removed, and so is every folder it created.
pub struct FolderExport {
    root: PathBuf,
    force: bool,
    how: How,
    /// The paths given, and every folder of them: a path that is both is refused
    /// ([`PutError::Tangled`]). Hashed with foldhash: an HTML agenda gives 100,000 paths.
    files: foldhash::HashSet<Vec<String>>,
    folders: foldhash::HashSet<Vec<String>>,
    names: Vec<String>,
    written: Vec<PathBuf>,
    /// Files in the way that agora did not write: reported all at once by `finish`.
    foreign: Vec<String>,
    /// The file being given a piece at a time, if one is.
    piecewise: Option<Piecewise>,
    /// The files' stamps, when they are kept ([`FolderExport::keep_stamps`]).
    stamping: Option<Stamping>,
    finished: bool,
}

/// The stamps of an export folder ([`stamps`]): those of its last export, and each file's
/// of this one.
struct Stamping {
    /// Where the stamps of every export folder are kept.
    cache: PathBuf,
    old: Stamps,
    given: Vec<(String, Given)>,
}

/// A whole file given to the folder, as its stamp will say.
enum Given {
    /// Found unchanged, or written into a new folder: its stamp as it is on disk.
    Stamped(Stamp),
    /// Written beside its place: the hash of its bytes, until it is renamed there.
    Staged(u128),
}

/// A file given a piece at a time ([`FolderExport::put_piece`]), as far as it has come.
struct Piecewise {
    target: PathBuf,
    state: Pieces,
}

enum Pieces {
    /// Its file in a new folder.
    New(fs::File),
    /// The file at the target holds every byte given so far: `at` of its `len`.
    Same { file: fs::File, at: u64, len: u64 },
    /// Written beside its place.
    Staging(crate::save::StagingFile),
    /// A file agora did not write is in the way: the path is only counted.
    Skipped,
}

enum How {
    New(crate::save::NewFolder),
    Existing {
        real_root: PathBuf,
        known: std::collections::BTreeSet<String>,
        checked: std::collections::HashSet<PathBuf>,
        /// Folders made for this export, in the order made: removed if it is dropped.
        created: Vec<PathBuf>,
        staged: Vec<crate::save::Staged>,
    },
}

/// Why a file could not be given to a [`FolderExport`].
#[derive(Debug)]
pub enum PutError {
    /// The path is a file and the folder of another (ids `amphi` and `amphi.ics`): the paths
    /// must be untangled first, over the whole export.
    Tangled,
    Write(WriteError),
}

impl FolderExport {
    /// Begin an export into `root` (nothing is created until the first file).
    pub fn open(root: &Path, force: bool) -> Result<FolderExport, WriteError> {
        let fail = |path: &Path, message: String| WriteError {
            path: path.to_path_buf(),
            message,
        };
        let how = if fs::symlink_metadata(root)
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
        {
            if let Some(parent) = root.parent().filter(|p| !p.as_os_str().is_empty()) {
                if let Some(file) = file_in_the_way(parent) {
                    return Err(fail(&file, FILE_IN_THE_WAY.to_string()));
                }
            }
            let folder = crate::save::NewFolder::create(root)
                .map_err(|e| fail(root, format!("cannot write the folder: {e}")))?;
            How::New(folder)
        } else {
            create_folder(root, &mut Vec::new())?;
            let real_root = root
                .canonicalize()
                .map_err(|e| fail(root, format!("cannot resolve the folder: {e}")))?;
            How::Existing {
                real_root,
                known: manifest(root),
                checked: Default::default(),
                created: Vec::new(),
                staged: Vec::new(),
            }
        };
        Ok(FolderExport {
            root: root.to_path_buf(),
            force,
            how,
            files: Default::default(),
            folders: Default::default(),
            names: Vec::new(),
            written: Vec::new(),
            foreign: Vec::new(),
            piecewise: None,
            stamping: None,
            finished: false,
        })
    }

    /// Keep the stamps of the files given whole in `cache` ([`stamps`]): an export into this
    /// folder again finds the files that hold their bytes already without reading them.
    pub fn keep_stamps(&mut self, cache: PathBuf) {
        let old = match &self.how {
            How::Existing { real_root, .. } => {
                Stamps::read(&stamps::file_for(&cache, real_root), real_root)
            }
            How::New(_) => Stamps::default(),
        };
        self.stamping = Some(Stamping {
            cache,
            old,
            given: Vec::new(),
        });
    }

    /// Whether a file given a piece at a time is not whole yet.
    pub fn mid_file(&self) -> bool {
        self.piecewise.is_some()
    }

    /// A piece of the file at `path`, given a piece at a time, in order; `more` on every piece
    /// but the last. Compared with what is there as it comes, the file is left as it is when
    /// every byte is the same; from the first that differs it is written beside its place
    /// (what was the same copied from the file), as [`FolderExport::put`] would write it.
    pub fn put_piece(
        &mut self,
        path: &OutputPath,
        body: &Body,
        more: bool,
    ) -> Result<(), PutError> {
        let mut file = match self.piecewise.take() {
            Some(file) => file,
            None => self.begin_pieces(path)?,
        };
        let fail = |path: &Path, e: std::io::Error| {
            PutError::Write(WriteError {
                path: path.to_path_buf(),
                message: format!("cannot write: {e}"),
            })
        };
        for piece in body.pieces() {
            file.state = feed_piece(&file.target, file.state, piece, false)
                .map_err(|e| fail(&file.target, e))?;
        }
        if more {
            self.piecewise = Some(file);
            return Ok(());
        }
        let state = match file.state {
            Pieces::Same { at, len, .. } if at == len => None,
            same @ Pieces::Same { .. } => Some(feed_piece(&file.target, same, &[], true)),
            other => Some(Ok(other)),
        };
        match state.transpose().map_err(|e| fail(&file.target, e))? {
            Some(Pieces::Skipped) => return Ok(()),
            Some(Pieces::Staging(staging)) => {
                let staged = staging.finish().map_err(|e| fail(&file.target, e))?;
                if let How::Existing { staged: all, .. } = &mut self.how {
                    all.push(staged);
                }
            }
            Some(Pieces::New(new)) => {
                if !cfg!(target_os = "linux") {
                    new.sync_all().map_err(|e| fail(&file.target, e))?;
                }
            }
            Some(Pieces::Same { .. }) | None => {}
        }
        self.names.push(path.display());
        self.written.push(file.target);
        Ok(())
    }

    /// The first piece's checks, those of [`FolderExport::put_all`]: where the file goes, and
    /// whether it is there already.
    fn begin_pieces(&mut self, path: &OutputPath) -> Result<Piecewise, PutError> {
        let Some(target) = self.prepare(path)? else {
            return Ok(Piecewise {
                target: PathBuf::new(),
                state: Pieces::Skipped,
            });
        };
        let fail = |path: &Path, message: String| {
            PutError::Write(WriteError {
                path: path.to_path_buf(),
                message,
            })
        };
        let state = match &self.how {
            How::New(folder) => Pieces::New(
                folder
                    .create_file(&path.relative())
                    .map_err(|e| fail(&self.root, format!("cannot write the folder: {e}")))?,
            ),
            How::Existing { .. } => {
                let meta = fs::symlink_metadata(&target).ok();
                if meta.as_ref().is_some_and(|meta| is_folder(&target, meta)) {
                    return Err(fail(&target, A_FOLDER.to_string()));
                }
                let same = meta
                    .filter(may_hold)
                    .and_then(|meta| Some((fs::File::open(&target).ok()?, meta.len())));
                match same {
                    Some((file, len)) => Pieces::Same { file, at: 0, len },
                    None => Pieces::Staging(
                        crate::save::stage_begin(&target)
                            .map_err(|e| fail(&target, format!("cannot write: {e}")))?,
                    ),
                }
            }
        };
        Ok(Piecewise { target, state })
    }

    /// Write `body` at `path` under the folder (or find it there already).
    pub fn put(&mut self, path: &OutputPath, body: &Body) -> Result<(), PutError> {
        self.put_all(&[(path, body)])
    }

    /// [`FolderExport::put`] of each file, in order; their bytes are written (or compared
    /// with what is there) on several cores at once. The first file that fails, in the order
    /// given, is reported.
    pub fn put_all(&mut self, files: &[(&OutputPath, &Body)]) -> Result<(), PutError> {
        // First, one by one: the paths' shapes, the files in the way and the folders.
        let mut targets = Vec::with_capacity(files.len());
        for (path, _) in files {
            if let Some(target) = self.prepare(path)? {
                targets.push(target);
            }
        }
        if targets.len() < files.len() {
            // A file in the way: the rest is only counted (`finish` reports them).
            return Ok(());
        }
        let fail = |path: &Path, message: String| WriteError {
            path: path.to_path_buf(),
            message,
        };
        let root = &self.root;
        let how = &self.how;
        let names: Vec<String> = files.iter().map(|(path, _)| path.display()).collect();
        let old = self.stamping.as_ref().map(|s| &s.old);
        type Put = (Option<crate::save::Staged>, Option<Given>);
        let write_one = |i: usize| -> Result<Put, WriteError> {
            let (target, body) = (&targets[i], files[i].1);
            // With stamps, each file's bytes are hashed once, for its new stamp.
            let hash = old.map(|_| stamps::hash(body));
            let stamped = |meta: &fs::Metadata| hash.map(|h| Given::Stamped(Stamp::of(meta, h)));
            match how {
                How::New(folder) => {
                    let relative = files[i].0.relative();
                    let meta = folder
                        .write_and_describe(&relative, &body.pieces())
                        .map_err(|e| fail(root, format!("cannot write the folder: {e}")))?;
                    Ok((None, stamped(&meta)))
                }
                How::Existing { .. } => {
                    // Nothing there yet (most files of a first export): no more to check.
                    if let Ok(meta) = fs::symlink_metadata(target) {
                        if is_folder(target, &meta) {
                            return Err(fail(target, A_FOLDER.to_string()));
                        }
                        // A file as its stamp describes it holds the stamped bytes: the hashes
                        // say whether they are these, without reading it.
                        let by_stamp = old
                            .and_then(|old| old.get(&names[i]))
                            .filter(|stamp| stamp.matches(&meta))
                            .zip(hash)
                            .map(|(stamp, h)| stamp.holds(body.len(), h) && may_hold(&meta));
                        if by_stamp.unwrap_or_else(|| holds_already_as(target, &meta, body)) {
                            return Ok((None, stamped(&meta)));
                        }
                    }
                    crate::save::stage_replace(target, &body.pieces())
                        .map(|staged| (Some(staged), hash.map(Given::Staged)))
                        .map_err(|e| fail(target, format!("cannot write: {e}")))
                }
            }
        };
        let indices: Vec<usize> = (0..files.len()).collect();
        // A file that cannot be written stops the others; its staged ones are dropped.
        let outcomes = crate::parallel::map_ordered(
            &indices,
            WRITERS,
            || (),
            |(), &i| write_one(i),
            Result::is_err,
        );
        let mut staged = Vec::with_capacity(outcomes.len());
        let mut given = Vec::with_capacity(outcomes.len());
        for outcome in outcomes {
            let (file, stamp) = outcome.map_err(PutError::Write)?;
            staged.extend(file);
            given.push(stamp);
        }
        if let How::Existing { staged: all, .. } = &mut self.how {
            all.extend(staged);
        }
        if let Some(stamping) = &mut self.stamping {
            let stamps = names.iter().cloned().zip(given);
            stamping
                .given
                .extend(stamps.filter_map(|(name, stamp)| Some((name, stamp?))));
        }
        self.names.extend(names);
        self.written.extend(targets);
        Ok(())
    }

    /// Where `path` goes, once its shape, a file in the way and its folder are checked; none
    /// after a file in the way (it is counted instead).
    fn prepare(&mut self, path: &OutputPath) -> Result<Option<PathBuf>, PutError> {
        let parts = path.components();
        if self.folders.contains(parts)
            || (1..parts.len()).any(|k| self.files.contains(&parts[..k]))
        {
            return Err(PutError::Tangled);
        }
        self.files.insert(parts.to_vec());
        for k in 1..parts.len() {
            if !self.folders.contains(&parts[..k]) {
                self.folders.insert(parts[..k].to_vec());
            }
        }
        let target = self.root.join(path.relative());
        let How::Existing {
            real_root,
            known,
            checked,
            created,
            ..
        } = &mut self.how
        else {
            return Ok(Some(target));
        };
        let name = path.display();
        if !self.force && !known.contains(&name) && fs::symlink_metadata(&target).is_ok() {
            self.foreign.push(name);
            return Ok(None);
        }
        if !self.foreign.is_empty() {
            return Ok(None);
        }
        let fail = |path: &Path, message: String| {
            PutError::Write(WriteError {
                path: path.to_path_buf(),
                message,
            })
        };
        let parent = target.parent().unwrap_or(&self.root).to_path_buf();
        if !checked.contains(&parent) {
            create_folder(&parent, created).map_err(PutError::Write)?;
            let real_parent = parent
                .canonicalize()
                .map_err(|e| fail(&parent, format!("cannot resolve the folder: {e}")))?;
            if !real_parent.starts_with(&*real_root) {
                return Err(fail(
                    &parent,
                    format!(
                        "leads outside the output folder (to {}); remove the link or choose \
                         another folder with -o",
                        real_parent.display()
                    ),
                ));
            }
            checked.insert(parent);
        }
        Ok(Some(target))
    }

    /// Replace every file given at once and record them in the folder's [`MANIFEST`]; the
    /// paths written, in the order given.
    pub fn finish(mut self) -> Result<Vec<PathBuf>, WriteError> {
        if self.piecewise.is_some() {
            return Err(WriteError {
                path: self.root.clone(),
                message: "the export stopped in the middle of a file".to_string(),
            });
        }
        self.finished = true;
        if let Some(error) = foreign_in_the_way(&self.root, &self.foreign) {
            return Err(error);
        }
        let root = self.root.clone();
        let names = std::mem::take(&mut self.names);
        match std::mem::replace(
            &mut self.how,
            How::Existing {
                real_root: PathBuf::new(),
                known: Default::default(),
                checked: Default::default(),
                created: Vec::new(),
                staged: Vec::new(),
            },
        ) {
            How::New(folder) => {
                let manifest = manifest_text(&names.iter().cloned().collect());
                let fail = |e: std::io::Error| WriteError {
                    path: root.clone(),
                    message: format!("cannot write the folder: {e}"),
                };
                folder
                    .write(Path::new(MANIFEST), &[manifest.as_bytes()])
                    .map_err(fail)?;
                folder.finish().map_err(fail)?;
            }
            How::Existing { staged, known, .. } => {
                let targets: Vec<PathBuf> =
                    staged.iter().map(|f| f.target().to_path_buf()).collect();
                crate::save::commit_staged(staged).map_err(|e| WriteError {
                    path: targets
                        .get(e.index)
                        .cloned()
                        .unwrap_or_else(|| root.clone()),
                    message: format!("cannot write: {}", e.error),
                })?;
                record(&root, known, &names)?;
            }
        }
        if let Some(stamping) = self.stamping.take() {
            stamping.keep(&root);
        }
        Ok(std::mem::take(&mut self.written))
    }
}

impl Stamping {
    /// Keep the stamps of the files of this export, now in their places under `root`, when
    /// there are enough of them to be worth it. A stamp is only a shortcut: one that cannot
    /// be made or kept (no cache, a read-only one) is left out and the file is read next time.
    fn keep(self, root: &Path) {
        if self.given.len() < stamps::STAMPED_FROM {
            return;
        }
        let Ok(real_root) = root.canonicalize() else {
            return;
        };
        // A file renamed into place has a new change time: its stamp is read there.
        let stamp = |(name, given): &(String, Given)| -> Option<(String, Stamp)> {
            let stamp = match given {
                Given::Stamped(stamp) => *stamp,
                Given::Staged(hash) => {
                    let meta = fs::symlink_metadata(real_root.join(name)).ok()?;
                    Stamp::of(&meta, *hash)
                }
            };
            Some((name.clone(), stamp))
        };
        let mut stamps: Vec<(String, Stamp)> = self.given.iter().filter_map(stamp).collect();
        let file = stamps::file_for(&self.cache, &real_root);
        let _ = self.old.write(&file, &real_root, &mut stamps);
    }
}

impl Drop for FolderExport {
    fn drop(&mut self) {
        if let How::Existing {
            created, staged, ..
        } = &mut self.how
        {
            if !self.finished {
                // The temp files first (each staged file removes its own), then the folders
                // made for them, the deepest first.
                self.piecewise = None;
                staged.clear();
                for dir in created.iter().rev() {
                    let _ = fs::remove_dir(dir);
                }
            }
        }
    }
}

/// How many threads write (or compare) the files of a batch at once: bound by the processor
/// and the folders' locks, not by the disk, since the whole export is flushed once at the end.
const WRITERS: usize = 2;

const FILE_IN_THE_WAY: &str = "is a file, not a folder: give a folder with -o (or, for a one-file \
                               format, a file name with its extension)";

/// Create the folder `dir` and any above it, adding those made to `created`.
fn create_folder(dir: &Path, created: &mut Vec<PathBuf>) -> Result<(), WriteError> {
    let missing: Vec<PathBuf> = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_err())
        .map(Path::to_path_buf)
        .collect();
    fs::create_dir_all(dir).map_err(|e| match file_in_the_way(dir) {
        Some(file) => WriteError {
            path: file,
            message: FILE_IN_THE_WAY.to_string(),
        },
        None => WriteError {
            path: dir.to_path_buf(),
            message: format!("cannot create the folder: {e}"),
        },
    })?;
    created.extend(missing.into_iter().rev());
    Ok(())
}

/// An export into one file `path`, under the same rule as [`write_export`] (the list is kept
/// in the file's folder).
pub fn write_export_file(path: &Path, body: &Body, force: bool) -> Result<(), WriteError> {
    let root = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let names = [name];
    let known = refuse_foreign(root, &names, force)?;
    if path.is_dir() {
        return Err(WriteError {
            path: path.to_path_buf(),
            message: A_FOLDER.into(),
        });
    }
    // A file holding these bytes already is left as it is (its time included), as in a folder.
    if !holds_already(path, body) {
        atomic_write_body(path, body).map_err(|e| WriteError {
            path: path.to_path_buf(),
            message: format!("cannot write: {e}"),
        })?;
    }
    record(root, known, &names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_also_a_folder_is_untangled() {
        let p = |parts: &[&str]| OutputPath::new(parts).unwrap();
        let mut paths = vec![
            p(&["rooms", "amphi.ics"]),
            p(&["rooms", "amphi.ics", "index.html"]),
            p(&["rooms", "amphi.ics", "sessions", "a.ics"]),
            p(&["rooms", "amphi.ics-2"]),
            p(&["rooms", "amphi", "index.html"]),
        ];
        untangle(&mut paths);
        let shown: Vec<String> = paths.iter().map(OutputPath::display).collect();
        assert_eq!(
            shown,
            [
                "rooms/amphi.ics",
                "rooms/amphi.ics-3/index.html",
                "rooms/amphi.ics-3/sessions/a.ics",
                "rooms/amphi.ics-2",
                "rooms/amphi/index.html"
            ]
        );
    }

    #[test]
    fn components_are_checked() {
        assert!(OutputPath::new(&["sessions", "a-b_c.1.ics"]).is_ok());
        for bad in [
            "..", ".", "", ".hidden", "a/b", "a\\b", "é.ics", "a b", "x\0",
        ] {
            assert!(OutputPath::new(&[bad]).is_err(), "{bad:?}");
        }
        let p = OutputPath::new(&["x.ics"]).unwrap();
        assert_eq!(
            p.under(&["rooms", "amphi"]).unwrap().display(),
            "rooms/amphi/x.ics"
        );
        assert!(p.under(&[".."]).is_err());
    }

    #[test]
    fn many_files_are_all_written_in_order_without_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let names: Vec<OutputPath> = (0..300)
            .map(|i| OutputPath::new(&[format!("d{}", i % 3), format!("f{i}.txt")]).unwrap())
            .collect();
        let bodies: Vec<String> = (0..300).map(|i| format!("file {i}\n")).collect();
        // Every third file in pieces, written one after the other.
        let texts: Vec<Body> = bodies
            .iter()
            .enumerate()
            .map(|(i, b)| match i % 3 {
                0 => {
                    let mut body = Body::from(&b[..3]);
                    body.push(b[3..].to_string());
                    body
                }
                _ => Body::from(b.as_str()),
            })
            .collect();
        let files: Vec<(OutputPath, &Body)> = names.iter().cloned().zip(texts.iter()).collect();
        let written = write_export(&root, &files, true).unwrap();
        assert_eq!(written.len(), 300);
        for (i, path) in written.iter().enumerate() {
            assert_eq!(path, &root.join(names[i].relative()));
            assert_eq!(fs::read_to_string(path).unwrap(), bodies[i]);
        }
        for d in 0..3 {
            assert_eq!(
                fs::read_dir(root.join(format!("d{d}"))).unwrap().count(),
                100
            );
        }
        // A folder where a file should go is reported, by its path.
        fs::create_dir_all(root.join("d0").join("taken.txt")).unwrap();
        let x = Body::from("x");
        let files = [
            (OutputPath::new(&["d1", "ok.txt"]).unwrap(), &x),
            (OutputPath::new(&["d0", "taken.txt"]).unwrap(), &x),
        ];
        let err = write_export(&root, &files, true).unwrap_err();
        assert_eq!(err.path, root.join("d0").join("taken.txt"));
    }

    /// A folder export given its files one batch at a time: nothing is in place before
    /// `finish`; dropped instead, it leaves no temp file and no folder it made; a path that is
    /// both a file and a folder is refused; files in the way are all counted.
    #[test]
    fn a_folder_export_given_file_by_file_replaces_nothing_until_it_finishes() {
        let dir = tempfile::tempdir().unwrap();
        let p = |parts: &[&str]| OutputPath::new(parts).unwrap();
        let (one, two) = (Body::from("one"), Body::from("two"));
        // Into a new folder: nothing appears until the end.
        let root = dir.path().join("new");
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder.put(&p(&["a", "x.ics"]), &one).unwrap();
        assert!(!root.exists());
        assert!(matches!(
            folder.put(&p(&["a"]), &one),
            Err(PutError::Tangled)
        ));
        drop(folder);
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            0,
            "temp folder left"
        );
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder
            .put_all(&[(&p(&["a", "x.ics"]), &one), (&p(&["b.ics"]), &one)])
            .unwrap();
        let written = folder.finish().unwrap();
        assert_eq!(written, [root.join("a").join("x.ics"), root.join("b.ics")]);
        assert_eq!(fs::read(root.join("a").join("x.ics")).unwrap(), b"one");
        // Into that folder again: the old bytes stay until `finish`; dropped, nothing changed.
        let snapshot = || {
            let mut all: Vec<String> = walk(&root);
            all.sort();
            all
        };
        let before = snapshot();
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder.put(&p(&["a", "x.ics"]), &two).unwrap();
        folder.put(&p(&["c", "d", "y.ics"]), &two).unwrap();
        assert_eq!(fs::read(root.join("a").join("x.ics")).unwrap(), b"one");
        assert!(matches!(
            folder.put(&p(&["c", "d", "y.ics", "z"]), &two),
            Err(PutError::Tangled)
        ));
        drop(folder);
        assert_eq!(snapshot(), before, "a temp file or a new folder was left");
        // Files agora did not write there are all counted, and nothing is replaced.
        fs::write(root.join("mine.txt"), "mine").unwrap();
        fs::write(root.join("also.txt"), "mine").unwrap();
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder.put(&p(&["mine.txt"]), &two).unwrap();
        folder.put(&p(&["a", "x.ics"]), &two).unwrap();
        folder.put(&p(&["also.txt"]), &two).unwrap();
        let err = folder.finish().unwrap_err();
        assert_eq!(err.path, root.join("mine.txt"));
        assert_eq!(
            err.message,
            "already exists and was not written by agora (and 1 more): give --force to replace \
             it, or choose another folder with -o"
        );
        assert_eq!(fs::read(root.join("a").join("x.ics")).unwrap(), b"one");
        assert_eq!(fs::read(root.join("mine.txt")).unwrap(), b"mine");
    }

    /// A file given a piece at a time ends as the same file given whole would: left as it is
    /// when every byte is the same, replaced (at `finish`) from the first that differs, from a
    /// longer or a shorter file too; dropped half-way, nothing is left behind.
    #[cfg(unix)]
    #[test]
    fn a_file_given_in_pieces_is_compared_and_written_as_it_comes() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let page = OutputPath::new(&["index.html"]).unwrap();
        let give = |pieces: &[&str]| -> FolderExport {
            let mut folder = FolderExport::open(&root, false).unwrap();
            for (i, piece) in pieces.iter().enumerate() {
                let more = i + 1 < pieces.len();
                folder.put_piece(&page, &Body::from(*piece), more).unwrap();
                assert_eq!(folder.mid_file(), more);
            }
            folder
        };
        let at = root.join("index.html");
        let inode = || fs::metadata(&at).unwrap().ino();
        // A new folder.
        let written = give(&["ab", "cd", "ef"]).finish().unwrap();
        assert_eq!(written, std::slice::from_ref(&at));
        assert_eq!(fs::read_to_string(&at).unwrap(), "abcdef");
        // The same bytes, cut elsewhere: left as it is.
        let first = inode();
        give(&["a", "bcde", "f"]).finish().unwrap();
        assert_eq!(inode(), first);
        // A difference in the middle, then a longer and a shorter file: replaced at `finish`.
        for (pieces, text) in [
            (&["ab", "Xd", "ef"][..], "abXdef"),
            (&["abXdef", "gh"][..], "abXdefgh"),
            (&["abX"][..], "abX"),
            (&["", "abX", ""][..], "abX"),
        ] {
            let before = fs::read_to_string(&at).unwrap();
            let folder = give(pieces);
            assert_eq!(
                fs::read_to_string(&at).unwrap(),
                before,
                "replaced before finish"
            );
            folder.finish().unwrap();
            assert_eq!(fs::read_to_string(&at).unwrap(), text);
        }
        // Dropped half-way (after a difference, so with a temp file), or finished half-way:
        // the folder is as it was.
        let before = walk(&root);
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder.put_piece(&page, &Body::from("zz"), true).unwrap();
        drop(folder);
        assert_eq!(walk(&root), before, "a temp file was left");
        let mut folder = FolderExport::open(&root, false).unwrap();
        folder.put_piece(&page, &Body::from("zz"), true).unwrap();
        let err = folder.finish().unwrap_err();
        assert_eq!(err.message, "the export stopped in the middle of a file");
        assert_eq!(walk(&root), before);
        assert_eq!(fs::read_to_string(&at).unwrap(), "abX");
        // A file agora did not write is counted and refused, as a whole file would be.
        fs::write(root.join("mine.html"), "mine").unwrap();
        let mut folder = FolderExport::open(&root, false).unwrap();
        let mine = OutputPath::new(&["mine.html"]).unwrap();
        folder.put_piece(&mine, &Body::from("a"), true).unwrap();
        folder.put_piece(&mine, &Body::from("b"), false).unwrap();
        assert!(folder.finish().is_err());
        assert_eq!(fs::read_to_string(root.join("mine.html")).unwrap(), "mine");
    }

    /// Every path under `dir`, folders included, relative to it.
    fn walk(dir: &Path) -> Vec<String> {
        let mut out = Vec::new();
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            out.push(path.display().to_string());
            if path.is_dir() {
                out.extend(walk(&path));
            }
        }
        out
    }

    /// Writing the same files again leaves them as they are (same inode, nothing synced); a
    /// changed one is replaced, and a link or a hard-linked file holding the same bytes is
    /// replaced too, never kept.
    #[cfg(unix)]
    #[test]
    fn files_that_hold_the_bytes_already_are_left_alone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let names: Vec<OutputPath> = ["same", "changed", "linked", "hard"]
            .iter()
            .map(|n| OutputPath::new(&[format!("{n}.ics")]).unwrap())
            .collect();
        let (one, two) = (Body::from("one"), Body::from("two"));
        let first: Vec<(OutputPath, &Body)> = names.iter().cloned().map(|n| (n, &one)).collect();
        write_export(&root, &first, true).unwrap();
        let ino = |n: &str| fs::symlink_metadata(root.join(n)).unwrap().ino();
        let before: Vec<u64> = ["same.ics", "changed.ics"].iter().map(|n| ino(n)).collect();
        fs::remove_file(root.join("linked.ics")).unwrap();
        fs::write(dir.path().join("elsewhere"), b"one").unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), root.join("linked.ics")).unwrap();
        fs::hard_link(root.join("hard.ics"), dir.path().join("second-name")).unwrap();
        let hard_before = ino("hard.ics");
        // The same text cut in other pieces is the same file.
        let mut cut = Body::from("o");
        cut.push("ne".to_string());
        let second: Vec<(OutputPath, &Body)> = vec![
            (names[0].clone(), &cut),
            (names[1].clone(), &two),
            (names[2].clone(), &one),
            (names[3].clone(), &one),
        ];
        write_export(&root, &second, true).unwrap();
        assert_eq!(ino("same.ics"), before[0], "unchanged: not rewritten");
        assert_ne!(ino("changed.ics"), before[1]);
        assert_eq!(fs::read(root.join("changed.ics")).unwrap(), b"two");
        assert!(fs::symlink_metadata(root.join("linked.ics"))
            .unwrap()
            .is_file());
        assert_ne!(
            ino("hard.ics"),
            hard_before,
            "a file with a second name is replaced"
        );
    }

    /// A one-file export whose file holds the bytes already leaves it alone; a changed one,
    /// or one reached through a link, is replaced.
    #[cfg(unix)]
    #[test]
    fn a_one_file_export_that_changed_nothing_leaves_the_file_alone() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("agenda.ics");
        let ino = || fs::symlink_metadata(&path).unwrap().ino();
        let mut body = Body::from("BEGIN:VCALENDAR\r\n");
        body.push("END:VCALENDAR\r\n".to_string());
        write_export_file(&path, &body, false).unwrap();
        let first = ino();
        write_export_file(&path, &Body::from(body.clone().into_string()), false).unwrap();
        assert_eq!(ino(), first, "the same bytes: not rewritten");
        write_export_file(&path, &Body::from("BEGIN:VCALENDAR\r\n"), false).unwrap();
        assert_ne!(ino(), first, "other bytes: replaced");
        assert_eq!(fs::read(&path).unwrap(), b"BEGIN:VCALENDAR\r\n");
        // A link planted at the path is replaced by a file, even when its target holds them.
        fs::write(dir.path().join("elsewhere"), b"BEGIN:VCALENDAR\r\n").unwrap();
        fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), &path).unwrap();
        write_export_file(&path, &Body::from("BEGIN:VCALENDAR\r\n"), true).unwrap();
        assert!(fs::symlink_metadata(&path).unwrap().is_file());
    }

    /// An export into a folder not there yet is written beside it and renamed into place:
    /// every file and the list of them, nothing else left in the parent; exporting again into
    /// it replaces files one by one and leaves the unchanged ones alone.
    #[cfg(unix)]
    #[test]
    fn a_new_folder_appears_whole() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site").join("agenda");
        let names: Vec<OutputPath> = ["index.html", "sessions/a.ics", "sessions/b.ics"]
            .iter()
            .map(|n| OutputPath::new(&n.split('/').collect::<Vec<_>>()).unwrap())
            .collect();
        let mut page = Body::from("<html>");
        page.push("</html>\n".to_string());
        let (a, b) = (Body::from("A"), Body::from("B"));
        let files: Vec<(OutputPath, &Body)> = names.iter().cloned().zip([&page, &a, &b]).collect();
        let written = write_export(&root, &files, false).unwrap();
        assert_eq!(
            written,
            names
                .iter()
                .map(|n| root.join(n.relative()))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            fs::read_to_string(root.join("index.html")).unwrap(),
            "<html></html>\n"
        );
        assert_eq!(
            fs::read_to_string(root.join("sessions/b.ics")).unwrap(),
            "B"
        );
        assert_eq!(
            manifest(&root).into_iter().collect::<Vec<_>>(),
            ["index.html", "sessions/a.ics", "sessions/b.ics"]
        );
        let beside: Vec<String> = fs::read_dir(dir.path().join("site"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(beside, ["agenda"], "no temp folder left beside it");
        let ino = |n: &str| fs::metadata(root.join(n)).unwrap().ino();
        let before = (ino("sessions/a.ics"), ino("sessions/b.ics"));
        let list_before = ino(MANIFEST);
        let changed = Body::from("B2");
        let again: Vec<(OutputPath, &Body)> =
            names.iter().cloned().zip([&page, &a, &changed]).collect();
        write_export(&root, &again, false).unwrap();
        assert_eq!(ino("sessions/a.ics"), before.0, "unchanged: left alone");
        assert_eq!(
            ino(MANIFEST),
            list_before,
            "the same names: the list is left alone"
        );
        assert_ne!(ino("sessions/b.ics"), before.1);
        assert_eq!(
            fs::read_to_string(root.join("sessions/b.ics")).unwrap(),
            "B2"
        );
        // A name more (and one fewer): the list gains it and keeps the old one.
        let c = OutputPath::new(&["sessions", "c.ics"]).unwrap();
        write_export(&root, &[(c, &a)], false).unwrap();
        assert_eq!(
            manifest(&root).into_iter().collect::<Vec<_>>(),
            [
                "index.html",
                "sessions/a.ics",
                "sessions/b.ics",
                "sessions/c.ics"
            ]
        );
        // The list removed by hand: written again, even for names it held.
        fs::remove_file(root.join(MANIFEST)).unwrap();
        write_export(&root, &again, true).unwrap();
        assert_eq!(manifest(&root).len(), 3);
        // Under a file, the new folder cannot be made: said about that file.
        fs::write(dir.path().join("plain"), "x").unwrap();
        let err = write_export(&dir.path().join("plain").join("out"), &files, false).unwrap_err();
        assert_eq!(err.path, dir.path().join("plain"));
    }

    #[test]
    fn writes_inside_and_refuses_links_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let x = Body::from("x");
        let files = [(OutputPath::new(&["sessions", "a.ics"]).unwrap(), &x)];
        let written = write_export(&root, &files, true).unwrap();
        assert_eq!(fs::read(&written[0]).unwrap(), b"x");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(root.join("sessions")).unwrap().count(), 1);

        #[cfg(unix)]
        {
            let outside = dir.path().join("outside");
            fs::create_dir_all(&outside).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("rooms")).unwrap();
            let files = [(OutputPath::new(&["rooms", "a.ics"]).unwrap(), &x)];
            let err = write_export(&root, &files, true).unwrap_err();
            assert!(err.message.contains("outside"), "{}", err.message);
            assert!(!outside.join("a.ics").exists());
        }
    }

    /// With stamps kept, a re-export finds unchanged files by their stamps: nothing is
    /// written again, the stamps stay as they were; a file changed by hand since (the same
    /// size) is written again all the same, and so is a file whose stamp says other bytes
    /// (which shows the stamp, not the file, was read).
    #[cfg(unix)]
    #[test]
    fn stamps_find_unchanged_files_and_never_hide_a_change() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let (root, cache) = (dir.path().join("out"), dir.path().join("cache"));
        let paths: Vec<OutputPath> = (0..stamps::STAMPED_FROM)
            .map(|i| OutputPath::new(&["sessions".to_string(), format!("s{i}.ics")]).unwrap())
            .collect();
        let bodies: Vec<Body> = (0..paths.len())
            .map(|i| Body::from(format!("BEGIN:VCALENDAR {i:04}")))
            .collect();
        let export = |bodies: &[Body]| {
            let mut folder = FolderExport::open(&root, false).unwrap();
            folder.keep_stamps(cache.clone());
            let list: Vec<(&OutputPath, &Body)> = paths.iter().zip(bodies).collect();
            folder.put_all(&list).unwrap();
            folder.finish().unwrap();
        };
        let inode = |i: usize| {
            fs::metadata(root.join("sessions").join(format!("s{i}.ics")))
                .unwrap()
                .ino()
        };
        export(&bodies);
        let file = stamps::file_for(&cache, &root.canonicalize().unwrap());
        let kept = fs::read_to_string(&file).unwrap();
        assert_eq!(kept.lines().count(), 2 + paths.len());
        let inodes: Vec<u64> = (0..paths.len()).map(inode).collect();
        export(&bodies);
        assert_eq!((0..paths.len()).map(inode).collect::<Vec<_>>(), inodes);
        assert_eq!(fs::read_to_string(&file).unwrap(), kept, "stamps rewritten");

        // Changed by hand, the same size: put back.
        let edited = root.join("sessions").join("s7.ics");
        fs::write(&edited, "BEGIN:VCALENDAR xxxx").unwrap();
        export(&bodies);
        assert_eq!(fs::read_to_string(&edited).unwrap(), "BEGIN:VCALENDAR 0007");

        // A stamp saying other bytes: the file is written again without being read.
        let other = stamps::hash(&Body::from("BEGIN:VCALENDAR 9999"));
        let lied: String = fs::read_to_string(&file)
            .unwrap()
            .lines()
            .map(|line| match line.ends_with(" sessions/s9.ics") {
                true => {
                    let f: Vec<&str> = line.split(' ').collect();
                    format!("{} {} {} {other:032x} {}\n", f[0], f[1], f[2], f[4])
                }
                false => format!("{line}\n"),
            })
            .collect();
        fs::write(&file, lied).unwrap();
        let before = inode(9);
        export(&bodies);
        assert_ne!(inode(9), before, "the stamp was not trusted");
        assert_eq!(inode(10), inodes[10]);

        // New bytes for a file that matches its stamp: written.
        let mut changed = bodies.clone();
        changed[3] = Body::from("BEGIN:VCALENDAR 3333");
        export(&changed);
        let three = root.join("sessions").join("s3.ics");
        assert_eq!(fs::read_to_string(three).unwrap(), "BEGIN:VCALENDAR 3333");
        assert_eq!(inode(4), inodes[4]);
    }
}
