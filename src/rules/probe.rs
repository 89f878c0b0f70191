//! One session against the rest: the diagnostics naming session `i`, evaluated by the same
//! rule functions `check` runs over the whole program (the pair and per-session findings of
//! each rule module), without running the whole program again.
//!
//! This is what placement asks thousands of times a second: "if this session were here, what
//! would the rules say about it?". The caller puts the candidate slot into the schedule's facts
//! for `i` (room, interval, scheduled) and asks a [`Probe`], which keeps the other scheduled
//! sessions indexed by room, person and track in time order, so each question costs a few
//! binary searches. When a session moves, [`Probe::remove`] it before changing its facts and
//! [`Probe::insert`] it after.
//!
//! Every diagnostic a probe reports for `i` is exactly one `check` reports for the same program
//! (same code, sessions, message), and the other way round for the rules that depend on where
//! and when a session is (tested in `tests/it/probe.rs`).

use super::windows::{self, Windows};
use super::{capacity, changeover, overlap, sort, Diagnostic, Emitter, Schedule};
use crate::codes::{Level, RuleCode};
use crate::time::Instant;

/// The rules that depend on a session's room or time: the ones a probe evaluates.
pub const PLACEMENT_RULES: [RuleCode; 10] = [
    RuleCode::RoomOverlap,
    RuleCode::SpeakerOverlap,
    RuleCode::PlenaryOverlap,
    RuleCode::OutsideEvent,
    RuleCode::RoomClosed,
    RuleCode::SpeakerUnavailable,
    RuleCode::OverCapacity,
    RuleCode::MissingFeature,
    RuleCode::SpeakerChangeover,
    RuleCode::TrackOverlap,
];

/// Kept findings per rule and per level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub per_rule: [u32; RuleCode::COUNT],
    pub errors: u32,
    pub warnings: u32,
    pub infos: u32,
}

impl Counts {
    /// `n` findings at once (a group of overlapping pairs).
    pub(crate) fn add_many(&mut self, code: RuleCode, level: Level, n: u64) {
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        let add = |x: &mut u32| *x = x.saturating_add(n);
        add(&mut self.per_rule[code.index()]);
        match level {
            Level::Error => add(&mut self.errors),
            Level::Warning => add(&mut self.warnings),
            _ => add(&mut self.infos),
        }
    }

    pub fn rule(&self, code: RuleCode) -> u32 {
        self.per_rule[code.index()]
    }

    /// Findings per rule added together.
    pub fn plus(mut self, other: &Counts) -> Counts {
        for (a, b) in self.per_rule.iter_mut().zip(other.per_rule) {
            *a += b;
        }
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self
    }
}

/// Which of a session's rules to evaluate: those that depend on its room only, on its time
/// only, or on both. Placement evaluates the room part once per room and the time part once
/// per start, and only the combined part for every room and start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts(u8);

impl Parts {
    /// `over-capacity`, `missing-feature`.
    pub const ROOM: Parts = Parts(1);
    /// `speaker-overlap`, `speaker-unavailable`, `plenary-overlap`, `track-overlap`,
    /// `outside-event`.
    pub const TIME: Parts = Parts(2);
    /// `room-overlap`, `room-closed`, `speaker-changeover`.
    pub const ROOM_AND_TIME: Parts = Parts(4);
    pub const ALL: Parts = Parts(7);

    fn has(self, other: Parts) -> bool {
        self.0 & other.0 != 0
    }

    pub fn and(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }
}

/// A session and where it is: `(session, start, end)`.
pub type Placed = (usize, Instant, Instant);

/// A scheduled session in an index: ordered by start, end, then id (the order the format
/// gives a person's sessions), then index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    start: Instant,
    end: Instant,
    rank: u32,
    session: u32,
}

/// The scheduled sessions by room, person and track, and the plenaries, in time order.
pub struct Probe {
    windows: Windows,
    rooms: Vec<Vec<Entry>>,
    people: Vec<Vec<Entry>>,
    tracks: Vec<Vec<Entry>>,
    all: Vec<Entry>,
    plenaries: Vec<Entry>,
    /// Position of each session in (id, index) order.
    rank: Vec<u32>,
    /// The longest interval ever indexed: overlaps of `[a, b)` start after `a - longest`.
    longest: i64,
}

