//! The Markdown agenda (GitHub-flavoured): a heading per day, a table time | room | session |
//! speakers, then the speakers. Every value is escaped for Markdown, so a title cannot become
//! a link, an image, raw HTML or a broken table.
//!
//! The built-in layout is `templates/agenda.md`, written here by [`write`], its native twin
//! (the same bytes, without the template engine: a test keeps the two identical); an
//! organiser's `--template` goes through the template engine.

use crate::export::agenda::Agenda;
use crate::export::listing::{given, Item, Listing, Scratch};
use crate::export::locale::Locale;
use crate::export::template::{
    self, markdown_block, markdown_escape, markdown_escape_into, Escape,
};
use crate::export::view;

pub(crate) const TEMPLATE: &str = include_str!("templates/agenda.md");

pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    custom: Option<&str>,
    brief: bool,
) -> Result<String, template::TemplateError> {
    crate::export::listing::render(
        Escape::Markdown,
        TEMPLATE,
        agenda,
        locale,
        custom,
        brief,
        write,
    )
}

/// A value as the template prints it: escaped for Markdown.
fn esc(out: &mut String, text: &str) {
    markdown_escape_into(text, out);
}

/// The built-in layout (`templates/agenda.md`), written directly.
pub(crate) fn write(agenda: &Agenda, locale: &Locale, brief: bool) -> String {
    let list = Listing::new(agenda, locale);
    let labels = list.labels;
    let e = &agenda.event;
    let mut out = String::new();
    out.push_str("# ");
    esc(&mut out, &agenda.title());
    out.push_str("\n\n");
    esc(&mut out, &locale.date_range(e.start, e.end));
    if let Some(venue) = given(e.venue.as_deref()) {
        out.push_str(" · ");
        esc(&mut out, venue);
    }
    out.push_str("\n\n");
    if let Some(description) = given(e.description.as_deref()).filter(|_| agenda.subject.is_none())
    {
        out.push_str(&markdown_block(description));
        out.push_str("\n\n");
    }
    if let Some(url) = given(e.url.as_deref()) {
        out.push('<');
        out.push_str(url);
        out.push_str(">\n\n");
    }
    let language_names = view::event_language_names(agenda, locale);
    if !language_names.is_empty() {
        esc(&mut out, labels.languages);
        esc(&mut out, labels.colon);
        esc(&mut out, &language_names);
        out.push_str("\n\n");
    }
    out.push('*');
    esc(&mut out, &view::times_note(agenda, locale));
    out.push_str("*\n");
    if !brief {
        let tracks: Vec<(String, String)> = view::used_tracks(agenda)
            .into_iter()
            .filter_map(|t| {
                let track = view::track_view(agenda, locale, t, false, None);
                let text = track.description_text.filter(|d| !d.is_empty())?;
                Some((track.name, text))
            })
            .collect();
        if !tracks.is_empty() {
            out.push_str("\n## ");
            esc(&mut out, labels.tracks);
            out.push_str("\n\n");
            for (name, text) in &tracks {
                out.push_str("- **");
                esc(&mut out, name);
                out.push_str("** — ");
                out.push_str(&markdown_block(text));
                out.push('\n');
            }
        }
    }

    let days = list.by_day(locale, |scratch, part| {
        day_part(&list, scratch, part, brief)
    });
    for ((date, sessions), parts) in list.days.iter().zip(days) {
        out.push_str("\n## ");
        esc(
            &mut out,
            &crate::export::locale::capitalise(&locale.long_date(*date)),
        );
        out.push_str("\n\n");
        if sessions.is_empty() {
            esc(&mut out, labels.no_sessions);
            out.push('\n');
            continue;
        }
        out.push_str("| ");
        esc(&mut out, labels.time);
        out.push_str(" | ");
        esc(&mut out, labels.room);
        out.push_str(" | ");
        esc(&mut out, labels.session);
        out.push_str(" | ");
        esc(&mut out, labels.speakers);
        out.push_str(" |\n|---|---|---|---|\n");
        for (rows, _) in &parts {
            out.push_str(rows);
        }
        for (_, details) in &parts {
            out.push_str(details);
        }
    }

    let mut scratch_unscheduled = Vec::new();
    let unscheduled = list.unscheduled();
    if !unscheduled.is_empty() {
        scratch_unscheduled = list.split(locale, &unscheduled, |scratch, part| {
            let mut out = String::new();
            for &i in part {
                let s = list.item(scratch, i);
                out.push_str("- **");
                esc(&mut out, s.title);
                out.push_str("**");
                if let Some(status) = s.status_label {
                    out.push_str(" (");
                    esc(&mut out, status);
                    out.push(')');
                }
                if !s.speaker_names.is_empty() {
                    out.push_str(" — ");
                    esc(&mut out, &s.speaker_names);
                }
                out.push('\n');
            }
            out
        });
    }
    if !unscheduled.is_empty() {
        out.push_str("\n## ");
        esc(&mut out, labels.unscheduled);
        out.push_str("\n\n");
        for part in &scratch_unscheduled {
            out.push_str(part);
        }
    }

    let index = list.speakers_index(locale, |out, list, scratch, p, entries| {
        speaker(out, list, scratch, p, entries, brief);
    });
    if !index.is_empty() {
        out.push_str("\n## ");
        esc(&mut out, labels.speakers_index);
        out.push_str("\n\n");
        for part in &index {
            out.push_str(part);
        }
    }
    out
}

