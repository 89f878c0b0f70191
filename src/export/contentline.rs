//! RFC 5545 content lines: TEXT escaping, parameter quoting, folding at 75 octets, CRLF.
//!
//! Every byte of an `.ics` file agora writes goes through [`Lines`]. Folding never splits a
//! UTF-8 character nor a backslash escape (`\n`, `\,`, `\;`, `\\`), so even parsers that
//! unfold badly keep the text. This module knows nothing about sessions or calendars.

/// Longest line, in octets, not counting the CRLF (RFC 5545 §3.1).
pub(crate) const MAX_OCTETS: usize = 75;

/// [`escape_text_into`] a new string.
#[cfg(test)]
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    escape_text_into(text, &mut out);
    out
}

/// Escape a TEXT value (RFC 5545 §3.3.11), appended to `out`: backslash, semicolon, comma and
/// newline. Other control characters are not allowed in TEXT and are dropped; a CR or CRLF is
/// a newline.
fn escape_text_into(text: &str, out: &mut String) {
    // Runs of ordinary text are copied whole; only the ASCII specials and the controls (C0,
    // DEL, and C1, which UTF-8 writes 0xC2 0x80–0x9F) stop the scan.
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let special = match b {
            b'\\' | b';' | b',' | 0x00..=0x1F | 0x7F => 1,
            0xC2 if bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)) => 2,
            _ => 0,
        };
        if special == 0 {
            i += 1;
            continue;
        }
        out.push_str(&text[run..i]);
        match b {
            b'\\' => out.push_str("\\\\"),
            b';' => out.push_str("\\;"),
            b',' => out.push_str("\\,"),
            b'\n' => out.push_str("\\n"),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => out.push_str("\\n"),
            b'\t' => out.push(' '),
            // Other controls (and a CR before its LF) are dropped.
            _ => {}
        }
        i += special;
        run = i;
    }
    out.push_str(&text[run..]);
}

/// Undo [`escape_text`] (used by tests and round trips).
#[cfg(test)]
pub(crate) fn unescape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// [`param_value_into`] a new string.
#[cfg(test)]
pub(crate) fn param_value(value: &str) -> String {
    let mut out = String::new();
    param_value_into(value, &mut out);
    out
}

/// A parameter value (RFC 5545 §3.2): double quotes, which cannot be escaped, and controls
/// are removed; the value is quoted when it contains `:`, `;` or `,`.
/// Appended to `out`.
fn param_value_into(value: &str, out: &mut String) {
    let kept = |c: &char| *c != '"' && !c.is_control();
    let quoted = value
        .chars()
        .filter(kept)
        .any(|c| matches!(c, ':' | ';' | ','));
    if quoted {
        out.push('"');
    }
    out.extend(value.chars().filter(kept));
    if quoted {
        out.push('"');
    }
}

/// Fold one unfolded content line into physical lines of at most 75 octets, each ending in
/// CRLF; continuation lines start with one space (which counts in the 75).
#[cfg(test)]
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    fold_into(&mut out, line);
    out
}

/// [`fold`], appended to `out`. Each cut is the furthest that keeps a UTF-8 character and a
/// backslash escape whole (the escape's character follows its backslash: `\n`, `\,`, `\\`).
fn fold_into(out: &mut String, line: &str) {
    let bytes = line.as_bytes();
    let (mut start, mut limit) = (0, MAX_OCTETS);
    while bytes.len() - start > limit {
        let mut cut = start + limit;
        while !line.is_char_boundary(cut) {
            cut -= 1;
        }
        // Backslashes pair up from the left: an odd run just before the cut means the cut
        // falls between a backslash and the character it escapes.
        let run = bytes[..cut]
            .iter()
            .rev()
            .take_while(|&&b| b == b'\\')
            .count();
        if run % 2 == 1 {
            cut -= 1;
        }
        out.push_str(&line[start..cut]);
        out.push_str("\r\n ");
        start = cut;
        // A continuation line's leading space counts in its 75 octets.
        limit = MAX_OCTETS - 1;
    }
    out.push_str(&line[start..]);
    out.push_str("\r\n");
}

/// Undo [`fold`]: join continuation lines (CRLF followed by a space or tab).
#[cfg(test)]
pub(crate) fn unfold(text: &str) -> String {
    text.replace("\r\n ", "").replace("\r\n\t", "")
}

