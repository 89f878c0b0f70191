//! What the screens say, in the event's language: the marks, the sentences for a room with
//! nothing on, "free until". One home for the terminal display and the kiosk pages.

use crate::export::locale::Locale;
use crate::signage::{Board, Mark, Phase, RoomNow};
use crate::time::{to_local, Instant};

/// `HH:MM` in the event's zone.
pub(crate) fn hm(board: &Board, t: Instant) -> String {
    to_local(board.event.tz, t).format("%H:%M").to_string()
}

/// `words` with its `{}` replaced by `value`.
pub(crate) fn fill(words: &str, value: &str) -> String {
    words.replacen("{}", value, 1)
}

/// Whether a mark means the session does not take place in the room showing it.
pub(crate) fn gone(mark: Mark) -> bool {
    matches!(mark, Mark::Cancelled | Mark::MovedTo(_))
}

/// "Annulé", "Moved to Salle Rhône", …; `None` for a plain session.
pub(crate) fn mark_text(board: &Board, locale: &Locale, mark: Mark) -> Option<String> {
    let words = locale.signage();
    match mark {
        Mark::Plain => None,
        Mark::Cancelled => Some(locale.labels().cancelled.to_string()),
        Mark::Tentative => Some(locale.labels().tentative.to_string()),
        Mark::MovedTo(r) => Some(fill(words.moved_to, &board.rooms[r].name)),
        Mark::MovedFrom(r) => Some(fill(words.moved_from, &board.rooms[r].name)),
    }
}

/// For a room with nothing on: the sentence, and the room's next session on a later day
/// ("Next here: Wednesday 6 December at 09:00 — Title"). Both `None` while something is on.
pub(crate) fn phase_lines(
    board: &Board,
    locale: &Locale,
    state: &RoomNow,
    t: Instant,
) -> (Option<String>, Option<String>) {
    let words = locale.signage();
    let tz = board.event.tz;
    let when = |i: usize| {
        let s = board.items[i].start;
        let date = to_local(tz, s).date_naive();
        let day = if date == to_local(tz, t).date_naive() {
            hm(board, s)
        } else {
            locale.day_at(date, &hm(board, s))
        };
        fill(
            words.later_here,
            &format!("{day} — {}", board.items[i].title),
        )
    };
    match state.phase {
        Phase::On | Phase::Free => (None, None),
        Phase::Before { first_here, starts } => {
            let date = to_local(tz, starts).date_naive();
            (
                Some(fill(words.starts, &locale.day_at(date, &hm(board, starts)))),
                first_here.map(when),
            )
        }
        Phase::DoneToday { later } => (Some(words.done_today.to_string()), later.map(when)),
        Phase::NoneToday { later } => (Some(words.none_today.to_string()), later.map(when)),
        Phase::Ended => (Some(words.ended.to_string()), None),
    }
}

/// "Free until 14:00": the start of the next session that takes place in `room`.
pub(crate) fn free_until(
    board: &Board,
    locale: &Locale,
    room: usize,
    state: &RoomNow,
) -> Option<String> {
    state
        .next
        .iter()
        .find(|&&i| !gone(board.mark(room, i)))
        .map(|&i| {
            fill(
                locale.signage().free_until,
                &hm(board, board.items[i].start),
            )
        })
}
