//! Every transfer of one side as the fast attribution walk reads it: who pays whom, what leaves
//! and what arrives in the base currency, and haircut's data-only share, in one 48-byte record
//! per transfer. Built once per graph and side, so that a trace reads one or two cache lines for
//! each transfer it reached instead of one per column of the graph (payer, payee, amounts,
//! currencies, flags, shares), and converts no currency.
//!
//! Haircut's share. Under haircut a payment takes the same share of traced and untraced funds,
//! so between two traced arrivals an account's traced money only shrinks, by the factor
//! `1 - paid / balance` at each payment. Balances (with the replay's implied opening balances)
//! and so these factors depend on the data alone, not on the trace: their running product `P`
//! per account is computed here. A trace then keeps per account only `N = sum of traced arrival
//! / P(at arrival)`; a payment at `e` carries `paid * N * P(e) / balance(e)` and what stays at the
//! end is `N * P(end)`. This is exact: the same factors the replay applies one by one.
//!
//! `P` falls without bound, so it is kept in epochs: below 1e-200 it is multiplied by 1e200 and
//! the account's epoch advances by one. A payment that empties the account (the replay's reset,
//! where all its traced money leaves) advances it by two, which makes every earlier share vanish.

use flowtrace_graph::{AccountId, TemporalGraph, TransferId};

use flowtrace_memory::{filled_on_huge_pages, prefetch_value};

use crate::rates::Rates;
use crate::reach::Side;

/// Below this, a remainder is rounding noise (as in the ledger).
const EPSILON: f64 = 1e-9;
/// When `P` falls below this it is rescaled by [`RESCALE`] into the next epoch.
const FLOOR: f64 = 1e-200;
const RESCALE: f64 = 1e200;

/// One transfer as the walk reads it, on a 16-byte boundary so that a record spans at most two
/// cache lines.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(16))]
pub(crate) struct Move {
    /// The account the money leaves.
    pub from: AccountId,
    /// The account it arrives at.
    pub to: AccountId,
    /// What leaves `from`, in the base currency.
    pub out: f64,
    /// What arrives at `to`, in the base currency.
    pub arrived: f64,
    /// Haircut's part.
    pub share: TransferShare,
}

/// One transfer's haircut part.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C)]
pub(crate) struct TransferShare {
    /// `P / balance` of the paying account just before it pays.
    pay: f64,
    /// `1 / P` of the receiving account when the money arrives.
    receive: f64,
    pay_epoch: u32,
    receive_epoch: u32,
}

impl TransferShare {
    /// The traced part of this transfer's `amount`, paid out of an account holding `held`.
    #[inline]
    pub fn paid(&self, amount: f64, held: Share) -> f64 {
        let n = carry(held.n, held.epoch, self.pay_epoch);
        (amount * n * self.pay).min(amount)
    }

    /// Adds `traced` arriving by this transfer to the account's `held`.
    #[inline]
    pub fn receive(&self, traced: f64, held: &mut Share) {
        let now = self.receive_epoch;
        held.n = carry(held.n, held.epoch, now) + traced * self.receive;
        held.epoch = now;
    }
}

/// Every transfer of one side as a [`Move`], and per account haircut's `P` at the end.
pub(crate) struct Moves {
    moves: Vec<Move>,
    /// Per account: `P` after its last transfer.
    end: Vec<f64>,
    end_epoch: Vec<u32>,
}

/// A traced amount kept as `N` in one account's epoch.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Share {
    pub n: f64,
    pub epoch: u32,
}

/// `value` of epoch `from` seen from the later epoch `to`.
#[inline]
fn carry(value: f64, from: u32, to: u32) -> f64 {
    match to.wrapping_sub(from) {
        0 => value,
        1 => value * FLOOR,
        _ => 0.0,
    }
}

