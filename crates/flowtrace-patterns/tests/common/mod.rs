//! Shared by the snapml parity tests: the generated graphs, the parameter sets, running
//! snapml in its venv and comparing its columns with flowtrace's.

// Each test file uses only some of these helpers.
#![allow(dead_code)]

mod sets;

pub use sets::*;

use std::path::{Path, PathBuf};
use std::process::Command;

use flowtrace_patterns::features::{fit_transform, FeatureTable, GfpParams};

/// A small deterministic generator (SplitMix64), so the graphs are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One test graph: snapml's columns (EdgeID, src, dst, ts, amount, second raw column).
pub struct EdgeList {
    /// Seed, sizes and order, for messages.
    pub name: String,
    /// Column-major rows.
    pub columns: Vec<Vec<f64>>,
}

/// `edges` edges among `vertices` vertices over `span` time units: many ties in time, some
/// self-loops, parallel edges and planted short cycles and fans; rows shuffled unless
/// `sorted`.
pub fn graph(seed: u64, vertices: u64, edges: usize, span: u64, sorted: bool) -> EdgeList {
    let mut rng = Rng(seed);
    let mut rows: Vec<[f64; 5]> = Vec::new();
    while rows.len() < edges {
        let t = rng.below(span) as f64;
        let (a, b) = (rng.below(vertices) as f64, rng.below(vertices) as f64);
        let amount = (rng.below(100_000) as f64) / 100.0;
        match rng.below(10) {
            0 => rows.push([a, a, t, amount, 1.0]),
            1 => {
                let c = rng.below(vertices) as f64;
                rows.push([a, b, t, amount, 2.0]);
                rows.push([b, c, t + rng.below(4) as f64, amount * 0.9, 2.0]);
                rows.push([c, a, t + rng.below(6) as f64, amount * 0.8, 2.0]);
            }
            2 => {
                for _ in 0..3 {
                    let d = rng.below(vertices) as f64;
                    rows.push([a, d, t + rng.below(3) as f64, amount, 3.0]);
                }
            }
            _ => rows.push([a, b, t, amount, 0.0]),
        }
    }
    rows.truncate(edges);
    if sorted {
        rows.sort_by(|x, y| x[2].total_cmp(&y[2]));
    }
    let mut columns = vec![Vec::new(); 6];
    for (id, r) in rows.iter().enumerate() {
        columns[0].push(id as f64);
        for (k, &x) in r.iter().enumerate() {
            columns[k + 1].push(x);
        }
    }
    let name = format!("seed{seed}-v{vertices}-e{edges}-span{span}-sorted{sorted}");
    EdgeList { name, columns }
}

/// Widely spread early values, then a burst of close ones late, at large timestamps: once
/// `fit` evicts the early edges, the survivors' spread cancels against the evicted values'
/// and snapml resets it (see `features::moments`), which uniform graphs rarely show.
pub fn bursts(seed: u64, edges: usize) -> EdgeList {
    let mut g = graph(seed, 6, edges, 100, true);
    let mut rng = Rng(seed);
    for r in 0..g.columns[0].len() {
        let late = g.columns[3][r] >= 90.0;
        let jitter = rng.below(1000) as f64;
        g.columns[3][r] += 850_000.0;
        g.columns[4][r] = if late {
            1000.0 + jitter / 100.0
        } else {
            jitter * 37.0
        };
    }
    g.name = format!("bursts{seed}-e{edges}-sortedtrue");
    g
}

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The venv's python with snapml, making the venv if needed; `None` (or a panic in CI)
/// when it cannot be had.
pub fn snapml_python() -> Option<PathBuf> {
    let python = root().join("target/gfp-venv/bin/python");
    let imports = |p: &Path| {
        Command::new(p)
            .args(["-c", "import snapml"])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !imports(&python) {
        let setup = root().join("bench/gfp/setup-venv.sh");
        let made = Command::new("bash").arg(&setup).status();
        if !made.is_ok_and(|s| s.success()) || !imports(&python) {
            let why = "snapml parity: could not make target/gfp-venv with snapml \
                       (needs python3, python3-venv and PyPI; see bench/gfp/setup-venv.sh)";
            assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}");
            eprintln!("SKIPPED: {why}");
            return None;
        }
    }
    Some(python)
}

