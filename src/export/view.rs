//! What the HTML, Markdown and text templates see: the agenda turned into plain values with
//! every date and time already formatted in the event's language, and the grid placement of
//! each session for the HTML agenda. docs/templates.md documents every field; adding a field
//! is fine, renaming one breaks organisers' templates.
//!
//! Text here is cleaned but not escaped: the template engine escapes for HTML and Markdown.

use std::collections::BTreeMap;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Value};
use serde::Serialize;

use crate::export::agenda::{Agenda, Entry};
use crate::export::contrast;
use crate::export::locale::{capitalise, Labels, Locale};
use crate::export::markup;
use crate::model::{Kind, Status};
use crate::release::history::{ChangeInfo, Mark};
use crate::time::{to_local, Instant};

/// Default colours for tracks that give none (distinct, readable on white and on dark grey).
pub(crate) const PALETTE: [&str; 8] = [
    "#3b6fb6", "#c0602a", "#4f8a3c", "#9c3f8c", "#b08a1e", "#2a8c8c", "#b23a48", "#6a5acd",
];

/// The context of a template. The templates read it through [`View::into_context`]: sessions,
/// rooms, tracks and people are shared minijinja objects (each built once, read in place),
/// not a serialised copy of the whole agenda.
pub(crate) struct View {
    pub lang: String,
    /// `ltr` or `rtl`: the `dir` of the page.
    pub dir: &'static str,
    pub labels: &'static Labels,
    pub title: String,
    pub event: EventView,
    pub subject: Option<SubjectView>,
    pub times_note: String,
    /// Relative link to the whole (or part's) `.ics`, when one is written next to the page.
    pub ics: Option<String>,
    /// The changes page beside the agenda (`changes.html`), when the event has releases.
    pub changes: Option<String>,
    pub tracks: Vec<TrackView>,
    pub days: Vec<Arc<DayView>>,
    pub sessions: Vec<Arc<SessionView>>,
    pub unscheduled: Vec<Arc<SessionView>>,
    /// The speakers' index, for templates ([`build`]); the built-in writer's frame leaves it
    /// empty and writes the index from [`View::speaker_index`].
    pub speakers: Vec<SpeakerView>,
    /// Who the speakers' index lists, in its order, with their sessions.
    pub speaker_index: SpeakerIndex,
    pub generator: &'static str,
    /// `--brief`: the Markdown and text agendas leave descriptions, bios and links out.
    pub brief: bool,
    /// What the header's calendar link says: the whole program, these sessions (a filtered
    /// export), or the sessions of the part's room, person or track.
    pub ics_label: String,
    /// The public addresses, when the agenda has a base URL (`[event] url`, `--base-url`).
    pub public: Option<PublicView>,
    /// The interactive agenda (HTML): what its filters offer, and links to the per-room and
    /// per-track pages.
    pub web: WebView,
}

/// Where the agenda is published: absolute links, the `webcal://` subscription and the QR
/// codes (inline SVG, safe to print as is).
#[derive(Serialize)]
pub(crate) struct PublicView {
    /// This page (the part's page for a split).
    pub page: String,
    /// This page's calendar, and the same as a subscription.
    pub ics: String,
    pub webcal: String,
    pub qr_page: String,
    pub qr_webcal: String,
    /// For a part of a split: the whole program's page, calendar and subscription (at the
    /// base URL).
    pub program_page: Option<String>,
    pub program_ics: Option<String>,
    pub program_webcal: Option<String>,
}

/// What the filters of the HTML agenda offer, and where its other pages are.
#[derive(Serialize)]
pub(crate) struct WebView {
    /// The folder of the whole program's page, relative to this page (`""` or `"../../"`),
    /// when per-room and per-track pages are written beside it; `none` otherwise.
    pub root: Option<String>,
    /// Link back to the whole program, on a per-room or per-track page.
    pub home: Option<String>,
    pub rooms: Vec<RoomView>,
    pub kinds: Vec<KindView>,
    /// The languages sessions are given in (a session without one is in the event's), named
    /// as the cards name them.
    pub languages: Vec<LanguageView>,
    /// The badges of the session under way and the one after (the signage's words).
    pub now: &'static str,
    pub next: &'static str,
    /// The time zone the times are shown in (the event's, or UTC), for the "my time zone"
    /// option.
    pub timezone: String,
}

#[derive(Serialize)]
pub(crate) struct LanguageView {
    pub tag: String,
    pub name: String,
}

#[derive(Serialize)]
pub(crate) struct KindView {
    pub id: &'static str,
    pub label: &'static str,
}

#[derive(Serialize)]
pub(crate) struct EventView {
    pub id: String,
    pub name: String,
    pub dates: String,
    pub venue: Option<String>,
    pub url: Option<String>,
    pub url_text: Option<String>,
    /// Where `url` goes ("example.org").
    pub url_host: Option<String>,
    pub description: Option<String>,
    /// The description's Markdown as sanitised HTML (HTML agenda), or as plain text.
    pub description_html: Option<String>,
    pub description_text: Option<String>,
    pub timezone: String,
    pub language: String,
    /// `languages` as given (tags), and their names in the page's language ("français,
    /// anglais"); the names are empty unless the event lists two or more.
    pub languages: Vec<String>,
    pub language_names: String,
}

