//! What the agendas publish (issue 12): speakers' pages and their calendars, a public base URL
//! (absolute links, webcal subscription, QR codes, VEVENT URLs), times across a DST change,
//! descriptions in Markdown and text (`--brief`), CSV `--excel`, cancelled SUMMARY, and
//! hostile Markdown, HTML and URLs kept inert in every output.

use crate::export_support;

use std::collections::BTreeMap;
use std::path::Path;

use export_support::*;

const SEED: &str = "events/forum-interconnectes-2017.toml";

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing: {:?}", files.keys().collect::<Vec<_>>()))
            .clone(),
    )
    .expect("UTF-8")
}

fn exported(format: &str, event: &str, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into(format, event, dir.path(), extra);
    read_tree(dir.path())
}

/// An event file written for one test.
fn event_file(dir: &Path, body: &str) -> String {
    let path = dir.join("event.toml");
    std::fs::write(&path, body).expect("write event");
    path.display().to_string()
}

/// The `href` of the link whose text is `label`.
fn href_of(html: &str, label: &str) -> Option<String> {
    let end = html.find(&format!(">{label}</a>"))?;
    let open = html[..end].rfind("<a ")?;
    let tag = &html[open..end];
    let start = tag.find("href=\"")? + 6;
    Some(tag[start..start + tag[start..].find('"')?].to_string())
}

#[test]
fn a_speakers_page_names_their_own_calendar_and_the_whole_program_is_the_whole_program() {
    // Regression: a speaker's page said "Tout le programme dans votre agenda" and linked the
    // speaker's own file.
    let files = exported("html", SEED, &["--split", "speakers"]);
    let page = text(&files, "speakers/akim-oural/index.html");
    assert!(
        !page.contains("Tout le programme dans votre agenda"),
        "no whole-program link without the whole program"
    );
    let own = "Le programme de «\u{a0}Akim Oural\u{a0}» dans votre agenda (.ics)";
    assert_eq!(
        href_of(&page, own).as_deref(),
        Some("forum-interconnectes-2017.ics"),
        "the speaker's own calendar, named as theirs"
    );
    // Under their name.
    let name = page.find("<p class=\"subject\">").expect("subject");
    let link = page.find(own).expect("own link");
    assert!(link > name && page[name..link].matches("<p").count() <= 2);

    // With a public base URL the whole program is linked too, as the whole program.
    let files = exported(
        "html",
        SEED,
        &[
            "--split",
            "speakers",
            "--base-url",
            "https://example.org/forum/",
        ],
    );
    let page = text(&files, "speakers/akim-oural/index.html");
    assert_eq!(
        href_of(&page, own).as_deref(),
        Some("https://example.org/forum/speakers/akim-oural/forum-interconnectes-2017.ics")
    );
    assert_eq!(
        href_of(&page, "Tout le programme dans votre agenda (.ics)").as_deref(),
        Some("https://example.org/forum/forum-interconnectes-2017.ics")
    );
    // The whole program's own page keeps its label.
    let files = exported("html", SEED, &[]);
    let index = text(&files, "index.html");
    assert_eq!(
        href_of(&index, "Tout le programme dans votre agenda (.ics)").as_deref(),
        Some("forum-interconnectes-2017.ics")
    );
    // A filtered export's calendar is not the whole program either.
    let files = exported("html", SEED, &["--day", "1"]);
    let index = text(&files, "index.html");
    assert!(href_of(&index, "Ces sessions dans votre agenda (.ics)").is_some());
    assert!(!index.contains("Tout le programme dans votre agenda"));
}

