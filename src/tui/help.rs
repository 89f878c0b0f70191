//! The help screen's lines, as plain data for drawing, scrolling and searching: a legend of
//! the grid's glyphs, then every binding of the keymap by group, then the commands.

use super::keymap::Keymap;
use super::theme::{OVERLAP, PICK};
use crate::tui::words;

/// One line of the help screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpLine {
    /// A group heading ("Move", "Grid glyphs").
    pub heading: bool,
    /// The keys or the glyph, left column.
    pub keys: String,
    pub text: String,
}

fn line(keys: &str, text: &str) -> HelpLine {
    HelpLine {
        heading: false,
        keys: keys.to_string(),
        text: text.to_string(),
    }
}

fn heading(text: &str) -> HelpLine {
    HelpLine {
        heading: true,
        keys: String::new(),
        text: text.to_string(),
    }
}

/// The legend of what the grid and the lists draw.
fn legend() -> Vec<HelpLine> {
    vec![
        heading(words::keyed("group", "Grid glyphs")),
        line("✗", "an error about this session (see Conflicts, or ]c)"),
        line("▲", "a warning"),
        line(
            OVERLAP.trim(),
            "overlaps another session in the same room (drawn side by side)",
        ),
        line(PICK.trim(), "in your picks"),
        line("⇕", "the session being held (m)"),
        line("▌", "a session; its edge has the track's colour"),
        line("┆", "a break for all rooms"),
        line("◀ ▶", "more rooms off screen"),
        line("now ▶ ┄", "the current time, when the event is live"),
        line("[+]", "unsaved edits"),
        line("[RO]", "read-only: :w is refused, :w! saves anyway"),
    ]
}

/// Every line, in English (headings translated): the texts are the ids of their messages
/// (`words::help_id`).
pub fn english_lines() -> Vec<HelpLine> {
    let mut all = legend();
    for (group, entries) in Keymap::help() {
        all.push(heading(words::keyed("group", group)));
        all.extend(entries.into_iter().map(|(keys, help)| line(&keys, help)));
    }
    all.push(heading(words::keyed("group", "Commands")));
    for (command, what) in COMMANDS {
        all.push(line(command, what));
    }
    all.push(heading(words::keyed("group", "Mouse")));
    all.push(line("click", "selects a cell, a row, a tab"));
    all.push(line(
        "wheel",
        "scrolls (over the details pane: the details)",
    ));
    all.push(line(
        "paste",
        "text in a field or on the : and / lines; ignored in normal mode",
    ));
    all
}

/// Every line in the editor's language, or those matching `query` (case and accents
/// ignored) under their heading.
pub fn lines(query: &str) -> Vec<HelpLine> {
    let mut all = english_lines();
    for l in all.iter_mut().filter(|l| !l.heading) {
        l.text = words::help(&l.text).to_string();
    }
    let q = crate::text::fold(query.trim());
    if q.is_empty() {
        return all;
    }
    let mut out = Vec::new();
    let mut current: Option<HelpLine> = None;
    for l in all {
        if l.heading {
            current = Some(l);
            continue;
        }
        let hay = crate::text::fold(&format!("{} {}", l.keys, l.text));
        if hay.contains(&q) {
            if let Some(h) = current.take() {
                out.push(h);
            }
            out.push(l);
        }
    }
    out
}

/// How wide the help box is on a screen `screen_width` columns wide.
pub fn box_width(screen_width: u16) -> u16 {
    90.min(screen_width.saturating_sub(2)).max(1)
}

/// The width of the keys column: the widest keys, 24 at most.
pub fn key_width(lines: &[HelpLine]) -> usize {
    lines
        .iter()
        .filter(|l| !l.heading)
        .map(|l| l.keys.chars().count())
        .max()
        .unwrap_or(0)
        .min(24)
}

/// `lines` with a text wider than the help box (`box_width` columns) carried on to the next
/// lines under its own column, cut between words, so no word of a translation is lost.
pub fn fitted(lines: Vec<HelpLine>, box_width: u16) -> Vec<HelpLine> {
    use unicode_width::UnicodeWidthStr;
    let room = (box_width as usize)
        .saturating_sub(2 + 2 + key_width(&lines) + 2)
        .max(12);
    let mut out = Vec::with_capacity(lines.len());
    for l in lines {
        if l.heading || l.text.width() <= room {
            out.push(l);
            continue;
        }
        let mut keys = l.keys.clone();
        let mut current = String::new();
        for word in l.text.split(' ') {
            if !current.is_empty() && current.width() + 1 + word.width() > room {
                out.push(line(&keys, &current));
                keys.clear();
                current.clear();
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(word);
        }
        out.push(line(&keys, &current));
    }
    out
}

/// How many lines the help screen draws for `lines`: a blank line before each heading but
/// the first, the lines, a blank line and the footer.
pub fn screen_lines(lines: &[HelpLine]) -> usize {
    let headings = lines.iter().filter(|l| l.heading).count();
    lines.len() + headings.saturating_sub(1) + 2 + usize::from(lines.is_empty())
}

/// The commands of the `:` line, for the help screen and `agora keys`.
pub const COMMANDS: &[(&str, &str)] = &[
    (":w", "save"),
    (":wq  :x", "save and quit"),
    (":q", "quit (refused with unsaved edits)"),
    (":q!", "quit, dropping unsaved edits"),
    (":qa  :qa!  :wqa", "the same as :q, :q!, :wq"),
    (
        ":w!",
        "save even a read-only file or session [RO], over changes on disk",
    ),
    (":wq!", "the same as :w!, and quit"),
    (
        ":e",
        "read the event again from disk (refused with unsaved edits)",
    ),
    (
        ":e!",
        "read the event again from disk, dropping unsaved edits",
    ),
    (":goto 14:00", "grid cursor to that time"),
    (":day 2", "show the second day"),
    (":step 15", "grid step in minutes (5, 15, 30, 60)"),
    (":room NAME [CAPACITY]", "add a room"),
    (
        ":rooms  :rooms amphi rhone  :rooms all",
        "rooms the grid shows (the picker · only those · every room)",
    ),
    (":speaker NAME", "add a speaker"),
    (
        ":filter room=amphi,rhone track=data picks conflicts",
        "agenda filters (without arguments: the picker)",
    ),
    (":nofilter", "clear the agenda filters"),
    (
        ":export FORMAT [PATH] [--picks]",
        "export what is on screen",
    ),
    (":messages", "the last messages in full (also g<)"),
    (":help", "this help"),
];
