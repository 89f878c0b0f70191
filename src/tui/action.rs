//! The vocabulary of the editor: what an organiser can ask for ([`Action`]), what the editor
//! asks the outside world to do ([`Effect`]), what comes back to it ([`Msg`]: an action, or
//! the runner's report on an effect or on the outside world), and the views and modes it can
//! be in.

use crate::tui::words;
use std::collections::BTreeSet;
use std::path::PathBuf;

use crate::edit::Document;
use crate::instance::Instance;
use crate::merge::Side;
use crate::model::Program;
use crate::recover::{Recovery, Replayed};
use crate::save::{OnDisk, SaveError, Saved};
use crate::time::Instant;

/// The five views, in `Tab` order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum View {
    Grid,
    Agenda,
    Speakers,
    Rooms,
    Conflicts,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Grid,
        View::Agenda,
        View::Speakers,
        View::Rooms,
        View::Conflicts,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Grid => words::word("view_grid"),
            View::Agenda => words::word("view_agenda"),
            View::Speakers => words::word("view_speakers"),
            View::Rooms => words::word("view_rooms"),
            View::Conflicts => words::word("view_conflicts"),
        }
    }

    pub fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// What the keyboard is doing: each mode has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Moving around and editing with single keys.
    Normal,
    /// A session is held: movement keys move it, `Enter` drops it, `Esc` puts it back.
    Grab,
    /// Typing a `:` command.
    Command,
    /// Typing a `/` search.
    Search,
    /// The session form (`e`).
    Form,
    /// The fuzzy speaker picker (`s`) or filter picker (`f`).
    Picker,
    /// A question with lettered answers (quit, save conflict, restore).
    Prompt,
    /// The key help (`?`).
    Help,
    /// Typing a search in the help (`/` there).
    HelpSearch,
    /// The last messages in full (`g<`, `:messages`).
    Messages,
}

impl Mode {
    pub fn name(self) -> &'static str {
        match self {
            Mode::Normal => words::word("mode_normal"),
            Mode::Grab => words::word("mode_grab"),
            Mode::Command => words::word("mode_command"),
            Mode::Search => words::word("mode_search"),
            Mode::Form => words::word("mode_edit"),
            Mode::Picker => words::word("mode_pick"),
            Mode::Prompt => words::word("mode_prompt"),
            Mode::Help | Mode::HelpSearch => words::word("mode_help"),
            Mode::Messages => words::word("mode_messages"),
        }
    }
}

