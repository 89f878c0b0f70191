//! Where things go on the screen, as a pure function of the terminal size and the app state.
//! Rendering draws into these areas; the app uses them to scroll and to map mouse clicks.
//!
//! ```text
//! ┌ header: event · view tabs ─────────────────────────────────────────────┐
//! │ main view                                   │ details (≥ 100 columns)  │
//! │                                             ├──────────────────────────┤
//! │                                             │ backlog (grid view)      │
//! ├ status: mode · file · message · conflicts ──┴──────────────────────────┤
//! └ hints: keys of the current mode ───────────────────────────────────────┘
//! ```
//! Below 100 columns the details and backlog share a strip under the main view.

use chrono::NaiveDate;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::action::View;

/// Below this the editor shows a "too small" message instead of a garbled screen.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// Width of the time column of the grid.
pub const GUTTER: u16 = 6;
/// Narrowest room column.
pub const MIN_COLUMN: u16 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    pub main: Rect,
    pub details: Option<Rect>,
    pub backlog: Option<Rect>,
    pub status: Rect,
    pub hints: Rect,
}

pub fn too_small(width: u16, height: u16) -> bool {
    width < MIN_WIDTH || height < MIN_HEIGHT
}

/// The areas for a `width`×`height` terminal.
pub fn areas(width: u16, height: u16, details: bool, backlog: bool) -> Areas {
    let header = Rect::new(0, 0, width, 1);
    let status = Rect::new(0, height.saturating_sub(2), width, 1);
    let hints = Rect::new(0, height.saturating_sub(1), width, 1);
    let body = Rect::new(0, 1, width, height.saturating_sub(3));
    if !details && !backlog {
        return Areas {
            header,
            main: body,
            details: None,
            backlog: None,
            status,
            hints,
        };
    }
    if width >= 100 {
        let side = (width / 3).clamp(34, 48);
        let main = Rect::new(0, body.y, width - side, body.height);
        let column = Rect::new(width - side, body.y, side, body.height);
        let (d, b) = split_vertical(column, details, backlog);
        Areas {
            header,
            main,
            details: d,
            backlog: b,
            status,
            hints,
        }
    } else {
        let strip = 8.min(body.height / 3);
        let main = Rect::new(0, body.y, width, body.height - strip);
        let bottom = Rect::new(0, body.y + main.height, width, strip);
        let (d, b) = match (details, backlog) {
            (true, true) => {
                let left = width * 3 / 5;
                (
                    Some(Rect::new(0, bottom.y, left, strip)),
                    Some(Rect::new(left, bottom.y, width - left, strip)),
                )
            }
            (true, false) => (Some(bottom), None),
            _ => (None, Some(bottom)),
        };
        Areas {
            header,
            main,
            details: d,
            backlog: b,
            status,
            hints,
        }
    }
}

fn split_vertical(column: Rect, top: bool, bottom: bool) -> (Option<Rect>, Option<Rect>) {
    match (top, bottom) {
        (true, true) => {
            let h = column.height * 3 / 5;
            (
                Some(Rect::new(column.x, column.y, column.width, h)),
                Some(Rect::new(
                    column.x,
                    column.y + h,
                    column.width,
                    column.height - h,
                )),
            )
        }
        (true, false) => (Some(column), None),
        _ => (None, Some(column)),
    }
}

/// How the grid fits in its area: a line of day tabs, a line of room names, then rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridGeometry {
    /// Screen row of grid row `top`.
    pub rows_y: u16,
    pub rows_height: u16,
    /// Screen column of the first room column.
    pub rooms_x: u16,
    pub column_width: u16,
    pub visible_rooms: usize,
}

/// `column`: the narrowest a room's column may be (at least [`MIN_COLUMN`]; `:width` widens
/// the columns, fewer rooms then fit side by side).
pub fn grid_geometry(main: Rect, rooms: usize, column: u16) -> GridGeometry {
    let avail = main.width.saturating_sub(GUTTER);
    let fit = (avail / column.max(MIN_COLUMN)).max(1) as usize;
    let visible = rooms.clamp(1, fit);
    GridGeometry {
        rows_y: main.y + 2,
        rows_height: main.height.saturating_sub(2),
        rooms_x: main.x + GUTTER,
        column_width: (avail / visible as u16).max(1),
        visible_rooms: visible,
    }
}

/// List views: a title line, then rows.
pub fn list_rows_height(main: Rect) -> usize {
    main.height.saturating_sub(1) as usize
}

/// A tab on screen (a view in the header, a day in the grid): what it shows, its label, and
/// the columns it covers (`x..end`). Drawing and mouse clicks both use these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tab<T> {
    pub target: T,
    pub label: String,
    pub x: u16,
    pub end: u16,
}

/// The tab covering a column.
pub fn tab_at<T: Copy>(tabs: &[Tab<T>], column: u16) -> Option<T> {
    tabs.iter()
        .find(|t| column >= t.x && column < t.end)
        .map(|t| t.target)
}

/// Where the header's brand ends and the view tabs begin.
pub const BRAND: &str = " agora ";

/// Below this width the header leaves out the brand and the gaps between tabs, so the event's
/// name still fits at 80 columns.
pub const COMPACT_HEADER: u16 = 100;

/// The view tabs of the header; `conflicts` (errors and warnings) shows on the last one.
pub fn view_tabs(conflicts: usize, width: u16) -> Vec<Tab<View>> {
    let compact = width < COMPACT_HEADER;
    let gap = if compact { 0 } else { 1 };
    let mut x = if compact { 0 } else { BRAND.width() as u16 + 1 };
    let mut out = Vec::new();
    for (k, v) in View::ALL.iter().enumerate() {
        let label = match v {
            View::Conflicts if conflicts > 0 => {
                format!(" {} {} ({conflicts}) ", k + 1, v.title())
            }
            _ => format!(" {} {} ", k + 1, v.title()),
        };
        let w = label.width() as u16;
        out.push(Tab {
            target: *v,
            label,
            x,
            end: x + w,
        });
        x += w + gap;
    }
    out
}

/// The day tabs on the first line of the grid (`main` is the grid's area).
pub fn day_tabs(main: Rect, days: &[NaiveDate]) -> Vec<Tab<usize>> {
    let mut x = main.x + 1;
    let mut out = Vec::new();
    for (d, date) in days.iter().enumerate() {
        let label = format!(" {} ", crate::tui::words::date(*date));
        let w = label.width() as u16;
        out.push(Tab {
            target: d,
            label,
            x,
            end: x + w,
        });
        x += w + 1;
    }
    out
}
