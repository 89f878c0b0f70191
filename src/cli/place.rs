//! `agora place PATH [--session ID…] [--allow-moves] [--repair] [--write] [--seed N]
//! [--time-limit S] [--step MIN] [--format text|json] [--diff]`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::Args;

use super::check::input_failure;
use super::{write_stderr, write_stdout, ColorChoice, Format, Outcome};
use crate::export::changes;
use crate::place::{self, render, Options};
use crate::save;

#[derive(Debug, Args)]
#[command(
    after_help = "Exit status: 0 when every session asked for was placed, 1 when one \
could not be (the plan says why) or, with --repair, when an error-level conflict between sessions remains, 2 when \
the event could not be read or the command line is wrong."
)]
pub struct PlaceArgs {
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// Place only these sessions (by id; repeat the option for several).
    #[arg(long = "session", value_name = "ID")]
    pub sessions: Vec<String>,
    /// Placed sessions (never `locked` ones) may move to make room.
    #[arg(long)]
    pub allow_moves: bool,
    /// Also resolve the error-level conflicts already in the program, moving as few sessions
    /// as possible.
    #[arg(long)]
    pub repair: bool,
    /// Save the plan into the event's files (only the changed keys are rewritten).
    #[arg(long)]
    pub write: bool,
    /// Breaks ties between equally constrained sessions: the same seed gives the same plan.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Stop after this many seconds with the best plan found so far.
    #[arg(long, value_name = "SECONDS")]
    pub time_limit: Option<f64>,
    /// Minutes between candidate starts (default: [placement] step, or 5).
    #[arg(long, value_name = "MINUTES")]
    pub step: Option<i64>,
    /// Output format of the plan.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Print the plan as `agora diff` prints changes (the same text and JSON, from `current`
    /// to `plan`), for tools that already read release diffs.
    #[arg(long)]
    pub diff: bool,
}

fn fail(message: &str) -> Outcome {
    write_stderr(&format!("error: {message}\n"));
    Outcome::Failed
}

/// The program as the plan would leave it: the same texts loaded again, the plan applied.
fn planned(
    doc: &crate::edit::Document,
    root: &std::path::Path,
    plan: &place::Plan,
) -> Result<crate::model::Program, String> {
    let texts: Vec<(PathBuf, String)> = doc
        .program
        .sources
        .files()
        .iter()
        .map(|f| (f.path.clone(), f.text.clone()))
        .collect();
    let program = crate::load::load_texts(root, &texts)
        .map_err(|_| "the event no longer loads as it did".to_string())?;
    let mut copy = crate::edit::Document::new(program);
    place::apply(&mut copy, plan).map_err(|e| e.to_string())?;
    Ok(copy.program)
}

pub(super) fn run(args: &PlaceArgs, color: ColorChoice) -> Outcome {
    let time_limit = match args.time_limit {
        None => None,
        Some(s) if s.is_finite() && s > 0.0 && s < 1e9 => Some(Duration::from_secs_f64(s)),
        Some(s) => {
            return fail(&format!(
                "--time-limit {s} is not a number of seconds above 0, e.g. --time-limit 10"
            ))
        }
    };
    let (mut doc, mut disk) = match save::open(&args.path) {
        Ok(opened) => opened,
        Err(failure) => return input_failure(&failure, color),
    };
    let options = Options {
        sessions: args.sessions.clone(),
        allow_moves: args.allow_moves,
        repair: args.repair,
        seed: args.seed,
        time_limit,
        step: args.step,
    };
    let started = Instant::now();
    let terminal = std::io::stderr().is_terminal();
    let mut bar: Option<indicatif::ProgressBar> = None;
    let mut progress = |done: usize, total: usize| {
        if !terminal || started.elapsed() < Duration::from_secs(1) {
            return;
        }
        let bar = bar.get_or_insert_with(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "placing {bar:40} {pos}/{len} sessions, {elapsed}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar
        });
        bar.set_position(done as u64);
    };
    let plan = place::place(&doc.program, &options, &mut progress);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let plan = match plan {
        Ok(plan) => plan,
        Err(message) => return fail(&message.to_string()),
    };
    let output = if args.diff {
        match planned(&doc, &disk.root, &plan) {
            Ok(after) => {
                let d = crate::release::diff(&doc.program, &after);
                match args.format {
                    Format::Json => changes::diff_json(&d, "current", "plan"),
                    Format::Text => changes::diff_text(&d, "current", "plan"),
                }
            }
            Err(message) => return fail(&message),
        }
    } else {
        match args.format {
            Format::Json => render::json(&doc.program, &plan),
            Format::Text => render::text(&doc.program, &plan),
        }
    };
    if write_stdout(output.as_bytes()) == Outcome::Failed {
        return Outcome::Failed;
    }
    if args.write && !plan.changes.is_empty() {
        if let Err(message) = place::apply(&mut doc, &plan) {
            return fail(&message.to_string());
        }
        match save::save(&mut doc, &mut disk, false) {
            Ok(saved) => {
                for path in saved.written {
                    write_stderr(&format!("wrote {}\n", path.display()));
                }
            }
            Err(e) => return fail(&format!("the plan was not saved: {e}")),
        }
    }
    if !plan.unplaced.is_empty() || (args.repair && plan.after.conflicts > 0) {
        Outcome::Findings
    } else {
        Outcome::Clean
    }
}
