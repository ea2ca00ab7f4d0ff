//! Spelling similarity of two ASCII words, and the cheap test that tells most unalike words
//! apart from their lengths and letter masks before reading them.

use super::byte_similarity::{
    jaro_winkler, jaro_winkler_bound, jaro_winkler_from, within_one_edit,
};
use super::similar::{TokenHow, SHORT_VOWELS, TOKEN_FLOOR};
use super::text::Token;

/// Two short syllables with one skeleton, read with other vowels.
fn short_vowel_variants(x: &[u8], y: &[u8]) -> bool {
    let ascii = |w: &[u8]| std::str::from_utf8(w).map(super::skeleton::skeleton);
    matches!((ascii(x), ascii(y)), (Ok(p), Ok(q)) if p == q && !p.is_empty())
}

/// Whether [`spelling`] would find two words unalike, told from their lengths and letter masks
/// without reading them: most token pairs a query meets are different names.
pub(super) fn plainly_different(a: &Token, b: &Token) -> bool {
    plainly_different_words(a.text.as_bytes(), a.letters, b.text.as_bytes(), b.letters)
}

/// [`plainly_different`] for two words and their letter masks (see [`Token::letters`]).
pub(crate) fn plainly_different_words(x: &[u8], mx: u32, y: &[u8], my: u32) -> bool {
    let one_edit = || within_one_edit(x, y);
    plainly_different_shapes(Shape::of(x, mx), Shape::of(y, my), one_edit)
}

/// What [`plainly_different`] reads of a word: its length, letter mask and first four bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Shape {
    pub(crate) len: usize,
    pub(crate) letters: u32,
    /// The first four bytes, zeros after a shorter word's end.
    pub(crate) head: [u8; 4],
}

impl Shape {
    pub(crate) fn of(word: &[u8], letters: u32) -> Shape {
        // Byte by byte: a copy of a length known only at run time is a call to memcpy.
        let head = std::array::from_fn(|i| word.get(i).copied().unwrap_or(0));
        Shape {
            len: word.len(),
            letters,
            head,
        }
    }

    /// How many of the first four letters two words share, in order.
    fn common_prefix(self, other: Shape) -> usize {
        let equal = self.head.iter().zip(&other.head);
        let shared = equal.take_while(|(x, y)| x == y).count();
        shared.min(self.len).min(other.len)
    }
}

/// [`plainly_different`] told from two words' shapes; `one_edit` says whether the words are
/// within one edit, and is asked only when their lengths are (a caller without the letters
/// may answer "perhaps", `true`, and get "not plainly" back).
pub(crate) fn plainly_different_shapes(
    x: Shape,
    y: Shape,
    one_edit: impl FnOnce() -> bool,
) -> bool {
    let heads = x.len > 5
        && y.len > 5
        && x.head[..3] == y.head[..3]
        && matches!(&x.head[..3], b"abd" | b"abu");
    if heads {
        return false;
    }
    if x.len.min(y.len) <= 2 {
        return true;
    }
    // Each letter one word has and the other lacks takes at least one of its positions out of
    // the matches Jaro can count.
    let only = |m: u32, n: u32, len: usize| len - ((m & !n).count_ones() as usize).min(len);
    let matches = only(x.letters, y.letters, x.len).min(only(y.letters, x.letters, y.len));
    let bound = jaro_winkler_from(matches as f32, (x.len, y.len), x.common_prefix(y));
    bound < TOKEN_FLOOR && !(x.len.abs_diff(y.len) <= 1 && one_edit())
}

/// Spelling similarity of two ASCII words: a one-edit typo in a word of five or more letters
/// counts as 0.92, otherwise Jaro-Winkler; words of two letters or less must be equal.
pub(super) fn spelling(a: &[u8], b: &[u8]) -> (f32, TokenHow) {
    if a == b {
        return (1.0, TokenHow::Exact);
    }
    // Abd- and Abu- compounds compare by the governed word: Abdkhaliq is not Abdmalik; a
    // short one is a syllable read with other vowels (Abu Ali, Abo Eli).
    for head in [&b"abd"[..], b"abu"] {
        if a.len() > 5 && b.len() > 5 && a.starts_with(head) && b.starts_with(head) {
            let (x, y) = (&a[3..], &b[3..]);
            if x.len() == y.len() && x.len() <= 3 && short_vowel_variants(x, y) {
                return (SHORT_VOWELS, TokenHow::Spelling);
            }
            return spelling(x, y);
        }
    }
    let short = a.len().min(b.len());
    if short <= 2 {
        return (0.0, TokenHow::Spelling);
    }
    if jaro_winkler_bound(a, b) < TOKEN_FLOOR && !within_one_edit(a, b) {
        return (0.0, TokenHow::Spelling);
    }
    let jw = jaro_winkler(a, b);
    if short >= 4 && within_one_edit(a, b) {
        return (jw.max(if short >= 5 { 0.92 } else { 0.86 }), TokenHow::Typo);
    }
    // Short words share letters by chance (Mati, Mahdi): they need more than long ones.
    let jw = if short <= 4 { jw - 0.05 } else { jw };
    (jw, TokenHow::Spelling)
}

#[cfg(test)]
mod tests {
    use super::super::text::token;
    use super::*;

    #[test]
    fn the_mask_shortcut_never_rejects_what_spelling_accepts() {
        let words = [
            "mohammed",
            "muhammad",
            "zawahiri",
            "zawahri",
            "hassan",
            "hussein",
            "yusuf",
            "abc",
            "abdkarim",
            "abdkareem",
            "sarman",
            "salman",
            "oriental",
            "orietna",
            "lased",
        ];
        for a in words {
            for b in words {
                let (ta, tb) = (token(a.into(), false), token(b.into(), false));
                if plainly_different(&ta, &tb) {
                    assert!(
                        spelling(a.as_bytes(), b.as_bytes()).0 < TOKEN_FLOOR,
                        "{a} {b}"
                    );
                }
            }
        }
    }
}
