//! Errors of the message readers: a bad row says file, line, column and why; a bad file says why.
//!
//! The shapes and wording are those of `flowtrace-io`'s transfer readers, so the binary prints
//! both alike; posts add one reason transfers do not have, a repeated message id.

use std::fmt;
use std::path::PathBuf;

/// Why a row was rejected; each kind is counted separately in the load summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RejectKind {
    /// The row has more or fewer fields than the header.
    WrongColumnCount,
    /// The last line ends without a line break and is incomplete.
    TruncatedLine,
    /// A required field is empty.
    EmptyField,
    /// A field is not valid UTF-8.
    InvalidUtf8,
    /// A row longer than the reader accepts.
    FieldTooLong,
    /// A timestamp that is not a finite number of seconds.
    BadTimestamp,
    /// A quoted field that is never closed.
    BadQuoting,
    /// A JSON line that does not parse, or is not an object of the expected shape.
    BadJson,
    /// A required property is missing.
    MissingField,
    /// A message id already taken by an earlier row (the earlier row is kept).
    DuplicateId,
}

impl RejectKind {
    /// Short name used in summaries and the rejects file.
    pub fn name(self) -> &'static str {
        match self {
            RejectKind::WrongColumnCount => "wrong column count",
            RejectKind::TruncatedLine => "truncated last line",
            RejectKind::EmptyField => "empty field",
            RejectKind::InvalidUtf8 => "invalid UTF-8",
            RejectKind::FieldTooLong => "field too long",
            RejectKind::BadTimestamp => "bad timestamp",
            RejectKind::BadQuoting => "bad quoting",
            RejectKind::BadJson => "bad JSON",
            RejectKind::MissingField => "missing field",
            RejectKind::DuplicateId => "duplicate message id",
        }
    }
}

impl fmt::Display for RejectKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The column a rejection is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// 1-based position in the row (0 in JSON, which has no positions).
    pub number: usize,
    /// Header name or property.
    pub name: &'static str,
}

/// One rejected row: where it is and why it was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// File the row came from.
    pub file: PathBuf,
    /// 1-based line the row starts on (the header is line 1).
    pub line: u64,
    /// Column at fault, when one is.
    pub column: Option<Column>,
    /// Category.
    pub kind: RejectKind,
    /// Specifics, quoting the offending value.
    pub detail: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {}", self.file.display(), self.line)?;
        if let Some(col) = &self.column {
            if col.number > 0 {
                write!(f, ", column {} ({})", col.number, col.name)?;
            } else {
                write!(f, ", {}", col.name)?;
            }
        }
        write!(f, ": {}: {}", self.kind, self.detail)
    }
}

/// A load that could not go on.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The input could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The input has no bytes at all.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The header is not the one the format requires.
    #[error("{}: line 1: wrong header: expected `{expected}`, found `{found}`", path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// The required header.
        expected: String,
        /// What the file has (lossily decoded, cut at 200 bytes).
        found: String,
    },
    /// A bad row in fail mode.
    #[error("{0}")]
    Row(Box<RowError>),
    /// More messages, accounts or distinct strings than `u32` ids can number.
    #[error("{}: too many {what} (the limit is about 4 billion)", path.display())]
    TooMany {
        /// The file.
        path: PathBuf,
        /// What overflowed.
        what: &'static str,
    },
    /// The rejects file could not be written.
    #[error("cannot write rejects file {}: {source}", path.display())]
    Rejects {
        /// The rejects file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}
