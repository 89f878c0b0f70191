//! `agora import FILE -o OUT.toml|DIR/|-`: a program from a frab/pentabarf `schedule.xml` or
//! a frab/C3VOC `schedule.json` (what pretalx and frab export), written as agora TOML.
//!
//! The mapping is the core's (`crate::import`); this command reads the file, checks
//! that what it is about to write loads without an input error, writes it atomically (never
//! over an existing file unless `--force`, never into a non-empty directory) and says on
//! stderr what was imported, what was left out and why.

use std::fs;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{write_stderr, write_stdout, Outcome};
use crate::import::toml_out::{render, Layout};
use crate::import::{decode, import, Imported};
use crate::load::{load_str, read_input};
use crate::model::Status;
use crate::report::text::printable;
use crate::rules::{check, Summary};

#[derive(Debug, Args)]
#[command(after_help = "Examples:
  agora import schedule.xml -o events/fosdem-2024.toml
  agora import schedule.json -o events/36c3/      # one file per day
  agora import schedule.xml -o - | less

Exit status: 0 when imported (conflicts found by `agora check` do not count), 2 when the file \
could not be read or the output could not be written.")]
pub struct ImportArgs {
    /// The schedule: a frab/pentabarf schedule.xml or a frab/C3VOC schedule.json (pretalx and
    /// frab export both); the format is recognised from the content.
    pub file: PathBuf,
    /// Where to write the event: a .toml file, a directory (ending in /) for one file per day,
    /// or - for standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: PathBuf,
    /// Replace the output file if it already exists.
    #[arg(long)]
    pub force: bool,
}

pub(super) fn run(args: &ImportArgs) -> Outcome {
    match run_inner(args) {
        Ok(outcome) => outcome,
        Err(message) => {
            // Messages quote the schedule's text: cleaned for the terminal.
            write_stderr(&format!("error: {}\n", printable(&message)));
            Outcome::Failed
        }
    }
}

/// Read and import the schedule at `file` (also `agora diff OLD.xml NEW.xml`).
pub(super) fn read_schedule(file: &Path) -> Result<Imported, String> {
    let shown = file.display();
    let bytes = read_input(file, "the schedule").map_err(|e| e.to_string())?;
    let text = decode(bytes).map_err(|offset| {
        format!(
            "`{shown}` is not UTF-8 text (invalid byte at offset {offset}); convert it first, \
             e.g. `iconv -f ISO-8859-1 -t UTF-8`"
        )
    })?;
    // Messages quote the file's titles and names: shown cleaned of terminal controls.
    import(&text).map_err(|e| {
        let message = crate::report::text::printable(&e.message);
        match (e.line, e.column) {
            (Some(line), Some(column)) => format!("{shown}:{line}:{column}: {message}"),
            _ => format!("{shown}: {message}"),
        }
    })
}

/// A schedule imported as a program, as `agora import FILE -o -` would load it.
pub(super) fn schedule_program(file: &Path) -> Result<crate::model::Program, String> {
    let imported = read_schedule(file)?;
    let source_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.display().to_string());
    let files = render(&imported, &source_name, Layout::File);
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    load_str(file, &all).map_err(|failure| {
        let problems: Vec<String> = failure.errors.iter().map(|e| e.message.clone()).collect();
        format!(
            "`{}` imports to a program that does not load (this is a bug in agora, please report it): {}",
            file.display(),
            problems.join("; ")
        )
    })
}

