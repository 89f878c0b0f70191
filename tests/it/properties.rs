//! Properties over random programs, beyond the core's own: checking any generated (and then
//! damaged) program never panics, gives JSON that parses and the same diagnostics every time;
//! undoing any edit sequence restores the exact program and leaves the file byte for byte as it
//! was; exports parse back (ics with the `ical` crate, csv with `csv`, json with `serde_json`)
//! to the same sessions at the same times.
//!
//! `PROPTEST_CASES=N cargo test --test properties` runs N cases per property (default 32).

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use crate::export_support;

use std::collections::BTreeMap;
use std::path::Path;

use agora::edit::{self, Document, Edit, Field, History, Role};
use agora::export::{clean, export, Format, Options as ExportOptions, Selection};
use agora::generate::{generate, Options};
use agora::model::{Kind, Program, Status};
use agora::rules::Schedule;
use chrono::NaiveDateTime;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

/// Small generated programs: any size up to 40 sessions, any share of planted conflicts.
fn generated() -> impl Strategy<Value = String> {
    (
        1usize..40,
        1usize..5,
        1usize..16,
        1usize..4,
        0.0f64..=1.0,
        any::<u64>(),
    )
        .prop_map(|(sessions, rooms, speakers, days, conflict_rate, seed)| {
            generate(&Options {
                sessions,
                rooms,
                speakers,
                days,
                conflict_rate,
                seed,
            })
        })
}

// ── (a) check never panics, JSON parses, diagnostics are deterministic ──

/// Values that make the rules and the loader work: wrong types, impossible dates, references
/// to nothing, times in other zones, DST gaps.
const VALUES: &[&str] = &[
    "\"\"",
    "0",
    "-30",
    "99999999999",
    "true",
    "[]",
    "\"room-0\"",
    "\"speaker-1\"",
    "\"nobody\"",
    "[\"speaker-0\", \"speaker-0\"]",
    "2025-06-02T10:00:00",
    "2025-06-02T10:00:00+09:00",
    "2025-03-30T02:30:00",
    "2025-02-30T10:00:00",
    "2025-06-03",
    "{ level = \"error\" }",
    "\"cancelled\"",
    "\"break\"",
];

/// Lines to insert: keys the generator does not write, and headers that split tables.
const LINES: &[&str] = &[
    "allow = [\"room-overlap\", \"speaker-overlap\"]",
    "status = \"cancelled\"",
    "status = \"tentative\"",
    "plenary = true",
    "kind = \"break\"",
    "end = 2025-06-02T09:00:00",
    "expected = 100000",
    "requires = [\"projector\", \"teleporter\"]",
    "moderators = [\"speaker-0\"]",
    "available = [{ from = 2025-06-02T12:00:00, to = 2025-06-02T13:00:00 }]",
    "[[sessions]]",
    "[[rooms]]",
    "[[speakers]]",
    "[checks]",
    "room-overlap = \"off\"",
    "speaker-changeover = { level = \"error\", minutes = 240 }",
];

