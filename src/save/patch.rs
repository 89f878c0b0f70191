//! The new text of each changed file: the text as loaded, parsed with `toml_edit`, with only the
//! changed keys, removed tables and appended tables patched in. Comments, blank lines, key
//! order and formatting elsewhere stay as written.

use std::collections::HashMap;
use std::path::PathBuf;

use toml_edit::{Array, ArrayOfTables, DocumentMut, InlineTable, Item, Table, TableLike, Value};

use super::entries::{self, changed, Entries};
use crate::edit::{Document, Edit, ItemKind, Origin};
use crate::model::Program;
use crate::source::Span;

/// Why the new text of a file could not be made (a file that no longer reads as loaded).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RenderError {
    /// The text the file had when loaded does not parse with `toml_edit`.
    #[error("cannot re-read `{}` to save it: {reason}", path.display())]
    Reread { path: PathBuf, reason: String },
    /// An item to patch or remove is not in the parsed file.
    #[error("{}: {source}", path.display())]
    Patch { path: PathBuf, source: PatchError },
}

/// An item of an array that is not where the loader found it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatchError {
    /// The array holds fewer items than loaded.
    #[error("item {} of `{key}` is not where it was", index + 1)]
    Moved { key: String, index: usize },
    /// The array itself is missing.
    #[error("no `{key}` array where one was loaded")]
    NoArray { key: String },
}

/// A table removed by a save, as it was written, to put back by an undo after the save.
#[derive(Debug, Clone)]
pub struct RemovedSource {
    /// The table (its own comment lines above it included, not the file's or section's).
    table: Stashed,
    /// The item's keys and values as the table held them.
    entries: Entries,
    /// Whether a file or section comment stood above it (it moved to the next table, and
    /// comes back with it).
    had_detached: bool,
}

#[derive(Debug, Clone)]
enum Stashed {
    Standard(Table),
    Inline(Value),
}

/// Keys to set to a value, or to remove when `None`.
pub(super) type KeyChanges = Vec<(&'static str, Option<Value>)>;

/// What changes in one array (`sessions`, `rooms`, `speakers`) of one file.
#[derive(Default)]
pub(super) struct ArrayChanges {
    /// Position in the file's array, and the keys to set (or remove, when `None`).
    pub(super) patches: Vec<(usize, KeyChanges)>,
    /// Positions removed.
    pub(super) removed: Vec<usize>,
    /// New tables, in program order, with their index in the file's array once saved: a
    /// session restored by an undo after a save goes back between its neighbours, so the file
    /// keeps the program's order (which the editor's indices rely on). An item a save removed
    /// comes back with the text it had.
    pub(super) added: Vec<(usize, Entries, Option<RemovedSource>)>,
    /// The format's key order for this kind of item.
    pub(super) order: Vec<&'static str>,
}

impl ArrayChanges {
    pub(super) fn is_empty(&self) -> bool {
        self.patches.is_empty() && self.removed.is_empty() && self.added.is_empty()
    }
}

/// How items of one kind are compared: their entries, and a quick test that two are the same
/// (`|_, _| false` when there is none: the entries are compared).
pub(super) type Compare<T> = (fn(&T) -> Entries, fn(&T, &T) -> bool);

pub(super) fn array_changes<T>(
    file: u32,
    items: &[T],
    origins: &[Origin],
    baseline: &[T],
    written: &HashMap<u64, usize>,
    removed: &HashMap<u64, RemovedSource>,
    (entries, same): Compare<T>,
) -> ArrayChanges {
    let mut out = ArrayChanges::default();
    if let Some(first) = items.first().or(baseline.first()) {
        out.order = entries(first).iter().map(|(k, _)| *k).collect();
    }
    let mut kept = vec![false; baseline.len()];
    let mut at = 0;
    for (item, origin) in items.iter().zip(origins) {
        if origin.file != file {
            continue;
        }
        at += 1;
        match written.get(&origin.uid) {
            Some(&index) => {
                let Some(before) = baseline.get(index) else {
                    continue;
                };
                kept[index] = true;
                if same(before, item) {
                    continue;
                }
                let (a, b) = (entries(before), entries(item));
                let keys: KeyChanges = changed(&a, &b)
                    .into_iter()
                    .map(|(k, v)| (k, v.cloned()))
                    .collect();
                if !keys.is_empty() {
                    out.patches.push((index, keys));
                }
            }
            None => out
                .added
                .push((at - 1, entries(item), removed.get(&origin.uid).cloned())),
        }
    }
    out.removed = kept
        .iter()
        .enumerate()
        .filter(|(_, k)| !**k)
        .map(|(i, _)| i)
        .collect();
    out
}

/// The array of tables (or inline array of tables) under `key`.
enum Tables<'d> {
    Standard(&'d mut ArrayOfTables),
    Inline(&'d mut Array),
}

fn tables<'d>(doc: &'d mut DocumentMut, key: &str) -> Option<Tables<'d>> {
    match doc.get_mut(key)? {
        Item::ArrayOfTables(a) => Some(Tables::Standard(a)),
        Item::Value(Value::Array(a)) => Some(Tables::Inline(a)),
        _ => None,
    }
}

