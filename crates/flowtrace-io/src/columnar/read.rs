//! Opening Parquet and Arrow IPC files: the file-level checks (empty, not the format, truncated)
//! and progress, around the [`Loader`] that does the rows.

use std::fs::File;
use std::io::{BufReader, Read, Seek};
use std::path::Path;

use arrow_array::RecordBatch;
use arrow_ipc::reader::{FileReader, StreamReader};
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
    let (file, len) = open(path, "Parquet")?;
    let builder = ParquetRecordBatchReaderBuilder::try_new(file)
        .map_err(|e| ReadError::format(path, format!("not a readable Parquet file: {e}")))?;
    let total_rows = u64::try_from(builder.metadata().file_metadata().num_rows()).unwrap_or(0);
    // The footer's row count is only a hint; a corrupt one must not reserve more than the file
    // could hold.
    let hint = usize::try_from(total_rows.min(len)).unwrap_or(0);
    let mut loader = Loader::new(path, options, hint)?;
    let layout = loader.set_schema(builder.schema())?;
    let mask = ProjectionMask::roots(builder.parquet_schema(), layout.projection());
    let reader = builder
        .with_projection(mask)
        .with_batch_size(READ_BATCH_ROWS)
        .build()
        .map_err(|e| ReadError::format(path, format!("cannot read Parquet data: {e}")))?;
    for batch in reader {
        loader.push(&decoded(batch, path, &loader)?)?;
        if let (Some(progress), Some(done)) =
            (options.progress, share(len, loader.records(), total_rows))
        {
            progress(done);
        }
    }
    loader.finish()
}

/// Reads transfers from an Arrow IPC file in the transfer schema. An Arrow IPC *stream* is read
/// too, since the two are easily confused (`.arrow` is used for both).
pub fn read_ipc(path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let (mut file, len) = open(path, "Arrow IPC")?;
    let mut head = [0u8; 8];
    let head_len = read_up_to(&mut file, &mut head).map_err(|e| ReadError::io(path, e))?;
    file.rewind().map_err(|e| ReadError::io(path, e))?;
    if is_stream(&head[..head_len], len) {
        return read_ipc_stream(file, path, options);
    }
    let not_ipc =
        |e: ArrowError| ReadError::format(path, format!("not a readable Arrow IPC file: {e}"));
    // The schema comes from the footer, which the reader parses before the projection is known;
    // opening twice costs one extra footer read.
    let schema = FileReader::try_new_buffered(&file, None)
        .map_err(not_ipc)?
        .schema();
    file.rewind().map_err(|e| ReadError::io(path, e))?;
    let mut loader = Loader::new(path, options, 0)?;
    let projection = loader.set_schema(&schema)?.projection();
    let mut reader = FileReader::try_new_buffered(file, Some(projection)).map_err(not_ipc)?;
    while let Some(batch) = reader.next() {
        loader.push(&decoded(batch, path, &loader)?)?;
        report_position(options, reader.get_mut());
    }
    loader.finish()
}

fn read_ipc_stream(file: File, path: &Path, options: &ReadOptions) -> Result<Loaded, ReadError> {
    let not_ipc =
        |e: ArrowError| ReadError::format(path, format!("not a readable Arrow IPC stream: {e}"));
    let mut reader = StreamReader::try_new_buffered(file, None).map_err(not_ipc)?;
    let mut loader = Loader::new(path, options, 0)?;
    loader.set_schema(&reader.schema())?;
    while let Some(batch) = reader.next() {
        loader.push(&decoded(batch, path, &loader)?)?;
        report_position(options, reader.get_mut());
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
        let batch = decoded(batch, file, &loader)?;
        loader.push(&batch)?;
        bytes += batch.get_array_memory_size() as u64;
        if let Some(progress) = options.progress {
            progress(bytes);
        }
    }
    loader.finish()
}

fn open(path: &Path, format: &str) -> Result<(File, u64), ReadError> {
    let file = File::open(path).map_err(|e| ReadError::io(path, e))?;
    let len = file.metadata().map_err(|e| ReadError::io(path, e))?.len();
    if len == 0 {
        return Err(ReadError::format(
            path,
            format!("empty file (0 bytes), not {format}"),
        ));
    }
    Ok((file, len))
}

/// A batch, or the decoding error placed after the last good record.
fn decoded(
    batch: Result<RecordBatch, ArrowError>,
    path: &Path,
    loader: &Loader,
) -> Result<RecordBatch, ReadError> {
    batch.map_err(|e| {
        let after = loader.records();
        ReadError::format(
            path,
            format!("cannot decode the data after record {after}: {e}"),
        )
    })
}

/// `len * done / total`: bytes of the file read, estimated from the share of rows done.
fn share(len: u64, done: u64, total: u64) -> Option<u64> {
    if total == 0 {
        return None;
    }
    let estimate = u128::from(len) * u128::from(done.min(total)) / u128::from(total);
    u64::try_from(estimate).ok()
}

fn report_position<R: Read + Seek>(options: &ReadOptions, reader: &mut BufReader<R>) {
    if let Some(progress) = options.progress {
        if let Ok(position) = reader.stream_position() {
            progress(position);
        }
    }
}

/// Reads as many bytes as there are, up to `buf.len()`.
fn read_up_to(file: &mut File, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match file.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

/// Whether `head` starts an IPC stream: the continuation marker then a plausible metadata length.
/// Checked before handing the file to the stream reader, which would otherwise allocate whatever
/// length garbage bytes claim.
fn is_stream(head: &[u8], len: u64) -> bool {
    let Some((marker, size)) = head.split_first_chunk::<4>() else {
        return false;
    };
    let Some(size) = size.first_chunk::<4>() else {
        return false;
    };
    let size = i32::from_le_bytes(*size);
    *marker == [0xff; 4] && size > 0 && (size as u64) < len
}
