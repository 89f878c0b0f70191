//! The form of a room, a speaker or a track (`:edit-room`, `:edit-speaker`, `:edit-track`):
//! every field of the format as text, validated with a message per wrong field, applied as one
//! undoable step (an id renamed everywhere it is used).

use chrono::NaiveDate;

use super::action::Action;
use super::form::{parse_start, FormOutcome};
use crate::edit::{self, Document, Edit};
use crate::model::{is_colour, DateTimeValue, Room, Speaker, Track, Window};

/// What the form edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Room(usize),
    Speaker(usize),
    Track(usize),
}

const ROOM: [(&str, &str); 7] = [
    (
        "id",
        "lowercase id, used by sessions (renaming updates them)",
    ),
    ("name", "the room's name"),
    ("capacity", "seats (empty: unknown)"),
    ("features", "projector, stream, … comma-separated"),
    ("accessible", "yes or no"),
    ("location", "where it is (empty: none)"),
    (
        "open",
        "{day} 08:00-19:00; … (empty: always, never: closed)",
    ),
];

const SPEAKER: [(&str, &str); 8] = [
    (
        "id",
        "lowercase id, used by sessions (renaming updates them)",
    ),
    ("name", "the person's name"),
    ("affiliation", "organisation (empty: none)"),
    ("role", "their role (empty: none)"),
    ("bio", "a few lines (empty: none)"),
    ("email", "name@example.org (empty: none)"),
    ("url", "https://… (empty: none)"),
    (
        "available",
        "{day} 13:00-18:00; … (empty: always, never: never)",
    ),
];

const TRACK: [(&str, &str); 4] = [
    (
        "id",
        "lowercase id, used by sessions (renaming updates them)",
    ),
    ("name", "the track's name"),
    ("color", "#rrggbb (empty: none)"),
    ("description", "a sentence (empty: none)"),
];

/// "Edit room 'Salle Rhône'", in the editor's language.
fn title(kind: &str, name: &str) -> String {
    crate::tui::words::format(
        "item_title",
        &[("kind", kind), ("name", &crate::tui::words::quoted(name))],
    )
}

/// The form being filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemForm {
    pub target: Target,
    pub values: Vec<String>,
    pub focus: usize,
    pub errors: Vec<Option<String>>,
    /// Characters after the cursor in the focused field (0: at its end).
    pub back: usize,
}

fn text(value: &Option<String>) -> String {
    value.clone().unwrap_or_default()
}

fn local(value: &DateTimeValue) -> String {
    match value {
        DateTimeValue::Local(n) => n.format("%Y-%m-%d %H:%M").to_string(),
        DateTimeValue::Fixed(f) => f.format("%Y-%m-%d %H:%M%:z").to_string(),
    }
}

