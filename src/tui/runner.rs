//! The runner: owns the terminal, turns terminal events into keys and actions, carries out the
//! app's effects (save, reload, export, picks, quit), and makes sure that a panic, `SIGTERM` or
//! `SIGHUP` (terminal closed, SSH session killed) restores the terminal and leaves a recovery
//! file with the unsaved edits. A synchronous loop: no async runtime.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant as Clock};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::Colored;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGSTOP, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::action::{Action, Effect, Msg};
use super::app::App;
use super::keymap::Key;
use super::{export, render};
use crate::edit::Document;
use crate::instance;
use crate::picks;
use crate::recover;
use crate::save::{self, OnDisk};

/// Seconds without a key after an edit before the recovery file is refreshed.
const AUTOSAVE_IDLE: Duration = Duration::from_secs(3);
/// At the latest this long after the first edit not yet in the recovery file, it is written
/// even while edits keep coming (a steady run of keys has no pause).
const AUTOSAVE_MAX: Duration = Duration::from_secs(10);
/// How often a session without the event's lock (read-only, or opened anyway) looks whether
/// the other agora's lock is gone, to take it over.
const LOCK_POLL: Duration = Duration::from_secs(1);

/// `$EDITOR` runs: a `SIGTSTP` (Ctrl-z in it) is for it, and the terminal is its own.
static CHILD_RUNNING: AtomicBool = AtomicBool::new(false);

/// How the loop ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Exit {
    /// The organiser quit.
    Quit,
    /// A signal or a lost terminal: the edits go to the recovery file.
    Interrupted(String),
}

/// Turn a terminal key event into a key, normalising what terminals send: uppercase letters
/// may arrive as Shift+lowercase, Shift-Tab as Tab with Shift or as BackTab (tmux `BTab`).
pub fn key_of(ev: KeyEvent) -> Option<Key> {
    if ev.kind == KeyEventKind::Release {
        return None;
    }
    let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
    Some(match ev.code {
        KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
            Key::Ctrl(c.to_ascii_lowercase())
        }
        KeyCode::Char(c) if shift && c.is_ascii_lowercase() => Key::Char(c.to_ascii_uppercase()),
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab if shift => Key::BackTab,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left
            if ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::SHIFT) =>
        {
            Key::WordLeft
        }
        KeyCode::Right
            if ev
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::SHIFT) =>
        {
            Key::WordRight
        }
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Delete => Key::Delete,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}

pub(crate) fn restore_terminal() {
    let _ = disable_raw_mode();
    let mut out = std::io::stdout();
    let _ = execute!(
        out,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen
    );
    let _ = execute!(out, ratatui::crossterm::cursor::Show);
}

/// Take the terminal (again, after a suspension or `$EDITOR`): raw mode, the alternate screen,
/// the mouse, and bracketed paste (a paste arrives as text, never as keys).
pub(crate) fn take_terminal() -> std::io::Result<()> {
    enable_raw_mode()?;
    execute!(
        std::io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )
}

/// Where the picks of the open event are kept.
fn picks_path(app: &App) -> Option<PathBuf> {
    picks::default_path(&app.doc.program.event.id)
}

/// Write this editor's recovery file, with the text typed in an open form applied (see
/// [`App::with_typed`]). Beside the event, else in the state folder.
fn write_recovery(
    app: &mut App,
    reason: &str,
    t: i64,
) -> Result<Option<PathBuf>, recover::RecoveryError> {
    app.with_typed(|app| recover::write(&app.doc, &app.disk, &app.safety.instance, reason, t))
}

/// Whether anything is not saved: edits, or text typed in an open form.
fn unsaved(app: &App) -> bool {
    app.history.is_dirty() || app.typed_edit().is_some()
}

