//! The editor at its edges (issue 16, second round of QA): pastes, read-only files and
//! instances, files gone from disk, suspending from every mode, command history.

#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::save;
use crate::tui::action::{Action, Effect, Mode, Msg};
use crate::tui::app::App;
use crate::tui::form::FormKey;
use crate::tui::keymap::Key;

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml")
}

fn app() -> App {
    let (doc, disk) = save::open(&seed()).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn select(app: &mut App, id: &str) -> usize {
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap();
    app.reveal(i);
    i
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

fn typed(app: &mut App, text: &str) -> Vec<Effect> {
    text.chars()
        .filter_map(|c| app.handle_key(Key::Char(c)))
        .collect()
}

#[test]
fn a_paste_in_the_description_keeps_its_lines_and_never_runs_as_keys() {
    let mut app = app();
    let i = select(&mut app, "digitalisation-bouscule-territoires");
    app.update(Action::EditForm);
    assert_eq!(app.mode, Mode::Form);
    let form = app.form.as_mut().unwrap();
    form.focus = FormKey::Description as usize;
    form.values[form.focus].clear();
    let text = "Premier paragraphe.\n\nDeuxième paragraphe, avec des détails.\n";
    assert_eq!(app.update(Msg::Pasted(text.into())), None);
    // Still in the form: no newline was an Enter.
    assert_eq!(app.mode, Mode::Form);
    assert!(!app.history.is_dirty());
    app.update(Action::Submit);
    let s = &app.doc.program.sessions[i];
    assert_eq!(
        s.description.as_deref(),
        Some("Premier paragraphe.\n\nDeuxième paragraphe, avec des détails.")
    );
    assert_eq!(
        s.title,
        "Comment la digitalisation bouscule les territoires"
    );

    // In a one-line field (the title) the lines become spaces; `:q!` pasted is text.
    app.update(Action::EditForm);
    app.update(Msg::Pasted(" (maj)\n:q!\n".into()));
    assert_eq!(app.mode, Mode::Form);
    assert_eq!(app.update(Action::Submit), None);
    assert_eq!(
        app.doc.program.sessions[i].title,
        "Comment la digitalisation bouscule les territoires (maj) :q!"
    );
}

#[test]
fn a_paste_on_the_command_line_is_one_line_and_in_normal_mode_is_ignored() {
    let mut app = app();
    select(&mut app, "cocktail");
    app.update(Action::CommandLine);
    app.update(Msg::Pasted("goto\n14:00\n".into()));
    assert_eq!(app.mode, Mode::Command);
    assert_eq!(app.line, "goto 14:00");
    app.update(Action::Cancel);
    // Normal mode: `d`, `:q!` and Enter pasted do nothing at all.
    let before = app.doc.program.sessions.len();
    assert_eq!(app.update(Msg::Pasted("d:q!\nq".into())), None);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.doc.program.sessions.len(), before);
    assert!(!app.history.is_dirty());
    assert!(
        message(&app).starts_with("Paste ignored"),
        "{}",
        message(&app)
    );
    // A room's description keeps its lines too; a picker's query is one line.
    app.update(Action::People);
    assert_eq!(app.mode, Mode::Picker);
    app.update(Msg::Pasted("sigot\n".into()));
    assert_eq!(app.picker.as_ref().unwrap().query, "sigot");
}

fn run(app: &mut App, line: &str) -> Option<Effect> {
    app.update(Action::CommandLine);
    typed(app, line);
    app.update(Action::Submit)
}

fn moved(app: &mut App) {
    select(app, "cocktail");
    app.update(Action::MoveLater);
    assert!(app.history.is_dirty());
}

/// QA 6: a file without write permission is `[RO]`; `:w` is refused, `:w!` writes.
#[test]
fn a_read_only_file_refuses_w_and_w_bang_overrides() {
    let mut app = app();
    app.update(Msg::FilesReadOnly(vec![seed()]));
    assert!(message(&app).contains("is read-only"), "{}", message(&app));
    moved(&mut app);
    assert_eq!(run(&mut app, "w"), None);
    assert!(message(&app).starts_with("Not saved"), "{}", message(&app));
    assert!(message(&app).contains(":w!"), "{}", message(&app));
    assert_eq!(app.update(Action::Save), None);
    assert_eq!(run(&mut app, "wq"), None);
    assert_eq!(
        run(&mut app, "w!"),
        Some(Effect::Save {
            force: true,
            then_quit: false
        })
    );
    assert_eq!(
        run(&mut app, "wq!"),
        Some(Effect::Save {
            force: true,
            then_quit: true
        })
    );
}

/// QA 8: a read-only session shows a lasting `[RO]`; `:w!` overrides; when the other agora's
/// lock is gone, saving comes back and it is said.
#[test]
fn a_read_only_session_comes_back_to_saving_when_the_other_agora_quits() {
    let mut app = app();
    let other = crate::instance::Instance {
        pid: 4242,
        host: "laptop".into(),
        user: 1000,
        started: 1_512_478_800,
        ticks: None,
    };
    app.update(Msg::OtherEditor(other));
    app.update(Action::Answer('r'));
    assert!(app.safety.read_only);
    moved(&mut app);
    assert_eq!(run(&mut app, "w"), None);
    assert!(message(&app).starts_with("Read-only"), "{}", message(&app));
    assert!(message(&app).contains(":w!"), "{}", message(&app));
    assert_eq!(
        run(&mut app, "w!"),
        Some(Effect::Save {
            force: true,
            then_quit: false
        })
    );
    app.update(Msg::OtherEditorGone);
    assert!(!app.safety.read_only);
    assert!(
        message(&app).contains("saving is back"),
        "{}",
        message(&app)
    );
    assert_eq!(
        run(&mut app, "w"),
        Some(Effect::Save {
            force: false,
            then_quit: false
        })
    );
}

/// QA 17: a file gone from disk is said to be gone, and the next `:w` writes it again.
#[test]
fn a_file_gone_from_disk_is_written_again_by_the_next_w() {
    let mut app = app();
    moved(&mut app);
    app.update(Msg::FilesGone(vec![seed()]));
    assert!(
        message(&app).contains("is gone from disk"),
        "{}",
        message(&app)
    );
    assert!(message(&app).contains(":w writes it again"));
    assert_eq!(
        run(&mut app, "w"),
        Some(Effect::Save {
            force: true,
            then_quit: false
        })
    );
}

/// QA 20: `:e` reloads without edits and is refused with them; the `a` forms are aliases.
#[test]
fn e_qa_and_wqa_work_as_in_vim() {
    let mut app = app();
    assert_eq!(run(&mut app, "e"), Some(Effect::Reload));
    assert_eq!(run(&mut app, "qa"), Some(Effect::Quit));
    moved(&mut app);
    assert_eq!(run(&mut app, "e"), None);
    assert!(message(&app).contains(":e!"), "{}", message(&app));
    assert_eq!(run(&mut app, "qa"), None);
    assert_eq!(run(&mut app, "qa!"), Some(Effect::Quit));
    assert_eq!(
        run(&mut app, "wqa"),
        Some(Effect::Save {
            force: false,
            then_quit: true
        })
    );
}

/// QA 20: `Up` / `Down` on the `:` and `/` lines walk their own histories.
#[test]
fn up_and_down_recall_earlier_commands_and_searches() {
    let mut app = app();
    run(&mut app, "goto 14:00");
    run(&mut app, "day 2");
    app.update(Action::Search);
    typed(&mut app, "Cocktail");
    app.update(Action::Submit);
    app.update(Action::CommandLine);
    typed(&mut app, "ste");
    app.handle_key(Key::Up);
    assert_eq!(app.line, "day 2");
    app.handle_key(Key::Up);
    assert_eq!(app.line, "goto 14:00");
    app.handle_key(Key::Up);
    assert_eq!(app.line, "goto 14:00", "the oldest stays");
    app.handle_key(Key::Down);
    assert_eq!(app.line, "day 2");
    app.handle_key(Key::Down);
    assert_eq!(app.line, "ste", "what was being typed comes back");
    app.update(Action::Cancel);
    app.update(Action::Search);
    app.handle_key(Key::Up);
    assert_eq!(app.line, "Cocktail");
}

/// QA 9: Ctrl-z suspends from every mode, which is the same after `fg`.
#[test]
fn ctrl_z_suspends_from_every_mode_and_comes_back_to_it() {
    let mut app = app();
    select(&mut app, "cocktail");
    let mut modes = Vec::new();
    app.update(Action::EditForm);
    modes.push(app.mode);
    assert_eq!(app.handle_key(Key::Ctrl('z')), Some(Effect::Suspend));
    app.update(Msg::Resumed);
    assert_eq!(app.mode, Mode::Form);
    assert!(app.form.is_some());
    app.update(Action::Cancel);
    for open in [
        Action::CommandLine,
        Action::Search,
        Action::People,
        Action::Help,
    ] {
        app.update(open);
        let mode = app.mode;
        modes.push(mode);
        assert_eq!(
            app.handle_key(Key::Ctrl('z')),
            Some(Effect::Suspend),
            "{mode:?}"
        );
        app.update(Msg::Resumed);
        assert_eq!(app.mode, mode);
        app.update(Action::Cancel);
        app.mode = Mode::Normal;
    }
    app.update(Action::Quit);
    moved(&mut app);
    app.update(Action::Quit);
    assert_eq!(app.mode, Mode::Prompt);
    assert_eq!(app.handle_key(Key::Ctrl('z')), Some(Effect::Suspend));
    assert_eq!(app.mode, Mode::Prompt);
    assert_eq!(
        modes,
        vec![
            Mode::Form,
            Mode::Command,
            Mode::Search,
            Mode::Picker,
            Mode::Help
        ]
    );
}

/// QA 4: text typed in an open form is part of what a recovery holds (applied, then taken
/// back: the document is unchanged after).
#[test]
fn a_forms_typed_text_goes_into_the_recovery_and_the_document_is_unchanged() {
    let mut app = app();
    let i = select(&mut app, "digitalisation-bouscule-territoires");
    assert_eq!(app.typed_key(), 0);
    app.update(Action::EditForm);
    let before = app.typed_key();
    typed(&mut app, " LONG TYPED TEXT");
    assert_ne!(app.typed_key(), before);
    assert!(!app.history.is_dirty());
    let instance = app.safety.instance.clone();
    let recovery = app.with_typed(|app| {
        crate::recover::snapshot(&app.doc, &app.disk, &instance, "SIGHUP", 0).unwrap()
    });
    let recovery = recovery.expect("the typed text is unsaved");
    assert!(recovery.files[0].text.contains(
        "title = \"Comment la digitalisation bouscule les territoires LONG TYPED TEXT\""
    ));
    assert_eq!(
        app.doc.program.sessions[i].title,
        "Comment la digitalisation bouscule les territoires"
    );
    assert!(save::render(&app.doc).unwrap().is_empty());
    assert_eq!(app.mode, Mode::Form);
    // A field that does not validate yet (a half-typed duration) does not lose the title.
    let form = app.form.as_mut().unwrap();
    form.values[FormKey::Duration as usize] = "1h3x".into();
    let recovery = app.with_typed(|app| {
        crate::recover::snapshot(&app.doc, &app.disk, &instance, "SIGHUP", 0).unwrap()
    });
    let text = &recovery.expect("the valid fields are kept").files[0].text;
    assert!(text.contains("LONG TYPED TEXT"));
    assert!(save::render(&app.doc).unwrap().is_empty());
}

/// QA 5: when the event's folder cannot take the recovery (here a folder is in the way of its
/// name; a read-only folder or a full disk fail the same way), it goes to the state folder,
/// private, named after the event's path, and is offered from there with the same checks; the
/// lock falls back the same way. The only test of this binary that sets `XDG_STATE_HOME`.
#[cfg(unix)]
#[test]
fn the_recovery_and_the_lock_fall_back_to_the_state_folder() {
    use crate::instance::{self, Claim, Instance};
    use crate::recover::{self, Found};
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("forum.toml");
    std::fs::copy(seed(), &event).unwrap();
    let state = dir.path().join("state");
    std::env::set_var("XDG_STATE_HOME", &state);
    let (doc, disk) = save::open(&event).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    moved(&mut app);
    // The editor that wrote it has gone (a crash).
    let writer = Instance {
        pid: u32::MAX / 2,
        ticks: None,
        ..Instance::current(123)
    };
    std::fs::create_dir(recover::path_for(&event, &writer)).unwrap();
    let written = recover::write(&app.doc, &app.disk, &writer, "SIGHUP", 5)
        .unwrap()
        .unwrap();
    assert_eq!(written.parent().unwrap(), state.join("agora"));
    let name = written.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&instance::path_as_name(&event)),
        "{name} names the event's path"
    );
    assert!(name.contains("%forum.toml."), "{name}");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&written), 0o600);
    assert_eq!(mode(&state.join("agora")), 0o700);
    let me = Instance::current(456);
    let found = recover::find(&event, &me);
    assert!(
        found
            .iter()
            .any(|f| matches!(f, Found::Offer { path, .. } if *path == written)),
        "{found:?}"
    );
    // A planted one there naming another event is not offered.
    let json = std::fs::read_to_string(&written).unwrap();
    let other = dir.path().join("other.toml");
    std::fs::copy(seed(), &other).unwrap();
    let planted = written.with_file_name(name.replace("-123.", "-124."));
    std::fs::write(
        &planted,
        json.replace(
            &format!("\"event\": \"{}\"", event.display()),
            &format!("\"event\": \"{}\"", other.display()),
        ),
    )
    .unwrap();
    let found = recover::find(&event, &me);
    assert!(
        found
            .iter()
            .any(|f| matches!(f, Found::Foreign { path, .. } if *path == planted)),
        "{found:?}"
    );
    // The lock: a folder in the way of its name beside the event.
    std::fs::create_dir(instance::lock_path(&event)).unwrap();
    let Claim::Mine(lock) = instance::claim(&event, &me).unwrap() else {
        panic!("the first claim is mine");
    };
    assert_eq!(lock.path.parent().unwrap(), state.join("agora"));
    let another = Instance {
        started: 7,
        ..me.clone()
    };
    assert!(matches!(
        instance::claim(&event, &another).unwrap(),
        Claim::Held(_)
    ));
    lock.release();
    assert!(!lock.path.exists());
}
