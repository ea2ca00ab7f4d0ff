//! Computes snapml-compatible features of a numeric CSV (snapml's columns, with a header) and
//! writes the engineered columns as CSV without header, like `bench/gfp/snapml_features.py`,
//! so the two can be diffed while investigating a difference, and timed the same way: the
//! seconds inside `fit_transform` (input in memory, every output column materialised) go to
//! stderr as `flowtrace_seconds`, which `bench/gfp/bench.py` sets against snapml's.
//!
//! `cargo run --release -p flowtrace-patterns --example gfp_features -- IN.csv PARAMS.json OUT.csv`
//! (threads: rayon's default, or `RAYON_NUM_THREADS`).

use std::io::Write;

use flowtrace_patterns::features::{fit_transform, format_csv_rows, GfpParams};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, params, output] = args.as_slice() else {
        return Err("usage: gfp_features IN.csv PARAMS.json OUT.csv".into());
    };
    let params = GfpParams::from_json(&std::fs::read_to_string(params)?)?;
    let text = std::fs::read_to_string(input)?;
    let mut columns: Vec<Vec<f64>> = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        for (k, field) in line.split(',').enumerate() {
            if columns.len() <= k {
                columns.push(Vec::new());
            }
            let value = field
                .trim()
                .parse()
                .map_err(|e| format!("{input}: line {}, field {}: {field:?}: {e}", n + 1, k + 1))?;
            columns[k].push(value);
        }
    }
    let slices: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let start = std::time::Instant::now();
    let table = fit_transform(&params, &slices)?;
    eprintln!("flowtrace_seconds {:.3}", start.elapsed().as_secs_f64());
    let engineered: Vec<&[f64]> = table.columns.iter().map(Vec::as_slice).collect();
    let rows = columns.first().map_or(0, Vec::len);
    let mut out = std::io::BufWriter::new(std::fs::File::create(output)?);
    let mut text = Vec::new();
    for from in (0..rows).step_by(1 << 14) {
        text.clear();
        format_csv_rows(&engineered, from, (from + (1 << 14)).min(rows), &mut text);
        out.write_all(&text)?;
    }
    out.flush()?;
    Ok(())
}
