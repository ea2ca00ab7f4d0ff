//! The AMLworld CSV reader and writer against the committed fixtures in `tests/data/` (repository
//! root) and against large files generated here: quirks load unchanged, every bad row is named by
//! line, column and reason, nothing is lost in skip mode, and `read(write(x)) == x`.

mod bad_files;
mod bad_rows;
mod large;
mod quirks;
mod sample;

use std::path::{Path, PathBuf};

use flowtrace_graph::{Accounts, Currency, PaymentFormat, Transfers};
use flowtrace_io::{amlworld, Loaded, OnError, ReadError, ReadOptions};

const SEPT_1: i64 = 1_661_990_400; // 2022-09-01T00:00:00Z
const MINUTE: i64 = 60;

fn data(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data")).join(name)
}

fn fail() -> ReadOptions<'static> {
    ReadOptions::default()
}

fn skip(rejects: Option<PathBuf>) -> ReadOptions<'static> {
    ReadOptions {
        on_error: OnError::Skip { rejects },
        ..ReadOptions::default()
    }
}

fn read(path: &Path, options: &ReadOptions) -> Loaded {
    match amlworld::read(path, options) {
        Ok(loaded) => loaded,
        Err(e) => panic!("{e}"),
    }
}

fn read_err(path: &Path, options: &ReadOptions) -> ReadError {
    match amlworld::read(path, options) {
        Ok(loaded) => panic!("{} loaded: {}", path.display(), loaded.report),
        Err(e) => e,
    }
}

/// A transfer with its accounts spelled out, comparable across account tables.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    ts: i64,
    from: (String, String),
    to: (String, String),
    received: (f64, Currency),
    paid: (f64, Currency),
    format: PaymentFormat,
    label: Option<bool>,
}

fn rows(accounts: &Accounts, transfers: &Transfers) -> Vec<Row> {
    let key = |id| {
        (
            accounts.bank(id).to_string(),
            accounts.number(id).to_string(),
        )
    };
    (0..transfers.len() as u32)
        .map(|id| {
            let t = transfers.get(id);
            Row {
                ts: t.ts,
                from: key(t.src),
                to: key(t.dst),
                received: (t.amount_received, t.currency_received),
                paid: (t.amount_paid, t.currency_paid),
                format: t.format,
                label: t.label,
            }
        })
        .collect()
}

fn keys(accounts: &Accounts) -> Vec<(String, String)> {
    (0..accounts.len() as u32)
        .map(|id| (accounts.bank(id).to_owned(), accounts.number(id).to_owned()))
        .collect()
}

fn assert_time_ordered(transfers: &Transfers) {
    let times: Vec<i64> = (0..transfers.len() as u32)
        .map(|id| transfers.ts(id))
        .collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "not sorted by time");
}

fn key(bank: &str, number: &str) -> (String, String) {
    (bank.to_string(), number.to_string())
}

/// Splits a rejects file into records of fields; every field is quoted, raw rows hold no line
/// break, so a record is a line.
fn parse_rejects(bytes: &[u8]) -> Vec<Vec<Vec<u8>>> {
    let mut records = Vec::new();
    for line in bytes.split(|&b| b == b'\n').skip(1) {
        if line.is_empty() {
            continue;
        }
        let mut fields = Vec::new();
        let mut rest = line;
        while let Some(open) = rest.strip_prefix(b"\"") {
            let mut field = Vec::new();
            let mut i = 0;
            loop {
                match (open[i], open.get(i + 1)) {
                    (b'"', Some(b'"')) => {
                        field.push(b'"');
                        i += 2;
                    }
                    (b'"', _) => break,
                    (b, _) => {
                        field.push(b);
                        i += 1;
                    }
                }
            }
            fields.push(field);
            rest = open[i + 1..].strip_prefix(b",").unwrap_or(&[]);
        }
        records.push(fields);
    }
    records
}
