//! Helpers shared by the export tests: run `agora export`, read what it wrote, parse `.ics`.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The timestamp every export test pins (2017-12-01T00:00:00Z).
pub const EPOCH: &str = "1512086400";

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn agora() -> Command {
    let mut cmd = Command::cargo_bin("agora").expect("binary");
    cmd.current_dir(root())
        .env("SOURCE_DATE_EPOCH", EPOCH)
        // Export stamps (kept for big folders) in the build's own temp folder.
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env_remove("NO_COLOR");
    cmd
}

/// `agora export FORMAT EVENT -o DIR` plus `extra`; panics unless it exits 0.
pub fn export_into(format: &str, event: &str, dir: &Path, extra: &[&str]) {
    let out = agora()
        .args(["export", format, event, "-o"])
        .arg(dir)
        .args(extra)
        .output()
        .expect("run agora");
    assert!(
        out.status.success(),
        "agora export {format} {event} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every file under `dir`, by relative path with `/`, but agora's list of the files it wrote
/// (`.agora-export`, see `agora::export::paths::MANIFEST`).
pub fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let path = entry.expect("entry").path();
            if path
                .file_name()
                .is_some_and(|n| n == agora::export::paths::MANIFEST)
            {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).expect("prefix");
                let key = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                out.insert(key, std::fs::read(&path).expect("read"));
            }
        }
    }
    out
}

/// Join folded lines (CRLF + space or tab). The `ical` crate's own unfolding drops the space
/// at a fold and fails on a fold inside a UTF-8 character, so it gets unfolded text.
pub fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// Undo RFC 5545 TEXT escaping.
pub fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(o) => out.push(o),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A property's parameters: name → values.
pub type Params = Vec<(String, Vec<String>)>;
/// One property: name, parameters, raw value.
pub type Prop = (String, Params, String);
/// One VEVENT as the `ical` crate parsed it.
pub type Props = Vec<Prop>;

/// Parse an `.ics` text with the `ical` crate; every VEVENT's properties.
pub fn parse_events(text: &str) -> Vec<Props> {
    let unfolded = unfold(text);
    let mut calendars = ical::IcalParser::new(std::io::BufReader::new(unfolded.as_bytes()));
    let calendar = calendars
        .next()
        .expect("one calendar")
        .expect("the ical crate parses the calendar");
    assert!(calendars.next().is_none(), "exactly one VCALENDAR");
    calendar
        .events
        .into_iter()
        .map(|e| {
            e.properties
                .into_iter()
                .map(|p| {
                    (
                        p.name,
                        p.params.unwrap_or_default(),
                        p.value.unwrap_or_default(),
                    )
                })
                .collect()
        })
        .collect()
}

pub fn prop<'a>(props: &'a Props, name: &str) -> Option<&'a Prop> {
    props.iter().find(|(n, _, _)| n == name)
}

/// The instant a DTSTART/DTEND property names.
pub fn instant(props: &Props, name: &str) -> i64 {
    use chrono::TimeZone;
    let (_, params, value) = prop(props, name).unwrap_or_else(|| panic!("{name} missing"));
    if let Some(utc) = value.strip_suffix('Z') {
        let naive = chrono::NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").expect("UTC time");
        return naive.and_utc().timestamp();
    }
    let tzid = params
        .iter()
        .find(|(k, _)| k == "TZID")
        .map(|(_, v)| v[0].clone())
        .unwrap_or_else(|| panic!("{name} has neither Z nor TZID: {value}"));
    let tz: chrono_tz::Tz = tzid.parse().expect("known zone");
    let naive = chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").expect("local time");
    match tz.from_local_datetime(&naive) {
        chrono::LocalResult::Single(dt) => dt.timestamp(),
        other => panic!("{name} {value} in {tzid} is not one instant: {other:?}"),
    }
}

/// Check the physical form of an .ics text: CRLF endings, lines of at most 75 octets.
pub fn assert_physical_lines(text: &str) {
    assert!(text.ends_with("\r\n"), "ends with CRLF");
    for line in text.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare CR or LF in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
    }
}
