//! The program of an event as the organiser wrote it: event, tracks, rooms, speakers, sessions.
//!
//! Values are kept as written (local date-times stay local, references stay ids) together with
//! where they were written, so rules can point at the right line and a later save can patch the
//! right key. Nothing here is derived: instants, conflicts and lookups are computed from it.

use chrono::{
    DateTime, Datelike as _, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike as _,
};
use chrono_tz::Tz;

use crate::codes::{Level, RuleCode};
use crate::source::{Sources, Span};

/// A whole event: everything read from one file or one directory.
#[derive(Debug)]
pub struct Program {
    pub event: Event,
    pub checks: Checks,
    pub tracks: Vec<Track>,
    pub rooms: Vec<Room>,
    pub speakers: Vec<Speaker>,
    pub sessions: Vec<Session>,
    /// `[placement]`: how `agora place` weighs what it cannot avoid.
    pub placement: Placement,
    pub sources: Sources,
}

#[derive(Debug, Clone)]
pub struct Event {
    pub id: String,
    pub name: String,
    pub timezone: Tz,
    /// First day, local date.
    pub start: NaiveDate,
    /// Last day, inclusive.
    pub end: NaiveDate,
    pub venue: Option<String>,
    pub url: Option<String>,
    /// BCP 47 tag; "en" when the file gives none.
    pub language: String,
    /// Whether the file gives `language`: exports say a session's language only when the
    /// session or the event gives one, never the default.
    pub language_given: bool,
    /// `languages`: every language the event is held in (BCP 47 tags, the first the main
    /// one); empty when the file gives none (then the event is in `language` alone).
    pub languages: Vec<String>,
    pub description: Option<String>,
    /// Minutes calendar programs should wait between refreshes of a subscribed feed
    /// (`refresh`; `None`: the default, one hour).
    pub refresh: Option<i64>,
    /// The `[event]` header.
    pub span: Span,
}

/// Exports list every day of an event that lasts at most this many days, even a day without
/// sessions; a longer event (a year-long festival, or `0001-01-01` to `9999-12-31`) lists only
/// its days with sessions, so no export walks empty time.
pub const MAX_LISTED_DAYS: i64 = 62;

impl Event {
    /// The event's days an export lists even without sessions: see [`listed_days`].
    pub fn listed_days(&self) -> impl Iterator<Item = NaiveDate> {
        listed_days(self.start, self.end)
    }
}

/// The days from `start` to `end` (inclusive) an export lists even without sessions: all of
/// them, or none when there are more than [`MAX_LISTED_DAYS`].
pub fn listed_days(start: NaiveDate, end: NaiveDate) -> impl Iterator<Item = NaiveDate> {
    let short = (end - start).num_days() < MAX_LISTED_DAYS;
    start.iter_days().take_while(move |d| short && *d <= end)
}

/// Per-rule levels after `[checks]`, and the changeover gap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checks {
    levels: [Level; RuleCode::COUNT],
    /// Minimum minutes between a person's consecutive sessions in different rooms.
    pub changeover_minutes: i64,
}

impl Default for Checks {
    fn default() -> Checks {
        let mut levels = [Level::Off; RuleCode::COUNT];
        for code in RuleCode::ALL {
            levels[code.index()] = code.default_level();
        }
        Checks {
            levels,
            changeover_minutes: 10,
        }
    }
}

impl Checks {
    pub fn level(&self, code: RuleCode) -> Level {
        self.levels[code.index()]
    }

    pub fn set_level(&mut self, code: RuleCode, level: Level) {
        self.levels[code.index()] = level;
    }
}

/// `[placement]`: the step of candidate starts and the weights of `agora place`'s objective
/// (see docs/placement.md). Every key is optional; these are the defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// Minutes between two candidate starts.
    pub step: i64,
    /// Cost of one warning-level diagnostic a placement adds.
    pub warning: i64,
    /// Cost of one info-level diagnostic a placement adds.
    pub info: i64,
    /// Per-rule costs, replacing the level's for that rule (`room-closed = 500`).
    pub rules: Vec<(RuleCode, i64)>,
    /// A session of a track in another room than the track's usual one.
    pub tidy_track_room: i64,
    /// Two sessions of one track at the same time (counted even when `track-overlap` is off).
    pub tidy_track_overlap: i64,
    /// A person's consecutive sessions in rooms at different locations less than
    /// `tidy_gap` minutes apart.
    pub tidy_distant_rooms: i64,
    /// Minutes under which two sessions of a person count as back to back.
    pub tidy_gap: i64,
}

