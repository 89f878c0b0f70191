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
