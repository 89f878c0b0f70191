//! What each file of an export folder held when agora last wrote it, so that a re-export
//! knows a file is unchanged without reading it back: the file's identity on disk (size,
//! inode, change time) and a hash of its bytes (XXH3, 128 bits).
//!
//! A re-export of an unchanged program writes nothing, but finding that out meant opening and
//! reading every file again: 100,000 session calendars and a thousand room and track pages,
//! a gigabyte, most of the system time of the export. A file whose size, inode and change
//! time are the ones stamped holds the stamped bytes (any write, rename, `touch` or
//! `chmod` sets the change time, which no program can set back), so comparing the hash of
//! the new bytes with the stamp's is enough. A file that does not match its stamp, or has
//! none, is compared byte for byte as before; a stamps file that cannot be read is ignored.
//!
//! The stamps live outside the export, in the user's cache (`$XDG_CACHE_HOME/agora/exports/`,
//! else `~/.cache/agora/exports/`), one file per export folder named by a hash of its real
//! path: the folder holds only the export, the same bytes from one run to the next.

use std::path::{Path, PathBuf};

use super::Body;

/// A folder with fewer files than this keeps no stamps: reading its files back costs less.
pub(crate) const STAMPED_FROM: usize = 1_000;

/// The head of a stamps file; the second line names the folder.
const HEAD: &str =
    "# agora export stamps: size, inode, change time (s.ns), XXH3-128 of the bytes, file\n";

/// A file as agora left it: its identity on disk and the hash of its bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stamp {
    len: u64,
    inode: u64,
    changed: (i64, i64),
    hash: u128,
}

impl Stamp {
    /// The stamp of the file `meta` describes, which holds bytes of hash `hash`.
    pub(crate) fn of(meta: &std::fs::Metadata, hash: u128) -> Stamp {
        let (inode, changed) = identity(meta);
        Stamp {
            len: meta.len(),
            inode,
            changed,
            hash,
        }
    }

    /// Whether the file `meta` describes is the one stamped, unchanged since.
    pub(crate) fn matches(&self, meta: &std::fs::Metadata) -> bool {
        meta.is_file() && meta.len() == self.len && identity(meta) == (self.inode, self.changed)
    }

