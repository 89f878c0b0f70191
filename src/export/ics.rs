//! iCalendar (RFC 5545): one `VCALENDAR` for a program or a part of it, one `VEVENT` per
//! placed session, times with `TZID` and a `VTIMEZONE` (or in UTC under `--utc`).
//!
//! No `METHOD` is written: the file is a published snapshot, not an iTIP message, so no
//! `ORGANIZER` is needed and speakers are never `ATTENDEE`s (they appear in `DESCRIPTION`).
//! `UID`s are `<session-id>@<event-id>` in every file, so a re-import updates instead of
//! duplicating; cancelled sessions stay with `STATUS:CANCELLED`. With releases
//! (`crate::release::history`), `SEQUENCE` counts the releases where a session changed for
//! calendars, `DTSTAMP` and `LAST-MODIFIED` are the time of the last of them, and sessions
//! removed since an earlier release stay, cancelled; without, `SEQUENCE` is 0 and the stamps
//! are the export's timestamp (`SOURCE_DATE_EPOCH` when set). `REFRESH-INTERVAL` and
//! `X-PUBLISHED-TTL` come from the event's `refresh`. Serialisation itself is in
//! `contentline`.

use chrono::{DateTime, Datelike, NaiveDateTime, Timelike};
use chrono_tz::Tz;

use crate::export::agenda::{Agenda, Entry};
use crate::export::clean;
use crate::export::contentline::Lines;
use crate::export::locale::Locale;
use crate::export::vtimezone;
use crate::export::Body;
use crate::model::Status;
use crate::release::history::{ChangeInfo, Removed};
use crate::time::{day_start, to_local, Instant};

/// `PRODID` of every file; no version number, so exports only change when their content does.
pub(crate) const PRODID: &str = "-//agora//agora program export//EN";

/// `20171205T130000Z`.
pub(crate) fn utc_stamp(t: Instant) -> String {
    let mut out = String::with_capacity(16);
    utc_stamp_into(t, &mut out);
    out
}

/// [`utc_stamp`], appended to `out`.
fn utc_stamp_into(t: Instant, out: &mut String) {
    let utc = DateTime::from_timestamp(t, 0).unwrap_or(DateTime::UNIX_EPOCH);
    basic_into(utc.naive_utc(), out);
    out.push('Z');
}

/// `20171205T130000`: RFC 5545's DATE-TIME without a zone, as `%Y%m%dT%H%M%S` writes it
/// (digits written directly: a format string is parsed again on every call), appended to
/// `out`.
fn basic_into(t: NaiveDateTime, out: &mut String) {
    let (y, mo, d) = (t.year(), t.month(), t.day());
    let (h, mi, s) = (t.hour(), t.minute(), t.second());
    if !(0..=9999).contains(&y) {
        use std::fmt::Write as _;
        let _ = write!(out, "{}", t.format("%Y%m%dT%H%M%S"));
        return;
    }
    let digits = |out: &mut String, n: u32, width: u32| {
        for k in (0..width).rev() {
            out.push(char::from(b'0' + (n / 10u32.pow(k) % 10) as u8));
        }
    };
    digits(out, y as u32, 4);
    digits(out, mo, 2);
    digits(out, d, 2);
    out.push('T');
    digits(out, h, 2);
    digits(out, mi, 2);
    digits(out, s, 2);
}

fn write_time(lines: &mut Lines, name: &str, tz: Tz, t: Instant, utc: bool) {
    // A time in the hour that happens twice when clocks go back is written in UTC: RFC 5545
    // says the first occurrence is meant, but ical.js, calcurse and khal read the second.
    if utc || !crate::time::is_unique_local(tz, t) {
        lines.raw_with(name, &[], |line| utc_stamp_into(t, line));
    } else {
        let local = to_local(tz, t).naive_local();
        lines.raw_with(name, &[("TZID", tz.name())], |line| basic_into(local, line));
    }
}

/// The UID of a session, the same in every file.
pub(crate) fn uid(event_id: &str, session_id: &str) -> String {
    uid_parts(event_id, session_id).concat()
}

