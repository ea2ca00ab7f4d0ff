//! Many queries at once, reading the index in order instead of at random.
//!
//! One query reads a few thousand random places in a gigabyte (bucket directories, entries,
//! then the hashes of the candidates), and each costs a trip to memory. A batch reads the same
//! places for thousands of queries, so it sorts the work by where it reads: per slot, every
//! (query, flip of the bucket's high bits) pair is grouped by the region of the directory it
//! lands in (a counting sort), and regions are walked in order, the next one prefetched while
//! the current one is probed from cache. The candidates found are grouped by the chunk of the
//! hash array that holds them ([`Chunked`]) and checked chunk by chunk. Every probe and every
//! check is one the single-query path makes, so the answers are the same, exact, brute-force
//! answers.

use super::chunked::Chunked;
use super::distance::{distance, with_popcnt};
use super::memory::{prefetch, PREFETCH_AHEAD};
use super::segment::{split, Segment};
use super::slots::{self, SLOTS};
use super::walk::Walk;
use super::{HammingIndex, Hit};
use crate::pdq::Hash256;

/// Low bucket bits enumerated inside one region: 4,096 buckets, so a region's directory is
/// 16 KiB and its entries about as much, small enough to stay in cache while it is probed.
const REGION_BITS: u32 = 12;

/// Candidates are checked in chunks of 4,096 hashes (128 KiB, in L2).
pub(super) const CHUNK_BITS: u32 = 12;

/// A candidate is packed in 32 bits: its place in its chunk, then its query's in the batch.
pub(super) const QUERY_BITS: u32 = 14;

/// Queries run together (at most `2^QUERY_BITS`). A batch reads each slot's directory and
/// entries and the hash array about once, whatever its size, so larger batches share that
/// among more queries; the price is about 3,000 candidates of 4 bytes a query at 10M hashes.
pub const BATCH_SIZE: usize = 1 << QUERY_BITS;

/// Reusable buffers for batches of queries, so a stream of batches allocates little once warm.
#[derive(Default)]
pub struct BatchSearcher {
    buckets: Vec<u32>,
    residues: Vec<u32>,
    region_starts: Vec<u32>,
    region_fill: Vec<u32>,
    items: Vec<u32>,
    candidates: Chunked,
}

/// Every pattern of `bits` bits with at most `max_weight` ones, fewest ones first (so the
/// patterns of weight at most `w` are a prefix of length `ball_size(bits, w)`).
fn patterns_by_weight(bits: u32, max_weight: u32) -> Vec<u32> {
    let mut out = Vec::new();
    slots::ball(0, bits, max_weight, &mut out);
    out.sort_by_key(|p| p.count_ones());
    out
}

impl BatchSearcher {
    /// For each query, every hash within `radius`, nearest first (ties by id): the same
    /// answers as [`HammingIndex::query`] one by one.
    pub fn query_batch(
        &mut self,
        index: &HammingIndex,
        queries: &[Hash256],
        radius: u32,
    ) -> Vec<Vec<Hit>> {
        let mut answers = Vec::with_capacity(queries.len());
        // Equal batches: each costs about one pass over the index, however few queries it has.
        let batches = queries.len().div_ceil(BATCH_SIZE).max(1);
        for batch in queries.chunks(queries.len().div_ceil(batches).max(1)) {
            let words: Vec<[u64; 4]> = batch.iter().map(Hash256::words).collect();
            let mut hits = vec![Vec::new(); words.len()];
            self.run(index, &words, radius, &mut hits);
            for h in &mut hits {
                h.sort_unstable();
                // A hash close to a query in several slots is a candidate several times.
                h.dedup();
            }
            answers.extend(hits);
        }
        answers
    }

    fn run(
        &mut self,
        index: &HammingIndex,
        queries: &[[u64; 4]],
        radius: u32,
        hits: &mut [Vec<Hit>],
    ) {
        let thresholds = slots::thresholds(radius);
        for segment in &index.segments {
            if index.scans(segment, &thresholds) {
                let range = segment.lo as usize..segment.hi as usize;
                scan(index, queries, radius, range, hits);
                continue;
            }
            self.reset_candidates(segment, &thresholds, queries.len());
            for (slot, threshold) in thresholds.iter().enumerate() {
                if let Some(t) = *threshold {
                    self.probe_slot(segment, slot, t, queries);
                }
            }
            self.verify(index, segment, queries, radius, hits);
        }
        let tail = index.indexed_up_to()..index.hashes.len();
        scan(index, queries, radius, tail, hits);
    }

    /// Empties the candidate store, with room per chunk for about as many candidates as
    /// expected: per query and slot, the hashes within the slot threshold of a random key.
    fn reset_candidates(
        &mut self,
        segment: &Segment,
        thresholds: &[Option<u32>; SLOTS],
        queries: usize,
    ) {
        let mut per_hash = 0.0;
        for (slot, t) in thresholds.iter().enumerate() {
            if let Some(t) = *t {
                let width = slots::WIDTHS[slot];
                per_hash += slots::ball_size(width, t) as f64 / (1u64 << width) as f64;
            }
        }
        let chunk_len = segment.len().min(1 << CHUNK_BITS) as f64;
        let chunks = (segment.len() >> CHUNK_BITS) + 1;
        self.candidates
            .reset(chunks, per_hash * chunk_len * queries as f64);
    }

