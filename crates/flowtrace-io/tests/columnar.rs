//! Parquet and Arrow IPC: round trips, liberal reading, bad records and bad files.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use arrow_array::builder::StringDictionaryBuilder;
use arrow_array::types::Int32Type;
use arrow_array::{
    ArrayRef, BooleanArray, Decimal128Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, TimestampMillisecondArray, TimestampSecondArray,
};
use flowtrace_graph::{
    Accounts, Currency, PaymentFormat, Transfer, TransferBuilder, Transfers, MAX_KEY_PART_LEN,
};
use flowtrace_io::columnar::{
    from_record_batches, read_ipc, read_parquet, to_record_batches, transfer_schema, write_ipc,
    write_parquet,
};
use flowtrace_io::{Location, OnError, ReadError, ReadOptions, RejectKind};

/// A transfer with its accounts spelled out, comparable across account tables.
type Row = (
    i64,
    [String; 4],
    f64,
    Currency,
    f64,
    Currency,
    PaymentFormat,
    Option<bool>,
);

fn rows(accounts: &Accounts, transfers: &Transfers) -> Vec<Row> {
    (0..transfers.len() as u32)
        .map(|id| {
            let t = transfers.get(id);
            let keys = [
                accounts.bank(t.src).to_string(),
                accounts.number(t.src).to_string(),
                accounts.bank(t.dst).to_string(),
                accounts.number(t.dst).to_string(),
            ];
            let (paid, received) = (t.currency_paid, t.currency_received);
            (
                t.ts,
                keys,
                t.amount_paid,
                paid,
                t.amount_received,
                received,
                t.format,
                t.label,
            )
        })
        .collect()
}

/// Unsorted input with a self-transfer, a cross-currency payment, every label state, zero-padded
/// banks that differ only by padding, a non-AMLworld currency and a time before 1970.
fn sample() -> (Accounts, Transfers) {
    let mut accounts = Accounts::new();
    let a = accounts.intern("010", "8000EBD30").unwrap();
    let b = accounts.intern("10", "8000EBD30").unwrap();
    let c = accounts.intern("0220", "80012A7C1").unwrap();
    let eur = Currency::parse("EUR").unwrap();
    let aed = Currency::parse("AED").unwrap();
    let t = |src, dst, ts, amount: f64, format, label| Transfer {
        label,
        ..Transfer::new(src, dst, ts, amount, Currency::USD, format)
    };
    let mut cross = t(
        a,
        c,
        1_661_991_600,
        1_234.56,
        PaymentFormat::Wire,
        Some(true),
    );
    cross.amount_received = 1_130.07;
    cross.currency_received = eur;
    let mut dirham = t(c, b, 1_661_991_000, 0.0, PaymentFormat::Cash, None);
    dirham.currency_paid = aed;
    dirham.currency_received = aed;
    let input = [
        cross,
        t(
            a,
            a,
            1_661_991_600,
            7.5,
            PaymentFormat::Reinvestment,
            Some(false),
        ),
        dirham,
        t(b, c, -86_401, 0.01, PaymentFormat::CreditCard, None),
        t(
            c,
            a,
            1_700_000_000,
            1e12,
            PaymentFormat::Unspecified,
            Some(false),
        ),
        t(b, a, 1_661_991_600, 3.0, PaymentFormat::Bitcoin, Some(true)),
    ];
    let mut builder = TransferBuilder::new();
    for transfer in &input {
        builder.push(transfer).unwrap();
    }
    (accounts, builder.finish())
}

fn skip() -> ReadOptions<'static> {
    ReadOptions {
        on_error: OnError::Skip { rejects: None },
        ..ReadOptions::default()
    }
}

type Reader = fn(&Path, &ReadOptions) -> Result<flowtrace_io::Loaded, ReadError>;
type Writer = fn(&Accounts, &Transfers, &Path) -> Result<(), flowtrace_io::WriteError>;

const FORMATS: [(&str, Reader, Writer); 2] = [
    ("parquet", read_parquet, write_parquet),
    ("arrow", read_ipc, write_ipc),
];

