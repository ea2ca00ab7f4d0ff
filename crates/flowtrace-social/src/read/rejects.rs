//! What happens to bad rows: stop at the first (`fail`) or write each to a rejects file (`skip`),
//! and the reconciliation every load ends with: rows read = rows accepted + rows rejected.
//!
//! The policy, the rejects file (`file,location,column,kind,detail,row`, the raw row byte for
//! byte) and the books are `flowtrace-rejects`', shared with the transfer readers; this module
//! puts the posts readers' errors in them.

use std::path::Path;

use flowtrace_rejects::{Books, Refusal, RejectRecord, RejectedRow, RejectsError};
pub use flowtrace_rejects::{OnError, SAMPLE_ERRORS};

use super::error::{ReadError, RejectKind, RowError};

/// The outcome of a load: counts that reconcile, the rejects by kind, and the first few errors.
pub type LoadReport = flowtrace_rejects::LoadReport<RowError>;

impl RejectedRow for RowError {
    type Kind = RejectKind;

    fn kind(&self) -> RejectKind {
        self.kind
    }

    fn record(&self) -> RejectRecord<'_> {
        RejectRecord {
            file: &self.file,
            location: format!("line {}", self.line),
            column: self.column.as_ref().map_or("", |c| c.name),
            kind: self.kind.name(),
            detail: &self.detail,
        }
    }
}

impl From<RejectsError> for ReadError {
    fn from(e: RejectsError) -> ReadError {
        ReadError::Rejects {
            path: e.path,
            source: e.source,
        }
    }
}

/// Applies an [`OnError`] policy row by row and keeps the books, in this crate's errors.
pub(crate) struct RejectHandler(Books<RowError>);

impl RejectHandler {
    /// Opens the rejects file (if any) right away, so a bad path fails before reading starts.
    pub(crate) fn new(file: &Path, policy: &OnError) -> Result<RejectHandler, ReadError> {
        Ok(RejectHandler(Books::new(file, policy)?))
    }

    /// Counts an accepted row.
    pub(crate) fn accept(&mut self) {
        self.0.accept();
    }

    /// Records a bad row; in fail mode returns it as the error that ends the load.
    pub(crate) fn reject(&mut self, error: RowError, raw: &[u8]) -> Result<(), ReadError> {
        self.0.reject(error, raw).map_err(|refusal| match refusal {
            Refusal::Stop(row) => ReadError::Row(Box::new(row)),
            Refusal::Rejects(e) => e.into(),
        })
    }

    /// Flushes the rejects file and hands back the report.
    pub(crate) fn finish(self) -> Result<LoadReport, ReadError> {
        Ok(self.0.finish()?)
    }
}
