//! The 256-bit PDQ hash value: its bit order, its hex form and the Hamming distance between two.

use std::fmt;
use std::str::FromStr;

/// A 256-bit hash (PDQ, or any other 256-bit perceptual hash kept in a bank).
///
/// Bit `k` (0..256) is bit `k % 8` of byte `31 - k / 8`, so the bytes read in order give the
/// 64-digit hex form ThreatExchange and Hasher-Matcher-Actioner exchange, most significant
/// digit first. PDQ sets bit `16 * i + j` when DCT coefficient `(i, j)` is above the median.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hash256(pub [u8; 32]);

impl Hash256 {
    /// Whether bit `k` is set (`k < 256`).
    pub fn bit(&self, k: usize) -> bool {
        self.0[31 - k / 8] >> (k % 8) & 1 == 1
    }

    /// Sets bit `k` (`k < 256`).
    pub fn set_bit(&mut self, k: usize) {
        self.0[31 - k / 8] |= 1 << (k % 8);
    }

    /// The hash as four 64-bit words, most significant first (the index works on these).
    pub fn words(&self) -> [u64; 4] {
        let mut words = [0u64; 4];
        for (word, bytes) in words.iter_mut().zip(self.0.chunks_exact(8)) {
            let mut b = [0u8; 8];
            b.copy_from_slice(bytes);
            *word = u64::from_be_bytes(b);
        }
        words
    }

    /// The hash from four 64-bit words, most significant first.
    pub fn from_words(words: [u64; 4]) -> Self {
        let mut bytes = [0u8; 32];
        for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_be_bytes());
        }
        Hash256(bytes)
    }

    /// Number of bits that differ between `self` and `other`.
    pub fn distance(&self, other: &Hash256) -> u32 {
        self.0
            .iter()
            .zip(other.0.iter())
            .map(|(a, b)| (a ^ b).count_ones())
            .sum()
    }

    /// The 64-digit lower-case hex form.
    pub fn to_hex(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for b in self.0 {
            write!(f, "{b:02x}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Hash256 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash256({self})")
    }
}

/// Why a string is not a 256-bit hash in hex.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum HexError {
    /// Not 64 characters long.
    #[error("expected 64 hex digits, found {0} characters")]
    Length(usize),
    /// A character that is not a hex digit.
    #[error("{0:?} at position {1} is not a hex digit")]
    Digit(char, usize),
}

impl FromStr for Hash256 {
    type Err = HexError;

    fn from_str(s: &str) -> Result<Self, HexError> {
        let s = s.trim();
        if s.len() != 64 {
            return Err(HexError::Length(s.chars().count()));
        }
        let mut bytes = [0u8; 32];
        for (i, c) in s.chars().enumerate() {
            let v = c.to_digit(16).ok_or(HexError::Digit(c, i))? as u8;
            bytes[i / 2] |= if i % 2 == 0 { v << 4 } else { v };
        }
        Ok(Hash256(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips_and_bit_zero_is_the_last_digit() {
        let mut h = Hash256::default();
        h.set_bit(0);
        h.set_bit(255);
        let hex = h.to_hex();
        assert!(hex.starts_with('8') && hex.ends_with('1'), "{hex}");
        assert_eq!(hex.parse::<Hash256>().unwrap(), h);
        assert_eq!(Hash256::from_words(h.words()), h);
        assert_eq!(h.distance(&Hash256::default()), 2);
    }

    #[test]
    fn bad_hex_says_why() {
        assert_eq!("abc".parse::<Hash256>(), Err(HexError::Length(3)));
        let bad = format!("{}g", "0".repeat(63));
        assert_eq!(bad.parse::<Hash256>(), Err(HexError::Digit('g', 63)));
    }
}
