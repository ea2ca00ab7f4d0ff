//! Errors of the hash banks: each names the bank file or CSV file and, for a bad CSV row, its
//! line and what is wrong with it.

use std::path::PathBuf;

/// Why a bank operation failed.
#[derive(Debug, thiserror::Error)]
pub enum BankError {
    /// The SQLite database could not be opened, read or written.
    #[error("bank database {}: {source}", path.display())]
    Database {
        /// The database file (`:memory:` for an in-memory one).
        path: PathBuf,
        /// What SQLite said.
        source: rusqlite::Error,
    },
    /// No bank has this name.
    #[error("no bank named {0:?}")]
    NoSuchBank(String),
    /// A bank with this name exists already.
    #[error("a bank named {0:?} exists already")]
    BankExists(String),
    /// A bank name that is empty or too long.
    #[error("bad bank name {0:?}: use 1 to 200 characters")]
    BadName(String),
    /// A CSV row that is not `hash_type,hash_value[,label...]` with a known type and valid value.
    #[error("{file}: line {line}: {reason}")]
    BadRow {
        /// The CSV file (or the name given for the stream).
        file: String,
        /// 1-based line number.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// The rejects file of an import could not be written.
    #[error("cannot write rejects file {}: {source}", path.display())]
    Rejects {
        /// The rejects file.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The CSV could not be read or written at all (I/O, broken quoting).
    #[error("{file}: {source}")]
    Csv {
        /// The CSV file (or the name given for the stream).
        file: String,
        /// What the CSV reader or writer said.
        source: csv::Error,
    },
}

impl From<flowtrace_rejects::RejectsError> for BankError {
    fn from(e: flowtrace_rejects::RejectsError) -> BankError {
        BankError::Rejects {
            path: e.path,
            source: e.source,
        }
    }
}
