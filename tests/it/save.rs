//! Saving edits back to TOML: exact diffs, kept comments, directory events, atomic writes,
//! refusal to overwrite a file changed on disk, and random edit sequences that must reload
//! to the edited program.

// Helpers outside #[test] functions unwrap too: a failed setup is a failed test.
#![allow(clippy::unwrap_used)]
use std::path::{Path, PathBuf};

use agora::edit::{self, Document, Edit, Field, History, Role};
use agora::load::load_path;
use agora::model::{Kind, Status};
use agora::save::{self, SaveError};
use chrono::NaiveDateTime;
use proptest::prelude::*;

const SEED: &str = "events/forum-interconnectes-2017.toml";

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Copy a file or a directory into a fresh temp dir; returns the dir and the copied path.
fn copy_event(path: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = manifest(path);
    let dst = dir.path().join(src.file_name().unwrap());
    copy_recursive(&src, &dst);
    (dir, dst)
}

fn copy_recursive(src: &Path, dst: &Path) {
    if src.is_dir() {
        std::fs::create_dir_all(dst).unwrap();
        for entry in std::fs::read_dir(src).unwrap() {
            let entry = entry.unwrap();
            copy_recursive(&entry.path(), &dst.join(entry.file_name()));
        }
    } else {
        std::fs::copy(src, dst).unwrap();
    }
}

/// Lines removed and added between two texts, in order.
fn diff(a: &str, b: &str) -> Vec<String> {
    similar::TextDiff::from_lines(a, b)
        .iter_all_changes()
        .filter_map(|c| match c.tag() {
            similar::ChangeTag::Equal => None,
            similar::ChangeTag::Delete => Some(format!("-{}", c.value().trim_end_matches('\n'))),
            similar::ChangeTag::Insert => Some(format!("+{}", c.value().trim_end_matches('\n'))),
        })
        .collect()
}

fn index_of(doc: &Document, id: &str) -> usize {
    doc.program
        .sessions
        .iter()
        .position(|s| s.id == id)
        .unwrap()
}

fn at(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap()
}

#[test]
fn no_edit_writes_nothing_and_files_stay_identical() {
    let (_dir, path) = copy_event(SEED);
    let before = std::fs::read(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    assert!(save::render(&doc).unwrap().is_empty());
    let saved = save::save(&mut doc, &mut disk, false).unwrap();
    assert!(saved.written.is_empty());
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn one_move_is_a_one_line_diff() {
    let (_dir, path) = copy_event(SEED);
    let before = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let i = index_of(&doc, "design-services-publics");
    let e = edit::move_by(&doc, i, 15).unwrap();
    history.perform(&mut doc, e);
    assert!(history.is_dirty());
    let saved = save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(saved.written, vec![path.clone()]);
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        diff(&before, &after),
        vec![
            "-start = 2017-12-05T14:00:00".to_string(),
            "+start = 2017-12-05T14:15:00".to_string()
        ]
    );
    // The reloaded document is clean and `check` sees the new time.
    let program = load_path(&path).unwrap();
    let s = &program.sessions[i];
    assert_eq!(s.id, "design-services-publics");
    assert_eq!(
        format!("{:?}", s.start.as_ref().unwrap().value),
        "Local(2017-12-05T14:15:00)"
    );
}

#[test]
fn a_move_keeps_the_trailing_comment_and_shifts_an_end() {
    let (_dir, path) = copy_event("tests/data/split");
    let day1 = path.join("sessions/day1.toml");
    let before = std::fs::read_to_string(&day1).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let opening = index_of(&doc, "opening");
    let machines = index_of(&doc, "machines");
    let e = edit::move_by(&doc, opening, 30).unwrap();
    history.perform(&mut doc, e);
    let e = edit::move_by(&doc, machines, -60).unwrap();
    history.perform(&mut doc, e);
    let saved = save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(saved.written, vec![day1.clone()]);
    let after = std::fs::read_to_string(&day1).unwrap();
    assert_eq!(
        diff(&before, &after),
        vec![
            "-start = 2024-03-12T09:00:00   # doors open at 8:30",
            "+start = 2024-03-12T09:30:00   # doors open at 8:30",
            "-start = 2024-03-12T10:00:00",
            "-end = 2024-03-12T11:00:00",
            "+start = 2024-03-12T09:00:00",
            "+end = 2024-03-12T10:00:00",
        ]
    );
}

#[test]
fn directory_event_writes_each_change_to_its_own_file() {
    let (_dir, path) = copy_event("tests/data/split");
    let files = [
        "event.toml",
        "people.toml",
        "sessions/day1.toml",
        "sessions/day2.toml",
    ];
    let before: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(path.join(f)).unwrap())
        .collect();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    // A room, a speaker, a duplicated session (day 2), a retitled session (day 1).
    let e = edit::new_room(&doc, "Salle 3", Some(40)).unwrap();
    history.perform(&mut doc, e);
    let e = edit::new_speaker(&doc, "Grace Hopper").unwrap();
    history.perform(&mut doc, e);
    let workshop = index_of(&doc, "workshop");
    let e = edit::duplicate_session(&doc, workshop).unwrap();
    history.perform(&mut doc, e);
    let engines = index_of(&doc, "engines");
    let e = edit::set_fields(&doc, engines, vec![Field::Title("Engines".into())]).unwrap();
    history.perform(&mut doc, e);
    let copy = index_of(&doc, "workshop-2");
    let e = edit::toggle_person(&doc, copy, Role::Moderator, "grace-hopper").unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let after: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(path.join(f)).unwrap())
        .collect();
    assert_eq!(
        diff(&before[0], &after[0]),
        vec![
            "+",
            "+[[rooms]]",
            "+id = \"salle-3\"",
            "+name = \"Salle 3\"",
            "+capacity = 40"
        ]
    );
    assert_eq!(
        diff(&before[1], &after[1]),
        vec![
            "+",
            "+[[speakers]]",
            "+id = \"grace-hopper\"",
            "+name = \"Grace Hopper\""
        ]
    );
    assert_eq!(
        diff(&before[2], &after[2]),
        vec!["-title = \"Analytical engines\"", "+title = \"Engines\""]
    );
    let d2 = diff(&before[3], &after[3]);
    assert_eq!(
        d2,
        vec![
            "+",
            "+[[sessions]]",
            "+id = \"workshop-2\"",
            "+title = \"Workshop\"",
            "+kind = \"workshop\"",
            "+room = \"petite-salle\"",
            "+start = 2024-03-13T14:00:00",
            "+duration = 90",
            "+speakers = [\"alan\", \"ada\"]",
            "+moderators = [\"grace-hopper\"]",
        ]
    );
    // The saved event loads, with the new items in their files.
    let program = load_path(&path).unwrap();
    assert_eq!(program.sessions.len(), 6);
    assert_eq!(program.rooms.len(), 3);
    assert_eq!(program.speakers.len(), 3);
    // Undo everything and save: the files are back, byte for byte.
    while history.undo(&mut doc).is_some() {}
    save::save(&mut doc, &mut disk, false).unwrap();
    for (f, b) in files.iter().zip(&before) {
        assert_eq!(&std::fs::read_to_string(path.join(f)).unwrap(), b, "{f}");
    }
}

