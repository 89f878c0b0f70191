//! Each rule on small programs, with the edges organisers hit: back-to-back sessions, several
//! overlaps in one room, people in two roles, DST, days, offsets that are not whole hours.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use crate::common;

use common::*;

const D1: &str = "2024-05-14";

fn at(time: &str) -> String {
    format!("{D1}T{time}:00")
}

#[test]
fn back_to_back_sessions_do_not_overlap() {
    let text = event(&format!(
        "{}{}",
        session(
            "a",
            "r1",
            &at("10:00"),
            60,
            "speakers = [\"p1\"]\ntrack = \"x\""
        ),
        session(
            "b",
            "r1",
            &at("11:00"),
            60,
            "speakers = [\"p1\"]\ntrack = \"x\""
        )
    ));
    let text = format!("{text}\n[[tracks]]\nid = \"x\"\nname = \"X\"\n");
    assert_eq!(keys(&text), vec![]);
}

#[test]
fn three_sessions_overlapping_in_one_room_give_three_pairs() {
    let text = event(&format!(
        "{}{}{}",
        session("a", "r1", &at("10:00"), 90, ""),
        session("b", "r1", &at("10:30"), 90, ""),
        session("c", "r1", &at("11:00"), 20, "")
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("room-overlap", &["a", "b"], Some("r1"), None, None),
            k("room-overlap", &["a", "c"], Some("r1"), None, None),
            k("room-overlap", &["b", "c"], Some("r1"), None, None),
        ]
    );
    // The interval reported is the overlap itself.
    let d = diagnostics(&text);
    let tz = chrono_tz::Europe::Paris;
    assert_eq!(
        agora::time::rfc3339(tz, d[0].start.unwrap()),
        "2024-05-14T10:30:00+02:00"
    );
    assert_eq!(
        agora::time::rfc3339(tz, d[0].end.unwrap()),
        "2024-05-14T11:30:00+02:00"
    );
}

#[test]
fn speaker_in_one_session_and_moderator_in_another() {
    let text = event(&format!(
        "{}{}",
        session("a", "r1", &at("10:00"), 60, "speakers = [\"p1\"]"),
        session("b", "r2", &at("10:30"), 60, "moderators = [\"p1\"]")
    ));
    assert_eq!(
        keys(&text),
        vec![k("speaker-overlap", &["a", "b"], None, Some("p1"), None)]
    );
    let message = &diagnostics(&text)[0].message;
    assert_eq!(
        message,
        "Person One is in 'Session a' (Room one, 10:00–11:00) and 'Session b' (Room two, 10:30–11:30) on Tue 14 May"
    );
}

#[test]
fn a_person_listed_twice_in_one_session_is_one_person() {
    let text = event(&format!(
        "{}{}",
        session(
            "a",
            "r1",
            &at("10:00"),
            60,
            "speakers = [\"p1\", \"p1\"]\nmoderators = [\"p1\"]"
        ),
        session("b", "r2", &at("10:30"), 60, "speakers = [\"p1\"]")
    ));
    assert_eq!(
        keys(&text),
        vec![k("speaker-overlap", &["a", "b"], None, Some("p1"), None)]
    );
}

#[test]
fn two_people_in_the_same_pair_give_one_diagnostic_each() {
    let text = event(&format!(
        "{}{}",
        session("a", "r1", &at("10:00"), 60, "speakers = [\"p1\", \"p2\"]"),
        session("b", "r2", &at("10:30"), 60, "speakers = [\"p2\", \"p1\"]")
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("speaker-overlap", &["a", "b"], None, Some("p1"), None),
            k("speaker-overlap", &["a", "b"], None, Some("p2"), None),
        ]
    );
}

#[test]
fn dst_gap_is_invalid_time_and_the_session_takes_part_in_nothing_else() {
    let text = event_in(
        "Europe/Paris",
        "2024-03-30",
        "2024-03-31",
        &format!(
            "{}{}",
            session("gap", "r1", "2024-03-31T02:30:00", 30, ""),
            session("other", "r1", "2024-03-31T01:30:00", 180, "")
        ),
    );
    assert_eq!(
        keys(&text),
        vec![k("invalid-time", &["gap"], None, None, None)]
    );
}

#[test]
fn durations_are_elapsed_minutes_across_the_gap() {
    // 01:30 CET + 60 min = 03:30 CEST, so a session at 03:00 overlaps and one at 03:30 does not.
    let text = event_in(
        "Europe/Paris",
        "2024-03-30",
        "2024-03-31",
        &format!(
            "{}{}{}",
            session("a", "r1", "2024-03-31T01:30:00", 60, ""),
            session("b", "r1", "2024-03-31T03:00:00", 30, ""),
            session("c", "r1", "2024-03-31T03:30:00", 30, "")
        ),
    );
    assert_eq!(
        keys(&text),
        vec![k("room-overlap", &["a", "b"], Some("r1"), None, None)]
    );
}

