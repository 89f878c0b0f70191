//! Explanations of sessions `agora place` cannot place, and plans on small hand-made events.

use std::path::Path;

use agora::codes::RuleCode;
use agora::place::{self, Options};

const HEAD: &str = r#"[event]
id = "e"
name = "E"
timezone = "Europe/Paris"
start = 2024-05-14
end = 2024-05-14

[checks]
room-closed = "error"
missing-feature = "error"

[[rooms]]
id = "salle-rhone"
name = "Salle Rhône"
features = ["projector"]
open = [{ from = 2024-05-14T09:00:00, to = 2024-05-14T12:00:00 }]

[[rooms]]
id = "amphi"
name = "Amphi"

[[speakers]]
id = "karine"
name = "Karine Dognin-Sauze"

"#;

fn plan(text: &str, options: &Options) -> (agora::model::Program, place::Plan) {
    let program = agora::load::load_str(Path::new("e.toml"), text).unwrap();
    let plan = place::place(&program, options, &mut |_, _| {}).unwrap();
    (program, plan)
}

#[test]
fn names_the_binding_rules_people_and_rooms() {
    let text = format!(
        "{HEAD}{}",
        r#"[[sessions]]
id = "busy"
title = "Karine elsewhere"
room = "amphi"
start = 2024-05-14T09:00:00
duration = 120
speakers = ["karine"]

[[sessions]]
id = "workshop"
title = "Workshop"
duration = 90
requires = ["projector"]
speakers = ["karine"]
"#
    );
    let (_, plan) = plan(&text, &Options::default());
    assert_eq!(plan.unplaced.len(), 1);
    let why = &plan.unplaced[0].why;
    assert_eq!(
        why.message,
        "'Workshop' cannot be placed: every 90-minute slot with projector overlaps a session of \
         Karine Dognin-Sauze or is outside Salle Rhône's opening hours"
    );
    // The fewest reasons covering every slot: Amphi's slots (no projector) all overlap Karine's
    // session too, so the missing projector is not needed to explain them.
    assert_eq!(
        why.rules,
        vec![RuleCode::SpeakerOverlap, RuleCode::RoomClosed]
    );
    assert_eq!(why.people, vec!["karine".to_string()]);
    assert_eq!(why.rooms, vec!["salle-rhone".to_string()]);
}

#[test]
fn a_session_without_length_says_what_to_add() {
    let text = format!(
        "{HEAD}{}",
        "[[sessions]]\nid = \"x\"\ntitle = \"No length\"\n"
    );
    let (_, plan) = plan(&text, &Options::default());
    assert_eq!(
        plan.unplaced[0].why.message,
        "'No length' has no length: give it `duration = …` (minutes) so it can be placed"
    );
}

#[test]
fn a_named_room_is_kept_and_named_in_the_explanation() {
    let text = format!(
        "{HEAD}{}",
        r#"[[sessions]]
id = "long"
title = "Too long"
room = "salle-rhone"
duration = 240
"#
    );
    let (_, plan) = plan(&text, &Options::default());
    assert_eq!(
        plan.unplaced[0].why.message,
        "'Too long' cannot be placed: every 240-minute slot in Salle Rhône is outside Salle \
         Rhône's opening hours"
    );
    assert_eq!(plan.unplaced[0].why.rules, vec![RuleCode::RoomClosed]);
}

#[test]
fn places_in_the_room_with_the_feature_and_keeps_placed_sessions() {
    let text = format!(
        "{HEAD}{}",
        r#"[[sessions]]
id = "first"
title = "First"
room = "salle-rhone"
start = 2024-05-14T09:00:00
duration = 60

[[sessions]]
id = "second"
title = "Second"
duration = 60
requires = ["projector"]
"#
    );
    let (program, plan) = plan(&text, &Options::default());
    assert!(plan.unplaced.is_empty());
    assert_eq!(plan.changes.len(), 1);
    let c = &plan.changes[0];
    assert_eq!(program.sessions[c.session].id, "second");
    assert_eq!(c.from, None);
    assert_eq!(c.to.0, Some(0));
    assert_eq!(c.start.to_string(), "2024-05-14 10:00:00");
}

