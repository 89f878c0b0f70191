//! Placement: find valid slots for sessions, and place a whole backlog, on the rule engine.
//!
//! A *candidate* is a room and a start on a step (5 minutes unless `[placement] step` says
//! otherwise) within the event's days and the room's opening hours (the program's day for a
//! room without hours). A candidate is *valid* when placing the session there adds no
//! error-level diagnostic under the event's `[checks]`; its *cost* is the weight of the
//! warnings it adds plus tidiness (see `docs/placement.md`). Every judgement goes through
//! [`crate::rules::Probe`], the per-session evaluation `check` is built from.
//!
//! [`place`] places every unscheduled session (or the ones asked for): most constrained first,
//! each at its cheapest valid candidate; then, with moves allowed, sessions that found no slot
//! may push aside the few placed sessions in their way; then rounds of re-placement lower the
//! cost while the time allows. [`find_slots`] lists the best valid slots of one session, for the
//! editor. Nothing here prints or touches files.

mod engine;
mod explain;
mod grid;
pub mod render;

use std::time::{Duration, Instant as Clock};

use chrono::NaiveDateTime;
use rand_core::{Rng, SeedableRng};
use rand_xorshift::XorShiftRng;

use crate::codes::{Level, RuleCode};
use crate::model::{Kind, Program};
use crate::rules::{check_schedule, check_schedule_pairs, Diagnostic, Parts, Schedule};
use crate::time::Instant;

pub use engine::Slot;
pub use explain::Explanation;

use engine::{Candidate, Engine, Fixed};

/// What to place, and how freely.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Ids of the sessions to place; every unscheduled session when empty.
    pub sessions: Vec<String>,
    /// Placed sessions (never locked ones) may move to make room.
    pub allow_moves: bool,
    /// Also resolve the error-level conflicts already in the program, moving as few sessions
    /// as possible.
    pub repair: bool,
    /// Breaks ties between equally constrained sessions; the same seed gives the same plan.
    pub seed: u64,
    /// Stop improving (or placing) when this is spent, with the best plan found so far.
    pub time_limit: Option<Duration>,
    /// Minutes between candidate starts (the event's `[placement] step` otherwise).
    pub step: Option<i64>,
}

/// A session given a place: from where (`None`: it was not scheduled) to where.
#[derive(Debug, Clone)]
pub struct Change {
    pub session: usize,
    pub from: Option<Slot>,
    pub to: Slot,
    /// The new start as it will be written (local time in the event's zone).
    pub start: NaiveDateTime,
    /// Warnings (and infos) the session has at its new place.
    pub warnings: Vec<Diagnostic>,
}

/// A session asked to be placed that could not be.
#[derive(Debug, Clone)]
pub struct Unplaced {
    pub session: usize,
    pub why: Explanation,
}

/// How the program stands before or after the plan, by the rules.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Standing {
    pub errors: usize,
    /// Error-level diagnostics of the rules placement can resolve (overlaps, windows, room
    /// fit, changeovers): the conflicts `--repair` works on.
    pub conflicts: usize,
    pub warnings: usize,
    /// Warnings and infos, each by its `[placement]` weight.
    pub weighted: i64,
    pub unscheduled: usize,
}

/// The result of [`place`].
#[derive(Debug, Clone)]
pub struct Plan {
    /// Sessions placed or moved, in time order.
    pub changes: Vec<Change>,
    pub unplaced: Vec<Unplaced>,
    /// Sessions asked for but left as they are, with the reason (locked, already placed).
    pub skipped: Vec<(usize, String)>,
    pub before: Standing,
    pub after: Standing,
    /// Sessions placed in the input that the plan moves.
    pub moved: usize,
    /// Sessions not scheduled in the input that the plan places.
    pub placed: usize,
    /// The time limit cut the search short.
    pub cut_short: bool,
    /// Candidate slots judged.
    pub evaluated: u64,
}

/// How far a run is, for a progress bar: `(done, total)` sessions.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize);