#[derive(Serialize)]
pub(crate) struct SubjectView {
    pub kind: &'static str,
    pub id: String,
    pub name: String,
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct TrackView {
    pub id: String,
    pub name: String,
    pub color: String,
    /// The colour for dark mode (both reach 3:1 against their page, see `contrast`).
    pub color_dark: String,
    pub description: Option<String>,
    pub description_html: Option<String>,
    pub description_text: Option<String>,
    /// The track's own page, when one is written.
    pub page: Option<String>,
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct RoomView {
    pub id: String,
    pub name: String,
    /// Where to find it (a building, a floor).
    pub location: Option<String>,
    /// The room's own page, when one is written.
    pub page: Option<String>,
    pub accessible: bool,
    /// "Wheelchair accessible" or "Not wheelchair accessible".
    pub access: &'static str,
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct PersonView {
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    /// "role, affiliation" (or either).
    pub roles: Option<String>,
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct GridView {
    pub row_start: usize,
    pub row_end: usize,
    pub col_start: usize,
    pub col_end: usize,
}

/// A session as the templates see it, built once per export and shared (`Arc`) by the whole
/// list and its day's list; `grid` and `opens` are the day's ([`DaySession`]), none here.
/// The views the built-in HTML writer makes ([`frame`]) leave out what only templates read
/// (`id`, `day`, `start`, `end`, the names joined, `description`, the language names,
/// `interpretation`, `public_url`): empty there.
#[derive(Debug)]
pub(crate) struct SessionView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub status: &'static str,
    /// "Annulé", "À confirmer", or none for a confirmed session.
    pub status_label: Option<&'static str>,
    /// `new`, `moved`, `changed` or `cancelled` since the previous release, with a glyph and
    /// a label (text, not colour alone).
    pub change: Option<&'static str>,
    pub change_glyph: Option<&'static str>,
    pub change_label: Option<&'static str>,
    pub cancelled: bool,
    pub tentative: bool,
    pub is_break: bool,
    pub plenary: bool,
    pub date: Option<Arc<str>>,
    pub day: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// "14:00–15:30" (with the end's day when it is another day; with the UTC offsets,
    /// "02:30 CEST – 02:00 CET", across a daylight-saving change or in the hour that happens
    /// twice).
    pub time: Option<Arc<str>>,
    pub start_iso: Option<Arc<str>>,
    pub end_iso: Option<Arc<str>>,
    pub duration_minutes: Option<i64>,
    pub room: Option<Arc<RoomView>>,
    /// The room's name, or "Pour tous" for an event-wide break.
    pub place: Option<String>,
    pub track: Option<Arc<TrackView>>,
    pub speakers: Vec<Arc<PersonView>>,
    pub moderators: Vec<Arc<PersonView>>,
    /// The built-in writer's views name the people by index in the agenda's (the writer
    /// writes them from [`person_line`]), and leave `speakers` and `moderators` empty.
    pub speaker_ids: Vec<usize>,
    pub moderator_ids: Vec<usize>,
    pub speaker_names: String,
    pub moderator_names: String,
    pub description: Option<String>,
    /// Whether the session has a description (what `{% if s.description %}` asks).
    pub described: bool,
    pub description_html: Option<String>,
    pub description_text: Option<String>,
    pub url: Option<String>,
    pub url_text: Option<String>,
    pub url_host: Option<String>,
    pub tags: Vec<String>,
    pub language: Option<String>,
    /// The session's language by name ("anglais"), when it is worth saying: the session gives
    /// one and it is not the event's only language.
    pub language_name: Option<String>,
    /// The languages the session is interpreted into (tags), and their names.
    pub interpretation: Vec<String>,
    pub interpretation_names: String,
    /// "Langue : anglais · Interprétation : français", or none.
    pub languages_line: Option<String>,
    /// The session on the published agenda, when there is a base URL.
    pub public_url: Option<String>,
    /// Relative link to the session's own `.ics`, when one is written.
    pub ics: Option<String>,
    /// None here: a session's place on a grid and the slot it opens are its day's
    /// ([`DaySession`]); the whole list has neither, as it never had.
    pub grid: Option<GridView>,
    pub opens: Option<SlotView>,
}

/// A session in its day's list: the shared [`SessionView`], with its place on the day's grid
/// and the time slot it opens.
#[derive(Clone, Debug)]
pub(crate) struct DaySession {
    pub session: Arc<SessionView>,
    pub grid: Option<GridView>,
    /// The time slot this session opens (the first session starting at that time in the day,
    /// HTML): its label heads the group on phones and sits in the time column of the grid.
    pub opens: Option<SlotView>,
}

impl std::ops::Deref for DaySession {
    type Target = SessionView;
    fn deref(&self) -> &SessionView {
        &self.session
    }
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct SlotView {
    /// The time, with the zone's mark on the night clocks go back ([`Clocks::slot_label`]).
    pub label: Arc<str>,
    pub row: usize,
    /// `day-2017-12-05-t0930`, for jump links.
    pub anchor: String,
    /// Whether a session starts then (else only a session ends).
    pub starts: bool,
    /// The time, RFC 3339 with its offset.
    pub iso: Arc<str>,
}

#[derive(Serialize, Clone, Debug)]
pub(crate) struct ColumnView {
    pub name: String,
    pub location: Option<String>,
    /// The room's own page, when one is written.
    pub page: Option<String>,
    pub col_start: usize,
    pub col_end: usize,
}

#[derive(Clone, Debug)]
pub(crate) struct DayView {
    pub date: String,
    pub anchor: String,
    /// "mardi 5 décembre 2017".
    pub long: String,
    /// "Mardi 5 décembre 2017".
    pub title: String,
    pub sessions: Vec<Arc<DaySession>>,
    /// Grid columns (after the time column) and rows.
    pub columns: Vec<ColumnView>,
    pub column_count: usize,
    pub slots: Vec<SlotView>,
    pub row_count: usize,
    /// The day's sessions as positions in the agenda's entries, and each one's place: what
    /// [`Maker::day_sessions`] makes the views from.
    pub entries: Vec<usize>,
    pub places: Vec<Place>,
}

#[derive(Serialize)]
pub(crate) struct SpeakerSessionView {
    pub id: String,
    pub anchor: String,
    pub title: String,
    pub when: Option<String>,
    /// The room's name, or "Everyone" for an event-wide session.
    pub place: Option<String>,
    pub cancelled: bool,
}

#[derive(Serialize)]
pub(crate) struct SpeakerView {
    /// `id` to `roles`: as sessions name the person ([`PersonView`]).
    pub id: String,
    pub anchor: String,
    pub name: String,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub roles: Option<String>,
    pub bio: Option<String>,
    pub bio_html: Option<String>,
    pub bio_text: Option<String>,
    pub url: Option<String>,
    pub url_text: Option<String>,
    pub url_host: Option<String>,
    pub sessions: Vec<SpeakerSessionView>,
}

/// The people a page's speakers' index lists, in reading order (indices in the agenda's
/// people), each with their sessions (positions in the agenda's entries).
pub(crate) struct SpeakerIndex {
    pub people: Vec<usize>,
    pub entries_of: foldhash::HashMap<usize, Vec<usize>>,
}

impl SpeakerIndex {
    /// The sessions `p` speaks in or moderates.
    pub(crate) fn entries(&self, p: usize) -> &[usize] {
        self.entries_of.get(&p).map_or(&[], Vec::as_slice)
    }
}

/// A speaker as the speakers' index shows them, borrowed from the agenda where the text is
/// the organiser's as it is: what [`SpeakerView`] holds for templates, and what the built-in
/// writer writes without making one.
pub(crate) struct SpeakerLine<'a> {
    pub person: PersonLine<'a>,
    pub url: Option<&'a str>,
    pub url_text: Option<&'a str>,
    pub url_host: Option<String>,
    /// The bio, as sanitised HTML and as plain text ([`rendered`]).
    pub bio: (Option<String>, Option<String>),
}

/// One of a speaker's sessions in the speakers' index ([`SpeakerSessionView`] for templates).
pub(crate) struct SpeakerSessionLine<'a> {
    pub id: &'a str,
    pub key: &'a str,
    pub title: std::borrow::Cow<'a, str>,
    pub when: Option<Arc<str>>,
    /// The room's name, or "Everyone" for an event-wide session.
    pub place: Option<&'a str>,
    pub cancelled: bool,
}

/// Person `p` of `agenda` as the speakers' index shows them.
pub(crate) fn speaker_line<'a>(
    agenda: &'a Agenda,
    locale: &Locale,
    p: usize,
    rich: bool,
) -> SpeakerLine<'a> {
    let person = &agenda.people[p];
    SpeakerLine {
        person: person_line(agenda, locale, p),
        url: person.url.as_deref(),
        url_text: person.url_text.as_deref(),
        url_host: host(person.url.as_deref()),
        bio: rendered(locale, person.bio.as_deref(), rich),
    }
}

/// Entry `i` of `agenda` as a speaker's sessions list it.
pub(crate) fn speaker_session_line<'a>(
    agenda: &'a Agenda,
    locale: &'a Locale,
    clocks: &Clocks,
    i: usize,
) -> SpeakerSessionLine<'a> {
    let e = &agenda.entries[i];
    SpeakerSessionLine {
        id: e.id,
        key: &e.key,
        title: locale.typeset(&e.title),
        when: e.slot.map(|(s, end)| clocks.when(agenda, locale, s, end)),
        place: match (e.room, e.slot) {
            (Some(r), _) => Some(&agenda.rooms[r].name),
            (None, Some(_)) => Some(locale.labels().everyone),
            (None, None) => None,
        },
        cancelled: e.status == Status::Cancelled,
    }
}

