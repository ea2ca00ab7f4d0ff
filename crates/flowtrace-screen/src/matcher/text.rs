//! From a name as written to the tokens the matcher compares: split into words, every script to
//! lowercase ASCII, and the particles of Arabic names settled so that their many spellings meet:
//! articles (al-, el-, ad-Din) and connectors (bin, ibn, bint, ould) are set aside; abd and abu
//! join the word they govern (Abdul Rahman, Abd al-Rahman, Abdurrahman → `abdrahman`).

use super::script::{arabic_word, ascii_word, han_words, is_arabic, is_han};
use super::skeleton::{skeleton, skeleton_letters};
use super::variants::{governed_key, sound_key};

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

const CONNECTORS: [&str; 16] = [
    "bin", "ibn", "ben", "bn", "abn", "bint", "bnt", "binti", "binte", "ibnu", "bte", "ould",
    "wuld", "wld", "walad", "ibni",
];
const ARTICLES: [&str; 5] = ["al", "el", "ul", "il", "l"];
/// Articles assimilated to a following sun letter: ad-Din, ar-Rahman, as-Sayyid, ash-Shami.
const SUN_ARTICLES: [&str; 12] = [
    "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ud", "ur", "us",
];
const ABD: [&str; 12] = [
    "abd", "abdul", "abdel", "abdal", "abdol", "abdoul", "abdu", "abdur", "abdus", "abdou",
    "abdar", "abdelh",
];
const ABU: [&str; 7] = ["abu", "abou", "abo", "aboo", "abi", "ebu", "ebo"];
/// Spellings of Allah and of ad-Din as the second half of a compound name (Habib Allah,
/// Habibullah; Shams al-Din, Shamsuddin, Chamseddine): compounds are written both as one word
/// and as two, so both become one word ending in `ullah` / `uddin`.
const ALLAH: [&str; 8] = [
    "allah", "ullah", "ollah", "illah", "ulla", "olla", "alla", "lah",
];
const DIN: [&str; 9] = [
    "din", "deen", "dine", "uddin", "eddine", "eddin", "uddeen", "oudine", "ouddine",
];

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

/// Generational suffixes (Jr., Sr.) and the one spelling each is read as: they tell a father
/// from his son, and lists write them on one name and not on another, so they weigh least.
const GENERATIONS: [(&str, &str); 6] = [
    ("jr", "jr"),
    ("jnr", "jr"),
    ("junior", "jr"),
    ("sr", "sr"),
    ("snr", "sr"),
    ("senior", "sr"),
];

/// Reads a name into tokens and particles.
pub fn analyse(name: &str) -> NameForm {
    let words = words(&rotate_comma(name));
    let mut form = NameForm::default();
    let mut i = 0;
    while i < words.len() {
        let (text, consonantal) = &words[i];
        let next = words.get(i + 1).map(|(t, _)| t.as_str());
        let previous = i.checked_sub(1).map(|p| words[p].0.as_str());
        i += 1;
        if let Some(generation) = generation(text, previous, next) {
            form.tokens.push(token(generation.to_owned(), false));
            continue;
        }
        if is_particle(text, next) {
            form.particles.push(text.clone());
            continue;
        }
        let mut text = text.clone();
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
            text = settle_suffix(&text);
        }
        let mut t = token(text, *consonantal);
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

/// Whether a word is one letter away from a connector or an article (Kuld, Uuld, Bne, Aul):
/// the caller checks that no listed name has it, since many real names are one letter from
/// one (Ali, Ban).
pub fn is_particle_typo(token: &Token) -> bool {
    let text = token.text.as_bytes();
    !token.consonantal
        && (2..=4).contains(&text.len())
        && CONNECTORS
            .iter()
            .chain(&ARTICLES)
            .any(|p| p.len() >= 2 && super::similar::within_one_edit(text, p.as_bytes()))
}

/// Bit `c & 31` set for every byte `c` of `word`.
pub(crate) fn letter_mask(word: &[u8]) -> u32 {
    word.iter().fold(0, |m, &c| m | 1 << (c & 31))
}

fn is_head(word: &str) -> bool {
    ABD.contains(&word) || ABU.contains(&word) || is_abd_typo(word)
}

/// Abdul or Abdel with one letter mistyped (Absul, Abiul, Abtdul): common enough in
/// hand-keyed records that it is read as the head it was meant to be.
fn is_abd_typo(word: &str) -> bool {
    word.len() >= 5
        && word.starts_with("ab")
        && ["abdul", "abdel"]
            .iter()
            .any(|h| super::similar::within_one_edit(word.as_bytes(), h.as_bytes()))
}

/// Abd with one letter mistyped (Albd, Avd) before an article: Abd is followed by al- far
/// more often than any four-letter word one letter from it is (Abid, Ahad stand alone; And
/// joins organisation names).
fn is_abd_typo_before_article(word: &str, next: Option<&str>) -> bool {
    let article = next.is_some_and(|n| ARTICLES.contains(&n) || SUN_ARTICLES.contains(&n));
    article
        && word != "and"
        && (3..=4).contains(&word.len())
        && word.starts_with('a')
        && super::similar::within_one_edit(word.as_bytes(), b"abd")
}

/// "LAST, First" (OFAC's order) read as "First LAST", so that a trailing Abu or Abdul governs
/// the right word. Names with no comma or several stay as they are.
fn rotate_comma(name: &str) -> std::borrow::Cow<'_, str> {
    match name.split_once(',') {
        Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim()).into()
        }
        _ => name.into(),
    }
}

