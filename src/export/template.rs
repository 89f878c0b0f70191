//! The template engine (minijinja) as the agendas use it: built-in templates compiled into
//! the binary, an organiser's `--template FILE` in their place, and escaping decided by the
//! format, not by the template's author.
//!
//! HTML output is autoescaped (`& < > " '`); Markdown output escapes every character with a
//! meaning in GitHub-flavoured Markdown (and raw HTML), so a title cannot become a link, a
//! table cell break or a tag; text output is written as is. `| safe` opts out. A value that
//! is `none` prints as nothing. An undefined variable is an error, so a typo in a template is
//! reported instead of silently printing nothing.

use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior};

/// The CSS of the HTML agenda, available to templates as `{% include "agenda.css" %}`.
pub(crate) const CSS: &str = include_str!("templates/agenda.css");
/// The interactive agenda's stylesheet and script (`{% include "agenda-web.css" %}`,
/// `{% include "agenda.js" %}`): search, filters, favourites, sticky headers, condensed view.
pub(crate) const WEB_CSS: &str = include_str!("templates/agenda-web.css");
pub(crate) const WEB_JS: &str = include_str!("templates/agenda.js");
/// The kiosk pages' stylesheet and clock script (`agora export signage`).
const SIGNAGE_CSS: &str = include_str!("templates/signage.css");
const SIGNAGE_JS: &str = include_str!("templates/signage.js");

/// Why a template could not make its agenda. The messages are the ones organisers read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    /// A built-in stylesheet or script that does not compile (`what`: "stylesheet", "script").
    #[error("built-in {what}: {message}")]
    Builtin { what: &'static str, message: String },
    /// The template's own error, with its line and its cause.
    #[error("{0}")]
    Template(String),
    /// A custom template that ran out of its steps.
    #[error(
        "{described}: the template ran more than {fuel} steps without finishing (a loop that \
         does not end, or one over far more items than the program has)"
    )]
    OutOfFuel { described: String, fuel: u64 },
    #[error(
        "the template's output passes {} MiB: check its loops",
        MAX_OUTPUT_BYTES / (1024 * 1024)
    )]
    TooLarge,
    #[error("the template's output is not UTF-8")]
    NotUtf8,
}

/// How a template's output is escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Escape {
    Html,
    Markdown,
    None,
}

impl Escape {
    /// The name the template is registered under (its extension picks the escaping).
    fn template_name(self) -> &'static str {
        match self {
            Escape::Html => "agenda.html",
            Escape::Markdown => "agenda.md",
            Escape::None => "agenda.txt",
        }
    }
}

/// Escape for HTML text and attribute values.
pub(crate) fn html_escape(text: &str, out: &mut String) {
    // The five are ASCII, never part of a longer UTF-8 sequence: the text between them is
    // copied a run at a time.
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&text[run..]);
}

/// Escape for inline GitHub-flavoured Markdown, table cells included: every ASCII punctuation
/// character that can start or end markup gets a backslash, so the text reads literally.
pub(crate) fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    markdown_escape_into(text, &mut out);
    out
}

