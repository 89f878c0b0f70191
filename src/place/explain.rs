//! Why a session cannot be placed, in an organiser's words.
//!
//! Every candidate slot is judged by the rules; the error-level findings that rule each one
//! out become reasons ("overlaps a session of Karine Dognin-Sauze", "is outside Salle Rhône's
//! hours"). The explanation names the fewest reasons that together rule out every slot
//! (a greedy set cover), so it reads as the few things to change.

use std::collections::BTreeMap;

use crate::codes::{Level, RuleCode};
use crate::rules::{Diagnostic, Parts};

use super::engine::Engine;
use super::grid::Start;

/// Why a session cannot be placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation {
    /// One sentence, naming the binding rules, people and rooms.
    pub message: String,
    /// The binding rules.
    pub rules: Vec<RuleCode>,
    /// Ids of the people named.
    pub people: Vec<String>,
    /// Ids of the rooms named.
    pub rooms: Vec<String>,
}

/// What rules out one candidate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Reason {
    RoomTaken(usize),
    PersonBusy(usize),
    PersonAway(usize),
    RoomClosed(usize),
    Feature(usize),
    Capacity(usize),
    Plenary(usize),
    Track(usize),
    Changeover(usize),
    Outside,
    Other(RuleCode),
}

impl Reason {
    fn code(&self) -> RuleCode {
        match self {
            Reason::RoomTaken(_) => RuleCode::RoomOverlap,
            Reason::PersonBusy(_) => RuleCode::SpeakerOverlap,
            Reason::PersonAway(_) => RuleCode::SpeakerUnavailable,
            Reason::RoomClosed(_) => RuleCode::RoomClosed,
            Reason::Feature(_) => RuleCode::MissingFeature,
            Reason::Capacity(_) => RuleCode::OverCapacity,
            Reason::Plenary(_) => RuleCode::PlenaryOverlap,
            Reason::Track(_) => RuleCode::TrackOverlap,
            Reason::Changeover(_) => RuleCode::SpeakerChangeover,
            Reason::Outside => RuleCode::OutsideEvent,
            Reason::Other(c) => *c,
        }
    }
}

/// At most this many candidates are judged to explain one session (a coarser step beyond).
const MAX_JUDGED: usize = 20_000;

fn reason_of(e: &Engine, i: usize, d: &Diagnostic) -> Reason {
    let room = |id: &Option<String>| {
        id.as_ref()
            .and_then(|r| e.schedule.rooms.get(r.as_str()).copied())
    };
    let person = |id: &Option<String>| {
        id.as_ref()
            .and_then(|p| e.schedule.speakers.get(p.as_str()).copied())
    };
    let track = |id: &Option<String>| {
        id.as_ref()
            .and_then(|t| e.schedule.tracks.get(t.as_str()).copied())
    };
    let other = d.session_indices.iter().copied().find(|&x| x != i);
    let r = match d.code {
        RuleCode::RoomOverlap => room(&d.room).map(Reason::RoomTaken),
        RuleCode::SpeakerOverlap => person(&d.person).map(Reason::PersonBusy),
        RuleCode::SpeakerUnavailable => person(&d.person).map(Reason::PersonAway),
        RuleCode::RoomClosed => room(&d.room).map(Reason::RoomClosed),
        RuleCode::MissingFeature => room(&d.room).map(Reason::Feature),
        RuleCode::OverCapacity => room(&d.room).map(Reason::Capacity),
        RuleCode::PlenaryOverlap => other.map(Reason::Plenary),
        RuleCode::TrackOverlap => track(&d.track).map(Reason::Track),
        RuleCode::SpeakerChangeover => person(&d.person).map(Reason::Changeover),
        RuleCode::OutsideEvent => Some(Reason::Outside),
        _ => None,
    };
    r.unwrap_or(Reason::Other(d.code))
}

