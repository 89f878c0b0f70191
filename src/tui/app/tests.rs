//! The editor on plain state, no terminal: keymap resolution, and every action through
//! `App::update` (or keys through `App::handle_key`), checking the state and effects.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use crate::codes::Level;
use crate::edit;
use crate::model::{DateTimeValue, Kind};
use crate::save::{self, SaveError};
use crate::tui::action::{Action, Effect, Mode, Msg, View};
use crate::tui::app::{App, Prompt};
use crate::tui::keymap::{Key, Keymap, Resolved, BINDINGS};
use crate::tui::lists::{Heading, Row};
use crate::tui::runner::key_of;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml")
}

/// The seed event in an editor, 120×40, at a time outside the event.
fn app() -> App {
    let (doc, disk) = save::open(&seed()).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app
}

fn index(app: &App, id: &str) -> usize {
    app.doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

fn start(app: &App, id: &str) -> String {
    match app.doc.program.sessions[index(app, id)]
        .start
        .as_ref()
        .map(|s| s.value)
    {
        Some(DateTimeValue::Local(n)) => n.format("%Y-%m-%d %H:%M").to_string(),
        other => format!("{other:?}"),
    }
}

fn room(app: &App, id: &str) -> Option<String> {
    app.doc.program.sessions[index(app, id)]
        .room
        .as_ref()
        .map(|r| r.value.clone())
}

fn keys(app: &mut App, keys: &[Key]) -> Vec<Effect> {
    keys.iter().filter_map(|k| app.handle_key(*k)).collect()
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(Key::Char(c));
    }
}

fn select(app: &mut App, id: &str) {
    let i = index(app, id);
    app.reveal(i);
    assert_eq!(app.selected, Some(i), "could not select {id}");
}

fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

// ----- Keymap -----

#[test]
fn keys_resolve_per_mode() {
    use Key::*;
    let r = |mode, pending: &[Key], key| Keymap::resolve(mode, pending, key);
    assert_eq!(
        r(Mode::Normal, &[], Char('j')),
        Resolved::Action(Action::CursorDown)
    );
    assert_eq!(
        r(Mode::Normal, &[], Down),
        Resolved::Action(Action::CursorDown)
    );
    assert_eq!(
        r(Mode::Normal, &[], Char('J')),
        Resolved::Action(Action::MoveLater)
    );
    assert_eq!(
        r(Mode::Grab, &[], Char('j')),
        Resolved::Action(Action::MoveLater)
    );
    assert_eq!(r(Mode::Grab, &[], Enter), Resolved::Action(Action::Drop));
    assert_eq!(r(Mode::Normal, &[], Char(']')), Resolved::Pending);
    assert_eq!(
        r(Mode::Normal, &[Char(']')], Char('c')),
        Resolved::Action(Action::NextConflict)
    );
    assert_eq!(
        r(Mode::Normal, &[Char('[')], Char('c')),
        Resolved::Action(Action::PrevConflict)
    );
    // A broken sequence falls back to the key alone.
    assert_eq!(
        r(Mode::Normal, &[Char(']')], Char('j')),
        Resolved::Action(Action::CursorDown)
    );
    assert_eq!(
        r(Mode::Normal, &[Char('g')], Char('g')),
        Resolved::Action(Action::Top)
    );
    assert_eq!(
        r(Mode::Normal, &[], Ctrl('r')),
        Resolved::Action(Action::Redo)
    );
    assert_eq!(
        r(Mode::Normal, &[], Char('u')),
        Resolved::Action(Action::Undo)
    );
    assert_eq!(r(Mode::Normal, &[], Char('U')), Resolved::Unbound);
    assert_eq!(
        r(Mode::Normal, &[], Ctrl('s')),
        Resolved::Action(Action::Save)
    );
    assert_eq!(
        r(Mode::Normal, &[], BackTab),
        Resolved::Action(Action::PrevView)
    );
    assert_eq!(
        r(Mode::Command, &[], Char('j')),
        Resolved::Action(Action::Insert('j'))
    );
    assert_eq!(
        r(Mode::Command, &[], Enter),
        Resolved::Action(Action::Submit)
    );
    assert_eq!(r(Mode::Form, &[], Tab), Resolved::Action(Action::NextField));
    assert_eq!(
        r(Mode::Picker, &[], Tab),
        Resolved::Action(Action::Alternate)
    );
    assert_eq!(
        r(Mode::Prompt, &[], Char('w')),
        Resolved::Action(Action::Answer('w'))
    );
    assert_eq!(
        r(Mode::Help, &[], Char('q')),
        Resolved::Action(Action::Cancel)
    );
    assert_eq!(r(Mode::Normal, &[], Char('Q')), Resolved::Unbound);
}

#[test]
fn every_binding_is_reachable_and_none_is_shadowed() {
    for b in BINDINGS {
        for mode in b.modes {
            for seq in b.keys {
                let (last, pending) = seq.split_last().unwrap();
                let mut got = Resolved::Unbound;
                let mut typed: Vec<Key> = Vec::new();
                for k in pending {
                    assert_eq!(Keymap::resolve(*mode, &typed, *k), Resolved::Pending);
                    typed.push(*k);
                }
                if let Resolved::Action(a) = Keymap::resolve(*mode, &typed, *last) {
                    got = Resolved::Action(a);
                }
                assert_eq!(
                    got,
                    Resolved::Action(b.action),
                    "{seq:?} in {mode:?} should do {:?}",
                    b.action
                );
            }
        }
    }
}

#[test]
fn help_hints_and_keys_text_come_from_the_table() {
    let text = Keymap::text();
    for b in BINDINGS {
        assert!(text.contains(b.help), "help misses {:?}", b.help);
    }
    let hints = Keymap::hints(Mode::Normal);
    assert!(hints.contains(&("J".to_string(), "later")));
    assert!(hints.contains(&("?".to_string(), "help")));
    let grab = Keymap::hints(Mode::Grab);
    assert!(grab.iter().any(|(k, h)| k == "Enter" && *h == "drop"));
}

#[test]
fn terminal_keys_are_normalised() {
    let ev = |code, modifiers| KeyEvent::new(code, modifiers);
    assert_eq!(
        key_of(ev(KeyCode::Char('j'), KeyModifiers::SHIFT)),
        Some(Key::Char('J'))
    );
    assert_eq!(
        key_of(ev(KeyCode::Char('J'), KeyModifiers::SHIFT)),
        Some(Key::Char('J'))
    );
    assert_eq!(
        key_of(ev(KeyCode::Char('u'), KeyModifiers::NONE)),
        Some(Key::Char('u'))
    );
    assert_eq!(
        key_of(ev(KeyCode::Char('R'), KeyModifiers::CONTROL)),
        Some(Key::Ctrl('r'))
    );
    assert_eq!(
        key_of(ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(Key::BackTab)
    );
    assert_eq!(
        key_of(ev(KeyCode::Tab, KeyModifiers::SHIFT)),
        Some(Key::BackTab)
    );
    assert_eq!(
        key_of(ev(KeyCode::Char('*'), KeyModifiers::SHIFT)),
        Some(Key::Char('*'))
    );
    assert_eq!(
        key_of(ev(KeyCode::Left, KeyModifiers::CONTROL)),
        Some(Key::WordLeft)
    );
    assert_eq!(
        key_of(ev(KeyCode::Right, KeyModifiers::SHIFT)),
        Some(Key::WordRight)
    );
    assert_eq!(
        key_of(ev(KeyCode::Delete, KeyModifiers::NONE)),
        Some(Key::Delete)
    );
}

// ----- Moving around -----

#[test]
fn cursor_moves_and_the_selection_follows() {
    let mut app = app();
    assert_eq!(app.view, View::Grid);
    // The cursor starts on the first session of the first day.
    assert_eq!(app.selected, Some(index(&app, "accueil-j1")));
    let row = app.grid.row;
    app.update(Action::CursorDown);
    assert_eq!(app.grid.row, row + 1);
    app.update(Action::CursorDown);
    app.update(Action::CursorDown);
    assert_eq!(app.selected, Some(index(&app, "ouverture")));
    app.update(Action::CursorUp);
    assert_eq!(app.grid.row, row + 2);
    app.update(Action::CursorRight);
    assert_eq!(app.grid.room, 1);
    app.update(Action::CursorLeft);
    assert_eq!(app.grid.room, 0);
    app.update(Action::PageDown);
    assert!(app.grid.row > row + 10);
    app.update(Action::PageUp);
    app.update(Action::Bottom);
    let frame = app.frame().unwrap();
    assert_eq!(app.grid.row, frame.rows - 1);
    app.update(Action::Top);
    assert_eq!(app.grid.row, 0);
}

#[test]
fn views_switch_with_tab_and_numbers() {
    let mut app = app();
    app.update(Action::NextView);
    assert_eq!(app.view, View::Agenda);
    app.update(Action::PrevView);
    app.update(Action::PrevView);
    assert_eq!(app.view, View::Conflicts);
    for (k, v) in View::ALL.iter().enumerate() {
        keys(&mut app, &[Key::Char(char::from(b'1' + k as u8))]);
        assert_eq!(app.view, *v);
    }
}

#[test]
fn days_and_zoom_keep_the_time_of_day() {
    let mut app = app();
    app.update(Action::CommandLine);
    typed(&mut app, "goto 14:00");
    app.update(Action::Submit);
    let tz = app.doc.program.event.timezone;
    let time = |app: &App| {
        let f = app.frame().unwrap();
        crate::rules::wording::clock(tz, f.row_time(app.grid.row))
    };
    assert_eq!(time(&app), "14:00");
    app.update(Action::NextDay);
    assert_eq!(app.grid.day, 1);
    assert_eq!(time(&app), "14:00");
    app.update(Action::NextDay);
    assert_eq!(app.grid.day, 1, "there is no third day");
    app.update(Action::PrevDay);
    assert_eq!(app.grid.day, 0);
    app.update(Action::ZoomOut);
    assert_eq!(app.grid.step, 30);
    assert_eq!(time(&app), "14:00");
    app.update(Action::ZoomIn);
    app.update(Action::ZoomIn);
    assert_eq!(app.grid.step, 5);
    assert_eq!(time(&app), "14:00");
}

#[test]
fn details_and_backlog_toggle() {
    let mut app = app();
    assert!(app.details);
    app.update(Action::ToggleDetails);
    assert!(!app.details);
    // Enter toggles the details in the grid.
    app.update(Action::Activate);
    assert!(app.details);
    // No backlog yet.
    app.update(Action::ToggleBacklog);
    assert!(!app.backlog_focus);
    assert_eq!(message(&app), "No unscheduled session");
}

// ----- Editing -----

#[test]
fn move_later_and_earlier_undo_and_redo() {
    let mut app = app();
    select(&mut app, "ouverture");
    keys(&mut app, &[Key::Char('J')]);
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:30");
    assert!(app.history.is_dirty());
    // Derived at once: the plenary now overlaps the coffee break.
    assert_eq!(app.derived.summary.warnings, 1);
    assert_eq!(
        app.derived.worst[index(&app, "ouverture")],
        Some(Level::Warning)
    );
    assert_eq!(app.selected, Some(index(&app, "ouverture")));
    keys(&mut app, &[Key::Char('K'), Key::Char('K')]);
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:00");
    keys(&mut app, &[Key::Char('u')]);
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:15");
    keys(&mut app, &[Key::Char('u'), Key::Char('u')]);
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:15");
    assert!(!app.history.is_dirty());
    assert!(message(&app).starts_with("Undone: moved"));
    keys(&mut app, &[Key::Ctrl('r')]);
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:30");
    app.update(Action::Redo);
    app.update(Action::Redo);
    app.update(Action::Redo);
    assert_eq!(message(&app), "Nothing to redo");
}

#[test]
fn a_moved_session_stays_selected_at_every_zoom() {
    // Fresh seed, 60-minute step: the first J moves the welcome break onto the opening's row.
    let mut app = app();
    keys(&mut app, &[Key::Char('Z'), Key::Char('Z')]);
    assert_eq!(app.grid.step, 60);
    assert_eq!(app.selected, Some(index(&app, "accueil-j1")));
    keys(&mut app, &[Key::Char('J'), Key::Char('J')]);
    assert_eq!(start(&app, "accueil-j1"), "2017-12-05 10:30");
    assert_eq!(start(&app, "ouverture"), "2017-12-05 09:15", "not moved");
    assert_eq!(app.selected, Some(index(&app, "accueil-j1")));
    // Every step, every session of the first day: J then K gives it back, selected throughout.
    for step in crate::tui::grid::STEPS {
        let mut app = self::app();
        app.update(Action::CommandLine);
        typed(&mut app, &format!("step {step}"));
        app.update(Action::Submit);
        let ids: Vec<String> = app.derived.day_sessions[0]
            .iter()
            .map(|&i| app.doc.program.sessions[i].id.clone())
            .collect();
        for id in ids {
            select(&mut app, &id);
            let before = start(&app, &id);
            let i = index(&app, &id);
            app.update(Action::MoveLater);
            assert_eq!(app.selected, Some(i), "{id} at step {step}: J");
            app.update(Action::MoveEarlier);
            assert_eq!(app.selected, Some(i), "{id} at step {step}: K");
            assert_eq!(start(&app, &id), before, "{id} at step {step}");
        }
    }
}

#[test]
fn dst_steps_in_elapsed_time_and_the_form_takes_an_offset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-autumn.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let tz = app.doc.program.event.timezone;
    let i = index(&app, "first-pass");
    app.reveal(i);
    let instant = |app: &App| {
        crate::time::resolve_lenient(
            tz,
            &app.doc.program.sessions[i].start.as_ref().unwrap().value,
        )
    };
    let written = |app: &App| app.doc.program.sessions[i].start.as_ref().unwrap().value;
    // 02:30 CEST (the first of the two 02:30s), 15-minute step.
    let t0 = instant(&app);
    app.update(Action::MoveLater);
    assert_eq!(instant(&app) - t0, 15 * 60);
    app.update(Action::MoveLater);
    assert_eq!(
        instant(&app) - t0,
        30 * 60,
        "15 real minutes a step, not 75"
    );
    match written(&app) {
        DateTimeValue::Fixed(f) => assert_eq!(f.to_rfc3339(), "2024-10-27T02:00:00+01:00"),
        other => panic!("the second 02:00 needs its offset: {other:?}"),
    }
    assert_eq!(app.selected, Some(i));
    app.update(Action::MoveEarlier);
    app.update(Action::MoveEarlier);
    assert_eq!(instant(&app), t0);
    app.update(Action::MoveLater);
    app.update(Action::MoveLater);
    // The form shows the offset and takes one: the repeated hour can be used.
    app.update(Action::EditForm);
    assert_eq!(
        app.form.as_ref().unwrap().values[4],
        "2024-10-27 02:00+01:00"
    );
    for _ in 0..4 {
        app.update(Action::NextField);
    }
    app.update(Action::ClearInput);
    typed(&mut app, "02:15+01:00");
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Normal, "{:?}", app.form);
    match written(&app) {
        DateTimeValue::Fixed(f) => assert_eq!(f.to_rfc3339(), "2024-10-27T02:15:00+01:00"),
        other => panic!("{other:?}"),
    }
    assert_eq!(instant(&app) - t0, 45 * 60);
}

