//! Fan bursts: one account paying, or being paid by, many distinct accounts within days (the
//! AUSTRAC indicators "one sender to many beneficiaries" and "many senders to one beneficiary").

use flowtrace_graph::PaymentFormat;

use super::context::Ctx;
use super::explain::{duration, edges_total, plural};
use super::view::{Edge, View};
use super::window::{bursts, distinct, Event};
use super::{score, unique, FanConfig, RuleHit, RuleKind};

/// Fan-out and fan-in bursts of the account. A hub fans by trade (a merchant's thousand payers
/// are its customers), so hubs are skipped.
pub(super) fn account(ctx: &Ctx, config: &FanConfig, view: &View, hits: &mut Vec<RuleHit>) {
    if !ctx.is_hub(view.v) {
        direction(ctx, config, view, true, hits);
        direction(ctx, config, view, false, hits);
    }
}

fn direction(ctx: &Ctx, config: &FanConfig, view: &View, out: bool, hits: &mut Vec<RuleHit>) {
    let edges = if out { &view.outs } else { &view.ins };
    if edges.len() < config.min_counterparties {
        return;
    }
    // Card payments are shopping, and paying a utility or being paid by an employer is not a
    // fan: neither counts towards one. A card payment to an account that hardly transacts is
    // no purchase, so it counts.
    let shopping = |e: &Edge| {
        let payee = if out { e.other } else { view.v };
        e.format == PaymentFormat::CreditCard
            && ctx.graph.in_degree(payee) + ctx.graph.out_degree(payee)
                >= config.card_payee_max_degree
    };
    let kept: Vec<Edge> = edges
        .iter()
        .filter(|e| !shopping(e))
        .filter(|e| e.other != view.v && !ctx.is_hub(e.other))
        .copied()
        .collect();
    let events: Vec<Event> = kept
        .iter()
        .map(|e| Event {
            ts: e.ts,
            key: e.other,
        })
        .collect();
    for burst in bursts(&events, config.window, config.min_counterparties) {
        hits.push(hit(ctx, config, view, out, &kept[burst]));
    }
}

fn hit(ctx: &Ctx, config: &FanConfig, view: &View, out: bool, burst: &[Edge]) -> RuleHit {
    let width = distinct(burst.iter().map(|e| e.other));
    let accounts = plural(width, "distinct account");
    let (rule, shape) = if out {
        (
            RuleKind::FanOut,
            format!("{} paid {accounts}", ctx.label(view.v)),
        )
    } else {
        (
            RuleKind::FanIn,
            format!("{accounts} paid {}", ctx.label(view.v)),
        )
    };
    let why = format!(
        "{shape} within {} ({}, {} in total)",
        duration(burst[burst.len() - 1].ts - burst[0].ts),
        plural(burst.len(), "transfer"),
        edges_total(burst),
    );
    RuleHit {
        rule,
        transfers: burst.iter().map(|e| e.id).collect(),
        accounts: unique(std::iter::once(view.v).chain(burst.iter().map(|e| e.other))),
        score: score(width - config.min_counterparties),
        why,
    }
}

#[cfg(test)]
mod tests {
    use flowtrace_graph::PaymentFormat::CreditCard;

    use super::super::testkit::{hits, hits_with, legs, names, Kit};
    use super::super::{FanConfig, HubConfig, RuleConfig};
    use super::*;

    /// `hub` pays `n` distinct mules, 10 hours apart, 1,000 each.
    fn fan_out(n: usize) -> Kit {
        let mut k = Kit::new();
        for i in 0..n {
            k.ach("m", &format!("x{i}"), 10.0 * i as f64, 1_000.0);
        }
        k
    }

    #[test]
    fn eight_payees_in_three_days_are_a_fan_out() {
        let mut k = fan_out(8);
        k.ach("m", "x0", 75.0, 500.0);
        k.ach("m", "late", 24.0 * 5.0, 500.0);
        let g = k.graph();
        let found = hits(&g, RuleKind::FanOut);
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(hit.transfers.len(), 9, "{:?}", legs(&g, &hit.transfers));
        assert_eq!(names(&g, hit)[..3], ["m", "x0", "x1"]);
        assert_eq!(
            hit.why,
            "b/m paid 8 distinct accounts within 3.2 days (9 transfers, 8,500 USD in total)"
        );
        assert!(hits(&g, RuleKind::FanIn).is_empty());
    }

    #[test]
    fn seven_payees_are_not_enough() {
        let mut k = fan_out(7);
        k.ach("m", "x3", 71.0, 1_000.0);
        assert!(hits(&k.graph(), RuleKind::FanOut).is_empty());
    }

    /// A shop: paid by card by 30 customers over a month.
    fn shop(k: &mut Kit) {
        for i in 0..30 {
            k.pay(&format!("c{i}"), "shop", 24.0 * i as f64, 20.0, CreditCard);
        }
    }

    #[test]
    fn card_payments_and_a_wide_spread_do_not_count() {
        let mut k = fan_out(7);
        shop(&mut k);
        k.pay("m", "shop", 5.0, 20.0, CreditCard);
        k.ach("m", "x8", 24.0 * 4.0 + 0.1, 1_000.0);
        assert!(hits(&k.graph(), RuleKind::FanOut).is_empty());
    }

    #[test]
    fn card_payments_to_accounts_that_hardly_transact_count() {
        // Seven transfers and a card payment to an account with no other activity: eight.
        let mut k = fan_out(7);
        shop(&mut k);
        k.pay("m", "dormant", 5.0, 900.0, CreditCard);
        k.pay("m", "shop", 6.0, 20.0, CreditCard);
        let g = k.graph();
        let found = hits(&g, RuleKind::FanOut);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].transfers.len(),
            8,
            "{:?}",
            legs(&g, &found[0].transfers)
        );
        assert!(names(&g, &found[0]).contains(&"dormant".to_string()));
        assert!(!names(&g, &found[0]).contains(&"shop".to_string()));
        // With card payments never counted, seven are not enough.
        let config = RuleConfig {
            fan: FanConfig {
                card_payee_max_degree: 0,
                ..FanConfig::default()
            },
            ..RuleConfig::default()
        };
        assert!(hits_with(&g, RuleKind::FanOut, &config).is_empty());
    }

    #[test]
    fn payments_to_a_hub_do_not_count_and_a_hub_does_not_fan() {
        // x0 is paid by 20 others, which makes it a hub under these settings.
        let mut k = fan_out(8);
        for i in 0..20 {
            k.ach(&format!("c{i}"), "x0", 100.0 + i as f64, 10.0);
        }
        let config = RuleConfig {
            hubs: HubConfig {
                percentile: 95.0,
                min_degree: 15,
            },
            ..RuleConfig::default()
        };
        let g = k.graph();
        assert!(hits_with(&g, RuleKind::FanOut, &config).is_empty());
        assert!(hits_with(&g, RuleKind::FanIn, &config).is_empty());
        assert_eq!(
            hits(&g, RuleKind::FanIn).len(),
            1,
            "no hubs by default in a small world"
        );
    }

    #[test]
    fn many_payers_into_one_account_are_a_fan_in() {
        let mut k = Kit::new();
        for i in 0..9 {
            k.ach(&format!("x{i}"), "m", 2.0 * i as f64, 700.0);
        }
        let g = k.graph();
        let found = hits(&g, RuleKind::FanIn);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].why,
            "9 distinct accounts paid b/m within 16 hours (9 transfers, 6,300 USD in total)"
        );
        assert_eq!(found[0].score, score(1));
    }
}
