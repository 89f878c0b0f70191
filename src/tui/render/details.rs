//! The details pane (the selected session in full, with its conflicts) and the unscheduled
//! backlog.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::{clean, put};
use crate::codes::Level;
use crate::model::Status;
use crate::rules::wording;
use crate::tui::app::App;
use crate::tui::theme::{glyph, Theme};

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(" Details ", theme.bold()));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(i) = app.selected else {
        let text = if app.doc.program.sessions.is_empty() {
            "No session yet: a adds one at the cursor."
        } else {
            "No session here. Move onto one (hjkl), or a adds one at the cursor."
        };
        Paragraph::new(text)
            .style(theme.dim())
            .wrap(Wrap { trim: true })
            .render(inner, buf);
        return;
    };
    let p = &app.doc.program;
    let tz = p.event.timezone;
    let s = &p.sessions[i];
    let facts = &app.derived.facts[i];
    let mut lines: Vec<Line> = Vec::new();
    let mut title = String::new();
    if app.picks.contains(&s.id) {
        title.push_str("* ");
    }
    title.push_str(&s.title);
    lines.push(Line::from(Span::styled(
        clean(&title).into_owned(),
        theme.bold(),
    )));
    let mut kind = format!("{} · {}", s.kind.as_str(), s.id);
    if s.status != Status::Confirmed {
        kind.push_str(&format!(" · {}", s.status.as_str()));
    }
    if s.plenary {
        kind.push_str(" · plenary");
    }
    lines.push(Line::from(Span::styled(
        clean(&kind).into_owned(),
        theme.dim(),
    )));
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name:<11}"), theme.bold()),
            Span::raw(clean(&value).into_owned()),
        ])
    };
    let when = match facts.interval {
        Some((a, e)) => {
            let mut when = format!(
                "{} {} ({} min)",
                wording::day(tz, a),
                wording::span(tz, a, e),
                (e - a) / 60
            );
            // On a day the clocks change, the offsets say which 02:15 is meant.
            let offset = |t| crate::time::offset_text(tz, t);
            if crate::time::clocks_change_on(tz, crate::time::to_local(tz, a).date_naive()) {
                let (oa, oe) = (offset(a), offset(e));
                if oa == oe {
                    when.push_str(&format!(" UTC{oa}"));
                } else {
                    when.push_str(&format!(" UTC{oa}→{oe}"));
                }
            }
            when
        }
        None => "not placed".into(),
    };
    lines.push(field("when", when));
    let room = match (facts.room, &s.room) {
        (Some(r), _) => {
            let room = &p.rooms[r];
            match room.capacity {
                Some(c) => format!("{} ({c} seats)", room.name),
                None => room.name.clone(),
            }
        }
        (None, Some(r)) => format!("{} (unknown room)", r.value),
        (None, None) if s.kind.may_be_event_wide() && s.start.is_some() => "all rooms".into(),
        _ => "none".into(),
    };
    lines.push(field("room", room));
    if let Some(t) = facts.track {
        lines.push(field("track", p.tracks[t].name.clone()));
    }
    let names = |refs: &[crate::model::Ref]| {
        refs.iter()
            .map(|r| {
                p.speakers
                    .iter()
                    .find(|x| x.id == r.value)
                    .map(|x| x.name.clone())
                    .unwrap_or_else(|| format!("{}?", r.value))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !s.speakers.is_empty() {
        lines.push(field("speakers", names(&s.speakers)));
    }
    if !s.moderators.is_empty() {
        lines.push(field("moderators", names(&s.moderators)));
    }
    if let Some(n) = s.expected {
        lines.push(field("expected", n.to_string()));
    }
    if !s.requires.is_empty() {
        lines.push(field("requires", s.requires.join(", ")));
    }
    if let Some(l) = &s.language {
        lines.push(field("language", l.clone()));
    }
    if !s.interpretation.is_empty() {
        lines.push(field("interpretation", s.interpretation.join(", ")));
    }
    let diags: Vec<_> = app.derived.by_session[i]
        .iter()
        .map(|&k| &app.derived.diagnostics[k])
        .collect();
    if diags.is_empty() {
        lines.push(Line::from(Span::styled("no conflict", theme.dim())));
    } else {
        for d in diags {
            let style = theme.level(d.severity);
            lines.push(Line::from(vec![
                Span::styled(format!("{} {} ", glyph(d.severity), d.code), style),
                Span::raw(clean(&d.message).into_owned()),
            ]));
        }
    }
    if let Some(desc) = &s.description {
        lines.push(Line::from(""));
        for line in desc.lines() {
            lines.push(Line::from(Span::styled(
                clean(line).into_owned(),
                theme.base().add_modifier(Modifier::ITALIC),
            )));
        }
    }
    // Scrolled with Ctrl-e / Ctrl-y (or the wheel), never past the last line.
    let scroll = app.details_scroll.min(lines.len().saturating_sub(1));
    let more = scroll > 0;
    let w = inner.width.max(1) as usize;
    let total: usize = lines.iter().map(|l| l.width().div_ceil(w).max(1)).sum();
    let below = total.saturating_sub(scroll) > inner.height as usize;
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .scroll((scroll.min(u16::MAX as usize) as u16, 0))
        .render(inner, buf);
    if more {
        put(
            buf,
            area.right().saturating_sub(4),
            area.y,
            3,
            "▲",
            theme.dim(),
        );
    }
    if below {
        // More below: say how to read it.
        let hint = " ▼ Ctrl-e ";
        let x = area.right().saturating_sub(hint.chars().count() as u16 + 1);
        put(
            buf,
            x,
            area.bottom().saturating_sub(1),
            10,
            hint,
            theme.dim(),
        );
    }
}

pub fn backlog(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let n = app.derived.unscheduled.len();
    let title = format!(" Unscheduled ({n}) · b ");
    let style = if app.backlog_focus {
        theme.selected()
    } else {
        theme.bold()
    };
    put(
        buf,
        area.x,
        area.y,
        area.width,
        &format!("{title:─<w$}", w = area.width as usize),
        style,
    );
    let p = &app.doc.program;
    let height = area.height.saturating_sub(1) as usize;
    for (k, &i) in app
        .derived
        .unscheduled
        .iter()
        .enumerate()
        .skip(app.backlog.top)
        .take(height)
    {
        let y = area.y + 1 + (k - app.backlog.top) as u16;
        let s = &p.sessions[i];
        let why = match (s.start.is_some(), s.room.is_some()) {
            (false, false) => "no time, no room",
            (false, true) => "no time",
            (true, false) => "no room",
            (true, true) => "unknown room",
        };
        let selected = app.backlog_focus && k == app.backlog.cursor;
        let row_style = if selected {
            theme.selected()
        } else {
            theme.base()
        };
        let mark = match app.derived.worst[i] {
            Some(l) if l <= Level::Warning => glyph(l),
            _ => " ",
        };
        put(
            buf,
            area.x,
            y,
            area.width,
            &format!("{mark} {} ({why})", s.title),
            row_style,
        );
    }
}
