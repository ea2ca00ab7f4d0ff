//! Scores one name against another by aligning their tokens, in any order: every query token
//! finds its best partner among the listed name's tokens (greedily, best pairs first, each
//! token used once), and rare tokens count for more than common ones (Mohammed tells little,
//! Zawahiri a lot). Tokens left over on both sides are compared once more glued together, for
//! words one record writes apart and another as one (Abu Ghaith / Abughaith, Kim Se / Ki Mse,
//! شهيد خيل / Shahidkhel).

use super::glue::{glue, GLUE_WORTH};
use super::similar::{token_similarity, TokenHow};
use super::text::Token;

/// How much a listed name's own unmatched tokens lower the score. Lists give long genealogical
/// names (Usama bin Muhammad bin Awad bin Ladin) that queries shorten, so the query's side
/// decides most of the score: with 0.8, matching half of the listed name's weight still
/// keeps 90% of the query's score.
pub const LISTED_SIDE_FLOOR: f32 = 0.8;

/// Names longer than this many tokens compare their first ones only.
pub(crate) const MAX_TOKENS: usize = 12;

/// One aligned pair of tokens.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenPair {
    /// Index of the query token.
    pub query: usize,
    /// Index of the listed name's token.
    pub listed: usize,
    /// Their similarity.
    pub similarity: f32,
    /// How they matched.
    pub how: TokenHow,
}

/// [`TokenPair`] in 8 bytes, for the buffers filled per candidate name.
#[derive(Clone, Copy, Debug)]
struct Pair {
    query: u8,
    listed: u8,
    how: TokenHow,
    similarity: f32,
}

impl Pair {
    fn wide(self) -> TokenPair {
        TokenPair {
            query: usize::from(self.query),
            listed: usize::from(self.listed),
            similarity: self.similarity,
            how: self.how,
        }
    }
}

const NO_PAIR: Pair = Pair {
    query: 0,
    listed: 0,
    how: TokenHow::Exact,
    similarity: 0.0,
};

/// The alignment of a query name with a listed name and the score it gives.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Alignment {
    /// Score in 0..=1.
    pub score: f32,
    /// The matched pairs, in query order.
    pub pairs: Vec<TokenPair>,
    /// Share of the query's weight explained (similarity-weighted).
    pub query_share: f32,
    /// Share of the listed name's weight matched.
    pub listed_share: f32,
    /// Left-over tokens that matched once glued together: bit `i` of `.0` for query token
    /// `i`, of `.1` for listed token `i`, and their similarity.
    pub joined: Option<(u32, u32, f32)>,
}

/// [`Alignment`] kept on the stack: a query scores a few dozen names and only its hits need
/// the pairs on the heap (a heap buffer per candidate was a tenth of a query's time).
#[derive(Clone, Copy, Debug)]
pub(crate) struct StackAlignment {
    pub(crate) score: f32,
    pairs: [Pair; MAX_TOKENS],
    n: usize,
    query_share: f32,
    listed_share: f32,
    joined: Option<(u32, u32, f32)>,
}

impl StackAlignment {
    /// The matched pairs, in query order.
    pub(crate) fn pairs(&self) -> impl Iterator<Item = TokenPair> + '_ {
        self.pairs[..self.n].iter().map(|p| p.wide())
    }

    /// The left-overs matched glued (see [`Alignment::joined`]).
    pub(crate) fn joined(&self) -> Option<(u32, u32, f32)> {
        self.joined
    }

    pub(crate) fn into_alignment(self) -> Alignment {
        Alignment {
            score: self.score,
            pairs: self.pairs[..self.n].iter().map(|p| p.wide()).collect(),
            query_share: self.query_share,
            listed_share: self.listed_share,
            joined: self.joined,
        }
    }
}

/// Aligns `query` (token weights `qw`) with `listed` (weights `lw`).
pub fn align(query: &[Token], qw: &[f32], listed: &[Token], lw: &[f32]) -> Alignment {
    align_listed(query, qw, listed, lw).into_alignment()
}

/// [`align`] kept on the stack.
pub(crate) fn align_listed(
    query: &[Token],
    qw: &[f32],
    listed: &[Token],
    lw: &[f32],
) -> StackAlignment {
    let listed: Vec<&Token> = listed.iter().collect();
    let query_tokens = &query[..query.len().min(MAX_TOKENS)];
    let rows: Vec<Vec<(f32, TokenHow)>> = listed
        .iter()
        .map(|l| {
            query_tokens
                .iter()
                .map(|q| token_similarity(q, l))
                .collect()
        })
        .collect();
    let rows: Vec<&[(f32, TokenHow)]> = rows.iter().map(Vec::as_slice).collect();
    align_with(query, qw, &listed, lw, &rows)
}

