//! Scoring one candidate name for a query: its token ids and weights are kept in flat arrays
//! and asked for ahead of use, and each distinct (query token, listed token) similarity is
//! computed once per query.

use flowtrace_memory::prefetch;

use super::scratch::Scratch;
use super::Screener;
use crate::matcher::{
    align_listed, align_with, surely_unlike, token_similarity, NameForm, Sketch, StackAlignment,
    Token, TokenHow, MAX_TOKENS,
};

/// What scoring a candidate name reads, in a few bytes so that the candidates of a query stay
/// in cache: its entity, its weak-alias factor (1 for a good name), and where its token ids
/// and weights are in [`Screener::token_ids`] and [`Screener::token_weights`].
#[derive(Clone, Copy)]
pub(super) struct NameTokens {
    pub(super) entity: u32,
    pub(super) factor: f32,
    pub(super) start: u32,
    pub(super) len: u32,
}

impl Screener {
    /// The score of one name for the query (its form, token weights and token sketches),
    /// with every distinct token pair computed once per query; [`Screener::name_score`] gives
    /// the same score with its alignment.
    pub(super) fn quick_score(
        &self,
        (form, weights, sketches): (&NameForm, &[f32], &[Sketch; MAX_TOKENS]),
        name: u32,
        scratch: &mut Scratch,
    ) -> (f32, StackAlignment) {
        let (listed, ids, listed_weights) = self.name_tokens(name);
        let query = &form.tokens[..form.tokens.len().min(MAX_TOKENS)];
        let nl = ids.len().min(MAX_TOKENS);
        let mut at = [0u32; MAX_TOKENS];
        for (at, &id) in at.iter_mut().zip(&ids[..nl]) {
            *at = scratch.row(id, |cells| {
                let sketch = &self.sketches[id as usize];
                for (q, q_sketch) in query.iter().zip(sketches) {
                    // The listed token's own record is read only for pairs its sketch leaves.
                    cells.push(if surely_unlike(q_sketch, sketch) {
                        (0.0, TokenHow::Spelling)
                    } else {
                        token_similarity(q, &self.tokens[id as usize])
                    });
                }
            });
        }
        let mut rows: [&[(f32, TokenHow)]; MAX_TOKENS] = [&[]; MAX_TOKENS];
        for (row, &at) in rows.iter_mut().zip(&at[..nl]) {
            *row = scratch.row_at(at);
        }
        // References only: a token is read when gluing needs it.
        let listed_tokens: [&Token; MAX_TOKENS] =
            std::array::from_fn(|j| &self.tokens[ids.get(j).map_or(0, |&id| id as usize)]);
        let aligned = align_with(
            &form.tokens,
            weights,
            &listed_tokens[..nl],
            listed_weights,
            &rows[..nl],
        );
        (aligned.score * listed.factor, aligned)
    }

    /// A name's scoring record, token ids and weights.
    pub(super) fn name_tokens(&self, name: u32) -> (NameTokens, &[u32], &[f32]) {
        let listed = self.scoring[name as usize];
        let range = listed.start as usize..(listed.start + listed.len) as usize;
        (
            listed,
            &self.token_ids[range.clone()],
            &self.token_weights[range],
        )
    }

    /// Asks for a name's token ids and weights (its scoring record was asked for when its
    /// batch of candidates was chosen): candidates fall anywhere in the list.
    pub(super) fn prefetch_tokens(&self, name: u32) {
        let start = self.scoring[name as usize].start as usize;
        prefetch(&self.token_ids, start);
        prefetch(&self.token_weights, start);
    }

    pub(super) fn name_score(
        &self,
        form: &NameForm,
        weights: &[f32],
        name: u32,
    ) -> (f32, StackAlignment) {
        let (listed, _, listed_weights) = self.name_tokens(name);
        let tokens = &self.names[name as usize].form.tokens;
        let alignment = align_listed(&form.tokens, weights, tokens, listed_weights);
        (alignment.score * listed.factor, alignment)
    }
}
