//! Inputs the fuzzers found, kept as regression tests.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::Path;

use agora::export::{export, Format, Options, Selection};

fn ics_for_title(title: &str) -> String {
    let toml = format!(
        "[event]\nid = \"f\"\nname = \"F\"\ntimezone = \"Europe/Paris\"\nstart = 2024-03-30\nend = 2024-03-31\n\n\
         [[rooms]]\nid = \"r\"\nname = \"R\"\n\n[[sessions]]\nid = \"s\"\ntitle = \"{title}\"\nroom = \"r\"\n\
         start = 2024-03-31T01:30:00\nduration = 90\n"
    );
    let program = agora::load::load_str(Path::new("f.toml"), &toml).unwrap();
    let files = export(
        &program,
        &[Format::Ics],
        &Selection::default(),
        None,
        &Options::default(),
    )
    .unwrap();
    String::from_utf8(files[0].bytes.to_vec()).unwrap()
}

/// Fuzzing (target `ics`) found a title made of NULs, a ':' and a backspace. agora drops the
/// control characters and writes `SUMMARY::VCnt`, which is what RFC 5545 asks for (the first
/// ':' ends the name). The `ical` crate's parser drops every leading ':' of a value, so it
/// reads `VCnt`: a bug of that parser, which the round-trip tests work around.
#[test]
fn a_title_starting_with_a_colon() {
    // As written in the TOML file: \u escapes for the NULs and the backspace.
    let ics = ics_for_title("\\u0000\\u0000:\\u0000\\u0008VCnt");
    assert!(ics.contains("\r\nSUMMARY::VCnt\r\n"), "{ics}");
    let calendar = ical::IcalParser::new(ics.as_bytes())
        .next()
        .unwrap()
        .unwrap();
    let summary = calendar.events[0]
        .properties
        .iter()
        .find(|p| p.name == "SUMMARY")
        .and_then(|p| p.value.clone())
        .unwrap();
    assert_eq!(summary, "VCnt", "the ical parser's known behaviour");
}
