//! Memory hints for flowtrace's large arrays (graphs, searches, intern tables, hash indexes):
//! prefetching the cache lines a loop will need a few steps later, backing big fresh arrays
//! with 2 MiB pages, and mapping a result's pages from one thread while another fills them.
//!
//! All are hints. They never change a result; where the processor or the kernel does not
//! support them, nothing changes but the speed.

/// Below this many bytes an allocation is not worth a system call.
const HUGE_PAGE: usize = 2 << 20;

/// Starts loading the cache line holding `value` and returns at once. Unlike a plain load, a
/// prefetch that misses the cache does not hold up the instructions after it, so the misses of
/// many random reads can be in flight while other work goes on.
#[inline(always)]
pub fn prefetch_value<T>(value: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        // SAFETY: SSE is part of every x86-64 processor, and a prefetch reads nothing and
        // cannot fault.
        unsafe { _mm_prefetch::<_MM_HINT_T0>((value as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = value;
}

/// Starts loading the cache line holding `slice[i]`, if there is one.
#[inline(always)]
pub fn prefetch<T>(slice: &[T], i: usize) {
    if let Some(item) = slice.get(i) {
        prefetch_value(item);
    }
}

/// Starts loading the cache line holding `slice[i]` into the second-level cache only, if there
/// is one. For loops that request hundreds of lines before using any: first-level prefetches
/// each hold one of the core's few line-fill buffers until the line arrives, so past a dozen
/// or so in flight they queue; the Hamming index's single-query probes, which request about
/// 1,600 lines of a gigabyte at once, ran about 30% faster with this hint (BENCHMARKS.md).
#[inline(always)]
pub fn prefetch_to_l2<T>(slice: &[T], i: usize) {
    #[cfg(target_arch = "x86_64")]
    if let Some(item) = slice.get(i) {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T1};
        // SAFETY: SSE is part of every x86-64 processor, and a prefetch reads nothing and
        // cannot fault.
        unsafe { _mm_prefetch::<_MM_HINT_T1>((item as *const T).cast::<i8>()) };
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = (slice, i);
}

/// An empty vector with room for `capacity` items whose memory the kernel is asked to back with
/// 2 MiB pages. Each 4 KiB page of a fresh allocation costs a page fault when first written:
/// filling a 36 MB result took 22 ms with small pages and 10 ms with huge ones on the machine
/// this was measured on. (Transparent huge pages are often enabled only on request.)
pub fn vec_with_huge_pages<T>(capacity: usize) -> Vec<T> {
    let v = Vec::with_capacity(capacity);
    advise_huge_pages(&v);
    v
}

/// `len` copies of `value` on 2 MiB pages (see [`vec_with_huge_pages`]): for arrays read at
/// random, where small pages would also cost a TLB miss on nearly every read.
pub fn filled_on_huge_pages<T: Clone>(len: usize, value: T) -> Vec<T> {
    let mut v = vec_with_huge_pages(len);
    v.resize(len, value);
    v
}

/// Asks the kernel to back `v`'s allocation (its capacity) with 2 MiB pages where it can. Call
/// it before the memory is first written.
pub fn advise_huge_pages<T>(v: &Vec<T>) {
    let bytes = v.capacity() * std::mem::size_of::<T>();
    if bytes < HUGE_PAGE {
        return;
    }
    #[cfg(target_os = "linux")]
    {
        const PAGE: usize = 4096;
        let start = (v.as_ptr() as usize).next_multiple_of(PAGE);
        let end = (v.as_ptr() as usize + bytes) / PAGE * PAGE;
        // SAFETY: the range lies inside `v`'s own allocation (rounded inwards to whole pages),
        // and MADV_HUGEPAGE changes how pages are backed, never their contents.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

/// Where a vector's memory lies, so that one thread can have the kernel map its pages while
/// another fills them ([`Capacity::populate`]).
#[derive(Clone, Copy, Debug)]
pub struct Capacity {
    start: usize,
    item: usize,
    items: usize,
}

impl Capacity {
    /// Where `v`'s allocation (its whole capacity) lies.
    pub fn of<T>(v: &Vec<T>) -> Capacity {
        Capacity {
            start: v.as_ptr() as usize,
            item: std::mem::size_of::<T>(),
            items: v.capacity(),
        }
    }

    /// Asks the kernel to map the pages of items `items` now (the whole pages inside that
    /// range, zeroed until written), so that whoever writes them later takes no page faults:
    /// filling fresh memory costs as much again in faults on large results. A hint; it never
    /// changes what the memory holds (Linux 5.14's `MADV_POPULATE_WRITE` only maps pages not
    /// there yet) and does nothing elsewhere.
    pub fn populate(&self, items: std::ops::Range<usize>) {
        let end = items.end.min(self.items);
        if self.item == 0 || items.start >= end {
            return;
        }
        #[cfg(target_os = "linux")]
        {
            const PAGE: usize = 4096;
            let from = (self.start + items.start * self.item).next_multiple_of(PAGE);
            let to = (self.start + end * self.item) / PAGE * PAGE;
            if from < to {
                // SAFETY: MADV_POPULATE_WRITE maps missing pages and changes no contents, so
                // it is harmless even if the range is no longer the vector's; the kernel
                // checks the range and fails the call if it is not mapped.
                unsafe {
                    libc::madvise(
                        from as *mut libc::c_void,
                        to - from,
                        libc::MADV_POPULATE_WRITE,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn populating_keeps_what_was_written() {
        let mut v: Vec<u64> = vec_with_huge_pages(1 << 20);
        v.extend(0..1000);
        let capacity = Capacity::of(&v);
        capacity.populate(0..1 << 20);
        capacity.populate(500..2000);
        assert!(v.iter().copied().eq(0..1000));
        v.extend(1000..(1 << 20));
        assert_eq!(v[(1 << 20) - 1], (1 << 20) - 1);
        Capacity::of(&Vec::<()>::new()).populate(0..10);
    }

    #[test]
    fn hinted_vectors_behave_like_any_other() {
        let mut v: Vec<u64> = vec_with_huge_pages(1 << 20);
        assert!(v.capacity() >= 1 << 20);
        v.extend(0..1 << 20);
        prefetch(&v, 12);
        prefetch(&v, 1 << 30); // out of range: nothing happens
        assert_eq!(v.iter().sum::<u64>(), (1u64 << 20) * ((1 << 20) - 1) / 2);
        let filled = filled_on_huge_pages(3 << 20, 7u32);
        assert!(filled.len() == 3 << 20 && filled.iter().all(|&x| x == 7));
        let small: Vec<u8> = vec_with_huge_pages(10);
        assert!(small.capacity() >= 10);
    }
}
