//! Vertex statistics: for the source and the destination of each edge, over their outgoing
//! and their incoming edges, the number of counterparties (fan), of edges (degree), their
//! ratio, and the average, sum, minimum, maximum, median, variance, skewness and kurtosis of
//! chosen input columns.
//!
//! snapml keeps these as running per-vertex state updated on every insertion and pruned after
//! every batch, and outputs them after the batch, so in `fit_transform` they cover every edge
//! of the vertex in the input (no window), with the edges that survive `fit`'s pruning counted
//! a second time by `transform`: for the degree, fan and median those kept by `time_window`,
//! for the running moments (average, sum, variance, skewness, kurtosis) those also within
//! `vertex_stats_tw` of the newest edge. Minimum and maximum are unaffected by duplicates.
//! The moments are snapml's running ones, replayed insertion by insertion ([`Moments`]):
//! population variance, skewness `m3 / m2^1.5` and kurtosis `m4 / m2^2` (not excess), with
//! snapml's resets of a variance negligible next to the squared mean.

use rayon::prelude::*;

use super::column_blocks;
use super::graph::Graph;
use super::moments::Moments;
use super::params::GfpParams;

/// Which edges `fit`'s pruning keeps: pruning takes a prefix of the input rows, so the
/// survivors are the rows from some row on, in the graph and in the running moments.
pub(crate) struct Survivors {
    /// Kept in the graph by `time_window` (and `max_no_edges`), by position.
    pub graph: Vec<bool>,
    /// The first input row kept in the graph.
    pub graph_from: u32,
    /// The first input row kept in the running moments (also within `vertex_stats_tw` of
    /// the newest edge).
    pub moments_from: u32,
}

/// Statistics of every vertex, per direction, one column per statistic (`vertices` values
/// each): column-major, so filling an output column reads one small array instead of
/// striding through every vertex's whole row.
pub(crate) struct VertexStats {
    /// Over outgoing edges.
    pub out: Vec<Vec<f64>>,
    /// Over incoming edges.
    pub inc: Vec<Vec<f64>>,
}

/// Computes the statistics the parameters ask for over columns `cols` (by input row).
pub(crate) fn compute(g: &Graph, p: &GfpParams, cols: &[&[f64]], keep: &Survivors) -> VertexStats {
    let side = |incoming: bool| -> Vec<Vec<f64>> {
        let mut columns: Vec<Vec<f64>> = (0..width(p)).map(|_| vec![0.0; g.vertices]).collect();
        let blocks = column_blocks(&mut columns, VERTICES_PER_BLOCK);
        blocks.into_par_iter().enumerate().for_each_init(
            Scratch::default,
            |sc, (k, mut pieces)| {
                let first = k * VERTICES_PER_BLOCK;
                let count = pieces.first().map_or(0, |piece| piece.len());
                for i in 0..count {
                    let v = (first + i) as u32;
                    sc.edges.clear();
                    if g.in_row_order {
                        let hops = if incoming {
                            g.in_hops(v)
                        } else {
                            g.out_hops(v)
                        };
                        sc.edges.extend(hops.iter().map(|h| (h.pos, h.other)));
                    } else {
                        let (list, other) = if incoming {
                            (g.inc(v), &g.src)
                        } else {
                            (g.out(v), &g.dst)
                        };
                        let row_of = |e: u32| g.rows[e as usize];
                        sc.edges
                            .extend(list.iter().map(|&e| (row_of(e), other[e as usize])));
                        sc.edges.sort_unstable_by_key(|&(row, _)| row);
                    }
                    sc.values.clear();
                    one_vertex(p, (cols, keep), sc);
                    for (piece, &value) in pieces.iter_mut().zip(&sc.values) {
                        piece[i] = value;
                    }
                }
            },
        );
        columns
    };
    let (out, inc) = rayon::join(|| side(false), || side(true));
    VertexStats { out, inc }
}

/// Vertices whose statistics one task computes.
const VERTICES_PER_BLOCK: usize = 4096;

/// One thread's scratch, reused from vertex to vertex.
#[derive(Default)]
struct Scratch {
    /// The vertex's edges as (input row, counterparty), in row order.
    edges: Vec<(u32, u32)>,
    ends: Vec<u32>,
    column: Vec<f64>,
    /// The vertex's statistics, in output order.
    values: Vec<f64>,
}

/// Number of values per vertex and direction.
pub(crate) fn width(p: &GfpParams) -> usize {
    let has = |s: u8| p.vertex_stats_feats.contains(&s);
    let structural = (0..3).filter(|&s| has(s)).count();
    structural + p.vertex_stats_cols.len() * (3..=10).filter(|&s| has(s)).count()
}

/// The statistics of one vertex over its edges `sc.edges` (in input row order), into
/// `sc.values`.
fn one_vertex(p: &GfpParams, (cols, keep): (&[&[f64]], &Survivors), sc: &mut Scratch) {
    let has = |s: u8| p.vertex_stats_feats.contains(&s);
    let kept = sc
        .edges
        .iter()
        .filter(|&&(row, _)| row >= keep.graph_from)
        .count();
    let degree = (sc.edges.len() + kept) as f64;
    sc.ends.clear();
    sc.ends.extend(sc.edges.iter().map(|&(_, other)| other));
    sc.ends.sort_unstable();
    sc.ends.dedup();
    let fan = sc.ends.len() as f64;
    let ratio = if fan > 0.0 { degree / fan } else { 0.0 };
    for (s, value) in [(0, fan), (1, degree), (2, ratio)] {
        if has(s) {
            sc.values.push(value);
        }
    }
    for col in cols {
        let values = column_stats(col, keep, &sc.edges, &mut sc.column);
        sc.values.extend(
            (3u8..=10)
                .filter(|&s| has(s))
                .map(|s| values[s as usize - 3]),
        );
    }
}

/// avg, sum, min, max, median, var, skew, kurtosis of one column over a vertex's edges
/// (`edges` as (input row, counterparty) in row order, which is insertion order: the
/// running moments replay snapml's insertions and removals in that order, see [`Moments`]).
/// `median_set` is scratch.
fn column_stats(
    col: &[f64],
    keep: &Survivors,
    edges: &[(u32, u32)],
    median_set: &mut Vec<f64>,
) -> [f64; 8] {
    if edges.is_empty() {
        return [0.0; 8];
    }
    median_set.clear();
    median_set.extend(edges.iter().map(|&(row, _)| col[row as usize]));
    let (min, max) = median_set
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    // fit inserts every edge, prunes the old ones, then transform inserts every edge again.
    let mut moments = Moments::default();
    median_set.iter().for_each(|&x| moments.add(x));
    for (&(row, _), &x) in edges.iter().zip(median_set.iter()) {
        if row < keep.moments_from {
            moments.remove(x);
        }
    }
    median_set.iter().for_each(|&x| moments.add(x));
    for (i, &(row, _)) in edges.iter().enumerate() {
        if row >= keep.graph_from {
            median_set.push(median_set[i]);
        }
    }
    let median = median(median_set);
    let m = moments.stats();
    [m.avg, m.sum, min, max, median, m.var, m.skew, m.kurtosis]
}

pub(crate) fn median(values: &mut [f64]) -> f64 {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}