/// An iCalendar object being written, line by line.
#[derive(Default)]
pub(crate) struct Lines {
    out: String,
    /// The line being made, before it is folded into `out` (kept for the next line).
    line: String,
}

impl Lines {
    pub fn new() -> Lines {
        Lines::default()
    }

    /// Lines written after the text already in `out`.
    pub fn continuing(out: String) -> Lines {
        Lines {
            out,
            line: String::new(),
        }
    }

    pub fn begin(&mut self, component: &str) {
        self.raw("BEGIN", &[], component);
    }

    pub fn end(&mut self, component: &str) {
        self.raw("END", &[], component);
    }

    /// A property whose value is already in its final syntax (dates, URIs, enumerations).
    pub fn raw(&mut self, name: &str, params: &[(&str, &str)], value: &str) {
        // Most lines are short and have no parameter: written as they are, with no copy.
        if params.is_empty() && name.len() + 1 + value.len() <= MAX_OCTETS {
            self.out.push_str(name);
            self.out.push(':');
            self.out.push_str(value);
            self.out.push_str("\r\n");
            return;
        }
        self.raw_with(name, params, |line| line.push_str(value));
    }

    /// [`Lines::raw`] of the value `value` writes (a date, a number) into the line.
    pub fn raw_with(
        &mut self,
        name: &str,
        params: &[(&str, &str)],
        value: impl FnOnce(&mut String),
    ) {
        let line = &mut self.line;
        line.clear();
        line.push_str(name);
        for (key, val) in params {
            line.push(';');
            line.push_str(key);
            line.push('=');
            param_value_into(val, line);
        }
        line.push(':');
        value(line);
        fold_into(&mut self.out, line);
    }

    /// A TEXT property: the value is escaped.
    pub fn text(&mut self, name: &str, value: &str) {
        self.raw_with(name, &[], |line| escape_text_into(value, line));
    }

