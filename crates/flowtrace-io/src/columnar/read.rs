//! Opening Parquet files, and record batches from anywhere: the file-level checks (empty, not
//! the format, truncated) and progress, around the [`Loader`] that does the rows.

use std::fmt::Display;
use std::fs::File;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_schema::ArrowError;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::arrow::ProjectionMask;

use super::load::Loader;
use crate::error::ReadError;
use crate::{Loaded, ReadOptions};

/// Rows per record batch when reading Parquet: big enough to amortise the per-batch work,
/// small enough that a batch of decoded strings stays a few megabytes.
const READ_BATCH_ROWS: usize = 65_536;

/// Reads transfers from a Parquet file in the transfer schema.
pub fn read_parquet(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let (file, len) = open(path)?;
    let builder = guarded(|| ParquetRecordBatchReaderBuilder::try_new(file))
        .map_err(|e| ReadError::format(path, format!("not a readable Parquet file: {e}")))?;
    let total_rows = u64::try_from(builder.metadata().file_metadata().num_rows()).unwrap_or(0);
    // The footer's row count is only a hint; a corrupt one must not reserve more than the file
    // could hold.
    let hint = usize::try_from(total_rows.min(len)).unwrap_or(0);
    let mut loader = Loader::new(path, options, hint)?;
    let layout = loader.set_schema(builder.schema())?;
    let mask = ProjectionMask::roots(builder.parquet_schema(), layout.projection());
    let builder = builder
        .with_projection(mask)
        .with_batch_size(READ_BATCH_ROWS);
    let mut reader = guarded(|| builder.build())
        .map_err(|e| ReadError::format(path, format!("cannot read Parquet data: {e}")))?;
    while let Some(batch) =
        guarded(|| reader.next().transpose()).map_err(|e| undecodable(path, &loader, e))?
    {
        loader.push(&batch)?;
        if let (Some(progress), Some(done)) =
            (options.progress, share(len, loader.records(), total_rows))
        {
            progress(done);
        }
    }
    loader.finish()
}

/// Loads transfers from record batches already in hand (from another reader, a query engine or
/// [`to_record_batches`](super::to_record_batches)), with the same checks and reject handling as
/// the file readers. `file` names the source in errors and the report. The columns are found in
/// the first batch's schema; progress is reported in bytes of Arrow memory processed.
pub fn from_record_batches<I>(
    batches: I,
    file: &Path,
    options: &ReadOptions,
) -> Result<Loaded, ReadError>
where
    I: IntoIterator<Item = Result<RecordBatch, ArrowError>>,
{
    let mut loader = Loader::new(file, options, 0)?;
    let mut bytes = 0u64;
    for batch in batches {
        let batch = batch.map_err(|e| undecodable(file, &loader, e))?;
        loader.push(&batch)?;
        bytes += batch.get_array_memory_size() as u64;
        if let Some(progress) = options.progress {
            progress(bytes);
        }
    }
    loader.finish()
}

/// Opens the file, refusing an empty one (which no columnar format allows).
pub(super) fn open(path: &Path) -> Result<(File, u64), ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let len = file.metadata().map_err(|e| ReadError::io(path, e))?.len();
    if len == 0 {
        return Err(ReadError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok((file, len))
}

/// The error for data that does not decode, placed after the last good record.
pub(super) fn undecodable(path: &Path, loader: &Loader, error: impl Display) -> ReadError {
    let after = loader.records();
    ReadError::format(
        path,
        format!("cannot decode the data after record {after}: {error}"),
    )
}

/// Runs a step of a third-party decoder, turning a panic into an error message.
///
/// The Parquet and Arrow IPC decoders trust parts of what a file declares and panic on some
/// corrupt input (seen: "Decoder for dict should have been set" in parquet, out-of-range buffer
/// slices in arrow-ipc). A bad file is the user's mistake, not a bug, and must not take down the
/// process reading it, least of all a server; so every decoding step runs through here. The
/// panic hook still runs (the default one prints to stderr), and the decoder that panicked is
/// dropped unused, since the error ends the load.
pub(super) fn guarded<T, E: Display>(step: impl FnOnce() -> Result<T, E>) -> Result<T, String> {
    match panic::catch_unwind(AssertUnwindSafe(step)) {
        Ok(result) => result.map_err(|e| e.to_string()),
        Err(payload) => {
            let what = (payload.downcast_ref::<&str>().map(|s| s.to_string()))
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!("corrupt data, the decoder gave up: {what}"))
        }
    }
}

/// `len * done / total`: bytes of the file read, estimated from the share of rows done.
fn share(len: u64, done: u64, total: u64) -> Option<u64> {
    if total == 0 {
        return None;
    }
    let estimate = u128::from(len) * u128::from(done.min(total)) / u128::from(total);
    u64::try_from(estimate).ok()
}
