//! The one atomic file writer, for the editor, `export`, `import`, `generate`, picks and
//! recovery files: a temp file with an unpredictable name, created exclusively in the target's
//! folder with the target's permissions from the first byte, fsynced, renamed over the target,
//! then the folder fsynced. A crash at any point leaves the old file or the new one, never half.
//!
//! Two ways to name the target:
//! - [`write_atomic`] writes a file the user keeps (an event, picks): a symlink is followed to
//!   the real file, which is replaced and the link kept; a file with several hard links is
//!   refused, since a rename would silently split it from its other names.
//! - [`replace_atomic`] writes a generated output: the path itself is replaced, so a symlink
//!   planted there is replaced rather than followed out of the output folder.

use std::fs::{File, OpenOptions};
use std::hash::{BuildHasher, Hasher};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

#[cfg(unix)]
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};

/// How many symlinks are followed before the chain is called a loop (as the kernel's ELOOP).
const MAX_LINKS: usize = 40;

/// Write `bytes` to the file `target` names, following symlinks to the real file, keeping its
/// permissions and (when allowed) its owner. Refuses a file that has other hard links.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let real = resolve_links(target)?;
    if let Ok(meta) = std::fs::metadata(&real) {
        #[cfg(unix)]
        if meta.is_file() && meta.nlink() > 1 {
            return Err(io::Error::other(format!(
                "{} has {} hard links; replacing it would leave the other names with the old \
                 text, so agora does not save over it. Remove the other links (or replace them by \
                 copies of the file) and save again",
                real.display(),
                meta.nlink()
            )));
        }
        if !meta.is_file() {
            return Err(not_a_file(&real));
        }
    }
    write_beside(&real, &[bytes], None)
}

/// Write `bytes` at `target` itself: whatever is there (a file, or a symlink, which is not
/// followed) is replaced. For outputs agora generates.
pub fn replace_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_atomic_pieces(target, &[bytes])
}

/// As [`replace_atomic`], for a text given in pieces (a big export written on several cores),
/// written one after the other without joining them first.
pub fn replace_atomic_pieces(target: &Path, pieces: &[&[u8]]) -> io::Result<()> {
    refuse_folder(target)?;
    write_beside(target, pieces, None)
}

/// As [`replace_atomic`], with the permissions `mode` from the first byte whatever the file had
/// (recovery and lock files take the event file's mode, so a private event's edits stay private).
pub fn replace_atomic_mode(target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    refuse_folder(target)?;
    write_beside(target, &[bytes], Some(mode))
}

/// A folder at `target` (itself, not through a link) is not replaced by a file.
fn refuse_folder(target: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(target) {
        Ok(meta) if meta.is_dir() => Err(not_a_file(target)),
        _ => Ok(()),
    }
}

/// Write a new folder `target` holding `files` (relative paths): everything is written into a
/// temp folder beside it, then renamed into place, so a crash or a full disk leaves either no
/// folder (or the empty one that was there) or the complete one, never a partial event. A
/// `target` that exists and is not an empty folder is refused.
pub fn replace_folder_atomic(target: &Path, files: &[(PathBuf, &[u8])]) -> io::Result<()> {
    let list: Vec<(&Path, [&[u8]; 1])> = files.iter().map(|(p, b)| (p.as_path(), [*b])).collect();
    let list: Vec<(&Path, &[&[u8]])> = list.iter().map(|(p, b)| (*p, &b[..])).collect();
    write_new_folder(target, &list)
}

/// How many threads create the files of a new folder at once (bound by the processor and the
/// folders' locks, not by the disk: the folder is flushed once, at the end).
const FOLDER_WRITERS: usize = 2;

/// [`replace_folder_atomic`] for files given in pieces. Nobody else can see the temp folder's
/// files before the rename, so each is created there at its own name (exclusively, never
/// through a link) and written, without a temp file and a rename of its own; the whole folder
/// is made durable at once (`syncfs`, or each file's fsync where that is not available), then
/// renamed into place. A folder of 100,000 calendars costs as many file creations, not three
/// times as many operations.
pub fn write_new_folder(target: &Path, files: &[(&Path, &[&[u8]])]) -> io::Result<()> {
    let folder = NewFolder::create(target)?;
    let written = crate::parallel::map_ordered(
        files,
        FOLDER_WRITERS,
        || (),
        |(), (relative, pieces)| folder.write(relative, pieces),
        Result::is_err,
    );
    written.into_iter().collect::<io::Result<Vec<()>>>()?;
    folder.finish()
}

