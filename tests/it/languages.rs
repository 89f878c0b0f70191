//! Every language: the catalogues are complete and used, the seed agenda reads in every shipped
//! language (snapshots), dates read back through each language's own CLDR pattern, pages say
//! their `lang` and `dir`.

use std::path::Path;

use agora::catalogue::{self, Domain};
use agora::export::{self, Format, Options, Selection};

/// The languages the project promises (docs/languages.md).
const PROMISED: [&str; 11] = [
    "ar", "de", "en", "es", "fr", "it", "ja", "nl", "pl", "pt", "zh-Hans",
];

fn check_domain(domain: Domain, wanted: &[&str]) -> Vec<String> {
    let mut problems = Vec::new();
    for tag in catalogue::shipped(domain) {
        let Some(cat) = catalogue::for_tag(domain, tag) else {
            problems.push(format!("{tag}: not found by its own tag"));
            continue;
        };
        let file = format!("locales/{tag}/{}.ftl", domain.file_stem());
        for p in cat.problems() {
            problems.push(format!("{file}: {p}"));
        }
        let ids = cat.ids();
        for id in wanted {
            if !ids.iter().any(|i| i == id) {
                problems.push(format!("{file}: lacks the message `{id}`"));
            }
        }
        for id in &ids {
            if !wanted.contains(&id.as_str()) {
                problems.push(format!(
                    "{file}: `{id}` is not used by agora (remove it, or check its spelling)"
                ));
            }
            if cat.text(id).trim().is_empty() {
                problems.push(format!("{file}: `{id}` is empty"));
            }
        }
        let mut seen = std::collections::BTreeSet::new();
        for id in &ids {
            if !seen.insert(id) {
                problems.push(format!("{file}: `{id}` is defined twice"));
            }
        }
    }
    problems
}

#[test]
fn catalogues_define_exactly_the_messages_agora_uses() {
    let problems = check_domain(Domain::Export, &export::catalogue_message_ids());
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
    let shipped = catalogue::shipped(Domain::Export);
    for tag in PROMISED {
        assert!(shipped.contains(&tag), "no catalogue for {tag}");
    }
}

#[test]
fn editor_catalogues_define_exactly_the_editor_messages() {
    let ids = agora::tui::words::ids();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let problems = check_domain(Domain::Editor, &ids);
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
    let shipped = catalogue::shipped(Domain::Editor);
    assert!(
        shipped.contains(&"en") && shipped.contains(&"fr"),
        "{shipped:?}"
    );
}

/// The editor's message ids its code names: `word("id")`, `format("id", …)`,
/// `format_counts("id", …)` (the catalogue calls of src/tui/words.rs), and the families
/// whose ids it builds (`item_hint_room_name`, the keymap's `group_`/`hint_`, the help lines).
fn editor_ids_in_code() -> (std::collections::BTreeSet<String>, Vec<&'static str>) {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
        &mut files,
    );
    let mut ids = std::collections::BTreeSet::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("read");
        // Only the code, not its tests.
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for call in [
            "words::word(",
            "words::format(",
            "words::format_counts(",
            "pattern_date(",
            "W::word(",
            "W::format(",
            "W::format_counts(",
            " word(",
            " format(",
            "(word(",
            "(format(",
        ] {
            for (at, _) in code.match_indices(call) {
                let rest = code[at + call.len()..].trim_start();
                let Some(rest) = rest.strip_prefix('"') else {
                    continue;
                };
                let id: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                    .collect();
                if rest[id.len()..].starts_with('"') && !id.is_empty() {
                    ids.insert(id);
                }
            }
        }
    }
    let families = vec!["item_hint_", "item_label_", "group_", "hint_", "help_"];
    (ids, families)
}

#[test]
fn the_editor_code_and_its_id_list_agree() {
    // Every id the code asks for is declared (so the catalogue check above covers it), and
    // every declared id is asked for somewhere (no message left behind by a change).
    let (used, families) = editor_ids_in_code();
    // The scan finds the calls (it would pass vacuously otherwise).
    assert!(used.len() > 200 && used.contains("prompt_quit"), "{used:?}");
    let declared = agora::tui::words::IDS;
    let mut problems = Vec::new();
    for id in &used {
        if !declared.contains(&id.as_str()) {
            problems.push(format!(
                "src/tui asks for `{id}`, missing from IDS in src/tui/words.rs"
            ));
        }
    }
    for id in declared {
        if !used.contains(*id) && !families.iter().any(|f| id.starts_with(f)) {
            problems.push(format!(
                "`{id}` is in IDS but no code of src/tui asks for it"
            ));
        }
    }
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}

