//! Editor speed, measured by driving the app with ratatui's TestBackend (`cargo bench --bench tui`):
//!
//! - first frame on the seed event: read and load the file, derive the conflicts, draw
//!   (target: under 50 ms);
//! - a keypress that moves a session in a 10,000-session program, through redraw, with the
//!   rules run again (target: under 16 ms);
//! - a keypress in a program of 2,000 sessions all in one room at one time, one speaker in all,
//!   during a plenary (two million overlapping pairs, reported as groups; target: under 100 ms).
//!
//! The 10,000-session program is generated here, deterministically (`agora::generate`):
//! 50 rooms, 2,000 speakers, 5 days, 2% of sessions with a planted conflict.

// Test and benchmark code: a failed setup is a failed run, so it may panic.
#![allow(clippy::expect_used, clippy::panic)]

use std::path::Path;
use std::time::{Duration, Instant};

use agora::edit::Document;
use agora::load::load_str;
use agora::save::{self, DiskFile, OnDisk};
use agora::tui::action::{Action, View};
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
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");

    // First frame on the seed event, 120×40.
    let mut first = Vec::new();
    for _ in 0..40 {
        let t0 = Instant::now();
        let (doc, disk) = save::open(&seed).expect("the seed event loads");
        let mut app = App::new(doc, disk, 0, true);
        app.update(Action::Resize {
            width: 120,
            height: 40,
        });
        let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
        terminal.draw(|f| render::draw(f, &app)).expect("draw");
        first.push(t0.elapsed());
    }
    let (min, median, p95) = stats(first);
    println!(
        "first frame, seed event (28 sessions), 120x40: min {}, median {}, p95 {}  (target < 50 ms)",
        ms(min),
        ms(median),
        ms(p95)
    );

    // 10,000 sessions.
    let text = agora::generate::generate(&agora::generate::Options {
        sessions: 10_000,
        rooms: 50,
        speakers: 2_000,
        days: 5,
        conflict_rate: 0.02,
        seed: 1,
    });
    let path = Path::new("large.toml");
    let t0 = Instant::now();
    let program = load_str(path, &text).expect("the generated program loads");
    let load = t0.elapsed();
    let sessions = program.sessions.len();
    let disk = OnDisk {
        root: path.to_path_buf(),
        files: vec![DiskFile {
            path: path.to_path_buf(),
            bytes: text.clone().into_bytes(),
        }],
    };
    let t0 = Instant::now();
    let mut app = App::new(Document::new(program), disk, 0, true);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    terminal.draw(|f| render::draw(f, &app)).expect("draw");
    let first_large = t0.elapsed();
    println!(
        "{sessions} sessions: load {}, first frame after load {} ({} diagnostics)",
        ms(load),
        ms(first_large),
        app.derived.diagnostics.len()
    );

    // Select a session on the first day, then move it later and earlier, timing each press
    // through redraw.
    app.update(Action::CursorDown);
    assert!(app.selected.is_some(), "a session is selected");
    let mut presses = Vec::new();
    let mut derive = Vec::new();
    for k in 0..60 {
        let key = if k % 2 == 0 {
            Key::Char('J')
        } else {
            Key::Char('K')
        };
        let t0 = Instant::now();
        app.handle_key(key);
        terminal.draw(|f| render::draw(f, &app)).expect("draw");
        presses.push(t0.elapsed());
        let t1 = Instant::now();
        let _ = agora::rules::check(&app.doc.program);
        derive.push(t1.elapsed());
    }
    assert_eq!(app.history.depth(), 60);
    let (min, median, p95) = stats(presses);
    println!(
        "keypress J/K moving a session in {sessions} sessions, to frame (rules included): min {}, median {}, p95 {}  (target < 16 ms)",
        ms(min),
        ms(median),
        ms(p95)
    );
    let (min, median, _) = stats(derive);
    println!(
        "  of which the rules alone (rules::check): min {}, median {}",
        ms(min),
        ms(median)
    );
    let mut facts = Vec::new();
    let mut derived = Vec::new();
    let mut frames = Vec::new();
    for _ in 0..30 {
        let t0 = Instant::now();
        let schedule = agora::rules::Schedule::new(&app.doc.program);
        facts.push(t0.elapsed());
        drop(schedule);
        let t0 = Instant::now();
        let _ = agora::tui::derive::Derived::new(&app.doc.program);
        derived.push(t0.elapsed());
        let t0 = Instant::now();
        terminal.draw(|f| render::draw(f, &app)).expect("draw");
        frames.push(t0.elapsed());
    }
    println!(
        "  breakdown (medians): Schedule::new {}, everything derived (Schedule + rules + views) {}, drawing {}",
        ms(stats(facts).1),
        ms(stats(derived).1),
        ms(stats(frames).1)
    );
    find_slots(&mut app, &mut terminal);
    // Every view: moving the cursor (j/k) and, where a session is selected, moving it (J/K),
    // each through redraw.
    for view in [View::Agenda, View::Speakers, View::Rooms, View::Conflicts] {
        app.update(Action::ShowView(view));
        app.handle_key(Key::Char('j'));
        let mut cursor = Vec::new();
        for k in 0..40 {
            let key = if k % 2 == 0 {
                Key::Char('j')
            } else {
                Key::Char('k')
            };
            let t0 = Instant::now();
            app.handle_key(key);
            terminal.draw(|f| render::draw(f, &app)).expect("draw");
            cursor.push(t0.elapsed());
        }
        let mut moves = Vec::new();
        if app.selected.is_some() {
            for k in 0..20 {
                let key = if k % 2 == 0 {
                    Key::Char('J')
                } else {
                    Key::Char('K')
                };
                let t0 = Instant::now();
                app.handle_key(key);
                terminal.draw(|f| render::draw(f, &app)).expect("draw");
                moves.push(t0.elapsed());
            }
        }
        let (_, median, p95) = stats(cursor);
        let moved = if moves.is_empty() {
            String::new()
        } else {
            let (_, m, p) = stats(moves);
            format!("; J/K move: median {}, p95 {}", ms(m), ms(p))
        };
        println!(
            "{} view, {sessions} sessions: j/k cursor median {}, p95 {}{moved}  (target < 16 ms)",
            view.title(),
            ms(median),
            ms(p95)
        );
    }
    app.update(Action::ShowView(View::Grid));
    app.handle_key(Key::Char('J'));

    // Saving the 10,000-session program after one edit: the whole save (patch, check, atomic
    // write with fsync, the document updated) to a file in a temporary folder, alternating
    // with the floor (parsing the same text with toml), ten times each.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("large.toml");
    std::fs::write(&file, &text).expect("write the program");
    let (mut doc, mut disk) = save::open(&file).expect("the program opens");
    let mut history = agora::edit::History::new();
    let (mut saves, mut floor, mut fast) = (Vec::new(), Vec::new(), 0);
    for k in 0..10 {
        let t0 = Instant::now();
        let parsed: toml::Table = text.parse().expect("toml parses");
        floor.push(t0.elapsed());
        drop(parsed);
        let index = (k * 997) % doc.program.sessions.len();
        let edit = agora::edit::move_by(&doc, index, 15)
            .or_else(|_| agora::edit::move_by(&doc, index, -15))
            .expect("a move");
        history.perform(&mut doc, edit);
        fast += usize::from(save::takes_fast_path(&doc));
        let t0 = Instant::now();
        let saved = save::save(&mut doc, &mut disk, false).expect("saves");
        saves.push(t0.elapsed());
        assert_eq!(saved.written.len(), 1);
    }
    let (_, floor_median, _) = stats(floor);
    let (min, median, p95) = stats(saves);
    println!(
        "saving the {sessions}-session file after one move (patch, check, atomic write, fsync; {fast}/10 on the fast path): min {}, median {}, p95 {}; floor (toml parse of the file) median {}  (target < 100 ms)",
        ms(min),
        ms(median),
        ms(p95),
        ms(floor_median)
    );
    let mut whole = Vec::new();
    for k in 0..3 {
        let index = (k * 991 + 5) % doc.program.sessions.len();
        let edit = agora::edit::move_by(&doc, index, 15)
            .or_else(|_| agora::edit::move_by(&doc, index, -15))
            .expect("a move");
        history.perform(&mut doc, edit);
        let t0 = Instant::now();
        save::save_whole_files(&mut doc, &mut disk, false).expect("saves");
        whole.push(t0.elapsed());
    }
    println!(
        "  the same save without the fast path (whole file patched and loaded back): median {}",
        ms(stats(whole).1)
    );

    // Every other kind of edit, saved the same way (ten times each, alternating with the floor).
    type MakeEdit = fn(&Document, usize) -> Option<agora::edit::Edit>;
    let kinds: [(&str, MakeEdit); 8] = [
        ("copying a session", |doc, k| {
            agora::edit::duplicate_session(doc, (k * 983) % doc.program.sessions.len()).ok()
        }),
        ("adding a session", |doc, k| {
            agora::edit::new_session(doc, None, None, Some(k * 13)).ok()
        }),
        ("deleting a session", |doc, k| {
            let index = (k * 977 + 3) % doc.program.sessions.len();
            Some(agora::edit::Edit::RemoveSession {
                index,
                session: Box::new(doc.program.sessions[index].clone()),
                origin: doc.origins.sessions[index],
            })
        }),
        ("renaming a room's id (its sessions updated)", |doc, k| {
            let index = k % doc.program.rooms.len();
            let mut room = doc.program.rooms[index].clone();
            room.id = format!("{}-{k}", room.id);
            agora::edit::change_room(doc, index, room).ok().flatten()
        }),
        ("editing a speaker's affiliation", |doc, k| {
            let index = (k * 181) % doc.program.speakers.len();
            let mut speaker = doc.program.speakers[index].clone();
            speaker.affiliation = Some(format!("Affiliation {k}"));
            agora::edit::change_speaker(doc, index, speaker)
                .ok()
                .flatten()
        }),
        ("adding a speaker", |doc, k| {
            agora::edit::new_speaker(doc, &format!("Ada Lovelace {k}")).ok()
        }),
        ("deleting a speaker (taken off their sessions)", |doc, k| {
            let index = (k * 173 + 11) % doc.program.speakers.len();
            agora::edit::delete(doc, agora::edit::Referenced::Speaker, index, true).ok()
        }),
        ("adding a track", |doc, k| {
            agora::edit::new_track(doc, &format!("Track {k}")).ok()
        }),
    ];
    for (what, make) in kinds {
        let (mut saves, mut floor, mut fast) = (Vec::new(), Vec::new(), 0);
        for k in 0..10 {
            let t0 = Instant::now();
            let parsed: toml::Table = text.parse().expect("toml parses");
            floor.push(t0.elapsed());
            drop(parsed);
            let edit = make(&doc, k).expect("an edit");
            history.perform(&mut doc, edit);
            fast += usize::from(save::takes_fast_path(&doc));
            let t0 = Instant::now();
            save::save(&mut doc, &mut disk, false).expect("saves");
            saves.push(t0.elapsed());
        }
        let (_, floor_median, _) = stats(floor);
        let (min, median, p95) = stats(saves);
        println!(
            "saving after {what} ({fast}/10 on the fast path): min {}, median {}, p95 {}; floor median {}  (target < 100 ms)",
            ms(min),
            ms(median),
            ms(p95),
            ms(floor_median)
        );
    }
    // An undo of a deletion after its save: the table comes back as it was written.
    let (mut saves, mut fast) = (Vec::new(), 0);
    for k in 0..10 {
        let index = (k * 971 + 7) % doc.program.sessions.len();
        let edit = agora::edit::Edit::RemoveSession {
            index,
            session: Box::new(doc.program.sessions[index].clone()),
            origin: doc.origins.sessions[index],
        };
        history.perform(&mut doc, edit);
        save::save(&mut doc, &mut disk, false).expect("saves");
        history.undo(&mut doc);
        fast += usize::from(save::takes_fast_path(&doc));
        let t0 = Instant::now();
        save::save(&mut doc, &mut disk, false).expect("saves");
        saves.push(t0.elapsed());
    }
    let (min, median, p95) = stats(saves);
    println!(
        "saving after undoing a saved deletion ({fast}/10 on the fast path): min {}, median {}, p95 {}  (target < 100 ms)",
        ms(min),
        ms(median),
        ms(p95)
    );

    one_slot();
}

