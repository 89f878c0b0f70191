//! The committed exports under exports/forum-interconnectes-2017/ are exactly what the current
//! code produces: this regenerates them into a temporary folder and compares byte for byte.

use crate::export_support;

use export_support::*;

const REGENERATE: &str = "rm -rf exports/forum-interconnectes-2017 && \
SOURCE_DATE_EPOCH=1512086400 cargo run -- export all events/forum-interconnectes-2017.toml";

#[test]
fn committed_exports_are_up_to_date() {
    let dir = tempfile::tempdir().expect("temp dir");
    export_into(
        "all",
        "events/forum-interconnectes-2017.toml",
        dir.path(),
        &[],
    );
    let fresh = read_tree(dir.path());
    let committed = read_tree(&root().join("exports/forum-interconnectes-2017"));
    let mut problems = Vec::new();
    for (name, bytes) in &fresh {
        match committed.get(name) {
            None => problems.push(format!("missing from the committed exports: {name}")),
            Some(old) if old != bytes => problems.push(format!("differs: {name}")),
            Some(_) => {}
        }
    }
    for name in committed.keys() {
        if !fresh.contains_key(name) {
            problems.push(format!("committed but no longer produced: {name}"));
        }
    }
    assert!(
        problems.is_empty(),
        "the committed exports are out of date:\n  {}\nregenerate them with:\n  {REGENERATE}",
        problems.join("\n  ")
    );
}
