//! Sorting names as people read them: "Émile" with the E's, "de la Tour" among the D's,
//! lowercase next to uppercase — never in byte order (where "É" comes after "Z"). One home for
//! the editor's lists and pickers and the exports' indexes.
//!
//! The Unicode Collation Algorithm with the CLDR order of the event's language (ICU4X's
//! collator, its data compiled in): the root order for most languages, the language's own
//! tailoring where it has one ("ñ" after "n" in Spanish, "ł" after "l" in Polish, Chinese by
//! pinyin). Punctuation is ignored at first ("O'Brien" beside "Obrien"); ties are broken by
//! the bytes so the order is total and stable.

use std::cell::RefCell;
use std::cmp::Ordering;

use icu_collator::options::{AlternateHandling, CollatorOptions};
use icu_collator::{Collator, CollatorBorrowed, CollatorPreferences};

thread_local! {
    // One collator per language met, per thread (building one reads its tables).
    static COLLATORS: RefCell<Vec<(String, Option<CollatorBorrowed<'static>>)>> =
        const { RefCell::new(Vec::new()) };
}

fn collator(lang: &str) -> Option<CollatorBorrowed<'static>> {
    let mut options = CollatorOptions::default();
    options.alternate_handling = Some(AlternateHandling::Shifted);
    let locale = lang
        .parse::<icu_locale_core::Locale>()
        .unwrap_or(icu_locale_core::Locale::UNKNOWN);
    Collator::try_new(CollatorPreferences::from(&locale), options).ok()
}

/// How two names compare for a reader of `lang` (a BCP 47 tag; `""` for the root order).
pub fn cmp(lang: &str, a: &str, b: &str) -> Ordering {
    COLLATORS
        .with(|c| {
            let mut c = c.borrow_mut();
            let i = match c.iter().position(|(l, _)| l == lang) {
                Some(i) => i,
                None => {
                    c.push((lang.to_string(), collator(lang)));
                    c.len() - 1
                }
            };
            match &c[i].1 {
                Some(col) => col.compare(a, b),
                None => crate::text::fold(a).cmp(&crate::text::fold(b)),
            }
        })
        .then_with(|| a.cmp(b))
}

/// Indices `0..len` in the order of their names (`name(i)`) for a reader of `lang`, equal
/// names in index order.
pub fn order<'a>(lang: &str, len: usize, name: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let mut out: Vec<usize> = (0..len).collect();
    out.sort_by(|&a, &b| cmp(lang, name(a), name(b)).then(a.cmp(&b)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sort_as_people_read_them() {
        let mut names = vec![
            "Zoé Martin",
            "Émile Durand",
            "eve Roux",
            "Ève Blanc",
            "Åsa Berg",
            "Søren Kierk",
            "O'Brien",
            "Obrien",
            "Abel",
            "Øyvind",
        ];
        names.sort_by(|a, b| cmp("en", a, b));
        assert_eq!(
            names,
            [
                "Abel",
                "Åsa Berg",
                "Émile Durand",
                "Ève Blanc",
                "eve Roux",
                "Obrien",
                "O'Brien",
                "Øyvind",
                "Søren Kierk",
                "Zoé Martin",
            ]
        );
        // Not byte order: É is not after Z.
        assert_eq!(cmp("", "Émile", "Zoé"), Ordering::Less);
        assert_eq!(cmp("fr", "same", "same"), Ordering::Equal);
    }

    #[test]
    fn order_is_stable_for_equal_names() {
        let names = ["b", "a", "b", "A"];
        assert_eq!(order("en", names.len(), |i| names[i]), vec![1, 3, 0, 2]);
    }

    #[test]
    fn languages_tailor_the_order() {
        let sorted = |lang: &str, list: &[&'static str]| {
            let mut v = list.to_vec();
            v.sort_by(|a, b| cmp(lang, a, b));
            v
        };
        // Spanish: ñ is a letter after n; the root order puts it with n.
        assert_eq!(sorted("es", &["ñu", "nz"]), ["nz", "ñu"]);
        assert_eq!(sorted("en", &["ñu", "nz"]), ["ñu", "nz"]);
        // Polish: ł after l (and after "lz").
        assert_eq!(sorted("pl", &["łaska", "lzy"]), ["lzy", "łaska"]);
        // Chinese by pinyin: 张 (zhāng) after 李 (lǐ) after 安 (ān).
        assert_eq!(sorted("zh-Hans", &["张", "李", "安"]), ["安", "李", "张"]);
        // A tag the collator does not know sorts in the root order.
        assert_eq!(sorted("qaa", &["Zoé", "Émile"]), ["Émile", "Zoé"]);
    }
}
