//! A schedule as another tool wrote it, whatever the shape (frab/pentabarf XML, C3VOC JSON
//! schema1 or the newer schema2): values as found, text as text, nothing mapped to agora yet.
//! The readers fill it, [`super::map`] maps it; neither needs to know the other's format.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};

/// Which shape the file had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// frab/pentabarf `schedule.xml`.
    Xml,
    /// C3VOC `schedule.json` with days → rooms → events (frab, pretalx).
    Json,
    /// C3VOC "schedule2": a flat list of events with start and end (hub).
    Json2,
}

impl Shape {
    pub fn describe(self) -> &'static str {
        match self {
            Shape::Xml => "frab/pentabarf schedule.xml",
            Shape::Json => "frab/C3VOC schedule.json",
            Shape::Json2 => "C3VOC schedule.json (schema2)",
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Foreign {
    pub shape: Option<Shape>,
    /// `generator` name and version, when given.
    pub generator: Option<String>,
    pub version: Option<String>,
    pub title: Option<String>,
    pub acronym: Option<String>,
    pub subtitle: Option<String>,
    pub description: Option<String>,
    pub venue: Option<String>,
    pub url: Option<String>,
    pub time_zone: Option<String>,
    /// Pentabarf's `<day_change>`: a start earlier in the day belongs to the next morning.
    pub day_change: Option<NaiveTime>,
    /// Conference start and end as written: a date, or a date-time with offset.
    pub start: Option<String>,
    pub end: Option<String>,
    pub days: Vec<ForeignDay>,
    /// Tracks declared in the conference (events may name more).
    pub tracks: Vec<ForeignTrack>,
    /// Rooms declared (in the conference, or as day columns); events may name more.
    pub rooms: Vec<ForeignRoom>,
    /// People listed apart from the events (schema2), to complete names and biographies.
    pub people: Vec<ForeignPerson>,
    pub events: Vec<ForeignEvent>,
    /// Fields present in the file that agora has no place for: name → how many times.
    pub unused: Vec<(String, usize)>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignDay {
    pub date: Option<NaiveDate>,
    pub start: Option<DateTime<FixedOffset>>,
    pub end: Option<DateTime<FixedOffset>>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignTrack {
    pub name: String,
    pub slug: Option<String>,
    pub color: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignRoom {
    pub name: String,
    pub slug: Option<String>,
    /// The room's GUID, which schema2 events refer to.
    pub guid: Option<String>,
    pub capacity: Option<f64>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignPerson {
    /// A key that identifies the person across events: guid, code or numeric id.
    pub key: Option<String>,
    pub name: String,
    pub slug: Option<String>,
    pub moderator: bool,
    pub biography: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct ForeignEvent {
    /// Position in the file (1-based), for messages.
    pub position: usize,
    pub guid: Option<String>,
    /// The numeric id (or code) as written.
    pub number: Option<String>,
    pub title: String,
    pub subtitle: Option<String>,
    pub kind: Option<String>,
    /// `date` (frab, pretalx) or `start` (schema2): date-time with offset, as written.
    pub date: Option<String>,
    /// `HH:MM` of the day, with the day it sits in: used when `date` is missing.
    pub start: Option<String>,
    pub day: Option<usize>,
    pub duration: Option<String>,
    pub end: Option<String>,
    pub room: Option<String>,
    /// A schema2 room reference by GUID, when the name is missing.
    pub room_guid: Option<String>,
    pub track: Option<String>,
    /// A schema2 track reference by slug.
    pub track_slug: Option<String>,
    pub slug: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
    pub abstract_: Option<String>,
    pub description: Option<String>,
    pub persons: Vec<ForeignPerson>,
    /// Links and attachments: (title, url).
    pub links: Vec<(Option<String>, String)>,
    /// schema2 `state` when it says the event will not take place.
    pub cancelled: bool,
}

/// Why a file could not be imported at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line and column in the file, when the problem has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl ImportError {
    pub(crate) fn at(line: usize, column: usize, message: impl Into<String>) -> ImportError {
        ImportError {
            line: Some(line),
            column: Some(column),
            message: message.into(),
        }
    }

    pub(crate) fn general(message: impl Into<String>) -> ImportError {
        ImportError {
            line: None,
            column: None,
            message: message.into(),
        }
    }
}

/// An instant as schedules write it: RFC 3339, or without seconds, or with a `+hhmm` offset.
pub(crate) fn date_time(text: &str) -> Option<DateTime<FixedOffset>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .ok()
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M%:z").ok())
        .or_else(|| DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z").ok())
}
