//! CSV (RFC 4180) for spreadsheets: a header row, then one row per selected session.
//!
//! Lines end in CRLF, as RFC 4180 says; fields are quoted when they contain a comma, a quote
//! or a line break. A cell that a spreadsheet would read as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a CR) gets a leading `'`, so `=HYPERLINK(…)` in a title stays text.
//! Column names and meanings are documented in docs/exports.md; columns are only ever added
//! at the end. `--excel` adds a byte-order mark and, where the language writes decimals with
//! a comma, separates cells with `;`.

use crate::export::agenda::{Agenda, Entry};
use crate::export::Body;
use std::borrow::Cow;
use std::fmt::Write as _;

use chrono::{Datelike, Timelike};

use crate::time::to_local;

/// The header row.
pub(crate) const COLUMNS: [&str; 22] = [
    "id",
    "title",
    "kind",
    "status",
    "date",
    "start_time",
    "end_time",
    "start",
    "end",
    "start_utc",
    "end_utc",
    "duration_minutes",
    "room_id",
    "room",
    "track_id",
    "track",
    "speakers",
    "moderators",
    "tags",
    "url",
    "description",
    "uid",
];

/// The catalogue messages naming the columns in the spreadsheet CSV (`--excel`), in the
/// order of [`COLUMNS`]: `csv_` and the column's name.
pub(crate) const HEADER_IDS: [&str; 22] = [
    "csv_id",
    "csv_title",
    "csv_kind",
    "csv_status",
    "csv_date",
    "csv_start_time",
    "csv_end_time",
    "csv_start",
    "csv_end",
    "csv_start_utc",
    "csv_end_utc",
    "csv_duration_minutes",
    "csv_room_id",
    "csv_room",
    "csv_track_id",
    "csv_track",
    "csv_speakers",
    "csv_moderators",
    "csv_tags",
    "csv_url",
    "csv_description",
    "csv_uid",
];

/// The header row: the column names (a machine contract), or with `excel` the language's
/// words for them (`csv_title` = "Titel"), for people reading the sheet.
fn header(excel: bool, lang: &str) -> Vec<String> {
    if !excel {
        return COLUMNS.iter().map(|c| c.to_string()).collect();
    }
    let locale = crate::export::locale::Locale::for_tag(lang);
    HEADER_IDS
        .iter()
        .map(|id| neutralised(&locale.message(id, &[], &[])).into_owned())
        .collect()
}

/// Neutralise a cell a spreadsheet would evaluate (some read a formula after leading spaces).
/// The text, with a `'` before what a spreadsheet would read as a formula.
fn neutralised(text: &str) -> Cow<'_, str> {
    let trigger = ['=', '+', '-', '@', '\t', '\r'];
    if text.starts_with(trigger) || text.trim_start().starts_with(trigger) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One session's row, written field by field: nothing is copied that the writer can read
