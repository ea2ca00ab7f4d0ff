//! Text that came from data, made safe and short enough for the page.
//!
//! Every string a caller hands the report (account names, typologies, captions) goes through
//! [`escape`] before it reaches the HTML or the SVG: inline SVG is parsed by the HTML parser, so
//! one escaping rule serves both.

use std::fmt::Write;

/// Escapes text for HTML element content and for quoted attribute values alike.
///
/// Control characters other than tab and newline are not allowed in HTML and would make the page
/// fail to parse in strict readers, so they become U+FFFD.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Shortens text to at most `max` characters (not bytes: names may be Arabic or Cyrillic),
/// ending with an ellipsis when something was cut. The full text stays in a tooltip.
pub(crate) fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let kept: String = text.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

/// Formats a number for people: thousands separators for whole numbers, two significant
/// decimals otherwise ("12,345", "0.93", "1,234.5").
pub(crate) fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let mut out = String::new();
    if rounded < 0.0 {
        out.push('-');
    }
    out.push_str(&group_thousands(whole.abs() as u64));
    let frac = (rounded.abs() - whole.abs()) * 100.0;
    let cents = frac.round() as u64;
    if cents > 0 {
        let _ = write!(out, ".{cents:02}");
        while out.ends_with('0') {
            out.pop();
        }
    }
    out
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Whether a table cell reads as a number ("1,204", "-3.5", "93%", "$ 40,000"), so it can be
/// right-aligned and digits line up.
pub(crate) fn looks_numeric(text: &str) -> bool {
    let t = text.trim();
    let body = t.trim_start_matches(['$', '€', '£', '-', '+', ' ']);
    let body = body.trim_end_matches(['%', ' ', '×', 'x']);
    !body.is_empty()
        && body.starts_with(|c: char| c.is_ascii_digit())
        && body
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<b>"Tom" & 'Jerry'</b>"#),
            "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;"
        );
    }

    #[test]
    fn keeps_other_scripts_and_replaces_control_characters() {
        assert_eq!(escape("عبد الله / Иван"), "عبد الله / Иван");
        assert_eq!(escape("a\u{0}b\u{1b}c\td"), "a\u{FFFD}b\u{FFFD}c\td");
    }

    #[test]
    fn truncates_by_characters_not_bytes() {
        assert_eq!(truncate("Иванов Иван Иванович", 8), "Иванов…");
        assert_eq!(truncate("short", 8), "short");
    }

    #[test]
    fn formats_numbers_for_people() {
        assert_eq!(number(1_234_567.0), "1,234,567");
        assert_eq!(number(0.93), "0.93");
        assert_eq!(number(1234.5), "1,234.5");
        assert_eq!(number(-12.0), "-12");
        assert_eq!(number(0.0), "0");
    }

    #[test]
    fn recognises_numeric_cells() {
        for yes in ["1,204", "-3.5", "93%", "$ 40,000", "12x"] {
            assert!(looks_numeric(yes), "{yes}");
        }
        for no in ["", "fan-out", "2024-03-01", "A1", "—"] {
            assert!(!looks_numeric(no), "{no}");
        }
    }
}
