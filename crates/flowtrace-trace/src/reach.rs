//! Time-respecting reachability: which transfers money from the seeds can have ridden, and after
//! how many hops.
//!
//! Money can only leave an account after it arrived there (and, with a window, not later than
//! the window after it arrived). Transfers at the same second happen in input order, the order
//! of transfer ids, which keeps this and the amount bookkeeping of [`crate::attribute`] in
//! agreement. The search goes hop by hop, so each transfer gets the fewest hops of any
//! time-respecting path from a seed. Without a window each account's edges are scanned once in
//! all: an account reached again by a later arrival has nothing new to offer. Payments into a
//! cash desk are reached but not followed: the money left (or, backwards, entered) the banking
//! system there. Cash-format transfers between two accounts are followed like any other.

use std::ops::Range;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use crate::query::TraceQuery;
use crate::rates::Rates;
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
    /// Reached transfers in the order found (by hop).
    pub order: Vec<TransferId>,
    /// The ids the time range allows.
    pub range: Range<TransferId>,
}

impl Reach {
    /// Whether `e` was reached.
    #[inline]
    pub fn has(&self, e: TransferId) -> bool {
        self.hops[e as usize] != 0
    }
}

/// Searches from `query.seeds` on `side`, up to `query.max_hops` hops.
pub fn reach(tracer: &Tracer, query: &TraceQuery, side: Side) -> Reach {
    let g = tracer.graph();
    let t = g.transfers();
    let range = t.ids_between(
        query.since.unwrap_or(i64::MIN),
        query.until.unwrap_or(i64::MAX),
    );
    let mut search = Search {
        g,
        tracer,
        query,
        rates: tracer.rates(),
        side,
        hops: vec![0u8; t.len()],
        order: Vec::new(),
        range: range.clone(),
        // Per account, the boundary of the edges already scanned (no window only).
        scanned: vec![None; g.accounts().len()],
        first: vec![NONE; g.accounts().len()],
        seed: vec![false; g.accounts().len()],
    };
    let mut frontier = Vec::new();
    for &seed in &query.seeds {
        search.scanned[seed as usize] = Some(edge_bound(side, &search.range));
        search.seed[seed as usize] = true;
    }
    for &seed in &query.seeds {
        // Money moving between seeds stays with the seeds.
        let edges: Vec<TransferId> = in_range(side.leaving(g, seed), &search.range)
            .iter()
            .copied()
            .filter(|&e| !search.seed[side.to(g, e) as usize])
            .collect();
        search.visit_all(&edges, 1, &mut frontier);
    }
    for hop in 2..=query.max_hops.min(255) as u8 {
        if frontier.is_empty() {
            break;
        }
        let arrivals = std::mem::take(&mut frontier);
        match query.window {
            None => search.expand_unbounded(&arrivals, hop, &mut frontier),
            Some(window) => search.expand_windowed(arrivals, window, hop, &mut frontier),
        }
    }
    Reach {
        hops: search.hops,
        order: search.order,
        range,
    }
}

struct Search<'a> {
    g: &'a TemporalGraph,
    tracer: &'a Tracer<'a>,
    query: &'a TraceQuery,
    rates: &'a Rates,
    side: Side,
    hops: Vec<u8>,
    order: Vec<TransferId>,
    range: Range<TransferId>,
    scanned: Vec<Option<TransferId>>,
    /// Per account, its earliest arrival in the frontier being expanded (`NONE` otherwise).
    first: Vec<TransferId>,
    /// Per account: is it a seed (seeds' own transfers are all taken at hop 1).
    seed: Vec<bool>,
}

const NONE: TransferId = TransferId::MAX;

