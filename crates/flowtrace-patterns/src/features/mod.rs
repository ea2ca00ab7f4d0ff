//! Graph features compatible with snapml's `GraphFeaturePreprocessor` (GFP): the same
//! parameters, the same columns in the same order, the same values, computed in parallel.
//!
//! The input is snapml's edge list, column by column: `[EdgeID, source, target, timestamp,
//! other raw columns...]` as `f64`. The output is one `f64` column per engineered feature, in
//! input row order: the pattern histograms (fan-in, fan-out, degree-in, degree-out,
//! scatter-gather, temporal cycles, length-constrained cycles; only enabled families), then
//! the vertex statistics of the source over its outgoing and incoming edges and of the
//! target over its outgoing and incoming edges.
//!
//! ```
//! use flowtrace_patterns::features::{fit_transform, GfpParams};
//!
//! let params = GfpParams::from_json(r#"{"fan": true, "fan_tw": 10, "fan_bins": [2, 3],
//!     "vertex_stats": false}"#)?;
//! let (id, src, dst, ts) = ([0.0, 1.0], [7.0, 7.0], [8.0, 9.0], [0.0, 5.0]);
//! let out = fit_transform(&params, &[&id, &src, &dst, &ts])?;
//! assert_eq!(out.names[2], "fan_out_2");
//! // One fan-out of two counterparties, counted by fit and again by transform.
//! assert_eq!(out.columns[2], [2.0, 2.0]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What snapml 1.17.2 does, as observed (and what this module reproduces)
//!
//! These were pinned down by running snapml on small hand-made graphs; snapml is closed
//! source, so this is behaviour, not code.
//!
//! **Batches.** `fit`, `partial_fit` and `transform` each take a batch (`partial_fit` and
//! `transform` store it in time order, `fit` in row order; see [`stream`]): all its edges are
//! inserted into the in-memory graph first (an EdgeID already present is not inserted
//! again), then every edge of the batch is searched for patterns against the whole graph,
//! then `transform` outputs each batch edge's accumulated histograms and its vertices'
//! statistics, and only then are edges evicted: those with timestamp `< T - time_window`,
//! `T` the newest timestamp seen (an edge exactly `time_window` old stays). So within one
//! batch nothing is evicted and later edges of the batch are visible. A negative
//! `time_window` becomes the largest window of an enabled pattern family
//! (`vertex_stats_tw` does not count; with no family enabled snapml refuses the parameters).
//!
//! **Histograms, and why `fit_transform` counts twice.** Every batch row inserted adds an
//! entry to its vertices' adjacency, even when its EdgeID is already stored, so after `fit`
//! the edges that survived eviction have two entries when `transform` sees the same rows
//! again (evicted ones are re-inserted with one). Each batch row is searched once; a pattern
//! found adds 1 per entry of every edge in it, and the output is what the batch's searches
//! gave (histograms do not carry over between calls). For fan this makes outputs `count * m`,
//! `m` = 2 for edges with timestamp `>= T - time_window` and 1 before, which is what this
//! module computes. Degree sizes count entries, so they grow too (a lone edge that survived
//! `fit` is a degree pattern of size 2); the cycle kinds credit the searching edge once but
//! its partners per entry. [`graph::Graph::entries`] carries the multiplicity to every
//! family.
//!
//! **Eviction follows insertion order.** `fit` evicts from the front of the rows as given
//! and stops at the first row it keeps, so on input not sorted by time an old row inserted
//! after a recent one survives (with its second entry). The running moments of the vertex
//! statistics are pruned the same way with `vertex_stats_tw`.
//!
//! **`max_no_edges`** caps the edges kept *between* batches, never within one: a batch
//! larger than the cap is searched whole (a fresh `transform` of 6 edges gives the same
//! output with caps 1 to 4 as without). After the batch, eviction pops the front of
//! insertion order while the graph holds more than the cap *or* the front edge is older
//! than the window, so the cap can push the front onto old edges the time rule alone stops
//! before. Minimal probe (fan, `fan_tw` 5, `time_window` -1): rows `0->1 @10, 0->2 @1,
//! 0->3 @10`; without a cap `fit` keeps all three (it stops at `@10`), with `max_no_edges`
//! 2 it keeps only `0->3` (the cap pops `0->1`, then `0->2 @1` is too old), so the source's
//! out-degree after `transform` is 4, not 6 or 5. On time-sorted input the cap simply keeps
//! the last `max_no_edges` rows. Zero is refused, as snapml does.
//!
//! **Bins.** The bin values are inclusive upper bounds: bin `i` holds sizes
//! `bins[i - 1] < size <= bins[i]`, the first bin every size up to `bins[0]`, the last every
//! size above `bins[last - 1]` (its own value is never consulted). Patterns have at least 2
//! edges (fan and degree; for degree, 2 adjacency entries), 2 intermediates (scatter-gather)
//! or 2 edges (cycles).
//!
//! **Windows.** Fan and degree: edges in `(t - tw, t]` (exclusive at the old end), ties at
//! `t` included on both sides. Scatter-gather, temporal and length-constrained cycles:
//! `[t - tw, t]` (inclusive). Self-loops are ignored by fan, degree and both cycle kinds, but
//! search and can be a hop in scatter-gather and count in vertex statistics. Per-family
//! details, with the probes that showed them, are in
//! [`fan`], [`scatter_gather`], [`temporal_cycles`] and [`lc_cycles`]; statistics in
//! [`stats`].
//!
//! **Output.** `f64`, input row order, raw columns first in snapml; this API returns only
//! the engineered columns, [`fit_transform_batch`] both.
//!
//! # Status
//!
//! Exact against snapml (parity tests, time-sorted and shuffled input with self-loops,
//! parallel edges and ties): fan-in/out, degree-in/out and all eleven vertex statistics
//! (`fan_degree_and_statistics_match_snapml`, including bursts that trigger snapml's moment
//! resets, see [`moments`]; on the 1M-edge benchmark every value is within 1e-9), and
//! scatter-gather (`scatter_gather_matches_snapml`). Exact except for two snapml quirks,
//! checked on the same graphs retimed around them: temporal cycles differ when a timestamp
//! is exactly 0 (`temporal_cycles_match_snapml_from_time_one` passes), length-constrained
//! cycles when edges share the searching edge's timestamp (every family together passes
//! on distinct timestamps, `every_family_matches_snapml_without_ties`). The original graphs
//! stay in ignored tests (`temporal_cycles_match_snapml`,
//! `length_constrained_cycles_match_snapml`, `every_family_matches_snapml`); the minimal
//! probes are in [`temporal_cycles`] and [`lc_cycles`]. `max_no_edges` is exact with every
//! family (`max_no_edges_matches_snapml`). Streaming ([`FeatureStream`], snapml's
//! `partial_fit` / `transform` on successive batches, rules in [`stream`]) is exact on the
//! same graphs in 3 or 4 batches (`tests/snapml_stream.rs`), except the running moments
//! with `max_no_edges` on batches that go back in time. [`write_fit_transform_csv`] writes the same result as CSV
//! text, fast.

