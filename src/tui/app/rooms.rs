//! Which rooms the grid shows (`:rooms`): the one mapping from the grid's columns to rooms.
//!
//! Every place that turns a column into a room or back — drawing, `h`/`l`, `H`/`L`, clicks and
//! drags, `gr`, scrolling — goes through [`App::grid_columns`]. The cursor's room
//! (`GridState::room`) is always a shown room; `GridState::left` counts columns. Hidden rooms are
//! kept by item uid (`Origin::uid`), so a room added later is shown and a renamed one stays
//! hidden.

use super::App;
use crate::tui::action::Mode;
use crate::tui::picker::{Picker, Purpose};

impl App {
    /// The rooms the grid shows, as indices in `program.rooms`, left to right (every room when
    /// none is hidden, or when every one would be).
    pub fn grid_columns(&self) -> Vec<usize> {
        let rooms = &self.doc.program.rooms;
        let uids = &self.doc.origins.rooms;
        let shown: Vec<usize> = (0..rooms.len())
            .filter(|&r| {
                uids.get(r)
                    .is_none_or(|o| !self.hidden_rooms.contains(&o.uid))
            })
            .collect();
        if shown.is_empty() {
            (0..rooms.len()).collect()
        } else {
            shown
        }
    }

    /// The column room `room` is shown in, if it is shown.
    pub fn column_of(&self, room: usize) -> Option<usize> {
        self.grid_columns().iter().position(|&r| r == room)
    }

    /// "3 of 5 rooms" when some are hidden.
    pub fn rooms_shown_note(&self) -> Option<String> {
        let all = self.doc.program.rooms.len();
        let shown = self.grid_columns().len();
        (shown < all).then(|| {
            crate::tui::words::format(
                "grid_rooms_shown",
                &[("shown", &shown.to_string()), ("all", &all.to_string())],
            )
        })
    }

    /// The cursor's room is a shown one: the nearest to it, rightwards first.
    pub(super) fn settle_room(&mut self) {
        let columns = self.grid_columns();
        if columns.is_empty() || columns.contains(&self.grid.room) {
            return;
        }
        self.grid.room = columns
            .iter()
            .copied()
            .find(|&r| r > self.grid.room)
            .or_else(|| columns.last().copied())
            .unwrap_or(0);
    }

    /// Show room `room` again (going to it by name).
    pub(super) fn unhide_room(&mut self, room: usize) -> bool {
        let Some(uid) = self.doc.origins.rooms.get(room).map(|o| o.uid) else {
            return false;
        };
        let before = self.hidden_rooms.len();
        self.hidden_rooms.retain(|h| *h != uid);
        before != self.hidden_rooms.len()
    }

    /// `:rooms` (the picker), `:rooms all`, `:rooms ID|NAME…` (only those).
    pub(super) fn choose_rooms(&mut self, words: &[String]) {
        let all = self.doc.program.rooms.len();
        if all == 0 {
            self.error(crate::tui::words::word("msg_rooms_none_yet"));
            return;
        }
        if words.is_empty() {
            self.open_rooms_picker();
            return;
        }
        if words.len() == 1 && words[0].eq_ignore_ascii_case("all") {
            self.hidden_rooms.clear();
            self.settle();
            self.info(crate::tui::words::format(
                "msg_rooms_all_shown",
                &[("all", &all.to_string())],
            ));
            return;
        }
        let p = &self.doc.program;
        let items: Vec<(usize, &str, &str)> = p
            .rooms
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.id.as_str(), r.name.as_str()))
            .collect();
        let mut shown = Vec::new();
        for word in words {
            match super::line::find_named("room", word, &items) {
                Ok(r) => shown.push(r),
                Err(m) => {
                    self.error(m);
                    return;
                }
            }
        }
        self.hidden_rooms = self
            .doc
            .origins
            .rooms
            .iter()
            .enumerate()
            .filter(|(i, _)| !shown.contains(i))
            .map(|(_, o)| o.uid)
            .collect();
        self.settle();
        match self.rooms_shown_note() {
            Some(note) => self.info(crate::tui::words::format(
                "msg_rooms_some_shown",
                &[("note", &note)],
            )),
            None => self.info(crate::tui::words::format(
                "msg_rooms_all_shown",
                &[("all", &all.to_string())],
            )),
        }
    }

    /// The rooms, each marked shown or hidden: Enter shows or hides one at once, Ctrl-y keeps
    /// the choice, Esc puts back the rooms shown before.
    fn open_rooms_picker(&mut self) {
        let items = (0..self.doc.program.rooms.len())
            .map(|i| self.room_item(i))
            .collect();
        self.rooms_before = Some(self.hidden_rooms.clone());
        self.picker = Some(Picker::new(Purpose::ShowRooms, items));
        self.mode = Mode::Picker;
    }

    /// Enter in the rooms picker: show or hide the room, never the last one shown.
    pub(super) fn toggle_room(&mut self, room: usize) {
        let Some(uid) = self.doc.origins.rooms.get(room).map(|o| o.uid) else {
            return;
        };
        if let Some(k) = self.hidden_rooms.iter().position(|h| *h == uid) {
            self.hidden_rooms.remove(k);
        } else if self.grid_columns() == [room] {
            self.error(crate::tui::words::word("msg_rooms_keep_one"));
            return;
        } else {
            self.hidden_rooms.push(uid);
        }
        self.settle();
    }

    /// The rooms picker closed: kept (`keep`) or put back as it was when opened.
    pub(super) fn close_rooms_picker(&mut self, keep: bool) {
        let before = self.rooms_before.take();
        if !keep {
            if let Some(before) = before {
                self.hidden_rooms = before;
            }
        }
        self.settle();
        let all = self.doc.program.rooms.len();
        let note = self
            .rooms_shown_note()
            .unwrap_or_else(|| format!("All {all} rooms"));
        self.info(if keep {
            format!("{note} shown")
        } else {
            format!("Unchanged: {note} shown")
        });
    }
}
