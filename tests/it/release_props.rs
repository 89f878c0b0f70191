//! Properties of releases over random edit sequences with releases in between: `SEQUENCE`
//! never decreases and rises exactly when something a calendar shows changed (an oracle
//! computed from the generator's own state, not from agora's), removed sessions stay
//! cancelled, the normal form loads back to itself, and an export of a release is the same
//! bytes as the export made when the release was the working copy.
//!
//! `PROPTEST_CASES=N cargo test --test it release_props::` runs N cases (default 32).

use std::collections::BTreeMap;
use std::path::Path;

use agora::export::{export, Format, Options, Selection};
use agora::load::load_str;
use agora::model::Program;
use agora::release::history::{follow, Version};
use agora::release::{normal, Store};
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

const SESSIONS: usize = 5;
const ROOMS: [&str; 3] = ["Amphi", "Salle 1", "Salle 2"];

#[derive(Debug, Clone, PartialEq)]
struct S {
    present: bool,
    title: u8,
    room: usize,
    slot: u8,
    long: bool,
    cancelled: bool,
    description: Option<u8>,
    speakers: Vec<usize>,
    // Invisible to calendars.
    expected: u8,
    tags: u8,
}

#[derive(Debug, Clone, PartialEq)]
struct State {
    sessions: Vec<S>,
    speakers: [u8; 2],
}

#[derive(Debug, Clone)]
enum Step {
    Title(usize, u8),
    Move(usize, u8),
    Room(usize, usize),
    Length(usize),
    Cancel(usize),
    Description(usize, Option<u8>),
    Speakers(usize, Vec<usize>),
    Expected(usize, u8),
    Tags(usize, u8),
    Remove(usize),
    RenameSpeaker(usize, u8),
    Release,
}

fn step() -> impl Strategy<Value = Step> {
    let i = 0..SESSIONS;
    prop_oneof![
        (i.clone(), 0u8..4).prop_map(|(i, n)| Step::Title(i, n)),
        (i.clone(), 0u8..12).prop_map(|(i, n)| Step::Move(i, n)),
        (i.clone(), 0..ROOMS.len()).prop_map(|(i, r)| Step::Room(i, r)),
        i.clone().prop_map(Step::Length),
        i.clone().prop_map(Step::Cancel),
        (i.clone(), proptest::option::of(0u8..3)).prop_map(|(i, d)| Step::Description(i, d)),
        (
            i.clone(),
            proptest::sample::subsequence(vec![0usize, 1], 0..=2)
        )
            .prop_map(|(i, s)| Step::Speakers(i, s)),
        (i.clone(), 1u8..5).prop_map(|(i, n)| Step::Expected(i, n)),
        (i.clone(), 0u8..3).prop_map(|(i, n)| Step::Tags(i, n)),
        i.clone().prop_map(Step::Remove),
        (0usize..2, 0u8..3).prop_map(|(p, n)| Step::RenameSpeaker(p, n)),
        Just(Step::Release),
        Just(Step::Release),
    ]
}

impl State {
    fn new() -> State {
        State {
            sessions: (0..SESSIONS)
                .map(|i| S {
                    present: true,
                    title: 0,
                    room: i % ROOMS.len(),
                    slot: i as u8,
                    long: false,
                    cancelled: false,
                    description: None,
                    speakers: vec![i % 2],
                    expected: 1,
                    tags: 0,
                })
                .collect(),
            speakers: [0, 0],
        }
    }

    fn apply(&mut self, step: &Step) {
        match step {
            Step::Title(i, n) => self.sessions[*i].title = *n,
            Step::Move(i, n) => self.sessions[*i].slot = *n,
            Step::Room(i, r) => self.sessions[*i].room = *r,
            Step::Length(i) => self.sessions[*i].long = !self.sessions[*i].long,
            Step::Cancel(i) => self.sessions[*i].cancelled = !self.sessions[*i].cancelled,
            Step::Description(i, d) => self.sessions[*i].description = *d,
            Step::Speakers(i, s) => self.sessions[*i].speakers = s.clone(),
            Step::Expected(i, n) => self.sessions[*i].expected = *n,
            Step::Tags(i, n) => self.sessions[*i].tags = *n,
            Step::Remove(i) => self.sessions[*i].present = !self.sessions[*i].present,
            Step::RenameSpeaker(p, n) => self.speakers[*p] = *n,
            Step::Release => {}
        }
    }

    /// What a calendar shows of session `i` (`None`: not in the calendar).
    fn visible(&self, i: usize) -> Option<String> {
        let s = &self.sessions[i];
        s.present.then(|| {
            let names: Vec<String> = s
                .speakers
                .iter()
                .map(|&p| format!("p{p}-{}", self.speakers[p]))
                .collect();
            format!(
                "{}|{}|{}|{}|{}|{:?}|{:?}",
                s.title,
                s.room,
                start_of(s.slot),
                s.long,
                s.cancelled,
                s.description,
                names
            )
        })
    }

