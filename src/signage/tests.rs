use super::*;
use crate::load::load_str;
use crate::time::local_lenient;

const EVENT: &str = r#"
[event]
id = "demo"
name = "Demo"
timezone = "Europe/Paris"
start = 2024-05-02
end = 2024-05-03

[[rooms]]
id = "a"
name = "Salle Saône"

[[rooms]]
id = "b"
name = "Salle Rhône"

[[speakers]]
id = "ada"
name = "Ada"

[[sessions]]
id = "one"
title = "One"
room = "a"
start = 2024-05-02T09:00:00
duration = 60
speakers = ["ada"]

[[sessions]]
id = "coffee"
title = "Coffee"
kind = "break"
start = 2024-05-02T10:00:00
duration = 30

[[sessions]]
id = "two"
title = "Two"
room = "a"
start = 2024-05-02T10:30:00
duration = 60

[[sessions]]
id = "gone"
title = "Gone"
room = "a"
start = 2024-05-02T14:00:00
duration = 60
status = "cancelled"

[[sessions]]
id = "late"
title = "Late night"
room = "b"
start = 2024-05-02T23:30:00
duration = 90

[[sessions]]
id = "day2"
title = "Day two"
room = "b"
start = 2024-05-03T09:00:00
duration = 60
"#;

fn board() -> Board {
    let program = load_str(std::path::Path::new("demo.toml"), EVENT).expect("loads");
    Board::new(&program, None)
}

fn at(text: &str) -> Instant {
    let naive = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M").expect("time");
    local_lenient(chrono_tz::Europe::Paris, naive)
}

fn ids(board: &Board, list: &[usize]) -> Vec<String> {
    list.iter().map(|&i| board.items[i].id.clone()).collect()
}

#[test]
fn mid_session_break_and_next() {
    let b = board();
    let s = b.at(0, at("2024-05-02T09:15"), 3);
    assert_eq!(s.now.map(|i| b.items[i].id.as_str()), Some("one"));
    assert_eq!(ids(&b, &s.next), ["coffee", "two", "gone"]);
    assert_eq!(s.phase, Phase::On);
    // In the event-wide break: the break is on, the room's own slot is empty.
    let s = b.at(0, at("2024-05-02T10:10"), 3);
    assert_eq!(
        (s.now, s.wide.map(|i| b.items[i].id.as_str())),
        (None, Some("coffee"))
    );
    assert_eq!(s.phase, Phase::On);
    // The second session.
    let s = b.at(0, at("2024-05-02T10:40"), 3);
    assert_eq!((s.now.is_some(), s.phase), (true, Phase::On));
    // Only a cancelled session left: nothing more today, the cancelled one still listed.
    let s = b.at(0, at("2024-05-02T12:00"), 3);
    assert_eq!((s.now, s.phase), (None, Phase::DoneToday { later: None }));
    assert_eq!(ids(&b, &s.next), ["gone"]);
    assert_eq!(b.mark(0, s.next[0]), Mark::Cancelled);
}

#[test]
fn a_cancelled_session_is_shown_marked_while_its_slot_lasts() {
    let b = board();
    let s = b.at(0, at("2024-05-02T14:30"), 3);
    assert_eq!(s.now.map(|i| b.items[i].id.as_str()), Some("gone"));
    assert_eq!(b.mark(0, s.now.unwrap_or(0)), Mark::Cancelled);
    // After it: nothing more today, and the room has no session on a later day.
    let s = b.at(0, at("2024-05-02T16:00"), 3);
    assert_eq!(s.phase, Phase::DoneToday { later: None });
}

#[test]
fn a_session_across_midnight_is_on_after_midnight_and_today_runs_through_the_night() {
    let b = board();
    // 23:00: room b's late session is next today, though it ends tomorrow.
    let s = b.at(1, at("2024-05-02T23:00"), 3);
    assert_eq!(ids(&b, &s.next), ["late"]);
    let s = b.at(1, at("2024-05-03T00:30"), 3);
    assert_eq!(s.now.map(|i| b.items[i].id.as_str()), Some("late"));
    // 01:30: the night is over; day two starts on this date, so it is next.
    let s = b.at(1, at("2024-05-03T01:30"), 3);
    assert_eq!(
        (ids(&b, &s.next), s.phase),
        (vec!["day2".to_string()], Phase::Free)
    );
    // Room a at 01:30: its day (the 2nd) is over, and it has nothing on the 3rd.
    assert_eq!(
        b.at(0, at("2024-05-03T01:30"), 3).phase,
        Phase::NoneToday { later: None }
    );
    // Room a at 20:00 on the 2nd: done for today (room b's night session is another run).
    assert_eq!(
        b.at(0, at("2024-05-02T20:00"), 3).phase,
        Phase::DoneToday { later: None }
    );
    // 07:00, same date as day two's first session: it is next.
    let s = b.at(1, at("2024-05-03T07:00"), 3);
    assert_eq!(
        (ids(&b, &s.next), s.phase),
        (vec!["day2".to_string()], Phase::Free)
    );
}

