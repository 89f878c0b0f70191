//! The bundled events: the seed event checks clean and says what the article says; the
//! examples produce exactly the diagnostics their comments announce.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use crate::common;

use std::path::Path;

use agora::load::load_path;
use agora::model::Kind;
use agora::rules::check;
use common::{k, key, Key};

fn all_keys(path: &str) -> Vec<Key> {
    let program = load_path(Path::new(path)).unwrap();
    check(&program).iter().map(key).collect()
}

#[test]
fn every_rule_example_triggers_each_rule_as_commented() {
    let expected = vec![
        k("unused", &[], None, None, Some("orphan")),
        k("unused", &[], None, Some("dan"), None),
        k("unknown-ref", &["afternoon"], None, Some("zoe"), None),
        k("invalid-time", &["instant"], None, None, None),
        k("ambiguous-time", &["night-owl"], None, None, None),
        k("duplicate-id", &["panel"], None, None, None),
        k("unscheduled", &["to-place"], None, None, None),
        k("unused", &[], Some("salle-3"), None, None),
        k("unknown-ref", &["lost"], Some("salle-9"), None, None),
        k("plenary-overlap", &["coffee", "opening"], None, None, None),
        k(
            "speaker-overlap",
            &["data-for-all", "mapping"],
            None,
            Some("alice"),
            None,
        ),
        k(
            "track-overlap",
            &["data-for-all", "mapping"],
            None,
            None,
            Some("data"),
        ),
        k("over-capacity", &["mapping"], Some("salle-2"), None, None),
        k("missing-feature", &["mapping"], Some("salle-2"), None, None),
        k(
            "room-overlap",
            &["data-for-all", "open-budgets"],
            Some("amphi"),
            None,
            None,
        ),
        k(
            "speaker-changeover",
            &["budget-lab", "open-budgets"],
            None,
            Some("carol"),
            None,
        ),
        k(
            "speaker-unavailable",
            &["afternoon"],
            None,
            Some("bob"),
            None,
        ),
        k("room-closed", &["late-show"], Some("amphi"), None, None),
        k("outside-event", &["next-week"], None, None, None),
    ];
    let got = all_keys("events/examples/every-rule.toml");
    assert_eq!(got, expected);
    // Every rule is there but `invalid-calendar`, which needs a calendar file (tests/it/busy.rs).
    let mut codes: Vec<&str> = got.iter().map(|k| k.0.as_str()).collect();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), agora::codes::RuleCode::COUNT - 1);
    assert!(!codes.contains(&"invalid-calendar"));
}

#[test]
fn the_split_directory_gives_the_same_diagnostics_as_the_single_file() {
    let single = load_path(Path::new("events/examples/every-rule.toml")).unwrap();
    let split = load_path(Path::new("events/examples/split")).unwrap();
    assert_eq!(split.sources.files().len(), 5, "the dot-file is skipped");
    let a = check(&single);
    let b = check(&split);
    let strip = |d: &agora::rules::Diagnostic| (key(d), d.message.clone(), d.start, d.end);
    assert_eq!(
        a.iter().map(strip).collect::<Vec<_>>(),
        b.iter().map(strip).collect::<Vec<_>>()
    );
    // Each diagnostic names the file the item comes from.
    let files: Vec<String> = b
        .iter()
        .map(|d| split.sources.path(d.span.file).display().to_string())
        .collect();
    assert!(files.contains(&"events/examples/split/venue/rooms.toml".to_string()));
    assert!(files.contains(&"events/examples/split/sessions/2-wednesday.toml".to_string()));
}

#[test]
fn dst_examples() {
    assert_eq!(
        all_keys("events/examples/dst-spring.toml"),
        vec![k("invalid-time", &["ghost-hour"], None, None, None)]
    );
    assert_eq!(
        all_keys("events/examples/dst-autumn.toml"),
        vec![k("ambiguous-time", &["first-pass"], None, None, None)]
    );
}

/// The people of the seed article, with the roles it gives them.
const ARTICLE: [(&str, &str); 8] = [
    (
        "Marc-Andreu Sabater",
        "maire de Vire (Calvados), président de l'intercom de la Vire au Noireau",
    ),
    (
        "Samy Kefi-Jérome",
        "adjoint au maire de Saint-Étienne (Loire), conseiller régional AURA délégué au numérique",
    ),
    ("Pierre Pezziardi", "beta.gouv.fr"),
    (
        "Olivier Carré",
        "maire et président d'Orléans Métropole (Loiret)",
    ),
    ("Akim Oural", "adjoint au maire de Lille (Nord)"),
    (
        "Karine Dognin-Sauze",
        "vice-présidente de la Métropole de Lyon (Rhône) chargée du numérique",
    ),
    (
        "Emma Ghariani",
        "directrice du développement stratégique de la Med Num",
    ),
    ("Françoise Sigot", "journaliste"),
];

#[test]
fn the_seed_event_checks_clean_and_follows_the_article() {
    let program = load_path(Path::new("events/forum-interconnectes-2017.toml")).unwrap();
    let diagnostics = check(&program);
    let serious: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity != agora::codes::Level::Info)
        .collect();
    assert!(serious.is_empty(), "{serious:#?}");

    let event = &program.event;
    assert_eq!(event.id, "forum-interconnectes-2017");
    assert_eq!(event.name, "Forum des Interconnectés");
    assert_eq!(event.timezone.name(), "Europe/Paris");
    assert_eq!(event.start.to_string(), "2017-12-05");
    assert_eq!(event.end.to_string(), "2017-12-06");
    assert_eq!(event.language, "fr");

    for (name, role) in ARTICLE {
        let person = program.speakers.iter().find(|s| s.name == name);
        let person = person.unwrap_or_else(|| panic!("{name} is missing"));
        let given = person.role.as_deref().unwrap_or_default().to_lowercase();
        assert!(given.contains(&role.to_lowercase()), "{name}: {given:?}");
    }

    let conference = program
        .sessions
        .iter()
        .find(|s| s.title == "Comment la digitalisation bouscule les territoires")
        .expect("the article's conference");
    let schedule = agora::rules::Schedule::new(&program);
    let index = program
        .sessions
        .iter()
        .position(|s| std::ptr::eq(s, conference))
        .unwrap();
    let (start, _) = schedule.sessions[index].slot().expect("scheduled");
    assert_eq!(
        agora::time::to_local(event.timezone, start)
            .date_naive()
            .to_string(),
        "2017-12-05"
    );
    let people: Vec<&str> = conference.people().map(|r| r.value.as_str()).collect();
    for (name, _) in ARTICLE {
        let id = program
            .speakers
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .id
            .as_str();
        assert!(people.contains(&id), "{name} takes part in the conference");
    }
    assert!(conference
        .moderators
        .iter()
        .any(|m| m.value == "francoise-sigot"));

    assert!(program.sessions.len() >= 20);
    assert!(program.rooms.len() >= 4);
    assert!(program.tracks.len() >= 3);
    assert!(program.sessions.iter().any(|s| s.kind == Kind::Break));
    let opening = program
        .sessions
        .iter()
        .zip(&schedule.sessions)
        .filter(|(s, f)| s.kind != Kind::Break && f.slot().is_some())
        .min_by_key(|(_, f)| f.slot().unwrap().0)
        .unwrap();
    assert!(opening.0.plenary, "the first session is a plenary opening");
}