    /// Adds to the candidates every entry of `slot` within `t` of a query (bucket and residue
    /// together), region by region.
    fn probe_slot(&mut self, segment: &Segment, slot: usize, t: u32, queries: &[[u64; 4]]) {
        let bits = segment.bucket_bits(slot);
        let low_bits = bits.min(REGION_BITS);
        let high_bits = bits - low_bits;
        self.buckets.clear();
        self.residues.clear();
        for q in queries {
            let (bucket, residue) = split(q, slot, bits);
            self.buckets.push(bucket);
            self.residues.push(residue);
        }
        self.group_by_region(high_bits, low_bits, &patterns_by_weight(high_bits, t));
        let (directory, entries) = segment.table(slot);
        let low = patterns_by_weight(low_bits, t);
        let low_len: Vec<usize> = (0..=t)
            .map(|w| slots::ball_size(low_bits, w) as usize)
            .collect();
        // Reading whole regions ahead pays only when most of their lines get probed.
        let probes = queries.len() as u64 * slots::ball_size(bits, t);
        let walk = Walk {
            directory,
            entries,
            low: &low,
            low_len: &low_len,
            t,
            low_bits,
            stream: probes >= (1u64 << bits) / 16,
        };
        let (starts, items) = (&self.region_starts, &self.items);
        let (buckets, residues) = (&self.buckets, &self.residues);
        let candidates = &mut self.candidates;
        with_popcnt(
            #[inline(always)]
            || {
                for region in 0..1usize << high_bits {
                    let items = &items[starts[region] as usize..starts[region + 1] as usize];
                    walk.region(region, items, buckets, residues, candidates);
                }
            },
        );
    }

    /// Counting sort of (query, high flip) pairs into `items` by the region they probe;
    /// each item is `query << 8 | bits flipped`.
    fn group_by_region(&mut self, high_bits: u32, low_bits: u32, high: &[u32]) {
        let regions = 1usize << high_bits;
        self.region_starts.clear();
        self.region_starts.resize(regions + 1, 0);
        for &bucket in &self.buckets {
            for &flip in high {
                self.region_starts[((bucket >> low_bits) ^ flip) as usize + 1] += 1;
            }
        }
        for r in 1..=regions {
            self.region_starts[r] += self.region_starts[r - 1];
        }
        self.items.resize(self.region_starts[regions] as usize, 0);
        self.region_fill.clear();
        self.region_fill
            .extend_from_slice(&self.region_starts[..regions]);
        for (query, &bucket) in self.buckets.iter().enumerate() {
            for &flip in high {
                let at = &mut self.region_fill[((bucket >> low_bits) ^ flip) as usize];
                self.items[*at as usize] = (query as u32) << 8 | flip.count_ones();
                *at += 1;
            }
        }
    }

    /// Checks every candidate's full distance, chunk of the hash array by chunk.
    fn verify(
        &self,
        index: &HammingIndex,
        segment: &Segment,
        queries: &[[u64; 4]],
        radius: u32,
        hits: &mut [Vec<Hit>],
    ) {
        let check = |hits: &mut [Vec<Hit>], chunk: usize, packed: u32| {
            let id = segment.lo + ((chunk as u32) << CHUNK_BITS) + (packed >> QUERY_BITS);
            let query = (packed & ((1 << QUERY_BITS) - 1)) as usize;
            let d = distance(&queries[query], &index.hashes[id as usize]);
            if d <= radius && !index.is_removed(id) {
                hits[query].push(Hit { distance: d, id });
            }
        };
        let hashes = &index.hashes[segment.lo as usize..segment.hi as usize];
        with_popcnt(
            #[inline(always)]
            || {
                for chunk in 0..self.candidates.chunks() {
                    let list = self.candidates.chunk(chunk);
                    let base = chunk << CHUNK_BITS;
                    for (j, &packed) in list.iter().enumerate() {
                        if let Some(&ahead) = list.get(j + PREFETCH_AHEAD) {
                            prefetch(hashes, base + (ahead >> QUERY_BITS) as usize);
                        }
                        check(hits, chunk, packed);
                    }
                }
                for &(chunk, packed) in self.candidates.spilled() {
                    check(hits, chunk as usize, packed);
                }
            },
        )
    }
}

/// Every hash with id in `range` checked against every query, a block of hashes at a time so
/// the block stays in L1 while all queries pass over it.
fn scan(
    index: &HammingIndex,
    queries: &[[u64; 4]],
    radius: u32,
    range: std::ops::Range<usize>,
    hits: &mut [Vec<Hit>],
) {
    const BLOCK: usize = 512;
    with_popcnt(
        #[inline(always)]
        || {
            for lo in range.clone().step_by(BLOCK) {
                let block = &index.hashes[lo..(lo + BLOCK).min(range.end)];
                for (query, q) in queries.iter().enumerate() {
                    for (offset, words) in block.iter().enumerate() {
                        let d = distance(q, words);
                        let id = (lo + offset) as u32;
                        if d <= radius && !index.is_removed(id) {
                            hits[query].push(Hit { distance: d, id });
                        }
                    }
                }
            }
        },
    )
}

const _: () = assert!(CHUNK_BITS + QUERY_BITS <= 32);
