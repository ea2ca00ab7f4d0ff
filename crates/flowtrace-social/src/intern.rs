//! Strings to dense `u32` ids: message ids, user ids, URLs and normalised texts are compared
//! millions of times while pairing, so each is turned into a number once, on reading.

use std::hash::BuildHasher;
use std::sync::OnceLock;

use flowtrace_memory::{advise_huge_pages, prefetch_value};

/// Ids stop below this value; `u32::MAX` is kept free to mean "none" in the columns.
pub const MAX_IDS: usize = u32::MAX as usize;

/// An empty slot of the table (no entry is at this place: the arena stays below it).
const EMPTY: u64 = u64::MAX;
/// A slot's low bits: where its string's entry is in the arena.
const PLACE_BITS: u32 = 40;
const PLACE_MASK: u64 = (1 << PLACE_BITS) - 1;
/// An entry's header before its bytes: its id and its length, each a little-endian `u32`.
const HEADER: usize = 8;

/// An append-only set of strings numbered 0, 1, 2, ... in order of first appearance.
///
/// The strings live in one arena (no allocation per string), each as an entry: its id, its
/// length, then its bytes. The table is open addressing with linear probing, at most three
/// quarters full (eight slots share a cache line, so the longer runs rarely cost another
/// memory read, while a table twice the size costs twice the pages to clear): each slot holds where its entry is in the arena and 24 more bits of the string's hash, so
/// probing never reads the arena except to confirm a match, and a match costs one read of
/// memory (the entry, which holds the id as well), where keeping the id in the slot costs two
/// in turn (the string's place, then its bytes): both are random places of tables larger than
/// the core's caches, and reading interns every id of every post. A string costs its bytes
/// plus 19 to 29 bytes.
#[derive(Default)]
pub struct Interner {
    arena: Vec<u8>,
    /// How many strings there are.
    count: usize,
    /// Where string `i`'s entry starts in the arena, found by one walk over the arena the first
    /// time a string is asked for by id: entries lie in id order, so nothing need be written
    /// per string while reading (8 bytes a string, a page cleared by the kernel every 512).
    starts: OnceLock<Vec<u64>>,
    /// `tag << 40 | place`, or [`EMPTY`]; the length is a power of two (or zero).
    slots: Vec<u64>,
}

/// Slots for `strings` strings: a power of two, at least four thirds as many.
fn table_size(strings: usize) -> usize {
    (strings.max(8) * 4).div_ceil(3).next_power_of_two()
}

/// Whether `strings` strings overfill a table of `slots` slots.
fn overfull(strings: usize, slots: usize) -> bool {
    strings * 4 > slots * 3
}

