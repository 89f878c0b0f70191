//! `agora merge BASE OURS THEIRS` as git's merge driver: two organisers' branches of an event
//! merge item by item, without conflict markers in the TOML; exit codes as git expects.

#![allow(clippy::unwrap_used)]
use std::path::Path;
use std::process::Command;

const SEED: &str = include_str!("../../events/forum-interconnectes-2017.toml");

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=t@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    out
}

fn ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn two_branches_merge_through_the_git_driver_without_markers() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("note: git is not installed: skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ok(d, &["init", "-q", "-b", "main"]);
    ok(
        d,
        &[
            "config",
            "merge.agora.driver",
            &format!("'{}' merge %O %A %B", env!("CARGO_BIN_EXE_agora")),
        ],
    );
    std::fs::write(d.join(".gitattributes"), "*.toml merge=agora\n").unwrap();
    std::fs::write(d.join("forum.toml"), SEED).unwrap();
    ok(d, &["add", "."]);
    ok(d, &["commit", "-qm", "seed"]);
    // One organiser moves the cocktail; the other renames the opening and adds a comment, in
    // neighbouring lines git alone would call a conflict.
    ok(d, &["checkout", "-qb", "lea"]);
    let lea = SEED.replace(
        "start = 2017-12-05T18:00:00\nend = 2017-12-05T20:30:00",
        "start = 2017-12-05T18:30:00\nend = 2017-12-05T21:00:00",
    );
    std::fs::write(d.join("forum.toml"), &lea).unwrap();
    ok(d, &["commit", "-qam", "later cocktail"]);
    ok(d, &["checkout", "-q", "main"]);
    let sam = SEED
        .replace(
            "# Evening reception: written with `end` instead of `duration`.\n",
            "# Evening reception: written with `end` instead of `duration`.\n# Sam: the caterer confirmed.\n",
        )
        .replace("title = \"Cocktail du Forum\"", "title = \"Cocktail de clôture\"");
    std::fs::write(d.join("forum.toml"), &sam).unwrap();
    ok(d, &["commit", "-qam", "rename cocktail"]);
    ok(d, &["merge", "-q", "--no-edit", "lea"]);
    let merged = std::fs::read_to_string(d.join("forum.toml")).unwrap();
    let want = sam.replace(
        "start = 2017-12-05T18:00:00\nend = 2017-12-05T20:30:00",
        "start = 2017-12-05T18:30:00\nend = 2017-12-05T21:00:00",
    );
    let changes: Vec<String> = similar::TextDiff::from_lines(&want, &merged)
        .iter_all_changes()
        .filter(|c| c.tag() != similar::ChangeTag::Equal)
        .map(|c| format!("{}{}", c.tag(), c.value()))
        .collect();
    assert!(changes.is_empty(), "{changes:?}");
}

#[test]
fn exit_codes_are_what_git_expects() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let write = |name: &str, text: &str| std::fs::write(d.join(name), text).unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_agora"))
            .args(["merge", "base.toml", "ours.toml", "theirs.toml"])
            .current_dir(d)
            .output()
            .unwrap()
    };
    write("base.toml", SEED);
    write(
        "ours.toml",
        &SEED.replace("title = \"Cocktail du Forum\"", "title = \"Ours\""),
    );
    write(
        "theirs.toml",
        &SEED.replace("title = \"Cocktail du Forum\"", "title = \"Theirs\""),
    );
    let out = run();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("session `cocktail`: `title` changed on both sides"),
        "{stderr}"
    );
    let result = std::fs::read_to_string(d.join("ours.toml")).unwrap();
    assert!(result.contains("title = \"Ours\"") && result.contains("#   title = \"Theirs\""));
    // Still an event agora reads.
    agora::load::load_str(Path::new("ours.toml"), &result).unwrap();

    write("ours.toml", "[event\n");
    let out = run();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(d.join("ours.toml")).unwrap(),
        "[event\n"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("our version is not valid TOML"));
}
