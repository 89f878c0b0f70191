//! The search: where can a session go, and what does each place cost?
//!
//! The engine owns a [`Schedule`] whose facts it changes as it places sessions, and a
//! [`Probe`] indexing the scheduled ones; every candidate is judged by the rules through the
//! probe (the same findings `check` makes), split so that what depends on the room only is
//! computed once per room and what depends on the time only once per start.

use crate::codes::{Level, RuleCode};
use crate::model::{Placement, Program};
use crate::rules::{Counts, Parts, Probe, Schedule};
use crate::time::Instant;

use super::grid::{Grid, Start};

/// Full judgements allowed after a first valid place is found for a session.
const SEARCH_BUDGET: u32 = 600;

/// Where a session is: room (`None`: event-wide) and `[start, end)`.
pub type Slot = (Option<usize>, Instant, Instant);

/// A place a session may go, and what it costs there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    pub room: Option<usize>,
    pub start: Start,
    pub end: Instant,
    /// Weighted warnings and tidiness the session would have there.
    pub cost: i64,
    /// Whether it is somewhere else than where the input had it (for sessions already placed).
    pub moved: bool,
}

/// What limits the rooms and starts of a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fixed {
    /// Any room, any start.
    Free,
    /// The organiser named the room (or the session is event-wide): only the start is chosen.
    Room(Option<usize>),
    /// The organiser gave the start: only the room is chosen.
    Start(Start),
}

pub struct Engine<'p> {
    pub program: &'p Program,
    pub schedule: Schedule<'p>,
    pub probe: Probe,
    pub grid: Grid,
    weights: [i64; RuleCode::COUNT],
    pub tidy: Placement,
    /// Where each session was in the input.
    pub original: Vec<Option<Slot>>,
    /// The local start written for each session placed or moved by the engine.
    pub chosen: Vec<Option<Start>>,
    /// Length in seconds, when known.
    pub lengths: Vec<Option<i64>>,
    pub fixed: Vec<Fixed>,
    /// Per track, how many of its scheduled sessions each room holds.
    track_rooms: Vec<Vec<u32>>,
    /// Candidates judged so far (for the record of a run).
    pub evaluated: u64,
    /// Per session taken off the program: `(person, before, after)` pairs that became
    /// consecutive with an error-level changeover when it left. It must go back between them.
    bridges: Vec<Vec<(usize, usize, usize)>>,
}

