//! `agora signage`: the now/next display for a screen beside a door or at the desk, apart from
//! the editor. The same shape as the editor: a state ([`Signage`]), messages ([`Msg`]: a clock
//! tick, a key, a reload's result), [`Signage::update`] the only place the state changes,
//! rendering (`render`) a pure function of the state, and a runner (`run`) that owns the
//! terminal, the clock and the file watcher.
//!
//! The clock is a message like any other, so tests drive a whole event through a simulated
//! clock (see `tests/it/signage.rs`). The state holds one board and a few small values: it does
//! not grow however long it runs.

pub mod render;
pub(crate) mod run;

use crate::model::Program;
use crate::signage::{Baseline, Board};
use crate::time::Instant;
use crate::tui::keymap::Key;
use crate::tui::theme::Theme;

/// Ticks (seconds: the runner ticks once a second) a page of the departures board stays.
pub const PAGE_TICKS: u64 = 10;

/// What the screen shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Show {
    /// One room at a time, from these room ids (all rooms when empty).
    Rooms(Vec<String>),
    /// Every room's now and next, paged.
    All,
}

/// Something that happened.
#[derive(Debug)]
pub enum Msg {
    /// The clock shows this instant.
    Tick(Instant),
    Key(Key),
    /// The event files changed and read well.
    Loaded(Box<Program>),
    /// The event files changed and do not read: why, in one line.
    LoadFailed(String),
    /// Where sessions were at the last release: moves since then are shown. Takes effect at
    /// the next `Loaded`.
    Baseline(Baseline),
}

/// The display's state.
#[derive(Debug)]
pub struct Signage {
    pub board: Board,
    /// Where sessions were at the last release (or, without releases, when the display
    /// started): moves since then are shown.
    pub baseline: Baseline,
    pub show: Show,
    /// Rooms shown, as indices into the board's rooms.
    pub rooms: Vec<usize>,
    /// The room shown (index into `rooms`), or the board's page.
    pub current: usize,
    /// Pages of the departures board, as the last frame laid them out.
    pub pages: usize,
    /// Ticks since the board's page last turned (the clock may be held by `--at`).
    pub since_turn: u64,
    pub now: Instant,
    /// The last reload failed: the program shown is the last good one.
    pub warning: Option<String>,
    pub theme: Theme,
    pub quit: bool,
}

impl Signage {
    pub fn new(program: &Program, show: Show, now: Instant, theme: Theme) -> Signage {
        let baseline = Baseline::of(program);
        let board = Board::new(program, Some(&baseline));
        let mut s = Signage {
            rooms: Vec::new(),
            board,
            baseline,
            show,
            current: 0,
            pages: 1,
            since_turn: 0,
            now,
            warning: None,
            theme,
            quit: false,
        };
        s.select_rooms();
        s
    }

    /// Room ids of `show` that the program does not define.
    pub fn unknown_rooms(program: &Program, show: &Show) -> Vec<String> {
        match show {
            Show::Rooms(ids) => ids
                .iter()
                .filter(|id| !program.rooms.iter().any(|r| &r.id == *id))
                .cloned()
                .collect(),
            Show::All => Vec::new(),
        }
    }

    fn select_rooms(&mut self) {
        let all: Vec<usize> = (0..self.board.rooms.len()).collect();
        self.rooms = match &self.show {
            Show::Rooms(ids) if !ids.is_empty() => ids
                .iter()
                .filter_map(|id| self.board.rooms.iter().position(|r| &r.id == id))
                .collect(),
            _ => all,
        };
        let count = self.count();
        if self.current >= count {
            self.current = count.saturating_sub(1);
        }
    }

    /// How many rooms or pages the keys step through.
    fn count(&self) -> usize {
        match self.show {
            Show::All => self.pages.max(1),
            Show::Rooms(_) => self.rooms.len().max(1),
        }
    }

    /// The room on screen, in single-room mode.
    pub fn room(&self) -> Option<usize> {
        self.rooms.get(self.current).copied()
    }

    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Tick(now) => {
                self.now = now;
                self.since_turn += 1;
                if self.show == Show::All && self.pages > 1 && self.since_turn >= PAGE_TICKS {
                    self.current = (self.current + 1) % self.pages;
                    self.since_turn = 0;
                }
            }
            Msg::Key(key) => match key {
                Key::Char('q') | Key::Esc | Key::Ctrl('c') => self.quit = true,
                Key::Right
                | Key::Down
                | Key::Tab
                | Key::PageDown
                | Key::Char(' ' | 'l' | 'n' | 'j') => {
                    self.current = (self.current + 1) % self.count();
                    self.since_turn = 0;
                }
                Key::Left | Key::Up | Key::BackTab | Key::PageUp | Key::Char('h' | 'p' | 'k') => {
                    let n = self.count();
                    self.current = (self.current + n - 1) % n;
                    self.since_turn = 0;
                }
                _ => {}
            },
            Msg::Loaded(program) => {
                self.board = Board::new(&program, Some(&self.baseline));
                self.warning = None;
                self.select_rooms();
            }
            Msg::LoadFailed(why) => self.warning = Some(why),
            Msg::Baseline(baseline) => self.baseline = baseline,
        }
    }

    /// The departures board laid out `pages` pages (the renderer tells; clamps the page).
    pub fn set_pages(&mut self, pages: usize) {
        self.pages = pages.max(1);
        if self.show == Show::All && self.current >= self.pages {
            self.current = 0;
        }
    }

    /// How much the state holds, for tests that it does not grow.
    pub fn footprint(&self) -> usize {
        self.board.footprint()
            + self.baseline.len()
            + self.rooms.len()
            + self.warning.as_ref().map_or(0, String::len)
    }
}
