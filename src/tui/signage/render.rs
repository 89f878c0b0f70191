//! Drawing the signage: one room (large clock, now with a progress bar, next) or the
//! departures board of every room. Pure functions of the state; every string drawn comes from
//! the board, whose text the agenda cleaned of control and bidi characters.

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Gauge, Paragraph, Wrap};
use ratatui::Frame;
use tui_big_text::{BigText, PixelSize};

use super::{Show, Signage};
use crate::export::locale::{capitalise, Locale, SignageWords};
use crate::model::Kind;
use crate::signage::words::{fill, free_until, gone, hm, mark_text, phase_lines};
use crate::signage::{progress, span_words, Board, Mark, Phase, RoomNow};
use crate::time::{to_local, Instant};
use crate::tui::theme::Theme;

/// Next sessions listed for one room.
const NEXT: usize = 5;

fn hms(board: &Board, t: Instant) -> String {
    to_local(board.event.tz, t).format("%H:%M:%S").to_string()
}

struct Styles {
    theme: Theme,
}

impl Styles {
    fn fg(&self, c: Color) -> Style {
        if self.theme.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }
    fn title(&self) -> Style {
        self.fg(Color::White).add_modifier(Modifier::BOLD)
    }
    fn label(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }
    fn change(&self) -> Style {
        self.fg(Color::Yellow)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
    fn cancelled(&self) -> Style {
        self.fg(Color::LightRed)
            .add_modifier(Modifier::BOLD | Modifier::REVERSED)
    }
}

/// "Title" in the item's style: struck out when it does not take place here.
fn title_span(board: &Board, room: usize, i: usize, base: Style) -> Span<'static> {
    let item = &board.items[i];
    let style = if gone(board.mark(room, i)) {
        base.add_modifier(Modifier::CROSSED_OUT)
    } else {
        base
    };
    Span::styled(item.title.clone(), style)
}

fn mark_span(
    board: &Board,
    locale: &Locale,
    st: &Styles,
    room: usize,
    i: usize,
) -> Option<Span<'static>> {
    let mark = board.mark(room, i);
    let text = mark_text(board, locale, mark)?;
    let style = match mark {
        Mark::Cancelled => st.cancelled(),
        Mark::MovedFrom(_) | Mark::Tentative => st.fg(Color::Yellow),
        _ => st.change(),
    };
    Some(Span::styled(format!(" {text} "), style))
}

/// The sentence for a room with nothing on and nothing next, with its next session on
/// another line.
fn phase_text(board: &Board, locale: &Locale, state: &RoomNow, t: Instant) -> Option<String> {
    match phase_lines(board, locale, state, t) {
        (Some(m), Some(d)) => Some(format!("{m}\n{d}")),
        (m, d) => m.or(d),
    }
}

fn people(board: &Board, i: usize) -> String {
    board.items[i].people.join(", ")
}

/// Draw the whole screen; returns how many pages the departures board needs.
pub fn render(frame: &mut Frame, s: &Signage) -> usize {
    let area = frame.area();
    let board = &s.board;
    let locale = Locale::for_tag(&board.event.language);
    let st = Styles { theme: s.theme };
    let [body, footer] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let pages = match (&s.show, s.room()) {
        (Show::All, _) => render_board(frame, body, s, &locale, &st),
        (Show::Rooms(_), Some(room)) => {
            render_room(frame, body, s, room, &locale, &st);
            1
        }
        (Show::Rooms(_), None) => {
            frame.render_widget(Paragraph::new("This event has no rooms."), body);
            1
        }
    };
    // Footer: where we are, the keys, and a warning when the file does not read.
    let position = match s.show {
        Show::All => format!(
            " page {}/{} ",
            s.current.min(pages.saturating_sub(1)) + 1,
            pages
        ),
        Show::Rooms(_) => format!(" room {}/{} ", s.current + 1, s.rooms.len().max(1)),
    };
    let mut spans = vec![
        Span::styled(position, s.theme.status()),
        Span::styled(" ←/→ room/page · q quit ", s.theme.dim()),
    ];
    if let Some(w) = &s.warning {
        spans.push(Span::styled(
            format!(" ▲ {w} "),
            s.theme.level(crate::codes::Level::Warning),
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), footer);
    pages
}

fn clock_widget(board: &Board, t: Instant, size: PixelSize, style: Style) -> BigText<'static> {
    BigText::builder()
        .pixel_size(size)
        .style(style)
        .alignment(Alignment::Left)
        .lines(vec![Line::from(hm(board, t))])
        .build()
}