#[test]
fn a_day_move_keeps_the_wall_clock_time_of_a_start_written_with_an_offset() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-autumn.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    // The second 02:30 of the night the clocks go back (CET, +01:00).
    select(&mut app, "second-pass");
    app.update(Action::DayEarlier);
    let i = index(&app, "second-pass");
    match app.doc.program.sessions[i].start.as_ref().unwrap().value {
        DateTimeValue::Fixed(f) => assert_eq!(
            f.to_rfc3339(),
            "2024-10-26T02:30:00+02:00",
            "02:30 the day before (CEST), not 03:30"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn day_moves_stay_within_the_event() {
    let mut app = app();
    select(&mut app, "ouverture");
    app.update(Action::DayEarlier);
    assert_eq!(
        start(&app, "ouverture"),
        "2017-12-05 09:15",
        "not before the event"
    );
    assert!(app.message.as_ref().unwrap().error);
    assert!(message(&app).contains("first day"), "{}", message(&app));
    assert_eq!(app.derived.days.len(), 2, "no day tab before the event");
    app.update(Action::DayLater);
    assert_eq!(start(&app, "ouverture"), "2017-12-06 09:15");
    app.update(Action::DayLater);
    assert_eq!(start(&app, "ouverture"), "2017-12-06 09:15", "not after it");
    assert!(message(&app).contains("last day"));
}

#[test]
fn the_start_placeholder_is_the_events_own_day() {
    use crate::tui::form::FormKey;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-autumn.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let app = App::new(doc, disk, 0, false);
    let text = FormKey::Start.placeholder(app.day_date());
    assert!(text.starts_with("2024-10-26 14:00"), "{text}");
    assert!(!text.contains("2017"));
}

#[test]
fn the_opening_hours_hint_is_the_events_own_day() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-autumn.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    run(&mut app, "edit-room hall");
    let day = app.day_date();
    let hint = app.item_form.as_ref().unwrap().hint(6, day);
    assert!(hint.starts_with("2024-10-26 08:00-19:00"), "{hint}");
    set_item(&mut app, 6, "soon");
    app.update(Action::Submit);
    let e = app.item_form.as_ref().unwrap().errors[6].clone().unwrap();
    assert!(e.contains("2024-10-26 18:00 - 2024-10-27 02:00"), "{e}");
    assert!(!e.contains("2017") && !hint.contains("2017"), "{e} {hint}");
}

#[test]
fn rooms_days_and_length() {
    let mut app = app();
    select(&mut app, "startups-de-territoire");
    app.update(Action::RoomRight);
    assert_eq!(
        room(&app, "startups-de-territoire").as_deref(),
        Some("salle-saone")
    );
    // Now it shares Salle Saône with another session: a room-overlap error.
    assert_eq!(app.derived.summary.errors, 1);
    app.update(Action::RoomLeft);
    app.update(Action::RoomLeft);
    assert_eq!(
        room(&app, "startups-de-territoire").as_deref(),
        Some("amphi")
    );
    app.update(Action::RoomLeft);
    assert_eq!(message(&app), "No room further that way");
    app.update(Action::DayLater);
    assert_eq!(start(&app, "startups-de-territoire"), "2017-12-06 10:45");
    assert_eq!(app.grid.day, 1, "the grid follows the session");
    app.update(Action::DayEarlier);
    assert_eq!(start(&app, "startups-de-territoire"), "2017-12-05 10:45");
    app.update(Action::Grow);
    let i = index(&app, "startups-de-territoire");
    assert_eq!(
        app.doc.program.sessions[i].duration.as_ref().unwrap().value,
        105
    );
    app.update(Action::Shrink);
    app.update(Action::Shrink);
    assert_eq!(
        app.doc.program.sessions[i].duration.as_ref().unwrap().value,
        75
    );
    // An event-wide break has no room to move from.
    select(&mut app, "pause-matin-j1");
    app.update(Action::RoomRight);
    assert!(app.message.as_ref().unwrap().error);
}

#[test]
fn grab_moves_then_drops_as_one_step_or_puts_back() {
    let mut app = app();
    select(&mut app, "ouvrir-ses-donnees");
    keys(&mut app, &[Key::Char('m')]);
    assert_eq!(app.mode, Mode::Grab);
    keys(&mut app, &[Key::Char('j'), Key::Char('j'), Key::Char('h')]);
    assert_eq!(start(&app, "ouvrir-ses-donnees"), "2017-12-05 11:15");
    assert_eq!(
        room(&app, "ouvrir-ses-donnees").as_deref(),
        Some("salle-rhone")
    );
    // Conflicts are live while holding.
    assert!(app.derived.summary.errors >= 1);
    assert!(message(&app).contains("Holding"));
    keys(&mut app, &[Key::Enter]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.history.depth(), 1);
    // While holding, other keys do nothing (no undo, no view change).
    app.update(Action::Grab);
    app.update(Action::Undo);
    app.update(Action::NextView);
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!((app.view, app.width), (View::Grid, 100));
    app.update(Action::CancelGrab);
    app.update(Action::Undo);
    assert_eq!(start(&app, "ouvrir-ses-donnees"), "2017-12-05 10:45");
    assert_eq!(
        room(&app, "ouvrir-ses-donnees").as_deref(),
        Some("salle-saone")
    );
    // Esc puts it back and records nothing.
    app.update(Action::Grab);
    app.update(Action::MoveLater);
    app.update(Action::CancelGrab);
    assert_eq!(start(&app, "ouvrir-ses-donnees"), "2017-12-05 10:45");
    assert_eq!(app.history.depth(), 0);
}

#[test]
fn form_validates_with_messages_then_applies_as_one_step() {
    let mut app = app();
    select(&mut app, "design-services-publics");
    keys(&mut app, &[Key::Char('e')]);
    assert_eq!(app.mode, Mode::Form);
    let form = app.form.as_ref().unwrap();
    assert_eq!(
        form.values[0],
        "Design de services publics : partir des usages"
    );
    assert_eq!(form.values[4], "2017-12-05 14:00");
    assert_eq!(form.values[5], "90");
    // Kind: a typo.
    app.update(Action::NextField);
    app.update(Action::ClearInput);
    typed(&mut app, "tlk");
    // Duration: nonsense.
    for _ in 0..4 {
        app.update(Action::NextField);
    }
    app.update(Action::ClearInput);
    typed(&mut app, "long");
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Form, "stays open");
    let form = app.form.as_ref().unwrap();
    assert!(form.errors[1]
        .as_ref()
        .unwrap()
        .contains("did you mean `talk`"));
    assert!(form.errors[5].as_ref().unwrap().contains("not a duration"));
    assert_eq!(form.focus, 1, "focus on the first wrong field");
    app.update(Action::ClearInput);
    typed(&mut app, "workshop");
    for _ in 0..4 {
        app.update(Action::NextField);
    }
    app.update(Action::ClearInput);
    typed(&mut app, "1h");
    app.update(Action::PrevField);
    app.update(Action::ClearInput);
    typed(&mut app, "16:00");
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Normal);
    let i = index(&app, "design-services-publics");
    let s = &app.doc.program.sessions[i];
    assert_eq!(s.kind, Kind::Workshop);
    assert_eq!(s.duration.as_ref().unwrap().value, 60);
    assert_eq!(start(&app, "design-services-publics"), "2017-12-05 16:00");
    assert_eq!(app.history.depth(), 1);
    app.update(Action::Undo);
    assert_eq!(app.doc.program.sessions[i].kind, Kind::Talk);
    // Esc cancels without a change.
    app.update(Action::EditForm);
    typed(&mut app, "xyz");
    app.update(Action::Cancel);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.history.depth(), 0);
}

