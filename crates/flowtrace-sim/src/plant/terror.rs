//! Terrorist-financing typologies: small, clean money put to dirty use (see TYPOLOGIES.md).
//!
//! Unlike laundering, the money starts clean (donations, wages, trade) and the amounts are
//! small; what gives it away is where it goes (corridor countries, cash, listed parties) and
//! how it is gathered (many small donors, deposits under the threshold, round invoices).

use flowtrace_graph::PaymentFormat::*;

use super::context::{Draft, PlantContext};
use super::{Role, Typology};
use crate::config::TerrorConfig;
use crate::world::population::AccountIdx;

/// Plants one instance of terrorist-financing typology `typology`.
pub fn plant(
    ctx: &mut PlantContext,
    config: &TerrorConfig,
    typology: Typology,
    max: usize,
) -> Option<Draft> {
    match typology {
        Typology::Crowdfunding => crowdfunding(ctx, config, max),
        Typology::CharityDiversion => charity_diversion(ctx, max),
        Typology::Structuring => structuring(ctx, config, max),
        Typology::TradeBased => trade_based(ctx, max),
        Typology::ListedParty => listed_party(ctx, max),
        _ => None,
    }
}

/// Donors -> collectors -> pool -> pass-through -> corridor account -> cash.
fn crowdfunding(ctx: &mut PlantContext, config: &TerrorConfig, max: usize) -> Option<Draft> {
    let collectors = 1 + ctx.rng.below(3);
    let fixed = collectors + 3;
    let [lo, hi] = config.donors.map(|d| d as usize);
    let hi = hi.min(max.checked_sub(fixed)?);
    if hi < lo {
        return None;
    }
    let donors = lo + ctx.rng.below(hi - lo + 1);
    let collector_accounts: Vec<AccountIdx> = (0..collectors).map(|_| ctx.person()).collect();
    let (pool, pass, beneficiary) = (ctx.person(), ctx.person(), ctx.corridor());
    let country = ctx.pop.country(beneficiary).name;
    let mut draft = Draft::new(
        Typology::Crowdfunding,
        format!("{donors} donors, {collectors} collectors, cash out in {country}"),
    );
    let start = ctx.start_time();
    let span = ctx.days_left(4.0);
    let mut raised = vec![0.0; collectors];
    let mut last_in = vec![start; collectors];
    for _ in 0..donors {
        let donor = ctx.person();
        let c = ctx.rng.below(collectors);
        let ts = ctx.within_days(start, span * 0.6);
        let amount = ctx.rng.lognormal(60.0, 0.8).min(2_000.0);
        let format = if ctx.rng.chance(0.7) { Ach } else { CreditCard };
        draft
            .transfers
            .push(ctx.transfer(ts, donor, collector_accounts[c], amount, format));
        draft.roles.push((donor, Role::Funder));
        raised[c] += amount;
        last_in[c] = last_in[c].max(ts);
    }
    let mut pooled_at = start;
    let mut pooled = 0.0;
    for (c, &collector) in collector_accounts.iter().enumerate() {
        // A collector that raised nothing still forwards a token sum of its own money.
        let amount = (raised[c] * 0.97).max(50.0);
        let ts = ctx.after(last_in[c], 2.0, 24.0);
        pooled_at = pooled_at.max(ts);
        pooled += amount;
        draft
            .transfers
            .push(ctx.transfer(ts, collector, pool, amount, Ach));
        draft.roles.push((collector, Role::Collector));
    }
    let t1 = ctx.after(pooled_at, 1.0, 24.0);
    let pooled = ctx.converted(pooled, collector_accounts[0], pool);
    draft
        .transfers
        .push(ctx.transfer(t1, pool, pass, pooled * 0.98, Ach));
    let t2 = ctx.after(t1, 1.0, 24.0);
    let passed = ctx.converted(pooled * 0.95, pool, pass);
    draft
        .transfers
        .push(ctx.transfer(t2, pass, beneficiary, passed, Wire));
    let t3 = ctx.after(t2, 1.0, 48.0);
    let desk = ctx.pop.cash_desk_of(beneficiary, ctx.rng);
    let cash = ctx.converted(pooled * 0.9, pass, beneficiary);
    draft
        .transfers
        .push(ctx.transfer(t3, beneficiary, desk, cash, Cash));
    draft.roles.extend([
        (pool, Role::Intermediary),
        (pass, Role::Intermediary),
        (beneficiary, Role::Beneficiary),
    ]);
    Some(draft)
}