pub fn write_csv(path: &Path, g: &EdgeList) {
    let mut text = String::from("id,src,dst,ts,amount,kind\n");
    for r in 0..g.columns[0].len() {
        let row: Vec<String> = g.columns.iter().map(|c| format!("{:?}", c[r])).collect();
        text.push_str(&row.join(","));
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

pub fn run_snapml(python: &Path, dir: &Path, g: &EdgeList, params: &str) -> Vec<Vec<f64>> {
    run_snapml_with(python, dir, g, params, &[])
}

/// [`run_snapml`] with extra arguments to `bench/gfp/snapml_features.py` (`--batches N`).
pub fn run_snapml_with(
    python: &Path,
    dir: &Path,
    g: &EdgeList,
    params: &str,
    extra: &[&str],
) -> Vec<Vec<f64>> {
    let (input, json, output) = (dir.join("in.csv"), dir.join("p.json"), dir.join("out.csv"));
    write_csv(&input, g);
    std::fs::write(&json, params).unwrap();
    let script = root().join("bench/gfp/snapml_features.py");
    let status = Command::new(python)
        .arg(script)
        .args([&input, &json, &output])
        .args(extra)
        .status()
        .unwrap();
    assert!(status.success(), "snapml failed on {}", g.name);
    let text = std::fs::read_to_string(&output).unwrap();
    text.lines()
        .map(|l| {
            l.split(',')
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap())
                .collect()
        })
        .collect()
}

/// Statistics other than fan, degree and ratio come from sums in snapml's order.
pub fn is_moment(name: &str) -> bool {
    ["_avg_", "_sum_", "_var_", "_skew_", "_kurtosis_"]
        .iter()
        .any(|k| name.contains(k))
}

pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// flowtrace's `fit_transform` against snapml's output `want`: the number of differing values.
pub fn compare(g: &EdgeList, set: &str, params: &str, want: &[Vec<f64>]) -> usize {
    let p = GfpParams::from_json(params).unwrap();
    let cols: Vec<&[f64]> = g.columns.iter().map(Vec::as_slice).collect();
    let got = fit_transform(&p, &cols).unwrap();
    compare_table(g, set, &got, want)
}

/// Counts values of `got` that differ from snapml's rows `want`, printing the first few.
pub fn compare_table(g: &EdgeList, set: &str, got: &FeatureTable, want: &[Vec<f64>]) -> usize {
    assert_eq!(
        want[0].len(),
        got.columns.len(),
        "{set} {}: column count",
        g.name
    );
    let mut bad = 0;
    let mut per_column = Vec::new();
    for (c, name) in got.names.iter().enumerate() {
        let before = bad;
        for (row, want_row) in want.iter().enumerate() {
            let (w, h) = (want_row[c], got.columns[c][row]);
            let ok = if is_moment(name) { close(w, h) } else { w == h };
            if !ok {
                if bad < 3 {
                    eprintln!(
                        "{set} {}: row {row} {name}: snapml {w} flowtrace {h}",
                        g.name
                    );
                }
                bad += 1;
            }
        }
        if bad > before {
            per_column.push(format!("{name}:{}", bad - before));
        }
    }
    if bad > 0 {
        eprintln!(
            "{set} {}: differing values per column: {}",
            g.name,
            per_column.join(" ")
        );
    }
    bad
}

/// How a parity test changes the generated timestamps, to isolate a known gap.
#[derive(Clone, Copy)]
pub enum Retime {
    /// As generated.
    Keep,
    /// Moved one unit later, so that no timestamp is 0.
    FromOne,
    /// Replaced by their rank in (timestamp, row) order, from 1: no two edges share a time.
    Distinct,
}

impl Retime {
    pub fn apply(self, g: &mut EdgeList) {
        let ts = &mut g.columns[3];
        match self {
            Retime::Keep => {}
            Retime::FromOne => ts.iter_mut().for_each(|t| *t += 1.0),
            Retime::Distinct => {
                let mut order: Vec<usize> = (0..ts.len()).collect();
                order.sort_by(|&a, &b| ts[a].total_cmp(&ts[b]).then(a.cmp(&b)));
                for (rank, &row) in order.iter().enumerate() {
                    ts[row] = (rank + 1) as f64;
                }
            }
        }
    }
}

/// The parity graphs (sized by `GFP_PARITY_EDGES`, 150 by default), retimed.
pub fn test_graphs(retime: Retime) -> Vec<EdgeList> {
    let edges: usize = std::env::var("GFP_PARITY_EDGES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(150);
    let mut graphs = vec![
        graph(1, 8, edges, 40, true),
        graph(2, 12, edges, 60, false),
        graph(3, 5, edges / 2, 15, false),
        graph(4, 30, edges * 2, 200, true),
        bursts(5, edges),
    ];
    for g in &mut graphs {
        retime.apply(g);
    }
    graphs
}