#[test]
fn add_at_the_cursor_opens_the_form() {
    let mut app = app();
    let n = app.doc.program.sessions.len();
    app.update(Action::CommandLine);
    typed(&mut app, "goto 17:45");
    app.update(Action::Submit);
    app.update(Action::CursorRight);
    app.update(Action::Add);
    assert_eq!(app.doc.program.sessions.len(), n + 1);
    assert_eq!(app.mode, Mode::Form);
    typed(&mut app, "Lightning talks");
    app.update(Action::Submit);
    let i = index(&app, "lightning-talks");
    assert_eq!(app.doc.program.sessions[i].title, "Lightning talks");
    assert_eq!(start(&app, "lightning-talks"), "2017-12-05 17:45");
    assert_eq!(
        room(&app, "lightning-talks").as_deref(),
        Some("salle-rhone")
    );
    assert_eq!(app.selected, Some(i));
    // Esc right after adding takes the new session away again.
    app.update(Action::Add);
    assert_eq!(app.doc.program.sessions.len(), n + 2);
    app.update(Action::Cancel);
    assert_eq!(app.doc.program.sessions.len(), n + 1);
    assert_eq!(message(&app), "Add cancelled");
    // Added in the agenda: unscheduled, in the backlog.
    app.update(Action::ShowView(View::Agenda));
    app.update(Action::Add);
    typed(&mut app, "To be placed");
    app.update(Action::Submit);
    let j = index(&app, "to-be-placed");
    assert!(app.derived.unscheduled.contains(&j));
    // Back on the grid, the selection is in the backlog.
    app.update(Action::ShowView(View::Grid));
    assert!(app.backlog_focus);
    assert_eq!(app.selected, Some(j));
    app.update(Action::ToggleBacklog);
    assert!(!app.backlog_focus);
    app.update(Action::ToggleBacklog);
    assert!(app.backlog_focus);
    assert_eq!(app.selected, Some(j));
    // Enter in the backlog places it at the grid cursor, held.
    app.update(Action::Activate);
    assert_eq!(app.mode, Mode::Grab);
    app.update(Action::Drop);
    assert!(app.derived.facts[j].slot().is_some());
}

#[test]
fn yank_paste_delete_and_undo() {
    let mut app = app();
    let n = app.doc.program.sessions.len();
    select(&mut app, "cocktail");
    app.update(Action::Yank);
    assert!(message(&app).contains("Copied"));
    app.update(Action::CommandLine);
    typed(&mut app, "day 2");
    app.update(Action::Submit);
    app.update(Action::CommandLine);
    typed(&mut app, "goto 17:00");
    app.update(Action::Submit);
    app.update(Action::Paste);
    assert_eq!(app.doc.program.sessions.len(), n + 1);
    assert_eq!(start(&app, "cocktail-2"), "2017-12-06 17:00");
    // The pasted copy keeps its length (written with `end`, moved along).
    let i = index(&app, "cocktail-2");
    assert_eq!(
        format!(
            "{:?}",
            app.doc.program.sessions[i].end.as_ref().unwrap().value
        ),
        "Local(2017-12-06T19:30:00)"
    );
    keys(&mut app, &[Key::Char('d')]);
    assert_eq!(app.doc.program.sessions.len(), n);
    assert!(
        message(&app).contains("press u to undo"),
        "{}",
        message(&app)
    );
    keys(&mut app, &[Key::Char('u')]);
    assert_eq!(app.doc.program.sessions.len(), n + 1);
}

