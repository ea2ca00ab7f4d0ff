//! `flowtrace features --out X.parquet | X.arrow`: the same table as the CSV (every input
//! column as `Float64`, then the features), computed through the library's Arrow face and
//! written as Parquet (Snappy) or as an Arrow IPC file.

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use anyhow::{Context, Result};
use arrow_array::{ArrayRef, Float64Array, RecordBatch};
use arrow_ipc::writer::FileWriter;
use arrow_schema::{DataType, Field, Schema};
use flowtrace_patterns::features::{fit_transform_batch, GfpParams};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

/// A columnar format `--out` can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columnar {
    Parquet,
    ArrowIpc,
}

impl Columnar {
    /// The columnar format `path`'s extension names, if any.
    pub fn of(path: &Path) -> Option<Columnar> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "parquet" => Some(Columnar::Parquet),
            "arrow" | "ipc" | "feather" => Some(Columnar::ArrowIpc),
            _ => None,
        }
    }
}

/// Computes the features of `columns` (named `names`) and writes the table to `path`.
pub fn write(
    path: &Path,
    format: Columnar,
    params: &GfpParams,
    names: &[String],
    columns: Vec<Vec<f64>>,
) -> Result<()> {
    let fields: Vec<Field> = names
        .iter()
        .map(|n| Field::new(n, DataType::Float64, false))
        .collect();
    let arrays: Vec<ArrayRef> = columns
        .into_iter()
        .map(|c| Arc::new(Float64Array::from(c)) as ArrayRef)
        .collect();
    let input = RecordBatch::try_new(Arc::new(Schema::new(fields)), arrays)
        .context("cannot make the input table")?;
    let table = fit_transform_batch(params, &input).context("cannot compute the features")?;
    let cannot = || format!("cannot write {}", path.display());
    let file = File::create(path).with_context(cannot)?;
    match format {
        Columnar::Parquet => {
            let props = WriterProperties::builder()
                .set_compression(Compression::SNAPPY)
                .build();
            let mut writer =
                ArrowWriter::try_new(file, table.schema(), Some(props)).with_context(cannot)?;
            writer.write(&table).with_context(cannot)?;
            // `into_inner` writes the footer and flushes, reporting failures.
            writer.into_inner().with_context(cannot)?;
        }
        Columnar::ArrowIpc => {
            let mut writer =
                FileWriter::try_new_buffered(file, &table.schema()).with_context(cannot)?;
            writer.write(&table).with_context(cannot)?;
            writer
                .into_inner()
                .with_context(cannot)?
                .flush()
                .with_context(cannot)?;
        }
    }
    Ok(())
}
