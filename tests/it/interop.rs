//! Interoperability with the frab/C3VOC schedule format, on real data and generated programs.
//!
//! Real schedules (tests/data/interop/, see its README) are imported, written as TOML and
//! loaded back; what the loaded program holds is compared with what a small, separate walk of
//! the source file counts (sessions, rooms, people, start instants, rooms and speakers of each
//! session), and the conflicts `check` reports are compared with overlaps computed from the
//! source. Round trips export the seed event and generated programs to schedule.xml and
//! schedule.json and import them back.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use agora::codes::RuleCode;
use agora::export::frab::{json as frab_json, xml as frab_xml};
use agora::export::{export, Format, Options, Selection};
use agora::import::toml_out::{render, Layout};
use agora::import::{import, Imported};
use agora::load::{load_path, load_str};
use agora::model::{Program, Status};
use agora::rules::{check, Schedule};
use chrono::DateTime;
use proptest::prelude::*;
use serde_json::Value;

fn data_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/interop")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(data_path(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Import `text` and load the TOML the import writes, as a user would get it.
fn import_and_load(text: &str, source: &str) -> (Imported, Program) {
    let imported = import(text).unwrap_or_else(|e| panic!("{source}: {e:?}"));
    let files = render(&imported, source, Layout::File);
    assert_eq!(files.len(), 1);
    let program = load_str(Path::new("imported.toml"), &files[0].1).unwrap_or_else(|f| {
        panic!(
            "{source}: the imported TOML does not load: {:?}",
            f.errors.iter().map(|e| &e.message).collect::<Vec<_>>()
        )
    });
    (imported, program)
}

// ───────────── What the source says, walked independently ─────────────

/// One event of the source, field by field (names trimmed, as the import keeps them).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Row {
    title: String,
    start: i64,
    end: i64,
    room: Option<String>,
    /// Names, sorted.
    people: Vec<String>,
    track: Option<String>,
}

struct Facts {
    rows: Vec<Row>,
    rooms: BTreeSet<String>,
    /// People, one per group of occurrences sharing an id or a name.
    people: usize,
}

fn clean(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn seconds(duration: &str) -> i64 {
    let parts: Vec<i64> = duration
        .split(':')
        .map(|p| p.trim().parse().expect("duration"))
        .collect();
    match parts.as_slice() {
        [h, m] => h * 3600 + m * 60,
        [h, m, s] => h * 3600 + m * 60 + s,
        _ => panic!("duration {duration}"),
    }
}

fn instant(text: &str) -> i64 {
    DateTime::parse_from_rfc3339(text.trim())
        .unwrap_or_else(|e| panic!("{text}: {e}"))
        .timestamp()
}

/// Groups people: occurrences with the same id or the same name are one person.
#[derive(Default)]
struct PeopleCount {
    parent: Vec<usize>,
    index: HashMap<String, usize>,
    names: BTreeSet<usize>,
}

impl PeopleCount {
    fn node(&mut self, label: String) -> usize {
        let next = self.parent.len();
        let i = *self.index.entry(label).or_insert(next);
        if i == next {
            self.parent.push(i);
        }
        i
    }
    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }
    /// A person is an id and a name: one id under two names is two people, one name under
    /// two ids too (the import's identity rule, docs/interop.md).
    fn add(&mut self, id: Option<&str>, name: &str) {
        let name = clean(name).to_lowercase();
        let n = match id {
            Some(id) => self.node(format!("id {id} name {name}")),
            None => self.node(format!("name {name}")),
        };
        self.names.insert(n);
    }
    fn count(&mut self) -> usize {
        let names: Vec<usize> = self.names.iter().copied().collect();
        names
            .into_iter()
            .map(|n| self.root(n))
            .collect::<BTreeSet<_>>()
            .len()
    }
}

fn xml_facts(text: &str) -> Facts {
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, options).expect("xml");
    let text_of = |n: roxmltree::Node| -> String {
        n.descendants()
            .filter(|d| d.is_text())
            .filter_map(|d| d.text())
            .collect()
    };
    let mut rows = Vec::new();
    let mut rooms = BTreeSet::new();
    let mut people = PeopleCount::default();
    for room in doc
        .descendants()
        .filter(|n| n.has_tag_name("room") && n.has_attribute("name"))
    {
        let room_name = clean(room.attribute("name").unwrap_or(""));
        rooms.insert(room_name.clone());
        for event in room.children().filter(|n| n.has_tag_name("event")) {
            let child = |name: &str| event.children().find(|n| n.has_tag_name(name)).map(text_of);
            let start = instant(&child("date").expect("date"));
            let room = child("room").map(|r| clean(&r)).filter(|r| !r.is_empty());
            let room = room.unwrap_or_else(|| room_name.clone());
            rooms.insert(room.clone());
            // One entry per person (id and name) the event names.
            let mut names = BTreeSet::new();
            for person in event.descendants().filter(|n| n.has_tag_name("person")) {
                let name = text_of(person).trim().to_string();
                let id = person.attribute("guid").or(person.attribute("id"));
                people.add(id, &name);
                names.insert((id.map(str::to_string), clean(&name).to_lowercase(), name));
            }
            let mut names: Vec<String> = names.into_iter().map(|(_, _, n)| n).collect();
            names.sort();
            rows.push(Row {
                title: child("title").unwrap_or_default(),
                start,
                end: start + seconds(&child("duration").expect("duration")),
                room: Some(room),
                people: names.into_iter().collect(),
                track: child("track").map(|t| clean(&t)).filter(|t| !t.is_empty()),
            });
        }
    }
    Facts {
        rows,
        rooms,
        people: people.count(),
    }
}

