//! A calendar file as components and properties, each with the line it starts on.
//!
//! The `ical` crate parses each content line (name, parameters, value). Three of its habits are
//! worked around here, because calendars from Outlook and Google show all of them: its unfolding
//! drops the space before a fold and gives up silently on a fold inside a UTF-8 character, so it
//! gets text unfolded here byte by byte; it drops every leading `:` of a value, so values are
//! taken from the unfolded line; and it forgets line numbers, so lines are counted here. Its
//! component parser is not used: it loses lines too, and accepts an `END` that closes another
//! component.

use ical::property::PropertyParser;

/// One property: name in upper case, parameters (keys in upper case), raw value.
#[derive(Debug, Clone)]
pub(super) struct Prop {
    pub name: String,
    pub params: Vec<(String, Vec<String>)>,
    pub value: String,
    /// 1-based physical line where the property starts.
    pub line: usize,
}

impl Prop {
    /// The first value of a parameter, unquoted.
    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.first())
            .map(|v| v.trim_matches('"'))
    }
}

/// A `BEGIN:NAME` … `END:NAME` block.
#[derive(Debug, Clone, Default)]
pub(super) struct Component {
    pub name: String,
    pub line: usize,
    pub props: Vec<Prop>,
    pub children: Vec<Component>,
}

impl Component {
    pub fn prop(&self, name: &str) -> Option<&Prop> {
        self.props.iter().find(|p| p.name == name)
    }

    pub fn props<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Prop> + 'a {
        self.props.iter().filter(move |p| p.name == name)
    }

    pub fn value(&self, name: &str) -> Option<&str> {
        self.prop(name).map(|p| p.value.as_str())
    }
}

/// Nesting deeper than this is refused (a calendar nests three levels: VCALENDAR, VEVENT, VALARM).
const MAX_DEPTH: usize = 16;

/// The calendars of a file, and the lines that could not be read (line, message).
#[derive(Debug, Default)]
pub(super) struct Parsed {
    pub calendars: Vec<Component>,
    pub problems: Vec<(usize, String)>,
}

/// A logical line: the physical lines of one property joined, and where it starts.
struct Logical {
    bytes: Vec<u8>,
    line: usize,
}

/// Join folded lines (a line break followed by a space or a tab), byte by byte so that a fold
/// inside a UTF-8 character joins the character again. Blank lines are dropped.
fn unfold(bytes: &[u8]) -> Vec<Logical> {
    let mut out: Vec<Logical> = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        match line.first() {
            Some(b' ' | b'\t') if !out.is_empty() => {
                if let Some(last) = out.last_mut() {
                    last.bytes.extend_from_slice(&line[1..]);
                }
            }
            _ => {
                let start = line
                    .iter()
                    .position(|b| !b.is_ascii_whitespace())
                    .unwrap_or(line.len());
                out.push(Logical {
                    bytes: line[start..].to_vec(),
                    line: i + 1,
                });
            }
        }
    }
    out.retain(|l| l.bytes.iter().any(|b| !b.is_ascii_whitespace()));
    out
}

/// The value of a content line: everything after the first `:` outside a quoted parameter.
fn raw_value(line: &str) -> &str {
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ':' if !quoted => return &line[i + 1..],
            _ => {}
        }
    }
    ""
}

