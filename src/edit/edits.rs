//! Edits: every change the editor can make to a program, as a value that knows its inverse.
//!
//! An edit carries both the old and the new value, so applying `edit.inverse()` right after
//! `edit` restores the document exactly (origins included: undoing a deletion puts the table
//! back where it was written, and a save then leaves the file untouched).

use crate::codes::RuleCode;
use crate::model::{DateTimeValue, Kind, Program, Room, Session, Spanned, Speaker, Status, Track};
use crate::source::Span;

use super::{Baseline, Document, Origin, Origins};

/// A session's times as written: `start`, and `duration` or `end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct When {
    pub start: Option<DateTimeValue>,
    pub duration: Option<i64>,
    pub end: Option<DateTimeValue>,
}

impl When {
    pub fn of(session: &Session) -> When {
        When {
            start: session.start.as_ref().map(|s| s.value),
            duration: session.duration.as_ref().map(|d| d.value),
            end: session.end.as_ref().map(|e| e.value),
        }
    }

    fn write(&self, session: &mut Session, written: Option<&Session>) {
        let span = session.span;
        let at = |v: Option<Span>| v.unwrap_or(span);
        let written_span = |f: fn(&Session) -> Option<Span>| at(written.and_then(f));
        set_spanned(
            &mut session.start,
            self.start,
            written_span(|w| w.start.as_ref().map(|v| v.span)),
        );
        set_spanned(
            &mut session.duration,
            self.duration,
            written_span(|w| w.duration.as_ref().map(|v| v.span)),
        );
        set_spanned(
            &mut session.end,
            self.end,
            written_span(|w| w.end.as_ref().map(|v| v.span)),
        );
    }
}

/// Speakers or moderators of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Speaker,
    Moderator,
}

impl Role {
    pub fn list(self, session: &Session) -> &Vec<Spanned<String>> {
        match self {
            Role::Speaker => &session.speakers,
            Role::Moderator => &session.moderators,
        }
    }

    fn list_mut(self, session: &mut Session) -> &mut Vec<Spanned<String>> {
        match self {
            Role::Speaker => &mut session.speakers,
            Role::Moderator => &mut session.moderators,
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Role::Speaker => "speaker",
            Role::Moderator => "moderator",
        }
    }
}

/// One field of a session and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Title(String),
    Kind(Kind),
    Track(Option<String>),
    Room(Option<String>),
    Start(Option<DateTimeValue>),
    Duration(Option<i64>),
    End(Option<DateTimeValue>),
    Expected(Option<u64>),
    Requires(Vec<String>),
    Status(Status),
    Description(Option<String>),
    Plenary(bool),
    Tags(Vec<String>),
    Language(Option<String>),
    Url(Option<String>),
    Allow(Vec<RuleCode>),
    /// Speaker ids, in order.
    Speakers(Vec<String>),
    /// Moderator ids, in order.
    Moderators(Vec<String>),
}

