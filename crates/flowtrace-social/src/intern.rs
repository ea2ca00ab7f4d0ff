//! Strings to dense `u32` ids: message ids, user ids, URLs and normalised texts are compared
//! millions of times while pairing, so each is turned into a number once, on reading.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Ids stop below this value; `u32::MAX` is kept free to mean "none" in the columns.
pub const MAX_IDS: usize = u32::MAX as usize;

/// An append-only set of strings numbered 0, 1, 2, ... in order of first appearance.
///
/// The strings live in one arena (no allocation per string); the table holds each id with a
/// 32-bit hash of its string, so probing and growing the table never reads the arena except to
/// confirm a match. A string costs its bytes plus about 20 bytes.
#[derive(Default)]
pub struct Interner {
    arena: String,
    /// Where string `i` starts in the arena; string `i` ends where `i + 1` starts.
    starts: Vec<u64>,
    /// (id, hash) pairs.
    table: HashTable<(u32, u32)>,
    hasher: foldhash::fast::FixedState,
}

/// The table's 64-bit hash, made of the stored 32 bits, so it can be rebuilt without the string.
fn widen(hash: u32) -> u64 {
    (u64::from(hash) << 32) | u64::from(hash)
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

    fn hash(&self, s: &str) -> u32 {
        let h = self.hasher.hash_one(s);
        (h ^ (h >> 32)) as u32
    }

    /// The id of `s` if it has been interned.
    pub fn find(&self, s: &str) -> Option<u32> {
        let hash = self.hash(s);
        let eq = |&(id, h): &(u32, u32)| h == hash && self.get(id) == s;
        self.table.find(widen(hash), eq).map(|&(id, _)| id)
    }

    /// The id of `s` and whether it is new; `None` when the id space is exhausted.
    pub fn intern(&mut self, s: &str) -> Option<(u32, bool)> {
        let hash = self.hash(s);
        let (arena, starts) = (&self.arena, &self.starts);
        let get = |id: u32| &arena[starts[id as usize] as usize..starts[id as usize + 1] as usize];
        let eq = |&(id, h): &(u32, u32)| h == hash && get(id) == s;
        if let Some(&(id, _)) = self.table.find(widen(hash), eq) {
            return Some((id, false));
        }
        if self.len() >= MAX_IDS - 1 {
            return None;
        }
        let id = self.len() as u32;
        self.arena.push_str(s);
        self.starts.push(self.arena.len() as u64);
        self.table
            .insert_unique(widen(hash), (id, hash), |&(_, h)| widen(h));
        Some((id, true))
    }

    /// Bytes held, for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity() + self.starts.capacity() * 8 + self.table.capacity() * 9
    }
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
}
