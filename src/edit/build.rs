//! Making edits from intentions ("move this session 15 minutes later"): the rules of thumb of
//! the editor live here, so the terminal layer only says what the organiser asked for.
//!
//! Times are shifted as written: a local time stays a local wall-clock time (14:00 + 15 min is
//! 14:15 in the event's zone, whatever the offset), a time with an offset keeps its offset.

use super::EditError;
use chrono::{Duration, NaiveDateTime};

use super::edits::{Edit, Field, Role, When};
use super::{insertion_index, Document, Origin};
use crate::ids::{is_valid_id, slugify};
use crate::model::{DateTimeValue, Kind, Room, Session, Speaker, Status};
use crate::source::Span;

/// Length given to a session placed without one.
pub const DEFAULT_MINUTES: i64 = 30;

fn shift(value: DateTimeValue, minutes: i64) -> DateTimeValue {
    match value {
        DateTimeValue::Local(n) => DateTimeValue::Local(n + Duration::minutes(minutes)),
        DateTimeValue::Fixed(f) => DateTimeValue::Fixed(f + Duration::minutes(minutes)),
    }
}

fn local(value: DateTimeValue) -> NaiveDateTime {
    match value {
        DateTimeValue::Local(n) => n,
        DateTimeValue::Fixed(f) => f.naive_local(),
    }
}

fn session(doc: &Document, index: usize) -> Result<&Session, EditError> {
    doc.program.sessions.get(index).ok_or(EditError::NoSession)
}

/// Move a session `minutes` later (earlier when negative).
pub fn move_by(doc: &Document, index: usize, minutes: i64) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let from = When::of(s);
    let Some(start) = from.start else {
        return Err(EditError::NotPlaced(s.title.clone()));
    };
    let to = When {
        start: Some(shift(start, minutes)),
        end: from.end.map(|e| shift(e, minutes)),
        ..from
    };
    Ok(Edit::Move {
        session: index,
        from,
        to,
    })
}

/// Move a session `minutes` of elapsed time later (earlier when negative), as the grid's `J`
/// and `K` do: across a DST change, 15 minutes after 02:45 CEST is 02:00 CET, not 03:00. The
/// new times are written as local wall-clock times where that names them exactly, and with
/// their offset where it does not (the repeated hour of a fold), or where the session already
/// wrote one.
pub fn move_elapsed(doc: &Document, index: usize, minutes: i64) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let tz = doc.program.event.timezone;
    let from = When::of(s);
    let Some(start) = from.start else {
        return Err(EditError::NotPlaced(s.title.clone()));
    };
    let later = |value: DateTimeValue| {
        let t = crate::time::resolve_lenient(tz, &value) + minutes * 60;
        let shown = crate::time::to_local(tz, t);
        match value {
            DateTimeValue::Local(_) if crate::time::is_unique_local(tz, t) => {
                DateTimeValue::Local(shown.naive_local())
            }
            _ => DateTimeValue::Fixed(shown.fixed_offset()),
        }
    };
    let to = When {
        start: Some(later(start)),
        end: from.end.map(later),
        ..from
    };
    Ok(Edit::Move {
        session: index,
        from,
        to,
    })
}

/// Move a session `days` days later (earlier when negative), same wall-clock time. A time
/// written with an offset gets the offset of its new day (02:15+01:00, the second 02:15 of the
/// night the clocks go back, is 02:15+02:00 the day before, not 03:15).
pub fn move_days(doc: &Document, index: usize, days: i64) -> Result<Edit, EditError> {
    let mut edit = move_by(doc, index, days * 24 * 60)?;
    let tz = doc.program.event.timezone;
    let same_offset_as_its_day = |value: DateTimeValue| match value {
        DateTimeValue::Fixed(f) => {
            let t = crate::time::local_lenient(tz, f.naive_local());
            DateTimeValue::Fixed(crate::time::to_local(tz, t).fixed_offset())
        }
        local => local,
    };
    if let Edit::Move { to, .. } = &mut edit {
        to.start = to.start.map(same_offset_as_its_day);
        to.end = to.end.map(same_offset_as_its_day);
    }
    Ok(edit)
}

/// Make a session `minutes` longer (shorter when negative), changing what is written:
/// `duration`, or `end`.
pub fn resize_by(doc: &Document, index: usize, minutes: i64) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let from = When::of(s);
    let to = match (from.duration, from.end, from.start) {
        (Some(d), _, _) => {
            let d2 = d + minutes;
            if d2 < 1 {
                return Err(EditError::CannotShorten(s.title.clone()));
            }
            When {
                duration: Some(d2),
                ..from
            }
        }
        (None, Some(end), Some(start)) => {
            let end2 = shift(end, minutes);
            if local(end2) <= local(start) {
                return Err(EditError::CannotShorten(s.title.clone()));
            }
            When {
                end: Some(end2),
                ..from
            }
        }
        _ if minutes > 0 => When {
            duration: Some(minutes),
            end: None,
            ..from
        },
        _ => return Err(EditError::NoLength(s.title.clone())),
    };
    Ok(Edit::Resize {
        session: index,
        from,
        to,
    })
}

