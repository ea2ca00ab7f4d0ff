//! Time-respecting reachability: which transfers money from the seeds can have ridden, and after
//! how many hops.
//!
//! Money can only leave an account after it arrived there (and, with a window, not later than
//! the window after it arrived). Transfers at the same second happen in input order, the order
//! of transfer ids, which keeps this and the amount bookkeeping of [`crate::attribute`] in
//! agreement. The search goes hop by hop, so each transfer gets the fewest hops of any
//! time-respecting path from a seed. Without a window ([`unbounded`]) only each account's
//! earliest arrival matters and its edges are scanned once in all; with one ([`windowed`]) each
//! arrival opens the edges within the window after it. Payments into a cash desk are reached but
//! not followed: the money left (or, backwards, entered) the banking system there. Cash-format
//! transfers between two accounts are followed like any other.

mod unbounded;
mod windowed;

pub(crate) use unbounded::SearchArrays;

use std::ops::Range;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use crate::query::TraceQuery;
use crate::Tracer;

/// Which way a search runs over the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// Along transfers, forward in time.
    Forward,
    /// Against transfers, backward in time.
    Backward,
}

impl Side {
    /// The account a transfer takes the money away from.
    #[inline]
    pub fn from(self, g: &TemporalGraph, e: TransferId) -> AccountId {
        match self {
            Side::Forward => g.transfers().src(e),
            Side::Backward => g.transfers().dst(e),
        }
    }

    /// The account a transfer brings the money to.
    #[inline]
    pub fn to(self, g: &TemporalGraph, e: TransferId) -> AccountId {
        match self {
            Side::Forward => g.transfers().dst(e),
            Side::Backward => g.transfers().src(e),
        }
    }

    /// Transfers that take money away from `v`, ascending ids.
    #[inline]
    fn leaving(self, g: &TemporalGraph, v: AccountId) -> &[TransferId] {
        match self {
            Side::Forward => g.outgoing(v),
            Side::Backward => g.incoming(v),
        }
    }
}

/// The transfers reached from the seeds, with their hop counts.
pub struct Reach {
    /// `hops[e]` is the hop count of transfer `e` (1 for a seed's own), 0 when not reached.
    pub hops: Vec<u8>,
    /// How many transfers were reached.
    pub count: usize,
    /// The ids the time range allows.
    pub range: Range<TransferId>,
}

impl Reach {
    /// Whether `e` was reached.
    #[inline]
    pub fn has(&self, e: TransferId) -> bool {
        self.hops[e as usize] != 0
    }

    /// The reached transfers, ascending ids.
    pub fn transfers(&self) -> impl Iterator<Item = TransferId> + '_ {
        self.ids().into_iter()
    }

    /// The reached transfers, ascending ids.
    pub fn ids(&self) -> Vec<TransferId> {
        let mut ids = Vec::with_capacity(self.count);
        self.ids_into(&mut ids);
        ids
    }

    /// Appends the reached transfers to `ids`, ascending. Eight hop bytes at a time become a
    /// mask of the reached ones, whose places come from a table and are written whether they
    /// count or not: a branch per byte would be mispredicted at every reached transfer. A large
    /// range is split in two halves found on two threads.
    pub fn ids_into(&self, ids: &mut Vec<TransferId>) {
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let first = ids.len();
        if end - start < PARALLEL_IDS_FROM || rayon::current_num_threads() < 2 {
            // Eight places of slack for the last word's unconditional writes.
            ids.resize(first + self.count + 8, 0);
            let len = collect(&self.hops, start..end, &mut ids[first..]);
            ids.truncate(first + len);
            return;
        }
        let mid = start + (end - start) / 2 / 8 * 8;
        let early = count_reached(&self.hops[start..mid]);
        // Each half has its own eight places of slack; the late half moves up after.
        ids.resize(first + self.count + 16, 0);
        let (a, b) = ids[first..].split_at_mut(early + 8);
        let (_, late) = rayon::join(
            || collect(&self.hops, start..mid, a),
            || collect(&self.hops, mid..end, b),
        );
        let from = first + early + 8;
        ids.copy_within(from..from + late, first + early);
        ids.truncate(first + early + late);
    }
}

/// The transfers a search reached in its side's time order, found a block of hop marks at a
/// time: for a walk that books them as they come, with a lookahead running on into the next
/// block, instead of listing them all first.
pub(crate) struct ReachedBlocks<'r> {
    reach: &'r Reach,
    side: Side,
    /// Ranges of transfer ids, in this side's time order.
    blocks: Box<dyn Iterator<Item = Range<usize>> + 'r>,
}

impl<'r> ReachedBlocks<'r> {
    /// The reached transfers of `reach` on `side`, `block` transfers' marks at a time.
    pub fn new(reach: &'r Reach, side: Side, block: usize) -> ReachedBlocks<'r> {
        let (start, end) = (reach.range.start as usize, reach.range.end as usize);
        let blocks = (start..end)
            .step_by(block)
            .map(move |b| b..(b + block).min(end));
        let blocks: Box<dyn Iterator<Item = Range<usize>> + 'r> = match side {
            Side::Forward => Box::new(blocks),
            Side::Backward => Box::new(blocks.rev()),
        };
        ReachedBlocks {
            reach,
            side,
            blocks,
        }
    }

