//! The fast path of a save: only the tables the edits touch are re-read and patched, not the
//! whole file — a move, a retitle, a speaker assigned, but also a session added, copied or
//! deleted, and any room, speaker or track edited, added or deleted (a rename updates the
//! sessions naming it: more tables, the same path).
//!
//! The file's items begin at the item headers the loader found (`[[sessions]]`, `[[rooms]]`,
//! `[[speakers]]`, `[[tracks]]`, and `[event]`). Each change needs a *run* of whole items around
//! it, from one item's header to another's (or the end of the file):
//! - a changed key, the item alone;
//! - a removed item, from the item before it to the one after it, header included: the comment
//!   lines above a table are its own and go with it, and a file or section comment above it moves
//!   to the next table;
//! - an item put back before a written one (an undo after a save), from the item before that one
//!   to that one;
//! - an item added at the end of its array, from the array's last written item to the next
//!   item, header included.
//!
//! Runs that overlap or touch are merged into one. Each run is parsed with `toml_edit` on its
//! own, its tables' positions numbered as in the whole file when an item's kept source depends
//! on them, and patched with the very code of a whole-file save ([`super::patch::apply`]) in the
//! same order; every byte outside the runs stays as it was. Before anything is written, each new
//! run is decoded by the loader and must give back exactly the items the editor holds there
//! (same keys and values, in the program's order), and nothing else.
//! After the write, the program takes the new text, the decoded items' positions, and every
//! other span in the file shifted by the runs' change in length — what a reload of the whole file
//! would give, without parsing it again. Tables removed are kept as written, as a whole-file save
//! keeps them, so an undo after the save writes them back exactly.
//!
//! A run may hold `[event]`, `[checks]` or `[placement]` (deleting the first item after them):
//! they must then read back exactly as the old text of the run gives them.
//!
//! Whenever any of this does not hold (an inline-table array, an item added where its array has
//! no written item, a room or speaker with `busy` calendars to read, a run that does not parse or
//! decode to those items), the plan is `None` and the save takes the whole-file path.

use toml_edit::{DocumentMut, Item, Table};

use super::entries::{self, changed, Entries};
use super::patch::{apply, array_changes, line_endings, stash, ArrayChanges, RemovedSource};
use crate::edit::{Baseline, Document, ItemKind, Origin, Origins};
use crate::model::{Program, Room, Session, Speaker, Track};
use crate::source::Span;

/// What the fast path writes to one file, and what the program takes from it once written.
pub(super) struct FilePlan {
    pub file: u32,
    pub text: String,
    /// Program index of each item in a run, and the item decoded from the new run (spans in
    /// the new text).
    sessions: Vec<(usize, Session)>,
    rooms: Vec<(usize, Room)>,
    speakers: Vec<(usize, Speaker)>,
    tracks: Vec<(usize, Track)>,
    /// `(end of a run in the old text, change in length of the text up to there)`, in order: a
    /// span starting at or after the end moves by the change.
    shifts: Vec<(u32, i64)>,
    /// The tables the save removes, as written, by item uid.
    removed: Vec<(u64, RemovedSource)>,
}

/// One kind of item, as the fast path handles it.
trait Kind: Sized {
    const KIND: ItemKind;
    /// The array's key in the file.
    const KEY: &'static str;
    fn items(program: &Program) -> &[Self];
    fn origins(origins: &Origins) -> &[Origin];
    fn baseline(baseline: &Baseline) -> &[Vec<Self>];
    fn entries(&self) -> Entries;
    /// A quick test that two items write the same (the entries are compared when not).
    fn same(a: &Self, b: &Self) -> bool;
    fn span(&self) -> Span;
    /// Every position in the file the item holds: an item an undo or redo put back after a save
    /// holds the positions it had before, and is read again to take the new ones.
    fn spans(&self, out: &mut Vec<Span>);
    /// Whether the loader would give more than the file holds (calendars read from disk).
    fn reads_more(&self) -> bool;
    fn decoded(items: &mut crate::load::Items) -> Vec<Self>;
    fn planned(plan: &mut FilePlan) -> &mut Vec<(usize, Self)>;
    fn items_mut(program: &mut Program) -> &mut Vec<Self>;
}

