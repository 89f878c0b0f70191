//! The list views: agenda, speakers, rooms and conflicts. Only rows on screen are formatted.
//!
//! ```text
//! Agenda · 28 sessions · filters: room Amphithéâtre            (f filters, F clears)
//! Tue 5 Dec 2017
//!   ✗ 09:15–10:15  Amphithéâtre    Ouverture du Forum … · Équipe du forum [Territoires]
//! ```

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::put;
use crate::codes::Level;
use crate::edit::Role;
use crate::model::Status;
use crate::rules::wording;
use crate::tui::action::View;
use crate::tui::app::App;
use crate::tui::lists::{Heading, Row};
use crate::tui::theme::{glyph, Theme, PICK};

fn title_line(app: &App, view: View, rows: &[Row]) -> String {
    let sessions = rows
        .iter()
        .filter(|r| matches!(r, Row::Session { .. }))
        .count();
    match view {
        View::Agenda => {
            let mut t = format!(
                "Agenda · {sessions} session{}",
                if sessions == 1 { "" } else { "s" }
            );
            let f = &app.filters;
            let p = &app.doc.program;
            let mut parts = Vec::new();
            let names = |what: &str, list: Vec<String>| {
                (!list.is_empty()).then(|| format!("{what} {}", list.join(" or ")))
            };
            parts.extend(names(
                "day",
                f.day
                    .iter()
                    .filter_map(|d| app.derived.days.get(*d))
                    .map(|d| d.format("%Y-%m-%d").to_string())
                    .collect(),
            ));
            parts.extend(names(
                "room",
                f.room
                    .iter()
                    .filter_map(|r| p.rooms.get(*r))
                    .map(|r| r.name.clone())
                    .collect(),
            ));
            parts.extend(names(
                "track",
                f.track
                    .iter()
                    .filter_map(|r| p.tracks.get(*r))
                    .map(|r| r.name.clone())
                    .collect(),
            ));
            parts.extend(names(
                "speaker",
                f.speaker
                    .iter()
                    .filter_map(|r| p.speakers.get(*r))
                    .map(|r| r.name.clone())
                    .collect(),
            ));
            parts.extend(names(
                "kind",
                f.kind.iter().map(|k| k.as_str().to_string()).collect(),
            ));
            parts.extend(names(
                "status",
                f.status.iter().map(|k| k.as_str().to_string()).collect(),
            ));
            if f.picks {
                parts.push("my picks".into());
            }
            if f.conflicts {
                parts.push("with conflicts".into());
            }
            if let (true, Some(c)) = (f.changed, &app.changes) {
                parts.push(format!(
                    "changed since {} (★ new → moved ✎ changed ✕ cancelled)",
                    c.since
                ));
            }
            if parts.is_empty() {
                t.push_str(" · f filters");
            } else {
                t.push_str(&format!(" · filters: {} (F clears)", parts.join(", ")));
            }
            t
        }
        View::Speakers => format!(
            "Speakers · {} people · their sessions and conflicts",
            app.doc.program.speakers.len()
        ),
        View::Rooms => format!(
            "Rooms · {} rooms · their sessions and conflicts",
            app.doc.program.rooms.len()
        ),
        View::Conflicts => {
            let s = app.derived.summary;
            format!(
                "Conflicts · {} error{}, {} warning{}, {} info · Enter shows the session, ]c [c walk them",
                s.errors,
                if s.errors == 1 { "" } else { "s" },
                s.warnings,
                if s.warnings == 1 { "" } else { "s" },
                s.infos
            )
        }
        View::Grid => String::new(),
    }
}

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, view: View, theme: Theme) {
    let Some(li) = App::list_index(view) else {
        return;
    };
    let rows = app.rows(view);
    let state = app.lists[li];
    put(
        buf,
        area.x,
        area.y,
        area.width,
        &title_line(app, view, &rows),
        theme.bold(),
    );
    let height = area.height.saturating_sub(1) as usize;
    for (k, row) in rows.iter().enumerate().skip(state.top).take(height) {
        let y = area.y + 1 + (k - state.top) as u16;
        let selected = k == state.cursor && row.selectable();
        draw_row(
            buf,
            Rect::new(area.x, y, area.width, 1),
            app,
            row,
            selected,
            theme,
        );
    }
}