#[test]
fn every_field_round_trips_through_parquet_and_ipc() {
    let (accounts, transfers) = sample();
    let dir = tempfile::tempdir().unwrap();
    for (ext, read, write) in FORMATS {
        let path = dir.path().join(format!("t.{ext}"));
        write(&accounts, &transfers, &path).unwrap();
        let loaded = read(&path, &ReadOptions::default()).unwrap();
        assert_eq!(
            rows(&loaded.accounts, &loaded.transfers),
            rows(&accounts, &transfers),
            "{ext}"
        );
        assert_eq!(loaded.accounts.len(), accounts.len());
        assert!(loaded.transfers.input_was_sorted(), "written in time order");
        let report = loaded.report;
        assert_eq!(
            (report.rows_read, report.accepted, report.rejected),
            (6, 6, 0)
        );
    }
}

#[test]
fn an_empty_dataset_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let (accounts, transfers) = (Accounts::new(), TransferBuilder::new().finish());
    for (ext, read, write) in FORMATS {
        let path = dir.path().join(format!("empty.{ext}"));
        write(&accounts, &transfers, &path).unwrap();
        let loaded = read(&path, &ReadOptions::default()).unwrap();
        assert!(
            loaded.transfers.is_empty() && loaded.report.rows_read == 0,
            "{ext}"
        );
    }
}

#[test]
fn record_batches_follow_the_schema_and_load_back() {
    let (accounts, transfers) = sample();
    let batches: Vec<_> = to_record_batches(&accounts, &transfers, 4).collect();
    assert_eq!(
        batches.iter().map(|b| b.num_rows()).collect::<Vec<_>>(),
        [4, 2]
    );
    assert!(batches.iter().all(|b| b.schema() == transfer_schema()));
    let seen = AtomicU64::new(0);
    let progress = |bytes| seen.store(bytes, Ordering::Relaxed);
    let options = ReadOptions {
        progress: Some(&progress),
        ..ReadOptions::default()
    };
    let loaded =
        from_record_batches(batches.into_iter().map(Ok), Path::new("mem"), &options).unwrap();
    assert_eq!(
        rows(&loaded.accounts, &loaded.transfers),
        rows(&accounts, &transfers)
    );
    assert!(seen.load(Ordering::Relaxed) > 0);
}

#[test]
fn progress_reaches_the_file_size() {
    let (accounts, transfers) = sample();
    let dir = tempfile::tempdir().unwrap();
    for (ext, read, write) in FORMATS {
        let path = dir.path().join(format!("t.{ext}"));
        write(&accounts, &transfers, &path).unwrap();
        let seen = AtomicU64::new(0);
        let progress = |bytes| seen.store(bytes, Ordering::Relaxed);
        let options = ReadOptions {
            progress: Some(&progress),
            ..ReadOptions::default()
        };
        read(&path, &options).unwrap();
        let len = std::fs::metadata(&path).unwrap().len();
        let last = seen.load(Ordering::Relaxed);
        assert!(last > 0 && last <= len, "{ext}: {last} of {len}");
    }
}

// ---- files written by hand -------------------------------------------------------------------

fn strings(values: &[Option<&str>]) -> ArrayRef {
    Arc::new(values.iter().copied().collect::<StringArray>())
}

fn floats(values: &[Option<f64>]) -> ArrayRef {
    Arc::new(values.iter().copied().collect::<Float64Array>())
}

/// A batch in the documented schema (nullable everywhere) from per-row values.
#[allow(clippy::type_complexity)]
fn batch(rows: &[(Option<f64>, &str, &str, &str)]) -> RecordBatch {
    let n = rows.len();
    let times: TimestampSecondArray = (0..n as i64).map(|i| Some(1_000 + i)).collect();
    let long = "9".repeat(MAX_KEY_PART_LEN + 1);
    let accounts: Vec<Option<&str>> = rows
        .iter()
        .map(|r| Some(if r.3 == "long" { long.as_str() } else { "A1" }))
        .collect();
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("timestamp", Arc::new(times.with_timezone("UTC"))),
        ("from_bank", strings(&vec![Some("001"); n])),
        ("from_account", strings(&accounts)),
        ("to_bank", strings(&vec![Some("002"); n])),
        ("to_account", strings(&vec![Some("B2"); n])),
        (
            "amount_paid",
            floats(&rows.iter().map(|r| r.0).collect::<Vec<_>>()),
        ),
        (
            "payment_currency",
            strings(&rows.iter().map(|r| Some(r.1)).collect::<Vec<_>>()),
        ),
        ("amount_received", floats(&vec![Some(1.0); n])),
        ("receiving_currency", strings(&vec![Some("USD"); n])),
        (
            "payment_format",
            strings(&rows.iter().map(|r| Some(r.2)).collect::<Vec<_>>()),
        ),
        ("is_laundering", Arc::new(BooleanArray::from(vec![None; n]))),
    ];
    RecordBatch::try_from_iter(columns).unwrap()
}