/// Windows as `2017-12-05 08:00-19:00; …` (the end's date only when it differs).
pub fn windows_text(windows: &Option<Vec<Window>>) -> String {
    match windows {
        None => String::new(),
        Some(w) if w.is_empty() => "never".into(),
        Some(w) => w
            .iter()
            .map(|w| {
                let (from, to) = (local(&w.from), local(&w.to));
                match (from.split_once(' '), to.split_once(' ')) {
                    (Some((d1, _)), Some((d2, t2))) if d1 == d2 => format!("{from}-{t2}"),
                    _ => format!("{from} - {to}"),
                }
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Parse windows written as [`windows_text`] writes them; `span` is where new ones point.
pub fn parse_windows(
    text: &str,
    day: NaiveDate,
    span: crate::source::Span,
) -> Result<Option<Vec<Window>>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if text.eq_ignore_ascii_case("never") {
        return Ok(Some(Vec::new()));
    }
    let mut out = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let bad = || {
            format!(
                "`{part}` is not a time window: write {} 08:00-19:00, or {} 18:00 - {} 02:00",
                day.format("%Y-%m-%d"),
                day.format("%Y-%m-%d"),
                day.succ_opt().unwrap_or(day).format("%Y-%m-%d")
            )
        };
        let (from, to) = match part.split_once(" - ") {
            Some((a, b)) => (
                parse_start(a, day).ok_or_else(bad)?,
                parse_start(b, day).ok_or_else(bad)?,
            ),
            None => {
                let (start, end_time) = part.rsplit_once('-').ok_or_else(bad)?;
                let from = parse_start(start, day).ok_or_else(bad)?;
                let date = match from {
                    DateTimeValue::Local(n) => n.date(),
                    DateTimeValue::Fixed(f) => f.date_naive(),
                };
                let to = parse_start(
                    &format!("{} {}", date.format("%Y-%m-%d"), end_time.trim()),
                    day,
                )
                .ok_or_else(bad)?;
                (from, to)
            }
        };
        let naive = |v: &DateTimeValue| match v {
            DateTimeValue::Local(n) => *n,
            DateTimeValue::Fixed(f) => f.naive_local(),
        };
        if naive(&to) <= naive(&from) {
            return Err(format!("`{part}` ends before it starts"));
        }
        out.push(Window { from, to, span });
    }
    Ok(Some(out))
}

fn optional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(|x| x.trim().to_string())
        .filter(|x| !x.is_empty())
        .collect()
}

impl ItemForm {
    /// The form of an item, with its values now.
    pub fn new(doc: &Document, target: Target) -> Option<ItemForm> {
        let p = &doc.program;
        let values: Vec<String> = match target {
            Target::Room(i) => {
                let r = p.rooms.get(i)?;
                vec![
                    r.id.clone(),
                    r.name.clone(),
                    r.capacity.map(|c| c.to_string()).unwrap_or_default(),
                    r.features.join(", "),
                    if r.accessible { "yes" } else { "no" }.into(),
                    text(&r.location),
                    windows_text(&r.open),
                ]
            }
            Target::Speaker(i) => {
                let s = p.speakers.get(i)?;
                vec![
                    s.id.clone(),
                    s.name.clone(),
                    text(&s.affiliation),
                    text(&s.role),
                    text(&s.bio),
                    text(&s.email),
                    text(&s.url),
                    windows_text(&s.available),
                ]
            }
            Target::Track(i) => {
                let t = p.tracks.get(i)?;
                vec![
                    t.id.clone(),
                    t.name.clone(),
                    text(&t.color),
                    text(&t.description),
                ]
            }
        };
        Some(ItemForm {
            target,
            errors: vec![None; values.len()],
            back: 0,
            values,
            focus: 0,
        })
    }

    /// The labels and hints of the fields.
    pub fn fields(&self) -> &'static [(&'static str, &'static str)] {
        match self.target {
            Target::Room(_) => &ROOM,
            Target::Speaker(_) => &SPEAKER,
            Target::Track(_) => &TRACK,
        }
    }

    /// The hint of field `k` when it is empty; `day` (the shown day) stands in its examples.
    pub fn hint(&self, k: usize, day: NaiveDate) -> String {
        let kind = match self.target {
            Target::Room(_) => "room",
            Target::Speaker(_) => "speaker",
            Target::Track(_) => "track",
        };
        self.fields().get(k).map_or(String::new(), |f| {
            crate::tui::words::format(
                &format!("item_hint_{kind}_{}", f.0),
                &[("day", &day.format("%Y-%m-%d").to_string())],
            )
        })
    }

    /// "room Salle Rhône" style words for the title.
    pub fn title(&self, doc: &Document) -> String {
        let p = &doc.program;
        match self.target {
            Target::Room(i) => title("room", p.rooms.get(i).map_or("", |r| &r.name)),
            Target::Speaker(i) => title("speaker", p.speakers.get(i).map_or("", |s| &s.name)),
            Target::Track(i) => title("track", p.tracks.get(i).map_or("", |t| &t.name)),
        }
    }

    pub fn handle(&mut self, action: Action) -> FormOutcome {
        let n = self.values.len();
        match action {
            Action::Insert(_) | Action::DeleteBack | Action::ClearInput | Action::Typing(_) => {
                crate::tui::typing::apply(&mut self.values[self.focus], &mut self.back, &action);
            }
            Action::NextField => {
                self.focus = (self.focus + 1) % n;
                self.back = 0;
            }
            Action::PrevField => {
                self.focus = (self.focus + n - 1) % n;
                self.back = 0;
            }
            Action::Cancel => return FormOutcome::Cancel,
            Action::Submit => return FormOutcome::Submit,
            _ => {}
        }
        FormOutcome::Editing
    }

    /// The edit the form asks for (`Ok(None)`: nothing changed), or the number of wrong fields
    /// (each with its message in `errors`, the focus on the first).
    pub fn validate(&mut self, doc: &Document, day: NaiveDate) -> Result<Option<Edit>, usize> {
        let mut errors: Vec<Option<String>> = vec![None; self.values.len()];
        let v = |i: usize| self.values[i].trim().to_string();
        let result = match self.target {
            Target::Room(i) => {
                let Some(old) = doc.program.rooms.get(i) else {
                    return Ok(None);
                };
                let mut r: Room = old.clone();
                r.id = v(0);
                r.name = v(1);
                r.capacity = match v(2) {
                    c if c.is_empty() => None,
                    c => match c.parse::<u64>() {
                        Ok(n) => Some(n),
                        Err(_) => {
                            errors[2] = Some(crate::tui::words::format(
                                "item_error_seats",
                                &[("text", &c)],
                            ));
                            None
                        }
                    },
                };
                r.features = list(&v(3));
                r.accessible = match v(4).to_lowercase().as_str() {
                    "yes" | "y" | "true" | "" => true,
                    "no" | "n" | "false" => false,
                    other => {
                        errors[4] = Some(crate::tui::words::format(
                            "form_error_yes_no",
                            &[("text", other)],
                        ));
                        true
                    }
                };
                r.location = optional(&v(5));
                match parse_windows(&v(6), day, old.span) {
                    Ok(w) => r.open = w,
                    Err(m) => errors[6] = Some(m),
                }
                edit::change_room(doc, i, r)
            }
            Target::Speaker(i) => {
                let Some(old) = doc.program.speakers.get(i) else {
                    return Ok(None);
                };
                let mut s: Speaker = old.clone();
                s.id = v(0);
                s.name = v(1);
                s.affiliation = optional(&v(2));
                s.role = optional(&v(3));
                s.bio = optional(&self.values[4]);
                s.email = optional(&v(5));
                if let Some(e) = &s.email {
                    if !e.contains('@') || e.contains(char::is_whitespace) {
                        errors[5] = Some(crate::tui::words::format(
                            "item_error_email",
                            &[("text", e)],
                        ));
                    }
                }
                s.url = optional(&v(6));
                match parse_windows(&v(7), day, old.span) {
                    Ok(w) => s.available = w,
                    Err(m) => errors[7] = Some(m),
                }
                edit::change_speaker(doc, i, s)
            }
            Target::Track(i) => {
                let Some(old) = doc.program.tracks.get(i) else {
                    return Ok(None);
                };
                let mut t: Track = old.clone();
                t.id = v(0);
                t.name = v(1);
                t.color = optional(&v(2));
                if let Some(c) = &t.color {
                    if !is_colour(c) {
                        errors[2] = Some(crate::tui::words::format(
                            "item_error_colour",
                            &[("text", c)],
                        ));
                    }
                }
                t.description = optional(&self.values[3]);
                edit::change_track(doc, i, t)
            }
        };
        let result = match result {
            Ok(e) => Some(e),
            Err(m) => {
                // Id and name problems: on the field they are about.
                let at = if m.about_name() { 1 } else { 0 };
                errors[at] = Some(crate::tui::words::edit_error(&m));
                None
            }
        };
        let ok = errors.iter().all(Option::is_none);
        self.errors = errors;
        match result {
            Some(e) if ok => Ok(e),
            _ => {
                if let Some(first) = self.errors.iter().position(Option::is_some) {
                    self.focus = first;
                }
                Err(self.errors.iter().filter(|e| e.is_some()).count())
            }
        }
    }
}
