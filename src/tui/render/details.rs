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
use crate::tui::app::App;
use crate::tui::theme::{glyph, Theme};

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let block = Block::default().borders(Borders::ALL).title(Span::styled(
        crate::tui::words::word("details_title"),
        theme.bold(),
    ));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(i) = app.selected else {
        let text = if app.doc.program.sessions.is_empty() {
            crate::tui::words::word("details_empty")
        } else {
            crate::tui::words::word("details_none_here")
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
        kind.push_str(" · ");
        kind.push_str(crate::tui::words::word("details_plenary"));
    }
    lines.push(Line::from(Span::styled(
        clean(&kind).into_owned(),
        theme.dim(),
    )));
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{:<11}", format!("{name} ")), theme.bold()),
            Span::raw(clean(&value).into_owned()),
        ])
    };
    let when = match facts.interval {
        Some((a, e)) => {
            let mut when = format!(
                "{} {} ({} min)",
                crate::tui::words::day(tz, a),
                crate::tui::words::span(tz, a, e),
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
        None => crate::tui::words::word("details_not_placed").into(),
    };
    lines.push(field(crate::tui::words::word("details_field_when"), when));
    let room = match (facts.room, &s.room) {
        (Some(r), _) => {
            let room = &p.rooms[r];
            match room.capacity {
                Some(c) => crate::tui::words::format_counts(
                    "details_seats",
                    &[("room", &room.name)],
                    &[("seats", c as i64)],
                ),
                None => room.name.clone(),
            }
        }
        (None, Some(r)) => crate::tui::words::format("details_unknown_room", &[("room", &r.value)]),
        (None, None) if s.kind.may_be_event_wide() && s.start.is_some() => {
            crate::tui::words::word("details_all_rooms").into()
        }
        _ => crate::tui::words::word("details_no_room_value").into(),
    };
    lines.push(field(crate::tui::words::word("details_field_room"), room));
    if let Some(t) = facts.track {
        lines.push(field(
            crate::tui::words::word("details_field_track"),
            p.tracks[t].name.clone(),
        ));
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
        lines.push(field(
            crate::tui::words::word("details_field_speakers"),
            names(&s.speakers),
        ));
    }
    if !s.moderators.is_empty() {
        lines.push(field(
            crate::tui::words::word("details_field_moderators"),
            names(&s.moderators),
        ));
    }
    if let Some(n) = s.expected {
        lines.push(field(
            crate::tui::words::word("details_field_expected"),
            n.to_string(),
        ));
    }
    if !s.requires.is_empty() {
        lines.push(field(
            crate::tui::words::word("details_field_requires"),
            s.requires.join(", "),
        ));
    }
    if let Some(l) = &s.language {
        lines.push(field(
            crate::tui::words::word("details_field_language"),
            l.clone(),
        ));
    }
    if !s.interpretation.is_empty() {
        lines.push(field(
            crate::tui::words::word("details_field_interpretation"),
            s.interpretation.join(", "),
        ));
    }
    let diags: Vec<_> = app.derived.by_session[i]
        .iter()
        .map(|&k| &app.derived.diagnostics[k])
        .collect();
    if diags.is_empty() {
        lines.push(Line::from(Span::styled(
            crate::tui::words::word("details_no_conflict"),
            theme.dim(),
        )));
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
    let title = crate::tui::words::format("backlog_title", &[("count", &n.to_string())]);
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
            (false, false) => crate::tui::words::word("backlog_no_time_no_room"),
            (false, true) => crate::tui::words::word("backlog_no_time"),
            (true, false) => crate::tui::words::word("backlog_no_room"),
            (true, true) => crate::tui::words::word("backlog_unknown_room"),
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
