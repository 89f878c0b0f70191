//! Geometry of the grid view, shared by rendering, the cursor and mouse hit-testing: the time
//! range of a day, rows at the zoom step, and where each session's block goes (overlapping
//! sessions in one room side by side, in lanes).

use chrono::{NaiveDate, NaiveDateTime};

use super::derive::Derived;
use crate::model::Program;
use crate::time::{day_start, to_local, Instant};

/// Zoom steps, in minutes.
pub const STEPS: [i64; 4] = [5, 15, 30, 60];

/// Hours always shown, so an empty day still has a grid to place sessions in.
const DEFAULT_FIRST_HOUR: i64 = 8;
const DEFAULT_LAST_HOUR: i64 = 18;

/// Where the grid cursor is, and what part of the grid is scrolled into view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GridState {
    /// Index in `Derived::days`.
    pub day: usize,
    /// Minutes per row.
    pub step: i64,
    /// Cursor row.
    pub row: usize,
    /// Cursor room (index in `program.rooms`; always a room the grid shows, see `:rooms`).
    pub room: usize,
    /// First row shown.
    pub top: usize,
    /// First column shown (an index in `App::grid_columns`).
    pub left: usize,
    /// The narrowest column a room is drawn in (`:width`).
    pub column: u16,
}

impl Default for GridState {
    fn default() -> GridState {
        GridState {
            day: 0,
            step: 15,
            row: 0,
            room: 0,
            top: 0,
            left: 0,
            column: crate::tui::layout::MIN_COLUMN,
        }
    }
}

/// The rows of one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayFrame {
    pub date: NaiveDate,
    /// Instant of row 0.
    pub origin: Instant,
    pub rows: usize,
    pub step: i64,
}

impl DayFrame {
    pub fn row_time(&self, row: usize) -> Instant {
        self.origin + row as i64 * self.step * 60
    }

    /// The row an instant falls in (clamped to the frame).
    pub fn row_of(&self, t: Instant) -> usize {
        let r = (t - self.origin).div_euclid(self.step * 60);
        r.clamp(0, self.rows.saturating_sub(1) as i64) as usize
    }

    /// Local wall-clock time of a row, for placing a session there.
    pub fn local_time(&self, program: &Program, row: usize) -> NaiveDateTime {
        to_local(program.event.timezone, self.row_time(row)).naive_local()
    }
}

/// The frame of day `day` at `step` minutes: from 08:00 (or the first session) to 18:00
/// (or the last session's end), on step boundaries.
pub fn day_frame(program: &Program, derived: &Derived, day: usize, step: i64) -> Option<DayFrame> {
    let date = *derived.days.get(day)?;
    let tz = program.event.timezone;
    let midnight = day_start(tz, date);
    let step_s = step * 60;
    let mut first = midnight + DEFAULT_FIRST_HOUR * 3600;
    let mut last = midnight + DEFAULT_LAST_HOUR * 3600;
    for &i in &derived.day_sessions[day] {
        if let Some((s, e)) = derived.facts[i].slot() {
            first = first.min(s);
            last = last.max(e);
        }
    }
    let origin = midnight + (first - midnight).div_euclid(step_s) * step_s;
    let rows = ((last - origin + step_s - 1) / step_s).max(1) as usize;
    Some(DayFrame {
        date,
        origin,
        rows,
        step,
    })
}

/// Where a session is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub session: usize,
    /// `None` for an event-wide session (a break for everyone), drawn across all rooms.
    pub room: Option<usize>,
    pub row0: usize,
    /// First row after the block.
    pub row1: usize,
    /// Side-by-side position among sessions sharing rows in its room (overlapping in time, or
    /// only on screen at a coarse step).
    pub lane: usize,
    pub lanes: usize,
    /// It overlaps another session of its room in time (a conflict, marked `‖`).
    pub overlap: bool,
}

impl Block {
    pub fn overlapped(&self) -> bool {
        self.overlap
    }
}

/// First row of an interval and the row after it, at the frame's step.
fn rows_of(frame: &DayFrame, s: Instant, e: Instant) -> (usize, usize) {
    let step_s = frame.step * 60;
    let row0 = ((s - frame.origin).div_euclid(step_s)).max(0) as usize;
    let row1 = ((e - frame.origin + step_s - 1).div_euclid(step_s)).max(row0 as i64 + 1) as usize;
    (row0, row1)
}