    /// Appends the reached transfers of the next block that has any to `ids`, in this side's
    /// order (nothing when no block is left).
    pub fn append_next(&mut self, ids: &mut Vec<TransferId>) {
        let first = ids.len();
        for block in self.blocks.by_ref() {
            // Room for every id of the block and the last word's eight unconditional writes.
            ids.resize(first + block.len() + 8, 0);
            let len = collect(&self.reach.hops, block, &mut ids[first..]);
            ids.truncate(first + len);
            if len > 0 {
                if self.side == Side::Backward {
                    ids[first..].reverse();
                }
                return;
            }
        }
    }
}

/// From this many transfers in range, [`Reach::ids_into`] uses two threads.
const PARALLEL_IDS_FROM: usize = 1 << 20;

/// Writes the ids of the transfers reached in `range` (by their `hops`) to the start of `out`,
/// which has room for them and eight more; returns how many there are.
fn collect(hops: &[u8], range: Range<usize>, out: &mut [TransferId]) -> usize {
    let mut len = 0;
    let mut base = range.start as TransferId;
    let mut words = hops[range].chunks_exact(8);
    for word in words.by_ref() {
        let mask = nonzero_bytes(u64::from_le_bytes(word.try_into().expect("8 bytes")));
        let places = &PLACES[mask as usize];
        for (slot, &place) in out[len..len + 8].iter_mut().zip(places) {
            *slot = base + place as TransferId;
        }
        len += mask.count_ones() as usize;
        base += 8;
    }
    for (i, &h) in words.remainder().iter().enumerate() {
        if h != 0 {
            out[len] = base + i as TransferId;
            len += 1;
        }
    }
    len
}

/// How many of `hops` are not zero.
fn count_reached(hops: &[u8]) -> usize {
    let mut words = hops.chunks_exact(8);
    let whole: usize = words
        .by_ref()
        .map(|w| {
            nonzero_bytes(u64::from_le_bytes(w.try_into().expect("8 bytes"))).count_ones() as usize
        })
        .sum();
    whole + words.remainder().iter().filter(|&&h| h != 0).count()
}

/// Bit `i` set when byte `i` (little-endian) of `word` is not zero.
#[inline]
fn nonzero_bytes(word: u64) -> u8 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // The high bit of each byte: set when the byte has any bit set.
    let high = (((word & LOW7) + LOW7) | word) & !LOW7;
    // Gathers the eight high bits into the top byte.
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

/// For each 8-bit mask, the places of its set bits in ascending order (the rest unused).
static PLACES: [[u8; 8]; 256] = {
    let mut table = [[0u8; 8]; 256];
    let mut mask = 0;
    while mask < 256 {
        let (mut bit, mut k) = (0, 0);
        while bit < 8 {
            if mask & (1 << bit) != 0 {
                table[mask][k] = bit as u8;
                k += 1;
            }
            bit += 1;
        }
        mask += 1;
    }
    table
};

/// Searches from `query.seeds` on `side`, up to `query.max_hops` hops.
pub fn reach(tracer: &Tracer, query: &TraceQuery, side: Side) -> Reach {
    let t = tracer.graph().transfers();
    let range = t.ids_between(
        query.since.unwrap_or(i64::MIN),
        query.until.unwrap_or(i64::MAX),
    );
    match query.window {
        None => unbounded::reach(tracer, query, side, range),
        Some(window) => windowed::reach(tracer, query, side, range, window),
    }
}

/// The part of ascending `edges` inside `range`.
fn in_range<'e>(edges: &'e [TransferId], range: &Range<TransferId>) -> &'e [TransferId] {
    let start = edges.partition_point(|&e| e < range.start);
    let end = edges.partition_point(|&e| e < range.end).max(start);
    &edges[start..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reached ids as the plain loop finds them.
    fn plainly(reach: &Reach) -> Vec<TransferId> {
        reach
            .range
            .clone()
            .filter(|&e| reach.hops[e as usize] != 0)
            .collect()
    }

    #[test]
    fn ids_come_out_ascending_on_one_thread_or_two() {
        // Past PARALLEL_IDS_FROM, with ranges whose halves and ends are not whole words.
        let n = PARALLEL_IDS_FROM * 2 + 13;
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let hops: Vec<u8> = (0..n)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                if (state >> 60) < 3 {
                    (state >> 56) as u8 % 6 + 1
                } else {
                    0
                }
            })
            .collect();
        for range in [0..n as TransferId, 5..(n - 3) as TransferId, 7..1000, 0..0] {
            let count = hops[range.start as usize..range.end as usize]
                .iter()
                .filter(|&&h| h != 0)
                .count();
            let reach = Reach {
                hops: hops.clone(),
                count,
                range: range.clone(),
            };
            let mut ids = vec![42];
            reach.ids_into(&mut ids);
            assert_eq!(ids[0], 42);
            assert_eq!(ids[1..], plainly(&reach)[..], "range {range:?}");
            assert_eq!(
                count_reached(&hops[range.start as usize..range.end as usize]),
                count
            );
        }
    }
}