impl Default for Placement {
    fn default() -> Placement {
        Placement {
            step: 5,
            warning: 100,
            info: 0,
            rules: Vec::new(),
            tidy_track_room: 3,
            tidy_track_overlap: 5,
            tidy_distant_rooms: 2,
            tidy_gap: 30,
        }
    }
}

impl Placement {
    /// The cost of one diagnostic of `code` reported at `level`.
    pub fn weight(&self, code: RuleCode, level: Level) -> i64 {
        if let Some(&(_, w)) = self.rules.iter().find(|(c, _)| *c == code) {
            return w;
        }
        match level {
            Level::Warning => self.warning,
            Level::Info => self.info,
            _ => 0,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Track {
    pub id: String,
    pub name: String,
    /// `#rrggbb` (see [`is_colour`]).
    pub color: Option<String>,
    pub description: Option<String>,
    pub span: Span,
    pub id_span: Span,
}

/// Whether `text` is a track colour as the format writes it: `#` and six hexadecimal digits,
/// either case (`#2a7ab0`).
pub fn is_colour(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

#[derive(Debug, Clone)]
pub struct Room {
    pub id: String,
    pub name: String,
    /// Seats, 1 to [`MAX_COUNT`].
    pub capacity: Option<u64>,
    pub features: Vec<String>,
    pub accessible: bool,
    pub location: Option<String>,
    /// Opening hours; `None` means always open, an empty list never open.
    pub open: Option<Vec<Window>>,
    /// Calendars (`.ics` files) whose events make the room busy.
    pub busy: Vec<Calendar>,
    pub span: Span,
    pub id_span: Span,
}

#[derive(Debug, Clone)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub affiliation: Option<String>,
    pub role: Option<String>,
    pub bio: Option<String>,
    pub email: Option<String>,
    pub url: Option<String>,
    /// Availability; `None` means always available, an empty list never.
    pub available: Option<Vec<Window>>,
    /// Calendars (`.ics` files) whose events make the person busy.
    pub busy: Vec<Calendar>,
    pub span: Span,
    pub id_span: Span,
}

/// A time window `[from, to)` of a room's opening hours or a person's availability.
#[derive(Debug, Clone)]
pub struct Window {
    pub from: DateTimeValue,
    pub to: DateTimeValue,
    pub span: Span,
}

/// The keys of each kind of item, in the order of docs/format.md: the one order the loader
/// reads (each key's position is its slot), the saver writes entries in, and the importer
/// writes every item in.
pub(crate) mod keys {
    pub const EVENT: [&str; 11] = [
        "id",
        "name",
        "timezone",
        "start",
        "end",
        "venue",
        "url",
        "language",
        "languages",
        "description",
        "refresh",
    ];
    pub const TRACK: [&str; 4] = ["id", "name", "color", "description"];
    pub const ROOM: [&str; 8] = [
        "id",
        "name",
        "capacity",
        "features",
        "accessible",
        "location",
        "open",
        "busy",
    ];
    pub const SPEAKER: [&str; 9] = [
        "id",
        "name",
        "affiliation",
        "role",
        "bio",
        "email",
        "url",
        "available",
        "busy",
    ];
    pub const WINDOW: [&str; 2] = ["from", "to"];
    pub const SESSION: [&str; 21] = [
        "id",
        "title",
        "kind",
        "track",
        "room",
        "start",
        "duration",
        "end",
        "speakers",
        "moderators",
        "expected",
        "requires",
        "plenary",
        "language",
        "interpretation",
        "tags",
        "description",
        "url",
        "status",
        "allow",
        "locked",
    ];
}

/// The largest count (`capacity`, `expected`) a file can hold: the largest TOML integer.
pub const MAX_COUNT: u64 = i64::MAX as u64;

/// A calendar a room or a person points at with `busy = ["calendars/karine.ics"]`, and what
/// loading read from it: the busy times over the event's days, and what could not be read.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// The path as written (relative to the event), and where.
    pub path: Spanned<String>,
    /// Sorted by start.
    pub busy: Vec<BusyTime>,
    pub problems: Vec<CalendarProblem>,
}

impl Calendar {
    /// A reference not read yet (the editor's new items; the loader fills it).
    pub fn unread(path: Spanned<String>) -> Calendar {
        Calendar {
            path,
            busy: Vec::new(),
            problems: Vec::new(),
        }
    }
}

/// One busy interval `[from, to)` of a calendar: an occurrence of an event or a free/busy period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BusyTime {
    pub from: crate::time::Instant,
    pub to: crate::time::Instant,
    /// The event's SUMMARY; `None` for free/busy periods and private events.
    pub summary: Option<String>,
    /// The `BEGIN:VEVENT` (or `FREEBUSY`) line in the calendar's source.
    pub span: Span,
}

/// Something in a calendar file that could not be read (reported as `invalid-calendar`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarProblem {
    /// The offending line of the calendar, or the `busy` entry when the file cannot be read.
    pub span: Span,
    pub message: String,
    pub help: Option<String>,
}

