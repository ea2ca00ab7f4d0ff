//! Reading the index's large arrays fast: asking Linux to back them with 2 MiB pages, and
//! prefetching.
//!
//! A query touches a few thousand random places in a gigabyte of arrays. With 4 KiB pages
//! nearly every touch also misses the TLB, and the processor walks the page table, which
//! limits how many misses it can overlap; with 2 MiB pages the whole index fits in the TLB.
//! Both hints are flowtrace-memory's; this module says how far ahead the index prefetches.

pub use flowtrace_memory::{advise_huge_pages, prefetch, prefetch_to_l2};

/// How many steps ahead the probing and verifying loops prefetch. Each step of the loops is a
/// few nanoseconds and a miss to memory about a hundred, so the hint must go out dozens of
/// steps early; 48 measured about 1.5x faster than 12 (BENCHMARKS.md).
pub const PREFETCH_AHEAD: usize = 48;
