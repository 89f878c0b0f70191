//! `f` in the grid: the best valid slots for the selected session, nearest first, each with
//! the warnings it would add; `Enter` places the session there as one undoable edit. In grab
//! mode, the valid places of the held session are marked in the grid.

use super::App;
use crate::place;
use crate::tui::action::Mode;
use crate::tui::picker::{Choice, Item, Picker, Purpose};

/// How many slots `f` offers.
pub const OFFERS: usize = 12;

impl App {
    pub(super) fn find_slots(&mut self) {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word(
                "msg_no_session_selected_f_finds_valid_slots_for",
            ));
            return;
        };
        let program = &self.doc.program;
        let session = &program.sessions[i];
        if session.locked {
            self.error(crate::tui::words::format(
                "msg_locked",
                &[("title", &crate::tui::words::quoted(&session.title))],
            ));
            return;
        }
        let offers = place::find_slots(program, i, OFFERS);
        if offers.is_empty() {
            let why = place::why_not(program, i);
            self.error(why.message);
            return;
        }
        let items = offers
            .iter()
            .enumerate()
            .map(|(n, o)| Item {
                label: self.offer_label(o),
                choice: Choice::Slot(n),
            })
            .collect();
        self.offers = offers;
        self.picker = Some(Picker::new(Purpose::Slots { session: i }, items));
        self.mode = Mode::Picker;
    }

    /// "Tue 14 May 10:00–11:00 · Salle Rhône · 1 warning: over-capacity".
    fn offer_label(&self, o: &place::Offer) -> String {
        let program = &self.doc.program;
        let tz = program.event.timezone;
        let room = match o.room {
            Some(r) => program.rooms[r].name.as_str(),
            None => crate::tui::words::word("slots_all_rooms"),
        };
        let warnings: Vec<String> = o.warnings.iter().map(|d| d.code.to_string()).collect();
        let added = crate::tui::words::format_counts(
            "slots_warnings",
            &[("codes", &warnings.join(", "))],
            &[("count", warnings.len() as i64)],
        );
        format!(
            "{} {} · {room} · {added}",
            crate::tui::words::day(tz, o.at),
            crate::tui::words::span(tz, o.at, o.end)
        )
    }

    /// Place the session at the chosen offer.
    pub(super) fn take_offer(&mut self, session: usize, n: usize) {
        self.picker = None;
        self.mode = Mode::Normal;
        let Some(offer) = self.offers.get(n).cloned() else {
            return;
        };
        self.offers.clear();
        match place::edit_for(&self.doc, session, offer.room, offer.start) {
            Ok(e) => self.commit(e),
            Err(m) => self.error(crate::tui::words::edit_error(&m)),
        }
    }

    /// The valid places of the held session, for the grid's marks (computed again when the
    /// session's length changes).
    pub(super) fn mark_targets(&mut self) {
        let Some(grab) = &self.grab else {
            self.targets.clear();
            self.targets_key = None;
            return;
        };
        let i = grab.session;
        let length = self.derived.facts[i]
            .interval
            .map(|(a, b)| b - a)
            .unwrap_or(0);
        if self.targets_key == Some((i, length)) {
            return;
        }
        self.targets = place::valid_starts(&self.doc.program, i);
        self.targets_key = Some((i, length));
    }

    /// Whether the held session may start at `start` in `room` without an error.
    pub fn is_target(&self, room: Option<usize>, start: crate::time::Instant) -> bool {
        self.grab.is_some() && self.targets.binary_search(&(room, start)).is_ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::path::Path;

    use crate::rules::check;
    use crate::save;
    use crate::tui::action::{Action, Mode, View};
    use crate::tui::app::App;
    use crate::tui::keymap::Key;
    use crate::tui::picker::Purpose;

    fn app() -> App {
        let path =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
        let (doc, disk) = save::open(&path).unwrap();
        let mut app = App::new(doc, disk, 0, false);
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        app
    }

    fn errors(app: &App) -> usize {
        check(&app.doc.program)
            .iter()
            .filter(|d| d.severity == crate::codes::Level::Error)
            .count()
    }

    #[test]
    fn f_lists_valid_slots_nearest_first_and_enter_places_as_one_undo() {
        let mut app = app();
        let i = app.selected.unwrap();
        let before = (
            app.doc.program.sessions[i].start.clone().map(|s| s.value),
            app.doc.program.sessions[i].room.clone().map(|r| r.value),
        );
        app.handle_key(Key::Char('f'));
        assert_eq!(app.mode, Mode::Picker);
        assert_eq!(
            app.picker.as_ref().unwrap().purpose,
            Purpose::Slots { session: i }
        );
        assert!(!app.offers.is_empty() && app.offers.len() <= super::OFFERS);
        // Nearest first: the first offer is the same room and day, a step away.
        let here = app.derived.facts[i].clone();
        let first = &app.offers[0];
        assert_eq!(first.room, here.room);
        let (a, _) = here.interval.unwrap();
        assert!((first.at - a).abs() <= 15 * 60, "{:?}", first.start);
        let label = &app.picker.as_ref().unwrap().items[0].label;
        assert!(label.contains("warning"), "{label}");
        // The second slot, applied as one edit.
        let second = app.offers[1].clone();
        app.update(Action::CursorDown);
        app.update(Action::Submit);
        assert_eq!(app.mode, Mode::Normal);
        let s = &app.doc.program.sessions[i];
        assert_eq!(
            s.start.as_ref().map(|v| v.value),
            Some(crate::model::DateTimeValue::Local(second.start))
        );
        assert_eq!(errors(&app), 0);
        assert!(app.history.is_dirty());
        app.update(Action::Undo);
        let s = &app.doc.program.sessions[i];
        assert_eq!(
            (
                s.start.clone().map(|v| v.value),
                s.room.clone().map(|r| r.value)
            ),
            before
        );
        assert!(!app.history.can_undo());
    }

    #[test]
    fn f_outside_the_grid_still_filters_the_agenda() {
        let mut app = app();
        app.update(Action::ShowView(View::Agenda));
        app.handle_key(Key::Char('f'));
        assert_eq!(app.picker.as_ref().unwrap().purpose, Purpose::Filter);
    }

    #[test]
    fn grab_mode_marks_valid_places_with_a_glyph() {
        let mut app = app();
        let talk = app
            .doc
            .program
            .sessions
            .iter()
            .position(|s| s.room.is_some() && s.start.is_some())
            .unwrap();
        app.reveal(talk);
        assert_eq!(app.selected, Some(talk));
        app.handle_key(Key::Char('m'));
        assert_eq!(app.mode, Mode::Grab);
        assert!(!app.targets.is_empty());
        let (room, at) = app.targets[0];
        assert!(room.is_some());
        assert!(app.is_target(room, at));
        let mut terminal =
            ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
        terminal
            .draw(|f| crate::tui::render::draw(f, &app))
            .unwrap();
        let buf = terminal.backend().buffer().clone();
        let marks = buf
            .content()
            .iter()
            .filter(|c| c.symbol() == crate::tui::render::grid::TARGET)
            .count();
        assert!(marks > 0);
        // Dropped: no marks any more.
        app.handle_key(Key::Esc);
        assert!(!app.is_target(room, at));
    }
}
