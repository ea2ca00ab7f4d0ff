//! A token's sketch: the few bytes that tell most unlike token pairs apart without reading
//! their letters. A query meets a few dozen distinct listed tokens, scattered over the list's
//! memory; most are other names, and reading each one's record, letters and skeleton cost more
//! than the comparison itself. The sketches of all listed tokens sit in one array.

use super::spelling::{plainly_different_shapes, Shape};
use super::text::{letter_mask, Token};
use super::variants::governs_keys;

/// What [`surely_unlike`] reads of a token.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Sketch {
    shape: Shape,
    /// From a script without short vowels (see [`Token::consonantal`]).
    consonantal: bool,
    /// With a second spelling (see [`Token::unglued`]), which has rules of its own.
    unglued: bool,
    /// A hash of the skeleton: different hashes, different skeletons.
    skeleton: u64,
    /// The skeleton's length and letter mask, which tell most skeletons more than one edit
    /// apart.
    skeleton_len: usize,
    skeleton_letters: u32,
    sound: u64,
    governed: u64,
}

impl Sketch {
    pub(crate) fn of(token: &Token) -> Sketch {
        let skeleton = token
            .skeleton
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325u64, |h, c| {
                (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3)
            });
        Sketch {
            shape: Shape::of(token.text.as_bytes(), token.letters),
            consonantal: token.consonantal,
            unglued: token.unglued.is_some(),
            skeleton,
            skeleton_len: token.skeleton.len(),
            skeleton_letters: letter_mask(token.skeleton.as_bytes()),
            sound: token.sound,
            governed: token.governed,
        }
    }
}

/// Whether [`super::token_similarity`] of query token `a` and listed token `b`, sketched, is
/// certainly 0. Only then: when it cannot tell, it says `false` and the caller compares the
/// tokens. Each test answers one rule of the similarity: equal letters (exact), one skeleton
/// (short syllables, vowels moved, sound-alike spellings, script), an initial, a governed
/// word, a spelling close enough to compare, and a skeleton one edit off (script); a second
/// spelling, or an Arabic-script query word, is left to the similarity.
pub(crate) fn surely_unlike(a: &Sketch, b: &Sketch) -> bool {
    let (x, y) = (a.shape, b.shape);
    if a.unglued || b.unglued || x.letters == y.letters || a.skeleton == b.skeleton {
        return false;
    }
    // Within one edit, each word has at most one letter the other lacks.
    let one_letter_off = |m: u32, n: u32| (m & !n).count_ones() <= 1 && (n & !m).count_ones() <= 1;
    match (a.consonantal, b.consonantal) {
        (false, false) => {
            let initial = x.len == 1 && y.len > 1 && x.head[0] == y.head[0];
            let governed = governs_keys(a.governed, (b.governed, y.len, b.sound))
                || governs_keys(b.governed, (a.governed, x.len, a.sound));
            let perhaps_one_edit = || one_letter_off(x.letters, y.letters);
            !initial && !governed && plainly_different_shapes(x, y, perhaps_one_edit)
        }
        // A Latin word against an Arabic-script one: only their skeletons are compared, equal
        // or, from four letters, one edit apart.
        (false, true) => {
            let (m, n) = (a.skeleton_len, b.skeleton_len);
            m.min(n) < 4
                || m.abs_diff(n) > 1
                || !one_letter_off(a.skeleton_letters, b.skeleton_letters)
        }
        (true, _) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::similar::token_similarity;
    use super::super::text::analyse;
    use super::*;

    #[test]
    fn a_pair_told_unlike_never_matches() {
        let names = "Mohammed Muhammad Mohamed Zawahiri Zawahri Zauahri Hassan Hussein Hasan \
            Yusuf Abc Abdul Karim Abdkareem Sarman Salman Oriental Orietna Lased Lesid Bedun \
            Bidon Omar Amir Redha Reza Iadhid Yazid Abou Zeid Zeid Abu Ali Abo Eli R Ri Kim Kem \
            Albaghdadi Baghdadi Abd al-Rahman Rahman Saeed Sayed Aghanani Aghajani Kmng Kang \
            Ahmad Ahmed Mahmud Usama Osama Usamah Sayf Saif Seif Adl Adel Ould Kuld Bne \
            Shamil Basaev Mukhammad Ab Abo Ghaith Abughaith Jr Sr AAAAAA AAAAAB Hafed Hafez \
            Salih Azhar Barich Lakhal Mhmd Hsn Sif Adl \
            محمد حسن سيف العدل أسامة حافظ صالح أزهر بريخ لكحل الجماعة";
        let tokens = analyse(names).tokens;
        let mut unlike = 0;
        for a in &tokens {
            for b in &tokens {
                if surely_unlike(&Sketch::of(a), &Sketch::of(b)) {
                    unlike += 1;
                    let (s, _) = token_similarity(a, b);
                    assert_eq!(s, 0.0, "{} {}", a.text, b.text);
                }
            }
        }
        assert!(unlike > tokens.len() * tokens.len() / 2, "{unlike}");
    }
}
