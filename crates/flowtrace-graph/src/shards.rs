//! Interning account keys on several threads at once, with ids that do not depend on how many.
//!
//! Keys are split into a fixed number of shards by hash; each shard is an [`Accounts`] table that
//! one thread fills in input order. While loading, an account is known by an *encoded* id (its
//! shard and its id inside the shard). [`AccountShards::finish`] concatenates the shards into one
//! table, shard 0 first, and [`ShardIds::resolve`] turns encoded ids into final ones. Because the
//! shard count and the hash seed are constants, the same input gives the same ids whatever the
//! number of threads.

use std::sync::atomic::{AtomicU32, Ordering};

use rayon::prelude::*;

use crate::{AccountId, Accounts, ModelError};

/// A row that names two accounts: its source and destination keys, as `(hash, bank, number)`
/// with the hash from [`Accounts::key_hasher`].
pub trait KeyPair {
    /// Source key, then destination key.
    fn keys(&self) -> [(u64, &str, &str); 2];
}

/// Number of shards; a power of two, fixed so that ids are reproducible.
pub const SHARDS: usize = 4;
const SHARD_BITS: u32 = SHARDS.trailing_zeros();

/// Keys whose memory is prefetched together, a batch ahead of interning them: about as many
/// cache misses as a core keeps in flight.
const PREFETCH_BATCH: usize = 16;

/// Account tables filled in parallel, one per shard.
pub struct AccountShards {
    shards: Vec<Accounts>,
}

/// Turns encoded ids from [`AccountShards::intern_all`] into ids of the finished table.
#[derive(Clone, Copy, Debug)]
pub struct ShardIds {
    first: [AccountId; SHARDS],
}

impl ShardIds {
    /// The final id of an encoded one.
    #[inline]
    pub fn resolve(&self, encoded: u32) -> AccountId {
        self.first[(encoded as usize) & (SHARDS - 1)] + (encoded >> SHARD_BITS)
    }
}

impl Default for AccountShards {
    fn default() -> Self {
        AccountShards {
            shards: (0..SHARDS).map(|_| Accounts::new()).collect(),
        }
    }
}

impl AccountShards {
    /// Empty shards.
    pub fn new() -> Self {
        Self::default()
    }

    /// The shard a key hash belongs to. Not the low bits, which pick the slot in each shard's
    /// table and must still vary inside a shard; two bits of the 32-bit tag cost it little.
    #[inline]
    fn shard_of(hash: u64) -> usize {
        (hash >> 40) as usize & (SHARDS - 1)
    }

    /// Interns the source and destination keys of every row, each shard on its own thread, and
    /// stores the encoded ids of the `i`-th row's keys in `out[2i]` and `out[2i + 1]`. Rows come
    /// in batches (a reader's pieces of a block), in order.
    pub fn intern_all<R: KeyPair + Sync>(
        &mut self,
        batches: &[&[R]],
        out: &[AtomicU32],
    ) -> Result<(), ModelError> {
        // One pass sorts keys by shard, so every shard thread touches only its keys.
        let rows: Vec<&R> = batches.iter().flat_map(|batch| batch.iter()).collect();
        let mut by_shard: Vec<Vec<(u64, u32)>> = vec![Vec::new(); SHARDS];
        for (i, row) in rows.iter().enumerate() {
            for (side, (hash, _, _)) in row.keys().into_iter().enumerate() {
                by_shard[Self::shard_of(hash)].push((hash, (2 * i + side) as u32));
            }
        }
        self.shards
            .par_iter_mut()
            .zip(&by_shard)
            .enumerate()
            .try_for_each(|(shard, (accounts, keys))| {
                let batch = |b: usize| {
                    let start = (b * PREFETCH_BATCH).min(keys.len());
                    &keys[start..(start + PREFETCH_BATCH).min(keys.len())]
                };
                for b in 0..keys.len().div_ceil(PREFETCH_BATCH) {
                    // A pipeline two batches deep: start loading the slots of batch b + 2 and,
                    // their slots having arrived meanwhile, the records of batch b + 1; batch b
                    // then finds both in cache.
                    for &(hash, _) in batch(b + 2) {
                        accounts.prefetch_slot(hash);
                    }
                    for &(hash, _) in batch(b + 1) {
                        accounts.prefetch_record(hash);
                    }
                    for &(hash, k) in batch(b) {
                        let (_, bank, number) = rows[k as usize / 2].keys()[k as usize % 2];
                        let local = accounts.intern_hashed(hash, bank, number)?;
                        if local >> (32 - SHARD_BITS) != 0 {
                            return Err(ModelError::TooManyAccounts);
                        }
                        out[k as usize]
                            .store(local << SHARD_BITS | shard as u32, Ordering::Relaxed);
                    }
                }
                Ok(())
            })
    }

