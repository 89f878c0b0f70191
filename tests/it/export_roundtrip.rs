//! Exported `.ics` files parsed back with the `ical` crate: every placed session is there
//! once, with its UID, true start and end instants, title and status.

use crate::export_support;

use std::collections::HashMap;
use std::path::Path;

use agora::load::load_path;
use agora::model::Status;
use agora::rules::Schedule;
use export_support::*;

fn roundtrip(event: &str, extra: &[&str]) {
    let program = load_path(&root().join(event)).expect("event loads");
    let schedule = Schedule::new(&program);
    let dir = tempfile::tempdir().expect("temp dir");
    export_into("ics", event, dir.path(), extra);
    let text = std::fs::read_to_string(dir.path().join(format!("{}.ics", program.event.id)))
        .expect("ics written");
    assert_physical_lines(&text);
    let events = parse_events(&text);

    let mut by_uid: HashMap<String, &Props> = HashMap::new();
    for e in &events {
        let uid = prop(e, "UID").expect("UID").2.clone();
        assert!(
            by_uid.insert(uid.clone(), e).is_none(),
            "duplicate UID {uid}"
        );
        assert_eq!(prop(e, "DTSTAMP").expect("DTSTAMP").2, "20171201T000000Z");
        assert!(prop(e, "ATTENDEE").is_none());
    }
    let mut expected = 0;
    for (i, session) in program.sessions.iter().enumerate() {
        let facts = &schedule.sessions[i];
        let placed = session.start.is_some()
            && !facts.invalid
            && (facts.room.is_some()
                || (session.room.is_none() && session.kind.may_be_event_wide()));
        let uid = format!("{}@{}", session.id, program.event.id);
        let Some((start, end)) = facts.interval.filter(|_| placed) else {
            assert!(
                !by_uid.contains_key(&uid),
                "{uid} is not placed but exported"
            );
            continue;
        };
        expected += 1;
        let e = by_uid.get(&uid).unwrap_or_else(|| panic!("{uid} missing"));
        assert_eq!(instant(e, "DTSTART"), start, "{uid} DTSTART");
        assert_eq!(instant(e, "DTEND"), end, "{uid} DTEND");
        if extra.contains(&"--utc") {
            assert!(prop(e, "DTSTART").expect("start").2.ends_with('Z'));
        }
        let summary = unescape(&prop(e, "SUMMARY").expect("SUMMARY").2);
        let title: String = session
            .title
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if title
            .chars()
            .all(|c| !c.is_control() && !('\u{202A}'..='\u{2069}').contains(&c))
        {
            // Calendars that ignore STATUS still say a session is cancelled.
            let want = match session.status {
                Status::Cancelled => ["Cancelled: ", "Annulé\u{a0}: "]
                    .iter()
                    .map(|p| format!("{p}{title}"))
                    .find(|w| *w == summary)
                    .unwrap_or_else(|| format!("Cancelled: {title}")),
                _ => title.clone(),
            };
            assert_eq!(summary, want, "{uid} SUMMARY");
        }
        let status = &prop(e, "STATUS").expect("STATUS").2;
        let want = match session.status {
            Status::Confirmed => "CONFIRMED",
            Status::Tentative => "TENTATIVE",
            Status::Cancelled => "CANCELLED",
        };
        assert_eq!(status, want, "{uid} STATUS");
        if let Some(desc) = &session.description {
            let got = unescape(&prop(e, "DESCRIPTION").expect("DESCRIPTION").2);
            // The description is Markdown: calendars get the text it reads as.
            let desc = agora::export::markup::to_text(&agora::export::clean::block(desc));
            let first_words: String = desc
                .split_whitespace()
                .take(6)
                .collect::<Vec<_>>()
                .join(" ");
            assert!(
                got.split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .contains(&first_words),
                "{uid} DESCRIPTION lacks the description"
            );
        }
    }
    assert_eq!(events.len(), expected, "one VEVENT per placed session");
}

#[test]
fn seed_event_round_trips() {
    roundtrip("events/forum-interconnectes-2017.toml", &[]);
}

#[test]
fn seed_event_round_trips_in_utc() {
    roundtrip("events/forum-interconnectes-2017.toml", &["--utc"]);
}

#[test]
fn dst_weekend_round_trips() {
    roundtrip("tests/data/dst-weekend.toml", &[]);
}

#[test]
fn half_hour_zone_round_trips() {
    roundtrip("tests/data/kolkata.toml", &[]);
}

#[test]
fn hostile_event_round_trips() {
    roundtrip("tests/data/hostile.toml", &[]);
}

#[test]
fn per_session_files_hold_one_event_each() {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into(
        "html",
        "events/forum-interconnectes-2017.toml",
        dir.path(),
        &[],
    );
    let sessions = dir.path().join("sessions");
    let mut count = 0;
    for entry in std::fs::read_dir(&sessions).expect("sessions folder") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        assert_physical_lines(&text);
        let events = parse_events(&text);
        assert_eq!(events.len(), 1, "{}", path.display());
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        assert_eq!(
            prop(&events[0], "UID").expect("UID").2,
            format!("{stem}@forum-interconnectes-2017")
        );
        count += 1;
    }
    assert_eq!(count, 28);
    assert!(Path::new(&dir.path().join("forum-interconnectes-2017.ics")).exists());
}
