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

use super::graph::Graph;
use super::moments::Moments;
use super::params::GfpParams;

/// Which edges `fit`'s pruning keeps, by position: in the graph, and in the running moments.
pub(crate) struct Survivors {
    /// Kept by `time_window` (and `max_no_edges`).
    pub graph: Vec<bool>,
    /// Also within `vertex_stats_tw` of the newest edge.
    pub moments: Vec<bool>,
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
    let width = width(p);
    let side = |incoming: bool| -> Vec<Vec<f64>> {
        let rows: Vec<f64> = (0..g.vertices as u32)
            .into_par_iter()
            .flat_map_iter(|v| {
                let (list, other) = if incoming {
                    (g.inc(v), &g.src)
                } else {
                    (g.out(v), &g.dst)
                };
                one_vertex(g, p, cols, keep, list, other)
            })
            .collect();
        (0..width)
            .into_par_iter()
            .map(|k| rows.iter().skip(k).step_by(width).copied().collect())
            .collect()
    };
    let (out, inc) = rayon::join(|| side(false), || side(true));
    VertexStats { out, inc }
}

/// Number of values per vertex and direction.
pub(crate) fn width(p: &GfpParams) -> usize {
    let has = |s: u8| p.vertex_stats_feats.contains(&s);
    let structural = (0..3).filter(|&s| has(s)).count();
    structural + p.vertex_stats_cols.len() * (3..=10).filter(|&s| has(s)).count()
}

fn one_vertex(
    g: &Graph,
    p: &GfpParams,
    cols: &[&[f64]],
    keep: &Survivors,
    list: &[u32],
    other: &[u32],
) -> Vec<f64> {
    let has = |s: u8| p.vertex_stats_feats.contains(&s);
    let mut by_row = list.to_vec();
    by_row.sort_unstable_by_key(|&e| g.rows[e as usize]);
    let list = &by_row[..];
    let kept = list.iter().filter(|&&e| keep.graph[e as usize]).count();
    let degree = (list.len() + kept) as f64;
    let mut ends: Vec<u32> = list.iter().map(|&e| other[e as usize]).collect();
    ends.sort_unstable();
    ends.dedup();
    let fan = ends.len() as f64;
    let ratio = if fan > 0.0 { degree / fan } else { 0.0 };
    let mut out = Vec::with_capacity(width(p));
    for (s, value) in [(0, fan), (1, degree), (2, ratio)] {
        if has(s) {
            out.push(value);
        }
    }
    for col in cols {
        let values = column_stats(g, col, keep, list);
        out.extend(
            (3u8..=10)
                .filter(|&s| has(s))
                .map(|s| values[s as usize - 3]),
        );
    }
    out
}

/// avg, sum, min, max, median, var, skew, kurtosis of one column over a vertex's edges
/// (`list` in insertion order, i.e. by input row: the running moments replay snapml's
/// insertions and removals in that order, see [`Moments`]).
fn column_stats(g: &Graph, col: &[f64], keep: &Survivors, list: &[u32]) -> [f64; 8] {
    if list.is_empty() {
        return [0.0; 8];
    }
    let value = |e: u32| col[g.rows[e as usize] as usize];
    let mut median_set: Vec<f64> = list.iter().map(|&e| value(e)).collect();
    let (min, max) = median_set
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
            (lo.min(x), hi.max(x))
        });
    // fit inserts every edge, prunes the old ones, then transform inserts every edge again.
    let mut moments = Moments::default();
    median_set.iter().for_each(|&x| moments.add(x));
    for (&e, &x) in list.iter().zip(&median_set) {
        if !keep.moments[e as usize] {
            moments.remove(x);
        }
    }
    median_set.iter().for_each(|&x| moments.add(x));
    median_set.extend(
        list.iter()
            .filter(|&&e| keep.graph[e as usize])
            .map(|&e| value(e)),
    );
    let median = median(&mut median_set);
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
