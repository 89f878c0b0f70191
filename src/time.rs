//! Wall-clock time in the event's zone, turned into absolute instants.
//!
//! Organisers write local times ("14:00 in Lyon"); every comparison happens on instants (seconds
//! since the Unix epoch, UTC), so sessions across midnight or a DST change compare correctly.
//! A local time that does not exist (spring-forward gap) or occurs twice (autumn fold) is
//! reported, never guessed silently.

use chrono::{
    DateTime, Duration, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset as _,
    TimeZone,
};
use chrono_tz::Tz;

use crate::model::DateTimeValue;

/// Seconds since 1970-01-01T00:00:00Z.
pub type Instant = i64;

/// The first and last instants every output can write, in UTC and in any zone: from
/// 0001-01-02T00:00:00Z to 9999-12-30T00:00:00Z, a day inside the years 0001..9999 that
/// iCalendar (four-digit years), JSON and CSV (RFC 3339) allow, so that no offset can push a
/// local time out of them.
pub const FIRST_INSTANT: Instant = -62_135_510_400;
pub const LAST_INSTANT: Instant = 253_402_128_000;

/// Whether every output can write `instant`, in UTC and in the event's zone.
pub fn representable(instant: Instant) -> bool {
    (FIRST_INSTANT..=LAST_INSTANT).contains(&instant)
}

/// What a written date-time means as an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    /// Exactly one instant.
    Exact(Instant),
    /// The local time occurs twice; this is the earlier instant.
    Ambiguous(Instant),
    /// The local time does not exist (it falls in a DST gap).
    Gap,
}

/// What a wall-clock time is in a zone: the one place that asks whether a local time is
/// unique, in a fold or in a gap (the rules, the ics writer and the importer all ask here).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocalTime {
    /// It names exactly one instant.
    Unique(DateTime<FixedOffset>),
    /// It happens twice (clocks go back): the earlier and the later instant.
    Fold(DateTime<FixedOffset>, DateTime<FixedOffset>),
    /// It never happens (clocks go forward).
    Gap,
}

/// What `naive` is on the clocks of `tz`.
pub fn local_time(tz: Tz, naive: &NaiveDateTime) -> LocalTime {
    let fixed = |dt: DateTime<Tz>| dt.with_timezone(&dt.offset().fix());
    match tz.from_local_datetime(naive) {
        LocalResult::Single(dt) => LocalTime::Unique(fixed(dt)),
        LocalResult::Ambiguous(a, b) => LocalTime::Fold(fixed(a), fixed(b)),
        LocalResult::None => LocalTime::Gap,
    }
}

/// Whether the wall-clock time `t` shows in `tz` names `t` and nothing else (not in a fold),
/// so writing it as a local time keeps the instant exactly.
pub fn is_unique_local(tz: Tz, t: Instant) -> bool {
    let naive = to_local(tz, t).naive_local();
    matches!(local_time(tz, &naive), LocalTime::Unique(dt) if dt.timestamp() == t)
}

/// Resolve a written date-time in the event's zone.
pub fn resolve(tz: Tz, value: &DateTimeValue) -> Resolved {
    match value {
        DateTimeValue::Fixed(dt) => Resolved::Exact(dt.timestamp()),
        DateTimeValue::Local(naive) => match local_time(tz, naive) {
            LocalTime::Unique(dt) => Resolved::Exact(dt.timestamp()),
            LocalTime::Fold(earliest, _) => Resolved::Ambiguous(earliest.timestamp()),
            LocalTime::Gap => Resolved::Gap,
        },
    }
}

/// Resolves many date-times in one zone, remembering local times already seen: a program
/// has far fewer distinct start times than sessions, and the zone lookup is the costly part.
pub struct Resolver {
    tz: Tz,
    seen: std::collections::HashMap<NaiveDateTime, Resolved, foldhash::fast::FixedState>,
}

impl Resolver {
    pub fn new(tz: Tz) -> Resolver {
        Resolver {
            tz,
            seen: Default::default(),
        }
    }

    pub fn tz(&self) -> Tz {
        self.tz
    }

    pub fn resolve(&mut self, value: &DateTimeValue) -> Resolved {
        match value {
            DateTimeValue::Fixed(_) => resolve(self.tz, value),
            DateTimeValue::Local(naive) => {
                let tz = self.tz;
                *self
                    .seen
                    .entry(*naive)
                    .or_insert_with(|| resolve(tz, value))
            }
        }
    }
}

/// Resolve without failing, for bounds such as windows and event days: a time in a gap maps
/// to the instant the clock would show it had it not jumped (the offset before the gap), a
/// time in a fold to the earlier instant.
pub fn resolve_lenient(tz: Tz, value: &DateTimeValue) -> Instant {
    match value {
        DateTimeValue::Fixed(dt) => dt.timestamp(),
        DateTimeValue::Local(naive) => local_lenient(tz, *naive),
    }
}

pub fn local_lenient(tz: Tz, naive: NaiveDateTime) -> Instant {
    match local_time(tz, &naive) {
        LocalTime::Unique(dt) | LocalTime::Fold(dt, _) => dt.timestamp(),
        LocalTime::Gap => {
            // The offset in force just before the gap; gaps are shorter than a day.
            let before = naive - Duration::hours(24);
            let offset = match local_time(tz, &before) {
                LocalTime::Unique(dt) | LocalTime::Fold(dt, _) => {
                    i64::from(dt.offset().local_minus_utc())
                }
                LocalTime::Gap => 0,
            };
            naive.and_utc().timestamp() - offset
        }
    }
}

