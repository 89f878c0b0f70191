//! Normal and grab modes: single keys that move around and edit the selected session.

use super::{contains, App, Grab, Search};
use crate::edit::{self, Document, Edit, Role};
use crate::tui::action::{Action, Effect, Mode, View};
use crate::tui::lists::Filters;
use crate::tui::lists::{Heading, Row};
use crate::tui::picker::{Picker, Purpose};

impl App {
    pub(super) fn update_normal(&mut self, action: Action) -> Option<Effect> {
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
                | Action::Drag { .. }
                | Action::Release { .. }
        );
        if grabbing && !while_holding {
            // Holding a session: only moving it, dropping it or putting it back.
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
            Action::GotoRoom => self.open_room_picker(),
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
                    self.info(crate::tui::words::word("msg_no_unscheduled_session"));
                } else {
                    self.backlog_focus = !self.backlog_focus;
                }
            }
            Action::MoveLater => self.shift(self.grid.step),
            Action::MoveEarlier => self.shift(-self.grid.step),
            Action::DayLater => self.move_days(1),
            Action::DayEarlier => self.move_days(-1),
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
                self.info(crate::tui::words::word("msg_put_back"));
            }
            Action::Drag { column, row } => self.drag(column, row),
            Action::Release { .. } => self.release(),
            _ if grabbing => {}
            Action::EditForm => match self.selected {
                Some(i) => self.open_form(i, false),
                None => self.error(crate::tui::words::word(
                    "msg_no_session_selected_move_onto_one_or_press",
                )),
            },
            Action::Add => self.add(),
            Action::Yank => match self.selected {
                Some(i) => {
                    let s = self.doc.program.sessions[i].clone();
                    self.info(crate::tui::words::format(
                        "msg_copied",
                        &[("title", &crate::tui::words::quoted(&s.title))],
                    ));
                    self.yank = Some(s);
                }
                None => self.error(crate::tui::words::word("msg_no_session_selected_to_copy")),
            },
            Action::Paste => self.paste(),
            Action::Delete if self.view == View::Speakers && self.assignment().is_some() => {
                if let Some((session, role, person)) = self.assignment() {
                    let id = self.doc.program.speakers[person].id.clone();
                    match edit::toggle_person(&self.doc, session, role, &id) {
                        Ok(e) => {
                            self.commit(e);
                            if let Some(m) = &mut self.message {
                                m.text.push_str(" — press u to undo");
                            }
                        }
                        Err(m) => self.error(crate::tui::words::edit_error(&m)),
                    }
                }
            }
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
                None => self.error(crate::tui::words::word("msg_no_session_selected_to_delete")),
            },
            Action::People => match self.selected {
                Some(i) => {
                    self.picker = Some(Picker::new(
                        Purpose::People { session: i },
                        self.people_items(),
                    ));
                    self.mode = Mode::Picker;
                }
                None => self.error(crate::tui::words::word("msg_no_session_selected")),
            },
            Action::Undo => {
                let described = self.history.undo(&mut self.doc).map(|e| {
                    (
                        crate::tui::words::describe(e, &self.doc.program),
                        e.inverse().focus(),
                    )
                });
                match described {
                    Some((text, focus)) => {
                        self.refresh();
                        self.info(crate::tui::words::format("msg_undone", &[("what", &text)]));
                        if let Some(f) = focus {
                            self.reveal(f);
                        }
                    }
                    None => self.info(crate::tui::words::word("msg_nothing_to_undo")),
                }
            }
            Action::Redo => {
                let described = self
                    .history
                    .redo(&mut self.doc)
                    .map(|e| (crate::tui::words::describe(e, &self.doc.program), e.focus()));
                match described {
                    Some((text, focus)) => {
                        self.refresh();
                        self.info(crate::tui::words::format("msg_redone", &[("what", &text)]));
                        if let Some(f) = focus {
                            self.reveal(f);
                        }
                    }
                    None => self.info(crate::tui::words::word("msg_nothing_to_redo")),
                }
            }
            Action::TogglePick => {
                if let Some(i) = self.selected {
                    let s = &self.doc.program.sessions[i];
                    let (id, title) = (s.id.clone(), s.title.clone());
                    if self.picks.remove(&id) {
                        self.info(crate::tui::words::format(
                            "msg_unstarred",
                            &[("title", &crate::tui::words::quoted(&title))],
                        ));
                    } else {
                        self.picks.insert(id);
                        self.info(crate::tui::words::format(
                            "msg_starred",
                            &[("title", &crate::tui::words::quoted(&title))],
                        ));
                    }
                    return Some(Effect::SavePicks);
                }
                self.error(crate::tui::words::word("msg_no_session_selected_to_star"));
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
            Action::Messages => self.show_messages(),
            Action::DetailsDown => self.details_scroll += 1,
            Action::DetailsUp => self.details_scroll = self.details_scroll.saturating_sub(1),
            Action::Save => return self.save_effect(false),
            Action::Suspend => return Some(Effect::Suspend),
            Action::InterruptHint => self.info(crate::tui::words::word(
                "msg_ctrl_c_does_not_quit_agora_q_quits",
            )),
            Action::Quit => return self.quit_effect(),
            Action::Filter => {
                self.picker = Some(Picker::new(Purpose::Filter, self.filter_items()));
                self.mode = Mode::Picker;
            }
            Action::FindSlots if self.view == View::Grid => self.find_slots(),
            Action::FindSlots => {
                self.picker = Some(Picker::new(Purpose::Filter, self.filter_items()));
                self.mode = Mode::Picker;
            }
            Action::ClearFilters => {
                self.filters = Filters::default();
                self.info(crate::tui::words::word("msg_filters_cleared"));
            }
            Action::Cancel => {
                self.message = None;
                self.search = Search::default();
                self.backlog_focus = false;
            }
            Action::Click { column, row } => {
                self.click(column, row);
                self.press_at(column, row);
            }
            Action::Scroll { lines, column, row }
                if self
                    .areas()
                    .details
                    .is_some_and(|d| contains(d, column, row)) =>
            {
                self.details_scroll = (self.details_scroll as i64 + lines as i64).max(0) as usize;
            }
            Action::Scroll { lines, column, row } => {
                let areas = self.areas();
                if areas.backlog.is_some_and(|b| contains(b, column, row)) {
                    self.backlog_focus = true;
                }
                self.cursor_rows(lines as i64)
            }
            _ => {}
        }
        None
    }

    pub(super) fn with_selected(
        &mut self,
        make: impl FnOnce(&Document, usize) -> Result<Edit, crate::edit::EditError>,
    ) {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word("edit_no_session"));
            return;
        };
        match make(&self.doc, i) {
            Ok(e) => self.edit_or_hold(e),
            Err(m) => self.error(crate::tui::words::edit_error(&m)),
        }
    }

    /// In grab mode an edit is applied but not recorded until the drop.
    pub(super) fn edit_or_hold(&mut self, e: Edit) {
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

    pub(super) fn describe_grab(&mut self) {
        self.mark_targets();
        let Some(grab) = &self.grab else { return };
        let i = grab.session;
        let where_ = self.where_is(i);
        let s = &self.doc.program.sessions[i];
        let level = self.derived.worst[i].map_or("none", |l| l.as_str());
        let text = crate::tui::words::format(
            "msg_holding",
            &[
                ("title", &crate::tui::words::quoted(&s.title)),
                ("where", &where_),
                ("level", level),
            ],
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
                    crate::tui::words::word("list_all_rooms").into()
                } else {
                    crate::tui::words::word("list_no_room").into()
                }
            });
        match facts.interval {
            Some((s, e)) => crate::tui::words::format(
                "msg_where",
                &[
                    ("day", &crate::tui::words::day(tz, s)),
                    ("time", &crate::tui::words::span(tz, s, e)),
                    ("room", &room),
                ],
            ),
            None => crate::tui::words::format("msg_where_no_time", &[("room", &room)]),
        }
    }

    /// `{` / `}`: same time, another day of the event; never out of the event's days (a
    /// session already outside them may still move towards them).
    fn move_days(&mut self, days: i64) {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word("msg_no_session_selected"));
            return;
        };
        let event = &self.doc.program.event;
        let tz = event.timezone;
        let (first, last) = (event.start, event.end);
        let date = self.derived.facts[i]
            .slot()
            .map(|(s, _)| crate::time::to_local(tz, s).date_naive());
        if let Some(date) = date {
            let outside = |d: chrono::NaiveDate| {
                if d < first {
                    (first - d).num_days()
                } else if d > last {
                    (d - last).num_days()
                } else {
                    0
                }
            };
            let target = date + chrono::Duration::days(days);
            if outside(target) > 0 && outside(target) >= outside(date) {
                let title = self.doc.program.sessions[i].title.clone();
                self.error(if days < 0 {
                    crate::tui::words::format(
                        "msg_first_day_only",
                        &[("title", &crate::tui::words::quoted(&title))],
                    )
                } else {
                    crate::tui::words::format(
                        "msg_last_day_only",
                        &[("title", &crate::tui::words::quoted(&title))],
                    )
                });
                return;
            }
        }
        self.with_selected(|d, i| edit::move_days(d, i, days));
    }

    /// In the speakers view, the assignment under the cursor: the session, the role, and the
    /// person (from the heading above it).
    fn assignment(&self) -> Option<(usize, Role, usize)> {
        let rows = self.rows(View::Speakers);
        let cursor = self.lists[App::list_index(View::Speakers)?].cursor;
        let Some(Row::Session {
            session,
            role: Some(role),
        }) = rows.get(cursor).copied()
        else {
            return None;
        };
        let person = rows[..cursor].iter().rev().find_map(|r| match r {
            Row::Heading(Heading::Speaker(p)) => Some(*p),
            _ => None,
        })?;
        Some((session, role, person))
    }

    /// `g<`, `:messages`: the last messages in full, the latest at the bottom.
    pub(super) fn show_messages(&mut self) {
        if self.messages.is_empty() {
            self.info(crate::tui::words::word("msg_no_messages_yet"));
            return;
        }
        self.mode = Mode::Messages;
        self.help_scroll = usize::MAX;
        self.help_scroll = self.help_max_scroll();
    }

    pub(super) fn shift(&mut self, minutes: i64) {
        self.with_selected(|d, i| edit::move_elapsed(d, i, minutes));
    }

    pub(super) fn change_room(&mut self, delta: i64) {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word("msg_no_session_selected"));
            return;
        };
        let rooms = &self.doc.program.rooms;
        if rooms.is_empty() {
            self.error(crate::tui::words::word(
                "msg_no_rooms_yet_add_one_with_room_name",
            ));
            return;
        }
        let s = &self.doc.program.sessions[i];
        let current = s
            .room
            .as_ref()
            .and_then(|r| rooms.iter().position(|x| x.id == r.value));
        // To the next room the grid shows (from a hidden room: the next shown one that way).
        let columns = self.grid_columns();
        let target = match current {
            Some(r) => {
                let steps = (delta.unsigned_abs() as usize).saturating_sub(1);
                let next = match delta.signum() {
                    1 => columns.iter().copied().filter(|&c| c > r).nth(steps),
                    -1 => columns.iter().copied().rev().filter(|&c| c < r).nth(steps),
                    _ => Some(r),
                };
                next.map_or(-1, |c| c as i64)
            }
            None if s.kind.may_be_event_wide() && s.start.is_some() => {
                self.error(crate::tui::words::format(
                    "msg_event_wide",
                    &[
                        ("title", &crate::tui::words::quoted(&s.title)),
                        ("kind", s.kind.as_str()),
                    ],
                ));
                return;
            }
            None => self.grid.room as i64,
        };
        if target < 0 || target >= rooms.len() as i64 {
            self.error(crate::tui::words::word("msg_no_room_further_that_way"));
            return;
        }
        let e = Edit::Reassign {
            session: i,
            from: s.room.as_ref().map(|r| r.value.clone()),
            to: Some(rooms[target as usize].id.clone()),
        };
        self.edit_or_hold(e);
    }

    pub(super) fn grab(&mut self) {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word("msg_no_session_selected_to_grab"));
            return;
        };
        self.grab = Some(Grab {
            session: i,
            applied: Vec::new(),
        });
        self.targets_key = None;
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
                    self.error(crate::tui::words::word(
                        "msg_cannot_place_it_here_the_event_has_no",
                    ));
                }
            }
            return;
        }
        self.describe_grab();
    }

    /// The grid cell (row, room) at a screen position, if it is one.
    fn cell_at(&self, column: u16, row: u16) -> Option<(usize, usize)> {
        let areas = self.areas();
        if self.view != View::Grid || !contains(areas.main, column, row) {
            return None;
        }
        let columns = self.grid_columns();
        let rooms = columns.len();
        let geo = crate::tui::layout::grid_geometry(areas.main, rooms, self.grid.column);
        if row < geo.rows_y || column < geo.rooms_x || rooms == 0 {
            return None;
        }
        let rows = self.frame()?.rows;
        let r = ((row - geo.rows_y) as usize + self.grid.top).min(rows.saturating_sub(1));
        let c = ((column - geo.rooms_x) / geo.column_width.max(1)) as usize + self.grid.left;
        Some((r, columns[c.min(rooms - 1)]))
    }

    /// A click landed: when on a session of the grid, a drag may follow.
    fn press_at(&mut self, column: u16, row: u16) {
        self.press = None;
        if self.mode != Mode::Normal || self.backlog_focus {
            return;
        }
        let Some((r, room)) = self.cell_at(column, row) else {
            return;
        };
        let Some(i) = self.session_under_cursor(None) else {
            return;
        };
        let Some(start) = self.doc.program.sessions[i].start.as_ref() else {
            return;
        };
        let start = match start.value {
            crate::model::DateTimeValue::Local(n) => n,
            crate::model::DateTimeValue::Fixed(f) => f.naive_local(),
        };
        self.press = Some(super::Press {
            session: i,
            row: r,
            room,
            start,
            dragging: false,
        });
    }

    /// The pointer moved with the button held: the session follows it, held as with `m` (its
    /// conflicts at each place are in the status line and the details), by as many rows and
    /// rooms as the pointer moved from where it was pressed.
    fn drag(&mut self, column: u16, row: u16) {
        let Some(mut press) = self.press else {
            return;
        };
        let Some((r, room)) = self.cell_at(column, row) else {
            return;
        };
        if !press.dragging {
            if (r, room) == (press.row, press.room) {
                return;
            }
            press.dragging = true;
            self.press = Some(press);
            self.selected = Some(press.session);
            self.grab();
        }
        if self.grab.is_none() {
            // Put back with Esc while dragging: the rest of the drag does nothing.
            return;
        }
        let minutes = (r as i64 - press.row as i64) * self.grid.step;
        let start = press.start + chrono::Duration::minutes(minutes);
        let program = &self.doc.program;
        let to_room = match program.sessions[press.session].room {
            // An event-wide session stays for all rooms.
            None => None,
            Some(_) => program.rooms.get(room).map(|r| r.id.clone()),
        };
        if let Ok(e) = edit::place(&self.doc, press.session, start, to_room) {
            self.edit_or_hold(e);
        }
    }

    /// The button was released: a dragged session is dropped there, one undoable move.
    fn release(&mut self) {
        let Some(press) = self.press.take() else {
            return;
        };
        if press.dragging && self.grab.is_some() {
            self.drop_grab();
        }
    }

    pub(super) fn revert_grab(&mut self) -> Option<Grab> {
        let grab = self.grab.take()?;
        for e in grab.applied.iter().rev() {
            self.doc.apply(&e.inverse());
        }
        self.mode = Mode::Normal;
        self.refresh();
        self.reveal(grab.session);
        Some(grab)
    }

    pub(super) fn drop_grab(&mut self) {
        let Some(grab) = self.revert_grab() else {
            return;
        };
        if grab.applied.is_empty() {
            self.info(crate::tui::words::word("msg_dropped_where_it_was"));
            return;
        }
        let title = self.doc.program.sessions[grab.session].title.clone();
        self.commit(Edit::Batch {
            label: crate::tui::words::format(
                "did_move",
                &[("title", &crate::tui::words::quoted(&title))],
            ),
            edits: grab.applied,
        });
        let where_ = self.where_is(grab.session);
        self.info(crate::tui::words::format(
            "msg_moved",
            &[
                ("title", &crate::tui::words::quoted(&title)),
                ("where", &where_),
            ],
        ));
    }

    /// Start time and room at the grid cursor.
    pub(super) fn cursor_place(&self) -> Option<(chrono::NaiveDateTime, Option<String>)> {
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

    pub(super) fn add(&mut self) {
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
            Err(m) => self.error(crate::tui::words::edit_error(&m)),
        }
    }

    pub(super) fn paste(&mut self) {
        let Some(copy) = self.yank.clone() else {
            self.error(crate::tui::words::word(
                "msg_nothing_copied_y_copies_the_selected_session",
            ));
            return;
        };
        let at = if self.view == View::Grid && !self.backlog_focus {
            self.cursor_place()
        } else {
            None
        };
        match edit::paste(&self.doc, &copy, at, self.selected) {
            Ok(e) => self.commit(e),
            Err(m) => self.error(crate::tui::words::edit_error(&m)),
        }
    }

    pub(super) fn activate(&mut self) {
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
}
