//! What the views show that is computed from the program: session facts, every diagnostic
//! (the rules, run afresh after each edit), days, and sessions per day. Never edited directly.

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::codes::Level;
use crate::edit::Role;
use crate::model::Program;
use crate::rules::{check_schedule, Diagnostic, Schedule, SessionFacts, Summary};
use crate::time::to_local;

/// Facts derived from the program after the last change.
#[derive(Debug, Default)]
pub struct Derived {
    pub facts: Vec<SessionFacts>,
    pub diagnostics: Vec<Diagnostic>,
    pub summary: Summary,
    /// Per session, the most severe error or warning it is part of.
    pub worst: Vec<Option<Level>>,
    /// Per session, the diagnostics (indices) that name it.
    pub by_session: Vec<Vec<usize>>,
    /// Days shown: the event's days, plus any day a session is scheduled on outside them.
    pub days: Vec<NaiveDate>,
    /// Per day, its scheduled sessions in start order.
    pub day_sessions: Vec<Vec<usize>>,
    /// Sessions without a start or a room (the backlog), in program order.
    pub unscheduled: Vec<usize>,
    /// Every session in time order (unplaced ones last), for the agenda and search.
    pub chronological: Vec<usize>,
    /// Speakers (indices) in the order the speakers view lists them: by name, collated.
    pub speaker_order: Vec<usize>,
    /// A hash of the speakers' names, to know when `speaker_order` must be made again.
    names: u64,
    /// Per speaker, their sessions in time order, and whether they speak or moderate there.
    pub sessions_of_person: Vec<Vec<(usize, Role)>>,
    /// Sessions not on any day of the grid (unplaced, cancelled, invalid times), in time order.
    pub off_grid: Vec<usize>,
    /// Per speaker, the errors and warnings about them (indices in `diagnostics`).
    pub conflicts_of_person: Vec<Vec<usize>>,
    /// Per room, its sessions in time order.
    pub sessions_of_room: Vec<Vec<usize>>,
    /// Per room, the errors and warnings about it (indices in `diagnostics`).
    pub conflicts_of_room: Vec<Vec<usize>>,
}

impl Derived {
    pub fn new(program: &Program) -> Derived {
        Derived::after(program, None)
    }