/// "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Explain why session `i` has no valid place (with the engine's current program).
pub fn explain(e: &mut Engine, i: usize) -> Explanation {
    let program = e.program;
    let session = &program.sessions[i];
    let Some(len) = e.lengths[i] else {
        let message = if session.end.is_some() && session.start.is_none() {
            format!(
                "'{}' has an `end` but no `start` or `duration`: give it `duration = …` (minutes) so it can be placed",
                session.title
            )
        } else {
            format!(
                "'{}' has no length: give it `duration = …` (minutes) so it can be placed",
                session.title
            )
        };
        return Explanation {
            message,
            rules: Vec::new(),
            people: Vec::new(),
            rooms: Vec::new(),
        };
    };
    let minutes = len / 60;
    // Reasons per candidate.
    let rooms = e.rooms_for(i);
    let mut candidates: Vec<(Option<usize>, Start)> = Vec::new();
    for &room in &rooms {
        for (from, to) in e.grid.for_room(room).to_vec() {
            for k in from..to {
                candidates.push((room, e.grid.starts[k]));
            }
        }
    }
    if let super::engine::Fixed::Start(st) = e.fixed[i] {
        candidates = rooms.iter().map(|&r| (r, st)).collect();
    }
    if candidates.is_empty() {
        let message = if program.rooms.is_empty() {
            format!(
                "'{}' cannot be placed: the event has no rooms (add [[rooms]])",
                session.title
            )
        } else {
            format!(
                "'{}' cannot be placed: no room is open at any time of the event's days",
                session.title
            )
        };
        return Explanation {
            message,
            rules: vec![RuleCode::RoomClosed],
            people: Vec::new(),
            rooms: Vec::new(),
        };
    }
    let stride = candidates.len().div_ceil(MAX_JUDGED).max(1);
    let mut blocked: Vec<Vec<Reason>> = Vec::new();
    for &(room, start) in candidates.iter().step_by(stride) {
        let diags = e.at(i, (room, start.at, start.at + len), |s, p| {
            p.diagnostics(s, i, Parts::ALL)
        });
        let mut reasons: Vec<Reason> = diags
            .iter()
            .filter(|d| d.severity == Level::Error)
            .map(|d| reason_of(e, i, d))
            .collect();
        reasons.sort();
        reasons.dedup();
        if reasons.is_empty() {
            // A valid slot after all (the program changed since the search): say so.
            return Explanation {
                message: format!(
                    "'{}' was not placed before the search stopped (time limit); a valid slot exists",
                    session.title
                ),
                rules: Vec::new(),
                people: Vec::new(),
                rooms: Vec::new(),
            };
        }
        blocked.push(reasons);
    }
    // Greedy set cover: the reason ruling out most remaining candidates, until none remain.
    let mut chosen: Vec<Reason> = Vec::new();
    let mut left: Vec<usize> = (0..blocked.len()).collect();
    while !left.is_empty() {
        let mut tally: BTreeMap<&Reason, usize> = BTreeMap::new();
        for &c in &left {
            for r in &blocked[c] {
                *tally.entry(r).or_insert(0) += 1;
            }
        }
        let Some((best, _)) = tally
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(r, n)| ((*r).clone(), *n))
        else {
            break;
        };
        left.retain(|&c| !blocked[c].contains(&best));
        chosen.push(best);
    }
    chosen.sort();
    describe(e, i, minutes, &rooms, &chosen)
}

