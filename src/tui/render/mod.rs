//! Drawing: pure functions of `&App` into a ratatui frame. Nothing here changes state or reads
//! the clock; the layout comes from `tui::layout`, shared with the app for scrolling and clicks.

mod details;
pub(crate) mod grid;
mod lists;
mod overlay;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use ratatui::Frame;
use unicode_width::UnicodeWidthStr;

use super::action::{Mode, View};
use super::app::App;
use super::keymap::Keymap;
use super::layout::{self, MIN_HEIGHT, MIN_WIDTH};
use super::theme::{glyph, Theme};
use crate::codes::Level;
/// The one cleaning step for untrusted text, shared with `agora check`: control and bidi
/// characters (ESC, C1, OSC 52 clipboard writes, overrides) are shown escaped, never sent.
pub(super) use crate::report::text::printable as clean;

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let theme = Theme { color: app.color };
    if layout::too_small(area.width, area.height) {
        too_small(frame, area, app, theme);
        return;
    }
    let areas = app.areas();
    let buf = frame.buffer_mut();
    header(buf, areas.header, app, theme);
    match app.view {
        View::Grid => grid::draw(buf, areas.main, app, theme),
        view => lists::draw(buf, areas.main, app, view, theme),
    }
    if let Some(d) = areas.details {
        details::draw(buf, d, app, theme);
    }
    if let Some(b) = areas.backlog {
        details::backlog(buf, b, app, theme);
    }
    status(buf, areas.status, app, theme);
    hints(buf, areas.hints, app, theme);
    match app.mode {
        Mode::Help | Mode::HelpSearch => overlay::help(frame, area, app, theme),
        Mode::Messages => overlay::messages(frame, area, app, theme),
        Mode::Form => overlay::form(frame, area, app, theme),
        Mode::Picker => overlay::picker(frame, area, app, theme),
        Mode::Prompt => overlay::prompt(frame, area, app, theme),
        _ => {}
    }
    guard(frame.buffer_mut());
}

/// What a cell shows instead of a control or bidi character that reached it uncleaned.
pub(super) const GUARDED: &str = "\u{FFFD}";

/// The last line of defence: every text drawn goes through [`clean`] on its way, and a cell
/// that still holds a control or bidi character (a path that forgot it) shows [`GUARDED`]
/// instead, so the terminal never receives one.
fn guard(buf: &mut Buffer) {
    let unsafe_char = |c: char| c.is_control() || crate::text::is_bidi_control(c);
    for cell in &mut buf.content {
        if cell.symbol().chars().any(unsafe_char) {
            cell.set_symbol(GUARDED);
        }
    }
}

fn too_small(frame: &mut Frame, area: Rect, app: &App, theme: Theme) {
    let mut text = crate::tui::words::format(
        "too_small",
        &[
            ("width", &area.width.to_string()),
            ("height", &area.height.to_string()),
            ("min_width", &MIN_WIDTH.to_string()),
            ("min_height", &MIN_HEIGHT.to_string()),
        ],
    );
    // A question asked meanwhile (q with unsaved edits) is never invisible.
    if let (Mode::Prompt, Some(prompt)) = (app.mode, &app.prompt) {
        text = format!("{} {text}", clean(&prompt.question()));
    }
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.bold())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// Truncate `text` to `width` columns, with an ellipsis when cut.
pub(super) fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Write `text` at (x, y), at most `width` columns, cleaned of terminal controls.
pub(super) fn put(buf: &mut Buffer, x: u16, y: u16, width: u16, text: &str, style: Style) -> u16 {
    if width == 0 {
        return x;
    }
    let area = buf.area;
    if y >= area.y + area.height || x >= area.x + area.width {
        return x;
    }
    let width = width.min(area.x + area.width - x);
    buf.set_stringn(
        x,
        y,
        fit(&clean(text), width as usize),
        width as usize,
        style,
    )
    .0
}

fn header(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    buf.set_style(area, theme.header());
    let tabs = app.view_tabs();
    if tabs.first().is_some_and(|t| t.x > 0) {
        put(
            buf,
            area.x,
            area.y,
            area.width,
            layout::BRAND,
            theme.header(),
        );
    }
    // The event's name, on the right: shortened rather than left out.
    let end = tabs.last().map(|t| t.end).unwrap_or(0);
    let room = area.right().saturating_sub(end + 2) as usize;
    if room >= 8 {
        let name = fit(&clean(&app.doc.program.event.name), room.min(28));
        let w = name.width() as u16;
        put(buf, area.right() - w - 1, area.y, w, &name, theme.header());
    }
    for tab in tabs {
        if tab.x >= area.right() {
            break;
        }
        let style = if tab.target == app.view {
            theme.active_tab()
        } else {
            theme.header()
        };
        put(buf, tab.x, area.y, tab.end - tab.x, &tab.label, style);
    }
}

