//! `agora place` on random programs, checked by `agora check`'s rules after a real save and
//! reload: no error-level diagnostic the input did not have, `--repair` leaves only conflicts
//! it explains, locked sessions never move, placed sessions move only with `--allow-moves`, and
//! every slot the editor's `f` offers is valid by `check`.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;

use agora::codes::Level;
use agora::model::Program;
use agora::place::{self, Options};
use agora::rules::check_pairs;

/// Every finding, groups of overlaps spelled out pair by pair.
fn check(program: &Program) -> Vec<agora::rules::Diagnostic> {
    check_pairs(program, usize::MAX).diagnostics
}

use crate::common::{key, Key};
use crate::place_support::{gen_program, to_toml};

fn errors(program: &Program) -> BTreeMap<Key, usize> {
    let mut m = BTreeMap::new();
    for d in check(program).iter().filter(|d| d.severity == Level::Error) {
        *m.entry(key(d)).or_insert(0) += 1;
    }
    m
}

/// Keys of `after` not in `before` (as multisets).
fn new_in(after: &BTreeMap<Key, usize>, before: &BTreeMap<Key, usize>) -> Vec<Key> {
    after
        .iter()
        .filter(|(k, n)| before.get(*k).copied().unwrap_or(0) < **n)
        .map(|(k, _)| k.clone())
        .collect()
}

/// (start, duration, end, room) as written.
fn whereabouts(program: &Program, id: &str) -> String {
    let s = program.sessions.iter().find(|s| s.id == id).unwrap();
    format!(
        "{:?} {:?} {:?} {:?}",
        s.start.as_ref().map(|v| v.value),
        s.duration.as_ref().map(|v| v.value),
        s.end.as_ref().map(|v| v.value),
        s.room.as_ref().map(|v| v.value.clone())
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(48)
    ))]

    #[test]
    fn written_plans_add_no_error_and_keep_locked_and_placed_sessions(
        generated in gen_program(24),
        allow_moves in any::<bool>(),
        repair in any::<bool>(),
        seed in 0u64..4,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("event.toml");
        std::fs::write(&path, to_toml(&generated)).unwrap();
        let before = agora::load::load_path(&path).unwrap();
        let (mut doc, mut disk) = agora::save::open(&path).unwrap();
        let options = Options { allow_moves, repair, seed, step: Some(15), ..Options::default() };
        let plan = place::place(&doc.program, &options, &mut |_, _| {}).unwrap();
        place::apply(&mut doc, &plan).unwrap();
        agora::save::save(&mut doc, &mut disk, false).unwrap();
        let after = agora::load::load_path(&path).unwrap();

        // Nothing the input did not have, by the real rules on the saved file.
        let (eb, ea) = (errors(&before), errors(&after));
        prop_assert!(new_in(&ea, &eb).is_empty(), "new errors: {:?}\nplan: {}", new_in(&ea, &eb), place::render::text(&before, &plan));
        // The plan's own account matches the saved program.
        prop_assert_eq!(plan.after.errors, ea.values().sum::<usize>());
        if repair {
            // What remains is explained: a locked session, one reported unplaced, or a session
            // that is not scheduled (a room it names, too small or without a feature).
            let unplaced: Vec<&str> = plan.unplaced.iter().map(|u| before.sessions[u.session].id.as_str()).collect();
            for d in check(&after).iter().filter(|d| d.severity == Level::Error && agora::rules::probe::PLACEMENT_RULES.contains(&d.code)) {
                let explained = d.session_indices.iter().any(|&i| {
                    let s = &after.sessions[i];
                    s.locked || unplaced.contains(&s.id.as_str()) || s.start.is_none()
                });
                prop_assert!(explained, "unexplained conflict after --repair: {}", d.message);
            }
        }
        for s in &before.sessions {
            let moved = whereabouts(&before, &s.id) != whereabouts(&after, &s.id);
            if s.locked {
                prop_assert!(!moved, "locked session {} moved", s.id);
            }
            let placed = s.start.is_some() && (s.room.is_some() || s.kind.may_be_event_wide());
            if placed && !allow_moves && !repair {
                prop_assert!(!moved, "placed session {} moved without --allow-moves", s.id);
            }
        }
        // Deterministic: the same input and seed give the same plan.
        let again = place::place(&before, &options, &mut |_, _| {}).unwrap();
        prop_assert_eq!(place::render::json(&before, &plan), place::render::json(&before, &again));
    }

    #[test]
    fn every_slot_find_offers_is_valid_by_check(generated in gen_program(20), pick in 0usize..20) {
        let text = to_toml(&generated);
        let program = agora::load::load_str(Path::new("p.toml"), &text).unwrap();
        let i = pick % program.sessions.len();
        let before = errors(&program);
        let offers = place::find_slots(&program, i, 6);
        for offer in offers {
            let mut doc = agora::edit::Document::new(agora::load::load_str(Path::new("p.toml"), &text).unwrap());
            let edit = place::edit_for(&doc, i, offer.room, offer.start).unwrap();
            doc.apply(&edit);
            let after = errors(&doc.program);
            prop_assert!(new_in(&after, &before).is_empty(), "offer {:?} adds {:?}", offer.start, new_in(&after, &before));
            // The warnings shown with the offer are the session's own diagnostics there.
            let shown: Vec<Key> = offer.warnings.iter().map(key).collect();
            let real: Vec<Key> = check(&doc.program)
                .iter()
                .filter(|d| agora::rules::probe::PLACEMENT_RULES.contains(&d.code) && d.session_indices.contains(&i))
                .map(key)
                .collect();
            prop_assert_eq!(shown, real);
        }
    }
}