fn describe(
    e: &Engine,
    i: usize,
    minutes: i64,
    rooms: &[Option<usize>],
    reasons: &[Reason],
) -> Explanation {
    let program = e.program;
    let session = &program.sessions[i];
    let room_name = |r: usize| program.rooms[r].name.clone();
    let person_name = |p: usize| program.speakers[p].name.clone();
    let mut phrases: Vec<String> = Vec::new();
    let mut people: Vec<String> = Vec::new();
    let mut room_ids: Vec<String> = Vec::new();
    let mut rules: Vec<RuleCode> = Vec::new();
    let group = |f: &dyn Fn(&Reason) -> Option<usize>| -> Vec<usize> {
        reasons.iter().filter_map(f).collect()
    };
    let taken = group(&|r| match r {
        Reason::RoomTaken(x) => Some(*x),
        _ => None,
    });
    let busy = group(&|r| match r {
        Reason::PersonBusy(x) => Some(*x),
        _ => None,
    });
    let away = group(&|r| match r {
        Reason::PersonAway(x) => Some(*x),
        _ => None,
    });
    let closed = group(&|r| match r {
        Reason::RoomClosed(x) => Some(*x),
        _ => None,
    });
    let feature = group(&|r| match r {
        Reason::Feature(x) => Some(*x),
        _ => None,
    });
    let capacity = group(&|r| match r {
        Reason::Capacity(x) => Some(*x),
        _ => None,
    });
    let changeover = group(&|r| match r {
        Reason::Changeover(x) => Some(*x),
        _ => None,
    });
    let names = |xs: &[usize], f: &dyn Fn(usize) -> String| -> String {
        and_list(&xs.iter().map(|&x| f(x)).collect::<Vec<_>>())
    };
    if !busy.is_empty() {
        let who = names(&busy, &|p| person_name(p));
        phrases.push(if busy.len() == 1 {
            format!("overlaps a session of {who}")
        } else {
            format!("overlaps a session of {who} (one of them)")
        });
        people.extend(busy.iter().map(|&p| program.speakers[p].id.clone()));
    }
    if !away.is_empty() {
        let who = names(&away, &|p| person_name(p));
        phrases.push(format!("is outside the availability of {who}"));
        people.extend(away.iter().map(|&p| program.speakers[p].id.clone()));
    }
    if !taken.is_empty() {
        phrases.push(format!(
            "is taken by another session in {}",
            names(&taken, &|r| room_name(r))
        ));
        room_ids.extend(taken.iter().map(|&r| program.rooms[r].id.clone()));
    }
    if !closed.is_empty() {
        let list = names(&closed, &|r| format!("{}'s", room_name(r)));
        phrases.push(format!("is outside {list} opening hours"));
        room_ids.extend(closed.iter().map(|&r| program.rooms[r].id.clone()));
    }
    if !feature.is_empty() {
        let needs = and_list(&session.requires);
        phrases.push(format!(
            "is in a room without {needs} ({})",
            names(&feature, &|r| room_name(r))
        ));
        room_ids.extend(feature.iter().map(|&r| program.rooms[r].id.clone()));
    }
    if !capacity.is_empty() {
        let n = session.expected.unwrap_or(0);
        phrases.push(format!(
            "is in a room too small for {n} people ({})",
            names(&capacity, &|r| room_name(r))
        ));
        room_ids.extend(capacity.iter().map(|&r| program.rooms[r].id.clone()));
    }
    if !changeover.is_empty() {
        let who = names(&changeover, &|p| person_name(p));
        phrases.push(format!("leaves {who} too little time to change rooms"));
        people.extend(changeover.iter().map(|&p| program.speakers[p].id.clone()));
    }
    for r in reasons {
        match r {
            Reason::Plenary(x) => phrases.push(format!(
                "runs during the plenary '{}'",
                program.sessions[*x].title
            )),
            Reason::Track(t) => phrases.push(format!(
                "overlaps another session of track {}",
                program.tracks[*t].name
            )),
            Reason::Outside => phrases.push("is outside the event's days".to_string()),
            Reason::Other(c) => phrases.push(format!("has a {c} error")),
            _ => {}
        }
    }
    for r in reasons {
        if !rules.contains(&r.code()) {
            rules.push(r.code());
        }
    }
    rules.sort();
    people.sort();
    people.dedup();
    room_ids.sort();
    room_ids.dedup();
    let kind = if session.requires.is_empty() {
        format!("{minutes}-minute slot")
    } else {
        format!("{minutes}-minute slot with {}", and_list(&session.requires))
    };
    let whereabouts = match rooms {
        [Some(r)] => format!(" in {}", room_name(*r)),
        [None] => " (event-wide)".to_string(),
        _ => String::new(),
    };
    let when = match e.fixed[i] {
        super::engine::Fixed::Start(st) => format!(
            " at {} {}",
            crate::rules::wording::day(e.schedule.tz, st.at),
            crate::rules::wording::clock(e.schedule.tz, st.at)
        ),
        _ => String::new(),
    };
    let message = format!(
        "'{}' cannot be placed: every {kind}{whereabouts}{when} {}",
        session.title,
        or_list(&phrases)
    );
    Explanation {
        message,
        rules,
        people,
        rooms: room_ids,
    }
}

/// "a, b or c".
fn or_list(items: &[String]) -> String {
    match items {
        [] => "is ruled out by the rules".to_string(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}
