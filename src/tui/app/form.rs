//! Form mode (`e`, and after `a`): the form handles its own keys; the app applies or cancels.

use super::App;
use crate::edit::{self, Edit};
use crate::tui::action::{Action, Effect, Mode};
use crate::tui::form::{Form, FormOutcome};
use crate::tui::item_form::{ItemForm, Target};

/// The form `original` with those of the `typed` values that pass `valid` on their own.
fn only_valid<F: Clone + Values>(
    original: &F,
    typed: &[String],
    valid: impl Fn(F) -> bool,
) -> Option<F> {
    let mut kept = original.clone();
    let mut any = false;
    for (k, value) in typed.iter().enumerate() {
        if original.values().get(k) == Some(value) {
            continue;
        }
        let mut alone = original.clone();
        alone.values_mut()[k] = value.clone();
        if valid(alone) {
            kept.values_mut()[k] = value.clone();
            any = true;
        }
    }
    any.then_some(kept)
}

/// The values of a form (the session form, an item form).
trait Values {
    fn values(&self) -> &[String];
    fn values_mut(&mut self) -> &mut Vec<String>;
}

impl Values for Form {
    fn values(&self) -> &[String] {
        &self.values
    }
    fn values_mut(&mut self) -> &mut Vec<String> {
        &mut self.values
    }
}

impl Values for ItemForm {
    fn values(&self) -> &[String] {
        &self.values
    }
    fn values_mut(&mut self) -> &mut Vec<String> {
        &mut self.values
    }
}

