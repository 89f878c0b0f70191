//! `VTIMEZONE` for the event's zone, built from the tz database that chrono-tz compiles in.
//!
//! Calendar programs (Outlook above all) trust the `VTIMEZONE` in the file over their own
//! idea of a `TZID`, so it must give the right offsets around the event. chrono-tz exposes
//! offsets, not transitions: transitions are found by scanning offsets hour by hour around the
//! event (every six hours) and pinning each change to the second by bisection. The component holds the last
//! transition before the event, every transition during it and the next one after it (so a
//! zone with daylight saving time always shows both observances); a zone with no transition
//! in that range gets a single `STANDARD`. Nothing here knows about sessions.

use chrono::{DateTime, NaiveDateTime, Offset, TimeZone};
use chrono_tz::{OffsetComponents, OffsetName, Tz};

use crate::export::contentline::Lines;
use crate::time::Instant;

/// How far before and after the event to look for transitions (a little over a year, so a
/// yearly daylight-saving change is always seen).
const REACH: i64 = 400 * 86_400;
// Offsets change at most a few times a year and never twice within six hours.
const STEP: i64 = 6 * 3_600;

/// The offset in force at an instant: total seconds east of UTC, daylight part, abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Offsets {
    total: i32,
    dst: i64,
    name: Option<String>,
}

fn offsets_at(tz: Tz, t: Instant) -> Offsets {
    let utc = DateTime::from_timestamp(t, 0).unwrap_or(DateTime::UNIX_EPOCH);
    let offset = tz.offset_from_utc_datetime(&utc.naive_utc());
    Offsets {
        total: offset.fix().local_minus_utc(),
        dst: offset.dst_offset().num_seconds(),
        name: offset.abbreviation().map(str::to_string),
    }
}

/// One `STANDARD` or `DAYLIGHT` sub-component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Observance {
    pub daylight: bool,
    /// Local time (in the offset before) at which the observance starts.
    pub start: NaiveDateTime,
    pub offset_from: i32,
    pub offset_to: i32,
    pub name: Option<String>,
}