    /// Whether the stamped file held exactly the bytes of hash `hash` and length `len`.
    pub(crate) fn holds(&self, len: usize, hash: u128) -> bool {
        self.len == len as u64 && self.hash == hash
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> (u64, (i64, i64)) {
    use std::os::unix::fs::MetadataExt;
    (meta.ino(), (meta.ctime(), meta.ctime_nsec()))
}

/// Elsewhere no stamp ever matches: every file is compared byte for byte.
#[cfg(not(unix))]
fn identity(_: &std::fs::Metadata) -> (u64, (i64, i64)) {
    (u64::MAX, (i64::MIN, -1))
}

/// The hash of a file's bytes, however they are cut into pieces.
pub(crate) fn hash(body: &Body) -> u128 {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for piece in body.pieces() {
        hasher.update(piece);
    }
    hasher.digest128()
}

/// Where the stamps of export folders are kept: `agora/exports/` in the user's cache; none
/// when neither `XDG_CACHE_HOME` nor `HOME` is set.
pub fn cache_folder() -> Option<PathBuf> {
    let cache = crate::instance::user_dir("XDG_CACHE_HOME", ".cache")?;
    Some(cache.join("agora").join("exports"))
}

/// The stamps file in `cache` of the export folder `real_root` (its real, absolute path),
/// named by a hash of that path.
pub(crate) fn file_for(cache: &Path, real_root: &Path) -> PathBuf {
    let key = xxhash_rust::xxh3::xxh3_128(real_root.as_os_str().as_encoded_bytes());
    cache.join(format!("{key:032x}.stamps"))
}

/// The stamps of one export folder, as read from its stamps file.
#[derive(Debug, Default)]
pub(crate) struct Stamps {
    of: foldhash::HashMap<String, Stamp>,
}

impl Stamps {
    /// The stamps in `file` for the folder `real_root`; none when the file is missing, names
    /// another folder or cannot be read (every file is then compared byte for byte).
    pub(crate) fn read(file: &Path, real_root: &Path) -> Stamps {
        let Ok(bytes) = crate::load::read_input(file, "the export stamps") else {
            return Stamps::default();
        };
        let Ok(text) = std::str::from_utf8(&bytes) else {
            return Stamps::default();
        };
        let mut lines = text.lines();
        let root = lines.nth(1).and_then(|l| l.strip_prefix("folder "));
        if root.is_none() || root != real_root.to_str() {
            return Stamps::default();
        }
        let of = lines.filter_map(parse_line).collect();
        Stamps { of }
    }

    /// The stamp of the file at `name` (its path in the folder), if it has one.
    pub(crate) fn get(&self, name: &str) -> Option<&Stamp> {
        self.of.get(name)
    }

    /// Whether `stamps` (each name once) are exactly these.
    fn are(&self, stamps: &[(String, Stamp)]) -> bool {
        self.of.len() == stamps.len() && stamps.iter().all(|(n, s)| self.of.get(n) == Some(s))
    }

    /// Keep `stamps` for the folder `real_root` in `file`, replacing what it held (written
    /// whole, atomically; left alone when it holds them already).
    pub(crate) fn write(
        &self,
        file: &Path,
        real_root: &Path,
        stamps: &mut [(String, Stamp)],
    ) -> std::io::Result<()> {
        if self.are(stamps) {
            return Ok(());
        }
        stamps.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let Some(root) = real_root.to_str() else {
            return Ok(());
        };
        let mut text = String::with_capacity(HEAD.len() + 100 * stamps.len());
        text.push_str(HEAD);
        text.push_str("folder ");
        text.push_str(root);
        text.push('\n');
        for (name, s) in stamps.iter() {
            use std::fmt::Write as _;
            let (secs, nanos) = s.changed;
            let _ = writeln!(
                text,
                "{} {} {secs}.{nanos:09} {:032x} {name}",
                s.len, s.inode, s.hash
            );
        }
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        crate::save::replace_atomic(file, text.as_bytes())
    }
}

/// `len inode secs.nanos hash name`; none when the line is not one.
fn parse_line(line: &str) -> Option<(String, Stamp)> {
    let mut fields = line.splitn(5, ' ');
    let len = fields.next()?.parse().ok()?;
    let inode = fields.next()?.parse().ok()?;
    let (secs, nanos) = fields.next()?.split_once('.')?;
    let changed = (secs.parse().ok()?, nanos.parse().ok()?);
    let hash = u128::from_str_radix(fields.next()?, 16).ok()?;
    let name = fields.next().filter(|n| !n.is_empty())?;
    Some((
        name.to_string(),
        Stamp {
            len,
            inode,
            changed,
            hash,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_does_not_depend_on_how_the_bytes_are_cut() {
        let mut cut = Body::default();
        cut.push("BEGIN:VCAL".to_string());
        cut.push("ENDAR\r\n".to_string());
        assert_eq!(hash(&cut), hash(&Body::from("BEGIN:VCALENDAR\r\n")));
        assert_ne!(hash(&cut), hash(&Body::from("BEGIN:VCALENDAR\n")));
    }

    #[test]
    fn stamps_are_read_back_as_written_for_their_folder_only() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache").join("x.stamps");
        let path = dir.path().join("a.ics");
        std::fs::write(&path, "one").unwrap();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        let stamp = Stamp::of(&meta, hash(&Body::from("one")));
        let root = dir.path();
        let mut list = vec![("sessions/a.ics".to_string(), stamp)];
        Stamps::default().write(&file, root, &mut list).unwrap();
        let read = Stamps::read(&file, root);
        assert_eq!(read.get("sessions/a.ics"), Some(&stamp));
        assert!(read.get("a.ics").is_none());
        assert!(stamp.matches(&meta) && stamp.holds(3, hash(&Body::from("one"))));
        assert!(!stamp.holds(3, hash(&Body::from("two"))));
        // Another folder's stamps are not these.
        assert!(Stamps::read(&file, &root.join("other"))
            .get("sessions/a.ics")
            .is_none());
        // A damaged line is left out; the others are kept.
        let text = std::fs::read_to_string(&file).unwrap() + "12 x 1.0 ff b.ics\n";
        std::fs::write(&file, text).unwrap();
        let read = Stamps::read(&file, root);
        assert!(read.get("b.ics").is_none() && read.get("sessions/a.ics").is_some());
    }

    #[test]
    fn a_file_written_again_no_longer_matches_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.ics");
        std::fs::write(&path, "one").unwrap();
        let stamp = Stamp::of(&std::fs::symlink_metadata(&path).unwrap(), 1);
        // The same size, written in place: the change time moves on (or the test waits for
        // the clock to tick).
        let changed = |stamp: &Stamp| !stamp.matches(&std::fs::symlink_metadata(&path).unwrap());
        for _ in 0..200 {
            std::fs::write(&path, "two").unwrap();
            if changed(&stamp) {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("a file written again kept its change time");
    }
}