impl Tables<'_> {
    fn get_mut(&mut self, index: usize) -> Option<&mut dyn TableLike> {
        match self {
            Tables::Standard(a) => a.get_mut(index).map(|t| t as &mut dyn TableLike),
            Tables::Inline(a) => a
                .get_mut(index)
                .and_then(Value::as_inline_table_mut)
                .map(|t| t as &mut dyn TableLike),
        }
    }

    fn remove(&mut self, index: usize) {
        match self {
            Tables::Standard(a) => {
                if index < a.len() {
                    a.remove(index);
                }
            }
            Tables::Inline(a) => {
                if index < a.len() {
                    a.remove(index);
                }
            }
        }
    }
}

/// The comment paragraphs of a table's prefix that are separated from its header by a blank
/// line: they belong to the file or to a section, not to the table.
fn detached_comments(prefix: &str) -> String {
    let lines: Vec<&str> = prefix.split_inclusive('\n').collect();
    let Some(last_blank) = lines.iter().rposition(|l| l.trim().is_empty()) else {
        return String::new();
    };
    let kept: String = lines[..=last_blank].concat();
    if kept.contains('#') {
        kept
    } else {
        String::new()
    }
}

/// Positions of all standard tables in the document, to find the one after a removed table.
fn table_positions(table: &Table, out: &mut Vec<isize>) {
    for (_, item) in table.iter() {
        match item {
            Item::Table(t) => {
                out.extend(t.position());
                table_positions(t, out);
            }
            Item::ArrayOfTables(a) => {
                for t in a.iter() {
                    out.extend(t.position());
                    table_positions(t, out);
                }
            }
            _ => {}
        }
    }
}