/// `f` on the selected session of the 10,000-session program: key press to the drawn list of
/// valid slots (target: under 16 ms), the search alone, and grab mode's marks of every valid
/// place (see docs/placement.md).
fn find_slots(app: &mut App, terminal: &mut Terminal<TestBackend>) {
    let sessions = app.doc.program.sessions.len();
    let selected = app.selected.expect("a session is selected");
    let (mut presses, mut alone, mut marks) = (Vec::new(), Vec::new(), Vec::new());
    let mut offered = 0;
    for _ in 0..40 {
        let t0 = Instant::now();
        app.handle_key(Key::Char('f'));
        terminal.draw(|f| render::draw(f, app)).expect("draw");
        presses.push(t0.elapsed());
        assert_eq!(app.mode, agora::tui::action::Mode::Picker, "f lists slots");
        offered = app.offers.len();
        app.handle_key(Key::Esc);
        let t0 = Instant::now();
        let _ = agora::place::find_slots(&app.doc.program, selected, 12);
        alone.push(t0.elapsed());
        let t0 = Instant::now();
        let targets = agora::place::valid_starts(&app.doc.program, selected);
        marks.push(t0.elapsed());
        assert!(!targets.is_empty());
    }
    let (min, median, p95) = stats(presses);
    println!(
        "f on a session of {sessions} sessions, to frame ({offered} slots): min {}, median {}, p95 {}  (target < 16 ms)",
        ms(min),
        ms(median),
        ms(p95)
    );
    println!(
        "  the search alone (place::find_slots): median {}; grab-mode marks (place::valid_starts): median {}",
        ms(stats(alone).1),
        ms(stats(marks).1)
    );
}