/// [`markdown_escape`], appended to `out` (the native Markdown writer's).
pub(crate) fn markdown_escape_into(text: &str, out: &mut String) {
    let start = out.len();
    for c in text.chars() {
        match c {
            // Parentheses and `!` only matter after `]`, which is escaped.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A line break inside a cell or heading would end it.
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    // Markup that only counts at the start of a line: lists, quotes, headings, rules. A
    // backslash only escapes punctuation, so an ordinal's `.` or `)` takes it ("5\\."):
    // before a digit it would be shown.
    if out[start..].starts_with(['-', '+', '=', '#']) {
        out.insert(start, '\\');
    } else if let Some(digits) = ordinal_digits(&out[start..]) {
        out.insert(start + digits, '\\');
    }
    if may_autolink(&out[start..]) {
        let escaped = out.split_off(start);
        out.push_str(&break_autolinks(escaped));
    }
}

/// Whether `text` may hold something GitHub links by itself: a domain needs a period, and a
/// scheme, `www` or an `@`.
fn may_autolink(text: &str) -> bool {
    text.contains('.') && text.contains([':', '@', 'w', 'W'])
}

/// What GitHub would turn into a link by itself (an `https://…` or `www.…` address, an
/// e-mail address) gets an invisible word joiner (`&#8288;`) before the `://`, after the
/// `www` or before the `@`: the text reads the same and stays text. Backslash escapes do not
/// do it, since GitHub finds those links after reading the escapes.
fn break_autolinks(text: String) -> String {
    const JOINER: &str = "&#8288;";
    if !may_autolink(&text) {
        return text;
    }
    let mut out = String::with_capacity(text.len());
    let mut previous: Option<char> = None;
    let mut rest = text.as_str();
    while let Some(c) = rest.chars().next() {
        let word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        let scheme = c == ':'
            && rest.starts_with("://")
            && previous.is_some_and(|p| p.is_ascii_alphabetic());
        let address =
            c == '@' && previous.is_some_and(|p| p.is_alphanumeric() || "._+-".contains(p));
        if scheme || address {
            out.push_str(JOINER);
        } else if word_start
            && rest
                .get(..4)
                .is_some_and(|p| p.eq_ignore_ascii_case("www."))
        {
            out.push_str(&rest[..3]);
            out.push_str(JOINER);
            previous = Some('w');
            rest = &rest[3..];
            continue;
        }
        out.push(c);
        previous = Some(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// How many digits open `text` when they are followed by `.` or `)`, as a list number is.
fn ordinal_digits(text: &str) -> Option<usize> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && text[digits..].starts_with(['.', ')'])).then_some(digits)
}

/// Markdown for a paragraph of several lines: each line escaped, paragraphs kept (the
/// `md_block` filter; the native Markdown writer calls it too).
pub(crate) fn markdown_block(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.trim().is_empty() {
                String::new()
            } else {
                markdown_escape(line.trim_start())
            }
        })
        .collect::<Vec<_>>()
        .join("  \n")
        .replace("  \n  \n", "\n\n")
}

fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    if value.is_none() || value.is_undefined() {
        return Ok(());
    }
    let text = value.to_string();
    let escaped = if value.is_safe() {
        text
    } else {
        match state.auto_escape() {
            AutoEscape::Html => {
                let mut s = String::with_capacity(text.len());
                html_escape(&text, &mut s);
                s
            }
            AutoEscape::Custom("markdown") => markdown_escape(&text),
            _ => text,
        }
    };
    out.write_str(&escaped)
        .map_err(|e| Error::new(ErrorKind::WriteFailure, e.to_string()))
}

/// `{{ text | wrap(72, "    ") }}`: wrap to a width (in terminal columns), every line after
/// the first indented; paragraphs (blank lines) are kept.
fn wrap(text: String, width: usize, indent: Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    wrap_into(&text, width, indent.as_deref().unwrap_or(""), &mut out);
    out
}

/// The `wrap` filter as a plain function, appending to `out` (the native text writer's).
pub(crate) fn wrap_into(text: &str, width: usize, indent: &str, out: &mut String) {
    let options = textwrap::Options::new(width.max(10))
        .subsequent_indent(indent)
        .break_words(true);
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if para.trim().is_empty() {
            continue;
        }
        if i == 0 {
            fill_into(para, &options, out);
        } else {
            fill_into(para, &options.clone().initial_indent(indent), out);
        }
    }
}

/// `textwrap::fill(para, options)` appended to `out`, for one paragraph (no new line). One
/// that fits on a line whichever indent it gets is the first indent and the text without its
/// trailing spaces, as textwrap writes it: that is written without looking for words.
fn fill_into(para: &str, options: &textwrap::Options, out: &mut String) {
    let indent =
        unicode_width(options.initial_indent).max(unicode_width(options.subsequent_indent));
    if indent + text_width(para) <= options.width {
        out.push_str(options.initial_indent);
        out.push_str(para.trim_end_matches(' '));
    } else if !first_fit(para, options, out) {
        out.push_str(&textwrap::fill(para, options));
    }
}

