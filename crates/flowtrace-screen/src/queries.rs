//! The queries file of `flowtrace screen --queries`: CSV with a header naming `id` and `name`
//! and optionally `schema`, `birth_date` (ISO, any precision) and `nationality`, in any order.
//! Like every flowtrace reader it never loses a row: each is accepted or rejected with its line
//! and reason, bad rows stop the read (`fail`) or go to a rejects file byte for byte (`skip`),
//! and the report reconciles: rows read = accepted + rejected.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::date::PartialDate;
use crate::matcher::Query;
use crate::model::Schema;

/// What to do with a bad row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OnBadRow {
    /// Stop at the first bad row.
    #[default]
    Fail,
    /// Set bad rows aside, writing each (line, reason, raw row) to `rejects` when given.
    Skip {
        /// Where to write rejected rows.
        rejects: Option<PathBuf>,
    },
}

/// Why a queries file could not be read, or a row of it.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The file (or the rejects file) could not be opened, read or written.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: io::Error,
    },
    /// The header lacks a required column, or a row is bad.
    #[error("{}: line {line}: {reason}", path.display())]
    Bad {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

/// The books of a queries read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QueriesReport {
    /// Data rows seen (not the header).
    pub read: u64,
    /// Rows that became queries.
    pub accepted: u64,
    /// Rows set aside.
    pub rejected: u64,
    /// The first ten rejections as `line N: reason`.
    pub first_errors: Vec<String>,
}

impl QueriesReport {
    /// Whether read = accepted + rejected.
    pub fn reconciles(&self) -> bool {
        self.read == self.accepted + self.rejected
    }
}

/// Columns found in the header.
struct Columns {
    /// The id column, or the bank and account columns of an accounts file.
    id: (usize, Option<usize>),
    name: usize,
    /// An accounts file's holder type is kept only when it names a schema.
    lenient_schema: bool,
    schema: Option<usize>,
    birth_date: Option<usize>,
    nationality: Option<usize>,
    width: usize,
}

/// Reads a queries file under a bad-row policy.
pub fn read_queries(
    path: &Path,
    policy: &OnBadRow,
) -> Result<(Vec<Query>, QueriesReport), QueryError> {
    read(path, policy, false)
}

/// Reads the account holders of a transfer dataset (`accounts.csv` as `flowtrace simulate`
/// writes it: `bank,account,...,entity_name,entity_type,country,...`) as queries whose id is
/// `bank:account`, so screening hits point at accounts of the money graph.
pub fn read_accounts(
    path: &Path,
    policy: &OnBadRow,
) -> Result<(Vec<Query>, QueriesReport), QueryError> {
    read(path, policy, true)
}

fn read(
    path: &Path,
    policy: &OnBadRow,
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
    let mut rejects = open_rejects(policy)?;
    let (mut queries, mut report) = (Vec::new(), QueriesReport::default());
    let mut record = csv::ByteRecord::new();
    loop {
        let line = reader.position().line();
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => return Err(csv_error(path, line, e)),
        }
        let line = record.position().map_or(line, |p| p.line());
        report.read += 1;
        match query(&record, &columns) {
            Ok(q) => {
                report.accepted += 1;
                queries.push(q);
            }
            Err(reason) => {
                report.rejected += 1;
                // `None` is fail mode; `Some(None)` skips without a rejects file.
                let Some(writer) = rejects.as_mut() else {
                    return Err(QueryError::Bad {
                        path: path.to_owned(),
                        line,
                        reason,
                    });
                };
                note(&mut report, line, &reason);
                if let Some(w) = writer {
                    write_reject(w, line, &reason, &record)
                        .map_err(|source| reject_error(policy, source))?;
                }
            }
        }
    }
    if let Some(Some(w)) = rejects.as_mut() {
        w.flush().map_err(|source| reject_error(policy, source))?;
    }
    Ok((queries, report))
}

type Rejects = Option<Option<BufWriter<File>>>;

/// `None` in fail mode; `Some(None)` in skip mode without a rejects file.
fn open_rejects(policy: &OnBadRow) -> Result<Rejects, QueryError> {
    match policy {
        OnBadRow::Fail => Ok(None),
        OnBadRow::Skip { rejects: None } => Ok(Some(None)),
        OnBadRow::Skip {
            rejects: Some(path),
        } => {
            let fail = |source| QueryError::Io {
                path: path.clone(),
                source,
            };
            let mut w = BufWriter::new(File::create(path).map_err(fail)?);
            w.write_all(b"line,reason,row\n").map_err(fail)?;
            Ok(Some(Some(w)))
        }
    }
}

