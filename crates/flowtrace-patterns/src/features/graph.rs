//! The edge list as snapml sees it, re-laid out for windowed searches: edges sorted by
//! (timestamp, input row) and per-vertex outgoing and incoming lists in that order (CSR).
//!
//! Positions in the sorted order are the edge ids every search uses: an account's edges in a
//! time window are then a binary search and a slice, and "inserted before this edge" (the
//! tie-break snapml applies to length-constrained cycles) is simply a smaller position.

use std::collections::HashMap;

use foldhash::fast::FixedState;
use std::sync::OnceLock;

use rayon::prelude::*;

use super::hop_lists::{Hop, HopLists};

/// Sorted edges and both adjacencies.
pub(crate) struct Graph {
    /// Input row of each position.
    pub rows: Vec<u32>,
    /// Whether each position is its input row (the input was in time order): then every
    /// list in position order is also in input row order.
    pub in_row_order: bool,
    /// Dense source vertex of each position.
    pub src: Vec<u32>,
    /// Dense destination vertex of each position.
    pub dst: Vec<u32>,
    /// Timestamp of each position.
    pub ts: Vec<i64>,
    /// Number of distinct vertices.
    pub vertices: usize,
    /// Adjacency entries of each position when the searches run: 1, or 2 for an edge that
    /// `fit` inserted and kept before `transform` inserted it again (see the module docs).
    /// Set before the first search: the hop lists copy them.
    pub entries: Vec<u32>,
    /// Which positions search for patterns: empty for every one (a whole batch); in a
    /// stream, only the edges of the batch being transformed.
    pub searching: Vec<bool>,
    out_offsets: Vec<u32>,
    out_edges: Vec<u32>,
    in_offsets: Vec<u32>,
    in_edges: Vec<u32>,
    /// The adjacency as hop records, built by the first search that reads them.
    hop_lists: OnceLock<HopLists>,
}

impl Graph {
    /// Builds the graph from snapml's source, destination and timestamp columns. Vertex ids
    /// are any `f64` values (compared bit for bit after normalising `-0.0`); timestamps are
    /// truncated to integers, as snapml's windows count whole time units.
    pub fn new(src: &[f64], dst: &[f64], ts: &[f64]) -> Graph {
        let n = src.len();
        let times: Vec<i64> = ts.iter().map(|&t| t as i64).collect();
        let mut rows: Vec<u32> = (0..n as u32).collect();
        let in_row_order = times.par_windows(2).all(|w| w[0] <= w[1]);
        if !in_row_order {
            rows.par_sort_by_key(|&r| (times[r as usize], r));
        }
        // Vertex ids are the graph's only hashing: a fast fixed hash, not SipHash.
        let mut ids = HashMap::with_capacity_and_hasher(1024, FixedState::with_seed(0x0067_6670));
        let mut intern = |x: f64| {
            let key = if x == 0.0 { 0u64 } else { x.to_bits() };
            let next = ids.len() as u32;
            *ids.entry(key).or_insert(next)
        };
        let (mut s, mut d) = (Vec::with_capacity(n), Vec::with_capacity(n));
        for &r in &rows {
            s.push(intern(src[r as usize]));
            d.push(intern(dst[r as usize]));
        }
        let vertices = ids.len();
        let ts = rows.iter().map(|&r| times[r as usize]).collect();
        let ((out_offsets, out_edges), (in_offsets, in_edges)) =
            rayon::join(|| csr(&s, vertices), || csr(&d, vertices));
        Graph {
            rows,
            in_row_order,
            src: s,
            dst: d,
            ts,
            vertices,
            entries: vec![1; n],
            searching: Vec::new(),
            out_offsets,
            out_edges,
            in_offsets,
            in_edges,
            hop_lists: OnceLock::new(),
        }
    }

    /// The adjacency as hop records, built on first use (so after [`Graph::entries`] is set).
    fn hop_lists(&self) -> &HopLists {
        self.hop_lists.get_or_init(|| {
            let adjacency = (self.out_edges.as_slice(), self.in_edges.as_slice());
            let ends = (self.src.as_slice(), self.dst.as_slice());
            HopLists::build(adjacency, ends, &self.ts, &self.entries)
        })
    }

    /// Number of edges.
    pub fn len(&self) -> usize {
        self.src.len()
    }

    /// Positions of `v`'s outgoing edges, ascending (so in time order).
    #[inline]
    pub fn out(&self, v: u32) -> &[u32] {
        &self.out_edges[range(&self.out_offsets, v)]
    }

    /// Positions of `v`'s incoming edges, ascending.
    #[inline]
    pub fn inc(&self, v: u32) -> &[u32] {
        &self.in_edges[range(&self.in_offsets, v)]
    }