impl<'p> Engine<'p> {
    pub fn new(program: &'p Program, step: i64) -> Engine<'p> {
        let schedule = Schedule::new(program);
        let probe = Probe::new(&schedule);
        let grid = Grid::new(&schedule, &probe, step);
        let mut weights = [0i64; RuleCode::COUNT];
        for &code in RuleCode::ALL {
            weights[code.index()] = program.placement.weight(code, program.checks.level(code));
        }
        let original: Vec<Option<Slot>> = schedule
            .sessions
            .iter()
            .map(|f| f.slot().map(|(a, b)| (f.room, a, b)))
            .collect();
        let lengths = program
            .sessions
            .iter()
            .zip(&schedule.sessions)
            .map(|(s, f)| match f.interval {
                Some((a, b)) => Some(b - a),
                None => s
                    .duration
                    .as_ref()
                    .filter(|d| d.value >= 1 && s.end.is_none())
                    .and_then(|d| d.value.checked_mul(60)),
            })
            .collect();
        let mut track_rooms = vec![vec![0u32; program.rooms.len()]; program.tracks.len()];
        for f in &schedule.sessions {
            if let (Some(t), Some(r), true) = (f.track, f.room, f.scheduled) {
                track_rooms[t][r] += 1;
            }
        }
        let fixed = program
            .sessions
            .iter()
            .zip(&schedule.sessions)
            .map(|(s, f)| {
                if f.scheduled && f.room.is_none() {
                    // An event-wide break or social stays event-wide.
                    Fixed::Room(None)
                } else if f.scheduled {
                    Fixed::Free
                } else if s.room.is_some() {
                    Fixed::Room(f.room)
                } else if s.kind.may_be_event_wide() {
                    Fixed::Room(None)
                } else if let (Some(start), Some((a, _))) = (&s.start, f.interval) {
                    let local = match start.value {
                        crate::model::DateTimeValue::Local(n) => n,
                        crate::model::DateTimeValue::Fixed(x) => {
                            x.with_timezone(&schedule.tz).naive_local()
                        }
                    };
                    Fixed::Start(Start { local, at: a })
                } else {
                    Fixed::Free
                }
            })
            .collect();
        Engine {
            program,
            tidy: program.placement.clone(),
            schedule,
            probe,
            grid,
            weights,
            chosen: vec![None; program.sessions.len()],
            original,
            lengths,
            fixed,
            track_rooms,
            evaluated: 0,
            bridges: vec![Vec::new(); program.sessions.len()],
        }
    }

    /// Where session `i` is now.
    pub fn slot(&self, i: usize) -> Option<Slot> {
        let f = &self.schedule.sessions[i];
        f.slot().map(|(a, b)| (f.room, a, b))
    }

    /// Move session `i` (`None`: take it off the program), keeping the index up to date.
    pub fn set(&mut self, i: usize, slot: Option<Slot>, start: Option<Start>) {
        if let (Some((Some(r), _, _)), Some(t)) = (self.slot(i), self.schedule.sessions[i].track) {
            self.track_rooms[t][r] = self.track_rooms[t][r].saturating_sub(1);
        }
        self.bridges[i] = if slot.is_none() {
            self.leaving(i)
        } else {
            Vec::new()
        };
        self.probe.remove(&self.schedule, i);
        let f = &mut self.schedule.sessions[i];
        match slot {
            Some((room, a, b)) => {
                f.room = room;
                f.interval = Some((a, b));
                f.scheduled = true;
            }
            None => f.scheduled = false,
        }
        self.chosen[i] = if slot.is_some() { start } else { None };
        self.probe.insert(&self.schedule, i);
        if let (Some((Some(r), _, _)), Some(t)) = (self.slot(i), self.schedule.sessions[i].track) {
            self.track_rooms[t][r] += 1;
        }
    }

    /// Judge session `i` at `slot` without placing it: `f` sees the schedule with the
    /// session's facts put there.
    pub fn at<R>(&mut self, i: usize, slot: Slot, f: impl FnOnce(&Schedule, &Probe) -> R) -> R {
        let facts = &mut self.schedule.sessions[i];
        let saved = (facts.room, facts.interval, facts.scheduled);
        facts.room = slot.0;
        facts.interval = Some((slot.1, slot.2));
        facts.scheduled = true;
        self.evaluated += 1;
        let out = f(&self.schedule, &self.probe);
        let facts = &mut self.schedule.sessions[i];
        (facts.room, facts.interval, facts.scheduled) = saved;
        out
    }

    /// The weighted cost of findings (errors excluded: they make a slot invalid).
    pub fn weigh(&self, c: &Counts) -> i64 {
        c.per_rule
            .iter()
            .zip(&self.weights)
            .enumerate()
            .filter(|(code, _)| self.program.checks.level(RuleCode::ALL[*code]) != Level::Error)
            .map(|(_, (&n, &w))| n as i64 * w)
            .sum()
    }

    /// The room a track mostly uses now.
    fn track_room(&self, t: usize) -> Option<usize> {
        let counts = &self.track_rooms[t];
        let (best, n) = counts
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
        (*n > 0).then_some(best)
    }

    fn tidy_room(&self, i: usize, room: Option<usize>) -> i64 {
        match (self.schedule.sessions[i].track, room) {
            (Some(t), Some(r)) => match self.track_room(t) {
                Some(home) if home != r => self.tidy.tidy_track_room,
                _ => 0,
            },
            _ => 0,
        }
    }

    /// Tidiness of session `i` at `[a, b)` in `room`, beyond what the rules weigh.
    fn tidy_time(&self, i: usize, room: Option<usize>, a: Instant, b: Instant) -> i64 {
        let facts = &self.schedule.sessions[i];
        let mut cost = 0;
        if let Some(t) = facts.track {
            cost += self.probe.of_track(t, a, b, i).count() as i64 * self.tidy.tidy_track_overlap;
        }
        if self.tidy.tidy_distant_rooms > 0 {
            let gap = self.tidy.tidy_gap * 60;
            let rooms = &self.program.rooms;
            let distant = |x: usize| {
                let other = self.schedule.sessions[x].room;
                match (room, other) {
                    (Some(p), Some(q)) if p != q => {
                        match (&rooms[p].location, &rooms[q].location) {
                            (Some(lp), Some(lq)) => lp != lq,
                            _ => true,
                        }
                    }
                    _ => false,
                }
            };
            for &p in &facts.people {
                let (before, after) = self.probe.neighbours(p, i, a, b);
                if let Some((x, _, xe)) = before {
                    if (0..gap).contains(&(a - xe)) && distant(x) {
                        cost += self.tidy.tidy_distant_rooms;
                    }
                }
                if let Some((x, xs, _)) = after {
                    if (0..gap).contains(&(xs - b)) && distant(x) {
                        cost += self.tidy.tidy_distant_rooms;
                    }
                }
            }
        }
        cost
    }

    /// The rooms session `i` may go to.
    pub fn rooms_for(&self, i: usize) -> Vec<Option<usize>> {
        match self.fixed[i] {
            Fixed::Room(r) => vec![r],
            _ => (0..self.program.rooms.len()).map(Some).collect(),
        }
    }

    /// Room part of session `i` in `room`: `Some(cost)` when it adds no error.
    fn room_part(&mut self, i: usize, room: Option<usize>) -> Option<i64> {
        let fixed_room = matches!(self.fixed[i], Fixed::Room(_));
        let len = self.lengths[i]?;
        let c = self.at(i, (room, 0, len), |s, p| p.counts(s, i, Parts::ROOM, false));
        // A room the organiser chose brings its own (already reported) findings.
        if c.errors > 0 && !fixed_room {
            return None;
        }
        Some(self.weigh(&c))
    }

    /// Whether session `i` in `room` has an error-level room finding (capacity, features).
    pub fn room_has_errors(&mut self, i: usize, room: Option<usize>) -> bool {
        let Some(len) = self.lengths[i] else {
            return false;
        };
        let c = self.at(i, (room, 0, len), |s, p| p.counts(s, i, Parts::ROOM, false));
        c.errors > 0
    }

    /// Whether a start in `room` overlapping `[a, b)` is certainly an error there: the end of
    /// the latest session making it one (to skip ahead to).
    fn room_blocked(
        &self,
        i: usize,
        room: Option<usize>,
        a: Instant,
        b: Instant,
    ) -> Option<Instant> {
        let r = room?;
        let code = RuleCode::RoomOverlap;
        let sessions = &self.program.sessions;
        if self.program.checks.level(code) != Level::Error || sessions[i].allows(code) {
            return None;
        }
        self.probe
            .in_room(r, a, b, i)
            .filter(|(x, _, _)| !sessions[*x].allows(code))
            .map(|(_, _, e)| e)
            .max()
    }

    /// The starts session `i` may take in `room`, as ranges of grid indices.
    fn start_ranges(&self, i: usize, room: Option<usize>) -> Vec<(usize, usize)> {
        match self.fixed[i] {
            Fixed::Start(st) => {
                // The given start, even off the grid.
                match self.grid.starts.binary_search_by(|x| x.at.cmp(&st.at)) {
                    Ok(k) => vec![(k, k + 1)],
                    Err(_) => Vec::new(),
                }
            }
            _ => self.grid.for_room(room).to_vec(),
        }
    }

    /// The pairs of person's sessions that would become consecutive with an error-level
    /// changeover if session `i` left where it is now.
    fn leaving(&self, i: usize) -> Vec<(usize, usize, usize)> {
        let Some((_, a, b)) = self.slot(i) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for &p in &self.schedule.sessions[i].people {
            if let (Some((x, _, xe)), Some((y, ys, _))) = self.probe.neighbours(p, i, a, b) {
                let c = self.probe.consecutive(&self.schedule, p, (x, xe), (y, ys));
                if c.errors > 0 {
                    out.push((p, x, y));
                }
            }
        }
        out
    }

    /// Whether session `i` at `[a, b)` goes back between the pairs its leaving made
    /// consecutive with an error (see `bridges`).
    fn closes_bridges(&self, i: usize, a: Instant, b: Instant) -> bool {
        self.bridges[i].iter().all(|&(p, x, y)| {
            let (before, after) = self.probe.neighbours(p, i, a, b);
            before.map(|n| n.0) == Some(x) && after.map(|n| n.0) == Some(y)
        })
    }

    /// Full judgement of session `i` at `start` in `room`: `Some(cost)` when valid.
    pub fn judge(&mut self, i: usize, room: Option<usize>, start: Start) -> Option<i64> {
        let len = self.lengths[i]?;
        let room_cost = self.room_part(i, room)?;
        let (a, b) = (start.at, start.at + len);
        let c = self.at(i, (room, a, b), |s, p| {
            p.counts(s, i, Parts::TIME.and(Parts::ROOM_AND_TIME), true)
        });
        if c.errors > 0 || !self.closes_bridges(i, a, b) {
            return None;
        }
        Some(room_cost + self.weigh(&c) + self.tidy_room(i, room) + self.tidy_time(i, room, a, b))
    }

    /// The best valid place for session `i`, or `None`. A session that was placed in the
    /// input keeps its place when that place is valid (moves come before warnings).
    pub fn best(&mut self, i: usize) -> Option<Candidate> {
        let len = self.lengths[i]?;
        if self.slot(i).is_some() {
            self.bridges[i] = self.leaving(i);
        }
        if let Some((room, a, b)) = self.original[i] {
            let start = Start {
                local: self.local_of(a),
                at: a,
            };
            if b - a == len {
                if let Some(cost) = self.judge(i, room, start) {
                    return Some(Candidate {
                        room,
                        start,
                        end: b,
                        cost,
                        moved: false,
                    });
                }
            }
        }
        let moved = self.original[i].is_some();
        // Cheapest rooms first; among equals the tightest fit, so large rooms stay free for
        // large audiences.
        let expected = self.program.sessions[i].expected;
        let mut rooms: Vec<(i64, u64, Option<usize>)> = Vec::new();
        for room in self.rooms_for(i) {
            if let Some(c) = self.room_part(i, room) {
                let spare = match (room.and_then(|r| self.program.rooms[r].capacity), expected) {
                    (Some(cap), Some(n)) => cap.saturating_sub(n),
                    _ => u64::MAX,
                };
                rooms.push((c + self.tidy_room(i, room), spare, room));
            }
        }
        rooms.sort();
        // Once a valid place is found, only so many more are judged in full: the search stays
        // linear in the program's size, and later rounds improve what it settles for.
        let mut budget = SEARCH_BUDGET;
        let mut when: Vec<Option<Option<i64>>> = vec![None; self.grid.starts.len()];
        let mut best: Option<Candidate> = None;
        for (bound, _, room) in rooms {
            if best.is_some_and(|b| b.cost <= bound) || budget == 0 {
                break;
            }
            let room_cost = bound;
            'room: for (from, to) in self.start_ranges(i, room) {
                let mut k = from;
                while k < to {
                    let start = self.grid.starts[k];
                    let (a, b) = (start.at, start.at + len);
                    if let Some(end) = self.room_blocked(i, room, a, b) {
                        k += self.grid.starts[k..to]
                            .partition_point(|s| s.at < end)
                            .max(1);
                        continue;
                    }
                    let time_cost = match when[k] {
                        Some(c) => c,
                        None => {
                            let c =
                                self.at(i, (room, a, b), |s, p| p.counts(s, i, Parts::TIME, true));
                            let c = (c.errors == 0).then(|| self.weigh(&c));
                            when[k] = Some(c);
                            c
                        }
                    };
                    let Some(time_cost) = time_cost else {
                        k += 1;
                        continue;
                    };
                    if best.is_some_and(|b| b.cost <= room_cost + time_cost) {
                        k += 1;
                        continue;
                    }
                    if best.is_some() {
                        if budget == 0 {
                            break 'room;
                        }
                        budget -= 1;
                    }
                    let c = self.at(i, (room, a, b), |s, p| {
                        p.counts(s, i, Parts::ROOM_AND_TIME, true)
                    });
                    let partial = room_cost + time_cost + self.weigh(&c);
                    if c.errors == 0
                        && best.is_none_or(|b| partial < b.cost)
                        && self.closes_bridges(i, a, b)
                    {
                        let cost = partial + self.tidy_time(i, room, a, b);
                        if best.is_none_or(|b| cost < b.cost) {
                            best = Some(Candidate {
                                room,
                                start,
                                end: b,
                                cost,
                                moved,
                            });
                            if cost == room_cost {
                                break 'room;
                            }
                        }
                    }
                    k += 1;
                }
            }
        }
        best
    }

