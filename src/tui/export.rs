//! The bridge from `:export FORMAT [PATH] [--picks]` to the exports (`crate::export`).
//!
//! The editor exports the program as it is on screen, unsaved edits included. Files go where
//! `agora export` puts them: `exports/<event-id>/` by default, a folder, or — for a one-file
//! format — a file whose extension matches. `--picks` keeps only the starred sessions (for
//! `ics`, a personal calendar, `<event-id>-picks.ics` by default).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::export::{self, paths, ExportError, Format, Options, Selection};
use crate::model::Program;

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Export `program` (only the `picks` when given) in `format` (`all` for every format), to
/// `path` or the default place. Returns a sentence saying what was written.
pub fn export(
    program: &Program,
    picks: Option<&BTreeSet<String>>,
    format: &str,
    path: Option<&Path>,
) -> Result<String, String> {
    let formats: Vec<Format> = if format == "all" {
        Format::ALL.to_vec()
    } else {
        vec![Format::parse(format).ok_or_else(|| format!("unknown export format `{format}`"))?]
    };
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
            return Err("no picks to export: star sessions with * first".into());
        }
    }
    let stamp = export::stamp_from(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(), now())?;
    let options = Options {
        utc: false,
        stamp,
        template: None,
        changes: None,
    };
    let files =
        export::export(program, &formats, &selection, None, &options).map_err(|e| match e {
            ExportError::Selection(s) => s.message,
            other => other.to_string(),
        })?;
    let main: Vec<&export::OutputFile> = files.iter().filter(|f| f.main).collect();
    let single = formats.len() == 1 && formats[0].single_file();
    let default_folder = Path::new("exports").join(&program.event.id);
    // One file: a path with the format's extension, or the picks' own name by default.
    let file_target: Option<PathBuf> = match (path, single) {
        (Some(p), true)
            if p.extension().is_some_and(|x| x == formats[0].extension()) && !p.is_dir() =>
        {
            Some(p.to_path_buf())
        }
        (None, true) if picks.is_some() => Some(default_folder.join(format!(
            "{}-picks.{}",
            program.event.id,
            formats[0].extension()
        ))),
        _ => None,
    };
    if let Some(target) = file_target {
        let file = main.first().ok_or("nothing to write")?;
        if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create `{}`: {e}", parent.display()))?;
        }
        paths::atomic_write(&target, &file.bytes)
            .map_err(|e| format!("cannot write `{}`: {e}", target.display()))?;
        return Ok(format!(
            "Exported {} to {}",
            formats[0].name(),
            target.display()
        ));
    }
    let root = path.map(Path::to_path_buf).unwrap_or(default_folder);
    let list: Vec<(paths::OutputPath, &[u8])> = files
        .iter()
        .map(|f| (f.path.clone(), f.bytes.as_slice()))
        .collect();
    let written = paths::write_export(&root, &list, false)
        .map_err(|e| format!("cannot write `{}`: {}", e.path.display(), e.message))?;
    let names: Vec<String> = main.iter().map(|f| f.path.display()).collect();
    Ok(format!(
        "Exported {} file(s) into {}: {}",
        written.len(),
        root.display(),
        names.join(", ")
    ))
}