fn write_parquet_batches(path: &Path, batches: &[RecordBatch]) {
    let file = File::create(path).unwrap();
    let mut w = parquet::arrow::ArrowWriter::try_new(file, batches[0].schema(), None).unwrap();
    for b in batches {
        w.write(b).unwrap();
    }
    w.close().unwrap();
}

/// Records 2 (null amount), 4 (unknown currency), 5, 6, 7 and 9 are bad; 1, 3 and 8 are fine.
/// Written as two row groups so record numbers must carry over from one batch to the next.
fn bad_records(dir: &Path) -> PathBuf {
    let first = batch(&[
        (Some(1.0), "USD", "Wire", ""),
        (None, "USD", "Wire", ""),
        (Some(2.0), "US Dollar", "ACH", ""),
        (Some(3.0), "XYZ", "Wire", ""),
    ]);
    let second = batch(&[
        (Some(-4.0), "USD", "Wire", ""),
        (Some(f64::NAN), "USD", "Wire", ""),
        (Some(5.0), "USD", "Teleport", ""),
        (Some(6.0), "usd", "Cash", ""),
        (Some(7.0), "USD", "Wire", "long"),
    ]);
    let path = dir.join("bad.parquet");
    write_parquet_batches(&path, &[first, second]);
    path
}

#[test]
fn skip_mode_rejects_bad_records_with_their_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let path = bad_records(dir.path());
    let rejects = dir.path().join("rejects.csv");
    let options = ReadOptions {
        on_error: OnError::Skip {
            rejects: Some(rejects.clone()),
        },
        ..ReadOptions::default()
    };
    let loaded = read_parquet(&path, &options).unwrap();
    let report = &loaded.report;
    assert!(report.reconciles());
    assert_eq!(
        (report.rows_read, report.accepted, report.rejected),
        (9, 3, 6)
    );
    let found: Vec<_> = report
        .first_errors
        .iter()
        .map(|e| {
            let column = e.column.as_ref().unwrap();
            (e.location, column.number, column.name.as_str(), e.kind)
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                Location::Record(2),
                6,
                "amount_paid",
                RejectKind::EmptyField
            ),
            (
                Location::Record(4),
                7,
                "payment_currency",
                RejectKind::UnknownCurrency
            ),
            (
                Location::Record(5),
                6,
                "amount_paid",
                RejectKind::NegativeAmount
            ),
            (Location::Record(6), 6, "amount_paid", RejectKind::BadAmount),
            (
                Location::Record(7),
                10,
                "payment_format",
                RejectKind::UnknownPaymentFormat
            ),
            (
                Location::Record(9),
                3,
                "from_account",
                RejectKind::FieldTooLong
            ),
        ]
    );
    assert_eq!(loaded.transfers.len(), 3);
    assert_eq!(
        loaded.transfers.amount_paid(1),
        2.0,
        "AMLworld currency names are accepted"
    );
    let written = std::fs::read_to_string(&rejects).unwrap();
    assert_eq!(written.lines().count(), 7);
    assert!(written.contains(
        "\"record 4\",\"payment_currency\",\"unknown currency\",\
         \"`XYZ` is not a currency flowtrace knows\",\
         \"1970-01-01T00:16:43Z,001,A1,002,B2,3,XYZ,1,USD,Wire,\""
    ));
}

#[test]
fn fail_mode_stops_at_the_first_bad_record() {
    let dir = tempfile::tempdir().unwrap();
    let path = bad_records(dir.path());
    let err = read_parquet(&path, &ReadOptions::default()).err().unwrap();
    assert_eq!(
        err.to_string(),
        format!(
            "{}: record 2, column 6 (amount_paid): empty field: `amount_paid` is null",
            path.display()
        )
    );
}

