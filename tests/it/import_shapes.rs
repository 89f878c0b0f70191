//! Importing what others publish, shape by shape (issue 14): who is who when ids and names do
//! not go one to one, every way people are named, refusing what is not a schedule, language
//! names and lists. The fixtures in tests/data/import/ are written for these tests.

use std::path::{Path, PathBuf};

use agora::import::{import, Imported};
use assert_cmd::Command;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/import")
        .join(name)
}

fn imported(name: &str) -> Imported {
    let text = std::fs::read_to_string(data(name)).unwrap();
    import(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

/// Each session's title and the names of its speakers (and moderators), as imported.
fn links(i: &Imported) -> Vec<(String, Vec<String>)> {
    i.sessions
        .iter()
        .map(|s| {
            let names = s
                .speakers
                .iter()
                .chain(&s.moderators)
                .map(|id| {
                    let who = i.speakers.iter().find(|p| &p.id == id).unwrap();
                    format!("{} ({})", who.name, who.id)
                })
                .collect();
            (s.title.clone(), names)
        })
        .collect()
}

fn notes(i: &Imported) -> String {
    i.notes.join("\n")
}

#[test]
fn one_id_under_several_names_is_several_people() {
    let i = imported("shared-person-id.json");
    // Person 8 is three people; "Anna  Berg" (two spaces) is Anna Berg again.
    assert_eq!(
        links(&i),
        [
            ("Opening".into(), vec!["Anna Berg (anna-berg)".into()]),
            (
                "Weather stations".into(),
                vec![
                    "Bruno Costa (bruno-costa)".into(),
                    "Dana Eze (dana-eze)".into()
                ]
            ),
            (
                "Radio for everyone".into(),
                vec!["Chloé Durand (chloe-durand)".into()]
            ),
            ("Closing".into(), vec!["Anna Berg (anna-berg)".into()]),
        ]
    );
    assert_eq!(i.speakers.len(), 4);
    let said = notes(&i);
    assert!(
        said.contains("Person id `8` carries 3 different names: imported as 3 speakers"),
        "{said}"
    );
    // Nobody is double-booked: the 11:00 sessions have different people.
    let text = std::fs::read_to_string(data("shared-person-id.json")).unwrap();
    let files = agora::import::toml_out::render(&i, "x", agora::import::toml_out::Layout::File);
    let program = agora::load::load_str(Path::new("x.toml"), &files[0].1).unwrap();
    assert!(agora::rules::check(&program)
        .iter()
        .all(|d| d.code.as_str() != "speaker-overlap"));
    assert!(text.contains("\"id\": 8"));
}

#[test]
fn one_name_under_several_ids_stays_several_people_with_a_note() {
    let i = imported("same-name-two-ids.xml");
    assert_eq!(
        links(&i),
        [
            (
                "Citizenfour Q&A".into(),
                vec!["Laura Poitras (laura-poitras-12)".into()]
            ),
            (
                "Urban gardening".into(),
                vec!["Laura Poitras (laura-poitras-34)".into()]
            ),
        ]
    );
    let said = notes(&i);
    assert!(
        said.contains("The name Laura Poitras appears under 2 person ids (`12`, `34`): kept as 2 speakers (`laura-poitras-12`, `laura-poitras-34`)"),
        "{said}"
    );
}

#[test]
fn every_way_frab_names_people() {
    let i = imported("full-public-name.json");
    assert_eq!(
        links(&i),
        [
            (
                "Lightning talks".into(),
                vec![
                    "Ada Lovelace (ada-lovelace)".into(),
                    "Grace Hopper (grace-hopper)".into()
                ]
            ),
            (
                "Panel".into(),
                vec![
                    "Ada Lovelace (ada-lovelace)".into(),
                    "Alan Turing (alan-turing)".into()
                ]
            ),
        ]
    );
    let i = imported("persons-as-text.json");
    assert_eq!(
        links(&i),
        [
            (
                "Three people".into(),
                vec![
                    "Ann Lee (ann-lee)".into(),
                    "Bob Stone (bob-stone)".into(),
                    "Eve Park (eve-park)".into()
                ]
            ),
            ("Ambiguous".into(), vec!["Lee, Ann (lee-ann)".into()]),
            (
                "Plain strings".into(),
                vec![
                    "Marie Curie (marie-curie)".into(),
                    "Pierre Curie (pierre-curie)".into()
                ]
            ),
            ("No language".into(), vec![]),
        ]
    );
    assert!(
        notes(&i).contains("1 person list(s) written as text could not be split"),
        "{}",
        notes(&i)
    );
    let i = imported("persons-as-text.xml");
    assert_eq!(
        links(&i)[0].1,
        ["Marie Curie (marie-curie)", "Pierre Curie (pierre-curie)"]
    );
}

#[test]
fn unknown_elements_are_counted() {
    let said = notes(&imported("persons-as-text.xml"));
    for needle in [
        "unknown element <video_url> in <event>` (1 time(s))",
        "unknown element <break> in <day>` (1 time(s))",
        "unknown element <sponsors>` (1 time(s))",
    ] {
        assert!(said.contains(needle), "{needle}\n{said}");
    }
}

#[test]
fn language_names_and_lists_become_tags() {
    let i = imported("full-public-name.json");
    assert_eq!(i.sessions[0].language.as_deref(), Some("en"));
    assert_eq!(i.sessions[1].language.as_deref(), Some("de"));
    assert!(i.sessions[1].tags.contains(&"lang:en".to_string()));
    let i = imported("persons-as-text.json");
    let langs: Vec<Option<&str>> = i.sessions.iter().map(|s| s.language.as_deref()).collect();
    assert_eq!(langs, [Some("fr"), Some("de"), None, None]);
    assert!(i.sessions[1].tags.contains(&"lang:en".to_string()));
    let said = notes(&i);
    assert!(said.contains("`Klingon-ish gibberish`"), "{said}");
    assert!(said.contains("français → fr"), "{said}");
    // No language is invented: the event has none, so the TOML says none, and the frab
    // exports say none for the session that had none.
    // The event's language: the most common of its sessions' (a tie goes to the first tag).
    assert_eq!(i.event.language.as_deref(), Some("de"));
    let files = agora::import::toml_out::render(&i, "x", agora::import::toml_out::Layout::File);
    let program = agora::load::load_str(Path::new("x.toml"), &files[0].1).unwrap();
    let none = program
        .sessions
        .iter()
        .find(|s| s.title == "No language")
        .unwrap();
    assert_eq!(none.language, None);
    let json: serde_json::Value =
        serde_json::from_str(&agora::export::frab::json::write(&program)).unwrap();
    let events = &json["schedule"]["conference"]["days"][0]["rooms"]["Salle A"];
    let languages: Vec<&serde_json::Value> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["language"])
        .collect();
    // The event's file gives `language = "de"` (the import wrote it), so a session without
    // one says the event's; a file without any language says none.
    assert_eq!(languages[3], "de");
    // The first `language` is the event's.
    let no_language = files[0].1.replacen("language = \"de\"\n", "", 1);
    let program = agora::load::load_str(Path::new("x.toml"), &no_language).unwrap();
    let xml = agora::export::frab::xml::write(&program);
    assert_eq!(xml.matches("<language>").count(), 2, "{xml}");
    let json: serde_json::Value =
        serde_json::from_str(&agora::export::frab::json::write(&program)).unwrap();
    let last = &json["schedule"]["conference"]["days"][0]["rooms"]["Salle A"][3];
    assert_eq!(last["title"], "No language");
    assert!(last["language"].is_null(), "{last}");
}

/// JSON that is not an object (an array, a string, a number, null) is named as such, not
/// called "neither XML nor JSON".
#[test]
fn json_that_is_not_an_object_is_named_as_json() {
    for (text, found) in [
        (
            "[]",
            "found a JSON array of 0 item(s); expected a frab/C3VOC schedule.json",
        ),
        ("[{\"a\": 1}]", "found a JSON array of 1 item(s); expected"),
        ("\"x\"", "found a JSON string; expected"),
        ("42\n", "found a JSON number; expected"),
        ("null", "found null; expected"),
    ] {
        let e = import(text).expect_err(text);
        assert!(e.message.contains(found), "{text}: {}", e.message);
    }
    // Not JSON at all keeps its message.
    let e = import("BEGIN:VCALENDAR").expect_err("ics");
    assert!(e.message.contains("neither XML nor JSON"), "{}", e.message);
}

fn agora() -> Command {
    Command::cargo_bin("agora").expect("binary")
}

#[test]
fn what_is_not_a_schedule_is_refused_naming_what_was_found() {
    for (file, found) in [
        (
            "not-frab.xml",
            "found <schedule> with <day> (1), <entry> (2), with no <conference> and no <event> in a <room>; expected a frab/pentabarf schedule.xml",
        ),
        (
            "not-frab.json",
            "found a JSON object with keys `speakers`, `talks` without a `schedule`; expected a frab/C3VOC schedule.json",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("x.toml");
        let output = agora()
            .arg("import")
            .arg(data(file))
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{file}");
        let said = String::from_utf8_lossy(&output.stderr);
        assert!(said.contains(found), "{file}: {said}");
        assert!(!out.exists());
    }
    // A real one: EuroPython 2014's own `<schedule><day><entry>` export (tests/data/import).
    let output = agora()
        .arg("import")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/import/europython-2014-schedule.xml"),
        )
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("found <schedule> with <day> (7), <entry> (188)"),
        "{said}"
    );
    // A frab schedule without a single event is refused too, not imported as an empty event.
    let empty = "<schedule><conference><title>T</title><start>2024-01-01</start></conference>\
                 <day date='2024-01-01'><room name='A'/></day></schedule>";
    let refused = import(empty).unwrap_err();
    assert!(refused.message.contains("holds no session"), "{refused:?}");
}

