//! What a typology needs to plant an instance: accounts to use, times that look ordinary,
//! amounts, and a place to put the transfers and roles it creates.

use flowtrace_graph::PaymentFormat;

use super::{Role, Typology};
use crate::clock::business_hour_weights;
use crate::random::{AliasTable, SimRng};
use crate::transfer::SimTransfer;
use crate::world::population::{AccountIdx, HolderKind, Population};

const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;

/// A pattern instance being built, before it gets its id.
pub struct Draft {
    /// Its typology.
    pub typology: Typology,
    /// Detail of the BEGIN line.
    pub detail: String,
    /// Its transfers (any order; the planner sorts them).
    pub transfers: Vec<SimTransfer>,
    /// Roles given to accounts.
    pub roles: Vec<(AccountIdx, Role)>,
}

impl Draft {
    /// An empty draft.
    pub fn new(typology: Typology, detail: impl Into<String>) -> Draft {
        Draft {
            typology,
            detail: detail.into(),
            transfers: Vec::new(),
            roles: Vec::new(),
        }
    }
}

/// The world as a typology sees it while planting one instance.
pub struct PlantContext<'a> {
    /// Accounts and banks.
    pub pop: &'a Population,
    /// The planting stream.
    pub rng: &'a mut SimRng,
    /// Earliest time of the instance: the start of its day.
    pub day_start: i64,
    /// Latest time any planted transfer may have (the world's last minute).
    pub deadline: i64,
    /// Accounts the instance already uses, so that it does not pick one twice.
    used: Vec<AccountIdx>,
    hours: AliasTable,
}

impl<'a> PlantContext<'a> {
    /// A context for an instance starting on the day beginning at `day_start`.
    pub fn new(pop: &'a Population, rng: &'a mut SimRng, day_start: i64, deadline: i64) -> Self {
        PlantContext {
            pop,
            rng,
            day_start,
            deadline,
            used: Vec::new(),
            hours: AliasTable::new(business_hour_weights()),
        }
    }

    /// A time on the start day, at an hour when ordinary payments are frequent.
    pub fn start_time(&mut self) -> i64 {
        let hour = self.hours.sample(self.rng) as i64;
        (self.day_start + hour * HOUR + self.rng.below(60) as i64 * MINUTE).min(self.deadline)
    }

    /// A time after `t`: between `min_hours` and `max_hours` later, at most the deadline and
    /// always at least a minute later than `t` when the deadline allows, so chains of hops stay
    /// strictly in time order.
    pub fn after(&mut self, t: i64, min_hours: f64, max_hours: f64) -> i64 {
        let lo = (min_hours * HOUR as f64) as i64;
        let hi = (max_hours * HOUR as f64) as i64;
        let delay = lo + self.rng.below((hi - lo).max(1) as usize) as i64;
        (t + delay.max(MINUTE)).min(self.deadline).max(t)
    }

    /// A time within `days` days after `t` (used to spread the legs of fans over days).
    pub fn within_days(&mut self, t: i64, days: f64) -> i64 {
        self.after(t, 0.0, days * 24.0)
    }

    /// Days between the start day and the deadline, at most `cap`.
    pub fn days_left(&self, cap: f64) -> f64 {
        ((self.deadline - self.day_start) as f64 / DAY as f64)
            .min(cap)
            .max(0.05)
    }

    /// A fresh ordinary account to use as a mule: a person (mostly) or a company, never one the
    /// instance already uses.
    pub fn mule(&mut self) -> AccountIdx {
        self.fresh(|pop, rng| {
            if rng.chance(0.75) {
                pop.any_person(rng)
            } else {
                pop.sized_company(rng)
            }
        })
    }

    /// A fresh person account.
    pub fn person(&mut self) -> AccountIdx {
        self.fresh(|pop, rng| pop.any_person(rng))
    }

    /// A fresh company account (not a charity, merchant or utility).
    pub fn company(&mut self) -> AccountIdx {
        self.fresh(|pop, rng| loop {
            let c = pop.sized_company(rng);
            if pop.kind(c) == HolderKind::Company {
                return c;
            }
        })
    }

    /// A fresh account in a high-risk corridor country, or any fresh account if the world has
    /// none.
    pub fn corridor(&mut self) -> AccountIdx {
        self.fresh(|pop, rng| {
            pop.corridor_account(rng)
                .unwrap_or_else(|| pop.any_person(rng))
        })
    }

    /// A fresh account drawn by `pick`, retried until it is not yet used by the instance.
    pub fn fresh(&mut self, pick: impl Fn(&Population, &mut SimRng) -> AccountIdx) -> AccountIdx {
        for attempt in 0.. {
            // A narrow pool (few corridor accounts in a small world) may run out: after many
            // misses, any unused person will do.
            let a = if attempt < 64 {
                pick(self.pop, self.rng)
            } else {
                self.pop.any_person(self.rng)
            };
            if !self.used.contains(&a) {
                self.used.push(a);
                return a;
            }
        }
        unreachable!("the loop only ends by returning")
    }

    /// Marks `account` as used by the instance.
    pub fn reserve(&mut self, account: AccountIdx) {
        if !self.used.contains(&account) {
            self.used.push(account);
        }
    }

    /// A laundering amount: larger than ordinary payments, in the body of trade payments.
    pub fn laundering_amount(&mut self) -> f64 {
        self.rng.lognormal(9_000.0, 0.9)
    }

    /// What is left of `amount` after an intermediary keeps its cut (1-8%).
    pub fn pass_on(&mut self, amount: f64) -> f64 {
        amount * (0.92 + 0.07 * self.rng.unit())
    }

    /// A payment format of laundering hops: mostly ACH, wires and cheques.
    pub fn laundering_format(&mut self) -> PaymentFormat {
        use PaymentFormat::*;
        *self.rng.pick(&[
            Ach, Ach, Ach, Ach, Wire, Wire, Wire, Cheque, Cheque, Cash, Bitcoin, CreditCard,
        ])
    }

    /// `amount` in `from`'s currency, expressed in `to`'s currency.
    pub fn converted(&self, amount: f64, from: AccountIdx, to: AccountIdx) -> f64 {
        crate::world::population::convert(amount, self.pop.currency(from), self.pop.currency(to))
    }

    /// A transfer of `amount` in the payer's currency.
    pub fn transfer(
        &self,
        ts: i64,
        from: AccountIdx,
        to: AccountIdx,
        amount: f64,
        format: PaymentFormat,
    ) -> SimTransfer {
        let mut t = SimTransfer::new(self.pop, ts, from, to, amount, format);
        if format == PaymentFormat::Bitcoin {
            // Bitcoin amounts are in BTC: convert the fiat value.
            let btc = amount
                * crate::world::countries::usd_per_unit(self.pop.currency(from).code())
                / 19_000.0;
            t = SimTransfer::new(self.pop, ts, from, to, btc, format);
        }
        t
    }
}
