//! End to end in tmux, the edges the second QA of issue 16 found: a multi-line paste, a
//! read-only file, `SIGTSTP` from outside and `Ctrl-z` in a form, a signal while `$EDITOR`
//! runs, the autosave during a steady run of edits, a form's typed text on `SIGHUP`, and two
//! agoras handing the lock over (with their picks merged).
//!
//! Skipped (with a note) when tmux is not installed, like `tmux.rs`. Processes are signalled
//! by their pid only.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tmux::{recoveries, seed_copy, wait_recoveries, Tmux};

fn skip() -> bool {
    if Tmux::available() {
        return false;
    }
    eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
    true
}

fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !ok() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn cocktail(t: &Tmux) {
    t.send(&["/", "Cocktail", "Enter"]);
    t.wait_for("match 1/1");
}

/// Paste `text` as a terminal does (bracketed when the program asked for it).
fn paste(t: &Tmux, text: &str) {
    assert!(t
        .cmd()
        .args(["set-buffer", "-b", "qa", text])
        .status()
        .unwrap()
        .success());
    assert!(t
        .cmd()
        .args(["paste-buffer", "-p", "-b", "qa", "-t", "agora"])
        .status()
        .unwrap()
        .success());
}

/// The pid of the one child of the pane's shell (agora run from it).
fn child_of(t: &Tmux) -> u32 {
    let shell = t.pane_pid();
    let mut pid = None;
    wait_until("agora under the shell", || {
        let children =
            std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children")).unwrap();
        pid = children
            .split_whitespace()
            .next()
            .map(|p| p.parse().unwrap());
        pid.is_some()
    });
    pid.unwrap()
}

fn kill(sig: &str, pid: u32) {
    assert!(Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status()
        .unwrap()
        .success());
}

fn session<'a>(p: &'a agora::model::Program, id: &str) -> &'a agora::model::Session {
    p.sessions.iter().find(|s| s.id == id).unwrap()
}

/// QA 0: a multi-line paste in a description is text (its lines kept), never keys; in normal
/// mode a pasted `d` and `:q!` do nothing.
#[test]
fn a_multi_line_paste_is_text_in_the_form_and_ignored_in_normal_mode() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let t = Tmux::start("paste", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    cocktail(&t);
    t.send(&["e"]);
    t.wait_for(" EDIT ");
    for _ in 0..9 {
        t.send(&["Tab"]);
    }
    paste(&t, "Premier paragraphe.\n\nDeuxième paragraphe.\n");
    // The form is still open: no line break was an Enter.
    std::thread::sleep(Duration::from_millis(300));
    t.wait_for(" EDIT ");
    t.send(&["Enter"]);
    t.wait_for("[+]");
    t.send(&[":w", "Enter"]);
    t.wait_for("Saved");
    let program = agora::load::load_path(&event).unwrap();
    let s = session(&program, "cocktail");
    assert_eq!(
        s.description.as_deref(),
        Some("Premier paragraphe.\n\nDeuxième paragraphe.")
    );
    assert_eq!(s.title, "Cocktail du Forum");
    // Normal mode: nothing pasted runs.
    let before = std::fs::read_to_string(&event).unwrap();
    paste(&t, "d:q!\n");
    let screen = t.wait_for("Paste ignored");
    assert!(!t.pane_dead(), "{screen}");
    assert!(!screen.contains("[+]"), "{screen}");
    assert_eq!(std::fs::read_to_string(&event).unwrap(), before);
    t.send(&[":q", "Enter"]);
    t.wait_exit();
}

/// QA 6: a 0444 file is `[RO]`; `:w` is refused, `:w!` writes it and keeps its mode.
#[cfg(unix)]
#[test]
fn a_read_only_file_is_marked_and_refused_and_w_bang_writes_it() {
    use std::os::unix::fs::PermissionsExt;
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    std::fs::set_permissions(&event, std::fs::Permissions::from_mode(0o444)).unwrap();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("readonly", dir.path(), &event, 100, 30);
    t.wait_for("[RO]");
    cocktail(&t);
    t.send(&["J"]);
    t.wait_for("[+]");
    t.send(&[":w", "Enter"]);
    let screen = t.wait_for("Not saved");
    assert!(screen.contains("[RO]"), "{screen}");
    assert_eq!(std::fs::read_to_string(&event).unwrap(), original);
    t.send(&[":w!", "Enter"]);
    t.wait_for("Saved");
    assert!(std::fs::read_to_string(&event)
        .unwrap()
        .contains("start = 2017-12-05T18:15:00"));
    let mode = std::fs::metadata(&event).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o444);
    t.send(&[":q", "Enter"]);
    t.wait_exit();
}

