//! The search without a window: only each account's earliest arrival matters, so its edges are
//! scanned once in all. An account reached again by an earlier arrival at a later hop scans only
//! the edges between the two arrivals (the later ones were reached at a lower hop already).
//!
//! Arrivals are kept as positions in the receiving account's list of the tracer's adjacency
//! (its first edge after the arrival), so an earlier arrival is a smaller position and no list
//! is ever searched. Each hop first gathers the edges to scan, then walks them with the cache
//! lines of the next ones already requested, and gathers the next hop's arrivals in a second
//! array, so that one hop's search never sees the next hop's arrivals.

use std::ops::Range;

use flowtrace_graph::{AccountId, TransferId};

use super::{Reach, Side};
use crate::adjacency::Edge;
use crate::query::TraceQuery;
use crate::Tracer;
use flowtrace_graph::memory::prefetch;

/// No arrival (and, for `scanned`, nothing scanned yet).
pub(crate) const NONE: u32 = u32::MAX;
/// How many edges (or accounts) ahead the walk asks for cache lines.
const AHEAD: usize = 16;

/// The search's per-account arrays. Clean, `arriving` is `NONE` everywhere and `scanned` is
/// `NONE` except at cash desks, whose edges the search never takes (0: all scanned).
pub(crate) struct SearchArrays {
    scanned: Vec<u32>,
    arriving: Vec<u32>,
    arriving_next: Vec<u32>,
}

impl SearchArrays {
    /// Clean arrays for a graph whose cash desks are marked in `desks`.
    pub fn new(desks: &[bool]) -> SearchArrays {
        let scanned = desks.iter().map(|&d| if d { 0 } else { NONE }).collect();
        SearchArrays {
            scanned,
            arriving: vec![NONE; desks.len()],
            arriving_next: vec![NONE; desks.len()],
        }
    }
}

/// Searches from `query.seeds` with no limit on how long money rests.
pub(super) fn reach(
    tracer: &Tracer,
    query: &TraceQuery,
    side: Side,
    range: Range<TransferId>,
) -> Reach {
    let g = tracer.graph();
    let t = g.transfers();
    let adjacency = tracer.adjacency(side);
    let whole = range == (0..t.len() as TransferId);
    let rates = tracer.rates();
    let min = query.min_amount;
    let big_enough =
        |e: TransferId| min <= 0.0 || rates.to_base(t.amount_paid(e), t.currency_paid(e)) >= min;
    let mut hops = tracer.take_hops();
    let mut count = 0;
    let mut a = tracer.take_search_arrays();
    // Accounts whose `scanned` changed, to clean up after.
    let mut changed: Vec<AccountId> = Vec::new();
    let (mut touched, mut touched_next) = (Vec::new(), Vec::new());
    let arrive = |x: &Edge, arriving: &mut [u32], touched: &mut Vec<AccountId>| {
        let slot = &mut arriving[x.to as usize];
        if *slot == NONE {
            touched.push(x.to);
        }
        *slot = (*slot).min(x.next);
    };
    for &s in &query.seeds {
        a.scanned[s as usize] = 0;
        changed.push(s);
    }
    for &s in &query.seeds {
        let within = adjacency.positions(s, &range);
        for x in &adjacency.edges(s)[within.start as usize..within.end as usize] {
            // Money moving between seeds stays with the seeds.
            if hops[x.id as usize] == 0 && !query.seeds.contains(&x.to) && big_enough(x.id) {
                hops[x.id as usize] = 1;
                count += 1;
                arrive(x, &mut a.arriving, &mut touched);
            }
        }
    }
    let mut open: Vec<Edge> = Vec::new();
    for hop in 2..=query.max_hops.min(255) as u8 {
        if touched.is_empty() {
            break;
        }
        for (k, &v) in touched.iter().enumerate() {
            if let Some(&ahead) = touched.get(k + AHEAD) {
                prefetch(&a.arriving, ahead as usize);
                prefetch(&a.scanned, ahead as usize);
                adjacency.prefetch_account(ahead);
            }
            let first = std::mem::replace(&mut a.arriving[v as usize], NONE);
            let bound = a.scanned[v as usize];
            if first >= bound {
                continue;
            }
            if bound == NONE {
                changed.push(v);
            }
            a.scanned[v as usize] = first;
            let edges = adjacency.edges(v);
            let (mut from, mut to) = (first as usize, (bound as usize).min(edges.len()));
            if !whole {
                let within = adjacency.positions(v, &range);
                from = from.max(within.start as usize);
                to = to.min(within.end as usize);
            }
            open.extend_from_slice(edges.get(from..to).unwrap_or_default());
        }
        for (i, x) in open.iter().enumerate() {
            if let Some(ahead) = open.get(i + AHEAD) {
                prefetch(&hops, ahead.id as usize);
                prefetch(&a.arriving_next, ahead.to as usize);
            }
            if big_enough(x.id) {
                hops[x.id as usize] = hop;
                count += 1;
                arrive(x, &mut a.arriving_next, &mut touched_next);
            }
        }
        open.clear();
        touched.clear();
        std::mem::swap(&mut touched, &mut touched_next);
        std::mem::swap(&mut a.arriving, &mut a.arriving_next);
    }
    // Give the arrays back clean: arrivals the hop limit left unexpanded, and the scan marks.
    for v in touched {
        a.arriving[v as usize] = NONE;
    }
    for v in changed {
        a.scanned[v as usize] = if tracer.is_desk(v) { 0 } else { NONE };
    }
    tracer.give_search_arrays(a);
    Reach { hops, count, range }
}
