//! Length-constrained cycles: simple cycles of at most `lc-cycle_len` edges, in any time
//! order, all within `[t - tw, t]` of the edge that closes them.
//!
//! A cycle is counted once, by its last edge in (timestamp, input row) order: the search from
//! edge `u -> v` uses only edges inserted before it, which are the positions below its own.
//! As for temporal cycles, parallel edges do not multiply a cycle: each vertex cycle counts
//! once and every parallel edge of its hops (other than the closing hop, which is the edge
//! itself) is credited. A reverse breadth-first pass bounds how far each vertex is from `u`,
//! so the depth-first search never walks a path that cannot close within the length limit.
//!
//! This matches snapml 1.17.2 exactly when no edge shares the searching edge's timestamp
//! (fuzzed on small graphs with self-loops and parallel edges, `transform` and
//! `fit_transform`; parity test `every_family_matches_snapml_without_ties`).
//!
//! Known gap: edges tied with the searching edge. snapml's rule is not (timestamp, row)
//! order: within a batch a tied edge is seen by the search of an edge *earlier* in the
//! batch, a tied edge from an earlier batch (which in `fit_transform` is every edge's `fit`
//! copy) is seen only when its target had an earlier-timestamped edge by then, and tied
//! parallel edges sometimes count as one cycle and sometimes as one cycle each. Probes
//! (snapml 1.17.2, `transform`, one batch, rows in order, counts in row order; tw 10 for the
//! @10 probes, 6 for the @50 ones):
//! - `[0->2 @10, 0->2 @10, 2->0 @10]` gives 1, 1, 2 and `[2->0, 0->2, 0->2]` at @10 gives
//!   1, 1, 1: a search sees the tied edges after it, not those before.
//! - `partial_fit([0->2 @10])` then `transform([2->0 @10])` gives 0; with `2->7 @5` (even
//!   `2->7 @-5`) in the first batch it gives 1, in the second batch 0.
//! - `[0->1 @50, 1->0 @50, 1->0 @50]` gives 1, 1, 1 but `[0->1 @50, 1->0 @48, 1->0 @50,
//!   1->0 @50]` gives 3, 1, 1, 1; on a triangle's first hop it is the other way round:
//!   `[0->1, 1->2, 1->2, 2->0]` all @50 gives 2, 1, 1, 2, and 1, 1, 1, 1 with the first
//!   `1->2` at @48.
//! - `[0->1 @1000, 2->0 @1000, 1->2 @994, 0->1 @994]` gives 1, 1, 1, 1 when `1->2` comes
//!   before the second `0->1` in the rows and 1, 2, 2, 1 otherwise, whatever the order of
//!   the two edges at @1000 (so it is neither a stable nor a reversed sort of the batch).
//! - `partial_fit` of `1->2 @994, 2->3 @994, 3->0 @1000, 9->0 @994` in any order, then
//!   `transform([0->1 @1000])`, finds the 4-cycle iff `9->0` (any edge of `u` before `t`)
//!   came before `1->2` (the path's first edge) in the first batch, which hints at state
//!   that snapml's searches leave behind for later ones.
//!
//! No single rule fitted all of these.

use std::collections::VecDeque;

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::hop_lists::{between, prefetch_list, Hop};
use super::params::PatternParams;

struct Scratch {
    hops_to_u: Marks,
    on_path: Marks,
    queue: VecDeque<u32>,
    path: Vec<u32>,
    next: Vec<u32>,
}

/// Counts length-constrained cycles for every edge.
pub(crate) fn count(g: &Graph, family: &PatternParams, max_len: usize) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    par_for_each_with(
        g.vertices as u32,
        || Scratch {
            hops_to_u: Marks::new(g.vertices),
            on_path: Marks::new(g.vertices),
            queue: VecDeque::new(),
            path: Vec::new(),
            next: Vec::new(),
        },
        |sc, u| {
            for h in g.out_hops(u) {
                if h.other != u && max_len >= 2 && g.searches(h.pos) {
                    search(g, family, max_len, (u, h), sc, &hist);
                }
            }
        },
    );
    hist
}

fn search(
    g: &Graph,
    family: &PatternParams,
    max_len: usize,
    (u, h): (u32, &Hop),
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let (v, t, e) = (h.other, h.ts, h.pos);
    let from = t - family.tw;
    let max_hops = (max_len - 1) as i64;
    // A cycle leaves v on a window edge: without one (a third of the searches on a sparse
    // graph) there is nothing to find, and the reverse pass from u is skipped.
    let leaves = between(g.out_hops(v), from, e).iter().any(|h| h.other != v);
    if !leaves {
        return;
    }
    distances_to(g, u, from, e, max_hops, sc);
    if !sc.hops_to_u.has(v) {
        return;
    }
    sc.on_path.clear();
    sc.on_path.set(v, 0);
    sc.path.clear();
    sc.path.push(v);
    let w = Window { from, before: e };
    extend(g, family, &w, e, max_hops, sc, hist);
}

/// The edges a search may use: `ts >= from` and position below `before`.
struct Window {
    from: i64,
    before: u32,
}

/// Hop distance to `u` over the window's edges, up to `max_hops`.
fn distances_to(g: &Graph, u: u32, from: i64, before: u32, max_hops: i64, sc: &mut Scratch) {
    sc.hops_to_u.clear();
    sc.hops_to_u.set(u, 0);
    sc.queue.clear();
    sc.queue.push_back(u);
    while let Some(x) = sc.queue.pop_front() {
        let dist = sc.hops_to_u.value[x as usize];
        if dist >= max_hops {
            continue;
        }
        for h in between(g.in_hops(x), from, before) {
            let y = h.other;
            if !sc.hops_to_u.has(y) {
                sc.hops_to_u.set(y, dist + 1);
                if dist + 1 < max_hops {
                    // Its receipts are read when it leaves the queue: request them now.
                    prefetch_list(g.in_hops(y));
                }
                sc.queue.push_back(y);
            }
        }
    }
}

/// Depth-first over simple vertex paths from the path's last vertex.
fn extend(
    g: &Graph,
    family: &PatternParams,
    w: &Window,
    e: u32,
    max_hops: i64,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let u = g.src[e as usize];
    let x = *sc.path.last().expect("the path starts at v");
    let hops = sc.path.len() as i64;
    let start = sc.next.len();
    for h in between(g.out_hops(x), w.from, w.before) {
        let y = h.other;
        let fits = sc.hops_to_u.get(y).is_some_and(|d| hops + d <= max_hops);
        if y == x || !fits || sc.on_path.has(y) || sc.next[start..].contains(&y) {
            continue;
        }
        sc.next.push(y);
    }
    let mut i = start;
    while i < sc.next.len() {
        let y = sc.next[i];
        sc.path.push(y);
        if y == u {
            credit(g, family, w, e, sc, hist);
        } else {
            sc.on_path.set(y, 0);
            extend(g, family, w, e, max_hops, sc, hist);
            sc.on_path.clear_one(y);
        }
        sc.path.pop();
        i += 1;
    }
    sc.next.truncate(start);
}

/// Credits the cycle `path + (u -> v)`: the closing edge and every window edge of each hop.
fn credit(g: &Graph, family: &PatternParams, w: &Window, e: u32, sc: &Scratch, hist: &Histograms) {
    let Some(bin) = family.bin(sc.path.len()) else {
        return;
    };
    hist.add(e, bin, 1);
    for hop in sc.path.windows(2) {
        for h in between(g.out_hops(hop[0]), w.from, w.before) {
            if h.other == hop[1] {
                hist.add(h.pos, bin, g.entries[h.pos as usize]);
            }
        }
    }
}
