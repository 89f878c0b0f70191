//! `agora export FORMAT PATH [-o OUT]`: write the program as iCalendar, HTML, Markdown, text,
//! CSV or JSON (or `all` of them) into `exports/<event-id>/`, a folder or file given with
//! `-o`, or stdout with `-o -`.
//!
//! A program with error-level conflicts is still exported (organisers publish drafts), with a
//! warning on stderr; `--strict` refuses instead (exit 1). Bad input, an unknown filter value
//! or a template error exit 2. The exporting itself is `crate::export`; this module reads the
//! event, the template and `SOURCE_DATE_EPOCH`, and writes the files.

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, ValueEnum};

use super::check::input_failure;
use super::{stderr_color, write_stderr, write_stdout_pieces, ColorChoice, Outcome};
use crate::export::deliver::{deliver, Destination, StreamError};
use crate::export::{self, ExportError, Format, Options, Selection, Split};
use crate::load::load_path;
use crate::report;
use crate::rules::{check_schedule, Summary};

/// The formats to write: one, or every format for `all` (the exports' own list, see
/// [`Format::parse_target`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target(pub Vec<Format>);

impl Target {
    fn formats(&self) -> Vec<Format> {
        self.0.clone()
    }

    fn one(&self) -> Option<Format> {
        match self.0[..] {
            [f] => Some(f),
            _ => None,
        }
    }
}

