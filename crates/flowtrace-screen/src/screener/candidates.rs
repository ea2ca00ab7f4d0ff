//! Which listed names a query is scored against: the names sharing index keys with it, ranked
//! by the score they could reach, and the rarity weight of each query token.

use super::{text_hash, Screener, SCRATCH};
use crate::index::{DELETION_PROMISE, MIN_WEIGHT, SPELLING_MIN};
use crate::matcher::{is_generation, is_particle_typo, NameForm, Token, LISTED_SIDE_FLOOR};

/// Listed names that may share a word before it stops being read as a mistyped particle.
const PARTICLE_TYPO_FREQUENCY: u32 = 3;

impl Screener {
    /// Names sharing key weight with the query, each with its promise (the score it would
    /// get if its shared tokens matched exactly), unsorted, and the number touched. A name is
    /// kept only when its shared weight could reach the threshold with room for spellings
    /// whose keys differ; query tokens none of whose keys is listed (a typo, a name on no list)
    /// do not count against it.
    pub(super) fn candidates(
        &self,
        form: &NameForm,
        weights: &[f32],
        threshold: f32,
    ) -> (Vec<u64>, usize) {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.fit(self.names.len());
            scratch.touched.clear();
            let mut found = 0.0f32;
            for (token, &weight) in form.tokens.iter().zip(weights) {
                let e = scratch.next_token();
                let (gathered, touched) = (&mut scratch.gathered, &mut scratch.touched);
                let any = std::cell::Cell::new(false);
                // A name met through several keys of one token counts once, at the first
                // (best) key's promise.
                let mut gather = |names: &[u32], promise: f32| {
                    any.set(true);
                    for &n in names {
                        let g = &mut gathered[n as usize];
                        if g.1 == e {
                            continue;
                        }
                        g.1 = e;
                        if g.0 == 0.0 {
                            touched.push(n);
                        }
                        g.0 += weight * promise;
                    }
                };
                self.index.lookup(token, &mut gather);
                if token.consonantal {
                    let related = |names: &[u32]| gather(names, DELETION_PROMISE);
                    self.index.lookup_arabic(token, related);
                }
                // A word no listed name writes may be a typo that moved its skeleton.
                let typo_length = token.text.len() >= SPELLING_MIN;
                if typo_length
                    && !token.consonantal
                    && !self.texts.contains(&text_hash(&token.text))
                {
                    let typo = |names: &[u32]| gather(names, DELETION_PROMISE);
                    self.index.lookup_spelling(&token.text, typo);
                }
                if any.get() {
                    found += weight;
                }
            }
            let total: f32 = weights.iter().sum();
            let floor = found * (threshold - 0.35).max(0.15);
            let (gathered, touched) = (&mut scratch.gathered, &scratch.touched);
            let mut kept = std::mem::take(&mut scratch.candidates);
            kept.clear();
            for &n in touched {
                // Read and cleared for the next query in one pass.
                let g = std::mem::take(&mut gathered[n as usize].0);
                if g < floor {
                    continue;
                }
                let (listed_total, factor) = self.totals[n as usize];
                let listed_share = (g / listed_total.max(f32::EPSILON)).min(1.0);
                let promise = g / total
                    * (LISTED_SIDE_FLOOR + (1.0 - LISTED_SIDE_FLOOR) * listed_share)
                    * factor;
                kept.push(rank_key(promise, n));
            }
            (kept, touched.len())
        })
    }

    /// The rarity weight of each query token. A word no listed name has weighs most, as a
    /// rare name should, except when it is a particle mistyped (Kuld or Uuld for Ould, Bne for
    /// Ben, Ai for Al): the particle it was meant to be is set aside, so it weighs least. A
    /// word whose skeleton a few listed names have, or that no listed name writes as it is,
    /// may still be such a typo; a listed word many names have is a name (Ali). An initial
    /// weighs least too: it fits every name it begins; and so does Jr. or Sr.
    pub(super) fn query_weights(&self, form: &NameForm) -> Vec<f32> {
        let weight = |t: &Token| {
            let particle_typo = is_particle_typo(t)
                && (self.index.frequency(t) <= PARTICLE_TYPO_FREQUENCY
                    || !self.texts.contains(&text_hash(&t.text)));
            let initial = t.text.len() == 1 && !t.consonantal;
            if particle_typo || initial || is_generation(t) {
                MIN_WEIGHT
            } else {
                self.index.weight(t)
            }
        };
        form.tokens.iter().map(weight).collect()
    }
}

/// A candidate as one number that sorts as candidates rank: its promise (in the order
/// `f32::total_cmp` gives) in the high half and its name id inverted in the low half, so the
/// greater key is the more promising name and, of equal promises, the lower id (results do
/// not depend on the order names were touched in). Comparing one integer instead of a float
/// and a tie-break halves the cost of choosing the best few of hundreds.
pub(super) fn rank_key(promise: f32, name: u32) -> u64 {
    let bits = promise.to_bits() as i32;
    // `f32::total_cmp`'s own mapping to an ordered integer, then its sign bit flipped so
    // that unsigned order is signed order.
    let ordered = bits ^ (((bits >> 31) as u32) >> 1) as i32;
    let high = (ordered as u32) ^ 0x8000_0000;
    (u64::from(high) << 32) | u64::from(!name)
}

/// The name id of a [`rank_key`].
pub(super) fn ranked_name(key: u64) -> u32 {
    !(key as u32)
}

/// Moves the `n` most promising candidates to the front of `candidates`, best first.
pub(super) fn select_best(candidates: &mut [u64], n: usize) {
    let n = n.min(candidates.len());
    if n == 0 {
        return;
    }
    if candidates.len() > n {
        candidates.select_nth_unstable_by(n - 1, |a, b| b.cmp(a));
    }
    candidates[..n].sort_unstable_by(|a, b| b.cmp(a));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_keys_sort_as_promise_then_name() {
        let ranked = [(0.9, 7), (0.9, 3), (0.5, 1), (0.0, 2), (1.2, 9), (-0.1, 0)];
        let mut by_key: Vec<u64> = ranked.iter().map(|&(p, n)| rank_key(p, n)).collect();
        by_key.sort_unstable_by(|a, b| b.cmp(a));
        let mut by_pair = ranked.to_vec();
        by_pair.sort_by(|a: &(f32, u32), b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let names: Vec<u32> = by_key.into_iter().map(ranked_name).collect();
        assert_eq!(names, by_pair.iter().map(|p| p.1).collect::<Vec<_>>());
    }
}
