//! Recovery files: written beside the event with the unsaved edits, ignored by the loader,
//! restored as one undoable step on a fresh load (single file and directory events).

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use agora::edit::{self, Document, Field, History};
use agora::instance::Instance;
use agora::load::load_path;
use agora::merge::{Clash, Side};
use agora::recover::{self, Found};
use agora::save;

/// An editor that is no longer running (no process has this pid).
fn gone(started: i64) -> Instance {
    Instance {
        pid: 2_000_000_000,
        ticks: None,
        ..Instance::current(started)
    }
}

fn offers(event: &Path) -> Vec<(PathBuf, recover::Recovery)> {
    recover::find(event, &Instance::current(1))
        .into_iter()
        .filter_map(|f| match f {
            Found::Offer { path, recovery } => Some((path, recovery)),
            _ => None,
        })
        .collect()
}

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
    let me = gone(7);
    // Nothing unsaved: no recovery file.
    assert_eq!(
        recover::write(&doc, &disk, &me, "SIGTERM", 0).unwrap(),
        None
    );
    let i = index(&doc, "cocktail");
    let e = edit::move_by(&doc, i, -30).unwrap();
    history.perform(&mut doc, e);
    let e = edit::set_fields(&doc, 0, vec![Field::Title("Accueil et café".into())]).unwrap();
    history.perform(&mut doc, e);
    let e = edit::duplicate_session(&doc, index(&doc, "cloture")).unwrap();
    history.perform(&mut doc, e);
    let written = recover::write(&doc, &disk, &me, "SIGHUP", 1_512_478_800)
        .unwrap()
        .unwrap();
    assert_eq!(
        written,
        dir.path().join(format!(
            ".forum-interconnectes-2017.toml.{}.agora-recover",
            me.tag()
        ))
    );
    // The event itself is untouched.
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A new session: open again, find and restore it.
    let (mut fresh, fresh_disk) = save::open(&path).unwrap();
    let found = offers(&path);
    assert_eq!(found.len(), 1);
    let recovery = found[0].1.clone();
    assert_eq!(recovery.reason, "SIGHUP");
    let restore = recover::restore(&fresh, &fresh_disk, &recovery, &[])
        .unwrap()
        .edit
        .unwrap();
    let mut fresh_history = History::new();
    fresh_history.perform(&mut fresh, restore);
    assert_eq!(titles_and_starts(&fresh), titles_and_starts(&doc));
    assert!(fresh_history.is_dirty());
    // Restoring is one step: undo gives the file's program back.
    fresh_history.undo(&mut fresh);
    assert_eq!(fresh.program.sessions.len(), doc.program.sessions.len() - 1);
    assert!(save::render(&fresh).unwrap().is_empty());
    recover::remove(&found[0].0);
    assert!(offers(&path).is_empty());
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
    let me = gone(3);
    let written = recover::write(&doc, &disk, &me, "panic", 0)
        .unwrap()
        .unwrap();
    assert_eq!(
        written,
        dir.path()
            .join(format!(".split.{}.agora-recover", me.tag()))
    );
    let recovery = offers(&path).remove(0).1;
    let mut files: Vec<&str> = recovery.files.iter().map(|f| f.path.as_str()).collect();
    files.sort();
    assert_eq!(files, vec!["people.toml", "sessions/day2.toml"]);
    // A recovery file inside the directory would be skipped too: it starts with a dot.
    std::fs::copy(&written, path.join(".split.x.agora-recover")).unwrap();
    assert_eq!(load_path(&path).unwrap().sessions.len(), 5);

    let (mut fresh, fresh_disk) = save::open(&path).unwrap();
    let restore = recover::restore(&fresh, &fresh_disk, &recovery, &[])
        .unwrap()
        .edit
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
        .join(".forum-interconnectes-2017.toml.x-1-2.agora-recover");
    std::fs::write(&file, "{ not json").unwrap();
    let found = recover::find(&path, &Instance::current(1));
    match &found[..] {
        [Found::Broken { message, .. }] => {
            assert!(message.contains("not a recovery file"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    assert!(file.exists(), "kept");
}

fn edited(path: &Path, id: &str, minutes: i64) -> (Document, save::OnDisk) {
    let (mut doc, disk) = save::open(path).unwrap();
    let i = index(&doc, id);
    let e = edit::move_by(&doc, i, minutes).unwrap();
    doc.apply(&e);
    (doc, disk)
}

/// Issue 16 item 2: a recovery that was ignored is never overwritten by the next session's.
#[test]
fn recovery_files_of_two_sessions_never_overwrite_one_another() {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let (first, disk) = edited(&path, "cocktail", 30);
    let a = recover::write(&first, &disk, &gone(100), "SIGHUP", 100)
        .unwrap()
        .unwrap();
    let (second, disk) = edited(&path, "cloture", -30);
    let b = recover::write(&second, &disk, &gone(200), "autosave", 200)
        .unwrap()
        .unwrap();
    assert_ne!(a, b);
    let found = offers(&path);
    // Newest first, both intact.
    assert_eq!(
        found.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>(),
        vec![b.clone(), a.clone()]
    );
    assert!(found[1].1.files[0]
        .text
        .contains("start = 2017-12-05T18:30:00"));
    assert!(found[0].1.files[0]
        .text
        .contains("start = 2017-12-06T15:30:00"));
    // Both replay onto the file, one after the other.
    let (mut fresh, fresh_disk) = save::open(&path).unwrap();
    for (_, r) in &found {
        let e = recover::restore(&fresh, &fresh_disk, r, &[]).unwrap();
        assert!(e.conflicts.is_empty());
        fresh.apply(&e.edit.unwrap());
    }
    let starts = |d: &Document, id: &str| {
        format!(
            "{:?}",
            d.program.sessions[index(d, id)]
                .start
                .as_ref()
                .unwrap()
                .value
        )
    };
    assert_eq!(starts(&fresh, "cocktail"), starts(&first, "cocktail"));
    assert_eq!(starts(&fresh, "cloture"), starts(&second, "cloture"));
}

/// Issue 16 item 4: the autosave of an editor still running is neither offered nor deletable
/// from another one.
#[test]
fn a_running_editors_recovery_is_not_offered() {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let (doc, disk) = edited(&path, "cocktail", 30);
    // This very process, started "at another time" as far as the file says: it is running.
    let running = Instance {
        started: 5,
        ..Instance::current(5)
    };
    let written = recover::write(&doc, &disk, &running, "autosave", 5)
        .unwrap()
        .unwrap();
    let found = recover::find(&path, &Instance::current(9));
    assert!(
        matches!(&found[..], [Found::Live { instance, .. }] if instance.pid == std::process::id()),
        "{found:?}"
    );
    // The editor's own file is not offered to itself either.
    assert!(recover::find(&path, &running).is_empty());
    assert!(written.exists());
}

/// Issue 16, planted recoveries: a file naming another event, a symlink, another owner.
#[cfg(unix)]
#[test]
fn planted_recovery_files_are_not_offered_as_ones_own() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    // A recovery of another event, renamed to look like this one's.
    let other = dir.path().join("other.toml");
    std::fs::copy(&path, &other).unwrap();
    let (doc, disk) = edited(&other, "cocktail", 30);
    let written = recover::write(&doc, &disk, &gone(1), "autosave", 1)
        .unwrap()
        .unwrap();
    let planted = dir
        .path()
        .join(".forum-interconnectes-2017.toml.planted-1-1.agora-recover");
    std::fs::rename(&written, &planted).unwrap();
    // A symlink to a recovery elsewhere.
    let link = dir
        .path()
        .join(".forum-interconnectes-2017.toml.link-1-1.agora-recover");
    std::os::unix::fs::symlink(&planted, &link).unwrap();
    let found = recover::find(&path, &Instance::current(1));
    let whys: Vec<String> = found
        .iter()
        .map(|f| match f {
            Found::Foreign { why, .. } => why.clone(),
            other => panic!("offered: {other:?}"),
        })
        .collect();
    assert_eq!(whys.len(), 2, "{whys:?}");
    assert!(whys.iter().any(|w| w.contains("another event")), "{whys:?}");
    assert!(
        whys.iter().any(|w| w.contains("not a regular file")),
        "{whys:?}"
    );

    // Another user's file (only root can make one).
    std::fs::remove_file(&link).unwrap();
    std::fs::remove_file(&planted).unwrap();
    let (doc, disk) = edited(&path, "cocktail", 30);
    let mine = recover::write(&doc, &disk, &gone(2), "autosave", 2)
        .unwrap()
        .unwrap();
    // Recovery files take the event's permissions from the first byte.
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let private = recover::write(&doc, &disk, &gone(3), "autosave", 3)
        .unwrap()
        .unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&private), 0o600);
    if agora::instance::current_user() == 0 {
        std::os::unix::fs::chown(&mine, Some(4321), None).unwrap();
        let found = recover::find(&path, &Instance::current(1));
        assert!(
            found
                .iter()
                .any(|f| matches!(f, Found::Foreign { why, .. } if why.contains("uid 4321"))),
            "{found:?}"
        );
    }
}

