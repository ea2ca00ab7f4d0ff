//! Scatter-gather: a source `s` pays several intermediates `m` that all pay one destination
//! `d` (`s != d`), in any time order. The size is the number of intermediates.
//!
//! Each edge `u -> v` at `t` is a search, as a scatter edge (`s = u`, every `d` that `v` paid
//! from `t - tw` on, `d` neither `u` nor `v`) and as a gather edge (`d = v`, every `s` that
//! paid `u` from `t - tw` on, `s` neither `u` nor `v`). The rules below were observed on
//! snapml 1.17.2 and matched by fuzzing small graphs (with self-loops, ties and windows
//! shorter than the time span) against it.
//!
//! **Walked and looked-up hops.** A search walks the hop list on its own side (a scatter
//! edge walks `s`'s payments `s -> m`, a gather edge walks `d`'s receipts `m -> d`) from
//! `t - tw` on, and looks each `m` up in the other hop list, which it reads whole. `m` is an
//! intermediate when both hops have an edge in `[t - tw, t]`; the pattern is every such edge
//! and counts (size >= 2) only if nothing later than `t` belongs to it, so it is counted by its
//! latest edge (by each of them when several share that time). What "belongs" is depends on
//! the side: a looked-up hop later than `t` kills the pattern when its `m` was walked (in
//! the window); a walked hop later than `t` kills it when its `m` has a looked-up edge at
//! any time, even long before the window. Minimal probe (tw 10): `5->6 @1, 5->0 @1,
//! 0->2 @1, 6->2 @11` is found by `6->2` (gather side: walks `2`'s receipts); adding
//! `5->3 @-100, 3->2 @12` kills it (`3->2` walked and later, `5 -> 3` ever), while
//! `5->3 @12, 3->2 @-5` does not (`3->2` is before the window, so `3` is never walked).
//! With the latest edge a scatter edge (`5->6 @11`, the rest @1) it is the other way round.
//!
//! **Self-loops** are edges like any other and search too; a self-loop can be a hop
//! (`s -> s -> d` makes `s` an intermediate, `s -> d -> d` makes `d` one) except that the
//! walk skips the walked vertex's own loops: a scatter search never has `m = s`, a gather
//! search never `m = d`. Minimal probe (tw 10): `2->0 @4, 2->1 @4, 1->1 @3, 0->1 @5` is no
//! pattern: its latest edge `0->1` walks `1`'s receipts, where `1 -> 1` is skipped, leaving
//! one intermediate; with `2->0` at @5 it is found once, by `2->0` walking `2`'s payments.
//!
//! **Order and layout.** The scatter sides are searched vertex by vertex over each vertex's
//! payments, the gather sides over each vertex's receipts: consecutive searches then share
//! their walked list, and the lists of its intermediates come from cache. A side's pairs
//! are searched together from their intermediates ([`intermediates`]: each intermediate's
//! list read once for every pair) unless an intermediate is a hub whose list is far longer
//! than the pairs' lists; then pair by pair ([`pairs`]), every pair's looked-up list
//! requested before the first is searched. Lists are contiguous records of time, other
//! vertex and position ([`Graph::out_hops`]).

mod intermediates;
mod pairs;

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::hop_lists::{prefetch_list, since};
use super::params::PatternParams;
use pairs::Side;

/// Scratch of one thread.
struct Scratch {
    /// The current side's pairs, marked with their index in `pending`.
    pairs: Marks,
    strategy: Strategy,
    /// The pairs' other vertices.
    pending: Vec<u32>,
    by_pair: pairs::Scratch,
    by_intermediate: intermediates::Scratch,
}

/// Counts scatter-gather patterns for every edge.
pub(crate) fn count(g: &Graph, family: &PatternParams) -> Histograms {
    count_with(g, family, Strategy::Auto)
}

/// How the pairs of one side of an edge are searched (the tests force each way).
#[derive(Clone, Copy, PartialEq)]
// Only the tests choose anything but `Auto`: the other ways are their cross-checks.
#[cfg_attr(not(test), allow(dead_code))]
enum Strategy {
    /// By their intermediates, unless the intermediates' lists are much longer than the
    /// pairs' (an intermediate that is a hub); then pair by pair, scanning short lists.
    Auto,
    /// Pair by pair, scanning when the two lists' lengths multiply to at most `small`.
    Pairs { small: usize },
    /// Always by intermediates.
    Intermediates,
}

/// [`count`] with a chosen strategy. The scatter sides are searched vertex by vertex over
/// each vertex's payments and the gather sides over each vertex's receipts, so that the
/// searches one after the other share the walked list and its intermediates' lists, which
/// then come from cache.
fn count_with(g: &Graph, family: &PatternParams, strategy: Strategy) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    let scratch = || Scratch {
        pairs: Marks::new(g.vertices),
        strategy,
        pending: Vec::new(),
        by_pair: pairs::Scratch::default(),
        by_intermediate: intermediates::Scratch::default(),
    };
    par_for_each_with(g.vertices as u32, scratch, |sc, u| {
        for h in g.out_hops(u) {
            if g.searches(h.pos) {
                one_side(g, family, (u, h.other, h.ts), Kind::Scatter, sc, &hist);
            }
        }
    });
    par_for_each_with(g.vertices as u32, scratch, |sc, v| {
        for h in g.in_hops(v) {
            if g.searches(h.pos) {
                one_side(g, family, (h.other, v, h.ts), Kind::Gather, sc, &hist);
            }
        }
    });
    hist
}