#[test]
fn a_missing_column_names_the_column() {
    let dir = tempfile::tempdir().unwrap();
    let full = batch(&[(Some(1.0), "USD", "Wire", "")]);
    let index = full.schema().index_of("payment_format").unwrap();
    let mut partial = full.clone();
    partial.remove_column(index);
    let path = dir.path().join("partial.parquet");
    write_parquet_batches(&path, &[partial]);
    let err = read_parquet(&path, &skip()).err().unwrap();
    assert!(matches!(err, ReadError::Format { .. }));
    assert!(
        err.to_string().contains("missing column `payment_format`"),
        "{err}"
    );
}

#[test]
fn a_column_of_the_wrong_type_names_column_and_type() {
    let dir = tempfile::tempdir().unwrap();
    let full = batch(&[(Some(1.0), "USD", "Wire", "")]);
    let schema = full.schema();
    let columns = schema.fields().iter().zip(full.columns()).map(|(f, c)| {
        let column = if f.name() == "amount_paid" {
            strings(&[Some("1.0")])
        } else {
            c.clone()
        };
        (f.name().clone(), column)
    });
    let path = dir.path().join("typed.parquet");
    write_parquet_batches(&path, &[RecordBatch::try_from_iter(columns).unwrap()]);
    let err = read_parquet(&path, &skip()).err().unwrap();
    assert!(
        err.to_string()
            .contains("column `amount_paid` has type Utf8"),
        "{err}"
    );
}

/// Another producer's choices: columns reordered, an extra column, dictionary, large and view
/// strings, millisecond times without a zone, decimal amounts, integer labels.
fn foreign_batch() -> RecordBatch {
    let mut banks = StringDictionaryBuilder::<Int32Type>::new();
    banks.extend([Some("010"), Some("010"), None]);
    let columns: Vec<(&str, ArrayRef)> = vec![
        ("note", strings(&[Some("x"), Some("y"), Some("z")])),
        (
            "payment_format",
            Arc::new(StringViewArray::from(vec!["ACH", "Cash", "Wire"])),
        ),
        (
            "to_account",
            Arc::new(LargeStringArray::from(vec!["B", "A", "A"])),
        ),
        ("to_bank", strings(&[Some("020"), Some("010"), Some("010")])),
        ("from_account", strings(&[Some("A"), Some("A"), Some("A")])),
        ("from_bank", Arc::new(banks.finish())),
        // -1,500 ms is 1.5 s before the epoch: second -2 when floored.
        (
            "timestamp",
            Arc::new(TimestampMillisecondArray::from(vec![-1_500, 2_999, 0])),
        ),
        ("amount_paid", decimals(&[12_345, 100, 1])),
        ("amount_received", decimals(&[12_345, 90, 1])),
        (
            "payment_currency",
            strings(&[Some("usd"), Some("Euro"), Some("USD")]),
        ),
        (
            "receiving_currency",
            strings(&[Some("USD"), Some("JPY"), Some("USD")]),
        ),
        (
            "is_laundering",
            Arc::new(Int64Array::from(vec![Some(1), None, Some(0)])),
        ),
    ];
    RecordBatch::try_from_iter(columns).unwrap()
}

fn decimals(values: &[i128]) -> ArrayRef {
    Arc::new(
        Decimal128Array::from(values.to_vec())
            .with_precision_and_scale(10, 2)
            .unwrap(),
    )
}

fn check_foreign(loaded: &flowtrace_io::Loaded) {
    assert_eq!((loaded.report.accepted, loaded.report.rejected), (2, 1));
    let error = &loaded.report.first_errors[0];
    assert_eq!(error.location, Location::Record(3));
    let column = error.column.as_ref().unwrap();
    assert_eq!((column.number, column.name.as_str()), (6, "from_bank"));
    let got = rows(&loaded.accounts, &loaded.transfers);
    let keys = |a: &str, b: &str, c: &str, d: &str| [a, b, c, d].map(String::from);
    let euro = Currency::parse("EUR").unwrap();
    let yen = Currency::parse("JPY").unwrap();
    assert_eq!(
        got,
        [
            (
                -2,
                keys("010", "A", "020", "B"),
                123.45,
                Currency::USD,
                123.45,
                Currency::USD,
                PaymentFormat::Ach,
                Some(true)
            ),
            (
                2,
                keys("010", "A", "010", "A"),
                1.0,
                euro,
                0.9,
                yen,
                PaymentFormat::Cash,
                None
            ),
        ]
    );
}

