//! Language tags (BCP 47, RFC 5646): the one check of a `language` value, used by the loader,
//! the importer and the exports' locale, so the three can never disagree about what a tag is.
//!
//! Well-formedness is [`oxilangtag`]'s: the full grammar (language, extlang, script, region,
//! variants, extensions, private use, grandfathered tags), case-insensitive. Whether a subtag
//! is registered with IANA is not checked: a well-formed tag the registry does not know yet
//! is still what the organiser meant.

use oxilangtag::LanguageTag;

/// Whether `tag` is a well-formed BCP 47 language tag (`fr`, `en-GB`, `zh-Hant-TW`, …).
pub fn is_language_tag(tag: &str) -> bool {
    LanguageTag::parse(tag).is_ok()
}

/// Why `tag` is not a well-formed language tag, in words; `None` when it is one.
pub fn tag_problem(tag: &str) -> Option<String> {
    LanguageTag::parse(tag).err().map(|e| e.to_string())
}

/// The primary language subtag, lowercase (`fr` for `fr-CA`); `None` for a tag that is not
/// well-formed.
pub fn primary(tag: &str) -> Option<String> {
    LanguageTag::parse(tag)
        .ok()
        .map(|t| t.primary_language().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_formed_tags_pass() {
        for tag in [
            "fr",
            "en-GB",
            "EN-gb",
            "zh-Hant-TW",
            "sr-Latn-RS",
            "de-CH-1996",
            "es-419",
            "x-private",
            "i-klingon",
            "en-US-u-ca-gregory",
        ] {
            assert!(is_language_tag(tag), "{tag}");
            assert_eq!(tag_problem(tag), None, "{tag}");
        }
    }

    #[test]
    fn malformed_tags_fail_with_a_reason() {
        for tag in [
            "",
            "f",
            "fr_FR",
            "fr-",
            "-fr",
            "english language",
            "fr-FR-x",
            "toolongtag",
            "de-419-419",
            "en-a",
            "12",
        ] {
            assert!(!is_language_tag(tag), "{tag}");
            assert!(tag_problem(tag).is_some_and(|r| !r.is_empty()), "{tag}");
        }
    }

    #[test]
    fn primary_subtag() {
        assert_eq!(primary("fr-CA").as_deref(), Some("fr"));
        assert_eq!(primary("EN").as_deref(), Some("en"));
        assert_eq!(primary("fr_FR"), None);
    }
}
