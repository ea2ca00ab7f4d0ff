//! The Hamming distance between two hashes, and running the loops that compute many of them
//! with the processor's `popcnt` instruction.
//!
//! The workspace builds for baseline x86-64, where `count_ones` is a dozen shifts and adds;
//! nearly every x86-64 made since 2008 has `popcnt`, which does it in one instruction. The
//! check runs once per loop (the standard library caches it), not once per hash.

/// Distance between two hashes as words.
#[inline(always)]
pub fn distance(a: &[u64; 4], b: &[u64; 4]) -> u32 {
    (a[0] ^ b[0]).count_ones()
        + (a[1] ^ b[1]).count_ones()
        + (a[2] ^ b[2]).count_ones()
        + (a[3] ^ b[3]).count_ones()
}

/// Runs `work`, compiled to use `popcnt` where the processor has it. `work` should be the
/// whole loop, so that it is inlined into the specialised copy.
#[inline(always)]
pub fn with_popcnt<R>(work: impl FnOnce() -> R) -> R {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("popcnt") {
        #[target_feature(enable = "popcnt")]
        fn specialised<R>(work: impl FnOnce() -> R) -> R {
            work()
        }
        // SAFETY: the processor has the feature `specialised` is compiled for (checked above).
        return unsafe { specialised(work) };
    }
    work()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_copies_count_the_same() {
        let (a, b) = ([u64::MAX, 0, 5, 1 << 63], [0, 0, 3, 0]);
        assert_eq!(distance(&a, &b), 64 + 2 + 1);
        assert_eq!(with_popcnt(|| distance(&a, &b)), 67);
    }
}