/// A date-time as written: local wall-clock time in the event's zone, or with an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeValue {
    Local(NaiveDateTime),
    Fixed(DateTime<FixedOffset>),
}

/// Why a TOML date-time is not a [`DateTimeValue`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TomlDateTimeError {
    /// A date without a time (`2017-12-05`).
    #[error("a date without a time")]
    DateOnly,
    /// A time without a date (`14:00:00`).
    #[error("a time without a date")]
    TimeOnly,
    /// A date or time that does not exist (`2017-02-30T…`).
    #[error("a date or time that does not exist")]
    Invalid,
    /// An offset chrono cannot carry.
    #[error("an offset out of range")]
    BadOffset,
}

/// The one conversion between a written date-time and its TOML value, both ways: the loader
/// reads with [`DateTimeValue::from_toml`]; the saver, the importer and the generator write
/// with [`DateTimeValue::to_toml`] (or its `Display`, the same text).
impl DateTimeValue {
    /// The value of a TOML date-time that has a date and a time, with or without an offset.
    pub fn from_toml(dt: &toml_datetime::Datetime) -> Result<DateTimeValue, TomlDateTimeError> {
        let (date, time) = match (dt.date, dt.time) {
            (Some(date), Some(time)) => (date, time),
            (Some(_), None) => return Err(TomlDateTimeError::DateOnly),
            _ => return Err(TomlDateTimeError::TimeOnly),
        };
        let naive = NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .and_then(|d| {
            NaiveTime::from_hms_nano_opt(
                u32::from(time.hour),
                u32::from(time.minute),
                u32::from(time.second.unwrap_or(0)),
                time.nanosecond.unwrap_or(0),
            )
            .map(|t| d.and_time(t))
        })
        .ok_or(TomlDateTimeError::Invalid)?;
        match dt.offset {
            None => Ok(DateTimeValue::Local(naive)),
            Some(offset) => {
                let minutes = match offset {
                    toml_datetime::Offset::Z => 0,
                    toml_datetime::Offset::Custom { minutes } => i32::from(minutes),
                };
                FixedOffset::east_opt(minutes * 60)
                    .and_then(|o| naive.and_local_timezone(o).single())
                    .map(DateTimeValue::Fixed)
                    .ok_or(TomlDateTimeError::BadOffset)
            }
        }
    }

    /// The TOML date-time that writes this value: seconds always, a fraction only when there
    /// is one, the offset (`+00:00` for UTC) when it has one.
    pub fn to_toml(&self) -> toml_datetime::Datetime {
        let (naive, offset) = match self {
            DateTimeValue::Local(n) => (*n, None),
            DateTimeValue::Fixed(f) => (
                f.naive_local(),
                Some(toml_datetime::Offset::Custom {
                    minutes: (f.offset().local_minus_utc() / 60) as i16,
                }),
            ),
        };
        // chrono writes a leap second as nanoseconds past 1e9.
        let (second, nanos) = match naive.nanosecond() {
            n if n >= 1_000_000_000 => (60, n - 1_000_000_000),
            n => (naive.second() as u8, n),
        };
        toml_datetime::Datetime {
            date: Some(toml_datetime::Date {
                year: naive.year() as u16,
                month: naive.month() as u8,
                day: naive.day() as u8,
            }),
            time: Some(toml_datetime::Time {
                hour: naive.hour() as u8,
                minute: naive.minute() as u8,
                second: Some(second),
                nanosecond: (nanos != 0).then_some(nanos),
            }),
            offset,
        }
    }
}

impl std::fmt::Display for DateTimeValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.to_toml().fmt(f)
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// A reference by id to a room, track or speaker.
pub type Ref = Spanned<String>;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Talk,
    Keynote,
    Panel,
    Workshop,
    Roundtable,
    Break,
    Social,
    Other,
}

