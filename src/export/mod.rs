//! Exports: the program as iCalendar, HTML, Markdown, plain text, CSV, JSON and frab/C3VOC
//! schedules (`frab`).
//!
//! [`export`] turns a loaded program, a [`Selection`] and [`Options`] into a list of
//! [`OutputFile`]s (relative paths and bytes); it reads no clock, no environment and no file,
//! and writes nothing — the command line does that (see `paths` for writing safely). The same
//! input always gives the same bytes: the only timestamp (`DTSTAMP`) comes from the options.
//!
//! Adding a format: a variant in [`Format`] (and in `Format::ALL` if `export all` should
//! write it), its name and extension, and an arm in `render_format`.

pub(crate) mod agenda;
pub(crate) mod body;
pub(crate) mod changes;
pub mod clean;
mod contentline;
mod contrast;
mod csv;
pub(crate) mod deliver;
pub mod frab;
mod html;
mod html_writer;
mod ics;
mod json;
mod listing;
pub(crate) mod locale;
mod markdown;
pub mod markup;
pub mod paths;
mod pretty;
mod qr;
mod selection;
mod signage;
pub(crate) mod stamps;
mod template;
mod text;
mod view;
mod vtimezone;

use crate::model::Program;
use crate::release::history::ChangeInfo;
use crate::rules::Schedule;
use crate::time::Instant;

pub use agenda::base_url;
use agenda::{placed_day, Agenda};
use locale::Locale;
pub use paths::OutputPath;
pub use selection::{Selection, SelectionError, Split};

/// The name that stands for every format.
pub const ALL_FORMATS: &str = "all";

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    /// iCalendar (RFC 5545) for calendar programs.
    Ics,
    /// A self-contained HTML agenda, with `.ics` files beside it.
    Html,
    /// GitHub-flavoured Markdown.
    Markdown,
    /// Plain text, 72 columns.
    Text,
    /// CSV (RFC 4180), one row per session.
    Csv,
    /// JSON for scripts (docs/export-json.md).
    Json,
    /// frab/pentabarf `schedule.xml` for conference apps (docs/interop.md).
    FrabXml,
    /// C3VOC `schedule.json` for conference tools (docs/interop.md).
    FrabJson,
    /// Kiosk pages and `now-next.json` per room for the screens beside the doors
    /// (docs/signage.md). Not part of `export all`: screens are not publications.
    Signage,
}

impl Format {
    /// Every format, in the order `export all` writes them.
    pub const ALL: &'static [Format] = &[
        Format::Ics,
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::Csv,
        Format::Json,
        Format::FrabXml,
        Format::FrabJson,
    ];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Ics => "ics",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::FrabXml => "frab-xml",
            Format::FrabJson => "frab-json",
            Format::Signage => "signage",
        }
    }

    /// Every format the command line accepts: [`Format::ALL`] and the signage.
    pub const NAMED: &'static [Format] = &[
        Format::Ics,
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::Csv,
        Format::Json,
        Format::FrabXml,
        Format::FrabJson,
        Format::Signage,
    ];

    /// The extension of its main file.
    pub fn extension(self) -> &'static str {
        match self {
            Format::FrabXml => "xml",
            Format::FrabJson => "json",
            Format::Signage => "html",
            _ => self.name(),
        }
    }

    /// One line for `--help`.
    pub fn summary(self) -> &'static str {
        match self {
            Format::Ics => "iCalendar (RFC 5545) for calendar programs",
            Format::Html => "self-contained HTML agenda, with .ics files beside it",
            Format::Markdown => "GitHub-flavoured Markdown",
            Format::Text => "plain text, 72 columns, for an e-mail",
            Format::Csv => "CSV (RFC 4180), one row per session",
            Format::Json => "JSON for scripts (docs/export-json.md)",
            Format::FrabXml => {
                "frab schedule.xml for Giggity, EventFahrplan, ConfClerk (docs/interop.md)"
            }
            Format::FrabJson => "C3VOC schedule.json for conference tools (docs/interop.md)",
            Format::Signage => {
                "kiosk pages and now-next.json per room for screens by the doors (docs/signage.md)"
            }
        }
    }

    pub fn parse(name: &str) -> Option<Format> {
        Format::NAMED.iter().copied().find(|f| f.name() == name)
    }

    /// The formats a name on the command line or after `:export` stands for: one format, or
    /// every format for `all`.
    pub fn parse_target(name: &str) -> Option<Vec<Format>> {
        if name == ALL_FORMATS {
            Some(Format::ALL.to_vec())
        } else {
            Format::parse(name).map(|f| vec![f])
        }
    }

    /// Every name [`Format::parse_target`] accepts, `all` last: for messages and completions.
    pub fn target_names() -> impl Iterator<Item = &'static str> {
        Format::NAMED
            .iter()
            .map(|f| f.name())
            .chain(std::iter::once(ALL_FORMATS))
    }

    /// Whether `--template` applies.
    pub fn takes_template(self) -> bool {
        matches!(self, Format::Html | Format::Markdown | Format::Text)
    }

    /// Whether the format writes exactly one file (without `--split`).
    pub fn single_file(self) -> bool {
        !matches!(self, Format::Html | Format::Signage)
    }
}

/// How to export.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Write times in UTC (iCalendar) and show them in UTC (agendas).
    pub utc: bool,
    /// The export's timestamp (`DTSTAMP`), seconds since the epoch.
    pub stamp: Instant,
    /// A template to use instead of the built-in one (HTML, Markdown or text).
    pub template: Option<String>,
    /// The release history of the exported version (`crate::release::history`): `SEQUENCE`
    /// and stamps per session, removed sessions, change marks, the changelog. `None`: an
    /// event without releases (every `SEQUENCE` is 0, every stamp is `stamp`).
    pub changes: Option<std::sync::Arc<ChangeInfo>>,
    /// `--base-url`: where the agenda is published, instead of the event's `url` (see
    /// [`base_url`]).
    pub base_url: Option<String>,
    /// `--brief`: the Markdown and text agendas without descriptions, bios and links.
    pub brief: bool,
    /// `--excel`: CSV for spreadsheets (UTF-8 byte-order mark, `;` where the language writes
    /// decimals with a comma).
    pub excel: bool,
    /// The language to publish in (`export --lang`), instead of the event's `language`.
    pub lang: Option<String>,
}

