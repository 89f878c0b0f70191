//! Compiler-style text: severity and code, the sentence, the file, line and column, the source
//! line with a marker, a help line — as rustc and cargo print them (annotate-snippets).

use annotate_snippets::{AnnotationKind, Group, Level as SnippetLevel, Renderer, Snippet};

use crate::codes::Level;
use crate::load::InputError;
use crate::model::Program;
use crate::rules::{Diagnostic, Summary};
use crate::source::{Sources, Span};

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
        annotation = annotation.label(label);
    }
    Snippet::source(text)
        .line_start(line)
        .path(file.path.to_string_lossy())
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
        .primary_title(d.message.as_str())
        .id(d.code.as_str())
        .element(snippet(sources, d.span, None, true));
    for (span, note) in &d.related {
        group = group.element(snippet(sources, *span, Some(note.as_str()), false));
    }
    if let Some(help) = &d.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
    }
    renderer(color).render(&[group])
}

/// One input error (the event could not be read).
pub fn input_error(sources: &Sources, e: &InputError, color: bool) -> String {
    let mut group = Group::with_title(SnippetLevel::ERROR.primary_title(e.message.as_str()));
    if let Some(span) = e.span {
        group = group.element(snippet(sources, span, e.label.as_deref(), true));
    } else if let Some(path) = &e.path {
        let mut origin = annotate_snippets::Origin::path(path.to_string_lossy());
        if path.is_file() {
            // A whole-file problem (empty, binary, no [event]) is reported at its start.
            origin = origin.line(1).char_column(1);
        }
        group = group.element(origin);
    }
    if let Some(help) = &e.help {
        group = group.element(SnippetLevel::HELP.message(help.as_str()));
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
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&diagnostic(program, d, color));
        out.push_str("\n\n");
    }
    out.push_str(&summary(program, diagnostics));
    out.push('\n');
    out
}
