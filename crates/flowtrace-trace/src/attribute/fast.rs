//! Attribution from the reached transfers alone (haircut or poison, no window, whole range).
//!
//! The reached transfers are walked in this side's time order. A seed pays out in full. Under
//! poison an account pays out in full once traced money reached it; under haircut it pays the
//! share the tracer's precomputed shares give from its `N`. What an account received and did not
//! pass on by a reached transfer either stays there (haircut: `N * P(end)`) or left by transfers
//! beyond the hop limit or below the minimum amount (`not_followed`), which are not listed.
//! Each transfer is read as its [`Move`] (one record, built once per graph and side); per-account
//! state lives in one dense array indexed by account (reused from trace to trace). The walk
//! requests the moves of the transfers some way ahead, and the states of the accounts of nearer
//! ones, before it needs them: its time goes into waiting for those reads.

use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use flowtrace_graph::{AccountId, TransferId};
use flowtrace_memory::{prefetch, vec_with_huge_pages, Capacity};
use rayon::prelude::*;

use crate::flow::{Ends, Flow, TracedAccount, TracedTransfer};
use crate::moves::{side_amounts, Move, Moves, Share};
use crate::query::{Policy, TraceQuery};
use crate::reach::{Reach, ReachedBlocks, Side};
use crate::Tracer;

/// How many transfers ahead the walk asks for the accounts' cache lines (and the settling for
/// the next accounts').
const AHEAD: usize = 20;
/// How many transfers ahead the walk asks for the moves' cache lines: far enough that a move is
/// there when its accounts are requested.
const MOVES_AHEAD: usize = 48;
/// How many transfers' hop marks the walk takes at a time (a block of them).
const BLOCK: usize = 1 << 15;
/// How many result entries the other core maps at a time.
const PART: usize = 1 << 14;
/// How many parts ahead of the walk the result's pages are mapped.
const MAPPED_AHEAD: usize = 4;
const NOT_TAINTED: TransferId = TransferId::MAX;

/// What an account is to the walk.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Kind {
    /// Not reached (yet).
    #[default]
    Free,
    /// Reached: it keeps books.
    Book,
    Seed,
    /// A cash desk: money paid in leaves the system, so it keeps no books.
    Desk,
}

/// One account's books during the walk, 32 bytes on a 32-byte boundary so that each account's
/// state is one cache line's half and the walk's prefetch brings all of it. Clean, every field
/// is its default except `kind` (`Desk` at cash desks) and `mark` (`NOT_TAINTED`).
#[derive(Clone, Copy, Debug)]
#[repr(align(32))]
pub(crate) struct AccountState {
    /// Haircut: the traced amount `N` (see [`crate::moves`]), in epoch `mark`. Poison: what the
    /// account paid after traced money first reached it.
    n: f64,
    traced_in: f64,
    traced_out: f64,
    /// Haircut: the epoch `n` is kept in. Poison: the first arrival of traced money (it pays in
    /// full from then on). A walk has one policy, so one field serves both.
    mark: TransferId,
    kind: Kind,
    hop: u8,
}

impl AccountState {
    /// Clean states for a graph whose cash desks are marked in `desks`.
    pub fn clean(desks: &[bool]) -> Vec<AccountState> {
        let mut states = vec_with_huge_pages(desks.len());
        states.extend(desks.iter().map(|&desk| AccountState::new(desk)));
        states
    }

    fn new(desk: bool) -> AccountState {
        AccountState {
            n: 0.0,
            traced_in: 0.0,
            traced_out: 0.0,
            mark: NOT_TAINTED,
            kind: if desk { Kind::Desk } else { Kind::Free },
            hop: 0,
        }
    }

    /// Haircut's share, once the walk has opened the account (`mark` is its epoch).
    fn share(&self) -> Share {
        Share {
            n: self.n,
            epoch: self.mark,
        }
    }
}

