//! The importer on arbitrary C3VOC schedule.json input: it never panics, never hangs on entities or
//! deep nesting, and whatever it accepts renders as TOML that agora's own loader reads back
//! without an input error (`agora import` calls that case a bug).
#![no_main]

use std::path::Path;

use agora::import::toml_out::{render, Layout};
use agora::import::{decode, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Steer the input to this format: the importer tells the formats apart by the first byte.
    let mut bytes = Vec::with_capacity(data.len() + 1);
    if !data.starts_with(b"{") {
        bytes.push(b'{');
    }
    bytes.extend_from_slice(data);
    let Ok(text) = decode(bytes) else {
        return;
    };
    let Ok(imported) = import(&text) else {
        return;
    };
    let files = render(&imported, "fuzz.json", Layout::File);
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    if let Err(failure) = agora::load::load_str(Path::new("fuzz.toml"), &all) {
        panic!("imported program does not load: {:?}\n{all}", failure.errors);
    }
});
