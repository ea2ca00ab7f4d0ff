//! `flowtrace features`: snapml `GraphFeaturePreprocessor` features of an edge-list CSV.
//!
//! Input: a CSV in snapml's layout, `EdgeID,source,target,timestamp[,raw numeric columns...]`,
//! every field a number. The header is optional: a first line whose first field is not a number
//! is taken as the header and its names are kept for the output. Parameters: snapml's JSON keys
//! unchanged. Output, rows in input order: every input column (as `f64`, as snapml returns it)
//! then the engineered features, i.e. what snapml's `fit_transform` returns; CSV with a header
//! line, or Parquet / Arrow IPC when `--out` ends in `.parquet` / `.arrow`
//! ([`super::features_columnar`]).

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use flowtrace_patterns::features::{write_fit_transform_csv, FeatureCsvError, GfpParams};

use super::features_columnar::{self, Columnar};
use crate::args::{FeaturesArgs, GlobalArgs};
use crate::Outcome;

/// Timestamps beyond this magnitude are refused (window arithmetic must not overflow, and
/// `f64` holds every integer up to 2^53 exactly).
const MAX_ABS_TIMESTAMP: f64 = 9.0e15;

pub fn run(global: &GlobalArgs, args: &FeaturesArgs) -> Result<Outcome> {
    let text = std::fs::read_to_string(&args.params)
        .with_context(|| format!("cannot read parameters {}", args.params.display()))?;
    let params = GfpParams::from_json(&text)
        .with_context(|| format!("bad parameters in {}", args.params.display()))?;
    if params.temp_cycle || params.lc_cycle {
        eprintln!(
            "warning: temp-cycle and lc-cycle features are not yet exact against snapml \
             1.17.2 where a timestamp is 0 (temp-cycle) or edges tie in time (lc-cycle); fan, \
             degree, vertex statistics and scatter-gather are exact"
        );
    }
    let clock = Instant::now();
    let (names, columns) = read_edges(&args.input)?;
    let read = clock.elapsed();
    let rows = columns.first().map_or(0, Vec::len);
    let feature_count = params.feature_names().len();
    let written = match Columnar::of(&args.out) {
        Some(format) => features_columnar::write(&args.out, format, &params, &names, columns)
            .with_context(|| format!("features of {}", args.input.display())),
        None => write_csv_table(args, &params, &names, &columns),
    };
    if written.is_err() {
        // No half-written output left behind under the name the user asked for.
        let _ = std::fs::remove_file(&args.out);
    }
    written?;
    if !global.quiet {
        eprintln!(
            "{rows} edges, {feature_count} features -> {} (read {:.2} s, features and write \
             {:.2} s)",
            args.out.display(),
            read.as_secs_f64(),
            (clock.elapsed() - read).as_secs_f64()
        );
    }
    Ok(Outcome::default())
}

/// The features as CSV: the header line, then every input column and the features of each row.
fn write_csv_table(
    args: &FeaturesArgs,
    params: &GfpParams,
    names: &[String],
    columns: &[Vec<f64>],
) -> Result<()> {
    let slices: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let feature_names = params.feature_names();
    let header: Vec<&str> = names
        .iter()
        .chain(&feature_names)
        .map(String::as_str)
        .collect();
    write_csv(&args.out, &header, params, &slices).map_err(|e| match e {
        FeatureCsvError::Features(e) => anyhow::Error::new(e).context(format!(
            "cannot compute features of {}",
            args.input.display()
        )),
        FeatureCsvError::Io(e) => {
            anyhow::Error::new(e).context(format!("cannot write {}", args.out.display()))
        }
    })
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

/// The header line, then every input column and the features of each row.
fn write_csv(
    path: &Path,
    header: &[&str],
    params: &GfpParams,
    columns: &[&[f64]],
) -> Result<(), FeatureCsvError> {
    let file = File::create(path)?;
    let mut out = BufWriter::with_capacity(1 << 20, file);
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header).map_err(io::Error::other)?;
        w.flush()?;
    }
    write_fit_transform_csv(params, columns, &mut out)?;
    out.flush()?;
    Ok(())
}
