//! Attribution from the reached transfers alone (haircut or poison, no window, whole range).
//!
//! The reached transfers are walked in this side's time order. A seed pays out in full. Under
//! poison an account pays out in full once traced money reached it; under haircut it pays the
//! share the tracer's precomputed shares give from its `N`. What an account received and did not
//! pass on by a reached transfer either stays there (haircut: `N * P(end)`) or left by transfers
//! beyond the hop limit or below the minimum amount (`not_followed`), which are not listed.
//! Per-account state lives in one dense array indexed by account (reused from trace to trace),
//! and the walk requests the state of the accounts a few transfers ahead before it needs them.
//! The transfers' own data is gathered a chunk ahead, on the other core when there is one
//! ([`super::steps`]).

use flowtrace_graph::{AccountId, TransferId};
use flowtrace_memory::{prefetch, vec_with_huge_pages};
use rayon::prelude::*;

use super::steps::{Source, Step};
use crate::flow::{Ends, Flow, TracedAccount, TracedTransfer};
use crate::query::{Policy, TraceQuery};
use crate::reach::{Reach, Side};
use crate::shares::{side_amounts, Share};
use crate::Tracer;

/// How many transfers ahead the walk asks for the accounts' cache lines.
const AHEAD: usize = 12;
/// How many reached transfers are gathered at a time: enough that handing a chunk to the other
/// thread costs little, few enough that two chunks stay in the core's cache.
const CHUNK: usize = 16 * 1024;
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
    /// Haircut's traced amount `N` (see [`crate::shares`]), in epoch `mark`.
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
    let shares = (query.policy == Policy::Haircut).then(|| tracer.shares(side));
    let mut states = tracer.take_account_states();
    // Accounts whose state the walk changed, seeds first.
    let mut opened: Vec<AccountId> = Vec::new();
    for &s in &query.seeds {
        if states[s as usize].kind != Kind::Seed {
            states[s as usize].kind = Kind::Seed;
            opened.push(s);
        }
    }
    let mut ids = tracer.take_ids();
    reach.ids_into(&mut ids);
    if side == Side::Backward {
        ids.reverse();
    }
    let mut walk = Walk {
        states,
        opened,
        ends: Ends::default(),
        from_seeds: 0.0,
        transfers: vec_with_huge_pages(ids.len()),
        haircut: shares.is_some(),
    };
    let source = Source {
        tracer,
        side,
        reach,
        shares,
    };
    // While the walk books one chunk, the next is gathered on the other core (or after it, on
    // one thread): the gathering streams through the columns, the walk waits on account reads.
    let (mut current, mut next) = (Vec::with_capacity(CHUNK), Vec::with_capacity(CHUNK));
    let mut chunks = ids.chunks(CHUNK);
    if let Some(first) = chunks.next() {
        source.gather(first, &mut current);
    }
    while !current.is_empty() {
        let upcoming = chunks.next();
        rayon::join(
            || match upcoming {
                Some(chunk) => source.gather(chunk, &mut next),
                None => next.clear(),
            },
            || walk.book(&current),
        );
        std::mem::swap(&mut current, &mut next);
    }
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
    opened.par_sort_unstable();
    let mut accounts = vec_with_huge_pages(opened.len());
    accounts.par_extend(opened.par_iter().enumerate().map(|(k, &v)| {
        if let Some(&ahead) = opened.get(k + AHEAD) {
            prefetch(&states, ahead as usize);
        }
        settle(&source, query, v, &states[v as usize])
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
    ids.clear();
    tracer.give_ids(ids);
    Flow {
        side,
        policy: query.policy,
        from_seeds,
        ends,
        transfers,
        accounts,
    }
}

/// What account `v` received, passed on, holds and let go beyond the search, from its books at
/// the end of the walk.
fn settle(
    source: &Source,
    query: &TraceQuery,
    v: AccountId,
    state: &AccountState,
) -> TracedAccount {
    let (tracer, side) = (source.tracer, source.side);
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
        let reach = source.reach;
        for x in tracer.adjacency(side).edges(v) {
            if reach.range.contains(&x.id) && !reach.has(x.id) && !query.seeds.contains(&x.to) {
                let (out, _) = side_amounts(tracer.graph(), tracer.rates(), side, x.id);
                a.traced_out += out;
                a.not_followed += out;
            }
        }
    } else if let Some(shares) = source.shares {
        a.held = shares.held_at_end(v, state.share());
        a.not_followed = (a.traced_in - a.traced_out - a.held).max(0.0);
        a.traced_out += a.not_followed;
    } else if state.mark != NOT_TAINTED {
        // Poison: everything paid after the taint that the search did not take.
        let adjacency = tracer.adjacency(side);
        let after = adjacency.position_after(v, state.mark);
        let tails = tracer.tails(side);
        let paid_after = tails
            .get(adjacency.offset(v) + after)
            .filter(|_| after < adjacency.edges(v).len())
            .copied()
            .unwrap_or(0.0);
        a.not_followed = (paid_after - a.traced_out).max(0.0);
        a.traced_out += a.not_followed;
    }
    a
}

/// The books of one trace's walk.
struct Walk {
    states: Vec<AccountState>,
    /// Accounts whose state the walk changed, seeds first.
    opened: Vec<AccountId>,
    ends: Ends,
    from_seeds: f64,
    transfers: Vec<TracedTransfer>,
    haircut: bool,
}

impl Walk {
    /// Books `steps`, the next reached transfers in this side's time order.
    fn book(&mut self, steps: &[Step]) {
        for (i, step) in steps.iter().enumerate() {
            if let Some(ahead) = steps.get(i + AHEAD) {
                prefetch(&self.states, ahead.from as usize);
                prefetch(&self.states, ahead.to as usize);
            }
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
                        payee.hop = step.hop;
                        if self.haircut {
                            payee.mark = 0;
                        }
                        self.opened.push(step.to);
                    }
                    payee.traced_in += traced_in;
                    payee.hop = payee.hop.min(step.hop);
                    if self.haircut {
                        let mut share = payee.share();
                        step.share.receive(traced_in, &mut share);
                        (payee.n, payee.mark) = (share.n, share.epoch);
                    } else if traced_in > 0.0 && payee.mark == NOT_TAINTED {
                        payee.mark = step.id;
                    }
                }
            }
            self.transfers.push(TracedTransfer {
                id: step.id,
                hop: step.hop,
                amount: out,
                traced,
            });
        }
    }
}
