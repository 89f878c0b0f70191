//! Hostile text (tests/data/hostile.toml) in every export: no script, tag, event handler,
//! unsafe link, injected iCalendar property, spreadsheet formula or bidi override survives
//! in an active form.

use crate::export_support;

use std::collections::BTreeMap;

use export_support::*;

const BIDI: [char; 9] = [
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

fn hostile_exports() -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into("all", "tests/data/hostile.toml", dir.path(), &[]);
    read_tree(dir.path())
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .clone(),
    )
    .expect("UTF-8")
}

#[test]
fn the_hostile_event_is_a_valid_event() {
    let out = agora()
        .args(["check", "tests/data/hostile.toml"])
        .output()
        .expect("run");
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn no_export_keeps_bidi_overrides_or_control_characters() {
    let files = hostile_exports();
    assert!(files.len() > 6);
    for (name, bytes) in &files {
        let body = String::from_utf8(bytes.clone()).expect("UTF-8");
        assert!(
            !body.contains(BIDI),
            "{name} keeps a bidi control character"
        );
        // A tab is kept in schedule.xml descriptions (they round-trip as written, and a tab is
        // plain XML white space); serde_json writes it `\t`.
        let allowed = |c: char| {
            c == '\n'
                || c == '\r' && name.ends_with(".ics")
                || name.ends_with(".csv") && c == '\r'
                || name.ends_with("schedule.xml") && c == '\t'
        };
        assert!(
            body.chars().all(|c| !c.is_control() || allowed(c)),
            "{name} keeps a control character"
        );
    }
}

#[test]
fn html_has_no_active_content() {
    let files = hostile_exports();
    let page = text(&files, "index.html");
    // The one script is the page's own, exactly as built in: no text of the program is in it.
    let script = std::fs::read_to_string(root().join("src/export/templates/agenda.js"))
        .expect("the agenda's script");
    let own = format!("<script>\n{script}</script>");
    assert_eq!(page.matches("<script").count(), 1, "one script");
    assert!(page.contains(&own), "the script is the built-in one");
    let html = page.replace(&own, "");
    let lower = html.to_lowercase();
    for tag in [
        "<script",
        "<img",
        "<svg",
        "<iframe",
        "<marquee",
        "<b>",
        "</style><style>",
    ] {
        assert!(!lower.contains(tag), "index.html contains {tag}");
    }
    assert_eq!(
        lower.matches("<style>").count(),
        1,
        "only the page's own stylesheet"
    );
    // Text is escaped, so every `<` opens a tag this exporter wrote. In tags, every link goes
    // to the page itself, a written file, or an http(s)/mailto URL, and no attribute is an
    // event handler.
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("tag closes")];
        let name: String = tag
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
            .collect();
        assert!(
            !tag.to_lowercase().contains(" on"),
            "event handler in <{tag}>"
        );
        assert!(
            [
                "!DOCTYPE",
                "html",
                "head",
                "meta",
                "title",
                "style",
                "body",
                "a",
                "header",
                "h1",
                "h2",
                "h3",
                "p",
                "nav",
                "ul",
                "li",
                "section",
                "span",
                "main",
                "div",
                "article",
                "time",
                "bdi",
                "small",
                "details",
                "summary",
                "code",
                "del",
                "strong",
                "footer",
                // Descriptions and bios: Markdown through the sanitiser's allow-list.
                "br",
                "em",
                "ol",
                "blockquote",
                "pre",
                "h4",
                "h5",
                "h6",
                "hr",
                "dl",
                "dt",
                "dd",
                // The interactive agenda's tools.
                "form",
                "label",
                "input",
                "select",
                "option",
            ]
            .contains(&name.trim_start_matches('/')),
            "unexpected tag <{tag}>"
        );
        if let Some(i) = tag.find(" href=\"") {
            let rest = &tag[i + 7..];
            let value = &rest[..rest.find('"').expect("closing quote")];
            let ok = value.starts_with('#')
                || value.starts_with("sessions/")
                || value.starts_with("rooms/")
                || value.starts_with("tracks/")
                || value == "hostile.ics"
                || value.starts_with("https://")
                || value.starts_with("http://")
                || value.starts_with("mailto:");
            assert!(ok, "unexpected link target {value:?}");
            assert!(!value.contains(['<', '>', '\'']), "{value:?}");
        }
    }
    assert!(!lower.contains("href=\"javascript") && !lower.contains("href=\"data:"));
    assert!(!lower.contains("href=\" javascript") && !lower.contains("vbscript:msgbox(1)\""));
    // The hostile text is still shown, as text.
    assert!(html.contains("&lt;script&gt;alert(8)&lt;/script&gt;"));
    assert!(
        html.contains("javascript:alert(document.cookie)"),
        "the refused URL is shown as text"
    );
    // An event handler only ever appears escaped inside text.
    for (i, _) in lower.match_indices("onerror=") {
        let before = &lower[..i];
        let open = before.rfind('<').unwrap_or(0);
        let close = before.rfind('>').unwrap_or(0);
        assert!(close > open, "onerror= inside a tag at {i}");
    }
    // Titles and names are isolated from the text around them.
    assert!(html.contains("<bdi>Invoice fdp.exe and isolate مرحبا بالعالم</bdi>"));
}

