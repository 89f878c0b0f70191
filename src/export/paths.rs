//! Where export files go, and writing them safely.
//!
//! An [`OutputPath`] is relative to the output folder and made only of checked components:
//! ASCII letters, digits, `.`, `_` and `-`, never empty, never `.` or `..`, never starting
//! with a dot. Ids are already restricted by the loader; this is the second lock, so no id or
//! name can choose a path outside the output folder. Writing also refuses a folder inside the
//! output folder that leads outside it (a symbolic link), and replaces each file atomically
//! (temporary file in the same folder, fsync, rename), so a reader never sees half a file.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

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
    pub fn new<S: AsRef<str>>(parts: &[S]) -> Result<OutputPath, String> {
        if parts.is_empty() {
            return Err("an empty output path".to_string());
        }
        let mut out = Vec::with_capacity(parts.len());
        for p in parts {
            let p = p.as_ref();
            if !is_safe_component(p) {
                return Err(format!(
                    "`{}` cannot be a file name in the output folder (only letters, digits, `.`, `_` and `-`, not starting with `.`)",
                    p.escape_debug()
                ));
            }
            out.push(p.to_string());
        }
        Ok(OutputPath(out))
    }

    /// The same path under a folder: `sessions/x.ics` → `rooms/amphi/sessions/x.ics`.
    pub fn under<S: AsRef<str>>(&self, folders: &[S]) -> Result<OutputPath, String> {
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

/// Why files could not be written.
#[derive(Debug)]
pub struct WriteError {
    pub path: PathBuf,
    pub message: String,
}

/// Write `contents` at `path` atomically: temporary file beside it, fsync, rename.
pub fn atomic_write(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.agora-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::File::create(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

/// Write every file under `root` (created if needed). Returns the paths written.
pub fn write_all(root: &Path, files: &[(OutputPath, &[u8])]) -> Result<Vec<PathBuf>, WriteError> {
    let fail = |path: &Path, message: String| WriteError {
        path: path.to_path_buf(),
        message,
    };
    fs::create_dir_all(root).map_err(|e| fail(root, format!("cannot create the folder: {e}")))?;
    let real_root = root
        .canonicalize()
        .map_err(|e| fail(root, format!("cannot resolve the folder: {e}")))?;
    let mut written = Vec::with_capacity(files.len());
    for (rel, bytes) in files {
        let target = root.join(rel.relative());
        let parent = target.parent().unwrap_or(root);
        fs::create_dir_all(parent)
            .map_err(|e| fail(parent, format!("cannot create the folder: {e}")))?;
        let real_parent = parent
            .canonicalize()
            .map_err(|e| fail(parent, format!("cannot resolve the folder: {e}")))?;
        if !real_parent.starts_with(&real_root) {
            return Err(fail(
                parent,
                format!(
                    "leads outside the output folder (to {}); remove the link or choose another folder with -o",
                    real_parent.display()
                ),
            ));
        }
        if target.is_dir() {
            return Err(fail(&target, "is a folder; expected a file".to_string()));
        }
        atomic_write(&target, bytes).map_err(|e| fail(&target, format!("cannot write: {e}")))?;
        written.push(target);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn writes_inside_and_refuses_links_outside() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("out");
        let files = [(OutputPath::new(&["sessions", "a.ics"]).unwrap(), &b"x"[..])];
        let written = write_all(&root, &files).unwrap();
        assert_eq!(fs::read(&written[0]).unwrap(), b"x");
        // No temporary file is left behind.
        assert_eq!(fs::read_dir(root.join("sessions")).unwrap().count(), 1);

        #[cfg(unix)]
        {
            let outside = dir.path().join("outside");
            fs::create_dir_all(&outside).unwrap();
            std::os::unix::fs::symlink(&outside, root.join("rooms")).unwrap();
            let files = [(OutputPath::new(&["rooms", "a.ics"]).unwrap(), &b"x"[..])];
            let err = write_all(&root, &files).unwrap_err();
            assert!(err.message.contains("outside"), "{}", err.message);
            assert!(!outside.join("a.ics").exists());
        }
    }
}
