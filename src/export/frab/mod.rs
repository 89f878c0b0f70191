//! The frab/C3VOC schedule that conference apps read (Giggity, EventFahrplan, ConfClerk, …) and
//! that pretalx and frab write, exported from the same resolved agenda (`export::agenda`) as every other
//! format.
//!
//! The writers ([`xml`], [`json`]) share one `plan` of what goes where (days, rooms, stable
//! GUIDs and numeric ids); the identifiers follow the scheme of [`crate::ids::frab`], which
//! the importer reads back. docs/interop.md documents the mapping both ways.

pub mod json;
pub(crate) mod plan;
pub mod xml;

use crate::export::agenda::Agenda;
use crate::export::selection::Filter;
use crate::model::Program;
use crate::rules::Schedule;

use plan::Plan;

/// `f` of the plan of the whole program (every session).
fn whole<T>(program: &Program, f: impl FnOnce(&Plan) -> T) -> T {
    let schedule = Schedule::new(program);
    let agenda = Agenda::new(&schedule, &Filter::default(), None, false);
    let whole = plan::Whole::new(program);
    f(&Plan::new(&agenda, &whole))
}

/// The sessions a frab export leaves out, by id: cancelled ones (apps expect them to vanish
/// from the new version) and unscheduled ones (no place in a timetable). For a command to say
/// so next to the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub cancelled: Vec<String>,
    pub unscheduled: Vec<String>,
}

pub fn left_out(program: &Program) -> LeftOut {
    left_out_of(&Schedule::new(program))
}

/// [`left_out`] on an already derived schedule: the same sessions [`Plan::new`] omits, in
/// file order, without building a plan (GUIDs, numbers, texts) only to count them.
pub fn left_out_of(schedule: &Schedule) -> LeftOut {
    let mut out = LeftOut::default();
    for (i, session) in schedule.program.sessions.iter().enumerate() {
        if session.status == crate::model::Status::Cancelled {
            out.cancelled.push(session.id.clone());
        } else if crate::export::agenda::placement(schedule, i).is_none() {
            out.unscheduled.push(session.id.clone());
        }
    }
    out
}

/// The `version` of a schedule, which apps show and compare to offer updates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version {
    /// A hash of the content: changes exactly when the content does (no releases).
    Content,
    /// A release's name, as it is.
    Release(String),
    /// Unreleased changes after a release: `NAME+HASH`.
    After(String),
}

impl Version {
    fn text(&self, hash: &str) -> String {
        match self {
            Version::Content => hash.to_string(),
            Version::Release(name) => name.clone(),
            Version::After(name) => format!("{name}+{hash}"),
        }
    }
}
