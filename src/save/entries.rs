//! Model items as the TOML keys and values a file holds, in the format's key order.
//!
//! `None` means "not written": an absent option, an empty list, a default (`status` confirmed,
//! `plenary` false, `accessible` true). Saving compares the entries of an item as loaded with
//! its entries now and patches only the keys whose value differs.

use std::fmt::Write as _;

use toml_edit::{Array, InlineTable, Value};

use crate::model::{Calendar, DateTimeValue, Room, Session, Speaker, Status, Track, Window};

pub(crate) type Entries = Vec<(&'static str, Option<Value>)>;

pub(crate) fn datetime(value: &DateTimeValue) -> Value {
    Value::from(value.to_toml())
}

/// A count (seats, people) as a TOML integer; counts never exceed [`crate::model::MAX_COUNT`].
pub(crate) fn count(n: u64) -> Value {
    Value::from(i64::try_from(n).unwrap_or(i64::MAX))
}

fn string(value: &Option<String>) -> Option<Value> {
    value.as_deref().map(text)
}

/// A string value as agora writes it, in the editor's saves and the importer alike:
/// `toml_edit`'s own quoting, except that text holding bidi controls or invisible separators
/// is a basic string with those characters escaped (`\u202E`), so no title can make the file
/// read differently in an editor. The escaped form is read back by `toml_edit`'s parser.
pub(crate) fn text(value: &str) -> Value {
    if !value.chars().any(crate::text::is_hidden) {
        return Value::from(value);
    }
    let mut repr = String::with_capacity(value.len() + 8);
    repr.push('"');
    for c in value.chars() {
        match c {
            '"' => repr.push_str("\\\""),
            '\\' => repr.push_str("\\\\"),
            '\t' => repr.push('\t'),
            c if c.is_control() || crate::text::is_hidden(c) => {
                let _ = write!(repr, "\\u{:04X}", u32::from(c));
            }
            c => repr.push(c),
        }
    }
    repr.push('"');
    repr.parse::<Value>().unwrap_or_else(|_| Value::from(value))
}

fn strings<'a>(items: impl IntoIterator<Item = &'a str>) -> Option<Value> {
    let array: Array = items.into_iter().collect();
    (!array.is_empty()).then_some(Value::Array(array))
}

fn windows(windows: &Option<Vec<Window>>) -> Option<Value> {
    let windows = windows.as_ref()?;
    let mut array = Array::new();
    for w in windows {
        let mut t = InlineTable::new();
        t.insert("from", datetime(&w.from));
        t.insert("to", datetime(&w.to));
        array.push(Value::InlineTable(t));
    }
    Some(Value::Array(array))
}

fn calendars(calendars: &[Calendar]) -> Option<Value> {
    strings(calendars.iter().map(|c| c.path.value.as_str()))
}

pub(crate) fn session(s: &Session) -> Entries {
    vec![
        ("id", Some(text(&s.id))),
        ("title", Some(text(&s.title))),
        ("kind", Some(text(s.kind.as_str()))),
        ("track", s.track.as_ref().map(|t| text(&t.value))),
        ("room", s.room.as_ref().map(|r| text(&r.value))),
        ("start", s.start.as_ref().map(|v| datetime(&v.value))),
        (
            "duration",
            s.duration.as_ref().map(|d| Value::from(d.value)),
        ),
        ("end", s.end.as_ref().map(|v| datetime(&v.value))),
        (
            "speakers",
            strings(s.speakers.iter().map(|r| r.value.as_str())),
        ),
        (
            "moderators",
            strings(s.moderators.iter().map(|r| r.value.as_str())),
        ),
        ("expected", s.expected.map(count)),
        ("requires", strings(s.requires.iter().map(String::as_str))),
        ("plenary", s.plenary.then(|| Value::from(true))),
        ("language", string(&s.language)),
        (
            "interpretation",
            strings(s.interpretation.iter().map(String::as_str)),
        ),
        ("tags", strings(s.tags.iter().map(String::as_str))),
        ("description", string(&s.description)),
        ("url", string(&s.url)),
        (
            "status",
            (s.status != Status::Confirmed).then(|| text(s.status.as_str())),
        ),
        ("allow", strings(s.allow.iter().map(|c| c.as_str()))),
        ("locked", s.locked.then(|| Value::from(true))),
    ]
}

