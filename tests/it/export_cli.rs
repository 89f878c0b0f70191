//! `agora export` from the outside: destinations, selections, splits, templates, --strict,
//! and the errors a user can make.

use crate::export_support;

use export_support::*;

const SEED: &str = "events/forum-interconnectes-2017.toml";

fn run(args: &[&str]) -> std::process::Output {
    agora().args(args).output().expect("run agora")
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn markdown_to_stdout() {
    let out = run(&["export", "md", SEED, "-o", "-"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(md.starts_with("# Forum des Interconnectés\n"));
    assert!(md.contains("## Mardi 5 décembre 2017"));
    assert!(md.contains("| Horaire | Salle | Session | Intervenants |"));
}

#[test]
fn one_file_named_with_o() {
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("agenda.ics");
    let out = agora()
        .args(["export", "ics", SEED, "-o"])
        .arg(&file)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&file)
        .expect("written")
        .starts_with("BEGIN:VCALENDAR\r\n"));
    assert_eq!(read_tree(dir.path()).len(), 1);
}

#[test]
fn default_folder_is_exports_event_id() {
    let dir = tempfile::tempdir().expect("temp");
    let out = agora()
        .current_dir(dir.path())
        .args(["export", "json"])
        .arg(root().join(SEED))
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let files = read_tree(dir.path());
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["exports/forum-interconnectes-2017/forum-interconnectes-2017.json"]
    );
}

#[test]
fn html_writes_its_calendars_beside_it() {
    let dir = tempfile::tempdir().expect("temp");
    export_into("html", SEED, dir.path(), &[]);
    let files = read_tree(dir.path());
    assert!(files.contains_key("index.html"));
    assert!(files.contains_key("forum-interconnectes-2017.ics"));
    assert!(files.contains_key("sessions/digitalisation-bouscule-territoires.ics"));
    let html = String::from_utf8(files["index.html"].clone()).expect("UTF-8");
    assert!(html.contains("<html lang=\"fr\" dir=\"ltr\">"));
    assert!(html.contains("href=\"forum-interconnectes-2017.ics\""));
    assert!(html.contains("href=\"sessions/digitalisation-bouscule-territoires.ics\""));
    assert!(html.contains("Mardi 5 décembre 2017"));
    // Every link to a file points at a file that was written.
    for (i, _) in html.match_indices("href=\"") {
        let target = &html[i + 6..];
        let target = &target[..target.find('"').expect("quote")];
        if !target.starts_with('#') && !target.contains("://") {
            assert!(files.contains_key(target), "dangling link {target}");
        }
    }
}

