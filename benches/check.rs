//! The rule engine and the loader against the floor: parsing the same TOML into a plain
//! `toml::Table`, at 1k, 10k and 100k sessions (100k: 500 rooms, 20k speakers, 5 days).
//!
//!   cargo bench --bench check            # all sizes
//!   cargo bench --bench check -- 10000   # one size

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
