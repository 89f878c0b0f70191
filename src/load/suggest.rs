//! "Did you mean …" for keys, values, rule codes and time zones.

/// The candidate closest to `word`, if it is close enough to be what was meant.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_words_only() {
        let keys = ["speakers", "moderators", "start", "status"];
        assert_eq!(closest("speakrs", keys), Some("speakers"));
        assert_eq!(closest("statu", keys), Some("status"));
        assert_eq!(closest("zzz", keys), None);
        assert_eq!(
            closest("europe/pari", ["Europe/Paris", "Europe/Madrid"]),
            Some("Europe/Paris")
        );
    }
}
