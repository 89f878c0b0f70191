//! The frab/C3VOC schedule format that conference apps read (Giggity, EventFahrplan, ConfClerk,
//! …) and that pretalx and frab write: exported from a [`Program`](crate::model::Program) and
//! imported into agora's own TOML.
//!
//! Everything here is pure: text in, text out, no file system and no terminal. The writers
//! ([`frab_xml`], [`frab_json`]) share one [`plan`] of what goes where (days, rooms, stable
//! GUIDs and numeric ids); the importer ([`import`]) reads either shape through [`read_xml`] or
//! [`read_json`] into one neutral [`foreign`] schedule, maps it onto agora's items and
//! [`toml_out`] writes them. docs/interop.md documents the mapping both ways.

pub mod foreign;
pub mod frab_json;
pub mod frab_xml;
pub mod import;
pub(crate) mod plan;
pub(crate) mod read_json;
pub(crate) mod read_xml;
pub mod toml_out;

use uuid::Uuid;

/// The namespace of every GUID agora writes: UUID v5 of the URL `urn:agora:schedule` in the
/// URL namespace. Fixed forever, so GUIDs stay stable across exports and agora versions.
const NAMESPACE: Uuid = Uuid::from_u128(0xf4bc_6f9e_725c_5de2_8a73_4274_eba4_74c4);

/// The GUID of an item of an event: UUID v5 of `event-id/kind/item-id`, so the same session in
/// the same event always gets the same GUID (apps key favourites and change tracking on it).
pub fn guid(event_id: &str, kind: &str, item_id: &str) -> Uuid {
    Uuid::new_v5(
        &NAMESPACE,
        format!("{event_id}/{kind}/{item_id}").as_bytes(),
    )
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

/// The sessions a frab export leaves out, by id: cancelled ones (apps expect them to vanish
/// from the new version) and unscheduled ones (no place in a timetable). For a command to say
/// so next to the export.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LeftOut {
    pub cancelled: Vec<String>,
    pub unscheduled: Vec<String>,
}

pub fn left_out(program: &crate::model::Program) -> LeftOut {
    let plan = plan::Plan::new(program, &|_| true);
    let ids = |list: &[usize]| {
        list.iter()
            .map(|&i| program.sessions[i].id.clone())
            .collect()
    };
    LeftOut {
        cancelled: ids(&plan.omitted.cancelled),
        unscheduled: ids(&plan.omitted.unscheduled),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn namespace_is_derived_from_its_name() {
        let derived = Uuid::new_v5(&Uuid::NAMESPACE_URL, b"urn:agora:schedule");
        assert_eq!(NAMESPACE, derived, "NAMESPACE must be {derived:#x}");
    }

    #[test]
    fn guids_are_stable_version_5_and_distinct() {
        let a = guid("fic-2017", "session", "ouverture");
        assert_eq!(a, guid("fic-2017", "session", "ouverture"));
        assert_eq!(a.get_version_num(), 5);
        assert_ne!(a, guid("fic-2017", "session", "cloture"));
        assert_ne!(a, guid("fic-2018", "session", "ouverture"));
        assert_ne!(a, guid("fic-2017", "room", "ouverture"));
    }
}