#[test]
fn people_picker_assigns_speakers_moderators_and_new_people() {
    let mut app = app();
    select(&mut app, "ouvrir-ses-donnees");
    let i = app.selected.unwrap();
    keys(&mut app, &[Key::Char('s')]);
    assert_eq!(app.mode, Mode::Picker);
    typed(&mut app, "sophie lamb");
    assert_eq!(app.picker.as_ref().unwrap().shown.len(), 1);
    app.update(Action::Submit);
    let ids = |app: &App, moderators: bool| {
        let s = &app.doc.program.sessions[i];
        let list = if moderators {
            &s.moderators
        } else {
            &s.speakers
        };
        list.iter().map(|r| r.value.clone()).collect::<Vec<_>>()
    };
    assert_eq!(ids(&app, false), vec!["antoine-mercier", "sophie-lambert"]);
    // Sophie Lambert is also in Règlement général… at 14:00? No: this is 10:45. No conflict.
    app.update(Action::Alternate);
    assert_eq!(ids(&app, true), vec!["sophie-lambert"]);
    app.update(Action::Submit);
    assert_eq!(ids(&app, false), vec!["antoine-mercier"]);
    // Nobody matches: Enter creates the speaker.
    app.update(Action::ClearInput);
    typed(&mut app, "Ada Lovelace");
    assert!(app.picker.as_ref().unwrap().shown.is_empty());
    app.update(Action::Submit);
    assert!(app
        .doc
        .program
        .speakers
        .iter()
        .any(|s| s.id == "ada-lovelace"));
    assert_eq!(ids(&app, false), vec!["antoine-mercier", "ada-lovelace"]);
    keys(&mut app, &[Key::Ctrl('y')]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(ids(&app, false), vec!["antoine-mercier", "ada-lovelace"]);
    // Kept as one step: one undo takes every change of the picker away.
    app.update(Action::Undo);
    assert!(!app
        .doc
        .program
        .speakers
        .iter()
        .any(|s| s.id == "ada-lovelace"));
    assert_eq!(ids(&app, false), vec!["antoine-mercier"]);
    assert!(ids(&app, true).is_empty());
    assert!(!app.history.is_dirty());
}

#[test]
fn esc_in_the_people_picker_takes_its_toggles_back() {
    let mut app = app();
    select(&mut app, "ouvrir-ses-donnees");
    let i = app.selected.unwrap();
    let people = |app: &App| {
        let s = &app.doc.program.sessions[i];
        format!("{:?} {:?}", s.speakers, s.moderators)
    };
    let before = people(&app);
    keys(&mut app, &[Key::Char('s')]);
    typed(&mut app, "sophie lamb");
    app.update(Action::Submit);
    app.update(Action::Alternate);
    app.update(Action::ClearInput);
    typed(&mut app, "Grace Hopper");
    app.update(Action::Submit);
    assert_ne!(people(&app), before);
    keys(&mut app, &[Key::Esc]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(people(&app), before, "as it was before s");
    assert!(!app
        .doc
        .program
        .speakers
        .iter()
        .any(|s| s.name == "Grace Hopper"));
    assert!(!app.history.is_dirty());
    assert_eq!(message(&app), "Speakers and moderators unchanged");
}

#[test]
fn gg_shows_the_first_heading_in_every_list() {
    for view in [View::Agenda, View::Speakers, View::Rooms, View::Conflicts] {
        let mut app = app();
        if view == View::Conflicts {
            select(&mut app, "design-services-publics");
            app.update(Action::RoomLeft);
        }
        app.update(Action::ShowView(view));
        app.update(Action::Bottom);
        keys(&mut app, &[Key::Char('g'), Key::Char('g')]);
        let li = App::list_index(view).unwrap();
        assert_eq!(
            app.lists[li].top, 0,
            "{view:?}: the first heading is in view"
        );
        assert_eq!(app.lists[li].cursor, 1, "{view:?}");
    }
}

#[test]
fn a_command_that_works_clears_the_last_error() {
    let mut app = app();
    app.update(Action::CommandLine);
    typed(&mut app, "goto 23:00");
    app.update(Action::Submit);
    assert!(app.message.as_ref().unwrap().error);
    app.update(Action::CommandLine);
    typed(&mut app, "goto 14:00");
    app.update(Action::Submit);
    assert_eq!(app.message, None, "no stale error");
}

#[test]
fn d_in_speakers_removes_the_person_not_the_session() {
    let mut app = app();
    let n = app.doc.program.sessions.len();
    app.update(Action::ShowView(View::Speakers));
    // The first session row, under its person's heading.
    let rows = app.rows(View::Speakers);
    let k = rows
        .iter()
        .position(|r| matches!(r, Row::Session { role: Some(_), .. }))
        .unwrap();
    let Row::Session { session, .. } = rows[k] else {
        unreachable!()
    };
    let Row::Heading(crate::tui::lists::Heading::Speaker(p)) = rows[k - 1] else {
        panic!("a heading above: {:?}", rows[k - 1])
    };
    app.lists[App::list_index(View::Speakers).unwrap()].cursor = k;
    let person = app.doc.program.speakers[p].id.clone();
    keys(&mut app, &[Key::Char('d')]);
    assert_eq!(app.doc.program.sessions.len(), n, "the session stays");
    let s = &app.doc.program.sessions[session];
    assert!(!s
        .speakers
        .iter()
        .chain(&s.moderators)
        .any(|r| r.value == person));
    assert!(
        message(&app).contains("press u to undo"),
        "{}",
        message(&app)
    );
    app.update(Action::Undo);
    let s = &app.doc.program.sessions[session];
    assert!(s
        .speakers
        .iter()
        .chain(&s.moderators)
        .any(|r| r.value == person));
}

#[test]
fn l_past_the_last_room_stays_and_says_so() {
    let mut app = app();
    // A session not placed yet, so there is a backlog.
    app.update(Action::ShowView(View::Agenda));
    app.update(Action::Add);
    typed(&mut app, "To be placed");
    app.update(Action::Submit);
    assert!(!app.derived.unscheduled.is_empty());
    app.update(Action::ShowView(View::Grid));
    app.update(Action::ToggleBacklog);
    assert!(!app.backlog_focus);
    let last = app.doc.program.rooms.len() - 1;
    for _ in 0..=last + 1 {
        app.update(Action::CursorRight);
    }
    assert_eq!(app.grid.room, last);
    assert!(!app.backlog_focus, "not silently into the backlog");
    assert!(message(&app).contains("Last room"), "{}", message(&app));
}

#[test]
fn q_on_a_too_small_screen_shows_its_question() {
    let mut app = app();
    app.update(Action::MoveLater);
    app.update(Action::Resize {
        width: 40,
        height: 12,
    });
    app.update(Action::Quit);
    assert_eq!(app.mode, Mode::Prompt);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(40, 12)).unwrap();
    terminal
        .draw(|f| crate::tui::render::draw(f, &app))
        .unwrap();
    let screen: String = terminal
        .backend()
        .buffer()
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(screen.contains("(w)rite"), "{screen}");
}

#[test]
fn an_add_is_one_undo_step_with_an_id_from_its_title() {
    let mut app = app();
    let n = app.doc.program.sessions.len();
    app.update(Action::Add);
    typed(&mut app, "Atelier données ouvertes");
    app.update(Action::Submit);
    assert_eq!(app.doc.program.sessions.len(), n + 1);
    let i = index(&app, "atelier-donnees-ouvertes");
    assert_eq!(
        app.doc.program.sessions[i].title,
        "Atelier données ouvertes"
    );
    assert_eq!(app.history.depth(), 1, "one step");
    app.update(Action::Undo);
    assert_eq!(app.doc.program.sessions.len(), n);
    assert!(!app.history.is_dirty());
    app.update(Action::Redo);
    assert_eq!(
        app.doc.program.sessions[i].title,
        "Atelier données ouvertes"
    );
}

#[test]
fn copies_keep_their_id_and_room_names_are_not_duplicated() {
    let mut app = app();
    select(&mut app, "accueil-j1");
    app.update(Action::Yank);
    app.update(Action::Paste);
    assert!(
        app.doc
            .program
            .sessions
            .iter()
            .any(|s| s.id == "accueil-j1-2"),
        "{:?}",
        app.doc
            .program
            .sessions
            .iter()
            .map(|s| &s.id)
            .collect::<Vec<_>>()
    );
    let rooms = app.doc.program.rooms.len();
    app.update(Action::CommandLine);
    typed(&mut app, "room salle rhône 40");
    app.update(Action::Submit);
    assert_eq!(app.doc.program.rooms.len(), rooms);
    assert!(app.message.as_ref().unwrap().error);
    assert!(
        message(&app).contains("already a room named 'Salle Rhône'"),
        "{}",
        message(&app)
    );
}

#[test]
fn picks_toggle_and_ask_to_be_stored() {
    let mut app = app();
    select(&mut app, "rgpd-collectivites");
    assert_eq!(app.update(Action::TogglePick), Some(Effect::SavePicks));
    assert!(app.picks.contains("rgpd-collectivites"));
    assert_eq!(keys(&mut app, &[Key::Char('*')]), vec![Effect::SavePicks]);
    assert!(app.picks.is_empty());
}

#[test]
fn search_finds_titles_speakers_and_rooms_and_cycles() {
    let mut app = app();
    keys(&mut app, &[Key::Char('/')]);
    assert_eq!(app.mode, Mode::Search);
    typed(&mut app, "francoise");
    keys(&mut app, &[Key::Enter]);
    // Françoise Sigot moderates one session.
    assert_eq!(app.search.matches.len(), 1);
    assert_eq!(
        app.selected,
        Some(index(&app, "digitalisation-bouscule-territoires"))
    );
    app.update(Action::Search);
    typed(&mut app, "atelier");
    app.update(Action::Submit);
    // Three titles say "Atelier", and they are the sessions of the "Salle d'atelier".
    let n = app.search.matches.len();
    assert_eq!(n, 3);
    let first = app.selected;
    app.update(Action::SearchNext);
    assert_ne!(app.selected, first);
    app.update(Action::SearchPrev);
    assert_eq!(app.selected, first);
    assert!(message(&app).contains(&format!("match 1/{n}")));
    app.update(Action::Search);
    typed(&mut app, "zzzz");
    app.update(Action::Submit);
    assert!(app.message.as_ref().unwrap().error);
    app.update(Action::Cancel);
    assert!(app.message.is_none());
}

#[test]
fn a_search_in_speakers_lands_under_the_person_it_matched() {
    // Regression: `/Sigot` in Speakers selected the session under its first person (Akim
    // Oural), so `d` then removed Akim from it.
    let mut app = app();
    app.update(Action::ShowView(View::Speakers));
    app.update(Action::Search);
    typed(&mut app, "Sigot");
    app.update(Action::Submit);
    let i = index(&app, "digitalisation-bouscule-territoires");
    assert_eq!(app.selected, Some(i));
    let li = App::list_index(View::Speakers).unwrap();
    let rows = app.rows(View::Speakers);
    let cursor = app.lists[li].cursor;
    assert!(matches!(rows[cursor], Row::Session { session, .. } if session == i));
    let heading = rows[..cursor]
        .iter()
        .rev()
        .find_map(|r| match r {
            Row::Heading(Heading::Speaker(p)) => Some(*p),
            _ => None,
        })
        .unwrap();
    assert_eq!(app.doc.program.speakers[heading].name, "Françoise Sigot");
    // `d` on that row takes her off the session, and only her.
    let before = app.doc.program.sessions[i].speakers.len();
    app.update(Action::Delete);
    let s = &app.doc.program.sessions[i];
    assert!(s.moderators.iter().all(|m| m.value != "francoise-sigot"));
    assert_eq!(s.speakers.len(), before);
}

#[test]
fn search_folds_letters_that_do_not_decompose() {
    // "ø" has no accent to drop: the search must still find "Søren" from "soren".
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.toml");
    let text = std::fs::read_to_string(seed()).unwrap();
    std::fs::write(&path, text.replace("Françoise Sigot", "Søren Sigot")).unwrap();
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    app.update(Action::Search);
    typed(&mut app, "soren");
    app.update(Action::Submit);
    assert_eq!(app.search.matches.len(), 1);
    assert_eq!(
        app.selected,
        Some(index(&app, "digitalisation-bouscule-territoires"))
    );
}

#[test]
fn command_line() {
    let mut app = app();
    let run = |app: &mut App, line: &str| {
        app.update(Action::CommandLine);
        typed(app, line);
        app.update(Action::Submit)
    };
    assert_eq!(run(&mut app, "w"), None, "nothing to save");
    assert_eq!(message(&app), "No changes to save");
    assert_eq!(run(&mut app, "q"), Some(Effect::Quit));
    select(&mut app, "cloture");
    app.update(Action::MoveLater);
    assert_eq!(run(&mut app, "q"), None);
    assert!(message(&app).contains(":q!"));
    assert_eq!(
        run(&mut app, "w"),
        Some(Effect::Save {
            force: false,
            then_quit: false
        })
    );
    assert_eq!(
        run(&mut app, "wq"),
        Some(Effect::Save {
            force: false,
            then_quit: true
        })
    );
    assert_eq!(run(&mut app, "q!"), Some(Effect::Quit));
    assert_eq!(
        run(&mut app, "export ics --picks"),
        Some(Effect::Export {
            format: "ics".into(),
            path: None,
            picks: true
        })
    );
    run(&mut app, "day 2");
    assert_eq!(app.grid.day, 1);
    run(&mut app, "day 9");
    assert!(message(&app).contains("there are 2 days"));
    run(&mut app, "step 30");
    assert_eq!(app.grid.step, 30);
    run(&mut app, "room Salle Bellecour 80");
    let r = app.doc.program.rooms.last().unwrap();
    assert_eq!((r.id.as_str(), r.capacity), ("salle-bellecour", Some(80)));
    run(&mut app, "speaker Grace Hopper");
    assert_eq!(app.doc.program.speakers.last().unwrap().id, "grace-hopper");
    run(&mut app, "frobnicate");
    assert!(app.message.as_ref().unwrap().error);
    // Backspace on an empty line leaves the command line.
    app.update(Action::CommandLine);
    app.update(Action::DeleteBack);
    assert_eq!(app.mode, Mode::Normal);
    run(&mut app, "e!");
    assert_eq!(run(&mut app, "e!"), Some(Effect::Reload));
}

#[test]
fn help_opens_and_scrolls() {
    let mut app = app();
    keys(&mut app, &[Key::Char('?')]);
    assert_eq!(app.mode, Mode::Help);
    app.update(Action::CursorDown);
    assert_eq!(app.help_scroll, 1);
    keys(&mut app, &[Key::Esc]);
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn save_and_quit_prompts() {
    let mut app = app();
    assert_eq!(app.update(Action::Save), None);
    assert_eq!(app.update(Action::Quit), Some(Effect::Quit));
    select(&mut app, "cloture");
    app.update(Action::MoveEarlier);
    assert_eq!(
        app.update(Action::Save),
        Some(Effect::Save {
            force: false,
            then_quit: false
        })
    );
    assert_eq!(app.update(Action::Quit), None);
    assert_eq!(app.prompt, Some(Prompt::Quit));
    assert_eq!(app.update(Action::Answer('c')), None);
    assert_eq!(app.mode, Mode::Normal);
    app.update(Action::Quit);
    assert_eq!(
        app.update(Action::Answer('w')),
        Some(Effect::Save {
            force: false,
            then_quit: true
        })
    );
    app.update(Action::Quit);
    assert_eq!(app.update(Action::Answer('d')), Some(Effect::Quit));
    // A save refused because the file changed on disk asks what to do.
    let refused = Err(SaveError::ChangedOnDisk(vec![seed()]));
    assert_eq!(
        app.update(Msg::Saved {
            result: refused.clone(),
            then_quit: false,
        }),
        None
    );
    assert!(matches!(app.prompt, Some(Prompt::Overwrite { .. })));
    // "Keep mine" merges with what changed on disk: the question says so, not "overwrite".
    let question = app.prompt.as_ref().unwrap().question();
    assert!(
        question.contains("(k)eep mine (merged item by item"),
        "{question}"
    );
    assert!(!question.contains("overwrite"), "{question}");
    assert_eq!(
        app.update(Action::Answer('x')),
        None,
        "other letters do nothing"
    );
    assert_eq!(app.mode, Mode::Prompt);
    assert_eq!(
        app.update(Action::Answer('k')),
        Some(Effect::KeepMine {
            choices: Vec::new(),
            then_quit: false
        })
    );
    app.update(Msg::Saved {
        result: refused.clone(),
        then_quit: true,
    });
    assert_eq!(app.update(Action::Answer('r')), Some(Effect::Reload));
    app.update(Msg::Saved {
        result: refused,
        then_quit: false,
    });
    assert_eq!(app.update(Action::Cancel), None);
    assert!(app.history.is_dirty());
    // A successful save marks the state saved and can quit.
    let done = Ok(save::Saved {
        written: vec![seed()],
    });
    assert_eq!(
        app.update(Msg::Saved {
            result: done,
            then_quit: true,
        }),
        Some(Effect::Quit)
    );
    assert!(!app.history.is_dirty());
}

fn recovery(written_at: i64, reason: &str) -> crate::recover::Recovery {
    crate::recover::Recovery {
        format: "agora-recovery 1".into(),
        event: "x".into(),
        written_at,
        reason: reason.into(),
        files: Vec::new(),
        instance: None,
        event_id: None,
    }
}

fn found(app: &mut App, path: &str, r: crate::recover::Recovery, changed_since: bool) {
    app.update(Msg::RecoveryFound {
        path: PathBuf::from(path),
        recovery: Box::new(r),
        changed_since,
    });
}

fn question(app: &App) -> String {
    app.prompt
        .as_ref()
        .map(Prompt::question)
        .unwrap_or_default()
}

#[test]
fn restore_prompt_offers_each_recovery_file_in_turn() {
    let mut app = app();
    found(&mut app, "/a", recovery(1_512_478_800, "SIGHUP"), false);
    found(&mut app, "/b", recovery(1_512_478_000, "autosave"), true);
    assert_eq!(app.mode, Mode::Prompt);
    assert!(
        question(&app).contains("2017-12-05 14:00"),
        "{}",
        question(&app)
    );
    assert!(question(&app).contains("1 of 2 recovery files"));
    // Restore the first: the runner replays it; nothing conflicts.
    assert_eq!(
        app.update(Action::Answer('r')),
        Some(Effect::Restore {
            choices: Vec::new()
        })
    );
    let i = index(&app, "cocktail");
    let e = crate::edit::move_by(&app.doc, i, 30).unwrap();
    app.update(Msg::Restored {
        result: Ok(crate::recover::Replayed {
            edit: Some(e),
            conflicts: Vec::new(),
            sources: Vec::new(),
        }),
        choices: Vec::new(),
    });
    assert!(app.history.is_dirty());
    assert_eq!(app.safety.adopted, vec![PathBuf::from("/a")]);
    // Then the second is asked about; ignoring it keeps it, nothing more is asked.
    assert!(
        question(&app).contains("changed on disk since"),
        "{}",
        question(&app)
    );
    assert_eq!(app.update(Action::Answer('i')), None);
    assert!(app.prompt.is_none());
    assert!(app.safety.offers.is_empty());
    // A save forgets the restored files (the runner removed them).
    app.update(Msg::Saved {
        result: Ok(save::Saved::default()),
        then_quit: false,
    });
    assert!(app.safety.adopted.is_empty());
    // Discarding asks the runner to delete the file offered.
    found(&mut app, "/c", recovery(0, "panic"), false);
    assert_eq!(
        app.update(Action::Answer('d')),
        Some(Effect::DiscardRecovery)
    );
    assert_eq!(app.safety.offers.front().unwrap().path, PathBuf::from("/c"));
    app.update(Msg::RecoveryDiscarded);
    assert!(app.safety.offers.is_empty());
}

fn conflict(id: &str) -> crate::merge::Conflict {
    crate::merge::Conflict {
        array: "sessions".into(),
        id: id.into(),
        clash: crate::merge::Clash::BothChanged(vec!["title".into()]),
        ours: Some(format!("[[sessions]]\nid = \"{id}\"\ntitle = \"Mine\"\n")),
        theirs: Some(format!("[[sessions]]\nid = \"{id}\"\ntitle = \"Theirs\"\n")),
    }
}

#[test]
fn keep_mine_lists_the_conflicts_and_asks_them_one_by_one() {
    let mut app = app();
    let fresh = || save::open(&seed()).unwrap();
    let (doc, disk) = fresh();
    app.update(Msg::Merged {
        result: Ok(Box::new((
            doc,
            disk,
            crate::recover::Replayed {
                edit: None,
                conflicts: vec![conflict("a"), conflict("b")],
                sources: Vec::new(),
            },
        ))),
        then_quit: true,
        choices: Vec::new(),
    });
    let q = question(&app);
    assert!(
        q.starts_with("Conflict 1 of 2: session `a`: `title` changed on both sides"),
        "{q}"
    );
    assert!(q.contains("mine \"Mine\" · on disk \"Theirs\""), "{q}");
    assert_eq!(app.update(Action::Answer('m')), None);
    assert!(question(&app).starts_with("Conflict 2 of 2: session `b`"));
    assert_eq!(
        app.update(Action::Answer('t')),
        Some(Effect::KeepMine {
            then_quit: true,
            choices: vec![crate::merge::Side::Ours, crate::merge::Side::Theirs],
        })
    );
    // With every conflict chosen, the merged program replaces the document as one undoable
    // step, and is saved.
    let (doc, disk) = fresh();
    let i = doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "cocktail")
        .unwrap();
    let e = crate::edit::move_by(&doc, i, 30).unwrap();
    let effect = app.update(Msg::Merged {
        result: Ok(Box::new((
            doc,
            disk,
            crate::recover::Replayed {
                edit: Some(e),
                conflicts: vec![conflict("a"), conflict("b")],
                sources: Vec::new(),
            },
        ))),
        then_quit: true,
        choices: vec![crate::merge::Side::Ours, crate::merge::Side::Theirs],
    });
    assert_eq!(
        effect,
        Some(Effect::Save {
            force: false,
            then_quit: true
        })
    );
    assert_eq!(app.history.depth(), 1);
    // Cancelling a merge keeps the edits unsaved.
    let (doc, disk) = fresh();
    app.update(Msg::Merged {
        result: Ok(Box::new((
            doc,
            disk,
            crate::recover::Replayed {
                edit: None,
                conflicts: vec![conflict("a")],
                sources: Vec::new(),
            },
        ))),
        then_quit: false,
        choices: Vec::new(),
    });
    assert_eq!(app.update(Action::Cancel), None);
    assert!(app.safety.resolving.is_none());
    assert!(app.message.as_ref().unwrap().text.contains("Not saved"));
}

#[test]
fn another_editor_is_asked_about_first_and_read_only_refuses_to_save() {
    let mut app = app();
    found(&mut app, "/a", recovery(0, "panic"), false);
    let other = crate::instance::Instance {
        pid: 4242,
        host: "laptop".into(),
        user: 1000,
        started: 1_512_478_800,
        ticks: None,
    };
    app.update(Msg::OtherEditor(other.clone()));
    let q = question(&app);
    assert!(q.starts_with("Another agora has this event open (process 4242 of user 1000 on laptop, started 2017-12-05 14:00 Europe/Paris)"), "{q}");
    assert_eq!(app.update(Action::Answer('r')), None);
    assert!(app.safety.read_only);
    // Then the recovery file is offered, its time saying its zone.
    assert!(question(&app).contains("were recovered"));
    assert!(
        question(&app).contains("Europe/Paris"),
        "{}",
        question(&app)
    );
    app.update(Action::Answer('i'));
    select(&mut app, "cocktail");
    app.update(Action::MoveLater);
    assert!(app.history.is_dirty());
    assert_eq!(app.update(Action::Save), None);
    assert!(app.message.as_ref().unwrap().text.starts_with("Read-only"));
    // Open anyway: saving works; quit leaves.
    let mut app = self::app();
    app.update(Msg::OtherEditor(other.clone()));
    assert_eq!(app.update(Action::Answer('o')), None);
    assert!(!app.safety.read_only);
    let mut app = self::app();
    app.update(Msg::OtherEditor(other));
    assert_eq!(app.update(Action::Answer('q')), Some(Effect::Quit));
}

#[test]
fn conflicts_view_walks_and_jumps() {
    let mut app = app();
    // Make two conflicts: a room overlap and a speaker overlap.
    select(&mut app, "design-services-publics");
    app.update(Action::RoomLeft);
    select(&mut app, "confiance-donnees");
    for _ in 0..3 {
        app.update(Action::MoveEarlier);
    }
    assert!(app.derived.summary.errors >= 2);
    app.update(Action::ShowView(View::Conflicts));
    let rows = app.rows(View::Conflicts);
    assert!(matches!(rows[0], Row::Heading(_)));
    let cursor = app.lists[3].cursor;
    assert!(matches!(rows[cursor], Row::Diagnostic(_)));
    let target = app.selected.unwrap();
    app.update(Action::Activate);
    assert_eq!(app.view, View::Grid);
    assert_eq!(app.selected, Some(target));
    // ]c walks sessions with conflicts, from anywhere.
    let mut seen = Vec::new();
    for _ in 0..4 {
        keys(&mut app, &[Key::Char(']'), Key::Char('c')]);
        seen.push(app.selected.unwrap());
        assert!(app.derived.worst[app.selected.unwrap()].is_some());
    }
    keys(&mut app, &[Key::Char('['), Key::Char('c')]);
    assert_eq!(app.selected, Some(seen[2]));
}

#[test]
fn agenda_filters() {
    let mut app = app();
    app.update(Action::ShowView(View::Agenda));
    let all = app
        .rows(View::Agenda)
        .iter()
        .filter(|r| matches!(r, Row::Session { .. }))
        .count();
    assert_eq!(all, 28);
    keys(&mut app, &[Key::Char('f')]);
    assert_eq!(app.mode, Mode::Picker);
    typed(&mut app, "room rhone");
    app.update(Action::Submit);
    assert_eq!(app.mode, Mode::Normal);
    assert!(!app.filters.room.is_empty());
    let rows = app.rows(View::Agenda);
    let shown: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Session { session, .. } => Some(*session),
            _ => None,
        })
        .collect();
    assert_eq!(shown.len(), 5);
    for i in shown {
        assert_eq!(
            app.doc.program.sessions[i].room.as_ref().unwrap().value,
            "salle-rhone"
        );
    }
    keys(&mut app, &[Key::Char('F')]);
    assert!(app.filters.is_empty());
}

