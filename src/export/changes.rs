//! Changes as people and programs read them: a diff as text, Markdown or JSON (`agora diff`),
//! and the changelog of releases as Markdown, JSON, an Atom feed and an HTML page.
//!
//! Everything is escaped for its own syntax (titles and names are untrusted) and
//! deterministic: times are the releases' own.

use serde::Serialize;

use crate::export::clean;
use crate::export::locale::Locale;
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

/// The words of a changelog: the export catalogue of `locale` (`agora diff` and the summary
/// lines of the CLI and the editor read English's). `dates` writes a session's start in the
/// language's CLDR format ("mardi 5 décembre à 09:00") instead of `2017-12-05 09:00`.
struct Say<'a> {
    locale: std::borrow::Cow<'a, Locale>,
    dates: bool,
}

impl Say<'_> {
    fn english() -> Say<'static> {
        Say {
            locale: std::borrow::Cow::Owned(Locale::for_tag("en")),
            dates: false,
        }
    }

    fn of(locale: &Locale) -> Say<'_> {
        Say {
            locale: std::borrow::Cow::Borrowed(locale),
            dates: true,
        }
    }

    fn text(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.locale.message(id, args, &[])
    }

    fn counts(&self, id: &str, counts: &[(&str, usize)]) -> String {
        let counts: Vec<(&str, i64)> = counts
            .iter()
            .map(|&(k, n)| (k, i64::try_from(n).unwrap_or(i64::MAX)))
            .collect();
        self.locale.message(id, &[], &counts)
    }

    fn field(&self, field: Field) -> String {
        self.text(&format!("change_field_{}", field.as_str()), &[])
    }

    fn quoted(&self, text: &str) -> String {
        self.text("change_quoted", &[("text", text)])
    }

    fn value(&self, v: &Option<String>, label: &Option<String>) -> String {
        match (v, label) {
            (_, Some(l)) => clean::line(l),
            (Some(v), None) => clean::line(v),
            (None, None) => self.text("change_no_value", &[]),
        }
    }

    fn quoted_value(&self, text: &Option<String>) -> String {
        match text {
            None => self.text("change_no_value", &[]),
            Some(t) => self.quoted(&clean::line(t)),
        }
    }

    /// A release's time: "December 1, 2026, 8:00 AM UTC" (CLDR date and clock, in UTC).
    fn time(&self, t: Instant) -> String {
        let utc = chrono::DateTime::from_timestamp(t, 0).unwrap_or(chrono::DateTime::UNIX_EPOCH);
        let date = self.locale.long_date(utc.date_naive());
        let time = self.locale.time(utc.time());
        self.text("changes_time", &[("date", &date), ("time", &time)])
    }

    /// A session's local start, `2017-12-05T09:00`: as written for `agora diff`, else in the
    /// language's words ("Tuesday, December 5 at 9:00 AM").
    fn start(&self, start: &str) -> String {
        let parsed = chrono::NaiveDateTime::parse_from_str(start, "%Y-%m-%dT%H:%M").ok();
        match parsed {
            Some(t) if self.dates => self.locale.day_at(t.date(), &self.locale.time(t.time())),
            _ => start.replace('T', " "),
        }
    }
}

/// One field change in words (unescaped, cleaned of controls).
fn field_words(say: &Say, f: &FieldChange, diff: &Diff) -> String {
    let person = |id: &String| clean::line(diff.people.get(id).map_or(id.as_str(), String::as_str));
    let field = say.field(f.field);
    match f.field {
        Field::Speakers | Field::Moderators => {
            let mut parts: Vec<String> =
                f.added.iter().map(|p| format!("+{}", person(p))).collect();
            parts.extend(f.removed.iter().map(|p| format!("-{}", person(p))));
            say.text(
                "change_people",
                &[("field", &field), ("people", &parts.join(" "))],
            )
        }
        Field::Description => say.text("change_description", &[]),
        Field::Title | Field::Url => say.text(
            "change_field",
            &[
                ("field", &field),
                ("old", &say.quoted_value(&f.old)),
                ("new", &say.quoted_value(&f.new)),
            ],
        ),
        Field::Duration => say.text(
            "change_duration",
            &[
                ("field", &field),
                ("old", f.old.as_deref().unwrap_or("?")),
                ("new", f.new.as_deref().unwrap_or("?")),
            ],
        ),
        _ => say.text(
            "change_field",
            &[
                ("field", &field),
                ("old", &say.value(&f.old, &f.old_label)),
                ("new", &say.value(&f.new, &f.new_label)),
            ],
        ),
    }
}

/// What happened to a session, in words ("moved" for a changed session that moved).
fn kind_word(say: &Say, s: &SessionChange) -> String {
    let kind = match s.change {
        Change::Changed if s.moved => "moved",
        other => other.as_str(),
    };
    say.text(&format!("change_kind_{kind}"), &[])
}