fn reject_error(policy: &OnBadRow, source: io::Error) -> QueryError {
    let path = match policy {
        OnBadRow::Skip { rejects: Some(p) } => p.clone(),
        _ => PathBuf::new(),
    };
    QueryError::Io { path, source }
}

fn note(report: &mut QueriesReport, line: u64, reason: &str) {
    if report.first_errors.len() < 10 {
        report.first_errors.push(format!("line {line}: {reason}"));
    }
}

fn write_reject(
    w: &mut BufWriter<File>,
    line: u64,
    reason: &str,
    record: &csv::ByteRecord,
) -> io::Result<()> {
    let mut row = csv::WriterBuilder::new().from_writer(Vec::new());
    row.write_byte_record(record)?;
    let raw = row.into_inner().map_err(|e| e.into_error())?;
    let raw = String::from_utf8_lossy(&raw);
    let quoted = |s: &str| format!("\"{}\"", s.trim_end().replace('"', "\"\""));
    writeln!(w, "{line},{},{}", quoted(reason), quoted(&raw))
}

fn columns(path: &Path, header: &csv::ByteRecord) -> Result<Columns, QueryError> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_ascii().eq_ignore_ascii_case(name.as_bytes()))
    };
    let missing = |name: &str| QueryError::Bad {
        path: path.to_owned(),
        line: 1,
        reason: format!(
            "the header has no `{name}` column (expected id,name[,schema,birth_date,nationality])"
        ),
    };
    Ok(Columns {
        id: (find("id").ok_or_else(|| missing("id"))?, None),
        name: find("name").ok_or_else(|| missing("name"))?,
        lenient_schema: false,
        schema: find("schema"),
        birth_date: find("birth_date"),
        nationality: find("nationality"),
        width: header.len(),
    })
}

fn account_columns(path: &Path, header: &csv::ByteRecord) -> Result<Columns, QueryError> {
    let find = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_ascii() == name.as_bytes())
    };
    let missing = |name: &str| QueryError::Bad {
        path: path.to_owned(),
        line: 1,
        reason: format!(
            "an accounts file needs a `{name}` column (bank,account,...,entity_name,...)"
        ),
    };
    Ok(Columns {
        id: (
            find("bank").ok_or_else(|| missing("bank"))?,
            Some(find("account").ok_or_else(|| missing("account"))?),
        ),
        name: find("entity_name").ok_or_else(|| missing("entity_name"))?,
        lenient_schema: true,
        schema: find("entity_type"),
        birth_date: None,
        nationality: find("country"),
        width: header.len(),
    })
}

/// One row as a query, or why not.
fn query(record: &csv::ByteRecord, c: &Columns) -> Result<Query, String> {
    if record.len() != c.width {
        return Err(format!(
            "expected {} fields, found {}",
            c.width,
            record.len()
        ));
    }
    let field = |i: usize, what: &str| -> Result<String, String> {
        let text = std::str::from_utf8(&record[i]).map_err(|_| format!("{what} is not UTF-8"))?;
        Ok(text.trim().to_owned())
    };
    let optional = |i: Option<usize>, what: &str| -> Result<Option<String>, String> {
        Ok(i.map(|i| field(i, what))
            .transpose()?
            .filter(|s| !s.is_empty()))
    };
    let name = field(c.name, "name")?;
    if name.chars().all(|ch| !ch.is_alphanumeric()) {
        return Err("name is empty".to_owned());
    }
    let schema = match optional(c.schema, "schema")? {
        Some(s) if c.lenient_schema => schema(&s).ok(),
        Some(s) => Some(schema(&s)?),
        None => None,
    };
    let id = match c.id {
        (id, None) => field(id, "id")?,
        (bank, Some(account)) => format!("{}:{}", field(bank, "bank")?, field(account, "account")?),
    };
    let birth_date = optional(c.birth_date, "birth_date")?
        .map(|d| {
            PartialDate::parse_iso(&d).ok_or(format!(
                "birth_date {d:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
            ))
        })
        .transpose()?;
    Ok(Query {
        id,
        name,
        schema,
        birth_date,
        nationality: optional(c.nationality, "nationality")?,
    })
}

fn schema(text: &str) -> Result<Schema, String> {
    match text.to_ascii_lowercase().as_str() {
        "person" | "individual" => Ok(Schema::Person),
        "corporation" | "business" => Ok(Schema::Organization),
        "organization" | "organisation" | "company" | "entity" | "legalentity" => {
            Ok(Schema::Organization)
        }
        "vessel" => Ok(Schema::Vessel),
        "aircraft" | "airplane" => Ok(Schema::Aircraft),
        _ => Err(format!(
            "schema {text:?} is not Person, Organization, Vessel or Aircraft"
        )),
    }
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
