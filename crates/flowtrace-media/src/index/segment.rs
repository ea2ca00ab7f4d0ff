//! One immutable piece of the index: for each slot, the hashes of a contiguous range of ids
//! bucketed by the slot's leading bits (a directory of offsets into an entry array, built by
//! counting sort), and the probing that turns one query into candidate ids.
//!
//! A segment over `n` hashes uses about `log2 n - 1` leading bits of each slot as its bucket
//! (at most the slot's width), so a bucket holds one or two hashes whatever the segment's size
//! (more in a slot narrower than that: about ten in the 20-bit slot at 10M, which only few
//! probes read), and the directory is at most the size of the entries. Each entry is the hash's id (relative to the segment) and
//! the next 8 bits of its slot, its *residue*. The bits that differ in the bucket plus those
//! that differ in the residue are at most the hash's distance in the slot, so entries beyond
//! the slot's threshold are dropped without reading the hash; a superset of the hashes within
//! the threshold survives, and the caller checks every candidate's full distance, so answers
//! stay exact.

use super::distance::with_popcnt;
use super::memory::{advise_huge_pages, prefetch, PREFETCH_AHEAD};
use super::slots::{self, SLOTS, WIDTHS};

/// Most hashes one segment covers: an entry keeps the id relative to the segment in 24 bits.
pub const MAX_SEGMENT_LEN: usize = 1 << 24;

/// A bucket holds about `2^BUCKET_SHIFT` hashes: bucket bits are `ceil(log2 n) - BUCKET_SHIFT`.
/// Shift 2 (about four a bucket) made the directories a quarter smaller but left more entries
/// to check per probe, and the batch path, which checks a fixed number of entries per bucket,
/// measured fastest at 1 (BENCHMARKS.md).
const BUCKET_SHIFT: u32 = 1;

/// Zero entries after the last, so a reader may always read this many from a bucket's start
/// (see the batch path, which checks a fixed number per bucket to avoid branching on its size).
pub const ENTRY_PADDING: usize = 2;

/// Bits of the slot after the bucket's kept in each entry.
const RESIDUE_BITS: u32 = 8;
const RESIDUE_MASK: u32 = (1 << RESIDUE_BITS) - 1;

/// The ids `lo..hi` bucketed once per slot.
pub struct Segment {
    /// First id covered.
    pub lo: u32,
    /// One past the last id covered.
    pub hi: u32,
    bucket_bits: [u32; SLOTS],
    directories: Vec<Vec<u32>>,
    entries: Vec<Vec<u32>>,
}

/// Reusable buffers for probing, so a query allocates nothing once warm.
#[derive(Default)]
pub struct Scratch {
    ball: Vec<u32>,
    probes: Vec<u64>,
    ranges: Vec<[u32; 4]>,
}

/// A hash's bucket and residue in `slot` when the bucket is the slot's leading `bits` bits.
/// A residue shorter than 8 bits (a slot nearly all bucket) is padded with zeros.
#[inline]
pub fn split(words: &[u64; 4], slot: usize, bits: u32) -> (u32, u32) {
    let key = slots::key(words, slot);
    let rest = WIDTHS[slot] - bits;
    let residue = if rest >= RESIDUE_BITS {
        key >> (rest - RESIDUE_BITS)
    } else {
        key << (RESIDUE_BITS - rest)
    };
    (key >> rest, residue & RESIDUE_MASK)
}

/// Whether an entry's residue is within `budget` bits of the query's.
#[inline(always)]
pub fn residue_within(entry: u32, residue: u32, budget: u32) -> bool {
    ((entry ^ residue) & RESIDUE_MASK).count_ones() <= budget
}

/// The id relative to the segment that an entry holds.
#[inline(always)]
pub fn entry_offset(entry: u32) -> u32 {
    entry >> RESIDUE_BITS
}

/// Buckets `range` (the hashes of one segment) by `slot`'s leading `bits` bits.
fn bucket_slot(range: &[[u64; 4]], slot: usize, bits: u32) -> (Vec<u32>, Vec<u32>) {
    let mut directory = vec![0u32; (1usize << bits) + 1];
    advise_huge_pages(&directory);
    for words in range {
        directory[split(words, slot, bits).0 as usize + 1] += 1;
    }
    for b in 1..directory.len() {
        directory[b] += directory[b - 1];
    }
    let mut entries = vec![0u32; range.len() + ENTRY_PADDING];
    advise_huge_pages(&entries);
    // Each bucket's start serves as its fill cursor, then everything moves up one place.
    for (offset, words) in range.iter().enumerate() {
        let (b, residue) = split(words, slot, bits);
        entries[directory[b as usize] as usize] = (offset as u32) << RESIDUE_BITS | residue;
        directory[b as usize] += 1;
    }
    let buckets = directory.len() - 1;
    directory.copy_within(..buckets, 1);
    directory[0] = 0;
    (directory, entries)
}

