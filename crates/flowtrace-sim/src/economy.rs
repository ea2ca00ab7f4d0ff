//! The background economy: salaries, rent, bills, card purchases, trade between companies, cash
//! at the counter, reinvestment, remittances and crypto, with heavy-tailed amounts.
//!
//! It is meant to make naive rules fire: payroll is a fan-out, utilities are fan-ins, cash
//! desks see thousands of deposits, some honest deposits sit just under the reporting threshold
//! and some honest wires go to corridor countries. A detector must do better than those rules.

use flowtrace_graph::PaymentFormat;

use crate::random::{AliasTable, SimRng};
use crate::transfer::SimTransfer;
use crate::world::population::{AccountIdx, Population};

/// A kind of ordinary payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Card,
    Bill,
    Salary,
    Rent,
    Trade,
    Personal,
    Remittance,
    Deposit,
    Withdrawal,
    Reinvestment,
    Crypto,
    Donation,
}

const KINDS: [Kind; 12] = [
    Kind::Card,
    Kind::Bill,
    Kind::Salary,
    Kind::Rent,
    Kind::Trade,
    Kind::Personal,
    Kind::Remittance,
    Kind::Deposit,
    Kind::Withdrawal,
    Kind::Reinvestment,
    Kind::Crypto,
    Kind::Donation,
];

/// Relative frequencies of the kinds, in `KINDS` order, for (weekday or weekend) x (payday or
/// not). Paydays (the 25th to the 28th) bring payroll; the first days of a month bring rent.
fn kind_weights(weekend: bool, payday: bool, rent_days: bool) -> [f64; 12] {
    let trade = if weekend { 4.0 } else { 16.0 };
    let salary = if payday && !weekend { 14.0 } else { 0.6 };
    let rent = if rent_days { 9.0 } else { 1.0 };
    [
        30.0, 6.0, salary, rent, trade, 9.0, 1.2, 4.0, 5.0, 8.0, 1.0, 0.8,
    ]
}

/// The calendar facts of a day that change what people pay.
#[derive(Clone, Copy, Debug)]
pub struct Day {
    /// Saturday or Sunday.
    pub weekend: bool,
    /// 1 to 31: paydays fall on the 25th to 28th, rent on the 1st to 3rd.
    pub day_of_month: u32,
}

/// Draws ordinary transfers.
pub struct Economy {
    tables: Vec<AliasTable>,
}

impl Default for Economy {
    fn default() -> Self {
        Economy::new()
    }
}

impl Economy {
    /// The economy's kind tables.
    pub fn new() -> Economy {
        let tables = (0..8)
            .map(|i| AliasTable::new(&kind_weights(i & 1 != 0, i & 2 != 0, i & 4 != 0)))
            .collect();
        Economy { tables }
    }

    /// Appends `count` ordinary transfers with times in `[hour_start, hour_start + 3600)` to
    /// `out`, in time order.
    pub fn hour(
        &self,
        pop: &Population,
        rng: &mut SimRng,
        day: Day,
        hour_start: i64,
        count: u64,
        out: &mut Vec<SimTransfer>,
    ) {
        let weekend = day.weekend;
        let payday = (25..=28).contains(&day.day_of_month);
        let rent_days = day.day_of_month <= 3;
        let table = &self.tables
            [usize::from(weekend) | usize::from(payday) << 1 | usize::from(rent_days) << 2];
        // Minutes are drawn first and counted, so the transfers come out in time order and the
        // hour never needs sorting.
        let mut per_minute = [0u64; 60];
        for _ in 0..count {
            per_minute[rng.below(60)] += 1;
        }
        for (minute, &n) in per_minute.iter().enumerate() {
            let ts = hour_start + 60 * minute as i64;
            for _ in 0..n {
                let kind = KINDS[table.sample(rng)];
                out.push(draw(pop, rng, kind, ts));
            }
        }
    }
}