/// The recovery message after the editor stopped for `reason`, writing the recovery file.
fn stopped(reason: &str, app: &mut App) -> String {
    // Even if the state is damaged enough to make this panic, say so rather than abort.
    let written = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        write_recovery(app, reason, now()).map_err(|e| e.to_string())
    }))
    .unwrap_or_else(|_| Err("internal error while writing it".into()));
    // Printed on the terminal: a file name is untrusted text too.
    let clean = |p: &Path| crate::report::text::printable(&p.display().to_string()).into_owned();
    match written {
        Ok(Some(path)) => crate::tui::words::format(
            "stopped_saved",
            &[
                ("reason", reason),
                ("path", &clean(&path)),
                ("event", &clean(&app.disk.root)),
            ],
        ),
        Ok(None) => crate::tui::words::format("stopped_nothing", &[("reason", reason)]),
        Err(m) => {
            crate::tui::words::format("stopped_unwritten", &[("reason", reason), ("problem", &m)])
        }
    }
}

fn lock(shared: &Mutex<App>) -> MutexGuard<'_, App> {
    // A panic while holding the lock leaves the app as it was: still worth saving.
    shared
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Run the editor on an opened event until the organiser quits. Returns a message for the
/// terminal after it is restored, and whether things ended well.
pub fn run(doc: Document, disk: OnDisk, color: bool) -> (bool, String) {
    // The editor's words follow the user's locale (LC_ALL, LC_MESSAGES, LANG).
    let env = |name: &str| std::env::var(name).ok();
    crate::tui::words::choose(&crate::tui::words::language_from(
        env("LC_ALL").as_deref(),
        env("LC_MESSAGES").as_deref(),
        env("LANG").as_deref(),
    ));
    let mut app = App::new(doc, disk, now(), color);
    let last = crate::tui::changes::last_release(&app.disk.root);
    app.update(Msg::ReleasesLoaded(last));
    if let Some(path) = picks_path(&app) {
        app.update(Msg::PicksLoaded(
            picks::load(&path).map_err(|e| e.to_string()),
        ));
    }
    // Another editor on the event (vim's swap file): ask before anything else.
    let held: Option<instance::Lock> = match instance::claim(&app.disk.root, &app.safety.instance) {
        Ok(instance::Claim::Mine(lock)) => Some(lock),
        Ok(instance::Claim::Held(other)) => {
            app.update(Msg::OtherEditor(other));
            None
        }
        Err(m) => {
            app.update(Msg::RecoveryUnreadable(m.to_string()));
            None
        }
    };
    offer_recoveries(&mut app);
    let read_only = read_only_files(&app.disk);
    app.update(Msg::FilesReadOnly(read_only));
    let shared = Arc::new(Mutex::new(app));
    // The lock this editor holds; one that opened without it takes it when the other quits.
    let held = Arc::new(Mutex::new(held));
    let resumed = Arc::new(AtomicBool::new(false));

    // Signals are handled on their own thread: when the terminal is closed, the main thread
    // may be stuck reading a dead terminal, so this thread saves the edits and exits.
    let watcher = match Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]) {
        Ok(mut signals) => {
            let handle = signals.handle();
            let shared = Arc::clone(&shared);
            let own = {
                let app = lock(&shared);
                recover::own_paths(&app.disk.root, &app.safety.instance)
            };
            let held = Arc::clone(&held);
            let thread = std::thread::spawn(move || {
                if let Some(sig) = signals.forever().next() {
                    let reason = signal_name(sig as usize);
                    // The app is free within a frame; never wait forever for it.
                    let deadline = Clock::now() + Duration::from_secs(3);
                    let app = loop {
                        match shared.try_lock() {
                            Ok(app) => break Some(app),
                            Err(std::sync::TryLockError::Poisoned(p)) => {
                                break Some(p.into_inner())
                            }
                            Err(std::sync::TryLockError::WouldBlock) if Clock::now() < deadline => {
                                std::thread::sleep(Duration::from_millis(20))
                            }
                            Err(std::sync::TryLockError::WouldBlock) => break None,
                        }
                    };
                    restore_terminal();
                    let message = match app {
                        Some(mut app) => stopped(&reason, &mut app),
                        // Busy ($EDITOR runs): the recovery written before it started holds
                        // the edits; only a file that is there is named.
                        None => match own.iter().find(|p| p.exists()) {
                            Some(path) => crate::tui::words::format(
                                "stopped_busy",
                                &[
                                    ("reason", &reason),
                                    (
                                        "path",
                                        &crate::report::text::printable(
                                            &path.display().to_string(),
                                        ),
                                    ),
                                ],
                            ),
                            None => crate::tui::words::format(
                                "stopped_busy_nothing",
                                &[("reason", &reason)],
                            ),
                        },
                    };
                    if let Some(lock) = held.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
                        lock.release();
                    }
                    let _ = writeln!(std::io::stderr(), "{message}");
                    std::process::exit(128 + sig);
                }
            });
            Some((handle, thread))
        }
        Err(_) => None,
    };

    // `SIGTSTP` from outside (`kill -TSTP`, a job control key the terminal turned into a
    // signal) is handled like `Ctrl-z`: the terminal given back, stopped, taken again and
    // drawn whole once continued.
    let stopper = match Signals::new([SIGTSTP]) {
        Ok(mut signals) => {
            let handle = signals.handle();
            let resumed = Arc::clone(&resumed);
            let thread = std::thread::spawn(move || {
                for _ in signals.forever() {
                    if CHILD_RUNNING.load(Ordering::SeqCst) {
                        // The terminal is `$EDITOR`'s: just stop with it.
                        let _ = signal_hook::low_level::raise(SIGSTOP);
                        continue;
                    }
                    restore_terminal();
                    let _ = signal_hook::low_level::raise(SIGSTOP);
                    let _ = take_terminal();
                    resumed.store(true, Ordering::SeqCst);
                }
            });
            Some((handle, thread))
        }
        Err(_) => None,
    };

    // Colours are the theme's business: without this, crossterm honours NO_COLOR by emitting
    // an empty SGR sequence, which also resets bold and reverse video.
    Colored::set_ansi_color_disabled(false);

    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        restore_terminal();
        eprintln!(
            "error: agora stopped on an internal error ({info}).\n\
             Your unsaved edits are being written to a recovery file. Please report this."
        );
    }));

    let started = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let setup = (|| -> std::io::Result<Terminal<CrosstermBackend<std::io::Stdout>>> {
            take_terminal()?;
            Terminal::new(CrosstermBackend::new(std::io::stdout()))
        })();
        match setup {
            Ok(mut terminal) => event_loop(&mut terminal, &shared, &held, &resumed),
            Err(e) => Err(format!("cannot use the terminal: {e}")),
        }
    }));
    std::panic::set_hook(previous);
    restore_terminal();
    if let Some((handle, thread)) = watcher {
        handle.close();
        let _ = thread.join();
    }
    if let Some((handle, thread)) = stopper {
        handle.close();
        let _ = thread.join();
    }

    if let Some(lock) = held.lock().unwrap_or_else(|p| p.into_inner()).as_ref() {
        lock.release();
    }
    let mut app = lock(&shared);
    match started {
        Ok(Ok(Exit::Quit)) => (true, String::new()),
        Ok(Ok(Exit::Interrupted(reason))) => (false, stopped(&reason, &mut app)),
        Ok(Err(message)) => {
            let note = stopped("terminal error", &mut app);
            (false, format!("error: {message}\n{note}"))
        }
        Err(_) => (false, stopped("internal error", &mut app)),
    }
}

