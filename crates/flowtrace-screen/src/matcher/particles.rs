//! The particles of Arabic names and the rules that settle them: articles (al-, ad-Din) and
//! connectors (bin, ibn, ould) set aside, abd and abu joined to the word they govern, the
//! endings of Allah and ad-Din compounds spelt one way, and generational suffixes (Jr., Sr.).

use super::byte_similarity::within_one_edit;
use super::skeleton::skeleton;
use super::text::{NameForm, Token};

const CONNECTORS: [&str; 16] = [
    "bin", "ibn", "ben", "bn", "abn", "bint", "bnt", "binti", "binte", "ibnu", "bte", "ould",
    "wuld", "wld", "walad", "ibni",
];
pub(super) const ARTICLES: [&str; 5] = ["al", "el", "ul", "il", "l"];
/// Articles assimilated to a following sun letter: ad-Din, ar-Rahman, as-Sayyid, ash-Shami.
pub(super) const SUN_ARTICLES: [&str; 12] = [
    "ad", "ar", "as", "ash", "at", "az", "an", "adh", "ath", "ud", "ur", "us",
];
pub(super) const ABD: [&str; 12] = [
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
            .any(|p| p.len() >= 2 && within_one_edit(text, p.as_bytes()))
}

pub(super) fn is_head(word: &str) -> bool {
    ABD.contains(&word) || ABU.contains(&word) || is_abd_typo(word)
}

/// Abdul or Abdel with one letter mistyped (Absul, Abiul, Abtdul): common enough in
/// hand-keyed records that it is read as the head it was meant to be.
pub(super) fn is_abd_typo(word: &str) -> bool {
    word.len() >= 5
        && word.starts_with("ab")
        && ["abdul", "abdel"]
            .iter()
            .any(|h| within_one_edit(word.as_bytes(), h.as_bytes()))
}

/// Abd with one letter mistyped (Albd, Avd) before an article: Abd is followed by al- far
/// more often than any four-letter word one letter from it is (Abid, Ahad stand alone; And
/// joins organisation names).
pub(super) fn is_abd_typo_before_article(word: &str, next: Option<&str>) -> bool {
    let article = next.is_some_and(|n| ARTICLES.contains(&n) || SUN_ARTICLES.contains(&n));
    article
        && word != "and"
        && (3..=4).contains(&word.len())
        && word.starts_with('a')
        && within_one_edit(word.as_bytes(), b"abd")
}

/// `Allah` or `Din` written apart joins the word before it: Habib Allah → `habibullah`.
pub(super) fn compound(form: &mut NameForm, word: &str) -> Option<String> {
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

/// [`settle_suffix`] of a word owned: the word itself, not a copy, when its ending is settled
/// already or it has none (most words).
pub(super) fn settle_suffix_owned(word: String) -> String {
    settled_suffix(&word).unwrap_or(word)
}

/// One spelling for the compound endings written in one word: Habibollah, Habibulla →
/// `habibullah`; Salahaldin, Salahuddin, Salaheddine → `salahuddin`.
pub(super) fn settle_suffix(word: &str) -> String {
    settled_suffix(word).unwrap_or_else(|| word.to_owned())
}

/// [`settle_suffix`], or `None` when the word has no compound ending to settle.
fn settled_suffix(word: &str) -> Option<String> {
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
        return None;
    }
    ENDINGS.iter().find_map(|(ending, canonical)| {
        let stem = word.strip_suffix(ending).filter(|s| s.len() >= 3)?;
        Some(format!("{stem}{canonical}"))
    })
}

/// The generational suffix a word is, if it is one: Jr. or Sr. after a name, or the Arabic
/// الابن ("the son", read `al` `abn`) closing one, which is Jr.
pub(super) fn generation(
    word: &str,
    previous: Option<&str>,
    next: Option<&str>,
) -> Option<&'static str> {
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

pub(super) fn is_particle(word: &str, next: Option<&str>) -> bool {
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
pub(super) fn settle_abd(word: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::super::text::token;
    use super::*;

    #[test]
    fn a_mistyped_connector_looks_like_one() {
        let typo = |w: &str| is_particle_typo(&token(w.into(), false));
        assert!(typo("kuld") && typo("uuld") && typo("bne"));
        assert!(!typo("hassan") && !typo("u"));
    }
}
