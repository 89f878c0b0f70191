//! The loader and the rules on arbitrary bytes: every input gives a program or input errors,
//! never a panic; rendering both never panics either.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match agora::load::load_str(Path::new("fuzz.toml"), text) {
        Ok(program) => {
            let diagnostics = agora::rules::check(&program);
            let _ = agora::report::text::report(&program, &diagnostics, false);
            let _ = agora::report::json::render(&program, &diagnostics);
        }
        Err(failure) => {
            assert!(!failure.errors.is_empty());
            for e in &failure.errors {
                let _ = agora::report::text::input_error(&failure.sources, e, false);
            }
        }
    }
});
