//! The conflict engine: every rule of the format, run over a loaded program.
//!
//! Rules read a [`Schedule`] (facts derived from the program) and report [`Diagnostic`]s.
//! Pairwise rules sort and sweep instead of comparing all pairs, so a 100,000-session program
//! is checked in a fraction of the time it takes to parse. Levels from `[checks]` and
//! per-session `allow` are applied as findings are made, and the output order is deterministic.
//! This module must not print or read files: the CLI and the editor present its results.

mod busy;
mod capacity;
mod changeover;
mod overlap;
pub mod probe;
mod refs;
pub(crate) mod schedule;
mod timeline;
mod timing;
mod windows;
pub(crate) mod wording;

use crate::codes::{Level, RuleCode};
use crate::model::Program;
use crate::source::Span;
use crate::time::Instant;

pub use probe::{Counts, Parts, Probe};
pub use schedule::{Schedule, SessionFacts};

/// One finding of a rule, at the level `[checks]` gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: RuleCode,
    /// `Error`, `Warning` or `Info` (never `Off`: silenced rules report nothing).
    pub severity: Level,
    /// One sentence an organiser understands.
    pub message: String,
    /// Ids of the sessions involved, sorted.
    pub sessions: Vec<String>,
    /// The room the diagnostic is about.
    pub room: Option<String>,
    /// The person the diagnostic is about.
    pub person: Option<String>,
    /// The track the diagnostic is about.
    pub track: Option<String>,
    /// The overlapping (or offending) interval.
    pub start: Option<Instant>,
    pub end: Option<Instant>,
    /// Where to look: the first session's table, or the offending key.
    pub span: Span,
    /// Other places worth showing, each with a short note.
    pub related: Vec<(Span, String)>,
    /// How to fix or acknowledge it.
    pub help: Option<String>,
    /// Indices of the sessions involved, in the same order as `sessions`.
    pub session_indices: Vec<usize>,
    /// How many findings this diagnostic stands for: 1, or for a group (many sessions of one
    /// room, person or track overlapping one another) the number of pairs it groups. The JSON
    /// of `check` lists those pairs one by one ([`check_pairs`]).
    pub pairs: u64,
}

impl Diagnostic {
    /// Whether this diagnostic stands for several pairs.
    pub fn is_group(&self) -> bool {
        self.pairs > 1
    }
}

/// Counts per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let mut s = Summary::default();
        for d in diagnostics {
            let n = d.pairs as usize;
            match d.severity {
                Level::Error => s.errors += n,
                Level::Warning => s.warnings += n,
                _ => s.infos += n,
            }
        }
        s
    }
}

/// Builder for a finding, filled by a rule once it knows the finding is wanted.
#[derive(Default)]
pub(crate) struct Finding {
    pub message: String,
    pub room: Option<String>,
    pub person: Option<String>,
    pub track: Option<String>,
    pub interval: Option<(Instant, Instant)>,
    /// Defaults to the first session's table.
    pub span: Option<Span>,
    pub related: Vec<(Span, String)>,
    pub help: Option<String>,
}

/// Where kept findings go: built into diagnostics, or only counted (placement weighs
/// thousands of candidate slots and needs no sentence for any of them).
enum Sink {
    Collect(Vec<Diagnostic>),
    Count(Counts),
}

/// Collects findings, dropping those of silenced rules or acknowledged by a session's `allow`.
pub(crate) struct Emitter<'p> {
    program: &'p Program,
    sink: Sink,
}

