//! Load an event and run the rules a few times: a steady target for instruction-count
//! profiling of the rule engine (`valgrind --tool=callgrind`), which is repeatable on a busy
//! machine where wall-clock timings are not.
//!
//!   cargo build --release --example rules_once
//!   valgrind --tool=callgrind target/release/examples/rules_once big.toml 3

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: rules_once FILE.toml [RUNS]");
        return ExitCode::from(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(1);
    let Ok(program) = agora::load::load_path(Path::new(&path)) else {
        eprintln!("{path}: cannot be loaded (run agora check on it)");
        return ExitCode::from(2);
    };
    let mut found = 0;
    for _ in 0..runs {
        found = agora::rules::check(&program).len();
    }
    println!("{found} diagnostics");
    ExitCode::SUCCESS
}
