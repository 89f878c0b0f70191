//! Time zones of a calendar's date-times: UTC, floating (the event's zone), IANA names, and the
//! zones a calendar defines itself in VTIMEZONE (Outlook's "W. Europe Standard Time").
//!
//! A TZID that is an IANA name (or a link such as `US/Eastern`, or Thunderbird's old
//! `/mozilla.org/20070129_1/Europe/Paris`) uses the time-zone database, whose history is right
//! for past years; any other TZID uses the calendar's own VTIMEZONE.

use std::collections::HashMap;
use std::rc::Rc;

use chrono::{Duration, NaiveDateTime, TimeZone};
use chrono_tz::Tz;

use super::content::Component;
use super::expand::{naive_datetime, recur};
use crate::time::{local_lenient, to_local, Instant};

/// A zone defined by a VTIMEZONE: UTC offsets from each transition on.
#[derive(Debug)]
pub(super) struct Defined {
    /// Offset (seconds east of UTC) before the first transition.
    initial: i64,
    /// (instant of the transition, offset from then on), sorted.
    transitions: Vec<(Instant, i64)>,
}

impl Defined {
    fn offset_at(&self, t: Instant) -> i64 {
        let i = self.transitions.partition_point(|&(at, _)| at <= t);
        if i == 0 {
            self.initial
        } else {
            self.transitions[i - 1].1
        }
    }

    /// The instant a wall-clock time names: the earlier one in a fold, the one the clock would
    /// show without the jump in a gap (as `crate::time::local_lenient` does).
    fn instant(&self, naive: NaiveDateTime) -> Instant {
        let wall = naive.and_utc().timestamp();
        let mut offsets: Vec<i64> = self.transitions.iter().map(|t| t.1).collect();
        offsets.push(self.initial);
        offsets.sort_unstable();
        offsets.dedup();
        // A larger offset gives an earlier instant: the first that fits is the earliest.
        for &off in offsets.iter().rev() {
            if self.offset_at(wall - off) == off {
                return wall - off;
            }
        }
        // In a gap: the offset in force before it (read at the earliest candidate instant).
        wall - self.offset_at(wall - offsets.last().copied().unwrap_or(0))
    }
}

/// Where a date-time's wall-clock reading is.
#[derive(Debug, Clone)]
pub(super) enum Zone {
    Utc,
    /// No zone: the event's own.
    Floating,
    Named(Tz),
    Defined(Rc<Defined>),
}

impl Zone {
    pub fn instant(&self, naive: NaiveDateTime, event: Tz) -> Instant {
        match self {
            Zone::Utc => naive.and_utc().timestamp(),
            Zone::Floating => local_lenient(event, naive),
            Zone::Named(tz) => local_lenient(*tz, naive),
            Zone::Defined(d) => d.instant(naive),
        }
    }

    /// The wall-clock reading of an instant in this zone.
    pub fn local(&self, t: Instant, event: Tz) -> NaiveDateTime {
        let utc = chrono::DateTime::from_timestamp(t, 0)
            .unwrap_or(chrono::DateTime::UNIX_EPOCH)
            .naive_utc();
        match self {
            Zone::Utc => utc,
            Zone::Floating => to_local(event, t).naive_local(),
            Zone::Named(tz) => tz.from_utc_datetime(&utc).naive_local(),
            Zone::Defined(d) => utc + Duration::seconds(d.offset_at(t)),
        }
    }
}

/// An IANA zone by name, also as old Mozilla clients wrote it (`/mozilla.org/…/Europe/Paris`).
pub(super) fn iana(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim().trim_matches('"');
    if let Ok(tz) = tzid.parse::<Tz>() {
        return Some(tz);
    }
    tzid.char_indices()
        .filter(|&(_, c)| c == '/')
        .find_map(|(i, _)| tzid[i + 1..].parse::<Tz>().ok())
}

/// `+0100`, `-0500`, `+053000` as seconds east of UTC.
fn utc_offset(text: &str) -> Option<i64> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !(digits.len() == 4 || digits.len() == 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| digits[r].parse::<i64>().ok();
    let seconds = if digits.len() == 6 { n(4..6)? } else { 0 };
    Some(sign * (n(0..2)? * 3600 + n(2..4)? * 60 + seconds))
}

/// The zones a calendar defines, by TZID.
#[derive(Debug, Default)]
pub(super) struct Zones {
    defined: HashMap<String, Rc<Defined>>,
}

impl Zones {
    /// Read the VTIMEZONEs of a calendar, with transitions up to `last_year`. Problems are
    /// (line, message).
    pub fn of(calendar: &Component, last_year: i32, problems: &mut Vec<(usize, String)>) -> Zones {
        let mut zones = Zones::default();
        for tz in calendar.children.iter().filter(|c| c.name == "VTIMEZONE") {
            let Some(tzid) = tz.value("TZID") else {
                problems.push((tz.line, "a VTIMEZONE without TZID".to_string()));
                continue;
            };
            if iana(tzid).is_some() {
                continue;
            }
            match defined(tz, last_year) {
                Ok(d) => {
                    zones.defined.insert(tzid.trim().to_string(), Rc::new(d));
                }
                Err((line, message)) => problems.push((line, message)),
            }
        }
        zones
    }

