//! How alike two tokens are, and why. Jaro-Winkler and the one-edit test are written here on
//! bytes with fixed stack buffers rather than taken from a crate: the general ones work on
//! `char`s and allocate per call, and a query compares dozens of token pairs in its 50 µs.

use super::consonants::arabic_latin_similarity;
use super::text::Token;
use super::variants::governs;

/// Token pairs below this similarity do not match at all.
pub const TOKEN_FLOOR: f32 = 0.80;

/// The least similarity of two spellings with one consonant skeleton.
const VOWELS_ONLY: f32 = 0.92;

/// Two syllables of three letters or less with one skeleton (Ri / Re, Ali / Eli).
const SHORT_VOWELS: f32 = 0.85;

/// An initial and a word it begins.
const INITIAL: f32 = 0.85;

/// An Abu- or Abd- compound and the word it governs written alone (Abou Zeid / Zeid): kept
/// low enough that a name of that word alone does not reach the threshold against the
/// compound's holder without another token.
const GOVERNED: f32 = 0.85;

/// Why two tokens were taken to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenHow {
    /// The same letters.
    Exact,
    /// One letter inserted, deleted, replaced, or two swapped.
    Typo,
    /// Jaro-Winkler similarity of the spellings.
    Spelling,
    /// The same consonant skeleton, one side from a script without short vowels.
    Script,
    /// Alike once a glued article is taken off (Albaghdadi / Baghdadi).
    Article,
    /// Words one side writes apart and the other together, compared glued (Abo Ghaith /
    /// Abughaith).
    Joined,
    /// An initial and a word it begins.
    Initial,
    /// An Abu- or Abd- compound and the word it governs, alone.
    Governed,
}

impl TokenHow {
    /// A short word for the explanation.
    pub fn word(self) -> &'static str {
        match self {
            TokenHow::Exact => "exact",
            TokenHow::Typo => "typo",
            TokenHow::Spelling => "spelling",
            TokenHow::Script => "script",
            TokenHow::Article => "article",
            TokenHow::Joined => "joined",
            TokenHow::Initial => "initial",
            TokenHow::Governed => "governed",
        }
    }
}

/// Similarity of query token `a` and listed token `b` in 0..=1 (0 below [`TOKEN_FLOOR`]) and
/// how it was found. Symmetric except for an Arabic-script query word against a Latin one.
pub fn token_similarity(a: &Token, b: &Token) -> (f32, TokenHow) {
    let (s, how) = plain_similarity(a, b);
    if s >= 0.99 {
        return (s, how);
    }
    let alt = [
        (a.unglued.as_deref(), Some(b.text.as_str())),
        (Some(a.text.as_str()), b.unglued.as_deref()),
    ]
    .into_iter()
    .filter_map(|(x, y)| Some((x?, y?)))
    .map(|(x, y)| spelling(x.as_bytes(), y.as_bytes()).0 * 0.97)
    .fold(0.0f32, f32::max);
    if alt > s && alt >= TOKEN_FLOOR {
        return (alt, TokenHow::Article);
    }
    (s, how)
}