/// Attributes the traced money over the transfers `reach` found.
pub(super) fn attribute(tracer: &Tracer, query: &TraceQuery, side: Side, reach: &Reach) -> Flow {
    let moves = tracer.moves(side);
    let haircut = query.policy == Policy::Haircut;
    let mut states = tracer.take_account_states();
    // Accounts whose state the walk changed, seeds first.
    let mut opened: Vec<AccountId> = Vec::new();
    for &s in &query.seeds {
        if states[s as usize].kind != Kind::Seed {
            states[s as usize].kind = Kind::Seed;
            opened.push(s);
        }
    }
    let mut walk = Walk {
        states,
        opened,
        ends: Ends::default(),
        from_seeds: 0.0,
        transfers: vec_with_huge_pages(reach.count),
        haircut,
        paid_after: (!haircut).then(|| tracer.paid_after(side)),
    };
    walk.book(reach, side, moves);
    let Walk {
        mut states,
        mut opened,
        mut ends,
        mut from_seeds,
        mut transfers,
        ..
    } = walk;
    if side == Side::Backward {
        transfers.reverse();
    }
    // Ids sort faster than whole entries; the entries come out in id order.
    sort_distinct(&mut opened, states.len());
    let books = Books {
        tracer,
        side,
        reach,
        haircut: haircut.then_some(moves),
    };
    let mut accounts = vec_with_huge_pages(opened.len());
    accounts.par_extend(opened.par_iter().enumerate().map(|(k, &v)| {
        if let Some(&ahead) = opened.get(k + AHEAD) {
            prefetch(&states, ahead as usize);
        }
        settle(&books, query, v, &states[v as usize])
    }));
    for (k, &v) in opened.iter().enumerate() {
        if let Some(&ahead) = opened.get(k + AHEAD) {
            prefetch(&states, ahead as usize);
        }
        states[v as usize] = AccountState::new(tracer.is_desk(v));
    }
    for a in &accounts {
        ends.held += a.held;
        ends.not_followed += a.not_followed;
        if a.seed {
            from_seeds += a.not_followed;
        }
    }
    tracer.give_account_states(states);
    Flow {
        side,
        policy: query.policy,
        from_seeds,
        ends,
        transfers,
        accounts,
    }
}

/// Sorts `ids`, distinct and below `universe`: through a bitmap of the universe when they are
/// more than one in 64 of it (a trace that opens 200,000 of a million accounts sorts them in
/// a tenth of the time), else by sorting.
fn sort_distinct(ids: &mut Vec<AccountId>, universe: usize) {
    if ids.len() < universe / 64 {
        ids.sort_unstable();
        return;
    }
    let mut bits = vec![0u64; universe.div_ceil(64)];
    for &v in ids.iter() {
        bits[v as usize / 64] |= 1 << (v % 64);
    }
    ids.clear();
    for (w, &word) in bits.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            ids.push((w * 64) as AccountId + word.trailing_zeros());
            word &= word - 1;
        }
    }
}

/// What settling an account at the end of the walk reads besides its state.
struct Books<'a> {
    tracer: &'a Tracer<'a>,
    side: Side,
    reach: &'a Reach,
    /// The moves, under haircut (for `P` at the end).
    haircut: Option<&'a Moves>,
}

/// What account `v` received, passed on, holds and let go beyond the search, from its books at
/// the end of the walk.
fn settle(books: &Books, query: &TraceQuery, v: AccountId, state: &AccountState) -> TracedAccount {
    let (tracer, side) = (books.tracer, books.side);
    let mut a = TracedAccount {
        id: v,
        seed: state.kind == Kind::Seed,
        hop: state.hop,
        traced_in: state.traced_in,
        traced_out: state.traced_out,
        ..TracedAccount::default()
    };
    if a.seed {
        a.hop = 0;
        a.traced_in = 0.0;
        // What left the seeds by transfers the search did not take (below the minimum).
        let reach = books.reach;
        for x in tracer.adjacency(side).edges(v) {
            if reach.range.contains(&x.id) && !reach.has(x.id) && !query.seeds.contains(&x.to) {
                let (out, _) = side_amounts(tracer.graph(), tracer.rates(), side, x.id);
                a.traced_out += out;
                a.not_followed += out;
            }
        }
    } else if let Some(moves) = books.haircut {
        a.held = moves.held_at_end(v, state.share());
        a.not_followed = (a.traced_in - a.traced_out - a.held).max(0.0);
        a.traced_out += a.not_followed;
    } else if state.mark != NOT_TAINTED {
        // Poison: everything paid after the taint that the search did not take.
        a.not_followed = (state.n - a.traced_out).max(0.0);
        a.traced_out += a.not_followed;
    }
    a
}

/// The books of one trace's walk.
struct Walk<'a> {
    states: Vec<AccountState>,
    /// Accounts whose state the walk changed, seeds first.
    opened: Vec<AccountId>,
    ends: Ends,
    from_seeds: f64,
    transfers: Vec<TracedTransfer>,
    haircut: bool,
    /// Poison: per transfer, what the account it reaches pays after it.
    paid_after: Option<&'a [f64]>,
}