    /// The zone a TZID names; `None` when it is neither an IANA name nor defined in the file.
    pub fn lookup(&self, tzid: &str) -> Option<Zone> {
        let bare = tzid.trim().trim_matches('"');
        if let Ok(tz) = bare.parse::<Tz>() {
            return Some(Zone::Named(tz));
        }
        if let Some(d) = self.defined.get(bare) {
            return Some(Zone::Defined(d.clone()));
        }
        iana(bare).map(Zone::Named)
    }
}

fn defined(tz: &Component, last_year: i32) -> Result<Defined, (usize, String)> {
    let mut transitions = Vec::new();
    let mut first: Option<(Instant, i64)> = None;
    for part in tz
        .children
        .iter()
        .filter(|c| c.name == "STANDARD" || c.name == "DAYLIGHT")
    {
        let offset = |key: &str| {
            let prop = part
                .prop(key)
                .ok_or_else(|| (part.line, format!("{} without {key}", part.name)))?;
            utc_offset(&prop.value).ok_or_else(|| {
                (
                    prop.line,
                    format!("{key} `{}` is not a UTC offset such as +0100", prop.value),
                )
            })
        };
        let (from, to) = (offset("TZOFFSETFROM")?, offset("TZOFFSETTO")?);
        let start = part
            .prop("DTSTART")
            .ok_or_else(|| (part.line, format!("{} without DTSTART", part.name)))?;
        let onset = naive_datetime(&start.value).ok_or_else(|| {
            (
                start.line,
                format!("DTSTART `{}` is not a local date-time", start.value),
            )
        })?;
        let end = chrono::NaiveDate::from_ymd_opt(last_year + 1, 1, 1)
            .unwrap_or(chrono::NaiveDate::MAX)
            .and_time(chrono::NaiveTime::MIN);
        let mut onsets = vec![onset];
        for rule in part.props("RRULE") {
            let until_utc = |n: NaiveDateTime| n + Duration::seconds(from);
            onsets.extend(recur(onset, &rule.value, until_utc, end).map_err(|m| (rule.line, m))?);
        }
        for rdate in part.props("RDATE") {
            onsets.extend(rdate.value.split(',').filter_map(naive_datetime));
        }
        for at in onsets {
            let instant = at.and_utc().timestamp() - from;
            transitions.push((instant, to));
            if first.is_none_or(|f| instant < f.0) {
                first = Some((instant, from));
            }
        }
    }
    let Some(first) = first else {
        return Err((
            tz.line,
            "a VTIMEZONE without STANDARD or DAYLIGHT".to_string(),
        ));
    };
    transitions.sort_unstable();
    transitions.dedup();
    Ok(Defined {
        initial: first.1,
        transitions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_and_names() {
        assert_eq!(utc_offset("+0100"), Some(3600));
        assert_eq!(utc_offset("-0530"), Some(-19800));
        assert_eq!(utc_offset("0100"), None);
        assert_eq!(iana("US/Eastern"), Some(chrono_tz::US::Eastern));
        assert_eq!(
            iana("/mozilla.org/20070129_1/Europe/Paris"),
            Some(chrono_tz::Europe::Paris)
        );
        assert_eq!(iana("W. Europe Standard Time"), None);
    }

    /// Outlook's definition of Paris time, from 1601: summer and winter offsets, the fold and
    /// the gap read as `crate::time::local_lenient` reads them.
    #[test]
    fn a_defined_zone_follows_its_rules() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VTIMEZONE\nTZID:Romance Standard Time\n\
                    BEGIN:STANDARD\nDTSTART:16011028T030000\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\n\
                    TZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD\nBEGIN:DAYLIGHT\n\
                    DTSTART:16010325T020000\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\n\
                    TZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT\nEND:VTIMEZONE\nEND:VCALENDAR\n";
        let parsed = super::super::content::parse(text.as_bytes());
        let mut problems = Vec::new();
        let zones = Zones::of(&parsed.calendars[0], 2018, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let zone = zones.lookup("\"Romance Standard Time\"").unwrap();
        let paris = chrono_tz::Europe::Paris;
        for t in [
            "20170705T083000", // summer
            "20171205T083000", // winter
            "20171029T023000", // fold: the earlier instant
            "20170326T023000", // gap
        ] {
            let naive = naive_datetime(t).unwrap();
            assert_eq!(
                zone.instant(naive, paris),
                local_lenient(paris, naive),
                "{t}"
            );
        }
        let summer = naive_datetime("20170705T083000").unwrap();
        assert_eq!(zone.local(zone.instant(summer, paris), paris), summer);
    }
}
