//! Each vertex's payments and receipts as contiguous records of time, other vertex and position,
//! laid out like the graph's adjacency: the searches that walk many short lists (scatter-gather,
//! both cycle families) then read a list as one or two cache lines instead of a random read of
//! the edge columns per edge, and binary-search it by time in place.

use super::graph::Graph;

/// One edge in a vertex's list: when, with whom (the payee in a payments list, the payer in a
/// receipts list), and its position.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Hop {
    pub ts: i64,
    pub other: u32,
    pub pos: u32,
}

/// Every vertex's payments and receipts as [`Hop`]s, in the graph's adjacency order.
pub(crate) struct HopLists {
    out_offsets: Vec<u32>,
    out: Vec<Hop>,
    in_offsets: Vec<u32>,
    inc: Vec<Hop>,
}

impl HopLists {
    /// The lists of `g`.
    pub fn build(g: &Graph) -> HopLists {
        let (out, inc) = rayon::join(|| hops(g, true), || hops(g, false));
        let offsets = |outgoing: bool| -> Vec<u32> {
            let mut offsets = Vec::with_capacity(g.vertices + 1);
            offsets.push(0);
            let mut at = 0u32;
            for v in 0..g.vertices as u32 {
                at += if outgoing {
                    g.out(v).len()
                } else {
                    g.inc(v).len()
                } as u32;
                offsets.push(at);
            }
            offsets
        };
        HopLists {
            out_offsets: offsets(true),
            out,
            in_offsets: offsets(false),
            inc,
        }
    }

    /// `v`'s payments.
    #[inline]
    pub fn out(&self, v: u32) -> &[Hop] {
        let v = v as usize;
        &self.out[self.out_offsets[v] as usize..self.out_offsets[v + 1] as usize]
    }

    /// `v`'s receipts.
    #[inline]
    pub fn inc(&self, v: u32) -> &[Hop] {
        let v = v as usize;
        &self.inc[self.in_offsets[v] as usize..self.in_offsets[v + 1] as usize]
    }
}

/// Every vertex's payments (`outgoing`) or receipts, in adjacency order.
fn hops(g: &Graph, outgoing: bool) -> Vec<Hop> {
    let other = if outgoing { &g.dst } else { &g.src };
    (0..g.vertices as u32)
        .flat_map(|v| if outgoing { g.out(v) } else { g.inc(v) })
        .map(|&f| Hop {
            ts: g.ts[f as usize],
            other: other[f as usize],
            pos: f,
        })
        .collect()
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
