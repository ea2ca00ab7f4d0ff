//! Structuring: cash deposited in several pieces just under the reporting threshold, often
//! followed by one payment of most of it (AUSTRAC's and FINTRAC's first indicator).

use flowtrace_graph::PaymentFormat;

use super::context::Ctx;
use super::explain::{currency_suffix, duration, money, money_range, plural};
use super::view::{Edge, View};
use super::window::{bursts, Event};
use super::{score, unique, RuleHit, RuleKind, StructuringConfig};

/// Runs of qualifying deposits into the account. Hubs are not skipped: a busy account
/// structuring cash is still structuring, and this rule only looks at its own deposits.
pub(super) fn account(ctx: &Ctx, config: &StructuringConfig, view: &View, hits: &mut Vec<RuleHit>) {
    if view.ins.len() < config.min_deposits {
        return;
    }
    let floor = config.threshold * config.lower_fraction;
    let deposits: Vec<Edge> = view
        .ins
        .iter()
        .filter(|e| e.format == PaymentFormat::Cash && e.other != view.v)
        .filter(|e| (floor..config.threshold).contains(&e.amount))
        .copied()
        .collect();
    // Every deposit counts, so each is its own key.
    let events: Vec<Event> = deposits
        .iter()
        .map(|e| Event {
            ts: e.ts,
            key: e.id,
        })
        .collect();
    for run in bursts(&events, config.window, config.min_deposits) {
        hits.push(hit(ctx, config, view, &deposits[run]));
    }
}

fn hit(ctx: &Ctx, config: &StructuringConfig, view: &View, deposits: &[Edge]) -> RuleHit {
    let sum: f64 = deposits.iter().map(|e| e.amount).sum();
    let last = deposits[deposits.len() - 1];
    let onward: Vec<Edge> = view
        .outs_after(last.id, last.ts.saturating_add(config.onward_window))
        .iter()
        .filter(|e| e.other != view.v && e.amount >= config.onward_fraction * sum)
        .copied()
        .collect();
    let (lo, hi) = deposits.iter().fold((f64::MAX, f64::MIN), |(lo, hi), e| {
        (lo.min(e.amount), hi.max(e.amount))
    });
    let mut why = format!(
        "{} of {}{} into {} within {}, each under the {} threshold",
        plural(deposits.len(), "cash deposit"),
        money_range(lo, hi),
        currency_suffix(deposits),
        ctx.label(view.v),
        duration(last.ts - deposits[0].ts),
        money(config.threshold),
    );
    if let Some(first) = onward.first() {
        why += &format!(
            "; then {} {} paid to {} {} after the last",
            money(first.amount),
            first.currency,
            ctx.label(first.other),
            duration(first.ts - last.ts),
        );
        if onward.len() > 1 {
            why += &format!(
                " (plus {} of that size)",
                plural(onward.len() - 1, "other payment")
            );
        }
    }
    let transfers = deposits.iter().chain(&onward).map(|e| e.id).collect();
    let others = onward.iter().chain(deposits).map(|e| e.other);
    RuleHit {
        rule: RuleKind::Structuring,
        transfers,
        accounts: unique(std::iter::once(view.v).chain(others)),
        score: score(deposits.len() - config.min_deposits + usize::from(!onward.is_empty())),
        why,
    }
}

#[cfg(test)]
mod tests {
    use flowtrace_graph::PaymentFormat::Cash;

    use super::super::testkit::{hits, legs, names, Kit};
    use super::*;

    /// Four deposits of 9,120-9,880 into `s` over 60 hours, a 35,000 wire at `wire_at` hours.
    fn structurer(first_amount: f64, wire_at: f64) -> Kit {
        let mut k = Kit::new();
        k.pay("desk", "s", 0.0, first_amount, Cash);
        k.pay("desk", "s", 20.0, 9_880.0, Cash);
        k.pay("desk2", "s", 40.0, 9_500.0, Cash);
        k.pay("desk", "s", 60.0, 9_300.0, Cash);
        k.ach("s", "shop", 61.0, 80.0);
        k.pay(
            "s",
            "abroad",
            wire_at,
            35_000.0,
            flowtrace_graph::PaymentFormat::Wire,
        );
        k
    }

    #[test]
    fn flags_deposits_under_the_threshold_and_the_payment_out() {
        let g = structurer(9_120.0, 84.0).graph();
        let found = hits(&g, RuleKind::Structuring);
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(
            legs(&g, &hit.transfers),
            ["desk>s", "desk>s", "desk2>s", "desk>s", "s>abroad"]
        );
        assert_eq!(names(&g, hit), ["s", "abroad", "desk", "desk2"]);
        assert_eq!(
            hit.why,
            "4 cash deposits of 9,120-9,880 USD into b/s within 60 hours, each under the 10,000 \
             threshold; then 35,000 USD paid to b/abroad 24 hours after the last"
        );
        assert_eq!(hit.score, score(2));
    }

    #[test]
    fn a_deposit_over_the_threshold_breaks_the_run() {
        let mut k = Kit::new();
        k.pay("desk", "s", 0.0, 9_500.0, Cash);
        k.pay("desk", "s", 10.0, 10_000.0, Cash);
        k.pay("desk", "s", 20.0, 9_700.0, Cash);
        assert!(hits(&k.graph(), RuleKind::Structuring).is_empty());
    }

    #[test]
    fn small_or_non_cash_or_slow_deposits_do_not_count() {
        let mut k = Kit::new();
        k.pay("desk", "s", 0.0, 7_900.0, Cash);
        k.ach("boss", "s", 1.0, 9_500.0);
        k.pay("desk", "s", 2.0, 9_500.0, Cash);
        k.pay("desk", "s", 3.0, 9_500.0, Cash);
        k.pay("desk", "s", 24.0 * 7.0 + 2.5, 9_500.0, Cash);
        assert!(hits(&k.graph(), RuleKind::Structuring).is_empty());
    }

    #[test]
    fn a_deposit_at_the_threshold_is_not_under_it() {
        let g = structurer(10_000.0, 84.0).graph();
        let hit = &hits(&g, RuleKind::Structuring)[0];
        assert!(
            hit.why.starts_with("3 cash deposits of 9,300-9,880 USD"),
            "{}",
            hit.why
        );
    }

    #[test]
    fn payments_out_too_small_or_too_late_are_not_flagged() {
        // The sum is 37,800, so a payment out needs at least 22,680 by 60 + 72 hours.
        let mut k = structurer(9_120.0, 133.0);
        k.ach("s", "friend", 62.0, 22_000.0);
        let g = k.graph();
        let hit = &hits(&g, RuleKind::Structuring)[0];
        assert_eq!(
            legs(&g, &hit.transfers),
            ["desk>s", "desk>s", "desk2>s", "desk>s"]
        );
        assert!(
            hit.why.ends_with("each under the 10,000 threshold"),
            "{}",
            hit.why
        );
        assert_eq!(hit.score, score(1));
    }
}