#[test]
fn delete_removes_the_table_and_undo_restores_it_in_place() {
    let (_dir, path) = copy_event("tests/data/split");
    let day2 = path.join("sessions/day2.toml");
    let before = std::fs::read_to_string(&day2).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let i = index_of(&doc, "workshop");
    let session = doc.program.sessions[i].clone();
    let origin = doc.origins.sessions[i];
    history.perform(
        &mut doc,
        Edit::RemoveSession {
            index: i,
            session: Box::new(session),
            origin,
        },
    );
    save::save(&mut doc, &mut disk, false).unwrap();
    history.mark_saved();
    let after = std::fs::read_to_string(&day2).unwrap();
    assert_eq!(
        after,
        "# Wednesday.\n\n[[sessions]]\nid = \"lunch\"\ntitle = \"Lunch\"\nkind = \"break\"\nstart = 2024-03-13T12:00:00\nduration = 60   # everyone\n"
    );
    // Undo after the save: the session comes back in place, before the lunch, with the file
    // comment above it again.
    history.undo(&mut doc);
    assert!(history.is_dirty());
    save::save(&mut doc, &mut disk, false).unwrap();
    // Exactly as written, even `moderators = []` (an empty list, the default).
    assert_eq!(std::fs::read_to_string(&day2).unwrap(), before);
    let program = load_path(&path).unwrap();
    let ids: Vec<&str> = program.sessions.iter().map(|s| s.id.as_str()).collect();
    let doc_ids: Vec<&str> = doc.program.sessions.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, doc_ids);
}

#[test]
fn fields_lists_and_removals_patch_only_their_keys() {
    let (_dir, path) = copy_event(SEED);
    let before = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let i = index_of(&doc, "digitalisation-bouscule-territoires");
    // Take the 3rd of 7 speakers off a multi-line list; change status; drop the url.
    let e = edit::toggle_person(&doc, i, Role::Speaker, "pierre-pezziardi").unwrap();
    history.perform(&mut doc, e);
    let e = edit::set_fields(
        &doc,
        i,
        vec![Field::Status(Status::Tentative), Field::Url(None)],
    )
    .unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    let d = diff(&before, &after);
    assert_eq!(
        d,
        vec![
            "-  \"pierre-pezziardi\",",
            "-url = \"https://www.lagazettedescommunes.com/539516/forum-des-interconnectes-comment-la-digitalisation-bouscule-les-territoires/\"",
            "+status = \"tentative\"",
        ]
    );
}

#[test]
fn crlf_and_byte_order_mark_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.toml");
    let text = "\u{feff}# crlf\r\n[event]\r\nid = \"e\"\r\nname = \"E\"\r\ntimezone = \"UTC\"\r\nstart = 2024-01-01\r\nend = 2024-01-01\r\n\r\n[[rooms]]\r\nid = \"r\"\r\nname = \"R\"\r\n\r\n[[sessions]]\r\nid = \"s\"\r\ntitle = \"S\"\r\nroom = \"r\"\r\nstart = 2024-01-01T10:00:00\r\nduration = 30\r\n";
    std::fs::write(&path, text).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let e = edit::resize_by(&doc, 0, 15).unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert_eq!(after, text.replace("duration = 30", "duration = 45"));
}

