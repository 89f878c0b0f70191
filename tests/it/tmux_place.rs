//! End to end in a real terminal: `f` on a session lists its valid slots, the second one is
//! chosen, `:w` saves, and the file differs by exactly one line that `agora check` accepts.
//! Skipped (with a note) when tmux is not installed.

use crate::tmux::{changed_lines, check_json, seed_copy, Tmux};

#[test]
fn find_a_slot_pick_the_second_and_save_one_line_in_tmux() {
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the end-to-end terminal test");
        return;
    }
    let (dir, event) = seed_copy();
    let original = std::fs::read_to_string(&event).unwrap();
    let t = Tmux::start("place", dir.path(), &event, 110, 32);
    t.wait_for(" NORMAL ");
    t.send(&["/", "Design de services", "Enter"]);
    t.wait_for("match 1/1");
    t.send(&["f"]);
    let screen = t.wait_for("Valid slots for");
    assert!(screen.contains("Salle Rhône"), "{screen}");
    t.send(&["Down", "Enter"]);
    let screen = t.wait_for("[+]");
    assert!(screen.contains("✗ 0"), "{screen}");
    t.send(&[":", "w", "Enter"]);
    t.wait_for("Saved");
    let saved = std::fs::read_to_string(&event).unwrap();
    let changed = changed_lines(&original, &saved);
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].0, "start = 2017-12-05T14:00:00");
    assert!(
        changed[0].1.starts_with("start = 2017-12-05T"),
        "{changed:?}"
    );
    let json = check_json(&event);
    assert_eq!(json["summary"]["errors"], 0);
    t.send(&["q"]);
    t.wait_exit();
}
