//! MinHash signatures: for each of `n` hash functions, the smallest value over a text's
//! shingles. Two texts agree in a signature position with probability equal to the Jaccard
//! similarity of their shingle sets, so the share of agreeing positions estimates it.
//!
//! Each shingle is hashed once (64-bit FNV-1a, then a SplitMix finaliser); the `n` functions
//! are `a_i * h + b_i` (wrapping, odd `a_i`) keeping the high 32 bits, a multiply-shift family:
//! no modular reduction and a loop the compiler vectorises, which is where the speed over
//! `datasketch` (SHA-1 per shingle, modulo a Mersenne prime) comes from. Signatures are stable:
//! the same text, options and seed give the same signature on every machine.

use super::normalise::{for_each_shingle, words};

/// How texts are turned into signatures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MinHashOptions {
    /// Words per shingle (default 3).
    pub shingle_words: usize,
    /// Signature length (default 128).
    pub permutations: usize,
    /// Seed of the hash functions; signatures compare only under the same seed.
    pub seed: u64,
}

impl Default for MinHashOptions {
    fn default() -> Self {
        MinHashOptions {
            shingle_words: 3,
            permutations: 128,
            seed: 1,
        }
    }
}

/// A text's MinHash signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// The estimated Jaccard similarity: the share of equal positions (0 for different lengths
    /// or empty signatures).
    pub fn jaccard(&self, other: &Signature) -> f64 {
        if self.0.len() != other.0.len() || self.0.is_empty() {
            return 0.0;
        }
        let equal = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        equal as f64 / self.0.len() as f64
    }

    /// Whether the text had no words (every position at its maximum).
    pub fn is_empty_text(&self) -> bool {
        self.0.iter().all(|&v| v == u32::MAX)
    }
}

fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn hash_shingle(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01B3);
    }
    splitmix(h)
}

/// Computes signatures under fixed options.
#[derive(Clone, Debug)]
pub struct MinHasher {
    options: MinHashOptions,
    a: Vec<u64>,
    b: Vec<u64>,
}

impl MinHasher {
    /// A hasher for these options.
    pub fn new(options: MinHashOptions) -> Self {
        let n = options.permutations.max(1);
        let a = (0..n as u64)
            .map(|i| splitmix(options.seed ^ (2 * i)) | 1)
            .collect();
        let b = (0..n as u64)
            .map(|i| splitmix(options.seed ^ (2 * i + 1)))
            .collect();
        MinHasher { options, a, b }
    }

    /// The options this hasher was made with.
    pub fn options(&self) -> &MinHashOptions {
        &self.options
    }

    /// The signature of a text.
    pub fn signature(&self, text: &str) -> Signature {
        let mut mins = vec![u64::MAX; self.a.len()];
        for_each_shingle(&words(text), self.options.shingle_words, |s| {
            let h = hash_shingle(s);
            for ((m, &a), &b) in mins.iter_mut().zip(&self.a).zip(&self.b) {
                *m = (*m).min(a.wrapping_mul(h).wrapping_add(b) >> 32);
            }
        });
        Signature(
            mins.into_iter()
                .map(|m| m.min(u64::from(u32::MAX)) as u32)
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similar_texts_have_similar_signatures() {
        let hasher = MinHasher::new(MinHashOptions::default());
        let a = hasher
            .signature("the quick brown fox jumps over the lazy dog near the river bank today");
        let b = hasher
            .signature("The quick brown fox jumps over the lazy dog near the river bank, today!");
        let c = hasher.signature("completely different words about something else entirely here");
        assert_eq!(a.jaccard(&b), 1.0);
        assert!(a.jaccard(&c) < 0.1);
        assert!(hasher.signature("   ").is_empty_text());
    }

    #[test]
    fn the_estimate_tracks_true_jaccard() {
        let hasher = MinHasher::new(MinHashOptions {
            permutations: 512,
            ..Default::default()
        });
        let words: Vec<String> = (0..200).map(|i| format!("w{i}")).collect();
        // 150 shared 1-word shingles of 250 in the union: Jaccard 0.6.
        let hasher1 = MinHasher::new(MinHashOptions {
            shingle_words: 1,
            ..hasher.options().clone()
        });
        let a = hasher1.signature(&words[..200].join(" "));
        let b = hasher1.signature(&format!(
            "{} {}",
            words[50..200].join(" "),
            (0..50)
                .map(|i| format!("x{i}"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
        let estimate = a.jaccard(&b);
        assert!((estimate - 0.6).abs() < 0.08, "{estimate}");
    }
}
