//! Whatever a schedule file holds, `agora import` never panics, and when it imports, what it
//! writes loads with agora's loader without an input error and keeps every start instant.
//! Hostile and broken files are generated: control characters and markup in every text,
//! impossible dates and durations, ids as numbers or strings, colours and capacities of every
//! kind, and XML cut and spliced at random.

use std::path::Path;

use agora::import::import;
use agora::import::toml_out::{render, Layout};
use agora::load::load_str;
use agora::rules::Schedule;
use proptest::prelude::*;
use serde_json::{json, Value};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,24}",
        "[\\x00-\\x1f\"\\\\<>&'\\x7f]{0,8}",
        "[ \t\n\r]{0,3}[a-zA-Zé ]{0,10}[ \t\n]{0,2}",
        Just(String::new()),
        Just("\"\"\"".to_string()),
        Just("]]>".to_string()),
    ]
}

fn date_time() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (1990i32..2040, 1u32..13, 1u32..29, 0u32..24, 0u32..60, -12i32..15, prop::bool::ANY)
            .prop_map(|(y, mo, d, h, mi, off, half)| {
                let sign = if off < 0 { '-' } else { '+' };
                format!(
                    "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00{sign}{:02}:{}",
                    off.abs(),
                    if half { "30" } else { "00" }
                )
            }),
        1 => (1990i32..2040, 1u32..13, 1u32..29, 0u32..24, 0u32..60)
            .prop_map(|(y, mo, d, h, mi)| format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:00")),
        1 => Just("0000-01-01T00:00:00+14:00".to_string()),
        1 => Just("9999-12-31T23:59:59-12:00".to_string()),
        1 => Just("2024-02-30T10:00:00+01:00".to_string()),
        1 => Just("2024-03-31T02:30:00".to_string()),
        1 => text(),
    ]
}

fn duration() -> impl Strategy<Value = Value> {
    prop_oneof![
        "[0-9]{1,2}:[0-5][0-9]".prop_map(Value::from),
        "[0-9]{1,2}:[0-5][0-9]:[0-5][0-9]".prop_map(Value::from),
        "[0-9]{1,25}".prop_map(Value::from),
        Just(Value::from("99999999999:00")),
        Just(Value::from("00:00")),
        Just(Value::from(90)),
        Just(Value::Null),
        text().prop_map(Value::from),
    ]
}

fn id() -> impl Strategy<Value = Value> {
    prop_oneof![
        (1u64..5000).prop_map(Value::from),
        "[A-Z0-9]{6}".prop_map(Value::from),
        text().prop_map(Value::from),
        Just(Value::Null),
    ]
}

fn person() -> impl Strategy<Value = Value> {
    (
        id(),
        prop_oneof![Just("Ann".to_string()), Just(" Ann ".to_string()), text()],
        prop::bool::ANY,
        text(),
    )
        .prop_map(|(id, name, frab, bio)| {
            if frab {
                json!({ "id": id, "public_name": name })
            } else {
                json!({ "code": id, "name": name, "biography": bio, "role": "MODERATOR" })
            }
        })
}

fn event() -> impl Strategy<Value = Value> {
    (
        (id(), text(), date_time(), duration(), text(), text()),
        (
            text(),
            prop::collection::vec(person(), 0..4),
            text(),
            text(),
            prop_oneof![Just(Value::from("en")), text().prop_map(Value::from)],
            text(),
        ),
        (
            prop::option::of(date_time()),
            prop::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                (id, title, date, duration, room, track),
                (kind, persons, slug, abstract_, language, url),
                (end, links),
            )| {
                let mut e = json!({
                    "id": id, "guid": "x", "title": title, "date": date, "start": "10:00",
                    "duration": duration, "room": room, "track": track, "type": kind,
                    "persons": persons, "slug": slug, "abstract": abstract_,
                    "description": null, "language": language, "url": url,
                    "links": links.iter().map(|l| json!({ "url": l, "title": l })).collect::<Vec<_>>(),
                    "logo": "x.png", "answers": [1],
                });
                if let Some(end) = end {
                    e["end"] = Value::from(end);
                }
                e
            },
        )
}

