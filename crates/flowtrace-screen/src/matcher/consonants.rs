//! An Arabic-script word against a Latin spelling, consonant by consonant. Arabic writes no
//! short vowels and Latin spellings render one letter many ways (ظ is z in Egypt and d in the
//! Maghreb, Hafez / Hafed; ض is d or z, Ramadan / Ramazan; چ is ch; خ is kh, h or the German
//! ch; ق is q, k, g or c), so comparing consonant skeletons letter for letter misses spellings
//! that any reader of both scripts would accept. Here the Latin word is read into consonant
//! units (digraphs taken as one letter or as two: sh in Shakir is ش, in Ishaq it is س + ح) and
//! aligned with the Arabic consonants, vowels free on both sides, with the cheapest edits.

/// Half-units of cost: a silent or moved h costs 1, any other edit 2.
const H_EDIT: u8 = 1;
const EDIT: u8 = 2;
/// No alignment worth scoring costs more than this (in half-units).
const MOST: u8 = 2;

/// Similarity of an Arabic-script word (as [`super::script::arabic_word`] reads it) and a
/// Latin one, or 0 when their consonants do not align: 0.93 for the same consonants (three or
/// more), 0.84 for the same one or two, 0.90 for a silent or moved h, 0.86 for one other
/// consonant off in a word of four or more.
pub(crate) fn arabic_latin_similarity(arabic: &str, latin: &str) -> f32 {
    let (a, l) = (arabic.as_bytes(), latin.as_bytes());
    if a.is_empty() || l.is_empty() || l.len() > 48 {
        return 0.0;
    }
    let a_lead = matches!(a[0], b'a' | b'i' | b'u' | b'y');
    let l_lead = is_latin_vowel(l[0]) && l[0] != b'w';
    let mut consonants = [0u8; 24];
    let mut n = 0;
    for (i, &c) in a.iter().enumerate() {
        if (i == 0 && a_lead) || matches!(c, b'a' | b'i' | b'u') {
            continue;
        }
        if n == consonants.len() {
            return 0.0;
        }
        consonants[n] = c;
        n += 1;
    }
    let length = n + usize::from(a_lead);
    let lead_cost = if a_lead == l_lead { 0 } else { EDIT };
    if lead_cost > MOST {
        return 0.0;
    }
    let consonants = &consonants[..n];
    if lead_cost + lower_bound(consonants, l) > MOST {
        return 0.0;
    }
    let cost = lead_cost.saturating_add(align(consonants, l));
    match cost {
        0 if length >= 3 => 0.93,
        0 if length >= 1 => 0.84,
        c if c <= H_EDIT && length >= 3 => 0.90,
        c if c <= EDIT && length >= 4 => 0.86,
        _ => 0.0,
    }
}

/// A lower bound of [`align`]'s cost told from which letters each side has, without
/// aligning: an Arabic consonant no Latin letter present may write must be dropped or
/// replaced, and so must a Latin consonant that writes no Arabic letter present. Most words a
/// query meets fail it, and aligning costs a hundred times more.
fn lower_bound(arabic: &[u8], latin: &[u8]) -> u8 {
    let mask = |letters: &mut dyn Iterator<Item = u8>| letters.fold(0u32, |m, c| m | 1 << (c & 31));
    let (a_mask, l_mask) = (
        mask(&mut arabic.iter().copied()),
        mask(&mut latin.iter().copied()),
    );
    let unwritten: u8 = arabic
        .iter()
        .filter(|&&c| mask(&mut written_by(c).iter().copied()) & l_mask == 0)
        .map(|&c| if c == b'h' { H_EDIT } else { EDIT })
        .sum();
    let mut unused = 0u8;
    for (j, &c) in latin.iter().enumerate() {
        let previous = j.checked_sub(1).map(|p| latin[p]);
        let tail = matches!(
            (previous, c),
            (Some(b'd'), b'j' | b'z') | (Some(b'c'), b'k')
        );
        let free = (is_latin_vowel(c) && (j > 0 || c != b'w')) || c == b'h' || previous == Some(c);
        if free || tail || mask(&mut writes(c).iter().copied()) & a_mask != 0 {
            continue;
        }
        unused = unused.saturating_add(if c == b'v' { H_EDIT } else { EDIT });
    }
    unwritten.max(unused)
}

