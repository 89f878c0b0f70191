//! End to end in tmux, what keeps work from being lost (issue 16): saving through a symlink,
//! two editors on one file, "keep mine" merging an outside edit, and recovery after
//! `kill -HUP` / `kill -9` with an earlier recovery that was ignored.
//!
//! Skipped (with a note) when tmux is not installed, like `tmux.rs`.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use crate::tmux::{changed_lines, recoveries, seed_copy, wait_recoveries, wait_writer_gone, Tmux};

fn skip() -> bool {
    if Tmux::available() {
        return false;
    }
    eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
    true
}

const COCKTAIL: (&str, &str) = ("start = 2017-12-05T18:00:00", "start = 2017-12-05T18:15:00");
const COCKTAIL_END: (&str, &str) = ("end = 2017-12-05T20:30:00", "end = 2017-12-05T20:45:00");

fn pair(p: (&str, &str)) -> (String, String) {
    (p.0.to_string(), p.1.to_string())
}

/// Select the cocktail and move it one step later.
fn move_cocktail(t: &Tmux) {
    t.send(&["/", "Cocktail", "Enter"]);
    t.wait_for("match 1/1");
    t.send(&["J"]);
    t.wait_for("[+]");
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[cfg(unix)]
#[test]
fn saving_through_a_symlink_writes_the_real_file_and_keeps_the_link() {
    if skip() {
        return;
    }
    let (dir, copied) = seed_copy();
    std::fs::create_dir(dir.path().join("data")).unwrap();
    let real = dir.path().join("data/forum.toml");
    std::fs::rename(&copied, &real).unwrap();
    let link = dir.path().join("forum.toml");
    std::os::unix::fs::symlink("data/forum.toml", &link).unwrap();
    let original = std::fs::read_to_string(&real).unwrap();

    let t = Tmux::start("symlink", dir.path(), &link, 100, 30);
    t.wait_for(" NORMAL ");
    // The instance lock sits beside the real file.
    let lock = dir.path().join("data/.forum.toml.agora-lock");
    wait_until("the lock", || lock.exists());
    move_cocktail(&t);
    t.send(&[":", "w", "Enter"]);
    t.wait_for("Saved");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let saved = std::fs::read_to_string(&real).unwrap();
    assert_eq!(
        changed_lines(&original, &saved),
        vec![pair(COCKTAIL), pair(COCKTAIL_END)]
    );
    // A second save after an outside edit of the real file is noticed through the link.
    std::fs::write(
        &real,
        saved.replace("title = \"Cocktail du Forum\"", "title = \"Cocktail\""),
    )
    .unwrap();
    t.send(&["J", ":", "w", "Enter"]);
    t.wait_for("changed on disk");
    t.send(&["k"]);
    t.wait_without("[+]");
    let merged = std::fs::read_to_string(&real).unwrap();
    assert!(merged.contains("title = \"Cocktail\"\n"), "{merged}");
    assert!(merged.contains("start = 2017-12-05T18:30:00"), "{merged}");
    t.send(&[":", "q", "Enter"]);
    t.wait_exit();
    assert!(!lock.exists(), "the lock is removed on quit");
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn a_second_editor_is_warned_and_never_deletes_the_first_ones_recovery() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let first = Tmux::start("first", dir.path(), &event, 100, 30);
    first.wait_for(" NORMAL ");
    move_cocktail(&first);
    // Its autosave, a few seconds after the last key.
    let autosave = wait_recoveries(&event, 1);
    assert_eq!(autosave.len(), 1, "the first editor autosaves");
    let autosaved = std::fs::read(&autosave[0]).unwrap();

    // The second editor is told, and its recovery question does not offer the live autosave.
    let second = Tmux::start("second", dir.path(), &event, 100, 30);
    second.wait_for("Another agora");
    let screen = second.wait_for("(q)uit");
    assert!(
        screen.contains(&format!("process {}", first.pane_pid())),
        "{screen}"
    );
    assert!(!screen.contains("(r)estore"), "{screen}");
    second.send(&["r"]);
    let screen = second.wait_for(" NORMAL ");
    assert!(!screen.contains("(r)estore"), "{screen}");
    // Read-only: an edit cannot be saved.
    second.send(&["/", "Clôture", "Enter"]);
    second.wait_for("match");
    second.send(&["J", ":", "w", "Enter"]);
    second.wait_for("Read-only");
    assert_eq!(std::fs::read_to_string(&event).unwrap(), original);
    // Quitting and dropping its edits leaves the first editor's autosave alone.
    second.send(&["q"]);
    second.wait_for("(w)rite");
    second.send(&["d"]);
    second.wait_exit();
    assert_eq!(std::fs::read(&autosave[0]).unwrap(), autosaved);

    // The first editor crashes: its autosave is offered to the next one.
    first.signal("KILL");
    wait_writer_gone(&autosave[0]);
    drop(first);
    let third = Tmux::start("third", dir.path(), &event, 100, 30);
    third.wait_for("(r)estore");
    third.send(&["r"]);
    third.wait_for("restored");
    third.send(&[":", "w", "q", "Enter"]);
    third.wait_exit();
    assert_eq!(
        changed_lines(&original, &std::fs::read_to_string(&event).unwrap()),
        vec![pair(COCKTAIL), pair(COCKTAIL_END)]
    );
    assert!(recoveries(&event).is_empty());
}

#[test]
fn keep_mine_merges_an_outside_edit_and_asks_about_a_clash() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("merge", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    move_cocktail(&t);
    // A colleague edits the file meanwhile: a comment and another session's title.
    let outside = original
        .replace(
            "# Evening reception",
            "# Léa: the caterer is confirmed.\n# Evening reception",
        )
        .replace(
            "title = \"Clôture : feuille de route pour des territoires numériques inclusifs\"",
            "title = \"Clôture\"",
        );
    std::fs::write(&event, &outside).unwrap();
    t.send(&[":", "w", "Enter"]);
    t.wait_for("changed on disk");
    t.send(&["k"]);
    t.wait_for("Saved");
    let saved = std::fs::read_to_string(&event).unwrap();
    assert_eq!(
        saved,
        outside
            .replace(COCKTAIL.0, COCKTAIL.1)
            .replace(COCKTAIL_END.0, COCKTAIL_END.1)
    );

    // Now both sides move the cocktail: the clash is asked about; "mine" wins it.
    t.send(&["J"]);
    t.wait_for("[+]");
    std::fs::write(
        &event,
        saved.replace("start = 2017-12-05T18:15:00", "start = 2017-12-05T19:00:00"),
    )
    .unwrap();
    t.send(&[":", "w", "Enter"]);
    t.wait_for("changed on disk");
    t.send(&["k"]);
    let screen = t.wait_for("Conflict 1 of 1");
    assert!(screen.contains("cocktail"), "{screen}");
    t.send(&["m"]);
    t.wait_without("[+]");
    let after = std::fs::read_to_string(&event).unwrap();
    assert!(after.contains("start = 2017-12-05T18:30:00"), "{after}");
    assert!(
        after.contains("# Léa: the caterer is confirmed."),
        "{after}"
    );
    // The merge is one undoable step: undo and save gives the colleague's file back.
    t.send(&["u"]);
    t.wait_for("[+]");
    t.send(&[":", "w", "Enter"]);
    t.wait_without("[+]");
    assert_eq!(
        std::fs::read_to_string(&event).unwrap(),
        saved.replace("start = 2017-12-05T18:15:00", "start = 2017-12-05T19:00:00")
    );
    t.send(&[":", "q", "Enter"]);
    t.wait_exit();
}

#[test]
fn recovery_after_hup_and_kill_9_with_an_earlier_ignored_recovery() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    // 1. An edit, then the terminal's hangup: a recovery file.
    let t = Tmux::start("hup-ignored", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    move_cocktail(&t);
    t.signal("HUP");
    let first = wait_recoveries(&event, 1);
    assert_eq!(first.len(), 1);
    wait_writer_gone(&first[0]);
    let first_bytes = std::fs::read(&first[0]).unwrap();
    drop(t);

    // 2. Reopen, ignore it, make another edit; the autosave runs into its own file.
    let t = Tmux::start("ignore", dir.path(), &event, 100, 30);
    t.wait_for("(r)estore");
    t.send(&["i"]);
    t.wait_for(" NORMAL ");
    t.send(&["/", "Clôture", "Enter"]);
    t.wait_for("match");
    t.send(&["K"]);
    t.wait_for("[+]");
    let both = wait_recoveries(&event, 2);
    assert_eq!(
        both.len(),
        2,
        "the autosave runs while an older recovery exists"
    );
    assert_eq!(
        std::fs::read(&first[0]).unwrap(),
        first_bytes,
        "never overwritten"
    );
    // 3. kill -9: both stay.
    t.signal("KILL");
    let second: Vec<_> = both.iter().filter(|p| **p != first[0]).cloned().collect();
    wait_writer_gone(&second[0]);
    drop(t);
    assert_eq!(recoveries(&event).len(), 2);

    // 4. Reopen: both are offered, newest first; restoring both brings both edits back.
    let t = Tmux::start("both", dir.path(), &event, 100, 30);
    t.wait_for("1 of 2");
    t.send(&["r"]);
    t.wait_for("(r)estore");
    t.send(&["r"]);
    t.wait_for("restored");
    t.send(&[":", "w", "q", "Enter"]);
    t.wait_exit();
    let after = std::fs::read_to_string(&event).unwrap();
    assert_eq!(
        changed_lines(&original, &after),
        vec![
            pair(COCKTAIL),
            pair(COCKTAIL_END),
            (
                "start = 2017-12-06T16:00:00".to_string(),
                "start = 2017-12-06T15:45:00".to_string()
            ),
        ]
    );
    assert!(recoveries(&event).is_empty(), "both removed once saved");
    assert!(!Path::new(&dir.path().join(".forum.toml.agora-lock")).exists());
}
