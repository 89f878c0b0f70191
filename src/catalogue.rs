//! Message catalogues: every word agora publishes (and the editor's own words) in Fluent files
//! a translator edits without Rust, `locales/<tag>/<domain>.ftl`, embedded at build time
//! (build.rs). docs/languages.md tells a translator how to add a language and check it.
//!
//! A tag finds its catalogue through [`crate::language::fallback_chain`] (`fr-CA` → `fr` →
//! `en`); a message a catalogue lacks reads as English (the tests make sure none lacks one).
//! Placeables are not wrapped in bidi isolates here: exports isolate untrusted text themselves
//! (`<bdi>` in HTML), and the values given to messages are agora's own.

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// Which words: those published in exports, or the editor's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// `export.ftl`: agendas, calendars, signage.
    Export,
    /// `editor.ftl`: the terminal editor's own words.
    Editor,
}

impl Domain {
    pub fn file_stem(self) -> &'static str {
        match self {
            Domain::Export => "export",
            Domain::Editor => "editor",
        }
    }
}

/// One language's messages of one domain.
pub struct Catalogue {
    /// The catalogue's folder name (`fr`, `zh-Hans`).
    pub tag: &'static str,
    pub domain: Domain,
    bundle: FluentBundle<FluentResource>,
    /// What reading the file said, for the catalogue tests.
    problems: Vec<String>,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("tag", &self.tag)
            .field("domain", &self.domain)
            .finish_non_exhaustive()
    }
}

fn load(tag: &'static str, domain: Domain, source: &'static str) -> Catalogue {
    let mut problems = Vec::new();
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, errors)) => {
            problems.extend(errors.iter().map(|e| format!("{e:?}")));
            r
        }
    };
    let langid = tag
        .parse::<unic_langid::LanguageIdentifier>()
        .unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        problems.extend(errors.iter().map(|e| format!("{e:?}")));
    }
    Catalogue {
        tag,
        domain,
        bundle,
        problems,
    }
}

/// A shipped catalogue file, read the first time it is asked for: a command in one language
/// reads one or two of the files, not every language's.
struct Shipped {
    tag: &'static str,
    domain: Domain,
    source: &'static str,
    read: OnceLock<Catalogue>,
}

fn shipped_files() -> &'static [Shipped] {
    static FILES: OnceLock<Vec<Shipped>> = OnceLock::new();
    FILES.get_or_init(|| {
        CATALOGUES
            .iter()
            .filter_map(|&(tag, stem, source)| {
                let domain = [Domain::Export, Domain::Editor]
                    .into_iter()
                    .find(|d| d.file_stem() == stem)?;
                Some(Shipped {
                    tag,
                    domain,
                    source,
                    read: OnceLock::new(),
                })
            })
            .collect()
    })
}

/// The tags of the languages with a catalogue of `domain`, in tag order.
pub fn shipped(domain: Domain) -> Vec<&'static str> {
    shipped_files()
        .iter()
        .filter(|c| c.domain == domain)
        .map(|c| c.tag)
        .collect()
}

fn exact(domain: Domain, tag: &str) -> Option<&'static Catalogue> {
    let file = shipped_files()
        .iter()
        .find(|c| c.domain == domain && c.tag.eq_ignore_ascii_case(tag))?;
    Some(
        file.read
            .get_or_init(|| load(file.tag, file.domain, file.source)),
    )
}

/// The catalogue for a language tag: the first of its fallback chain that is shipped.
pub fn for_tag(domain: Domain, tag: &str) -> Option<&'static Catalogue> {
    crate::language::fallback_chain(tag)
        .iter()
        .find_map(|t| exact(domain, t))
}

impl Catalogue {
    /// The ids of the messages this catalogue defines, in file order.
    pub fn ids(&self) -> Vec<String> {
        CATALOGUES
            .iter()
            .filter(|(t, d, _)| *t == self.tag && *d == self.domain.file_stem())
            .flat_map(|(_, _, source)| message_ids(source))
            .collect()
    }

    /// What is wrong with the file (syntax errors, a message defined twice); empty when fine.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    fn english(&self) -> Option<&'static Catalogue> {
        exact(self.domain, "en")
    }

    /// The message `id` with `args` (`$name` in the catalogue), falling back to English, then
    /// to the id itself.
    pub fn format(&self, id: &str, args: &[(&str, &str)]) -> String {
        self.format_counts(id, args, &[])
    }

    /// The message `id` with text `args` and number `counts`: a number chooses among the
    /// message's plural forms (`[one]`, `[few]`, `[other]`, as the language's CLDR plural rules
    /// say) and is written as the language writes numbers.
    pub fn format_counts(&self, id: &str, args: &[(&str, &str)], counts: &[(&str, i64)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (k, v) in args {
            fluent_args.set(*k, *v);
        }
        for (k, n) in counts {
            fluent_args.set(*k, *n);
        }
        let args = (!args.is_empty() || !counts.is_empty()).then_some(&fluent_args);
        for cat in std::iter::once(self).chain(self.english()) {
            if let Some(pattern) = cat.bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text: Cow<'_, str> = cat.bundle.format_pattern(pattern, args, &mut errors);
                return text.into_owned();
            }
        }
        id.to_string()
    }

    /// The message `id`, without variables.
    pub fn text(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// Whether this catalogue itself defines `id`.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }
}

/// The ids of the messages (not terms, not attributes) a Fluent source defines.
fn message_ids(source: &str) -> Vec<String> {
    let resource = match FluentResource::try_new(source.to_string()) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .entries()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}
