//! Errors of evaluation: a bad line says file, line and what is wrong with it; a bad file says why.
//!
//! Every problem here is the user's input (a predictions file that does not fit the world, a
//! truth file with a typo); none is a bug, so each names where to look.

use std::path::PathBuf;

/// What is wrong with one line of a predictions or truth file.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum Problem {
    /// A field that should be a number is not one (or is NaN).
    #[error("column `{column}`: `{value}` is not a number")]
    BadNumber {
        /// Header name of the column.
        column: String,
        /// The field as found.
        value: String,
    },
    /// A label other than `0`, `1`, `true` or `false`.
    #[error("column `{column}`: `{value}` is not a label (0, 1, true or false)")]
    BadLabel {
        /// Header name of the column.
        column: String,
        /// The field as found.
        value: String,
    },
    /// A `row` outside 1..=rows.
    #[error("row {row} is out of range: the transactions have {rows} rows (numbered from 1)")]
    RowOutOfRange {
        /// The row as found.
        row: u64,
        /// Data rows in the transactions file.
        rows: usize,
    },
    /// The same row listed twice.
    #[error("row {row} is listed twice (first on line {first_line})")]
    DuplicateRow {
        /// The row.
        row: u64,
        /// Line of its first mention.
        first_line: u64,
    },
    /// A row marked illicit a second time (in memory, where there are no lines to name).
    #[error("row {row} is already marked illicit")]
    AlreadyIllicit {
        /// The row, 1-based.
        row: u64,
    },
    /// The same account listed twice.
    #[error("account ({bank}, {account}) is listed twice (first on line {first_line})")]
    DuplicateAccount {
        /// Bank of the account.
        bank: String,
        /// Account number.
        account: String,
        /// Line of its first mention.
        first_line: u64,
    },
    /// An account that takes part in no transaction (zero padding is significant: `010` is not `10`).
    #[error("account ({bank}, {account}) takes part in no transaction (zero padding counts)")]
    UnknownAccount {
        /// Bank as found.
        bank: String,
        /// Account number as found.
        account: String,
    },
    /// A positional predictions file with more values than transaction rows.
    #[error("more values than the {expected} transaction rows (one value per row expected)")]
    TooManyValues {
        /// Data rows in the transactions file.
        expected: usize,
    },
    /// A positional predictions file with fewer values than transaction rows.
    #[error("file ends after {found} values but the transactions have {expected} rows")]
    TooFewValues {
        /// Values read.
        found: usize,
        /// Data rows in the transactions file.
        expected: usize,
    },
    /// A `pattern_id` that is not a whole number of at least 1.
    #[error("pattern_id `{value}` is not a whole number of at least 1")]
    BadPatternId {
        /// The field as found.
        value: String,
    },
    /// An empty `typology`.
    #[error("typology is empty")]
    EmptyTypology,
    /// A `role` other than `pattern` or `propagated`.
    #[error("role `{value}` is neither `pattern` nor `propagated`")]
    BadRole {
        /// The field as found.
        value: String,
    },
    /// The CSV layer refused the line (wrong field count, bad UTF-8, ...).
    #[error("{0}")]
    Csv(String),
}

/// Why an evaluation could not be done.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be opened or read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A file with no header line at all.
    #[error("{}: empty file", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// A header without a column the file needs.
    #[error("{}: line 1: missing column `{column}` (header is `{header}`)", path.display())]
    MissingColumn {
        /// The file.
        path: PathBuf,
        /// What is missing, e.g. `score or label`.
        column: String,
        /// The header as found.
        header: String,
    },
    /// One bad line.
    #[error("{}: line {line}: {problem}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number (the header is line 1).
        line: u64,
        /// What is wrong.
        problem: Problem,
    },
    /// A world directory with neither `transactions.csv` nor `transactions.parquet`.
    #[error("{}: no transactions.csv or transactions.parquet", dir.display())]
    NoTransactions {
        /// The world directory.
        dir: PathBuf,
    },
    /// The transactions file could not be loaded.
    #[error(transparent)]
    Transactions(#[from] flowtrace_io::ReadError),
    /// Transfers whose input positions were not kept: rows cannot be matched to predictions.
    #[error("the transfers were read without input positions (ReadOptions::keep_input_order)")]
    NoInputOrder,
    /// Predictions or truth made for a different world than the one given.
    #[error("{what}: expected {expected} values, found {found}")]
    Mismatch {
        /// What does not fit.
        what: &'static str,
        /// Size the world calls for.
        expected: usize,
        /// Size found.
        found: usize,
    },
    /// An option outside its range.
    #[error("{0}")]
    BadOption(String),
}

impl EvalError {
    pub(crate) fn line(path: &std::path::Path, line: u64, problem: Problem) -> EvalError {
        EvalError::Line {
            path: path.to_path_buf(),
            line,
            problem,
        }
    }
}
