//! What happens to bad rows: stop at the first (`fail`) or write each to a rejects file (`skip`),
//! and the reconciliation every load ends with: rows read = rows accepted + rows rejected.
//!
//! The rejects file has the columns of `flowtrace-io`'s (`file,location,column,kind,detail,row`),
//! the raw row written byte for byte, so rows that are not UTF-8 survive for repair.

use std::collections::BTreeMap;
use std::fmt;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use super::error::{ReadError, RejectKind, RowError};

/// What a reader does with a bad row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OnError {
    /// Stop at the first bad row and return it as the error.
    #[default]
    Fail,
    /// Keep going; write every bad row (raw bytes and reason) to `rejects` when given.
    Skip {
        /// Where to write rejected rows.
        rejects: Option<PathBuf>,
    },
}

/// How many of the rejected rows a [`LoadReport`] keeps in full, for printing.
pub const SAMPLE_ERRORS: usize = 10;

/// The outcome of a load: counts that reconcile, the rejects by kind, and the first few errors.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// The file read.
    pub file: PathBuf,
    /// Data rows seen (the header and blank lines are not rows).
    pub rows_read: u64,
    /// Rows that became messages.
    pub accepted: u64,
    /// Rows refused.
    pub rejected: u64,
    /// Refused rows by kind.
    pub rejected_by_kind: BTreeMap<RejectKind, u64>,
    /// The first [`SAMPLE_ERRORS`] errors, in file order.
    pub first_errors: Vec<RowError>,
    /// Where the rejects were written, if anywhere.
    pub rejects_file: Option<PathBuf>,
}

impl LoadReport {
    /// Whether read = accepted + rejected, which every reader guarantees.
    pub fn reconciles(&self) -> bool {
        self.rows_read == self.accepted + self.rejected
    }
}

impl fmt::Display for LoadReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: read {} rows = {} accepted + {} rejected",
            self.file.display(),
            self.rows_read,
            self.accepted,
            self.rejected
        )?;
        if let Some(path) = &self.rejects_file {
            write!(f, " (rejects in {})", path.display())?;
        }
        Ok(())
    }
}

/// Applies an [`OnError`] policy row by row and keeps the books.
pub(crate) struct RejectHandler {
    policy: OnError,
    writer: Option<(PathBuf, BufWriter<File>)>,
    report: LoadReport,
}

impl RejectHandler {
    /// Opens the rejects file (if any) right away, so a bad path fails before reading starts.
    pub(crate) fn new(file: &Path, policy: &OnError) -> Result<RejectHandler, ReadError> {
        let writer = match policy {
            OnError::Skip {
                rejects: Some(path),
            } => {
                let fail = |source| ReadError::Rejects {
                    path: path.clone(),
                    source,
                };
                let mut w = BufWriter::new(File::create(path).map_err(fail)?);
                w.write_all(b"file,location,column,kind,detail,row\n")
                    .map_err(fail)?;
                Some((path.clone(), w))
            }
            _ => None,
        };
        let report = LoadReport {
            file: file.to_path_buf(),
            rejects_file: writer.as_ref().map(|(p, _)| p.clone()),
            ..LoadReport::default()
        };
        Ok(RejectHandler {
            policy: policy.clone(),
            writer,
            report,
        })
    }

    /// Counts an accepted row.
    pub(crate) fn accept(&mut self) {
        self.report.rows_read += 1;
        self.report.accepted += 1;
    }

    /// Records a bad row; in fail mode returns it as the error that ends the load.
    pub(crate) fn reject(&mut self, error: RowError, raw: &[u8]) -> Result<(), ReadError> {
        self.report.rows_read += 1;
        self.report.rejected += 1;
        if self.policy == OnError::Fail {
            return Err(ReadError::Row(Box::new(error)));
        }
        *self.report.rejected_by_kind.entry(error.kind).or_default() += 1;
        if let Some((path, w)) = &mut self.writer {
            write_reject(w, &error, raw).map_err(|source| ReadError::Rejects {
                path: path.clone(),
                source,
            })?;
        }
        if self.report.first_errors.len() < SAMPLE_ERRORS {
            self.report.first_errors.push(error);
        }
        Ok(())
    }

    /// Flushes the rejects file and hands back the report.
    pub(crate) fn finish(mut self) -> Result<LoadReport, ReadError> {
        if let Some((path, w)) = &mut self.writer {
            w.flush().map_err(|source| ReadError::Rejects {
                path: path.clone(),
                source,
            })?;
        }
        debug_assert!(self.report.reconciles());
        Ok(self.report)
    }
}

fn write_reject(w: &mut impl Write, e: &RowError, raw: &[u8]) -> std::io::Result<()> {
    let column = e.column.as_ref().map_or("", |c| c.name);
    write_field(w, e.file.display().to_string().as_bytes())?;
    w.write_all(b",")?;
    write_field(w, format!("line {}", e.line).as_bytes())?;
    w.write_all(b",")?;
    write_field(w, column.as_bytes())?;
    w.write_all(b",")?;
    write_field(w, e.kind.name().as_bytes())?;
    w.write_all(b",")?;
    write_field(w, e.detail.as_bytes())?;
    w.write_all(b",")?;
    write_field(w, raw)?;
    w.write_all(b"\n")
}

fn write_field(w: &mut impl Write, bytes: &[u8]) -> std::io::Result<()> {
    w.write_all(b"\"")?;
    for part in bytes.split_inclusive(|&b| b == b'"') {
        w.write_all(part)?;
        if part.ends_with(b"\"") {
            w.write_all(b"\"")?;
        }
    }
    w.write_all(b"\"")
}
