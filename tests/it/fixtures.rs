//! Fixture folders run through the real binary: `tests/fixtures/valid` must load (exit 0 or 1
//! with the codes each file announces), `tests/fixtures/invalid` must exit 2 naming the file,
//! line and column of every problem marked `# <- error`, with no panic.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn agora() -> Command {
    let mut cmd = Command::cargo_bin("agora").unwrap();
    cmd.env_remove("NO_COLOR").arg("--color").arg("never");
    cmd
}

fn entries(dir: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

/// `(line number, text)` of every line of every file of a fixture (file or directory).
fn annotated_lines(path: &Path) -> Vec<(PathBuf, usize, String)> {
    let files = if path.is_dir() {
        entries(path.to_str().unwrap())
    } else {
        vec![path.to_path_buf()]
    };
    let mut out = Vec::new();
    for file in files.iter().filter(|f| f.is_file()) {
        let bytes = std::fs::read(file).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        for (i, line) in text.lines().enumerate() {
            out.push((file.clone(), i + 1, line.to_string()));
        }
    }
    out
}

/// Messages for fixtures that cannot carry comments.
fn built_in_expectation(name: &str) -> Option<&'static str> {
    match name {
        "empty.toml" => Some("is empty"),
        "binary.toml" => Some("looks like a binary file"),
        "not-utf8.toml" => Some("is not valid UTF-8"),
        "empty-dir" => Some("holds no .toml file"),
        _ => None,
    }
}

#[test]
fn invalid_fixtures_exit_2_with_file_line_and_column() {
    let fixtures = entries("tests/fixtures/invalid");
    assert!(fixtures.len() >= 25, "fixtures: {}", fixtures.len());
    for fixture in fixtures {
        let out = agora().arg("check").arg(&fixture).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        let name = fixture.file_name().unwrap().to_string_lossy().to_string();
        assert_eq!(out.status.code(), Some(2), "{name}: exit code\n{stderr}");
        assert!(out.stdout.is_empty(), "{name}: nothing on stdout");
        assert!(
            !stderr.contains("panicked") && !stderr.contains("internal error"),
            "{name}:\n{stderr}"
        );
        assert!(
            stderr.contains("error: the event could not be read"),
            "{name}:\n{stderr}"
        );
        let lines = annotated_lines(&fixture);
        let mut checked = 0;
        for (file, line, text) in &lines {
            if text.contains("# <- error") {
                let place = format!("{}:{}:", file.display(), line);
                assert!(
                    stderr.contains(&place),
                    "{name}: expected an error at {place}\n{stderr}"
                );
                checked += 1;
            }
            if let Some(expected) = text.strip_prefix("# expect: ") {
                assert!(
                    stderr.contains(expected),
                    "{name}: expected {expected:?}\n{stderr}"
                );
                checked += 1;
            }
        }
        if let Some(expected) = built_in_expectation(&name) {
            assert!(
                stderr.contains(expected),
                "{name}: expected {expected:?}\n{stderr}"
            );
            checked += 1;
        }
        assert!(checked > 0, "{name} states no expectation");
    }
}

