//! What changed between two programs: sessions matched by id, then rooms, speakers and tracks.
//!
//! Times are compared as instants and reported in the event's local time (the newer
//! program's zone). The result is data; `render_text`, `render_markdown` and `to_json` are its
//! three presentations (JSON shape in docs/releases.md).

use chrono_tz::Tz;
use serde::Serialize;

use crate::model::{Program, Session, Status};
use crate::rules::Schedule;
use crate::time::{to_local, Instant};

/// What happened to a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Change {
    /// Only in the newer program.
    New,
    /// Its status became `cancelled`.
    Cancelled,
    /// Only in the older program.
    Removed,
    /// Something else changed (see its fields).
    Changed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Cancelled => "cancelled",
            Change::Removed => "removed",
            Change::Changed => "changed",
        }
    }
}

/// A field of a session, as the diff names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    Status,
    Day,
    Time,
    Room,
    Duration,
    Title,
    Speakers,
    Moderators,
    Track,
    Kind,
    Language,
    Description,
    Url,
}

impl Field {
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Status => "status",
            Field::Day => "day",
            Field::Time => "time",
            Field::Room => "room",
            Field::Duration => "duration",
            Field::Title => "title",
            Field::Speakers => "speakers",
            Field::Moderators => "moderators",
            Field::Track => "track",
            Field::Kind => "kind",
            Field::Language => "language",
            Field::Description => "description",
            Field::Url => "url",
        }
    }

    /// Whether a change of this field moves the session (time, day or room).
    pub fn moves(self) -> bool {
        matches!(self, Field::Day | Field::Time | Field::Room)
    }
}

/// One changed field: old and new values (ids for rooms and tracks, `YYYY-MM-DD` days, `HH:MM`
/// times, minutes), their labels for people (names), and for lists the ids added and removed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: Field,
    pub old: Option<String>,
    pub new: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_label: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_label: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed: Vec<String>,
}

/// One session that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionChange {
    pub id: String,
    /// The newer title (the older one for a removed session).
    pub title: String,
    pub change: Change,
    /// Moved in time, day or room (a `changed` or `cancelled` session).
    pub moved: bool,
    /// Local start `YYYY-MM-DDTHH:MM` in the newer program (the older for a removed one).
    pub start: Option<String>,
    pub fields: Vec<FieldChange>,
}

/// What happened to a room, speaker or track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemChange {
    Added,
    Removed,
    Renamed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    pub id: String,
    pub change: ItemChange,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// Every change from one program to another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Diff {
    pub sessions: Vec<SessionChange>,
    pub rooms: Vec<Item>,
    pub speakers: Vec<Item>,
    pub tracks: Vec<Item>,
    /// The names of the people added to or removed from sessions, by id.
    #[serde(skip)]
    pub people: std::collections::BTreeMap<String, String>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.sessions.is_empty()
            && self.rooms.is_empty()
            && self.speakers.is_empty()
            && self.tracks.is_empty()
    }

    /// How many sessions changed in each way: new, cancelled, removed, changed.
    pub fn counts(&self) -> [usize; 4] {
        let n = |c: Change| self.sessions.iter().filter(|s| s.change == c).count();
        [
            n(Change::New),
            n(Change::Cancelled),
            n(Change::Removed),
            n(Change::Changed),
        ]
    }

    /// The change of one session, if any.
    pub fn session(&self, id: &str) -> Option<&SessionChange> {
        self.sessions.iter().find(|s| s.id == id)
    }
}

/// The resolved view of one session used for comparing.
struct View<'p> {
    session: &'p Session,
    interval: Option<(Instant, Instant)>,
}

fn views<'p>(schedule: &Schedule<'p>) -> Vec<(&'p str, View<'p>)> {
    let mut seen = foldhash::HashSet::default();
    let mut out = Vec::new();
    for (i, s) in schedule.program.sessions.iter().enumerate() {
        // A second session with the same id is a duplicate-id error; the first one counts.
        if !seen.insert(s.id.as_str()) {
            continue;
        }
        let facts = &schedule.sessions[i];
        let interval = if s.start.is_some() && !facts.invalid {
            facts.interval
        } else {
            None
        };
        out.push((
            s.id.as_str(),
            View {
                session: s,
                interval,
            },
        ));
    }
    out
}

fn local_start(tz: Tz, t: Instant) -> String {
    to_local(tz, t).format("%Y-%m-%dT%H:%M").to_string()
}

fn name_of<'a>(items: impl Iterator<Item = (&'a str, &'a str)>, id: &str) -> Option<String> {
    items
        .into_iter()
        .find(|(i, _)| *i == id)
        .map(|(_, n)| n.to_string())
}

