//! The account table: external keys interned to dense `u32` ids, plus optional holder attributes.
//!
//! An account's external key is the pair (bank, account number), both kept as strings because zero
//! padding is significant (`010` is not `10`). Keys live in one byte arena, so half a million
//! accounts cost a few megabytes instead of two heap strings each.
//!
//! Interning is the one step of ingest that touches shared state, and it is bound by memory
//! latency, not arithmetic: so a probe touches two places only (the hash slot, which holds the
//! key's arena offset, and the arena record, which starts with the id and both lengths), and
//! hashes can be computed ahead of time, in parallel, with [`Accounts::key_hasher`]. The hash
//! seed is fixed, so the same input gives the same ids on every run and machine.

use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use crate::key_table::KeyTable;
use flowtrace_memory::prefetch_value;

use crate::ModelError;

/// Dense id of an account: an index into [`Accounts`].
pub type AccountId = u32;

/// Longest bank or account-number field the table accepts, in bytes.
pub const MAX_KEY_PART_LEN: usize = 1024;

/// What kind of party holds an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityType {
    /// A natural person.
    Person,
    /// A company, charity or other organisation.
    Organization,
}

/// Optional facts about an account's holder, filled by readers that know them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountInfo {
    /// Holder's name as written in the source.
    pub name: Option<String>,
    /// Country of the account or holder (ISO 3166 alpha-2 where known).
    pub country: Option<String>,
    /// Person or organisation.
    pub entity_type: Option<EntityType>,
}

/// Hashes account keys the same way the table does, so readers can hash in parallel.
#[derive(Clone)]
pub struct KeyHasher(FixedState);

impl Default for KeyHasher {
    fn default() -> Self {
        // Any constant works; fixing it makes ids and shard choices reproducible.
        KeyHasher(FixedState::with_seed(0x666c_6f77_7472_6163))
    }
}

impl KeyHasher {
    /// The hash [`Accounts::intern_hashed`] expects for this key.
    #[inline]
    pub fn hash(&self, bank: &[u8], number: &[u8]) -> u64 {
        self.0.hash_one((bank, number))
    }
}

/// Bytes of a record's header in the arena: id (4), bank length (2), number length (2).
const HEADER: usize = 8;

/// An arena record's id and key parts.
#[inline]
fn record(arena: &[u8], offset: u32) -> (AccountId, &[u8], &[u8]) {
    let at = offset as usize;
    let h = &arena[at..at + HEADER];
    let id = u32::from_le_bytes([h[0], h[1], h[2], h[3]]);
    let bank_end = at + HEADER + usize::from(u16::from_le_bytes([h[4], h[5]]));
    let number_end = bank_end + usize::from(u16::from_le_bytes([h[6], h[7]]));
    (
        id,
        &arena[at + HEADER..bank_end],
        &arena[bank_end..number_end],
    )
}

/// Byte equality that stays inline for short keys, which are nearly all keys: a call to the C
/// library's `memcmp` costs more than the comparison itself at these lengths.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().expect("8 bytes"));
    match n {
        0 => true,
        1..=7 => a.iter().zip(b).fold(0u8, |diff, (x, y)| diff | (x ^ y)) == 0,
        8..=16 => word(a, 0) == word(b, 0) && word(a, n - 8) == word(b, n - 8),
        _ => a == b,
    }
}

/// Interned accounts with their keys and attributes.
#[derive(Clone, Default)]
pub struct Accounts {
    /// One record per account: header, then bank bytes, then account-number bytes.
    arena: Vec<u8>,
    /// `records[id]` is the arena offset of account `id`'s record.
    records: Vec<u32>,
    /// Arena offsets of the records, found by key hash.
    table: KeyTable,
    hasher: KeyHasher,
    info: HashMap<AccountId, AccountInfo>,
}

impl Accounts {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Number of accounts.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether the table holds no account.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The hasher to precompute key hashes with (see [`Accounts::intern_hashed`]).
    pub fn key_hasher(&self) -> KeyHasher {
        self.hasher.clone()
    }

    /// The id of (bank, number), adding the account if it is new.
    pub fn intern(&mut self, bank: &str, number: &str) -> Result<AccountId, ModelError> {
        let hash = self.hasher.hash(bank.as_bytes(), number.as_bytes());
        self.intern_hashed(hash, bank, number)
    }