fn json_facts(text: &str) -> Facts {
    let doc: Value = serde_json::from_str(text).expect("json");
    let schedule = &doc["schedule"];
    let conference = &schedule["conference"];
    let s = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    };
    let mut rooms = BTreeSet::new();
    let mut room_by_guid = HashMap::new();
    for room in conference["rooms"].as_array().into_iter().flatten() {
        rooms.insert(clean(room["name"].as_str().expect("room name")));
        if let Some(guid) = s(&room["guid"]) {
            room_by_guid
                .entry(guid)
                .or_insert_with(|| clean(room["name"].as_str().unwrap_or("")));
        }
    }
    let track_by_slug: HashMap<String, String> = conference["tracks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| Some((s(&t["slug"])?, s(&t["name"])?)))
        .collect();
    let mut events: Vec<(&Value, Option<String>)> = Vec::new();
    for day in conference["days"].as_array().into_iter().flatten() {
        for (room, list) in day["rooms"].as_object().into_iter().flatten() {
            rooms.insert(clean(room));
            for e in list.as_array().into_iter().flatten() {
                events.push((e, Some(clean(room))));
            }
        }
    }
    for e in schedule["events"].as_array().into_iter().flatten() {
        events.push((e, None));
    }
    let mut rows = Vec::new();
    let mut people = PeopleCount::default();
    for (e, column) in events {
        let start = instant(e["date"].as_str().or(e["start"].as_str()).expect("date"));
        let end = match (e["end"].as_str(), e["duration"].as_str()) {
            (Some(end), _) => instant(end),
            (None, Some(d)) => start + seconds(d),
            _ => panic!("no end"),
        };
        let room = match &e["room"] {
            Value::Object(o) => o.get("name").and_then(&s).or_else(|| {
                o.get("guid")
                    .and_then(|g| room_by_guid.get(&s(g)?).cloned())
            }),
            other => s(other),
        }
        .map(|r| clean(&r))
        .or(column);
        if let Some(r) = &room {
            rooms.insert(r.clone());
        }
        let track = match &e["track"] {
            Value::Object(o) => o
                .get("name")
                .and_then(&s)
                .or_else(|| track_by_slug.get(&s(o.get("slug")?)?).cloned()),
            other => s(other),
        };
        let mut names = BTreeSet::new();
        for key in ["persons", "participants"] {
            for p in e[key].as_array().into_iter().flatten() {
                let name = p["public_name"]
                    .as_str()
                    .or(p["name"].as_str())
                    .expect("person name")
                    .trim()
                    .to_string();
                let id = s(&p["guid"]).or(s(&p["code"])).or(s(&p["id"]));
                people.add(id.as_deref(), &name);
                names.insert((id, clean(&name).to_lowercase(), name));
            }
        }
        let mut names: Vec<String> = names.into_iter().map(|(_, _, n)| n).collect();
        names.sort();
        rows.push(Row {
            title: e["title"].as_str().expect("title").to_string(),
            start,
            end,
            room,
            people: names.into_iter().collect(),
            track: track.map(|t| clean(&t)),
        });
    }
    Facts {
        rows,
        rooms,
        people: people.count(),
    }
}

/// The same rows, read from a loaded program.
fn program_rows(program: &Program) -> Vec<Row> {
    let schedule = Schedule::new(program);
    program
        .sessions
        .iter()
        .zip(&schedule.sessions)
        .map(|(s, f)| {
            let (start, end) = f.interval.expect("valid times");
            let mut people: Vec<String> = f
                .people
                .iter()
                .map(|&p| program.speakers[p].name.clone())
                .collect();
            people.sort();
            Row {
                title: s.title.clone(),
                start,
                end,
                room: f.room.map(|r| program.rooms[r].name.clone()),
                people,
                track: f.track.map(|t| program.tracks[t].name.clone()),
            }
        })
        .collect()
}

fn sorted<T: Ord + Clone>(v: &[T]) -> Vec<T> {
    let mut v = v.to_vec();
    v.sort();
    v
}

/// Person overlaps, computed from rows: (person, title, title) for every overlapping pair.
fn overlaps_by<F: Fn(&Row) -> Vec<String>>(
    rows: &[Row],
    key: F,
) -> BTreeSet<(String, String, String)> {
    let mut by: BTreeMap<String, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        for k in key(r) {
            by.entry(k).or_default().push(r);
        }
    }
    let mut out = BTreeSet::new();
    for (k, list) in by {
        for (i, a) in list.iter().enumerate() {
            for b in &list[i + 1..] {
                if a.start < b.end && b.start < a.end {
                    let (x, y) = if a.title <= b.title {
                        (a.title.clone(), b.title.clone())
                    } else {
                        (b.title.clone(), a.title.clone())
                    };
                    out.insert((k.clone(), x, y));
                }
            }
        }
    }
    out
}

