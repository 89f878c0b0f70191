//! The rule engine and the loader against the floor: parsing the same TOML into a plain
//! `toml::Table`, at 1k, 10k and 100k sessions (100k: 500 rooms, 20k speakers, 5 days).
//!
//!   cargo bench --bench check            # all sizes
//!   cargo bench --bench check -- 10000   # one size

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};

use agora::generate::{generate, Options};

fn sizes() -> Vec<(usize, Options)> {
    [
        (1_000, 20, 600, 2),
        (10_000, 100, 3_000, 3),
        (100_000, 500, 20_000, 5),
    ]
    .into_iter()
    .map(|(sessions, rooms, speakers, days)| {
        (
            sessions,
            Options {
                sessions,
                rooms,
                speakers,
                days,
                conflict_rate: 0.02,
                seed: 42,
            },
        )
    })
    .collect()
}

/// The pairwise rules done the naive way, for comparison: every pair of scheduled sessions
/// compared directly. Returns how many (room, person, track, plenary) overlaps it found.
fn all_pairs(schedule: &agora::rules::Schedule) -> usize {
    let program = schedule.program;
    let slots: Vec<(i64, i64, usize)> = schedule
        .sessions
        .iter()
        .enumerate()
        .filter_map(|(i, f)| f.slot().map(|(a, b)| (a, b, i)))
        .collect();
    let mut found = 0;
    for (n, &(a0, a1, i)) in slots.iter().enumerate() {
        let fi = &schedule.sessions[i];
        for &(b0, b1, j) in &slots[n + 1..] {
            if !(a0 < b1 && b0 < a1) {
                continue;
            }
            let fj = &schedule.sessions[j];
            found += usize::from(fi.room.is_some() && fi.room == fj.room);
            found += fi.people.iter().filter(|p| fj.people.contains(p)).count();
            found += usize::from(fi.track.is_some() && fi.track == fj.track);
            found += usize::from(program.sessions[i].plenary || program.sessions[j].plenary);
        }
    }
    found
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("check");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for (n, opts) in sizes() {
        let text = generate(&opts);
        let program =
            agora::load::load_str(Path::new("bench.toml"), &text).expect("generated programs load");
        group.bench_with_input(BenchmarkId::new("floor-toml-parse", n), &text, |b, text| {
            b.iter(|| black_box(text.parse::<toml::Table>().expect("valid TOML")))
        });
        group.bench_with_input(BenchmarkId::new("load", n), &text, |b, text| {
            b.iter(|| black_box(agora::load::load_str(Path::new("bench.toml"), text).is_ok()))
        });
        group.bench_with_input(BenchmarkId::new("rules", n), &program, |b, program| {
            b.iter(|| black_box(agora::rules::check(program).len()))
        });
        // All pairs is quadratic: at 100k sessions each sample takes seconds.
        {
            let schedule = agora::rules::Schedule::new(&program);
            let pairs = all_pairs(&schedule);
            let swept = agora::rules::check(&program)
                .iter()
                .filter(|d| {
                    matches!(
                        d.code.as_str(),
                        "room-overlap" | "speaker-overlap" | "track-overlap" | "plenary-overlap"
                    )
                })
                .count();
            assert_eq!(pairs, swept, "the sweep and all pairs agree");
            group.bench_with_input(
                BenchmarkId::new("all-pairs-overlaps", n),
                &schedule,
                |b, s| b.iter(|| black_box(all_pairs(s))),
            );
        }
        group.bench_with_input(BenchmarkId::new("load+rules", n), &text, |b, text| {
            b.iter(|| {
                let program = agora::load::load_str(Path::new("bench.toml"), text).expect("loads");
                black_box(agora::rules::check(&program).len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
