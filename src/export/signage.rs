//! The signage export: a kiosk page per room for the screens beside the doors, an index linking
//! them, and a `now-next.json` per room for players such as info-beamer (docs/signage.md).
//!
//! A room's screens over the whole event are a timeline of states (`signage::Board::timeline`):
//! each page holds every state, pre-rendered and escaped by the template, and shows the one in
//! force at the export's timestamp. A small inline script (no network, no library) shows the
//! state of the current moment, ticks the clock and the countdowns every second, and reloads
//! the page every ten minutes to pick up a new export. Without JavaScript the page reloads
//! itself every minute (`<meta http-equiv="refresh">` in `<noscript>`), so a kiosk fed by a
//! periodic `agora export signage` stays current.

use serde::Serialize;

use crate::export::agenda::Agenda;
use crate::export::locale::{capitalise, Labels, Locale, SignageWords};
use crate::export::template::{self, Escape};
use crate::signage::words::{fill, free_until, gone, hm, mark_text, phase_lines};
use crate::signage::{progress, span_words, Baseline, Board, Mark, Phase, RoomNow};
use crate::time::{rfc3339, to_local, Instant};

const PAGE: &str = include_str!("templates/signage.html");
const INDEX: &str = include_str!("templates/signage-index.html");
/// Next sessions on a kiosk page.
const NEXT: usize = 3;

#[derive(Serialize)]
struct ItemView {
    key: String,
    title: String,
    people: String,
    start: Instant,
    end: Instant,
    start_hm: String,
    end_hm: String,
    /// "Cancelled", "Moved to Salle Rhône"…
    mark: Option<String>,
    /// `cancelled`, `moved-to`, `moved-from`, `tentative`.
    mark_class: Option<&'static str>,
    /// Does not take place in this room (cancelled, moved away).
    gone: bool,
    event_wide: bool,
    kind: &'static str,
    /// The element's classes: `gone`, `wide`, or empty.
    classes: String,
    /// At the export's timestamp: "in 12 min", "28 min left", the elapsed percentage.
    in_text: String,
    left_text: String,
    percent: String,
}

#[derive(Serialize)]
struct StateView {
    from: Option<Instant>,
    to: Option<Instant>,
    shown: bool,
    date: String,
    now: Option<ItemView>,
    message: Option<String>,
    detail: Option<String>,
    next: Vec<ItemView>,
}

#[derive(Serialize)]
struct RoomLink {
    id: String,
    name: String,
    location: Option<String>,
    href: String,
}

#[derive(Serialize)]
struct PageView<'a> {
    lang: String,
    /// `ltr` or `rtl`.
    dir: &'static str,
    title: String,
    event_name: String,
    room: Option<RoomLink>,
    words: &'a SignageWords,
    labels: &'a Labels,
    timezone: String,
    clock: String,
    /// `from:offset` pairs (seconds), for the clock in the event's zone.
    offsets: String,
    /// The language's durations for the countdowns ([`Locale::span_table`]).
    spans: String,
    states: Vec<StateView>,
    rooms: Vec<RoomLink>,
    generated: String,
    refresh: u32,
}

/// The JSON shape of `now-next.json` (docs/signage.md).
#[derive(Serialize)]
struct NowNextJson {
    format: &'static str,
    version: u32,
    generated: String,
    event: JsonEvent,
    room: JsonRoom,
    sessions: Vec<JsonSession>,
    timeline: Vec<JsonState>,
}

#[derive(Serialize)]
struct JsonEvent {
    id: String,
    name: String,
    timezone: String,
}

#[derive(Serialize)]
struct JsonRoom {
    id: String,
    name: String,
    location: Option<String>,
}

#[derive(Serialize)]
struct JsonSession {
    key: String,
    id: String,
    title: String,
    kind: &'static str,
    status: &'static str,
    start: String,
    end: String,
    start_unix: Instant,
    end_unix: Instant,
    people: Vec<String>,
    event_wide: bool,
    /// `null`, `cancelled`, `tentative`, `moved-to`, `moved-from`.
    mark: Option<&'static str>,
    /// The other room of a move.
    mark_room: Option<JsonRoom>,
}

#[derive(Serialize)]
struct JsonState {
    from_unix: Option<Instant>,
    to_unix: Option<Instant>,
    phase: &'static str,
    now: Option<String>,
    #[serde(rename = "break")]
    wide: Option<String>,
    next: Vec<String>,
    later: Option<String>,
}

