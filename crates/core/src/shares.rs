//! Work on a slice in contiguous shares on the machine's cores, with the results in order.

/// `work` on `items` in contiguous shares: at most `threads` shares of at least `min_share` items
/// each (one share, on the calling thread, when the items do not fill two), the first share on the
/// calling thread and each other on a thread of its own. Returns the share size and one result per
/// share, in the order of `items`, so what a caller builds from them is the same on any number of
/// cores. A share whose work panicked (a bug) gives `Err` with the panic, for the caller to resume
/// ([`resumed`]) or to answer for each of its items.
pub fn in_shares<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    min_share: usize,
    work: impl Fn(&[T]) -> R + Sync,
) -> (usize, Vec<std::thread::Result<R>>) {
    in_shares_from(items, threads, min_share, (), |_| (), |(), share| work(share))
}

/// [`in_shares`], each share's work starting from a value of its own: the first share (the
/// calling thread's) from `first`, each other from `fresh` of its items. A caller that gathers
/// the shares' results into one vector hands the first share that vector, so only the other
/// shares' results are copied into it.
pub fn in_shares_from<T: Sync, S: Send, R: Send>(
    items: &[T],
    threads: usize,
    min_share: usize,
    first: S,
    fresh: impl Fn(&[T]) -> S + Sync,
    work: impl Fn(S, &[T]) -> R + Sync,
) -> (usize, Vec<std::thread::Result<R>>) {
    let size = items.len().div_ceil(threads.max(1)).max(min_share).max(1);
    if items.len() <= size {
        return (size, vec![Ok(work(first, items))]);
    }
    let (head, rest) = items.split_at(size);
    std::thread::scope(|scope| {
        let (work, fresh) = (&work, &fresh);
        let helpers: Vec<_> = rest.chunks(size).map(|chunk| scope.spawn(move || work(fresh(chunk), chunk))).collect();
        let mut results = Vec::with_capacity(helpers.len().saturating_add(1));
        results.push(std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(first, head))));
        results.extend(helpers.into_iter().map(std::thread::ScopedJoinHandle::join));
        (size, results)
    })
}

/// A share's result, or its panic resumed on the calling thread: a panic in a share (a bug) is
/// the caller's, as on one thread.
pub fn resumed<R>(result: std::thread::Result<R>) -> R {
    result.unwrap_or_else(|p| std::panic::resume_unwind(p))
}

/// The machine's cores (1 where they cannot be known), read once per process: asking the system
/// reads the cgroup's CPU quota from files, which costs more than a small lot's evaluation.
pub fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_come_back_in_order_whatever_the_threads() {
        let items: Vec<u32> = (0..1000).collect();
        for (threads, min_share) in [(1, 1), (2, 1), (3, 7), (7, 100), (64, 1), (2, 2000)] {
            let (size, results) = in_shares(&items, threads, min_share, |s| s.to_vec());
            let shares: Vec<Vec<u32>> = results.into_iter().map(resumed).collect();
            assert_eq!(shares.len(), items.len().div_ceil(size), "{threads} threads, {min_share}");
            assert!(shares.len() <= threads.max(1));
            assert!(shares.iter().rev().skip(1).all(|s| s.len() == size));
            assert_eq!(shares.concat(), items, "{threads} threads, {min_share}");
        }
        let (_, none) = in_shares(&[] as &[u32], 4, 1, <[u32]>::len);
        assert_eq!(none.into_iter().map(resumed).collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn the_first_share_starts_from_the_value_given_and_the_others_fresh() {
        let items: Vec<u32> = (0..10).collect();
        for threads in [1, 2, 3] {
            let mut start = Vec::with_capacity(100);
            start.push(99);
            let (_, results) = in_shares_from(
                &items,
                threads,
                1,
                start,
                |share| Vec::with_capacity(share.len()),
                |mut into: Vec<u32>, share| {
                    into.extend_from_slice(share);
                    into
                },
            );
            let shares: Vec<Vec<u32>> = results.into_iter().map(resumed).collect();
            assert_eq!(shares[0][0], 99, "{threads} threads");
            assert!(shares[0].capacity() >= 100, "the first share's vector is the one given");
            assert!(shares.iter().skip(1).all(|s| s[0] != 99));
            assert_eq!(shares.concat()[1..], items[..], "{threads} threads");
        }
    }

    #[test]
    fn a_panicking_share_is_reported_and_the_others_kept() {
        let items: Vec<u32> = (0..100).collect();
        let (_, results) = in_shares(&items, 4, 1, |s| {
            assert!(!s.contains(&60), "a bug");
            s.len()
        });
        let ok: Vec<bool> = results.iter().map(Result::is_ok).collect();
        assert_eq!(ok, [true, true, false, true]);
    }
}