pub(crate) fn signal_name(sig: usize) -> String {
    match sig as i32 {
        SIGTERM => "SIGTERM".into(),
        SIGHUP => "SIGHUP: the terminal was closed".into(),
        SIGINT => "SIGINT".into(),
        SIGQUIT => "SIGQUIT".into(),
        n => format!("signal {n}"),
    }
}

/// When the recovery file is refreshed: a few seconds after the last edit, and at the latest
/// [`AUTOSAVE_MAX`] after the first edit it does not hold yet.
struct Autosave {
    /// The state (history generation, typed text) the recovery file holds.
    written: (u64, u64),
    /// The state last seen, and when it changed.
    seen: (u64, u64),
    last_change: Clock,
    /// The first change since the recovery file was written.
    first_change: Option<Clock>,
}

fn state_of(app: &App) -> (u64, u64) {
    (app.history.generation(), app.typed_key())
}

impl Autosave {
    fn new(app: &App) -> Autosave {
        let state = state_of(app);
        Autosave {
            written: state,
            seen: state,
            last_change: Clock::now(),
            first_change: None,
        }
    }

    /// Note the state after an event; whether the recovery file is due.
    fn due(&mut self, app: &App) -> bool {
        let state = state_of(app);
        if state != self.seen {
            self.seen = state;
            self.last_change = Clock::now();
        }
        if state == self.written {
            self.first_change = None;
            return false;
        }
        let first = *self.first_change.get_or_insert_with(Clock::now);
        self.last_change.elapsed() >= AUTOSAVE_IDLE || first.elapsed() >= AUTOSAVE_MAX
    }

