//! Attendee picks: the sessions someone stars to build a personal program.
//!
//! Picks belong to the person, not to the event, so they are kept outside the event files, in
//! `$XDG_DATA_HOME/agora/picks/<event-id>.json` (`~/.local/share/agora/picks/…` when
//! `XDG_DATA_HOME` is unset). Event ids are restricted to `[a-z0-9._-]`, so the name cannot
//! leave that folder.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::ids::is_valid_id;
use crate::save::write_atomic;

#[derive(Debug, Serialize, Deserialize)]
struct PicksFile {
    event: String,
    picks: Vec<String>,
}

/// Where the picks of `event_id` are kept, from the environment.
pub fn default_path(event_id: &str) -> Option<PathBuf> {
    if !is_valid_id(event_id) {
        return None;
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(".local/share"))
        })?;
    Some(
        data.join("agora")
            .join("picks")
            .join(format!("{event_id}.json")),
    )
}

/// The picks saved at `path` (none when the file does not exist).
pub fn load(path: &Path) -> Result<BTreeSet<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str::<PicksFile>(&text)
            .map(|f| f.picks.into_iter().collect())
            .map_err(|e| format!("cannot read the picks in `{}`: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(e) => Err(format!("cannot read `{}`: {e}", path.display())),
    }
}

/// Save picks atomically, creating the folder.
pub fn save(path: &Path, event_id: &str, picks: &BTreeSet<String>) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create `{}`: {e}", dir.display()))?;
    }
    let file = PicksFile {
        event: event_id.to_string(),
        picks: picks.iter().cloned().collect(),
    };
    let json = serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?;
    write_atomic(path, format!("{json}\n").as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_round_trip_and_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/ev.json");
        assert!(load(&path).unwrap().is_empty());
        let picks: BTreeSet<String> = ["x".to_string(), "y".to_string()].into();
        save(&path, "ev", &picks).unwrap();
        assert_eq!(load(&path).unwrap(), picks);
        std::fs::write(&path, "not json").unwrap();
        assert!(load(&path).unwrap_err().contains("cannot read the picks"));
    }

    #[test]
    fn an_invalid_event_id_gives_no_path() {
        assert_eq!(default_path("../etc"), None);
    }
}