fn standing(s: &Schedule) -> Standing {
    let program = s.program;
    let diagnostics = check_schedule(s);
    let mut out = Standing::default();
    for d in &diagnostics {
        // A group of overlaps counts as the pairs it stands for.
        let n = d.pairs as usize;
        match d.severity {
            Level::Error => {
                out.errors += n;
                if crate::rules::probe::PLACEMENT_RULES.contains(&d.code) {
                    out.conflicts += n;
                }
            }
            Level::Warning => out.warnings += n,
            _ => {}
        }
        if d.code == RuleCode::Unscheduled {
            out.unscheduled += n;
        }
        if d.severity != Level::Error {
            out.weighted += program.placement.weight(d.code, d.severity) * d.pairs as i64;
        }
    }
    out
}

/// Sessions named by id, or why one is not known.
fn requested(program: &Program, ids: &[String]) -> Result<Vec<usize>, PlaceError> {
    let mut out = Vec::new();
    for id in ids {
        match program.sessions.iter().position(|s| &s.id == id) {
            Some(i) => {
                if !out.contains(&i) {
                    out.push(i)
                }
            }
            None => {
                let hint = strsim_closest(id, program.sessions.iter().map(|s| s.id.as_str()))
                    .map(|c| format!(" (did you mean `{c}`?)"))
                    .unwrap_or_default();
                return Err(PlaceError::UnknownSession {
                    id: id.clone(),
                    hint,
                });
            }
        }
    }
    Ok(out)
}

fn strsim_closest<'a>(id: &str, ids: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    ids.map(|c| (strsim::jaro_winkler(id, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// Why an inactive session cannot take part in placement.
fn inactive_reason(program: &Program, s: &Schedule, i: usize) -> String {
    let session = &program.sessions[i];
    let facts = &s.sessions[i];
    if session.status == crate::model::Status::Cancelled {
        format!("'{}' is cancelled", session.title)
    } else if facts.invalid {
        format!(
            "'{}' cannot be placed: its times are invalid (run `agora check` and fix them first)",
            session.title
        )
    } else {
        format!(
            "'{}' cannot be placed: it names a room that is not defined (`{}`)",
            session.title,
            session
                .room
                .as_ref()
                .map(|r| r.value.as_str())
                .unwrap_or("")
        )
    }
}

/// Sessions in error-level conflicts to take off so none remains: the fewest, greedily (the
/// session in most remaining conflicts first). Conflicts only locked sessions are in stay.
fn to_repair(e: &Engine) -> Vec<usize> {
    let program = e.program;
    let slot_rules = crate::rules::probe::PLACEMENT_RULES;
    // Pair by pair (groups of overlaps spelled out), so each conflict names its two sessions.
    let mut conflicts: Vec<Vec<usize>> = check_schedule_pairs(&e.schedule, usize::MAX)
        .diagnostics
        .into_iter()
        .filter(|d| d.severity == Level::Error && slot_rules.contains(&d.code))
        .map(|d| {
            d.session_indices
                .into_iter()
                .filter(|&x| !program.sessions[x].locked && e.schedule.sessions[x].scheduled)
                .collect::<Vec<_>>()
        })
        .filter(|v| !v.is_empty())
        .collect();
    let mut out = Vec::new();
    while !conflicts.is_empty() {
        let mut tally = std::collections::BTreeMap::<usize, usize>::new();
        for c in &conflicts {
            for &x in c {
                *tally.entry(x).or_insert(0) += 1;
            }
        }
        let Some((&pick, _)) = tally.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
            break;
        };
        conflicts.retain(|c| !c.contains(&pick));
        out.push(pick);
    }
    out.sort_unstable();
    out
}

/// How hard a session is to place: the hardest go first.
fn difficulty(e: &Engine, i: usize) -> i64 {
    let s = &e.program.sessions[i];
    let f = &e.schedule.sessions[i];
    let minutes = e.lengths[i].unwrap_or(0) / 60;
    let windows = f
        .people
        .iter()
        .filter(|&&p| e.probe.availability(p).is_some())
        .count() as i64;
    let fixed = match e.fixed[i] {
        Fixed::Start(_) => 4000,
        Fixed::Room(_) => 1000,
        Fixed::Free => 0,
    };
    fixed
        + if s.plenary { 2000 } else { 0 }
        + minutes
        + 40 * f.people.len() as i64
        + 60 * windows
        + 30 * s.requires.len() as i64
        + s.expected.unwrap_or(0) as i64 / 2
}

/// Why no plan could be made or applied.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// `--session` names an id no session has (`hint`: " (did you mean …?)" or empty).
    #[error("no session has the id `{id}`{hint}")]
    UnknownSession { id: String, hint: String },
    #[error("the step is {0} minutes: give a number of minutes from 1 to 1440")]
    Step(i64),
    /// The editing layer refused a change of the plan.
    #[error("{0}")]
    Edit(#[from] crate::edit::EditError),
}

