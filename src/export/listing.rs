//! The sessions as the built-in Markdown and text agendas list them, for their native writers
//! (`markdown::write`, `text::write`): the values their templates read from the view
//! (`view.rs`), computed from the agenda with the view's own helpers, one session at a time
//! instead of a view of every session held at once. The templates stay the layouts' reference
//! (and what `--template` replaces); a test renders both ways and compares the bytes.
//!
//! The days' sessions and the speakers' index are written in pieces on every core, each
//! thread with its own [`Locale`] (its ICU formatters are not `Sync`), and joined in order.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::export::agenda::{Agenda, Entry};
use crate::export::locale::{Labels, Locale};
use crate::export::view;
use crate::model::{Kind, Status};
use crate::time::{to_local, Instant};

/// A plain agenda (Markdown or text) of `agenda`: written by `write` (the built-in layout,
/// natively), or with `custom` through the template engine (`template` being the built-in
/// one, the layout's reference).
pub(crate) fn render(
    escape: crate::export::template::Escape,
    template: &'static str,
    agenda: &Agenda,
    locale: &Locale,
    custom: Option<&str>,
    brief: bool,
    write: impl FnOnce(&Agenda, &Locale, bool) -> String,
) -> Result<String, crate::export::template::TemplateError> {
    if custom.is_none() {
        return Ok(write(agenda, locale, brief));
    }
    let links = view::IcsLinks {
        root: None,
        program: None,
        sessions: false,
        changes: None,
        rich: false,
        brief,
    };
    let view = view::build(agenda, locale, &links, &view::Clocks::default());
    crate::export::template::render_sized(
        escape,
        template,
        custom,
        view.into_context(),
        agenda.entries.len(),
    )
}

/// Fewer sessions (or people) than this are written on one core.
const PIECE: usize = 2048;

/// What every piece reads: the agenda, its names as shown, and its days.
pub(crate) struct Listing<'a> {
    pub agenda: &'a Agenda<'a>,
    pub labels: &'static Labels,
    tag: String,
    /// Rooms, room locations, tracks and people as the view names them (in the language's
    /// typography), by index.
    rooms: Vec<String>,
    locations: Vec<Option<String>>,
    tracks: Vec<String>,
    people: Vec<String>,
    /// Each entry's title as shown, its slot and whether it is cancelled, by position in
    /// `agenda.entries` (the speakers' index reads them in its own order: compact, and typeset
    /// once).
    titles: Vec<String>,
    facts: Vec<(Option<(Instant, Instant)>, bool)>,
    /// The days shown, each with the positions of its placed sessions in reading order.
    pub days: Vec<(NaiveDate, Vec<usize>)>,
}

/// A session's values, as the templates read them (`s.title`, `s.time`, `s.place`, ...).
pub(crate) struct Item<'a> {
    pub entry: &'a Entry<'a>,
    pub title: &'a str,
    /// None for an unscheduled session.
    pub time: Option<String>,
    pub place: Option<&'a str>,
    pub kind_label: &'static str,
    pub status_label: Option<&'static str>,
    pub cancelled: bool,
    pub is_break: bool,
    pub track: Option<&'a str>,
    pub speaker_names: String,
    pub moderator_names: String,
    pub languages_line: Option<String>,
}

/// A session's room, as `s.room` reads: its location (when given) and access label.
pub(crate) struct Room<'a> {
    pub location: Option<&'a str>,
    pub accessible: bool,
    pub access: &'static str,
}

/// A piece's own state: its formatter and the times it has already formatted (many sessions
/// share a slot).
pub(crate) struct Scratch<'l> {
    locale: Local<'l>,
    times: foldhash::HashMap<(Instant, Instant), String>,
    whens: foldhash::HashMap<(Instant, Instant), String>,
}

enum Local<'l> {
    Shared(&'l Locale),
    Own(Box<Locale>),
}