#[test]
fn the_stdout_summary_names_a_file_to_create() {
    let output = agora()
        .arg("import")
        .arg(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/data/interop/fosdem-2024-schedule.xml"),
        )
        .args(["-o", "-"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains(
            "import with -o fosdem-2024.toml, then run `agora check fosdem-2024.toml` to see them"
        ),
        "{said}"
    );
    assert!(!said.contains("run the output"), "{said}");
}

/// Import a fixture and load the TOML it writes.
fn loaded(name: &str) -> (Imported, agora::model::Program) {
    let i = imported(name);
    let files = agora::import::toml_out::render(&i, name, agora::import::toml_out::Layout::File);
    let program = agora::load::load_str(Path::new("x.toml"), &files[0].1).unwrap();
    (i, program)
}

#[test]
fn descriptions_survive_import_toml_export_import_byte_for_byte() {
    let (i, program) = loaded("text-fidelity.json");
    let source = std::fs::read_to_string(data("text-fidelity.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&source).unwrap();
    let written = doc["schedule"]["conference"]["days"][0]["rooms"]["Hall"][0]["description"]
        .as_str()
        .unwrap();
    // Import → TOML: exactly as the source wrote it.
    assert_eq!(i.sessions[0].description.as_deref(), Some(written));
    assert_eq!(program.sessions[0].description.as_deref(), Some(written));
    // TOML → export → import, through both formats: the same bytes again.
    for (format, text) in [
        ("json", agora::export::frab::json::write(&program)),
        ("xml", agora::export::frab::xml::write(&program)),
    ] {
        let back = import(&text).unwrap();
        for (a, b) in program.sessions.iter().zip(&back.sessions) {
            assert_eq!(
                b.description.as_deref(),
                a.description.as_deref(),
                "{format}: {}",
                a.id
            );
        }
    }
}

#[test]
fn html_abstracts_become_markdown_and_relative_links_absolute() {
    let (i, _) = loaded("text-fidelity.json");
    let html = &i.sessions[1];
    let text = html.description.as_deref().unwrap();
    assert!(
        text.starts_with("We show **three** things & a link to [the slides](https://pretalx.example.org/media/slides.pdf)."),
        "{text}"
    );
    assert!(!text.contains("<p>") && !text.contains("<li>"), "{text}");
    assert!(
        text.contains("- Recording: https://pretalx.example.org/system/recordings/2.mp4"),
        "{text}"
    );
    assert_eq!(
        html.url.as_deref(),
        Some("https://pretalx.example.org/conf24/talk/2/")
    );
    // Against a base with a path: relative to its directory.
    let (i, _) = loaded("link-zone.xml");
    let text = i.sessions[0].description.as_deref().unwrap();
    assert!(
        text.contains("[the notes](https://frab.example.org/en/kolkata/public/notes/1.md)"),
        "{text}"
    );
    assert!(
        text.contains("- Event page: https://frab.example.org/en/kolkata/public/events/1.html"),
        "{text}"
    );
}

#[test]
fn deprecated_zone_names_are_written_canonical() {
    let (i, program) = loaded("text-fidelity.json");
    assert_eq!(i.event.timezone.name(), "America/New_York");
    assert!(notes(&i).contains("`US/Eastern` is a deprecated name of America/New_York"));
    let (i, _) = loaded("link-zone.xml");
    assert_eq!(i.event.timezone.name(), "Asia/Kolkata");
    // An event file that says US/Eastern: every export says America/New_York, and a round
    // trip through frab-json keeps the zone (and its daylight saving), not Etc/GMT+5.
    let text = "[event]\nid = \"nyc\"\nname = \"NYC\"\ntimezone = \"US/Eastern\"\nstart = 2024-03-09\nend = 2024-03-10\n\n\
                [[rooms]]\nid = \"r\"\nname = \"R\"\n\n[[sessions]]\nid = \"sat\"\ntitle = \"Saturday\"\nroom = \"r\"\nstart = 2024-03-09T10:00:00\nduration = 60\n\n\
                [[sessions]]\nid = \"sun\"\ntitle = \"Sunday\"\nroom = \"r\"\nstart = 2024-03-10T10:00:00\nduration = 60\n";
    let nyc = agora::load::load_str(Path::new("nyc.toml"), text).unwrap();
    let json = agora::export::frab::json::write(&nyc);
    assert!(
        json.contains("\"time_zone_name\": \"America/New_York\""),
        "{json}"
    );
    let xml = agora::export::frab::xml::write(&nyc);
    assert!(xml.contains("<time_zone_name>America/New_York</time_zone_name>"));
    let back = import(&json).unwrap();
    assert_eq!(back.event.timezone.name(), "America/New_York");
    assert!(!back.event.timezone_guessed);
    let starts: Vec<i64> = back.sessions.iter().filter_map(|s| s.instant).collect();
    // 10:00 EST (UTC-5) on Saturday, 10:00 EDT (UTC-4) on Sunday: daylight saving kept.
    assert_eq!(starts, [1_709_996_400, 1_710_079_200]);
    let files = agora::export::export(
        &nyc,
        &[agora::export::Format::Ics],
        &agora::export::Selection::default(),
        None,
        &agora::export::Options::default(),
    )
    .unwrap();
    let ics = String::from_utf8(files[0].bytes.to_vec()).unwrap();
    assert!(
        ics.contains("TZID:America/New_York") && !ics.contains("US/Eastern"),
        "{ics}"
    );
    assert_eq!(program.event.timezone.name(), "America/New_York");
}