    /// Derived again after an edit, reusing what the edit cannot have changed.
    pub fn after(program: &Program, previous: Option<&Derived>) -> Derived {
        let schedule = Schedule::new(program);
        let diagnostics = check_schedule(&schedule);
        let facts = schedule.sessions;
        let tz = program.event.timezone;
        let n = program.sessions.len();

        let mut worst: Vec<Option<Level>> = vec![None; n];
        let mut by_session: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (d, diag) in diagnostics.iter().enumerate() {
            for &i in &diag.session_indices {
                if i >= n {
                    continue;
                }
                by_session[i].push(d);
                if diag.severity <= Level::Warning {
                    worst[i] = Some(match worst[i] {
                        Some(w) => w.min(diag.severity),
                        None => diag.severity,
                    });
                }
            }
        }

        let mut days: Vec<NaiveDate> = program
            .event
            .start
            .iter_days()
            .take_while(|d| *d <= program.event.end)
            .take(366)
            .collect();
        let start_date = |i: usize| facts[i].slot().map(|(s, _)| to_local(tz, s).date_naive());
        for i in 0..n {
            if let Some(d) = start_date(i) {
                if let Err(at) = days.binary_search(&d) {
                    days.insert(at, d);
                }
            }
        }
        let mut day_sessions: Vec<Vec<usize>> = vec![Vec::new(); days.len()];
        let mut unscheduled = Vec::new();
        for (i, session) in program.sessions.iter().enumerate() {
            match start_date(i) {
                Some(d) => {
                    if let Ok(at) = days.binary_search(&d) {
                        day_sessions[at].push(i);
                    }
                }
                None => {
                    if session.start.is_none() || !facts[i].has_place {
                        unscheduled.push(i);
                    }
                }
            }
        }
        let key = |i: &usize| {
            (
                facts[*i].slot().map(|s| s.0).unwrap_or(i64::MAX),
                facts[*i].room.unwrap_or(usize::MAX),
                *i,
            )
        };
        for list in &mut day_sessions {
            list.sort_by_key(key);
        }
        let mut chronological: Vec<usize> = (0..n).collect();
        chronological.sort_by_key(|i| {
            (
                facts[*i].interval.map(|s| s.0).unwrap_or(i64::MAX),
                facts[*i].room.unwrap_or(usize::MAX),
                *i,
            )
        });
        let people = program.speakers.len();
        let mut sessions_of_person: Vec<Vec<(usize, Role)>> = vec![Vec::new(); people];
        let mut sessions_of_room: Vec<Vec<usize>> = vec![Vec::new(); program.rooms.len()];
        let mut on_grid = vec![false; n];
        for &i in day_sessions.iter().flatten() {
            on_grid[i] = true;
        }
        let off_grid: Vec<usize> = chronological
            .iter()
            .copied()
            .filter(|&i| !on_grid[i])
            .collect();
        for &i in &chronological {
            for &p in &facts[i].people {
                if let Some(list) = sessions_of_person.get_mut(p) {
                    let id = &program.speakers[p].id;
                    let role = if program.sessions[i].speakers.iter().any(|r| &r.value == id) {
                        Role::Speaker
                    } else {
                        Role::Moderator
                    };
                    list.push((i, role));
                }
            }
            if let Some(list) = facts[i].room.and_then(|r| sessions_of_room.get_mut(r)) {
                list.push(i);
            }
        }
        let conflicts_of_person = index_by_id(
            &diagnostics,
            program.speakers.iter().map(|s| s.id.as_str()),
            |d| d.person.as_deref(),
        );
        let conflicts_of_room = index_by_id(
            &diagnostics,
            program.rooms.iter().map(|r| r.id.as_str()),
            |d| d.room.as_deref(),
        );
        let names = names_hash(program);
        let speaker_order = match previous {
            // Collating is the costly part: only again when a name changed.
            Some(p) if p.names == names && p.speaker_order.len() == people => {
                p.speaker_order.clone()
            }
            _ => crate::collate::order(&program.event.language, people, |i| {
                program.speakers[i].name.as_str()
            }),
        };
        Derived {
            names,
            speaker_order,
            sessions_of_person,
            off_grid,
            conflicts_of_person,
            sessions_of_room,
            conflicts_of_room,
            summary: Summary::of(&diagnostics),
            facts,
            diagnostics,
            worst,
            by_session,
            days,
            day_sessions,
            unscheduled,
            chronological,
        }
    }

    /// The day (index in `days`) a session is scheduled on.
    pub fn day_of(&self, session: usize) -> Option<usize> {
        self.day_sessions.iter().position(|d| d.contains(&session))
    }
}

/// Per item (by id, in order), the errors and warnings that name it: one pass over the
/// diagnostics, whatever the number of items.
fn index_by_id<'a>(
    diagnostics: &[Diagnostic],
    ids: impl Iterator<Item = &'a str>,
    named: impl Fn(&Diagnostic) -> Option<&str>,
) -> Vec<Vec<usize>> {
    let mut at: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut n = 0;
    for (k, id) in ids.enumerate() {
        at.entry(id).or_default().push(k);
        n = k + 1;
    }
    let mut out: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (d, diag) in diagnostics.iter().enumerate() {
        if diag.severity > Level::Warning {
            continue;
        }
        if let Some(items) = named(diag).and_then(|id| at.get(id)) {
            for &k in items {
                out[k].push(d);
            }
        }
    }
    out
}

fn names_hash(program: &Program) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = foldhash::fast::FixedState::with_seed(0).build_hasher();
    for s in &program.speakers {
        s.name.hash(&mut h);
    }
    h.finish()
}
