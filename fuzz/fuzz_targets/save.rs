//! The save path on random edit sequences: a program loaded from a seed event text is edited
//! through the editing core (moves, resizes, rooms, any title or description text, kinds,
//! statuses, tags, times, new/duplicated/pasted/removed sessions, speakers and rooms added and
//! removed, people toggled, undo, redo, and saves in between), saved to text in memory
//! (`save::render`, as `save::save` does before writing) and reloaded. At every save:
//! - the saved texts load, and the reloaded program equals the edited model (every session,
//!   room and speaker field, positions in the file aside);
//! - every comment of the original text survives, unless it belongs to what an edit removed
//!   (a removed table's own comments, the comments of a key no longer written, comments inside
//!   a multi-line list whose elements changed).
//!
//! At the end, undoing back to the last save leaves nothing to write (the text stays byte for
//! byte what was saved, the seed itself when nothing was saved), redoing gives the edited
//! program again, and undoing everything gives the seed's program (as a set: a session
//! deleted before a save and restored after it comes back at the end of its file).
#![no_main]

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use agora::edit::{self, Document, Edit, Field, History, Role};
use agora::model::{DateTimeValue, Kind, Program, Room, Session, Speaker, Status};
use agora::save;
use agora::source::Span;
use arbitrary::Arbitrary;
use chrono::NaiveDateTime;
use libfuzzer_sys::fuzz_target;

const FORUM: &str = include_str!("../../events/forum-interconnectes-2017.toml");
const COMMENTED: &str = include_str!("../../tests/data/commented.toml");

/// Which seed text to edit.
#[derive(Debug, Arbitrary)]
enum Seed {
    Forum,
    Commented,
    /// The commented event with CRLF line endings.
    CommentedCrlf,
}

/// A day of the event and a time of day, as picked by the fuzzer.
#[derive(Debug, Arbitrary, Clone, Copy)]
struct At {
    day: u8,
    minute: u16,
}

/// One intention of an organiser, as the editor would turn it into an edit.
#[derive(Debug, Arbitrary)]
enum Op {
    Move {
        session: u8,
        fives: i8,
    },
    MoveDays {
        session: u8,
        days: i8,
    },
    Resize {
        session: u8,
        fives: i8,
    },
    Place {
        session: u8,
        at: At,
        room: u8,
    },
    Reassign {
        session: u8,
        room: u8,
    },
    Title {
        session: u8,
        text: String,
    },
    Description {
        session: u8,
        text: Option<String>,
    },
    Kind {
        session: u8,
        kind: u8,
    },
    Status {
        session: u8,
        status: u8,
    },
    Track {
        session: u8,
        track: u8,
    },
    Tags {
        session: u8,
        tags: Vec<String>,
    },
    Requires {
        session: u8,
        features: Vec<String>,
    },
    Language {
        session: u8,
        language: u8,
    },
    Url {
        session: u8,
        url: Option<String>,
    },
    Expected {
        session: u8,
        expected: Option<u32>,
    },
    Plenary {
        session: u8,
        on: bool,
    },
    /// The edit form's times: a start (or none) and a duration (or none), never `end`.
    Times {
        session: u8,
        start: Option<At>,
        minutes: Option<u16>,
    },
    Duplicate {
        session: u8,
    },
    Remove {
        session: u8,
    },
    New {
        near: u8,
        at: Option<At>,
        room: u8,
    },
    Paste {
        session: u8,
        at: Option<At>,
        room: u8,
        near: u8,
    },
    Person {
        session: u8,
        speaker: u8,
        moderator: bool,
    },
    NewSpeaker {
        name: String,
    },
    RemoveSpeaker {
        speaker: u8,
    },
    NewRoom {
        name: String,
        capacity: Option<u16>,
    },
    RemoveRoom {
        room: u8,
    },
    Undo,
    Redo,
    Save,
}

#[derive(Debug, Arbitrary)]
struct Input {
    seed: Seed,
    ops: Vec<Op>,
}

fn pick<T>(items: &[T], i: u8) -> Option<usize> {
    (!items.is_empty()).then(|| i as usize % items.len())
}

