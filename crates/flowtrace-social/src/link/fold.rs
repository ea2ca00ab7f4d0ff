//! The text the identifier scanner reads: look-alike characters folded to ASCII, invisible
//! ones dropped, each remaining character remembering where it was in the post.
//!
//! Appeals are written to survive filters and copy-paste: full-width digits, Arabic-Indic
//! digits, no-break and thin spaces between groups, typographic dashes, zero-width joiners
//! inside an IBAN. Folding them first lets one scanner read all of these.

/// The folded characters of a text and where each was in the original.
pub struct Folded {
    /// Characters after folding.
    pub chars: Vec<char>,
    /// Byte range in the original of each character of `chars`.
    spans: Vec<(usize, usize)>,
}

impl Folded {
    /// Folds `text`.
    pub fn new(text: &str) -> Folded {
        let mut chars = Vec::with_capacity(text.len());
        let mut spans = Vec::with_capacity(text.len());
        for (at, c) in text.char_indices() {
            if let Some(f) = fold(c) {
                chars.push(f);
                spans.push((at, at + c.len_utf8()));
            }
        }
        Folded { chars, spans }
    }

    /// Byte range in the original of folded characters `start..end` (`start < end`).
    pub fn byte_range(&self, start: usize, end: usize) -> (usize, usize) {
        match (
            self.spans.get(start),
            end.checked_sub(1).and_then(|e| self.spans.get(e)),
        ) {
            (Some(&(from, _)), Some(&(_, to))) if from <= to => (from, to),
            _ => (0, 0),
        }
    }
}

/// The folded form of `c`, or `None` for characters that are dropped.
fn fold(c: char) -> Option<char> {
    let code = c as u32;
    let folded = match c {
        // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen.
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        // Full-width ASCII.
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(code - 0xFEE0).unwrap_or(c),
        // Arabic-Indic, Extended Arabic-Indic and Devanagari digits.
        '\u{0660}'..='\u{0669}' => digit(code - 0x0660),
        '\u{06F0}'..='\u{06F9}' => digit(code - 0x06F0),
        '\u{0966}'..='\u{096F}' => digit(code - 0x0966),
        // No-break, en/em/thin/hair and other fixed-width spaces, ideographic space.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => ' ',
        // Hyphens, dashes and the minus sign.
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        _ => c,
    };
    Some(folded)
}

fn digit(d: u32) -> char {
    char::from_digit(d, 10).unwrap_or('0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let text = "x\u{FF14}\u{200B}\u{0661}\u{00A0}-";
        let f = Folded::new(text);
        assert_eq!(f.chars, ['x', '4', '1', ' ', '-']);
        let (a, b) = f.byte_range(1, 3);
        assert_eq!(&text[a..b], "\u{FF14}\u{200B}\u{0661}");
        let (a, b) = f.byte_range(0, 5);
        assert_eq!(&text[a..b], text);
    }
}