#[test]
fn filters_select_sessions() {
    let out = run(&[
        "export", "json", SEED, "-o", "-", "--day", "2", "--room", "amphi",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<&str> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    // The amphitheatre on Wednesday, and the event-wide breaks of that day.
    assert_eq!(
        ids,
        [
            "equite-territoriale",
            "pause-matin-j2",
            "montee-en-competences",
            "dejeuner-j2",
            "mutualiser-intercommunalites",
            "pause-apres-midi-j2",
            "cloture"
        ]
    );
    assert_eq!(json["filtered"], true);
    assert_eq!(json["rooms"].as_array().expect("rooms").len(), 1);

    let out = run(&["export", "json", SEED, "-o", "-", "--speaker", "akim-oural"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["sessions"][0]["id"],
        "digitalisation-bouscule-territoires"
    );
    assert_eq!(json["sessions"].as_array().expect("sessions").len(), 1);
}

#[test]
fn unknown_filter_values_are_errors_with_a_suggestion() {
    let out = run(&["export", "ics", SEED, "-o", "-", "--room", "amphy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--room amphy"), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("did you mean `--room amphi`"),
        "{}",
        stderr(&out)
    );
    assert!(out.stdout.is_empty());

    let out = run(&["export", "ics", SEED, "-o", "-", "--day", "2017-12-09"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a day of the event"),
        "{}",
        stderr(&out)
    );
    let out = run(&["export", "ics", SEED, "-o", "-", "--day", "3"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn split_by_speaker_gives_personal_schedules() {
    let dir = tempfile::tempdir().expect("temp");
    export_into("ics", SEED, dir.path(), &["--split", "speakers"]);
    let files = read_tree(dir.path());
    assert!(files
        .keys()
        .all(|k| k.starts_with("speakers/") && k.ends_with(".ics")));
    let akim = String::from_utf8(files["speakers/akim-oural.ics"].clone()).expect("UTF-8");
    assert_eq!(parse_events(&akim).len(), 1);
    assert!(akim.contains("X-WR-CALNAME:Forum des Interconnectés — Akim Oural"));
    let marie = String::from_utf8(files["speakers/marie-lefevre.ics"].clone()).expect("UTF-8");
    assert_eq!(parse_events(&marie).len(), 6, "moderated sessions count");
}

#[test]
fn split_rooms_in_html_gives_a_folder_per_room() {
    let dir = tempfile::tempdir().expect("temp");
    export_into("html", SEED, dir.path(), &["--split", "rooms"]);
    let files = read_tree(dir.path());
    for room in ["amphi", "salle-rhone", "salle-saone", "atelier", "foyer"] {
        assert!(
            files.contains_key(&format!("rooms/{room}/index.html")),
            "{room}"
        );
    }
    assert!(files.contains_key("rooms/foyer/sessions/cocktail.ics"));
}

#[test]
fn drafts_export_with_a_warning_and_strict_refuses() {
    let dir = tempfile::tempdir().expect("temp");
    let event = dir.path().join("clash.toml");
    std::fs::write(
        &event,
        r#"
[event]
id = "clash"
name = "Clash"
timezone = "Europe/Paris"
start = 2024-05-02
end = 2024-05-02

[[rooms]]
id = "a"
name = "A"

[[sessions]]
id = "one"
title = "One"
room = "a"
start = 2024-05-02T10:00:00
duration = 60

[[sessions]]
id = "two"
title = "Two"
room = "a"
start = 2024-05-02T10:30:00
duration = 60
"#,
    )
    .expect("write");
    let out_dir = dir.path().join("out");
    let out = agora()
        .args(["export", "ics"])
        .arg(&event)
        .arg("-o")
        .arg(&out_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("warning: the program has 1 error-level conflict"));
    assert!(out_dir.join("clash.ics").exists());

    let strict_dir = dir.path().join("strict");
    let out = agora()
        .args(["export", "ics", "--strict"])
        .arg(&event)
        .arg("-o")
        .arg(&strict_dir)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("room-overlap"), "{}", stderr(&out));
    assert!(stderr(&out).contains("not exporting"));
    assert!(!strict_dir.exists());

    // A folder export is written while the check runs: refused, an existing folder is left
    // exactly as it was, with no temp file or new folder in it.
    let site = dir.path().join("site");
    let out = agora()
        .args(["export", "html"])
        .arg(&event)
        .arg("-o")
        .arg(&site)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = tree(&site);
    assert!(before.len() > 4, "{before:?}");
    std::fs::write(
        &event,
        std::fs::read_to_string(&event)
            .unwrap()
            .replace("title = \"One\"", "title = \"Won\"")
            .replace(
                "id = \"a\"\nname = \"A\"",
                "id = \"a\"\nname = \"A\"\n\n[[rooms]]\nid = \"b\"\nname = \"B\"",
            ),
    )
    .unwrap();
    let out = agora()
        .args(["export", "html", "--strict"])
        .arg(&event)
        .arg("-o")
        .arg(&site)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(tree(&site), before, "a refused export changed the folder");
}

/// Every file and folder under `dir` with its bytes (none for a folder), sorted.
fn tree(dir: &std::path::Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut all = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            all.push((path.display().to_string(), None));
            all.extend(tree(&path));
        } else {
            all.push((
                path.display().to_string(),
                Some(std::fs::read(&path).unwrap()),
            ));
        }
    }
    all.sort();
    all
}

#[test]
fn a_custom_template_replaces_the_built_in_one() {
    let dir = tempfile::tempdir().expect("temp");
    let template = dir.path().join("short.md");
    std::fs::write(
        &template,
        "{% for s in sessions %}{{ s.start }} {{ s.title }}\n{% endfor %}",
    )
    .expect("write");
    let out = agora()
        .args([
            "export",
            "md",
            SEED,
            "-o",
            "-",
            "--day",
            "1",
            "--room",
            "salle-saone",
            "--template",
        ])
        .arg(&template)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.starts_with("08:30 Accueil des participants et café\n"),
        "{text}"
    );
    // Values are still escaped for Markdown in an organiser's template.
    assert!(text.contains("14:00 Règlement général"));
    // French typography: the space before `:` and `?` does not break.
    assert!(text.contains("Ouvrir ses données publiques\u{a0}: par où commencer\u{202f}?"));

    std::fs::write(&template, "line one\n{{ sessions[0].titel }}\n").expect("write");
    let out = agora()
        .args(["export", "md", SEED, "-o", "-", "--template"])
        .arg(&template)
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
}

#[test]
fn command_line_mistakes_exit_2() {
    let cases: &[&[&str]] = &[
        &["export", "all", SEED, "-o", "-"],
        &["export", "ics", SEED, "-o", "-", "--split", "rooms"],
        &["export", "ics", SEED, "--template", "Cargo.toml"],
        &["export", "pdf", SEED],
        &["export", "ics", "no/such/event.toml", "-o", "-"],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(!stderr(&out).contains("panicked"));
    }
    let out = agora()
        .env("SOURCE_DATE_EPOCH", "yesterday")
        .args(["export", "ics", SEED, "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("SOURCE_DATE_EPOCH"));
}

#[test]
fn source_date_epoch_pins_the_timestamp_and_output_is_reproducible() {
    let a = run(&["export", "ics", SEED, "-o", "-"]);
    let b = run(&["export", "ics", SEED, "-o", "-"]);
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).expect("UTF-8");
    assert!(text.contains("DTSTAMP:20171201T000000Z\r\n"));
    let c = agora()
        .env("SOURCE_DATE_EPOCH", "1600000000")
        .args(["export", "ics", SEED, "-o", "-"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&c.stdout).contains("DTSTAMP:20200913T122640Z\r\n"));
}

#[test]
fn english_event_gets_english_labels() {
    let out = run(&["export", "html", "tests/data/kolkata.toml", "-o", "-"]);
    assert!(out.status.success());
    let html = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    // CLDR English (en is en-US): weekday, month, day, year.
    assert!(html.contains("Wednesday, January 10, 2024"));
    assert!(html.contains("Add to calendar"));
    assert!(html.contains("<del><bdi>Closing</bdi></del>"));
    assert!(html.contains("Cancelled"));
}
