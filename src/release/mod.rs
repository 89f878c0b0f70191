//! Releases: a program frozen under a name, and what changed between two programs.
//!
//! - [`store`]: the release store on disk, beside the event (`docs/releases.md`).
//! - [`normal`]: the normal form a release keeps its program in.
//! - [`diff`]: the changes between two programs, session by session (`agora diff`).
//! - [`history`]: what calendars and agendas need to follow a program over its releases —
//!   each session's `SEQUENCE`, the time it last changed, removed sessions, marks and the
//!   changelog. The exports take it as [`history::ChangeInfo`].
//!
//! Pure core: no terminal, no clock (times are given), and the only writes are the store's,
//! through the atomic writer.

pub(crate) mod diff;
pub mod history;
pub mod normal;
pub(crate) mod store;

use std::path::PathBuf;

use crate::model::Program;
use crate::time::Instant;

pub use diff::{diff, Diff};
pub use store::{store_dir, Store};

/// One release: a name, when it was made, why, and the program as it was.
#[derive(Debug)]
pub struct Release {
    pub name: String,
    /// Seconds since the epoch (`SOURCE_DATE_EPOCH` when set at release time).
    pub time: Instant,
    pub comment: Option<String>,
    /// Its file in the store.
    pub file_name: String,
    /// Its file's checksum, as the index records it.
    pub checksum: String,
    pub program: Program,
}

impl Store {
    /// The history seen from the working copy `program`: every release, then the working
    /// copy itself when its normal form differs from the last release's (its changes dated
    /// `now`).
    pub fn follow_working_copy(&self, program: &Program, now: Instant) -> history::ChangeInfo {
        let mut versions: Vec<history::Version> = self.versions(self.releases.len());
        let same = self
            .releases
            .last()
            .is_some_and(|r| normal::render(&r.program) == normal::render(program));
        if !same {
            versions.push(history::Version {
                name: None,
                time: now,
                comment: None,
                program,
            });
        }
        history::follow(&versions)
    }

    /// The history seen from release `index`: the releases up to it.
    pub fn follow_release(&self, index: usize) -> history::ChangeInfo {
        history::follow(&self.versions(index + 1))
    }

    fn versions(&self, count: usize) -> Vec<history::Version<'_>> {
        self.releases
            .iter()
            .take(count)
            .map(|r| history::Version {
                name: Some(r.name.as_str()),
                time: r.time,
                comment: r.comment.as_deref(),
                program: &r.program,
            })
            .collect()
    }
}

/// Names that mean something else on the command line (`--to current`).
pub const RESERVED: [&str; 3] = ["current", "wip", "latest"];

/// Why a release cannot be named so or frozen.
#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("a release name cannot be empty: give one such as v1 or 2024-05-02")]
    EmptyName,
    /// The name as typed, control characters left out.
    #[error(
        "`{0}` is not a valid release name: use up to {MAX_NAME} letters, digits, spaces, `.`, \
         `_`, `-` or `+`, starting with a letter or a digit (for example v1, 1.0-rc1)"
    )]
    InvalidName(String),
    #[error(
        "`{0}` is reserved (current, wip and latest name the working copy and the last \
         release): choose another name"
    )]
    Reserved(String),
    /// The name of the release that has it already.
    #[error(
        "a release named `{0}` exists already (names are compared regardless of case): choose \
         another name"
    )]
    Taken(String),
    #[error("the store `{}` holds releases of the event `{held}`, not `{given}`", dir.display())]
    OtherEvent {
        dir: PathBuf,
        held: String,
        given: String,
    },
    /// `action` (create, write) failed on `path`.
    #[error("cannot {action} `{}`: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The longest release name, in characters.
pub const MAX_NAME: usize = 64;

/// Check a new release name against the rules and the names already used (case does not
/// matter). The message says what to do.
pub fn validate_name<'a>(
    name: &str,
    existing: impl IntoIterator<Item = &'a str>,
) -> Result<(), ReleaseError> {
    let shown: String = name.chars().filter(|c| !c.is_control()).collect();
    if name.trim().is_empty() {
        return Err(ReleaseError::EmptyName);
    }
    let ok_chars = name
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-' | '+' | ' '));
    let first_ok = name.chars().next().is_some_and(char::is_alphanumeric);
    if !ok_chars || !first_ok || name.ends_with(' ') || name.chars().count() > MAX_NAME {
        return Err(ReleaseError::InvalidName(shown));
    }
    let key = name.to_lowercase();
    if RESERVED.contains(&key.as_str()) {
        return Err(ReleaseError::Reserved(shown));
    }
    if let Some(other) = existing.into_iter().find(|n| n.to_lowercase() == key) {
        return Err(ReleaseError::Taken(other.to_string()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(validate_name("v1", []).is_ok());
        assert!(validate_name("Version 1.0+rc", []).is_ok());
        assert!(matches!(
            validate_name(" ", []),
            Err(ReleaseError::EmptyName)
        ));
        assert!(
            matches!(validate_name("-v1", []), Err(ReleaseError::InvalidName(n)) if n == "-v1")
        );
        assert!(matches!(
            validate_name("a/b", []),
            Err(ReleaseError::InvalidName(_))
        ));
        let reserved = validate_name("Current", []).unwrap_err();
        assert!(matches!(&reserved, ReleaseError::Reserved(n) if n == "Current"));
        assert!(reserved.to_string().contains("reserved"));
        let taken = validate_name("V1", ["v1"]).unwrap_err();
        assert!(matches!(&taken, ReleaseError::Taken(n) if n == "v1"));
        assert!(taken.to_string().contains("`v1` exists already"));
        assert!(matches!(
            validate_name(&"x".repeat(65), []),
            Err(ReleaseError::InvalidName(_))
        ));
    }
}