/// Link targets for the `.ics` files written beside a page.
pub(crate) struct IcsLinks {
    pub program: Option<String>,
    pub sessions: bool,
    /// Where the whole program's folder is from this page (`""`, `"../../"`) when per-room and
    /// per-track pages are written; the session calendars are there too.
    pub root: Option<String>,
    /// The release history: change marks, and a link to `changes.html` (HTML only).
    pub changes: Option<std::sync::Arc<ChangeInfo>>,
    /// Markdown texts as sanitised HTML (the HTML agenda) rather than as plain text.
    pub rich: bool,
    /// `--brief` (the Markdown and text agendas).
    pub brief: bool,
}

/// A Markdown text as the output needs it: sanitised HTML or plain text, in the language's
/// typography (French no-break spaces).
pub(crate) fn rendered(
    locale: &Locale,
    text: Option<&str>,
    rich: bool,
) -> (Option<String>, Option<String>) {
    let text = text.map(|t| locale.typography(t));
    match text {
        None => (None, None),
        Some(t) if rich => (Some(markup::to_html(&t)), None),
        Some(t) => (None, Some(markup::to_text(&t)).filter(|t| !t.is_empty())),
    }
}

/// "14:00–15:30", "14:00–mercredi 6 décembre à 15:00", or with offsets where the wall clock
/// alone would mislead: "02:30 CEST – 02:00 CET" (`time_range_wide`).
pub(crate) fn time_range(agenda: &Agenda, locale: &Locale, s: Instant, e: Instant) -> String {
    let ls = to_local(agenda.display, s);
    let le = to_local(agenda.display, e);
    let offsets = needs_offsets(agenda, s, e);
    let at = |local: &chrono::DateTime<chrono_tz::Tz>, t: Instant| {
        if offsets {
            format!("{} {}", clock(agenda, locale, t), locale.zone_mark(local))
        } else {
            clock(agenda, locale, t)
        }
    };
    let start = at(&ls, s);
    let end = if ls.date_naive() == le.date_naive() {
        at(&le, e)
    } else {
        locale.day_at(le.date_naive(), &at(&le, e))
    };
    if offsets {
        locale.time_range_wide(&start, &end)
    } else {
        locale.time_range(&start, &end)
    }
}

/// Whether a session's times need their offsets: its start and end are on either side of a
/// daylight-saving change, or either falls in the hour that happens twice.
fn needs_offsets(agenda: &Agenda, s: Instant, e: Instant) -> bool {
    use chrono::Offset as _;
    let tz = agenda.display;
    let offset = |t| to_local(tz, t).offset().fix();
    offset(s) != offset(e)
        || !crate::time::is_unique_local(tz, s)
        || !crate::time::is_unique_local(tz, e)
}

fn host(url: Option<&str>) -> Option<String> {
    url.and_then(markup::link_host)
}

/// The time of day on the language's clock ("09:00", "9:00 AM").
fn clock(agenda: &Agenda, locale: &Locale, t: Instant) -> String {
    locale.time(to_local(agenda.display, t).time())
}

fn iso(agenda: &Agenda, t: Instant) -> String {
    crate::time::rfc3339(agenda.display, t)
}

pub(crate) fn track_color(agenda: &Agenda, t: usize) -> String {
    agenda.tracks[t]
        .color
        .clone()
        .unwrap_or_else(|| PALETTE[t % PALETTE.len()].to_string())
}

/// A track as the templates see it; `rich` as in [`IcsLinks::rich`], `root` as in
/// [`IcsLinks::root`].
pub(crate) fn track_view(
    agenda: &Agenda,
    locale: &Locale,
    t: usize,
    rich: bool,
    root: Option<&str>,
) -> TrackView {
    let track = &agenda.tracks[t];
    let color = track_color(agenda, t);
    let (description_html, description_text) = rendered(locale, track.description.as_deref(), rich);
    TrackView {
        id: track.id.clone(),
        name: locale.typography(&track.name),
        color: contrast::for_light(&color),
        color_dark: contrast::for_dark(&color),
        description: track.description.as_deref().map(|d| locale.typography(d)),
        description_html,
        description_text,
        page: root.map(|r| format!("{r}tracks/{}/index.html", track.id)),
    }
}

fn room_page(agenda: &Agenda, r: usize, root: Option<&str>) -> Option<String> {
    root.map(|root| format!("{root}rooms/{}/index.html", agenda.rooms[r].id))
}

/// The language a session is given in: its own, else the event's.
fn spoken_language<'a>(agenda: &'a Agenda, entry: &'a Entry) -> &'a str {
    entry.language.as_deref().unwrap_or(&agenda.event.language)
}

/// The session's language when it is worth saying: given, and not the event's only language.
fn shown_language<'a>(agenda: &Agenda, entry: &'a Entry) -> Option<&'a str> {
    let tag = entry.language.as_deref()?;
    let e = &agenda.event;
    let only = e.languages.len() <= 1 && tag.eq_ignore_ascii_case(&e.language);
    (!only).then_some(tag)
}

/// Language names, joined as a list ("français, anglais").
pub(crate) fn names_of(locale: &Locale, tags: &[String]) -> String {
    let mut names = String::new();
    push_names_of(locale, tags, &mut names);
    names
}

/// [`names_of`], appended to `out`.
fn push_names_of(locale: &Locale, tags: &[String], out: &mut String) {
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            out.push_str(locale.labels().list_separator);
        }
        out.push_str(&locale.language_name(tag));
    }
}

/// "Language: English · Interpretation: French", or `None` when neither is worth saying. One
/// home for the agendas and the calendars.
pub(crate) fn languages_line(agenda: &Agenda, locale: &Locale, entry: &Entry) -> Option<String> {
    let labels = locale.labels();
    let language = shown_language(agenda, entry);
    if language.is_none() && entry.interpretation.is_empty() {
        return None;
    }
    // Written in one string: a big program's pages say it for most sessions.
    let mut line = String::new();
    if let Some(tag) = language {
        line.push_str(labels.language);
        line.push_str(labels.colon);
        line.push_str(&locale.language_name(tag));
    }
    if !entry.interpretation.is_empty() {
        if !line.is_empty() {
            line.push_str(" · ");
        }
        line.push_str(labels.interpretation);
        line.push_str(labels.colon);
        push_names_of(locale, entry.interpretation, &mut line);
    }
    Some(line)
}

fn person(agenda: &Agenda, locale: &Locale, p: usize) -> PersonView {
    person_view(agenda, person_line(agenda, locale, p), p)
}

/// The view of person `p`, from their `line`.
fn person_view(agenda: &Agenda, line: PersonLine, p: usize) -> PersonView {
    let person = &agenda.people[p];
    PersonView {
        id: line.id.to_string(),
        anchor: format!("p-{}", line.id),
        name: line.name.into_owned(),
        role: person.role.clone(),
        affiliation: person.affiliation.clone(),
        roles: line.roles,
    }
}

