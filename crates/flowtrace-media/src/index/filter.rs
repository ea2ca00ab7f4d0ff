//! The inner loop of a probe: which entries of a bucket are within the slot threshold of the
//! query, judged from the 16 bits each entry carries, 32 entries per instruction where the
//! processor has AVX-512 (BW and BITALG for 16-bit population counts), one by one otherwise.

/// Appends `base + i` for every `i` with `popcount(partners[i] ^ query) <= budget`.
#[inline]
pub fn partners_within(partners: &[u16], query: u16, budget: u32, base: u32, out: &mut Vec<u32>) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("avx512bitalg")
    {
        // SAFETY: the processor has the features the function is compiled for (checked above).
        unsafe { avx512::partners_within(partners, query, budget, base, out) };
        return;
    }
    super::distance::with_popcnt(
        #[inline(always)]
        || {
            for (i, &p) in partners.iter().enumerate() {
                if (p ^ query).count_ones() <= budget {
                    out.push(base + i as u32);
                }
            }
        },
    )
}

/// Appends `base + i` for every `i` whose whole slot, own half and partner together, is
/// within `t` of the query's (for tables whose buckets use only some of the own half's bits).
pub fn slots_within(
    own: &[u16],
    partners: &[u16],
    query: (u16, u16),
    t: u32,
    base: u32,
    out: &mut Vec<u32>,
) {
    super::distance::with_popcnt(
        #[inline(always)]
        || {
            for (i, (&o, &p)) in own.iter().zip(partners).enumerate() {
                if (o ^ query.0).count_ones() + (p ^ query.1).count_ones() <= t {
                    out.push(base + i as u32);
                }
            }
        },
    )
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// [`super::partners_within`], 32 entries at a time; the last block is read with a mask,
    /// so nothing past the slice is touched.
    #[target_feature(enable = "avx512f,avx512bw,avx512bitalg")]
    pub fn partners_within(
        partners: &[u16],
        query: u16,
        budget: u32,
        base: u32,
        out: &mut Vec<u32>,
    ) {
        let q = _mm512_set1_epi16(query as i16);
        let limit = _mm512_set1_epi16(budget.min(16) as i16);
        let mut i = 0;
        while i < partners.len() {
            let left = partners.len() - i;
            let lanes: __mmask32 = if left >= 32 {
                u32::MAX
            } else {
                (1u32 << left) - 1
            };
            // SAFETY: the mask limits the read to `partners[i..i + left]`, inside the slice;
            // masked-off lanes are not read.
            let v = unsafe { _mm512_maskz_loadu_epi16(lanes, partners.as_ptr().add(i).cast()) };
            let count = _mm512_popcnt_epi16(_mm512_xor_si512(v, q));
            let mut hits = _mm512_mask_cmple_epu16_mask(lanes, count, limit);
            while hits != 0 {
                out.push(base + i as u32 + hits.trailing_zeros());
                hits &= hits - 1;
            }
            i += 32;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_and_budget_agrees_with_counting() {
        let partners: Vec<u16> = (0..100u32)
            .map(|i| (i.wrapping_mul(40_503) >> 3) as u16)
            .collect();
        for len in [0, 1, 31, 32, 33, 64, 100] {
            for budget in [0, 1, 3, 8, 16, 20] {
                let mut got = Vec::new();
                partners_within(&partners[..len], 0x5A5A, budget, 7, &mut got);
                let want: Vec<u32> = (0..len as u32)
                    .filter(|&i| (partners[i as usize] ^ 0x5A5A).count_ones() <= budget)
                    .map(|i| i + 7)
                    .collect();
                assert_eq!(got, want, "len {len} budget {budget}");
            }
        }
    }
}