fn draw(pop: &Population, rng: &mut SimRng, kind: Kind, ts: i64) -> SimTransfer {
    use PaymentFormat::*;
    let t = |from, to, amount: f64, format| SimTransfer::new(pop, ts, from, to, amount, format);
    match kind {
        Kind::Card => {
            let payer = pop.active_person(rng);
            let shop = pop.merchant_near(payer, rng);
            t(payer, shop, rng.lognormal(38.0, 1.0), CreditCard)
        }
        Kind::Bill => {
            let payer = pop.any_person(rng);
            let utility = pop.company_near(payer, rng);
            t(payer, utility, rng.lognormal(95.0, 0.6), Ach)
        }
        Kind::Salary => salary(pop, rng, ts),
        Kind::Rent => {
            let tenant = pop.any_person(rng);
            let landlord = if rng.chance(0.5) {
                same_country_person(pop, rng, tenant)
            } else {
                pop.company_near(tenant, rng)
            };
            let format = if rng.chance(0.85) { Ach } else { Cheque };
            t(tenant, landlord, rng.lognormal(1_250.0, 0.45), format)
        }
        Kind::Trade => {
            let buyer = pop.sized_company(rng);
            let seller = pop.company_near(buyer, rng);
            let format = *rng.pick(&[Wire, Wire, Ach, Ach, Cheque]);
            t(buyer, seller, rng.lognormal(4_800.0, 1.5), format)
        }
        Kind::Personal => {
            let payer = pop.active_person(rng);
            let payee = same_country_person(pop, rng, payer);
            t(payer, payee, rng.lognormal(110.0, 1.1), Ach)
        }
        Kind::Remittance => {
            let payer = pop.active_person(rng);
            let payee = pop.any_person(rng);
            t(payer, payee, rng.lognormal(400.0, 0.8), Wire)
        }
        Kind::Deposit => {
            let holder = holder(pop, rng);
            let desk = pop.cash_desk_of(holder, rng);
            let median = if pop.persons.contains(&holder) {
                300.0
            } else {
                2_500.0
            };
            t(desk, holder, rng.lognormal(median, 1.1), Cash)
        }
        Kind::Withdrawal => {
            let holder = holder(pop, rng);
            let desk = pop.cash_desk_of(holder, rng);
            // Cash machines pay in notes: round to 20.
            let amount = (rng.lognormal(140.0, 0.8) / 20.0).round().max(1.0) * 20.0;
            t(holder, desk, amount, Cash)
        }
        Kind::Reinvestment => {
            let holder = holder(pop, rng);
            t(holder, holder, rng.lognormal(2_200.0, 1.3), Reinvestment)
        }
        Kind::Crypto => {
            let person = pop.active_person(rng);
            let exchange = pop.exchanges.start + rng.below(pop.exchanges.len()) as u32;
            let btc = rng.lognormal(0.02, 1.2);
            if rng.chance(0.6) {
                t(person, exchange, btc, Bitcoin)
            } else {
                t(exchange, person, btc, Bitcoin)
            }
        }
        Kind::Donation => {
            let donor = pop.any_person(rng);
            let charity = pop.charities.start + rng.below(pop.charities.len()) as u32;
            t(
                donor,
                charity,
                rng.lognormal(45.0, 0.9),
                *rng.pick(&[Ach, CreditCard]),
            )
        }
    }
}

fn salary(pop: &Population, rng: &mut SimRng, ts: i64) -> SimTransfer {
    // Draw employers by size until one has staff; most do, so this ends at once.
    for _ in 0..16 {
        let employer = pop.sized_company(rng);
        let staff = &pop.staff[(employer - pop.companies.start) as usize];
        if !staff.is_empty() {
            let employee = pop.employees[staff.start as usize + rng.below(staff.len())];
            let format = if rng.chance(0.9) {
                PaymentFormat::Ach
            } else {
                PaymentFormat::Cheque
            };
            return SimTransfer::new(
                pop,
                ts,
                employer,
                employee,
                rng.lognormal(3_100.0, 0.5),
                format,
            );
        }
    }
    let payer = pop.sized_company(rng);
    let payee = pop.any_person(rng);
    SimTransfer::new(
        pop,
        ts,
        payer,
        payee,
        rng.lognormal(3_100.0, 0.5),
        PaymentFormat::Ach,
    )
}

/// A person or company that handles cash or moves money between its own accounts.
fn holder(pop: &Population, rng: &mut SimRng) -> AccountIdx {
    if rng.chance(0.7) {
        pop.active_person(rng)
    } else {
        pop.sized_company(rng)
    }
}

fn same_country_person(pop: &Population, rng: &mut SimRng, payer: AccountIdx) -> AccountIdx {
    let country = pop.bank(payer).country as usize;
    let local = &pop.by_country[country];
    // Most personal payments stay in the country; `by_country` also holds companies, so retry
    // a few times for a person and fall back to anyone.
    for _ in 0..4 {
        let p = *rng.pick(local);
        if pop.persons.contains(&p) && p != payer {
            return p;
        }
    }
    pop.any_person(rng)
}
