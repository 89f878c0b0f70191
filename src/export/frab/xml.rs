//! `schedule.xml` as frab and pentabarf write it and as Giggity, EventFahrplan and ConfClerk
//! read it, valid against the C3VOC XSD.
//!
//! Layout only: what goes out, and under which identifiers, is decided by [`Plan`]. Every
//! text is escaped here, and characters XML 1.0 cannot carry at all (most control characters)
//! are dropped, so no title can break the document.

use std::fmt::Write as _;

use crate::model::Program;
use crate::time::{rfc3339, to_local};

use super::plan::{date_text, hh_mm, is_http_url, Plan};

/// The whole `schedule.xml` of a program, deterministic to the byte.
pub fn write(program: &Program) -> String {
    super::whole(program, render)
}

/// The `schedule.xml` of a plan: what `agora export` writes, for a selection too (rooms, tracks
/// and days stay complete).
pub(crate) fn render(plan: &Plan) -> String {
    render_versioned(plan, &super::Version::Content)
}

/// [`render`] with the `version` apps show (a release name; see [`super::Version`]).
pub(crate) fn render_versioned(plan: &Plan, version: &super::Version) -> String {
    let body = body(plan);
    // The version changes exactly when the content does: apps compare it to offer updates.
    let version = version.text(
        &crate::ids::frab::content_guid("content", |h| h.update(body.as_bytes()))
            .simple()
            .to_string()[..12],
    );
    let mut out = String::with_capacity(body.len() + 256);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    let _ = writeln!(
        out,
        "  <generator name=\"agora\" version=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(out, "  <version>{}</version>", text(&version));
    out.push_str(&body);
    out.push_str("</schedule>\n");
    out
}

fn body(plan: &Plan) -> String {
    let program = plan.program;
    let event = &program.event;
    let tz = plan.tz;
    let mut out = String::new();
    out.push_str("  <conference>\n");
    element(&mut out, 4, "acronym", &plan.acronym);
    element(&mut out, 4, "title", &plan.event_name);
    element(&mut out, 4, "start", &date_text(plan.first_date()));
    element(&mut out, 4, "end", &date_text(plan.last_date()));
    element(&mut out, 4, "days", &plan.days.len().to_string());
    element(&mut out, 4, "timeslot_duration", &hh_mm(plan.timeslot * 60));
    if let Some(url) = event.url.as_deref().filter(|u| is_http_url(u)) {
        element(&mut out, 4, "url", url);
    }
    element(&mut out, 4, "time_zone_name", tz.name());
    for (track, shown) in program.tracks.iter().zip(&plan.tracks) {
        let _ = write!(out, "    <track name=\"{}\"", attr(&shown.name));
        if is_track_slug(&track.id) {
            let _ = write!(out, " slug=\"{}\"", track.id);
        }
        if let Some(color) = &track.color {
            let _ = write!(out, " color=\"{}\"", attr(color));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </conference>\n");

    for day in &plan.days {
        let _ = writeln!(
            out,
            "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">",
            day.index,
            date_text(day.date),
            rfc3339(tz, day.start),
            rfc3339(tz, day.end)
        );
        // Every room on every day, as frab and pretalx do: apps keep the columns stable.
        for (r, shown) in plan.rooms.iter().enumerate() {
            let mut items = plan.in_room(day, r).peekable();
            if items.peek().is_none() {
                let _ = writeln!(
                    out,
                    "    <room name=\"{}\" guid=\"{}\"/>",
                    attr(&shown.name),
                    shown.guid
                );
                continue;
            }
            let _ = writeln!(
                out,
                "    <room name=\"{}\" guid=\"{}\">",
                attr(&shown.name),
                shown.guid
            );
            for item in items {
                let session = &program.sessions[item.session];
                let _ = writeln!(
                    out,
                    "      <event guid=\"{}\" id=\"{}\">",
                    item.guid, item.number
                );
                let local = to_local(tz, item.start);
                element(&mut out, 8, "room", &shown.name);
                element(&mut out, 8, "title", &item.title);
                element(&mut out, 8, "subtitle", "");
                element(&mut out, 8, "type", session.kind.as_str());
                element(&mut out, 8, "date", &rfc3339(tz, item.start));
                element(&mut out, 8, "start", &local.format("%H:%M").to_string());
                element(&mut out, 8, "duration", &hh_mm(item.end - item.start));
                element(&mut out, 8, "abstract", &item.abstract_);
                element(&mut out, 8, "slug", &item.slug);
                let track = item.track.map(|t| plan.tracks[t].name.as_str());
                element(&mut out, 8, "track", track.unwrap_or(""));
                if item.people.is_empty() {
                    out.push_str("        <persons/>\n");
                } else {
                    out.push_str("        <persons>\n");
                    for &(p, _) in &item.people {
                        let person = &plan.people[p];
                        let _ = writeln!(
                            out,
                            "          <person id=\"{}\" guid=\"{}\">{}</person>",
                            person.number,
                            person.guid,
                            text(&person.name)
                        );
                    }
                    out.push_str("        </persons>\n");
                }
                if let Some(language) = &item.language {
                    element(&mut out, 8, "language", language);
                }
                element(&mut out, 8, "description", &item.description);
                match session.url.as_deref().filter(|u| is_http_url(u)) {
                    Some(url) => {
                        out.push_str("        <links>\n");
                        let _ = writeln!(
                            out,
                            "          <link href=\"{}\">{}</link>",
                            attr(url),
                            text(url)
                        );
                        out.push_str("        </links>\n");
                        element(&mut out, 8, "url", url);
                    }
                    None => out.push_str("        <links/>\n"),
                }
                out.push_str("      </event>\n");
            }
            out.push_str("    </room>\n");
        }
        out.push_str("  </day>\n");
    }
    out
}

/// The XSD's track slug: `[a-z][a-z0-9-]+`.
fn is_track_slug(id: &str) -> bool {
    id.len() >= 2
        && id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn element(out: &mut String, indent: usize, name: &str, value: &str) {
    for _ in 0..indent {
        out.push(' ');
    }
    if value.is_empty() {
        let _ = writeln!(out, "<{name}/>");
    } else {
        let _ = writeln!(out, "<{name}>{}</{name}>", text(value));
    }
}

/// Whether XML 1.0 can carry `c` at all.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Element content: `&`, `<`, `>` escaped; a carriage return kept as a reference (a parser
/// would turn a raw one into a line feed).
pub(crate) fn text(value: &str) -> String {
    if value
        .chars()
        .all(|c| allowed(c) && !matches!(c, '&' | '<' | '>' | '\r'))
    {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
    out
}

/// Attribute value in double quotes: also `"`, and whitespace a parser would normalise.
pub(crate) fn attr(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_survives_a_parser() {
        let nasty = "a & b < c > d \"e\" 'f' \r\n\tg \u{0}\u{1b}h \u{FFFE}";
        let doc = format!("<x a=\"{}\">{}</x>", attr(nasty), text(nasty));
        let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
        let root = parsed.root_element();
        let kept = "a & b < c > d \"e\" 'f' \r\n\tg h ";
        assert_eq!(root.attribute("a"), Some(kept));
        assert_eq!(root.text(), Some(kept));
    }
}
