//! Three-way merge of an event file, item by item: `base` (the text both sides started from),
//! `ours` and `theirs`. The result is `theirs` — its comments, blank lines and formatting — with
//! what `ours` changed since `base` patched in, key by key:
//!
//! - items are the tables of `[[tracks]]`, `[[rooms]]`, `[[speakers]]` and `[[sessions]]`
//!   (matched by `id`), and the top-level tables (`[event]`, `[checks]`) and values;
//! - an item changed on one side only takes that side's change, silently; changed on both
//!   sides in different keys, it takes both; a key changed on both sides to different values,
//!   an item deleted on one side and changed on the other, or an item added on both sides with
//!   different content is a [`Conflict`], resolved by a [`Side`] per conflict.
//!
//! Used by the editor ("keep mine" after an outside change, restoring a recovery file onto the
//! current file) and by `agora merge BASE OURS THEIRS`, a git merge driver.

use std::collections::HashMap;

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, TableLike, Value};

/// Which version a conflict keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// How both sides changed one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Clash {
    /// These keys were changed on both sides to different values.
    BothChanged(Vec<String>),
    /// Deleted on our side, changed on theirs.
    OursDeleted,
    /// Deleted on their side, changed on ours.
    TheirsDeleted,
    /// Added on both sides with different content.
    BothAdded,
}

/// An item both sides changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The array the item is in (`sessions`, …), or "" for a top-level table or value.
    pub array: String,
    /// The item's id (or its position, `#3`, without one), or the top-level key.
    pub id: String,
    pub clash: Clash,
    /// The item's text on each side; `None` where it was deleted.
    pub ours: Option<String>,
    pub theirs: Option<String>,
}

impl Conflict {
    /// "session `keynote`: `title`, `start` changed on both sides" style words.
    pub fn describe(&self) -> String {
        let what = match self.array.as_str() {
            "" => format!("[{}]", self.id),
            array => format!("{} `{}`", array.strip_suffix('s').unwrap_or(array), self.id),
        };
        match &self.clash {
            Clash::BothChanged(keys) => format!(
                "{what}: {} changed on both sides",
                keys.iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Clash::OursDeleted => format!("{what}: deleted on our side, changed on theirs"),
            Clash::TheirsDeleted => format!("{what}: deleted on their side, changed on ours"),
            Clash::BothAdded => format!("{what}: added on both sides, differently"),
        }
    }
}

/// The merged text and the conflicts met (resolved by the choices given, or by default ours).
#[derive(Debug, Clone)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<Conflict>,
}

/// Why three versions could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// One of the versions does not parse as TOML.
    #[error("{side} is not valid TOML: {source}")]
    NotToml {
        side: &'static str,
        source: Box<toml_edit::TomlError>,
    },
}

/// Merge three versions of one file. `choices[i]` resolves the i-th conflict (in the order
/// of [`Merged::conflicts`], which does not depend on the choices); a conflict without a choice
/// keeps ours and, when `annotate`, gets a comment above it showing their version, starting
/// with `# <<<<<<<` so it is easy to find.
pub fn merge(
    base: &str,
    ours: &str,
    theirs: &str,
    choices: &[Side],
    annotate: bool,
) -> Result<Merged, MergeError> {
    let parse = |text: &str, side: &'static str| {
        text.parse::<DocumentMut>()
            .map_err(|source| MergeError::NotToml {
                side,
                source: Box::new(source),
            })
    };
    let base = parse(base, "the base version")?;
    let ours = parse(ours, "our version")?;
    let mut out = parse(theirs, "their version")?;
    let theirs = out.clone();
    let mut m = Merger {
        choices,
        annotate,
        conflicts: Vec::new(),
    };
    let trailing = |d: &DocumentMut| d.trailing().as_str().unwrap_or_default().to_string();
    if trailing(&base) == trailing(&theirs) {
        out.set_trailing(trailing(&ours));
    }
    let keys = union(&[theirs.as_table(), ours.as_table(), base.as_table()]);
    for key in keys {
        let (b, o, t) = (base.get(&key), ours.get(&key), theirs.get(&key));
        let arrays = [b, o, t]
            .iter()
            .flatten()
            .all(|i| matches!(i, Item::ArrayOfTables(_)));
        let tables = [b, o, t]
            .iter()
            .flatten()
            .all(|i| matches!(i, Item::Table(_)));
        if arrays {
            let (merged, left) = m.array(&key, b, o, t);
            if !left.is_empty() {
                let trailing = out.trailing().as_str().unwrap_or_default().to_string();
                out.set_trailing(format!("{trailing}{left}"));
            }
            if merged.is_empty() && t.is_none() {
                continue;
            }
            out.insert(&key, Item::ArrayOfTables(merged));
        } else if tables && o.is_some() && t.is_some() {
            let (Some(Item::Table(o)), Some(Item::Table(t))) = (o, t) else {
                continue;
            };
            let b = b.and_then(Item::as_table);
            let mut result = t.clone();
            m.item("", &key, b, o, &mut result);
            out.insert(&key, Item::Table(result));
        } else {
            m.value(&mut out, &key, b, o, t);
        }
    }
    Ok(Merged {
        text: out.to_string(),
        conflicts: m.conflicts,
    })
}