/// The Latin letters that begin or make a unit that may write an Arabic letter (see [`fits`]).
fn written_by(arabic: u8) -> &'static [u8] {
    match arabic {
        b'b' | b'p' => b"bp",
        b's' => b"stcx",
        b'h' => b"hkc",
        b'k' => b"kcqx",
        b'q' => b"qkcg",
        b'g' => b"gq",
        b'j' => b"jgdz",
        b'd' | b'z' => b"dz",
        b'f' => b"fpv",
        b'w' => b"wv",
        b't' => b"t",
        b'c' => b"c",
        b'l' => b"l",
        b'm' => b"m",
        b'n' => b"n",
        b'r' => b"r",
        _ => b"",
    }
}

/// The Arabic letters a Latin letter may write, alone or beginning a unit (see [`fits`]).
fn writes(latin: u8) -> &'static [u8] {
    match latin {
        b'b' => b"bp",
        b'p' => b"pbf",
        b't' => b"ts",
        b's' => b"s",
        b'c' => b"cshkq",
        b'k' => b"kqh",
        b'q' => b"qkg",
        b'g' => b"gqj",
        b'j' => b"j",
        b'd' | b'z' => b"dzj",
        b'x' => b"ks",
        b'v' => b"fw",
        b'f' => b"f",
        b'w' => b"w",
        b'h' => b"h",
        b'l' => b"l",
        b'm' => b"m",
        b'n' => b"n",
        b'r' => b"r",
        _ => b"",
    }
}

/// The cheapest alignment (in half-units, capped above [`MOST`]) of Arabic consonants with a
/// Latin word.
fn align(arabic: &[u8], latin: &[u8]) -> u8 {
    const OVER: u8 = MOST + 1;
    let (na, nl) = (arabic.len(), latin.len());
    let width = nl + 1;
    let mut cost = [OVER; 25 * 49];
    cost[0] = 0;
    let relax = |cost: &mut [u8], i: usize, j: usize, c: u8| {
        let cell = &mut cost[i * width + j];
        *cell = (*cell).min(c.min(OVER));
    };
    for i in 0..=na {
        for j in 0..=nl {
            let here = cost[i * width + j];
            if here > MOST {
                continue;
            }
            if j < nl {
                let c = latin[j];
                let free = (is_latin_vowel(c) && (j > 0 || c != b'w'))
                    || (j > 0 && latin[j - 1] == c)
                    || (c == b'h' && j + 1 == nl && j > 0 && is_latin_vowel(latin[j - 1]));
                if free {
                    relax(&mut cost, i, j + 1, here);
                } else {
                    let extra = if matches!(c, b'h' | b'v') {
                        H_EDIT
                    } else {
                        EDIT
                    };
                    relax(&mut cost, i, j + 1, here + extra);
                }
            }
            if i < na {
                let extra = if arabic[i] == b'h' { H_EDIT } else { EDIT };
                relax(&mut cost, i + 1, j, here + extra);
                for len in 1..=3 {
                    let Some(unit) = latin.get(j..j + len) else {
                        break;
                    };
                    if let Some(fits) = fits(unit, arabic[i]) {
                        let step = if fits { 0 } else { EDIT };
                        relax(&mut cost, i + 1, j + len, here + step);
                    }
                }
            }
        }
    }
    cost[na * width + nl]
}

