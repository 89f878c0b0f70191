//! Recovery files: written beside the event with the unsaved edits, ignored by the loader,
//! restored as one undoable step on a fresh load (single file and directory events).

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use agora::edit::{self, Document, Field, History};
use agora::load::load_path;
use agora::recover;
use agora::save;

fn copy_recursive(src: &Path, dst: &Path) {
    if src.is_dir() {
        std::fs::create_dir_all(dst).unwrap();
        for entry in std::fs::read_dir(src).unwrap() {
            let entry = entry.unwrap();
            copy_recursive(&entry.path(), &dst.join(entry.file_name()));
        }
    } else {
        std::fs::copy(src, dst).unwrap();
    }
}

fn copy_event(path: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let dst = dir.path().join(src.file_name().unwrap());
    copy_recursive(&src, &dst);
    (dir, dst)
}

fn index(doc: &Document, id: &str) -> usize {
    doc.program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

fn titles_and_starts(doc: &Document) -> Vec<String> {
    doc.program
        .sessions
        .iter()
        .map(|s| {
            format!(
                "{} {} {:?} {:?}",
                s.id,
                s.title,
                s.start.as_ref().map(|v| v.value),
                s.room.as_ref().map(|r| r.value.clone())
            )
        })
        .collect()
}

#[test]
fn recovery_round_trip_on_a_single_file_event() {
    let (dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let before = std::fs::read(&path).unwrap();
    let (mut doc, disk) = save::open(&path).unwrap();
    let mut history = History::new();
    // Nothing unsaved: no recovery file.
    assert_eq!(recover::write(&doc, &disk, "SIGTERM", 0).unwrap(), None);
    let i = index(&doc, "cocktail");
    let e = edit::move_by(&doc, i, -30).unwrap();
    history.perform(&mut doc, e);
    let e = edit::set_fields(&doc, 0, vec![Field::Title("Accueil et café".into())]).unwrap();
    history.perform(&mut doc, e);
    let e = edit::duplicate_session(&doc, index(&doc, "cloture")).unwrap();
    history.perform(&mut doc, e);
    let written = recover::write(&doc, &disk, "SIGHUP", 1_512_478_800)
        .unwrap()
        .unwrap();
    assert_eq!(
        written,
        dir.path()
            .join(".forum-interconnectes-2017.toml.agora-recover")
    );
    // The event itself is untouched.
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A new session: open again, find and restore it.
    let (mut fresh, fresh_disk) = save::open(&path).unwrap();
    let recovery = recover::read(&path).unwrap().unwrap();
    assert_eq!(recovery.reason, "SIGHUP");
    let restore = recover::restore(&fresh, &fresh_disk, &recovery)
        .unwrap()
        .unwrap();
    let mut fresh_history = History::new();
    fresh_history.perform(&mut fresh, restore);
    assert_eq!(titles_and_starts(&fresh), titles_and_starts(&doc));
    assert!(fresh_history.is_dirty());
    // Restoring is one step: undo gives the file's program back.
    fresh_history.undo(&mut fresh);
    assert_eq!(fresh.program.sessions.len(), doc.program.sessions.len() - 1);
    assert!(save::render(&fresh).unwrap().is_empty());
    recover::remove(&path);
    assert!(recover::read(&path).is_none());
}

#[test]
fn recovery_of_a_directory_event_is_skipped_by_the_loader() {
    let (dir, path) = copy_event("tests/data/split");
    let (mut doc, disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let e = edit::new_speaker(&doc, "Grace Hopper").unwrap();
    history.perform(&mut doc, e);
    let workshop = index(&doc, "workshop");
    let e = edit::move_by(&doc, workshop, 60).unwrap();
    history.perform(&mut doc, e);
    let written = recover::write(&doc, &disk, "panic", 0).unwrap().unwrap();
    assert_eq!(written, dir.path().join(".split.agora-recover"));
    let recovery = recover::read(&path).unwrap().unwrap();
    let mut files: Vec<&str> = recovery.files.iter().map(|f| f.path.as_str()).collect();
    files.sort();
    assert_eq!(files, vec!["people.toml", "sessions/day2.toml"]);
    // A recovery file inside the directory would be skipped too: it starts with a dot.
    std::fs::copy(&written, path.join(".split.agora-recover")).unwrap();
    assert_eq!(load_path(&path).unwrap().sessions.len(), 5);

    let (mut fresh, fresh_disk) = save::open(&path).unwrap();
    let restore = recover::restore(&fresh, &fresh_disk, &recovery)
        .unwrap()
        .unwrap();
    fresh.apply(&restore);
    assert_eq!(titles_and_starts(&fresh), titles_and_starts(&doc));
    assert!(fresh
        .program
        .speakers
        .iter()
        .any(|s| s.id == "grace-hopper"));
}

#[test]
fn a_broken_recovery_file_is_reported_not_trusted() {
    let (dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let file = dir
        .path()
        .join(".forum-interconnectes-2017.toml.agora-recover");
    std::fs::write(&file, "{ not json").unwrap();
    let err = recover::read(&path).unwrap().unwrap_err();
    assert!(err.contains("not a recovery file"), "{err}");
}
