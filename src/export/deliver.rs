//! The one delivery step of an export, for the command line and the editor alike: where the
//! files of an export go (a file, or a folder), writing them there through the one atomic
//! writer, and the export's timestamp read once per run.
//!
//! Printing to standard output stays the command line's own; everything else about where
//! files land is decided here, so `agora export` and the editor's `:export` cannot disagree.

use std::path::{Path, PathBuf};

use super::{paths, Format, OutputFile};
use crate::time::Instant;

/// Where the files of an export go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// The main file of a one-file format, at this path.
    File(PathBuf),
    /// Every file, under this folder.
    Folder(PathBuf),
}

impl Destination {
    /// The destination of an export of `formats` asked to go to `out`: a file when there is
    /// one format writing one file, no split, and `out` has the format's extension and is not
    /// a folder; else the folder `out`; without `out`, the folder `default`.
    pub fn choose(formats: &[Format], split: bool, out: Option<&Path>, default: PathBuf) -> Self {
        match (out, formats) {
            (Some(out), [f])
                if f.single_file()
                    && !split
                    && out.extension().is_some_and(|x| x == f.extension())
                    && !out.is_dir() =>
            {
                Destination::File(out.to_path_buf())
            }
            (Some(out), _) => Destination::Folder(out.to_path_buf()),
            (None, _) => Destination::Folder(default),
        }
    }

    /// `exports/<event-id>/`, where exports go by default.
    pub fn default_folder(event_id: &str) -> PathBuf {
        Path::new("exports").join(event_id)
    }
}

/// What a delivery wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Delivered {
    /// Every path written, in the export's order.
    pub written: Vec<PathBuf>,
    /// The main files, as shown to the organiser (relative to the folder, or the file's path).
    pub main: Vec<String>,
}

/// Why a delivery failed: the path and what went wrong, as one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeliveryError {
    pub path: PathBuf,
    pub message: String,
}

impl From<paths::WriteError> for DeliveryError {
    fn from(e: paths::WriteError) -> DeliveryError {
        DeliveryError {
            path: e.path,
            message: e.message,
        }
    }
}

impl std::fmt::Display for DeliveryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {}", self.path.display(), self.message)
    }
}

/// Write `files` to `destination`: the first main file alone for [`Destination::File`] (its
/// folder created if needed), every file for [`Destination::Folder`].
pub fn deliver(
    files: &[OutputFile],
    destination: &Destination,
    force: bool,
) -> Result<Delivered, DeliveryError> {
    // An existing file is replaced only when agora wrote it there before (the folder's
    // `.agora-export` names it), or with `force` (see `paths::write_export`).
    match destination {
        Destination::File(path) => {
            let fail = |path: &Path, message: String| DeliveryError {
                path: path.to_path_buf(),
                message,
            };
            let file = files
                .iter()
                .find(|f| f.main)
                .ok_or_else(|| fail(path, "has nothing to write".to_string()))?;
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)
                    .map_err(|e| fail(parent, format!("cannot be created: {e}")))?;
            }
            paths::write_export_file(path, &file.bytes, force)?;
            Ok(Delivered {
                written: vec![path.clone()],
                main: vec![path.display().to_string()],
            })
        }
        Destination::Folder(root) => {
            let list: Vec<(paths::OutputPath, &super::Body)> =
                files.iter().map(|f| (f.path.clone(), &f.bytes)).collect();
            let written = paths::write_export(root, &list, force)?;
            Ok(Delivered {
                written,
                main: files
                    .iter()
                    .filter(|f| f.main)
                    .map(|f| f.path.display())
                    .collect(),
            })
        }
    }
}

