//! The editor's state and the one place it changes: [`App::update`] takes a [`Msg`] (an
//! [`Action`], or the runner's report on an effect) and returns the [`Effect`] the runner must
//! carry out, if any. No I/O happens here — saving, exporting and quitting are effects — so
//! every action is testable on plain state. Each mode handles its actions in its own file.
//!
//! After each edit the conflicts are derived again from the program (`Derived::new`, which
//! runs the rules); nothing about conflicts is ever stored.

mod form;
mod items;
mod line;
mod navigation;
mod normal;
mod paste;
mod picker;
mod prompt;
mod reports;
mod rooms;
pub(crate) mod safety;
mod search;
mod slots;

use std::collections::BTreeSet;

use chrono::NaiveDate;

pub use self::prompt::{Answer, Prompt};
use super::action::{Action, Effect, Mode, Msg, View};
use super::derive::Derived;
use super::form::Form;
use super::grid::{self, GridState};
use super::keymap::{Key, Keymap, Resolved};
use super::layout::{self, Areas};
use super::lists::{self, Filters};
use super::picker::Picker;
use crate::edit::{Document, Edit, History};
use crate::model::Session;
use crate::save::OnDisk;
use crate::time::Instant;

/// Cursor and scroll of a list view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListState {
    pub cursor: usize,
    pub top: usize,
}

/// A session held in grab mode, with the edits made to it so far (applied, not yet recorded).
#[derive(Debug, Clone)]
pub struct Grab {
    pub session: usize,
    pub applied: Vec<Edit>,
}

/// A press of the mouse on a session in the grid: a drag from there moves the session by as
/// many rows and rooms as the pointer went, holding it (grab mode) until the button is released.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Press {
    pub session: usize,
    /// The grid row and room pressed.
    pub row: usize,
    pub room: usize,
    /// The session's local start when pressed.
    pub start: chrono::NaiveDateTime,
    /// The pointer left the pressed cell (the session is being dragged).
    pub dragging: bool,
}

/// The last search and where we are in its matches.
#[derive(Debug, Clone, Default)]
pub struct Search {
    pub query: String,
    pub matches: Vec<usize>,
    pub current: Option<usize>,
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub text: String,
    pub error: bool,
}

/// The whole editor state.
pub struct App {
    pub doc: Document,
    pub disk: OnDisk,
    pub history: History,
    pub derived: Derived,
    /// The event's file or folder name, for the status bar.
    pub name: String,
    pub view: View,
    pub mode: Mode,
    pub grid: GridState,
    /// Agenda, speakers, rooms, conflicts.
    pub lists: [ListState; 4],
    pub backlog_focus: bool,
    pub backlog: ListState,
    pub selected: Option<usize>,
    pub details: bool,
    pub grab: Option<Grab>,
    /// The mouse button is down on a session of the grid (see [`Press`]).
    pub press: Option<Press>,
    pub yank: Option<Session>,
    pub search: Search,
    /// Text of the command or search line.
    pub line: String,
    /// Characters after the cursor in `line` (0: at the end; see `src/tui/typing.rs`).
    pub line_back: usize,
    /// Lines run on the `:` line (0) and the `/` line (1), oldest first, for `Up`/`Down`.
    pub line_history: [Vec<String>; 2],
    /// Which history line is shown (`None`: the line being typed).
    pub recalled: Option<usize>,
    /// The line being typed when `Up` recalled an older one.
    pub draft: String,
    pub form: Option<Form>,
    /// The form of a room, speaker or track (`:edit-room`, …).
    pub item_form: Option<super::item_form::ItemForm>,
    pub picker: Option<Picker>,
    pub prompt: Option<Prompt>,
    /// Keys typed of an unfinished sequence (`]` of `]c`).
    pub pending: Vec<Key>,
    pub message: Option<Message>,
    pub filters: Filters,
    pub picks: BTreeSet<String>,
    /// The picks as last read or written: what another agora changed since is merged in.
    pub picks_base: BTreeSet<String>,
    /// The current time, given by the runner (tests pin it).
    pub now: Instant,
    pub width: u16,
    pub height: u16,
    pub color: bool,
    pub help_scroll: usize,
    /// The slots `f` offers for a session, while its list is open.
    pub offers: Vec<crate::place::Offer>,
    /// Valid `(room, start)` places of the held session in grab mode, sorted, for the marks.
    pub targets: Vec<(Option<usize>, Instant)>,
    /// The session and length `targets` were computed for.
    pub targets_key: Option<(usize, i64)>,
    /// Recovery files, another editor, merges (see [`safety`]).
    pub safety: safety::Safety,
    /// What changed since the last release (`None`: no release, or not read yet).
    pub changes: Option<crate::tui::changes::Changes>,
    /// What the help is narrowed to (`/` in the help).
    pub help_query: String,
    /// The last messages, oldest first, for `g<`.
    pub messages: Vec<Message>,
    /// Lines the details pane is scrolled by, for the session `details_for`.
    pub details_scroll: usize,
    pub details_for: Option<usize>,
    /// The rooms the grid hides (`:rooms`; see `rooms.rs`), by item uid: a room renamed or
    /// put back by an undo stays hidden.
    pub hidden_rooms: Vec<u64>,
    /// The hidden rooms when the rooms picker opened, for Esc.
    pub rooms_before: Option<Vec<u64>>,
}