fn table_at(table: &mut Table, position: isize) -> Option<&mut Table> {
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(t) => {
                if t.position() == Some(position) {
                    return Some(t);
                }
                if let Some(found) = table_at(t, position) {
                    return Some(found);
                }
            }
            Item::ArrayOfTables(a) => {
                for t in a.iter_mut() {
                    if t.position() == Some(position) {
                        return Some(t);
                    }
                    if let Some(found) = table_at(t, position) {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

/// Remove the `index`-th table of `key`. Its own comment lines (just above its header) go with
/// it; a file or section comment separated by a blank line moves to the next table.
fn remove_table(doc: &mut DocumentMut, key: &str, index: usize) {
    let Some(mut tables) = tables(doc, key) else {
        return;
    };
    let detached = match &mut tables {
        Tables::Standard(a) => a.get(index).map(|t| {
            let prefix = t
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or_default();
            (detached_comments(prefix), t.position())
        }),
        Tables::Inline(_) => None,
    };
    tables.remove(index);
    let Some((kept, Some(position))) = detached else {
        return;
    };
    if kept.is_empty() {
        return;
    }
    let mut positions = Vec::new();
    table_positions(doc.as_table(), &mut positions);
    let next = positions.into_iter().filter(|p| *p > position).min();
    match next.and_then(|p| table_at(doc.as_table_mut(), p)) {
        Some(next) => {
            let own = next
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or_default()
                .trim_start_matches(['\r', '\n'])
                .to_string();
            next.decor_mut().set_prefix(format!("{kept}{own}"));
        }
        None => {
            let trailing = doc.trailing().as_str().unwrap_or_default().to_string();
            doc.set_trailing(format!("{kept}{trailing}"));
        }
    }
}

/// A list value, reusing the old elements' layout (one per line stays one per line).
fn patch_array(old: &Array, new: &Array) -> Array {
    let decors: Vec<toml_edit::Decor> = old.iter().map(|v| v.decor().clone()).collect();
    let mut out = old.clone();
    out.clear();
    for (i, v) in new.iter().enumerate() {
        let mut v = v.clone();
        if let Some(decor) = decors.get(i).or(decors.last()) {
            *v.decor_mut() = decor.clone();
        } else if i > 0 {
            v.decor_mut().set_prefix(" ");
        }
        out.push_formatted(v);
    }
    out
}

/// Set `key` to `value`, keeping the old value's surrounding comment and spacing.
pub(super) fn set_key(
    table: &mut dyn TableLike,
    key: &'static str,
    value: Option<Value>,
    order: &[&str],
) {
    let Some(mut value) = value else {
        table.remove(key);
        return;
    };
    if table.get(key).is_none() {
        insert_in_order(table, key, value, order);
        return;
    }
    match table.get_mut(key) {
        Some(Item::Value(old)) => {
            if let (Value::Array(old_array), Value::Array(new_array)) = (&*old, &value) {
                value = Value::Array(patch_array(old_array, new_array));
            }
            *value.decor_mut() = old.decor().clone();
            *old = value;
        }
        Some(other) => *other = Item::Value(value),
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Insert a key that is not there right after the last key that comes before it in the
/// format's order (`order`), so a value cleared, saved and brought back by an undo returns to
/// its place instead of the end of the table. Keys after it keep their own formatting.
fn insert_in_order(table: &mut dyn TableLike, key: &'static str, value: Value, order: &[&str]) {
    let rank = |k: &str| order.iter().position(|o| *o == k);
    let Some(mine) = rank(key) else {
        table.insert(key, Item::Value(value));
        return;
    };
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_string()).collect();
    // The first key that must come after it: a key of the format ranked after it, or any key
    // of its own after the last one ranked before it.
    let last_before = keys.iter().rposition(|k| rank(k).is_some_and(|r| r < mine));
    let at = match last_before {
        Some(i) => i + 1,
        None => 0,
    };
    let tail: Vec<(toml_edit::Key, Item)> = keys[at..]
        .iter()
        .filter_map(|k| {
            let key = table.get_key_value(k).map(|(key, _)| key.clone())?;
            table.remove(k).map(|item| (key, item))
        })
        .collect();
    table.insert(key, Item::Value(value));
    for (k, item) in tail {
        table.entry_format(&k).or_insert(item);
    }
}

fn new_table(entries: Entries) -> Table {
    let mut table = Table::new();
    for (key, value) in entries {
        if let Some(value) = value {
            table.insert(key, Item::Value(value));
        }
    }
    table
}

/// The table of an added item: its old text when a save removed it, else a new table; and
/// the comment lines of its own (empty for a new table).
fn standard_table(entries: Entries, source: Option<RemovedSource>) -> (Table, String) {
    match source.map(|s| s.restore(&entries)) {
        Some(Stashed::Standard(table)) => {
            let own = table
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or_default()
                .to_string();
            (table, own)
        }
        _ => (new_table(entries), String::new()),
    }
}

/// Patch, remove and add the tables of array `key` as `changes` says (a whole file, or the
/// run of tables the fast path re-reads: the same code, so the same bytes).
pub(super) fn apply(
    doc: &mut DocumentMut,
    key: &str,
    changes: ArrayChanges,
) -> Result<(), PatchError> {
    if let Some(mut tables) = tables(doc, key) {
        for (index, keys) in changes.patches {
            let table = tables.get_mut(index).ok_or_else(|| PatchError::Moved {
                key: key.to_string(),
                index,
            })?;
            for (k, v) in keys {
                set_key(table, k, v, &changes.order);
            }
        }
        let mut removed = changes.removed;
        removed.sort_unstable();
        for index in removed.into_iter().rev() {
            remove_table(doc, key, index);
        }
    } else if !changes.patches.is_empty() || !changes.removed.is_empty() {
        return Err(PatchError::NoArray {
            key: key.to_string(),
        });
    }
    if changes.added.is_empty() {
        return Ok(());
    }
    match tables(doc, key) {
        Some(Tables::Standard(a)) => {
            for (index, entries, source) in changes.added {
                let take_detached = source.as_ref().is_none_or(|s| s.had_detached);
                let (mut table, own) = standard_table(entries, source);
                if let Some(next) = a.get_mut(index) {
                    // Printed just before the table it goes before (same position, earlier in
                    // the array), taking over the file or section comments above that table.
                    table.set_position(next.position());
                    let prefix = next
                        .decor()
                        .prefix()
                        .and_then(|p| p.as_str())
                        .unwrap_or_default()
                        .to_string();
                    let detached = detached_comments(&prefix);
                    if take_detached && !detached.is_empty() {
                        let next_own = &prefix[detached.len()..];
                        table.decor_mut().set_prefix(format!("{detached}{own}"));
                        next.decor_mut().set_prefix(format!("\n{next_own}"));
                    }
                    a.insert(index, table);
                } else {
                    let last = a.iter().last().and_then(Table::position);
                    if !own.is_empty() || before(table.position(), last) {
                        // Printed right after the array's last table (toml_edit places a
                        // table without a position after the one visited before it).
                        table.set_position(None);
                    }
                    a.push(table);
                }
            }
            in_array_order(a);
        }
        Some(Tables::Inline(a)) => {
            let decor = a.iter().last().map(|v| v.decor().clone());
            for (index, entries, source) in changes.added {
                let v = match source.map(|s| s.restore(&entries)) {
                    Some(Stashed::Inline(v)) => v,
                    _ => {
                        let mut t = InlineTable::new();
                        for (k, v) in entries {
                            if let Some(v) = v {
                                t.insert(k, v);
                            }
                        }
                        let mut v = Value::InlineTable(t);
                        if let Some(d) = &decor {
                            *v.decor_mut() = d.clone();
                        }
                        v
                    }
                };
                if index < a.len() {
                    a.insert_formatted(index, v);
                } else {
                    a.push_formatted(v);
                }
            }
        }
        None => {
            let mut a = ArrayOfTables::new();
            for (_, entries, source) in changes.added {
                let (mut table, _) = standard_table(entries, source);
                table.set_position(None);
                a.push(table);
            }
            in_array_order(&mut a);
            doc.insert(key, Item::ArrayOfTables(a));
        }
    }
    Ok(())
}

/// Whether `position` would print before `last`.
fn before(position: Option<isize>, last: Option<isize>) -> bool {
    matches!((position, last), (Some(p), Some(l)) if p < l)
}

/// Positions that never decrease along a re-created array, so its tables print in the array's
/// order: tables restored by undo carry positions from different saves, and one without a
/// position would otherwise print after whatever table the document lists before the array
/// (its key is appended at the end of the document).
fn in_array_order(a: &mut ArrayOfTables) {
    let positions: Vec<Option<isize>> = a.iter().map(Table::position).collect();
    let mut last: Option<isize> = None;
    for (i, table) in a.iter_mut().enumerate() {
        let next_known = positions[i..].iter().flatten().next().copied();
        let position = match (table.position(), last) {
            (Some(p), Some(l)) => p.max(l),
            (Some(p), None) => p,
            (None, Some(l)) => l,
            (None, None) => match next_known {
                Some(p) => p,
                None => continue,
            },
        };
        table.set_position(Some(position));
        last = Some(position);
    }
}

impl RemovedSource {
    /// The table as it was written, with the keys whose value differs from `entries` patched.
    fn restore(&self, entries: &Entries) -> Stashed {
        let mut stashed = self.table.clone();
        let table: Option<&mut dyn TableLike> = match &mut stashed {
            Stashed::Standard(t) => Some(t),
            Stashed::Inline(v) => v.as_inline_table_mut().map(|t| t as &mut dyn TableLike),
        };
        if let Some(table) = table {
            let order: Vec<&str> = self.entries.iter().map(|(k, _)| *k).collect();
            for (k, v) in changed(&self.entries, entries) {
                set_key(table, k, v.cloned(), &order);
            }
        }
        stashed
    }
}

/// The tables the next save removes, as written, by item uid (see [`RemovedSource`]).
pub(super) fn removed_sources(doc: &Document) -> Result<Vec<(u64, RemovedSource)>, RenderError> {
    let mut kept = std::collections::HashSet::new();
    for o in doc
        .origins
        .sessions
        .iter()
        .chain(&doc.origins.rooms)
        .chain(&doc.origins.speakers)
        .chain(&doc.origins.tracks)
    {
        kept.insert(o.uid);
    }
    let base = &doc.baseline;
    let mut out = Vec::new();
    for (file, source) in doc.program.sources.files().iter().enumerate() {
        let gone = |kind: ItemKind| -> Vec<(usize, u64)> {
            base.uids[kind as usize]
                .get(file)
                .map(|uids| {
                    uids.iter()
                        .enumerate()
                        .filter(|(_, u)| !kept.contains(*u))
                        .map(|(i, u)| (i, *u))
                        .collect()
                })
                .unwrap_or_default()
        };
        let kinds = [
            (ItemKind::Session, "sessions"),
            (ItemKind::Room, "rooms"),
            (ItemKind::Speaker, "speakers"),
            (ItemKind::Track, "tracks"),
        ];
        if kinds.iter().all(|(k, _)| gone(*k).is_empty()) {
            continue;
        }
        let mut toml: DocumentMut = source.text.parse().map_err(|e| RenderError::Reread {
            path: source.path.clone(),
            reason: format!("{e}"),
        })?;
        for (kind, key) in kinds {
            let empty = Vec::new();
            let entries_of = |at: usize| -> Entries {
                match kind {
                    ItemKind::Session => base
                        .sessions
                        .get(file)
                        .unwrap_or(&empty)
                        .get(at)
                        .map(entries::session),
                    ItemKind::Room => base
                        .rooms
                        .get(file)
                        .and_then(|r| r.get(at))
                        .map(entries::room),
                    ItemKind::Speaker => base
                        .speakers
                        .get(file)
                        .and_then(|s| s.get(at))
                        .map(entries::speaker),
                    ItemKind::Track => base
                        .tracks
                        .get(file)
                        .and_then(|t| t.get(at))
                        .map(entries::track),
                }
                .unwrap_or_default()
            };
            for (at, uid) in gone(kind) {
                if let Some(source) = stash(&mut toml, key, at, entries_of(at)) {
                    out.push((uid, source));
                }
            }
        }
    }
    Ok(out)
}

/// The `at`-th table of array `key` as written, to keep when a save removes it: its own
/// comment lines, not a file or section comment above it (that stays in the file).
pub(super) fn stash(
    doc: &mut DocumentMut,
    key: &str,
    at: usize,
    entries: Entries,
) -> Option<RemovedSource> {
    let tables = tables(doc, key)?;
    let (table, had_detached) = stash_table(&tables, at)?;
    Some(RemovedSource {
        table,
        entries,
        had_detached,
    })
}

/// The table at `at` of an array, as written: its own comment lines kept, the file's or
/// section's comment lines above it left out (and whether there were some).
fn stash_table(tables: &Tables<'_>, at: usize) -> Option<(Stashed, bool)> {
    match tables {
        Tables::Standard(a) => a.get(at).map(|t| {
            let mut t = t.clone();
            let prefix = t
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or_default()
                .to_string();
            let detached = detached_comments(&prefix);
            t.decor_mut()
                .set_prefix(prefix[detached.len()..].to_string());
            (Stashed::Standard(t), !detached.is_empty())
        }),
        Tables::Inline(a) => a.get(at).cloned().map(|v| (Stashed::Inline(v), false)),
    }
}

/// The tables of the items `edit` adds, as the files of `wanted` write them, by the added
/// items' uids. A merge or a restore adds an item with the text the merged file gives it
/// (its comments, multi-line lists, `"""` strings, key order), as an undo after a save does,
/// instead of a table rebuilt from its values.
pub fn added_sources(edit: &Edit, wanted: &Program) -> Vec<(u64, RemovedSource)> {
    fn adds(edit: &Edit, out: &mut Vec<(ItemKind, Span, u64)>) {
        match edit {
            Edit::AddSession {
                session, origin, ..
            } => out.push((ItemKind::Session, session.span, origin.uid)),
            Edit::AddRoom { room, origin, .. } => out.push((ItemKind::Room, room.span, origin.uid)),
            Edit::AddSpeaker {
                speaker, origin, ..
            } => out.push((ItemKind::Speaker, speaker.span, origin.uid)),
            Edit::AddTrack { track, origin, .. } => {
                out.push((ItemKind::Track, track.span, origin.uid))
            }
            Edit::Batch { edits, .. } => edits.iter().for_each(|e| adds(e, out)),
            _ => {}
        }
    }
    // The item written at `span`: its position among its file's items of that kind, and
    // its entries.
    fn locate<T>(
        items: &[T],
        span: Span,
        span_of: fn(&T) -> Span,
        entries_of: fn(&T) -> Entries,
    ) -> Option<(usize, Entries)> {
        items
            .iter()
            .filter(|i| span_of(i).file == span.file)
            .enumerate()
            .find(|(_, i)| span_of(i) == span)
            .map(|(at, i)| (at, entries_of(i)))
    }
    let mut found = Vec::new();
    adds(edit, &mut found);
    let mut parsed: HashMap<u32, Option<DocumentMut>> = HashMap::new();
    let mut out = Vec::new();
    for (kind, span, uid) in found {
        let (key, found) = match kind {
            ItemKind::Session => (
                "sessions",
                locate(&wanted.sessions, span, |s| s.span, entries::session),
            ),
            ItemKind::Room => (
                "rooms",
                locate(&wanted.rooms, span, |r| r.span, entries::room),
            ),
            ItemKind::Speaker => (
                "speakers",
                locate(&wanted.speakers, span, |p| p.span, entries::speaker),
            ),
            ItemKind::Track => (
                "tracks",
                locate(&wanted.tracks, span, |t| t.span, entries::track),
            ),
        };
        let Some((at, entries)) = found else {
            continue;
        };
        let toml = parsed.entry(span.file).or_insert_with(|| {
            wanted
                .sources
                .files()
                .get(span.file as usize)
                .and_then(|f| f.text.parse::<DocumentMut>().ok())
        });
        let Some(toml) = toml.as_mut() else {
            continue;
        };
        let Some(tables) = tables(toml, key) else {
            continue;
        };
        if let Some((table, had_detached)) = stash_table(&tables, at) {
            out.push((
                uid,
                RemovedSource {
                    table,
                    entries,
                    had_detached,
                },
            ));
        }
    }
    out
}

/// Keep the file's line endings: `toml_edit` writes `\n`.
pub(super) fn line_endings_like(original: &str, text: String) -> String {
    line_endings(original.contains("\r\n"), text)
}

/// `text` with CRLF line endings when `crlf` (the file had them), as [`line_endings_like`].
pub(super) fn line_endings(crlf: bool, text: String) -> String {
    if crlf {
        text.replace("\r\n", "\n").replace('\n', "\r\n")
    } else {
        text
    }
}

/// The new text of every file that changes, as `(file index, text)`.
pub fn render(doc: &Document) -> Result<Vec<(u32, String)>, RenderError> {
    let program = &doc.program;
    let files = program.sources.files();
    let mut out = Vec::new();
    for (file, source) in files.iter().enumerate() {
        let f = file as u32;
        let empty = Vec::new();
        let sessions = array_changes(
            f,
            &program.sessions,
            &doc.origins.sessions,
            doc.baseline.sessions.get(file).unwrap_or(&empty),
            &doc.baseline.written,
            &doc.removed,
            (entries::session, entries::same_session),
        );
        let empty = Vec::new();
        let rooms = array_changes(
            f,
            &program.rooms,
            &doc.origins.rooms,
            doc.baseline.rooms.get(file).unwrap_or(&empty),
            &doc.baseline.written,
            &doc.removed,
            (entries::room, entries::same_room),
        );
        let empty = Vec::new();
        let tracks = array_changes(
            f,
            &program.tracks,
            &doc.origins.tracks,
            doc.baseline.tracks.get(file).unwrap_or(&empty),
            &doc.baseline.written,
            &doc.removed,
            (entries::track, entries::same_track),
        );
        let empty = Vec::new();
        let speakers = array_changes(
            f,
            &program.speakers,
            &doc.origins.speakers,
            doc.baseline.speakers.get(file).unwrap_or(&empty),
            &doc.baseline.written,
            &doc.removed,
            (entries::speaker, entries::same_speaker),
        );
        if sessions.is_empty() && rooms.is_empty() && speakers.is_empty() && tracks.is_empty() {
            continue;
        }
        let mut toml: DocumentMut = source.text.parse().map_err(|e| RenderError::Reread {
            path: source.path.clone(),
            reason: format!("{e}"),
        })?;
        let at = |source_error: PatchError| RenderError::Patch {
            path: source.path.clone(),
            source: source_error,
        };
        apply(&mut toml, "tracks", tracks).map_err(at)?;
        apply(&mut toml, "rooms", rooms).map_err(at)?;
        apply(&mut toml, "speakers", speakers).map_err(at)?;
        apply(&mut toml, "sessions", sessions).map_err(at)?;
        out.push((f, line_endings_like(&source.text, toml.to_string())));
    }
    Ok(out)
}
