//! `agora PATH` when output is not a terminal, and `agora keys`, through the real binary.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use assert_cmd::Command;

fn agora() -> Command {
    let mut c = Command::cargo_bin("agora").unwrap();
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("SOURCE_DATE_EPOCH", "1512478800");
    c
}

#[test]
fn without_a_terminal_the_agenda_and_the_check_summary_are_printed() {
    let out = agora()
        .arg("events/forum-interconnectes-2017.toml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("FORUM DES INTERCONNECTÉS"), "{text}");
    assert!(text.contains("14:00–15:30   Comment la digitalisation bouscule les territoires"));
    assert!(
        text.ends_with("forum-interconnectes-2017: 0 errors, 0 warnings, 0 infos (28 sessions)\n")
    );
    // The same through `agora edit`, and with no path (the only event under ./events/).
    let edit = agora()
        .args(["edit", "events/forum-interconnectes-2017.toml"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(edit.stdout).unwrap(), text);
    let bare = agora().output().unwrap();
    assert_eq!(String::from_utf8(bare.stdout).unwrap(), text);
    // Errors in the program: exit 1, like `agora check`.
    let bad = agora()
        .arg("events/examples/every-rule.toml")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(1));
    // Unreadable input: exit 2 with the file named.
    let missing = agora().arg("events/nope.toml").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8(missing.stderr)
        .unwrap()
        .contains("events/nope.toml"));
}

#[test]
fn keys_lists_every_binding() {
    let out = agora().arg("keys").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for b in agora::tui::keymap::BINDINGS {
        assert!(text.contains(b.help), "missing {:?}", b.help);
    }
    assert!(text.contains("J  ") && text.contains("move the session one step later"));
}
