//! A frab/pentabarf `schedule.xml` or C3VOC `schedule.json` turned into agora's items: the
//! format is recognised from the content, read into a [`Foreign`] schedule and mapped onto
//! an event, tracks, rooms, speakers and sessions with valid, unique, deterministic ids.
//!
//! Nothing is dropped silently: every field agora has no place for, and every value that had
//! to be changed to be valid, is listed in [`Imported::notes`]. Instants are kept exactly:
//! a local time that would be ambiguous in the event's zone is written with its offset.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset};
use chrono_tz::Tz;

use super::foreign::{
    date_time, impossible_date, Foreign, ForeignEvent, ForeignPerson, ImportError, Shape,
};
use crate::ids::frab::{event_wide_guid, id_from_slug_tail};
use crate::ids::{is_valid_id, slugify};
use crate::model::{DateTimeValue, Kind, Status};
use crate::time::{to_local, Instant};

/// An imported program, ready to be written as TOML.
#[derive(Debug, Clone)]
pub struct Imported {
    pub shape: Shape,
    /// The producer (`generator`), when the file names it.
    pub generator: Option<String>,
    /// The schedule's version string, when given.
    pub version: Option<String>,
    pub event: ImportedEvent,
    pub tracks: Vec<ImportedTrack>,
    pub rooms: Vec<ImportedRoom>,
    pub speakers: Vec<ImportedSpeaker>,
    pub sessions: Vec<ImportedSession>,
    /// What was dropped or changed, and why: one sentence each.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ImportedEvent {
    pub id: String,
    pub name: String,
    pub timezone: Tz,
    /// Set when the zone was not in the file and was deduced from the offsets.
    pub timezone_guessed: bool,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub venue: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ImportedTrack {
    pub id: String,
    pub name: String,
    pub color: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ImportedRoom {
    pub id: String,
    pub name: String,
    pub capacity: Option<u32>,
    pub location: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ImportedSpeaker {
    pub id: String,
    pub name: String,
    pub bio: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ImportedSession {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub track: Option<String>,
    pub room: Option<String>,
    /// As written in the TOML: local, or with an offset where the local time is ambiguous.
    pub start: Option<DateTimeValue>,
    /// The start instant, as the source gives it.
    pub instant: Option<Instant>,
    /// Minutes.
    pub duration: Option<i64>,
    /// Only when the duration is not a whole number of minutes.
    pub end: Option<DateTimeValue>,
    pub speakers: Vec<String>,
    pub moderators: Vec<String>,
    pub language: Option<String>,
    pub tags: Vec<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub status: Status,
}

/// The text of a schedule file: UTF-8, or the Latin-1/Windows-1252 an XML declaration names
/// (older pentabarf exports). `Err` gives the byte offset where UTF-8 decoding failed.
pub fn decode(bytes: Vec<u8>) -> Result<String, usize> {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return Ok(text),
        Err(e) => e.into_bytes(),
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(200)]).to_ascii_lowercase();
    let declared = head.starts_with("<?xml")
        && [
            "iso-8859-1",
            "iso-8859-15",
            "latin1",
            "latin-1",
            "windows-1252",
            "cp1252",
        ]
        .iter()
        .any(|name| {
            head.contains(&format!("encoding=\"{name}\""))
                || head.contains(&format!("encoding='{name}'"))
        });
    if !declared {
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(e) => e.valid_up_to(),
        };
        return Err(valid);
    }
    // Windows-1252 is what "ISO-8859-1" means in practice (browsers read it so).
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    Ok(bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => CP1252[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect())
}

/// Import a schedule from the text of a file, recognising XML or JSON from the content.
pub fn import(text: &str) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let foreign = match text.trim_start().chars().next() {
        Some('<') => super::read_xml::read(text)?,
        Some('{' | '[') => super::read_json::read(text)?,
        // Other JSON (a string, a number, null): read as JSON, to say what it holds.
        _ if serde_json::from_str::<serde_json::Value>(text).is_ok() => {
            super::read_json::read(text)?
        }
        _ => {
            return Err(ImportError::general(
                "this is neither XML nor JSON: give a frab/pentabarf schedule.xml or a \
                 frab/C3VOC schedule.json (as pretalx and frab export them)",
            ))
        }
    };
    map(foreign)
}

/// Ids already handed out for one kind of item.
#[derive(Default)]
struct Ids(HashSet<String>);

impl Ids {
    /// `base`, or `base-2`, `base-3`, … when taken (kept within 64 characters).
    fn claim(&mut self, base: &str) -> String {
        if self.0.insert(base.to_string()) {
            return base.to_string();
        }
        for n in 2.. {
            let suffix = format!("-{n}");
            let mut stem = base.to_string();
            stem.truncate(64 - suffix.len());
            let candidate = format!("{}{suffix}", stem.trim_end_matches(['-', '.', '_']));
            if self.0.insert(candidate.clone()) {
                return candidate;
            }
        }
        unreachable!("some suffix is always free")
    }
}

/// A readable id from `text`: slugified, at most `max` characters, cut at a word boundary.
fn slug_id(text: &str, max: usize) -> Option<String> {
    let slug = slugify(text)?;
    if slug.len() <= max {
        return Some(slug);
    }
    let cut = &slug[..max];
    // Cut at the last word boundary, unless the cut already falls on one.
    let cut = match cut.rfind('-') {
        Some(i) if i >= max / 2 && slug.as_bytes()[max] != b'-' => &cut[..i],
        _ => cut,
    };
    let cut = cut.trim_end_matches(['-', '.', '_']);
    is_valid_id(cut).then(|| cut.to_string())
}

/// Names compare with runs of white space as one space and none at either end.
fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kind a producer's `type` stands for, and whether it says exactly that.
fn kind_of(kind: &str) -> (Kind, bool) {
    let lower = kind.trim().to_lowercase();
    if let Some(k) = Kind::parse(&lower) {
        return (k, true);
    }
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    let k = if has(&["keynote"]) {
        Kind::Keynote
    } else if has(&["workshop", "hands-on", "handson", "tutorial"]) {
        Kind::Workshop
    } else if has(&["panel", "podium"]) {
        Kind::Panel
    } else if has(&[
        "roundtable",
        "round table",
        "discussion",
        "bof",
        "birds of a feather",
        "meeting",
        "meetup",
    ]) {
        Kind::Roundtable
    } else if has(&["break", "pause", "lunch", "coffee", "dinner", "breakfast"]) {
        Kind::Break
    } else if has(&["social", "party", "concert", "reception", "networking"]) {
        Kind::Social
    } else if has(&[
        "talk",
        "lecture",
        "lightning",
        "presentation",
        "devroom",
        "maintrack",
        "vortrag",
        "conference",
    ]) {
        Kind::Talk
    } else {
        Kind::Other
    };
    (k, false)
}

/// `HH:MM`, `HH:MM:SS`, `D:HH:MM:SS` or plain minutes, in seconds (`None` beyond a year).
#[cfg(test)]
fn duration_seconds(text: &str) -> Option<i64> {
    read_duration(text).ok().flatten()
}

/// A written duration in seconds; `Ok(None)` when it is not written in a form agora reads,
/// `Err` with what is wrong when it is negative or longer than a session can be.
fn read_duration(text: &str) -> Result<Option<i64>, String> {
    let text = text.trim();
    let parts: Option<Vec<i128>> = text
        .split(':')
        .map(|p| p.trim().parse::<i128>().ok())
        .collect();
    let Some(parts) = parts else {
        return Ok(None);
    };
    if parts.iter().any(|n| *n < 0) || text.starts_with('-') {
        return Err(format!(
            "the duration `{text}` is negative: write how long the session lasts, e.g. `00:45`"
        ));
    }
    let seconds = match parts.as_slice() {
        [minutes] => minutes.saturating_mul(60),
        [h, m] => h.saturating_mul(3600).saturating_add(m.saturating_mul(60)),
        [h, m, s] => h
            .saturating_mul(3600)
            .saturating_add(m.saturating_mul(60))
            .saturating_add(*s),
        [d, h, m, s] => d
            .saturating_mul(86_400)
            .saturating_add(h.saturating_mul(3600))
            .saturating_add(m.saturating_mul(60))
            .saturating_add(*s),
        _ => return Ok(None),
    };
    if seconds > i128::from(MAX_SECONDS) {
        return Err(format!(
            "the duration `{text}` is too large: {} hours, longer than the {} days a session \
             may last (write HH:MM, e.g. `01:30`)",
            seconds / 3600,
            MAX_SECONDS / 86_400
        ));
    }
    Ok(i64::try_from(seconds).ok())
}

/// The longest session taken from a file: a year (anything longer is a typo).
const MAX_SECONDS: i64 = 366 * 86_400;

/// Years TOML and every zone conversion can carry, with a margin.
fn plausible(date: NaiveDate) -> bool {
    (2..=9997).contains(&chrono::Datelike::year(&date))
}

/// A written date-time: with an offset, or local (read in the event's zone later).
enum Written {
    Fixed(DateTime<FixedOffset>),
    Local(NaiveDateTime),
}

fn written(text: &str) -> Option<Written> {
    if let Some(dt) = date_time(text) {
        return plausible(dt.naive_utc().date()).then_some(Written::Fixed(dt));
    }
    let t = text.trim();
    [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(t, f).ok())
    .filter(|naive| plausible(naive.date()))
    .map(Written::Local)
}

fn local_instant(tz: Tz, naive: NaiveDateTime) -> Instant {
    crate::time::local_lenient(tz, naive)
}

fn instant_of(tz: Tz, w: &Written) -> Instant {
    match w {
        Written::Fixed(dt) => dt.timestamp(),
        Written::Local(naive) => local_instant(tz, *naive),
    }
}

/// The instant as agora writes it: local time in `tz`, or with its offset where that local
/// time happens twice (or never) in `tz`, so the instant is kept exactly.
pub(crate) fn as_written(tz: Tz, instant: Instant) -> DateTimeValue {
    let local = to_local(tz, instant);
    if crate::time::is_unique_local(tz, instant) {
        DateTimeValue::Local(local.naive_local())
    } else {
        DateTimeValue::Fixed(local.fixed_offset())
    }
}

/// The zone of the file, or one deduced from the offsets its times are written with.
fn zone(foreign: &Foreign, notes: &mut Vec<String>) -> (Tz, bool) {
    if let Some(name) = foreign.time_zone.as_deref() {
        match name.trim().parse::<Tz>() {
            Ok(tz) if crate::zones::is_deprecated(tz) => {
                let canonical = crate::zones::canonical(tz);
                notes.push(format!(
                    "The time zone `{name}` is a deprecated name of {}: written as that (the same times, the name schemas and apps expect).",
                    canonical.name()
                ));
                return (canonical, false);
            }
            Ok(tz) => return (tz, false),
            Err(_) => notes.push(format!(
                "The time zone `{name}` is not an IANA zone name: it was deduced from the times' offsets instead."
            )),
        }
    }
    let mut samples: BTreeMap<i32, (Instant, Instant)> = BTreeMap::new();
    let mut add = |dt: DateTime<FixedOffset>| {
        let offset = dt.offset().local_minus_utc();
        let t = dt.timestamp();
        let entry = samples.entry(offset).or_insert((t, t));
        entry.0 = entry.0.min(t);
        entry.1 = entry.1.max(t);
    };
    for e in &foreign.events {
        if let Some(dt) = e.date.as_deref().and_then(date_time) {
            add(dt);
        }
    }
    for d in &foreign.days {
        d.start.into_iter().chain(d.end).for_each(&mut add);
    }
    let offsets: Vec<i32> = samples.keys().copied().collect();
    let fits = |tz: &Tz| {
        samples.iter().all(|(offset, (a, b))| {
            [a, b]
                .iter()
                .all(|t| to_local(*tz, **t).offset().fix().local_minus_utc() == *offset)
        })
    };
    let describe = |o: i32| {
        FixedOffset::east_opt(o)
            .map(|f| f.to_string())
            .unwrap_or_default()
    };
    match offsets.as_slice() {
        [] => {
            notes.push(
                "The file gives no time zone and no offsets: times are read as UTC. Set `timezone` to the event's zone."
                    .to_string(),
            );
            (Tz::UTC, true)
        }
        [0] => {
            notes.push(
                "The file gives no time zone; every time is in UTC, so the event uses UTC."
                    .to_string(),
            );
            (Tz::UTC, true)
        }
        [single] if single % 3600 == 0 => {
            let hours = single / 3600;
            // POSIX sign: Etc/GMT-1 is one hour ahead of UTC.
            let name = format!(
                "Etc/GMT{}{}",
                if hours > 0 { "-" } else { "+" },
                hours.abs()
            );
            let tz = name.parse::<Tz>().unwrap_or(Tz::UTC);
            notes.push(format!(
                "The file gives no time zone; every time is at {}, so the event uses {name} (that offset all year). \
                 Set `timezone` to the event's real zone (such as Europe/Berlin) before moving sessions across a daylight-saving change.",
                describe(*single)
            ));
            (tz, true)
        }
        _ => {
            let found = chrono_tz::TZ_VARIANTS
                .iter()
                .filter(|tz| tz.name().contains('/') && !tz.name().starts_with("Etc/"))
                .find(|tz| fits(tz))
                .copied();
            match found {
                Some(tz) => {
                    notes.push(format!(
                        "The file gives no time zone; its offsets ({}) fit {}, which the event uses. Check it is the event's real zone.",
                        offsets.iter().map(|o| describe(*o)).collect::<Vec<_>>().join(", "),
                        tz.name()
                    ));
                    (tz, true)
                }
                None => {
                    notes.push(format!(
                        "The file gives no time zone and its offsets ({}) fit no known zone: the event uses UTC, and every instant is kept.",
                        offsets.iter().map(|o| describe(*o)).collect::<Vec<_>>().join(", ")
                    ));
                    (Tz::UTC, true)
                }
            }
        }
    }
}

/// Counts of what happened to many items, to report once.
#[derive(Default)]
struct Tally {
    subtitles: usize,
    links: usize,
    zero_length: usize,
    no_time: Vec<String>,
    bad_language: BTreeMap<String, usize>,
    types: BTreeMap<String, (Kind, usize)>,
    renamed_sessions: usize,
    cancelled: usize,
    unnamed_rooms: usize,
    /// Person lists given as text whose separators are ambiguous.
    unsplit: Vec<String>,
    /// Sessions whose abstract or description was HTML, converted to Markdown.
    html: usize,
    /// Language names mapped to tags ("English → en"), and lists of languages seen.
    language_names: BTreeMap<String, usize>,
    language_lists: usize,
}

fn map(foreign: Foreign) -> Result<Imported, ImportError> {
    let mut notes = Vec::new();
    let (tz, timezone_guessed) = zone(&foreign, &mut notes);
    let shape = foreign.shape.unwrap_or(Shape::Xml);

    // Tracks: declared ones, then any an event names.
    let mut tracks: Vec<ImportedTrack> = Vec::new();
    let mut track_ids = Ids::default();
    let mut track_by_name: HashMap<String, usize> = HashMap::new();
    let mut bad_colors = 0;
    let mut add_track = |name: &str,
                         slug: Option<&str>,
                         color: Option<&str>,
                         tracks: &mut Vec<ImportedTrack>|
     -> usize {
        if let Some(&i) = track_by_name.get(&name_key(name)) {
            return i;
        }
        let base = slug
            .filter(|s| is_valid_id(s))
            .map(str::to_string)
            .or_else(|| slug_id(name, 48))
            .unwrap_or_else(|| "track".to_string());
        let color = color.map(str::trim).filter(|c| !c.is_empty());
        let valid = color.filter(|c| crate::model::is_colour(c));
        if color.is_some() && valid.is_none() {
            bad_colors += 1;
        }
        tracks.push(ImportedTrack {
            id: track_ids.claim(&base),
            name: name.trim().to_string(),
            color: valid.map(str::to_lowercase),
        });
        let i = tracks.len() - 1;
        track_by_name.insert(name_key(name), i);
        i
    };
    let mut track_by_slug: HashMap<String, usize> = HashMap::new();
    for t in &foreign.tracks {
        let i = add_track(&t.name, t.slug.as_deref(), t.color.as_deref(), &mut tracks);
        if let Some(slug) = &t.slug {
            track_by_slug.entry(slug.clone()).or_insert(i);
        }
    }

    // Rooms: declared ones (conference or day columns), then any an event names.
    let mut rooms: Vec<ImportedRoom> = Vec::new();
    let mut room_ids = Ids::default();
    let mut room_by_name: HashMap<String, usize> = HashMap::new();
    let mut room_by_guid: HashMap<String, usize> = HashMap::new();
    let mut add_room = |name: &str,
                        slug: Option<&str>,
                        capacity: Option<f64>,
                        location: Option<&str>,
                        rooms: &mut Vec<ImportedRoom>|
     -> usize {
        if let Some(&i) = room_by_name.get(&name_key(name)) {
            return i;
        }
        let base = slug
            .filter(|s| is_valid_id(s))
            .map(str::to_string)
            .or_else(|| slug_id(name, 48))
            .unwrap_or_else(|| "room".to_string());
        rooms.push(ImportedRoom {
            id: room_ids.claim(&base),
            name: name.trim().to_string(),
            capacity: capacity
                .filter(|c| *c >= 1.0 && c.fract() == 0.0 && *c <= f64::from(u32::MAX))
                .map(|c| c as u32),
            location: location.map(str::to_string),
        });
        let i = rooms.len() - 1;
        room_by_name.insert(name_key(name), i);
        i
    };
    // agora's own exports put event-wide breaks in a column with a known GUID: those
    // sessions come back without a room.
    let event_wide = event_wide_guid().to_string();
    let is_event_wide =
        |guid: Option<&str>| guid.is_some_and(|g| g.eq_ignore_ascii_case(&event_wide));
    let event_wide_rooms: HashSet<String> = foreign
        .rooms
        .iter()
        .filter(|r| is_event_wide(r.guid.as_deref()))
        .map(|r| name_key(&r.name))
        .collect();
    for r in &foreign.rooms {
        if is_event_wide(r.guid.as_deref()) {
            continue;
        }
        let i = add_room(
            &r.name,
            r.slug.as_deref(),
            r.capacity,
            r.description.as_deref(),
            &mut rooms,
        );
        if let Some(guid) = &r.guid {
            room_by_guid.entry(guid.clone()).or_insert(i);
        }
    }

    let People {
        speakers,
        speaker_of,
        notes: people_notes,
    } = people(&foreign);

    let mut tally = Tally::default();
    let acronym = foreign.acronym.clone().unwrap_or_default();
    let mut session_ids = Ids::default();
    let mut sessions = Vec::with_capacity(foreign.events.len());
    for (n, e) in foreign.events.iter().enumerate() {
        let room = match (e.room.as_deref(), e.room_guid.as_deref()) {
            _ if is_event_wide(e.room_guid.as_deref()) => None,
            (Some(name), _) if event_wide_rooms.contains(&name_key(name)) => None,
            (Some(name), _) => Some(add_room(name, None, None, None, &mut rooms)),
            (None, Some(guid)) => match room_by_guid.get(guid) {
                Some(&i) => Some(i),
                None => {
                    tally.unnamed_rooms += 1;
                    None
                }
            },
            (None, None) => None,
        };
        let track = match (e.track.as_deref(), e.track_slug.as_deref()) {
            (Some(name), _) => Some(add_track(name, None, None, &mut tracks)),
            (None, Some(slug)) => track_by_slug
                .get(slug)
                .copied()
                .or_else(|| Some(add_track(slug, Some(slug), None, &mut tracks))),
            (None, None) => None,
        };
        let mut speaker_list = Vec::new();
        let mut moderator_list = Vec::new();
        for (p, &i) in e.persons.iter().zip(&speaker_of[n]) {
            let id = speakers[i].id.clone();
            if speaker_list.contains(&id) || moderator_list.contains(&id) {
                continue;
            }
            if p.moderator {
                moderator_list.push(id);
            } else {
                speaker_list.push(id);
            }
        }
        tally
            .unsplit
            .extend(e.unsplit.iter().map(|t| format!("'{t}' ('{}')", e.title)));
        let (start, duration) = times(e, &foreign, tz, &mut tally)?;
        let session = session(
            e,
            &acronym,
            &mut session_ids,
            &mut tally,
            SessionParts {
                room: room.map(|r| rooms[r].id.clone()),
                track: track.map(|t| tracks[t].id.clone()),
                start,
                duration,
                speakers: speaker_list,
                moderators: moderator_list,
                tz,
                event_url: foreign.url.clone(),
                base: foreign.base_url.clone().or_else(|| foreign.url.clone()),
            },
        );
        sessions.push(session);
    }

    if sessions.is_empty() {
        return Err(ImportError::general(format!(
            "this {} holds no session ({} day(s), {} room(s), {} track(s), no event): there is nothing to import",
            shape.describe(),
            foreign.days.len(),
            rooms.len(),
            tracks.len()
        )));
    }
    let event = event(&foreign, tz, timezone_guessed, &sessions, &mut notes);

    // Notes, in the order an organiser reads them.
    notes.extend(people_notes);
    if !tally.unsplit.is_empty() {
        notes.push(format!(
            "{} person list(s) written as text could not be split into names safely (a comma or \"and\" between single words) and are kept as one speaker each: {}. Split them by hand if they are several people.",
            tally.unsplit.len(),
            abbreviate(&tally.unsplit)
        ));
    }
    if tally.cancelled > 0 {
        notes.push(format!(
            "{} cancelled session(s) imported with status = \"cancelled\".",
            tally.cancelled
        ));
    }
    if !tally.no_time.is_empty() {
        notes.push(format!(
            "{} session(s) have no usable date or start time and are imported unscheduled: {}.",
            tally.no_time.len(),
            abbreviate(&tally.no_time)
        ));
    }
    if tally.zero_length > 0 {
        notes.push(format!(
            "{} session(s) have no duration (or 00:00) in the file: given 1 minute, the shortest agora accepts.",
            tally.zero_length
        ));
    }
    if tally.unnamed_rooms > 0 {
        notes.push(format!(
            "{} session(s) name a room that the file does not define: imported without a room.",
            tally.unnamed_rooms
        ));
    }
    let lossy: Vec<String> = tally
        .types
        .iter()
        .map(|(t, (k, n))| format!("{t} → {} ({n})", k.as_str()))
        .collect();
    if !lossy.is_empty() {
        notes.push(format!(
            "Types mapped to agora kinds, the original type kept as a tag: {}.",
            lossy.join(", ")
        ));
    }
    if tally.subtitles > 0 {
        notes.push(format!(
            "{} subtitle(s) kept as the first paragraph of the description (agora sessions have no subtitle).",
            tally.subtitles
        ));
    }
    if tally.html > 0 {
        notes.push(format!(
            "{} session(s) have HTML in their abstract or description: converted to Markdown, relative links made absolute.",
            tally.html
        ));
    }
    if tally.links > 0 {
        notes.push(format!(
            "{} link(s) and attachment(s) kept as a list at the end of the description (an agora session has one url).",
            tally.links
        ));
    }
    for (tag, n) in &tally.bad_language {
        notes.push(format!(
            "Language `{tag}` ({n} session(s)) is neither a BCP 47 tag nor a language's name: dropped (no language is guessed)."
        ));
    }
    if !tally.language_names.is_empty() {
        let mapped: Vec<String> = tally
            .language_names
            .iter()
            .map(|(m, n)| format!("{m} ({n})"))
            .collect();
        notes.push(format!(
            "Language names written as tags: {}.",
            mapped.join(", ")
        ));
    }
    if tally.language_lists > 0 {
        notes.push(format!(
            "{} session(s) give several languages: the first is the session's `language`, the others are kept as `lang:` tags.",
            tally.language_lists
        ));
    }
    if tally.renamed_sessions > 0 {
        notes.push(format!(
            "{} session id(s) made unique with a -2, -3… suffix (their slugs or titles were the same).",
            tally.renamed_sessions
        ));
    }
    if bad_colors > 0 {
        notes.push(format!(
            "{bad_colors} track colour(s) are not #rrggbb: dropped."
        ));
    }
    for (field, n) in &foreign.unused {
        notes.push(format!(
            "Dropped `{field}` ({n} time(s)): agora has no place for it."
        ));
    }

    Ok(Imported {
        shape,
        generator: foreign.generator.clone(),
        version: foreign.version.clone(),
        event,
        tracks,
        rooms,
        speakers,
        sessions,
        notes,
    })
}

fn abbreviate(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(5).map(String::as_str).collect();
    let more = items.len().saturating_sub(5);
    if more > 0 {
        format!("{}, and {more} more", shown.join(", "))
    } else {
        shown.join(", ")
    }
}

fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Names compare for identity with white space collapsed and case folded.
fn name_fold(name: &str) -> String {
    name_key(name).to_lowercase()
}

/// Who is who, as found: the speakers, the speaker of every person of every event, and the
/// notes to report about ids and names that do not go one to one.
struct People {
    speakers: Vec<ImportedSpeaker>,
    speaker_of: Vec<Vec<usize>>,
    notes: Vec<String>,
}

/// The part of a person id shown in a derived speaker id: short ids whole, GUIDs by their
/// first 8 characters.
fn short_key(key: &str) -> String {
    let slug = slugify(key).unwrap_or_default();
    if slug.len() <= 12 {
        slug
    } else {
        slug.chars().take(8).collect()
    }
}

/// One speaker per person, a person being an id *and* a name: one id under several names is
/// several people (merged C3VOC schedules reuse ids), one name under several ids stays several
/// speakers (reported, for the organiser to merge if they are one). A person without an id is
/// known by the name, and is the person with an id of the same name when there is exactly one.
/// In agora's own exports (`generator` agora) the id alone counts, so two speakers who share a
/// name stay two.
fn people(foreign: &Foreign) -> People {
    let trusted = foreign
        .generator
        .as_deref()
        .is_some_and(|g| g.split_whitespace().next() == Some("agora"));
    // Identities: (key, folded name); the key is empty for people without an id.
    let identity = |p: &ForeignPerson| -> (String, String) {
        let key = if trusted {
            p.slug.as_ref().or(p.key.as_ref())
        } else {
            p.key.as_ref()
        };
        match key.map(|k| k.trim()).filter(|k| !k.is_empty()) {
            Some(k) if trusted => (k.to_string(), String::new()),
            Some(k) => (k.to_string(), name_fold(&p.name)),
            None => (String::new(), name_fold(&p.name)),
        }
    };
    let mut keyed_names: HashMap<String, HashSet<String>> = HashMap::new();
    for p in foreign.events.iter().flat_map(|e| &e.persons) {
        let (key, name) = identity(p);
        if !key.is_empty() && !trusted {
            keyed_names.entry(name).or_default().insert(key);
        }
    }
    let resolve = |p: &ForeignPerson| -> (String, String) {
        let (key, name) = identity(p);
        if key.is_empty() {
            if let Some(keys) = keyed_names.get(&name).filter(|k| k.len() == 1) {
                if let Some(only) = keys.iter().next() {
                    return (only.clone(), name);
                }
            }
        }
        (key, name)
    };
    // First pass: the identities in order of first appearance.
    let mut order: Vec<((String, String), &ForeignPerson)> = Vec::new();
    let mut index: HashMap<(String, String), usize> = HashMap::new();
    let mut occurrences: Vec<Vec<usize>> = Vec::with_capacity(foreign.events.len());
    for e in &foreign.events {
        let mut row = Vec::with_capacity(e.persons.len());
        for p in &e.persons {
            let id = resolve(p);
            let next = order.len();
            let i = *index.entry(id.clone()).or_insert(next);
            if i == next {
                order.push((id, p));
            }
            row.push(i);
        }
        occurrences.push(row);
    }
    // Names under several ids, and ids under several names.
    let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut by_key: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, ((key, name), _)) in order.iter().enumerate() {
        if !trusted {
            by_name.entry(name.as_str()).or_default().push(i);
        }
        if !key.is_empty() {
            by_key.entry(key.as_str()).or_default().push(i);
        }
    }
    let shared_name: HashSet<usize> = by_name
        .values()
        .filter(|v| v.len() > 1)
        .flatten()
        .copied()
        .collect();
    let extra: HashMap<&str, &ForeignPerson> = foreign
        .people
        .iter()
        .filter_map(|p| p.key.as_deref().map(|k| (k, p)))
        .collect();
    let mut ids = Ids::default();
    let mut speakers: Vec<ImportedSpeaker> = Vec::with_capacity(order.len());
    for (i, ((key, _), p)) in order.iter().enumerate() {
        let from_slug = p
            .slug
            .as_deref()
            .filter(|s| is_valid_id(s))
            .map(str::to_string);
        let base = from_slug
            .or_else(|| {
                // One name under several ids: the id tells them apart, stably.
                shared_name
                    .contains(&i)
                    .then(|| slug_id(&format!("{} {}", p.name, short_key(key)), 48))
                    .flatten()
            })
            .or_else(|| slug_id(&p.name, 48))
            .unwrap_or_else(|| "speaker".to_string());
        speakers.push(ImportedSpeaker {
            id: ids.claim(&base),
            name: p.name.trim().to_string(),
            bio: None,
            url: None,
        });
    }
    // Biographies and URLs: the first occurrence that gives one, else the people list.
    for (e, row) in foreign.events.iter().zip(&occurrences) {
        for (p, &i) in e.persons.iter().zip(row) {
            let more = p.key.as_deref().and_then(|k| extra.get(k).copied());
            let s = &mut speakers[i];
            if s.bio.is_none() {
                s.bio = p
                    .biography
                    .clone()
                    .or_else(|| more.and_then(|m| m.biography.clone()))
                    .map(|b| normalise_newlines(&b));
            }
            if s.url.is_none() {
                s.url = p.url.clone().or_else(|| more.and_then(|m| m.url.clone()));
            }
        }
    }
    let mut notes = Vec::new();
    let list = |members: &[usize]| -> String {
        members
            .iter()
            .map(|&i| format!("{} (`{}`)", speakers[i].name, speakers[i].id))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let several_names: Vec<(&str, &Vec<usize>)> = by_key
        .iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(k, v)| (*k, v))
        .collect();
    for (key, members) in several_names.iter().take(10) {
        notes.push(format!(
            "Person id `{key}` carries {} different names: imported as {} speakers, each session keeping the person it names: {}.",
            members.len(),
            members.len(),
            list(members)
        ));
    }
    if several_names.len() > 10 {
        notes.push(format!(
            "… and {} more person ids carry several names, each name imported as its own speaker.",
            several_names.len() - 10
        ));
    }
    let several_ids: Vec<&Vec<usize>> = by_name.values().filter(|v| v.len() > 1).collect();
    for members in several_ids.iter().take(10) {
        let keys: Vec<String> = members
            .iter()
            .map(|&i| format!("`{}`", order[i].0 .0))
            .collect();
        notes.push(format!(
            "The name {} appears under {} person ids ({}): kept as {} speakers ({}); if they are one person, merge them by hand.",
            speakers[members[0]].name,
            members.len(),
            keys.join(", "),
            members.len(),
            members
                .iter()
                .map(|&i| format!("`{}`", speakers[i].id))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if several_ids.len() > 10 {
        notes.push(format!(
            "… and {} more names appear under several person ids, kept apart too.",
            several_ids.len() - 10
        ));
    }
    People {
        speakers,
        speaker_of: occurrences,
        notes,
    }
}

/// When a session starts and for how many seconds, as the file says. An impossible date
/// (`2024-02-30`) or a negative or too large duration is an error placed in the file, never
/// replaced by another value.
fn times(
    e: &ForeignEvent,
    foreign: &Foreign,
    tz: Tz,
    tally: &mut Tally,
) -> Result<(Option<Instant>, i64), ImportError> {
    let titled = |message: String| format!("session '{}': {message}", e.title);
    for (field, value) in [("date", &e.date), ("end", &e.end)] {
        if let Some(why) = value.as_deref().and_then(impossible_date) {
            return Err(e.at.error(field, titled(why)));
        }
    }
    let day = e.day.and_then(|d| foreign.days.get(d));
    if let Some(day) = day {
        if let Some(why) = day.written.as_deref().and_then(impossible_date) {
            return Err(day
                .at
                .error("date", format!("day {}: {why}", day.index + 1)));
        }
    }
    let duration = match e.duration.as_deref().map(read_duration) {
        Some(Err(why)) => return Err(e.at.error("duration", titled(why))),
        Some(Ok(seconds)) => seconds,
        None => None,
    };
    let start = e
        .date
        .as_deref()
        .and_then(written)
        .map(|w| instant_of(tz, &w))
        .or_else(|| {
            // No date-time: the day's date and the HH:MM start, the way apps read it; a start
            // earlier in the day than the day's own start belongs to the night after.
            let day = day?;
            let date = day.date.filter(|d| plausible(*d))?;
            let time = e.start.as_deref().and_then(|s| {
                NaiveTime::parse_from_str(s.trim(), "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
                    .ok()
            })?;
            let mut naive = date.and_time(time);
            let day_change = day
                .start
                .map(|s| s.naive_local().time())
                .or(foreign.day_change);
            if day_change.is_some_and(|change| time < change) {
                naive = naive.checked_add_signed(Duration::days(1))?;
            }
            Some(local_instant(tz, naive))
        });
    let Some(start) = start else {
        tally.no_time.push(format!("'{}'", e.title));
        return Ok((None, 0));
    };
    let by_end = e
        .end
        .as_deref()
        .and_then(written)
        .map(|w| instant_of(tz, &w) - start)
        .filter(|d| (1..=MAX_SECONDS).contains(d));
    let seconds = by_end.or(duration).unwrap_or(0);
    Ok((Some(start), seconds))
}

struct SessionParts {
    room: Option<String>,
    track: Option<String>,
    start: Option<Instant>,
    duration: i64,
    speakers: Vec<String>,
    moderators: Vec<String>,
    tz: Tz,
    /// The conference's URL: a session "URL" that only repeats it is not kept.
    event_url: Option<String>,
    /// What relative links are resolved against: `base_url`, else the conference's URL.
    base: Option<String>,
}

fn session(
    e: &ForeignEvent,
    acronym: &str,
    ids: &mut Ids,
    tally: &mut Tally,
    parts: SessionParts,
) -> ImportedSession {
    // The id: what the slug says (agora's own exports give the session id back), else the
    // event number and title, else the title.
    let from_slug = e.slug.as_deref().and_then(|slug| {
        let tail = slug
            .strip_prefix(acronym)
            .and_then(|t| t.strip_prefix('-'))
            .filter(|_| !acronym.is_empty());
        tail.and_then(id_from_slug_tail)
            .or_else(|| (is_valid_id(slug) && slug.len() <= 48).then(|| slug.to_string()))
    });
    let base = from_slug
        .or_else(|| {
            e.number
                .as_deref()
                .and_then(|n| slug_id(&format!("{n}-{}", e.title), 48))
        })
        .or_else(|| slug_id(&e.title, 48))
        .unwrap_or_else(|| format!("session-{}", e.position));
    let id = ids.claim(&base);
    if id != base {
        tally.renamed_sessions += 1;
    }

    let (kind, tags) = match e.kind.as_deref() {
        Some(t) => {
            let (kind, exact) = kind_of(t);
            if exact {
                (kind, Vec::new())
            } else {
                tally.types.entry(t.to_string()).or_insert((kind, 0)).1 += 1;
                (kind, vec![t.to_string()])
            }
        }
        None => (Kind::Talk, Vec::new()),
    };

    let (language, also) = languages(e.language.as_deref(), tally);
    let mut tags = tags;
    tags.extend(also.iter().map(|tag| format!("lang:{tag}")));

    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(subtitle) = e.subtitle.as_deref().filter(|s| !s.trim().is_empty()) {
        tally.subtitles += 1;
        paragraphs.push(subtitle.trim().to_string());
    }
    // HTML becomes Markdown; relative links become absolute against the schedule's base.
    let base = parts.base.as_deref();
    let mut html = false;
    let mut text = |t: &str| {
        let t = normalise_newlines(t);
        if super::text::looks_like_html(&t) {
            html = true;
            super::text::resolve_links(&super::text::markdown(&t), base)
        } else {
            super::text::resolve_links(&t, base)
        }
    };
    let abstract_ = e.abstract_.as_deref().map(&mut text);
    let description = e.description.as_deref().map(&mut text);
    if html {
        tally.html += 1;
    }
    let abstract_ = match (abstract_, &description) {
        // Producers often repeat the abstract at the head of the description.
        (Some(a), Some(d)) if d.trim_start().starts_with(a.trim()) => None,
        (a, _) => a,
    };
    // Each text once: a subtitle repeated as the description (frab does that) is not doubled.
    for text in [abstract_, description].into_iter().flatten() {
        let seen =
            paragraphs.iter().any(|p| p.trim() == text.trim()) || text.trim() == e.title.trim();
        if !seen {
            paragraphs.push(text);
        }
    }
    let links: Vec<String> = e
        .links
        .iter()
        .filter(|(_, url)| e.url.as_deref() != Some(url.as_str()))
        .map(|(title, url)| (title, super::text::resolve(url, base)))
        .map(|(title, url)| match title {
            Some(t) if *t != url => format!("- {t}: {url}"),
            _ => format!("- {url}"),
        })
        .collect();
    if !links.is_empty() {
        tally.links += links.len();
        paragraphs.push(format!("Links:\n{}", links.join("\n")));
    }
    let description = (!paragraphs.is_empty()).then(|| paragraphs.join("\n\n"));

    let status = if e.cancelled {
        tally.cancelled += 1;
        Status::Cancelled
    } else {
        Status::Confirmed
    };

    let (start, instant, duration, end) = match parts.start {
        Some(t) => {
            let seconds = if parts.duration <= 0 {
                tally.zero_length += 1;
                60
            } else {
                parts.duration
            };
            if seconds % 60 == 0 {
                (
                    Some(as_written(parts.tz, t)),
                    Some(t),
                    Some(seconds / 60),
                    None,
                )
            } else {
                (
                    Some(as_written(parts.tz, t)),
                    Some(t),
                    None,
                    Some(as_written(parts.tz, t + seconds)),
                )
            }
        }
        None => (None, None, None, None),
    };

    ImportedSession {
        id,
        title: e.title.clone(),
        kind,
        track: parts.track,
        room: parts.room,
        start,
        instant,
        duration,
        end,
        speakers: parts.speakers,
        moderators: parts.moderators,
        language,
        tags,
        description,
        url: e
            .url
            .clone()
            .filter(|u| !u.starts_with("urn:uuid:") && Some(u) != parts.event_url.as_ref())
            .map(|u| super::text::resolve(&u, parts.base.as_deref())),
        status,
    }
}

/// The languages a schedule gives a session: tags, language names ("English", "Deutsch") or
/// a list ("de, en", "Deutsch/English"); the first as the session's `language`, the others to
/// keep as `lang:` tags. A value that names no language is dropped and counted: a language is
/// never guessed.
fn languages(value: Option<&str>, tally: &mut Tally) -> (Option<String>, Vec<String>) {
    let Some(value) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return (None, Vec::new());
    };
    let whole = crate::language::tag_for(value);
    let items: Vec<&str> = match &whole {
        Some(_) => vec![value],
        None => value
            .split([',', ';', '/', '+', '|', '&'])
            .flat_map(|p| p.split(" and "))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect(),
    };
    if items.len() > 1 {
        tally.language_lists += 1;
    }
    let mut tags: Vec<String> = Vec::new();
    for item in items {
        match crate::language::tag_for(item) {
            Some(tag) => {
                if item != tag && items_is_name(item) {
                    *tally
                        .language_names
                        .entry(format!("{item} → {tag}"))
                        .or_insert(0) += 1;
                }
                if !tags.contains(&tag) {
                    tags.push(tag);
                }
            }
            None => *tally.bad_language.entry(item.to_string()).or_insert(0) += 1,
        }
    }
    let mut tags = tags.into_iter();
    (tags.next(), tags.collect())
}

/// Whether a language value is a name rather than a tag (for the note on names mapped).
fn items_is_name(item: &str) -> bool {
    !crate::language::is_language_tag(&item.replace('_', "-"))
        || !crate::language::is_usable_tag(&item.replace('_', "-"))
}

/// A conference date as written (a date, or a date-time read in the event's zone).
fn conference_date(text: Option<&str>, tz: Tz) -> Option<NaiveDate> {
    let text = text?.trim();
    if let Ok(date) = text.parse::<NaiveDate>() {
        return plausible(date).then_some(date);
    }
    match written(text)? {
        Written::Fixed(dt) => Some(to_local(tz, dt.timestamp()).date_naive()),
        Written::Local(naive) => Some(naive.date()),
    }
}

fn event(
    foreign: &Foreign,
    tz: Tz,
    timezone_guessed: bool,
    sessions: &[ImportedSession],
    notes: &mut Vec<String>,
) -> ImportedEvent {
    let session_dates: Vec<NaiveDate> = sessions
        .iter()
        .filter_map(|s| s.instant)
        .map(|t| to_local(tz, t).date_naive())
        .collect();
    let day_dates: Vec<NaiveDate> = foreign
        .days
        .iter()
        .filter_map(|d| d.date)
        .filter(|d| plausible(*d))
        .collect();
    let start = conference_date(foreign.start.as_deref(), tz)
        .or_else(|| day_dates.iter().min().copied())
        .or_else(|| session_dates.iter().min().copied());
    let end = conference_date(foreign.end.as_deref(), tz)
        .or_else(|| day_dates.iter().max().copied())
        .or_else(|| session_dates.iter().max().copied());
    let (start, end) = match (start, end) {
        (Some(s), Some(e)) if e >= s => (s, e),
        (Some(s), Some(e)) => {
            notes.push(format!(
                "The conference ends ({e}) before it starts ({s}): the event is given one day, {s}."
            ));
            (s, s)
        }
        (Some(d), None) | (None, Some(d)) => (d, d),
        (None, None) => {
            notes.push(
                "The file gives no dates at all: the event is dated 1970-01-01; set `start` and `end`."
                    .to_string(),
            );
            let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
            (epoch, epoch)
        }
    };
    let acronym_id = foreign
        .acronym
        .as_deref()
        .and_then(|a| slug_id(&a.replace('_', "-"), 64));
    let id = acronym_id
        .or_else(|| foreign.title.as_deref().and_then(|t| slug_id(t, 64)))
        .unwrap_or_else(|| "imported-event".to_string());
    let name = foreign
        .title
        .clone()
        .or_else(|| foreign.acronym.clone())
        .unwrap_or_else(|| "Imported event".to_string());
    // The event's language: the one most sessions are in.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for s in sessions {
        if let Some(l) = s.language.as_deref() {
            *counts.entry(l).or_insert(0) += 1;
        }
    }
    let language = counts
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(l, _)| l.to_string());
    let mut description = foreign.description.clone().map(|d| normalise_newlines(&d));
    if let Some(subtitle) = &foreign.subtitle {
        description = Some(match description {
            Some(d) => format!("{subtitle}\n\n{d}"),
            None => subtitle.clone(),
        });
    }
    ImportedEvent {
        id,
        name,
        timezone: tz,
        timezone_guessed,
        start,
        end,
        venue: foreign.venue.clone(),
        url: foreign.url.clone(),
        language,
        description,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_map_to_kinds() {
        assert_eq!(kind_of("keynote"), (Kind::Keynote, true));
        assert_eq!(kind_of("Talk"), (Kind::Talk, true));
        assert_eq!(kind_of("lecture"), (Kind::Talk, false));
        assert_eq!(kind_of("Workshop 60 Min"), (Kind::Workshop, false));
        assert_eq!(kind_of("podium"), (Kind::Panel, false));
        assert_eq!(kind_of("bof"), (Kind::Roundtable, false));
        assert_eq!(kind_of("performance"), (Kind::Other, false));
        assert_eq!(kind_of("Talk 30 min + 10min Q&A"), (Kind::Talk, false));
    }

    #[test]
    fn durations_in_every_written_form() {
        assert_eq!(duration_seconds("00:30"), Some(1800));
        assert_eq!(duration_seconds("1:30"), Some(5400));
        assert_eq!(duration_seconds("00:05:00"), Some(300));
        assert_eq!(duration_seconds("45"), Some(2700));
        assert_eq!(duration_seconds("1:00:00:00"), Some(86_400));
        assert_eq!(duration_seconds("abc"), None);
        assert_eq!(duration_seconds("-1:00"), None);
        assert!(read_duration("-1:00").is_err_and(|m| m.contains("negative")));
        assert!(read_duration("-0:30").is_err_and(|m| m.contains("negative")));
        assert!(read_duration("99999:00").is_err_and(|m| m.contains("too large")));
        assert!(read_duration("99999999999999999999999").is_err_and(|m| m.contains("too large")));
        assert_eq!(read_duration("abc"), Ok(None));
        assert_eq!(read_duration("00:00"), Ok(Some(0)));
    }

    #[test]
    fn ids_are_unique_and_short() {
        let mut ids = Ids::default();
        assert_eq!(ids.claim("talk"), "talk");
        assert_eq!(ids.claim("talk"), "talk-2");
        assert_eq!(ids.claim("talk"), "talk-3");
        let long = "a".repeat(64);
        let second = ids.claim(&long);
        assert_eq!(ids.claim(&long).len(), 64);
        assert!(is_valid_id(&second));
        assert_eq!(
            slug_id("Where have the women of tech history gone?", 20).as_deref(),
            Some("where-have-the-women")
        );
    }

    #[test]
    fn pentabarf_without_dates_guids_or_zone() {
        // As pentabarf wrote it: no <date>, no GUID, no zone, days without start or end, and a
        // day change at 09:00 (a 01:30 start is the night after the day's date).
        let xml = "<?xml version='1.0' encoding='utf-8'?>
<schedule><conference><title>Old Con</title><acronym>oldcon</acronym>
<start>2011-02-05</start><end>2011-02-06</end><day_change>09:00:00</day_change></conference>
<day date='2011-02-05' index='1'><room name='Main'>
<event id='7'><start>10:00</start><duration>01:00</duration><room>Main</room><title>Hello</title>
<type>lecture</type><persons><person id='3'>Ann</person></persons></event>
<event id='8'><start>01:30</start><duration>0:30</duration><room>Main</room><title>Night</title>
<persons><person id='3'>Ann</person></persons></event>
</room></day></schedule>";
        let imported = import(xml).expect("import");
        assert_eq!(imported.event.timezone, Tz::UTC);
        assert_eq!(imported.event.id, "oldcon");
        let starts: Vec<String> = imported
            .sessions
            .iter()
            .map(|s| crate::time::rfc3339(Tz::UTC, s.instant.expect("start")))
            .collect();
        assert_eq!(
            starts,
            ["2011-02-05T10:00:00+00:00", "2011-02-06T01:30:00+00:00"]
        );
        assert_eq!(imported.sessions[1].duration, Some(30));
        assert_eq!(imported.speakers.len(), 1);
        assert_eq!(imported.sessions[0].id, "7-hello");
    }

    #[test]
    fn latin1_xml_is_read_as_its_declaration_says() {
        let mut bytes = b"<?xml version='1.0' encoding='ISO-8859-1'?>\n<schedule><conference>\
<title>Caf\xe9 \x93Con\x94</title><start>2011-02-05</start></conference>\
<day date='2011-02-05'><room name='A'><event id='1'><start>10:00</start><duration>01:00</duration>\
<title>T</title></event></room></day></schedule>"
            .to_vec();
        let text = decode(bytes.clone()).expect("latin-1");
        let imported = import(&text).expect("import");
        assert_eq!(imported.event.name, "Café “Con”");
        bytes[30] = b'X'; // no longer declares a Latin encoding
        assert!(decode(bytes).is_err());
        assert_eq!(decode(b"ok \xff".to_vec()), Err(3));
    }

    #[test]
    fn ambiguous_local_times_keep_their_offset() {
        let tz = chrono_tz::Europe::Paris;
        // 2017-10-29 00:30 UTC is 02:30 CEST, which happens again at 02:30 CET.
        match as_written(tz, 1_509_237_000) {
            DateTimeValue::Fixed(dt) => assert_eq!(dt.to_rfc3339(), "2017-10-29T02:30:00+02:00"),
            other => panic!("expected an offset, got {other:?}"),
        }
        assert!(matches!(
            as_written(tz, 1_512_478_800),
            DateTimeValue::Local(_)
        ));
    }
}
