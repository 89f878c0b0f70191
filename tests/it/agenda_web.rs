//! The interactive HTML agenda (issue 12): per-room and per-track pages written and linked by
//! default, every relative link resolving to a written file, track colours readable in light
//! and dark mode, time slots with jump links, French typography, and a page that carries its
//! filters' choices and its sessions' data in escaped attributes only.

use crate::export_support;

use export_support::*;

const SEED: &str = "events/forum-interconnectes-2017.toml";

fn seed_html() -> std::collections::BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into("html", SEED, dir.path(), &[]);
    read_tree(dir.path())
}

fn page(files: &std::collections::BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("{name} written"))
            .clone(),
    )
    .expect("UTF-8")
}

/// Every `href="…"` of a page.
fn links(html: &str) -> Vec<String> {
    html.split(" href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("quote")].to_string())
        .collect()
}

/// `base/../x` → the path from the output folder.
fn resolve(base: &str, link: &str) -> String {
    let mut parts: Vec<&str> = base.split('/').collect();
    parts.pop();
    for piece in link.split('#').next().unwrap_or("").split('/') {
        match piece {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[test]
fn room_and_track_pages_are_written_and_every_link_resolves() {
    let files = seed_html();
    for name in [
        "rooms/amphi/index.html",
        "rooms/amphi/forum-interconnectes-2017.ics",
        "tracks/donnees/index.html",
    ] {
        assert!(files.contains_key(name), "{name} missing");
    }
    let index = page(&files, "index.html");
    assert!(
        index.contains("href=\"rooms/amphi/index.html\""),
        "room header links its page"
    );
    assert!(
        index.contains("href=\"tracks/donnees/index.html\""),
        "legend links the track page"
    );
    let amphi = page(&files, "rooms/amphi/index.html");
    assert!(
        amphi.contains("href=\"../../index.html\""),
        "back to the whole program"
    );
    // No session of another room on the room's page (event-wide breaks are everyone's).
    assert!(!amphi.contains("data-room=\"foyer\""));
    for (name, bytes) in &files {
        if !name.ends_with(".html") {
            continue;
        }
        let html = String::from_utf8(bytes.clone()).expect("UTF-8");
        for link in links(&html) {
            if link.starts_with('#') || link.contains("://") || link.starts_with("mailto:") {
                continue;
            }
            let target = resolve(name, &link);
            assert!(
                files.contains_key(&target),
                "{name} links {link}, which is not written ({target})"
            );
        }
    }
}

#[test]
fn a_split_export_keeps_its_own_layout() {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into("html", SEED, dir.path(), &["--split", "rooms"]);
    let files = read_tree(dir.path());
    assert!(files.contains_key("rooms/amphi/index.html"));
    assert!(!files.keys().any(|k| k.starts_with("tracks/")));
}

fn luminance(hex: &str) -> f64 {
    let v = |i: usize| {
        let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * v(1) + 0.7152 * v(3) + 0.0722 * v(5)
}

fn contrast(a: &str, b: &str) -> f64 {
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// The value of `--name: #rrggbb` in each style attribute that sets it.
fn colours(html: &str, name: &str) -> Vec<String> {
    html.split(&format!("{name}: #"))
        .skip(1)
        .map(|rest| format!("#{}", &rest[..6]))
        .collect()
}

#[test]
fn track_colours_contrast_three_to_one_on_light_and_dark_pages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let event = dir.path().join("dark.toml");
    // A navy and a pale yellow track: unreadable on the dark and the light page as written.
    std::fs::write(
        &event,
        r##"[event]
id = "dark"
name = "Dark tracks"
timezone = "Europe/Paris"
start = 2024-05-02
end = 2024-05-02

[[rooms]]
id = "a"
name = "A"

[[tracks]]
id = "navy"
name = "Navy"
color = "#1a1f24"

[[tracks]]
id = "pale"
name = "Pale"
color = "#fff8c0"

[[sessions]]
id = "one"
title = "One"
start = 2024-05-02T09:00:00
duration = 60
room = "a"
track = "navy"

[[sessions]]
id = "two"
title = "Two"
start = 2024-05-02T10:00:00
duration = 60
room = "a"
track = "pale"
"##,
    )
    .expect("write");
    let out = dir.path().join("out");
    export_into("html", event.to_str().expect("path"), &out, &[]);
    let html = std::fs::read_to_string(out.join("index.html")).expect("page");
    let light = colours(&html, "--track");
    let dark = colours(&html, "--track-dark");
    // Two sessions and two legend entries (and the stylesheet's default, for no track).
    assert!(light.len() >= 4 && dark.len() >= 4, "{light:?} {dark:?}");
    for c in &light {
        for bg in ["#ffffff", "#f6f7f9", "#eceef1"] {
            assert!(contrast(c, bg) >= 3.0, "{c} on {bg}: {}", contrast(c, bg));
        }
    }
    for c in &dark {
        for bg in ["#15191d", "#20262c", "#1b2025"] {
            assert!(contrast(c, bg) >= 3.0, "{c} on {bg}: {}", contrast(c, bg));
        }
    }
    // The stylesheet's backgrounds are the ones checked.
    for bg in [
        "--bg: #ffffff",
        "--card: #f6f7f9",
        "--bg: #15191d",
        "--card: #20262c",
    ] {
        assert!(html.contains(bg), "{bg}");
    }
}

#[test]
fn phones_get_time_slots_with_jump_links_and_french_spacing() {
    let files = seed_html();
    let index = page(&files, "index.html");
    // Each jump link goes to a time-slot heading of its day.
    let jumps: Vec<String> = links(&index)
        .into_iter()
        .filter(|l| l.starts_with("#day-2017-12-05-"))
        .collect();
    assert!(jumps.len() >= 5, "{jumps:?}");
    for j in &jumps {
        assert!(
            index.contains(&format!("<div class=\"slot\" id=\"{}\"", &j[1..])),
            "{j} has no slot heading"
        );
    }
    // "Ouverture du Forum : des territoires…": the colon never starts a line.
    assert!(index.contains("Ouverture du Forum\u{a0}: des territoires"));
    assert!(!index.contains("Forum : des"));
    // Cards carry their room and day for the filters; the filters list the rooms.
    assert!(index.contains("data-room=\"amphi\""));
    assert!(index.contains("<option value=\"amphi\">"));
}

#[test]
fn the_language_filter_offers_the_languages_sessions_are_given_in_by_name() {
    // Arabic and English, with interpretation: the filter names the languages as the cards do,
    // and a session without its own language counts as given in the event's (Arabic).
    let dir = tempfile::tempdir().expect("temp dir");
    export_into("html", "tests/data/arabic.toml", dir.path(), &[]);
    let files = read_tree(dir.path());
    let index = page(&files, "index.html");
    let select = &index[index.find("id=\"f-lang\"").expect("language filter")..];
    let select = &select[..select.find("</select>").expect("end of the select")];
    assert!(
        select.contains("<option value=\"ar\">العربية</option>"),
        "{select}"
    );
    assert!(
        select.contains("<option value=\"en\">الإنجليزية</option>"),
        "{select}"
    );
    // Every session card says its language, so the filter hides or keeps each one.
    let cards: Vec<&str> = index
        .split("<article class=\"session")
        .skip(1)
        .map(|rest| &rest[..rest.find('>').expect("tag end")])
        .collect();
    assert!(!cards.is_empty());
    for card in &cards {
        assert!(
            card.contains(" data-lang=\"ar\"") || card.contains(" data-lang=\"en\""),
            "{card}"
        );
    }
    // The break without a language of its own is in the event's language.
    let pause = &index[index.find("id=\"s-istiraha-1\"").expect("break card")..];
    assert!(pause[..pause.find('>').expect("tag end")].contains("data-lang=\"ar\""));
    // The live badges are the signage's words.
    assert!(index.contains("data-now=\"الآن\" data-next=\"التالي\""));
}