impl Kind for Session {
    const KIND: ItemKind = ItemKind::Session;
    const KEY: &'static str = "sessions";
    fn items(program: &Program) -> &[Self] {
        &program.sessions
    }
    fn origins(origins: &Origins) -> &[Origin] {
        &origins.sessions
    }
    fn baseline(baseline: &Baseline) -> &[Vec<Self>] {
        &baseline.sessions
    }
    fn entries(&self) -> Entries {
        entries::session(self)
    }
    fn same(a: &Self, b: &Self) -> bool {
        entries::same_session(a, b)
    }
    fn span(&self) -> Span {
        self.span
    }
    fn spans(&self, out: &mut Vec<Span>) {
        out.extend([self.span, self.id_span]);
        out.extend(self.track.iter().chain(&self.room).map(|r| r.span));
        out.extend(self.start.iter().chain(&self.end).map(|v| v.span));
        out.extend(self.duration.iter().map(|v| v.span));
        out.extend(self.speakers.iter().chain(&self.moderators).map(|r| r.span));
    }
    fn reads_more(&self) -> bool {
        false
    }
    fn decoded(items: &mut crate::load::Items) -> Vec<Self> {
        std::mem::take(&mut items.sessions)
    }
    fn planned(plan: &mut FilePlan) -> &mut Vec<(usize, Self)> {
        &mut plan.sessions
    }
    fn items_mut(program: &mut Program) -> &mut Vec<Self> {
        &mut program.sessions
    }
}

impl Kind for Room {
    const KIND: ItemKind = ItemKind::Room;
    const KEY: &'static str = "rooms";
    fn items(program: &Program) -> &[Self] {
        &program.rooms
    }
    fn origins(origins: &Origins) -> &[Origin] {
        &origins.rooms
    }
    fn baseline(baseline: &Baseline) -> &[Vec<Self>] {
        &baseline.rooms
    }
    fn entries(&self) -> Entries {
        entries::room(self)
    }
    fn same(a: &Self, b: &Self) -> bool {
        entries::same_room(a, b)
    }
    fn span(&self) -> Span {
        self.span
    }
    fn spans(&self, out: &mut Vec<Span>) {
        out.extend([self.span, self.id_span]);
        out.extend(self.open.iter().flatten().map(|w| w.span));
        out.extend(self.busy.iter().map(|c| c.path.span));
    }
    fn reads_more(&self) -> bool {
        !self.busy.is_empty()
    }
    fn decoded(items: &mut crate::load::Items) -> Vec<Self> {
        std::mem::take(&mut items.rooms)
    }
    fn planned(plan: &mut FilePlan) -> &mut Vec<(usize, Self)> {
        &mut plan.rooms
    }
    fn items_mut(program: &mut Program) -> &mut Vec<Self> {
        &mut program.rooms
    }
}

impl Kind for Speaker {
    const KIND: ItemKind = ItemKind::Speaker;
    const KEY: &'static str = "speakers";
    fn items(program: &Program) -> &[Self] {
        &program.speakers
    }
    fn origins(origins: &Origins) -> &[Origin] {
        &origins.speakers
    }
    fn baseline(baseline: &Baseline) -> &[Vec<Self>] {
        &baseline.speakers
    }
    fn entries(&self) -> Entries {
        entries::speaker(self)
    }
    fn same(a: &Self, b: &Self) -> bool {
        entries::same_speaker(a, b)
    }
    fn span(&self) -> Span {
        self.span
    }
    fn spans(&self, out: &mut Vec<Span>) {
        out.extend([self.span, self.id_span]);
        out.extend(self.available.iter().flatten().map(|w| w.span));
        out.extend(self.busy.iter().map(|c| c.path.span));
    }
    fn reads_more(&self) -> bool {
        !self.busy.is_empty()
    }
    fn decoded(items: &mut crate::load::Items) -> Vec<Self> {
        std::mem::take(&mut items.speakers)
    }
    fn planned(plan: &mut FilePlan) -> &mut Vec<(usize, Self)> {
        &mut plan.speakers
    }
    fn items_mut(program: &mut Program) -> &mut Vec<Self> {
        &mut program.speakers
    }
}