#[test]
fn list_cursor_skips_headings() {
    let mut app = app();
    app.update(Action::ShowView(View::Speakers));
    let rows = app.rows(View::Speakers);
    for _ in 0..30 {
        app.update(Action::CursorDown);
        assert!(rows[app.lists[1].cursor].selectable());
    }
    app.update(Action::Top);
    assert!(rows[app.lists[1].cursor].selectable());
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut app = app();
    let geo = crate::tui::layout::grid_geometry(
        app.areas().main,
        app.doc.program.rooms.len(),
        app.grid.column,
    );
    // Click in the second room column, on the grid's first visible row.
    let column = geo.rooms_x + geo.column_width + 2;
    app.update(Action::Click {
        column,
        row: geo.rows_y,
    });
    assert_eq!(app.grid.room, 1);
    assert_eq!(app.grid.row, app.grid.top);
    let row = app.grid.row;
    app.update(Action::Scroll {
        column,
        row: geo.rows_y,
        lines: 3,
    });
    assert_eq!(app.grid.row, row + 3);
    // Clicking a view tab switches view.
    let tab = app.view_tabs()[4].clone();
    let v = tab.target;
    app.update(Action::Click {
        column: tab.x + 1,
        row: 0,
    });
    assert_eq!(app.view, v);
}

#[test]
fn resize_is_remembered() {
    let mut app = app();
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    assert_eq!((app.width, app.height), (80, 24));
    app.update(Action::Cancel);
    assert!(app.message.is_none());
}

