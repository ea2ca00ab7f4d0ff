//! The search with a window: money that arrived at `t` may leave only until `t + window`, so
//! every arrival opens its own stretch of the account's edges and an edge may be reached again
//! from a later arrival (it keeps its fewest hops).

use std::ops::Range;

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use super::{in_range, Reach, Side};
use crate::query::TraceQuery;
use crate::rates::Rates;
use crate::Tracer;

/// Searches from `query.seeds` with `window` seconds of rest allowed per account.
pub(super) fn reach(
    tracer: &Tracer,
    query: &TraceQuery,
    side: Side,
    range: Range<TransferId>,
    window: i64,
) -> Reach {
    let g = tracer.graph();
    let mut search = Search {
        g,
        tracer,
        query,
        rates: tracer.rates(),
        side,
        hops: tracer.take_hops(),
        count: 0,
        range,
        seed: vec![false; g.accounts().len()],
    };
    for &seed in &query.seeds {
        search.seed[seed as usize] = true;
    }
    let mut frontier = Vec::new();
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
        search.expand(arrivals, window, hop, &mut frontier);
    }
    Reach {
        hops: search.hops,
        count: search.count,
        range: search.range,
    }
}

struct Search<'a> {
    g: &'a TemporalGraph,
    tracer: &'a Tracer<'a>,
    query: &'a TraceQuery,
    rates: &'a Rates,
    side: Side,
    hops: Vec<u8>,
    count: usize,
    range: Range<TransferId>,
    /// Per account: is it a seed (seeds' own transfers are all taken at hop 1).
    seed: Vec<bool>,
}

impl Search<'_> {
    /// Marks the unreached, big-enough transfers among `edges` as reached at `hop`; they form
    /// the next frontier.
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
            self.count += 1;
            next.push(e);
        }
    }

    /// Each arrival opens the edges within the window after it.
    fn expand(
        &mut self,
        mut arrivals: Vec<TransferId>,
        window: i64,
        hop: u8,
        next: &mut Vec<TransferId>,
    ) {
        let side = self.side;
        let g = self.g;
        arrivals.sort_unstable_by_key(|&e| (side.to(g, e), rank(side, e)));
        let t = g.transfers();
        let mut i = 0;
        while i < arrivals.len() {
            let v: AccountId = side.to(g, arrivals[i]);
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
                let open = after(side, edges, arrival);
                let open = match side {
                    Side::Forward => {
                        let within =
                            open.partition_point(|&e| t.ts(e) <= ts.saturating_add(window));
                        &open[..within]
                    }
                    Side::Backward => {
                        let from = open.partition_point(|&e| t.ts(e) < ts.saturating_sub(window));
                        &open[from..]
                    }
                };
                self.visit_all(open, hop, next);
                i += 1;
            }
        }
    }
}

/// Sort key that orders transfers in this side's direction of time.
fn rank(side: Side, e: TransferId) -> i64 {
    match side {
        Side::Forward => i64::from(e),
        Side::Backward => -i64::from(e),
    }
}

/// The part of ascending `edges` strictly after `arrival` in this side's time.
fn after(side: Side, edges: &[TransferId], arrival: TransferId) -> &[TransferId] {
    match side {
        Side::Forward => &edges[edges.partition_point(|&e| e <= arrival)..],
        Side::Backward => &edges[..edges.partition_point(|&e| e < arrival)],
    }
}
