//! `schedule.json` in the C3VOC shape ("schema1") that frab and pretalx write, valid against
//! the C3VOC JSON schema.
//!
//! Layout only: what goes out, and under which identifiers, is decided by [`Plan`]. Keys come
//! out in a fixed order (typed structs, rooms in program order), so the file is
//! deterministic to the byte.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use crate::export::Body;
use crate::model::Program;
use crate::time::rfc3339;

use super::plan::{
    date_text, hh_mm_rounded, is_http_url, Day as PlanDay, HhMmRounded, Item, Plan, Role,
};

/// The document around its conference (`C`), which is written apart (see `render_versioned`).
#[derive(Serialize)]
struct Document<C> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    generator: Generator,
    schedule: Schedule<C>,
}

#[derive(Serialize)]
struct Generator {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Schedule<C> {
    version: String,
    conference: C,
}

#[derive(Serialize)]
struct Conference<'a> {
    acronym: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    start: String,
    end: String,
    #[serde(rename = "daysCount")]
    days_count: usize,
    timeslot_duration: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone_name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    tracks: Vec<Track<'a>>,
    rooms: Vec<Room<'a>>,
    days: Vec<Day<'a>>,
}

#[derive(Serialize)]
struct Track<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<&'a str>,
}

#[derive(Serialize)]
struct Room<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'a str>,
    guid: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    capacity: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Day<'a> {
    index: usize,
    date: String,
    day_start: String,
    day_end: String,
    rooms: Rooms<'a>,
}

/// Room name → events, in program order (a JSON object, but ordered). The events are made as
/// they are written, from the plan: nothing is held per session (a 100,000-session schedule
/// would otherwise be built, and freed, whole for each writer).
struct Rooms<'a> {
    plan: &'a Plan<'a>,
    day: &'a PlanDay,
}

impl Serialize for Rooms<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let plan = self.plan;
        let mut map = serializer.serialize_map(Some(plan.rooms.len()))?;
        for (r, shown) in plan.rooms.iter().enumerate() {
            map.serialize_entry(
                &shown.name,
                &Events {
                    plan,
                    day: self.day,
                    room: r,
                },
            )?;
        }
        map.end()
    }
}

/// The events of a day in a room, in start order.
struct Events<'a> {
    plan: &'a Plan<'a>,
    day: &'a PlanDay,
    room: usize,
}

impl Serialize for Events<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.plan
                .in_room(self.day, self.room)
                .map(|item| event(self.plan, item)),
        )
    }
}

#[derive(Serialize)]
struct Event<'a> {
    guid: Guid,
    id: u32,
    date: &'a str,
    start: &'a str,
    end: &'a str,
    duration: Minutes,
    room: &'a str,
    slug: &'a str,
    url: std::borrow::Cow<'a, str>,
    title: &'a str,
    subtitle: &'static str,
    track: Option<&'a str>,
    #[serde(rename = "type")]
    kind: &'static str,
    /// `null` when neither the session nor the event gives one (the schema allows it).
    language: Option<&'a str>,
    #[serde(rename = "abstract")]
    abstract_: &'a str,
    description: &'a str,
    persons: Persons<'a>,
    links: Links<'a>,
}

/// A session's links: its page, when it has one.
struct Links<'a>(Option<&'a str>);

impl Serialize for Links<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.map(|url| Link {
            url,
            title: url,
            kind: "web",
        }))
    }
}

/// A session's people, written from the plan.
struct Persons<'a> {
    plan: &'a Plan<'a>,
    item: &'a Item<'a>,
}

impl Serialize for Persons<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let program = self.plan.program;
        serializer.collect_seq(self.item.people.iter().map(|&(p, role)| {
            let speaker = &program.speakers[p];
            let person = &self.plan.people[p];
            Person {
                guid: Guid(person.guid),
                name: &person.name,
                public_name: &person.name,
                slug: &speaker.id,
                role: (role == Role::Moderator).then_some("moderator"),
                biography: person.bio.as_deref(),
                url: speaker.url.as_deref().filter(|u| is_http_url(u)),
            }
        }))
    }
}

