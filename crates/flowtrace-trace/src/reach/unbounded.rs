//! The search without a window: only each account's earliest arrival matters, so its edges are
//! scanned once in all. An account reached again by an earlier arrival at a later hop scans only
//! the edges between the two arrivals (the later ones were reached at a lower hop already).
//!
//! Arrivals are kept as positions in the receiving account's list of the tracer's adjacency
//! (its first edge after the arrival), so an earlier arrival is a smaller position and no list
//! is ever searched. Each hop first gathers the edges to scan, then walks them with the cache
//! lines of the next ones already requested, and gathers the next hop's arrivals in a second
//! array, so that one hop's search never sees the next hop's arrivals. A hop with many accounts
//! to expand is split between the threads of rayon's pool; each part gathers its arrivals in an
//! array of its own, merged after the hop: a shared one needs an atomic minimum per edge, and
//! each such locked instruction waits for every store before it (the hop marks, most of them
//! cache misses); a third of the search's profile samples sat on it. The last hop's arrivals
//! are not gathered at all, as nothing expands them (about a sixth of the search's time).

use std::ops::Range;
use std::sync::atomic::Ordering::Relaxed;
use std::sync::atomic::{AtomicU32, AtomicU8};

use rayon::prelude::*;

use flowtrace_graph::{AccountId, TransferId};

use super::{Reach, Side};
use crate::adjacency::{Adjacency, Edge};
use crate::query::TraceQuery;
use crate::Tracer;
use flowtrace_memory::{filled_on_huge_pages, prefetch, vec_with_huge_pages};

/// No arrival (and, for `scanned`, nothing scanned yet).
pub(crate) const NONE: u32 = u32::MAX;
/// How many edges (or accounts) ahead the walk asks for cache lines.
const AHEAD: usize = 16;

/// The search's per-account arrays. Clean, the arrivals are `NONE` everywhere and `scanned` is
/// `NONE` except at cash desks, whose edges the search never takes (0: all scanned).
pub(crate) struct SearchArrays {
    scanned: Vec<u32>,
    arriving: Vec<u32>,
    arriving_next: Vec<u32>,
    /// The next hop's arrivals found by the second, third... part of a split hop (one for each
    /// thread of rayon's pool but one).
    arriving_more: Vec<Vec<u32>>,
    /// What each thread finds in a hop, empty between hops but keeping its buffers (the edges
    /// a hop opens run to millions: grown afresh, they cost page faults every trace).
    found: Vec<Found>,
}

impl SearchArrays {
    /// Clean arrays for a graph whose cash desks are marked in `desks`.
    pub fn new(desks: &[bool]) -> SearchArrays {
        let mut scanned = vec_with_huge_pages(desks.len());
        scanned.extend(desks.iter().map(|&d| if d { 0 } else { NONE }));
        SearchArrays {
            scanned,
            arriving: filled_on_huge_pages(desks.len(), NONE),
            arriving_next: filled_on_huge_pages(desks.len(), NONE),
            arriving_more: (1..rayon::current_num_threads())
                .map(|_| filled_on_huge_pages(desks.len(), NONE))
                .collect(),
            found: Vec::new(),
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
    let mut touched = Vec::new();
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
                let slot = &mut a.arriving[x.to as usize];
                if *slot == NONE {
                    touched.push(x.to);
                }
                *slot = (*slot).min(x.next);
            }
        }
    }
    let search = Hop {
        adjacency,
        range: &range,
        whole,
        big_enough: &big_enough,
        max_hops: query.max_hops.min(255) as u8,
    };
    let threads = rayon::current_num_threads().max(1);
    let accounts = a.arriving.len();
    a.arriving_more
        .resize_with(threads - 1, || filled_on_huge_pages(accounts, NONE));
    a.found.resize_with(threads, Found::default);
    for hop in 2..=query.max_hops.min(255) as u8 {
        if touched.is_empty() {
            break;
        }
        let arrays = Shared {
            hops: as_atomic_u8(&mut hops),
            scanned: as_atomic_u32(&mut a.scanned),
            arriving: as_atomic_u32(&mut a.arriving),
        };
        if threads == 1 || touched.len() < PARALLEL_FROM {
            let alone = &mut a.found[0];
            search.expand(&touched, hop, &arrays, &mut a.arriving_next, alone);
            touched.clear();
            alone.hand_over(&mut touched, &mut changed, &mut count);
        } else {
            let part = touched.len().div_ceil(threads);
            let mut next: Vec<&mut [u32]> = std::iter::once(&mut a.arriving_next)
                .chain(a.arriving_more.iter_mut())
                .map(|v| v.as_mut_slice())
                .collect();
            touched
                .par_chunks(part)
                .zip(next.par_iter_mut())
                .zip(a.found.par_iter_mut())
                .for_each(|((accounts, next), found)| {
                    search.expand(accounts, hop, &arrays, next, found);
                });
            touched.clear();
            for (k, f) in a.found.iter_mut().enumerate() {
                if k > 0 {
                    merge(
                        &mut f.touched,
                        &mut a.arriving_more[k - 1],
                        &mut a.arriving_next,
                        &mut touched,
                    );
                }
                f.hand_over(&mut touched, &mut changed, &mut count);
            }
        }
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

/// Moves the arrivals of accounts `found` from a further part's `more` (leaving it clean) into
/// `next` where they are earlier, adding the accounts `next` did not have yet to `touched`.
fn merge(
    found: &mut Vec<AccountId>,
    more: &mut [u32],
    next: &mut [u32],
    touched: &mut Vec<AccountId>,
) {
    for (k, &v) in found.iter().enumerate() {
        if let Some(&ahead) = found.get(k + AHEAD) {
            prefetch(more, ahead as usize);
            prefetch(next, ahead as usize);
        }
        let arrival = std::mem::replace(&mut more[v as usize], NONE);
        let slot = &mut next[v as usize];
        if arrival < *slot {
            if *slot == NONE {
                touched.push(v);
            }
            *slot = arrival;
        }
    }
    found.clear();
}

/// Below this many accounts to expand, a hop is searched on one thread: handing work to another
/// costs more than it saves.
const PARALLEL_FROM: usize = 4096;

/// What one hop's search needs besides the arrays.
struct Hop<'a, F> {
    adjacency: &'a Adjacency,
    range: &'a Range<TransferId>,
    whole: bool,
    big_enough: &'a F,
    /// The hop limit: the last hop's arrivals are never expanded, so it does not gather them.
    max_hops: u8,
}

