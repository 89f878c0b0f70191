//! Rendering with ratatui's TestBackend: insta snapshots of every view at 80×24 and 120×40,
//! the monochrome theme, a live "now" line, pop-ups, and terminals too small to draw in.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;

use crate::save;
use crate::tui::action::{Action, View};
use crate::tui::app::App;
use crate::tui::render;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};
use ratatui::Terminal;

fn app(width: u16, height: u16, now: i64, color: bool) -> App {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, now, color);
    app.update(Action::Resize { width, height });
    app
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| render::draw(f, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, one line per row, trailing spaces trimmed.
fn text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn screen(view: View, width: u16, height: u16) -> String {
    let mut app = app(width, height, 0, false);
    app.update(Action::ShowView(view));
    text(&draw(&app))
}

#[test]
fn grid_80x24() {
    insta::assert_snapshot!(screen(View::Grid, 80, 24));
}

#[test]
fn grid_120x40() {
    insta::assert_snapshot!(screen(View::Grid, 120, 40));
}

#[test]
fn agenda_80x24() {
    insta::assert_snapshot!(screen(View::Agenda, 80, 24));
}

#[test]
fn agenda_120x40() {
    insta::assert_snapshot!(screen(View::Agenda, 120, 40));
}

#[test]
fn speakers_80x24() {
    insta::assert_snapshot!(screen(View::Speakers, 80, 24));
}

#[test]
fn speakers_120x40() {
    insta::assert_snapshot!(screen(View::Speakers, 120, 40));
}

#[test]
fn rooms_80x24() {
    insta::assert_snapshot!(screen(View::Rooms, 80, 24));
}

#[test]
fn rooms_120x40() {
    insta::assert_snapshot!(screen(View::Rooms, 120, 40));
}

#[test]
fn conflicts_80x24() {
    insta::assert_snapshot!(screen(View::Conflicts, 80, 24));
}

#[test]
fn conflicts_120x40() {
    insta::assert_snapshot!(screen(View::Conflicts, 120, 40));
}

/// A program with conflicts: overlapping sessions side by side, glyphs in every view.
#[test]
fn conflicts_show_glyphs_and_side_by_side_blocks_120x40() {
    let mut app = app(120, 40, 0, false);
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "design-services-publics")
        .unwrap();
    app.reveal(i);
    app.update(Action::RoomLeft);
    let grid = text(&draw(&app));
    assert!(grid.contains("‖"), "overlap marker:\n{grid}");
    assert!(grid.contains("✗"), "error glyph:\n{grid}");
    insta::assert_snapshot!("grid_with_overlap_120x40", grid);
    app.update(Action::ShowView(View::Conflicts));
    insta::assert_snapshot!("conflicts_with_error_120x40", text(&draw(&app)));
}

