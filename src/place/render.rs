//! A plan as text for the organiser, or as JSON for tools (shape in docs/placement.md).

use serde::Serialize;

use super::{Plan, Slot, Standing};
use crate::model::Program;
use crate::rules::wording;
use crate::time::rfc3339;

fn place_text(program: &Program, slot: &Slot) -> String {
    let tz = program.event.timezone;
    let (room, a, b) = *slot;
    let room = match room {
        Some(r) => program.rooms[r].name.as_str(),
        None => "all rooms",
    };
    format!(
        "{} {}, {room}",
        wording::day(tz, a),
        wording::span(tz, a, b)
    )
}

/// Titles and names are the organiser's: keep control characters out of the terminal.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// The plan as text: one line per change, the reasons for what could not be placed, totals.
pub fn text(program: &Program, plan: &Plan) -> String {
    let mut out = String::new();
    for c in &plan.changes {
        let s = &program.sessions[c.session];
        let title = clean(&s.title);
        match &c.from {
            None => out.push_str(&format!(
                "+ place '{title}' (`{}`): {}\n",
                clean(&s.id),
                clean(&place_text(program, &c.to))
            )),
            Some(from) => out.push_str(&format!(
                "~ move  '{title}' (`{}`): {} -> {}\n",
                clean(&s.id),
                clean(&place_text(program, from)),
                clean(&place_text(program, &c.to))
            )),
        }
        for w in &c.warnings {
            out.push_str(&format!(
                "    {}[{}]: {}\n",
                w.severity,
                w.code,
                clean(&w.message)
            ));
        }
    }
    for u in &plan.unplaced {
        let s = &program.sessions[u.session];
        out.push_str(&format!(
            "! cannot place `{}`: {}\n",
            clean(&s.id),
            clean(&u.why.message)
        ));
    }
    for (i, why) in &plan.skipped {
        out.push_str(&format!(
            "- skipped `{}`: {}\n",
            clean(&program.sessions[*i].id),
            clean(why)
        ));
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let plural = |n: usize, one: &str| {
        if n == 1 {
            format!("{n} {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    out.push_str(&format!(
        "{} placed, {} moved, {} not placed{}\n",
        plural(plan.placed, "session"),
        plan.moved,
        plan.unplaced.len(),
        if plan.cut_short {
            " (time limit reached: best plan so far)"
        } else {
            ""
        }
    ));
    let line = |label: &str, s: &Standing| {
        format!(
            "{label}: {} ({} conflicts placement can resolve), {}, weighted warnings {}, {} unscheduled\n",
            plural(s.errors, "error"),
            s.conflicts,
            plural(s.warnings, "warning"),
            s.weighted,
            s.unscheduled
        )
    };
    out.push_str(&line("before", &plan.before));
    out.push_str(&line("after ", &plan.after));
    out
}

#[derive(Serialize)]
struct JsonPlace {
    start: String,
    end: String,
    room: Option<String>,
}

#[derive(Serialize)]
struct JsonWarning {
    code: String,
    severity: String,
    message: String,
}

#[derive(Serialize)]
struct JsonChange {
    session: String,
    title: String,
    action: &'static str,
    from: Option<JsonPlace>,
    to: JsonPlace,
    warnings: Vec<JsonWarning>,
}

#[derive(Serialize)]
struct JsonUnplaced {
    session: String,
    title: String,
    reason: String,
    rules: Vec<String>,
    people: Vec<String>,
    rooms: Vec<String>,
}

#[derive(Serialize)]
struct JsonSkipped {
    session: String,
    reason: String,
}

#[derive(Serialize)]
struct JsonStanding {
    errors: usize,
    conflicts: usize,
    warnings: usize,
    weighted_warnings: i64,
    unscheduled: usize,
}

#[derive(Serialize)]
struct JsonPlan {
    version: u32,
    event: String,
    changes: Vec<JsonChange>,
    unplaced: Vec<JsonUnplaced>,
    skipped: Vec<JsonSkipped>,
    placed: usize,
    moved: usize,
    cut_short: bool,
    before: JsonStanding,
    after: JsonStanding,
}

fn json_place(program: &Program, slot: &Slot) -> JsonPlace {
    let tz = program.event.timezone;
    JsonPlace {
        start: rfc3339(tz, slot.1),
        end: rfc3339(tz, slot.2),
        room: slot.0.map(|r| program.rooms[r].id.clone()),
    }
}

fn json_standing(s: &Standing) -> JsonStanding {
    JsonStanding {
        errors: s.errors,
        conflicts: s.conflicts,
        warnings: s.warnings,
        weighted_warnings: s.weighted,
        unscheduled: s.unscheduled,
    }
}

/// The plan as JSON (`version` 1; see docs/placement.md).
pub fn json(program: &Program, plan: &Plan) -> String {
    let doc = JsonPlan {
        version: 1,
        event: program.event.id.clone(),
        changes: plan
            .changes
            .iter()
            .map(|c| {
                let s = &program.sessions[c.session];
                JsonChange {
                    session: s.id.clone(),
                    title: s.title.clone(),
                    action: if c.from.is_some() { "move" } else { "place" },
                    from: c.from.as_ref().map(|f| json_place(program, f)),
                    to: json_place(program, &c.to),
                    warnings: c
                        .warnings
                        .iter()
                        .map(|w| JsonWarning {
                            code: w.code.to_string(),
                            severity: w.severity.to_string(),
                            message: w.message.clone(),
                        })
                        .collect(),
                }
            })
            .collect(),
        unplaced: plan
            .unplaced
            .iter()
            .map(|u| {
                let s = &program.sessions[u.session];
                JsonUnplaced {
                    session: s.id.clone(),
                    title: s.title.clone(),
                    reason: u.why.message.clone(),
                    rules: u.why.rules.iter().map(|r| r.to_string()).collect(),
                    people: u.why.people.clone(),
                    rooms: u.why.rooms.clone(),
                }
            })
            .collect(),
        skipped: plan
            .skipped
            .iter()
            .map(|(i, why)| JsonSkipped {
                session: program.sessions[*i].id.clone(),
                reason: why.clone(),
            })
            .collect(),
        placed: plan.placed,
        moved: plan.moved,
        cut_short: plan.cut_short,
        before: json_standing(&plan.before),
        after: json_standing(&plan.after),
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}
