//! Random programs: the sweep-based pairwise rules must find exactly what a brute-force
//! comparison of all pairs finds, and checking must be deterministic.

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

use common::{key, Key};

const ROOMS: usize = 3;
const PEOPLE: usize = 4;
const TRACKS: usize = 2;

#[derive(Debug, Clone)]
struct Gen {
    /// None: unscheduled (no start).
    start: Option<(u32, u32)>, // (day 14|15, minutes since midnight)
    minutes: i64,
    /// None: an event-wide break.
    room: Option<usize>,
    people: Vec<usize>,
    moderators: Vec<usize>,
    track: Option<usize>,
    plenary: bool,
    cancelled: bool,
    allow: Option<&'static str>,
}

fn gen_session() -> impl Strategy<Value = Gen> {
    (
        prop::option::weighted(0.9, (14u32..=15, (8u32 * 4)..(20 * 4))),
        prop::sample::select(vec![5i64, 10, 15, 25, 30, 45, 60, 90, 120]),
        prop::option::weighted(0.9, 0..ROOMS),
        prop::collection::vec(0..PEOPLE, 0..3),
        prop::collection::vec(0..PEOPLE, 0..2),
        prop::option::of(0..TRACKS),
        prop::bool::weighted(0.1),
        prop::bool::weighted(0.1),
        prop::option::weighted(
            0.1,
            prop::sample::select(vec![
                "room-overlap",
                "speaker-overlap",
                "track-overlap",
                "plenary-overlap",
            ]),
        ),
    )
        .prop_map(
            |(start, minutes, room, people, moderators, track, plenary, cancelled, allow)| Gen {
                start: start.map(|(d, q)| (d, q * 15)),
                minutes,
                room,
                people,
                moderators,
                track,
                plenary,
                cancelled,
                allow,
            },
        )
}