fn when(program: &Program, at: At) -> NaiveDateTime {
    let start = program.event.start;
    let days = (program.event.end - start).num_days().max(0) as u64 + 1;
    let day = start + chrono::Days::new(at.day as u64 % days);
    day.and_time(chrono::NaiveTime::MIN) + chrono::Duration::minutes((at.minute % (24 * 60)) as i64)
}

fn room_id(program: &Program, room: u8) -> Option<String> {
    // One choice past the rooms: no room.
    program
        .rooms
        .get(room as usize % (program.rooms.len() + 1))
        .map(|r| r.id.clone())
}

fn no_span() -> Span {
    Span::default()
}

/// The edit an op asks for, if it makes sense on this document (the editor refuses the rest).
fn edit_for(doc: &Document, op: &Op) -> Option<Edit> {
    let p = &doc.program;
    let s = |i: u8| pick(&p.sessions, i);
    match op {
        Op::Move { session, fives } => edit::move_by(doc, s(*session)?, *fives as i64 * 5).ok(),
        Op::MoveDays { session, days } => {
            edit::move_days(doc, s(*session)?, (*days % 4) as i64).ok()
        }
        Op::Resize { session, fives } => edit::resize_by(doc, s(*session)?, *fives as i64 * 5).ok(),
        Op::Place { session, at, room } => {
            edit::place(doc, s(*session)?, when(p, *at), room_id(p, *room)).ok()
        }
        Op::Reassign { session, room } => {
            let i = s(*session)?;
            Some(Edit::Reassign {
                session: i,
                from: p.sessions[i].room.as_ref().map(|r| r.value.clone()),
                to: room_id(p, *room),
            })
        }
        Op::Title { session, text } => {
            // The form trims the title and refuses an empty one.
            let title = text.trim();
            if title.is_empty() {
                return None;
            }
            edit::set_fields(doc, s(*session)?, vec![Field::Title(title.to_string())])
        }
        Op::Description { session, text } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Description(text.clone())])
        }
        Op::Kind { session, kind } => {
            let kind = Kind::parse(Kind::NAMES[*kind as usize % Kind::NAMES.len()])?;
            edit::set_fields(doc, s(*session)?, vec![Field::Kind(kind)])
        }
        Op::Status { session, status } => {
            let status = Status::parse(Status::NAMES[*status as usize % Status::NAMES.len()])?;
            edit::set_fields(doc, s(*session)?, vec![Field::Status(status)])
        }
        Op::Track { session, track } => {
            let track = p
                .tracks
                .get(*track as usize % (p.tracks.len() + 1))
                .map(|t| t.id.clone());
            edit::set_fields(doc, s(*session)?, vec![Field::Track(track)])
        }
        Op::Tags { session, tags } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Tags(tags.clone())])
        }
        Op::Requires { session, features } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Requires(features.clone())])
        }
        Op::Language { session, language } => {
            let language = [None, Some("fr"), Some("en-GB"), Some("de")][*language as usize % 4];
            edit::set_fields(
                doc,
                s(*session)?,
                vec![Field::Language(language.map(String::from))],
            )
        }
        Op::Url { session, url } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Url(url.clone())])
        }
        Op::Expected { session, expected } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Expected(*expected)])
        }
        Op::Plenary { session, on } => {
            edit::set_fields(doc, s(*session)?, vec![Field::Plenary(*on)])
        }
        Op::Times {
            session,
            start,
            minutes,
        } => {
            let start = start.map(|at| DateTimeValue::Local(when(p, at)));
            let minutes = minutes.map(|m| (m % 600) as i64 + 1);
            if start.is_some() && minutes.is_none() {
                return None; // the form asks for a duration
            }
            edit::set_fields(
                doc,
                s(*session)?,
                vec![
                    Field::Start(start),
                    Field::Duration(minutes),
                    Field::End(None),
                ],
            )
        }
        Op::Duplicate { session } => edit::duplicate_session(doc, s(*session)?).ok(),
        Op::Remove { session } => {
            let i = s(*session)?;
            Some(Edit::RemoveSession {
                index: i,
                session: Box::new(p.sessions[i].clone()),
                origin: doc.origins.sessions[i],
            })
        }
        Op::New { near, at, room } => {
            edit::new_session(doc, at.map(|at| when(p, at)), room_id(p, *room), s(*near)).ok()
        }
        Op::Paste {
            session,
            at,
            room,
            near,
        } => {
            let copied = p.sessions.get(s(*session)?)?.clone();
            let at = at.map(|at| (when(p, at), room_id(p, *room)));
            edit::paste(doc, &copied, at, s(*near)).ok()
        }
        Op::Person {
            session,
            speaker,
            moderator,
        } => {
            let speaker = &p.speakers.get(pick(&p.speakers, *speaker)?)?.id;
            let role = if *moderator {
                Role::Moderator
            } else {
                Role::Speaker
            };
            edit::toggle_person(doc, s(*session)?, role, speaker).ok()
        }
        Op::NewSpeaker { name } => edit::new_speaker(doc, name).ok(),
        Op::RemoveSpeaker { speaker } => {
            let i = pick(&p.speakers, *speaker)?;
            Some(Edit::RemoveSpeaker {
                index: i,
                speaker: Box::new(p.speakers[i].clone()),
                origin: doc.origins.speakers[i],
            })
        }
        Op::NewRoom { name, capacity } => edit::new_room(doc, name, capacity.map(u32::from)).ok(),
        Op::RemoveRoom { room } => {
            let i = pick(&p.rooms, *room)?;
            Some(Edit::RemoveRoom {
                index: i,
                room: Box::new(p.rooms[i].clone()),
                origin: doc.origins.rooms[i],
            })
        }
        Op::Undo | Op::Redo | Op::Save => None,
    }
}