fn room_name(p: &Program, id: &str) -> Option<String> {
    name_of(p.rooms.iter().map(|r| (r.id.as_str(), r.name.as_str())), id)
}

fn track_name(p: &Program, id: &str) -> Option<String> {
    name_of(
        p.tracks.iter().map(|r| (r.id.as_str(), r.name.as_str())),
        id,
    )
}

fn person_name(p: &Program, id: &str) -> Option<String> {
    name_of(
        p.speakers.iter().map(|r| (r.id.as_str(), r.name.as_str())),
        id,
    )
}

fn simple(field: Field, old: Option<String>, new: Option<String>) -> FieldChange {
    FieldChange {
        field,
        old,
        new,
        old_label: None,
        new_label: None,
        added: Vec::new(),
        removed: Vec::new(),
    }
}

fn ids(refs: &[crate::model::Ref]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in refs {
        if !out.contains(&r.value) {
            out.push(r.value.clone());
        }
    }
    out
}

fn list_change(field: Field, old: Vec<String>, new: Vec<String>) -> Option<FieldChange> {
    let added: Vec<String> = new.iter().filter(|x| !old.contains(x)).cloned().collect();
    let removed: Vec<String> = old.iter().filter(|x| !new.contains(x)).cloned().collect();
    if added.is_empty() && removed.is_empty() {
        return None;
    }
    Some(FieldChange {
        field,
        old: Some(old.join(", ")),
        new: Some(new.join(", ")),
        old_label: None,
        new_label: None,
        added,
        removed,
    })
}

fn session_fields(
    old_p: &Program,
    new_p: &Program,
    tz: Tz,
    old: &View,
    new: &View,
) -> Vec<FieldChange> {
    let (a, b) = (old.session, new.session);
    let mut out = Vec::new();
    if a.status != b.status {
        out.push(simple(
            Field::Status,
            Some(a.status.as_str().into()),
            Some(b.status.as_str().into()),
        ));
    }
    let day = |t: Option<(Instant, Instant)>| {
        t.map(|(s, _)| to_local(tz, s).format("%Y-%m-%d").to_string())
    };
    let time =
        |t: Option<(Instant, Instant)>| t.map(|(s, _)| to_local(tz, s).format("%H:%M").to_string());
    let minutes = |t: Option<(Instant, Instant)>| t.map(|(s, e)| ((e - s) / 60).to_string());
    let (da, db) = (day(old.interval), day(new.interval));
    let same_day = da == db;
    if !same_day {
        out.push(simple(Field::Day, da, db));
    }
    let (mut ta, mut tb) = (time(old.interval), time(new.interval));
    let start = |t: Option<(Instant, Instant)>| t.map(|(s, _)| s);
    if same_day && ta == tb && start(old.interval) != start(new.interval) {
        // The same wall-clock time at two instants (the repeated hour when clocks go back):
        // the UTC offset tells them apart.
        let offset = |t: Option<(Instant, Instant)>| {
            t.map(|(s, _)| to_local(tz, s).format("%H:%M%:z").to_string())
        };
        (ta, tb) = (offset(old.interval), offset(new.interval));
    }
    // A session that became scheduled or unscheduled reports its day only, unless the time
    // says more (the day is then `null` on one side already).
    if ta != tb {
        out.push(simple(Field::Time, ta, tb));
    }
    let room = |s: &Session| s.room.as_ref().map(|r| r.value.clone());
    if room(a) != room(b) {
        let mut c = simple(Field::Room, room(a), room(b));
        c.old_label = room(a).and_then(|id| room_name(old_p, &id));
        c.new_label = room(b).and_then(|id| room_name(new_p, &id));
        out.push(c);
    }
    let (ma, mb) = (minutes(old.interval), minutes(new.interval));
    if ma.is_some() && mb.is_some() && ma != mb {
        out.push(simple(Field::Duration, ma, mb));
    }
    if a.title != b.title {
        out.push(simple(
            Field::Title,
            Some(a.title.clone()),
            Some(b.title.clone()),
        ));
    }
    if let Some(c) = list_change(Field::Speakers, ids(&a.speakers), ids(&b.speakers)) {
        out.push(c);
    }
    if let Some(c) = list_change(Field::Moderators, ids(&a.moderators), ids(&b.moderators)) {
        out.push(c);
    }
    let track = |s: &Session| s.track.as_ref().map(|r| r.value.clone());
    if track(a) != track(b) {
        let mut c = simple(Field::Track, track(a), track(b));
        c.old_label = track(a).and_then(|id| track_name(old_p, &id));
        c.new_label = track(b).and_then(|id| track_name(new_p, &id));
        out.push(c);
    }
    if a.kind != b.kind {
        out.push(simple(
            Field::Kind,
            Some(a.kind.as_str().into()),
            Some(b.kind.as_str().into()),
        ));
    }
    if a.language != b.language {
        out.push(simple(
            Field::Language,
            a.language.clone(),
            b.language.clone(),
        ));
    }
    if a.description != b.description {
        out.push(simple(
            Field::Description,
            a.description.clone(),
            b.description.clone(),
        ));
    }
    if a.url != b.url {
        out.push(simple(Field::Url, a.url.clone(), b.url.clone()));
    }
    out
}

