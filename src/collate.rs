//! Sorting names as people read them: "Émile" with the E's, "de la Tour" among the D's,
//! lowercase next to uppercase — never in byte order (where "É" comes after "Z"). One home for
//! the editor's lists and pickers and the exports' indexes.
//!
//! The Unicode Collation Algorithm with the CLDR root order (the `feruca` crate: pure Rust, a
//! few small dependencies, its tables compiled in), punctuation ignored at first ("O'Brien"
//! beside "Obrien"), ties broken by the bytes so the order is total and stable.

use std::cell::RefCell;
use std::cmp::Ordering;

thread_local! {
    // The collator keeps caches between comparisons: one per thread.
    static COLLATOR: RefCell<feruca::Collator> = RefCell::new(feruca::Collator::default());
}

/// How two names compare for a reader.
pub fn cmp(a: &str, b: &str) -> Ordering {
    COLLATOR.with(|c| c.borrow_mut().collate(a, b))
}

/// Indices `0..len` in the order of their names (`name(i)`), equal names in index order.
pub fn order<'a>(len: usize, name: impl Fn(usize) -> &'a str) -> Vec<usize> {
    let mut out: Vec<usize> = (0..len).collect();
    out.sort_by(|&a, &b| cmp(name(a), name(b)).then(a.cmp(&b)));
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
        names.sort_by(|a, b| cmp(a, b));
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
        assert_eq!(cmp("Émile", "Zoé"), Ordering::Less);
        assert_eq!(cmp("same", "same"), Ordering::Equal);
    }

    #[test]
    fn order_is_stable_for_equal_names() {
        let names = ["b", "a", "b", "A"];
        assert_eq!(order(names.len(), |i| names[i]), vec![1, 3, 0, 2]);
    }
}