#[test]
fn a_file_changed_on_disk_is_not_overwritten_unless_forced() {
    let (_dir, path) = copy_event(SEED);
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let e = edit::move_by(&doc, 1, 15).unwrap();
    history.perform(&mut doc, e);
    let theirs = std::fs::read_to_string(&path).unwrap() + "\n# added by someone else\n";
    std::fs::write(&path, &theirs).unwrap();
    match save::save(&mut doc, &mut disk, false) {
        Err(SaveError::ChangedOnDisk(paths)) => assert_eq!(paths, vec![path.clone()]),
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
    // "Keep mine": write anyway.
    save::save(&mut doc, &mut disk, true).unwrap();
    let mine = std::fs::read_to_string(&path).unwrap();
    assert!(!mine.contains("added by someone else"));
    assert!(mine.contains("start = 2017-12-05T09:30:00"));
    // No temp file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("agora-tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn new_session_in_an_inline_array_event() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.toml");
    let text = "rooms = [{ id = \"r\", name = \"R\" }]\n\nsessions = [\n  { id = \"s\", title = \"S\", room = \"r\", start = 2024-01-01T10:00:00, duration = 30 },\n]\n\n[event]\nid = \"e\"\nname = \"E\"\ntimezone = \"UTC\"\nstart = 2024-01-01\nend = 2024-01-01\n";
    std::fs::write(&path, text).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let e = edit::move_by(&doc, 0, 60).unwrap();
    history.perform(&mut doc, e);
    let e = edit::duplicate_session(&doc, 0).unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    let program = load_path(&path).unwrap();
    assert_eq!(program.sessions.len(), 2, "{after}");
    assert!(after.contains("start = 2024-01-01T11:00:00"), "{after}");
}

/// One random intention on a document.
#[derive(Debug, Clone)]
enum Op {
    Move(usize, i64),
    Resize(usize, i64),
    Room(usize, usize),
    Title(usize, String),
    Kind(usize, usize),
    Duplicate(usize),
    Delete(usize),
    Add(usize, u32),
    Person(usize, usize, bool),
    Speaker(String),
    /// A room (0), speaker (1) or track (2): a new name, a renamed id, or deleted (unassigned
    /// from its sessions or not).
    Entity(u8, usize, EntityOp),
    NewRoom(String),
    NewTrack(String),
    Undo,
    Redo,
    Save,
}

#[derive(Debug, Clone)]
enum EntityOp {
    Name(String),
    Id(String),
    Field(String),
    Delete(bool),
}

/// Edits of rooms, speakers and tracks, and adds, copies and deletes of sessions.
fn entity_op() -> impl Strategy<Value = Op> {
    let entity = prop_oneof![
        "[A-Z][a-zé \"#]{1,12}".prop_map(EntityOp::Name),
        "[a-z][a-z0-9-]{1,8}".prop_map(EntityOp::Id),
        "[a-zA-Z #\"]{0,10}".prop_map(EntityOp::Field),
        any::<bool>().prop_map(EntityOp::Delete),
    ];
    prop_oneof![
        (0u8..3, any::<usize>(), entity).prop_map(|(k, i, e)| Op::Entity(k, i, e)),
        "[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}".prop_map(Op::NewRoom),
        "[A-Z][a-z]{2,8}".prop_map(Op::NewTrack),
        "[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}".prop_map(Op::Speaker),
        any::<usize>().prop_map(Op::Duplicate),
        any::<usize>().prop_map(Op::Delete),
        (any::<usize>(), 8u32..18).prop_map(|(i, h)| Op::Add(i, h)),
        Just(Op::Undo),
        Just(Op::Redo),
        Just(Op::Save),
    ]
}

/// A room, speaker or track edit, when the editor would allow it.
fn entity_edit(doc: &Document, kind: u8, i: usize, op: &EntityOp) -> Option<Edit> {
    use agora::edit::Referenced;
    let p = &doc.program;
    let (referenced, len) = match kind {
        0 => (Referenced::Room, p.rooms.len()),
        1 => (Referenced::Speaker, p.speakers.len()),
        _ => (Referenced::Track, p.tracks.len()),
    };
    if len == 0 {
        return None;
    }
    let i = i % len;
    if let EntityOp::Delete(unassign) = op {
        return edit::delete(doc, referenced, i, *unassign).ok();
    }
    let field = |f: &str| (!f.is_empty()).then(|| f.to_string());
    match kind {
        0 => {
            let mut r = p.rooms[i].clone();
            match op {
                EntityOp::Name(n) => r.name = n.clone(),
                EntityOp::Id(id) => r.id = id.clone(),
                EntityOp::Field(f) => {
                    r.location = field(f);
                    r.capacity = Some(f.len() as u64 * 10 + 10);
                }
                EntityOp::Delete(_) => {}
            }
            edit::change_room(doc, i, r).ok().flatten()
        }
        1 => {
            let mut s = p.speakers[i].clone();
            match op {
                EntityOp::Name(n) => s.name = n.clone(),
                EntityOp::Id(id) => s.id = id.clone(),
                EntityOp::Field(f) => s.affiliation = field(f),
                EntityOp::Delete(_) => {}
            }
            edit::change_speaker(doc, i, s).ok().flatten()
        }
        _ => {
            let mut t = p.tracks[i].clone();
            match op {
                EntityOp::Name(n) => t.name = n.clone(),
                EntityOp::Id(id) => t.id = id.clone(),
                EntityOp::Field(f) => t.description = field(f),
                EntityOp::Delete(_) => {}
            }
            edit::change_track(doc, i, t).ok().flatten()
        }
    }
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), -8i64..8).prop_map(|(i, n)| Op::Move(i, n * 15)),
        (any::<usize>(), -4i64..4).prop_map(|(i, n)| Op::Resize(i, n * 15)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, r)| Op::Room(i, r)),
        (any::<usize>(), "[a-zA-Zé \"#\\\\]{1,20}").prop_map(|(i, t)| Op::Title(i, t)),
        (any::<usize>(), 0usize..8).prop_map(|(i, k)| Op::Kind(i, k)),
        any::<usize>().prop_map(Op::Duplicate),
        any::<usize>().prop_map(Op::Delete),
        (any::<usize>(), 8u32..18).prop_map(|(i, h)| Op::Add(i, h)),
        (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(i, p, m)| Op::Person(i, p, m)),
        "[A-Z][a-z]{2,8} [A-Z][a-z]{2,8}".prop_map(Op::Speaker),
        Just(Op::Undo),
        Just(Op::Redo),
        Just(Op::Save),
    ]
}

