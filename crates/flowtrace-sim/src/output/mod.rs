//! Writing a world to a directory: transactions (AMLworld CSV or Parquet), the AMLworld patterns
//! file, the per-transfer truth and the accounts file with each account's payment identifier.

mod files;
pub mod identifier;
mod parquet;
pub mod row;

pub(crate) use files::csv_field;
pub use files::{OutputFormat, WorldFiles};
