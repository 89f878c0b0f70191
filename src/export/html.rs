//! The HTML agenda: one self-contained `index.html` (inline CSS and script, no external
//! request, fully usable without the script), with the whole program's `.ics` and one `.ics`
//! per session written beside it for the "add to calendar" links, and a page (with its
//! `.ics`) per room and per track under `rooms/` and `tracks/`.
//!
//! Layout, colours, print and dark mode live in `templates/agenda.css`; the markup in
//! `templates/agenda.html`. Values are autoescaped; URLs become links only when `clean`
//! accepts them; names and titles sit in `<bdi>` so right-to-left text cannot reorder what
//! surrounds it.

use crate::export::agenda::Agenda;
use crate::export::html_writer;
use crate::export::locale::Locale;
use crate::export::template::{self, Escape};
use crate::export::view::{self, IcsLinks};

pub(crate) const TEMPLATE: &str = include_str!("templates/agenda.html");

/// The page, linking to `program_ics` and to `sessions/<id>.ics`. With `root` (the whole
/// program's folder from this page: `""` or `"../../"`), the room and track names link to
/// their own pages, written under `rooms/` and `tracks/` there. The built-in layout is written
/// by [`html_writer`] (the template's bytes, without the engine); `custom` goes through the
/// template engine.
pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    program_ics: &str,
    custom: Option<&str>,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
    root: Option<&str>,
) -> Result<String, template::TemplateError> {
    let view = view_of(agenda, locale, program_ics, changes, root);
    match custom {
        Some(_) => templated(agenda, view, custom),
        None => {
            let page = html_writer::write(&view, agenda.entries.len());
            // The template path's cap on what a page may hold, kept.
            if page.len() > template::MAX_OUTPUT_BYTES {
                return Err(template::TemplateError::TooLarge);
            }
            Ok(page)
        }
    }
}

/// What the page shows.
fn view_of(
    agenda: &Agenda,
    locale: &Locale,
    program_ics: &str,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
    root: Option<&str>,
) -> view::View {
    let links = IcsLinks {
        root: root.map(str::to_string),
        program: Some(program_ics.to_string()),
        sessions: true,
        changes,
        rich: true,
        brief: false,
    };
    view::build(agenda, locale, &links)
}

/// The page through the template engine: `custom`, or the built-in template when none.
fn templated(
    agenda: &Agenda,
    view: view::View,
    custom: Option<&str>,
) -> Result<String, template::TemplateError> {
    template::render_sized(
        Escape::Html,
        TEMPLATE,
        custom,
        view.into_context(),
        agenda.entries.len(),
    )
}