/// Edits that change only keys of sessions (the fast path of a save), and saves.
fn key_op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (any::<usize>(), -8i64..8).prop_map(|(i, n)| Op::Move(i, n * 15)),
        (any::<usize>(), -4i64..4).prop_map(|(i, n)| Op::Resize(i, n * 15)),
        (any::<usize>(), any::<usize>()).prop_map(|(i, r)| Op::Room(i, r)),
        (any::<usize>(), "[a-zA-Zé \"#\\\\\n]{1,20}").prop_map(|(i, t)| Op::Title(i, t)),
        (any::<usize>(), 0usize..8).prop_map(|(i, k)| Op::Kind(i, k)),
        (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(i, p, m)| Op::Person(i, p, m)),
        Just(Op::Undo),
        Just(Op::Save),
    ]
}

fn run_op(doc: &mut Document, history: &mut History, disk: &mut save::OnDisk, op: &Op) {
    let n = doc.program.sessions.len();
    let pick = |i: usize| if n == 0 { None } else { Some(i % n) };
    let edit = match op {
        Op::Move(i, m) => pick(*i).and_then(|i| edit::move_by(doc, i, *m).ok()),
        Op::Resize(i, m) => pick(*i).and_then(|i| edit::resize_by(doc, i, *m).ok()),
        Op::Room(i, r) => pick(*i).map(|i| {
            let rooms = &doc.program.rooms;
            let to = rooms.get(r % (rooms.len() + 1)).map(|r| r.id.clone());
            Edit::Reassign {
                session: i,
                from: doc.program.sessions[i]
                    .room
                    .as_ref()
                    .map(|r| r.value.clone()),
                to,
            }
        }),
        Op::Title(i, t) => {
            pick(*i).and_then(|i| edit::set_fields(doc, i, vec![Field::Title(t.clone())]))
        }
        Op::Kind(i, k) => pick(*i).and_then(|i| {
            let kind = Kind::parse(Kind::NAMES[*k]).unwrap();
            edit::set_fields(doc, i, vec![Field::Kind(kind)])
        }),
        Op::Duplicate(i) => pick(*i).and_then(|i| edit::duplicate_session(doc, i).ok()),
        Op::Delete(i) => pick(*i).map(|i| Edit::RemoveSession {
            index: i,
            session: Box::new(doc.program.sessions[i].clone()),
            origin: doc.origins.sessions[i],
        }),
        Op::Add(i, h) => {
            let start = at(&format!("2017-12-05T{h:02}:00"));
            edit::new_session(doc, Some(start), Some("amphi".into()), pick(*i)).ok()
        }
        Op::Person(i, p, m) => pick(*i).and_then(|i| {
            let speakers = &doc.program.speakers;
            let id = speakers[p % speakers.len()].id.clone();
            let role = if *m { Role::Moderator } else { Role::Speaker };
            edit::toggle_person(doc, i, role, &id).ok()
        }),
        Op::Speaker(name) => edit::new_speaker(doc, name).ok(),
        Op::Entity(kind, i, e) => entity_edit(doc, *kind, *i, e),
        Op::NewRoom(name) => edit::new_room(doc, name, Some(40)).ok(),
        Op::NewTrack(name) => edit::new_track(doc, name).ok(),
        Op::Undo => {
            history.undo(doc);
            None
        }
        Op::Redo => {
            history.redo(doc);
            None
        }
        Op::Save => {
            save::save(doc, disk, false).unwrap();
            history.mark_saved();
            None
        }
    };
    if let Some(edit) = edit {
        history.perform(doc, edit);
    }
}

fn session_key(s: &agora::model::Session) -> String {
    // Everything but positions in the file.
    let mut s = s.clone();
    let zero = agora::source::Span::default();
    s.span = zero;
    s.id_span = zero;
    for r in s.speakers.iter_mut().chain(s.moderators.iter_mut()) {
        r.span = zero;
    }
    for r in [&mut s.track, &mut s.room].into_iter().flatten() {
        r.span = zero;
    }
    if let Some(v) = &mut s.start {
        v.span = zero;
    }
    if let Some(v) = &mut s.end {
        v.span = zero;
    }
    if let Some(v) = &mut s.duration {
        v.span = zero;
    }
    format!("{s:?}")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_save_and_reload_to_the_edited_program(ops in prop::collection::vec(op(), 1..24)) {
        let (_dir, path) = copy_event(SEED);
        let original = std::fs::read_to_string(&path).unwrap();
        let (mut doc, mut disk) = save::open(&path).unwrap();
        let mut history = History::new();
        for op in &ops {
            run_op(&mut doc, &mut history, &mut disk, op);
        }
        save::save(&mut doc, &mut disk, false).unwrap();
        let reloaded = load_path(&path).unwrap();
        let want: Vec<String> = doc.program.sessions.iter().map(session_key).collect();
        let got: Vec<String> = reloaded.sessions.iter().map(session_key).collect();
        prop_assert_eq!(want, got);
        let names = |p: &agora::model::Program| p.speakers.iter().map(|s| (s.id.clone(), s.name.clone())).collect::<Vec<_>>();
        prop_assert_eq!(names(&doc.program), names(&reloaded));
        // Comments the edits did not touch survive: the header and every section rule.
        let text = std::fs::read_to_string(&path).unwrap();
        for line in original.lines().filter(|l| l.starts_with("# ───") || l.starts_with("# Format:")) {
            prop_assert!(text.contains(line), "lost comment line {:?}", line);
        }
        // Undoing everything gives the original text back.
        while history.undo(&mut doc).is_some() {}
        save::save(&mut doc, &mut disk, false).unwrap();
        let back = load_path(&path).unwrap();
        let orig = agora::load::load_str(&path, &original).unwrap();
        // (A session deleted before a save and undone after it comes back at the end.)
        let mut a: Vec<String> = back.sessions.iter().map(session_key).collect();
        let mut b: Vec<String> = orig.sessions.iter().map(session_key).collect();
        a.sort();
        b.sort();
        prop_assert_eq!(a, b);
    }
}