/// Everything the organiser can ask for. Keys resolve to actions through the keymap; tests
/// and the mouse drive actions directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the cursor down one row (one grid step, one list row).
    CursorDown,
    /// Move the cursor up one row.
    CursorUp,
    /// Move the cursor to the room on the left (grid).
    CursorLeft,
    /// Move the cursor to the room on the right (grid).
    CursorRight,
    /// Move the cursor down a page.
    PageDown,
    /// Move the cursor up a page.
    PageUp,
    /// Go to the first row.
    Top,
    /// Go to the last row.
    Bottom,
    /// Show the next view.
    NextView,
    /// Show the previous view.
    PrevView,
    /// Show a given view.
    ShowView(View),
    /// Go to a room of the grid, chosen by a fuzzy name.
    GotoRoom,
    /// Show the next day.
    NextDay,
    /// Show the previous day.
    PrevDay,
    /// Finer grid step (60 → 30 → 15 → 5 minutes).
    ZoomIn,
    /// Coarser grid step (5 → 15 → 30 → 60 minutes).
    ZoomOut,
    /// Select the next session with a conflict (error or warning).
    NextConflict,
    /// Select the previous session with a conflict.
    PrevConflict,
    /// Open what is under the cursor: jump to a conflict's session, place a backlog session,
    /// or show/hide the details pane.
    Activate,
    /// Show or hide the details pane.
    ToggleDetails,
    /// Move the focus between the grid and the unscheduled backlog.
    ToggleBacklog,
    /// Move the selected session one grid step later.
    MoveLater,
    /// Move the selected session one grid step earlier.
    MoveEarlier,
    /// Move the selected session to the previous room.
    RoomLeft,
    /// Move the selected session to the next room.
    RoomRight,
    /// Move the selected session to the next day, same time.
    DayLater,
    /// Move the selected session to the previous day, same time.
    DayEarlier,
    /// Pick up the selected session to move it around; `Enter` drops it.
    Grab,
    /// Drop the held session where it is (one undo step).
    Drop,
    /// Put the held session back where it was.
    CancelGrab,
    /// Make the selected session one grid step longer.
    Grow,
    /// Make the selected session one grid step shorter.
    Shrink,
    /// Edit the selected session's fields in a form.
    EditForm,
    /// Add a session at the cursor (grid) or to the backlog.
    Add,
    /// Copy the selected session.
    Yank,
    /// Paste a copy of the copied session at the cursor.
    Paste,
    /// Delete the selected session (undo with `u`).
    Delete,
    /// Choose the selected session's speakers and moderators.
    People,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Star or unstar the selected session in your picks.
    TogglePick,
    /// Start a search over titles, speakers and rooms.
    Search,
    /// Go to the next search match.
    SearchNext,
    /// Go to the previous search match.
    SearchPrev,
    /// Open the command line.
    CommandLine,
    /// Show the keys.
    Help,
    /// Show the last messages in full.
    Messages,
    /// Scroll the details pane down a line.
    DetailsDown,
    /// Scroll the details pane up a line.
    DetailsUp,
    /// Save the event.
    Save,
    /// Suspend the editor to the shell (`Ctrl-z`; `fg` comes back).
    Suspend,
    /// `Ctrl-c`: say how to quit (it does not quit, so no edit is lost to a reflex).
    InterruptHint,
    /// Quit (asks when there are unsaved edits).
    Quit,
    /// Filter the agenda (day, room, track, speaker, kind, status).
    Filter,
    /// In the grid: list the best valid slots for the selected session (nearest first);
    /// elsewhere: filter the agenda.
    FindSlots,
    /// Remove every agenda filter.
    ClearFilters,
    /// Close what is open, clear the message.
    Cancel,
    /// Confirm: run the command, apply the form, choose in the picker.
    Submit,
    /// Next field of the form.
    NextField,
    /// Previous field of the form.
    PrevField,
    /// In the speaker picker: add or remove as moderator instead of speaker.
    Alternate,
    /// Close the speaker picker keeping its changes (as one undo step).
    Accept,
    /// Type a character.
    Insert(char),
    /// Delete the character before the cursor.
    DeleteBack,
    /// Delete from the start of the text to the cursor (`Ctrl-u`).
    ClearInput,
    /// Move the cursor or delete in the text being typed.
    Typing(Motion),
    /// Edit the focused field of a form in `$VISUAL` / `$EDITOR` (`Ctrl-x Ctrl-e`).
    ExternalEditor,
    /// Answer a prompt with a letter.
    Answer(char),
    /// Mouse click at a screen cell.
    Click { column: u16, row: u16 },
    /// The mouse moved with its left button held (after a click): drags the session clicked.
    Drag { column: u16, row: u16 },
    /// The left button was released: drops a dragged session (one undoable move).
    Release { column: u16, row: u16 },
    /// Mouse wheel at a screen cell: positive scrolls down.
    Scroll { column: u16, row: u16, lines: i16 },
    /// The terminal was resized.
    Resize { width: u16, height: u16 },
}

