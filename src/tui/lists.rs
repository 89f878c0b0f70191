//! The rows of the list views (agenda, speakers, rooms, conflicts), as indices into the
//! program and the diagnostics. Text is made only for the rows on screen, so a 10,000-session
//! agenda costs little per keypress.

use crate::codes::Level;
use crate::edit::Role;
use crate::model::{Kind, Status};

use super::action::View;
use super::app::App;

/// Agenda filters; `None` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    pub day: Option<usize>,
    pub room: Option<usize>,
    pub track: Option<usize>,
    pub speaker: Option<usize>,
    pub kind: Option<Kind>,
    pub status: Option<Status>,
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
pub fn rows(app: &App, view: View) -> Vec<Row> {
    match view {
        View::Grid => Vec::new(),
        View::Agenda => agenda(app),
        View::Speakers => speakers(app),
        View::Rooms => rooms(app),
        View::Conflicts => conflicts(app),
    }
}

fn agenda(app: &App) -> Vec<Row> {
    let program = &app.doc.program;
    let d = &app.derived;
    let f = &app.filters;
    let keep = |i: usize| {
        let s = &program.sessions[i];
        let facts = &d.facts[i];
        f.room.is_none_or(|r| facts.room == Some(r))
            && f.track.is_none_or(|t| facts.track == Some(t))
            && f.speaker.is_none_or(|p| facts.people.contains(&p))
            && f.kind.is_none_or(|k| s.kind == k)
            && f.status.is_none_or(|st| s.status == st)
    };
    let mut out = Vec::new();
    for (day, sessions) in d.day_sessions.iter().enumerate() {
        if f.day.is_some_and(|fd| fd != day) {
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
    let placed: std::collections::HashSet<usize> =
        d.day_sessions.iter().flatten().copied().collect();
    let rest: Vec<usize> = d
        .chronological
        .iter()
        .copied()
        .filter(|i| !placed.contains(i) && keep(*i))
        .collect();
    if !rest.is_empty() && f.day.is_none() {
        out.push(Row::Heading(Heading::Unscheduled));
        out.extend(rest.into_iter().map(session_row));
    }
    if out.is_empty() {
        out.push(Row::Note(if f.is_empty() {
            "No sessions yet: press a to add one."
        } else {
            "No session matches the filters (F clears them)."
        }));
    }
    out
}

fn speakers(app: &App) -> Vec<Row> {
    let program = &app.doc.program;
    let d = &app.derived;
    let mut sessions_of: Vec<Vec<usize>> = vec![Vec::new(); program.speakers.len()];
    for &i in &d.chronological {
        for &p in &d.facts[i].people {
            sessions_of[p].push(i);
        }
    }
    let mut order: Vec<usize> = (0..program.speakers.len()).collect();
    order.sort_by(|&a, &b| {
        program.speakers[a]
            .name
            .to_lowercase()
            .cmp(&program.speakers[b].name.to_lowercase())
            .then(a.cmp(&b))
    });
    let mut out = Vec::new();
    for p in order {
        let id = &program.speakers[p].id;
        out.push(Row::Heading(Heading::Speaker(p)));
        if sessions_of[p].is_empty() {
            out.push(Row::Note("no session"));
        }
        for &i in &sessions_of[p] {
            let s = &program.sessions[i];
            let role = if s.speakers.iter().any(|r| &r.value == id) {
                Role::Speaker
            } else {
                Role::Moderator
            };
            out.push(Row::Session {
                session: i,
                role: Some(role),
            });
        }
        for (k, diag) in d.diagnostics.iter().enumerate() {
            if diag.person.as_deref() == Some(id.as_str()) && diag.severity <= Level::Warning {
                out.push(Row::Diagnostic(k));
            }
        }
    }
    if out.is_empty() {
        out.push(Row::Note("No speakers yet: add one with :speaker NAME."));
    }
    out
}

fn rooms(app: &App) -> Vec<Row> {
    let program = &app.doc.program;
    let d = &app.derived;
    let mut sessions_of: Vec<Vec<usize>> = vec![Vec::new(); program.rooms.len()];
    for &i in &d.chronological {
        if let Some(r) = d.facts[i].room {
            sessions_of[r].push(i);
        }
    }
    let mut out = Vec::new();
    for (r, room) in program.rooms.iter().enumerate() {
        out.push(Row::Heading(Heading::Room(r)));
        if sessions_of[r].is_empty() {
            out.push(Row::Note("no session"));
        }
        out.extend(sessions_of[r].iter().map(|&i| session_row(i)));
        for (k, diag) in d.diagnostics.iter().enumerate() {
            if diag.room.as_deref() == Some(room.id.as_str()) && diag.severity <= Level::Warning {
                out.push(Row::Diagnostic(k));
            }
        }
    }
    if out.is_empty() {
        out.push(Row::Note(
            "No rooms yet: add one with :room NAME [CAPACITY].",
        ));
    }
    out
}

fn conflicts(app: &App) -> Vec<Row> {
    let d = &app.derived;
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
        out.push(Row::Note("No conflicts: the program checks clean."));
    }
    out
}

/// The session a row is about (a diagnostic's first session).
pub fn row_session(app: &App, row: &Row) -> Option<usize> {
    match row {
        Row::Session { session, .. } => Some(*session),
        Row::Diagnostic(k) => app
            .derived
            .diagnostics
            .get(*k)
            .and_then(|d| d.session_indices.first().copied()),
        _ => None,
    }
}
