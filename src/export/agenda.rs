//! The program as every export sees it: the selected sessions in reading order, with times
//! resolved, references resolved and all text cleaned (see `clean`).
//!
//! Built once per export (or per part of a split) from the model and the rules' schedule.
//! A session is *placed* when it can be put in a calendar: valid times, a start, and a
//! defined room or event-wide kind. Cancelled sessions are placed too, marked cancelled, so
//! calendars drop them. Placed sessions come first, by start, room and id; the others follow
//! in the order they were written. This module formats nothing.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::export::clean;
use crate::export::selection::{Filter, Part, Split};
use std::borrow::Cow;
use std::sync::Arc;

use crate::model::{Kind, Program, Status};
use crate::rules::Schedule;
use crate::time::{to_local, Instant};

/// People of one session named in a personal schedule (`--split speakers`), at most.
pub(crate) const MAX_PEOPLE_IN_PART: usize = 50;

/// Keep at most [`MAX_PEOPLE_IN_PART`] of speakers then moderators, `own` among them.
fn cap_people(speakers: &mut Vec<usize>, moderators: &mut Vec<usize>, own: usize) {
    if speakers.len() + moderators.len() <= MAX_PEOPLE_IN_PART {
        return;
    }
    let keep_own = |list: &mut Vec<usize>, n: usize| {
        let had = list.contains(&own);
        list.truncate(n);
        if had && !list.contains(&own) {
            if let Some(last) = list.last_mut() {
                *last = own;
            }
        }
    };
    keep_own(speakers, MAX_PEOPLE_IN_PART);
    let left = MAX_PEOPLE_IN_PART - speakers.len();
    keep_own(moderators, left.max(usize::from(moderators.contains(&own))));
}

/// The event's own fields, cleaned.
#[derive(Debug, Clone)]
pub(crate) struct EventText {
    pub id: String,
    pub name: String,
    pub venue: Option<String>,
    /// A URL that may be a link.
    pub url: Option<String>,
    /// A URL that may not be a link, to show as text.
    pub url_text: Option<String>,
    pub description: Option<String>,
    pub language: String,
    /// `languages`: every language the event is held in (empty: `language` alone).
    pub languages: Vec<String>,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

#[derive(Debug, Clone)]
pub(crate) struct Place {
    pub id: String,
    pub name: String,
    pub location: Option<String>,
    pub capacity: Option<u64>,
    pub features: Vec<String>,
    pub accessible: bool,
}

#[derive(Debug, Clone)]
pub(crate) struct TrackText {
    pub id: String,
    pub name: String,
    /// `#rrggbb` as written (validated by the loader).
    pub color: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone)]
pub(crate) struct Person {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub bio: Option<String>,
    pub url: Option<String>,
    pub url_text: Option<String>,
}

impl Person {
    /// "role, affiliation", or whichever exists.
    pub fn roles(&self) -> Option<String> {
        match (&self.role, &self.affiliation) {
            (Some(r), Some(a)) if r.to_lowercase().contains(&a.to_lowercase()) => Some(r.clone()),
            (Some(r), Some(a)) => Some(format!("{r}, {a}")),
            (Some(r), None) => Some(r.clone()),
            (None, Some(a)) => Some(a.clone()),
            (None, None) => None,
        }
    }
}

/// One selected session.
#[derive(Debug, Clone)]
pub(crate) struct Entry<'p> {
    /// Index in `program.sessions`.
    pub index: usize,
    pub id: &'p str,
    /// The id, made unique among the entries (`id-2` for a second session with the same id,
    /// which the checker reports as an error): anchors, file names and UIDs use it.
    pub key: Cow<'p, str>,
    /// The texts, cleaned ([`clean`]); borrowed from the program when cleaning leaves them
    /// as they are, as it does most.
    pub title: Cow<'p, str>,
    pub kind: Kind,
    pub status: Status,
    /// `[start, end)` when placed.
    pub slot: Option<(Instant, Instant)>,
    pub room: Option<usize>,
    pub track: Option<usize>,
    pub speakers: Vec<usize>,
    pub moderators: Vec<usize>,
    pub description: Option<Cow<'p, str>>,
    pub url: Option<&'p str>,
    pub url_text: Option<Cow<'p, str>>,
    pub tags: Vec<Cow<'p, str>>,
    pub language: Option<Cow<'p, str>>,
    /// The languages the session is interpreted into.
    pub interpretation: &'p [String],
    pub plenary: bool,
    pub expected: Option<u64>,
}

