//! One editor on one event at a time, as vim's swap file does it: the editor holds a lock file
//! beside the event's real file (`.<name>.agora-lock`, behind any symlink) naming its process —
//! pid, host, user and start time. A second editor finds it and asks what to do; a lock whose
//! process is gone (a crash, `kill -9`, a reboot) is stale and silently taken over.
//!
//! The same identity names the editor's recovery file, so two editors never write over each
//! other's, and a recovery file whose editor is still running is never offered nor deleted.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::save::{replace_atomic_mode, resolve_links};

/// An editor process.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Instance {
    pub pid: u32,
    pub host: String,
    /// The user id it runs as (unix).
    pub user: u32,
    /// When it started, seconds since the Unix epoch.
    pub started: i64,
    /// The kernel's start time of the process (Linux, clock ticks since boot): a pid reused by
    /// another process after a crash does not look like the editor still running.
    #[serde(default)]
    pub ticks: Option<u64>,
}

/// The process's start time in clock ticks since boot (Linux `/proc/PID/stat`, field 22).
fn start_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name (field 2) is in parentheses and may hold spaces: count after it.
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(19)?.parse().ok()
}

fn host_name() -> String {
    #[cfg(unix)]
    {
        rustix::system::uname()
            .nodename()
            .to_string_lossy()
            .into_owned()
    }
    #[cfg(not(unix))]
    {
        std::env::var("COMPUTERNAME").unwrap_or_else(|_| "localhost".into())
    }
}

/// The effective user id of this process (0 off unix).
pub fn current_user() -> u32 {
    #[cfg(unix)]
    {
        rustix::process::geteuid().as_raw()
    }
    #[cfg(not(unix))]
    {
        0
    }
}

impl Instance {
    /// This process, started at `now`.
    pub fn current(now: i64) -> Instance {
        let pid = std::process::id();
        Instance {
            pid,
            host: host_name(),
            user: current_user(),
            started: now,
            ticks: start_ticks(pid),
        }
    }

    /// A name for files of this instance: `host-pid-started`, file-name safe.
    pub fn tag(&self) -> String {
        let host: String = self
            .host
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(64)
            .collect();
        format!("{host}-{}-{}", self.pid, self.started)
    }

    /// Whether this is the running process itself.
    pub fn is_me(&self, me: &Instance) -> bool {
        self.pid == me.pid && self.host == me.host && self.started == me.started
    }

    /// Whether the process may still be running. On this host: its pid exists and (when
    /// known) started when it did. On another host nobody can tell, so it counts as running.
    pub fn alive(&self) -> bool {
        if self.host != host_name() {
            return true;
        }
        if !pid_exists(self.pid) || zombie(self.pid) {
            return false;
        }
        match (self.ticks, start_ticks(self.pid)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        }
    }

    /// "pid 4242 on laptop, started Tue 5 Dec 14:02" style words, with the start as given.
    pub fn describe(&self, started: &str) -> String {
        format!(
            "process {} of user {} on {}, started {started}",
            self.pid, self.user, self.host
        )
    }
}

/// A process that has exited but not been reaped yet (Linux: state `Z` or `X`).
fn zombie(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|stat| {
            let rest = stat[stat.rfind(')')? + 1..].trim_start().to_string();
            rest.chars().next()
        })
        .is_some_and(|state| state == 'Z' || state == 'X')
}

