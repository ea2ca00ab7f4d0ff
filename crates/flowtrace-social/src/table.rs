//! Small side tables read by name of column (identifier mappings, account countries): a header
//! row, then rows split as the posts CSV is split ([`crate::read::records`]). A bad row stops
//! the read with its file, line and reason: these files are short and written by hand or by the
//! simulator, so a mistake in one is worth fixing rather than skipping.

use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use crate::read::records::{Record, Records};

/// A side table that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    /// The file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The header lacks a column the table needs, or the file is empty.
    #[error("{}: line 1: {reason}", path.display())]
    Header {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A row that cannot be read.
    #[error("{}: line {line}: {reason}", path.display())]
    Row {
        /// The file.
        path: PathBuf,
        /// 1-based line the row starts on.
        line: u64,
        /// What is wrong.
        reason: String,
    },
}

/// Rows of a side table, each with the fields of the columns asked for.
pub(crate) struct Table {
    path: PathBuf,
    records: Records<BufReader<File>>,
    record: Record,
    columns: Vec<usize>,
    width: usize,
}

impl Table {
    /// Opens `path` and finds each of `wanted` (any of the names given for it) in its header.
    pub(crate) fn open(path: &Path, wanted: &[&[&str]]) -> Result<Table, TableError> {
        let io = |source| TableError::Io {
            path: path.to_path_buf(),
            source,
        };
        let file = File::open(path).map_err(io)?;
        let mut records = Records::new(BufReader::new(file));
        let mut record = Record::default();
        let header_error = |reason: String| TableError::Header {
            path: path.to_path_buf(),
            reason,
        };
        if !records.next_into(&mut record).map_err(io)? || record.is_blank() {
            return Err(header_error("empty file, expected a header".into()));
        }
        let header: Vec<String> = (0..record.field_count())
            .map(|i| {
                String::from_utf8_lossy(record.field(i))
                    .trim()
                    .trim_start_matches('\u{feff}')
                    .to_ascii_lowercase()
            })
            .collect();
        let mut columns = Vec::new();
        for names in wanted {
            let at = header.iter().position(|h| names.contains(&h.as_str()));
            columns.push(at.ok_or_else(|| {
                header_error(format!(
                    "no `{}` column in the header `{}`",
                    names.join("` or `"),
                    header.join(",")
                ))
            })?);
        }
        Ok(Table {
            path: path.to_path_buf(),
            width: header.len(),
            records,
            record,
            columns,
        })
    }

    /// The next row's line and wanted fields (trimmed), skipping blank lines; `None` at the end.
    pub(crate) fn next_row(&mut self) -> Result<Option<(u64, Vec<String>)>, TableError> {
        loop {
            let more =
                self.records
                    .next_into(&mut self.record)
                    .map_err(|source| TableError::Io {
                        path: self.path.clone(),
                        source,
                    })?;
            if !more {
                return Ok(None);
            }
            if self.record.is_blank() {
                continue;
            }
            let line = self.record.line;
            let bad = |reason: String| TableError::Row {
                path: self.path.clone(),
                line,
                reason,
            };
            if self.record.too_long() {
                return Err(bad("row too long".into()));
            }
            if self.record.unclosed_quote {
                return Err(bad("quoted field never closed".into()));
            }
            if self.record.field_count() != self.width {
                return Err(bad(format!(
                    "{} fields, the header has {}",
                    self.record.field_count(),
                    self.width
                )));
            }
            let mut fields = Vec::with_capacity(self.columns.len());
            for &col in &self.columns {
                let text = std::str::from_utf8(self.record.field(col))
                    .map_err(|_| bad(format!("column {} is not UTF-8", col + 1)))?;
                fields.push(text.trim().to_string());
            }
            return Ok(Some((line, fields)));
        }
    }
}
