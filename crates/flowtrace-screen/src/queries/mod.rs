//! The queries file of `flowtrace screen --queries`: CSV with a header naming `id` and `name`
//! and optionally `schema`, `birth_date` (ISO, any precision) and `nationality`, in any order.
//! Like every flowtrace reader it never loses a row: each is accepted or rejected with its line
//! and reason, bad rows stop the read ([`OnError::Fail`]) or go to a rejects file
//! ([`OnError::Skip`], the shared `file,location,column,kind,detail,row` format), and the report
//! reconciles: rows read = accepted + rejected.

mod row;

use std::fmt;
use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

pub use flowtrace_rejects::OnError;
use flowtrace_rejects::{Books, LoadReport, Refusal, RejectRecord, RejectedRow, RejectsError};

use crate::matcher::Query;
use row::{account_columns, columns, query};

/// A rejected row of a queries or accounts file: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadQuery {
    /// The file.
    pub file: PathBuf,
    /// 1-based line.
    pub line: u64,
    /// The header's name of the column at fault, if one is.
    pub column: Option<String>,
    /// What kind of fault: `wrong field count`, `invalid UTF-8`, `empty name`, `bad schema` or
    /// `bad date`.
    pub kind: &'static str,
    /// Specifics.
    pub reason: String,
}

impl fmt::Display for BadQuery {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: line {}: {}",
            self.file.display(),
            self.line,
            self.reason
        )
    }
}

impl RejectedRow for BadQuery {
    type Kind = &'static str;

    fn kind(&self) -> &'static str {
        self.kind
    }

    fn record(&self) -> RejectRecord<'_> {
        RejectRecord {
            file: &self.file,
            location: format!("line {}", self.line),
            column: self.column.as_deref().unwrap_or(""),
            kind: self.kind,
            detail: &self.reason,
        }
    }
}

/// The books of a queries read: rows read = accepted + rejected.
pub type QueriesReport = LoadReport<BadQuery>;

/// Why a queries file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The header lacks a required column, or the CSV itself is malformed.
    #[error("{}: line {line}: {reason}", path.display())]
    Bad {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// A bad row, in fail mode.
    #[error("{0}")]
    Row(BadQuery),
    /// The rejects file could not be written.
    #[error(transparent)]
    Rejects(#[from] RejectsError),
}

/// Reads a queries file under a bad-row policy.
pub fn read_queries(
    path: &Path,
    policy: &OnError,
) -> Result<(Vec<Query>, QueriesReport), QueryError> {
    read(path, policy, false)
}

/// Reads the account holders of a transfer dataset (`accounts.csv` as `flowtrace simulate`
/// writes it: `bank,account,...,entity_name,entity_type,country,...`) as queries whose id is
/// `bank:account`, so screening hits point at accounts of the money graph.
pub fn read_accounts(
    path: &Path,
    policy: &OnError,
) -> Result<(Vec<Query>, QueriesReport), QueryError> {
    read(path, policy, true)
}

fn read(
    path: &Path,
    policy: &OnError,
    accounts: bool,
) -> Result<(Vec<Query>, QueriesReport), QueryError> {
    let io_error = |source| QueryError::Io {
        path: path.to_owned(),
        source,
    };
    let file = File::open(path).map_err(io_error)?;
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(file);
    let header = reader
        .byte_headers()
        .map_err(|e| csv_error(path, 1, e))?
        .clone();
    let columns = if accounts {
        account_columns(path, &header)?
    } else {
        columns(path, &header)?
    };
    let mut books = Books::new(path, policy)?;
    let mut queries = Vec::new();
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(path, line, e)),
        }
        let line = record.position().map_or(line, |p| p.line());
        match query(&record, &columns) {
            Ok(q) => {
                books.accept();
                queries.push(q);
            }
            Err(fault) => {
                let bad = BadQuery {
                    file: path.to_owned(),
                    line,
                    column: fault
                        .column
                        .and_then(|i| header.get(i))
                        .map(|name| String::from_utf8_lossy(name.trim_ascii()).into_owned()),
                    kind: fault.kind,
                    reason: fault.reason,
                };
                let raw = raw_row(&record).map_err(io_error)?;
                books.reject(bad, &raw).map_err(|refusal| match refusal {
                    Refusal::Stop(bad) => QueryError::Row(bad),
                    Refusal::Rejects(e) => QueryError::Rejects(e),
                })?;
            }
        }
    }
    Ok((queries, books.finish()?))
}

/// The row as CSV again, without its line end: the csv reader keeps fields, not lines, and
/// writes them back as they were unless their quoting was unusual.
fn raw_row(record: &csv::ByteRecord) -> io::Result<Vec<u8>> {
    let mut row = csv::WriterBuilder::new().from_writer(Vec::new());
    row.write_byte_record(record)?;
    let mut raw = row.into_inner().map_err(|e| e.into_error())?;
    while raw.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
        raw.pop();
    }
    Ok(raw)
}

fn csv_error(path: &Path, line: u64, error: csv::Error) -> QueryError {
    let line = error.position().map_or(line, |p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(source) => QueryError::Io {
            path: path.to_owned(),
            source,
        },
        other => QueryError::Bad {
            path: path.to_owned(),
            line,
            reason: format!("{other:?}"),
        },
    }
}