#![allow(rustdoc::private_intra_doc_links)]

mod arrow;
mod credits;
mod csv_out;
mod csv_rows;
mod eviction;
mod fan;
mod graph;
mod hop_lists;
mod lc_cycles;
mod moments;
mod params;
mod scatter_gather;
mod stats;
mod stream;
mod temporal_cycles;

use rayon::prelude::*;

pub use arrow::{fit_transform_batch, FeatureBatchError};
pub use csv_out::{write_fit_transform_csv, FeatureCsvError};
pub use csv_rows::format_csv_rows;
pub use params::{GfpParams, ParamsError, PatternParams, FAMILIES, STAT_NAMES};
pub use stream::FeatureStream;

use credits::Histograms;
use graph::Graph;

/// Engineered features, one `f64` column per feature, rows in input order.
#[derive(Clone, Debug, PartialEq)]
pub struct FeatureTable {
    /// Column names (`fan_in_2`, ..., `src_out_avg_c4`, ...).
    pub names: Vec<String>,
    /// The columns, in snapml's order.
    pub columns: Vec<Vec<f64>>,
}

/// Why features could not be computed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FeatureError {
    /// The parameters are invalid.
    #[error(transparent)]
    Params(#[from] ParamsError),
    /// Fewer than the four columns snapml requires.
    #[error("the edge list needs at least 4 columns (EdgeID, source, target, timestamp); got {0}")]
    TooFewColumns(usize),
    /// Columns of different lengths.
    #[error("column {col} has {len} rows but column 0 has {rows}")]
    RaggedColumns {
        /// The column.
        col: usize,
        /// Its length.
        len: usize,
        /// Column 0's length.
        rows: usize,
    },
    /// More rows than 32-bit positions hold.
    #[error("more than 4,294,967,295 edges")]
    TooManyEdges,
}

