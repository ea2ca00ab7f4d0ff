//! From a name as written to the tokens the matcher compares: split into words, every script to
//! lowercase ASCII, and the particles of Arabic names settled so that their many spellings meet:
//! articles (al-, el-, ad-Din) and connectors (bin, ibn, bint, ould) are set aside; abd and abu
//! join the word they govern (Abdul Rahman, Abd al-Rahman, Abdurrahman → `abdrahman`).

use super::particles::{
    compound, generation, is_abd_typo, is_abd_typo_before_article, is_head, is_particle,
    settle_abd, settle_suffix_owned, ABD, ARTICLES, SUN_ARTICLES,
};
use super::skeleton::{skeleton, skeleton_letters};
use super::variants::{governed_key, sound_key};
use super::words::{rotate_comma, words};

/// One word of a name, ready to compare.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Lowercase ASCII letters and digits.
    pub text: String,
    /// Consonant skeleton of `text` (see [`skeleton`]).
    pub skeleton: String,
    /// Written in a script without short vowels (Arabic): only the skeleton is reliable.
    pub consonantal: bool,
    /// Another spelling compared too: the word without a glued article (`albaghdadi` →
    /// `baghdadi`), or an abd- compound as written before it was settled (`abdoulay`).
    pub unglued: Option<String>,
    /// The letters `text` uses, bit `c & 31` for byte `c`: with the length, enough to tell
    /// most unrelated words apart before comparing them letter by letter.
    pub letters: u32,
    /// A hash of `text` as it sounds, for spellings by other transliteration conventions
    /// (Redha / Reza); see `variants`.
    pub sound: u64,
    /// The same for the word an Abu- or Abd- compound governs (Abuzeid: Zeid), 0 for others.
    pub governed: u64,
}

/// A name as the matcher sees it: its tokens, and the particles set aside.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameForm {
    /// The tokens, in written order.
    pub tokens: Vec<Token>,
    /// Articles and connectors set aside (`al`, `bin`), for the explanation.
    pub particles: Vec<String>,
}

/// Words of organisation names that lists write translated rather than transliterated (الجماعة
/// الإسلامية المقاتلة الليبية is the Libyan Islamic Fighting Group), as the Arabic-script
/// reading above gives them, with the English word; hand-written from common usage.
const ORGANISATION_WORDS: [(&str, &str); 22] = [
    ("jmaa", "group"),
    ("jmaat", "groups"),
    ("aslamia", "islamic"),
    ("aslami", "islamic"),
    ("mqatla", "fighting"),
    ("libia", "libyan"),
    ("dula", "state"),
    ("hrka", "movement"),
    ("jbha", "front"),
    ("jis", "army"),
    ("tnzim", "organization"),
    ("mnzma", "organization"),
    ("sbka", "network"),
    ("srka", "company"),
    ("msrf", "bank"),
    ("mssa", "foundation"),
    ("jmia", "society"),
    ("hia", "commission"),
    ("jzira", "peninsula"),
    ("srafa", "exchange"),
    ("llsrafa", "exchange"),
    ("ahl", "people"),
];

/// Reads a name into tokens and particles.
pub fn analyse(name: &str) -> NameForm {
    let mut words = words(&rotate_comma(name));
    let mut form = NameForm {
        tokens: Vec::with_capacity(words.len()),
        particles: Vec::new(),
    };
    let mut i = 0;
    while i < words.len() {
        let (text, consonantal) = &words[i];
        let consonantal = *consonantal;
        let next = words.get(i + 1).map(|(t, _)| t.as_str());
        let previous = i.checked_sub(1).map(|p| words[p].0.as_str());
        if let Some(generation) = generation(text, previous, next) {
            form.tokens.push(token(generation.to_owned(), false));
            i += 1;
            continue;
        }
        if is_particle(text, next) {
            form.particles.push(text.clone());
            i += 1;
            continue;
        }
        // The word is taken rather than copied. The next word's `previous` then reads "", which
        // `generation` tells from the word only by whether it is an article, and a word taken
        // here that has a next word is no article (that would be a particle, above).
        let mut text = std::mem::take(&mut words[i].0);
        i += 1;
        let next = words.get(i).map(|(t, _)| t.as_str());
        let mut original = None;
        if is_head(&text) && next.is_none() && !form.tokens.is_empty() {
            // Reversed order (NASHUK ABU): the head governs the word before it.
            let head = if ABD.contains(&text.as_str()) {
                "abd"
            } else {
                "abu"
            };
            if let Some(last) = form.tokens.pop() {
                text = format!("{head}{}", last.text);
            }
        } else if (is_head(&text) || is_abd_typo_before_article(&text, next)) && next.is_some() {
            // The governed word follows, perhaps after an article: Abd al-Rahman, Abu al-Hasan.
            let mut governed = &words[i].0;
            if ARTICLES.contains(&governed.as_str()) || SUN_ARTICLES.contains(&governed.as_str()) {
                if let Some((after, _)) = words.get(i + 1) {
                    form.particles.push(governed.clone());
                    i += 1;
                    governed = after;
                }
            }
            let head = if ABD.contains(&text.as_str())
                || is_abd_typo(&text)
                || is_abd_typo_before_article(&text, next)
            {
                "abd"
            } else {
                "abu"
            };
            text = format!("{head}{governed}");
            i += 1;
        }
        if text.starts_with("abd") {
            original = Some(text.clone());
            text = settle_abd(&text);
        }
        if let Some(joined) = compound(&mut form, &text) {
            text = joined;
        } else {
            text = settle_suffix_owned(text);
        }
        let mut t = token(text, consonantal);
        if t.unglued.is_none() && original.as_deref() != Some(t.text.as_str()) {
            t.unglued = original;
        }
        if t.consonantal && t.unglued.is_none() {
            let english = ORGANISATION_WORDS
                .iter()
                .find(|(arabic, _)| *arabic == t.text);
            t.unglued = english.map(|(_, word)| (*word).to_owned());
        }
        form.tokens.push(t);
    }
    if form.tokens.is_empty() {
        // A name of particles only ("Al Ansar" is not one, but "Al" would be): keep them.
        let particles = std::mem::take(&mut form.particles);
        form.tokens = particles.into_iter().map(|p| token(p, false)).collect();
    }
    form
}