#[test]
fn a_base_url_makes_links_absolute_subscribable_and_scannable() {
    let files = exported(
        "all",
        SEED,
        &["--base-url", "https://example.org/forum/index.html"],
    );
    let html = text(&files, "index.html");
    let ics = "https://example.org/forum/forum-interconnectes-2017.ics";
    assert_eq!(
        href_of(&html, "Tout le programme dans votre agenda (.ics)").as_deref(),
        Some(ics)
    );
    assert!(html.contains("href=\"webcal://example.org/forum/forum-interconnectes-2017.ics\""));
    assert!(html.contains("href=\"https://example.org/forum/sessions/ouverture.ics\""));
    assert_eq!(
        html.matches("<svg ").count(),
        2,
        "QR codes of the page and the feed"
    );
    assert!(html.contains("class=\"qr-code\""));
    // Every VEVENT links to its session on the agenda.
    let calendar = unfold(&text(&files, "forum-interconnectes-2017.ics"));
    let events = parse_events(&calendar);
    assert!(!events.is_empty());
    for e in &events {
        let uid = &prop(e, "UID").expect("UID").2;
        let id = uid.split('@').next().expect("id");
        assert_eq!(
            prop(e, "URL").map(|p| p.2.as_str()),
            Some(format!("https://example.org/forum/#s-{id}").as_str()),
            "{uid}"
        );
        assert!(html.contains(&format!("id=\"s-{id}\"")), "{id} anchored");
    }
    assert!(calendar.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"));
    assert!(calendar.contains("X-PUBLISHED-TTL:PT1H"));

    // The event's own `url` is the default base.
    let dir = tempfile::tempdir().expect("dir");
    let source = std::fs::read_to_string(SEED).expect("seed");
    let with_url = source.replacen(
        "venue = \"Lyon\"",
        "venue = \"Lyon\"\nurl = \"https://forum.example/2017\"",
        1,
    );
    let event = event_file(dir.path(), &with_url);
    let files = exported("html", &event, &[]);
    assert!(text(&files, "index.html")
        .contains("href=\"webcal://forum.example/2017/forum-interconnectes-2017.ics\""));
    // Without one, nothing absolute and no QR code (the committed exports).
    let html = text(&exported("html", SEED, &[]), "index.html");
    assert!(!html.contains("webcal:") && !html.contains("<svg"));
}

#[test]
fn a_base_url_that_is_not_a_web_address_is_refused() {
    for bad in [
        "javascript:alert(1)",
        "ftp://example.org/",
        "https://example.org/?q=1",
        "//x",
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let out = agora()
            .args(["export", "html", SEED, "--base-url", bad, "-o"])
            .arg(dir.path())
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("--base-url needs an http or https address"),
            "{err}"
        );
        assert!(std::fs::read_dir(dir.path()).expect("dir").next().is_none());
    }
    // A hostile event `url` is no base: no subscription, no QR code.
    let html = text(
        &exported("html", "tests/data/hostile.toml", &[]),
        "index.html",
    );
    assert!(!html.contains("webcal:") && !html.contains("<svg"));
}

const DST: &str = r#"
[event]
id = "nuit"
name = "Night"
timezone = "Europe/Paris"
start = 2024-10-26
end = 2024-10-27
language = "LANG"

[[rooms]]
id = "hall"
name = "Hall"

[[sessions]]
id = "first-pass"
title = "First pass"
room = "hall"
start = 2024-10-27T02:30:00
duration = 30
description = "Across the change."

[[sessions]]
id = "evening"
title = "Evening"
room = "hall"
start = 2024-10-26T20:00:00
duration = 60

[[sessions]]
id = "gone"
title = "Gone"
room = "hall"
start = 2024-10-26T22:00:00
duration = 30
status = "cancelled"
"#;

