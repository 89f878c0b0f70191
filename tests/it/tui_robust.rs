//! Random keys on every example event never panic, every frame draws, and undoing everything
//! leaves nothing to save.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use agora::save;
use agora::tui::action::{Action, Mode};
use agora::tui::app::App;
use agora::tui::keymap::Key;
use agora::tui::render;
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn events() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![
        root.join("events/forum-interconnectes-2017.toml"),
        root.join("tests/data/split"),
    ];
    for dir in ["events/examples", "tests/fixtures/valid"] {
        if let Ok(entries) = std::fs::read_dir(root.join(dir)) {
            let mut found: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
                .collect();
            found.sort();
            out.extend(found);
        }
    }
    out
}

const KEYS: &[Key] = &[
    Key::Char('j'),
    Key::Char('k'),
    Key::Char('h'),
    Key::Char('l'),
    Key::Char('J'),
    Key::Char('K'),
    Key::Char('H'),
    Key::Char('L'),
    Key::Char('{'),
    Key::Char('}'),
    Key::Char('+'),
    Key::Char('-'),
    Key::Char('m'),
    Key::Char('e'),
    Key::Char('a'),
    Key::Char('y'),
    Key::Char('p'),
    Key::Char('d'),
    Key::Char('s'),
    Key::Char('u'),
    Key::Ctrl('r'),
    Key::Char('*'),
    Key::Char('/'),
    Key::Char('n'),
    Key::Char('N'),
    Key::Char(':'),
    Key::Char('?'),
    Key::Char('z'),
    Key::Char('Z'),
    Key::Char('<'),
    Key::Char('>'),
    Key::Char(']'),
    Key::Char('['),
    Key::Char('c'),
    Key::Char('b'),
    Key::Char('f'),
    Key::Char('F'),
    Key::Char('i'),
    Key::Char('1'),
    Key::Char('2'),
    Key::Char('3'),
    Key::Char('4'),
    Key::Char('5'),
    Key::Char('x'),
    Key::Char('9'),
    Key::Char('q'),
    Key::Tab,
    Key::BackTab,
    Key::Enter,
    Key::Esc,
    Key::Backspace,
    Key::PageDown,
    Key::PageUp,
    Key::Home,
    Key::End,
    Key::Down,
    Key::Up,
];

fn run(path: &Path, keys: &[usize], width: u16, height: u16) {
    let (doc, disk) = save::open(path).unwrap();
    let mut app = App::new(doc, disk, 1_512_480_000, false);
    app.update(Action::Resize { width, height });
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    for &k in keys {
        // Effects (save, quit, export) are not carried out here: the state must stay sound.
        let _ = app.handle_key(KEYS[k % KEYS.len()]);
        if app.mode == Mode::Prompt {
            app.update(Action::Cancel);
        }
        terminal.draw(|f| render::draw(f, &app)).unwrap();
    }
    if app.mode == Mode::Grab {
        app.update(Action::CancelGrab);
    }
    // Esc closes what is open (a search in the help needs two: the search, then the help).
    for _ in 0..3 {
        if app.mode == Mode::Normal {
            break;
        }
        app.update(Action::Cancel);
    }
    assert_eq!(app.mode, Mode::Normal, "Esc gets back to normal mode");
    while app.history.can_undo() {
        app.update(Action::Undo);
    }
    assert!(
        save::render(&app.doc).unwrap().is_empty(),
        "undoing everything leaves nothing to save ({})",
        path.display()
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_never_panic(keys in prop::collection::vec(any::<usize>(), 1..120), big in any::<bool>()) {
        let (w, h) = if big { (120, 40) } else { (80, 24) };
        for path in events() {
            run(&path, &keys, w, h);
        }
    }
}