/// A person as a session or the speakers' index names them ([`PersonView`] for templates),
/// borrowed from the agenda when typography leaves the name as it is.
pub(crate) struct PersonLine<'a> {
    pub id: &'a str,
    pub name: std::borrow::Cow<'a, str>,
    pub roles: Option<String>,
}

/// Person `p` of `agenda` as a session names them.
pub(crate) fn person_line<'a>(agenda: &'a Agenda, locale: &Locale, p: usize) -> PersonLine<'a> {
    let person = &agenda.people[p];
    PersonLine {
        id: &person.id,
        name: locale.typeset(&person.name),
        roles: person.roles(),
    }
}

/// The rooms, tracks and people as the sessions show them, each built once per export (by
/// index, when first needed) and shared by every session that names it.
struct Shared {
    rooms: Vec<Option<Arc<RoomView>>>,
    tracks: Vec<Option<Arc<TrackView>>>,
    people: Vec<Option<Arc<PersonView>>>,
}

/// Times and dates as the view writes them, each formatted once per distinct value for every
/// page of an export, on every thread: a program of 100,000 sessions has a few hundred start
/// times and a handful of days, and the HTML agenda shows each session on three pages. All
/// its pages must be in one language and one zone (`--utc` or not), as an export's are.
#[derive(Default)]
pub(crate) struct Clocks(std::sync::Mutex<ClockTexts>);

#[derive(Default)]
struct ClockTexts {
    clock: foldhash::HashMap<Instant, String>,
    slot_label: foldhash::HashMap<Instant, Arc<str>>,
    iso: foldhash::HashMap<Instant, Arc<str>>,
    range: foldhash::HashMap<(Instant, Instant), Arc<str>>,
    date: foldhash::HashMap<chrono::NaiveDate, Arc<str>>,
    when: foldhash::HashMap<(Instant, Instant), Arc<str>>,
    long_date: foldhash::HashMap<chrono::NaiveDate, String>,
}

impl Clocks {
    /// The text `of` holds for `key`, made by `make` (outside the lock: another thread may be
    /// making the same) the first time.
    fn text<K: std::hash::Hash + Eq, T: Clone>(
        &self,
        of: fn(&mut ClockTexts) -> &mut foldhash::HashMap<K, T>,
        key: K,
        make: impl FnOnce() -> T,
    ) -> T {
        let lock = || {
            self.0
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        let found = of(&mut lock()).get(&key).cloned();
        if let Some(text) = found {
            return text;
        }
        let text = make();
        of(&mut lock()).entry(key).or_insert(text).clone()
    }

    fn clock(&self, agenda: &Agenda, locale: &Locale, t: Instant) -> String {
        self.text(|c| &mut c.clock, t, || clock(agenda, locale, t))
    }

    /// A grid's time slot: the clock, and which of the two it is when that local time
    /// happens twice (02:30 on the night clocks go back). Each page's grid labels its own
    /// slots; the room and track pages of an export share most of them.
    fn slot_label(&self, agenda: &Agenda, locale: &Locale, t: Instant) -> Arc<str> {
        self.text(
            |c| &mut c.slot_label,
            t,
            || {
                let clock = self.clock(agenda, locale, t);
                if crate::time::is_unique_local(agenda.display, t) {
                    clock.into()
                } else {
                    format!("{clock} {}", locale.zone_mark(&to_local(agenda.display, t))).into()
                }
            },
        )
    }

    fn iso(&self, agenda: &Agenda, t: Instant) -> Arc<str> {
        self.text(|c| &mut c.iso, t, || iso(agenda, t).into())
    }

    fn range(&self, agenda: &Agenda, locale: &Locale, s: Instant, e: Instant) -> Arc<str> {
        self.text(
            |c| &mut c.range,
            (s, e),
            || time_range(agenda, locale, s, e).into(),
        )
    }

    /// `2017-12-05`.
    fn date(&self, date: chrono::NaiveDate) -> Arc<str> {
        self.text(|c| &mut c.date, date, || date.to_string().into())
    }

    /// "mardi 5 décembre 2017, 14:00–15:30" (a speaker's session), shared: a big program's
    /// page lists tens of thousands.
    fn when(&self, agenda: &Agenda, locale: &Locale, s: Instant, e: Instant) -> Arc<str> {
        self.text(
            |c| &mut c.when,
            (s, e),
            || {
                let day = to_local(agenda.display, s).date_naive();
                locale
                    .day_time(day, &self.range(agenda, locale, s, e))
                    .into()
            },
        )
    }

    fn long_date(&self, locale: &Locale, date: chrono::NaiveDate) -> String {
        self.text(|c| &mut c.long_date, date, || locale.long_date(date))
    }
}

impl Shared {
    fn new(agenda: &Agenda) -> Shared {
        Shared {
            rooms: vec![None; agenda.rooms.len()],
            tracks: vec![None; agenda.tracks.len()],
            people: vec![None; agenda.people.len()],
        }
    }

    fn room(
        &mut self,
        agenda: &Agenda,
        locale: &Locale,
        r: usize,
        root: Option<&str>,
    ) -> Arc<RoomView> {
        let labels = locale.labels();
        self.rooms[r]
            .get_or_insert_with(|| {
                let place = &agenda.rooms[r];
                Arc::new(RoomView {
                    id: place.id.clone(),
                    name: locale.typography(&place.name),
                    location: place.location.as_deref().map(|l| locale.typography(l)),
                    page: room_page(agenda, r, root),
                    accessible: place.accessible,
                    access: if place.accessible {
                        labels.accessible
                    } else {
                        labels.not_accessible
                    },
                })
            })
            .clone()
    }

    /// A session's track names it; its description is the legend's.
    fn track(
        &mut self,
        agenda: &Agenda,
        locale: &Locale,
        t: usize,
        root: Option<&str>,
    ) -> Arc<TrackView> {
        self.tracks[t]
            .get_or_insert_with(|| {
                Arc::new(TrackView {
                    description_html: None,
                    description_text: None,
                    ..track_view(agenda, locale, t, false, root)
                })
            })
            .clone()
    }

