//! Picker mode (`s` speakers and moderators, `f` filters): the picker handles its own keys;
//! the app carries out the choice.

use super::{App, ListState};
use crate::edit::{self, Edit, Role};
use crate::model::{Kind, Status};
use crate::tui::action::{Action, Effect, Mode, View};
use crate::tui::picker::{Choice, Item, Picker, PickerOutcome, Purpose};

impl App {
    pub(super) fn update_picker(&mut self, action: Action) -> Option<Effect> {
        let Some(picker) = self.picker.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        let outcome = picker.handle(action);
        if picker.purpose == Purpose::ShowRooms
            && matches!(outcome, PickerOutcome::Cancel | PickerOutcome::Accept)
        {
            self.picker = None;
            self.mode = Mode::Normal;
            self.close_rooms_picker(outcome == PickerOutcome::Accept);
            return None;
        }
        match outcome {
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
                    self.info(crate::tui::words::word(
                        "msg_speakers_and_moderators_unchanged",
                    ));
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
                        Purpose::Filter
                        | Purpose::Slots { .. }
                        | Purpose::GotoRoom
                        | Purpose::ShowRooms => String::new(),
                    };
                    self.commit(Edit::Batch {
                        label: crate::tui::words::format(
                            "did_people",
                            &[("title", &crate::tui::words::quoted(&title))],
                        ),
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
                        Err(m) => self.error(crate::tui::words::edit_error(&m)),
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
                                label: crate::tui::words::format(
                                    "did_new_speaker",
                                    &[
                                        ("name", picker.query.trim()),
                                        ("role", role.noun()),
                                        (
                                            "title",
                                            &crate::tui::words::quoted(
                                                &self.doc.program.sessions[session].title,
                                            ),
                                        ),
                                    ],
                                ),
                                edits: vec![add, assign],
                            });
                            let mut fresh = Picker::new(picker.purpose, self.people_items());
                            fresh.cursor = 0;
                            fresh.applied = picker.applied + 1;
                            self.picker = Some(fresh);
                        }
                        Err(m) => self.error(crate::tui::words::edit_error(&m)),
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
            Purpose::GotoRoom => {
                self.picker = None;
                self.mode = Mode::Normal;
                if let Some(Choice::Room(r)) = picker.current().map(|i| i.choice.clone()) {
                    self.view = View::Grid;
                    self.backlog_focus = false;
                    // A hidden room asked for by name is shown again, and said so.
                    let unhidden = self.unhide_room(r);
                    self.grid.room = r;
                    self.selected = None;
                    let name = self.doc.program.rooms[r].name.clone();
                    self.info(if unhidden {
                        crate::tui::words::format("msg_room_shown_again", &[("name", &name)])
                    } else {
                        crate::tui::words::format("msg_room", &[("name", &name)])
                    });
                }
            }
            Purpose::ShowRooms => {
                if let Some(Choice::Room(r)) = picker.current().map(|i| i.choice.clone()) {
                    self.toggle_room(r);
                }
            }
        }
    }

    /// `gr`: the rooms by name, fuzzy, to put the grid cursor on one.
    pub(super) fn open_room_picker(&mut self) {
        let p = &self.doc.program;
        if p.rooms.is_empty() {
            self.error(crate::tui::words::word(
                "msg_no_rooms_yet_add_one_with_room_name",
            ));
            return;
        }
        let items = crate::collate::order(&p.event.language, p.rooms.len(), |i| {
            p.rooms[i].name.as_str()
        })
        .into_iter()
        .map(|i| self.room_item(i))
        .collect();
        self.picker = Some(Picker::new(Purpose::GotoRoom, items));
        self.mode = Mode::Picker;
    }

    /// A room as the pickers list it: its name, and its seats when known.
    pub(super) fn room_item(&self, i: usize) -> Item {
        let room = &self.doc.program.rooms[i];
        Item {
            label: match room.capacity {
                Some(c) => crate::tui::words::format(
                    "details_seats",
                    &[("room", &room.name), ("seats", &c.to_string())],
                ),
                None => room.name.clone(),
            },
            choice: Choice::Room(i),
        }
    }

    pub(super) fn apply_filter(&mut self, choice: Choice) {
        fn toggle<T: PartialEq + Copy>(list: &mut Vec<T>, v: T) {
            match list.iter().position(|x| *x == v) {
                Some(k) => {
                    list.remove(k);
                }
                None => list.push(v),
            }
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
            Choice::Picks => f.picks = !f.picks,
            Choice::Conflicts => f.conflicts = !f.conflicts,
        }
        self.view = View::Agenda;
        self.lists[0] = ListState::default();
    }

    pub(super) fn people_items(&self) -> Vec<Item> {
        let speakers = &self.doc.program.speakers;
        self.derived
            .speaker_order
            .iter()
            .map(|&i| (i, &speakers[i]))
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
        items.push(Item {
            label: crate::tui::words::word("picker_only_picks").into(),
            choice: Choice::Picks,
        });
        items.push(Item {
            label: crate::tui::words::word("picker_only_conflicts").into(),
            choice: Choice::Conflicts,
        });
        for (i, d) in self.derived.days.iter().enumerate() {
            items.push(Item {
                label: crate::tui::words::format(
                    "picker_day",
                    &[("value", &crate::tui::words::date(*d))],
                ),
                choice: Choice::Day(i),
            });
        }
        // Rooms, tracks and people by name, as people read them.
        let rooms = crate::collate::order(&p.event.language, p.rooms.len(), |i| {
            p.rooms[i].name.as_str()
        });
        let tracks = crate::collate::order(&p.event.language, p.tracks.len(), |i| {
            p.tracks[i].name.as_str()
        });
        for (i, r) in rooms.into_iter().map(|i| (i, &p.rooms[i])) {
            items.push(Item {
                label: crate::tui::words::format("picker_room", &[("value", &r.name)]),
                choice: Choice::Room(i),
            });
        }
        for (i, t) in tracks.into_iter().map(|i| (i, &p.tracks[i])) {
            items.push(Item {
                label: crate::tui::words::format("picker_track", &[("value", &t.name)]),
                choice: Choice::Track(i),
            });
        }
        for (i, s) in self
            .derived
            .speaker_order
            .iter()
            .map(|&i| (i, &p.speakers[i]))
        {
            items.push(Item {
                label: crate::tui::words::format("picker_speaker", &[("value", &s.name)]),
                choice: Choice::Person(i),
            });
        }
        for name in Kind::NAMES {
            if let Some(k) = Kind::parse(name) {
                items.push(Item {
                    label: crate::tui::words::format("picker_kind", &[("value", name)]),
                    choice: Choice::Kind(k),
                });
            }
        }
        for name in Status::NAMES {
            if let Some(s) = Status::parse(name) {
                items.push(Item {
                    label: crate::tui::words::format("picker_status", &[("value", name)]),
                    choice: Choice::Status(s),
                });
            }
        }
        items
    }
}
