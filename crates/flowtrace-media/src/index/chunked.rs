//! Where a batch keeps its candidates: grouped by the chunk of the hash array that holds them,
//! so they can be checked chunk by chunk with the chunk in cache.
//!
//! Tens of millions of candidates go through a batch, so pushing one must cost a few
//! instructions: the store is one flat buffer (on 2 MiB pages) with a fixed room per chunk, a
//! little over the count expected there, and the rare candidate that finds its chunk full
//! goes to a spill list instead. Whether a probed entry is a candidate is close to a coin
//! flip, and a branch on it mispredicted half the time cost more than everything else a probe
//! does, so [`Chunked::push_if`] always writes and moves the length on by `keep`.

use super::memory::advise_huge_pages;

/// Candidates (any 32-bit value) grouped by chunk.
#[derive(Default)]
pub struct Chunked {
    room: usize,
    buffer: Vec<u32>,
    lens: Vec<u32>,
    spill: Vec<(u32, u32)>,
}

impl Chunked {
    /// Empties the store and gives each of `chunks` chunks room for `expected` candidates
    /// plus a margin of several standard deviations (the counts are about Poisson).
    pub fn reset(&mut self, chunks: usize, expected: f64) {
        self.room = (expected * 1.1 + 6.0 * expected.sqrt()) as usize + 16;
        let size = chunks * self.room;
        if self.buffer.len() < size {
            self.buffer = Vec::with_capacity(size);
            advise_huge_pages(&self.buffer);
            self.buffer.resize(size, 0);
        }
        self.lens.clear();
        self.lens.resize(chunks, 0);
        self.spill.clear();
    }

    /// Adds `value` to `chunk` if `keep`, without branching on `keep`.
    #[inline(always)]
    pub fn push_if(&mut self, chunk: usize, value: u32, keep: bool) {
        let len = self.lens[chunk] as usize;
        if len < self.room {
            self.buffer[chunk * self.room + len] = value;
            self.lens[chunk] = (len + usize::from(keep)) as u32;
        } else if keep {
            self.spill.push((chunk as u32, value));
        }
    }

    /// Number of chunks.
    pub fn chunks(&self) -> usize {
        self.lens.len()
    }

    /// The candidates of `chunk` that fitted in its room (see [`Chunked::spilled`]).
    pub fn chunk(&self, chunk: usize) -> &[u32] {
        let start = chunk * self.room;
        &self.buffer[start..start + self.lens[chunk] as usize]
    }

    /// The candidates that did not fit, as (chunk, value).
    pub fn spilled(&self) -> &[(u32, u32)] {
        &self.spill
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_what_it_is_told_to_and_spills_the_overflow() {
        let mut c = Chunked::default();
        c.reset(3, 0.0);
        let room = c.room;
        for i in 0..room as u32 + 5 {
            c.push_if(1, i, true);
            c.push_if(2, i, i % 2 == 0);
        }
        c.push_if(0, 99, false);
        assert!(c.chunk(0).is_empty());
        assert_eq!(c.chunk(1), (0..room as u32).collect::<Vec<_>>());
        assert_eq!(c.spilled().len(), 5);
        assert!(c.spilled().iter().all(|&(chunk, _)| chunk == 1));
        assert_eq!(
            c.chunk(2),
            (0..room as u32 + 5).step_by(2).collect::<Vec<_>>()
        );
    }
}
