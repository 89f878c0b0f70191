//! Placement speed in the editor (`cargo bench --bench place`): `f` on a session of a
//! 10,000-session program, from the key press to the drawn list of slots (target: under
//! 16 ms), and the valid places marked in grab mode. The program is the one of the editor
//! benchmark (`agora::generate`: 50 rooms, 2,000 speakers, 5 days, 2% planted conflicts).
//! The benchmark against the peers is `benches/placement/run.sh`.

use std::path::Path;
use std::time::{Duration, Instant};

use agora::edit::Document;
use agora::load::load_str;
use agora::save::{DiskFile, OnDisk};
use agora::tui::action::{Action, Mode};
use agora::tui::app::App;
use agora::tui::keymap::Key;
use agora::tui::render;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn stats(mut samples: Vec<Duration>) -> (Duration, Duration, Duration) {
    samples.sort();
    let median = samples[samples.len() / 2];
    let p95 = samples[(samples.len() * 95 / 100).min(samples.len() - 1)];
    (samples[0], median, p95)
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let text = agora::generate::generate(&agora::generate::Options {
        sessions: 10_000,
        rooms: 50,
        speakers: 2_000,
        days: 5,
        conflict_rate: 0.02,
        seed: 1,
    });
    let path = Path::new("large.toml");
    let program = load_str(path, &text).expect("the generated program loads");
    let sessions = program.sessions.len();
    let disk = OnDisk {
        root: path.to_path_buf(),
        files: vec![DiskFile {
            path: path.to_path_buf(),
            bytes: text.clone().into_bytes(),
        }],
    };
    let mut app = App::new(Document::new(program), disk, 0, true);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    app.update(Action::CursorDown);
    let selected = app.selected.expect("a session is selected");

    let mut presses = Vec::new();
    let mut alone = Vec::new();
    let mut offered = 0;
    for _ in 0..40 {
        let t0 = Instant::now();
        app.handle_key(Key::Char('f'));
        terminal.draw(|f| render::draw(f, &app)).expect("draw");
        presses.push(t0.elapsed());
        assert_eq!(app.mode, Mode::Picker, "f opens the list of slots");
        offered = app.offers.len();
        app.handle_key(Key::Esc);
        let t1 = Instant::now();
        let _ = agora::place::find_slots(&app.doc.program, selected, 12);
        alone.push(t1.elapsed());
    }
    let (min, median, p95) = stats(presses);
    println!(
        "f on a session of {sessions} sessions, to frame ({offered} slots): min {}, median {}, p95 {}  (target < 16 ms)",
        ms(min),
        ms(median),
        ms(p95)
    );
    let (min, median, _) = stats(alone);
    println!(
        "  of which the search (place::find_slots): min {}, median {}",
        ms(min),
        ms(median)
    );

    let mut marks = Vec::new();
    for _ in 0..20 {
        let t0 = Instant::now();
        let targets = agora::place::valid_starts(&app.doc.program, selected);
        marks.push(t0.elapsed());
        assert!(!targets.is_empty());
    }
    let (min, median, p95) = stats(marks);
    println!(
        "grab-mode marks (every valid place) of a session of {sessions} sessions: min {}, median {}, p95 {}",
        ms(min),
        ms(median),
        ms(p95)
    );
}
