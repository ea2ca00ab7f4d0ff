//! What happens to bad rows: stop at the first (`fail`) or write each to a rejects file (`skip`),
//! and the reconciliation every load ends with: rows read = rows accepted + rows rejected.
//!
//! The policy, the rejects file (`file,location,column,kind,detail,row`, the raw row byte for
//! byte) and the books are `flowtrace-rejects`', shared with the transfer readers; this module
//! puts the posts readers' errors in them.

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

/// Applies an [`OnError`] policy row by row and keeps the books; its refusals turn into this
/// crate's [`ReadError`] with `?`.
pub(crate) type RejectHandler = Books<RowError>;

impl From<Refusal<RowError>> for ReadError {
    fn from(refusal: Refusal<RowError>) -> ReadError {
        match refusal {
            Refusal::Stop(row) => ReadError::Row(Box::new(row)),
            Refusal::Rejects(e) => e.into(),
        }
    }
}