#[test]
fn other_producers_types_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("foreign.parquet");
    write_parquet_batches(&path, &[foreign_batch()]);
    check_foreign(&read_parquet(&path, &skip()).unwrap());

    let path = dir.path().join("foreign.arrow");
    let batch = foreign_batch();
    let mut w =
        arrow_ipc::writer::FileWriter::try_new(File::create(&path).unwrap(), &batch.schema())
            .unwrap();
    w.write(&batch).unwrap();
    w.finish().unwrap();
    check_foreign(&read_ipc(&path, &skip()).unwrap());
}

#[test]
fn an_ipc_stream_is_read_too() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stream.arrows");
    let batch = foreign_batch();
    let file = File::create(&path).unwrap();
    let mut w = arrow_ipc::writer::StreamWriter::try_new(file, &batch.schema()).unwrap();
    w.write(&batch).unwrap();
    w.finish().unwrap();
    check_foreign(&read_ipc(&path, &skip()).unwrap());
}

#[test]
fn an_empty_dictionary_is_all_nulls() {
    let mut batch = batch(&[(Some(1.0), "USD", "Wire", "")]);
    let index = batch.schema().index_of("to_bank").unwrap();
    batch.remove_column(index);
    let mut empty = StringDictionaryBuilder::<Int32Type>::new();
    empty.append_null();
    let mut columns: Vec<(String, ArrayRef)> = batch
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .zip(batch.columns().to_vec())
        .collect();
    columns.push(("to_bank".into(), Arc::new(empty.finish())));
    let batch = RecordBatch::try_from_iter(columns).unwrap();
    let loaded = from_record_batches([Ok(batch)], Path::new("mem"), &skip()).unwrap();
    let error = &loaded.report.first_errors[0];
    assert_eq!(
        (error.kind, error.column.as_ref().unwrap().number),
        (RejectKind::EmptyField, 11)
    );
}

// ---- files that are not what they claim --------------------------------------------------------

fn format_error(read: Reader, path: &Path) -> String {
    match read(path, &ReadOptions::default()) {
        Err(e @ ReadError::Format { .. }) => e.to_string(),
        Err(other) => panic!("expected a format error, got {other}"),
        Ok(_) => panic!("{} should not load", path.display()),
    }
}

#[test]
fn empty_garbage_and_truncated_files_are_clear_errors() {
    let (accounts, transfers) = sample();
    let dir = tempfile::tempdir().unwrap();
    for (ext, read, write) in FORMATS {
        let empty = dir.path().join(format!("empty.{ext}"));
        std::fs::write(&empty, b"").unwrap();
        let err = read(&empty, &ReadOptions::default()).err().unwrap();
        assert!(matches!(err, ReadError::Empty { .. }), "{ext}: {err}");

        let garbage = dir.path().join(format!("garbage.{ext}"));
        std::fs::write(&garbage, b"timestamp,from_bank\n2022-09-01,010\n").unwrap();
        assert!(
            format_error(read, &garbage).contains("not a readable"),
            "{ext}"
        );

        let whole = dir.path().join(format!("whole.{ext}"));
        write(&accounts, &transfers, &whole).unwrap();
        let bytes = std::fs::read(&whole).unwrap();
        let half = dir.path().join(format!("half.{ext}"));
        std::fs::write(&half, &bytes[..bytes.len() / 2]).unwrap();
        format_error(read, &half);
    }
}

#[test]
fn corrupted_bytes_never_panic() {
    let (accounts, transfers) = sample();
    let dir = tempfile::tempdir().unwrap();
    for (ext, read, write) in FORMATS {
        let whole = dir.path().join(format!("whole.{ext}"));
        write(&accounts, &transfers, &whole).unwrap();
        let bytes = std::fs::read(&whole).unwrap();
        let bad = dir.path().join(format!("bad.{ext}"));
        for at in (0..bytes.len()).step_by(7) {
            let mut copy = bytes.clone();
            copy[at] ^= 0x5a;
            std::fs::write(&bad, &copy).unwrap();
            // Any outcome but a panic is fine: a flipped byte may sit in padding or statistics.
            let _ = read(&bad, &skip());
        }
    }
}