/// The keys of several tables, in the order first seen.
fn union(tables: &[&dyn TableLike]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for t in tables {
        for (k, _) in t.iter() {
            if seen.insert(k.to_string()) {
                out.push(k.to_string());
            }
        }
    }
    out
}

struct Merger<'c> {
    choices: &'c [Side],
    annotate: bool,
    conflicts: Vec<Conflict>,
}

/// A key's new value from our side (`None`: removed).
type Change = (String, Option<Item>);

impl Merger<'_> {
    /// Record a conflict; returns the side chosen and whether the choice was made.
    fn conflict(
        &mut self,
        array: &str,
        id: &str,
        clash: Clash,
        ours: Option<String>,
        theirs: Option<String>,
    ) -> (Side, bool) {
        let index = self.conflicts.len();
        self.conflicts.push(Conflict {
            array: array.to_string(),
            id: id.to_string(),
            clash,
            ours,
            theirs,
        });
        match self.choices.get(index) {
            Some(side) => (*side, true),
            None => (Side::Ours, false),
        }
    }

    /// The comment shown above an unresolved conflict's item (when annotating).
    fn note(&self, theirs: Option<&str>) -> String {
        if !self.annotate {
            return String::new();
        }
        let conflict = self.conflicts.last().map(Conflict::describe);
        let mut note = format!(
            "# <<<<<<< agora merge conflict: {}; ours is kept below. Theirs:\n",
            conflict.unwrap_or_default()
        );
        match theirs {
            Some(text) => {
                for line in text.trim().lines() {
                    note.push_str(&format!("#   {line}\n"));
                }
            }
            None => note.push_str("#   (deleted)\n"),
        }
        note.push_str("# >>>>>>> resolve, then remove this comment\n");
        note
    }

    /// Merge one table item into `result` (a copy of theirs).
    fn item(
        &mut self,
        array: &str,
        id: &str,
        base: Option<&Table>,
        ours: &Table,
        result: &mut Table,
    ) {
        // Untouched on their side, as written: ours as written, comments included.
        if let Some(base) = base {
            if raw(base) == raw(result) {
                let position = result.position();
                *result = ours.clone();
                result.set_position(position);
                return;
            }
        }
        let (clean, clashing) = changes(base, ours, result);
        // Comment lines above the table: ours when only ours changed them.
        let prefix = |t: &Table| {
            t.decor()
                .prefix()
                .and_then(|p| p.as_str())
                .map(str::to_string)
        };
        if base.map(prefix) == Some(prefix(result)) && prefix(ours) != prefix(result) {
            if let Some(p) = prefix(ours) {
                result.decor_mut().set_prefix(p);
            }
        }
        for (k, v) in &clean {
            set(result, k, v.clone(), base.and_then(|b| b.get(k)));
        }
        if clashing.is_empty() {
            return;
        }
        let keys = clashing.iter().map(|(k, _)| k.clone()).collect();
        let theirs_text = table_text(array, id, result);
        let (side, chosen) = self.conflict(
            array,
            id,
            Clash::BothChanged(keys),
            Some(table_text(array, id, ours)),
            Some(theirs_text.clone()),
        );
        if side == Side::Ours {
            for (k, v) in clashing {
                let b = base.and_then(|b| b.get(&k));
                set(result, &k, v, b);
            }
            if !chosen {
                let note = self.note(Some(&theirs_text));
                prepend(result, &note);
            }
        }
    }

    /// Merge an array of tables.
    fn array(
        &mut self,
        key: &str,
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) -> (ArrayOfTables, String) {
        let list = |i: Option<&Item>| -> Vec<Table> {
            i.and_then(Item::as_array_of_tables)
                .map(|a| a.iter().cloned().collect())
                .unwrap_or_default()
        };
        let (b, o, t) = (list(base), list(ours), list(theirs));
        let (bk, ok, tk) = (identities(&b), identities(&o), identities(&t));
        let index = |keys: &[String]| -> HashMap<String, usize> {
            keys.iter()
                .enumerate()
                .map(|(i, k)| (k.clone(), i))
                .collect()
        };
        let (bi, oi, ti) = (index(&bk), index(&ok), index(&tk));
        let mut out = ArrayOfTables::new();
        // The identity of each table of `out`, in order.
        let mut out_ids: Vec<&str> = Vec::new();
        let mut carry = String::new();
        // Theirs, in their order.
        for (i, table) in t.iter().enumerate() {
            let id = display_id(&tk[i]);
            let bt = bi.get(&tk[i]).map(|&j| &b[j]);
            let ot = oi.get(&tk[i]).map(|&j| &o[j]);
            match (bt, ot) {
                (_, Some(ot)) => {
                    let mut result = table.clone();
                    if bt.is_none() && canon_table(ot) != canon_table(table) {
                        // Added on both sides.
                        let (side, chosen) = self.conflict(
                            key,
                            &id,
                            Clash::BothAdded,
                            Some(table_text(key, &id, ot)),
                            Some(table_text(key, &id, table)),
                        );
                        if side == Side::Ours {
                            let note = if chosen {
                                String::new()
                            } else {
                                self.note(Some(&table_text(key, &id, table)))
                            };
                            result = ot.clone();
                            result.set_position(table.position());
                            *result.decor_mut() = table.decor().clone();
                            prepend(&mut result, &note);
                        }
                    } else {
                        self.item(key, &id, bt, ot, &mut result);
                    }
                    prepend(&mut result, &std::mem::take(&mut carry));
                    out.push(result);
                    out_ids.push(&tk[i]);
                }
                (Some(bt), None) => {
                    // Deleted on our side.
                    if canon_table(bt) == canon_table(table) {
                        continue;
                    }
                    let (side, chosen) = self.conflict(
                        key,
                        &id,
                        Clash::OursDeleted,
                        None,
                        Some(table_text(key, &id, table)),
                    );
                    if side == Side::Theirs {
                        out.push(table.clone());
                        out_ids.push(&tk[i]);
                    } else if !chosen {
                        // Deleted as ours wants; their version is shown in a comment where
                        // it was.
                        carry.push_str(&self.note(Some(&table_text(key, &id, table))));
                    }
                }
                (None, None) => {
                    let mut result = table.clone();
                    prepend(&mut result, &std::mem::take(&mut carry));
                    out.push(result);
                    out_ids.push(&tk[i]);
                }
            }
        }
        // Ours only: added on our side, or deleted on theirs.
        for (i, table) in o.iter().enumerate() {
            if ti.contains_key(&ok[i]) {
                continue;
            }
            let id = display_id(&ok[i]);
            let mut add = table.clone();
            if let Some(&j) = bi.get(&ok[i]) {
                // Deleted on their side.
                if canon_table(&b[j]) == canon_table(table) {
                    continue;
                }
                let (side, chosen) = self.conflict(
                    key,
                    &id,
                    Clash::TheirsDeleted,
                    Some(table_text(key, &id, table)),
                    None,
                );
                if side == Side::Theirs {
                    continue;
                }
                if !chosen {
                    let note = self.note(None);
                    prepend(&mut add, &note);
                }
            }
            add.set_position(None);
            let prefix = add
                .decor()
                .prefix()
                .and_then(|p| p.as_str())
                .unwrap_or_default()
                .to_string();
            if !prefix.starts_with('\n') && !prefix.starts_with("\r\n") {
                add.decor_mut().set_prefix(format!("\n{prefix}"));
            }
            // After the table that comes before it on our side (a room's place is its grid
            // column), or first when none does; at the end when nothing merged follows it on
            // our side (added at the end, it stays after what theirs added at the end).
            let follows = ok[i + 1..].iter().any(|k| out_ids.contains(&k.as_str()));
            let at = if follows {
                ok[..i]
                    .iter()
                    .rev()
                    .find_map(|k| out_ids.iter().position(|o| *o == k.as_str()))
                    .map_or(0, |p| p + 1)
            } else {
                out.len()
            };
            if at == out.len() {
                prepend(&mut add, &std::mem::take(&mut carry));
                out.push(add);
            } else {
                // Printed where it stands in the array, not after the document's last table.
                add.set_position(out.get(at).and_then(Table::position));
                out.insert(at, add);
            }
            out_ids.insert(at, &ok[i]);
        }
        (out, carry)
    }

    /// Merge a top-level value (or mismatched items) as a whole.
    fn value(
        &mut self,
        out: &mut DocumentMut,
        key: &str,
        base: Option<&Item>,
        ours: Option<&Item>,
        theirs: Option<&Item>,
    ) {
        let c = |i: Option<&Item>| i.map(canon_item);
        let (cb, co, ct) = (c(base), c(ours), c(theirs));
        if co == cb || co == ct {
            return;
        }
        let take_ours = if ct == cb {
            true
        } else {
            let clash = match (&co, &ct) {
                (None, _) => Clash::OursDeleted,
                (_, None) => Clash::TheirsDeleted,
                _ if cb.is_none() => Clash::BothAdded,
                _ => Clash::BothChanged(vec![key.to_string()]),
            };
            let text = |i: Option<&Item>| i.map(|i| format!("{key} = {}", i.to_string().trim()));
            let (side, _) = self.conflict("", key, clash, text(ours), text(theirs));
            side == Side::Ours
        };
        if take_ours {
            match ours {
                Some(item) => set(out.as_table_mut(), key, Some(item.clone()), base),
                None => {
                    out.remove(key);
                }
            }
        }
    }
}