/// snapml's `fit_transform` on a fresh preprocessor: features of every row of `columns`
/// (snapml's layout, column-major).
pub fn fit_transform(params: &GfpParams, columns: &[&[f64]]) -> Result<FeatureTable, FeatureError> {
    let mut computed = compute(params, columns)?;
    let mut out = computed.take_histogram_columns();
    if let Some(vertex) = &computed.vertex {
        out.extend(stats_columns(vertex));
    }
    Ok(FeatureTable {
        names: params.feature_names(),
        columns: out,
    })
}

/// The features before they are laid out in columns: each family's counts per graph
/// position, and the vertex statistics as per-vertex tables with each row's source and
/// target. (As `f64` columns they would take twice the memory of the counts: 16 GB for
/// every family at 30M edges, where the CSV writer needs none of it.)
pub(crate) struct Computed {
    /// The enabled families' counts, in output order.
    pub histograms: Vec<Histograms>,
    /// The graph position of each input row.
    pub edge_of_row: Vec<u32>,
    /// Vertex statistics, when enabled.
    pub vertex: Option<VertexColumns>,
}

impl Computed {
    /// The histogram columns, in input row order. Each family's count table is dropped as
    /// soon as its columns are made, so the two are never all held at once.
    pub fn take_histogram_columns(&mut self) -> Vec<Vec<f64>> {
        let edge_of_row = &self.edge_of_row;
        std::mem::take(&mut self.histograms)
            .into_iter()
            .flat_map(|hist| histogram_columns(edge_of_row, &hist))
            .collect()
    }
}

/// Vertex statistics and which vertices each input row reads them from.
pub(crate) struct VertexColumns {
    /// Per vertex and direction.
    pub stats: stats::VertexStats,
    /// Source vertex of each input row.
    pub src: Vec<u32>,
    /// Target vertex of each input row.
    pub dst: Vec<u32>,
}

pub(crate) fn compute(params: &GfpParams, columns: &[&[f64]]) -> Result<Computed, FeatureError> {
    check_input(params, columns)?;
    let mut g = Graph::new(columns[1], columns[2], columns[3]);
    let keep = eviction::survivors(&g, params)?;
    g.entries = keep.graph.iter().map(|&k| 1 + u32::from(k)).collect();
    let histograms = self::histograms(&g, params);
    let edge_of_row = edge_of_row(&g);
    let vertex = params.vertex_stats.then(|| {
        let cols: Vec<&[f64]> = params
            .vertex_stats_cols
            .iter()
            .map(|&c| columns[c])
            .collect();
        let stats = stats::compute(&g, params, &cols, &keep);
        let by_row = |ends: &[u32]| {
            let mut v = vec![0u32; g.len()];
            for (e, &row) in g.rows.iter().enumerate() {
                v[row as usize] = ends[e];
            }
            v
        };
        let (src, dst) = rayon::join(|| by_row(&g.src), || by_row(&g.dst));
        VertexColumns { stats, src, dst }
    });
    Ok(Computed {
        histograms,
        edge_of_row,
        vertex,
    })
}

