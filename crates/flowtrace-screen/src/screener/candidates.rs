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
    ) -> (Vec<(f32, u32)>, usize) {
        SCRATCH.with(|scratch| {
            let scratch = &mut *scratch.borrow_mut();
            scratch.fit(self.names.len(), self.tokens.len());
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
                let g = gathered[n as usize].0;
                if g < floor {
                    continue;
                }
                let (listed_total, factor) = self.totals[n as usize];
                let listed_share = (g / listed_total.max(f32::EPSILON)).min(1.0);
                let promise = g / total
                    * (LISTED_SIDE_FLOOR + (1.0 - LISTED_SIDE_FLOOR) * listed_share)
                    * factor;
                kept.push((promise, n));
            }
            for &n in touched {
                gathered[n as usize].0 = 0.0;
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

/// Moves the `n` most promising candidates to the front of `candidates`, best first (ties by
/// name id, so results do not depend on the order names were touched in).
pub(super) fn select_best(candidates: &mut [(f32, u32)], n: usize) {
    let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    let n = n.min(candidates.len());
    if n == 0 {
        return;
    }
    if candidates.len() > n {
        candidates.select_nth_unstable_by(n - 1, order);
    }
    candidates[..n].sort_unstable_by(order);
}
