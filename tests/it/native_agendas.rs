//! The built-in Markdown and text agendas are written by native writers (no template engine);
//! their templates (`src/export/templates/agenda.md`, `agenda.txt`) stay the layouts'
//! reference and what `--template` replaces. Every case here exports both ways — the native
//! writer (no template), and the same built-in template given as `--template` (the template
//! engine's path) — and asserts the same bytes: the bundled events, generated programs of
//! several sizes, seeds and conflict rates, and a hostile program, across every option that
//! changes the output (`--brief`, `--utc`, `--lang`, `--split`, the filters).

use std::path::Path;

use agora::export::{export, Format, Options, Selection, Split};
use agora::model::Program;

const MD: &str = include_str!("../../src/export/templates/agenda.md");
const TXT: &str = include_str!("../../src/export/templates/agenda.txt");

/// Export `format` both ways and assert the files are the same, byte for byte.
fn same_both_ways(
    what: &str,
    program: &Program,
    format: Format,
    selection: &Selection,
    split: Option<Split>,
    options: &Options,
) {
    let template = match format {
        Format::Markdown => MD,
        _ => TXT,
    };
    let native = export(program, &[format], selection, split, options)
        .unwrap_or_else(|e| panic!("{what}: native: {e}"));
    let templated = export(
        program,
        &[format],
        selection,
        split,
        &Options {
            template: Some(template.to_string()),
            ..options.clone()
        },
    )
    .unwrap_or_else(|e| panic!("{what}: template: {e}"));
    assert_eq!(native.len(), templated.len(), "{what}: file count");
    for (n, t) in native.iter().zip(&templated) {
        assert_eq!(n.path, t.path, "{what}");
        if n.bytes != t.bytes {
            let (n, t) = (n.bytes.clone().into_string(), t.bytes.clone().into_string());
            let line = n
                .lines()
                .zip(t.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(n.lines().count().min(t.lines().count()));
            panic!(
                "{what} {format:?}: native and template differ at line {}:\nnative:   {:?}\ntemplate: {:?}",
                line + 1,
                n.lines().nth(line),
                t.lines().nth(line)
            );
        }
    }
}

fn options(lang: Option<&str>, brief: bool, utc: bool) -> Options {
    Options {
        stamp: 1_700_000_000,
        lang: lang.map(str::to_string),
        brief,
        utc,
        ..Options::default()
    }
}

/// Every language, brief or not, local or UTC; every split; a few filters.
fn every_option(what: &str, program: &Program) {
    let all = Selection::default();
    for format in [Format::Markdown, Format::Text] {
        for lang in [
            None,
            Some("fr"),
            Some("en"),
            Some("de"),
            Some("ja"),
            Some("ar"),
        ] {
            for (brief, utc) in [(false, false), (true, false), (false, true)] {
                let what = format!("{what} lang={lang:?} brief={brief} utc={utc}");
                same_both_ways(
                    &what,
                    program,
                    format,
                    &all,
                    None,
                    &options(lang, brief, utc),
                );
            }
        }
        for split in [
            Split::Rooms,
            Split::Tracks,
            Split::Speakers,
            Split::Sessions,
        ] {
            let what = format!("{what} split={split:?}");
            same_both_ways(
                &what,
                program,
                format,
                &all,
                Some(split),
                &options(None, false, false),
            );
        }
        let mut filters = Vec::new();
        if let Some(room) = program.rooms.first() {
            filters.push(Selection {
                rooms: vec![room.id.clone()],
                ..Selection::default()
            });
        }
        if let Some(track) = program.tracks.first() {
            filters.push(Selection {
                tracks: vec![track.id.clone()],
                ..Selection::default()
            });
        }
        if let Some(person) = program.speakers.first() {
            filters.push(Selection {
                speakers: vec![person.id.clone()],
                ..Selection::default()
            });
        }
        filters.push(Selection {
            days: vec!["1".to_string()],
            ..Selection::default()
        });
        filters.push(Selection {
            languages: vec!["en".to_string()],
            ..Selection::default()
        });
        if let Some(session) = program.sessions.first() {
            filters.push(Selection {
                sessions: vec![session.id.clone()],
                ..Selection::default()
            });
        }
        for selection in &filters {
            let what = format!("{what} {selection:?}");
            let brief = options(None, true, false);
            same_both_ways(
                &what,
                program,
                format,
                selection,
                None,
                &options(None, false, false),
            );
            same_both_ways(&what, program, format, selection, None, &brief);
        }
    }
}

fn load(path: &str) -> Program {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    agora::load::load_path(&root.join(path)).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

#[test]
fn bundled_events_are_the_same_both_ways() {
    for path in [
        "events/forum-interconnectes-2017.toml",
        "events/examples/every-rule.toml",
        "events/examples/dst-autumn.toml",
        "events/examples/dst-spring.toml",
        "events/examples/split",
    ] {
        every_option(path, &load(path));
    }
}

fn generated(
    sessions: usize,
    rooms: usize,
    speakers: usize,
    days: usize,
    rate: f64,
    seed: u64,
) -> Program {
    let text = agora::generate::generate(&agora::generate::Options {
        sessions,
        rooms,
        speakers,
        days,
        conflict_rate: rate,
        seed,
    });
    agora::load::load_str(Path::new("generated.toml"), &text).expect("a generated program loads")
}

#[test]
fn generated_programs_are_the_same_both_ways() {
    for (sessions, rooms, speakers, days, rate, seed) in [
        (40, 3, 20, 2, 0.0, 1),
        (300, 12, 150, 3, 0.05, 7),
        (200, 5, 60, 1, 0.3, 42),
    ] {
        let what = format!("generated {sessions} sessions seed {seed} rate {rate}");
        every_option(
            &what,
            &generated(sessions, rooms, speakers, days, rate, seed),
        );
    }
}

/// Large enough for the native writers to cut the days and the speakers into pieces written
/// on several cores.
#[test]
fn programs_written_in_pieces_are_the_same_both_ways() {
    let program = generated(5000, 40, 1500, 3, 0.02, 42);
    for format in [Format::Markdown, Format::Text] {
        for (lang, brief) in [(None, false), (Some("fr"), true), (Some("ja"), false)] {
            let what = format!("generated 5000 lang={lang:?} brief={brief}");
            same_both_ways(
                &what,
                &program,
                format,
                &Selection::default(),
                None,
                &options(lang, brief, false),
            );
        }
    }
}

/// Titles, names and texts that try to become markup, break a table or the 72 columns, or
/// reorder the text around them; every kind of session, room and speaker.
const HOSTILE: &str = r##"
[event]
id = "hostile"
name = "1. **Forum** | <script>alert(1)</script> [x](javascript:alert(1))"
timezone = "Europe/Paris"
start = 2024-10-26
end = 2024-10-28
venue = "# Hall_B ~~gone~~ https://evil.example/x"
url = "https://example.org/forum?a=1&b=2"
language = "fr"
languages = ["fr", "en", "de"]
description = """
- a list item
> a quote

Second paragraph with `code`, <b>raw</b>, www.evil.example and a.b@c.example.
Tschüß \u202Ebidi\u202C and a bell \u0007 here.
12) twelfth"""

[[tracks]]
id = "t1"
name = "Track | one *bold*"
color = "#123456"
description = "Line one\n\nLine **two** with <i>html</i>"

[[tracks]]
id = "t2"
name = "東京トラック"

[[rooms]]
id = "r1"
name = "Salle | A <b>"
location = "Niveau 1 — aile *est*"
accessible = false

[[rooms]]
id = "r2"
name = "会議室 Room_2"

[[rooms]]
id = "r3"
name = "Plain room"
location = "Basement"

[[speakers]]
id = "p1"
name = "Ada *Lovelace* | [link](http://x.example)"
role = "Chair; of ~~things~~"
affiliation = "Analytical <Engines>"
bio = "First line of the bio.\nSecond line - with dash.\n\n# Not a heading\n\n5. not a list"
url = "https://ada.example/me"

[[speakers]]
id = "p2"
name = "山田 太郎"
role = "研究者"

[[speakers]]
id = "p3"
name = "- Dash Person"
affiliation = "Dash Org"
url = "https://dash.example"

[[speakers]]
id = "p4"
name = "Zed \u202Ereversed\u202C"
bio = "Bio with <script>alert(1)</script>, | pipes | and a very-long-hyphenated-word-that-goes-on-and-on-and-on-past-the-width-of-the-line-indeed."

[[sessions]]
id = "keynote"
title = "# Keynote: pourquoi ? | l'avenir ! <script>x</script>"
kind = "keynote"
track = "t1"
room = "r1"
start = 2024-10-26T09:00:00
duration = 60
speakers = ["p1", "p2"]
moderators = ["p4"]
language = "en"
interpretation = ["fr", "de"]
description = "A **description** with [a link](https://x.example) and a | pipe.\n\nSecond paragraph; also\na line break."
url = "https://example.org/keynote"

[[sessions]]
id = "long"
title = "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword and then some more words to wrap past seventy-two columns"
track = "t2"
room = "r2"
start = 2024-10-26T10:30:00
duration = 45
speakers = ["p2"]
description = "東京国際フォーラムでの開発者会議の基調講演と今後の展望について東京国際フォーラムでの開発者会議の基調講演と今後の展望について"

[[sessions]]
id = "cancelled"
title = "Cancelled ~~talk~~"
room = "r3"
start = 2024-10-26T10:30:00
duration = 30
status = "cancelled"
speakers = ["p3"]
description = "Not shown"
url = "https://example.org/cancelled"

[[sessions]]
id = "tentative"
title = "Maybe: a talk"
kind = "workshop"
room = "r3"
start = 2024-10-26T11:30:00
duration = 30
status = "tentative"
moderators = ["p1"]

[[sessions]]
id = "coffee"
title = "Coffee & cake"
kind = "break"
start = 2024-10-26T12:00:00
duration = 30

[[sessions]]
id = "dst"
title = "Across the change of time \u202Eevil\u202C \u0007 \u200Fend"
room = "r1"
start = 2024-10-27T01:30:00
duration = 120
speakers = ["p3", "p1"]

[[sessions]]
id = "twice"
title = "In the hour that happens twice"
room = "r2"
start = 2024-10-27T02:15:00
duration = 30
language = "de"

[[sessions]]
id = "unscheduled"
title = "**Unscheduled** | talk"
speakers = ["p4", "p2"]
status = "tentative"

[[sessions]]
id = "nobody"
title = "1. Unscheduled and alone"
"##;

#[test]
fn a_hostile_program_is_the_same_both_ways() {
    let program = agora::load::load_str(Path::new("hostile.toml"), HOSTILE)
        .expect("the hostile program loads");
    every_option("hostile", &program);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Any generated program, in any of a few languages, brief or not, local or UTC.
    #[test]
    fn any_generated_program_is_the_same_both_ways(
        sessions in 1usize..160,
        rooms in 1usize..8,
        speakers in 1usize..60,
        days in 1usize..4,
        rate in 0.0f64..0.5,
        seed in 0u64..1_000_000,
        lang in proptest::sample::select(vec![None, Some("fr"), Some("en"), Some("ja"), Some("ar")]),
        brief in proptest::bool::ANY,
        utc in proptest::bool::ANY,
    ) {
        let program = generated(sessions, rooms, speakers, days, rate, seed);
        for format in [Format::Markdown, Format::Text] {
            let what = format!("generated {sessions}/{rooms}/{speakers}/{days} seed {seed}");
            same_both_ways(&what, &program, format, &Selection::default(), None, &options(lang, brief, utc));
        }
    }
}
