//! Changes as people and programs read them: a diff as text, Markdown or JSON (`agora diff`),
//! and the changelog of releases as Markdown, JSON, an Atom feed and an HTML page.
//!
//! Everything is escaped for its own syntax (titles and names are untrusted) and
//! deterministic: times are the releases' own.

use serde::Serialize;

use crate::export::clean;
use crate::export::template::{html_escape, markdown_escape};
use crate::release::diff::{Change, Diff, Field, FieldChange, ItemChange, SessionChange};
use crate::release::history::{ChangeInfo, LogEntry};
use crate::time::Instant;

/// `2026-12-01 08:00 UTC`.
pub fn utc_text(t: Instant) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or(chrono::DateTime::UNIX_EPOCH)
        .format("%Y-%m-%d %H:%M UTC")
        .to_string()
}

/// `2026-12-01T08:00:00Z`.
pub fn rfc3339(t: Instant) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .unwrap_or(chrono::DateTime::UNIX_EPOCH)
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

fn value(v: &Option<String>, label: &Option<String>) -> String {
    match (v, label) {
        (_, Some(l)) => clean::line(l),
        (Some(v), None) => clean::line(v),
        (None, None) => "none".to_string(),
    }
}

fn quoted(text: &Option<String>) -> String {
    match text {
        None => "none".to_string(),
        Some(t) => format!("\"{}\"", clean::line(t)),
    }
}

/// One field change in words (unescaped, cleaned of controls).
pub fn field_text(f: &FieldChange, diff: &Diff) -> String {
    let person = |id: &String| clean::line(diff.people.get(id).map_or(id.as_str(), String::as_str));
    match f.field {
        Field::Speakers | Field::Moderators => {
            let mut parts: Vec<String> =
                f.added.iter().map(|p| format!("+{}", person(p))).collect();
            parts.extend(f.removed.iter().map(|p| format!("-{}", person(p))));
            format!("{} {}", f.field.as_str(), parts.join(" "))
        }
        Field::Description => "description changed".to_string(),
        Field::Title | Field::Url => {
            format!(
                "{} {} → {}",
                f.field.as_str(),
                quoted(&f.old),
                quoted(&f.new)
            )
        }
        Field::Duration => format!(
            "duration {} → {} min",
            f.old.as_deref().unwrap_or("?"),
            f.new.as_deref().unwrap_or("?")
        ),
        _ => format!(
            "{} {} → {}",
            f.field.as_str(),
            value(&f.old, &f.old_label),
            value(&f.new, &f.new_label)
        ),
    }
}

fn session_line(s: &SessionChange, diff: &Diff) -> String {
    let when = s
        .start
        .as_deref()
        .map(|t| format!(" ({})", t.replace('T', " ")))
        .unwrap_or_default();
    let kind = match s.change {
        Change::Changed if s.moved => "moved",
        other => other.as_str(),
    };
    let mut line = format!("{kind:<9} {} \"{}\"{when}", s.id, clean::line(&s.title));
    let fields: Vec<String> = s
        .fields
        .iter()
        .filter(|f| !(s.change == Change::Cancelled && f.field == Field::Status))
        .map(|f| field_text(f, diff))
        .collect();
    if !fields.is_empty() {
        line.push_str(": ");
        line.push_str(&fields.join("; "));
    }
    line
}

fn item_line(kind: &str, item: &crate::release::diff::Item) -> String {
    let name = |n: &Option<String>| clean::line(n.as_deref().unwrap_or(""));
    match item.change {
        ItemChange::Added => format!("{kind} added {} \"{}\"", item.id, name(&item.new)),
        ItemChange::Removed => format!("{kind} removed {} \"{}\"", item.id, name(&item.old)),
        ItemChange::Renamed => format!(
            "{kind} renamed {} \"{}\" → \"{}\"",
            item.id,
            name(&item.old),
            name(&item.new)
        ),
    }
}

/// The one-line count: "2 new, 1 cancelled, 0 removed, 3 changed".
pub fn summary(diff: &Diff) -> String {
    let [n, c, r, ch] = diff.counts();
    let items = diff.rooms.len() + diff.speakers.len() + diff.tracks.len();
    let mut text = format!("{n} new, {c} cancelled, {r} removed, {ch} changed");
    if items > 0 {
        text.push_str(&format!(
            "; {} room, {} speaker and {} track change(s)",
            diff.rooms.len(),
            diff.speakers.len(),
            diff.tracks.len()
        ));
    }
    text
}

fn lines(diff: &Diff) -> Vec<String> {
    let mut out: Vec<String> = diff
        .sessions
        .iter()
        .map(|s| session_line(s, diff))
        .collect();
    out.extend(diff.rooms.iter().map(|i| item_line("room", i)));
    out.extend(diff.speakers.iter().map(|i| item_line("speaker", i)));
    out.extend(diff.tracks.iter().map(|i| item_line("track", i)));
    out
}