impl Kind for Track {
    const KIND: ItemKind = ItemKind::Track;
    const KEY: &'static str = "tracks";
    fn items(program: &Program) -> &[Self] {
        &program.tracks
    }
    fn origins(origins: &Origins) -> &[Origin] {
        &origins.tracks
    }
    fn baseline(baseline: &Baseline) -> &[Vec<Self>] {
        &baseline.tracks
    }
    fn entries(&self) -> Entries {
        entries::track(self)
    }
    fn same(a: &Self, b: &Self) -> bool {
        entries::same_track(a, b)
    }
    fn span(&self) -> Span {
        self.span
    }
    fn spans(&self, out: &mut Vec<Span>) {
        out.extend([self.span, self.id_span]);
    }
    fn reads_more(&self) -> bool {
        false
    }
    fn decoded(items: &mut crate::load::Items) -> Vec<Self> {
        std::mem::take(&mut items.tracks)
    }
    fn planned(plan: &mut FilePlan) -> &mut Vec<(usize, Self)> {
        &mut plan.tracks
    }
    fn items_mut(program: &mut Program) -> &mut Vec<Self> {
        &mut program.tracks
    }
}

/// An item of the program written to this file: its program index, and its position in the
/// file's array when it was written before (`None` for an item added since).
type Entry = (usize, Option<usize>);

/// What one kind of item needs in one file.
struct KindPlan {
    changes: ArrayChanges,
    /// The file's items of this kind in the program's order.
    items: Vec<Entry>,
    /// Header index (in the file's item headers) of each written item.
    heads: Vec<usize>,
    /// Where each added item goes: the header index of the written item it is put before, or
    /// (`false`) after which it is appended.
    anchors: Vec<(usize, bool)>,
}

fn kind_plan<T: Kind>(
    doc: &Document,
    f: u32,
    heads: &[(usize, Option<ItemKind>)],
    text: &str,
    ranges: &mut Vec<(usize, usize)>,
) -> Option<KindPlan> {
    let file = f as usize;
    let program = &doc.program;
    let base = &doc.baseline;
    let empty = Vec::new();
    let written = T::baseline(base).get(file).unwrap_or(&empty);
    let changes = array_changes(
        f,
        T::items(program),
        T::origins(&doc.origins),
        written,
        &base.written,
        &doc.removed,
        (T::entries, T::same),
    );
    let mut plan = KindPlan {
        changes,
        items: Vec::new(),
        heads: Vec::new(),
        anchors: Vec::new(),
    };
    // Written items in the file's order, each at a header of its own.
    let mut at = 0;
    for item in written {
        let start = item.span().start as usize;
        let h = heads[at..].iter().position(|(s, _)| *s == start)? + at;
        if heads[h].1 != Some(T::KIND) {
            return None;
        }
        plan.heads.push(h);
        at = h + 1;
    }
    let header = |h: usize| -> Option<()> {
        let start = heads.get(h)?.0;
        text.get(start..)?
            .strip_prefix("[[")?
            .strip_prefix(T::KEY)?
            .starts_with("]]")
            .then_some(())
    };
    let n = heads.len();
    for (b, _) in &plan.changes.patches {
        let h = *plan.heads.get(*b)?;
        header(h)?;
        ranges.push((h, h + 1));
    }
    for b in &plan.changes.removed {
        let h = *plan.heads.get(*b)?;
        header(h)?;
        ranges.push((h.saturating_sub(1), (h + 2).min(n)));
    }
    let (mut now, mut then) = (Vec::new(), Vec::new());
    for (i, origin) in T::origins(&doc.origins).iter().enumerate() {
        if origin.file != f {
            continue;
        }
        let at = base.written.get(&origin.uid).copied();
        plan.items.push((i, at));
        // An item holding positions of an older text is read again.
        if let (Some(b), Some(item)) = (at, T::items(program).get(i)) {
            now.clear();
            then.clear();
            item.spans(&mut now);
            written.get(b)?.spans(&mut then);
            if now != then {
                let h = *plan.heads.get(b)?;
                header(h)?;
                ranges.push((h, h + 1));
            }
        }
    }
    // The written items keep the file's order (the editor's indices rely on it).
    let kept: Vec<usize> = plan.items.iter().filter_map(|(_, w)| *w).collect();
    if kept.windows(2).any(|w| w[0] >= w[1]) {
        return None;
    }
    let mut next_kept = None;
    let mut anchors = Vec::new();
    for (_, w) in plan.items.iter().rev() {
        match w {
            Some(b) => next_kept = Some(*b),
            None => anchors.push(match next_kept {
                Some(b) => {
                    let h = *plan.heads.get(b)?;
                    header(h)?;
                    ranges.push((h.saturating_sub(1), h + 1));
                    (h, true)
                }
                None => {
                    let h = *plan.heads.get(*kept.last()?)?;
                    header(h)?;
                    ranges.push((h, (h + 2).min(n)));
                    (h, false)
                }
            }),
        }
    }
    anchors.reverse();
    plan.anchors = anchors;
    Some(plan)
}

