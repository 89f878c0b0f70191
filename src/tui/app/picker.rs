//! Picker mode (`s` speakers and moderators, `f` filters): the picker handles its own keys;
//! the app carries out the choice.

use super::{App, ListState};
use crate::edit::{self, Edit, Role};
use crate::model::{Kind, Status};
use crate::rules::wording;
use crate::tui::action::{Action, Effect, Mode, View};
use crate::tui::picker::{Choice, Item, Picker, PickerOutcome, Purpose};

impl App {
    pub(super) fn update_picker(&mut self, action: Action) -> Option<Effect> {
        let Some(picker) = self.picker.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        match picker.handle(action) {
            PickerOutcome::Choosing => {}
            PickerOutcome::Cancel => {
                let applied = picker.applied;
                self.picker = None;
                self.mode = Mode::Normal;
                if applied > 0 {
                    for _ in 0..applied {
                        self.history.undo(&mut self.doc);
                    }
                    self.refresh();
                    self.info("Speakers and moderators unchanged");
                }
            }
            PickerOutcome::Accept => {
                let (applied, purpose) = (picker.applied, picker.purpose);
                self.picker = None;
                self.mode = Mode::Normal;
                if applied > 1 {
                    // The toggles, one undo step.
                    let mut edits: Vec<Edit> = (0..applied)
                        .filter_map(|_| self.history.undo(&mut self.doc).cloned())
                        .collect();
                    edits.reverse();
                    let title = match purpose {
                        Purpose::People { session } => self
                            .doc
                            .program
                            .sessions
                            .get(session)
                            .map(|s| s.title.clone())
                            .unwrap_or_default(),
                        Purpose::Filter | Purpose::Slots { .. } => String::new(),
                    };
                    self.commit(Edit::Batch {
                        label: format!("changed the speakers and moderators of '{title}'"),
                        edits,
                    });
                }
            }
            PickerOutcome::Choose(role) => self.pick(role),
        }
        None
    }

    pub(super) fn pick(&mut self, role: Role) {
        let Some(picker) = self.picker.clone() else {
            return;
        };
        match picker.purpose {
            Purpose::People { session } => match picker.current().map(|i| i.choice.clone()) {
                Some(Choice::Speaker(p)) => {
                    let id = self.doc.program.speakers[p].id.clone();
                    match edit::toggle_person(&self.doc, session, role, &id) {
                        Ok(e) => {
                            self.commit(e);
                            if let Some(p) = &mut self.picker {
                                p.applied += 1;
                            }
                        }
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
                            fresh.applied = picker.applied + 1;
                            self.picker = Some(fresh);
                        }
                        Err(m) => self.error(m),
                    }
                }
                _ => {}
            },
            Purpose::Slots { session } => {
                if let Some(Choice::Slot(n)) = picker.current().map(|i| i.choice.clone()) {
                    self.take_offer(session, n);
                }
            }
            Purpose::Filter => {
                if let Some(choice) = picker.current().map(|i| i.choice.clone()) {
                    self.apply_filter(choice);
                }
                self.picker = None;
                self.mode = Mode::Normal;
            }
        }
    }

    pub(super) fn apply_filter(&mut self, choice: Choice) {
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
            Choice::Slot(_) => {}
        }
        self.view = View::Agenda;
        self.lists[0] = ListState::default();
    }

    pub(super) fn people_items(&self) -> Vec<Item> {
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

    pub(super) fn filter_items(&self) -> Vec<Item> {
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
}
