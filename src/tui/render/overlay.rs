//! Pop-ups over the views: help, the session form, the picker and prompts.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{clean, fit};
use crate::edit::Role;
use crate::tui::app::App;
use crate::tui::form::FormKey;
use crate::tui::keymap::Keymap;
use crate::tui::picker::{Choice, Purpose};
use crate::tui::theme::Theme;

fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2)).max(1);
    let h = height.min(area.height.saturating_sub(2)).max(1);
    Rect::new(
        area.x + (area.width.saturating_sub(w)) / 2,
        area.y + (area.height.saturating_sub(h)) / 2,
        w,
        h,
    )
}

fn boxed<'a>(title: &'a str, theme: Theme) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {title} "), theme.bold()))
}

pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let rect = centered(area, 90, area.height.saturating_sub(2));
    let mut lines: Vec<Line> = Vec::new();
    for (group, entries) in Keymap::help() {
        lines.push(Line::from(Span::styled(
            group,
            theme.bold().add_modifier(Modifier::UNDERLINED),
        )));
        let width = entries
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0);
        for (keys, help) in entries {
            lines.push(Line::from(vec![
                Span::styled(format!("  {keys:<width$}  "), theme.bold()),
                Span::raw(help),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines.push(Line::from(
        "Mouse: click selects, the wheel scrolls. Esc, q or ? closes.",
    ));
    let max = lines
        .len()
        .saturating_sub(rect.height.saturating_sub(2) as usize);
    let scroll = app.help_scroll.min(max) as u16;
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed("Keys — from the live keymap", theme))
            .scroll((scroll, 0)),
        rect,
    );
}

pub fn form(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(form) = &app.form else { return };
    let title = app
        .doc
        .program
        .sessions
        .get(form.session)
        .map(|s| format!("Edit '{}'", fit(&clean(&s.title), 40)))
        .unwrap_or_else(|| "Edit".into());
    let errors = form.errors.iter().filter(|e| e.is_some()).count() as u16;
    let rect = centered(area, 76, FormKey::ALL.len() as u16 + errors + 4);
    let inner_w = rect.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (k, key) in FormKey::ALL.iter().enumerate() {
        let focused = k == form.focus;
        let label_style = if focused {
            theme.selected()
        } else {
            theme.bold()
        };
        let value = &clean(&form.values[k]).into_owned();
        let mut spans = vec![Span::styled(format!("{:>11} ", key.label()), label_style)];
        if value.is_empty() && !focused {
            spans.push(Span::styled(key.placeholder(app.day_date()), theme.dim()));
        } else {
            let shown = if focused {
                format!("{value}█")
            } else {
                value.clone()
            };
            // Show the end of long values being typed.
            let room = inner_w.saturating_sub(12);
            let chars: Vec<char> = shown.chars().collect();
            let shown: String = if chars.len() > room && focused {
                chars[chars.len() - room..].iter().collect()
            } else {
                fit(&shown, room)
            };
            spans.push(Span::raw(shown));
        }
        lines.push(Line::from(spans));
        if let Some(e) = &form.errors[k] {
            lines.push(Line::from(Span::styled(
                format!("            ✗ {}", clean(e)),
                theme.error_message(),
            )));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Tab/↓ next field · Shift-Tab/↑ previous · Enter applies · Esc cancels · Ctrl-u clears",
        theme.dim(),
    )));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed(&title, theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

pub fn picker(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(p) = &app.picker else { return };
    let rect = centered(area, 64, area.height.saturating_sub(4).min(22));
    let program = &app.doc.program;
    let (title, help) = match p.purpose {
        Purpose::People { session } => (
            program
                .sessions
                .get(session)
                .map(|s| format!("People of '{}'", fit(&clean(&s.title), 36)))
                .unwrap_or_default(),
            "Enter speaker · Tab moderator · Ctrl-y keeps · Esc undoes",
        ),
        Purpose::Filter => (
            "Filter the agenda".to_string(),
            "Enter: filter on/off · Esc closes",
        ),
    };
    let mut lines: Vec<Line> = vec![Line::from(vec![
        Span::styled("› ", theme.bold()),
        Span::raw(format!("{}█", clean(&p.query))),
    ])];
    let visible = rect.height.saturating_sub(5) as usize;
    let start = p.cursor.saturating_sub(visible.saturating_sub(1));
    for (k, &item) in p.shown.iter().enumerate().skip(start).take(visible) {
        let it = &p.items[item];
        let mark = match (p.purpose, &it.choice) {
            (Purpose::People { session }, Choice::Speaker(sp)) => {
                let id = &program.speakers[*sp].id;
                let s = &program.sessions[session];
                let is = |r: Role| r.list(s).iter().any(|x| &x.value == id);
                match (is(Role::Speaker), is(Role::Moderator)) {
                    (true, true) => "[S+M] ",
                    (true, false) => "[S]   ",
                    (false, true) => "[M]   ",
                    _ => "      ",
                }
            }
            _ => "",
        };
        let style = if k == p.cursor {
            theme.selected()
        } else {
            theme.base()
        };
        lines.push(Line::from(Span::styled(
            format!("{mark}{}", clean(&it.label)),
            style,
        )));
    }
    if p.shown.is_empty() {
        let text = match p.purpose {
            Purpose::People { .. } if !p.query.trim().is_empty() => {
                format!("+ Enter adds a new speaker “{}”", clean(p.query.trim()))
            }
            _ => "no match".into(),
        };
        lines.push(Line::from(Span::styled(text, theme.dim())));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(help, theme.dim())));
    frame.render_widget(Clear, rect);
    frame.render_widget(Paragraph::new(lines).block(boxed(&title, theme)), rect);
}

pub fn prompt(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let Some(prompt) = &app.prompt else { return };
    let text = clean(&prompt.question()).into_owned();
    let width = 70.min(area.width.saturating_sub(4)).max(10);
    let lines = (text.chars().count() as u16 / width.saturating_sub(4).max(1)) + 3;
    let rect = centered(area, width, lines + 2);
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.bold())
            .block(boxed("Question", theme))
            .wrap(Wrap { trim: true }),
        rect,
    );
}
