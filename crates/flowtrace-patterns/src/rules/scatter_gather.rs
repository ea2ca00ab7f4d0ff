//! Scatter-gather: one source splits money over several middle accounts, which all pass it to
//! the same sink; the layering step of laundering, and of moving funds through mules.

use std::collections::HashMap;

use flowtrace_graph::{AccountId, TransferId};

use super::context::Ctx;
use super::explain::{duration, plural, total, Side};
use super::outbox::Outbox;
use super::view::{Edge, View};
use super::window::distinct;
use super::{score, unique, RuleHit, RuleKind, ScatterConfig};

/// Two legs through one middle: `first` into it from the source, `second` out to the sink.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Leg {
    sink: AccountId,
    first: TransferId,
    second: TransferId,
    middle: AccountId,
}

/// Scatter-gathers with the account as their source. Hubs are skipped.
pub(super) fn account(
    ctx: &Ctx,
    outbox: &Outbox,
    config: &ScatterConfig,
    view: &View,
    hits: &mut Vec<RuleHit>,
) {
    if ctx.is_hub(view.v) || view.outs.len() < config.min_width {
        return;
    }
    let mut legs = legs(ctx, outbox, config, view);
    legs.sort_unstable();
    for group in legs.chunk_by(|x, y| x.sink == y.sink) {
        // Most sinks are reached through one middle: skip them before counting anything.
        if group.len() >= config.min_width && middles(group) >= config.min_width {
            gather(ctx, config, view.v, group, hits);
        }
    }
}

/// Every two-transfer path `s -> m -> k` inside the window, hubs left out at every position:
/// paying staff who then shop at the same supermarket is not layering. Only the first
/// `max_branching` payments of a middle after it was paid are followed, which keeps a busy
/// middle from costing its in-degree times its out-degree.
fn legs(ctx: &Ctx, outbox: &Outbox, config: &ScatterConfig, view: &View) -> Vec<Leg> {
    let s = view.v;
    let firsts: Vec<Edge> = view
        .outs
        .iter()
        .filter(|e| e.other != s && !ctx.is_hub(e.other))
        .copied()
        .collect();
    let mut legs = Vec::new();
    for (first, wide) in firsts.iter().zip(spread(&firsts, config)) {
        if !wide {
            continue;
        }
        let end = ctx.end_id(first.ts.saturating_add(config.window));
        let onward = outbox.after(first.other, first.id);
        for &(second, sink) in onward
            .iter()
            .take_while(|&&(e, _)| e < end)
            .take(config.max_branching)
        {
            if sink != s && sink != first.other && !ctx.is_hub(sink) {
                legs.push(Leg {
                    sink,
                    first: first.id,
                    second,
                    middle: first.other,
                });
            }
        }
    }
    legs
}

/// For each payment, whether the payments within `window` of it on either side reach at least
/// `min_width` distinct accounts: all first legs of an instance lie within the window of each
/// other, so a payment without that company cannot be part of one, and its middle's payments
/// need not be read. Most accounts pay few others in any few days, so this skips most reads.
fn spread(firsts: &[Edge], config: &ScatterConfig) -> Vec<bool> {
    let mut counts: HashMap<AccountId, u32> = HashMap::new();
    let (mut lo, mut hi) = (0, 0);
    let mut wide = Vec::with_capacity(firsts.len());
    for e in firsts {
        while hi < firsts.len() && firsts[hi].ts <= e.ts.saturating_add(config.window) {
            *counts.entry(firsts[hi].other).or_default() += 1;
            hi += 1;
        }
        while firsts[lo].ts < e.ts.saturating_sub(config.window) {
            let n = counts
                .get_mut(&firsts[lo].other)
                .expect("counted when it entered");
            *n -= 1;
            if *n == 0 {
                counts.remove(&firsts[lo].other);
            }
            lo += 1;
        }
        wide.push(counts.len() >= config.min_width);
    }
    wide
}

/// Distinct middles among legs.
fn middles(legs: &[Leg]) -> usize {
    distinct(legs.iter().map(|l| l.middle))
}