#[test]
fn speakers_sort_by_a_real_collation() {
    let mut app = app();
    for name in ["Zoé Ziegler", "Émile Arnaud", "éric bernard"] {
        app.update(Action::CommandLine);
        typed(&mut app, &format!("speaker {name}"));
        app.update(Action::Submit);
    }
    let names: Vec<String> = app
        .derived
        .speaker_order
        .iter()
        .map(|&i| app.doc.program.speakers[i].name.clone())
        .collect();
    let at = |n: &str| names.iter().position(|x| x == n).unwrap();
    // Not byte order, where É and é come after Z.
    assert!(at("Émile Arnaud") < at("Zoé Ziegler"), "{names:?}");
    assert!(at("Émile Arnaud") < at("éric bernard"), "{names:?}");
    assert!(at("éric bernard") < at("Zoé Ziegler"), "{names:?}");
    // The speakers view and the people picker follow it.
    let rows = app.rows(View::Speakers);
    let heads: Vec<usize> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Heading(crate::tui::lists::Heading::Speaker(p)) => Some(*p),
            _ => None,
        })
        .collect();
    assert_eq!(heads, app.derived.speaker_order);
    select(&mut app, "ouverture");
    app.update(Action::People);
    let labels: Vec<String> = app
        .picker
        .as_ref()
        .unwrap()
        .items
        .iter()
        .map(|i| i.label.clone())
        .collect();
    let pos = |n: &str| labels.iter().position(|l| l.starts_with(n)).unwrap();
    assert!(pos("Émile Arnaud") < pos("Zoé Ziegler"));
}

fn agenda_sessions(app: &App) -> Vec<usize> {
    app.rows(View::Agenda)
        .iter()
        .filter_map(|r| match r {
            Row::Session { session, .. } => Some(*session),
            _ => None,
        })
        .collect()
}

#[test]
fn filter_command_with_several_values_picks_and_conflicts() {
    let mut app = app();
    app.update(Action::CommandLine);
    typed(&mut app, "filter room=amphi,rhone kind=talk,panel");
    app.update(Action::Submit);
    assert_eq!(app.view, View::Agenda);
    assert!(!app.message.as_ref().unwrap().error, "{}", message(&app));
    let shown = agenda_sessions(&app);
    assert!(!shown.is_empty());
    for &i in &shown {
        let s = &app.doc.program.sessions[i];
        let room = s.room.as_ref().unwrap().value.as_str();
        assert!(room == "amphi" || room == "salle-rhone", "{room}");
        assert!(
            matches!(s.kind.as_str(), "talk" | "panel"),
            "{}",
            s.kind.as_str()
        );
    }
    let rooms: std::collections::BTreeSet<&str> = shown
        .iter()
        .map(|&i| {
            app.doc.program.sessions[i]
                .room
                .as_ref()
                .unwrap()
                .value
                .as_str()
        })
        .collect();
    assert_eq!(rooms.len(), 2, "either room lets a session through");
    // A name nobody has is an error, the filters stay.
    let before = app.filters.clone();
    app.update(Action::CommandLine);
    typed(&mut app, "filter room=nowhere");
    app.update(Action::Submit);
    assert!(app.message.as_ref().unwrap().error);
    assert!(
        message(&app).contains("no room matches `nowhere`"),
        "{}",
        message(&app)
    );
    assert_eq!(app.filters, before);
    app.update(Action::CommandLine);
    typed(&mut app, "filter colour=red");
    app.update(Action::Submit);
    assert!(message(&app).contains("unknown filter `colour`"));
    // Only my picks.
    app.update(Action::ClearFilters);
    app.update(Action::ShowView(View::Grid));
    select(&mut app, "ouverture");
    app.update(Action::TogglePick);
    app.update(Action::CommandLine);
    typed(&mut app, "filter picks");
    app.update(Action::Submit);
    assert_eq!(agenda_sessions(&app), vec![index(&app, "ouverture")]);
    // Only with conflicts: none in the seed, then one.
    app.update(Action::CommandLine);
    typed(&mut app, "filter conflicts");
    app.update(Action::Submit);
    assert!(agenda_sessions(&app).is_empty());
    app.update(Action::ShowView(View::Grid));
    select(&mut app, "design-services-publics");
    app.update(Action::RoomLeft);
    app.update(Action::ShowView(View::Agenda));
    let with = agenda_sessions(&app);
    assert!(with.contains(&index(&app, "design-services-publics")));
    assert!(with.iter().all(|&i| app.derived.worst[i].is_some()));
    // The f picker offers them too.
    app.update(Action::ClearFilters);
    app.update(Action::Filter);
    typed(&mut app, "only my picks");
    app.update(Action::Submit);
    assert!(app.filters.picks);
}

#[test]
fn ctrl_c_says_how_to_quit_and_ctrl_z_suspends() {
    let mut app = app();
    app.update(Action::MoveLater);
    assert_eq!(keys(&mut app, &[Key::Ctrl('c')]), vec![]);
    assert!(message(&app).contains("q quits"), "{}", message(&app));
    assert!(app.history.is_dirty(), "nothing lost");
    assert_eq!(keys(&mut app, &[Key::Ctrl('z')]), vec![Effect::Suspend]);
    app.update(Msg::Resumed);
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.history.is_dirty());
}

#[test]
fn wq_bang_saves_over_outside_changes_and_quits() {
    let mut app = app();
    app.update(Action::MoveLater);
    app.update(Action::CommandLine);
    typed(&mut app, "wq!");
    assert_eq!(
        app.update(Action::Submit),
        Some(Effect::Save {
            force: true,
            then_quit: true
        })
    );
}

#[test]
fn gr_goes_to_a_room_by_a_fuzzy_name() {
    let mut app = app();
    app.update(Action::ShowView(View::Agenda));
    keys(&mut app, &[Key::Char('g'), Key::Char('r')]);
    assert_eq!(app.mode, Mode::Picker);
    typed(&mut app, "saone");
    keys(&mut app, &[Key::Enter]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.view, View::Grid);
    let saone = app
        .doc
        .program
        .rooms
        .iter()
        .position(|r| r.id == "salle-saone")
        .unwrap();
    assert_eq!(app.grid.room, saone);
    assert!(message(&app).contains("Salle Saône"), "{}", message(&app));
    // Esc leaves the cursor where it was.
    keys(&mut app, &[Key::Char('g'), Key::Char('r')]);
    typed(&mut app, "amphi");
    keys(&mut app, &[Key::Esc]);
    assert_eq!(app.grid.room, saone);
}

fn run(app: &mut App, line: &str) {
    app.update(Action::CommandLine);
    for c in line.chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
}

/// Set field `k` of the open room/speaker/track form to `text`.
fn set_item(app: &mut App, k: usize, text: &str) {
    let form = app.item_form.as_mut().unwrap();
    form.focus = k;
    app.update(Action::ClearInput);
    for c in text.chars() {
        app.update(Action::Insert(c));
    }
}

/// Issue 16 item 16: a room's form has every field; renaming its id updates its sessions in
/// one undoable step.
#[test]
fn room_form_edits_every_field_and_renames_everywhere() {
    let mut app = app();
    run(&mut app, "edit-room Salle Saône");
    assert_eq!(app.mode, Mode::Form);
    let form = app.item_form.as_ref().unwrap();
    assert_eq!(
        form.fields().iter().map(|f| f.0).collect::<Vec<_>>(),
        [
            "id",
            "name",
            "capacity",
            "features",
            "accessible",
            "location",
            "open"
        ]
    );
    assert_eq!(form.values[0], "salle-saone");
    set_item(&mut app, 0, "saone");
    set_item(&mut app, 2, "lots");
    set_item(&mut app, 6, "2017-12-05 08:00-19:00; 2017-12-06 9:00");
    app.update(Action::Submit);
    let form = app.item_form.as_ref().unwrap();
    assert!(form.errors[2]
        .as_ref()
        .unwrap()
        .contains("not a number of seats"));
    assert!(form.errors[6]
        .as_ref()
        .unwrap()
        .contains("not a time window"));
    assert_eq!(form.focus, 2, "on the first wrong field");
    set_item(&mut app, 2, "110");
    set_item(&mut app, 4, "no");
    set_item(&mut app, 6, "2017-12-05 08:00-19:00");
    app.update(Action::Submit);
    assert!(app.item_form.is_none(), "{:?}", app.item_form);
    let r = &app.doc.program.rooms[2];
    assert_eq!(
        (r.id.as_str(), r.capacity, r.accessible),
        ("saone", Some(110), false)
    );
    assert_eq!(r.open.as_ref().unwrap().len(), 1);
    let uses =
        |app: &App, id: &str| edit::sessions_using(&app.doc, edit::Referenced::Room, id).len();
    assert_eq!(uses(&app, "saone"), 4);
    assert_eq!(uses(&app, "salle-saone"), 0);
    app.update(Action::Undo);
    assert_eq!(uses(&app, "salle-saone"), 4);
    assert!(!app.history.is_dirty());
    // A taken id is refused on the id field.
    run(&mut app, "edit-room salle-saone");
    set_item(&mut app, 0, "amphi");
    app.update(Action::Submit);
    let e = app.item_form.as_ref().unwrap().errors[0].clone().unwrap();
    assert!(e.contains("already has the id `amphi`"), "{e}");
    app.update(Action::Cancel);
    run(&mut app, "edit-room nowhere");
    assert!(app
        .message
        .as_ref()
        .unwrap()
        .text
        .contains("no room has the id or name `nowhere`"));
}

#[test]
fn deleting_a_room_offers_to_unassign_its_sessions_in_one_step() {
    let mut app = app();
    run(&mut app, "delete-room salle-saone");
    let q = question(&app);
    assert!(
        q.starts_with("4 sessions name the room Salle Saône. (u)nassign them"),
        "{q}"
    );
    app.update(Action::Answer('u'));
    assert_eq!(app.doc.program.rooms.len(), 4);
    assert!(app
        .doc
        .program
        .sessions
        .iter()
        .all(|s| s.room.as_ref().is_none_or(|r| r.value != "salle-saone")));
    app.update(Action::Undo);
    assert_eq!(app.doc.program.rooms.len(), 5);
    assert_eq!(
        edit::sessions_using(&app.doc, edit::Referenced::Room, "salle-saone").len(),
        4
    );
    assert!(!app.history.is_dirty());
    // Keeping the references: the check reports them.
    run(&mut app, "delete-room salle-saone");
    app.update(Action::Answer('d'));
    assert!(app
        .derived
        .diagnostics
        .iter()
        .any(|d| d.code.as_str() == "unknown-ref"));
    // An item no session names goes at once.
    run(&mut app, "track Sobriété numérique");
    assert_eq!(app.doc.program.tracks.len(), 5);
    run(&mut app, "delete-track sobriete-numerique");
    assert_eq!(app.doc.program.tracks.len(), 4);
}

