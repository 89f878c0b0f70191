//! A calendar's events and free/busy periods as busy intervals over the event's days.

use std::collections::{HashMap, HashSet};

use chrono::{Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use rrule::{RRule, Unvalidated};

use super::content::{Component, Prop};
use super::zone::{Zone, Zones};
use crate::time::{day_start, Instant};

/// Occurrences of one recurrence rule examined at most (a rule starting long before the event
/// is walked from its start).
const MAX_OCCURRENCES: usize = 200_000;

/// A busy interval found in a calendar, with the line of its event or period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found {
    pub from: Instant,
    pub to: Instant,
    pub summary: Option<String>,
    pub line: usize,
}

/// What a calendar's date-times are read against.
pub(super) struct Frame<'a> {
    pub zones: &'a Zones,
    /// The event's zone: floating times and dates are read in it.
    pub tz: Tz,
    /// Only busy times overlapping `[window.0, window.1)` are kept.
    pub window: (Instant, Instant),
}

/// `YYYYMMDDTHHMMSS` (seconds may be left out), without a zone.
pub(super) fn naive_datetime(text: &str) -> Option<NaiveDateTime> {
    let text = text.trim();
    ["%Y%m%dT%H%M%S", "%Y%m%dT%H%M"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
}

fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    (text.len() == 8)
        .then(|| NaiveDate::parse_from_str(text, "%Y%m%d").ok())
        .flatten()
}

/// A DATE or DATE-TIME value.
#[derive(Debug, Clone)]
enum When {
    Date(NaiveDate),
    Time(NaiveDateTime, Zone),
}

fn when(text: &str, prop: &Prop, frame: &Frame) -> Result<When, String> {
    let text = text.trim();
    let is_date = prop
        .param("VALUE")
        .is_some_and(|v| v.eq_ignore_ascii_case("DATE"));
    if is_date || (text.len() == 8 && !text.contains('T')) {
        return date(text)
            .map(When::Date)
            .ok_or_else(|| format!("{} `{text}` is not a date (YYYYMMDD)", prop.name));
    }
    let (naive, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(t) => (naive_datetime(t), true),
        None => (naive_datetime(text), false),
    };
    let naive = naive.ok_or_else(|| {
        format!(
            "{} `{text}` is not a date-time (YYYYMMDDTHHMMSS, with Z for UTC)",
            prop.name
        )
    })?;
    let zone = match (utc, prop.param("TZID")) {
        (true, _) => Zone::Utc,
        (false, None) => Zone::Floating,
        (false, Some(tzid)) => frame.zones.lookup(tzid).ok_or_else(|| {
            format!("unknown time zone `{tzid}`: neither an IANA name nor a VTIMEZONE of this file")
        })?,
    };
    Ok(When::Time(naive, zone))
}

/// `[+-]P…`: (nominal days, exact seconds).
fn duration(text: &str) -> Option<(i64, i64)> {
    let text = text.trim();
    let (sign, rest) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let (mut days, mut secs, mut number, mut in_time, mut any) = (0i64, 0i64, None, false, false);
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' => {
                let d = i64::from(c.to_digit(10)?);
                number = Some(number.unwrap_or(0i64).checked_mul(10)?.checked_add(d)?);
            }
            'T' if number.is_none() => in_time = true,
            unit => {
                let n = number.take()?;
                any = true;
                match (unit, in_time) {
                    ('W', false) => days = days.checked_add(n.checked_mul(7)?)?,
                    ('D', false) => days = days.checked_add(n)?,
                    ('H', true) => secs = secs.checked_add(n.checked_mul(3600)?)?,
                    ('M', true) => secs = secs.checked_add(n.checked_mul(60)?)?,
                    ('S', true) => secs = secs.checked_add(n)?,
                    _ => return None,
                }
            }
        }
    }
    // Nothing longer than a few years means anything for an event's days.
    (any && number.is_none() && days <= 36_600 && secs <= 36_600 * 86_400)
        .then_some((sign * days, sign * secs))
}

