//! What a frab export holds and where, shared by the XML and JSON writers: which sessions go
//! out (and which cannot, and why), the days with their real start and end, the name each room
//! and track is shown under, and the identifiers apps key on — GUIDs (UUID v5 of the ids),
//! numeric ids and slugs — all derived deterministically from the program.
//!
//! It decides nothing about syntax: escaping and layout belong to the writers.

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::{Datelike, NaiveDate, Timelike};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::export::agenda::{Agenda, Entry};
use crate::export::clean;
use crate::ids::frab::{acronym, event_wide_guid, guid, slug_tail};
use crate::model::Program;
use crate::time::{day_start, to_local, Instant};

/// The role a person has in an exported session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Speaker,
    Moderator,
}

/// One exported session.
#[derive(Debug, Clone)]
pub struct Item<'p> {
    /// Index in `program.sessions`.
    pub session: usize,
    pub start: Instant,
    pub end: Instant,
    /// Index in `program.rooms`.
    pub room: usize,
    /// Index in `program.tracks`, when the session names a defined track.
    pub track: Option<usize>,
    /// Defined speakers in the order written, then moderators not already listed.
    pub people: Vec<(usize, Role)>,
    pub guid: Uuid,
    /// Where the start's and the end's texts are in [`Plan::clocks`].
    pub clocks: (usize, usize),
    /// The legacy numeric id every reader still requires: stable, unique, positive.
    pub number: u32,
    /// `acronym-tail`, lowercase; the tail gives back the session id on import.
    pub slug: String,
    /// The session's language, or the event's when the event file gives one.
    pub language: Option<Cow<'p, str>>,
    /// Title, and description split into abstract and the rest: cleaned of control and bidi
    /// characters, as every export of agora does (borrowed from the program when that leaves
    /// them as they are).
    pub title: Cow<'p, str>,
    pub abstract_: Cow<'p, str>,
    pub description: Cow<'p, str>,
}

/// One day of the event, as the apps page through them: sessions starting from 06:00 that
/// day to 06:00 the next (see [`DAY_CHANGE_HOURS`]).
#[derive(Debug, Clone)]
pub struct Day {
    /// 1-based.
    pub index: usize,
    pub date: NaiveDate,
    /// Start of the first session, or local midnight on a day without sessions.
    pub start: Instant,
    /// End of the last session, or the next local midnight on a day without sessions.
    pub end: Instant,
    /// Indices into [`Plan::items`], in (start, room, session id) order.
    pub items: Vec<usize>,
    /// The same per room (index in [`Plan::rooms`]), each in start order: built once, so
    /// writing every room of every day does not scan the day once per room.
    by_room: Vec<Vec<usize>>,
}

/// An instant as both schedules write it, in the plan's zone.
#[derive(Debug, Clone)]
pub struct Clock {
    /// With its offset: `2017-12-07T09:30:00+01:00`.
    pub rfc3339: String,
    /// The local `HH:MM`.
    pub hh_mm: String,
}

/// How a room or track is shown: its name, made unique when two share one.
#[derive(Debug, Clone)]
pub struct Shown {
    pub name: String,
    pub guid: Uuid,
    /// A room's location, cleaned.
    pub location: Option<String>,
}

/// A speaker in the export: identifiers, and name and biography cleaned.
#[derive(Debug, Clone)]
pub struct Person {
    pub guid: Uuid,
    pub number: u32,
    pub name: String,
    pub bio: Option<String>,
}

/// Everything both writers need.
pub struct Plan<'p> {
    pub program: &'p Program,
    pub tz: Tz,
    /// Lowercase, `[a-z0-9_]`, at least 4 characters: valid for both schemas.
    pub acronym: String,
    /// The event's name and description, cleaned.
    pub event_name: String,
    pub event_description: Option<String>,
    pub items: Vec<Item<'p>>,
    pub days: Vec<Day>,
    /// Per `program.rooms`, then the event-wide column when some break or social has no room
    /// (every event of the format sits in a room; this one has the [`event_wide_guid`]).
    pub rooms: &'p [Shown],
    /// Per `program.tracks`.
    pub tracks: &'p [Shown],
    /// Per `program.speakers`.
    pub people: &'p [Person],
    /// The grid step, in minutes (1 to 60).
    pub timeslot: i64,
    /// The texts of the items' starts and ends, made once per distinct instant (a program
    /// has a few hundred), not once per session and writer.
    pub clocks: Vec<Clock>,
}

