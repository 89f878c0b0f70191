//! A paste (bracketed paste: the terminal marks pasted text, so it arrives whole, not as keys).
//! In a text field it is inserted as text — its line breaks kept in a multi-line field (a
//! description, a bio), made spaces in a one-line one; on the `:` and `/` lines, and in a
//! picker's query, as one line. Anywhere else it is never read as keys: it is dropped, with a
//! message.

use super::App;
use crate::tui::action::Mode;
use crate::tui::form::FormKey;
use crate::tui::typing::insert_pasted;

impl App {
    pub(super) fn pasted(&mut self, text: &str) {
        match self.mode {
            Mode::Form => {
                if let Some(f) = self.item_form.as_mut() {
                    let name = f.fields().get(f.focus).map_or("", |field| field.0);
                    let multi = matches!(name, "bio" | "description");
                    let focus = f.focus;
                    insert_pasted(&mut f.values[focus], &mut f.back, text, multi);
                } else if let Some(f) = self.form.as_mut() {
                    let multi = f.key() == FormKey::Description;
                    let mut back = f.back;
                    insert_pasted(f.value_mut(), &mut back, text, multi);
                    f.back = back;
                }
            }
            Mode::Command | Mode::Search => {
                insert_pasted(&mut self.line, &mut self.line_back, text, false);
            }
            Mode::HelpSearch => {
                let mut back = 0;
                insert_pasted(&mut self.help_query, &mut back, text, false);
                self.help_scroll = 0;
            }
            Mode::Picker => {
                if let Some(p) = self.picker.as_mut() {
                    let mut back = 0;
                    insert_pasted(&mut p.query, &mut back, text, false);
                    p.cursor = 0;
                    p.refilter();
                }
            }
            Mode::Normal | Mode::Grab | Mode::Prompt | Mode::Help | Mode::Messages => {
                self.error(
                    "Paste ignored: a paste is never read as keys here (open a field with e, or : or /, and paste there)",
                );
            }
        }
    }
}
