//! The normal form of a program: the model written back as agora TOML, one way only.
//!
//! Every item in the order it was loaded, every key in the order of `docs/format.md`, defaults
//! left out, comments and layout dropped. Re-formatting an event file (moving keys, adding
//! comments, splitting it over a directory) leaves its normal form unchanged; any change to a
//! value changes it. A release holds its program in this form, and loading it gives the same
//! model back (a property test checks so).

use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

use crate::codes::RuleCode;
use crate::model::{Checks, DateTimeValue, Kind, Program, Status, Window};

fn datetime(value: &DateTimeValue) -> Value {
    Value::from(value.to_toml())
}

fn date(value: chrono::NaiveDate) -> Value {
    // A local date as TOML writes it (`2017-12-05`): the text of the date-time with only a date.
    match value.to_string().parse::<toml_edit::Datetime>() {
        Ok(dt) => Value::from(dt),
        Err(_) => Value::from(value.to_string()),
    }
}

fn strings<'a>(values: impl IntoIterator<Item = &'a str>) -> Value {
    Value::Array(values.into_iter().collect::<Array>())
}

fn put(table: &mut Table, key: &str, value: Value) {
    table.insert(key, Item::Value(value));
}

fn put_opt(table: &mut Table, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        put(table, key, Value::from(v));
    }
}

fn put_list(table: &mut Table, key: &str, values: &[String]) {
    if !values.is_empty() {
        put(table, key, strings(values.iter().map(String::as_str)));
    }
}

fn windows(table: &mut Table, key: &str, windows: Option<&[Window]>) {
    let Some(windows) = windows else { return };
    let mut array = Array::new();
    for w in windows {
        let mut t = toml_edit::InlineTable::new();
        t.insert("from", datetime(&w.from));
        t.insert("to", datetime(&w.to));
        array.push(Value::InlineTable(t));
    }
    put(table, key, Value::Array(array));
}

fn checks(checks: &Checks) -> Option<Table> {
    let defaults = Checks::default();
    let mut table = Table::new();
    for &code in RuleCode::ALL {
        let level = checks.level(code);
        let minutes = (code == RuleCode::SpeakerChangeover
            && checks.changeover_minutes != defaults.changeover_minutes)
            .then_some(checks.changeover_minutes);
        match minutes {
            Some(m) => {
                let mut t = toml_edit::InlineTable::new();
                t.insert("level", Value::from(level.as_str()));
                t.insert("minutes", Value::from(m));
                put(&mut table, code.as_str(), Value::InlineTable(t));
            }
            None if level != defaults.level(code) => {
                put(&mut table, code.as_str(), Value::from(level.as_str()));
            }
            None => {}
        }
    }
    (!table.is_empty()).then_some(table)
}

/// The normal form of `program`, as TOML text.
pub fn render(program: &Program) -> String {
    let mut doc = DocumentMut::new();
    let e = &program.event;
    let mut event = Table::new();
    put(&mut event, "id", Value::from(e.id.as_str()));
    put(&mut event, "name", Value::from(e.name.as_str()));
    put(&mut event, "timezone", Value::from(e.timezone.name()));
    put(&mut event, "start", date(e.start));
    put(&mut event, "end", date(e.end));
    put_opt(&mut event, "venue", e.venue.as_deref());
    put_opt(&mut event, "url", e.url.as_deref());
    if e.language_given {
        put(&mut event, "language", Value::from(e.language.as_str()));
    }
    put_opt(&mut event, "description", e.description.as_deref());
    if let Some(minutes) = e.refresh {
        put(&mut event, "refresh", Value::from(minutes));
    }
    doc.insert("event", Item::Table(event));
    if let Some(table) = checks(&program.checks) {
        doc.insert("checks", Item::Table(table));
    }

    let mut tracks = ArrayOfTables::new();
    for t in &program.tracks {
        let mut table = Table::new();
        put(&mut table, "id", Value::from(t.id.as_str()));
        put(&mut table, "name", Value::from(t.name.as_str()));
        put_opt(&mut table, "color", t.color.as_deref());
        put_opt(&mut table, "description", t.description.as_deref());
        tracks.push(table);
    }
    let mut rooms = ArrayOfTables::new();
    for r in &program.rooms {
        let mut table = Table::new();
        put(&mut table, "id", Value::from(r.id.as_str()));
        put(&mut table, "name", Value::from(r.name.as_str()));
        if let Some(c) = r.capacity {
            put(&mut table, "capacity", crate::save::entries::count(c));
        }
        put_list(&mut table, "features", &r.features);
        if !r.accessible {
            put(&mut table, "accessible", Value::from(false));
        }
        put_opt(&mut table, "location", r.location.as_deref());
        windows(&mut table, "open", r.open.as_deref());
        rooms.push(table);
    }
    let mut speakers = ArrayOfTables::new();
    for s in &program.speakers {
        let mut table = Table::new();
        put(&mut table, "id", Value::from(s.id.as_str()));
        put(&mut table, "name", Value::from(s.name.as_str()));
        put_opt(&mut table, "affiliation", s.affiliation.as_deref());
        put_opt(&mut table, "role", s.role.as_deref());
        put_opt(&mut table, "bio", s.bio.as_deref());
        put_opt(&mut table, "email", s.email.as_deref());
        put_opt(&mut table, "url", s.url.as_deref());
        windows(&mut table, "available", s.available.as_deref());
        speakers.push(table);
    }
    let mut sessions = ArrayOfTables::new();
    for s in &program.sessions {
        let mut table = Table::new();
        put(&mut table, "id", Value::from(s.id.as_str()));
        put(&mut table, "title", Value::from(s.title.as_str()));
        if s.kind != Kind::Talk {
            put(&mut table, "kind", Value::from(s.kind.as_str()));
        }
        put_opt(
            &mut table,
            "track",
            s.track.as_ref().map(|r| r.value.as_str()),
        );
        put_opt(
            &mut table,
            "room",
            s.room.as_ref().map(|r| r.value.as_str()),
        );
        if let Some(start) = &s.start {
            put(&mut table, "start", datetime(&start.value));
        }
        if let Some(d) = &s.duration {
            put(&mut table, "duration", Value::from(d.value));
        }
        if let Some(end) = &s.end {
            put(&mut table, "end", datetime(&end.value));
        }
        let ids =
            |refs: &[crate::model::Ref]| refs.iter().map(|r| r.value.clone()).collect::<Vec<_>>();
        put_list(&mut table, "speakers", &ids(&s.speakers));
        put_list(&mut table, "moderators", &ids(&s.moderators));
        if let Some(n) = s.expected {
            put(&mut table, "expected", crate::save::entries::count(n));
        }
        put_list(&mut table, "requires", &s.requires);
        if s.plenary {
            put(&mut table, "plenary", Value::from(true));
        }
        put_opt(&mut table, "language", s.language.as_deref());
        put_list(&mut table, "tags", &s.tags);
        put_opt(&mut table, "description", s.description.as_deref());
        put_opt(&mut table, "url", s.url.as_deref());
        if s.status != Status::Confirmed {
            put(&mut table, "status", Value::from(s.status.as_str()));
        }
        if !s.allow.is_empty() {
            put(
                &mut table,
                "allow",
                strings(s.allow.iter().map(|c| c.as_str())),
            );
        }
        sessions.push(table);
    }
    for (key, array) in [
        ("tracks", tracks),
        ("rooms", rooms),
        ("speakers", speakers),
        ("sessions", sessions),
    ] {
        if !array.is_empty() {
            doc.insert(key, Item::ArrayOfTables(array));
        }
    }
    doc.to_string()
}
