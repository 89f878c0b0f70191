//! What keeps work from being lost at the edges: the recovery files offered at launch (one
//! at a time, newest first), another editor on the same event (read-only, open anyway or
//! quit), and the per-item merge of "keep mine" and of a restore, whose conflicts are chosen
//! one by one.

use std::collections::VecDeque;
use std::path::PathBuf;

use super::{App, Prompt};
use crate::edit::Document;
use crate::instance::Instance;
use crate::merge::{Clash, Conflict, Side};
use crate::recover::{Recovery, Replayed};
use crate::save::OnDisk;
use crate::tui::action::{Effect, Mode};

/// A recovery file waiting for an answer.
#[derive(Debug, Clone)]
pub struct Offer {
    pub path: PathBuf,
    pub recovery: Recovery,
    /// The event's files were modified after it was written.
    pub changed_since: bool,
}

/// What a merge is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    /// Restoring the first offered recovery file.
    Restore,
    /// Saving over files changed on disk ("keep mine").
    KeepMine { then_quit: bool },
}

/// Conflicts of a merge being chosen one by one.
#[derive(Debug, Clone)]
pub struct Resolving {
    pub purpose: Purpose,
    pub conflicts: Vec<Conflict>,
    pub choices: Vec<Side>,
}

/// The editor's side of "nothing is lost".
#[derive(Debug, Clone)]
pub struct Safety {
    /// This editor: names its recovery file.
    pub instance: Instance,
    /// Recovery files found at launch, not answered yet (the first is being asked about).
    pub offers: VecDeque<Offer>,
    /// Recovery files restored into this session: removed once saved (or on `:q!`).
    pub adopted: Vec<PathBuf>,
    /// Another editor that may be running on the event, when one was found.
    pub other: Option<Instance>,
    /// Opened read-only (another editor holds the event): saving is refused (`:w!` overrides)
    /// until that editor quits.
    pub read_only: bool,
    /// The event's files the user may not write (mode 0444…): `:w` is refused, `:w!` writes.
    pub read_only_files: Vec<PathBuf>,
    /// The event's files found gone from disk (removed or renamed) at a save: the next `:w`
    /// writes them again.
    pub gone: Vec<PathBuf>,
    /// Where the recovery goes when the event's folder cannot take it (said once).
    pub elsewhere: Option<PathBuf>,
    pub resolving: Option<Resolving>,
}

impl Safety {
    pub fn new(now: i64) -> Safety {
        Safety {
            instance: Instance::current(now),
            offers: VecDeque::new(),
            adopted: Vec::new(),
            other: None,
            read_only: false,
            read_only_files: Vec::new(),
            gone: Vec::new(),
            elsewhere: None,
            resolving: None,
        }
    }
}

/// The value of `key` in a table's text (`key = value`), to show both sides of a conflict.
fn value_of(text: &str, key: &str) -> Option<String> {
    text.lines()
        .find_map(|l| {
            let (k, v) = l.split_once('=')?;
            (k.trim() == key).then(|| v.trim().to_string())
        })
        .map(|v| v.chars().take(40).collect())
}

/// One line saying what both sides did to a conflicting item.
pub fn conflict_line(c: &Conflict) -> String {
    let mut line = c.describe();
    if let Clash::BothChanged(keys) = &c.clash {
        let sides: Vec<String> = keys
            .iter()
            .take(2)
            .map(|k| {
                let of = |t: &Option<String>| {
                    t.as_deref()
                        .and_then(|t| value_of(t, k))
                        .unwrap_or_else(|| "(none)".into())
                };
                format!("{k}: mine {} · on disk {}", of(&c.ours), of(&c.theirs))
            })
            .collect();
        line.push_str(&format!(" ({})", sides.join("; ")));
    }
    line
}