impl Segment {
    /// Buckets the hashes with ids `lo..hi` (`hashes[id]`); at most [`MAX_SEGMENT_LEN`].
    pub fn build(hashes: &[[u64; 4]], lo: u32, hi: u32) -> Segment {
        let range = &hashes[lo as usize..hi as usize];
        assert!(
            range.len() <= MAX_SEGMENT_LEN,
            "segment of {} hashes",
            range.len()
        );
        let log_len = usize::BITS - range.len().max(2).saturating_sub(1).leading_zeros();
        let mut bucket_bits = [0u32; SLOTS];
        let mut directories = Vec::with_capacity(SLOTS);
        let mut entries = Vec::with_capacity(SLOTS);
        for slot in 0..SLOTS {
            let bits = log_len.saturating_sub(BUCKET_SHIFT).clamp(1, WIDTHS[slot]);
            bucket_bits[slot] = bits;
            let (directory, slot_entries) = bucket_slot(range, slot, bits);
            directories.push(directory);
            entries.push(slot_entries);
        }
        Segment {
            lo,
            hi,
            bucket_bits,
            directories,
            entries,
        }
    }

    /// Bucket bits used for `slot`.
    pub fn bucket_bits(&self, slot: usize) -> u32 {
        self.bucket_bits[slot]
    }

    /// `slot`'s directory (bucket `b` holds `entries[directory[b]..directory[b + 1]]`) and
    /// entries (see [`entry_offset`] and [`residue_within`]), followed by [`ENTRY_PADDING`]
    /// zeros.
    pub fn table(&self, slot: usize) -> (&[u32], &[u32]) {
        (&self.directories[slot], &self.entries[slot])
    }

    /// Number of hashes covered.
    pub fn len(&self) -> usize {
        (self.hi - self.lo) as usize
    }

    /// Buckets a query probes at these thresholds (for choosing between probing and scanning).
    pub fn probe_count(&self, thresholds: &[Option<u32>; SLOTS]) -> u64 {
        (0..SLOTS)
            .filter_map(|s| thresholds[s].map(|t| slots::ball_size(self.bucket_bits[s], t)))
            .sum()
    }

    /// Appends to `out` the id of every hash whose slot `s` is within `thresholds[s]` of the
    /// query's in some slot (and possibly others); the same id may appear more than once.
    pub fn candidates(
        &self,
        query: &[u64; 4],
        thresholds: &[Option<u32>; SLOTS],
        scratch: &mut Scratch,
        out: &mut Vec<u32>,
    ) {
        let residues = self.list_probes(query, thresholds, scratch);
        scratch.ranges.clear();
        let probes = &scratch.probes;
        for (j, &probe) in probes.iter().enumerate() {
            if let Some(&ahead) = probes.get(j + PREFETCH_AHEAD) {
                let (slot, b) = ((ahead >> 24 & 0xFF) as usize, (ahead & 0xFF_FFFF) as usize);
                prefetch(&self.directories[slot], b);
            }
            let (slot, b) = ((probe >> 24 & 0xFF) as usize, (probe & 0xFF_FFFF) as usize);
            let directory = &self.directories[slot];
            let (start, end) = (directory[b], directory[b + 1]);
            if start < end {
                prefetch(&self.entries[slot], start as usize);
                let budget = thresholds[slot].unwrap_or(0) - (probe >> 32) as u32;
                scratch.ranges.push([slot as u32, budget, start, end]);
            }
        }
        with_popcnt(
            #[inline(always)]
            || {
                for &[slot, budget, start, end] in &scratch.ranges {
                    let residue = residues[slot as usize];
                    for &entry in &self.entries[slot as usize][start as usize..end as usize] {
                        if residue_within(entry, residue, budget) {
                            out.push(self.lo + entry_offset(entry));
                        }
                    }
                }
            },
        )
    }

    /// Fills `scratch.probes` with every bucket to read, all slots in one list so the prefetch
    /// pipeline never drains between slots: bucket | slot << 24 | bits flipped << 32. Returns
    /// the query's residue in each slot.
    fn list_probes(
        &self,
        query: &[u64; 4],
        thresholds: &[Option<u32>; SLOTS],
        scratch: &mut Scratch,
    ) -> [u32; SLOTS] {
        let mut residues = [0u32; SLOTS];
        scratch.probes.clear();
        for (slot, threshold) in thresholds.iter().enumerate() {
            let Some(t) = *threshold else { continue };
            let bits = self.bucket_bits[slot];
            let (centre, residue) = split(query, slot, bits);
            residues[slot] = residue;
            scratch.ball.clear();
            slots::ball(centre, bits, t, &mut scratch.ball);
            scratch.probes.extend(scratch.ball.iter().map(|&b| {
                u64::from(b) | (slot as u64) << 24 | u64::from((b ^ centre).count_ones()) << 32
            }));
        }
        residues
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        let dirs: usize = self.directories.iter().map(|d| d.capacity() * 4).sum();
        let entries: usize = self.entries.iter().map(|d| d.capacity() * 4).sum();
        dirs + entries
    }
}