impl<'l> Scratch<'l> {
    fn new(locale: Local<'l>) -> Scratch<'l> {
        Scratch {
            locale,
            times: foldhash::HashMap::default(),
            whens: foldhash::HashMap::default(),
        }
    }

    pub fn locale(&self) -> &Locale {
        match &self.locale {
            Local::Shared(l) => l,
            Local::Own(l) => l,
        }
    }

    /// `s.time`: "14:00–15:30" ([`view::time_range`]).
    pub fn time(&mut self, agenda: &Agenda, (s, e): (Instant, Instant)) -> &str {
        let locale = match &self.locale {
            Local::Shared(l) => *l,
            Local::Own(l) => l,
        };
        self.times
            .entry((s, e))
            .or_insert_with(|| view::time_range(agenda, locale, s, e))
    }

    /// A speaker's session's `when`: the day and the time range.
    pub fn when(&mut self, agenda: &Agenda, (s, e): (Instant, Instant)) -> String {
        if let Some(when) = self.whens.get(&(s, e)) {
            return when.clone();
        }
        let range = self.time(agenda, (s, e)).to_string();
        let day = to_local(agenda.display, s).date_naive();
        let when = self.locale().day_time(day, &range);
        self.whens.insert((s, e), when.clone());
        when
    }
}

/// `name(i)` for each `i` that `used` gives, by index (the default elsewhere): a part of a
/// split names only its own rooms and people.
fn shown<T: Default>(
    len: usize,
    used: impl Iterator<Item = usize>,
    name: impl Fn(usize) -> T,
) -> Vec<T> {
    let mut out: Vec<Option<T>> = (0..len).map(|_| None).collect();
    for i in used {
        if out[i].is_none() {
            out[i] = Some(name(i));
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

/// `Some(text)` when the template would find it true: given and not empty.
pub(crate) fn given(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.is_empty())
}

impl<'a> Listing<'a> {
    pub fn new(agenda: &'a Agenda<'a>, locale: &Locale) -> Listing<'a> {
        let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
        for (i, e) in agenda.entries.iter().enumerate() {
            if let Some(day) = agenda.day_of(e) {
                by_day.entry(day).or_default().push(i);
            }
        }
        let days = agenda
            .days()
            .into_iter()
            .map(|d| (d, by_day.remove(&d).unwrap_or_default()))
            .collect();
        let rooms = || agenda.entries.iter().filter_map(|e| e.room);
        Listing {
            agenda,
            labels: locale.labels(),
            tag: locale.tag.clone(),
            rooms: shown(agenda.rooms.len(), rooms(), |r| {
                locale.typography(&agenda.rooms[r].name)
            }),
            locations: shown(agenda.rooms.len(), rooms(), |r| {
                agenda.rooms[r]
                    .location
                    .as_deref()
                    .map(|l| locale.typography(l))
            }),
            tracks: shown(
                agenda.tracks.len(),
                agenda.entries.iter().filter_map(|e| e.track),
                |t| locale.typography(&agenda.tracks[t].name),
            ),
            people: shown(
                agenda.people.len(),
                agenda
                    .entries
                    .iter()
                    .flat_map(|e| e.speakers.iter().chain(e.moderators.iter()).copied()),
                |p| locale.typography(&agenda.people[p].name),
            ),
            titles: agenda
                .entries
                .iter()
                .map(|e| locale.typography(&e.title))
                .collect(),
            facts: agenda
                .entries
                .iter()
                .map(|e| (e.slot, e.status == Status::Cancelled))
                .collect(),
            days,
        }
    }

    /// A person's name as shown.
    pub fn person(&self, p: usize) -> &str {
        &self.people[p]
    }

    /// The title (as shown) of the entry at `position`, its slot, and whether it is cancelled.
    pub fn entry(&self, position: usize) -> (&str, Option<(Instant, Instant)>, bool) {
        let (slot, cancelled) = self.facts[position];
        (&self.titles[position], slot, cancelled)
    }

    /// The values (`view::session`'s, for the fields these layouts read) of the session at
    /// `position` in `agenda.entries`.
    pub fn item(&self, scratch: &mut Scratch, position: usize) -> Item<'_> {
        let entry = &self.agenda.entries[position];
        let labels = self.labels;
        let names = |list: &[usize]| {
            let mut out = String::new();
            for (i, &p) in list.iter().enumerate() {
                if i > 0 {
                    out.push_str(labels.list_separator);
                }
                out.push_str(&self.people[p]);
            }
            out
        };
        let locale = scratch.locale();
        let title = self.titles[position].as_str();
        let kind_label = locale.kind(entry.kind);
        let languages_line = view::languages_line(self.agenda, locale, entry);
        Item {
            entry,
            title,
            time: entry
                .slot
                .map(|slot| scratch.time(self.agenda, slot).to_string()),
            place: match (entry.room, entry.slot) {
                (Some(r), _) => Some(self.rooms[r].as_str()),
                (None, Some(_)) => Some(labels.everyone),
                (None, None) => None,
            },
            kind_label,
            status_label: match entry.status {
                Status::Cancelled => Some(labels.cancelled),
                Status::Tentative => Some(labels.tentative),
                Status::Confirmed => None,
            },
            cancelled: entry.status == Status::Cancelled,
            is_break: entry.kind == Kind::Break,
            track: entry.track.map(|t| self.tracks[t].as_str()),
            speaker_names: names(&entry.speakers),
            moderator_names: names(&entry.moderators),
            languages_line,
        }
    }

    /// The positions of the unscheduled sessions, in reading order.
    pub fn unscheduled(&self) -> Vec<usize> {
        (0..self.facts.len())
            .filter(|&i| self.facts[i].0.is_none())
            .collect()
    }

    /// The session's room, when it has one.
    pub fn room(&self, entry: &Entry) -> Option<Room<'_>> {
        let r = entry.room?;
        let accessible = self.agenda.rooms[r].accessible;
        Some(Room {
            location: given(self.locations[r].as_deref()),
            accessible,
            access: if accessible {
                self.labels.accessible
            } else {
                self.labels.not_accessible
            },
        })
    }

