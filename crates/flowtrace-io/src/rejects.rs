//! What happens to bad rows: stop at the first (`fail`) or write each to a rejects file (`skip`),
//! and the reconciliation every load ends with: rows read = rows accepted + rows rejected.

use flowtrace_rejects::{Books, Refusal, RejectRecord, RejectedRow, RejectsError};
pub use flowtrace_rejects::{OnError, SAMPLE_ERRORS};

use crate::error::{ReadError, RejectKind, RowError};

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
            location: self.location.to_string(),
            column: self.column.as_ref().map_or("", |c| c.name.as_str()),
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

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::error::{Column, Location};

    fn err(line: u64) -> RowError {
        RowError {
            file: "in.csv".into(),
            location: Location::Line(line),
            column: Some(Column {
                number: 6,
                name: "Amount Received".into(),
            }),
            kind: RejectKind::BadAmount,
            detail: "`x` is not a number".into(),
        }
    }

    #[test]
    fn fail_mode_stops_at_the_first_bad_row() {
        let mut h = RejectHandler::new(Path::new("in.csv"), &OnError::Fail).unwrap();
        h.accept();
        let e = ReadError::from(h.reject(err(3), b"raw").unwrap_err());
        assert_eq!(
            e.to_string(),
            "in.csv: line 3, column 6 (Amount Received): bad amount: `x` is not a number"
        );
    }

    #[test]
    fn skip_mode_writes_raw_rows_and_reconciles() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rejects.csv");
        let policy = OnError::Skip {
            rejects: Some(path.clone()),
        };
        let mut h = RejectHandler::new(Path::new("in.csv"), &policy).unwrap();
        h.accept_many(5);
        h.reject(err(2), b"a,\"b\",\xff").unwrap();
        let report = h.finish().unwrap();
        assert!(report.reconciles());
        assert_eq!((report.rows_read, report.rejected), (6, 1));
        let written = std::fs::read(&path).unwrap();
        let expected: &[u8] = b"file,location,column,kind,detail,row\n\"in.csv\",\"line 2\",\
            \"Amount Received\",\"bad amount\",\"`x` is not a number\",\"a,\"\"b\"\",\xff\"\n";
        assert_eq!(written, expected);
    }
}
