//! One file's TOML tables turned into model items, with every input problem reported.
//!
//! The parser keeps a byte span on every key and value; each problem points at the key or value
//! at fault. Unknown keys are errors with a "did you mean" suggestion: a typo such as `speakrs`
//! must never be silently ignored.

use std::ops::Range;

use chrono::NaiveDate;
use chrono_tz::Tz;
use toml::de::{DeTable, DeValue};
use toml_datetime::Datetime;

use super::suggest::closest;
use super::InputError;
use crate::codes::{Level, RuleCode};
use crate::ids::{is_valid_id, slugify};
use crate::model::{
    Calendar, DateTimeValue, Event, Kind, Room, Session, Spanned, Speaker, Status,
    TomlDateTimeError, Track, Window,
};
use crate::source::Span;

type Val<'i> = toml::Spanned<DeValue<'i>>;

/// The longest `refresh` of `[event]`: one week, in minutes.
const MAX_REFRESH_MINUTES: i64 = 7 * 24 * 60;

const TOP_KEYS: [&str; 7] = [
    "event",
    "checks",
    "tracks",
    "rooms",
    "speakers",
    "sessions",
    "placement",
];
/// `[placement]` keys besides rule codes (each rule code is a key too: its weight).
const PLACEMENT_KEYS: [&str; 7] = [
    "step",
    "warning",
    "info",
    "tidy-track-room",
    "tidy-track-overlap",
    "tidy-distant-rooms",
    "tidy-gap",
];
use crate::model::keys::{
    EVENT as EVENT_KEYS, ROOM as ROOM_KEYS, SESSION as SESSION_KEYS, SPEAKER as SPEAKER_KEYS,
    TRACK as TRACK_KEYS, WINDOW as WINDOW_KEYS,
};

/// The `[event]` table of a file. `event` is `None` when the table had errors.
#[derive(Debug)]
pub(super) struct EventPart {
    pub event: Option<Event>,
    pub span: Span,
}

/// The `[checks]` table of a file: per rule, a level and (changeover only) minutes.
#[derive(Debug)]
pub(super) struct ChecksPart {
    pub entries: Vec<(RuleCode, Option<Level>, Option<i64>)>,
    pub span: Span,
}

/// The `[placement]` table of a file.
#[derive(Debug)]
pub(super) struct PlacementPart {
    pub placement: crate::model::Placement,
    pub span: Span,
}

/// What one file contributes to the event.
pub(super) struct FilePart {
    pub events: Vec<EventPart>,
    pub checks: Vec<ChecksPart>,
    pub placement: Vec<PlacementPart>,
    pub tracks: Vec<Track>,
    pub rooms: Vec<Room>,
    pub speakers: Vec<Speaker>,
    pub sessions: Vec<Session>,
    /// Problems found beyond [`MAX_ERRORS_PER_FILE`], counted but not kept.
    pub dropped_errors: usize,
}

/// Problems kept per file: past this many, they are counted ("… and N more"), so a file of a
/// million bad lines costs neither memory nor a flood of output.
pub(super) const MAX_ERRORS_PER_FILE: usize = 100;

/// Parse and decode one file, or one chunk of a file starting at byte `base` of it.
pub(super) fn decode_file(
    file: u32,
    text: &str,
    base: usize,
    errors: &mut Vec<InputError>,
) -> FilePart {
    let mut part = FilePart {
        events: Vec::new(),
        checks: Vec::new(),
        placement: Vec::new(),
        tracks: Vec::new(),
        rooms: Vec::new(),
        speakers: Vec::new(),
        sessions: Vec::new(),
        dropped_errors: 0,
    };
    let (root, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        part.dropped_errors = syntax.len().saturating_sub(MAX_ERRORS_PER_FILE);
        let mut deep_keys = deep_keys(text);
        for e in syntax.into_iter().take(MAX_ERRORS_PER_FILE) {
            let message = e.message().trim();
            let deep = message == "recursion limit" && e.span().is_none();
            // The parser gives a key with too many dots no place: point at the key.
            let range = e
                .span()
                .or_else(|| deep.then(|| deep_keys.next()).flatten())
                .unwrap_or(0..0);
            let span = Span::new(file, range.start + base..range.end + base);
            let error = if deep {
                InputError::at(
                    span,
                    format!(
                        "TOML syntax: this key has more than {DEEPEST_KEY} dotted parts (tables \
                         nested too deep)"
                    ),
                )
                .label("nested too deep")
                .help("agora's tables are one name deep (`[event]`, `[[sessions]]`): remove the extra parts")
            } else if message == "duplicate key" {
                // Name the key: "duplicate key" alone does not say which one, nor why.
                let key = text.get(range.clone()).unwrap_or("").trim();
                InputError::at(span, format!("TOML syntax: `{key}` is given twice in the same table"))
                    .label("given again here")
                    .help("a key may appear once per table (and a [table] header once per file): keep one")
            } else {
                InputError::at(span, format!("TOML syntax: {message}"))
                    .help("see https://toml.io for the syntax of TOML files")
            };
            errors.push(error);
        }
        return part;
    }
    let mut d = Decoder {
        file,
        base,
        errors,
        reported: 0,
    };
    d.document(root.get_ref(), &mut part);
    part.dropped_errors = d.reported.saturating_sub(MAX_ERRORS_PER_FILE);
    part
}

