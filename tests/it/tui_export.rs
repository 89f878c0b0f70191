//! `:export` from the editor, through the runner's effects: the program as on screen (unsaved
//! edits included), and the attendee's picks as a personal calendar.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use agora::save;
use agora::tui::action::{Action, Effect};
use agora::tui::app::App;
use agora::tui::runner::carry_out;

fn app() -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn command(app: &mut App, line: &str) -> Option<Effect> {
    app.update(Action::CommandLine);
    for c in line.chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit)
}

fn select(app: &mut App, id: &str) {
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap();
    app.reveal(i);
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

#[test]
fn picks_export_as_a_personal_calendar() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("mine.ics");
    let mut app = app();
    // No picks yet: a clear message, nothing written.
    let effect = command(&mut app, &format!("export ics {} --picks", out.display())).unwrap();
    assert!(carry_out(&mut app, effect).is_none());
    assert!(app.message.as_ref().unwrap().error);
    assert!(message(&app).contains("no picks"), "{}", message(&app));
    assert!(!out.exists());

    select(&mut app, "rgpd-collectivites");
    app.update(Action::TogglePick);
    select(&mut app, "cocktail");
    app.update(Action::TogglePick);
    let effect = command(&mut app, &format!("export ics {} --picks", out.display())).unwrap();
    carry_out(&mut app, effect);
    assert!(
        message(&app).starts_with("Exported ics to"),
        "{}",
        message(&app)
    );
    let ics = std::fs::read_to_string(&out).unwrap();
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{ics}");
    assert!(ics.contains("SUMMARY:Cocktail du Forum"));
    assert!(!ics.contains("Déjeuner"));
}

#[test]
fn export_shows_unsaved_edits_into_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    select(&mut app, "cocktail");
    app.update(Action::MoveEarlier);
    let effect = command(&mut app, &format!("export json {}", dir.path().display())).unwrap();
    assert_eq!(
        effect,
        Effect::Export {
            format: "json".into(),
            path: Some(dir.path().display().to_string()),
            picks: false
        }
    );
    carry_out(&mut app, effect);
    assert!(
        message(&app).starts_with("Exported 1 file into"),
        "{}",
        message(&app)
    );
    let json = std::fs::read_to_string(dir.path().join("forum-interconnectes-2017.json")).unwrap();
    assert!(
        json.contains("2017-12-05T17:45:00+01:00"),
        "the moved cocktail is exported"
    );
    assert!(app.history.is_dirty(), "exporting does not save");
}

#[test]
fn frab_formats_export_from_the_editor_as_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app();
    for (format, file) in [("frab-xml", "schedule.xml"), ("frab-json", "schedule.json")] {
        let out = dir.path().join(file);
        let effect = command(&mut app, &format!("export {format} {}", out.display())).unwrap();
        assert!(carry_out(&mut app, effect).is_none());
        assert!(!app.message.as_ref().unwrap().error, "{}", message(&app));
        let written = std::fs::read(&out).unwrap();
        // The same bytes as `agora export` (SOURCE_DATE_EPOCH does not enter frab files).
        let cli = assert_cmd::Command::cargo_bin("agora")
            .unwrap()
            .args(["export", format, "-o", "-"])
            .arg(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml"),
            )
            .output()
            .unwrap();
        assert_eq!(written, cli.stdout, "{format}");
    }
}
