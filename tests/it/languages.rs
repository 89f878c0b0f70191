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
                problems.push(format!("{file}: `{id}` is not used by agora (remove it, or check its spelling)"));
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
    let problems = check_domain(Domain::Editor, agora::tui::words::IDS);
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
    let shipped = catalogue::shipped(Domain::Editor);
    assert!(shipped.contains(&"en") && shipped.contains(&"fr"), "{shipped:?}");
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
        problems.iter().filter(|p| p.contains("lacks the message `not_in_any_catalogue`")).count(),
        per_language
    );
    assert_eq!(
        problems.iter().filter(|p| p.contains("`days` is not used")).count(),
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
    let files = export::export(program, &[format], &Selection::default(), None, &options)
        .expect("export");
    let main = files.into_iter().find(|f| f.main).expect("main file");
    String::from_utf8(main.bytes).expect("utf-8")
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
    for (tag, dir) in [("ar", "rtl"), ("fr", "ltr"), ("he", "rtl"), ("fa", "rtl"), ("ja", "ltr")] {
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
}

#[test]
fn export_lang_overrides_the_event_language() {
    let program = seed();
    assert_eq!(program.event.language, "fr");
    let fr = render(&program, Format::Text, None);
    let de = render(&program, Format::Text, Some("de"));
    assert!(fr.contains("Intervenants"), "{fr}");
    assert!(de.contains("Vortragende") && !de.contains("Intervenants"), "{de}");
    assert!(de.contains("5.–6. Dezember 2017"), "{de}");
    assert!(de.contains("DIENSTAG, 5. DEZEMBER 2017"), "{de}");
}