#[test]
fn speaker_and_track_forms_check_their_fields() {
    let mut app = app();
    run(&mut app, "edit-track donnees");
    set_item(&mut app, 2, "green");
    app.update(Action::Submit);
    let e = app.item_form.as_ref().unwrap().errors[2].clone().unwrap();
    assert!(e.contains("write #rrggbb"), "{e}");
    set_item(&mut app, 2, "#00aa00");
    set_item(&mut app, 0, "data");
    app.update(Action::Submit);
    assert!(app.item_form.is_none());
    assert_eq!(
        edit::sessions_using(&app.doc, edit::Referenced::Track, "data").len(),
        4
    );
    run(&mut app, "edit-speaker marie-lefevre");
    assert_eq!(
        app.item_form
            .as_ref()
            .unwrap()
            .fields()
            .iter()
            .map(|f| f.0)
            .collect::<Vec<_>>(),
        [
            "id",
            "name",
            "affiliation",
            "role",
            "bio",
            "email",
            "url",
            "available"
        ]
    );
    set_item(&mut app, 5, "not an email");
    app.update(Action::Submit);
    assert!(app.item_form.as_ref().unwrap().errors[5].is_some());
    set_item(&mut app, 5, "marie@example.org");
    set_item(&mut app, 7, "never");
    app.update(Action::Submit);
    let s = app
        .doc
        .program
        .speakers
        .iter()
        .find(|s| s.id == "marie-lefevre")
        .unwrap();
    assert_eq!(s.email.as_deref(), Some("marie@example.org"));
    assert_eq!(s.available.as_ref().map(Vec::len), Some(0));
}

/// The session form covers every field of the format.
#[test]
fn session_form_covers_every_field() {
    use crate::tui::form::FormKey;
    let mut app = app();
    select(&mut app, "cocktail");
    app.update(Action::EditForm);
    assert_eq!(app.mode, Mode::Form);
    let set = |app: &mut App, key: FormKey, text: &str| {
        app.form.as_mut().unwrap().focus = key as usize;
        app.update(Action::ClearInput);
        for c in text.chars() {
            app.update(Action::Insert(c));
        }
    };
    set(&mut app, FormKey::Language, "fr_FR!");
    set(&mut app, FormKey::Allow, "room-closd");
    set(&mut app, FormKey::Moderators, "nobody");
    app.update(Action::Submit);
    let errors = app.form.as_ref().unwrap().errors.clone();
    assert!(errors[FormKey::Language as usize]
        .as_ref()
        .unwrap()
        .contains("not a language tag"));
    assert!(errors[FormKey::Allow as usize]
        .as_ref()
        .unwrap()
        .contains("room-closed"));
    assert!(errors[FormKey::Moderators as usize]
        .as_ref()
        .unwrap()
        .contains("speaker"));
    set(&mut app, FormKey::Language, "fr");
    set(&mut app, FormKey::Allow, "room-closed");
    set(&mut app, FormKey::Moderators, "marie-lefevre");
    set(&mut app, FormKey::Speakers, "equipe-forum, julien-roux");
    set(&mut app, FormKey::Tags, "soirée, réseau");
    set(&mut app, FormKey::Url, "https://example.org/cocktail");
    set(&mut app, FormKey::Plenary, "yes");
    app.update(Action::Submit);
    assert!(app.form.is_none());
    let s = &app.doc.program.sessions[index(&app, "cocktail")];
    assert_eq!(s.language.as_deref(), Some("fr"));
    assert_eq!(s.allow[0].as_str(), "room-closed");
    assert_eq!(s.moderators[0].value, "marie-lefevre");
    assert_eq!(s.speakers.len(), 2);
    assert_eq!(s.tags, ["soirée", "réseau"]);
    assert!(s.plenary);
    assert_eq!(s.url.as_deref(), Some("https://example.org/cocktail"));
    app.update(Action::Undo);
    assert!(!app.history.is_dirty());
}

/// Issue 16 item 17: fields and the command line edit at a cursor, with the keys of a shell
/// and of vim's command line.
#[test]
fn fields_and_the_command_line_edit_at_a_cursor() {
    use Key::*;
    let mut app = app();
    select(&mut app, "accueil-j1");
    keys(&mut app, &[Char('e')]);
    assert_eq!(app.mode, Mode::Form);
    let title = app.form.as_ref().unwrap().values[0].clone();
    // Home, a word right, type; Ctrl-e, Ctrl-w deletes the last word.
    keys(&mut app, &[Home, WordRight]);
    typed(&mut app, "X");
    let with_x = app.form.as_ref().unwrap().values[0].clone();
    let first_word_end = title.find(' ').map_or(title.len(), |i| i + 1);
    assert_eq!(
        with_x,
        format!("{}X{}", &title[..first_word_end], &title[first_word_end..])
    );
    keys(&mut app, &[Ctrl('e'), Ctrl('w')]);
    let cut = app.form.as_ref().unwrap().values[0].clone();
    assert!(
        with_x.starts_with(&cut) && cut.len() < with_x.len(),
        "{cut:?}"
    );
    // Ctrl-a, Ctrl-k empties; a new field starts with the cursor at its end.
    keys(&mut app, &[Ctrl('a'), Ctrl('k')]);
    assert_eq!(app.form.as_ref().unwrap().values[0], "");
    typed(&mut app, "Bonjour");
    keys(&mut app, &[Left, Left, Backspace, Delete]);
    assert_eq!(app.form.as_ref().unwrap().values[0], "Bonjr");
    keys(&mut app, &[Tab]);
    assert_eq!(app.form.as_ref().unwrap().back, 0);
    keys(&mut app, &[Esc]);
    // The command line: type, go back, insert.
    keys(&mut app, &[Char(':')]);
    typed(&mut app, "goto 1400");
    keys(&mut app, &[Left, Left]);
    typed(&mut app, ":");
    assert_eq!(app.line, "goto 14:00");
    keys(&mut app, &[Enter]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.line_back, 0);
}