/// A folder being written whole beside its target ([`write_new_folder`]), one file at a time:
/// created at an unpredictable name, filled, then made durable and renamed into place by
/// [`NewFolder::finish`]. Dropped before that, the temp folder and all it holds are removed.
#[derive(Debug)]
pub struct NewFolder {
    temp: PathBuf,
    target: PathBuf,
    finished: bool,
}

impl NewFolder {
    /// The temp folder for `target`, which must not exist or be an empty folder.
    pub fn create(target: &Path) -> io::Result<NewFolder> {
        if let Ok(meta) = std::fs::symlink_metadata(target) {
            let empty = meta.is_dir() && std::fs::read_dir(target)?.next().is_none();
            if !empty {
                return Err(io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!("{} exists and is not an empty folder", target.display()),
                ));
            }
        }
        let parent = folder_of(target);
        std::fs::create_dir_all(parent)?;
        let mut attempt = 0;
        let temp = loop {
            let temp = temp_path(target);
            match std::fs::create_dir(&temp) {
                Ok(()) => break temp,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
                Err(e) => return Err(explain_create(e, target)),
            }
        };
        Ok(NewFolder {
            temp,
            target: target.to_path_buf(),
            finished: false,
        })
    }

    /// Create the file `relative` (a path inside the folder; its folders made as needed) holding
    /// `pieces`, one after the other. Nobody else can see the temp folder, so each file is
    /// created at its own name (exclusively, never through a link), without a temp file and a
    /// rename of its own.
    pub fn write(&self, relative: &Path, pieces: &[&[u8]]) -> io::Result<()> {
        self.write_file(relative, pieces).map(drop)
    }

    /// [`NewFolder::write`], with what the file is on disk once written: its size, inode and
    /// times stay those when the folder is renamed into place.
    pub fn write_and_describe(
        &self,
        relative: &Path,
        pieces: &[&[u8]],
    ) -> io::Result<std::fs::Metadata> {
        self.write_file(relative, pieces)?.metadata()
    }

    fn write_file(&self, relative: &Path, pieces: &[&[u8]]) -> io::Result<File> {
        let mut file = self.create_file(relative)?;
        pieces.iter().try_for_each(|piece| file.write_all(piece))?;
        if !cfg!(target_os = "linux") {
            file.sync_all()?;
        }
        Ok(file)
    }

    /// The file `relative` of [`NewFolder::write`], created empty and open for writing (a
    /// file written a piece at a time; synced by [`NewFolder::finish`] on Linux, by the
    /// caller elsewhere).
    pub fn create_file(&self, relative: &Path) -> io::Result<File> {
        if relative.is_absolute()
            || relative.as_os_str().is_empty()
            || relative
                .components()
                .any(|c| !matches!(c, std::path::Component::Normal(_)))
        {
            return Err(io::Error::other(format!(
                "{} is not a path inside the folder",
                relative.display()
            )));
        }
        let path = self.temp.join(relative);
        let open = || OpenOptions::new().write(true).create_new(true).open(&path);
        match open() {
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                std::fs::create_dir_all(folder_of(&path))?;
                open()
            }
            other => other,
        }
    }

    /// Make every file durable at once (`syncfs`, or each file's fsync where that is not
    /// available), then rename the folder into place.
    pub fn finish(mut self) -> io::Result<()> {
        if cfg!(target_os = "linux") && !flush_file_systems(std::slice::from_ref(&self.temp)) {
            sync_tree(&self.temp)?;
        }
        // rename(2) replaces an empty folder, and fails on a non-empty one (one made since).
        std::fs::rename(&self.temp, &self.target)?;
        self.finished = true;
        sync_folder(folder_of(&self.target));
        Ok(())
    }
}

impl Drop for NewFolder {
    fn drop(&mut self) {
        if !self.finished {
            let _ = std::fs::remove_dir_all(&self.temp);
        }
    }
}

/// fsync every file under `dir` (where one call cannot flush the file system).
fn sync_tree(dir: &Path) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            sync_tree(&entry.path())?;
        } else {
            sync_temp(&entry.path())?;
        }
    }
    Ok(())
}

fn not_a_file(path: &Path) -> io::Error {
    io::Error::other(format!("{} is not a regular file", path.display()))
}

