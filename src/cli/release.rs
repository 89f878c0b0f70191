//! `agora release PATH NAME`, `agora releases PATH` and `agora diff`: thin layers over
//! `crate::release` (the store, the diff) and `crate::export::changes` (how a diff reads).

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use super::check::input_failure;
use super::{stderr_color, write_stderr, write_stdout, ColorChoice, Outcome};
use crate::codes::Level;
use crate::export::changes;
use crate::load::load_path;
use crate::model::Program;
use crate::release::{diff, Store};

const RELEASE_AFTER: &str = "\
The release is kept in the event's release store: NAME.releases/ beside a file event, .releases/ \
inside a directory event (see docs/releases.md). Its time is SOURCE_DATE_EPOCH when set, else now.
Exit status: 0 released; 1 refused (error-level conflicts, without --force); 2 bad input, name or store.

Examples:
  agora release events/forum-interconnectes-2017.toml v1 --comment \"First programme\"
  agora releases events/forum-interconnectes-2017.toml";

#[derive(Debug, Args)]
#[command(after_help = RELEASE_AFTER)]
pub struct ReleaseArgs {
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// The release's name (unique regardless of case; not current, wip or latest).
    pub name: String,
    /// Why: shown on the changes page, in the feed and the changelog.
    #[arg(long, short = 'm', value_name = "TEXT")]
    pub comment: Option<String>,
    /// Release even when the program has error-level conflicts.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ReleasesArgs {
    /// The event: a .toml file or a directory of them.
    pub path: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub format: ListFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Text,
    Json,
    Md,
}

const DIFF_AFTER: &str = "\
Releases are named as `agora releases` lists them (case does not matter); `latest` is the last \
release, `current` (or `wip`) the working copy. Sessions are matched by id.
Exit status (as diff(1)): 0 no change, 1 changes, 2 error.

Examples:
  agora diff events/forum.toml                    # last release → working copy
  agora diff events/forum.toml --from v1 --to v2 --format md
  agora diff old/schedule.xml new/schedule.xml    # two frab/C3VOC schedules (or two events)";

#[derive(Debug, Args)]
#[command(after_help = DIFF_AFTER)]
pub struct DiffArgs {
    /// The event (a .toml file or a directory), or the older of two schedules or events.
    pub path: PathBuf,
    /// The newer schedule (schedule.xml/json) or event, compared with PATH directly.
    pub other: Option<PathBuf>,
    /// The older version: a release name or `current` [default: the last release].
    #[arg(long, value_name = "RELEASE")]
    pub from: Option<String>,
    /// The newer version: a release name or `current` [default: current].
    #[arg(long, value_name = "RELEASE")]
    pub to: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    pub format: DiffFormat,
}

