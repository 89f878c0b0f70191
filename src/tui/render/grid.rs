//! The grid view: one day, rooms as columns, time running down.
//!
//! ```text
//!  Tue 5 Dec │ Wed 6 Dec                          step 15 min · 08:00–20:30
//!       Amphithéâtre      Salle Rhône       Salle Saône
//! 09:00 ▌✗ Ouverture du… ▌Startups de…
//!       ▌09:15–10:15     ▌10:45–12:15
//! 09:30 ▌équipe forum    ▌Julien Roux
//! ```
//! Sessions are blocks with the title, time, speakers and track; overlapping sessions in one
//! room share its column side by side, marked `‖`; event-wide breaks run across all rooms.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_width::UnicodeWidthStr;

use super::put;
use crate::model::Status;
use crate::rules::wording;
use crate::time::to_local;
use crate::tui::app::App;
use crate::tui::grid::{self, Block};
use crate::tui::layout::{self, GUTTER};
use crate::tui::theme::{glyph, Theme, OVERLAP, PICK};

/// The mark of a valid place for the held session in grab mode.
pub const TARGET: &str = "✓";

pub fn draw(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    let program = &app.doc.program;
    let tz = program.event.timezone;
    // Line 0: day tabs and zoom.
    let tabs = app.day_tabs();
    let visible_tabs: Vec<_> = tabs.iter().filter(|t| t.end <= area.right()).collect();
    for tab in &visible_tabs {
        let style = if tab.target == app.grid.day {
            theme.active_tab()
        } else {
            theme.bold()
        };
        put(buf, tab.x, area.y, tab.end - tab.x, &tab.label, style);
    }
    if visible_tabs.len() < tabs.len() {
        let x = visible_tabs.last().map(|t| t.end).unwrap_or(area.x);
        put(
            buf,
            x,
            area.y,
            12,
            &format!(" +{} (< >)", tabs.len() - visible_tabs.len()),
            theme.dim(),
        );
    }
    let Some(frame) = app.frame() else {
        put(
            buf,
            area.x + 1,
            area.y + 2,
            area.width.saturating_sub(2),
            crate::tui::words::word("grid_no_day"),
            theme.dim(),
        );
        return;
    };
    let shown_note = app
        .rooms_shown_note()
        .map(|n| format!("{n} · "))
        .unwrap_or_default();
    let info = shown_note
        + &crate::tui::words::format(
            "grid_step",
            &[
                ("step", &frame.step.to_string()),
                ("from", &wording::clock(tz, frame.origin)),
                ("to", &wording::clock(tz, frame.row_time(frame.rows))),
            ],
        );
    let iw = info.width() as u16;
    let last_tab = visible_tabs.last().map(|t| t.end).unwrap_or(area.x);
    if area.right() > last_tab + iw + 10 {
        put(buf, area.right() - iw, area.y, iw, &info, theme.dim());
    } else if let Some(note) = app.rooms_shown_note() {
        // Narrow: hidden rooms are still said.
        let nw = note.width() as u16 + 1;
        if area.right() > last_tab + nw + 1 {
            put(buf, area.right() - nw, area.y, nw, &note, theme.dim());
        }
    }

    let rooms = &program.rooms;
    // Columns are the rooms the grid shows (`:rooms`); `column[r]` is room r's, if shown.
    let columns = app.grid_columns();
    let mut column: Vec<Option<usize>> = vec![None; rooms.len()];
    for (c, &r) in columns.iter().enumerate() {
        column[r] = Some(c);
    }
    let geo = layout::grid_geometry(area, columns.len(), app.grid.column);
    let top = app.grid.top;
    let left = app.grid.left;
    let shown_rooms = left..(left + geo.visible_rooms).min(columns.len());
    let on_screen = |r: usize| column[r].filter(|c| shown_rooms.contains(c));

    // Line 1: room names.
    let y = area.y + 1;
    if rooms.is_empty() {
        put(
            buf,
            geo.rooms_x,
            y,
            area.width.saturating_sub(GUTTER),
            crate::tui::words::word("grid_no_rooms"),
            theme.dim(),
        );
    }
    for (k, r) in shown_rooms.clone().map(|c| columns[c]).enumerate() {
        let x = geo.rooms_x + k as u16 * geo.column_width;
        let room = &rooms[r];
        let mut label = room.name.clone();
        if let Some(c) = room.capacity {
            let with = format!("{label} ({c})");
            if with.width() < geo.column_width as usize {
                label = with;
            }
        }
        let style = if r == app.grid.room && !app.backlog_focus {
            theme.bold().add_modifier(Modifier::UNDERLINED)
        } else {
            theme.bold()
        };
        put(buf, x, y, geo.column_width.saturating_sub(1), &label, style);
    }
    if left > 0 {
        put(buf, area.x, y, GUTTER - 1, "◀", theme.dim());
    }
    if shown_rooms.end < columns.len() {
        put(buf, area.right().saturating_sub(1), y, 1, "▶", theme.dim());
    }

    // Time gutter.
    let height = geo.rows_height as usize;
    let rows_shown = top..(top + height).min(frame.rows);
    let now_row = (app.now >= frame.origin && app.now < frame.row_time(frame.rows))
        .then(|| frame.row_of(app.now));
    for row in rows_shown.clone() {
        let y = geo.rows_y + (row - top) as u16;
        let t = frame.row_time(row);
        let local = to_local(tz, t);
        let on_hour = chrono::Timelike::minute(&local) == 0;
        let label = if on_hour || frame.step >= 30 || row == app.grid.row {
            wording::clock(tz, t)
        } else {
            String::new()
        };
        let style = if row == app.grid.row && !app.backlog_focus {
            theme.bold()
        } else {
            theme.dim()
        };
        put(buf, area.x, y, GUTTER - 1, &label, style);
        if now_row == Some(row) {
            put(buf, area.x, y, GUTTER, "now ▶", theme.now());
        }
    }

    let blocks = grid::blocks(&app.derived, &frame, app.grid.day);
    // Cursor cell (under the blocks: a session at the cursor is drawn selected instead).
    let cursor_column = rooms
        .get(app.grid.room)
        .and_then(|_| on_screen(app.grid.room));
    if let (false, Some(c), true) = (
        app.backlog_focus,
        cursor_column,
        rows_shown.contains(&app.grid.row),
    ) {
        let x = geo.rooms_x + (c - left) as u16 * geo.column_width;
        let y = geo.rows_y + (app.grid.row - top) as u16;
        put(
            buf,
            x,
            y,
            geo.column_width.saturating_sub(1),
            &format!(
                "{:w$}",
                "+",
                w = geo.column_width.saturating_sub(1) as usize
            ),
            theme.cursor(),
        );
    }
    // Now line across empty cells.
    if let Some(nr) = now_row {
        if rows_shown.contains(&nr) {
            let y = geo.rows_y + (nr - top) as u16;
            let w = geo.column_width * (shown_rooms.len() as u16);
            for x in geo.rooms_x..(geo.rooms_x + w).min(area.right()) {
                if let Some(cell) = buf.cell_mut((x, y)) {
                    if cell.symbol() == " " {
                        cell.set_symbol("┄");
                        cell.set_style(theme.now());
                    }
                }
            }
        }
    }
    // Grab mode: where the held session may go without an error, marked ✓ (under the blocks).
    if app.grab.is_some() {
        for (k, r) in shown_rooms.clone().map(|c| columns[c]).enumerate() {
            let x = geo.rooms_x + k as u16 * geo.column_width;
            for row in rows_shown.clone() {
                let t = frame.row_time(row);
                // An event-wide session's places are marked in every room.
                if !app.is_target(Some(r), t) && !app.is_target(None, t) {
                    continue;
                }
                let y = geo.rows_y + (row - top) as u16;
                if buf
                    .cell((x, y))
                    .is_some_and(|c| c.symbol() == " " || c.symbol() == "┄")
                {
                    put(buf, x, y, 1, TARGET, theme.dim());
                }
            }
        }
    }
    // Room sessions first; event-wide sessions (breaks for everyone) then take every cell no
    // room session covers, so at a coarse step a break still shows beside the sessions that
    // share its rows, and nothing of it is left in the gaps between columns.
    let mut covered = vec![vec![false; shown_rooms.len()]; rows_shown.len()];
    for b in blocks.iter() {
        // Sessions of hidden rooms, and of rooms scrolled out of view, are not drawn.
        let Some(c) = b.room.and_then(&on_screen) else {
            continue;
        };
        for row in b.row0.max(top)..b.row1.min(rows_shown.end) {
            covered[row - top][c - left] = true;
        }
        let col_x = geo.rooms_x + (c - left) as u16 * geo.column_width;
        let inner = geo.column_width.saturating_sub(1).max(1);
        let lane_w = (inner / b.lanes as u16).max(1);
        let x = col_x + b.lane as u16 * lane_w;
        let w = if b.lane + 1 == b.lanes {
            inner.saturating_sub(b.lane as u16 * lane_w)
        } else {
            lane_w.saturating_sub(1).max(1)
        };
        let text = BlockText::new(app, theme, b);
        for row in b.row0.max(top)..b.row1.min(top + height) {
            let y = geo.rows_y + (row - top) as u16;
            text.draw_line(buf, row - b.row0, x, y, w);
        }
    }
    for b in blocks.iter().filter(|b| b.room.is_none()) {
        if b.row1 <= top || b.row0 >= top + height {
            continue;
        }
        let text = BlockText::new(app, theme, b);
        // Lines go to the rows that have room for them: a title is never lost under a
        // session of the row it starts on.
        let mut line = b.row0.max(top) - b.row0;
        for row in b.row0.max(top)..b.row1.min(rows_shown.end) {
            let y = geo.rows_y + (row - top) as u16;
            let free = &covered[row - top];
            let mut drawn = false;
            let mut c = 0;
            while c < free.len().max(1) {
                if free.get(c).copied().unwrap_or(false) {
                    c += 1;
                    continue;
                }
                let mut end = c + 1;
                while end < free.len() && !free[end] {
                    end += 1;
                }
                let x = geo.rooms_x + c as u16 * geo.column_width;
                let w = if end >= free.len() {
                    (geo.column_width * (end - c).max(1) as u16).min(area.right().saturating_sub(x))
                } else {
                    (geo.column_width * (end - c) as u16).saturating_sub(1)
                };
                text.draw_line(buf, line, x, y, w);
                drawn = true;
                c = end;
            }
            if drawn {
                line += 1;
            }
        }
    }
}