/// What a plan takes from the whole event, the same for every part of a split: the rooms,
/// tracks and people with their shown names, GUIDs and numbers. Made once per export
/// ([`Whole::new`]), not once per plan: a split by speaker makes a plan per speaker, and each
/// would otherwise hash every speaker's and room's id again.
pub struct Whole {
    rooms: Vec<Shown>,
    /// The same, then the event-wide column (see [`Plan::rooms`]).
    rooms_and_event_wide: Vec<Shown>,
    tracks: Vec<Shown>,
    people: Vec<Person>,
}

impl Whole {
    pub fn new(program: &Program) -> Whole {
        let event_id = program.event.id.as_str();
        let rooms_with = |event_wide: bool| {
            let mut rooms = shown(
                program
                    .rooms
                    .iter()
                    .map(|r| (r.id.as_str(), r.name.as_str()))
                    .chain(event_wide.then_some(("*", program.event.name.as_str()))),
                event_id,
                "room",
            );
            if event_wide {
                if let Some(column) = rooms.last_mut() {
                    column.guid = event_wide_guid();
                }
            }
            for (shown, room) in rooms.iter_mut().zip(&program.rooms) {
                shown.location = clean::opt_line(room.location.as_deref());
            }
            rooms
        };
        let tracks = shown(
            program
                .tracks
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str())),
            event_id,
            "track",
        );
        // GUIDs and cleaned names on every core; the numbers handed out in id order.
        let mut people: Vec<Person> =
            crate::parallel::map_in_pieces(&program.speakers, 2_000, |speaker| Person {
                guid: guid(event_id, "speaker", &speaker.id),
                number: 0,
                name: clean::line(&speaker.name),
                bio: clean::opt_block(speaker.bio.as_deref()),
            });
        let mut order: Vec<(u64, &str, usize)> = program
            .speakers
            .iter()
            .enumerate()
            .map(|(i, speaker)| (crate::ids::sort_prefix(&speaker.id), speaker.id.as_str(), i))
            .collect();
        order.sort_unstable();
        let mut used =
            foldhash::HashSet::with_capacity_and_hasher(people.len(), Default::default());
        for (.., i) in order {
            people[i].number = unique_number(&people[i].guid, &mut used);
        }
        Whole {
            rooms: rooms_with(false),
            rooms_and_event_wide: rooms_with(true),
            tracks,
            people,
        }
    }
}

impl<'p> Plan<'p> {
    /// The plan of the agenda's sessions: their times, rooms, tracks and people as the
    /// agenda resolved them. Rooms, tracks and days stay the whole event's.
    pub fn new(agenda: &Agenda<'p>, whole: &'p Whole) -> Plan<'p> {
        let program = agenda.program;
        // Apps and the schema key on canonical names: `US/Eastern` is `America/New_York`.
        let tz = crate::zones::canonical(program.event.timezone);
        let event_id = program.event.id.as_str();
        let acronym = acronym(event_id);