fn fail(message: &str) -> Outcome {
    write_stderr(&format!("error: {message}\n"));
    Outcome::Failed
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// The release called `name` (`latest`: the last one), or a message listing the others.
pub(super) fn find_release(store: &Store, name: &str) -> Result<usize, String> {
    if name.eq_ignore_ascii_case("latest") {
        return store.releases.len().checked_sub(1).ok_or_else(|| {
            "the event has no release yet: make one with `agora release PATH NAME`".to_string()
        });
    }
    store.find(name).ok_or_else(|| {
        let names: Vec<&str> = store.releases.iter().map(|r| r.name.as_str()).collect();
        let shown: String = name.chars().filter(|c| !c.is_control()).collect();
        if names.is_empty() {
            format!("no release `{shown}`: the event has no release yet (make one with `agora release PATH NAME`)")
        } else {
            format!("no release `{shown}`; the releases are: {}", names.join(", "))
        }
    })
}

pub(super) fn release(args: &ReleaseArgs, color: ColorChoice) -> Outcome {
    let program = match load_path(&args.path) {
        Ok(program) => program,
        Err(failure) => return input_failure(&failure, color),
    };
    let mut store = match Store::open(&args.path) {
        Ok(store) => store,
        Err(failure) => return input_failure(&failure, color),
    };
    if let Err(message) =
        crate::release::validate_name(&args.name, store.releases.iter().map(|r| r.name.as_str()))
    {
        return fail(&message.to_string());
    }
    let time = match crate::export::stamp_from(
        std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
        now(),
    ) {
        Ok(t) => t,
        Err(e) => return fail(&e.to_string()),
    };
    let diagnostics = crate::rules::check(&program);
    let errors: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.severity == Level::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        write_stderr(&crate::report::text::report(
            &program,
            &errors,
            stderr_color(color),
        ));
        if !args.force {
            write_stderr(&format!(
                "error: not releasing: the program has {} error-level conflict(s) (listed above); fix them, or release anyway with --force\n",
                errors.len()
            ));
            return Outcome::Findings;
        }
        write_stderr(&format!(
            "warning: releasing with {} error-level conflict(s), as --force asks\n",
            errors.len()
        ));
    }
    let since = store
        .releases
        .last()
        .map(|last| (last.name.clone(), diff(&last.program, &program)));
    let sessions = program.sessions.len();
    match store.add(program, &args.name, args.comment.as_deref(), time) {
        Ok(path) => {
            let detail = match since {
                None => format!("first release, {sessions} session(s)"),
                Some((last, d)) if d.is_empty() => {
                    format!("no change since `{last}`")
                }
                Some((last, d)) => format!("since `{last}`: {}", changes::summary(&d)),
            };
            write_stderr(&format!(
                "released `{}` ({detail}) into {}\n",
                args.name,
                path.display()
            ));
            Outcome::Clean
        }
        Err(message) => fail(&message.to_string()),
    }
}

pub(super) fn releases(args: &ReleasesArgs, color: ColorChoice) -> Outcome {
    let store = match Store::open(&args.path) {
        Ok(store) => store,
        Err(failure) => return input_failure(&failure, color),
    };
    // The working copy is compared when it loads; a broken one is reported, not fatal —
    // unless there is no release either: then there is nothing to list (a wrong path).
    let current = match load_path(&args.path) {
        Ok(p) => Some(p),
        Err(failure) if store.releases.is_empty() => return input_failure(&failure, color),
        Err(_) => None,
    };
    let info = match (&current, store.releases.is_empty()) {
        (Some(p), false) => Some(store.follow_working_copy(p, now())),
        (None, false) => Some(store.follow_release(store.releases.len() - 1)),
        _ => None,
    };
    match args.format {
        ListFormat::Json => {
            let text = match (&info, &current) {
                (Some(info), _) => changes::changes_json(&store.releases[0].program.event.id, info),
                (None, Some(p)) => changes::changes_json(&p.event.id, &Default::default()),
                (None, None) => "{\"releases\": []}\n".to_string(),
            };
            write_stdout(text.as_bytes())
        }
        ListFormat::Text => {
            let Some(info) = info else {
                return write_stdout(
                    b"no release yet: make one with `agora release PATH NAME [--comment TEXT]`\n",
                );
            };
            let mut out = String::new();
            for e in &info.log {
                let Some(name) = &e.name else { continue };
                let what = match &e.diff {
                    None => format!("first release, {} session(s)", e.sessions),
                    Some(d) => changes::summary(d),
                };
                out.push_str(&format!(
                    "{}  {}  {what}\n",
                    crate::export::clean::line(name),
                    changes::utc_text(e.time)
                ));
                if let Some(c) = &e.comment {
                    out.push_str(&format!("    {}\n", crate::export::clean::line(c)));
                }
            }
            match (&current, info.log.last()) {
                (None, _) => out.push_str("working copy: does not load (see `agora check`)\n"),
                (Some(_), Some(e)) if e.name.is_none() => out.push_str(&format!(
                    "working copy: changed since the last release ({})\n",
                    e.diff.as_ref().map(changes::summary).unwrap_or_default()
                )),
                _ => out.push_str("working copy: same as the last release\n"),
            }
            write_stdout(out.as_bytes())
        }
    }
}