/// `Allah` or `Din` written apart joins the word before it: Habib Allah → `habibullah`.
fn compound(form: &mut NameForm, word: &str) -> Option<String> {
    let suffix = if ALLAH.contains(&word) {
        "ullah"
    } else if DIN.contains(&word) {
        "uddin"
    } else {
        return None;
    };
    let previous = form.tokens.last().filter(|t| !t.text.starts_with("abd"))?;
    let joined = format!("{}{suffix}", settle_suffix(&previous.text));
    form.tokens.pop();
    Some(joined)
}

/// One spelling for the compound endings written in one word: Habibollah, Habibulla →
/// `habibullah`; Salahaldin, Salahuddin, Salaheddine → `salahuddin`.
fn settle_suffix(word: &str) -> String {
    const ENDINGS: [(&str, &str); 17] = [
        ("ullah", "ullah"),
        ("ollah", "ullah"),
        ("allah", "ullah"),
        ("illah", "ullah"),
        ("ulla", "ullah"),
        ("olla", "ullah"),
        ("aldin", "uddin"),
        ("aldeen", "uddin"),
        ("uddin", "uddin"),
        ("uddeen", "uddin"),
        ("eddine", "uddin"),
        ("eddin", "uddin"),
        ("ouddine", "uddin"),
        ("oudine", "uddin"),
        ("udin", "uddin"),
        ("iddin", "uddin"),
        ("addin", "uddin"),
    ];
    if word.starts_with("abd") {
        return word.to_owned();
    }
    for (ending, canonical) in ENDINGS {
        if let Some(stem) = word.strip_suffix(ending).filter(|s| s.len() >= 3) {
            return format!("{stem}{canonical}");
        }
    }
    word.to_owned()
}

/// The generational suffix a word is, if it is one: Jr. or Sr. after a name, or the Arabic
/// الابن ("the son", read `al` `abn`) closing one, which is Jr.
fn generation(word: &str, previous: Option<&str>, next: Option<&str>) -> Option<&'static str> {
    let previous = previous?;
    let listed = GENERATIONS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|(_, g)| *g);
    let son = next.is_none() && CONNECTORS.contains(&word) && ARTICLES.contains(&previous);
    listed.or(son.then_some("jr"))
}

/// Whether a token is a generational suffix (see [`GENERATIONS`]).
pub fn is_generation(token: &Token) -> bool {
    !token.consonantal && matches!(token.text.as_str(), "jr" | "sr")
}

fn is_particle(word: &str, next: Option<&str>) -> bool {
    let Some(next) = next else {
        return false;
    };
    if CONNECTORS.contains(&word) || ARTICLES.contains(&word) {
        return true;
    }
    // A sun article doubles the consonant it meets (ad-Din, ur-Rahman, esh-Shami); elsewhere
    // `as` or `an` may be a real word.
    let (w, n) = (word.as_bytes(), next.as_bytes());
    (2..=3).contains(&w.len())
        && matches!(w[0], b'a' | b'e' | b'i' | b'o' | b'u')
        && n.len() >= 3
        && n.starts_with(&w[1..])
}

/// One spelling for abd + name written as one word: `abdulrahman`, `abdurrahman`, `abdelrahman`
/// → `abdrahman`; every spelling of Abdullah → `abdallah`.
fn settle_abd(word: &str) -> String {
    let rest = &word[3..];
    if skeleton(rest).trim_start_matches('a') == "lh" || skeleton(rest) == "al" {
        return "abdallah".to_owned();
    }
    if rest.len() < 3 {
        return word.to_owned();
    }
    let rest = rest.trim_start_matches(['a', 'e', 'i', 'o', 'u']);
    let b = rest.as_bytes();
    let rest = if b.len() > 4 && (b[0] == b'l' || b[0] == b[1]) {
        &rest[1..]
    } else {
        rest
    };
    format!("abd{rest}")
}

/// The words of a name in lowercase ASCII, each marked when it came from Arabic script.
/// Arabic words lose their article here (الزرقاوي → `al`, `zrqaui`), since it is written glued.
fn words(name: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for raw in name.split(is_separator).filter(|w| !w.is_empty()) {
        if raw.chars().any(is_arabic) {
            arabic_words(raw, &mut out);
        } else if raw.chars().all(is_han) {
            out.extend(han_words(raw).into_iter().map(|w| (w, false)));
        } else {
            let word = ascii_word(raw);
            if !word.is_empty() {
                out.push((word, false));
            }
        }
    }
    out
}

fn arabic_words(raw: &str, out: &mut Vec<(String, bool)>) {
    if raw.starts_with("الل") && raw.chars().count() == 4 {
        out.push(("allah".to_owned(), true));
        return;
    }
    let body = match raw.strip_prefix("ال") {
        Some(body) if body.chars().count() >= 2 => {
            out.push(("al".to_owned(), true));
            body
        }
        _ => raw,
    };
    let word = arabic_word(body);
    if !word.is_empty() {
        out.push((word, true));
    }
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | ','
                | '.'
                | '/'
                | '('
                | ')'
                | '['
                | ']'
                | ';'
                | ':'
                | '"'
                | '&'
                | '+'
                | '_'
                | '|'
                | '!'
                | '?'
                | '*'
                | '\u{2010}'..='\u{2015}' | '،' | '“' | '”' | '«' | '»'
        )
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
    fn a_mistyped_connector_looks_like_one() {
        let typo = |w: &str| is_particle_typo(&token(w.into(), false));
        assert!(typo("kuld") && typo("uuld") && typo("bne"));
        assert!(!typo("hassan") && !typo("u"));
    }

    #[test]
    fn a_glued_article_has_an_unglued_form() {
        let form = analyse("Albaghdadi");
        assert_eq!(form.tokens[0].unglued.as_deref(), Some("baghdadi"));
        assert_eq!(analyse("Ali").tokens[0].unglued, None);
    }
}