/// A charity with honest donors (in the background economy) pays front accounts, which wire
/// the money on to a corridor country or take it out as cash.
fn charity_diversion(ctx: &mut PlantContext, max: usize) -> Option<Draft> {
    let fronts = 1 + ctx.rng.below(3);
    let rounds = 1 + ctx.rng.below(3);
    if fronts * (rounds + 1) > max {
        return None;
    }
    let charity = ctx.fresh(|pop, rng| pop.charities.start + rng.below(pop.charities.len()) as u32);
    let front_accounts: Vec<AccountIdx> = (0..fronts).map(|_| ctx.person()).collect();
    let mut draft = Draft::new(
        Typology::CharityDiversion,
        format!("{rounds} payments to each of {fronts} front accounts"),
    );
    let start = ctx.start_time();
    let span = ctx.days_left(6.0);
    for &front in &front_accounts {
        let mut last = start;
        let mut received = 0.0;
        for _ in 0..rounds {
            let ts = ctx.within_days(start, span * 0.6);
            let amount = ctx.rng.lognormal(3_500.0, 0.5);
            let format = *ctx.rng.pick(&[Ach, Wire]);
            draft
                .transfers
                .push(ctx.transfer(ts, charity, front, amount, format));
            last = last.max(ts);
            received += ctx.converted(amount, charity, front);
        }
        let ts = ctx.after(last, 2.0, 48.0);
        if ctx.rng.chance(0.5) {
            let beneficiary = ctx.corridor();
            draft
                .transfers
                .push(ctx.transfer(ts, front, beneficiary, received * 0.95, Wire));
            draft.roles.push((beneficiary, Role::Beneficiary));
        } else {
            let desk = ctx.pop.cash_desk_of(front, ctx.rng);
            let cash = (received * 0.9 / 100.0).floor().max(1.0) * 100.0;
            draft
                .transfers
                .push(ctx.transfer(ts, front, desk, cash, Cash));
        }
        draft.roles.push((front, Role::Front));
    }
    draft.roles.push((charity, Role::Collector));
    Some(draft)
}

/// Cash deposits just under the reporting threshold at the branches of one bank, by the
/// structurer and sometimes a relative, then one wire of the total to a corridor country.
fn structuring(ctx: &mut PlantContext, config: &TerrorConfig, max: usize) -> Option<Draft> {
    let [lo, hi] = config.deposits.map(|d| d as usize);
    let hi = hi.min(max.checked_sub(1)?);
    if hi < lo {
        return None;
    }
    let deposits = lo + ctx.rng.below(hi - lo + 1);
    let structurer = ctx.person();
    let relative = ctx.rng.chance(0.4).then(|| ctx.person());
    let beneficiary = ctx.corridor();
    let threshold = config.reporting_threshold;
    let mut draft = Draft::new(
        Typology::Structuring,
        format!("{deposits} cash deposits under {threshold:.0}"),
    );
    let start = ctx.start_time();
    let span = ctx.days_left(7.0);
    let mut total = 0.0;
    let mut last = start;
    for k in 0..deposits {
        let account = match relative {
            Some(r) if k % 2 == 1 => r,
            _ => structurer,
        };
        let desk = ctx.pop.cash_desk_of(account, ctx.rng);
        // Between 80% and 99% of the threshold, in whole tens: what a person counting notes
        // would bring.
        let amount = ((0.80 + 0.19 * ctx.rng.unit()) * threshold / 10.0).floor() * 10.0;
        let ts = ctx.within_days(start, span * 0.8);
        last = last.max(ts);
        total += amount;
        draft
            .transfers
            .push(ctx.transfer(ts, desk, account, amount, Cash));
    }
    let ts = ctx.after(last, 1.0, 24.0);
    draft
        .transfers
        .push(ctx.transfer(ts, structurer, beneficiary, total * 0.97, Wire));
    draft.roles.push((structurer, Role::Collector));
    if let Some(r) = relative {
        draft.roles.push((r, Role::Collector));
    }
    draft.roles.push((beneficiary, Role::Beneficiary));
    Some(draft)
}

