//! The fuzzy picker: a list of choices narrowed by typing (nucleo's matcher, the one helix
//! uses), for a session's speakers and moderators (`s`), agenda filters (`f` in the
//! lists) and the valid slots of a session (`f` in the grid).

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};

use super::action::Action;
use crate::edit::Role;
use crate::model::{Kind, Status};

/// What choosing an item does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// A speaker (index in `program.speakers`).
    Speaker(usize),
    /// Set one agenda filter.
    Day(usize),
    Room(usize),
    Track(usize),
    Person(usize),
    Kind(Kind),
    Status(Status),
    /// A valid slot offered by `f` (index in `App::offers`).
    Slot(usize),
    /// Only the sessions in your picks.
    Picks,
    /// Only the sessions with an error or a warning.
    Conflicts,
}

/// Why the picker is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Speakers and moderators of a session.
    People { session: usize },
    /// Agenda filters.
    Filter,
    /// Valid slots for a session (`f` in the grid).
    Slots { session: usize },
    /// Go to a room of the grid (`gr`).
    GotoRoom,
    /// The rooms the grid shows (`:rooms`).
    ShowRooms,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub choice: Choice,
}

struct Labeled<'a>(usize, &'a str);

impl AsRef<str> for Labeled<'_> {
    fn as_ref(&self) -> &str {
        self.1
    }
}

/// What a key did in the picker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerOutcome {
    /// Still choosing.
    Choosing,
    /// Close it, taking back what was changed from it.
    Cancel,
    /// Close it, keeping what was changed.
    Accept,
    /// Choose the current item (`Enter`: as speaker, `Tab`: as moderator).
    Choose(Role),
}

/// The picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: Purpose,
    pub query: String,
    pub items: Vec<Item>,
    /// Indices into `items` matching the query, best first.
    pub shown: Vec<usize>,
    pub cursor: usize,
    /// Edits made from this picker so far: `Esc` takes them back, `Ctrl-y` keeps them as one.
    pub applied: usize,
}

impl Picker {
    pub fn new(purpose: Purpose, items: Vec<Item>) -> Picker {
        let mut p = Picker {
            purpose,
            query: String::new(),
            shown: Vec::new(),
            items,
            cursor: 0,
            applied: 0,
        };
        p.refilter();
        p
    }

    /// Narrow the items to the query (all of them, in order, for an empty query).
    pub fn refilter(&mut self) {
        if self.query.trim().is_empty() {
            self.shown = (0..self.items.len()).collect();
        } else {
            let mut matcher = Matcher::new(Config::DEFAULT);
            let pattern = Pattern::parse(&self.query, CaseMatching::Ignore, Normalization::Smart);
            let list: Vec<Labeled> = self
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| Labeled(i, item.label.as_str()))
                .collect();
            self.shown = pattern
                .match_list(list, &mut matcher)
                .into_iter()
                .map(|(l, _)| l.0)
                .collect();
        }
        self.cursor = self.cursor.min(self.shown.len().saturating_sub(1));
    }

    /// Handle a key: typing narrows, arrows and the wheel move; choosing and closing are for
    /// the app to carry out.
    pub fn handle(&mut self, action: Action) -> PickerOutcome {
        match action {
            Action::Insert(c) => {
                self.query.push(c);
                self.cursor = 0;
                self.refilter();
            }
            Action::DeleteBack => {
                self.query.pop();
                self.refilter();
            }
            Action::ClearInput => {
                self.query.clear();
                self.refilter();
            }
            Action::CursorDown => self.down(),
            Action::CursorUp => self.up(),
            Action::Scroll { lines, .. } => {
                for _ in 0..lines.unsigned_abs() {
                    if lines > 0 {
                        self.down()
                    } else {
                        self.up()
                    }
                }
            }
            Action::Cancel => return PickerOutcome::Cancel,
            Action::Accept => return PickerOutcome::Accept,
            Action::Submit => return PickerOutcome::Choose(Role::Speaker),
            Action::Alternate => return PickerOutcome::Choose(Role::Moderator),
            _ => {}
        }
        PickerOutcome::Choosing
    }

    pub fn current(&self) -> Option<&Item> {
        self.shown.get(self.cursor).and_then(|&i| self.items.get(i))
    }

    pub fn down(&mut self) {
        if self.cursor + 1 < self.shown.len() {
            self.cursor += 1;
        }
    }

    pub fn up(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, i: usize) -> Item {
        Item {
            label: label.into(),
            choice: Choice::Speaker(i),
        }
    }

    #[test]
    fn fuzzy_query_narrows_and_ranks() {
        let mut p = Picker::new(
            Purpose::Filter,
            vec![
                item("Karine Dognin-Sauze", 0),
                item("Akim Oural", 1),
                item("Françoise Sigot", 2),
            ],
        );
        assert_eq!(p.shown, vec![0, 1, 2]);
        p.query = "fran sig".into();
        p.refilter();
        assert_eq!(p.shown, vec![2]);
        // Accents need not be typed.
        p.query = "francoise".into();
        p.refilter();
        assert_eq!(p.shown, vec![2]);
        p.query = "zzz".into();
        p.refilter();
        assert!(p.shown.is_empty());
        assert_eq!(p.current(), None);
    }
}
