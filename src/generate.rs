//! Deterministic, realistic programs of any size, for benchmarks, scale tests and demos.
//!
//! A program has rooms (each with its own track, as devrooms at large conferences), speakers
//! (some available only part of the event), one plenary opening, event-wide breaks, and
//! sessions laid out room by room so that, with no planted conflict, it checks clean. A chosen
//! share of sessions then gets a planted conflict (room overlap, speaker overlap, capacity,
//! missing feature). The same options always give the same bytes.

use std::collections::BinaryHeap;
use std::fmt::Write as _;

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::DateTimeValue;

/// What to generate.
#[derive(Debug, Clone)]
pub struct Options {
    pub sessions: usize,
    pub rooms: usize,
    pub speakers: usize,
    pub days: usize,
    /// Share of sessions (0.0–1.0) given a planted conflict.
    pub conflict_rate: f64,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            sessions: 1000,
            rooms: 20,
            speakers: 600,
            days: 2,
            conflict_rate: 0.0,
            seed: 1,
        }
    }
}

/// Sessions of at least this many minutes, spread between 09:00 and 19:00, and when a room's
/// day holds too many for that, on until midnight at the latest.
const MIN_SLOT: usize = 5;
const DAY_MINUTES: usize = 600;
const LATEST_MINUTES: usize = 15 * 60;

/// Why options cannot give a program agora loads.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GenerateError {
    #[error("{flag} {value} is more than {max}")]
    TooMany {
        flag: &'static str,
        value: usize,
        max: usize,
    },
    #[error("--conflict-rate is a share between 0 and 1, e.g. 0.05")]
    ConflictRate,
    #[error(
        "{sessions} sessions do not fit in {rooms} room(s) over {days} day(s): at most {per_room_day} \
         {MIN_SLOT}-minute sessions per room and day, between 09:00 and midnight \
         (give more --rooms or --days)",
        per_room_day = LATEST_MINUTES / MIN_SLOT
    )]
    DoesNotFit {
        sessions: usize,
        rooms: usize,
        days: usize,
    },
}

impl Options {
    /// Whether these options give a program agora can load, with a message saying what to
    /// change when they do not (sessions must fit between 09:00 and 19:00 of each day).
    pub fn check(&self) -> Result<(), GenerateError> {
        let limits = [
            ("--sessions", self.sessions, 1_000_000),
            ("--rooms", self.rooms, 10_000),
            ("--speakers", self.speakers, 1_000_000),
            ("--days", self.days, 366),
        ];
        for (flag, value, max) in limits {
            if value > max {
                return Err(GenerateError::TooMany { flag, value, max });
            }
        }
        if !(0.0..=1.0).contains(&self.conflict_rate) {
            return Err(GenerateError::ConflictRate);
        }
        let per_room_day = LATEST_MINUTES / MIN_SLOT;
        let room_days = self.rooms.max(1) * self.days.max(1);
        if self.sessions > per_room_day * room_days {
            return Err(GenerateError::DoesNotFit {
                sessions: self.sessions,
                rooms: self.rooms.max(1),
                days: self.days.max(1),
            });
        }
        Ok(())
    }
}

/// SplitMix64: tiny, fast and good enough to pick titles and planted conflicts.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const TOPICS_FR: &[&str] = &[
    "la médiation numérique",
    "l'open data",
    "la ville durable",
    "les communs numériques",
    "l'inclusion",
    "la cybersécurité des collectivités",
    "les tiers-lieux",
    "la sobriété numérique",
    "l'intelligence artificielle publique",
    "la participation citoyenne",
    "les mobilités",
    "l'école et le numérique",
];
const TOPICS_EN: &[&str] = &[
    "open source",
    "accessibility",
    "data pipelines",
    "Rust in production",
    "community building",
    "privacy by design",
    "observability",
    "civic tech",
    "digital inclusion",
    "energy-aware computing",
    "federated networks",
    "documentation",
];
const FORMS_FR: &[&str] = &[
    "Atelier : {}",
    "Retour d'expérience sur {}",
    "Table ronde : {} en question",
    "Comprendre {}",
    "{} : où en sommes-nous ?",
];
const FORMS_EN: &[&str] = &[
    "Hands-on {}",
    "Lessons learned from {}",
    "The state of {}",
    "A gentle introduction to {}",
    "{}: what comes next",
];
const FIRST: &[&str] = &[
    "Camille", "Léa", "Hugo", "Inès", "Karim", "Zoé", "Mathis", "Aïcha", "Noah", "Chloé", "Yanis",
    "Emma", "Jonas", "Sofia", "Ravi", "Mei", "Olga", "Tomás", "Ngozi", "Pierre",
];
const LAST: &[&str] = &[
    "Martin", "Bernard", "Dubois", "Nguyen", "Moreau", "Lefèvre", "Garcia", "Haddad", "Schmidt",
    "Rossi", "Kowalski", "Okafor", "Tanaka", "Silva", "Durand", "Petit", "Roux", "Fontaine",
];

fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

struct Slot {
    room: usize,
    day: usize,
    /// Minutes since local midnight.
    start: u32,
    minutes: u32,
}

