//! A program followed over its releases: what calendars, agendas and feeds need to show
//! change (docs/releases.md).
//!
//! The versions are the releases, oldest first, and optionally the working copy when it
//! differs from the last release. For each session (by its calendar key, the UID's first
//! part), walking the versions:
//!
//! - it gets `SEQUENCE` 0 in the first version whose calendar shows it;
//! - `SEQUENCE` rises by one in each later version where what its `VEVENT` shows (times,
//!   title, place, description with speakers, categories, URL, status) differs from the
//!   version before, where it leaves the calendar (removed, unscheduled, or its room
//!   removed), and where it comes back;
//! - its `DTSTAMP`/`LAST-MODIFIED` is the time of the last version where that happened.
//!
//! A session that left the calendar stays in the whole-program feed of every later version
//! as a cancelled `VEVENT` ([`Removed`]), so subscribed calendars drop it however many
//! releases they missed.

use crate::export::calendar_facts;
use crate::model::Program;
use crate::release::diff::{diff, Change, Diff};
use crate::time::Instant;

/// One version of the program.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The release name; `None` for the working copy.
    pub name: Option<&'a str>,
    pub time: Instant,
    pub comment: Option<&'a str>,
    pub program: &'a Program,
}

/// A session's place in the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionState {
    pub sequence: u32,
    /// When it last changed for calendars.
    pub modified: Instant,
}

/// A session removed from the calendar since an earlier version, as calendars last saw it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub key: String,
    pub title: String,
    pub slot: (Instant, Instant),
    pub sequence: u32,
    pub modified: Instant,
}

/// How a session changed since the previous release, for agendas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    New,
    Moved,
    Cancelled,
    Changed,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::New => "new",
            Mark::Moved => "moved",
            Mark::Cancelled => "cancelled",
            Mark::Changed => "changed",
        }
    }
}

/// One entry of the changelog: a version and what changed since the one before (`None`
/// for the first).
#[derive(Debug, Clone)]
pub struct LogEntry {
    /// `None` for the working copy's unreleased changes.
    pub name: Option<String>,
    pub time: Instant,
    pub comment: Option<String>,
    pub diff: Option<Diff>,
    /// Sessions in this version (for the first release's summary).
    pub sessions: usize,
}

/// Everything the exports need from the history of the version they export.
#[derive(Debug, Clone, Default)]
pub struct ChangeInfo {
    /// The version's name (`None`: the working copy), for frab's `version`.
    pub version: Option<String>,
    pub sessions: foldhash::HashMap<String, SessionState>,
    pub removed: Vec<Removed>,
    /// By session id, since the previous version (none for a first release).
    pub marks: foldhash::HashMap<String, Mark>,
    /// Oldest first, up to the exported version.
    pub log: Vec<LogEntry>,
}

impl ChangeInfo {
    /// The last release of the history.
    pub fn last_release(&self) -> Option<&str> {
        self.log.iter().rev().find_map(|e| e.name.as_deref())
    }
}

fn mark(change: &crate::release::diff::SessionChange) -> Mark {
    match change.change {
        Change::New => Mark::New,
        Change::Cancelled | Change::Removed => Mark::Cancelled,
        Change::Changed if change.moved => Mark::Moved,
        Change::Changed => Mark::Changed,
    }
}

/// The history of `versions` (oldest first) as seen from the last of them.
pub fn follow(versions: &[Version]) -> ChangeInfo {
    struct Track {
        sequence: u32,
        modified: Instant,
        /// The body calendars last saw, `None` while removed.
        body: Option<String>,
        title: String,
        slot: (Instant, Instant),
    }
    let mut tracks: foldhash::HashMap<String, Track> = foldhash::HashMap::default();
    // Keys in order of first appearance, for a stable list of removed sessions.
    let mut order: Vec<String> = Vec::new();
    for v in versions {
        let facts = calendar_facts(v.program);
        let mut present: foldhash::HashSet<&str> = foldhash::HashSet::default();
        for f in &facts {
            present.insert(f.key.as_str());
            match tracks.get_mut(&f.key) {
                None => {
                    order.push(f.key.clone());
                    tracks.insert(
                        f.key.clone(),
                        Track {
                            sequence: 0,
                            modified: v.time,
                            body: Some(f.body.clone()),
                            title: f.title.clone(),
                            slot: f.slot,
                        },
                    );
                }
                Some(t) => {
                    if t.body.as_deref() != Some(f.body.as_str()) {
                        t.sequence += 1;
                        t.modified = v.time;
                        t.body = Some(f.body.clone());
                    }
                    t.title = f.title.clone();
                    t.slot = f.slot;
                }
            }
        }
        for (key, t) in tracks.iter_mut() {
            if t.body.is_some() && !present.contains(key.as_str()) {
                t.body = None;
                t.sequence += 1;
                t.modified = v.time;
            }
        }
    }
    let mut info = ChangeInfo {
        version: versions.last().and_then(|v| v.name.map(str::to_string)),
        ..ChangeInfo::default()
    };
    for key in &order {
        let t = &tracks[key];
        if t.body.is_some() {
            info.sessions.insert(
                key.clone(),
                SessionState {
                    sequence: t.sequence,
                    modified: t.modified,
                },
            );
        } else {
            info.removed.push(Removed {
                key: key.clone(),
                title: t.title.clone(),
                slot: t.slot,
                sequence: t.sequence,
                modified: t.modified,
            });
        }
    }
    for (i, v) in versions.iter().enumerate() {
        let d = (i > 0).then(|| diff(versions[i - 1].program, v.program));
        info.log.push(LogEntry {
            name: v.name.map(str::to_string),
            time: v.time,
            comment: v.comment.map(str::to_string),
            diff: d,
            sessions: v.program.sessions.len(),
        });
    }
    if let Some(Some(d)) = info.log.last().map(|e| &e.diff) {
        for change in &d.sessions {
            info.marks.insert(change.id.clone(), mark(change));
        }
    }
    info
}
