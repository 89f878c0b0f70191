//! Candidate starts: wall-clock times on a step within the event's days, and within a room's
//! opening hours (or, for a room that gives none, within the program's day).

use chrono::{Duration, LocalResult, NaiveDateTime, NaiveTime, TimeZone, Timelike};
use chrono_tz::Tz;

use crate::rules::{Probe, Schedule};
use crate::time::{to_local, Instant};

/// One candidate start: as written in the file (local time) and as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    pub local: NaiveDateTime,
    pub at: Instant,
}

/// Every candidate start of the event in time order, and the ones each room allows.
pub struct Grid {
    pub starts: Vec<Start>,
    /// Per room, ranges of `starts` (by index) inside its opening hours.
    pub rooms: Vec<Vec<(usize, usize)>>,
    /// Ranges of `starts` inside the program's day, for rooms without hours and event-wide
    /// sessions.
    pub day: Vec<(usize, usize)>,
}

/// The program's day: from the earliest start to the latest end (time of day) of the
/// scheduled sessions, 09:00–18:00 when none is scheduled.
fn program_day(s: &Schedule) -> (u32, u32) {
    let mut from = u32::MAX;
    let mut to = 0;
    for f in &s.sessions {
        let Some((a, b)) = f.slot() else { continue };
        let (la, lb) = (to_local(s.tz, a), to_local(s.tz, b));
        let ma = la.hour() * 60 + la.minute();
        let mb = if lb.date_naive() == la.date_naive() {
            lb.hour() * 60 + lb.minute()
        } else {
            24 * 60
        };
        from = from.min(ma);
        to = to.max(mb);
    }
    if from >= to {
        (9 * 60, 18 * 60)
    } else {
        (from, to)
    }
}

fn ranges(starts: &[Start], inside: impl Fn(&Start) -> bool) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (k, st) in starts.iter().enumerate() {
        if !inside(st) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.1 == k => last.1 = k + 1,
            _ => out.push((k, k + 1)),
        }
    }
    out
}

impl Grid {
    pub fn new(s: &Schedule, probe: &Probe, step_minutes: i64) -> Grid {
        let tz: Tz = s.tz;
        let event = &s.program.event;
        let step = step_minutes.clamp(1, 24 * 60);
        let mut starts = Vec::new();
        let mut day = event.start;
        while day <= event.end {
            let mut t = day.and_time(NaiveTime::MIN);
            let next = t + Duration::days(1);
            while t < next {
                // Times that do not exist or happen twice (DST) are not offered.
                if let LocalResult::Single(dt) = tz.from_local_datetime(&t) {
                    starts.push(Start {
                        local: t,
                        at: dt.timestamp(),
                    });
                }
                t += Duration::minutes(step);
            }
            match day.succ_opt() {
                Some(d) => day = d,
                None => break,
            }
        }
        let (from, to) = program_day(s);
        let in_day = |st: &Start| {
            let m = st.local.hour() * 60 + st.local.minute();
            m >= from && m < to
        };
        let day_ranges = ranges(&starts, in_day);
        let rooms = (0..s.program.rooms.len())
            .map(|r| match probe.hours(r) {
                Some(open) => ranges(&starts, |st| {
                    let i = open.partition_point(|w| w.0 <= st.at);
                    i > 0 && open[i - 1].1 > st.at
                }),
                None => day_ranges.clone(),
            })
            .collect();
        Grid {
            starts,
            rooms,
            day: day_ranges,
        }
    }

    /// The ranges a session in `room` (`None`: event-wide) may start in.
    pub fn for_room(&self, room: Option<usize>) -> &[(usize, usize)] {
        match room {
            Some(r) => &self.rooms[r],
            None => &self.day,
        }
    }
}