/// Dotted parts a key may have before the TOML parser refuses it ("recursion limit").
const DEEPEST_KEY: usize = 80;

/// Byte ranges of the keys (`a.b.c = …` or `[a.b.c]`) with more than [`DEEPEST_KEY`] dotted
/// parts, in file order: where the parser's unplaced "recursion limit" errors come from.
fn deep_keys(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |line| {
        let start = offset;
        offset += line.len();
        let body = line.trim_start();
        let lead = start + (line.len() - body.len());
        let (key_start, rest) = match body.strip_prefix("[[").or_else(|| body.strip_prefix('[')) {
            Some(rest) => (lead + (body.len() - rest.len()), rest),
            None => (lead, body),
        };
        // The key ends at `=` or `]` outside quotes; count the dots before it.
        let (mut dots, mut quote, mut end) = (0, None, rest.len());
        for (i, c) in rest.char_indices() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '.') => dots += 1,
                (None, '=' | ']' | '#') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let key = rest[..end].trim_end();
        (dots >= DEEPEST_KEY).then(|| key_start..key_start + key.len())
    })
}

struct Decoder<'e> {
    file: u32,
    /// Offset of the parsed text in its file (non-zero for the later chunks of a large file).
    base: usize,
    errors: &'e mut Vec<InputError>,
    /// Problems found so far; only the first [`MAX_ERRORS_PER_FILE`] are kept.
    reported: usize,
}

/// TOML allows the year 0000; iCalendar, JSON and CSV dates start at 0001.
fn year_zero(span: Span, key: &str) -> InputError {
    InputError::at(span, format!("`{key}` is in the year 0000"))
        .label("year 0000")
        .help("agora handles the years 0001 to 9999 (what iCalendar, JSON and CSV can write)")
}

