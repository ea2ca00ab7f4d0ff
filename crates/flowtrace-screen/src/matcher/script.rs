//! Words in another script to lowercase ASCII. Arabic script gets a table of its own, because a
//! general transliterator drops the long vowels (ا و ي) that Latin spellings of the same names
//! write, and keeps the article glued to the word; every other script goes through `any_ascii`.

/// Whether a character is an Arabic-script letter (Arabic, Persian, Pashto, Urdu forms).
pub(crate) fn is_arabic(c: char) -> bool {
    matches!(c as u32, 0x0600..=0x06FF | 0x0750..=0x077F | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether a character is a CJK ideograph, whose transliteration is one syllable per character.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// One Arabic-script word in Latin letters, vowels guessed the way Latin spellings write them:
/// alif and alif maqsura `a`, waw `u` (`w` first in a word), ya `i` (`y` first in a word),
/// ta marbuta `a`, ayn `a` first in a word (Ali, Umar) and nothing inside it (Sa'id).
/// Every consonant is one letter (ش `s`, خ `h`, ث `s`), so that no two letters read as one
/// sound (ص + ح is not `sh`); the skeleton of such a word takes no digraphs.
pub(crate) fn arabic_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    // Presentation forms (ﻣﺤﻤﺪ) decompose to the base letters first.
    let letters: Vec<char> = any_ascii_compat(word).chars().collect();
    for (i, &c) in letters.iter().enumerate() {
        let first = i == 0;
        // Persian and Urdu write a final ta marbuta as heh (جمعه, Juma).
        if matches!(c, 'ه' | 'ہ') && i + 1 == letters.len() && i >= 2 {
            out.push('a');
            continue;
        }
        let latin = match c {
            'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'ى' | 'ة' => "a",
            'ع' if first => "a",
            'ع' | 'ء' | 'ؤ' | 'ئ' | 'ـ' => "",
            'و' if first => "w",
            'و' => "u",
            'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' if first => "y",
            'ي' | 'ی' | 'ې' | 'ۍ' | 'ے' => "i",
            'ب' => "b",
            'ت' | 'ط' | 'ٹ' => "t",
            'ث' => "s",
            'ج' => "j",
            'ح' | 'ه' | 'ھ' | 'ہ' => "h",
            'خ' => "h",
            'د' | 'ض' | 'ڈ' => "d",
            'ذ' => "z",
            'ر' | 'ړ' | 'ڑ' => "r",
            'ز' | 'ظ' => "z",
            'ژ' => "z",
            'س' | 'ص' | 'ش' | 'ښ' => "s",
            'غ' => "g",
            'ف' => "f",
            'ق' => "q",
            'ك' | 'ک' => "k",
            'گ' | 'ګ' => "g",
            'ل' => "l",
            'م' => "m",
            'ن' | 'ڼ' | 'ں' => "n",
            'پ' => "p",
            'چ' => "c",
            'ځ' => "j",
            'څ' => "s",
            // Short-vowel marks, shadda and anything else carry no letter of their own.
            _ => "",
        };
        out.push_str(latin);
    }
    out
}

/// Maps Arabic presentation forms (isolated, initial, medial, final glyphs) to base letters, so
/// the table above sees one letter per sound.
fn any_ascii_compat(word: &str) -> String {
    word.chars()
        .map(|c| match c as u32 {
            0xFE8D | 0xFE8E => 'ا',
            0xFE8F..=0xFE92 => 'ب',
            0xFE95..=0xFE98 => 'ت',
            0xFE99..=0xFE9C => 'ث',
            0xFE9D..=0xFEA0 => 'ج',
            0xFEA1..=0xFEA4 => 'ح',
            0xFEA5..=0xFEA8 => 'خ',
            0xFEA9 | 0xFEAA => 'د',
            0xFEAB | 0xFEAC => 'ذ',
            0xFEAD | 0xFEAE => 'ر',
            0xFEAF | 0xFEB0 => 'ز',
            0xFEB1..=0xFEB4 => 'س',
            0xFEB5..=0xFEB8 => 'ش',
            0xFEB9..=0xFEBC => 'ص',
            0xFEBD..=0xFEC0 => 'ض',
            0xFEC1..=0xFEC4 => 'ط',
            0xFEC5..=0xFEC8 => 'ظ',
            0xFEC9..=0xFECC => 'ع',
            0xFECD..=0xFED0 => 'غ',
            0xFED1..=0xFED4 => 'ف',
            0xFED5..=0xFED8 => 'ق',
            0xFED9..=0xFEDC => 'ك',
            0xFEDD..=0xFEE0 => 'ل',
            0xFEE1..=0xFEE4 => 'م',
            0xFEE5..=0xFEE8 => 'ن',
            0xFEE9..=0xFEEC => 'ه',
            0xFEED | 0xFEEE => 'و',
            0xFEEF | 0xFEF0 => 'ى',
            0xFEF1..=0xFEF4 => 'ي',
            0xFE93 | 0xFE94 => 'ة',
            _ => c,
        })
        .collect()
}

/// A word in any non-Arabic script (or Latin with diacritics) as lowercase ASCII letters and
/// digits: `Ṣāliḥ` → `salih`, `Мухаммад` → `mukhammad`.
pub(crate) fn ascii_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if c.is_ascii() {
            push_alphanumeric(&mut out, c);
        } else {
            any_ascii::any_ascii_char(c)
                .chars()
                .for_each(|a| push_alphanumeric(&mut out, a));
        }
    }
    out
}

/// CJK ideographs one syllable each: a Chinese name is family name then given name, and Latin
/// lists write the given name's syllables as one word (王小明 → `wang`, `xiaoming`).
pub(crate) fn han_words(word: &str) -> Vec<String> {
    let syllables: Vec<String> = word.chars().map(|c| ascii_word(&c.to_string())).collect();
    match syllables.split_first() {
        Some((family, given)) if !given.is_empty() => vec![family.clone(), given.concat()],
        _ => syllables,
    }
}

fn push_alphanumeric(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_keep_long_vowels_and_drop_ayn_inside() {
        assert_eq!(arabic_word("محمد"), "mhmd");
        assert_eq!(arabic_word("أسامة"), "asama");
        assert_eq!(arabic_word("علي"), "ali");
        assert_eq!(arabic_word("سعيد"), "sid");
        assert_eq!(arabic_word("يوسف"), "yusf");
        assert_eq!(arabic_word("صحراوي"), "shraui");
        assert_eq!(arabic_word("ﻣﺤﻤﺪ"), "mhmd", "presentation forms");
    }

    #[test]
    fn other_scripts_and_diacritics_become_ascii() {
        assert_eq!(ascii_word("Ṣāliḥ"), "salih");
        assert_eq!(ascii_word("Мухаммад"), "mukhammad");
        assert_eq!(ascii_word("Öztürk"), "ozturk");
        assert_eq!(han_words("王小明"), ["wang", "xiaoming"]);
    }
}