    fn person(&mut self, agenda: &Agenda, locale: &Locale, p: usize) -> Arc<PersonView> {
        self.people[p]
            .get_or_insert_with(|| Arc::new(person(agenda, locale, p)))
            .clone()
    }
}

fn session(
    agenda: &Agenda,
    locale: &Locale,
    entry: &Entry,
    links: &IcsLinks,
    shared: &mut Shared,
    clocks: &Clocks,
    templates: bool,
) -> SessionView {
    // What only templates read is left out of the built-in writer's views.
    let only_templates = |make: &dyn Fn() -> String| if templates { make() } else { String::new() };
    let labels = locale.labels();
    let mark = links
        .changes
        .as_ref()
        .and_then(|c| c.marks.get(entry.id).copied());
    let slot = entry.slot;
    let (date, day, start, end, time, start_iso, end_iso, minutes) = match slot {
        Some((s, e)) => {
            let ls = to_local(agenda.display, s);
            let c = clocks;
            let time = c.range(agenda, locale, s, e);
            (
                Some(c.date(ls.date_naive())),
                templates.then(|| c.long_date(locale, ls.date_naive())),
                templates.then(|| c.clock(agenda, locale, s)),
                templates.then(|| c.clock(agenda, locale, e)),
                Some(time),
                Some(c.iso(agenda, s)),
                Some(c.iso(agenda, e)),
                Some((e - s) / 60),
            )
        }
        None => (None, None, None, None, None, None, None, None),
    };
    let root = links.root.as_deref();
    let room = entry.room.map(|r| shared.room(agenda, locale, r, root));
    let place = match (&room, slot) {
        (Some(r), _) => Some(r.name.clone()),
        (None, Some(_)) => Some(labels.everyone.to_string()),
        (None, None) => None,
    };
    let views = |people: &[usize], shared: &mut Shared| -> Vec<Arc<PersonView>> {
        match templates {
            true => people
                .iter()
                .map(|&p| shared.person(agenda, locale, p))
                .collect(),
            false => Vec::new(),
        }
    };
    let speakers = views(&entry.speakers, shared);
    let moderators = views(&entry.moderators, shared);
    let ids = |people: &[usize]| match templates {
        true => Vec::new(),
        false => people.to_vec(),
    };
    let (description_html, description_text) =
        rendered(locale, entry.description.as_deref(), links.rich);
    let names = |list: &[Arc<PersonView>]| {
        list.iter()
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(labels.list_separator)
    };
    SessionView {
        id: only_templates(&|| entry.id.to_string()),
        anchor: format!("s-{}", entry.key),
        title: locale.typography(&entry.title),
        kind: entry.kind.as_str(),
        kind_label: locale.kind(entry.kind),
        status: entry.status.as_str(),
        status_label: match entry.status {
            Status::Cancelled => Some(labels.cancelled),
            Status::Tentative => Some(labels.tentative),
            Status::Confirmed => None,
        },
        change: mark.map(Mark::as_str),
        change_glyph: mark.map(|m| match m {
            Mark::New => "★",
            Mark::Moved => "→",
            Mark::Changed => "✎",
            Mark::Cancelled => "✕",
        }),
        change_label: mark.map(|m| match m {
            Mark::New => labels.mark_new,
            Mark::Moved => labels.mark_moved,
            Mark::Changed => labels.mark_changed,
            Mark::Cancelled => labels.mark_cancelled,
        }),
        cancelled: entry.status == Status::Cancelled,
        tentative: entry.status == Status::Tentative,
        is_break: entry.kind == Kind::Break,
        plenary: entry.plenary,
        date,
        day,
        start,
        end,
        time,
        start_iso,
        end_iso,
        duration_minutes: minutes,
        room,
        place,
        track: entry.track.map(|t| shared.track(agenda, locale, t, root)),
        speaker_names: only_templates(&|| names(&speakers)),
        moderator_names: only_templates(&|| names(&moderators)),
        speakers,
        moderators,
        speaker_ids: ids(&entry.speakers),
        moderator_ids: ids(&entry.moderators),
        description: entry
            .description
            .as_deref()
            .filter(|_| templates)
            .map(|d| locale.typography(d)),
        // Typography keeps the length: a description is written when the organiser's is not
        // empty.
        described: entry.description.as_deref().is_some_and(|d| !d.is_empty()),
        description_html,
        description_text,
        url: entry.url.map(str::to_string),
        url_text: entry.url_text.as_deref().map(str::to_string),
        url_host: host(entry.url),
        tags: entry.tags.iter().map(|t| t.to_string()).collect(),
        language: entry.language.as_deref().map(str::to_string),
        language_name: shown_language(agenda, entry)
            .filter(|_| templates)
            .map(|t| locale.language_name(t)),
        interpretation: if templates {
            entry.interpretation.to_vec()
        } else {
            Vec::new()
        },
        interpretation_names: only_templates(&|| names_of(locale, entry.interpretation)),
        languages_line: languages_line(agenda, locale, entry),
        public_url: agenda
            .base
            .as_ref()
            .filter(|_| templates)
            .map(|b| format!("{b}#s-{}", entry.key)),
        ics: (links.sessions && slot.is_some()).then(|| {
            let relative = format!("{}sessions/{}.ics", root.unwrap_or(""), entry.key);
            match public_folder(agenda) {
                Some(folder) => format!("{folder}sessions/{}.ics", entry.key),
                None => relative,
            }
        }),
        grid: None,
        opens: None,
    }
}

/// Lay out one day's sessions on a grid: a column per room (split into lanes when sessions
/// of a room overlap), a row per distinct start or end time. Event-wide sessions span every
/// room, unless one overlaps a room's session: then they get a column of their own.
fn grid(
    agenda: &Agenda,
    locale: &Locale,
    clocks: &Clocks,
    entries: &[&Entry],
    day_anchor: &str,
    root: Option<&str>,
) -> (Vec<ColumnView>, Vec<SlotView>, Vec<Place>) {
    let mut bounds: Vec<Instant> = entries
        .iter()
        .filter_map(|e| e.slot)
        .flat_map(|(s, e)| [s, e])
        .collect();
    bounds.sort_unstable();
    bounds.dedup();
    let row = |t: Instant| bounds.binary_search(&t).unwrap_or(0) + 2;

    let wide = |e: &Entry| e.room.is_none();
    let overlaps = |a: (Instant, Instant), b: (Instant, Instant)| a.0 < b.1 && b.0 < a.1;
    let wide_clash = entries.iter().any(|w| {
        wide(w)
            && entries.iter().any(|r| {
                !wide(r) && overlaps(w.slot.unwrap_or_default(), r.slot.unwrap_or_default())
            })
    });

    // Columns: key None = the event-wide column (only when needed), Some(room index).
    let mut keys: Vec<Option<usize>> = Vec::new();
    if wide_clash && entries.iter().any(|e| wide(e)) {
        keys.push(None);
    }
    let mut rooms: Vec<usize> = entries.iter().filter_map(|e| e.room).collect();
    rooms.sort_unstable();
    rooms.dedup();
    keys.extend(rooms.into_iter().map(Some));
    if keys.is_empty() {
        keys.push(None);
    }

    // Lanes within each column: greedy, in start order.
    let mut lanes_of: BTreeMap<Option<usize>, Vec<Instant>> = BTreeMap::new();
    let mut lane = vec![0usize; entries.len()];
    for (i, e) in entries.iter().enumerate() {
        if wide(e) && !wide_clash {
            continue;
        }
        let (s, end) = e.slot.unwrap_or_default();
        let ends = lanes_of.entry(e.room).or_default();
        let free = ends.iter().position(|&last| last <= s);
        let l = match free {
            Some(l) => l,
            None => {
                ends.push(0);
                ends.len() - 1
            }
        };
        ends[l] = end;
        lane[i] = l;
    }
    let mut columns = Vec::new();
    let mut col = 2;
    let mut start_of: BTreeMap<Option<usize>, usize> = BTreeMap::new();
    for key in &keys {
        let n = lanes_of.get(key).map_or(1, |v| v.len().max(1));
        start_of.insert(*key, col);
        let (name, location, page) = match key {
            Some(r) => (
                locale.typography(&agenda.rooms[*r].name),
                agenda.rooms[*r]
                    .location
                    .as_deref()
                    .map(|l| locale.typography(l)),
                room_page(agenda, *r, root),
            ),
            None => (locale.labels().everyone.to_string(), None, None),
        };
        columns.push(ColumnView {
            name,
            location,
            page,
            col_start: col,
            col_end: col + n,
        });
        col += n;
    }
    let last_col = col;
    let mut places = vec![Place::default(); entries.len()];
    for (i, e) in entries.iter().enumerate() {
        let Some((s, end)) = e.slot else { continue };
        let (col_start, col_end) = if wide(e) && !wide_clash {
            (2, last_col)
        } else {
            let c = start_of.get(&e.room).copied().unwrap_or(2) + lane[i];
            (c, c + 1)
        };
        places[i].grid = Some(GridView {
            row_start: row(s),
            row_end: row(end),
            col_start,
            col_end,
        });
    }
    let slots: Vec<SlotView> = bounds
        .iter()
        .take(bounds.len().saturating_sub(1))
        .map(|&t| SlotView {
            // 02:30 happens twice on the night clocks go back: say which.
            label: clocks.slot_label(agenda, locale, t),
            row: row(t),
            anchor: format!("{day_anchor}-{}", row(t)),
            starts: entries.iter().any(|e| e.slot.is_some_and(|(s, _)| s == t)),
            iso: clocks.iso(agenda, t),
        })
        .collect();
    // The first session of each start time opens its slot (the entries are in start order).
    let mut opened = std::collections::BTreeSet::new();
    for (i, e) in entries.iter().enumerate() {
        let Some((s, _)) = e.slot else { continue };
        if opened.insert(s) {
            places[i].opens = slots.iter().find(|v| v.row == row(s)).cloned();
        }
    }
    (columns, slots, places)
}

/// The speakers and moderators of the selected sessions, by name as people read them (the
/// same collation as the editor), then by index; and each person's entries in reading order
/// (indexed by person; positions in `agenda.entries`). One home for the view and the native
/// agenda writers.
pub(crate) fn speaker_index(
    agenda: &Agenda,
    locale: &Locale,
) -> (Vec<usize>, foldhash::HashMap<usize, Vec<usize>>) {
    let mut people: Vec<usize> = agenda
        .entries
        .iter()
        .flat_map(|e| e.speakers.iter().chain(e.moderators.iter()).copied())
        .collect();
    people.sort_unstable();
    people.dedup();
    // Each person's entries in reading order, from one pass over the entries (an entry's
    // speakers and moderators are distinct, so each entry comes once per person).
    // A map: a room's page names a few of the program's thousands of people.
    let mut entries_of: foldhash::HashMap<usize, Vec<usize>> = foldhash::HashMap::default();
    for (i, e) in agenda.entries.iter().enumerate() {
        for &p in e.speakers.iter().chain(e.moderators.iter()) {
            entries_of.entry(p).or_default().push(i);
        }
    }
    // By name as people read them (the same collation as the editor), then by index.
    match agenda.people_rank(&locale.tag) {
        Some(rank) => people.sort_unstable_by_key(|&p| rank.get(p).copied()),
        None => people.sort_by(|&a, &b| {
            crate::collate::cmp(&locale.tag, &agenda.people[a].name, &agenda.people[b].name)
                .then(a.cmp(&b))
        }),
    }
    (people, entries_of)
}

/// The tracks used by the selected sessions, in the program's order.
pub(crate) fn used_tracks(agenda: &Agenda) -> Vec<usize> {
    let mut used: Vec<usize> = agenda.entries.iter().filter_map(|e| e.track).collect();
    used.sort_unstable();
    used.dedup();
    used
}

/// "Times are local (Europe/Paris)", or that they are in UTC.
pub(crate) fn times_note(agenda: &Agenda, locale: &Locale) -> String {
    if agenda.display == agenda.tz {
        locale.times_note(agenda.tz.name())
    } else {
        locale.labels().times_in_utc.to_string()
    }
}

/// The event's languages by name ("français, anglais"), empty unless it lists two or more.
pub(crate) fn event_language_names(agenda: &Agenda, locale: &Locale) -> String {
    let languages = &agenda.event.languages;
    if languages.len() > 1 {
        names_of(locale, languages)
    } else {
        String::new()
    }
}

/// The whole context for a template: the [`frame`] with every session's view made, each
/// placed session's view shared by the whole list and its day's list; `clocks` as for
/// [`frame`].
pub(crate) fn build(agenda: &Agenda, locale: &Locale, links: &IcsLinks, clocks: &Clocks) -> View {
    let (mut view, mut maker) = frame_for(agenda, locale, links, clocks, true);
    let views: Vec<Option<Arc<SessionView>>> = agenda
        .entries
        .iter()
        .map(|e| e.slot.is_some().then(|| Arc::new(maker.session(e))))
        .collect();
    view.sessions = views.iter().flatten().cloned().collect();
    view.days = std::mem::take(&mut view.days)
        .into_iter()
        .map(|day| {
            let mut day = Arc::unwrap_or_clone(day);
            day.sessions = day
                .entries
                .iter()
                .zip(&day.places)
                .filter_map(|(&i, place)| Some(Arc::new(place.of(views[i].clone()?))))
                .collect();
            Arc::new(day)
        })
        .collect();
    view
}

/// Makes the views of a [`frame`]'s sessions, a day at a time if need be: the rooms, tracks
/// and people they name are each built once, and so are their times.
pub(crate) struct Maker<'v, 'p> {
    agenda: &'v Agenda<'p>,
    locale: &'v Locale,
    links: &'v IcsLinks,
    shared: Shared,
    clocks: &'v Clocks,
    /// Whether the views are for a template (else for the built-in writer: see
    /// [`SessionView`]).
    templates: bool,
}

impl<'v> Maker<'v, '_> {
    /// A maker of the same page's views, for another core: it remembers its own rooms,
    /// tracks and people.
    pub(crate) fn fork(&self) -> Self {
        Maker {
            shared: Shared::new(self.agenda),
            ..*self
        }
    }