/// Some consecutive sessions of a day: their table rows, and their details (after the table).
fn day_part(
    list: &Listing,
    scratch: &mut Scratch,
    part: &[usize],
    brief: bool,
) -> (String, String) {
    let mut rows = String::new();
    let mut details = String::new();
    for &i in part {
        let s = list.item(scratch, i);
        let e = s.entry;
        row(&mut rows, list, &s);
        if brief || s.cancelled {
            continue;
        }
        let text = Listing::description_text(scratch.locale(), e);
        let url = given(e.url);
        if text.is_none() && url.is_none() {
            continue;
        }
        details.push_str("\n### ");
        esc(&mut details, s.time.as_deref().unwrap_or(""));
        details.push_str(" · ");
        esc(&mut details, s.title);
        details.push('\n');
        if let Some(room) = list
            .room(e)
            .filter(|r| r.location.is_some() || !r.accessible)
        {
            details.push_str("\n*");
            esc(&mut details, s.place.unwrap_or(""));
            if let Some(location) = room.location {
                details.push_str(", ");
                esc(&mut details, location);
            }
            if !room.accessible {
                details.push_str(" — ");
                esc(&mut details, room.access);
            }
            details.push_str("*\n");
        }
        if let Some(text) = text {
            details.push('\n');
            details.push_str(&markdown_block(&text));
            details.push('\n');
        }
        if let Some(url) = url {
            details.push_str("\n<");
            details.push_str(url);
            details.push_str(">\n");
        }
    }
    (rows, details)
}

/// A session's row of its day's table.
fn row(out: &mut String, list: &Listing, s: &Item) {
    let labels = list.labels;
    out.push_str("| ");
    esc(out, s.time.as_deref().unwrap_or(""));
    out.push_str(" | ");
    esc(out, s.place.unwrap_or(""));
    out.push_str(" | ");
    if s.cancelled {
        out.push_str("~~");
        esc(out, s.title);
        out.push_str("~~ (");
        esc(out, s.status_label.unwrap_or(""));
        out.push(')');
    } else if s.is_break {
        esc(out, s.title);
    } else {
        out.push_str("**");
        esc(out, s.title);
        out.push_str("**");
        if let Some(status) = s.status_label {
            out.push_str(" (");
            esc(out, status);
            out.push(')');
        }
    }
    if !s.is_break {
        out.push_str("<br>");
        esc(out, s.kind_label);
        if let Some(track) = s.track {
            out.push_str(" · ");
            esc(out, track);
        }
    }
    if let Some(line) = s.languages_line.as_deref() {
        out.push_str("<br>");
        esc(out, line);
    }
    out.push_str(" | ");
    esc(out, &s.speaker_names);
    if !s.entry.moderators.is_empty() {
        if !s.entry.speakers.is_empty() {
            out.push_str("<br>");
        }
        esc(out, labels.moderators);
        esc(out, labels.colon);
        esc(out, &s.moderator_names);
    }
    out.push_str(" |\n");
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
    out.push_str("- **");
    esc(out, list.person(p));
    out.push_str("**");
    if let Some(roles) = person.roles().filter(|r| !r.is_empty()) {
        out.push_str(", ");
        esc(out, &roles);
    }
    if let Some(url) = given(person.url.as_deref()).filter(|_| !brief) {
        out.push_str(" — <");
        out.push_str(url);
        out.push('>');
    }
    out.push('\n');
    if !brief {
        if let Some(bio) = view::rendered(scratch.locale(), person.bio.as_deref(), false).1 {
            // `md_block | replace("\n", "\n  ")`: the replacement is escaped like any value.
            out.push_str("\n  ");
            out.push_str(&markdown_block(&bio).replace('\n', &markdown_escape("\n  ")));
            out.push_str("\n\n");
        }
    }
    for &i in entries {
        let (title, slot, cancelled) = list.entry(i);
        out.push_str("  - ");
        if cancelled {
            out.push_str("~~");
            esc(out, title);
            out.push_str("~~ (");
            esc(out, labels.cancelled);
            out.push(')');
        } else {
            esc(out, title);
        }
        if let Some(slot) = slot {
            let when = scratch.when(list.agenda, slot);
            if !when.is_empty() {
                out.push_str(" — ");
                esc(out, &when);
            }
        }
        out.push('\n');
    }
}
