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
    let data = crate::instance::user_dir("XDG_DATA_HOME", ".local/share")?;
    Some(
        data.join("agora")
            .join("picks")
            .join(format!("{event_id}.json")),
    )
}

/// Why picks could not be read or saved.
#[derive(Debug, thiserror::Error)]
pub enum PicksError {
    /// `action` (read, create, write) failed on `path`.
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "cannot read the picks in `{}`: {source}; the file is kept, and set aside before new \
         picks are saved",
        path.display()
    )]
    Unreadable {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(transparent)]
    Json(serde_json::Error),
    #[error(
        "`{}` cannot be read and could not be kept aside ({source}); your picks are not saved",
        path.display()
    )]
    NotKeptAside {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The picks saved at `path` (none when the file does not exist).
pub fn load(path: &Path) -> Result<BTreeSet<String>, PicksError> {
    match std::fs::read_to_string(path) {
        Ok(text) => serde_json::from_str::<PicksFile>(&text)
            .map(|f| f.picks.into_iter().collect())
            .map_err(|source| PicksError::Unreadable {
                path: path.to_path_buf(),
                source,
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(source) => Err(PicksError::Io {
            action: "read",
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Where an unreadable picks file is kept: `<name>.unreadable.json`, then `.unreadable-2`, …
fn backup_path(path: &Path) -> PathBuf {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "picks".into());
    (1..)
        .map(|n| {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!("-{n}")
            };
            path.with_file_name(format!("{stem}.unreadable{suffix}.json"))
        })
        .find(|p| std::fs::symlink_metadata(p).is_err())
        .unwrap_or_else(|| path.with_extension("unreadable.json"))
}

/// Save picks atomically, creating the folder. A picks file that is there but cannot be read
/// (a trailing comma typed by hand) is never overwritten: it is first kept beside, under a
/// name returned here so the organiser can be told.
pub fn save(
    path: &Path,
    event_id: &str,
    picks: &BTreeSet<String>,
) -> Result<Option<PathBuf>, PicksError> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|source| PicksError::Io {
            action: "create",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut kept = None;
    if let Ok(old) = std::fs::read(path) {
        let readable = std::str::from_utf8(&old)
            .ok()
            .is_some_and(|t| serde_json::from_str::<PicksFile>(t).is_ok());
        if !readable {
            let backup = backup_path(path);
            write_atomic(&backup, &old).map_err(|source| PicksError::NotKeptAside {
                path: path.to_path_buf(),
                source,
            })?;
            kept = Some(backup);
        }
    }
    let file = PicksFile {
        event: event_id.to_string(),
        picks: picks.iter().cloned().collect(),
    };
    let json = serde_json::to_string_pretty(&file).map_err(PicksError::Json)?;
    write_atomic(path, format!("{json}\n").as_bytes()).map_err(|source| PicksError::Io {
        action: "write",
        path: path.to_path_buf(),
        source,
    })?;
    Ok(kept)
}

/// The picks to write when `theirs` is what is on disk now (another agora may have written
/// it since `base` was read or written here) and `mine` is this editor's: what this editor
/// starred or unstarred since `base` is applied to `theirs`, so neither loses a pick.
pub fn merge(
    base: &BTreeSet<String>,
    mine: &BTreeSet<String>,
    theirs: &BTreeSet<String>,
) -> BTreeSet<String> {
    let mut out = theirs.clone();
    out.extend(mine.difference(base).cloned());
    for gone in base.difference(mine) {
        out.remove(gone);
    }
    out
}

/// Save `mine` after reading the file again and merging what another agora wrote since
/// `base` ([`merge`]); an unreadable file is kept aside as by [`save`]. Returns the picks
/// written and the name of the file kept aside, if any.
pub fn save_merged(
    path: &Path,
    event_id: &str,
    base: &BTreeSet<String>,
    mine: &BTreeSet<String>,
) -> Result<(BTreeSet<String>, Option<PathBuf>), PicksError> {
    let picks = match load(path) {
        Ok(theirs) => merge(base, mine, &theirs),
        Err(_) => mine.clone(),
    };
    let kept = save(path, event_id, &picks)?;
    Ok((picks, kept))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(items: &[&str]) -> BTreeSet<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    /// QA of issue 16, 7b: two agoras on one event no longer drop each other's picks.
    #[test]
    fn two_editors_starring_keep_each_others_picks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ev.json");
        // A stars a, B (which read nothing) stars b, A stars c and unstars a.
        let (a, _) = save_merged(&path, "ev", &set(&[]), &set(&["a"])).unwrap();
        assert_eq!(a, set(&["a"]));
        let (b, _) = save_merged(&path, "ev", &set(&[]), &set(&["b"])).unwrap();
        assert_eq!(b, set(&["a", "b"]));
        let (a2, _) = save_merged(&path, "ev", &a, &set(&["c"])).unwrap();
        assert_eq!(a2, set(&["b", "c"]));
        assert_eq!(load(&path).unwrap(), set(&["b", "c"]));
    }

    #[test]
    fn picks_round_trip_and_missing_file_is_empty() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a/b/ev.json");
        assert!(load(&path).unwrap().is_empty());
        let picks: BTreeSet<String> = ["x".to_string(), "y".to_string()].into();
        save(&path, "ev", &picks).unwrap();
        assert_eq!(load(&path).unwrap(), picks);
        std::fs::write(&path, "not json").unwrap();
        assert!(matches!(load(&path), Err(PicksError::Unreadable { .. })));
    }

    /// Issue 16 item 6: a picks file with a typo is kept, not replaced by the next star.
    #[test]
    fn an_unreadable_picks_file_is_kept_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ev.json");
        let broken = "{\"event\": \"ev\", \"picks\": [\"a\", \"b\", \"c\",]}\n";
        std::fs::write(&path, broken).unwrap();
        let err = load(&path).unwrap_err();
        assert!(matches!(&err, PicksError::Unreadable { path: p, .. } if *p == path));
        assert!(
            err.to_string().contains("cannot read the picks in"),
            "{err}"
        );
        let one: BTreeSet<String> = ["x".to_string()].into();
        let kept = save(&path, "ev", &one).unwrap().unwrap();
        assert_eq!(kept, dir.path().join("ev.unreadable.json"));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), broken);
        assert_eq!(load(&path).unwrap(), one);
        // A readable file is simply replaced; a second broken one gets its own name.
        assert_eq!(save(&path, "ev", &one).unwrap(), None);
        std::fs::write(&path, "[").unwrap();
        let second = save(&path, "ev", &one).unwrap().unwrap();
        assert_eq!(second, dir.path().join("ev.unreadable-2.json"));
        assert_eq!(std::fs::read_to_string(&kept).unwrap(), broken);
    }

    #[test]
    fn an_invalid_event_id_gives_no_path() {
        assert_eq!(default_path("../etc"), None);
    }
}
