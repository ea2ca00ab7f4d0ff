//! Fan and degree patterns: for each edge, the edges its source paid (fan-out, degree-out) or
//! its destination received (fan-in, degree-in) in the window `(t - tw, t]`.
//!
//! Each edge is a search, self-loops included: with `k` edges of the vertex in its window
//! other than self-loops (degree) or `k` distinct counterparties among them (fan), a pattern
//! of size `k >= 2` is found and credited to every such edge of the window, ties in time
//! included (a self-loop finds its vertex's pattern but is never part of one). Degree sizes
//! and every credit count adjacency entries ([`Graph::entries`]). Windows of one
//! vertex's edges slide monotonically, so a vertex costs one pass with two pointers and a
//! difference array per bin instead of `k` credits per edge.

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::params::PatternParams;

/// Which side of the edge the pattern sits on.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    /// The destination's incoming edges.
    In,
    /// The source's outgoing edges.
    Out,
}

/// Counts fan (`distinct = true`) or degree patterns on one side.
pub(crate) fn count(g: &Graph, family: &PatternParams, side: Side, distinct: bool) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    par_for_each_with(
        g.vertices as u32,
        || (Marks::new(g.vertices), Vec::new(), Vec::new()),
        |(marks, ends, diff), v| {
            let (list, other_end): (&[u32], &[u32]) = match side {
                Side::In => (g.inc(v), &g.src),
                Side::Out => (g.out(v), &g.dst),
            };
            ends.clear();
            ends.extend(list.iter().map(|&e| other_end[e as usize]));
            one_vertex(g, family, (list, ends, v), distinct, marks, diff, &hist);
        },
    );
    hist
}

/// Slides the window over one vertex's list and credits every window's edges.
fn one_vertex(
    g: &Graph,
    family: &PatternParams,
    (list, ends, v): (&[u32], &[u32], u32),
    distinct: bool,
    marks: &mut Marks,
    diff: &mut Vec<i64>,
    hist: &Histograms,
) {
    let m = list.len();
    if m == 0 {
        return;
    }
    let bins = hist.bins();
    diff.clear();
    diff.resize((m + 1) * bins, 0);
    marks.clear();
    let ts = |i: usize| g.ts[list[i] as usize];
    let (mut lo, mut hi, mut edges, mut counterparties) = (0usize, 0usize, 0i64, 0i64);
    for j in 0..m {
        let t = ts(j);
        while hi < m && ts(hi) <= t {
            if ends[hi] != v {
                edges += i64::from(g.entries[list[hi] as usize]);
                counterparties += bump(marks, ends[hi], 1);
            }
            hi += 1;
        }
        while ts(lo) <= t - family.tw {
            if ends[lo] != v {
                edges -= i64::from(g.entries[list[lo] as usize]);
                counterparties -= bump(marks, ends[lo], -1);
            }
            lo += 1;
        }
        let size = if distinct { counterparties } else { edges };
        let size = size as usize;
        if let (true, true, Some(b)) = (size >= 2, g.searches(list[j]), family.bin(size)) {
            diff[lo * bins + b] += 1;
            diff[hi * bins + b] -= 1;
        }
    }
    let mut run = vec![0i64; bins];
    for i in 0..m {
        for (b, r) in run.iter_mut().enumerate() {
            *r += diff[i * bins + b];
            if *r > 0 && ends[i] != v {
                hist.add_exclusive(list[i], b, *r as u32 * g.entries[list[i] as usize]);
            }
        }
    }
}

/// Adds `by` to a counterparty's count; returns 1 when it appears or disappears.
fn bump(marks: &mut Marks, v: u32, by: i64) -> i64 {
    let now = marks.get(v).unwrap_or(0) + by;
    marks.set(v, now);
    i64::from((by > 0 && now == 1) || (by < 0 && now == 0))
}