/// What a split part is about.
#[derive(Debug, Clone)]
pub(crate) struct Subject {
    pub split: Split,
    pub id: String,
    pub name: String,
}

pub(crate) struct Agenda<'p> {
    pub program: &'p Program,
    /// The event's zone.
    pub tz: Tz,
    /// The zone times are shown in: the event's, or UTC under `--utc`.
    pub display: Tz,
    pub event: EventText,
    /// Index-aligned with the program's rooms, tracks and speakers (cleaned once, shared by
    /// every part of a split).
    pub rooms: Arc<Vec<Place>>,
    pub tracks: Arc<Vec<TrackText>>,
    pub people: Arc<Vec<Person>>,
    /// The people in the reading order of their names (see [`Agenda::people_rank`]), made
    /// once and shared by every part of a split.
    people_order: Arc<PeopleOrder>,
    pub entries: Vec<Entry<'p>>,
    /// The part of a split this agenda is, if any.
    pub subject: Option<Subject>,
    /// Whether a filter narrowed the program.
    pub filtered: bool,
    /// The public address of the agenda's folder (where the whole program's `index.html` is
    /// published), ending in `/`: `--base-url`, else the event's `url`; `None` without one.
    /// With it, agendas link absolutely, offer a `webcal://` subscription and QR codes, and
    /// every calendar entry's `URL` is its session on the agenda.
    pub base: Option<String>,
}

/// The base of a public agenda from an address: an `http`/`https` URL without a query,
/// its fragment dropped, ending in `/` (`…/index.html` stands for its folder). `None` for
/// anything else (`mailto:`, `javascript:`, a query).
pub fn base_url(url: &str) -> Option<String> {
    let safe = clean::safe_url(url)?;
    let lower = safe.to_ascii_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) || safe.contains('?') {
        return None;
    }
    let mut base = safe.split('#').next().unwrap_or(safe).to_string();
    if base.ends_with("/index.html") {
        base.truncate(base.len() - "index.html".len());
    }
    if !base.ends_with('/') {
        base.push('/');
    }
    Some(base)
}

/// The program's texts cleaned for output, the same for every part of a split.
/// Each person's place in the reading order of the names, for one language.
type PeopleOrder = std::sync::OnceLock<(String, Vec<usize>)>;

/// A session an agenda takes: its index, its slot, and its key.
type Picked<'p> = (usize, Option<(Instant, Instant)>, Cow<'p, str>);

pub(crate) struct Shared {
    event: EventText,
    rooms: Arc<Vec<Place>>,
    tracks: Arc<Vec<TrackText>>,
    people: Arc<Vec<Person>>,
    /// Where the rooms' and tracks' sessions are, made when a part first needs it.
    index: std::sync::OnceLock<crate::export::selection::SessionIndex>,
    people_order: Arc<PeopleOrder>,
}

impl Shared {
    pub fn new(program: &Program) -> Shared {
        let e = &program.event;
        let (url, url_text) = owned(url_pair(e.url.as_deref()));
        let event = EventText {
            id: e.id.clone(),
            name: clean::line(&e.name),
            venue: clean::opt_line(e.venue.as_deref()),
            url,
            url_text,
            description: clean::opt_block(e.description.as_deref()),
            language: e.language.clone(),
            languages: e.languages.clone(),
            start: e.start,
            end: e.end,
        };
        let rooms = program
            .rooms
            .iter()
            .map(|r| Place {
                id: r.id.clone(),
                name: clean::line(&r.name),
                location: clean::opt_line(r.location.as_deref()),
                capacity: r.capacity,
                features: r.features.iter().map(|f| clean::line(f)).collect(),
                accessible: r.accessible,
            })
            .collect();
        let tracks = program
            .tracks
            .iter()
            .map(|t| TrackText {
                id: t.id.clone(),
                name: clean::line(&t.name),
                color: t.color.clone(),
                description: clean::opt_block(t.description.as_deref()),
            })
            .collect();
        let people = program
            .speakers
            .iter()
            .map(|s| {
                let (url, url_text) = owned(url_pair(s.url.as_deref()));
                Person {
                    id: s.id.clone(),
                    name: clean::line(&s.name),
                    role: clean::opt_line(s.role.as_deref()),
                    affiliation: clean::opt_line(s.affiliation.as_deref()),
                    bio: clean::opt_block(s.bio.as_deref()),
                    url,
                    url_text,
                }
            })
            .collect();

        Shared {
            event,
            rooms: Arc::new(rooms),
            tracks: Arc::new(tracks),
            people: Arc::new(people),
            index: std::sync::OnceLock::new(),
            people_order: Arc::new(PeopleOrder::new()),
        }
    }
}

