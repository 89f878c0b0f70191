//! Texts from schedules: HTML in abstracts and descriptions (pretalx and frab often send
//! `<p>`, `<ul><li>`, `<a href>`) as Markdown, so the agenda renders it safely instead of
//! showing literal tags; relative links (`/system/attachments/…`) made absolute against the
//! schedule's base URL.

/// Tags whose presence makes a text HTML (an `a < b` comparison or `<3` does not).
const TAGS: [&str; 33] = [
    "p",
    "br",
    "ul",
    "ol",
    "li",
    "a",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "div",
    "span",
    "code",
    "pre",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "img",
    "hr",
    "sup",
    "sub",
    "dl",
    "dt",
    "dd",
];

/// Whether `text` holds HTML markup: a known tag, opening or closing.
pub(crate) fn looks_like_html(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        let rest = &text[i + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let after = rest[name.len()..].chars().next();
        TAGS.contains(&name.as_str()) && matches!(after, Some('>' | ' ' | '/' | '\n' | '\t'))
    })
}

/// HTML as Markdown (the `htmd` converter, on an HTML5 parser: entities decoded, scripts and
/// styles dropped, lists and links kept); the text unchanged when it is not HTML.
pub(crate) fn markdown(text: &str) -> String {
    if !looks_like_html(text) {
        return text.to_string();
    }
    let converter = htmd::HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "head", "iframe", "object"])
        .build();
    match converter.convert(text) {
        Ok(md) if !md.trim().is_empty() => md.trim_end().to_string(),
        _ => text.to_string(),
    }
}

/// Whether `url` names its scheme (`https:`, `mailto:`): nothing to resolve.
fn has_scheme(url: &str) -> bool {
    let Some((scheme, _)) = url.split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `url` resolved against `base` (an http or https URL): `/x` against the host, `//host/x`
/// with the base's scheme, `x` against the base's directory, `#x` and `?x` against the base.
/// Absolute URLs, and everything when there is no usable base, are kept as written.
pub(crate) fn resolve(url: &str, base: Option<&str>) -> String {
    let trimmed = url.trim();
    let Some(base) = base.map(str::trim) else {
        return url.to_string();
    };
    if trimmed.is_empty() || has_scheme(trimmed) {
        return url.to_string();
    }
    let Some((scheme, rest)) = base.split_once("://") else {
        return url.to_string();
    };
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") || rest.is_empty() {
        return url.to_string();
    }
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..authority_end]);
    let path = &rest[authority_end..];
    if let Some(other_host) = trimmed.strip_prefix("//") {
        return format!("{scheme}://{other_host}");
    }
    if trimmed.starts_with('/') {
        return format!("{origin}{trimmed}");
    }
    if trimmed.starts_with(['#', '?']) {
        let base_path = path.split(['#', '?']).next().unwrap_or("");
        return format!("{origin}{base_path}{trimmed}");
    }
    let path = path.split(['#', '?']).next().unwrap_or("");
    let dir = match path.rfind('/') {
        Some(i) => &path[..=i],
        None => "/",
    };
    format!("{origin}{dir}{trimmed}")
}

/// Markdown with the targets of its links and images (`](…)`) resolved against `base`.
pub(crate) fn resolve_links(markdown: &str, base: Option<&str>) -> String {
    if base.is_none() || !markdown.contains("](") {
        return markdown.to_string();
    }
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(at) = rest.find("](") {
        out.push_str(&rest[..at + 2]);
        rest = &rest[at + 2..];
        let end = rest.find(')').unwrap_or(rest.len());
        let inner = &rest[..end];
        // A target, then maybe a title: `](/x "Title")`.
        let (target, title) = match inner.find(' ') {
            Some(i) => (&inner[..i], &inner[i..]),
            None => (inner, ""),
        };
        let (open, target, close) = match target.strip_prefix('<').and_then(|t| t.strip_suffix('>'))
        {
            Some(t) => ("<", t, ">"),
            None => ("", target, ""),
        };
        out.push_str(open);
        out.push_str(&resolve(target, base));
        out.push_str(close);
        out.push_str(title);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_recognised_and_converted() {
        assert!(looks_like_html("<p>Hello</p>"));
        assert!(looks_like_html("a<br/>b"));
        assert!(looks_like_html("<UL><LI>x</LI></UL>"));
        assert!(!looks_like_html("if a < b and b > c"));
        assert!(!looks_like_html("I <3 Rust, <insert name here>"));
        let md = markdown(
            "<p>Intro &amp; more</p><ul><li>One</li><li>Two</li></ul><script>x()</script>",
        );
        assert!(md.starts_with("Intro & more"), "{md}");
        assert!(
            md.contains("One") && md.contains("Two") && !md.contains("<li>"),
            "{md}"
        );
        assert!(!md.contains("x()"), "{md}");
        assert_eq!(markdown("plain text, kept"), "plain text, kept");
    }

    #[test]
    fn relative_urls_resolve_against_the_base() {
        let base = Some("https://frab.example.org/en/36c3/public/schedule");
        assert_eq!(
            resolve("/system/a.pdf", base),
            "https://frab.example.org/system/a.pdf"
        );
        assert_eq!(
            resolve("events/1.html", base),
            "https://frab.example.org/en/36c3/public/events/1.html"
        );
        assert_eq!(
            resolve("//cdn.example.org/x", base),
            "https://cdn.example.org/x"
        );
        assert_eq!(resolve("https://other.org/x", base), "https://other.org/x");
        assert_eq!(resolve("mailto:a@b.c", base), "mailto:a@b.c");
        assert_eq!(resolve("/x", None), "/x");
        assert_eq!(resolve("/x", Some("ftp://h/")), "/x");
        assert_eq!(
            resolve_links("See [slides](/system/s.pdf \"Slides\") and ![](img.png).", base),
            "See [slides](https://frab.example.org/system/s.pdf \"Slides\") and ![](https://frab.example.org/en/36c3/public/img.png)."
        );
    }
}
