//! Busy times from the calendars speakers and rooms keep elsewhere: `busy = ["x.ics"]`.
//!
//! What Google Calendar, Outlook, Apple Calendar and Thunderbird export is read: opaque events,
//! their recurrences (RRULE, RDATE, EXDATE, moved instances) expanded over the event's days,
//! all-day events, and VFREEBUSY periods are busy time; transparent, free and cancelled events
//! are not. Each file is read once, after the event is merged (its zone and days are needed),
//! through the loader's bounded reading. Whatever cannot be read becomes a [`CalendarProblem`] with
//! its line (reported as `invalid-calendar`), never a failure of the whole load: the rest of
//! the calendar still counts.

mod content;
mod expand;
mod zone;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days};

use crate::load::{read_input, ReadError};
use crate::model::{BusyTime, Calendar, CalendarProblem, Program};
use crate::source::{SourceFile, Span};
use crate::time::day_start;

/// What one calendar file gave: busy times and problems.
#[derive(Clone, Default)]
struct Read_ {
    busy: Vec<BusyTime>,
    problems: Vec<CalendarProblem>,
    /// Why the file could not be read at all (said at each `busy` entry naming it).
    unreadable: Option<ReadError>,
}

/// The directory `busy` paths are relative to: the event's directory, or the directory of the
/// event file.
pub fn base_dir(event: &Path) -> PathBuf {
    if event.is_dir() {
        event.to_path_buf()
    } else {
        event.parent().map(Path::to_path_buf).unwrap_or_default()
    }
}

/// Read every calendar the rooms and speakers of `program` point at, relative to `base`.
pub fn attach(program: &mut Program, base: &Path) {
    if program.rooms.iter().all(|r| r.busy.is_empty())
        && program.speakers.iter().all(|s| s.busy.is_empty())
    {
        return;
    }
    let tz = program.event.timezone;
    // The event's days, and a day either side for sessions just outside them.
    let from = program
        .event
        .start
        .checked_sub_days(Days::new(1))
        .unwrap_or(program.event.start);
    let to = program
        .event
        .end
        .checked_add_days(Days::new(2))
        .unwrap_or(program.event.end);
    let window = (day_start(tz, from), day_start(tz, to));
    let mut cache: HashMap<PathBuf, Read_> = HashMap::new();
    let sources = &mut program.sources;
    let mut fill = |calendar: &mut Calendar| {
        let path = base.join(&calendar.path.value);
        let read = cache.entry(path.clone()).or_insert_with(|| {
            read_calendar(&path, &calendar.path.value, tz, window, to.year(), sources)
        });
        calendar.busy = read.busy.clone();
        calendar.problems = match &read.unreadable {
            Some(why) => vec![CalendarProblem {
                span: calendar.path.span,
                message: why.message.clone(),
                help: Some(why.help.clone().unwrap_or_else(|| {
                    "give the path of an .ics file, relative to the event (its directory, or the directory of the event file)"
                        .into()
                })),
            }],
            None => read.problems.clone(),
        };
    };
    for room in &mut program.rooms {
        room.busy.iter_mut().for_each(&mut fill);
    }
    for speaker in &mut program.speakers {
        speaker.busy.iter_mut().for_each(&mut fill);
    }
}

fn read_calendar(
    path: &Path,
    written: &str,
    tz: chrono_tz::Tz,
    window: (i64, i64),
    last_year: i32,
    sources: &mut crate::source::Sources,
) -> Read_ {
    let bytes = match read_input(path, "the calendar") {
        Ok(bytes) => bytes,
        Err(why) => {
            return Read_ {
                unreadable: Some(why),
                ..Read_::default()
            }
        }
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    let parsed = content::parse(bytes);
    // The text kept to quote lines: bad UTF-8 shown as U+FFFD, lines unchanged.
    let text = String::from_utf8_lossy(bytes).into_owned();
    let file = sources.add_referenced(SourceFile::new(path.to_path_buf(), text));
    let source = sources.get(file);
    let at_line = |line: usize| {
        let lines = source.text.split_inclusive('\n').count().max(1);
        let range = source.line_range(line.clamp(1, lines));
        Span::new(file, range)
    };
    let mut problems: Vec<(usize, String)> = parsed.problems;
    let mut found = Vec::new();
    if parsed.calendars.is_empty() && problems.is_empty() {
        problems.push((1, "no calendar in this file (no BEGIN:VCALENDAR)".into()));
    }
    for cal in &parsed.calendars {
        let zones = zone::Zones::of(cal, last_year, &mut problems);
        let frame = expand::Frame {
            zones: &zones,
            tz,
            window,
        };
        found.extend(expand::busy_times(cal, &frame, &mut problems));
    }
    let mut busy: Vec<BusyTime> = found
        .into_iter()
        .map(|f| BusyTime {
            from: f.from,
            to: f.to,
            summary: f.summary,
            span: at_line(f.line),
        })
        .collect();
    busy.sort_by_key(|a| (a.from, a.to));
    problems.sort();
    problems.dedup();
    Read_ {
        busy,
        problems: problems
            .into_iter()
            .map(|(line, message)| CalendarProblem {
                span: at_line(line),
                message: format!("in the calendar `{written}`: {message}"),
                help: None,
            })
            .collect(),
        unreadable: None,
    }
}
