//! Editing and deleting rooms, speakers and tracks: every field of the format, an id renamed
//! everywhere it is used, and a deletion that can take the item off its sessions in the same
//! undoable step.

use super::edits::{Edit, Field};
use super::EditError;
use super::{insertion_index, Document, Origin};
use crate::ids::{is_valid_id, slugify};
use crate::model::{Room, Session, Speaker, Track};
use crate::source::Span;

/// Rooms, speakers and tracks: what sessions refer to by id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    Room,
    Speaker,
    Track,
}

impl ItemKind {
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Room => "room",
            ItemKind::Speaker => "speaker",
            ItemKind::Track => "track",
        }
    }

    fn uses(self, session: &Session, id: &str) -> bool {
        match self {
            ItemKind::Room => session.room.as_ref().is_some_and(|r| r.value == id),
            ItemKind::Track => session.track.as_ref().is_some_and(|t| t.value == id),
            ItemKind::Speaker => session.people().any(|p| p.value == id),
        }
    }

    fn taken(self, doc: &Document, id: &str, except: usize) -> bool {
        let p = &doc.program;
        match self {
            ItemKind::Room => p
                .rooms
                .iter()
                .enumerate()
                .any(|(i, r)| i != except && r.id == id),
            ItemKind::Speaker => p
                .speakers
                .iter()
                .enumerate()
                .any(|(i, s)| i != except && s.id == id),
            ItemKind::Track => p
                .tracks
                .iter()
                .enumerate()
                .any(|(i, t)| i != except && t.id == id),
        }
    }
}

/// The sessions that name the `kind` item `id`.
pub fn sessions_using(doc: &Document, kind: ItemKind, id: &str) -> Vec<usize> {
    doc.program
        .sessions
        .iter()
        .enumerate()
        .filter(|(_, s)| kind.uses(s, id))
        .map(|(i, _)| i)
        .collect()
}

/// The edits making session `i` name `to` instead of `from` (`None`: name nothing).
fn repoint(doc: &Document, kind: ItemKind, i: usize, from: &str, to: Option<&str>) -> Vec<Edit> {
    let s = &doc.program.sessions[i];
    match kind {
        ItemKind::Room => vec![Edit::Reassign {
            session: i,
            from: Some(from.to_string()),
            to: to.map(str::to_string),
        }],
        ItemKind::Track => vec![Edit::SetField {
            session: i,
            from: Field::Track(Some(from.to_string())),
            to: Field::Track(to.map(str::to_string)),
        }],
        ItemKind::Speaker => {
            let swap = |list: &[crate::model::Ref]| -> Vec<String> {
                list.iter()
                    .filter_map(|r| {
                        if r.value == from {
                            to.map(str::to_string)
                        } else {
                            Some(r.value.clone())
                        }
                    })
                    .collect()
            };
            let mut edits = Vec::new();
            let ids = |list: &[crate::model::Ref]| -> Vec<String> {
                list.iter().map(|r| r.value.clone()).collect()
            };
            if s.speakers.iter().any(|r| r.value == from) {
                edits.push(Edit::SetField {
                    session: i,
                    from: Field::Speakers(ids(&s.speakers)),
                    to: Field::Speakers(swap(&s.speakers)),
                });
            }
            if s.moderators.iter().any(|r| r.value == from) {
                edits.push(Edit::SetField {
                    session: i,
                    from: Field::Moderators(ids(&s.moderators)),
                    to: Field::Moderators(swap(&s.moderators)),
                });
            }
            edits
        }
    }
}

fn check_id(doc: &Document, kind: ItemKind, id: &str, index: usize) -> Result<(), EditError> {
    if !is_valid_id(id) {
        return Err(EditError::InvalidId {
            id: id.to_string(),
            suggestion: slugify(id),
        });
    }
    if kind.taken(doc, id, index) {
        return Err(EditError::IdTaken {
            kind,
            id: id.to_string(),
        });
    }
    Ok(())
}

/// One step: the item replaced, and (when its id changed) every session naming it updated.
fn change(
    doc: &Document,
    kind: ItemKind,
    index: usize,
    (old_id, new_id): (&str, &str),
    replace: Edit,
    name: &str,
) -> Result<Option<Edit>, EditError> {
    if name.trim().is_empty() {
        return Err(EditError::NeedsName(kind));
    }
    check_id(doc, kind, new_id, index)?;
    let mut edits = vec![replace];
    if old_id != new_id {
        for i in sessions_using(doc, kind, old_id) {
            edits.extend(repoint(doc, kind, i, old_id, Some(new_id)));
        }
    }
    let label = if old_id != new_id {
        format!(
            "renamed {} `{old_id}` to `{new_id}` ({} session(s) updated)",
            kind.noun(),
            edits.len() - 1
        )
    } else {
        format!("changed {} {name}", kind.noun())
    };
    Ok(Some(if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch { label, edits }
    }))
}