fn target_parser() -> impl TypedValueParser<Value = Target> {
    let values: Vec<PossibleValue> = Format::target_names()
        .map(|name| match Format::parse(name) {
            Some(f) => PossibleValue::new(name).help(f.summary()),
            None => {
                PossibleValue::new(name).help("every format above except signage, into one folder")
            }
        })
        .collect();
    PossibleValuesParser::new(values).map(|name: String| {
        Target(Format::parse_target(&name).unwrap_or_else(|| Format::ALL.to_vec()))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SplitArg {
    /// One file per room.
    Rooms,
    /// One file per speaker or moderator: their personal schedule.
    Speakers,
    /// One file per track.
    Tracks,
    /// One file per scheduled session ("add to calendar").
    Sessions,
}

impl From<SplitArg> for Split {
    fn from(s: SplitArg) -> Split {
        match s {
            SplitArg::Rooms => Split::Rooms,
            SplitArg::Speakers => Split::Speakers,
            SplitArg::Tracks => Split::Tracks,
            SplitArg::Sessions => Split::Sessions,
        }
    }
}

const AFTER: &str = "\
Output: by default every file goes into exports/<event-id>/ (index.html, <event-id>.ics, \
<event-id>.md, …; the HTML agenda also writes <event-id>.ics and sessions/<id>.ics beside it). \
-o DIR writes into DIR; for a one-file format, -o FILE.<ext> names the file; -o - prints it.
Selection: values of one flag are alternatives, different flags must all match. --split writes \
<rooms|speakers|tracks|sessions>/<id>.<ext> (HTML: <…>/<id>/index.html).
Timestamps: SOURCE_DATE_EPOCH (seconds) pins DTSTAMP, so identical input gives identical files.
Exit status: 0 exported; 1 refused by --strict; 2 bad input, filter, template or output.

Examples:
  agora export all events/forum-interconnectes-2017.toml
  agora export ics events/forum-interconnectes-2017.toml --speaker akim-oural -o akim.ics
  agora export html event.toml --day 1 -o site/
  agora export ics event.toml --split rooms
  agora export md event.toml -o -
  agora export html event.toml --base-url https://example.org/agenda/ -o site/
  agora export csv event.toml --excel
  agora export frab-xml event.toml -o site/schedule.xml   # for Giggity, EventFahrplan, ConfClerk";

#[derive(Debug, Args)]
#[command(after_help = AFTER)]
pub struct ExportArgs {
    /// What to write.
    #[arg(value_parser = target_parser(), value_name = "FORMAT")]
    pub format: Target,
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// Output folder, file (one-file formats) or `-` for stdout [default: exports/<event-id>/].
    #[arg(short = 'o', long = "output", value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Refuse to export when the program has error-level conflicts.
    #[arg(long)]
    pub strict: bool,
    /// Write times in UTC instead of the event's time zone.
    #[arg(long)]
    pub utc: bool,
    /// Publish in this language (a BCP 47 tag: fr, de-AT, zh-Hans, ar) instead of the
    /// event's `language`: words, dates, sorting and direction (see docs/languages.md).
    #[arg(long = "lang", value_name = "TAG")]
    pub lang: Option<String>,
    /// Render with this template instead of the built-in one (html, md, txt; see docs/templates.md).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Only sessions in this room (and event-wide breaks); repeatable.
    #[arg(long = "room", value_name = "ID")]
    pub rooms: Vec<String>,
    /// Only sessions with this speaker or moderator; repeatable.
    #[arg(long = "speaker", value_name = "ID")]
    pub speakers: Vec<String>,
    /// Only sessions of this track; repeatable.
    #[arg(long = "track", value_name = "ID")]
    pub tracks: Vec<String>,
    /// Only sessions starting on this day (YYYY-MM-DD, or 1 for the first day); repeatable.
    #[arg(long = "day", value_name = "DAY")]
    pub days: Vec<String>,
    /// Only this session; repeatable.
    #[arg(long = "session", value_name = "ID")]
    pub sessions: Vec<String>,
    /// Only sessions given in this language or interpreted into it (a tag: en also takes
    /// en-GB), and the event-wide breaks; repeatable.
    #[arg(long = "language", value_name = "TAG")]
    pub languages: Vec<String>,
    /// Write one export per room, speaker, track or session.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub split: Option<SplitArg>,
    /// Replace files in the output that agora did not write there (by default only files of an
    /// earlier export, listed in the folder's .agora-export, are replaced).
    #[arg(long)]
    pub force: bool,
    /// Export this release (see `agora releases`) instead of the working copy, byte for byte
    /// as when it was made; `latest` is the last release.
    #[arg(long, value_name = "NAME")]
    pub release: Option<String>,
    /// Where the agenda is published (an http/https address; default: the event's `url`):
    /// absolute links, a webcal:// subscription, QR codes, and calendar entries linking to
    /// their session on the agenda.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Markdown and text agendas without descriptions, bios and links: one line per session.
    #[arg(long)]
    pub brief: bool,
    /// CSV for spreadsheets: a UTF-8 byte-order mark, and `;` between cells when the event's
    /// language writes decimals with a comma (French, German, …).
    #[arg(long)]
    pub excel: bool,
}

fn usage(message: &str) -> Outcome {
    write_stderr(&format!("error: {message}\n"));
    Outcome::Failed
}

pub(super) fn run(args: &ExportArgs, color: ColorChoice) -> Outcome {
    let formats = args.format.formats();
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));

    // Command-line combinations that cannot work, before reading anything.
    if let Some(tag) = &args.lang {
        if !crate::language::is_usable_tag(tag) {
            let why = crate::language::tag_problem(tag)
                .unwrap_or_else(|| "it names no language".to_string());
            let hint = match crate::language::tag_for(tag) {
                Some(code) => format!("write the tag, not the name: --lang {code}"),
                None => "for example --lang fr, --lang de-AT or --lang zh-Hans".to_string(),
            };
            return usage(&format!(
                "--lang `{tag}` is not a language tag ({why}); {hint}"
            ));
        }
    }
    if args.template.is_some() && !args.format.one().is_some_and(Format::takes_template) {
        return usage("--template applies to one of html, md or txt, not to this format");
    }
    if to_stdout && (args.format.one().is_none() || args.split.is_some()) {
        return usage("-o - prints one file: choose one format, without --split");
    }
    if args.format.one() == Some(Format::Signage) {
        if to_stdout {
            return usage(
                "-o - prints one file; the signage export writes a folder of pages: give -o DIR",
            );
        }
        if args.split.is_some() {
            return usage("--split does not apply to signage: it already writes one page per room");
        }
        if args.utc {
            return usage("--utc does not apply to signage: screens show the event's local time");
        }
    }

    if args.excel && !formats.contains(&Format::Csv) {
        return usage("--excel applies to csv (or all)");
    }
    if args.brief
        && !formats
            .iter()
            .any(|f| matches!(f, Format::Markdown | Format::Text))
    {
        return usage("--brief applies to md and txt (or all)");
    }
    if let Some(url) = &args.base_url {
        if export::base_url(url).is_none() {
            return usage(&format!(
                "--base-url needs an http or https address without a query, such as \
                 https://example.org/agenda/ (got `{url}`)"
            ));
        }
    }

    let template = match &args.template {
        Some(path) => match crate::load::read_input(path, "the template") {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => Some(text),
                Err(_) => {
                    return usage(&format!(
                        "the template `{}` is not UTF-8 text",
                        path.display()
                    ))
                }
            },
            Err(e) => return usage(&e.to_string()),
        },
        None => None,
    };
    let store = match crate::release::Store::open(&args.path) {
        Ok(store) => store,
        Err(failure) => return input_failure(&failure, color),
    };
    let loaded;
    let (program, stamp, changes) = match &args.release {
        Some(name) => {
            let index = match super::release::find_release(&store, name) {
                Ok(index) => index,
                Err(message) => return usage(&message),
            };
            let release = &store.releases[index];
            // A release's exports are dated by the release, whatever the clock says.
            (
                &release.program,
                Ok::<_, String>(release.time),
                Some(store.follow_release(index)),
            )
        }
        None => {
            // Never dropped: the command ends once the files are written, and the system takes
            // back a program's memory faster than freeing its many small pieces one by one
            // (a millisecond of a thousand-session export, 30 ms at 100,000).
            loaded = match load_path(&args.path) {
                Ok(program) => std::mem::ManuallyDrop::new(program),
                Err(failure) => return input_failure(&failure, color),
            };
            let stamp = export::deliver::stamp_of_this_run().map_err(|e| e.to_string());
            // Without releases there is no history to follow (and following it would resolve
            // and render every session's calendar entry only to throw it away).
            let changes = (!store.releases.is_empty())
                .then(|| store.follow_working_copy(&loaded, *stamp.as_ref().unwrap_or(&0)));
            (&*loaded, stamp, changes)
        }
    };
    let changes = changes.map(std::sync::Arc::new);

    // The export does not depend on the check: both run at once, on two cores, and the
    // export's result is dropped when --strict refuses or the timestamp is wrong.
    let selection = Selection {
        rooms: args.rooms.clone(),
        speakers: args.speakers.clone(),
        tracks: args.tracks.clone(),
        days: args.days.clone(),
        sessions: args.sessions.clone(),
        languages: args.languages.clone(),
    };
    let split = args.split.map(Split::from);
    let options = stamp.as_ref().ok().map(|&stamp| Options {
        utc: args.utc,
        stamp,
        template,
        changes,
        base_url: args.base_url.clone(),
        brief: args.brief,
        excel: args.excel,
        lang: args.lang.clone(),
    });
    let destination = Destination::choose(
        &formats,
        split.is_some(),
        args.output.as_deref(),
        Destination::default_folder(&program.event.id),
    );
    // Into a folder, each file is written as it is made (and replaced once the check allows
    // it); else the files are made whole.
    let streamed = match &destination {
        Destination::Folder(root) if !to_stdout => Some(root.as_path()),
        _ => None,
    };
    let (diagnostics, left, exported) = std::thread::scope(|scope| {
        let exporting = options.as_ref().map(|options| {
            let (formats, selection) = (&formats, &selection);
            let force = args.force;
            let stamps = export::stamps::cache_folder();
            scope.spawn(move || match streamed {
                Some(root) => match export::deliver::stream_to_folder(
                    program,
                    formats,
                    selection,
                    split,
                    options,
                    root,
                    force,
                    stamps.as_deref(),
                ) {
                    Ok(pending) => Exported::Streamed(Box::new(pending)),
                    Err(StreamError::Tangled) => {
                        Exported::Whole(export::export(program, formats, selection, split, options))
                    }
                    Err(StreamError::Export(e)) => Exported::Whole(Err(e)),
                    Err(StreamError::Delivery(e)) => Exported::Failed(e),
                },
                None => {
                    Exported::Whole(export::export(program, formats, selection, split, options))
                }
            })
        });
        // The checker's schedule also says what a frab export leaves out, while it runs.
        let schedule = crate::rules::Schedule::new(program);
        let diagnostics = check_schedule(&schedule);
        let frab = formats
            .iter()
            .any(|f| matches!(f, Format::FrabXml | Format::FrabJson));
        let left = frab.then(|| crate::export::frab::left_out_of(&schedule));
        drop(schedule);
        let exported = exporting.map(|worker| {
            worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (diagnostics, left, exported)
    });
    let summary = Summary::of(&diagnostics);
    if summary.errors > 0 {
        let path = args.path.display();
        if args.strict {
            let errors: Vec<_> = diagnostics
                .iter()
                .filter(|d| d.severity == crate::codes::Level::Error)
                .cloned()
                .collect();
            write_stderr(&report::text::report(program, &errors, stderr_color(color)));
            write_stderr(&format!(
                "error: not exporting: the program has {} error-level conflict(s) and --strict was given\n",
                summary.errors
            ));
            return Outcome::Findings;
        }
        write_stderr(&format!(
            "warning: the program has {} error-level conflict(s) (see `agora check {path}`); \
             exporting it as it is (use --strict to refuse)\n",
            summary.errors
        ));
    }

    let exported = match (stamp, exported) {
        (Ok(_), Some(exported)) => exported,
        (Err(message), _) => return usage(&message),
        (Ok(_), None) => return usage("the export did not run"),
    };
    if let Some(left) = left {
        // Apps expect cancelled sessions to disappear from a new schedule version.
        if !left.cancelled.is_empty() || !left.unscheduled.is_empty() {
            write_stderr(&format!(
                "note: schedule.xml/json leave out {} cancelled and {} unscheduled session(s), \
                 as conference apps expect (see docs/interop.md)\n",
                left.cancelled.len(),
                left.unscheduled.len()
            ));
        }
    }
    let exported = match exported {
        Exported::Whole(files) => files,
        Exported::Failed(e) => return usage(&e.to_string()),
        Exported::Streamed(pending) => {
            if split.is_some() && pending.is_empty() {
                return nothing_to_split();
            }
            return match pending.commit() {
                Ok(delivered) => wrote(&destination, &delivered),
                Err(e) => usage(&e.to_string()),
            };
        }
    };
    // Not dropped either (the rendered files are as many pieces as the program).
    let files = match exported {
        Ok(files) => std::mem::ManuallyDrop::new(files),
        Err(ExportError::Selection(e)) => {
            let help = e.help.map(|h| format!("\n  help: {h}")).unwrap_or_default();
            return usage(&format!("{}{help}", e.message));
        }
        Err(e) => return usage(&e.to_string()),
    };
    if split.is_some() && files.is_empty() {
        return nothing_to_split();
    }

    if to_stdout {
        let Some(file) = files.iter().find(|f| f.main) else {
            return usage("nothing to print");
        };
        if file.format == Format::Html {
            write_stderr("note: printing index.html only; its .ics links need `agora export html` into a folder\n");
        }
        return write_stdout_pieces(&file.bytes.pieces());
    }
    match deliver(&files, &destination, args.force) {
        Ok(delivered) => wrote(&destination, &delivered),
        Err(e) => usage(&e.to_string()),
    }
}

/// What an export made: its files, or (into a folder) the files written beside their places.
enum Exported {
    Whole(Result<Vec<export::OutputFile>, ExportError>),
    Streamed(Box<export::deliver::Pending>),
    Failed(export::deliver::DeliveryError),
}

fn nothing_to_split() -> Outcome {
    write_stderr("warning: no session matches the selection: nothing to split, nothing written\n");
    Outcome::Clean
}

/// Say what a delivery wrote.
fn wrote(destination: &Destination, delivered: &export::deliver::Delivered) -> Outcome {
    match destination {
        Destination::File(path) => write_stderr(&format!("wrote {}\n", path.display())),
        Destination::Folder(root) => {
            let names = &delivered.main;
            let shown = if names.len() > 8 {
                format!("{}, … ({} more)", names[..8].join(", "), names.len() - 8)
            } else {
                names.join(", ")
            };
            write_stderr(&format!(
                "wrote {} file(s) into {}: {shown}\n",
                delivered.written.len(),
                root.display()
            ));
        }
    }
    Outcome::Clean
}