impl Moves {
    /// Works out the move of every transfer of `graph` on `side`, amounts in `rates`' base.
    pub fn build(graph: &TemporalGraph, rates: &Rates, side: Side) -> Moves {
        let t = graph.transfers();
        let (accounts, n) = (graph.accounts().len(), t.len());
        let order = |i: usize| -> TransferId {
            match side {
                Side::Forward => i as TransferId,
                Side::Backward => (n - 1 - i) as TransferId,
            }
        };
        let read = |e: TransferId| {
            let (from, to) = (side.from(graph, e), side.to(graph, e));
            let (out, arrived) = side_amounts(graph, rates, side, e);
            (from, to, out, arrived)
        };
        // The replay's implied opening balances: the smallest that keep every account's books
        // from going negative.
        let mut running = vec![0.0f64; accounts];
        let mut lowest = vec![0.0f64; accounts];
        for i in 0..n {
            let (from, to, out, arrived) = read(order(i));
            let r = &mut running[from as usize];
            *r -= out;
            lowest[from as usize] = lowest[from as usize].min(*r);
            running[to as usize] += arrived;
        }
        drop(running);
        let mut balance: Vec<f64> = lowest.into_iter().map(|l| -l.min(0.0)).collect();
        let mut p = vec![1.0f64; accounts];
        let mut epoch = vec![0u32; accounts];
        let mut moves = Moves {
            moves: filled_on_huge_pages(n, Move::default()),
            end: Vec::new(),
            end_epoch: Vec::new(),
        };
        for i in 0..n {
            let e = order(i);
            let (from, to, out, arrived) = read(e);
            let (f, x) = (from as usize, e as usize);
            let b = balance[f];
            let basis = b.max(out);
            let record = &mut moves.moves[x];
            (record.from, record.to, record.out, record.arrived) = (from, to, out, arrived);
            let share = &mut record.share;
            share.pay = if basis > 0.0 { p[f] / basis } else { 0.0 };
            share.pay_epoch = epoch[f];
            if b <= out + EPSILON {
                (balance[f], p[f]) = (0.0, 1.0);
                epoch[f] = epoch[f].wrapping_add(2);
            } else {
                let share = out / b;
                balance[f] -= out;
                p[f] *= 1.0 - share;
                if p[f] < FLOOR {
                    p[f] *= RESCALE;
                    epoch[f] = epoch[f].wrapping_add(1);
                }
            }
            let r = to as usize;
            let share = &mut moves.moves[x].share;
            share.receive = 1.0 / p[r];
            share.receive_epoch = epoch[r];
            balance[r] += arrived;
        }
        moves.end = p;
        moves.end_epoch = epoch;
        moves
    }

    /// Transfer `e`'s move.
    #[inline]
    pub fn of(&self, e: TransferId) -> &Move {
        &self.moves[e as usize]
    }

    /// Hints the processor to load transfer `e`'s move: its first and its last field, which
    /// are in two cache lines for half of the records.
    #[inline]
    pub fn prefetch(&self, e: TransferId) {
        if let Some(m) = self.moves.get(e as usize) {
            prefetch_value(m);
            prefetch_value(&m.share.receive_epoch);
        }
    }

    /// Traced money account `v` still holds after its last transfer.
    pub fn held_at_end(&self, v: AccountId, held: Share) -> f64 {
        let v = v as usize;
        carry(held.n, held.epoch, self.end_epoch[v]) * self.end[v]
    }

    /// Heap bytes held.
    pub fn heap_bytes(&self) -> usize {
        self.moves.capacity() * std::mem::size_of::<Move>()
            + self.end.capacity() * 8
            + self.end_epoch.capacity() * 4
    }
}

/// Per transfer of `graph` on `side`, what the account it brings the money to pays on that side
/// after it, in the base currency: poison's "everything paid after the taint", read once when
/// traced money first reaches an account instead of searching the account's edges at the end.
pub(crate) fn paid_after_arrival(graph: &TemporalGraph, rates: &Rates, side: Side) -> Vec<f64> {
    let n = graph.transfers().len();
    let mut after = filled_on_huge_pages(n, 0.0);
    // What each account pays from the transfer in hand on, summed from its last payment back.
    let mut paying = vec![0.0f64; graph.accounts().len()];
    for i in 0..n {
        // Backwards through this side's time.
        let e = match side {
            Side::Forward => n - 1 - i,
            Side::Backward => i,
        } as TransferId;
        let (from, to) = (side.from(graph, e), side.to(graph, e));
        // Before adding `e` itself: a self-transfer's money leaves after it.
        after[e as usize] = paying[to as usize];
        paying[from as usize] += side_amounts(graph, rates, side, e).0;
    }
    after
}

/// What transfer `e` takes out of the account it leaves and brings to the next, in the base
/// currency: paid and received forwards, the other way round backwards.
#[inline]
pub(crate) fn side_amounts(
    graph: &TemporalGraph,
    rates: &Rates,
    side: Side,
    e: TransferId,
) -> (f64, f64) {
    let t = graph.transfers();
    let paid = rates.to_base(t.amount_paid(e), t.currency_paid(e));
    let received = rates.to_base(t.amount_received(e), t.currency_received(e));
    match side {
        Side::Forward => (paid, received),
        Side::Backward => (received, paid),
    }
}