/// QA 9a and 9: `kill -TSTP` from outside gives the terminal back and `fg` takes it again
/// (Enter runs commands); `Ctrl-z` in a form suspends, and `fg` comes back to the form.
#[test]
fn sigtstp_from_outside_and_ctrl_z_in_a_form_come_back_usable() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let t = Tmux::shell("tstp", dir.path(), 100, 30);
    t.wait_for("shell$");
    t.send(&[
        &format!("'{}' '{}'", env!("CARGO_BIN_EXE_agora"), event.display()),
        "Enter",
    ]);
    t.wait_for(" NORMAL ");
    let agora = child_of(&t);
    cocktail(&t);
    t.send(&["e"]);
    t.wait_for(" EDIT ");
    t.send(&[" abc"]);
    t.wait_for("Forum abc");
    t.send(&["C-z"]);
    let screen = t.wait_for("Stopped");
    assert!(!screen.contains(" EDIT "), "{screen}");
    t.send(&["fg", "Enter"]);
    let screen = t.wait_for("Back from the shell");
    assert!(screen.contains(" EDIT "), "back in the form: {screen}");
    t.send(&["Enter"]);
    t.wait_for("[+]");
    // From outside now.
    kill("TSTP", agora);
    let screen = t.wait_for("Stopped");
    assert!(
        !screen.contains(" NORMAL "),
        "the terminal was given back: {screen}"
    );
    t.send(&["fg", "Enter"]);
    t.wait_for("Back from the shell");
    t.send(&[":wq", "Enter"]);
    t.wait_for("shell$");
    let program = agora::load::load_path(&event).unwrap();
    assert_eq!(session(&program, "cocktail").title, "Cocktail du Forum abc");
}

