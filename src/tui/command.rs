//! The `:` command line: parsing what was typed into a [`Command`], with a clear message for
//! anything it does not understand.

use chrono::NaiveTime;

use super::form::{parse_minutes, parse_time};
use super::grid::STEPS;
use crate::edit::Referenced;

/// A parsed command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `:w` — save.
    Write,
    /// `:q` — quit (refused with unsaved edits).
    Quit,
    /// `:q!` — quit, dropping unsaved edits.
    ForceQuit,
    /// `:wq` / `:x` — save and quit.
    WriteQuit,
    /// `:e!` — reload from disk, dropping unsaved edits.
    Reload,
    /// `:edit` — the selected session's description in `$VISUAL` / `$EDITOR`.
    EditDescription,
    /// `:rooms` — choose the rooms the grid shows in a picker; `:rooms all`; `:rooms ID|NAME…`
    /// shows only those.
    Rooms(Vec<String>),
    /// `:width N` — the grid's columns at least N cells wide (`:width` alone: the default).
    Width(Option<u16>),
    /// `:export FORMAT [PATH] [--picks]`.
    Export {
        format: String,
        path: Option<String>,
        picks: bool,
    },
    /// `:goto 14:00` — the grid cursor to that time of the shown day.
    Goto(NaiveTime),
    /// `:day 2` — show the n-th day (1-based).
    Day(usize),
    /// `:step 15` — the grid step in minutes.
    Step(i64),
    /// `:room NAME [CAPACITY]` — add a room.
    Room { name: String, capacity: Option<u64> },
    /// `:speaker NAME` — add a speaker.
    Speaker(String),
    /// `:track NAME` — add a track.
    Track(String),
    /// `:edit-room ID|NAME`, `:edit-speaker …`, `:edit-track …` — the item's form.
    EditItem { kind: Referenced, what: String },
    /// `:delete-room ID|NAME`, `:delete-speaker …`, `:delete-track …`.
    DeleteItem { kind: Referenced, what: String },
    /// `:filter` — open the agenda filter picker; with arguments (`track=data room=amphi,rhone
    /// picks conflicts`), set the filters.
    Filter(Vec<(String, String)>),
    /// `:nofilter` — clear the agenda filters.
    NoFilter,
    /// `:help` — the key help.
    Help,
    /// `:release NAME [COMMENT]` — freeze the saved program as a release.
    Release {
        name: String,
        comment: Option<String>,
    },
    /// `:diff` — what changed since the last release: the agenda filtered to it.
    Diff,
    /// `:messages` — the last messages in full.
    Messages,
    /// `:wq!` — save, writing over files changed on disk, and quit.
    WriteQuitForce,
    /// `:w!` — save even a read-only file or in a read-only session, writing over files
    /// changed on disk.
    WriteForce,
    /// `:e` — read the event again from disk; refused with unsaved edits (`:e!` drops them).
    Edit,
}

