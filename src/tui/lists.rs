//! The rows of the list views (agenda, speakers, rooms, conflicts), as indices into the
//! program and the diagnostics, built from plain data: the program, what is derived from it
//! (with its per-person and per-room indexes, built once per change) and the filters. Text is
//! made only for the rows on screen, so a 10,000-session agenda costs little per keypress.

use std::collections::BTreeSet;

use crate::codes::Level;
use crate::edit::Role;
use crate::model::{Kind, Program, Status};

use super::action::View;
use super::derive::Derived;

/// Agenda filters: each list lets through any of its values, an empty list everything; a
/// session must pass every list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub day: Vec<usize>,
    pub room: Vec<usize>,
    pub track: Vec<usize>,
    pub speaker: Vec<usize>,
    pub kind: Vec<Kind>,
    pub status: Vec<Status>,
    /// Languages (BCP 47 tags): sessions given in one of them, or interpreted into one.
    pub language: Vec<String>,
    /// Only the sessions in your picks.
    pub picks: bool,
    /// Only the sessions with an error or a warning.
    pub conflicts: bool,
    /// Only sessions changed since the last release (`:diff`).
    pub changed: bool,
}

/// `value` is let through by `list` (an empty list lets everything through).
fn passes<T: PartialEq>(list: &[T], value: Option<T>) -> bool {
    list.is_empty() || value.is_some_and(|v| list.contains(&v))
}

/// Whether a session can be followed in one of `languages`: given in it (the event's
/// language when the session gives none) or interpreted into it. `en` takes in `en-GB`.
pub fn heard_in(program: &Program, s: &crate::model::Session, languages: &[String]) -> bool {
    let spoken = s.language.as_deref().unwrap_or(&program.event.language);
    crate::language::heard_in(spoken, &s.interpretation, languages)
}

impl Filters {
    pub fn is_empty(&self) -> bool {
        *self == Filters::default()
    }
}

/// A heading row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Day(usize),
    Unscheduled,
    Speaker(usize),
    Room(usize),
    Severity(Level, usize),
}

/// One row of a list view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Heading(Heading),
    /// A session, with the person's role in it (speakers view).
    Session {
        session: usize,
        role: Option<Role>,
    },
    /// A diagnostic (index in `Derived::diagnostics`).
    Diagnostic(usize),
    /// A line of text.
    Note(&'static str),
}

impl Row {
    pub fn selectable(&self) -> bool {
        matches!(self, Row::Session { .. } | Row::Diagnostic(_))
    }
}

fn session_row(session: usize) -> Row {
    Row::Session {
        session,
        role: None,
    }
}

/// The rows of a list view.
pub fn rows(
    program: &Program,
    derived: &Derived,
    filters: &Filters,
    picks: &BTreeSet<String>,
    view: View,
) -> Vec<Row> {
    match view {
        View::Grid => Vec::new(),
        View::Agenda => agenda(program, derived, filters, picks),
        View::Speakers => speakers(derived),
        View::Rooms => rooms(program, derived),
        View::Conflicts => conflicts(derived),
    }
}

fn agenda(program: &Program, d: &Derived, f: &Filters, picks: &BTreeSet<String>) -> Vec<Row> {
    agenda_changed(program, d, f, picks, &|_| true)
}

