//! The signage's runner: owns the terminal (the editor's setup and restore: raw mode,
//! alternate screen, restored on exit, on a panic and on SIGTERM/SIGHUP/SIGINT/SIGQUIT),
//! ticks the clock once a second, reads keys, and reloads the event when its files change —
//! told by the file watcher (inotify through `notify`), and by polling the files' sizes and
//! times every [`POLL`] in case the watcher misses a change (network file systems, editors
//! that replace the folder) or cannot start.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant as Clock, SystemTime};

use notify::Watcher;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::Colored;
use ratatui::crossterm::terminal::{enable_raw_mode, EnterAlternateScreen};
use ratatui::Terminal;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
use signal_hook::iterator::Signals;

use super::{render, Msg, Signage};
use crate::load::{load_path, LoadFailure};
use crate::model::Program;
use crate::signage::Baseline;
use crate::time::Instant;
use crate::tui::runner::{key_of, restore_terminal, signal_name};

/// How often the files are checked without the watcher's help.
pub const POLL: Duration = Duration::from_secs(2);
/// Changes closer together than this are read once (an editor's save is several events).
const SETTLE: Duration = Duration::from_millis(150);

/// Where the display's time comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeSource {
    System,
    /// `--at`: this instant, held.
    Fixed(Instant),
}

impl TimeSource {
    pub fn now(self) -> Instant {
        match self {
            TimeSource::Fixed(t) => t,
            TimeSource::System => SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs() as i64),
        }
    }
}

/// What identifies the event files' contents cheaply: each `.toml` file's path, size and
/// modification time.
pub fn fingerprint(path: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut out = Vec::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::metadata(&p) else {
            out.push((p, u64::MAX, None));
            continue;
        };
        if meta.is_dir() {
            if let Ok(entries) = std::fs::read_dir(&p) {
                for e in entries.flatten() {
                    let child = e.path();
                    let hidden = child
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    if !hidden && (child.is_dir() || child.extension().is_some_and(|x| x == "toml"))
                    {
                        stack.push(child);
                    }
                }
            }
        } else {
            out.push((p, meta.len(), meta.modified().ok()));
        }
    }
    out.sort();
    out
}

/// One line about why the files do not read: the first problem, with its place.
pub fn failure_line(failure: &LoadFailure) -> String {
    let Some(e) = failure.errors.first() else {
        return "the event does not read".to_string();
    };
    let place = match (&e.span, &e.path) {
        (Some(span), _) => {
            let file = failure.sources.get(span.file);
            let (line, col) = file.line_col(span.start as usize);
            format!("{}:{line}:{col}: ", file.path.display())
        }
        (None, Some(p)) => format!("{}: ", p.display()),
        (None, None) => String::new(),
    };
    let more = match failure.errors.len() {
        1 => String::new(),
        n => format!(" (+{} more)", n - 1),
    };
    let text = format!("{place}{}{more}; showing the last good program", e.message);
    crate::export::clean::line(&text)
}

/// Where sessions were at the event's last release, when it has releases (its store beside
/// it, see docs/releases.md); `None` without releases or when the store does not read.
pub fn release_baseline(path: &Path, program: &Program) -> Option<Baseline> {
    let store = crate::release::Store::open(path).ok()?;
    if store.releases.is_empty() {
        return None;
    }
    let info = store.follow_working_copy(program, 0);
    Some(Baseline::from_changes(&info).unwrap_or_default())
}

/// The messages after reading the files again: the release baseline (when there are
/// releases), then the program; or why it does not read.
pub fn reload(path: &Path) -> Vec<Msg> {
    match load_path(path) {
        Ok(program) => {
            let mut out = Vec::new();
            if let Some(b) = release_baseline(path, &program) {
                out.push(Msg::Baseline(b));
            }
            out.push(Msg::Loaded(Box::new(program)));
            out
        }
        Err(failure) => vec![Msg::LoadFailed(failure_line(&failure))],
    }
}

