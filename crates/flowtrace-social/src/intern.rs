//! Strings to dense `u32` ids: message ids, user ids, URLs and normalised texts are compared
//! millions of times while pairing, so each is turned into a number once, on reading.

use std::hash::BuildHasher;

/// Ids stop below this value; `u32::MAX` is kept free to mean "none" in the columns.
pub const MAX_IDS: usize = u32::MAX as usize;

/// An empty slot of the table (no string has this id).
const EMPTY: u64 = u64::MAX;

/// An append-only set of strings numbered 0, 1, 2, ... in order of first appearance.
///
/// The strings live in one arena (no allocation per string). The table is open addressing with
/// linear probing, at most half full: each slot holds a string's id and a 32-bit hash of it, so
/// probing and growing never read the arena except to confirm a match, and a lookup is a few
/// instructions where a general hash map spends a hundred (reading interns every id of every
/// post, which made it the reader's largest cost). A string costs its bytes plus 24 to 40 bytes.
#[derive(Default)]
pub struct Interner {
    arena: String,
    /// Where string `i` starts in the arena; string `i` ends where `i + 1` starts.
    starts: Vec<u64>,
    /// `hash << 32 | id`, or [`EMPTY`]; the length is a power of two (or zero).
    slots: Vec<u64>,
}

/// Slots for `strings` strings: a power of two, at least twice as many.
fn table_size(strings: usize) -> usize {
    (strings.max(8) * 2).next_power_of_two()
}

fn hash(s: &str) -> u32 {
    let h = foldhash::fast::FixedState::default().hash_one(s);
    (h ^ (h >> 32)) as u32
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Interner {
            starts: vec![0],
            ..Interner::default()
        }
    }

    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The string with id `id`, or `""` if there is none.
    pub fn get(&self, id: u32) -> &str {
        let i = id as usize;
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => self.arena.get(a as usize..b as usize).unwrap_or(""),
            _ => "",
        }
    }

    /// The slot holding `s`, or the empty slot where it would go (the table must not be empty).
    fn probe(&self, s: &str, hash: u32) -> (usize, Option<u32>) {
        let (arena, starts) = (self.arena.as_bytes(), &self.starts);
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return (i, None);
            }
            let id = slot as u32;
            if (slot >> 32) as u32 == hash {
                // Bytes, not `str` slices: a match needs no check of character boundaries.
                let (a, b) = (
                    starts[id as usize] as usize,
                    starts[id as usize + 1] as usize,
                );
                if arena.get(a..b) == Some(s.as_bytes()) {
                    return (i, Some(id));
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// The id of `s` if it has been interned.
    pub fn find(&self, s: &str) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        self.probe(s, hash(s)).1
    }

    /// Starts loading the table slot where `s` would be into cache, without waiting for it: a
    /// reader calls this a few rows ahead, so that the slot (a random place in a table far
    /// larger than the cache) has arrived when the row is interned, instead of every row
    /// waiting for memory in turn.
    pub fn prefetch(&self, s: &str) {
        if self.slots.is_empty() {
            return;
        }
        let at = hash(s) as usize & (self.slots.len() - 1);
        prefetch_line(&self.slots[at]);
    }

    /// The id of `s` and whether it is new; `None` when the id space is exhausted.
    pub fn intern(&mut self, s: &str) -> Option<(u32, bool)> {
        if (self.len() + 1) * 2 > self.slots.len() {
            let wanted = table_size(self.len() + 1);
            self.rehash(Vec::with_capacity(wanted), wanted);
        }
        let hash = hash(s);
        let (at, found) = self.probe(s, hash);
        if let Some(id) = found {
            return Some((id, false));
        }
        if self.len() >= MAX_IDS - 1 {
            return None;
        }
        let id = self.len() as u32;
        self.slots[at] = (u64::from(hash) << 32) | u64::from(id);
        self.arena.push_str(s);
        self.starts.push(self.arena.len() as u64);
        Some((id, true))
    }

    /// Makes room for about `more` new strings without growing the table (best effort: if the
    /// memory is not there, nothing is reserved).
    pub fn reserve(&mut self, more: usize) {
        let _ = self.starts.try_reserve_exact(more);
        let wanted = table_size(self.len() + more);
        let mut slots = Vec::new();
        if wanted > self.slots.len() && slots.try_reserve_exact(wanted).is_ok() {
            self.rehash(slots, wanted);
        }
    }

    /// Moves every entry, by its stored hash, into a table of `size` slots allocated in `slots`.
    fn rehash(&mut self, mut slots: Vec<u64>, size: usize) {
        slots.reserve_exact(size);
        advise_huge_pages(&slots);
        slots.resize(size, EMPTY);
        let mask = size - 1;
        for &slot in self.slots.iter().filter(|&&s| s != EMPTY) {
            let mut i = (slot >> 32) as usize & mask;
            while slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = slot;
        }
        self.slots = slots;
    }

    /// Bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.starts.capacity() * 8 + self.slots.capacity() * 8
    }
}