/// The first instant in `(lo, hi]` whose offsets differ from those at `lo`, given that they
/// differ at `hi`.
fn bisect(tz: Tz, mut lo: Instant, mut hi: Instant) -> Instant {
    let before = offsets_at(tz, lo);
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if offsets_at(tz, mid) == before {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    hi
}

/// Every transition instant in `(from, to]`, in order.
fn transitions(tz: Tz, from: Instant, to: Instant) -> Vec<Instant> {
    let mut found = Vec::new();
    let mut t = from;
    let mut current = offsets_at(tz, t);
    while t < to {
        let next = (t + STEP).min(to);
        let there = offsets_at(tz, next);
        if there != current {
            found.push(bisect(tz, t, next));
            current = there;
        }
        t = next;
    }
    found
}

fn observance(tz: Tz, at: Instant) -> Observance {
    let before = offsets_at(tz, at - 1);
    let after = offsets_at(tz, at);
    let local = DateTime::from_timestamp(at + i64::from(before.total), 0)
        .unwrap_or(DateTime::UNIX_EPOCH)
        .naive_utc();
    Observance {
        daylight: after.dst != 0,
        start: local,
        offset_from: before.total,
        offset_to: after.total,
        name: after.name,
    }
}

/// The observances that cover `[first, last]`.
pub(crate) fn observances(tz: Tz, first: Instant, last: Instant) -> Vec<Observance> {
    let during = transitions(tz, first, last);
    let before = transitions(tz, first - REACH, first);
    let after = transitions(tz, last, last + REACH);
    if during.is_empty() && before.is_empty() && after.is_empty() {
        // No change anywhere near the event: one standard observance, valid since 1970.
        let now = offsets_at(tz, first);
        return vec![Observance {
            daylight: false,
            start: DateTime::UNIX_EPOCH.naive_utc(),
            offset_from: now.total,
            offset_to: now.total,
            name: now.name,
        }];
    }
    let mut list = Vec::new();
    match before.last() {
        Some(&t) => list.push(observance(tz, t)),
        None => {
            // The zone only starts changing during or after the event: state the offset in
            // force at the start as an observance valid since 1970.
            let now = offsets_at(tz, first);
            list.push(Observance {
                daylight: now.dst != 0,
                start: DateTime::UNIX_EPOCH.naive_utc(),
                offset_from: now.total,
                offset_to: now.total,
                name: now.name,
            });
        }
    }
    list.extend(during.iter().map(|&t| observance(tz, t)));
    if let Some(&t) = after.first() {
        list.push(observance(tz, t));
    }
    list
}

/// Longest span [`write`] scans as one: longer ones (an event from the year 1 to 9999, a
/// session lasting centuries) are covered around each instant instead, so the scan never walks
/// empty centuries.
const LONGEST_SCAN: i64 = 20 * 366 * 86_400;

/// Whether [`write`] covers `[first, last]` as one span (then the instants do not matter).
pub(crate) fn by_span(first: Instant, last: Instant) -> bool {
    last.saturating_sub(first) <= LONGEST_SCAN
}

/// The observances that cover each of `instants` (sorted or not): those of [`observances`]
/// over each run of instants less than two years apart. Time spent is bounded by the number
/// of instants, not by how far apart they are.
pub(crate) fn observances_around(tz: Tz, instants: &[Instant]) -> Vec<Observance> {
    let mut sorted = instants.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    let mut runs: Vec<(Instant, Instant)> = Vec::new();
    for t in sorted {
        match runs.last_mut() {
            Some(run) if t - run.1 <= 2 * REACH => run.1 = t,
            _ => runs.push((t, t)),
        }
    }
    let mut list: Vec<Observance> = Vec::new();
    for (k, &(first, last)) in runs.iter().enumerate() {
        for mut o in observances(tz, first, last) {
            if k > 0 && o.start == DateTime::UNIX_EPOCH.naive_utc() {
                // No change within reach before this run: the offset in force, stated from
                // where the scan began rather than since 1970 (earlier runs cover that).
                let from = first - REACH;
                o.start = DateTime::from_timestamp(from + i64::from(o.offset_from), 0)
                    .unwrap_or(DateTime::UNIX_EPOCH)
                    .naive_utc();
            }
            if list.last().is_none_or(|prev| prev.start < o.start) {
                list.push(o);
            }
        }
    }
    list
}

/// `+HHMM`, or `+HHMMSS` for offsets with seconds.
pub(crate) fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

/// Write the `VTIMEZONE` of `tz` covering the instants `[first, last]`, or, when that span is
/// longer than twenty years, covering each of `instants` (the sessions' starts and ends).
pub(crate) fn write(
    lines: &mut Lines,
    tz: Tz,
    first: Instant,
    last: Instant,
    instants: &[Instant],
) {
    lines.begin("VTIMEZONE");
    lines.raw("TZID", &[], tz.name());
    let list = if by_span(first, last) || instants.is_empty() {
        observances(tz, first, last.min(first.saturating_add(LONGEST_SCAN)))
    } else {
        observances_around(tz, instants)
    };
    for o in list {
        let component = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
        lines.begin(component);
        lines.raw("DTSTART", &[], &o.start.format("%Y%m%dT%H%M%S").to_string());
        lines.raw("TZOFFSETFROM", &[], &utc_offset(o.offset_from));
        lines.raw("TZOFFSETTO", &[], &utc_offset(o.offset_to));
        if let Some(name) = &o.name {
            lines.text("TZNAME", name);
        }
        lines.end(component);
    }
    lines.end("VTIMEZONE");
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn instant(tz: Tz, y: i32, m: u32, d: u32) -> Instant {
        crate::time::day_start(tz, NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn paris_in_december_has_both_observances() {
        let tz = chrono_tz::Europe::Paris;
        let list = observances(tz, instant(tz, 2017, 12, 5), instant(tz, 2017, 12, 7));
        assert_eq!(list.len(), 2);
        let (std, dst) = (&list[0], &list[1]);
        assert!(!std.daylight);
        assert_eq!(std.start.to_string(), "2017-10-29 03:00:00");
        assert_eq!((std.offset_from, std.offset_to), (7200, 3600));
        assert_eq!(std.name.as_deref(), Some("CET"));
        assert!(dst.daylight);
        assert_eq!(dst.start.to_string(), "2018-03-25 02:00:00");
        assert_eq!((dst.offset_from, dst.offset_to), (3600, 7200));
        assert_eq!(dst.name.as_deref(), Some("CEST"));
    }

    #[test]
    fn a_dst_weekend_includes_the_change() {
        let tz = chrono_tz::Europe::Paris;
        let list = observances(tz, instant(tz, 2017, 10, 28), instant(tz, 2017, 10, 30));
        // March 2017 (before), 29 Oct 2017 (during), March 2018 (after).
        let starts: Vec<String> = list.iter().map(|o| o.start.to_string()).collect();
        assert_eq!(
            starts,
            [
                "2017-03-26 02:00:00",
                "2017-10-29 03:00:00",
                "2018-03-25 02:00:00"
            ]
        );
    }

    #[test]
    fn southern_hemisphere() {
        let tz = chrono_tz::Australia::Sydney;
        let list = observances(tz, instant(tz, 2024, 1, 10), instant(tz, 2024, 1, 12));
        assert!(list[0].daylight);
        assert_eq!(list[0].offset_to, 11 * 3600);
        assert!(!list[1].daylight);
        assert_eq!(list[1].start.to_string(), "2024-04-07 03:00:00");
    }

    #[test]
    fn zones_without_dst_get_one_standard() {
        for tz in [
            chrono_tz::Asia::Kolkata,
            chrono_tz::UTC,
            chrono_tz::Asia::Tokyo,
        ] {
            let list = observances(tz, instant(tz, 2024, 1, 10), instant(tz, 2024, 1, 12));
            assert_eq!(list.len(), 1, "{tz}");
            assert!(!list[0].daylight);
            assert_eq!(list[0].offset_from, list[0].offset_to);
        }
        let kolkata = observances(
            chrono_tz::Asia::Kolkata,
            instant(chrono_tz::Asia::Kolkata, 2024, 1, 10),
            instant(chrono_tz::Asia::Kolkata, 2024, 1, 11),
        );
        assert_eq!(utc_offset(kolkata[0].offset_to), "+0530");
    }

    #[test]
    fn offsets_are_formatted() {
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(-12_600), "-0330");
        assert_eq!(utc_offset(20_700), "+0545");
        assert_eq!(utc_offset(561), "+000921");
        assert_eq!(utc_offset(0), "+0000");
    }

    #[test]
    fn writes_the_component() {
        let tz = chrono_tz::Asia::Kolkata;
        let mut lines = Lines::new();
        let t = instant(tz, 2024, 1, 10);
        write(&mut lines, tz, t, t + 86_400, &[t]);
        assert_eq!(
            lines.finish(),
            "BEGIN:VTIMEZONE\r\nTZID:Asia/Kolkata\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n\
             TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\nTZNAME:IST\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
        );
    }
}