fn mark_of(board: &Board, room: usize, i: usize) -> (Mark, Option<&'static str>) {
    let mark = board.mark(room, i);
    let class = match mark {
        Mark::Plain => None,
        Mark::Cancelled => Some("cancelled"),
        Mark::Tentative => Some("tentative"),
        Mark::MovedTo(_) => Some("moved-to"),
        Mark::MovedFrom(_) => Some("moved-from"),
    };
    (mark, class)
}

fn item_view(board: &Board, locale: &Locale, room: usize, i: usize, t: Instant) -> ItemView {
    let item = &board.items[i];
    let words = locale.signage();
    let (mark, mark_class) = mark_of(board, room, i);
    let mark_text = mark_text(board, locale, mark);
    let people = if item.event_wide() {
        locale.labels().everyone.to_string()
    } else {
        item.people.join(", ")
    };
    ItemView {
        key: item.key.clone(),
        title: item.title.clone(),
        people,
        start: item.start,
        end: item.end,
        start_hm: hm(board, item.start),
        end_hm: hm(board, item.end),
        mark: mark_text,
        mark_class,
        gone: gone(mark),
        event_wide: item.event_wide(),
        classes: [
            gone(mark).then_some("gone"),
            item.event_wide().then_some("wide"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" "),
        kind: item.kind.as_str(),
        in_text: fill(words.in_, &span_words(locale, item.start - t)),
        left_text: fill(words.left, &span_words(locale, item.end - t)),
        percent: format!("{:.1}", progress(item.start, item.end, t) * 100.0),
    }
}

/// The event zone's UTC offsets around the event, as `from:offset` pairs.
fn offsets(board: &Board) -> String {
    use chrono::Offset;
    let Some((first, last)) = board.span() else {
        return String::new();
    };
    let mut out: Vec<(Instant, i64)> = Vec::new();
    let mut t = first - 7 * 86400;
    while t <= last + 7 * 86400 {
        let off = to_local(board.event.tz, t).offset().fix().local_minus_utc() as i64;
        if out.last().is_none_or(|l| l.1 != off) {
            // The exact instant of a change, to the minute.
            let mut from = t;
            if let Some(prev) = out.last() {
                let mut lo = t - 3600;
                while lo < t {
                    let o = to_local(board.event.tz, lo)
                        .offset()
                        .fix()
                        .local_minus_utc() as i64;
                    if o != prev.1 {
                        break;
                    }
                    lo += 60;
                }
                from = lo;
            }
            out.push((from, off));
        }
        t += 3600;
    }
    out.iter()
        .map(|(f, o)| format!("{f}:{o}"))
        .collect::<Vec<_>>()
        .join(",")
}

fn state_view(
    board: &Board,
    locale: &Locale,
    room: usize,
    from: Option<Instant>,
    to: Option<Instant>,
    state: &RoomNow,
    stamp: Instant,
) -> StateView {
    // Texts for the state's own moment: the stamp when it is the one shown, else its start.
    let shown = from.is_none_or(|f| f <= stamp) && to.is_none_or(|t| stamp < t);
    let t = if shown {
        stamp
    } else {
        from.or(to.map(|t| t - 1)).unwrap_or(stamp)
    };
    let (message, detail) = phase_lines(board, locale, state, t);
    let message = match (state.phase, message) {
        (Phase::Free, _) => free_until(board, locale, room, state),
        (_, m) => m,
    };
    StateView {
        from,
        to,
        shown,
        date: capitalise(&locale.day_month(to_local(board.event.tz, t).date_naive())),
        now: state
            .now
            .or(state.wide)
            .map(|i| item_view(board, locale, room, i, t)),
        message,
        detail,
        next: state
            .next
            .iter()
            .map(|&i| item_view(board, locale, room, i, t))
            .collect(),
    }
}

fn json_room(board: &Board, r: usize) -> JsonRoom {
    let room = &board.rooms[r];
    JsonRoom {
        id: room.id.clone(),
        name: room.name.clone(),
        location: room.location.clone(),
    }
}

fn now_next(
    board: &Board,
    room: usize,
    timeline: &[(Option<Instant>, Option<Instant>, RoomNow)],
    stamp: Instant,
) -> String {
    let tz = board.event.tz;
    let mut keys: Vec<usize> = board
        .room_items(room)
        .iter()
        .chain(board.wide_items())
        .copied()
        .collect();
    keys.sort_by_key(|&i| (board.items[i].start, i));
    keys.dedup();
    let sessions = keys
        .iter()
        .map(|&i| {
            let item = &board.items[i];
            let (mark, class) = mark_of(board, room, i);
            JsonSession {
                key: item.key.clone(),
                id: item.id.clone(),
                title: item.title.clone(),
                kind: item.kind.as_str(),
                status: item.status.as_str(),
                start: rfc3339(tz, item.start),
                end: rfc3339(tz, item.end),
                start_unix: item.start,
                end_unix: item.end,
                people: item.people.clone(),
                event_wide: item.event_wide(),
                mark: class,
                mark_room: match mark {
                    Mark::MovedTo(r) | Mark::MovedFrom(r) => Some(json_room(board, r)),
                    _ => None,
                },
            }
        })
        .collect();
    let key = |i: usize| board.items[i].key.clone();
    let timeline = timeline
        .iter()
        .map(|(from, to, s)| {
            let (phase, later) = match s.phase {
                Phase::On => ("on", None),
                Phase::Free => ("free", None),
                Phase::Before { first_here, .. } => ("before", first_here),
                Phase::DoneToday { later } => ("done-today", later),
                Phase::NoneToday { later } => ("none-today", later),
                Phase::Ended => ("ended", None),
            };
            JsonState {
                from_unix: *from,
                to_unix: *to,
                phase,
                now: s.now.map(key),
                wide: s.wide.map(key),
                next: s.next.iter().map(|&i| key(i)).collect(),
                later: later.map(key),
            }
        })
        .collect();
    let doc = NowNextJson {
        format: "agora-now-next",
        version: 1,
        generated: rfc3339(tz, stamp),
        event: JsonEvent {
            id: board.event.id.clone(),
            name: board.event.name.clone(),
            timezone: tz.name().to_string(),
        },
        room: json_room(board, room),
        sessions,
        timeline,
    };
    let mut text =
        serde_json::to_string_pretty(&doc).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    text
}

/// Why the signage pages could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignageError {
    #[error("the signage export needs rooms: the event (or the selection) has none")]
    NoRooms,
    #[error("the signage template failed: {0}")]
    Template(#[from] template::TemplateError),
}

/// The files of the signage export, relative to the output folder. `baseline`: where
/// sessions were at the last release (moves since are shown in both rooms).
pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    stamp: Instant,
    baseline: Option<&Baseline>,
) -> Result<Vec<(Vec<String>, String)>, SignageError> {
    let board = Board::from_agenda(agenda, baseline);
    // Every room for the whole program; the selected rooms' for a filtered one.
    let rooms: Vec<usize> = if agenda.filtered {
        let mut used: Vec<usize> = agenda.entries.iter().filter_map(|e| e.room).collect();
        used.sort_unstable();
        used.dedup();
        used
    } else {
        (0..board.rooms.len()).collect()
    };
    if rooms.is_empty() {
        return Err(SignageError::NoRooms);
    }
    let links: Vec<RoomLink> = rooms
        .iter()
        .map(|&r| RoomLink {
            id: board.rooms[r].id.clone(),
            name: board.rooms[r].name.clone(),
            location: board.rooms[r].location.clone(),
            href: format!("{}/index.html", board.rooms[r].id),
        })
        .collect();
    let tz = board.event.tz;
    let offsets = offsets(&board);
    let spans = locale.span_table();
    let page = |room: Option<usize>, states: Vec<StateView>, rooms: Vec<RoomLink>| PageView {
        lang: locale.tag.clone(),
        dir: locale.dir.as_str(),
        title: match room {
            Some(r) => format!("{} — {}", board.rooms[r].name, board.event.name),
            None => board.event.name.clone(),
        },
        event_name: board.event.name.clone(),
        room: room.map(|r| RoomLink {
            id: board.rooms[r].id.clone(),
            name: board.rooms[r].name.clone(),
            location: board.rooms[r].location.clone(),
            href: "../index.html".to_string(),
        }),
        words: locale.signage(),
        labels: locale.labels(),
        timezone: tz.name().to_string(),
        clock: hm(&board, stamp),
        offsets: offsets.clone(),
        spans: spans.clone(),
        states,
        rooms,
        generated: rfc3339(tz, stamp),
        refresh: 60,
    };
    let mut files = Vec::new();
    let index = template::render(Escape::Html, INDEX, None, &page(None, Vec::new(), links))?;
    files.push((vec!["signage".to_string(), "index.html".to_string()], index));
    for &r in &rooms {
        let timeline = board.timeline(r, NEXT);
        let states = timeline
            .iter()
            .map(|(from, to, s)| state_view(&board, locale, r, *from, *to, s, stamp))
            .collect();
        let html = template::render(Escape::Html, PAGE, None, &page(Some(r), states, Vec::new()))?;
        let id = board.rooms[r].id.clone();
        files.push((
            vec!["signage".to_string(), id.clone(), "index.html".to_string()],
            html,
        ));
        files.push((
            vec!["signage".to_string(), id, "now-next.json".to_string()],
            now_next(&board, r, &timeline, stamp),
        ));
    }
    Ok(files)
}
