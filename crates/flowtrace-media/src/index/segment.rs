//! One immutable piece of the index: for each of the 16 tables ([`slots`]), the hashes of a
//! contiguous range of ids bucketed by the table's 16-bit key (a directory of offsets into
//! entry arrays, built by counting sort), and the probing that turns one query into candidate
//! ids.
//!
//! A segment over `n` hashes buckets by `min(16, ceil(log2 n) - 4)` leading bits of the key,
//! so a bucket holds at least about 16 hashes (150 at 10M) and a directory is never larger
//! than its entries. An entry is the hash's id (relative to the segment), kept apart from the
//! other half of the hash's slot, its *partner*: the partners of a bucket lie side by side and
//! are what a probe reads, to drop every entry farther from the query in the slot than the
//! slot threshold without reading the hash (see [`super::filter`]). Only the survivors' ids
//! are read. Where the bucket uses fewer than 16 bits, the entry's own key is kept too and
//! the whole slot is compared. The caller checks every candidate's full distance, so answers
//! stay exact.

use super::filter::{partners_within, slots_within};
use super::memory::{advise_huge_pages, prefetch, prefetch_to_l2};
use super::slots::{self, HALF_BITS, SLOTS, TABLES};

/// Most hashes one segment covers; merges stop there, so no rebuild grows past it.
pub const MAX_SEGMENT_LEN: usize = 1 << 24;

/// A bucket holds about `2^BUCKET_SHIFT` hashes at least: bucket bits are
/// `ceil(log2 n) - BUCKET_SHIFT`, at most [`HALF_BITS`]. A probe is a trip to memory and an
/// entry a sixteenth of a vector instruction, so buckets of a dozen or more entries cost
/// little more than buckets of one.
const BUCKET_SHIFT: u32 = 4;

/// Probes ahead that a bucket's directory line is fetched.
const DIRECTORY_AHEAD: usize = 48;

/// One table: the segment's hashes in the order of one half-slot key.
struct Table {
    /// Bucket `b` holds entries `directory[b]..directory[b + 1]`.
    directory: Vec<u32>,
    /// Each entry's id relative to the segment.
    ids: Vec<u32>,
    /// Each entry's other half of the slot.
    partners: Vec<u16>,
    /// Each entry's own key; empty when the bucket is the whole key.
    own: Vec<u16>,
}

/// The ids `lo..hi` bucketed once per table.
pub struct Segment {
    /// First id covered.
    pub lo: u32,
    /// One past the last id covered.
    pub hi: u32,
    bucket_bits: u32,
    tables: Vec<Table>,
}

/// One bucket to read: its table, its entries, and the slot distance left for the partner.
#[derive(Clone, Copy)]
struct Range {
    table: u32,
    start: u32,
    end: u32,
    budget: u32,
}

/// Reusable buffers for probing, so a query allocates nothing once warm.
#[derive(Default)]
pub struct Scratch {
    ball: Vec<u32>,
    probes: Vec<(u32, u32, u32)>,
    ranges: Vec<Range>,
    positions: Vec<u32>,
    tables_of: Vec<u32>,
}

/// Buckets `range` (the hashes of one segment) by `table`'s leading `bits` bits.
fn bucket_table(range: &[[u64; 4]], table: usize, bits: u32) -> Table {
    let halves = |words: &[u64; 4]| slots::halves(slots::key(words, table / 2), table);
    let mut directory = vec![0u32; (1usize << bits) + 1];
    for words in range {
        directory[(halves(words).0 >> (HALF_BITS - bits)) as usize + 1] += 1;
    }
    for b in 1..directory.len() {
        directory[b] += directory[b - 1];
    }
    let mut ids = Vec::with_capacity(range.len());
    advise_huge_pages(&ids);
    ids.resize(range.len(), 0u32);
    let mut partners = Vec::with_capacity(range.len());
    advise_huge_pages(&partners);
    partners.resize(range.len(), 0u16);
    let mut own = vec![0u16; if bits < HALF_BITS { range.len() } else { 0 }];
    // Each bucket's start serves as its fill cursor, then everything moves up one place.
    for (offset, words) in range.iter().enumerate() {
        let (key, partner) = halves(words);
        let cursor = &mut directory[(key >> (HALF_BITS - bits)) as usize];
        let at = *cursor as usize;
        *cursor += 1;
        ids[at] = offset as u32;
        partners[at] = partner;
        if let Some(slot) = own.get_mut(at) {
            *slot = key;
        }
    }
    let buckets = directory.len() - 1;
    directory.copy_within(..buckets, 1);
    directory[0] = 0;
    Table {
        directory,
        ids,
        partners,
        own,
    }
}

