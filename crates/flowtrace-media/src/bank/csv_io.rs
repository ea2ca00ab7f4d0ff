//! Bank import and export as CSV in the ThreatExchange / HMA convention: one hash per row,
//! `hash_type,hash_value` then any number of label fields; an optional header row starting
//! `hash_type`. A bad row is reported with its file, line and reason. Under
//! [`OnError::Fail`] the first stops the import and nothing is imported (one transaction);
//! under [`OnError::Skip`] it goes to the rejects file as it was in the input, byte for byte
//! (a quoted field may span lines), and the import reconciles: rows read = added + already in
//! the bank + rejected.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use flowtrace_rejects::{Books, LoadReport, OnError, Refusal, RejectRecord, RejectedRow};

use super::{insert, BankEntry, BankError, BankStore, HashType};

/// What an import did.
#[derive(Debug)]
pub struct ImportReport {
    /// New hashes added.
    pub added: u64,
    /// Rows whose hash the bank had already.
    pub duplicates: u64,
    /// The books: rows read = accepted (added + duplicates) + rejected, and the first refusals.
    pub books: LoadReport<RefusedRow>,
}

/// A CSV row the import refused: where and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedRow {
    /// The CSV file (or the name given for the stream).
    pub file: PathBuf,
    /// 1-based line the row starts on.
    pub line: u64,
    /// What is wrong.
    pub reason: String,
}

impl std::fmt::Display for RefusedRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: line {}: {}",
            self.file.display(),
            self.line,
            self.reason
        )
    }
}

impl RejectedRow for RefusedRow {
    type Kind = &'static str;

    fn kind(&self) -> &'static str {
        "bad row"
    }

    fn record(&self) -> RejectRecord<'_> {
        RejectRecord {
            file: &self.file,
            location: format!("line {}", self.line),
            column: "",
            kind: "bad row",
            detail: &self.reason,
        }
    }
}

impl From<RefusedRow> for BankError {
    fn from(row: RefusedRow) -> BankError {
        BankError::BadRow {
            file: row.file.display().to_string(),
            line: row.line,
            reason: row.reason,
        }
    }
}

fn parse_row(record: &csv::ByteRecord) -> Result<BankEntry, String> {
    let field = |k: usize| {
        record.get(k).map(|bytes| {
            std::str::from_utf8(bytes).map_err(|e| {
                format!(
                    "field {} is not UTF-8 (byte {})",
                    k + 1,
                    e.valid_up_to() + 1
                )
            })
        })
    };
    let (Some(kind), Some(value)) = (field(0), field(1)) else {
        return Err("expected hash_type,hash_value[,label...]: fewer than two fields".into());
    };
    let hash_type: HashType = kind?.parse()?;
    let labels = (2..record.len())
        .map(|k| field(k).unwrap_or(Ok("")).map(|l| l.trim().to_owned()))
        .collect::<Result<_, _>>()?;
    BankEntry::new(hash_type, value?, labels)
}

/// The line and byte where a record really starts. The csv reader's position is where it began
/// looking: before blank lines it skipped, and after a CRLF on the `\n` it had not consumed yet.
fn record_start(data: &[u8], position: Option<&csv::Position>, end: u64) -> (u64, u64) {
    let Some(position) = position else {
        return (0, end);
    };
    let (mut line, mut start) = (position.line(), position.byte());
    while start < end && matches!(data[start as usize], b'\r' | b'\n') {
        line += u64::from(data[start as usize] == b'\n');
        start += 1;
    }
    (line, start)
}

/// The record's bytes as they were in the input, without its line ending.
fn raw_record(data: &[u8], start: u64, end: u64) -> &[u8] {
    let raw = &data[start as usize..end as usize];
    let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
    raw.strip_suffix(b"\r").unwrap_or(raw)
}

impl BankStore {
    /// Imports CSV rows into `bank`; `file` names the input in errors and rejects. Under
    /// [`OnError::Fail`] the first bad row is returned as the error and nothing is imported.
    pub fn import_csv(
        &mut self,
        bank: &str,
        mut input: impl Read,
        file: &Path,
        on_error: &OnError,
    ) -> Result<ImportReport, BankError> {
        let csv_error = |source| BankError::Csv {
            file: file.display().to_string(),
            source,
        };
        // Read whole, so that a rejected record can be written as it was; a bank file holds
        // at most a few million hashes.
        let mut data = Vec::new();
        input
            .read_to_end(&mut data)
            .map_err(|e| csv_error(e.into()))?;
        let bank_id = self.bank_id(bank)?;
        let mut books = Books::new(file, on_error)?;
        let db = |source| BankError::Database {
            path: self.path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(db)?;
        let (mut added, mut duplicates) = (0, 0);
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(data.as_slice());
        let mut record = csv::ByteRecord::new();
        for k in 0.. {
            if !reader.read_byte_record(&mut record).map_err(csv_error)? {
                break;
            }
            let end = reader.position().byte();
            let (line, start) = record_start(&data, record.position(), end);
            let is_header = k == 0
                && record
                    .get(0)
                    .is_some_and(|f| f.trim_ascii().eq_ignore_ascii_case(b"hash_type"));
            if is_header || record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            match parse_row(&record) {
                Ok(entry) => {
                    books.accept();
                    if insert(&tx, bank_id, &entry).map_err(db)? {
                        added += 1;
                    } else {
                        duplicates += 1;
                    }
                }
                Err(reason) => {
                    let refused = RefusedRow {
                        file: file.to_path_buf(),
                        line,
                        reason,
                    };
                    let raw = raw_record(&data, start, end);
                    books.reject(refused, raw).map_err(|refusal| -> BankError {
                        match refusal {
                            Refusal::Stop(row) => row.into(),
                            Refusal::Rejects(e) => e.into(),
                        }
                    })?;
                }
            }
        }
        tx.commit().map_err(db)?;
        let books = books.finish()?;
        Ok(ImportReport {
            added,
            duplicates,
            books,
        })
    }

    /// Writes `bank` as CSV with a header row; returns the number of hashes written.
    pub fn export_csv(
        &self,
        bank: &str,
        output: impl Write,
        file: &str,
    ) -> Result<usize, BankError> {
        let entries = self.entries(bank)?;
        let csv_error = |source| BankError::Csv {
            file: file.to_owned(),
            source,
        };
        let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(output);
        writer
            .write_record(["hash_type", "hash_value", "labels..."])
            .map_err(csv_error)?;
        for e in &entries {
            let mut row = vec![e.hash_type.name().to_owned(), e.hash_value.clone()];
            row.extend(e.labels.iter().cloned());
            writer.write_record(&row).map_err(csv_error)?;
        }
        writer.flush().map_err(|e| csv_error(e.into()))?;
        Ok(entries.len())
    }
}