/// An export written into the folder `root` while it is made, each file as it comes
/// (`export::export_each` into a `paths::FolderExport`), so a big export is never held whole;
/// nothing there is replaced until [`Pending::commit`]. With `stamps` (a folder), the files'
/// stamps are kept there for the next export into `root` ([`super::stamps`]).
#[allow(clippy::too_many_arguments)]
pub fn stream_to_folder(
    program: &crate::model::Program,
    formats: &[Format],
    selection: &super::Selection,
    split: Option<super::Split>,
    options: &super::Options,
    root: &Path,
    force: bool,
    stamps: Option<&Path>,
) -> Result<Pending, StreamError> {
    let mut folder: Option<paths::FolderExport> = None;
    let mut main = Vec::new();
    super::export_each::<StreamError>(program, formats, selection, split, options, &mut |files| {
        if files.is_empty() {
            return Ok(());
        }
        let into = match &mut folder {
            Some(into) => into,
            None => {
                let mut into = paths::FolderExport::open(root, force).map_err(written)?;
                if let Some(cache) = stamps {
                    into.keep_stamps(cache.to_path_buf());
                }
                folder.insert(into)
            }
        };
        let put = |e| match e {
            paths::PutError::Tangled => StreamError::Tangled,
            paths::PutError::Write(e) => written(e),
        };
        // Whole files a batch at a time; a file given in pieces, a piece at a time.
        let mut whole: Vec<(&paths::OutputPath, &super::Body)> = Vec::new();
        for f in &files {
            if f.continued || into.mid_file() {
                into.put_all(&whole).map_err(put)?;
                whole.clear();
                into.put_piece(&f.path, &f.bytes, f.continued)
                    .map_err(put)?;
            } else {
                whole.push((&f.path, &f.bytes));
            }
        }
        into.put_all(&whole).map_err(put)?;
        main.extend(
            files
                .iter()
                .filter(|f| f.main && !f.continued)
                .map(|f| f.path.display()),
        );
        Ok(())
    })?;
    Ok(Pending { folder, main })
}

/// A streamed export's files, written beside their places, not yet in them.
pub struct Pending {
    folder: Option<paths::FolderExport>,
    main: Vec<String>,
}

impl Pending {
    /// Whether the export made no file at all (nothing was created).
    pub fn is_empty(&self) -> bool {
        self.folder.is_none()
    }

    /// Put every file in its place at once. Dropped instead, the folder is left as it was.
    pub fn commit(self) -> Result<Delivered, DeliveryError> {
        let written = match self.folder {
            Some(folder) => folder.finish()?,
            None => Vec::new(),
        };
        Ok(Delivered {
            written,
            main: self.main,
        })
    }
}

/// Why a streamed export stopped.
#[derive(Debug)]
pub enum StreamError {
    Export(super::ExportError),
    Delivery(DeliveryError),
    /// A path is both a file and a folder (ids such as `amphi` and `amphi.ics`): untangling
    /// needs every path, so the export is made whole ([`super::export`]) and [`deliver`]ed.
    Tangled,
}

impl From<super::ExportError> for StreamError {
    fn from(e: super::ExportError) -> StreamError {
        StreamError::Export(e)
    }
}

fn written(e: paths::WriteError) -> StreamError {
    StreamError::Delivery(e.into())
}

/// The timestamp of this run's exports: `SOURCE_DATE_EPOCH` when set (reproducible builds),
/// else the clock. The one place the environment and the clock are read for an export; a
/// command or an editor `:export` reads it once and gives it to every file it writes.
pub fn stamp_of_this_run() -> Result<Instant, super::StampError> {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
    super::stamp_from(std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(), now)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_only_for_one_single_file_format_with_its_extension() {
        let default = PathBuf::from("exports/e");
        let ics = [Format::Ics];
        let choose = |formats: &[Format], split, out: Option<&str>| {
            Destination::choose(formats, split, out.map(Path::new), default.clone())
        };
        assert_eq!(
            choose(&ics, false, Some("out/cal.ics")),
            Destination::File("out/cal.ics".into())
        );
        assert_eq!(
            choose(&ics, false, Some("out/cal.txt")),
            Destination::Folder("out/cal.txt".into())
        );
        assert_eq!(
            choose(&ics, true, Some("out/cal.ics")),
            Destination::Folder("out/cal.ics".into())
        );
        assert_eq!(
            choose(&[Format::Html], false, Some("site.html")),
            Destination::Folder("site.html".into())
        );
        assert_eq!(
            choose(&[Format::FrabXml], false, Some("schedule.xml")),
            Destination::File("schedule.xml".into())
        );
        assert_eq!(
            choose(Format::ALL, false, Some("x.ics")),
            Destination::Folder("x.ics".into())
        );
        assert_eq!(
            choose(&ics, false, None),
            Destination::Folder(default.clone())
        );
    }
}