        // In file order, as the identifiers of duplicated ids are handed out below. (Sorted as
        // (index, entry) pairs: a key read through each entry would miss the cache at every
        // comparison.)
        let mut entries: Vec<(usize, &Entry)> =
            agenda.entries.iter().map(|e| (e.index, e)).collect();
        entries.sort_unstable_by_key(|&(index, _)| index);
        // A second session with the same id (a duplicate-id error) still needs its own GUID
        // and slug: it is exported as `id-2`, `id-3`, … like the other exports do. The keys are
        // handed out in file order, one after the other; the rest of each item on every core.
        // Every id, made only when some id comes twice.
        let mut keys: Option<HashSet<String>> = None;
        let mut seen: foldhash::HashSet<&str> =
            foldhash::HashSet::with_capacity_and_hasher(entries.len(), Default::default());
        let mut picked: Vec<(usize, &Entry, Instant, Instant, Cow<str>)> =
            Vec::with_capacity(entries.len());
        for (_, entry) in entries {
            let session = &program.sessions[entry.index];
            // Left out (as `super::left_out_of` lists them): cancelled sessions, which
            // frab and pretalx leave out too (apps that saw them before report them as
            // cancelled when their GUID disappears), and sessions with no place in a
            // timetable.
            if entry.status == crate::model::Status::Cancelled {
                continue;
            }
            let Some((start, end)) = entry.slot else {
                continue;
            };
            let key = if seen.insert(session.id.as_str()) {
                Cow::Borrowed(session.id.as_str())
            } else {
                let keys = keys
                    .get_or_insert_with(|| program.sessions.iter().map(|s| s.id.clone()).collect());
                let mut n = 2;
                while keys.contains(&format!("{}-{n}", session.id)) {
                    n += 1;
                }
                let key = format!("{}-{n}", session.id);
                keys.insert(key.clone());
                Cow::Owned(key)
            };
            picked.push((picked.len(), entry, start, end, key));
        }
        // The timetable's order: by start, room, then session id; file order between equals.
        // The keys are laid out beside each other first, so that comparing two reaches into a
        // session only when their first eight id bytes tie.
        let room_of = |e: &Entry| e.room.unwrap_or(program.rooms.len());
        let mut order: Vec<(Instant, usize, u64, &str, usize)> = picked
            .iter()
            .map(|(n, entry, start, _, _)| {
                let id = program.sessions[entry.index].id.as_str();
                (*start, room_of(entry), crate::ids::sort_prefix(id), id, *n)
            })
            .collect();
        order.sort_unstable();
        let mut items = crate::parallel::map_in_pieces(&order, 2_000, |&(.., n)| {
            let (_, entry, start, end, key) = &picked[n];
            let i = entry.index;
            let session = &program.sessions[i];
            // Scheduled without a room: an event-wide break or social.
            let room = room_of(entry);
            let people: Vec<(usize, Role)> = (entry.speakers.iter().map(|&p| (p, Role::Speaker)))
                .chain(entry.moderators.iter().map(|&p| (p, Role::Moderator)))
                .collect();
            // Never invented: the session's, else the event's when its file gives one.
            let language = session.language.as_deref().or_else(|| {
                program
                    .event
                    .language_given
                    .then_some(program.event.language.as_str())
            });
            // As written (white space included), so importing the export gives it back.
            let (abstract_, description) =
                match clean::opt_faithful_block(session.description.as_deref()) {
                    None => (Cow::Borrowed(""), Cow::Borrowed("")),
                    Some(Cow::Borrowed(text)) => {
                        let (first, rest) = split_description(text);
                        (Cow::Borrowed(first), Cow::Borrowed(rest))
                    }
                    Some(Cow::Owned(text)) => {
                        let (first, rest) = split_description(&text);
                        (Cow::Owned(first.to_string()), Cow::Owned(rest.to_string()))
                    }
                };
            Item {
                session: i,
                start: *start,
                end: *end,
                room,
                track: entry.track,
                people,
                guid: guid(event_id, "session", key),
                clocks: (0, 0),
                number: 0,
                slug: format!("{acronym}-{}", slug_tail(key)),
                language: language.map(clean::cleaned_line),
                // The agenda's title, cleaned as every export cleans it.
                title: entry.title.clone(),
                abstract_,
                description,
            }
        });
        // Numbers are handed out in session-id order, so adding a session elsewhere in the
        // file never renumbers the others.
        // (Equal ids, a duplicate-id error, in file order.)
        // (The id's first bytes decide most comparisons without reading the id itself.)
        let mut by_id: Vec<(u64, &str, usize, usize)> = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let id = program.sessions[item.session].id.as_str();
                (crate::ids::sort_prefix(id), id, order[i].4, i)
            })
            .collect();
        by_id.sort_unstable();
        let mut used = foldhash::HashSet::with_capacity_and_hasher(items.len(), Default::default());
        for (.., i) in by_id {
            items[i].number = unique_number(&items[i].guid, &mut used);
        }

        let days = days(program, tz, &items);
        let event_wide = items.iter().any(|item| item.room == program.rooms.len());
        let rooms = if event_wide {
            &whole.rooms_and_event_wide
        } else {
            &whole.rooms
        };
        let timeslot = timeslot(tz, &items);
        let clocks = clocks(tz, &mut items);
        Plan {
            program,
            tz,
            acronym,
            event_name: clean::line(&program.event.name),
            event_description: clean::opt_block(program.event.description.as_deref()),
            items,
            days,
            rooms,
            tracks: &whole.tracks,
            people: &whole.people,
            timeslot,
            clocks,
        }
    }

    pub fn first_date(&self) -> NaiveDate {
        self.days
            .first()
            .map(|d| d.date)
            .unwrap_or(self.program.event.start)
    }

    pub fn last_date(&self) -> NaiveDate {
        self.days
            .last()
            .map(|d| d.date)
            .unwrap_or(self.program.event.end)
    }

    /// The items of `day` in `room`, in start order.
    pub fn in_room<'a>(&'a self, day: &'a Day, room: usize) -> impl Iterator<Item = &'a Item<'p>> {
        day.by_room
            .get(room)
            .into_iter()
            .flatten()
            .map(|&i| &self.items[i])
    }
}