    /// Like [`Accounts::intern`], with `hash` computed by [`KeyHasher::hash`].
    #[inline]
    pub fn intern_hashed(
        &mut self,
        hash: u64,
        bank: &str,
        number: &str,
    ) -> Result<AccountId, ModelError> {
        match self.find(hash, bank.as_bytes(), number.as_bytes()) {
            Some(id) => Ok(id),
            None => self.push_key(hash, bank, number),
        }
    }

    /// The id of (bank, number) if the account is known.
    pub fn lookup(&self, bank: &str, number: &str) -> Option<AccountId> {
        let hash = self.hasher.hash(bank.as_bytes(), number.as_bytes());
        self.find(hash, bank.as_bytes(), number.as_bytes())
    }

    #[inline]
    fn find(&self, hash: u64, bank: &[u8], number: &[u8]) -> Option<AccountId> {
        let arena = &self.arena;
        self.table
            .find(hash, |offset| {
                let (_, b, n) = record(arena, offset);
                same_bytes(b, bank) && same_bytes(n, number)
            })
            .map(|offset| record(arena, offset).0)
    }

    /// Starts loading the hash slot a lookup of `hash` reads first, without waiting for it.
    #[inline]
    pub fn prefetch_slot(&self, hash: u64) {
        self.table.prefetch(hash);
    }

    /// Starts loading the key record that the slot of `hash` names. This reads the slot, so call
    /// it some time after [`Accounts::prefetch_slot`] for the same hash, when the slot has
    /// arrived; a lookup after both finds its memory in cache.
    #[inline]
    pub fn prefetch_record(&self, hash: u64) {
        if let Some(byte) = self
            .table
            .touch(hash)
            .and_then(|at| self.arena.get(at as usize))
        {
            prefetch_value(byte);
        }
    }

    fn push_key(&mut self, hash: u64, bank: &str, number: &str) -> Result<AccountId, ModelError> {
        let longest = bank.len().max(number.len());
        if longest > MAX_KEY_PART_LEN {
            return Err(ModelError::KeyTooLong {
                len: longest,
                max: MAX_KEY_PART_LEN,
            });
        }
        let id = AccountId::try_from(self.len()).map_err(|_| ModelError::TooManyAccounts)?;
        let offset = u32::try_from(self.arena.len()).map_err(|_| ModelError::TooManyAccounts)?;
        if u32::try_from(self.arena.len() + HEADER + bank.len() + number.len()).is_err() {
            return Err(ModelError::TooManyAccounts);
        }
        self.arena.extend_from_slice(&id.to_le_bytes());
        self.arena
            .extend_from_slice(&(bank.len() as u16).to_le_bytes());
        self.arena
            .extend_from_slice(&(number.len() as u16).to_le_bytes());
        self.arena.extend_from_slice(bank.as_bytes());
        self.arena.extend_from_slice(number.as_bytes());
        self.records.push(offset);
        let (arena, hasher) = (&self.arena, &self.hasher);
        self.table.insert(hash, offset, |other| {
            let (_, b, n) = record(arena, other);
            hasher.hash(b, n)
        });
        Ok(id)
    }

    fn key_bytes(&self, id: AccountId) -> (&[u8], &[u8]) {
        let (_, bank, number) = record(&self.arena, self.records[id as usize]);
        (bank, number)
    }

    /// The bank part of the account's key. Panics if `id` is out of range.
    pub fn bank(&self, id: AccountId) -> &str {
        // Keys enter only through `&str` arguments, so both parts are valid UTF-8.
        std::str::from_utf8(self.key_bytes(id).0).expect("keys are interned from &str")
    }

    /// The account-number part of the account's key. Panics if `id` is out of range.
    pub fn number(&self, id: AccountId) -> &str {
        std::str::from_utf8(self.key_bytes(id).1).expect("keys are interned from &str")
    }

    /// Attributes of the account's holder, if a reader filled any.
    pub fn info(&self, id: AccountId) -> Option<&AccountInfo> {
        self.info.get(&id)
    }

    /// Sets the attributes of an account's holder.
    pub fn set_info(&mut self, id: AccountId, info: AccountInfo) {
        self.info.insert(id, info);
    }