/// The text of [`uid`], in its parts (to write it in place).
fn uid_parts<'a>(event_id: &'a str, session_id: &'a str) -> [&'a str; 3] {
    [session_id, "@", event_id]
}

fn description(agenda: &Agenda, entry: &Entry, locale: &Locale) -> String {
    let labels = locale.labels();
    // The head's lines (kind and track; speakers; moderators; languages; status), then the
    // description and the link, each after a blank line.
    let mut out = String::with_capacity(256);
    out.push_str(locale.kind(entry.kind));
    if let Some(t) = entry.track {
        out.push_str(" · ");
        out.push_str(labels.track);
        out.push_str(labels.colon);
        out.push_str(&agenda.tracks[t].name);
    }
    let mut people = |label: &str, list: &[usize]| {
        if list.is_empty() {
            return;
        }
        out.push('\n');
        out.push_str(label);
        out.push_str(labels.colon.trim_end());
        for &p in list {
            let person = &agenda.people[p];
            out.push_str("\n- ");
            out.push_str(&person.name);
            if let Some(roles) = person.roles() {
                out.push_str(" (");
                out.push_str(&roles);
                out.push(')');
            }
        }
    };
    people(labels.speakers, &entry.speakers);
    people(labels.moderators, &entry.moderators);
    if let Some(line) = crate::export::view::languages_line(agenda, locale, entry) {
        out.push('\n');
        out.push_str(&line);
    }
    match entry.status {
        Status::Cancelled => {
            out.push('\n');
            out.push_str(&labels.cancelled.to_uppercase());
        }
        Status::Tentative => {
            out.push('\n');
            out.push_str(labels.tentative);
        }
        Status::Confirmed => {}
    }
    if let Some(d) = &entry.description {
        // Markdown as the text it reads as: calendars show DESCRIPTION as plain text.
        out.push_str("\n\n");
        out.push_str(&crate::export::markup::to_text(d));
    }
    if let Some(u) = entry.url {
        out.push_str("\n\n");
        out.push_str(u);
    }
    out
}

fn location(agenda: &Agenda, entry: &Entry) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(r) = entry.room {
        let room = &agenda.rooms[r];
        parts.push(&room.name);
        if let Some(l) = &room.location {
            parts.push(l);
        }
    }
    if let Some(v) = &agenda.event.venue {
        parts.push(v);
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The `VTIMEZONE` of the agenda's zone, covering the event's days and every placed session
/// of the agenda (computed once, shared by the program's and the sessions' calendars, and
/// through `shared` by every agenda of the export that covers the same days).
pub(crate) fn timezone(agenda: &Agenda, shared: &Shared) -> String {
    let tz = agenda.tz;
    let mut first = day_start(tz, agenda.event.start);
    let mut last = day_start(tz, agenda.event.end.succ_opt().unwrap_or(agenda.event.end));
    let mut instants = Vec::new();
    for (s, e) in agenda.placed().filter_map(|e| e.slot) {
        first = first.min(s);
        last = last.max(e);
        instants.extend([s, e]);
    }
    if instants.is_empty() {
        instants.push(first);
    }
    let write = || {
        let mut lines = Lines::new();
        vtimezone::write(&mut lines, tz, first, last, &instants);
        lines.finish()
    };
    if !vtimezone::by_span(first, last) {
        return write();
    }
    let mut zones = shared.zones.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, text)) = zones.iter().find(|(span, _)| *span == (first, last)) {
        return text.clone();
    }
    let text = write();
    zones.push(((first, last), text.clone()));
    text
}

/// The properties of a session's `VEVENT` that calendar users see: times, title, place,
/// description, categories, URL and status — everything but `UID` and the stamps. Two
/// versions of a session with the same body are the same to a calendar, so this is also what
/// the release history compares (`crate::release::history`).
pub(crate) fn body(
    agenda: &Agenda,
    entry: &Entry,
    (start, end): (Instant, Instant),
    locale: &Locale,
    utc: bool,
) -> String {
    let mut lines = Lines::new();
    write_body(&mut lines, agenda, entry, (start, end), locale, utc);
    lines.finish()
}