impl App {
    pub(super) fn update_form(&mut self, action: Action) -> Option<Effect> {
        let day = self.day_date();
        if action == Action::ExternalEditor {
            let text = match (&self.item_form, &self.form) {
                (Some(f), _) => f.values[f.focus].clone(),
                (None, Some(f)) => f.values[f.focus].clone(),
                (None, None) => return None,
            };
            return Some(Effect::EditText { text });
        }
        if self.item_form.is_some() {
            self.update_item_form(action, day);
            return None;
        }
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
                    self.info(crate::tui::words::word("msg_add_cancelled"));
                } else {
                    self.info(crate::tui::words::word("msg_edit_cancelled"));
                }
            }
            FormOutcome::Submit => {
                let (session, new) = (form.session, form.new);
                match form.validate(&self.doc.program, day) {
                    Some(fields) if new => {
                        self.form = None;
                        self.mode = Mode::Normal;
                        self.add_filled(fields);
                    }
                    Some(fields) => {
                        self.form = None;
                        self.mode = Mode::Normal;
                        match edit::set_fields(&self.doc, session, fields) {
                            Some(e) => self.commit(e),
                            None => self.info(crate::tui::words::word("msg_no_change")),
                        }
                    }
                    None => self.error(crate::tui::words::word(
                        "msg_some_fields_need_fixing_marked_esc_cancels",
                    )),
                }
            }
        }
        None
    }

    /// The form of a session just added (`a`) was applied: the addition and its fields become
    /// one undo step, and the id is made from the title rather than the placeholder.
    fn add_filled(&mut self, fields: Vec<edit::Field>) {
        let Some(Edit::AddSession {
            index,
            mut session,
            origin,
        }) = self.history.undo(&mut self.doc).cloned()
        else {
            return;
        };
        let title = fields
            .iter()
            .find_map(|f| match f {
                edit::Field::Title(t) => Some(t.clone()),
                _ => None,
            })
            .unwrap_or_else(|| session.title.clone());
        let program = &self.doc.program;
        session.id = edit::unique_id(&title, |id| program.sessions.iter().any(|s| s.id == id));
        let add = Edit::AddSession {
            index,
            session,
            origin,
        };
        // The fields are worked out on the program with the session in it.
        self.doc.apply(&add);
        let set = edit::set_fields(&self.doc, index, fields);
        self.doc.apply(&add.inverse());
        let mut edits = vec![add];
        edits.extend(set);
        self.commit(Edit::Batch {
            label: crate::tui::words::format(
                "did_add_session",
                &[("title", &crate::tui::words::quoted(&title))],
            ),
            edits,
        });
    }

    fn update_item_form(&mut self, action: Action, day: chrono::NaiveDate) {
        let Some(form) = self.item_form.as_mut() else {
            return;
        };
        match form.handle(action) {
            FormOutcome::Editing => {}
            FormOutcome::Cancel => {
                self.item_form = None;
                self.mode = Mode::Normal;
                self.info(crate::tui::words::word("msg_edit_cancelled"));
            }
            FormOutcome::Submit => match form.validate(&self.doc, day) {
                Ok(edit) => {
                    self.item_form = None;
                    self.mode = Mode::Normal;
                    match edit {
                        Some(e) => self.commit(e),
                        None => self.info(crate::tui::words::word("msg_no_change")),
                    }
                }
                Err(_) => self.error(crate::tui::words::word(
                    "msg_some_fields_need_fixing_marked_esc_cancels",
                )),
            },
        }
    }

    /// What `$EDITOR` left: it replaces the focused field of the open form (Enter applies it,
    /// Esc still cancels). One final newline, which editors add, is dropped.
    pub(super) fn text_edited(&mut self, result: Result<String, String>) {
        let text = match result {
            Ok(text) => text,
            Err(e) => {
                self.error(crate::tui::words::format(
                    "msg_field_not_edited",
                    &[("reason", &e.to_string())],
                ));
                return;
            }
        };
        let text = text
            .strip_suffix("\r\n")
            .or_else(|| text.strip_suffix('\n'))
            .unwrap_or(&text)
            .to_string();
        let value = match (&mut self.item_form, &mut self.form) {
            (Some(f), _) => {
                f.back = 0;
                &mut f.values[f.focus]
            }
            (None, Some(f)) => {
                f.back = 0;
                &mut f.values[f.focus]
            }
            (None, None) => return,
        };
        if *value == text {
            self.info(crate::tui::words::word(
                "msg_back_from_the_editor_no_change",
            ));
        } else {
            *value = text;
            self.info(crate::tui::words::word(
                "msg_back_from_the_editor_enter_applies_the_form",
            ));
        }
    }

    /// `:edit`: the session's form, on its description, opened in `$EDITOR`.
    pub(super) fn edit_description(&mut self) -> Option<Effect> {
        let Some(i) = self.selected else {
            self.error(crate::tui::words::word(
                "msg_no_session_selected_edit_opens_the_selected_session",
            ));
            return None;
        };
        self.open_form(i, false);
        let form = self.form.as_mut()?;
        form.focus = crate::tui::form::FormKey::ALL
            .iter()
            .position(|k| *k == crate::tui::form::FormKey::Description)
            .unwrap_or(0);
        form.back = 0;
        Some(Effect::EditText {
            text: form.values[form.focus].clone(),
        })
    }

    /// The open form's typed values as one edit, when they are valid and change something: a
    /// recovery written while a form is open keeps them (a signal loses no typed text).
    ///
    /// A form with a field that does not validate yet (a half-typed time) still gives the
    /// fields that do: each typed field is tried alone on the form as it opened, and those
    /// that pass are kept together.
    pub fn typed_edit(&self) -> Option<Edit> {
        let day = self.day_date();
        if let Some(f) = &self.item_form {
            let check = |mut f: ItemForm| f.validate(&self.doc, day).ok().flatten();
            let original = ItemForm::new(&self.doc, f.target)?;
            return check(f.clone())
                .or_else(|| check(only_valid(&original, &f.values, |g| check(g).is_some())?));
        }
        let typed = self.form.as_ref()?;
        let check = |mut f: Form| {
            let fields = f.validate(&self.doc.program, day)?;
            edit::set_fields(&self.doc, f.session, fields)
        };
        let mut original = Form::new(&self.doc.program, typed.session)?;
        original.new = typed.new;
        check(typed.clone()).or_else(|| {
            check(only_valid(&original, &typed.values, |g| {
                check(g).is_some()
            })?)
        })
    }

    /// A fingerprint of the text typed in the open form (0: no form): the runner autosaves
    /// when it changes, as when the history does.
    pub fn typed_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let values = match (&self.item_form, &self.form) {
            (Some(f), _) => &f.values,
            (None, Some(f)) => &f.values,
            (None, None) => return 0,
        };
        let mut h = std::collections::hash_map::DefaultHasher::new();
        values.hash(&mut h);
        h.finish() | 1
    }

    /// Run `f` on the editor with the open form's typed values applied to the document, then
    /// take them back: the document is as it was after.
    pub fn with_typed<R>(&mut self, f: impl FnOnce(&App) -> R) -> R {
        let typed = self.typed_edit();
        if let Some(e) = &typed {
            self.doc.apply(e);
        }
        let result = f(self);
        if let Some(e) = &typed {
            self.doc.apply(&e.inverse());
        }
        result
    }

    /// Open the form of a room, speaker or track.
    pub(super) fn open_item_form(&mut self, target: Target) {
        if let Some(form) = ItemForm::new(&self.doc, target) {
            self.item_form = Some(form);
            self.mode = Mode::Form;
        }
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
