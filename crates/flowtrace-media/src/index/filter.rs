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
    one_by_one::partners_within(partners, query, budget, base, out)
}

/// Appends `base + i` for every `i` whose whole slot, own half and partner together, is
/// within `t` of the query's (for tables whose buckets use only some of the own half's bits).
#[inline]
pub fn slots_within(
    own: &[u16],
    partners: &[u16],
    query: (u16, u16),
    t: u32,
    base: u32,
    out: &mut Vec<u32>,
) {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512bw")
        && std::arch::is_x86_feature_detected!("avx512bitalg")
    {
        // SAFETY: the processor has the features the function is compiled for (checked above).
        unsafe { avx512::slots_within(own, partners, query, t, base, out) };
        return;
    }
    one_by_one::slots_within(own, partners, query, t, base, out)
}

/// The same loops for processors without AVX-512 (and tested on those with it).
mod one_by_one {
    use super::super::distance::with_popcnt;

    pub fn partners_within(
        partners: &[u16],
        query: u16,
        budget: u32,
        base: u32,
        out: &mut Vec<u32>,
    ) {
        with_popcnt(
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

    pub fn slots_within(
        own: &[u16],
        partners: &[u16],
        query: (u16, u16),
        t: u32,
        base: u32,
        out: &mut Vec<u32>,
    ) {
        with_popcnt(
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
}

#[cfg(target_arch = "x86_64")]
mod avx512 {
    use std::arch::x86_64::*;

    /// The lanes of the 32 entries from `i` on that exist in a slice of `len`.
    #[inline(always)]
    fn lanes(len: usize, i: usize) -> __mmask32 {
        let left = len - i;
        if left >= 32 {
            u32::MAX
        } else {
            (1u32 << left) - 1
        }
    }

    /// Population counts of `values[i..i + 32] ^ query` (only `lanes` read).
    #[inline]
    #[target_feature(enable = "avx512f,avx512bw,avx512bitalg")]
    fn counts(values: &[u16], i: usize, lanes: __mmask32, query: __m512i) -> __m512i {
        // SAFETY: `lanes` limits the read to `values[i..]` inside the slice; masked-off lanes
        // are not read.
        let v = unsafe { _mm512_maskz_loadu_epi16(lanes, values.as_ptr().add(i).cast()) };
        _mm512_popcnt_epi16(_mm512_xor_si512(v, query))
    }

    #[inline(always)]
    fn push_hits(mut hits: __mmask32, base: u32, out: &mut Vec<u32>) {
        while hits != 0 {
            out.push(base + hits.trailing_zeros());
            hits &= hits - 1;
        }
    }

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
        for i in (0..partners.len()).step_by(32) {
            let lanes = lanes(partners.len(), i);
            let count = counts(partners, i, lanes, q);
            let hits = _mm512_mask_cmple_epu16_mask(lanes, count, limit);
            push_hits(hits, base + i as u32, out);
        }
    }

    /// [`super::slots_within`], 32 entries at a time.
    #[target_feature(enable = "avx512f,avx512bw,avx512bitalg")]
    pub fn slots_within(
        own: &[u16],
        partners: &[u16],
        query: (u16, u16),
        t: u32,
        base: u32,
        out: &mut Vec<u32>,
    ) {
        let (q_own, q_partner) = (
            _mm512_set1_epi16(query.0 as i16),
            _mm512_set1_epi16(query.1 as i16),
        );
        let limit = _mm512_set1_epi16(t.min(32) as i16);
        let len = own.len().min(partners.len());
        for i in (0..len).step_by(32) {
            let lanes = lanes(len, i);
            let count = _mm512_add_epi16(
                counts(own, i, lanes, q_own),
                counts(partners, i, lanes, q_partner),
            );
            let hits = _mm512_mask_cmple_epu16_mask(lanes, count, limit);
            push_hits(hits, base + i as u32, out);
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
                got.clear();
                one_by_one::partners_within(&partners[..len], 0x5A5A, budget, 7, &mut got);
                assert_eq!(got, want, "one by one: len {len} budget {budget}");
                let own: Vec<u16> = partners.iter().map(|p| p.rotate_left(5)).collect();
                let mut got = Vec::new();
                slots_within(
                    &own[..len],
                    &partners[..len],
                    (3, 0x5A5A),
                    budget,
                    7,
                    &mut got,
                );
                let want: Vec<u32> = (0..len)
                    .filter(|&i| {
                        (own[i] ^ 3).count_ones() + (partners[i] ^ 0x5A5A).count_ones() <= budget
                    })
                    .map(|i| i as u32 + 7)
                    .collect();
                assert_eq!(got, want, "slots: len {len} budget {budget}");
                got.clear();
                let (own, partners) = (&own[..len], &partners[..len]);
                one_by_one::slots_within(own, partners, (3, 0x5A5A), budget, 7, &mut got);
                assert_eq!(got, want, "slots one by one: len {len} budget {budget}");
            }
        }
    }
}
