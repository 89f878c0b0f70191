//! CSV (RFC 4180) for spreadsheets: a header row, then one row per selected session.
//!
//! Lines end in CRLF, as RFC 4180 says; fields are quoted when they contain a comma, a quote
//! or a line break. A cell that a spreadsheet would read as a formula (starting with `=`, `+`,
//! `-`, `@`, a tab or a CR) gets a leading `'`, so `=HYPERLINK(…)` in a title stays text.
//! Column names and meanings are documented in docs/exports.md; columns are only ever added
//! at the end. `--excel` adds a byte-order mark and, where the language writes decimals with
//! a comma, separates cells with `;`.

use crate::export::agenda::{Agenda, Entry};
use crate::time::{rfc3339, to_local};

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
        .map(|id| cell(&locale.message(id, &[], &[])))
        .collect()
}

/// Neutralise a cell a spreadsheet would evaluate (some read a formula after leading spaces).
pub(crate) fn cell(text: &str) -> String {
    let trigger = ['=', '+', '-', '@', '\t', '\r'];
    if text.starts_with(trigger) || text.trim_start().starts_with(trigger) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn row(agenda: &Agenda, e: &Entry) -> Vec<String> {
    let tz = agenda.tz;
    let people = |list: &[usize]| {
        list.iter()
            .map(|&p| agenda.people[p].name.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let opt = |o: Option<String>| o.unwrap_or_default();
    let (room_id, room) = match e.room {
        Some(r) => (agenda.rooms[r].id.clone(), agenda.rooms[r].name.clone()),
        None => (String::new(), String::new()),
    };
    let (track_id, track) = match e.track {
        Some(t) => (agenda.tracks[t].id.clone(), agenda.tracks[t].name.clone()),
        None => (String::new(), String::new()),
    };
    let utc = |t| rfc3339(chrono_tz::UTC, t).replace("+00:00", "Z");
    vec![
        e.id.clone(),
        e.title.clone(),
        e.kind.as_str().to_string(),
        e.status.as_str().to_string(),
        opt(e
            .slot
            .map(|(s, _)| to_local(tz, s).format("%Y-%m-%d").to_string())),
        opt(e
            .slot
            .map(|(s, _)| to_local(tz, s).format("%H:%M").to_string())),
        opt(e
            .slot
            .map(|(_, x)| to_local(tz, x).format("%H:%M").to_string())),
        opt(e.slot.map(|(s, _)| rfc3339(tz, s))),
        opt(e.slot.map(|(_, x)| rfc3339(tz, x))),
        opt(e.slot.map(|(s, _)| utc(s))),
        opt(e.slot.map(|(_, x)| utc(x))),
        opt(e.slot.map(|(s, x)| ((x - s) / 60).to_string())),
        room_id,
        room,
        track_id,
        track,
        people(&e.speakers),
        people(&e.moderators),
        e.tags.join("; "),
        e.url.clone().unwrap_or_default(),
        e.description.clone().unwrap_or_default(),
        crate::export::ics::uid(&agenda.event.id, &e.key),
    ]
}

/// The table as CSV text; `excel`: with a UTF-8 byte-order mark (so spreadsheets read UTF-8)
/// and `;` between cells when `lang`, the export's language (`--lang`, else the event's), writes
/// decimals with a comma (the separator such a spreadsheet expects).
pub(crate) fn render(agenda: &Agenda, excel: bool, lang: &str) -> Result<String, String> {
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
    for e in &agenda.entries {
        let cells: Vec<String> = row(agenda, e).iter().map(|c| cell(c)).collect();
        writer.write_record(&cells).map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

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