#[test]
fn times_across_a_dst_change_show_their_offsets_in_every_agenda() {
    for (lang, range, plain) in [
        ("en-GB", "02:30 CEST – 02:00 CET", "20:00–21:00"),
        // The language's own clock, its zone mark after each time.
        (
            "en",
            "2:30\u{202f}AM CEST – 2:00\u{202f}AM CET",
            "8:00\u{202f}PM–9:00\u{202f}PM",
        ),
        ("fr", "02:30 UTC+2 – 02:00 UTC+1", "20:00–21:00"),
        // Abbreviations are English: every other language names the offset.
        ("de", "02:30 UTC+2 – 02:00 UTC+1", "20:00–21:00"),
        ("ja", "2:30 UTC+2～2:00 UTC+1", "20:00～21:00"),
    ] {
        let dir = tempfile::tempdir().expect("dir");
        let event = event_file(dir.path(), &DST.replace("LANG", lang));
        let files = exported("all", &event, &[]);
        for name in ["index.html", "nuit.md", "nuit.txt"] {
            let body = text(&files, name);
            assert!(body.contains(range), "{lang} {name} lacks {range}");
            // A session far from the change reads as before.
            assert!(body.contains(plain), "{lang} {name} lacks {plain}");
            assert!(!body.contains("20:00 CEST"), "{lang} {name}");
            assert!(!body.contains("8:00\u{202f}PM CEST"), "{lang} {name}");
        }
        // Calendars that ignore STATUS still say it is cancelled.
        let ics = unfold(&text(&files, "nuit.ics"));
        let prefix = match lang {
            "fr" => "SUMMARY:Annulé\u{a0}: Gone",
            "de" => "SUMMARY:Abgesagt: Gone",
            "ja" => "SUMMARY:中止：Gone",
            _ => "SUMMARY:Cancelled: Gone",
        };
        assert!(ics.contains(prefix), "{lang}: {ics}");
        assert!(ics.contains("SUMMARY:First pass\r\n"));
    }
}

