//! Errors of the list readers: every one names the file, and a bad record also says where it sits
//! (record, line, byte) and why, so a screening team can open the file at the right place.

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// Where in a list file a problem sits. Each part is given when the reader knows it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    /// 1-based number of the record (UN entry, OFAC row, FtM entity) the problem is in.
    pub record: Option<u64>,
    /// What identifies that record, e.g. `DATAID 6908555, REFERENCE_NUMBER QDi.001`.
    pub key: Option<String>,
    /// 1-based line number.
    pub line: Option<u64>,
    /// 0-based byte offset from the start of the file.
    pub byte: Option<u64>,
}

impl Location {
    /// A location that only knows its line.
    pub fn line(line: u64) -> Self {
        Location {
            line: Some(line),
            ..Location::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(record) = self.record {
            parts.push(format!("record {record}"));
        }
        if let Some(line) = self.line {
            parts.push(format!("line {line}"));
        }
        if let Some(byte) = self.byte {
            parts.push(format!("byte {byte}"));
        }
        if parts.is_empty() {
            parts.push("start of file".to_owned());
        }
        if let Some(key) = &self.key {
            parts[0] = format!("{} ({key})", parts[0]);
        }
        f.write_str(&parts.join(", "))
    }
}

/// What is wrong with a list file, one kind per way a file can be bad.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The file is not XML at all where XML was expected.
    NotXml,
    /// The XML is well formed so far but breaks its grammar (bad tag, mismatched end tag).
    BadXml,
    /// The XML root element is not the one of the expected list.
    WrongRoot,
    /// The file ends in the middle of the document.
    Truncated,
    /// Bytes that are not UTF-8 in a format that must be UTF-8.
    NotUtf8,
    /// A field (element text, CSV field, JSON line) longer than the readers accept.
    FieldTooLong,
    /// A CSV row with more or fewer fields than the format has.
    WrongColumnCount,
    /// A JSON line that does not parse or is not an entity object.
    BadJson,
    /// A field every record must have is missing or empty.
    MissingField,
    /// A field whose value cannot be read (e.g. an OFAC entity number that is not a number).
    BadValue,
    /// A row that points at an entity the list does not have (OFAC alt/add rows).
    UnknownEntity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Problem::NotXml => "not XML",
            Problem::BadXml => "malformed XML",
            Problem::WrongRoot => "wrong root element",
            Problem::Truncated => "file is truncated",
            Problem::NotUtf8 => "not UTF-8",
            Problem::FieldTooLong => "field too long",
            Problem::WrongColumnCount => "wrong number of fields",
            Problem::BadJson => "bad JSON",
            Problem::MissingField => "missing field",
            Problem::BadValue => "bad value",
            Problem::UnknownEntity => "unknown entity",
        })
    }
}

/// A bad record or a bad spot in a list file: file, where, what kind of problem, and the detail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    /// The file.
    pub path: PathBuf,
    /// Where in the file.
    pub at: Location,
    /// What kind of problem.
    pub problem: Problem,
    /// The detail, in words, e.g. the value that did not parse.
    pub detail: String,
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, at, problem) = (self.path.display(), &self.at, self.problem);
        write!(f, "{path}: {at}: {problem}: {}", self.detail)
    }
}

/// Why a watchlist could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The file has no content (or only white space).
    #[error("{}: the file is empty", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file is in no format flowtrace reads watchlists from.
    #[error("{}: not a watchlist format flowtrace reads: {reason}", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// What was found instead.
        reason: String,
    },
    /// A record or a spot in the file is bad. Boxed to keep `Result`s small.
    #[error("{0}")]
    Invalid(Box<Invalid>),
}

impl ListError {
    /// An I/O error on `path`.
    pub(crate) fn io(path: &Path, source: io::Error) -> Self {
        ListError::Io {
            path: path.to_owned(),
            source,
        }
    }

    /// A bad record or spot in `path`.
    pub(crate) fn invalid(
        path: &Path,
        at: Location,
        problem: Problem,
        detail: impl Into<String>,
    ) -> Self {
        ListError::Invalid(Box::new(Invalid {
            path: path.to_owned(),
            at,
            problem,
            detail: detail.into(),
        }))
    }

    /// The kind of problem, when the error is about the content of the file.
    pub fn problem(&self) -> Option<Problem> {
        match self {
            ListError::Invalid(invalid) => Some(invalid.problem),
            _ => None,
        }
    }

    /// Where the problem sits, when the error is about one spot of the file.
    pub fn location(&self) -> Option<&Location> {
        match self {
            ListError::Invalid(invalid) => Some(&invalid.at),
            _ => None,
        }
    }
}