/// [`body`], written straight into a calendar being written.
fn write_body(
    lines: &mut Lines,
    agenda: &Agenda,
    entry: &Entry,
    (start, end): (Instant, Instant),
    locale: &Locale,
    utc: bool,
) {
    let tz = agenda.tz;
    write_time(lines, "DTSTART", tz, start, utc);
    write_time(lines, "DTEND", tz, end, utc);
    lines.text("SUMMARY", &summary(&entry.title, entry.status, locale));
    if let Some(loc) = location(agenda, entry) {
        lines.text("LOCATION", &loc);
    }
    lines.text("DESCRIPTION", &description(agenda, entry, locale));
    let kind = locale.kind(entry.kind);
    match entry.track {
        Some(t) => lines.text_list("CATEGORIES", &[&agenda.tracks[t].name, kind]),
        None => lines.text_list("CATEGORIES", &[kind]),
    }
    // With a public agenda, the entry links to its session there (the session's own link is
    // in the description); without, to the session's own link.
    let url = match &agenda.base {
        Some(base) => Some(format!("{base}#s-{}", entry.key)),
        None => entry.url.map(str::to_string),
    };
    if let Some(u) = &url {
        lines.raw("URL", &[], &clean::uri_ascii(u));
    }
    let status = match entry.status {
        Status::Confirmed => "CONFIRMED",
        Status::Tentative => "TENTATIVE",
        Status::Cancelled => "CANCELLED",
    };
    lines.raw("STATUS", &[], status);
}

/// The title as calendars show it: "Cancelled: …" (in the event's language) for a cancelled
/// session, so calendars that ignore `STATUS` still say so.
fn summary<'t>(title: &'t str, status: Status, locale: &Locale) -> std::borrow::Cow<'t, str> {
    match status {
        Status::Cancelled => {
            let labels = locale.labels();
            format!("{}{}{title}", labels.cancelled, labels.colon).into()
        }
        _ => title.into(),
    }
}

/// `PT1H`, `PT90M`, `PT2H30M`: an RFC 5545 duration of whole minutes.
pub(crate) fn duration(minutes: i64) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// Fewer sessions than this are written on one core (a thread costs more than it saves).
const PARALLEL_EVENTS: usize = 4096;

/// How often calendars should refresh a subscribed feed, in minutes, unless the event says.
pub(crate) const DEFAULT_REFRESH_MINUTES: i64 = 60;