/// A string's hash: its low bits choose the home slot, its high 24 bits are the slot's tag.
/// Readers may compute it apart from interning (on another thread) and pass it in.
pub(crate) fn hash(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

fn hash_bytes(s: &[u8]) -> u64 {
    foldhash::fast::FixedState::default().hash_one(s)
}

fn tag(hash: u64) -> u64 {
    hash >> PLACE_BITS << PLACE_BITS
}

impl Interner {
    /// An empty interner.
    pub fn new() -> Self {
        Interner::default()
    }

    /// How many distinct strings there are.
    pub fn len(&self) -> usize {
        self.count
    }

    /// The entry at `place`: its id and its bytes.
    fn entry(&self, place: usize) -> (u32, &[u8]) {
        let word = |at: usize| {
            let bytes = self.arena.get(at..at + 4).and_then(|b| b.try_into().ok());
            u32::from_le_bytes(bytes.unwrap_or([0; 4]))
        };
        let (id, len) = (word(place), word(place + 4) as usize);
        let start = place + HEADER;
        (id, self.arena.get(start..start + len).unwrap_or(&[]))
    }

    /// Where each entry starts, in id order (each entry is followed by the next).
    fn places(&self) -> impl Iterator<Item = u64> + '_ {
        let mut place = 0;
        std::iter::from_fn(move || {
            let at = place;
            place += HEADER + self.entry(at).1.len();
            (at < self.arena.len()).then_some(at as u64)
        })
    }

    fn starts(&self) -> &[u64] {
        self.starts.get_or_init(|| self.places().collect())
    }

    /// The string with id `id`, or `""` if there is none.
    pub fn get(&self, id: u32) -> &str {
        match self.starts().get(id as usize) {
            // Entries are copied from `&str`s whole, so this is UTF-8.
            Some(&place) => std::str::from_utf8(self.entry(place as usize).1).unwrap_or(""),
            None => "",
        }
    }

    /// The slot holding `s`, or the empty slot where it would go (the table must not be empty).
    fn probe(&self, s: &[u8], hash: u64) -> (usize, Option<u32>) {
        let mask = self.slots.len() - 1;
        let tag = tag(hash);
        let mut i = hash as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == EMPTY {
                return (i, None);
            }
            if slot & !PLACE_MASK == tag {
                let (id, bytes) = self.entry((slot & PLACE_MASK) as usize);
                if same_bytes(bytes, s) {
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
        self.probe(s.as_bytes(), hash(s)).1
    }

    /// Starts loading the table slot where `s` would be into cache, without waiting for it: a
    /// reader calls this a few rows ahead, so that the slot (a random place in a table far
    /// larger than the cache) has arrived when the row is interned, instead of every row
    /// waiting for memory in turn.
    pub fn prefetch(&self, s: &str) {
        self.prefetch_hashed(hash(s));
    }

    /// [`Interner::prefetch`] of the string whose [`hash`] is `hash`.
    pub(crate) fn prefetch_hashed(&self, hash: u64) {
        if self.slots.is_empty() {
            return;
        }
        prefetch_value(&self.slots[hash as usize & (self.slots.len() - 1)]);
    }

    /// The second stage of [`Interner::prefetch_hashed`], some rows later, once the slot has
    /// arrived: starts loading the entry of the string the slot's tag points at, which
    /// confirming a match reads (a random place in an arena larger than the cache, so it was
    /// the other half of an intern's waiting). Looks at the home slot's cache line only.
    pub(crate) fn prefetch_entry(&self, hash: u64) {
        if self.slots.is_empty() {
            return;
        }
        let mask = self.slots.len() - 1;
        let home = hash as usize & mask;
        let line = &self.slots[home..=(home | 7).min(mask)];
        let mut run = line.iter().take_while(|&&slot| slot != EMPTY);
        if let Some(&slot) = run.find(|&&slot| slot & !PLACE_MASK == tag(hash)) {
            if let Some(entry) = self.arena.get((slot & PLACE_MASK) as usize) {
                prefetch_value(entry);
            }
        }
    }

    /// The id of `s` and whether it is new; `None` when the id space (or the arena's) is
    /// exhausted.
    #[cfg(test)]
    pub fn intern(&mut self, s: &str) -> Option<(u32, bool)> {
        self.intern_hashed(s, hash(s))
    }

    /// [`Interner::intern`] of `s`, whose [`hash`] is `hash`.
    pub(crate) fn intern_hashed(&mut self, s: &str, hash: u64) -> Option<(u32, bool)> {
        if overfull(self.len() + 1, self.slots.len()) {
            let wanted = table_size(self.len() + 1);
            self.rehash(Vec::with_capacity(wanted), wanted);
        }
        let s = s.as_bytes();
        let (at, found) = self.probe(s, hash);
        if let Some(id) = found {
            return Some((id, false));
        }
        let place = self.arena.len();
        let len = u32::try_from(s.len()).ok()?;
        if self.len() >= MAX_IDS - 1 || (place + HEADER + s.len()) as u64 >= PLACE_MASK {
            return None;
        }
        let id = self.len() as u32;
        self.slots[at] = tag(hash) | place as u64;
        self.arena.extend_from_slice(&id.to_le_bytes());
        self.arena.extend_from_slice(&len.to_le_bytes());
        self.arena.extend_from_slice(s);
        self.count += 1;
        if let Some(starts) = self.starts.get_mut() {
            starts.push(place as u64);
        }
        Some((id, true))
    }

    /// Makes room for about `more` new strings without growing the table (best effort: if the
    /// memory is not there, nothing is reserved).
    pub fn reserve(&mut self, more: usize) {
        // Entries as long on average as so far, or as a 16-byte id; growing the arena by
        // doubling would copy it whole each time.
        let entry = match self.len() {
            0 => HEADER + 16,
            n => self.arena.len() / n,
        };
        let _ = self.arena.try_reserve_exact(more.saturating_mul(entry));
        let wanted = table_size(self.len() + more);
        let mut slots = Vec::new();
        if wanted > self.slots.len() && slots.try_reserve_exact(wanted).is_ok() {
            self.rehash(slots, wanted);
        }
    }

    /// Moves every entry into a table of `size` slots allocated in `slots`, hashing each string
    /// again (in arena order: the arena is read once, from start to end).
    fn rehash(&mut self, mut slots: Vec<u64>, size: usize) {
        slots.reserve_exact(size);
        advise_huge_pages(&slots);
        slots.resize(size, EMPTY);
        let mask = size - 1;
        for place in self.places() {
            let hash = hash_bytes(self.entry(place as usize).1);
            let mut i = hash as usize & mask;
            while slots[i] != EMPTY {
                i = (i + 1) & mask;
            }
            slots[i] = tag(hash) | place;
        }
        self.slots = slots;
    }

    /// Bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        let starts = self.starts.get().map_or(0, |s| s.capacity() * 8);
        self.arena.capacity() + starts + self.slots.capacity() * 8
    }
}

/// Whether two strings are equal, without a call to `memcmp` for the short ones (ids and most
/// URLs): a call costs more than comparing a few words.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut a, mut b) = (a, b);
    while let (Some((x, rest_a)), Some((y, rest_b))) =
        (a.split_first_chunk::<8>(), b.split_first_chunk::<8>())
    {
        if x != y {
            return false;
        }
        (a, b) = (rest_a, rest_b);
    }
    a.iter().zip(b).all(|(x, y)| x == y)
}

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
