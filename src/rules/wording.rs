//! How times read in messages: "14:00–15:30", "Tue 5 Dec", in the event's zone.

use chrono::{Datelike, NaiveDateTime, Timelike};
use chrono_tz::Tz;

use crate::model::DateTimeValue;
use crate::time::{to_local, Instant};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn day_of(naive: NaiveDateTime) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[naive.weekday().num_days_from_monday() as usize],
        naive.day(),
        MONTHS[naive.month0() as usize],
    )
}

fn day_with_year(naive: NaiveDateTime) -> String {
    format!("{} {}", day_of(naive), naive.year())
}

/// "Tue 5 Dec": the day within an event (organisers know the year).
pub fn day(tz: Tz, t: Instant) -> String {
    day_of(to_local(tz, t).naive_local())
}

/// "Tue 5 Dec 2017": a day that may lie outside the event.
pub fn full_day(tz: Tz, t: Instant) -> String {
    day_with_year(to_local(tz, t).naive_local())
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
        day_with_year(naive)
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
}