/// Issue 16 item 3: behind a symlink, recovery files sit beside the real file, named after it.
#[cfg(unix)]
#[test]
fn recovery_of_an_event_opened_through_a_symlink_sits_beside_the_real_file() {
    let (dir, copied) = copy_event("events/forum-interconnectes-2017.toml");
    // The real file in a data folder; the organiser opens it by a link beside that folder.
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let path = dir.path().join("data/forum-interconnectes-2017.toml");
    std::fs::rename(&copied, &path).unwrap();
    let link = dir.path().join("forum.toml");
    std::os::unix::fs::symlink("data/forum-interconnectes-2017.toml", &link).unwrap();
    let (doc, disk) = edited(&link, "cocktail", 30);
    let me = gone(4);
    let written = recover::write(&doc, &disk, &me, "autosave", 4)
        .unwrap()
        .unwrap();
    assert_eq!(written.parent().unwrap(), dir.path().join("data"));
    assert!(written
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with(".forum-interconnectes-2017.toml."));
    // Found whichever name the event is opened by.
    assert_eq!(offers(&link).len(), 1);
    assert_eq!(offers(&path).len(), 1);
    assert_eq!(
        agora::instance::lock_path(&link),
        agora::instance::lock_path(&path)
    );
}

/// Issue 16 item 5: a restore replays the recovered edits onto the file as it is now: an
/// outside change (a comment, another session's title) stays; both sides on one session is a
/// conflict chosen by the organiser.
#[test]
fn restore_merges_with_changes_made_on_disk_since() {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let (doc, disk) = edited(&path, "cocktail", 30);
    let r = recover::snapshot(&doc, &disk, &gone(1), "SIGHUP", 1)
        .unwrap()
        .unwrap();
    let original = std::fs::read_to_string(&path).unwrap();
    let outside = original
        .replace(
            "title = \"Pause café\"\nkind = \"break\"\nstart = 2017-12-05T10:15:00",
            "title = \"Pause café et viennoiseries\"   # a colleague\nkind = \"break\"\nstart = 2017-12-05T10:15:00",
        )
        .replace("# Evening reception", "# Colleague: confirmed with the caterer.\n# Evening reception");
    std::fs::write(&path, &outside).unwrap();
    let (mut fresh, mut fresh_disk) = save::open(&path).unwrap();
    let replayed = recover::restore(&fresh, &fresh_disk, &r, &[]).unwrap();
    assert!(replayed.conflicts.is_empty());
    fresh.apply(&replayed.edit.unwrap());
    save::save(&mut fresh, &mut fresh_disk, false).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        saved,
        outside
            .replace("start = 2017-12-05T18:00:00", "start = 2017-12-05T18:30:00")
            .replace("end = 2017-12-05T20:30:00", "end = 2017-12-05T21:00:00")
    );

    // Both sides moved the cocktail: a conflict; choosing mine or theirs decides.
    std::fs::write(
        &path,
        original.replace("start = 2017-12-05T18:00:00", "start = 2017-12-05T17:45:00"),
    )
    .unwrap();
    let (fresh, fresh_disk) = save::open(&path).unwrap();
    let replayed = recover::restore(&fresh, &fresh_disk, &r, &[]).unwrap();
    assert_eq!(replayed.conflicts.len(), 1);
    assert_eq!(
        replayed.conflicts[0].clash,
        Clash::BothChanged(vec!["start".into()])
    );
    let theirs = recover::restore(&fresh, &fresh_disk, &r, &[Side::Theirs]).unwrap();
    let mut d = save::open(&path).unwrap().0;
    d.apply(&theirs.edit.unwrap());
    let s = &d.program.sessions[index(&d, "cocktail")];
    // Theirs kept the start; the end ours moved (unchanged on disk) merges in.
    assert_eq!(
        format!("{:?}", s.start.as_ref().unwrap().value),
        "Local(2017-12-05T17:45:00)"
    );
    assert_eq!(
        format!("{:?}", s.end.as_ref().unwrap().value),
        "Local(2017-12-05T21:00:00)"
    );
}