fn insert_sorted(list: &mut Vec<Entry>, e: Entry) {
    let at = list.partition_point(|x| *x < e);
    list.insert(at, e);
}

fn remove_sorted(list: &mut Vec<Entry>, e: Entry) {
    let at = list.partition_point(|x| *x < e);
    if list.get(at) == Some(&e) {
        list.remove(at);
    }
}

impl Probe {
    /// Index every scheduled session of `s`.
    pub fn new(s: &Schedule) -> Probe {
        let sessions = &s.program.sessions;
        let mut by_id: Vec<usize> = (0..sessions.len()).collect();
        by_id.sort_by(|&a, &b| sessions[a].id.cmp(&sessions[b].id).then(a.cmp(&b)));
        let mut rank = vec![0u32; sessions.len()];
        for (r, &i) in by_id.iter().enumerate() {
            rank[i] = r as u32;
        }
        let mut probe = Probe {
            windows: Windows::new(s),
            rooms: vec![Vec::new(); s.program.rooms.len()],
            people: vec![Vec::new(); s.program.speakers.len()],
            tracks: vec![Vec::new(); s.program.tracks.len()],
            all: Vec::new(),
            plenaries: Vec::new(),
            rank,
            longest: 0,
        };
        // Bulk build: push then sort each list once.
        for i in 0..sessions.len() {
            if let Some(e) = probe.entry(s, i) {
                probe.push(s, i, e);
            }
        }
        for list in probe
            .rooms
            .iter_mut()
            .chain(probe.people.iter_mut())
            .chain(probe.tracks.iter_mut())
            .chain([&mut probe.all, &mut probe.plenaries])
        {
            list.sort_unstable();
        }
        probe
    }

    fn entry(&self, s: &Schedule, i: usize) -> Option<Entry> {
        let (start, end) = s.sessions[i].slot()?;
        Some(Entry {
            start,
            end,
            rank: self.rank[i],
            session: i as u32,
        })
    }

    fn push(&mut self, s: &Schedule, i: usize, e: Entry) {
        let facts = &s.sessions[i];
        self.longest = self.longest.max(e.end - e.start);
        if let Some(r) = facts.room {
            self.rooms[r].push(e);
        }
        for &p in &facts.people {
            self.people[p].push(e);
        }
        if let Some(t) = facts.track {
            self.tracks[t].push(e);
        }
        self.all.push(e);
        if s.program.sessions[i].plenary {
            self.plenaries.push(e);
        }
    }

    /// Index session `i` as its facts now place it (nothing when it is not scheduled).
    pub fn insert(&mut self, s: &Schedule, i: usize) {
        let Some(e) = self.entry(s, i) else { return };
        let facts = &s.sessions[i];
        self.longest = self.longest.max(e.end - e.start);
        if let Some(r) = facts.room {
            insert_sorted(&mut self.rooms[r], e);
        }
        for &p in &facts.people {
            insert_sorted(&mut self.people[p], e);
        }
        if let Some(t) = facts.track {
            insert_sorted(&mut self.tracks[t], e);
        }
        insert_sorted(&mut self.all, e);
        if s.program.sessions[i].plenary {
            insert_sorted(&mut self.plenaries, e);
        }
    }

    /// Forget session `i`, as its facts place it now (call before changing them).
    pub fn remove(&mut self, s: &Schedule, i: usize) {
        let Some(e) = self.entry(s, i) else { return };
        let facts = &s.sessions[i];
        if let Some(r) = facts.room {
            remove_sorted(&mut self.rooms[r], e);
        }
        for &p in &facts.people {
            remove_sorted(&mut self.people[p], e);
        }
        if let Some(t) = facts.track {
            remove_sorted(&mut self.tracks[t], e);
        }
        remove_sorted(&mut self.all, e);
        if s.program.sessions[i].plenary {
            remove_sorted(&mut self.plenaries, e);
        }
    }

    /// The merged opening hours of room `r` (`None`: always open).
    pub fn hours(&self, r: usize) -> Option<&[(Instant, Instant)]> {
        self.windows.hours[r].as_deref()
    }

