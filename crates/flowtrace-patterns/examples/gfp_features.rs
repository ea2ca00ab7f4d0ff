//! Computes snapml-compatible features of a numeric CSV (snapml's columns, with a header) and
//! writes the engineered columns as CSV without header, like `bench/gfp/snapml_features.py`,
//! so the two can be diffed while investigating a difference.
//!
//! `cargo run --release -p flowtrace-patterns --example gfp_features -- IN.csv PARAMS.json OUT.csv`

use flowtrace_patterns::features::{fit_transform, GfpParams};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let [_, input, params, output] = args.as_slice() else {
        return Err("usage: gfp_features IN.csv PARAMS.json OUT.csv".into());
    };
    let params = GfpParams::from_json(&std::fs::read_to_string(params)?)?;
    let text = std::fs::read_to_string(input)?;
    let mut columns: Vec<Vec<f64>> = Vec::new();
    for line in text.lines().skip(1) {
        for (k, field) in line.split(',').enumerate() {
            if columns.len() <= k {
                columns.push(Vec::new());
            }
            columns[k].push(field.trim().parse()?);
        }
    }
    let slices: Vec<&[f64]> = columns.iter().map(Vec::as_slice).collect();
    let start = std::time::Instant::now();
    let table = fit_transform(&params, &slices)?;
    eprintln!("flowtrace_seconds {:.3}", start.elapsed().as_secs_f64());
    let mut out = String::new();
    for row in 0..columns.first().map_or(0, Vec::len) {
        let values: Vec<String> = table
            .columns
            .iter()
            .map(|c| format!("{:?}", c[row]))
            .collect();
        out.push_str(&values.join(","));
        out.push('\n');
    }
    std::fs::write(output, out)?;
    Ok(())
}
