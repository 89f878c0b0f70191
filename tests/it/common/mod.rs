//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::Path;

use agora::load::load_str;
use agora::rules::{check, Diagnostic};

/// The part of a diagnostic other tools compare: code, sessions, room, person, track.
pub type Key = (
    String,
    Vec<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

pub fn key(d: &Diagnostic) -> Key {
    (
        d.code.as_str().to_string(),
        d.sessions.clone(),
        d.room.clone(),
        d.person.clone(),
        d.track.clone(),
    )
}

/// An event in Europe/Paris from Tue 14 to Wed 15 May 2024 with rooms `r1`, `r2` (capacity 50,
/// feature "projector" in r1) and speakers `p1`, `p2`, `p3`, followed by `body`.
pub fn event(body: &str) -> String {
    event_in("Europe/Paris", "2024-05-14", "2024-05-15", body)
}

pub fn event_in(tz: &str, start: &str, end: &str, body: &str) -> String {
    format!(
        r#"[event]
id = "t"
name = "Test"
timezone = "{tz}"
start = {start}
end = {end}

[[rooms]]
id = "r1"
name = "Room one"
capacity = 50
features = ["projector"]

[[rooms]]
id = "r2"
name = "Room two"

[[speakers]]
id = "p1"
name = "Person One"

[[speakers]]
id = "p2"
name = "Person Two"

[[speakers]]
id = "p3"
name = "Person Three"

{body}"#
    )
}

/// A session table.
pub fn session(id: &str, room: &str, start: &str, minutes: i64, extra: &str) -> String {
    let room = if room.is_empty() {
        String::new()
    } else {
        format!("room = \"{room}\"\n")
    };
    format!(
        "[[sessions]]\nid = \"{id}\"\ntitle = \"Session {id}\"\n{room}start = {start}\nduration = {minutes}\n{extra}\n"
    )
}

/// Every diagnostic of `text` but `unused` ones.
pub fn diagnostics(text: &str) -> Vec<Diagnostic> {
    let program = match load_str(Path::new("test.toml"), text) {
        Ok(p) => p,
        Err(f) => panic!("input errors: {:?}\n{text}", f.errors),
    };
    check(&program)
        .into_iter()
        .filter(|d| d.code.as_str() != "unused")
        .collect()
}

pub fn keys(text: &str) -> Vec<Key> {
    diagnostics(text).iter().map(key).collect()
}

pub fn codes(text: &str) -> Vec<String> {
    diagnostics(text)
        .iter()
        .map(|d| d.code.as_str().to_string())
        .collect()
}

pub fn k(
    code: &str,
    sessions: &[&str],
    room: Option<&str>,
    person: Option<&str>,
    track: Option<&str>,
) -> Key {
    (
        code.to_string(),
        sessions.iter().map(|s| s.to_string()).collect(),
        room.map(str::to_string),
        person.map(str::to_string),
        track.map(str::to_string),
    )
}
