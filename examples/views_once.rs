//! Time the parts of a keypress in each list view of a generated 10,000-session program: the
//! key handled (update), the rows built, the frame drawn. A profiling aid for `benches/tui.rs`.
//!
//!   cargo build --release --example views_once && target/release/examples/views_once

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use agora::edit::Document;
use agora::save::{DiskFile, OnDisk};
use agora::tui::action::{Action, View};
use agora::tui::app::App;
use agora::tui::keymap::Key;
use agora::tui::render;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn median(mut v: Vec<Duration>) -> String {
    v.sort();
    format!("{:.2} ms", v[v.len() / 2].as_secs_f64() * 1000.0)
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
    let program = agora::load::load_str(path, &text).expect("loads");
    let disk = OnDisk {
        root: path.to_path_buf(),
        files: vec![DiskFile {
            path: path.to_path_buf(),
            bytes: text.into_bytes(),
        }],
    };
    let mut app = App::new(Document::new(program), disk, 0, true);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("backend");
    let only = std::env::args().nth(1);
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(20);
    for view in [
        View::Grid,
        View::Agenda,
        View::Speakers,
        View::Rooms,
        View::Conflicts,
    ] {
        if only.as_deref().is_some_and(|o| o != view.title()) {
            continue;
        }
        app.update(Action::ShowView(view));
        app.handle_key(Key::Char('j'));
        for keys in [['j', 'k'], ['J', 'K']] {
            let (mut update, mut rows, mut draw) = (Vec::new(), Vec::new(), Vec::new());
            for k in 0..rounds {
                let t = Instant::now();
                app.handle_key(Key::Char(keys[k % 2]));
                update.push(t.elapsed());
                let t = Instant::now();
                let _ = app.rows(view);
                rows.push(t.elapsed());
                let t = Instant::now();
                terminal.draw(|f| render::draw(f, &app)).expect("draw");
                draw.push(t.elapsed());
            }
            println!(
                "{} {}{}: update {}, rows {}, draw {}",
                view.title(),
                keys[0],
                keys[1],
                median(update),
                median(rows),
                median(draw)
            );
        }
    }
}