    /// Write (or remove) the recovery file now.
    fn run(&mut self, app: &mut App) {
        self.written = state_of(app);
        self.first_change = None;
        autosave_now(app);
    }
}

/// Refresh this editor's own recovery file (older ones, ignored or not, stay as they are), or
/// remove it when nothing is unsaved.
fn autosave_now(app: &mut App) {
    if unsaved(app) {
        match write_recovery(app, "autosave", now()) {
            Ok(Some(path)) if path != recover::path_for(&app.disk.root, &app.safety.instance) => {
                app.update(Msg::RecoveryElsewhere(path));
            }
            Ok(_) => {}
            Err(m) => {
                app.update(Msg::AutosaveFailed(m.to_string()));
            }
        }
    } else {
        remove_own(app);
    }
}

/// Without the event's lock (read-only, or opened anyway): take it once the other agora's is
/// gone, so a third one is warned, and saving comes back.
fn take_lock_when_free(app: &mut App, held: &Mutex<Option<instance::Lock>>) -> bool {
    let mut held = held.lock().unwrap_or_else(|p| p.into_inner());
    if held.is_some() || matches!(app.prompt, Some(super::app::Prompt::OtherEditor { .. })) {
        return false;
    }
    match instance::claim(&app.disk.root, &app.safety.instance) {
        Ok(instance::Claim::Mine(lock)) => {
            *held = Some(lock);
            app.update(Msg::OtherEditorGone);
            true
        }
        _ => false,
    }
}

fn event_loop<W: Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    shared: &Mutex<App>,
    held: &Mutex<Option<instance::Lock>>,
    resumed: &AtomicBool,
) -> Result<Exit, String> {
    let size = terminal.size().map_err(|e| e.to_string())?;
    lock(shared).update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut autosave = Autosave::new(&lock(shared));
    let mut lock_polled = Clock::now();
    let mut dirty_screen = true;
    loop {
        if resumed.swap(false, Ordering::SeqCst) {
            // Back from a SIGTSTP: the shell drew over the screen.
            terminal.clear().map_err(|e| e.to_string())?;
            lock(shared).update(Msg::Resumed);
            dirty_screen = true;
        }
        if dirty_screen {
            let app = lock(shared);
            terminal
                .draw(|f| render::draw(f, &app))
                .map_err(|e| e.to_string())?;
            dirty_screen = false;
        }
        // Wait for and read input without holding the app, so the signal thread can always
        // save it (reading a closed terminal can spin inside crossterm).
        let ready = match event::poll(Duration::from_millis(250)) {
            Ok(r) => r,
            Err(e) => return Ok(Exit::Interrupted(format!("terminal lost: {e}"))),
        };
        let input = if ready {
            match event::read() {
                Ok(ev) => Some(ev),
                Err(e) => return Ok(Exit::Interrupted(format!("terminal lost: {e}"))),
            }
        } else {
            None
        };
        let mut app = lock(shared);
        if autosave.due(&app) {
            autosave.run(&mut app);
            dirty_screen = true;
        }
        if lock_polled.elapsed() >= LOCK_POLL {
            lock_polled = Clock::now();
            if take_lock_when_free(&mut app, held) {
                dirty_screen = true;
            }
        }
        let Some(ev) = input else {
            // Idle: keep "now" current.
            let t = now();
            if t / 60 != app.now / 60 {
                app.update(Msg::Tick(t));
                dirty_screen = true;
            }
            continue;
        };
        let effect = match ev {
            Event::Key(k) => {
                // Esc typed just before a key reaches us as Alt+key (terminals send both in one
                // read); agora binds nothing to Alt, so it means Esc, then the key.
                let mut effect = None;
                if k.modifiers.contains(KeyModifiers::ALT)
                    && matches!(k.code, KeyCode::Char(_))
                    && k.kind != KeyEventKind::Release
                {
                    effect = app.handle_key(Key::Esc);
                }
                match (effect, key_of(k)) {
                    (None, Some(key)) => app.handle_key(key),
                    (effect, _) => effect,
                }
            }
            Event::Mouse(m) => {
                let action = match m.kind {
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                        column: m.column,
                        row: m.row,
                    }),
                    MouseEventKind::Drag(MouseButton::Left) => Some(Action::Drag {
                        column: m.column,
                        row: m.row,
                    }),
                    MouseEventKind::Up(MouseButton::Left) => Some(Action::Release {
                        column: m.column,
                        row: m.row,
                    }),
                    MouseEventKind::ScrollDown => Some(Action::Scroll {
                        column: m.column,
                        row: m.row,
                        lines: 3,
                    }),
                    MouseEventKind::ScrollUp => Some(Action::Scroll {
                        column: m.column,
                        row: m.row,
                        lines: -3,
                    }),
                    _ => None,
                };
                action.and_then(|a| app.update(a))
            }
            // Pasted text is text, wherever it lands: never keys.
            Event::Paste(text) => app.update(Msg::Pasted(text)),
            Event::Resize(width, height) => {
                terminal.autoresize().map_err(|e| e.to_string())?;
                app.update(Action::Resize { width, height })
            }
            _ => None,
        };
        dirty_screen = true;
        if let Some(effect) = effect {
            let resumed = matches!(effect, Effect::Suspend | Effect::EditText { .. });
            if let Some(exit) = carry_out(&mut app, effect) {
                return Ok(exit);
            }
            if resumed {
                // The shell drew over the screen: draw all of it again.
                terminal.clear().map_err(|e| e.to_string())?;
            }
        }
        let _ = autosave.due(&app);
    }
}

