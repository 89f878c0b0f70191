//! The fast path of a save: when the edits since the last save only change keys of sessions
//! written as `[[sessions]]` tables (a move, a retitle, a speaker assigned — the everyday
//! edits), only those tables are re-read and patched, not the whole file.
//!
//! Each changed session's *window* runs from its `[[sessions]]` header to the next item header
//! the loader found in the file (or the end of the file). The window is parsed with
//! `toml_edit` on its own, patched with the same code as a whole-file save
//! ([`super::patch::set_key`]), and spliced back; every byte outside the windows stays as it
//! was. Before anything is written, each new window is decoded by the loader and must give
//! back exactly the session the editor holds (same keys and values), and nothing else.
//! After the write, the program takes the new text, the decoded sessions' positions, and every
//! other span in the file shifted by the windows' change in length — what a reload of the
//! whole file would give, without parsing it again.
//!
//! Whenever any of this does not hold (items added or removed, rooms, speakers or tracks
//! changed, an inline-table array, a window that does not parse or decode to the one session),
//! the plan is `None` and the save takes the whole-file path.

use toml_edit::{DocumentMut, Item};

use super::entries::{self, changed};
use super::patch::{array_changes, line_endings_like, set_key};
use crate::edit::{Document, ItemKind};
use crate::model::{Program, Session};
use crate::source::Span;

/// What the fast path writes to one file, and what the program takes from it once written.
pub(super) struct FilePlan {
    pub file: u32,
    pub text: String,
    /// Program index of each patched session, and the session decoded from its new window
    /// (spans in the new text).
    sessions: Vec<(usize, Session)>,
    /// `(end of a window in the old text, change in length of the text up to there)`, in
    /// order: a span starting at or after the end moves by the change.
    shifts: Vec<(u32, i64)>,
}

/// The new texts, when every changed file can take the fast path (and at least one changed).
pub(super) fn plan(doc: &Document) -> Option<Vec<FilePlan>> {
    let program = &doc.program;
    let base = &doc.baseline;
    let mut plans = Vec::new();
    for (file, source) in program.sources.files().iter().enumerate() {
        let f = file as u32;
        let empty = Vec::new();
        let others = [
            array_changes(
                f,
                &program.rooms,
                &doc.origins.rooms,
                base.rooms.get(file).unwrap_or(&Vec::new()),
                &base.written,
                &doc.removed,
                (entries::room, |_, _| false),
            ),
            array_changes(
                f,
                &program.speakers,
                &doc.origins.speakers,
                base.speakers.get(file).unwrap_or(&Vec::new()),
                &base.written,
                &doc.removed,
                (entries::speaker, |_, _| false),
            ),
            array_changes(
                f,
                &program.tracks,
                &doc.origins.tracks,
                base.tracks.get(file).unwrap_or(&Vec::new()),
                &base.written,
                &doc.removed,
                (entries::track, |_, _| false),
            ),
        ];
        if others.iter().any(|c| !c.is_empty()) {
            return None;
        }
        let written = base.sessions.get(file).unwrap_or(&empty);
        let mut changes = array_changes(
            f,
            &program.sessions,
            &doc.origins.sessions,
            written,
            &base.written,
            &doc.removed,
            (entries::session, entries::same_session),
        );
        if !changes.removed.is_empty() || !changes.added.is_empty() {
            return None;
        }
        if changes.patches.is_empty() {
            continue;
        }
        changes.patches.sort_by_key(|(index, _)| *index);
        let text = &source.text;
        let bounds = headers(program, base, f);
        let uids = base.uids[ItemKind::Session as usize].get(file)?;
        let mut out = String::with_capacity(text.len() + 256);
        let mut copied = 0usize;
        let mut delta = 0i64;
        let mut sessions = Vec::new();
        let mut shifts = Vec::new();
        for (index, keys) in changes.patches {
            let start = written.get(index)?.span.start as usize;
            if start < copied || !text.get(start..)?.starts_with("[[sessions]]") {
                return None;
            }
            let end = bounds
                .iter()
                .copied()
                .find(|&b| b > start)
                .unwrap_or(text.len());
            let old = text.get(start..end)?;
            let mut window: DocumentMut = old.parse().ok()?;
            match window.get_mut("sessions") {
                Some(Item::ArrayOfTables(a)) if a.len() == 1 => {
                    let table = a.get_mut(0)?;
                    for (k, v) in keys {
                        set_key(table, k, v, &changes.order);
                    }
                }
                _ => return None,
            }
            let new = line_endings_like(text, window.to_string());
            out.push_str(text.get(copied..start)?);
            let at = out.len();
            out.push_str(&new);
            copied = end;
            // The window must read back as the session the editor holds, and nothing else.
            let uid = uids.get(index)?;
            let i = doc.origins.sessions.iter().position(|o| o.uid == *uid)?;
            let decoded = crate::load::decode_one_session(f, &new, at)?;
            if !changed(
                &entries::session(&decoded),
                &entries::session(&program.sessions[i]),
            )
            .is_empty()
            {
                return None;
            }
            sessions.push((i, decoded));
            delta += new.len() as i64 - old.len() as i64;
            shifts.push((end as u32, delta));
        }
        out.push_str(text.get(copied..)?);
        plans.push(FilePlan {
            file: f,
            text: out,
            sessions,
            shifts,
        });
    }
    (!plans.is_empty()).then_some(plans)
}