/// Whether a Latin consonant unit may write an Arabic letter (as transliterated): `None` when
/// `unit` is no unit at all (a vowel, or two letters that are no digraph).
fn fits(unit: &[u8], arabic: u8) -> Option<bool> {
    let writes: &[u8] = match unit {
        [c] if is_latin_vowel(*c) && *c != b'w' => return None,
        b"b" => b"bp",
        b"p" => b"pb",
        b"t" => b"t",
        b"th" => b"st",
        b"s" => b"s",
        b"sh" => b"s",
        b"ch" => b"csh",
        b"c" => b"kqs",
        b"ck" | b"k" => b"kq",
        b"kh" => b"hk",
        b"q" => b"qkg",
        b"g" => b"gqj",
        b"gh" => b"gq",
        b"j" | b"dj" | b"dzh" => b"j",
        b"zh" => b"zj",
        b"d" | b"dh" | b"z" => b"dz",
        b"x" => b"ks",
        b"v" => b"fw",
        b"f" | b"ph" => b"f",
        b"w" => b"w",
        [c] => return Some(*c == arabic),
        _ => return None,
    };
    Some(writes.contains(&arabic))
}

fn is_latin_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b'w')
}

#[cfg(test)]
mod tests {
    use super::super::script::arabic_word;
    use super::*;

    fn sim(arabic: &str, latin: &str) -> f32 {
        arabic_latin_similarity(&arabic_word(arabic), latin)
    }

    #[test]
    fn letters_written_several_ways_meet() {
        assert_eq!(sim("حافظ", "hafed"), 0.93, "ظ as d");
        assert_eq!(sim("حافظ", "hafez"), 0.93, "ظ as z");
        assert_eq!(sim("رمضان", "ramazan"), 0.93, "ض as z");
        assert_eq!(sim("شنداخ", "shindakh"), 0.93, "a final خ is a consonant");
        assert_eq!(sim("الحاج", "alhadj"), 0.93);
        assert_eq!(sim("صالح", "salih"), 0.93, "a final ح is not a ta marbuta");
        assert_eq!(sim("أزهر", "azhar"), 0.93, "zh as ز + ه");
        assert_eq!(sim("بلقاسم", "belkacem"), 0.93);
        assert_eq!(sim("بريخ", "barich"), 0.93, "خ as the German ch");
        assert_eq!(sim("أسامة", "usamah"), 0.93);
        assert!(sim("چوہدری", "chaudhry") >= 0.86, "Urdu چ and ہ");
    }

    #[test]
    fn the_bound_never_exceeds_the_alignment() {
        let arabic = [
            "حافظ",
            "شنداخ",
            "صالح",
            "چوہدری",
            "بلقاسم",
            "وليد",
            "حسن",
            "جمال",
        ];
        let latin = [
            "hafed", "shindakh", "salih", "chaudhry", "belkacem", "walid", "hussein", "gamal",
            "dzhamal", "ahmad", "khalaf", "mohammed",
        ];
        for a in arabic {
            let word = arabic_word(a);
            let lead = matches!(word.as_bytes()[0], b'a' | b'i' | b'u' | b'y');
            let consonants: Vec<u8> = word
                .bytes()
                .enumerate()
                .filter(|&(i, c)| !(matches!(c, b'a' | b'i' | b'u') || (i == 0 && lead)))
                .map(|(_, c)| c)
                .collect();
            for l in latin {
                let (bound, cost) = (
                    lower_bound(&consonants, l.as_bytes()),
                    align(&consonants, l.as_bytes()),
                );
                assert!(bound.min(MOST + 1) <= cost, "{a} {l}: {bound} > {cost}");
            }
        }
        assert_eq!(sim("وليد", "walid"), 0.93, "a leading w is a consonant");
    }

    #[test]
    fn other_names_stay_apart() {
        assert_eq!(sim("حسن", "hussein"), 0.93, "one name, two spellings");
        assert_eq!(sim("حسن", "ahmad"), 0.0);
        assert_eq!(sim("خالد", "khalaf"), 0.0);
        assert_eq!(sim("هاشم", "hishan"), 0.0);
        assert_eq!(sim("سالم", "salman"), 0.0);
    }
}
