//! `flowtrace patterns`: the rules' instances in a transfers file, one JSON object a line, and
//! optionally each row's score for `flowtrace eval`.

use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_graph::{TemporalGraph, Transfers};
use flowtrace_patterns::{run_rules, Instance, RuleConfig, RuleReport};

use crate::args::{GlobalArgs, PatternsArgs};
use crate::{input, Outcome};

pub fn run(global: &GlobalArgs, args: &PatternsArgs) -> Result<Outcome> {
    let config = match &args.config {
        Some(path) => read_config(path)?,
        None => RuleConfig::default(),
    };
    let loaded = input::load_keeping_rows(global, &args.input, true)?;
    let row_of = rows_of(&loaded.transfers);
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    let report = run_rules(&graph, &config);
    write_instances(&args.out, &report, &graph, &row_of)?;
    if let Some(path) = &args.scores {
        write_scores(path, &row_scores(&report, &row_of))?;
    }
    if !global.quiet {
        for (rule, n) in report.counts() {
            eprintln!("{:<16} {n:>8} instances", rule.name());
        }
    }
    eprintln!(
        "{} instances written to {}",
        report.hits().len(),
        args.out.display()
    );
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

/// The rules' thresholds from a JSON file, checked.
fn read_config(path: &Path) -> Result<RuleConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read rule configuration {}", path.display()))?;
    let config: RuleConfig = serde_json::from_str(&text)
        .with_context(|| format!("rule configuration {}", path.display()))?;
    config
        .validate()
        .with_context(|| format!("rule configuration {}", path.display()))?;
    Ok(config)
}

/// The 1-based data row of the input each transfer came from, by transfer id.
pub fn rows_of(transfers: &Transfers) -> Vec<u64> {
    (0..transfers.len() as u32)
        .map(|id| u64::from(transfers.input_row(id).unwrap_or(id)) + 1)
        .collect()
}

/// Every rows' score in row order: its strongest instance's, 0 for rows in none.
pub fn row_scores(report: &RuleReport, row_of: &[u64]) -> Vec<f64> {
    let mut scores = vec![0.0; row_of.len()];
    for (id, score) in report.transfer_scores(row_of.len()).into_iter().enumerate() {
        scores[(row_of[id] - 1) as usize] = score;
    }
    scores
}

/// Writes the instances as JSON lines.
pub fn write_instances(
    path: &Path,
    report: &RuleReport,
    graph: &TemporalGraph,
    row_of: &[u64],
) -> Result<()> {
    let cannot = || format!("cannot write {}", path.display());
    let file = std::fs::File::create(path).with_context(cannot)?;
    let mut out = BufWriter::new(file);
    for hit in report.hits() {
        let instance = Instance::of(hit, graph, |t| row_of[t as usize]);
        serde_json::to_writer(&mut out, &instance).with_context(cannot)?;
        out.write_all(b"\n").with_context(cannot)?;
    }
    out.flush().with_context(cannot)
}

/// Writes `row,score` for every row.
pub fn write_scores(path: &Path, scores: &[f64]) -> Result<()> {
    let cannot = || format!("cannot write {}", path.display());
    let file = std::fs::File::create(path).with_context(cannot)?;
    let mut out = BufWriter::new(file);
    out.write_all(b"row,score\n").with_context(cannot)?;
    for (row, score) in scores.iter().enumerate() {
        writeln!(out, "{},{score}", row + 1).with_context(cannot)?;
    }
    out.flush().with_context(cannot)
}
