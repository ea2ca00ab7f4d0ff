//! Each vertex's payments and receipts as contiguous records of time, other vertex and position,
//! laid out like the graph's adjacency: the searches that walk many short lists (scatter-gather,
//! both cycle families) then read a list as one or two cache lines instead of a random read of
//! the edge columns per edge, and binary-search it by time in place.

#[cfg(doc)]
use super::graph::Graph;

/// One edge in a vertex's list: when, with whom (the payee in a payments list, the payer in a
/// receipts list), and its position.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hop {
    pub ts: i64,
    pub other: u32,
    pub pos: u32,
}

/// Every vertex's payments and receipts as [`Hop`]s, laid out like the graph's adjacency
/// (the graph's offsets index them: [`Graph::out_hops`], [`Graph::in_hops`]), and beside
/// them each hop's adjacency entries ([`Graph::entries`]) in the same order, for the
/// searches that weigh every edge of a list by them (fan and degree).
pub(crate) struct HopLists {
    pub out: Vec<Hop>,
    pub inc: Vec<Hop>,
    pub out_entries: Vec<u32>,
    pub in_entries: Vec<u32>,
}

impl HopLists {
    /// The hops of the adjacencies `out_edges` (positions grouped by payer) and `in_edges`
    /// (grouped by payee) of the edges `src -> dst` at `ts` with `entries`.
    pub fn build(
        (out_edges, in_edges): (&[u32], &[u32]),
        (src, dst): (&[u32], &[u32]),
        ts: &[i64],
        entries: &[u32],
    ) -> HopLists {
        let hops = |positions: &[u32], other: &[u32]| -> Vec<Hop> {
            positions
                .iter()
                .map(|&f| Hop {
                    ts: ts[f as usize],
                    other: other[f as usize],
                    pos: f,
                })
                .collect()
        };
        let weights = |positions: &[u32]| -> Vec<u32> {
            positions.iter().map(|&f| entries[f as usize]).collect()
        };
        let ((out, inc), (out_entries, in_entries)) = rayon::join(
            || rayon::join(|| hops(out_edges, dst), || hops(in_edges, src)),
            || rayon::join(|| weights(out_edges), || weights(in_edges)),
        );
        HopLists {
            out,
            inc,
            out_entries,
            in_entries,
        }
    }
}

/// The part of a hop list from `from` on.
#[inline]
pub(crate) fn since(list: &[Hop], from: i64) -> &[Hop] {
    &list[list.partition_point(|h| h.ts < from)..]
}

/// The part of a hop list with `ts >= from` and position below `before`.
#[inline]
pub(crate) fn between(list: &[Hop], from: i64, before: u32) -> &[Hop] {
    let list = since(list, from);
    &list[..list.partition_point(|h| h.pos < before)]
}

/// Hints the processor to load the start of a hop list (four hops a cache line).
#[inline]
pub(crate) fn prefetch_list(list: &[Hop]) {
    flowtrace_memory::prefetch(list, 0);
    flowtrace_memory::prefetch(list, 4);
}