/// The occurrences of an RRULE from `start` (wall-clock times in the start's zone) before
/// `end`. `until_local` turns a UTC `UNTIL` into the start's wall-clock time.
pub(super) fn recur(
    start: NaiveDateTime,
    rule: &str,
    until_local: impl Fn(NaiveDateTime) -> NaiveDateTime,
    end: NaiveDateTime,
) -> Result<Vec<NaiveDateTime>, String> {
    // The rule runs on wall-clock times, carried as UTC so that the crate adds no zone of its
    // own; UNTIL is rewritten on the same footing.
    let mut parts = Vec::new();
    for part in rule.trim().split(';').filter(|p| !p.is_empty()) {
        let Some((key, value)) = part.split_once('=') else {
            return Err(format!("RRULE `{rule}`: `{part}` is not KEY=VALUE"));
        };
        if !key.trim().eq_ignore_ascii_case("UNTIL") {
            parts.push(part.to_string());
            continue;
        }
        let value = value.trim();
        let until = if let Some(utc) = value.strip_suffix(['Z', 'z']) {
            naive_datetime(utc).map(&until_local)
        } else if let Some(d) = date(value) {
            d.and_hms_opt(23, 59, 59)
        } else {
            naive_datetime(value)
        };
        let Some(until) = until else {
            return Err(format!(
                "RRULE `{rule}`: UNTIL `{value}` is not a date or date-time"
            ));
        };
        if until < start {
            return Ok(Vec::new());
        }
        parts.push(format!("UNTIL={}", until.format("%Y%m%dT%H%M%SZ")));
    }
    let text = parts.join(";");
    let parsed: RRule<Unvalidated> = text
        .parse()
        .map_err(|e| format!("RRULE `{rule}` cannot be read: {e}"))?;
    let carrier = rrule::Tz::UTC.from_utc_datetime(&start);
    let set = parsed
        .build(carrier)
        .map_err(|e| format!("RRULE `{rule}` cannot be used: {e}"))?
        .limit();
    let mut out = Vec::new();
    for (i, at) in set.into_iter().enumerate() {
        if i >= MAX_OCCURRENCES {
            return Err(format!(
                "RRULE `{rule}` gives more than {MAX_OCCURRENCES} occurrences before the event ends"
            ));
        }
        let at = at.naive_utc();
        if at >= end {
            break;
        }
        out.push(at);
    }
    Ok(out)
}

/// Undo TEXT escaping (`\n`, `\,`, `\;`, `\\`).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n' | 'N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

fn upper(event: &Component, key: &str) -> String {
    event
        .value(key)
        .map(|v| v.trim().to_ascii_uppercase())
        .unwrap_or_default()
}

/// Events that take no time: cancelled, transparent ("free" in Outlook's own words too).
fn takes_no_time(event: &Component) -> bool {
    upper(event, "STATUS") == "CANCELLED"
        || upper(event, "TRANSP") == "TRANSPARENT"
        || upper(event, "X-MICROSOFT-CDO-BUSYSTATUS") == "FREE"
}

/// How long each occurrence lasts: nominal days, then exact seconds.
type Length = (i64, i64);

/// The busy intervals of one calendar (a VCALENDAR component).
pub(super) fn busy_times(
    calendar: &Component,
    frame: &Frame,
    problems: &mut Vec<(usize, String)>,
) -> Vec<Found> {
    let mut out = Vec::new();
    if upper(calendar, "METHOD") == "CANCEL" {
        return out;
    }
    let events: Vec<&Component> = calendar
        .children
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    // Instances moved or changed elsewhere in the file (RECURRENCE-ID), by UID.
    let mut moved: HashMap<&str, Vec<When>> = HashMap::new();
    for event in &events {
        if let (Some(uid), Some(rid)) = (event.value("UID"), event.prop("RECURRENCE-ID")) {
            match when(&rid.value, rid, frame) {
                Ok(w) => moved.entry(uid.trim()).or_default().push(w),
                Err(m) => problems.push((rid.line, m)),
            }
        }
    }
    for event in events {
        let overridden = match (event.value("UID"), event.prop("RECURRENCE-ID")) {
            (Some(uid), None) => moved.get(uid.trim()).map(Vec::as_slice).unwrap_or(&[]),
            _ => &[],
        };
        if let Err((line, message)) = event_times(event, overridden, frame, &mut out, problems) {
            problems.push((line, format!("{message}; this event is left out")));
        }
    }
    for period in calendar.children.iter().filter(|c| c.name == "VFREEBUSY") {
        free_busy(period, frame, &mut out, problems);
    }
    out
}

