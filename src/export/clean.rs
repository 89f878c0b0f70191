//! Untrusted text made harmless before any format sees it.
//!
//! Titles, names and descriptions come from whoever edits the event files. Each export escapes
//! for its own syntax; this module removes what no syntax can neutralise: control characters
//! (a raw CR/LF would start a new iCalendar property, a NUL breaks parsers) and the explicit
//! bidirectional formatting characters that can make text read differently from what it is
//! (U+202A–U+202E, U+2066–U+2069). It also decides which URLs may become links.
//! It must not escape for a particular format: that is each format's job.

use std::borrow::Cow;

pub use crate::text::is_bidi_control;

/// Characters dropped everywhere: C0/C1 controls (except tab and newline, handled by callers),
/// DEL, bidi controls, and the Unicode line/paragraph separators.
fn is_dropped(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || is_bidi_control(c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// A one-line value (title, name, room): line breaks and tabs become spaces, runs of
/// whitespace collapse, the ends are trimmed.
pub fn line(text: &str) -> String {
    cleaned_line(text).into_owned()
}

/// [`line`], borrowing the text when it is clean already (as most titles and names are):
/// an export of 100,000 sessions then copies none of them.
pub fn cleaned_line(text: &str) -> Cow<'_, str> {
    borrowed_unless_rewritten(text, is_clean_line, rewrite_line)
}

/// `text` itself when `is_clean` says the rewrite would give it back, else the rewrite.
fn borrowed_unless_rewritten(
    text: &str,
    is_clean: fn(&str) -> bool,
    rewrite: fn(&str) -> String,
) -> Cow<'_, str> {
    if is_clean(text) {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(rewrite(text))
    }
}

/// [`line`] written out character by character.
fn rewrite_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\u{2028}' | '\u{2029}') {
            space = !out.is_empty();
            continue;
        }
        if is_dropped(c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// Whether [`line`] leaves `text` as it is: single spaces between words, no other white
/// space, nothing dropped.
fn is_clean_line(text: &str) -> bool {
    if text.starts_with(' ') || text.ends_with(' ') {
        return false;
    }
    let mut after_space = false;
    for c in text.chars() {
        if c == ' ' {
            if after_space {
                return false;
            }
            after_space = true;
        } else if c.is_whitespace() || is_dropped(c) {
            return false;
        } else {
            after_space = false;
        }
    }
    true
}

/// A multi-line value (description, bio): CRLF and CR become LF, other controls are dropped,
/// trailing spaces on each line and blank lines at the ends are removed.
pub fn block(text: &str) -> String {
    cleaned_block(text).into_owned()
}

/// [`block`], borrowing the text when it is clean already.
pub fn cleaned_block(text: &str) -> Cow<'_, str> {
    borrowed_unless_rewritten(text, is_clean_block, rewrite_block)
}

/// [`block`] written out character by character.
fn rewrite_block(text: &str) -> String {
    // One pass into one string (descriptions are the longest texts of a program).
    let mut out = String::with_capacity(text.len());
    let mut line_start = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                '\n'
            }
            '\u{2028}' | '\u{2029}' => '\n',
            c => c,
        };
        if c == '\n' {
            trim_line_end(&mut out, line_start);
            // Blank lines at the start are left out.
            if !out.is_empty() {
                out.push('\n');
            }
            line_start = out.len();
        } else if !is_dropped(c) {
            out.push(if c == '\t' { ' ' } else { c });
        }
    }
    trim_line_end(&mut out, line_start);
    let kept = out.trim_end_matches('\n').len();
    out.truncate(kept);
    out
}

/// Whether [`block`] leaves `text` as it is: no line ending in white space, no blank line at
/// either end, nothing rewritten (CR, tab, line separators) or dropped.
fn is_clean_block(text: &str) -> bool {
    if text.starts_with('\n') || text.ends_with('\n') {
        return false;
    }
    let mut previous = '\n';
    for c in text.chars() {
        if c == '\n' {
            if previous != '\n' && previous.is_whitespace() {
                return false;
            }
        } else if matches!(c, '\r' | '\t') || is_dropped(c) {
            return false;
        }
        previous = c;
    }
    text.is_empty() || !previous.is_whitespace()
}

/// Drop the whitespace ending the line that starts at byte `line_start` of `out`.
fn trim_line_end(out: &mut String, line_start: usize) {
    let kept = out[line_start..].trim_end().len();
    out.truncate(line_start + kept);
}

/// A multi-line value kept as written, for formats other tools read back (the frab exports):
/// CRLF and CR become LF, controls other than tab and newline and the bidi controls are
/// dropped, and nothing else changes — trailing spaces, tabs, runs of blank lines, list
/// indentation and U+2028/U+2029 survive, so an import of the export gives the same text.
pub fn faithful_block(text: &str) -> String {
    cleaned_faithful_block(text).into_owned()
}

/// [`faithful_block`], borrowing the text when it has nothing to drop or rewrite.
pub fn cleaned_faithful_block(text: &str) -> Cow<'_, str> {
    borrowed_unless_rewritten(text, is_clean_faithful_block, rewrite_faithful_block)
}

/// Whether [`faithful_block`] leaves `text` as it is: no CR, nothing it drops.
fn is_clean_faithful_block(text: &str) -> bool {
    !text.contains(|c: char| c == '\r' || dropped_from_faithful(c))
}

/// What [`faithful_block`] drops: what every text drops, except the line separators.
fn dropped_from_faithful(c: char) -> bool {
    is_dropped(c) && !matches!(c, '\u{2028}' | '\u{2029}')
}

/// [`faithful_block`] written out.
fn rewrite_faithful_block(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| !dropped_from_faithful(c))
        .collect()
}