/// A positive 31-bit number taken from a GUID, moved to the next free one on a clash.
fn unique_number(guid: &Uuid, used: &mut foldhash::HashSet<u32>) -> u32 {
    let b = guid.as_bytes();
    let mut n = u32::from_be_bytes([b[0], b[1], b[2], b[3]]) & 0x7fff_ffff;
    if n == 0 {
        n = 1;
    }
    while !used.insert(n) {
        n = if n == 0x7fff_ffff { 1 } else { n + 1 };
    }
    n
}

/// The texts of every item's start and end, each distinct instant once; each item's
/// [`Item::clocks`] set to where its own are.
fn clocks(tz: Tz, items: &mut [Item]) -> Vec<Clock> {
    let mut instants: Vec<Instant> = items.iter().flat_map(|i| [i.start, i.end]).collect();
    instants.sort_unstable();
    instants.dedup();
    for item in items.iter_mut() {
        item.clocks = (
            instants.partition_point(|&t| t < item.start),
            instants.partition_point(|&t| t < item.end),
        );
    }
    instants
        .iter()
        .map(|&t| {
            let local = to_local(tz, t);
            Clock {
                rfc3339: crate::time::rfc3339(tz, t),
                hh_mm: format!("{:02}:{:02}", local.hour(), local.minute()),
            }
        })
        .collect()
}

/// Names made unique: a name already taken gets the item's id in parentheses.
fn shown<'a>(
    items: impl Iterator<Item = (&'a str, &'a str)>,
    event: &str,
    kind: &str,
) -> Vec<Shown> {
    let mut taken: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for (id, name) in items {
        let name = clean::line(name);
        let name = name.as_str();
        let mut shown = name.to_string();
        if taken.contains_key(&shown) || shown.trim().is_empty() {
            shown = if name.trim().is_empty() {
                id.to_string()
            } else {
                format!("{name} ({id})")
            };
        }
        let mut n = 2;
        let base = shown.clone();
        while taken.contains_key(&shown) {
            shown = format!("{base} {n}");
            n += 1;
        }
        taken.insert(shown.clone(), out.len());
        out.push(Shown {
            name: shown,
            guid: guid(event, kind, id),
            location: None,
        });
    }
    out
}

/// When a conference day ends: a session starting before 06:00 belongs to the night of the
/// day before. Giggity places `<start>` on the day's date with this very day change (its
/// default, which a schedule.xml valid against the XSD cannot override), so a 00:30 session
/// listed under the calendar day would show a whole day late there.
pub const DAY_CHANGE_HOURS: i64 = 6;

/// The conference day a session starting at `t` belongs to.
pub fn conference_day(tz: Tz, t: Instant) -> NaiveDate {
    (to_local(tz, t).naive_local() - chrono::Duration::hours(DAY_CHANGE_HOURS)).date()
}

/// The event's days (of an event of at most `MAX_LISTED_DAYS` days), plus any day a session
/// falls on outside them.
fn days(program: &Program, tz: Tz, items: &[Item]) -> Vec<Day> {
    let mut dates: BTreeSet<NaiveDate> = program.event.listed_days().collect();
    let date_of = |t: Instant| conference_day(tz, t);
    for item in items {
        dates.insert(date_of(item.start));
    }
    let mut days: Vec<Day> = dates
        .into_iter()
        .enumerate()
        .map(|(i, date)| Day {
            index: i + 1,
            date,
            start: day_start(tz, date),
            end: date
                .succ_opt()
                .map(|next| day_start(tz, next))
                .unwrap_or_else(|| day_start(tz, date) + 86_400),
            items: Vec::new(),
            by_room: Vec::new(),
        })
        .collect();
    let position: HashMap<NaiveDate, usize> =
        days.iter().enumerate().map(|(i, d)| (d.date, i)).collect();
    // Every room, and the event-wide column.
    let columns = program.rooms.len() + 1;
    for (i, item) in items.iter().enumerate() {
        if let Some(&d) = position.get(&date_of(item.start)) {
            let day = &mut days[d];
            day.items.push(i);
            if day.by_room.is_empty() {
                day.by_room = vec![Vec::new(); columns];
            }
            if let Some(list) = day.by_room.get_mut(item.room) {
                list.push(i);
            }
        }
    }
    for day in &mut days {
        if let (Some(first), Some(last)) = (
            day.items.iter().map(|&i| items[i].start).min(),
            day.items.iter().map(|&i| items[i].end).max(),
        ) {
            day.start = first;
            day.end = last;
        }
    }
    days
}