/// Instances among the legs to one sink (sorted by first transfer): each starts at a leg and
/// takes every leg that starts and ends within the window from it.
fn gather(ctx: &Ctx, config: &ScatterConfig, s: AccountId, group: &[Leg], hits: &mut Vec<RuleHit>) {
    let mut i = 0;
    while i < group.len() {
        let limit = ctx.ts(group[i].first).saturating_add(config.window);
        let reach = i + group[i..].partition_point(|l| ctx.ts(l.first) <= limit);
        let members: Vec<Leg> = group[i..reach]
            .iter()
            .copied()
            .filter(|l| ctx.ts(l.second) <= limit)
            .collect();
        if middles(&members) >= config.min_width {
            hits.push(hit(ctx, config, s, &members));
            i = reach;
        } else {
            i += 1;
        }
    }
}

fn hit(ctx: &Ctx, config: &ScatterConfig, s: AccountId, legs: &[Leg]) -> RuleHit {
    let t = ctx.t;
    let sink = legs[0].sink;
    let mut firsts: Vec<TransferId> = legs.iter().map(|l| l.first).collect();
    firsts.dedup();
    let seconds: Vec<TransferId> = legs.iter().map(|l| l.second).collect();
    let mut transfers = [firsts.as_slice(), &seconds].concat();
    transfers.sort_unstable();
    transfers.dedup();
    let width = middles(legs);
    let span = ctx.ts(transfers[transfers.len() - 1]) - ctx.ts(transfers[0]);
    let why = format!(
        "{} paid {} ({}) which each paid {} ({}) within {}",
        ctx.label(s),
        plural(width, "account"),
        total(t, &firsts, Side::Paid),
        ctx.label(sink),
        total(t, &seconds, Side::Received),
        duration(span),
    );
    RuleHit {
        rule: RuleKind::ScatterGather,
        transfers,
        accounts: unique([s, sink].into_iter().chain(legs.iter().map(|l| l.middle))),
        score: score(width - config.min_width),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{hits, legs, names, Kit};
    use super::*;

    /// `s` pays `width` middles 1,000 each at hour i; each pays `k` 950 at hour `10 + i + delay`.
    fn scatter(width: usize, delay: f64) -> Kit {
        let mut k = Kit::new();
        for i in 0..width {
            let m = format!("m{i}");
            k.ach("s", &m, i as f64, 1_000.0);
            k.ach(&m, "k", 10.0 + i as f64 + delay, 950.0);
        }
        k
    }

    #[test]
    fn three_middles_into_one_sink_are_a_scatter_gather() {
        let mut kit = scatter(3, 0.0);
        kit.ach("m0", "other", 11.0, 300.0);
        let g = kit.graph();
        let found = hits(&g, RuleKind::ScatterGather);
        assert_eq!(found.len(), 1);
        assert_eq!(
            legs(&g, &found[0].transfers),
            ["s>m0", "s>m1", "s>m2", "m0>k", "m1>k", "m2>k"]
        );
        assert_eq!(names(&g, &found[0]), ["s", "k", "m0", "m1", "m2"]);
        assert_eq!(
            found[0].why,
            "b/s paid 3 accounts (3,000 USD) which each paid b/k (2,850 USD) within 12 hours"
        );
    }

    #[test]
    fn two_middles_or_a_late_gather_are_not_enough() {
        assert!(hits(&scatter(2, 0.0).graph(), RuleKind::ScatterGather).is_empty());
        // The last middle pays the sink 4 days and 1 hour after the first payment out.
        let mut kit = scatter(2, 0.0);
        kit.ach("s", "m2", 2.0, 1_000.0);
        kit.ach("m2", "k", 97.0, 950.0);
        assert!(hits(&kit.graph(), RuleKind::ScatterGather).is_empty());
    }

    #[test]
    fn a_middle_paying_before_it_is_paid_does_not_count() {
        let mut kit = scatter(2, 0.0);
        kit.ach("m2", "k", 1.0, 950.0);
        kit.ach("s", "m2", 2.0, 1_000.0);
        assert!(hits(&kit.graph(), RuleKind::ScatterGather).is_empty());
    }
}