impl App {
    /// Ask the next question waiting, if no other is open: another editor first, then the
    /// recovery files one by one.
    pub(super) fn next_question(&mut self) {
        if self.prompt.is_some() {
            return;
        }
        let Some(offer) = self.safety.offers.front() else {
            return;
        };
        let when = self.moment(offer.recovery.written_at);
        let mut reason = offer.recovery.reason.clone();
        if self.safety.offers.len() > 1 {
            reason.push_str(&crate::tui::words::format(
                "prompt_one_of_recoveries",
                &[("count", &self.safety.offers.len().to_string())],
            ));
        }
        if offer.changed_since {
            reason.push_str(crate::tui::words::word("prompt_changed_since"));
        }
        self.prompt = Some(Prompt::Restore { when, reason });
        self.mode = Mode::Prompt;
    }

    /// A moment in the questions, in the event's zone and saying so ("2026-12-01 13:58
    /// Europe/Paris"): without the zone, a time an hour ahead of the user's clock reads as the
    /// future.
    fn moment(&self, t: i64) -> String {
        let tz = self.doc.program.event.timezone;
        format!(
            "{} {}",
            crate::time::to_local(tz, t).format("%Y-%m-%d %H:%M"),
            tz.name()
        )
    }

    /// A recovery file was found at launch.
    pub(super) fn recovery_found(&mut self, offer: Offer) {
        self.safety.offers.push_back(offer);
        if let Some(Prompt::Restore { .. }) = self.prompt {
            // Asked again, counting this one.
            self.prompt = None;
        }
        self.next_question();
    }

    /// Another editor that may be running holds the event.
    pub(super) fn other_editor(&mut self, other: Instance) {
        let started = self.moment(other.started);
        let who = crate::tui::words::format(
            "prompt_other_who",
            &[
                ("pid", &other.pid.to_string()),
                ("user", &other.user.to_string()),
                ("host", &other.host),
                ("started", &started),
            ],
        );
        self.safety.other = Some(other);
        // Before any recovery question.
        if let Some(Prompt::Restore { .. }) = self.prompt {
            self.prompt = None;
        }
        self.prompt = Some(Prompt::OtherEditor { who });
        self.mode = Mode::Prompt;
    }

    /// The first offered recovery file is answered (restored, discarded or ignored).
    pub(super) fn offer_done(&mut self) {
        self.safety.offers.pop_front();
        self.next_question();
    }

    /// Ask about the next unresolved conflict, or carry out the merge with the choices made.
    fn ask_or_merge(&mut self) -> Option<Effect> {
        let r = self.safety.resolving.as_ref()?;
        let index = r.choices.len();
        if let Some(c) = r.conflicts.get(index) {
            self.prompt = Some(Prompt::Conflict {
                index,
                total: r.conflicts.len(),
                what: conflict_line(c),
            });
            self.mode = Mode::Prompt;
            return None;
        }
        let r = self.safety.resolving.take()?;
        Some(match r.purpose {
            Purpose::Restore => Effect::Restore { choices: r.choices },
            Purpose::KeepMine { then_quit } => Effect::KeepMine {
                then_quit,
                choices: r.choices,
            },
        })
    }

    /// A conflict answered: mine, theirs, or `None` to give the merge up.
    pub(super) fn conflict_answered(&mut self, side: Option<Side>) -> Option<Effect> {
        match side {
            Some(side) => {
                if let Some(r) = &mut self.safety.resolving {
                    r.choices.push(side);
                }
                self.ask_or_merge()
            }
            None => {
                let purpose = self.safety.resolving.take().map(|r| r.purpose);
                match purpose {
                    Some(Purpose::Restore) => {
                        self.info(crate::tui::words::word(
                            "msg_not_restored_the_recovery_file_is_kept_for",
                        ));
                        self.offer_done();
                    }
                    _ => self.info(crate::tui::words::word(
                        "msg_not_saved_your_edits_are_still_here",
                    )),
                }
                None
            }
        }
    }

    /// Start choosing conflicts when a merge has more than were chosen.
    fn unresolved(&mut self, purpose: Purpose, replayed: &Replayed, choices: Vec<Side>) -> bool {
        if replayed.conflicts.len() <= choices.len() {
            return false;
        }
        self.safety.resolving = Some(Resolving {
            purpose,
            conflicts: replayed.conflicts.clone(),
            choices,
        });
        true
    }