fn program_dump(doc: &Document) -> String {
    let p = &doc.program;
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        p.event.span, p.sessions, p.rooms, p.speakers, p.tracks
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Issue 16 item 19: the fast path of a save (only the changed tables re-read: keys,
    /// sessions added, copied and deleted, rooms, speakers and tracks edited, renamed, added
    /// and deleted)
    /// writes the same bytes as patching and reloading the whole file, and leaves the program
    /// with the same positions as a reload, after any sequence of edits and saves.
    #[test]
    fn the_fast_save_writes_and_reloads_what_the_whole_file_save_does(
        ops in prop::collection::vec(prop_oneof![3 => key_op(), 3 => entity_op(), 1 => op()], 1..24),
        crlf in any::<bool>(),
    ) {
        let (_a, path_a) = copy_event(SEED);
        let (_b, path_b) = copy_event(SEED);
        if crlf {
            for p in [&path_a, &path_b] {
                let t = std::fs::read_to_string(p).unwrap().replace('\n', "\r\n");
                std::fs::write(p, t).unwrap();
            }
        }
        let (mut a, mut disk_a) = save::open(&path_a).unwrap();
        let (mut b, mut disk_b) = save::open(&path_b).unwrap();
        let (mut ha, mut hb) = (History::new(), History::new());
        for op in ops.iter().chain([&Op::Save]) {
            if let Op::Save = op {
                save::save(&mut a, &mut disk_a, false).unwrap();
                save::save_whole_files(&mut b, &mut disk_b, false).unwrap();
                ha.mark_saved();
                hb.mark_saved();
                let (ta, tb) = (std::fs::read(&path_a).unwrap(), std::fs::read(&path_b).unwrap());
                prop_assert!(ta == tb, "the two saves wrote different files");
                prop_assert_eq!(program_dump(&a), program_dump(&b));
                let text = String::from_utf8(ta).unwrap();
                prop_assert_eq!(&a.program.sources.files()[0].text, &text.replace("\u{feff}", ""));
                // The tables a save removed are kept alike: an undo after it writes them back.
                let mut ka: Vec<String> = a.removed.values().map(|r| format!("{r:?}")).collect();
                let mut kb: Vec<String> = b.removed.values().map(|r| format!("{r:?}")).collect();
                ka.sort();
                kb.sort();
                prop_assert_eq!(ka, kb);
            } else {
                run_op(&mut a, &mut ha, &mut disk_a, op);
                run_op(&mut b, &mut hb, &mut disk_b, op);
            }
        }
    }
}

/// The fast path is taken for a move, a retitle, a copy, a deletion next to `[event]` and
/// `[checks]` (kept as they were), and a rename of a room; not for items written as inline
/// tables.
#[test]
fn the_fast_save_is_taken_for_every_edit_but_inline_tables() {
    let (_dir, path) = copy_event(SEED);
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    assert!(!save::takes_fast_path(&doc), "nothing to save");
    let e = edit::move_by(&doc, 3, 30).unwrap();
    history.perform(&mut doc, e);
    let e = edit::set_fields(&doc, 7, vec![Field::Title("Deux\nlignes \"#".into())]).unwrap();
    history.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc));
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(
        load_path(&path).unwrap().sessions[7].title,
        "Deux\nlignes \"#"
    );
    let e = edit::duplicate_session(&doc, 0).unwrap();
    history.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "a copy");
    save::save(&mut doc, &mut disk, false).unwrap();
    let e = edit::delete(&doc, edit::Referenced::Track, 0, true).unwrap();
    history.perform(&mut doc, e);
    assert!(
        save::takes_fast_path(&doc),
        "the first track, right after [event] and [checks]"
    );
    let before = std::fs::read_to_string(&path).unwrap();
    save::save(&mut doc, &mut disk, false).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    let head = |t: &str| t[..t.find("[[tracks]]").unwrap()].to_string();
    assert_eq!(
        head(&after),
        head(&before),
        "[event] and [checks] as they were"
    );
    let mut room = doc.program.rooms[2].clone();
    room.id = "salle-neuve".into();
    let e = edit::change_room(&doc, 2, room).unwrap().unwrap();
    history.perform(&mut doc, e);
    let e = Edit::RemoveSession {
        index: 5,
        session: Box::new(doc.program.sessions[5].clone()),
        origin: doc.origins.sessions[5],
    };
    history.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "a rename and a deletion");
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(load_path(&path).unwrap().rooms[2].id, "salle-neuve");
    history.undo(&mut doc);
    assert!(save::takes_fast_path(&doc), "a deleted session put back");
    save::save(&mut doc, &mut disk, false).unwrap();
    let e = edit::move_by(&doc, 20, 15).unwrap();
    history.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "after a whole-file save");
    save::save(&mut doc, &mut disk, false).unwrap();
    let reloaded = load_path(&path).unwrap();
    assert_eq!(
        reloaded.sessions[20].start.as_ref().map(|s| s.value),
        doc.program.sessions[20].start.as_ref().map(|s| s.value)
    );
}

/// Issue 16 item 1: deleting, saving, undoing and saving again gives the file back byte for
/// byte: the comment above the item, a multi-line list, a `"""` string, the key order.
#[test]
fn undo_of_a_removal_after_a_save_gives_the_exact_text_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.toml");
    let original = r#"[event]
id = "t"
name = "Test"
timezone = "Europe/Paris"
start = 2024-05-14
end = 2024-05-15

# People.
[[speakers]]
name = "Ada"   # name first
id = "ada"

[[speakers]]
id = "alan"
name = "Alan"

[[sessions]]
id = "a"
title = "A"
start = 2024-05-14T09:00:00
duration = 30