/// `agora diff` as text: a heading, one line per change, and the counts.
pub fn diff_text(diff: &Diff, from: &str, to: &str) -> String {
    let mut out = format!(
        "changes from {} to {}:\n",
        clean::line(from),
        clean::line(to)
    );
    if diff.is_empty() {
        out.push_str("  no changes\n");
        return out;
    }
    for line in lines(diff) {
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("{}\n", summary(diff)));
    out
}

/// `agora diff` as Markdown: one bullet per change.
pub fn diff_markdown(diff: &Diff, from: &str, to: &str) -> String {
    let mut out = format!(
        "## Changes from {} to {}\n\n",
        markdown_escape(&clean::line(from)),
        markdown_escape(&clean::line(to))
    );
    push_markdown_list(&mut out, diff);
    out
}

fn push_markdown_list(out: &mut String, diff: &Diff) {
    if diff.is_empty() {
        out.push_str("No changes.\n");
        return;
    }
    for line in lines(diff) {
        out.push_str("- ");
        out.push_str(&markdown_escape(&line));
        out.push('\n');
    }
    out.push_str(&format!("\n{}.\n", markdown_escape(&summary(diff))));
}

#[derive(Serialize)]
struct DiffJson<'a> {
    from: &'a str,
    to: &'a str,
    changed: bool,
    counts: Counts,
    #[serde(flatten)]
    diff: &'a Diff,
}

#[derive(Serialize)]
struct Counts {
    new: usize,
    cancelled: usize,
    removed: usize,
    changed: usize,
}

fn counts(diff: &Diff) -> Counts {
    let [new, cancelled, removed, changed] = diff.counts();
    Counts {
        new,
        cancelled,
        removed,
        changed,
    }
}

/// `agora diff --format json` (shape in docs/releases.md).
pub fn diff_json(diff: &Diff, from: &str, to: &str) -> String {
    let doc = DiffJson {
        from,
        to,
        changed: !diff.is_empty(),
        counts: counts(diff),
        diff,
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

fn entry_name(e: &LogEntry) -> String {
    e.name
        .clone()
        .unwrap_or_else(|| "unreleased changes".to_string())
}

/// The changelog as Markdown, newest first, for e-mails and wikis.
pub fn changelog_markdown(event_name: &str, info: &ChangeInfo) -> String {
    let mut out = format!(
        "# Changes to {}\n",
        markdown_escape(&clean::line(event_name))
    );
    for e in info.log.iter().rev() {
        out.push_str(&format!(
            "\n## {} — {}\n\n",
            markdown_escape(&clean::line(&entry_name(e))),
            utc_text(e.time)
        ));
        if let Some(c) = &e.comment {
            out.push_str(&markdown_escape(&clean::line(c)));
            out.push_str("\n\n");
        }
        match &e.diff {
            None => out.push_str(&format!("First release: {} sessions.\n", e.sessions)),
            Some(d) => push_markdown_list(&mut out, d),
        }
    }
    out
}

#[derive(Serialize)]
struct ReleaseJson<'a> {
    /// `null` for the working copy's unreleased changes.
    name: Option<&'a str>,
    time: String,
    comment: Option<&'a str>,
    first: bool,
    sessions: usize,
    counts: Option<Counts>,
    changes: Option<&'a Diff>,
}

/// `changes.json`: every release, newest first, with its changes (docs/releases.md).
pub fn changes_json(event_id: &str, info: &ChangeInfo) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        event: &'a str,
        version: Option<&'a str>,
        releases: Vec<ReleaseJson<'a>>,
    }
    let releases = info
        .log
        .iter()
        .rev()
        .map(|e| ReleaseJson {
            name: e.name.as_deref(),
            time: rfc3339(e.time),
            comment: e.comment.as_deref(),
            first: e.diff.is_none(),
            sessions: e.sessions,
            counts: e.diff.as_ref().map(counts),
            changes: e.diff.as_ref(),
        })
        .collect();
    let doc = Doc {
        event: event_id,
        version: info.version.as_deref(),
        releases,
    };
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string());
    text.push('\n');
    text
}

fn xml(text: &str) -> String {
    let mut out = String::new();
    html_escape(&clean::line(text), &mut out);
    out
}