/// Local midnight at the start of `date`.
pub fn day_start(tz: Tz, date: NaiveDate) -> Instant {
    local_lenient(tz, date.and_time(NaiveTime::MIN))
}

/// The instant as a date-time in the event's zone.
pub fn to_local(tz: Tz, instant: Instant) -> DateTime<Tz> {
    let utc = DateTime::from_timestamp(instant, 0).unwrap_or(DateTime::UNIX_EPOCH);
    utc.with_timezone(&tz)
}

/// Whether the clocks change on `date` in `tz` (its offset at midnight and at the next
/// midnight differ, or the day is not 24 hours long): the day on which a wall-clock time needs
/// its offset to say which instant it is.
pub fn clocks_change_on(tz: Tz, date: NaiveDate) -> bool {
    let offset = |t| to_local(tz, t).offset().fix();
    let midnight = day_start(tz, date);
    let next = day_start(tz, date + chrono::Duration::days(1));
    offset(midnight) != offset(next) || next - midnight != 86_400
}

/// "+02:00": the zone's offset at `t`.
pub fn offset_text(tz: Tz, t: Instant) -> String {
    to_local(tz, t).format("%:z").to_string()
}

/// RFC 3339 with the zone's offset, as the JSON of `check` writes it.
pub fn rfc3339(tz: Tz, instant: Instant) -> String {
    to_local(tz, instant).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> DateTimeValue {
        DateTimeValue::Local(NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap())
    }

    #[test]
    fn representable_bounds_are_a_day_inside_years_1_and_9999() {
        let first = DateTime::from_timestamp(FIRST_INSTANT, 0).unwrap();
        let last = DateTime::from_timestamp(LAST_INSTANT, 0).unwrap();
        assert_eq!(first.to_rfc3339(), "0001-01-02T00:00:00+00:00");
        assert_eq!(last.to_rfc3339(), "9999-12-30T00:00:00+00:00");
        assert!(representable(0) && !representable(LAST_INSTANT + 1));
    }

    /// The limit recorded in docs/reliability.md ("Europe/Paris after 2100"): chrono-tz's
    /// tables end with the 2099 transitions. When an upgrade extends them, this fails: update
    /// the document (and drop this test).
    #[test]
    fn the_compiled_tz_data_has_no_daylight_saving_after_2099() {
        let tz = chrono_tz::Europe::Paris;
        let summer = |y: i32| {
            let noon = NaiveDate::from_ymd_opt(y, 7, 1)
                .and_then(|d| d.and_hms_opt(12, 0, 0))
                .unwrap();
            to_local(tz, noon.and_utc().timestamp())
                .offset()
                .fix()
                .local_minus_utc()
        };
        assert_eq!(summer(2099), 7200);
        assert_eq!(summer(2100), 3600);
        assert_eq!(summer(2500), 3600);
    }

    #[test]
    fn gap_and_fold_in_paris() {
        let tz = chrono_tz::Europe::Paris;
        // 2017-03-26 02:30 does not exist in Paris.
        assert_eq!(resolve(tz, &local("2017-03-26T02:30:00")), Resolved::Gap);
        // 2017-10-29 02:30 happens twice; the earlier is 00:30 UTC.
        assert_eq!(
            resolve(tz, &local("2017-10-29T02:30:00")),
            Resolved::Ambiguous(1_509_237_000)
        );
        // Lenient resolution of the gap time gives 03:30 CEST = 01:30 UTC.
        assert_eq!(
            resolve_lenient(tz, &local("2017-03-26T02:30:00")),
            1_490_491_800
        );
    }

    #[test]
    fn local_times_are_unique_folded_or_missing() {
        let tz = chrono_tz::Europe::Paris;
        let naive = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").unwrap();
        assert_eq!(
            local_time(tz, &naive("2017-03-26T02:30:00")),
            LocalTime::Gap
        );
        let LocalTime::Fold(a, b) = local_time(tz, &naive("2017-10-29T02:30:00")) else {
            panic!("fold")
        };
        assert_eq!(
            (a.timestamp(), b.timestamp()),
            (1_509_237_000, 1_509_240_600)
        );
        assert_eq!(
            (a.offset().local_minus_utc(), b.offset().local_minus_utc()),
            (7200, 3600)
        );
        let LocalTime::Unique(t) = local_time(tz, &naive("2017-12-05T14:00:00")) else {
            panic!("unique")
        };
        assert_eq!(t.timestamp(), 1_512_478_800);
        // Both instants of the fold show 02:30: neither is unique; the hour after is.
        assert!(!is_unique_local(tz, 1_509_237_000));
        assert!(!is_unique_local(tz, 1_509_240_600));
        assert!(is_unique_local(tz, 1_509_240_600 + 3600));
        assert!(is_unique_local(tz, 1_512_478_800));
    }

    #[test]
    fn non_whole_hour_offsets() {
        let kolkata = chrono_tz::Asia::Kolkata;
        let Resolved::Exact(t) = resolve(kolkata, &local("2024-01-10T09:00:00")) else {
            panic!("exact")
        };
        assert_eq!(rfc3339(kolkata, t), "2024-01-10T09:00:00+05:30");
        let chatham = chrono_tz::Pacific::Chatham;
        let Resolved::Exact(t) = resolve(chatham, &local("2024-01-10T09:00:00")) else {
            panic!("exact")
        };
        assert_eq!(rfc3339(chatham, t), "2024-01-10T09:00:00+13:45");
    }
}