impl Options {
    /// The language the export is written in: `--lang`, else the event's.
    pub fn language<'a>(&'a self, program: &'a Program) -> &'a str {
        self.lang.as_deref().unwrap_or(&program.event.language)
    }
}

/// A date as an export in `lang` writes it in full ("Dienstag, 5. Dezember 2017").
pub fn long_date(lang: &str, date: chrono::NaiveDate) -> String {
    Locale::for_tag(lang).long_date(date)
}

/// The CLDR pattern of [`long_date`] in `lang` and the date's text cut into its fields
/// (`("weekday", "Dienstag")`, `("literal", ", ")`, …): what a test reads the date back with.
pub fn long_date_parts(
    lang: &str,
    date: chrono::NaiveDate,
) -> Option<(String, Vec<(&'static str, String)>)> {
    Locale::for_tag(lang).long_date_parts(date)
}

/// Every message id the exports read from a catalogue (`locales/<tag>/export.ftl`): each
/// catalogue must define exactly these.
pub fn catalogue_message_ids() -> Vec<&'static str> {
    locale::message_ids()
}

/// What the calendar shows of one placed session of the whole program.
#[derive(Debug, Clone)]
pub struct CalendarFacts {
    /// The session's key: its id, made unique (the first part of its UID).
    pub key: String,
    /// Every calendar-visible property of its `VEVENT` (see `ics::body`).
    pub body: String,
    pub title: String,
    pub slot: (Instant, Instant),
}

/// The calendar-visible facts of every placed session of `program`, in calendar order.
pub fn calendar_facts(program: &Program) -> Vec<CalendarFacts> {
    let schedule = Schedule::new(program);
    let filter = Selection::default().resolve(program).unwrap_or_default();
    let locale = Locale::for_tag(&program.event.language);
    let agenda = Agenda::new(&schedule, &filter, None, false);
    agenda
        .placed()
        .filter_map(|e| {
            let slot = e.slot?;
            Some(CalendarFacts {
                key: e.key.to_string(),
                body: ics::body(&agenda, e, slot, &locale, false),
                title: e.title.to_string(),
                slot,
            })
        })
        .collect()
}

/// The sessions removed since an earlier release, for a calendar of the whole program only.
fn removed_for<'a>(
    agenda: &Agenda,
    options: &'a Options,
) -> &'a [crate::release::history::Removed] {
    match &options.changes {
        Some(c) if !agenda.filtered && agenda.subject.is_none() => &c.removed,
        _ => &[],
    }
}

pub use body::Body;
pub use signage::SignageError;

/// One file of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: OutputPath,
    pub bytes: Body,
    /// The format that made it.
    pub format: Format,
    /// The format's main file (not a companion such as the `.ics` beside `index.html`).
    pub main: bool,
    /// The file goes on in the next one given, at the same path: [`export_each`] gives a big
    /// page a piece at a time (every piece but the last is `continued`). [`export`] gives
    /// every file whole.
    pub continued: bool,
}

/// Why an export could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// A filter names nothing in the program.
    #[error("{}", .0.message)]
    Selection(SelectionError),
    /// A template failed to compile or render.
    #[error("the {} template failed: {error}", format.name())]
    Template {
        format: Format,
        #[source]
        error: template::TemplateError,
    },
    /// A file name that cannot be one in the output folder.
    #[error(transparent)]
    Path(#[from] paths::PathError),
    /// The signage pages could not be made.
    #[error(transparent)]
    Signage(#[from] signage::SignageError),
    /// A format's writer failed.
    #[error("{0}")]
    Output(String),
}

/// `f` of every item, in the items' order, computed on the processor's cores at once (each
/// thread takes the next item left): the pages and calendars of an export are independent, and
/// the check runs beside the export only for part of its time. Each thread renders with its
/// own [`Locale`] for `tag` (the date formatters are not shared between threads).
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    tag: &str,
    f: impl Fn(&Locale, &T) -> R + Sync,
) -> Vec<R> {
    crate::parallel::map_ordered(
        items,
        crate::parallel::threads(),
        || Locale::for_tag(tag),
        |locale, item| f(locale, item),
        |_| false,
    )
}

/// The `.ics` of every placed session of `agenda`, with `removed` (sessions taken out since a
/// release) cancelled in it.
fn agenda_calendar(
    agenda: &Agenda,
    locale: &Locale,
    options: &Options,
    removed: &[crate::release::history::Removed],
    calendars: &ics::Shared,
) -> Body {
    let all: Vec<&agenda::Entry> = agenda.placed().collect();
    ics::calendar(
        agenda,
        &all,
        &agenda.title(),
        locale,
        options.utc,
        options.stamp,
        &ics::timezone(agenda, calendars),
        options.changes.as_deref(),
        removed,
    )
}

/// The `.ics` of each of `entries` (placed sessions), as its key and text, made on every core.
fn session_calendars(
    agenda: &Agenda,
    entries: &[&agenda::Entry],
    zone: &str,
    locale: &Locale,
    options: &Options,
) -> Vec<(String, Body)> {
    in_parallel(entries, &locale.tag, |locale, e| {
        let title = format!("{} — {}", agenda.event.name, e.title);
        let text = ics::calendar(
            agenda,
            &[*e],
            &title,
            locale,
            options.utc,
            options.stamp,
            zone,
            options.changes.as_deref(),
            &[],
        );
        (e.key.to_string(), text)
    })
}

