//! Prompt mode: a question waiting for a lettered answer. The prompt reads its own keys and
//! says which answer was given; the app carries it out.

use std::path::PathBuf;

use super::App;
use crate::tui::action::{Action, Effect, Mode};

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
    /// Close the question, doing nothing.
    Cancel,
}

impl Prompt {
    pub fn question(&self) -> String {
        match self {
            Prompt::Quit => "Unsaved edits. (w)rite and quit, (d)iscard them and quit, or (c)ancel?".into(),
            Prompt::Overwrite { paths, .. } => format!(
                "{} changed on disk since it was loaded. (r)eload it (drop your edits), (k)eep mine (overwrite), or (c)ancel?",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Prompt::Restore { when, reason } => format!(
                "Unsaved edits from {when} were recovered ({reason}). (r)estore them, (d)iscard the recovery file, or (i)gnore for now?"
            ),
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
        match answer {
            Answer::WriteQuit => Some(Effect::Save {
                force: false,
                then_quit: true,
            }),
            Answer::DiscardQuit => Some(Effect::Quit),
            Answer::Reload => Some(Effect::Reload),
            Answer::KeepMine { then_quit } => Some(Effect::Save {
                force: true,
                then_quit,
            }),
            Answer::Restore => Some(Effect::Restore),
            Answer::DiscardRecovery => Some(Effect::DiscardRecovery),
            Answer::Ignore => {
                self.recovery = None;
                self.keep_recovery = true;
                self.info("The recovery file is kept; it is offered again next time");
                None
            }
            Answer::Cancel => {
                if was_overwrite {
                    self.info("Not saved: your edits are still here");
                }
                None
            }
        }
    }
}
