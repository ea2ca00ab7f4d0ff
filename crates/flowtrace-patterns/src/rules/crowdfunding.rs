//! Crowdfunding-like collection: many small payments from distinct payers, then most of the
//! money sent on at once (FATF's red flags: unusually many transfers in, the promoter
//! withdrawing the funds straight away).

use super::context::Ctx;
use super::explain::{duration, edges_total, money, plural};
use super::view::{Edge, View};
use super::window::{bursts, Event};
use super::{score, unique, CrowdfundingConfig, RuleHit, RuleKind};

/// Donation drives into the account followed by a payment out. Shops and charities live on
/// small payments, so hubs are skipped.
pub(super) fn account(
    ctx: &Ctx,
    config: &CrowdfundingConfig,
    view: &View,
    hits: &mut Vec<RuleHit>,
) {
    if ctx.is_hub(view.v) || view.ins.len() < config.min_donors {
        return;
    }
    let donations: Vec<Edge> = view
        .ins
        .iter()
        .filter(|e| e.amount < config.max_donation && e.other != view.v && !ctx.is_hub(e.other))
        .copied()
        .collect();
    let events: Vec<Event> = donations
        .iter()
        .map(|e| Event {
            ts: e.ts,
            key: e.other,
        })
        .collect();
    for drive in bursts(&events, config.window, config.min_donors) {
        let drive = &donations[drive];
        if let Some(onward) = onward(config, view, drive) {
            hits.push(hit(ctx, config, view, drive, onward));
        }
    }
}

/// The first payment out after the last donation that carries on enough of their sum, and
/// not far more than it: paying out several times what came in is the account's own
/// business, not the donations moving on.
fn onward(config: &CrowdfundingConfig, view: &View, drive: &[Edge]) -> Option<Edge> {
    let sum: f64 = drive.iter().map(|e| e.amount).sum();
    let last = drive[drive.len() - 1];
    let (lo, hi) = (
        config.onward_fraction * sum,
        config.max_onward_fraction * sum,
    );
    view.outs_after(last.id, last.ts.saturating_add(config.onward_window))
        .iter()
        .find(|e| e.other != view.v && (lo..=hi).contains(&e.amount))
        .copied()
}

fn hit(
    ctx: &Ctx,
    config: &CrowdfundingConfig,
    view: &View,
    drive: &[Edge],
    onward: Edge,
) -> RuleHit {
    let donors = unique(drive.iter().map(|e| e.other));
    let sum: f64 = drive.iter().map(|e| e.amount).sum();
    let last = drive[drive.len() - 1];
    let why = format!(
        "{} under {} from {} into {} within {} ({}), then {} {} ({:.0}%) paid to {} {} after the last",
        plural(drive.len(), "payment"),
        money(config.max_donation),
        plural(donors.len(), "distinct account"),
        ctx.label(view.v),
        duration(last.ts - drive[0].ts),
        edges_total(drive),
        money(onward.amount),
        onward.currency,
        100.0 * onward.amount / sum,
        ctx.label(onward.other),
        duration(onward.ts - last.ts),
    );
    let mut transfers: Vec<_> = drive.iter().map(|e| e.id).collect();
    transfers.push(onward.id);
    RuleHit {
        rule: RuleKind::Crowdfunding,
        transfers,
        accounts: unique(
            [view.v, onward.other]
                .into_iter()
                .chain(donors.iter().copied()),
        ),
        score: score(donors.len() - config.min_donors),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{hits, legs, names, Kit};
    use super::*;

    /// `n` donors give 100 each to `c` over `n` hours; `c` sends `onward` at hour `at`.
    fn drive(n: usize, onward: f64, at: f64) -> Kit {
        let mut k = Kit::new();
        for i in 0..n {
            k.ach(&format!("d{i}"), "c", i as f64, 100.0);
        }
        k.ach("c", "p", at, onward);
        k
    }

    #[test]
    fn small_donations_sent_on_are_flagged() {
        let g = drive(10, 950.0, 30.0).graph();
        let found = hits(&g, RuleKind::Crowdfunding);
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(hit.transfers.len(), 11);
        assert_eq!(legs(&g, &hit.transfers[10..]), ["c>p"]);
        assert_eq!(names(&g, hit)[..3], ["c", "p", "d0"]);
        assert_eq!(
            hit.why,
            "10 payments under 500 from 10 distinct accounts into b/c within 9 hours (1,000 USD), \
             then 950 USD (95%) paid to b/p 21 hours after the last"
        );
        assert_eq!(hit.score, score(2));
    }

    #[test]
    fn seven_donors_or_a_small_or_late_payment_out_are_not_enough() {
        assert!(hits(&drive(7, 700.0, 10.0).graph(), RuleKind::Crowdfunding).is_empty());
        assert!(hits(&drive(8, 550.0, 10.0).graph(), RuleKind::Crowdfunding).is_empty());
        let late = 7.0 + 24.0 * 5.0 + 1.0;
        assert!(hits(&drive(8, 800.0, late).graph(), RuleKind::Crowdfunding).is_empty());
    }

    #[test]
    fn donations_of_500_or_more_do_not_count() {
        let mut k = drive(7, 1_200.0, 30.0);
        k.ach("rich", "c", 8.0, 500.0);
        assert!(hits(&k.graph(), RuleKind::Crowdfunding).is_empty());
    }
}
