//! Inputs the fuzzers and the property tests found in the editing and save paths, kept as
//! regression tests (the iCalendar ones are in tests/it/ical_regressions.rs).

#![allow(clippy::unwrap_used)] // test code: a failed unwrap is a failed test

use std::path::Path;

use agora::edit::{self, Document, Field, History, Role};

const COMMENTED: &str = include_str!("../data/commented.toml");

fn commented() -> Document {
    Document::new(agora::load::load_str(Path::new("commented.toml"), COMMENTED).unwrap())
}

fn index_of(doc: &Document, id: &str) -> usize {
    doc.program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

/// Property test `undoing_any_edit_sequence_restores_the_exact_program` found that clearing a
/// session's times and undoing gave the values back but placed them at the session's header:
/// a later diagnostic about `start` pointed at `[[sessions]]` instead of the `start` line.
/// Undo now puts a value back where the file has its key.
#[test]
fn undoing_cleared_times_puts_them_back_where_the_file_has_them() {
    let mut doc = commented();
    let original = format!("{:?}", doc.program);
    let mut history = History::new();
    let i = index_of(&doc, "machines");
    let e = edit::set_fields(
        &doc,
        i,
        vec![
            Field::Start(None),
            Field::Duration(None),
            Field::End(None),
            Field::Room(None),
        ],
    )
    .unwrap();
    history.perform(&mut doc, e);
    assert!(doc.program.sessions[i].start.is_none());
    history.undo(&mut doc);
    let s = &doc.program.sessions[i];
    let start = s.start.as_ref().unwrap().span;
    assert_eq!(
        &COMMENTED[start.start as usize..start.end as usize],
        "2024-03-12T10:00:00+01:00"
    );
    assert_eq!(original, format!("{:?}", doc.program));
}

/// Same cause, for people: taking a speaker off a session and undoing put the speaker back
/// with the position of the session's header.
#[test]
fn undoing_a_removed_speaker_puts_it_back_where_the_file_has_it() {
    let mut doc = commented();
    let original = format!("{:?}", doc.program);
    let mut history = History::new();
    let i = index_of(&doc, "machines");
    let e = edit::toggle_person(&doc, i, Role::Speaker, "alan").unwrap();
    history.perform(&mut doc, e);
    assert_eq!(doc.program.sessions[i].speakers.len(), 1);
    history.undo(&mut doc);
    let alan = doc.program.sessions[i].speakers[0].span;
    assert_eq!(
        &COMMENTED[alan.start as usize..alan.end as usize],
        "\"alan\""
    );
    assert_eq!(original, format!("{:?}", doc.program));
}

/// Property test `undoing_across_saves_restores_the_program` found that a room removed, saved,
/// then restored by undo and saved again was appended at the end of the file while the editor
/// had it back at its old place: after the reload the editor's indices named other rooms, and
/// undoing further removed the wrong one. A restored item is now written back between its
/// neighbours, and a save refuses to write files whose order differs from the editor's.
#[test]
fn a_removal_undone_after_a_save_goes_back_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commented.toml");
    std::fs::write(&path, COMMENTED).unwrap();
    let (mut doc, mut disk) = agora::save::open(&path).unwrap();
    let rooms = |doc: &Document| {
        doc.program
            .rooms
            .iter()
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    let original = rooms(&doc);
    let mut history = History::new();
    let e = edit::new_room(&doc, "Salle a", None).unwrap();
    history.perform(&mut doc, e);
    let first = doc.program.rooms[0].clone();
    let e = agora::edit::Edit::RemoveRoom {
        index: 0,
        room: Box::new(first),
        origin: doc.origins.rooms[0],
    };
    history.perform(&mut doc, e);
    agora::save::save(&mut doc, &mut disk, false).unwrap();
    history.mark_saved();
    history.undo(&mut doc); // the first room is back, first
    agora::save::save(&mut doc, &mut disk, false).unwrap();
    history.mark_saved();
    assert_eq!(rooms(&doc)[0], "grande-salle");
    history.undo(&mut doc); // the new room goes
    agora::save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(rooms(&doc), original);
    let reloaded = agora::load::load_path(&path).unwrap();
    let ids: Vec<String> = reloaded.rooms.iter().map(|r| r.id.clone()).collect();
    assert_eq!(ids, original);
    // The room came back with its own comment, below the section comment: the file is as it
    // was written.
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text, COMMENTED);
}