/// Place sessions of `program` (see [`Options`]).
pub fn place(program: &Program, options: &Options, progress: Progress) -> Result<Plan, PlaceError> {
    let clock = Clock::now();
    let deadline = options.time_limit.map(|t| clock + t);
    let out_of_time = || deadline.is_some_and(|d| Clock::now() >= d);
    let step = options.step.unwrap_or(program.placement.step);
    if !(1..=24 * 60).contains(&step) {
        return Err(PlaceError::Step(step));
    }
    let asked = requested(program, &options.sessions)?;
    let mut e = Engine::new(program, step);
    let before = standing(&e.schedule);
    let mut rng = XorShiftRng::seed_from_u64(options.seed);
    let ties: Vec<u64> = (0..program.sessions.len())
        .map(|_| rng.next_u64())
        .collect();

    let mut targets: Vec<usize> = Vec::new();
    let mut skipped: Vec<(usize, String)> = Vec::new();
    let mut unplaced: Vec<Unplaced> = Vec::new();
    for (i, session) in program.sessions.iter().enumerate() {
        let named = asked.contains(&i);
        if !asked.is_empty() && !named {
            continue;
        }
        let facts = &e.schedule.sessions[i];
        if session.locked {
            if named || !facts.scheduled {
                skipped.push((i, format!("'{}' is locked: left as it is", session.title)));
            }
            continue;
        }
        if !facts.active {
            if named
                || (session.status != crate::model::Status::Cancelled && session.start.is_none())
            {
                let message = inactive_reason(program, &e.schedule, i);
                if session.status == crate::model::Status::Cancelled {
                    skipped.push((i, message));
                } else {
                    unplaced.push(Unplaced {
                        session: i,
                        why: Explanation {
                            message,
                            rules: vec![if facts.invalid {
                                RuleCode::InvalidTime
                            } else {
                                RuleCode::UnknownRef
                            }],
                            people: Vec::new(),
                            rooms: Vec::new(),
                        },
                    });
                }
            }
            continue;
        }
        if facts.scheduled {
            if named && options.allow_moves {
                targets.push(i);
            } else if named {
                skipped.push((
                    i,
                    format!(
                        "'{}' is already placed: add --allow-moves to move it",
                        session.title
                    ),
                ));
            }
            continue;
        }
        if session.kind == Kind::Break && !named {
            continue;
        }
        targets.push(i);
    }
    if options.repair {
        // A room named by an unscheduled session that is wrong for it at error level is
        // a conflict too: such a session may go to another room.
        for &i in &targets {
            if let Fixed::Room(Some(r)) = e.fixed[i] {
                if e.room_has_errors(i, Some(r)) {
                    e.fixed[i] = Fixed::Free;
                }
            }
        }
        for i in to_repair(&e) {
            if !targets.contains(&i) {
                targets.push(i);
            }
        }
    }
    // Sessions already placed stay in place while their new place is sought (the rules see
    // them where they are), so one that finds none is simply left where it was.
    targets.sort_by(|&a, &b| {
        difficulty(&e, b)
            .cmp(&difficulty(&e, a))
            .then(ties[a].cmp(&ties[b]))
            .then(a.cmp(&b))
    });
    let total = targets.len();
    let mut cut_short = false;
    let mut failed: Vec<usize> = Vec::new();
    for (n, &i) in targets.iter().enumerate() {
        if out_of_time() {
            cut_short = true;
            failed.extend(&targets[n..]);
            break;
        }
        match e.best(i) {
            Some(c) => e.set(i, Some((c.room, c.start.at, c.end)), Some(c.start)),
            None => failed.push(i),
        }
        progress(n + 1, total);
    }
    let movable = |e: &Engine, x: usize| !program.sessions[x].locked && e.lengths[x].is_some();
    if options.allow_moves && !cut_short {
        failed.retain(|&i| !make_room(&mut e, i, &movable, &out_of_time));
    }
    if !cut_short {
        cut_short = improve(&mut e, &targets, &mut rng, &out_of_time);
    }
    failed.sort_unstable();
    for &i in &failed {
        let why = explain::explain(&mut e, i);
        unplaced.push(Unplaced { session: i, why });
    }
    unplaced.sort_by_key(|u| u.session);
    skipped.sort_by_key(|s| s.0);

    let mut changes = Vec::new();
    let (mut moved, mut placed) = (0, 0);
    for i in 0..program.sessions.len() {
        let now = e.slot(i);
        if now == e.original[i] {
            continue;
        }
        let (Some(to), Some(start)) = (now, e.chosen[i]) else {
            continue;
        };
        if e.original[i].is_some() {
            moved += 1;
        } else {
            placed += 1;
        }
        let warnings = e.probe.diagnostics(&e.schedule, i, Parts::ALL);
        changes.push(Change {
            session: i,
            from: e.original[i],
            to,
            start: start.local,
            warnings,
        });
    }
    changes.sort_by(|a, b| {
        (a.to.1, a.to.0, &program.sessions[a.session].id).cmp(&(
            b.to.1,
            b.to.0,
            &program.sessions[b.session].id,
        ))
    });
    let after = standing(&e.schedule);
    Ok(Plan {
        changes,
        unplaced,
        skipped,
        before,
        after,
        moved,
        placed,
        cut_short,
        evaluated: e.evaluated,
    })
}