/// How many session calendars are made at once before they are given on: enough to keep
/// every core busy, few enough that a program's 100,000 calendars are never held together.
const CALENDARS_AT_ONCE: usize = 2048;

/// What the formats and parts of one export share, each made by the first that needs it: the
/// frab plans' rooms, tracks and people, what the calendars share, and the times as the HTML
/// pages write them.
#[derive(Default)]
struct Common {
    frab: std::sync::OnceLock<frab::plan::Whole>,
    calendars: ics::Shared,
    clocks: view::Clocks,
}

/// The files of one format for one agenda, relative to the agenda's folder; the main file
/// comes first, named `main`.
fn render_format(
    format: Format,
    agenda: &Agenda,
    locale: &Locale,
    options: &Options,
    main: &str,
    root: Option<&str>,
    common: &Common,
) -> Result<Vec<(Vec<String>, Body)>, ExportError> {
    let calendars = &common.calendars;
    let template = options
        .template
        .as_deref()
        .filter(|_| format.takes_template());
    let templated = |r: Result<String, template::TemplateError>| {
        r.map_err(|error| ExportError::Template { format, error })
    };
    let ics_name = format!("{}.ics", agenda.event.id);
    Ok(match format {
        Format::Ics => {
            let program = agenda_calendar(
                agenda,
                locale,
                options,
                removed_for(agenda, options),
                calendars,
            );
            vec![(vec![main.to_string()], program)]
        }
        Format::Html => {
            // `export_each` makes the built-in page as it gives it (`page_in_pieces`), then the
            // program's calendar beside it (unless an earlier format wrote it), then the
            // sessions' own calendars, a few at a time.
            let mut files = Vec::new();
            if template.is_some() {
                let page = templated(html::render(
                    agenda,
                    locale,
                    &ics_name,
                    template,
                    options.changes.clone(),
                    root,
                    &common.clocks,
                ))?;
                files.push((vec![main.to_string()], page.into()));
                let program = agenda_calendar(
                    agenda,
                    locale,
                    options,
                    removed_for(agenda, options),
                    calendars,
                );
                files.push((vec![ics_name], program));
            }
            if let Some(info) = options
                .changes
                .as_deref()
                .filter(|_| agenda.subject.is_none())
            {
                let e = &agenda.program.event;
                files.push((
                    vec!["changes.html".to_string()],
                    changes::changes_page(&e.name, locale, info).into(),
                ));
                files.push((
                    vec!["changes.json".to_string()],
                    changes::changes_json(&e.id, info).into(),
                ));
                files.push((
                    vec!["changes.atom".to_string()],
                    changes::atom(&e.id, &e.name, locale, info).into(),
                ));
            }
            files
        }
        Format::Markdown => {
            let mut files = vec![(
                vec![main.to_string()],
                templated(markdown::render(agenda, locale, template, options.brief))?.into(),
            )];
            if let Some(info) = options
                .changes
                .as_deref()
                .filter(|_| agenda.subject.is_none())
            {
                let name = &agenda.program.event.name;
                files.push((
                    vec!["CHANGES.md".to_string()],
                    changes::changelog_markdown(name, locale, info).into(),
                ));
            }
            files
        }
        Format::Text => vec![(
            vec![main.to_string()],
            templated(text::render(agenda, locale, template, options.brief))?.into(),
        )],
        Format::Csv => vec![(
            vec![main.to_string()],
            csv::render(agenda, options.excel, &locale.tag).map_err(ExportError::Output)?,
        )],
        Format::Json => {
            let mut files = vec![(vec![main.to_string()], json::render(agenda))];
            if let Some(info) = options
                .changes
                .as_deref()
                .filter(|_| agenda.subject.is_none())
            {
                let id = &agenda.program.event.id;
                files.push((
                    vec!["changes.json".to_string()],
                    changes::changes_json(id, info).into(),
                ));
            }
            files
        }
        Format::Signage => {
            let baseline = options
                .changes
                .as_deref()
                .and_then(crate::signage::Baseline::from_changes);
            signage::render(agenda, locale, options.stamp, baseline.as_ref())?
                .into_iter()
                .map(|(path, text)| (path, text.into()))
                .collect()
        }
        Format::FrabXml | Format::FrabJson => {
            // The whole event's rooms, tracks and days, with the selected sessions.
            use frab::Version;
            let version = match options.changes.as_deref() {
                None => Version::Content,
                Some(info) => match (&info.version, info.last_release()) {
                    (Some(name), _) => Version::Release(name.clone()),
                    (None, Some(last)) => Version::After(last.to_string()),
                    (None, None) => Version::Content,
                },
            };
            let whole = common
                .frab
                .get_or_init(|| frab::plan::Whole::new(agenda.program));
            let plan = frab::plan::Plan::new(agenda, whole);
            let text = if format == Format::FrabXml {
                frab::xml::render_versioned(&plan, &version)
            } else {
                frab::json::render_versioned(&plan, &version)
            };
            vec![(vec![main.to_string()], text)]
        }
    })
}

/// The page of one room or track beside the whole program's (`rooms/<id>/index.html`), and
/// its calendar; the session calendars are the whole program's, two folders up.
fn sub_page(
    agenda: &Agenda,
    locale: &Locale,
    options: &Options,
    common: &Common,
) -> Result<Vec<(String, Body)>, ExportError> {
    let ics_name = format!("{}.ics", agenda.event.id);
    let template = options.template.as_deref();
    let page = html::render(
        agenda,
        locale,
        &ics_name,
        template,
        options.changes.clone(),
        Some("../../"),
        &common.clocks,
    )
    .map_err(|error| ExportError::Template {
        format: Format::Html,
        error,
    })?;
    let calendar = agenda_calendar(agenda, locale, options, &[], &common.calendars);
    Ok(vec![
        ("index.html".to_string(), page.into()),
        (ics_name, calendar),
    ])
}

