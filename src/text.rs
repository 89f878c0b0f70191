//! Text as the core compares and guards it. Folded for comparison: the one accent and case fold that search (the editor's `/`),
//! sorting names (exports, editor) and ids made from names ([`crate::ids::slugify`]) use, so
//! "soren" finds "Søren", "Émile" sorts with "emile", and both ways agree.
//!
//! Canonical decomposition (Unicode NFD) splits a letter from its accents, the combining marks
//! are dropped, the rest is lower-cased and recomposed (NFC, so Hangul stays syllables). The
//! Latin letters that do not decompose (ø, æ, œ, ß, ł, đ, ð, þ, ı, ħ) are spelled out, and
//! typographic apostrophes read as `'`.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `text` without case or accents: the key to compare and search names by.
pub fn fold(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|&c| !is_combining_mark(c)) {
        for l in c.to_lowercase() {
            match l {
                'ø' => out.push('o'),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ß' => out.push_str("ss"),
                'ł' => out.push('l'),
                'đ' | 'ð' => out.push('d'),
                'þ' => out.push_str("th"),
                'ı' => out.push('i'),
                'ħ' => out.push('h'),
                '’' | '‘' | 'ʼ' => out.push('\''),
                l => out.push(l),
            }
        }
    }
    if out.is_ascii() {
        out
    } else {
        out.nfc().collect()
    }
}

/// Explicit bidi embeddings, overrides and isolates. Marks (LRM, RLM, ALM) are kept: they only
/// affect neutral characters next to them and cannot reorder a whole run.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Characters that change how text reads without showing: bidi controls, the line and
/// paragraph separators, the byte-order mark.
pub fn is_hidden(c: char) -> bool {
    is_bidi_control(c) || matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_and_case_fold_away() {
        assert_eq!(fold("Søren Kierkegaard"), "soren kierkegaard");
        assert_eq!(fold("Françoise Sigot"), "francoise sigot");
        assert_eq!(fold("ÉQUIPE d’organisation"), "equipe d'organisation");
        assert_eq!(fold("Łukasz Żółć"), "lukasz zolc");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Œuvre, Æsir"), "oeuvre, aesir");
        assert_eq!(fold("Đorđe Þór"), "dorde thor");
        assert_eq!(fold("Nguyễn Thị Minh Khai"), "nguyen thi minh khai");
        assert_eq!(fold("plain ASCII"), "plain ascii");
        // Decomposed input folds like composed input.
        assert_eq!(fold("Se\u{301}bastien"), fold("Sébastien"));
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(fold("Ωμέγα"), "ωμεγα");
        assert_eq!(fold("Йошкар-Ола"), "иошкар-ола");
        assert_eq!(fold("한국어"), "한국어");
        assert_eq!(fold("東京"), "東京");
    }
}