/// The blocks of a day, event-wide ones first.
pub fn blocks(derived: &Derived, frame: &DayFrame, day: usize) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // (room, first row, row after, start, end, session)
    let mut by_room: Vec<(usize, usize, usize, Instant, Instant, usize)> = Vec::new();
    for &i in derived
        .day_sessions
        .get(day)
        .map(Vec::as_slice)
        .unwrap_or(&[])
    {
        let facts = &derived.facts[i];
        let Some((s, e)) = facts.slot() else { continue };
        let (row0, row1) = rows_of(frame, s, e);
        match facts.room {
            Some(room) => by_room.push((room, row0, row1, s, e, i)),
            None => out.push(Block {
                session: i,
                room: None,
                row0,
                row1,
                lane: 0,
                lanes: 1,
                overlap: false,
            }),
        }
    }
    by_room.sort_unstable_by_key(|&(room, row0, _, s, e, i)| (room, row0, s, e, i));
    // Per room, clusters of sessions sharing rows split the width in lanes, so none hides
    // another even when a coarse step puts two consecutive sessions on one row.
    let mut start = 0;
    while start < by_room.len() {
        let room = by_room[start].0;
        let mut cluster_end_row = by_room[start].2;
        let mut end = start + 1;
        while end < by_room.len() && by_room[end].0 == room && by_room[end].1 < cluster_end_row {
            cluster_end_row = cluster_end_row.max(by_room[end].2);
            end += 1;
        }
        let cluster = &by_room[start..end];
        // Overlap in time (the conflict), apart from sharing rows on screen.
        let mut by_time: Vec<(Instant, Instant, usize)> =
            cluster.iter().map(|c| (c.3, c.4, c.5)).collect();
        by_time.sort_unstable();
        let mut overlapping: Vec<usize> = Vec::new();
        let mut holder: Option<(Instant, usize)> = None;
        for &(s, e, i) in &by_time {
            if let Some((he, h)) = holder {
                if s < he {
                    overlapping.push(i);
                    overlapping.push(h);
                }
            }
            if holder.is_none_or(|(he, _)| e > he) {
                holder = Some((e, i));
            }
        }
        let mut lane_ends: Vec<usize> = Vec::new();
        let mut placed = Vec::with_capacity(cluster.len());
        for &(_, row0, row1, _, _, i) in cluster {
            let lane = match lane_ends.iter().position(|&le| le <= row0) {
                Some(l) => {
                    lane_ends[l] = row1;
                    l
                }
                None => {
                    lane_ends.push(row1);
                    lane_ends.len() - 1
                }
            };
            placed.push((row0, row1, i, lane));
        }
        let lanes = lane_ends.len();
        for (row0, row1, i, lane) in placed {
            out.push(Block {
                session: i,
                room: Some(room),
                row0,
                row1,
                lane,
                lanes,
                overlap: overlapping.contains(&i),
            });
        }
        start = end;
    }
    out
}

/// The session at a cell of the grid: a room's session covering the row (the `prefer`red one
/// when several do), else an event-wide session covering it.
pub fn session_at(
    blocks: &[Block],
    row: usize,
    room: usize,
    prefer: Option<usize>,
) -> Option<usize> {
    let covering = |b: &&Block| b.row0 <= row && row < b.row1;
    // The preferred session (the one just moved, or selected) stays selected wherever it
    // covers the cell, even where a coarse step puts a room's session on the same row.
    if let Some(p) = prefer {
        if blocks
            .iter()
            .filter(covering)
            .any(|b| b.session == p && (b.room == Some(room) || b.room.is_none()))
        {
            return Some(p);
        }
    }
    let in_room = blocks
        .iter()
        .filter(|b| b.room == Some(room))
        .find(covering);
    if let Some(b) = in_room {
        return Some(b.session);
    }
    blocks
        .iter()
        .filter(|b| b.room.is_none())
        .find(covering)
        .map(|b| b.session)
}

/// Scroll offset keeping `cursor` inside a window of `height` rows, moving as little as
/// possible from `top`.
pub fn scroll(top: usize, cursor: usize, height: usize, total: usize) -> usize {
    let height = height.max(1);
    let mut top = top.min(total.saturating_sub(height));
    if cursor < top {
        top = cursor;
    } else if cursor >= top + height {
        top = cursor + 1 - height;
    }
    top
}