/// A token with its skeleton and unglued form.
pub fn token(text: String, consonantal: bool) -> Token {
    let unglued = ["al", "el"]
        .iter()
        .find(|a| text.len() >= 6 && text.starts_with(*a))
        .map(|a| text[a.len()..].to_owned());
    Token {
        letters: letter_mask(text.as_bytes()),
        sound: sound_key(&text),
        governed: governed_key(&text),
        skeleton: if consonantal {
            skeleton_letters(&text)
        } else {
            skeleton(&text)
        },
        text,
        consonantal,
        unglued,
    }
}

/// Bit `c & 31` set for every byte `c` of `word`.
pub(crate) fn letter_mask(word: &[u8]) -> u32 {
    word.iter().fold(0, |m, &c| m | 1 << (c & 31))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str) -> Vec<String> {
        analyse(name).tokens.into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn particles_are_set_aside_and_abd_joins_its_word() {
        assert_eq!(texts("Sayf al-Adl"), ["sayf", "adl"]);
        assert_eq!(
            texts("Usama bin Muhammad bin Awad BIN LADIN"),
            ["usama", "muhammad", "awad", "ladin"]
        );
        for name in [
            "Abdul Rahman",
            "Abd al-Rahman",
            "Abdurrahman",
            "ABDELRAHMAN",
            "Abd ar-Rahman",
        ] {
            assert_eq!(texts(name), ["abdrahman"], "{name}");
        }
        for name in ["Abdullah", "Abd Allah", "Abdallah", "عبد الله", "Abdulla"] {
            assert_eq!(texts(name), ["abdallah"], "{name}");
        }
        assert_eq!(texts("Abu Bakr al-Baghdadi"), ["abubakr", "baghdadi"]);
        assert_eq!(texts("Nur ad-Din"), ["nuruddin"]);
        assert_eq!(texts("Habib Allah"), texts("Habibullah"));
        assert_eq!(texts("IBRAHEEM, Abu"), ["abuibraheem"]);
        assert_eq!(texts("NASHUK ABU"), ["abunashuk"]);
        assert_eq!(texts("Bank as Capital"), ["bank", "as", "capital"]);
        assert_eq!(texts("ABsUL RAQIB"), ["abdraqib"], "a typo inside Abdul");
        assert_eq!(texts("Albd-al-Hamid"), ["abdhamid"], "a typo inside Abd");
        assert_eq!(texts("Ahad Hamid"), ["ahad", "hamid"]);
        assert_eq!(texts("Ansar and al-Jihad"), ["ansar", "and", "jihad"]);
        assert_eq!(texts("Delos Reyes Junior"), ["delos", "reyes", "jr"]);
        assert_eq!(texts("فلسيانو رييس الإبن"), ["flsianu", "riis", "jr"]);
    }

    #[test]
    fn other_scripts_are_read_to_latin() {
        assert_eq!(texts("أبو بكر البغدادي"), ["abubkr", "bgdadi"]);
        let form = analyse("سيف العدل");
        assert!(form.tokens.iter().all(|t| t.consonantal));
        assert_eq!(form.particles, ["al"]);
        assert_eq!(texts("Шамиль Басаев"), ["shamil", "basaev"]);
        assert_eq!(texts("AL-BASRI, Samir"), ["samir", "basri"]);
    }

    #[test]
    fn translated_organisation_words_have_their_english_form() {
        let form = analyse("الجماعة الاسلامية المقاتلة الليبية");
        let english: Vec<_> = form.tokens.iter().map(|t| t.unglued.as_deref()).collect();
        let expected = ["group", "islamic", "fighting", "libyan"];
        assert_eq!(english, expected.map(Some));
    }

    #[test]
    fn a_glued_article_has_an_unglued_form() {
        let form = analyse("Albaghdadi");
        assert_eq!(form.tokens[0].unglued.as_deref(), Some("baghdadi"));
        assert_eq!(analyse("Ali").tokens[0].unglued, None);
    }
}
