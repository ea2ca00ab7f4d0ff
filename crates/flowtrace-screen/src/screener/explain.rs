//! The explanation of a hit: which tokens matched which and how, what neither side matched,
//! the particles set aside and the adjustments.

use super::IndexedName;
use crate::matcher::{Alignment, Explanation, NameForm, TokenHow};

/// Whether token `i` is in a mask of token positions (names past 32 tokens have none there).
fn bit(mask: u32, i: usize) -> bool {
    i < 32 && (mask >> i) & 1 == 1
}

pub(super) fn explain(
    form: &NameForm,
    listed: &IndexedName,
    listed_name: &crate::model::ListedName,
    alignment: &Alignment,
    adjustments: Vec<crate::matcher::Adjustment>,
) -> Explanation {
    let (q, l) = (&form.tokens, &listed.form.tokens);
    let mut pairs: Vec<_> = alignment
        .pairs
        .iter()
        .map(|p| {
            (
                q[p.query].text.clone(),
                l[p.listed].text.clone(),
                p.similarity,
                p.how,
            )
        })
        .collect();
    let (q_glued, l_glued) = alignment.joined.map_or((0, 0), |(qm, lm, _)| (qm, lm));
    let glued = |tokens: &[crate::matcher::Token], mask: u32| {
        let chosen = tokens.iter().enumerate().filter(|(i, _)| bit(mask, *i));
        chosen
            .map(|(_, t)| t.text.as_str())
            .collect::<Vec<_>>()
            .join("+")
    };
    if let Some((qm, lm, similarity)) = alignment.joined {
        pairs.push((glued(q, qm), glued(l, lm), similarity, TokenHow::Joined));
    }
    let unmatched = |tokens: &[crate::matcher::Token], used: &dyn Fn(usize) -> bool| {
        let free = tokens.iter().enumerate().filter(|(i, _)| !used(*i));
        free.map(|(_, t)| t.text.clone()).collect()
    };
    let particles = form.particles.iter().chain(&listed.form.particles);
    Explanation {
        matched_name: listed_name.full.clone(),
        kind: listed_name.kind,
        quality: listed_name.quality,
        pairs,
        unmatched_query: unmatched(q, &|i| {
            bit(q_glued, i) || alignment.pairs.iter().any(|p| p.query == i)
        }),
        unmatched_listed: unmatched(l, &|i| {
            bit(l_glued, i) || alignment.pairs.iter().any(|p| p.listed == i)
        }),
        particles: particles.cloned().collect(),
        name_score: alignment.score,
        adjustments,
    }
}