/// QA 3: a signal while `$EDITOR` runs finds the edits made just before it in a recovery
/// file, and the message names that file.
#[test]
fn a_signal_while_the_external_editor_runs_keeps_the_last_edits() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let script = dir.path().join("slow-editor.sh");
    let started = dir.path().join("editor-started");
    std::fs::write(
        &script,
        format!("#!/bin/sh\ntouch '{}'\nsleep 6\n", started.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let t = Tmux::shell("editor-hup", dir.path(), 100, 30);
    t.wait_for("shell$");
    t.send(&[
        &format!(
            "EDITOR='{}' '{}' '{}'",
            script.display(),
            env!("CARGO_BIN_EXE_agora"),
            event.display()
        ),
        "Enter",
    ]);
    t.wait_for(" NORMAL ");
    let agora = child_of(&t);
    cocktail(&t);
    t.send(&["J", ":edit", "Enter"]);
    wait_until("the editor", || started.exists());
    kill("HUP", agora);
    let found = wait_recoveries(&event, 1);
    assert_eq!(
        found.len(),
        1,
        "a recovery file was written before the editor ran"
    );
    let text = std::fs::read_to_string(&found[0]).unwrap();
    assert!(text.contains("start = 2017-12-05T18:15:00"), "{text}");
    let name = found[0].file_name().unwrap().to_string_lossy().into_owned();
    t.wait_for("agora stopped");
    // Wrapped lines joined: the message names the file.
    let out = t
        .cmd()
        .args(["capture-pane", "-p", "-J", "-S", "-200", "-t", "agora"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(said.contains(&name), "the message names the file: {said}");
    assert!(said.contains("while busy"), "{said}");
}

/// QA 3b: a steady run of edits (one every 0.7 s) is autosaved within 10 s of the first.
#[test]
fn a_steady_run_of_edits_is_autosaved_within_the_maximum_delay() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let t = Tmux::start("steady", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    cocktail(&t);
    let first = Instant::now();
    let mut seen = None;
    for _ in 0..22 {
        t.send(&["J"]);
        std::thread::sleep(Duration::from_millis(700));
        if !recoveries(&event).is_empty() {
            seen = Some(first.elapsed());
            break;
        }
    }
    let seen = seen.expect("no autosave during a steady run of edits");
    assert!(seen < Duration::from_secs(13), "autosaved after {seen:?}");
    t.send(&[":q!", "Enter"]);
    t.wait_exit();
}

/// QA 4: the text typed in an open form is in the recovery written on `SIGHUP`.
#[test]
fn a_forms_typed_text_is_kept_by_the_recovery_on_sighup() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let t = Tmux::start("form-hup", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    cocktail(&t);
    t.send(&["e"]);
    t.wait_for(" EDIT ");
    t.send(&[" LONG TYPED TEXT"]);
    t.wait_for("LONG TYPED TEXT");
    t.signal("HUP");
    let found = wait_recoveries(&event, 1);
    assert_eq!(found.len(), 1, "the typed text makes a recovery file");
    let text = std::fs::read_to_string(&found[0]).unwrap();
    assert!(
        text.contains("title = \\\"Cocktail du Forum LONG TYPED TEXT\\\""),
        "{text}"
    );
    // Offered and restored on the next open.
    t.wait_exit();
    let again = Tmux::start("form-hup-2", dir.path(), &event, 100, 30);
    again.wait_for("(r)estore");
    again.send(&["r"]);
    again.wait_for("[+]");
    again.send(&[":wq", "Enter"]);
    again.wait_exit();
    let program = agora::load::load_path(&event).unwrap();
    assert_eq!(
        session(&program, "cocktail").title,
        "Cocktail du Forum LONG TYPED TEXT"
    );
}

fn lock_pid(event: &Path) -> Option<u64> {
    let lock = event.with_file_name(".forum.toml.agora-lock");
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(lock).ok()?).ok()?;
    json["instance"]["pid"].as_u64()
}

/// QA 7, 7b and 8: a read-only second agora shows a lasting `[RO]`, takes the lock when the
/// first quits (saving comes back, and a third agora is warned about it); picks starred in
/// both are all kept.
#[test]
fn the_lock_is_handed_over_saving_comes_back_and_picks_are_merged() {
    if skip() {
        return;
    }
    let (dir, event) = seed_copy();
    let first = Tmux::start("hand-1", dir.path(), &event, 100, 30);
    first.wait_for(" NORMAL ");
    let second = Tmux::start("hand-2", dir.path(), &event, 100, 30);
    second.wait_for("Another agora");
    second.send(&["r"]);
    second.wait_for("[RO]");
    second.send(&["Escape"]);
    // Picks in both.
    cocktail(&first);
    first.send(&["*"]);
    std::thread::sleep(Duration::from_millis(300));
    second.send(&["/", "Clôture", "Enter"]);
    second.wait_for("match");
    second.send(&["*"]);
    std::thread::sleep(Duration::from_millis(300));
    let picks_file = dir
        .path()
        .join("data/agora/picks/forum-interconnectes-2017.json");
    let picks = std::fs::read_to_string(&picks_file).unwrap();
    assert!(picks.contains("\"cocktail\""), "{picks}");
    second.send(&["J"]);
    second.wait_for("[+]");
    let screen = second.screen();
    assert!(screen.contains("[RO]"), "a lasting mark: {screen}");
    second.send(&[":w", "Enter"]);
    second.wait_for("Read-only");
    // The first quits: the second takes the lock, and saving is back.
    first.send(&[":q", "Enter"]);
    first.wait_exit();
    second.wait_for("saving is back");
    let screen = second.wait_without("[RO]");
    assert!(screen.contains("[+]"), "{screen}");
    assert_eq!(lock_pid(&event), Some(u64::from(second.pane_pid())));
    let third = Tmux::start("hand-3", dir.path(), &event, 100, 30);
    let screen = third.wait_for("Another agora");
    assert!(
        screen.contains(&format!("process {}", second.pane_pid())),
        "{screen}"
    );
    third.send(&["q"]);
    third.wait_exit();
    second.send(&[":w", "Enter"]);
    second.wait_for("Saved");
    second.send(&[":q", "Enter"]);
    second.wait_exit();
    let picks = std::fs::read_to_string(&picks_file).unwrap();
    let json: serde_json::Value = serde_json::from_str(&picks).unwrap();
    assert_eq!(json["picks"].as_array().unwrap().len(), 2, "{picks}");
}
