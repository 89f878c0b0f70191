//! `schedule.xml` as frab and pentabarf write it and as Giggity, EventFahrplan and ConfClerk
//! read it, valid against the C3VOC XSD.
//!
//! Layout only: what goes out, and under which identifiers, is decided by [`Plan`]. Every
//! text is escaped here, and characters XML 1.0 cannot carry at all (most control characters)
//! are dropped, so no title can break the document.

use std::fmt::Write as _;

use crate::export::Body;
use crate::model::Program;
use crate::time::rfc3339;

use super::plan::{date_text, hh_mm, is_http_url, Plan};

/// The whole `schedule.xml` of a program, deterministic to the byte.
pub fn write(program: &Program) -> String {
    super::whole(program, render).into_string()
}

/// The `schedule.xml` of a plan: what `agora export` writes, for a selection too (rooms, tracks
/// and days stay complete).
pub(crate) fn render(plan: &Plan) -> Body {
    render_versioned(plan, &super::Version::Content)
}

/// [`render`] with the `version` apps show (a release name; see [`super::Version`]).
pub(crate) fn render_versioned(plan: &Plan, version: &super::Version) -> Body {
    // The version changes exactly when the content does: apps compare it to offer updates. It
    // is the hash of the body, which comes after it: the header is written with as many
    // placeholder digits as the hash has, and the hash put in their place once the body is.
    const DIGITS: usize = 12;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
    let _ = writeln!(
        out,
        "  <generator name=\"agora\" version=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("  <version>");
    let hashed = version.text(&"0".repeat(DIGITS)) != version.text("");
    push_text(&mut out, &version.text(&"0".repeat(DIGITS)));
    let digits = out.len() - DIGITS..out.len();
    out.push_str("</version>\n");
    let mut body = Body::default();
    write_body(plan, &mut body);
    if hashed {
        let hash = crate::ids::frab::content_guid("content", |h| {
            body.pieces().into_iter().for_each(|piece| h.update(piece));
        })
        .simple()
        .to_string();
        out.replace_range(digits, &hash[..DIGITS]);
    }
    let mut whole = Body::from(out);
    whole.append(body);
    whole.push("</schedule>\n".to_string());
    whole
}

/// Fewer (day, room) cells than this are written on one core.
const PARALLEL_CELLS: usize = 64;

/// The conference, then every day with every room (as frab and pretalx do: apps keep the
/// columns stable), each day's rooms written in pieces on every core.
fn write_body(plan: &Plan, body: &mut Body) {
    let program = plan.program;
    let event = &program.event;
    let tz = plan.tz;
    let mut conference = String::new();
    let out = &mut conference;
    out.push_str("  <conference>\n");
    element(out, 4, "acronym", &plan.acronym);
    element(out, 4, "title", &plan.event_name);
    element(out, 4, "start", &date_text(plan.first_date()));
    element(out, 4, "end", &date_text(plan.last_date()));
    element(out, 4, "days", &plan.days.len().to_string());
    element(out, 4, "timeslot_duration", &hh_mm(plan.timeslot * 60));
    if let Some(url) = event.url.as_deref().filter(|u| is_http_url(u)) {
        element(out, 4, "url", url);
    }
    element(out, 4, "time_zone_name", tz.name());
    for (track, shown) in program.tracks.iter().zip(plan.tracks) {
        out.push_str("    <track name=\"");
        push_attr(out, &shown.name);
        out.push('"');
        if is_track_slug(&track.id) {
            let _ = write!(out, " slug=\"{}\"", track.id);
        }
        if let Some(color) = &track.color {
            out.push_str(" color=\"");
            push_attr(out, color);
            out.push('"');
        }
        out.push_str("/>\n");
    }
    out.push_str("  </conference>\n");

    let rooms = plan.rooms.len();
    let cells: Vec<(usize, usize)> = (0..plan.days.len())
        .flat_map(|d| (0..rooms).map(move |r| (d, r)))
        .collect();
    body.push(conference);
    let days = crate::parallel::write_in_pieces(&cells, PARALLEL_CELLS, |part, out| {
        for &(d, r) in part {
            let day = &plan.days[d];
            if r == 0 {
                let _ = writeln!(
                    out,
                    "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">",
                    day.index,
                    date_text(day.date),
                    rfc3339(tz, day.start),
                    rfc3339(tz, day.end)
                );
            }
            write_room(plan, day, r, out);
            if r + 1 == rooms {
                out.push_str("  </day>\n");
            }
        }
    });
    days.into_iter().for_each(|piece| body.push(piece));
    // A plan without rooms still lists its days.
    if rooms == 0 {
        let mut out = String::new();
        for day in &plan.days {
            let _ = writeln!(
                out,
                "  <day index=\"{}\" date=\"{}\" start=\"{}\" end=\"{}\">",
                day.index,
                date_text(day.date),
                rfc3339(tz, day.start),
                rfc3339(tz, day.end)
            );
            out.push_str("  </day>\n");
        }
        body.push(out);
    }
}

/// One room of one day with its events.
fn write_room(plan: &Plan, day: &super::plan::Day, r: usize, out: &mut String) {
    let program = plan.program;
    let shown = &plan.rooms[r];
    let mut items = plan.in_room(day, r).peekable();
    out.push_str("    <room name=\"");
    push_attr(out, &shown.name);
    let _ = write!(out, "\" guid=\"{}\"", shown.guid);
    if items.peek().is_none() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    for item in items {
        let session = &program.sessions[item.session];
        let _ = writeln!(
            out,
            "      <event guid=\"{}\" id=\"{}\">",
            item.guid, item.number
        );
        let start = &plan.clocks[item.clocks.0];
        element(out, 8, "room", &shown.name);
        element(out, 8, "title", &item.title);
        element(out, 8, "subtitle", "");
        element(out, 8, "type", session.kind.as_str());
        element(out, 8, "date", &start.rfc3339);
        element(out, 8, "start", &start.hh_mm);
        element(out, 8, "duration", &hh_mm(item.end - item.start));
        element(out, 8, "abstract", &item.abstract_);
        element(out, 8, "slug", &item.slug);
        let track = item.track.map(|t| plan.tracks[t].name.as_str());
        element(out, 8, "track", track.unwrap_or(""));
        if item.people.is_empty() {
            out.push_str("        <persons/>\n");
        } else {
            out.push_str("        <persons>\n");
            for &(p, _) in &item.people {
                let person = &plan.people[p];
                let _ = write!(
                    out,
                    "          <person id=\"{}\" guid=\"{}\">",
                    person.number, person.guid
                );
                push_text(out, &person.name);
                out.push_str("</person>\n");
            }
            out.push_str("        </persons>\n");
        }
        if let Some(language) = &item.language {
            element(out, 8, "language", language);
        }
        element(out, 8, "description", &item.description);
        match session.url.as_deref().filter(|u| is_http_url(u)) {
            Some(url) => {
                out.push_str("        <links>\n          <link href=\"");
                push_attr(out, url);
                out.push_str("\">");
                push_text(out, url);
                out.push_str("</link>\n        </links>\n");
                element(out, 8, "url", url);
            }
            None => out.push_str("        <links/>\n"),
        }
        out.push_str("      </event>\n");
    }
    out.push_str("    </room>\n");
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
    const SPACES: &str = "        ";
    out.push_str(&SPACES[..indent.min(SPACES.len())]);
    out.push('<');
    out.push_str(name);
    if value.is_empty() {
        out.push_str("/>\n");
    } else {
        out.push('>');
        push_text(out, value);
        out.push_str("</");
        out.push_str(name);
        out.push_str(">\n");
    }
}

/// Whether XML 1.0 can carry `c` at all.
fn allowed(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Element content appended to `out`: `&`, `<`, `>` escaped; a carriage return kept as a
/// reference (a parser would turn a raw one into a line feed). A value with nothing to escape
/// (most) is copied at once.
fn push_text(out: &mut String, value: &str) {
    if value
        .chars()
        .all(|c| allowed(c) && !matches!(c, '&' | '<' | '>' | '\r'))
    {
        out.push_str(value);
        return;
    }
    for c in value.chars().filter(|&c| allowed(c)) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
}

/// An attribute value in double quotes appended to `out`: as [`push_text`], also `"` and the
/// whitespace a parser would normalise.
fn push_attr(out: &mut String, value: &str) {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_survives_a_parser() {
        let nasty = "a & b < c > d \"e\" 'f' \r\n\tg \u{0}\u{1b}h \u{FFFE}";
        let mut doc = String::from("<x a=\"");
        push_attr(&mut doc, nasty);
        doc.push_str("\">");
        push_text(&mut doc, nasty);
        doc.push_str("</x>");
        let parsed = roxmltree::Document::parse(&doc).expect("well-formed");
        let root = parsed.root_element();
        let kept = "a & b < c > d \"e\" 'f' \r\n\tg h ";
        assert_eq!(root.attribute("a"), Some(kept));
        assert_eq!(root.text(), Some(kept));
    }
}
