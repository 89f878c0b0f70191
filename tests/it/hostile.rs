//! The standing attack suite: hostile and extreme input, as a hostile contributor or a careless
//! script would give it. Every case runs the real binary under a memory and a time limit
//! (`ulimit -v`, `timeout`), and asserts an exit code of 0, 1 or 2, a clear message, and that
//! nothing was written that should not be. Large hostile files are generated here, not committed.
//!
//! CI runs this module on its own too (`.ci/run`, "attack suite"), so a case that starts to
//! hang or blow up is named there.

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::{event, session};

/// Per case: 4 GiB of address space and a minute, the limits the issue set.
const MEMORY_KIB: u64 = 4 * 1024 * 1024;
const SECONDS: u64 = 60;

fn agora_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("agora")
}

/// Run `agora ARGS` in `dir` under the limits, with no input and no terminal.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_KIB} && exec timeout --kill-after=5 {SECONDS} \"$0\" \"$@\""
        ))
        .arg(agora_bin())
        .args(args)
        .current_dir(dir)
        .stdin(std::process::Stdio::null())
        .env("SOURCE_DATE_EPOCH", "1700000000")
        // The export stamps of these folders go with them, not into the user's cache.
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .env_remove("NO_COLOR")
        .output()
        .expect("run agora");
    let code = output.status.code();
    assert!(
        matches!(code, Some(0..=2)),
        "agora {args:?} exited {code:?} (124: timed out, none: killed)\nstderr: {}",
        tail(&output.stderr)
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "agora {args:?} panicked: {}",
        tail(&output.stderr)
    );
    output
}