/// textwrap's wrapping as the filters configure it (words between ASCII spaces, a break
/// allowed after a hyphen between two letters or digits, each line filled as far as it goes)
/// for a paragraph none of whose words is wider than a line: then no word is broken, and the
/// lines are found without textwrap's allocations. `false`, with nothing written, otherwise.
fn first_fit(para: &str, options: &textwrap::Options, out: &mut String) -> bool {
    let first = options
        .width
        .saturating_sub(unicode_width(options.initial_indent));
    let rest = options
        .width
        .saturating_sub(unicode_width(options.subsequent_indent));
    // The pieces a line may end after: (start, end of the text, end of the spaces after it,
    // width of the text).
    let mut pieces: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut pos = 0;
    while pos < para.len() {
        let end = para[pos..].find(' ').map_or(para.len(), |i| pos + i);
        let spaces = para[end..]
            .find(|c| c != ' ')
            .map_or(para.len(), |i| end + i);
        let word = &para[pos..end];
        if text_width(word) > first.min(rest) {
            return false;
        }
        let mut from = pos;
        for (i, _) in word.match_indices('-') {
            let before = word[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = word[i + 1..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if before && after {
                let at = pos + i + 1;
                pieces.push((from, at, at, text_width(&para[from..at])));
                from = at;
            }
        }
        pieces.push((from, end, spaces, text_width(&para[from..end])));
        pos = spaces;
    }
    if pieces.is_empty() {
        return false;
    }
    let line = |out: &mut String, number: usize, from: usize, to: usize| {
        if number > 0 {
            out.push('\n');
            out.push_str(options.subsequent_indent);
        } else {
            out.push_str(options.initial_indent);
        }
        out.push_str(&para[pieces[from].0..pieces[to - 1].1]);
    };
    let (mut number, mut start, mut width) = (0, 0, 0);
    for (i, &(_, end, spaces, w)) in pieces.iter().enumerate() {
        let room = if number == 0 { first } else { rest };
        if width + w > room && i > start {
            line(out, number, start, i);
            number += 1;
            start = i;
            width = 0;
        }
        width += w + (spaces - end);
    }
    line(out, number, start, pieces.len());
    true
}

/// The display width of a text: its length for printable ASCII.
fn text_width(text: &str) -> usize {
    if text.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        text.len()
    } else {
        unicode_width(text)
    }
}

/// `{{ text | indent_wrap(72, "  ", "    ") }}`: wrap to a width, the first line indented
/// with the first string and the others with the second (the first when omitted).
fn indent_wrap(text: String, width: usize, indent: String, rest: Option<String>) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    indent_wrap_into(
        &text,
        width,
        &indent,
        rest.as_deref().unwrap_or(&indent),
        &mut out,
    );
    out
}

/// The `indent_wrap` filter as a plain function, appending to `out` (the native text
/// writer's).
pub(crate) fn indent_wrap_into(
    text: &str,
    width: usize,
    indent: &str,
    rest: &str,
    out: &mut String,
) {
    let options = textwrap::Options::new(width.max(10))
        .initial_indent(indent)
        .subsequent_indent(rest)
        .break_words(true);
    for (i, para) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !para.trim().is_empty() {
            fill_into(para, &options, out);
        }
    }
}

/// `{{ text | pad(13) }}`: pad with spaces to a display width.
/// Widest column `pad` makes (a text agenda is 72 columns).
const MAX_PAD: usize = 1000;

pub(crate) fn pad(text: String, width: usize) -> String {
    let width = width.min(MAX_PAD);
    let w = unicode_width(&text);
    if w >= width {
        text
    } else {
        format!("{text}{}", " ".repeat(width - w))
    }
}

fn unicode_width(text: &str) -> usize {
    textwrap::core::display_width(text)
}

/// `{{ text | md_block }}`: a multi-line text as Markdown paragraphs, escaped.
fn md_block(text: String) -> Value {
    Value::from_safe_string(markdown_block(&text))
}

/// `{{ "=" | repeat(72) }}`.
pub(crate) fn repeat(text: String, n: usize) -> String {
    text.repeat(n.min(1000))
}

/// Render a page with a built-in template or the organiser's, from a serialisable context
/// (the signage pages; their callers keep text errors).
pub(crate) fn render(
    escape: Escape,
    builtin: &'static str,
    custom: Option<&str>,
    view: &impl serde::Serialize,
) -> Result<String, TemplateError> {
    render_sized(escape, builtin, custom, Value::from_serialize(view), 0)
}