/// The agenda, with `changed` telling which sessions changed since the last release.
pub fn agenda_changed(
    program: &Program,
    d: &Derived,
    f: &Filters,
    picks: &BTreeSet<String>,
    changed: &dyn Fn(usize) -> bool,
) -> Vec<Row> {
    // Without filters every session is kept, and no session is read (a 10,000-session
    // agenda is built per keypress).
    let all = f.room.is_empty()
        && f.track.is_empty()
        && f.speaker.is_empty()
        && f.kind.is_empty()
        && f.status.is_empty()
        && !f.picks
        && !f.conflicts
        && !f.changed;
    let keep = |i: usize| {
        if all {
            return true;
        }
        let s = &program.sessions[i];
        let facts = &d.facts[i];
        passes(&f.room, facts.room)
            && passes(&f.track, facts.track)
            && (f.speaker.is_empty() || f.speaker.iter().any(|p| facts.people.contains(p)))
            && (f.kind.is_empty() || passes(&f.kind, Some(s.kind)))
            && (f.status.is_empty() || passes(&f.status, Some(s.status)))
            && (f.language.is_empty() || heard_in(program, s, &f.language))
            && (!f.picks || picks.contains(&s.id))
            && (!f.conflicts || d.worst[i].is_some())
            && (!f.changed || changed(i))
    };
    let mut out = Vec::new();
    for (day, sessions) in d.day_sessions.iter().enumerate() {
        if !passes(&f.day, Some(day)) {
            continue;
        }
        let kept: Vec<usize> = sessions.iter().copied().filter(|&i| keep(i)).collect();
        if kept.is_empty() {
            continue;
        }
        out.push(Row::Heading(Heading::Day(day)));
        out.extend(kept.into_iter().map(session_row));
    }
    // Not on the grid: unplaced, cancelled or with invalid times.
    let rest: Vec<usize> = d.off_grid.iter().copied().filter(|&i| keep(i)).collect();
    if !rest.is_empty() && f.day.is_empty() {
        out.push(Row::Heading(Heading::Unscheduled));
        out.extend(rest.into_iter().map(session_row));
    }
    if out.is_empty() {
        out.push(Row::Note(if f.is_empty() {
            crate::tui::words::word("note_no_sessions")
        } else {
            crate::tui::words::word("note_no_filter_match")
        }));
    }
    out
}

fn speakers(d: &Derived) -> Vec<Row> {
    let mut out = Vec::new();
    for &p in &d.speaker_order {
        out.push(Row::Heading(Heading::Speaker(p)));
        if d.sessions_of_person[p].is_empty() {
            out.push(Row::Note(crate::tui::words::word("note_no_session")));
        }
        for &(i, role) in &d.sessions_of_person[p] {
            out.push(Row::Session {
                session: i,
                role: Some(role),
            });
        }
        out.extend(d.conflicts_of_person[p].iter().map(|&k| Row::Diagnostic(k)));
    }
    if out.is_empty() {
        out.push(Row::Note(crate::tui::words::word("note_no_speakers")));
    }
    out
}

fn rooms(program: &Program, d: &Derived) -> Vec<Row> {
    let mut out = Vec::new();
    for r in 0..program.rooms.len() {
        out.push(Row::Heading(Heading::Room(r)));
        if d.sessions_of_room[r].is_empty() {
            out.push(Row::Note(crate::tui::words::word("note_no_session")));
        }
        out.extend(d.sessions_of_room[r].iter().map(|&i| session_row(i)));
        out.extend(d.conflicts_of_room[r].iter().map(|&k| Row::Diagnostic(k)));
    }
    if out.is_empty() {
        out.push(Row::Note(crate::tui::words::word("note_no_rooms")));
    }
    out
}

fn conflicts(d: &Derived) -> Vec<Row> {
    let mut out = Vec::new();
    for level in [Level::Error, Level::Warning, Level::Info] {
        let found: Vec<usize> = d
            .diagnostics
            .iter()
            .enumerate()
            .filter(|(_, x)| x.severity == level)
            .map(|(k, _)| k)
            .collect();
        if found.is_empty() {
            continue;
        }
        out.push(Row::Heading(Heading::Severity(level, found.len())));
        out.extend(found.into_iter().map(Row::Diagnostic));
    }
    if out.is_empty() {
        out.push(Row::Note(crate::tui::words::word("note_no_conflicts")));
    }
    out
}

/// The session a row is about (a diagnostic's first session).
pub fn row_session(derived: &Derived, row: &Row) -> Option<usize> {
    match row {
        Row::Session { session, .. } => Some(*session),
        Row::Diagnostic(k) => derived
            .diagnostics
            .get(*k)
            .and_then(|d| d.session_indices.first().copied()),
        _ => None,
    }
}