/// Taking a session from between two of a person's sessions makes them consecutive: with
/// `speaker-changeover` at error level that is a new error, which a repair must not make.
#[test]
fn repair_never_leaves_a_new_changeover_between_the_neighbours() {
    let text = r#"[event]
id = "e"
name = "E"
timezone = "Europe/Paris"
start = 2024-05-14
end = 2024-05-14

[checks]
speaker-changeover = { level = "error", minutes = 60 }

[[rooms]]
id = "a"
name = "A"

[[rooms]]
id = "b"
name = "B"

[[rooms]]
id = "c"
name = "C"

[[speakers]]
id = "p"
name = "P"

[[sessions]]
id = "x"
title = "X"
room = "a"
start = 2024-05-14T09:00:00
duration = 60
speakers = ["p"]
locked = true

[[sessions]]
id = "m"
title = "Middle"
room = "b"
start = 2024-05-14T09:30:00
duration = 60
speakers = ["p"]

[[sessions]]
id = "y"
title = "Y"
room = "c"
start = 2024-05-14T10:35:00
duration = 25
speakers = ["p"]
locked = true

[[sessions]]
id = "late"
title = "Late"
room = "a"
start = 2024-05-14T17:00:00
duration = 60
"#;
    let (program, plan) = plan(
        text,
        &Options {
            repair: true,
            ..Options::default()
        },
    );
    let before = agora::rules::check(&program);
    assert_eq!(before.len(), 2, "{before:?}");
    // (The afternoon is free: without the rule about neighbours it would move there.)
    // Moving the middle session anywhere leaves X and Y 35 minutes apart in different rooms.
    assert!(
        plan.changes.is_empty(),
        "{}",
        place::render::text(&program, &plan)
    );
    assert_eq!(plan.unplaced.len(), 1);
    assert_eq!(plan.after.errors, 2);
}

fn load_errors(extra: &str) -> Vec<(String, Option<String>)> {
    let text = format!("{HEAD}{extra}");
    match agora::load::load_str(Path::new("e.toml"), &text) {
        Ok(_) => Vec::new(),
        Err(failure) => failure
            .errors
            .into_iter()
            .map(|e| (e.message, e.help))
            .collect(),
    }
}

#[test]
fn placement_table_and_locked_are_read_and_checked() {
    let text = format!(
        "{HEAD}[placement]\nstep = 15\nwarning = 50\nroom-closed = 7\ntidy-gap = 20\n\n\
         [[sessions]]\nid = \"a\"\ntitle = \"A\"\nduration = 30\nlocked = true\n"
    );
    let program = agora::load::load_str(Path::new("e.toml"), &text).unwrap();
    assert_eq!(program.placement.step, 15);
    assert_eq!(program.placement.warning, 50);
    assert_eq!(program.placement.tidy_gap, 20);
    assert_eq!(
        program
            .placement
            .weight(RuleCode::RoomClosed, agora::codes::Level::Error),
        7
    );
    assert_eq!(
        program
            .placement
            .weight(RuleCode::OverCapacity, agora::codes::Level::Warning),
        50
    );
    assert!(program.sessions[0].locked);
    // A locked session without a start is left as it is, and said so.
    let plan = place::place(&program, &Options::default(), &mut |_, _| {}).unwrap();
    assert!(plan.changes.is_empty());
    assert_eq!(plan.skipped[0].1, "'A' is locked: left as it is");

    assert_eq!(
        load_errors("[placement]\nstpe = 5\n"),
        vec![(
            "unknown key `stpe` in [placement]".to_string(),
            Some("did you mean `step`?".to_string())
        )]
    );
    assert_eq!(
        load_errors("[placement]\nstep = 0\n")[0].0,
        "`step` cannot be 0"
    );
    assert_eq!(
        load_errors("[placement]\nwarning = -1\n")[0].0,
        "`warning` cannot be -1"
    );
    assert_eq!(
        load_errors("[placement]\nwarning = \"high\"\n").len(),
        1,
        "a weight must be a whole number"
    );
    assert_eq!(
        load_errors("[[sessions]]\nid = \"a\"\ntitle = \"A\"\nlocked = \"yes\"\n").len(),
        1
    );
}

