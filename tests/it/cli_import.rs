//! `agora import` as a user runs it: what it writes, what it says, and how it refuses.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/interop")
        .join(name)
}

fn agora() -> Command {
    Command::cargo_bin("agora").expect("binary")
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn imports_a_file_and_says_what_it_did() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("fosdem.toml");
    let output = agora()
        .args(["import"])
        .arg(data("fosdem-2024-schedule.xml"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(said.contains("876 sessions"), "{said}");
    assert!(said.contains("35 rooms"), "{said}");
    assert!(said.contains("frab/pentabarf schedule.xml"), "{said}");
    assert!(said.contains("left out or changed"), "{said}");
    assert!(said.contains("check: 1 error(s)"), "{said}");
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("# FOSDEM 2024\n"));
    assert!(text.contains("Imported by agora from fosdem-2024-schedule.xml"));
    // The written file is an event agora checks like any other: one double booking.
    let check = agora().arg("check").arg(&out).output().expect("run");
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, vec!["fosdem.toml".to_string()]);
}

#[test]
fn never_overwrites_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("event.toml");
    std::fs::write(&out, "# my own work\n").expect("write");
    let output = agora()
        .arg("import")
        .arg(data("pretalx-rc3.json"))
        .arg("-o")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(&out).expect("kept"),
        "# my own work\n"
    );
    let output = agora()
        .arg("import")
        .arg(data("pretalx-rc3.json"))
        .arg("-o")
        .arg(&out)
        .arg("--force")
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(std::fs::read_to_string(&out)
        .expect("replaced")
        .contains("[[sessions]]"));
}

#[test]
fn imports_into_a_directory_one_file_per_day() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("36c3");
    let output = agora()
        .arg("import")
        .arg(data("36c3-schedule.json"))
        .arg("-o")
        .arg(format!("{}/", out.display()))
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    for file in [
        "event.toml",
        "speakers.toml",
        "sessions/2019-12-27.toml",
        "sessions/2019-12-30.toml",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let check = agora()
        .args(["check", "--format", "json"])
        .arg(&out)
        .output()
        .expect("run");
    let json: serde_json::Value = serde_json::from_slice(&check.stdout).expect("json");
    assert_eq!(json["event"], "36c3");
    // A second import into the same, now full, directory is refused.
    let again = agora()
        .arg("import")
        .arg(data("36c3-schedule.json"))
        .arg("-o")
        .arg(format!("{}/", out.display()))
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("not empty"), "{}", stderr(&again));
}

#[test]
fn writes_to_standard_output() {
    let output = agora()
        .arg("import")
        .arg(data("hub-schedule2.json"))
        .args(["-o", "-"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.contains("id = \"38c3\""), "{text}");
    assert!(text.contains("timezone = \"Europe/Berlin\""));
}

#[test]
fn bad_input_exits_2_with_file_line_and_column() {
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("broken.xml");
    std::fs::write(&bad, "<schedule>\n  <conference>\n</schedule>\n").expect("write");
    let output = agora()
        .arg("import")
        .arg(&bad)
        .arg("-o")
        .arg(dir.path().join("out.toml"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    let said = stderr(&output);
    assert!(said.contains("broken.xml:3:"), "{said}");
    assert!(!said.contains("panicked"), "{said}");
    assert!(!dir.path().join("out.toml").exists());

    let binary = dir.path().join("x.json");
    std::fs::write(&binary, [0xff, 0xfe, 0x00]).expect("write");
    let output = agora()
        .arg("import")
        .arg(&binary)
        .arg("-o")
        .arg(dir.path().join("out.toml"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not UTF-8"), "{}", stderr(&output));

    let output = agora()
        .arg("import")
        .arg(data("pretalx-rc3.json"))
        .arg("-o")
        .arg(dir.path().join("out.txt"))
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains(".toml"), "{}", stderr(&output));
}

#[test]
fn export_then_import_through_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    for (format, file) in [("frab-xml", "schedule.xml"), ("frab-json", "schedule.json")] {
        let out = dir.path().join(file);
        let output = agora()
            .args(["export", format])
            .arg(&seed)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        let back = dir.path().join(format!("{format}.toml"));
        let output = agora()
            .arg("import")
            .arg(&out)
            .arg("-o")
            .arg(&back)
            .output()
            .expect("run");
        assert!(output.status.success(), "{}", stderr(&output));
        assert!(
            stderr(&output).contains("28 sessions"),
            "{}",
            stderr(&output)
        );
        let check = agora().arg("check").arg(&back).output().expect("run");
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    }
    // `export all` writes both, beside the json export's own file.
    let all = dir.path().join("all");
    let output = agora()
        .args(["export", "all"])
        .arg(&seed)
        .arg("-o")
        .arg(&all)
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    for file in [
        "schedule.xml",
        "schedule.json",
        "forum-interconnectes-2017.json",
    ] {
        assert!(all.join(file).is_file(), "{file}");
    }
    // On standard output.
    let output = agora()
        .args(["export", "frab-xml"])
        .arg(&seed)
        .args(["-o", "-"])
        .output()
        .expect("run");
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("<?xml"));
}

#[test]
fn the_export_says_what_the_apps_will_not_see() {
    let dir = tempfile::tempdir().expect("tempdir");
    let event = dir.path().join("ev.toml");
    std::fs::write(
        &event,
        "[event]\nid = \"ev\"\nname = \"Ev\"\ntimezone = \"UTC\"\nstart = 2024-05-01\nend = 2024-05-01\n\n\
[[rooms]]\nid = \"r\"\nname = \"R\"\n\n\
[[sessions]]\nid = \"a\"\ntitle = \"A\"\nroom = \"r\"\nstart = 2024-05-01T10:00:00\nduration = 30\n\n\
[[sessions]]\nid = \"b\"\ntitle = \"B\"\nroom = \"r\"\nstart = 2024-05-01T11:00:00\nduration = 30\nstatus = \"cancelled\"\n\n\
[[sessions]]\nid = \"c\"\ntitle = \"C\"\n",
    )
    .expect("write");
    let output = agora()
        .args(["export", "frab-xml"])
        .arg(&event)
        .args(["-o", "-"])
        .output()
        .expect("run");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("leave out 1 cancelled and 1 unscheduled"),
        "{}",
        stderr(&output)
    );
    let xml = String::from_utf8_lossy(&output.stdout);
    assert!(xml.contains("<title>A</title>") && !xml.contains("<title>B</title>"));
}
