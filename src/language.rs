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

/// Whether a session can be followed in one of `wanted`: given in it (`spoken`: the session's
/// language, or the event's when it gives none) or interpreted into it. A tag takes in its
/// more specific tags: `en` covers `en-GB`. One home for the editor's filter and `--language`.
pub fn heard_in(spoken: &str, interpretation: &[String], wanted: &[String]) -> bool {
    let covers = |want: &str, tag: &str| {
        let (want, tag) = (want.to_ascii_lowercase(), tag.to_ascii_lowercase());
        tag == want || tag.starts_with(&format!("{want}-"))
    };
    wanted
        .iter()
        .any(|w| covers(w, spoken) || interpretation.iter().any(|t| covers(w, t)))
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

/// The direction text in a language is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ltr,
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// Whether `tag` is written right to left: Arabic, Hebrew, Persian, Urdu and the other
/// languages whose usual script is, or any tag whose script subtag names a right-to-left
/// script (`az-Arab`); a script subtag of a left-to-right script wins (`ar-Latn`). A tag that
/// is not well-formed reads left to right.
pub fn direction(tag: &str) -> Direction {
    const RTL_LANGUAGES: [&str; 14] = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ps", "sd", "syr", "ug", "ur", "yi",
    ];
    const RTL_SCRIPTS: [&str; 10] = [
        "adlm", "arab", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa",
    ];
    let Ok(parsed) = LanguageTag::parse(tag) else {
        return Direction::Ltr;
    };
    let rtl = match parsed.script() {
        Some(script) => RTL_SCRIPTS.contains(&script.to_ascii_lowercase().as_str()),
        None => RTL_LANGUAGES.contains(&parsed.primary_language().to_ascii_lowercase().as_str()),
    };
    if rtl {
        Direction::Rtl
    } else {
        Direction::Ltr
    }
}

/// The tags to look for a language's catalogue under, most specific first, ending with `en`:
/// `fr-CA` → `fr-CA`, `fr`, `en`; `zh-TW` → `zh-TW`, `zh-Hant`, `zh`, `en`; `zh` and `zh-CN`
/// reach `zh-Hans` (the script a Chinese tag without one is written in is its region's).
/// Extensions and private use are dropped; a tag that is not well-formed gives `en` alone.
pub fn fallback_chain(tag: &str) -> Vec<String> {
    let mut chain: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !chain.iter().any(|c| c.eq_ignore_ascii_case(&t)) {
            chain.push(t);
        }
    };
    if let Ok(parsed) = LanguageTag::parse(tag) {
        let lang = parsed.primary_language().to_ascii_lowercase();
        let script = parsed.script().map(|s| {
            let mut s = s.to_ascii_lowercase();
            s[..1].make_ascii_uppercase();
            s
        });
        let region = parsed.region().map(|r| r.to_ascii_uppercase());
        let script = script.or_else(|| {
            (lang == "zh").then(|| match region.as_deref() {
                Some("TW" | "HK" | "MO") => "Hant".to_string(),
                _ => "Hans".to_string(),
            })
        });
        if let (Some(s), Some(r)) = (&script, &region) {
            push(format!("{lang}-{s}-{r}"));
        }
        if let Some(r) = &region {
            push(format!("{lang}-{r}"));
        }
        if let Some(s) = &script {
            push(format!("{lang}-{s}"));
        }
        push(lang);
    }
    push("en".to_string());
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heard_in_a_language() {
        let en = ["en".to_string()];
        assert!(heard_in("en-GB", &[], &en));
        assert!(heard_in("fr", &["en".to_string()], &en));
        assert!(!heard_in("fr", &["de".to_string()], &en));
        assert!(
            !heard_in("eng", &[], &en),
            "a prefix of letters is not a subtag"
        );
        assert!(heard_in("EN", &[], &en));
    }

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
    fn directions() {
        for tag in ["ar", "ar-EG", "he", "fa-IR", "ur", "az-Arab", "AR"] {
            assert_eq!(direction(tag), Direction::Rtl, "{tag}");
        }
        for tag in ["en", "fr-CA", "ja", "zh-Hans", "ar-Latn", "not a tag", ""] {
            assert_eq!(direction(tag), Direction::Ltr, "{tag}");
        }
        assert_eq!(Direction::Rtl.as_str(), "rtl");
    }

    #[test]
    fn fallback_chains_end_in_english() {
        assert_eq!(fallback_chain("fr-CA"), ["fr-CA", "fr", "en"]);
        assert_eq!(fallback_chain("FR"), ["fr", "en"]);
        assert_eq!(fallback_chain("en-GB"), ["en-GB", "en"]);
        assert_eq!(fallback_chain("zh"), ["zh-Hans", "zh", "en"]);
        assert_eq!(
            fallback_chain("zh-CN"),
            ["zh-Hans-CN", "zh-CN", "zh-Hans", "zh", "en"]
        );
        assert_eq!(
            fallback_chain("zh-TW"),
            ["zh-Hant-TW", "zh-TW", "zh-Hant", "zh", "en"]
        );
        assert_eq!(
            fallback_chain("sr-latn-rs"),
            ["sr-Latn-RS", "sr-RS", "sr-Latn", "sr", "en"]
        );
        assert_eq!(fallback_chain("de-DE-u-co-phonebk"), ["de-DE", "de", "en"]);
        assert_eq!(fallback_chain("\"><"), ["en"]);
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