#[derive(Debug, Clone)]
enum Mutation {
    Delete(prop::sample::Index),
    Duplicate(prop::sample::Index),
    Swap(prop::sample::Index, prop::sample::Index),
    SetValue(prop::sample::Index, &'static str),
    Insert(prop::sample::Index, &'static str),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        index().prop_map(Mutation::Delete),
        index().prop_map(Mutation::Duplicate),
        (index(), index()).prop_map(|(a, b)| Mutation::Swap(a, b)),
        (index(), prop::sample::select(VALUES)).prop_map(|(a, v)| Mutation::SetValue(a, v)),
        (index(), prop::sample::select(LINES)).prop_map(|(a, l)| Mutation::Insert(a, l)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    for m in mutations {
        if lines.is_empty() {
            break;
        }
        match m {
            Mutation::Delete(i) => {
                lines.remove(i.index(lines.len()));
            }
            Mutation::Duplicate(i) => {
                let i = i.index(lines.len());
                lines.insert(i, lines[i].clone());
            }
            Mutation::Swap(a, b) => {
                let (a, b) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(a, b);
            }
            Mutation::SetValue(i, value) => {
                let i = i.index(lines.len());
                if let Some((key, _)) = lines[i].split_once(" = ") {
                    lines[i] = format!("{key} = {value}");
                }
            }
            Mutation::Insert(i, line) => {
                let i = i.index(lines.len() + 1);
                lines.insert(i, line.to_string());
            }
        }
    }
    lines.join("\n") + "\n"
}

/// Everything `check` shows for a text: the text report and the JSON, or the input errors.
fn check_output(text: &str) -> String {
    match agora::load::load_str(Path::new("generated.toml"), text) {
        Ok(program) => {
            let diagnostics = agora::rules::check(&program);
            // The same program checked again gives the same diagnostics, in the same order.
            assert_eq!(diagnostics, agora::rules::check(&program));
            let report = agora::report::text::report(&program, &diagnostics, false);
            let json = agora::report::json::render(&program, &diagnostics);
            let value: serde_json::Value = serde_json::from_str(&json)
                .unwrap_or_else(|e| panic!("check JSON does not parse ({e}):\n{json}"));
            let listed = value["diagnostics"].as_array().map(Vec::len);
            assert_eq!(listed, Some(diagnostics.len()), "{json}");
            format!("{report}\n{json}")
        }
        Err(failure) => {
            assert!(!failure.errors.is_empty(), "a failed load says why");
            failure
                .errors
                .iter()
                .map(|e| agora::report::text::input_error(&failure.sources, e, false))
                .collect::<Vec<_>>()
                .join("\n")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn checking_a_damaged_generated_program_is_total_and_deterministic(
        text in generated(),
        mutations in prop::collection::vec(mutation(), 0..8),
    ) {
        let text = mutate(&text, &mutations);
        let first = check_output(&text);
        prop_assert_eq!(first, check_output(&text));
    }
}

// ── (b) undo restores the exact program ──

const FORUM: &str = include_str!("../../events/forum-interconnectes-2017.toml");
const COMMENTED: &str = include_str!("../data/commented.toml");

/// One intention of an organiser; indices wrap around the program's lists.
#[derive(Debug, Clone)]
enum Op {
    Move(usize, i64),
    Resize(usize, i64),
    Place(usize, u32, usize),
    Room(usize, usize),
    Title(usize, String),
    Description(usize, Option<String>),
    Kind(usize, usize),
    Status(usize, usize),
    Times(usize, Option<u32>, Option<i64>),
    Url(usize, Option<String>),
    Duplicate(usize),
    Remove(usize),
    New(usize, Option<u32>, usize),
    Person(usize, usize, bool),
    NewSpeaker(String),
    RemoveSpeaker(usize),
    NewRoom(String),
    RemoveRoom(usize),
    Undo,
    Redo,
}

fn op() -> impl Strategy<Value = Op> {
    let i = any::<usize>;
    let text = "[a-zA-Zé0-9 \"#\\\\'\\[\\]=\n\t{}]{1,24}";
    prop_oneof![
        (i(), -12i64..12).prop_map(|(s, n)| Op::Move(s, n * 5)),
        (i(), -6i64..6).prop_map(|(s, n)| Op::Resize(s, n * 5)),
        (i(), 0u32..(2 * 24 * 4), i()).prop_map(|(s, q, r)| Op::Place(s, q, r)),
        (i(), i()).prop_map(|(s, r)| Op::Room(s, r)),
        (i(), text).prop_map(|(s, t)| Op::Title(s, t)),
        (i(), prop::option::of(text)).prop_map(|(s, t)| Op::Description(s, t)),
        (i(), 0usize..8).prop_map(|(s, k)| Op::Kind(s, k)),
        (i(), 0usize..3).prop_map(|(s, k)| Op::Status(s, k)),
        (
            i(),
            prop::option::of(0u32..(2 * 24 * 4)),
            prop::option::of(1i64..300)
        )
            .prop_map(|(s, q, m)| Op::Times(s, q, m)),
        (
            i(),
            prop::option::of("https://[a-z]{1,8}\\.org/[a-z#?=]{0,8}")
        )
            .prop_map(|(s, u)| Op::Url(s, u)),
        i().prop_map(Op::Duplicate),
        i().prop_map(Op::Remove),
        (i(), prop::option::of(0u32..(2 * 24 * 4)), i()).prop_map(|(s, q, r)| Op::New(s, q, r)),
        (i(), i(), any::<bool>()).prop_map(|(s, p, m)| Op::Person(s, p, m)),
        "[A-Z][a-zé]{1,8} [A-Z][a-z]{1,8}".prop_map(Op::NewSpeaker),
        i().prop_map(Op::RemoveSpeaker),
        "Salle [A-Za-z0-9]{1,8}".prop_map(Op::NewRoom),
        i().prop_map(Op::RemoveRoom),
        Just(Op::Undo),
        Just(Op::Redo),
    ]
}

/// A quarter of an hour of the event's first two days.
fn quarter(program: &Program, q: u32) -> NaiveDateTime {
    program.event.start.and_time(chrono::NaiveTime::MIN) + chrono::Duration::minutes(q as i64 * 15)
}

fn room_id(program: &Program, r: usize) -> Option<String> {
    program
        .rooms
        .get(r % (program.rooms.len() + 1))
        .map(|r| r.id.clone())
}

/// The edit `op` asks for, when the editor would make one.
fn edit_for(doc: &Document, op: &Op) -> Option<Edit> {
    let p = &doc.program;
    let n = p.sessions.len();
    let s = |i: usize| (n > 0).then(|| i % n);
    match op {
        Op::Move(i, m) => edit::move_by(doc, s(*i)?, *m).ok(),
        Op::Resize(i, m) => edit::resize_by(doc, s(*i)?, *m).ok(),
        Op::Place(i, q, r) => edit::place(doc, s(*i)?, quarter(p, *q), room_id(p, *r)).ok(),
        Op::Room(i, r) => {
            let i = s(*i)?;
            Some(Edit::Reassign {
                session: i,
                from: p.sessions[i].room.as_ref().map(|r| r.value.clone()),
                to: room_id(p, *r),
            })
        }
        Op::Title(i, t) => {
            let t = t.trim();
            if t.is_empty() {
                return None;
            }
            edit::set_fields(doc, s(*i)?, vec![Field::Title(t.to_string())])
        }
        Op::Description(i, d) => edit::set_fields(doc, s(*i)?, vec![Field::Description(d.clone())]),
        Op::Kind(i, k) => {
            let kind = Kind::parse(Kind::NAMES[k % Kind::NAMES.len()])?;
            edit::set_fields(doc, s(*i)?, vec![Field::Kind(kind)])
        }
        Op::Status(i, k) => {
            let status = Status::parse(Status::NAMES[k % Status::NAMES.len()])?;
            edit::set_fields(doc, s(*i)?, vec![Field::Status(status)])
        }
        Op::Times(i, q, m) => {
            if q.is_some() && m.is_none() {
                return None;
            }
            let start = q.map(|q| agora::model::DateTimeValue::Local(quarter(p, q)));
            edit::set_fields(
                doc,
                s(*i)?,
                vec![Field::Start(start), Field::Duration(*m), Field::End(None)],
            )
        }
        Op::Url(i, u) => edit::set_fields(doc, s(*i)?, vec![Field::Url(u.clone())]),
        Op::Duplicate(i) => edit::duplicate_session(doc, s(*i)?).ok(),
        Op::Remove(i) => {
            let i = s(*i)?;
            Some(Edit::RemoveSession {
                index: i,
                session: Box::new(p.sessions[i].clone()),
                origin: doc.origins.sessions[i],
            })
        }
        Op::New(i, q, r) => {
            edit::new_session(doc, q.map(|q| quarter(p, q)), room_id(p, *r), s(*i)).ok()
        }
        Op::Person(i, who, moderator) => {
            let speakers = &p.speakers;
            let id = speakers.get(who % speakers.len().max(1))?.id.clone();
            let role = if *moderator {
                Role::Moderator
            } else {
                Role::Speaker
            };
            edit::toggle_person(doc, s(*i)?, role, &id).ok()
        }
        Op::NewSpeaker(name) => edit::new_speaker(doc, name).ok(),
        Op::RemoveSpeaker(i) => {
            let n = p.speakers.len();
            let i = (n > 0).then(|| i % n)?;
            Some(Edit::RemoveSpeaker {
                index: i,
                speaker: Box::new(p.speakers[i].clone()),
                origin: doc.origins.speakers[i],
            })
        }
        Op::NewRoom(name) => edit::new_room(doc, name, Some(30)).ok(),
        Op::RemoveRoom(i) => {
            let n = p.rooms.len();
            let i = (n > 0).then(|| i % n)?;
            Some(Edit::RemoveRoom {
                index: i,
                room: Box::new(p.rooms[i].clone()),
                origin: doc.origins.rooms[i],
            })
        }
        Op::Undo | Op::Redo => None,
    }
}

fn run(doc: &mut Document, history: &mut History, ops: &[Op]) {
    for op in ops {
        match op {
            Op::Undo => {
                history.undo(doc);
            }
            Op::Redo => {
                history.redo(doc);
            }
            op => {
                if let Some(e) = edit_for(doc, op) {
                    history.perform(doc, e);
                }
            }
        }
    }
}

fn seed_text() -> impl Strategy<Value = (String, String)> {
    prop_oneof![
        Just(("forum.toml".to_string(), FORUM.to_string())),
        Just(("commented.toml".to_string(), COMMENTED.to_string())),
        generated().prop_map(|t| ("generated.toml".to_string(), t)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    /// Undo everything: the program is the one loaded — every field, every position in the
    /// file, every origin — nothing is left to save, and a save leaves the file as it was.
    #[test]
    fn undoing_any_edit_sequence_restores_the_exact_program(
        (name, text) in seed_text(),
        ops in prop::collection::vec(op(), 1..40),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let (mut doc, mut disk) = agora::save::open(&path).unwrap();
        let original = format!("{:?}", doc.program);
        let origins = doc.origins.clone();
        let mut history = History::new();
        run(&mut doc, &mut history, &ops);
        while history.undo(&mut doc).is_some() {}
        prop_assert!(!history.is_dirty());
        prop_assert_eq!(&origins, &doc.origins);
        prop_assert_eq!(original, format!("{:?}", doc.program));
        prop_assert!(agora::save::render(&doc).unwrap().is_empty());
        let saved = agora::save::save(&mut doc, &mut disk, false).unwrap();
        prop_assert!(saved.written.is_empty());
        prop_assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    }

    /// Edits, a save, more edits, a save, then undo of everything and a save: the program
    /// loaded from the file is the original one (a session deleted and saved comes back at
    /// the end of its file, so sessions compare as a set of ids with their content).
    #[test]
    fn undoing_across_saves_restores_the_program(
        (name, text) in seed_text(),
        first in prop::collection::vec(op(), 1..20),
        second in prop::collection::vec(op(), 0..20),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, &text).unwrap();
        let (mut doc, mut disk) = agora::save::open(&path).unwrap();
        let mut history = History::new();
        run(&mut doc, &mut history, &first);
        agora::save::save(&mut doc, &mut disk, false).unwrap();
        history.mark_saved();
        run(&mut doc, &mut history, &second);
        agora::save::save(&mut doc, &mut disk, false).unwrap();
        history.mark_saved();
        while history.undo(&mut doc).is_some() {}
        agora::save::save(&mut doc, &mut disk, false).unwrap();
        let back = agora::load::load_path(&path).unwrap();
        let before = agora::load::load_str(&path, &text).unwrap();
        prop_assert_eq!(content(&before), content(&back));
    }
}

/// Sessions, rooms and speakers by id, positions in the file aside.
fn content(p: &Program) -> BTreeMap<String, String> {
    let zero = agora::source::Span::default();
    let mut out = BTreeMap::new();
    for s in &p.sessions {
        let mut s = s.clone();
        s.span = zero;
        s.id_span = zero;
        for r in s.speakers.iter_mut().chain(s.moderators.iter_mut()) {
            r.span = zero;
        }
        for r in [&mut s.track, &mut s.room].into_iter().flatten() {
            r.span = zero;
        }
        for v in [&mut s.start, &mut s.end].into_iter().flatten() {
            v.span = zero;
        }
        if let Some(v) = &mut s.duration {
            v.span = zero;
        }
        out.insert(format!("session {}", s.id), format!("{s:?}"));
    }
    for r in &p.rooms {
        out.insert(format!("room {}", r.id), r.name.clone());
    }
    for s in &p.speakers {
        out.insert(format!("speaker {}", s.id), s.name.clone());
    }
    out
}

// ── (c) exports parse back to the same sessions and times ──

/// Titles of any text: quotes, backslashes, commas, semicolons, line breaks, a leading `=`
/// (spreadsheet formulas), emoji and accents.
fn titled() -> impl Strategy<Value = String> {
    (
        generated(),
        prop::collection::vec(
            prop::option::weighted(0.5, "[a-zA-Z0-9 ,;:\"\\\\\n\té€😀=+@-]{1,40}"),
            0..40,
        ),
    )
        .prop_map(|(text, titles)| {
            let mut titles = titles.into_iter();
            text.lines()
                .map(
                    |l| match (l.starts_with("title = "), titles.next().flatten()) {
                        (true, Some(t)) => format!("title = {}", toml_string(&t)),
                        _ => l.to_string(),
                    },
                )
                .collect::<Vec<_>>()
                .join("\n")
                + "\n"
        })
}

fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// What every export must say of a session.
#[derive(Debug, PartialEq, Eq)]
struct Expected {
    title: String,
    /// UTC start and end, when placed.
    slot: Option<(i64, i64)>,
}

fn expected(program: &Program) -> BTreeMap<String, Expected> {
    let schedule = Schedule::new(program);
    program
        .sessions
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let facts = &schedule.sessions[i];
            let placed = s.start.is_some()
                && !facts.invalid
                && (facts.room.is_some() || (s.room.is_none() && s.kind.may_be_event_wide()));
            (
                s.id.clone(),
                Expected {
                    title: clean::line(&s.title),
                    slot: facts.interval.filter(|_| placed),
                },
            )
        })
        .collect()
}

fn exported(program: &Program, format: Format) -> String {
    let options = ExportOptions {
        stamp: 1_512_086_400,
        ..ExportOptions::default()
    };
    let files = export(program, &[format], &Selection::default(), None, &options).unwrap();
    let file = files.iter().find(|f| f.format == format).unwrap();
    file.bytes.clone().into_string()
}

fn utc(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap()
        .timestamp()
}

fn from_ics(program: &Program) -> BTreeMap<String, Expected> {
    use export_support::{instant, parse_events, prop, unescape};
    let ics = exported(program, Format::Ics);
    export_support::assert_physical_lines(&ics);
    let suffix = format!("@{}", program.event.id);
    let mut out = BTreeMap::new();
    for e in parse_events(&ics) {
        let uid = prop(&e, "UID").unwrap().2.clone();
        let id = uid.strip_suffix(&suffix).unwrap().to_string();
        let title = unescape(&prop(&e, "SUMMARY").unwrap().2);
        let slot = Some((instant(&e, "DTSTART"), instant(&e, "DTEND")));
        assert!(
            out.insert(id, Expected { title, slot }).is_none(),
            "UID twice"
        );
    }
    out
}

fn from_csv(program: &Program) -> BTreeMap<String, Expected> {
    let text = exported(program, Format::Csv);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (id, title, start, end) = (
        column("id"),
        column("title"),
        column("start_utc"),
        column("end_utc"),
    );
    let mut out = BTreeMap::new();
    for row in reader.records() {
        let row = row.unwrap();
        let slot = match (&row[start], &row[end]) {
            ("", "") => None,
            (s, e) => Some((utc(s), utc(e))),
        };
        let expected = Expected {
            title: row[title].to_string(),
            slot,
        };
        assert!(out.insert(row[id].to_string(), expected).is_none());
    }
    out
}

fn from_json(program: &Program) -> BTreeMap<String, Expected> {
    let text = exported(program, Format::Json);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut out = BTreeMap::new();
    for s in value["sessions"].as_array().unwrap() {
        let slot = match (s["start_utc"].as_str(), s["end_utc"].as_str()) {
            (Some(a), Some(b)) => Some((utc(a), utc(b))),
            _ => None,
        };
        assert_eq!(s["scheduled"].as_bool(), Some(slot.is_some()), "{s}");
        let expected = Expected {
            title: s["title"].as_str().unwrap().to_string(),
            slot,
        };
        assert!(out
            .insert(s["id"].as_str().unwrap().to_string(), expected)
            .is_none());
    }
    out
}

/// A spreadsheet would read a cell starting with these as a formula: the CSV export
/// writes a `'` before it.
fn spreadsheet_safe(text: &str) -> String {
    let trigger = ['=', '+', '-', '@', '\t', '\r'];
    if text.trim_start().starts_with(trigger) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn exports_parse_back_to_the_same_sessions_and_times(text in titled()) {
        let program = agora::load::load_str(Path::new("generated.toml"), &text).unwrap();
        let want = expected(&program);

        // iCalendar: the placed sessions, once each. (The `ical` crate drops a value's
        // leading ':' — see tests/it/ical_regressions.rs.)
        let placed: BTreeMap<&String, Expected> = want
            .iter()
            .filter(|(_, e)| e.slot.is_some())
            .map(|(id, e)| (id, Expected { title: e.title.trim_start_matches(':').to_string(), slot: e.slot }))
            .collect();
        let ics = from_ics(&program);
        prop_assert_eq!(placed.len(), ics.len());
        for (id, e) in &placed {
            prop_assert_eq!(Some(e), ics.get(*id), "ics: {}", id);
        }

        // CSV: every session, times empty when not placed.
        let csv = from_csv(&program);
        prop_assert_eq!(want.len(), csv.len());
        for (id, e) in &want {
            let e = Expected { title: spreadsheet_safe(&e.title), slot: e.slot };
            prop_assert_eq!(Some(&e), csv.get(id), "csv: {}", id);
        }

        // JSON: every session, times null when not placed.
        prop_assert_eq!(want, from_json(&program));
    }
}
