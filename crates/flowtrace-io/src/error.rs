//! Errors of the readers: a bad row says file, line (or record), column and why; a bad file says why.

use std::fmt;
use std::path::{Path, PathBuf};

use flowtrace_graph::ModelError;

/// Where in a file a row sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Location {
    /// 1-based line number of a text file (the header is line 1).
    Line(u64),
    /// 1-based record number of a binary file (Parquet, Arrow IPC).
    Record(u64),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Record(n) => write!(f, "record {n}"),
        }
    }
}

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
    /// A field is longer than the reader accepts.
    FieldTooLong,
    /// A timestamp that does not parse or names an impossible date.
    BadTimestamp,
    /// An amount that is not a finite number.
    BadAmount,
    /// An amount below zero.
    NegativeAmount,
    /// A currency flowtrace does not know.
    UnknownCurrency,
    /// A payment format flowtrace does not know.
    UnknownPaymentFormat,
    /// A label other than 0 or 1.
    BadLabel,
    /// A quoted field that is not closed on its line.
    BadQuoting,
    /// A JSON line that does not parse, or is not an object of the expected shape.
    BadJson,
    /// A required property or column is missing.
    MissingField,
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
            RejectKind::BadAmount => "bad amount",
            RejectKind::NegativeAmount => "negative amount",
            RejectKind::UnknownCurrency => "unknown currency",
            RejectKind::UnknownPaymentFormat => "unknown payment format",
            RejectKind::BadLabel => "bad label",
            RejectKind::BadQuoting => "bad quoting",
            RejectKind::BadJson => "bad JSON",
            RejectKind::MissingField => "missing field",
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
    /// 1-based position in the row (0 when the format has no positions, as in JSON).
    pub number: usize,
    /// Header name or property path.
    pub name: String,
}

/// One rejected row: where it is and why it was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// File the row came from.
    pub file: PathBuf,
    /// Line or record number.
    pub location: Location,
    /// Column at fault, when one is.
    pub column: Option<Column>,
    /// Category.
    pub kind: RejectKind,
    /// Specifics, quoting the offending value.
    pub detail: String,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file.display(), self.location)?;
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
        /// What the file has (lossily decoded).
        found: String,
    },
    /// A bad row in fail mode.
    #[error("{0}")]
    Row(Box<RowError>),
    /// A file that is not what its format says (bad Parquet footer, wrong schema, ...).
    #[error("{}: {message}", path.display())]
    Format {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The dataset outgrew the model's limits.
    #[error("{}: {source}", path.display())]
    Model {
        /// The file.
        path: PathBuf,
        /// The limit hit.
        source: ModelError,
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

impl ReadError {
    pub(crate) fn io(path: &Path, source: std::io::Error) -> ReadError {
        ReadError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn format(path: &Path, message: impl Into<String>) -> ReadError {
        ReadError::Format {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }

    pub(crate) fn model(path: &Path, source: ModelError) -> ReadError {
        ReadError::Model {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A write that failed.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output could not be created or written.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The encoder refused the data.
    #[error("cannot write {}: {message}", path.display())]
    Encode {
        /// The file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}
