//! Descriptions, bios and track descriptions are Markdown: this is the one place they become
//! HTML (for every HTML output) or plain text (for the Markdown and text agendas).
//!
//! Markdown is parsed with pulldown-cmark (CommonMark, with strikethrough and tables); the HTML
//! it makes — raw HTML from imported abstracts included — then goes through ammonia's
//! allow-list sanitiser, so a `<script>`, an `onerror=` or a `javascript:` link is removed,
//! never shown as a literal tag and never active. Links keep only `http`, `https` and
//! `mailto` targets, get `rel="noopener noreferrer nofollow"`, and say where they go: a link
//! whose text does not name its host is followed by the host in parentheses. Images are not
//! kept (the agenda makes no external request): their description stays as text. Headings
//! become bold paragraphs, so a description never breaks the page's outline.
//!
//! Text given here has already been cleaned (`clean::block`): no control or bidi characters.

use std::collections::HashSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// Tags a rendered description may keep (everything else is removed, its text kept;
/// `script` and `style` lose their content too).
const TAGS: &[&str] = &[
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "code",
    "dd",
    "del",
    "dl",
    "dt",
    "em",
    "hr",
    "i",
    "kbd",
    "li",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "small",
    "strong",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
];

fn options() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

fn sanitiser() -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::empty();
    b.tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .clean_content_tags(["script", "style"].into_iter().collect::<HashSet<_>>())
        .add_tag_attributes("a", ["href", "title"])
        .add_tag_attributes("abbr", ["title"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("ol", ["start"])
        .url_schemes(
            ["http", "https", "mailto"]
                .into_iter()
                .collect::<HashSet<_>>(),
        )
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("noopener noreferrer nofollow"))
        .strip_comments(true);
    b
}

/// Markdown (raw HTML in it allowed) as safe HTML to put inside a `<div>`.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, options()).flat_map(|event| match event {
        // A line break written in the text is kept (descriptions are often plain text).
        Event::SoftBreak => vec![Event::HardBreak],
        // A heading is a paragraph in bold: the page's own headings make its outline.
        Event::Start(Tag::Heading { .. }) => {
            vec![Event::Start(Tag::Paragraph), Event::Start(Tag::Strong)]
        }
        Event::End(TagEnd::Heading(_)) => {
            vec![Event::End(TagEnd::Strong), Event::End(TagEnd::Paragraph)]
        }
        // An image is its description: no request leaves the page.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => vec![],
        other => vec![other],
    });
    let mut raw = String::with_capacity(markdown.len() * 2);
    pulldown_cmark::html::push_html(&mut raw, tags_in_text_are_html(events).into_iter());
    let clean = sanitiser().clean(&raw).to_string();
    say_where_links_go(&clean)
}