#[test]
fn dst_fold_is_ambiguous_and_uses_the_earlier_instant() {
    // 02:30 happens twice; the first is 00:30 UTC. A session at 02:00 (CEST, 00:00 UTC) for 45
    // minutes overlaps the first 02:30, not the second.
    let text = event_in(
        "Europe/Paris",
        "2024-10-26",
        "2024-10-27",
        &format!(
            "{}{}",
            session("fold", "r1", "2024-10-27T02:30:00", 30, ""),
            session("before", "r1", "2024-10-27T01:50:00", 45, "")
        ),
    );
    assert_eq!(
        keys(&text),
        vec![
            k("ambiguous-time", &["fold"], None, None, None),
            k("room-overlap", &["before", "fold"], Some("r1"), None, None),
        ]
    );
    // With an explicit offset there is no ambiguity, and the second 02:30 is an hour later.
    let text = event_in(
        "Europe/Paris",
        "2024-10-26",
        "2024-10-27",
        &format!(
            "{}{}",
            session("fold", "r1", "2024-10-27T02:30:00+01:00", 30, ""),
            session("before", "r1", "2024-10-27T01:50:00", 45, "")
        ),
    );
    assert_eq!(keys(&text), vec![]);
}

#[test]
fn sessions_across_midnight_and_days() {
    let text = event(&format!(
        "{}{}{}",
        session("late", "r1", "2024-05-14T23:00:00", 120, ""),
        session("early", "r1", "2024-05-15T00:30:00", 30, ""),
        session("next", "r1", "2024-05-15T01:00:00", 30, "")
    ));
    assert_eq!(
        keys(&text),
        vec![k(
            "room-overlap",
            &["early", "late"],
            Some("r1"),
            None,
            None
        )]
    );
    let d = diagnostics(&text);
    assert!(
        d[0].message.contains("23:00–Wed 15 May 01:00"),
        "{}",
        d[0].message
    );
}

#[test]
fn event_days_in_zones_with_non_whole_hour_offsets() {
    for tz in [
        "Asia/Kolkata",
        "Pacific/Chatham",
        "America/St_Johns",
        "Asia/Kathmandu",
    ] {
        let text = event_in(
            tz,
            "2024-05-14",
            "2024-05-15",
            &format!(
                "{}{}{}{}",
                // Ends exactly at local midnight after the last day: inside.
                session("last", "r1", "2024-05-15T23:30:00", 30, ""),
                // Runs past midnight: outside.
                session("over", "r2", "2024-05-15T23:50:00", 20, ""),
                // Starts at local midnight of the first day: inside.
                session("first", "r1", "2024-05-14T00:00:00", 30, ""),
                // Ends one minute before the first day: outside.
                session("before", "r2", "2024-05-13T23:00:00", 59, "")
            ),
        );
        assert_eq!(
            keys(&text),
            vec![
                k("outside-event", &["before"], None, None, None),
                k("outside-event", &["over"], None, None, None),
            ],
            "{tz}"
        );
    }
}

#[test]
fn offsets_are_converted_to_the_event_zone() {
    // 08:30 UTC is 14:00 in Kolkata.
    let text = event_in(
        "Asia/Kolkata",
        "2024-05-14",
        "2024-05-14",
        &format!(
            "{}{}",
            session("utc", "r1", "2024-05-14T08:30:00Z", 60, ""),
            session("local", "r1", "2024-05-14T14:30:00", 60, "")
        ),
    );
    let d = diagnostics(&text);
    assert_eq!(d.len(), 1);
    let tz: chrono_tz::Tz = "Asia/Kolkata".parse().unwrap();
    assert_eq!(
        agora::time::rfc3339(tz, d[0].start.unwrap()),
        "2024-05-14T14:30:00+05:30"
    );
}

#[test]
fn cancelled_sessions_take_no_room_or_time_but_keep_id_rules() {
    let text = event(&format!(
        "{}{}{}",
        session("a", "r1", &at("10:00"), 60, "speakers = [\"p1\"]"),
        session(
            "b",
            "r1",
            &at("10:00"),
            60,
            "status = \"cancelled\"\nspeakers = [\"p1\", \"ghost\"]\nexpected = 500"
        ),
        session("b", "r2", &at("10:00"), 60, "status = \"cancelled\"")
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("duplicate-id", &["b"], None, None, None),
            k("unknown-ref", &["b"], None, Some("ghost"), None),
        ]
    );
}

