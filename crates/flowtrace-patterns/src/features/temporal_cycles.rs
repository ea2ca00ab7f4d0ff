//! Temporal cycles: simple cycles whose edges follow each other in strictly increasing time,
//! all within `tw` of the first, counted once by their last edge (2SCENT's definition).
//!
//! The search from edge `u -> v` at `t` looks for time-respecting simple paths `v -> ... -> u`
//! with times in `[t - tw, t)`. Parallel edges make many edge sequences of one vertex cycle;
//! snapml counts the vertex cycle once and credits every edge that takes part in at least one
//! valid sequence, and so does this search. A reverse pass first computes, for every vertex,
//! the latest time it can leave and still reach `u` before `t`; the forward depth-first
//! search then only steps where that bound leaves room, and keeps per vertex only the
//! earliest arrival, which is what decides whether a vertex sequence can be completed.
//!
//! Self-loops are ignored (they never start a search and are no hop). In `fit_transform` the
//! searching edge is credited once per vertex cycle and its partners once per adjacency
//! entry. All of this was checked against snapml 1.17.2 by fuzzing small graphs with
//! self-loops, parallel edges and ties (both `transform` and `fit_transform`), and holds on
//! every parity graph whose timestamps are all non-zero.
//!
//! Known gap: timestamp 0, which snapml treats like a sentinel somewhere in its search; here
//! it is an ordinary time. Probes (snapml 1.17.2, `transform` on a fresh preprocessor,
//! tw 10): the cycle `7->5 @2, 5->6 @3, 6->7 @4` is found, but adding `5->9 @0` (any edge
//! leaving an intermediate other than `u` at exactly t = 0, also far outside the window,
//! also a self-loop; -1 or 1 do not) makes snapml find nothing; `6->9 @0` (leaving `u`) and
//! `7->9 @0` (leaving `v`) change nothing, but a self-loop `7->7 @0` inside the window does.
//! That rule is not the whole story: in `0->5 @0, 7->4 @0, 7->5 @1, 5->0 @2, 0->0 @0,
//! 0->7 @0, 0->7 @1` (tw 12) snapml finds the 3-cycle through 7 although 7 has `7->4 @0`,
//! and dropping `0->7 @1`, an edge of neither cycle, makes it find no cycle at all; the
//! same seven edges in the order `7->4, 0->7 @0, 7->5, 5->0, 0->5, 0->0, 0->7 @1` give only
//! the 2-cycle. So row order matters too: snapml's internal order (adjacency or visit
//! order, blocked vertices) decides, which the probes did not pin down.

use std::collections::BinaryHeap;

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::hop_lists::{prefetch_list, since};
use super::params::PatternParams;

struct Scratch {
    latest: Marks,
    on_path: Marks,
    heap: BinaryHeap<(i64, u32)>,
    /// Vertices of the current path after `v`, and the earliest arrival at each.
    path: Vec<(u32, i64)>,
    next: Vec<(u32, i64)>,
}

/// Counts temporal cycles for every edge.
pub(crate) fn count(g: &Graph, family: &PatternParams) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    par_for_each_with(
        g.len() as u32,
        || Scratch {
            latest: Marks::new(g.vertices),
            on_path: Marks::new(g.vertices),
            heap: BinaryHeap::new(),
            path: Vec::new(),
            next: Vec::new(),
        },
        |sc, e| {
            if !g.is_loop(e) && g.searches(e) {
                search(g, family, e, sc, &hist);
            }
        },
    );
    hist
}

fn search(g: &Graph, family: &PatternParams, e: u32, sc: &mut Scratch, hist: &Histograms) {
    let (u, v, t) = (g.src[e as usize], g.dst[e as usize], g.ts[e as usize]);
    let from = t - family.tw;
    // A cycle leaves v at or after `from` and before `t`: without such an edge there is
    // nothing to find, and the reverse pass from u is skipped.
    let leaves = since(g.out_hops(v), from)
        .iter()
        .take_while(|h| h.ts < t)
        .any(|h| h.other != v);
    if !leaves {
        return;
    }
    latest_departures(g, u, from, t, sc);
    if !sc.latest.has(v) {
        return;
    }
    sc.on_path.clear();
    sc.on_path.set(v, 0);
    sc.path.clear();
    extend(g, family, e, v, from - 1, sc, hist);
}

/// For every vertex that can reach `u` before `t` on edges at or after `from`, the latest
/// time it can leave (`u` itself: `t`).
fn latest_departures(g: &Graph, u: u32, from: i64, t: i64, sc: &mut Scratch) {
    sc.latest.clear();
    sc.latest.set(u, t);
    sc.heap.clear();
    sc.heap.push((t, u));
    while let Some((bound, x)) = sc.heap.pop() {
        if sc.latest.get(x) != Some(bound) {
            continue;
        }
        let list = since(g.in_hops(x), from);
        let list = &list[..list.partition_point(|h| h.ts < bound)];
        for h in list {
            let (y, tf) = (h.other, h.ts);
            if y == x || y == u {
                continue;
            }
            if sc.latest.get(y).is_none_or(|old| tf > old) {
                sc.latest.set(y, tf);
                // Its receipts are read when it leaves the heap: request them now.
                prefetch_list(g.in_hops(y));
                sc.heap.push((tf, y));
            }
        }
    }
}

/// Depth-first over vertex sequences from `x`, reached at `arrived`.
#[allow(clippy::too_many_arguments)]
fn extend(
    g: &Graph,
    family: &PatternParams,
    e: u32,
    x: u32,
    arrived: i64,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let u = g.src[e as usize];
    let start = sc.next.len();
    for h in since(g.out_hops(x), arrived + 1) {
        let (y, tf) = (h.other, h.ts);
        let room = sc.latest.get(y).is_some_and(|bound| tf < bound);
        if y == x || !room || sc.on_path.has(y) || sc.next[start..].iter().any(|n| n.0 == y) {
            continue;
        }
        sc.next.push((y, tf));
    }
    let mut i = start;
    while i < sc.next.len() {
        let (y, tf) = sc.next[i];
        sc.path.push((y, tf));
        if y == u {
            credit(g, family, e, sc, hist);
        } else {
            sc.on_path.set(y, 0);
            extend(g, family, e, y, tf, sc, hist);
            sc.on_path.clear_one(y);
        }
        sc.path.pop();
        i += 1;
    }
    sc.next.truncate(start);
}

/// Credits the vertex cycle on the path: every edge of a hop that some valid sequence uses.
fn credit(g: &Graph, family: &PatternParams, e: u32, sc: &Scratch, hist: &Histograms) {
    let Some(bin) = family.bin(sc.path.len() + 1) else {
        return;
    };
    let (v, t) = (g.dst[e as usize], g.ts[e as usize]);
    hist.add(e, bin, 1);
    // Walk back from the last hop, keeping the latest time the next hop can leave.
    let mut leave_by = t;
    for i in (0..sc.path.len()).rev() {
        let (x, earliest_before) = match i {
            0 => (v, t - family.tw - 1),
            _ => sc.path[i - 1],
        };
        let y = sc.path[i].0;
        let mut latest_used = i64::MIN;
        for h in since(g.out_hops(x), earliest_before + 1) {
            if h.ts >= leave_by {
                break;
            }
            if h.other == y {
                hist.add(h.pos, bin, g.entries[h.pos as usize]);
                latest_used = h.ts;
            }
        }
        leave_by = latest_used;
    }
}
