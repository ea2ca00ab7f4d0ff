//! Field rules both formats share: timestamps, URL lists, and turning a checked row into a
//! message or a reject.

use std::path::Path;

use super::error::{Column, ReadError, RejectKind, RowError};
use super::rejects::RejectHandler;
use crate::messages::{AddError, KeyHashes, Messages, Post, Urls};

/// A fault found in one row, before it is placed in a file and line.
#[derive(Clone)]
pub(crate) struct Bad {
    pub column: Option<Column>,
    pub kind: RejectKind,
    pub detail: String,
}

impl Bad {
    pub fn new(column: Option<Column>, kind: RejectKind, detail: impl Into<String>) -> Bad {
        Bad {
            column,
            kind,
            detail: detail.into(),
        }
    }

    pub fn at(self, file: &Path, line: u64) -> RowError {
        RowError {
            file: file.to_path_buf(),
            line,
            column: self.column,
            kind: self.kind,
            detail: self.detail,
        }
    }
}

/// Parses a timestamp in seconds as the toolkit's `float(timestamp)` does, refusing what would
/// make its time windows meaningless: `nan` and infinities. Surrounding ASCII spaces are allowed;
/// Python's digit separators (`1_000`) are not.
pub(crate) fn parse_timestamp(text: &str) -> Result<f64, String> {
    // Most timestamps are whole seconds: up to 15 digits are exact in an `f64`, and summing
    // them is what the general parser would return, at a fraction of its cost. One pass both
    // sums and checks (a byte that is no digit makes the sum meaningless, but it cannot
    // overflow in 15 bytes, and it is then not used).
    if (1..=15).contains(&text.len()) {
        let (mut n, mut digits) = (0u64, true);
        for b in text.bytes() {
            let digit = b.wrapping_sub(b'0');
            digits &= digit < 10;
            n = n * 10 + u64::from(digit);
        }
        if digits {
            return Ok(n as f64);
        }
    }
    let trimmed = text.trim_matches(|c: char| c.is_ascii_whitespace());
    match trimmed.parse::<f64>() {
        Ok(t) if t.is_finite() => Ok(t),
        Ok(_) => Err(format!("`{}` is not a finite number of seconds", cut(text))),
        Err(_) => Err(format!("`{}` is not a number of seconds", cut(text))),
    }
}

/// Splits the toolkit's `urls` field: URLs separated by single spaces. Empty pieces (an empty
/// field, doubled or trailing spaces) are not URLs; the toolkit 1.5.2 keeps them as the URL `""`.
pub(crate) fn split_urls(field: &str) -> impl Iterator<Item = &str> {
    field.split(' ').filter(|u| !u.is_empty())
}

/// A value cut to 60 characters, for error details.
pub(crate) fn cut(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((i, _)) => format!("{}...", &text[..i]),
        None => text.to_string(),
    }
}

/// Adds a checked row with its URLs (and its ids' hashes) to the table, or rejects it (a
/// repeated id) or stops the load (overflow). Inlined into the readers' loops, with the rare
/// refusal apart, so that a row's pieces are not copied into an argument block per call.
#[inline]
pub(crate) fn add_row(
    messages: &mut Messages,
    (post, urls, hashes): (&Post, Urls, &KeyHashes),
    id_column: Column,
    at: (&Path, u64, &[u8]),
    rejects: &mut RejectHandler,
) -> Result<(), ReadError> {
    match messages.add_hashed(post, urls, hashes) {
        Ok(()) => {
            rejects.accept();
            Ok(())
        }
        Err(refused) => refuse(refused, post, id_column, at, rejects),
    }
}

#[cold]
fn refuse(
    refused: AddError,
    post: &Post,
    id_column: Column,
    (path, line, raw): (&Path, u64, &[u8]),
    rejects: &mut RejectHandler,
) -> Result<(), ReadError> {
    match refused {
        AddError::DuplicateId => {
            let detail = format!("`{}` is the id of an earlier message", cut(post.message_id));
            let bad = Bad::new(Some(id_column), RejectKind::DuplicateId, detail);
            Ok(rejects.reject(bad.at(path, line), raw)?)
        }
        AddError::TooMany(what) => Err(ReadError::TooMany {
            path: path.to_path_buf(),
            what,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_finite_seconds() {
        assert_eq!(parse_timestamp("1600000000"), Ok(1.6e9));
        assert_eq!(
            parse_timestamp("999999999999999"),
            Ok(999_999_999_999_999.0)
        );
        assert_eq!(parse_timestamp("0001"), Ok(1.0));
        assert_eq!(parse_timestamp(" 12.5 "), Ok(12.5));
        assert_eq!(parse_timestamp("-3e2"), Ok(-300.0));
        for bad in [
            "",
            "nan",
            "inf",
            "-Infinity",
            "2020-01-01T00:00:00Z",
            "1_000",
            "0x10",
        ] {
            assert!(parse_timestamp(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn empty_url_pieces_are_not_urls() {
        let split = |s| split_urls(s).collect::<Vec<_>>();
        assert_eq!(split("a.com  b.org "), ["a.com", "b.org"]);
        assert!(split("").is_empty());
        assert_eq!(split("x\ty"), ["x\ty"]);
    }
}
