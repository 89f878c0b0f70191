//! Now and next: what each room shows at an instant, for the screens beside the doors.
//!
//! A [`Board`] is built once per loaded program from the agenda every export uses (times
//! resolved by `crate::time` through the rules' schedule, text cleaned by `export::clean`), and
//! then answers [`Board::at`]: for a room and an instant, the session on now, the event-wide
//! break on now, the next sessions of the current programme day, and what to say when there is
//! nothing ([`Phase`]). It works on instants only, so a session across midnight or a DST change
//! is on exactly while it is on, whatever the machine's zone.
//!
//! A *programme day* is a run of the event's sessions (all rooms and event-wide ones) with no
//! gap of [`DAY_GAP`] or more: a night event from 22:00 to 04:00 is one day, and "nothing more
//! today" is said after the last session of the run, not at midnight. Between runs the next run
//! counts as today when it starts on the same local date or within [`LEAD`].
//!
//! Changes: a cancelled session stays on the board, marked; a session that has moved since a
//! [`Baseline`] (the last release, or the program when the display started for an event
//! without releases) is also shown in its old room, marked "moved to". Nothing here knows about terminals or HTML: `tui::signage` and
//! `export::signage` draw it.

use std::collections::HashMap;

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::export::agenda::Agenda;
use crate::export::Selection;
use crate::model::{Kind, Program, Status};
use crate::release::diff::Field;
use crate::release::history::ChangeInfo;
use crate::rules::Schedule;
use crate::time::{day_start, to_local, Instant};

/// A gap between sessions this long (seconds) separates two programme days.
pub const DAY_GAP: Instant = 6 * 3600;
/// Before a programme day that starts on another date, its sessions count as next from this
/// long (seconds) before its first one.
pub const LEAD: Instant = 3 * 3600;

/// The event, as the board shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardEvent {
    pub id: String,
    pub name: String,
    pub tz: Tz,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub language: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardRoom {
    pub id: String,
    pub name: String,
    pub location: Option<String>,
}

/// One placed session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    /// Unique among the items (`id-2` for a duplicate id), as the exports' file names use.
    pub key: String,
    pub title: String,
    pub kind: Kind,
    pub status: Status,
    pub start: Instant,
    pub end: Instant,
    /// Its room; `None` for an event-wide break or social.
    pub room: Option<usize>,
    /// Speakers then moderators, by name.
    pub people: Vec<String>,
    /// The room it was in at the baseline, when it has moved since.
    pub moved_from: Option<usize>,
}

impl Item {
    pub fn event_wide(&self) -> bool {
        self.room.is_none()
    }
}

/// How a session reads on a room's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Plain,
    Cancelled,
    Tentative,
    /// Shown in the room it left: it now takes place in this room.
    MovedTo(usize),
    /// Shown in its new room: it was planned in this one.
    MovedFrom(usize),
}

/// What a room's screen says besides the sessions it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// A session (or an event-wide break) is on.
    On,
    /// Nothing on now; the next one starts later today.
    Free,
    /// The event has not started; its first session here (if any) and the event's first start.
    Before {
        first_here: Option<usize>,
        starts: Instant,
    },
    /// Nothing more today in this room; its next session on a later day, if any.
    DoneToday { later: Option<usize> },
    /// This room has no session on this programme day; its next one, if any.
    NoneToday { later: Option<usize> },
    /// The event is over.
    Ended,
}

/// A room's screen at an instant: indices into [`Board::items`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoomNow {
    /// The room's session on now (an active one first; else a cancelled or moved one, marked).
    pub now: Option<usize>,
    /// The event-wide break or social on now.
    pub wide: Option<usize>,
    /// The next sessions of today, the room's and event-wide ones, by start.
    pub next: Vec<usize>,
    pub phase: Phase,
}

/// Where each session was at an earlier point: session id → room id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Baseline {
    rooms: HashMap<String, String>,
}

impl Baseline {
    /// The rooms of `program`'s sessions (the first session of an id wins).
    pub fn of(program: &Program) -> Baseline {
        let mut rooms = HashMap::new();
        for s in &program.sessions {
            if let Some(r) = &s.room {
                rooms.entry(s.id.clone()).or_insert_with(|| r.value.clone());
            }
        }
        Baseline { rooms }
    }

