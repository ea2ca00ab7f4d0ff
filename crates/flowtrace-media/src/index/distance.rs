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

/// Appends `base + i` for every `hashes[i]` within `radius` of `query`: a linear scan, two
/// hashes per instruction with AVX-512 (VPOPCNTDQ) where the processor has it.
#[inline]
pub fn hashes_within(
    query: &[u64; 4],
    hashes: &[[u64; 4]],
    radius: u32,
    base: u32,
    out: &mut Vec<u32>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512vpopcntdq") {
        // SAFETY: the processor has the features the function is compiled for (checked above).
        unsafe { avx512::hashes_within(query, hashes, radius, base, out) };
        return;
    }
    hashes_within_one_by_one(query, hashes, radius, base, out)
}

/// [`hashes_within`] for processors without AVX-512 (and tested on those with it).
fn hashes_within_one_by_one(
    query: &[u64; 4],
    hashes: &[[u64; 4]],
    radius: u32,
    base: u32,
    out: &mut Vec<u32>,
) {
    with_popcnt(
        #[inline(always)]
        || {
            for (i, words) in hashes.iter().enumerate() {
                if distance(query, words) <= radius {
                    out.push(base + i as u32);
                }
            }
        },
    )
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// [`super::hashes_within`] two hashes (eight words) at a time.
    #[target_feature(enable = "avx512f,avx512vpopcntdq,popcnt")]
    pub fn hashes_within(
        query: &[u64; 4],
        hashes: &[[u64; 4]],
        radius: u32,
        base: u32,
        out: &mut Vec<u32>,
    ) {
        let [a, b, c, d] = query.map(|w| w as i64);
        let q = _mm512_set_epi64(d, c, b, a, d, c, b, a);
        let limit = _mm512_set1_epi64(i64::from(radius));
        let pairs = hashes.as_chunks::<2>().0;
        for (p, pair) in pairs.iter().enumerate() {
            // SAFETY: `pair` is 64 readable bytes; the load needs no alignment.
            let v = unsafe { _mm512_loadu_si512(pair.as_ptr().cast()) };
            let counts = _mm512_popcnt_epi64(_mm512_xor_si512(v, q));
            // Sum each hash's four counts into its first lane: add the neighbour word, then
            // the neighbour pair.
            let sums = _mm512_add_epi64(counts, _mm512_shuffle_epi32::<_MM_PERM_BADC>(counts));
            let sums = _mm512_add_epi64(sums, _mm512_permutex_epi64::<0b01_00_11_10>(sums));
            let hits = _mm512_mask_cmple_epu64_mask(0x11, sums, limit);
            if hits != 0 {
                let at = base + 2 * p as u32;
                if hits & 1 != 0 {
                    out.push(at);
                }
                if hits & 0x10 != 0 {
                    out.push(at + 1);
                }
            }
        }
        if hashes.len() % 2 == 1 {
            let last = hashes.len() - 1;
            if super::distance(query, &hashes[last]) <= radius {
                out.push(base + last as u32);
            }
        }
    }
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

    #[test]
    fn a_scan_finds_exactly_the_hashes_within_the_radius() {
        let mut state = 9u64;
        let mut next = move || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            state ^ (state >> 29)
        };
        let query = [next(), next(), next(), next()];
        let hashes: Vec<[u64; 4]> = (0..101)
            .map(|i| {
                let mut h = query;
                // Every distance from 0 up, in every word.
                for bit in 0..(i * 3 % 140) {
                    h[(bit % 4) as usize] ^= 1 << (bit * 7 % 64);
                }
                h
            })
            .collect();
        for radius in [0, 1, 31, 64, 100, 256] {
            for len in [0, 1, 2, 3, 100, 101] {
                let mut got = Vec::new();
                hashes_within(&query, &hashes[..len], radius, 5, &mut got);
                let want: Vec<u32> = (0..len)
                    .filter(|&i| distance(&query, &hashes[i]) <= radius)
                    .map(|i| i as u32 + 5)
                    .collect();
                assert_eq!(got, want, "radius {radius} len {len}");
                got.clear();
                hashes_within_one_by_one(&query, &hashes[..len], radius, 5, &mut got);
                assert_eq!(got, want, "one by one: radius {radius} len {len}");
            }
        }
    }
}
