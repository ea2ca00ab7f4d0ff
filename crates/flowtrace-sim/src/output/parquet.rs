//! Streams simulated transfers into a Parquet file in flowtrace's transfer schema, a batch at a
//! time, so memory stays flat however large the world.

use std::fs::File;
use std::sync::Arc;

use arrow_array::builder::{BooleanBuilder, Float64Builder, StringBuilder, TimestampSecondBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use flowtrace_io::columnar::transfer_schema;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use parquet::schema::types::ColumnPath;

use crate::transfer::{scale, SimTransfer};
use crate::world::population::Population;

const BATCH_ROWS: usize = 65_536;

/// A Parquet transactions file being written.
pub struct ParquetSink {
    writer: ArrowWriter<File>,
    columns: Columns,
    key: Vec<u8>,
}

struct Columns {
    ts: TimestampSecondBuilder,
    keys: [StringBuilder; 4],
    paid: Float64Builder,
    paid_currency: StringBuilder,
    received: Float64Builder,
    received_currency: StringBuilder,
    format: StringBuilder,
    label: BooleanBuilder,
    rows: usize,
}

impl Columns {
    fn new() -> Columns {
        Columns {
            ts: TimestampSecondBuilder::with_capacity(BATCH_ROWS).with_timezone("UTC"),
            keys: std::array::from_fn(|_| {
                StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 10)
            }),
            paid: Float64Builder::with_capacity(BATCH_ROWS),
            paid_currency: StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 3),
            received: Float64Builder::with_capacity(BATCH_ROWS),
            received_currency: StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 3),
            format: StringBuilder::with_capacity(BATCH_ROWS, BATCH_ROWS * 6),
            label: BooleanBuilder::with_capacity(BATCH_ROWS),
            rows: 0,
        }
    }

    fn finish(&mut self) -> RecordBatch {
        let [a, b, c, d] = &mut self.keys;
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.ts.finish()),
            Arc::new(a.finish()),
            Arc::new(b.finish()),
            Arc::new(c.finish()),
            Arc::new(d.finish()),
            Arc::new(self.paid.finish()),
            Arc::new(self.paid_currency.finish()),
            Arc::new(self.received.finish()),
            Arc::new(self.received_currency.finish()),
            Arc::new(self.format.finish()),
            Arc::new(self.label.finish()),
        ];
        self.rows = 0;
        RecordBatch::try_new(transfer_schema(), columns).expect("columns are built to the schema")
    }
}

impl ParquetSink {
    /// Starts a Snappy-compressed Parquet file on `file`.
    pub fn new(file: File) -> Result<ParquetSink, String> {
        // Account numbers are nearly unique: a dictionary for them costs a hash per value and
        // is thrown away once it outgrows its page, so it is not built at all.
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_column_dictionary_enabled(ColumnPath::from("from_account"), false)
            .set_column_dictionary_enabled(ColumnPath::from("to_account"), false)
            .build();
        let writer = ArrowWriter::try_new(file, transfer_schema(), Some(props))
            .map_err(|e| e.to_string())?;
        Ok(ParquetSink {
            writer,
            columns: Columns::new(),
            key: Vec::with_capacity(16),
        })
    }

    /// Adds one transfer.
    pub fn push(&mut self, pop: &Population, t: &SimTransfer) -> Result<(), String> {
        let c = &mut self.columns;
        c.ts.append_value(t.ts);
        for (k, (account, bank)) in [(t.from, true), (t.from, false), (t.to, true), (t.to, false)]
            .into_iter()
            .enumerate()
        {
            self.key.clear();
            if bank {
                self.key.extend_from_slice(pop.bank(account).id.as_bytes());
            } else {
                pop.number(account, &mut self.key);
            }
            // Keys are ASCII by construction.
            c.keys[k].append_value(std::str::from_utf8(&self.key).expect("ASCII key"));
        }
        c.paid
            .append_value(t.paid as f64 / scale(t.paid_currency) as f64);
        c.paid_currency.append_value(t.paid_currency.code());
        c.received
            .append_value(t.received as f64 / scale(t.received_currency) as f64);
        c.received_currency.append_value(t.received_currency.code());
        c.format.append_value(t.format.name());
        c.label.append_value(t.illicit());
        c.rows += 1;
        if c.rows == BATCH_ROWS {
            let batch = c.finish();
            self.writer.write(&batch).map_err(|e| e.to_string())?;
        }
        Ok(())
    }

    /// Writes the last batch and the footer.
    pub fn finish(mut self) -> Result<(), String> {
        if self.columns.rows > 0 {
            let batch = self.columns.finish();
            self.writer.write(&batch).map_err(|e| e.to_string())?;
        }
        self.writer.into_inner().map_err(|e| e.to_string())?;
        Ok(())
    }
}