fn prepend(table: &mut Table, note: &str) {
    if note.is_empty() {
        return;
    }
    let prefix = table
        .decor()
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or_default()
        .to_string();
    // The note goes after the blank lines separating the table from the one before.
    let blank = prefix.len() - prefix.trim_start_matches(['\r', '\n']).len();
    table
        .decor_mut()
        .set_prefix(format!("{}{note}{}", &prefix[..blank], &prefix[blank..]));
}

/// Each table's identity in its array: its `id` (or `#position`), with `~2`, `~3` for the
/// second and third table with the same id.
fn identities(tables: &[Table]) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    tables
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let id = t
                .get("id")
                .and_then(Item::as_str)
                .map(str::to_string)
                .unwrap_or_else(|| format!("#{}", i + 1));
            let n = seen.entry(id.clone()).or_insert(0);
            *n += 1;
            if *n == 1 {
                id
            } else {
                format!("{id}~{n}")
            }
        })
        .collect()
}

fn display_id(identity: &str) -> String {
    identity.split('~').next().unwrap_or(identity).to_string()
}

/// A table exactly as written, comments above it included.
fn raw(table: &Table) -> String {
    let mut doc = DocumentMut::new();
    let mut t = table.clone();
    t.set_position(None);
    let mut a = ArrayOfTables::new();
    a.push(t);
    doc.insert("t", Item::ArrayOfTables(a));
    doc.to_string()
}

