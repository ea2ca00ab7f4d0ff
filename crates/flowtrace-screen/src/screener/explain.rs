//! The explanation of a hit: which tokens matched which and how, what neither side matched,
//! the particles set aside and the adjustments.

use super::IndexedName;
use crate::matcher::{Adjustment, Explanation, NameForm, StackAlignment, Token, TokenHow};
use crate::model::ListedName;

/// Whether token `i` is in a mask of token positions (names past 32 tokens have none there).
fn bit(mask: u32, i: usize) -> bool {
    i < 32 && (mask >> i) & 1 == 1
}

pub(super) fn explain(
    form: &NameForm,
    listed: &IndexedName,
    listed_name: &ListedName,
    alignment: &StackAlignment,
    adjustments: Vec<Adjustment>,
) -> Explanation {
    let (q, l) = (&form.tokens, &listed.form.tokens);
    let particles = || form.particles.iter().chain(&listed.form.particles);
    // Every word is written once at most, glued ones with a `+` between them.
    let letters = |tokens: &[Token]| tokens.iter().map(|t| t.text.len() + 1).sum::<usize>();
    let words = letters(q) + letters(l) + particles().map(String::len).sum::<usize>();
    let parts = q.len() + l.len() + 1 + form.particles.len() + listed.form.particles.len();
    let mut explanation = Explanation::with_capacity(
        listed_name.full.clone(),
        listed_name.kind,
        listed_name.quality,
        alignment.score,
        adjustments,
        (words, parts),
    );
    // Pairs index tokens below MAX_TOKENS, so a mask holds them.
    let (mut q_used, mut l_used) = (0u32, 0u32);
    for p in alignment.pairs() {
        q_used |= 1 << p.query;
        l_used |= 1 << p.listed;
        let (query, listed) = (q[p.query].text.as_str(), l[p.listed].text.as_str());
        let once = std::iter::once;
        explanation.push_pair(once(query), once(listed), p.similarity, p.how);
    }
    let (q_glued, l_glued) = alignment.joined().map_or((0, 0), |(qm, lm, _)| (qm, lm));
    if let Some((qm, lm, similarity)) = alignment.joined() {
        explanation.push_pair(chosen(q, qm), chosen(l, lm), similarity, TokenHow::Joined);
    }
    for (i, t) in q.iter().enumerate() {
        if !bit(q_glued | q_used, i) {
            explanation.push_query_only(&t.text);
        }
    }
    for (i, t) in l.iter().enumerate() {
        if !bit(l_glued | l_used, i) {
            explanation.push_listed_only(&t.text);
        }
    }
    for particle in particles() {
        explanation.push_particle(particle);
    }
    explanation
}

/// The texts of the tokens in `mask`, in written order.
fn chosen(tokens: &[Token], mask: u32) -> impl Iterator<Item = &str> {
    let texts = tokens
        .iter()
        .enumerate()
        .filter(move |(i, _)| bit(mask, *i));
    texts.map(|(_, t)| t.text.as_str())
}