/// A run of whole items: header indices `[lo, hi)` and the bytes they span.
#[derive(Clone, Copy)]
struct Run {
    lo: usize,
    hi: usize,
    start: usize,
    end: usize,
}

/// The new texts, when every changed file can take the fast path (and at least one changed).
pub(super) fn plan(doc: &Document) -> Option<Vec<FilePlan>> {
    let program = &doc.program;
    let mut plans = Vec::new();
    for (file, source) in program.sources.files().iter().enumerate() {
        let f = file as u32;
        let text = &source.text;
        let heads = headers(program, &doc.baseline, f);
        let mut ranges = Vec::new();
        // In the order a whole-file save patches them.
        let tracks = kind_plan::<Track>(doc, f, &heads, text, &mut ranges)?;
        let rooms = kind_plan::<Room>(doc, f, &heads, text, &mut ranges)?;
        let speakers = kind_plan::<Speaker>(doc, f, &heads, text, &mut ranges)?;
        let sessions = kind_plan::<Session>(doc, f, &heads, text, &mut ranges)?;
        let kinds = [tracks, rooms, speakers, sessions];
        if kinds.iter().all(|k| k.changes.is_empty()) {
            continue;
        }
        ranges.sort_unstable();
        let mut runs: Vec<Run> = Vec::new();
        for (lo, hi) in ranges {
            match runs.last_mut() {
                Some(last) if lo <= last.hi => last.hi = last.hi.max(hi),
                _ => runs.push(Run {
                    lo,
                    hi,
                    start: 0,
                    end: 0,
                }),
            }
        }
        for run in &mut runs {
            run.start = if run.lo == 0 { 0 } else { heads[run.lo].0 };
            run.end = heads.get(run.hi).map_or(text.len(), |h| h.0);
        }
        // Runs are sorted and apart: the one holding header `h`, if any.
        let run_of = |h: usize| {
            let k = runs.partition_point(|r| r.hi <= h);
            runs.get(k).is_some_and(|r| r.lo <= h).then_some(k)
        };
        let mut plan = FilePlan {
            file: f,
            text: String::with_capacity(text.len() + 512),
            sessions: Vec::new(),
            rooms: Vec::new(),
            speakers: Vec::new(),
            tracks: Vec::new(),
            shifts: Vec::new(),
            removed: Vec::new(),
        };
        // Per run, per kind: the run's own changes (indices in the run's arrays) and the
        // program items it must hold.
        let mut per_run: Vec<[(ArrayChanges, Vec<usize>); 4]> = runs
            .iter()
            .map(|_| std::array::from_fn(|_| (ArrayChanges::default(), Vec::new())))
            .collect();
        for (k, kind) in kinds.into_iter().enumerate() {
            let KindPlan {
                changes,
                items,
                heads: item_heads,
                anchors,
            } = kind;
            let before = |r: &Run| item_heads.partition_point(|h| *h < r.lo);
            for run in per_run.iter_mut() {
                run[k].0.order = changes.order.clone();
            }
            for (b, keys) in changes.patches {
                let r = run_of(*item_heads.get(b)?)?;
                let local = b - before(&runs[r]);
                per_run[r][k].0.patches.push((local, keys));
            }
            for b in changes.removed {
                let r = run_of(*item_heads.get(b)?)?;
                let local = b - before(&runs[r]);
                per_run[r][k].0.removed.push(local);
            }
            let mut added = changes.added.into_iter();
            let mut anchors = anchors.into_iter();
            for (i, w) in items {
                let r = match w {
                    Some(b) => run_of(*item_heads.get(b)?),
                    None => {
                        let (h, _) = anchors.next()?;
                        Some(run_of(h)?)
                    }
                };
                let Some(r) = r else {
                    continue;
                };
                let local = per_run[r][k].1.len();
                per_run[r][k].1.push(i);
                if w.is_none() {
                    let (_, entries, source) = added.next()?;
                    per_run[r][k].0.added.push((local, entries, source));
                }
            }
        }
        let mut copied = 0usize;
        let mut delta = 0i64;
        // The file's line endings, looked at once (not once per run).
        let crlf = text.contains("\r\n");
        for (run, changes) in runs.iter().zip(per_run) {
            let old = text.get(run.start..run.end)?;
            let mut toml: DocumentMut = old.parse().ok()?;
            let [tracks, rooms, speakers, sessions] = changes;
            let keeps = [&tracks, &rooms, &speakers, &sessions]
                .iter()
                .any(|(c, _)| !c.removed.is_empty() || c.added.iter().any(|a| a.2.is_some()));
            if keeps {
                // A kept table's position is compared with the file's: number them alike.
                shift_positions(toml.as_table_mut(), headers_before(text.get(..run.start)?));
            }
            let mut expected: [Vec<usize>; 4] = Default::default();
            for (k, (changes, items)) in [tracks, rooms, speakers, sessions].into_iter().enumerate()
            {
                let kind = k_kind(k);
                let key = key_of(kind);
                // Written items of this kind before the run.
                let before = heads[..run.lo]
                    .iter()
                    .filter(|(_, h)| *h == Some(kind))
                    .count();
                for &local in &changes.removed {
                    let b = before + local;
                    let uid = *doc.baseline.uids[kind as usize].get(file)?.get(b)?;
                    let entries = written_entries(doc, kind, file, b)?;
                    plan.removed
                        .push((uid, stash(&mut toml, key, local, entries)?));
                }
                apply(&mut toml, key, changes).ok()?;
                expected[k] = items;
            }
            let new = line_endings(crlf, toml.to_string());
            plan.text.push_str(text.get(copied..run.start)?);
            let at = plan.text.len();
            // The run must read back as the items the editor holds, and nothing else.
            let tz = program.event.timezone;
            let (mut items, others) = crate::load::decode_items(f, &new, at, tz)?;
            if !others.is_empty() {
                // `[event]`, `[checks]` or `[placement]` in the run: exactly as the file held
                // them (read from the old text as if it stood where the new one does).
                let (_, before) = crate::load::decode_items(f, old, at, tz)?;
                if before != others {
                    return None;
                }
            }
            let [tracks, rooms, speakers, sessions] = expected;
            check::<Track>(program, &mut items, tracks, &mut plan)?;
            check::<Room>(program, &mut items, rooms, &mut plan)?;
            check::<Speaker>(program, &mut items, speakers, &mut plan)?;
            check::<Session>(program, &mut items, sessions, &mut plan)?;
            plan.text.push_str(&new);
            copied = run.end;
            delta += new.len() as i64 - old.len() as i64;
            plan.shifts.push((run.end as u32, delta));
        }
        plan.text.push_str(text.get(copied..)?);
        plans.push(plan);
    }
    (!plans.is_empty()).then_some(plans)
}

