//! Prompt mode: a question waiting for a lettered answer. The prompt reads its own keys and
//! says which answer was given; the app carries it out.

use std::path::PathBuf;

use super::App;
use crate::tui::action::{Action, Effect, Mode};
use crate::tui::words;

/// A question waiting for a lettered answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Quit with unsaved edits: write, discard or cancel.
    Quit,
    /// Files changed on disk since loaded: reload, keep mine or cancel.
    Overwrite {
        paths: Vec<PathBuf>,
        then_quit: bool,
    },
    /// A recovery file was found at launch: restore, discard or ignore.
    Restore { when: String, reason: String },
    /// An item changed both here and on disk (or in a recovery file): mine or theirs.
    Conflict {
        index: usize,
        total: usize,
        what: String,
    },
    /// Another editor that may be running has the event open: read-only, open anyway or quit.
    OtherEditor { who: String },
    /// Delete a room, speaker or track that sessions name: unassign them, keep the references,
    /// or cancel.
    DeleteItem {
        kind: crate::edit::Referenced,
        index: usize,
        name: String,
        sessions: usize,
    },
}

/// What the organiser answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    /// Quit prompt: save, then quit.
    WriteQuit,
    /// Quit prompt: quit without saving.
    DiscardQuit,
    /// Overwrite prompt: read the files again, dropping the edits.
    Reload,
    /// Overwrite prompt: write over the files changed on disk.
    KeepMine { then_quit: bool },
    /// Restore prompt: bring the recovered edits back.
    Restore,
    /// Restore prompt: delete the recovery file.
    DiscardRecovery,
    /// Restore prompt: keep the recovery file for next time.
    Ignore,
    /// Conflict prompt: keep my version of the item.
    Mine,
    /// Conflict prompt: keep the version on disk (or the recovered one's base side).
    Theirs,
    /// Conflict prompt: give the merge up.
    CancelMerge,
    /// Other-editor prompt: look, without saving.
    ReadOnly,
    /// Other-editor prompt: edit anyway (its recovery file and lock are left alone).
    OpenAnyway,
    /// Other-editor prompt: leave.
    QuitNow,
    /// Delete prompt: delete, and take it off its sessions (`true`) or not.
    Delete(bool),
    /// Close the question, doing nothing.
    Cancel,
}

impl Prompt {
    pub fn question(&self) -> String {
        match self {
            Prompt::Quit => words::word("prompt_quit").into(),
            Prompt::Overwrite { paths, .. } => words::format(
                "prompt_overwrite",
                &[(
                    "paths",
                    &paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                )],
            ),
            Prompt::Restore { when, reason } => {
                words::format("prompt_restore", &[("when", when), ("reason", reason)])
            }
            Prompt::Conflict { index, total, what } => words::format(
                "prompt_conflict",
                &[
                    ("index", &(index + 1).to_string()),
                    ("total", &total.to_string()),
                    ("what", what),
                ],
            ),
            Prompt::DeleteItem {
                kind,
                name,
                sessions,
                ..
            } => words::format_counts(
                "prompt_delete_item",
                &[("kind", kind.noun()), ("name", name)],
                &[("sessions", *sessions as i64)],
            ),
            Prompt::OtherEditor { who } => words::format("prompt_other_editor", &[("who", who)]),
        }
    }

    /// The answer a key gives, if it is one of this prompt's letters (`Esc` cancels).
    pub fn handle(&self, action: Action) -> Option<Answer> {
        let letter = match action {
            Action::Answer(c) => c.to_ascii_lowercase(),
            Action::Cancel => 'c',
            _ => return None,
        };
        Some(match (self, letter) {
            (Prompt::Quit, 'w') => Answer::WriteQuit,
            (Prompt::Quit, 'd') => Answer::DiscardQuit,
            (Prompt::Quit | Prompt::Overwrite { .. }, 'c') => Answer::Cancel,
            (Prompt::Overwrite { .. }, 'r') => Answer::Reload,
            (Prompt::Overwrite { then_quit, .. }, 'k') => Answer::KeepMine {
                then_quit: *then_quit,
            },
            (Prompt::Restore { .. }, 'r') => Answer::Restore,
            (Prompt::Restore { .. }, 'd') => Answer::DiscardRecovery,
            (Prompt::Restore { .. }, 'i' | 'c') => Answer::Ignore,
            (Prompt::Conflict { .. }, 'm') => Answer::Mine,
            (Prompt::Conflict { .. }, 't') => Answer::Theirs,
            (Prompt::Conflict { .. }, 'c') => Answer::CancelMerge,
            (Prompt::OtherEditor { .. }, 'r' | 'c') => Answer::ReadOnly,
            (Prompt::OtherEditor { .. }, 'o') => Answer::OpenAnyway,
            (Prompt::OtherEditor { .. }, 'q') => Answer::QuitNow,
            (Prompt::DeleteItem { .. }, 'u') => Answer::Delete(true),
            (Prompt::DeleteItem { .. }, 'd') => Answer::Delete(false),
            (Prompt::DeleteItem { .. }, 'c') => Answer::Cancel,
            _ => return None,
        })
    }
}

impl App {
    pub(super) fn update_prompt(&mut self, action: Action) -> Option<Effect> {
        let Some(prompt) = self.prompt.take() else {
            self.mode = Mode::Normal;
            return None;
        };
        let Some(answer) = prompt.handle(action) else {
            self.prompt = Some(prompt);
            return None;
        };
        self.mode = Mode::Normal;
        let was_overwrite = matches!(prompt, Prompt::Overwrite { .. });
        if let (Prompt::DeleteItem { kind, index, .. }, Answer::Delete(unassign)) =
            (&prompt, answer)
        {
            self.delete_item(*kind, *index, unassign);
            return None;
        }
        let effect = self.answered(answer, was_overwrite);
        if effect.is_none() {
            // (With an effect under way, its report asks the next question.)
            self.next_question();
        }
        self.guard(effect)
    }

    fn answered(&mut self, answer: Answer, was_overwrite: bool) -> Option<Effect> {
        match answer {
            Answer::WriteQuit => Some(Effect::Save {
                force: false,
                then_quit: true,
            }),
            Answer::DiscardQuit => Some(Effect::Quit),
            Answer::Reload => Some(Effect::Reload),
            Answer::KeepMine { then_quit } => Some(Effect::KeepMine {
                then_quit,
                choices: Vec::new(),
            }),
            Answer::Restore => Some(Effect::Restore {
                choices: Vec::new(),
            }),
            Answer::DiscardRecovery => Some(Effect::DiscardRecovery),
            Answer::Ignore => {
                self.info(crate::tui::words::word(
                    "msg_the_recovery_file_is_kept_it_is_offered",
                ));
                self.offer_done();
                None
            }
            Answer::Mine => self.conflict_answered(Some(crate::merge::Side::Ours)),
            Answer::Theirs => self.conflict_answered(Some(crate::merge::Side::Theirs)),
            Answer::CancelMerge => self.conflict_answered(None),
            Answer::ReadOnly => {
                self.safety.read_only = true;
                self.info(crate::tui::words::word(
                    "msg_read_only_saving_is_off_while_the_other",
                ));
                None
            }
            Answer::OpenAnyway => {
                self.info(crate::tui::words::word(
                    "msg_opened_anyway_a_change_the_other_agora_saves",
                ));
                None
            }
            Answer::QuitNow => Some(Effect::Quit),
            Answer::Delete(_) => None,
            Answer::Cancel => {
                if was_overwrite {
                    self.info(crate::tui::words::word(
                        "msg_not_saved_your_edits_are_still_here",
                    ));
                }
                None
            }
        }
    }
}