#[test]
fn invalid_fixture_errors_are_all_reported() {
    let out = agora()
        .args(["check", "tests/fixtures/invalid/many-problems.toml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Five problems, then the closing line.
    let errors = stderr.lines().filter(|l| l.starts_with("error: ")).count();
    assert_eq!(errors, 6, "{stderr}");
}

#[test]
fn valid_fixtures_load_and_report_what_they_announce() {
    for fixture in entries("tests/fixtures/valid") {
        let text = String::from_utf8_lossy(&std::fs::read(&fixture).unwrap()).to_string();
        let name = fixture.display().to_string();
        let exit: i32 = text
            .lines()
            .find_map(|l| {
                l.trim_start_matches('\u{feff}')
                    .strip_prefix("# expect-exit: ")
            })
            .unwrap_or_else(|| panic!("{name}: no expect-exit"))
            .trim()
            .parse()
            .unwrap();
        let codes: Vec<String> = text
            .lines()
            .find_map(|l| l.strip_prefix("# expect-codes:"))
            .unwrap_or_else(|| panic!("{name}: no expect-codes"))
            .split(',')
            .map(|c| c.trim().to_string())
            .filter(|c| !c.is_empty())
            .collect();
        let out = agora()
            .args(["check", "--format", "json"])
            .arg(&fixture)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(exit),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let got: Vec<String> = json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(got, codes, "{name}");
    }
}

#[test]
fn deny_warnings_turns_warnings_into_exit_1() {
    let path = "tests/fixtures/valid/checks-overrides.toml";
    agora().args(["check", path]).assert().code(0);
    agora()
        .args(["check", path, "--deny", "warnings"])
        .assert()
        .code(1);
}

#[test]
fn command_line_errors_exit_2() {
    agora().args(["check"]).assert().code(2);
    agora()
        .args(["check", "x.toml", "--format", "yaml"])
        .assert()
        .code(2);
    let out = agora()
        .args(["check", "does/not/exist.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("does/not/exist.toml"));
}

#[test]
fn json_has_the_contract_shape() {
    let out = agora()
        .args([
            "check",
            "--format",
            "json",
            "events/examples/every-rule.toml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["event"], "every-rule");
    let mut top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(|k| k.as_str())
        .collect();
    top.sort();
    assert_eq!(top, ["diagnostics", "event", "summary"]);
    let summary = &json["summary"];
    assert_eq!(
        (
            summary["errors"].as_u64(),
            summary["warnings"].as_u64(),
            summary["infos"].as_u64()
        ),
        (Some(6), Some(9), Some(4))
    );
    for d in json["diagnostics"].as_array().unwrap() {
        let fields: Vec<&str> = d.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        let mut expected = vec![
            "code", "severity", "message", "sessions", "room", "person", "track", "start", "end",
            "file", "line", "column",
        ];
        expected.sort();
        let mut fields_sorted = fields.clone();
        fields_sorted.sort();
        assert_eq!(fields_sorted, expected);
        for nullable in ["room", "person", "track", "start", "end"] {
            assert!(
                d[nullable].is_null() || d[nullable].is_string(),
                "{nullable}: {d}"
            );
        }
        assert!(d["line"].as_u64().unwrap() >= 1 && d["column"].as_u64().unwrap() >= 1);
        if let Some(start) = d["start"].as_str() {
            assert!(
                chrono::DateTime::parse_from_rfc3339(start).is_ok(),
                "{start}"
            );
        }
    }
}

#[test]
fn text_output_is_compiler_style_and_plain_when_not_a_terminal() {
    let out = agora()
        .args(["check", "events/examples/every-rule.toml"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("error[room-overlap]: 'Data for all' (10:00–11:00) and 'Open budgets' (10:30–11:30) are both in Amphi on Tue 12 Mar"));
    assert!(stdout.contains("--> events/examples/every-rule.toml:"));
    assert!(
        !stdout.contains('\u{1b}'),
        "no colour codes when not a terminal"
    );
    assert!(
        stdout.ends_with("every-rule: 6 errors, 9 warnings, 4 infos (18 sessions)\n"),
        "{stdout}"
    );
    let coloured = Command::cargo_bin("agora")
        .unwrap()
        .args([
            "--color",
            "always",
            "check",
            "events/examples/every-rule.toml",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&coloured.stdout).contains('\u{1b}'));
}

/// One list of formats: the completions, `agora export --help`, docs/exports.md and the
/// editor's docs/tui.md all name every format of `export::Format`.
#[test]
fn every_format_is_completed_helped_and_documented() {
    let bash = agora().args(["completions", "bash"]).output().unwrap();
    let bash = String::from_utf8_lossy(&bash.stdout).to_string();
    let help = agora().args(["export", "--help"]).output().unwrap();
    let help = String::from_utf8_lossy(&help.stdout).to_string();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exports_md = std::fs::read_to_string(root.join("docs/exports.md")).unwrap();
    let tui_md = std::fs::read_to_string(root.join("docs/tui.md")).unwrap();
    for name in agora::export::Format::target_names() {
        assert!(bash.contains(name), "completions miss {name}");
        assert!(help.contains(name), "export --help misses {name}");
        assert!(
            exports_md.contains(&format!("| `{name}` |")),
            "docs/exports.md misses {name}"
        );
        assert!(
            tui_md.contains(&format!("`{name}`")),
            "docs/tui.md misses {name}"
        );
    }
}

#[test]
fn completions_and_man_page() {
    let out = agora().args(["completions", "bash"]).output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("agora"));
    let out = agora().arg("man").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH agora"));
    let help = agora().arg("--help").output().unwrap();
    assert!(String::from_utf8_lossy(&help.stdout).contains("Examples:"));
}
