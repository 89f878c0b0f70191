//! `agora export signage`: the files, their determinism, escaping of hostile text, the JSON
//! shape (docs/signage.md) agreeing with the terminal's board, and the options it refuses.

use std::collections::BTreeMap;
use std::path::Path;

use agora::load::load_path;
use agora::signage::Board;
use assert_cmd::Command;

use crate::export_support::read_tree;

fn agora() -> Command {
    Command::cargo_bin("agora").unwrap()
}

/// The seed event at 11:20 on its first day (the stamp decides which state a page shows).
const STAMP: &str = "1512469200";

fn export(event: &str, extra: &[&str]) -> BTreeMap<String, Vec<u8>> {
    let dir = tempfile::tempdir().unwrap();
    let out = agora()
        .env("SOURCE_DATE_EPOCH", STAMP)
        .args(["export", "signage", event, "-o"])
        .arg(dir.path())
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    read_tree(dir.path())
}

fn text(files: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(
        files
            .get(name)
            .unwrap_or_else(|| panic!("no {name}"))
            .clone(),
    )
    .unwrap()
}

/// The `<section>` a page shows without JavaScript.
fn shown(html: &str) -> &str {
    let sections: Vec<&str> = html.split("<section ").skip(1).collect();
    let visible: Vec<&&str> = sections
        .iter()
        .filter(|s| !s[..s.find('>').unwrap()].contains(" hidden"))
        .collect();
    assert_eq!(visible.len(), 1, "exactly one state is shown");
    visible[0]
}

#[test]
fn a_page_and_a_json_per_room_and_an_index_linking_them() {
    let files = export("events/forum-interconnectes-2017.toml", &[]);
    let program = load_path(Path::new("events/forum-interconnectes-2017.toml")).unwrap();
    let index = text(&files, "signage/index.html");
    for room in &program.rooms {
        let page = format!("signage/{}/index.html", room.id);
        assert!(files.contains_key(&page), "{page}");
        assert!(files.contains_key(&format!("signage/{}/now-next.json", room.id)));
        assert!(
            index.contains(&format!("href=\"{}/index.html\"", room.id)),
            "{index}"
        );
    }
    assert_eq!(files.len(), 1 + 2 * program.rooms.len());
    // The amphitheatre at 11:20: the session on now, with the time left at the stamp.
    let amphi = text(&files, "signage/amphi/index.html");
    let now = shown(&amphi);
    assert!(now.contains("Zones blanches et très haut débit"), "{now}");
    assert!(now.contains("encore 55 min"), "{now}");
    assert!(amphi.contains("<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>"));
    assert!(amphi.contains("<html lang=\"fr\" dir=\"ltr\">"));
    // Local files only: nothing fetched from anywhere.
    for bad in ["http://", "https://", "src=\"", "@import", "url("] {
        assert!(!amphi.contains(bad), "{bad}");
    }
}

#[test]
fn the_export_is_deterministic() {
    let a = export("events/forum-interconnectes-2017.toml", &[]);
    let b = export("events/forum-interconnectes-2017.toml", &[]);
    assert_eq!(a, b);
}

#[test]
fn the_json_timeline_agrees_with_the_board() {
    let files = export("tests/data/dst-weekend.toml", &[]);
    let program = load_path(Path::new("tests/data/dst-weekend.toml")).unwrap();
    let board = Board::new(&program, None);
    for (r, room) in board.rooms.iter().enumerate() {
        let json: serde_json::Value =
            serde_json::from_str(&text(&files, &format!("signage/{}/now-next.json", room.id)))
                .unwrap();
        assert_eq!(json["format"], "agora-now-next");
        assert_eq!(json["version"], 1);
        assert_eq!(json["event"]["timezone"], "Europe/Paris");
        assert_eq!(json["room"]["id"], room.id.as_str());
        let key_of = |v: &serde_json::Value| v.as_str().map(str::to_string);
        let (first, last) = board.span().unwrap();
        let mut t = first - 7200;
        while t < last + 7200 {
            let state = board.at(r, t, 3);
            let entry = json["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .find(|s| {
                    s["from_unix"].as_i64().is_none_or(|f| f <= t)
                        && s["to_unix"].as_i64().is_none_or(|e| t < e)
                })
                .expect("the timeline covers every instant");
            assert_eq!(
                key_of(&entry["now"]),
                state.now.map(|i| board.items[i].key.clone())
            );
            let next: Vec<String> = entry["next"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(key_of)
                .collect();
            let expected: Vec<String> = state
                .next
                .iter()
                .map(|&i| board.items[i].key.clone())
                .collect();
            assert_eq!(next, expected, "room {} at {t}", room.id);
            t += 300;
        }
        // Sessions give both instants and local times with their offsets across the change.
        for s in json["sessions"].as_array().unwrap() {
            let start = s["start_unix"].as_i64().unwrap();
            let local = chrono::DateTime::parse_from_rfc3339(s["start"].as_str().unwrap()).unwrap();
            assert_eq!(local.timestamp(), start);
        }
    }
}