fn event_times(
    event: &Component,
    overridden: &[When],
    frame: &Frame,
    out: &mut Vec<Found>,
    problems: &mut Vec<(usize, String)>,
) -> Result<(), (usize, String)> {
    if takes_no_time(event) {
        return Ok(());
    }
    let start_prop = event
        .prop("DTSTART")
        .ok_or_else(|| (event.line, "an event without DTSTART".to_string()))?;
    let start = when(&start_prop.value, start_prop, frame).map_err(|m| (start_prop.line, m))?;
    let length: Length = if let Some(end_prop) = event.prop("DTEND") {
        let end = when(&end_prop.value, end_prop, frame).map_err(|m| (end_prop.line, m))?;
        match (&start, &end) {
            (When::Date(a), When::Date(b)) => ((*b - *a).num_days(), 0),
            (When::Time(a, za), When::Time(b, zb)) => {
                (0, zb.instant(*b, frame.tz) - za.instant(*a, frame.tz))
            }
            _ => {
                return Err((
                    end_prop.line,
                    "DTSTART and DTEND are not both dates or both date-times".to_string(),
                ))
            }
        }
    } else if let Some(d) = event.prop("DURATION") {
        duration(&d.value).ok_or_else(|| {
            (
                d.line,
                format!("DURATION `{}` is not a duration such as PT1H30M", d.value),
            )
        })?
    } else if matches!(start, When::Date(_)) {
        (1, 0)
    } else {
        (0, 0)
    };
    let summary = match upper(event, "CLASS").as_str() {
        "PRIVATE" | "CONFIDENTIAL" => None,
        _ => event
            .value("SUMMARY")
            .map(text)
            .filter(|s| !s.trim().is_empty()),
    };
    let mut starts = vec![start.clone()];
    let end_local = |zone: &Zone| zone.local(frame.window.1, frame.tz) + Days::new(1);
    for rule in event.props("RRULE") {
        let expanded = match &start {
            When::Date(d) => recur(
                d.and_time(NaiveTime::MIN),
                &rule.value,
                |utc| utc,
                Zone::Floating.local(frame.window.1, frame.tz) + Days::new(1),
            )
            .map(|v| {
                v.into_iter()
                    .map(|n| When::Date(n.date()))
                    .collect::<Vec<_>>()
            }),
            When::Time(n, zone) => recur(
                *n,
                &rule.value,
                |utc| zone.local(utc.and_utc().timestamp(), frame.tz),
                end_local(zone),
            )
            .map(|v| {
                v.into_iter()
                    .map(|n| When::Time(n, zone.clone()))
                    .collect::<Vec<_>>()
            }),
        };
        match expanded {
            Ok(more) => starts.extend(more),
            Err(m) => problems.push((rule.line, format!("{m}; only its first occurrence is kept"))),
        }
    }
    for rdate in event.props("RDATE") {
        for item in rdate.value.split(',') {
            // A PERIOD (start/end) counts from its start with the event's length.
            let first = item.split('/').next().unwrap_or(item);
            match when(first, rdate, frame) {
                Ok(w) => starts.push(w),
                Err(m) => problems.push((rdate.line, m)),
            }
        }
    }
    let key = |w: &When| match w {
        When::Date(d) => (Some(*d), None),
        When::Time(n, z) => (None, Some(z.instant(*n, frame.tz))),
    };
    let same = |a: &When, b: &When| {
        let (ka, kb) = (key(a), key(b));
        match (ka, kb) {
            ((Some(x), _), (Some(y), _)) => x == y,
            ((_, Some(x)), (_, Some(y))) => x == y,
            // A date against a date-time: the same day in the event's zone.
            ((Some(d), _), (_, Some(t))) | ((_, Some(t)), (Some(d), _)) => {
                crate::time::to_local(frame.tz, t).date_naive() == d
            }
            _ => false,
        }
    };
    let mut removed: Vec<When> = overridden.to_vec();
    for exdate in event.props("EXDATE") {
        for item in exdate.value.split(',') {
            match when(item, exdate, frame) {
                Ok(w) => removed.push(w),
                Err(m) => problems.push((exdate.line, m)),
            }
        }
    }
    let mut seen = HashSet::new();
    for occurrence in starts {
        if removed.iter().any(|r| same(r, &occurrence)) || !seen.insert(key(&occurrence)) {
            continue;
        }
        let (from, to) = match &occurrence {
            When::Date(d) => {
                let days = if length == (0, 0) { 1 } else { length.0 };
                let end = d
                    .checked_add_signed(Duration::days(days))
                    .unwrap_or(NaiveDate::MAX);
                (day_start(frame.tz, *d), day_start(frame.tz, end) + length.1)
            }
            When::Time(n, zone) => {
                let end = n
                    .checked_add_signed(Duration::days(length.0))
                    .unwrap_or(NaiveDateTime::MAX);
                (
                    zone.instant(*n, frame.tz),
                    zone.instant(end, frame.tz) + length.1,
                )
            }
        };
        if to > from && to > frame.window.0 && from < frame.window.1 {
            out.push(Found {
                from,
                to,
                summary: summary.clone(),
                line: event.line,
            });
        }
    }
    Ok(())
}

