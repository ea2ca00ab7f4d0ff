//! How alike two tokens are, and why: the same letters, a spelling or typo variant, one
//! consonant skeleton, an initial, a governed word, or a word read from another script.

use super::byte_similarity::{jaro_winkler, within_one_edit};
use super::consonants::arabic_latin_similarity;
use super::spelling::{plainly_different, spelling};
use super::text::Token;
use super::variants::governs;

/// Token pairs below this similarity do not match at all.
pub const TOKEN_FLOOR: f32 = 0.80;

/// The least similarity of two spellings with one consonant skeleton.
const VOWELS_ONLY: f32 = 0.92;

/// Two syllables of three letters or less with one skeleton (Ri / Re, Ali / Eli).
pub(super) const SHORT_VOWELS: f32 = 0.85;

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
    // Equal words have equal letter masks; most pairs differ there and skip the comparison.
    if a.letters == b.letters && a.text == b.text {
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
    consonants >= 3
        && shorter >= 5
        && a.skeleton == b.skeleton
        && jaro_winkler(a.text.as_bytes(), b.text.as_bytes()) >= 0.7
}

#[cfg(test)]
mod tests {
    use super::super::text::token;
    use super::*;

    fn sim(a: &str, b: &str) -> (f32, TokenHow) {
        token_similarity(&token(a.into(), false), &token(b.into(), false))
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