/// Parse a command line (without the leading `:`).
pub fn parse(line: &str) -> Result<Command, String> {
    let line = line.trim();
    let (name, rest) = match line.split_once(char::is_whitespace) {
        Some((n, r)) => (n, r.trim()),
        None => (line, ""),
    };
    let no_args = |c: Command| {
        if rest.is_empty() {
            Ok(c)
        } else {
            Err(crate::tui::words::format(
                "cmd_no_argument",
                &[("name", name)],
            ))
        }
    };
    match name {
        "w" | "write" => no_args(Command::Write),
        "w!" | "write!" => no_args(Command::WriteForce),
        // One event per editor: the `a` ("all") forms are the same commands, as vim users type them.
        "q" | "quit" | "qa" | "qall" | "quitall" => no_args(Command::Quit),
        "q!" | "quit!" | "qa!" | "qall!" | "quitall!" => no_args(Command::ForceQuit),
        "wq" | "x" | "xit" | "wqa" | "wqall" | "xa" | "xall" => no_args(Command::WriteQuit),
        "e" => no_args(Command::Edit),
        "e!" | "edit!" | "reload" => no_args(Command::Reload),
        "help" | "h" => Ok(Command::Help),
        "messages" | "mes" => no_args(Command::Messages),
        "wq!" | "x!" => no_args(Command::WriteQuitForce),
        "filter" => {
            let mut out = Vec::new();
            for word in rest.split_whitespace() {
                match word.split_once('=') {
                    Some((key, values)) => {
                        for v in values.split(',').filter(|v| !v.is_empty()) {
                            out.push((key.to_lowercase(), v.to_string()));
                        }
                    }
                    None => out.push((word.to_lowercase(), String::new())),
                }
            }
            Ok(Command::Filter(out))
        }
        "nofilter" | "nofilters" => no_args(Command::NoFilter),
        "rooms" => Ok(Command::Rooms(
            rest.split_whitespace().map(str::to_string).collect(),
        )),
        "export" => {
            let mut format = None;
            let mut path = None;
            let mut picks = false;
            for word in rest.split_whitespace() {
                if word == "--picks" {
                    picks = true;
                } else if format.is_none() {
                    format = Some(word.to_lowercase());
                } else if path.is_none() {
                    path = Some(word.to_string());
                } else {
                    return Err(crate::tui::words::format(
                        "cmd_export_unexpected",
                        &[("word", word)],
                    ));
                }
            }
            // The formats are the exports' own list, so every format `agora export` knows
            // works here too.
            let names = || {
                crate::export::Format::target_names()
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let Some(format) = format else {
                return Err(crate::tui::words::format(
                    "cmd_export_give",
                    &[("formats", &names())],
                ));
            };
            if crate::export::Format::parse_target(&format).is_none() {
                return Err(crate::tui::words::format(
                    "cmd_export_unknown",
                    &[("format", &format), ("formats", &names())],
                ));
            }
            Ok(Command::Export {
                format,
                path,
                picks,
            })
        }
        "edit" if rest.is_empty() => Ok(Command::EditDescription),
        "width" if rest.is_empty() => Ok(Command::Width(None)),
        "width" => match rest.parse::<u16>() {
            Ok(n) if (crate::tui::layout::MIN_COLUMN..=200).contains(&n) => {
                Ok(Command::Width(Some(n)))
            }
            _ => Err(crate::tui::words::format(
                "cmd_bad_width",
                &[
                    ("value", rest),
                    ("min", &crate::tui::layout::MIN_COLUMN.to_string()),
                ],
            )),
        },
        "goto" | "g" => parse_time(rest)
            .map(Command::Goto)
            .ok_or_else(|| crate::tui::words::format("cmd_bad_time", &[("value", rest)])),
        "day" | "d" => match rest.parse::<usize>() {
            Ok(n) if n >= 1 => Ok(Command::Day(n)),
            _ => Err(crate::tui::words::format("cmd_bad_day", &[("value", rest)])),
        },
        "step" | "zoom" => match parse_minutes(rest) {
            Some(m) if STEPS.contains(&m) => Ok(Command::Step(m)),
            _ => Err(crate::tui::words::format(
                "cmd_bad_step",
                &[
                    ("value", rest),
                    ("steps", &STEPS.map(|s| s.to_string()).join(", ")),
                ],
            )),
        },
        "track" if rest.is_empty() => Err(crate::tui::words::word("cmd_track_name").into()),
        "track" => Ok(Command::Track(rest.to_string())),
        "edit-room" | "edit-speaker" | "edit-track" | "delete-room" | "delete-speaker"
        | "delete-track" => {
            let (verb, noun) = name.split_once('-').unwrap_or((name, ""));
            let kind = match noun {
                "room" => Referenced::Room,
                "speaker" => Referenced::Speaker,
                _ => Referenced::Track,
            };
            if rest.is_empty() {
                let example = match kind {
                    Referenced::Room => "salle-rhone",
                    Referenced::Speaker => "marie-lefevre",
                    Referenced::Track => "donnees",
                };
                return Err(crate::tui::words::format(
                    "cmd_item_name",
                    &[
                        ("kind", kind.noun()),
                        ("command", name),
                        ("example", example),
                    ],
                ));
            }
            let what = rest.to_string();
            Ok(if verb == "edit" {
                Command::EditItem { kind, what }
            } else {
                Command::DeleteItem { kind, what }
            })
        }
        "room" => {
            let mut words: Vec<&str> = rest.split_whitespace().collect();
            let capacity = match words.last().map(|w| w.parse::<u64>()) {
                Some(Ok(n)) if words.len() > 1 && (1..=crate::model::MAX_COUNT).contains(&n) => {
                    words.pop();
                    Some(n)
                }
                _ => None,
            };
            let name = words.join(" ");
            if name.is_empty() {
                Err(crate::tui::words::word("cmd_room_name").into())
            } else {
                Ok(Command::Room { name, capacity })
            }
        }
        "speaker" => {
            if rest.is_empty() {
                Err(crate::tui::words::word("cmd_speaker_name").into())
            } else {
                Ok(Command::Speaker(rest.to_string()))
            }
        }
        "diff" | "changes" => no_args(Command::Diff),
        "release" => {
            let (name, comment) = match rest.split_once(char::is_whitespace) {
                Some((n, c)) => (n, Some(c.trim().to_string()).filter(|c| !c.is_empty())),
                None => (rest, None),
            };
            if name.is_empty() {
                Err(crate::tui::words::word("cmd_release_name").into())
            } else {
                Ok(Command::Release {
                    name: name.to_string(),
                    comment,
                })
            }
        }
        "" => Err(crate::tui::words::word("cmd_empty").into()),
        other => Err(crate::tui::words::format("cmd_unknown", &[("name", other)])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_parse_and_explain_mistakes() {
        assert_eq!(parse("w"), Ok(Command::Write));
        assert_eq!(parse(" wq "), Ok(Command::WriteQuit));
        assert_eq!(parse("q!"), Ok(Command::ForceQuit));
        assert_eq!(
            parse("goto 14:30"),
            Ok(Command::Goto(NaiveTime::from_hms_opt(14, 30, 0).unwrap()))
        );
        assert_eq!(parse("day 2"), Ok(Command::Day(2)));
        assert!(parse("day 0").unwrap_err().contains("day number"));
        assert_eq!(
            parse("export ics out/cal.ics --picks"),
            Ok(Command::Export {
                format: "ics".into(),
                path: Some("out/cal.ics".into()),
                picks: true
            })
        );
        assert!(parse("export pdf")
            .unwrap_err()
            .contains("unknown export format"));
        // Every format of the exports' list, frab ones included.
        for name in crate::export::Format::target_names() {
            assert!(
                matches!(parse(&format!("export {name}")), Ok(Command::Export { format, .. }) if format == name),
                "{name}"
            );
        }
        assert!(parse("export")
            .unwrap_err()
            .contains("frab-xml, frab-json, signage, all"));
        assert_eq!(
            parse("room Salle Rhône 160"),
            Ok(Command::Room {
                name: "Salle Rhône".into(),
                capacity: Some(160)
            })
        );
        assert_eq!(parse("step 30"), Ok(Command::Step(30)));
        assert!(parse("frobnicate").unwrap_err().contains("unknown command"));
        assert!(parse("w now").unwrap_err().contains("no argument"));
        assert_eq!(
            parse("release v2 After the answers"),
            Ok(Command::Release {
                name: "v2".into(),
                comment: Some("After the answers".into())
            })
        );
        assert_eq!(
            parse("release v2"),
            Ok(Command::Release {
                name: "v2".into(),
                comment: None
            })
        );
        assert!(parse("release").unwrap_err().contains("release's name"));
        assert_eq!(parse("diff"), Ok(Command::Diff));
    }
}