/// Do what the app asked; effects may lead to further effects (a save, then quit).
pub fn carry_out(app: &mut App, effect: Effect) -> Option<Exit> {
    let mut next = Some(effect);
    while let Some(effect) = next.take() {
        next = match effect {
            Effect::Save { force, then_quit } => {
                let result = save::save(&mut app.doc, &mut app.disk, force);
                if result.is_ok() {
                    remove_own(app);
                    remove_adopted(app);
                }
                let gone: Vec<PathBuf> = match &result {
                    Err(save::SaveError::ChangedOnDisk(paths)) => paths
                        .iter()
                        .filter(|p| std::fs::symlink_metadata(p).is_err())
                        .cloned()
                        .collect(),
                    _ => Vec::new(),
                };
                if !gone.is_empty() {
                    // Removed or renamed: nothing to merge with; the next `:w` writes it again.
                    app.update(Msg::FilesGone(gone));
                    None
                } else {
                    let effect = app.update(Msg::Saved { result, then_quit });
                    let read_only = read_only_files(&app.disk);
                    app.update(Msg::FilesReadOnly(read_only));
                    effect
                }
            }
            Effect::KeepMine { then_quit, choices } => {
                let result = save::open(&app.disk.root)
                    .map_err(|failure| {
                        let first = failure
                            .errors
                            .first()
                            .map(|e| e.message.clone())
                            .unwrap_or_default();
                        crate::tui::words::format("msg_disk_does_not_load", &[("problem", &first)])
                    })
                    .and_then(|(fresh, disk)| {
                        recover::keep_mine(&app.doc, &fresh, &disk, &choices)
                            .map(|replayed| Box::new((fresh, disk, replayed)))
                            .map_err(|e| e.to_string())
                    });
                app.update(Msg::Merged {
                    result,
                    then_quit,
                    choices,
                })
            }
            Effect::Reload => {
                match save::open(&app.disk.root) {
                    Ok((doc, disk)) => {
                        // The edits are dropped; restored recovery files stay for next time.
                        remove_own(app);
                        app.update(Msg::Reloaded(Box::new((doc, disk))));
                        let read_only = read_only_files(&app.disk);
                        app.update(Msg::FilesReadOnly(read_only));
                    }
                    Err(failure) => {
                        let first = failure
                            .errors
                            .first()
                            .map(|e| e.message.clone())
                            .unwrap_or_default();
                        app.update(Msg::ReloadFailed(crate::tui::words::format(
                            "msg_cannot_reload",
                            &[("problem", &first)],
                        )));
                    }
                }
                None
            }
            Effect::Export {
                format,
                path,
                picks,
            } => {
                let chosen = picks.then_some(&app.picks);
                let stamp = crate::export::stamp_from(
                    std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
                    now(),
                )
                .map_err(|e| e.to_string());
                let result = stamp
                    .and_then(|t| crate::tui::changes::history(&app.disk.root, &app.doc.program, t))
                    .and_then(|changes| {
                        export::export(
                            &app.doc.program,
                            chosen,
                            &format,
                            path.as_deref().map(Path::new),
                            changes,
                        )
                    });
                app.update(Msg::Exported(result))
            }
            Effect::Release { name, comment } => {
                let time = crate::export::stamp_from(
                    std::env::var("SOURCE_DATE_EPOCH").ok().as_deref(),
                    now(),
                )
                .map_err(|e| e.to_string());
                let result = time.and_then(|t| {
                    crate::tui::changes::release(&app.disk.root, &name, comment.as_deref(), t)
                });
                app.update(Msg::Released(result))
            }
            Effect::SavePicks => {
                if let Some(path) = picks_path(app) {
                    // Read again and merged: another agora's picks are never dropped.
                    let saved = picks::save_merged(
                        &path,
                        &app.doc.program.event.id,
                        &app.picks_base,
                        &app.picks,
                    );
                    if let Ok((merged, _)) = &saved {
                        app.update(Msg::PicksSaved(merged.clone()));
                    }
                    match saved.map(|(_, kept)| kept) {
                        Ok(None) => {}
                        Ok(Some(kept)) => {
                            app.update(Msg::PicksNotSaved(crate::tui::words::format(
                                "msg_picks_kept",
                                &[
                                    ("path", &path.display().to_string()),
                                    ("kept", &kept.display().to_string()),
                                ],
                            )));
                        }
                        Err(m) => {
                            app.update(Msg::PicksNotSaved(m.to_string()));
                        }
                    }
                }
                None
            }
            Effect::Restore { choices } => {
                let result = match app.safety.offers.front() {
                    Some(offer) => recover::restore(&app.doc, &app.disk, &offer.recovery, &choices)
                        .map_err(|e| e.to_string()),
                    None => Err("no recovery file to restore".into()),
                };
                app.update(Msg::Restored { result, choices })
            }
            Effect::DiscardRecovery => {
                if let Some(offer) = app.safety.offers.front() {
                    recover::remove(&offer.path);
                }
                app.update(Msg::RecoveryDiscarded)
            }
            Effect::Suspend => {
                // The shell gets a usable terminal; `fg` brings the editor back as it was.
                restore_terminal();
                // SIGSTOP, not SIGTSTP: agora's own SIGTSTP handler is for stops from outside.
                let _ = signal_hook::low_level::raise(SIGSTOP);
                // Resumed (SIGCONT): take the terminal again and draw everything.
                let _ = take_terminal();
                app.update(Msg::Resumed);
                None
            }
            Effect::EditText { text } => {
                // The unsaved edits (and the form's typed text) go to the recovery file first:
                // a signal while the editor runs cannot reach the state until it is done.
                autosave_now(app);
                // The editor gets the terminal as the shell has it; then the screen is taken
                // back and drawn whole.
                restore_terminal();
                CHILD_RUNNING.store(true, Ordering::SeqCst);
                let result = edit_externally(&text);
                CHILD_RUNNING.store(false, Ordering::SeqCst);
                let _ = take_terminal();
                app.update(Msg::TextEdited(result))
            }
            Effect::Quit => {
                // Quitting is a decision about the edits: saved, or discarded with :q!.
                remove_own(app);
                remove_adopted(app);
                return Some(Exit::Quit);
            }
        };
    }
    None
}