fn free_busy(
    component: &Component,
    frame: &Frame,
    out: &mut Vec<Found>,
    problems: &mut Vec<(usize, String)>,
) {
    for prop in component.props("FREEBUSY") {
        let kind = prop.param("FBTYPE").unwrap_or("BUSY").to_ascii_uppercase();
        if kind == "FREE" {
            continue;
        }
        for period in prop.value.split(',') {
            let Some((a, b)) = period.split_once('/') else {
                problems.push((
                    prop.line,
                    format!("FREEBUSY period `{period}` is not start/end or start/duration"),
                ));
                continue;
            };
            let from = match when(a, prop, frame) {
                Ok(When::Time(n, z)) => z.instant(n, frame.tz),
                Ok(When::Date(_)) | Err(_) => {
                    problems.push((
                        prop.line,
                        format!("FREEBUSY period `{period}` does not start with a date-time"),
                    ));
                    continue;
                }
            };
            let to = if let Some((days, secs)) = duration(b) {
                from + days * 86_400 + secs
            } else {
                match when(b, prop, frame) {
                    Ok(When::Time(n, z)) => z.instant(n, frame.tz),
                    _ => {
                        problems.push((
                            prop.line,
                            format!("FREEBUSY period `{period}` does not end with a date-time or a duration"),
                        ));
                        continue;
                    }
                }
            };
            if to > from && to > frame.window.0 && from < frame.window.1 {
                out.push(Found {
                    from,
                    to,
                    summary: None,
                    line: prop.line,
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration("PT1H30M"), Some((0, 5400)));
        assert_eq!(duration("P1D"), Some((1, 0)));
        assert_eq!(duration("P2W"), Some((14, 0)));
        assert_eq!(duration("-PT15M"), Some((0, -900)));
        assert_eq!(duration("P1DT2H"), Some((1, 7200)));
        assert_eq!(duration("PT"), None);
        assert_eq!(duration("P1H"), None);
        assert_eq!(duration("P99999999999999999999D"), None);
    }

    #[test]
    fn weekly_rule_on_wall_clock_times() {
        let start = naive_datetime("20171107T140000").unwrap();
        let end = naive_datetime("20171206T000000").unwrap();
        let got = recur(start, "FREQ=WEEKLY;BYDAY=TU", |n| n, end).unwrap();
        assert_eq!(got.len(), 5);
        assert_eq!(got[4], naive_datetime("20171205T140000").unwrap());
        // UNTIL in UTC, turned into Paris wall-clock time (+1 hour) before use.
        let until_paris = |n: NaiveDateTime| n + Duration::hours(1);
        let got = recur(
            start,
            "FREQ=WEEKLY;UNTIL=20171128T130000Z",
            until_paris,
            end,
        )
        .unwrap();
        assert_eq!(got.len(), 4);
        assert!(recur(start, "FREQ=SOMETIMES", |n| n, end).is_err());
    }
}