    /// Every valid place for session `i`, each with its cost (for the editor's list).
    pub fn all_valid(&mut self, i: usize) -> Vec<Candidate> {
        self.valid_within(i, None)
    }

    /// Every valid place for session `i` starting within `[from, to)` when given.
    pub fn valid_within(&mut self, i: usize, within: Option<(Instant, Instant)>) -> Vec<Candidate> {
        let Some(len) = self.lengths[i] else {
            return Vec::new();
        };
        let original = self.slot(i).or(self.original[i]);
        if self.slot(i).is_some() {
            self.bridges[i] = self.leaving(i);
        }
        let mut out = Vec::new();
        for room in self.rooms_for(i) {
            let Some(room_cost) = self.room_part(i, room) else {
                continue;
            };
            let room_cost = room_cost + self.tidy_room(i, room);
            for (from, to) in self.start_ranges(i, room) {
                let (from, to) = match within {
                    Some((lo, hi)) => {
                        let starts = &self.grid.starts[from..to];
                        (
                            from + starts.partition_point(|s| s.at < lo),
                            from + starts.partition_point(|s| s.at < hi),
                        )
                    }
                    None => (from, to),
                };
                let mut k = from;
                while k < to {
                    let start = self.grid.starts[k];
                    let (a, b) = (start.at, start.at + len);
                    if let Some(end) = self.room_blocked(i, room, a, b) {
                        k += self.grid.starts[k..to]
                            .partition_point(|s| s.at < end)
                            .max(1);
                        continue;
                    }
                    if let Some(c) = self.valid_at(i, room, room_cost, start, len, original) {
                        out.push(c);
                    }
                    k += 1;
                }
            }
        }
        out
    }

