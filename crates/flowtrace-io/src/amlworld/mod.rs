//! IBM's AMLworld transactions CSV, exactly as published, read fast and written back.
//!
//! The header is `Timestamp,From Bank,Account,To Bank,Account,Amount Received,Receiving Currency,
//! Amount Paid,Payment Currency,Payment Format,Is Laundering` (two columns are both `Account`: the
//! first belongs to `From Bank`, the second to `To Bank`). Timestamps are `YYYY/MM/DD HH:MM` in UTC
//! (`:SS` may follow). An account is the pair (bank, account), both kept as text, so `010` and
//! `10` are different banks. CRLF and LF line ends, a UTF-8 byte-order mark, rows out of time
//! order and self-transfers are all accepted. Blank lines are skipped and are not rows.
//!
//! Currencies are AMLworld's names (`US Dollar`, `Bitcoin`, ...) or ISO codes; payment formats are
//! `ACH`, `Wire`, `Cheque`, `Credit Card`, `Cash`, `Reinvestment`, `Bitcoin`. `Is Laundering` is
//! `0`, `1` or empty (unlabelled). Anything else rejects the row with its line and column.

mod blocks;
mod reader;
mod row;
mod scan;
mod writer;

pub use reader::read;
pub use row::COLUMNS;
pub use writer::write;

/// The header line every AMLworld transactions file starts with.
pub const HEADER: &str = "Timestamp,From Bank,Account,To Bank,Account,Amount Received,\
Receiving Currency,Amount Paid,Payment Currency,Payment Format,Is Laundering";