impl Search<'_> {
    /// Marks the unreached, big-enough transfers among `edges` as reached at `hop`; they form
    /// the next frontier (cash desks are skipped when it is expanded, once per account).
    fn visit_all(&mut self, edges: &[TransferId], hop: u8, next: &mut Vec<TransferId>) {
        let t = self.g.transfers();
        for &e in edges {
            if self.hops[e as usize] != 0 {
                continue;
            }
            let min = self.query.min_amount;
            if min > 0.0 && self.rates.to_base(t.amount_paid(e), t.currency_paid(e)) < min {
                continue;
            }
            self.hops[e as usize] = hop;
            self.order.push(e);
            next.push(e);
        }
    }

    /// No window: only the earliest arrival per account matters, and only edges not scanned
    /// before (they were reached at a lower hop already).
    fn expand_unbounded(&mut self, arrivals: &[TransferId], hop: u8, next: &mut Vec<TransferId>) {
        let mut touched = Vec::new();
        for &e in arrivals {
            let v = self.side.to(self.g, e) as usize;
            let first = &mut self.first[v];
            if *first == NONE {
                touched.push(v as AccountId);
                *first = e;
            } else if self.side.earlier(e, *first) {
                *first = e;
            }
        }
        for v in touched {
            let arrival = std::mem::replace(&mut self.first[v as usize], NONE);
            if self.tracer.is_desk(v) {
                continue;
            }
            let bound = self.scanned[v as usize];
            if bound.is_some_and(|b| !self.side.earlier(arrival, b)) {
                continue;
            }
            let edges = in_range(self.side.leaving(self.g, v), &self.range);
            let edges = self.side.after(edges, arrival, bound);
            self.scanned[v as usize] = Some(arrival);
            self.visit_all(edges, hop, next);
        }
    }

    /// With a window: each arrival opens the edges within the window after it.
    fn expand_windowed(
        &mut self,
        mut arrivals: Vec<TransferId>,
        window: i64,
        hop: u8,
        next: &mut Vec<TransferId>,
    ) {
        let side = self.side;
        let g = self.g;
        arrivals.sort_unstable_by_key(|&e| (side.to(g, e), side.rank(e)));
        let t = g.transfers();
        let mut i = 0;
        while i < arrivals.len() {
            let v = side.to(g, arrivals[i]);
            if self.seed[v as usize] || self.tracer.is_desk(v) {
                while i < arrivals.len() && side.to(g, arrivals[i]) == v {
                    i += 1;
                }
                continue;
            }
            let edges = in_range(side.leaving(g, v), &self.range);
            while i < arrivals.len() && side.to(g, arrivals[i]) == v {
                let arrival = arrivals[i];
                let ts = t.ts(arrival);
                let open = side.after(edges, arrival, None);
                let within = match side {
                    Side::Forward => {
                        open.partition_point(|&e| t.ts(e) <= ts.saturating_add(window))
                    }
                    Side::Backward => {
                        open.len() - open.partition_point(|&e| t.ts(e) < ts.saturating_sub(window))
                    }
                };
                let open = match side {
                    Side::Forward => &open[..within],
                    Side::Backward => &open[open.len() - within..],
                };
                self.visit_all(open, hop, next);
                i += 1;
            }
        }
    }
}

impl Side {
    /// Whether transfer `a` happens before `b` in this side's direction of time.
    #[inline]
    fn earlier(self, a: TransferId, b: TransferId) -> bool {
        match self {
            Side::Forward => a < b,
            Side::Backward => a > b,
        }
    }

    /// Sort key that orders transfers in this side's direction of time.
    #[inline]
    fn rank(self, e: TransferId) -> i64 {
        match self {
            Side::Forward => i64::from(e),
            Side::Backward => -i64::from(e),
        }
    }

    /// The part of ascending `edges` strictly after `arrival` (in this side's time) and
    /// strictly before `bound` when given.
    fn after(
        self,
        edges: &[TransferId],
        arrival: TransferId,
        bound: Option<TransferId>,
    ) -> &[TransferId] {
        match self {
            Side::Forward => {
                let start = edges.partition_point(|&e| e <= arrival);
                let end = bound.map_or(edges.len(), |b| edges.partition_point(|&e| e < b));
                &edges[start..end.max(start)]
            }
            Side::Backward => {
                let end = edges.partition_point(|&e| e < arrival);
                let start = bound.map_or(0, |b| edges.partition_point(|&e| e <= b));
                &edges[start.min(end)..end]
            }
        }
    }
}

/// The bound that marks every edge of an account as scanned.
fn edge_bound(side: Side, range: &Range<TransferId>) -> TransferId {
    match side {
        Side::Forward => range.start,
        Side::Backward => range.end.saturating_sub(1).max(range.start),
    }
}

/// The part of ascending `edges` inside `range`.
fn in_range<'e>(edges: &'e [TransferId], range: &Range<TransferId>) -> &'e [TransferId] {
    let start = edges.partition_point(|&e| e < range.start);
    let end = edges.partition_point(|&e| e < range.end).max(start);
    &edges[start..end]
}
