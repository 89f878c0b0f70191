//! The editor's state and the one place it changes: [`App::update`] takes an [`Action`] and
//! returns the [`Effect`] the runner must carry out, if any. No I/O happens here — saving,
//! exporting and quitting are effects — so every action is testable on plain state.
//!
//! After each edit the conflicts are derived again from the program (`Derived::new`, which
//! runs the rules); nothing about conflicts is ever stored.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::NaiveDate;

use super::action::{Action, Effect, Mode, View};
use super::command::{self, Command};
use super::derive::Derived;
use super::form::Form;
use super::grid::{self, GridState, STEPS};
use super::keymap::{Key, Keymap, Resolved};
use super::layout::{self, Areas};
use super::lists::{self, Filters, Row};
use super::picker::{Choice, Item, Picker, Purpose};
use crate::edit::{self, Document, Edit, History, Role};
use crate::model::{Kind, Session, Status};
use crate::recover::Recovery;
use crate::rules::wording;
use crate::save::{OnDisk, SaveError, Saved};
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

/// A question waiting for a lettered answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Quit with unsaved edits: write, discard or cancel.
    Quit,
    /// Files changed on disk since loaded: reload, keep mine or cancel.
    Overwrite {
        paths: Vec<PathBuf>,
        then_quit: bool,
    },
    /// A recovery file was found at launch: restore, discard or ignore.
    Restore { when: String, reason: String },
}

impl Prompt {
    pub fn question(&self) -> String {
        match self {
            Prompt::Quit => "Unsaved edits. (w)rite and quit, (d)iscard them and quit, or (c)ancel?".into(),
            Prompt::Overwrite { paths, .. } => format!(
                "{} changed on disk since it was loaded. (r)eload it (drop your edits), (k)eep mine (overwrite), or (c)ancel?",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Prompt::Restore { when, reason } => format!(
                "Unsaved edits from {when} were recovered ({reason}). (r)estore them, (d)iscard the recovery file, or (i)gnore for now?"
            ),
        }
    }
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
    pub yank: Option<Session>,
    pub search: Search,
    /// Text of the command or search line.
    pub line: String,
    pub form: Option<Form>,
    pub picker: Option<Picker>,
    pub prompt: Option<Prompt>,
    /// Keys typed of an unfinished sequence (`]` of `]c`).
    pub pending: Vec<Key>,
    pub message: Option<Message>,
    pub filters: Filters,
    pub picks: BTreeSet<String>,
    /// The current time, given by the runner (tests pin it).
    pub now: Instant,
    pub width: u16,
    pub height: u16,
    pub color: bool,
    pub help_scroll: usize,
    /// A recovery file found at launch, until answered.
    pub recovery: Option<Recovery>,
    /// The organiser chose to keep an older recovery file for later: the runner must neither
    /// overwrite it with autosaves nor remove it.
    pub keep_recovery: bool,
}

const PAGE_FALLBACK: usize = 10;

/// Case- and accent-insensitive search: "francoise" finds "Françoise", "soren" "Søren".
fn fold(text: &str) -> String {
    crate::text::fold(text)
}

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
            yank: None,
            search: Search::default(),
            line: String::new(),
            form: None,
            picker: None,
            prompt: None,
            pending: Vec::new(),
            message: None,
            filters: Filters::default(),
            picks: BTreeSet::new(),
            now,
            width: 80,
            height: 24,
            color,
            help_scroll: 0,
            recovery: None,
            keep_recovery: false,
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

    /// A recovery file was found: ask what to do with it first. `changed_since`: the event's
    /// files were modified after it was written.
    pub fn offer_recovery(&mut self, recovery: Recovery, changed_since: bool) {
        let when = crate::time::to_local(self.doc.program.event.timezone, recovery.written_at)
            .format("%Y-%m-%d %H:%M")
            .to_string();
        let mut reason = recovery.reason.clone();
        if changed_since {
            reason.push_str(
                "; the event changed on disk since, and restoring replaces those changes where they differ",
            );
        }
        self.prompt = Some(Prompt::Restore { when, reason });
        self.mode = Mode::Prompt;
        self.recovery = Some(recovery);
    }

    pub fn areas(&self) -> Areas {
        let backlog = self.view == View::Grid && !self.derived.unscheduled.is_empty();
        layout::areas(self.width, self.height, self.details, backlog)
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

    pub(crate) fn info(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            error: true,
        });
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