impl Field {
    /// The key of the field in the event file.
    pub fn key(&self) -> &'static str {
        match self {
            Field::Title(_) => "title",
            Field::Kind(_) => "kind",
            Field::Track(_) => "track",
            Field::Room(_) => "room",
            Field::Start(_) => "start",
            Field::Duration(_) => "duration",
            Field::End(_) => "end",
            Field::Expected(_) => "expected",
            Field::Requires(_) => "requires",
            Field::Status(_) => "status",
            Field::Description(_) => "description",
            Field::Plenary(_) => "plenary",
            Field::Tags(_) => "tags",
            Field::Language(_) => "language",
            Field::Url(_) => "url",
            Field::Allow(_) => "allow",
            Field::Speakers(_) => "speakers",
            Field::Moderators(_) => "moderators",
        }
    }

    /// The same field, with the value `session` has now.
    pub fn current(&self, session: &Session) -> Field {
        let refv = |r: &Option<Spanned<String>>| r.as_ref().map(|r| r.value.clone());
        match self {
            Field::Title(_) => Field::Title(session.title.clone()),
            Field::Kind(_) => Field::Kind(session.kind),
            Field::Track(_) => Field::Track(refv(&session.track)),
            Field::Room(_) => Field::Room(refv(&session.room)),
            Field::Start(_) => Field::Start(session.start.as_ref().map(|s| s.value)),
            Field::Duration(_) => Field::Duration(session.duration.as_ref().map(|d| d.value)),
            Field::End(_) => Field::End(session.end.as_ref().map(|e| e.value)),
            Field::Expected(_) => Field::Expected(session.expected),
            Field::Requires(_) => Field::Requires(session.requires.clone()),
            Field::Status(_) => Field::Status(session.status),
            Field::Description(_) => Field::Description(session.description.clone()),
            Field::Plenary(_) => Field::Plenary(session.plenary),
            Field::Tags(_) => Field::Tags(session.tags.clone()),
            Field::Language(_) => Field::Language(session.language.clone()),
            Field::Url(_) => Field::Url(session.url.clone()),
            Field::Allow(_) => Field::Allow(session.allow.clone()),
            Field::Speakers(_) => Field::Speakers(ids(&session.speakers)),
            Field::Moderators(_) => Field::Moderators(ids(&session.moderators)),
        }
    }

    fn write(&self, session: &mut Session, written: Option<&Session>) {
        let span = session.span;
        let written_span = |f: fn(&Session) -> Option<Span>| written.and_then(f).unwrap_or(span);
        match self {
            Field::Title(v) => session.title = v.clone(),
            Field::Kind(v) => session.kind = *v,
            Field::Track(v) => set_spanned(
                &mut session.track,
                v.clone(),
                written_span(|w| w.track.as_ref().map(|v| v.span)),
            ),
            Field::Room(v) => set_spanned(
                &mut session.room,
                v.clone(),
                written_span(|w| w.room.as_ref().map(|v| v.span)),
            ),
            Field::Start(v) => set_spanned(
                &mut session.start,
                *v,
                written_span(|w| w.start.as_ref().map(|v| v.span)),
            ),
            Field::Duration(v) => set_spanned(
                &mut session.duration,
                *v,
                written_span(|w| w.duration.as_ref().map(|v| v.span)),
            ),
            Field::End(v) => set_spanned(
                &mut session.end,
                *v,
                written_span(|w| w.end.as_ref().map(|v| v.span)),
            ),
            Field::Expected(v) => session.expected = *v,
            Field::Requires(v) => session.requires = v.clone(),
            Field::Status(v) => session.status = *v,
            Field::Description(v) => session.description = v.clone(),
            Field::Plenary(v) => session.plenary = *v,
            Field::Tags(v) => session.tags = v.clone(),
            Field::Language(v) => session.language = v.clone(),
            Field::Url(v) => session.url = v.clone(),
            Field::Allow(v) => session.allow = v.clone(),
            Field::Speakers(v) => {
                let written = written.map(|w| w.speakers.as_slice()).unwrap_or(&[]);
                session.speakers = people(&session.speakers, written, v, span);
            }
            Field::Moderators(v) => {
                let written = written.map(|w| w.moderators.as_slice()).unwrap_or(&[]);
                session.moderators = people(&session.moderators, written, v, span);
            }
        }
    }
}

fn ids(list: &[Spanned<String>]) -> Vec<String> {
    list.iter().map(|r| r.value.clone()).collect()
}

/// A list of people, each keeping the place it is written (now, or as last saved).
fn people(
    now: &[Spanned<String>],
    written: &[Spanned<String>],
    ids: &[String],
    fallback: Span,
) -> Vec<Spanned<String>> {
    ids.iter()
        .map(|id| Spanned {
            value: id.clone(),
            span: now
                .iter()
                .chain(written)
                .find(|r| r.value == *id)
                .map(|r| r.span)
                .unwrap_or(fallback),
        })
        .collect()
}

/// "Salle A" or "Salle A (now Salle B)".
fn changed_name(from: &str, to: &str) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("{from} (now {to})")
    }
}

/// Set an optional written value, keeping the place it was written (for diagnostics).
/// `fallback` is where a value that was absent goes: the place its key has in the file as
/// last loaded or saved, so undoing a removal gives the exact program back.
fn set_spanned<T>(slot: &mut Option<Spanned<T>>, value: Option<T>, fallback: Span) {
    *slot = value.map(|value| Spanned {
        value,
        span: slot.as_ref().map(|s| s.span).unwrap_or(fallback),
    });
}

