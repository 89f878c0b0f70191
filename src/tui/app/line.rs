//! Command and search line modes (`:` and `/`): typing the line, then running the command.

use super::{App, Prompt};
use crate::edit;
use crate::model::{Kind, Status};
use crate::rules::wording;
use crate::tui::action::{Action, Effect, Mode, View};
use crate::tui::command::{self, Command};
use crate::tui::lists::Filters;
use crate::tui::picker::{Picker, Purpose};

/// The item among `(index, id, name)` that `value` names: its id, its name (case and accents
/// ignored), else the first whose id or name holds it.
pub(super) fn find_named(
    what: &str,
    value: &str,
    items: &[(usize, &str, &str)],
) -> Result<usize, String> {
    let fold = crate::text::fold;
    let v = fold(value);
    let exact = items
        .iter()
        .find(|(_, id, name)| *id == value || fold(name) == v);
    let found = exact.or_else(|| {
        items
            .iter()
            .find(|(_, id, name)| fold(id).contains(&v) || fold(name).contains(&v))
    });
    found.map(|(i, _, _)| *i).ok_or_else(|| {
        crate::tui::words::format(
            "filter_no_match",
            &[
                ("what", what),
                ("value", value),
                (
                    "known",
                    &items
                        .iter()
                        .map(|(_, id, _)| *id)
                        .take(12)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        )
    })
}
/// Commands (and searches) kept for `Up`/`Down` on the `:` (`/`) line.
const LINES_KEPT: usize = 100;

impl App {
    /// `Up` (`earlier`) / `Down` on the `:` or `/` line: the earlier or later line of its
    /// history; past the newest, what was being typed comes back.
    fn recall(&mut self, earlier: bool) {
        let list = &self.line_history[usize::from(self.mode == Mode::Search)];
        if list.is_empty() {
            return;
        }
        let at = match (self.recalled, earlier) {
            (None, true) => {
                self.draft = self.line.clone();
                Some(list.len() - 1)
            }
            (None, false) => None,
            (Some(i), true) => Some(i.saturating_sub(1)),
            (Some(i), false) if i + 1 < list.len() => Some(i + 1),
            (Some(_), false) => None,
        };
        self.line = match at {
            Some(i) => list[i].clone(),
            None => std::mem::take(&mut self.draft),
        };
        self.recalled = at;
        self.line_back = 0;
    }

    pub(super) fn update_line(&mut self, action: Action) -> Option<Effect> {
        match action {
            // Backspace on an empty line leaves it, as in vim.
            Action::DeleteBack if self.line.is_empty() => self.mode = Mode::Normal,
            Action::Insert(_) | Action::DeleteBack | Action::ClearInput | Action::Typing(_) => {
                crate::tui::typing::apply(&mut self.line, &mut self.line_back, &action);
            }
            Action::CursorUp | Action::CursorDown => {
                self.recall(action == Action::CursorUp);
            }
            Action::Cancel => {
                self.line.clear();
                self.line_back = 0;
                self.recalled = None;
                self.mode = Mode::Normal;
            }
            Action::Submit => {
                let text = std::mem::take(&mut self.line);
                self.line_back = 0;
                self.recalled = None;
                let list = &mut self.line_history[usize::from(self.mode == Mode::Search)];
                if !text.trim().is_empty() && list.last() != Some(&text) {
                    list.push(text.clone());
                    if list.len() > LINES_KEPT {
                        list.remove(0);
                    }
                }
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

    /// Filters from `key=value` words: ids or names (case and accents ignored, a part of a name
    /// is enough), several values for one key let any of them through.
    fn filters_from(&self, args: &[(String, String)]) -> Result<Filters, String> {
        let p = &self.doc.program;
        let find = |what: &str, value: &str, items: Vec<(usize, &str, &str)>| {
            find_named(what, value, &items)
        };
        let mut f = Filters::default();
        for (key, value) in args {
            match key.as_str() {
                "picks" | "mine" => f.picks = true,
                "conflicts" | "conflict" => f.conflicts = true,
                "room" => f.room.push(find(
                    "room",
                    value,
                    p.rooms
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (i, r.id.as_str(), r.name.as_str()))
                        .collect(),
                )?),
                "track" => f.track.push(find(
                    "track",
                    value,
                    p.tracks
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (i, r.id.as_str(), r.name.as_str()))
                        .collect(),
                )?),
                "speaker" => f.speaker.push(find(
                    "speaker",
                    value,
                    p.speakers
                        .iter()
                        .enumerate()
                        .map(|(i, r)| (i, r.id.as_str(), r.name.as_str()))
                        .collect(),
                )?),
                "day" => match value.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= self.derived.days.len() => f.day.push(n - 1),
                    _ => {
                        return Err(crate::tui::words::format(
                            "filter_bad_day",
                            &[
                                ("value", value),
                                ("days", &self.derived.days.len().to_string()),
                            ],
                        ))
                    }
                },
                "kind" => f
                    .kind
                    .push(Kind::parse(&value.to_lowercase()).ok_or_else(|| {
                        crate::tui::words::format(
                            "filter_bad_kind",
                            &[("value", value), ("known", &Kind::NAMES.join(", "))],
                        )
                    })?),
                "status" => f
                    .status
                    .push(Status::parse(&value.to_lowercase()).ok_or_else(|| {
                        crate::tui::words::format(
                            "filter_bad_status",
                            &[("value", value), ("known", &Status::NAMES.join(", "))],
                        )
                    })?),
                "language" | "lang" => {
                    if !crate::language::is_usable_tag(value) {
                        return Err(crate::tui::words::format(
                            "filter_bad_language",
                            &[("value", value)],
                        ));
                    }
                    f.language.push(value.to_string())
                }
                other => {
                    return Err(crate::tui::words::format(
                        "filter_unknown",
                        &[("name", other)],
                    ))
                }
            }
        }
        Ok(f)
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
                    self.error(crate::tui::words::word(
                        "msg_unsaved_edits_w_saves_wq_saves_and_quits",
                    ));
                    return None;
                }
                return Some(Effect::Quit);
            }
            Command::ForceQuit => return Some(Effect::Quit),
            Command::Reload => return Some(Effect::Reload),
            Command::Edit => {
                if self.history.is_dirty() {
                    self.error(
                        "Unsaved edits: :e! reloads the event dropping them, :w saves them first",
                    );
                    return None;
                }
                return Some(Effect::Reload);
            }
            Command::WriteForce => {
                return Some(Effect::Save {
                    force: true,
                    then_quit: false,
                })
            }
            Command::EditDescription => return self.edit_description(),
            Command::Rooms(words) => self.choose_rooms(&words),
            Command::Width(n) => {
                self.grid.column = n.unwrap_or(crate::tui::layout::MIN_COLUMN);
                self.info(crate::tui::words::format(
                    "msg_width",
                    &[("width", &self.grid.column.to_string())],
                ));
            }
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
                        self.error(crate::tui::words::format(
                            "msg_outside_grid",
                            &[
                                ("time", &time.format("%H:%M").to_string()),
                                ("from", &wording::clock(tz, frame.origin)),
                                ("to", &wording::clock(tz, frame.row_time(frame.rows))),
                            ],
                        ));
                    } else {
                        self.grid.row = frame.row_of(t);
                        self.backlog_focus = false;
                    }
                }
            }
            Command::Day(n) => {
                if n > self.derived.days.len() {
                    self.error(crate::tui::words::format(
                        "msg_days",
                        &[("days", &self.derived.days.len().to_string())],
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
                self.info(crate::tui::words::format(
                    "msg_step",
                    &[("step", &m.to_string())],
                ));
            }
            Command::Room { name, capacity } => match edit::new_room(&self.doc, &name, capacity) {
                Ok(e) => self.commit(e),
                Err(m) => self.error(crate::tui::words::edit_error(&m)),
            },
            Command::Speaker(name) => match edit::new_speaker(&self.doc, &name) {
                Ok(e) => {
                    // Two people may share a name, but an organiser adding one twice by
                    // mistake must hear of it.
                    let folded = crate::text::fold(name.trim());
                    let namesake = self
                        .doc
                        .program
                        .speakers
                        .iter()
                        .find(|s| crate::text::fold(&s.name) == folded)
                        .map(|s| s.id.clone());
                    self.commit(e);
                    if let Some(id) = namesake {
                        self.info(crate::tui::words::format(
                            "msg_speaker_namesake",
                            &[("name", name.trim()), ("id", &id)],
                        ));
                    }
                }
                Err(m) => self.error(crate::tui::words::edit_error(&m)),
            },
            Command::Track(name) => match edit::new_track(&self.doc, &name) {
                Ok(e) => self.commit(e),
                Err(m) => self.error(crate::tui::words::edit_error(&m)),
            },
            Command::EditItem { kind, what } => match self.find_item(kind, &what) {
                Ok(target) => self.open_item_form(target),
                Err(m) => self.error(m),
            },
            Command::DeleteItem { kind, what } => match self.find_item(kind, &what) {
                Ok(target) => self.ask_delete(kind, target),
                Err(m) => self.error(m),
            },
            Command::Filter(args) if args.is_empty() => {
                self.picker = Some(Picker::new(Purpose::Filter, self.filter_items()));
                self.mode = Mode::Picker;
            }
            Command::Filter(args) => match self.filters_from(&args) {
                Ok(f) => {
                    self.filters = f;
                    self.view = View::Agenda;
                    self.lists[0] = super::ListState::default();
                    let n = self
                        .rows(View::Agenda)
                        .iter()
                        .filter(|r| matches!(r, crate::tui::lists::Row::Session { .. }))
                        .count();
                    self.info(crate::tui::words::format_counts(
                        "msg_filter_count",
                        &[],
                        &[("count", n as i64)],
                    ));
                }
                Err(m) => self.error(m),
            },
            Command::NoFilter => {
                self.filters = Filters::default();
                self.info(crate::tui::words::word("msg_filters_cleared"));
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
                    self.error(crate::tui::words::word(
                        "msg_unsaved_edits_a_release_is_made_of_the",
                    ));
                    return None;
                }
                if let Err(m) = crate::release::validate_name(&name, []) {
                    self.error(m.to_string());
                    return None;
                }
                return Some(Effect::Release { name, comment });
            }
            Command::Diff => match &self.changes {
                None => self.error(crate::tui::words::word(
                    "msg_no_release_yet_release_name_freezes_the_saved",
                )),
                Some(changes) => {
                    let summary = changes.summary();
                    self.filters.changed = true;
                    self.show_view(View::Agenda);
                    self.info(crate::tui::words::format(
                        "msg_changes_listed",
                        &[("summary", &summary)],
                    ));
                }
            },
        }
        None
    }

    pub(super) fn save_effect(&mut self, then_quit: bool) -> Option<Effect> {
        if !self.safety.gone.is_empty() {
            // The file was removed or renamed: `:w` writes it again, as vim does after E211.
            return Some(Effect::Save {
                force: true,
                then_quit,
            });
        }
        if !self.history.is_dirty() {
            if then_quit {
                return Some(Effect::Quit);
            }
            self.info(crate::tui::words::word("msg_no_changes_to_save"));
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