impl Segment {
    /// Buckets the hashes with ids `lo..hi` (`hashes[id]`).
    pub fn build(hashes: &[[u64; 4]], lo: u32, hi: u32) -> Segment {
        let range = &hashes[lo as usize..hi as usize];
        let log_len = usize::BITS - range.len().max(2).saturating_sub(1).leading_zeros();
        let bucket_bits = log_len.saturating_sub(BUCKET_SHIFT).clamp(1, HALF_BITS);
        let tables = (0..TABLES)
            .map(|table| bucket_table(range, table, bucket_bits))
            .collect();
        Segment {
            lo,
            hi,
            bucket_bits,
            tables,
        }
    }

    /// Number of hashes covered.
    pub fn len(&self) -> usize {
        (self.hi - self.lo) as usize
    }

    /// Buckets a query probes at these thresholds, and the entries they hold on average (for
    /// choosing between probing and scanning).
    pub fn probe_count(&self, thresholds: &[Option<u32>; SLOTS]) -> (u64, u64) {
        let probes: u64 = thresholds
            .iter()
            .flatten()
            .flat_map(|&t| slots::half_thresholds(t))
            .flatten()
            .map(|h| slots::ball_size(self.bucket_bits, h))
            .sum();
        (probes, (probes * self.len() as u64) >> self.bucket_bits)
    }

    /// Appends to `out` the id of every hash within `thresholds[s]` of the query in some slot
    /// `s` (and possibly others); the same id may appear more than once.
    pub fn candidates(
        &self,
        query: &[u64; 4],
        thresholds: &[Option<u32>; SLOTS],
        scratch: &mut Scratch,
        out: &mut Vec<u32>,
    ) {
        let query_halves = self.list_probes(query, thresholds, scratch);
        // First every bucket's bounds, its partners' lines fetched as soon as they are known;
        // then the filtering, by which time most of those lines have arrived.
        let probes = &scratch.probes;
        scratch.ranges.clear();
        for (j, &(table, bucket, budget)) in probes.iter().enumerate() {
            if let Some(&(ahead, b, _)) = probes.get(j + DIRECTORY_AHEAD) {
                prefetch(&self.tables[ahead as usize].directory, b as usize);
            }
            let (start, end) = self.bucket(table as usize, bucket);
            let partners = &self.tables[table as usize].partners;
            // Into L2 only: this loop asks for ~1,600 lines before reading any (see
            // `prefetch_to_l2`).
            for at in (start..end).step_by(32) {
                prefetch_to_l2(partners, at as usize);
            }
            scratch.ranges.push(Range {
                table,
                start,
                end,
                budget,
            });
        }
        scratch.positions.clear();
        scratch.tables_of.clear();
        for r in &scratch.ranges {
            let before = scratch.positions.len();
            let bucket = (r.start, r.end);
            let query = query_halves[r.table as usize];
            self.filter(
                r.table as usize,
                bucket,
                r.budget,
                query,
                &mut scratch.positions,
            );
            let found = scratch.positions.len() - before;
            scratch
                .tables_of
                .extend(std::iter::repeat_n(r.table, found));
        }
        let (positions, tables_of) = (&scratch.positions, &scratch.tables_of);
        for (j, (&at, &table)) in positions.iter().zip(tables_of).enumerate() {
            if let (Some(&a), Some(&t)) = (positions.get(j + 16), tables_of.get(j + 16)) {
                self.prefetch_id(t as usize, a);
            }
            out.push(self.id(table as usize, at));
        }
    }

    /// Bits of a table's key that pick its bucket (the same in every table of a segment).
    pub fn bucket_bits(&self) -> u32 {
        self.bucket_bits
    }