/// Where items of file `f` begin, sorted: the headers a session's window stops at.
fn headers(program: &Program, base: &crate::edit::Baseline, f: u32) -> Vec<usize> {
    let file = f as usize;
    let mut out: Vec<usize> = Vec::new();
    let mut add = |span: Span| {
        if span.file == f {
            out.push(span.start as usize);
        }
    };
    add(program.event.span);
    for s in base.sessions.get(file).into_iter().flatten() {
        add(s.span);
    }
    for r in base.rooms.get(file).into_iter().flatten() {
        add(r.span);
    }
    for s in base.speakers.get(file).into_iter().flatten() {
        add(s.span);
    }
    for t in base.tracks.get(file).into_iter().flatten() {
        add(t.span);
    }
    out.sort_unstable();
    out
}

/// The program after the plans were written: new texts, decoded sessions, shifted spans; then
/// the new baseline.
pub(super) fn commit(doc: &mut Document, plans: Vec<FilePlan>) {
    for plan in plans {
        let f = plan.file;
        let shift = |span: &mut Span| {
            if span.file != f {
                return;
            }
            let at = plan.shifts.partition_point(|(end, _)| *end <= span.start);
            if at > 0 {
                let d = plan.shifts[at - 1].1;
                span.start = (i64::from(span.start) + d) as u32;
                span.end = (i64::from(span.end) + d) as u32;
            }
        };
        shift_program(&mut doc.program, &shift);
        for (i, session) in plan.sessions {
            if let Some(slot) = doc.program.sessions.get_mut(i) {
                *slot = session;
            }
        }
        doc.program.sources.set_text(f, plan.text);
    }
    doc.rebaseline();
}

/// Apply `f` to every span of the program's items and event.
fn shift_program(program: &mut Program, f: &dyn Fn(&mut Span)) {
    f(&mut program.event.span);
    for s in &mut program.sessions {
        f(&mut s.span);
        f(&mut s.id_span);
        for r in s.track.iter_mut().chain(s.room.iter_mut()) {
            f(&mut r.span);
        }
        if let Some(v) = &mut s.start {
            f(&mut v.span);
        }
        if let Some(v) = &mut s.end {
            f(&mut v.span);
        }
        if let Some(v) = &mut s.duration {
            f(&mut v.span);
        }
        for p in s.speakers.iter_mut().chain(s.moderators.iter_mut()) {
            f(&mut p.span);
        }
    }
    let calendars = |busy: &mut Vec<crate::model::Calendar>| {
        for c in busy {
            f(&mut c.path.span);
            for p in &mut c.problems {
                f(&mut p.span);
            }
        }
    };
    for r in &mut program.rooms {
        f(&mut r.span);
        f(&mut r.id_span);
        for w in r.open.iter_mut().flatten() {
            f(&mut w.span);
        }
        calendars(&mut r.busy);
    }
    for s in &mut program.speakers {
        f(&mut s.span);
        f(&mut s.id_span);
        for w in s.available.iter_mut().flatten() {
            f(&mut w.span);
        }
        calendars(&mut s.busy);
    }
    for t in &mut program.tracks {
        f(&mut t.span);
        f(&mut t.id_span);
    }
}