/// An optional value through [`faithful_block`]; texts of white space only become `None`.
pub(crate) fn opt_faithful_block(text: Option<&str>) -> Option<Cow<'_, str>> {
    text.map(cleaned_faithful_block)
        .filter(|t| !t.trim().is_empty())
}

/// An optional value through [`line`]; empty results become `None`.
pub(crate) fn opt_line(text: Option<&str>) -> Option<String> {
    opt_cleaned_line(text).map(Cow::into_owned)
}

/// [`opt_line`], borrowing clean texts ([`cleaned_line`]).
pub(crate) fn opt_cleaned_line(text: Option<&str>) -> Option<Cow<'_, str>> {
    text.map(cleaned_line).filter(|t| !t.is_empty())
}

/// An optional value through [`block`]; empty results become `None`.
pub(crate) fn opt_block(text: Option<&str>) -> Option<String> {
    opt_cleaned_block(text).map(Cow::into_owned)
}

/// [`opt_block`], borrowing clean texts ([`cleaned_block`]).
pub(crate) fn opt_cleaned_block(text: Option<&str>) -> Option<Cow<'_, str>> {
    text.map(cleaned_block).filter(|t| !t.is_empty())
}

/// The URL if it may become a link: `http`, `https` or `mailto`, with something after the
/// scheme and no whitespace, control or bidi character anywhere. `javascript:`, `data:` and
/// everything else is refused (the caller shows it as text, or drops it).
pub(crate) fn safe_url(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = ["https://", "http://", "mailto:"]
        .iter()
        .find_map(|scheme| lower.strip_prefix(scheme))?;
    let bad = |c: char| c.is_whitespace() || c.is_control() || is_bidi_control(c) || c == '\\';
    // A host (or an address) must follow the scheme.
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        return None;
    }
    if url.chars().any(bad) || url.contains(['<', '>', '"', '`']) {
        return None;
    }
    Some(url)
}

/// A URL as a URI for iCalendar: non-ASCII characters percent-encoded (an IRI becomes a URI).
pub(crate) fn uri_ascii(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// A text is borrowed only when writing it out would give it back: every cleaned
        /// form equals the character-by-character rewrite, on texts made of the characters
        /// cleaning is about.
        #[test]
        fn borrowed_only_when_the_rewrite_gives_the_text_back(
            text in "([ aé]{0,4}[\\t\\n\\r\u{a0}\u{2028}\u{202e}\u{feff}\u{85}\u{0}]?){0,4}"
        ) {
            proptest::prop_assert_eq!(cleaned_line(&text), rewrite_line(&text));
            proptest::prop_assert_eq!(cleaned_block(&text), rewrite_block(&text));
            proptest::prop_assert_eq!(
                cleaned_faithful_block(&text),
                rewrite_faithful_block(&text)
            );
        }
    }

    #[test]
    fn clean_texts_are_borrowed() {
        assert!(matches!(
            cleaned_line("Ouverture du forum"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(cleaned_block("Un.\n\nDeux."), Cow::Borrowed(_)));
        assert!(matches!(cleaned_line("Ouverture  du forum"), Cow::Owned(_)));
        assert!(matches!(cleaned_block("Un. \nDeux."), Cow::Owned(_)));
        assert!(matches!(
            cleaned_faithful_block("Un. \n\tDeux."),
            Cow::Borrowed(_)
        ));
        assert!(matches!(cleaned_faithful_block("Un.\r\n"), Cow::Owned(_)));
    }

    #[test]
    fn lines_lose_breaks_controls_and_bidi() {
        assert_eq!(line("  a\r\nATTENDEE:x\tb  "), "a ATTENDEE:x b");
        assert_eq!(line("evil\u{202E}txt.exe\u{2066}"), "eviltxt.exe");
        assert_eq!(line("nul\u{0}bell\u{7}"), "nulbell");
        assert_eq!(line("מרכז\u{200F} ok"), "מרכז\u{200F} ok");
    }

    /// `block` as first written, in several passes: what the one-pass version must equal.
    fn block_in_passes(text: &str) -> String {
        let normalised = text
            .replace("\r\n", "\n")
            .replace(['\r', '\u{2028}', '\u{2029}'], "\n");
        let lines: Vec<String> = normalised
            .split('\n')
            .map(|l| {
                l.chars()
                    .filter(|c| !is_dropped(*c))
                    .map(|c| if c == '\t' { ' ' } else { c })
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect();
        lines.join("\n").trim_matches('\n').to_string()
    }

    proptest::proptest! {
        #[test]
        fn block_in_one_pass_is_block_in_passes(
            text in "[a b\t\r\n\u{2028}\u{2029}\u{202E}\u{1b}\u{a0}\u{3000}é]{0,40}"
        ) {
            proptest::prop_assert_eq!(block(&text), block_in_passes(&text));
        }
    }

    #[test]
    fn blocks_keep_paragraphs() {
        assert_eq!(block("a\r\nb\rc\n\n d \n\n"), "a\nb\nc\n\n d");
        assert_eq!(block("x\u{202D}y\u{1b}[31m"), "xy[31m");
    }

    #[test]
    fn only_web_and_mail_urls_are_links() {
        assert_eq!(
            safe_url(" https://example.org/a?b=1 "),
            Some("https://example.org/a?b=1")
        );
        assert!(safe_url("HTTP://EXAMPLE.ORG").is_some());
        assert!(safe_url("mailto:a@example.org").is_some());
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "https://exa mple.org",
            "https://example.org/\u{202E}gpj.exe",
            "https://a\"onmouseover=alert(1)",
            "//example.org",
            "https://",
            "file:///etc/passwd",
        ] {
            assert_eq!(safe_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn iris_become_uris() {
        assert_eq!(
            uri_ascii("https://example.org/café"),
            "https://example.org/caf%C3%A9"
        );
    }
}
