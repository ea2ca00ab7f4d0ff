//! The searches of one side of an edge, driven by the intermediates: each distinct vertex `m`
//! of the walked list reads its own list once (`m`'s payments on the scatter side, where
//! the pairs' lists are the targets' receipts; `m`'s receipts on the gather side), and each
//! hop found there that reaches a pair's other vertex is that pair's looked-up hop through
//! `m`. Every pair's pattern comes out of one pass over the intermediates' lists, by the
//! rules in the [`super`] module docs, instead of one pass per pair over the pair's list with
//! the walked list scanned again for each ([`super::pairs`]).

use super::super::credits::Histograms;
use super::super::graph::{Graph, Marks};
use super::super::hop_lists::Hop;
use super::super::params::PatternParams;

/// Up to this many walked hops, their intermediates are told apart by comparing with each
/// (more are sorted).
const SHORT_WALK: usize = 32;

/// Up to this many pairs, a hop's pair is found by comparing it with each.
const FEW_PAIRS: usize = 16;

/// A distinct intermediate of the walked list.
#[derive(Clone, Copy)]
struct Intermediate {
    /// The vertex.
    m: u32,
    /// Whether the walked list reaches it later than the searching edge (which kills every
    /// pair it links, see the module docs of [`super`]).
    later: bool,
    /// Its walked hops in the window: `walked[first..end]` of [`Scratch::walked`] when that
    /// is grouped by intermediate ([`Scratch::grouped`]).
    first: u32,
    end: u32,
}

/// A pair being searched.
#[derive(Clone, Copy)]
struct Pair {
    killed: bool,
    /// Intermediates confirmed so far.
    size: u32,
    /// The last intermediate confirmed (they are visited one after the other).
    last: u32,
}

/// Scratch of one thread for these searches.
#[derive(Default)]
pub(super) struct Scratch {
    /// The walked hops, other than to the walked vertex: in time order for a short list,
    /// grouped by intermediate for a long one.
    walked: Vec<Hop>,
    grouped: bool,
    intermediates: Vec<Intermediate>,
    pairs: Vec<Pair>,
    /// Per pair: the intermediates confirmed and the looked-up hops in the window.
    confirmed: Vec<Vec<u32>>,
    linked: Vec<Vec<u32>>,
}

impl Scratch {
    /// Groups the walked list (from the window's start on) by intermediate; returns what
    /// reading every intermediate's own list costs, in hops.
    pub fn intermediates_of(
        &mut self,
        walked: &[Hop],
        walked_vertex: u32,
        t: i64,
        list_len: impl Fn(u32) -> usize,
    ) -> usize {
        self.walked.clear();
        self.walked
            .extend(walked.iter().filter(|h| h.other != walked_vertex));
        self.intermediates.clear();
        self.grouped = self.walked.len() > SHORT_WALK;
        if !self.grouped {
            // A short list: its distinct intermediates by comparing with each found so far.
            let mut cost = 0;
            for h in &self.walked {
                match self.intermediates.iter_mut().find(|i| i.m == h.other) {
                    Some(inter) => inter.later |= h.ts > t,
                    None => {
                        self.intermediates.push(Intermediate {
                            m: h.other,
                            later: h.ts > t,
                            first: 0,
                            end: 0,
                        });
                        cost += list_len(h.other);
                    }
                }
            }
            return cost;
        }
        self.walked.sort_unstable_by_key(|h| (h.other, h.ts));
        let mut cost = 0;
        let mut i = 0;
        while i < self.walked.len() {
            let m = self.walked[i].other;
            let mut end = i;
            let mut in_window = i;
            while end < self.walked.len() && self.walked[end].other == m {
                if self.walked[end].ts <= t {
                    in_window = end + 1;
                }
                end += 1;
            }
            self.intermediates.push(Intermediate {
                m,
                later: in_window < end,
                first: i as u32,
                end: in_window as u32,
            });
            cost += list_len(m);
            i = end;
        }
        cost
    }

    /// Finds and credits the patterns of the pairs `pair_vertices` (marked in `pair_marks`
    /// with their index), reading each intermediate's list `list_of(m)` once.
    #[allow(clippy::too_many_arguments)]
    pub fn search<'g>(
        &mut self,
        g: &Graph,
        family: &PatternParams,
        (pair_vertices, pair_marks): (&[u32], &Marks),
        (from, t): (i64, i64),
        list_of: impl Fn(u32) -> &'g [Hop],
        hist: &Histograms,
    ) {
        let n = pair_vertices.len();
        self.pairs.clear();
        self.pairs.resize(
            n,
            Pair {
                killed: false,
                size: 0,
                last: u32::MAX,
            },
        );
        for lists in [&mut self.confirmed, &mut self.linked] {
            if lists.len() < n {
                lists.resize_with(n, Vec::new);
            }
            lists[..n].iter_mut().for_each(Vec::clear);
        }
        // A few pairs are found by a bit per pair in a 256-bit filter, indexed by a hash of the
        // vertex (most hops reach no pair and stop there), then comparing with each; more
        // pairs through the marks, a read of a per-vertex array.
        let few = n <= FEW_PAIRS;
        let slot = |x: u32| (x.wrapping_mul(0x9E37_79B1) >> 24) as usize;
        let mut filter = [0u64; 4];
        for &p in pair_vertices {
            filter[slot(p) / 64] |= 1 << (slot(p) % 64);
        }
        let pair_of = |x: u32| -> Option<usize> {
            if few {
                if filter[slot(x) / 64] >> (slot(x) % 64) & 1 == 0 {
                    return None;
                }
                pair_vertices.iter().position(|&p| p == x)
            } else {
                pair_marks.get(x).map(|p| p as usize)
            }
        };
        for (k, inter) in self.intermediates.iter().enumerate() {
            for x in list_of(inter.m) {
                let Some(p) = pair_of(x.other) else {
                    continue;
                };
                let pair = &mut self.pairs[p];
                if pair.killed {
                    continue;
                }
                // A walked hop later than the searching edge kills a pair its intermediate
                // links at any time; a linking hop later than it kills the pair too.
                if inter.later || x.ts > t {
                    pair.killed = true;
                    continue;
                }
                if x.ts >= from {
                    if pair.last != k as u32 {
                        pair.last = k as u32;
                        pair.size += 1;
                        self.confirmed[p].push(k as u32);
                    }
                    self.linked[p].push(x.pos);
                }
            }
        }
        for (p, pair) in self.pairs.iter().enumerate() {
            if pair.killed {
                continue;
            }
            let Some(bin) = family.bin(pair.size as usize) else {
                continue;
            };
            for &k in &self.confirmed[p] {
                let inter = self.intermediates[k as usize];
                let in_window = |h: &&Hop| h.other == inter.m && h.ts <= t;
                let hops = if self.grouped {
                    &self.walked[inter.first as usize..inter.end as usize]
                } else {
                    &self.walked[..]
                };
                for h in hops.iter().filter(in_window) {
                    hist.add(h.pos, bin, g.entries[h.pos as usize]);
                }
            }
            for &f in &self.linked[p] {
                hist.add(f, bin, g.entries[f as usize]);
            }
        }
    }

    /// Hints the processor to load the start of every intermediate's list.
    pub fn prefetch_lists<'g>(&self, list_of: impl Fn(u32) -> &'g [Hop]) {
        for inter in &self.intermediates {
            super::super::hop_lists::prefetch_list(list_of(inter.m));
        }
    }
}