fn render_room(
    frame: &mut Frame,
    area: Rect,
    s: &Signage,
    room: usize,
    locale: &Locale,
    st: &Styles,
) {
    let board = &s.board;
    let words: &SignageWords = locale.signage();
    let t = s.now;
    let r = &board.rooms[room];
    let state = board.at(room, t, NEXT);

    // The large clock: 8 rows when there is room, 4 on smaller screens, else a line.
    let (clock_rows, size) = match (area.width, area.height) {
        (w, h) if w >= 44 && h >= 30 => (8, Some(PixelSize::Full)),
        (w, h) if w >= 44 && h >= 18 => (4, Some(PixelSize::HalfHeight)),
        _ => (1, None),
    };
    let [header, clock, _, now_area, next_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(clock_rows),
        Constraint::Length(1),
        Constraint::Length(6),
        Constraint::Min(0),
    ])
    .areas(area);

    let mut head = vec![Span::styled(format!(" {} ", r.name), s.theme.header())];
    if let Some(loc) = &r.location {
        head.push(Span::styled(format!(" {loc}"), s.theme.dim()));
    }
    frame.render_widget(Paragraph::new(Line::from(head)), header);
    frame.render_widget(
        Paragraph::new(Span::styled(
            format!("{} ", board.event.name),
            s.theme.dim(),
        ))
        .alignment(Alignment::Right),
        header,
    );

    let date = capitalise(&locale.day_month(to_local(board.event.tz, t).date_naive()));
    match size {
        Some(size) => {
            let [big, side] =
                Layout::horizontal([Constraint::Length(41), Constraint::Min(0)]).areas(clock);
            frame.render_widget(clock_widget(board, t, size, st.title()), big);
            frame.render_widget(
                Paragraph::new(vec![
                    Line::from(Span::styled(date, st.title())),
                    Line::from(Span::styled(hms(board, t), s.theme.dim())),
                ]),
                side,
            );
        }
        None => frame.render_widget(
            Paragraph::new(Line::from(vec![
                Span::styled(hm(board, t), st.title()),
                Span::raw("  "),
                Span::styled(date, s.theme.dim()),
            ])),
            clock,
        ),
    }

    // Now.
    let on = state.now.or(state.wide);
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", words.now), st.label()));
    let inner = block.inner(now_area);
    frame.render_widget(block, now_area);
    match on {
        Some(i) => {
            let item = &board.items[i];
            let [title_row, people_row, bar_row] = Layout::vertical([
                Constraint::Length(2),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(inner);
            let mut line = vec![title_span(board, room, i, st.title())];
            if let Some(m) = mark_span(board, locale, st, room, i) {
                line.insert(0, m);
                line.insert(1, Span::raw(" "));
            }
            if item.event_wide() {
                line.push(Span::styled(
                    format!("  · {}", locale.labels().everyone),
                    s.theme.dim(),
                ));
            }
            frame.render_widget(
                Paragraph::new(Line::from(line)).wrap(Wrap { trim: true }),
                title_row,
            );
            let who = if item.kind == Kind::Break || item.kind == Kind::Social {
                locale.kind(item.kind).to_string()
            } else {
                people(board, i)
            };
            frame.render_widget(
                Paragraph::new(Span::styled(who, s.theme.base())),
                people_row,
            );
            if gone(board.mark(room, i)) {
                // Not taking place here: its times, and no countdown.
                let when = format!("{}–{}", hm(board, item.start), hm(board, item.end));
                frame.render_widget(Paragraph::new(Span::styled(when, s.theme.dim())), bar_row);
                return render_next(frame, next_area, s, room, &state, locale, st);
            }
            let label = format!(
                "{}–{}  {}",
                hm(board, item.start),
                hm(board, item.end),
                fill(words.left, &span_words(locale, item.end - t))
            );
            let gauge = Gauge::default()
                .ratio(progress(item.start, item.end, t))
                .label(label)
                .use_unicode(true)
                .gauge_style(st.fg(Color::Green).add_modifier(Modifier::BOLD));
            frame.render_widget(gauge, bar_row);
        }
        None => {
            let text = match state.phase {
                Phase::Free => free_until(board, locale, room, &state).unwrap_or_default(),
                _ => phase_text(board, locale, &state, t).unwrap_or_default(),
            };
            let lines: Vec<Line> = text
                .lines()
                .enumerate()
                .map(|(n, l)| {
                    Line::from(Span::styled(
                        l.to_string(),
                        if n == 0 { st.title() } else { s.theme.base() },
                    ))
                })
                .collect();
            frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
        }
    }

    render_next(frame, next_area, s, room, &state, locale, st);
}

/// The "next" list of one room.
fn render_next(
    frame: &mut Frame,
    next_area: Rect,
    s: &Signage,
    room: usize,
    state: &RoomNow,
    locale: &Locale,
    st: &Styles,
) {
    let board = &s.board;
    let words = locale.signage();
    let t = s.now;
    let on = state.now.or(state.wide);
    let block = Block::default()
        .borders(Borders::TOP)
        .title(Span::styled(format!(" {} ", words.next), st.label()));
    let inner = block.inner(next_area);
    frame.render_widget(block, next_area);
    let mut lines: Vec<Line> = Vec::new();
    for &i in &state.next {
        let item = &board.items[i];
        let mut line = vec![
            Span::styled(format!("{}  ", hm(board, item.start)), st.title()),
            Span::styled(
                format!(
                    "{:<12}",
                    fill(words.in_, &span_words(locale, item.start - t))
                ),
                s.theme.dim(),
            ),
        ];
        if let Some(m) = mark_span(board, locale, st, room, i) {
            line.push(m);
            line.push(Span::raw(" "));
        }
        line.push(title_span(board, room, i, s.theme.bold()));
        if item.event_wide() {
            line.push(Span::styled(
                format!("  · {}", locale.labels().everyone),
                s.theme.dim(),
            ));
        } else if !item.people.is_empty() {
            line.push(Span::styled(
                format!(" — {}", people(board, i)),
                s.theme.base(),
            ));
        }
        lines.push(Line::from(line));
    }
    if on.is_some() && state.next.is_empty() {
        if let Some(text) = phase_after(board, locale, room, t) {
            lines.push(Line::from(Span::styled(text, s.theme.dim())));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// Under a session on now with nothing after it today: say so.
fn phase_after(board: &Board, locale: &Locale, room: usize, t: Instant) -> Option<String> {
    let end = board.at(room, t, 1).now.map(|i| board.items[i].end)?;
    let after = board.at(room, end, 1);
    phase_text(board, locale, &after, end).map(|s| s.replace('\n', " · "))
}

/// `text` cut to `width` columns (with an ellipsis) and padded to it.
fn cell(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if width == 0 {
        return String::new();
    }
    let full = text.width();
    let limit = if full > width { width - 1 } else { width };
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw > limit {
            break;
        }
        out.push(c);
        used += cw;
    }
    if full > width {
        out.push('…');
        used += 1;
    }
    out.push_str(&" ".repeat(width.saturating_sub(used)));
    out
}

/// The departures board: a line per room (now, until, next, at), paged to fit.
fn render_board(frame: &mut Frame, area: Rect, s: &Signage, locale: &Locale, st: &Styles) -> usize {
    let board = &s.board;
    let words = locale.signage();
    let t = s.now;
    let big = area.width >= 60 && area.height >= 16;
    let [header, clock, _, table] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(if big { 4 } else { 0 }),
        Constraint::Length(if big { 1 } else { 0 }),
        Constraint::Min(1),
    ])
    .areas(area);
    let date = capitalise(&locale.day_month(to_local(board.event.tz, t).date_naive()));
    let head = if big {
        format!(" {} ", board.event.name)
    } else {
        format!(" {} · {} · {} ", board.event.name, date, hm(board, t))
    };
    frame.render_widget(Paragraph::new(Span::styled(head, s.theme.header())), header);
    if big {
        let [c, side] =
            Layout::horizontal([Constraint::Length(41), Constraint::Min(0)]).areas(clock);
        frame.render_widget(clock_widget(board, t, PixelSize::HalfHeight, st.title()), c);
        frame.render_widget(
            Paragraph::new(vec![
                Line::from(Span::styled(date, st.title())),
                Line::from(Span::styled(hms(board, t), s.theme.dim())),
            ]),
            side,
        );
    }

    // Columns: room, now, until, next, at.
    let w = table.width as usize;
    let room_w = board
        .rooms
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r.name.as_str()))
        .max()
        .unwrap_or(4)
        .clamp(4, 22);
    let rest = w.saturating_sub(room_w + 2 + 7 + 7 + 4);
    let now_w = rest / 2;
    let rows_per_page = (table.height as usize).saturating_sub(1).max(1);
    let pages = s.rooms.len().div_ceil(rows_per_page).max(1);
    let page = s.current.min(pages - 1);

    let mut lines = vec![Line::from(vec![Span::styled(
        format!(
            "{} {} {} {} {}",
            cell(words.rooms, room_w),
            cell(words.now, now_w),
            cell(words.until, 7),
            cell(words.next, rest - now_w),
            ""
        ),
        st.label(),
    )])];
    for &room in s
        .rooms
        .iter()
        .skip(page * rows_per_page)
        .take(rows_per_page)
    {
        let state = board.at(room, t, NEXT);
        let name = Span::styled(cell(&board.rooms[room].name, room_w) + " ", s.theme.bold());
        let mut line = vec![name];
        match state.now.or(state.wide) {
            Some(i) => {
                let text = match board.mark(room, i) {
                    m @ (Mark::Cancelled | Mark::MovedTo(_)) => format!(
                        "{}: {}",
                        mark_text(board, locale, m).unwrap_or_default(),
                        board.items[i].title
                    ),
                    _ => board.items[i].title.clone(),
                };
                let style = match board.mark(room, i) {
                    Mark::Cancelled => st.cancelled(),
                    Mark::MovedTo(_) => st.change(),
                    _ => st.title(),
                };
                line.push(Span::styled(cell(&text, now_w) + " ", style));
                line.push(Span::styled(
                    cell(&hm(board, board.items[i].end), 7) + " ",
                    s.theme.dim(),
                ));
            }
            None => {
                let text = phase_text(board, locale, &state, t)
                    .map(|p| p.lines().next().unwrap_or_default().to_string())
                    .unwrap_or_else(|| "—".to_string());
                line.push(Span::styled(cell(&text, now_w + 8) + " ", s.theme.dim()));
            }
        }
        // The room's own next session rather than a break every row would repeat.
        let own_next = state
            .next
            .iter()
            .find(|&&i| !board.items[i].event_wide())
            .or(state.next.first());
        match own_next {
            Some(&i) => {
                let item = &board.items[i];
                let mark = mark_text(board, locale, board.mark(room, i));
                let text = match mark {
                    Some(m) => format!("{} {m}: {}", hm(board, item.start), item.title),
                    None => format!("{} {}", hm(board, item.start), item.title),
                };
                let style = match board.mark(room, i) {
                    Mark::Cancelled => st.cancelled(),
                    Mark::MovedTo(_) => st.change(),
                    _ => s.theme.base(),
                };
                line.push(Span::styled(cell(&text, rest - now_w), style));
            }
            None => line.push(Span::raw("")),
        }
        lines.push(Line::from(line));
    }
    frame.render_widget(Paragraph::new(lines), table);
    pages
}
