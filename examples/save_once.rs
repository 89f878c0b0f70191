//! Save a generated program after one move, a few times: a steady target for profiling the
//! save path (`perf record`, `valgrind --tool=callgrind`), with the phases timed.
//!
//!   cargo build --release --example save_once
//!   target/release/examples/save_once 10000 5
//!   valgrind --tool=callgrind target/release/examples/save_once 10000 1

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::time::Instant;

use agora::edit::History;

fn main() {
    let mut args = std::env::args().skip(1);
    let sessions: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(3);
    let text = agora::generate::generate(&agora::generate::Options {
        sessions,
        rooms: 50,
        speakers: 2_000,
        days: 5,
        conflict_rate: 0.02,
        seed: 1,
    });
    let dir = std::env::temp_dir().join(format!("agora-save-once-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("large.toml");
    std::fs::write(&path, &text).expect("write");
    let (mut doc, mut disk) = agora::save::open(&path).expect("the generated program opens");
    let mut history = History::new();
    for run in 0..runs {
        let index = (run * 997) % doc.program.sessions.len();
        let minutes = if run % 2 == 0 { 15 } else { -15 };
        let edit = if std::env::var_os("RENAME").is_some() {
            // A room's id renamed: every session in it updated (one run of tables each).
            let r = run % doc.program.rooms.len();
            let mut room = doc.program.rooms[r].clone();
            room.id = format!("{}-{run}", room.id);
            agora::edit::change_room(&doc, r, room)
                .expect("a rename")
                .expect("a change")
        } else {
            agora::edit::move_by(&doc, index, minutes)
                .or_else(|_| agora::edit::move_by(&doc, index, -minutes))
                .expect("a move")
        };
        history.perform(&mut doc, edit);
        let t0 = Instant::now();
        let fast = agora::save::takes_fast_path(&doc);
        println!(
            "plan of the fast path (fast: {fast}): {:.1} ms",
            t0.elapsed().as_secs_f64() * 1000.0
        );
        phases(&doc, &disk);
        let t0 = Instant::now();
        let saved = agora::save::save(&mut doc, &mut disk, false).expect("saves");
        let whole = t0.elapsed();
        let t0 = Instant::now();
        let floor: toml::Table = text.parse().expect("parses");
        let floor_time = t0.elapsed();
        drop(floor);
        println!(
            "save after one move: {:.1} ms ({} file written); floor (toml parse) {:.1} ms",
            whole.as_secs_f64() * 1000.0,
            saved.written.len(),
            floor_time.as_secs_f64() * 1000.0
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The phases of a save, timed one by one (the same calls `save::save` makes).
fn phases(doc: &agora::edit::Document, disk: &agora::save::OnDisk) {
    let ms = |t: Instant| format!("{:.1} ms", t.elapsed().as_secs_f64() * 1000.0);
    let t = Instant::now();
    let fast = agora::save::takes_fast_path(doc);
    let plan = ms(t);
    let t = Instant::now();
    let rendered = agora::save::render(doc).expect("renders");
    let render = ms(t);
    let t = Instant::now();
    let indices: Vec<u32> = rendered.iter().map(|(f, _)| *f).collect();
    let _ = agora::save::changed_on_disk(disk, &indices);
    let changed = ms(t);
    let t = Instant::now();
    let texts = agora::save::texts_after(doc, &rendered);
    let reloaded = agora::load::load_texts(&disk.root, &texts).expect("loads back");
    let reload = ms(t);
    let dir = std::env::temp_dir().join(format!("agora-save-phase-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let t = Instant::now();
    agora::save::write_atomic(&dir.join("x.toml"), texts[0].1.as_bytes()).expect("writes");
    let write = ms(t);
    let t = Instant::now();
    let _doc = agora::edit::Document::with_origins(reloaded, doc.origins.clone());
    let rebuild = ms(t);
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "  phases: fast-path plan {plan} ({fast}); whole-file path: render {render}, changed-on-disk check {changed}, reload {reload}, atomic write {write}, new document {rebuild}"
    );
}