/// Run the display until `q` or a signal. Returns an error message if the terminal failed.
pub fn run(mut state: Signage, path: &Path, time: TimeSource) -> Result<(), String> {
    let watcher_dir = if path.is_dir() {
        path.to_path_buf()
    } else {
        path.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    };
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        if res.is_ok() {
            let _ = tx.send(());
        }
    })
    .ok();
    let mode = if path.is_dir() {
        notify::RecursiveMode::Recursive
    } else {
        notify::RecursiveMode::NonRecursive
    };
    if let Some(w) = watcher.as_mut() {
        if w.watch(&watcher_dir, mode).is_err() {
            watcher = None;
        }
    }

    // A signal asks the loop to stop (it looks every 100 ms) so the terminal is restored once,
    // by the thread that draws; if the loop is stuck (a dead terminal), this thread does it.
    let stop = Arc::new(AtomicI32::new(0));
    let signals = Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT]).map_err(|e| e.to_string())?;
    let handle = signals.handle();
    let mut signals = signals;
    let flag = Arc::clone(&stop);
    let thread = std::thread::spawn(move || {
        if let Some(sig) = signals.forever().next() {
            flag.store(sig, Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(2));
            restore_terminal();
            eprintln!("agora signage stopped ({})", signal_name(sig as usize));
            std::process::exit(128 + sig);
        }
    });

    Colored::set_ansi_color_disabled(false);
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(|info| {
        restore_terminal();
        eprintln!(
            "error: agora signage stopped on an internal error ({info}). Please report this."
        );
    }));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let setup = (|| -> std::io::Result<Terminal<CrosstermBackend<std::io::Stdout>>> {
            enable_raw_mode()?;
            let mut out = std::io::stdout();
            execute!(out, EnterAlternateScreen, ratatui::crossterm::cursor::Hide)?;
            Terminal::new(CrosstermBackend::new(out))
        })();
        match setup {
            Ok(mut terminal) => event_loop(&mut terminal, &mut state, path, time, &rx, &stop),
            Err(e) => Err(format!("cannot use the terminal: {e}")),
        }
    }));
    std::panic::set_hook(previous);
    restore_terminal();
    drop(watcher);
    let sig = stop.load(Ordering::SeqCst);
    if sig != 0 {
        eprintln!("agora signage stopped ({})", signal_name(sig as usize));
        std::process::exit(128 + sig);
    }
    handle.close();
    let _ = thread.join();
    match result {
        Ok(r) => r,
        Err(_) => Err("internal error".to_string()),
    }
}

fn event_loop<W: std::io::Write>(
    terminal: &mut Terminal<CrosstermBackend<W>>,
    state: &mut Signage,
    path: &Path,
    time: TimeSource,
    changes: &mpsc::Receiver<()>,
    stop: &AtomicI32,
) -> Result<(), String> {
    let mut seen = fingerprint(path);
    let mut polled = Clock::now();
    let mut changed_at: Option<Clock> = None;
    let mut ticked: Option<u64> = None;
    loop {
        // One tick per second of real time (a key press redraws without ticking).
        let second = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if ticked != Some(second) {
            ticked = Some(second);
            state.update(Msg::Tick(time.now()));
        }
        let mut pages = 1;
        terminal
            .draw(|f| pages = render::render(f, state))
            .map_err(|e| e.to_string())?;
        state.set_pages(pages);
        if state.quit {
            return Ok(());
        }
        // Sleep until the next second starts, or a key.
        let into = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_millis() as u64);
        let wait = Duration::from_millis((1000 - into).clamp(20, 1000));
        let deadline = Clock::now() + wait;
        while Clock::now() < deadline {
            if stop.load(Ordering::SeqCst) != 0 {
                return Ok(());
            }
            let left = deadline.saturating_duration_since(Clock::now());
            match event::poll(left.min(Duration::from_millis(100))) {
                Ok(true) => match event::read() {
                    Ok(Event::Key(k)) => {
                        if let Some(key) = key_of(k) {
                            state.update(Msg::Key(key));
                            break;
                        }
                    }
                    Ok(Event::Resize(..)) => break,
                    Ok(_) => {}
                    Err(e) => return Err(format!("terminal lost: {e}")),
                },
                Ok(false) => {}
                Err(e) => return Err(format!("terminal lost: {e}")),
            }
            while changes.try_recv().is_ok() {
                changed_at = Some(Clock::now());
            }
            if changed_at.is_some_and(|c| c.elapsed() >= SETTLE) {
                break;
            }
        }
        if state.quit {
            return Ok(());
        }
        while changes.try_recv().is_ok() {
            changed_at = Some(Clock::now());
        }
        let settled = changed_at.is_some_and(|c| c.elapsed() >= SETTLE);
        if settled || polled.elapsed() >= POLL {
            polled = Clock::now();
            let now_seen = fingerprint(path);
            if settled || now_seen != seen {
                changed_at = None;
                if now_seen != seen {
                    seen = now_seen;
                    for msg in reload(path) {
                        state.update(msg);
                    }
                }
            }
        }
    }
}
