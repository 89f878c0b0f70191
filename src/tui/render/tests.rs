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
