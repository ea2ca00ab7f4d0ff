//! Banks of known texts: propaganda posts kept word for word with their labels in the same
//! SQLite file as the hash banks (a bank may hold hashes, texts or both), and matched by
//! MinHash and LSH ([`crate::text`]) so a post that repeats one, give or take some words, is
//! found with its estimated Jaccard similarity.

use rusqlite::params;

use super::{decode_labels, encode_labels, BankError, BankStore};
use crate::text::{LshIndex, MinHashOptions, MinHasher};

/// One banked text with its labels (the first is the item's id by convention).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextEntry {
    /// The text as it was banked.
    pub text: String,
    /// Free-form labels in the order given.
    pub labels: Vec<String>,
}

/// A bank's texts ready for matching: the LSH index and, by index id, the entry.
pub struct TextBank {
    hasher: MinHasher,
    index: LshIndex,
    /// The entry of each index id.
    pub entries: Vec<TextEntry>,
}

/// A banked text near a query: the entry and the estimated Jaccard similarity of their word
/// shingles.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextMatch<'a> {
    /// The banked entry.
    pub entry: &'a TextEntry,
    /// Estimated Jaccard similarity, 0 to 1.
    pub jaccard: f64,
}

impl TextBank {
    /// The usual threshold: half the shingles shared.
    pub const DEFAULT_THRESHOLD: f64 = 0.5;

    /// An index over `entries` matching at `threshold` (estimated Jaccard, 0 to 1).
    pub fn new(entries: Vec<TextEntry>, threshold: f64, options: MinHashOptions) -> Self {
        let hasher = MinHasher::new(options);
        let mut index = LshIndex::new(threshold, hasher.options().permutations);
        for entry in &entries {
            index.insert(hasher.signature(&entry.text));
        }
        TextBank {
            hasher,
            index,
            entries,
        }
    }

    /// Banked texts at or above the threshold, most similar first.
    pub fn matches(&self, text: &str) -> Vec<TextMatch<'_>> {
        self.index
            .query(&self.hasher.signature(text))
            .into_iter()
            .filter_map(|hit| {
                Some(TextMatch {
                    entry: self.entries.get(hit.id as usize)?,
                    jaccard: hit.jaccard,
                })
            })
            .collect()
    }
}

impl BankStore {
    /// Adds texts to a bank in one transaction; returns how many were new (a text the bank
    /// holds already is left as it is).
    pub fn add_texts(&mut self, bank: &str, entries: &[TextEntry]) -> Result<u64, BankError> {
        self.insert_all(bank, entries, |tx, id, entry| {
            let added = tx.execute(
                "INSERT OR IGNORE INTO text_entry (bank_id, text, labels) VALUES (?1, ?2, ?3)",
                params![id, entry.text, encode_labels(&entry.labels)],
            )?;
            Ok(added > 0)
        })
    }

    /// Removes a text from a bank; returns whether it was there.
    pub fn remove_text(&mut self, bank: &str, text: &str) -> Result<bool, BankError> {
        let id = self.bank_id(bank)?;
        let n = self
            .conn
            .execute(
                "DELETE FROM text_entry WHERE bank_id = ?1 AND text = ?2",
                params![id, text],
            )
            .map_err(|e| self.db(e))?;
        Ok(n > 0)
    }

    /// Every text of a bank, in the order added.
    pub fn texts(&self, bank: &str) -> Result<Vec<TextEntry>, BankError> {
        let id = self.bank_id(bank)?;
        let mut stmt = self
            .conn
            .prepare("SELECT text, labels FROM text_entry WHERE bank_id = ?1 ORDER BY id")
            .map_err(|e| self.db(e))?;
        let rows = stmt
            .query_map([id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
            })
            .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.db(e))?;
        Ok(rows
            .into_iter()
            .map(|(text, labels)| TextEntry {
                text,
                labels: decode_labels(&labels),
            })
            .collect())
    }

    /// The bank's texts in an LSH index matching at `threshold`.
    pub fn text_bank(
        &self,
        bank: &str,
        threshold: f64,
        options: MinHashOptions,
    ) -> Result<TextBank, BankError> {
        Ok(TextBank::new(self.texts(bank)?, threshold, options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(text: &str, item: &str) -> TextEntry {
        TextEntry {
            text: text.into(),
            labels: vec![item.into(), "ideology=x".into()],
        }
    }

    #[test]
    fn texts_are_banked_listed_matched_and_removed() {
        let mut store = BankStore::open_in_memory().unwrap();
        store.create_bank("texts", "").unwrap();
        let known = [
            entry(
                "send your donations to the brothers on the front line today",
                "t-1",
            ),
            entry(
                "the caravan leaves at dawn, join it before the border closes",
                "t-2",
            ),
        ];
        assert_eq!(store.add_texts("texts", &known).unwrap(), 2);
        assert_eq!(store.add_texts("texts", &known[..1]).unwrap(), 0);
        assert_eq!(store.banks().unwrap()[0].texts, 2);
        let bank = store
            .text_bank("texts", 0.5, MinHashOptions::default())
            .unwrap();
        let hits = bank.matches("SEND your donations to the brothers on the front line today!!");
        assert_eq!(hits.len(), 1);
        assert_eq!(
            (hits[0].entry.labels[0].as_str(), hits[0].jaccard),
            ("t-1", 1.0)
        );
        assert!(bank
            .matches("a recipe for lentil soup with cumin")
            .is_empty());
        assert!(store.remove_text("texts", &known[0].text).unwrap());
        assert_eq!(store.texts("texts").unwrap(), known[1..]);
        assert!(matches!(store.texts("nope"), Err(BankError::NoSuchBank(_))));
    }
}