/// Run `$VISUAL`, else `$EDITOR`, else `vi` on a private temporary file holding `text`, and
/// read it back. The variable may hold arguments (`code --wait`): it is run by `sh`, the file
/// given as its last argument.
fn edit_externally(text: &str) -> Result<String, String> {
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|e| !e.trim().is_empty()))
        .unwrap_or_else(|| "vi".to_string());
    let dir = std::env::temp_dir();
    let path = (0..100)
        .map(|n| dir.join(format!("agora-edit-{}-{n}.txt", std::process::id())))
        .find(|p| {
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
            options
                .open(p)
                .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
                .is_ok()
        })
        .ok_or_else(|| format!("cannot create a temporary file in {}", dir.display()))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status();
    let read = std::fs::read_to_string(&path);
    let _ = std::fs::remove_file(&path);
    match status {
        Ok(s) if s.success() => read.map_err(|e| format!("cannot read the edited text back: {e}")),
        Ok(s) => Err(format!(
            "`{editor}` exited with {s}; the field is unchanged"
        )),
        Err(e) => Err(format!("cannot run `{editor}`: {e}")),
    }
}

/// Remove this editor's own recovery file (nothing unsaved any more), beside the event or in
/// the state folder.
fn remove_own(app: &App) {
    for path in recover::own_paths(&app.disk.root, &app.safety.instance) {
        recover::remove(&path);
    }
}