#[test]
fn now_line_when_the_event_is_live() {
    // 2017-12-05 14:20 in Lyon.
    let app = app(120, 40, 1_512_480_000, false);
    let screen = text(&draw(&app));
    assert!(screen.contains("now ▶"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn popups_form_picker_help_prompt() {
    let mut app = app(100, 30, 0, false);
    app.update(Action::CursorDown);
    app.update(Action::CursorDown);
    app.update(Action::CursorDown);
    app.update(Action::EditForm);
    insta::assert_snapshot!("form_100x30", text(&draw(&app)));
    app.update(Action::Cancel);
    app.update(Action::People);
    for c in "lef".chars() {
        app.update(Action::Insert(c));
    }
    insta::assert_snapshot!("picker_100x30", text(&draw(&app)));
    app.update(Action::Cancel);
    app.update(Action::Help);
    insta::assert_snapshot!("help_100x30", text(&draw(&app)));
    app.update(Action::Cancel);
    app.update(Action::MoveLater);
    app.update(Action::Quit);
    insta::assert_snapshot!("quit_prompt_100x30", text(&draw(&app)));
}

#[test]
fn monochrome_theme_uses_no_colour_and_keeps_reverse_and_bold() {
    let mut app = app(120, 40, 1_512_480_000, false);
    app.update(Action::MoveLater);
    let buf = draw(&app);
    let mut reversed = 0;
    let mut bold = 0;
    for cell in buf.content() {
        assert!(
            matches!(cell.fg, Color::Reset) && matches!(cell.bg, Color::Reset),
            "colour in the monochrome theme: {cell:?}"
        );
        if cell.modifier.contains(Modifier::REVERSED) {
            reversed += 1;
        }
        if cell.modifier.contains(Modifier::BOLD) {
            bold += 1;
        }
    }
    assert!(
        reversed > 20,
        "the selection and status bar are in reverse video"
    );
    assert!(bold > 20);
    // The colour theme does use colour.
    let coloured = draw(&{
        let mut a = self::app(120, 40, 0, true);
        a.update(Action::Resize {
            width: 120,
            height: 40,
        });
        a
    });
    assert!(coloured.content().iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn too_small_terminals_get_a_message_and_never_panic() {
    let app40 = app(40, 12, 0, false);
    let screen = text(&draw(&app40));
    assert!(screen.contains("Terminal too small"), "{screen}");
    insta::assert_snapshot!("too_small_40x12", screen);
    // Every size from nothing to just big enough, in every view and mode that draws.
    for (w, h) in [
        (0, 0),
        (1, 1),
        (10, 3),
        (59, 16),
        (60, 15),
        (60, 16),
        (61, 17),
        (70, 20),
    ] {
        for view in View::ALL {
            let mut a = app(w.max(1), h.max(1), 0, false);
            a.update(Action::ShowView(view));
            a.update(Action::Resize {
                width: w,
                height: h,
            });
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            terminal.draw(|f| render::draw(f, &a)).unwrap();
            a.update(Action::Help);
            terminal.draw(|f| render::draw(f, &a)).unwrap();
            a.update(Action::Cancel);
            a.update(Action::EditForm);
            terminal.draw(|f| render::draw(f, &a)).unwrap();
        }
    }
}

/// Terminal control sequences that a hostile event could carry: CSI clear screen, an OSC
/// window title, an OSC 52 clipboard write (7-bit and C1 forms), a C1 CSI, and a bidi override.
const PAYLOADS: [&str; 6] = [
    "\u{1b}[2J",
    "\u{1b}]0;pwned\u{7}",
    "\u{1b}]52;c;cHduZWQ=\u{7}",
    "\u{9d}52;c;cHduZWQ=\u{9c}",
    "\u{9b}2J",
    "\u{202e}txt.exe",
];

fn toml_escaped(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || crate::export::clean::is_bidi_control(c) {
                format!("\\u{:04X}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// An event with every payload in every field the editor draws, in a file whose name has one.
fn hostile_app(dir: &Path) -> App {
    let bad = |field: &str| {
        let payloads: String = PAYLOADS.concat();
        toml_escaped(&format!("{field} {payloads} end"))
    };
    let text = format!(
        r#"[event]
id = "hostile"
name = "{event}"
timezone = "Europe/Paris"
start = 2024-03-05
end = 2024-03-06

[[tracks]]
id = "t"
name = "{track}"

[[rooms]]
id = "r"
name = "{room}"
capacity = 10

[[rooms]]
id = "r2"
name = "{room2}"

[[speakers]]
id = "s"
name = "{speaker}"
affiliation = "{affiliation}"

[[sessions]]
id = "a"
title = "{title}"
track = "t"
room = "r"
start = 2024-03-05T09:00:00
duration = 60
speakers = ["s"]
requires = ["{feature}"]
description = "{description}"

[[sessions]]
id = "b"
title = "{title2}"
room = "r"
start = 2024-03-05T09:30:00
duration = 60
speakers = ["s"]

[[sessions]]
id = "c"
title = "{title3}"
duration = 30
"#,
        event = bad("EVT"),
        track = bad("TRK"),
        room = bad("ROOM1"),
        room2 = bad("ROOM2"),
        speaker = bad("SPK"),
        affiliation = bad("affiliation"),
        title = bad("TTL1"),
        feature = bad("FEAT"),
        description = bad("DESC\nLINE2"),
        title2 = bad("TTL2"),
        title3 = bad("TTL3"),
    );
    let path = dir.join(format!("event{}.toml", PAYLOADS[1]));
    std::fs::write(&path, text).unwrap();
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, true);
    app.update(Action::Resize {
        width: 160,
        height: 80,
    });
    app
}

/// No cell of the screen holds a control or bidi character, and the payloads show escaped
/// (cleaned on their way, not caught by the last guard).
fn assert_inert(buf: &Buffer, what: &str) {
    for cell in buf.content() {
        assert_ne!(
            cell.symbol(),
            super::GUARDED,
            "{what}: a text reached the screen uncleaned (the guard caught it)\n{}",
            text(buf)
        );
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || crate::export::clean::is_bidi_control(c)),
            "{what}: a control character reaches the terminal: {:?}\n{}",
            cell.symbol(),
            text(buf)
        );
    }
}

#[test]
fn hostile_text_never_reaches_the_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = hostile_app(dir.path());
    let a = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "a")
        .unwrap();
    app.reveal(a);
    let grid = draw(&app);
    assert_inert(&grid, "grid, details, backlog, header, status");
    let mut seen = text(&grid);
    let screen = text(&grid);
    assert!(
        screen.contains("\\u{1b}"),
        "the escape shows as text:\n{screen}"
    );
    for view in View::ALL {
        app.update(Action::ShowView(view));
        let buf = draw(&app);
        assert_inert(&buf, view.title());
        seen.push_str(&text(&buf));
    }
    app.update(Action::ShowView(View::Grid));
    app.reveal(a);
    // Status messages name sessions; the form, the picker and their titles show the text.
    app.update(Action::MoveLater);
    assert_inert(&draw(&app), "status message");
    app.update(Action::EditForm);
    assert_inert(&draw(&app), "form");
    app.update(Action::Cancel);
    app.update(Action::People);
    let buf = draw(&app);
    assert_inert(&buf, "people picker");
    seen.push_str(&text(&buf));
    app.update(Action::Cancel);
    app.update(Action::Filter);
    assert_inert(&draw(&app), "filter picker");
    app.update(Action::Cancel);
    // Regression: the valid-slots list (`f`) wrote the session's title raw in its frame.
    app.reveal(a);
    app.update(Action::FindSlots);
    let buf = draw(&app);
    assert!(text(&buf).contains("Valid slots for"), "{}", text(&buf));
    assert_inert(&buf, "valid slots");
    app.update(Action::Cancel);
    app.update(Action::GotoRoom);
    assert_inert(&draw(&app), "go to a room");
    app.update(Action::Cancel);
    app.update(Action::Help);
    assert_inert(&draw(&app), "help");
    app.update(Action::Cancel);
    app.update(Action::Messages);
    assert_inert(&draw(&app), "messages");
    app.update(Action::Cancel);
    // A search for the hostile text, and the command line showing it.
    app.update(Action::Search);
    for c in PAYLOADS[2].chars() {
        app.update(Action::Insert(c));
    }
    assert_inert(&draw(&app), "search line");
    app.update(Action::Submit);
    assert_inert(&draw(&app), "search result");
    // A recovery file's reason is shown in the restore question.
    app.update(crate::tui::action::Msg::RecoveryFound {
        path: std::path::PathBuf::from("hostile.recovery"),
        recovery: Box::new(crate::recover::Recovery {
            format: "agora-recovery 1".into(),
            event: "hostile".into(),
            written_at: 0,
            reason: PAYLOADS.concat(),
            files: Vec::new(),
            instance: None,
            event_id: None,
        }),
        changed_since: false,
    });
    assert_inert(&draw(&app), "restore prompt");
    app.update(Action::Answer('i'));
    // An error message carrying the text (a save refused for a file with a hostile name).
    app.update(crate::tui::action::Msg::Exported(Err(PAYLOADS.concat())));
    assert_inert(&draw(&app), "error message");
    // Every field was on some screen, so each was checked.
    for field in [
        "EVT",
        "TRK",
        "ROOM1",
        "ROOM2",
        "SPK",
        "TTL1",
        "TTL2",
        "TTL3",
        "FEAT",
        "DESC",
        "LINE2",
        "event\\u{1b}",
    ] {
        assert!(seen.contains(field), "{field} never shown:\n{seen}");
    }
}

#[test]
fn grid_at_every_zoom_step() {
    for (width, height) in [(80, 24), (120, 40)] {
        for step in crate::tui::grid::STEPS {
            let mut app = app(width, height, 0, false);
            app.update(Action::CommandLine);
            for c in format!("step {step}").chars() {
                app.update(Action::Insert(c));
            }
            app.update(Action::Submit);
            assert_eq!(app.grid.step, step);
            let screen = text(&draw(&app));
            // The breaks for everyone keep their titles beside the sessions sharing their rows.
            for title in ["Accueil des participants", "Pause café", "Déjeuner"] {
                assert!(
                    step < 30 || screen.contains(title),
                    "{title} at step {step}:\n{screen}"
                );
            }
            // Nothing of a break is left between columns.
            for stray in ["…ooms", "…·", "0▌", "o▌", ":▌"] {
                assert!(!screen.contains(stray), "{stray} at step {step}:\n{screen}");
            }
            insta::assert_snapshot!(format!("grid_step_{step}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn details_show_offsets_on_a_day_the_clocks_change() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-autumn.toml");
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "second-pass")
        .unwrap();
    app.reveal(i);
    let screen = text(&draw(&app));
    assert!(screen.contains("UTC+01:00"), "{screen}");
    // An ordinary day shows no offset.
    let seed = self::app(120, 40, 0, false);
    assert!(!text(&draw(&seed)).contains("UTC+"));
}

#[test]
fn at_80x24_the_name_help_and_quit_are_on_screen() {
    for view in View::ALL {
        let screen = screen(view, 80, 24);
        let lines: Vec<&str> = screen.lines().collect();
        assert!(lines[0].contains("Forum des Interconnectés"), "{screen}");
        assert!(lines[23].ends_with("? help · q quit"), "{screen}");
    }
}

#[test]
fn long_messages_can_be_read_whole() {
    let mut app = app(80, 24, 0, false);
    let long = "room-overlap: 'Design de services publics' and 'Comment la donnée transforme la ville' are both in Salle Rhône from 14:00 to 15:30; move one of them";
    app.update(crate::tui::action::Msg::Exported(Err(long.into())));
    let status = text(&draw(&app)).lines().nth(22).unwrap().to_string();
    assert!(status.contains("… g<"), "{status}");
    for c in ['g', '<'] {
        app.handle_key(crate::tui::keymap::Key::Char(c));
    }
    assert_eq!(app.mode, crate::tui::action::Mode::Messages);
    let screen = text(&draw(&app)).replace(['│', '\n'], " ");
    let words: String = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("move one of them"), "{screen}");
    app.update(Action::Cancel);
    assert_eq!(app.mode, crate::tui::action::Mode::Normal);
}

#[test]
fn the_details_pane_scrolls_and_starts_at_the_top_for_each_session() {
    let mut app = app(80, 24, 0, false);
    app.update(Action::CommandLine);
    for c in "goto 09:15".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    let before = text(&draw(&app));
    assert!(before.contains("▼ Ctrl-e"), "more below:\n{before}");
    app.update(Action::DetailsDown);
    app.update(Action::DetailsDown);
    let after = text(&draw(&app));
    assert_ne!(before, after);
    assert!(after.contains("▲"));
    assert_eq!(app.details_scroll, 2);
    app.update(Action::CursorRight);
    assert_eq!(app.details_scroll, 0, "another session starts at the top");
}

#[test]
fn help_has_a_legend_a_search_and_an_end() {
    let mut app = app(100, 30, 0, false);
    app.update(Action::Help);
    let first = text(&draw(&app));
    assert!(first.contains("Grid glyphs"), "{first}");
    assert!(first.contains("overlaps another session in the same room"));
    // G reaches the last line.
    app.update(Action::Bottom);
    let end = text(&draw(&app));
    assert!(end.contains("Esc, q or ? closes"), "{end}");
    assert!(app.help_scroll > 0);
    // `/` narrows to what matches, headings kept.
    app.update(Action::Top);
    app.update(Action::Search);
    for c in "redo".chars() {
        app.update(Action::Insert(c));
    }
    let found = text(&draw(&app));
    assert!(found.contains("Ctrl-r"), "{found}");
    assert!(!found.contains("Grid glyphs"), "{found}");
    app.update(Action::Submit);
    assert_eq!(app.mode, crate::tui::action::Mode::Help);
    app.update(Action::Cancel);
    assert_eq!(app.mode, crate::tui::action::Mode::Normal);
    assert!(app.help_query.is_empty());
}

/// The form of a room draws every field, its values and a wrong field's message, at 80×24.
#[test]
fn room_form_draws_every_field_and_its_errors() {
    let mut app = app(80, 24, 1_512_400_000, false);
    app.update(Action::CommandLine);
    for c in "edit-room amphi".chars() {
        app.update(Action::Insert(c));
    }
    app.update(Action::Submit);
    let form = app.item_form.as_mut().unwrap();
    form.focus = 2;
    form.values[2] = "many".into();
    app.update(Action::Submit);
    let screen = text(&draw(&app));
    for label in [
        "id amphi",
        "name Amphithéâtre",
        "capacity many",
        "features projector, stream, sono",
        "accessible yes",
        "location Niveau 0",
        "open 2017-12-05 08:00-19:00; 2017-12-06 08:00-18:00",
        "✗ `many` is not a number of seats",
    ] {
        assert!(screen.contains(label), "{label:?} not on screen:\n{screen}");
    }
    assert!(screen.contains("Edit room 'Amphithéâtre'"), "{screen}");
}

#[test]
fn the_form_scrolls_to_the_focused_field_on_a_short_screen() {
    // Regression: at 60×16 the form showed title to moderators whatever the focus, so a
    // value typed into `url` went into a field nobody could see.
    let mut app = app(60, 16, 0, false);
    let i = app
        .doc
        .program
        .sessions
        .iter()
        .position(|s| s.id == "digitalisation-bouscule-territoires")
        .unwrap();
    app.reveal(i);
    app.update(Action::EditForm);
    let first = text(&draw(&app));
    assert!(first.contains("title"), "{first}");
    assert!(first.contains("more"), "{first}");
    let url = crate::tui::form::FormKey::ALL
        .iter()
        .position(|k| k.label() == "url")
        .unwrap();
    for _ in 0..url {
        app.update(Action::NextField);
    }
    let screen = text(&draw(&app));
    let line = screen
        .lines()
        .find(|l| l.contains("        url "))
        .unwrap_or_else(|| panic!("the focused url field is out of view:\n{screen}"));
    assert!(line.contains("lagazette") || line.contains('█'), "{line}");
    assert!(screen.contains("↑"), "{screen}");
    // Back to the first field: the top is in view again.
    for _ in 0..url {
        app.update(Action::PrevField);
    }
    assert!(text(&draw(&app)).contains("      title "));
}

#[test]
fn on_the_night_the_clocks_go_back_the_agenda_says_each_offset() {
    // Regression: two sessions at 02:15, an hour apart (before and after the clocks go back),
    // read as simultaneous in the agenda; only the details pane had the offsets.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dst.toml");
    std::fs::write(
        &path,
        r#"[event]
id = "dst"
name = "DST"
timezone = "Europe/Paris"
start = 2017-10-28
end = 2017-10-29

[[rooms]]
id = "a"
name = "Room A"

[[rooms]]
id = "b"
name = "Room B"

[[sessions]]
id = "night"
title = "Night talk"
room = "a"
start = 2017-10-29T02:15:00+02:00
duration = 15

[[sessions]]
id = "night2"
title = "Second 02:15"
room = "b"
start = 2017-10-29T02:15:00+01:00
duration = 15

[[sessions]]
id = "day1"
title = "Saturday"
room = "a"
start = 2017-10-28T10:00:00
duration = 30
"#,
    )
    .unwrap();
    let (doc, disk) = save::open(&path).unwrap();
    let mut app = App::new(doc, disk, 0, false);
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::ShowView(View::Agenda));
    let screen = text(&draw(&app));
    let line = |title: &str| {
        screen
            .lines()
            .find(|l| l.contains(title))
            .unwrap_or_else(|| panic!("{title} not shown:\n{screen}"))
            .to_string()
    };
    assert!(line("Night talk").contains("02:15–02:30 +2"), "{screen}");
    assert!(line("Second 02:15").contains("02:15–02:30 +1"), "{screen}");
    // An ordinary day keeps its plain times.
    assert!(!line("Saturday").contains('+'), "{screen}");
}
