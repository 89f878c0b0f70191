//! The per-session probe placement runs on finds exactly what `check` finds about each
//! session, for every rule that depends on where and when the session is.

use std::path::Path;

use proptest::prelude::*;

use agora::rules::probe::PLACEMENT_RULES;
use agora::rules::{check_pairs, Parts, Probe, Schedule};

use crate::place_support::{gen_program, to_toml};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(96)
    ))]

    #[test]
    fn probe_finds_what_check_finds_for_each_session(program in gen_program(30)) {
        let text = to_toml(&program);
        let program = agora::load::load_str(Path::new("p.toml"), &text).unwrap();
        // The probe speaks of pairs: compare with the pair view (groups spelled out).
        let all = check_pairs(&program, usize::MAX).diagnostics;
        let schedule = Schedule::new(&program);
        let probe = Probe::new(&schedule);
        for i in 0..program.sessions.len() {
            let expected: Vec<_> = all
                .iter()
                .filter(|d| PLACEMENT_RULES.contains(&d.code) && d.session_indices.contains(&i))
                .cloned()
                .collect();
            let got = probe.diagnostics(&schedule, i, Parts::ALL);
            prop_assert_eq!(&got, &expected, "session {}", i);
            // Counting agrees with building, and the parts add up to the whole.
            let counts = probe.counts(&schedule, i, Parts::ALL, false);
            prop_assert_eq!(counts.errors as usize + counts.warnings as usize + counts.infos as usize, got.len());
            let parts = probe
                .counts(&schedule, i, Parts::ROOM, false)
                .plus(&probe.counts(&schedule, i, Parts::TIME, false))
                .plus(&probe.counts(&schedule, i, Parts::ROOM_AND_TIME, false));
            prop_assert_eq!(parts, counts);
        }
    }

    #[test]
    fn removing_and_inserting_a_session_gives_the_same_index(program in gen_program(30), pick in 0usize..30) {
        let text = to_toml(&program);
        let program = agora::load::load_str(Path::new("p.toml"), &text).unwrap();
        let schedule = Schedule::new(&program);
        let mut probe = Probe::new(&schedule);
        let i = pick % program.sessions.len();
        let before: Vec<_> = (0..program.sessions.len())
            .map(|j| probe.diagnostics(&schedule, j, Parts::ALL))
            .collect();
        probe.remove(&schedule, i);
        probe.insert(&schedule, i);
        let after: Vec<_> = (0..program.sessions.len())
            .map(|j| probe.diagnostics(&schedule, j, Parts::ALL))
            .collect();
        prop_assert_eq!(before, after);
    }
}