fn url_pair(url: Option<&str>) -> (Option<&str>, Option<Cow<'_, str>>) {
    match url.map(str::trim).filter(|u| !u.is_empty()) {
        None => (None, None),
        Some(u) => match clean::safe_url(u) {
            Some(safe) => (Some(safe), None),
            None => (None, Some(clean::cleaned_line(u))),
        },
    }
}

/// The defined people of a session's speakers, then of its moderators, each once, in the
/// order written (as indices in `program.speakers`).
fn first_mentions(
    schedule: &Schedule,
    speakers: &[crate::model::Ref],
    moderators: &[crate::model::Ref],
) -> (Vec<usize>, Vec<usize>) {
    // A few names are checked against those already listed; a session may name thousands,
    // and then a set keeps it linear.
    let few = speakers.len() + moderators.len() <= 16;
    let mut listed: foldhash::HashSet<usize> = foldhash::HashSet::default();
    let mut lists = [Vec::new(), Vec::new()];
    for (list, refs) in [speakers, moderators].into_iter().enumerate() {
        for r in refs {
            let Some(&p) = schedule.speakers.get(r.value.as_str()) else {
                continue;
            };
            let new = if few {
                !lists[0].contains(&p) && !lists[1].contains(&p)
            } else {
                listed.insert(p)
            };
            if new {
                lists[list].push(p);
            }
        }
    }
    let [speakers, moderators] = lists;
    (speakers, moderators)
}

