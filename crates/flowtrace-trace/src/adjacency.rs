//! Each account's leaving transfers in one side's time order, with the account each leads to and
//! where, in that account's own list, the money it brings may leave again: built once per graph
//! and side, so that a search reads an account's edges in one sweep and never searches a list
//! for an arrival time (on a large graph, each such lookup is a cache miss).

use std::ops::Range;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use flowtrace_memory::filled_on_huge_pages;

use crate::reach::Side;

/// A transfer leaving an account, as the search sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    /// The transfer.
    pub id: TransferId,
    /// The account it brings the money to.
    pub to: AccountId,
    /// In `to`'s list, the index of its first edge after this transfer.
    pub next: u32,
}

/// Per account, the transfers that take money away from it on one side, in that side's time
/// order (ascending ids forwards, descending backwards).
pub(crate) struct Adjacency {
    side: Side,
    /// Account `v`'s edges are `edges[start[v]..start[v + 1]]`.
    start: Vec<u32>,
    edges: Vec<Edge>,
}

impl Adjacency {
    /// Builds the adjacency of `graph` on `side` in one pass over its transfers in that side's
    /// time order.
    pub fn build(graph: &TemporalGraph, side: Side) -> Adjacency {
        let (t, accounts) = (graph.transfers(), graph.accounts().len());
        let n = t.len();
        let mut start = vec![0u32; accounts + 1];
        for v in 0..accounts as AccountId {
            let degree = match side {
                Side::Forward => graph.out_degree(v),
                Side::Backward => graph.in_degree(v),
            };
            start[v as usize + 1] = start[v as usize] + degree as u32;
        }
        let mut seen = vec![0u32; accounts];
        let mut edges = filled_on_huge_pages(
            n,
            Edge {
                id: 0,
                to: 0,
                next: 0,
            },
        );
        for i in 0..n {
            let id = match side {
                Side::Forward => i,
                Side::Backward => n - 1 - i,
            } as TransferId;
            let (from, to) = (side.from(graph, id), side.to(graph, id));
            let at = seen[from as usize];
            seen[from as usize] += 1;
            // Counted after `from`'s own edge, so a self-transfer's money leaves after it.
            let next = seen[to as usize];
            edges[(start[from as usize] + at) as usize] = Edge { id, to, next };
        }
        Adjacency { side, start, edges }
    }

    /// All of `v`'s edges, in this side's time order.
    #[inline]
    pub fn edges(&self, v: AccountId) -> &[Edge] {
        &self.edges[self.start[v as usize] as usize..self.start[v as usize + 1] as usize]
    }

    /// The positions in `v`'s list of the edges whose ids are in `range`.
    pub fn positions(&self, v: AccountId, range: &Range<TransferId>) -> Range<u32> {
        let edges = self.edges(v);
        let (from, to) = match self.side {
            Side::Forward => (
                edges.partition_point(|x| x.id < range.start),
                edges.partition_point(|x| x.id < range.end),
            ),
            Side::Backward => (
                edges.partition_point(|x| x.id >= range.end),
                edges.partition_point(|x| x.id >= range.start),
            ),
        };
        from as u32..to.max(from) as u32
    }

    /// Hints the processor to load where `v`'s list starts.
    #[inline]
    pub fn prefetch_account(&self, v: AccountId) {
        flowtrace_memory::prefetch(&self.start, v as usize);
    }

    /// Hints the processor to load `v`'s edges from `position` on (their first two cache lines),
    /// once where its list starts is at hand.
    #[inline]
    pub fn prefetch_edges(&self, v: AccountId, position: u32) {
        let at = self.start[v as usize] as usize + position as usize;
        flowtrace_memory::prefetch(&self.edges, at);
        flowtrace_memory::prefetch(&self.edges, at + 5);
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.start.capacity() * 4 + self.edges.capacity() * std::mem::size_of::<Edge>()
    }
}
