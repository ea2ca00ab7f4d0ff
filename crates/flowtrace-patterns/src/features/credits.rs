//! Pattern histograms: for every edge, how many found patterns of each size bin it belongs to.
//!
//! A pattern found while searching from one edge is credited to every edge in it, and
//! searches run in parallel, so the counters are atomics; collisions are rare (two threads
//! crediting the same edge at once) and relaxed ordering is enough because nothing is read
//! until every search has finished.

use std::sync::atomic::{AtomicU32, Ordering};

use super::params::PatternParams;

/// Counters for one pattern family (or one side of fan/degree): `edges x bins`.
pub(crate) struct Histograms {
    bins: usize,
    counts: Vec<AtomicU32>,
}

impl Histograms {
    /// Zeroed counters.
    pub fn new(edges: usize, family: &PatternParams) -> Histograms {
        let bins = family.bins.len();
        Histograms {
            bins,
            counts: (0..edges * bins).map(|_| AtomicU32::new(0)).collect(),
        }
    }

    /// Adds `n` patterns in `bin` to edge position `e`.
    #[inline]
    pub fn add(&self, e: u32, bin: usize, n: u32) {
        self.counts[e as usize * self.bins + bin].fetch_add(n, Ordering::Relaxed);
    }

    /// [`Histograms::add`] for a caller that is the only one crediting edge `e` at this time
    /// (fan and degree: only the pass over the edge's own vertex credits it): a plain load
    /// and store instead of a locked read-modify-write, a third of fan's time otherwise.
    #[inline]
    pub fn add_exclusive(&self, e: u32, bin: usize, n: u32) {
        let cell = &self.counts[e as usize * self.bins + bin];
        cell.store(cell.load(Ordering::Relaxed) + n, Ordering::Relaxed);
    }

    /// Hints the processor to load edge position `e`'s counters, which are about to be
    /// credited.
    #[inline]
    pub fn prefetch(&self, e: u32) {
        flowtrace_memory::prefetch(&self.counts, e as usize * self.bins);
    }

    /// Number of bins.
    pub fn bins(&self) -> usize {
        self.bins
    }

    /// The count of edge position `e` in `bin`.
    #[inline]
    pub fn get(&self, e: u32, bin: usize) -> u32 {
        self.counts[e as usize * self.bins + bin].load(Ordering::Relaxed)
    }
}
