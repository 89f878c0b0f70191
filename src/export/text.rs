//! The plain-text agenda for an e-mail: 72 columns (display width, so CJK text fits), the
//! sessions of each day under a heading, then the speakers. Nothing is escaped: plain text
//! has no markup, and `clean` already removed control and bidi characters.

use crate::export::agenda::Agenda;
use crate::export::locale::Locale;
use crate::export::template::{self, Escape};
use crate::export::view::{self, IcsLinks};

pub(crate) const TEMPLATE: &str = include_str!("templates/agenda.txt");

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
        Escape::None,
        TEMPLATE,
        custom,
        view.into_context(),
        agenda.entries.len(),
    )
}