/// [`render`] with the context given as a template value (the agendas' shared objects,
/// `view::View::into_context`), for an agenda of `sessions` sessions (a custom template's fuel
/// grows with it).
pub(crate) fn render_sized(
    escape: Escape,
    builtin: &'static str,
    custom: Option<&str>,
    context: Value,
    sessions: usize,
) -> Result<String, TemplateError> {
    let fuel = fuel_for(sessions);
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_keep_trailing_newline(true);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else if name.ends_with(".md") {
            AutoEscape::Custom("markdown")
        } else {
            AutoEscape::None
        }
    });
    env.set_formatter(formatter);
    env.add_filter("wrap", wrap);
    env.add_filter("indent_wrap", indent_wrap);
    env.add_filter("pad", pad);
    env.add_filter("md_block", md_block);
    env.add_filter("repeat", repeat);
    env.add_template("agenda.css", CSS)
        .map_err(|e| builtin_error("stylesheet", &e))?;
    env.add_template("agenda-web.css", WEB_CSS)
        .map_err(|e| builtin_error("stylesheet", &e))?;
    env.add_template("agenda.js", WEB_JS)
        .map_err(|e| builtin_error("script", &e))?;
    env.add_template("signage.css", SIGNAGE_CSS)
        .map_err(|e| builtin_error("stylesheet", &e))?;
    env.add_template("signage.js", SIGNAGE_JS)
        .map_err(|e| builtin_error("script", &e))?;
    let name = escape.template_name();
    match custom {
        Some(source) => env
            .add_template_owned(name, source.to_string())
            .map_err(|e| TemplateError::Template(describe(&e)))?,
        None => env
            .add_template(name, builtin)
            .map_err(|e| TemplateError::Template(describe(&e)))?,
    }
    if custom.is_some() {
        // An organiser's template runs bounded: loops stop when the fuel is spent, and the
        // output stops at the input cap, so `range` loops or `pad(10000000000)` end with a
        // message instead of running for hours or filling the memory.
        env.set_fuel(Some(fuel));
    }
    let template = env
        .get_template(name)
        .map_err(|e| TemplateError::Template(describe(&e)))?;
    let mut out = Capped {
        bytes: Vec::new(),
        full: false,
    };
    let result = template.render_captured_to(context, &mut out).map(drop);
    if out.full {
        return Err(TemplateError::TooLarge);
    }
    result.map_err(|e| match e.kind() {
        ErrorKind::OutOfFuel => TemplateError::OutOfFuel {
            described: describe(&e),
            fuel,
        },
        _ => TemplateError::Template(describe(&e)),
    })?;
    String::from_utf8(out.bytes).map_err(|_| TemplateError::NotUtf8)
}

/// Steps a custom template may run: a base, and ample for each session (the built-in templates
/// take about 200 a session).
fn fuel_for(sessions: usize) -> u64 {
    5_000_000 + 2_000 * sessions as u64
}

/// An agenda larger than anything agora reads is a runaway template.
pub(crate) const MAX_OUTPUT_BYTES: usize = crate::load::MAX_FILE_BYTES as usize;

/// Collects a template's output, refusing to grow past [`MAX_OUTPUT_BYTES`].
struct Capped {
    bytes: Vec<u8>,
    full: bool,
}

