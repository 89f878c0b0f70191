//! The command line: arguments (clap) and one module per command.
//!
//! Commands return an [`Outcome`]; `main` only maps it to the process exit code.

mod check;
mod edit;
mod export;
mod import;
mod merge;
mod place;
mod release;
mod signage;

pub use edit::plain_agenda;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// How a command ended, as an exit code: 0, 1 or 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Done, nothing at error level.
    Clean,
    /// Done, and something at error level was found (or a warning under `--deny warnings`).
    Findings,
    /// The input could not be read, or the command line is wrong.
    Failed,
}

impl Outcome {
    pub fn exit_code(self) -> u8 {
        match self {
            Outcome::Clean => 0,
            Outcome::Findings => 1,
            Outcome::Failed => 2,
        }
    }
}

const EXAMPLES: &str = "\
Examples:
  agora events/forum-interconnectes-2017.toml   # open the editor
  agora check events/forum-interconnectes-2017.toml
  agora check events/examples/split/ --format json
  agora check my-event.toml --deny warnings     # fail CI on warnings too
  agora export all events/forum-interconnectes-2017.toml
  agora place my-event.toml --write             # place the backlog, save the plan
  agora completions bash > /etc/bash_completion.d/agora
  agora man > agora.1";

/// agora: the program of a conference or forum, kept as TOML — checked, edited and published.
#[derive(Debug, Parser)]
#[command(name = "agora", version, about, after_help = EXAMPLES)]
pub struct Cli {
    /// When to use colours: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, global = true)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Option<Command>,

    /// The event to open: a .toml file or a directory (default: the only event in ./events/).
    pub path: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check an event for scheduling conflicts, as compiler-style diagnostics or JSON.
    #[command(
        after_help = "Exit status: 0 when nothing at error level was found, 1 when something was \
(or a warning with --deny warnings), 2 when the event could not be read."
    )]
    Check(CheckArgs),
    /// Export the program: iCalendar, HTML agenda, Markdown, text, CSV, JSON, or all of them.
    Export(Box<export::ExportArgs>),
    /// Import a program from a frab/pentabarf schedule.xml or a frab/C3VOC schedule.json (pretalx, frab).
    Import(import::ImportArgs),
    /// Freeze the current program as a named release (see docs/releases.md).
    Release(release::ReleaseArgs),
    /// List an event's releases, with what each changed.
    Releases(release::ReleasesArgs),
    /// What changed between two releases, a release and the working copy, or two schedules.
    Diff(release::DiffArgs),
    /// Show what is on now and next in each room: a full-screen display for the screens beside the doors.
    Signage(signage::SignageArgs),
    /// Place unscheduled sessions (or repair conflicts) under every rule, and print the plan.
    Place(place::PlaceArgs),
    /// Write a deterministic, realistic program of any size (for benchmarks and demos).
    Generate(GenerateArgs),
    /// Merge three versions of an event file item by item (a git merge driver).
    #[command(after_help = "\
Items (sessions, rooms, speakers, tracks, [event], [checks]) changed on one side only are merged
silently, keeping theirs' comments and layout; an item changed on both sides is a conflict: ours is
kept, with theirs in a comment starting with `# <<<<<<<` above it.

As a git merge driver, in .git/config (or ~/.gitconfig):
  [merge \"agora\"]
      name = agora per-item merge of event files
      driver = agora merge %O %A %B
and in .gitattributes:
  events/**/*.toml merge=agora

Exit status: 0 merged cleanly, 1 merged with conflicts (the file needs a look), 2 a version could not
be read (the file is left as it was).")]
    Merge(merge::MergeArgs),
    /// Print a shell completion script.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    Man,
    /// Open an event in the terminal editor (same as `agora PATH`).
    Edit {
        /// The event: a .toml file or a directory of them.
        path: PathBuf,
    },
    /// Print the editor's keys.
    Keys,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Also fail (exit 1) on warnings.
    #[arg(long, value_enum)]
    pub deny: Option<Deny>,
    /// Print at most N diagnostics (the JSON lists one per pair, the text groups many sessions
    /// overlapping at once into one); the summary still counts them all.
    #[arg(long, value_name = "N", default_value_t = crate::rules::DEFAULT_MAX_DIAGNOSTICS)]
    pub max_diagnostics: usize,
}

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Number of sessions (besides the opening and the daily lunch breaks).
    #[arg(long, default_value_t = 1000)]
    pub sessions: usize,
    /// Number of rooms (each with its own track).
    #[arg(long, default_value_t = 20)]
    pub rooms: usize,
    /// Number of speakers.
    #[arg(long, default_value_t = 600)]
    pub speakers: usize,
    /// Number of days.
    #[arg(long, default_value_t = 2)]
    pub days: usize,
    /// Share of sessions given a planted conflict, from 0 to 1.
    #[arg(long, default_value_t = 0.0)]
    pub conflict_rate: f64,
    /// Seed: the same options and seed give the same file.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Where to write the program (`-` for standard output).
    #[arg(short, long)]
    pub output: PathBuf,
    /// Replace the output file if it already exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour a stream that is (or is not) a terminal.
    pub fn enabled(self, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                is_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }
}