/// With moves allowed: put session `i` where only a few movable sessions are in its way, and
/// place those elsewhere. Undone when one of them finds no other place.
fn make_room(
    e: &mut Engine,
    i: usize,
    movable: &dyn Fn(&Engine, usize) -> bool,
    out_of_time: &dyn Fn() -> bool,
) -> bool {
    const MOST_IN_THE_WAY: usize = 2;
    const TRIES: usize = 30;
    let Some(len) = e.lengths[i] else {
        return false;
    };
    let mut options: Vec<(usize, i64, Option<usize>, grid::Start)> = Vec::new();
    for room in e.rooms_for(i) {
        let ranges = e.grid.for_room(room).to_vec();
        let ranges = match e.fixed[i] {
            Fixed::Start(st) => match e.grid.starts.binary_search_by(|x| x.at.cmp(&st.at)) {
                Ok(k) => vec![(k, k + 1)],
                Err(_) => Vec::new(),
            },
            _ => ranges,
        };
        for (from, to) in ranges {
            for k in from..to {
                let start = e.grid.starts[k];
                let Some(way) = e.blockers(i, room, start.at, start.at + len, |x| movable(e, x))
                else {
                    continue;
                };
                if way.is_empty() || way.len() > MOST_IN_THE_WAY {
                    continue;
                }
                options.push((way.len(), start.at, room, start));
            }
        }
    }
    options.sort_by_key(|o| (o.0, o.1, o.2));
    for (_, _, room, start) in options.into_iter().take(TRIES) {
        if out_of_time() {
            return false;
        }
        let way = match e.blockers(i, room, start.at, start.at + len, |x| movable(e, x)) {
            Some(w) => w,
            None => continue,
        };
        let saved: Vec<(usize, Option<Slot>, Option<grid::Start>)> =
            way.iter().map(|&x| (x, e.slot(x), e.chosen[x])).collect();
        // Where `i` is now: a placed session being repaired stays there when this fails.
        let mine = (e.slot(i), e.chosen[i]);
        for &x in &way {
            e.set(x, None, None);
        }
        if e.judge(i, room, start).is_none() {
            for &(x, slot, st) in &saved {
                e.set(x, slot, st);
            }
            continue;
        }
        e.set(i, Some((room, start.at, start.at + len)), Some(start));
        let mut ok = true;
        for &x in &way {
            match e.best(x) {
                Some(c) => e.set(x, Some((c.room, c.start.at, c.end)), Some(c.start)),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            return true;
        }
        e.set(i, mine.0, mine.1);
        for &(x, slot, st) in &saved {
            e.set(x, slot, st);
        }
    }
    false
}

/// Rounds of re-placement: each placed target is taken off and put at its best place again
/// when that is strictly better. Returns whether the time limit stopped it.
fn improve(
    e: &mut Engine,
    targets: &[usize],
    rng: &mut XorShiftRng,
    out_of_time: &dyn Fn() -> bool,
) -> bool {
    const ROUNDS: usize = 3;
    for _ in 0..ROUNDS {
        let mut costly: Vec<(i64, u64, usize)> = Vec::new();
        for &i in targets {
            if let Some(c) = e.current_cost(i) {
                if c > 0 {
                    costly.push((c, rng.next_u64(), i));
                }
            }
        }
        if costly.is_empty() {
            return false;
        }
        costly.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut better = false;
        for (cost, _, i) in costly {
            if out_of_time() {
                return true;
            }
            let (slot, start) = (e.slot(i), e.chosen[i]);
            let was_moved = slot.is_some() && slot != e.original[i];
            e.set(i, None, None);
            match e.best(i) {
                Some(c) if c.cost < cost || (was_moved && !c.moved) => {
                    e.set(i, Some((c.room, c.start.at, c.end)), Some(c.start));
                    better = true;
                }
                _ => e.set(i, slot, start),
            }
        }
        if !better {
            return false;
        }
    }
    false
}

/// Apply a plan to a document being edited (the program the plan was made from), as one
/// edit per session; saving the document then rewrites only the changed keys.
pub fn apply(doc: &mut crate::edit::Document, plan: &Plan) -> Result<(), PlaceError> {
    for change in &plan.changes {
        let edit =
            edit_for(doc, change.session, change.to.0, change.start).map_err(PlaceError::Edit)?;
        doc.apply(&edit);
    }
    Ok(())
}

/// The edit putting session `i` at `start` in `room` (`None`: event-wide, or the room it
/// names).
pub fn edit_for(
    doc: &crate::edit::Document,
    i: usize,
    room: Option<usize>,
    start: NaiveDateTime,
) -> Result<crate::edit::Edit, crate::edit::EditError> {
    let program = &doc.program;
    let room = room.map(|r| program.rooms[r].id.clone()).or_else(|| {
        program
            .sessions
            .get(i)
            .and_then(|s| s.room.as_ref())
            .map(|r| r.value.clone())
    });
    crate::edit::place(doc, i, start, room)
}

/// One place the editor offers for a session.
#[derive(Debug, Clone)]
pub struct Offer {
    pub room: Option<usize>,
    /// The start to write (local time).
    pub start: NaiveDateTime,
    pub at: Instant,
    pub end: Instant,
    pub cost: i64,
    /// Warnings (and infos) the session would have there.
    pub warnings: Vec<Diagnostic>,
}

/// The best valid places for session `i`, nearest first: same day and same room as where it
/// is now come first, then by distance in time; at most `limit`.
pub fn find_slots(program: &Program, i: usize, limit: usize) -> Vec<Offer> {
    let mut e = Engine::new(program, program.placement.step);
    if i >= program.sessions.len() || program.sessions[i].locked {
        return Vec::new();
    }
    if !e.schedule.sessions[i].active {
        return Vec::new();
    }
    // Wherever it is, the room and start are free to choose here.
    e.fixed[i] = match e.fixed[i] {
        Fixed::Start(_) => Fixed::Free,
        f => f,
    };
    let here = e.slot(i);
    let tz = e.schedule.tz;
    let day = |t: Instant| crate::time::to_local(tz, t).date_naive();
    let anchor = here.map(|(r, a, _)| (r, a)).unwrap_or_else(|| {
        (
            None,
            e.grid.starts.first().map(|s| s.at).unwrap_or_default(),
        )
    });
    // Candidates are judged in the list's order, a start at a time, and the search stops once
    // enough are found: every place not judged would come after them.
    let order = |c: &Candidate| list_order(tz, anchor, here.is_some(), c);
    let mut nearest: Vec<usize> = (0..e.grid.starts.len()).collect();
    nearest.sort_by_key(|&k| {
        let at = e.grid.starts[k].at;
        ((at - anchor.1).abs(), at)
    });
    let (same_day, other_days): (Vec<usize>, Vec<usize>) = nearest
        .into_iter()
        .partition(|&k| day(e.grid.starts[k].at) == day(anchor.1));
    let mut all: Vec<Candidate> = Vec::new();
    for starts in [&same_day, &other_days] {
        let rooms: [&dyn Fn(Option<usize>) -> bool; 2] = match here {
            Some(_) => [&|r| r == anchor.0, &|r| r != anchor.0],
            None => [&|_| true, &|_| false],
        };
        for room_ok in rooms {
            let wanted = limit.saturating_sub(all.len());
            if wanted > 0 {
                all.extend(e.valid_nearest(i, starts, room_ok, wanted, here));
            }
        }
    }
    all.sort_by_key(order);
    all.truncate(limit);
    all.into_iter()
        .map(|c| {
            let warnings = e.at(i, (c.room, c.start.at, c.end), |s, p| {
                p.diagnostics(s, i, Parts::ALL)
            });
            Offer {
                room: c.room,
                start: c.start.local,
                at: c.start.at,
                end: c.end,
                cost: c.cost,
                warnings,
            }
        })
        .collect()
}

/// The order of `f`'s list: the session's own day first, its own room first (when it has a
/// place, `anchor`), then nearest in time, then cheapest.
fn list_order(
    tz: chrono_tz::Tz,
    anchor: (Option<usize>, Instant),
    placed: bool,
    c: &Candidate,
) -> (bool, bool, i64, Instant, i64, Option<usize>) {
    let day = |t: Instant| crate::time::to_local(tz, t).date_naive();
    (
        day(c.start.at) != day(anchor.1),
        placed && c.room != anchor.0,
        (c.start.at - anchor.1).abs(),
        c.start.at,
        c.cost,
        c.room,
    )
}

/// Every valid place of session `i` as `(room, start)`, sorted: the grab mode's marks.
pub fn valid_starts(program: &Program, i: usize) -> Vec<(Option<usize>, Instant)> {
    if i >= program.sessions.len() || program.sessions[i].locked {
        return Vec::new();
    }
    let mut e = Engine::new(program, program.placement.step);
    if !e.schedule.sessions[i].active {
        return Vec::new();
    }
    if let Fixed::Start(_) = e.fixed[i] {
        e.fixed[i] = Fixed::Free;
    }
    let mut out: Vec<(Option<usize>, Instant)> = e
        .all_valid(i)
        .into_iter()
        .map(|c| (c.room, c.start.at))
        .collect();
    out.sort_unstable();
    out
}

/// Why session `i` has no valid place, in the organiser's words.
pub fn why_not(program: &Program, i: usize) -> Explanation {
    let mut e = Engine::new(program, program.placement.step);
    if let Fixed::Start(_) = e.fixed[i] {
        e.fixed[i] = Fixed::Free;
    }
    explain::explain(&mut e, i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The slots `f` lists, the exhaustive way: every valid place judged, then sorted and cut.
    fn find_slots_exhaustively(
        program: &Program,
        i: usize,
        limit: usize,
    ) -> Vec<(Option<usize>, Instant, i64)> {
        let mut e = Engine::new(program, program.placement.step);
        if program.sessions[i].locked || !e.schedule.sessions[i].active {
            return Vec::new();
        }
        if let Fixed::Start(_) = e.fixed[i] {
            e.fixed[i] = Fixed::Free;
        }
        let here = e.slot(i);
        let anchor = here.map(|(r, a, _)| (r, a)).unwrap_or((
            None,
            e.grid.starts.first().map(|s| s.at).unwrap_or_default(),
        ));
        let mut all = e.all_valid(i);
        all.retain(|c| Some((c.room, c.start.at, c.end)) != here);
        all.sort_by_key(|c| list_order(e.schedule.tz, anchor, here.is_some(), c));
        all.truncate(limit);
        all.into_iter()
            .map(|c| (c.room, c.start.at, c.cost))
            .collect()
    }

    /// Judging the nearest starts first and stopping early lists exactly what judging every
    /// place and sorting lists: on generated programs with conflicts, for every session, for a
    /// short and a long list.
    #[test]
    fn the_nearest_first_search_lists_what_the_exhaustive_one_lists() {
        for seed in 1..=3 {
            let text = crate::generate::generate(&crate::generate::Options {
                sessions: 60,
                rooms: 4,
                speakers: 20,
                days: 2,
                conflict_rate: 0.2,
                seed,
            });
            let program = crate::load::load_str(std::path::Path::new("g.toml"), &text)
                .expect("the generated program loads");
            for i in 0..program.sessions.len() {
                for limit in [3, 12, 400] {
                    let fast: Vec<_> = find_slots(&program, i, limit)
                        .into_iter()
                        .map(|o| (o.room, o.at, o.cost))
                        .collect();
                    assert_eq!(
                        fast,
                        find_slots_exhaustively(&program, i, limit),
                        "seed {seed}, session {i}, limit {limit}"
                    );
                }
            }
        }
    }
}
