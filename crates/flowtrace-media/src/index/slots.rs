//! How a 256-bit hash is cut into slots, how far each slot must be searched for a given
//! radius, and the Hamming balls enumerated inside a slot.
//!
//! Eleven slots: at 10M hashes a 23- or 24-bit slot key picks out about one hash, so the
//! number of candidates a query checks stays close to the number of buckets it probes.
//! (Sixteen 16-bit slots, the textbook choice, leave ~150 hashes in each bucket at 10M and
//! a query at distance 31 checks ~40,000 of them.) At distance 31 the last slot is searched
//! only to slot distance 1 (see [`thresholds`]), so it costs 21 probes instead of ~280 and can
//! be narrower; the bits it gives up make six slots 24 bits wide, which halves their
//! candidates. Minimising probes plus candidates over all layouts (a small dynamic program,
//! costs as measured in BENCHMARKS.md) picks this one: about 2,800 probes and 2,600 candidates
//! a query at 10M, against 2,800 and 3,000 for ten 23-bit slots and one 24-bit.

/// Bit widths of the slots, most significant bits first; they sum to 256. The narrow slot is
/// last because [`thresholds`] gives the last slots the smaller thresholds.
pub const WIDTHS: [u32; 11] = [24, 24, 24, 24, 24, 24, 23, 23, 23, 23, 20];

/// Number of slots.
pub const SLOTS: usize = WIDTHS.len();

/// Bit offset of each slot from the most significant bit.
pub const fn offsets() -> [u32; SLOTS] {
    let mut out = [0u32; SLOTS];
    let mut i = 1;
    while i < SLOTS {
        out[i] = out[i - 1] + WIDTHS[i - 1];
        i += 1;
    }
    out
}

const OFFSETS: [u32; SLOTS] = offsets();

/// The value of slot `slot` of a hash given as four big-endian words.
#[inline]
pub fn key(words: &[u64; 4], slot: usize) -> u32 {
    let (offset, width) = (OFFSETS[slot], WIDTHS[slot]);
    let word = (offset / 64) as usize;
    let within = offset % 64;
    let next = if word + 1 < 4 { words[word + 1] } else { 0 };
    let pair = (u128::from(words[word]) << 64) | u128::from(next);
    ((pair >> (128 - within - width)) as u32) & ((1u32 << width) - 1)
}

/// Per slot, the largest slot distance that must be probed so that every hash within `radius`
/// is found; `None` for a slot that need not be probed at all.
///
/// Generalised pigeonhole: if slot `i` is searched up to `t_i` and the `t_i + 1` add up to more
/// than `radius`, a hash that differs by more than `t_i` in every slot differs by more than
/// `radius` in all. The budget `radius + 1` is shared out as evenly as possible.
pub fn thresholds(radius: u32) -> [Option<u32>; SLOTS] {
    let budget = radius as usize + 1;
    let (base, extra) = (budget / SLOTS, budget % SLOTS);
    std::array::from_fn(|i| {
        let share = base + usize::from(i < extra);
        share.checked_sub(1).map(|t| t as u32)
    })
}

/// Number of keys within distance `t` of a key of `bits` bits.
pub fn ball_size(bits: u32, t: u32) -> u64 {
    let mut total = 0u64;
    let mut choose = 1u64;
    for k in 0..=t.min(bits) {
        total += choose;
        choose = choose * u64::from(bits - k) / u64::from(k + 1);
    }
    total
}

/// Appends to `out` every key within distance `t` of `centre` among `bits`-bit keys.
pub fn ball(centre: u32, bits: u32, t: u32, out: &mut Vec<u32>) {
    fn flip(key: u32, from_bit: u32, bits: u32, left: u32, out: &mut Vec<u32>) {
        out.push(key);
        if left == 0 {
            return;
        }
        for b in from_bit..bits {
            flip(key ^ (1 << b), b + 1, bits, left - 1, out);
        }
    }
    flip(centre, 0, bits, t.min(bits), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_cover_the_hash_once() {
        assert_eq!(WIDTHS.iter().sum::<u32>(), 256);
        let words = [u64::MAX; 4];
        for (s, width) in WIDTHS.iter().enumerate() {
            assert_eq!(key(&words, s), (1 << width) - 1);
        }
        let mut seen = 0u32;
        for bit in 0..256u32 {
            let mut w = [0u64; 4];
            w[(bit / 64) as usize] = 1 << (63 - bit % 64);
            let lit: Vec<usize> = (0..SLOTS).filter(|&s| key(&w, s) != 0).collect();
            assert_eq!(lit.len(), 1, "bit {bit}");
            seen += 1;
        }
        assert_eq!(seen, 256);
    }

    #[test]
    fn thresholds_add_up_to_more_than_the_radius() {
        for radius in 0..200 {
            let sum: u32 = thresholds(radius)
                .iter()
                .map(|t| t.map_or(0, |t| t + 1))
                .sum();
            assert_eq!(sum, radius + 1);
        }
        assert_eq!(thresholds(31)[0], Some(2));
        assert_eq!(thresholds(31)[10], Some(1));
    }

    #[test]
    fn the_narrow_slot_is_searched_least_at_every_radius() {
        let narrowest = (0..SLOTS).min_by_key(|&s| WIDTHS[s]).unwrap();
        for radius in 0..200 {
            let t = thresholds(radius);
            let depth = |s: usize| t[s].map_or(-1, i64::from);
            assert!((0..SLOTS).all(|s| depth(s) >= depth(narrowest)), "{radius}");
        }
    }

    #[test]
    fn ball_enumerates_each_key_once() {
        let mut out = Vec::new();
        ball(0b1010, 6, 2, &mut out);
        assert_eq!(out.len() as u64, ball_size(6, 2));
        let mut sorted = out.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), out.len());
        assert!(out.iter().all(|k| (k ^ 0b1010).count_ones() <= 2));
    }
}
