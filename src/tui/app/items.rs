//! Rooms, speakers and tracks from the command line: `:edit-room`, `:delete-speaker`, … —
//! finding the item by id or name, and asking whether its sessions should let go of it.

use super::{App, Prompt};
use crate::edit::{self, Referenced};
use crate::tui::action::Mode;
use crate::tui::item_form::Target;

impl App {
    /// The item of `kind` with this id or name (accents and case aside for names).
    pub(super) fn find_item(&self, kind: Referenced, what: &str) -> Result<Target, String> {
        let p = &self.doc.program;
        let what = what.trim();
        let fold = crate::text::fold;
        let pick = |items: Vec<(&str, &str)>| {
            items
                .iter()
                .position(|(id, _)| *id == what)
                .or_else(|| items.iter().position(|(_, name)| fold(name) == fold(what)))
        };
        let found = match kind {
            Referenced::Room => pick(
                p.rooms
                    .iter()
                    .map(|r| (r.id.as_str(), r.name.as_str()))
                    .collect(),
            )
            .map(Target::Room),
            Referenced::Speaker => pick(
                p.speakers
                    .iter()
                    .map(|s| (s.id.as_str(), s.name.as_str()))
                    .collect(),
            )
            .map(Target::Speaker),
            Referenced::Track => pick(
                p.tracks
                    .iter()
                    .map(|t| (t.id.as_str(), t.name.as_str()))
                    .collect(),
            )
            .map(Target::Track),
        };
        found.ok_or_else(|| {
            crate::tui::words::format(
                "msg_no_item_named",
                &[("kind", kind.noun()), ("what", what)],
            )
        })
    }

    /// Delete an item; when sessions name it, ask first whether to take it off them.
    pub(super) fn ask_delete(&mut self, kind: Referenced, target: Target) {
        let (index, id, name) = match target {
            Target::Room(i) => (
                i,
                self.doc.program.rooms[i].id.clone(),
                self.doc.program.rooms[i].name.clone(),
            ),
            Target::Speaker(i) => (
                i,
                self.doc.program.speakers[i].id.clone(),
                self.doc.program.speakers[i].name.clone(),
            ),
            Target::Track(i) => (
                i,
                self.doc.program.tracks[i].id.clone(),
                self.doc.program.tracks[i].name.clone(),
            ),
        };
        let sessions = edit::sessions_using(&self.doc, kind, &id).len();
        if sessions == 0 {
            self.delete_item(kind, index, false);
            return;
        }
        self.prompt = Some(Prompt::DeleteItem {
            kind,
            index,
            name,
            sessions,
        });
        self.mode = Mode::Prompt;
    }

    /// Delete an item (one undoable step), its sessions letting go of it when `unassign`.
    pub(super) fn delete_item(&mut self, kind: Referenced, index: usize, unassign: bool) {
        match edit::delete(&self.doc, kind, index, unassign) {
            Ok(e) => {
                self.commit(e);
                if let Some(m) = &mut self.message {
                    m.text.push_str(" — press u to undo");
                }
            }
            Err(m) => self.error(crate::tui::words::edit_error(&m)),
        }
    }
}