/// Put a session at `start` in `room` (grab-and-drop, placing from the backlog, paste).
/// A session without a length gets [`DEFAULT_MINUTES`].
pub fn place(
    doc: &Document,
    index: usize,
    start: NaiveDateTime,
    room: Option<String>,
) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let from = When::of(s);
    let new_start = match from.start {
        Some(DateTimeValue::Fixed(f)) => {
            // Keep the offset as written.
            let delta = start - f.naive_local();
            DateTimeValue::Fixed(f + delta)
        }
        _ => DateTimeValue::Local(start),
    };
    let to = match (from.start, from.duration, from.end) {
        (Some(old), _, Some(end)) => {
            let delta = (local(new_start) - local(old)).num_minutes();
            When {
                start: Some(new_start),
                end: Some(shift(end, delta)),
                ..from
            }
        }
        (_, Some(_), _) => When {
            start: Some(new_start),
            ..from
        },
        _ => When {
            start: Some(new_start),
            duration: Some(DEFAULT_MINUTES),
            end: None,
        },
    };
    let current_room = s.room.as_ref().map(|r| r.value.clone());
    let mut edits = Vec::new();
    if to != from {
        edits.push(Edit::Move {
            session: index,
            from,
            to,
        });
    }
    if room != current_room && !(room.is_none() && s.kind.may_be_event_wide()) {
        edits.push(Edit::Reassign {
            session: index,
            from: current_room,
            to: room,
        });
    }
    match edits.len() {
        0 => Err(EditError::AlreadyThere(s.title.clone())),
        1 => Ok(edits.remove(0)),
        _ => Ok(Edit::Batch {
            label: format!("placed '{}'", s.title),
            edits,
        }),
    }
}

/// An id based on `base` that `taken` does not know: `base`, `base-2`, `base-3`, …
pub fn unique_id(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = if is_valid_id(base) {
        base.to_string()
    } else {
        slugify(base).unwrap_or_else(|| "item".into())
    };
    if !taken(&base) {
        return base;
    }
    // Only a number this function added (`-2`) is replaced: `accueil-j1` gives `accueil-j1-2`.
    let stem = match base.rsplit_once('-') {
        Some((stem, n))
            if !stem.is_empty() && !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) =>
        {
            stem
        }
        _ => base.as_str(),
    };
    let stem: String = stem.chars().take(56).collect();
    (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

fn session_id_taken(doc: &Document) -> impl Fn(&str) -> bool + '_ {
    |id: &str| doc.program.sessions.iter().any(|s| s.id == id)
}

/// A copy of a session with a new id, in the same file.
pub fn duplicate_session(doc: &Document, index: usize) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let mut copy = s.clone();
    copy.id = unique_id(&s.id, session_id_taken(doc));
    add_session(doc, copy, Some(index))
}

/// Add `session` to the file of session `near` (or the last file with sessions).
pub fn add_session(
    doc: &Document,
    session: Session,
    near: Option<usize>,
) -> Result<Edit, EditError> {
    let file = doc.file_for_new_session(near);
    let index = insertion_index(&doc.origins.sessions, file);
    let mut session = session;
    session.span = Span {
        file,
        ..session.span
    };
    Ok(Edit::AddSession {
        index,
        session: Box::new(session),
        origin: Origin::new(file),
    })
}

/// A new talk at `start` in `room` (either may be missing: it then waits in the backlog).
pub fn new_session(
    doc: &Document,
    start: Option<NaiveDateTime>,
    room: Option<String>,
    near: Option<usize>,
) -> Result<Edit, EditError> {
    let file = doc.file_for_new_session(near);
    let span = Span {
        file,
        start: 0,
        end: 0,
    };
    let spanned = |value| crate::model::Spanned { value, span };
    let id = unique_id("new-session", session_id_taken(doc));
    let session = Session {
        id,
        title: "New session".into(),
        kind: Kind::Talk,
        track: None,
        room: room.map(spanned),
        start: start.map(|s| crate::model::Spanned {
            value: DateTimeValue::Local(s),
            span,
        }),
        duration: Some(crate::model::Spanned {
            value: DEFAULT_MINUTES,
            span,
        }),
        end: None,
        speakers: Vec::new(),
        moderators: Vec::new(),
        expected: None,
        requires: Vec::new(),
        plenary: false,
        language: None,
        interpretation: Vec::new(),
        tags: Vec::new(),
        description: None,
        url: None,
        status: Status::Confirmed,
        allow: Vec::new(),
        locked: false,
        span,
        id_span: span,
    };
    add_session(doc, session, near)
}