/// The search's arrays as one hop's threads share them. Each account is expanded by one thread
/// and each transfer leaves one account, so every entry has one writer.
struct Shared<'a> {
    hops: &'a [AtomicU8],
    scanned: &'a [AtomicU32],
    arriving: &'a [AtomicU32],
}

/// What one thread found in one hop.
#[derive(Default)]
struct Found {
    /// Accounts first reached in this hop's arrivals (the next hop expands them).
    touched: Vec<AccountId>,
    /// Accounts whose `scanned` changed for the first time.
    changed: Vec<AccountId>,
    count: usize,
    /// The edges to walk, gathered before walking them.
    open: Vec<Edge>,
}

impl Found {
    /// Adds what was found to the search's totals and empties itself (keeping its buffers).
    fn hand_over(
        &mut self,
        touched: &mut Vec<AccountId>,
        changed: &mut Vec<AccountId>,
        count: &mut usize,
    ) {
        touched.append(&mut self.touched);
        changed.append(&mut self.changed);
        *count += std::mem::take(&mut self.count);
    }
}

impl<F: Fn(TransferId) -> bool + Sync> Hop<'_, F> {
    /// Expands `accounts` at hop `hop`: gathers the edges their new arrivals open, then walks
    /// them with the cache lines of the next ones already requested, keeping the earliest
    /// arrival of each account they lead to in `next`.
    fn expand(
        &self,
        accounts: &[AccountId],
        hop: u8,
        a: &Shared,
        next: &mut [u32],
        found: &mut Found,
    ) {
        let last = hop == self.max_hops;
        for (k, &v) in accounts.iter().enumerate() {
            if let Some(&ahead) = accounts.get(k + AHEAD) {
                prefetch(a.arriving, ahead as usize);
                prefetch(a.scanned, ahead as usize);
                self.adjacency.prefetch_account(ahead);
            }
            // Halfway there, the lines asked for above are in: where the account's edges
            // start and from which one it scans.
            if let Some(&near) = accounts.get(k + AHEAD / 2) {
                let first = a.arriving[near as usize].load(Relaxed);
                if first != NONE {
                    self.adjacency.prefetch_edges(near, first);
                }
            }
            let first = a.arriving[v as usize].load(Relaxed);
            a.arriving[v as usize].store(NONE, Relaxed);
            let bound = a.scanned[v as usize].load(Relaxed);
            if first >= bound {
                continue;
            }
            if bound == NONE {
                found.changed.push(v);
            }
            a.scanned[v as usize].store(first, Relaxed);
            let edges = self.adjacency.edges(v);
            let (mut from, mut to) = (first as usize, (bound as usize).min(edges.len()));
            if !self.whole {
                let within = self.adjacency.positions(v, self.range);
                from = from.max(within.start as usize);
                to = to.min(within.end as usize);
            }
            found
                .open
                .extend_from_slice(edges.get(from..to).unwrap_or_default());
        }
        for (i, x) in found.open.iter().enumerate() {
            if let Some(ahead) = found.open.get(i + AHEAD) {
                prefetch(a.hops, ahead.id as usize);
                if !last {
                    prefetch(next, ahead.to as usize);
                }
            }
            if (self.big_enough)(x.id) {
                a.hops[x.id as usize].store(hop, Relaxed);
                found.count += 1;
                if last {
                    continue;
                }
                let slot = &mut next[x.to as usize];
                if x.next < *slot {
                    if *slot == NONE {
                        found.touched.push(x.to);
                    }
                    *slot = x.next;
                }
            }
        }
        found.open.clear();
    }
}

/// `values` as atomics, for sharing between a hop's threads.
fn as_atomic_u32(values: &mut [u32]) -> &[AtomicU32] {
    // SAFETY: AtomicU32 has the size and alignment of u32, and the exclusive borrow rules out
    // any other access to `values` while the atomic view lives.
    unsafe { &*(values as *mut [u32] as *const [AtomicU32]) }
}

/// `values` as atomics, for sharing between a hop's threads.
fn as_atomic_u8(values: &mut [u8]) -> &[AtomicU8] {
    // SAFETY: AtomicU8 has the size and alignment of u8, and the exclusive borrow rules out any
    // other access to `values` while the atomic view lives.
    unsafe { &*(values as *mut [u8] as *const [AtomicU8]) }
}
