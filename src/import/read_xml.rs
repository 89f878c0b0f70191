//! Reading a frab/pentabarf `schedule.xml` into a [`Foreign`] schedule.
//!
//! Lenient by design: real producers add elements the XSD does not know (`<tracks>`,
//! `<venue>`, room slugs), leave out ones it requires, and write non-UUID GUIDs; all of that
//! is accepted. Only a document that is not XML, or not a `<schedule>`, is refused.

use chrono::NaiveDate;
use roxmltree::{Document, Node, ParsingOptions};

use super::foreign::{date_time, ImportError, Place};
use super::foreign::{
    Foreign, ForeignDay, ForeignEvent, ForeignPerson, ForeignRoom, ForeignTrack, Shape,
};

/// Elements, attributes and texts a schedule may have: FOSDEM 2024 (876 sessions) has about
/// 60,000; this is 80 times that.
const MAX_NODES: u32 = 5_000_000;

/// Attributes one element may have (frab's have at most four).
const MAX_ATTRIBUTES: usize = 1_000;

/// Refuse, before parsing, what would make parsing blow up: entity declarations (roxmltree
/// expands internal entities without a size limit: a 160 KB "billion laughs" file is
/// gigabytes) and elements with thousands of attributes (checked for duplicates pairwise).
fn bounded(text: &str) -> Result<(), ImportError> {
    if let Some(at) = text.find("<!ENTITY") {
        let (row, col) = position(text, at);
        return Err(ImportError::at(
            row,
            col,
            "this schedule declares XML entities (<!ENTITY …>), which agora does not expand \
             (a few of them can expand to gigabytes); no frab or pretalx schedule needs them: \
             remove the DOCTYPE's declarations"
                .to_string(),
        ));
    }
    let bytes = text.as_bytes();
    let (mut in_tag, mut quote, mut attributes, mut tag_start) = (false, 0u8, 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if quote != 0 {
            if b == quote {
                quote = 0;
            }
            continue;
        }
        match b {
            b'<' => {
                in_tag = bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic);
                attributes = 0;
                tag_start = i;
            }
            b'>' => in_tag = false,
            b'"' | b'\'' if in_tag => quote = b,
            b'=' if in_tag => {
                attributes += 1;
                if attributes > MAX_ATTRIBUTES {
                    let (row, col) = position(text, tag_start);
                    return Err(ImportError::at(
                        row,
                        col,
                        format!(
                            "this element has more than {MAX_ATTRIBUTES} attributes: this is \
                             not a frab/pentabarf schedule"
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// 1-based line and column of byte `at`.
fn position(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let row = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (row, col)
}

/// Read `text` (the whole file) as a frab/pentabarf schedule.
pub fn read(text: &str) -> Result<Foreign, ImportError> {
    bounded(text)?;
    let options = ParsingOptions {
        // A `<!DOCTYPE schedule>` is accepted; entity declarations are refused above.
        allow_dtd: true,
        nodes_limit: MAX_NODES,
        ..ParsingOptions::default()
    };
    let doc = Document::parse_with_options(text, options).map_err(|e| {
        let pos = e.pos();
        ImportError::at(
            pos.row as usize,
            pos.col as usize,
            format!("this is not well-formed XML: {e}"),
        )
    })?;
    let root = doc.root_element();
    let expected = "expected a frab/pentabarf schedule.xml: <schedule> holding <conference> and \
                    <day> elements with <room> columns of <event>s";
    if root.tag_name().name() != "schedule" {
        return Err(ImportError::general(format!(
            "found {}; {expected}",
            outline(root)
        )));
    }
    let frab_like = root.children().any(|c| c.has_tag_name("conference"))
        || root
            .descendants()
            .any(|n| n.has_tag_name("event") && n.parent().is_some_and(|p| p.has_tag_name("room")));
    if !frab_like {
        return Err(ImportError::general(format!(
            "found {}, with no <conference> and no <event> in a <room>; {expected}",
            outline(root)
        )));
    }
    let mut out = Foreign {
        shape: Some(Shape::Xml),
        ..Foreign::default()
    };
    let mut unused = Unused::default();
    for child in root.children().filter(Node::is_element) {
        match child.tag_name().name() {
            "generator" => {
                let name = child.attribute("name").unwrap_or("").trim();
                let version = child.attribute("version").unwrap_or("").trim();
                let both = format!("{name} {version}");
                out.generator = non_empty(both.trim());
            }
            "version" => out.version = non_empty(&all_text(child)),
            "conference" => conference(child, &mut out, &mut unused),
            "tracks" => {
                for track in child.children().filter(|n| n.has_tag_name("track")) {
                    add_track(track, &mut out);
                }
            }
            "day" => day(child, &mut out, &mut unused),
            other => unused.add(&format!("unknown element <{other}>")),
        }
    }
    out.unused = unused.0;
    Ok(out)
}

/// Counts of fields agora has no place for.
#[derive(Default)]
struct Unused(Vec<(String, usize)>);

impl Unused {
    fn add(&mut self, name: &str) {
        match self.0.iter_mut().find(|(n, _)| n == name) {
            Some((_, count)) => *count += 1,
            None => self.0.push((name.to_string(), 1)),
        }
    }
}

fn conference(node: Node, out: &mut Foreign, unused: &mut Unused) {
    let mut city = None;
    for child in node.children().filter(Node::is_element) {
        let value = non_empty(&all_text(child));
        match child.tag_name().name() {
            "title" => out.title = value,
            "acronym" => out.acronym = value,
            "subtitle" => out.subtitle = value,
            "description" | "abstract" => out.description = value,
            "venue" => out.venue = value,
            "city" => city = value,
            "start" => out.start = value,
            "end" => out.end = value,
            "url" => out.url = value,
            "base_url" => {
                out.base_url = value.clone();
                if out.url.is_none() {
                    out.url = value;
                }
            }
            "time_zone_name" => out.time_zone = value,
            "day_change" => {
                out.day_change = value.as_deref().and_then(|v| {
                    chrono::NaiveTime::parse_from_str(v, "%H:%M:%S")
                        .or_else(|_| chrono::NaiveTime::parse_from_str(v, "%H:%M"))
                        .ok()
                })
            }
            "track" => add_track(child, out),
            "logo" | "color" if value.is_some() || child.attributes().len() > 0 => {
                unused.add(&format!("conference {}", child.tag_name().name()))
            }
            // Known to carry nothing agora keeps (the schedule's own day change is read).
            "logo" | "color" | "timeslot_duration" | "days" | "daysCount" | "release" => {}
            other => unused.add(&format!("unknown element <{other}> in <conference>")),
        }
    }
    if let Some(city) = city {
        out.venue = Some(match out.venue.take() {
            Some(venue) if !venue.contains(&city) => format!("{venue}, {city}"),
            Some(venue) => venue,
            None => city,
        });
    }
}

fn add_track(node: Node, out: &mut Foreign) {
    let name = node
        .attribute("name")
        .map(str::to_string)
        .or_else(|| non_empty(&all_text(node)));
    let Some(name) = name.filter(|n| !n.trim().is_empty()) else {
        return;
    };
    out.tracks.push(ForeignTrack {
        name,
        slug: node.attribute("slug").map(str::to_string),
        color: node.attribute("color").map(str::to_string),
    });
}

fn day(node: Node, out: &mut Foreign, unused: &mut Unused) {
    let index = out.days.len();
    let pos = node.document().text_pos_at(node.range().start);
    out.days.push(ForeignDay {
        index,
        date: node
            .attribute("date")
            .and_then(|d| d.trim().parse::<NaiveDate>().ok()),
        written: node.attribute("date").map(str::to_string),
        at: Place {
            event: Some((pos.row as usize, pos.col as usize)),
            ..Place::default()
        },
        start: node.attribute("start").and_then(date_time),
        end: node.attribute("end").and_then(date_time),
    });
    for other in node
        .children()
        .filter(|n| n.is_element() && !n.has_tag_name("room"))
    {
        unused.add(&format!(
            "unknown element <{}> in <day>",
            other.tag_name().name()
        ));
    }
    for room in node.children().filter(|n| n.has_tag_name("room")) {
        for other in room
            .children()
            .filter(|n| n.is_element() && !n.has_tag_name("event"))
        {
            unused.add(&format!(
                "unknown element <{}> in <room>",
                other.tag_name().name()
            ));
        }
        let name = room.attribute("name").unwrap_or("").to_string();
        if !name.trim().is_empty() && !out.rooms.iter().any(|r| r.name == name) {
            out.rooms.push(ForeignRoom {
                name: name.clone(),
                slug: room.attribute("slug").map(str::to_string),
                guid: room.attribute("guid").map(str::to_string),
                ..ForeignRoom::default()
            });
        }
        for event in room.children().filter(|n| n.has_tag_name("event")) {
            let mut e = self::event(event, unused);
            e.position = out.events.len() + 1;
            e.day = Some(index);
            if e.room.as_deref().is_none_or(|r| r.trim().is_empty()) {
                e.room = non_empty(&name);
            }
            out.events.push(e);
        }
    }
}

fn event(node: Node, unused: &mut Unused) -> ForeignEvent {
    let mut e = ForeignEvent {
        number: node
            .attribute("id")
            .or_else(|| node.attribute("code"))
            .map(str::to_string),
        ..ForeignEvent::default()
    };
    let place = |n: Node| {
        let pos = n.document().text_pos_at(n.range().start);
        (pos.row as usize, pos.col as usize)
    };
    e.at.event = Some(place(node));
    let mut feedback = None;
    for child in node.children().filter(Node::is_element) {
        let name = child.tag_name().name();
        if let Some(field) = ["date", "start", "duration", "end"]
            .into_iter()
            .find(|f| *f == name)
        {
            e.at.fields.push((field, place(child)));
        }
        match name {
            "title" => e.title = all_text(child),
            "subtitle" => e.subtitle = non_empty(&all_text(child)),
            "type" => e.kind = non_empty(&all_text(child)),
            "date" => e.date = non_empty(&all_text(child)),
            "start" => e.start = non_empty(&all_text(child)),
            "duration" => e.duration = non_empty(&all_text(child)),
            "end" => e.end = non_empty(&all_text(child)),
            "room" => e.room = non_empty(&all_text(child)),
            "track" => e.track = non_empty(&all_text(child)),
            "slug" => e.slug = non_empty(&all_text(child)),
            "url" => e.url = non_empty(&all_text(child)),
            "language" => e.language = non_empty(&all_text(child)),
            // Texts kept as written (white space included): descriptions round-trip exactly.
            "abstract" => e.abstract_ = raw(all_text(child)),
            "description" => e.description = raw(all_text(child)),
            "persons" if !child.children().any(|n| n.has_tag_name("person")) => {
                e.add_people_text(&all_text(child));
            }
            "persons" => {
                for person in child.children().filter(|n| n.has_tag_name("person")) {
                    let name = all_text(person);
                    if name.trim().is_empty() {
                        continue;
                    }
                    e.persons.push(ForeignPerson {
                        key: person
                            .attribute("guid")
                            .or_else(|| person.attribute("id"))
                            .map(str::to_string),
                        name,
                        ..ForeignPerson::default()
                    });
                }
            }
            "links" | "attachments" => {
                for link in child.children().filter(Node::is_element) {
                    let title = non_empty(&all_text(link));
                    let href = link.attribute("href").map(str::to_string);
                    match (href, title) {
                        (Some(href), title) if !href.trim().is_empty() => {
                            e.links.push((title, href.trim().to_string()))
                        }
                        (_, Some(title)) => e.links.push((None, title)),
                        _ => {}
                    }
                }
            }
            "feedback_url" => feedback = non_empty(&all_text(child)),
            "recording" => {
                let license = child
                    .children()
                    .find(|n| n.has_tag_name("license"))
                    .map(all_text)
                    .unwrap_or_default();
                let optout = child
                    .children()
                    .find(|n| n.has_tag_name("optout"))
                    .map(all_text)
                    .unwrap_or_default();
                if !license.trim().is_empty() || optout.trim() == "true" {
                    unused.add("recording licence and opt-out");
                }
            }
            other => {
                if !all_text(child).trim().is_empty() {
                    unused.add(&format!("unknown element <{other}> in <event>"));
                }
            }
        }
    }
    if let Some(feedback) = feedback {
        if !e.links.iter().any(|(_, url)| *url == feedback) {
            e.links.push((Some("Feedback".to_string()), feedback));
        }
    }
    e
}

/// "<schedule> with <day> (2), <entry> (5)": an element and the names of what it holds, to say
/// what a file that is not a schedule is.
fn outline(root: Node) -> String {
    let mut seen: Vec<(String, usize)> = Vec::new();
    for n in root.descendants().skip(1).filter(Node::is_element) {
        let name = n.tag_name().name().to_string();
        if let Some((_, count)) = seen.iter_mut().find(|(s, _)| *s == name) {
            *count += 1;
        } else if seen.len() < 8 {
            seen.push((name, 1));
        }
    }
    let inner: Vec<String> = seen
        .iter()
        .map(|(name, n)| format!("<{name}> ({n})"))
        .collect();
    if inner.is_empty() {
        format!("an empty <{}>", root.tag_name().name())
    } else {
        format!("<{}> with {}", root.tag_name().name(), inner.join(", "))
    }
}

/// All the text inside an element (text and CDATA of every descendant).
fn all_text(node: Node) -> String {
    let mut out = String::new();
    for d in node.descendants().filter(Node::is_text) {
        out.push_str(d.text().unwrap_or(""));
    }
    out
}

/// The text as written, unless it is only white space.
fn raw(text: String) -> Option<String> {
    (!text.trim().is_empty()).then_some(text)
}

fn non_empty(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}