    /// The rooms sessions were in at the last release, for those that moved since (from the
    /// release history the exports follow: the working copy against the last release, or the
    /// last release against the one before when nothing changed since). `None` without a
    /// release to compare with.
    pub fn from_changes(info: &ChangeInfo) -> Option<Baseline> {
        let diff = info.log.last()?.diff.as_ref()?;
        let rooms = diff
            .sessions
            .iter()
            .filter_map(|s| {
                let room = s.fields.iter().find(|f| f.field == Field::Room)?;
                Some((s.id.clone(), room.old.clone()?))
            })
            .collect();
        Some(Baseline { rooms })
    }

    pub fn len(&self) -> usize {
        self.rooms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rooms.is_empty()
    }
}

/// The whole event, ready to be asked what is on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Board {
    pub event: BoardEvent,
    pub rooms: Vec<BoardRoom>,
    /// By start, event-wide first, then room order.
    pub items: Vec<Item>,
    /// Per room: its items and those that moved away from it, by start.
    room_items: Vec<Vec<usize>>,
    /// Event-wide items, by start.
    wide: Vec<usize>,
    /// Programme days: `[start, end)` of each run of sessions.
    runs: Vec<(Instant, Instant)>,
}

impl Board {
    /// The board of a whole program.
    pub fn new(program: &Program, baseline: Option<&Baseline>) -> Board {
        let schedule = Schedule::new(program);
        match Selection::default().resolve(program) {
            Ok(filter) => {
                let agenda = Agenda::new(&schedule, &filter, None, false);
                Board::from_agenda(&agenda, baseline)
            }
            // An empty selection always resolves; keep a board of nothing rather than fail.
            Err(_) => Board::from_parts(program, Vec::new(), Vec::new()),
        }
    }

    fn from_parts(program: &Program, rooms: Vec<BoardRoom>, items: Vec<Item>) -> Board {
        let e = &program.event;
        let event = BoardEvent {
            id: e.id.clone(),
            name: crate::export::clean::line(&e.name),
            tz: e.timezone,
            start: e.start,
            end: e.end,
            language: e.language.clone(),
        };
        let mut room_items = vec![Vec::new(); rooms.len()];
        let mut wide = Vec::new();
        for (i, item) in items.iter().enumerate() {
            match item.room {
                Some(r) => room_items[r].push(i),
                None => wide.push(i),
            }
            if let Some(f) = item.moved_from {
                room_items[f].push(i);
            }
        }
        for list in &mut room_items {
            list.sort_by_key(|&i| (items[i].start, i));
        }
        let mut runs: Vec<(Instant, Instant)> = Vec::new();
        for item in &items {
            match runs.last_mut() {
                Some(last) if item.start < last.1 + DAY_GAP => last.1 = last.1.max(item.end),
                _ => runs.push((item.start, item.end)),
            }
        }
        Board {
            event,
            rooms,
            items,
            room_items,
            wide,
            runs,
        }
    }

    /// The board of the sessions an agenda holds (rooms: all the program's).
    pub(crate) fn from_agenda(agenda: &Agenda, baseline: Option<&Baseline>) -> Board {
        let rooms: Vec<BoardRoom> = agenda
            .rooms
            .iter()
            .map(|r| BoardRoom {
                id: r.id.clone(),
                name: r.name.clone(),
                location: r.location.clone(),
            })
            .collect();
        let room_index: HashMap<&str, usize> = rooms
            .iter()
            .enumerate()
            .rev()
            .map(|(i, r)| (r.id.as_str(), i))
            .collect();
        let items: Vec<Item> = agenda
            .placed()
            .filter_map(|e| {
                let (start, end) = e.slot?;
                let moved_from = match (baseline, e.room) {
                    (Some(b), Some(r)) => b
                        .rooms
                        .get(e.id)
                        .and_then(|old| room_index.get(old.as_str()).copied())
                        .filter(|&old| old != r),
                    _ => None,
                };
                Some(Item {
                    id: e.id.to_string(),
                    key: e.key.to_string(),
                    title: e.title.to_string(),
                    kind: e.kind,
                    status: e.status,
                    start,
                    end,
                    room: e.room,
                    people: e
                        .speakers
                        .iter()
                        .chain(e.moderators.iter())
                        .map(|&p| agenda.people[p].name.clone())
                        .collect(),
                    moved_from,
                })
            })
            .collect();
        Board::from_parts(agenda.program, rooms, items)
    }

    /// How item `i` reads in room `room`.
    pub fn mark(&self, room: usize, i: usize) -> Mark {
        let item = &self.items[i];
        match (item.status, item.room) {
            (Status::Cancelled, _) => Mark::Cancelled,
            (_, Some(r)) if r != room => Mark::MovedTo(r),
            _ => match (item.moved_from, item.status) {
                (Some(f), _) if item.room == Some(room) => Mark::MovedFrom(f),
                (_, Status::Tentative) => Mark::Tentative,
                _ => Mark::Plain,
            },
        }
    }

