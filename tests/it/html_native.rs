//! The HTML agenda's native writer against the template engine: every page of `export html`
//! (the main page, the room and track pages, the parts of a split) is rendered both ways, the
//! built-in layout (the native writer) and the same built-in template given as `--template`
//! (the engine), and the bytes must be the same. Programs: the bundled events, the test
//! data (hostile text, right-to-left, DST, other zones), a hand-made program with everything
//! a card can show, and generated programs of several seeds, sizes and conflict rates.
//!
//! `PROPTEST_CASES=N cargo test --test it html_native::` runs N generated cases (default 8).

use std::path::Path;

use agora::export::{export, Format, Options, Selection, Split};
use agora::load::load_str;
use agora::model::Program;
use agora::release::Store;
use proptest::prelude::*;

use crate::export_support::root;

/// The built-in template, as an organiser would copy it.
const BUILTIN: &str = include_str!("../../src/export/templates/agenda.html");

fn load(name: &str, text: &str) -> Program {
    load_str(Path::new(name), text).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn load_file(rel: &str) -> Program {
    let text = std::fs::read_to_string(root().join(rel)).expect("read");
    load(rel, &text)
}

/// Where two texts first differ, with some context on each side.
fn first_difference(a: &[u8], b: &[u8]) -> String {
    let at = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let from = at.saturating_sub(200);
    let show = |t: &[u8]| String::from_utf8_lossy(&t[from..(at + 200).min(t.len())]).into_owned();
    format!(
        "at byte {at}:\n--- native\n{}\n--- engine\n{}",
        show(a),
        show(b)
    )
}

/// Renders `program` both ways and compares every file; returns how many pages there were.
fn same_both_ways(
    what: &str,
    program: &Program,
    selection: &Selection,
    split: Option<Split>,
    options: &Options,
) -> usize {
    let native = export(program, &[Format::Html], selection, split, options)
        .unwrap_or_else(|e| panic!("{what}: {e}"));
    let engine_options = Options {
        template: Some(BUILTIN.to_string()),
        ..options.clone()
    };
    let engine = export(program, &[Format::Html], selection, split, &engine_options)
        .unwrap_or_else(|e| panic!("{what} (engine): {e}"));
    assert_eq!(native.len(), engine.len(), "{what}: file count");
    let mut pages = 0;
    for (n, e) in native.iter().zip(&engine) {
        assert_eq!(n.path, e.path, "{what}");
        if n.bytes != e.bytes {
            panic!(
                "{what}: {} differs {}",
                n.path.display(),
                first_difference(&n.bytes.to_vec(), &e.bytes.to_vec())
            );
        }
        pages += usize::from(n.path.display().ends_with(".html"));
    }
    pages
}

fn options() -> Options {
    Options {
        stamp: 1_512_086_400,
        ..Options::default()
    }
}

/// Every variation that changes the page: languages, UTC, a published address (QR codes,
/// subscription links), filters and splits.
fn every_way(what: &str, program: &Program) {
    let plain = options();
    let pages = same_both_ways(what, program, &Selection::default(), None, &plain);
    assert!(pages > 0, "{what}: no page");
    for lang in ["fr", "en", "de", "ja", "ar"] {
        let o = Options {
            lang: Some(lang.to_string()),
            ..options()
        };
        same_both_ways(
            &format!("{what} --lang {lang}"),
            program,
            &Selection::default(),
            None,
            &o,
        );
    }
    let utc = Options {
        utc: true,
        ..options()
    };
    same_both_ways(
        &format!("{what} --utc"),
        program,
        &Selection::default(),
        None,
        &utc,
    );
    let published = Options {
        base_url: Some("https://agenda.example.org/forum/".to_string()),
        ..options()
    };
    same_both_ways(
        &format!("{what} --base-url"),
        program,
        &Selection::default(),
        None,
        &published,
    );
    for split in [
        Split::Rooms,
        Split::Tracks,
        Split::Speakers,
        Split::Sessions,
    ] {
        same_both_ways(
            &format!("{what} --split {split:?}"),
            program,
            &Selection::default(),
            Some(split),
            &plain,
        );
        same_both_ways(
            &format!("{what} --split {split:?} --base-url"),
            program,
            &Selection::default(),
            Some(split),
            &published,
        );
    }
    if let Some(room) = program.rooms.first() {
        let selection = Selection {
            rooms: vec![room.id.to_string()],
            ..Selection::default()
        };
        same_both_ways(&format!("{what} --room"), program, &selection, None, &plain);
    }
    let day = Selection {
        days: vec!["1".to_string()],
        ..Selection::default()
    };
    same_both_ways(&format!("{what} --day 1"), program, &day, None, &plain);
    if let Some(track) = program.tracks.first() {
        let selection = Selection {
            tracks: vec![track.id.to_string()],
            ..Selection::default()
        };
        same_both_ways(
            &format!("{what} --track"),
            program,
            &selection,
            None,
            &plain,
        );
    }
}

#[test]
fn bundled_events_and_test_data_are_the_same_both_ways() {
    for rel in [
        "events/forum-interconnectes-2017.toml",
        "events/examples/every-rule.toml",
        "events/examples/dst-autumn.toml",
        "events/examples/dst-spring.toml",
        "tests/data/hostile.toml",
        "tests/data/arabic.toml",
        "tests/data/dst-weekend.toml",
        "tests/data/kolkata.toml",
        "tests/data/commented.toml",
    ] {
        every_way(rel, &load_file(rel));
    }
}

/// Everything a card, a header and the speakers' index can show, in hostile words.
const EVERYTHING: &str = r##"
[event]
id = "all-of-it"
name = "Tout & <rien> 'ici' \"là\""
timezone = "Europe/Paris"
start = 2024-10-26
end = 2024-10-27
venue = "Salle <b>A</b> | ~x~"
url = "ftp://not-a-web-page.example/"
language = "fr"
languages = ["fr", "en", "de"]
description = "**Gras** et [lien](https://example.org) ; deux-points : ici !\n\n- liste\n- `code`"

[[tracks]]
id = "t1"
name = "Piste : une"
description = "Une *piste* ; avec [lien](https://example.org/t1)."

[[tracks]]
id = "t2"
name = "Piste deux"
color = "#ffff00"

[[tracks]]
id = "t3"
name = "Piste trois, sans description"

[[rooms]]
id = "r1"
name = "Salle ? un !"
location = "Bâtiment <C> : étage 2"
accessible = false

[[rooms]]
id = "r2"
name = "Amphi"

[[speakers]]
id = "a"
name = "Zoë d'Arc"
role = "chercheuse"
affiliation = "Labo & Co"
url = "https://example.org/zoe?x=1&y='2'"
bio = "Une bio *riche* :\n\nsur deux paragraphes."

[[speakers]]
id = "b"
name = "Ōno 大野"
url = "javascript:alert(1)"

[[speakers]]
id = "c"
name = "Zed"
affiliation = "Seul"

[[speakers]]
id = "d"
name = "Abel"

[[sessions]]
id = "s1"
title = "Ouverture : bienvenue !"
kind = "keynote"
plenary = true
track = "t1"
room = "r2"
start = 2024-10-26T09:00:00
duration = 60
speakers = ["a", "b"]
moderators = ["c"]
language = "en"
interpretation = ["fr", "de"]
tags = ["<tag>", "deux & trois"]
url = "https://example.org/s1"
description = "Un *texte* ; avec `code` et <script>alert(1)</script>."

[[sessions]]
id = "s2"
title = "Table ronde"
kind = "panel"
plenary = true
track = "t2"
room = "r1"
start = 2024-10-26T10:30:00
duration = 45
moderators = ["d"]
url = "not a url at all"
status = "tentative"

[[sessions]]
id = "s3"
title = "Parallèle"
room = "r1"
start = 2024-10-26T10:45:00
duration = 30
speakers = ["d"]
language = "fr"

[[sessions]]
id = "s4"
title = "Pause"
kind = "break"
start = 2024-10-26T12:00:00
duration = 30

[[sessions]]
id = "s5"
title = "Annulée"
room = "r2"
track = "t3"
start = 2024-10-26T14:00:00
duration = 30
status = "cancelled"
speakers = ["a"]

[[sessions]]
id = "night"
title = "La nuit où l'heure recule"
room = "r2"
start = 2024-10-27T02:30:00
duration = 90
speakers = ["c"]

[[sessions]]
id = "late"
title = "Jusqu'au lendemain"
room = "r1"
start = 2024-10-26T23:00:00
duration = 120

[[sessions]]
id = "floating"
title = "Sans horaire"
speakers = ["b"]
moderators = ["a"]
description = "Pas encore placée."

[[sessions]]
id = "floating-2"
title = "Sans salle ni horaire"
kind = "social"
"##;

#[test]
fn a_program_with_everything_is_the_same_both_ways() {
    every_way("everything", &load("everything.toml", EVERYTHING));
}

#[test]
fn change_marks_are_the_same_both_ways() {
    let dir = tempfile::tempdir().expect("temp dir");
    let event = dir.path().join("all-of-it.toml");
    std::fs::write(&event, EVERYTHING).expect("write");
    let first = load("all-of-it.toml", EVERYTHING);
    let mut store = Store::open(&event).expect("store");
    store.add(first, "v1", None, 1_000).expect("release");
    let changed = EVERYTHING
        .replace("title = \"Parallèle\"", "title = \"Parallèle, renommée\"")
        .replace("start = 2024-10-26T14:00:00", "start = 2024-10-26T15:00:00")
        .replace("id = \"late\"", "id = \"late-new\"");
    let current = load("all-of-it.toml", &changed);
    let info = store.follow_working_copy(&current, 2_000);
    let o = Options {
        changes: Some(info.into()),
        ..options()
    };
    let page = export(&current, &[Format::Html], &Selection::default(), None, &o).expect("export");
    let html = page[0].bytes.clone().into_string();
    for mark in ["change-moved", "change-changed", "change-new"] {
        assert!(html.contains(mark), "no {mark}");
    }
    same_both_ways("changes", &current, &Selection::default(), None, &o);
    same_both_ways(
        "changes --split rooms",
        &current,
        &Selection::default(),
        Some(Split::Rooms),
        &o,
    );
}

fn generated(sessions: usize, rooms: usize, days: usize, conflict_rate: f64, seed: u64) -> Program {
    let text = agora::generate::generate(&agora::generate::Options {
        sessions,
        rooms,
        speakers: sessions / 2 + 1,
        days,
        conflict_rate,
        seed,
    });
    load("generated.toml", &text)
}

#[test]
fn generated_programs_are_the_same_both_ways() {
    for (sessions, rooms, days, rate, seed) in [
        (1, 1, 1, 0.0, 1),
        (40, 3, 2, 0.0, 2),
        (300, 12, 3, 0.05, 3),
        (600, 20, 2, 0.3, 4),
        // A day of 2,500 sessions: three batches of views, the second half of the big ones
        // written on another core (one helper kept from batch to batch), and a remainder.
        (2_500, 30, 1, 0.02, 5),
        // 4,501 speakers: the speakers' index written in two pieces, one on each core.
        (9_000, 60, 3, 0.02, 6),
    ] {
        let program = generated(sessions, rooms, days, rate, seed);
        let what = format!("generated {sessions}/{rooms}/{days}/{rate}/{seed}");
        same_both_ways(&what, &program, &Selection::default(), None, &options());
        same_both_ways(
            &format!("{what} --split tracks"),
            &program,
            &Selection::default(),
            Some(Split::Tracks),
            &options(),
        );
    }
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_generated_program_is_the_same_both_ways(
        sessions in 1usize..150,
        rooms in 1usize..8,
        days in 1usize..4,
        rate in 0.0f64..0.5,
        seed in 0u64..1_000_000,
        utc in any::<bool>(),
    ) {
        let program = generated(sessions, rooms, days, rate, seed);
        let o = Options { utc, ..options() };
        same_both_ways("proptest", &program, &Selection::default(), None, &o);
    }
}