/// The kind at index `k` of the order a save patches arrays in.
fn k_kind(k: usize) -> ItemKind {
    match k {
        0 => ItemKind::Track,
        1 => ItemKind::Room,
        2 => ItemKind::Speaker,
        _ => ItemKind::Session,
    }
}

fn key_of(kind: ItemKind) -> &'static str {
    match kind {
        ItemKind::Session => Session::KEY,
        ItemKind::Room => Room::KEY,
        ItemKind::Speaker => Speaker::KEY,
        ItemKind::Track => Track::KEY,
    }
}

fn written_entries(doc: &Document, kind: ItemKind, file: usize, b: usize) -> Option<Entries> {
    let base = &doc.baseline;
    Some(match kind {
        ItemKind::Session => entries::session(base.sessions.get(file)?.get(b)?),
        ItemKind::Room => entries::room(base.rooms.get(file)?.get(b)?),
        ItemKind::Speaker => entries::speaker(base.speakers.get(file)?.get(b)?),
        ItemKind::Track => entries::track(base.tracks.get(file)?.get(b)?),
    })
}

/// The run decoded holds, of kind `T`, exactly the program items `expected` (same values, same
/// order): they go into the plan.
fn check<T: Kind>(
    program: &Program,
    decoded: &mut crate::load::Items,
    expected: Vec<usize>,
    plan: &mut FilePlan,
) -> Option<()> {
    let got = T::decoded(decoded);
    if got.len() != expected.len() {
        return None;
    }
    let items = T::items(program);
    for (item, i) in got.into_iter().zip(expected) {
        let want = items.get(i)?;
        if want.reads_more() || item.reads_more() {
            return None;
        }
        if !changed(&item.entries(), &want.entries()).is_empty() {
            return None;
        }
        T::planned(plan).push((i, item));
    }
    Some(())
}

