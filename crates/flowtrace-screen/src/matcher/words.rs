//! The words of a name as written: split at separators, every script read to lowercase ASCII,
//! and OFAC's "LAST, First" order turned around.

use super::script::{arabic_word, ascii_word, han_words, is_arabic, is_han};

/// "LAST, First" (OFAC's order) read as "First LAST", so that a trailing Abu or Abdul governs
/// the right word. Names with no comma or several stay as they are.
pub(super) fn rotate_comma(name: &str) -> std::borrow::Cow<'_, str> {
    match name.split_once(',') {
        Some((last, first)) if !first.contains(',') && !first.trim().is_empty() => {
            format!("{} {}", first.trim(), last.trim()).into()
        }
        _ => name.into(),
    }
}

/// The words of a name in lowercase ASCII, each marked when it came from Arabic script.
/// Arabic words lose their article here (الزرقاوي → `al`, `zrqaui`), since it is written glued.
pub(super) fn words(name: &str) -> Vec<(String, bool)> {
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
