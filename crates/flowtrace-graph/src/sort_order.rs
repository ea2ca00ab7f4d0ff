//! The stable sorting order of a column that is nearly sorted already, found in linear time.
//!
//! Transfer files are written roughly in time order: in AMLworld about 1% of the rows arrive
//! after a later one. A general sort pays `n log n` comparisons through an index for the other
//! 99%; here one pass finds the rows that keep up with the running maximum (they are in order
//! already), only the rest are sorted, and one merge interleaves the two. A column that is far
//! from sorted falls back to a general parallel sort.

use rayon::prelude::*;

/// Above this share of rows out of place, sorting them all is as cheap as sorting a few.
const MOST_OUT_OF_PLACE: usize = 8;

/// Positions of `keys` in ascending key order; equal keys keep their input order.
pub(crate) fn stable_order<K: Ord + Copy + Send + Sync>(keys: &[K]) -> Vec<u32> {
    let mut order: Vec<u32> = Vec::with_capacity(keys.len());
    let mut out_of_place: Vec<u32> = Vec::new();
    if let Some(&first) = keys.first() {
        let mut highest = first;
        for (i, &key) in keys.iter().enumerate() {
            if key >= highest {
                highest = key;
            } else if out_of_place.len() < keys.len() / MOST_OUT_OF_PLACE {
                out_of_place.push(i as u32);
            } else {
                order.extend(0..keys.len() as u32);
                order.par_sort_by_key(|&i| keys[i as usize]);
                return order;
            }
        }
    }
    // Positions are ascending, so a stable sort by key orders them by (key, position).
    out_of_place.sort_by_key(|&i| keys[i as usize]);
    // The rows that kept up with the running maximum, met again in a second pass, are sorted by
    // (key, position) too; merging both by that pair is exactly the stable order.
    let mut pending = out_of_place.iter().copied().peekable();
    let mut highest = keys.first().copied();
    for (i, &key) in keys.iter().enumerate() {
        if highest.is_some_and(|h| key < h) {
            continue;
        }
        highest = Some(key);
        while let Some(o) = pending.next_if(|&o| (keys[o as usize], o) < (key, i as u32)) {
            order.push(o);
        }
        order.push(i as u32);
    }
    order.extend(pending);
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(keys: &[i32]) -> Vec<u32> {
        let mut order: Vec<u32> = (0..keys.len() as u32).collect();
        order.sort_by_key(|&i| keys[i as usize]);
        order
    }

    #[test]
    fn matches_a_stable_sort_on_nearly_sorted_keys() {
        // Minutes with repeats, every 37th row late by up to 20 minutes, one row far early.
        let mut keys: Vec<i32> = (0..5000).map(|i| i / 3).collect();
        for i in (0..keys.len()).step_by(37) {
            keys[i] -= (i % 20) as i32;
        }
        keys[4000] = 2000;
        assert_eq!(stable_order(&keys), reference(&keys));
    }

    #[test]
    fn matches_a_stable_sort_on_any_keys() {
        let cases: [Vec<i32>; 6] = [
            vec![],
            vec![7],
            vec![3, 3, 3],
            vec![5, 4, 3, 2, 1, 1, 0],
            (0..1000).map(|i| (i * 7919) % 101).collect(),
            (0..1000)
                .map(|i| if i % 2 == 0 { i } else { 1000 - i })
                .collect(),
        ];
        for keys in cases {
            assert_eq!(stable_order(&keys), reference(&keys), "{keys:?}");
        }
    }
}