/// The program as TOML text. Options that fail [`Options::check`] are brought within its
/// limits first (fewer sessions), so the text always loads.
pub fn generate(opts: &Options) -> String {
    let clamped;
    let opts = if opts.check().is_ok() {
        opts
    } else {
        let rooms = opts.rooms.clamp(1, 10_000);
        let days = opts.days.clamp(1, 366);
        clamped = Options {
            sessions: opts
                .sessions
                .min(LATEST_MINUTES / MIN_SLOT * rooms * days)
                .min(1_000_000),
            rooms,
            speakers: opts.speakers.min(1_000_000),
            days,
            conflict_rate: opts.conflict_rate.clamp(0.0, 1.0),
            seed: opts.seed,
        };
        &clamped
    };
    let mut rng = Rng(opts.seed);
    let rooms = opts.rooms.max(1);
    let days = opts.days.max(1);
    let speakers = opts.speakers.max(1);
    let first_day = NaiveDate::from_ymd_opt(2025, 6, 2).unwrap_or_default();
    let day = |d: usize| {
        first_day
            .checked_add_days(Days::new(d as u64))
            .unwrap_or(first_day)
    };
    // Local date-time `minutes` after midnight of day `d`, as TOML writes it.
    let at = |d: usize, minutes: u32| {
        DateTimeValue::Local(day(d).and_time(
            NaiveTime::from_num_seconds_from_midnight_opt(minutes * 60, 0).unwrap_or_default(),
        ))
    };

    // Sessions per room and day, and the slot that gives them from 09:00 to 19:00.
    let per_room_day = opts.sessions.div_ceil(rooms * days).max(1);
    let slot = (DAY_MINUTES as u32 / per_room_day as u32).max(MIN_SLOT as u32);
    let gap = if slot >= 30 { 10 } else { 0 };
    let mut slots: Vec<Slot> = Vec::with_capacity(opts.sessions);
    'fill: for d in 0..days {
        for k in 0..per_room_day {
            for r in 0..rooms {
                if slots.len() == opts.sessions {
                    break 'fill;
                }
                slots.push(Slot {
                    room: r,
                    day: d,
                    start: 9 * 60 + k as u32 * slot,
                    minutes: slot - gap,
                });
            }
        }
    }

    let mut out = String::with_capacity(opts.sessions * 300 + rooms * 200);
    let _ = writeln!(
        out,
        "# Generated by `agora generate --sessions {} --rooms {} --speakers {} --days {} --conflict-rate {} --seed {}`.\n",
        opts.sessions, rooms, speakers, days, opts.conflict_rate, opts.seed
    );
    let _ = writeln!(
        out,
        "[event]\nid = \"generated-{}\"\nname = \"Generated conference {}\"\ntimezone = \"Europe/Paris\"\nstart = {}\nend = {}\nvenue = \"Lyon\"\nlanguage = \"fr\"\n",
        opts.seed,
        opts.seed,
        day(0),
        day(days - 1)
    );
    for r in 0..rooms {
        let topic = if r % 2 == 0 {
            TOPICS_FR[r % TOPICS_FR.len()]
        } else {
            TOPICS_EN[r % TOPICS_EN.len()]
        };
        let _ = writeln!(
            out,
            "[[tracks]]\nid = \"track-{r}\"\nname = {}\ncolor = \"#{:06x}\"\n",
            quote(&format!("{topic} ({r})")),
            rng.next() & 0xFF_FFFF
        );
    }
    for r in 0..rooms {
        let capacity = [40, 80, 120, 200, 400][r % 5];
        let features = if r % 3 == 0 {
            "[\"projector\", \"stream\"]"
        } else {
            "[\"projector\"]"
        };
        let _ = writeln!(
            out,
            "[[rooms]]\nid = \"room-{r}\"\nname = \"Salle {r}\"\ncapacity = {capacity}\nfeatures = {features}\nopen = [ {} ]\n",
            (0..days)
                .map(|d| format!("{{ from = {}, to = {} }}", at(d, 8 * 60), at(d, 20 * 60)))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    // One speaker in ten is not there on the last day (when the event has several).
    let partial = |p: usize| days > 1 && p % 10 == 9;
    for p in 0..speakers {
        let name = format!(
            "{} {}",
            FIRST[p % FIRST.len()],
            LAST[(p / FIRST.len() + p) % LAST.len()]
        );
        let _ = write!(
            out,
            "[[speakers]]\nid = \"speaker-{p}\"\nname = {}\n",
            quote(&name)
        );
        if partial(p) {
            let _ = writeln!(
                out,
                "available = [ {{ from = {}, to = {} }} ]",
                at(0, 0),
                at(days - 1, 0)
            );
        }
        out.push('\n');
    }

    // The opening plenary, before the sessions, and the event-wide lunch breaks.
    let _ = writeln!(
        out,
        "[[sessions]]\nid = \"opening\"\ntitle = \"Ouverture / Opening\"\nkind = \"keynote\"\nplenary = true\nroom = \"room-0\"\nstart = {}\nduration = 45\n",
        at(0, 8 * 60)
    );
    for d in 0..days {
        let _ = writeln!(
            out,
            "[[sessions]]\nid = \"lunch-{d}\"\ntitle = \"Déjeuner / Lunch\"\nkind = \"break\"\nstart = {}\nduration = 60\n",
            at(d, 12 * 60 + 30)
        );
    }

    // Speakers by the minute they are free again: each session takes the ones free longest,
    // with a 15-minute changeover, so nobody is double-booked unless a conflict is planted.
    let mut free: BinaryHeap<std::cmp::Reverse<(i64, usize)>> = (0..speakers)
        .map(|p| std::cmp::Reverse((i64::MIN, p)))
        .collect();
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| (slots[i].day, slots[i].start, slots[i].room));
    let mut people: Vec<Vec<usize>> = vec![Vec::new(); slots.len()];
    for &i in &order {
        let s = &slots[i];
        let at = (s.day * 1440) as i64 + s.start as i64;
        let want = 1 + rng.below(3);
        let mut skipped = Vec::new();
        while people[i].len() < want {
            let Some(std::cmp::Reverse((free_at, p))) = free.pop() else {
                break;
            };
            if free_at > at - 15 {
                free.push(std::cmp::Reverse((free_at, p)));
                break;
            }
            if partial(p) && s.day == days - 1 {
                skipped.push((free_at, p));
                continue;
            }
            people[i].push(p);
        }
        for &p in &people[i] {
            free.push(std::cmp::Reverse((at + s.minutes as i64, p)));
        }
        free.extend(skipped.into_iter().map(std::cmp::Reverse));
    }

    for (i, s) in slots.iter().enumerate() {
        let french = rng.chance(0.5);
        let title = if french {
            rng.pick(FORMS_FR).replace("{}", rng.pick(TOPICS_FR))
        } else {
            rng.pick(FORMS_EN).replace("{}", rng.pick(TOPICS_EN))
        };
        let mut start = s.start;
        let mut speakers_of = people[i].clone();
        let capacity = [40, 80, 120, 200, 400][s.room % 5];
        let mut expected = capacity / 2;
        let mut requires = "";
        if rng.chance(opts.conflict_rate) {
            match rng.below(4) {
                // Into the previous session of the same room.
                0 if start >= 9 * 60 + slot => start -= gap + 5.min(slot / 2),
                // A speaker of the session in the next room at the same time.
                1 if i + 1 < slots.len() => speakers_of.extend(people[i + 1].first().copied()),
                2 => expected = capacity + 10,
                _ => requires = "sono",
            }
        }
        let kind = ["talk", "talk", "talk", "workshop", "panel"][rng.below(5)];
        let _ = write!(
            out,
            "[[sessions]]\nid = \"s-{i}\"\ntitle = {}\nkind = \"{kind}\"\ntrack = \"track-{}\"\nroom = \"room-{}\"\nstart = {}\nduration = {}\nexpected = {expected}\nlanguage = \"{}\"\n",
            quote(&format!("{title} #{i}")),
            s.room,
            s.room,
            at(s.day, start),
            s.minutes,
            if french { "fr" } else { "en" },
        );
        if !speakers_of.is_empty() {
            let list: Vec<String> = speakers_of
                .iter()
                .map(|p| format!("\"speaker-{p}\""))
                .collect();
            let _ = writeln!(out, "speakers = [{}]", list.join(", "));
        }
        if !requires.is_empty() {
            let _ = writeln!(out, "requires = [\"{requires}\"]");
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::Level;
    use crate::load::load_str;
    use crate::rules::check;

    #[test]
    fn without_planted_conflicts_a_program_checks_clean() {
        for (sessions, rooms, speakers, days) in
            [(200, 8, 150, 2), (1000, 20, 300, 3), (50, 2, 10, 1)]
        {
            let opts = Options {
                sessions,
                rooms,
                speakers,
                days,
                ..Options::default()
            };
            let text = generate(&opts);
            let program = load_str(std::path::Path::new("g.toml"), &text).unwrap();
            assert_eq!(program.sessions.len(), sessions + 1 + days);
            let serious: Vec<_> = check(&program)
                .into_iter()
                .filter(|d| d.severity != Level::Info)
                .collect();
            assert!(
                serious.is_empty(),
                "{sessions}/{rooms}/{speakers}: {:#?}",
                &serious[..serious.len().min(3)]
            );
        }
    }

    #[test]
    fn planted_conflicts_are_found_and_output_is_deterministic() {
        let opts = Options {
            sessions: 500,
            conflict_rate: 0.2,
            seed: 7,
            ..Options::default()
        };
        let text = generate(&opts);
        assert_eq!(text, generate(&opts));
        let program = load_str(std::path::Path::new("g.toml"), &text).unwrap();
        let found = check(&program)
            .iter()
            .filter(|d| d.severity != Level::Info)
            .count();
        // About a fifth of the sessions got one; some plants give more than one diagnostic.
        assert!((50..=250).contains(&found), "{found}");
        assert_ne!(
            generate(&Options {
                seed: 8,
                ..opts.clone()
            }),
            text
        );
    }
}
