//! The plain-text agenda for an e-mail: 72 columns (display width, so CJK text fits), the
//! sessions of each day under a heading, then the speakers. Nothing is escaped: plain text
//! has no markup, and `clean` already removed control and bidi characters.
//!
//! The built-in layout is `templates/agenda.txt`, written here by [`write`], its native twin
//! (the same bytes, without the template engine: a test keeps the two identical); an
//! organiser's `--template` goes through the template engine.

use crate::export::agenda::Agenda;
use crate::export::listing::{given, Listing, Scratch};
use crate::export::locale::{capitalise, Locale};
use crate::export::template::{self, indent_wrap_into, pad, repeat, wrap_into, Escape};
use crate::export::view;

pub(crate) const TEMPLATE: &str = include_str!("templates/agenda.txt");

/// The width of the agenda, and the indent of what follows a session's first line.
const WIDTH: usize = 72;
const INDENT: &str = "              ";

pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    custom: Option<&str>,
    brief: bool,
) -> Result<String, template::TemplateError> {
    crate::export::listing::render(Escape::None, TEMPLATE, agenda, locale, custom, brief, write)
}

/// `text | wrap(72, indent)` and a new line.
fn wrap_line(out: &mut String, text: &str, indent: &str) {
    wrap_into(text, WIDTH, indent, out);
    out.push('\n');
}

/// `text | indent_wrap(72, first, rest)` and a new line.
fn indent_line(out: &mut String, text: &str, first: &str, rest: &str) {
    indent_wrap_into(text, WIDTH, first, rest, out);
    out.push('\n');
}

/// A heading between rules of `=`.
fn heading(out: &mut String, rule: &str, text: &str) {
    out.push('\n');
    out.push_str(rule);
    out.push('\n');
    out.push_str(&text.to_uppercase());
    out.push('\n');
    out.push_str(rule);
    out.push('\n');
}

/// The built-in layout (`templates/agenda.txt`), written directly.
pub(crate) fn write(agenda: &Agenda, locale: &Locale, brief: bool) -> String {
    let list = Listing::new(agenda, locale);
    let labels = list.labels;
    let e = &agenda.event;
    let rule = repeat("=".to_string(), WIDTH);
    let mut out = String::new();
    wrap_line(&mut out, &agenda.title().to_uppercase(), "");
    let mut dates = locale.date_range(e.start, e.end);
    if let Some(venue) = given(e.venue.as_deref()) {
        dates.push_str(" · ");
        dates.push_str(venue);
    }
    wrap_line(&mut out, &dates, "");
    let language_names = view::event_language_names(agenda, locale);
    if !language_names.is_empty() {
        let line = format!("{}{}{language_names}", labels.languages, labels.colon);
        wrap_line(&mut out, &line, "");
    }
    wrap_line(&mut out, &view::times_note(agenda, locale), "");
    if let Some(description) = given(e.description.as_deref()).filter(|_| agenda.subject.is_none())
    {
        out.push('\n');
        wrap_line(&mut out, description, "");
    }

    let days = list.by_day(locale, |scratch, part| {
        let mut out = String::new();
        for &i in part {
            session(&mut out, &list, scratch, i, brief);
        }
        out
    });
    for ((date, sessions), parts) in list.days.iter().zip(days) {
        heading(&mut out, &rule, &capitalise(&locale.long_date(*date)));
        if sessions.is_empty() {
            out.push('\n');
            out.push_str(labels.no_sessions);
            out.push('\n');
        }
        for part in &parts {
            out.push_str(part);
        }
    }

    let unscheduled = list.unscheduled();
    if !unscheduled.is_empty() {
        heading(&mut out, &rule, labels.unscheduled);
        out.push('\n');
        let written = list.split(locale, &unscheduled, |scratch, part| {
            let mut out = String::new();
            for &i in part {
                let s = list.item(scratch, i);
                let mut line = format!("- {}", s.title);
                if let Some(status) = s.status_label {
                    line.push_str(&format!(" ({status})"));
                }
                if !s.speaker_names.is_empty() {
                    line.push_str(" — ");
                    line.push_str(&s.speaker_names);
                }
                wrap_line(&mut out, &line, "  ");
            }
            out
        });
        for part in &written {
            out.push_str(part);
        }
    }

    let index = list.speakers_index(locale, |out, list, scratch, p, entries| {
        speaker(out, list, scratch, p, entries, brief);
    });
    if !index.is_empty() {
        heading(&mut out, &rule, labels.speakers_index);
        for part in &index {
            out.push_str(part);
        }
    }
    out.push('\n');
    out.push_str(&repeat("-".to_string(), WIDTH));
    out.push('\n');
    out.push_str(labels.published_with);
    out.push('\n');
    out
}