fn field_list(say: &Say, s: &SessionChange, diff: &Diff) -> Vec<String> {
    s.fields
        .iter()
        .filter(|f| !(s.change == Change::Cancelled && f.field == Field::Status))
        .map(|f| field_words(say, f, diff))
        .collect()
}

fn session_line(say: &Say, s: &SessionChange, diff: &Diff) -> String {
    let when = s
        .start
        .as_deref()
        .map(|t| format!(" ({})", say.start(t)))
        .unwrap_or_default();
    let kind = kind_word(say, s);
    let mut line = format!(
        "{kind:<9} {} {}{when}",
        s.id,
        say.quoted(&clean::line(&s.title))
    );
    let fields = field_list(say, s, diff);
    if !fields.is_empty() {
        line.push_str(say.locale.labels().colon);
        line.push_str(&fields.join(&say.text("change_separator", &[])));
    }
    line
}

fn item_line(say: &Say, kind: &str, item: &crate::release::diff::Item) -> String {
    let name = |n: &Option<String>| say.quoted(&clean::line(n.as_deref().unwrap_or("")));
    let (id, args) = match item.change {
        ItemChange::Added => ("change_item_added", [name(&item.new), String::new()]),
        ItemChange::Removed => ("change_item_removed", [name(&item.old), String::new()]),
        ItemChange::Renamed => ("change_item_renamed", [name(&item.old), name(&item.new)]),
    };
    say.text(
        id,
        &[
            ("kind", kind),
            ("id", &item.id),
            ("name", &args[0]),
            ("old", &args[0]),
            ("new", &args[1]),
        ],
    )
}

/// The one-line count: "2 new, 1 cancelled, 0 removed, 3 changed", in English.
pub fn summary(diff: &Diff) -> String {
    summary_words(&Say::english(), diff)
}

/// The one-line count in `locale`'s words ("2 nouvelles, 1 annulée, …").
pub fn summary_in(diff: &Diff, locale: &Locale) -> String {
    summary_words(&Say::of(locale), diff)
}

fn summary_words(say: &Say, diff: &Diff) -> String {
    let [n, c, r, ch] = diff.counts();
    let mut text = say.counts(
        "change_summary",
        &[
            ("new", n),
            ("cancelled", c),
            ("removed", r),
            ("changed", ch),
        ],
    );
    if diff.rooms.len() + diff.speakers.len() + diff.tracks.len() > 0 {
        text.push_str(&say.counts(
            "change_summary_items",
            &[
                ("rooms", diff.rooms.len()),
                ("speakers", diff.speakers.len()),
                ("tracks", diff.tracks.len()),
            ],
        ));
    }
    text
}