/// Text runs that hold what a browser reads as a tag (`<b onclick=alert('x')>`, which
/// CommonMark does not take for HTML because of its unquoted attribute) become raw HTML, so
/// the sanitiser filters them like any other HTML instead of the page showing them as
/// literal tags. A `<` before a space or a digit stays text; code spans stay text.
fn tags_in_text_are_html<'a>(events: impl Iterator<Item = Event<'a>>) -> Vec<Event<'a>> {
    fn looks_like_a_tag(text: &str) -> bool {
        text.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!')))
    }
    let mut out: Vec<Event<'a>> = Vec::new();
    let mut run: Option<String> = None;
    let flush = |run: &mut Option<String>, out: &mut Vec<Event<'a>>| {
        if let Some(text) = run.take() {
            out.push(if looks_like_a_tag(&text) {
                Event::InlineHtml(text.into())
            } else {
                Event::Text(text.into())
            });
        }
    };
    for event in events {
        match event {
            Event::Text(t) => run.get_or_insert_with(String::new).push_str(&t),
            other => {
                flush(&mut run, &mut out);
                out.push(other);
            }
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The host a link goes to, as people read it: `example.org` for
/// `https://www.example.org/x`, the address for `mailto:`.
pub fn link_host(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("mailto:") {
        let address = rest.split('?').next().unwrap_or(rest);
        return (!address.is_empty()).then(|| address.to_string());
    }
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The HTML entities the serialiser writes, decoded (for comparing a link's text).
fn decode(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// After each `<a href="…">text</a>` of sanitised HTML whose text does not name the host,
/// ` <span class="host">(host)</span>`. The input is the sanitiser's output: attributes are
/// double-quoted and links do not nest.
fn say_where_links_go(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("<a ") {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(close) = rest.find("</a>") else {
            break;
        };
        let anchor = &rest[..close + 4];
        rest = &rest[close + 4..];
        if !anchor.contains(" href=\"") {
            // A link whose target was refused is its text.
            if let Some(open_end) = anchor.find('>') {
                out.push_str(&anchor[open_end + 1..anchor.len() - 4]);
            }
            continue;
        }
        out.push_str(anchor);
        let href = anchor
            .find("href=\"")
            .map(|i| &anchor[i + 6..])
            .and_then(|h| h.find('"').map(|j| decode(&h[..j])));
        let text = anchor
            .find('>')
            .map(|i| strip_tags(&anchor[i + 1..anchor.len() - 4]))
            .unwrap_or_default();
        if let Some(host) = href.as_deref().and_then(link_host) {
            if !text.to_ascii_lowercase().contains(&host) {
                out.push_str(" <span class=\"host\">(");
                crate::export::template::html_escape(&host, &mut out);
                out.push_str(")</span>");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The text of an HTML fragment of the sanitiser's output, entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode(&out)
}

/// Raw HTML of a description as the text it shows (tags and `<script>`/`<style>` content
/// removed).
fn html_text(html: &str) -> String {
    let mut b = ammonia::Builder::empty();
    b.clean_content_tags(["script", "style"].into_iter().collect::<HashSet<_>>());
    decode(&b.clean(html).to_string())
}

/// Markdown (raw HTML in it allowed) as plain text: paragraphs separated by a blank line, list
/// items as `- `, a link as its text followed by `(URL)` when the URL may be a link and is
/// not the text already, images as their description, raw HTML as its text. The Markdown and
/// text agendas show descriptions this way (the Markdown agenda escapes it).
pub fn to_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut links: Vec<(String, usize)> = Vec::new();
    let mut lists: Vec<Option<u64>> = Vec::new();
    // Inside an inline `<script>` or `<style>`: its text is not shown.
    let mut hidden: Option<&'static str> = None;
    let blank_line = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for event in Parser::new_ext(markdown, options()) {
        if let Some(close) = hidden {
            if let Event::InlineHtml(h) = &event {
                if h.to_ascii_lowercase().starts_with(close) {
                    hidden = None;
                }
            }
            continue;
        }
        match event {
            Event::InlineHtml(h)
                if ["<script", "<style"]
                    .iter()
                    .any(|t| h.to_ascii_lowercase().starts_with(t)) =>
            {
                let lower = h.to_ascii_lowercase();
                let close = if lower.starts_with("<script") {
                    "</script"
                } else {
                    "</style"
                };
                if !lower.contains(close) {
                    hidden = Some(close);
                }
            }
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::InlineMath(t) | Event::DisplayMath(t) => out.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => out.push_str(&html_text(&h)),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            Event::Rule => {
                blank_line(&mut out);
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Heading { .. }
                | Tag::BlockQuote(_)
                | Tag::CodeBlock(_)
                | Tag::Table(_),
            ) if !out.ends_with("- ") && !out.ends_with(". ") => {
                blank_line(&mut out);
            }
            Event::Start(Tag::List(first)) => {
                if lists.is_empty() {
                    blank_line(&mut out);
                }
                lists.push(first);
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                if !out.ends_with("\n\n") {
                    let trimmed = out.trim_end_matches([' ', '\n']).len();
                    out.truncate(trimmed);
                    if !out.is_empty() {
                        out.push('\n');
                    }
                }
                out.push_str(&"  ".repeat(lists.len().saturating_sub(1)));
                match lists.last_mut() {
                    Some(Some(n)) => {
                        out.push_str(&format!("{n}. "));
                        *n += 1;
                    }
                    _ => out.push_str("- "),
                }
            }
            Event::End(TagEnd::TableCell) => out.push_str(" | "),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => out.push('\n'),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push((dest_url.to_string(), out.len()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, from)) = links.pop() {
                    let text = out.get(from..).unwrap_or_default().trim().to_string();
                    if let Some(safe) = crate::export::clean::safe_url(&url) {
                        let shown = safe.strip_prefix("mailto:").unwrap_or(safe);
                        if !text.contains(shown) {
                            out.push_str(&format!(" ({shown})"));
                        }
                    }
                }
            }
            Event::TaskListMarker(done) => out.push_str(if done { "[x] " } else { "[ ] " }),
            _ => {}
        }
    }
    crate::export::clean::block(out.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        let html = to_html("Un **atelier** pour *tous*.\n\n- un\n- deux");
        assert!(html.contains("<strong>atelier</strong>"), "{html}");
        assert!(html.contains("<em>tous</em>"), "{html}");
        assert!(html.contains("<li>deux</li>"), "{html}");
        // A line break as written is kept.
        assert!(to_html("one\ntwo").contains("one<br>"));
        assert_eq!(to_html("# Big").trim(), "<p><strong>Big</strong></p>");
        assert_eq!(to_html("<h1>Raw</h1>").trim(), "Raw");
    }

    #[test]
    fn raw_html_is_sanitised_not_shown() {
        let html = to_html(
            "<p onclick=\"x()\">Hi <b>there</b></p>\n\n<script>alert(1)</script>\n\n\
             <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a> \
             <iframe src=\"https://evil.example\"></iframe><style>*{}</style>",
        );
        for bad in [
            "onclick",
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "<iframe",
            "<img",
            "&lt;script",
            "<style",
        ] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(html.contains("<b>there</b>"), "{html}");
        // What CommonMark leaves as text but a browser would read as a tag is filtered too.
        let tagged = to_html("<b onmouseover=alert('x')>Bio</b> 1 < 2 `<i>code</i>`");
        assert_eq!(
            tagged.trim(),
            "<p><b>Bio</b> 1 &lt; 2 <code>&lt;i&gt;code&lt;/i&gt;</code></p>"
        );
        assert!(html.contains("click"), "{html}");
        // A link without a target is no link (no `rel` without `href`).
        assert!(!html.contains("<a rel"), "{html}");
        // Markdown links to scripts lose their target too.
        let md = to_html(
            "[x](javascript:alert(1)) [y](data:text/html,hi) ![i](https://t.example/p.png)",
        );
        assert!(!md.contains("javascript:") && !md.contains("data:"), "{md}");
        assert!(!md.contains("t.example") && md.contains('i'), "{md}");
    }

    #[test]
    fn links_say_where_they_go() {
        let html = to_html("[the slides](https://www.example.org/talk) and <https://example.org>");
        assert!(
            html.contains(
                "<a href=\"https://www.example.org/talk\" rel=\"noopener noreferrer nofollow\">the slides</a> <span class=\"host\">(example.org)</span>"
            ),
            "{html}"
        );
        // A link whose text is its address names it already.
        assert_eq!(html.matches("class=\"host\"").count(), 1, "{html}");
        assert_eq!(
            link_host("mailto:a@b.example?subject=x").as_deref(),
            Some("a@b.example")
        );
        assert_eq!(
            link_host("http://u:p@Host.example:8080/x").as_deref(),
            Some("host.example")
        );
        assert_eq!(link_host("ftp://x"), None);
    }

    #[test]
    fn markdown_becomes_text() {
        assert_eq!(
            to_text("Un **atelier** : [les notes](https://example.org/n).\n\n- un\n- deux\n\n<b>fin</b><script>alert(1)</script>"),
            "Un atelier : les notes (https://example.org/n).\n\n- un\n- deux\n\nfin"
        );
        assert_eq!(to_text("[x](javascript:alert(1))"), "x");
        assert_eq!(to_text("<https://example.org>"), "https://example.org");
        assert_eq!(to_text("1. a\n2. b"), "1. a\n2. b");
    }
}
