//! Attribution from the reached transfers alone (haircut or poison, no window, whole range).
//!
//! The reached transfers are walked in this side's time order. A seed pays out in full. Under
//! poison an account pays out in full once traced money reached it; under haircut it pays the
//! share the tracer's precomputed shares give from its `N`. What an account received and did not
//! pass on by a reached transfer either stays there (haircut: `N * P(end)`) or left by transfers
//! beyond the hop limit or below the minimum amount (`not_followed`), which are not listed.
//! Per-account state lives in one dense array indexed by account (reused from trace to trace),
//! and the walk requests the state of the accounts a few transfers ahead before it needs them.

use flowtrace_graph::{AccountId, TransferId};

use crate::flow::{Ends, Flow, TracedAccount, TracedTransfer};
use crate::query::{Policy, TraceQuery};
use crate::reach::{Reach, Side};
use crate::scratch::prefetch;
use crate::shares::{side_amounts, Share};
use crate::Tracer;

/// How many transfers ahead the walk asks for the accounts' cache lines.
const AHEAD: usize = 12;
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

/// One account's books during the walk. Clean, every field is its default except `kind`
/// (`Desk` at cash desks) and `tainted_by` (`NOT_TAINTED`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct AccountState {
    share: Share,
    traced_in: f64,
    traced_out: f64,
    /// The first arrival of traced money (poison pays in full from then on).
    tainted_by: TransferId,
    kind: Kind,
    hop: u8,
}

impl AccountState {
    /// Clean states for a graph whose cash desks are marked in `desks`.
    pub fn clean(desks: &[bool]) -> Vec<AccountState> {
        desks.iter().map(|&desk| AccountState::new(desk)).collect()
    }

    fn new(desk: bool) -> AccountState {
        AccountState {
            share: Share::default(),
            traced_in: 0.0,
            traced_out: 0.0,
            tainted_by: NOT_TAINTED,
            kind: if desk { Kind::Desk } else { Kind::Free },
            hop: 0,
        }
    }
}

/// Attributes the traced money over the transfers `reach` found.
pub(super) fn attribute(tracer: &Tracer, query: &TraceQuery, side: Side, reach: &Reach) -> Flow {
    let (g, rates) = (tracer.graph(), tracer.rates());
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
    let (mut ends, mut from_seeds) = (Ends::default(), 0.0);
    let mut transfers = Vec::with_capacity(ids.len());
    let (srcs, dsts) = (g.transfers().srcs(), g.transfers().dsts());
    for (i, &e) in ids.iter().enumerate() {
        // Who pays whom is read twice as far ahead as their books, which need it.
        if let Some(&far) = ids.get(i + 2 * AHEAD) {
            prefetch(srcs, far as usize);
            prefetch(dsts, far as usize);
        }
        if let Some(&ahead) = ids.get(i + AHEAD) {
            prefetch(&states, side.from(g, ahead) as usize);
            prefetch(&states, side.to(g, ahead) as usize);
            if let Some(shares) = shares {
                shares.prefetch(ahead);
            }
        }
        let (from, to) = (side.from(g, e), side.to(g, e));
        let (out, arrived) = side_amounts(g, rates, side, e);
        let hop = reach.hops[e as usize];
        let payer = &mut states[from as usize];
        let traced = match payer.kind {
            Kind::Seed => {
                from_seeds += out;
                out
            }
            Kind::Book => match shares {
                Some(shares) => shares.paid(e, out, payer.share),
                None if payer.tainted_by != NOT_TAINTED => out,
                None => 0.0,
            },
            Kind::Free | Kind::Desk => 0.0,
        };
        payer.traced_out += traced;
        let traced_in = if traced > 0.0 && out > 0.0 {
            traced * (arrived / out)
        } else {
            0.0
        };
        let payee = &mut states[to as usize];
        match payee.kind {
            Kind::Desk => ends.cash += traced,
            Kind::Seed => ends.returned_to_seeds += traced_in,
            Kind::Free | Kind::Book => {
                if payee.kind == Kind::Free {
                    payee.kind = Kind::Book;
                    payee.hop = hop;
                    opened.push(to);
                }
                payee.traced_in += traced_in;
                payee.hop = payee.hop.min(hop);
                if let Some(shares) = shares {
                    shares.receive(e, traced_in, &mut payee.share);
                }
                if traced_in > 0.0 && payee.tainted_by == NOT_TAINTED {
                    payee.tainted_by = e;
                }
            }
        }
        transfers.push(TracedTransfer {
            id: e,
            hop,
            amount: out,
            traced,
        });
    }
    if side == Side::Backward {
        transfers.reverse();
    }
    // Ids sort faster than whole entries; the entries come out in id order.
    opened.sort_unstable();
    let mut accounts = Vec::with_capacity(opened.len());
    for (k, &v) in opened.iter().enumerate() {
        if let Some(&ahead) = opened.get(k + AHEAD) {
            prefetch(&states, ahead as usize);
        }
        let state = std::mem::replace(
            &mut states[v as usize],
            AccountState::new(tracer.is_desk(v)),
        );
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
            for x in tracer.adjacency(side).edges(v) {
                if reach.range.contains(&x.id) && !reach.has(x.id) && !query.seeds.contains(&x.to) {
                    let (out, _) = side_amounts(g, rates, side, x.id);
                    from_seeds += out;
                    a.traced_out += out;
                    a.not_followed += out;
                }
            }
        } else if let Some(shares) = shares {
            a.held = shares.held_at_end(v, state.share);
            a.not_followed = (a.traced_in - a.traced_out - a.held).max(0.0);
            a.traced_out += a.not_followed;
        } else if state.tainted_by != NOT_TAINTED {
            // Poison: everything paid after the taint that the search did not take.
            let adjacency = tracer.adjacency(side);
            let after = adjacency.position_after(v, state.tainted_by);
            let tails = tracer.tails(side);
            let paid_after = tails
                .get(adjacency.offset(v) + after)
                .filter(|_| after < adjacency.edges(v).len())
                .copied()
                .unwrap_or(0.0);
            a.not_followed = (paid_after - a.traced_out).max(0.0);
            a.traced_out += a.not_followed;
        }
        ends.held += a.held;
        ends.not_followed += a.not_followed;
        accounts.push(a);
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