    /// A list of TEXT values (CATEGORIES): each escaped, joined by commas.
    pub fn text_list(&mut self, name: &str, values: &[&str]) {
        self.raw_with(name, &[], |line| {
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    line.push(',');
                }
                escape_text_into(v, line);
            }
        });
    }

    /// Lines already serialised by another [`Lines`] (a shared component).
    pub fn raw_block(&mut self, serialised: &str) {
        self.out.push_str(serialised);
    }

    pub fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `escape_text` as first written, a character at a time: what the byte scan must equal.
    fn escape_by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => out.push_str("\\\\"),
                ';' => out.push_str("\\;"),
                ',' => out.push_str("\\,"),
                '\n' => out.push_str("\\n"),
                '\r' => {
                    if chars.peek() != Some(&'\n') {
                        out.push_str("\\n");
                    }
                }
                '\t' => out.push(' '),
                c if c.is_control() => {}
                c => out.push(c),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn escaping_by_bytes_is_escaping_by_chars(
            text in "[a;,\\\\\r\n\t\u{0}\u{7f}\u{80}\u{9f}\u{a0}\u{c2}é€😀]{0,30}"
        ) {
            proptest::prop_assert_eq!(escape_text(&text), escape_by_chars(&text));
        }
    }

    #[test]
    fn text_escapes() {
        assert_eq!(
            escape_text("a\\b;c,d\ne\r\nf\rg"),
            "a\\\\b\\;c\\,d\\ne\\nf\\ng"
        );
        assert_eq!(escape_text("x\r\nATTENDEE:y"), "x\\nATTENDEE:y");
        assert_eq!(escape_text("bell\u{7}tab\t"), "belltab ");
        assert_eq!(unescape_text(&escape_text("a\\b;c,d\ne")), "a\\b;c,d\ne");
    }

    #[test]
    fn params_are_quoted_or_cleaned() {
        assert_eq!(param_value("Europe/Paris"), "Europe/Paris");
        assert_eq!(param_value("a:b"), "\"a:b\"");
        assert_eq!(param_value("x\"y;z"), "\"xy;z\"");
    }

    #[test]
    fn short_lines_are_untouched() {
        assert_eq!(fold("SUMMARY:hello"), "SUMMARY:hello\r\n");
        let exact = format!("SUMMARY:{}", "a".repeat(67));
        assert_eq!(exact.len(), 75);
        assert_eq!(fold(&exact), format!("{exact}\r\n"));
    }

    #[test]
    fn folds_at_75_octets() {
        let line = format!("SUMMARY:{}", "a".repeat(100));
        let folded = fold(&line);
        let parts: Vec<&str> = folded.trim_end_matches("\r\n").split("\r\n").collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(parts[0].len(), 75);
        assert!(parts[1].starts_with(' '));
        assert_eq!(unfold(&folded), format!("{line}\r\n"));
    }

    #[test]
    fn never_splits_a_character_or_an_escape() {
        // 'é' is two octets: the 75th octet would cut it in half.
        let line = format!("SUMMARY:{}é{}", "a".repeat(66), "b".repeat(10));
        let folded = fold(&line);
        let first = folded.split("\r\n").next().unwrap_or_default();
        assert_eq!(first.len(), 74);
        assert!(first.ends_with('a'));
        // An escape straddling the limit moves whole to the next line.
        let line = format!("DESCRIPTION:{}\\n{}", "a".repeat(62), "b".repeat(10));
        let folded = fold(&line);
        let first = folded.split("\r\n").next().unwrap_or_default();
        assert!(first.ends_with('a'), "{first}");
        assert!(folded.contains("\r\n \\n"));
    }

    #[test]
    fn writes_a_component() {
        let mut lines = Lines::new();
        lines.begin("VEVENT");
        lines.text("SUMMARY", "a, b; c");
        lines.raw("DTSTART", &[("TZID", "Europe/Paris")], "20171205T140000");
        lines.text_list("CATEGORIES", &["x,y", "z"]);
        lines.end("VEVENT");
        assert_eq!(
            lines.finish(),
            "BEGIN:VEVENT\r\nSUMMARY:a\\, b\\; c\r\nDTSTART;TZID=Europe/Paris:20171205T140000\r\n\
             CATEGORIES:x\\,y,z\r\nEND:VEVENT\r\n"
        );
    }

    /// Folding unit by unit (a character, or a backslash and the character after it): the
    /// greedy cuts [`fold`] must make, byte for byte.
    fn fold_by_units(line: &str) -> String {
        let mut out = String::new();
        let mut used = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            let mut end = start + c.len_utf8();
            if c == '\\' {
                if let Some((i, next)) = chars.next() {
                    end = i + next.len_utf8();
                }
            }
            let unit = &line[start..end];
            if used + unit.len() > MAX_OCTETS {
                out.push_str("\r\n ");
                used = 1;
            }
            out.push_str(unit);
            used += unit.len();
        }
        out.push_str("\r\n");
        out
    }

    proptest! {
        #[test]
        fn folding_cuts_where_a_unit_by_unit_fold_does(text in "[a\\\\é,;\n€𝄞]{0,400}") {
            let line = format!("DESCRIPTION:{}", escape_text(&text));
            prop_assert_eq!(fold(&line), fold_by_units(&line));
            let raw = format!("URL:{text}");
            prop_assert_eq!(fold(&raw), fold_by_units(&raw));
        }

        #[test]
        fn folding_is_lossless_and_bounded(text in "\\PC{0,300}", name in "[A-Z]{1,12}") {
            let line = format!("{name}:{}", escape_text(&text));
            let folded = fold(&line);
            prop_assert!(folded.ends_with("\r\n"));
            for physical in folded.trim_end_matches("\r\n").split("\r\n") {
                prop_assert!(physical.len() <= MAX_OCTETS, "{} octets", physical.len());
                // A continuation never starts inside a character (after its leading space).
                if let Some(&b) = physical.as_bytes().get(1) {
                    prop_assert!(!(0x80..0xC0).contains(&b) || !physical.starts_with(' '));
                }
                // No line ends in the middle of an escape.
                let trailing = physical.len() - physical.trim_end_matches('\\').len();
                prop_assert!(trailing % 2 == 0, "line ends inside an escape: {physical:?}");
            }
            let unfolded = unfold(&folded);
            prop_assert_eq!(unfolded.trim_end_matches("\r\n"), line.as_str());
            let value = &unfolded.trim_end_matches("\r\n")[name.len() + 1..];
            let expected = text.replace("\r\n", "\n").replace('\r', "\n").replace('\t', " ");
            let expected: String = expected.chars().filter(|c| *c == '\n' || !c.is_control()).collect();
            prop_assert_eq!(unescape_text(value), expected);
        }
    }
}