/// Issue 16 item 5: "keep mine" replays the edits onto the file changed on disk, item by item.
#[test]
fn keep_mine_merges_instead_of_overwriting() {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let (doc, disk) = edited(&path, "cocktail", 30);
    let original = std::fs::read_to_string(&path).unwrap();
    let outside = original.replace(
        "title = \"Clôture : feuille de route pour des territoires numériques inclusifs\"",
        "title = \"Clôture\"   # shorter, says Léa",
    );
    std::fs::write(&path, &outside).unwrap();
    let mut doc = doc;
    let mut disk = disk;
    assert!(matches!(
        save::save(&mut doc, &mut disk, false),
        Err(save::SaveError::ChangedOnDisk(_))
    ));
    let (mut fresh, mut fresh_disk) = save::open(&path).unwrap();
    let replayed = recover::keep_mine(&doc, &fresh, &fresh_disk, &[]).unwrap();
    assert!(replayed.conflicts.is_empty());
    let mut history = History::new();
    history.perform(&mut fresh, replayed.edit.unwrap());
    save::save(&mut fresh, &mut fresh_disk, false).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        outside
            .replace("start = 2017-12-05T18:00:00", "start = 2017-12-05T18:30:00")
            .replace("end = 2017-12-05T20:30:00", "end = 2017-12-05T21:00:00")
    );
    // Undoing the merge and saving gives the file as the colleague left it.
    history.undo(&mut fresh);
    save::save(&mut fresh, &mut fresh_disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), outside);
}

