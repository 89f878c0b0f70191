//! Form mode (`e`, and after `a`): the form handles its own keys; the app applies or cancels.

use super::App;
use crate::edit;
use crate::tui::action::{Action, Effect, Mode};
use crate::tui::form::{Form, FormOutcome};

impl App {
    pub(super) fn update_form(&mut self, action: Action) -> Option<Effect> {
        let day = self.day_date();
        let Some(form) = self.form.as_mut() else {
            self.mode = Mode::Normal;
            return None;
        };
        match form.handle(action) {
            FormOutcome::Editing => {}
            FormOutcome::Cancel => {
                let new = form.new;
                self.form = None;
                self.mode = Mode::Normal;
                if new {
                    // Esc right after `a`: no session after all.
                    self.history.undo(&mut self.doc);
                    self.refresh();
                    self.info("Add cancelled");
                } else {
                    self.info("Edit cancelled");
                }
            }
            FormOutcome::Submit => {
                let session = form.session;
                match form.validate(&self.doc.program, day) {
                    Some(fields) => {
                        self.form = None;
                        self.mode = Mode::Normal;
                        match edit::set_fields(&self.doc, session, fields) {
                            Some(e) => self.commit(e),
                            None => self.info("No change"),
                        }
                    }
                    None => self.error("Some fields need fixing (marked ✗); Esc cancels"),
                }
            }
        }
        None
    }

    pub(super) fn open_form(&mut self, i: usize, new: bool) {
        if let Some(mut form) = Form::new(&self.doc.program, i) {
            if new {
                // Typing replaces the placeholder title.
                form.values[0].clear();
                form.new = true;
            }
            self.form = Some(form);
            self.mode = Mode::Form;
        }
    }
}