pub(crate) fn room(r: &Room) -> Entries {
    vec![
        ("id", Some(text(&r.id))),
        ("name", Some(text(&r.name))),
        ("capacity", r.capacity.map(count)),
        ("features", strings(r.features.iter().map(String::as_str))),
        ("accessible", (!r.accessible).then(|| Value::from(false))),
        ("location", string(&r.location)),
        ("open", windows(&r.open)),
        ("busy", calendars(&r.busy)),
    ]
}

pub(crate) fn speaker(s: &Speaker) -> Entries {
    vec![
        ("id", Some(text(&s.id))),
        ("name", Some(text(&s.name))),
        ("affiliation", string(&s.affiliation)),
        ("role", string(&s.role)),
        ("bio", string(&s.bio)),
        ("email", string(&s.email)),
        ("url", string(&s.url)),
        ("available", windows(&s.available)),
        ("busy", calendars(&s.busy)),
    ]
}

pub(crate) fn track(t: &Track) -> Entries {
    vec![
        ("id", Some(Value::from(t.id.as_str()))),
        ("name", Some(Value::from(t.name.as_str()))),
        ("color", string(&t.color)),
        ("description", string(&t.description)),
    ]
}

/// The keys whose value differs between two entry lists of the same kind of item.
/// Whether two sessions hold the same values (positions in the file aside): what
/// [`session`] writes is then the same, so a save can skip comparing their entries. Every field
/// is named, so a new one cannot be forgotten here.
pub(crate) fn same_session(a: &Session, b: &Session) -> bool {
    let Session {
        id,
        title,
        kind,
        track,
        room,
        start,
        duration,
        end,
        speakers,
        moderators,
        expected,
        requires,
        plenary,
        language,
        interpretation,
        tags,
        description,
        url,
        status,
        allow,
        locked,
        span: _,
        id_span: _,
    } = a;
    fn value(r: &Option<crate::model::Ref>) -> Option<&str> {
        r.as_ref().map(|r| r.value.as_str())
    }
    let people = |a: &[crate::model::Ref], b: &[crate::model::Ref]| {
        a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.value == b.value)
    };
    *id == b.id
        && *title == b.title
        && *kind == b.kind
        && value(track) == value(&b.track)
        && value(room) == value(&b.room)
        && start.as_ref().map(|s| s.value) == b.start.as_ref().map(|s| s.value)
        && duration.as_ref().map(|s| s.value) == b.duration.as_ref().map(|s| s.value)
        && end.as_ref().map(|s| s.value) == b.end.as_ref().map(|s| s.value)
        && people(speakers, &b.speakers)
        && people(moderators, &b.moderators)
        && *expected == b.expected
        && *requires == b.requires
        && *plenary == b.plenary
        && *language == b.language
        && *interpretation == b.interpretation
        && *tags == b.tags
        && *description == b.description
        && *url == b.url
        && *status == b.status
        && *allow == b.allow
        && *locked == b.locked
}

/// Windows the same, positions aside.
fn same_windows(a: &Option<Vec<Window>>, b: &Option<Vec<Window>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|(a, b)| (a.from, a.to) == (b.from, b.to))
        }
        (None, None) => true,
        _ => false,
    }
}

/// Calendars named the same, in the same order.
fn same_calendars(a: &[Calendar], b: &[Calendar]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| a.path.value == b.path.value)
}

