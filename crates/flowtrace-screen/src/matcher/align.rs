//! Scores one name against another by aligning their tokens, in any order: every query token
//! finds its best partner among the listed name's tokens (greedily, best pairs first, each
//! token used once), and rare tokens count for more than common ones (Mohammed tells little,
//! Zawahiri a lot).

use super::similar::{token_similarity, TokenHow};
use super::text::Token;

/// How much a listed name's own unmatched tokens lower the score. Lists give long genealogical
/// names (Usama bin Muhammad bin Awad bin Ladin) that queries shorten, so the query's side
/// decides most of the score: with 0.8, matching half of the listed name's weight still
/// keeps 90% of the query's score.
pub const LISTED_SIDE_FLOOR: f32 = 0.8;

/// Names longer than this many tokens compare their first ones only.
const MAX_TOKENS: usize = 12;

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
}

/// Aligns `query` (token weights `qw`) with `listed` (weights `lw`).
pub fn align(query: &[Token], qw: &[f32], listed: &[Token], lw: &[f32]) -> Alignment {
    let (nq, nl) = (query.len().min(MAX_TOKENS), listed.len().min(MAX_TOKENS));
    // On the stack: a query scores a few dozen names, and a heap buffer each was a tenth of
    // its time.
    let mut buffer = [TokenPair {
        query: 0,
        listed: 0,
        similarity: 0.0,
        how: TokenHow::Exact,
    }; MAX_TOKENS * MAX_TOKENS];
    let mut n = 0;
    for (i, q) in query[..nq].iter().enumerate() {
        for (j, l) in listed[..nl].iter().enumerate() {
            let (similarity, how) = token_similarity(q, l);
            if similarity > 0.0 {
                buffer[n] = TokenPair {
                    query: i,
                    listed: j,
                    similarity,
                    how,
                };
                n += 1;
            }
        }
    }
    let candidates = &mut buffer[..n];
    // Best pairs first; among equals the heavier query token, then written order.
    candidates.sort_unstable_by(|a, b| {
        let key = |p: &TokenPair| p.similarity * (1.0 + qw[p.query] * 1e-3);
        key(b)
            .total_cmp(&key(a))
            .then(a.query.cmp(&b.query))
            .then(a.listed.cmp(&b.listed))
    });
    let (mut q_used, mut l_used) = (0u32, 0u32);
    let mut pairs = Vec::with_capacity(nq.min(nl));
    for &mut p in candidates {
        if q_used & (1 << p.query) == 0 && l_used & (1 << p.listed) == 0 {
            q_used |= 1 << p.query;
            l_used |= 1 << p.listed;
            pairs.push(p);
        }
    }
    pairs.sort_by_key(|p| p.query);
    score(pairs, &qw[..nq], &lw[..nl])
}

fn score(pairs: Vec<TokenPair>, qw: &[f32], lw: &[f32]) -> Alignment {
    let q_total: f32 = qw.iter().sum();
    let l_total: f32 = lw.iter().sum();
    let q_matched: f32 = pairs.iter().map(|p| qw[p.query] * p.similarity).sum();
    let l_matched: f32 = pairs.iter().map(|p| lw[p.listed]).sum();
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
    Alignment {
        score,
        pairs,
        query_share,
        listed_share,
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
    fn sharing_one_token_of_two_is_not_a_match() {
        assert!(score("Ahmed Hassan", "Ahmed Yusuf") < 0.6);
    }
}