impl Walk<'_> {
    /// Books the transfers `reach` found, in this side's time order. They are taken from its
    /// hop marks a block at a time, each block's ids found while the one before is booked, so
    /// that the walk's lookahead runs on across blocks. Meanwhile the other core (when there is
    /// one) has the kernel map the next pages of the result: writing it into fresh memory cost
    /// the walk a page fault every few hundred transfers, a quarter of its time.
    fn book(&mut self, reach: &Reach, side: Side, moves: &Moves) {
        let result = Capacity::of(&self.transfers);
        let booked = AtomicUsize::new(0);
        let total = reach.count;
        rayon::join(
            || {
                let mut blocks = ReachedBlocks::new(reach, side, BLOCK);
                // The block being booked, then the next one's ids.
                let mut ids: Vec<TransferId> = Vec::with_capacity(2 * BLOCK + 16);
                blocks.append_next(&mut ids);
                while !ids.is_empty() {
                    let current = ids.len();
                    blocks.append_next(&mut ids);
                    self.book_block(&ids, current, moves, &reach.hops);
                    ids.drain(..current);
                    booked.store(self.transfers.len(), Relaxed);
                }
                booked.store(usize::MAX, Relaxed);
            },
            || {
                // A few parts ahead of the walk, never where it writes now. Run on the walk's
                // own thread (one thread, or none free), this finds the walk done and returns.
                let mut mapped = 0;
                while mapped < total {
                    let at = booked.load(Relaxed);
                    if at == usize::MAX {
                        break;
                    }
                    if mapped > at + MAPPED_AHEAD * PART {
                        // Far enough ahead: let whatever else wants this core run.
                        std::thread::yield_now();
                        continue;
                    }
                    let from = mapped.max(at + PART);
                    result.populate(from..from + PART);
                    mapped = from + PART;
                }
            },
        );
    }

    /// Books `ids[..count]`; the ids after them are the next block's, for the lookahead.
    fn book_block(&mut self, ids: &[TransferId], count: usize, moves: &Moves, hops: &[u8]) {
        for i in 0..count {
            let id = ids[i];
            if let Some(&far) = ids.get(i + MOVES_AHEAD) {
                moves.prefetch(far);
                if let Some(after) = self.paid_after {
                    prefetch(after, far as usize);
                }
            }
            if let Some(&near) = ids.get(i + AHEAD) {
                let ahead = moves.of(near);
                prefetch(&self.states, ahead.from as usize);
                prefetch(&self.states, ahead.to as usize);
            }
            self.book_one(id, hops[id as usize], moves.of(id));
        }
    }

    /// Books transfer `id`, reached at `hop`, which makes `step`.
    #[inline]
    fn book_one(&mut self, id: TransferId, hop: u8, step: &Move) {
        let out = step.out;
        let payer = &mut self.states[step.from as usize];
        let traced = match payer.kind {
            Kind::Seed => {
                self.from_seeds += out;
                out
            }
            Kind::Book if self.haircut => step.share.paid(out, payer.share()),
            Kind::Book if payer.mark != NOT_TAINTED => out,
            Kind::Book | Kind::Free | Kind::Desk => 0.0,
        };
        payer.traced_out += traced;
        let traced_in = if traced > 0.0 && out > 0.0 {
            traced * (step.arrived / out)
        } else {
            0.0
        };
        let payee = &mut self.states[step.to as usize];
        match payee.kind {
            Kind::Desk => self.ends.cash += traced,
            Kind::Seed => self.ends.returned_to_seeds += traced_in,
            Kind::Free | Kind::Book => {
                if payee.kind == Kind::Free {
                    payee.kind = Kind::Book;
                    payee.hop = hop;
                    if self.haircut {
                        payee.mark = 0;
                    }
                    self.opened.push(step.to);
                }
                payee.traced_in += traced_in;
                payee.hop = payee.hop.min(hop);
                if self.haircut {
                    let mut share = payee.share();
                    step.share.receive(traced_in, &mut share);
                    (payee.n, payee.mark) = (share.n, share.epoch);
                } else if traced_in > 0.0 && payee.mark == NOT_TAINTED {
                    payee.mark = id;
                    payee.n = self.paid_after.map_or(0.0, |after| after[id as usize]);
                }
            }
        }
        self.transfers.push(TracedTransfer {
            id,
            hop,
            amount: out,
            traced,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::sort_distinct;

    #[test]
    fn distinct_ids_sort_the_same_either_way() {
        let universe = 10_000;
        // Few (sorted directly) and many (through the bitmap), including both ends.
        for step in [997, 7, 3] {
            let mut ids: Vec<u32> = (0..universe as u32).rev().step_by(step).collect();
            ids.push(0);
            ids.dedup();
            let mut expected = ids.clone();
            expected.sort_unstable();
            sort_distinct(&mut ids, universe);
            assert_eq!(ids, expected, "step {step}");
        }
    }
}
