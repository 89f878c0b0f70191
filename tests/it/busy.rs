//! Busy times from speakers' and rooms' own calendars (`busy = ["x.ics"]`), in the shapes
//! Google Calendar, Outlook, Apple Calendar and Thunderbird export: every busy window of each
//! fixture is asserted, then what the rules report, then broken calendars.

use std::path::Path;

use agora::codes::RuleCode;
use agora::load::load_path;
use agora::model::{Calendar, Program};
use agora::rules::check;

const EVENT: &str = "tests/data/busy/event.toml";

/// The busy windows of some calendars as "Tue 5 14:00–17:00 Summary", in Paris time.
fn windows(program: &Program, calendars: &[Calendar]) -> Vec<String> {
    let tz = program.event.timezone;
    calendars
        .iter()
        .flat_map(|c| c.busy.iter())
        .map(|b| {
            let (from, to) = (
                agora::time::to_local(tz, b.from),
                agora::time::to_local(tz, b.to),
            );
            format!(
                "{}–{} {}",
                from.format("%a %d %H:%M"),
                to.format("%a %d %H:%M"),
                b.summary.as_deref().unwrap_or("(busy)")
            )
        })
        .collect()
}

fn speaker<'p>(program: &'p Program, id: &str) -> &'p [Calendar] {
    &program.speakers.iter().find(|s| s.id == id).unwrap().busy
}

fn no_problems(calendars: &[Calendar]) {
    for c in calendars {
        assert!(c.problems.is_empty(), "{}: {:?}", c.path.value, c.problems);
    }
}

#[test]
fn google_weekly_meetings_with_a_moved_instance() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let karine = speaker(&program, "karine-dognin-sauze");
    no_problems(karine);
    // The weekly council on Tuesdays; the Wednesday meeting's 6 December instance moved to
    // 11:30 (RECURRENCE-ID), its summary folded after a space; the transparent all-day event
    // and the cancelled one take no time.
    assert_eq!(
        windows(&program, karine),
        [
            "Tue 05 14:00–Tue 05 17:00 Conseil métropolitain",
            "Wed 06 11:30–Wed 06 12:00 Point équipe cabinet numérique (décalé) — ordre du jour dans le document de suivi",
        ]
    );
}

#[test]
fn outlook_own_time_zone_exdate_free_and_private() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let amphi = &program.rooms.iter().find(|r| r.id == "amphi").unwrap().busy;
    no_problems(amphi);
    // Tuesdays and Wednesdays at 08:30 "Romance Standard Time", 5 December excluded; the
    // summary was folded inside a UTF-8 character; the free event takes no time; the private
    // one is busy without its title.
    assert_eq!(
        windows(&program, amphi),
        [
            "Wed 06 08:30–Wed 06 10:00 Maintenance sono et équipement de la captation vidéo et éclairage de l'amphithéâtre",
            "Wed 06 15:00–Wed 06 16:30 (busy)",
        ]
    );
}

#[test]
fn apple_all_day_count_and_rdate() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let sophie = speaker(&program, "sophie-lambert");
    no_problems(sophie);
    assert_eq!(
        windows(&program, sophie),
        [
            "Mon 04 07:30–Mon 04 08:15 Kiné",
            "Tue 05 07:30–Tue 05 08:15 Kiné",
            "Tue 05 18:00–Tue 05 18:45 Kiné",
            "Wed 06 00:00–Thu 07 00:00 Congés",
        ]
    );
}

#[test]
fn thunderbird_floating_times_and_mozilla_zones() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let yannick = speaker(&program, "yannick-le-goff");
    no_problems(yannick);
    // Floating 16:00 is 16:00 in the event's zone; the weekly Wednesday rule (29 November
    // excluded) lands on 6 December; the VTODO is not busy time.
    assert_eq!(
        windows(&program, yannick),
        [
            "Tue 05 16:00–Tue 05 18:00 Atelier design de services",
            "Wed 06 08:30–Wed 06 09:30 Permanence",
        ]
    );
}

