//! The text two posts must share to be co-tweets: the toolkit's normalisation, reproduced.
//!
//! coordination-network-toolkit lowercases the text, deletes @mentions and collapses
//! whitespace before comparing, so that `@a Buy NOW` and `@b buy  now` are the same tweet. Its
//! three steps, as observed in 1.5.2 (Python 3.11, the `regex` module):
//!
//! 1. Python's `str.lower()`: full Unicode lowercasing with the final-sigma rule, which is what
//!    Rust's `str::to_lowercase` does too.
//! 2. A mention is an `@` and every character after it up to (not including) the next character
//!    with the Unicode `White_Space` property, or the end of the text; it is deleted. This is
//!    Rust's `char::is_whitespace`.
//! 3. Python's `str.split()` and a join with single spaces. `split()` breaks on
//!    `str.isspace()` characters, which are `White_Space` plus the four ASCII information
//!    separators U+001C to U+001F: a text `a\u{1f}b` is `a b` here, while step 2 lets a mention
//!    run through U+001F.

/// The toolkit's normalised form of a message text (see the [module documentation](self)).
pub fn normalise(text: &str) -> String {
    let mut out = String::new();
    normalise_into(text, &mut out);
    out
}

/// [`normalise`] into a buffer the caller reuses (cleared first).
pub fn normalise_into(text: &str, out: &mut String) {
    out.clear();
    if text.is_ascii() {
        // Most posts: no allocation for the lowercase copy, and ASCII's only spaces are
        // `\t\n\x0b\x0c\r` and ` ` (plus U+001C..U+001F for Python's split).
        push_normalised(text.bytes().map(|b| b.to_ascii_lowercase() as char), out);
    } else {
        push_normalised(text.to_lowercase().chars(), out);
    }
}

fn push_normalised(chars: impl Iterator<Item = char>, out: &mut String) {
    let mut in_mention = false;
    let mut pending_space = false;
    for c in chars {
        if in_mention {
            if c.is_whitespace() {
                in_mention = false;
            } else {
                continue;
            }
        }
        if c == '@' {
            in_mention = true;
            continue;
        }
        if is_python_space(c) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
}

/// Python's `str.isspace()`.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercases_drops_mentions_and_collapses_space() {
        assert_eq!(normalise("  @a Buy\tNOW  @b.c,d "), "buy now");
        assert_eq!(normalise("mail x@y.z now"), "mail x now");
        assert_eq!(normalise("a@b@c d"), "a d");
        assert_eq!(normalise("@only"), "");
        assert_eq!(normalise(""), "");
        assert_eq!(normalise("line\nbreak\u{3000}ideo"), "line break ideo");
    }

    #[test]
    fn follows_python_where_unicode_and_python_differ() {
        // U+001F is a space to str.split() but not to the mention pattern.
        assert_eq!(normalise("a\u{1f}b"), "a b");
        assert_eq!(normalise("@m\u{1f}b c"), "c");
        // Final sigma, as Python's lower() does it.
        assert_eq!(normalise("ΟΔΟΣ Σ"), "οδος σ");
    }
}