    /// `v`'s outgoing edges as hop records (payee, time, position), in the same order.
    #[inline]
    pub fn out_hops(&self, v: u32) -> &[Hop] {
        &self.hop_lists().out[range(&self.out_offsets, v)]
    }

    /// `v`'s incoming edges as hop records (payer, time, position), in the same order.
    #[inline]
    pub fn in_hops(&self, v: u32) -> &[Hop] {
        &self.hop_lists().inc[range(&self.in_offsets, v)]
    }

    /// The adjacency entries of `v`'s outgoing edges, in [`Graph::out_hops`] order.
    #[inline]
    pub fn out_entries(&self, v: u32) -> &[u32] {
        &self.hop_lists().out_entries[range(&self.out_offsets, v)]
    }

    /// The adjacency entries of `v`'s incoming edges, in [`Graph::in_hops`] order.
    #[inline]
    pub fn in_entries(&self, v: u32) -> &[u32] {
        &self.hop_lists().in_entries[range(&self.in_offsets, v)]
    }

    /// Whether the edge at `e` searches for patterns (see [`Graph::searching`]).
    #[inline]
    pub fn searches(&self, e: u32) -> bool {
        self.searching.is_empty() || self.searching[e as usize]
    }

    /// Whether the edge at `e` is a self-loop.
    #[inline]
    pub fn is_loop(&self, e: u32) -> bool {
        self.src[e as usize] == self.dst[e as usize]
    }
}

/// Where vertex `v`'s entries lie in an adjacency with `offsets`.
#[inline]
fn range(offsets: &[u32], v: u32) -> std::ops::Range<usize> {
    offsets[v as usize] as usize..offsets[v as usize + 1] as usize
}

/// Groups positions by `endpoint[position]`, ascending within each group.
fn csr(endpoint: &[u32], vertices: usize) -> (Vec<u32>, Vec<u32>) {
    let mut offsets = vec![0u32; vertices + 1];
    for &v in endpoint {
        offsets[v as usize + 1] += 1;
    }
    for v in 0..vertices {
        offsets[v + 1] += offsets[v];
    }
    let mut next = offsets.clone();
    let mut edges = vec![0u32; endpoint.len()];
    for (pos, &v) in endpoint.iter().enumerate() {
        edges[next[v as usize] as usize] = pos as u32;
        next[v as usize] += 1;
    }
    (offsets, edges)
}

/// Per-thread scratch: a mark per vertex that is cleared in O(1) by bumping an epoch.
#[derive(Default)]
pub(crate) struct Marks {
    epoch: u32,
    stamp: Vec<u32>,
    /// A value per vertex, meaningful only where the stamp is current.
    pub value: Vec<i64>,
}

impl Marks {
    /// Scratch for `vertices` vertices.
    pub fn new(vertices: usize) -> Marks {
        Marks {
            epoch: 0,
            stamp: vec![0; vertices],
            value: vec![0; vertices],
        }
    }

    /// Forgets every mark.
    pub fn clear(&mut self) {
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.stamp.fill(0);
            self.epoch = 1;
        }
    }

    /// Whether `v` is marked.
    #[inline]
    pub fn has(&self, v: u32) -> bool {
        self.stamp[v as usize] == self.epoch
    }

    /// Marks `v` with `value`.
    #[inline]
    pub fn set(&mut self, v: u32, value: i64) {
        self.stamp[v as usize] = self.epoch;
        self.value[v as usize] = value;
    }

    /// `v`'s value if marked.
    #[inline]
    pub fn get(&self, v: u32) -> Option<i64> {
        self.has(v).then(|| self.value[v as usize])
    }
}

impl Marks {
    /// Grows the scratch to `vertices` vertices (made small where it is seldom needed).
    pub fn ensure(&mut self, vertices: usize) {
        if self.stamp.len() < vertices {
            self.stamp.resize(vertices, 0);
            self.value.resize(vertices, 0);
        }
    }

    /// Unmarks one vertex.
    #[inline]
    pub fn clear_one(&mut self, v: u32) {
        self.stamp[v as usize] = self.epoch.wrapping_sub(1);
    }
}

/// Runs `f(scratch, i)` for every `i` in `0..n` in parallel, with one `init()` scratch per
/// contiguous chunk: rayon's `for_each_init` calls `init` once per split job, and a scratch
/// here holds arrays over every vertex, so clearing them per job cost more than the work.
pub(crate) fn par_for_each_with<S>(
    n: u32,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, u32) + Sync,
) {
    // A few chunks per thread balance uneven vertices without many scratch arrays.
    let chunks = (rayon::current_num_threads() as u32 * 32).clamp(1, n.max(1));
    let step = n.div_ceil(chunks).max(1);
    (0..chunks).into_par_iter().for_each(|c| {
        let mut scratch = init();
        for i in c.saturating_mul(step)..c.saturating_add(1).saturating_mul(step).min(n) {
            f(&mut scratch, i);
        }
    });
}