fn pid_exists(pid: u32) -> bool {
    #[cfg(unix)]
    {
        match rustix::process::Pid::from_raw(pid as i32) {
            Some(p) => match rustix::process::test_kill_process(p) {
                Ok(()) => true,
                // It exists, but belongs to someone else.
                Err(e) => e == rustix::io::Errno::PERM,
            },
            None => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// The real path of an event (behind symlinks; "." named by its directory).
pub fn real_event(event: &Path) -> PathBuf {
    let resolved = resolve_links(event).unwrap_or_else(|_| event.to_path_buf());
    if resolved.file_name().is_none() {
        std::fs::canonicalize(&resolved).unwrap_or(resolved)
    } else {
        resolved
    }
}

/// `dir/.name.SUFFIX` beside the real event `dir/name`.
pub fn beside(event: &Path, suffix: &str) -> PathBuf {
    let real = real_event(event);
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "event".into());
    real.with_file_name(format!(".{name}.{suffix}"))
}

/// The folder a recovery or lock falls back to when the event's own folder cannot take it (a
/// read-only folder, a full disk): `$XDG_STATE_HOME/agora/`, else `~/.local/state/agora/`.
pub fn fallback_dir() -> Option<PathBuf> {
    Some(user_dir("XDG_STATE_HOME", ".local/state")?.join("agora"))
}

/// One of the user's XDG base folders: the variable `var` when it holds an absolute path
/// (the specification says to ignore a relative one), else `~/<under_home>`.
pub(crate) fn user_dir(var: &str, under_home: &str) -> Option<PathBuf> {
    std::env::var_os(var)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| {
            std::env::var_os("HOME")
                .filter(|v| !v.is_empty())
                .map(|h| PathBuf::from(h).join(under_home))
        })
}

/// The event's real path, absolute, written as one file name as vim names its swap files:
/// each `/` becomes `%` (and a `%` of the path `%%`), so the name says which event it is for.
pub fn path_as_name(event: &Path) -> String {
    let real = real_event(event);
    let absolute = if real.is_absolute() {
        real
    } else {
        std::env::current_dir()
            .map(|d| d.join(&real))
            .unwrap_or(real)
    };
    absolute
        .to_string_lossy()
        .replace('%', "%%")
        .replace(['/', '\\'], "%")
}

/// `fallback_dir()/<path as name>.SUFFIX`, the fallback of [`beside`].
pub fn fallback(event: &Path, suffix: &str) -> Option<PathBuf> {
    Some(fallback_dir()?.join(format!("{}.{suffix}", path_as_name(event))))
}

/// Create the fallback folder, private to the user (0700).
pub fn make_fallback_dir() -> std::io::Result<PathBuf> {
    let dir = fallback_dir()
        .ok_or_else(|| std::io::Error::other("neither XDG_STATE_HOME nor HOME is set"))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

/// The permissions of files kept beside the event: the event's own (a directory event's
/// files get the directory's read/write bits), never executable.
pub fn private_mode(event: &Path) -> u32 {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(real_event(event))
            .map(|m| m.permissions().mode() & 0o666)
            .unwrap_or(0o600)
    }
    #[cfg(not(unix))]
    {
        let _ = event;
        0o600
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct LockFile {
    format: String,
    event: String,
    instance: Instance,
}

const LOCK_FORMAT: &str = "agora-lock 1";

/// What opening an event found.
#[derive(Debug)]
pub enum Claim {
    /// The lock is this editor's (a stale one was taken over).
    Mine(Lock),
    /// Another editor that may be running holds it.
    Held(Instance),
}

/// The lock this editor holds; removed by [`Lock::release`] (or left by a crash, then stale).
#[derive(Debug, Clone)]
pub struct Lock {
    pub path: PathBuf,
    pub instance: Instance,
}

/// Path of the lock file of `event`.
pub fn lock_path(event: &Path) -> PathBuf {
    beside(event, "agora-lock")
}

/// The holder named by the lock file of `event`, if any (an unreadable lock is nobody's):
/// beside the event, else in the fallback folder (where a lock goes when the event's folder
/// cannot take it).
pub fn holder(event: &Path) -> Option<Instance> {
    let read = |path: PathBuf| -> Option<Instance> {
        let text = std::fs::read_to_string(path).ok()?;
        let lock: LockFile = serde_json::from_str(&text).ok()?;
        (lock.format == LOCK_FORMAT).then_some(lock.instance)
    };
    let here = read(lock_path(event));
    let there = fallback(event, "agora-lock").and_then(read);
    // A running holder wherever it is, before a stale one.
    [here.clone(), there.clone()]
        .into_iter()
        .flatten()
        .find(Instance::alive)
        .or(here)
        .or(there)
}

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error("cannot write the lock file `{}`: {source}", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Json(#[from] serde_json::Error),
}

/// Take the lock of `event` for `me`, unless another editor that may be running holds it.
pub fn claim(event: &Path, me: &Instance) -> Result<Claim, LockError> {
    if let Some(other) = holder(event) {
        if !other.is_me(me) && other.alive() {
            return Ok(Claim::Held(other));
        }
    }
    take(event, me).map(Claim::Mine)
}

/// Take the lock whatever it says ("open anyway" keeps the other's: see the editor). When the
/// event's folder cannot take it, it goes to the fallback folder (0600).
fn take(event: &Path, me: &Instance) -> Result<Lock, LockError> {
    let path = lock_path(event);
    let lock = LockFile {
        format: LOCK_FORMAT.into(),
        event: real_event(event).display().to_string(),
        instance: me.clone(),
    };
    let json = serde_json::to_string_pretty(&lock)?;
    let bytes = format!("{json}\n");
    let elsewhere = fallback(event, "agora-lock");
    match replace_atomic_mode(&path, bytes.as_bytes(), private_mode(event)) {
        Ok(()) => {
            // Beside the event again: a lock left in the fallback folder is no longer needed.
            if let Some(old) = &elsewhere {
                if holder_at(old).is_some_and(|i| i.is_me(me)) {
                    let _ = std::fs::remove_file(old);
                }
            }
            Ok(Lock {
                path,
                instance: me.clone(),
            })
        }
        Err(source) => {
            let written = elsewhere.filter(|alt| {
                make_fallback_dir().is_ok()
                    && replace_atomic_mode(alt, bytes.as_bytes(), 0o600).is_ok()
            });
            match written {
                Some(alt) => Ok(Lock {
                    path: alt,
                    instance: me.clone(),
                }),
                None => Err(LockError::Write { path, source }),
            }
        }
    }
}

fn holder_at(path: &Path) -> Option<Instance> {
    let text = std::fs::read_to_string(path).ok()?;
    let lock: LockFile = serde_json::from_str(&text).ok()?;
    Some(lock.instance)
}

impl Lock {
    /// Remove the lock file if it still names this editor.
    pub fn release(&self) {
        let text = std::fs::read_to_string(&self.path).unwrap_or_default();
        if serde_json::from_str::<LockFile>(&text).is_ok_and(|l| l.instance.is_me(&self.instance)) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_second_claim_sees_the_first_and_a_dead_holder_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let event = dir.path().join("ev.toml");
        std::fs::write(&event, "").unwrap();
        let me = Instance::current(100);
        let Claim::Mine(lock) = claim(&event, &me).unwrap() else {
            panic!("the first claim is mine");
        };
        // Claiming again from the same process is fine (a reload).
        assert!(matches!(claim(&event, &me).unwrap(), Claim::Mine(_)));
        // Another editor, running (this test process, started at another time… same pid but
        // another start: the pid's start ticks still match, so it counts as running).
        let other = Instance {
            started: 5,
            ..me.clone()
        };
        match claim(&event, &other).unwrap() {
            Claim::Held(h) => assert!(h.is_me(&me)),
            Claim::Mine(_) => panic!("a running holder must be seen"),
        }
        // A holder whose process is gone: stale, taken over.
        let dead = Instance {
            pid: u32::MAX / 2,
            ticks: None,
            ..me.clone()
        };
        take(&event, &dead).unwrap();
        assert!(!dead.alive());
        assert!(matches!(claim(&event, &me).unwrap(), Claim::Mine(_)));
        // A reused pid (same pid, another start time) is stale too.
        let reused = Instance {
            ticks: me.ticks.map(|t| t + 1),
            ..me.clone()
        };
        if me.ticks.is_some() {
            assert!(!reused.alive());
        }
        lock.release();
        assert!(!lock_path(&event).exists());
    }

    #[cfg(unix)]
    #[test]
    fn the_lock_sits_beside_the_real_file_behind_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("real")).unwrap();
        let real = dir.path().join("real/ev.toml");
        std::fs::write(&real, "").unwrap();
        let link = dir.path().join("link.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        assert_eq!(
            lock_path(&link),
            dir.path().join("real/.ev.toml.agora-lock")
        );
        assert_eq!(lock_path(&link), lock_path(&real));
    }
}