/// A table as it would be written on its own, to show it.
fn table_text(array: &str, id: &str, table: &Table) -> String {
    let mut doc = DocumentMut::new();
    let mut t = table.clone();
    t.decor_mut().set_prefix("");
    t.set_position(None);
    if array.is_empty() {
        doc.insert(id, Item::Table(t));
    } else {
        let mut a = ArrayOfTables::new();
        a.push(t);
        doc.insert(array, Item::ArrayOfTables(a));
    }
    doc.to_string()
}

/// What our side changed in an item since base, split into the keys theirs left as in base
/// (taken silently) and the keys theirs changed to something else (conflicting).
fn changes(base: Option<&Table>, ours: &Table, theirs: &Table) -> (Vec<Change>, Vec<Change>) {
    let empty = Table::new();
    let base = base.unwrap_or(&empty);
    let mut clean = Vec::new();
    let mut clashing = Vec::new();
    for key in union(&[ours, base]) {
        let b = base.get(&key).map(canon_item);
        let o = ours.get(&key).map(canon_item);
        if o == b {
            // Only the comment beside the value changed on our side: ours, unless theirs
            // changed it too.
            let decor = |t: &Table| {
                t.get(&key)
                    .and_then(Item::as_value)
                    .map(|v| v.decor().clone())
            };
            let (db, dor, dt) = (decor(base), decor(ours), decor(theirs));
            if dor != db && dt == db && theirs.get(&key).map(canon_item) == o {
                clean.push((key.clone(), ours.get(&key).cloned()));
            }
            continue;
        }
        let t = theirs.get(&key).map(canon_item);
        if t == o {
            continue;
        }
        let change = (key.clone(), ours.get(&key).cloned());
        if t == b {
            clean.push(change);
        } else {
            clashing.push(change);
        }
    }
    (clean, clashing)
}