/// Asks the kernel to back `v`'s allocation with 2 MiB pages where it can, before it is first
/// written. Every intern looks at a random slot of a table of up to tens of megabytes: with
/// 4 KiB pages nearly each look also misses the address translation cache and walks the page
/// tables. A hint: without it (or on other systems) nothing changes but the speed.
#[cfg(target_os = "linux")]
fn advise_huge_pages<T>(v: &Vec<T>) {
    const HUGE: usize = 2 << 20;
    let bytes = v.capacity() * std::mem::size_of::<T>();
    if bytes < HUGE {
        return;
    }
    const PAGE: usize = 4096;
    let start = (v.as_ptr() as usize).next_multiple_of(PAGE);
    let end = (v.as_ptr() as usize + bytes) / PAGE * PAGE;
    // SAFETY: the range lies inside `v`'s own allocation (rounded inwards to whole pages), and
    // MADV_HUGEPAGE changes how pages are backed, never their contents.
    unsafe {
        libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge_pages<T>(_v: &Vec<T>) {}

/// Asks the processor to fetch the cache line holding `value` (a hint: it changes no result).
#[cfg(all(target_arch = "x86_64", target_feature = "sse"))]
fn prefetch_line<T>(value: &T) {
    use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
    // SAFETY: SSE is part of x86-64 (this is compiled only where the target has it); a
    // prefetch reads nothing and the pointer comes from a reference.
    unsafe { _mm_prefetch::<_MM_HINT_T0>(std::ptr::from_ref(value).cast::<i8>()) }
}

#[cfg(not(all(target_arch = "x86_64", target_feature = "sse")))]
fn prefetch_line<T>(_value: &T) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_strings_in_order_of_first_appearance() {
        let mut i = Interner::new();
        assert_eq!(i.intern("b"), Some((0, true)));
        assert_eq!(i.intern(""), Some((1, true)));
        assert_eq!(i.intern("b"), Some((0, false)));
        assert_eq!(i.intern("ab"), Some((2, true)));
        assert_eq!(
            (i.get(0), i.get(1), i.get(2), i.get(9)),
            ("b", "", "ab", "")
        );
        assert_eq!((i.find("ab"), i.find("a")), (Some(2), None));
        assert_eq!(i.len(), 3);
    }

    #[test]
    fn survives_growth() {
        let mut i = Interner::new();
        for n in 0..10_000u32 {
            assert_eq!(i.intern(&n.to_string()), Some((n, true)));
        }
        for n in 0..10_000u32 {
            assert_eq!(i.find(&n.to_string()), Some(n));
        }
    }

    #[test]
    fn reserving_keeps_ids_and_an_empty_interner_finds_nothing() {
        let mut i = Interner::new();
        assert_eq!(i.find("x"), None);
        assert_eq!(i.intern("a"), Some((0, true)));
        i.reserve(1000);
        for n in 0..1000u32 {
            assert_eq!(i.intern(&n.to_string()), Some((n + 1, true)));
        }
        assert_eq!(
            (i.find("a"), i.find("999"), i.find("1000")),
            (Some(0), Some(1000), None)
        );
    }
}