fn plain_similarity(a: &Token, b: &Token) -> (f32, TokenHow) {
    if a.text == b.text {
        return (1.0, TokenHow::Exact);
    }
    // Short syllables (Korean Ri / Re, Kim / Kem, Ali / Eli) that differ in a vowel only.
    let short = a.text.len().max(b.text.len()) <= 3 && a.text.len() == b.text.len();
    if short && a.skeleton == b.skeleton && !a.consonantal && !b.consonantal {
        return (SHORT_VOWELS, TokenHow::Spelling);
    }
    // A query's initial stands for any word it begins (R. Chun Hwan, Ri Chun Hwan); it weighs
    // least (see the screener), so it confirms a name rather than makes one.
    let initial = |x: &Token, y: &Token| {
        x.text.len() == 1
            && y.text.len() > 1
            && !y.consonantal
            && y.text.as_bytes()[0] == x.text.as_bytes()[0]
    };
    // Only the query's initials: a listed initial (Ahmed Abdullah S al-Zahrani) says too
    // little to stand for a whole query word, which weighs as much as its rarity.
    if initial(a, b) {
        return (INITIAL, TokenHow::Initial);
    }
    if a.consonantal || b.consonantal {
        return script_similarity(a, b);
    }
    if same_consonants(a, b) {
        let (s, how) = spelling(a.text.as_bytes(), b.text.as_bytes());
        return if s >= VOWELS_ONLY {
            (s, how)
        } else {
            (VOWELS_ONLY, TokenHow::Spelling)
        };
    }
    if governs(a, b) || governs(b, a) {
        return (GOVERNED, TokenHow::Governed);
    }
    // One word by two transliteration conventions (Redha / Reza, Iadhid / Yazid): the sound
    // keys are compared first, as few pairs share one.
    let sound_alike = || a.sound == b.sound && a.skeleton == b.skeleton;
    if plainly_different(a, b) {
        let s = if sound_alike() { VOWELS_ONLY } else { 0.0 };
        return (s, TokenHow::Spelling);
    }
    let (mut s, how) = spelling(a.text.as_bytes(), b.text.as_bytes());
    if s < VOWELS_ONLY {
        // Spellings that differ in vowels only (Sayf, Saif, Seif) are one name.
        if s >= TOKEN_FLOOR && a.skeleton == b.skeleton && a.skeleton.len() >= 2 {
            s = VOWELS_ONLY;
        } else if sound_alike() {
            return (VOWELS_ONLY, TokenHow::Spelling);
        }
    }
    if s >= TOKEN_FLOOR {
        (s, how)
    } else {
        (0.0, how)
    }
}

/// Arabic script against anything: only the skeletons can be compared.
fn script_similarity(a: &Token, b: &Token) -> (f32, TokenHow) {
    let (x, y) = (a.skeleton.as_bytes(), b.skeleton.as_bytes());
    if x == y && !x.is_empty() {
        // A skeleton of one or two consonants fits many names.
        let s = if x.len() >= 3 { 0.93 } else { 0.84 };
        return (s, TokenHow::Script);
    }
    let s: f32 = if x.len().min(y.len()) >= 4 && within_one_edit(x, y) {
        0.86
    } else {
        0.0
    };
    // An Arabic-script query word against a Latin listed one: align the Latin spelling with
    // the Arabic consonants, which tells more than the skeleton (see `consonants`). Only in
    // that direction: a Latin query meets an Arabic listed name's Latin names too, and
    // aligning it with every Arabic listed word it meets would cost every query.
    let aligned = if a.consonantal && !b.consonantal {
        arabic_latin_similarity(&a.text, &b.text)
    } else {
        0.0
    };
    (s.max(aligned), TokenHow::Script)
}

/// Words of five letters or more with one skeleton of three consonants or more, whose
/// Jaro-Winkler similarity is at least 0.7: vowels moved rather than changed (Lesid / Lased,
/// Bedun / Bidon, Muhemed / Mohamed), which Jaro's matching window misses. Shorter words or
/// skeletons fit too many names (Omar / Amir), and so do Abu- or Abd- compounds of them (Abu
/// Omar / Abu Amir): their head is not counted.
fn same_consonants(a: &Token, b: &Token) -> bool {
    let (mut consonants, mut shorter) = (
        a.skeleton.trim_start_matches('a').len(),
        a.text.len().min(b.text.len()),
    );
    if a.governed != 0 && b.governed != 0 {
        consonants = consonants.saturating_sub(if a.text.starts_with("abd") { 2 } else { 1 });
        shorter -= 3;
    }
    a.skeleton == b.skeleton
        && consonants >= 3
        && shorter >= 5
        && jaro_winkler(a.text.as_bytes(), b.text.as_bytes()) >= 0.7
}

