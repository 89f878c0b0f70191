//! The editor's effects carried out on real files (QA of issue 16): an event file removed or
//! renamed while editing is said to be gone, and the next `:w` writes it again.

#![allow(clippy::unwrap_used)]

use agora::save;
use agora::tui::action::{Action, Effect};
use agora::tui::app::App;
use agora::tui::runner::carry_out;

fn command(app: &mut App, line: &str) -> Option<Effect> {
    app.update(Action::CommandLine);
    for c in line.chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit)
}

#[test]
fn a_file_renamed_away_is_said_gone_and_written_again_by_w() {
    let (dir, event) = crate::tmux::seed_copy();
    let (doc, disk) = save::open(&event).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "cocktail")
        .unwrap();
    app.reveal(i);
    app.update(Action::MoveLater);
    let moved = dir.path().join("moved.toml");
    std::fs::rename(&event, &moved).unwrap();
    let effect = command(&mut app, "w").unwrap();
    assert!(carry_out(&mut app, effect).is_none());
    let said = app.message.as_ref().unwrap();
    assert!(said.error);
    assert!(said.text.contains("is gone from disk"), "{}", said.text);
    assert!(said.text.contains(":w writes it again"), "{}", said.text);
    assert!(!event.exists());
    assert!(app.history.is_dirty(), "the edits are still here");
    // `:w` again: written at its name, with the edit; the renamed copy untouched.
    let effect = command(&mut app, "w").unwrap();
    assert!(carry_out(&mut app, effect).is_none());
    assert!(!app.history.is_dirty());
    let text = std::fs::read_to_string(&event).unwrap();
    assert!(text.contains("start = 2017-12-05T18:15:00"), "{text}");
    assert!(std::fs::read_to_string(&moved)
        .unwrap()
        .contains("start = 2017-12-05T18:00:00"));
}