    /// Whether item `i` really takes place in `room` (not cancelled, not moved away).
    fn active_in(&self, room: usize, i: usize) -> bool {
        matches!(
            self.mark(room, i),
            Mark::Plain | Mark::Tentative | Mark::MovedFrom(_)
        )
    }

    /// Items of a room (its own and those moved away).
    pub fn room_items(&self, room: usize) -> &[usize] {
        &self.room_items[room]
    }

    /// Event-wide items.
    pub fn wide_items(&self) -> &[usize] {
        &self.wide
    }

    /// The first start and the last end of the whole event.
    pub fn span(&self) -> Option<(Instant, Instant)> {
        Some((self.runs.first()?.0, self.runs.last()?.1))
    }

    /// The end of "today" at `t`: the end of the programme day `t` is in or before, or `None`
    /// when `t` is in a long gap and the next day does not count as today yet.
    fn today_end(&self, t: Instant) -> Option<Instant> {
        let tz = self.event.tz;
        let next = self.runs.iter().position(|r| r.1 > t)?;
        let (start, end) = self.runs[next];
        if start <= t {
            return Some(end);
        }
        let same_date = to_local(tz, start).date_naive() == to_local(tz, t).date_naive();
        (same_date || start - t <= LEAD).then_some(end)
    }

    /// The first active item of `room` starting at or after `t`.
    fn later(&self, room: usize, t: Instant) -> Option<usize> {
        self.room_items[room]
            .iter()
            .copied()
            .find(|&i| self.items[i].start >= t && self.active_in(room, i))
    }

    /// What room `room` shows at `t`, with at most `limit` next sessions.
    pub fn at(&self, room: usize, t: Instant, limit: usize) -> RoomNow {
        let on = |i: &usize| self.items[*i].start <= t && t < self.items[*i].end;
        let own = &self.room_items[room];
        let now = own
            .iter()
            .copied()
            .filter(on)
            .find(|&i| self.active_in(room, i))
            .or_else(|| own.iter().copied().find(on));
        let wide = self
            .wide
            .iter()
            .copied()
            .filter(on)
            .find(|&i| self.items[i].status != Status::Cancelled)
            .or_else(|| self.wide.iter().copied().find(on));
        let today_end = self.today_end(t);
        let run_start =
            today_end.and_then(|end| self.runs.iter().find(|r| r.1 == end).map(|r| r.0));
        // The room has something today: in the programme day shown, or earlier on this date.
        let midnight = day_start(self.event.tz, to_local(self.event.tz, t).date_naive());
        let room_today = own.iter().any(|&i| {
            let item = &self.items[i];
            let in_run = match (run_start, today_end) {
                (Some(s), Some(e)) => item.start < e && item.end > s,
                _ => false,
            };
            in_run || (item.start >= midnight && item.start <= t)
        });
        let mut next: Vec<usize> = Vec::new();
        if let (Some(end), true) = (today_end, room_today) {
            // Merge the room's and the event-wide items, by start.
            let (mut a, mut b) = (own.iter().peekable(), self.wide.iter().peekable());
            while next.len() < limit {
                let pick = match (a.peek(), b.peek()) {
                    (Some(&&x), Some(&&y)) => {
                        if (self.items[x].start, x) <= (self.items[y].start, y) {
                            a.next()
                        } else {
                            b.next()
                        }
                    }
                    (Some(_), None) => a.next(),
                    (None, Some(_)) => b.next(),
                    (None, None) => None,
                };
                let Some(&i) = pick else { break };
                let item = &self.items[i];
                if item.start > t && item.start < end && Some(i) != now && Some(i) != wide {
                    next.push(i);
                }
            }
        }
        let phase = match self.span() {
            _ if now.is_some() || (wide.is_some() && room_today) => Phase::On,
            _ if next.iter().any(|&i| self.active_in(room, i)) => Phase::Free,
            None => Phase::Ended,
            Some((_, last)) if t >= last => Phase::Ended,
            Some((first, _)) if t < first => Phase::Before {
                first_here: self.later(room, t),
                starts: first,
            },
            _ if room_today => Phase::DoneToday {
                later: self.later(room, t),
            },
            _ => Phase::NoneToday {
                later: self.later(room, t),
            },
        };
        let wide = if room_today || now.is_some() {
            wide
        } else {
            None
        };
        RoomNow {
            now,
            wide,
            next,
            phase,
        }
    }

