//! What the views show that is computed from the program: session facts, every diagnostic
//! (the rules, run afresh after each edit), days, and sessions per day. Never edited directly.

use chrono::NaiveDate;

use crate::codes::Level;
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
}

impl Derived {
    pub fn new(program: &Program) -> Derived {
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
        Derived {
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