/// Messages kept for `g<`.
const MESSAGES_KEPT: usize = 50;

impl App {
    /// An editor on a loaded document. `now` is the current time; `color` picks the theme.
    pub fn new(doc: Document, disk: OnDisk, now: Instant, color: bool) -> App {
        let derived = Derived::new(&doc.program);
        let name = disk
            .root
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| disk.root.display().to_string());
        let mut app = App {
            doc,
            disk,
            history: History::new(),
            derived,
            name,
            view: View::Grid,
            mode: Mode::Normal,
            grid: GridState::default(),
            lists: [ListState::default(); 4],
            backlog_focus: false,
            backlog: ListState::default(),
            selected: None,
            details: true,
            grab: None,
            press: None,
            yank: None,
            search: Search::default(),
            line: String::new(),
            line_back: 0,
            line_history: [Vec::new(), Vec::new()],
            recalled: None,
            draft: String::new(),
            form: None,
            item_form: None,
            picker: None,
            prompt: None,
            pending: Vec::new(),
            message: None,
            filters: Filters::default(),
            picks: BTreeSet::new(),
            picks_base: BTreeSet::new(),
            now,
            width: 80,
            height: 24,
            color,
            help_scroll: 0,
            offers: Vec::new(),
            targets: Vec::new(),
            targets_key: None,
            safety: safety::Safety::new(now),
            changes: None,
            help_query: String::new(),
            messages: Vec::new(),
            details_scroll: 0,
            details_for: None,
            hidden_rooms: Vec::new(),
            rooms_before: None,
        };
        app.start_position();
        app.settle();
        app
    }

    /// Open on the day that is "today" when the event is live, else the first day, with the
    /// cursor on the first session.
    fn start_position(&mut self) {
        let tz = self.doc.program.event.timezone;
        let today = crate::time::to_local(tz, self.now).date_naive();
        self.grid.day = self
            .derived
            .days
            .iter()
            .position(|d| *d == today)
            .unwrap_or(0);
        if let Some(&first) = self
            .derived
            .day_sessions
            .get(self.grid.day)
            .and_then(|d| d.first())
        {
            self.reveal(first);
        } else if let Some(frame) = self.frame() {
            self.grid.row = frame.row_of(frame.origin + 9 * 3600 - (frame.origin % 3600));
        }
    }

    pub fn areas(&self) -> Areas {
        let backlog = self.view == View::Grid && !self.derived.unscheduled.is_empty();
        layout::areas(self.width, self.height, self.details, backlog)
    }

    /// The view tabs of the header, where they are drawn and clicked.
    pub fn view_tabs(&self) -> Vec<layout::Tab<View>> {
        let s = self.derived.summary;
        layout::view_tabs(s.errors + s.warnings, self.width)
    }

    /// The day tabs of the grid, where they are drawn and clicked.
    pub fn day_tabs(&self) -> Vec<layout::Tab<usize>> {
        layout::day_tabs(self.areas().main, &self.derived.days)
    }

    /// The rows of a list view, as they are now.
    pub fn rows(&self, view: View) -> Vec<lists::Row> {
        match (view, &self.changes) {
            (View::Agenda, Some(changes)) if self.filters.changed => lists::agenda_changed(
                &self.doc.program,
                &self.derived,
                &self.filters,
                &self.picks,
                &|i| changes.mark(i).is_some(),
            ),
            _ => lists::rows(
                &self.doc.program,
                &self.derived,
                &self.filters,
                &self.picks,
                view,
            ),
        }
    }

    /// The session a list row is about.
    pub fn row_session(&self, row: &lists::Row) -> Option<usize> {
        lists::row_session(&self.derived, row)
    }

    pub fn frame(&self) -> Option<grid::DayFrame> {
        grid::day_frame(
            &self.doc.program,
            &self.derived,
            self.grid.day,
            self.grid.step,
        )
    }

    pub fn day_date(&self) -> NaiveDate {
        self.derived
            .days
            .get(self.grid.day)
            .copied()
            .unwrap_or(self.doc.program.event.start)
    }

    pub fn list_index(view: View) -> Option<usize> {
        match view {
            View::Grid => None,
            other => Some(other.index() - 1),
        }
    }

    fn info(&mut self, text: impl Into<String>) {
        self.say(text.into(), false);
    }

    fn error(&mut self, text: impl Into<String>) {
        self.say(text.into(), true);
    }

    fn say(&mut self, text: String, error: bool) {
        let m = Message { text, error };
        // The last messages stay readable in full (`g<`); only the latest shows in the bar.
        self.messages.push(m.clone());
        if self.messages.len() > MESSAGES_KEPT {
            self.messages.remove(0);
        }
        self.message = Some(m);
    }

    /// Handle a key: resolve it in the current mode, then update.
    pub fn handle_key(&mut self, key: Key) -> Option<Effect> {
        match Keymap::resolve(self.mode, &self.pending, key) {
            Resolved::Pending => {
                self.pending.push(key);
                None
            }
            Resolved::Action(action) => {
                self.pending.clear();
                self.update(action)
            }
            Resolved::Unbound => {
                self.pending.clear();
                None
            }
        }
    }

    /// The only place the state changes: an action of the organiser, or a report from the
    /// runner.
    pub fn update(&mut self, msg: impl Into<Msg>) -> Option<Effect> {
        let action = match msg.into() {
            Msg::Action(action) => action,
            report => {
                let effect = self.report(report);
                self.settle();
                return effect;
            }
        };
        if let Action::Resize { width, height } = action {
            // In every mode.
            self.width = width;
            self.height = height;
            self.settle();
            return None;
        }
        if action == Action::Suspend {
            // From every mode: `fg` comes back to it as it was.
            return Some(Effect::Suspend);
        }
        let effect = match self.mode {
            Mode::Prompt => self.update_prompt(action),
            Mode::Help | Mode::Messages => self.update_help(action),
            Mode::HelpSearch => self.update_help_search(action),
            Mode::Command | Mode::Search => self.update_line(action),
            Mode::Form => self.update_form(action),
            Mode::Picker => self.update_picker(action),
            Mode::Normal | Mode::Grab => self.update_normal(action),
        };
        self.settle();
        self.guard(effect)
    }

    fn update_help(&mut self, action: Action) -> Option<Effect> {
        let page = self.areas().main.height.saturating_sub(4).max(1) as usize;
        match action {
            Action::Cancel | Action::Help => {
                self.mode = Mode::Normal;
                self.help_query.clear();
            }
            Action::CursorDown => self.help_scroll += 1,
            Action::CursorUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll += page,
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(page),
            Action::Top => self.help_scroll = 0,
            Action::Bottom => self.help_scroll = usize::MAX,
            Action::Search if self.mode == Mode::Help => {
                self.help_query.clear();
                self.help_scroll = 0;
                self.mode = Mode::HelpSearch;
            }
            Action::Scroll { lines, .. } => {
                self.help_scroll = (self.help_scroll as i64 + lines as i64).max(0) as usize
            }
            _ => {}
        }
        self.help_scroll = self.help_scroll.min(self.help_max_scroll());
        None
    }

    /// Typing a search in the help: the lines narrow as you type.
    fn update_help_search(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Insert(c) => self.help_query.push(c),
            Action::DeleteBack => {
                self.help_query.pop();
            }
            Action::ClearInput => self.help_query.clear(),
            Action::Cancel => {
                self.help_query.clear();
                self.mode = Mode::Help;
            }
            Action::Submit => self.mode = Mode::Help,
            _ => {}
        }
        self.help_scroll = 0;
        None
    }

    /// How far the help or the messages scroll: their last line at the bottom of the box.
    pub fn help_max_scroll(&self) -> usize {
        let lines = match self.mode {
            Mode::Messages => self
                .messages
                .iter()
                .map(|m| m.text.chars().count() / 80 + 1)
                .sum::<usize>(),
            _ => super::help::screen_lines(&super::help::fitted(
                super::help::lines(&self.help_query),
                super::help::box_width(self.width),
            )),
        };
        let shown = self.help_box_height().saturating_sub(2);
        lines.saturating_sub(shown)
    }

    /// Height of the help box (the render draws it this tall).
    pub fn help_box_height(&self) -> usize {
        self.height.saturating_sub(2) as usize
    }

    /// Record an edit, derive the conflicts again and put the cursor on what changed.
    pub fn commit(&mut self, edit: Edit) {
        let focus = edit.focus();
        // Described once applied, so a retitled session is named by its new title.
        let described = edit.clone();
        self.history.perform(&mut self.doc, edit);
        let text = crate::tui::words::describe(&described, &self.doc.program);
        self.refresh();
        self.info(capitalise(&text));
        if let Some(f) = focus {
            self.reveal(f);
        } else {
            self.settle();
        }
    }

    /// Derive everything again from the program.
    pub fn refresh(&mut self) {
        self.derived = Derived::after(&self.doc.program, Some(&self.derived));
        if let Some(changes) = &mut self.changes {
            changes.refresh(&self.doc.program);
        }
        if let Some(s) = self.selected {
            if s >= self.doc.program.sessions.len() {
                self.selected = None;
            }
        }
    }
}

fn capitalise(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

fn clamp_add(value: usize, delta: i64, len: usize) -> usize {
    if len == 0 {
        return 0;
    }
    (value as i64)
        .saturating_add(delta)
        .clamp(0, len as i64 - 1) as usize
}

fn contains(r: ratatui::layout::Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

#[cfg(test)]
mod edge_tests;
#[cfg(test)]
mod tests;
