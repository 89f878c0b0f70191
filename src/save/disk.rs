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
                 text, so agora does not save over it. Remove the other links (or copy the file) \
                 and save again, or save under another name",
                real.display(),
                meta.nlink()
            )));
        }
        if !meta.is_file() {
            return Err(not_a_file(&real));
        }
    }
    write_beside(&real, bytes, None)
}

/// Write `bytes` at `target` itself: whatever is there (a file, or a symlink, which is not
/// followed) is replaced. For outputs agora generates.
pub fn replace_atomic(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(target) {
        if meta.is_dir() {
            return Err(not_a_file(target));
        }
    }
    write_beside(target, bytes, None)
}

/// As [`replace_atomic`], with the permissions `mode` from the first byte whatever the file had
/// (recovery and lock files take the event file's mode, so a private event's edits stay private).
pub fn replace_atomic_mode(target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    if let Ok(meta) = std::fs::symlink_metadata(target) {
        if meta.is_dir() {
            return Err(not_a_file(target));
        }
    }
    write_beside(target, bytes, Some(mode))
}

/// Write a new folder `target` holding `files` (relative paths): everything is written into a
/// temp folder beside it, then renamed into place, so a crash or a full disk leaves either no
/// folder (or the empty one that was there) or the complete one, never a partial event. A
/// `target` that exists and is not an empty folder is refused.
pub fn replace_folder_atomic(target: &Path, files: &[(PathBuf, &[u8])]) -> io::Result<()> {
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
    let result = (|| {
        for (relative, bytes) in files {
            if relative.is_absolute()
                || relative
                    .components()
                    .any(|c| !matches!(c, std::path::Component::Normal(_)))
            {
                return Err(io::Error::other(format!(
                    "{} is not a path inside the folder",
                    relative.display()
                )));
            }
            let path = temp.join(relative);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            replace_atomic(&path, bytes)?;
        }
        // rename(2) replaces an empty folder, and fails on a non-empty one (one made since).
        std::fs::rename(&temp, target)?;
        if let Ok(dir) = File::open(parent) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&temp);
    }
    result
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

fn write_beside(target: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    let existing = match mode {
        Some(_) => None,
        None => std::fs::metadata(target).ok().filter(|m| m.is_file()),
    };
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
        file.write_all(bytes)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, target)?;
        // Make the rename itself durable; not every platform can open a directory.
        if let Ok(dir) = File::open(folder_of(target)) {
            let _ = dir.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
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
