//! Keys under which a query finds its candidate names without scanning the list: every listed
//! token is filed under its consonant skeleton and, for skeletons of five letters or more, under
//! each skeleton with one letter deleted (so one typo still meets its name, as in SymSpell).
//! Rarity weights (inverse document frequency of skeletons) come from the same pass.
//!
//! A typo can change a short skeleton beyond one deletion (Aghanani / Aghajani are `agn` and
//! `agjn`; Kmng / Kang, `kmng` and `kng`), so every listed word is also filed by its letters
//! and by its letters with one deleted: a query word that no listed name writes as it is
//! looks its letters up there too (SymSpell on words rather than skeletons).

use std::collections::HashMap;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;

use crate::matcher::Token;

/// The least weight a token has (Mohammed on a list of Mohammeds).
pub(crate) const MIN_WEIGHT: f32 = 0.5;

/// Skeletons at least this long are also filed with one letter deleted.
const DELETION_MIN: usize = 5;

/// What a key shared with one letter deleted promises, against 1 for the token's own
/// skeleton: a consonant differs, so the tokens are a typo or another name (Abu Salim meets
/// every Abdul Salam that way), and a name met through its own skeleton should be scored first.
pub(crate) const DELETION_PROMISE: f32 = 0.9;

/// Words at least this long are filed with one letter deleted, and looked up so when no
/// listed name writes them: shorter ones meet too many others.
pub(crate) const SPELLING_MIN: usize = 4;

