//! The JSON of `agora check --format json`, exactly as the format contract gives it.
//!
//! Field order is fixed by the struct order below; `room`, `person`, `track`, `start` and `end`
//! are `null` when they do not apply, never omitted.

use serde::Serialize;

use crate::codes::Level;
use crate::model::Program;
use crate::rules::{Diagnostic, Summary};
use crate::time::rfc3339;

#[derive(Serialize)]
struct Report<'a> {
    event: &'a str,
    summary: JsonSummary,
    diagnostics: Vec<JsonDiagnostic<'a>>,
    /// Diagnostics left out by `--max-diagnostics` (counted in `summary`); absent when none.
    #[serde(skip_serializing_if = "Option::is_none")]
    omitted: Option<u64>,
}

#[derive(Serialize)]
struct JsonSummary {
    errors: usize,
    warnings: usize,
    infos: usize,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: &'static str,
    message: &'a str,
    sessions: &'a [String],
    room: Option<&'a str>,
    person: Option<&'a str>,
    track: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
    file: String,
    line: usize,
    column: usize,
}

/// The whole report as pretty-printed JSON, with a final newline.
pub fn render(program: &Program, diagnostics: &[Diagnostic]) -> String {
    render_with(program, diagnostics, Summary::of(diagnostics), 0)
}

/// The report of some of the diagnostics: `summary` counts them all, `omitted` were left out.
pub fn render_with(
    program: &Program,
    diagnostics: &[Diagnostic],
    summary: Summary,
    omitted: u64,
) -> String {
    let tz = program.event.timezone;
    let report = Report {
        event: &program.event.id,
        summary: JsonSummary {
            errors: summary.errors,
            warnings: summary.warnings,
            infos: summary.infos,
        },
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let (path, line, column) = program.sources.locate(d.span);
                JsonDiagnostic {
                    code: d.code.as_str(),
                    severity: match d.severity {
                        Level::Error => "error",
                        Level::Warning => "warning",
                        _ => "info",
                    },
                    message: &d.message,
                    sessions: &d.sessions,
                    room: d.room.as_deref(),
                    person: d.person.as_deref(),
                    track: d.track.as_deref(),
                    start: d.start.map(|t| rfc3339(tz, t)),
                    end: d.end.map(|t| rfc3339(tz, t)),
                    file: path.display().to_string(),
                    line,
                    column,
                }
            })
            .collect(),
        omitted: (omitted > 0).then_some(omitted),
    };
    let mut out =
        serde_json::to_string_pretty(&report).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    out.push('\n');
    out
}