/// A new speaker named `name`, with an id made from the name.
pub fn new_speaker(doc: &Document, name: &str) -> Result<Edit, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::SpeakerName);
    }
    let base = slugify(name).unwrap_or_else(|| "speaker".into());
    let id = unique_id(&base, |id| doc.program.speakers.iter().any(|s| s.id == id));
    let file = doc.file_for_new_speaker();
    let span = Span {
        file,
        start: 0,
        end: 0,
    };
    let index = insertion_index(&doc.origins.speakers, file);
    Ok(Edit::AddSpeaker {
        index,
        speaker: Box::new(Speaker {
            id,
            name: name.to_string(),
            affiliation: None,
            role: None,
            bio: None,
            email: None,
            url: None,
            available: None,
            busy: Vec::new(),
            span,
            id_span: span,
        }),
        origin: Origin::new(file),
    })
}

/// A new room named `name`.
pub fn new_room(doc: &Document, name: &str, capacity: Option<u64>) -> Result<Edit, EditError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(EditError::RoomName);
    }
    // The same room whatever its accents or case ("Salle Rhone" is "Salle Rhône").
    let lower = crate::text::fold(name);
    if let Some(r) = doc
        .program
        .rooms
        .iter()
        .find(|r| crate::text::fold(&r.name) == lower)
    {
        return Err(EditError::RoomTaken {
            name: r.name.clone(),
            id: r.id.clone(),
        });
    }
    let base = slugify(name).unwrap_or_else(|| "room".into());
    let id = unique_id(&base, |id| doc.program.rooms.iter().any(|r| r.id == id));
    let file = doc.file_for_new_room();
    let span = Span {
        file,
        start: 0,
        end: 0,
    };
    let index = insertion_index(&doc.origins.rooms, file);
    Ok(Edit::AddRoom {
        index,
        room: Box::new(Room {
            id,
            name: name.to_string(),
            capacity,
            features: Vec::new(),
            accessible: true,
            location: None,
            open: None,
            busy: Vec::new(),
            span,
            id_span: span,
        }),
        origin: Origin::new(file),
    })
}

/// Add `speaker` to the session's speakers or moderators, or take them off if already there.
pub fn toggle_person(
    doc: &Document,
    index: usize,
    role: Role,
    speaker: &str,
) -> Result<Edit, EditError> {
    let s = session(doc, index)?;
    let list = role.list(s);
    Ok(match list.iter().position(|r| r.value == speaker) {
        Some(position) => Edit::RemovePerson {
            session: index,
            role,
            position,
            id: speaker.to_string(),
        },
        None => Edit::AddPerson {
            session: index,
            role,
            position: list.len(),
            id: speaker.to_string(),
        },
    })
}

/// Set several fields of a session as one step; `None` when nothing changes.
pub fn set_fields(doc: &Document, index: usize, fields: Vec<Field>) -> Option<Edit> {
    let s = doc.program.sessions.get(index)?;
    let mut edits: Vec<Edit> = fields
        .into_iter()
        .filter_map(|to| {
            let from = to.current(s);
            (from != to).then_some(Edit::SetField {
                session: index,
                from,
                to,
            })
        })
        .collect();
    match edits.len() {
        0 => None,
        1 => edits.pop(),
        n => Some(Edit::Batch {
            label: format!("changed {n} fields of '{}'", s.title),
            edits,
        }),
    }
}

/// A copy of `session` (a new id) added to the program, at `at` (start, room) when given.
pub fn paste(
    doc: &Document,
    session: &Session,
    at: Option<(NaiveDateTime, Option<String>)>,
    near: Option<usize>,
) -> Result<Edit, EditError> {
    let mut copy = session.clone();
    copy.id = unique_id(&session.id, session_id_taken(doc));
    if let Some((start, room)) = at {
        let span = copy.span;
        let from = When::of(&copy);
        let new_start = DateTimeValue::Local(start);
        let to = match (from.start, from.duration, from.end) {
            (Some(old), _, Some(end)) => When {
                start: Some(new_start),
                end: Some(shift(end, (start - local(old)).num_minutes())),
                ..from
            },
            (_, Some(_), _) => When {
                start: Some(new_start),
                ..from
            },
            _ => When {
                start: Some(new_start),
                duration: Some(DEFAULT_MINUTES),
                end: None,
            },
        };
        copy.start = to.start.map(|value| crate::model::Spanned { value, span });
        copy.duration = to
            .duration
            .map(|value| crate::model::Spanned { value, span });
        copy.end = to.end.map(|value| crate::model::Spanned { value, span });
        if room.is_some() || !copy.kind.may_be_event_wide() {
            copy.room = room.map(|value| crate::model::Spanned { value, span });
        }
    }
    add_session(doc, copy, near)
}
