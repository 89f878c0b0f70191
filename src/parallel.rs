//! How many pieces a big job is cut into, so that it runs on every core.
//!
//! The machine's cores, at most eight (more threads than that only add joining costs for the
//! sizes agora handles). Each user cuts its job into at most that many pieces, and into none
//! when the job is too small for a thread to pay for itself.

/// Threads worth starting on this machine: its available cores, 1 to 8.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 8)
}

/// How many pieces to cut `len` items into, each of at least `at_least` items: 1 (do it in
/// place) for a small job or a single core.
pub(crate) fn pieces(len: usize, at_least: usize) -> usize {
    (len / at_least.max(1)).clamp(1, threads())
}

/// `write(items)`, computed in pieces of consecutive items on every core and joined in order:
/// the same text as written in one piece, when `write` of a slice is the concatenation of
/// `write` of its parts (as a list of entries written one after the other is).
pub(crate) fn write_in_pieces<T: Sync>(
    items: &[T],
    at_least: usize,
    write: impl Fn(&[T], &mut String) + Sync,
) -> String {
    let pieces = pieces(items.len(), at_least);
    let mut out = String::new();
    if pieces <= 1 {
        write(items, &mut out);
        return out;
    }
    let write = &write;
    let written: Vec<String> = std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(items.len().div_ceil(pieces))
            .map(|part| {
                scope.spawn(move || {
                    let mut piece = String::new();
                    write(part, &mut piece);
                    piece
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    out.reserve_exact(written.iter().map(String::len).sum());
    for piece in &written {
        out.push_str(piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_join_into_what_one_piece_writes() {
        let items: Vec<u32> = (0..10_007).collect();
        let write = |part: &[u32], out: &mut String| {
            for i in part {
                out.push_str(&format!("<{i}>"));
            }
        };
        let mut whole = String::new();
        write(&items, &mut whole);
        for at_least in [1, 2, 1000, 5000, 20_000] {
            assert_eq!(
                write_in_pieces(&items, at_least, write),
                whole,
                "{at_least}"
            );
        }
        assert_eq!(write_in_pieces(&items[..0], 1, write), "");
    }

    #[test]
    fn small_jobs_stay_whole_and_big_ones_use_the_cores() {
        assert_eq!(pieces(0, 100), 1);
        assert_eq!(pieces(199, 100), 1);
        assert_eq!(pieces(1_000_000, 100), threads());
        assert!(pieces(1_000_000, 0) <= 8);
        assert!((1..=8).contains(&threads()));
    }
}
