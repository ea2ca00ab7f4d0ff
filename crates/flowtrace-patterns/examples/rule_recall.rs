//! Runs the rules over a simulated world and tells which planted typologies each rule catches.
//!
//! ```text
//! cargo run --release -p flowtrace-patterns --example rule_recall -- WORLD_DIR
//! ```
//!
//! `WORLD_DIR` is what `flowtrace simulate --out WORLD_DIR` writes: `transactions.csv` and
//! `truth.csv` (`row,pattern_id,typology,role`, rows 1-based). A pattern counts as caught by a
//! rule when the rule flags at least half of its transfers.

use std::collections::{BTreeMap, HashMap};
use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

use flowtrace_graph::TemporalGraph;
use flowtrace_io::{read_transfers, FileFormat, ReadOptions};
use flowtrace_patterns::{run_rules, RuleConfig, RuleKind};

/// Planted pattern id -> (typology, transfer ids).
type Planted = BTreeMap<u32, (String, Vec<u32>)>;

fn main() -> Result<(), Box<dyn Error>> {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .ok_or("usage: rule_recall WORLD_DIR")?,
    );
    let options = ReadOptions {
        keep_input_order: true,
        ..ReadOptions::default()
    };
    let loaded = read_transfers(
        &dir.join("transactions.csv"),
        FileFormat::AmlworldCsv,
        &options,
    )?;
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    let started = Instant::now();
    let report = run_rules(&graph, &RuleConfig::default());
    println!(
        "{} transfers, rules ran in {:.3?}",
        graph.transfers().len(),
        started.elapsed()
    );
    let planted = planted(&dir, &graph)?;
    let illicit: Vec<bool> = illicit(&planted, graph.transfers().len());
    println!("\nrule            hits  flagged  of which planted");
    for (rule, hits) in report.counts() {
        let flagged = report.flagged_by(rule);
        let planted = flagged.iter().filter(|&&id| illicit[id as usize]).count();
        println!(
            "{:<14} {hits:>5} {:>8} {planted:>8}",
            rule.name(),
            flagged.len()
        );
    }
    let flagged: Vec<Vec<bool>> = RuleKind::ALL
        .iter()
        .map(|&r| mask(&report.flagged_by(r), illicit.len()))
        .collect();
    table(&planted, &flagged);
    for rule in RuleKind::ALL {
        if let Some(hit) = report
            .hits_of(rule)
            .max_by(|a, b| a.score.total_cmp(&b.score))
        {
            println!("\n{rule} example: {}", hit.why);
        }
    }
    Ok(())
}

/// Reads truth.csv and maps its 1-based data rows to transfer ids.
fn planted(dir: &std::path::Path, graph: &TemporalGraph) -> Result<Planted, Box<dyn Error>> {
    let t = graph.transfers();
    let mut id_of_row = vec![u32::MAX; t.len()];
    for id in graph.stream() {
        id_of_row[t.input_row(id).ok_or("input rows were not kept")? as usize] = id;
    }
    let mut planted = Planted::new();
    for line in std::fs::read_to_string(dir.join("truth.csv"))?
        .lines()
        .skip(1)
    {
        let f: Vec<&str> = line.split(',').collect();
        if f.len() < 4 || f[3] != "pattern" {
            continue;
        }
        let row: usize = f[0].parse()?;
        let entry = planted
            .entry(f[1].parse()?)
            .or_insert_with(|| (f[2].to_string(), Vec::new()));
        entry.1.push(id_of_row[row - 1]);
    }
    Ok(planted)
}

fn illicit(planted: &Planted, n: usize) -> Vec<bool> {
    mask(
        &planted
            .values()
            .flat_map(|(_, ids)| ids.iter().copied())
            .collect::<Vec<_>>(),
        n,
    )
}

fn mask(ids: &[u32], n: usize) -> Vec<bool> {
    let mut m = vec![false; n];
    ids.iter().for_each(|&id| m[id as usize] = true);
    m
}

/// Typology x rule: patterns with at least half their transfers flagged, out of planted.
fn table(planted: &Planted, flagged: &[Vec<bool>]) {
    let mut rows: BTreeMap<&str, (usize, Vec<usize>, usize)> = BTreeMap::new();
    for (typology, ids) in planted.values() {
        let row = rows
            .entry(typology)
            .or_insert((0, vec![0; flagged.len()], 0));
        row.0 += 1;
        let mut any = false;
        for (r, mask) in flagged.iter().enumerate() {
            let hit = ids.iter().filter(|&&id| mask[id as usize]).count();
            if 2 * hit >= ids.len() {
                row.1[r] += 1;
                any = true;
            }
        }
        row.2 += usize::from(any);
    }
    let names: HashMap<usize, &str> = RuleKind::ALL
        .iter()
        .enumerate()
        .map(|(i, r)| (i, r.name()))
        .collect();
    print!("\n{:<18} {:>3}", "typology", "n");
    (0..flagged.len()).for_each(|i| print!(" {:>6}", &names[&i][..names[&i].len().min(6)]));
    println!("    any");
    for (typology, (n, caught, any)) in rows {
        print!("{typology:<18} {n:>3}");
        caught.iter().for_each(|c| print!(" {c:>6}"));
        println!(" {any:>6}");
    }
}
