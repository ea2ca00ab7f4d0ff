//! Reading the index's large arrays fast: asking Linux to back them with 2 MiB pages, and
//! prefetching.
//!
//! A query touches a few thousand random places in a gigabyte of arrays. With 4 KiB pages
//! nearly every touch also misses the TLB, and the processor walks the page table, which
//! limits how many misses it can overlap; with 2 MiB pages the whole index fits in the TLB.
//! Transparent huge pages are often enabled only on request (`madvise` mode), hence this.
//! It is a hint: where it is refused or unsupported nothing changes but speed.

/// Below this size the hint is not worth a system call.
const WORTH_IT: usize = 4 << 20;

/// Hints that `v`'s allocation (capacity, not length) should use huge pages. Call it before
/// the memory is first written, e.g. right after allocating with `vec![0; n]`.
pub fn advise_huge_pages<T>(v: &[T], capacity: usize) {
    let bytes = capacity * std::mem::size_of::<T>();
    if bytes < WORTH_IT {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        const HUGE: usize = 2 << 20;
        let start = v.as_ptr() as usize;
        let aligned = (start + HUGE - 1) & !(HUGE - 1);
        let end = (start + bytes) & !(HUGE - 1);
        if end > aligned {
            // SAFETY: madvise with MADV_HUGEPAGE only changes how the kernel backs pages of a
            // range inside our own live allocation; it never changes their contents.
            unsafe {
                libc::madvise(
                    aligned as *mut libc::c_void,
                    end - aligned,
                    libc::MADV_HUGEPAGE,
                );
            }
        }
    }
}

/// How many steps ahead the probing and verifying loops prefetch. Each step of the loops is a
/// few nanoseconds and a miss to memory about a hundred, so the hint must go out dozens of
/// steps early; 48 measured about 1.5x faster than 12 (BENCHMARKS.md).
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
