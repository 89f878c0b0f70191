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

/// Every line, or those matching `query` (case and accents ignored) under their heading.
pub fn lines(query: &str) -> Vec<HelpLine> {
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