    /// Where bucket `bucket` of `table` lies in the table's entries: `start..end`.
    #[inline(always)]
    pub fn bucket(&self, table: usize, bucket: u32) -> (u32, u32) {
        let directory = &self.tables[table].directory;
        (directory[bucket as usize], directory[bucket as usize + 1])
    }

    /// Starts fetching the directory of buckets `bucket..until` of `table` and returns where
    /// their entries lie, `start..end` (for walking a table in order).
    pub fn prefetch_directory(&self, table: usize, bucket: u32, until: u32) -> (u32, u32) {
        let directory = &self.tables[table].directory;
        for b in (bucket..until).step_by(16) {
            prefetch(directory, b as usize);
        }
        (directory[bucket as usize], directory[until as usize])
    }

    /// Starts fetching the partners of entries `at..at + 32` of `table`.
    #[inline(always)]
    pub fn prefetch_partners(&self, table: usize, at: u32) {
        prefetch(&self.tables[table].partners, at as usize);
    }

    /// Appends the entry position of every entry of `table` in `bucket` (a `start..end` from
    /// [`Segment::bucket`]) whose slot is within the threshold of the query's: with whole
    /// buckets, `budget` is what the partner may differ by; otherwise the slot threshold,
    /// and the entry's own key is compared to `query.0` too.
    #[inline(always)]
    pub fn filter(
        &self,
        table: usize,
        (start, end): (u32, u32),
        budget: u32,
        query: (u16, u16),
        out: &mut Vec<u32>,
    ) {
        let t = &self.tables[table];
        let (from, to) = (start as usize, end as usize);
        if t.own.is_empty() {
            partners_within(&t.partners[from..to], query.1, budget, start, out);
        } else {
            slots_within(
                &t.own[from..to],
                &t.partners[from..to],
                query,
                budget,
                start,
                out,
            );
        }
    }

    /// The id (not relative to the segment) of entry `at` of `table`.
    #[inline(always)]
    pub fn id(&self, table: usize, at: u32) -> u32 {
        self.lo + self.tables[table].ids[at as usize]
    }

    /// Starts fetching the line holding entry `at`'s id in `table`.
    #[inline(always)]
    pub fn prefetch_id(&self, table: usize, at: u32) {
        prefetch(&self.tables[table].ids, at as usize);
    }

    /// The probe budget for a bucket `flipped` bits from the query's, at slot threshold `t`
    /// (see [`Segment::filter`]).
    #[inline(always)]
    pub fn budget(&self, t: u32, flipped: u32) -> u32 {
        if self.bucket_bits == HALF_BITS {
            t - flipped
        } else {
            t
        }
    }

    /// Fills `scratch.probes` with every bucket to read, all tables in one list so the
    /// prefetch pipeline never drains between tables: (table, bucket, budget), where the
    /// budget is what the partner may differ by (with whole buckets: the slot threshold less
    /// the bits flipped in the bucket; otherwise the slot threshold, as the own key is
    /// compared too). Returns the query's own key and partner in each table.
    fn list_probes(
        &self,
        query: &[u64; 4],
        thresholds: &[Option<u32>; SLOTS],
        scratch: &mut Scratch,
    ) -> [(u16, u16); TABLES] {
        let bits = self.bucket_bits;
        let mut query_halves = [(0u16, 0u16); TABLES];
        scratch.probes.clear();
        for (slot, threshold) in thresholds.iter().enumerate() {
            let Some(t) = *threshold else { continue };
            let slot_key = slots::key(query, slot);
            for (half, h) in slots::half_thresholds(t).into_iter().enumerate() {
                let table = 2 * slot + half;
                let (own, partner) = slots::halves(slot_key, table);
                query_halves[table] = (own, partner);
                let Some(h) = h else { continue };
                let centre = u32::from(own) >> (HALF_BITS - bits);
                scratch.ball.clear();
                slots::ball(centre, bits, h, &mut scratch.ball);
                scratch.probes.extend(
                    scratch
                        .ball
                        .iter()
                        .map(|&b| (table as u32, b, self.budget(t, (b ^ centre).count_ones()))),
                );
            }
        }
        query_halves
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.tables
            .iter()
            .map(|t| {
                t.directory.capacity() * 4
                    + t.ids.capacity() * 4
                    + t.partners.capacity() * 2
                    + t.own.capacity() * 2
            })
            .sum()
    }
}