    /// The map from encoded ids to ids of the table [`AccountShards::finish`] returns, known
    /// from the shard sizes alone, before the merge.
    pub fn ids(&self) -> Result<ShardIds, ModelError> {
        let mut first = [0; SHARDS];
        let mut total = 0usize;
        for (slot, shard) in first.iter_mut().zip(&self.shards) {
            *slot = AccountId::try_from(total).map_err(|_| ModelError::TooManyAccounts)?;
            total += shard.len();
        }
        Ok(ShardIds { first })
    }

    /// One table holding every shard's accounts, shard 0 first, as [`AccountShards::ids`] says.
    pub fn finish(self) -> Result<Accounts, ModelError> {
        let mut shards = self.shards.into_iter();
        let mut all = shards.next().unwrap_or_default();
        for shard in shards {
            all.append(&shard)?;
        }
        all.shrink_to_fit();
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Pair([(u64, String, String); 2]);

    impl KeyPair for Pair {
        fn keys(&self) -> [(u64, &str, &str); 2] {
            self.0
                .each_ref()
                .map(|(h, b, n)| (*h, b.as_str(), n.as_str()))
        }
    }

    /// Interns `keys` as the sources and destinations of rows, in two batches.
    fn intern(keys: &[(String, String)]) -> (Accounts, Vec<AccountId>) {
        let hasher = Accounts::new().key_hasher();
        let hashed = |(b, n): &(String, String)| {
            (
                hasher.hash(b.as_bytes(), n.as_bytes()),
                b.clone(),
                n.clone(),
            )
        };
        let rows: Vec<Pair> = keys
            .chunks_exact(2)
            .map(|k| Pair([hashed(&k[0]), hashed(&k[1])]))
            .collect();
        let out: Vec<AtomicU32> = keys.iter().map(|_| AtomicU32::new(u32::MAX)).collect();
        let mut shards = AccountShards::new();
        let (first, second) = rows.split_at(rows.len() / 2);
        shards
            .intern_all(&[first], &out[..2 * first.len()])
            .unwrap();
        shards
            .intern_all(&[&second[..1], &second[1..]], &out[2 * first.len()..])
            .unwrap();
        let ids = shards.ids().unwrap();
        let accounts = shards.finish().unwrap();
        let resolved = out
            .iter()
            .map(|e| ids.resolve(e.load(Ordering::Relaxed)))
            .collect();
        (accounts, resolved)
    }

    #[test]
    fn every_key_gets_one_dense_id() {
        let keys: Vec<(String, String)> = (0..5000)
            .map(|i| (format!("{:03}", i % 17), format!("A{}", i % 1234)))
            .collect();
        let (accounts, ids) = intern(&keys);
        let mut distinct = keys.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(accounts.len(), distinct.len());
        for ((bank, number), &id) in keys.iter().zip(&ids) {
            assert_eq!(
                (accounts.bank(id), accounts.number(id)),
                (bank.as_str(), number.as_str())
            );
            assert_eq!(accounts.lookup(bank, number), Some(id));
        }
    }

    #[test]
    fn ids_do_not_depend_on_the_thread_count() {
        let keys: Vec<(String, String)> = (0..3000)
            .map(|i| ("b".to_string(), format!("{}", (i * 7919) % 1000)))
            .collect();
        let one = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let three = rayon::ThreadPoolBuilder::new()
            .num_threads(3)
            .build()
            .unwrap();
        assert_eq!(
            one.install(|| intern(&keys).1),
            three.install(|| intern(&keys).1)
        );
    }
}
