//! Parquet and Arrow IPC files of transfers in flowtrace's documented schema, and the Arrow
//! record batches behind them, so that other tools (pandas, Polars, DuckDB, Spark) can hand
//! flowtrace data and take its output without a CSV step.
//!
//! # The transfer schema
//!
//! This is a public contract. One row per transfer, in time order:
//!
//! | column               | type                       | nulls | content                                    |
//! |----------------------|----------------------------|-------|--------------------------------------------|
//! | `timestamp`          | `Timestamp(Second, "UTC")` | no    | when the transfer happened                 |
//! | `from_bank`          | `Utf8`                     | no    | paying account's bank, as written          |
//! | `from_account`       | `Utf8`                     | no    | paying account's number, as written        |
//! | `to_bank`            | `Utf8`                     | no    | receiving account's bank                   |
//! | `to_account`         | `Utf8`                     | no    | receiving account's number                 |
//! | `amount_paid`        | `Float64`                  | no    | amount that left the payer, >= 0           |
//! | `payment_currency`   | `Utf8`                     | no    | ISO 4217 code, e.g. `USD`                  |
//! | `amount_received`    | `Float64`                  | no    | amount that reached the payee, >= 0        |
//! | `receiving_currency` | `Utf8`                     | no    | ISO 4217 code                              |
//! | `payment_format`     | `Utf8`                     | no    | AMLworld spelling: `ACH`, `Wire`, `Cheque`, `Credit Card`, `Cash`, `Reinvestment`, `Bitcoin`, or `Unspecified` |
//! | `is_laundering`      | `Boolean`                  | yes   | ground truth where known                   |
//!
//! An account is the pair (bank, account number), both strings: zero padding is kept (`010` and
//! `10` are different banks). Account holder attributes are not part of the schema.
//!
//! # What the readers accept
//!
//! Columns are found by name, in any order; other columns are ignored, and `is_laundering` may
//! be absent (no labels). Types are read liberally:
//!
//! - strings: `Utf8`, `LargeUtf8`, `Utf8View`, or a dictionary of one of them with any integer key;
//! - `timestamp`: `Timestamp` of any unit, floored to whole seconds, with or without a time zone
//!   (Arrow timestamps with a zone are UTC instants; those without are taken as UTC), `Date64`,
//!   or `Int64` seconds since the Unix epoch;
//! - amounts: `Float64`, `Float32`, `Int64`, `Int32` or `Decimal128`;
//! - currencies: ISO codes in any case, or the AMLworld names (`US Dollar`);
//! - `is_laundering`: `Boolean`, or integers 0 and 1;
//! - any column may have the `Null` type (all values null).
//!
//! A missing required column, or a column of another type, fails the whole file with a
//! [`ReadError::Format`](crate::ReadError::Format) naming the column and the type found. A bad
//! value fails only its record: a null or empty required field, a negative, NaN or infinite
//! amount, an unknown currency or payment format, a label other than 0/1, or a bank or account
//! longer than [`MAX_KEY_PART_LEN`](flowtrace_graph::MAX_KEY_PART_LEN) bytes. Such records go
//! through the [`OnError`](crate::OnError) policy with their 1-based record number
//! ([`Location::Record`](crate::Location::Record)) and the column's 1-based position in the
//! file's schema; the rejects file gets the record rendered as comma-separated values in the
//! schema's column order. An empty (0-byte) file fails with
//! [`ReadError::Empty`](crate::ReadError::Empty); one that is truncated, corrupt or not of the
//! format with a `Format` error, including corruption the decoders would panic on.
//!
//! # What the writers produce
//!
//! Exactly the schema above, in batches (Parquet: row groups fed in batches) of
//! [`WRITE_BATCH_ROWS`] rows so that memory beyond the model stays bounded. Parquet is
//! Snappy-compressed; Arrow IPC is an uncompressed IPC *file* (`.arrow`, Feather v2). Accounts
//! that take part in no transfer, and account holder attributes, are not written.
//!
//! ```no_run
//! use flowtrace_io::{columnar, ReadOptions};
//!
//! let loaded = columnar::read_parquet("transfers.parquet".as_ref(), &ReadOptions::default())?;
//! let batches: Vec<_> = columnar::to_record_batches(&loaded.accounts, &loaded.transfers, 65_536)
//!     .collect();
//! assert_eq!(batches[0].schema(), columnar::transfer_schema());
//! # Ok::<(), flowtrace_io::ReadError>(())
//! ```

mod ipc;
mod load;
mod read;
mod schema;
mod views;
mod write;

pub use ipc::read_ipc;
pub use read::{from_record_batches, read_parquet};
pub use schema::transfer_schema;
pub use write::{to_record_batches, write_ipc, write_parquet, WRITE_BATCH_ROWS};