/// Issue 16 item 17: `Ctrl-x Ctrl-e` in a field and `:edit` hand the text to `$EDITOR` (the
/// runner's effect) and take back what it left; Enter applies it as one undoable edit.
#[test]
fn a_field_is_edited_in_the_external_editor_and_read_back() {
    use Key::*;
    let mut app = app();
    select(&mut app, "accueil-j1");
    let i = index(&app, "accueil-j1");
    keys(&mut app, &[Char('e')]);
    let title = app.form.as_ref().unwrap().values[0].clone();
    assert_eq!(
        keys(&mut app, &[Ctrl('x'), Ctrl('e')]),
        vec![Effect::EditText { text: title }]
    );
    app.update(Msg::TextEdited(Ok("Accueil et café\n".into())));
    assert_eq!(app.form.as_ref().unwrap().values[0], "Accueil et café");
    assert_eq!(app.mode, Mode::Form);
    // A failed editor leaves the field as it was.
    app.update(Msg::TextEdited(Err("`nano` exited with 1".into())));
    assert_eq!(app.form.as_ref().unwrap().values[0], "Accueil et café");
    keys(&mut app, &[Esc]);
    // :edit opens the description of the selected session.
    keys(&mut app, &[Char(':')]);
    typed(&mut app, "edit");
    let effects = keys(&mut app, &[Enter]);
    let before = app.doc.program.sessions[i]
        .description
        .clone()
        .unwrap_or_default();
    assert_eq!(effects, vec![Effect::EditText { text: before }]);
    app.update(Msg::TextEdited(Ok("Ligne un.\nLigne deux.\n".into())));
    keys(&mut app, &[Enter]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(
        app.doc.program.sessions[i].description.as_deref(),
        Some("Ligne un.\nLigne deux.")
    );
    keys(&mut app, &[Char('u')]);
    assert_ne!(
        app.doc.program.sessions[i].description.as_deref(),
        Some("Ligne un.\nLigne deux.")
    );
}

/// The screen cell of grid row `row`, room `room` (in view).
fn screen_cell(app: &App, row: usize, room: usize) -> (u16, u16) {
    let geo = crate::tui::layout::grid_geometry(
        app.areas().main,
        app.grid_columns().len(),
        app.grid.column,
    );
    let column = app.column_of(room).unwrap();
    (
        geo.rooms_x + (column - app.grid.left) as u16 * geo.column_width + 1,
        geo.rows_y + (row - app.grid.top) as u16,
    )
}

/// Issue 16 item 18: pressing a session, dragging it and releasing is one undoable move; while
/// dragging it is held (grab mode) and its conflicts at the place under the pointer are named;
/// a click without a drag only selects.
#[test]
fn drag_and_drop_moves_a_session_in_one_undoable_step() {
    let mut app = app();
    let id = "ruralite-tres-haut-debit";
    let i = index(&app, id);
    select(&mut app, id);
    let before = start(&app, id);
    let room_before = room(&app, id);
    let (row, col) = (app.grid.row, app.grid.room);
    let depth = app.history.depth();
    // A click and a release where it was pressed: a selection, no edit.
    let (x, y) = screen_cell(&app, row, col);
    app.update(Action::Click { column: x, row: y });
    assert_eq!(app.selected, Some(i));
    app.update(Action::Release { column: x, row: y });
    assert_eq!(app.history.depth(), depth);
    assert_eq!(app.mode, Mode::Normal);
    // Press, drag two rows down and one room right, release.
    app.update(Action::Click { column: x, row: y });
    let (x2, y2) = screen_cell(&app, row + 2, col + 1);
    app.update(Action::Drag {
        column: x2,
        row: y2,
    });
    assert_eq!(app.mode, Mode::Grab, "held while dragging");
    assert!(message(&app).contains("Holding"), "{}", message(&app));
    let (x3, y3) = screen_cell(&app, row + 2, col + 1);
    app.update(Action::Drag {
        column: x3,
        row: y3,
    });
    app.update(Action::Release {
        column: x3,
        row: y3,
    });
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.selected, Some(i), "the dropped session stays selected");
    assert_eq!(app.history.depth(), depth + 1, "one undo step");
    let step = app.grid.step;
    let moved = |t: &str| {
        chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S")
            .or_else(|_| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M"))
            .unwrap()
    };
    assert_eq!(
        (moved(&start(&app, id)) - moved(&before)).num_minutes(),
        2 * step
    );
    assert_ne!(room(&app, id), room_before);
    keys(&mut app, &[Key::Char('u')]);
    assert_eq!(start(&app, id), before);
    assert_eq!(room(&app, id), room_before);
    // Esc while dragging puts it back; the rest of the drag does nothing.
    app.update(Action::Click { column: x, row: y });
    app.update(Action::Drag {
        column: x2,
        row: y2,
    });
    keys(&mut app, &[Key::Esc]);
    app.update(Action::Drag {
        column: x3,
        row: y3 + 1,
    });
    app.update(Action::Release {
        column: x3,
        row: y3 + 1,
    });
    assert_eq!(start(&app, id), before);
    assert_eq!(app.mode, Mode::Normal);
}

/// Issue 16 item 18: `:width N` widens the grid's columns (fewer rooms side by side), clicks
/// and drags follow the new columns, `:width` alone goes back; a wrong width is refused.
#[test]
fn width_widens_the_grid_columns() {
    let mut app = app();
    let geo = |app: &App| {
        crate::tui::layout::grid_geometry(
            app.areas().main,
            app.doc.program.rooms.len(),
            app.grid.column,
        )
    };
    let before = geo(&app);
    keys(&mut app, &[Key::Char(':')]);
    typed(&mut app, "width 40");
    keys(&mut app, &[Key::Enter]);
    let wide = geo(&app);
    assert!(wide.column_width >= 40, "{wide:?}");
    assert!(
        wide.visible_rooms < before.visible_rooms,
        "{wide:?} {before:?}"
    );
    let screen = {
        let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        t.draw(|f| crate::tui::render::draw(f, &app)).unwrap();
        format!("{:?}", t.backend().buffer())
    };
    assert!(
        screen.contains("Amphithéâtre"),
        "the first room's full name fits"
    );
    keys(&mut app, &[Key::Char(':')]);
    typed(&mut app, "width 3");
    keys(&mut app, &[Key::Enter]);
    assert!(
        message(&app).contains("not a column width"),
        "{}",
        message(&app)
    );
    keys(&mut app, &[Key::Char(':')]);
    typed(&mut app, "width");
    keys(&mut app, &[Key::Enter]);
    assert_eq!(geo(&app), before);
}

fn room_index(app: &App, id: &str) -> usize {
    app.doc
        .program
        .rooms
        .iter()
        .position(|r| r.id == id)
        .unwrap()
}

fn command(app: &mut App, line: &str) {
    keys(app, &[Key::Char(':')]);
    typed(app, line);
    keys(app, &[Key::Enter]);
}

/// Issue 16 item 18: `:rooms` chooses the rooms the grid shows, and every way of moving around
/// the grid (h/l, clicks, reveal, scrolling) goes through the shown rooms only.
#[test]
fn rooms_command_hides_rooms_from_every_grid_path() {
    let mut app = app();
    let (amphi, rhone, saone, atelier) = (
        room_index(&app, "amphi"),
        room_index(&app, "salle-rhone"),
        room_index(&app, "salle-saone"),
        room_index(&app, "atelier"),
    );
    // Ids and names (accents and case aside, a part of a name) name rooms, as :filter does.
    command(&mut app, "rooms amphi saone Confluence");
    assert_eq!(app.grid_columns(), vec![amphi, saone, atelier]);
    assert!(message(&app).contains("3 of 5 rooms"), "{}", message(&app));
    command(&mut app, "rooms nowhere");
    assert!(
        message(&app).contains("no room matches"),
        "{}",
        message(&app)
    );
    assert_eq!(app.grid_columns(), vec![amphi, saone, atelier], "unchanged");
    // h/l step over the hidden room.
    app.grid.room = amphi;
    keys(&mut app, &[Key::Char('l')]);
    assert_eq!(app.grid.room, saone);
    keys(&mut app, &[Key::Char('l'), Key::Char('l')]);
    assert_eq!(app.grid.room, atelier);
    assert!(message(&app).starts_with("Last room"), "{}", message(&app));
    keys(&mut app, &[Key::Char('h'), Key::Char('h')]);
    assert_eq!(app.grid.room, amphi);
    // A session in a hidden room is not selected by going to it: where it is is said.
    let hidden = index(&app, "startups-de-territoire");
    assert_eq!(
        room(&app, "startups-de-territoire").as_deref(),
        Some("salle-rhone")
    );
    app.reveal(hidden);
    assert_ne!(app.selected, Some(hidden));
    assert_ne!(app.grid.room, rhone);
    assert!(message(&app).contains("hides"), "{}", message(&app));
    // A click on the second column is the second shown room.
    let frame_row = app.grid.row;
    let geo = crate::tui::layout::grid_geometry(app.areas().main, 3, app.grid.column);
    app.update(Action::Click {
        column: geo.rooms_x + geo.column_width + 1,
        row: geo.rows_y + (frame_row - app.grid.top) as u16,
    });
    assert_eq!(app.grid.room, saone);
    // Hiding the cursor's room moves the cursor to a shown one.
    command(&mut app, "rooms amphi atelier");
    assert_eq!(app.grid.room, atelier);
    command(&mut app, "rooms all");
    assert_eq!(app.grid_columns().len(), app.doc.program.rooms.len());
    assert!(app.rooms_shown_note().is_none());
}

/// H/L move a session to the next shown room, J/K keep the moved session selected, and a
/// drag goes by shown columns: a session is never put in, or taken from, a hidden room by them.
#[test]
fn moves_skip_hidden_rooms() {
    let mut app = app();
    command(&mut app, "rooms amphi salle-saone atelier");
    let id = "ruralite-tres-haut-debit";
    let i = index(&app, id);
    select(&mut app, id);
    assert_eq!(app.selected, Some(i));
    keys(&mut app, &[Key::Char('L')]);
    assert_eq!(
        room(&app, id).as_deref(),
        Some("salle-saone"),
        "over the hidden room"
    );
    keys(&mut app, &[Key::Char('H')]);
    assert_eq!(room(&app, id).as_deref(), Some("amphi"));
    keys(&mut app, &[Key::Char('H')]);
    assert_eq!(room(&app, id).as_deref(), Some("amphi"));
    assert!(
        message(&app).contains("No room further"),
        "{}",
        message(&app)
    );
    // J and K move it in time; the selection stays on it, not on the hidden room's session at
    // the same time.
    keys(&mut app, &[Key::Char('J'), Key::Char('K')]);
    assert_eq!(app.selected, Some(i));
    // From a hidden room (selected in a list view), L goes to the next shown room that way.
    let other = "startups-de-territoire";
    app.update(Action::ShowView(View::Agenda));
    select(&mut app, other);
    keys(&mut app, &[Key::Char('L')]);
    assert_eq!(room(&app, other).as_deref(), Some("salle-saone"));
    keys(&mut app, &[Key::Char('u')]);
    app.update(Action::ShowView(View::Grid));
    // A drag one column right lands in the next shown room.
    select(&mut app, id);
    let (row, col) = (app.grid.row, app.grid.room);
    let (x, y) = screen_cell(&app, row, col);
    app.update(Action::Click { column: x, row: y });
    let saone = room_index(&app, "salle-saone");
    let (x2, y2) = screen_cell(&app, row, saone);
    app.update(Action::Drag {
        column: x2,
        row: y2,
    });
    app.update(Action::Release {
        column: x2,
        row: y2,
    });
    assert_eq!(room(&app, id).as_deref(), Some("salle-saone"));
}

/// `:rooms` alone is a picker: Enter shows or hides a room at once, Esc puts back the rooms
/// shown before, Ctrl-y keeps them; the last shown room stays; `gr` to a hidden room shows it.
#[test]
fn rooms_picker_toggles_reverts_and_keeps() {
    let mut app = app();
    let all = app.doc.program.rooms.len();
    command(&mut app, "rooms");
    assert_eq!(app.mode, Mode::Picker);
    typed(&mut app, "rhone");
    keys(&mut app, &[Key::Enter]);
    assert_eq!(app.grid_columns().len(), all - 1, "hidden at once");
    keys(&mut app, &[Key::Esc]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.grid_columns().len(), all, "Esc puts it back");
    command(&mut app, "rooms");
    typed(&mut app, "rhone");
    keys(&mut app, &[Key::Enter, Key::Ctrl('y')]);
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(app.grid_columns().len(), all - 1, "kept");
    assert!(message(&app).contains("4 of 5 rooms"), "{}", message(&app));
    // Never no room at all.
    command(&mut app, "rooms amphi");
    command(&mut app, "rooms");
    typed(&mut app, "amphi");
    keys(&mut app, &[Key::Enter]);
    assert_eq!(app.grid_columns(), vec![room_index(&app, "amphi")]);
    assert!(
        message(&app).contains("at least one room"),
        "{}",
        message(&app)
    );
    keys(&mut app, &[Key::Esc]);
    // gr to a hidden room shows it again, and says so.
    keys(&mut app, &[Key::Char('g'), Key::Char('r')]);
    typed(&mut app, "foyer");
    keys(&mut app, &[Key::Enter]);
    let foyer = room_index(&app, "foyer");
    assert_eq!(app.grid.room, foyer);
    assert!(app.column_of(foyer).is_some());
    assert!(message(&app).contains("shown again"), "{}", message(&app));
}

/// `:width` and hidden rooms: the columns scroll by shown room, the cursor's column in view.
#[test]
fn wide_columns_scroll_through_the_shown_rooms() {
    let mut app = app();
    command(&mut app, "width 60");
    command(&mut app, "rooms amphi salle-saone atelier foyer");
    app.grid.room = room_index(&app, "amphi");
    keys(&mut app, &[Key::Char('l'), Key::Char('l'), Key::Char('l')]);
    assert_eq!(app.grid.room, room_index(&app, "foyer"));
    let geo = crate::tui::layout::grid_geometry(app.areas().main, 4, app.grid.column);
    let column = app.column_of(app.grid.room).unwrap();
    assert!(
        app.grid.left <= column && column < app.grid.left + geo.visible_rooms,
        "left {} column {column} visible {}",
        app.grid.left,
        geo.visible_rooms
    );
    // Zoom keeps the shown rooms.
    keys(&mut app, &[Key::Char('Z'), Key::Char('h')]);
    assert_eq!(app.grid.room, room_index(&app, "atelier"));
}

/// A hidden room stays hidden when its id is renamed, and when its deletion is undone.
#[test]
fn a_hidden_room_stays_hidden_through_a_rename_and_an_undo() {
    let mut app = app();
    command(&mut app, "rooms amphi saone");
    let rhone = room_index(&app, "salle-rhone");
    let mut room = app.doc.program.rooms[rhone].clone();
    room.id = "rhone".into();
    let e = edit::change_room(&app.doc, rhone, room).unwrap().unwrap();
    app.commit(e);
    assert_eq!(app.doc.program.rooms[rhone].id, "rhone");
    assert_eq!(app.column_of(rhone), None, "still hidden");
    let e = edit::delete(&app.doc, edit::Referenced::Room, rhone, true).unwrap();
    app.commit(e);
    keys(&mut app, &[Key::Char('u')]);
    assert_eq!(app.doc.program.rooms[rhone].id, "rhone");
    assert_eq!(app.column_of(rhone), None, "hidden after the undo");
    assert_eq!(app.grid_columns().len(), 2);
}

#[test]
fn adding_a_speaker_whose_name_exists_says_so() {
    // Regression: `:speaker Julien Roux` added `julien-roux-2` without a word.
    let mut app = app();
    let before = app.doc.program.speakers.len();
    app.update(Action::CommandLine);
    typed(&mut app, "speaker Julien Roux");
    app.update(Action::Submit);
    assert_eq!(app.doc.program.speakers.len(), before + 1);
    let m = message(&app);
    assert!(m.contains("julien-roux"), "{m}");
    assert!(m.contains("already has this name"), "{m}");
    // A new name is added quietly.
    app.update(Action::CommandLine);
    typed(&mut app, "speaker Zoé Nouvelle");
    app.update(Action::Submit);
    assert!(!message(&app).contains("already"), "{}", message(&app));
}