    /// Session `i` at `start` in `room` (not blocked by the room's sessions), when valid: the
    /// one judgement of [`Engine::valid_within`] and [`Engine::valid_nearest`].
    fn valid_at(
        &mut self,
        i: usize,
        room: Option<usize>,
        room_cost: i64,
        start: Start,
        len: i64,
        original: Option<Slot>,
    ) -> Option<Candidate> {
        let (a, b) = (start.at, start.at + len);
        let c = self.at(i, (room, a, b), |s, p| {
            p.counts(s, i, Parts::TIME.and(Parts::ROOM_AND_TIME), true)
        });
        (c.errors == 0 && self.closes_bridges(i, a, b)).then(|| Candidate {
            room,
            start,
            end: b,
            cost: room_cost + self.weigh(&c) + self.tidy_time(i, room, a, b),
            moved: original != Some((room, a, b)),
        })
    }

    /// Valid places of session `i` in the rooms `room_ok` accepts, judged a start at a time in
    /// the order of `starts` (grid indices), every room at each: stops after the first start
    /// that brings the count to `wanted`, so a caller listing the nearest few places judges a
    /// few starts, not the whole grid. `skip` (where the session is now) is left out.
    pub fn valid_nearest(
        &mut self,
        i: usize,
        starts: &[usize],
        room_ok: impl Fn(Option<usize>) -> bool,
        wanted: usize,
        skip: Option<Slot>,
    ) -> Vec<Candidate> {
        let Some(len) = self.lengths[i] else {
            return Vec::new();
        };
        let original = self.slot(i).or(self.original[i]);
        if self.slot(i).is_some() {
            self.bridges[i] = self.leaving(i);
        }
        let mut rooms = Vec::new();
        for room in self.rooms_for(i) {
            if !room_ok(room) {
                continue;
            }
            if let Some(cost) = self.room_part(i, room) {
                let cost = cost + self.tidy_room(i, room);
                rooms.push((room, cost, self.start_ranges(i, room)));
            }
        }
        let mut out = Vec::new();
        for &k in starts {
            if out.len() >= wanted {
                break;
            }
            let start = self.grid.starts[k];
            for (room, room_cost, ranges) in &rooms {
                if !ranges.iter().any(|&(from, to)| (from..to).contains(&k))
                    || self
                        .room_blocked(i, *room, start.at, start.at + len)
                        .is_some()
                    || skip == Some((*room, start.at, start.at + len))
                {
                    continue;
                }
                if let Some(c) = self.valid_at(i, *room, *room_cost, start, len, original) {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The cost session `i` has where it is now (`None`: not placed, or at an error).
    pub fn current_cost(&mut self, i: usize) -> Option<i64> {
        let (room, a, _) = self.slot(i)?;
        let start = Start {
            local: self.local_of(a),
            at: a,
        };
        self.judge(i, room, start)
    }

    /// The local wall-clock time of an instant, as the file would write it.
    pub fn local_of(&self, t: Instant) -> chrono::NaiveDateTime {
        crate::time::to_local(self.schedule.tz, t).naive_local()
    }

    /// Movable sessions that make a start of `i` in `room` at `[a, b)` an error by overlapping
    /// it (its room's sessions, and its people's), or `None` when a locked one does.
    pub fn blockers(
        &self,
        i: usize,
        room: Option<usize>,
        a: Instant,
        b: Instant,
        movable: impl Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let sessions = &self.program.sessions;
        let checks = &self.program.checks;
        let mut out = Vec::new();
        let mut consider = |x: usize, code: RuleCode| -> bool {
            if checks.level(code) != Level::Error
                || sessions[i].allows(code)
                || sessions[x].allows(code)
            {
                return true;
            }
            if !movable(x) {
                return false;
            }
            if !out.contains(&x) {
                out.push(x);
            }
            true
        };
        if let Some(r) = room {
            for (x, _, _) in self.probe.in_room(r, a, b, i) {
                if !consider(x, RuleCode::RoomOverlap) {
                    return None;
                }
            }
        }
        for &p in &self.schedule.sessions[i].people {
            for (x, _, _) in self.probe.of_person(p, a, b, i) {
                if !consider(x, RuleCode::SpeakerOverlap) {
                    return None;
                }
            }
        }
        out.sort_unstable();
        Some(out)
    }
}
