//! Rapid pass-through: money that stays only hours in each account on its way, most of it
//! passed on each time (mule chains, layering).
//!
//! First each account's hand-offs are found, in the sweep over accounts: a transfer in, then
//! within `max_delay` a transfer out to someone else of most of that amount. Hand-offs then
//! join into chains where one hand-off's transfer out is the next one's transfer in. Each
//! transfer in takes the earliest fitting transfer out, and each transfer out keeps the latest
//! transfer in that chose it, so every transfer has at most one successor and one predecessor
//! and chains never branch.

use std::cmp::Reverse;

use flowtrace_graph::{AccountId, TransferId};

use super::context::Ctx;
use super::explain::{duration, total, Side};
use super::view::View;
use super::{score, unique, PassThroughConfig, RuleHit, RuleKind};

/// Transfers out looked at per transfer in: an account paying out more often than this within
/// hours of a receipt behaves like a business, and scanning all of them would be quadratic.
const SCAN_LIMIT: usize = 256;

/// Joins the hand-offs found by [`handoffs`] into chains and reports the long ones.
pub(super) fn chains_of(
    ctx: &Ctx,
    config: &PassThroughConfig,
    mut links: Vec<(TransferId, TransferId)>,
) -> Vec<RuleHit> {
    links.sort_unstable_by_key(|&(into, out)| (out, Reverse(into)));
    links.dedup_by_key(|link| link.1);
    links.sort_unstable();
    chains(&links)
        .into_iter()
        .filter(|chain| chain.len() >= config.min_hops.max(2))
        .map(|chain| hit(ctx, config, chain))
        .collect()
}

/// (transfer in, transfer out) pairs through the account: each transfer in with the earliest
/// transfer out that passes it on. Hubs are skipped.
pub(super) fn handoffs(
    ctx: &Ctx,
    config: &PassThroughConfig,
    view: &View,
    links: &mut Vec<(TransferId, TransferId)>,
) {
    if ctx.is_hub(view.v) || view.outs.is_empty() {
        return;
    }
    for into in &view.ins {
        if into.other == view.v || into.amount < config.min_amount {
            continue;
        }
        let (lo, hi) = (
            config.min_fraction * into.amount,
            config.max_fraction * into.amount,
        );
        let outs = view.outs_after(into.id, into.ts.saturating_add(config.max_delay));
        let next = outs.iter().take(SCAN_LIMIT).find(|out| {
            out.other != into.other
                && out.other != view.v
                && out.currency == into.currency
                && out.amount >= config.min_amount
                && (lo..=hi).contains(&out.amount)
        });
        if let Some(out) = next {
            links.push((into.id, out.id));
        }
    }
}

/// Maximal chains of linked transfers; `links` is sorted and has one link per transfer in and
/// one per transfer out.
fn chains(links: &[(TransferId, TransferId)]) -> Vec<Vec<TransferId>> {
    let mut outs: Vec<TransferId> = links.iter().map(|l| l.1).collect();
    outs.sort_unstable();
    let next = |id: TransferId| {
        links
            .binary_search_by_key(&id, |l| l.0)
            .ok()
            .map(|k| links[k].1)
    };
    let mut found = Vec::new();
    for &(head, _) in links {
        if outs.binary_search(&head).is_ok() {
            continue;
        }
        let mut chain = vec![head];
        let mut at = head;
        while let Some(out) = next(at) {
            chain.push(out);
            at = out;
        }
        found.push(chain);
    }
    found
}

fn hit(ctx: &Ctx, config: &PassThroughConfig, chain: Vec<TransferId>) -> RuleHit {
    let t = ctx.t;
    let route: Vec<AccountId> = std::iter::once(t.src(chain[0]))
        .chain(chain.iter().map(|&e| t.dst(e)))
        .collect();
    let longest = chain
        .windows(2)
        .map(|w| ctx.ts(w[1]) - ctx.ts(w[0]))
        .max()
        .unwrap_or(0);
    let last = chain[chain.len() - 1];
    let labels: Vec<String> = route.iter().map(|&v| ctx.label(v)).collect();
    let why = format!(
        "{} passed on along {} ({} arriving at the end), each hop within {} of the one \
         before, {} in all",
        total(t, &chain[..1], Side::Paid),
        labels.join(" -> "),
        total(t, &[last], Side::Received),
        duration(longest),
        duration(ctx.ts(last) - ctx.ts(chain[0])),
    );
    RuleHit {
        rule: RuleKind::PassThrough,
        accounts: unique(route),
        score: score(chain.len() - config.min_hops.max(2)),
        transfers: chain,
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{hits, legs, names, Kit};
    use super::*;

    #[test]
    fn a_chain_of_quick_hand_offs_is_flagged() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 12_000.0);
        k.ach("b", "c", 20.0, 11_500.0);
        k.ach("c", "d", 30.0, 11_000.0);
        k.ach("d", "e", 70.0, 10_900.0);
        k.ach("b", "shop", 21.0, 11_000.0 * 0.5);
        let g = k.graph();
        let found = hits(&g, RuleKind::PassThrough);
        assert_eq!(found.len(), 1);
        assert_eq!(legs(&g, &found[0].transfers), ["a>b", "b>c", "c>d", "d>e"]);
        assert_eq!(names(&g, &found[0]), ["a", "b", "c", "d", "e"]);
        assert_eq!(
            found[0].why,
            "12,000 USD passed on along b/a -> b/b -> b/c -> b/d -> b/e (10,900 USD arriving at \
             the end), each hop within 40 hours of the one before, 70 hours in all"
        );
        assert_eq!(found[0].score, score(1));
    }

    #[test]
    fn a_hand_off_after_49_hours_breaks_the_chain() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 12_000.0);
        k.ach("b", "c", 49.0, 11_500.0);
        k.ach("c", "d", 50.0, 11_000.0);
        assert!(hits(&k.graph(), RuleKind::PassThrough).is_empty());
    }

    #[test]
    fn too_little_passed_on_or_back_to_the_payer_breaks_the_chain() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 12_000.0);
        k.ach("b", "c", 1.0, 10_000.0);
        k.ach("c", "d", 2.0, 9_500.0);
        k.ach("x", "y", 0.0, 5_000.0);
        k.ach("y", "x", 1.0, 4_900.0);
        k.ach("x", "z", 2.0, 4_800.0);
        k.ach("p", "q", 0.0, 900.0);
        k.ach("q", "r", 1.0, 880.0);
        k.ach("r", "s", 2.0, 870.0);
        assert!(hits(&k.graph(), RuleKind::PassThrough).is_empty());
    }

    #[test]
    fn two_senders_into_one_hand_off_make_one_chain() {
        let mut k = Kit::new();
        k.ach("a1", "b", 0.0, 5_000.0);
        k.ach("a2", "b", 1.0, 5_000.0);
        k.ach("b", "c", 2.0, 4_800.0);
        k.ach("c", "d", 3.0, 4_700.0);
        let g = k.graph();
        let found = hits(&g, RuleKind::PassThrough);
        assert_eq!(found.len(), 1);
        assert_eq!(legs(&g, &found[0].transfers), ["a2>b", "b>c", "c>d"]);
    }
}
