//! `serde_json`'s pretty layout (two spaces per level) for a value that sits some levels deep in
//! a bigger document, so the parts of one document can be written apart — on several cores, or
//! beside a second serialisation — and joined into exactly the bytes one `to_writer_pretty` of
//! the whole would give.

use std::io;

use serde::Serialize;
use serde_json::ser::Formatter;

/// [`serde_json::ser::PrettyFormatter`] starting `depth` levels in: a line break inside the value
/// is followed by its indentation in the whole document.
pub(crate) struct Nested {
    depth: usize,
    has_value: bool,
}

impl Nested {
    pub(crate) fn at(depth: usize) -> Nested {
        Nested {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + io::Write>(&self, writer: &mut W) -> io::Result<()> {
        const SPACES: &[u8] = b"                                                                ";
        let mut left = self.depth * 2;
        while left > 0 {
            let n = left.min(SPACES.len());
            writer.write_all(&SPACES[..n])?;
            left -= n;
        }
        Ok(())
    }

    /// `[` or `{`: one level deeper, nothing in it yet.
    fn open<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    /// `]` or `}`, on its own line when something came before it.
    fn close<W: ?Sized + io::Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.indent(writer)?;
        }
        writer.write_all(bracket)
    }

    /// The line break (and comma) before an array's value or an object's key.
    fn next_line<W: ?Sized + io::Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(writer)
    }
}

impl Formatter for Nested {
    fn begin_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn end_array_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.next_line(writer, first)
    }

    fn begin_object_value<W: ?Sized + io::Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + io::Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// Append `value`, pretty-printed `depth` levels deep, to `out`. The types written here
/// serialise without failing (no maps with non-string keys); were one to fail, its error
/// would stand in its place, so the document says so rather than losing the rest.
pub(crate) fn append<T: Serialize + ?Sized>(out: &mut Vec<u8>, depth: usize, value: &T) {
    let mut serializer = serde_json::Serializer::with_formatter(&mut *out, Nested::at(depth));
    if let Err(e) = value.serialize(&mut serializer) {
        out.extend_from_slice(format!("{{\"error\": \"{e}\"}}").as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_written_deep_is_what_the_whole_document_holds() {
        let inner = serde_json::json!({
            "a": [1, {"b": [], "c": {}}, "x\ny"],
            "d": {"e": [[], [1, 2]], "f": null},
            "g": "é \"q\"",
        });
        // The same value two and five levels deep in a document, written whole by serde_json.
        for depth in [0usize, 1, 2, 5, 40] {
            let mut doc = inner.clone();
            for level in 0..depth {
                doc = serde_json::json!({ format!("k{level}"): doc });
            }
            let whole = serde_json::to_string_pretty(&doc).unwrap();
            let mut part = Vec::new();
            append(&mut part, depth, &inner);
            let part = String::from_utf8(part).unwrap();
            // The document is its keys' lines around the value, outermost key first.
            let (mut prefix, mut suffix) = (String::new(), String::new());
            for (l, level) in (0..depth).rev().enumerate() {
                prefix.push_str(&format!("{{\n{}\"k{level}\": ", "  ".repeat(l + 1)));
                suffix.insert_str(0, &format!("\n{}}}", "  ".repeat(l)));
            }
            assert_eq!(whole, format!("{prefix}{part}{suffix}"), "depth {depth}");
        }
    }
}