/// Give room `index` every field of `to` (`None` when nothing changes).
pub fn change_room(doc: &Document, index: usize, mut to: Room) -> Result<Option<Edit>, EditError> {
    let from = doc
        .program
        .rooms
        .get(index)
        .ok_or(EditError::NoItem(ItemKind::Room))?;
    (to.span, to.id_span) = (from.span, from.id_span);
    if same(from, &to) {
        return Ok(None);
    }
    let replace = Edit::ReplaceRoom {
        index,
        from: Box::new(from.clone()),
        to: Box::new(to.clone()),
    };
    change(
        doc,
        ItemKind::Room,
        index,
        (&from.id, &to.id),
        replace,
        &to.name,
    )
}

/// Give speaker `index` every field of `to` (`None` when nothing changes).
pub fn change_speaker(
    doc: &Document,
    index: usize,
    mut to: Speaker,
) -> Result<Option<Edit>, EditError> {
    let from = doc
        .program
        .speakers
        .get(index)
        .ok_or(EditError::NoItem(ItemKind::Speaker))?;
    (to.span, to.id_span) = (from.span, from.id_span);
    if same(from, &to) {
        return Ok(None);
    }
    let replace = Edit::ReplaceSpeaker {
        index,
        from: Box::new(from.clone()),
        to: Box::new(to.clone()),
    };
    change(
        doc,
        ItemKind::Speaker,
        index,
        (&from.id, &to.id),
        replace,
        &to.name,
    )
}

/// Give track `index` every field of `to` (`None` when nothing changes).
pub fn change_track(
    doc: &Document,
    index: usize,
    mut to: Track,
) -> Result<Option<Edit>, EditError> {
    let from = doc
        .program
        .tracks
        .get(index)
        .ok_or(EditError::NoItem(ItemKind::Track))?;
    (to.span, to.id_span) = (from.span, from.id_span);
    if same(from, &to) {
        return Ok(None);
    }
    let replace = Edit::ReplaceTrack {
        index,
        from: Box::new(from.clone()),
        to: Box::new(to.clone()),
    };
    change(
        doc,
        ItemKind::Track,
        index,
        (&from.id, &to.id),
        replace,
        &to.name,
    )
}

fn same<T: std::fmt::Debug>(a: &T, b: &T) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

/// Delete the `kind` item at `index`; with `unassign`, its sessions stop naming it in the same
/// step (else they keep a reference `agora check` reports).
pub fn delete(
    doc: &Document,
    kind: ItemKind,
    index: usize,
    unassign: bool,
) -> Result<Edit, EditError> {
    let p = &doc.program;
    let missing = || EditError::NoItem(kind);
    let (id, name, removal) = match kind {
        ItemKind::Room => {
            let r = p.rooms.get(index).ok_or_else(missing)?;
            let removal = Edit::RemoveRoom {
                index,
                room: Box::new(r.clone()),
                origin: doc.origins.rooms[index],
            };
            (r.id.clone(), r.name.clone(), removal)
        }
        ItemKind::Speaker => {
            let s = p.speakers.get(index).ok_or_else(missing)?;
            let removal = Edit::RemoveSpeaker {
                index,
                speaker: Box::new(s.clone()),
                origin: doc.origins.speakers[index],
            };
            (s.id.clone(), s.name.clone(), removal)
        }
        ItemKind::Track => {
            let t = p.tracks.get(index).ok_or_else(missing)?;
            let removal = Edit::RemoveTrack {
                index,
                track: Box::new(t.clone()),
                origin: doc.origins.tracks[index],
            };
            (t.id.clone(), t.name.clone(), removal)
        }
    };
    let mut edits = Vec::new();
    if unassign {
        for i in sessions_using(doc, kind, &id) {
            edits.extend(repoint(doc, kind, i, &id, None));
        }
    }
    let unassigned = edits.len();
    edits.push(removal);
    Ok(if edits.len() == 1 {
        edits.remove(0)
    } else {
        Edit::Batch {
            label: format!(
                "deleted {} {name} and took it off {unassigned} session(s)",
                kind.noun()
            ),
            edits,
        }
    })
}

/// A new track named `name`, with an id made from the name.
pub fn new_track(doc: &Document, name: &str) -> Result<Edit, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::TrackName);
    }
    if let Some(t) = doc.program.tracks.iter().find(|t| t.name == name) {
        return Err(EditError::TrackTaken {
            name: name.to_string(),
            id: t.id.clone(),
        });
    }
    let base = slugify(name).unwrap_or_else(|| "track".into());
    let id = super::unique_id(&base, |id| doc.program.tracks.iter().any(|t| t.id == id));
    let file = doc.file_for_new_track();
    let span = Span {
        file,
        start: 0,
        end: 0,
    };
    let index = insertion_index(&doc.origins.tracks, file);
    Ok(Edit::AddTrack {
        index,
        track: Box::new(Track {
            id,
            name: name.to_string(),
            color: None,
            description: None,
            span,
            id_span: span,
        }),
        origin: Origin::new(file),
    })
}