/// A version named on the command line.
enum Side {
    Release(usize),
    Current,
}

fn side(store: &Store, name: &str) -> Result<Side, String> {
    let key = name.to_lowercase();
    if key == "current" || key == "wip" {
        return Ok(Side::Current);
    }
    find_release(store, name).map(Side::Release)
}

fn load_any(path: &Path, color: ColorChoice) -> Result<Program, Outcome> {
    let is_schedule = path.is_file()
        && path
            .extension()
            .is_some_and(|x| x.eq_ignore_ascii_case("xml") || x.eq_ignore_ascii_case("json"));
    if is_schedule {
        super::import::schedule_program(path).map_err(|m| fail(&m))
    } else {
        load_path(path).map_err(|failure| input_failure(&failure, color))
    }
}

pub(super) fn diff_command(args: &DiffArgs, color: ColorChoice) -> Outcome {
    let (old, new, from, to);
    let (old_ref, new_ref): (&Program, &Program);
    let store;
    if let Some(other) = &args.other {
        if args.from.is_some() || args.to.is_some() {
            return fail("--from and --to compare releases of one event; with two files, give only the files");
        }
        old = match load_any(&args.path, color) {
            Ok(p) => p,
            Err(outcome) => return outcome,
        };
        new = match load_any(other, color) {
            Ok(p) => p,
            Err(outcome) => return outcome,
        };
        from = args.path.display().to_string();
        to = other.display().to_string();
        (old_ref, new_ref) = (&old, &new);
    } else {
        store = match Store::open(&args.path) {
            Ok(store) => store,
            Err(failure) => return input_failure(&failure, color),
        };
        let from_side = match &args.from {
            Some(name) => side(&store, name),
            None => find_release(&store, "latest").map(Side::Release),
        };
        let from_side = match from_side {
            Ok(s) => s,
            Err(m) => return fail(&m),
        };
        let to_side = match args.to.as_deref().map(|n| side(&store, n)) {
            None => Side::Current,
            Some(Ok(s)) => s,
            Some(Err(m)) => return fail(&m),
        };
        let needs_current = matches!(from_side, Side::Current) || matches!(to_side, Side::Current);
        let current = if needs_current {
            match load_path(&args.path) {
                Ok(p) => Some(p),
                Err(failure) => return input_failure(&failure, color),
            }
        } else {
            None
        };
        let pick = |s: &Side| -> (String, usize) {
            match s {
                Side::Release(i) => (store.releases[*i].name.clone(), *i),
                Side::Current => ("current".to_string(), usize::MAX),
            }
        };
        let (f, fi) = pick(&from_side);
        let (t, ti) = pick(&to_side);
        from = f;
        to = t;
        let text = {
            let get = |i: usize| -> &Program {
                if i == usize::MAX {
                    current.as_ref().unwrap_or(&store.releases[0].program)
                } else {
                    &store.releases[i].program
                }
            };
            let d = diff(get(fi), get(ti));
            render(&d, &from, &to, args.format)
        };
        return emit(text);
    }
    let d = diff(old_ref, new_ref);
    emit(render(&d, &from, &to, args.format))
}

fn render(d: &crate::release::Diff, from: &str, to: &str, format: DiffFormat) -> (String, bool) {
    let text = match format {
        DiffFormat::Text => changes::diff_text(d, from, to),
        DiffFormat::Md => changes::diff_markdown(d, from, to),
        DiffFormat::Json => changes::diff_json(d, from, to),
    };
    (text, !d.is_empty())
}

fn emit((text, changed): (String, bool)) -> Outcome {
    match write_stdout(text.as_bytes()) {
        Outcome::Clean if changed => Outcome::Findings,
        other => other,
    }
}