/// Parse the text of a calendar file (a UTF-8 byte-order mark already removed).
pub(super) fn parse(bytes: &[u8]) -> Parsed {
    let mut parsed = Parsed::default();
    let mut lines: Vec<(String, usize)> = Vec::new();
    for logical in unfold(bytes) {
        match String::from_utf8(logical.bytes) {
            Ok(text) => lines.push((text, logical.line)),
            Err(_) => parsed.problems.push((
                logical.line,
                "this line is not UTF-8 text; it is left out".to_string(),
            )),
        }
    }
    let joined: String = lines
        .iter()
        .map(|(text, _)| text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let properties = PropertyParser::from_reader(std::io::BufReader::new(joined.as_bytes()));
    let mut stack: Vec<Component> = Vec::new();
    let mut outside = false;
    for (result, (text, line)) in properties.zip(&lines) {
        let property = match result {
            Ok(p) => p,
            Err(e) => {
                // The crate's message starts with its own line count ("Line 3: …").
                let message = e.to_string();
                let message = message
                    .split_once(": ")
                    .map(|(_, m)| m.to_string())
                    .unwrap_or(message);
                parsed.problems.push((
                    *line,
                    format!("this line is not an iCalendar property ({message})"),
                ));
                continue;
            }
        };
        let name = property.name.trim().to_ascii_uppercase();
        let value = raw_value(text).to_string();
        match name.as_str() {
            "BEGIN" => {
                let component = value.trim().to_ascii_uppercase();
                if stack.is_empty() && component != "VCALENDAR" {
                    parsed.problems.push((
                        *line,
                        format!("`BEGIN:{component}` outside a calendar; expected BEGIN:VCALENDAR"),
                    ));
                    outside = true;
                } else if stack.len() >= MAX_DEPTH {
                    parsed
                        .problems
                        .push((*line, "components are nested too deeply".to_string()));
                    return parsed;
                }
                if stack.is_empty() && component != "VCALENDAR" {
                    continue;
                }
                stack.push(Component {
                    name: component,
                    line: *line,
                    ..Component::default()
                });
            }
            "END" => {
                let component = value.trim().to_ascii_uppercase();
                match stack.iter().rposition(|c| c.name == component) {
                    Some(at) => {
                        while stack.len() > at + 1 {
                            if let Some(open) = stack.pop() {
                                parsed.problems.push((
                                    open.line,
                                    format!(
                                        "`BEGIN:{}` is never closed (END:{component} comes first)",
                                        open.name
                                    ),
                                ));
                            }
                        }
                        if let Some(done) = stack.pop() {
                            match stack.last_mut() {
                                Some(parent) => parent.children.push(done),
                                None => parsed.calendars.push(done),
                            }
                        }
                    }
                    None if outside => {}
                    None => parsed.problems.push((
                        *line,
                        format!("`END:{component}` closes nothing that was begun"),
                    )),
                }
            }
            _ => match stack.last_mut() {
                Some(current) => current.props.push(Prop {
                    name,
                    params: property
                        .params
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(k, v)| (k.to_ascii_uppercase(), v))
                        .collect(),
                    value,
                    line: *line,
                }),
                None if outside => {}
                None => {
                    parsed.problems.push((
                        *line,
                        format!("`{name}` outside a calendar; expected BEGIN:VCALENDAR first"),
                    ));
                    outside = true;
                }
            },
        }
    }
    for open in stack.into_iter().rev() {
        parsed.problems.push((
            open.line,
            format!(
                "`BEGIN:{}` is never closed (no END:{})",
                open.name, open.name
            ),
        ));
    }
    parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_join_inside_characters_and_keep_spaces() {
        // "Conseil métropolitain" folded after "Conseil " and inside the two bytes of 'é'.
        let mut text = b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Conseil \r\n m\xc3".to_vec();
        text.extend_from_slice(b"\r\n \xa9tropolitain\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n");
        let parsed = parse(&text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let event = &parsed.calendars[0].children[0];
        assert_eq!(event.value("SUMMARY"), Some("Conseil métropolitain"));
        assert_eq!(event.line, 2);
    }

    #[test]
    fn a_value_keeps_its_leading_colon_and_lines_are_physical() {
        let text = "BEGIN:VCALENDAR\n\nX-A;P=\"a:b\":\n ::x\nBEGIN:VEVENT\nEND:VCALENDAR\n";
        let parsed = parse(text.as_bytes());
        let calendar = &parsed.calendars[0];
        assert_eq!(calendar.value("X-A"), Some("::x"));
        assert_eq!(calendar.prop("X-A").map(|p| p.line), Some(3));
        assert_eq!(calendar.prop("X-A").and_then(|p| p.param("P")), Some("a:b"));
        assert_eq!(
            parsed.problems,
            vec![(
                5,
                "`BEGIN:VEVENT` is never closed (END:VCALENDAR comes first)".to_string()
            )]
        );
    }

    #[test]
    fn what_is_not_a_calendar_is_said() {
        let parsed = parse(b"hello\nBEGIN:VCALENDAR\nEND:VCALENDAR\n");
        assert_eq!(parsed.calendars.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].0, 1);
    }
}