fn items<'a>(
    old: impl Iterator<Item = (&'a str, &'a str)>,
    new: impl Iterator<Item = (&'a str, &'a str)>,
) -> Vec<Item> {
    let old: Vec<(&str, &str)> = old.collect();
    let new: Vec<(&str, &str)> = new.collect();
    let find = |list: &[(&'a str, &'a str)], id: &str| {
        list.iter().find(|(i, _)| *i == id).map(|(_, n)| *n)
    };
    let mut out = Vec::new();
    for (id, name) in &new {
        match find(&old, id) {
            None => out.push(Item {
                id: id.to_string(),
                change: ItemChange::Added,
                old: None,
                new: Some(name.to_string()),
            }),
            Some(before) if before != *name => out.push(Item {
                id: id.to_string(),
                change: ItemChange::Renamed,
                old: Some(before.to_string()),
                new: Some(name.to_string()),
            }),
            Some(_) => {}
        }
    }
    for (id, name) in &old {
        if find(&new, id).is_none() {
            out.push(Item {
                id: id.to_string(),
                change: ItemChange::Removed,
                old: Some(name.to_string()),
                new: None,
            });
        }
    }
    out
}

/// The changes from `old` to `new`. Sessions are listed in the newer program's order, the
/// removed ones after them in the older program's order.
pub fn diff(old: &Program, new: &Program) -> Diff {
    let (so, sn) = (Schedule::new(old), Schedule::new(new));
    let tz = new.event.timezone;
    let old_views = views(&so);
    let new_views = views(&sn);
    let old_index: foldhash::HashMap<&str, usize> = old_views
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (*id, i))
        .collect();
    let new_ids: foldhash::HashSet<&str> = new_views.iter().map(|(id, _)| *id).collect();
    let mut sessions = Vec::new();
    for (id, view) in &new_views {
        let start = view.interval.map(|(s, _)| local_start(tz, s));
        match old_index.get(id) {
            None => sessions.push(SessionChange {
                id: id.to_string(),
                title: view.session.title.clone(),
                change: Change::New,
                moved: false,
                start,
                fields: Vec::new(),
            }),
            Some(&i) => {
                let before = &old_views[i].1;
                let fields = session_fields(old, new, tz, before, view);
                if fields.is_empty() {
                    continue;
                }
                let cancelled = view.session.status == Status::Cancelled
                    && before.session.status != Status::Cancelled;
                sessions.push(SessionChange {
                    id: id.to_string(),
                    title: view.session.title.clone(),
                    change: if cancelled {
                        Change::Cancelled
                    } else {
                        Change::Changed
                    },
                    moved: fields.iter().any(|f| f.field.moves()),
                    start,
                    fields,
                });
            }
        }
    }
    for (id, view) in &old_views {
        if !new_ids.contains(id) {
            sessions.push(SessionChange {
                id: id.to_string(),
                title: view.session.title.clone(),
                change: Change::Removed,
                moved: false,
                start: view
                    .interval
                    .map(|(s, _)| local_start(old.event.timezone, s)),
                fields: Vec::new(),
            });
        }
    }
    let mut people = std::collections::BTreeMap::new();
    for f in sessions.iter().flat_map(|s| &s.fields) {
        for id in f.added.iter().chain(&f.removed) {
            people
                .entry(id.clone())
                .or_insert_with(|| person_label(old, new, id));
        }
    }
    Diff {
        sessions,
        people,
        rooms: items(
            old.rooms.iter().map(|r| (r.id.as_str(), r.name.as_str())),
            new.rooms.iter().map(|r| (r.id.as_str(), r.name.as_str())),
        ),
        speakers: items(
            old.speakers
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str())),
            new.speakers
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str())),
        ),
        tracks: items(
            old.tracks.iter().map(|r| (r.id.as_str(), r.name.as_str())),
            new.tracks.iter().map(|r| (r.id.as_str(), r.name.as_str())),
        ),
    }
}

/// People's names for the text and Markdown presentations.
pub fn person_label(old: &Program, new: &Program, id: &str) -> String {
    person_name(new, id)
        .or_else(|| person_name(old, id))
        .unwrap_or_else(|| id.to_string())
}
