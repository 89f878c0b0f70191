//! Compiler-style text: severity and code, the sentence, the file, line and column, the source
//! line with a marker, a help line — as rustc and cargo print them (annotate-snippets).

use std::borrow::Cow;

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use crate::codes::Level;
use crate::load::InputError;
use crate::model::Program;
use crate::rules::{Diagnostic, Summary};
use crate::source::{Sources, Span};

/// Bidirectional controls reorder what a terminal shows: a title could pretend to be another.
use crate::export::clean::is_bidi_control;

/// Text from a file (titles, names) made safe to print: control and bidirectional characters,
/// which could move the cursor, recolour the terminal or reorder the line, are shown escaped.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() || is_bidi_control(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A source line made safe to print without moving any byte, so markers stay in place:
/// each unsafe character becomes a replacement of the same length in UTF-8.
fn printable_source(line: &str) -> Cow<'_, str> {
    if !line
        .chars()
        .any(|c| (c.is_control() && c != '\t') || is_bidi_control(c))
    {
        return Cow::Borrowed(line);
    }
    Cow::Owned(
        line.chars()
            .map(|c| match c {
                '\t' => "\t".to_string(),
                c if (c.is_control() || is_bidi_control(c)) => match c.len_utf8() {
                    1 => "?".to_string(),
                    2 => "\u{a4}".to_string(),
                    _ => "\u{fffd}".to_string(),
                },
                c => c.to_string(),
            })
            .collect(),
    )
}

fn renderer(color: bool) -> Renderer {
    if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    }
}

/// The source line of `span` as a snippet, with the span marked (clamped to that line).
fn snippet<'a>(
    sources: &'a Sources,
    span: Span,
    label: Option<&'a str>,
    primary: bool,
) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
    let file = sources.get(span.file);
    let (line, _) = file.line_col(span.start as usize);
    let range = file.line_range(line);
    let text = &file.text[range.clone()];
    let start = floor_boundary(
        text,
        (span.start as usize).clamp(range.start, range.end) - range.start,
    );
    let end = floor_boundary(
        text,
        (span.end as usize).clamp(range.start, range.end) - range.start,
    )
    .max(start);
    let kind = if primary {
        AnnotationKind::Primary
    } else {
        AnnotationKind::Context
    };
    let mut annotation = kind.span(start..end.max(start));
    if let Some(label) = label {
        annotation = annotation.label(printable(label));
    }
    Snippet::source(printable_source(text))
        .line_start(line)
        .path(printable(&file.path.to_string_lossy()).into_owned())
        .annotation(annotation)
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn level_of(severity: Level) -> SnippetLevel<'static> {
    match severity {
        Level::Error => SnippetLevel::ERROR,
        Level::Warning => SnippetLevel::WARNING,
        _ => SnippetLevel::INFO,
    }
}

/// One rule diagnostic.
pub fn diagnostic(program: &Program, d: &Diagnostic, color: bool) -> String {
    let sources = &program.sources;
    let mut group = level_of(d.severity)
        .primary_title(printable(&d.message))
        .id(d.code.as_str())
        .element(snippet(sources, d.span, None, true));
    for (span, note) in &d.related {
        group = group.element(snippet(sources, *span, Some(note.as_str()), false));
    }
    if let Some(help) = &d.help {
        group = group.element(SnippetLevel::HELP.message(printable(help)));
    }
    renderer(color).render(&[group])
}

/// One input error (the event could not be read).
pub fn input_error(sources: &Sources, e: &InputError, color: bool) -> String {
    let mut group = Group::with_title(SnippetLevel::ERROR.primary_title(printable(&e.message)));
    if let Some(span) = e.span {
        group = group.element(snippet(sources, span, e.label.as_deref(), true));
    } else if let Some(path) = &e.path {
        let mut origin =
            annotate_snippets::Origin::path(printable(&path.to_string_lossy()).into_owned());
        if path.is_file() {
            // A whole-file problem (empty, binary, no [event]) is reported at its start.
            origin = origin.line(1).char_column(1);
        }
        group = group.element(origin);
    }
    if let Some(help) = &e.help {
        group = group.element(SnippetLevel::HELP.message(printable(help)));
    }
    renderer(color).render(&[group])
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// "forum-interconnectes-2017: 0 errors, 1 warning, 2 infos (28 sessions)".
pub fn summary(program: &Program, diagnostics: &[Diagnostic]) -> String {
    let s = Summary::of(diagnostics);
    format!(
        "{}: {}, {}, {} ({})",
        program.event.id,
        plural(s.errors, "error"),
        plural(s.warnings, "warning"),
        plural(s.infos, "info"),
        plural(program.sessions.len(), "session")
    )
}

/// The whole report: every diagnostic, then the summary line.
pub fn report(program: &Program, diagnostics: &[Diagnostic], color: bool) -> String {
    report_capped(program, diagnostics, color, usize::MAX)
}

/// The report of the first `max` diagnostics, then "… and N more", then the summary line
/// (which counts them all).
pub fn report_capped(
    program: &Program,
    diagnostics: &[Diagnostic],
    color: bool,
    max: usize,
) -> String {
    let mut out = String::new();
    for d in diagnostics.iter().take(max) {
        out.push_str(&diagnostic(program, d, color));
        out.push_str("\n\n");
    }
    if diagnostics.len() > max {
        out.push_str(&format!(
            "… and {} more diagnostics (--max-diagnostics {max})\n\n",
            diagnostics.len() - max
        ));
    }
    out.push_str(&summary(program, diagnostics));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_shown_escaped() {
        assert_eq!(printable("Plain Café"), "Plain Café");
        assert_eq!(printable("a\r\nATTENDEE:x"), "a\\r\\nATTENDEE:x");
        assert_eq!(printable("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(printable("abc\u{202e}fed"), "abc\\u{202e}fed");
        // Source lines keep every byte offset.
        let line = "title = \"x\u{202e}y\u{85}z\u{7f}\"";
        let safe = printable_source(line);
        assert_eq!(safe.len(), line.len());
        assert!(!safe.chars().any(|c| c.is_control() || is_bidi_control(c)));
    }
}
