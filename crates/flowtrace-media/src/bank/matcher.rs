//! Matching image files against a bank: MD5 and SHA-256 for exact copies, PDQ within a
//! Hamming radius for edited ones (through the bank's [`HammingIndex`](crate::index)), and,
//! when the file's rotated and mirrored hashes were computed, rotated or mirrored copies too.

use std::collections::HashMap;

use super::{BankEntry, BankError, BankStore, HashType};
use crate::file_hashes::FileHashes;
use crate::index::HammingIndex;
use crate::pdq::{Dihedral, Hash256, Pdq};

/// A bank's PDQ hashes ready for matching: the index and, by index id, the entry.
pub struct PdqBank {
    /// The index over the bank's PDQ hashes.
    pub index: HammingIndex,
    /// The entry of each index id.
    pub entries: Vec<BankEntry>,
}

/// A banked PDQ hash near a query: the entry (with its labels) and the distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PdqMatch<'a> {
    /// The banked entry.
    pub entry: &'a BankEntry,
    /// Hamming distance from the query, 0 to 256.
    pub distance: u32,
}

impl PdqBank {
    /// ThreatExchange's usual match threshold: 31 bits of 256.
    pub const DEFAULT_RADIUS: u32 = 31;
    /// Below this quality a PDQ hash says little about its image (flat or tiny pictures).
    pub const DEFAULT_MIN_QUALITY: u8 = 50;

    /// An index over the PDQ entries among `entries` (others are left out).
    pub fn from_entries(entries: impl IntoIterator<Item = BankEntry>) -> Self {
        let entries: Vec<BankEntry> = entries
            .into_iter()
            .filter(|e| e.hash_type == HashType::Pdq)
            .collect();
        // Values were checked on the way in; an unparsable one can only come from hand edits.
        let hashes = entries
            .iter()
            .map(|e| e.hash_value.parse::<Hash256>().unwrap_or_default());
        let index = HammingIndex::from_hashes(hashes);
        PdqBank { index, entries }
    }

    /// Banked hashes within `radius` of the query's, nearest first; none when the query's
    /// quality is below `min_quality`.
    pub fn matches(&self, query: &Pdq, radius: u32, min_quality: u8) -> Vec<PdqMatch<'_>> {
        if query.quality < min_quality {
            return Vec::new();
        }
        self.index
            .query(&query.hash, radius)
            .into_iter()
            .filter_map(|hit| {
                let entry = self.entries.get(hit.id as usize)?;
                Some(PdqMatch {
                    entry,
                    distance: hit.distance,
                })
            })
            .collect()
    }
}

/// How close a PDQ hash must be, and how good the query's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchOptions {
    /// Largest Hamming distance that matches (ThreatExchange uses 31 of 256).
    pub radius: u32,
    /// Queries of lower PDQ quality are not matched by PDQ (their hashes are noise).
    pub min_quality: u8,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            radius: PdqBank::DEFAULT_RADIUS,
            min_quality: PdqBank::DEFAULT_MIN_QUALITY,
        }
    }
}

/// Which of the file's hashes matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    /// The MD5 of the file.
    Md5,
    /// The SHA-256 of the file.
    Sha256,
    /// The PDQ hash of the picture turned or mirrored this way ([`Dihedral::Original`]: as it is).
    Pdq(Dihedral),
}

/// A banked entry a file matched: the entry, the distance (0 for MD5 and SHA-256) and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileMatch<'a> {
    /// The banked entry, with its labels.
    pub entry: &'a BankEntry,
    /// Hamming distance of the PDQ hashes; 0 for an exact match.
    pub distance: u32,
    /// Which hash matched.
    pub by: MatchedBy,
}

/// A bank loaded for matching files: its PDQ index and its exact hashes.
pub struct BankMatcher {
    pdq: PdqBank,
    exact: HashMap<(HashType, String), BankEntry>,
}

impl BankStore {
    /// The bank's PDQ hashes in a [`HammingIndex`], with the entry of each index id.
    pub fn pdq_bank(&self, bank: &str) -> Result<PdqBank, BankError> {
        Ok(PdqBank::from_entries(self.entries(bank)?))
    }

    /// Loads a bank for matching files.
    pub fn matcher(&self, bank: &str) -> Result<BankMatcher, BankError> {
        let (pdq, exact): (Vec<BankEntry>, Vec<BankEntry>) = self
            .entries(bank)?
            .into_iter()
            .partition(|e| e.hash_type == HashType::Pdq);
        let exact = exact
            .into_iter()
            .map(|e| ((e.hash_type, e.hash_value.clone()), e))
            .collect();
        Ok(BankMatcher {
            pdq: PdqBank::from_entries(pdq),
            exact,
        })
    }
}

impl BankMatcher {
    /// Number of PDQ hashes and of exact hashes in the bank.
    pub fn counts(&self) -> (usize, usize) {
        (self.pdq.entries.len(), self.exact.len())
    }

