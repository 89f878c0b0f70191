//! The keymap: one table of bindings that feeds key resolution, the `?` help screen, the
//! status-bar hints and `agora keys`. Pure data and pure functions: no terminal here.
//!
//! Defaults follow vim, calcurse and khal habits: `hjkl` move, `Tab` switches view, `a`/`e`/`d`
//! add/edit/delete, `u`/`Ctrl-r` undo/redo, `/` `n` `N` search, `:` commands, `?` help.
//! Shift+letter moves the selected session (`J`/`K` later/earlier, `H`/`L` room).

use super::action::{Action, Mode, Motion, View};

/// A key as the editor sees it, after normalising what terminals send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character; uppercase letters arrive as uppercase (`J`, not Shift-j).
    Char(char),
    /// A letter with Control.
    Ctrl(char),
    Enter,
    Esc,
    Tab,
    /// Shift-Tab (tmux sends it as `BTab`).
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Delete,
    /// Ctrl-← or Shift-← (a word left in a text).
    WordLeft,
    /// Ctrl-→ or Shift-→.
    WordRight,
}

impl Key {
    /// How the key is written in help and hints.
    pub fn label(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift-Tab".into(),
            Key::Backspace => "Backspace".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Delete => "Delete".into(),
            Key::WordLeft => "Ctrl-←".into(),
            Key::WordRight => "Ctrl-→".into(),
        }
    }
}

/// One binding: in these modes, any of these key sequences does this action.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub modes: &'static [Mode],
    pub keys: &'static [&'static [Key]],
    pub action: Action,
    /// What it does, for the help screen.
    pub help: &'static str,
    /// A word or two for the status-bar hints; `None` keeps it out of the hints.
    pub hint: Option<&'static str>,
    /// Heading in the help screen.
    pub group: &'static str,
}

const N: &[Mode] = &[Mode::Normal];
const NG: &[Mode] = &[Mode::Normal, Mode::Grab];
const G: &[Mode] = &[Mode::Grab];
const H: &[Mode] = &[Mode::Help, Mode::Messages];
const HO: &[Mode] = &[Mode::Help];
const TEXT: &[Mode] = &[
    Mode::Command,
    Mode::Search,
    Mode::Form,
    Mode::Picker,
    Mode::HelpSearch,
];
const LINE: &[Mode] = &[Mode::Command, Mode::Search, Mode::HelpSearch];
const F: &[Mode] = &[Mode::Form];
/// Where the text has a cursor (see `src/tui/typing.rs`).
const EDIT: &[Mode] = &[Mode::Command, Mode::Search, Mode::Form];
const P: &[Mode] = &[Mode::Picker];
const Q: &[Mode] = &[Mode::Prompt];
/// Every mode.
const ALL: &[Mode] = &[
    Mode::Normal,
    Mode::Grab,
    Mode::Command,
    Mode::Search,
    Mode::Form,
    Mode::Picker,
    Mode::Prompt,
    Mode::Help,
    Mode::HelpSearch,
    Mode::Messages,
];
/// The `:` and `/` lines.
const CS: &[Mode] = &[Mode::Command, Mode::Search];

use Key::{
    BackTab, Backspace, Ctrl, Delete, Down, End, Enter, Esc, Home, Left, PageDown, PageUp, Right,
    Tab, Up, WordLeft, WordRight,
};

const fn c(ch: char) -> Key {
    Key::Char(ch)
}

macro_rules! bind {
    ($modes:expr, [$($keys:expr),+], $action:expr, $group:literal, $help:literal, $hint:expr) => {
        Binding { modes: $modes, keys: &[$($keys),+], action: $action, help: $help, hint: $hint, group: $group }
    };
}