/// Two short syllables with one skeleton, read with other vowels.
fn short_vowel_variants(x: &[u8], y: &[u8]) -> bool {
    let ascii = |w: &[u8]| std::str::from_utf8(w).map(super::skeleton::skeleton);
    matches!((ascii(x), ascii(y)), (Ok(p), Ok(q)) if p == q && !p.is_empty())
}

/// Whether [`spelling`] would find two words unalike, told from their lengths and letter masks
/// without reading them: most token pairs a query meets are different names.
fn plainly_different(a: &Token, b: &Token) -> bool {
    plainly_different_words(a.text.as_bytes(), a.letters, b.text.as_bytes(), b.letters)
}

/// [`plainly_different`] for two words and their letter masks (see [`Token::letters`]).
pub(crate) fn plainly_different_words(x: &[u8], mx: u32, y: &[u8], my: u32) -> bool {
    let heads =
        x.len() > 5 && y.len() > 5 && x[..3] == y[..3] && matches!(&x[..3], b"abd" | b"abu");
    if heads {
        return false;
    }
    let one_edit = |x: &[u8], y: &[u8]| x.len().abs_diff(y.len()) <= 1 && within_one_edit(x, y);
    if x.len().min(y.len()) <= 2 {
        return true;
    }
    // Each letter one word has and the other lacks takes at least one of its positions out of
    // the matches Jaro can count.
    let only = |m: u32, n: u32, len: usize| len - ((m & !n).count_ones() as usize).min(len);
    let matches = only(mx, my, x.len()).min(only(my, mx, y.len()));
    jaro_winkler_from(matches as f32, x, y) < TOKEN_FLOOR && !one_edit(x, y)
}

/// Spelling similarity of two ASCII words: a one-edit typo in a word of five or more letters
/// counts as 0.92, otherwise Jaro-Winkler; words of two letters or less must be equal.
fn spelling(a: &[u8], b: &[u8]) -> (f32, TokenHow) {
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

/// Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4) of two byte strings of at most
/// 64 bytes each; longer ones compare their first 64.
pub fn jaro_winkler(a: &[u8], b: &[u8]) -> f32 {
    let (a, b) = (&a[..a.len().min(64)], &b[..b.len().min(64)]);
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let window = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_hit, mut b_hit) = ([false; 64], [false; 64]);
    let mut matches = 0usize;
    for (i, &c) in a.iter().enumerate() {
        let lo = i.saturating_sub(window);
        let hi = (i + window + 1).min(b.len());
        for j in lo..hi {
            if !b_hit[j] && b[j] == c {
                a_hit[i] = true;
                b_hit[j] = true;
                matches += 1;
                break;
            }
        }
    }
    if matches == 0 {
        return 0.0;
    }
    let mut transpositions = 0usize;
    let mut j = 0;
    for (i, &c) in a.iter().enumerate() {
        if a_hit[i] {
            while !b_hit[j] {
                j += 1;
            }
            if c != b[j] {
                transpositions += 1;
            }
            j += 1;
        }
    }
    let m = matches as f32;
    let t = (transpositions / 2) as f32;
    let jaro = (m / a.len() as f32 + m / b.len() as f32 + (m - t) / m) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f32 * 0.1 * (1.0 - jaro)
}

/// An upper bound of [`jaro_winkler`] from the letters the two words share at all, cheap
/// enough to skip most pairs of unrelated words before the real computation.
fn jaro_winkler_bound(a: &[u8], b: &[u8]) -> f32 {
    let mask = |s: &[u8]| s.iter().fold(0u32, |m, &c| m | 1 << (c & 31));
    let (ma, mb) = (mask(a), mask(b));
    let shared = |s: &[u8], m: u32| s.iter().filter(|&&c| m & (1 << (c & 31)) != 0).count();
    let m = shared(a, mb).min(shared(b, ma)) as f32;
    jaro_winkler_from(m, a, b)
}