/// What the editor needs done outside itself; the runner does it and reports back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the edits to the files; `force` writes over files changed on disk.
    Save { force: bool, then_quit: bool },
    /// Read the event again from disk, dropping the edits.
    Reload,
    /// Export the program (or the picks) in a format.
    Export {
        format: String,
        path: Option<String>,
        picks: bool,
    },
    /// Store the picks.
    SavePicks,
    /// Freeze the saved program as a release.
    Release {
        name: String,
        comment: Option<String>,
    },
    /// Restore the first recovery file offered, with the conflicts chosen so far.
    Restore { choices: Vec<Side> },
    /// Save over files changed on disk, replaying the edits onto them item by item, with the
    /// conflicts chosen so far.
    KeepMine { then_quit: bool, choices: Vec<Side> },
    /// Delete the recovery file found at launch.
    DiscardRecovery,
    /// Leave the editor.
    Quit,
    /// Give the terminal back to the shell until the editor is resumed (`fg`).
    Suspend,
    /// Open `$VISUAL` / `$EDITOR` on this text (a form's field) and report what it became.
    EditText { text: String },
}

/// Everything `App::update` reacts to: the organiser's actions, and the runner's reports.
/// The runner never writes the app's fields: it sends one of these.
#[derive(Debug)]
pub enum Msg {
    /// What a key, the mouse or a resize asks for.
    Action(Action),
    /// The clock moved on (the runner sends it when the minute changes).
    Tick(Instant),
    /// A save finished, or was refused (a file changed on disk since it was read).
    Saved {
        result: Result<Saved, SaveError>,
        then_quit: bool,
    },
    /// The event was read again from disk: the edits are gone.
    Reloaded(Box<(Document, OnDisk)>),
    /// The event could not be read again; the edits are kept.
    ReloadFailed(String),
    /// An export finished: its summary, or why it failed.
    Exported(Result<String, String>),
    /// The organiser's picks were read at launch (or could not be).
    PicksLoaded(Result<BTreeSet<String>, String>),
    /// The picks could not be stored.
    PicksNotSaved(String),
    /// A recovery file was found at launch; `changed_since`: the event's files were modified
    /// after it was written.
    RecoveryFound {
        path: PathBuf,
        recovery: Box<Recovery>,
        changed_since: bool,
    },
    /// Another editor that may be running has the event open.
    OtherEditor(Instance),
    /// "Keep mine": the event as on disk now and the edits replayed onto it (or why not).
    Merged {
        result: Result<Box<(Document, OnDisk, Replayed)>, String>,
        then_quit: bool,
        choices: Vec<Side>,
    },
    /// A recovery file was found but could not be read.
    RecoveryUnreadable(String),
    /// The recovered edits replayed onto the files as they are (or why they could not be).
    Restored {
        result: Result<Replayed, String>,
        choices: Vec<Side>,
    },
    /// The recovery file found at launch was deleted.
    RecoveryDiscarded,
    /// The background recovery file could not be written.
    AutosaveFailed(String),
    /// The last release (name and program), read at launch; `None` without releases.
    ReleasesLoaded(Result<Option<(String, Box<Program>)>, String>),
    /// `:release` finished: the new release's name and program, or why not.
    Released(Result<(String, Box<Program>), String>),
    /// The editor came back from a suspension (`fg` after `Ctrl-z`).
    Resumed,
    /// The text given to `$EDITOR` as the editor left it (or why it could not be edited).
    TextEdited(Result<String, String>),
    /// These files of the event may not be written by the user (checked at launch and after
    /// a save or reload); empty: all writable.
    FilesReadOnly(Vec<PathBuf>),
    /// The other agora that held the event has quit (its lock is gone).
    OtherEditorGone,
    /// A save found these files gone from disk: nothing was written.
    FilesGone(Vec<PathBuf>),
    /// The recovery could not go beside the event: it was written in the state folder, here.
    RecoveryElsewhere(PathBuf),
    /// The picks as saved, merged with what another agora saved meanwhile.
    PicksSaved(BTreeSet<String>),
    /// Text pasted in the terminal (bracketed paste): inserted as text, never read as keys.
    Pasted(String),
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// Cursor moves and deletions in a text being typed (see `src/tui/typing.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Left,
    Right,
    WordLeft,
    WordRight,
    Start,
    End,
    DeleteForward,
    DeleteWordBack,
    KillToEnd,
}