    fn session(&mut self, entry: &Entry) -> SessionView {
        session(
            self.agenda,
            self.locale,
            entry,
            self.links,
            &mut self.shared,
            self.clocks,
            self.templates,
        )
    }

    /// Person `p` as a session names them.
    pub(crate) fn person_line(&self, p: usize) -> PersonLine<'v> {
        person_line(self.agenda, self.locale, p)
    }

    /// Person `p` as the speakers' index shows them.
    pub(crate) fn speaker_line(&self, p: usize) -> SpeakerLine<'v> {
        speaker_line(self.agenda, self.locale, p, self.links.rich)
    }

    /// Entry `i` as a speaker's sessions list it.
    pub(crate) fn speaker_session_line(&self, i: usize) -> SpeakerSessionLine<'v> {
        speaker_session_line(self.agenda, self.locale, self.clocks, i)
    }

    /// The sessions `range` of `day` (a day of the frame this maker came with), in its order,
    /// each with its place in the day's grid. The built-in HTML writer makes a thousand views at
    /// a time as it writes and drops them after: a big program's views are never all held.
    pub(crate) fn day_sessions<'d>(
        &mut self,
        day: &'d DayView,
        range: std::ops::Range<usize>,
    ) -> Vec<(SessionView, &'d Place)> {
        let entries = &self.agenda.entries;
        day.entries[range.clone()]
            .iter()
            .zip(&day.places[range])
            .map(|(&i, place)| (self.session(&entries[i]), place))
            .collect()
    }
}

/// Where a session of a day's list sits: its place on the day's grid and the time slot it
/// opens.
#[derive(Clone, Debug, Default)]
pub(crate) struct Place {
    grid: Option<GridView>,
    opens: Option<SlotView>,
}

