//! Left-over tokens glued together: words one record writes apart and another as one (Abu
//! Ghaith / Abughaith, Kim Se / Ki Mse, شهيد خيل / Shahidkhel) meet once the tokens no pair took
//! on each side are joined in written order and compared as one word.

use super::similar::{token_similarity, TOKEN_FLOOR};
use super::spelling::plainly_different_words;
use super::text::{token, Token};

/// Glued left-overs are compared only when matching them could bring the score to this: below
/// it no threshold worth screening at is reached.
pub(super) const GLUE_WORTH: f32 = 0.7;

/// The left-over tokens of each side glued in written order and compared, when one side has
/// at least two of them (two single left-overs were compared already).
pub(super) fn glue(
    query: &[&Token],
    q_used: u32,
    listed: &[&Token],
    l_used: u32,
) -> Option<(u32, u32, f32)> {
    let free = |tokens: &[&Token], used: u32| -> u32 {
        (0..tokens.len())
            .filter(|i| used & (1 << i) == 0)
            .fold(0, |m, i| m | 1 << i)
    };
    let (qf, lf) = (free(query, q_used), free(listed, l_used));
    if qf == 0 || lf == 0 || (qf.count_ones() < 2 && lf.count_ones() < 2) {
        return None;
    }
    // Most left-overs are plainly different names: their lengths alone tell, before any
    // token is built. Arabic script writes no short vowels, so its side may be much shorter.
    let length = |tokens: &[&Token], mask: u32| -> (usize, bool) {
        let chosen = tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0);
        chosen.fold((0, false), |(n, c), (_, t)| {
            (n + t.text.len(), c || t.consonantal)
        })
    };
    let ((ql, qc), (ll, lc)) = (length(query, qf), length(listed, lf));
    let near = match (qc, lc) {
        (false, false) => ql.abs_diff(ll) <= 2,
        (true, false) => (ql..=2 * ql + 2).contains(&ll),
        (false, true) => (ll..=2 * ll + 2).contains(&ql),
        (true, true) => ql.abs_diff(ll) <= 1,
    };
    if !near {
        return None;
    }
    if !qc && !lc && plainly_apart(query, qf, listed, lf) {
        return None;
    }
    let glued = |tokens: &[&Token], mask: u32| -> Token {
        let chosen = tokens
            .iter()
            .enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0);
        let (mut text, mut consonantal) = (String::new(), false);
        for (_, t) in chosen {
            text.push_str(&t.text);
            consonantal |= t.consonantal;
        }
        token(text, consonantal)
    };
    let (q, l) = (glued(query, qf), glued(listed, lf));
    // Glued words are long: only a near spelling counts (no glued-article alternative).
    let (similarity, _) = token_similarity(&q, &l);
    (similarity >= TOKEN_FLOOR).then_some((qf, lf, similarity))
}

/// Whether the glued left-overs (of a script with vowels) are plainly different words, told
/// on the stack before building their tokens: what [`token_similarity`] would say of them
/// when neither is short or starts with a glued article (those have other rules).
fn plainly_apart(query: &[&Token], q_mask: u32, listed: &[&Token], l_mask: u32) -> bool {
    let glue = |tokens: &[&Token], mask: u32, buffer: &mut [u8; 64]| -> Option<(usize, u32)> {
        let (mut n, mut letters) = (0, 0);
        for (i, t) in tokens.iter().enumerate() {
            if mask & (1 << i) != 0 {
                let end = n + t.text.len();
                buffer.get_mut(n..end)?.copy_from_slice(t.text.as_bytes());
                n = end;
                letters |= t.letters;
            }
        }
        let word = &buffer[..n];
        let article = n >= 6 && (word.starts_with(b"al") || word.starts_with(b"el"));
        (n > 3 && !article).then_some((n, letters))
    };
    let (mut qb, mut lb) = ([0u8; 64], [0u8; 64]);
    let (Some((qn, qm)), Some((ln, lm))) =
        (glue(query, q_mask, &mut qb), glue(listed, l_mask, &mut lb))
    else {
        return false;
    };
    plainly_different_words(&qb[..qn], qm, &lb[..ln], lm)
}
