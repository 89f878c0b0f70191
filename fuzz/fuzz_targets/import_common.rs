//! What both import targets check: the importer never panics, and whatever it accepts renders
//! as TOML that agora's own loader reads back without an input error (`agora import` calls
//! that case a bug).

use std::path::Path;

use agora::import::toml_out::{render, Layout};
use agora::import::{decode, import};

/// Import `data`, steered to one format by its first byte (`<` XML, `{` JSON).
pub fn check(data: &[u8], first: u8, name: &str) {
    let mut bytes = Vec::with_capacity(data.len() + 1);
    if data.first() != Some(&first) {
        bytes.push(first);
    }
    bytes.extend_from_slice(data);
    let Ok(text) = decode(bytes) else {
        return;
    };
    let Ok(imported) = import(&text) else {
        return;
    };
    let files = render(&imported, name, Layout::File);
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    if let Err(failure) = agora::load::load_str(Path::new("fuzz.toml"), &all) {
        panic!("imported program does not load: {:?}\n{all}", failure.errors);
    }
}