// ── Comparing programs, positions aside ──

fn session_key(s: &Session) -> String {
    let mut s = s.clone();
    s.span = no_span();
    s.id_span = no_span();
    for r in s.speakers.iter_mut().chain(s.moderators.iter_mut()) {
        r.span = no_span();
    }
    for r in [&mut s.track, &mut s.room].into_iter().flatten() {
        r.span = no_span();
    }
    for v in [&mut s.start, &mut s.end].into_iter().flatten() {
        v.span = no_span();
    }
    if let Some(v) = &mut s.duration {
        v.span = no_span();
    }
    format!("{s:?}")
}

fn room_key(r: &Room) -> String {
    let mut r = r.clone();
    r.span = no_span();
    r.id_span = no_span();
    for w in r.open.iter_mut().flatten() {
        w.span = no_span();
    }
    format!("{r:?}")
}

fn speaker_key(s: &Speaker) -> String {
    let mut s = s.clone();
    s.span = no_span();
    s.id_span = no_span();
    for w in s.available.iter_mut().flatten() {
        w.span = no_span();
    }
    format!("{s:?}")
}

/// Every session, room and speaker, positions aside.
fn keys(p: &Program) -> (Vec<String>, Vec<String>, Vec<String>) {
    (
        p.sessions.iter().map(session_key).collect(),
        p.rooms.iter().map(room_key).collect(),
        p.speakers.iter().map(speaker_key).collect(),
    )
}

