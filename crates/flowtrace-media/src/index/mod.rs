//! Every banked 256-bit hash within a Hamming distance of a query, exactly, without a full scan.
//!
//! Multi-index hashing (Norouzi et al.): the hash is cut into 8 slots of 32 bits, each in two
//! 16-bit halves, one table per half ([`slots`]); if two hashes are within `radius`, then in
//! some slot they are within that slot's threshold (generalised pigeonhole), and in one half
//! of it within half of that, so probing each table's buckets near the query's, dropping the
//! entries whose whole slot is too far (each entry carries its slot's other half), and checking
//! the full distance of what is left finds every match and nothing else. When the probes would
//! cost more than reading every hash (large radii, small indexes), a linear scan answers
//! instead; both give exactly the brute-force answer.
//!
//! The index grows without a rebuild: new hashes go to a short tail that is scanned, the tail
//! becomes a [`Segment`] once it is big enough, and segments of similar size are merged
//! (log-structured), so an add costs amortised `O(log n)` and queries never wait for a reload.
//!
//! Many queries at once should go through [`HammingIndex::query_batch`] (or a reused
//! [`BatchSearcher`]): it makes the same probes and checks, sorted by where in memory they
//! read, and at 10M hashes answers two to three times as many queries per second as one at a
//! time (BENCHMARKS.md). Linear scans (the tail, small segments) compare two hashes per
//! instruction where the processor has AVX-512.
//!
//! ```
//! use flowtrace_media::index::HammingIndex;
//! use flowtrace_media::Hash256;
//!
//! let mut index = HammingIndex::new();
//! let banked: Hash256 = "f".repeat(64).parse().unwrap();
//! let id = index.add(banked);
//! let mut query = banked;
//! query.0[0] = 0; // eight bits differ
//! let hits = index.query(&query, 31);
//! assert_eq!((hits[0].id, hits[0].distance), (id, 8));
//! assert_eq!(index.query_batch(&[query, banked], 31)[1][0].distance, 0);
//! ```

mod batch;
mod distance;
mod filter;
mod memory;
mod segment;
pub mod slots;
#[cfg(test)]
mod tests;

pub use batch::{BatchSearcher, BATCH_SIZE};
use distance::{distance, hashes_within, with_popcnt};
use memory::{prefetch, PREFETCH_AHEAD};
use segment::{Scratch, Segment, MAX_SEGMENT_LEN};
use slots::SLOTS;

use crate::pdq::Hash256;

/// The tail is scanned until it holds this many hashes, then becomes a segment.
const TAIL_LIMIT: usize = 4096;

/// A probe costs about this many times a scanned hash (a cache miss against a sequential read).
const PROBE_COST_IN_SCANS: u64 = 16;

/// A bucket entry a probe filters costs about this fraction of a scanned hash (vector code
/// compares 32 entries' two bytes at once, against a 32-byte distance per hash).
const ENTRIES_PER_SCAN: u64 = 8;

/// One hash within the radius: its id (the order it was added in, from 0) and distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Hit {
    /// The distance, 0 to 256.
    pub distance: u32,
    /// The id [`HammingIndex::add`] returned for the hash.
    pub id: u32,
}

/// How a query reads a segment. Every choice gives the same, exact answer; only speed differs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Plan {
    /// Probe the buckets unless reading every hash of the segment is estimated cheaper.
    #[default]
    Auto,
    /// Always probe the buckets (tests use it to exercise probing on small indexes).
    AlwaysProbe,
    /// Always read every hash (the linear-scan fallback).
    AlwaysScan,
}

/// An exact Hamming-distance index over 256-bit hashes. See the [module docs](self).
pub struct HammingIndex {
    hashes: Vec<[u64; 4]>,
    removed: Vec<u64>,
    segments: Vec<Segment>,
    plan: Plan,
    /// Largest segment built: [`MAX_SEGMENT_LEN`]; tests lower it to cover several.
    segment_cap: usize,
}

