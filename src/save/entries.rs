//! Model items as the TOML keys and values a file holds, in the format's key order.
//!
//! `None` means "not written": an absent option, an empty list, a default (`status` confirmed,
//! `plenary` false, `accessible` true). Saving compares the entries of an item as loaded with
//! its entries now and patches only the keys whose value differs.

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
    value.as_ref().map(|v| Value::from(v.as_str()))
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
        ("id", Some(Value::from(s.id.as_str()))),
        ("title", Some(Value::from(s.title.as_str()))),
        ("kind", Some(Value::from(s.kind.as_str()))),
        (
            "track",
            s.track.as_ref().map(|t| Value::from(t.value.as_str())),
        ),
        (
            "room",
            s.room.as_ref().map(|r| Value::from(r.value.as_str())),
        ),
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
        ("tags", strings(s.tags.iter().map(String::as_str))),
        ("description", string(&s.description)),
        ("url", string(&s.url)),
        (
            "status",
            (s.status != Status::Confirmed).then(|| Value::from(s.status.as_str())),
        ),
        ("allow", strings(s.allow.iter().map(|c| c.as_str()))),
        ("locked", s.locked.then(|| Value::from(true))),
    ]
}

pub(crate) fn room(r: &Room) -> Entries {
    vec![
        ("id", Some(Value::from(r.id.as_str()))),
        ("name", Some(Value::from(r.name.as_str()))),
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
        ("id", Some(Value::from(s.id.as_str()))),
        ("name", Some(Value::from(s.name.as_str()))),
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
