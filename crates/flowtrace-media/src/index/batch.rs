//! Many queries at once, reading the index in order instead of at random.
//!
//! One query reads 272 random buckets of a gigabyte, each a trip to memory. A batch makes the
//! same probes for thousands of queries, so it sorts them by where they read: per table, every
//! (query, bucket) probe is grouped by region (256 consecutive buckets, about 80 KB of
//! partners at 10M hashes) with a counting sort, and regions are walked in order, the next
//! one fetched while the current one is filtered from cache. The candidates found are then
//! checked against the full hashes. Every probe and every check is one the single-query path
//! makes, so the answers are the same, exact, brute-force answers.

use super::distance::{distance, hashes_within, with_popcnt};
use super::memory::{prefetch, PREFETCH_AHEAD};
use super::segment::Segment;
use super::slots::{self, HALF_BITS, SLOTS, TABLES};
use super::{HammingIndex, Hit};
use crate::pdq::Hash256;

/// Buckets in a region: the unit a batch walks a table by.
const REGION_BITS: u32 = 8;

/// Queries run together. A batch reads each table about once, whatever its size, so larger
/// batches share that among more queries; the price is about 300 probes of 8 bytes and 100
/// candidates of 8 bytes a query at 10M hashes.
pub const BATCH_SIZE: usize = 1 << 14;

/// One probe of a batch: the query, the bucket, and what the partner may differ by.
#[derive(Clone, Copy, Default)]
struct Probe {
    query: u32,
    bucket: u16,
    budget: u16,
}

/// Reusable buffers for batches of queries, so a stream of batches allocates little once warm.
#[derive(Default)]
pub struct BatchSearcher {
    probes: Vec<Probe>,
    sorted: Vec<Probe>,
    region_starts: Vec<u32>,
    positions: Vec<u32>,
    candidates: Vec<(u32, u32)>,
    pending: Vec<(u32, u32)>,
    query_halves: Vec<(u16, u16)>,
    ball: Vec<u32>,
    flips: Vec<(u16, u16)>,
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
        for batch in queries.chunks(BATCH_SIZE) {
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
            self.candidates.clear();
            for table in 0..TABLES {
                let t = thresholds[table / 2];
                let Some(h) = t.and_then(|t| slots::half_thresholds(t)[table % 2]) else {
                    continue;
                };
                self.list_probes(segment, table, t.unwrap_or(0), h, queries);
                self.walk_table(segment, table, queries);
            }
            self.verify(index, queries, radius, hits);
        }
        let tail = index.indexed_up_to()..index.hashes.len();
        scan(index, queries, radius, tail, hits);
    }

    /// Every probe of `table` for every query, sorted by region into `self.sorted`.
    fn list_probes(
        &mut self,
        segment: &Segment,
        table: usize,
        t: u32,
        h: u32,
        queries: &[[u64; 4]],
    ) {
        let bits = segment.bucket_bits();
        // The same flips for every query: the ball around bucket 0, with each flip's budget.
        self.ball.clear();
        slots::ball(0, bits, h, &mut self.ball);
        self.flips.clear();
        self.flips.extend(
            self.ball
                .iter()
                .map(|&f| (f as u16, segment.budget(t, f.count_ones()) as u16)),
        );
        self.probes.clear();
        for (query, words) in queries.iter().enumerate() {
            let own = slots::halves(slots::key(words, table / 2), table).0;
            let centre = (u32::from(own) >> (HALF_BITS - bits)) as u16;
            self.probes
                .extend(self.flips.iter().map(|&(flip, budget)| Probe {
                    query: query as u32,
                    bucket: centre ^ flip,
                    budget,
                }));
        }
        let shift = bits.min(REGION_BITS);
        let regions = 1usize << (bits - shift);
        self.region_starts.clear();
        self.region_starts.resize(regions + 1, 0);
        for p in &self.probes {
            self.region_starts[(p.bucket >> shift) as usize + 1] += 1;
        }
        for r in 1..=regions {
            self.region_starts[r] += self.region_starts[r - 1];
        }
        self.sorted.clear();
        self.sorted.resize(self.probes.len(), Probe::default());
        let mut fill = self.region_starts.clone();
        for &p in &self.probes {
            let at = &mut fill[(p.bucket >> shift) as usize];
            self.sorted[*at as usize] = p;
            *at += 1;
        }
    }

    /// Filters the sorted probes of `table` region by region, adding each survivor to the
    /// candidates as (id, query). A survivor's id is a miss to memory, so it is only fetched
    /// while the next region is filtered and read after that.
    fn walk_table(&mut self, segment: &Segment, table: usize, queries: &[[u64; 4]]) {
        let bits = segment.bucket_bits();
        let region_len = 1u32 << bits.min(REGION_BITS);
        let regions = self.region_starts.len() - 1;
        let slot = table / 2;
        self.query_halves.clear();
        self.query_halves.extend(
            queries
                .iter()
                .map(|q| slots::halves(slots::key(q, slot), table)),
        );
        self.pending.clear();
        for region in 0..regions {
            if region + 1 < regions {
                let next = (region as u32 + 1) * region_len;
                let (from, to) = segment.prefetch_directory(table, next, next + region_len);
                for at in (from..to).step_by(32) {
                    segment.prefetch_partners(table, at);
                }
            }
            let probes = &self.sorted
                [self.region_starts[region] as usize..self.region_starts[region + 1] as usize];
            let resolve_up_to = self.pending.len();
            for p in probes {
                let query = self.query_halves[p.query as usize];
                let bucket = segment.bucket(table, u32::from(p.bucket));
                self.positions.clear();
                segment.filter(
                    table,
                    bucket,
                    u32::from(p.budget),
                    query,
                    &mut self.positions,
                );
                for &at in &self.positions {
                    segment.prefetch_id(table, at);
                    self.pending.push((at, p.query));
                }
            }
            self.resolve(segment, table, resolve_up_to);
        }
        self.resolve(segment, table, self.pending.len());
    }

    /// Moves the first `count` pending survivors of `table` to the candidates, with their ids.
    fn resolve(&mut self, segment: &Segment, table: usize, count: usize) {
        self.candidates.extend(
            self.pending
                .drain(..count)
                .map(|(at, query)| (segment.id(table, at), query)),
        );
    }

    /// Checks every candidate's full distance.
    fn verify(
        &self,
        index: &HammingIndex,
        queries: &[[u64; 4]],
        radius: u32,
        hits: &mut [Vec<Hit>],
    ) {
        let candidates = &self.candidates;
        with_popcnt(
            #[inline(always)]
            || {
                for (j, &(id, query)) in candidates.iter().enumerate() {
                    if let Some(&(ahead, _)) = candidates.get(j + PREFETCH_AHEAD) {
                        prefetch(&index.hashes, ahead as usize);
                    }
                    let d = distance(&queries[query as usize], &index.hashes[id as usize]);
                    if d <= radius && !index.is_removed(id) {
                        hits[query as usize].push(Hit { distance: d, id });
                    }
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
    let mut found = Vec::new();
    for lo in range.clone().step_by(BLOCK) {
        let block = &index.hashes[lo..(lo + BLOCK).min(range.end)];
        for (query, q) in queries.iter().enumerate() {
            found.clear();
            hashes_within(q, block, radius, lo as u32, &mut found);
            for &id in &found {
                if !index.is_removed(id) {
                    let distance = distance(q, &index.hashes[id as usize]);
                    hits[query].push(Hit { distance, id });
                }
            }
        }
    }
}

const _: () = assert!(SLOTS * 2 == TABLES && HALF_BITS <= 16);