impl Kind {
    pub const NAMES: [&'static str; 8] = [
        "talk",
        "keynote",
        "panel",
        "workshop",
        "roundtable",
        "break",
        "social",
        "other",
    ];
    const ALL: [Kind; 8] = [
        Kind::Talk,
        Kind::Keynote,
        Kind::Panel,
        Kind::Workshop,
        Kind::Roundtable,
        Kind::Break,
        Kind::Social,
        Kind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        Kind::NAMES[Kind::ALL.iter().position(|k| *k == self).unwrap_or(0)]
    }

    pub fn parse(text: &str) -> Option<Kind> {
        Kind::NAMES
            .iter()
            .position(|n| *n == text)
            .map(|i| Kind::ALL[i])
    }

    /// Breaks and socials may be scheduled without a room: they concern the whole event.
    pub fn may_be_event_wide(self) -> bool {
        matches!(self, Kind::Break | Kind::Social)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Confirmed,
    Tentative,
    /// Takes no room and no person's time; exports still show it so calendars drop it.
    Cancelled,
}

impl Status {
    pub const NAMES: [&'static str; 3] = ["confirmed", "tentative", "cancelled"];

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Confirmed => "confirmed",
            Status::Tentative => "tentative",
            Status::Cancelled => "cancelled",
        }
    }

    pub fn parse(text: &str) -> Option<Status> {
        match text {
            "confirmed" => Some(Status::Confirmed),
            "tentative" => Some(Status::Tentative),
            "cancelled" => Some(Status::Cancelled),
            _ => None,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Session {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub track: Option<Ref>,
    pub room: Option<Ref>,
    pub start: Option<Spanned<DateTimeValue>>,
    /// Minutes, as written (may be invalid: below 1).
    pub duration: Option<Spanned<i64>>,
    pub end: Option<Spanned<DateTimeValue>>,
    pub speakers: Vec<Ref>,
    pub moderators: Vec<Ref>,
    /// People expected, 0 to [`MAX_COUNT`].
    pub expected: Option<u64>,
    pub requires: Vec<String>,
    pub plenary: bool,
    pub language: Option<String>,
    /// `interpretation`: the languages the session is interpreted into (BCP 47 tags).
    pub interpretation: Vec<String>,
    pub tags: Vec<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub status: Status,
    /// Rules acknowledged for this session.
    pub allow: Vec<RuleCode>,
    /// `agora place` never moves it.
    pub locked: bool,
    /// The session's table header (`[[sessions]]`) or inline table.
    pub span: Span,
    pub id_span: Span,
}

impl Session {
    /// Speakers then moderators: everyone whose time the session takes.
    pub fn people(&self) -> impl Iterator<Item = &Ref> {
        self.speakers.iter().chain(self.moderators.iter())
    }

    pub fn allows(&self, code: RuleCode) -> bool {
        self.allow.contains(&code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_are_hash_and_six_hex_digits() {
        for ok in ["#2a7ab0", "#FFFFFF", "#000000", "#aBc123"] {
            assert!(is_colour(ok), "{ok}");
        }
        for bad in [
            "",
            "blue",
            "2a7ab0",
            "#2a7ab",
            "#2a7ab00",
            "#2a7abg",
            "#２a7ab0",
            "# 2a7ab",
        ] {
            assert!(!is_colour(bad), "{bad}");
        }
    }

    #[test]
    fn date_times_go_to_toml_and_back() {
        let parse = |text: &str| {
            let dt: toml_datetime::Datetime = text.parse().expect("TOML date-time");
            DateTimeValue::from_toml(&dt)
        };
        for text in [
            "2017-12-05T14:00:00",
            "2017-12-05T14:00:00.5",
            "2017-12-05T14:00:00.123456789",
            "2017-10-29T02:30:00+02:00",
            "2017-10-29T02:30:00-03:30",
            "2017-10-29T02:30:00+00:00",
        ] {
            let value = parse(text).expect(text);
            assert_eq!(value.to_string(), text);
            assert_eq!(DateTimeValue::from_toml(&value.to_toml()), Ok(value));
        }
        // Seconds are always written; `Z` reads as `+00:00`.
        assert_eq!(
            parse("2017-12-05T14:00").expect("no seconds").to_string(),
            "2017-12-05T14:00:00"
        );
        assert_eq!(
            parse("2017-12-05T14:00:00Z").expect("Z").to_string(),
            "2017-12-05T14:00:00+00:00"
        );
        assert_eq!(parse("2017-12-05"), Err(TomlDateTimeError::DateOnly));
        assert_eq!(parse("14:00:00"), Err(TomlDateTimeError::TimeOnly));
    }
}