fn status(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    buf.set_style(area, theme.status());
    let mode = format!(" {} ", app.mode.name());
    let mut x = put(buf, area.x, area.y, area.width, &mode, theme.mode());
    let dirty = if app.history.is_dirty() { " [+]" } else { "" };
    // Read-only (a file without write permission, or another agora holds the event): lasting.
    let ro = if app.safety.read_only || !app.safety.read_only_files.is_empty() {
        " [RO]"
    } else {
        ""
    };
    let file = format!(" {}{ro}{dirty} ", app.name);
    x = put(
        buf,
        x,
        area.y,
        area.right().saturating_sub(x),
        &file,
        theme.status().add_modifier(ratatui::style::Modifier::BOLD),
    );
    let s = app.derived.summary;
    let counts = format!(
        " {} {}  {} {}  {} {} ",
        glyph(Level::Error),
        s.errors,
        glyph(Level::Warning),
        s.warnings,
        glyph(Level::Info),
        s.infos
    );
    let counts_w = counts.width() as u16;
    let right = area.right().saturating_sub(counts_w);
    if let Some(m) = &app.message {
        let style = if m.error {
            theme.status().patch(theme.error_message())
        } else {
            theme.status()
        };
        let mut text = if m.error {
            format!("✗ {}", m.text)
        } else {
            m.text.clone()
        };
        // Too long for the bar: say where to read it whole.
        let room = right.saturating_sub(x + 2) as usize;
        if clean(&text).width() > room {
            text = format!("{} g<", fit(&clean(&text), room.saturating_sub(3)));
        }
        put(
            buf,
            x + 1,
            area.y,
            right.saturating_sub(x + 2),
            &text,
            style,
        );
    }
    let mut cx = right;
    for (level, n, g) in [
        (Level::Error, s.errors, glyph(Level::Error)),
        (Level::Warning, s.warnings, glyph(Level::Warning)),
        (Level::Info, s.infos, glyph(Level::Info)),
    ] {
        let style = if n > 0 && level != Level::Info {
            theme.status().patch(theme.level(level))
        } else {
            theme.status()
        };
        cx = put(
            buf,
            cx,
            area.y,
            area.right().saturating_sub(cx),
            &format!(" {g} {n} "),
            style,
        );
    }
}

fn hints(buf: &mut Buffer, area: Rect, app: &App, theme: Theme) {
    match app.mode {
        Mode::Command | Mode::Search => {
            let prefix = if app.mode == Mode::Command { ":" } else { "/" };
            let (before, under, after) = crate::tui::typing::split(&app.line, app.line_back);
            let right = area.x + area.width;
            let x = put(
                buf,
                area.x,
                area.y,
                area.width,
                &format!("{prefix}{before}"),
                theme.bold(),
            );
            match under {
                None => {
                    put(buf, x, area.y, right.saturating_sub(x), "█", theme.bold());
                }
                Some(c) => {
                    let x = put(
                        buf,
                        x,
                        area.y,
                        right.saturating_sub(x),
                        &c.to_string(),
                        theme.selected(),
                    );
                    put(
                        buf,
                        x,
                        area.y,
                        right.saturating_sub(x),
                        &after,
                        theme.bold(),
                    );
                }
            }
            return;
        }
        _ => {}
    }
    // As many hints as fit whole, and always the way to the help and out.
    let all: Vec<(String, &str)> = Keymap::hints(app.mode);
    let pinned = |h: &str| matches!(h, "help" | "quit");
    let width = |(key, hint): &(String, &str)| {
        key.width() + 1 + crate::tui::words::keyed("hint", hint).width() + 3
    };
    let mut budget = (area.width as usize)
        .saturating_sub(all.iter().filter(|h| pinned(h.1)).map(width).sum::<usize>());
    let mut chosen: Vec<&(String, &str)> = Vec::new();
    for h in &all {
        if pinned(h.1) {
            chosen.push(h);
        } else if width(h) <= budget {
            budget -= width(h);
            chosen.push(h);
        } else {
            budget = 0;
        }
    }
    let mut spans: Vec<Span> = Vec::new();
    for (key, hint) in chosen {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim()));
        }
        spans.push(Span::styled(key.clone(), theme.bold()));
        spans.push(Span::raw(format!(
            " {}",
            crate::tui::words::keyed("hint", hint)
        )));
    }
    if !app.pending.is_empty() {
        spans.insert(
            0,
            Span::styled(
                format!(
                    "{}… ",
                    clean(&app.pending.iter().map(|k| k.label()).collect::<String>())
                ),
                theme.bold(),
            ),
        );
    }
    Paragraph::new(Line::from(spans)).render_clipped(buf, area);
}

/// Render a widget that may be wider than its area without spilling.
trait RenderClipped {
    fn render_clipped(self, buf: &mut Buffer, area: Rect);
}

impl RenderClipped for Paragraph<'_> {
    fn render_clipped(self, buf: &mut Buffer, area: Rect) {
        use ratatui::widgets::Widget;
        let area = area.intersection(buf.area);
        if area.width > 0 && area.height > 0 {
            self.render(area, buf);
        }
    }
}

#[cfg(test)]
mod tests;
