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
//!
//! The pass reads the vertex's hop list (time and counterparty side by side) and its entries
//! in the same order, and requests the counters of the list's edges before sliding the
//! window: what it cost before was waiting on those three, scattered over the edge arrays.

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::hop_lists::Hop;
use super::params::PatternParams;

/// Which side of the edge the pattern sits on.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    /// The destination's incoming edges.
    In,
    /// The source's outgoing edges.
    Out,
}

/// One thread's scratch.
struct Scratch {
    /// Edges per counterparty in the window (fan only).
    marks: Marks,
    /// Per list position and bin, the change in patterns crediting it.
    diff: Vec<i64>,
    /// Per bin, the patterns crediting the current list position.
    run: Vec<i64>,
}

/// How many of a list's counters are requested before its window slides; the rest are
/// requested this far ahead while crediting.
const PREFETCH: usize = 32;

/// Counts fan (`distinct = true`) or degree patterns on one side.
pub(crate) fn count(g: &Graph, family: &PatternParams, side: Side, distinct: bool) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    par_for_each_with(
        g.vertices as u32,
        || Scratch {
            marks: Marks::new(if distinct { g.vertices } else { 0 }),
            diff: Vec::new(),
            run: Vec::new(),
        },
        |scratch, v| {
            let lists = match side {
                Side::In => (g.in_hops(v), g.in_entries(v)),
                Side::Out => (g.out_hops(v), g.out_entries(v)),
            };
            one_vertex(g, family, (lists, v), distinct, scratch, &hist);
        },
    );
    hist
}

/// Slides the window over one vertex's list and credits every window's edges.
fn one_vertex(
    g: &Graph,
    family: &PatternParams,
    ((hops, entries), v): ((&[Hop], &[u32]), u32),
    distinct: bool,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let m = hops.len();
    if m == 0 {
        return;
    }
    for h in &hops[..m.min(PREFETCH)] {
        hist.prefetch(h.pos);
    }
    let bins = hist.bins();
    sc.diff.clear();
    sc.diff.resize((m + 1) * bins, 0);
    sc.marks.clear();
    let (mut lo, mut hi, mut edges, mut counterparties) = (0usize, 0usize, 0i64, 0i64);
    for j in 0..m {
        let t = hops[j].ts;
        while hi < m && hops[hi].ts <= t {
            if hops[hi].other != v {
                edges += i64::from(entries[hi]);
                if distinct {
                    counterparties += bump(&mut sc.marks, hops[hi].other, 1);
                }
            }
            hi += 1;
        }
        while hops[lo].ts <= t - family.tw {
            if hops[lo].other != v {
                edges -= i64::from(entries[lo]);
                if distinct {
                    counterparties -= bump(&mut sc.marks, hops[lo].other, -1);
                }
            }
            lo += 1;
        }
        let size = if distinct { counterparties } else { edges } as usize;
        if let (true, true, Some(b)) = (size >= 2, g.searches(hops[j].pos), family.bin(size)) {
            sc.diff[lo * bins + b] += 1;
            sc.diff[hi * bins + b] -= 1;
        }
    }
    sc.run.clear();
    sc.run.resize(bins, 0);
    for (i, h) in hops.iter().enumerate() {
        if let Some(ahead) = hops.get(i + PREFETCH) {
            hist.prefetch(ahead.pos);
        }
        for (b, r) in sc.run.iter_mut().enumerate() {
            *r += sc.diff[i * bins + b];
            if *r > 0 && h.other != v {
                hist.add_exclusive(h.pos, b, *r as u32 * entries[i]);
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
