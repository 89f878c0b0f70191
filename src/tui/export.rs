//! The bridge from `:export FORMAT [PATH] [--picks]` to the exports.
//!
//! The exports (iCalendar, HTML, JSON, CSV, text agenda) live in their own module, built on
//! another branch. This function is the single place the editor calls; until that module is
//! part of the build it says so clearly instead of pretending.

use std::collections::BTreeSet;
use std::path::Path;

use crate::model::Program;

/// Export `program` (only the `picks` when given) in `format`, to `path` or the default file
/// name. Returns a sentence saying what was written.
pub fn export(
    program: &Program,
    picks: Option<&BTreeSet<String>>,
    format: &str,
    path: Option<&Path>,
) -> Result<String, String> {
    let _ = (program, picks, path);
    Err(format!(
        ":export {format} is not available in this build: the exports are not part of it yet"
    ))
}
