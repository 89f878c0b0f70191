//! Navigation: cursors, views, days, zoom, the conflicts walk, mouse clicks, and keeping the
//! cursors and the selection in range after every change (`settle`).

use super::{clamp_add, contains, App};
use crate::tui::action::View;
use crate::tui::grid::{self, STEPS};
use crate::tui::layout;
use crate::tui::lists::Row;

impl App {
    pub(super) fn show_view(&mut self, view: View) {
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
                        let geo = layout::grid_geometry(
                            self.areas().main,
                            self.grid_columns().len(),
                            self.grid.column,
                        );
                        let height = (geo.rows_height as usize).max(1);
                        if last >= self.grid.top + height {
                            self.grid.top = (last + 1).saturating_sub(height).min(self.grid.row);
                        }
                        if self.grid.row < self.grid.top {
                            self.grid.top = self.grid.row;
                        }
                    }
                    if let Some(r) = self.derived.facts[i].room {
                        if self.column_of(r).is_some() {
                            self.grid.room = r;
                        } else {
                            // Never selected behind the organiser's back: say where it is.
                            let name = self.doc.program.rooms[r].name.clone();
                            self.info(crate::tui::words::format(
                                "msg_in_hidden_room",
                                &[("name", &name)],
                            ));
                        }
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
                let rows = self.rows(view);
                if let Some(k) = rows
                    .iter()
                    .position(|r| matches!(r, Row::Session { session, .. } if *session == i))
                    .or_else(|| rows.iter().position(|r| self.row_session(r) == Some(i)))
                {
                    self.lists[li].cursor = k;
                }
            }
        }
        // The selection follows the cursor; preferring `i` where sessions overlap.
        self.selected = Some(i);
        self.settle();
    }

    pub(super) fn session_under_cursor(&self, prefer: Option<usize>) -> Option<usize> {
        let frame = self.frame()?;
        let blocks = grid::blocks(&self.derived, &frame, self.grid.day);
        grid::session_at(&blocks, self.grid.row, self.grid.room, prefer)
    }

    pub(super) fn page(&self) -> usize {
        let main = self.areas().main;
        match self.view {
            View::Grid => {
                layout::grid_geometry(main, self.grid_columns().len(), self.grid.column).rows_height
                    as usize
            }
            _ => layout::list_rows_height(main),
        }
        .max(1)
    }

    pub(super) fn cursor_rows(&mut self, delta: i64) {
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
                let rows = self.rows(view);
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

    pub(super) fn cursor_room(&mut self, delta: i64) {
        if self.view != View::Grid {
            return;
        }
        if self.backlog_focus {
            if delta < 0 {
                self.backlog_focus = false;
            }
            return;
        }
        // Through the shown rooms only.
        let columns = self.grid_columns();
        let n = columns.len();
        let before = self.grid.room;
        let at = columns.iter().position(|&r| r == before).unwrap_or(0);
        if let Some(&r) = columns.get(clamp_add(at, delta, n)) {
            self.grid.room = r;
        }
        if before == self.grid.room && delta != 0 && n > 0 {
            // Never silently somewhere else: the backlog has its own key.
            let edge = if delta > 0 {
                crate::tui::words::word("msg_last_room")
            } else {
                crate::tui::words::word("msg_first_room")
            };
            if delta > 0 && !self.derived.unscheduled.is_empty() {
                self.info(crate::tui::words::format(
                    "msg_edge_room_backlog",
                    &[("edge", edge)],
                ));
            } else {
                self.info(edge);
            }
        }
    }

    pub(super) fn change_day(&mut self, delta: i64) {
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
            self.info(if delta > 0 {
                crate::tui::words::word("msg_last_day")
            } else {
                crate::tui::words::word("msg_first_day")
            });
            return;
        }
        self.grid.day = day;
        self.grid.top = 0;
        if let (Some(t), Some(frame)) = (time, self.frame()) {
            let at = crate::time::local_lenient(tz, frame.date.and_time(t));
            self.grid.row = frame.row_of(at);
        }
        if self.view == View::Agenda && !self.filters.day.is_empty() {
            self.filters.day = vec![day];
        }
    }

    pub(super) fn zoom(&mut self, delta: i64) {
        let at = STEPS.iter().position(|s| *s == self.grid.step).unwrap_or(1);
        let next = clamp_add(at, delta, STEPS.len());
        if next == at {
            self.info(crate::tui::words::format(
                "msg_step_stays",
                &[("step", &self.grid.step.to_string())],
            ));
            return;
        }
        let t = self.frame().map(|f| f.row_time(self.grid.row));
        self.grid.step = STEPS[next];
        if let (Some(t), Some(f)) = (t, self.frame()) {
            self.grid.row = f.row_of(t);
        }
        self.info(crate::tui::words::format(
            "msg_step",
            &[("step", &self.grid.step.to_string())],
        ));
    }

    pub(super) fn walk_conflicts(&mut self, forward: bool) {
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
            self.info(crate::tui::words::word("msg_no_conflicts"));
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

    pub(super) fn click(&mut self, column: u16, row: u16) {
        let areas = self.areas();
        if contains(areas.header, column, row) {
            // The view tabs: "1 Grid  2 Agenda …" — pick by position in the tab labels.
            if let Some(v) = layout::tab_at(&self.view_tabs(), column) {
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
                let columns = self.grid_columns();
                let geo = layout::grid_geometry(areas.main, columns.len(), self.grid.column);
                if row == areas.main.y {
                    // Day tabs.
                    if let Some(d) = layout::tab_at(&self.day_tabs(), column) {
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
                    if let Some(&r) = columns.get(c.min(columns.len().saturating_sub(1))) {
                        self.grid.room = r;
                    }
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
                let rows = self.rows(view);
                if rows.get(k).is_some_and(Row::selectable) {
                    self.lists[li].cursor = k;
                }
            }
        }
    }

    /// Keep cursors in range and in view, and the selection in step with the cursor.
    pub(super) fn settle(&mut self) {
        self.settle_cursors();
        // The details pane starts at the top for each session.
        if self.details_for != self.selected {
            self.details_for = self.selected;
            self.details_scroll = 0;
        }
    }

    fn settle_cursors(&mut self) {
        let days = self.derived.days.len();
        self.grid.day = self.grid.day.min(days.saturating_sub(1));
        let rooms = self.doc.program.rooms.len();
        self.grid.room = self.grid.room.min(rooms.saturating_sub(1));
        // The cursor's room is a shown one (a room just hidden gives way to the next shown).
        self.settle_room();
        let columns = self.grid_columns().len();
        let column = self.column_of(self.grid.room).unwrap_or(0);
        let frame = self.frame();
        let rows = frame.map(|f| f.rows).unwrap_or(1);
        self.grid.row = self.grid.row.min(rows.saturating_sub(1));
        let n_unscheduled = self.derived.unscheduled.len();
        if n_unscheduled == 0 {
            self.backlog_focus = false;
        }
        self.backlog.cursor = self.backlog.cursor.min(n_unscheduled.saturating_sub(1));
        let areas = self.areas();
        let geo = layout::grid_geometry(areas.main, columns, self.grid.column);
        self.grid.top = grid::scroll(self.grid.top, self.grid.row, geo.rows_height as usize, rows);
        self.grid.left = grid::scroll(self.grid.left, column, geo.visible_rooms, columns);
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
                let rows = self.rows(view);
                let height = layout::list_rows_height(areas.main);
                let state = &mut self.lists[li];
                state.cursor = state.cursor.min(rows.len().saturating_sub(1));
                if rows.get(state.cursor).is_some_and(|r| !r.selectable()) {
                    if let Some(k) = rows.iter().position(Row::selectable) {
                        state.cursor = k;
                    }
                }
                state.top = grid::scroll(state.top, state.cursor, height, rows.len());
                // Keep the heading above the cursor's row in view (`gg` shows the first one).
                if state.top > 0
                    && state.top == state.cursor
                    && height > 1
                    && matches!(rows.get(state.cursor - 1), Some(Row::Heading(_)))
                {
                    state.top -= 1;
                }
                let cursor = state.cursor;
                rows.get(cursor).and_then(|r| self.row_session(r))
            }
        };
    }
}
