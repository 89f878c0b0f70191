//! Atomic file writes: a temp file in the same folder, fsync, rename over the target, fsync
//! of the folder. A crash at any point leaves either the old file or the new one, never half.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

fn temp_path(target: &Path, attempt: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "file".into());
    // Starts with '.': the directory loader skips it if a crash leaves it behind.
    target.with_file_name(format!(
        ".{name}.agora-tmp-{}-{attempt}",
        std::process::id()
    ))
}

/// Write `bytes` to `target` atomically, keeping the target's permissions.
pub fn write_atomic(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let permissions = std::fs::metadata(target).ok().map(|m| m.permissions());
    let mut attempt = 0;
    let (mut file, temp) = loop {
        let temp = temp_path(target, attempt);
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => break (file, temp),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        file.write_all(bytes)?;
        if let Some(p) = permissions {
            file.set_permissions(p)?;
        }
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, target)?;
        if let Some(dir) = target.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            // Make the rename itself durable; not every platform can open a directory.
            if let Ok(d) = File::open(dir) {
                let _ = d.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}