fn run_inner(args: &ImportArgs) -> Result<Outcome, String> {
    let file = &args.file;
    let shown = file.display();
    let imported = read_schedule(file)?;

    let to_stdout = args.output.as_os_str() == "-";
    let layout = if !to_stdout
        && (args.output.is_dir() || args.output.to_string_lossy().ends_with(['/', '\\']))
    {
        Layout::Directory
    } else {
        Layout::File
    };
    if layout == Layout::File && !to_stdout && args.output.extension().is_none_or(|x| x != "toml") {
        return Err(format!(
            "`{}` does not end in .toml: give a .toml file, a directory ending in /, or - for standard output",
            args.output.display()
        ));
    }
    let source_name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| shown.to_string());
    let files = render(&imported, &source_name, layout);

    // What is written must load: check it before touching the disk.
    let all: String = files.iter().map(|(_, text)| text.as_str()).collect();
    let program = load_str(&args.output, &all).map_err(|failure| {
        let problems: Vec<String> = failure.errors.iter().map(|e| e.message.clone()).collect();
        format!(
            "the imported program does not load (this is a bug in agora, please report it): {}",
            problems.join("; ")
        )
    })?;

    if to_stdout {
        if let Some((_, text)) = files.first() {
            if write_stdout(text.as_bytes()) == Outcome::Failed {
                return Ok(Outcome::Failed);
            }
        }
    } else {
        match layout {
            Layout::File => {
                super::refuse_existing(&args.output, args.force)?;
                let text = files.first().map(|(_, t)| t.as_str()).unwrap_or("");
                write_atomic(&args.output, text)?;
            }
            Layout::Directory => {
                let dir = &args.output;
                if let Some(file) = crate::export::paths::file_in_the_way(dir) {
                    return Err(format!(
                        "`{}` is a file, not a folder: give a new or empty directory (ending in /)",
                        file.display()
                    ));
                }
                if dir.is_dir() {
                    let mut entries = fs::read_dir(dir)
                        .map_err(|e| format!("cannot read `{}`: {e}", dir.display()))?;
                    if entries.next().is_some() {
                        return Err(format!(
                            "`{}` is not empty: import into a new or empty directory (an event directory \
                             merges every .toml file in it)",
                            dir.display()
                        ));
                    }
                }
                // Written whole into a temp folder beside it, then renamed: a full disk leaves
                // no partial event, and running the import again works.
                let list: Vec<(PathBuf, &[u8])> = files
                    .iter()
                    .map(|(relative, text)| (PathBuf::from(relative), text.as_bytes()))
                    .collect();
                crate::save::replace_folder_atomic(dir, &list)
                    .map_err(|e| format!("cannot write `{}`: {e}", dir.display()))?;
            }
        }
    }

    // Titles and names are untrusted: every line goes through the terminal-cleaning function.
    let said = summary(&imported, args, &source_name, &program);
    let cleaned: String = said
        .lines()
        .map(|line| format!("{}\n", printable(line)))
        .collect();
    write_stderr(&cleaned);
    Ok(Outcome::Clean)
}

fn summary(
    imported: &Imported,
    args: &ImportArgs,
    source_name: &str,
    program: &crate::model::Program,
) -> String {
    let e = &imported.event;
    let unscheduled = imported
        .sessions
        .iter()
        .filter(|s| s.start.is_none())
        .count();
    let cancelled = imported
        .sessions
        .iter()
        .filter(|s| s.status == Status::Cancelled)
        .count();
    let mut out = format!(
        "imported {} from {} ({}{})\n",
        e.name,
        source_name,
        imported.shape.describe(),
        imported
            .generator
            .as_deref()
            .map(|g| format!(", generated by {g}"))
            .unwrap_or_default()
    );
    out.push_str(&format!(
        "  {} sessions ({unscheduled} unscheduled, {cancelled} cancelled), {} rooms, {} speakers, {} tracks\n",
        imported.sessions.len(),
        imported.rooms.len(),
        imported.speakers.len(),
        imported.tracks.len()
    ));
    out.push_str(&format!(
        "  {} to {}, times in {}{}\n",
        e.start,
        e.end,
        e.timezone.name(),
        if e.timezone_guessed { " (deduced)" } else { "" }
    ));
    if args.output.as_os_str() != "-" {
        out.push_str(&format!("  wrote {}\n", args.output.display()));
    }
    if !imported.notes.is_empty() {
        out.push_str("left out or changed:\n");
        for note in &imported.notes {
            out.push_str(&format!("  - {note}\n"));
        }
    }
    let diagnostics = check(program);
    let s = Summary::of(&diagnostics);
    let see = if args.output.as_os_str() == "-" {
        // Nothing was written: name a file the user can create, not one that does not exist.
        format!(
            ": import with -o {}.toml, then run `agora check {}.toml` to see them",
            e.id, e.id
        )
    } else {
        format!(": run `agora check {}` to see them", args.output.display())
    };
    out.push_str(&format!(
        "check: {} error(s), {} warning(s), {} info(s) in the imported program{}\n",
        s.errors,
        s.warnings,
        s.infos,
        if s.errors + s.warnings + s.infos > 0 {
            see.as_str()
        } else {
            ""
        }
    ));
    out
}

/// Write through the one atomic writer: a crash leaves the old file or the new one.
fn write_atomic(path: &Path, text: &str) -> Result<(), String> {
    crate::save::replace_atomic(path, text.as_bytes())
        .map_err(|e| format!("cannot write `{}`: {e}", path.display()))
}
