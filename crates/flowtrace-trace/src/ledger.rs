//! One account's books during a trace: what it holds, how much of that is traced, and which
//! part of it each payment takes, under each [`Policy`].
//!
//! Amounts are in the base currency. A payment larger than the recorded balance draws the rest
//! from funds the data does not show, which count as untraced.

use std::collections::VecDeque;

use crate::query::Policy;

/// Below this, a remainder is rounding noise.
const EPSILON: f64 = 1e-9;

/// Funds that arrived together.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lot {
    ts: i64,
    amount: f64,
    traced: f64,
}

/// An account's books.
#[derive(Debug)]
pub(crate) enum Ledger {
    /// Only when traced money last arrived matters.
    Poison {
        /// Time of the latest traced arrival.
        last_traced: Option<i64>,
    },
    /// One pool; payments take the same share of traced and untraced funds. Lots are kept only
    /// with a window, scaled by the share of the pool still there (`scale`), so that funds that
    /// rested too long can be taken out with what is left of them.
    Pool {
        balance: f64,
        traced: f64,
        lots: VecDeque<Lot>,
        scale: f64,
    },
    /// Lots in arrival order; payments take from the front (fifo) or the back (lifo).
    Queue { lots: VecDeque<Lot>, lifo: bool },
}

impl Ledger {
    /// Empty books for `policy`.
    pub fn new(policy: Policy) -> Ledger {
        match policy {
            Policy::Poison => Ledger::Poison { last_traced: None },
            Policy::Haircut => Ledger::Pool {
                balance: 0.0,
                traced: 0.0,
                lots: VecDeque::new(),
                scale: 1.0,
            },
            Policy::Fifo => Ledger::Queue {
                lots: VecDeque::new(),
                lifo: false,
            },
            Policy::Lifo => Ledger::Queue {
                lots: VecDeque::new(),
                lifo: true,
            },
        }
    }

    /// Records an arrival of `amount`, `traced` of it traced, at `ts`.
    pub fn receive(&mut self, ts: i64, amount: f64, traced: f64, window: Option<i64>) {
        match self {
            Ledger::Poison { last_traced } => {
                if traced > 0.0 {
                    *last_traced = Some(ts);
                }
            }
            Ledger::Pool {
                balance,
                traced: pool_traced,
                lots,
                scale,
            } => {
                *balance += amount;
                *pool_traced += traced;
                if window.is_some() {
                    lots.push_back(Lot {
                        ts,
                        amount: amount / *scale,
                        traced: traced / *scale,
                    });
                }
            }
            Ledger::Queue { lots, .. } => {
                if amount > 0.0 {
                    lots.push_back(Lot { ts, amount, traced });
                }
            }
        }
    }

    /// Takes out funds that arrived more than `window` before `now` (measured on `now`'s side
    /// of time: `age` gives the distance); returns the traced part, which stopped moving.
    pub fn expire(&mut self, age: impl Fn(i64) -> i64, window: i64) -> f64 {
        match self {
            Ledger::Poison { last_traced } => {
                if last_traced.is_some_and(|t| age(t) > window) {
                    *last_traced = None;
                }
                0.0
            }
            Ledger::Pool {
                balance,
                traced,
                lots,
                scale,
            } => {
                let mut stalled = 0.0;
                while let Some(lot) = lots.front().filter(|l| age(l.ts) > window) {
                    let (amount, lot_traced) = (lot.amount * *scale, lot.traced * *scale);
                    *balance = (*balance - amount).max(0.0);
                    *traced = (*traced - lot_traced).clamp(0.0, *balance);
                    stalled += lot_traced;
                    lots.pop_front();
                }
                if lots.is_empty() {
                    (*balance, *traced, *scale) = (0.0, 0.0, 1.0);
                }
                stalled
            }
            Ledger::Queue { lots, .. } => {
                let mut stalled = 0.0;
                while let Some(lot) = lots.front().filter(|l| age(l.ts) > window) {
                    stalled += lot.traced;
                    lots.pop_front();
                }
                stalled
            }
        }
    }

