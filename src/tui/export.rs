//! The bridge from `:export FORMAT [PATH] [--picks]` to the exports (`crate::export`).
//!
//! The editor exports the program as it is on screen, unsaved edits included. Files go where
//! `agora export` puts them: `exports/<event-id>/` by default, a folder, or — for a one-file
//! format — a file whose extension matches. `--picks` keeps only the starred sessions (for
//! `ics`, a personal calendar, `<event-id>-picks.ics` by default).

use std::collections::BTreeSet;
use std::path::Path;

use crate::export::deliver::{deliver, stamp_of_this_run, Destination};
use crate::export::{self, ExportError, Format, Options, Selection};
use crate::model::Program;

/// Export `program` (only the `picks` when given) in `format` (`all` for every format), to
/// `path` or the default place. Returns a sentence saying what was written.
pub fn export(
    program: &Program,
    picks: Option<&BTreeSet<String>>,
    format: &str,
    path: Option<&Path>,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
) -> Result<String, String> {
    let formats = Format::parse_target(format)
        .ok_or_else(|| crate::tui::words::format("export_unknown_format", &[("format", format)]))?;
    let mut selection = Selection::default();
    if let Some(picks) = picks {
        // Only picks still in the program (a starred session may have been deleted).
        selection.sessions = program
            .sessions
            .iter()
            .filter(|s| picks.contains(&s.id))
            .map(|s| s.id.clone())
            .collect();
        if selection.sessions.is_empty() {
            return Err(crate::tui::words::word("export_no_picks").into());
        }
    }
    let options = Options {
        utc: false,
        stamp: stamp_of_this_run().map_err(|e| e.to_string())?,
        template: None,
        changes,
        ..Options::default()
    };
    let files =
        export::export(program, &formats, &selection, None, &options).map_err(|e| match e {
            ExportError::Selection(s) => s.message,
            other => other.to_string(),
        })?;
    let default_folder = Destination::default_folder(&program.event.id);
    let destination = match (path, &formats[..]) {
        // The picks of a one-file format get their own name by default.
        (None, [f]) if picks.is_some() && f.single_file() => Destination::File(
            default_folder.join(format!("{}-picks.{}", program.event.id, f.extension())),
        ),
        _ => Destination::choose(&formats, false, path, default_folder),
    };
    let delivered = deliver(&files, &destination, false).map_err(|e| e.to_string())?;
    Ok(match destination {
        Destination::File(target) => crate::tui::words::format(
            "export_done_file",
            &[
                ("format", formats[0].name()),
                ("path", &target.display().to_string()),
            ],
        ),
        Destination::Folder(root) => crate::tui::words::format_counts(
            "export_done_folder",
            &[
                ("folder", &root.display().to_string()),
                ("files", &delivered.main.join(", ")),
            ],
            &[("count", delivered.written.len() as i64)],
        ),
    })
}
