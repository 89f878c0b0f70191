//! The Markdown agenda (GitHub-flavoured): a heading per day, a table time | room | session |
//! speakers, then the speakers. Every value is escaped for Markdown by the template engine,
//! so a title cannot become a link, an image, raw HTML or a broken table.

use crate::export::agenda::Agenda;
use crate::export::locale::Locale;
use crate::export::template::{self, Escape};
use crate::export::view::{self, IcsLinks};

pub(crate) const TEMPLATE: &str = include_str!("templates/agenda.md");

pub(crate) fn render(
    agenda: &Agenda,
    locale: &Locale,
    custom: Option<&str>,
    brief: bool,
) -> Result<String, template::TemplateError> {
    let links = IcsLinks {
        root: None,
        program: None,
        sessions: false,
        changes: None,
        rich: false,
        brief,
    };
    let view = view::build(agenda, locale, &links);
    template::render_sized(
        Escape::Markdown,
        TEMPLATE,
        custom,
        view.into_context(),
        agenda.entries.len(),
    )
}