    /// Pays out `amount`; returns the traced part of it.
    pub fn pay(&mut self, amount: f64) -> f64 {
        match self {
            Ledger::Poison { last_traced } => {
                if last_traced.is_some() {
                    amount
                } else {
                    0.0
                }
            }
            Ledger::Pool {
                balance,
                traced,
                lots,
                scale,
            } => {
                if *balance <= amount + EPSILON {
                    // Everything leaves, topped up with unrecorded untraced funds.
                    let out = traced.min(amount);
                    (*balance, *traced, *scale) = (0.0, 0.0, 1.0);
                    lots.clear();
                    return out;
                }
                let share = amount / *balance;
                let out = *traced * share;
                *balance -= amount;
                *traced = (*traced - out).clamp(0.0, *balance);
                *scale *= 1.0 - share;
                if *scale < 1e-150 {
                    for lot in lots.iter_mut() {
                        lot.amount *= *scale;
                        lot.traced *= *scale;
                    }
                    *scale = 1.0;
                }
                out
            }
            Ledger::Queue { lots, lifo } => {
                let mut left = amount;
                let mut out = 0.0;
                while left > EPSILON {
                    let lot = if *lifo {
                        lots.back_mut()
                    } else {
                        lots.front_mut()
                    };
                    let Some(lot) = lot else { break };
                    let take = left.min(lot.amount);
                    let traced = lot.traced * (take / lot.amount);
                    out += traced;
                    lot.amount -= take;
                    lot.traced = (lot.traced - traced).max(0.0);
                    left -= take;
                    if lot.amount <= EPSILON {
                        if *lifo {
                            lots.pop_back();
                        } else {
                            lots.pop_front();
                        }
                    }
                }
                out.min(amount)
            }
        }
    }

    /// Traced funds still held.
    pub fn traced(&self) -> f64 {
        match self {
            Ledger::Poison { .. } => 0.0,
            Ledger::Pool { traced, .. } => *traced,
            Ledger::Queue { lots, .. } => lots.iter().map(|l| l.traced).sum(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The worked example of [`Policy`]'s documentation.
    fn example(policy: Policy) -> (f64, f64, f64) {
        let mut b = Ledger::new(policy);
        b.receive(9, 100.0, 0.0, None);
        b.receive(10, 50.0, 50.0, None);
        let first = b.pay(30.0);
        let second = b.pay(90.0);
        (first, second, b.traced())
    }

    fn close(a: (f64, f64, f64), b: (f64, f64, f64)) -> bool {
        (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9 && (a.2 - b.2).abs() < 1e-9
    }

    #[test]
    fn the_documented_example_holds_for_every_policy() {
        assert!(close(example(Policy::Poison), (30.0, 90.0, 0.0)));
        assert!(close(example(Policy::Haircut), (10.0, 30.0, 10.0)));
        assert!(close(example(Policy::Fifo), (0.0, 20.0, 30.0)));
        assert!(close(example(Policy::Lifo), (30.0, 20.0, 0.0)));
    }

    #[test]
    fn paying_more_than_recorded_draws_untraced_funds() {
        for policy in [Policy::Haircut, Policy::Fifo, Policy::Lifo] {
            let mut b = Ledger::new(policy);
            b.receive(0, 10.0, 10.0, None);
            assert!((b.pay(25.0) - 10.0).abs() < 1e-9, "{policy}");
            assert_eq!(b.pay(5.0), 0.0, "{policy}");
        }
    }

    #[test]
    fn funds_past_the_window_stop_moving() {
        for policy in [Policy::Haircut, Policy::Fifo, Policy::Lifo] {
            let mut b = Ledger::new(policy);
            b.receive(0, 40.0, 40.0, Some(100));
            b.receive(150, 60.0, 0.0, Some(100));
            let stalled = b.expire(|t| 200 - t, 100);
            assert!((stalled - 40.0).abs() < 1e-9, "{policy}: {stalled}");
            assert_eq!(b.pay(50.0), 0.0, "{policy}");
        }
        let mut p = Ledger::new(Policy::Haircut);
        p.receive(0, 100.0, 50.0, Some(100));
        p.pay(50.0); // half of everything leaves, 25 traced stay
        p.receive(90, 100.0, 0.0, Some(100));
        let stalled = p.expire(|t| 150 - t, 100);
        assert!((stalled - 25.0).abs() < 1e-9, "{stalled}");
        assert!((p.traced()).abs() < 1e-9);
    }
}