#[test]
fn a_room_with_no_session_today_says_so() {
    let b = board();
    // Room a has nothing on day two (the programme day that starts at 09:00).
    let s = b.at(0, at("2024-05-03T09:30"), 3);
    assert_eq!(s.phase, Phase::NoneToday { later: None });
    assert!(s.next.is_empty() && s.now.is_none() && s.wide.is_none());
}

#[test]
fn before_and_after_the_event() {
    let b = board();
    let s = b.at(1, at("2024-05-01T12:00"), 3);
    let late = b.items.iter().position(|i| i.id == "late");
    assert_eq!(
        s.phase,
        Phase::Before {
            first_here: late,
            starts: at("2024-05-02T09:00")
        }
    );
    assert_eq!(b.at(1, at("2024-05-03T12:00"), 3).phase, Phase::Ended);
    // The morning of the first day: the first sessions are next.
    let s = b.at(0, at("2024-05-02T08:00"), 3);
    assert_eq!(
        (ids(&b, &s.next)[0].as_str(), s.phase),
        ("one", Phase::Free)
    );
}

#[test]
fn a_move_since_the_baseline_shows_in_both_rooms() {
    let program = load_str(std::path::Path::new("demo.toml"), EVENT).expect("loads");
    let baseline = Baseline::of(&program);
    let moved = EVENT.replace(
        "title = \"Two\"\nroom = \"a\"",
        "title = \"Two\"\nroom = \"b\"",
    );
    let program = load_str(std::path::Path::new("demo.toml"), &moved).expect("loads");
    let b = Board::new(&program, Some(&baseline));
    let two = b.items.iter().position(|i| i.id == "two").unwrap_or(0);
    let t = at("2024-05-02T10:45");
    assert_eq!(b.at(0, t, 3).now, Some(two));
    assert_eq!(b.mark(0, two), Mark::MovedTo(1));
    assert_eq!(b.at(1, t, 3).now, Some(two));
    assert_eq!(b.mark(1, two), Mark::MovedFrom(0));
}

#[test]
fn the_timeline_agrees_with_at_everywhere() {
    let b = board();
    for room in 0..b.rooms.len() {
        let timeline = b.timeline(room, 3);
        assert!(timeline.len() > 3);
        let mut t = at("2024-05-01T20:00");
        while t < at("2024-05-04T02:00") {
            let seg = timeline
                .iter()
                .find(|(from, to, _)| from.is_none_or(|f| f <= t) && to.is_none_or(|e| t < e))
                .expect("covered");
            assert_eq!(seg.2, b.at(room, t, 3), "room {room} at {t}");
            t += 300;
        }
    }
}

#[test]
fn words_for_spans() {
    use crate::export::locale::Locale;
    let en = Locale::for_tag("en");
    assert_eq!(span_words(&en, 12 * 60), "12 min");
    assert_eq!(span_words(&en, 11 * 60 + 1), "12 min");
    assert_eq!(span_words(&en, 65 * 60), "1 h 05");
    assert_eq!(span_words(&en, 2 * 86400 + 3 * 3600), "2 d 3 h");
    // Every language writes its own units, with its plural forms.
    let cases = [
        ("fr", 65, "1 h 05"),
        ("fr", 2 * 1440 + 180, "2 j 3 h"),
        ("de", 12, "12 Min."),
        ("de", 65, "1 Std. 5 Min."),
        ("ja", 65, "1時間5分"),
        ("zh-Hans", 12, "12分钟"),
        ("pl", 1440 + 60, "1 dzień 1 godz."),
        ("pl", 5 * 1440, "5 dni"),
        ("en", 2 * 1440, "2 d"),
        ("ar", 2, "دقيقتان"),
        ("ar", 5, "5 دقائق"),
        ("ar", 12, "12 دقيقة"),
    ];
    for (tag, minutes, want) in cases {
        assert_eq!(Locale::for_tag(tag).span(minutes), want, "{tag} {minutes}");
    }
    assert_eq!(progress(0, 100, 25), 0.25);
    assert_eq!(progress(0, 100, 500), 1.0);
}
