//! Pop-ups over the views: help, the session form, the picker and prompts.

use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use ratatui::Frame;

use super::{clean, fit};
use crate::edit::Role;
use crate::tui::action::Mode;
use crate::tui::app::App;
use crate::tui::form::FormKey;
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
    let rect = centered(area, 90, app.help_box_height() as u16);
    let shown = crate::tui::help::lines(&app.help_query);
    let width = shown
        .iter()
        .filter(|l| !l.heading)
        .map(|l| l.keys.chars().count())
        .max()
        .unwrap_or(0)
        .min(24);
    let mut lines: Vec<Line> = Vec::new();
    for l in &shown {
        if l.heading {
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::from(Span::styled(
                l.text.clone(),
                theme.bold().add_modifier(Modifier::UNDERLINED),
            )));
        } else {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<width$}  ", l.keys), theme.bold()),
                Span::raw(l.text.clone()),
            ]));
        }
    }
    if shown.is_empty() {
        lines.push(Line::from(Span::styled(
            format!("Nothing in the help matches `{}`", clean(&app.help_query)),
            theme.dim(),
        )));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "/ searches · j k scroll · gg G top and end · Esc, q or ? closes",
        theme.dim(),
    )));
    let title = match app.mode {
        Mode::HelpSearch => format!("Keys — /{}█", clean(&app.help_query)),
        _ if !app.help_query.is_empty() => format!("Keys — /{}", clean(&app.help_query)),
        _ => "Keys — from the live keymap".to_string(),
    };
    let max = lines
        .len()
        .saturating_sub(rect.height.saturating_sub(2) as usize);
    let scroll = app.help_scroll.min(max) as u16;
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed(&title, theme))
            .scroll((scroll, 0)),
        rect,
    );
}

/// The last messages in full (`g<`), the latest at the bottom.
pub fn messages(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let rect = centered(area, 90, app.help_box_height() as u16);
    let mut lines: Vec<Line> = Vec::new();
    for m in &app.messages {
        let style = if m.error {
            theme.error_message()
        } else {
            theme.base()
        };
        let mark = if m.error { "✗ " } else { "" };
        lines.push(Line::from(Span::styled(
            format!("{mark}{}", clean(&m.text)),
            style,
        )));
    }
    let scroll = app.help_scroll.min(u16::MAX as usize) as u16;
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed("Messages — Esc closes", theme))
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0)),
        rect,
    );
}

/// One field of a form: its label, value, hint when empty, and message when wrong.
struct FormRow<'a> {
    label: &'a str,
    value: &'a str,
    hint: String,
    error: Option<&'a str>,
}

/// A form (the session's, or a room's, speaker's or track's) in a box: one line per field,
/// its message under a wrong one, the keys at the bottom.
fn draw_form(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    rows: &[FormRow<'_>],
    focus: usize,
    back: usize,
    theme: Theme,
) {
    let errors = rows.iter().filter(|r| r.error.is_some()).count() as u16;
    let rect = centered(area, 76, rows.len() as u16 + errors + 4);
    let room = (rect.width.saturating_sub(2) as usize).saturating_sub(12);
    let mut lines: Vec<Line> = Vec::new();
    let mut focus_line = 0;
    for (k, row) in rows.iter().enumerate() {
        let focused = k == focus;
        if focused {
            focus_line = lines.len();
        }
        let label_style = if focused {
            theme.selected()
        } else {
            theme.bold()
        };
        let value = clean(row.value).into_owned();
        let mut spans = vec![Span::styled(format!("{:>11} ", row.label), label_style)];
        if value.is_empty() && !focused {
            spans.push(Span::styled(fit(&row.hint, room), theme.dim()));
        } else if focused {
            // The cursor as a block (at the end) or a highlighted character, kept in view.
            let (before, under, after) = crate::tui::typing::split(&value, back);
            let before: Vec<char> = before.chars().collect();
            let from = (before.len() + 1).saturating_sub(room);
            spans.push(Span::raw(before[from..].iter().collect::<String>()));
            match under {
                None => spans.push(Span::raw("█")),
                Some(c) => {
                    spans.push(Span::styled(c.to_string(), theme.selected()));
                    let left = room.saturating_sub(before.len() - from + 1);
                    spans.push(Span::raw(after.chars().take(left).collect::<String>()));
                }
            }
        } else {
            spans.push(Span::raw(fit(&value, room)));
        }
        lines.push(Line::from(spans));
        if let Some(e) = row.error {
            lines.push(Line::from(Span::styled(
                format!("            ✗ {}", clean(e)),
                theme.error_message(),
            )));
        }
    }
    // On a short screen the fields scroll so that the focused one is always in view.
    let room_for_fields = (rect.height as usize).saturating_sub(4).max(1);
    if lines.len() > room_for_fields {
        let top = (focus_line + 1).saturating_sub(room_for_fields);
        let (above, below) = (top, lines.len() - (top + room_for_fields).min(lines.len()));
        lines = lines.into_iter().skip(top).take(room_for_fields).collect();
        let more = match (above, below) {
            (0, n) => format!("↓ {n} more"),
            (n, 0) => format!("↑ {n} more"),
            (a, b) => format!("↑ {a} more · ↓ {b} more"),
        };
        if let Some(last) = lines.last_mut() {
            // The last line shown says how much is out of view, in place of what it held
            // when that is not the focused field.
            if top + room_for_fields - 1 != focus_line {
                *last = Line::from(Span::styled(format!("{:>11} {more}", ""), theme.dim()));
            }
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(
        "Tab/↓ next · ↑ back · Enter applies · Esc cancels · ←→ Ctrl-a/e/w/k/u edit",
        theme.dim(),
    )));
    frame.render_widget(Clear, rect);
    frame.render_widget(
        Paragraph::new(lines)
            .block(boxed(title, theme))
            .wrap(Wrap { trim: false }),
        rect,
    );
}

pub fn form(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    if let Some(form) = &app.item_form {
        let rows: Vec<FormRow<'_>> = form
            .fields()
            .iter()
            .enumerate()
            .map(|(k, (label, _))| FormRow {
                label,
                value: &form.values[k],
                hint: form.hint(k, app.day_date()),
                error: form.errors[k].as_deref(),
            })
            .collect();
        let title = fit(&clean(&form.title(&app.doc)), 60);
        return draw_form(frame, area, &title, &rows, form.focus, form.back, theme);
    }
    let Some(form) = &app.form else { return };
    let title = app
        .doc
        .program
        .sessions
        .get(form.session)
        .map(|s| format!("Edit '{}'", fit(&clean(&s.title), 40)))
        .unwrap_or_else(|| "Edit".into());
    let rows: Vec<FormRow<'_>> = FormKey::ALL
        .iter()
        .enumerate()
        .map(|(k, key)| FormRow {
            label: key.label(),
            value: &form.values[k],
            hint: key.placeholder(app.day_date()),
            error: form.errors[k].as_deref(),
        })
        .collect();
    draw_form(frame, area, &title, &rows, form.focus, form.back, theme);
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
        Purpose::Slots { session } => (
            program
                .sessions
                .get(session)
                .map(|s| format!("Valid slots for '{}'", fit(&clean(&s.title), 36)))
                .unwrap_or_default(),
            "Enter: place it there (u undoes) · Esc closes",
        ),
        Purpose::GotoRoom => (
            "Go to a room".to_string(),
            "type a part of its name · Enter goes there · Esc closes",
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
