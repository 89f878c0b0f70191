//! How many pieces a big job is cut into, so that it runs on every core.
//!
//! The machine's cores, at most eight (more threads than that only add joining costs for the
//! sizes agora handles). Each user cuts its job into at most that many pieces, and into none
//! when the job is too small for a thread to pay for itself.

/// Threads worth starting on this machine: its available cores, 1 to 8. Asked once per run:
/// the answer reads the process's control-group files each time.
pub(crate) fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 8)
    })
}

/// How many pieces to cut `len` items into, each of at least `at_least` items: 1 (do it in
/// place) for a small job or a single core.
pub(crate) fn pieces(len: usize, at_least: usize) -> usize {
    let most = len / at_least.max(1);
    // A small job is one piece whatever the cores.
    if most <= 1 {
        return 1;
    }
    most.clamp(1, threads())
}

/// `write(items)`, computed in pieces of consecutive items on every core: the pieces in order,
/// whose concatenation is the text written in one piece when `write` of a slice is the
/// concatenation of `write` of its parts (as a list of entries written one after the other
/// is). They are not joined here: a writer writes them one after the other (`export::Body`).
pub(crate) fn write_in_pieces<T: Sync>(
    items: &[T],
    at_least: usize,
    write: impl Fn(&[T], &mut String) + Sync,
) -> Vec<String> {
    write_pieces_of(items, at_least, write)
}

/// [`write_in_pieces`] into any kind of piece (`String`, or bytes from a serialiser).
pub(crate) fn write_pieces_of<T: Sync, O: Default + Send>(
    items: &[T],
    at_least: usize,
    write: impl Fn(&[T], &mut O) + Sync,
) -> Vec<O> {
    let pieces = pieces(items.len(), at_least);
    if pieces <= 1 {
        let mut out = O::default();
        write(items, &mut out);
        return vec![out];
    }
    let parts: Vec<&[T]> = items.chunks(items.len().div_ceil(pieces)).collect();
    map_ordered(
        &parts,
        pieces,
        || (),
        |(), part| {
            let mut piece = O::default();
            write(part, &mut piece);
            piece
        },
        |_| false,
    )
}

/// `f` of every item, in the items' order, computed in pieces of consecutive items (at least
/// `at_least` each) on every core: for many small items, where taking them one at a time
/// would cost more than `f`.
pub(crate) fn map_in_pieces<T: Sync, R: Send>(
    items: &[T],
    at_least: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let pieces: Vec<Vec<R>> = write_pieces_of(items, at_least, |part, out: &mut Vec<R>| {
        out.extend(part.iter().map(&f));
    });
    let mut pieces = pieces.into_iter();
    let mut all = pieces.next().unwrap_or_default();
    all.reserve(items.len() - all.len());
    for piece in pieces {
        all.extend(piece);
    }
    all
}

/// `f` of every item, in the items' order, on up to `threads` cores: each thread takes the
/// next item left (uneven items balance) and works with its own state from `init` (a
/// formatter that is not shared between threads). Once a result satisfies `stop`, no thread
/// takes another item: the results are then those computed, still in order, with the items
/// never taken left out.
pub(crate) fn map_ordered<T: Sync, S, R: Send>(
    items: &[T],
    threads: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
    stop: impl Fn(&R) -> bool + Sync,
) -> Vec<R> {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let threads = threads.clamp(1, 8).min(items.len());
    if threads <= 1 {
        let mut state = init();
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let r = f(&mut state, item);
            let done = stop(&r);
            out.push(r);
            if done {
                break;
            }
        }
        return out;
    }
    let (next, stopped) = (AtomicUsize::new(0), AtomicBool::new(false));
    let (init, f, stop) = (&init, &f, &stop);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut state = init();
                    let mut done = Vec::new();
                    while !stopped.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        let r = f(&mut state, item);
                        if stop(&r) {
                            stopped.store(true, Ordering::Relaxed);
                        }
                        done.push((i, r));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_in_order_with_each_threads_state_and_stopping_early() {
        let items: Vec<u32> = (0..5_000).collect();
        for threads in [1, 2, 4] {
            let doubled = map_ordered(&items, threads, || 2, |k, i| i * *k, |_| false);
            assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
            // A stop: what was computed comes back in order, up to and including the stop.
            let upto = map_ordered(&items, threads, || (), |(), i| *i, |i| *i == 10);
            assert!(upto.contains(&10), "{threads}");
            assert!(upto.windows(2).all(|w| w[0] < w[1]), "{threads}");
            assert!(upto.len() < items.len(), "{threads}: stopped early");
        }
    }

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
            let written = write_in_pieces(&items, at_least, write);
            assert_eq!(written.len(), pieces(items.len(), at_least), "{at_least}");
            assert_eq!(written.concat(), whole, "{at_least}");
        }
        assert_eq!(write_in_pieces(&items[..0], 1, write).concat(), "");
    }

    #[test]
    fn mapped_in_pieces_in_order() {
        let items: Vec<u64> = (0..10_007).collect();
        for at_least in [1, 3, 1000, 20_000] {
            let squared = map_in_pieces(&items, at_least, |i| i * i);
            assert_eq!(squared, items.iter().map(|i| i * i).collect::<Vec<_>>());
        }
        assert!(map_in_pieces(&items[..0], 10, |i| *i).is_empty());
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
