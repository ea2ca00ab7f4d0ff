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
    /// count or not: a branch per byte would be mispredicted at every reached transfer.
    pub fn ids_into(&self, ids: &mut Vec<TransferId>) {
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let first = ids.len();
        // Eight places of slack for the last word's unconditional writes.
        ids.resize(first + self.count + 8, 0);
        let mut len = first;
        let hops = &self.hops[start..end];
        let mut words = hops.chunks_exact(8);
        let mut base = start as TransferId;
        for word in words.by_ref() {
            let mask = nonzero_bytes(u64::from_le_bytes(word.try_into().expect("8 bytes")));
            let places = &PLACES[mask as usize];
            let out = &mut ids[len..len + 8];
            for (slot, &place) in out.iter_mut().zip(places) {
                *slot = base + place as TransferId;
            }
            len += mask.count_ones() as usize;
            base += 8;
        }
        ids.truncate(len);
        for (i, &h) in words.remainder().iter().enumerate() {
            if h != 0 {
                ids.push(base + i as TransferId);
            }
        }
    }
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
