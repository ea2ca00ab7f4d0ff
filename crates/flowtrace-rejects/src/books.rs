//! The books of one read: rows read, accepted and rejected (which always reconcile), the rejects
//! by kind and the first few errors, kept row by row under an [`OnError`] policy.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::file::{RejectsError, RejectsFile};
use crate::{OnError, RejectedRow};

/// How many of the rejected rows a [`LoadReport`] keeps in full, for printing.
pub const SAMPLE_ERRORS: usize = 10;

/// The outcome of a read: counts that reconcile, the rejects by kind, and the first few errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadReport<E: RejectedRow> {
    /// The file read.
    pub file: PathBuf,
    /// Data rows seen (a header and blank lines are not rows).
    pub rows_read: u64,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows refused.
    pub rejected: u64,
    /// Refused rows by kind.
    pub rejected_by_kind: BTreeMap<E::Kind, u64>,
    /// The first [`SAMPLE_ERRORS`] errors, in file order.
    pub first_errors: Vec<E>,
    /// Where the rejects were written, if anywhere.
    pub rejects_file: Option<PathBuf>,
}

impl<E: RejectedRow> Default for LoadReport<E> {
    fn default() -> Self {
        LoadReport {
            file: PathBuf::new(),
            rows_read: 0,
            accepted: 0,
            rejected: 0,
            rejected_by_kind: BTreeMap::new(),
            first_errors: Vec::new(),
            rejects_file: None,
        }
    }
}

impl<E: RejectedRow> LoadReport<E> {
    /// Whether read = accepted + rejected, which every reader guarantees.
    pub fn reconciles(&self) -> bool {
        self.rows_read == self.accepted + self.rejected
    }
}

impl<E: RejectedRow> fmt::Display for LoadReport<E> {
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

/// Why [`Books::reject`] ends the read.
#[derive(Debug)]
pub enum Refusal<E> {
    /// Fail mode: this row is the error.
    Stop(E),
    /// Skip mode, but the rejects file could not be written.
    Rejects(RejectsError),
}

/// Applies an [`OnError`] policy row by row and keeps the books.
pub struct Books<E: RejectedRow> {
    fail_fast: bool,
    rejects: Option<RejectsFile>,
    report: LoadReport<E>,
}

impl<E: RejectedRow> Books<E> {
    /// Opens the rejects file (if any) right away, so a bad path fails before reading starts.
    pub fn new(file: &Path, policy: &OnError) -> Result<Books<E>, RejectsError> {
        let rejects = match policy {
            OnError::Skip {
                rejects: Some(path),
            } => Some(RejectsFile::create(path)?),
            _ => None,
        };
        let report = LoadReport {
            file: file.to_path_buf(),
            rejects_file: rejects.as_ref().map(|r| r.path().to_path_buf()),
            ..LoadReport::default()
        };
        Ok(Books {
            fail_fast: *policy == OnError::Fail,
            rejects,
            report,
        })
    }

    /// Counts an accepted row.
    #[inline]
    pub fn accept(&mut self) {
        self.accept_many(1);
    }

    /// Counts `n` accepted rows at once.
    #[inline]
    pub fn accept_many(&mut self, n: u64) {
        self.report.rows_read += n;
        self.report.accepted += n;
    }

    /// Records a bad row; in fail mode hands it back as the error that ends the read.
    pub fn reject(&mut self, error: E, raw: &[u8]) -> Result<(), Refusal<E>> {
        self.report.rows_read += 1;
        self.report.rejected += 1;
        if self.fail_fast {
            return Err(Refusal::Stop(error));
        }
        *self
            .report
            .rejected_by_kind
            .entry(error.kind())
            .or_default() += 1;
        if let Some(rejects) = &mut self.rejects {
            rejects
                .write(&error.record(), raw)
                .map_err(Refusal::Rejects)?;
        }
        if self.report.first_errors.len() < SAMPLE_ERRORS {
            self.report.first_errors.push(error);
        }
        Ok(())
    }

    /// The books so far.
    pub fn report(&self) -> &LoadReport<E> {
        &self.report
    }

    /// Flushes the rejects file and hands back the report.
    pub fn finish(self) -> Result<LoadReport<E>, RejectsError> {
        if let Some(rejects) = self.rejects {
            rejects.finish()?;
        }
        debug_assert!(self.report.reconciles());
        Ok(self.report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RejectRecord;

    #[derive(Clone, Debug, PartialEq, Eq)]
    struct Bad(u64);

    impl RejectedRow for Bad {
        type Kind = &'static str;
        fn kind(&self) -> &'static str {
            "bad"
        }
        fn record(&self) -> RejectRecord<'_> {
            RejectRecord {
                file: Path::new("in.csv"),
                location: format!("line {}", self.0),
                column: "",
                kind: "bad",
                detail: "why",
            }
        }
    }

    #[test]
    fn fail_mode_stops_at_the_first_bad_row() {
        let mut books = Books::new(Path::new("in.csv"), &OnError::Fail).unwrap();
        books.accept();
        let Err(Refusal::Stop(bad)) = books.reject(Bad(3), b"raw") else {
            panic!("fail mode must stop");
        };
        assert_eq!(bad, Bad(3));
    }

    #[test]
    fn skip_mode_counts_by_kind_keeps_a_sample_and_reconciles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rejects.csv");
        let policy = OnError::Skip {
            rejects: Some(path.clone()),
        };
        let mut books = Books::new(Path::new("in.csv"), &policy).unwrap();
        books.accept_many(5);
        for line in 0..12 {
            books.reject(Bad(line), b"x").unwrap();
        }
        let report = books.finish().unwrap();
        assert!(report.reconciles());
        assert_eq!((report.rows_read, report.rejected), (17, 12));
        assert_eq!(report.rejected_by_kind[&"bad"], 12);
        assert_eq!(report.first_errors.len(), SAMPLE_ERRORS);
        let written = std::fs::read_to_string(&path).unwrap();
        assert_eq!(written.lines().count(), 13);
        assert_eq!(
            report.to_string(),
            format!(
                "in.csv: read 17 rows = 5 accepted + 12 rejected (rejects in {})",
                path.display()
            )
        );
    }
}
