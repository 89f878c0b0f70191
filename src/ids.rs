//! Ids of events, tracks, rooms, speakers and sessions.
//!
//! Ids end up in calendar UIDs and file names, so only a safe alphabet is accepted:
//! `^[a-z0-9][a-z0-9._-]{0,63}$`. No id can name a path outside an output folder: it has no
//! `/`, no `\`, cannot be `.` or `..`, and cannot start with a dot.

pub(crate) mod frab;

/// The first eight bytes of `id`, padded with zeros, as a number that orders as the bytes
/// do: sorting on it first, then on the id, gives the order of the ids themselves, and most
/// comparisons of a big sort never read the ids (which lie elsewhere in memory).
pub(crate) fn sort_prefix(id: &str) -> u64 {
    let mut first = [0u8; 8];
    let n = id.len().min(8);
    first[..n].copy_from_slice(&id.as_bytes()[..n]);
    u64::from_be_bytes(first)
}

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

/// A valid id close to `text`: folded ([`crate::text::fold`]: lowercase, accents dropped),
/// other characters as `-`.
/// Returns `None` when nothing usable is left (e.g. text in a non-Latin script).
pub fn slugify(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in crate::text::fold(text).chars() {
        match c {
            'a'..='z' | '0'..='9' | '.' | '_' => out.push(c),
            _ if !out.is_empty() && !out.ends_with('-') => out.push('-'),
            _ => {}
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