impl std::io::Write for Capped {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > MAX_OUTPUT_BYTES {
            self.full = true;
            return Err(std::io::Error::other("output too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn builtin_error(what: &'static str, e: &Error) -> TemplateError {
    TemplateError::Builtin {
        what,
        message: e.to_string(),
    }
}

/// A template error with its line and, when there is one, its cause.
fn describe(e: &Error) -> String {
    let mut text = match e.line() {
        Some(line) => format!(
            "line {line}: {}",
            e.detail().unwrap_or(&e.kind().to_string())
        ),
        None => e.to_string(),
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(&format!(": {s}"));
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_literal() {
        assert_eq!(markdown_escape("a|b"), "a\\|b");
        assert_eq!(
            markdown_escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(markdown_escape("<script>"), "\\<script\\>");
        assert_eq!(markdown_escape("**bold** _i_"), "\\*\\*bold\\*\\* \\_i\\_");
        assert_eq!(markdown_escape("- item"), "\\- item");
        assert_eq!(markdown_escape("1. first"), "1\\. first");
        assert_eq!(
            markdown_escape("5.–6. Dezember 2017"),
            "5\\.–6. Dezember 2017"
        );
        assert_eq!(markdown_escape("# title"), "\\# title");
        assert_eq!(markdown_escape("a-b 1.5"), "a-b 1.5");
        assert_eq!(markdown_escape("&amp;"), "\\&amp;");
    }

    /// What a CommonMark reader makes of an escaped line: its text, and whether any markup
    /// (a list, a heading, emphasis, a link…) was found in it.
    fn read_back(markdown: &str) -> (String, bool) {
        use pulldown_cmark::{Event, Parser, Tag};
        let mut text = String::new();
        let mut markup = false;
        for event in Parser::new(markdown) {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::Start(Tag::Paragraph) | Event::End(_) => {}
                _ => markup = true,
            }
        }
        (text, markup)
    }

    #[test]
    fn escaped_text_reads_back_as_itself() {
        // Regression: "5.–6. Dezember 2017" (a German date range) was written "\\5.–6.", and
        // a backslash before a digit is shown, not read as an escape.
        for text in [
            "5.–6. Dezember 2017",
            "1. first",
            "12) twelfth",
            "2017. A year",
            "- item",
            "+ plus",
            "# title",
            "> quote",
            "**bold** _i_ `code` ~~gone~~",
            "[x](javascript:alert(1)) <b>raw</b> &amp;",
            "a\\b | c",
        ] {
            let (read, markup) = read_back(&markdown_escape(text));
            assert_eq!(
                read,
                text,
                "{text:?} escaped as {:?}",
                markdown_escape(text)
            );
            assert!(!markup, "{text:?} escaped as {:?}", markdown_escape(text));
        }
    }

    #[test]
    fn markdown_breaks_what_github_would_autolink() {
        assert_eq!(
            markdown_escape("see https://evil.example/x and WWW.evil.example, or a.b@c.example"),
            "see https&#8288;://evil.example/x and WWW&#8288;.evil.example, or a.b&#8288;@c.example"
        );
        // Ordinary text is untouched.
        assert_eq!(
            markdown_escape("awww. @home 10:30 a: b"),
            "awww. @home 10:30 a: b"
        );
        assert_eq!(markdown_escape("ééé www.x"), "ééé www&#8288;.x");
        for hostile in [
            "http://x.example",
            "mailto:x@y.example",
            "xmpp:a@b.example",
            "www.x.example",
        ] {
            let escaped = markdown_escape(hostile);
            assert!(
                !escaped.contains("://") || escaped.contains("&#8288;://"),
                "{escaped}"
            );
            assert!(!escaped.to_ascii_lowercase().contains("www."), "{escaped}");
            assert!(
                !escaped.contains('@') || escaped.contains("&#8288;@"),
                "{escaped}"
            );
        }
    }

    proptest::proptest! {
        /// The one-line shortcut of `fill_into` writes what textwrap writes.
        #[test]
        fn filling_is_textwraps(
            para in "( {0,3}([a-z]{1,3}|[a-zé東\\-,.!]{1,30})){0,20} {0,2}",
            width in 10usize..80,
            first in 0usize..16,
            rest in 0usize..16,
        ) {
            let (first, rest) = (" ".repeat(first), " ".repeat(rest));
            let options = textwrap::Options::new(width)
                .initial_indent(&first)
                .subsequent_indent(&rest)
                .break_words(true);
            let mut out = String::from("before");
            fill_into(&para, &options, &mut out);
            proptest::prop_assert_eq!(out, format!("before{}", textwrap::fill(&para, &options)));
        }

        /// Escaping into a text appends what `markdown_escape` returns.
        #[test]
        fn escaping_into_appends(before in ".{0,8}", text in "[-+=#0-9. a-z:/@w|*_<>\\n]{0,40}") {
            let mut out = before.clone();
            markdown_escape_into(&text, &mut out);
            proptest::prop_assert_eq!(out, format!("{before}{}", markdown_escape(&text)));
        }
    }

    #[test]
    fn markdown_blocks_keep_paragraphs() {
        assert_eq!(
            markdown_block("one\ntwo\n\n- three"),
            "one  \ntwo\n\n\\- three"
        );
    }

    #[test]
    fn html_escapes_the_five() {
        let mut s = String::new();
        html_escape("\"><img src=x onerror='a'>&", &mut s);
        assert_eq!(s, "&quot;&gt;&lt;img src=x onerror=&#39;a&#39;&gt;&amp;");
    }

    #[test]
    fn wraps_and_pads() {
        let text = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do";
        let wrapped = wrap(text.to_string(), 20, Some("  ".into()));
        for line in wrapped.lines() {
            assert!(unicode_width(line) <= 20, "{line}");
        }
        assert!(wrapped.lines().skip(1).all(|l| l.starts_with("  ")));
        // CJK characters are two columns wide and break anywhere.
        let cjk = "東京国際フォーラムでの開発者会議の基調講演と今後の展望について";
        for line in wrap(cjk.to_string(), 20, None).lines() {
            assert!(unicode_width(line) <= 20, "{line}");
        }
        assert_eq!(pad("14:00".into(), 8), "14:00   ");
        assert_eq!(pad("東京".into(), 6), "東京  ");
    }
}
