//! `agora [PATH]`, `agora edit PATH` and `agora keys`: open the terminal editor, or — when
//! standard output is not a terminal — print the text agenda and the check summary, so
//! `agora event.toml | less` and scripts still get something useful.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

use super::check::input_failure;
use super::{default_event, stdout_color, write_stderr, write_stdout, ColorChoice, Outcome};
use crate::export;
use crate::model::Program;
use crate::report;
use crate::rules::{check, wording, Schedule, Summary};
use crate::save;
use crate::tui::keymap::Keymap;
use crate::tui::runner;

/// `agora keys`.
pub(super) fn keys() -> Outcome {
    write_stdout(Keymap::text().as_bytes())
}

/// Events directly under `dir`: `.toml` files and directories holding some.
fn events_in(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| {
                    let hidden = p
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    let toml_file = p.is_file() && p.extension().is_some_and(|x| x == "toml");
                    let event_dir = p.is_dir()
                        && std::fs::read_dir(p).is_ok_and(|mut d| {
                            d.any(|e| {
                                e.is_ok_and(|e| e.path().extension().is_some_and(|x| x == "toml"))
                            })
                        });
                    !hidden && (toml_file || event_dir)
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

/// The event to open when none is given: the only one under ./events/, or the organiser's
/// choice among several (asked on the terminal).
fn choose_event() -> Result<PathBuf, String> {
    let dir = Path::new("events");
    if let Ok(path) = default_event(dir) {
        return Ok(path);
    }
    let found = events_in(dir);
    match found.len() {
        0 => default_event(dir),
        1 => Ok(found[0].clone()),
        _ if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() => {
            let mut menu = String::from("Several events in ./events/:\n");
            for (i, p) in found.iter().enumerate() {
                menu.push_str(&format!("  {}) {}\n", i + 1, p.display()));
            }
            menu.push_str(&format!("Open which one? [1-{}] ", found.len()));
            write_stderr(&menu);
            let _ = std::io::stderr().flush();
            let mut answer = String::new();
            std::io::stdin()
                .lock()
                .read_line(&mut answer)
                .map_err(|e| format!("cannot read the answer: {e}"))?;
            match answer.trim().parse::<usize>() {
                Ok(n) if (1..=found.len()).contains(&n) => Ok(found[n - 1].clone()),
                _ => Err(format!(
                    "`{}` is not one of 1 to {}: run `agora PATH` with the event to open",
                    answer.trim(),
                    found.len()
                )),
            }
        }
        _ => Err(format!(
            "no event given and several in `events`: run `agora PATH` with one of\n{}",
            found
                .iter()
                .map(|p| format!("  {}", p.display()))
                .collect::<Vec<_>>()
                .join("\n")
        )),
    }
}

/// `agora [PATH]` / `agora edit PATH`.
pub(super) fn run(path: Option<PathBuf>, color: ColorChoice) -> Outcome {
    let path = match path {
        Some(p) => p,
        None => match choose_event() {
            Ok(p) => p,
            Err(message) => {
                write_stderr(&format!("error: {message}\n"));
                return Outcome::Failed;
            }
        },
    };
    let (doc, disk) = match save::open(&path) {
        Ok(opened) => opened,
        Err(failure) => return input_failure(&failure, color),
    };
    if !runner::interactive() {
        let diagnostics = check(&doc.program);
        let mut out = text_agenda(&doc.program).unwrap_or_else(|_| plain_agenda(&doc.program));
        out.push('\n');
        out.push_str(&report::text::summary(&doc.program, &diagnostics));
        out.push('\n');
        if write_stdout(out.as_bytes()) == Outcome::Failed {
            return Outcome::Failed;
        }
        return if Summary::of(&diagnostics).errors > 0 {
            Outcome::Findings
        } else {
            Outcome::Clean
        };
    }
    let theme_color = color_for_terminal(color);
    let (ok, message) = runner::run(doc, disk, theme_color);
    if !message.is_empty() {
        write_stderr(&format!("{message}\n"));
    }
    if ok {
        Outcome::Clean
    } else {
        Outcome::Failed
    }
}

fn color_for_terminal(color: ColorChoice) -> bool {
    stdout_color(color)
}

/// The text agenda export (72 columns, in the event's language), shown when output is not a
/// terminal. `SOURCE_DATE_EPOCH` is honoured as by `agora export`.
fn text_agenda(program: &Program) -> Result<String, String> {
    let stamp = export::deliver::stamp_of_this_run().map_err(|e| e.to_string())?;
    let options = export::Options {
        utc: false,
        stamp,
        template: None,
        changes: None,
        ..export::Options::default()
    };
    let files = export::export(
        program,
        &[export::Format::Text],
        &export::Selection::default(),
        None,
        &options,
    )
    .map_err(|e| e.to_string())?;
    let file = files.into_iter().find(|f| f.main).ok_or("no agenda")?;
    Ok(file.bytes.into_string())
}

/// The program in time order, one line a session: a fallback should the text agenda export
/// fail.
pub fn plain_agenda(program: &Program) -> String {
    let schedule = Schedule::new(program);
    let tz = program.event.timezone;
    let mut out = format!(
        "{} — {} to {}{}\n",
        program.event.name,
        program.event.start,
        program.event.end,
        program
            .event
            .venue
            .as_ref()
            .map(|v| format!(", {v}"))
            .unwrap_or_default()
    );
    let mut order: Vec<usize> = (0..program.sessions.len()).collect();
    order.sort_by_key(|&i| {
        (
            schedule.sessions[i].slot().map(|s| s.0).unwrap_or(i64::MAX),
            schedule.sessions[i].room.unwrap_or(usize::MAX),
            i,
        )
    });
    let mut day = String::new();
    let mut unplaced = Vec::new();
    for i in order {
        let s = &program.sessions[i];
        let facts = &schedule.sessions[i];
        let Some((start, end)) = facts.slot() else {
            unplaced.push(i);
            continue;
        };
        let d = wording::full_day(tz, start);
        if d != day {
            out.push_str(&format!("\n{d}\n"));
            day = d;
        }
        let room = facts
            .room
            .map(|r| program.rooms[r].name.as_str())
            .unwrap_or("all rooms");
        let people: Vec<&str> = facts
            .people
            .iter()
            .map(|&p| program.speakers[p].name.as_str())
            .collect();
        let mut line = format!("  {}  {room} — {}", wording::span(tz, start, end), s.title);
        if !people.is_empty() {
            line.push_str(&format!(" ({})", people.join(", ")));
        }
        if s.status != crate::model::Status::Confirmed {
            line.push_str(&format!(" [{}]", s.status.as_str()));
        }
        out.push_str(&line);
        out.push('\n');
    }
    if !unplaced.is_empty() {
        out.push_str("\nNot scheduled\n");
        for i in unplaced {
            let s = &program.sessions[i];
            out.push_str(&format!("  {} [{}]\n", s.title, s.status.as_str()));
        }
    }
    out
}