/// The Jaro-Winkler similarity `a` and `b` would have with `m` matches and no transpositions:
/// an upper bound when `m` is one of the number of matches.
fn jaro_winkler_from(m: f32, a: &[u8], b: &[u8]) -> f32 {
    if m == 0.0 {
        return 0.0;
    }
    let jaro = (m / a.len() as f32 + m / b.len() as f32 + 1.0) / 3.0;
    let prefix = a.iter().zip(b).take(4).take_while(|(x, y)| x == y).count();
    jaro + prefix as f32 * 0.1 * (1.0 - jaro)
}

/// Whether `b` is `a` with one byte inserted, deleted or replaced, or two neighbours swapped.
pub fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let start = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if start == long.len() {
        return true;
    }
    if short.len() == long.len() {
        let swapped = start + 1 < short.len()
            && short[start] == long[start + 1]
            && short[start + 1] == long[start]
            && short[start + 2..] == long[start + 2..];
        swapped || short[start + 1..] == long[start + 1..]
    } else {
        short[start..] == long[start + 1..]
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::token;
    use super::*;

    fn sim(a: &str, b: &str) -> (f32, TokenHow) {
        token_similarity(&token(a.into(), false), &token(b.into(), false))
    }

    #[test]
    fn jaro_winkler_matches_the_textbook_values() {
        assert!((jaro_winkler(b"martha", b"marhta") - 0.961).abs() < 0.001);
        assert!((jaro_winkler(b"dixon", b"dicksonx") - 0.813).abs() < 0.001);
        assert_eq!(jaro_winkler(b"abc", b"xyz"), 0.0);
    }

    #[test]
    fn the_bound_is_never_below_the_similarity() {
        let words = [
            "mohammed", "muhammad", "ali", "alia", "zawahiri", "hassan", "hussein", "abc",
        ];
        for a in words {
            for b in words {
                let (a, b) = (a.as_bytes(), b.as_bytes());
                assert!(jaro_winkler_bound(a, b) >= jaro_winkler(a, b) - 1e-6);
            }
        }
    }

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

    #[test]
    fn vowels_moved_in_a_long_word_are_one_name() {
        assert_eq!(sim("lesid", "lased").0, VOWELS_ONLY);
        assert_eq!(sim("bedun", "bidon").0, VOWELS_ONLY);
        assert_eq!(sim("omar", "amir").0, 0.0, "too short to trust");
        // The governed syllables meet as Ali / Eli do; then the whole words' one skeleton
        // lifts them as Sayf / Saif.
        assert_eq!(sim("abueli", "abuali").0, VOWELS_ONLY);
        assert_eq!(sim("abuomar", "abuamir").0, 0.0);
        assert_eq!(sim("r", "ri"), (INITIAL, TokenHow::Initial));
        assert_eq!(sim("r", "kim").0, 0.0);
        assert_eq!(sim("redha", "reza").0, VOWELS_ONLY);
        assert_eq!(sim("zeid", "abuzeid"), (GOVERNED, TokenHow::Governed));
    }

    #[test]
    fn one_edit_covers_insert_delete_replace_and_swap() {
        assert!(within_one_edit(b"zawahiri", b"zawahri"));
        assert!(within_one_edit(b"zawahiri", b"zawahirii"));
        assert!(within_one_edit(b"zawahiri", b"zawaheri"));
        assert!(within_one_edit(b"zawahiri", b"zawhairi"));
        assert!(!within_one_edit(b"zawahiri", b"zwhairi"));
    }

    #[test]
    fn tokens_say_how_they_match() {
        assert_eq!(sim("adl", "adl"), (1.0, TokenHow::Exact));
        assert_eq!(sim("zawahiri", "zawahri").1, TokenHow::Typo);
        assert_eq!(sim("albaghdadi", "baghdadi").1, TokenHow::Article);
        assert_eq!(sim("hassan", "yusuf").0, 0.0);
        let arabic = token("mhmd".into(), true);
        let latin = token("mohammed".into(), false);
        assert_eq!(token_similarity(&arabic, &latin).1, TokenHow::Script);
    }
}