/// Set `key` of `table` to `item` (remove it when `None`). The comment beside the value is
/// the new one where it differs from `base`'s, else the one the table has.
fn set(table: &mut dyn TableLike, key: &str, item: Option<Item>, base: Option<&Item>) {
    match item {
        None => {
            table.remove(key);
        }
        Some(Item::Value(mut value)) => match table.get_mut(key) {
            Some(Item::Value(old)) => {
                let base_decor = base.and_then(Item::as_value).map(|v| v.decor());
                if base_decor.is_none_or(|d| d == value.decor()) {
                    *value.decor_mut() = old.decor().clone();
                }
                *old = value;
            }
            Some(other) => *other = Item::Value(value),
            None => {
                table.insert(key, Item::Value(value));
            }
        },
        Some(other) => {
            table.insert(key, other);
        }
    }
}

/// A comparable form of a value: what it means, not how it is written.
fn canon_item(item: &Item) -> String {
    match item {
        Item::None => String::new(),
        Item::Value(v) => canon_value(v),
        Item::Table(t) => canon_table(t),
        Item::ArrayOfTables(a) => format!(
            "[{}]",
            a.iter()
                .map(|t| canon_table(t))
                .collect::<Vec<_>>()
                .join(",")
        ),
    }
}

fn canon_table(table: &dyn TableLike) -> String {
    let mut entries: Vec<String> = table
        .iter()
        .map(|(k, v)| format!("{k:?}={}", canon_item(v)))
        .collect();
    entries.sort();
    format!("{{{}}}", entries.join(","))
}