    /// `s.description_text`: the description as plain text, none when empty.
    pub fn description_text(locale: &Locale, entry: &Entry) -> Option<String> {
        view::rendered(locale, entry.description.as_deref(), false).1
    }

    /// `f` of each day's sessions in pieces (several per day for a long day), on every core:
    /// for each day, the results of its pieces in order.
    pub fn by_day<R: Send>(
        &self,
        locale: &Locale,
        f: impl Fn(&mut Scratch, &[usize]) -> R + Sync,
    ) -> Vec<Vec<R>> {
        let total: usize = self.days.iter().map(|(_, s)| s.len()).sum();
        let size = total.div_ceil(crate::parallel::pieces(total, PIECE)).max(1);
        let parts: Vec<(usize, &[usize])> = self
            .days
            .iter()
            .enumerate()
            .flat_map(|(d, (_, sessions))| sessions.chunks(size).map(move |c| (d, c)))
            .collect();
        let done = self.in_pieces(locale, &parts, |scratch, &(d, part)| (d, f(scratch, part)));
        let mut out: Vec<Vec<R>> = self.days.iter().map(|_| Vec::new()).collect();
        for (d, r) in done {
            out[d].push(r);
        }
        out
    }

    /// The speakers' index of the agenda, as pieces to write in order: each person who speaks
    /// or moderates, by name, written by `speaker` with the positions of their entries. Empty
    /// when nobody does.
    pub fn speakers_index(
        &self,
        locale: &Locale,
        speaker: impl Fn(&mut String, &Listing, &mut Scratch, usize, &[usize]) + Sync,
    ) -> Vec<String> {
        let (people, entries_of) = crate::export::view::speaker_index(self.agenda, locale);
        self.split(locale, &people, |scratch, part| {
            let mut out = String::new();
            for &p in part {
                let entries = entries_of.get(&p).map_or(&[][..], Vec::as_slice);
                speaker(&mut out, self, scratch, p, entries);
            }
            out
        })
    }

    /// `f` of each piece of `items`, in order, on every core when there are enough.
    pub fn split<T: Sync, R: Send>(
        &self,
        locale: &Locale,
        items: &[T],
        f: impl Fn(&mut Scratch, &[T]) -> R + Sync,
    ) -> Vec<R> {
        let size = items
            .len()
            .div_ceil(crate::parallel::pieces(items.len(), PIECE))
            .max(1);
        let parts: Vec<&[T]> = items.chunks(size).collect();
        self.in_pieces(locale, &parts, |scratch, part| f(scratch, part))
    }

    fn in_pieces<T: Sync, R: Send>(
        &self,
        locale: &Locale,
        parts: &[T],
        f: impl Fn(&mut Scratch, &T) -> R + Sync,
    ) -> Vec<R> {
        if parts.len() <= 1 {
            let mut scratch = Scratch::new(Local::Shared(locale));
            return parts.iter().map(|p| f(&mut scratch, p)).collect();
        }
        let tag = self.tag.as_str();
        crate::parallel::map_ordered(
            parts,
            crate::parallel::threads(),
            || Scratch::new(Local::Own(Box::new(Locale::for_tag(tag)))),
            |scratch, part| f(scratch, part),
            |_| false,
        )
    }
}