#[test]
fn hostile_text_is_escaped_in_kiosk_pages() {
    let files = export("tests/data/hostile.toml", &[]);
    for (name, bytes) in &files {
        if !name.ends_with(".html") {
            let _: serde_json::Value = serde_json::from_slice(bytes).unwrap();
            continue;
        }
        let page = String::from_utf8(bytes.clone()).unwrap();
        assert!(
            page.matches("<script").count() <= 1,
            "{name}: only the page's own clock"
        );
        // The clock script is the built-in one, with nothing of the event in it; the rest of
        // the page is checked tag by tag.
        let html = match (page.find("<script>"), page.find("</script>")) {
            (Some(a), Some(b)) => {
                assert!(
                    !page[a..b].contains("alert"),
                    "{name}: event text in the script"
                );
                format!("{}{}", &page[..a], &page[b + "</script>".len()..])
            }
            _ => page.clone(),
        };
        for tag in html.split('<').skip(1) {
            let tag = &tag[..tag.find('>').expect("tag closes")];
            let tag_name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '/' || *c == '!')
                .collect();
            assert!(
                !tag.to_lowercase().contains(" on"),
                "event handler in <{tag}>"
            );
            assert!(
                [
                    "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "a", "header",
                    "h1", "h2", "p", "ul", "ol", "li", "section", "span", "main", "div", "time",
                    "bdi", "del", "footer", "noscript"
                ]
                .contains(&tag_name.trim_start_matches('/')),
                "{name}: unexpected tag <{tag}>"
            );
        }
        for c in html.chars() {
            assert!(
                !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
                "{name} keeps a bidi control"
            );
        }
    }
    let all: String = files
        .iter()
        .filter(|(n, _)| n.ends_with(".html"))
        .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
        .collect();
    assert!(
        all.contains("&lt;script&gt;alert(8)&lt;/script&gt;"),
        "shown as text"
    );
}

#[test]
fn a_room_selection_writes_only_its_pages() {
    let files = export(
        "events/forum-interconnectes-2017.toml",
        &["--room", "amphi"],
    );
    let rooms: Vec<&String> = files
        .keys()
        .filter(|k| k.ends_with("/index.html"))
        .collect();
    assert_eq!(rooms, ["signage/amphi/index.html", "signage/index.html"]);
}

#[test]
fn options_that_do_not_apply_are_refused() {
    for extra in [&["-o", "-"][..], &["--split", "rooms"], &["--utc"]] {
        let out = agora()
            .args(["export", "signage", "events/forum-interconnectes-2017.toml"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{extra:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("signage"));
    }
    // `export all` leaves the signage out: screens are not publications.
    let dir = tempfile::tempdir().unwrap();
    agora()
        .env("SOURCE_DATE_EPOCH", STAMP)
        .args([
            "export",
            "all",
            "events/forum-interconnectes-2017.toml",
            "-o",
        ])
        .arg(dir.path())
        .assert()
        .success();
    assert!(!dir.path().join("signage").exists());
}

/// With releases, a session moved since the last one reads "moved" in its old room, on the
/// kiosk page, in `now-next.json` and on the terminal display.
#[test]
fn moves_since_the_last_release_are_shown() {
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("forum.toml");
    let source = std::fs::read_to_string("events/forum-interconnectes-2017.toml").unwrap();
    std::fs::write(&event, &source).unwrap();
    agora()
        .env("SOURCE_DATE_EPOCH", "1512000000")
        .args(["release"])
        .arg(&event)
        .arg("v1")
        .assert()
        .success();
    // The rural broadband session leaves the amphitheatre for the workshop room.
    let block = source.find("id = \"ruralite-tres-haut-debit\"").unwrap();
    let room = block + source[block..].find("room = \"amphi\"").unwrap();
    let moved = format!(
        "{}room = \"atelier\"{}",
        &source[..room],
        &source[room + "room = \"amphi\"".len()..]
    );
    std::fs::write(&event, moved).unwrap();

    let out = dir.path().join("out");
    agora()
        .env("SOURCE_DATE_EPOCH", STAMP)
        .args(["export", "signage"])
        .arg(&event)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let files = read_tree(&out);
    let amphi = text(&files, "signage/amphi/index.html");
    let now = shown(&amphi);
    assert!(
        now.contains("Déplacé\u{a0}: Salle d&#39;atelier Confluence"),
        "{now}"
    );
    assert!(now.contains("<del>"), "struck out in its old room: {now}");
    let atelier = text(&files, "signage/atelier/index.html");
    assert!(shown(&atelier).contains("Déplacé depuis Amphithéâtre"));
    let json: serde_json::Value =
        serde_json::from_str(&text(&files, "signage/amphi/now-next.json")).unwrap();
    let session = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == "ruralite-tres-haut-debit")
        .unwrap();
    assert_eq!(session["mark"], "moved-to");
    assert_eq!(session["mark_room"]["id"], "atelier");

    // The terminal display, printed as text.
    let out = agora()
        .args(["signage", "--room", "amphi", "--at", "2017-12-05T11:20"])
        .arg(&event)
        .output()
        .unwrap();
    let screen = String::from_utf8_lossy(&out.stdout);
    assert!(
        screen.contains("Déplacé\u{a0}: Salle d'atelier Confluence"),
        "{screen}"
    );
}
