//! Transliteration rules: the spelling changes one name really goes through between
//! romanisations (`ou`/`u`, `ee`/`i`, `q`/`k`, `dh`/`z`, `kh`/`h`, doubled consonants;
//! `-iy`/`-y`, `ye`/`e`, `zh`/`j`, `-ov`/`-off`), applied to words the tables do not know.

use crate::hash::Rng;

/// Which family of romanisations a word's changes come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Family {
    /// Arabic-script names: Arabic, Persian, Urdu, Somali, Hausa, Turkish forms.
    Arabic,
    /// Cyrillic-script names: Russian and Central Asian.
    Slavic,
    /// Names already in Latin script: only diacritics and case change.
    Latin,
}

#[derive(Clone, Copy)]
enum At {
    Any,
    Start,
    End,
    /// Not at the start of the word.
    Inside,
}

#[derive(Clone, Copy)]
enum Ctx {
    /// Anywhere `At` allows.
    Free,
    /// Followed by exactly one consonant and the end (`Kar[i]m`).
    LastSyllable,
    /// Like `LastSyllable`, and preceded by `a` and one consonant or digraph (`Khal[i]d`).
    AfterA,
    /// Like `LastSyllable`, and preceded by two consonants (`Ahm[a]d`, `Muhamm[a]d`).
    AfterCluster,
    /// Preceded by a consonant or the start (`M[u]hammad`, not `Da[u]d`).
    AfterConsonant,
    /// Followed by a vowel (`[W]alid` -> `Oualid`).
    BeforeVowel,
    /// Preceded by a vowel (`Serge[e]v`).
    AfterVowel,
    /// Not next to the same letter (`q` of `Qasim`, not of `Haqqani`).
    Single,
}

struct Rule {
    from: &'static str,
    to: &'static str,
    at: At,
    ctx: Ctx,
    weight: u32,
}

const fn r(from: &'static str, to: &'static str, at: At, ctx: Ctx, weight: u32) -> Rule {
    Rule {
        from,
        to,
        at,
        ctx,
        weight,
    }
}

use At::*;
use Ctx::*;

const ARABIC: &[Rule] = &[
    r("ou", "u", Inside, Free, 3),
    r("oo", "u", Any, Free, 3),
    r("oo", "ou", Any, Free, 2),
    r("u", "ou", Any, AfterConsonant, 3),
    r("u", "oo", Any, LastSyllable, 2),
    r("u", "o", Any, AfterConsonant, 3),
    r("o", "u", Any, AfterConsonant, 3),
    r("ee", "i", Any, Free, 3),
    r("i", "ee", Any, LastSyllable, 3),
    r("i", "e", Any, AfterA, 3),
    r("e", "i", Any, AfterA, 3),
    r("a", "e", Any, AfterCluster, 3),
    r("e", "a", Any, AfterCluster, 3),
    r("q", "k", Any, Single, 3),
    r("q", "g", Any, Single, 1),
    r("qq", "kk", Any, Free, 2),
    r("gh", "q", Start, Free, 1),
    r("kh", "h", Any, Free, 2),
    r("gh", "g", Any, Free, 2),
    r("dh", "d", Any, Free, 2),
    r("dh", "z", Any, Free, 2),
    r("dh", "th", Any, Free, 1),
    r("th", "s", Inside, Free, 2),
    r("th", "t", Inside, Free, 1),
    r("j", "dj", Start, Free, 1),
    r("j", "g", Start, Free, 1),
    r("dj", "j", Any, Free, 2),
    r("sh", "ch", Any, Free, 1),
    r("ch", "sh", Any, Free, 2),
    r("w", "ou", Start, BeforeVowel, 1),
    r("ou", "w", Start, BeforeVowel, 2),
    r("ay", "ai", Any, Free, 3),
    r("ay", "ei", Any, Free, 2),
    r("ai", "ay", Any, Free, 2),
    r("ai", "ei", Any, Free, 2),
    r("ei", "ai", Any, Free, 2),
    r("ei", "ay", Any, Free, 1),
    r("ey", "ei", Any, Free, 1),
    r("aw", "ao", Any, Free, 1),
    r("aw", "ow", Any, Free, 1),
    r("aw", "au", Any, Free, 1),
    r("ao", "aw", Any, Free, 1),
    r("ah", "a", End, Free, 2),
    r("a", "ah", End, Free, 1),
    r("i", "y", End, Free, 2),
    r("y", "i", End, Free, 2),
    r("ee", "i", End, Free, 2),
    r("aa", "a", Any, Free, 2),
    r("ii", "i", Any, Free, 2),
    r("uu", "u", Any, Free, 2),
    r("v", "w", Any, Free, 1),
    r("zadeh", "zada", End, Free, 1),
    r("zadeh", "zade", End, Free, 1),
];