fn describe(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(dt) => match (dt.date, dt.time) {
            (Some(_), Some(_)) => "a date-time",
            (Some(_), None) => "a date",
            _ => "a time",
        },
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

impl Decoder<'_> {
    fn span(&self, range: Range<usize>) -> Span {
        Span::new(self.file, range.start + self.base..range.end + self.base)
    }

    fn push(&mut self, error: InputError) {
        self.reported += 1;
        if self.reported <= MAX_ERRORS_PER_FILE {
            self.errors.push(error);
        }
    }

    fn document(&mut self, root: &DeTable, part: &mut FilePart) {
        let [event, checks, tracks, rooms, speakers, sessions, placement] =
            self.fields(root, &TOP_KEYS, "the top level of an event file");
        if let Some(v) = event {
            if let Some(t) = self.table(v, "event", "[event]") {
                let span = self.span(v.span());
                let event = self.event(t, span);
                part.events.push(EventPart { event, span });
            }
        }
        if let Some(v) = checks {
            if let Some(t) = self.table(v, "checks", "[checks]") {
                let span = self.span(v.span());
                let entries = self.checks(t);
                part.checks.push(ChecksPart { entries, span });
            }
        }
        if let Some(v) = placement {
            if let Some(t) = self.table(v, "placement", "[placement]") {
                let span = self.span(v.span());
                let placement = self.placement(t);
                part.placement.push(PlacementPart { placement, span });
            }
        }
        for (t, span) in self.array_of_tables(tracks, "tracks") {
            part.tracks.extend(self.track(t, span));
        }
        for (t, span) in self.array_of_tables(rooms, "rooms") {
            part.rooms.extend(self.room(t, span));
        }
        for (t, span) in self.array_of_tables(speakers, "speakers") {
            part.speakers.extend(self.speaker(t, span));
        }
        for (t, span) in self.array_of_tables(sessions, "sessions") {
            part.sessions.extend(self.session(t, span));
        }
    }

    /// Sort a table's entries into the known keys; report the others.
    fn fields<'a, 'i, const N: usize>(
        &mut self,
        table: &'a DeTable<'i>,
        keys: &[&'static str; N],
        what: &str,
    ) -> [Option<&'a Val<'i>>; N] {
        let mut slots = [None; N];
        for (key, value) in table.iter() {
            let name: &str = key.get_ref();
            match keys.iter().position(|k| *k == name) {
                Some(i) => slots[i] = Some(value),
                None => {
                    let help = match closest(name, keys.iter().copied()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        // A classic TOML trap: keys after a [table] header belong to it.
                        None if TOP_KEYS.contains(&name) && keys[..] != TOP_KEYS[..] => format!(
                            "keys after a [table] header belong to that table: move `{name} = …` above the first header, or write it as [[{name}]] tables"
                        ),
                        None => format!("known keys here: {}", keys.join(", ")),
                    };
                    self.push(
                        InputError::at(
                            self.span(key.span()),
                            format!("unknown key `{name}` in {what}"),
                        )
                        .label("unknown key")
                        .help(help),
                    );
                }
            }
        }
        slots
    }

    fn type_error(&mut self, v: &Val, key: &str, expected: &str, help: Option<String>) {
        self.push(
            InputError::at(
                self.span(v.span()),
                format!("`{key}` must be {expected}, not {}", describe(v.get_ref())),
            )
            .label(format!("expected {expected}"))
            .help_opt(help),
        );
    }

    fn missing(&mut self, table_span: Span, what: &str, key: &str, example: &str) {
        self.push(
            InputError::at(
                table_span,
                format!("{what} is missing the required key `{key}`"),
            )
            .label(format!("no `{key}` in this table"))
            .help(format!("add `{key} = {example}`")),
        );
    }

    fn table<'a, 'i>(&mut self, v: &'a Val<'i>, key: &str, form: &str) -> Option<&'a DeTable<'i>> {
        match v.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => {
                self.type_error(
                    v,
                    key,
                    "a table",
                    Some(format!("write it as a table: {form}")),
                );
                None
            }
        }
    }

    /// The tables of `[[key]]`, with the span of each table's header.
    fn array_of_tables<'a, 'i>(
        &mut self,
        v: Option<&'a Val<'i>>,
        key: &str,
    ) -> Vec<(&'a DeTable<'i>, Span)> {
        let Some(v) = v else { return Vec::new() };
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(
                v,
                key,
                "an array of tables",
                Some(format!("write each item under its own [[{key}]] header")),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push((t, self.span(item.span()))),
                _ => self.type_error(
                    item,
                    key,
                    "a table",
                    Some(format!("write each item under its own [[{key}]] header")),
                ),
            }
        }
        out
    }

    fn string(&mut self, v: Option<&Val>, key: &str) -> Option<String> {
        let v = v?;
        match v.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                let help = match other {
                    DeValue::Integer(i) => Some(format!("quote it: {key} = \"{}\"", i.as_str())),
                    _ => Some(format!("write it in quotes: {key} = \"…\"")),
                };
                self.type_error(v, key, "a string", help);
                None
            }
        }
    }

    fn required_string(
        &mut self,
        v: Option<&Val>,
        key: &str,
        table_span: Span,
        what: &str,
    ) -> Option<String> {
        if v.is_none() {
            self.missing(table_span, what, key, "\"…\"");
        }
        self.string(v, key)
    }

    fn id(&mut self, v: Option<&Val>, table_span: Span, what: &str) -> Option<(String, Span)> {
        if v.is_none() {
            self.missing(table_span, what, "id", "\"a-short-id\"");
        }
        let v = v?;
        let text = self.string(Some(v), "id")?;
        if is_valid_id(&text) {
            return Some((text, self.span(v.span())));
        }
        let help = match slugify(&text) {
            Some(slug) => format!("try `id = \"{slug}\"`"),
            None => "for example `id = \"amphi\"`".to_string(),
        };
        self.push(
            InputError::at(self.span(v.span()), format!("invalid id `{text}` for {what}"))
                .label("ids use a-z, 0-9, '.', '_' and '-', start with a letter or digit, at most 64 characters")
                .help(help),
        );
        None
    }

    fn int(&mut self, v: Option<&Val>, key: &str, unit: &str) -> Option<i64> {
        let v = v?;
        match v.get_ref() {
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Some(n),
                Err(_) => {
                    self.push(InputError::at(
                        self.span(v.span()),
                        format!("`{key}` is too large"),
                    ));
                    None
                }
            },
            DeValue::Float(_) => {
                let help = format!("write a whole number of {unit}, without a decimal point");
                self.type_error(v, key, "an integer", Some(help));
                None
            }
            _ => {
                self.type_error(
                    v,
                    key,
                    "an integer",
                    Some(format!("write a whole number of {unit}")),
                );
                None
            }
        }
    }

    fn bool(&mut self, v: Option<&Val>, key: &str) -> Option<bool> {
        let v = v?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some(*b),
            _ => {
                self.type_error(v, key, "true or false", Some(format!("{key} = true")));
                None
            }
        }
    }

    fn strings(
        &mut self,
        v: Option<&Val>,
        key: &str,
        example: &str,
    ) -> Option<Vec<Spanned<String>>> {
        let v = v?;
        let help = Some(format!("write a list: {key} = [{example}]"));
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, key, "an array of strings", help);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Spanned {
                    value: s.to_string(),
                    span: self.span(item.span()),
                }),
                _ => {
                    ok = false;
                    self.type_error(item, key, "a string", help.clone());
                }
            }
        }
        ok.then_some(out)
    }

    fn plain_strings(&mut self, v: Option<&Val>, key: &str, example: &str) -> Option<Vec<String>> {
        self.strings(v, key, example)
            .map(|items| items.into_iter().map(|s| s.value).collect())
    }

    /// A date-time with a date and a time, local or with an offset.
    fn datetime(&mut self, v: Option<&Val>, key: &str) -> Option<Spanned<DateTimeValue>> {
        let v = v?;
        let span = self.span(v.span());
        let example = format!("{key} = 2017-12-05T14:00:00");
        let dt = match v.get_ref() {
            DeValue::Datetime(dt) => dt,
            DeValue::String(s) => {
                let help = if s.parse::<Datetime>().is_ok() {
                    format!("remove the quotes: {key} = {s}")
                } else {
                    format!("write a TOML date-time: {example}")
                };
                self.type_error(v, key, "a date-time", Some(help));
                return None;
            }
            _ => {
                self.type_error(v, key, "a date-time", Some(format!("write {example}")));
                return None;
            }
        };
        if dt.date.is_some_and(|d| d.year == 0) {
            self.push(year_zero(span, key));
            return None;
        }
        let value = match DateTimeValue::from_toml(dt) {
            Ok(value) => value,
            Err(e @ (TomlDateTimeError::DateOnly | TomlDateTimeError::TimeOnly)) => {
                let found = if e == TomlDateTimeError::DateOnly {
                    "a date without a time"
                } else {
                    "a time without a date"
                };
                self.push(
                    InputError::at(span, format!("`{key}` is {found}"))
                        .label("expected a date and a time")
                        .help(format!("write both: {example}")),
                );
                return None;
            }
            Err(TomlDateTimeError::Invalid) => {
                self.push(InputError::at(
                    span,
                    format!("`{key}` is not a valid date-time"),
                ));
                return None;
            }
            Err(TomlDateTimeError::BadOffset) => {
                self.push(InputError::at(
                    span,
                    format!("`{key}` has an invalid offset"),
                ));
                return None;
            }
        };
        Some(Spanned { value, span })
    }

    /// A local date (no time).
    fn date(&mut self, v: Option<&Val>, key: &str) -> Option<NaiveDate> {
        let v = v?;
        let example = format!("{key} = 2017-12-05");
        let date = match v.get_ref() {
            DeValue::Datetime(Datetime {
                date: Some(date),
                time: None,
                offset: None,
            }) => *date,
            DeValue::Datetime(_) => {
                self.type_error(
                    v,
                    key,
                    "a date",
                    Some(format!("write only the day: {example}")),
                );
                return None;
            }
            DeValue::String(s) => {
                let help = if s.parse::<Datetime>().is_ok() {
                    format!("remove the quotes: {key} = {s}")
                } else {
                    format!("write {example}")
                };
                self.type_error(v, key, "a date", Some(help));
                return None;
            }
            _ => {
                self.type_error(v, key, "a date", Some(format!("write {example}")));
                return None;
            }
        };
        if date.year == 0 {
            self.push(year_zero(self.span(v.span()), key));
            return None;
        }
        let parsed = NaiveDate::from_ymd_opt(date.year as i32, date.month as u32, date.day as u32);
        if parsed.is_none() {
            self.push(InputError::at(
                self.span(v.span()),
                format!("`{key}` is not a valid date"),
            ));
        }
        parsed
    }

    /// A list of language tags (`languages`, `interpretation`), each checked as `language`
    /// is; a tag given twice is an error too. Empty when absent or wrong (errors reported).
    fn languages(&mut self, v: Option<&Val>, key: &str) -> Vec<String> {
        let Some(items) = self.strings(v, key, "\"fr\", \"en\"") else {
            return Vec::new();
        };
        let mut out: Vec<String> = Vec::with_capacity(items.len());
        for item in items {
            let tag = item.value;
            if !crate::language::is_usable_tag(&tag) {
                let help = match crate::language::tag_for(&tag) {
                    Some(code) => format!("write the tag, not the name: \"{code}\""),
                    None => format!("for example {key} = [\"fr\", \"en\"]"),
                };
                self.push(
                    InputError::at(
                        item.span,
                        format!("`{tag}` in `{key}` is not a language tag"),
                    )
                    .label("expected a BCP 47 tag")
                    .help(help),
                );
            } else if out.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                self.push(
                    InputError::at(item.span, format!("`{tag}` is listed twice in `{key}`"))
                        .label("already listed")
                        .help("list each language once"),
                );
            } else {
                out.push(tag);
            }
        }
        out
    }

    fn language(&mut self, v: Option<&Val>) -> Option<String> {
        let span = v.map(|v| self.span(v.span()))?;
        let tag = self.string(v, "language")?;
        if crate::language::is_usable_tag(&tag) {
            Some(tag)
        } else {
            // A language's name ("English") is well-formed but names no language: say the tag.
            let help = match crate::language::tag_for(&tag) {
                Some(code) => format!("write the tag, not the name: language = \"{code}\""),
                None => "for example language = \"fr\" or \"en-GB\"".to_string(),
            };
            self.push(
                InputError::at(span, format!("`{tag}` is not a language tag"))
                    .label("expected a BCP 47 tag")
                    .help(help),
            );
            None
        }
    }

    /// `busy = ["calendars/karine.ics"]`: paths of `.ics` files, read once the event is merged.
    fn calendars(&mut self, v: Option<&Val>) -> Vec<Calendar> {
        let Some(items) = self.strings(v, "busy", "\"calendars/karine.ics\"") else {
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            if item.value.trim().is_empty() {
                self.push(
                    InputError::at(item.span, "an empty calendar path")
                        .label("expected the path of an .ics file")
                        .help("write busy = [\"calendars/karine.ics\"], relative to the event"),
                );
                continue;
            }
            out.push(Calendar::unread(item));
        }
        out
    }

    fn windows(&mut self, v: Option<&Val>, key: &str) -> Option<Vec<Window>> {
        let v = v?;
        let help =
            format!("write {key} = [ {{ from = 2017-12-05T09:00:00, to = 2017-12-05T18:00:00 }} ]");
        let DeValue::Array(items) = v.get_ref() else {
            self.type_error(v, key, "an array of { from, to } tables", Some(help));
            return None;
        };
        let before = self.reported;
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            let DeValue::Table(t) = item.get_ref() else {
                self.type_error(item, key, "a { from, to } table", Some(help.clone()));
                continue;
            };
            let span = self.span(item.span());
            let what = format!("a window of `{key}`");
            let [from, to] = self.fields(t, &WINDOW_KEYS, &what);
            if from.is_none() {
                self.missing(span, "this window", "from", "2017-12-05T09:00:00");
            }
            if to.is_none() {
                self.missing(span, "this window", "to", "2017-12-05T18:00:00");
            }
            let from = self.datetime(from, "from");
            let to = self.datetime(to, "to");
            if let (Some(from), Some(to)) = (from, to) {
                out.push(Window {
                    from: from.value,
                    to: to.value,
                    span,
                });
            }
        }
        (self.reported == before).then_some(out)
    }

    fn event(&mut self, t: &DeTable, span: Span) -> Option<Event> {
        let before = self.reported;
        let [id, name, timezone, start, end, venue, url, language, languages, description, refresh] =
            self.fields(t, &EVENT_KEYS, "[event]");
        let id = self.id(id, span, "the event");
        let name = self.required_string(name, "name", span, "[event]");
        let tz_span = timezone.map(|v| self.span(v.span()));
        let tz_name = self.required_string(timezone, "timezone", span, "[event]");
        let tz = match (tz_name, tz_span) {
            (Some(name), Some(tz_span)) => {
                match name.parse::<Tz>() {
                    Ok(tz) => Some(tz),
                    Err(_) => {
                        let names = chrono_tz::TZ_VARIANTS.iter().map(|t| t.name());
                        let help = match closest(&name, names) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => "use an IANA time zone name such as Europe/Paris or America/New_York".into(),
                    };
                        self.push(
                            InputError::at(tz_span, format!("unknown time zone `{name}`"))
                                .label("not an IANA time zone")
                                .help(help),
                        );
                        None
                    }
                }
            }
            _ => None,
        };
        if start.is_none() {
            self.missing(span, "[event]", "start", "2017-12-05");
        }
        if end.is_none() {
            self.missing(span, "[event]", "end", "2017-12-06");
        }
        let end_span = end.map(|v| self.span(v.span()));
        let start = self.date(start, "start");
        let end = self.date(end, "end");
        if let (Some(s), Some(e), Some(end_span)) = (start, end, end_span) {
            if e < s {
                self.push(
                    InputError::at(end_span, format!("the event ends ({e}) before it starts ({s})"))
                        .label("before `start`")
                        .help("`end` is the last day of the event, inclusive: the same day as `start` or later"),
                );
            }
        }
        let venue = self.string(venue, "venue");
        let url = self.string(url, "url");
        let language = self.language(language);
        let languages = self.languages(languages, "languages");
        let description = self.string(description, "description");
        let refresh_span = refresh.map(|v| self.span(v.span()));
        let refresh = self.int(refresh, "refresh", "minutes");
        if let (Some(minutes), Some(span)) = (refresh, refresh_span) {
            if !(1..=MAX_REFRESH_MINUTES).contains(&minutes) {
                self.push(
                    InputError::at(span, format!("`refresh` must be between 1 and {MAX_REFRESH_MINUTES} minutes (got {minutes})"))
                        .label("minutes between calendar refreshes")
                        .help("for example refresh = 60 (calendars refresh the feed every hour)"),
                );
            }
        }
        if self.reported != before {
            return None;
        }
        Some(Event {
            id: id?.0,
            name: name?,
            timezone: tz?,
            start: start?,
            end: end?,
            venue,
            url,
            // Without `language`, the first of `languages` is the event's.
            language_given: language.is_some() || !languages.is_empty(),
            language: language
                .or_else(|| languages.first().cloned())
                .unwrap_or_else(|| "en".to_string()),
            languages,
            description,
            refresh,
            span,
        })
    }

    fn checks(&mut self, t: &DeTable) -> Vec<(RuleCode, Option<Level>, Option<i64>)> {
        let mut out = Vec::new();
        for (key, v) in t.iter() {
            let name: &str = key.get_ref();
            let Some(code) = RuleCode::parse(name) else {
                let help = match closest(name, RuleCode::names()) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "rules: {}",
                        RuleCode::names().collect::<Vec<_>>().join(", ")
                    ),
                };
                self.push(
                    InputError::at(
                        self.span(key.span()),
                        format!("unknown rule `{name}` in [checks]"),
                    )
                    .label("not a rule code")
                    .help(help),
                );
                continue;
            };
            match v.get_ref() {
                DeValue::String(_) => {
                    let level = self.level(v);
                    out.push((code, level, None));
                }
                DeValue::Table(table) => {
                    let mut level = None;
                    let mut minutes = None;
                    for (k, value) in table.iter() {
                        match k.get_ref().as_ref() {
                            "level" => level = self.level(value),
                            "minutes" if code == RuleCode::SpeakerChangeover => {
                                minutes = self.int(Some(value), "minutes", "minutes");
                                if minutes.is_some_and(|m| m < 0) {
                                    self.push(
                                        InputError::at(
                                            self.span(value.span()),
                                            "`minutes` cannot be negative",
                                        )
                                        .help("for example minutes = 15"),
                                    );
                                }
                            }
                            other => {
                                let help = if other == "minutes" {
                                    "`minutes` only applies to speaker-changeover".to_string()
                                } else {
                                    match closest(other, ["level", "minutes"]) {
                                        Some(s) => format!("did you mean `{s}`?"),
                                        None => "a rule takes `level` (and speaker-changeover `minutes`)".into(),
                                    }
                                };
                                self.push(
                                    InputError::at(
                                        self.span(k.span()),
                                        format!(
                                            "unknown key `{other}` for rule `{name}` in [checks]"
                                        ),
                                    )
                                    .label("unknown key")
                                    .help(help),
                                );
                            }
                        }
                    }
                    out.push((code, level, minutes));
                }
                _ => self.type_error(
                    v,
                    name,
                    "a level or a table",
                    Some(format!(
                        "write {name} = \"warning\" (error, warning, info or off)"
                    )),
                ),
            }
        }
        out
    }

    /// `[placement]`: the step and weights of `agora place` (whole numbers, none negative).
    fn placement(&mut self, t: &DeTable) -> crate::model::Placement {
        let mut p = crate::model::Placement::default();
        for (key, v) in t.iter() {
            let name: &str = key.get_ref();
            let code = RuleCode::parse(name);
            if code.is_none() && !PLACEMENT_KEYS.contains(&name) {
                let known = PLACEMENT_KEYS.iter().copied().chain(RuleCode::names());
                let help = match closest(name, known) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "keys here: {}, or a rule code (its weight)",
                        PLACEMENT_KEYS.join(", ")
                    ),
                };
                self.push(
                    InputError::at(
                        self.span(key.span()),
                        format!("unknown key `{name}` in [placement]"),
                    )
                    .label("unknown key")
                    .help(help),
                );
                continue;
            }
            let unit = if name == "step" || name == "tidy-gap" {
                "minutes"
            } else {
                "points"
            };
            let Some(n) = self.int(Some(v), name, unit) else {
                continue;
            };
            let least = if name == "step" { 1 } else { 0 };
            if n < least || (name == "step" && n > 24 * 60) {
                let help = if name == "step" {
                    "the step is a number of minutes from 1 to 1440, for example step = 5"
                } else {
                    "weights are whole numbers, 0 or more"
                };
                self.push(
                    InputError::at(self.span(v.span()), format!("`{name}` cannot be {n}"))
                        .label("out of range")
                        .help(help),
                );
                continue;
            }
            match (code, name) {
                (Some(code), _) => p.rules.push((code, n)),
                (None, "step") => p.step = n,
                (None, "warning") => p.warning = n,
                (None, "info") => p.info = n,
                (None, "tidy-track-room") => p.tidy_track_room = n,
                (None, "tidy-track-overlap") => p.tidy_track_overlap = n,
                (None, "tidy-distant-rooms") => p.tidy_distant_rooms = n,
                _ => p.tidy_gap = n,
            }
        }
        p
    }

    fn level(&mut self, v: &Val) -> Option<Level> {
        let text = self.string(Some(v), "level")?;
        let level = Level::parse(&text);
        if level.is_none() {
            let help = match closest(&text, Level::NAMES) {
                Some(s) => format!("did you mean `{s}`?"),
                None => "levels are error, warning, info and off".into(),
            };
            self.push(
                InputError::at(self.span(v.span()), format!("unknown level `{text}`"))
                    .label("not a level")
                    .help(help),
            );
        }
        level
    }

    fn track(&mut self, t: &DeTable, span: Span) -> Option<Track> {
        let before = self.reported;
        let [id, name, color, description] = self.fields(t, &TRACK_KEYS, "a track");
        let id = self.id(id, span, "a track");
        let name = self.required_string(name, "name", span, "a track");
        let color_span = color.map(|v| self.span(v.span()));
        let color = self.string(color, "color");
        if let (Some(c), Some(color_span)) = (&color, color_span) {
            if !crate::model::is_colour(c) {
                self.push(
                    InputError::at(color_span, format!("`{c}` is not a colour"))
                        .label("expected #rrggbb")
                        .help("write six hexadecimal digits: color = \"#2a7ab0\""),
                );
            }
        }
        let description = self.string(description, "description");
        if self.reported != before {
            return None;
        }
        let (id, id_span) = id?;
        Some(Track {
            id,
            name: name?,
            color,
            description,
            span,
            id_span,
        })
    }

    fn room(&mut self, t: &DeTable, span: Span) -> Option<Room> {
        let before = self.reported;
        let [id, name, capacity, features, accessible, location, open, busy] =
            self.fields(t, &ROOM_KEYS, "a room");
        let id = self.id(id, span, "a room");
        let name = self.required_string(name, "name", span, "a room");
        let capacity_span = capacity.map(|v| self.span(v.span()));
        let capacity = self.int(capacity, "capacity", "seats");
        let capacity = match (capacity, capacity_span) {
            // Every positive TOML integer (up to 9223372036854775807) is a number of seats.
            (Some(c), Some(s)) if c < 1 => {
                self.push(
                    InputError::at(s, format!("capacity {c} is not a number of seats"))
                        .label("expected a positive integer")
                        .help("give the number of seats, at least 1, or remove `capacity`"),
                );
                None
            }
            (c, _) => c.and_then(|c| u64::try_from(c).ok()),
        };
        let features = self.plain_strings(features, "features", "\"projector\", \"stream\"");
        let accessible = self.bool(accessible, "accessible");
        let location = self.string(location, "location");
        let open = self.windows(open, "open");
        let busy = self.calendars(busy);
        if self.reported != before {
            return None;
        }
        let (id, id_span) = id?;
        Some(Room {
            id,
            name: name?,
            capacity,
            features: features.unwrap_or_default(),
            accessible: accessible.unwrap_or(true),
            location,
            open,
            busy,
            span,
            id_span,
        })
    }

    fn speaker(&mut self, t: &DeTable, span: Span) -> Option<Speaker> {
        let before = self.reported;
        let [id, name, affiliation, role, bio, email, url, available, busy] =
            self.fields(t, &SPEAKER_KEYS, "a speaker");
        let id = self.id(id, span, "a speaker");
        let name = self.required_string(name, "name", span, "a speaker");
        let affiliation = self.string(affiliation, "affiliation");
        let role = self.string(role, "role");
        let bio = self.string(bio, "bio");
        let email = self.string(email, "email");
        let url = self.string(url, "url");
        let available = self.windows(available, "available");
        let busy = self.calendars(busy);
        if self.reported != before {
            return None;
        }
        let (id, id_span) = id?;
        Some(Speaker {
            id,
            name: name?,
            affiliation,
            role,
            bio,
            email,
            url,
            available,
            busy,
            span,
            id_span,
        })
    }

    fn enum_value<T>(
        &mut self,
        v: Option<&Val>,
        key: &str,
        names: &[&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let span = v.map(|v| self.span(v.span()))?;
        let text = self.string(v, key)?;
        let value = parse(&text);
        if value.is_none() {
            let help = match closest(&text, names.iter().copied()) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("one of: {}", names.join(", ")),
            };
            self.push(
                InputError::at(span, format!("unknown {key} `{text}`"))
                    .label(format!("expected one of: {}", names.join(", ")))
                    .help(help),
            );
        }
        value
    }

    fn session(&mut self, t: &DeTable, span: Span) -> Option<Session> {
        let before = self.reported;
        let [id, title, kind, track, room, start, duration, end, speakers, moderators, expected, requires, plenary, language, interpretation, tags, description, url, status, allow, locked] =
            self.fields(t, &SESSION_KEYS, "a session");
        let id = self.id(id, span, "a session");
        let title = self.required_string(title, "title", span, "a session");
        let kind = self.enum_value(kind, "kind", &Kind::NAMES, Kind::parse);
        let track = self.reference(track, "track");
        let room = self.reference(room, "room");
        let start = self.datetime(start, "start");
        let duration_span = duration.map(|v| self.span(v.span()));
        let duration = self
            .int(duration, "duration", "minutes")
            .zip(duration_span)
            .map(|(value, span)| Spanned { value, span });
        let end = self.datetime(end, "end");
        let speakers = self.strings(speakers, "speakers", "\"karine-dognin-sauze\"");
        let moderators = self.strings(moderators, "moderators", "\"francoise-sigot\"");
        let expected_span = expected.map(|v| self.span(v.span()));
        let expected = self.int(expected, "expected", "people");
        let expected = match (expected, expected_span) {
            (Some(n), Some(s)) if n < 0 => {
                self.push(
                    InputError::at(
                        s,
                        format!("expected attendance {n} is not a number of people"),
                    )
                    .label("expected 0 or more")
                    .help("give how many people are expected, or remove `expected`"),
                );
                None
            }
            (n, _) => n.and_then(|n| u64::try_from(n).ok()),
        };
        let requires = self.plain_strings(requires, "requires", "\"projector\"");
        let plenary = self.bool(plenary, "plenary");
        let language = self.language(language);
        let interpretation = self.languages(interpretation, "interpretation");
        let tags = self.plain_strings(tags, "tags", "\"inclusion\"");
        let description = self.string(description, "description");
        let url = self.string(url, "url");
        let status = self.enum_value(status, "status", &Status::NAMES, Status::parse);
        let allow = self.allow(allow);
        let locked = self.bool(locked, "locked");
        if self.reported != before {
            return None;
        }
        let (id, id_span) = id?;
        Some(Session {
            id,
            title: title?,
            kind: kind.unwrap_or(Kind::Talk),
            track,
            room,
            start,
            duration,
            end,
            speakers: speakers.unwrap_or_default(),
            moderators: moderators.unwrap_or_default(),
            expected,
            requires: requires.unwrap_or_default(),
            plenary: plenary.unwrap_or(false),
            language,
            interpretation,
            tags: tags.unwrap_or_default(),
            description,
            url,
            status: status.unwrap_or(Status::Confirmed),
            allow: allow.unwrap_or_default(),
            locked: locked.unwrap_or(false),
            span,
            id_span,
        })
    }

    /// A reference to a room or track: any string (an unknown id is a rule's business).
    fn reference(&mut self, v: Option<&Val>, key: &str) -> Option<Spanned<String>> {
        let span = v.map(|v| self.span(v.span()))?;
        self.string(v, key).map(|value| Spanned { value, span })
    }

    fn allow(&mut self, v: Option<&Val>) -> Option<Vec<RuleCode>> {
        let items = self.strings(v, "allow", "\"speaker-changeover\"")?;
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            match RuleCode::parse(&item.value) {
                Some(code) => out.push(code),
                None => {
                    let help = match closest(&item.value, RuleCode::names()) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!(
                            "rules: {}",
                            RuleCode::names().collect::<Vec<_>>().join(", ")
                        ),
                    };
                    self.push(
                        InputError::at(
                            item.span,
                            format!("unknown rule `{}` in `allow`", item.value),
                        )
                        .label("not a rule code")
                        .help(help),
                    );
                }
            }
        }
        Some(out)
    }
}