/// Which side of the searching edge `u -> v` its pairs are on.
#[derive(Clone, Copy)]
enum Kind {
    /// Pairs `(u, d)`, `d` every vertex `v` paid from the window's start on.
    Scatter,
    /// Pairs `(s, v)`, `s` every vertex that paid `u` from the window's start on.
    Gather,
}

/// The pairs of one side of the edge `u -> v` at `t`, all of them searched by their
/// intermediates ([`intermediates`]) or each on its own ([`pairs`]).
fn one_side(
    g: &Graph,
    family: &PatternParams,
    (u, v, t): (u32, u32, i64),
    kind: Kind,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    let from = t - family.tw;
    let (candidates, walked, walked_vertex) = match kind {
        Kind::Scatter => (g.out_hops(v), g.out_hops(u), u),
        Kind::Gather => (g.in_hops(u), g.in_hops(v), v),
    };
    let looked_up = |p: u32| match kind {
        Kind::Scatter => g.in_hops(p),
        Kind::Gather => g.out_hops(p),
    };
    let intermediate_list = |m: u32| match kind {
        Kind::Scatter => g.out_hops(m),
        Kind::Gather => g.in_hops(m),
    };
    sc.pairs.clear();
    sc.pending.clear();
    for h in since(candidates, from) {
        let p = h.other;
        if p != u && p != v && !sc.pairs.has(p) {
            sc.pairs.set(p, sc.pending.len() as i64);
            sc.pending.push(p);
        }
    }
    if sc.pending.is_empty() {
        return;
    }
    let walked = since(walked, from);
    let by_intermediate_cost = sc
        .by_intermediate
        .intermediates_of(walked, walked_vertex, t, |m| intermediate_list(m).len());
    // Reading an intermediate's list is cheaper per hop than a pair's (no walk of the walked
    // list per pair) and usually comes from cache; only hubs make it the longer read.
    let by_intermediates = match sc.strategy {
        Strategy::Auto => {
            // The pairs' list lengths are read only when the intermediates' are long: each
            // is a read somewhere in memory, the intermediates' mostly in cache.
            by_intermediate_cost <= 256
                || by_intermediate_cost
                    <= 4 * sc
                        .pending
                        .iter()
                        .map(|&p| looked_up(p).len())
                        .sum::<usize>()
        }
        Strategy::Pairs { .. } => false,
        Strategy::Intermediates => true,
    };
    if by_intermediates {
        sc.by_intermediate.prefetch_lists(intermediate_list);
        sc.by_intermediate.search(
            g,
            family,
            (&sc.pending, &sc.pairs),
            (from, t),
            intermediate_list,
            hist,
        );
        return;
    }
    // Each pair looks up a list of its own, somewhere in memory: all of them are requested
    // before the first is searched.
    for &p in &sc.pending {
        prefetch_list(looked_up(p));
    }
    let small = match sc.strategy {
        Strategy::Pairs { small } => small,
        _ => pairs::SMALL,
    };
    for &p in &sc.pending {
        let side = match kind {
            Kind::Scatter => Side::Scatter { s: u, d: p },
            Kind::Gather => Side::Gather { s: p, d: v },
        };
        pairs::pattern(g, family, side, (from, t), small, &mut sc.by_pair, hist);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scanning short lists, marking vertices and searching by intermediates (with the
    /// fallback to pairs at hubs) give the same counts, on a graph with hubs (long lists),
    /// self-loops, parallel edges and tied times.
    #[test]
    fn every_strategy_counts_the_same() {
        let mut state = 7u64;
        let mut next = |n: u64| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) % n
        };
        let (mut src, mut dst, mut ts) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..6_000 {
            // A fifth of the edges touch one of three hubs.
            let hub = |x: u64| if x < 3 { x as f64 } else { 0.0 };
            let pick = |r: u64, h: u64| {
                if r.is_multiple_of(5) {
                    hub(h % 3)
                } else {
                    (3 + r % 400) as f64
                }
            };
            let (a, b, c) = (next(1 << 20), next(1 << 20), next(3));
            src.push(pick(a, c));
            dst.push(pick(b, c + 1));
            ts.push(next(200) as f64);
        }
        let g = Graph::new(&src, &dst, &ts);
        let family = PatternParams {
            enabled: true,
            tw: 30,
            bins: vec![2, 3, 4, 5, 10, 20],
        };
        let (marks, scans, auto, intermediates) = (
            count_with(&g, &family, Strategy::Pairs { small: 0 }),
            count_with(&g, &family, Strategy::Pairs { small: usize::MAX }),
            count_with(&g, &family, Strategy::Auto),
            count_with(&g, &family, Strategy::Intermediates),
        );
        let mut patterns = 0;
        for e in 0..g.len() as u32 {
            for bin in 0..family.bins.len() {
                assert_eq!(marks.get(e, bin), scans.get(e, bin), "edge {e} bin {bin}");
                assert_eq!(marks.get(e, bin), auto.get(e, bin), "edge {e} bin {bin}");
                let by_intermediates = intermediates.get(e, bin);
                assert_eq!(marks.get(e, bin), by_intermediates, "edge {e} bin {bin}");
                patterns += marks.get(e, bin);
            }
        }
        assert!(patterns > 1000, "only {patterns} pattern credits");
    }
}