fn lines(say: &Say, diff: &Diff) -> Vec<String> {
    let mut out: Vec<String> = diff
        .sessions
        .iter()
        .map(|s| session_line(say, s, diff))
        .collect();
    out.extend(diff.rooms.iter().map(|i| item_line(say, "room", i)));
    out.extend(diff.speakers.iter().map(|i| item_line(say, "speaker", i)));
    out.extend(diff.tracks.iter().map(|i| item_line(say, "track", i)));
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
    for line in lines(&Say::english(), diff) {
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
    push_markdown_list(&Say::english(), &mut out, diff);
    out
}

fn push_markdown_list(say: &Say, out: &mut String, diff: &Diff) {
    if diff.is_empty() {
        out.push_str(&say.text("change_none", &[]));
        out.push('\n');
        return;
    }
    for line in lines(say, diff) {
        out.push_str("- ");
        out.push_str(&markdown_escape(&line));
        out.push('\n');
    }
    let summary = say.text("change_sentence", &[("summary", &summary_words(say, diff))]);
    out.push_str(&format!("\n{}\n", markdown_escape(&summary)));
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

fn entry_name(say: &Say, e: &LogEntry) -> String {
    e.name
        .clone()
        .unwrap_or_else(|| say.text("change_unreleased", &[]))
}

/// The changelog as Markdown, newest first, for e-mails and wikis, in `locale`'s words.
pub fn changelog_markdown(event_name: &str, locale: &Locale, info: &ChangeInfo) -> String {
    let say = Say::of(locale);
    let title = say.text(
        "changes_md_title",
        &[("event", &markdown_escape(&clean::line(event_name)))],
    );
    let mut out = format!("# {title}\n");
    for e in info.log.iter().rev() {
        out.push_str(&format!(
            "\n## {} — {}\n\n",
            markdown_escape(&clean::line(&entry_name(&say, e))),
            say.time(e.time)
        ));
        if let Some(c) = &e.comment {
            out.push_str(&markdown_escape(&clean::line(c)));
            out.push_str("\n\n");
        }
        match &e.diff {
            None => {
                out.push_str(&say.counts("changes_first", &[("sessions", e.sessions)]));
                out.push('\n');
            }
            Some(d) => push_markdown_list(&say, &mut out, d),
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
pub fn atom(event_id: &str, event_name: &str, locale: &Locale, info: &ChangeInfo) -> String {
    let say = Say::of(locale);
    let base = format!("urn:agora:{}", clean::line(event_id));
    let updated = info.log.iter().map(|e| e.time).max().unwrap_or(0);
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        xml(&locale.tag)
    ));
    out.push_str(&format!("  <id>{}:releases</id>\n", xml(&base)));
    out.push_str(&format!(
        "  <title>{}</title>\n",
        xml(&say.text("changes_feed_title", &[("event", event_name)]))
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", rfc3339(updated)));
    out.push_str("  <author><name>agora</name></author>\n");
    out.push_str("  <link rel=\"alternate\" type=\"text/html\" href=\"changes.html\"/>\n");
    out.push_str("  <generator>agora</generator>\n");
    for (n, e) in info.log.iter().enumerate().rev() {
        let name = entry_name(&say, e);
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
            None => say.counts("changes_first", &[("sessions", e.sessions)]),
            Some(d) => summary_words(&say, d),
        };
        out.push_str(&format!("    <summary>{}</summary>\n", xml(&summary)));
        let mut content = String::new();
        if let Some(c) = &e.comment {
            content.push_str(&clean::line(c));
            content.push_str("\n\n");
        }
        if let Some(d) = &e.diff {
            for line in lines(&say, d) {
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
pub fn changes_page(event_name: &str, locale: &Locale, info: &ChangeInfo) -> String {
    let say = Say::of(locale);
    let e = |t: &str| {
        let mut s = String::new();
        html_escape(&clean::line(t), &mut s);
        s
    };
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n");
    let dir = match locale.dir {
        crate::language::Direction::Rtl => " dir=\"rtl\"",
        crate::language::Direction::Ltr => "",
    };
    out.push_str(&format!(
        "<html lang=\"{}\"{dir}>\n<head>\n",
        e(&locale.tag)
    ));
    let title = e(&say.text("changes_page_title", &[("event", event_name)]));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{title}</title>\n"));
    out.push_str(&format!(
        "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"changes.atom\" title=\"{}\">\n",
        e(&say.text("changes_releases", &[]))
    ));
    out.push_str("<style>body{font-family:system-ui,sans-serif;max-width:48rem;margin:1rem auto;padding:0 1rem;line-height:1.5}.kind{font-weight:bold;text-transform:uppercase;font-size:.8em}</style>\n");
    out.push_str("</head>\n<body>\n<main>\n");
    out.push_str(&format!("<h1>{title}</h1>\n"));
    out.push_str(&format!(
        "<p><a href=\"index.html\">{}</a> · <a href=\"changes.atom\">{}</a> · <a href=\"changes.json\">JSON</a></p>\n",
        e(&say.text("changes_back", &[])),
        e(&say.text("changes_atom", &[]))
    ));
    for (n, entry) in info.log.iter().enumerate().rev() {
        out.push_str(&format!(
            "<section id=\"{}\">\n<h2>{} <small><time datetime=\"{}\">{}</time></small></h2>\n",
            e(&anchor(entry, n)),
            e(&entry_name(&say, entry)),
            rfc3339(entry.time),
            e(&say.time(entry.time))
        ));
        if let Some(c) = &entry.comment {
            out.push_str(&format!("<p>{}</p>\n", e(c)));
        }
        match &entry.diff {
            None => out.push_str(&format!(
                "<p>{}</p>\n",
                e(&say.counts("changes_first", &[("sessions", entry.sessions)]))
            )),
            Some(d) if d.is_empty() => {
                out.push_str(&format!("<p>{}</p>\n", e(&say.text("change_none", &[]))))
            }
            Some(d) => {
                out.push_str("<ul>\n");
                for s in &d.sessions {
                    let fields: Vec<String> = field_list(&say, s, d).iter().map(|f| e(f)).collect();
                    let title = if s.change == Change::Removed {
                        format!("<bdi>{}</bdi>", e(&s.title))
                    } else {
                        format!(
                            "<a href=\"index.html#s-{}\"><bdi>{}</bdi></a>",
                            e(&s.id),
                            e(&s.title)
                        )
                    };
                    out.push_str(&format!(
                        "<li><span class=\"kind\">{}</span> {title}{}</li>\n",
                        e(&say.text(&format!("change_kind_{}", s.change.as_str()), &[])),
                        if fields.is_empty() {
                            String::new()
                        } else {
                            format!(
                                "{}{}",
                                locale.labels().colon,
                                fields.join(&e(&say.text("change_separator", &[])))
                            )
                        }
                    ));
                }
                for (kind, list) in [
                    ("room", &d.rooms),
                    ("speaker", &d.speakers),
                    ("track", &d.tracks),
                ] {
                    for i in list.iter() {
                        out.push_str(&format!("<li>{}</li>\n", e(&item_line(&say, kind, i))));
                    }
                }
                out.push_str("</ul>\n");
                let summary = say.text("change_sentence", &[("summary", &summary_words(&say, d))]);
                out.push_str(&format!("<p>{}</p>\n", e(&summary)));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}