impl Default for HammingIndex {
    fn default() -> Self {
        HammingIndex {
            hashes: Vec::new(),
            removed: Vec::new(),
            segments: Vec::new(),
            plan: Plan::Auto,
            segment_cap: MAX_SEGMENT_LEN,
        }
    }
}

impl HammingIndex {
    /// An empty index.
    pub fn new() -> Self {
        Self::default()
    }

    /// An index over `hashes` (ids `0..len` in order), bucketed in one segment.
    pub fn from_hashes(hashes: impl IntoIterator<Item = Hash256>) -> Self {
        let mut index = Self::new();
        index.extend(hashes);
        index
    }

    /// Chooses how queries read segments (default [`Plan::Auto`]).
    pub fn set_plan(&mut self, plan: Plan) {
        self.plan = plan;
    }

    /// Number of hashes added (removed ones included; their ids stay taken).
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether nothing was ever added.
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }

    /// The hash with this id.
    pub fn get(&self, id: u32) -> Option<Hash256> {
        self.hashes
            .get(id as usize)
            .map(|w| Hash256::from_words(*w))
    }

    fn indexed_up_to(&self) -> usize {
        self.segments.last().map_or(0, |s| s.hi as usize)
    }

    /// Adds one hash and returns its id.
    pub fn add(&mut self, hash: Hash256) -> u32 {
        let id = self.hashes.len() as u32;
        self.hashes.push(hash.words());
        if self.hashes.len() - self.indexed_up_to() >= TAIL_LIMIT {
            self.seal_tail();
        }
        id
    }

    /// Adds many hashes (ids in order); a large batch becomes one segment at once.
    pub fn extend(&mut self, hashes: impl IntoIterator<Item = Hash256>) {
        let hashes = hashes.into_iter();
        let before = self.hashes.capacity();
        self.hashes.reserve(hashes.size_hint().0);
        if self.hashes.capacity() != before {
            memory::advise_huge_pages(&self.hashes);
        }
        self.hashes.extend(hashes.map(|h| h.words()));
        if self.hashes.len() - self.indexed_up_to() >= TAIL_LIMIT {
            self.seal_tail();
        }
    }

    /// Turns the tail into a segment (several if it is longer than the cap), merging as it
    /// goes.
    fn seal_tail(&mut self) {
        while self.indexed_up_to() < self.hashes.len() {
            let lo = self.indexed_up_to();
            let hi = self.hashes.len().min(lo + self.segment_cap);
            self.segments
                .push(Segment::build(&self.hashes, lo as u32, hi as u32));
            self.merge_newest();
        }
    }

    /// Merges the newest segments while the older of the last two is less than four times the
    /// newer (so sizes grow geometrically and there are `O(log n)` segments), unless the merged
    /// segment would pass the cap.
    fn merge_newest(&mut self) {
        while let [.., older, newer] = self.segments.as_slice() {
            if older.len() >= 4 * newer.len() || older.len() + newer.len() > self.segment_cap {
                break;
            }
            let (lo, hi) = (older.lo, newer.hi);
            self.segments.truncate(self.segments.len() - 2);
            self.segments.push(Segment::build(&self.hashes, lo, hi));
        }
    }

    /// Marks a hash removed: queries no longer return it. Returns whether it was present.
    pub fn remove(&mut self, id: u32) -> bool {
        if id as usize >= self.hashes.len() || self.is_removed(id) {
            return false;
        }
        let word = id as usize / 64;
        if self.removed.len() <= word {
            self.removed.resize(word + 1, 0);
        }
        self.removed[word] |= 1 << (id % 64);
        true
    }

    fn is_removed(&self, id: u32) -> bool {
        self.removed
            .get(id as usize / 64)
            .is_some_and(|w| w >> (id % 64) & 1 == 1)
    }

    /// Every hash within `radius` of `query`, nearest first (ties by id).
    pub fn query(&self, query: &Hash256, radius: u32) -> Vec<Hit> {
        let mut searcher = Searcher::default();
        searcher.query(self, query, radius);
        searcher.hits
    }

    /// For each query, every hash within `radius`, nearest first (ties by id): the answers of
    /// [`HammingIndex::query`], computed together. Much faster per query than one by one for
    /// more than a few hundred queries; see [`BatchSearcher`].
    pub fn query_batch(&self, queries: &[Hash256], radius: u32) -> Vec<Vec<Hit>> {
        BatchSearcher::default().query_batch(self, queries, radius)
    }

    /// Whether reading every hash of `segment` is the plan for a query at these thresholds.
    /// The same for one query and for a batch: in a batch a probe costs less (its bucket is
    /// in cache) but so does a scanned hash (its block is): about 24 ns against 2.6 at 10M,
    /// measured before scans used AVX-512 (they are cheaper now; the costs were not re-tuned).
    fn scans(&self, segment: &Segment, thresholds: &[Option<u32>; SLOTS]) -> bool {
        match self.plan {
            Plan::AlwaysScan => true,
            Plan::AlwaysProbe => false,
            Plan::Auto => {
                let (probes, entries) = segment.probe_count(thresholds);
                let cost = probes.saturating_mul(PROBE_COST_IN_SCANS) + entries / ENTRIES_PER_SCAN;
                cost >= segment.len() as u64
            }
        }
    }

    /// The answer by reading every hash: the reference the index is tested against.
    pub fn brute_force(&self, query: &Hash256, radius: u32) -> Vec<Hit> {
        let mut hits = Vec::new();
        self.scan(&query.words(), radius, 0, self.hashes.len(), &mut hits);
        hits.sort_unstable();
        hits
    }

    fn scan(&self, q: &[u64; 4], radius: u32, lo: usize, hi: usize, hits: &mut Vec<Hit>) {
        let mut found = Vec::new();
        hashes_within(q, &self.hashes[lo..hi], radius, lo as u32, &mut found);
        for id in found {
            if !self.is_removed(id) {
                let distance = distance(q, &self.hashes[id as usize]);
                hits.push(Hit { distance, id });
            }
        }
    }

    /// Approximate bytes held: hashes, segments and the removal set.
    pub fn memory_bytes(&self) -> usize {
        let segments: usize = self.segments.iter().map(Segment::memory_bytes).sum();
        self.hashes.capacity() * 32 + self.removed.capacity() * 8 + segments
    }
}

