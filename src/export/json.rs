//! The program as JSON for scripts: documented in docs/export-json.md (`"version": 1`).
//!
//! Keys come in the order of the structs below, so the output is stable byte for byte. Times
//! are given twice: local with the offset, and UTC. References are resolved (a session's room
//! is an object with its name, not only an id). Speakers' e-mail addresses are personal data
//! and are never exported; URLs other than http, https and mailto are left out.

use serde::Serialize;

use crate::export::agenda::{Agenda, Entry};
use crate::export::ics::uid;
use crate::export::view::track_color;
use crate::export::Body;
use crate::time::{rfc3339, to_local, Instant};

/// Bump when a key changes meaning or disappears; adding keys keeps the version.
pub(crate) const VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    format: &'static str,
    version: u32,
    event: Event<'a>,
    part: Option<Part<'a>>,
    filtered: bool,
    days: Vec<String>,
    tracks: Vec<Track<'a>>,
    rooms: Vec<Room<'a>>,
    speakers: Vec<Speaker<'a>>,
    // The last key, `sessions`, is written apart (see `render`).
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    name: &'a str,
    timezone: &'a str,
    start: String,
    end: String,
    venue: Option<&'a str>,
    url: Option<&'a str>,
    language: &'a str,
    /// Every language of the event (`languages`), when the file lists them.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    languages: &'a [String],
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Part<'a> {
    kind: &'static str,
    id: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Track<'a> {
    id: &'a str,
    name: &'a str,
    color: String,
    description: Option<&'a str>,
}

#[derive(Serialize)]
struct Room<'a> {
    id: &'a str,
    name: &'a str,
    location: Option<&'a str>,
    capacity: Option<u64>,
    features: &'a [String],
    accessible: bool,
}

#[derive(Serialize)]
struct Speaker<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
    bio: Option<&'a str>,
    url: Option<&'a str>,
    sessions: Vec<&'a str>,
}

#[derive(Serialize)]
struct RoomRef<'a> {
    id: &'a str,
    name: &'a str,
    location: Option<&'a str>,
}

#[derive(Serialize)]
struct TrackRef<'a> {
    id: &'a str,
    name: &'a str,
    color: String,
}

#[derive(Serialize)]
struct PersonRef<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    affiliation: Option<&'a str>,
}

#[derive(Serialize)]
struct Session<'a> {
    id: &'a str,
    uid: String,
    title: &'a str,
    kind: &'static str,
    status: &'static str,
    scheduled: bool,
    day: Option<String>,
    start: Option<String>,
    end: Option<String>,
    start_utc: Option<String>,
    end_utc: Option<String>,
    duration_minutes: Option<i64>,
    room: Option<RoomRef<'a>>,
    track: Option<TrackRef<'a>>,
    speakers: Vec<PersonRef<'a>>,
    moderators: Vec<PersonRef<'a>>,
    plenary: bool,
    expected: Option<u64>,
    language: Option<&'a str>,
    /// The languages the session is interpreted into, when it is.
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    interpretation: &'a [String],
    tags: &'a [std::borrow::Cow<'a, str>],
    description: Option<&'a str>,
    url: Option<&'a str>,
}

fn utc(t: Instant) -> String {
    rfc3339(chrono_tz::UTC, t).replace("+00:00", "Z")
}

fn session<'a>(agenda: &'a Agenda, e: &'a Entry) -> Session<'a> {
    let tz = agenda.tz;
    let person = |&p: &usize| {
        let x = &agenda.people[p];
        PersonRef {
            id: &x.id,
            name: &x.name,
            role: x.role.as_deref(),
            affiliation: x.affiliation.as_deref(),
        }
    };
    let written = agenda.program.sessions[e.index]
        .duration
        .as_ref()
        .map(|d| d.value)
        .filter(|d| *d >= 1);
    Session {
        id: e.id,
        uid: uid(&agenda.event.id, &e.key),
        title: &e.title,
        kind: e.kind.as_str(),
        status: e.status.as_str(),
        scheduled: e.slot.is_some(),
        day: e
            .slot
            .map(|(s, _)| to_local(tz, s).date_naive().to_string()),
        start: e.slot.map(|(s, _)| rfc3339(tz, s)),
        end: e.slot.map(|(_, x)| rfc3339(tz, x)),
        start_utc: e.slot.map(|(s, _)| utc(s)),
        end_utc: e.slot.map(|(_, x)| utc(x)),
        duration_minutes: e.slot.map(|(s, x)| (x - s) / 60).or(written),
        room: e.room.map(|r| {
            let room = &agenda.rooms[r];
            RoomRef {
                id: &room.id,
                name: &room.name,
                location: room.location.as_deref(),
            }
        }),
        track: e.track.map(|t| TrackRef {
            id: &agenda.tracks[t].id,
            name: &agenda.tracks[t].name,
            color: track_color(agenda, t),
        }),
        speakers: e.speakers.iter().map(person).collect(),
        moderators: e.moderators.iter().map(person).collect(),
        plenary: e.plenary,
        expected: e.expected,
        language: e.language.as_deref(),
        interpretation: e.interpretation,
        tags: &e.tags,
        description: e.description.as_deref(),
        url: e.url,
    }
}