/// Every binding, in help order.
pub const BINDINGS: &[Binding] = &[
    // Moving around.
    bind!(N, [&[c('j')], &[Down]], Action::CursorDown, "Move", "cursor down (one grid step / one row)", None),
    bind!(N, [&[c('k')], &[Up]], Action::CursorUp, "Move", "cursor up", None),
    bind!(N, [&[c('h')], &[Left]], Action::CursorLeft, "Move", "cursor to the room on the left (grid)", None),
    bind!(N, [&[c('l')], &[Right]], Action::CursorRight, "Move", "cursor to the room on the right (grid)", None),
    bind!(N, [&[PageDown], &[Ctrl('d')]], Action::PageDown, "Move", "page down", None),
    bind!(N, [&[PageUp], &[Ctrl('u')]], Action::PageUp, "Move", "page up", None),
    bind!(N, [&[c('g'), c('g')], &[Home]], Action::Top, "Move", "first row", None),
    bind!(N, [&[c('G')], &[End]], Action::Bottom, "Move", "last row", None),
    bind!(N, [&[c('g'), c('r')]], Action::GotoRoom, "Move", "go to a room by (a part of) its name", None),
    bind!(N, [&[c('>')]], Action::NextDay, "Move", "next day", None),
    bind!(N, [&[c('<')]], Action::PrevDay, "Move", "previous day", None),
    bind!(N, [&[c('z')]], Action::ZoomIn, "Move", "finer grid step (60/30/15/5 min)", None),
    bind!(N, [&[c('Z')]], Action::ZoomOut, "Move", "coarser grid step", None),
    bind!(N, [&[c(']'), c('c')]], Action::NextConflict, "Move", "next conflict", None),
    bind!(N, [&[c('['), c('c')]], Action::PrevConflict, "Move", "previous conflict", None),
    // Views.
    bind!(N, [&[Tab]], Action::NextView, "Views", "next view", Some("view")),
    bind!(N, [&[BackTab]], Action::PrevView, "Views", "previous view", None),
    bind!(N, [&[c('1')]], Action::ShowView(View::Grid), "Views", "grid: one day, rooms side by side", None),
    bind!(N, [&[c('2')]], Action::ShowView(View::Agenda), "Views", "agenda: every session in time order", None),
    bind!(N, [&[c('3')]], Action::ShowView(View::Speakers), "Views", "speakers and their sessions", None),
    bind!(N, [&[c('4')]], Action::ShowView(View::Rooms), "Views", "rooms and their sessions", None),
    bind!(N, [&[c('5')]], Action::ShowView(View::Conflicts), "Views", "conflicts by severity", None),
    bind!(N, [&[Enter]], Action::Activate, "Views", "open: jump to a conflict, place a backlog session, or toggle details", None),
    bind!(N, [&[c('i')]], Action::ToggleDetails, "Views", "show or hide the details pane", None),
    bind!(N, [&[c('b')]], Action::ToggleBacklog, "Views", "focus the unscheduled backlog (grid)", None),
    bind!(N, [&[c('f')]], Action::FindSlots, "Views", "grid: find valid slots for the session (Enter places it); lists: filter the agenda", None),
    bind!(N, [&[c('F')]], Action::ClearFilters, "Views", "clear the agenda filters", None),
    // Editing.
    bind!(NG, [&[c('J')]], Action::MoveLater, "Edit", "move the session one step later", Some("later")),
    bind!(NG, [&[c('K')]], Action::MoveEarlier, "Edit", "move the session one step earlier", Some("earlier")),
    bind!(NG, [&[c('H')]], Action::RoomLeft, "Edit", "move the session to the previous room", None),
    bind!(NG, [&[c('L')]], Action::RoomRight, "Edit", "move the session to the next room", Some("room")),
    bind!(NG, [&[c('}')]], Action::DayLater, "Edit", "move the session to the next day", None),
    bind!(NG, [&[c('{')]], Action::DayEarlier, "Edit", "move the session to the previous day", None),
    bind!(NG, [&[c('+')], &[c('=')]], Action::Grow, "Edit", "make the session one step longer", None),
    bind!(NG, [&[c('-')]], Action::Shrink, "Edit", "make the session one step shorter", None),
    bind!(N, [&[c('m')]], Action::Grab, "Edit", "grab the session: move it, Enter drops, Esc puts back", Some("grab")),
    bind!(N, [&[c('e')]], Action::EditForm, "Edit", "edit the session's fields", Some("edit")),
    bind!(N, [&[c('a')]], Action::Add, "Edit", "add a session at the cursor", Some("add")),
    bind!(N, [&[c('y')]], Action::Yank, "Edit", "copy the session", None),
    bind!(N, [&[c('p')]], Action::Paste, "Edit", "paste a copy at the cursor", None),
    bind!(N, [&[c('d')]], Action::Delete, "Edit", "delete the session (u undoes)", Some("delete")),
    bind!(N, [&[c('s')]], Action::People, "Edit", "choose speakers and moderators", Some("people")),
    bind!(N, [&[c('u')]], Action::Undo, "Edit", "undo", Some("undo")),
    bind!(N, [&[Ctrl('r')]], Action::Redo, "Edit", "redo", None),
    bind!(N, [&[c('*')]], Action::TogglePick, "Edit", "star the session in your picks", None),
    // Grab mode.
    bind!(G, [&[c('j')], &[Down]], Action::MoveLater, "Grab", "move the held session later", Some("later")),
    bind!(G, [&[c('k')], &[Up]], Action::MoveEarlier, "Grab", "move the held session earlier", Some("earlier")),
    bind!(G, [&[c('h')], &[Left]], Action::RoomLeft, "Grab", "move the held session to the previous room", Some("room")),
    bind!(G, [&[c('l')], &[Right]], Action::RoomRight, "Grab", "move the held session to the next room", None),
    bind!(G, [&[Enter], &[c('m')]], Action::Drop, "Grab", "drop the session here", Some("drop")),
    bind!(G, [&[Esc]], Action::CancelGrab, "Grab", "put the session back", Some("cancel")),
    // Search and commands.
    bind!(N, [&[c('/')]], Action::Search, "Search and commands", "search titles, speakers and rooms", Some("search")),
    bind!(N, [&[c('n')]], Action::SearchNext, "Search and commands", "next match", None),
    bind!(N, [&[c('N')]], Action::SearchPrev, "Search and commands", "previous match", None),
    bind!(N, [&[c(':')]], Action::CommandLine, "Search and commands", "command line: :w :w! :q :q! :wq :wq! :e :e! :export FORMAT [PATH] :goto 14:00 :day 2 :room NAME :speaker NAME", Some("command")),
    bind!(N, [&[Ctrl('s')]], Action::Save, "Search and commands", "save", Some("save")),
    bind!(N, [&[c('?')]], Action::Help, "Search and commands", "this help", Some("help")),
    bind!(ALL, [&[Ctrl('z')]], Action::Suspend, "Search and commands", "suspend to the shell, from any mode (fg comes back to it)", None),
    bind!(N, [&[Ctrl('c')]], Action::InterruptHint, "Search and commands", "does not quit: says how to", None),
    bind!(N, [&[c('q')]], Action::Quit, "Search and commands", "quit (asks when edits are unsaved)", Some("quit")),
    bind!(N, [&[Esc]], Action::Cancel, "Search and commands", "clear the message and search", None),
    bind!(N, [&[c('g'), c('<')]], Action::Messages, "Search and commands", "the last messages in full", None),
    bind!(N, [&[Ctrl('e')]], Action::DetailsDown, "Views", "scroll the details pane down", None),
    bind!(N, [&[Ctrl('y')]], Action::DetailsUp, "Views", "scroll the details pane up", None),
    // Typing.
    bind!(TEXT, [&[Esc]], Action::Cancel, "Typing", "close without applying (the picker takes its changes back)", Some("cancel")),
    bind!(LINE, [&[Enter]], Action::Submit, "Typing", "run the command / search", Some("run")),
    bind!(TEXT, [&[Backspace]], Action::DeleteBack, "Typing", "delete a character", None),
    bind!(TEXT, [&[Ctrl('u')]], Action::ClearInput, "Typing", "delete to the start of the text (all of it at the end)", None),
    bind!(CS, [&[Up]], Action::CursorUp, "Typing", "the earlier command (on :) or search (on /)", None),
    bind!(CS, [&[Down]], Action::CursorDown, "Typing", "the later command or search (past the last: what you were typing)", None),
    bind!(EDIT, [&[Left]], Action::Typing(Motion::Left), "Typing", "cursor left", None),
    bind!(EDIT, [&[Right]], Action::Typing(Motion::Right), "Typing", "cursor right", None),
    bind!(EDIT, [&[WordLeft]], Action::Typing(Motion::WordLeft), "Typing", "a word left (Ctrl-← or Shift-←)", None),
    bind!(EDIT, [&[WordRight]], Action::Typing(Motion::WordRight), "Typing", "a word right (Ctrl-→ or Shift-→)", None),
    bind!(EDIT, [&[Home], &[Ctrl('a')]], Action::Typing(Motion::Start), "Typing", "to the start of the text", None),
    bind!(EDIT, [&[End], &[Ctrl('e')]], Action::Typing(Motion::End), "Typing", "to the end of the text", None),
    bind!(EDIT, [&[Delete], &[Ctrl('d')]], Action::Typing(Motion::DeleteForward), "Typing", "delete the character under the cursor", None),
    bind!(EDIT, [&[Ctrl('w')]], Action::Typing(Motion::DeleteWordBack), "Typing", "delete the word before the cursor", None),
    bind!(EDIT, [&[Ctrl('k')]], Action::Typing(Motion::KillToEnd), "Typing", "delete to the end of the text", None),
    bind!(F, [&[Enter]], Action::Submit, "Form", "apply the changes", Some("apply")),
    bind!(F, [&[Ctrl('x'), Ctrl('e')]], Action::ExternalEditor, "Form", "edit the field in $VISUAL or $EDITOR (a long description); :edit opens it on the description", None),
    bind!(F, [&[Tab], &[Down]], Action::NextField, "Form", "next field", Some("next field")),
    bind!(F, [&[BackTab], &[Up]], Action::PrevField, "Form", "previous field", None),
    bind!(P, [&[Enter]], Action::Submit, "Picker", "add or remove as speaker (or choose the filter)", Some("speaker")),
    bind!(P, [&[Tab]], Action::Alternate, "Picker", "add or remove as moderator", Some("moderator")),
    bind!(P, [&[Ctrl('y')]], Action::Accept, "Picker", "keep the changes and close (Esc takes them back)", Some("keep")),
    bind!(P, [&[Down], &[Ctrl('n')]], Action::CursorDown, "Picker", "next", None),
    bind!(P, [&[Up], &[Ctrl('p')]], Action::CursorUp, "Picker", "previous", None),
    // Prompts and help.
    bind!(Q, [&[Esc]], Action::Cancel, "Prompt", "cancel", None),
    bind!(H, [&[Esc], &[c('q')], &[c('?')]], Action::Cancel, "Help", "close the help", Some("close")),
    bind!(H, [&[c('j')], &[Down]], Action::CursorDown, "Help", "scroll down", None),
    bind!(H, [&[c('k')], &[Up]], Action::CursorUp, "Help", "scroll up", None),
    bind!(H, [&[PageDown], &[Ctrl('d')]], Action::PageDown, "Help", "page down", None),
    bind!(H, [&[PageUp], &[Ctrl('u')]], Action::PageUp, "Help", "page up", None),
    bind!(H, [&[c('g'), c('g')], &[Home]], Action::Top, "Help", "top", None),
    bind!(H, [&[c('G')], &[End]], Action::Bottom, "Help", "the end", None),
    bind!(HO, [&[c('/')]], Action::Search, "Help", "search the help", Some("search")),
];