/// A [`url_pair`] kept beyond the program's borrow (the event's and the people's, made once).
fn owned((url, text): (Option<&str>, Option<Cow<'_, str>>)) -> (Option<String>, Option<String>) {
    (url.map(str::to_string), text.map(Cow::into_owned))
}

/// Where a session is on the calendar, if it is (see `SessionFacts::placed`).
pub(crate) fn placement(schedule: &Schedule, i: usize) -> Option<(Instant, Instant)> {
    schedule.sessions[i].calendar_slot()
}

/// Local start date of a placed session, in zone `tz`.
pub(crate) fn placed_day(schedule: &Schedule, tz: Tz, i: usize) -> Option<NaiveDate> {
    placement(schedule, i).map(|(start, _)| to_local(tz, start).date_naive())
}

impl<'p> Agenda<'p> {
    /// The sessions of `program` that `filter` selects (narrowed to `part` when splitting).
    pub fn new(
        schedule: &Schedule<'p>,
        filter: &Filter,
        part: Option<&Part>,
        utc: bool,
    ) -> Agenda<'p> {
        Agenda::with_shared(schedule, filter, part, utc, &Shared::new(schedule.program))
    }

    /// The agenda of one part, with the program's cleaned texts made once for every part.
    pub fn with_shared(
        schedule: &Schedule<'p>,
        filter: &Filter,
        part: Option<&Part>,
        utc: bool,
        shared: &Shared,
    ) -> Agenda<'p> {
        let program = schedule.program;
        // Calendar clients key on canonical names: `US/Eastern` is written `America/New_York`.
        let tz = crate::zones::canonical(program.event.timezone);
        let display = if utc { chrono_tz::UTC } else { tz };
        let filter = part.map(|p| &p.filter).unwrap_or(filter);
        let only_placed = part.is_some_and(|p| p.split == Split::Sessions);
        let own_person = part
            .filter(|p| p.split == Split::Speakers)
            .and_then(|p| schedule.speakers.get(p.id.as_str()).copied());
        let event = shared.event.clone();
        let rooms = Arc::clone(&shared.rooms);
        let tracks = Arc::clone(&shared.tracks);
        let people = Arc::clone(&shared.people);

        // Which sessions, with their slots and keys, one after the other (the keys are handed
        // out in file order); then each entry's texts on every core.
        // A room's or a track's part looks only at its own sessions (and the event-wide ones).
        let candidates = part.and_then(|_| {
            filter.candidates(
                shared
                    .index
                    .get_or_init(|| crate::export::selection::SessionIndex::new(schedule)),
            )
        });
        // Made at their size when it is known (growing a set of 100,000 ids rehashes it over
        // and over); a speaker's or a day's part takes few of the sessions it looks at, and
        // its thousands of agendas must not each make room for every session.
        let most = match (&candidates, part) {
            (Some(list), _) => list.len(),
            (None, None) => program.sessions.len(),
            (None, Some(_)) => 0,
        };
        let mut picked: Vec<Picked<'p>> = Vec::with_capacity(most);
        // Keys given so far: a set, so that making keys unique stays linear.
        // Ids are borrowed from the program; only the made-up `id-2` keys are owned.
        let mut keys: foldhash::HashSet<&str> =
            foldhash::HashSet::with_capacity_and_hasher(most, Default::default());
        let mut made: foldhash::HashSet<String> = foldhash::HashSet::default();
        let order: Box<dyn Iterator<Item = usize>> = match &candidates {
            Some(list) => Box::new(list.iter().copied()),
            None => Box::new(0..program.sessions.len()),
        };
        for i in order {
            let Some(session) = program.sessions.get(i) else {
                continue;
            };
            if !filter.may_match(schedule, i) {
                continue;
            }
            let slot = placement(schedule, i);
            let day = slot.map(|(start, _)| to_local(tz, start).date_naive());
            if !filter.matches(schedule, i, day) || (only_placed && slot.is_none()) {
                continue;
            }
            let key = if keys.insert(session.id.as_str()) && !made.contains(&session.id) {
                Cow::Borrowed(session.id.as_str())
            } else {
                let mut n = 1;
                let mut key = session.id.clone();
                while keys.contains(key.as_str()) || made.contains(&key) {
                    n += 1;
                    key = format!("{}-{n}", session.id);
                }
                made.insert(key.clone());
                Cow::Owned(key)
            };
            picked.push((i, slot, key));
        }
        // Placed first (start, event-wide before rooms, room order, end, id), then the rest
        // in file order. Sorted on keys laid out side by side (and the position among the
        // picked, for file order between equals): a key read through the sessions at every
        // comparison would miss the cache each time.
        let mut order: Vec<(bool, Instant, usize, Instant, u64, &str, usize)> = picked
            .iter()
            .enumerate()
            .map(|(n, &(i, slot, _))| match slot {
                Some((start, end)) => {
                    let id = program.sessions[i].id.as_str();
                    let room = schedule.sessions[i].room.map_or(0, |r| r + 1);
                    let prefix = crate::ids::sort_prefix(id);
                    (false, start, room, end, prefix, id, n)
                }
                None => (true, 0, 0, 0, 0, "", n),
            })
            .collect();
        order.sort_unstable();
        let entries = crate::parallel::map_in_pieces(&order, 2_000, |&(.., n)| {
            let (i, slot, key) = &picked[n];
            let (i, slot) = (*i, *slot);
            let session = &program.sessions[i];
            let facts = &schedule.sessions[i];
            let (mut speakers, mut moderators) =
                first_mentions(schedule, &session.speakers, &session.moderators);
            if let Some(own) = own_person {
                // A personal schedule names at most `MAX_PEOPLE_IN_PART` of a session's
                // people (the person first), so 10,000 speakers of one session do not make
                // 10,000 files of 10,000 names each.
                cap_people(&mut speakers, &mut moderators, own);
            }
            let (url, url_text) = url_pair(session.url.as_deref());
            Entry {
                index: i,
                id: &session.id,
                key: key.clone(),
                title: clean::cleaned_line(&session.title),
                kind: session.kind,
                status: session.status,
                slot,
                room: facts.room,
                track: facts.track,
                speakers,
                moderators,
                description: clean::opt_cleaned_block(session.description.as_deref()),
                url,
                url_text,
                tags: session
                    .tags
                    .iter()
                    .map(|t| clean::cleaned_line(t))
                    .filter(|t| !t.is_empty())
                    .collect(),
                language: clean::opt_cleaned_line(session.language.as_deref()),
                interpretation: &session.interpretation,
                plenary: session.plenary,
                expected: session.expected,
            }
        });
        Agenda {
            program,
            tz,
            display,
            event,
            rooms,
            tracks,
            people,
            people_order: Arc::clone(&shared.people_order),
            entries,
            subject: part.map(|p| Subject {
                split: p.split,
                id: p.id.clone(),
                name: p.name.clone(),
            }),
            filtered: !filter.is_empty(),
            base: program.event.url.as_deref().and_then(base_url),
        }
    }

    /// Each person's place (by index) in the order of their names for a reader of `lang`,
    /// equal names in index order ([`crate::collate::order`]): the speakers' indexes sort by
    /// it, so the program's people are collated once per export, not once per page. `None`
    /// when the order was made for another language.
    pub fn people_rank(&self, lang: &str) -> Option<&[usize]> {
        let (made_for, rank) = self.people_order.get_or_init(|| {
            let order =
                crate::collate::order(lang, self.people.len(), |i| self.people[i].name.as_str());
            let mut rank = vec![0; order.len()];
            for (place, &i) in order.iter().enumerate() {
                rank[i] = place;
            }
            (lang.to_string(), rank)
        });
        (made_for == lang).then_some(rank.as_slice())
    }

    /// Placed entries.
    pub fn placed(&self) -> impl Iterator<Item = &Entry<'p>> {
        self.entries.iter().filter(|e| e.slot.is_some())
    }

    /// Entries that are not placed.
    pub fn unplaced(&self) -> impl Iterator<Item = &Entry<'p>> {
        self.entries.iter().filter(|e| e.slot.is_none())
    }

    /// Calendar or page title: the event, or "event — part".
    pub fn title(&self) -> String {
        match &self.subject {
            Some(s) => format!("{} — {}", self.event.name, s.name),
            None => self.event.name.clone(),
        }
    }

    /// Local date of a placed entry, in the display zone.
    pub fn day_of(&self, entry: &Entry) -> Option<NaiveDate> {
        entry
            .slot
            .map(|(start, _)| to_local(self.display, start).date_naive())
    }

    /// The days to show: every day of the event for a whole program (of an event of at most
    /// `MAX_LISTED_DAYS` days), plus any day a placed session starts on; only the days with
    /// sessions for a selection.
    pub fn days(&self) -> Vec<NaiveDate> {
        let mut days: Vec<NaiveDate> = self.placed().filter_map(|e| self.day_of(e)).collect();
        if !self.filtered && self.subject.is_none() && self.display == self.tz {
            days.extend(crate::model::listed_days(self.event.start, self.event.end));
        }
        days.sort_unstable();
        days.dedup();
        days
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_str;

    /// A session naming `speakers` and `moderators` (speaker ids `p0`, `p1`, …), among
    /// `people` defined speakers.
    fn program(people: usize, speakers: &[&str], moderators: &[&str]) -> Program {
        let mut text = String::from(
            "[event]\nid = \"e\"\nname = \"E\"\ntimezone = \"Europe/Paris\"\n\
             start = 2024-05-02\nend = 2024-05-02\n",
        );
        for p in 0..people {
            text.push_str(&format!("[[speakers]]\nid = \"p{p}\"\nname = \"P {p}\"\n"));
        }
        let list = |ids: &[&str]| {
            ids.iter()
                .map(|id| format!("{id:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        text.push_str(&format!(
            "[[sessions]]\nid = \"s\"\ntitle = \"S\"\nspeakers = [{}]\nmoderators = [{}]\n",
            list(speakers),
            list(moderators)
        ));
        load_str(std::path::Path::new("e.toml"), &text).expect("loads")
    }

    /// Each person once, speakers first in the order written, then the moderators not
    /// already listed, undefined ids left out: alike for a few names (checked against the
    /// lists) and for many (through a set).
    #[test]
    fn a_sessions_people_are_listed_once_in_the_order_written() {
        let few = program(4, &["p2", "p0", "p2", "ghost"], &["p0", "p3", "p3"]);
        let schedule = Schedule::new(&few);
        let s = &few.sessions[0];
        assert_eq!(
            first_mentions(&schedule, &s.speakers, &s.moderators),
            (vec![2, 0], vec![3])
        );

        let ids: Vec<String> = (0..30).map(|p| format!("p{}", (p * 7) % 20)).collect();
        let speakers: Vec<&str> = ids[..25].iter().map(String::as_str).collect();
        let moderators: Vec<&str> = ids[10..].iter().map(String::as_str).collect();
        let many = program(20, &speakers, &moderators);
        let schedule = Schedule::new(&many);
        let s = &many.sessions[0];
        let (listed_speakers, listed_moderators) =
            first_mentions(&schedule, &s.speakers, &s.moderators);
        let mut expected: Vec<usize> = Vec::new();
        for p in (0..20).map(|p| (p * 7) % 20) {
            if !expected.contains(&p) {
                expected.push(p);
            }
        }
        assert_eq!(listed_speakers, expected);
        // Every moderator is a speaker already.
        assert!(listed_moderators.is_empty());
    }
}
