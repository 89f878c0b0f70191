//! Random programs with every kind of constraint placement must respect: rooms with hours,
//! features and capacities, people with availability, tracks, plenaries, `allow`, cancelled
//! and locked sessions, and random `[checks]` levels. Shared by the probe and placement tests.
#![allow(dead_code)]

use proptest::prelude::*;

pub const ROOMS: usize = 3;
pub const PEOPLE: usize = 4;
pub const TRACKS: usize = 2;

#[derive(Debug, Clone)]
pub struct GenSession {
    /// (day 14|15, minutes since midnight); None: no start.
    pub start: Option<(u32, u32)>,
    pub minutes: i64,
    /// None: no room (an event-wide break when `brk`).
    pub room: Option<usize>,
    pub brk: bool,
    pub people: Vec<usize>,
    pub track: Option<usize>,
    pub plenary: bool,
    pub cancelled: bool,
    pub projector: bool,
    pub expected: Option<u32>,
    pub allow: Option<&'static str>,
    pub locked: bool,
}

#[derive(Debug, Clone)]
pub struct GenProgram {
    pub sessions: Vec<GenSession>,
    /// Levels for room-closed, speaker-unavailable, missing-feature, track-overlap,
    /// over-capacity, speaker-changeover, plenary-overlap.
    pub levels: [&'static str; 7],
    pub changeover: i64,
}

fn level() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["error", "warning", "off"])
}

pub fn gen_session() -> impl Strategy<Value = GenSession> {
    (
        (
            prop::option::weighted(0.6, (14u32..=15, (7u32 * 4)..(20 * 4))),
            prop::sample::select(vec![15i64, 30, 45, 60, 90]),
            prop::option::weighted(0.7, 0..ROOMS),
            prop::bool::weighted(0.08),
            prop::collection::vec(0..PEOPLE, 0..3),
            prop::option::of(0..TRACKS),
        ),
        (
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.05),
            prop::bool::weighted(0.2),
            prop::option::weighted(0.3, 10u32..120),
            prop::option::weighted(
                0.05,
                prop::sample::select(vec!["room-overlap", "speaker-overlap", "track-overlap"]),
            ),
            prop::bool::weighted(0.1),
        ),
    )
        .prop_map(
            |(
                (start, minutes, room, brk, people, track),
                (plenary, cancelled, projector, expected, allow, locked),
            )| GenSession {
                start: start.map(|(d, q)| (d, q * 15)),
                minutes,
                room: if brk { None } else { room },
                brk,
                people,
                track,
                plenary,
                cancelled,
                projector,
                expected,
                allow,
                locked,
            },
        )
}

pub fn gen_program(max: usize) -> impl Strategy<Value = GenProgram> {
    (
        prop::collection::vec(gen_session(), 1..max),
        [
            level(),
            level(),
            level(),
            level(),
            level(),
            level(),
            level(),
        ],
        prop::sample::select(vec![0i64, 10, 20]),
    )
        .prop_map(|(sessions, levels, changeover)| GenProgram {
            sessions,
            levels,
            changeover,
        })
}

pub fn to_toml(p: &GenProgram) -> String {
    let mut out = String::from(
        "[event]\nid = \"p\"\nname = \"P\"\ntimezone = \"Europe/Paris\"\nstart = 2024-05-14\nend = 2024-05-15\n\n",
    );
    out += &format!(
        "[checks]\nroom-closed = \"{}\"\nspeaker-unavailable = \"{}\"\nmissing-feature = \"{}\"\ntrack-overlap = \"{}\"\nover-capacity = \"{}\"\nspeaker-changeover = {{ level = \"{}\", minutes = {} }}\nplenary-overlap = \"{}\"\n\n",
        p.levels[0], p.levels[1], p.levels[2], p.levels[3], p.levels[4], p.levels[5], p.changeover, p.levels[6]
    );
    let rooms = [
        "capacity = 40\nfeatures = [\"projector\"]\nopen = [\n  { from = 2024-05-14T09:00:00, to = 2024-05-14T18:00:00 },\n  { from = 2024-05-15T09:00:00, to = 2024-05-15T18:00:00 },\n]\n",
        "capacity = 100\nlocation = \"Annex\"\nopen = [{ from = 2024-05-14T08:00:00, to = 2024-05-15T20:00:00 }]\n",
        "capacity = 20\n",
    ];
    for (r, extra) in rooms.iter().enumerate() {
        out += &format!("[[rooms]]\nid = \"r{r}\"\nname = \"Room {r}\"\n{extra}\n");
    }
    for q in 0..PEOPLE {
        out += &format!("[[speakers]]\nid = \"p{q}\"\nname = \"Person {q}\"\n");
        if q == 0 {
            out += "available = [\n  { from = 2024-05-14T09:00:00, to = 2024-05-14T13:00:00 },\n  { from = 2024-05-15T14:00:00, to = 2024-05-15T18:00:00 },\n]\n";
        }
        out += "\n";
    }
    for t in 0..TRACKS {
        out += &format!("[[tracks]]\nid = \"t{t}\"\nname = \"Track {t}\"\n\n");
    }
    for (i, s) in p.sessions.iter().enumerate() {
        out += &format!(
            "[[sessions]]\nid = \"s{i:03}\"\ntitle = \"Session {i}\"\nduration = {}\n",
            s.minutes
        );
        if s.brk {
            out += "kind = \"break\"\n";
        }
        if let Some(r) = s.room {
            out += &format!("room = \"r{r}\"\n");
        }
        if let Some((day, m)) = s.start {
            out += &format!("start = 2024-05-{day}T{:02}:{:02}:00\n", m / 60, m % 60);
        }
        if !s.people.is_empty() {
            let list: Vec<String> = s.people.iter().map(|q| format!("\"p{q}\"")).collect();
            out += &format!("speakers = [{}]\n", list.join(", "));
        }
        if let Some(t) = s.track {
            out += &format!("track = \"t{t}\"\n");
        }
        if s.plenary {
            out += "plenary = true\n";
        }
        if s.cancelled {
            out += "status = \"cancelled\"\n";
        }
        if s.projector {
            out += "requires = [\"projector\"]\n";
        }
        if let Some(n) = s.expected {
            out += &format!("expected = {n}\n");
        }
        if let Some(a) = s.allow {
            out += &format!("allow = [\"{a}\"]\n");
        }
        if s.locked {
            out += "locked = true\n";
        }
        out += "\n";
    }
    out
}
