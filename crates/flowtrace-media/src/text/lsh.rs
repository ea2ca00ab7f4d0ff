//! Locality-sensitive hashing over MinHash signatures: the signature is cut into `bands` of
//! `rows` positions, and two texts become candidates when any band is identical. The band
//! shape is chosen for the similarity threshold (the one that minimises the summed chance of
//! missing a pair above it and proposing a pair below it), and every candidate's estimated
//! Jaccard is checked against the threshold, so what is returned is above it.

use std::collections::HashMap;

use super::minhash::Signature;

/// One banked text within the threshold: its id and estimated Jaccard similarity.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextHit {
    /// The id [`LshIndex::insert`] returned.
    pub id: u32,
    /// Estimated Jaccard similarity of the shingle sets, 0 to 1.
    pub jaccard: f64,
}

/// An LSH index of MinHash signatures for one threshold.
pub struct LshIndex {
    threshold: f64,
    bands: usize,
    rows: usize,
    tables: Vec<HashMap<u64, Vec<u32>>>,
    signatures: Vec<Signature>,
}

/// Probability that a pair of similarity `s` shares at least one of `bands` bands of `rows`.
fn collision(s: f64, bands: usize, rows: usize) -> f64 {
    1.0 - (1.0 - s.powi(rows as i32)).powi(bands as i32)
}

fn integrate(f: impl Fn(f64) -> f64, from: f64, to: f64) -> f64 {
    let steps = 200;
    let h = (to - from) / steps as f64;
    (0..steps).map(|i| f(from + (i as f64 + 0.5) * h) * h).sum()
}

/// The `(bands, rows)` with `bands * rows <= permutations` that minimises false positives
/// plus false negatives (area under / over the collision curve either side of `threshold`).
pub fn band_shape(threshold: f64, permutations: usize) -> (usize, usize) {
    let mut best = (1, permutations.max(1), f64::INFINITY);
    for bands in 1..=permutations.max(1) {
        for rows in 1..=(permutations / bands) {
            let fp = integrate(|s| collision(s, bands, rows), 0.0, threshold);
            let fn_ = integrate(|s| 1.0 - collision(s, bands, rows), threshold, 1.0);
            if fp + fn_ < best.2 {
                best = (bands, rows, fp + fn_);
            }
        }
    }
    (best.0, best.1)
}

fn band_key(values: &[u32]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for v in values {
        h = (h ^ u64::from(*v)).wrapping_mul(0x0000_0100_0000_01B3);
        h ^= h >> 29;
    }
    h
}

impl LshIndex {
    /// An empty index for signatures of `permutations` positions matching at `threshold`.
    pub fn new(threshold: f64, permutations: usize) -> Self {
        let threshold = threshold.clamp(0.0, 1.0);
        let (bands, rows) = band_shape(threshold, permutations);
        LshIndex {
            threshold,
            bands,
            rows,
            tables: (0..bands).map(|_| HashMap::new()).collect(),
            signatures: Vec::new(),
        }
    }

    /// The `(bands, rows)` chosen for the threshold.
    pub fn shape(&self) -> (usize, usize) {
        (self.bands, self.rows)
    }

    /// Number of signatures inserted.
    pub fn len(&self) -> usize {
        self.signatures.len()
    }

    /// Whether nothing was inserted.
    pub fn is_empty(&self) -> bool {
        self.signatures.is_empty()
    }

    fn bands_of<'a>(&self, signature: &'a Signature) -> impl Iterator<Item = u64> + 'a {
        let rows = self.rows;
        signature
            .0
            .chunks_exact(rows)
            .take(self.bands)
            .map(band_key)
    }

    /// Adds a signature and returns its id (ids count from 0 in insertion order). Signatures of
    /// empty texts are kept (so ids stay aligned) but never match.
    pub fn insert(&mut self, signature: Signature) -> u32 {
        let id = self.signatures.len() as u32;
        if !signature.is_empty_text() {
            let keys: Vec<u64> = self.bands_of(&signature).collect();
            for (table, key) in self.tables.iter_mut().zip(keys) {
                table.entry(key).or_default().push(id);
            }
        }
        self.signatures.push(signature);
        id
    }

    /// Every inserted text whose estimated Jaccard with `signature` is at least the threshold,
    /// most similar first (ties by id).
    pub fn query(&self, signature: &Signature) -> Vec<TextHit> {
        if signature.is_empty_text() {
            return Vec::new();
        }
        let mut candidates: Vec<u32> = Vec::new();
        for (table, key) in self.tables.iter().zip(self.bands_of(signature)) {
            if let Some(ids) = table.get(&key) {
                candidates.extend_from_slice(ids);
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        let mut hits: Vec<TextHit> = candidates
            .into_iter()
            .map(|id| TextHit {
                id,
                jaccard: self.signatures[id as usize].jaccard(signature),
            })
            .filter(|h| h.jaccard >= self.threshold)
            .collect();
        hits.sort_by(|a, b| b.jaccard.total_cmp(&a.jaccard).then(a.id.cmp(&b.id)));
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn band_shapes_suit_the_threshold() {
        let (b, r) = band_shape(0.5, 128);
        assert!(b * r <= 128);
        let (b_hi, r_hi) = band_shape(0.9, 128);
        assert!(r_hi > r && b_hi < b, "{b}x{r} vs {b_hi}x{r_hi}");
    }
}