#[test]
fn the_check_catches_a_missing_and_an_unused_message() {
    // The check above is only as good as its failures: a catalogue without `days` and with a
    // stray message is reported twice.
    let wanted: Vec<&str> = export::catalogue_message_ids()
        .into_iter()
        .chain(["not_in_any_catalogue"])
        .filter(|id| *id != "days")
        .collect();
    let problems = check_domain(Domain::Export, &wanted);
    let per_language = catalogue::shipped(Domain::Export).len();
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.contains("lacks the message `not_in_any_catalogue`"))
            .count(),
        per_language
    );
    assert_eq!(
        problems
            .iter()
            .filter(|p| p.contains("`days` is not used"))
            .count(),
        per_language
    );
}

fn seed() -> agora::model::Program {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    agora::load::load_path(&path).expect("seed loads")
}

fn render(program: &agora::model::Program, format: Format, lang: Option<&str>) -> String {
    let options = Options {
        stamp: 1_512_086_400,
        lang: lang.map(str::to_string),
        ..Options::default()
    };
    let files =
        export::export(program, &[format], &Selection::default(), None, &options).expect("export");
    let main = files.into_iter().find(|f| f.main).expect("main file");
    main.bytes.into_string()
}

#[test]
fn seed_agenda_in_every_shipped_language() {
    let program = seed();
    for tag in catalogue::shipped(Domain::Export) {
        let text = render(&program, Format::Text, Some(tag));
        insta::assert_snapshot!(format!("seed_agenda_{tag}"), text);
    }
}

#[test]
fn pages_say_their_language_and_direction() {
    let program = seed();
    for (tag, dir) in [
        ("ar", "rtl"),
        ("fr", "ltr"),
        ("he", "rtl"),
        ("fa", "rtl"),
        ("ja", "ltr"),
    ] {
        let html = render(&program, Format::Html, Some(tag));
        assert!(
            html.contains(&format!("<html lang=\"{tag}\" dir=\"{dir}\">")),
            "{tag}: {}",
            &html[..200.min(html.len())]
        );
    }
    // Untrusted text stays isolated in a right-to-left page.
    let html = render(&program, Format::Html, Some("ar"));
    assert!(html.contains("<h1><bdi>"));
    // Logical properties: the track stripe is on the start side whatever the direction.
    assert!(html.contains("border-inline-start:"));
    assert!(!html.contains("border-left:"));
    // The interactive agenda's rules too (sticky time column, stars, condensed cards): no side
    // of the inline axis is named physically anywhere in the page's stylesheet.
    let style = &html[html.find("<style>").expect("style")..html.find("</style>").expect("end")];
    assert!(
        style.contains("inset-inline-start: 0"),
        "sticky time column"
    );
    for physical in [
        "-left",
        "-right",
        " left:",
        " right:",
        ";left:",
        ";right:",
        "{left:",
        "{right:",
        "float: left",
        "float: right",
        "text-align: left",
        "text-align: right",
    ] {
        assert!(!style.contains(physical), "`{physical}` in the stylesheet");
    }
}

#[test]
fn export_lang_overrides_the_event_language() {
    let program = seed();
    assert_eq!(program.event.language, "fr");
    let fr = render(&program, Format::Text, None);
    let de = render(&program, Format::Text, Some("de"));
    assert!(fr.contains("Intervenants"), "{fr}");
    assert!(
        de.contains("Vortragende") && !de.contains("Intervenants"),
        "{de}"
    );
    assert!(de.contains("5.–6. Dezember 2017"), "{de}");
    assert!(de.contains("DIENSTAG, 5. DEZEMBER 2017"), "{de}");
}

/// UTS 35 pattern tokens: `("field", "MMMM")` or `("literal", text)`.
fn pattern_tokens(pattern: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut literal = String::new();
    let chars: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\'' {
            if chars.get(i + 1) == Some(&'\'') {
                literal.push('\'');
                i += 2;
                continue;
            }
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                literal.push(chars[i]);
                i += 1;
            }
            i += 1;
        } else if c.is_ascii_alphabetic() {
            if !literal.is_empty() {
                out.push(("literal", std::mem::take(&mut literal)));
            }
            let mut field = String::new();
            while i < chars.len() && chars[i] == c {
                field.push(c);
                i += 1;
            }
            out.push(("field", field));
        } else {
            literal.push(c);
            i += 1;
        }
    }
    if !literal.is_empty() {
        out.push(("literal", literal));
    }
    out
}

fn number(text: &str) -> Option<u32> {
    let mut n: u32 = 0;
    for c in text.chars() {
        let d = match c {
            '0'..='9' => c as u32 - '0' as u32,
            '\u{660}'..='\u{669}' => c as u32 - 0x660,
            '\u{6F0}'..='\u{6F9}' => c as u32 - 0x6F0,
            _ => return None,
        };
        n = n.checked_mul(10)?.checked_add(d)?;
    }
    Some(n)
}