fn draw_row(buf: &mut Buffer, area: Rect, app: &App, row: &Row, selected: bool, theme: Theme) {
    let p = &app.doc.program;
    let tz = p.event.timezone;
    let base = if selected {
        theme.selected()
    } else {
        theme.base()
    };
    if selected {
        buf.set_style(area, base);
    }
    let w = area.width;
    match row {
        Row::Heading(h) => {
            let text = match h {
                Heading::Day(d) => {
                    let date = app.derived.days[*d];
                    wording::full_date(date)
                }
                Heading::Unscheduled => {
                    "Not on the grid: unplaced, cancelled, or with invalid times".into()
                }
                Heading::Speaker(i) => {
                    let s = &p.speakers[*i];
                    match &s.affiliation {
                        Some(a) => format!("{} — {a}", s.name),
                        None => s.name.clone(),
                    }
                }
                Heading::Room(i) => {
                    let r = &p.rooms[*i];
                    let mut t = r.name.clone();
                    if let Some(c) = r.capacity {
                        t.push_str(&format!(" — {c} seats"));
                    }
                    if !r.features.is_empty() {
                        t.push_str(&format!(" · {}", r.features.join(", ")));
                    }
                    t
                }
                Heading::Severity(level, n) => {
                    let name = match level {
                        Level::Error => "Errors",
                        Level::Warning => "Warnings",
                        _ => "Info",
                    };
                    format!("{} {name} ({n})", glyph(*level))
                }
            };
            let style = match h {
                Heading::Severity(l, _) => theme.level(*l),
                _ => theme.bold(),
            };
            put(buf, area.x, area.y, w, &text, style);
        }
        Row::Note(text) => {
            put(
                buf,
                area.x + 4,
                area.y,
                w.saturating_sub(4),
                text,
                theme.dim(),
            );
        }
        Row::Session { session, role } => {
            let i = *session;
            let s = &p.sessions[i];
            let facts = &app.derived.facts[i];
            let mut x = area.x + 2;
            let (mark, mark_style) = match app.derived.worst[i] {
                Some(l) => (glyph(l), theme.level(l)),
                None => (" ", base),
            };
            x = put(
                buf,
                x,
                area.y,
                2,
                mark,
                if selected { base } else { mark_style },
            );
            let star = if app.picks.contains(&s.id) { PICK } else { " " };
            x = put(buf, x, area.y, 1, star, base);
            x += 1;
            if let Some(role) = role {
                let r = match role {
                    Role::Speaker => "speaker  ",
                    Role::Moderator => "moderator",
                };
                x = put(buf, x, area.y, 10, r, base) + 1;
            }
            let when = match facts.interval {
                Some((a, e)) if app.view != View::Agenda => {
                    format!("{} {}", wording::day(tz, a), wording::span(tz, a, e))
                }
                Some((a, e)) => wording::span(tz, a, e),
                None => "no time".into(),
            };
            // On a day the clocks change, each time says its offset: two 02:15 an hour apart
            // must not read as one.
            let transition = facts.interval.filter(|&(a, _)| {
                crate::time::clocks_change_on(tz, crate::time::to_local(tz, a).date_naive())
            });
            let when = match transition {
                Some((a, e)) => {
                    let (oa, oe) = (
                        crate::time::offset_text(tz, a),
                        crate::time::offset_text(tz, e),
                    );
                    let short = |o: &str| {
                        o.trim_end_matches(":00")
                            .replace("+0", "+")
                            .replace("-0", "-")
                    };
                    if oa == oe {
                        format!("{when} {}", short(&oa))
                    } else {
                        format!("{when} {}→{}", short(&oa), short(&oe))
                    }
                }
                None => when,
            };
            let when_w = match (app.view == View::Agenda, transition.is_some()) {
                (true, false) => 12,
                (true, true) => 18,
                (false, false) => 23,
                (false, true) => 29,
            };
            x = put(buf, x, area.y, when_w, &when, base);
            x = x.max(area.x + 2 + 4 + when_w + if role.is_some() { 11 } else { 0 });
            let room = facts
                .room
                .map(|r| p.rooms[r].name.clone())
                .or_else(|| s.room.as_ref().map(|r| format!("{}?", r.value)))
                .unwrap_or_else(|| {
                    if s.kind.may_be_event_wide() && s.start.is_some() {
                        "all rooms".into()
                    } else {
                        "no room".into()
                    }
                });
            if app.view != View::Rooms {
                let start = x;
                put(buf, x + 1, area.y, 16, &room, base);
                x = start + 18;
            }
            let mut text = match app.changes.as_ref().and_then(|c| c.mark(i)) {
                Some(mark) => format!("{} {}", crate::tui::changes::glyph(mark), s.title),
                None => s.title.clone(),
            };
            let people: Vec<&str> = facts
                .people
                .iter()
                .map(|&k| p.speakers[k].name.as_str())
                .collect();
            if !people.is_empty() && app.view != View::Speakers {
                text.push_str(" · ");
                text.push_str(&people.join(", "));
            }
            if let Some(t) = facts.track {
                text.push_str(&format!(" [{}]", p.tracks[t].name));
            }
            match s.status {
                Status::Tentative => text.push_str(" (tentative)"),
                Status::Cancelled => text.push_str(" (cancelled)"),
                Status::Confirmed => {}
            }
            put(buf, x, area.y, area.right().saturating_sub(x), &text, base);
        }
        Row::Diagnostic(k) => {
            let d = &app.derived.diagnostics[*k];
            let style: Style = if selected {
                base
            } else {
                theme.level(d.severity)
            };
            let x = put(buf, area.x + 2, area.y, 2, glyph(d.severity), style) + 1;
            let x = put(
                buf,
                x,
                area.y,
                20,
                &format!("{:<19}", d.code.as_str()),
                if selected { base } else { theme.bold() },
            );
            put(
                buf,
                x + 1,
                area.y,
                area.right().saturating_sub(x + 1),
                &d.message,
                base,
            );
        }
    }
}
