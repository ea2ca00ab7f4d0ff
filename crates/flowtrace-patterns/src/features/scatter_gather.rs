//! Scatter-gather: a source `s` pays several intermediates `m` that all pay one destination
//! `d` (`s != d`), in any time order. The size is the number of intermediates.
//!
//! Each edge is a search, as a scatter edge (`s -> m`, any `d` that `m` paid) and as a gather
//! edge (`m -> d`, any `s` that paid `m`). For a pair `(s, d)` searched from an edge at `t`,
//! every path `s -> m -> d` whose two edges have timestamps `>= t - tw` belongs to the
//! pattern, however late; the pattern counts only if none of its edges is later than `t`, so
//! it is counted by its latest edge (by each of them when several share that time) and a
//! later path through a new intermediate supersedes it. Self-loops may serve as a hop
//! (`s -> s -> d`) but do not start a search.
//!
//! Known gap: snapml's exact rule when self-loops and ties meet is not reproduced yet (see
//! the parity test's notes); graphs without self-loops are the tested ground.

use super::credits::Histograms;
use super::graph::{par_for_each_with, Graph, Marks};
use super::params::PatternParams;

/// Scratch of one thread: intermediates reached from `s`, intermediates confirmed, edges.
struct Scratch {
    from_s: Marks,
    confirmed: Marks,
    pairs: Marks,
    edges: Vec<u32>,
}

/// Counts scatter-gather patterns for every edge.
pub(crate) fn count(g: &Graph, family: &PatternParams) -> Histograms {
    let hist = Histograms::new(g.len(), family);
    par_for_each_with(
        g.len() as u32,
        || Scratch {
            from_s: Marks::new(g.vertices),
            confirmed: Marks::new(g.vertices),
            pairs: Marks::new(g.vertices),
            edges: Vec::new(),
        },
        |scratch, e| {
            if !g.is_loop(e) {
                search(g, family, e, scratch, &hist);
            }
        },
    );
    hist
}

/// Every pair `(s, d)` the edge at `e` can be part of.
fn search(g: &Graph, family: &PatternParams, e: u32, sc: &mut Scratch, hist: &Histograms) {
    let (u, v, t) = (g.src[e as usize], g.dst[e as usize], g.ts[e as usize]);
    let from = t - family.tw;
    sc.pairs.clear();
    for &f in g.since(g.out(v), from) {
        let d = g.dst[f as usize];
        if d != u && d != v && !sc.pairs.has(d) {
            sc.pairs.set(d, 0);
            pattern(g, family, u, d, from, t, sc, hist);
        }
    }
    sc.pairs.clear();
    for &f in g.since(g.inc(u), from) {
        let s = g.src[f as usize];
        if s != v && s != u && !sc.pairs.has(s) {
            sc.pairs.set(s, 0);
            pattern(g, family, s, v, from, t, sc, hist);
        }
    }
}

/// The pattern of `(s, d)` from `from` on, credited if it has at least two intermediates and
/// nothing later than `t`.
#[allow(clippy::too_many_arguments)]
fn pattern(
    g: &Graph,
    family: &PatternParams,
    s: u32,
    d: u32,
    from: i64,
    t: i64,
    sc: &mut Scratch,
    hist: &Histograms,
) {
    sc.from_s.clear();
    sc.confirmed.clear();
    sc.edges.clear();
    let scatter = g.since(g.out(s), from);
    for &f in scatter {
        sc.from_s.set(g.dst[f as usize], 0);
    }
    let mut size = 0;
    for &f in g.since(g.inc(d), from) {
        let m = g.src[f as usize];
        if !sc.from_s.has(m) {
            continue;
        }
        if g.ts[f as usize] > t {
            return;
        }
        if !sc.confirmed.has(m) {
            sc.confirmed.set(m, 0);
            size += 1;
        }
        sc.edges.push(f);
    }
    let Some(bin) = family.bin(size).filter(|_| size >= 2) else {
        return;
    };
    for &f in scatter {
        if sc.confirmed.has(g.dst[f as usize]) {
            if g.ts[f as usize] > t {
                return;
            }
            sc.edges.push(f);
        }
    }
    for &f in &sc.edges {
        hist.add(f, bin, g.entries[f as usize]);
    }
}