/// Export `program` in every format of `formats`. Files are listed in a stable order; a path
/// that two formats both write (the `.ics` beside `index.html` and the `ics` export) is kept
/// once.
pub fn export(
    program: &Program,
    formats: &[Format],
    selection: &Selection,
    split: Option<Split>,
    options: &Options,
) -> Result<Vec<OutputFile>, ExportError> {
    let mut out: Vec<OutputFile> = Vec::new();
    make_and_give(
        program,
        formats,
        selection,
        split,
        options,
        false,
        &mut |files| {
            for file in files {
                match out.last_mut() {
                    Some(last) if last.continued => {
                        last.bytes.append(file.bytes);
                        last.continued = file.continued;
                    }
                    _ => out.push(file),
                }
            }
            Ok::<(), ExportError>(())
        },
    )?;
    // Ids such as `amphi` and `amphi.ics` must not make a file and a folder of one name.
    let mut paths: Vec<OutputPath> = out.iter().map(|f| f.path.clone()).collect();
    paths::untangle(&mut paths);
    for (file, path) in out.iter_mut().zip(paths) {
        file.path = path;
    }
    Ok(out)
}

/// The files of [`export`], in its order, given to `deliver` a few at a time as soon as they
/// are made, then dropped: a big export is never held whole (a folder export writes each file
/// as it comes, `paths::FolderExport`). The paths are not untangled, which needs them all: a
/// deliverer that meets a path that is both a file and a folder stops and falls back to
/// [`export`]. The first error, from the export or from `deliver`, stops the export.
///
/// The room and track pages of an HTML agenda are made on another thread from the start and
/// given between the main files as they are ready (never inside a file given in pieces), so
/// that making them keeps a core busy while the main files are compared with the folder's.
pub fn export_each<E: From<ExportError>>(
    program: &Program,
    formats: &[Format],
    selection: &Selection,
    split: Option<Split>,
    options: &Options,
    deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), E> {
    make_and_give(program, formats, selection, split, options, true, deliver)
}

/// [`export_each`]; the room and track pages given between the main files when `between`,
/// else after all of them ([`export`]'s order).
fn make_and_give<E: From<ExportError>>(
    program: &Program,
    formats: &[Format],
    selection: &Selection,
    split: Option<Split>,
    options: &Options,
    between: bool,
    deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), E> {
    let schedule = Schedule::new(program);
    let filter = selection.resolve(program).map_err(ExportError::Selection)?;
    let locale = Locale::for_tag(options.language(program));
    let tz = program.event.timezone;
    let parts = match split {
        Some(split) => {
            selection::parts(&schedule, &filter, split, |i| placed_day(&schedule, tz, i))
                .into_iter()
                .map(Some)
                .collect()
        }
        None => vec![None],
    };
    let mut made = Batch::default();
    // The program's cleaned texts, made once for every part of a split; the same for what
    // the frab schedules, the calendars and the HTML pages share (`Common`).
    let shared = agenda::Shared::new(program);
    let common = Common::default();
    // The HTML agenda of the whole program links to a page per room and per track.
    let pages = (split.is_none() && formats.contains(&Format::Html)).then_some("");
    // The room and track pages, given last: the first of them are made while the main files
    // are.
    let subs: Vec<(Split, selection::Part)> = match pages {
        Some(_) => [Split::Rooms, Split::Tracks]
            .into_iter()
            .flat_map(|sub| {
                selection::parts(&schedule, &filter, sub, |i| placed_day(&schedule, tz, i))
                    .into_iter()
                    .map(move |part| (sub, part))
            })
            .collect(),
        None => Vec::new(),
    };
    std::thread::scope(|scope| -> Result<(), E> {
        // A few batches of pages are made ahead, while the main files are made and given;
        // then the thread waits for them to be taken. Once the receiver is gone (an error),
        // it stops.
        let (ahead, pages_made) = std::sync::mpsc::sync_channel(SUB_PAGE_BATCHES_AHEAD);
        let (subs, schedule, filter, shared) = (&subs, &schedule, &filter, &shared);
        let common = &common;
        let tag = &locale.tag;
        scope.spawn(move || {
            for batch in subs.chunks(SUB_PAGES_AT_ONCE) {
                let pages = in_parallel(batch, tag, |locale, (_, part)| {
                    let agenda =
                        Agenda::with_shared(schedule, filter, Some(part), options.utc, shared);
                    sub_page(&agenda, locale, options, common)
                });
                if ahead.send(pages).is_err() {
                    return;
                }
            }
        });
        let mut sub_pages = SubPages {
            batches: subs.chunks(SUB_PAGES_AT_ONCE),
            made: pages_made,
        };
        // What the formats make, then the room and track pages ready by then.
        {
            let mut deliver = |files: Vec<OutputFile>| -> Result<(), E> {
                let mid_file = files.last().is_some_and(|f| f.continued);
                deliver(files)?;
                if between && !mid_file {
                    sub_pages.give(false, deliver)?;
                }
                Ok(())
            };
            let deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E> = &mut deliver;
            for part in &parts {
                let mut agenda =
                    Agenda::with_shared(schedule, filter, part.as_ref(), options.utc, shared);
                if let Some(base) = options.base_url.as_deref().and_then(base_url) {
                    agenda.base = Some(base);
                }
                // One format at a time (each is made on every core), given before the next is
                // made: `export all` holds one format's files at once, and what a format freed
                // goes back to the system before the next is made (856 → 539 MiB at 100,000
                // sessions; two formats side by side were 4% faster at 10,000).
                for (n, &format) in formats.iter().enumerate() {
                    let main = main_name(format, part.as_ref(), &program.event.id);
                    let files =
                        render_format(format, &agenda, &locale, options, &main, pages, common)?;
                    let folder: Vec<String> = match part {
                        None => vec![],
                        Some(p) if format.single_file() => vec![p.split.folder().to_string()],
                        Some(p) => vec![p.split.folder().to_string(), p.id.clone()],
                    };
                    let at = |name: Vec<String>| {
                        let mut full = folder.clone();
                        full.extend(name);
                        OutputPath::new(&full).map_err(ExportError::from)
                    };
                    if format == Format::Html {
                        give_html(
                            &agenda, &locale, options, common, pages, files, &at, &mut made,
                            deliver,
                        )?;
                    } else {
                        for (i, (name, text)) in files.into_iter().enumerate() {
                            made.add(at(name)?, text, format, i == 0);
                        }
                        deliver(made.take())?;
                    }
                    // The parts of a split are small: only the whole program's formats need it.
                    if part.is_none() && n + 1 < formats.len() {
                        crate::heap::give_back();
                    }
                }
            }
        }
        sub_pages.give(true, deliver)
    })
}