/// The largest step (dividing an hour) that every start and duration is a multiple of.
fn timeslot(tz: Tz, items: &[Item]) -> i64 {
    fn gcd(a: i64, b: i64) -> i64 {
        if b == 0 {
            a
        } else {
            gcd(b, a % b)
        }
    }
    if items.is_empty() {
        return 15;
    }
    let mut step = 60;
    for item in items {
        let local = to_local(tz, item.start);
        let minute = i64::from(local.hour() * 60 + local.minute());
        let duration = (item.end - item.start) / 60;
        step = gcd(gcd(step, minute), duration);
    }
    step.clamp(1, 60)
}

/// `HH:MM` (hours may exceed 24), or `HH:MM:SS` when seconds are left over.
pub fn hh_mm(seconds: i64) -> String {
    let s = seconds.max(0);
    if s % 60 == 0 {
        format!("{:02}:{:02}", s / 3600, (s / 60) % 60)
    } else {
        format!("{:02}:{:02}:{:02}", s / 3600, (s / 60) % 60, s % 60)
    }
}

/// `HH:MM`, rounding leftover seconds up (the JSON schema has no seconds).
pub fn hh_mm_rounded(seconds: i64) -> String {
    HhMmRounded(seconds).to_string()
}

/// [`hh_mm_rounded`] of a number of seconds, written where it is displayed.
pub struct HhMmRounded(pub i64);

impl std::fmt::Display for HhMmRounded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let minutes = (self.0.max(0) + 59) / 60;
        write!(f, "{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// An absolute http(s) URL that schema validators and apps accept as it is.
pub fn is_http_url(url: &str) -> bool {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    rest.is_some_and(|r| {
        !r.is_empty()
            && url
                .bytes()
                .all(|b| b.is_ascii_graphic() && !b"<>\"{}|\\^`".contains(&b))
    })
}

/// A description split for the format's two fields: the first paragraph as `abstract`, the
/// rest as `description` (apps show them one after the other; the importer joins them back).
pub fn split_description(text: &str) -> (&str, &str) {
    match text.split_once("\n\n") {
        Some((first, rest)) if !first.trim().is_empty() => (first, rest),
        _ => (text, ""),
    }
}

/// A date as the schemas write it.
pub fn date_text(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_urls() {
        assert_eq!(hh_mm(90 * 60), "01:30");
        assert_eq!(hh_mm(125 * 3600), "125:00");
        assert_eq!(hh_mm(61), "00:01:01");
        assert_eq!(hh_mm_rounded(61), "00:02");
        assert!(is_http_url("https://example.org/a?b=c#d"));
        assert!(!is_http_url("https://"));
        assert!(!is_http_url("ftp://example.org"));
        assert!(!is_http_url("https://exa mple.org"));
        assert!(!is_http_url("https://exämple.org"));
    }

    #[test]
    fn descriptions_split_at_the_first_blank_line() {
        assert_eq!(
            split_description("One.\n\nTwo.\n\nThree."),
            ("One.", "Two.\n\nThree.")
        );
        assert_eq!(split_description("Only one."), ("Only one.", ""));
        assert_eq!(split_description("\n\nLate start"), ("\n\nLate start", ""));
    }

    #[test]
    fn night_sessions_belong_to_the_evening_before() {
        let tz = chrono_tz::Europe::Paris;
        // 2017-12-06 00:30 CET and 05:59 CET belong to 5 December; 06:00 to the 6th.
        let at = |h: i64, m: i64| 1_512_518_400 - 3600 + h * 3600 + m * 60;
        let d5 = NaiveDate::from_ymd_opt(2017, 12, 5);
        let d6 = NaiveDate::from_ymd_opt(2017, 12, 6);
        assert_eq!(Some(conference_day(tz, at(0, 30))), d5);
        assert_eq!(Some(conference_day(tz, at(5, 59))), d5);
        assert_eq!(Some(conference_day(tz, at(6, 0))), d6);
    }

    #[test]
    fn numbers_are_positive_and_unique() {
        let mut used = foldhash::HashSet::default();
        let g = Uuid::nil();
        let a = unique_number(&g, &mut used);
        let b = unique_number(&g, &mut used);
        assert_eq!((a, b), (1, 2));
    }
}
