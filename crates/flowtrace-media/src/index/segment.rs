//! One immutable piece of the index: for each slot, the ids of a contiguous range of hashes
//! bucketed by the slot's leading bits (a directory of offsets into an id array, built by
//! counting sort), and the probing that turns a query into candidate ids.
//!
//! A segment over `n` hashes uses about `log2 n` leading bits of each slot as its bucket, so a
//! bucket holds about one hash whatever the segment's size; the ball probed is enumerated over
//! those bits only, which finds a superset of the hashes within the slot threshold (the caller
//! checks every candidate's full distance, so the answer stays exact).

use super::memory::advise_huge_pages;
use super::slots::{self, SLOTS, WIDTHS};

/// How many probes ahead the probing loops prefetch. Each step of the loops is a few
/// nanoseconds and a miss to memory about a hundred, so the hint must go out dozens of steps
/// early; 48 measured about 1.5x faster than 12 (BENCHMARKS.md).
pub const PREFETCH_AHEAD: usize = 48;

/// Hints the processor to start loading the cache line holding `slice[i]`.
#[inline(always)]
pub fn prefetch<T>(slice: &[T], i: usize) {
    if let Some(item) = slice.get(i) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: prefetching is a hint with no effect on memory; the pointer is in bounds.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>((item as *const T).cast::<i8>());
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = item;
    }
}

/// The ids `lo..hi` bucketed once per slot.
pub struct Segment {
    /// First id covered.
    pub lo: u32,
    /// One past the last id covered.
    pub hi: u32,
    bucket_bits: [u32; SLOTS],
    directories: Vec<Vec<u32>>,
    ids: Vec<Vec<u32>>,
}

/// Reusable buffers for probing, so a query allocates nothing once warm.
#[derive(Default)]
pub struct Scratch {
    keys: Vec<u32>,
    ranges: Vec<(u32, u32, u32)>,
}

fn bucket(words: &[u64; 4], slot: usize, bits: u32) -> u32 {
    slots::key(words, slot) >> (WIDTHS[slot] - bits)
}

impl Segment {
    /// Buckets the hashes with ids `lo..hi` (`hashes[id]`).
    pub fn build(hashes: &[[u64; 4]], lo: u32, hi: u32) -> Segment {
        let n = (hi - lo) as usize;
        let wanted = (usize::BITS - n.max(2).saturating_sub(1).leading_zeros()).max(1);
        let range = &hashes[lo as usize..hi as usize];
        let mut bucket_bits = [0u32; SLOTS];
        let mut directories = Vec::with_capacity(SLOTS);
        let mut ids = Vec::with_capacity(SLOTS);
        for slot in 0..SLOTS {
            let bits = wanted.min(WIDTHS[slot]);
            bucket_bits[slot] = bits;
            let mut directory = vec![0u32; (1usize << bits) + 1];
            advise_huge_pages(&directory, directory.capacity());
            for words in range {
                directory[bucket(words, slot, bits) as usize + 1] += 1;
            }
            for b in 1..directory.len() {
                directory[b] += directory[b - 1];
            }
            let mut next = directory.clone();
            let mut slot_ids = vec![0u32; n];
            advise_huge_pages(&slot_ids, slot_ids.capacity());
            for (offset, words) in range.iter().enumerate() {
                let b = bucket(words, slot, bits) as usize;
                slot_ids[next[b] as usize] = lo + offset as u32;
                next[b] += 1;
            }
            directories.push(directory);
            ids.push(slot_ids);
        }
        Segment {
            lo,
            hi,
            bucket_bits,
            directories,
            ids,
        }
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
        // All slots' probes in one list, so the prefetch pipeline never drains between slots.
        scratch.keys.clear();
        for (slot, threshold) in thresholds.iter().enumerate() {
            let Some(t) = *threshold else { continue };
            let bits = self.bucket_bits[slot];
            let from = scratch.keys.len();
            slots::ball(bucket(query, slot, bits), bits, t, &mut scratch.keys);
            // Tag each key with its slot in the top bits (keys have at most 24 bits).
            scratch.keys[from..]
                .iter_mut()
                .for_each(|k| *k |= (slot as u32) << 24);
        }
        scratch.ranges.clear();
        let keys = &scratch.keys;
        for (j, &tagged) in keys.iter().enumerate() {
            if let Some(&ahead) = keys.get(j + PREFETCH_AHEAD) {
                prefetch(
                    &self.directories[(ahead >> 24) as usize],
                    (ahead & 0xFF_FFFF) as usize,
                );
            }
            let (slot, key) = ((tagged >> 24) as usize, (tagged & 0xFF_FFFF) as usize);
            let directory = &self.directories[slot];
            let (start, end) = (directory[key], directory[key + 1]);
            if start < end {
                prefetch(&self.ids[slot], start as usize);
                scratch.ranges.push((slot as u32, start, end));
            }
        }
        for &(slot, start, end) in &scratch.ranges {
            for &id in &self.ids[slot as usize][start as usize..end as usize] {
                out.push(id);
            }
        }
    }

    /// Bytes held.
    pub fn memory_bytes(&self) -> usize {
        let dirs: usize = self.directories.iter().map(|d| d.capacity() * 4).sum();
        let ids: usize = self.ids.iter().map(|d| d.capacity() * 4).sum();
        dirs + ids
    }
}
