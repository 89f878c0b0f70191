//! The `agora` binary: parse arguments, dispatch, map the outcome to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    agora::heap::tune();
    // A bug must not end in a backtrace: say what happened and how to report it.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "error: agora stopped on an internal error ({info}).\n\
             Nothing was written. Please report this with the command you ran."
        );
    }));
    let cli = agora::cli::Cli::parse();
    ExitCode::from(agora::cli::run(cli).exit_code())
}