# The workshop: keep this comment.
# Two lines of it.
[[sessions]]
title = 'Workshop'
id = "w"
start = 2024-05-14T10:00:00
duration = 90   # long
speakers = [
    "ada",   # lead
    "alan",
]
description = """
First line.
Second line."""

[[sessions]]
id = "b"
title = "B"
start = 2024-05-14T12:00:00
duration = 30
"#;
    std::fs::write(&path, original).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    for id in ["w", "a", "b"] {
        let i = index_of(&doc, id);
        let (session, origin) = (doc.program.sessions[i].clone(), doc.origins.sessions[i]);
        history.perform(
            &mut doc,
            Edit::RemoveSession {
                index: i,
                session: Box::new(session),
                origin,
            },
        );
    }
    let ada = doc
        .program
        .speakers
        .iter()
        .position(|s| s.id == "ada")
        .unwrap();
    let (speaker, origin) = (doc.program.speakers[ada].clone(), doc.origins.speakers[ada]);
    history.perform(
        &mut doc,
        Edit::RemoveSpeaker {
            index: ada,
            speaker: Box::new(speaker),
            origin,
        },
    );
    save::save(&mut doc, &mut disk, false).unwrap();
    let emptied = std::fs::read_to_string(&path).unwrap();
    assert!(
        !emptied.contains("Workshop") && !emptied.contains("Ada"),
        "{emptied}"
    );
    // Undo one at a time, saving in between: every state is written exactly.
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    while history.undo(&mut doc).is_some() {}
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    // An edit made to the restored session is patched into its old text.
    let w = index_of(&doc, "w");
    let e = edit::move_by(&doc, w, 15).unwrap();
    history.perform(&mut doc, e);
    let removal = Edit::RemoveSession {
        index: w,
        session: Box::new(doc.program.sessions[w].clone()),
        origin: doc.origins.sessions[w],
    };
    history.perform(&mut doc, removal);
    save::save(&mut doc, &mut disk, false).unwrap();
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(
        diff(original, &std::fs::read_to_string(&path).unwrap()),
        vec![
            "-start = 2024-05-14T10:00:00",
            "+start = 2024-05-14T10:15:00"
        ]
    );
}

/// The seed: every session deleted, saved, undone and saved again gives the file back.
#[test]
fn every_seed_session_comes_back_exactly_after_delete_save_undo_save() {
    let (_dir, path) = copy_event(SEED);
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    let ids: Vec<String> = doc.program.sessions.iter().map(|s| s.id.clone()).collect();
    for id in &ids {
        let i = index_of(&doc, id);
        let removal = Edit::RemoveSession {
            index: i,
            session: Box::new(doc.program.sessions[i].clone()),
            origin: doc.origins.sessions[i],
        };
        history.perform(&mut doc, removal);
        save::save(&mut doc, &mut disk, false).unwrap();
        history.undo(&mut doc);
        save::save(&mut doc, &mut disk, false).unwrap();
        let now = std::fs::read_to_string(&path).unwrap();
        assert!(
            now == original,
            "after deleting {id}: {:?}",
            diff(&original, &now)
        );
    }
}

fn history_with(doc: &mut Document, edit: Edit) -> History {
    let mut history = History::new();
    history.perform(doc, edit);
    history
}

/// Issue 16 item 16: renaming a room's id updates every session naming it, as one step; the
/// save is a diff of exactly those lines, and undo gives the file back.
#[test]
fn renaming_a_room_id_updates_every_reference_and_undoes_exactly() {
    let (_dir, path) = copy_event(SEED);
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let i = doc
        .program
        .rooms
        .iter()
        .position(|r| r.id == "salle-saone")
        .unwrap();
    let mut room = doc.program.rooms[i].clone();
    room.id = "saone".into();
    room.name = "Salle Saône (rénovée)".into();
    room.capacity = Some(110);
    room.features.push("sono".into());
    room.accessible = false;
    room.location = None;
    let e = edit::change_room(&doc, i, room).unwrap().unwrap();
    let mut history = history_with(&mut doc, e);
    assert!(doc
        .program
        .sessions
        .iter()
        .all(|s| s.room.as_ref().is_none_or(|r| r.value != "salle-saone")));
    save::save(&mut doc, &mut disk, false).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    let d = diff(&original, &saved);
    assert_eq!(
        d.iter().filter(|l| *l == "+room = \"saone\"").count(),
        4,
        "{d:?}"
    );
    assert!(d.contains(&"+id = \"saone\"".to_string()), "{d:?}");
    assert!(d.contains(&"+accessible = false".to_string()), "{d:?}");
    assert!(d.contains(&"-location = \"Niveau 1\"".to_string()), "{d:?}");
    let reloaded = load_path(&path).unwrap();
    assert!(agora::rules::check(&reloaded)
        .iter()
        .all(|d| d.code.as_str() != "unknown-ref"));
    assert_eq!(reloaded.rooms[i].capacity, Some(110));
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    // A taken or invalid id is refused with a message.
    let mut dup = doc.program.rooms[i].clone();
    dup.id = "amphi".into();
    assert!(edit::change_room(&doc, i, dup)
        .unwrap_err()
        .to_string()
        .contains("already has the id `amphi`"));
    let mut bad = doc.program.rooms[i].clone();
    bad.id = "Salle Saône".into();
    assert!(edit::change_room(&doc, i, bad)
        .unwrap_err()
        .to_string()
        .contains("e.g. `salle-saone`"));
}

