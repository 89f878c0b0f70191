//! `agora check PATH [--format text|json] [--deny warnings]`.

use super::{
    stderr_color, stdout_color, write_stderr, write_stdout, CheckArgs, ColorChoice, Deny, Format,
    Outcome,
};
use crate::load::{load_path, LoadFailure};
use crate::report;
use crate::rules::{check, check_pairs, Summary};

pub(super) fn run(args: &CheckArgs, color: ColorChoice) -> Outcome {
    let program = match load_path(&args.path) {
        Ok(program) => program,
        Err(failure) => return input_failure(&failure, color),
    };
    let max = args.max_diagnostics;
    let (output, summary) = match args.format {
        Format::Json => {
            // The contract: one entry per pair, groups spelled out.
            let pairs = check_pairs(&program, max);
            let output = report::json::render_with(
                &program,
                &pairs.diagnostics,
                pairs.summary,
                pairs.omitted,
            );
            (output, pairs.summary)
        }
        Format::Text => {
            let diagnostics = check(&program);
            let output =
                report::text::report_capped(&program, &diagnostics, stdout_color(color), max);
            (output, Summary::of(&diagnostics))
        }
    };
    if write_stdout(output.as_bytes()) == Outcome::Failed {
        return Outcome::Failed;
    }
    let denied = summary.errors > 0 || (args.deny == Some(Deny::Warnings) && summary.warnings > 0);
    if denied {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}

/// Print every input problem on stderr; exit 2.
pub(crate) fn input_failure(failure: &LoadFailure, color: ColorChoice) -> Outcome {
    let color = stderr_color(color);
    let mut text = String::new();
    for e in &failure.errors {
        text.push_str(&report::text::input_error(&failure.sources, e, color));
        text.push_str("\n\n");
    }
    let n = failure.errors.len();
    text.push_str(&format!(
        "error: the event could not be read ({n} problem{})\n",
        if n == 1 { "" } else { "s" }
    ));
    write_stderr(&text);
    Outcome::Failed
}