/// The room and track pages of an HTML agenda, made a batch at a time on another thread.
struct SubPages<'s> {
    /// The pages of each batch still to give.
    batches: std::slice::Chunks<'s, (Split, selection::Part)>,
    made: std::sync::mpsc::Receiver<Vec<SubPage>>,
}

/// A room's or track's page and calendar, by name in its folder, or why they were not made.
type SubPage = Result<Vec<(String, Body)>, ExportError>;

impl SubPages<'_> {
    /// Give the batches made so far; with `all`, every batch left, waiting for each.
    fn give<E: From<ExportError>>(
        &mut self,
        all: bool,
        deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E>,
    ) -> Result<(), E> {
        loop {
            let pages = match all {
                true => self.made.recv().ok(),
                false => self.made.try_recv().ok(),
            };
            // The parts of the next batch, once its pages are there (not before).
            let Some(pages) = pages else { return Ok(()) };
            let Some(batch) = self.batches.next() else {
                return Ok(());
            };
            let mut files = Vec::new();
            for ((sub, part), page) in batch.iter().zip(pages) {
                for (name, text) in page? {
                    let full = [sub.folder().to_string(), part.id.clone(), name];
                    files.push(OutputFile {
                        path: OutputPath::new(&full).map_err(ExportError::from)?,
                        bytes: text,
                        format: Format::Html,
                        main: false,
                        continued: false,
                    });
                }
            }
            deliver(files)?;
        }
    }
}

/// The name of `format`'s main file for `part` (the whole program when none).
fn main_name(format: Format, part: Option<&selection::Part>, event: &str) -> String {
    match (format, part) {
        (Format::Html | Format::Signage, _) => "index.html".to_string(),
        // The names apps and the C3VOC tools expect; never the `json` export's file.
        (Format::FrabXml | Format::FrabJson, None) => format!("schedule.{}", format.extension()),
        (Format::FrabXml | Format::FrabJson, Some(p)) => {
            format!("{}.schedule.{}", p.id, format.extension())
        }
        (_, Some(p)) if format.single_file() => format!("{}.{}", p.id, format.extension()),
        _ => format!("{event}.{}", format.extension()),
    }
}

/// The HTML agenda's files for `agenda`, given in order: the built-in page as it is written
/// and the program's calendar beside it (neither when an earlier format gave its path), then
/// `files` (a custom template's page and calendar, the changes pages), then each session's
/// own calendar for its "add to calendar" link, a few at a time. `at` places a name in the
/// agenda's folder.
#[allow(clippy::too_many_arguments)]
fn give_html<E: From<ExportError>>(
    agenda: &Agenda,
    locale: &Locale,
    options: &Options,
    common: &Common,
    root: Option<&str>,
    files: Vec<(Vec<String>, Body)>,
    at: &dyn Fn(Vec<String>) -> Result<OutputPath, ExportError>,
    made: &mut Batch,
    deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), E> {
    let built_in = options.template.is_none();
    if built_in {
        let path = at(vec!["index.html".to_string()])?;
        if !made.seen.contains(&path) {
            page_in_pieces(
                agenda,
                locale,
                options,
                root,
                &common.clocks,
                path,
                made,
                deliver,
            )?;
        }
        let path = at(vec![format!("{}.ics", agenda.event.id)])?;
        if !made.seen.contains(&path) {
            let program = agenda_calendar(
                agenda,
                locale,
                options,
                removed_for(agenda, options),
                &common.calendars,
            );
            made.add(path, program, Format::Html, false);
        }
    }
    for (i, (name, text)) in files.into_iter().enumerate() {
        made.add(at(name)?, text, Format::Html, i == 0 && !built_in);
    }
    deliver(made.take())?;
    let all: Vec<&agenda::Entry> = agenda.placed().collect();
    let zone = ics::timezone(agenda, &common.calendars);
    for batch in all.chunks(CALENDARS_AT_ONCE) {
        for (key, text) in session_calendars(agenda, batch, &zone, locale, options) {
            let path = at(vec!["sessions".to_string(), format!("{key}.ics")])?;
            made.add(path, text, Format::Html, false);
        }
        deliver(made.take())?;
    }
    Ok(())
}

/// The files of an export made since they were last given on; a path already given (by an
/// earlier format) is not given again. A set, since a split or the per-session calendars
/// make many files.
#[derive(Default)]
struct Batch {
    seen: foldhash::HashSet<OutputPath>,
    files: Vec<OutputFile>,
}

impl Batch {
    fn add(&mut self, path: OutputPath, bytes: Body, format: Format, main: bool) {
        if self.seen.insert(path.clone()) {
            self.files.push(OutputFile {
                path,
                bytes,
                format,
                main,
                continued: false,
            });
        }
    }

    /// A piece of a file given in pieces ([`OutputFile::continued`] on all but the last).
    fn add_piece(&mut self, path: OutputPath, bytes: Body, main: bool, continued: bool) {
        self.seen.insert(path.clone());
        self.files.push(OutputFile {
            path,
            bytes,
            format: Format::Html,
            main,
            continued,
        });
    }