/// Speakers: every field, a renamed id in speakers and moderators lists, and a deletion that
/// takes the person off their sessions in the same step.
#[test]
fn speakers_edit_rename_and_delete_with_their_sessions() {
    let (_dir, path) = copy_event(SEED);
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let i = doc
        .program
        .speakers
        .iter()
        .position(|s| s.id == "marie-lefevre")
        .unwrap();
    let mut s = doc.program.speakers[i].clone();
    s.id = "marie-l".into();
    s.email = Some("marie@example.org".into());
    s.url = Some("https://example.org/marie".into());
    s.bio = None;
    let e = edit::change_speaker(&doc, i, s).unwrap().unwrap();
    let mut history = history_with(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        !saved.contains("\"marie-lefevre\""),
        "every reference renamed"
    );
    assert_eq!(saved.matches("\"marie-l\"").count(), 7);
    assert!(saved.contains("email = \"marie@example.org\""));
    let reloaded = load_path(&path).unwrap();
    assert!(agora::rules::check(&reloaded)
        .iter()
        .all(|d| d.code.as_str() != "unknown-ref"));
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);

    // Delete with unassign: off every session, one undo brings all back.
    let e = edit::delete(&doc, edit::Referenced::Speaker, i, true).unwrap();
    assert!(
        e.describe(&doc.program)
            .contains("took it off 6 session(s)"),
        "{}",
        e.describe(&doc.program)
    );
    history.perform(&mut doc, e);
    assert!(edit::sessions_using(&doc, edit::Referenced::Speaker, "marie-lefevre").is_empty());
    save::save(&mut doc, &mut disk, false).unwrap();
    assert!(!std::fs::read_to_string(&path)
        .unwrap()
        .contains("marie-lefevre"));
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    let back = std::fs::read_to_string(&path).unwrap();
    assert!(back == original, "{:?}", diff(&original, &back));
    // Without unassign the sessions keep the reference, which the check reports.
    let e = edit::delete(&doc, edit::Referenced::Speaker, i, false).unwrap();
    history.perform(&mut doc, e);
    assert_eq!(
        edit::sessions_using(&doc, edit::Referenced::Speaker, "marie-lefevre").len(),
        6
    );
}

/// Tracks are editable too: name, colour, description, a renamed id, a new one, a deletion.
#[test]
fn tracks_edit_rename_add_and_delete() {
    let (_dir, path) = copy_event(SEED);
    let original = std::fs::read_to_string(&path).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let i = doc
        .program
        .tracks
        .iter()
        .position(|t| t.id == "donnees")
        .unwrap();
    let mut t = doc.program.tracks[i].clone();
    t.id = "data".into();
    t.color = Some("#112233".into());
    t.description = None;
    let e = edit::change_track(&doc, i, t).unwrap().unwrap();
    let mut history = history_with(&mut doc, e);
    let e = edit::new_track(&doc, "Sobriété numérique").unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert_eq!(saved.matches("track = \"data\"").count(), 4);
    assert!(saved.contains("color = \"#112233\""));
    assert!(saved.contains("id = \"sobriete-numerique\""), "{saved}");
    let reloaded = load_path(&path).unwrap();
    assert_eq!(reloaded.tracks.len(), 5);
    assert!(agora::rules::check(&reloaded)
        .iter()
        .all(|d| d.code.as_str() != "unknown-ref"));
    while history.undo(&mut doc).is_some() {}
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
    let e = edit::delete(&doc, edit::Referenced::Track, i, true).unwrap();
    history.perform(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(
        !saved.contains("\"donnees\""),
        "the track and its references are gone"
    );
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), original);
}

/// Every session field the format has can be set: tags, url, plenary, allow, language,
/// speakers and moderators.
#[test]
fn every_session_field_is_editable() {
    let (_dir, path) = copy_event(SEED);
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let i = index_of(&doc, "cocktail");
    let fields = vec![
        Field::Tags(vec!["soirée".into()]),
        Field::Url(Some("https://example.org/cocktail".into())),
        Field::Plenary(true),
        Field::Allow(vec![agora::codes::RuleCode::parse("room-closed").unwrap()]),
        Field::Language(Some("fr".into())),
        Field::Speakers(vec!["equipe-forum".into()]),
        Field::Moderators(vec!["marie-lefevre".into()]),
    ];
    let e = edit::set_fields(&doc, i, fields).unwrap();
    let mut history = history_with(&mut doc, e);
    save::save(&mut doc, &mut disk, false).unwrap();
    let s = load_path(&path).unwrap().sessions[i].clone();
    assert_eq!(s.tags, vec!["soirée"]);
    assert_eq!(s.url.as_deref(), Some("https://example.org/cocktail"));
    assert!(s.plenary);
    assert_eq!(s.allow[0].as_str(), "room-closed");
    assert_eq!(s.language.as_deref(), Some("fr"));
    assert_eq!(s.speakers[0].value, "equipe-forum");
    assert_eq!(s.moderators[0].value, "marie-lefevre");
    history.undo(&mut doc);
    save::save(&mut doc, &mut disk, false).unwrap();
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        std::fs::read_to_string(manifest(SEED)).unwrap()
    );
}

/// Found by the undo property test: every room deleted in two saves, then both undone and
/// saved: the rooms come back in the program's order (a table whose comments had moved to it
/// kept its old position and was written first).
#[test]
fn rooms_deleted_in_two_saves_come_back_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("commented.toml");
    std::fs::write(&path, include_str!("../data/commented.toml")).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    for _ in 0..2 {
        let e = Edit::RemoveRoom {
            index: 0,
            room: Box::new(doc.program.rooms[0].clone()),
            origin: doc.origins.rooms[0],
        };
        history.perform(&mut doc, e);
        save::save(&mut doc, &mut disk, false).unwrap();
        history.mark_saved();
    }
    while history.undo(&mut doc).is_some() {}
    save::save(&mut doc, &mut disk, false).unwrap();
    let ids: Vec<String> = load_path(&path)
        .unwrap()
        .rooms
        .iter()
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(ids, ["grande-salle", "petite-salle"]);
}