    /// The recovered edits replayed onto the files as they are now.
    pub(super) fn restored(
        &mut self,
        result: Result<Replayed, String>,
        choices: Vec<Side>,
    ) -> Option<Effect> {
        match result {
            Ok(replayed) => {
                if self.unresolved(Purpose::Restore, &replayed, choices) {
                    return self.ask_or_merge();
                }
                if let Some(offer) = self.safety.offers.front() {
                    self.safety.adopted.push(offer.path.clone());
                }
                match replayed.edit {
                    Some(e) => {
                        self.commit(e);
                        self.doc.removed.extend(replayed.sources);
                        self.info(crate::tui::words::word(
                            "msg_recovered_edits_restored_u_undoes_them_save_with",
                        ));
                    }
                    None => self.info(crate::tui::words::word(
                        "msg_the_recovery_file_matched_the_event_nothing_to",
                    )),
                }
            }
            Err(m) => self.error(crate::tui::words::format(
                "msg_cannot_restore",
                &[("reason", &m.to_string())],
            )),
        }
        self.offer_done();
        None
    }

    /// "Keep mine": the edits replayed onto the files as they are on disk now.
    pub(super) fn merged(
        &mut self,
        result: Result<Box<(Document, OnDisk, Replayed)>, String>,
        then_quit: bool,
        choices: Vec<Side>,
    ) -> Option<Effect> {
        let merged = match result {
            Ok(m) => *m,
            Err(m) => {
                self.error(crate::tui::words::format(
                    "msg_not_saved_kept",
                    &[("reason", &m.to_string())],
                ));
                return None;
            }
        };
        let (doc, disk, replayed) = merged;
        if self.unresolved(Purpose::KeepMine { then_quit }, &replayed, choices) {
            return self.ask_or_merge();
        }
        self.take_document(doc, disk);
        match replayed.edit {
            Some(e) => {
                self.commit(e);
                self.doc.removed.extend(replayed.sources);
                Some(Effect::Save {
                    force: false,
                    then_quit,
                })
            }
            None => {
                self.info(crate::tui::words::word(
                    "msg_your_edits_were_already_on_disk_nothing_to",
                ));
                then_quit.then_some(Effect::Quit)
            }
        }
    }

    /// Saving is refused in a read-only session and on a read-only file, unless forced
    /// (`:w!`, `:wq!`).
    pub(super) fn guard(&mut self, effect: Option<Effect>) -> Option<Effect> {
        match effect {
            Some(Effect::Save { force: false, .. } | Effect::KeepMine { .. })
                if self.safety.read_only =>
            {
                self.error(crate::tui::words::word(
                    "msg_read_only_another_agora_is_editing_this_event",
                ));
                None
            }
            Some(Effect::Save { force: false, .. } | Effect::KeepMine { .. })
                if !self.safety.read_only_files.is_empty() =>
            {
                let names: Vec<String> = self
                    .safety
                    .read_only_files
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                self.error(crate::tui::words::format(
                    "msg_not_saved_read_only_file",
                    &[("files", &names.join(", "))],
                ));
                None
            }
            other => other,
        }
    }

    /// The runner found which of the event's files the user may not write.
    pub(super) fn files_read_only(&mut self, paths: Vec<PathBuf>) {
        if !paths.is_empty() && self.safety.read_only_files.is_empty() {
            let files = paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ");
            self.info(crate::tui::words::format(
                "msg_file_read_only",
                &[("files", &files)],
            ));
        }
        self.safety.read_only_files = paths;
    }

    /// The other agora's lock is gone (it quit or crashed): this editor may save again.
    pub(super) fn other_editor_gone(&mut self) {
        self.safety.other = None;
        if self.safety.read_only {
            self.safety.read_only = false;
            self.info(crate::tui::words::word("msg_other_editor_quit"));
        }
    }

    /// A save found files gone from disk (removed or renamed since they were loaded).
    pub(super) fn files_gone(&mut self, paths: Vec<PathBuf>) {
        let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        self.error(crate::tui::words::format(
            "msg_files_gone",
            &[("files", &names.join(", "))],
        ));
        self.safety.gone = paths;
    }
}
