//! The signage display: `TestBackend` snapshots of a room and of the departures board at fixed
//! instants (before the event, mid session, in a break, between days, after the end, across a
//! DST change, with a cancelled and a moved session), a soak test that drives a simulated clock
//! through a whole 3-day event with reloads and checks the state stays bounded, and the
//! command line (`--at`, unknown rooms, the machine's zone not mattering).

#![allow(clippy::unwrap_used)]

use std::path::Path;

use agora::load::{load_path, load_str};
use agora::model::Program;
use agora::signage::{parse_at, Board};
use agora::tui::keymap::Key;
use agora::tui::signage::{render, Msg, Show, Signage};
use agora::tui::theme::Theme;
use assert_cmd::Command;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

fn seed() -> Program {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml"))
        .unwrap()
}

fn dst() -> Program {
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dst-weekend.toml")).unwrap()
}

/// Render one frame and return it as text, trailing spaces trimmed.
fn frame(state: &mut Signage, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let mut pages = 1;
    terminal.draw(|f| pages = render::render(f, state)).unwrap();
    state.set_pages(pages);
    let buf = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

fn at(program: &Program, text: &str) -> i64 {
    parse_at(text, program.event.timezone).unwrap()
}

fn room(program: &Program, id: &str, when: &str, width: u16, height: u16) -> String {
    let t = at(program, when);
    let mut s = Signage::new(
        program,
        Show::Rooms(vec![id.to_string()]),
        t,
        Theme { color: false },
    );
    frame(&mut s, width, height)
}

fn all(program: &Program, when: &str, width: u16, height: u16) -> String {
    let t = at(program, when);
    let mut s = Signage::new(program, Show::All, t, Theme { color: false });
    frame(&mut s, width, height)
}

#[test]
fn before_the_event() {
    let p = seed();
    let screen = room(&p, "amphi", "2017-12-04T12:00", 100, 32);
    assert!(
        screen.contains("L'événement commence le mardi 5 décembre à 08:30"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn mid_session() {
    let p = seed();
    let screen = room(&p, "amphi", "2017-12-05T11:20", 100, 32);
    assert!(screen.contains("encore 55 min"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn in_a_break() {
    let p = seed();
    let screen = room(&p, "salle-rhone", "2017-12-05T10:20", 80, 24);
    assert!(
        screen.contains("Pause café") && screen.contains("encore 25 min"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn between_days() {
    let p = seed();
    let screen = room(&p, "amphi", "2017-12-05T21:00", 100, 32);
    assert!(
        screen.contains("Plus rien aujourd'hui dans cette salle"),
        "{screen}"
    );
    assert!(screen.contains("Prochaine session ici"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn after_the_end() {
    let p = seed();
    let screen = room(&p, "amphi", "2017-12-07T09:00", 100, 32);
    assert!(screen.contains("L'événement est terminé"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn departures_board_mid_morning() {
    let p = seed();
    insta::assert_snapshot!(all(&p, "2017-12-05T11:00", 120, 30));
}

#[test]
fn across_the_dst_change() {
    // 02:20 in the repeated hour (CET, after the clocks went back): the hackathon started at
    // 01:30 CEST and lasts 120 minutes of real time, so 10 minutes are left, not 70.
    let p = dst();
    let screen = room(&p, "hall", "2017-10-29T02:20:00+01:00", 100, 32);
    assert!(
        screen.contains("01:30–02:30") && screen.contains("10 min"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // The first 02:20 (CEST) is an hour earlier: 70 minutes left.
    let screen = room(&p, "hall", "2017-10-29T02:20:00+02:00", 100, 32);
    assert!(screen.contains("1 h 10"), "{screen}");
}

const CHANGES: &str = r#"
[event]
id = "changes"
name = "Changes"
timezone = "America/New_York"
start = 2024-05-02
end = 2024-05-02
language = "en"

[[rooms]]
id = "saone"
name = "Salle Saône"

[[rooms]]
id = "rhone"
name = "Salle Rhône"

[[speakers]]
id = "ada"
name = "Ada <b>Lovelace</b>"

[[sessions]]
id = "keynote"
title = "Keynote"
room = "saone"
start = 2024-05-02T09:00:00
duration = 60
speakers = ["ada"]

[[sessions]]
id = "gone"
title = "Cancelled talk"
room = "saone"
start = 2024-05-02T10:00:00
duration = 45
status = "cancelled"

[[sessions]]
id = "moving"
title = "Talk that moves"
room = "saone"
start = 2024-05-02T11:00:00
duration = 45

[[sessions]]
id = "marathon"
title = "All-day hackathon"
room = "rhone"
start = 2024-05-02T08:00:00
duration = 900
"#;

fn changes(text: &str) -> Program {
    load_str(Path::new("changes.toml"), text).unwrap()
}

#[test]
fn with_a_cancelled_session() {
    let p = changes(CHANGES);
    let screen = room(&p, "saone", "2024-05-02T10:10", 100, 32);
    assert!(
        screen.contains("Cancelled") && screen.contains("Cancelled talk"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_move_while_running_reads_moved_to_in_the_old_room() {
    let p = changes(CHANGES);
    let t = at(&p, "2024-05-02T10:50");
    let mut s = Signage::new(
        &p,
        Show::Rooms(vec!["saone".into()]),
        t,
        Theme { color: false },
    );
    let before = frame(&mut s, 100, 32);
    assert!(
        before.contains("Talk that moves") && !before.contains("Moved to"),
        "{before}"
    );
    let moved = CHANGES.replace(
        "title = \"Talk that moves\"\nroom = \"saone\"",
        "title = \"Talk that moves\"\nroom = \"rhone\"",
    );
    s.update(Msg::Loaded(Box::new(changes(&moved))));
    let after = frame(&mut s, 100, 32);
    assert!(after.contains("Moved to Salle Rhône"), "{after}");
    insta::assert_snapshot!(after);
    // In the new room it says where it came from.
    s.update(Msg::Key(Key::Right));
    let mut other = Signage::new(
        &p,
        Show::Rooms(vec!["rhone".into()]),
        t,
        Theme { color: false },
    );
    other.update(Msg::Loaded(Box::new(changes(&moved))));
    let screen = frame(&mut other, 100, 32);
    assert!(screen.contains("Moved from Salle Saône"), "{screen}");
}

#[test]
fn a_session_longer_than_the_day_shows_its_real_time_left() {
    let p = changes(CHANGES);
    let screen = room(&p, "rhone", "2024-05-02T09:00", 100, 32);
    assert!(
        screen.contains("All-day hackathon") && screen.contains("14 h 00 left"),
        "{screen}"
    );
    // Names are text, not markup.
    let screen = room(&p, "saone", "2024-05-02T09:30", 100, 32);
    assert!(screen.contains("Ada <b>Lovelace</b>"), "{screen}");
}

#[test]
fn a_save_that_does_not_read_keeps_the_last_good_program_with_a_warning() {
    let p = seed();
    let t = at(&p, "2017-12-05T11:20");
    let mut s = Signage::new(
        &p,
        Show::Rooms(vec!["amphi".into()]),
        t,
        Theme { color: false },
    );
    let good = frame(&mut s, 100, 32);
    s.update(Msg::LoadFailed("event.toml:3:7: expected a value".into()));
    let warned = frame(&mut s, 100, 32);
    assert!(
        warned.contains("▲ event.toml:3:7: expected a value"),
        "{warned}"
    );
    // The program on screen is the same.
    let body = |s: &str| s.lines().take(31).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&good), body(&warned));
    s.update(Msg::Loaded(Box::new(seed())));
    assert!(!frame(&mut s, 100, 32).contains('▲'));
}

#[test]
fn keys_step_through_rooms_and_q_quits() {
    let p = seed();
    let t = at(&p, "2017-12-05T11:20");
    let ids = vec!["amphi".to_string(), "salle-rhone".to_string()];
    let mut s = Signage::new(&p, Show::Rooms(ids), t, Theme { color: false });
    assert!(frame(&mut s, 100, 32).contains("Amphithéâtre"));
    s.update(Msg::Key(Key::Right));
    assert!(frame(&mut s, 100, 32).contains("Salle Rhône"));
    s.update(Msg::Key(Key::Right));
    assert!(frame(&mut s, 100, 32).contains("Amphithéâtre"));
    s.update(Msg::Key(Key::Left));
    assert!(frame(&mut s, 100, 32).contains("Salle Rhône"));
    assert!(!s.quit);
    s.update(Msg::Key(Key::Char('q')));
    assert!(s.quit);
}

#[test]
fn the_board_pages_when_the_rooms_do_not_fit_and_turns_by_itself() {
    let p = seed();
    let t = at(&p, "2017-12-05T11:00");
    let mut s = Signage::new(&p, Show::All, t, Theme { color: false });
    // 5 rows: the header, the column titles, two rooms and the footer.
    let first = frame(&mut s, 100, 5);
    assert!(s.pages > 1, "{first}");
    assert!(first.contains("page 1/"), "{first}");
    // Ten ticks (seconds) later the page turns, even with the clock held by `--at`.
    for _ in 0..9 {
        s.update(Msg::Tick(t));
    }
    assert!(frame(&mut s, 100, 5).contains("page 1/"));
    s.update(Msg::Tick(t));
    let second = frame(&mut s, 100, 5);
    assert!(second.contains("page 2/"), "{second}");
    assert_ne!(first, second);
}

/// A 3-day event driven by a simulated clock, a tick every 10 seconds from the day before to
/// the day after, with a reload every simulated hour (good and bad in turn) and key presses:
/// the state must not grow, and a moment shown again later looks the same.
#[test]
fn soak_three_days_on_a_simulated_clock() {
    let text = agora::generate::generate(&agora::generate::Options {
        sessions: 120,
        rooms: 6,
        speakers: 60,
        days: 3,
        conflict_rate: 0.0,
        seed: 7,
    });
    let program = load_str(Path::new("soak.toml"), &text).unwrap();
    let board = Board::new(&program, None);
    let (first, last) = board.span().unwrap();
    assert!(last - first > 2 * 86400, "a 3-day event");
    for show in [Show::All, Show::Rooms(vec![program.rooms[0].id.clone()])] {
        let start = first - 86400;
        let mut s = Signage::new(&program, show, start, Theme { color: false });
        let reference = frame(&mut s, 100, 30);
        let footprint = s.footprint();
        let mut phases = std::collections::BTreeSet::new();
        let mut t = start;
        let mut n = 0u64;
        while t < last + 86400 {
            s.update(Msg::Tick(t));
            if n % 360 == 0 {
                // Every simulated hour: a reload, good or bad.
                if (n / 360) % 2 == 0 {
                    s.update(Msg::Loaded(Box::new(
                        load_str(Path::new("soak.toml"), &text).unwrap(),
                    )));
                } else {
                    s.update(Msg::LoadFailed("soak.toml:1:1: a broken save".into()));
                }
                s.update(Msg::Key(Key::Right));
            }
            if n % 60 == 0 {
                // Every 10 simulated minutes: a frame.
                let screen = frame(&mut s, 100, 30);
                assert!(screen.lines().count() == 30);
                phases.insert(
                    format!("{:?}", board.at(0, t, 3).phase)
                        .chars()
                        .take(6)
                        .collect::<String>(),
                );
            }
            let size = s.footprint();
            assert!(
                size <= footprint + 64,
                "the state grew from {footprint} to {size} at {t}"
            );
            t += 10;
            n += 1;
        }
        // The whole event went by: before, on, free, done for the day, ended.
        for p in ["Before", "On", "Free", "DoneTo", "Ended"] {
            assert!(phases.contains(p), "{p} never shown: {phases:?}");
        }
        // Back at the start, after three days of ticks and reloads, the screen is the same.
        s.update(Msg::Loaded(Box::new(
            load_str(Path::new("soak.toml"), &text).unwrap(),
        )));
        s.current = 0;
        s.update(Msg::Tick(start));
        let again = frame(&mut s, 100, 30);
        assert_eq!(reference, again);
        assert_eq!(s.footprint(), footprint);
    }
}

fn agora() -> Command {
    Command::cargo_bin("agora").unwrap()
}

#[test]
fn the_machine_zone_does_not_change_what_is_shown() {
    let event = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dst-weekend.toml");
    let run = |tz: &str| {
        let out = agora()
            .env("TZ", tz)
            .args(["signage", "--all", "--at", "2017-10-29T02:20:00+01:00"])
            .arg(&event)
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let utc = run("UTC");
    assert!(utc.contains("02:20"), "{utc}");
    assert_eq!(utc, run("Pacific/Kiritimati"));
    assert_eq!(utc, run("America/Los_Angeles"));
}

#[test]
fn the_command_line_reports_bad_rooms_and_times() {
    let event = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let out = agora()
        .args(["signage", "--room", "amfi"])
        .arg(&event)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`amfi` is not a room") && err.contains("did you mean `amphi`?"),
        "{err}"
    );

    let out = agora()
        .args(["signage", "--at", "5 December"])
        .arg(&event)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2017-12-05T14:30"));

    // A local time the clocks skip.
    let dst = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/examples/dst-spring.toml");
    let out = agora()
        .args(["signage", "--at", "2024-03-31T02:30"])
        .arg(&dst)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("does not exist in Europe/Paris"), "{err}");
    let out = agora()
        .args([
            "signage",
            "--room",
            "amphi",
            "--at",
            "2017-12-05T11:20",
            "--width",
            "100",
        ])
        .arg(&event)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("encore 55 min"));
}

/// End to end in tmux: the display runs on a copy of the seed event; the file is changed under
/// it (written in place, then replaced as editors save), broken, and mended; then `q`.
#[test]
fn the_display_follows_file_changes_in_tmux() {
    use crate::tmux::Tmux;
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the signage end-to-end test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let event = dir.path().join("forum.toml");
    std::fs::copy(src, &event).unwrap();
    let original = std::fs::read_to_string(&event).unwrap();
    let path = event.display().to_string();
    let t = Tmux::start_args(
        "signage",
        dir.path(),
        &[
            "signage",
            &path,
            "--room",
            "amphi",
            "--at",
            "2017-12-05T11:20",
        ],
        100,
        32,
    );
    t.wait_for("Zones blanches et très haut débit");
    t.wait_for("encore 55 min");

    // Written in place.
    let renamed = original.replace(
        "title = \"Zones blanches et très haut débit",
        "title = \"Très haut débit partout",
    );
    std::fs::write(&event, &renamed).unwrap();
    t.wait_for("Très haut débit partout");

    // A save that does not read: the last good program stays, with a warning.
    std::fs::write(&event, renamed.replace("[event]", "[event")).unwrap();
    let screen = t.wait_for("▲");
    assert!(screen.contains("Très haut débit partout"), "{screen}");
    assert!(screen.contains("forum.toml:"), "{screen}");

    // Replaced by a rename, as editors save: read again, warning gone.
    let moved = renamed.replace("start = 2017-12-05T10:45:00", "start = 2017-12-05T11:00:00");
    let tmp = dir.path().join(".forum.toml.tmp");
    std::fs::write(&tmp, &moved).unwrap();
    std::fs::rename(&tmp, &event).unwrap();
    let screen = t.wait_without("▲");
    assert!(screen.contains("11:00–12:30"), "{screen}");

    t.send(&["q"]);
    t.wait_exit();
    let screen = t.screen();
    assert!(
        !screen.contains("En ce moment"),
        "the terminal was not restored:\n{screen}"
    );
}

#[test]
fn a_signal_restores_the_terminal_in_tmux() {
    use crate::tmux::Tmux;
    if !Tmux::available() {
        eprintln!("note: tmux is not installed: skipping the signage end-to-end test");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let event = Path::new(env!("CARGO_MANIFEST_DIR")).join("events/forum-interconnectes-2017.toml");
    let path = event.display().to_string();
    let t = Tmux::start_args(
        "signage-term",
        dir.path(),
        &["signage", &path, "--all", "--at", "2017-12-05T11:00"],
        100,
        30,
    );
    t.wait_for("Amphithéâtre");
    // SIGTERM to the display (the pane's process or its child): the terminal is restored and
    // the display says why it stopped.
    let pane = t.pane_pid();
    let children =
        std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children")).unwrap_or_default();
    let target = children
        .split_whitespace()
        .next()
        .map_or(pane, |c| c.parse().unwrap());
    let status = std::process::Command::new("kill")
        .args(["-TERM", &target.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    t.wait_exit();
    let screen = t.screen();
    assert!(!screen.contains("Amphithéâtre"), "{screen}");
    let history = t.history();
    assert!(
        history.contains("agora signage stopped (SIGTERM)"),
        "{history}"
    );
}

/// Any terminal size, tiny ones included, draws without a panic; hostile names and titles
/// reach the screen without control or bidi-override characters.
#[test]
fn every_size_draws_and_hostile_text_stays_inert() {
    let hostile =
        load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/hostile.toml")).unwrap();
    for program in [seed(), hostile] {
        let ids: Vec<String> = program.rooms.iter().map(|r| r.id.clone()).collect();
        let (a, b) = Board::new(&program, None).span().unwrap();
        for show in [Show::All, Show::Rooms(ids.clone())] {
            for t in [a - 3600, a + 600, (a + b) / 2, b + 3600] {
                for (w, h) in [(1, 1), (10, 3), (30, 8), (44, 18), (80, 24), (200, 60)] {
                    let mut s = Signage::new(&program, show.clone(), t, Theme { color: true });
                    let screen = frame(&mut s, w, h);
                    for c in screen.chars() {
                        let control = c.is_control() && c != '\n';
                        let bidi = matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
                        assert!(!control && !bidi, "{c:?} drawn at {w}×{h}");
                    }
                }
            }
        }
    }
}