    /// The only place the state changes.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        let effect = match self.mode {
            Mode::Prompt => self.update_prompt(action),
            Mode::Help => self.update_help(action),
            Mode::Command | Mode::Search => self.update_line(action),
            Mode::Form => self.update_form(action),
            Mode::Picker => self.update_picker(action),
            Mode::Normal | Mode::Grab => self.update_normal(action),
        };
        self.settle();
        effect
    }

    fn update_prompt(&mut self, action: Action) -> Option<Effect> {
        let answer = match action {
            Action::Answer(c) => c.to_ascii_lowercase(),
            Action::Cancel => 'c',
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
                return None;
            }
            _ => return None,
        };
        let Some(prompt) = self.prompt.clone() else {
            self.mode = Mode::Normal;
            return None;
        };
        let (close, effect) = match (&prompt, answer) {
            (Prompt::Quit, 'w') => (
                true,
                Some(Effect::Save {
                    force: false,
                    then_quit: true,
                }),
            ),
            (Prompt::Quit, 'd') => (true, Some(Effect::Quit)),
            (Prompt::Quit, 'c') => (true, None),
            (Prompt::Overwrite { .. }, 'r') => (true, Some(Effect::Reload)),
            (Prompt::Overwrite { then_quit, .. }, 'k') => (
                true,
                Some(Effect::Save {
                    force: true,
                    then_quit: *then_quit,
                }),
            ),
            (Prompt::Overwrite { .. }, 'c') => {
                self.info("Not saved: your edits are still here");
                (true, None)
            }
            (Prompt::Restore { .. }, 'r') => (true, Some(Effect::Restore)),
            (Prompt::Restore { .. }, 'd') => (true, Some(Effect::DiscardRecovery)),
            (Prompt::Restore { .. }, 'i' | 'c') => {
                self.recovery = None;
                self.keep_recovery = true;
                self.info("The recovery file is kept; it is offered again next time");
                (true, None)
            }
            _ => (false, None),
        };
        if close {
            self.prompt = None;
            self.mode = Mode::Normal;
        }
        effect
    }

    fn update_help(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Cancel | Action::Help => self.mode = Mode::Normal,
            Action::CursorDown => self.help_scroll += 1,
            Action::CursorUp => self.help_scroll = self.help_scroll.saturating_sub(1),
            Action::PageDown => self.help_scroll += PAGE_FALLBACK,
            Action::PageUp => self.help_scroll = self.help_scroll.saturating_sub(PAGE_FALLBACK),
            Action::Scroll { lines, .. } => {
                self.help_scroll = (self.help_scroll as i64 + lines as i64).max(0) as usize
            }
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            _ => {}
        }
        None
    }

    fn update_line(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Insert(c) => self.line.push(c),
            Action::DeleteBack if self.line.pop().is_none() => self.mode = Mode::Normal,
            Action::ClearInput => self.line.clear(),
            Action::Cancel => {
                self.line.clear();
                self.mode = Mode::Normal;
            }
            Action::Submit => {
                let text = std::mem::take(&mut self.line);
                let mode = self.mode;
                self.mode = Mode::Normal;
                return if mode == Mode::Search {
                    self.run_search(&text);
                    None
                } else {
                    self.run_command(&text)
                };
            }
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            _ => {}
        }
        None
    }

    fn update_form(&mut self, action: Action) -> Option<Effect> {
        let day = self.day_date();
        let Some(form) = self.form.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        match action {
            Action::Insert(c) => form.value_mut().push(c),
            Action::DeleteBack => {
                form.value_mut().pop();
            }
            Action::ClearInput => form.value_mut().clear(),
            Action::NextField => form.focus = (form.focus + 1) % form.values.len(),
            Action::PrevField => {
                form.focus = (form.focus + form.values.len() - 1) % form.values.len()
            }
            Action::Cancel => {
                let new = form.new;
                self.form = None;
                self.mode = Mode::Normal;
                if new {
                    // Esc right after `a`: no session after all.
                    self.history.undo(&mut self.doc);
                    self.refresh();
                    self.info("Add cancelled");
                } else {
                    self.info("Edit cancelled");
                }
            }
            Action::Submit => {
                let session = form.session;
                match form.validate(&self.doc.program, day) {
                    Some(fields) => {
                        self.form = None;
                        self.mode = Mode::Normal;
                        match edit::set_fields(&self.doc, session, fields) {
                            Some(e) => self.commit(e),
                            None => self.info("No change"),
                        }
                    }
                    None => self.error("Some fields need fixing (marked ✗); Esc cancels"),
                }
            }
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            _ => {}
        }
        None
    }

    fn update_picker(&mut self, action: Action) -> Option<Effect> {
        let Some(picker) = self.picker.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        match action {
            Action::Insert(c) => {
                picker.query.push(c);
                picker.cursor = 0;
                picker.refilter();
            }
            Action::DeleteBack => {
                picker.query.pop();
                picker.refilter();
            }
            Action::ClearInput => {
                picker.query.clear();
                picker.refilter();
            }
            Action::CursorDown => picker.down(),
            Action::CursorUp => picker.up(),
            Action::Scroll { lines, .. } => {
                for _ in 0..lines.unsigned_abs() {
                    if lines > 0 {
                        picker.down()
                    } else {
                        picker.up()
                    }
                }
            }
            Action::Cancel => {
                self.picker = None;
                self.mode = Mode::Normal;
            }
            Action::Submit | Action::Alternate => {
                let role = if action == Action::Alternate {
                    Role::Moderator
                } else {
                    Role::Speaker
                };
                self.pick(role);
            }
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            _ => {}
        }
        None
    }

    fn pick(&mut self, role: Role) {
        let Some(picker) = self.picker.clone() else {
            return;
        };
        match picker.purpose {
            Purpose::People { session } => match picker.current().map(|i| i.choice.clone()) {
                Some(Choice::Speaker(p)) => {
                    let id = self.doc.program.speakers[p].id.clone();
                    match edit::toggle_person(&self.doc, session, role, &id) {
                        Ok(e) => self.commit(e),
                        Err(m) => self.error(m),
                    }
                }
                _ if !picker.query.trim().is_empty() => {
                    // Nobody matches: create the speaker and assign them.
                    match edit::new_speaker(&self.doc, &picker.query) {
                        Ok(add) => {
                            let id = match &add {
                                Edit::AddSpeaker { speaker, .. } => speaker.id.clone(),
                                _ => String::new(),
                            };
                            let list = role.list(&self.doc.program.sessions[session]);
                            let assign = Edit::AddPerson {
                                session,
                                role,
                                position: list.len(),
                                id: id.clone(),
                            };
                            self.commit(Edit::Batch {
                                label: format!(
                                    "added speaker {} as {} of '{}'",
                                    picker.query.trim(),
                                    role.noun(),
                                    self.doc.program.sessions[session].title
                                ),
                                edits: vec![add, assign],
                            });
                            let mut fresh = Picker::new(picker.purpose, self.people_items());
                            fresh.cursor = 0;
                            self.picker = Some(fresh);
                        }
                        Err(m) => self.error(m),
                    }
                }
                _ => {}
            },
            Purpose::Filter => {
                if let Some(choice) = picker.current().map(|i| i.choice.clone()) {
                    self.apply_filter(choice);
                }
                self.picker = None;
                self.mode = Mode::Normal;
            }
        }
    }

    fn apply_filter(&mut self, choice: Choice) {
        fn toggle<T: PartialEq + Copy>(slot: &mut Option<T>, v: T) {
            *slot = if *slot == Some(v) { None } else { Some(v) };
        }
        let f = &mut self.filters;
        match choice {
            Choice::Day(d) => toggle(&mut f.day, d),
            Choice::Room(r) => toggle(&mut f.room, r),
            Choice::Track(t) => toggle(&mut f.track, t),
            Choice::Person(p) | Choice::Speaker(p) => toggle(&mut f.speaker, p),
            Choice::Kind(k) => toggle(&mut f.kind, k),
            Choice::Status(s) => toggle(&mut f.status, s),
        }
        self.view = View::Agenda;
        self.lists[0] = ListState::default();
    }

    fn people_items(&self) -> Vec<Item> {
        self.doc
            .program
            .speakers
            .iter()
            .enumerate()
            .map(|(i, s)| Item {
                label: match &s.affiliation {
                    Some(a) => format!("{} — {a}", s.name),
                    None => s.name.clone(),
                },
                choice: Choice::Speaker(i),
            })
            .collect()
    }

    fn filter_items(&self) -> Vec<Item> {
        let p = &self.doc.program;
        let mut items = Vec::new();
        for (i, d) in self.derived.days.iter().enumerate() {
            items.push(Item {
                label: format!("day: {}", wording::date(*d)),
                choice: Choice::Day(i),
            });
        }
        for (i, r) in p.rooms.iter().enumerate() {
            items.push(Item {
                label: format!("room: {}", r.name),
                choice: Choice::Room(i),
            });
        }
        for (i, t) in p.tracks.iter().enumerate() {
            items.push(Item {
                label: format!("track: {}", t.name),
                choice: Choice::Track(i),
            });
        }
        for (i, s) in p.speakers.iter().enumerate() {
            items.push(Item {
                label: format!("speaker: {}", s.name),
                choice: Choice::Person(i),
            });
        }
        for name in Kind::NAMES {
            if let Some(k) = Kind::parse(name) {
                items.push(Item {
                    label: format!("kind: {name}"),
                    choice: Choice::Kind(k),
                });
            }
        }
        for name in Status::NAMES {
            if let Some(s) = Status::parse(name) {
                items.push(Item {
                    label: format!("status: {name}"),
                    choice: Choice::Status(s),
                });
            }
        }
        items
    }

    fn update_normal(&mut self, action: Action) -> Option<Effect> {
        let grabbing = self.mode == Mode::Grab;
        let while_holding = matches!(
            action,
            Action::MoveLater
                | Action::MoveEarlier
                | Action::RoomLeft
                | Action::RoomRight
                | Action::DayLater
                | Action::DayEarlier
                | Action::Grow
                | Action::Shrink
                | Action::Drop
                | Action::CancelGrab
                | Action::Resize { .. }
        );
        if grabbing && !while_holding {
            // Holding a session: only moving it, dropping it or putting it back.
            return None;
        }
        if let Action::Resize { width, height } = action {
            self.width = width;
            self.height = height;
            return None;
        }
        match action {
            Action::CursorDown => self.cursor_rows(1),
            Action::CursorUp => self.cursor_rows(-1),
            Action::CursorLeft => self.cursor_room(-1),
            Action::CursorRight => self.cursor_room(1),
            Action::PageDown => {
                let page = self.page() as i64;
                self.cursor_rows(page)
            }
            Action::PageUp => {
                let page = self.page() as i64;
                self.cursor_rows(-page)
            }
            Action::Top => self.cursor_rows(-(i32::MAX as i64)),
            Action::Bottom => self.cursor_rows(i32::MAX as i64),
            Action::NextView => self.show_view(View::ALL[(self.view.index() + 1) % 5]),
            Action::PrevView => self.show_view(View::ALL[(self.view.index() + 4) % 5]),
            Action::ShowView(v) => self.show_view(v),
            Action::NextDay => self.change_day(1),
            Action::PrevDay => self.change_day(-1),
            Action::ZoomIn => self.zoom(-1),
            Action::ZoomOut => self.zoom(1),
            Action::NextConflict => self.walk_conflicts(true),
            Action::PrevConflict => self.walk_conflicts(false),
            Action::Activate => self.activate(),
            Action::ToggleDetails => self.details = !self.details,
            Action::ToggleBacklog => {
                if self.view != View::Grid {
                    self.show_view(View::Grid);
                }
                if self.derived.unscheduled.is_empty() {
                    self.backlog_focus = false;
                    self.info("No unscheduled session");
                } else {
                    self.backlog_focus = !self.backlog_focus;
                }
            }
            Action::MoveLater => self.shift(self.grid.step),
            Action::MoveEarlier => self.shift(-self.grid.step),
            Action::DayLater => self.with_selected(|d, i| edit::move_days(d, i, 1)),
            Action::DayEarlier => self.with_selected(|d, i| edit::move_days(d, i, -1)),
            Action::RoomLeft => self.change_room(-1),
            Action::RoomRight => self.change_room(1),
            Action::Grow => {
                let step = self.grid.step;
                self.with_selected(|d, i| edit::resize_by(d, i, step))
            }
            Action::Shrink => {
                let step = self.grid.step;
                self.with_selected(|d, i| edit::resize_by(d, i, -step))
            }
            Action::Grab if !grabbing => self.grab(),
            Action::Drop if grabbing => self.drop_grab(),
            Action::CancelGrab if grabbing => {
                self.revert_grab();
                self.info("Put back");
            }
            _ if grabbing => {}
            Action::EditForm => match self.selected {
                Some(i) => self.open_form(i, false),
                None => self.error("No session selected: move onto one, or press a to add one"),
            },
            Action::Add => self.add(),
            Action::Yank => match self.selected {
                Some(i) => {
                    let s = self.doc.program.sessions[i].clone();
                    self.info(format!("Copied '{}' — p pastes it at the cursor", s.title));
                    self.yank = Some(s);
                }
                None => self.error("No session selected to copy"),
            },
            Action::Paste => self.paste(),
            Action::Delete => match self.selected {
                Some(i) => {
                    let e = Edit::RemoveSession {
                        index: i,
                        session: Box::new(self.doc.program.sessions[i].clone()),
                        origin: self.doc.origins.sessions[i],
                    };
                    self.commit(e);
                    if let Some(m) = &mut self.message {
                        m.text.push_str(" — press u to undo");
                    }
                }
                None => self.error("No session selected to delete"),
            },
            Action::People => match self.selected {
                Some(i) => {
                    self.picker = Some(Picker::new(
                        Purpose::People { session: i },
                        self.people_items(),
                    ));
                    self.mode = Mode::Picker;
                }
                None => self.error("No session selected"),
            },
            Action::Undo => {
                let described = self
                    .history
                    .undo(&mut self.doc)
                    .map(|e| (e.describe(&self.doc.program), e.inverse().focus()));
                match described {
                    Some((text, focus)) => {
                        self.refresh();
                        self.info(format!("Undone: {text}"));
                        if let Some(f) = focus {
                            self.reveal(f);
                        }
                    }
                    None => self.info("Nothing to undo"),
                }
            }
            Action::Redo => {
                let described = self
                    .history
                    .redo(&mut self.doc)
                    .map(|e| (e.describe(&self.doc.program), e.focus()));
                match described {
                    Some((text, focus)) => {
                        self.refresh();
                        self.info(format!("Redone: {text}"));
                        if let Some(f) = focus {
                            self.reveal(f);
                        }
                    }
                    None => self.info("Nothing to redo"),
                }
            }
            Action::TogglePick => {
                if let Some(i) = self.selected {
                    let s = &self.doc.program.sessions[i];
                    let (id, title) = (s.id.clone(), s.title.clone());
                    if self.picks.remove(&id) {
                        self.info(format!("Unstarred '{title}'"));
                    } else {
                        self.picks.insert(id);
                        self.info(format!("Starred '{title}' in your picks"));
                    }
                    return Some(Effect::SavePicks);
                }
                self.error("No session selected to star");
            }
            Action::Search => {
                self.line.clear();
                self.mode = Mode::Search;
            }
            Action::SearchNext => self.next_match(true),
            Action::SearchPrev => self.next_match(false),
            Action::CommandLine => {
                self.line.clear();
                self.mode = Mode::Command;
            }
            Action::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Action::Save => return self.save_effect(false),
            Action::Quit => return self.quit_effect(),
            Action::Filter => {
                self.picker = Some(Picker::new(Purpose::Filter, self.filter_items()));
                self.mode = Mode::Picker;
            }
            Action::ClearFilters => {
                self.filters = Filters::default();
                self.info("Filters cleared");
            }
            Action::Cancel => {
                self.message = None;
                self.search = Search::default();
                self.backlog_focus = false;
            }
            Action::Click { column, row } => self.click(column, row),
            Action::Scroll { lines, column, row } => {
                let areas = self.areas();
                if areas.backlog.is_some_and(|b| contains(b, column, row)) {
                    self.backlog_focus = true;
                }
                self.cursor_rows(lines as i64)
            }
            Action::Resize { width, height } => {
                self.width = width;
                self.height = height;
            }
            _ => {}
        }
        None
    }

    fn save_effect(&mut self, then_quit: bool) -> Option<Effect> {
        if !self.history.is_dirty() {
            if then_quit {
                return Some(Effect::Quit);
            }
            self.info("No changes to save");
            return None;
        }
        Some(Effect::Save {
            force: false,
            then_quit,
        })
    }

    fn quit_effect(&mut self) -> Option<Effect> {
        if self.history.is_dirty() {
            self.prompt = Some(Prompt::Quit);
            self.mode = Mode::Prompt;
            None
        } else {
            Some(Effect::Quit)
        }
    }

    fn run_command(&mut self, text: &str) -> Option<Effect> {
        let command = match command::parse(text) {
            Ok(c) => c,
            Err(m) => {
                self.error(m);
                return None;
            }
        };
        match command {
            Command::Write => return self.save_effect(false),
            Command::WriteQuit => return self.save_effect(true),
            Command::Quit => {
                if self.history.is_dirty() {
                    self.error(
                        "Unsaved edits: :w saves, :wq saves and quits, :q! quits without saving",
                    );
                    return None;
                }
                return Some(Effect::Quit);
            }
            Command::ForceQuit => return Some(Effect::Quit),
            Command::Reload => return Some(Effect::Reload),
            Command::Export {
                format,
                path,
                picks,
            } => {
                return Some(Effect::Export {
                    format,
                    path,
                    picks,
                })
            }
            Command::Goto(time) => {
                self.show_view(View::Grid);
                let day = self.day_date();
                if let Some(frame) = self.frame() {
                    let tz = self.doc.program.event.timezone;
                    let t = crate::time::local_lenient(tz, day.and_time(time));
                    if t < frame.origin || t >= frame.row_time(frame.rows) {
                        self.error(format!(
                            "{} is outside the grid of this day ({}–{})",
                            time.format("%H:%M"),
                            wording::clock(tz, frame.origin),
                            wording::clock(tz, frame.row_time(frame.rows))
                        ));
                    } else {
                        self.grid.row = frame.row_of(t);
                        self.backlog_focus = false;
                    }
                }
            }
            Command::Day(n) => {
                if n > self.derived.days.len() {
                    self.error(format!(
                        "there are {} days: :day 1 to :day {}",
                        self.derived.days.len(),
                        self.derived.days.len()
                    ));
                } else {
                    self.show_view(View::Grid);
                    let delta = n as i64 - 1 - self.grid.day as i64;
                    self.change_day(delta);
                }
            }
            Command::Step(m) => {
                let t = self.frame().map(|f| f.row_time(self.grid.row));
                self.grid.step = m;
                if let (Some(t), Some(f)) = (t, self.frame()) {
                    self.grid.row = f.row_of(t);
                }
                self.info(format!("Grid step: {m} minutes"));
            }
            Command::Room { name, capacity } => match edit::new_room(&self.doc, &name, capacity) {
                Ok(e) => self.commit(e),
                Err(m) => self.error(m),
            },
            Command::Speaker(name) => match edit::new_speaker(&self.doc, &name) {
                Ok(e) => self.commit(e),
                Err(m) => self.error(m),
            },
            Command::Filter => {
                self.picker = Some(Picker::new(Purpose::Filter, self.filter_items()));
                self.mode = Mode::Picker;
            }
            Command::NoFilter => {
                self.filters = Filters::default();
                self.info("Filters cleared");
            }
            Command::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
        }
        None
    }

    /// Record an edit, derive the conflicts again and put the cursor on what changed.
    pub fn commit(&mut self, edit: Edit) {
        let focus = edit.focus();
        // Described once applied, so a retitled session is named by its new title.
        let described = edit.clone();
        self.history.perform(&mut self.doc, edit);
        let text = described.describe(&self.doc.program);
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
        self.derived = Derived::new(&self.doc.program);
        if let Some(s) = self.selected {
            if s >= self.doc.program.sessions.len() {
                self.selected = None;
            }
        }
    }

    fn with_selected(&mut self, make: impl FnOnce(&Document, usize) -> Result<Edit, String>) {
        let Some(i) = self.selected else {
            self.error("No session selected");
            return;
        };
        match make(&self.doc, i) {
            Ok(e) => self.edit_or_hold(e),
            Err(m) => self.error(m),
        }
    }

    /// In grab mode an edit is applied but not recorded until the drop.
    fn edit_or_hold(&mut self, e: Edit) {
        if let Some(grab) = &mut self.grab {
            self.doc.apply(&e);
            let focus = e.focus();
            grab.applied.push(e);
            self.refresh();
            if let Some(f) = focus {
                self.reveal(f);
            }
            self.describe_grab();
        } else {
            self.commit(e);
        }
    }

    fn describe_grab(&mut self) {
        let Some(grab) = &self.grab else { return };
        let i = grab.session;
        let where_ = self.where_is(i);
        let s = &self.doc.program.sessions[i];
        let conflicts = self.derived.worst[i]
            .map(|l| format!(" — {} conflict", l.as_str()))
            .unwrap_or_default();
        let text = format!(
            "Holding '{}' at {where_}{conflicts}: Enter drops, Esc puts back",
            s.title
        );
        self.info(text);
    }

    /// "Tue 5 Dec 14:00–15:30, Amphithéâtre".
    pub fn where_is(&self, i: usize) -> String {
        let p = &self.doc.program;
        let tz = p.event.timezone;
        let facts = &self.derived.facts[i];
        let room = facts
            .room
            .map(|r| p.rooms[r].name.clone())
            .or_else(|| p.sessions[i].room.as_ref().map(|r| r.value.clone()))
            .unwrap_or_else(|| {
                if p.sessions[i].kind.may_be_event_wide() {
                    "all rooms".into()
                } else {
                    "no room".into()
                }
            });
        match facts.interval {
            Some((s, e)) => format!(
                "{} {}, {room}",
                wording::day(tz, s),
                wording::span(tz, s, e)
            ),
            None => format!("no time, {room}"),
        }
    }

    fn shift(&mut self, minutes: i64) {
        self.with_selected(|d, i| edit::move_by(d, i, minutes));
    }

    fn change_room(&mut self, delta: i64) {
        let Some(i) = self.selected else {
            self.error("No session selected");
            return;
        };
        let rooms = &self.doc.program.rooms;
        if rooms.is_empty() {
            self.error("No rooms yet: add one with :room NAME [CAPACITY]");
            return;
        }
        let s = &self.doc.program.sessions[i];
        let current = s
            .room
            .as_ref()
            .and_then(|r| rooms.iter().position(|x| x.id == r.value));
        let target = match current {
            Some(r) => r as i64 + delta,
            None if s.kind.may_be_event_wide() && s.start.is_some() => {
                self.error(format!(
                    "'{}' is for all rooms (an event-wide {}): give it a room with e",
                    s.title,
                    s.kind.as_str()
                ));
                return;
            }
            None => self.grid.room as i64,
        };
        if target < 0 || target >= rooms.len() as i64 {
            self.error("No room further that way");
            return;
        }
        let e = Edit::Reassign {
            session: i,
            from: s.room.as_ref().map(|r| r.value.clone()),
            to: Some(rooms[target as usize].id.clone()),
        };
        self.edit_or_hold(e);
    }

    fn grab(&mut self) {
        let Some(i) = self.selected else {
            self.error("No session selected to grab");
            return;
        };
        self.grab = Some(Grab {
            session: i,
            applied: Vec::new(),
        });
        self.mode = Mode::Grab;
        let placed = self.derived.facts[i].slot().is_some();
        if !placed {
            // From the backlog: put it at the cursor first.
            let at = self.cursor_place();
            match at.and_then(|(t, room)| edit::place(&self.doc, i, t, room).ok()) {
                Some(e) => {
                    self.backlog_focus = false;
                    self.show_view(View::Grid);
                    self.edit_or_hold(e);
                }
                None => {
                    self.grab = None;
                    self.mode = Mode::Normal;
                    self.error("Cannot place it here: the event has no day or no room");
                }
            }
            return;
        }
        self.describe_grab();
    }

    fn revert_grab(&mut self) -> Option<Grab> {
        let grab = self.grab.take()?;
        for e in grab.applied.iter().rev() {
            self.doc.apply(&e.inverse());
        }
        self.mode = Mode::Normal;
        self.refresh();
        self.reveal(grab.session);
        Some(grab)
    }

    fn drop_grab(&mut self) {
        let Some(grab) = self.revert_grab() else {
            return;
        };
        if grab.applied.is_empty() {
            self.info("Dropped where it was");
            return;
        }
        let title = self.doc.program.sessions[grab.session].title.clone();
        self.commit(Edit::Batch {
            label: format!("moved '{title}'"),
            edits: grab.applied,
        });
        let where_ = self.where_is(grab.session);
        self.info(format!("Moved '{title}' to {where_}"));
    }

    /// Start time and room at the grid cursor.
    fn cursor_place(&self) -> Option<(chrono::NaiveDateTime, Option<String>)> {
        let frame = self.frame()?;
        let t = frame.local_time(&self.doc.program, self.grid.row);
        let room = self
            .doc
            .program
            .rooms
            .get(self.grid.room)
            .map(|r| r.id.clone());
        Some((t, room))
    }

    fn add(&mut self) {
        let at = if self.view == View::Grid && !self.backlog_focus {
            self.cursor_place()
        } else {
            None
        };
        let (start, room) = match at {
            Some((t, r)) => (Some(t), r),
            None => (None, None),
        };
        match edit::new_session(&self.doc, start, room, self.selected) {
            Ok(e) => {
                let focus = e.focus();
                self.commit(e);
                if let Some(i) = focus {
                    self.open_form(i, true);
                }
            }
            Err(m) => self.error(m),
        }
    }

    fn paste(&mut self) {
        let Some(copy) = self.yank.clone() else {
            self.error("Nothing copied: y copies the selected session");
            return;
        };
        let at = if self.view == View::Grid && !self.backlog_focus {
            self.cursor_place()
        } else {
            None
        };
        match edit::paste(&self.doc, &copy, at, self.selected) {
            Ok(e) => self.commit(e),
            Err(m) => self.error(m),
        }
    }

    fn open_form(&mut self, i: usize, new: bool) {
        if let Some(mut form) = Form::new(&self.doc.program, i) {
            if new {
                // Typing replaces the placeholder title.
                form.values[0].clear();
                form.new = true;
            }
            self.form = Some(form);
            self.mode = Mode::Form;
        }
    }

    fn activate(&mut self) {
        match self.view {
            View::Conflicts => {
                let Some(i) = self.selected else { return };
                if self.derived.facts[i].slot().is_some() {
                    self.show_view(View::Grid);
                } else {
                    self.show_view(View::Agenda);
                }
                self.reveal(i);
            }
            View::Grid if self.backlog_focus => self.grab(),
            _ => self.details = !self.details,
        }
    }

    fn show_view(&mut self, view: View) {
        if self.view == view {
            return;
        }
        let keep = self.selected;
        self.view = view;
        if view != View::Grid {
            self.backlog_focus = false;
        }
        if let Some(i) = keep {
            self.reveal(i);
        }
    }

    /// Put the cursor of the current view on session `i`.
    pub fn reveal(&mut self, i: usize) {
        if i >= self.doc.program.sessions.len() {
            return;
        }
        match self.view {
            View::Grid => {
                if let Some(day) = self.derived.day_of(i) {
                    self.grid.day = day;
                    self.backlog_focus = false;
                    if let (Some(frame), Some((s, e))) =
                        (self.frame(), self.derived.facts[i].slot())
                    {
                        self.grid.row = frame.row_of(s);
                        // Scroll so the whole block is in view when it fits.
                        let last = frame.row_of(e - 1);
                        let geo =
                            layout::grid_geometry(self.areas().main, self.doc.program.rooms.len());
                        let height = (geo.rows_height as usize).max(1);
                        if last >= self.grid.top + height {
                            self.grid.top = (last + 1).saturating_sub(height).min(self.grid.row);
                        }
                        if self.grid.row < self.grid.top {
                            self.grid.top = self.grid.row;
                        }
                    }
                    if let Some(r) = self.derived.facts[i].room {
                        self.grid.room = r;
                    }
                } else if let Some(k) = self.derived.unscheduled.iter().position(|&u| u == i) {
                    self.backlog_focus = true;
                    self.backlog.cursor = k;
                }
            }
            view => {
                let Some(li) = App::list_index(view) else {
                    return;
                };
                let rows = lists::rows(self, view);
                if let Some(k) = rows
                    .iter()
                    .position(|r| matches!(r, Row::Session { session, .. } if *session == i))
                    .or_else(|| {
                        rows.iter()
                            .position(|r| lists::row_session(self, r) == Some(i))
                    })
                {
                    self.lists[li].cursor = k;
                }
            }
        }
        // The selection follows the cursor; preferring `i` where sessions overlap.
        self.selected = Some(i);
        self.settle();
    }

    fn session_under_cursor(&self, prefer: Option<usize>) -> Option<usize> {
        let frame = self.frame()?;
        let blocks = grid::blocks(&self.derived, &frame, self.grid.day);
        grid::session_at(&blocks, self.grid.row, self.grid.room, prefer)
    }

    fn page(&self) -> usize {
        let main = self.areas().main;
        match self.view {
            View::Grid => {
                layout::grid_geometry(main, self.doc.program.rooms.len()).rows_height as usize
            }
            _ => layout::list_rows_height(main),
        }
        .max(1)
    }

    fn cursor_rows(&mut self, delta: i64) {
        match self.view {
            View::Grid if self.backlog_focus => {
                let n = self.derived.unscheduled.len();
                self.backlog.cursor = clamp_add(self.backlog.cursor, delta, n);
            }
            View::Grid => {
                let rows = self.frame().map(|f| f.rows).unwrap_or(1);
                self.grid.row = clamp_add(self.grid.row, delta, rows);
            }
            view => {
                let Some(li) = App::list_index(view) else {
                    return;
                };
                let rows = lists::rows(self, view);
                let mut k = self.lists[li].cursor.min(rows.len().saturating_sub(1));
                let target = clamp_add(k, delta, rows.len());
                // Land on a selectable row, searching in the direction of travel.
                let dir: i64 = if delta >= 0 { 1 } else { -1 };
                k = target;
                while k < rows.len() && !rows[k].selectable() {
                    let next = k as i64 + dir;
                    if next < 0 || next >= rows.len() as i64 {
                        break;
                    }
                    k = next as usize;
                }
                if k < rows.len() && rows[k].selectable() {
                    self.lists[li].cursor = k;
                } else if delta.abs() > 1 {
                    self.lists[li].cursor = target;
                }
            }
        }
    }

    fn cursor_room(&mut self, delta: i64) {
        if self.view != View::Grid {
            return;
        }
        if self.backlog_focus {
            if delta < 0 {
                self.backlog_focus = false;
            }
            return;
        }
        let n = self.doc.program.rooms.len();
        let before = self.grid.room;
        self.grid.room = clamp_add(self.grid.room, delta, n);
        if before == self.grid.room && delta > 0 && !self.derived.unscheduled.is_empty() {
            // Past the last room: into the backlog.
            self.backlog_focus = true;
        }
    }

    fn change_day(&mut self, delta: i64) {
        let n = self.derived.days.len();
        if n == 0 {
            return;
        }
        let tz = self.doc.program.event.timezone;
        let time = self
            .frame()
            .map(|f| crate::time::to_local(tz, f.row_time(self.grid.row)).time());
        let day = clamp_add(self.grid.day, delta, n);
        if day == self.grid.day && delta != 0 {
            self.info(if delta > 0 { "Last day" } else { "First day" });
            return;
        }
        self.grid.day = day;
        self.grid.top = 0;
        if let (Some(t), Some(frame)) = (time, self.frame()) {
            let at = crate::time::local_lenient(tz, frame.date.and_time(t));
            self.grid.row = frame.row_of(at);
        }
        if self.view == View::Agenda && self.filters.day.is_some() {
            self.filters.day = Some(day);
        }
    }

    fn zoom(&mut self, delta: i64) {
        let at = STEPS.iter().position(|s| *s == self.grid.step).unwrap_or(1);
        let next = clamp_add(at, delta, STEPS.len());
        if next == at {
            self.info(format!("Grid step stays {} minutes", self.grid.step));
            return;
        }
        let t = self.frame().map(|f| f.row_time(self.grid.row));
        self.grid.step = STEPS[next];
        if let (Some(t), Some(f)) = (t, self.frame()) {
            self.grid.row = f.row_of(t);
        }
        self.info(format!("Grid step: {} minutes", self.grid.step));
    }

    fn walk_conflicts(&mut self, forward: bool) {
        // Sessions with an error or warning, in diagnostic order, each once.
        let mut order: Vec<usize> = Vec::new();
        for d in &self.derived.diagnostics {
            if d.severity <= crate::codes::Level::Warning {
                for &i in &d.session_indices {
                    if !order.contains(&i) {
                        order.push(i);
                    }
                }
            }
        }
        if order.is_empty() {
            self.info("No conflicts");
            return;
        }
        let at = self
            .selected
            .and_then(|s| order.iter().position(|&o| o == s));
        let next = match (at, forward) {
            (Some(k), true) => (k + 1) % order.len(),
            (Some(k), false) => (k + order.len() - 1) % order.len(),
            (None, true) => 0,
            (None, false) => order.len() - 1,
        };
        let i = order[next];
        if self.view == View::Grid && self.derived.facts[i].slot().is_none() {
            self.show_view(View::Agenda);
        }
        self.reveal(i);
        let text = self.derived.by_session[i]
            .iter()
            .map(|&k| &self.derived.diagnostics[k])
            .find(|d| d.severity <= crate::codes::Level::Warning)
            .map(|d| format!("{} {}/{}: {}", d.code, next + 1, order.len(), d.message));
        if let Some(t) = text {
            self.info(t);
        }
    }

    fn run_search(&mut self, query: &str) {
        let q = fold(query.trim());
        if q.is_empty() {
            self.search = Search::default();
            return;
        }
        let p = &self.doc.program;
        let matches: Vec<usize> = self
            .derived
            .chronological
            .iter()
            .copied()
            .filter(|&i| {
                let s = &p.sessions[i];
                let facts = &self.derived.facts[i];
                fold(&s.title).contains(&q)
                    || fold(&s.id).contains(&q)
                    || facts
                        .people
                        .iter()
                        .any(|&k| fold(&p.speakers[k].name).contains(&q))
                    || facts
                        .room
                        .is_some_and(|r| fold(&p.rooms[r].name).contains(&q))
            })
            .collect();
        self.search = Search {
            query: query.trim().to_string(),
            matches,
            current: None,
        };
        if self.search.matches.is_empty() {
            self.error(format!("No match for `{}`", query.trim()));
            return;
        }
        self.next_match(true);
    }

    fn next_match(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.info("No search: / searches titles, speakers and rooms");
            return;
        }
        let next = match (self.search.current, forward) {
            (Some(k), true) => (k + 1) % n,
            (Some(k), false) => (k + n - 1) % n,
            (None, _) => {
                // The first match after the selection, in time order.
                let pos = |i: usize| self.derived.chronological.iter().position(|&c| c == i);
                let here = self.selected.and_then(pos).unwrap_or(0);
                self.search
                    .matches
                    .iter()
                    .position(|&m| pos(m).unwrap_or(0) >= here)
                    .unwrap_or(0)
            }
        };
        self.search.current = Some(next);
        let i = self.search.matches[next];
        if self.view == View::Grid && self.derived.facts[i].slot().is_none() {
            self.show_view(View::Agenda);
        }
        self.reveal(i);
        let title = self.doc.program.sessions[i].title.clone();
        self.info(format!(
            "/{} — match {}/{}: {title}",
            self.search.query,
            next + 1,
            n
        ));
    }

    fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        if contains(areas.header, column, row) {
            // The view tabs: "1 Grid  2 Agenda …" — pick by position in the tab labels.
            if let Some(v) = super::render::tab_at(self, column) {
                self.show_view(v);
            }
            return;
        }
        if let Some(b) = areas.backlog {
            if contains(b, column, row) && row > b.y {
                let k = (row - b.y - 1) as usize + self.backlog.top;
                if k < self.derived.unscheduled.len() {
                    self.backlog_focus = true;
                    self.backlog.cursor = k;
                }
                return;
            }
        }
        if !contains(areas.main, column, row) {
            return;
        }
        match self.view {
            View::Grid => {
                let geo = layout::grid_geometry(areas.main, self.doc.program.rooms.len());
                if row == areas.main.y {
                    // Day tabs.
                    if let Some(d) = super::render::day_tab_at(self, column) {
                        let delta = d as i64 - self.grid.day as i64;
                        self.change_day(delta);
                    }
                    return;
                }
                if row < geo.rows_y {
                    return;
                }
                self.backlog_focus = false;
                let r = (row - geo.rows_y) as usize + self.grid.top;
                let rows = self.frame().map(|f| f.rows).unwrap_or(1);
                self.grid.row = r.min(rows.saturating_sub(1));
                if column >= geo.rooms_x {
                    let c = ((column - geo.rooms_x) / geo.column_width) as usize + self.grid.left;
                    self.grid.room = c.min(self.doc.program.rooms.len().saturating_sub(1));
                }
                self.selected = None;
            }
            view => {
                let Some(li) = App::list_index(view) else {
                    return;
                };
                if row <= areas.main.y {
                    return;
                }
                let k = (row - areas.main.y - 1) as usize + self.lists[li].top;
                let rows = lists::rows(self, view);
                if rows.get(k).is_some_and(Row::selectable) {
                    self.lists[li].cursor = k;
                }
            }
        }
    }

    /// Keep cursors in range and in view, and the selection in step with the cursor.
    fn settle(&mut self) {
        let days = self.derived.days.len();
        self.grid.day = self.grid.day.min(days.saturating_sub(1));
        let rooms = self.doc.program.rooms.len();
        self.grid.room = self.grid.room.min(rooms.saturating_sub(1));
        let frame = self.frame();
        let rows = frame.map(|f| f.rows).unwrap_or(1);
        self.grid.row = self.grid.row.min(rows.saturating_sub(1));
        let n_unscheduled = self.derived.unscheduled.len();
        if n_unscheduled == 0 {
            self.backlog_focus = false;
        }
        self.backlog.cursor = self.backlog.cursor.min(n_unscheduled.saturating_sub(1));
        let areas = self.areas();
        let geo = layout::grid_geometry(areas.main, rooms);
        self.grid.top = grid::scroll(self.grid.top, self.grid.row, geo.rows_height as usize, rows);
        self.grid.left = grid::scroll(self.grid.left, self.grid.room, geo.visible_rooms, rooms);
        if let Some(b) = areas.backlog {
            self.backlog.top = grid::scroll(
                self.backlog.top,
                self.backlog.cursor,
                b.height.saturating_sub(1) as usize,
                n_unscheduled,
            );
        }
        // The selection follows the cursor, except for a session being held.
        if let Some(g) = &self.grab {
            self.selected = Some(g.session);
            return;
        }
        self.selected = match self.view {
            View::Grid if self.backlog_focus => {
                self.derived.unscheduled.get(self.backlog.cursor).copied()
            }
            View::Grid => self.session_under_cursor(self.selected),
            view => {
                let Some(li) = App::list_index(view) else {
                    return;
                };
                let rows = lists::rows(self, view);
                let height = layout::list_rows_height(areas.main);
                let state = &mut self.lists[li];
                state.cursor = state.cursor.min(rows.len().saturating_sub(1));
                if rows.get(state.cursor).is_some_and(|r| !r.selectable()) {
                    if let Some(k) = rows.iter().position(Row::selectable) {
                        state.cursor = k;
                    }
                }
                state.top = grid::scroll(state.top, state.cursor, height, rows.len());
                // Keep the heading above the first row in view.
                let cursor = state.cursor;
                rows.get(cursor).and_then(|r| lists::row_session(self, r))
            }
        };
    }

    // ----- Results of effects, reported by the runner -----

    /// A save finished (or was refused).
    pub fn saved(&mut self, result: Result<Saved, SaveError>, then_quit: bool) -> Option<Effect> {
        match result {
            Ok(saved) => {
                self.history.mark_saved();
                self.refresh();
                self.settle();
                let names: Vec<String> = saved
                    .written
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                if names.is_empty() {
                    self.info("No changes to save");
                } else {
                    self.info(format!("Saved {}", names.join(", ")));
                }
                then_quit.then_some(Effect::Quit)
            }
            Err(SaveError::ChangedOnDisk(paths)) => {
                self.prompt = Some(Prompt::Overwrite { paths, then_quit });
                self.mode = Mode::Prompt;
                None
            }
            Err(e) => {
                self.error(format!("Not saved: {e}"));
                None
            }
        }
    }

    /// The event was read again from disk (`Reload`): the edits are gone.
    pub fn reloaded(&mut self, doc: Document, disk: OnDisk) {
        self.doc = doc;
        self.disk = disk;
        self.history = History::new();
        self.grab = None;
        self.mode = Mode::Normal;
        self.refresh();
        self.settle();
        self.info("Reloaded from disk; your unsaved edits were dropped");
    }

    /// A reload failed (the file on disk no longer loads).
    pub fn failed(&mut self, message: String) {
        self.error(message);
    }

    /// The recovered edits, as one undoable step.
    pub fn restored(&mut self, result: Result<Option<Edit>, String>) {
        self.recovery = None;
        self.keep_recovery = false;
        match result {
            Ok(Some(e)) => {
                self.commit(e);
                self.info("Recovered edits restored (u undoes them); save with :w");
            }
            Ok(None) => self.info("The recovery file matched the event: nothing to restore"),
            Err(m) => self.error(format!("Cannot restore: {m}")),
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