    fn toml(&self) -> String {
        let mut out = String::from(
            "[event]\nid = \"prop\"\nname = \"Prop\"\ntimezone = \"Europe/Paris\"\nstart = 2024-03-30\nend = 2024-03-31\n\n",
        );
        for (i, r) in ROOMS.iter().enumerate() {
            out.push_str(&format!("[[rooms]]\nid = \"r{i}\"\nname = \"{r}\"\n\n"));
        }
        for p in 0..2 {
            out.push_str(&format!(
                "[[speakers]]\nid = \"p{p}\"\nname = \"Person {p} v{}\"\n\n",
                self.speakers[p]
            ));
        }
        for (i, s) in self.sessions.iter().enumerate() {
            if !s.present {
                continue;
            }
            out.push_str(&format!(
                "[[sessions]]\nid = \"s{i}\"\ntitle = \"Talk {i} take {}\"\nroom = \"r{}\"\nstart = {}\nduration = {}\nexpected = {}\n",
                s.title,
                s.room,
                start_of(s.slot),
                if s.long { 60 } else { 30 },
                s.expected
            ));
            let speakers: Vec<String> = s.speakers.iter().map(|p| format!("\"p{p}\"")).collect();
            out.push_str(&format!("speakers = [{}]\n", speakers.join(", ")));
            if s.tags > 0 {
                out.push_str(&format!("tags = [\"t{}\"]\n", s.tags));
            }
            if let Some(d) = s.description {
                out.push_str(&format!("description = \"About {d}\"\n"));
            }
            if s.cancelled {
                out.push_str("status = \"cancelled\"\n");
            }
            out.push('\n');
        }
        out
    }
}

/// The start written for a slot. Saturday night crosses the change to summer time at 02:00:
/// a slot in the missing hour is written an hour later, so two slots can give one start (a
/// move between them changes nothing a calendar shows).
fn start_of(slot: u8) -> String {
    let minutes = 60 * 22 + 30 * i64::from(slot);
    let start = chrono::NaiveDate::from_ymd_opt(2024, 3, 30)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
        + chrono::Duration::minutes(minutes);
    let start = if start.format("%H").to_string() == "02" {
        start + chrono::Duration::hours(1)
    } else {
        start
    };
    start.format("%Y-%m-%dT%H:%M:%S").to_string()
}

fn load(text: &str) -> Program {
    load_str(Path::new("prop.toml"), text).expect("the generated event loads")
}

fn ics(program: &Program, options: &Options) -> Vec<u8> {
    let files = export(
        program,
        &[Format::Ics, Format::Html, Format::FrabXml],
        &Selection::default(),
        None,
        options,
    )
    .expect("exports");
    files.into_iter().flat_map(|f| f.bytes.to_vec()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn sequence_rises_exactly_when_the_calendar_changes(steps in proptest::collection::vec(step(), 1..24)) {
        let mut state = State::new();
        // Released states: (program, oracle state), time.
        let mut released: Vec<(Program, State)> = vec![(load(&state.toml()), state.clone())];
        for s in &steps {
            state.apply(s);
            if matches!(s, Step::Release) {
                released.push((load(&state.toml()), state.clone()));
            }
        }
        let mut last: BTreeMap<String, u32> = BTreeMap::new();
        for k in 0..released.len() {
            let versions: Vec<Version> = released[..=k]
                .iter()
                .enumerate()
                .map(|(n, (p, _))| Version { name: None, time: 1000 + n as i64, comment: None, program: p })
                .collect();
            let info = follow(&versions);
            for i in 0..SESSIONS {
                let key = format!("s{i}");
                let (seq, modified) = match info.sessions.get(&key) {
                    Some(st) => (st.sequence, st.modified),
                    None => match info.removed.iter().find(|r| r.key == key) {
                        Some(r) => (r.sequence, r.modified),
                        None => {
                            // Never shown yet: it was removed from the start.
                            prop_assert!(released[..=k].iter().all(|(_, st)| st.visible(i).is_none()));
                            continue;
                        }
                    },
                };
                prop_assert_eq!(info.sessions.contains_key(&key), released[k].1.visible(i).is_some());
                match last.get(&key) {
                    None => {
                        // First shown in some version ≤ k: 0 plus the changes since.
                        let first = released.iter().position(|(_, st)| st.visible(i).is_some()).unwrap();
                        let changes = (first + 1..=k)
                            .filter(|&v| released[v].1.visible(i) != released[v - 1].1.visible(i))
                            .count() as u32;
                        prop_assert_eq!(seq, changes);
                    }
                    Some(&before) => {
                        let changed = released[k].1.visible(i) != released[k - 1].1.visible(i);
                        prop_assert!(seq >= before, "SEQUENCE decreased for {}", key);
                        prop_assert_eq!(seq, before + u32::from(changed), "{} at version {}", key, k);
                        if changed {
                            prop_assert_eq!(modified, 1000 + k as i64);
                        }
                    }
                }
                last.insert(key, seq);
            }
        }
    }

    #[test]
    fn normal_form_loads_back_to_itself_and_release_exports_are_reproducible(
        steps in proptest::collection::vec(step(), 1..16)
    ) {
        let dir = tempfile::tempdir().unwrap();
        let event = dir.path().join("prop.toml");
        let mut state = State::new();
        let mut store = Store::open(&event).unwrap();
        let mut at_release: Vec<Vec<u8>> = Vec::new();
        let mut n = 0;
        let all = steps.iter().chain(std::iter::once(&Step::Release));
        for s in all {
            state.apply(s);
            if !matches!(s, Step::Release) {
                continue;
            }
            let program = load(&state.toml());
            let text = normal::render(&program);
            prop_assert_eq!(&normal::render(&load(&text)), &text);
            n += 1;
            store.add(program, &format!("r{n}"), None, 5000 + n).unwrap();
            // The working copy is now the release: export it as `agora export` would.
            let current = load(&state.toml());
            let info = store.follow_working_copy(&current, 99_999 + n);
            let options = Options { stamp: 99_999 + n, changes: Some(info.into()), ..Options::default() };
            at_release.push(ics(&current, &options));
        }
        let reopened = Store::open(&event).unwrap();
        prop_assert_eq!(reopened.releases.len(), at_release.len());
        for (i, bytes) in at_release.iter().enumerate() {
            let r = &reopened.releases[i];
            let options = Options { stamp: r.time, changes: Some(reopened.follow_release(i).into()), ..Options::default() };
            prop_assert!(&ics(&r.program, &options) == bytes, "release {} differs", r.name);
        }
    }
}