fn canon_value(value: &Value) -> String {
    match value {
        Value::String(s) => format!("{:?}", s.value()),
        Value::Integer(i) => i.value().to_string(),
        Value::Float(f) => format!("{:?}", f.value()),
        Value::Boolean(b) => b.value().to_string(),
        Value::Datetime(d) => d.value().to_string(),
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(canon_value).collect::<Vec<_>>().join(",")
        ),
        Value::InlineTable(t) => canon_table(t),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    const BASE: &str = r#"[event]
id = "t"
name = "Test"

[[sessions]]
id = "a"
title = "A"
start = 2024-05-14T09:00:00

[[sessions]]
id = "b"
title = "B"
start = 2024-05-14T10:00:00

[[sessions]]
id = "c"
title = "C"
"#;

    fn clean(ours: &str, theirs: &str) -> String {
        let m = merge(BASE, ours, theirs, &[], true).unwrap();
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
        m.text
    }

    #[test]
    fn changes_on_one_side_each_merge_silently_keeping_their_comments() {
        let ours = BASE.replace("start = 2024-05-14T09:00:00", "start = 2024-05-14T09:30:00");
        let theirs = BASE
            .replace(
                "[[sessions]]\nid = \"b\"",
                "# A colleague's note.\n[[sessions]]\nid = \"b\"",
            )
            .replace("title = \"B\"", "title = \"B, renamed\"   # by Léa");
        let text = clean(&ours, &theirs);
        assert_eq!(
            text,
            theirs.replace("start = 2024-05-14T09:00:00", "start = 2024-05-14T09:30:00")
        );
    }

    #[test]
    fn different_keys_of_one_item_merge_and_formatting_alone_is_no_change() {
        let ours = BASE.replace("start = 2024-05-14T10:00:00", "start = 2024-05-14T11:00:00");
        let theirs = BASE.replace("title = \"B\"", "title = 'B'\nkind = \"panel\"");
        let text = clean(&ours, &theirs);
        assert!(
            text.contains("title = 'B'\nkind = \"panel\"\nstart = 2024-05-14T11:00:00"),
            "{text}"
        );
    }

    #[test]
    fn a_key_changed_on_both_sides_is_a_conflict_resolved_by_choice() {
        let ours = BASE.replace("title = \"A\"", "title = \"Ours\"");
        let theirs = BASE.replace("title = \"A\"", "title = \"Theirs\"");
        let m = merge(BASE, &ours, &theirs, &[], true).unwrap();
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(
            m.conflicts[0].clash,
            Clash::BothChanged(vec!["title".into()])
        );
        assert_eq!(
            m.conflicts[0].describe(),
            "session `a`: `title` changed on both sides"
        );
        // Unresolved: ours kept, theirs shown in a comment, still valid TOML.
        assert!(
            m.text.contains("# <<<<<<< agora merge conflict"),
            "{}",
            m.text
        );
        assert!(m.text.contains("#   title = \"Theirs\""), "{}", m.text);
        assert!(m.text.parse::<DocumentMut>().is_ok());
        let ours_wins = merge(BASE, &ours, &theirs, &[Side::Ours], true).unwrap();
        assert_eq!(ours_wins.text, ours);
        let theirs_wins = merge(BASE, &ours, &theirs, &[Side::Theirs], true).unwrap();
        assert_eq!(theirs_wins.text, theirs);
    }

    #[test]
    fn deletions_and_additions() {
        // Ours deletes b and adds d; theirs adds e and leaves b alone.
        let ours = BASE.replace(
            "[[sessions]]\nid = \"b\"\ntitle = \"B\"\nstart = 2024-05-14T10:00:00\n\n",
            "",
        ) + "\n[[sessions]]\nid = \"d\"\ntitle = \"D\"\n";
        let theirs = format!("{BASE}\n[[sessions]]\nid = \"e\"\ntitle = \"E\"\n");
        let text = clean(&ours, &theirs);
        let ids: Vec<&str> = text
            .lines()
            .filter_map(|l| l.strip_prefix("id = \""))
            .collect();
        assert_eq!(ids, ["t\"", "a\"", "c\"", "e\"", "d\""]);
        assert!(text.parse::<DocumentMut>().is_ok(), "{text}");

        // Ours deletes c, theirs changes it: a conflict either way round.
        let ours = BASE.replace("[[sessions]]\nid = \"c\"\ntitle = \"C\"\n", "");
        let theirs = BASE.replace("title = \"C\"", "title = \"C2\"");
        let m = merge(BASE, &ours, &theirs, &[], true).unwrap();
        assert_eq!(m.conflicts[0].clash, Clash::OursDeleted);
        assert!(m.text.contains("#   title = \"C2\""), "{}", m.text);
        assert!(!m.text.contains("\ntitle = \"C2\""), "{}", m.text);
        let m = merge(BASE, &theirs, &ours, &[Side::Ours], true).unwrap();
        assert_eq!(m.conflicts[0].clash, Clash::TheirsDeleted);
        assert!(m.text.contains("\ntitle = \"C2\""), "{}", m.text);
        // Both delete: nothing to decide.
        assert!(!clean(&ours, &ours).contains("id = \"c\""));
    }

    #[test]
    fn a_table_added_between_two_stays_between_them() {
        // Ours adds x between a and b (a room's order is its grid column); theirs retitles c.
        let ours = BASE.replace(
            "[[sessions]]\nid = \"b\"",
            "# x, with its comment\n[[sessions]]\nid = \"x\"\ntitle = \"X\"\n\n[[sessions]]\nid = \"b\"",
        );
        let theirs = BASE.replace("title = \"C\"", "title = \"C2\"");
        let text = clean(&ours, &theirs);
        assert_eq!(
            text,
            ours.replace("title = \"C\"", "title = \"C2\""),
            "{text}"
        );
    }

    #[test]
    fn top_level_tables_merge_by_key() {
        let ours = BASE.replace("name = \"Test\"", "name = \"Ours\"");
        let theirs = BASE.replace("id = \"t\"", "id = \"t\"\nvenue = \"Lyon\"");
        let text = clean(&ours, &theirs);
        assert!(
            text.starts_with("[event]\nid = \"t\"\nvenue = \"Lyon\"\nname = \"Ours\"\n"),
            "{text}"
        );
    }

    #[test]
    fn a_side_that_does_not_parse_is_an_error() {
        let err = merge(BASE, "[[sessions]\n", BASE, &[], true).unwrap_err();
        assert!(matches!(
            err,
            MergeError::NotToml {
                side: "our version",
                ..
            }
        ));
        assert!(
            err.to_string().starts_with("our version is not valid TOML"),
            "{err}"
        );
    }
}
