//! `agora signage PATH [--room ID…|--all] [--at DATETIME]`: the now/next display. On a
//! terminal it runs full screen until `q`; otherwise (a pipe, a file) it prints one frame as
//! text, so scripts and rehearsals can see what a screen shows at a moment.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::Args;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

use super::check::input_failure;
use super::{stdout_color, write_stderr, write_stdout, ColorChoice, Outcome};
use crate::load::{closest, load_path};
use crate::signage::parse_at;
use crate::tui::signage::run::{self, TimeSource};
use crate::tui::signage::{render, Msg, Show, Signage};
use crate::tui::theme::Theme;

const AFTER: &str = "\
Keys: →, Space or n: next room (or page); ←, p: previous; q: quit.
The display follows the clock, and reloads when the event's files change; a save that does \
not read keeps the last good program on screen, with a warning. Sessions moved since the \
last release (or, for an event without releases, since the display started) show \"Moved \
to …\" in their old room.
When standard output is not a terminal, one frame is printed as text (--width, --height).

Examples:
  agora signage events/forum-interconnectes-2017.toml --room amphi
  agora signage events/forum-interconnectes-2017.toml --all
  agora signage event.toml --room amphi --at 2017-12-05T14:30     # rehearse a moment
  agora signage event.toml --all --at 2017-12-05T10:00 | less      # print one frame";

#[derive(Debug, Args)]
#[command(after_help = AFTER)]
pub struct SignageArgs {
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// Show this room (repeatable: the keys step through them). Default: every room, paged.
    #[arg(long = "room", value_name = "ID", conflicts_with = "all")]
    pub rooms: Vec<String>,
    /// The departures board: every room's now and next.
    #[arg(long)]
    pub all: bool,
    /// Show this moment instead of the clock's: 2017-12-05T14:30 in the event's zone, or with an offset.
    #[arg(long, value_name = "DATETIME")]
    pub at: Option<String>,
    /// Columns of the printed frame when output is not a terminal.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub width: u16,
    /// Rows of the printed frame when output is not a terminal.
    #[arg(long, default_value_t = 32, value_name = "N")]
    pub height: u16,
}

fn fail(message: &str) -> Outcome {
    write_stderr(&format!("error: {message}\n"));
    Outcome::Failed
}

pub(super) fn run(args: &SignageArgs, color: ColorChoice) -> Outcome {
    let program = match load_path(&args.path) {
        Ok(p) => p,
        Err(failure) => return input_failure(&failure, color),
    };
    let show = match (&program.rooms[..], args.all, args.rooms.is_empty()) {
        // One room: its screen, not a board of one line.
        ([only], false, true) => Show::Rooms(vec![only.id.clone()]),
        (_, true, _) | (_, _, true) => Show::All,
        _ => Show::Rooms(args.rooms.clone()),
    };
    if let Some(id) = Signage::unknown_rooms(&program, &show).first() {
        let help = match closest(id, program.rooms.iter().map(|r| r.id.as_str())) {
            Some(c) => format!("did you mean `{c}`?"),
            None => format!(
                "the rooms are: {}",
                program
                    .rooms
                    .iter()
                    .map(|r| r.id.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        return fail(&format!(
            "`{}` is not a room of {}\n  help: {help}",
            id.escape_debug(),
            args.path.display()
        ));
    }
    if program.rooms.is_empty() {
        return fail(&format!(
            "{} has no rooms: signage shows what is on in each room; add a [[rooms]] table",
            args.path.display()
        ));
    }
    let time = match &args.at {
        Some(text) => match parse_at(text, program.event.timezone) {
            Ok(t) => TimeSource::Fixed(t),
            Err(m) => return fail(&format!("--at: {m}")),
        },
        None => TimeSource::System,
    };
    let terminal = std::io::stdout().is_terminal();
    let theme = Theme {
        color: stdout_color(color),
    };
    let mut state = Signage::new(&program, show, time.now(), theme);
    // With releases, moves are those since the last one, not since the display started.
    if let Some(baseline) = run::release_baseline(&args.path, &program) {
        state.update(Msg::Baseline(baseline));
        state.update(Msg::Loaded(Box::new(program)));
    }
    if !terminal {
        return print_frame(&mut state, args.width, args.height, time);
    }
    match run::run(state, &args.path, time) {
        Ok(()) => Outcome::Clean,
        Err(m) => fail(&m),
    }
}

/// One frame as text.
fn print_frame(state: &mut Signage, width: u16, height: u16, time: TimeSource) -> Outcome {
    let (width, height) = (width.clamp(20, 1000), height.clamp(5, 1000));
    state.update(Msg::Tick(time.now()));
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height)) else {
        return fail("cannot lay out the frame");
    };
    let drawn = terminal.draw(|f| {
        render::render(f, state);
    });
    if let Err(e) = drawn {
        return fail(&format!("cannot draw the frame: {e}"));
    }
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut x = 0;
        while x < buffer.area.width {
            // A wide character covers the next cell too.
            let symbol = buffer[(x, y)].symbol();
            line.push_str(symbol);
            x += unicode_width::UnicodeWidthStr::width(symbol).max(1) as u16;
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    write_stdout(text.as_bytes())
}