/// What a block shows, line by line, and how.
struct BlockText {
    lines: Vec<(String, Style)>,
    body: Style,
    edge: Style,
    edge_char: &'static str,
}

impl BlockText {
    fn new(app: &App, theme: Theme, b: &Block) -> BlockText {
        let program = &app.doc.program;
        let tz = program.event.timezone;
        let s = &program.sessions[b.session];
        let facts = &app.derived.facts[b.session];
        let selected = app.selected == Some(b.session) && !app.backlog_focus;
        let held = app.grab.as_ref().is_some_and(|g| g.session == b.session);
        let event_wide = b.room.is_none();
        let track = facts.track.map(|t| &program.tracks[t]);
        let mut body = theme.block(event_wide);
        if selected {
            body = body.patch(theme.selected());
        }
        let edge = theme.track(track.and_then(|t| t.color.as_deref()));
        // Lines of text, top to bottom.
        let mut lines: Vec<(String, Style)> = Vec::new();
        let mut title = String::new();
        if let Some(level) = app.derived.worst[b.session] {
            title.push_str(glyph(level));
            title.push(' ');
        }
        if b.overlapped() {
            title.push_str(OVERLAP);
            title.push(' ');
        }
        if app.picks.contains(&s.id) {
            title.push_str(PICK);
        }
        if held {
            title.push_str("⇕ ");
        }
        if let Some(mark) = app.changes.as_ref().and_then(|c| c.mark(b.session)) {
            title.push_str(crate::tui::changes::glyph(mark));
            title.push(' ');
        }
        title.push_str(&s.title);
        let span = facts
            .interval
            .map(|(a, e)| crate::tui::words::span(tz, a, e))
            .unwrap_or_default();
        if b.row1 - b.row0 == 1 {
            // One row: title and time together.
            lines.push((format!("{title} {span}"), body.add_modifier(Modifier::BOLD)));
        } else {
            lines.push((title, body.add_modifier(Modifier::BOLD)));
            let mut when = span;
            if s.status == Status::Tentative {
                when.push_str(" (tentative)");
            }
            if event_wide {
                when.push_str(crate::tui::words::word("grid_all_rooms"));
            }
            lines.push((when, body));
            let people: Vec<&str> = facts
                .people
                .iter()
                .map(|&p| program.speakers[p].name.as_str())
                .collect();
            if !people.is_empty() {
                lines.push((people.join(", "), body));
            }
            if let Some(t) = track {
                lines.push((format!("[{}]", t.name), body));
            }
        }
        let edge = if selected {
            body
        } else if theme.color {
            edge.patch(body).fg(edge.fg.unwrap_or_default())
        } else {
            body
        };
        BlockText {
            lines,
            body,
            edge,
            edge_char: if event_wide { "┆" } else { "▌" },
        }
    }

    /// Line `k` of the block (blank past the last) at (x, y), `w` columns with its edge.
    fn draw_line(&self, buf: &mut Buffer, k: usize, x: u16, y: u16, w: u16) {
        if w == 0 {
            return;
        }
        let (text, style) = self
            .lines
            .get(k)
            .cloned()
            .unwrap_or_else(|| (String::new(), self.body));
        let after = put(buf, x, y, 1, self.edge_char, self.edge);
        let pad = w.saturating_sub(1) as usize;
        let padded = format!("{:pad$}", super::fit(&super::clean(&text), pad));
        put(buf, after, y, w.saturating_sub(1), &padded, style);
    }
}
