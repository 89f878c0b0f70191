//! The iCalendar writer on arbitrary text: titles, descriptions and names of any content give
//! a file whose physical lines are at most 75 octets with CRLF, and that the `ical` parser
//! reads back (after unfolding, which it does badly) to the same text agora meant to write.
#![no_main]

use std::path::Path;

use agora::export::{clean, export, Format, Options, Selection};
use libfuzzer_sys::fuzz_target;

/// A TOML basic string holding exactly `text`.
fn toml_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (title, description) = text.split_once('\u{1}').unwrap_or((text, ""));
    if clean::line(title).is_empty() {
        return;
    }
    let toml = format!(
        "[event]\nid = \"f\"\nname = {t}\ntimezone = \"Europe/Paris\"\nstart = 2024-03-30\nend = 2024-03-31\n\n\
         [[rooms]]\nid = \"r\"\nname = {t}\n\n[[speakers]]\nid = \"p\"\nname = {t}\n\n\
         [[sessions]]\nid = \"s\"\ntitle = {t}\ndescription = {d}\nroom = \"r\"\nspeakers = [\"p\"]\n\
         start = 2024-03-31T01:30:00\nduration = 90\n",
        t = toml_string(title),
        d = toml_string(description)
    );
    let program = agora::load::load_str(Path::new("fuzz.toml"), &toml).expect("escaped text loads");
    let files = export(&program, &[Format::Ics], &Selection::default(), None, &Options::default())
        .expect("exports");
    let ics = String::from_utf8(files[0].bytes.to_vec()).expect("UTF-8");
    assert!(ics.ends_with("\r\n"));
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        assert!(!line.contains('\n') && !line.contains('\r'));
    }
    let unfolded = ics.replace("\r\n ", "").replace("\r\n\t", "");
    let calendar = ical::IcalParser::new(unfolded.as_bytes())
        .next()
        .expect("a calendar")
        .expect("parses");
    let event = calendar.events.first().expect("one event");
    let value = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    // The `ical` parser drops every leading ':' of a value (it trims the delimiter greedily);
    // agora writes `SUMMARY::x` as RFC 5545 says, so compare without them (see
    // tests/it/ical_regressions.rs).
    let wanted_title = clean::line(title);
    assert_eq!(unescape(&value("SUMMARY")), wanted_title.trim_start_matches(':'));
    let wanted = clean::block(description);
    if !wanted.is_empty() {
        assert!(unescape(&value("DESCRIPTION")).contains(&wanted), "{:?}", value("DESCRIPTION"));
    }
    assert_eq!(value("UID"), "s@f");
});
