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

/// Whether `tag` is a tag a browser or an app can use: well-formed, and with a primary
/// language subtag of two or three letters (or private use `x-…`, or grandfathered `i-…`).
/// `English` is well-formed (five to eight letters are reserved for future use) but names no
/// language, so it must never reach `lang=`.
pub fn is_usable_tag(tag: &str) -> bool {
    let Ok(parsed) = LanguageTag::parse(tag) else {
        return false;
    };
    let lower = tag.to_ascii_lowercase();
    (2..=3).contains(&parsed.primary_language().len())
        || lower.starts_with("x-")
        || lower.starts_with("i-")
}

/// The tag a schedule means by a language value: a usable tag as written (`en_GB` read as
/// `en-GB`), or a language's name in English or in the language itself (`English`,
/// `Deutsch`, `français`, case ignored) as its ISO 639-1 code (639-3 when it has none).
/// `None` when the value is neither: a language is never guessed.
pub fn tag_for(value: &str) -> Option<String> {
    let value = value.trim();
    if value.is_empty() {
        return None;
    }
    let dashed = value.replace('_', "-");
    if is_usable_tag(&dashed) {
        return Some(dashed);
    }
    let lower = value.to_lowercase();
    let by_english = {
        let lower = lower.clone();
        isolang::Language::match_names(move |n| n.to_lowercase() == lower).next()
    };
    let found = by_english
        .or_else(|| isolang::Language::match_autonyms(move |n| n.to_lowercase() == lower).next())?;
    Some(
        found
            .to_639_1()
            .unwrap_or_else(|| found.to_639_3())
            .to_string(),
    )
}

/// Whether the language of `tag` writes decimals with a comma (`3,5`), so that a spreadsheet
/// set to it reads `,` as the decimal mark and expects `;` between CSV cells (CLDR's decimal
/// symbol; regional exceptions such as `de-CH` and `es-MX` write a point).
pub fn uses_decimal_comma(tag: &str) -> bool {
    const COMMA: &[&str] = &[
        "af", "az", "be", "bg", "bs", "ca", "cs", "da", "de", "el", "es", "et", "eu", "fi", "fo",
        "fr", "gl", "hr", "hu", "hy", "id", "is", "it", "ka", "kk", "ky", "lb", "lt", "lv", "mk",
        "nb", "nl", "nn", "no", "pl", "pt", "ro", "ru", "sk", "sl", "sq", "sr", "sv", "tr", "uk",
        "uz", "vi",
    ];
    const POINT_REGIONS: &[&str] = &[
        "de-ch", "de-li", "it-ch", "fr-ch", "es-mx", "es-us", "es-pr", "es-do", "es-gt", "es-hn",
        "es-ni", "es-pa", "es-sv", "es-pe",
    ];
    let Some(primary) = primary(tag) else {
        return false;
    };
    let lower = tag.to_ascii_lowercase();
    COMMA.contains(&primary.as_str())
        && !POINT_REGIONS
            .iter()
            .any(|r| lower == *r || lower.starts_with(&format!("{r}-")))
}

/// The name of a tag's language in that language (`français` for `fr-CA`, `English` for
/// `en`), or in English when the table has no autonym; `None` for a tag whose language is
/// not in ISO 639.
pub fn autonym(tag: &str) -> Option<String> {
    let primary = primary(tag)?;
    let language = match primary.len() {
        2 => isolang::Language::from_639_1(&primary),
        3 => isolang::Language::from_639_3(&primary),
        _ => None,
    }?;
    Some(
        language
            .to_autonym()
            .unwrap_or_else(|| language.to_name())
            .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_commas() {
        for tag in ["fr", "fr-FR", "de", "pt-BR", "ru"] {
            assert!(uses_decimal_comma(tag), "{tag}");
        }
        for tag in [
            "en",
            "en-GB",
            "ja",
            "de-CH",
            "es-MX",
            "x-whatever",
            "bad tag",
        ] {
            assert!(!uses_decimal_comma(tag), "{tag}");
        }
    }

    #[test]
    fn tags_have_names() {
        assert_eq!(autonym("fr-CA").as_deref(), Some("français"));
        assert_eq!(autonym("en").as_deref(), Some("English"));
        assert_eq!(autonym("x-klingon"), None);
        assert_eq!(autonym("\"><script>"), None);
    }

    #[test]
    fn names_become_tags_and_nothing_is_invented() {
        for (value, tag) in [
            ("English", Some("en")),
            ("english", Some("en")),
            ("Deutsch", Some("de")),
            ("German", Some("de")),
            ("français", Some("fr")),
            ("French", Some("fr")),
            ("Español", Some("es")),
            ("en", Some("en")),
            ("pt-BR", Some("pt-BR")),
            ("en_GB", Some("en-GB")),
            ("Klingonish", None),
            ("", None),
            ("English language", None),
        ] {
            assert_eq!(tag_for(value).as_deref(), tag, "{value}");
        }
        assert!(is_language_tag("English"), "well-formed, reserved");
        assert!(!is_usable_tag("English"));
        assert!(is_usable_tag("x-private") && is_usable_tag("i-klingon"));
    }

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
