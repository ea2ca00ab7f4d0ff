//! Gather-scatter: several accounts pay one account, which then pays several others: a
//! collection point (a cell's treasurer, a mule's pooling account) redistributing funds.

use super::context::Ctx;
use super::explain::{duration, edges_total, plural};
use super::view::{Edge, View};
use super::window::distinct;
use super::{score, unique, RuleHit, RuleKind, ScatterConfig};

/// Tries each payment out of the account as the turn from gathering to scattering; hubs
/// gather and scatter by trade, so they are skipped, as are transfers with hubs.
pub(super) fn account(ctx: &Ctx, config: &ScatterConfig, view: &View, hits: &mut Vec<RuleHit>) {
    let width = config.min_width.max(1);
    if ctx.is_hub(view.v) || view.ins.len() < width || view.outs.len() < width {
        return;
    }
    let keep = |e: &&Edge| e.other != view.v && !ctx.is_hub(e.other);
    let ins: Vec<Edge> = view.ins.iter().filter(keep).copied().collect();
    let outs: Vec<Edge> = view.outs.iter().filter(keep).copied().collect();
    let mut turn = 0;
    while turn < outs.len() {
        match instance(config, &ins, &outs, turn) {
            Some((gather, scatter)) => {
                hits.push(hit(ctx, config, view, gather, scatter));
                turn += scatter.len();
            }
            None => turn += 1,
        }
    }
}

/// The gather and scatter around the turn `outs[turn]`, if both are wide enough.
///
/// The gather must hold `min_width` distinct payers before the turn; the latest point where it
/// does fixes the start, so the scatter gets as much of the window as possible. The gather is
/// then widened back to everything that still fits the window with the scatter.
fn instance<'a>(
    config: &ScatterConfig,
    ins: &'a [Edge],
    outs: &'a [Edge],
    turn: usize,
) -> Option<(&'a [Edge], &'a [Edge])> {
    let turn_at = outs[turn].ts;
    let before = ins.partition_point(|e| e.id < outs[turn].id);
    let earliest = turn_at.saturating_sub(config.window);
    let width = config.min_width.max(1);
    let mut payers = Vec::with_capacity(width);
    let mut start = before;
    while payers.len() < width && start > 0 && ins[start - 1].ts >= earliest {
        start -= 1;
        if !payers.contains(&ins[start].other) {
            payers.push(ins[start].other);
        }
    }
    if payers.len() < width {
        return None;
    }
    let limit = ins[start].ts.saturating_add(config.window);
    let stop = turn + outs[turn..].partition_point(|e| e.ts <= limit);
    let scatter = &outs[turn..stop];
    if distinct(scatter.iter().map(|e| e.other)) < width {
        return None;
    }
    let from = scatter[scatter.len() - 1].ts.saturating_sub(config.window);
    let first = ins[..before].partition_point(|e| e.ts < from);
    Some((&ins[first..before], scatter))
}

fn hit(
    ctx: &Ctx,
    config: &ScatterConfig,
    view: &View,
    gather: &[Edge],
    scatter: &[Edge],
) -> RuleHit {
    let sources = distinct(gather.iter().map(|e| e.other));
    let sinks = distinct(scatter.iter().map(|e| e.other));
    let (first, last) = (gather[0].ts, scatter[scatter.len() - 1].ts);
    let why = format!(
        "{} paid {} {} within {}, then it paid {} {} within {} ({} from first to last)",
        plural(sources, "account"),
        ctx.label(view.v),
        edges_total(gather),
        duration(gather[gather.len() - 1].ts - first),
        plural(sinks, "account"),
        edges_total(scatter),
        duration(last - scatter[0].ts),
        duration(last - first),
    );
    let legs = gather.iter().chain(scatter);
    RuleHit {
        rule: RuleKind::GatherScatter,
        transfers: legs.clone().map(|e| e.id).collect(),
        accounts: unique(std::iter::once(view.v).chain(legs.map(|e| e.other))),
        score: score(sources.min(sinks) - config.min_width),
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{hits, legs, names, Kit};
    use super::*;

    /// `n_in` payers pay `h` at hours 0, 1, ...; `h` pays `n_out` sinks from hour 30 on.
    fn pivot(n_in: usize, n_out: usize) -> Kit {
        let mut k = Kit::new();
        for i in 0..n_in {
            k.ach(&format!("in{i}"), "h", i as f64, 2_000.0);
        }
        for i in 0..n_out {
            k.ach("h", &format!("out{i}"), 30.0 + i as f64, 1_900.0);
        }
        k
    }

    #[test]
    fn three_in_then_three_out_is_a_gather_scatter() {
        let g = pivot(3, 4).graph();
        let found = hits(&g, RuleKind::GatherScatter);
        assert_eq!(found.len(), 1);
        let hit = &found[0];
        assert_eq!(hit.transfers.len(), 7, "{:?}", legs(&g, &hit.transfers));
        assert_eq!(names(&g, hit)[..2], ["h", "in0"]);
        assert_eq!(
            hit.why,
            "3 accounts paid b/h 6,000 USD within 2 hours, then it paid 4 accounts 7,600 USD \
             within 3 hours (33 hours from first to last)"
        );
        assert_eq!(hit.score, score(0));
    }

    #[test]
    fn two_payers_or_two_payees_are_not_enough() {
        assert!(hits(&pivot(2, 5).graph(), RuleKind::GatherScatter).is_empty());
        assert!(hits(&pivot(5, 2).graph(), RuleKind::GatherScatter).is_empty());
    }

    #[test]
    fn payments_out_beyond_the_window_do_not_count() {
        let mut k = pivot(3, 2);
        k.ach("h", "late", 24.0 * 4.0 + 0.5, 1_000.0);
        assert!(hits(&k.graph(), RuleKind::GatherScatter).is_empty());
    }
}
