//! `flowtrace features`: snapml `GraphFeaturePreprocessor` features of an edge-list CSV.
//!
//! Input: a CSV in snapml's layout, `EdgeID,source,target,timestamp[,raw numeric columns...]`,
//! every field a number. The header is optional: a first line whose first field is not a number
//! is taken as the header and its names are kept for the output. Parameters: snapml's JSON keys
//! unchanged. Output: CSV only (Parquet and Arrow are refused, not silently mislabelled), with
//! a header line, rows in input order: every input column (as `f64`, as snapml returns it) then
//! the engineered features, i.e. what snapml's `fit_transform` returns.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context, Result};
use flowtrace_patterns::features::{fit_transform, GfpParams};
use rayon::prelude::*;

use crate::args::{FeaturesArgs, GlobalArgs};
use crate::Outcome;

/// Timestamps beyond this magnitude are refused (window arithmetic must not overflow, and
/// `f64` holds every integer up to 2^53 exactly).
const MAX_ABS_TIMESTAMP: f64 = 9.0e15;

/// Rows formatted per block: bounds the output buffered in memory.
const ROWS_PER_BLOCK: usize = 1 << 17;

pub fn run(global: &GlobalArgs, args: &FeaturesArgs) -> Result<Outcome> {
    check_out_extension(&args.out)?;
    let text = std::fs::read_to_string(&args.params)
        .with_context(|| format!("cannot read parameters {}", args.params.display()))?;
    let params = GfpParams::from_json(&text)
        .with_context(|| format!("bad parameters in {}", args.params.display()))?;
    if params.scatter_gather || params.temp_cycle || params.lc_cycle {
        eprintln!(
            "warning: scatter-gather, temp-cycle and lc-cycle features are not yet exact \
             against snapml 1.17.2; fan, degree and vertex statistics are"
        );
    }
    let (names, columns) = read_edges(&args.input)?;
    let slices: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let features = fit_transform(&params, &slices)
        .with_context(|| format!("cannot compute features of {}", args.input.display()))?;
    let rows = columns.first().map_or(0, Vec::len);
    let all: Vec<&[f64]> = slices
        .iter()
        .copied()
        .chain(features.columns.iter().map(Vec::as_slice))
        .collect();
    let header: Vec<&str> = names
        .iter()
        .map(String::as_str)
        .chain(features.names.iter().map(String::as_str))
        .collect();
    write_csv(&args.out, &header, &all, rows)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    if !global.quiet {
        eprintln!(
            "{rows} edges, {} features -> {}",
            features.names.len(),
            args.out.display()
        );
    }
    Ok(Outcome::default())
}

fn check_out_extension(out: &Path) -> Result<()> {
    let ext = out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("parquet" | "arrow" | "ipc" | "feather") => bail!(
            "{}: features are written as CSV only; give --out a .csv name",
            out.display()
        ),
        _ => Ok(()),
    }
}

/// The input's column names and its columns (column-major).
fn read_edges(path: &Path) -> Result<(Vec<String>, Vec<Vec<f64>>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut names: Vec<String> = Vec::new();
    let mut columns: Vec<Vec<f64>> = Vec::new();
    let mut record = csv::ByteRecord::new();
    let mut first = true;
    loop {
        let more = reader.read_byte_record(&mut record).map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            anyhow::anyhow!("{}:{line}: {}", path.display(), csv_reason(&e))
        })?;
        if !more {
            break;
        }
        let line = record.position().map_or(0, |p| p.line());
        if first {
            first = false;
            if record.len() < 4 {
                bail!(
                    "{}:{line}: {} columns; snapml's layout needs at least 4 \
                     (EdgeID,source,target,timestamp)",
                    path.display(),
                    record.len()
                );
            }
            columns = vec![Vec::new(); record.len()];
            if number(&record[0]).is_none() {
                names = record
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).trim().to_string())
                    .collect();
                continue;
            }
            names = default_names(record.len());
        }
        for (i, (field, col)) in record.iter().zip(columns.iter_mut()).enumerate() {
            let value = number(field).filter(|v| v.is_finite()).with_context(|| {
                format!(
                    "{}:{line}: column {} ({}): {:?} is not a finite number",
                    path.display(),
                    i + 1,
                    names[i],
                    String::from_utf8_lossy(field)
                )
            })?;
            if i == 3 && value.abs() > MAX_ABS_TIMESTAMP {
                bail!(
                    "{}:{line}: timestamp {value:e} is out of range (|t| <= 9e15)",
                    path.display()
                );
            }
            col.push(value);
        }
    }
    if first {
        bail!("{}: empty file, no header and no edges", path.display());
    }
    Ok((names, columns))
}

fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields, but the first line has {expected_len}"),
        _ => e.to_string(),
    }
}

fn number(field: &[u8]) -> Option<f64> {
    std::str::from_utf8(field).ok()?.trim().parse().ok()
}

fn default_names(width: usize) -> Vec<String> {
    let fixed = ["EdgeID", "src", "dst", "timestamp"];
    (0..width)
        .map(|i| match fixed.get(i) {
            Some(n) => (*n).to_string(),
            None => format!("col{i}"),
        })
        .collect()
}

fn write_csv(path: &Path, header: &[&str], columns: &[&[f64]], rows: usize) -> Result<()> {
    let file = File::create(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header)?;
        w.flush()?;
    }
    let chunk = (ROWS_PER_BLOCK / rayon::current_num_threads().max(1)).max(1024);
    let mut start = 0;
    while start < rows {
        let end = (start + ROWS_PER_BLOCK).min(rows);
        let parts: Vec<Vec<u8>> = (start..end)
            .step_by(chunk)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|from| format_rows(columns, from, (from + chunk).min(end)))
            .collect();
        for p in parts {
            out.write_all(&p)?;
        }
        start = end;
    }
    out.flush()?;
    Ok(())
}

/// Rows `from..to` as CSV lines; integral values are written without a fraction, every value
/// so that it reads back to the same `f64`.
fn format_rows(columns: &[&[f64]], from: usize, to: usize) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut s = String::with_capacity((to - from) * columns.len() * 4);
    for r in from..to {
        for (i, c) in columns.iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            let v = c[r];
            if v == v.trunc() && v.abs() < 1e15 && (v != 0.0 || v.is_sign_positive()) {
                let _ = write!(s, "{}", v as i64);
            } else {
                let _ = write!(s, "{v}");
            }
        }
        s.push('\n');
    }
    s.into_bytes()
}