/// A person in the pretalx shape (`name`), with frab's `public_name` for older readers; no
/// numeric `id`, which would make it match both person shapes of the schema.
#[derive(Serialize)]
struct Person<'a> {
    guid: Guid,
    name: &'a str,
    public_name: &'a str,
    /// The speaker's agora id, so an import gives it back.
    slug: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    biography: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A GUID, written as its hyphenated text straight into the output (a session and its people
/// have one each: no string made for each).
struct Guid(uuid::Uuid);

impl Serialize for Guid {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0.hyphenated())
    }
}

/// A length of time in seconds, written as `HH:MM` rounded up ([`HhMmRounded`]).
struct Minutes(i64);

impl Serialize for Minutes {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&HhMmRounded(self.0))
    }
}

#[derive(Serialize)]
struct Link<'a> {
    url: &'a str,
    title: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
}

/// The whole `schedule.json` of a program, deterministic to the byte.
pub fn write(program: &Program) -> String {
    super::whole(program, render).into_string()
}

/// The `schedule.json` of a plan: what `agora export` writes, for a selection too (rooms, tracks
/// and days stay complete).
pub(crate) fn render(plan: &Plan) -> Body {
    render_versioned(plan, &super::Version::Content)
}

/// [`render`] with the `version` apps show (a release name; see [`super::Version`]).
pub(crate) fn render_versioned(plan: &Plan, version: &super::Version) -> Body {
    let conference = conference(plan);
    // The version changes exactly when the content does: apps compare it to offer updates.
    // It is the hash of the compact text (never held whole), computed on a second core while
    // the pretty text is written; the version goes in before the conference once both are done.
    let (hash, body) = std::thread::scope(|scope| {
        let hashing = scope.spawn(|| {
            crate::ids::frab::content_guid("content", |h| {
                let mut buffered = std::io::BufWriter::with_capacity(1 << 16, h);
                let _ = serde_json::to_writer(&mut buffered, &conference);
                let _ = std::io::Write::flush(&mut buffered);
            })
        });
        // Two levels deep: in the document, then in its schedule.
        let mut body = Vec::new();
        crate::export::pretty::append(&mut body, 2, &conference);
        let hash = hashing
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (hash, body)
    });
    let document = Document {
        schema: "https://c3voc.de/schedule/schema.json",
        generator: Generator {
            name: "agora",
            version: env!("CARGO_PKG_VERSION"),
        },
        schedule: Schedule {
            version: version.text(&hash.simple().to_string()[..12]),
            conference: (),
        },
    };
    // The document with `null` in the conference's place, then the conference put there.
    const TAIL: &str = "null\n  }\n}";
    let head = serde_json::to_string_pretty(&document).unwrap_or_default();
    let head = head.strip_suffix(TAIL).unwrap_or(&head);
    let mut out = Body::from(head.to_string());
    // Only `serde_json` wrote into it, and only whole UTF-8 strings.
    out.push_utf8(body);
    out.push(format!("{}\n", &TAIL["null".len()..]));
    out
}