/// in place, and times are formatted into one reused buffer.
fn write_row<W: std::io::Write>(
    writer: &mut ::csv::Writer<W>,
    agenda: &Agenda,
    e: &Entry,
    buf: &mut String,
) -> ::csv::Result<()> {
    let tz = agenda.tz;
    let field = |writer: &mut ::csv::Writer<W>, text: &str| {
        writer.write_field(neutralised(text).as_bytes())
    };
    let joined = |buf: &mut String, items: &mut dyn Iterator<Item = &str>| {
        buf.clear();
        for (i, item) in items.enumerate() {
            if i > 0 {
                buf.push_str("; ");
            }
            buf.push_str(item);
        }
    };
    field(writer, e.id)?;
    field(writer, &e.title)?;
    field(writer, e.kind.as_str())?;
    field(writer, e.status.as_str())?;
    match e.slot {
        Some((start, end)) => {
            let (local_start, local_end) = (to_local(tz, start), to_local(tz, end));
            buf.clear();
            // Instants lie within years 1 to 9999 (time::FIRST_INSTANT..LAST_INSTANT).
            let _ = write!(
                buf,
                "{:04}-{:02}-{:02}",
                local_start.year(),
                local_start.month(),
                local_start.day()
            );
            field(writer, buf)?;
            for local in [&local_start, &local_end] {
                buf.clear();
                let _ = write!(buf, "{:02}:{:02}", local.hour(), local.minute());
                field(writer, buf)?;
            }
            for local in [&local_start, &local_end] {
                field(
                    writer,
                    &local.to_rfc3339_opts(chrono::SecondsFormat::Secs, false),
                )?;
            }
            for instant in [start, end] {
                let utc = to_local(chrono_tz::UTC, instant);
                field(
                    writer,
                    &utc.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                )?;
            }
            buf.clear();
            let _ = write!(buf, "{}", (end - start) / 60);
            field(writer, buf)?;
        }
        None => {
            for _ in 0..8 {
                field(writer, "")?;
            }
        }
    }
    match e.room {
        Some(r) => {
            field(writer, &agenda.rooms[r].id)?;
            field(writer, &agenda.rooms[r].name)?;
        }
        None => {
            field(writer, "")?;
            field(writer, "")?;
        }
    }
    match e.track {
        Some(t) => {
            field(writer, &agenda.tracks[t].id)?;
            field(writer, &agenda.tracks[t].name)?;
        }
        None => {
            field(writer, "")?;
            field(writer, "")?;
        }
    }
    for list in [&e.speakers, &e.moderators] {
        joined(
            buf,
            &mut list.iter().map(|&p| agenda.people[p].name.as_str()),
        );
        field(writer, buf)?;
    }
    joined(buf, &mut e.tags.iter().map(|t| &**t));
    field(writer, buf)?;
    field(writer, e.url.unwrap_or_default())?;
    field(writer, e.description.as_deref().unwrap_or_default())?;
    field(writer, &crate::export::ics::uid(&agenda.event.id, &e.key))?;
    writer.write_record(None::<&[u8]>)
}

pub(crate) fn render(agenda: &Agenda, excel: bool, lang: &str) -> Result<Body, String> {
    let delimiter = if excel && crate::language::uses_decimal_comma(lang) {
        b';'
    } else {
        b','
    };
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .delimiter(delimiter)
        .from_writer(if excel {
            "\u{feff}".as_bytes().to_vec()
        } else {
            Vec::new()
        });
    writer
        .write_record(header(excel, lang))
        .map_err(|e| e.to_string())?;
    let head = writer.into_inner().map_err(|e| e.to_string())?;
    let mut out = Body::from(String::from_utf8(head).map_err(|e| e.to_string())?);
    // The rows, in pieces on every core, in order.
    let mut failed = std::sync::Mutex::new(None);
    let rows = crate::parallel::write_in_pieces(&agenda.entries, PARALLEL_ROWS, |part, out| {
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::CRLF)
            .delimiter(delimiter)
            .from_writer(Vec::new());
        let mut buf = String::new();
        let written = part
            .iter()
            .try_for_each(|e| write_row(&mut writer, agenda, e, &mut buf))
            .map_err(|e| e.to_string())
            .and_then(|()| writer.into_inner().map_err(|e| e.to_string()))
            .and_then(|bytes| String::from_utf8(bytes).map_err(|e| e.to_string()));
        match written {
            Ok(text) => *out = text,
            Err(e) => {
                if let Ok(mut slot) = failed.lock() {
                    slot.get_or_insert(e);
                }
            }
        }
    });
    if let Some(e) = failed.get_mut().ok().and_then(Option::take) {
        return Err(e);
    }
    rows.into_iter().for_each(|piece| out.push(piece));
    Ok(out)
}

/// Fewer sessions than this are written on one core.
const PARALLEL_ROWS: usize = 4096;

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str) -> String {
        neutralised(text).into_owned()
    }

    #[test]
    fn header_ids_follow_the_columns() {
        for (id, column) in HEADER_IDS.iter().zip(COLUMNS) {
            assert_eq!(*id, format!("csv_{column}"));
        }
        assert_eq!(header(false, "de")[1], "title");
        assert_eq!(header(true, "de")[1], "Titel");
        assert_eq!(header(true, "ja")[11], "所要時間（分）");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("  =1+1"), "'  =1+1");
        assert_eq!(cell("Déjeuner"), "Déjeuner");
        assert_eq!(cell(""), "");
    }
}
