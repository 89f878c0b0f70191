//! How times read in messages: "14:00–15:30", "Tue 5 Dec", in the event's zone.

use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;

use crate::model::DateTimeValue;
use crate::time::{to_local, Instant};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Tue 5 Dec": a date within an event (organisers know the year). Every wording of a day
/// comes from here, from the date itself.
pub fn date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[date.weekday().num_days_from_monday() as usize],
        date.day(),
        MONTHS[date.month0() as usize],
    )
}

/// "Tue 5 Dec 2017": a date that may lie outside the event.
pub fn full_date(d: NaiveDate) -> String {
    format!("{} {}", date(d), d.year())
}

/// "Tue 5 Dec": the local day of `t` within an event.
pub fn day(tz: Tz, t: Instant) -> String {
    date(to_local(tz, t).date_naive())
}

/// "Tue 5 Dec 2017": the local day of `t`, which may lie outside the event.
pub fn full_day(tz: Tz, t: Instant) -> String {
    full_date(to_local(tz, t).date_naive())
}

/// "14:00".
pub fn clock(tz: Tz, t: Instant) -> String {
    let local = to_local(tz, t);
    format!("{:02}:{:02}", local.hour(), local.minute())
}

/// "14:00–15:30", with the end's day when it is another day: "23:30–Wed 6 Dec 01:00".
pub fn span(tz: Tz, start: Instant, end: Instant) -> String {
    let (a, b) = (to_local(tz, start), to_local(tz, end));
    if a.date_naive() == b.date_naive() {
        format!("{}–{}", clock(tz, start), clock(tz, end))
    } else {
        format!("{}–{} {}", clock(tz, start), day(tz, end), clock(tz, end))
    }
}

/// A written date-time as the organiser wrote it: "02:30 on Sun 26 Mar 2017".
pub fn date_time(tz: Tz, value: &DateTimeValue) -> String {
    let naive = match value {
        DateTimeValue::Local(n) => *n,
        DateTimeValue::Fixed(f) => f.with_timezone(&tz).naive_local(),
    };
    format!(
        "{:02}:{:02} on {}",
        naive.hour(),
        naive.minute(),
        full_date(naive.date())
    )
}

pub fn gap_note() -> &'static str {
    " (clocks go forward over it)"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_read_naturally() {
        let tz = chrono_tz::Europe::Paris;
        // 2017-12-05 13:00 UTC = 14:00 in Paris.
        let t = 1_512_478_800;
        assert_eq!(day(tz, t), "Tue 5 Dec");
        assert_eq!(full_day(tz, t), "Tue 5 Dec 2017");
        assert_eq!(span(tz, t, t + 90 * 60), "14:00–15:30");
        assert_eq!(
            span(tz, t + 9 * 3600 + 1800, t + 11 * 3600),
            "23:30–Wed 6 Dec 01:00"
        );
    }

    #[test]
    fn days_read_from_the_date_whatever_the_zone_does() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(super::date(date(2017, 12, 5)), "Tue 5 Dec");
        assert_eq!(full_date(date(2017, 12, 5)), "Tue 5 Dec 2017");
        // Samoa skipped 30 December 2011 entirely, and Kiribati's Line Islands had no 31
        // December 1994: the wording of a date needs no instant inside it.
        assert_eq!(full_date(date(2011, 12, 30)), "Fri 30 Dec 2011");
        assert_eq!(full_date(date(1994, 12, 31)), "Sat 31 Dec 1994");
        // Far ends of the calendar.
        assert_eq!(full_date(date(1, 1, 1)), "Mon 1 Jan 1");
        assert_eq!(full_date(date(9999, 12, 31)), "Fri 31 Dec 9999");
    }
}
