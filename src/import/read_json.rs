//! Reading a C3VOC `schedule.json` (frab, pretalx, and the newer "schema2" of the hub) into a
//! [`Foreign`] schedule.
//!
//! Lenient by design: ids may be numbers or strings, names may sit in `name` or
//! `public_name`, descriptions may be strings or `{ "en": … }` objects, and unknown fields
//! (`timestamp`, `answers`, …) are accepted. Only text that is not JSON, or has no
//! `schedule.conference`, is refused.

use std::fmt;

use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::Value;

use super::foreign::{date_time, ImportError, Place};
use super::foreign::{
    Foreign, ForeignDay, ForeignEvent, ForeignPerson, ForeignRoom, ForeignTrack, Shape,
};

#[derive(Deserialize)]
struct Document {
    schedule: Option<Schedule>,
    generator: Option<Value>,
}

#[derive(Deserialize)]
struct Schedule {
    version: Option<Value>,
    base_url: Option<Value>,
    conference: Option<Conference>,
    /// schema2: events in one flat list.
    events: Option<Vec<Value>>,
    /// schema2: people apart from the events.
    persons: Option<Vec<Value>>,
}

#[derive(Deserialize)]
struct Conference {
    acronym: Option<Value>,
    title: Option<Value>,
    description: Option<Value>,
    start: Option<Value>,
    end: Option<Value>,
    time_zone_name: Option<Value>,
    url: Option<Value>,
    tracks: Option<Vec<Value>>,
    rooms: Option<Vec<Value>>,
    days: Option<Vec<Day>>,
}

#[derive(Deserialize)]
struct Day {
    date: Option<Value>,
    day_start: Option<Value>,
    day_end: Option<Value>,
    start: Option<Value>,
    end: Option<Value>,
    rooms: Option<Ordered>,
}

/// A JSON object whose key order matters (rooms of a day, as the producer ordered them).
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Ordered, D::Error> {
        struct OrderedVisitor;
        impl<'de> Visitor<'de> for OrderedVisitor {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object of room names to lists of events")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    entries.push((key, value));
                }
                Ok(Ordered(entries))
            }
        }
        deserializer.deserialize_map(OrderedVisitor)
    }
}

const EXPECTED: &str = "expected a frab/C3VOC schedule.json: { \"schedule\": { \"conference\": \
                        { \"days\": [ { \"rooms\": { … } } ] } } } as frab and pretalx export it, or \
                        the schema2 `schedule.events` list";

/// What a JSON text is, in a few words: "a JSON object with keys `talks`, `speakers`".
fn found(text: &str, inside: Option<&str>) -> String {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return "JSON".to_string();
    };
    let value = match inside {
        Some(key) => value.get(key).cloned().unwrap_or(Value::Null),
        None => value,
    };
    match value {
        Value::Object(o) if o.is_empty() => "an empty JSON object".to_string(),
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().take(8).map(|k| format!("`{k}`")).collect();
            let more = if o.len() > 8 { ", …" } else { "" };
            format!("a JSON object with keys {}{more}", keys.join(", "))
        }
        Value::Array(a) => format!("a JSON array of {} item(s)", a.len()),
        Value::String(_) => "a JSON string".to_string(),
        Value::Number(_) => "a JSON number".to_string(),
        Value::Bool(_) => "a JSON boolean".to_string(),
        Value::Null => "null".to_string(),
    }
}

/// Event fields read (or knowingly dropped) by [`event`]; any other field with a value is
/// counted as unknown.
const EVENT_FIELDS: [&str; 34] = [
    "guid",
    "id",
    "code",
    "title",
    "subtitle",
    "type",
    "slug",
    "url",
    "language",
    "abstract",
    "description",
    "duration",
    "end",
    "date",
    "start",
    "room",
    "track",
    "persons",
    "participants",
    "speakers",
    "links",
    "attachments",
    "feedback_url",
    "origin_url",
    "state",
    "logo",
    "recording_license",
    "do_not_record",
    "do_not_stream",
    "answers",
    "event_type",
    // Known and carrying nothing an agora session holds.
    "do_not_record_reason",
    "video_download_url",
    "release",
];