/// The same pairs, as `check` reports them.
fn reported(program: &Program, code: RuleCode) -> BTreeSet<(String, String, String)> {
    let by_id = |id: &str| -> String {
        program
            .sessions
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.title.clone())
            .unwrap_or_default()
    };
    check(program)
        .into_iter()
        .filter(|d| d.code == code)
        .map(|d| {
            let who = match code {
                RuleCode::SpeakerOverlap => {
                    let id = d.person.clone().unwrap_or_default();
                    program
                        .speakers
                        .iter()
                        .find(|s| s.id == id)
                        .map(|s| s.name.clone())
                        .unwrap_or(id)
                }
                _ => {
                    let id = d.room.clone().unwrap_or_default();
                    program
                        .rooms
                        .iter()
                        .find(|r| r.id == id)
                        .map(|r| r.name.clone())
                        .unwrap_or(id)
                }
            };
            let (a, b) = (by_id(&d.sessions[0]), by_id(&d.sessions[1]));
            let (x, y) = if a <= b { (a, b) } else { (b, a) };
            (who, x, y)
        })
        .collect()
}

fn check_real(name: &str) {
    let text = read(name);
    let facts = if name.ends_with(".xml") {
        xml_facts(&text)
    } else {
        json_facts(&text)
    };
    let (imported, program) = import_and_load(&text, name);
    assert_eq!(program.sessions.len(), facts.rows.len(), "{name}: sessions");
    assert_eq!(program.rooms.len(), facts.rooms.len(), "{name}: rooms");
    assert_eq!(program.speakers.len(), facts.people, "{name}: speakers");
    assert_eq!(imported.sessions.len(), facts.rows.len(), "{name}");
    // Every session, field by field: title, start and end instants, room, people, track.
    let ours = sorted(&program_rows(&program));
    let theirs = sorted(&facts.rows);
    for (a, b) in ours.iter().zip(&theirs) {
        assert_eq!(a, b, "{name}");
    }
    // The start instants alone, as the issue states it.
    let starts = |rows: &[Row]| sorted(&rows.iter().map(|r| r.start).collect::<Vec<_>>());
    assert_eq!(
        starts(&program_rows(&program)),
        starts(&facts.rows),
        "{name}: starts"
    );
    // What check reports as double bookings is what the source holds.
    // By name: two people of one name in one session are not a double booking.
    let people = overlaps_by(&facts.rows, |r| {
        let mut names = r.people.clone();
        names.dedup();
        names
    });
    assert_eq!(
        reported(&program, RuleCode::SpeakerOverlap),
        people,
        "{name}: speaker overlaps"
    );
    let rooms = overlaps_by(&facts.rows, |r| r.room.clone().into_iter().collect());
    assert_eq!(
        reported(&program, RuleCode::RoomOverlap),
        rooms,
        "{name}: room overlaps"
    );
    // Every session keeps a valid status and nothing is cancelled in these files.
    assert!(program
        .sessions
        .iter()
        .all(|s| s.status == Status::Confirmed));
}

#[test]
fn fosdem_2024_xml_by_pretalx() {
    check_real("fosdem-2024-schedule.xml");
}

#[test]
fn congress_31c3_xml_by_frab() {
    check_real("31c3-schedule.xml");
}

#[test]
fn congress_36c3_json_by_frab() {
    check_real("36c3-schedule.json");
}

#[test]
fn camp_2019_json_by_frab() {
    check_real("frab-camp2019.json");
}

#[test]
fn rc3_json_by_pretalx() {
    check_real("pretalx-rc3.json");
}

#[test]
fn democon_json_by_pretalx() {
    check_real("pretalx-democon.json");
}

#[test]
fn hub_schedule2_json() {
    check_real("hub-schedule2.json");
}

#[test]
fn schema_invalid_example_is_still_imported() {
    check_real("invalid-example.json");
}

#[test]
fn directory_import_loads_as_the_same_event() {
    let text = read("fosdem-2024-schedule.xml");
    let imported = import(&text).expect("import");
    let dir = tempfile::tempdir().expect("tempdir");
    let files = render(&imported, "fosdem-2024-schedule.xml", Layout::Directory);
    assert!(files.iter().any(|(p, _)| p == "event.toml"));
    assert!(files.iter().any(|(p, _)| p == "sessions/2024-02-03.toml"));
    for (path, text) in &files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let program = load_path(dir.path()).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let (_, single) = import_and_load(&text, "fosdem-2024-schedule.xml");
    assert_eq!(
        sorted(&program_rows(&program)),
        sorted(&program_rows(&single))
    );
    assert_eq!(program.speakers.len(), single.speakers.len());
    assert_eq!(program.rooms.len(), single.rooms.len());
}

