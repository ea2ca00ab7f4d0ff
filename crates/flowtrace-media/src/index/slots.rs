//! How a 256-bit hash is cut into slots and tables, how far each must be searched for a given
//! radius, and the Hamming balls enumerated inside a table's key.
//!
//! Eight slots of 32 bits, each cut into two 16-bit halves: the sixteen 16-bit tables of the
//! textbook multi-index layout. At distance 31 some slot is within 3 (eight slots, `3 + 1`
//! each, add up to 32) and then one of its halves is within 1, so a query probes 17 buckets
//! of each table. At 10M hashes a 16-bit bucket holds about 150 hashes, 41,500 a query in all;
//! what makes that cheap is that each entry also carries the other half of its slot, so an
//! entry farther than 3 from the query in the slot is dropped by comparing two bytes in cache
//! (32 at once with AVX-512), and only about 170 a query reach the full 256-bit check. (The
//! layout it replaces, 11 slots of 20 to 24 bits probed to distance 2, made 2,800 probes and
//! 2,600 full checks a query, each a trip to memory.)

/// Slots; each is 32 bits of the hash, most significant first.
pub const SLOTS: usize = 8;

/// Tables: each slot's high half, then its low half.
pub const TABLES: usize = 2 * SLOTS;

/// Bits of a table's key (half a slot).
pub const HALF_BITS: u32 = 16;

/// The value of slot `slot` of a hash given as four big-endian words.
#[inline(always)]
pub fn key(words: &[u64; 4], slot: usize) -> u32 {
    (words[slot / 2] >> (32 * (1 - slot % 2))) as u32
}

/// Table `table`'s key of a slot value (its half) and the other half of the slot.
#[inline(always)]
pub fn halves(slot_key: u32, table: usize) -> (u16, u16) {
    let (high, low) = ((slot_key >> 16) as u16, slot_key as u16);
    if table.is_multiple_of(2) {
        (high, low)
    } else {
        (low, high)
    }
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

/// How far each half of a slot searched to `t` is probed: `a` for the high half and `b` for
/// the low one with `a + b = t - 1`, so a slot value within `t` (`d_high + d_low <= t`) has
/// `d_high <= a` or `d_low <= b`. `None`: that half need not be probed (`t = 0`: both halves
/// are equal, the high one is enough).
pub fn half_thresholds(t: u32) -> [Option<u32>; 2] {
    [Some(t / 2), t.checked_sub(1 + t / 2)]
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
        let mut seen = 0u32;
        for bit in 0..256u32 {
            let mut w = [0u64; 4];
            w[(bit / 64) as usize] = 1 << (63 - bit % 64);
            let lit: Vec<usize> = (0..SLOTS).filter(|&s| key(&w, s) != 0).collect();
            assert_eq!(lit, [(bit / 32) as usize], "bit {bit}");
            let s = lit[0];
            let own: Vec<usize> = (2 * s..2 * s + 2)
                .filter(|&t| halves(key(&w, s), t).0 != 0)
                .collect();
            assert_eq!(own.len(), 1);
            seen += 1;
        }
        assert_eq!(seen, 256);
        assert_eq!(halves(0xABCD_1234, 0), (0xABCD, 0x1234));
        assert_eq!(halves(0xABCD_1234, 1), (0x1234, 0xABCD));
    }

    #[test]
    fn thresholds_add_up_to_more_than_the_radius() {
        for radius in 0..300 {
            let sum: u32 = thresholds(radius)
                .iter()
                .map(|t| t.map_or(0, |t| t + 1))
                .sum();
            assert_eq!(sum, radius + 1);
        }
        assert_eq!(thresholds(31), [Some(3); SLOTS]);
    }

    #[test]
    fn a_slot_within_t_is_within_its_half_threshold_in_some_half() {
        for t in 0..20u32 {
            let [a, b] = half_thresholds(t);
            for high in 0..=t {
                for low in 0..=t - high {
                    let found = a.is_some_and(|a| high <= a) || b.is_some_and(|b| low <= b);
                    assert!(found, "t {t}: {high} + {low}");
                }
            }
        }
        assert_eq!(half_thresholds(3), [Some(1), Some(1)]);
        assert_eq!(half_thresholds(0), [Some(0), None]);
        assert_eq!(half_thresholds(2), [Some(1), Some(0)]);
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