#[test]
fn the_cli_writes_one_line_per_changed_key_and_exits_1_when_something_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.toml");
    let text = format!(
        "{HEAD}# the backlog\n[[sessions]]\nid = \"b\"\ntitle = \"Backlog\"\nroom = \"amphi\"\nduration = 30 # half an hour\n"
    );
    std::fs::write(&path, &text).unwrap();
    let out = assert_cmd::Command::cargo_bin("agora")
        .unwrap()
        .args(["place", path.to_str().unwrap(), "--write"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let written = std::fs::read_to_string(&path).unwrap();
    let diff = similar::TextDiff::from_lines(&text, &written);
    let changed: Vec<String> = diff
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| format!("{}{}", c.tag(), c.value()))
        .collect();
    assert_eq!(changed, vec!["+start = 2024-05-14T09:00:00\n".to_string()]);
    // Nothing left to place: a second run changes nothing.
    let again = assert_cmd::Command::cargo_bin("agora")
        .unwrap()
        .args(["place", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(json["changes"].as_array().unwrap().len(), 0);

    // A session that cannot be placed: exit 1, the reason on stdout, the file untouched.
    let text = format!(
        "{HEAD}[[sessions]]\nid = \"long\"\ntitle = \"Too long\"\nroom = \"salle-rhone\"\nduration = 240\n"
    );
    std::fs::write(&path, &text).unwrap();
    let out = assert_cmd::Command::cargo_bin("agora")
        .unwrap()
        .args(["place", path.to_str().unwrap(), "--write"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("! cannot place `long`"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    // An unknown id on the command line: exit 2 with a suggestion.
    let out = assert_cmd::Command::cargo_bin("agora")
        .unwrap()
        .args(["place", path.to_str().unwrap(), "--session", "lnog"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "error: no session has the id `lnog` (did you mean `long`?)\n"
    );
}

/// `place --diff` prints what `agora diff` prints once the plan is written: the same sessions,
/// fields and counts, from a release of the program as it was to the saved plan.
#[test]
fn the_plan_as_a_diff_is_the_release_diff_of_the_written_plan() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("every-rule.toml");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/every-rule.toml"),
        &path,
    )
    .unwrap();
    let agora = |args: &[&str]| {
        let out = assert_cmd::Command::cargo_bin("agora")
            .unwrap()
            .env("SOURCE_DATE_EPOCH", "1700000000")
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let p = path.to_str().unwrap();
    let (code, planned) = agora(&[
        "place",
        p,
        "--repair",
        "--allow-moves",
        "--diff",
        "--format",
        "json",
    ]);
    assert!(code.is_some_and(|c| c <= 1), "{planned}");
    let planned: serde_json::Value = serde_json::from_str(&planned).unwrap();
    assert_eq!(
        (planned["from"].as_str(), planned["to"].as_str()),
        (Some("current"), Some("plan"))
    );
    assert!(
        planned["counts"]["changed"].as_u64().unwrap() > 0,
        "{planned}"
    );
    // A release of the file as it is: untouched by `--diff` (else the diff below would be empty).
    let (code, _) = agora(&["release", p, "before", "--force"]);
    assert_eq!(code, Some(0));
    let (_, _) = agora(&["place", p, "--repair", "--allow-moves", "--write"]);
    let (code, released) = agora(&["diff", p, "--from", "before", "--format", "json"]);
    assert_eq!(code, Some(1), "the written plan is a change");
    let released: serde_json::Value = serde_json::from_str(&released).unwrap();
    for key in ["counts", "sessions", "rooms", "speakers", "tracks"] {
        assert_eq!(planned.get(key), released.get(key), "{key}");
    }
}