/// Where items of file `f` begin, sorted, with their kind (`None` for `[event]`): the headers a
/// run starts and ends at.
fn headers(program: &Program, base: &Baseline, f: u32) -> Vec<(usize, Option<ItemKind>)> {
    let file = f as usize;
    let mut out = Vec::new();
    if program.event.span.file == f {
        out.push((program.event.span.start as usize, None));
    }
    let mut add = |span: Span, kind: ItemKind| {
        if span.file == f {
            out.push((span.start as usize, Some(kind)));
        }
    };
    for s in base.sessions.get(file).into_iter().flatten() {
        add(s.span, ItemKind::Session);
    }
    for r in base.rooms.get(file).into_iter().flatten() {
        add(r.span, ItemKind::Room);
    }
    for s in base.speakers.get(file).into_iter().flatten() {
        add(s.span, ItemKind::Speaker);
    }
    for t in base.tracks.get(file).into_iter().flatten() {
        add(t.span, ItemKind::Track);
    }
    out.sort_unstable_by_key(|(start, _)| *start);
    out
}

/// The number of table headers (`[x]`, `[[x]]`) in `text`: `toml_edit` numbers a document's
/// tables in the order of their headers, so a run's tables are numbered as in the whole file
/// once shifted by the headers before it.
pub(super) fn headers_before(text: &str) -> isize {
    use toml_parser::lexer::TokenKind as K;
    let mut count = 0;
    let (mut line_start, mut in_header, mut in_value) = (true, false, false);
    let mut depth = 0usize;
    for token in toml_parser::Source::new(text).lex() {
        match token.kind() {
            K::Newline => {
                if depth == 0 {
                    (line_start, in_header, in_value) = (true, false, false);
                }
            }
            K::Whitespace | K::Comment => {}
            _ if in_header => {}
            K::LeftSquareBracket if line_start && !in_value => {
                count += 1;
                (line_start, in_header) = (false, true);
            }
            K::Equals if depth == 0 => {
                (line_start, in_value) = (false, true);
            }
            K::LeftSquareBracket | K::LeftCurlyBracket if in_value => depth += 1,
            K::RightSquareBracket | K::RightCurlyBracket if in_value => {
                depth = depth.saturating_sub(1);
            }
            _ => line_start = false,
        }
    }
    count
}

