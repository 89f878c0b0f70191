//! Unlimited undo and redo over a document, and whether it differs from what was last saved.

use super::{Document, Edit};

/// Edits made (to undo) and undone (to redo), with the point where the files were last saved.
#[derive(Debug, Default, Clone)]
pub struct History {
    done: Vec<Edit>,
    undone: Vec<Edit>,
    /// Number of edits in `done` when last saved; `None` when that state can no longer be
    /// reached by undo or redo.
    saved_at: Option<usize>,
    /// Bumped on every change, so observers (recovery, rendering caches) notice any change.
    generation: u64,
}

impl History {
    pub fn new() -> History {
        History {
            saved_at: Some(0),
            ..History::default()
        }
    }

    /// Apply `edit` and record it; clears the redo list.
    pub fn perform(&mut self, doc: &mut Document, edit: Edit) {
        doc.apply(&edit);
        if self.saved_at.is_some_and(|s| s > self.done.len()) {
            self.saved_at = None;
        }
        self.done.push(edit);
        self.undone.clear();
        self.generation += 1;
    }

    /// Undo the last edit; returns it (as it was made), or `None` when there is nothing to undo.
    pub fn undo(&mut self, doc: &mut Document) -> Option<&Edit> {
        let edit = self.done.pop()?;
        doc.apply(&edit.inverse());
        self.undone.push(edit);
        self.generation += 1;
        self.undone.last()
    }

    /// Redo the last undone edit.
    pub fn redo(&mut self, doc: &mut Document) -> Option<&Edit> {
        let edit = self.undone.pop()?;
        doc.apply(&edit);
        self.done.push(edit);
        self.generation += 1;
        self.done.last()
    }

    /// The document now matches the files as last saved (or loaded).
    pub fn mark_saved(&mut self) {
        self.saved_at = Some(self.done.len());
        self.generation += 1;
    }

    /// Whether there are edits not saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at != Some(self.done.len())
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Number of edits that can be undone.
    pub fn depth(&self) -> usize {
        self.done.len()
    }
}