fn assert_same_program(edited: &Program, reloaded: &Program, texts: &[(PathBuf, String)]) {
    let (a, b) = (keys(edited), keys(reloaded));
    for (i, (x, y)) in a.0.iter().zip(&b.0).enumerate() {
        assert_eq!(
            x, y,
            "session {i} differs after a reload of:\n{}",
            texts[0].1
        );
    }
    assert_eq!(
        a, b,
        "the reloaded program differs from the edited one:\n{}",
        texts[0].1
    );
    let tracks = |p: &Program| {
        p.tracks
            .iter()
            .map(|t| (t.id.clone(), t.name.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(tracks(edited), tracks(reloaded));
    assert_eq!(edited.event.id, reloaded.event.id);
    assert_eq!(edited.event.name, reloaded.event.name);
}

// ── Where each comment of the original text belongs ──

/// The array and position of a table: ("sessions", 3).
type TableRef = (String, usize);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Owner {
    /// A file or section comment: it must always survive.
    File,
    /// A table's own comment (just above its header, or after it on the header line).
    Table(TableRef),
    /// A key's comment: above the key, or after its value on the same line.
    Key(TableRef, String),
    /// A comment inside a multi-line value (a list written one element per line).
    Value(TableRef, String),
}

#[derive(Debug)]
struct Comment {
    text: String,
    owner: Owner,
}

/// Where a comment starts on a line (outside strings), how `[`/`]` nesting changes, and
/// whether a multi-line string stays open after the line (`Some(delimiter)`).
fn scan(line: &str, mut open: Option<&'static str>) -> (Option<usize>, i32, Option<&'static str>) {
    let bytes = line.as_bytes();
    let mut depth = 0;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(delimiter) = open {
            if bytes[i..].starts_with(delimiter.as_bytes()) {
                open = None;
                i += 3;
                // A closing delimiter may be followed by up to two more quotes.
                continue;
            }
            if delimiter == "\"\"\"" && bytes[i] == b'\\' {
                i += 2;
                continue;
            }
            i += 1;
            continue;
        }
        match bytes[i] {
            b'#' => return (Some(i), depth, None),
            b'[' => depth += 1,
            b']' => depth -= 1,
            b'"' | b'\'' => {
                let quote = bytes[i];
                let triple = if quote == b'"' { "\"\"\"" } else { "'''" };
                if bytes[i..].starts_with(triple.as_bytes()) {
                    open = Some(triple);
                    i += 3;
                    continue;
                }
                i += 1;
                while i < bytes.len() && bytes[i] != quote {
                    if quote == b'"' && bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            _ => {}
        }
        i += 1;
    }
    (None, depth, open)
}

/// Every comment of a TOML text (as the seeds are written: standard tables, keys at the start
/// of a line) and what it belongs to, the way `toml_edit` attaches decor.
fn comments(text: &str) -> Vec<Comment> {
    let mut out = Vec::new();
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut table: Option<TableRef> = None;
    let mut key: Option<String> = None;
    let mut depth = 0;
    let mut open: Option<&'static str> = None;
    // Full-line comments waiting for the next key or header; `None` marks a blank line.
    let mut pending: Vec<Option<String>> = Vec::new();
    let here = |table: &Option<TableRef>| table.clone().unwrap_or_else(|| (String::new(), 0));
    for raw in text.lines() {
        let line = raw.trim_end_matches('\r');
        let trimmed = line.trim_start();
        if open.is_some() || depth > 0 {
            // Inside a multi-line value of `key`.
            let (c, d, o) = scan(line, open);
            if let (Some(c), Some(k)) = (c, &key) {
                out.push(Comment {
                    text: line[c..].to_string(),
                    owner: Owner::Value(here(&table), k.clone()),
                });
            }
            depth += d;
            open = o;
            continue;
        }
        if trimmed.is_empty() {
            pending.push(None);
            continue;
        }
        if trimmed.starts_with('#') {
            pending.push(Some(line.to_string()));
            continue;
        }
        if trimmed.starts_with('[') {
            let name = trimmed.trim_start_matches('[');
            let name = name[..name.find(']').unwrap_or(name.len())]
                .trim()
                .to_string();
            let n = counts.entry(name.clone()).or_default();
            let this = (name, *n);
            *n += 1;
            let last_blank = pending.iter().rposition(Option::is_none);
            for (i, c) in pending.drain(..).enumerate() {
                if let Some(c) = c {
                    let owner = if last_blank.is_some_and(|b| i < b) {
                        Owner::File
                    } else {
                        Owner::Table(this.clone())
                    };
                    out.push(Comment { text: c, owner });
                }
            }
            let (c, _, _) = scan(line, None);
            if let Some(c) = c {
                out.push(Comment {
                    text: line[c..].to_string(),
                    owner: Owner::Table(this.clone()),
                });
            }
            table = Some(this);
            key = None;
            continue;
        }
        // A key line.
        let k = trimmed[..trimmed.find('=').unwrap_or(trimmed.len())]
            .trim()
            .to_string();
        for c in pending.drain(..).flatten() {
            out.push(Comment {
                text: c,
                owner: Owner::Key(here(&table), k.clone()),
            });
        }
        let (c, d, o) = scan(line, None);
        if let Some(c) = c {
            out.push(Comment {
                text: line[c..].to_string(),
                owner: Owner::Key(here(&table), k.clone()),
            });
        }
        depth = d;
        open = o;
        key = Some(k);
    }
    for c in pending.into_iter().flatten() {
        out.push(Comment {
            text: c,
            owner: Owner::File,
        });
    }
    out
}

/// The keys a session is written with and their values (`None`: not written), as the saver
/// decides (see src/save/entries.rs).
fn written_keys(s: &Session) -> Vec<(&'static str, Option<String>)> {
    let list = |l: &[String]| (!l.is_empty()).then(|| format!("{l:?}"));
    let refs = |l: &[agora::model::Spanned<String>]| {
        list(&l.iter().map(|r| r.value.clone()).collect::<Vec<_>>())
    };
    vec![
        ("title", Some(s.title.clone())),
        ("kind", Some(s.kind.as_str().to_string())),
        ("track", s.track.as_ref().map(|r| r.value.clone())),
        ("room", s.room.as_ref().map(|r| r.value.clone())),
        ("start", s.start.as_ref().map(|v| format!("{:?}", v.value))),
        ("duration", s.duration.as_ref().map(|v| v.value.to_string())),
        ("end", s.end.as_ref().map(|v| format!("{:?}", v.value))),
        ("speakers", refs(&s.speakers)),
        ("moderators", refs(&s.moderators)),
        ("expected", s.expected.map(|n| n.to_string())),
        ("requires", list(&s.requires)),
        ("plenary", s.plenary.then(|| "true".to_string())),
        ("language", s.language.clone()),
        ("tags", list(&s.tags)),
        ("description", s.description.clone()),
        ("url", s.url.clone()),
        (
            "status",
            (s.status != Status::Confirmed).then(|| s.status.as_str().to_string()),
        ),
        (
            "allow",
            list(
                &s.allow
                    .iter()
                    .map(|c| c.as_str().to_string())
                    .collect::<Vec<_>>(),
            ),
        ),
    ]
}

/// What the saves so far did to the original tables: which were removed, which keys were
/// removed or rewritten.
struct Touched {
    /// Original tables: uid → (array, position in the original text).
    tables: HashMap<u64, TableRef>,
    /// Each original session as last saved, to compare the next save with.
    saved: HashMap<u64, Session>,
    removed: HashSet<TableRef>,
    removed_keys: HashSet<(TableRef, String)>,
    changed_keys: HashSet<(TableRef, String)>,
}

impl Touched {
    fn new(doc: &Document) -> Touched {
        let mut tables = HashMap::new();
        let mut saved = HashMap::new();
        for (i, o) in doc.origins.sessions.iter().enumerate() {
            tables.insert(o.uid, ("sessions".to_string(), i));
            saved.insert(o.uid, doc.program.sessions[i].clone());
        }
        for (i, o) in doc.origins.rooms.iter().enumerate() {
            tables.insert(o.uid, ("rooms".to_string(), i));
        }
        for (i, o) in doc.origins.speakers.iter().enumerate() {
            tables.insert(o.uid, ("speakers".to_string(), i));
        }
        Touched {
            tables,
            saved,
            removed: HashSet::new(),
            removed_keys: HashSet::new(),
            changed_keys: HashSet::new(),
        }
    }

    /// Record what saving `doc` now does to the original tables.
    fn save(&mut self, doc: &Document) {
        let origins = &doc.origins;
        let present: HashSet<u64> = origins
            .sessions
            .iter()
            .chain(&origins.rooms)
            .chain(&origins.speakers)
            .map(|o| o.uid)
            .collect();
        for (uid, table) in &self.tables {
            if !present.contains(uid) {
                self.removed.insert(table.clone());
            }
        }
        for (i, o) in origins.sessions.iter().enumerate() {
            let (Some(table), Some(before)) = (self.tables.get(&o.uid), self.saved.get(&o.uid))
            else {
                continue;
            };
            let now = &doc.program.sessions[i];
            for ((k, a), (_, b)) in written_keys(before).into_iter().zip(written_keys(now)) {
                if a != b {
                    self.changed_keys.insert((table.clone(), k.to_string()));
                    if b.is_none() {
                        self.removed_keys.insert((table.clone(), k.to_string()));
                    }
                }
            }
            self.saved.insert(o.uid, now.clone());
        }
    }

    fn may_lose(&self, owner: &Owner) -> bool {
        match owner {
            Owner::File => false,
            Owner::Table(t) => self.removed.contains(t),
            Owner::Key(t, k) => {
                self.removed.contains(t) || self.removed_keys.contains(&(t.clone(), k.clone()))
            }
            Owner::Value(t, k) => {
                self.removed.contains(t) || self.changed_keys.contains(&(t.clone(), k.clone()))
            }
        }
    }
}

/// Save `doc` in memory, check the result, and reload the document from the saved text.
fn save_and_check(doc: &mut Document, touched: &mut Touched, comments: &[Comment]) -> String {
    let rendered = save::render(doc).unwrap_or_else(|e| panic!("render failed: {e}"));
    let texts = save::texts_after(doc, &rendered);
    let root = doc.program.sources.files()[0].path.clone();
    let reloaded = match agora::load::load_texts(&root, &texts) {
        Ok(p) => p,
        Err(failure) => panic!(
            "the saved text does not load: {:?}\n{}",
            failure
                .errors
                .iter()
                .map(|e| &e.message)
                .collect::<Vec<_>>(),
            texts[0].1
        ),
    };
    assert_same_program(&doc.program, &reloaded, &texts);
    touched.save(doc);
    let text = texts[0].1.clone();
    // Count each kept comment: the saved text has at least as many of it.
    let mut wanted: HashMap<&str, usize> = HashMap::new();
    for c in comments.iter().filter(|c| !touched.may_lose(&c.owner)) {
        *wanted.entry(c.text.as_str()).or_default() += 1;
    }
    for (comment, n) in wanted {
        let found = text.matches(comment).count();
        assert!(
            found >= n,
            "lost comment {comment:?} ({found} of {n}) in:\n{text}"
        );
    }
    let origins = std::mem::take(&mut doc.origins);
    *doc = Document::with_origins(reloaded, origins);
    text
}

fuzz_target!(|input: Input| {
    let text = match input.seed {
        Seed::Forum => FORUM.to_string(),
        Seed::Commented => COMMENTED.to_string(),
        Seed::CommentedCrlf => COMMENTED.replace('\n', "\r\n"),
    };
    let path = Path::new("event.toml");
    let program = agora::load::load_str(path, &text).expect("the seed loads");
    let mut doc = Document::new(program);
    let mut history = History::new();
    let comments = comments(&text);
    let mut touched = Touched::new(&doc);
    for op in input.ops.iter().take(64) {
        match op {
            Op::Undo => {
                history.undo(&mut doc);
            }
            Op::Redo => {
                history.redo(&mut doc);
            }
            Op::Save => {
                save_and_check(&mut doc, &mut touched, &comments);
                history.mark_saved();
            }
            op => {
                if let Some(edit) = edit_for(&doc, op) {
                    history.perform(&mut doc, edit);
                }
            }
        }
    }
    // Undo back to the last save (or the load): nothing to write, the text stays byte for
    // byte what was saved. Redo: the edited program again.
    let edited = keys(&doc.program);
    let mut undone = 0;
    while history.is_dirty() && history.undo(&mut doc).is_some() {
        undone += 1;
    }
    if !history.is_dirty() {
        let rendered = save::render(&doc).unwrap_or_else(|e| panic!("render failed: {e}"));
        assert!(
            rendered.is_empty(),
            "undoing to the saved state still changes the text:\n{}",
            rendered[0].1
        );
    }
    for _ in 0..undone {
        history.redo(&mut doc).expect("an edit to redo");
    }
    assert_eq!(
        edited,
        keys(&doc.program),
        "redo does not restore the edited program"
    );
    save_and_check(&mut doc, &mut touched, &comments);
    // Undo everything, across saves: the original program (a session deleted before a save
    // and restored after it comes back at the end of its file, so compare as sets).
    while history.undo(&mut doc).is_some() {}
    let original = agora::load::load_str(path, &text).expect("the seed loads");
    let sorted = |p: &Program| {
        let (mut a, mut b, mut c) = keys(p);
        a.sort();
        b.sort();
        c.sort();
        (a, b, c)
    };
    assert_eq!(sorted(&original), sorted(&doc.program));
    let mut fresh = Touched::new(&doc);
    save_and_check(&mut doc, &mut fresh, &[]);
});