    /// The merged availability of person `p` (`None`: always available).
    pub fn availability(&self, p: usize) -> Option<&[(Instant, Instant)]> {
        self.windows.available[p].as_deref()
    }

    /// Local midnight of the event's first day and of the day after its last.
    pub fn event_days(&self) -> (Instant, Instant) {
        self.windows.event
    }

    /// Sessions of room `r` (other than `except`) overlapping `[a, b)`, as `(session, start,
    /// end)`.
    pub fn in_room(
        &self,
        r: usize,
        a: Instant,
        b: Instant,
        except: usize,
    ) -> impl Iterator<Item = (usize, Instant, Instant)> + '_ {
        overlapping(&self.rooms[r], a, b, self.longest, except)
            .map(|e| (e.session as usize, e.start, e.end))
    }

    /// Sessions of person `p` (other than `except`) overlapping `[a, b)`.
    pub fn of_person(
        &self,
        p: usize,
        a: Instant,
        b: Instant,
        except: usize,
    ) -> impl Iterator<Item = (usize, Instant, Instant)> + '_ {
        overlapping(&self.people[p], a, b, self.longest, except)
            .map(|e| (e.session as usize, e.start, e.end))
    }

    /// Sessions of track `t` (other than `except`) overlapping `[a, b)`.
    pub fn of_track(
        &self,
        t: usize,
        a: Instant,
        b: Instant,
        except: usize,
    ) -> impl Iterator<Item = (usize, Instant, Instant)> + '_ {
        overlapping(&self.tracks[t], a, b, self.longest, except)
            .map(|e| (e.session as usize, e.start, e.end))
    }

    /// Person `p`'s scheduled sessions (other than `except`) just before and just after a
    /// session `i` at `[a, b)` in the format's order, as `(session, start, end)`.
    pub fn neighbours(
        &self,
        p: usize,
        i: usize,
        a: Instant,
        b: Instant,
    ) -> (Option<Placed>, Option<Placed>) {
        let list = &self.people[p];
        let me = Entry {
            start: a,
            end: b,
            rank: self.rank[i],
            session: i as u32,
        };
        let at = list.partition_point(|x| *x < me);
        let tuple = |e: &Entry| (e.session as usize, e.start, e.end);
        let before = list[..at]
            .iter()
            .rev()
            .find(|e| e.session as usize != i)
            .map(tuple);
        let after = list[at..]
            .iter()
            .find(|e| e.session as usize != i)
            .map(tuple);
        (before, after)
    }

    /// Diagnostics naming session `i` where its facts place it, sorted as `check` sorts them.
    pub fn diagnostics(&self, s: &Schedule, i: usize, parts: Parts) -> Vec<Diagnostic> {
        let mut emit = Emitter::new(s.program);
        self.evaluate(s, i, parts, false, &mut emit);
        let mut out = emit.into_diagnostics();
        sort(&mut out);
        out
    }

    /// How many diagnostics name session `i` where its facts place it, per rule and level.
    /// With `stop_at_error`, evaluation stops after the first rule that finds an error.
    pub fn counts(&self, s: &Schedule, i: usize, parts: Parts, stop_at_error: bool) -> Counts {
        let mut emit = Emitter::counting(s.program);
        self.evaluate(s, i, parts, stop_at_error, &mut emit);
        emit.into_counts()
    }

    /// `speaker-changeover` for person `p`'s sessions `a` (ending at `end_a`) and `b`
    /// (starting at `start_b`) if they were consecutive: what taking a session from between
    /// them would add.
    pub fn consecutive(
        &self,
        s: &Schedule,
        p: usize,
        (a, end_a): (usize, Instant),
        (b, start_b): (usize, Instant),
    ) -> Counts {
        let mut emit = Emitter::counting(s.program);
        if emit.enabled(RuleCode::SpeakerChangeover) {
            let minimum = s.program.checks.changeover_minutes.saturating_mul(60);
            changeover::consecutive(s, &mut emit, p, (a, end_a), (b, start_b), minimum);
        }
        emit.into_counts()
    }

    fn evaluate(&self, s: &Schedule, i: usize, parts: Parts, stop: bool, emit: &mut Emitter) {
        let facts = &s.sessions[i];
        let done = |emit: &Emitter| stop && emit.errors() > 0;
        if parts.has(Parts::ROOM) {
            if emit.enabled(RuleCode::MissingFeature) {
                capacity::missing_feature_one(s, i, emit);
            }
            if emit.enabled(RuleCode::OverCapacity) {
                capacity::over_capacity_one(s, i, emit);
            }
            if done(emit) {
                return;
            }
        }
        let Some((a, b)) = facts.slot() else { return };
        // `a` first in time order (start, end, index), as the sweeps report pairs.
        let pair = |x: usize, xs: Instant, xe: Instant| {
            let overlap = (a.max(xs), b.min(xe));
            if (xs, xe, x) < (a, b, i) {
                (x, i, overlap)
            } else {
                (i, x, overlap)
            }
        };
        if parts.has(Parts::ROOM_AND_TIME) {
            if let (Some(r), true) = (facts.room, emit.enabled(RuleCode::RoomOverlap)) {
                for (x, xs, xe) in self.in_room(r, a, b, i) {
                    let (p, q, (from, to)) = pair(x, xs, xe);
                    overlap::room_pair(s, emit, r, p, q, from, to);
                }
            }
            if done(emit) {
                return;
            }
            if emit.enabled(RuleCode::RoomClosed) {
                windows::room_closed_one(s, &self.windows, i, emit);
            }
            if done(emit) {
                return;
            }
        }
        if parts.has(Parts::TIME) {
            if emit.enabled(RuleCode::SpeakerUnavailable) {
                windows::speaker_unavailable_one(s, &self.windows, i, emit);
            }
            if emit.enabled(RuleCode::SpeakerOverlap) {
                for &person in &facts.people {
                    for (x, xs, xe) in self.of_person(person, a, b, i) {
                        let (p, q, (from, to)) = pair(x, xs, xe);
                        overlap::speaker_pair(s, emit, person, p, q, from, to);
                    }
                }
            }
            if emit.enabled(RuleCode::OutsideEvent) {
                windows::outside_event_one(s, &self.windows, i, emit);
            }
            if done(emit) {
                return;
            }
            if emit.enabled(RuleCode::PlenaryOverlap) {
                let others = if s.program.sessions[i].plenary {
                    &self.all
                } else {
                    &self.plenaries
                };
                for e in overlapping(others, a, b, self.longest, i) {
                    let (p, q, (from, to)) = pair(e.session as usize, e.start, e.end);
                    overlap::plenary_pair(s, emit, p, q, from, to);
                }
            }
            if let (Some(t), true) = (facts.track, emit.enabled(RuleCode::TrackOverlap)) {
                for (x, xs, xe) in self.of_track(t, a, b, i) {
                    let (p, q, (from, to)) = pair(x, xs, xe);
                    overlap::track_pair(s, emit, t, p, q, from, to);
                }
            }
            if done(emit) {
                return;
            }
        }
        if parts.has(Parts::ROOM_AND_TIME) && emit.enabled(RuleCode::SpeakerChangeover) {
            let minimum = s.program.checks.changeover_minutes.saturating_mul(60);
            for &person in &facts.people {
                let (before, after) = self.neighbours(person, i, a, b);
                if let Some((x, _, xe)) = before {
                    changeover::consecutive(s, emit, person, (x, xe), (i, a), minimum);
                }
                if let Some((x, xs, _)) = after {
                    changeover::consecutive(s, emit, person, (i, b), (x, xs), minimum);
                }
            }
        }
    }
}

/// Entries of a start-ordered list overlapping `[a, b)`, other than session `except`.
fn overlapping(
    list: &[Entry],
    a: Instant,
    b: Instant,
    longest: i64,
    except: usize,
) -> impl Iterator<Item = &Entry> {
    let from = list.partition_point(|e| e.start <= a.saturating_sub(longest));
    list[from..]
        .iter()
        .take_while(move |e| e.start < b)
        .filter(move |e| e.end > a && e.session as usize != except)
}