/// Read `date`'s long text in `tag` back through the language's own pattern: every literal of
/// the pattern where it says, every field parsed, and the same date (and weekday) out.
fn read_back(tag: &str, date: chrono::NaiveDate) -> Result<chrono::NaiveDate, String> {
    use chrono::Datelike;
    let (pattern, parts) = export::long_date_parts(tag, date).ok_or("no CLDR data")?;
    let text: String = parts.iter().map(|(_, t)| t.as_str()).collect();
    if text != export::long_date(tag, date) {
        return Err(format!("parts {parts:?} are not the text"));
    }
    let field_of = |d: chrono::NaiveDate, kind: &str| -> Option<String> {
        export::long_date_parts(tag, d)?
            .1
            .into_iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, t)| t)
    };
    let months: Vec<String> = (1..=12)
        .filter_map(|m| field_of(chrono::NaiveDate::from_ymd_opt(2001, m, 15)?, "month"))
        .collect();
    let weekdays: Vec<String> = (1..=7)
        .filter_map(|d| field_of(chrono::NaiveDate::from_ymd_opt(2001, 1, d)?, "weekday"))
        .collect();
    let tokens = pattern_tokens(&pattern);
    if tokens.len() != parts.len() {
        return Err(format!(
            "pattern {pattern:?} has {tokens:?}, the text {parts:?}"
        ));
    }
    let (mut y, mut m, mut d, mut wd) = (None, None, None, None);
    for ((kind, token), (part, text)) in tokens.iter().zip(&parts) {
        match (*kind, token.chars().next()) {
            ("literal", _) if *part == "literal" && token == text => {}
            ("field", Some('y')) if *part == "year" => y = number(text),
            // French writes the first of the month "1er" (the ordinal), CLDR's "d" aside.
            ("field", Some('d')) if *part == "day" => {
                let french_first = tag.starts_with("fr") && text == "1er";
                d = number(if french_first { "1" } else { text })
            }
            ("field", Some('M' | 'L')) if *part == "month" => {
                m = if token.len() >= 3 {
                    let found: Vec<usize> = (0..12).filter(|&i| months[i] == *text).collect();
                    (found.len() == 1).then(|| found[0] as u32 + 1)
                } else {
                    number(text)
                }
            }
            ("field", Some('E' | 'c')) if *part == "weekday" => {
                wd = weekdays.iter().position(|w| w == text)
            }
            _ => {
                return Err(format!(
                    "{token:?} in {pattern:?} does not read {text:?} ({part})"
                ))
            }
        }
    }
    let (Some(y), Some(m), Some(d)) = (y, m, d) else {
        return Err(format!("{pattern:?}: no year, month or day in {parts:?}"));
    };
    let back = chrono::NaiveDate::from_ymd_opt(y as i32, m, d).ok_or("not a date")?;
    if let Some(wd) = wd {
        if wd as u32 != back.weekday().num_days_from_monday() {
            return Err(format!("weekday {wd} is not that of {back}"));
        }
    }
    Ok(back)
}

#[test]
fn long_dates_read_back_as_cldr_patterns_say() {
    let d = chrono::NaiveDate::from_ymd_opt(2017, 12, 5).unwrap();
    assert_eq!(read_back("de", d), Ok(d));
    let (pattern, _) = export::long_date_parts("de", d).unwrap();
    assert_eq!(pattern, "EEEE, d. MMMM y");
    assert_eq!(read_back("ja", d), Ok(d));
    let first = chrono::NaiveDate::from_ymd_opt(2017, 12, 1).unwrap();
    assert_eq!(export::long_date("fr", first), "vendredi 1er décembre 2017");
    assert_eq!(read_back("fr", first), Ok(first));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    #[test]
    fn every_date_in_every_language_reads_back_through_its_pattern(days in 0i64..73_000) {
        let date = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
            + chrono::Duration::days(days);
        for tag in catalogue::shipped(Domain::Export) {
            proptest::prop_assert_eq!(read_back(tag, date), Ok(date), "{}", tag);
        }
    }
}

const MULTILINGUAL: &str = r#"[event]
id = "forum"
name = "Forum"
timezone = "Europe/Paris"
start = 2017-12-05
end = 2017-12-05
languages = ["fr", "en"]

[[rooms]]
id = "amphi"
name = "Amphi"

[[sessions]]
id = "ouverture"
title = "Ouverture"
room = "amphi"
start = 2017-12-05T09:00:00
duration = 60
language = "fr"
interpretation = ["en"]

[[sessions]]
id = "keynote"
title = "Keynote"
room = "amphi"
start = 2017-12-05T10:00:00
duration = 60
language = "en"
"#;