impl<'p> Emitter<'p> {
    fn new(program: &'p Program) -> Emitter<'p> {
        Emitter {
            program,
            sink: Sink::Collect(Vec::new()),
        }
    }

    /// An emitter that counts the findings it keeps instead of building them.
    fn counting(program: &'p Program) -> Emitter<'p> {
        Emitter {
            program,
            sink: Sink::Count(Counts::default()),
        }
    }

    /// Error-level findings kept so far.
    fn errors(&self) -> usize {
        match &self.sink {
            Sink::Collect(out) => out.iter().filter(|d| d.severity == Level::Error).count(),
            Sink::Count(c) => c.errors as usize,
        }
    }

    /// The diagnostics collected so far (none when counting).
    fn collected(&mut self) -> Option<&mut Vec<Diagnostic>> {
        match &mut self.sink {
            Sink::Collect(out) => Some(out),
            Sink::Count(_) => None,
        }
    }

    fn into_diagnostics(self) -> Vec<Diagnostic> {
        match self.sink {
            Sink::Collect(out) => out,
            Sink::Count(_) => Vec::new(),
        }
    }

    fn into_counts(self) -> Counts {
        match self.sink {
            Sink::Collect(out) => {
                let mut c = Counts::default();
                for d in &out {
                    c.add_many(d.code, d.severity, d.pairs);
                }
                c
            }
            Sink::Count(c) => c,
        }
    }

    /// Whether a rule reports at all; rules skip their work when it does not.
    pub fn enabled(&self, code: RuleCode) -> bool {
        self.program.checks.level(code) != Level::Off
    }

    /// Report `code` about `sessions` (indices); `build` runs only if the finding is kept.
    pub fn emit(&mut self, code: RuleCode, sessions: &[usize], build: impl FnOnce() -> Finding) {
        self.emit_group(code, sessions, 1, build);
    }

    /// Report one finding standing for `pairs` pairs of `sessions`.
    pub fn emit_group(
        &mut self,
        code: RuleCode,
        sessions: &[usize],
        pairs: u64,
        build: impl FnOnce() -> Finding,
    ) {
        let severity = self.program.checks.level(code);
        if severity == Level::Off {
            return;
        }
        let all = &self.program.sessions;
        if sessions.iter().any(|&i| all[i].allows(code)) {
            return;
        }
        let out = match &mut self.sink {
            Sink::Count(counts) => {
                counts.add_many(code, severity, pairs);
                return;
            }
            Sink::Collect(out) => out,
        };
        let finding = build();
        let mut order: Vec<usize> = sessions.to_vec();
        order.sort_by(|&a, &b| all[a].id.cmp(&all[b].id).then(a.cmp(&b)));
        let span = finding
            .span
            .or_else(|| order.first().map(|&i| all[i].span))
            .unwrap_or(self.program.event.span);
        let ids: Vec<String> = if code == RuleCode::DuplicateId {
            // The contract lists a duplicated session id once.
            order
                .first()
                .map(|&i| vec![all[i].id.clone()])
                .unwrap_or_default()
        } else {
            order.iter().map(|&i| all[i].id.clone()).collect()
        };
        out.push(Diagnostic {
            code,
            severity,
            message: finding.message,
            sessions: ids,
            room: finding.room,
            person: finding.person,
            track: finding.track,
            start: finding.interval.map(|i| i.0),
            end: finding.interval.map(|i| i.1),
            span,
            related: finding.related,
            help: finding.help,
            session_indices: order,
            pairs,
        });
    }
}

/// Run every rule on a program; diagnostics come sorted by time, room, sessions and code.
pub fn check(program: &Program) -> Vec<Diagnostic> {
    let schedule = Schedule::new(program);
    check_schedule(&schedule)
}

/// Run every rule on an already derived schedule.
pub fn check_schedule(schedule: &Schedule) -> Vec<Diagnostic> {
    let mut emit = Emitter::new(schedule.program);
    refs::duplicate_ids(schedule, &mut emit);
    refs::unknown_refs(schedule, &mut emit);
    timing::time_issues(schedule, &mut emit);
    // One sort of the scheduled sessions serves every time rule.
    let timeline = timeline::Timeline::new(schedule);
    let mut people = timeline.group(schedule.program.speakers.len(), |i| {
        &schedule.sessions[i].people
    });
    overlap::room_overlap(schedule, &timeline, &mut emit);
    overlap::speaker_overlap(schedule, &people, &mut emit);
    overlap::track_overlap(schedule, &timeline, &mut emit);
    overlap::plenary_overlap(schedule, &timeline, &mut emit);
    let windows = windows::Windows::new(schedule);
    windows::outside_event(schedule, &windows, &mut emit);
    windows::room_closed(schedule, &windows, &mut emit);
    windows::speaker_unavailable(schedule, &windows, &mut emit);
    capacity::over_capacity(schedule, &mut emit);
    capacity::missing_feature(schedule, &mut emit);
    changeover::speaker_changeover(schedule, &mut people, &mut emit);
    timing::unscheduled(schedule, &mut emit);
    refs::unused(schedule, &mut emit);
    busy::invalid_calendar(schedule, &mut emit);
    let mut out = emit.into_diagnostics();
    sort(&mut out);
    out
}

/// Diagnostics `check` prints at most unless `--max-diagnostics` says otherwise: far more than
/// any real program has, few enough that the output stays small (about 50 MB of JSON).
pub const DEFAULT_MAX_DIAGNOSTICS: usize = 100_000;

/// The diagnostics of [`check`] with each group spelled out as its pairs, as the JSON contract
/// lists them, keeping at most `max` diagnostics (the earliest, in the usual order: groups are
/// spelled out in time order until `max` is reached). Returns them and how many were left out.
pub fn check_pairs(program: &Program, max: usize) -> Pairs {
    check_schedule_pairs(&Schedule::new(program), max)
}

/// [`check_pairs`] on an already derived schedule (placement's, whose facts it changes).
pub fn check_schedule_pairs(schedule: &Schedule, max: usize) -> Pairs {
    let program = schedule.program;
    let grouped = check_schedule(schedule);
    let summary = Summary::of(&grouped);
    let total: u64 = grouped.iter().map(|d| d.pairs).sum();
    let mut emit = Emitter::new(program);
    for d in grouped {
        let kept = emit.collected().map_or(0, |out| out.len());
        let left = max.saturating_sub(kept);
        if left == 0 {
            break;
        }
        if !d.is_group() {
            if let Some(out) = emit.collected() {
                out.push(d);
            }
        } else if let Some(over) = overlap::Over::of(d.code) {
            overlap::expand(schedule, over, &d, left, &mut emit);
        } else if d.code == RuleCode::PlenaryOverlap {
            overlap::expand_plenary(schedule, &d, left, &mut emit);
        } else if d.code == RuleCode::DuplicateId {
            refs::expand_duplicates(schedule, &d, left, &mut emit);
        }
    }
    let mut out = emit.into_diagnostics();
    sort(&mut out);
    let omitted = total.saturating_sub(out.len() as u64);
    Pairs {
        diagnostics: out,
        summary,
        omitted,
    }
}

/// What [`check_pairs`] found.
pub struct Pairs {
    /// At most the `max` asked for, one per pair.
    pub diagnostics: Vec<Diagnostic>,
    /// Counts of every finding, those left out included.
    pub summary: Summary,
    /// How many were left out.
    pub omitted: u64,
}

/// Deterministic order: diagnostics without a time first, then by start time; then room,
/// sessions, code, person, track and place.
fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        a.start
            .cmp(&b.start)
            .then_with(|| a.room.cmp(&b.room))
            .then_with(|| a.sessions.cmp(&b.sessions))
            .then_with(|| a.code.cmp(&b.code))
            .then_with(|| a.person.cmp(&b.person))
            .then_with(|| a.track.cmp(&b.track))
            .then_with(|| a.end.cmp(&b.end))
            .then_with(|| a.span.cmp(&b.span))
            .then_with(|| a.message.cmp(&b.message))
    });
}

/// The help line shared by rules an organiser may acknowledge per session.
pub(crate) fn allow_help(code: RuleCode, fix: &str) -> Option<String> {
    Some(format!(
        "{fix}, or acknowledge it with allow = [\"{code}\"] on one of the sessions"
    ))
}

/// The help line of rules about a single session.
pub(crate) fn allow_help_one(code: RuleCode, fix: &str) -> Option<String> {
    Some(format!(
        "{fix}, or acknowledge it with allow = [\"{code}\"] on the session"
    ))
}
