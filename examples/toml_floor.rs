//! The floor for `agora check`: read a file and parse it into a plain `toml::Table`, nothing
//! else. `benches/commands.sh` times agora's commands against it.
//!
//!   cargo build --release --example toml_floor
//!   target/release/examples/toml_floor big.toml

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: toml_floor FILE.toml");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::from(2);
        }
    };
    match text.parse::<toml::Table>() {
        Ok(table) => {
            let sessions = table
                .get("sessions")
                .and_then(|s| s.as_array())
                .map_or(0, |a| a.len());
            println!("{sessions} sessions");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(1)
        }
    }
}