#[test]
fn tentative_sessions_are_checked_like_confirmed_ones() {
    let text = event(&format!(
        "{}{}",
        session("a", "r1", &at("10:00"), 60, "status = \"tentative\""),
        session("b", "r1", &at("10:30"), 60, "")
    ));
    assert_eq!(
        keys(&text),
        vec![k("room-overlap", &["a", "b"], Some("r1"), None, None)]
    );
}

#[test]
fn allow_on_either_side_acknowledges_a_pair() {
    for side in ["a", "b"] {
        let allow = |id: &str| {
            if id == side {
                "allow = [\"room-overlap\"]"
            } else {
                ""
            }
        };
        let text = event(&format!(
            "{}{}{}",
            session("a", "r1", &at("10:00"), 60, allow("a")),
            session("b", "r1", &at("10:30"), 60, allow("b")),
            session("c", "r1", &at("10:45"), 60, "")
        ));
        // Only the pairs involving the acknowledging session disappear.
        let expected = if side == "a" {
            vec![k("room-overlap", &["b", "c"], Some("r1"), None, None)]
        } else {
            vec![k("room-overlap", &["a", "c"], Some("r1"), None, None)]
        };
        assert_eq!(keys(&text), expected);
    }
}

#[test]
fn checks_change_levels_and_silence_rules() {
    let body = format!(
        "[checks]\nroom-overlap = \"warning\"\nunscheduled = \"off\"\nspeaker-changeover = {{ minutes = 30 }}\n\n{}{}{}",
        session("a", "r1", &at("10:00"), 60, "speakers = [\"p1\"]"),
        session("b", "r1", &at("10:30"), 60, ""),
        session("c", "r2", &at("11:20"), 60, "speakers = [\"p1\"]")
    );
    let text = event(&format!("{body}[[sessions]]\nid = \"u\"\ntitle = \"U\"\n"));
    let d = diagnostics(&text);
    let got: Vec<(String, String)> = d
        .iter()
        .map(|d| (d.code.as_str().to_string(), d.severity.as_str().to_string()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("room-overlap".to_string(), "warning".to_string()),
            ("speaker-changeover".to_string(), "warning".to_string()),
        ]
    );
}

#[test]
fn changeover_edges() {
    let run = |gap_minutes: i64, same_room: bool| {
        let start = 11 * 60 + gap_minutes;
        let t = format!("{D1}T{:02}:{:02}:00", start / 60, start % 60);
        let room = if same_room { "r1" } else { "r2" };
        keys(&event(&format!(
            "{}{}",
            session("a", "r1", &at("10:00"), 60, "speakers = [\"p1\"]"),
            session("b", room, &t, 30, "moderators = [\"p1\"]")
        )))
    };
    let changeover = vec![k("speaker-changeover", &["a", "b"], None, Some("p1"), None)];
    assert_eq!(run(0, false), changeover, "back to back in another room");
    assert_eq!(run(9, false), changeover);
    assert_eq!(run(10, false), vec![], "exactly the minimum is enough");
    assert_eq!(run(0, true), vec![], "same room");
    assert_eq!(
        run(-10, false),
        vec![k("speaker-overlap", &["a", "b"], None, Some("p1"), None)]
    );
}

#[test]
fn windows_that_touch_are_merged() {
    let text = event(&format!(
        "{}\n{}",
        session("a", "r1", &at("11:00"), 120, "speakers = [\"p1\"]"),
        "[[rooms]]\nid = \"r3\"\nname = \"R3\"\nopen = []\n"
    ));
    let text = text.replace(
        "[[speakers]]\nid = \"p1\"\nname = \"Person One\"\n",
        &format!(
            "[[speakers]]\nid = \"p1\"\nname = \"Person One\"\navailable = [ {{ from = {}, to = {} }}, {{ from = {}, to = {} }} ]\n",
            at("09:00"),
            at("12:00"),
            at("12:00"),
            at("18:00")
        ),
    );
    assert_eq!(keys(&text), vec![]);
    // A gap between the windows makes the person unavailable.
    let text = text.replace(
        &format!("from = {}", at("12:00")),
        &format!("from = {}", at("12:01")),
    );
    assert_eq!(
        keys(&text),
        vec![k("speaker-unavailable", &["a"], None, Some("p1"), None)]
    );
}

#[test]
fn empty_windows_mean_never() {
    let text = event(&format!(
        "{}{}{}",
        "[[rooms]]\nid = \"r3\"\nname = \"R3\"\nopen = []\n\n",
        "[[speakers]]\nid = \"p4\"\nname = \"P4\"\navailable = []\n\n",
        session("a", "r3", &at("11:00"), 30, "speakers = [\"p4\"]")
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("speaker-unavailable", &["a"], None, Some("p4"), None),
            k("room-closed", &["a"], Some("r3"), None, None),
        ]
    );
}