/// A whole calendar with the given entries (those that are placed). `vtimezone` is the
/// output of [`timezone`]; it is written under `--utc` too, since a calendar needs at least
/// one component, even with no session. `changes`, when given, sets each session's
/// `SEQUENCE`, `DTSTAMP` and `LAST-MODIFIED` from the release history, and `removed` adds
/// the sessions removed since an earlier release, cancelled.
#[allow(clippy::too_many_arguments)]
pub(crate) fn calendar(
    agenda: &Agenda,
    entries: &[&Entry],
    title: &str,
    locale: &Locale,
    utc: bool,
    stamp: Instant,
    vtimezone: &str,
    changes: Option<&ChangeInfo>,
    removed: &[Removed],
) -> Body {
    let tz = agenda.tz;
    let mut lines = Lines::new();
    lines.begin("VCALENDAR");
    lines.raw("VERSION", &[], "2.0");
    lines.raw("PRODID", &[], PRODID);
    lines.raw("CALSCALE", &[], "GREGORIAN");
    lines.text("X-WR-CALNAME", title);
    lines.raw("X-WR-TIMEZONE", &[], tz.name());
    if let Some(d) = &agenda.event.description {
        lines.text("X-WR-CALDESC", d);
    }
    let refresh = duration(
        agenda
            .program
            .event
            .refresh
            .unwrap_or(DEFAULT_REFRESH_MINUTES),
    );
    lines.raw("REFRESH-INTERVAL", &[("VALUE", "DURATION")], &refresh);
    lines.raw("X-PUBLISHED-TTL", &[], &refresh);
    lines.raw_block(vtimezone);
    let placed: Vec<(&Entry, (Instant, Instant))> = entries
        .iter()
        .filter_map(|e| e.slot.map(|s| (*e, s)))
        .collect();
    let write_events = |lines: &mut Lines, placed: &[(&Entry, (Instant, Instant))]| {
        for &(entry, slot) in placed {
            let (sequence, modified) = changes
                .and_then(|c| c.sessions.get(&*entry.key))
                .map_or((0, stamp), |s| (s.sequence, s.modified));
            lines.begin("VEVENT");
            lines.raw_with("UID", &[], |line| {
                clean_uid_into(&uid_parts(&agenda.event.id, &entry.key), line)
            });
            lines.raw_with("DTSTAMP", &[], |line| utc_stamp_into(modified, line));
            lines.raw_with("LAST-MODIFIED", &[], |line| utc_stamp_into(modified, line));
            lines.raw_with("SEQUENCE", &[], |line| {
                use std::fmt::Write as _;
                let _ = write!(line, "{sequence}");
            });
            write_body(lines, agenda, entry, slot, locale, utc);
            lines.end("VEVENT");
        }
    };
    // A big calendar is written in pieces on every core, kept in order.
    let mut out = Body::from(lines.finish());
    let events = crate::parallel::write_in_pieces(&placed, PARALLEL_EVENTS, |part, out| {
        let mut piece = Lines::continuing(std::mem::take(out));
        write_events(&mut piece, part);
        *out = piece.finish();
    });
    events.into_iter().for_each(|piece| out.push(piece));
    let mut lines = Lines::new();
    for gone in removed {
        lines.begin("VEVENT");
        lines.raw("UID", &[], &clean_uid(&uid(&agenda.event.id, &gone.key)));
        lines.raw("DTSTAMP", &[], &utc_stamp(gone.modified));
        lines.raw("LAST-MODIFIED", &[], &utc_stamp(gone.modified));
        lines.raw("SEQUENCE", &[], &gone.sequence.to_string());
        // In UTC: the zone's VTIMEZONE covers the current sessions, not necessarily these.
        lines.raw("DTSTART", &[], &utc_stamp(gone.slot.0));
        lines.raw("DTEND", &[], &utc_stamp(gone.slot.1));
        lines.text(
            "SUMMARY",
            &summary(&clean::line(&gone.title), Status::Cancelled, locale),
        );
        lines.raw("STATUS", &[], "CANCELLED");
        lines.end("VEVENT");
    }
    lines.end("VCALENDAR");
    out.push(lines.finish());
    out
}

/// What the calendars of one export share: each `VTIMEZONE` made, by the span it covers (the
/// HTML agenda writes one in the calendar of each room and track, nearly all covering the
/// event's days).
#[derive(Default)]
pub(crate) struct Shared {
    zones: std::sync::Mutex<Vec<((Instant, Instant), String)>>,
}

/// Ids are restricted to `[a-z0-9._-]`, so a UID needs no escaping; this keeps it so.
fn clean_uid(uid: &str) -> String {
    let mut out = String::with_capacity(uid.len());
    clean_uid_into(&[uid], &mut out);
    out
}

/// [`clean_uid`] of the text of `parts` one after the other, appended to `out`.
fn clean_uid_into(parts: &[&str], out: &mut String) {
    let kept = |c: &char| c.is_ascii_graphic() && !matches!(c, ';' | ',' | '\\' | ':' | '"');
    for part in parts {
        out.extend(part.chars().filter(kept));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_written_as_strftime_would() {
        for t in [
            0,
            1_512_478_800,
            -62_135_596_800 + 86_400,
            253_402_214_400,
            951_782_399,
        ] {
            let dt = DateTime::from_timestamp(t, 0).unwrap().naive_utc();
            assert_eq!(utc_stamp(t), dt.format("%Y%m%dT%H%M%SZ").to_string());
            let mut basic = String::new();
            basic_into(dt, &mut basic);
            assert_eq!(basic, dt.format("%Y%m%dT%H%M%S").to_string());
        }
    }
}
