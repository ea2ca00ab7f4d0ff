//! Deterministic randomness: one seeded generator per part of the world, and the distributions
//! the simulator draws from.
//!
//! "Same seed, same bytes on any machine" rules out two things: generators whose algorithm may
//! change between versions (PCG is fixed by its paper), and the platform's `ln`/`exp`/`cos`,
//! whose last bit differs between C libraries. Transcendental functions therefore come from
//! `libm`, a pure-Rust port that computes the same bits everywhere; `+ - * /` and `sqrt` are
//! exactly rounded by IEEE 754 and safe as they are.

use rand_core::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

/// A seeded generator with the draws the simulator needs.
pub struct SimRng(Pcg64Mcg);

/// Independent streams derived from the world seed, one per part of the world, so that changing
/// how one part draws (say, a new typology) leaves every other part's output unchanged.
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Stream {
    /// Banks, accounts and their attributes.
    Population = 1,
    /// Ordinary payments.
    Background = 2,
    /// Where, when and how big the planted patterns are.
    Planting = 3,
    /// Spelling variants of names.
    Names = 4,
    /// The online world (its parts draw sub-streams of this one).
    Online = 5,
}

impl SimRng {
    /// The generator for `stream` of the world seeded with `seed`.
    pub fn new(seed: u64, stream: Stream) -> SimRng {
        SimRng(Pcg64Mcg::seed_from_u64(mix(seed ^ mix(stream as u64))))
    }

    /// A generator for sub-stream `index` of `stream`, e.g. one per pattern instance.
    pub fn sub(seed: u64, stream: Stream, index: u64) -> SimRng {
        SimRng(Pcg64Mcg::seed_from_u64(mix(seed
            ^ mix(stream as u64)
            ^ mix(index.wrapping_add(0x5851_f42d)))))
    }

    /// A uniform 64-bit value.
    #[inline]
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in `0..n` (Lemire's multiply-shift; the bias for `n` below 2^32 is under 2^-32,
    /// far below anything a simulated economy can show). `n` must be positive.
    #[inline]
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    #[inline]
    pub fn between(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }

    /// Uniform in `[0, 1)` with 53 random bits.
    #[inline]
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p`.
    #[inline]
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A standard normal draw (Box-Muller, one of the pair).
    pub fn normal(&mut self) -> f64 {
        let u = 1.0 - self.unit(); // in (0, 1]: log is finite
        let v = self.unit();
        (-2.0 * libm::log(u)).sqrt() * libm::cos(std::f64::consts::TAU * v)
    }

    /// Log-normal with the given median and log-space spread: amounts of ordinary payments.
    pub fn lognormal(&mut self, median: f64, sigma: f64) -> f64 {
        median * libm::exp(sigma * self.normal())
    }

    /// Pareto with scale 1 and tail index `alpha`: activity levels and firm sizes.
    pub fn pareto(&mut self, alpha: f64) -> f64 {
        libm::pow(1.0 - self.unit(), -1.0 / alpha)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// Shuffles in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// SplitMix64's finaliser: spreads seeds so that nearby seeds give unrelated streams.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Draws an index in proportion to fixed weights in O(1) (Vose's alias method).
pub struct AliasTable {
    /// Per slot: the chance, scaled to 2^32, of keeping the slot rather than taking its alias.
    keep: Vec<u32>,
    alias: Vec<u32>,
}

impl AliasTable {
    /// A table over `weights` (non-negative, not all zero).
    pub fn new(weights: &[f64]) -> AliasTable {
        let n = weights.len();
        let total: f64 = weights.iter().sum();
        assert!(n > 0 && total > 0.0, "alias table needs a positive weight");
        let mut scaled: Vec<f64> = weights.iter().map(|w| w * n as f64 / total).collect();
        let mut keep = vec![u32::MAX; n];
        let mut alias: Vec<u32> = (0..n as u32).collect();
        let (mut small, mut large): (Vec<usize>, Vec<usize>) =
            (0..n).partition(|&i| scaled[i] < 1.0);
        while let (Some(s), Some(&l)) = (small.pop(), large.last()) {
            keep[s] = (scaled[s] * 4_294_967_296.0).min(u32::MAX as f64) as u32;
            alias[s] = l as u32;
            scaled[l] -= 1.0 - scaled[s];
            if scaled[l] < 1.0 {
                large.pop();
                small.push(l);
            }
        }
        AliasTable { keep, alias }
    }

    /// A weighted draw.
    #[inline]
    pub fn sample(&self, rng: &mut SimRng) -> usize {
        let r = rng.next_u64();
        let slot = ((u128::from(r >> 32) * self.keep.len() as u128) >> 32) as usize;
        if (r as u32) < self.keep[slot] {
            slot
        } else {
            self.alias[slot] as usize
        }
    }

    /// How many outcomes the table draws from.
    pub fn len(&self) -> usize {
        self.keep.len()
    }

    /// Whether the table is empty (never: construction requires a weight).
    pub fn is_empty(&self) -> bool {
        self.keep.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = SimRng::new(7, Stream::Background);
        let first: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let mut b = SimRng::new(7, Stream::Background);
        assert_eq!(first, (0..4).map(|_| b.next_u64()).collect::<Vec<_>>());
        assert_ne!(SimRng::new(7, Stream::Planting).next_u64(), first[0]);
        assert_ne!(SimRng::new(8, Stream::Background).next_u64(), first[0]);
    }

    #[test]
    fn alias_table_follows_weights() {
        let table = AliasTable::new(&[1.0, 0.0, 3.0]);
        let mut rng = SimRng::new(1, Stream::Background);
        let mut counts = [0usize; 3];
        for _ in 0..40_000 {
            counts[table.sample(&mut rng)] += 1;
        }
        assert_eq!(counts[1], 0);
        let share = counts[2] as f64 / 40_000.0;
        assert!((share - 0.75).abs() < 0.02, "share {share}");
    }

    #[test]
    fn lognormal_median() {
        let mut rng = SimRng::new(3, Stream::Background);
        let mut xs: Vec<f64> = (0..10_001).map(|_| rng.lognormal(100.0, 1.0)).collect();
        xs.sort_by(f64::total_cmp);
        assert!((xs[5000] - 100.0).abs() < 5.0, "median {}", xs[5000]);
    }
}
