//! Transfers to record batches, and record batches to Parquet and Arrow IPC files.

use std::fs::File;
use std::io::Write;
use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, BooleanArray, Float64Array, RecordBatch, StringArray, TimestampSecondArray,
};
use arrow_ipc::writer::FileWriter;
use arrow_schema::{ArrowError, SchemaRef};
use flowtrace_graph::{AccountId, Accounts, TransferId, Transfers};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::schema::transfer_schema;
use crate::error::WriteError;

/// Rows per record batch the writers build: bounds the memory a write needs beyond the model.
pub const WRITE_BATCH_ROWS: usize = 65_536;

/// The transfers as record batches of at most `batch_rows` rows (at least one) in the
/// [transfer schema](super), in time order.
///
/// Panics if a transfer names an account outside `accounts` (the two must come from the same
/// load); the file writers check this first and return an error instead.
pub fn to_record_batches<'a>(
    accounts: &'a Accounts,
    transfers: &'a Transfers,
    batch_rows: usize,
) -> impl Iterator<Item = RecordBatch> + 'a {
    let schema = transfer_schema();
    let step = batch_rows.max(1);
    let len = transfers.len();
    (0..len).step_by(step).map(move |start| {
        // Transfer ids are u32, so positions below `len` fit.
        let ids = start as TransferId..(start + step).min(len) as TransferId;
        batch(accounts, transfers, &schema, ids)
    })
}

fn batch(
    accounts: &Accounts,
    transfers: &Transfers,
    schema: &SchemaRef,
    ids: Range<TransferId>,
) -> RecordBatch {
    let t = transfers;
    let strings = |f: &dyn Fn(TransferId) -> &'static str| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(ids.clone().map(f)))
    };
    let keys = |side: fn(&Transfers, TransferId) -> AccountId, bank: bool| -> ArrayRef {
        let values = ids.clone().map(|id| {
            let a = side(t, id);
            if bank {
                accounts.bank(a)
            } else {
                accounts.number(a)
            }
        });
        Arc::new(StringArray::from_iter_values(values))
    };
    let floats = |f: fn(&Transfers, TransferId) -> f64| -> ArrayRef {
        Arc::new(ids.clone().map(|id| f(t, id)).collect::<Float64Array>())
    };
    let times = TimestampSecondArray::from(ids.clone().map(|id| t.ts(id)).collect::<Vec<_>>());
    let labels: BooleanArray = ids.clone().map(|id| t.label(id)).collect();
    let columns: Vec<ArrayRef> = vec![
        Arc::new(times.with_timezone("UTC")),
        keys(Transfers::src, true),
        keys(Transfers::src, false),
        keys(Transfers::dst, true),
        keys(Transfers::dst, false),
        floats(Transfers::amount_paid),
        strings(&|id| t.currency_paid(id).code()),
        floats(Transfers::amount_received),
        strings(&|id| t.currency_received(id).code()),
        strings(&|id| t.format(id).name()),
        Arc::new(labels),
    ];
    RecordBatch::try_new(schema.clone(), columns).expect("columns are built to the schema")
}

/// Writes transfers to a Parquet file (Snappy-compressed) in the transfer schema.
pub fn write_parquet(
    accounts: &Accounts,
    transfers: &Transfers,
    path: &Path,
) -> Result<(), WriteError> {
    check_accounts(accounts, transfers, path)?;
    let file = File::create(path).map_err(|e| io(path, e))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .build();
    let encode = |e: parquet::errors::ParquetError| encode(path, e.to_string());
    let mut writer = ArrowWriter::try_new(file, transfer_schema(), Some(props)).map_err(encode)?;
    for batch in to_record_batches(accounts, transfers, WRITE_BATCH_ROWS) {
        writer.write(&batch).map_err(encode)?;
    }
    // `into_inner` writes the footer and flushes the writer's buffer, reporting failures.
    writer.into_inner().map_err(encode)?;
    Ok(())
}

/// Writes transfers to an Arrow IPC file (uncompressed) in the transfer schema.
pub fn write_ipc(
    accounts: &Accounts,
    transfers: &Transfers,
    path: &Path,
) -> Result<(), WriteError> {
    check_accounts(accounts, transfers, path)?;
    let file = File::create(path).map_err(|e| io(path, e))?;
    let arrow = |e: ArrowError| match e {
        ArrowError::IoError(_, source) => io(path, source),
        other => encode(path, other.to_string()),
    };
    let mut writer = FileWriter::try_new_buffered(file, &transfer_schema()).map_err(arrow)?;
    for batch in to_record_batches(accounts, transfers, WRITE_BATCH_ROWS) {
        writer.write(&batch).map_err(arrow)?;
    }
    let mut buffered = writer.into_inner().map_err(arrow)?;
    buffered.flush().map_err(|e| io(path, e))?;
    Ok(())
}

/// Refuses transfers that name accounts `accounts` does not hold, which would panic later.
fn check_accounts(
    accounts: &Accounts,
    transfers: &Transfers,
    path: &Path,
) -> Result<(), WriteError> {
    let highest = transfers.srcs().iter().chain(transfers.dsts()).max();
    match highest {
        Some(&id) if id as usize >= accounts.len() => {
            Err(encode(path, unknown_account(id, accounts.len())))
        }
        _ => Ok(()),
    }
}

fn unknown_account(id: AccountId, len: usize) -> String {
    format!("transfer names account id {id} but the account table holds {len} accounts")
}

fn io(path: &Path, source: std::io::Error) -> WriteError {
    WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn encode(path: &Path, message: String) -> WriteError {
    WriteError::Encode {
        path: path.to_path_buf(),
        message,
    }
}