const SLAVIC: &[Rule] = &[
    r("iy", "y", End, Free, 3),
    r("iy", "i", End, Free, 2),
    r("iy", "ii", End, Free, 2),
    r("iy", "ij", End, Free, 1),
    r("ii", "iy", End, Free, 2),
    r("ii", "y", End, Free, 2),
    r("ij", "iy", End, Free, 2),
    r("ye", "e", Start, Free, 3),
    r("ye", "e", Inside, AfterVowel, 3),
    r("e", "ye", Start, Free, 2),
    r("e", "ye", Inside, AfterVowel, 2),
    r("ye", "je", Any, Free, 1),
    r("yo", "e", Any, Free, 2),
    r("yo", "io", Any, Free, 1),
    r("ya", "ia", Any, Free, 2),
    r("ya", "ja", Any, Free, 1),
    r("ia", "ya", Any, Free, 2),
    r("ja", "ya", Any, Free, 1),
    r("yu", "iu", Any, Free, 2),
    r("yu", "ju", Any, Free, 1),
    r("iu", "yu", Any, Free, 2),
    r("ju", "yu", Any, Free, 1),
    r("zh", "j", Any, Free, 2),
    r("zh", "sch", Any, Free, 1),
    r("dzh", "j", Any, Free, 2),
    r("dzh", "dj", Any, Free, 2),
    r("j", "dzh", Start, Free, 1),
    r("kh", "h", Any, Free, 3),
    r("kh", "ch", Any, Free, 1),
    r("x", "ks", Any, Free, 3),
    r("ks", "x", Any, Free, 3),
    r("ts", "tz", Any, Free, 2),
    r("tz", "ts", Any, Free, 2),
    r("ch", "tch", Inside, Free, 1),
    r("tch", "ch", Any, Free, 2),
    r("shch", "sch", Any, Free, 2),
    r("shch", "shtch", Any, Free, 1),
    r("sh", "sch", Any, Free, 1),
    r("v", "w", Any, Free, 2),
    r("w", "v", Any, Free, 2),
    r("ov", "off", End, Free, 2),
    r("ev", "eff", End, Free, 1),
    r("ov", "ow", End, Free, 1),
    r("off", "ov", End, Free, 3),
    r("sky", "ski", End, Free, 2),
    r("sky", "skiy", End, Free, 2),
    r("ski", "sky", End, Free, 2),
    r("skiy", "sky", End, Free, 2),
    r("ndr", "nder", End, Free, 2),
    r("nder", "ndr", End, Free, 2),
    r("ey", "ei", End, Free, 3),
    r("ei", "ey", End, Free, 3),
    r("ey", "ej", End, Free, 1),
    r("ay", "ai", End, Free, 3),
    r("ai", "ay", End, Free, 3),
    r("ich", "itch", End, Free, 1),
    r("'", "", Any, Free, 3),
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

fn is_consonant(c: u8) -> bool {
    c.is_ascii_alphabetic() && !is_vowel(c)
}

/// A consonant, counting `y` before a vowel (`Yusuf`, `Ayub`).
fn cons(w: &[u8], i: usize) -> bool {
    is_consonant(w[i]) || (w[i] == b'y' && w.get(i + 1).is_some_and(|&c| is_vowel(c) && c != b'y'))
}

/// True when the consonant at `i` is the second letter of a digraph (`kh`, `sh`, ...).
fn is_digraph_end(w: &[u8], i: usize) -> bool {
    i > 0 && w[i] == b'h' && matches!(w[i - 1], b'k' | b's' | b't' | b'd' | b'g' | b'c' | b'z')
}

/// Start of the consonant (or digraph) ending just before `i`, if there is one.
fn consonant_before(w: &[u8], i: usize) -> Option<usize> {
    if i == 0 || !cons(w, i - 1) {
        return None;
    }
    Some(if is_digraph_end(w, i - 1) {
        i - 2
    } else {
        i - 1
    })
}

fn fits(rule: &Rule, w: &[u8], i: usize) -> bool {
    let end = i + rule.from.len();
    let at_ok = match rule.at {
        At::Any => true,
        At::Start => i == 0,
        At::End => end == w.len(),
        At::Inside => i > 0,
    };
    let last_syllable = end + 1 == w.len() && is_consonant(w[end])
        || end + 2 == w.len() && is_consonant(w[end]) && is_digraph_end(w, end + 1);
    at_ok
        && match rule.ctx {
            Ctx::Free => true,
            Ctx::LastSyllable => last_syllable && consonant_before(w, i).is_some(),
            Ctx::AfterA => {
                // Two-syllable names only: `Khaled` -> `Khalid`, not `Mohamed` -> `Mohamid`.
                last_syllable
                    && consonant_before(w, i).is_some_and(|c| {
                        c > 0 && w[c - 1] == b'a' && !w[..c - 1].iter().any(|&x| is_vowel(x))
                    })
            }
            Ctx::AfterCluster => {
                last_syllable
                    && consonant_before(w, i)
                        .is_some_and(|c| c > 0 && consonant_before(w, c).is_some())
            }
            Ctx::AfterConsonant => {
                (i == 0 || cons(w, i - 1))
                    && w.get(end) != Some(&b'u')
                    && !(i > 0 && w[i - 1] == b'o')
            }
            Ctx::BeforeVowel => w.get(end).is_some_and(|&c| is_vowel(c)),
            Ctx::AfterVowel => i > 0 && is_vowel(w[i - 1]) && w[i - 1] != b'y',
            Ctx::Single => {
                let c = w[i];
                !(i > 0 && w[i - 1] == c) && w.get(end) != Some(&c)
            }
        }
}

/// Every way one rule of `family` applies to the lower-case ASCII word `w`, as the rewritten
/// words, in a fixed order, each with its weight.
pub(super) fn rewrites(w: &str, family: Family) -> Vec<(String, u32)> {
    let rules = match family {
        Family::Arabic => ARABIC,
        Family::Slavic => SLAVIC,
        Family::Latin => return Vec::new(),
    };
    let b = w.as_bytes();
    let mut out: Vec<(String, u32)> = Vec::new();
    for rule in rules {
        let mut from = 0;
        while let Some(pos) = w[from..].find(rule.from) {
            let i = from + pos;
            if fits(rule, b, i) {
                let new = format!("{}{}{}", &w[..i], rule.to, &w[i + rule.from.len()..]);
                if new != w && !new.is_empty() && !out.iter().any(|(s, _)| *s == new) {
                    out.push((new, rule.weight));
                }
            }
            from = i + 1;
            while !w.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    if family == Family::Arabic {
        structural(w, &mut out);
    }
    out
}

/// Rules about word shape rather than letters: doubling (`Hasan` -> `Hassan`), undoubling, a
/// vowel between final consonants (`Adl` -> `Adel`, `Fahd` -> `Fahad`) and the ʿayn apostrophe.
fn structural(w: &str, out: &mut Vec<(String, u32)>) {
    let b = w.as_bytes();
    let n = b.len();
    let mut push = |s: String, weight: u32| {
        if s != w && !out.iter().any(|(x, _)| *x == s) {
            out.push((s, weight));
        }
    };
    for i in 1..n.saturating_sub(1) {
        let c = b[i];
        // Doubling happens early in a name (`Hasan` -> `Hassan`), not at `Qahta[n]i`.
        let between_vowels = is_vowel(b[i - 1]) && b[i - 1] != b'y' && is_vowel(b[i + 1]);
        if i <= 4 && between_vowels && b"bdfjklmnrstz".contains(&c) {
            push(format!("{}{}{}", &w[..i], c as char, &w[i..]), 2);
        }
        if c == b[i - 1] && is_consonant(c) {
            push(format!("{}{}", &w[..i], &w[i + 1..]), 2);
        }
    }
    if n >= 3 {
        let (v, c1, c2) = (b[n - 3], b[n - 2], b[n - 1]);
        if is_vowel(v)
            && is_consonant(c1)
            && is_consonant(c2)
            && c1 != c2
            && !is_digraph_end(b, n - 1)
        {
            for (ins, weight) in [("e", 2), ("i", 2), ("a", 1)] {
                push(format!("{}{ins}{}", &w[..n - 1], &w[n - 1..]), weight);
            }
        }
    }
    if n >= 3 && is_vowel(b[0]) && b[0] != b'y' {
        push(format!("'{w}"), 1);
    }
    // `Saad` -> `Sa'ad`, `Saeed` -> `Sa'eed` (not `Saif`, where `ai` is a diphthong).
    for i in 1..n.saturating_sub(1) {
        if b[i - 1] == b'a' && matches!(b[i], b'e' | b'a') && i + 1 < n && is_consonant(b[i + 1]) {
            push(format!("{}'{}", &w[..i], &w[i..]), 1);
        }
    }
    if w.contains('\'') {
        push(w.replace('\'', ""), 2);
    }
}

/// Picks one rewrite by weight, or cycles through them in order when `cycle` is given (so
/// successive calls cover every rewrite).
pub(super) fn choose(
    options: &[(String, u32)],
    rng: &mut Rng,
    cycle: Option<u64>,
) -> Option<String> {
    if options.is_empty() {
        return None;
    }
    if let Some(c) = cycle {
        return Some(options[(c % options.len() as u64) as usize].0.clone());
    }
    let pairs: Vec<(usize, u32)> = options.iter().enumerate().map(|(i, o)| (i, o.1)).collect();
    Some(options[rng.weighted(&pairs)].0.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has(word: &str, family: Family, want: &str) -> bool {
        rewrites(word, family).iter().any(|(s, _)| s == want)
    }

    #[test]
    fn arabic_rules() {
        assert!(has("sayf", Family::Arabic, "saif"));
        assert!(has("adl", Family::Arabic, "adel"));
        assert!(has("adl", Family::Arabic, "adil"));
        assert!(has("karim", Family::Arabic, "kareem"));
        assert!(has("khalid", Family::Arabic, "khaled"));
        assert!(has("ahmad", Family::Arabic, "ahmed"));
        assert!(has("hasan", Family::Arabic, "hassan"));
        assert!(has("qasim", Family::Arabic, "kasim"));
        assert!(has("yusuf", Family::Arabic, "yousuf"));
        assert!(has("uthman", Family::Arabic, "usman"));
        assert!(!has("ahmed", Family::Arabic, "ahmid"));
    }

    #[test]
    fn slavic_rules() {
        assert!(has("dmitriy", Family::Slavic, "dmitry"));
        assert!(has("yevgeniy", Family::Slavic, "evgeniy"));
        assert!(has("sergeyev", Family::Slavic, "sergeev"));
        assert!(has("zhukov", Family::Slavic, "jukov"));
        assert!(has("aleksandr", Family::Slavic, "alexandr"));
        assert!(has("aleksandr", Family::Slavic, "aleksander"));
        assert!(has("ivanov", Family::Slavic, "ivanoff"));
        assert!(has("khasan", Family::Slavic, "hasan"));
    }
}
