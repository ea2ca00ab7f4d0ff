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

    /// Appends the reached transfers to `ids`, ascending, skipping eight unreached ones at a
    /// time.
    pub fn ids_into(&self, ids: &mut Vec<TransferId>) {
        ids.reserve(self.count);
        let (start, end) = (self.range.start as usize, self.range.end as usize);
        let hops = &self.hops[start..end];
        let mut words = hops.chunks_exact(8);
        let mut base = start;
        for word in words.by_ref() {
            if u64::from_ne_bytes(word.try_into().expect("8 bytes")) != 0 {
                for (i, &h) in word.iter().enumerate() {
                    if h != 0 {
                        ids.push((base + i) as TransferId);
                    }
                }
            }
            base += 8;
        }
        for (i, &h) in words.remainder().iter().enumerate() {
            if h != 0 {
                ids.push((base + i) as TransferId);
            }
        }
    }
}

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