    fn take(&mut self) -> Vec<OutputFile> {
        std::mem::take(&mut self.files)
    }
}

/// The built-in HTML page of `agenda` at `path`, given to `deliver` a piece at a time as it
/// is written: the program's page of a big program (149 MB at 100,000 sessions) is never held
/// whole.
#[allow(clippy::too_many_arguments)]
fn page_in_pieces<E: From<ExportError>>(
    agenda: &Agenda,
    locale: &Locale,
    options: &Options,
    root: Option<&str>,
    clocks: &view::Clocks,
    path: OutputPath,
    made: &mut Batch,
    deliver: &mut dyn FnMut(Vec<OutputFile>) -> Result<(), E>,
) -> Result<(), E> {
    let ics_name = format!("{}.ics", agenda.event.id);
    let mut failed = None;
    let last = html::render_in_pieces(
        agenda,
        locale,
        &ics_name,
        options.changes.clone(),
        root,
        clocks,
        &mut |piece| {
            made.add_piece(path.clone(), piece.into(), true, true);
            match deliver(made.take()) {
                Ok(()) => true,
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        },
    );
    if let Some(e) = failed {
        return Err(e);
    }
    let last = last.map_err(|error| ExportError::Template {
        format: Format::Html,
        error,
    })?;
    made.add_piece(path, last.into(), true, false);
    Ok(())
}

/// How many room and track pages are made at once, and how many such batches may wait to be
/// given: tens of megabytes at most, whatever the program's size. More waiting lets the other
/// core make pages while the program's own page is made (at 100k, 16 batches against 4 were
/// 7% faster and 30–50 MiB bigger; once the pages were made faster, 16 peaked at 580–600 MiB
/// and 8 at 537–553 MiB, no slower within the noise).
const SUB_PAGES_AT_ONCE: usize = 8;
const SUB_PAGE_BATCHES_AHEAD: usize = 8;

/// The timestamp of an export: `SOURCE_DATE_EPOCH` when given (reproducible builds), else
/// `now`. The value is read by the caller; this only parses it.
pub fn stamp_from(source_date_epoch: Option<&str>, now: Instant) -> Result<Instant, StampError> {
    match source_date_epoch.map(str::trim) {
        None | Some("") => Ok(now),
        Some(text) => text
            .parse::<i64>()
            .ok()
            .filter(|t| *t >= 0 && *t < 253_402_300_800)
            .ok_or_else(|| StampError(text.escape_debug().to_string())),
    }
}

/// `SOURCE_DATE_EPOCH` holds no usable time (the text as given, control characters escaped).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("SOURCE_DATE_EPOCH must be a number of seconds since 1970-01-01 (got `{0}`)")]
pub struct StampError(pub String);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    const CLASH: &str = r#"
[event]
id = "clash"
name = "Clash"
timezone = "Europe/Paris"
start = 2024-05-02
end = 2024-05-02

[[rooms]]
id = "a"
name = "A"

[[rooms]]
id = "b"
name = "B"

[[sessions]]
id = "one"
title = "One"
room = "a"
start = 2024-05-02T10:00:00
duration = 60

[[sessions]]
id = "two"
title = "Two"
room = "a"
start = 2024-05-02T10:30:00
duration = 60

[[sessions]]
id = "three"
title = "Three"
room = "b"
start = 2024-05-02T10:00:00
duration = 30

[[sessions]]
id = "one"
title = "One again"
room = "b"
start = 2024-05-02T11:00:00
duration = 30

[[sessions]]
id = "coffee"
title = "Coffee"
kind = "break"
start = 2024-05-02T10:15:00
duration = 15
"#;

    fn program() -> Program {
        load_str(std::path::Path::new("clash.toml"), CLASH).expect("loads")
    }

    /// Two rooms, one with a session past the night clocks go back (the event's days end
    /// before it).
    const ZONE_ROOMS: &str = r#"
[event]
id = "autumn"
name = "Autumn"
timezone = "Europe/Paris"
start = 2024-10-25
end = 2024-10-26

[[rooms]]
id = "a"
name = "A"

[[rooms]]
id = "b"
name = "B"

[[sessions]]
id = "early"
title = "Early"
room = "a"
start = 2024-10-26T10:00:00
duration = 60

[[sessions]]
id = "late"
title = "Late"
room = "b"
start = 2024-10-28T10:00:00
duration = 60
"#;

    /// The calendars of one export share a `VTIMEZONE` only over the same span: a room whose
    /// sessions reach past the event's days gets its own, the one it has made alone.
    #[test]
    fn calendars_share_a_zone_only_over_the_same_span() {
        let program = load_str(std::path::Path::new("autumn.toml"), ZONE_ROOMS).expect("loads");
        let schedule = Schedule::new(&program);
        let filter = Selection::default().resolve(&program).expect("resolves");
        let tz = program.event.timezone;
        let parts = selection::parts(&schedule, &filter, Split::Rooms, |i| {
            placed_day(&schedule, tz, i)
        });
        let shared = agenda::Shared::new(&program);
        let agendas: Vec<Agenda> = parts
            .iter()
            .map(|p| Agenda::with_shared(&schedule, &filter, Some(p), false, &shared))
            .collect();
        assert_eq!(agendas.len(), 2);
        let calendars = ics::Shared::default();
        let zones: Vec<String> = agendas
            .iter()
            .map(|a| ics::timezone(a, &calendars))
            .collect();
        for (agenda, zone) in agendas.iter().zip(&zones) {
            assert_eq!(zone, &ics::timezone(agenda, &ics::Shared::default()));
        }
        assert_ne!(zones[0], zones[1], "the late room's zone holds the change");
        // Asked again, each agenda gets its own from the shared ones.
        assert_eq!(ics::timezone(&agendas[0], &calendars), zones[0]);
    }

    /// The room and track pages, given as they are ready between the other files, are the
    /// files the whole export gives after them.
    #[test]
    fn room_and_track_pages_given_between_files_are_the_whole_exports() {
        // More room and track pages than are made ahead, and two batches of session
        // calendars: pages are given between files, each under its own room or track.
        let text = crate::generate::generate(&crate::generate::Options {
            sessions: 2_500,
            rooms: 48,
            speakers: 400,
            days: 2,
            conflict_rate: 0.0,
            seed: 9,
        });
        let program = load_str(std::path::Path::new("big.toml"), &text).expect("loads");
        let options = options();
        let all = Selection::default();
        let mut streamed: Vec<(String, Vec<u8>)> = Vec::new();
        let mut continued = false;
        export_each::<ExportError>(
            &program,
            &[Format::Html, Format::Ics],
            &all,
            None,
            &options,
            &mut |files| {
                for f in files {
                    let bytes = f.bytes.pieces().concat();
                    match streamed.last_mut() {
                        Some(last) if continued => last.1.extend(bytes),
                        _ => streamed.push((f.path.display(), bytes)),
                    }
                    continued = f.continued;
                }
                Ok(())
            },
        )
        .expect("exports");
        let whole =
            export(&program, &[Format::Html, Format::Ics], &all, None, &options).expect("exports");
        let mut whole: Vec<(String, Vec<u8>)> = whole
            .into_iter()
            .map(|f| (f.path.display(), f.bytes.pieces().concat()))
            .collect();
        // The whole export gives the pages last; the stream, as they are ready.
        let pages = |files: &[(String, Vec<u8>)]| {
            files
                .iter()
                .filter(|(path, _)| path.starts_with("rooms/") || path.starts_with("tracks/"))
                .count()
        };
        assert!(pages(&whole) > 2 * SUB_PAGES_AT_ONCE * SUB_PAGE_BATCHES_AHEAD);
        assert!(whole.len() - pages(&whole) > CALENDARS_AT_ONCE);
        streamed.sort();
        whole.sort();
        assert_eq!(streamed.len(), whole.len());
        for (s, w) in streamed.iter().zip(&whole) {
            assert_eq!(s.0, w.0);
            assert!(s.1 == w.1, "{} differs", s.0);
        }
    }

    /// A big page is given a piece at a time, and `export` gives it whole: the same bytes as
    /// the page written whole (`html::render`), from pieces of which all but the last go on.
    #[test]
    fn a_big_page_is_given_in_pieces_and_exported_whole() {
        let text = crate::generate::generate(&crate::generate::Options {
            sessions: 1_500,
            rooms: 10,
            speakers: 300,
            days: 2,
            conflict_rate: 0.0,
            seed: 5,
        });
        let program = load_str(std::path::Path::new("big.toml"), &text).expect("loads");
        let options = options();
        let all = Selection::default();
        let mut pieces = Vec::new();
        export_each::<ExportError>(
            &program,
            &[Format::Html],
            &all,
            None,
            &options,
            &mut |files| {
                for f in files.iter().filter(|f| f.path.display() == "index.html") {
                    pieces.push((f.continued, f.main, f.bytes.len()));
                }
                Ok(())
            },
        )
        .expect("exports");
        assert!(pieces.len() > 1, "given in pieces: {pieces:?}");
        let (last, others) = pieces.split_last().expect("pieces");
        assert!(others.iter().all(|p| p.0 && p.1) && !last.0 && last.1);
        let whole = export(&program, &[Format::Html], &all, None, &options).expect("exports");
        let page: Vec<&OutputFile> = whole
            .iter()
            .filter(|f| f.path.display() == "index.html")
            .collect();
        assert_eq!(page.len(), 1);
        assert!(!page[0].continued && page[0].main);
        let schedule = Schedule::new(&program);
        let filter = all.resolve(&program).expect("filter");
        let agenda = Agenda::new(&schedule, &filter, None, false);
        let locale = Locale::for_tag(options.language(&program));
        let ics = format!("{}.ics", program.event.id);
        let expected = html::render(
            &agenda,
            &locale,
            &ics,
            None,
            None,
            Some(""),
            &view::Clocks::default(),
        )
        .expect("renders");
        assert_eq!(page[0].bytes.clone().into_string(), expected);
        assert_eq!(pieces.iter().map(|p| p.2).sum::<usize>(), expected.len());
        assert!(expected.len() > html_writer::PIECE_BYTES);
    }

    fn options() -> Options {
        Options {
            utc: false,
            stamp: 1_700_000_000,
            template: None,
            changes: None,
            ..Options::default()
        }
    }

    #[test]
    fn overlapping_sessions_get_lanes_and_breaks_a_column() {
        let program = program();
        let schedule = Schedule::new(&program);
        let filter = Selection::default().resolve(&program).expect("filter");
        let agenda = Agenda::new(&schedule, &filter, None, false);
        let locale = Locale::for_tag("en-GB");
        let links = view::IcsLinks {
            root: None,
            program: None,
            sessions: true,
            changes: None,
            rich: true,
            brief: false,
        };
        let view = view::build(&agenda, &locale, &links, &view::Clocks::default());
        let day = &view.days[0];
        // The break overlaps room sessions: it gets its own column; room A has two lanes.
        let names: Vec<(&str, usize, usize)> = day
            .columns
            .iter()
            .map(|c| (c.name.as_str(), c.col_start, c.col_end))
            .collect();
        assert_eq!(names, [("Everyone", 2, 3), ("A", 3, 5), ("B", 5, 6)]);
        assert_eq!(day.column_count, 4);
        let grid = |id: &str| {
            day.sessions
                .iter()
                .find(|s| s.id == id)
                .and_then(|s| s.grid.clone())
                .expect("placed")
        };
        assert_eq!((grid("one").col_start, grid("two").col_start), (3, 4));
        // Rows: 10:00, 10:15, 10:30, 11:00, 11:30 → lines 2..6.
        assert_eq!((grid("two").row_start, grid("two").row_end), (4, 6));
        assert_eq!(
            day.slots.iter().map(|s| &*s.label).collect::<Vec<_>>(),
            ["10:00", "10:15", "10:30", "11:00"]
        );
    }

    /// The templates read shared objects, not a serialised copy: every session field is
    /// there in its documented order, in the whole list and in each day's list (where `grid`
    /// and `opens` are set), and the rooms a session names read like any other map.
    #[test]
    fn templates_see_every_field_of_the_shared_views() {
        let program = program();
        let schedule = Schedule::new(&program);
        let filter = Selection::default().resolve(&program).expect("filter");
        let agenda = Agenda::new(&schedule, &filter, None, false);
        let locale = Locale::for_tag("en-GB");
        let links = view::IcsLinks {
            root: None,
            program: None,
            sessions: true,
            changes: None,
            rich: true,
            brief: false,
        };
        let source = "{% for k in sessions[0] %}{{ k }},{% endfor %}#\
            {% for k in days[0].sessions[0] %}{{ k }},{% endfor %}#\
            {{ sessions[0].grid is none }} {{ days[0].sessions[0].grid.row_start }}#\
            {% for s in days[0].sessions %}{{ s.id }}@{{ s.place }}:{{ s.room.name if s.room else '-' }};{% endfor %}#\
            {% for k, v in days[0].sessions[0].room | items %}{{ k }}={{ v }},{% endfor %}";
        let render = || {
            template::render_sized(
                template::Escape::None,
                "",
                Some(source),
                view::build(&agenda, &locale, &links, &view::Clocks::default()).into_context(),
                0,
            )
            .expect("renders")
        };
        let text = render();
        let lines: Vec<&str> = text.split('#').collect();
        let fields: String = [
            "id",
            "anchor",
            "title",
            "kind",
            "kind_label",
            "status",
            "status_label",
            "change",
            "change_glyph",
            "change_label",
            "cancelled",
            "tentative",
            "is_break",
            "plenary",
            "date",
            "day",
            "start",
            "end",
            "time",
            "start_iso",
            "end_iso",
            "duration_minutes",
            "room",
            "place",
            "track",
            "speakers",
            "moderators",
            "speaker_names",
            "moderator_names",
            "description",
            "description_html",
            "description_text",
            "url",
            "url_text",
            "url_host",
            "tags",
            "language",
            "language_name",
            "interpretation",
            "interpretation_names",
            "languages_line",
            "public_url",
            "ics",
            "grid",
            "opens",
        ]
        .iter()
        .map(|f| format!("{f},"))
        .collect();
        assert_eq!(lines[0], fields);
        assert_eq!(lines[1], fields);
        assert_eq!(lines[2], "True 2");
        assert_eq!(
            lines[3],
            "one@A:A;three@B:B;coffee@Everyone:-;two@A:A;one@B:B;"
        );
        assert_eq!(
            lines[4],
            "id=a,name=A,location=,page=,accessible=True,access=Wheelchair accessible,"
        );
        // The same context renders the same text every time.
        assert_eq!(render(), text);
    }

    #[test]
    fn duplicate_ids_get_distinct_files_anchors_and_uids() {
        let files = export(
            &program(),
            &[Format::Html],
            &Selection::default(),
            None,
            &options(),
        )
        .expect("exports");
        let names: Vec<String> = files.iter().map(|f| f.path.display()).collect();
        assert!(names.contains(&"sessions/one.ics".to_string()));
        assert!(names.contains(&"sessions/one-2.ics".to_string()));
        let html = String::from_utf8(files[0].bytes.to_vec()).expect("UTF-8");
        assert_eq!(html.matches("id=\"s-one\"").count(), 1);
        assert_eq!(html.matches("id=\"s-one-2\"").count(), 1);
    }

    #[test]
    fn exports_are_deterministic_and_split_paths_are_safe() {
        let run = || {
            export(
                &program(),
                Format::ALL,
                &Selection::default(),
                Some(Split::Rooms),
                &options(),
            )
            .expect("exports")
        };
        let (a, b) = (run(), run());
        assert_eq!(a, b);
        let names: Vec<String> = a.iter().map(|f| f.path.display()).collect();
        assert!(names.contains(&"rooms/a.ics".to_string()));
        assert!(names.contains(&"rooms/b/index.html".to_string()));
        assert!(names.contains(&"rooms/b.json".to_string()));
        assert!(a.iter().all(|f| f.path.components()[0] == "rooms"));
    }

    #[test]
    fn source_date_epoch_is_parsed() {
        assert_eq!(stamp_from(None, 5), Ok(5));
        assert_eq!(stamp_from(Some(""), 5), Ok(5));
        assert_eq!(stamp_from(Some("1512086400"), 5), Ok(1_512_086_400));
        assert!(stamp_from(Some("-1"), 5).is_err());
        assert!(stamp_from(Some("soon"), 5).is_err());
    }

    #[test]
    fn formats_have_distinct_names() {
        for f in Format::ALL {
            assert_eq!(Format::parse(f.name()), Some(*f));
        }
        assert_eq!(Format::parse("all"), None);
        assert_eq!(Format::parse_target("all"), Some(Format::ALL.to_vec()));
        assert_eq!(
            Format::parse_target("frab-xml"),
            Some(vec![Format::FrabXml])
        );
        assert_eq!(Format::parse_target("pdf"), None);
        let names: Vec<&str> = Format::target_names().collect();
        assert_eq!(names.len(), Format::NAMED.len() + 1);
        assert!(names.iter().all(|n| Format::parse_target(n).is_some()));
    }
}