/// 2,000 sessions in one room at 10:00 with one speaker, during a plenary: each keypress re-runs
/// the rules over two million overlapping pairs and 2,000 plenary pairs (grouped, so counted
/// rather than listed).
fn one_slot() {
    let mut text = String::from(
        "[event]\nid = \"slot\"\nname = \"One slot\"\ntimezone = \"Europe/Paris\"\nstart = 2024-05-14\nend = 2024-05-14\n\n[[rooms]]\nid = \"r1\"\nname = \"Room\"\n\n[[speakers]]\nid = \"p1\"\nname = \"Person\"\n\n",
    );
    for i in 0..2000 {
        text.push_str(&format!(
            "[[sessions]]\nid = \"s{i:04}\"\ntitle = \"Talk {i}\"\nroom = \"r1\"\nspeakers = [\"p1\"]\nstart = 2024-05-14T10:00:00\nduration = 60\n\n"
        ));
    }
    text.push_str(
        "[[sessions]]\nid = \"opening\"\ntitle = \"Opening\"\nkind = \"break\"\nplenary = true\nstart = 2024-05-14T10:00:00\nduration = 60\n\n",
    );
    let path = Path::new("slot.toml");
    let program = load_str(path, &text).expect("the one-slot program loads");
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
    terminal.draw(|f| render::draw(f, &app)).expect("draw");
    app.update(Action::CursorDown);
    let mut presses = Vec::new();
    for k in 0..20 {
        let key = if k % 2 == 0 {
            Key::Char('J')
        } else {
            Key::Char('K')
        };
        let t0 = Instant::now();
        app.handle_key(key);
        terminal.draw(|f| render::draw(f, &app)).expect("draw");
        presses.push(t0.elapsed());
    }
    let (min, median, p95) = stats(presses);
    println!(
        "keypress J/K in 2,000 sessions in one slot during a plenary ({} diagnostics shown), to frame: min {}, median {}, p95 {}  (target < 100 ms)",
        app.derived.diagnostics.len(),
        ms(min),
        ms(median),
        ms(p95)
    );
}
