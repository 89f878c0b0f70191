//! The frab/C3VOC import and exports on the real schedules in tests/data/interop/: importing
//! (parse and map), writing the TOML, loading it back, and both exports of the loaded program.
//! FOSDEM 2024 (876 sessions, 2.1 MB of XML) is the large case.
//!
//!   cargo bench --bench interop            # every file
//!   cargo bench --bench interop -- fosdem  # one file

// Setup on the shipped schedules: a file that fails to load has nothing to measure.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, SamplingMode};

use agora::export::frab::{json as frab_json, xml as frab_xml};
use agora::import::import;
use agora::import::toml_out::{render, Layout};
use agora::load::load_str;

const FILES: [&str; 5] = [
    "fosdem-2024-schedule.xml",
    "31c3-schedule.xml",
    "36c3-schedule.json",
    "frab-camp2019.json",
    "pretalx-rc3.json",
];

fn bench(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/interop");
    let mut group = c.benchmark_group("interop");
    group.sampling_mode(SamplingMode::Flat).sample_size(10);
    for name in FILES {
        let text = std::fs::read_to_string(dir.join(name)).expect("test data");
        let imported = import(&text).expect("imports");
        let toml = render(&imported, name, Layout::File).remove(0).1;
        let path = Path::new("bench.toml");
        let program = load_str(path, &toml).expect("the import loads");
        group.bench_with_input(BenchmarkId::new("import", name), &text, |b, text| {
            b.iter(|| black_box(import(text).map(|i| i.sessions.len()).is_ok()))
        });
        group.bench_with_input(BenchmarkId::new("write-toml", name), &imported, |b, i| {
            b.iter(|| black_box(render(i, name, Layout::File).len()))
        });
        group.bench_with_input(BenchmarkId::new("end-to-end", name), &text, |b, text| {
            b.iter(|| {
                let imported = import(text).expect("imports");
                let toml = render(&imported, name, Layout::File).remove(0).1;
                black_box(load_str(path, &toml).map(|p| p.sessions.len()).is_ok())
            })
        });
        group.bench_with_input(BenchmarkId::new("frab-xml", name), &program, |b, p| {
            b.iter(|| black_box(frab_xml::write(p).len()))
        });
        group.bench_with_input(BenchmarkId::new("frab-json", name), &program, |b, p| {
            b.iter(|| black_box(frab_json::write(p).len()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
