//! Styles, in colour or monochrome (`NO_COLOR`, `--color never`). The monochrome theme uses
//! only bold, reverse video and underline, so nothing depends on colour; conflicts always carry
//! a glyph as well ([`glyph`]).

use ratatui::style::{Color, Modifier, Style};

use crate::codes::Level;

/// The glyph shown before anything with a conflict of this level.
pub fn glyph(level: Level) -> &'static str {
    match level {
        Level::Error => "✗",
        Level::Warning => "▲",
        _ => "·",
    }
}

/// Marks a session overlapping another in the same room (drawn side by side).
pub const OVERLAP: &str = "‖";
/// Marks a starred session.
pub const PICK: &str = "*";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::default().fg(c)
        } else {
            Style::default()
        }
    }

    pub fn base(&self) -> Style {
        Style::default()
    }

    pub fn bold(&self) -> Style {
        Style::default().add_modifier(Modifier::BOLD)
    }

    pub fn header(&self) -> Style {
        if self.color {
            Style::default()
                .fg(Color::White)
                .bg(Color::Blue)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        }
    }

    pub fn active_tab(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn selected(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn cursor(&self) -> Style {
        Style::default().add_modifier(Modifier::REVERSED)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::default().fg(Color::DarkGray)
        } else {
            Style::default()
        }
    }

    pub fn level(&self, level: Level) -> Style {
        match level {
            Level::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Level::Warning => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            _ => self.fg(Color::Cyan),
        }
    }

    pub fn error_message(&self) -> Style {
        self.fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn now(&self) -> Style {
        self.fg(Color::LightRed).add_modifier(Modifier::BOLD)
    }

    pub fn status(&self) -> Style {
        if self.color {
            Style::default().bg(Color::DarkGray).fg(Color::White)
        } else {
            Style::default().add_modifier(Modifier::REVERSED)
        }
    }

    pub fn mode(&self) -> Style {
        if self.color {
            Style::default()
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD)
        } else {
            Style::default().add_modifier(Modifier::BOLD)
        }
    }

    /// The edge of a session block: the track's colour when there is one.
    pub fn track(&self, color: Option<&str>) -> Style {
        match (self.color, color.and_then(parse_hex)) {
            (true, Some((r, g, b))) => Style::default().fg(Color::Rgb(r, g, b)),
            (true, None) => Style::default().fg(Color::Gray),
            _ => Style::default(),
        }
    }

    /// A block's body; event-wide sessions (breaks) are quieter.
    pub fn block(&self, event_wide: bool) -> Style {
        match (self.color, event_wide) {
            (true, true) => Style::default().fg(Color::Gray).bg(Color::Black),
            (true, false) => Style::default().bg(Color::Rgb(30, 34, 42)).fg(Color::White),
            (false, _) => Style::default(),
        }
    }
}

fn parse_hex(c: &str) -> Option<(u8, u8, u8)> {
    let h = c.strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(h, 16).ok()?;
    Some(((v >> 16) as u8, (v >> 8) as u8, v as u8))
}