/// The conference, whose events are made as they are written.
fn conference<'a>(plan: &'a Plan<'a>) -> Conference<'a> {
    let program = plan.program;
    let ev = &program.event;
    let tz_name = plan.tz.name();
    Conference {
        acronym: &plan.acronym,
        title: &plan.event_name,
        description: plan.event_description.as_deref(),
        start: date_text(plan.first_date()),
        end: date_text(plan.last_date()),
        days_count: plan.days.len(),
        timeslot_duration: hh_mm_rounded(plan.timeslot * 60),
        time_zone_name: schema_zone_name(tz_name).then_some(tz_name),
        url: ev.url.as_deref().filter(|u| is_http_url(u)),
        tracks: program
            .tracks
            .iter()
            .zip(plan.tracks)
            .map(|(track, shown)| Track {
                name: &shown.name,
                slug: is_json_slug(&track.id).then_some(track.id.as_str()),
                color: track.color.as_deref(),
            })
            .collect(),
        rooms: plan
            .rooms
            .iter()
            .enumerate()
            .map(|(r, shown)| {
                let room = program.rooms.get(r);
                Room {
                    name: &shown.name,
                    slug: room
                        .map(|room| room.id.as_str())
                        .filter(|id| is_json_slug(id)),
                    guid: shown.guid.to_string(),
                    capacity: room.and_then(|room| room.capacity),
                    description: shown.location.as_deref(),
                }
            })
            .collect(),
        days: plan
            .days
            .iter()
            .map(|day| Day {
                index: day.index,
                date: date_text(day.date),
                day_start: rfc3339(plan.tz, day.start),
                day_end: rfc3339(plan.tz, day.end),
                rooms: Rooms { plan, day },
            })
            .collect(),
    }
}

fn event<'a>(plan: &'a Plan<'a>, item: &'a Item) -> Event<'a> {
    let program = plan.program;
    let session = &program.sessions[item.session];
    let url = session.url.as_deref().filter(|u| is_http_url(u));
    // The schema requires a URL: the session's page, else the event's page, else the GUID.
    let page = match (url, program.event.url.as_deref().filter(|u| is_http_url(u))) {
        (Some(url), _) => url.into(),
        (None, Some(event_url)) => event_url.into(),
        (None, None) => format!("urn:uuid:{}", item.guid).into(),
    };
    Event {
        guid: Guid(item.guid),
        id: item.number,
        date: &plan.clocks[item.clocks.0].rfc3339,
        start: &plan.clocks[item.clocks.0].hh_mm,
        end: &plan.clocks[item.clocks.1].rfc3339,
        duration: Minutes(item.end - item.start),
        room: &plan.rooms[item.room].name,
        slug: &item.slug,
        url: page,
        title: &item.title,
        subtitle: "",
        track: item.track.map(|t| plan.tracks[t].name.as_str()),
        kind: session.kind.as_str(),
        language: item.language.as_deref(),
        abstract_: &item.abstract_,
        description: &item.description,
        persons: Persons { plan, item },
        links: Links(url),
    }
}

/// The schema's `time_zone_name` pattern, `^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$`, as a regex search
/// reads it: a `Area/City` prefix, or ending in `UTC`. Other names (`Etc/GMT-1`) are left out.
fn schema_zone_name(name: &str) -> bool {
    fn word(s: &str) -> usize {
        let mut chars = s.char_indices();
        match chars.next() {
            Some((_, c)) if c.is_ascii_uppercase() => {}
            _ => return 0,
        }
        let rest = s[1..]
            .bytes()
            .take_while(|b| b.is_ascii_lowercase())
            .count();
        if rest == 0 {
            0
        } else {
            1 + rest
        }
    }
    let first = word(name);
    let prefix_ok = first > 0
        && name[first..]
            .strip_prefix('/')
            .is_some_and(|rest| word(rest) > 0);
    prefix_ok || name.ends_with("UTC")
}

/// The schema's slug pattern: `^[a-z0-9_-]+[a-z0-9]$`.
fn is_json_slug(id: &str) -> bool {
    id.len() >= 2
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && id.ends_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zone_names_as_the_schema_reads_them() {
        for ok in [
            "Europe/Paris",
            "America/New_York",
            "UTC",
            "Etc/UTC",
            "Asia/Kolkata",
        ] {
            assert!(schema_zone_name(ok), "{ok}");
        }
        for bad in ["Etc/GMT-1", "GMT", "EST5EDT", "europe/paris"] {
            assert!(!schema_zone_name(bad), "{bad}");
        }
    }
}
