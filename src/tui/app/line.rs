//! Command and search line modes (`:` and `/`): typing the line, then running the command.

use super::{App, Prompt};
use crate::edit;
use crate::rules::wording;
use crate::tui::action::{Action, Effect, Mode, View};
use crate::tui::command::{self, Command};
use crate::tui::lists::Filters;
use crate::tui::picker::{Picker, Purpose};

impl App {
    pub(super) fn update_line(&mut self, action: Action) -> Option<Effect> {
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
                // What the last command said no longer holds once another one runs.
                self.message = None;
                return if mode == Mode::Search {
                    self.run_search(&text);
                    None
                } else {
                    self.run_command(&text)
                };
            }
            _ => {}
        }
        None
    }

    pub(super) fn run_command(&mut self, text: &str) -> Option<Effect> {
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
            Command::Track(name) => match edit::new_track(&self.doc, &name) {
                Ok(e) => self.commit(e),
                Err(m) => self.error(m),
            },
            Command::EditItem { kind, what } => match self.find_item(kind, &what) {
                Ok(target) => self.open_item_form(target),
                Err(m) => self.error(m),
            },
            Command::DeleteItem { kind, what } => match self.find_item(kind, &what) {
                Ok(target) => self.ask_delete(kind, target),
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
            Command::Messages => self.show_messages(),
            Command::WriteQuitForce => {
                return Some(Effect::Save {
                    force: true,
                    then_quit: true,
                })
            }
            Command::Help => {
                self.help_scroll = 0;
                self.mode = Mode::Help;
            }
            Command::Release { name, comment } => {
                if self.history.is_dirty() {
                    self.error("Unsaved edits: a release is made of the saved files — :w first, then :release");
                    return None;
                }
                if let Err(m) = crate::release::validate_name(&name, []) {
                    self.error(m);
                    return None;
                }
                return Some(Effect::Release { name, comment });
            }
            Command::Diff => match &self.changes {
                None => self.error("No release yet: :release NAME freezes the saved program"),
                Some(changes) => {
                    let summary = changes.summary();
                    self.filters.changed = true;
                    self.show_view(View::Agenda);
                    self.info(format!("{summary} — the agenda lists what changed (Enter goes to a session, :nofilter shows all)"));
                }
            },
        }
        None
    }

    pub(super) fn save_effect(&mut self, then_quit: bool) -> Option<Effect> {
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

    pub(super) fn quit_effect(&mut self) -> Option<Effect> {
        if self.history.is_dirty() {
            self.prompt = Some(Prompt::Quit);
            self.mode = Mode::Prompt;
            None
        } else {
            Some(Effect::Quit)
        }
    }
}