/// Token keys to name ids, and skeleton document frequencies.
#[derive(Debug, Default)]
pub(crate) struct KeyIndex {
    postings: HashMap<u64, Vec<u32>, FixedState>,
    /// Words as written and with one letter deleted, to name ids.
    spellings: HashMap<u64, Vec<u32>, FixedState>,
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
            each_key(t, |key, _| {
                if !seen.contains(&key) {
                    seen.push(key);
                    self.postings.entry(key).or_default().push(name);
                }
            });
        }
        seen.clear();
        for t in tokens.iter().filter(|t| !t.consonantal) {
            let words = std::iter::once(&t.text).chain(&t.unglued);
            for word in words.filter(|w| w.len() >= SPELLING_MIN - 1) {
                let key = spelling_hash(word.as_bytes());
                if !seen.contains(&key) {
                    seen.push(key);
                    self.spellings.entry(key).or_default().push(name);
                }
                each_deletion(word.as_bytes(), SPELLING_MIN, |key| {
                    if !seen.contains(&key) {
                        seen.push(key);
                        self.spellings.entry(key).or_default().push(name);
                    }
                });
            }
        }
    }

    /// The names filed under keys an Arabic-script query word's own skeleton misses although
    /// the matcher accepts them: its skeleton with one letter read another way (ض or ظ as d
    /// or z), a silent h dropped, or a letter and h read as the Latin
    /// digraph they spell (لكحل, `lkhl`, is Lakhal, `lhl`). Latin
    /// words get no such keys: the compounds governing a word (Rahman: Abd al-Rahman) were
    /// tried and cost every query a fifth more names touched.
    pub(crate) fn lookup_arabic(&self, token: &Token, mut each: impl FnMut(&[u32])) {
        let mut look = |skeleton: &[u8]| {
            if let Some(names) = self.postings.get(&hash(skeleton)) {
                each(names);
            }
        };
        let own = token.skeleton.as_bytes();
        if token.consonantal && (2..=24).contains(&own.len()) {
            let mut buffer = [0u8; 24];
            for i in 0..own.len() {
                for &other in read_otherwise(own[i]) {
                    buffer[..own.len()].copy_from_slice(own);
                    buffer[i] = other;
                    look(&buffer[..own.len()]);
                }
                // A silent h dropped, or a letter and h that Latin writes as one digraph and
                // the Latin skeleton folds (ك ح as kh: Lakhal; س ه as sh).
                let digraph = own.get(i + 1) == Some(&b'h');
                let folded = digraph.then(|| latin_digraph(own[i])).flatten();
                if own[i] == b'h' || folded.is_some() {
                    buffer[..i].copy_from_slice(&own[..i]);
                    buffer[i..own.len() - 1].copy_from_slice(&own[i + 1..]);
                    if let Some(folded) = folded {
                        buffer[i] = folded;
                    }
                    look(&buffer[..own.len() - 1]);
                }
            }
        }
    }

    /// The names with a word one edit (insertion, deletion, replacement) from `word`, looked
    /// up by its letters and its letters with one deleted; `each` may see a name more than
    /// once. For words that no listed name writes as they are.
    pub(crate) fn lookup_spelling(&self, word: &str, mut each: impl FnMut(&[u32])) {
        let word = word.as_bytes();
        if word.len() < SPELLING_MIN {
            return;
        }
        let mut look = |key: u64| {
            if let Some(names) = self.spellings.get(&key) {
                each(names);
            }
        };
        look(spelling_hash(word));
        each_deletion(word, SPELLING_MIN, look);
    }

    /// The names filed under any key of `token`, each once per call of `each` per key, with
    /// what the key promises (1 for the token's own skeleton or unglued form,
    /// [`DELETION_PROMISE`] for a skeleton with a letter deleted). The own skeleton comes first.
    pub(crate) fn lookup(&self, token: &Token, mut each: impl FnMut(&[u32], f32)) {
        each_key(token, |key, promise| {
            if let Some(names) = self.postings.get(&key) {
                each(names, promise);
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

/// Other consonants a letter of an Arabic-script word's skeleton is written as in Latin
/// spellings: ض ظ ذ as d or z (the skeleton folds z into s). Other readings (ق as g, چ as
/// ch) are left to the words' other keys: each variant key costs every Arabic-script query
/// the names filed under it.
fn read_otherwise(letter: u8) -> &'static [u8] {
    match letter {
        b'd' => b"s",
        b's' => b"d",
        _ => b"",
    }
}

/// What the Latin skeleton folds a letter followed by h into (kh `h`, sh `s`, th `s`...).
fn latin_digraph(letter: u8) -> Option<u8> {
    match letter {
        b'k' => Some(b'h'),
        b's' | b't' | b'd' => Some(b's'),
        b'g' => Some(b'g'),
        b'p' => Some(b'f'),
        _ => None,
    }
}

fn spelling_hash(bytes: &[u8]) -> u64 {
    FixedState::with_seed(0x5e_11).hash_one(bytes)
}

/// Calls `each` with the spelling key of `word` with each letter deleted in turn, for words
/// of `min` to 32 letters.
fn each_deletion(word: &[u8], min: usize, mut each: impl FnMut(u64)) {
    if word.len() < min || word.len() > 32 {
        return;
    }
    let mut buffer = [0u8; 32];
    let n = word.len() - 1;
    for skip in 0..word.len() {
        if skip > 0 && word[skip] == word[skip - 1] {
            continue; // Deleting either of two equal letters gives one word.
        }
        buffer[..skip].copy_from_slice(&word[..skip]);
        buffer[skip..n].copy_from_slice(&word[skip + 1..]);
        each(spelling_hash(&buffer[..n]));
    }
}

/// Calls `each` with every key of a token: its skeleton, its skeleton with one letter deleted
/// when long enough, and the skeleton of its unglued form, each with what it promises (see
/// [`KeyIndex::lookup`]). Keys may repeat.
fn each_key(token: &Token, mut each: impl FnMut(u64, f32)) {
    let skeleton = token.skeleton.as_bytes();
    if skeleton.is_empty() {
        return;
    }
    each(hash(skeleton), 1.0);
    if let Some(unglued) = &token.unglued {
        each(hash(crate::matcher::skeleton(unglued).as_bytes()), 1.0);
    }
    if skeleton.len() >= DELETION_MIN && skeleton.len() <= 32 {
        let mut buffer = [0u8; 32];
        for skip in 0..skeleton.len() {
            let n = skeleton.len() - 1;
            buffer[..skip].copy_from_slice(&skeleton[..skip]);
            buffer[skip..n].copy_from_slice(&skeleton[skip + 1..]);
            each(hash(&buffer[..n]), DELETION_PROMISE);
        }
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
                index.lookup(&t, |names, _| hits.extend_from_slice(names));
            }
            hits.sort_unstable();
            hits.dedup();
            hits
        };
        assert_eq!(found("Aiman Zawaheri"), [0]);
        assert_eq!(found("Zawahirri"), [0]);
        assert_eq!(found("Muhammad Umar"), [1]);
        let mut typo = Vec::new();
        index.lookup_spelling("zawahili", |names| typo.extend_from_slice(names));
        assert_eq!(typo, [0], "a replaced letter");
        typo.clear();
        index.lookup_spelling("omarr", |names| typo.extend_from_slice(names));
        assert_eq!(typo, [1], "an inserted letter");
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