#[test]
fn capacity_and_features_apply_to_unscheduled_sessions_too() {
    let text = event(
        "[[sessions]]\nid = \"a\"\ntitle = \"A\"\nroom = \"r1\"\nexpected = 51\nrequires = [\"stream\", \"projector\", \"stream\", \"wifi\"]\n",
    );
    assert_eq!(
        keys(&text),
        vec![
            k("unscheduled", &["a"], None, None, None),
            k("over-capacity", &["a"], Some("r1"), None, None),
            k("missing-feature", &["a"], Some("r1"), None, None),
            k("missing-feature", &["a"], Some("r1"), None, None),
        ]
    );
    // Exactly at capacity is fine.
    let text = event("[[sessions]]\nid = \"a\"\ntitle = \"A\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\nduration = 10\nexpected = 50\n");
    assert_eq!(keys(&text), vec![]);
}

#[test]
fn unscheduled_is_not_reported_for_breaks_and_event_wide_socials_are_scheduled() {
    let text = event(concat!(
        "[[sessions]]\nid = \"brk\"\ntitle = \"Break\"\nkind = \"break\"\n\n",
        "[[sessions]]\nid = \"soc\"\ntitle = \"Social\"\nkind = \"social\"\n\n",
        "[[sessions]]\nid = \"soc2\"\ntitle = \"Social 2\"\nkind = \"social\"\nstart = 2024-05-14T19:00:00\nduration = 60\n\n",
        "[[sessions]]\nid = \"talk\"\ntitle = \"Talk\"\nstart = 2024-05-14T19:00:00\nduration = 60\n\n",
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("unscheduled", &["soc"], None, None, None),
            k("unscheduled", &["talk"], None, None, None),
        ]
    );
}

#[test]
fn invalid_times() {
    let text = event(concat!(
        "[[sessions]]\nid = \"no-length\"\ntitle = \"A\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\n\n",
        "[[sessions]]\nid = \"backwards\"\ntitle = \"B\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\nend = 2024-05-14T09:00:00\n\n",
        "[[sessions]]\nid = \"both\"\ntitle = \"C\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\nend = 2024-05-14T11:00:00\nduration = 60\n\n",
        "[[sessions]]\nid = \"zero\"\ntitle = \"D\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\nduration = 0\n\n",
        "[[sessions]]\nid = \"negative\"\ntitle = \"E\"\nduration = -5\n\n",
        "[[sessions]]\nid = \"ok\"\ntitle = \"F\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\nend = 2024-05-14T11:00:00\n\n",
    ));
    // No room-overlap with "ok", no unscheduled for the invalid ones.
    assert_eq!(
        keys(&text),
        vec![
            k("invalid-time", &["backwards"], None, None, None),
            k("invalid-time", &["both"], None, None, None),
            k("invalid-time", &["negative"], None, None, None),
            k("invalid-time", &["no-length"], None, None, None),
            k("invalid-time", &["zero"], None, None, None),
        ]
    );
}

#[test]
fn unknown_room_is_reported_once_and_nothing_else() {
    let text = event(&format!(
        "{}{}",
        session("a", "nowhere", &at("10:00"), 60, "expected = 1000"),
        session(
            "b",
            "r1",
            &at("10:00"),
            60,
            "track = \"nope\"\nspeakers = [\"p1\", \"Not An Id\"]"
        )
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("unknown-ref", &["b"], None, None, Some("nope")),
            k("unknown-ref", &["b"], None, Some("Not An Id"), None),
            k("unknown-ref", &["a"], Some("nowhere"), None, None),
        ]
    );
}

#[test]
fn three_items_sharing_an_id_give_three_diagnostics() {
    let text = event(&format!(
        "{}{}{}[[rooms]]\nid = \"r1\"\nname = \"Again\"\n",
        session("x", "r1", &at("09:00"), 10, ""),
        session("x", "r1", &at("10:00"), 10, ""),
        session("x", "r1", &at("11:00"), 10, "")
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("duplicate-id", &["x"], None, None, None),
            k("duplicate-id", &["x"], None, None, None),
            k("duplicate-id", &["x"], None, None, None),
            k("duplicate-id", &[], Some("r1"), None, None),
        ]
    );
}

