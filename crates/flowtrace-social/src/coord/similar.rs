//! Co-similarity: original posts whose texts are near-duplicates, within the time window.
//!
//! Two original posts (not reposts) pair when their times are within the window and the
//! Jaccard similarity of their *word sets* is at least the threshold, estimated by MinHash
//! ([`flowtrace_media::text`]: the toolkit-normalised text, so without @mentions, split into
//! words of letters and digits in any script, each word one shingle). Weights count distinct
//! messages as in the other networks, and a post pairs with itself (a self-loop when asked for).
//! Posts with no word never pair. Equal texts are signed once.
//!
//! Finding the pairs without comparing every two posts in every window: the signature of
//! `permutations` values is cut into bands of `rows`, and only posts equal in some band are
//! candidates, found as in the keyed networks (events keyed by the band, sorted by time, each
//! with its window). A pair is judged once, in the first band it shares: by its estimated
//! Jaccard when that is clearly above or below the threshold, else (within four standard
//! deviations of the estimate: ±0.2 at 0.8 with the default 64 permutations) by the exact
//! Jaccard of the two word sets, so that what sits near the threshold is not decided by
//! chance. The band shape is chosen for recall: the most rows (fewest candidates) for which a
//! pair exactly at the threshold still shares a band with probability 0.99 or more; pairs above
//! it almost always do. So the network is the exact one but for the rare pair at or just above
//! the threshold that shares no band.
//!
//! coordination-network-toolkit's co-similar-tweet network computes the exact Jaccard of every
//! pair in the window, over its own tokens: Unicode word segments, so punctuation marks and
//! emoji are tokens too, `don't` and `x.com` one token each, where here they are no word, and
//! two words. On texts of words and spaces the two networks agree; see BENCHMARKS.md for
//! measured agreement.

use flowtrace_media::text::{MinHashOptions, MinHasher, Signature};
use rayon::prelude::*;

use super::bands::{band_shape, pairs_in_band, Judge};
use super::pairs::Pairing;
use crate::messages::{Messages, UserId, NONE};

/// Estimates this many standard deviations (or less) from the threshold are checked exactly.
const CHECKED_DEVIATIONS: f64 = 4.0;

/// How co-similarity compares texts.
#[derive(Clone, Debug, PartialEq)]
pub struct SimilarityOptions {
    /// Smallest estimated Jaccard similarity of two posts' word sets that pairs them (the
    /// toolkit's `--similarity_threshold`; default 0.8, as its command line).
    pub threshold: f64,
    /// MinHash signature length (default 64). The estimate only tells clear cases from
    /// borderline ones, which are checked exactly, so more permutations mostly cost time; fewer
    /// send more pairs to the exact check.
    pub permutations: usize,
    /// Seed of the MinHash functions (results are the same for the same seed).
    pub seed: u64,
}

impl Default for SimilarityOptions {
    fn default() -> Self {
        SimilarityOptions {
            threshold: 0.8,
            permutations: 64,
            seed: 1,
        }
    }
}

/// The posts that take part (original posts with words) and, for each, the others it pairs
/// with, as adjacency lists.
pub(super) struct Similar {
    /// (account, message, time) of each post.
    units: Vec<(UserId, u32, f64)>,
    /// Whether a post pairs with itself (the window and threshold admit it).
    self_pairs: bool,
    /// Post `i`'s partners are `partners[offsets[i]..offsets[i + 1]]`.
    offsets: Vec<usize>,
    partners: Vec<u32>,
}

impl Pairing for Similar {
    fn len(&self) -> usize {
        self.units.len()
    }

    fn unit(&self, i: usize) -> (UserId, u32, f64) {
        self.units[i]
    }

    fn for_each_partner(&self, i: usize, mut each: impl FnMut(UserId, f64)) {
        if self.self_pairs {
            each(self.units[i].0, self.units[i].2);
        }
        let range = self.offsets[i]..self.offsets[i + 1];
        for &p in &self.partners[range] {
            let (user, _, time) = self.units[p as usize];
            each(user, time);
        }
    }
}