fn document() -> impl Strategy<Value = String> {
    (
        (text(), text(), prop_oneof![date_time(), text()], prop_oneof![date_time(), text()]),
        (
            prop_oneof![
                Just(Value::from("Europe/Berlin")),
                Just(Value::from("Mars/Olympus")),
                Just(Value::Null)
            ],
            prop::collection::vec((text(), prop_oneof![text(), Just("#A1b2C3".to_string())]), 0..3),
            prop::collection::vec(
                (text(), prop_oneof![Just(json!(120)), Just(json!(0)), Just(json!(-5)), Just(json!(1.5)), Just(json!(1e12)), Just(Value::Null)]),
                0..3,
            ),
            prop::collection::vec(event(), 0..8),
        ),
    )
        .prop_map(|((title, acronym, start, end), (zone, tracks, rooms, events))| {
            json!({ "schedule": { "version": "1", "conference": {
                "title": title, "acronym": acronym, "start": start, "end": end,
                "time_zone_name": zone,
                "tracks": tracks.iter().map(|(n, c)| json!({ "name": n, "color": c, "slug": n })).collect::<Vec<_>>(),
                "rooms": rooms.iter().map(|(n, c)| json!({ "name": n, "capacity": c, "description": { "en": n } })).collect::<Vec<_>>(),
                "days": [ { "index": 1, "date": "2024-05-01", "day_start": "2024-05-01T09:00:00+02:00",
                            "day_end": "2024-05-02T04:00:00+02:00", "rooms": { "Main": events } } ]
            } } })
            .to_string()
        })
}

/// Import, write both layouts, load: no panic, no input error, instants kept.
fn survives(text: &str) {
    let Ok(imported) = import(text) else { return };
    for layout in [Layout::File, Layout::Directory] {
        let all: String = render(&imported, "fuzz", layout)
            .into_iter()
            .map(|(_, t)| t)
            .collect();
        let program = load_str(Path::new("fuzz.toml"), &all).unwrap_or_else(|f| {
            panic!(
                "the import does not load: {:?}\n{all}",
                f.errors.iter().map(|e| &e.message).collect::<Vec<_>>()
            )
        });
        assert_eq!(program.sessions.len(), imported.sessions.len());
        let mut want: Vec<i64> = imported.sessions.iter().filter_map(|s| s.instant).collect();
        let schedule = Schedule::new(&program);
        let mut got: Vec<i64> = schedule
            .sessions
            .iter()
            .filter_map(|f| f.interval.map(|(s, _)| s))
            .collect();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "{all}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn hostile_json_imports_into_a_loadable_event(doc in document()) {
        // A schedule with no event at all is refused as holding nothing to import; one with
        // a negative or too large duration or an impossible date, saying so (never with
        // another value).
        prop_assert!(
            import(&doc).is_ok_and(|i| !i.sessions.is_empty())
                || import(&doc).is_err_and(|e| e.message.contains("holds no session")
                    || e.message.contains("is too large")
                    || e.message.contains("is negative")
                    || e.message.contains("is not a date")),
            "a JSON with schedule.conference imports, or is refused as empty, with a bad duration or an impossible date"
        );
        survives(&doc);
    }

    #[test]
    fn spliced_xml_never_panics(cuts in prop::collection::vec((0usize..6000, 0usize..200, 0usize..6000), 1..4)) {
        let base = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop/31c3-schedule.xml"),
        )
        .expect("test data");
        let mut text: String = base.chars().take(6000).collect();
        text.push_str("</event></room></day></schedule>");
        for (at, len, from) in cuts {
            let chars: Vec<char> = text.chars().collect();
            let at = at.min(chars.len());
            let end = (at + len).min(chars.len());
            let from = from.min(chars.len());
            let piece: String = chars[from..(from + len).min(chars.len())].iter().collect();
            let mut next: String = chars[..at].iter().collect();
            next.push_str(&piece);
            next.extend(&chars[end..]);
            text = next;
        }
        survives(&text);
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,200}") {
        let _ = import(&text);
        let _ = import(&format!("<schedule>{text}</schedule>"));
        let _ = import(&format!("{{\"schedule\":{{\"conference\":{text}}}}}"));
    }
}
