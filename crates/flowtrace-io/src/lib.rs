//! Readers and writers that move transfers between files and the flowtrace model, losing nothing.
//!
//! Formats: the IBM AMLworld CSV exactly as published ([`amlworld`]), Parquet and Arrow IPC in
//! flowtrace's documented schema ([`columnar`]), and FollowTheMoney `Payment` entities as JSON lines
//! ([`ftm`]). Every reader applies an [`OnError`] policy and ends with a [`LoadReport`] whose counts
//! reconcile: rows read = rows accepted + rows rejected.
//!
//! ```no_run
//! use flowtrace_io::{read_transfers, FileFormat, OnError, ReadOptions};
//!
//! let options = ReadOptions { on_error: OnError::Fail, ..ReadOptions::default() };
//! let loaded = read_transfers("HI-Small_Trans.csv".as_ref(), FileFormat::AmlworldCsv, &options)?;
//! println!("{}", loaded.report); // HI-Small_Trans.csv: read 5078345 rows = 5078345 accepted + 0 rejected
//! # Ok::<(), flowtrace_io::ReadError>(())
//! ```
#![warn(missing_docs)]

pub mod amlworld;
pub mod columnar;
mod error;
pub mod ftm;
mod rejects;

use std::path::Path;

use flowtrace_graph::{Accounts, Transfers};

pub use error::{Column, Location, ReadError, RejectKind, RowError, WriteError};
pub use rejects::{LoadReport, OnError, SAMPLE_ERRORS};

/// Accounts and transfers read from a file, with the books of the load.
pub struct Loaded {
    /// Accounts met in the file; ids are the same on every run whatever the thread count.
    pub accounts: Accounts,
    /// Accepted transfers, sorted by time.
    pub transfers: Transfers,
    /// Counts and rejects.
    pub report: LoadReport,
}

/// Callback told how many input bytes have been processed so far (for progress bars).
pub type Progress<'a> = &'a (dyn Fn(u64) + Sync);

/// How to read.
#[derive(Default)]
pub struct ReadOptions<'a> {
    /// What to do with bad rows.
    pub on_error: OnError,
    /// Told the bytes processed so far, now and then.
    pub progress: Option<Progress<'a>>,
    /// Keep each transfer's input position even when the input is out of time order, so that
    /// results can be written back in input order ([`flowtrace_graph::Transfers::input_row`]).
    /// Costs 4 bytes a transfer; off by default.
    pub keep_input_order: bool,
}

/// The file formats flowtrace reads and writes transfers in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// IBM AMLworld transactions CSV.
    AmlworldCsv,
    /// Parquet in flowtrace's transfer schema.
    Parquet,
    /// Arrow IPC file in flowtrace's transfer schema.
    ArrowIpc,
    /// FollowTheMoney entities as JSON lines (Payment, with BankAccount/Person/Organization).
    FtmJson,
}

impl FileFormat {
    /// Guesses the format from the file name: `.csv`, `.parquet`/`.pq`, `.arrow`/`.ipc`/`.feather`,
    /// `.json`/`.jsonl`/`.ndjson`.
    pub fn from_path(path: &Path) -> Option<FileFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(FileFormat::AmlworldCsv),
            "parquet" | "pq" => Some(FileFormat::Parquet),
            "arrow" | "ipc" | "feather" => Some(FileFormat::ArrowIpc),
            "json" | "jsonl" | "ndjson" => Some(FileFormat::FtmJson),
            _ => None,
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            FileFormat::AmlworldCsv => "csv",
            FileFormat::Parquet => "parquet",
            FileFormat::ArrowIpc => "arrow",
            FileFormat::FtmJson => "ftm",
        }
    }
}

/// Reads transfers from `path` in `format`.
pub fn read_transfers(
    path: &Path,
    format: FileFormat,
    options: &ReadOptions,
) -> Result<Loaded, ReadError> {
    match format {
        FileFormat::AmlworldCsv => amlworld::read(path, options),
        FileFormat::Parquet => columnar::read_parquet(path, options),
        FileFormat::ArrowIpc => columnar::read_ipc(path, options),
        FileFormat::FtmJson => ftm::read(path, options),
    }
}

/// Writes transfers to `path` in `format` (in time order).
pub fn write_transfers(
    accounts: &Accounts,
    transfers: &Transfers,
    path: &Path,
    format: FileFormat,
) -> Result<(), WriteError> {
    match format {
        FileFormat::AmlworldCsv => amlworld::write(accounts, transfers, path),
        FileFormat::Parquet => columnar::write_parquet(accounts, transfers, path),
        FileFormat::ArrowIpc => columnar::write_ipc(accounts, transfers, path),
        FileFormat::FtmJson => ftm::write(accounts, transfers, path),
    }
}