/// Run the parsed command line.
pub fn run(cli: Cli) -> Outcome {
    let color = cli.color;
    match cli.command {
        Some(Command::Check(args)) => check::run(&args, color),
        Some(Command::Export(args)) => export::run(&args, color),
        Some(Command::Import(args)) => import::run(&args),
        Some(Command::Signage(args)) => signage::run(&args, color),
        Some(Command::Place(args)) => place::run(&args, color),
        Some(Command::Generate(args)) => generate(&args),
        Some(Command::Merge(args)) => merge::run(&args),
        Some(Command::Release(args)) => release::release(&args, color),
        Some(Command::Releases(args)) => release::releases(&args, color),
        Some(Command::Diff(args)) => release::diff_command(&args, color),
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "agora", &mut out);
            write_stdout(&out)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut out) {
                Ok(()) => write_stdout(&out),
                Err(e) => fail(&format!("cannot render the manual page: {e}")),
            }
        }
        Some(Command::Edit { path }) => edit::run(Some(path), color),
        Some(Command::Keys) => edit::keys(),
        None => edit::run(cli.path, color),
    }
}

fn generate(args: &GenerateArgs) -> Outcome {
    let options = crate::generate::Options {
        sessions: args.sessions,
        rooms: args.rooms,
        speakers: args.speakers,
        days: args.days,
        conflict_rate: args.conflict_rate,
        seed: args.seed,
    };
    if let Err(e) = options.check() {
        return fail(&e.to_string());
    }
    let to_stdout = args.output.as_os_str() == "-";
    if !to_stdout {
        if let Err(message) = refuse_existing(&args.output, args.force) {
            return fail(&message);
        }
    }
    let text = crate::generate::generate(&options);
    if to_stdout {
        return write_stdout(text.as_bytes());
    }
    // A generated output: the path itself is replaced, atomically (a crash or a full disk
    // leaves the old file), and a symlink there is replaced, not followed.
    match crate::save::replace_atomic(&args.output, text.as_bytes()) {
        Ok(()) => Outcome::Clean,
        Err(e) => fail(&format!("cannot write `{}`: {e}", args.output.display())),
    }
}

/// The rule of every command that writes a file: an existing target (a file, a folder, a
/// symlink, even a dangling one) is replaced only with `--force`, and a folder never.
pub(crate) fn refuse_existing(path: &Path, force: bool) -> Result<(), String> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let shown = path.display();
    if meta.is_dir() {
        return Err(format!("`{shown}` is a folder: give the path of a file"));
    }
    if !force {
        let what = if meta.file_type().is_symlink() {
            "a symbolic link"
        } else {
            "a file"
        };
        return Err(format!(
            "`{shown}` already exists ({what}): give another name, or --force to replace it"
        ));
    }
    Ok(())
}

/// The only event file directly under `dir`.
pub fn default_event(dir: &Path) -> Result<PathBuf, String> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("no event given and cannot read `{}`: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(format!(
            "no event given and no .toml file in `{}`: run `agora PATH`",
            dir.display()
        )),
        _ => Err(format!(
            "no event given and several in `{}`: run `agora PATH` with one of\n{}",
            dir.display(),
            found
                .iter()
                .map(|p| format!("  {}", p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// Write to stdout; a closed pipe (`agora check … | head`) is not an error.
pub(crate) fn write_stdout(bytes: &[u8]) -> Outcome {
    write_stdout_pieces(&[bytes])
}

/// [`write_stdout`] of a text in pieces, one after the other.
pub(crate) fn write_stdout_pieces(pieces: &[&[u8]]) -> Outcome {
    let mut out = std::io::stdout().lock();
    let written = pieces.iter().try_for_each(|piece| out.write_all(piece));
    match written.and_then(|()| out.flush()) {
        Ok(()) => Outcome::Clean,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Outcome::Clean,
        Err(e) => fail(&format!("cannot write the output: {e}")),
    }
}

pub(crate) fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

pub(crate) fn stderr_color(choice: ColorChoice) -> bool {
    choice.enabled(std::io::stderr().is_terminal())
}

pub(crate) fn stdout_color(choice: ColorChoice) -> bool {
    choice.enabled(std::io::stdout().is_terminal())
}

fn fail(message: &str) -> Outcome {
    write_stderr(&format!("error: {message}\n"));
    Outcome::Failed
}
