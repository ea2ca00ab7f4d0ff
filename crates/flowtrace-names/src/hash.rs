//! Deterministic integer hashing: every choice the crate makes comes from here.
//!
//! Only wrapping integer arithmetic, so a key gives the same names on every machine, in every
//! run and whatever the thread count. No floating point, no `HashMap` iteration order.

/// One step of splitmix64 (Steele, Lea and Flood): a fast, well-mixed 64-bit permutation.
#[inline]
pub(crate) fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Mixes a key with a salt, so that unrelated uses of one key do not correlate.
#[inline]
pub(crate) fn mix(key: u64, salt: u64) -> u64 {
    splitmix64(key ^ splitmix64(salt))
}

/// A tiny deterministic stream of random numbers seeded from a key.
#[derive(Clone, Debug)]
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(key: u64, salt: u64) -> Rng {
        Rng(mix(key, salt))
    }

    #[inline]
    pub(crate) fn next(&mut self) -> u64 {
        let z = self.0;
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        splitmix64(z)
    }

    /// Uniform in `0..n` (`n > 0`), by multiply-high rather than modulo to avoid bias.
    #[inline]
    pub(crate) fn below(&mut self, n: usize) -> usize {
        below(self.next(), n)
    }

    /// True with probability `percent / 100`.
    #[inline]
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    /// An index in `0..n` skewed towards the front: tables are ordered by popularity, and
    /// real name frequencies have a heavy head (a product of two uniforms has density
    /// `-ln x`, so the first of 40 entries comes up about 12% of the time).
    #[inline]
    pub(crate) fn skewed(&mut self, n: usize) -> usize {
        let h = self.next();
        let u = h >> 32;
        let v = h & 0xFFFF_FFFF;
        below(u * v, n)
    }

    /// A milder skew (the smaller of two uniforms: density `2(1 - x)`), for family names.
    #[inline]
    pub(crate) fn mild(&mut self, n: usize) -> usize {
        let a = self.next();
        let b = self.next();
        below(a.min(b), n)
    }

    /// Picks from `(item, weight)` pairs; the weights need not sum to anything.
    pub(crate) fn weighted<T: Copy>(&mut self, items: &[(T, u32)]) -> T {
        let total: u64 = items.iter().map(|&(_, w)| u64::from(w)).sum();
        let mut x = below(self.next(), total as usize) as u64;
        for &(item, w) in items {
            if x < u64::from(w) {
                return item;
            }
            x -= u64::from(w);
        }
        items[items.len() - 1].0
    }
}

/// Maps a uniform 64-bit value to `0..n`.
#[inline]
pub(crate) fn below(h: u64, n: usize) -> usize {
    ((u128::from(h) * n as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference_values() {
        // First outputs of the reference splitmix64 generator seeded with 0.
        let mut r = Rng(0);
        assert_eq!(r.next(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn skewed_stays_in_range_and_favours_the_head() {
        let mut r = Rng::new(7, 1);
        let mut counts = [0u32; 40];
        for _ in 0..40_000 {
            counts[r.skewed(40)] += 1;
        }
        assert!(counts[0] > counts[20] * 3, "{counts:?}");
        assert!(counts.iter().all(|&c| c > 0));
    }
}