/// The path of the real file behind `path`: each symlink in the last component is followed
/// (relative links from their own folder), up to [`MAX_LINKS`]. A dangling link resolves to
/// the file it would create.
pub fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let link = std::fs::read_link(&current)?;
                current = if link.is_absolute() {
                    link
                } else {
                    current.parent().map(|dir| dir.join(&link)).unwrap_or(link)
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other(format!(
        "{}: too many levels of symbolic links",
        path.display()
    )))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// An unpredictable name in `dir`: another user who can write there cannot plant a symlink at
/// it in advance (and `create_new` refuses one anyway). It starts with '.', so the directory
/// loader skips it if a crash leaves it behind.
fn temp_path(target: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    hasher.write_u32(std::process::id());
    if let Ok(now) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
        hasher.write_u128(now.as_nanos());
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    target.with_file_name(format!(".{name}.agora-{:016x}.tmp", hasher.finish()))
}

fn write_beside(target: &Path, pieces: &[&[u8]], mode: Option<u32>) -> io::Result<()> {
    let existing = match mode {
        Some(_) => None,
        None => std::fs::metadata(target).ok().filter(|m| m.is_file()),
    };
    let (file, temp) = create_temp(target, pieces, mode, existing)?;
    let result = (|| {
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, target)?;
        // Make the rename itself durable; not every platform can open a directory.
        sync_folder(folder_of(target));
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// Create the temp file beside `target` (exclusively, under an unpredictable name, with the
/// permissions and owner of `existing`, the file it replaces, or `mode`) and write `pieces`
/// into it, one after the other, not yet synced. On an error nothing is left behind.
fn create_temp(
    target: &Path,
    pieces: &[&[u8]],
    mode: Option<u32>,
    existing: Option<std::fs::Metadata>,
) -> io::Result<(File, PathBuf)> {
    let mut attempt = 0;
    let (mut file, temp) = loop {
        let temp = temp_path(target);
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        // The target's mode from the first byte (the umask can only narrow it), so a private
        // event's text is never readable by others, not even in the temp file.
        #[cfg(unix)]
        if let Some(mode) = mode.or(existing.as_ref().map(|m| m.permissions().mode())) {
            options.mode(mode & 0o7777);
        }
        match options.open(&temp) {
            Ok(file) => break (file, temp),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 16 => attempt += 1,
            Err(e) => return Err(explain_create(e, target)),
        }
    };
    let result = (|| {
        #[cfg(unix)]
        if let Some(meta) = &existing {
            // Root saving another user's file keeps its owner; others cannot change owners,
            // and their file keeps the owner it gets from them.
            let _ = std::os::unix::fs::fchown(&file, Some(meta.uid()), Some(meta.gid()));
            file.set_permissions(meta.permissions())?;
        }
        #[cfg(unix)]
        if let Some(mode) = mode {
            file.set_permissions(std::fs::Permissions::from_mode(mode & 0o7777))?;
        }
        pieces.iter().try_for_each(|piece| file.write_all(piece))
    })();
    match result {
        Ok(()) => Ok((file, temp)),
        Err(e) => {
            drop(file);
            let _ = std::fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// fsync a folder, so the renames in it are durable; not every platform can open a directory,
/// and a folder that cannot be synced leaves the files themselves whole.
fn sync_folder(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// One file of a batch ([`stage_replace`], [`commit_staged`]): its bytes are in a temp file
/// beside the target, not yet renamed over it. Dropped before it is committed, the temp file
/// is removed, so an error or a panic anywhere in a batch leaves no temp file behind.
#[derive(Debug)]
pub struct Staged {
    temp: PathBuf,
    target: PathBuf,
    renamed: bool,
}

impl Staged {
    /// The path this file replaces.
    pub fn target(&self) -> &Path {
        &self.target
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.renamed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}

/// The first step of replacing many generated files at once, as [`replace_atomic`] replaces
/// one: `target` itself (a symlink planted there is replaced, not followed) gets a temp file
/// beside it holding `pieces`, one after the other. Nothing is visible at `target` until
/// [`commit_staged`].
pub fn stage_replace(target: &Path, pieces: &[&[u8]]) -> io::Result<Staged> {
    let mut file = stage_begin(target)?;
    pieces.iter().try_for_each(|piece| file.write_all(piece))?;
    file.finish()
}

/// [`stage_replace`] of a file written a piece at a time: the temp file beside `target`,
/// open for writing. Dropped before [`StagingFile::finish`], it is removed.
pub fn stage_begin(target: &Path) -> io::Result<StagingFile> {
    // One look at the path for a new file (most of an export into an empty folder); the file a
    // link names gives its permissions, as `replace_atomic` does.
    let existing = match std::fs::symlink_metadata(target) {
        Err(_) => None,
        Ok(meta) if meta.is_dir() => return Err(not_a_file(target)),
        Ok(meta) if meta.file_type().is_symlink() => {
            std::fs::metadata(target).ok().filter(|m| m.is_file())
        }
        Ok(meta) => Some(meta).filter(|m| m.is_file()),
    };
    let (file, temp) = create_temp(target, &[], None, existing)?;
    Ok(StagingFile {
        file,
        staged: Staged {
            temp,
            target: target.to_path_buf(),
            renamed: false,
        },
    })
}

/// A file being staged ([`stage_begin`]): its temp file, open.
#[derive(Debug)]
pub struct StagingFile {
    file: File,
    staged: Staged,
}

impl Write for StagingFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.file.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl StagingFile {
    /// The file whole, ready for [`commit_staged`].
    pub fn finish(self) -> io::Result<Staged> {
        // Where one call cannot make a whole file system durable, each file is synced here.
        if !cfg!(target_os = "linux") {
            self.file.sync_all()?;
        }
        Ok(self.staged)
    }
}

/// Why a batch stopped: the index (in the list given to [`commit_staged`]) of the file that
/// failed, and why. Files before it may have been replaced, each whole; it and the files after
/// it are left as they were.
#[derive(Debug)]
pub struct BatchError {
    pub index: usize,
    pub error: io::Error,
}

/// Make every staged file durable, then rename each over its target, then fsync each folder
/// once. The same guarantees as one [`replace_atomic`] per file — a crash leaves the old file
/// or the new one at each name, never a partial one — with far fewer flushes: on Linux one
/// `syncfs(2)` per file system holding the folders (an fsync per file costs a journal commit
/// each: 10,000 small files took 1.0 s of system time and 19 s of wall time one after the
/// other, against 0.2 s with one syncfs), elsewhere the fsync each file got when staged.
///
/// A syncfs that reports an error (since Linux 5.8 it reports write-back errors on its file
/// system) is not trusted: every file is then fsynced on its own, so the failing one is named.
pub fn commit_staged(mut files: Vec<Staged>) -> Result<(), BatchError> {
    let mut folders: Vec<&Path> = files.iter().map(|f| folder_of(&f.target)).collect();
    folders.sort_unstable();
    folders.dedup();
    let folders: Vec<PathBuf> = folders.into_iter().map(Path::to_path_buf).collect();
    if cfg!(target_os = "linux") && !flush_file_systems(&folders) {
        for (index, f) in files.iter().enumerate() {
            sync_temp(&f.temp).map_err(|error| BatchError { index, error })?;
        }
    }
    for (index, f) in files.iter_mut().enumerate() {
        std::fs::rename(&f.temp, &f.target).map_err(|error| BatchError { index, error })?;
        f.renamed = true;
    }
    for folder in &folders {
        sync_folder(folder);
    }
    Ok(())
}

/// One syncfs for each file system the folders are on; whether all of them succeeded.
#[cfg(target_os = "linux")]
fn flush_file_systems(folders: &[PathBuf]) -> bool {
    let mut devices: Vec<u64> = Vec::new();
    for folder in folders {
        let Ok(dir) = File::open(folder) else {
            return false;
        };
        let Ok(meta) = dir.metadata() else {
            return false;
        };
        if devices.contains(&meta.dev()) {
            continue;
        }
        if rustix::fs::syncfs(&dir).is_err() {
            return false;
        }
        devices.push(meta.dev());
    }
    true
}

#[cfg(not(target_os = "linux"))]
fn flush_file_systems(_folders: &[PathBuf]) -> bool {
    true
}

/// fsync a temp file of a batch by its name, never through a symlink planted there.
fn sync_temp(temp: &Path) -> io::Result<()> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    options.custom_flags(libc::O_NOFOLLOW);
    options.open(temp)?.sync_all()
}

/// [`stage_replace`] every file, then [`commit_staged`] them: each `(path, bytes)` replaced
/// as [`replace_atomic`] would. When a file cannot be staged, nothing is replaced.
pub fn replace_many(files: &[(&Path, &[u8])]) -> Result<(), BatchError> {
    let staged = files
        .iter()
        .enumerate()
        .map(|(index, (path, bytes))| {
            stage_replace(path, &[bytes]).map_err(|error| BatchError { index, error })
        })
        .collect::<Result<Vec<_>, _>>()?;
    commit_staged(staged)
}

/// A temp file that cannot be created says so about the folder, not the file: a writable file
/// in a read-only folder cannot be replaced atomically.
fn explain_create(e: io::Error, target: &Path) -> io::Error {
    if e.kind() == io::ErrorKind::PermissionDenied {
        io::Error::new(
            e.kind(),
            format!(
                "the folder `{}` does not let agora create files in it ({e}): {} is replaced \
                 safely by writing a new file beside it and renaming it, so the folder must be \
                 writable, not only the file; make the folder writable or write elsewhere",
                folder_of(target).display(),
                target.file_name().unwrap_or_default().to_string_lossy()
            ),
        )
    } else {
        e
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_folder_that_refuses_new_files_is_blamed_not_the_file() {
        let denied = io::Error::from(io::ErrorKind::PermissionDenied);
        let said = explain_create(denied, Path::new("/srv/ev/event.toml")).to_string();
        assert!(
            said.starts_with("the folder `/srv/ev` does not let agora create files in it"),
            "{said}"
        );
        assert!(said.contains("not only the file"), "{said}");
        let other = explain_create(io::Error::from(io::ErrorKind::StorageFull), Path::new("x"));
        assert_eq!(other.kind(), io::ErrorKind::StorageFull);
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".agora-"))
            .collect()
    }

    #[test]
    fn writes_and_replaces_without_leaving_temp_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("event.toml");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn temp_names_are_not_predictable() {
        let target = Path::new("/x/event.toml");
        assert_ne!(temp_path(target), temp_path(target));
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.toml");
        std::fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read(&real).unwrap(), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn replace_does_not_follow_a_planted_symlink() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        let planted = dir.path().join("agenda.html");
        std::os::unix::fs::symlink(&outside, &planted).unwrap();
        replace_atomic(&planted, b"agenda").unwrap();
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
        assert_eq!(std::fs::read(&planted).unwrap(), b"agenda");
        assert!(!std::fs::symlink_metadata(&planted)
            .unwrap()
            .file_type()
            .is_symlink());
    }

    #[cfg(unix)]
    #[test]
    fn a_hard_linked_file_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.toml");
        std::fs::write(&a, "old").unwrap();
        std::fs::hard_link(&a, dir.path().join("b.toml")).unwrap();
        let err = write_atomic(&a, b"new").unwrap_err();
        assert!(err.to_string().contains("hard links"), "{err}");
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
    }

    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.toml");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[cfg(unix)]
    #[test]
    fn a_given_mode_is_used_from_the_first_byte_and_a_planted_link_is_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside");
        std::fs::write(&outside, "keep").unwrap();
        let path = dir.path().join(".recover");
        std::os::unix::fs::symlink(&outside, &path).unwrap();
        replace_atomic_mode(&path, b"private", 0o600).unwrap();
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
        let meta = std::fs::symlink_metadata(&path).unwrap();
        assert!(meta.is_file());
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }

    #[test]
    fn a_new_folder_is_written_from_pieces_and_refuses_a_name_twice() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        let (head, tail): (&[u8], &[u8]) = (b"BEGIN\n", b"END\n");
        let pieces = [head, tail];
        write_new_folder(
            &target,
            &[(Path::new("a/b/c.ics"), &pieces), (Path::new("d.txt"), &[])],
        )
        .unwrap();
        assert_eq!(
            std::fs::read(target.join("a/b/c.ics")).unwrap(),
            b"BEGIN\nEND\n"
        );
        assert_eq!(std::fs::read(target.join("d.txt")).unwrap(), b"");
        // The same name twice is an error, and leaves nothing behind.
        let other = dir.path().join("other");
        let twice = write_new_folder(
            &other,
            &[(Path::new("x"), &pieces), (Path::new("x"), &pieces)],
        );
        assert!(twice.is_err());
        assert!(!other.exists());
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[test]
    fn a_folder_is_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("event");
        let a: &[u8] = b"a";
        replace_folder_atomic(
            &target,
            &[("event.toml".into(), a), ("sessions/d1.toml".into(), a)],
        )
        .unwrap();
        assert_eq!(
            std::fs::read(target.join("sessions/d1.toml")).unwrap(),
            b"a"
        );
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
        // Not over a folder with files in it; and a bad path leaves nothing behind.
        assert!(replace_folder_atomic(&target, &[("x.toml".into(), a)]).is_err());
        let other = dir.path().join("other");
        let err = replace_folder_atomic(&other, &[("ok.toml".into(), a), ("../x".into(), a)]);
        assert!(err.is_err());
        assert!(!other.exists());
        assert_eq!(leftovers(dir.path()), Vec::<String>::new());
    }

    #[cfg(unix)]
    #[test]
    fn a_batch_replaces_every_file_as_one_replace_would() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sessions");
        std::fs::create_dir(&sub).unwrap();
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        let planted = sub.join("planted.ics");
        std::os::unix::fs::symlink(&outside, &planted).unwrap();
        let private = dir.path().join("private.ics");
        std::fs::write(&private, "old").unwrap();
        std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
        let names: Vec<PathBuf> = (0..50).map(|i| sub.join(format!("s{i}.ics"))).collect();
        let bodies: Vec<String> = (0..50).map(|i| format!("body {i}")).collect();
        let mut files: Vec<(&Path, &[u8])> = names
            .iter()
            .map(PathBuf::as_path)
            .zip(bodies.iter().map(|b| b.as_bytes()))
            .collect();
        files.push((&planted, b"agenda"));
        files.push((&private, b"new"));
        replace_many(&files).unwrap();
        for (name, body) in names.iter().zip(&bodies) {
            assert_eq!(std::fs::read_to_string(name).unwrap(), *body);
        }
        // The planted link is replaced, not followed out of the folder.
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
        assert!(std::fs::symlink_metadata(&planted).unwrap().is_file());
        assert_eq!(std::fs::read(&planted).unwrap(), b"agenda");
        // An existing file keeps its permissions.
        let mode = std::fs::metadata(&private).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(std::fs::read(&private).unwrap(), b"new");
        assert!(leftovers(dir.path()).is_empty());
        assert!(leftovers(&sub).is_empty());
    }

    #[test]
    fn a_batch_that_cannot_stage_a_file_replaces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "old").unwrap();
        let folder = dir.path().join("folder");
        std::fs::create_dir(&folder).unwrap();
        let c = dir.path().join("c.txt");
        let err = replace_many(&[(&a, b"new"), (&folder, b"x"), (&c, b"new")]).unwrap_err();
        assert_eq!(err.index, 1);
        assert!(
            err.error.to_string().contains("not a regular file"),
            "{}",
            err.error
        );
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        assert!(!c.exists());
        assert!(leftovers(dir.path()).is_empty());
    }

    #[test]
    fn a_staged_file_dropped_before_its_commit_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "old").unwrap();
        let staged = stage_replace(&a, &[b"new"]).unwrap();
        assert_eq!(staged.target(), a.as_path());
        assert_eq!(
            leftovers(dir.path()).len(),
            1,
            "the temp file holds the bytes"
        );
        drop(staged);
        assert_eq!(std::fs::read(&a).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    /// A rename that fails in the middle of a commit (here a folder made at a target's name
    /// after staging) is reported by its index; the files before it are replaced whole, it and
    /// those after it keep their old bytes, and no temp file is left.
    #[test]
    fn a_commit_that_fails_midway_names_the_file_and_leaves_the_rest_whole() {
        let dir = tempfile::tempdir().unwrap();
        let names: Vec<PathBuf> = ["a", "b", "c"].iter().map(|n| dir.path().join(n)).collect();
        for n in &names {
            std::fs::write(n, "old").unwrap();
        }
        let staged: Vec<Staged> = names
            .iter()
            .map(|n| stage_replace(n, &[b"new"]).unwrap())
            .collect();
        std::fs::remove_file(&names[1]).unwrap();
        std::fs::create_dir(&names[1]).unwrap();
        std::fs::write(names[1].join("inside"), "x").unwrap();
        let err = commit_staged(staged).unwrap_err();
        assert_eq!(err.index, 1);
        assert_eq!(std::fs::read(&names[0]).unwrap(), b"new");
        assert!(names[1].is_dir());
        assert_eq!(std::fs::read(&names[2]).unwrap(), b"old");
        assert!(leftovers(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a");
        let b = dir.path().join("b");
        std::os::unix::fs::symlink(&b, &a).unwrap();
        std::os::unix::fs::symlink(&a, &b).unwrap();
        let err = write_atomic(&a, b"x").unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }
}
