//! Text to the word shingles MinHash compares: case folded, Arabic diacritics and tatweel
//! dropped, split into words on anything that is not a letter or digit (any script), and
//! scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) split into
//! single characters so their shingles are not whole sentences.

/// Marks that change the look of Arabic text but not the words: harakat, superscript alef,
/// Quranic marks and the tatweel (kashida) used to stretch words.
fn is_ignorable(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
        || c == '\u{200C}'
        || c == '\u{200D}'
}

/// Characters of scripts written without spaces between words.
fn is_unspaced(c: char) -> bool {
    matches!(c,
        '\u{0E00}'..='\u{0EFF}'   // Thai, Lao
        | '\u{1000}'..='\u{109F}' // Myanmar
        | '\u{1780}'..='\u{17FF}' // Khmer
        | '\u{3040}'..='\u{30FF}' // Hiragana, Katakana
        | '\u{3400}'..='\u{4DBF}' // CJK extension A
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}' // CJK compatibility ideographs
    )
}

/// The text's words, normalised, in order.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_ignorable(c) {
            continue;
        }
        if is_unspaced(c) {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            out.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.push(c);
        } else if !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// Calls `each` with every run of `k` consecutive words joined by a space; a text shorter
/// than `k` words gives one shingle of all its words, an empty text none.
pub fn for_each_shingle(words: &[String], k: usize, mut each: impl FnMut(&str)) {
    let k = k.max(1);
    let mut buf = String::new();
    let windows = if words.len() < k {
        words.len().min(1)
    } else {
        words.len() - k + 1
    };
    for start in 0..windows {
        buf.clear();
        for (n, w) in words[start..(start + k).min(words.len())]
            .iter()
            .enumerate()
        {
            if n > 0 {
                buf.push(' ');
            }
            buf.push_str(w);
        }
        each(&buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_fold_case_and_punctuation_in_any_script() {
        assert_eq!(
            words("Join US, now!! Join-us"),
            ["join", "us", "now", "join", "us"]
        );
        // The same Arabic word with and without harakat and tatweel.
        assert_eq!(words("جِهَاد"), words("جـهاد"));
        assert_eq!(words("Приходи СЕЙЧАС"), ["приходи", "сейчас"]);
        assert_eq!(words("加入我们"), ["加", "入", "我", "们"]);
    }

    #[test]
    fn shingles_slide_over_words() {
        let w = words("a b c d");
        let mut got = Vec::new();
        for_each_shingle(&w, 3, |s| got.push(s.to_owned()));
        assert_eq!(got, ["a b c", "b c d"]);
        got.clear();
        for_each_shingle(&w[..2], 3, |s| got.push(s.to_owned()));
        assert_eq!(got, ["a b"]);
        got.clear();
        for_each_shingle(&[], 3, |s| got.push(s.to_owned()));
        assert!(got.is_empty());
    }
}