fn tail(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let start = text.len().saturating_sub(2000);
    let start = (start..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    text[start..].to_string()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn code(output: &Output) -> i32 {
    output.status.code().unwrap_or(-1)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn small_event() -> String {
    event(&session("a", "r1", "2024-05-14T10:00:00", 60, ""))
}

// ---- Reading: nothing but regular files, bounded, links only inside the event's folder ----

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    mkfifo(&dir.path().join("event.toml"));
    let out = run_in(dir.path(), &["check", "event.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));

    // Inside an event folder.
    let folder = dir.path().join("ev");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("event.toml"), small_event()).unwrap();
    mkfifo(&folder.join("more.toml"));
    let out = run_in(dir.path(), &["check", "ev"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));

    // As the schedule to import, and as a template.
    mkfifo(&dir.path().join("schedule.xml"));
    let out = run_in(dir.path(), &["import", "schedule.xml", "-o", "new.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
    assert!(!dir.path().join("new.toml").exists());
    std::fs::write(dir.path().join("ok.toml"), small_event()).unwrap();
    mkfifo(&dir.path().join("t.html"));
    let out = run_in(
        dir.path(),
        &[
            "export",
            "html",
            "ok.toml",
            "--template",
            "t.html",
            "-o",
            "site",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn devices_are_refused_even_through_a_link() {
    let dir = tempfile::tempdir().unwrap();
    for (name, device) in [("zero.toml", "/dev/zero"), ("random.toml", "/dev/urandom")] {
        std::os::unix::fs::symlink(device, dir.path().join(name)).unwrap();
        let out = run_in(dir.path(), &["check", name]);
        assert_eq!(code(&out), 2);
        assert!(stderr(&out).contains(device), "{}", stderr(&out));
    }
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("schedule.json")).unwrap();
    let out = run_in(dir.path(), &["import", "schedule.json", "-o", "x.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("device"), "{}", stderr(&out));
    std::fs::write(dir.path().join("ok.toml"), small_event()).unwrap();
    std::os::unix::fs::symlink("/dev/zero", dir.path().join("t.md")).unwrap();
    let out = run_in(
        dir.path(),
        &["export", "md", "ok.toml", "--template", "t.md", "-o", "-"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("device"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_file_larger_than_the_cap_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    // A sparse file: larger than the cap, costs nothing on disk.
    let big = std::fs::File::create(dir.path().join("big.toml")).unwrap();
    big.set_len(agora::load::MAX_FILE_BYTES + 1).unwrap();
    let out = run_in(dir.path(), &["check", "big.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
    std::fs::rename(dir.path().join("big.toml"), dir.path().join("big.xml")).unwrap();
    let out = run_in(dir.path(), &["import", "big.xml", "-o", "x.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("too large"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn link_loops_are_found_by_identity_and_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let ev = dir.path().join("ev");
    std::fs::create_dir(&ev).unwrap();
    std::fs::write(ev.join("event.toml"), small_event()).unwrap();
    for name in ["x", "y", "z", "w"] {
        std::os::unix::fs::symlink(".", ev.join(name)).unwrap();
    }
    let out = run_in(dir.path(), &["check", "ev"]);
    assert_eq!(code(&out), 2);
    let said = stderr(&out);
    // One message per link, not one per path through them.
    assert_eq!(said.matches("already read").count(), 4, "{said}");
    assert!(said.len() < 10_000, "{said}");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_event_folder_is_refused_and_not_quoted() {
    let dir = tempfile::tempdir().unwrap();
    let secret = dir.path().join("secret.txt");
    std::fs::write(&secret, "root:x:0:0:TOP-SECRET-LINE\n").unwrap();
    let ev = dir.path().join("ev");
    std::fs::create_dir(&ev).unwrap();
    std::fs::write(ev.join("event.toml"), small_event()).unwrap();
    std::os::unix::fs::symlink(&secret, ev.join("passwd.toml")).unwrap();
    let out = run_in(dir.path(), &["check", "ev"]);
    assert_eq!(code(&out), 2);
    let said = stderr(&out);
    assert!(said.contains("outside the event's folder"), "{said}");
    assert!(!said.contains("TOP-SECRET"), "{said}");
    // The same link given as the event itself.
    let out = run_in(dir.path(), &["check", "ev/passwd.toml"]);
    assert_eq!(code(&out), 2);
    assert!(!stderr(&out).contains("TOP-SECRET"), "{}", stderr(&out));
    // A link given as the event is followed to an event file elsewhere (the user named it).
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("real.toml"), small_event()).unwrap();
    std::os::unix::fs::symlink(elsewhere.join("real.toml"), dir.path().join("linked.toml"))
        .unwrap();
    let out = run_in(dir.path(), &["check", "linked.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // A link inside the folder is followed.
    std::fs::remove_file(ev.join("passwd.toml")).unwrap();
    std::fs::create_dir(ev.join("real")).unwrap();
    std::fs::write(
        ev.join("real/more.toml"),
        session("b", "r2", "2024-05-14T10:00:00", 60, ""),
    )
    .unwrap();
    std::os::unix::fs::symlink("real/more.toml", ev.join("more.toml")).unwrap();
    let out = run_in(dir.path(), &["check", "ev"]);
    // The same file under two names is refused, not read twice.
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("second name"), "{}", stderr(&out));
    std::fs::remove_file(ev.join("more.toml")).unwrap();
    let out = run_in(dir.path(), &["check", "ev"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

#[test]
fn errors_are_capped_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = small_event();
    for i in 0..50_000 {
        text.push_str(&format!(
            "[[sessions]]\nid = \"s{i}\"\ntitle = \"T\"\nroom = \"r1\"\nstart = \"not a time\"\nduration = 30\n\n"
        ));
    }
    std::fs::write(dir.path().join("bad.toml"), text).unwrap();
    let out = run_in(dir.path(), &["check", "bad.toml"]);
    assert_eq!(code(&out), 2);
    let said = stderr(&out);
    assert!(
        said.contains("… and 49900 more problems"),
        "{}",
        tail(&out.stderr)
    );
    assert!(said.len() < 200_000, "{} bytes", said.len());
}

// ---- generate ----

#[test]
fn generate_never_overwrites_unasked() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("event.toml");
    std::fs::write(&target, "# my own work\n").unwrap();
    let out = run_in(
        dir.path(),
        &["generate", "--sessions", "10", "-o", "event.toml"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("already exists"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "# my own work\n");
    let out = run_in(
        dir.path(),
        &[
            "generate",
            "--sessions",
            "10",
            "-o",
            "event.toml",
            "--force",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("[[sessions]]"));
    assert_eq!(names(dir.path()), ["event.toml"]);
}

#[cfg(unix)]
#[test]
fn generate_does_not_follow_a_symlink_out() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "keep").unwrap();
    std::os::unix::fs::symlink(&outside, dir.path().join("event.toml")).unwrap();
    let out = run_in(
        dir.path(),
        &["generate", "--sessions", "10", "-o", "event.toml"],
    );
    assert_eq!(code(&out), 2);
    // A dangling link is an existing target too.
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("dangling.toml")).unwrap();
    let out = run_in(dir.path(), &["generate", "-o", "dangling.toml"]);
    assert_eq!(code(&out), 2);
    assert!(!dir.path().join("nowhere.txt").exists());
    let out = run_in(
        dir.path(),
        &[
            "generate",
            "--sessions",
            "10",
            "-o",
            "event.toml",
            "--force",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep");
    let written = dir.path().join("event.toml");
    assert!(!std::fs::symlink_metadata(&written)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn generate_writes_only_what_agora_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = run_in(
        dir.path(),
        &[
            "generate",
            "--sessions",
            "200",
            "--rooms",
            "1",
            "--days",
            "1",
            "-o",
            "x.toml",
        ],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("do not fit"), "{}", stderr(&out));
    assert!(!dir.path().join("x.toml").exists());
    let out = run_in(
        dir.path(),
        &[
            "generate",
            "--sessions",
            "120",
            "--rooms",
            "1",
            "--days",
            "1",
            "-o",
            "x.toml",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(dir.path(), &["check", "x.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(
        dir.path(),
        &["generate", "--sessions", "1000000000000", "-o", "y.toml"],
    );
    assert_eq!(code(&out), 2);
    assert!(!dir.path().join("y.toml").exists());
}

// ---- Quadratic overlaps: grouped in text and in the editor, pairs in JSON up to a cap ----

fn one_slot(n: usize) -> String {
    let mut text = event("");
    for i in 0..n {
        text.push_str(&format!(
            "[[sessions]]\nid = \"s{i:05}\"\ntitle = \"Talk {i}\"\nroom = \"r1\"\nspeakers = [\"p1\"]\nstart = 2024-05-14T10:00:00\nduration = 60\n\n"
        ));
    }
    text
}

#[test]
fn five_thousand_sessions_in_one_slot_stay_linear() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), one_slot(5000)).unwrap();
    let out = run_in(dir.path(), &["check", "e.toml"]);
    assert_eq!(code(&out), 1);
    let text = String::from_utf8_lossy(&out.stdout);
    // One grouped diagnostic per rule, not 12.5 million.
    assert_eq!(text.matches("error[room-overlap]").count(), 1, "{text}");
    assert_eq!(text.matches("error[speaker-overlap]").count(), 1, "{text}");
    assert!(text.contains("5000 sessions overlap in Room one"), "{text}");
    assert!(text.contains("12497500 pairs"), "{text}");
    assert!(text.contains("and 4995 more"), "{text}");
    assert!(text.len() < 20_000, "{} bytes", text.len());

    let out = run_in(
        dir.path(),
        &[
            "check",
            "e.toml",
            "--format",
            "json",
            "--max-diagnostics",
            "10",
        ],
    );
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 10);
    // Every pair of both rules, and the unused speakers and room, are counted.
    assert_eq!(json["summary"]["errors"], 2 * 12_497_500);
    let omitted = json["omitted"].as_u64().unwrap();
    let total = 2 * 12_497_500 + json["summary"]["infos"].as_u64().unwrap();
    assert_eq!(omitted, total - 10);
    // Each overlap entry is one pair, as the contract has it.
    for d in json["diagnostics"].as_array().unwrap() {
        if d["code"] == "unused" {
            continue;
        }
        assert_eq!(d["sessions"].as_array().unwrap().len(), 2, "{d}");
    }
    // The default cap keeps the output bounded.
    let out = run_in(dir.path(), &["check", "e.toml", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["diagnostics"].as_array().unwrap().len(),
        agora::rules::DEFAULT_MAX_DIAGNOSTICS
    );
}

#[test]
fn a_small_cluster_is_still_reported_pair_by_pair() {
    // Four talks at once: six pairs, under the grouping threshold.
    let text = one_slot(4);
    let program = agora::load::load_str(Path::new("e.toml"), &text).unwrap();
    let grouped = agora::rules::check(&program);
    let rooms: Vec<_> = grouped
        .iter()
        .filter(|d| d.code.as_str() == "room-overlap")
        .collect();
    assert_eq!(rooms.len(), 6);
    assert!(rooms.iter().all(|d| d.pairs == 1 && d.sessions.len() == 2));
    // Twenty: one group, spelled out as 190 pairs for the JSON.
    let text = one_slot(20);
    let program = agora::load::load_str(Path::new("e.toml"), &text).unwrap();
    let grouped: Vec<_> = agora::rules::check(&program)
        .into_iter()
        .filter(|d| d.code.as_str() == "room-overlap")
        .collect();
    assert_eq!(grouped.len(), 1);
    assert_eq!(grouped[0].pairs, 190);
    assert_eq!(grouped[0].session_indices.len(), 20);
    let pairs = agora::rules::check_pairs(&program, usize::MAX);
    let room_pairs: Vec<_> = pairs
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "room-overlap")
        .collect();
    assert_eq!(room_pairs.len(), 190);
    let mut seen: Vec<&Vec<String>> = room_pairs.iter().map(|d| &d.sessions).collect();
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 190, "each pair once");
}

#[test]
fn an_id_given_to_thousands_of_sessions_is_one_group() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = event("");
    for _ in 0..3000 {
        text.push_str("[[sessions]]\nid = \"same\"\ntitle = \"T\"\n\n");
    }
    std::fs::write(dir.path().join("e.toml"), text).unwrap();
    let out = run_in(dir.path(), &["check", "e.toml"]);
    assert_eq!(code(&out), 1);
    let said = String::from_utf8_lossy(&out.stdout);
    assert_eq!(said.matches("error[duplicate-id]").count(), 1, "{said}");
    assert!(said.contains("3000 sessions have the id `same`"), "{said}");
    let out = run_in(
        dir.path(),
        &[
            "check",
            "e.toml",
            "--format",
            "json",
            "--max-diagnostics",
            "20",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ds = json["diagnostics"].as_array().unwrap();
    assert_eq!(ds.len(), 20);
    assert_eq!(json["summary"]["errors"], 3000 * 2999 / 2);
    let duplicates: Vec<_> = ds.iter().filter(|d| d["code"] == "duplicate-id").collect();
    assert!(!duplicates.is_empty());
    assert!(duplicates
        .iter()
        .all(|d| d["sessions"] == serde_json::json!(["same"])));
}

// ---- Spans and durations: what every output can write, never a silent overflow ----

fn span_event(duration: &str) -> String {
    format!(
        "[event]\nid = \"span\"\nname = \"Span\"\ntimezone = \"Europe/Paris\"\nstart = 0001-01-01\nend = 9999-12-31\n\n[[rooms]]\nid = \"r1\"\nname = \"Room\"\n\n[[sessions]]\nid = \"a\"\ntitle = \"A\"\nroom = \"r1\"\nstart = 2024-05-14T10:00:00\n{duration}\n"
    )
}

#[test]
fn an_event_from_year_1_to_9999_exports_quickly_and_small() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), span_event("duration = 60")).unwrap();
    let out = run_in(dir.path(), &["export", "all", "e.toml", "-o", "out"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let mut total = 0;
    for entry in std::fs::read_dir(dir.path().join("out")).unwrap().flatten() {
        if entry.path().is_file() {
            total += entry.metadata().unwrap().len();
        }
    }
    assert!(total < 200_000, "{total} bytes");
    // The calendar's time zone covers the session, not ten thousand years.
    let ics = std::fs::read_to_string(dir.path().join("out/span.ics")).unwrap();
    assert!(ics.matches("BEGIN:DAYLIGHT").count() <= 3, "{ics}");
}

#[test]
fn durations_past_the_year_9999_are_invalid_time_not_wrapped() {
    let dir = tempfile::tempdir().unwrap();
    for minutes in ["1000000000000", "150000000000000000", "9223372036854775807"] {
        std::fs::write(
            dir.path().join("e.toml"),
            span_event(&format!("duration = {minutes}")),
        )
        .unwrap();
        let out = run_in(dir.path(), &["check", "e.toml"]);
        assert_eq!(code(&out), 1);
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("error[invalid-time]"), "{said}");
        assert!(said.contains("after the year 9999"), "{said}");
        assert!(!said.contains("outside-event"), "{said}");
        // No export writes a five-digit year or 1970.
        let out = run_in(dir.path(), &["export", "all", "e.toml", "-o", "out"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        for entry in std::fs::read_dir(dir.path().join("out")).unwrap().flatten() {
            if entry.path().is_file() {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                assert!(
                    !text.contains("+10000") && !text.contains("1970-01-01"),
                    "{}",
                    entry.path().display()
                );
            }
        }
    }
    // An end written past what outputs allow.
    let text = span_event("end = 9999-12-31T23:00:00");
    std::fs::write(dir.path().join("e.toml"), text).unwrap();
    let out = run_in(dir.path(), &["check", "e.toml"]);
    assert_eq!(code(&out), 1);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("outside the years 0001 to 9999"), "{said}");
    assert!(said.contains("9999"), "{said}");
}

#[test]
fn the_year_0000_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    let text = span_event("duration = 60").replace("start = 0001-01-01", "start = 0000-01-01");
    std::fs::write(dir.path().join("e.toml"), text).unwrap();
    let out = run_in(dir.path(), &["check", "e.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("year 0000"), "{}", stderr(&out));
}

// ---- Nothing overwritten unasked: export ----

#[test]
fn export_rewrites_its_own_files_but_not_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), small_event()).unwrap();
    // A folder agora wrote before may be rewritten.
    let out = run_in(dir.path(), &["export", "all", "e.toml", "-o", "site"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(dir.path(), &["export", "all", "e.toml", "-o", "site"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // A file of the user's that an export would replace is refused, and nothing is written.
    let own = dir.path().join("mine");
    std::fs::create_dir(&own).unwrap();
    std::fs::write(own.join("index.html"), "my page").unwrap();
    let out = run_in(dir.path(), &["export", "html", "e.toml", "-o", "mine"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("not written by agora"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("--force"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(own.join("index.html")).unwrap(),
        "my page"
    );
    assert_eq!(names(&own), ["index.html"]);
    let out = run_in(
        dir.path(),
        &["export", "html", "e.toml", "-o", "mine", "--force"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read_to_string(own.join("index.html"))
        .unwrap()
        .contains("<html"));
    // One file named with -o: the same rule.
    std::fs::write(dir.path().join("agenda.ics"), "mine").unwrap();
    let out = run_in(dir.path(), &["export", "ics", "e.toml", "-o", "agenda.ics"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("agenda.ics")).unwrap(),
        "mine"
    );
    let out = run_in(dir.path(), &["export", "ics", "e.toml", "-o", "fresh.ics"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = run_in(dir.path(), &["export", "ics", "e.toml", "-o", "fresh.ics"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// A re-export of a big folder trusts each file's stamp (kept in the cache, not in the
/// folder) only while the file is the one stamped: a calendar edited by hand, the same size,
/// is put back; an unchanged one is left as it is.
#[cfg(unix)]
#[test]
fn a_re_export_puts_back_a_file_edited_by_hand_and_keeps_the_rest() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let generate = [
        "generate",
        "--sessions",
        "1000",
        "--seed",
        "3",
        "-o",
        "e.toml",
    ];
    assert_eq!(code(&run_in(dir.path(), &generate)), 0);
    let export = ["export", "html", "e.toml", "-o", "site"];
    let out = run_in(dir.path(), &export);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stamps = dir.path().join(".cache").join("agora").join("exports");
    assert_eq!(std::fs::read_dir(&stamps).unwrap().count(), 1);
    let site = dir.path().join("site");
    assert!(!names(&site).iter().any(|n| n.contains("stamps")));
    let sessions = site.join("sessions");
    let (kept, edited) = (sessions.join("opening.ics"), sessions.join("lunch-0.ics"));
    let original = std::fs::read_to_string(&edited).unwrap();
    let inode = |path: &Path| std::fs::metadata(path).unwrap().ino();
    let before = inode(&kept);
    // The same length, other bytes.
    std::fs::write(&edited, original.replace("VEVENT", "VEVENX")).unwrap();
    let out = run_in(dir.path(), &export);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&edited).unwrap(), original);
    assert_eq!(inode(&kept), before, "an unchanged file was written again");
    // Without the cache, the same folder again: the files are read back and left alone.
    std::fs::remove_dir_all(&stamps).unwrap();
    let out = run_in(dir.path(), &export);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(inode(&kept), before);
}

#[test]
fn export_into_a_path_that_is_a_file_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), small_event()).unwrap();
    std::fs::write(dir.path().join("out"), "a file").unwrap();
    let out = run_in(dir.path(), &["export", "all", "e.toml", "-o", "out"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("is a file, not a folder"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out")).unwrap(),
        "a file"
    );
}

#[test]
fn an_output_folder_through_an_existing_file_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), small_event()).unwrap();
    std::fs::write(dir.path().join("s.xml"), SMALL_XML).unwrap();
    std::fs::write(dir.path().join("out"), "a file").unwrap();
    for args in [
        &["export", "ics", "e.toml", "-o", "out/"][..],
        &["export", "html", "e.toml", "-o", "out/site/"],
        &["import", "s.xml", "-o", "out/"],
        &["import", "s.xml", "-o", "out/ev/"],
    ] {
        let out = run_in(dir.path(), args);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{args:?}: {err}");
        assert!(
            err.contains("`out` is a file, not a folder"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("File exists"), "{args:?}: {err}");
        assert!(!err.contains("Not a directory"), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out")).unwrap(),
        "a file"
    );
}

// ---- Exports: split names, personal schedules, templates ----

#[test]
fn ids_that_differ_by_an_extension_do_not_collide_in_a_split() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = event("");
    text = text.replace("id = \"r2\"", "id = \"r1.ics\"");
    text.push_str(&session("a", "r1", "2024-05-14T10:00:00", 60, ""));
    text.push_str(&session("a.ics", "r1.ics", "2024-05-14T10:00:00", 60, ""));
    std::fs::write(dir.path().join("e.toml"), text).unwrap();
    for split in ["rooms", "sessions"] {
        let out = run_in(
            dir.path(),
            &["export", "all", "e.toml", "--split", split, "-o", split],
        );
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
    let rooms = dir.path().join("rooms/rooms");
    assert!(rooms.join("r1.ics").is_file());
    assert!(rooms.join("r1.ics.ics").is_file());
    assert!(rooms.join("r1.ics-2/index.html").is_file());
    assert!(rooms.join("r1/index.html").is_file());
}

#[test]
fn a_personal_schedule_names_a_bounded_number_of_people() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = event("");
    let n = 300;
    for i in 0..n {
        text.push_str(&format!(
            "[[speakers]]\nid = \"x{i}\"\nname = \"Extra {i}\"\n\n"
        ));
    }
    let all: Vec<String> = (0..n).map(|i| format!("\"x{i}\"")).collect();
    text.push_str(&session(
        "a",
        "r1",
        "2024-05-14T10:00:00",
        60,
        &format!("speakers = [{}]", all.join(", ")),
    ));
    std::fs::write(dir.path().join("e.toml"), text).unwrap();
    let out = run_in(
        dir.path(),
        &[
            "export", "csv", "e.toml", "--split", "speakers", "-o", "out",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let last = std::fs::read_to_string(dir.path().join("out/speakers/x299.csv")).unwrap();
    assert!(last.contains("Extra 299"), "{last}");
    assert!(last.matches("Extra ").count() <= 50, "{last}");
    // The whole program still names everyone.
    let out = run_in(dir.path(), &["export", "csv", "e.toml", "-o", "-"]);
    let whole = String::from_utf8_lossy(&out.stdout);
    assert_eq!(whole.matches("Extra ").count(), n, "{whole}");
}

#[test]
fn a_runaway_template_stops_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), small_event()).unwrap();
    let cases = [
        ("loop.md", "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}", "steps"),
        ("pad.txt", "{{ 'x' | pad(10000000000) }}{% for i in range(1000) %}{{ 'y' | pad(100000000) }}{% endfor %}", ""),
        ("big.md", "{% for i in range(100000) %}{{ 'x' * 10000 }}{% endfor %}{% for i in range(100000) %}{{ 'x' * 10000 }}{% endfor %}{% for i in range(100000) %}{{ 'x' * 10000 }}{% endfor %}", "MiB"),
    ];
    for (name, body, says) in cases {
        std::fs::write(dir.path().join(name), body).unwrap();
        let format = name.rsplit('.').next().unwrap();
        let out = run_in(
            dir.path(),
            &["export", format, "e.toml", "--template", name, "-o", "-"],
        );
        assert!(out.stdout.len() < 300 * 1024 * 1024);
        if !says.is_empty() {
            assert_eq!(code(&out), 2, "{name}");
            assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
        }
    }
}

// ---- Import: entities, attributes, untrusted text on stderr, whole folders ----

const SMALL_XML: &str = include_str!("../../fuzz/corpus/import_xml/seed-small.xml");

#[test]
fn an_entity_bomb_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let mut doctype = String::from("<!DOCTYPE schedule [<!ENTITY l0 \"lol\">");
    for i in 1..10 {
        let prev = format!("&l{};", i - 1).repeat(10);
        doctype.push_str(&format!("<!ENTITY l{i} \"{prev}\">"));
    }
    doctype.push_str("]>");
    let bomb = SMALL_XML
        .replace("<schedule>", &format!("{doctype}<schedule>"))
        .replace("<title>Keynote</title>", "<title>&l9;</title>");
    std::fs::write(dir.path().join("bomb.xml"), bomb).unwrap();
    let out = run_in(dir.path(), &["import", "bomb.xml", "-o", "x.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("entities"), "{}", stderr(&out));
    assert!(!dir.path().join("x.toml").exists());
}

#[test]
fn an_element_with_a_hundred_thousand_attributes_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let attrs: String = (0..100_000).map(|i| format!(" a{i}='x'")).collect();
    let xml = SMALL_XML.replace(
        "<room name='Janson'>",
        &format!("<room name='Janson'{attrs}>"),
    );
    std::fs::write(dir.path().join("attrs.xml"), xml).unwrap();
    let out = run_in(dir.path(), &["import", "attrs.xml", "-o", "x.toml"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("attributes"), "{}", stderr(&out));
}

#[test]
fn untrusted_titles_reach_the_terminal_cleaned() {
    let dir = tempfile::tempdir().unwrap();
    // An OSC 52 clipboard write and a terminal title change in a session title and the
    // conference title (JSON can carry control characters; XML 1.0 cannot).
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop/hub-schedule2.json"),
    )
    .unwrap()
    .replace(
        "\"title\": \"38C3\"",
        "\"title\": \"Evil\\u001b]52;c;ZWNobyBwd25lZA==\\u0007\\u001b]0;owned\\u0007\"",
    );
    std::fs::write(dir.path().join("evil.json"), json).unwrap();
    let out = run_in(dir.path(), &["import", "evil.json", "-o", "x.toml"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!out.stderr.contains(&0x1b), "{:?}", stderr(&out));
    assert!(!out.stderr.contains(&0x07), "{:?}", stderr(&out));
}

#[test]
fn a_folder_import_is_whole_or_absent_and_can_be_run_again() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.xml"), SMALL_XML).unwrap();
    let out = run_in(dir.path(), &["import", "s.xml", "-o", "ev/"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(dir.path().join("ev/event.toml").is_file());
    // No temp folder left beside it.
    assert_eq!(names(dir.path()), ["ev", "s.xml"]);
    let out = run_in(dir.path(), &["check", "ev"]);
    assert!(code(&out) <= 1, "{}", stderr(&out));
    // Not into a folder that has files.
    let out = run_in(dir.path(), &["import", "s.xml", "-o", "ev/"]);
    assert_eq!(code(&out), 2);
    // A failed write leaves nothing: a read-only parent folder.
    #[cfg(unix)]
    if !is_root() {
        use std::os::unix::fs::PermissionsExt;
        let locked = dir.path().join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        let out = run_in(dir.path(), &["import", "s.xml", "-o", "locked/ev/"]);
        assert_eq!(code(&out), 2);
        assert!(names(&locked).is_empty());
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        let out = run_in(dir.path(), &["import", "s.xml", "-o", "locked/ev/"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
    }
}

#[cfg(unix)]
fn is_root() -> bool {
    std::process::Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn import_refuses_a_dangling_link_as_its_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("s.xml"), SMALL_XML).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink("elsewhere.toml", dir.path().join("x.toml")).unwrap();
    let out = run_in(dir.path(), &["import", "s.xml", "-o", "x.toml"]);
    assert_eq!(code(&out), 2);
    assert!(!dir.path().join("elsewhere.toml").exists());
}

/// `agora import` of `text` saved as `name`: the exit code and stderr; nothing is written.
fn import_text(name: &str, text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), text).unwrap();
    let out = run_in(dir.path(), &["import", name, "-o", "x.toml"]);
    assert!(!dir.path().join("x.toml").exists(), "{}", stderr(&out));
    (code(&out), stderr(&out))
}

#[test]
fn an_impossible_date_is_an_error_at_its_place_not_another_date() {
    // In the event's <date> (line 16 of the seed), and in the day's own date.
    let xml = SMALL_XML.replace("<date>2024-02-03T11:30", "<date>2024-02-30T11:30");
    let (code, err) = import_text("s.xml", &xml);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("s.xml:16:1:"), "{err}");
    assert!(
        err.contains("`2024-02-30` is not a date: February 2024 has 29 days"),
        "{err}"
    );
    let xml = SMALL_XML
        .replace("<date>2024-02-03T11:30:00+01:00</date>", "")
        .replace("date='2024-02-03'", "date='2024-13-03'");
    let (code, err) = import_text("s.xml", &xml);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("s.xml:13:1:"), "{err}");
    assert!(err.contains("there is no month 13"), "{err}");
    // JSON: placed by its path in the document.
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop/pretalx-democon.json"),
    )
    .unwrap()
    .replacen(
        "\"date\": \"2020-12-14T09:00:00+01:00\"",
        "\"date\": \"2021-02-29T09:00:00+01:00\"",
        1,
    );
    let (code, err) = import_text("s.json", &json);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("schedule.conference.days[0].rooms."), "{err}");
    assert!(err.contains("[0].date: session '"), "{err}");
    assert!(err.contains("February 2021 has 28 days, not 29"), "{err}");
}

#[test]
fn a_negative_or_huge_duration_says_what_is_wrong_and_where() {
    for (written, wrong) in [
        ("-01:00", "is negative"),
        ("99999:00", "is too large"),
        ("99999999999999999999999999", "is too large"),
    ] {
        let xml = SMALL_XML.replace(
            "<duration>01:00</duration>",
            &format!("<duration>{written}</duration>"),
        );
        let (code, err) = import_text("s.xml", &xml);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("s.xml:18:1:"), "{err}");
        assert!(err.contains(&format!("`{written}` {wrong}")), "{err}");
        assert!(!err.contains("no duration"), "{err}");
    }
    let json = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop/pretalx-democon.json"),
    )
    .unwrap()
    .replacen("\"duration\": \"00:30\"", "\"duration\": \"-00:30\"", 1);
    let (code, err) = import_text("s.json", &json);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("[0].duration: session '"), "{err}");
    assert!(err.contains("`-00:30` is negative"), "{err}");
}

#[test]
fn a_key_nested_too_deep_is_placed_at_its_line() {
    let deep = vec!["a"; 100].join(".");
    for (text, line, column) in [
        (format!("{}\n[{deep}]\nb = 1\n", small_event()), 0, 2),
        (format!("{}\n{deep} = 1\n", small_event()), 0, 1),
    ] {
        let line = if line == 0 {
            small_event().lines().count() + 2
        } else {
            line
        };
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("e.toml"), &text).unwrap();
        let out = run_in(dir.path(), &["check", "e.toml"]);
        let err = stderr(&out);
        assert_eq!(code(&out), 2, "{err}");
        assert!(err.contains(&format!("e.toml:{line}:{column}")), "{err}");
        assert!(err.contains("nested too deep"), "{err}");
        assert!(!err.contains("e.toml:1:1"), "{err}");
    }
}

/// Room-less (all rooms) sessions: `(id, start minute after 09:00, minutes, plenary)`.
fn with_plenaries(others: &[(String, i64, i64, bool)]) -> String {
    let mut text = event("");
    for (id, from, minutes, plenary) in others {
        let at = chrono::NaiveDate::from_ymd_opt(2024, 5, 14)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap()
            + chrono::Duration::minutes(*from);
        text.push_str(&format!(
            "[[sessions]]\nid = \"{id}\"\ntitle = \"T {id}\"\nkind = \"break\"\nstart = {}\nduration = {minutes}\nplenary = {plenary}\n\n",
            at.format("%Y-%m-%dT%H:%M:%S")
        ));
    }
    text
}

#[test]
fn sessions_during_a_plenary_are_grouped_like_other_overlaps() {
    let mut items = vec![("opening".to_string(), 60, 60, true)];
    items.extend((0..2000).map(|i| (format!("s{i:04}"), 60, 30, false)));
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("e.toml"), with_plenaries(&items)).unwrap();
    let out = run_in(dir.path(), &["check", "e.toml"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.matches("warning[plenary-overlap]").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("2000 sessions run during the plenary 'T opening' (all rooms, 10:00–11:00)"),
        "{text}"
    );
    assert!(text.contains("(2000 pairs): 'T s0000'"), "{text}");
    assert!(text.contains("and 1996 more"), "{text}");
    assert!(text.len() < 20_000, "{} bytes", text.len());
    // JSON: one entry per pair, capped by --max-diagnostics, every pair counted.
    let out = run_in(
        dir.path(),
        &[
            "check",
            "e.toml",
            "--format",
            "json",
            "--max-diagnostics",
            "40",
        ],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entries = json["diagnostics"].as_array().unwrap();
    assert_eq!(entries.len(), 40);
    let plenary: Vec<_> = entries
        .iter()
        .filter(|d| d["code"] == "plenary-overlap")
        .collect();
    assert!(plenary.len() >= 30, "{}", plenary.len());
    assert!(plenary
        .iter()
        .all(|d| d["sessions"].as_array().unwrap().len() == 2));
    assert_eq!(json["summary"]["warnings"], 2000);
    // Two thousand plenaries at once: one group of n(n-1)/2 pairs.
    let many: Vec<_> = (0..2000)
        .map(|i| (format!("p{i:04}"), 60, 60, true))
        .collect();
    std::fs::write(dir.path().join("p.toml"), with_plenaries(&many)).unwrap();
    let out = run_in(dir.path(), &["check", "p.toml"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text.matches("warning[plenary-overlap]").count(),
        1,
        "{text}"
    );
    assert!(
        text.contains("2000 plenary sessions ('T p0000', 'T p0001', 'T p0002', 'T p0003', 'T p0004' and 1995 more) overlap one another"),
        "{text}"
    );
    assert!(text.contains("(1999000 pairs)"), "{text}");
}

#[test]
fn plenary_pairs_spelled_out_are_exactly_the_overlapping_pairs() {
    // Plenaries and sessions at scattered times: a few small runs (pair by pair) and larger
    // ones (groups); spelled out, they are every overlapping pair with a plenary, once.
    let mut state: u64 = 7;
    let mut next = |m: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) % m) as i64
    };
    let items: Vec<(String, i64, i64, bool)> = (0..300)
        .map(|i| (format!("x{i:03}"), next(600), 1 + next(90), next(10) == 0))
        .collect();
    let text = with_plenaries(&items);
    let program = agora::load::load_str(Path::new("e.toml"), &text).unwrap();
    let mut want = Vec::new();
    for (a, x) in items.iter().enumerate() {
        for y in &items[a + 1..] {
            let overlap = x.1 < y.1 + y.2 && y.1 < x.1 + x.2;
            if overlap && (x.3 || y.3) {
                let mut pair = vec![x.0.clone(), y.0.clone()];
                pair.sort();
                want.push(pair);
            }
        }
    }
    want.sort();
    let grouped = agora::rules::check(&program);
    let counted: u64 = grouped
        .iter()
        .filter(|d| d.code.as_str() == "plenary-overlap")
        .map(|d| d.pairs)
        .sum();
    assert_eq!(counted, want.len() as u64);
    assert!(grouped
        .iter()
        .any(|d| d.code.as_str() == "plenary-overlap" && d.pairs > 10));
    let mut got: Vec<Vec<String>> = agora::rules::check_pairs(&program, usize::MAX)
        .diagnostics
        .into_iter()
        .filter(|d| d.code.as_str() == "plenary-overlap")
        .map(|d| d.sessions)
        .collect();
    got.sort();
    assert_eq!(got, want);
}