/// A session of a day: its time and title, where, who, its status, description and link.
fn session(out: &mut String, list: &Listing, scratch: &mut Scratch, i: usize, brief: bool) {
    let labels = list.labels;
    let s = list.item(scratch, i);
    let e = s.entry;
    out.push('\n');
    let mut first = pad(format!("{} ", s.time.as_deref().unwrap_or("")), 14);
    first.push_str(s.title);
    wrap_line(out, &first, INDENT);
    let room = list.room(e);
    let mut place = s.place.unwrap_or("").to_string();
    let mut add = |text: &str| {
        place.push_str(" · ");
        place.push_str(text);
    };
    if let Some(room) = room.as_ref().filter(|_| !brief) {
        if let Some(location) = room.location {
            add(location);
        }
        if !room.accessible {
            add(room.access);
        }
    }
    if !s.is_break {
        add(s.kind_label);
    }
    if let Some(track) = s.track {
        add(track);
    }
    indent_line(out, &place, INDENT, INDENT);
    if let Some(line) = s.languages_line.as_deref() {
        indent_line(out, line, INDENT, INDENT);
    }
    if !e.speakers.is_empty() {
        let line = format!("{}{}{}", labels.speakers, labels.colon, s.speaker_names);
        indent_line(out, &line, INDENT, INDENT);
    }
    if !e.moderators.is_empty() {
        let line = format!("{}{}{}", labels.moderators, labels.colon, s.moderator_names);
        indent_line(out, &line, INDENT, INDENT);
    }
    if let Some(status) = s.status_label {
        out.push_str(INDENT);
        out.push('[');
        out.push_str(&status.to_uppercase());
        out.push_str("]\n");
    }
    if brief {
        return;
    }
    if !s.cancelled {
        if let Some(text) = Listing::description_text(scratch.locale(), e) {
            out.push('\n');
            indent_line(out, &text, INDENT, INDENT);
        }
    }
    if let Some(url) = given(e.url) {
        out.push_str(INDENT);
        out.push_str(url);
        out.push('\n');
    }
}

/// A person of the speakers' index, with their sessions.
fn speaker(
    out: &mut String,
    list: &Listing,
    scratch: &mut Scratch,
    p: usize,
    entries: &[usize],
    brief: bool,
) {
    let labels = list.labels;
    let person = &list.agenda.people[p];
    out.push('\n');
    let mut name = list.person(p).to_string();
    if let Some(roles) = person.roles().filter(|r| !r.is_empty()) {
        name.push_str(", ");
        name.push_str(&roles);
    }
    wrap_line(out, &name, "  ");
    if !brief {
        if let Some(url) = given(person.url.as_deref()) {
            out.push_str("  ");
            out.push_str(url);
            out.push('\n');
        }
        if let Some(bio) = view::rendered(scratch.locale(), person.bio.as_deref(), false).1 {
            indent_line(out, &bio, "  ", "  ");
        }
    }
    for &i in entries {
        let (title, slot, cancelled) = list.entry(i);
        let mut line = String::from("- ");
        if let Some(slot) = slot {
            let when = scratch.when(list.agenda, slot);
            if !when.is_empty() {
                line.push_str(&when);
                line.push_str(labels.colon);
            }
        }
        line.push_str(title);
        if cancelled {
            line.push_str(" (");
            line.push_str(labels.cancelled);
            line.push(')');
        }
        indent_line(out, &line, "  ", "    ");
    }
}