/// What a key does, given the keys already typed of a sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Action(Action),
    /// The key starts a sequence (`]` of `]c`): wait for the next one.
    Pending,
    /// Nothing: the key (and the pending prefix) are dropped.
    Unbound,
}

/// The keymap of the editor (the built-in table).
pub struct Keymap;

impl Keymap {
    /// Resolve `key` in `mode`, after `pending` keys of an unfinished sequence.
    pub fn resolve(mode: Mode, pending: &[Key], key: Key) -> Resolved {
        let mut typed: Vec<Key> = pending.to_vec();
        typed.push(key);
        let mut prefix = false;
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            for seq in b.keys {
                if *seq == typed.as_slice() {
                    return Resolved::Action(b.action);
                }
                if seq.len() > typed.len() && seq[..typed.len()] == typed[..] {
                    prefix = true;
                }
            }
        }
        if prefix {
            return Resolved::Pending;
        }
        if !pending.is_empty() {
            // A broken sequence: try the key on its own.
            return Keymap::resolve(mode, &[], key);
        }
        match (mode, key) {
            (
                Mode::Command | Mode::Search | Mode::Form | Mode::Picker | Mode::HelpSearch,
                Key::Char(ch),
            ) => Resolved::Action(Action::Insert(ch)),
            (Mode::Prompt, Key::Char(ch)) => Resolved::Action(Action::Answer(ch)),
            (Mode::Prompt, Key::Enter) => Resolved::Action(Action::Answer('\n')),
            _ => Resolved::Unbound,
        }
    }

    /// The keys of a binding, written for people: "j / ↓", "] c".
    pub fn keys_label(binding: &Binding) -> String {
        binding
            .keys
            .iter()
            .map(|seq| seq.iter().map(|k| k.label()).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join(" / ")
    }

    /// Short hints for the status bar in a mode: "J later · m grab · …".
    pub fn hints(mode: Mode) -> Vec<(String, &'static str)> {
        let mut out: Vec<(String, &'static str)> = Vec::new();
        for b in BINDINGS.iter().filter(|b| b.modes.contains(&mode)) {
            let (Some(hint), Some(first)) = (b.hint, b.keys.first()) else {
                continue;
            };
            if out.iter().any(|(_, h)| *h == hint) {
                continue;
            }
            let key = first.iter().map(|k| k.label()).collect::<Vec<_>>().join("");
            out.push((key, hint));
        }
        out
    }

    /// Help lines grouped by heading, for the help screen and `agora keys`:
    /// `(group, [(keys, help)])`, groups in table order.
    pub fn help() -> Vec<(&'static str, Vec<(String, &'static str)>)> {
        let mut groups: Vec<(&'static str, Vec<(String, &'static str)>)> = Vec::new();
        for b in BINDINGS {
            let entry = (Keymap::keys_label(b), b.help);
            match groups.iter_mut().find(|(g, _)| *g == b.group) {
                Some((_, list)) => list.push(entry),
                None => groups.push((b.group, vec![entry])),
            }
        }
        groups
    }

    /// The whole help as plain text (`agora keys`): the same lines as the `?` screen.
    pub fn text() -> String {
        let mut out = String::from("agora editor keys (`?` shows them in the editor)\n");
        let lines = super::help::lines("");
        let mut k = 0;
        while k < lines.len() {
            if lines[k].heading {
                out.push_str(&format!("\n{}\n", lines[k].text));
                k += 1;
                continue;
            }
            let end = (k..lines.len())
                .find(|&j| lines[j].heading)
                .unwrap_or(lines.len());
            let width = lines[k..end]
                .iter()
                .map(|l| l.keys.chars().count())
                .max()
                .unwrap_or(0);
            for l in &lines[k..end] {
                let pad = width - l.keys.chars().count();
                out.push_str(&format!("  {}{}  {}\n", l.keys, " ".repeat(pad), l.text));
            }
            k = end;
        }
        out
    }
}
