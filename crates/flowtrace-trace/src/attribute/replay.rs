//! Attribution by replay: every transfer of the accounts the money reached, in time order,
//! through each account's [`Ledger`], so that each transfer carries the traced share its policy
//! gives it. Any policy, window and time range.
//!
//! Untraced arrivals matter (they dilute a haircut and queue ahead in fifo), so the replay takes
//! all transfers of those accounts inside the time range, not only the reached ones, and each
//! account starts with the smallest untraced opening balance its payments imply (the data rarely
//! shows an account from its first day). Backward
//! traces run the same books on reversed time: the seeds' arrivals are the traced money, and an
//! account's earlier arrivals supply what it paid on. Every traced unit ends in exactly one of
//! [`Ends`]' buckets, which is what makes cycles safe: money that comes round again is the same
//! money, taken out of the books when it left.

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use crate::flow::{Ends, Flow, TracedAccount, TracedTransfer};
use crate::ledger::Ledger;
use crate::query::TraceQuery;
use crate::rates::Rates;
use crate::reach::{Reach, Side};
use crate::Tracer;

const NONE: u32 = u32::MAX;
/// The slot of a cash desk: money paid in leaves the system, so it keeps no books.
const DESK: u32 = u32::MAX - 1;

/// Attributes the traced money over the transfers `reach` found by replaying the books.
pub fn replay(tracer: &Tracer, query: &TraceQuery, side: Side, reach: &Reach) -> Flow {
    let (g, rates) = (tracer.graph(), tracer.rates());
    let mut replay = Replay::new(tracer, query, side);
    for e in reach.transfers() {
        replay.open_books(side.to(g, e), reach.hops[e as usize]);
    }
    let events = replay.events(reach);
    replay.open_with_implied_balances(&events, rates);
    let mut transfers = Vec::new();
    for e in events {
        if let Some(t) = replay.step(e, reach, rates) {
            transfers.push(t);
        }
    }
    transfers.sort_unstable_by_key(|t| t.id);
    replay.finish(transfers)
}

struct Replay<'a> {
    g: &'a TemporalGraph,
    tracer: &'a Tracer<'a>,
    query: &'a TraceQuery,
    side: Side,
    /// Per account, its index in `books` (`NONE` if it keeps none).
    slot: Vec<u32>,
    books: Vec<(Ledger, TracedAccount)>,
    seeds: Vec<TracedAccount>,
    is_seed: Vec<bool>,
    ends: Ends,
    from_seeds: f64,
}

