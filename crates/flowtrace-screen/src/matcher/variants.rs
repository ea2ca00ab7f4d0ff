//! Two kinds of variant that letter-by-letter similarity misses, tried only when cheaper tests
//! point at them: spellings that transliterate one word by different conventions (Redha /
//! Reza, Iadhid / Yazid, Saeed / Sayed), and an Abu- or Abd- compound against the word it
//! governs written alone (Abou Zeid / Zeid), which records shorten.

use super::text::Token;

/// One spelling for the sounds transliterations write differently: ذ ظ ض as dh or z, ث as th
/// or s, خ as kh or h, غ as gh or g, ق as q, k or c, ج as j, dj or dzh, the vowels e / i and
/// o / u / ou / w, y as i, a doubled letter as one, and a final h after a vowel (ta marbuta)
/// as nothing. Lowercase ASCII in; written into `out`, whose used length is returned (words
/// longer than `out` are cut).
pub(crate) fn phonetic_into(word: &[u8], out: &mut [u8; 48]) -> usize {
    let b = word;
    let mut n = 0;
    let mut i = 0;
    while i < b.len() && n < out.len() {
        let rest = &b[i..];
        let (sound, used) = match rest {
            [b'd', b'z', b'h', ..] => (b'j', 3),
            [b'd', b'j', ..] => (b'j', 2),
            [b'd', b'h', ..] | [b'z', b'h', ..] => (b'z', 2),
            [b't', b'h', ..] => (b's', 2),
            [b'k', b'h', ..] => (b'h', 2),
            [b'g', b'h', ..] => (b'g', 2),
            [b'p', b'h', ..] => (b'f', 2),
            [b's', b'h', ..] | [b'c', b'h', ..] => (b'x', 2),
            [b'c', b'k', ..] => (b'k', 2),
            [b'h'] if i > 0 && matches!(b[i - 1], b'a' | b'e') => break,
            [c, ..] => (
                match c {
                    b'e' | b'y' => b'i',
                    b'o' | b'w' => b'u',
                    b'q' | b'c' => b'k',
                    _ => *c,
                },
                1,
            ),
            [] => break,
        };
        if n == 0 || out[n - 1] != sound {
            out[n] = sound;
            n += 1;
        }
        i += used;
    }
    n
}

/// A hash of a word's [`phonetic_into`] spelling, never 0: two words with one spelling have
/// one key (and two with different ones almost never do), so a token computes it once and
/// comparisons read it.
pub(crate) fn sound_key(word: &str) -> u64 {
    let mut buffer = [0u8; 48];
    let n = phonetic_into(word.as_bytes(), &mut buffer);
    let hash = buffer[..n].iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &c| {
        (h ^ u64::from(c)).wrapping_mul(0x100_0000_01b3)
    });
    hash | 1
}

/// The [`sound_key`] of the word an Abu- or Abd- compound governs (as the tokeniser writes
/// them: `abuzeid`, `abdrahman`), or 0 for any other word.
pub(crate) fn governed_key(word: &str) -> u64 {
    let compound = word.len() >= 6 && (word.starts_with("abu") || word.starts_with("abd"));
    if compound {
        sound_key(&word[3..])
    } else {
        0
    }
}

/// Whether a token is an Abu- or Abd- compound whose governed word is `other`, spelt alike:
/// Abou Zeid and Zeid, Abd al-Rahman and Rahman. The compound names someone else (the father
/// of Zeid, the servant of the Merciful), so a caller scores this well below a match.
pub(crate) fn governs(compound: &Token, other: &Token) -> bool {
    let other_keys = (other.governed, other.text.len(), other.sound);
    governs_keys(compound.governed, other_keys)
}

/// [`governs`] told from the compound's governed key and the other word's governed key,
/// length and sound key.
pub(crate) fn governs_keys(compound: u64, (governed, len, sound): (u64, usize, u64)) -> bool {
    compound != 0 && governed == 0 && len >= 3 && compound == sound
}

#[cfg(test)]
mod tests {
    use super::super::text::token;
    use super::*;

    fn sound_alike(a: &str, b: &str) -> bool {
        sound_key(a) == sound_key(b)
    }

    fn governs_word(compound: &str, other: &str) -> bool {
        governs(&token(compound.into(), false), &token(other.into(), false))
    }

    #[test]
    fn transliterations_of_one_word_meet() {
        assert!(sound_alike("redha", "reza"));
        assert!(sound_alike("iadhid", "yazid"));
        assert!(sound_alike("saeed", "sayed"));
        assert!(sound_alike("usamah", "osama"));
        assert!(!sound_alike("omar", "amir"));
        assert!(!sound_alike("mahmud", "muhammad"));
    }

    #[test]
    fn a_compound_governs_its_word_alone() {
        assert!(governs_word("abuzeid", "zeid"));
        assert!(governs_word("abumohamed", "mohamed"));
        assert!(governs_word("abdrahman", "rahman"));
        assert!(!governs_word("abuzeid", "abuzeid"));
        assert!(!governs_word("abuzeid", "zaid"));
    }
}
