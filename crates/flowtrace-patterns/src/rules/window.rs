//! Bursts: runs of time-ordered events touching many distinct keys within a window. Fans,
//! structuring runs and donation drives are all this one question asked of a different list.

use std::collections::HashMap;
use std::ops::Range;

/// An event: its time and the key counted for distinctness (a counterparty, or the transfer
/// itself when every event counts).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Event {
    pub(crate) ts: i64,
    pub(crate) key: u32,
}

/// Maximal bursts of `events` (in time order): index ranges spanning at most `window` seconds
/// with at least `min_distinct` distinct keys, none overlapping.
///
/// A sliding window grows to the right and sheds events too old for its newest one. When it
/// first holds enough distinct keys, its oldest event starts a burst; the burst then takes
/// every further event within `window` of that start, and the search restarts after it.
/// Each event enters and leaves the window once, so an account with 10,000 transfers costs
/// 10,000 steps, not 10,000 squared.
pub(crate) fn bursts(events: &[Event], window: i64, min_distinct: usize) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    if events.len() < min_distinct.max(1) {
        return found;
    }
    let mut counts: HashMap<u32, u32> = HashMap::new();
    let (mut start, mut next) = (0, 0);
    while next < events.len() {
        *counts.entry(events[next].key).or_default() += 1;
        while events[next].ts - events[start].ts > window {
            forget(&mut counts, events[start].key);
            start += 1;
        }
        next += 1;
        if counts.len() >= min_distinct {
            let limit = events[start].ts.saturating_add(window);
            let end = next + events[next..].partition_point(|e| e.ts <= limit);
            found.push(start..end);
            counts.clear();
            (start, next) = (end, end);
        }
    }
    found
}

fn forget(counts: &mut HashMap<u32, u32>, key: u32) {
    if let Some(n) = counts.get_mut(&key) {
        *n -= 1;
        if *n == 0 {
            counts.remove(&key);
        }
    }
}

/// Number of distinct keys.
pub(crate) fn distinct(keys: impl IntoIterator<Item = u32>) -> usize {
    let mut keys: Vec<u32> = keys.into_iter().collect();
    keys.sort_unstable();
    keys.dedup();
    keys.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(list: &[(i64, u32)]) -> Vec<Event> {
        list.iter().map(|&(ts, key)| Event { ts, key }).collect()
    }

    #[test]
    fn finds_a_burst_and_extends_it_to_the_window() {
        let e = events(&[(0, 1), (10, 1), (20, 2), (30, 3), (35, 4), (200, 5)]);
        assert_eq!(bursts(&e, 40, 3), vec![Range { start: 0, end: 5 }]);
        assert_eq!(distinct(e[0..5].iter().map(|e| e.key)), 4);
    }

    #[test]
    fn repeated_keys_do_not_count_twice() {
        let e = events(&[(0, 1), (1, 1), (2, 2), (3, 2)]);
        assert!(bursts(&e, 100, 3).is_empty());
    }

    #[test]
    fn separate_bursts_do_not_overlap() {
        let e = events(&[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5), (5, 6)]);
        assert_eq!(bursts(&e, 1, 2), [0..2, 2..4, 4..6]);
    }

    #[test]
    fn a_window_one_second_too_short_finds_nothing() {
        let e = events(&[(0, 1), (50, 2), (101, 3)]);
        assert!(bursts(&e, 100, 3).is_empty());
        assert_eq!(bursts(&e, 101, 3), vec![Range { start: 0, end: 3 }]);
    }
}