/// A front company pays round, invoice-like sums for goods (oil) to trading intermediaries,
/// which pay the end company slightly less.
fn trade_based(ctx: &mut PlantContext, max: usize) -> Option<Draft> {
    let hops = 1 + ctx.rng.below(2);
    let invoices = 2 + ctx.rng.below(5);
    let invoices = invoices.min(max / (hops + 1));
    if invoices < 1 {
        return None;
    }
    let front = ctx.company();
    let intermediaries: Vec<AccountIdx> = (0..hops).map(|_| ctx.company()).collect();
    let end = ctx.fresh(|pop, rng| {
        pop.corridor_account(rng)
            .unwrap_or_else(|| pop.sized_company(rng))
    });
    let mut draft = Draft::new(
        Typology::TradeBased,
        format!("{invoices} oil invoices via {hops} intermediaries"),
    );
    let start = ctx.start_time();
    let span = ctx.days_left(8.0);
    for _ in 0..invoices {
        // Invoices in whole thousands: round sums are a documented trade-based red flag.
        let mut amount = (ctx.rng.lognormal(40_000.0, 0.7) / 1_000.0)
            .round()
            .max(5.0)
            * 1_000.0;
        let mut t = ctx.within_days(start, span * 0.6);
        let mut from = front;
        for &to in intermediaries.iter().chain(std::iter::once(&end)) {
            draft
                .transfers
                .push(ctx.transfer(t, from, to, amount, Wire));
            t = ctx.after(t, 4.0, 48.0);
            amount = (amount * 0.96 / 500.0).round() * 500.0;
            from = to;
        }
    }
    draft.roles.push((front, Role::Front));
    draft
        .roles
        .extend(intermediaries.iter().map(|&a| (a, Role::Intermediary)));
    draft.roles.push((end, Role::Beneficiary));
    Some(draft)
}

/// Money reaching a listed party's account (directly or through one intermediary), or leaving
/// one for a front that spends it.
fn listed_party(ctx: &mut PlantContext, max: usize) -> Option<Draft> {
    let listed = &ctx.pop.listed;
    if listed.is_empty() || max < 1 {
        return None;
    }
    let party = ctx.fresh(|pop, rng| pop.listed.start + rng.below(pop.listed.len()) as u32);
    let mut draft = Draft::new(Typology::ListedParty, "");
    let start = ctx.start_time();
    let payments = 1 + ctx.rng.below(3);
    match ctx.rng.below(3) {
        0 => {
            // Funders pay the listed party directly.
            for _ in 0..payments.min(max) {
                let funder = ctx.person();
                let ts = ctx.within_days(start, ctx.days_left(3.0));
                let amount = ctx.rng.lognormal(900.0, 0.7);
                draft
                    .transfers
                    .push(ctx.transfer(ts, funder, party, amount, Wire));
                draft.roles.push((funder, Role::Funder));
            }
            draft.detail = "paid directly".into();
        }
        1 if max >= 2 => {
            // Through an intermediary, so the listed party is one hop away.
            let (funder, middle) = (ctx.person(), ctx.person());
            let amount = ctx.rng.lognormal(2_500.0, 0.6);
            let t2 = ctx.after(start, 2.0, 48.0);
            draft
                .transfers
                .push(ctx.transfer(start, funder, middle, amount, Ach));
            draft
                .transfers
                .push(ctx.transfer(t2, middle, party, amount * 0.97, Wire));
            draft
                .roles
                .extend([(funder, Role::Funder), (middle, Role::Intermediary)]);
            draft.detail = "paid through an intermediary".into();
        }
        _ => {
            // The listed party pays a front, which takes the money out in cash.
            let front = ctx.person();
            let amount = ctx.rng.lognormal(4_000.0, 0.6);
            draft
                .transfers
                .push(ctx.transfer(start, party, front, amount, Wire));
            if max >= 2 {
                let ts = ctx.after(start, 2.0, 48.0);
                let desk = ctx.pop.cash_desk_of(front, ctx.rng);
                let cash = ctx.converted(amount * 0.9, party, front);
                draft
                    .transfers
                    .push(ctx.transfer(ts, front, desk, cash, Cash));
            }
            draft.roles.push((front, Role::Front));
            draft.detail = "paying a front".into();
        }
    }
    draft.roles.push((party, Role::Listed));
    Some(draft)
}