#[test]
fn free_busy_periods() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let francoise = speaker(&program, "francoise-sigot");
    no_problems(francoise);
    // UTC periods, one as start/duration; the FREE period is not busy, the tentative one is.
    assert_eq!(
        windows(&program, francoise),
        [
            "Tue 05 08:30–Tue 05 10:00 (busy)",
            "Wed 06 11:00–Wed 06 12:30 (busy)",
            "Wed 06 16:00–Wed 06 17:00 (busy)",
        ]
    );
}

#[test]
fn the_rules_report_sessions_during_busy_times() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let found: Vec<(String, Vec<String>, Option<String>, String)> = check(&program)
        .into_iter()
        .map(|d| {
            (
                d.code.as_str().to_string(),
                d.sessions,
                d.person.or(d.room),
                d.message,
            )
        })
        .collect();
    let keys: Vec<(&str, &str, &str)> = found
        .iter()
        .map(|(c, s, who, _)| (c.as_str(), s[0].as_str(), who.as_deref().unwrap()))
        .collect();
    // `accueil` sits in the amphitheatre on 5 December at 08:30, the excluded instance.
    assert_eq!(
        keys,
        [
            ("speaker-unavailable", "ouverture", "francoise-sigot"),
            (
                "speaker-unavailable",
                "digitalisation-bouscule-territoires",
                "karine-dognin-sauze"
            ),
            (
                "speaker-unavailable",
                "design-services-publics",
                "yannick-le-goff"
            ),
            (
                "speaker-unavailable",
                "rgpd-collectivites",
                "sophie-lambert"
            ),
            ("room-closed", "rgpd-collectivites", "amphi"),
        ]
    );
    let karine = &found[1].3;
    assert!(
        karine.starts_with(
            "Karine Dognin-Sauze is busy: 'Conseil métropolitain' 14:00–17:00 (calendars/karine.ics)"
        ),
        "{karine}"
    );
    assert!(found[3].3.contains("'Congés' all day"), "{}", found[3].3);
    assert!(found[0]
        .3
        .starts_with("Françoise Sigot is busy 08:30–10:00 (calendars/francoise.ics)"));
}

/// A directory event with `calendars` beside it, the speaker's `busy` set to `ics` files.
fn event_with(calendars: &[(&str, &[u8])], busy: &[&str]) -> (tempfile::TempDir, Program) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("calendars")).unwrap();
    for (name, bytes) in calendars {
        std::fs::write(dir.path().join("calendars").join(name), bytes).unwrap();
    }
    let busy: Vec<String> = busy.iter().map(|b| format!("\"{b}\"")).collect();
    let toml = format!(
        "[event]\nid = \"e\"\nname = \"E\"\ntimezone = \"Europe/Paris\"\nstart = 2017-12-05\nend = 2017-12-05\n\n\
         [[rooms]]\nid = \"r\"\nname = \"R\"\n\n[[speakers]]\nid = \"k\"\nname = \"K\"\nbusy = [{}]\n\n\
         [[sessions]]\nid = \"s\"\ntitle = \"S\"\nroom = \"r\"\nstart = 2017-12-05T14:00:00\nduration = 60\nspeakers = [\"k\"]\n",
        busy.join(", ")
    );
    std::fs::write(dir.path().join("event.toml"), toml).unwrap();
    let program = load_path(dir.path()).unwrap();
    (dir, program)
}

fn calendar_problems(program: &Program) -> Vec<(String, usize, String)> {
    check(program)
        .into_iter()
        .filter(|d| d.code == RuleCode::InvalidCalendar)
        .map(|d| {
            let (path, line, _) = program.sources.locate(d.span);
            (
                path.file_name().unwrap().to_string_lossy().into_owned(),
                line,
                d.message,
            )
        })
        .collect()
}