/// Whether two rooms hold the same values (positions aside), as [`same_session`].
pub(crate) fn same_room(a: &Room, b: &Room) -> bool {
    let Room {
        id,
        name,
        capacity,
        features,
        accessible,
        location,
        open,
        busy,
        span: _,
        id_span: _,
    } = a;
    *id == b.id
        && *name == b.name
        && *capacity == b.capacity
        && *features == b.features
        && *accessible == b.accessible
        && *location == b.location
        && same_windows(open, &b.open)
        && same_calendars(busy, &b.busy)
}

/// Whether two speakers hold the same values (positions aside), as [`same_session`].
pub(crate) fn same_speaker(a: &Speaker, b: &Speaker) -> bool {
    let Speaker {
        id,
        name,
        affiliation,
        role,
        bio,
        email,
        url,
        available,
        busy,
        span: _,
        id_span: _,
    } = a;
    *id == b.id
        && *name == b.name
        && *affiliation == b.affiliation
        && *role == b.role
        && *bio == b.bio
        && *email == b.email
        && *url == b.url
        && same_windows(available, &b.available)
        && same_calendars(busy, &b.busy)
}

/// Whether two tracks hold the same values (positions aside), as [`same_session`].
pub(crate) fn same_track(a: &Track, b: &Track) -> bool {
    let Track {
        id,
        name,
        color,
        description,
        span: _,
        id_span: _,
    } = a;
    *id == b.id && *name == b.name && *color == b.color && *description == b.description
}

pub(crate) fn changed<'e>(
    before: &'e Entries,
    after: &'e Entries,
) -> Vec<(&'static str, Option<&'e Value>)> {
    before
        .iter()
        .zip(after)
        .filter(|((_, a), (_, b))| {
            a.as_ref().map(ToString::to_string) != b.as_ref().map(ToString::to_string)
        })
        .map(|(_, (key, b))| (*key, b.as_ref()))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use proptest::prelude::*;

    fn parse_back(text: &str) -> String {
        let doc = format!("k = {}\n", super::text(text));
        let table = toml::de::DeTable::parse(&doc).unwrap_or_else(|e| panic!("{doc}\n{e}"));
        match table.get_ref().get("k").map(|v| v.get_ref()) {
            Some(toml::de::DeValue::String(s)) => s.to_string(),
            other => panic!("{doc}\n{other:?}"),
        }
    }

    #[test]
    fn awkward_strings_come_back() {
        for s in [
            "",
            "plain",
            "quote \" inside",
            "ends with quote\"",
            "\"\"\"triple\"\"\"",
            "line\nbreak",
            "\nleading newline",
            "trailing newline\n",
            "crlf\r\nline",
            "back\\slash\nand \"\"quotes\"\"",
            "ctrl \u{0}\u{1f}\u{7f} and tab\t",
            "ends with\n\"",
            "ends with\n\"\"",
            "evil\u{202E}txt.exe\u{2066} and \u{2028}\u{FEFF}",
        ] {
            assert_eq!(parse_back(s), s, "{s:?}");
        }
    }

    #[test]
    fn bidi_controls_are_written_as_escapes() {
        assert_eq!(super::text("a\u{202E}b").to_string(), "\"a\\u202Eb\"");
        assert!(!super::text("x\n\u{2067}y").to_string().contains('\u{2067}'));
    }

    #[test]
    fn entries_follow_the_formats_key_order() {
        let text = include_str!("../../events/forum-interconnectes-2017.toml");
        let program = crate::load::load_str(std::path::Path::new("f.toml"), text).unwrap();
        let names = |e: Entries| e.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(
            names(session(&program.sessions[0])),
            crate::model::keys::SESSION
        );
        assert_eq!(names(room(&program.rooms[0])), crate::model::keys::ROOM);
        assert_eq!(
            names(speaker(&program.speakers[0])),
            crate::model::keys::SPEAKER
        );
    }

    proptest! {
        #[test]
        fn any_string_comes_back(s in "\\PC*|[\\x00-\\x7f\"\\\\\n\r]*") {
            prop_assert_eq!(parse_back(&s), s);
        }
    }
}