/// An Atom feed (RFC 4287) of the releases, newest first: one entry per release, its
/// comment and changes as the content. `base` is the feed's id prefix (`urn:agora:EVENT`).
pub fn atom(event_id: &str, event_name: &str, info: &ChangeInfo) -> String {
    let base = format!("urn:agora:{}", clean::line(event_id));
    let updated = info.log.iter().map(|e| e.time).max().unwrap_or(0);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    out.push_str(&format!("  <id>{}:releases</id>\n", xml(&base)));
    out.push_str(&format!(
        "  <title>{} — releases</title>\n",
        xml(event_name)
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str("  <author><name>agora</name></author>\n");
    out.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"changes.html\"/>\n");
    out.push_str("  <generator>agora</generator>\n");
    for (n, e) in info.log.iter().enumerate().rev() {
        let name = entry_name(e);
        let id = match &e.name {
            Some(name) => format!("{base}:release:{}", name.to_lowercase().replace(' ', "-")),
            None => format!("{base}:unreleased:{n}"),
        };
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <id>{}</id>\n", xml(&id)));
        out.push_str(&format!("    <title>{}</title>\n", xml(&name)));
        out.push_str(&format!("    <updated>{}</updated>\n", rfc3339(e.time)));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"changes.html#{}\"/>\n",
            xml(&anchor(e, n))
        ));
        let summary = match &e.diff {
            None => format!("First release: {} sessions.", e.sessions),
            Some(d) => summary(d),
        };
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&summary)));
        let mut content = String::new();
        if let Some(c) = &e.comment {
            content.push_str(&clean::line(c));
            content.push_str("\n\n");
        }
        if let Some(d) = &e.diff {
            for line in lines(d) {
                content.push_str("- ");
                content.push_str(&line);
                content.push('\n');
            }
        }
        if !content.is_empty() {
            let mut escaped = String::new();
            html_escape(content.trim_end(), &mut escaped);
            out.push_str(&format!("    <content type=\"text\">{escaped}</content>\n"));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The anchor of a changelog entry on the changes page.
pub(crate) fn anchor(e: &LogEntry, n: usize) -> String {
    match &e.name {
        Some(name) => {
            let slug: String = name
                .to_lowercase()
                .chars()
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            format!("release-{slug}")
        }
        None => format!("unreleased-{n}"),
    }
}

/// The changes page: every release with its comment and its changes, newest first, linking
/// each changed session to its place in the agenda (`index.html#s-ID`).
pub fn changes_page(event_name: &str, language: &str, info: &ChangeInfo) -> String {
    let e = |t: &str| {
        let mut s = String::new();
        html_escape(&clean::line(t), &mut s);
        s
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", e(language)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{} — changes</title>\n", e(event_name)));
    out.push_str("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"changes.atom\" title=\"Releases\">\n");
    out.push_str("<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}.kind{font-weight:bold;text-transform:uppercase;font-size:.8em}</style>\n");
    out.push_str("</head>\n<body>\n<main>\n");
    out.push_str(&format!("<h1>{} — changes</h1>\n", e(event_name)));
    out.push_str("<p><a href=\"index.html\">Back to the program</a> · <a href=\"changes.atom\">Atom feed</a> · <a href=\"changes.json\">JSON</a></p>\n");
    for (n, entry) in info.log.iter().enumerate().rev() {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{} <small><time datetime=\"{}\">{}</time></small></h2>\n",
            e(&anchor(entry, n)),
            e(&entry_name(entry)),
            rfc3339(entry.time),
            utc_text(entry.time)
        ));
        if let Some(c) = &entry.comment {
            out.push_str(&format!("<p>{}</p>\n", e(c)));
        }
        match &entry.diff {
            None => out.push_str(&format!(
                "<p>First release: {} sessions.</p>\n",
                entry.sessions
            )),
            Some(d) if d.is_empty() => out.push_str("<p>No changes.</p>\n"),
            Some(d) => {
                out.push_str("<ul>\n");
                for s in &d.sessions {
                    let fields: Vec<String> = s
                        .fields
                        .iter()
                        .filter(|f| !(s.change == Change::Cancelled && f.field == Field::Status))
                        .map(|f| e(&field_text(f, d)))
                        .collect();
                    let title = if s.change == Change::Removed {
                        e(&s.title)
                    } else {
                        format!("<a href=\"index.html#s-{}\">{}</a>", e(&s.id), e(&s.title))
                    };
                    out.push_str(&format!(
                        "<li><span class=\"kind\">{}</span> {title}{}</li>\n",
                        s.change.as_str(),
                        if fields.is_empty() {
                            String::new()
                        } else {
                            format!(": {}", fields.join("; "))
                        }
                    ));
                }
                for (kind, list) in [
                    ("room", &d.rooms),
                    ("speaker", &d.speakers),
                    ("track", &d.tracks),
                ] {
                    for i in list.iter() {
                        out.push_str(&format!("<li>{}</li>\n", e(&item_line(kind, i))));
                    }
                }
                out.push_str("</ul>\n");
                out.push_str(&format!("<p>{}.</p>\n", e(&summary(d))));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
