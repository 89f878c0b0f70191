//! Whatever bytes a file holds, loading and checking report problems instead of panicking.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::Path;

use proptest::prelude::*;

fn load_and_check(text: &str) {
    match agora::load::load_str(Path::new("fuzz.toml"), text) {
        Ok(program) => {
            let diagnostics = agora::rules::check(&program);
            // Rendering touches every span: it must not panic either.
            let _ = agora::report::text::report(&program, &diagnostics, false);
            let json = agora::report::json::render(&program, &diagnostics);
            serde_json::from_str::<serde_json::Value>(&json).unwrap();
        }
        Err(failure) => {
            assert!(!failure.errors.is_empty());
            for e in &failure.errors {
                let _ = agora::report::text::input_error(&failure.sources, e, false);
            }
        }
    }
}

const SEED: &str = include_str!("../../events/examples/every-rule.toml");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn random_edits_of_a_real_event_never_panic(
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, "[\\[\\]{}=\"'#\\n a-z0-9:T.+-é\u{202e}]{0,6}"), 1..8)
    ) {
        let mut text = SEED.to_string();
        for (at, cut, insert) in edits {
            let mut i = at.index(text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            let mut j = (i + cut).min(text.len());
            while !text.is_char_boundary(j) {
                j += 1;
            }
            text.replace_range(i..j, &insert);
        }
        load_and_check(&text);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}") {
        load_and_check(&text);
    }
}

#[test]
fn deeply_nested_arrays_are_an_error_not_a_stack_overflow() {
    let text = format!(
        "[event]\nid = {}1{}\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    load_and_check(&text);
}
