//! Source files of an event and positions inside them.
//!
//! Every item of the model remembers where it was written as a [`Span`] (file index and byte
//! range); this module turns spans into the line and column an organiser sees in an editor.
//! It owns the text of every file read, so diagnostics can quote the offending line.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// A byte range in one of the event's source files.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Index into [`Sources`].
    pub file: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(file: u32, range: std::ops::Range<usize>) -> Span {
        Span {
            file,
            start: range.start as u32,
            end: range.end as u32,
        }
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One file read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// The path as the user can open it (relative to where they ran agora when they gave a
    /// relative path).
    pub path: PathBuf,
    /// The text, without a leading byte-order mark.
    pub text: String,
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    pub fn new(path: PathBuf, text: String) -> SourceFile {
        SourceFile {
            path,
            text,
            line_starts: OnceLock::new(),
        }
    }

    fn line_starts(&self) -> &[usize] {
        self.line_starts.get_or_init(|| {
            std::iter::once(0)
                .chain(self.text.match_indices('\n').map(|(i, _)| i + 1))
                .collect()
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let starts = self.line_starts();
        let line = starts.partition_point(|&s| s <= offset) - 1;
        let start = starts[line];
        let column = self.text[start..floor_char_boundary(&self.text, offset)]
            .chars()
            .count();
        (line + 1, column + 1)
    }

    /// Byte range of the 1-based line `line`, without its line ending.
    pub fn line_range(&self, line: usize) -> std::ops::Range<usize> {
        let starts = self.line_starts();
        let start = starts[line - 1];
        let end = starts.get(line).map(|&s| s - 1).unwrap_or(self.text.len());
        let end = if end > start && self.text.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// All files of one event, in the order they were read: the event's own `.toml` files, and
/// apart from them the files they refer to (speakers' and rooms' calendars), which spans may
/// point into but which are never edited or saved.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    referenced: Vec<SourceFile>,
}

/// Index bit of a referenced (not event) file.
const REFERENCED: u32 = 1 << 31;

impl Sources {
    pub fn add(&mut self, file: SourceFile) -> u32 {
        self.files.push(file);
        (self.files.len() - 1) as u32
    }

    /// Add a file the event refers to (a calendar); it is not among [`Sources::files`].
    pub fn add_referenced(&mut self, file: SourceFile) -> u32 {
        self.referenced.push(file);
        (self.referenced.len() - 1) as u32 | REFERENCED
    }

    pub fn get(&self, index: u32) -> &SourceFile {
        if index & REFERENCED != 0 {
            &self.referenced[(index & !REFERENCED) as usize]
        } else {
            &self.files[index as usize]
        }
    }

    /// Replace the text of event file `index` (a save wrote it); its line index is rebuilt.
    pub(crate) fn set_text(&mut self, index: u32, text: String) {
        if let Some(file) = self.files.get_mut(index as usize) {
            *file = SourceFile::new(file.path.clone(), text);
        }
    }

    /// The event's own files (what the editor edits and saves).
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Files the event refers to, such as calendars, in the order they were read.
    pub fn referenced(&self) -> &[SourceFile] {
        &self.referenced
    }

    pub fn path(&self, index: u32) -> &Path {
        &self.get(index).path
    }

    /// File path, 1-based line and column of the start of a span.
    pub fn locate(&self, span: Span) -> (&Path, usize, usize) {
        let file = self.get(span.file);
        let (line, column) = file.line_col(span.start as usize);
        (&file.path, line, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        let f = SourceFile::new("x.toml".into(), "a = 1\ntitle = \"Café\" x\r\nz".into());
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        // 'x' after "Café" (é is two bytes) is the 16th character of line 2.
        let x = f.text.find(" x").unwrap() + 1;
        assert_eq!(f.line_col(x), (2, 16));
        assert_eq!(&f.text[f.line_range(2)], "title = \"Café\" x");
        assert_eq!(&f.text[f.line_range(3)], "z");
        assert_eq!(f.line_col(f.text.len()), (3, 2));
    }
}
