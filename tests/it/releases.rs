//! Releases end to end, through the binary: scripted edits of the seed event between
//! releases, the exact diff, the exact `SEQUENCE`/`STATUS`/`DTSTAMP` of every VEVENT, exports
//! of a release reproduced byte for byte, and a store that was damaged or edited by hand.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use crate::export_support::{parse_events, prop, read_tree, root};

const SEED: &str = "events/forum-interconnectes-2017.toml";
const T1: i64 = 1_512_000_000; // 2017-11-30T00:00:00Z
const T2: i64 = 1_512_100_000;
const T3: i64 = 1_512_200_000;
const T_EXPORT: i64 = 1_512_300_000;

fn agora(epoch: i64) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("agora").expect("binary");
    cmd.env("SOURCE_DATE_EPOCH", epoch.to_string())
        .env_remove("NO_COLOR");
    cmd
}

fn run(epoch: i64, args: &[&str]) -> Output {
    agora(epoch).args(args).output().expect("run agora")
}

fn ok(epoch: i64, args: &[&str]) -> String {
    let out = run(epoch, args);
    assert!(
        out.status.success(),
        "agora {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// A copy of the seed event in a temporary folder.
fn seed() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("forum.toml");
    std::fs::copy(root().join(SEED), &path).expect("copy the seed");
    (dir, path)
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert_eq!(text.matches(from).count(), 1, "`{from}` is not unique");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// The text of the `[[sessions]]` block of `id`, up to the next block.
fn remove_session(path: &Path, id: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    let start = text
        .find(&format!("[[sessions]]\nid = \"{id}\""))
        .expect("session");
    let end = text[start + 1..]
        .find("\n[[sessions]]")
        .map_or(text.len(), |i| start + 1 + i + 1);
    let mut out = text[..start].to_string();
    out.push_str(&text[end..]);
    std::fs::write(path, out).expect("write");
}

/// UID → (SEQUENCE, STATUS, DTSTAMP, LAST-MODIFIED) of every VEVENT.
fn feed(ics: &str) -> BTreeMap<String, (u32, String, String, String)> {
    parse_events(ics)
        .into_iter()
        .map(|e| {
            let get = |name: &str| prop(&e, name).map(|p| p.2.clone()).unwrap_or_default();
            let uid = get("UID");
            let uid = uid
                .trim_end_matches("@forum-interconnectes-2017")
                .to_string();
            (
                uid,
                (
                    get("SEQUENCE").parse().expect("SEQUENCE is a number"),
                    get("STATUS"),
                    get("DTSTAMP"),
                    get("LAST-MODIFIED"),
                ),
            )
        })
        .collect()
}

fn export_ics(path: &Path, epoch: i64, extra: &[&str]) -> String {
    let mut args = vec!["export", "ics", path.to_str().expect("path"), "-o", "-"];
    args.extend_from_slice(extra);
    ok(epoch, &args)
}

fn stamp(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .expect("time")
        .format("%Y%m%dT%H%M%SZ")
        .to_string()
}

/// The v2 edits: move, re-room, cancel, remove, rename a speaker.
fn edits_for_v2(path: &Path) {
    // Moved in time: 16:00 → 16:15.
    edit(
        path,
        "room = \"atelier\"\nstart = 2017-12-05T16:00:00",
        "room = \"atelier\"\nstart = 2017-12-05T16:15:00",
    );
    // Re-roomed into the room the cancelled session frees.
    edit(
        path,
        "room = \"atelier\"\nstart = 2017-12-05T14:00:00",
        "room = \"salle-rhone\"\nstart = 2017-12-05T14:00:00",
    );
    edit(
        path,
        "id = \"design-services-publics\"\n",
        "id = \"design-services-publics\"\nstatus = \"cancelled\"\n",
    );
    remove_session(path, "ouvrir-ses-donnees");
    edit(
        path,
        "name = \"Akim Oural\"",
        "name = \"Akim Oural-Benali\"",
    );
}

#[test]
fn release_diff_and_sequence_over_three_releases() {
    let (_dir, path) = seed();
    let p = path.to_str().expect("path");
    ok(T1, &["release", p, "v1", "--comment", "First programme"]);
    let v1 = feed(&export_ics(&path, T_EXPORT, &[]));
    assert_eq!(v1.len(), 28);
    assert!(v1.values().all(|(seq, _, dtstamp, modified)| *seq == 0
        && *dtstamp == stamp(T1)
        && *modified == stamp(T1)));

    edits_for_v2(&path);
    // No change yet released: `diff` exits 1 and shows the working copy's changes.
    let out = run(T2, &["diff", p, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let expected = serde_json::json!({
        "from": "v1",
        "to": "current",
        "changed": true,
        "counts": {"new": 0, "cancelled": 1, "removed": 1, "changed": 2},
        "sessions": [
            {"id": "design-services-publics", "change": "cancelled", "moved": false,
             "fields": [{"field": "status", "old": "confirmed", "new": "cancelled"}]},
            {"id": "atelier-aidants-numeriques", "change": "changed", "moved": true,
             "fields": [{"field": "room", "old": "atelier", "new": "salle-rhone",
                         "old_label": "Salle d'atelier Confluence", "new_label": "Salle Rhône"}]},
            {"id": "atelier-tiers-lieux", "change": "changed", "moved": true,
             "fields": [{"field": "time", "old": "16:00", "new": "16:15"}]},
            {"id": "ouvrir-ses-donnees", "change": "removed", "moved": false, "fields": []},
        ],
        "rooms": [],
        "speakers": [{"id": "akim-oural", "change": "renamed",
                      "old": "Akim Oural", "new": "Akim Oural-Benali"}],
        "tracks": [],
    });
    let mut got = json.clone();
    for s in got["sessions"].as_array_mut().expect("sessions") {
        let s = s.as_object_mut().expect("object");
        s.remove("title");
        s.remove("start");
    }
    assert_eq!(
        got,
        expected,
        "{}",
        serde_json::to_string_pretty(&json).unwrap()
    );

    ok(
        T2,
        &[
            "release",
            p,
            "v2",
            "-m",
            "Changes after the speakers' answers",
        ],
    );
    let after_v2 = export_ics(&path, T_EXPORT, &[]);
    let v2 = feed(&after_v2);
    let changed = [
        "design-services-publics",
        "atelier-aidants-numeriques",
        "atelier-tiers-lieux",
        // Its speaker was renamed: the DESCRIPTION shows the new name.
        "digitalisation-bouscule-territoires",
    ];
    // The 27 remaining sessions and the removed one, kept as cancelled.
    assert_eq!(v2.len(), 28);
    for (uid, (seq, status, dtstamp, modified)) in &v2 {
        let expect_changed = changed.contains(&uid.as_str()) || uid == "ouvrir-ses-donnees";
        assert_eq!(*seq, u32::from(expect_changed), "SEQUENCE of {uid}");
        let t = if expect_changed { T2 } else { T1 };
        assert_eq!(
            (dtstamp, modified),
            (&stamp(t), &stamp(t)),
            "stamps of {uid}"
        );
        let cancelled = uid == "ouvrir-ses-donnees" || uid == "design-services-publics";
        assert_eq!(status == "CANCELLED", cancelled, "STATUS of {uid}");
    }

    // v3: a retitled session, a new one; nothing else moves.
    edit(&path, "title = \"Clôture", "title = \"Clôture du forum");
    let mut text = std::fs::read_to_string(&path).expect("read");
    text.push_str(
        "\n[[sessions]]\nid = \"bonus\"\ntitle = \"Bonus\"\nroom = \"atelier\"\nstart = 2017-12-06T09:00:00\nduration = 30\n",
    );
    std::fs::write(&path, text).expect("write");
    ok(T3, &["release", p, "v3"]);
    let text =
        String::from_utf8(run(T3, &["diff", p, "--from", "V2", "--to", "v3"]).stdout).unwrap();
    assert_eq!(
        text,
        "changes from v2 to v3:\n  \
         changed   cloture \"Clôture du forum : feuille de route pour des territoires numériques inclusifs\" (2017-12-06 16:00): \
         title \"Clôture : feuille de route pour des territoires numériques inclusifs\" → \
         \"Clôture du forum : feuille de route pour des territoires numériques inclusifs\"\n  \
         new       bonus \"Bonus\" (2017-12-06 09:00)\n\
         1 new, 0 cancelled, 0 removed, 1 changed\n"
    );
    let out = run(
        T3,
        &["diff", p, "--from", "v2", "--to", "v3", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let ids: Vec<(&str, &str)> = json["sessions"]
        .as_array()
        .expect("sessions")
        .iter()
        .map(|s| (s["id"].as_str().unwrap(), s["change"].as_str().unwrap()))
        .collect();
    assert_eq!(ids, [("cloture", "changed"), ("bonus", "new")]);
    let v3 = feed(&export_ics(&path, T_EXPORT, &[]));
    assert_eq!(v3["cloture"].0, 1);
    assert_eq!(v3["cloture"].2, stamp(T3));
    assert_eq!(v3["bonus"].0, 0);
    assert_eq!(v3["bonus"].2, stamp(T3));
    // The removed session stays cancelled, dated by the release that removed it.
    assert_eq!(
        v3["ouvrir-ses-donnees"],
        (1, "CANCELLED".into(), stamp(T2), stamp(T2))
    );
    assert_eq!(v3["atelier-tiers-lieux"].0, 1);
    // A release with no change: `diff` exits 0.
    assert_eq!(run(T3, &["diff", p]).status.code(), Some(0));

    // Working copy: moved again, so its SEQUENCE rises once more, dated by the export.
    edit(
        &path,
        "start = 2017-12-05T16:15:00",
        "start = 2017-12-05T16:30:00",
    );
    let wip = feed(&export_ics(&path, T_EXPORT, &[]));
    assert_eq!(wip["atelier-tiers-lieux"].0, 2);
    assert_eq!(wip["atelier-tiers-lieux"].2, stamp(T_EXPORT));
    assert_eq!(wip["cloture"], v3["cloture"]);

    // --release reproduces what was exported when the release was made, byte for byte.
    assert_eq!(
        export_ics(&path, T_EXPORT + 5, &["--release", "v2"]),
        after_v2
    );
    let r1 = feed(&export_ics(&path, 7, &["--release", "v1"]));
    assert_eq!(r1, v1);
}

#[test]
fn release_exports_are_reproduced_in_every_format() {
    let (dir, path) = seed();
    let p = path.to_str().expect("path");
    ok(T1, &["release", p, "v1"]);
    edits_for_v2(&path);
    ok(T2, &["release", p, "v2", "-m", "Second"]);
    let at_release = dir.path().join("at-release");
    let later = dir.path().join("later");
    ok(
        T_EXPORT,
        &["export", "all", p, "-o", at_release.to_str().unwrap()],
    );
    edit(&path, "title = \"Clôture", "title = \"Fin");
    ok(
        T_EXPORT + 99,
        &[
            "export",
            "all",
            p,
            "--release",
            "v2",
            "-o",
            later.to_str().unwrap(),
        ],
    );
    let (a, b) = (read_tree(&at_release), read_tree(&later));
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (name, bytes) in &a {
        assert!(bytes == &b[name], "{name} differs");
    }
    // The frab version is the release name; the agenda links the changes page and marks.
    let xml = String::from_utf8(a["schedule.xml"].clone()).unwrap();
    assert!(xml.contains("<version>v2</version>"), "{xml}");
    let html = String::from_utf8(a["index.html"].clone()).unwrap();
    assert!(html.contains("href=\"changes.html\""));
    assert!(html.contains("class=\"change change-moved\""));
    assert!(html.contains("class=\"change change-cancelled\""));
    for file in ["changes.html", "changes.json", "changes.atom", "CHANGES.md"] {
        assert!(a.contains_key(file), "{file} missing");
    }
    let md = String::from_utf8(a["CHANGES.md"].clone()).unwrap();
    assert!(
        md.starts_with(
            "# Modifications du programme de Forum des Interconnectés\n\n## v2 — vendredi 1er décembre 2017 à 03:46 UTC\n\nSecond\n\n"
        ),
        "{md}"
    );
    // The changelog speaks the event's language (French here), dates from CLDR.
    assert!(md.contains("Première version\u{a0}: 28 sessions."), "{md}");
    assert!(md.contains(
        "- supprimée ouvrir-ses-donnees «\u{a0}Ouvrir ses données publiques : par où commencer ?\u{a0}» (mardi 5 décembre à 10:45)"
    ), "{md}");
    assert!(md.contains("- intervenant renommé akim-oural «\u{a0}Akim Oural\u{a0}» → «\u{a0}Akim Oural-Benali\u{a0}»"));
    // In another language (`--lang`), the same changes in its words, dates from CLDR.
    for (tag, md_start, page_words, rtl) in [
        (
            "de",
            "# Änderungen am Programm von Forum des Interconnectés\n\n## v2 — Freitag, 1. Dezember 2017, 03:46 UTC",
            ["Zurück zum Programm", "abgesagt", "Vortragende(r) umbenannt"],
            "",
        ),
        (
            "ja",
            "# Forum des Interconnectés のプログラム変更履歴\n\n## v2 — 2017年12月1日(金) 3:46（UTC）",
            ["プログラムに戻る", "中止", "登壇者の名前を変更"],
            "",
        ),
        (
            "ar",
            "# التغييرات في برنامج Forum des Interconnectés",
            ["العودة إلى البرنامج", "أُلغيت", "تغيّر اسم المتحدث"],
            " dir=\"rtl\"",
        ),
    ] {
        let out = dir.path().join(format!("in-{tag}"));
        let o = out.to_str().unwrap();
        ok(T_EXPORT, &["export", "md", p, "--release", "v2", "--lang", tag, "-o", o]);
        ok(T_EXPORT, &["export", "html", p, "--release", "v2", "--lang", tag, "-o", o]);
        let md = std::fs::read_to_string(out.join("CHANGES.md")).unwrap();
        assert!(md.starts_with(md_start), "{tag}: {md}");
        let page = std::fs::read_to_string(out.join("changes.html")).unwrap();
        assert!(
            page.contains(&format!("<html lang=\"{tag}\"{rtl}>")),
            "{tag}: {page}"
        );
        for w in page_words {
            assert!(page.contains(w), "{tag}: {w:?} in {page}");
        }
        let atom = std::fs::read_to_string(out.join("changes.atom")).unwrap();
        assert!(atom.contains(&format!("xml:lang=\"{tag}\"")), "{atom}");
    }
    // After a change, the working copy's version names the last release.
    let wip = ok(T_EXPORT, &["export", "frab-xml", p, "-o", "-"]);
    assert!(wip.contains("<version>v2+"), "{wip}");
}

#[test]
fn names_are_unique_regardless_of_case_and_reserved_names_are_refused() {
    let (_dir, path) = seed();
    let p = path.to_str().expect("path");
    ok(T1, &["release", p, "Spring"]);
    for name in [
        "spring", "SPRING", "current", "Latest", "wip", "", "../x", "a/b",
    ] {
        let out = run(T2, &["release", p, name]);
        assert_eq!(out.status.code(), Some(2), "{name:?} accepted");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
    let list = ok(T2, &["releases", p]);
    assert!(
        list.starts_with("Spring  2017-11-30 00:00 UTC  first release, 28 session(s)\n"),
        "{list}"
    );
    assert!(
        list.ends_with("working copy: same as the last release\n"),
        "{list}"
    );
    let out = run(T2, &["diff", p, "--from", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the releases are: Spring"));
}

#[test]
fn error_level_conflicts_refuse_a_release_unless_forced() {
    let (_dir, path) = seed();
    let p = path.to_str().expect("path");
    // Two sessions in one room at once.
    edit(
        &path,
        "room = \"atelier\"\nstart = 2017-12-05T16:00:00",
        "room = \"amphi\"\nstart = 2017-12-05T16:00:00",
    );
    let out = run(T1, &["release", p, "v1"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("error[room-overlap]"), "{err}");
    assert!(err.contains("not releasing"), "{err}");
    assert!(!path.with_extension("releases").exists());
    ok(T1, &["release", p, "v1", "--force"]);
    assert!(path
        .with_extension("releases")
        .join("releases.toml")
        .exists());
}

#[test]
fn a_store_edited_by_hand_or_damaged_is_refused_with_its_line() {
    let (_dir, path) = seed();
    let p = path.to_str().expect("path");
    ok(T1, &["release", p, "v1"]);
    let store = path.with_extension("releases");
    let file = store.join("0001-v1.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replacen("title = \"Pause café\"", "title = \"Pause\"", 1),
    )
    .unwrap();
    for args in [
        vec!["releases", p],
        vec!["diff", p],
        vec!["export", "ics", p, "-o", "-"],
    ] {
        let out = run(T2, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("releases.toml:9:12"), "{args:?}: {err}");
        assert!(
            err.contains("`0001-v1.toml` no longer has the checksum recorded here"),
            "{err}"
        );
    }
    // Nothing was rewritten.
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("title = \"Pause\""));
    std::fs::write(&file, &text).unwrap();
    ok(T2, &["releases", p]);

    // A damaged index: a syntax error, then a missing key.
    let index = store.join("releases.toml");
    let good = std::fs::read_to_string(&index).unwrap();
    std::fs::write(&index, good.replace("name = \"v1\"", "name = \"v1")).unwrap();
    let out = run(T2, &["releases", p]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("releases.toml:6:"), "{err}");
    std::fs::write(&index, good.replace("file = \"0001-v1.toml\"\n", "")).unwrap();
    let out = run(T2, &["releases", p]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("needs `name`, `time`, `file` and `checksum`"));
    // Re-formatted by hand (still the same program): refused at the line that differs.
    std::fs::write(&index, &good).unwrap();
    std::fs::write(
        &file,
        text.replacen("title = \"Pause café\"", "title   = \"Pause café\"", 1),
    )
    .unwrap();
    let line = text
        .lines()
        .position(|l| l == "title = \"Pause café\"")
        .unwrap()
        + 1;
    let out = run(T2, &["releases", p]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("0001-v1.toml:{line}:1")), "{err}");
    std::fs::write(&file, &text).unwrap();
    // A release file that is gone.
    std::fs::write(&index, &good).unwrap();
    std::fs::remove_file(&file).unwrap();
    let out = run(T2, &["release", p, "v2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("0001-v1.toml"));
    assert_eq!(std::fs::read_to_string(&index).unwrap(), good);
}

#[test]
fn a_directory_event_keeps_its_store_inside_and_never_reads_it_as_the_event() {
    let dir = tempfile::tempdir().unwrap();
    let event = dir.path().join("split");
    let src = root().join("events/examples/split");
    copy_dir(&src, &event);
    let p = event.to_str().unwrap();
    let before = run(T1, &["check", p, "--format", "json"]);
    ok(T1, &["release", p, "v1", "--force"]);
    assert!(event.join(".releases/releases.toml").exists());
    let after = run(T1, &["check", p, "--format", "json"]);
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.status.code(), after.status.code());
    assert_eq!(run(T1, &["diff", p]).status.code(), Some(0));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Two successive official versions of a real schedule (tests/data/31c3/SOURCE.md): the diff
/// through the importer reports exactly what a direct comparison of the two XML files finds.
#[test]
fn two_versions_of_a_real_schedule_diff_as_the_source_changed() {
    use std::collections::{BTreeMap, BTreeSet};
    let old = root().join("tests/data/31c3/schedule-1.4.xml");
    let new = root().join("tests/data/31c3/schedule-1.5.xml");
    // The independent comparison: frab events by id, their persons and their links.
    type Event = (String, String, String, BTreeSet<String>, BTreeSet<String>);
    let events = |path: &Path| -> BTreeMap<String, Event> {
        let text = std::fs::read_to_string(path).unwrap();
        let doc = roxmltree::Document::parse(&text).unwrap();
        doc.descendants()
            .filter(|n| n.has_tag_name("event"))
            .map(|e| {
                let child = |name: &str| {
                    e.children()
                        .find(|c| c.has_tag_name(name))
                        .and_then(|c| c.text())
                        .unwrap_or("")
                        .trim()
                        .to_string()
                };
                let set = |tag: &str, f: &dyn Fn(roxmltree::Node) -> String| {
                    e.descendants()
                        .filter(|c| c.has_tag_name(tag))
                        .map(f)
                        .collect()
                };
                (
                    e.attribute("id").unwrap().to_string(),
                    (
                        child("date"),
                        child("room"),
                        child("title"),
                        set("person", &|p| p.text().unwrap_or("").to_string()),
                        set("link", &|l| l.attribute("href").unwrap_or("").to_string()),
                    ),
                )
            })
            .collect()
    };
    let (a, b) = (events(&old), events(&new));
    let mut expected: BTreeMap<String, String> = BTreeMap::new();
    for (id, ea) in &a {
        match b.get(id) {
            None => {
                expected.insert(id.clone(), "removed".into());
            }
            Some(eb) if eb.3 != ea.3 => {
                expected.insert(id.clone(), "speakers".into());
            }
            // Links are kept in the description by the importer (docs/interop.md).
            Some(eb) if eb.4 != ea.4 => {
                expected.insert(id.clone(), "description".into());
            }
            Some(eb) => assert_eq!(
                ea, eb,
                "event {id} changed in a way this test does not expect"
            ),
        }
    }
    for id in b.keys().filter(|id| !a.contains_key(*id)) {
        expected.insert(id.clone(), "new".into());
    }
    assert_eq!(expected.len(), 9, "{expected:?}");

    let out = run(
        T1,
        &[
            "diff",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let got: BTreeMap<String, String> = json["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let id = s["id"].as_str().unwrap();
            let frab = id.split('-').next().unwrap().to_string();
            let what = match s["change"].as_str().unwrap() {
                "changed" => {
                    let fields: Vec<&str> = s["fields"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|f| f["field"].as_str().unwrap())
                        .collect();
                    assert_eq!(fields.len(), 1, "{id}: {fields:?}");
                    fields[0].to_string()
                }
                other => other.to_string(),
            };
            (frab, what)
        })
        .collect();
    assert_eq!(got, expected);
    // The speakers: one added with the new co-speaker, one gone with the removed talk.
    let speakers: Vec<(&str, &str)> = json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["change"].as_str().unwrap(), s["id"].as_str().unwrap()))
        .collect();
    assert_eq!(
        speakers,
        [("added", "maritta-strasser"), ("removed", "tim-pritlove")]
    );
    // Nothing changed between a file and itself: exit 0.
    assert_eq!(
        run(T1, &["diff", new.to_str().unwrap(), new.to_str().unwrap()])
            .status
            .code(),
        Some(0)
    );
}

/// A session moved from the second 02:30 of a fall-back night to the first one starts an hour
/// earlier: the diff reports it (with the UTC offsets telling the two 02:30s apart), it does not
/// say "no changes".
#[test]
fn a_move_within_the_repeated_hour_of_a_dst_change_is_a_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("night.toml");
    std::fs::copy(root().join("events/examples/dst-autumn.toml"), &path).expect("copy");
    let p = path.to_str().unwrap();
    let out = run(T1, &["release", p, "v1", "--force"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    edit(
        &path,
        "start = 2024-10-27T02:30:00+01:00",
        "start = 2024-10-27T02:30:00+02:00",
    );
    let out = run(T2, &["diff", p, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["counts"]["changed"], 1, "{json}");
    let session = &json["sessions"][0];
    assert_eq!(session["id"], "second-pass", "{json}");
    assert_eq!(session["moved"], true, "{json}");
    assert_eq!(
        session["fields"],
        serde_json::json!([{"field": "time", "old": "02:30+01:00", "new": "02:30+02:00"}]),
        "{json}"
    );
    let text = String::from_utf8(run(T2, &["diff", p]).stdout).expect("UTF-8");
    assert!(text.contains("time 02:30+01:00 → 02:30+02:00"), "{text}");
}

/// `agora releases` of a path that is no event (a typo) is an error, not "no release yet".
#[test]
fn releases_of_a_missing_event_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("typo.toml");
    for format in ["text", "json"] {
        let out = run(
            T1,
            &["releases", path.to_str().unwrap(), "--format", format],
        );
        assert_eq!(out.status.code(), Some(2), "{format}: {out:?}");
        assert!(out.stdout.is_empty(), "{format}: {out:?}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains("typo.toml"), "{format}: {said}");
    }
}