/// Read `text` (the whole file) as a C3VOC schedule.
pub fn read(text: &str) -> Result<Foreign, ImportError> {
    let doc: Document = serde_json::from_str(text).map_err(|e| {
        if e.classify() == serde_json::error::Category::Data {
            // Valid JSON of another shape: say what it is.
            return ImportError::general(format!("found {}; {EXPECTED}", found(text, None)));
        }
        let message = e.to_string();
        // serde_json appends " at line L column C"; the position is given apart.
        let message = message
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_string())
            .unwrap_or(message);
        ImportError::at(
            e.line(),
            e.column(),
            format!("this is not a schedule.json: {message}"),
        )
    })?;
    let Some(schedule) = doc.schedule else {
        return Err(ImportError::general(format!(
            "found {} without a `schedule`; {EXPECTED}",
            found(text, None)
        )));
    };
    let Some(conference) = schedule.conference else {
        return Err(ImportError::general(format!(
            "found a `schedule` {} but no `conference` in it; {EXPECTED}",
            found(text, Some("schedule"))
        )));
    };
    let mut out = Foreign {
        shape: Some(if schedule.events.is_some() {
            Shape::Json2
        } else {
            Shape::Json
        }),
        ..Foreign::default()
    };
    out.generator = doc.generator.as_ref().and_then(|g| {
        let name = g.get("name").and_then(text_of).unwrap_or_default();
        let version = g.get("version").and_then(text_of).unwrap_or_default();
        non_empty(&format!("{name} {version}"))
    });
    out.version = schedule.version.as_ref().and_then(text_of);
    out.base_url = schedule.base_url.as_ref().and_then(text_of);
    out.title = conference.title.as_ref().and_then(text_of);
    out.acronym = conference.acronym.as_ref().and_then(text_of);
    out.description = conference.description.as_ref().and_then(text_of);
    out.start = conference.start.as_ref().and_then(text_of);
    out.end = conference.end.as_ref().and_then(text_of);
    out.time_zone = conference.time_zone_name.as_ref().and_then(text_of);
    out.url = conference
        .url
        .as_ref()
        .or(schedule.base_url.as_ref())
        .and_then(text_of);
    for track in conference.tracks.iter().flatten() {
        let Some(name) = track.get("name").and_then(text_of) else {
            continue;
        };
        let color = track.get("color").and_then(text_of).or_else(|| {
            let colors = track.get("colors")?;
            ["primary", "light", "dark"]
                .iter()
                .find_map(|k| colors.get(k).and_then(text_of))
        });
        out.tracks.push(ForeignTrack {
            name,
            slug: track.get("slug").and_then(text_of),
            color,
        });
    }
    for room in conference.rooms.iter().flatten() {
        let Some(name) = room.get("name").and_then(text_of) else {
            continue;
        };
        out.rooms.push(ForeignRoom {
            name,
            slug: room.get("slug").and_then(text_of),
            guid: room.get("guid").and_then(text_of),
            capacity: room.get("capacity").and_then(Value::as_f64),
            description: room.get("description").and_then(text_of),
        });
    }
    let mut unused = Vec::new();
    for (index, day) in conference.days.into_iter().flatten().enumerate() {
        let start = day.day_start.as_ref().or(day.start.as_ref());
        let end = day.day_end.as_ref().or(day.end.as_ref());
        let written = day.date.as_ref().and_then(text_of);
        out.days.push(ForeignDay {
            index,
            date: written.as_deref().and_then(|d| d.trim().parse().ok()),
            written,
            at: Place {
                path: Some(format!("schedule.conference.days[{index}]")),
                ..Place::default()
            },
            start: start.and_then(text_of).and_then(|t| date_time(&t)),
            end: end.and_then(text_of).and_then(|t| date_time(&t)),
        });
        for (room, events) in day.rooms.map(|o| o.0).unwrap_or_default() {
            if !room.trim().is_empty() && !out.rooms.iter().any(|r| r.name == room) {
                out.rooms.push(ForeignRoom {
                    name: room.clone(),
                    ..ForeignRoom::default()
                });
            }
            for (i, value) in events.as_array().into_iter().flatten().enumerate() {
                let mut e = event(value, &mut unused);
                e.at.path = Some(format!(
                    "schedule.conference.days[{index}].rooms.{}[{i}]",
                    serde_json::Value::from(room.as_str())
                ));
                e.position = out.events.len() + 1;
                e.day = Some(index);
                if e.room.as_deref().is_none_or(|r| r.trim().is_empty()) {
                    e.room = non_empty(&room);
                }
                out.events.push(e);
            }
        }
    }
    for (i, value) in schedule.events.iter().flatten().enumerate() {
        let mut e = event(value, &mut unused);
        e.at.path = Some(format!("schedule.events[{i}]"));
        e.position = out.events.len() + 1;
        out.events.push(e);
    }
    for value in schedule.persons.iter().flatten() {
        if let Some(p) = person(value) {
            out.people.push(p);
        }
    }
    out.unused = unused;
    Ok(out)
}

