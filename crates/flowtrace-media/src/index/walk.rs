//! Probing one slot's region for a batch: the inner loop of [`super::BatchSearcher`], where a
//! batch at 10M hashes spends most of its time, written so that no branch depends on whether
//! an entry matches (that is close to a coin flip, and mispredicting it dominated).

use super::batch::{CHUNK_BITS, QUERY_BITS};
use super::chunked::Chunked;
use super::memory::prefetch;
use super::segment::{entry_offset, residue_within, ENTRY_PADDING};

/// Entries of a bucket checked without branching on the bucket's size (a bucket holds about
/// one; larger ones finish in a loop). The entry arrays are padded so this many can be read.
const FIXED_ENTRIES: usize = 2;

/// One slot's tables and the flips to probe inside a region.
pub struct Walk<'a> {
    /// The slot's directory and entries ([`super::segment::Segment::table`]).
    pub directory: &'a [u32],
    /// See `directory`.
    pub entries: &'a [u32],
    /// Flips of the low bits, fewest bits first.
    pub low: &'a [u32],
    /// `low_len[w]`: how many of `low` flip at most `w` bits.
    pub low_len: &'a [usize],
    /// The slot's threshold.
    pub t: u32,
    /// Bucket bits enumerated inside a region.
    pub low_bits: u32,
    /// Whether to prefetch each next region whole.
    pub stream: bool,
}

impl Walk<'_> {
    /// Probes one region for its items, adding every entry within the slot threshold of the
    /// item's query to the candidates.
    #[inline(always)]
    pub fn region(
        &self,
        region: usize,
        items: &[u32],
        buckets: &[u32],
        residues: &[u32],
        candidates: &mut Chunked,
    ) {
        if self.stream {
            prefetch_region(self.directory, self.entries, region + 1, self.low_bits);
        }
        let base = (region as u32) << self.low_bits;
        let low_mask = (1u32 << self.low_bits) - 1;
        let mut emit = |entry: u32, query: u32, keep: bool| {
            let offset = entry_offset(entry);
            let packed = (offset & ((1 << CHUNK_BITS) - 1)) << QUERY_BITS | query;
            candidates.push_if((offset >> CHUNK_BITS) as usize, packed, keep);
        };
        for &item in items {
            let (query, spent) = (item >> 8, item & 0xFF);
            let centre = buckets[query as usize] & low_mask;
            let residue = residues[query as usize];
            for &flip in &self.low[..self.low_len[(self.t - spent) as usize]] {
                let budget = self.t - spent - flip.count_ones();
                let b = (base | (centre ^ flip)) as usize;
                let (start, end) = (self.directory[b] as usize, self.directory[b + 1] as usize);
                // Entries past the bucket's end are read (the array is padded) and dropped.
                let fixed = &self.entries[start..start + FIXED_ENTRIES];
                for (i, &entry) in fixed.iter().enumerate() {
                    emit(
                        entry,
                        query,
                        start + i < end && residue_within(entry, residue, budget),
                    );
                }
                for &entry in self.entries.get(start + FIXED_ENTRIES..end).unwrap_or(&[]) {
                    emit(entry, query, residue_within(entry, residue, budget));
                }
            }
        }
    }
}

/// Prefetches region `region`'s directory and the entries it points to, if there is one.
fn prefetch_region(directory: &[u32], entries: &[u32], region: usize, low_bits: u32) {
    let (from, to) = (region << low_bits, (region + 1) << low_bits);
    if to >= directory.len() {
        return;
    }
    for b in (from..to).step_by(16) {
        prefetch(directory, b);
    }
    for i in (directory[from] as usize..directory[to] as usize).step_by(16) {
        prefetch(entries, i);
    }
}

const _: () = assert!(FIXED_ENTRIES <= ENTRY_PADDING);