    /// Every banked entry the file matches: exact matches first, then PDQ matches nearest
    /// first; an entry reached by several of the file's rotations is listed once, at its
    /// nearest.
    pub fn matches(&self, file: &FileHashes, options: &MatchOptions) -> Vec<FileMatch<'_>> {
        self.matches_all(&[file], options).pop().unwrap_or_default()
    }

    /// [`BankMatcher::matches`] for many files, with all their PDQ hashes looked up in one
    /// batch (several times faster per hash than one by one on a large bank).
    pub fn matches_all(
        &self,
        files: &[&FileHashes],
        options: &MatchOptions,
    ) -> Vec<Vec<FileMatch<'_>>> {
        // Every PDQ query of every file, with the file it belongs to and the variant it is.
        let mut queries = Vec::new();
        let mut owners = Vec::new();
        for (f, file) in files.iter().enumerate() {
            if file.pdq.quality < options.min_quality {
                continue;
            }
            let hashes = match &file.dihedral {
                Some(hashes) => hashes.to_vec(),
                None => vec![file.pdq.hash],
            };
            for (hash, how) in hashes.into_iter().zip(Dihedral::ALL) {
                queries.push(hash);
                owners.push((f, how));
            }
        }
        let hits = self.pdq.index.query_batch(&queries, options.radius);
        // Per file, index id -> (distance, how), the nearest over its queries; the original
        // first, so a tie keeps the picture as it is.
        let mut best: Vec<HashMap<u32, (u32, Dihedral)>> = vec![HashMap::new(); files.len()];
        for (&(f, how), hits) in owners.iter().zip(&hits) {
            for hit in hits {
                let slot = best[f].entry(hit.id).or_insert((hit.distance, how));
                if hit.distance < slot.0 {
                    *slot = (hit.distance, how);
                }
            }
        }
        files
            .iter()
            .zip(best)
            .map(|(file, best)| self.file_matches(file, best))
            .collect()
    }

    /// A file's exact matches, then its PDQ matches nearest first.
    fn file_matches(
        &self,
        file: &FileHashes,
        best: HashMap<u32, (u32, Dihedral)>,
    ) -> Vec<FileMatch<'_>> {
        let mut out = Vec::new();
        let exact = [
            (HashType::Md5, &file.digests.md5, MatchedBy::Md5),
            (HashType::Sha256, &file.digests.sha256, MatchedBy::Sha256),
        ];
        for (hash_type, value, by) in exact {
            if let Some(entry) = self.exact.get(&(hash_type, value.clone())) {
                out.push(FileMatch {
                    entry,
                    distance: 0,
                    by,
                });
            }
        }
        let mut near: Vec<(u32, u32, Dihedral)> = best
            .into_iter()
            .map(|(id, (d, how))| (d, id, how))
            .collect();
        near.sort_unstable_by_key(|&(d, id, _)| (d, id));
        out.extend(near.into_iter().filter_map(|(distance, id, how)| {
            Some(FileMatch {
                entry: self.pdq.entries.get(id as usize)?,
                distance,
                by: MatchedBy::Pdq(how),
            })
        }));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::file_hashes::hash_image_bytes;
    use crate::synthetic;

    fn png(img: &image::RgbImage) -> Vec<u8> {
        synthetic::png_bytes(img).unwrap()
    }

    #[test]
    fn exact_edited_and_rotated_copies_match() {
        let pictures = synthetic::pictures(11, 2, 256, 192);
        let banked = png(&pictures[0]);
        let hashes = hash_image_bytes(&banked, false).unwrap();
        let mut store = BankStore::open_in_memory().unwrap();
        store.create_bank("b", "").unwrap();
        for (t, v) in [
            (HashType::Pdq, hashes.pdq.hash.to_hex()),
            (HashType::Md5, hashes.digests.md5.clone()),
        ] {
            let entry = BankEntry::new(t, &v, vec!["item-1".into()]).unwrap();
            store.add("b", &entry).unwrap();
        }
        let matcher = store.matcher("b").unwrap();
        assert_eq!(matcher.counts(), (1, 1));
        let options = MatchOptions::default();

        let same = matcher.matches(&hash_image_bytes(&banked, true).unwrap(), &options);
        let by: Vec<MatchedBy> = same.iter().map(|m| m.by).collect();
        assert_eq!(by, [MatchedBy::Md5, MatchedBy::Pdq(Dihedral::Original)]);

        let recompressed = png(&synthetic::recompress(&pictures[0], 50));
        let near = matcher.matches(&hash_image_bytes(&recompressed, false).unwrap(), &options);
        assert_eq!(near.len(), 1);
        assert!(near[0].distance <= options.radius);

        let turned = png(&image::imageops::rotate90(&pictures[0]));
        assert!(matcher
            .matches(&hash_image_bytes(&turned, false).unwrap(), &options)
            .is_empty());
        let found = matcher.matches(&hash_image_bytes(&turned, true).unwrap(), &options);
        assert!(matches!(found[0].by, MatchedBy::Pdq(g) if g != Dihedral::Original));

        let other = png(&pictures[1]);
        assert!(matcher
            .matches(&hash_image_bytes(&other, true).unwrap(), &options)
            .is_empty());
    }
}