#[test]
fn ics_has_no_injected_properties() {
    let files = hostile_exports();
    let ics = text(&files, "hostile.ics");
    assert_physical_lines(&ics);
    let unfolded = unfold(&ics);
    let allowed = [
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "X-WR-CALNAME",
        "X-WR-TIMEZONE",
        "X-WR-CALDESC",
        "REFRESH-INTERVAL",
        "X-PUBLISHED-TTL",
        "TZID",
        "DTSTART",
        "TZOFFSETFROM",
        "TZOFFSETTO",
        "TZNAME",
        "UID",
        "DTSTAMP",
        "LAST-MODIFIED",
        "SEQUENCE",
        "DTEND",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "CATEGORIES",
        "URL",
        "STATUS",
    ];
    let mut vevents = 0;
    for line in unfolded.split("\r\n").filter(|l| !l.is_empty()) {
        let name: String = line
            .chars()
            .take_while(|c| *c != ':' && *c != ';')
            .collect();
        assert!(
            allowed.contains(&name.as_str()),
            "unexpected property line {line:?}"
        );
        if line == "BEGIN:VEVENT" {
            vevents += 1;
        }
        if name == "URL" {
            let value = &line[4..];
            assert!(
                value.starts_with("https://") || value.starts_with("http://"),
                "{line}"
            );
        }
    }
    // Eight placed sessions, no smuggled VEVENT.
    assert_eq!(vevents, 8);
    assert!(!unfolded.contains("\r\nATTENDEE"));
    assert!(!unfolded
        .to_lowercase()
        .contains("javascript:alert(document"));
    // Every session file too.
    for (name, bytes) in &files {
        if name.starts_with("sessions/") {
            let body = String::from_utf8(bytes.clone()).expect("UTF-8");
            assert_physical_lines(&body);
            let vevents = unfold(&body)
                .split("\r\n")
                .filter(|l| *l == "BEGIN:VEVENT")
                .count();
            assert_eq!(vevents, 1, "{name}");
        }
    }
}

#[test]
fn csv_cells_are_never_formulas() {
    let files = hostile_exports();
    let csv_text = text(&files, "hostile.csv");
    let mut reader = csv::ReaderBuilder::new().from_reader(csv_text.as_bytes());
    let mut rows = 0;
    for record in reader.records() {
        let record = record.expect("RFC 4180 record");
        rows += 1;
        for cell in record.iter() {
            let first = cell.trim_start().chars().next();
            assert!(
                !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')),
                "formula-like cell {cell:?}"
            );
        }
    }
    assert_eq!(rows, 9, "one row per session");
    assert!(csv_text.contains("'=HYPERLINK("));
    assert!(csv_text.contains("\r\n"));
}

#[test]
fn markdown_has_no_links_tags_or_broken_tables() {
    let files = hostile_exports();
    let md = text(&files, "hostile.md");
    // Every `<` is escaped, except the line breaks this exporter writes in table cells.
    let stripped = md.replace("<br>", "");
    for (i, _) in stripped.match_indices('<') {
        assert!(
            stripped[..i].ends_with('\\'),
            "unescaped < at {i}: {}",
            &stripped[i..i + 20]
        );
    }
    for (i, _) in md.match_indices("](") {
        assert!(md[..i].ends_with('\\'), "a Markdown link at {i}");
    }
    // Table rows keep exactly four cells: every `|` inside a value is escaped.
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let mut cells = 0;
        let mut prev = ' ';
        for c in line.chars() {
            if c == '|' && prev != '\\' {
                cells += 1;
            }
            prev = c;
        }
        assert_eq!(cells, 5, "row with a broken cell count: {line}");
    }
}

#[test]
fn json_links_are_safe_and_emails_absent() {
    let files = hostile_exports();
    let json: serde_json::Value =
        serde_json::from_str(&text(&files, "hostile.json")).expect("JSON");
    assert_eq!(json["version"], 1);
    assert!(json["event"]["url"].is_null());
    for s in json["sessions"].as_array().expect("sessions") {
        if let Some(url) = s["url"].as_str() {
            assert!(
                url.starts_with("https://") || url.starts_with("http://"),
                "{url}"
            );
        }
    }
    assert!(!text(&files, "hostile.json").contains("mallory@example.com"));
}

#[test]
fn text_is_wrapped_at_72_columns() {
    let files = hostile_exports();
    let txt = text(&files, "hostile.txt");
    for line in txt.lines() {
        assert!(
            textwrap::core::display_width(line) <= 72,
            "{} columns: {line}",
            textwrap::core::display_width(line)
        );
    }
    assert!(txt.contains("東京国際フォーラム"));
}
