//! The hash index of the account table: open addressing over one array, built so that many
//! lookups can be in flight at once.
//!
//! Interning is bound by memory latency: a lookup reads a slot and then the key record the slot
//! points to, both usually cache misses. A general-purpose map hides where its slots are, so
//! lookups run one after another. Here [`KeyTable::prefetch`] starts loading the slot a hash lands
//! on, so a caller can prefetch keys a while before looking them up, letting the processor overlap
//! their misses, and find them in cache when it gets to them. Each slot holds 32 bits of the hash beside the
//! record offset, so a probe rarely reads a record that is not the one sought.

/// A slot: the upper half is a tag (high hash bits), the lower half the record offset plus one;
/// zero marks an empty slot.
type Slot = u64;

/// Most slots in use before the table doubles, as a fraction: 3/4.
const LOAD_NUMERATOR: usize = 3;
const LOAD_DENOMINATOR: usize = 4;

/// Maps key hashes to arena offsets of key records; key comparison is the caller's.
#[derive(Clone, Default)]
pub(crate) struct KeyTable {
    slots: Vec<Slot>,
    len: usize,
}

#[inline]
fn tag(hash: u64) -> u64 {
    hash >> 32 << 32
}

impl KeyTable {
    #[inline]
    fn home(&self, hash: u64) -> usize {
        hash as usize & (self.slots.len() - 1)
    }

    /// The offset of the record whose hash is `hash` and for which `is_key` holds.
    #[inline]
    pub(crate) fn find(&self, hash: u64, is_key: impl Fn(u32) -> bool) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mut at = self.home(hash);
        loop {
            let slot = self.slots[at];
            if slot as u32 == 0 {
                return None;
            }
            if slot & !0xffff_ffff == tag(hash) && is_key(slot as u32 - 1) {
                return Some(slot as u32 - 1);
            }
            at = (at + 1) & (self.slots.len() - 1);
        }
    }

    /// Starts loading the slot `hash` lands on, without waiting for it.
    #[inline]
    pub(crate) fn prefetch(&self, hash: u64) {
        if !self.slots.is_empty() {
            flowtrace_memory::prefetch(&self.slots, self.home(hash));
        }
    }

    /// Reads the slot `hash` lands on and returns the offset it names, if any: a load whose only
    /// purpose is to find what to prefetch next.
    #[inline]
    pub(crate) fn touch(&self, hash: u64) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let slot = self.slots[self.home(hash)];
        (slot as u32).checked_sub(1)
    }

    /// Adds a record known to be absent; `hash_of` recomputes the hash of any stored record, for
    /// growing.
    pub(crate) fn insert(&mut self, hash: u64, offset: u32, hash_of: impl Fn(u32) -> u64) {
        if (self.len + 1) * LOAD_DENOMINATOR > self.slots.len() * LOAD_NUMERATOR {
            self.resize((self.slots.len() * 2).max(16), &hash_of);
        }
        self.place(hash, offset);
        self.len += 1;
    }

    fn place(&mut self, hash: u64, offset: u32) {
        let mut at = self.home(hash);
        while self.slots[at] as u32 != 0 {
            at = (at + 1) & (self.slots.len() - 1);
        }
        self.slots[at] = tag(hash) | u64::from(offset + 1);
    }

    fn resize(&mut self, capacity: usize, hash_of: &impl Fn(u32) -> u64) {
        let old = std::mem::replace(&mut self.slots, vec![0; capacity]);
        for slot in old.into_iter().filter(|&s| s as u32 != 0) {
            let offset = slot as u32 - 1;
            self.place(hash_of(offset), offset);
        }
    }

    /// Makes room for `additional` more records without growing in between.
    pub(crate) fn reserve(&mut self, additional: usize, hash_of: impl Fn(u32) -> u64) {
        let want = (self.len + additional) * LOAD_DENOMINATOR / LOAD_NUMERATOR + 1;
        if want > self.slots.len() {
            self.resize(want.next_power_of_two().max(16), &hash_of);
        }
    }

    /// Bytes of heap memory held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.slots.capacity() * std::mem::size_of::<Slot>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_was_inserted_through_growth_and_collisions() {
        // Hashes with equal low bits collide on purpose; tags tell most of them apart.
        let hash_of = |offset: u32| (u64::from(offset) << 40) | (u64::from(offset) << 32) | 7;
        let mut table = KeyTable::default();
        assert_eq!(table.find(hash_of(1), |_| true), None);
        for offset in 0..5000 {
            table.insert(hash_of(offset), offset, hash_of);
        }
        for offset in 0..5000 {
            assert_eq!(table.find(hash_of(offset), |o| o == offset), Some(offset));
        }
        assert_eq!(table.find(hash_of(9999), |o| o == 9999), None);
        assert!(table.touch(hash_of(3)).is_some());
        table.prefetch(hash_of(3));
        table.reserve(100_000, hash_of);
        assert_eq!(table.find(hash_of(4321), |o| o == 4321), Some(4321));
    }
}