/// Query state kept between queries so a stream of lookups allocates nothing once warm.
#[derive(Default)]
pub struct Searcher {
    scratch: Scratch,
    candidates: Vec<u32>,
    /// The hits of the last query, nearest first.
    pub hits: Vec<Hit>,
}

impl Searcher {
    /// Runs one query; the answer is in [`Searcher::hits`].
    pub fn query(&mut self, index: &HammingIndex, query: &Hash256, radius: u32) -> &[Hit] {
        let q = query.words();
        self.hits.clear();
        let thresholds = slots::thresholds(radius);
        for segment in &index.segments {
            if index.scans(segment, &thresholds) {
                index.scan(
                    &q,
                    radius,
                    segment.lo as usize,
                    segment.hi as usize,
                    &mut self.hits,
                );
                continue;
            }
            self.candidates.clear();
            segment.candidates(&q, &thresholds, &mut self.scratch, &mut self.candidates);
            self.verify(index, &q, radius);
        }
        index.scan(
            &q,
            radius,
            index.indexed_up_to(),
            index.hashes.len(),
            &mut self.hits,
        );
        self.hits.sort_unstable();
        // A hash close to the query in several slots is a candidate several times.
        self.hits.dedup();
        &self.hits
    }

    fn verify(&mut self, index: &HammingIndex, q: &[u64; 4], radius: u32) {
        let hashes = &index.hashes;
        with_popcnt(
            #[inline(always)]
            || {
                for (j, &id) in self.candidates.iter().enumerate() {
                    if let Some(&ahead) = self.candidates.get(j + PREFETCH_AHEAD) {
                        prefetch(hashes, ahead as usize);
                    }
                    let d = distance(q, &hashes[id as usize]);
                    if d <= radius && !index.is_removed(id) {
                        self.hits.push(Hit { distance: d, id });
                    }
                }
            },
        )
    }
}