/// The co-similarity pairs of `messages` within `window` seconds.
pub(super) fn similar_posts(
    messages: &Messages,
    window: f64,
    options: &SimilarityOptions,
) -> Similar {
    let (distinct, signed) = sign(messages, options);
    let units: Vec<(UserId, u32, f64)> = signed
        .iter()
        .map(|&(m, _)| {
            let m = m as usize;
            (messages.users()[m], m as u32, messages.times()[m])
        })
        .collect();
    let signatures: Vec<&Signature> = signed.iter().map(|&(_, s)| &distinct[s]).collect();
    let shape = band_shape(options.threshold, options.permutations);
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    if shape.is_some() && window >= 0.0 {
        let (bands, rows) = shape.unwrap_or((1, 1));
        let permutations = options.permutations.max(1) as f64;
        let deviation = (options.threshold * (1.0 - options.threshold) / permutations).sqrt();
        for band in 0..bands {
            let judge = Judge {
                signatures: &signatures,
                band,
                rows,
                threshold: options.threshold,
                margin: CHECKED_DEVIATIONS * deviation + 1.0 / permutations,
                text: &|post| messages.normalised_text(units[post].1 as usize),
            };
            pairs.extend(pairs_in_band(&units, &judge, window));
        }
    }
    pairs.par_sort_unstable();
    let offsets = adjacency_offsets(&pairs, units.len());
    Similar {
        units,
        self_pairs: window >= 0.0 && options.threshold <= 1.0,
        offsets,
        partners: pairs.into_iter().map(|(_, b)| b).collect(),
    }
}

/// The signatures of the distinct texts, and each original post with words (in message order)
/// with its text's signature. Equal texts, common in coordinated posting, are signed once.
fn sign(messages: &Messages, options: &SimilarityOptions) -> (Vec<Signature>, Vec<(u32, usize)>) {
    let hasher = MinHasher::new(MinHashOptions {
        shingle_words: 1,
        permutations: options.permutations.max(1),
        seed: options.seed,
    });
    let hashes = messages.text_hashes();
    let reposts = messages.reposts();
    let text = |m: u32| messages.normalised_text(m as usize);
    let mut by_text: Vec<(u64, u32)> = (0..messages.len() as u32)
        .filter(|&m| reposts[m as usize] == NONE)
        .map(|m| (hashes[m as usize], m))
        .collect();
    by_text.par_sort_unstable();
    // Each post's representative: the first post of its run of equal hashes and equal text
    // (a post whose text differs from its run's first, a hash collision, represents itself).
    let mut representative = vec![NONE; messages.len()];
    let mut first = 0;
    for (i, &(hash, m)) in by_text.iter().enumerate() {
        if by_text[first].0 != hash {
            first = i;
        }
        let head = by_text[first].1;
        representative[m as usize] = if text(m) == text(head) { head } else { m };
    }
    let heads: Vec<u32> = (0..messages.len() as u32)
        .filter(|&m| representative[m as usize] == m)
        .collect();
    let distinct: Vec<Signature> = heads
        .par_iter()
        .map(|&m| hasher.signature(text(m)))
        .collect();
    let mut index_of = vec![usize::MAX; messages.len()];
    for (i, &m) in heads.iter().enumerate() {
        index_of[m as usize] = i;
    }
    let signed = (0..messages.len() as u32)
        .filter(|&m| reposts[m as usize] == NONE)
        .map(|m| (m, index_of[representative[m as usize] as usize]))
        .filter(|&(_, s)| !distinct[s].is_empty_text())
        .collect();
    (distinct, signed)
}

/// Where each post's partners start in the sorted pairs (`posts + 1` offsets).
fn adjacency_offsets(pairs: &[(u32, u32)], posts: usize) -> Vec<usize> {
    let mut offsets = vec![0usize; posts + 1];
    for &(a, _) in pairs {
        offsets[a as usize + 1] += 1;
    }
    for i in 0..posts {
        offsets[i + 1] += offsets[i];
    }
    offsets
}
