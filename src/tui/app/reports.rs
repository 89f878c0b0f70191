//! The runner's reports: what became of an effect (a save, a reload, an export, the picks, the
//! recovery file) and what changed outside (the clock). Each arrives as a [`Msg`] through
//! `App::update`, like a key.

use std::collections::BTreeSet;

use super::safety::Offer;
use super::{App, Prompt};
use crate::edit::{Document, History};
use crate::save::{OnDisk, SaveError, Saved};
use crate::tui::action::{Effect, Mode, Msg};

impl App {
    /// A report from the runner (anything but an action).
    pub(super) fn report(&mut self, msg: Msg) -> Option<Effect> {
        match msg {
            Msg::Action(_) => None,
            Msg::Tick(now) => {
                self.now = now;
                None
            }
            Msg::Saved { result, then_quit } => self.saved(result, then_quit),
            Msg::Reloaded(loaded) => {
                let (doc, disk) = *loaded;
                self.reloaded(doc, disk);
                None
            }
            Msg::ReloadFailed(m)
            | Msg::PicksNotSaved(m)
            | Msg::RecoveryUnreadable(m)
            | Msg::AutosaveFailed(m)
            | Msg::Exported(Err(m)) => {
                self.error(m);
                None
            }
            Msg::Exported(Ok(m)) => {
                self.info(m);
                None
            }
            Msg::PicksLoaded(Ok(picks)) => {
                self.picks_loaded(picks);
                None
            }
            Msg::PicksLoaded(Err(m)) => {
                self.error(m);
                None
            }
            Msg::RecoveryFound {
                path,
                recovery,
                changed_since,
            } => {
                self.recovery_found(Offer {
                    path,
                    recovery: *recovery,
                    changed_since,
                });
                None
            }
            Msg::Restored { result, choices } => self.restored(result, choices),
            Msg::Merged {
                result,
                then_quit,
                choices,
            } => {
                let effect = self.merged(result, then_quit, choices);
                self.guard(effect)
            }
            Msg::OtherEditor(other) => {
                self.other_editor(other);
                None
            }
            Msg::Resumed => {
                self.info(crate::tui::words::word("msg_back_from_the_shell"));
                None
            }
            Msg::TextEdited(result) => {
                self.text_edited(result);
                None
            }
            Msg::FilesReadOnly(paths) => {
                self.files_read_only(paths);
                None
            }
            Msg::OtherEditorGone => {
                self.other_editor_gone();
                None
            }
            Msg::FilesGone(paths) => {
                self.files_gone(paths);
                None
            }
            Msg::RecoveryElsewhere(path) => {
                if self.safety.elsewhere.as_ref() != Some(&path) {
                    self.info(crate::tui::words::format(
                        "msg_recovery_elsewhere",
                        &[("path", &path.display().to_string())],
                    ));
                    self.safety.elsewhere = Some(path);
                }
                None
            }
            Msg::PicksSaved(picks) => {
                self.picks_base = picks.clone();
                self.picks = picks;
                None
            }
            Msg::Pasted(text) => {
                self.pasted(&text);
                None
            }
            Msg::RecoveryDiscarded => {
                self.info(crate::tui::words::word("msg_recovery_file_discarded"));
                self.offer_done();
                None
            }
            Msg::ReleasesLoaded(Ok(last)) => {
                self.changes = last.map(|(name, program)| {
                    crate::tui::changes::Changes::new(name, *program, &self.doc.program)
                });
                None
            }
            Msg::ReleasesLoaded(Err(m)) | Msg::Released(Err(m)) => {
                self.error(m);
                None
            }
            Msg::Released(Ok((name, program))) => {
                self.changes = Some(crate::tui::changes::Changes::new(
                    name.clone(),
                    *program,
                    &self.doc.program,
                ));
                self.filters.changed = false;
                self.info(crate::tui::words::format(
                    "msg_released",
                    &[("name", &name)],
                ));
                None
            }
        }
    }

    fn picks_loaded(&mut self, picks: BTreeSet<String>) {
        self.picks_base = picks.clone();
        self.picks = picks;
    }

    /// A save finished (or was refused).
    fn saved(&mut self, result: Result<Saved, SaveError>, then_quit: bool) -> Option<Effect> {
        match result {
            Ok(saved) => {
                self.history.mark_saved();
                self.safety.gone.clear();
                // The runner removed the restored recovery files with this editor's own.
                self.safety.adopted.clear();
                self.refresh();
                self.settle();
                let names: Vec<String> = saved
                    .written
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect();
                if names.is_empty() {
                    self.info(crate::tui::words::word("msg_no_changes_to_save"));
                } else {
                    self.info(crate::tui::words::format(
                        "msg_saved",
                        &[("files", &names.join(", "))],
                    ));
                }
                then_quit.then_some(Effect::Quit)
            }
            Err(SaveError::ChangedOnDisk(paths)) => {
                self.prompt = Some(Prompt::Overwrite { paths, then_quit });
                self.mode = Mode::Prompt;
                None
            }
            Err(e @ SaveError::Partial { .. }) => {
                // Part of the event is on disk already: "Not saved" would be untrue.
                let text = e.to_string();
                let mut said = text.chars();
                let first = said.next().map(|c| c.to_uppercase().to_string());
                self.error(format!("{}{}", first.unwrap_or_default(), said.as_str()));
                None
            }
            Err(e) => {
                self.error(crate::tui::words::format(
                    "msg_not_saved",
                    &[("reason", &e.to_string())],
                ));
                None
            }
        }
    }

    /// Work on `doc`, just read from `disk`, from now on: a new history, nothing grabbed, the
    /// normal mode, everything derived again.
    pub(super) fn take_document(&mut self, doc: Document, disk: OnDisk) {
        self.doc = doc;
        self.disk = disk;
        self.history = History::new();
        self.grab = None;
        self.mode = Mode::Normal;
        self.refresh();
    }

    /// The event was read again from disk (`Reload`): the edits are gone.
    fn reloaded(&mut self, doc: Document, disk: OnDisk) {
        self.take_document(doc, disk);
        self.settle();
        self.info(crate::tui::words::word(
            "msg_reloaded_from_disk_your_unsaved_edits_were_dropped",
        ));
    }
}