impl<'a> Replay<'a> {
    fn new(tracer: &'a Tracer<'a>, query: &'a TraceQuery, side: Side) -> Replay<'a> {
        let g = tracer.graph();
        let mut is_seed = vec![false; g.accounts().len()];
        let mut seeds = Vec::new();
        for &s in &query.seeds {
            if !std::mem::replace(&mut is_seed[s as usize], true) {
                seeds.push(TracedAccount {
                    id: s,
                    seed: true,
                    ..TracedAccount::default()
                });
            }
        }
        Replay {
            g,
            tracer,
            query,
            side,
            slot: vec![NONE; g.accounts().len()],
            books: Vec::new(),
            seeds,
            is_seed,
            ends: Ends::default(),
            from_seeds: 0.0,
        }
    }

    /// Starts books for an account traced money reaches (seeds keep none: all theirs is traced).
    fn open_books(&mut self, v: AccountId, hop: u8) {
        if self.is_seed[v as usize] {
            return;
        }
        match self.slot[v as usize] {
            DESK => {}
            NONE if self.tracer.is_desk(v) => self.slot[v as usize] = DESK,
            NONE => {
                self.slot[v as usize] = self.books.len() as u32;
                let account = TracedAccount {
                    id: v,
                    hop,
                    ..TracedAccount::default()
                };
                self.books.push((Ledger::new(self.query.policy), account));
            }
            i => {
                let hop_now = &mut self.books[i as usize].1.hop;
                *hop_now = (*hop_now).min(hop);
            }
        }
    }

    /// Every transfer in range that touches a book-keeping account or leaves a seed, in this
    /// side's time order.
    fn events(&self, reach: &Reach) -> Vec<TransferId> {
        let range = reach.range.clone();
        let len = (range.end - range.start) as usize;
        let mut marked = vec![0u64; len.div_ceil(64)];
        let mut mark = |edges: &[TransferId]| {
            let start = edges.partition_point(|&e| e < range.start);
            for &e in &edges[start..] {
                if e >= range.end {
                    break;
                }
                let i = (e - range.start) as usize;
                marked[i / 64] |= 1 << (i % 64);
            }
        };
        for (_, account) in &self.books {
            mark(self.g.outgoing(account.id));
            mark(self.g.incoming(account.id));
        }
        for s in &self.seeds {
            match self.side {
                Side::Forward => mark(self.g.outgoing(s.id)),
                Side::Backward => mark(self.g.incoming(s.id)),
            }
        }
        let mut events = Vec::new();
        for (w, &bits) in marked.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                events.push(range.start + (w * 64) as u32 + bits.trailing_zeros());
                bits &= bits - 1;
            }
        }
        if self.side == Side::Backward {
            events.reverse();
        }
        events
    }

    /// Gives each account the smallest opening balance (untraced) that keeps its books from
    /// going negative over the range. Without it an account whose earlier income the range
    /// does not show would seem to spend the traced money on its everyday payments.
    fn open_with_implied_balances(&mut self, events: &[TransferId], rates: &Rates) {
        let t = self.g.transfers();
        let mut running = vec![0.0f64; self.books.len()];
        let mut lowest = vec![0.0f64; self.books.len()];
        let mut first_seen = vec![None; self.books.len()];
        for &e in events {
            let (from, to) = (self.side.from(self.g, e), self.side.to(self.g, e));
            let paid = rates.to_base(t.amount_paid(e), t.currency_paid(e));
            let received = rates.to_base(t.amount_received(e), t.currency_received(e));
            let (amount_out, amount_in) = match self.side {
                Side::Forward => (paid, received),
                Side::Backward => (received, paid),
            };
            for (v, delta) in [(from, -amount_out), (to, amount_in)] {
                let i = self.slot[v as usize];
                if i != NONE && i != DESK {
                    let i = i as usize;
                    if first_seen[i].is_none() {
                        first_seen[i] = Some(t.ts(e));
                    }
                    running[i] += delta;
                    lowest[i] = f64::min(lowest[i], running[i]);
                }
            }
        }
        for (i, (ledger, _)) in self.books.iter_mut().enumerate() {
            if let (Some(ts), true) = (first_seen[i], lowest[i] < 0.0) {
                ledger.receive(ts, -lowest[i], 0.0, self.query.window);
            }
        }
    }

    /// Replays one transfer; returns it if it was reached.
    fn step(&mut self, e: TransferId, reach: &Reach, rates: &Rates) -> Option<TracedTransfer> {
        let t = self.g.transfers();
        let (from, to) = (self.side.from(self.g, e), self.side.to(self.g, e));
        let paid = rates.to_base(t.amount_paid(e), t.currency_paid(e));
        let received = rates.to_base(t.amount_received(e), t.currency_received(e));
        let (amount_out, amount_in) = match self.side {
            Side::Forward => (paid, received),
            Side::Backward => (received, paid),
        };
        // Times matter only to a window; reading one is a search in the run-length time column.
        let ts = if self.query.window.is_some() {
            t.ts(e)
        } else {
            0
        };
        let reached = reach.has(e);
        // Money moving between seeds stays with the seeds: it is not traced leaving them.
        let between_seeds = self.is_seed[from as usize] && self.is_seed[to as usize];
        let traced_out = if between_seeds {
            0.0
        } else {
            self.pay(from, ts, amount_out)
        };
        let cash = self.slot[to as usize] == DESK;
        let traced_in = if reached && traced_out > 0.0 && amount_out > 0.0 {
            traced_out * (amount_in / amount_out)
        } else {
            0.0
        };
        if traced_out > 0.0 && !reached {
            self.ends.not_followed += traced_out;
            if let Some(account) = self.account_mut(from) {
                account.not_followed += traced_out;
            }
        } else if traced_in > 0.0 && cash {
            self.ends.cash += traced_out;
        } else if traced_in > 0.0 && self.is_seed[to as usize] {
            self.ends.returned_to_seeds += traced_in;
        }
        let into_books = if cash { 0.0 } else { traced_in };
        let window = self.query.window;
        if let Some((ledger, account)) = self.books_of(to) {
            ledger.receive(ts, amount_in, into_books, window);
            account.traced_in += into_books;
        }
        reached.then_some(TracedTransfer {
            id: e,
            hop: reach.hops[e as usize],
            amount: amount_out,
            traced: traced_out,
        })
    }

    /// Takes `amount` out of `from`'s books at `ts`; returns the traced part.
    fn pay(&mut self, from: AccountId, ts: i64, amount: f64) -> f64 {
        if self.is_seed[from as usize] {
            let seed = self.seeds.iter_mut().find(|s| s.id == from);
            if let Some(seed) = seed {
                seed.traced_out += amount;
            }
            self.from_seeds += amount;
            return amount;
        }
        let (side, window) = (self.side, self.query.window);
        let Some((ledger, account)) = self.books_of(from) else {
            return 0.0;
        };
        if let Some(window) = window {
            let age = |then: i64| match side {
                Side::Forward => ts - then,
                Side::Backward => then - ts,
            };
            let stalled = ledger.expire(age, window);
            account.stalled += stalled;
        }
        let traced = ledger.pay(amount);
        account.traced_out += traced;
        traced
    }

    /// The entry of a seed or a book-keeping account.
    fn account_mut(&mut self, v: AccountId) -> Option<&mut TracedAccount> {
        if self.is_seed[v as usize] {
            return self.seeds.iter_mut().find(|s| s.id == v);
        }
        self.books_of(v).map(|(_, account)| account)
    }

    fn books_of(&mut self, v: AccountId) -> Option<&mut (Ledger, TracedAccount)> {
        match self.slot[v as usize] {
            NONE | DESK => None,
            i => Some(&mut self.books[i as usize]),
        }
    }

    fn finish(mut self, transfers: Vec<TracedTransfer>) -> Flow {
        let mut accounts = std::mem::take(&mut self.seeds);
        for (ledger, mut account) in self.books {
            account.held = ledger.traced();
            self.ends.held += account.held;
            self.ends.stalled += account.stalled;
            accounts.push(account);
        }
        accounts.sort_unstable_by_key(|a| a.id);
        Flow {
            side: self.side,
            policy: self.query.policy,
            from_seeds: self.from_seeds,
            ends: self.ends,
            transfers,
            accounts,
        }
    }
}