impl Place {
    /// The session's place on the day's grid.
    pub(crate) fn grid(&self) -> Option<&GridView> {
        self.grid.as_ref()
    }

    /// The time slot the session opens, if it is the first to start then.
    pub(crate) fn opens(&self) -> Option<&SlotView> {
        self.opens.as_ref()
    }

    fn of(&self, session: Arc<SessionView>) -> DaySession {
        DaySession {
            session,
            grid: self.grid.clone(),
            opens: self.opens.clone(),
        }
    }
}

/// Everything the page shows but the placed sessions' views: each day's layout names its
/// sessions, whose views the [`Maker`] makes ([`build`] makes them all, for the templates).
/// `clocks` may be shared by every page of an export. For the built-in HTML writer: its views
/// leave out what only templates read ([`SessionView`]).
pub(crate) fn frame<'v, 'p>(
    agenda: &'v Agenda<'p>,
    locale: &'v Locale,
    links: &'v IcsLinks,
    clocks: &'v Clocks,
) -> (View, Maker<'v, 'p>) {
    frame_for(agenda, locale, links, clocks, false)
}

/// A page with fewer speakers than this makes their views (the built-in writer: writes their
/// lines) on one core.
pub(crate) const SPEAKERS_ON_ONE_CORE: usize = 2_000;

/// [`frame`], its views for a template when `templates`.
fn frame_for<'v, 'p>(
    agenda: &'v Agenda<'p>,
    locale: &'v Locale,
    links: &'v IcsLinks,
    clocks: &'v Clocks,
    templates: bool,
) -> (View, Maker<'v, 'p>) {
    let labels = locale.labels();
    let mut maker = Maker {
        agenda,
        locale,
        links,
        shared: Shared::new(agenda),
        clocks,
        templates,
    };
    // The placed sessions by day, as positions in the agenda's entries.
    let placed: Vec<(usize, chrono::NaiveDate)> = agenda
        .entries
        .iter()
        .enumerate()
        .filter_map(|(i, e)| agenda.day_of(e).map(|d| (i, d)))
        .collect();
    let mut days = Vec::new();
    for date in agenda.days() {
        let positions: Vec<usize> = placed
            .iter()
            .filter(|&&(_, d)| d == date)
            .map(|&(i, _)| i)
            .collect();
        let entries: Vec<&Entry> = positions.iter().map(|&i| &agenda.entries[i]).collect();
        let anchor = format!("day-{date}");
        let (columns, slots, places) = grid(
            agenda,
            locale,
            clocks,
            &entries,
            &anchor,
            links.root.as_deref(),
        );
        let long = locale.long_date(date);
        days.push(Arc::new(DayView {
            date: date.to_string(),
            anchor,
            title: capitalise(&long),
            long,
            column_count: columns.iter().map(|c| c.col_end - c.col_start).sum(),
            row_count: slots.len() + 1,
            columns,
            slots,
            sessions: Vec::new(),
            entries: positions,
            places,
        }));
    }
    let unscheduled: Vec<Arc<SessionView>> = agenda
        .unplaced()
        .map(|e| Arc::new(maker.session(e)))
        .collect();
    let tracks = used_tracks(agenda)
        .into_iter()
        .map(|t| track_view(agenda, locale, t, links.rich, links.root.as_deref()))
        .collect();

    let (people, entries_of) = speaker_index(agenda, locale);
    let speaker_index = SpeakerIndex { people, entries_of };
    // The whole program's page lists every speaker (20,000 at 100,000 sessions): on every
    // core. The built-in writer writes them from the agenda instead.
    let speakers = match templates {
        false => Vec::new(),
        true => crate::parallel::map_in_pieces(&speaker_index.people, SPEAKERS_ON_ONE_CORE, |&p| {
            let person = &agenda.people[p];
            let line = speaker_line(agenda, locale, p, links.rich);
            let (bio_html, bio_text) = line.bio;
            let PersonView {
                id,
                anchor,
                name,
                role,
                affiliation,
                roles,
            } = person_view(agenda, line.person, p);
            SpeakerView {
                id,
                anchor,
                name,
                role,
                affiliation,
                roles,
                bio: person.bio.as_deref().map(|b| locale.typography(b)),
                bio_html,
                bio_text,
                url: line.url.map(str::to_string),
                url_text: line.url_text.map(str::to_string),
                url_host: line.url_host,
                sessions: speaker_index
                    .entries(p)
                    .iter()
                    .map(|&i| {
                        let s = speaker_session_line(agenda, locale, clocks, i);
                        SpeakerSessionView {
                            id: s.id.to_string(),
                            anchor: format!("s-{}", s.key),
                            title: s.title.into_owned(),
                            when: s.when.map(|w| w.to_string()),
                            place: s.place.map(str::to_string),
                            cancelled: s.cancelled,
                        }
                    })
                    .collect(),
            }
        }),
    };

    let times_note = times_note(agenda, locale);
    let e = &agenda.event;
    let (description_html, description_text) =
        rendered(locale, e.description.as_deref(), links.rich);
    let ics_label = match (&agenda.subject, agenda.filtered) {
        (Some(s), _) => locale.part_ics(&s.name),
        (None, true) => labels.selection_ics.to_string(),
        (None, false) => labels.whole_program_ics.to_string(),
    };
    let public = links
        .program
        .as_ref()
        .and_then(|ics| public_view(agenda, ics));
    let view = View {
        lang: locale.tag.clone(),
        dir: locale.dir.as_str(),
        labels,
        title: agenda.title(),
        event: EventView {
            id: e.id.clone(),
            name: e.name.clone(),
            dates: locale.date_range(e.start, e.end),
            venue: e.venue.clone(),
            url: e.url.clone(),
            url_text: e.url_text.clone(),
            url_host: host(e.url.as_deref()),
            description: e.description.clone(),
            description_html,
            description_text,
            timezone: agenda.tz.name().to_string(),
            language: e.language.clone(),
            languages: e.languages.clone(),
            language_names: event_language_names(agenda, locale),
        },
        subject: agenda.subject.as_ref().map(|s| SubjectView {
            kind: match s.split {
                crate::export::Split::Rooms => "room",
                crate::export::Split::Speakers => "speaker",
                crate::export::Split::Tracks => "track",
                crate::export::Split::Sessions => "session",
            },
            id: s.id.clone(),
            name: s.name.clone(),
        }),
        times_note,
        ics: links.program.clone(),
        changes: links
            .changes
            .as_ref()
            .filter(|_| links.program.is_some() && agenda.subject.is_none())
            .map(|_| "changes.html".to_string()),
        tracks,
        days,
        sessions: Vec::new(),
        unscheduled,
        speakers,
        speaker_index,
        generator: "agora",
        brief: links.brief,
        ics_label,
        public,
        web: web(agenda, locale, links),
    };
    (view, maker)
}

