//! The account table: external keys interned to dense `u32` ids, plus optional holder attributes.
//!
//! An account's external key is the pair (bank, account number), both kept as strings because zero
//! padding is significant (`010` is not `10`). Keys live in one byte arena, so half a million
//! accounts cost a few megabytes instead of two heap strings each. Hashes can be computed ahead of
//! time (in parallel, by readers) with [`Accounts::key_hasher`] and passed to
//! [`Accounts::intern_hashed`], which keeps the one sequential step of ingest short.

use std::hash::BuildHasher;

use hashbrown::{DefaultHashBuilder, HashMap, HashTable};

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
#[derive(Clone, Default)]
pub struct KeyHasher(DefaultHashBuilder);

impl KeyHasher {
    /// The hash [`Accounts::intern_hashed`] expects for this key.
    pub fn hash(&self, bank: &[u8], number: &[u8]) -> u64 {
        self.0.hash_one((bank, number))
    }
}

/// Interned accounts with their keys and attributes.
#[derive(Clone, Default)]
pub struct Accounts {
    /// Bank bytes followed by account-number bytes, account after account.
    arena: Vec<u8>,
    /// `starts[id]..starts[id + 1]` is account `id`'s slice of the arena.
    starts: Vec<u32>,
    /// Length of the bank part at the start of each account's slice.
    bank_lens: Vec<u16>,
    table: HashTable<AccountId>,
    hasher: KeyHasher,
    info: HashMap<AccountId, AccountInfo>,
}

impl Accounts {
    /// An empty table.
    pub fn new() -> Self {
        Accounts {
            starts: vec![0],
            ..Default::default()
        }
    }

    /// Number of accounts.
    pub fn len(&self) -> usize {
        self.bank_lens.len()
    }

    /// Whether the table holds no account.
    pub fn is_empty(&self) -> bool {
        self.bank_lens.is_empty()
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

    /// Like [`Accounts::intern`], with `hash` computed by [`KeyHasher::hash`] of this table's
    /// [`Accounts::key_hasher`].
    pub fn intern_hashed(
        &mut self,
        hash: u64,
        bank: &str,
        number: &str,
    ) -> Result<AccountId, ModelError> {
        let (arena, starts, bank_lens) = (&self.arena, &self.starts, &self.bank_lens);
        let found = self.table.find(hash, |&id| {
            key_of(arena, starts, bank_lens, id) == (bank.as_bytes(), number.as_bytes())
        });
        if let Some(&id) = found {
            return Ok(id);
        }
        self.push_key(hash, bank, number)
    }

    /// The id of (bank, number) if the account is known.
    pub fn lookup(&self, bank: &str, number: &str) -> Option<AccountId> {
        let hash = self.hasher.hash(bank.as_bytes(), number.as_bytes());
        self.table
            .find(hash, |&id| {
                self.key_bytes(id) == (bank.as_bytes(), number.as_bytes())
            })
            .copied()
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
        let end = self.arena.len() + bank.len() + number.len();
        let end = u32::try_from(end).map_err(|_| ModelError::TooManyAccounts)?;
        self.arena.extend_from_slice(bank.as_bytes());
        self.arena.extend_from_slice(number.as_bytes());
        self.starts.push(end);
        self.bank_lens.push(bank.len() as u16);
        let (arena, starts, bank_lens) = (&self.arena, &self.starts, &self.bank_lens);
        let hasher = &self.hasher;
        self.table.insert_unique(hash, id, |&other| {
            let (b, n) = key_of(arena, starts, bank_lens, other);
            hasher.hash(b, n)
        });
        Ok(id)
    }

    fn key_bytes(&self, id: AccountId) -> (&[u8], &[u8]) {
        key_of(&self.arena, &self.starts, &self.bank_lens, id)
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

    /// Releases spare capacity once loading is over.
    pub fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.starts.shrink_to_fit();
        self.bank_lens.shrink_to_fit();
        let hasher = &self.hasher;
        let (arena, starts, bank_lens) = (&self.arena, &self.starts, &self.bank_lens);
        self.table.shrink_to_fit(|&id| {
            let (b, n) = key_of(arena, starts, bank_lens, id);
            hasher.hash(b, n)
        });
    }

    /// Bytes of heap memory the table holds (keys, index and attributes), for memory reports.
    pub fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.starts.capacity() * 4
            + self.bank_lens.capacity() * 2
            + self.table.capacity() * (std::mem::size_of::<AccountId>() + 1)
            + self.info.capacity() * std::mem::size_of::<(AccountId, AccountInfo)>()
    }
}

fn key_of<'a>(
    arena: &'a [u8],
    starts: &[u32],
    bank_lens: &[u16],
    id: AccountId,
) -> (&'a [u8], &'a [u8]) {
    let i = id as usize;
    let key = &arena[starts[i] as usize..starts[i + 1] as usize];
    key.split_at(usize::from(bank_lens[i]))
}

#[cfg(test)]
mod tests {
    use super::*;

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