#[test]
fn a_broken_calendar_is_a_diagnostic_with_file_and_line() {
    let ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:a\r\nSUMMARY:Bad\r\n\
               DTSTART:2017-12-05 14:00\r\nDTEND:20171205T150000\r\nEND:VEVENT\r\n\
               BEGIN:VEVENT\r\nUID:b\r\nSUMMARY:Good\r\nDTSTART:20171205T140000\r\nDURATION:PT2H\r\n\
               RRULE:FREQ=FORTNIGHTLY\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:c\r\n\
               DTSTART;TZID=Mars/Olympus:20171205T090000\r\nDURATION:PT1H\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let (_dir, program) = event_with(&[("k.ics", ics.as_bytes())], &["calendars/k.ics"]);
    let problems = calendar_problems(&program);
    let lines: Vec<(&str, usize)> = problems.iter().map(|(f, l, _)| (f.as_str(), *l)).collect();
    assert_eq!(
        lines,
        [("k.ics", 6), ("k.ics", 14), ("k.ics", 18)],
        "{problems:?}"
    );
    assert!(problems[0]
        .2
        .contains("DTSTART `2017-12-05 14:00` is not a date-time"));
    assert!(problems[1].2.contains("FORTNIGHTLY"), "{}", problems[1].2);
    assert!(problems[2].2.contains("unknown time zone `Mars/Olympus`"));
    // The rest of the calendar still counts: the good event (its first occurrence) is busy.
    let busy = check(&program)
        .into_iter()
        .filter(|d| d.code == RuleCode::SpeakerUnavailable)
        .count();
    assert_eq!(busy, 1);
}

#[test]
fn unreadable_and_non_calendar_files() {
    let (dir, program) = event_with(
        &[
            ("binary.ics", b"\x00\x01\x02BEGIN"),
            (
                "open.ics",
                b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:20171205T140000\n",
            ),
        ],
        &[
            "calendars/missing.ics",
            "calendars/binary.ics",
            "calendars/open.ics",
            "calendars",
        ],
    );
    let problems = calendar_problems(&program);
    let text: Vec<String> = problems
        .iter()
        .map(|(f, l, m)| format!("{f}:{l}: {m}"))
        .collect();
    assert_eq!(problems.len(), 5, "{text:#?}");
    // Files that cannot be read point at their `busy` entry in the event file.
    let at_entry = |needle: &str| {
        text.iter()
            .any(|t| t.starts_with("event.toml:15: ") && t.contains(needle))
    };
    assert!(
        at_entry("calendars/missing.ics`: No such file"),
        "{text:#?}"
    );
    assert!(
        at_entry("calendars` is a folder, not a regular file"),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with("binary.ics:1:")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with(
            "open.ics:2: in the calendar `calendars/open.ics`: `BEGIN:VEVENT` is never closed"
        )),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with("open.ics:1:")),
        "{text:#?}"
    );
    drop(dir);
}

#[test]
fn a_calendar_shared_by_two_people_is_read_once_and_reported_once() {
    let ics = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART:nope\nEND:VEVENT\nEND:VCALENDAR\n";
    let (_dir, program) = event_with(
        &[("k.ics", ics.as_bytes())],
        &["calendars/k.ics", "calendars/k.ics"],
    );
    assert_eq!(program.sources.referenced().len(), 1);
    assert_eq!(calendar_problems(&program).len(), 1);
}

#[test]
fn the_editor_saves_busy_entries_back_unchanged() {
    let program = load_path(Path::new(EVENT)).unwrap();
    let text = std::fs::read_to_string(EVENT).unwrap();
    let again = agora::load::load_str(Path::new(EVENT), &text).unwrap();
    assert_eq!(
        windows(&program, speaker(&program, "karine-dognin-sauze")),
        windows(&again, speaker(&again, "karine-dognin-sauze"))
    );
}

#[test]
fn placement_sees_the_same_busy_times() {
    use agora::rules::{Parts, Probe, Schedule};
    let program = load_path(Path::new(EVENT)).unwrap();
    let schedule = Schedule::new(&program);
    let probe = Probe::new(&schedule);
    let all = check(&program);
    for (i, session) in program.sessions.iter().enumerate() {
        let probed: Vec<String> = probe
            .diagnostics(&schedule, i, Parts::ALL)
            .into_iter()
            .map(|d| d.message)
            .collect();
        let checked: Vec<String> = all
            .iter()
            .filter(|d| d.sessions.contains(&session.id))
            .map(|d| d.message.clone())
            .collect();
        assert_eq!(probed, checked, "{}", session.id);
    }
    assert!(all.iter().any(|d| d.message.contains("is busy")));
}
