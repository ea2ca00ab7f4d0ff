//! LSH banding for co-similarity: which posts are candidates (equal in a band of their
//! signatures, within the window), and the judgement of each candidate pair, by MinHash
//! estimate when it is clear and by exact Jaccard of the word sets when it is not.

use std::hash::BuildHasher;

use flowtrace_media::text::normalise::words;
use flowtrace_media::text::Signature;
use rayon::prelude::*;

use super::events::{group_bounds, Event, Keyed};
use crate::messages::UserId;

/// Chance that a pair exactly at the threshold shares at least one band.
const RECALL_AT_THRESHOLD: f64 = 0.99;

/// `(bands, rows)` for the threshold: the most rows whose bands still catch a pair at the
/// threshold with [`RECALL_AT_THRESHOLD`]. `None` when nothing can pair (threshold over 1 or
/// not a number); a threshold of 0 or less makes every post a candidate of every other.
pub(super) fn band_shape(threshold: f64, permutations: usize) -> Option<(usize, usize)> {
    if threshold.is_nan() || threshold > 1.0 {
        return None;
    }
    let permutations = permutations.max(1);
    if threshold <= 0.0 {
        return Some((1, 0));
    }
    let caught = |rows: usize| {
        let bands = (permutations / rows) as i32;
        1.0 - (1.0 - threshold.powi(rows as i32)).powi(bands)
    };
    let rows = (1..=permutations)
        .rev()
        .find(|&r| caught(r) >= RECALL_AT_THRESHOLD)
        .unwrap_or(1);
    Some((permutations / rows, rows))
}

/// Decides, for one band, which candidate pairs it owns and whether they are similar.
pub(super) struct Judge<'a> {
    pub(super) signatures: &'a [&'a Signature],
    pub(super) band: usize,
    pub(super) rows: usize,
    pub(super) threshold: f64,
    /// How far from the threshold an estimate must be to be taken as it is.
    pub(super) margin: f64,
    /// The normalised text of a post.
    pub(super) text: &'a (dyn Fn(usize) -> &'a str + Sync),
}

impl Judge<'_> {
    fn band_of(&self, post: usize, band: usize) -> &[u32] {
        let values = &self.signatures[post].0;
        values
            .get(band * self.rows..(band + 1) * self.rows)
            .unwrap_or(&[])
    }

    fn key(&self, post: usize) -> u32 {
        let h = foldhash::fast::FixedState::default().hash_one(self.band_of(post, self.band));
        (h ^ (h >> 32)) as u32
    }

    /// Whether `a` and `b` pair, judged here: equal in this band (not only in its hash) and in
    /// no earlier one, which judged them already; then similar enough.
    fn pairs(&self, a: usize, b: usize) -> bool {
        self.band_of(a, self.band) == self.band_of(b, self.band)
            && (0..self.band).all(|earlier| self.band_of(a, earlier) != self.band_of(b, earlier))
            && self.similar(a, b)
    }

    fn similar(&self, a: usize, b: usize) -> bool {
        if std::ptr::eq(self.signatures[a], self.signatures[b]) {
            // The same text.
            return 1.0 >= self.threshold;
        }
        let estimate = self.signatures[a].jaccard(self.signatures[b]);
        if (estimate - self.threshold).abs() > self.margin {
            return estimate >= self.threshold;
        }
        exact_jaccard((self.text)(a), (self.text)(b)) >= self.threshold
    }
}

/// The Jaccard similarity of two texts' word sets (the words MinHash signs).
fn exact_jaccard(a: &str, b: &str) -> f64 {
    let set = |text: &str| {
        let mut w = words(text);
        w.sort_unstable();
        w.dedup();
        w
    };
    let (a, b) = (set(a), set(b));
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    if union == 0 {
        0.0
    } else {
        shared as f64 / union as f64
    }
}

/// The pairs (a, b), `a` paired with `b` in `a`'s window, that this band finds and owns.
pub(super) fn pairs_in_band(
    units: &[(UserId, u32, f64)],
    judge: &Judge,
    window: f64,
) -> Vec<(u32, u32)> {
    let events: Vec<Event> = units
        .iter()
        .enumerate()
        .map(|(post, &(user, _, time))| Event {
            key: if judge.rows == 0 { 0 } else { judge.key(post) },
            user,
            message: post as u32,
            time,
        })
        .collect();
    let keyed = Keyed::sorted(events);
    let windows = keyed.windows(window);
    let events = &keyed.events;
    group_bounds(events)
        .into_par_iter()
        .filter(|&(start, end)| end - start > 1)
        .flat_map_iter(|(start, end)| {
            (start..end).flat_map(|k| {
                let a = events[k].message;
                let (lo, hi) = windows[k];
                (lo as usize..hi as usize).filter_map(move |o| {
                    let b = events[o].message;
                    let owned = a != b && (judge.rows == 0 || judge.pairs(a as usize, b as usize));
                    owned.then_some((a, b))
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn exact_jaccard_counts_distinct_words() {
        assert_eq!(exact_jaccard("a b c d", "a b c e"), 3.0 / 5.0);
        assert_eq!(exact_jaccard("a a b", "A, b!"), 1.0);
        assert_eq!(exact_jaccard("", ""), 0.0);
    }

    #[test]
    fn band_shapes_catch_pairs_at_the_threshold() {
        for (threshold, permutations) in [(0.5, 128), (0.8, 128), (0.9, 128), (0.8, 64)] {
            let (bands, rows) = band_shape(threshold, permutations).unwrap();
            assert!(bands * rows <= permutations);
            let caught = 1.0 - (1.0f64 - threshold.powi(rows as i32)).powi(bands as i32);
            assert!(caught >= RECALL_AT_THRESHOLD, "{threshold}: {bands}x{rows}");
        }
        assert_eq!(band_shape(0.8, 128), Some((21, 6)));
        assert_eq!(band_shape(0.8, 64), Some((12, 5)));
        assert_eq!(band_shape(1.5, 128), None);
        assert_eq!(band_shape(f64::NAN, 128), None);
        assert_eq!(band_shape(0.0, 128), Some((1, 0)));
    }
}