    /// The instants at which anything a room shows may change, besides the running counters
    /// ("in 12 min", the progress bar): starts, ends, the edges of programme days, local
    /// midnights and the lead before each day. Sorted, without duplicates.
    pub fn change_points(&self) -> Vec<Instant> {
        let tz = self.event.tz;
        let mut points: Vec<Instant> = self.items.iter().flat_map(|i| [i.start, i.end]).collect();
        for &(s, e) in &self.runs {
            points.extend([s, e, s - LEAD]);
            let first = to_local(tz, s - LEAD).date_naive();
            let last = to_local(tz, e).date_naive();
            let mut d = first;
            while d <= last {
                points.push(day_start(tz, d));
                match d.succ_opt() {
                    Some(n) => d = n,
                    None => break,
                }
            }
        }
        points.sort_unstable();
        points.dedup();
        points
    }

    /// A room's screens over all time: `(from, to, state)`, `from` `None` for the start of
    /// time and `to` `None` for its end; consecutive equal states merged.
    pub fn timeline(
        &self,
        room: usize,
        limit: usize,
    ) -> Vec<(Option<Instant>, Option<Instant>, RoomNow)> {
        let points = self.change_points();
        let mut out: Vec<(Option<Instant>, Option<Instant>, RoomNow)> = Vec::new();
        let first = points.first().map_or(0, |p| p - 1);
        let mut starts: Vec<(Option<Instant>, Instant)> = vec![(None, first)];
        starts.extend(points.iter().map(|&p| (Some(p), p)));
        for (from, probe) in starts {
            let state = self.at(room, probe, limit);
            match out.last_mut() {
                Some(last) if last.2 == state => {}
                _ => {
                    if let Some(last) = out.last_mut() {
                        last.1 = from;
                    }
                    out.push((from, None, state));
                }
            }
        }
        out
    }

    /// How many strings and entries the board holds, for tests that it does not grow.
    pub fn footprint(&self) -> usize {
        self.rooms.len()
            + self.items.iter().map(|i| 1 + i.people.len()).sum::<usize>()
            + self.room_items.iter().map(Vec::len).sum::<usize>()
            + self.wide.len()
            + self.runs.len()
    }
}

/// Why a `--at` text names no instant.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AtError {
    /// The text as typed, control characters escaped.
    #[error(
        "`{text}` is not a date and time: write it as 2017-12-05T14:30 (in the event's zone, \
         {zone}) or with an offset, 2017-12-05T14:30:00+01:00"
    )]
    NotATime { text: String, zone: &'static str },
    #[error(
        "{} does not exist in {zone} (the clocks skip it): choose a time before or after the \
         change, or give an offset",
        at.format("%Y-%m-%d %H:%M")
    )]
    Skipped {
        at: chrono::NaiveDateTime,
        zone: &'static str,
    },
}

/// An instant as given to `--at`: `2017-12-05T14:30` (or with seconds, or a space for the
/// `T`) as wall-clock time in the event's zone, or RFC 3339 with an offset (`…+01:00`, `…Z`).
pub fn parse_at(text: &str, tz: Tz) -> Result<Instant, AtError> {
    use crate::model::DateTimeValue;
    use crate::time::{resolve, Resolved};
    let text = text.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(text) {
        return Ok(dt.timestamp());
    }
    let normalised = text.replacen(' ', "T", 1);
    let naive = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|f| chrono::NaiveDateTime::parse_from_str(&normalised, f).ok())
        .ok_or_else(|| AtError::NotATime {
            text: text.escape_debug().to_string(),
            zone: tz.name(),
        })?;
    match resolve(tz, &DateTimeValue::Local(naive)) {
        Resolved::Exact(t) | Resolved::Ambiguous(t) => Ok(t),
        Resolved::Gap => Err(AtError::Skipped {
            at: naive,
            zone: tz.name(),
        }),
    }
}

/// "12 min", "1 h 05", "2 d 3 h" for a span of seconds (rounded up to the minute), in the
/// words of `locale`'s catalogue ("1 Std. 5 Min.", "1時間5分").
pub(crate) fn span_words(locale: &crate::export::locale::Locale, seconds: Instant) -> String {
    locale.span((seconds.max(0) + 59) / 60)
}

/// Elapsed share of `[start, end)` at `t`, from 0 to 1.
pub fn progress(start: Instant, end: Instant, t: Instant) -> f64 {
    if end <= start {
        return 1.0;
    }
    ((t - start) as f64 / (end - start) as f64).clamp(0.0, 1.0)
}

pub(crate) mod words;

#[cfg(test)]
mod tests;