/// The event's files the user may not write: no write permission for them in the file's mode
/// (for root: no write bit at all, as a 0444 file). An atomic save only needs the folder to be
/// writable, so this is asked, as vim's `[RO]` does.
fn read_only_files(disk: &OnDisk) -> Vec<PathBuf> {
    disk.files
        .iter()
        .filter(|f| not_writable(&f.path))
        .map(|f| f.path.clone())
        .collect()
}

fn not_writable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let mode = meta.permissions().mode();
        let me = instance::current_user();
        if me == 0 {
            mode & 0o222 == 0
        } else if meta.uid() == me {
            mode & 0o200 == 0
        } else {
            mode & 0o022 == 0
        }
    }
    #[cfg(not(unix))]
    {
        meta.permissions().readonly()
    }
}

/// Remove the recovery files restored into this session (saved, or dropped by `:q!`).
fn remove_adopted(app: &App) {
    for path in &app.safety.adopted {
        recover::remove(path);
    }
}

/// Offer the recovery files left beside the event, newest first; say why others are not.
fn offer_recoveries(app: &mut App) {
    let mut notes = Vec::new();
    for found in recover::find(&app.disk.root, &app.safety.instance) {
        match found {
            recover::Found::Offer { path, recovery }
                if recovery.names_another_event(&app.doc.program.event.id) =>
            {
                // Planted, or left by another event once at this path: not offered as ours.
                notes.push(format!(
                    "ignored `{}`: it holds edits of another event (`{}`), not of `{}`",
                    path.display(),
                    recovery.event_id.as_deref().unwrap_or_default(),
                    app.doc.program.event.id
                ));
            }
            recover::Found::Offer { path, recovery } => {
                // Files modified after the recovery file was written (edited by hand since).
                let newer = app.disk.files.iter().any(|f| {
                    std::fs::metadata(&f.path)
                        .and_then(|m| m.modified())
                        .ok()
                        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                        .is_some_and(|d| d.as_secs() as i64 > recovery.written_at)
                });
                app.update(Msg::RecoveryFound {
                    path,
                    recovery: Box::new(recovery),
                    changed_since: newer,
                });
            }
            recover::Found::Live { instance, .. } => notes.push(format!(
                "the autosave of the other agora (process {} on {}) is left alone",
                instance.pid, instance.host
            )),
            recover::Found::Foreign { path, why } => {
                notes.push(format!("ignored `{}`: {why}", path.display()))
            }
            recover::Found::Broken { message, .. } => notes.push(message),
        }
    }
    if !notes.is_empty() {
        app.update(Msg::RecoveryUnreadable(capitalised(&notes.join("; "))));
    }
}

fn capitalised(text: &str) -> String {
    let mut c = text.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Whether standard output is a terminal the editor can take over.
pub fn interactive() -> bool {
    std::io::stdout().is_terminal() && std::io::stdin().is_terminal()
}