#[test]
fn markdown_and_text_carry_descriptions_and_links_unless_brief() {
    let sentence = "Séance plénière d'ouverture";
    let url = "https://www.lagazettedescommunes.com/539516/";
    let full = exported("all", SEED, &[]);
    let brief = exported("all", SEED, &["--brief"]);
    for name in [
        "forum-interconnectes-2017.md",
        "forum-interconnectes-2017.txt",
    ] {
        let (f, b) = (text(&full, name), text(&brief, name));
        assert!(f.contains(sentence) && f.contains(url), "{name}");
        assert!(!b.contains(sentence) && !b.contains(url), "{name} --brief");
        // Brief still lists every session.
        assert!(b.contains("Comment la digitalisation bouscule les territoires"));
    }
    let md = text(&full, "forum-interconnectes-2017.md");
    assert!(
        md.contains(&format!("<{url}")),
        "the session link is a link"
    );
    // Bios and track descriptions too.
    assert!(md.contains("Personne fictive (exemple illustratif)."));
    assert!(md.contains("Accès au numérique, ruralité"));
    // --brief only concerns md and txt.
    let out = agora()
        .args(["export", "csv", SEED, "--brief", "-o", "-"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn csv_for_spreadsheets_has_a_bom_and_the_languages_separator() {
    let fr = text(
        &exported("csv", SEED, &["--excel"]),
        "forum-interconnectes-2017.csv",
    );
    assert!(
        fr.starts_with("\u{feff}Identifiant;Titre;Type;Statut;"),
        "{}",
        &fr[..40]
    );
    let plain = text(&exported("csv", SEED, &[]), "forum-interconnectes-2017.csv");
    assert!(plain.starts_with("id,title,kind"));
    // The same cells, only the separator differs (cells with `;` or `,` are quoted).
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(fr.trim_start_matches('\u{feff}').as_bytes());
    let excel_rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    let plain_rows: Vec<csv::StringRecord> = csv::Reader::from_reader(plain.as_bytes())
        .records()
        .map(|r| r.expect("row"))
        .collect();
    assert_eq!(excel_rows, plain_rows);
    // An English event keeps the comma.
    let dir = tempfile::tempdir().expect("dir");
    let event = event_file(dir.path(), &DST.replace("LANG", "en"));
    let en = text(&exported("csv", &event, &["--excel"]), "nuit.csv");
    assert!(en.starts_with("\u{feff}ID,Title,"));
    // The separator follows the language the export is written in: `--lang` wins.
    let de = text(
        &exported("csv", &event, &["--excel", "--lang", "de"]),
        "nuit.csv",
    );
    assert!(de.starts_with("\u{feff}ID;Titel;"), "{}", &de[..20]);
    let fr_in_english = text(
        &exported("csv", SEED, &["--excel", "--lang", "en"]),
        "forum-interconnectes-2017.csv",
    );
    assert!(fr_in_english.starts_with("\u{feff}ID,Title,"));
    // The plain CSV keeps its column names (a machine contract) in every language.
    let plain_de = text(&exported("csv", &event, &["--lang", "de"]), "nuit.csv");
    assert!(plain_de.starts_with("id,title,kind,"));
}

const HOSTILE: &str = r#"
[event]
id = "evil"
name = "Evil"
timezone = "UTC"
start = 2024-05-02
end = 2024-05-02
url = "javascript:alert('base')"

[[tracks]]
id = "t"
name = "Track"
description = "<script>alert('track')</script>[t](javascript:alert('t'))"

[[rooms]]
id = "r"
name = "Room"
location = "<img src=x onerror=alert('loc')>"
accessible = false

[[speakers]]
id = "p"
name = "Pat"
bio = "<b onmouseover=alert('bio')>Bio</b> \u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007 <svg onload=alert(1)>"
url = "javascript:alert('speaker')"

[[sessions]]
id = "s"
title = "Talk <script>alert('title')</script>"
room = "r"
track = "t"
speakers = ["p"]
start = 2024-05-02T10:00:00
duration = 30
language = "de"
description = """
<iframe src="javascript:alert('desc')"></iframe><a href="javascript:alert('a')" onclick="x()">a</a>

[md](javascript:alert('md')) ![i](https://evil.example/track.png) see www.evil.example or https://evil.example"""
url = "https://example.org/ok"
"#;

#[test]
fn hostile_markup_and_urls_stay_inert_in_every_output() {
    let dir = tempfile::tempdir().expect("dir");
    let event = event_file(dir.path(), HOSTILE);
    let files = exported("all", &event, &[]);
    let page = text(&files, "index.html");
    // The one script is the page's own, built in (export_security checks it); none other.
    let script = std::fs::read_to_string(root().join("src/export/templates/agenda.js"))
        .expect("the agenda's script");
    let own = format!("<script>\n{script}</script>");
    assert_eq!(page.matches("<script").count(), 1, "one script");
    let html = page.replace(&own, "");
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<iframe",
        "<img",
        "<svg",
        "onclick",
        "onmouseover=",
        "href=\"javascript",
        "src=\"https://evil",
        "webcal:",
    ] {
        // Tags only appear escaped (as text), never as markup.
        assert!(!lower.contains(bad), "index.html contains {bad}");
    }
    assert!(
        html.contains("&lt;script&gt;alert(&#39;title&#39;)"),
        "a title is text"
    );
    assert!(html.contains("<b>Bio</b>"), "allowed markup stays");
    assert!(html.contains("Not wheelchair accessible"));
    assert!(html.contains("Language: German"), "the session's language");
    for (name, body) in &files {
        let body = String::from_utf8_lossy(body);
        assert!(
            !body.contains('\u{1b}') && !body.contains('\u{7}'),
            "{name} keeps an escape"
        );
    }
    let md = text(&files, "evil.md");
    // Markup characters in the text are escaped (`\<`, `\]`), so none of it is active.
    let unescaped = md.replace("\\<", "").replace("\\]", "");
    assert!(!unescaped.contains("](javascript") && !unescaped.contains("<script"));
    assert!(!unescaped.contains("<iframe"));
    assert!(
        !md.contains("www.evil") && !md.contains("https://evil"),
        "no GitHub autolink"
    );
    let txt = text(&files, "evil.txt");
    assert!(
        !txt.contains("javascript:alert('md')"),
        "refused targets are not shown as links"
    );
    assert!(txt.contains("https://example.org/ok"));
    let ics = unfold(&text(&files, "evil.ics"));
    assert!(!ics.contains("URL:javascript") && !ics.contains("<iframe"));
}