/// Add `by` to the position of every table under `table`.
fn shift_positions(table: &mut Table, by: isize) {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                if let Some(p) = t.position() {
                    t.set_position(Some(p + by));
                }
                shift_positions(t, by);
            }
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    if let Some(p) = t.position() {
                        t.set_position(Some(p + by));
                    }
                    shift_positions(t, by);
                }
            }
            _ => {}
        }
    }
}

/// The program after the plans were written: new texts, decoded items, shifted spans, the
/// removed tables kept; then the new baseline.
pub(super) fn commit(doc: &mut Document, plans: Vec<FilePlan>) {
    for mut plan in plans {
        let f = plan.file;
        let shifts = std::mem::take(&mut plan.shifts);
        let shift = |span: &mut Span| {
            if span.file != f {
                return;
            }
            let at = shifts.partition_point(|(end, _)| *end <= span.start);
            if at > 0 {
                let d = shifts[at - 1].1;
                span.start = (i64::from(span.start) + d) as u32;
                span.end = (i64::from(span.end) + d) as u32;
            }
        };
        shift_program(&mut doc.program, &shift);
        take::<Session>(&mut doc.program, &mut plan);
        take::<Room>(&mut doc.program, &mut plan);
        take::<Speaker>(&mut doc.program, &mut plan);
        take::<Track>(&mut doc.program, &mut plan);
        doc.removed.extend(std::mem::take(&mut plan.removed));
        doc.program.sources.set_text(f, plan.text);
    }
    doc.rebaseline();
}

fn take<T: Kind>(program: &mut Program, plan: &mut FilePlan) {
    let items = T::items_mut(program);
    for (i, item) in std::mem::take(T::planned(plan)) {
        if let Some(slot) = items.get_mut(i) {
            *slot = item;
        }
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// Every table's position, as `toml_edit` numbers it, is one more than the headers before it.
    #[test]
    fn headers_are_counted_as_toml_edit_numbers_tables() {
        let text = concat!(
            "# file\n[event]\nid = \"e\" # [not]\nlist = [\n  [1, 2],\n  [3],\n]\n",
            "t = { a = [1, { b = 2 }] }\ns = \"\"\"\n[fake]\n\"\"\"\n",
            "  [[sessions]]\nid = 'x'\n[sessions.sub]\nk = '[x]'\n\r\n",
            "[[sessions]] # c\nid = \"y\"\n[\"quoted . key\"]\n[a.b]\n",
        );
        let doc = toml_edit::Document::parse(text).unwrap();
        let mut tables = Vec::new();
        fn walk(t: &Table, out: &mut Vec<(usize, isize)>) {
            fn one(t: &Table, out: &mut Vec<(usize, isize)>) {
                if let (Some(span), Some(p)) = (t.span(), t.position()) {
                    out.push((span.start, p));
                }
            }
            for (_, item) in t.iter() {
                match item {
                    Item::Table(t) => {
                        one(t, out);
                        walk(t, out);
                    }
                    Item::ArrayOfTables(a) => {
                        for t in a.iter() {
                            one(t, out);
                            walk(t, out);
                        }
                    }
                    _ => {}
                }
            }
        }
        walk(doc.as_table(), &mut tables);
        assert_eq!(tables.len(), 6, "{tables:?}");
        for (start, position) in &tables {
            assert_eq!(headers_before(&text[..*start]) + 1, *position, "at {start}");
        }
        let positions = tables;
        assert_eq!(headers_before(text), positions.len() as isize);
    }
}