#[test]
fn multilingual_programs_show_languages_and_interpretation() {
    let program = agora::load::load_str(Path::new("forum.toml"), MULTILINGUAL).expect("loads");
    assert_eq!(program.event.languages, ["fr", "en"]);
    // Without `language`, the first of `languages` is the event's.
    assert_eq!(program.event.language, "fr");
    assert_eq!(program.sessions[0].interpretation, ["en"]);
    let text = render(&program, Format::Text, None);
    assert!(text.contains("Langues\u{a0}: français, anglais"), "{text}");
    assert!(
        text.contains("Langue\u{a0}: français · Interprétation\u{a0}: anglais"),
        "{text}"
    );
    assert!(text.contains("Langue\u{a0}: anglais"), "{text}");
    let html = render(&program, Format::Html, Some("en"));
    assert!(
        html.contains("Language: French · Interpretation: English"),
        "{html}"
    );
    assert!(html.contains("Languages: French, English"), "{html}");
    let ics = render(&program, Format::Ics, Some("de"));
    assert!(
        ics.contains("Sprache: Französisch · Verdolmetschung: Englisch"),
        "{ics}"
    );
    let json = render(&program, Format::Json, None);
    assert!(
        json.contains("\"interpretation\": [\n") && json.contains("\"languages\": ["),
        "{json}"
    );
}

#[test]
fn bad_tags_in_languages_and_interpretation_are_located_and_explained() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("forum.toml");
    let bad = MULTILINGUAL
        .replace(
            r#"languages = ["fr", "en"]"#,
            r#"languages = ["fr", "English", "fr"]"#,
        )
        .replace(
            r#"interpretation = ["en"]"#,
            r#"interpretation = ["en_GB!"]"#,
        );
    std::fs::write(&path, bad).expect("write");
    let out = crate::export_support::agora()
        .args(["check"])
        .arg(&path)
        .output()
        .expect("run agora");
    assert!(!out.status.success());
    let err =
        String::from_utf8_lossy(&out.stderr).to_string() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        err.contains("`English` in `languages` is not a language tag"),
        "{err}"
    );
    assert!(err.contains("write the tag, not the name: \"en\""), "{err}");
    assert!(err.contains("`fr` is listed twice in `languages`"), "{err}");
    assert!(
        err.contains("`en_GB!` in `interpretation` is not a language tag"),
        "{err}"
    );
    assert!(err.contains("forum.toml:7:"), "{err}");
}

#[test]
fn sorting_follows_the_language() {
    // The speakers index of a Spanish program puts "Ñúñez" after "Nuño", as Spanish readers
    // expect; the root order (English) puts it with the N's.
    let text = |lang: &str| {
        let toml = MULTILINGUAL
            .replace("[[rooms]]", "[[speakers]]\nid = \"a\"\nname = \"Ñúñez\"\n\n[[speakers]]\nid = \"b\"\nname = \"Nuzo\"\n\n[[rooms]]")
            .replace("language = \"en\"\n", "language = \"en\"\nspeakers = [\"a\", \"b\"]\n");
        let program = agora::load::load_str(Path::new("f.toml"), &toml).expect("loads");
        render(&program, Format::Markdown, Some(lang))
    };
    let es = text("es");
    let en = text("en");
    let pos = |t: &str, n: &str| t.rfind(n).unwrap();
    assert!(pos(&es, "Nuzo") < pos(&es, "Ñúñez"), "{es}");
    assert!(pos(&en, "Ñúñez") < pos(&en, "Nuzo"), "{en}");
}

#[test]
fn exports_select_sessions_by_language() {
    let program = agora::load::load_str(Path::new("forum.toml"), MULTILINGUAL).expect("loads");
    let titles = |langs: &[&str]| {
        let selection = Selection {
            languages: langs.iter().map(|s| s.to_string()).collect(),
            ..Selection::default()
        };
        let files = export::export(
            &program,
            &[Format::Json],
            &selection,
            None,
            &Options::default(),
        )?;
        let json: serde_json::Value =
            serde_json::from_slice(&files[0].bytes.to_vec()).expect("json");
        Ok::<Vec<String>, export::ExportError>(
            json["sessions"]
                .as_array()
                .expect("sessions")
                .iter()
                .map(|s| s["id"].as_str().unwrap_or("").to_string())
                .collect(),
        )
    };
    // English: the keynote given in it, and the opening interpreted into it.
    assert_eq!(titles(&["en"]).unwrap(), ["ouverture", "keynote"]);
    assert_eq!(titles(&["fr"]).unwrap(), ["ouverture"]);
    assert_eq!(titles(&["en-GB"]).unwrap(), Vec::<String>::new());
    let Err(export::ExportError::Selection(e)) = titles(&["Français"]) else {
        panic!("a language's name is not a tag");
    };
    assert!(e
        .message
        .contains("`--language Français` is not a language tag"));
    assert_eq!(
        e.help.as_deref(),
        Some("write the tag, not the name: --language fr")
    );
}