/// The filters' choices: the rooms, kinds and languages of the exported sessions.
fn web(agenda: &Agenda, locale: &Locale, links: &IcsLinks) -> WebView {
    let root = links.root.as_deref();
    let mut rooms: Vec<usize> = agenda.entries.iter().filter_map(|e| e.room).collect();
    rooms.sort_unstable();
    rooms.dedup();
    let mut kinds: Vec<Kind> = agenda.entries.iter().map(|e| e.kind).collect();
    kinds.sort_by_key(|k| k.as_str());
    kinds.dedup();
    let mut languages: Vec<String> = agenda
        .entries
        .iter()
        .map(|e| spoken_language(agenda, e).to_string())
        .collect();
    languages.sort();
    languages.dedup();
    WebView {
        home: match (root, &agenda.subject) {
            (Some(r), Some(_)) => Some(format!("{r}index.html")),
            _ => None,
        },
        root: root.map(str::to_string),
        rooms: rooms
            .into_iter()
            .map(|r| {
                let room = &agenda.rooms[r];
                RoomView {
                    id: room.id.clone(),
                    name: locale.typography(&room.name),
                    location: room.location.clone(),
                    page: room_page(agenda, r, root),
                    accessible: room.accessible,
                    access: if room.accessible {
                        locale.labels().accessible
                    } else {
                        locale.labels().not_accessible
                    },
                }
            })
            .collect(),
        kinds: kinds
            .into_iter()
            .map(|k| KindView {
                id: k.as_str(),
                label: locale.kind(k),
            })
            .collect(),
        languages: languages
            .into_iter()
            .map(|tag| LanguageView {
                name: locale.language_name(&tag),
                tag,
            })
            .collect(),
        now: locale.signage().now,
        next: locale.signage().next,
        timezone: agenda.display.name().to_string(),
    }
}

/// The folder of this page on the public site, ending in `/`: the base for the whole
/// program, `<split>/<id>/` under it for a part.
fn public_folder(agenda: &Agenda) -> Option<String> {
    let base = agenda.base.as_ref()?;
    Some(match &agenda.subject {
        Some(s) => format!("{base}{}/{}/", s.split.folder(), s.id),
        None => base.clone(),
    })
}

/// `webcal://` for an `http(s)://` address (calendar programs subscribe to it).
pub(crate) fn webcal(url: &str) -> String {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .unwrap_or(url);
    format!("webcal://{rest}")
}

fn public_view(agenda: &Agenda, ics: &str) -> Option<PublicView> {
    let base = agenda.base.as_ref()?;
    let folder = public_folder(agenda)?;
    let page = folder.clone();
    let ics_url = format!("{folder}{ics}");
    let part = agenda.subject.is_some();
    let program_ics = format!("{base}{}.ics", agenda.event.id);
    Some(PublicView {
        qr_page: crate::export::qr::svg(&page),
        qr_webcal: crate::export::qr::svg(&webcal(&ics_url)),
        webcal: webcal(&ics_url),
        page,
        ics: ics_url,
        program_page: part.then(|| base.clone()),
        program_webcal: part.then(|| webcal(&program_ics)),
        program_ics: part.then_some(program_ics),
    })
}

/// A value the templates read in place: a shared object, or a list of them.
trait SharedValue {
    fn value(&self) -> Value;
}

impl<T: Object + Send + Sync + 'static> SharedValue for Arc<T> {
    fn value(&self) -> Value {
        Value::from_dyn_object(self.clone())
    }
}

impl<T: SharedValue> SharedValue for Option<T> {
    fn value(&self) -> Value {
        self.as_ref().map_or(Value::from(()), SharedValue::value)
    }
}

impl<T: SharedValue> SharedValue for Vec<T> {
    fn value(&self) -> Value {
        Value::from(self.iter().map(SharedValue::value).collect::<Vec<_>>())
    }
}

/// One field as a template value: `plain` fields as serde would give them to minijinja (the
/// values a serialised copy held, so every template reads the same), `shared` ones as objects.
macro_rules! field {
    ($value:expr) => {
        Value::from_serialize(&$value)
    };
    ($value:expr, shared) => {
        SharedValue::value(&$value)
    };
}

/// A struct as a minijinja map object: its fields, in declaration order (what `items` and
/// `tojson` show), each converted when a template reads it.
macro_rules! template_object {
    ($ty:ty { $($field:ident $(: $how:ident)?),* $(,)? }) => {
        impl $ty {
            /// The field names, in the order the struct declares them.
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn field(&self, key: &str) -> Option<Value> {
                Some(match key {
                    $(stringify!($field) => field!(self.$field $(, $how)?),)*
                    _ => return None,
                })
            }
        }

        impl Object for $ty {
            fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
                self.field(key.as_str()?)
            }

            fn enumerate(self: &Arc<Self>) -> Enumerator {
                Enumerator::Str(Self::FIELDS)
            }

            fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
                Some(Self::FIELDS.len())
            }
        }
    };
}

template_object!(RoomView {
    id,
    name,
    location,
    page,
    accessible,
    access
});
template_object!(PersonView {
    id,
    anchor,
    name,
    role,
    affiliation,
    roles
});
template_object!(TrackView {
    id,
    name,
    color,
    color_dark,
    description,
    description_html,
    description_text,
    page,
});

template_object!(SessionView {
    id,
    anchor,
    title,
    kind,
    kind_label,
    status,
    status_label,
    change,
    change_glyph,
    change_label,
    cancelled,
    tentative,
    is_break,
    plenary,
    date,
    day,
    start,
    end,
    time,
    start_iso,
    end_iso,
    duration_minutes,
    room: shared,
    place,
    track: shared,
    speakers: shared,
    moderators: shared,
    speaker_names,
    moderator_names,
    description,
    description_html,
    description_text,
    url,
    url_text,
    url_host,
    tags,
    language,
    language_name,
    interpretation,
    interpretation_names,
    languages_line,
    public_url,
    ics,
    grid,
    opens,
});

template_object!(DayView {
    date,
    anchor,
    long,
    title,
    sessions: shared,
    columns,
    column_count,
    slots,
    row_count,
});

/// A session of a day's list: the shared session, with its own `grid` and `opens`.
impl Object for DaySession {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "grid" => Some(field!(self.grid)),
            "opens" => Some(field!(self.opens)),
            key => self.session.field(key),
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(SessionView::FIELDS)
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(SessionView::FIELDS.len())
    }
}

/// The top of a template's context: each field converted once (the labels, the event, the
/// speakers' index are small), the sessions, days, rooms, tracks and people shared objects.
#[derive(Debug)]
struct Root(Vec<(&'static str, Value)>);

impl Object for Root {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        self.0
            .iter()
            .find_map(|(name, value)| (*name == key).then(|| value.clone()))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.0.iter().map(|(name, _)| Value::from(*name)).collect())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.0.len())
    }
}

impl View {
    /// The template context: the fields a serialised `View` had, in its order.
    pub(crate) fn into_context(self) -> Value {
        let fields = vec![
            ("lang", field!(self.lang)),
            ("dir", field!(self.dir)),
            ("labels", field!(self.labels)),
            ("title", field!(self.title)),
            ("event", field!(self.event)),
            ("subject", field!(self.subject)),
            ("times_note", field!(self.times_note)),
            ("ics", field!(self.ics)),
            ("changes", field!(self.changes)),
            ("tracks", field!(self.tracks)),
            ("days", field!(self.days, shared)),
            ("sessions", field!(self.sessions, shared)),
            ("unscheduled", field!(self.unscheduled, shared)),
            ("speakers", field!(self.speakers)),
            ("generator", field!(self.generator)),
            ("brief", field!(self.brief)),
            ("ics_label", field!(self.ics_label)),
            ("public", field!(self.public)),
            ("web", field!(self.web)),
        ];
        Value::from_object(Root(fields))
    }
}
