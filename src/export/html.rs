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
/// template engine. The times come from `clocks`, which the pages of an export share.
pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    program_ics: &str,
    custom: Option<&str>,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
    root: Option<&str>,
    clocks: &view::Clocks,
) -> Result<String, template::TemplateError> {
    let links = links(program_ics, changes, root);
    match custom {
        Some(_) => templated(agenda, view::build(agenda, locale, &links, clocks), custom),
        None => {
            let (view, maker) = view::frame(agenda, locale, &links, clocks);
            let page = html_writer::write(&view, maker, agenda.entries.len());
            within_cap(page.len())?;
            Ok(page)
        }
    }
}

/// [`render`] of the built-in layout, the page given to `give` a piece at a time as it is
/// written ([`html_writer::write_in_pieces`]); the last piece is returned.
pub(crate) fn render_in_pieces(
    agenda: &Agenda,
    locale: &Locale,
    program_ics: &str,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
    root: Option<&str>,
    clocks: &view::Clocks,
    give: &mut dyn FnMut(String) -> bool,
) -> Result<String, template::TemplateError> {
    let links = links(program_ics, changes, root);
    let (view, maker) = view::frame(agenda, locale, &links, clocks);
    let (last, len) = html_writer::write_in_pieces(&view, maker, give);
    within_cap(len)?;
    Ok(last)
}

/// The template path's cap on what a page may hold, kept by the built-in writer.
fn within_cap(len: usize) -> Result<(), template::TemplateError> {
    if len > template::MAX_OUTPUT_BYTES {
        return Err(template::TemplateError::TooLarge);
    }
    Ok(())
}

/// What the page links to.
fn links(
    program_ics: &str,
    changes: Option<std::sync::Arc<crate::release::history::ChangeInfo>>,
    root: Option<&str>,
) -> IcsLinks {
    IcsLinks {
        root: root.map(str::to_string),
        program: Some(program_ics.to_string()),
        sessions: true,
        changes,
        rich: true,
        brief: false,
    }
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
