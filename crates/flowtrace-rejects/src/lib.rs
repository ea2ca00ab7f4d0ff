//! What every flowtrace reader does with bad rows: stop at the first (`fail`) or write each to a
//! rejects file and go on (`skip`), and the reconciliation every read ends with: rows read =
//! rows accepted + rows rejected.
//!
//! Transfers, posts and the posts matched against text banks are read by different crates with
//! their own row errors; they share this one policy, one rejects-file format and one set of
//! books, so a user meets the same behaviour everywhere. The crate has no dependencies, so the
//! readers that do not need Arrow can use it without pulling it in.

mod books;
mod file;

pub use books::{Books, LoadReport, Refusal, SAMPLE_ERRORS};
pub use file::{RejectRecord, RejectsError, RejectsFile};

use std::path::PathBuf;

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

/// A row error a reader can put in the books: its category, and the fields of its record in the
/// rejects file.
pub trait RejectedRow {
    /// The category, counted per kind in [`LoadReport::rejected_by_kind`].
    type Kind: Copy + Ord + std::fmt::Debug;

    /// This row's category.
    fn kind(&self) -> Self::Kind;

    /// The fields of its rejects-file record; the raw row is passed beside it.
    fn record(&self) -> RejectRecord<'_>;
}