#[test]
fn plenary_rules() {
    let text = event(&format!(
        "{}{}{}{}",
        session("p", "r1", &at("09:00"), 60, "plenary = true"),
        session("q", "r2", &at("09:30"), 60, "plenary = true"),
        session("same-room", "r1", &at("09:45"), 30, ""),
        "[[sessions]]\nid = \"brk\"\ntitle = \"Break\"\nkind = \"break\"\nstart = 2024-05-14T10:15:00\nduration = 15\n"
    ));
    assert_eq!(
        keys(&text),
        vec![
            k("plenary-overlap", &["p", "q"], None, None, None),
            k("plenary-overlap", &["p", "same-room"], None, None, None),
            k("plenary-overlap", &["q", "same-room"], None, None, None),
            k("room-overlap", &["p", "same-room"], Some("r1"), None, None),
            k("plenary-overlap", &["brk", "q"], None, None, None),
        ]
    );
}

#[test]
fn unused_counts_references_from_any_session() {
    let text = event(&format!(
        "{}{}",
        session(
            "a",
            "r1",
            &at("10:00"),
            60,
            "status = \"cancelled\"\nspeakers = [\"p1\"]"
        ),
        session("b", "", &at("10:00"), 0, "moderators = [\"p2\"]")
    ));
    let program = agora::load::load_str(std::path::Path::new("t.toml"), &text).unwrap();
    let unused: Vec<Key> = agora::rules::check(&program)
        .iter()
        .filter(|d| d.code.as_str() == "unused")
        .map(key)
        .collect();
    assert_eq!(
        unused,
        vec![
            k("unused", &[], None, Some("p3"), None),
            k("unused", &[], Some("r2"), None, None),
        ]
    );
}

#[test]
fn diagnostics_point_at_the_first_sessions_table() {
    let text = event(&format!(
        "{}{}",
        session("zz", "r1", &at("10:00"), 60, ""),
        session("aa", "r1", &at("10:30"), 60, "")
    ));
    let program = agora::load::load_str(std::path::Path::new("t.toml"), &text).unwrap();
    let d: Vec<_> = agora::rules::check(&program)
        .into_iter()
        .filter(|d| d.code.as_str() == "room-overlap")
        .collect();
    let (_, line, column) = program.sources.locate(d[0].span);
    let aa_line = text.lines().position(|l| l == "id = \"aa\"").unwrap(); // 0-based line of the id
    assert_eq!(
        (line, column),
        (aa_line, 1),
        "the [[sessions]] header of 'aa'"
    );
}

/// The contract allows any positive integer for `capacity` and `expected`: the largest TOML
/// integer loads, compares without overflow, saves and exports unchanged.
#[test]
fn the_largest_counts_load_compare_and_export() {
    const MAX: &str = "9223372036854775807";
    let big_room = |expected: &str| {
        format!(
            "{}\n[[rooms]]\nid = \"stadium\"\nname = \"Stadium\"\ncapacity = {MAX}\n",
            event(&session(
                "s",
                "stadium",
                &at("10:00"),
                60,
                &format!("expected = {expected}")
            ))
        )
    };
    // As many people as seats: fits; the numbers are kept exactly.
    let text = big_room(MAX);
    assert_eq!(keys(&text), vec![]);
    let program = agora::load::load_str(std::path::Path::new("t.toml"), &text).unwrap();
    let room = program.rooms.iter().find(|r| r.id == "stadium").unwrap();
    assert_eq!(room.capacity, Some(9_223_372_036_854_775_807));
    assert_eq!(
        program.sessions[0].expected,
        Some(9_223_372_036_854_775_807)
    );
    let files = agora::export::export(
        &program,
        &[agora::export::Format::Json],
        &agora::export::Selection::default(),
        None,
        &agora::export::Options::default(),
    )
    .unwrap();
    let json = String::from_utf8(files[0].bytes.to_vec()).unwrap();
    assert!(json.contains(&format!("\"capacity\": {MAX}")), "{json}");
    assert!(json.contains(&format!("\"expected\": {MAX}")), "{json}");
    // Fewer seats than the largest attendance: over capacity, not a wrapped comparison.
    let text = event(&session(
        "s",
        "r1",
        &at("10:00"),
        60,
        &format!("expected = {MAX}"),
    ));
    assert_eq!(codes(&text), vec!["over-capacity"]);
    // Zero seats and negative attendance are still refused.
    let zero =
        event(&session("s", "r1", &at("10:00"), 60, "")).replace("capacity = 50", "capacity = 0");
    assert!(agora::load::load_str(std::path::Path::new("t.toml"), &zero).is_err());
    let negative = event(&session("s", "r1", &at("10:00"), 60, "expected = -1"));
    assert!(agora::load::load_str(std::path::Path::new("t.toml"), &negative).is_err());
}