#[test]
fn time_zone_is_deduced_when_missing() {
    // 36C3 names no zone; every time is at +01:00.
    let (imported, program) = import_and_load(&read("36c3-schedule.json"), "36c3");
    assert!(imported.event.timezone_guessed);
    assert_eq!(program.event.timezone.name(), "Etc/GMT-1");
    let (imported, program) = import_and_load(&read("fosdem-2024-schedule.xml"), "fosdem");
    assert!(!imported.event.timezone_guessed);
    assert_eq!(program.event.timezone.name(), "Europe/Brussels");
}

#[test]
fn bad_input_is_refused_with_a_position() {
    let e = import("<schedule><conference></schedule>").expect_err("not well-formed");
    assert_eq!(e.line, Some(1));
    assert!(e.column.is_some());
    let e = import("{\"schedule\": {\"conference\": 3}}").expect_err("wrong type");
    assert!(e.message.contains("schedule.json"), "{}", e.message);
    let e = import("<iCalendar/>").expect_err("not a schedule");
    assert!(e.message.contains("<iCalendar>"), "{}", e.message);
    let e = import("BEGIN:VCALENDAR").expect_err("neither");
    assert!(e.message.contains("neither XML nor JSON"));
}

// ───────────── Round trips ─────────────

/// A session as both sides must agree on after a round trip.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Trip {
    title: String,
    kind: String,
    start: i64,
    end: i64,
    room: Option<String>,
    track: Option<String>,
    /// Names in order; with roles when the format keeps them.
    speakers: Vec<String>,
    moderators: Vec<String>,
    language: String,
    description: String,
    url: Option<String>,
}

/// The sessions the export carries (scheduled, not cancelled), by id.
fn trips(program: &Program, roles: bool) -> BTreeMap<String, Trip> {
    let schedule = Schedule::new(program);
    let mut out = BTreeMap::new();
    for (s, f) in program.sessions.iter().zip(&schedule.sessions) {
        let Some((start, end)) = f.slot() else {
            continue;
        };
        if s.status == Status::Cancelled {
            continue;
        }
        let name = |r: &agora::model::Ref| {
            program
                .speakers
                .iter()
                .find(|p| p.id == r.value)
                .map(|p| p.name.clone())
        };
        let mut speakers: Vec<String> = s.speakers.iter().filter_map(name).collect();
        let mut moderators: Vec<String> = s.moderators.iter().filter_map(name).collect();
        speakers.dedup();
        moderators.retain(|m| !speakers.contains(m));
        if !roles {
            speakers.append(&mut moderators);
        }
        out.insert(
            s.id.clone(),
            Trip {
                title: s.title.clone(),
                kind: s.kind.as_str().to_string(),
                start,
                end,
                room: f.room.map(|r| program.rooms[r].name.clone()),
                track: f.track.map(|t| program.tracks[t].name.clone()),
                speakers,
                moderators,
                language: s
                    .language
                    .clone()
                    .unwrap_or_else(|| program.event.language.clone()),
                description: s.description.clone().unwrap_or_default().trim().to_string(),
                url: s.url.clone(),
            },
        );
    }
    out
}