fn check_input(params: &GfpParams, columns: &[&[f64]]) -> Result<(), FeatureError> {
    params.validate()?;
    if columns.len() < 4 {
        return Err(FeatureError::TooFewColumns(columns.len()));
    }
    let rows = columns[0].len();
    if rows > u32::MAX as usize {
        return Err(FeatureError::TooManyEdges);
    }
    if let Some((col, c)) = columns.iter().enumerate().find(|(_, c)| c.len() != rows) {
        return Err(FeatureError::RaggedColumns {
            col,
            len: c.len(),
            rows,
        });
    }
    if params.vertex_stats {
        if let Some(&col) = params
            .vertex_stats_cols
            .iter()
            .find(|&&c| c >= columns.len())
        {
            let columns = columns.len();
            return Err(ParamsError::NoSuchColumn { col, columns }.into());
        }
    }
    Ok(())
}

/// The enabled families' histograms, in output order.
fn histograms(g: &Graph, p: &GfpParams) -> Vec<Histograms> {
    let mut out = Vec::new();
    for (i, distinct) in [(0, true), (1, false)] {
        let f = p.family(i);
        if f.enabled {
            out.push(fan::count(g, &f, fan::Side::In, distinct));
            out.push(fan::count(g, &f, fan::Side::Out, distinct));
        }
    }
    let f = p.family(2);
    if f.enabled {
        out.push(scatter_gather::count(g, &f));
    }
    let f = p.family(3);
    if f.enabled {
        out.push(temporal_cycles::count(g, &f));
    }
    let f = p.family(4);
    if f.enabled {
        out.push(lc_cycles::count(g, &f, p.lc_cycle_len));
    }
    out
}

/// The graph's position of each input row's edge (the inverse of [`Graph::rows`]).
fn edge_of_row(g: &Graph) -> Vec<u32> {
    let mut edge_of_row = vec![0u32; g.len()];
    for (e, &row) in g.rows.iter().enumerate() {
        edge_of_row[row as usize] = e as u32;
    }
    edge_of_row
}

/// Histogram columns in input row order, filled a block of rows at a time: each row reads its
/// edge's bins side by side, where a column at a time read the whole table once per bin.
fn histogram_columns(edge_of_row: &[u32], hist: &Histograms) -> Vec<Vec<f64>> {
    const ROWS: usize = 1 << 14;
    let rows = edge_of_row.len();
    let mut columns: Vec<Vec<f64>> = (0..hist.bins()).map(|_| vec![0.0; rows]).collect();
    let blocks = column_blocks(&mut columns, ROWS);
    blocks
        .into_par_iter()
        .enumerate()
        .for_each(|(k, mut pieces)| {
            let edges = &edge_of_row[k * ROWS..(k * ROWS + ROWS).min(rows)];
            for (i, &e) in edges.iter().enumerate() {
                for (bin, piece) in pieces.iter_mut().enumerate() {
                    piece[i] = f64::from(hist.get(e, bin));
                }
            }
        });
    columns
}

/// Each block of `rows` rows' piece of every column (the last block may be shorter), so that
/// blocks can fill their rows of all the columns in parallel.
pub(crate) fn column_blocks(columns: &mut [Vec<f64>], rows: usize) -> Vec<Vec<&mut [f64]>> {
    let mut blocks: Vec<Vec<&mut [f64]>> = Vec::new();
    for column in columns {
        for (k, piece) in column.chunks_mut(rows).enumerate() {
            if blocks.len() <= k {
                blocks.push(Vec::new());
            }
            blocks[k].push(piece);
        }
    }
    blocks
}

/// Statistics columns: source out, source in, target out, target in. Each output row looks
/// up its vertex in a per-statistic array that fits in cache, written in row order.
fn stats_columns(vc: &VertexColumns) -> Vec<Vec<f64>> {
    let vs = &vc.stats;
    let blocks: [(&[u32], &[Vec<f64>]); 4] = [
        (&vc.src, &vs.out),
        (&vc.src, &vs.inc),
        (&vc.dst, &vs.out),
        (&vc.dst, &vs.inc),
    ];
    blocks
        .into_par_iter()
        .flat_map_iter(|(who, values)| values.iter().map(move |vals| (who, vals)))
        .map(|(who, vals)| who.iter().map(|&v| vals[v as usize]).collect())
        .collect()
}