/// The session at `index` as last loaded or saved, when it is written in a file.
fn written_session<'b>(
    baseline: &'b Baseline,
    origins: &Origins,
    index: usize,
) -> Option<&'b Session> {
    let origin = origins.sessions.get(index)?;
    let at = baseline.written.get(&origin.uid)?;
    baseline.sessions.get(origin.file as usize)?.get(*at)
}

/// A change to the program; `inverse` undoes it.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Shift a session in time (its start, and its end when written with `end`).
    Move {
        session: usize,
        from: When,
        to: When,
    },
    /// Make a session longer or shorter (its `duration`, or its `end`).
    Resize {
        session: usize,
        from: When,
        to: When,
    },
    /// Put a session in another room, or in none.
    Reassign {
        session: usize,
        from: Option<String>,
        to: Option<String>,
    },
    /// Change one field of a session.
    SetField {
        session: usize,
        from: Field,
        to: Field,
    },
    /// Insert a session (new or duplicated) at `index`.
    AddSession {
        index: usize,
        session: Box<Session>,
        origin: Origin,
    },
    /// Remove the session at `index`.
    RemoveSession {
        index: usize,
        session: Box<Session>,
        origin: Origin,
    },
    /// Replace a whole session (restoring a recovered program).
    ReplaceSession {
        index: usize,
        from: Box<Session>,
        to: Box<Session>,
    },
    /// Add a person to a session's speakers or moderators, at `position` in the list.
    AddPerson {
        session: usize,
        role: Role,
        position: usize,
        id: String,
    },
    /// Remove the person at `position` from a session's speakers or moderators.
    RemovePerson {
        session: usize,
        role: Role,
        position: usize,
        id: String,
    },
    /// Insert a speaker at `index`.
    AddSpeaker {
        index: usize,
        speaker: Box<Speaker>,
        origin: Origin,
    },
    /// Remove the speaker at `index`.
    RemoveSpeaker {
        index: usize,
        speaker: Box<Speaker>,
        origin: Origin,
    },
    /// Replace a whole speaker (restoring a recovered program).
    ReplaceSpeaker {
        index: usize,
        from: Box<Speaker>,
        to: Box<Speaker>,
    },
    /// Insert a room at `index`.
    AddRoom {
        index: usize,
        room: Box<Room>,
        origin: Origin,
    },
    /// Remove the room at `index`.
    RemoveRoom {
        index: usize,
        room: Box<Room>,
        origin: Origin,
    },
    /// Replace a whole room (restoring a recovered program).
    ReplaceRoom {
        index: usize,
        from: Box<Room>,
        to: Box<Room>,
    },
    /// Insert a track at `index`.
    AddTrack {
        index: usize,
        track: Box<Track>,
        origin: Origin,
    },
    /// Remove the track at `index`.
    RemoveTrack {
        index: usize,
        track: Box<Track>,
        origin: Origin,
    },
    /// Replace a whole track (its form, restoring a recovered program).
    ReplaceTrack {
        index: usize,
        from: Box<Track>,
        to: Box<Track>,
    },
    /// Several edits made as one step (drop after grab, a form, a restore): undone together.
    Batch { label: String, edits: Vec<Edit> },
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self.clone() {
            Edit::Move { session, from, to } => Edit::Move {
                session,
                from: to,
                to: from,
            },
            Edit::Resize { session, from, to } => Edit::Resize {
                session,
                from: to,
                to: from,
            },
            Edit::Reassign { session, from, to } => Edit::Reassign {
                session,
                from: to,
                to: from,
            },
            Edit::SetField { session, from, to } => Edit::SetField {
                session,
                from: to,
                to: from,
            },
            Edit::AddSession {
                index,
                session,
                origin,
            } => Edit::RemoveSession {
                index,
                session,
                origin,
            },
            Edit::RemoveSession {
                index,
                session,
                origin,
            } => Edit::AddSession {
                index,
                session,
                origin,
            },
            Edit::ReplaceSession { index, from, to } => Edit::ReplaceSession {
                index,
                from: to,
                to: from,
            },
            Edit::AddPerson {
                session,
                role,
                position,
                id,
            } => Edit::RemovePerson {
                session,
                role,
                position,
                id,
            },
            Edit::RemovePerson {
                session,
                role,
                position,
                id,
            } => Edit::AddPerson {
                session,
                role,
                position,
                id,
            },
            Edit::AddSpeaker {
                index,
                speaker,
                origin,
            } => Edit::RemoveSpeaker {
                index,
                speaker,
                origin,
            },
            Edit::RemoveSpeaker {
                index,
                speaker,
                origin,
            } => Edit::AddSpeaker {
                index,
                speaker,
                origin,
            },
            Edit::ReplaceSpeaker { index, from, to } => Edit::ReplaceSpeaker {
                index,
                from: to,
                to: from,
            },
            Edit::AddRoom {
                index,
                room,
                origin,
            } => Edit::RemoveRoom {
                index,
                room,
                origin,
            },
            Edit::RemoveRoom {
                index,
                room,
                origin,
            } => Edit::AddRoom {
                index,
                room,
                origin,
            },
            Edit::ReplaceRoom { index, from, to } => Edit::ReplaceRoom {
                index,
                from: to,
                to: from,
            },
            Edit::AddTrack {
                index,
                track,
                origin,
            } => Edit::RemoveTrack {
                index,
                track,
                origin,
            },
            Edit::RemoveTrack {
                index,
                track,
                origin,
            } => Edit::AddTrack {
                index,
                track,
                origin,
            },
            Edit::ReplaceTrack { index, from, to } => Edit::ReplaceTrack {
                index,
                from: to,
                to: from,
            },
            Edit::Batch { label, edits } => Edit::Batch {
                label,
                edits: edits.iter().rev().map(Edit::inverse).collect(),
            },
        }
    }

    /// Apply to a document. Indices must be valid for the document (the history guarantees it:
    /// edits are applied and undone in order).
    pub(super) fn apply(&self, doc: &mut Document) {
        let program = &mut doc.program;
        let origins = &mut doc.origins;
        let written = |i: usize| written_session(&doc.baseline, origins, i);
        match self {
            Edit::Move { session, to, .. } | Edit::Resize { session, to, .. } => {
                to.write(&mut program.sessions[*session], written(*session));
            }
            Edit::Reassign { session, to, .. } => {
                let fallback = written(*session).and_then(|w| w.room.as_ref().map(|r| r.span));
                let s = &mut program.sessions[*session];
                let span = fallback.unwrap_or(s.span);
                set_spanned(&mut s.room, to.clone(), span);
            }
            Edit::SetField { session, to, .. } => {
                to.write(&mut program.sessions[*session], written(*session))
            }
            Edit::AddSession {
                index,
                session,
                origin,
            } => {
                program.sessions.insert(*index, (**session).clone());
                origins.sessions.insert(*index, *origin);
            }
            Edit::RemoveSession { index, .. } => {
                program.sessions.remove(*index);
                origins.sessions.remove(*index);
            }
            Edit::ReplaceSession { index, to, .. } => program.sessions[*index] = (**to).clone(),
            Edit::AddPerson {
                session,
                role,
                position,
                id,
            } => {
                // Back where the file has this person, when it does (an undone removal).
                let written_at = written(*session).and_then(|w| {
                    let list = role.list(w);
                    list.get(*position)
                        .filter(|r| r.value == *id)
                        .or_else(|| list.iter().find(|r| r.value == *id))
                        .map(|r| r.span)
                });
                let s = &mut program.sessions[*session];
                let span = written_at.unwrap_or(s.span);
                let list = role.list_mut(s);
                let at = (*position).min(list.len());
                list.insert(
                    at,
                    Spanned {
                        value: id.clone(),
                        span,
                    },
                );
            }
            Edit::RemovePerson {
                session,
                role,
                position,
                ..
            } => {
                let list = role.list_mut(&mut program.sessions[*session]);
                if *position < list.len() {
                    list.remove(*position);
                }
            }
            Edit::AddSpeaker {
                index,
                speaker,
                origin,
            } => {
                program.speakers.insert(*index, (**speaker).clone());
                origins.speakers.insert(*index, *origin);
            }
            Edit::RemoveSpeaker { index, .. } => {
                program.speakers.remove(*index);
                origins.speakers.remove(*index);
            }
            Edit::ReplaceSpeaker { index, to, .. } => program.speakers[*index] = (**to).clone(),
            Edit::AddRoom {
                index,
                room,
                origin,
            } => {
                program.rooms.insert(*index, (**room).clone());
                origins.rooms.insert(*index, *origin);
            }
            Edit::RemoveRoom { index, .. } => {
                program.rooms.remove(*index);
                origins.rooms.remove(*index);
            }
            Edit::ReplaceRoom { index, to, .. } => program.rooms[*index] = (**to).clone(),
            Edit::AddTrack {
                index,
                track,
                origin,
            } => {
                program.tracks.insert(*index, (**track).clone());
                origins.tracks.insert(*index, *origin);
            }
            Edit::RemoveTrack { index, .. } => {
                program.tracks.remove(*index);
                origins.tracks.remove(*index);
            }
            Edit::ReplaceTrack { index, to, .. } => program.tracks[*index] = (**to).clone(),
            Edit::Batch { edits, .. } => {
                for edit in edits {
                    edit.apply(doc);
                }
            }
        }
    }

    /// The session this edit is about, after it is applied (to put the cursor on it).
    pub fn focus(&self) -> Option<usize> {
        match self {
            Edit::Move { session, .. }
            | Edit::Resize { session, .. }
            | Edit::Reassign { session, .. }
            | Edit::SetField { session, .. }
            | Edit::AddPerson { session, .. }
            | Edit::RemovePerson { session, .. } => Some(*session),
            Edit::AddSession { index, .. } | Edit::ReplaceSession { index, .. } => Some(*index),
            Edit::Batch { edits, .. } => edits.iter().rev().find_map(Edit::focus),
            _ => None,
        }
    }

    /// A few words saying what the edit does, for the status line ("moved 'Déjeuner'").
    pub fn describe(&self, program: &Program) -> String {
        let title = |i: &usize| {
            program
                .sessions
                .get(*i)
                .map(|s| format!("'{}'", s.title))
                .unwrap_or_else(|| "a session".into())
        };
        match self {
            Edit::Move { session, .. } => format!("moved {}", title(session)),
            Edit::Resize { session, .. } => format!("resized {}", title(session)),
            Edit::Reassign { session, to, .. } => match to {
                Some(room) => format!("moved {} to room {room}", title(session)),
                None => format!("took {} out of its room", title(session)),
            },
            Edit::SetField { session, to, .. } => {
                format!("changed `{}` of {}", to.key(), title(session))
            }
            Edit::AddSession { session, .. } => format!("added '{}'", session.title),
            Edit::RemoveSession { session, .. } => format!("deleted '{}'", session.title),
            Edit::ReplaceSession { to, .. } => format!("restored '{}'", to.title),
            Edit::AddPerson {
                session, role, id, ..
            } => format!("added {id} as {} of {}", role.noun(), title(session)),
            Edit::RemovePerson {
                session, role, id, ..
            } => format!("removed {id} as {} of {}", role.noun(), title(session)),
            Edit::AddSpeaker { speaker, .. } => format!("added speaker {}", speaker.name),
            Edit::RemoveSpeaker { speaker, .. } => format!("removed speaker {}", speaker.name),
            Edit::ReplaceSpeaker { from, to, .. } => {
                format!("changed speaker {}", changed_name(&from.name, &to.name))
            }
            Edit::AddRoom { room, .. } => format!("added room {}", room.name),
            Edit::RemoveRoom { room, .. } => format!("removed room {}", room.name),
            Edit::ReplaceRoom { from, to, .. } => {
                format!("changed room {}", changed_name(&from.name, &to.name))
            }
            Edit::AddTrack { track, .. } => format!("added track {}", track.name),
            Edit::RemoveTrack { track, .. } => format!("removed track {}", track.name),
            Edit::ReplaceTrack { from, to, .. } => {
                format!("changed track {}", changed_name(&from.name, &to.name))
            }
            Edit::Batch { label, .. } => label.clone(),
        }
    }
}
