//! Ids of events, tracks, rooms, speakers and sessions.
//!
//! Ids end up in calendar UIDs and file names, so only a safe alphabet is accepted:
//! `^[a-z0-9][a-z0-9._-]{0,63}$`. No id can name a path outside an output folder: it has no
//! `/`, no `\`, cannot be `.` or `..`, and cannot start with a dot.

pub mod frab;

/// Whether `id` is a valid id.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes.iter().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
        })
}

/// A valid id close to `text`: lowercase ASCII, accents dropped, other characters as `-`.
/// Returns `None` when nothing usable is left (e.g. text in a non-Latin script).
pub fn slugify(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let mapped = match c {
            'a'..='z' | '0'..='9' | '.' | '_' => Some(c),
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => Some('a'),
            'ç' => Some('c'),
            'è' | 'é' | 'ê' | 'ë' => Some('e'),
            'ì' | 'í' | 'î' | 'ï' => Some('i'),
            'ñ' => Some('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => Some('o'),
            'ù' | 'ú' | 'û' | 'ü' => Some('u'),
            'ý' | 'ÿ' => Some('y'),
            'œ' => {
                out.push('o');
                Some('e')
            }
            'æ' => {
                out.push('a');
                Some('e')
            }
            'ß' => {
                out.push('s');
                Some('s')
            }
            _ => None,
        };
        match mapped {
            Some(c) => out.push(c),
            None if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            None => {}
        }
    }
    let trimmed: String = out
        .trim_start_matches(['-', '.', '_'])
        .trim_end_matches('-')
        .chars()
        .take(64)
        .collect();
    let trimmed = trimmed.trim_end_matches('-').to_string();
    is_valid_id(&trimmed).then_some(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_ids() {
        for ok in ["a", "amphi", "salle-2", "k.d_s", "2017", &"a".repeat(64)] {
            assert!(is_valid_id(ok), "{ok}");
        }
        for bad in [
            "",
            "A",
            "-a",
            ".a",
            "..",
            "a/b",
            "a b",
            "é",
            &"a".repeat(65),
            "a\\b",
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Samy Kefi-Jérome").as_deref(),
            Some("samy-kefi-jerome")
        );
        assert_eq!(
            slugify("Françoise  Sigot!").as_deref(),
            Some("francoise-sigot")
        );
        assert_eq!(slugify("Salle 2").as_deref(), Some("salle-2"));
        assert_eq!(slugify("../etc").as_deref(), Some("etc"));
        assert_eq!(slugify("东京"), None);
    }
}