/// The document, pretty-printed, with a final newline.
pub(crate) fn render(agenda: &Agenda) -> Body {
    let used = |pick: &dyn Fn(&Entry) -> Vec<usize>, n: usize| -> Vec<usize> {
        if !agenda.filtered && agenda.subject.is_none() {
            return (0..n).collect();
        }
        let mut v: Vec<usize> = agenda.entries.iter().flat_map(pick).collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    let tracks = used(&|e| e.track.into_iter().collect(), agenda.tracks.len());
    let rooms = used(&|e| e.room.into_iter().collect(), agenda.rooms.len());
    let people = used(
        &|e| {
            e.speakers
                .iter()
                .chain(e.moderators.iter())
                .copied()
                .collect()
        },
        agenda.people.len(),
    );
    // Each person's sessions in reading order, from one pass over the entries.
    let mut sessions_of: Vec<Vec<&str>> = vec![Vec::new(); agenda.people.len()];
    for e in &agenda.entries {
        for &p in e.speakers.iter().chain(e.moderators.iter()) {
            sessions_of[p].push(e.id);
        }
    }
    let ev = &agenda.event;
    let doc = Document {
        format: "agora-program",
        version: VERSION,
        event: Event {
            id: &ev.id,
            name: &ev.name,
            timezone: agenda.tz.name(),
            start: ev.start.to_string(),
            end: ev.end.to_string(),
            venue: ev.venue.as_deref(),
            url: ev.url.as_deref(),
            language: &ev.language,
            languages: &ev.languages,
            description: ev.description.as_deref(),
        },
        part: agenda.subject.as_ref().map(|s| Part {
            kind: match s.split {
                crate::export::Split::Rooms => "room",
                crate::export::Split::Speakers => "speaker",
                crate::export::Split::Tracks => "track",
                crate::export::Split::Sessions => "session",
            },
            id: &s.id,
            name: &s.name,
        }),
        filtered: agenda.filtered,
        days: {
            let mut days: Vec<String> = agenda
                .placed()
                .filter_map(|e| {
                    e.slot
                        .map(|(s, _)| to_local(agenda.tz, s).date_naive().to_string())
                })
                .collect();
            days.sort();
            days.dedup();
            days
        },
        tracks: tracks
            .into_iter()
            .map(|t| Track {
                id: &agenda.tracks[t].id,
                name: &agenda.tracks[t].name,
                color: track_color(agenda, t),
                description: agenda.tracks[t].description.as_deref(),
            })
            .collect(),
        rooms: rooms
            .into_iter()
            .map(|r| {
                let room = &agenda.rooms[r];
                Room {
                    id: &room.id,
                    name: &room.name,
                    location: room.location.as_deref(),
                    capacity: room.capacity,
                    features: &room.features,
                    accessible: room.accessible,
                }
            })
            .collect(),
        speakers: people
            .into_iter()
            .map(|p| {
                let sessions = std::mem::take(&mut sessions_of[p]);
                let x = &agenda.people[p];
                Speaker {
                    id: &x.id,
                    name: &x.name,
                    role: x.role.as_deref(),
                    affiliation: x.affiliation.as_deref(),
                    bio: x.bio.as_deref(),
                    url: x.url.as_deref(),
                    sessions,
                }
            })
            .collect(),
    };
    let head =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    let mut head = head.strip_suffix("\n}").unwrap_or(&head).to_string();
    head.push_str(",\n  \"sessions\": [");
    let mut out = Body::from(head);
    // The sessions, most of the document, are written in pieces on every core, each as
    // `serde_json` would write it two levels deep, and put in as the document's last key.
    let sessions = crate::parallel::write_pieces_of(
        &agenda.entries,
        PARALLEL_SESSIONS,
        |part, piece: &mut Vec<u8>| {
            for e in part {
                // Every element after the first is preceded by a comma; the first piece's first
                // element is the array's first.
                let lead: &[u8] = if std::ptr::eq(e, &agenda.entries[0]) {
                    b"\n    "
                } else {
                    b",\n    "
                };
                piece.extend_from_slice(lead);
                crate::export::pretty::append(piece, 2, &session(agenda, e));
            }
        },
    );
    // Only `serde_json` wrote into the pieces, and only whole UTF-8 strings.
    sessions.into_iter().for_each(|piece| out.push_utf8(piece));
    out.push(
        if agenda.entries.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        }
        .to_string(),
    );
    out
}

/// Fewer sessions than this are written on one core.
const PARALLEL_SESSIONS: usize = 4096;