/// Deleted and saved, brought back by undo, then saved over an outside edit with "keep mine":
/// the result must be the original file with only the outside edit in it.
fn undone_delete_kept_over_an_outside_edit(delete: impl Fn(&Document) -> edit::Edit) {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let removal = delete(&doc);
    history.perform(&mut doc, removal);
    save::save(&mut doc, &mut disk, false).unwrap();
    let colleague =
        |text: &str| text.replace("title = \"Pause café\"", "title = \"Pause café longue\"");
    let outside = colleague(&std::fs::read_to_string(&path).unwrap());
    std::fs::write(&path, &outside).unwrap();
    history.undo(&mut doc);
    assert!(matches!(
        save::save(&mut doc, &mut disk, false),
        Err(save::SaveError::ChangedOnDisk(_))
    ));
    let (mut fresh, mut fresh_disk) = save::open(&path).unwrap();
    let replayed = recover::keep_mine(&doc, &fresh, &fresh_disk, &[]).unwrap();
    assert!(replayed.conflicts.is_empty());
    History::new().perform(&mut fresh, replayed.edit.unwrap());
    fresh.removed.extend(replayed.sources);
    save::save(&mut fresh, &mut fresh_disk, false).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        colleague(&original)
    );
}

/// Regression: a session brought back through "keep mine" was rebuilt from its values (its
/// comment lines gone, its multi-line `speakers` flattened, its `"""` description on one line,
/// its keys reordered, and the table moved to the end of the file).
#[test]
fn keep_mine_brings_a_session_back_with_its_own_text() {
    undone_delete_kept_over_an_outside_edit(|doc| {
        let i = index(doc, "digitalisation-bouscule-territoires");
        edit::Edit::RemoveSession {
            index: i,
            session: Box::new(doc.program.sessions[i].clone()),
            origin: doc.origins.sessions[i],
        }
    });
}

/// Regression: a room brought back through "keep mine" came back last (the grid's last
/// column) with its multi-line `open` on one line.
#[test]
fn keep_mine_brings_a_room_back_in_its_place_with_its_own_text() {
    undone_delete_kept_over_an_outside_edit(|doc| {
        let r = doc
            .program
            .rooms
            .iter()
            .position(|r| r.id == "amphi")
            .unwrap();
        edit::delete(doc, edit::Referenced::Room, r, true).unwrap()
    });
}

/// Regression: a recovery whose path names this event but whose `event_id` is another event's
/// was offered as the user's own (the editor now ignores it, saying why).
#[test]
fn a_recovery_of_another_event_id_is_told_apart() {
    let (_dir, path) = copy_event("events/forum-interconnectes-2017.toml");
    let (doc, disk) = edited(&path, "cocktail", 30);
    let written = recover::write(&doc, &disk, &gone(1), "autosave", 1)
        .unwrap()
        .unwrap();
    let text = std::fs::read_to_string(&written).unwrap();
    let planted = text.replace(
        "\"event_id\": \"forum-interconnectes-2017\"",
        "\"event_id\": \"some-other-event\"",
    );
    assert_ne!(planted, text, "the recovery names its event id");
    std::fs::write(&written, planted).unwrap();
    let offered: Vec<recover::Recovery> = offers(&path).into_iter().map(|(_, r)| r).collect();
    assert_eq!(offered.len(), 1);
    assert!(offered[0].names_another_event(&doc.program.event.id));
    assert!(!offered[0].names_another_event("some-other-event"));
}