fn round_trip(original: &Program, label: &str) {
    for (format, text, roles) in [
        ("xml", frab_xml::write(original), false),
        ("json", frab_json::write(original), true),
    ] {
        let want = trips(original, roles);
        if want.is_empty() {
            // Nothing exported: the schedule holds no session, and importing it is refused.
            let refused = import(&text).expect_err("an empty schedule is refused");
            assert!(refused.message.contains("holds no session"), "{refused:?}");
            continue;
        }
        let (_, back) = import_and_load(&text, &format!("{label}.{format}"));
        let got = trips(&back, roles);
        assert_eq!(
            got.keys().collect::<Vec<_>>(),
            want.keys().collect::<Vec<_>>(),
            "{label} via {format}: session ids"
        );
        for (id, w) in &want {
            assert_eq!(&got[id], w, "{label} via {format}: session {id}");
        }
        assert_eq!(back.sessions.len(), want.len(), "{label} via {format}");
        // Every room comes back, in order, with its name (and in JSON its id, capacity and
        // location); event-wide breaks come back without a room.
        let names = |p: &Program| p.rooms.iter().map(|r| r.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&back), names(original), "{label} via {format}: rooms");
        let tracks = |p: &Program| {
            p.tracks
                .iter()
                .map(|t| (t.name.clone(), t.color.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            tracks(&back),
            tracks(original),
            "{label} via {format}: tracks"
        );
        // The speakers of the exported sessions, with their names.
        let used: BTreeSet<String> = want
            .values()
            .flat_map(|t| t.speakers.iter().chain(&t.moderators).cloned())
            .collect();
        let back_names: BTreeSet<String> = back.speakers.iter().map(|s| s.name.clone()).collect();
        assert_eq!(back_names, used, "{label} via {format}: speakers");
        // Two speakers who share a name stay two.
        let schedule = Schedule::new(original);
        let used_ids: BTreeSet<usize> = schedule
            .sessions
            .iter()
            .zip(&original.sessions)
            .filter(|(f, s)| f.slot().is_some() && s.status != Status::Cancelled)
            .flat_map(|(f, _)| f.people.iter().copied())
            .collect();
        assert_eq!(
            back.speakers.len(),
            used_ids.len(),
            "{label} via {format}: speaker count"
        );
        if format == "json" {
            let ids = |p: &Program| p.rooms.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
            let ok_slug = |id: &String| {
                !id.contains('.')
                    && id.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && id.len() >= 2
            };
            for (a, b) in ids(&back).iter().zip(ids(original)) {
                if ok_slug(&b) {
                    assert_eq!(a, &b, "{label} via json: room id");
                }
            }
            let capacity = |p: &Program| p.rooms.iter().map(|r| r.capacity).collect::<Vec<_>>();
            assert_eq!(
                capacity(&back),
                capacity(original),
                "{label} via json: capacities"
            );
            for s in &back.speakers {
                assert!(
                    original
                        .speakers
                        .iter()
                        .any(|o| o.id == s.id && o.name == s.name),
                    "{label} via json: speaker {} keeps its id",
                    s.id
                );
            }
        }
        assert_eq!(back.event.timezone, original.event.timezone, "{label}");
        // Exporting the import again gives the same file: ids, GUIDs and order are stable.
        if format == "json" {
            let again = frab_json::write(&back);
            assert_eq!(
                sessions_of_json(&again),
                sessions_of_json(&text),
                "{label}: a second export"
            );
        }
    }
}

/// (guid, date, end, room, title) of every event of an exported schedule.json.
fn sessions_of_json(text: &str) -> Vec<(String, String, String, String, String)> {
    let doc: Value = serde_json::from_str(text).expect("json");
    let mut out = Vec::new();
    for day in doc["schedule"]["conference"]["days"]
        .as_array()
        .into_iter()
        .flatten()
    {
        for (_, events) in day["rooms"].as_object().into_iter().flatten() {
            for e in events.as_array().into_iter().flatten() {
                let f = |k: &str| e[k].as_str().unwrap_or_default().to_string();
                out.push((f("guid"), f("date"), f("end"), f("room"), f("title")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn seed_event_round_trips() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let program = load_path(&path).unwrap_or_else(|f| panic!("{:?}", f.errors));
    round_trip(&program, "seed");
    // The seed's breaks have no room: they travel in the event-wide column and come back.
    let schedule = Schedule::new(&program);
    assert!(schedule
        .sessions
        .iter()
        .any(|f| f.scheduled && f.room.is_none()));
}

/// Programs from `agora generate` (the project's own scale generator): rooms with their
/// tracks, a plenary, event-wide lunches, partial availability, planted conflicts, and more
/// speakers than first-name/last-name pairs, so several share a name.
#[test]
fn agora_generated_programs_round_trip() {
    for (sessions, rooms, speakers, days, rate, seed) in [
        (40, 3, 30, 1, 0.0, 1),
        (300, 8, 400, 3, 0.1, 2),
        (1000, 20, 600, 2, 0.02, 3),
    ] {
        let text = agora::generate::generate(&agora::generate::Options {
            sessions,
            rooms,
            speakers,
            days,
            conflict_rate: rate,
            seed,
        });
        let program = load_str(Path::new("generated.toml"), &text)
            .unwrap_or_else(|f| panic!("{:?}", f.errors));
        round_trip(&program, &format!("agora generate {sessions}/{seed}"));
    }
}

#[test]
fn exports_are_deterministic_and_guids_stable() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let program = load_path(&path).unwrap_or_else(|f| panic!("{:?}", f.errors));
    assert_eq!(frab_xml::write(&program), frab_xml::write(&program));
    assert_eq!(frab_json::write(&program), frab_json::write(&program));
    // Moving a session does not change its GUID or number; the version does change.
    let text = std::fs::read_to_string(&path).expect("seed");
    let moved = text.replacen(
        "start = 2017-12-05T14:00:00",
        "start = 2017-12-05T14:15:00",
        1,
    );
    assert_ne!(moved, text);
    let moved = load_str(&path, &moved).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let a = frab_json::write(&program);
    let b = frab_json::write(&moved);
    let ids = |t: &str| {
        let mut v: Vec<(String, String)> = sessions_of_json(t)
            .into_iter()
            .map(|(g, _, _, _, title)| (g, title))
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&a), ids(&b));
    let version = |t: &str| -> String {
        let doc: Value = serde_json::from_str(t).expect("json");
        doc["schedule"]["version"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    assert_ne!(version(&a), version(&b));
}

#[test]
fn cancelled_and_unscheduled_sessions_are_left_out() {
    let toml = r#"
[event]
id = "ev"
name = "Ev"
timezone = "Europe/Paris"
start = 2024-05-01
end = 2024-05-01

[[rooms]]
id = "r1"
name = "Room"

[[sessions]]
id = "kept"
title = "Kept"
room = "r1"
start = 2024-05-01T10:00:00
duration = 30

[[sessions]]
id = "gone"
title = "Cancelled one"
room = "r1"
start = 2024-05-01T11:00:00
duration = 30
status = "cancelled"

[[sessions]]
id = "later"
title = "Not scheduled yet"
"#;
    let program = load_str(Path::new("ev.toml"), toml).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let left = agora::export::frab::left_out(&program);
    assert_eq!(left.cancelled, vec!["gone".to_string()]);
    assert_eq!(left.unscheduled, vec!["later".to_string()]);
    for text in [frab_xml::write(&program), frab_json::write(&program)] {
        assert!(text.contains("Kept"));
        assert!(!text.contains("Cancelled one"), "{text}");
        assert!(!text.contains("Not scheduled yet"));
    }
}

#[test]
fn untrusted_text_is_escaped_in_both_exports() {
    let toml = r#"
[event]
id = "ev"
name = "A & B <script>alert(1)</script> \"quoted\""
timezone = "UTC"
start = 2024-05-01
end = 2024-05-01

[[rooms]]
id = "r1"
name = "Room \"1\" <&>"

[[speakers]]
id = "p"
name = "</person><person>Eve\u202E"

[[sessions]]
id = "s"
title = "]]> <![CDATA[ & \u0001 control"
room = "r1"
start = 2024-05-01T10:00:00
duration = 30
speakers = ["p"]
description = "line one\r\nline two\n\npara <b>"
"#;
    let program = load_str(Path::new("ev.toml"), toml).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let xml = frab_xml::write(&program);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let persons: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("person"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(persons, vec!["</person><person>Eve"]);
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("title") && n.parent().is_some_and(|p| p.has_tag_name("event")))
        .and_then(|n| n.text());
    // Control characters are dropped (as in every agora export), the rest is kept.
    assert_eq!(title, Some("]]> <![CDATA[ & control"));
    let json_text = frab_json::write(&program);
    let json: Value = serde_json::from_str(&json_text).expect("valid JSON");
    assert_eq!(
        json["schedule"]["conference"]["title"],
        program.event.name.as_str()
    );
    for text in [&xml, &json_text] {
        assert!(!text.contains('\u{202E}'), "a bidi override survived");
        assert!(!text.contains("\\u0001") && !text.contains('\u{1}'));
    }
}

// ───────────── Generated programs ─────────────

/// A small deterministic generator of event files: zones with and without daylight saving,
/// days around the changes, awkward ids and names, event-wide breaks, cancelled and
/// unscheduled sessions, speakers and moderators.
fn generate(seed: u64) -> String {
    let mut state = seed ^ 0x9e37_79b9_7f4a_7c15;
    let mut next = move |n: u64| -> u64 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n.max(1)
    };
    let zones = [
        ("Europe/Paris", "2024-10-26"),
        ("Europe/Paris", "2024-03-30"),
        ("America/New_York", "2024-11-02"),
        ("Asia/Kolkata", "2024-01-10"),
        ("UTC", "2024-06-01"),
        ("Australia/Adelaide", "2024-04-06"),
    ];
    let (tz, first) = zones[next(zones.len() as u64) as usize];
    let first: chrono::NaiveDate = first.parse().expect("date");
    let days = 1 + next(3) as i64;
    let mut out = String::new();
    let q = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    out.push_str(&format!(
        "[event]\nid = \"gen-{seed}\"\nname = {}\ntimezone = \"{tz}\"\nstart = {first}\nend = {}\nlanguage = \"{}\"\n",
        q(&format!("Rencontres \"{seed}\" & co")),
        first + chrono::Duration::days(days - 1),
        ["fr", "en", "de"][next(3) as usize]
    ));
    let room_ids = ["amphi", "r1", "salle.b", "hall-2", "x"];
    let room_names = ["Amphithéâtre", "Room <1>", "Salle B & C", "Hall \"2\"", "X"];
    let rooms = 1 + next(room_ids.len() as u64) as usize;
    for i in 0..rooms {
        out.push_str(&format!(
            "\n[[rooms]]\nid = \"{}\"\nname = {}\n",
            room_ids[i],
            q(room_names[i])
        ));
        if next(2) == 0 {
            out.push_str(&format!("capacity = {}\n", 10 + next(500)));
        }
    }
    let track_ids = ["data", "t2", "ux.design"];
    let tracks = next(track_ids.len() as u64 + 1) as usize;
    for (i, id) in track_ids.iter().enumerate().take(tracks) {
        out.push_str(&format!(
            "\n[[tracks]]\nid = \"{id}\"\nname = \"Track {i} — ‘{id}’\"\n"
        ));
        if next(2) == 0 {
            out.push_str(&format!("color = \"#{:06x}\"\n", next(0xff_ffff)));
        }
    }
    let people = [
        "Zoé Martin",
        "Li Wei",
        "O'Brien",
        "Ana María",
        "Jean-Luc \"JL\"",
        "Ève",
    ];
    let speakers = 1 + next(people.len() as u64) as usize;
    for (i, name) in people.iter().enumerate().take(speakers) {
        out.push_str(&format!(
            "\n[[speakers]]\nid = \"p{i}\"\nname = {}\n",
            q(name)
        ));
    }
    let kinds = [
        "talk",
        "keynote",
        "panel",
        "workshop",
        "roundtable",
        "break",
        "social",
        "other",
    ];
    let sessions = 1 + next(24);
    for n in 0..sessions {
        let id = match next(4) {
            0 => format!("s{n}"),
            1 => format!("session.{n}"),
            2 => format!("talk-{n}-about-things"),
            _ => format!("{n}"),
        };
        let kind = kinds[next(kinds.len() as u64) as usize];
        out.push_str(&format!(
            "\n[[sessions]]\nid = \"{id}\"\ntitle = {}\nkind = \"{kind}\"\n",
            q(&format!("Session {n}: «{kind}» & <more>"))
        ));
        if next(6) != 0 {
            let day = first + chrono::Duration::days(next(days as u64) as i64);
            let minutes = next(24 * 12) * 5;
            out.push_str(&format!(
                "start = {day}T{:02}:{:02}:00\n",
                minutes / 60,
                minutes % 60
            ));
            out.push_str(&format!("duration = {}\n", 5 * (1 + next(36))));
        }
        let event_wide = matches!(kind, "break" | "social") && next(2) == 0;
        if !event_wide && next(8) != 0 {
            out.push_str(&format!(
                "room = \"{}\"\n",
                room_ids[next(rooms as u64) as usize]
            ));
        }
        if tracks > 0 && next(2) == 0 {
            out.push_str(&format!(
                "track = \"{}\"\n",
                track_ids[next(tracks as u64) as usize]
            ));
        }
        let mut chosen: Vec<usize> = (0..speakers).filter(|_| next(3) == 0).collect();
        chosen.truncate(4);
        let split = next(chosen.len() as u64 + 1) as usize;
        let list = |ids: &[usize]| {
            ids.iter()
                .map(|i| format!("\"p{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if split > 0 {
            out.push_str(&format!("speakers = [{}]\n", list(&chosen[..split])));
        }
        if split < chosen.len() {
            out.push_str(&format!("moderators = [{}]\n", list(&chosen[split..])));
        }
        match next(10) {
            0 => out.push_str("status = \"cancelled\"\n"),
            1 => out.push_str("status = \"tentative\"\n"),
            _ => {}
        }
        if next(3) == 0 {
            out.push_str("language = \"es\"\n");
        }
        if next(2) == 0 {
            out.push_str(&format!(
                "description = \"\"\"\nFirst paragraph of {n}, with \"quotes\" & <tags>.\n\nSecond paragraph.\nStill the second.\"\"\"\n"
            ));
        }
        if next(3) == 0 {
            out.push_str(&format!("url = \"https://example.org/s/{n}?a=1&b=2\"\n"));
        }
    }
    out
}

#[test]
fn the_generator_covers_what_it_should() {
    let all: String = (0..64).map(generate).collect();
    for needle in [
        "cancelled",
        "moderators",
        "salle.b",
        "session.",
        "Australia/Adelaide",
        "kind = \"break\"",
    ] {
        assert!(all.contains(needle), "{needle}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_programs_round_trip(seed in any::<u64>()) {
        let text = generate(seed);
        let program = load_str(Path::new("generated.toml"), &text)
            .unwrap_or_else(|f| panic!("{text}\n{:?}", f.errors));
        round_trip(&program, &format!("generated {seed}"));
    }
}

/// Giggity reads a session's time as the day's `date` plus `<start>`, moved to the next day
/// when earlier than 06:00 (its day change); the day's `start`/`end` must frame its sessions.
#[test]
fn days_frame_their_sessions_the_way_apps_read_them() {
    for seed in 0..40 {
        let text = generate(seed);
        let program = load_str(Path::new("generated.toml"), &text)
            .unwrap_or_else(|f| panic!("{text}\n{:?}", f.errors));
        let xml = frab_xml::write(&program);
        let doc = roxmltree::Document::parse(&xml).expect("xml");
        for day in doc.descendants().filter(|n| n.has_tag_name("day")) {
            let date: chrono::NaiveDate =
                day.attribute("date").expect("date").parse().expect("date");
            let day_start = instant(day.attribute("start").expect("start"));
            let day_end = instant(day.attribute("end").expect("end"));
            assert!(day_start < day_end, "seed {seed}");
            for event in day.descendants().filter(|n| n.has_tag_name("event")) {
                let child = |name: &str| {
                    event
                        .children()
                        .find(|n| n.has_tag_name(name))
                        .and_then(|n| n.text())
                        .unwrap_or_default()
                        .to_string()
                };
                let when = DateTime::parse_from_rfc3339(&child("date")).expect("date");
                let start = when.timestamp();
                assert!(day_start <= start, "seed {seed}: starts before its day");
                assert!(
                    start + seconds(&child("duration")) <= day_end,
                    "seed {seed}: ends after its day"
                );
                let time =
                    chrono::NaiveTime::parse_from_str(&child("start"), "%H:%M").expect("start");
                let mut giggity = date.and_time(time);
                if time < chrono::NaiveTime::from_hms_opt(6, 0, 0).expect("06:00") {
                    giggity += chrono::Duration::days(1);
                }
                assert_eq!(
                    giggity.format("%Y-%m-%dT%H:%M").to_string(),
                    when.naive_local().format("%Y-%m-%dT%H:%M").to_string(),
                    "seed {seed}: Giggity would place '{}' elsewhere",
                    child("title")
                );
            }
        }
    }
}

#[test]
fn a_selection_exports_only_its_sessions() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let program = load_path(&path).unwrap_or_else(|f| panic!("{:?}", f.errors));
    let in_amphi: Vec<String> = program
        .sessions
        .iter()
        .filter(|s| s.room.as_ref().is_some_and(|r| r.value == "amphi"))
        .map(|s| s.id.clone())
        .collect();
    let want: BTreeSet<String> = trips(&program, true)
        .into_iter()
        .filter(|(_, t)| t.room.as_deref() == Some("Amphithéâtre"))
        .map(|(id, _)| id)
        .collect();
    assert!(want.len() > 3);
    let selection = Selection {
        sessions: in_amphi,
        ..Selection::default()
    };
    let options = Options::default();
    for format in [Format::FrabXml, Format::FrabJson] {
        let files = export(&program, &[format], &selection, None, &options).expect("exports");
        let text = String::from_utf8(files[0].bytes.to_vec()).expect("UTF-8");
        let (_, back) = import_and_load(&text, "amphi");
        let got: BTreeSet<String> = back.sessions.iter().map(|s| s.id.clone()).collect();
        assert_eq!(got, want);
    }
}

/// What the XSD's identity constraints and patterns demand, checked on every event the project
/// ships (the schema validators themselves run in CI): unique GUIDs, ids and slugs, UUIDs,
/// lowercase slugs, `HH:MM` durations and starts, dates with offsets. `every-rule.toml` has
/// two sessions with one id: they still get distinct identifiers.
#[test]
fn exports_of_every_shipped_event_keep_the_schema_constraints() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut events: Vec<PathBuf> = vec![root.join("events/forum-interconnectes-2017.toml")];
    for dir in ["events/examples", "tests/data"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("dir").flatten() {
            let path = entry.path();
            if (path.extension().is_some_and(|x| x == "toml") || path.is_dir())
                && load_path(&path).is_ok()
            {
                events.push(path);
            }
        }
    }
    assert!(events.len() >= 4, "{events:?}");
    let uuid = |s: &str| {
        s.len() == 36
            && s.chars().enumerate().all(|(i, c)| {
                if [8, 13, 18, 23].contains(&i) {
                    c == '-'
                } else {
                    c.is_ascii_hexdigit()
                }
            })
    };
    let hh_mm = |s: &str| {
        let (h, m) = s.split_once(':').unwrap_or(("", ""));
        !h.is_empty() && h.len() <= 2 && h.bytes().all(|b| b.is_ascii_digit()) && m.len() == 2
    };
    for path in events {
        let program = load_path(&path).unwrap_or_else(|f| panic!("{:?}", f.errors));
        let xml = frab_xml::write(&program);
        let doc = roxmltree::Document::parse(&xml).expect("well-formed");
        let mut guids = BTreeSet::new();
        let mut ids = BTreeSet::new();
        let mut slugs = BTreeSet::new();
        for event in doc.descendants().filter(|n| n.has_tag_name("event")) {
            let guid = event.attribute("guid").expect("guid");
            assert!(uuid(guid), "{}: {guid}", path.display());
            assert!(
                guids.insert(guid.to_string()),
                "{}: GUID twice",
                path.display()
            );
            let id: u32 = event.attribute("id").expect("id").parse().expect("number");
            assert!(id >= 1 && ids.insert(id), "{}: id {id}", path.display());
            let child = |name: &str| {
                event
                    .children()
                    .find(|n| n.has_tag_name(name))
                    .and_then(|n| n.text())
                    .unwrap_or_default()
                    .to_string()
            };
            let slug = child("slug");
            let (head, tail) = slug.split_once('-').expect("acronym-tail");
            assert!(head.len() >= 4 && tail.len() >= 4, "{slug}");
            assert!(slug
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'));
            assert!(
                slugs.insert(slug.clone()),
                "{}: slug {slug} twice",
                path.display()
            );
            assert!(hh_mm(&child("duration")) && hh_mm(&child("start")));
            assert!(DateTime::parse_from_rfc3339(&child("date")).is_ok());
        }
        let json: Value = serde_json::from_str(&frab_json::write(&program)).expect("json");
        let mut guids_json = BTreeSet::new();
        for (g, _, _, _, _) in sessions_of_json(&serde_json::to_string(&json).expect("json")) {
            assert!(guids_json.insert(g));
        }
        assert_eq!(guids, guids_json, "{}", path.display());
    }
}
