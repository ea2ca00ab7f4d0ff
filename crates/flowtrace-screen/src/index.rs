//! Keys under which a query finds its candidate names without scanning the list: every listed
//! token is filed under its consonant skeleton and, for skeletons of five letters or more, under
//! each skeleton with one letter deleted (so one typo still meets its name, as in SymSpell).
//! Rarity weights (inverse document frequency of skeletons) come from the same pass.

use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use crate::matcher::Token;

/// The least weight a token has (Mohammed on a list of Mohammeds).
pub(crate) const MIN_WEIGHT: f32 = 0.5;

/// Skeletons at least this long are also filed with one letter deleted.
const DELETION_MIN: usize = 5;

/// Token keys to name ids, and skeleton document frequencies.
#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    postings: HashMap<u64, Vec<u32>, FixedState>,
    frequency: HashMap<u64, u32, FixedState>,
    names: u32,
}

impl KeyIndex {
    /// Files a name's tokens under their keys.
    pub(crate) fn add(&mut self, name: u32, tokens: &[Token]) {
        self.names += 1;
        let mut seen: Vec<u64> = Vec::new();
        for t in tokens {
            let own = hash(t.skeleton.as_bytes());
            if !seen.contains(&own) {
                *self.frequency.entry(own).or_default() += 1;
            }
            each_key(t, |key| {
                if !seen.contains(&key) {
                    seen.push(key);
                    self.postings.entry(key).or_default().push(name);
                }
            });
        }
    }

    /// The names filed under any key of `token`, each once per call of `each` per key.
    pub(crate) fn lookup(&self, token: &Token, mut each: impl FnMut(&[u32])) {
        each_key(token, |key| {
            if let Some(names) = self.postings.get(&key) {
                each(names);
            }
        });
    }

    /// How rare a token is among the listed names: `ln(1 + names / (1 + frequency))`, from
    /// about 2 for Mohammed to about 10 for a skeleton no listed name has.
    pub(crate) fn weight(&self, token: &Token) -> f32 {
        let frequency = self.frequency(token);
        (1.0 + self.names as f32 / (1.0 + frequency as f32))
            .ln()
            .max(MIN_WEIGHT)
    }

    /// How many listed names have a token with `token`'s skeleton.
    pub(crate) fn frequency(&self, token: &Token) -> u32 {
        let key = hash(token.skeleton.as_bytes());
        self.frequency.get(&key).copied().unwrap_or(0)
    }

    /// Number of distinct keys.
    pub(crate) fn keys(&self) -> usize {
        self.postings.len()
    }
}

fn hash(bytes: &[u8]) -> u64 {
    FixedState::with_seed(0x5c_4e_e7).hash_one(bytes)
}

/// Calls `each` with every key of a token: its skeleton, its skeleton with one letter deleted
/// when long enough, and the skeleton of its unglued form. Keys may repeat.
fn each_key(token: &Token, mut each: impl FnMut(u64)) {
    let skeleton = token.skeleton.as_bytes();
    if skeleton.is_empty() {
        return;
    }
    each(hash(skeleton));
    if skeleton.len() >= DELETION_MIN && skeleton.len() <= 32 {
        let mut buffer = [0u8; 32];
        for skip in 0..skeleton.len() {
            let n = skeleton.len() - 1;
            buffer[..skip].copy_from_slice(&skeleton[..skip]);
            buffer[skip..n].copy_from_slice(&skeleton[skip + 1..]);
            each(hash(&buffer[..n]));
        }
    }
    if let Some(unglued) = &token.unglued {
        each(hash(crate::matcher::skeleton(unglued).as_bytes()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matcher::analyse;

    #[test]
    fn a_typo_and_a_spelling_variant_meet_their_name() {
        let mut index = KeyIndex::default();
        index.add(0, &analyse("Ayman al-Zawahiri").tokens);
        index.add(1, &analyse("Mohammed Omar").tokens);
        let found = |name: &str| {
            let mut hits = Vec::new();
            for t in analyse(name).tokens {
                index.lookup(&t, |names| hits.extend_from_slice(names));
            }
            hits.sort_unstable();
            hits.dedup();
            hits
        };
        assert_eq!(found("Aiman Zawaheri"), [0]);
        assert_eq!(found("Zawahirri"), [0]);
        assert_eq!(found("Muhammad Umar"), [1]);
        assert!(found("Peter Smith").is_empty());
    }

    #[test]
    fn common_skeletons_weigh_less() {
        let mut index = KeyIndex::default();
        for (i, name) in ["Mohammed Ali", "Muhammad Hasan", "Mohamed Zawahiri"]
            .iter()
            .enumerate()
        {
            index.add(i as u32, &analyse(name).tokens);
        }
        let weight = |name: &str| index.weight(&analyse(name).tokens[0]);
        assert!(weight("Mohammed") < weight("Zawahiri"));
        assert!(weight("Zawahiri") < weight("Unheard"));
    }
}