fn to_toml(sessions: &[Gen]) -> String {
    let mut out = String::from(
        "[event]\nid = \"p\"\nname = \"P\"\ntimezone = \"Europe/Paris\"\nstart = 2024-05-14\nend = 2024-05-15\n\n",
    );
    for r in 0..ROOMS {
        out += &format!("[[rooms]]\nid = \"r{r}\"\nname = \"R{r}\"\n\n");
    }
    for p in 0..PEOPLE {
        out += &format!("[[speakers]]\nid = \"p{p}\"\nname = \"P{p}\"\n\n");
    }
    for t in 0..TRACKS {
        out += &format!("[[tracks]]\nid = \"t{t}\"\nname = \"T{t}\"\n\n");
    }
    for (i, s) in sessions.iter().enumerate() {
        out += &format!(
            "[[sessions]]\nid = \"s{i:03}\"\ntitle = \"S{i}\"\nduration = {}\n",
            s.minutes
        );
        match s.room {
            Some(r) => out += &format!("room = \"r{r}\"\n"),
            None => out += "kind = \"break\"\n",
        }
        if let Some((day, m)) = s.start {
            out += &format!("start = 2024-05-{day}T{:02}:{:02}:00\n", m / 60, m % 60);
        }
        let list = |v: &[usize]| {
            v.iter()
                .map(|p| format!("\"p{p}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        out += &format!(
            "speakers = [{}]\nmoderators = [{}]\n",
            list(&s.people),
            list(&s.moderators)
        );
        if let Some(t) = s.track {
            out += &format!("track = \"t{t}\"\n");
        }
        if s.plenary {
            out += "plenary = true\n";
        }
        if s.cancelled {
            out += "status = \"cancelled\"\n";
        }
        if let Some(a) = s.allow {
            out += &format!("allow = [\"{a}\"]\n");
        }
        out += "\n";
    }
    out
}

/// All pairs, compared directly.
fn oracle(sessions: &[Gen]) -> Vec<Key> {
    let interval = |s: &Gen| {
        let (day, m) = s.start?;
        if s.cancelled {
            return None;
        }
        let start = (day as i64 - 14) * 1440 + m as i64;
        Some((start, start + s.minutes))
    };
    let id = |i: usize| format!("s{i:03}");
    let mut out = Vec::new();
    let mut push = |code: &str,
                    i: usize,
                    j: usize,
                    room: Option<String>,
                    person: Option<String>,
                    track: Option<String>| {
        let allowed = [i, j].iter().any(|&x| sessions[x].allow == Some(code));
        if !allowed {
            out.push((code.to_string(), vec![id(i), id(j)], room, person, track));
        }
    };
    for i in 0..sessions.len() {
        for j in i + 1..sessions.len() {
            let (a, b) = (&sessions[i], &sessions[j]);
            let (Some(x), Some(y)) = (interval(a), interval(b)) else {
                continue;
            };
            if !(x.0 < y.1 && y.0 < x.1) {
                continue;
            }
            if a.room.is_some() && a.room == b.room {
                push(
                    "room-overlap",
                    i,
                    j,
                    a.room.map(|r| format!("r{r}")),
                    None,
                    None,
                );
            }
            for p in 0..PEOPLE {
                let has = |s: &Gen| s.people.contains(&p) || s.moderators.contains(&p);
                if has(a) && has(b) {
                    push("speaker-overlap", i, j, None, Some(format!("p{p}")), None);
                }
            }
            if a.track.is_some() && a.track == b.track {
                push(
                    "track-overlap",
                    i,
                    j,
                    None,
                    None,
                    a.track.map(|t| format!("t{t}")),
                );
            }
            if a.plenary || b.plenary {
                push("plenary-overlap", i, j, None, None, None);
            }
        }
    }
    // speaker-changeover, straight from the format: each person's scheduled sessions in
    // (start, end, id) order, each compared with the next one.
    for p in 0..PEOPLE {
        let mut mine: Vec<(i64, i64, usize)> = (0..sessions.len())
            .filter(|&i| sessions[i].people.contains(&p) || sessions[i].moderators.contains(&p))
            .filter_map(|i| interval(&sessions[i]).map(|(a, b)| (a, b, i)))
            .collect();
        mine.sort_by_key(|x| (x.0, x.1, id(x.2)));
        for w in mine.windows(2) {
            let ((_, end_a, a), (start_b, _, b)) = (w[0], w[1]);
            let gap = start_b - end_a;
            if sessions[a].room != sessions[b].room && (0..10).contains(&gap) {
                let (x, y) = if id(a) < id(b) { (a, b) } else { (b, a) };
                push(
                    "speaker-changeover",
                    x,
                    y,
                    None,
                    Some(format!("p{p}")),
                    None,
                );
            }
        }
    }
    out
}

fn counted(keys: Vec<Key>) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for k in keys {
        *m.entry(k).or_insert(0) += 1;
    }
    m
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(128)
    ))]

    #[test]
    fn pairwise_rules_match_the_all_pairs_oracle(sessions in prop::collection::vec(gen_session(), 0..40)) {
        let text = to_toml(&sessions);
        let program = agora::load::load_str(Path::new("p.toml"), &text).unwrap();
        // The contract's view: one diagnostic per pair, groups spelled out.
        let diagnostics = agora::rules::check_pairs(&program, usize::MAX).diagnostics;
        let pairwise = ["room-overlap", "speaker-overlap", "track-overlap", "plenary-overlap", "speaker-changeover"];
        let got: Vec<Key> = diagnostics
            .iter()
            .filter(|d| pairwise.contains(&d.code.as_str()))
            .map(key)
            .collect();
        prop_assert_eq!(counted(got), counted(oracle(&sessions)));

        // Grouped (text, editor): each group stands for exactly the pairs it spells out.
        let grouped = agora::rules::check(&program);
        let per_code = |ds: &[agora::rules::Diagnostic]| -> BTreeMap<String, u64> {
            let mut m = BTreeMap::new();
            for d in ds {
                *m.entry(d.code.as_str().to_string()).or_default() += d.pairs;
            }
            m
        };
        prop_assert_eq!(per_code(&grouped), per_code(&diagnostics));

        // Deterministic: the same program checks the same way, in the same order.
        let again = agora::rules::check_pairs(&program, usize::MAX).diagnostics;
        prop_assert_eq!(diagnostics, again);
    }
}