fn event(v: &Value, unused: &mut Vec<(String, usize)>) -> ForeignEvent {
    let get = |key: &str| v.get(key).and_then(text_of);
    let mut e = ForeignEvent {
        number: get("id").or_else(|| get("code")),
        title: v
            .get("title")
            .and_then(|t| t.as_str().map(str::to_string).or_else(|| text_of(t)))
            .unwrap_or_default(),
        subtitle: get("subtitle"),
        kind: get("type"),
        slug: get("slug"),
        url: get("url"),
        language: get("language"),
        // Texts kept as written (white space included): descriptions round-trip exactly.
        abstract_: v.get("abstract").and_then(raw_text),
        description: v.get("description").and_then(raw_text),
        duration: get("duration"),
        end: get("end"),
        ..ForeignEvent::default()
    };
    // schema1 has `date` (date-time) and `start` (HH:MM); schema2 only `start` (date-time).
    match (get("date"), get("start")) {
        (Some(date), start) => {
            e.date = Some(date);
            e.start = start;
        }
        (None, Some(start)) if start.contains('T') => e.date = Some(start),
        (None, start) => e.start = start,
    }
    match v.get("room") {
        Some(Value::Object(room)) => {
            e.room = room.get("name").and_then(text_of);
            e.room_guid = room.get("guid").and_then(text_of);
        }
        Some(other) => e.room = text_of(other),
        None => {}
    }
    match v.get("track") {
        Some(Value::Object(track)) => {
            e.track = track.get("name").and_then(text_of);
            e.track_slug = track.get("slug").and_then(text_of);
        }
        Some(other) => e.track = text_of(other),
        None => {}
    }
    // People: objects named by `public_name`, `full_public_name` (frab 2013), `name` or
    // `display_name`; plain strings; or the whole list as one text.
    for key in ["persons", "participants", "speakers"] {
        if key == "speakers" && !e.persons.is_empty() {
            break;
        }
        match v.get(key) {
            Some(Value::Array(items)) => {
                for p in items {
                    match p {
                        Value::String(text) => e.add_people_text(text),
                        other => {
                            if let Some(p) = person(other) {
                                e.persons.push(p);
                            }
                        }
                    }
                }
            }
            Some(Value::String(text)) => e.add_people_text(text),
            _ => {}
        }
    }
    for key in ["links", "attachments"] {
        for link in v.get(key).and_then(Value::as_array).into_iter().flatten() {
            match link {
                Value::String(url) if !url.trim().is_empty() => {
                    e.links.push((None, url.trim().to_string()))
                }
                Value::Object(o) => {
                    let url = o.get("url").or_else(|| o.get("href")).and_then(text_of);
                    if let Some(url) = url {
                        e.links.push((o.get("title").and_then(text_of), url));
                    }
                }
                _ => {}
            }
        }
    }
    for key in ["feedback_url", "origin_url"] {
        if let Some(url) = get(key) {
            if !e.links.iter().any(|(_, u)| *u == url) && e.url.as_deref() != Some(&url) {
                let title = if key == "feedback_url" {
                    "Feedback"
                } else {
                    "Origin"
                };
                e.links.push((Some(title.to_string()), url));
            }
        }
    }
    if let Some(state) = get("state") {
        e.cancelled = matches!(
            state.to_ascii_uppercase().as_str(),
            "CANCELED" | "CANCELLED" | "WITHDRAWN" | "DELETED" | "REJECTED"
        );
    }
    let mut drop = |name: &str| match unused.iter_mut().find(|(n, _)| n == name) {
        Some((_, count)) => *count += 1,
        None => unused.push((name.to_string(), 1)),
    };
    if v.get("logo")
        .is_some_and(|l| text_of(l).is_some() || l.is_object())
    {
        drop("logo");
    }
    if get("recording_license").is_some() || v.get("do_not_record") == Some(&Value::Bool(true)) {
        drop("recording licence and opt-out");
    }
    if v.get("do_not_stream") == Some(&Value::Bool(true)) {
        drop("do_not_stream");
    }
    if v.get("answers")
        .and_then(Value::as_array)
        .is_some_and(|a| !a.is_empty())
    {
        drop("answers to submission questions");
    }
    for (key, value) in v.as_object().into_iter().flatten() {
        let empty = match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            Value::Array(a) => a.is_empty(),
            Value::Object(o) => o.is_empty(),
            Value::Bool(b) => !b,
            Value::Number(_) => false,
        };
        if !empty && !EVENT_FIELDS.contains(&key.as_str()) {
            drop(&format!("unknown field `{key}` of an event"));
        }
    }
    e
}

fn person(v: &Value) -> Option<ForeignPerson> {
    let get = |key: &str| v.get(key).and_then(text_of);
    let name = ["public_name", "full_public_name", "name", "display_name"]
        .iter()
        .filter_map(|k| v.get(*k).and_then(Value::as_str))
        .find(|n| !n.trim().is_empty())?
        .trim()
        .to_string();
    let role = get("role").unwrap_or_default().to_ascii_uppercase();
    Some(ForeignPerson {
        key: get("guid").or_else(|| get("code")).or_else(|| get("id")),
        name,
        slug: get("slug"),
        moderator: matches!(role.as_str(), "MODERATOR" | "HOST"),
        biography: get("biography").or_else(|| get("bio")),
        url: get("url"),
    })
}

/// A value as text: strings trimmed, numbers written out, `{ "en": … }` objects by their
/// English (else first) text; empty text and `null` are `None`.
fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => non_empty(s),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o
            .get("en")
            .and_then(text_of)
            .or_else(|| o.values().find_map(text_of)),
        _ => None,
    }
}

/// Like [`text_of`], but a string as written, white space included (unless only white space).
fn raw_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => (!s.trim().is_empty()).then(|| s.clone()),
        Value::Object(o) => o
            .get("en")
            .and_then(raw_text)
            .or_else(|| o.values().find_map(raw_text)),
        other => text_of(other),
    }
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}