    /// Number of accounts with attributes.
    pub fn info_count(&self) -> usize {
        self.info.len()
    }

    /// Adds every account of `other`, none of which may be here already, after this table's
    /// accounts and in their order; returns the id the first of them got.
    pub fn append(&mut self, other: &Accounts) -> Result<AccountId, ModelError> {
        let first = AccountId::try_from(self.len()).map_err(|_| ModelError::TooManyAccounts)?;
        self.arena.reserve(other.arena.len());
        self.records.reserve(other.len());
        let (arena, hasher) = (&self.arena, &self.hasher);
        self.table.reserve(other.len(), |offset| {
            let (_, b, n) = record(arena, offset);
            hasher.hash(b, n)
        });
        for id in 0..other.len() as AccountId {
            let (bank, number) = (other.bank(id), other.number(id));
            let hash = self.hasher.hash(bank.as_bytes(), number.as_bytes());
            debug_assert!(self
                .find(hash, bank.as_bytes(), number.as_bytes())
                .is_none());
            self.push_key(hash, bank, number)?;
        }
        for (&id, info) in &other.info {
            self.info.insert(first + id, info.clone());
        }
        Ok(first)
    }

    /// Releases spare capacity once loading is over.
    pub fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.records.shrink_to_fit();
    }

    /// Bytes of heap memory the table holds (keys, index and attributes), for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.records.capacity() * 4
            + self.table.heap_bytes()
            + self.info.capacity() * std::mem::size_of::<(AccountId, AccountInfo)>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_equality_agrees_with_slices() {
        let texts: [&[u8]; 8] = [
            b"",
            b"0",
            b"010",
            b"01",
            b"8000EBD30",
            b"8000EBD31",
            b"80012A7C1B",
            b"0123456789abcdefX",
        ];
        for a in texts {
            for b in texts {
                assert_eq!(same_bytes(a, b), a == b);
            }
        }
    }

    #[test]
    fn zero_padding_is_significant() {
        let mut a = Accounts::new();
        let x = a.intern("010", "8000EBD30").unwrap();
        let y = a.intern("10", "8000EBD30").unwrap();
        assert_ne!(x, y);
        assert_eq!(a.intern("010", "8000EBD30").unwrap(), x);
        assert_eq!((a.bank(y), a.number(y)), ("10", "8000EBD30"));
        assert_eq!(a.len(), 2);
    }

    #[test]
    fn split_point_is_part_of_the_key() {
        // "01" + "0A" and "010" + "A" share bytes but are different accounts.
        let mut a = Accounts::new();
        let x = a.intern("01", "0A").unwrap();
        let y = a.intern("010", "A").unwrap();
        assert_ne!(x, y);
        assert_eq!(a.lookup("010", "A"), Some(y));
        assert_eq!(a.lookup("0", "10A"), None);
    }

    #[test]
    fn precomputed_hashes_agree() {
        let mut a = Accounts::new();
        let h = a.key_hasher().hash(b"B", b"N");
        let id = a.intern_hashed(h, "B", "N").unwrap();
        assert_eq!(a.intern("B", "N").unwrap(), id);
        for i in 0..10_000 {
            a.intern("bank", &i.to_string()).unwrap();
        }
        a.shrink_to_fit();
        assert_eq!(a.lookup("bank", "9999"), Some(10_000));
    }

    #[test]
    fn append_keeps_order_and_attributes() {
        let mut a = Accounts::new();
        a.intern("1", "x").unwrap();
        let mut b = Accounts::new();
        b.intern("2", "y").unwrap();
        let z = b.intern("2", "z").unwrap();
        let info = AccountInfo {
            name: Some("Z".into()),
            ..AccountInfo::default()
        };
        b.set_info(z, info.clone());
        assert_eq!(a.append(&b).unwrap(), 1);
        assert_eq!(a.lookup("2", "z"), Some(2));
        assert_eq!(a.info(2), Some(&info));
        assert_eq!((a.bank(1), a.number(1)), ("2", "y"));
    }

    #[test]
    fn overlong_keys_are_refused() {
        let mut a = Accounts::new();
        let long = "9".repeat(MAX_KEY_PART_LEN + 1);
        assert!(matches!(
            a.intern("b", &long),
            Err(ModelError::KeyTooLong { .. })
        ));
        assert!(a.is_empty());
    }
}