/// [`align`] with the similarities of the query tokens with listed token `j` given in
/// `rows[j]`, so that a caller comparing one query with many names can compute each distinct
/// token pair once. The listed tokens are references, as a caller may keep them interned.
// Inlined into the screener's loop as it was when it took a closure: called out of line it
// returns its alignment through memory, which cost more than the alignment.
#[inline(always)]
pub(crate) fn align_with(
    query: &[Token],
    qw: &[f32],
    listed: &[&Token],
    lw: &[f32],
    rows: &[&[(f32, TokenHow)]],
) -> StackAlignment {
    let (nq, nl) = (query.len().min(MAX_TOKENS), listed.len().min(MAX_TOKENS));
    let mut buffer = [NO_PAIR; MAX_TOKENS * MAX_TOKENS];
    let mut n = 0;
    // The order pairs are found in does not matter: they are sorted on a total order below.
    for (j, row) in rows[..nl].iter().enumerate() {
        for (i, &(similarity, how)) in row[..nq].iter().enumerate() {
            if similarity > 0.0 {
                // Both below MAX_TOKENS.
                let (query, listed) = (i as u8, j as u8);
                buffer[n] = Pair {
                    query,
                    listed,
                    how,
                    similarity,
                };
                n += 1;
            }
        }
    }
    let candidates = &mut buffer[..n];
    // Best pairs first; among equals the heavier query token, then written order.
    candidates.sort_unstable_by(|a, b| {
        let key = |p: &Pair| p.similarity * (1.0 + qw[usize::from(p.query)] * 1e-3);
        key(b)
            .total_cmp(&key(a))
            .then(a.query.cmp(&b.query))
            .then(a.listed.cmp(&b.listed))
    });
    let (mut q_used, mut l_used) = (0u32, 0u32);
    let mut pairs = [NO_PAIR; MAX_TOKENS];
    let mut np = 0;
    for &mut p in candidates {
        if q_used & (1 << p.query) == 0 && l_used & (1 << p.listed) == 0 {
            q_used |= 1 << p.query;
            l_used |= 1 << p.listed;
            pairs[np] = p;
            np += 1;
        }
    }
    pairs[..np].sort_unstable_by_key(|p| p.query);
    let plain = score(pairs, np, None, &qw[..nq], &lw[..nl]);
    // Gluing costs a new token; it is tried only when it could lift the name to GLUE_WORTH.
    let q_total: f32 = qw[..nq].iter().sum();
    let q_left: f32 = (0..nq)
        .filter(|i| q_used & (1 << i) == 0)
        .map(|i| qw[i])
        .sum();
    let best_case = plain.query_share + q_left / q_total.max(f32::EPSILON);
    if nq == 0 || nl == 0 || best_case < GLUE_WORTH {
        return plain;
    }
    let query: [&Token; MAX_TOKENS] = std::array::from_fn(|i| &query[i.min(nq - 1)]);
    match glue(&query[..nq], q_used, &listed[..nl], l_used) {
        Some(joined) => score(pairs, np, Some(joined), &qw[..nq], &lw[..nl]),
        None => plain,
    }
}

fn score(
    pairs: [Pair; MAX_TOKENS],
    n: usize,
    joined: Option<(u32, u32, f32)>,
    qw: &[f32],
    lw: &[f32],
) -> StackAlignment {
    let q_total: f32 = qw.iter().sum();
    let l_total: f32 = lw.iter().sum();
    let masked = |w: &[f32], mask: u32| -> f32 {
        w.iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, x)| x)
            .sum()
    };
    let (q_glued, l_glued) = joined.map_or((0.0, 0.0), |(qm, lm, s)| {
        (masked(qw, qm) * s, masked(lw, lm))
    });
    let q_matched: f32 = pairs[..n]
        .iter()
        .map(|p| qw[usize::from(p.query)] * p.similarity)
        .sum::<f32>()
        + q_glued;
    let l_matched: f32 = pairs[..n]
        .iter()
        .map(|p| lw[usize::from(p.listed)])
        .sum::<f32>()
        + l_glued;
    let query_share = if q_total > 0.0 {
        q_matched / q_total
    } else {
        0.0
    };
    let listed_share = if l_total > 0.0 {
        l_matched / l_total
    } else {
        0.0
    };
    let score = query_share * (LISTED_SIDE_FLOOR + (1.0 - LISTED_SIDE_FLOOR) * listed_share);
    StackAlignment {
        score,
        pairs,
        n,
        query_share,
        listed_share,
        joined,
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::analyse;
    use super::*;

    fn score(query: &str, listed: &str) -> f32 {
        let (q, l) = (analyse(query).tokens, analyse(listed).tokens);
        align(&q, &vec![1.0; q.len()], &l, &vec![1.0; l.len()]).score
    }

    #[test]
    fn order_and_spelling_do_not_hide_a_name() {
        assert!(score("Saif Al-Adil", "Sayf al-Adl") > 0.9);
        assert!(score("AL-ZAWAHIRI, Ayman", "Ayman al-Zawahiri") > 0.99);
    }

    #[test]
    fn a_shortened_name_keeps_most_of_its_score() {
        let s = score("Osama bin Laden", "Usama bin Muhammad bin Awad bin Ladin");
        assert!((0.8..0.95).contains(&s), "{s}");
    }

    #[test]
    fn words_written_apart_or_together_meet() {
        assert!(score("Sulaiman Abo Ghaith", "Sulaiman Abughaith") > 0.9);
        assert!(score("Ki Mse Gon", "Kim Se Gon") > 0.95);
        assert!(score("سيد أحمد شهيد خيل", "Said Ahmed Shahidkhel") > 0.9);
        assert!(score("Ahmed Hassan Ali", "Ahmed Yusuf Omar") < 0.6);
    }

    #[test]
    fn sharing_one_token_of_two_is_not_a_match() {
        assert!(score("Ahmed Hassan", "Ahmed Yusuf") < 0.6);
    }
}