/// Issue 16 item 12: clearing a session's `start`, saving and undoing puts the key back in
/// its place (not at the end of the table): the file comes back byte for byte, on the fast
/// path of a save and on the whole-file one.
#[test]
fn clearing_start_save_undo_save_gives_the_file_back() {
    for whole in [false, true] {
        let (_dir, path) = copy_event(SEED);
        let original = std::fs::read_to_string(&path).unwrap();
        let (mut doc, mut disk) = save::open(&path).unwrap();
        let i = index_of(&doc, "ouverture");
        let e = edit::set_fields(&doc, i, vec![Field::Start(None)]).unwrap();
        let mut history = history_with(&mut doc, e);
        let mut save_it = |doc: &mut Document| {
            if whole {
                save::save_whole_files(doc, &mut disk, false).unwrap();
            } else {
                save::save(doc, &mut disk, false).unwrap();
            }
        };
        save_it(&mut doc);
        let cleared = std::fs::read_to_string(&path).unwrap();
        assert_ne!(cleared, original);
        history.undo(&mut doc);
        save_it(&mut doc);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            original,
            "whole: {whole}"
        );
    }
}

#[test]
fn a_partial_save_names_the_files_written_and_the_files_not_written() {
    let (dir, path) = copy_event("tests/data/split");
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut history = History::new();
    // event.toml (a room) is written before sessions/day1.toml (a title).
    let e = edit::new_room(&doc, "Salle 3", Some(40)).unwrap();
    history.perform(&mut doc, e);
    let engines = index_of(&doc, "engines");
    let e = edit::set_fields(&doc, engines, vec![Field::Title("Engines".into())]).unwrap();
    history.perform(&mut doc, e);
    // A second name for day1.toml (outside the event): the atomic writer refuses to replace a
    // hard-linked file, so the save stops there.
    let day1 = path.join("sessions/day1.toml");
    let before = std::fs::read_to_string(&day1).unwrap();
    std::fs::hard_link(&day1, dir.path().join("day1-link")).unwrap();
    let err = save::save(&mut doc, &mut disk, false).unwrap_err();
    let SaveError::Partial {
        written,
        failed,
        unwritten,
        ..
    } = &err
    else {
        panic!("expected a partial save, got {err:?}");
    };
    assert_eq!(written, &[path.join("event.toml")]);
    assert_eq!(failed, &day1);
    assert_eq!(unwritten, std::slice::from_ref(&day1));
    let said = err.to_string();
    assert!(said.starts_with("saved only in part: written "), "{said}");
    assert!(said.contains("NOT written "), "{said}");
    assert!(said.contains("day1.toml"), "{said}");
    assert!(std::fs::read_to_string(path.join("event.toml"))
        .unwrap()
        .contains("Salle 3"));
    assert_eq!(std::fs::read_to_string(&day1).unwrap(), before);
    // Once the link is gone, saving again writes the rest.
    std::fs::remove_file(dir.path().join("day1-link")).unwrap();
    let saved = save::save(&mut doc, &mut disk, false).unwrap();
    assert!(saved.written.contains(&day1), "{:?}", saved.written);
    assert!(std::fs::read_to_string(&day1)
        .unwrap()
        .contains("\"Engines\""));
    assert_eq!(load_path(&path).unwrap().rooms.len(), 3);
}
/// Every kind of edit, alone, saves through the fast path on the seed: adds of each kind of
/// item, a copy, deletions, an entity's field.
#[test]
fn every_kind_of_edit_takes_the_fast_path() {
    let (_d, path) = copy_event(SEED);
    let (mut doc, _disk) = save::open(&path).unwrap();
    let mut h = History::new();
    let e = edit::duplicate_session(&doc, 3).unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "dup");
    h.undo(&mut doc);
    let e = edit::new_speaker(&doc, "Ada Byron").unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "speaker");
    h.undo(&mut doc);
    let e = edit::new_room(&doc, "Ada Byron", None).unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "room");
    h.undo(&mut doc);
    let e = edit::new_track(&doc, "Ada").unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "track");
    h.undo(&mut doc);
    let e = Edit::RemoveSession {
        index: 5,
        session: Box::new(doc.program.sessions[5].clone()),
        origin: doc.origins.sessions[5],
    };
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "delete");
    h.undo(&mut doc);
    let mut r = doc.program.speakers[3].clone();
    r.name = "X".into();
    let e = edit::change_speaker(&doc, 3, r).unwrap().unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "speaker name");
    h.undo(&mut doc);
    let e = edit::delete(&doc, edit::Referenced::Speaker, 3, true).unwrap();
    h.perform(&mut doc, e);
    assert!(save::takes_fast_path(&doc), "speaker delete");
    h.undo(&mut doc);
}

/// Rooms written as an inline array of tables are patched in the whole file, and saved right.
#[test]
fn inline_tables_take_the_whole_file_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.toml");
    let text = r#"rooms = [ { id = "a", name = "A" }, { id = "b", name = "B" } ]

[event]
id = "t"
name = "Test"
timezone = "Europe/Paris"
start = 2024-05-14
end = 2024-05-15

[[sessions]]
id = "s"
title = "S"
room = "a"
start = 2024-05-14T09:00:00
duration = 30
"#;
    std::fs::write(&path, text).unwrap();
    let (mut doc, mut disk) = save::open(&path).unwrap();
    let mut room = doc.program.rooms[1].clone();
    room.name = "Bee".into();
    let e = edit::change_room(&doc, 1, room).unwrap().unwrap();
    History::new().perform(&mut doc, e);
    assert!(!save::takes_fast_path(&doc));
    save::save(&mut doc, &mut disk, false).unwrap();
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains(r#"{ id = "b", name = "Bee" }"#), "{after}");
    assert_eq!(load_path(&path).unwrap().rooms[1].name, "Bee");
}
