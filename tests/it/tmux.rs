//! End to end in a real terminal: the `agora` binary runs in tmux on a copy of the seed event.
//! Move a session with `J`, `:w`, check the file changed by exactly one line and that
//! `agora check` sees the new time, undo, redo, resize, quit with the prompt; then kill the
//! terminal mid-edit and restore the recovery file.
//!
//! Skipped (with a note) when tmux is not installed, so `cargo test` passes anywhere; CI
//! installs tmux so it runs there.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

pub(crate) struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    pub(crate) fn available() -> bool {
        Command::new("tmux")
            .arg("-V")
            .output()
            .is_ok_and(|o| o.status.success())
    }

    pub(crate) fn cmd(&self) -> Command {
        let mut c = Command::new("tmux");
        c.args(["-L", &self.socket, "-f", "/dev/null"]);
        c
    }

    pub(crate) fn start(name: &str, dir: &Path, event: &Path, width: u16, height: u16) -> Tmux {
        Tmux::start_args(name, dir, &[&event.display().to_string()], width, height)
    }

    /// `agora ARGS…` in a new tmux server of its own, in `dir`.
    pub(crate) fn start_args(
        name: &str,
        dir: &Path,
        args: &[&str],
        width: u16,
        height: u16,
    ) -> Tmux {
        let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
        // `exec`: the pane's process is agora itself, so tests can signal it.
        let command = format!(
            "cd '{}' && exec env XDG_DATA_HOME='{}' TERM=xterm-256color '{}' {}",
            dir.display(),
            dir.join("data").display(),
            env!("CARGO_BIN_EXE_agora"),
            quoted.join(" ")
        );
        let t = Tmux::run(name, &command, width, height);
        // Keep the pane open after agora exits, to read its last words.
        t.cmd()
            .args(["set-option", "-t", &t.session, "remain-on-exit", "on"])
            .status()
            .unwrap();
        t
    }

    pub(crate) fn send(&self, keys: &[&str]) {
        let status = self
            .cmd()
            .args(["send-keys", "-t", &self.session])
            .args(keys)
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub(crate) fn screen(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The screen once two captures a moment apart agree: a capture taken while agora is
    /// redrawing may hold a line half written.
    fn settled_screen(&self) -> String {
        let mut screen = self.screen();
        for _ in 0..20 {
            std::thread::sleep(Duration::from_millis(40));
            let again = self.screen();
            if again == screen {
                break;
            }
            screen = again;
        }
        screen
    }

    /// Wait until the screen shows `text` (or fail, printing the screen); the screen returned
    /// is a settled one.
    pub(crate) fn wait_for(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                let settled = self.settled_screen();
                if settled.contains(text) {
                    return settled;
                }
            }
            if Instant::now() > deadline {
                panic!("the screen never showed {text:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Wait until the screen shows every one of `texts` at once (or fail, printing it).
    pub(crate) fn wait_for_all(&self, texts: &[&str]) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if texts.iter().all(|t| screen.contains(t)) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("the screen never showed all of {texts:?}; it shows:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn wait_without(&self, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let screen = self.screen();
            if !screen.contains(text) {
                return screen;
            }
            if Instant::now() > deadline {
                panic!("the screen still shows {text:?}:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn pane_dead(&self) -> bool {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", &self.session, "#{pane_dead}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim() == "1"
    }

    /// The screen and the lines scrolled off it.
    pub(crate) fn history(&self) -> String {
        let out = self
            .cmd()
            .args(["capture-pane", "-p", "-S", "-200", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The process id of the pane's command.
    pub(crate) fn pane_pid(&self) -> u32 {
        let out = self
            .cmd()
            .args(["display-message", "-p", "-t", &self.session, "#{pane_pid}"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap()
    }

    pub(crate) fn wait_exit(&self) {
        let deadline = Instant::now() + Duration::from_secs(15);
        while !self.pane_dead() {
            if Instant::now() > deadline {
                panic!("agora did not exit; the screen shows:\n{}", self.screen());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub(crate) fn resize(&self, width: u16, height: u16) {
        self.cmd()
            .args(["resize-window", "-t", &self.session])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .status()
            .unwrap();
    }

    /// Send a signal to agora.
    pub(crate) fn signal(&self, sig: &str) {
        let status = Command::new("kill")
            .args([&format!("-{sig}"), &self.pane_pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
    }

    pub(crate) fn kill(&self) {
        let _ = self.cmd().arg("kill-server").status();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.kill();
    }
}

pub(crate) fn seed_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let dst = dir.path().join("forum.toml");
    std::fs::copy(src, &dst).unwrap();
    (dir, dst)
}

/// The recovery files beside `event` (one per editor session that left edits).
pub(crate) fn recoveries(event: &Path) -> Vec<PathBuf> {
    let name = event.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<PathBuf> = std::fs::read_dir(event.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let f = p.file_name().unwrap().to_string_lossy();
            f.starts_with(&format!(".{name}.")) && f.ends_with(".agora-recover")
        })
        .collect();
    found.sort();
    found
}

/// Wait until the editor that wrote `recovery` has exited (it writes the file, then exits).
pub(crate) fn wait_writer_gone(recovery: &Path) {
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(recovery).unwrap()).unwrap();
    let pid = json["instance"]["pid"].as_u64().unwrap();
    let deadline = Instant::now() + Duration::from_secs(15);
    while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < deadline {
        let state = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        if state.contains(") Z") {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Wait until there are `n` recovery files beside `event`.
pub(crate) fn wait_recoveries(event: &Path, n: usize) -> Vec<PathBuf> {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = recoveries(event);
        if found.len() >= n || Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

pub(crate) fn changed_lines(a: &str, b: &str) -> Vec<(String, String)> {
    assert_eq!(a.lines().count(), b.lines().count(), "line count changed");
    a.lines()
        .zip(b.lines())
        .filter(|(x, y)| x != y)
        .map(|(x, y)| (x.to_string(), y.to_string()))
        .collect()
}

pub(crate) fn check_json(path: &Path) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_agora"))
        .args(["check", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn edit_save_undo_redo_resize_quit_and_recover_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("main", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");

    // Select "Design de services publics" (Salle Rhône, 14:00–15:30) by searching.
    t.send(&["/", "Design de services", "Enter"]);
    t.wait_for("match 1/1");
    // Three steps of 15 minutes: 14:45–16:15, into the 16:00 session of the same room.
    t.send(&["J", "J", "J"]);
    let screen = t.wait_for("✗ 1");
    assert!(screen.contains("[+]"), "{screen}");
    t.send(&[":", "w", "Enter"]);
    let screen = t.wait_for("Saved");
    assert!(!screen.contains("[+]"), "{screen}");

    let saved = std::fs::read_to_string(&event).unwrap();
    assert_eq!(
        changed_lines(&original, &saved),
        vec![(
            "start = 2017-12-05T14:00:00".to_string(),
            "start = 2017-12-05T14:45:00".to_string()
        )]
    );
    // `agora check` sees the new time and agrees with the editor's count.
    let json = check_json(&event);
    assert_eq!(json["summary"]["errors"], 1);
    let d = &json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "room-overlap")
        .unwrap()
        .clone();
    assert_eq!(d["sessions"][1], "design-services-publics");
    assert_eq!(d["end"], "2017-12-05T16:15:00+01:00");

    // Undo: back to no conflict, unsaved; redo: saved state again.
    t.send(&["u"]);
    let screen = t.wait_for("✗ 0");
    assert!(screen.contains("[+]"), "{screen}");
    t.send(&["C-r"]);
    let screen = t.wait_for("✗ 1");
    assert!(!screen.contains("[+]"), "{screen}");

    // Resize: smaller but usable, too small, then back.
    t.cmd()
        .args(["set-option", "-t", &t.session, "window-size", "manual"])
        .status()
        .unwrap();
    t.resize(70, 20);
    t.wait_for(" NORMAL ");
    t.resize(50, 12);
    t.wait_for("too small");
    t.resize(100, 30);
    t.wait_for(" NORMAL ");

    // Quit with unsaved edits: the prompt; discard.
    t.send(&["J"]);
    t.wait_for("[+]");
    t.send(&["q"]);
    t.wait_for("(w)rite");
    t.send(&["c"]);
    t.wait_without("(w)rite");
    t.send(&["q"]);
    t.wait_for("(w)rite");
    t.send(&["d"]);
    t.wait_exit();
    assert_eq!(std::fs::read_to_string(&event).unwrap(), saved, "discarded");
    assert!(recoveries(&event).is_empty());
    drop(t);

    // Kill the terminal mid-edit: a recovery file is left, the next launch offers it.
    let t = Tmux::start("hup", dir.path(), &event, 100, 30);
    t.wait_for(" NORMAL ");
    t.send(&["/", "Cocktail", "Enter"]);
    t.wait_for("match 1/1");
    t.send(&["K", "K"]);
    t.wait_for("[+]");
    t.kill();
    let found = wait_recoveries(&event, 1);
    assert_eq!(
        found.len(),
        1,
        "no recovery file after the terminal was killed"
    );
    wait_writer_gone(&found[0]);
    assert_eq!(
        std::fs::read_to_string(&event).unwrap(),
        saved,
        "nothing written to the event"
    );
    drop(t);

    let t = Tmux::start("restore", dir.path(), &event, 100, 30);
    t.wait_for("(r)estore");
    t.send(&["r"]);
    let screen = t.wait_for("restored");
    assert!(screen.contains("[+]"), "{screen}");
    t.send(&[":", "w", "q", "Enter"]);
    t.wait_exit();
    let after = std::fs::read_to_string(&event).unwrap();
    assert_eq!(
        changed_lines(&saved, &after),
        vec![
            (
                "start = 2017-12-05T18:00:00".to_string(),
                "start = 2017-12-05T17:30:00".to_string()
            ),
            (
                "end = 2017-12-05T20:30:00".to_string(),
                "end = 2017-12-05T20:00:00".to_string()
            ),
        ]
    );
    assert!(
        recoveries(&event).is_empty(),
        "the recovery file is removed once saved"
    );
}

impl Tmux {
    /// An interactive shell in tmux (job control on), in `dir`.
    pub(crate) fn shell(name: &str, dir: &Path, width: u16, height: u16) -> Tmux {
        let command = format!(
            "cd '{}' && env XDG_DATA_HOME='{}' TERM=xterm-256color PS1='shell$ ' bash --norc --noprofile -i",
            dir.display(),
            dir.join("data").display(),
        );
        Tmux::run(name, &command, width, height)
    }

    /// A new tmux server of its own running `command` in a `width`×`height` pane.
    fn run(name: &str, command: &str, width: u16, height: u16) -> Tmux {
        let t = Tmux {
            socket: format!("agora-test-{}-{name}", std::process::id()),
            session: "agora".into(),
        };
        let status = t
            .cmd()
            .args(["new-session", "-d", "-s", &t.session])
            .args(["-x", &width.to_string(), "-y", &height.to_string()])
            .arg(command)
            .status()
            .unwrap();
        assert!(status.success());
        t
    }
}

#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_editor_back_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let t = Tmux::shell("suspend", dir.path(), 100, 30);
    t.wait_for("shell$");
    t.send(&[
        &format!("'{}' '{}'", env!("CARGO_BIN_EXE_agora"), event.display()),
        "Enter",
    ]);
    t.wait_for(" NORMAL ");
    t.send(&["J"]);
    t.wait_for("[+]");
    // Suspended: the shell has a usable terminal (the editor's screen is gone).
    t.send(&["C-z"]);
    let screen = t.wait_for("Stopped");
    assert!(!screen.contains(" NORMAL "), "{screen}");
    t.send(&["echo still-here", "Enter"]);
    t.wait_for("still-here");
    // fg: the editor is back, drawn whole, with its unsaved edit.
    t.send(&["fg", "Enter"]);
    let screen = t.wait_for(" NORMAL ");
    assert!(screen.contains("[+]"), "{screen}");
    assert!(screen.contains("Back from the shell"), "{screen}");
    // Ctrl-c does not quit; q asks, d discards.
    t.send(&["C-c"]);
    t.wait_for("q quits");
    t.send(&["q"]);
    t.wait_for("(w)rite");
    t.send(&["d"]);
    t.wait_without(" NORMAL ");
}

/// Issue 16 item 17: `:edit` opens `$EDITOR` on the selected session's description with the
/// terminal given back (cooked mode, the editor's screen gone), reads the text back into the
/// form, and the editor's screen is drawn again; Enter and `:w` save it.
#[test]
fn edit_opens_the_external_editor_and_reads_the_description_back_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let script = dir.path().join("fake-editor.sh");
    let probe = dir.path().join("stty.txt");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nstty -a > '{}'\nprintf 'Ouverture officielle.\\nDeuxième ligne.\\n' > \"$1\"\n",
            probe.display()
        ),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let t = Tmux::shell("external-editor", dir.path(), 100, 30);
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
    t.send(&[":edit", "Enter"]);
    let screen = t.wait_for("Back from the editor");
    assert!(screen.contains("Ouverture officielle."), "{screen}");
    let stty = std::fs::read_to_string(&probe).unwrap();
    assert!(
        stty.split_whitespace().any(|w| w == "icanon"),
        "the editor ran in a cooked terminal: {stty}"
    );
    t.send(&["Enter"]);
    t.wait_for("[+]");
    t.send(&[":w", "Enter"]);
    t.wait_for("Saved");
    let program = agora::load::load_path(&event).unwrap();
    assert!(
        program
            .sessions
            .iter()
            .any(|s| s.description.as_deref() == Some("Ouverture officielle.\nDeuxième ligne.")),
        "the description was saved"
    );
    t.send(&[":q", "Enter"]);
    t.wait_for("shell$");
}

/// Issue 16 item 18: a session dragged with the mouse (SGR mouse reports, as a terminal sends
/// them) is held while dragging and moved on release, as one undoable step.
#[test]
fn drag_and_drop_with_the_mouse_moves_a_session_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("drag", dir.path(), &event, 100, 30);
    let screen = t.wait_for(" NORMAL ");
    // Where the session is drawn: its title's first cell (1-based, as mouse reports count).
    let (y, x) = screen
        .lines()
        .enumerate()
        .find_map(|(y, line)| {
            let chars: Vec<char> = line.chars().collect();
            let title: Vec<char> = "Startups de".chars().collect();
            (0..chars.len())
                .find(|&i| chars[i..].starts_with(&title))
                .map(|x| (y + 1, x + 1))
        })
        .unwrap_or_else(|| panic!("the session is on screen: {screen}"));
    t.send(&["-l", &format!("\x1b[<0;{x};{y}M")]);
    // Two rows down (30 minutes at the 15-minute step), the button held.
    t.send(&["-l", &format!("\x1b[<32;{x};{}M", y + 2)]);
    // Waiting for the whole text asserted: a capture may catch a line half redrawn.
    t.wait_for_all(&[" GRAB ", "Holding 'Startups de territoire"]);
    t.send(&["-l", &format!("\x1b[<0;{x};{}m", y + 2)]);
    t.wait_for_all(&["Moved 'Startups de territoire", "11:15–12:45"]);
    t.send(&[":w", "Enter"]);
    t.wait_for("Saved");
    let after = std::fs::read_to_string(&event).unwrap();
    let changed = changed_lines(&original, &after);
    assert_eq!(changed.len(), 1, "one line changed: {changed:?}");
    assert!(changed[0].1.contains("11:15"), "{changed:?}");
    // One undo puts it back.
    t.send(&["u"]);
    t.wait_for("10:45–12:15");
    t.send(&[":wq", "Enter"]);
    t.wait_exit();
    assert_eq!(std::fs::read_to_string(&event).unwrap(), original);
}

/// Issue 16 item 18: `:rooms` hides rooms from the grid, end to end: the grid says how many it
/// shows, `L` moves a session over a hidden room, the picker's Esc puts the choice back, and
/// `:rooms all` shows every room again.
#[test]
fn rooms_command_chooses_the_grids_rooms_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("rooms", dir.path(), &event, 100, 30);
    let screen = t.wait_for(" NORMAL ");
    assert!(screen.contains("Salle Rhône"), "{screen}");
    t.send(&[":rooms amphi saone", "Enter"]);
    let screen = t.wait_for("2 of 5 rooms shown");
    let header = screen
        .lines()
        .find(|l| l.contains("Amphithéâtre"))
        .unwrap_or_else(|| panic!("the rooms line: {screen}"));
    assert!(header.contains("Salle Saône"), "{screen}");
    assert!(!screen.contains("Salle Rhône"), "{screen}");
    assert!(
        screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("2 of 5 rooms")),
        "the grid's top line: {screen}"
    );
    // The amphitheatre's 10:45 panel, one room right: over the hidden Salle Rhône.
    t.send(&[":goto 10:45", "Enter"]);
    t.wait_for("Zones blanches");
    t.send(&["L"]);
    t.send(&[":w", "Enter"]);
    t.wait_for("Saved");
    let after = std::fs::read_to_string(&event).unwrap();
    let changed = changed_lines(&original, &after);
    assert_eq!(changed.len(), 1, "one line changed: {changed:?}");
    assert!(
        changed[0].1.contains("room = \"salle-saone\""),
        "{changed:?}"
    );
    // The picker: a room shown at once with Enter, put back with Esc.
    t.send(&[":rooms", "Enter"]);
    t.wait_for("Rooms the grid shows");
    t.send(&["-l", "rhone"]);
    t.send(&["Enter"]);
    t.wait_for("[x] Salle Rhône");
    t.send(&["Escape"]);
    t.wait_for("Unchanged: 2 of 5 rooms shown");
    t.send(&[":rooms all", "Enter"]);
    let screen = t.wait_for("All 5 rooms shown");
    assert!(screen.contains("Salle Rhône"), "{screen}");
    t.send(&["u"]);
    t.send(&[":wq", "Enter"]);
    t.wait_exit();
    assert_eq!(std::fs::read_to_string(&event).unwrap(), original);
}

#[test]
fn the_editor_speaks_the_users_language_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    for (locale, tab, heading, line, question) in [
        (
            "LC_ALL= LC_MESSAGES= LANG=fr_FR.UTF-8",
            "Grille",
            "Se déplacer",
            "curseur vers le haut",
            "Modifications non enregistrées. (w) enregistrer et quitter",
        ),
        (
            "LC_ALL=C LANG=fr_FR.UTF-8",
            "Grid",
            "Move",
            "cursor up",
            "Unsaved edits. (w)rite and quit",
        ),
    ] {
        let t = Tmux::shell("words", dir.path(), 110, 30);
        t.wait_for("shell$");
        t.send(&[
            &format!(
                "{locale} '{}' '{}'",
                env!("CARGO_BIN_EXE_agora"),
                event.display()
            ),
            "Enter",
        ]);
        let screen = t.wait_for(&format!(" {tab} "));
        t.send(&["?"]);
        let help = t.wait_for(heading);
        assert!(help.contains(heading), "{locale}: {screen}\n{help}");
        assert!(help.contains(line), "{locale}: {help}");
        // An edit, then quitting: the question is in the same language; (d) discards.
        t.send(&["Escape", "J", "q"]);
        let asked = t.wait_for(question);
        assert!(asked.contains(question), "{locale}: {asked}");
        t.send(&["d"]);
        t.wait_for("shell$");
        t.kill();
    }
}
