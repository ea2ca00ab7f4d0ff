//! The traced transfers as a Parquet table, one row per transfer and direction.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use arrow_array::{
    ArrayRef, Float64Array, RecordBatch, StringArray, TimestampSecondArray, UInt32Array, UInt8Array,
};
use arrow_schema::{DataType, Field, Schema, TimeUnit};
use flowtrace_graph::TemporalGraph;
use parquet::arrow::ArrowWriter;

use crate::{Trace, TraceError};

/// Writes `direction, transfer_id, row, time, from_bank, from_account, to_bank, to_account,
/// format, hop, amount, traced` for every reached transfer that carried traced money.
pub fn write_parquet(g: &TemporalGraph, trace: &Trace, path: &Path) -> Result<(), TraceError> {
    let t = g.transfers();
    let a = g.accounts();
    let rows: Vec<(&str, &crate::TracedTransfer)> = trace
        .flows()
        .flat_map(|f| {
            f.transfers
                .iter()
                .filter(|x| x.traced > 0.0)
                .map(move |x| (f.side_name(), x))
        })
        .collect();
    let schema = Arc::new(Schema::new(vec![
        Field::new("direction", DataType::Utf8, false),
        Field::new("transfer_id", DataType::UInt32, false),
        Field::new("row", DataType::UInt32, true),
        Field::new(
            "time",
            DataType::Timestamp(TimeUnit::Second, Some("UTC".into())),
            false,
        ),
        Field::new("from_bank", DataType::Utf8, false),
        Field::new("from_account", DataType::Utf8, false),
        Field::new("to_bank", DataType::Utf8, false),
        Field::new("to_account", DataType::Utf8, false),
        Field::new("format", DataType::Utf8, false),
        Field::new("hop", DataType::UInt8, false),
        Field::new("amount", DataType::Float64, false),
        Field::new("traced", DataType::Float64, false),
    ]));
    let strings = |f: &dyn Fn(u32) -> String| -> ArrayRef {
        Arc::new(StringArray::from_iter_values(
            rows.iter().map(|(_, x)| f(x.id)),
        ))
    };
    let columns: Vec<ArrayRef> = vec![
        Arc::new(StringArray::from_iter_values(rows.iter().map(|(d, _)| *d))),
        Arc::new(UInt32Array::from_iter_values(
            rows.iter().map(|(_, x)| x.id),
        )),
        Arc::new(UInt32Array::from_iter(
            rows.iter().map(|(_, x)| t.input_row(x.id).map(|r| r + 1)),
        )),
        Arc::new(
            TimestampSecondArray::from_iter_values(rows.iter().map(|(_, x)| t.ts(x.id)))
                .with_timezone("UTC"),
        ),
        strings(&|e| a.bank(t.src(e)).to_string()),
        strings(&|e| a.number(t.src(e)).to_string()),
        strings(&|e| a.bank(t.dst(e)).to_string()),
        strings(&|e| a.number(t.dst(e)).to_string()),
        strings(&|e| t.format(e).name().to_string()),
        Arc::new(UInt8Array::from_iter_values(
            rows.iter().map(|(_, x)| x.hop),
        )),
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|(_, x)| x.amount),
        )),
        Arc::new(Float64Array::from_iter_values(
            rows.iter().map(|(_, x)| x.traced),
        )),
    ];
    let fail = |reason: String| TraceError::Output {
        path: path.to_path_buf(),
        reason,
    };
    let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| fail(e.to_string()))?;
    let file = File::create(path).map_err(|e| fail(e.to_string()))?;
    let mut writer = ArrowWriter::try_new(file, schema, None).map_err(|e| fail(e.to_string()))?;
    writer.write(&batch).map_err(|e| fail(e.to_string()))?;
    writer.into_inner().map_err(|e| fail(e.to_string()))?;
    Ok(())
}
