//! Temporal cycles: money that leaves an account and comes back to it through a chain of
//! transfers, each later than the one before and carrying on a share of what the previous one
//! brought.
//!
//! From every transfer `a -> b` a bounded depth-first search over the [`Handoffs`] looks for
//! the shortest way back to `a`. A cycle's hops are strictly increasing in time, so its
//! earliest transfer is unique and each cycle is found from that transfer alone: no two
//! searches report the same cycle. At each account the way back is tried before going deeper,
//! once a cycle is found only shorter ones are looked for, and the last step is taken only to
//! accounts with a hand-off back to `a`.

use flowtrace_graph::{AccountId, TransferId};
use rayon::prelude::*;

use super::context::Ctx;
use super::explain::{duration, total, Side};
use super::handoffs::Handoffs;
use super::{score, CycleConfig, RuleHit, RuleKind};

/// Searches from every transfer over the hand-offs the sweep found.
pub(super) fn detect(ctx: &Ctx, config: &CycleConfig, handoffs: &Handoffs) -> Vec<RuleHit> {
    if config.max_hops < 2 || config.min_hops > config.max_hops {
        return Vec::new();
    }
    let n = ctx.t.len() as TransferId;
    (0..n)
        .into_par_iter()
        .map_init(Scratch::default, |scratch, first| {
            from_transfer(ctx, handoffs, config, first, scratch)
        })
        .filter_map(|hit| hit)
        .collect()
}

/// Buffers reused from one search to the next, as most searches end at their first step and
/// two allocations would cost more than the search.
#[derive(Default)]
struct Scratch {
    path: Vec<AccountId>,
    hops: Vec<TransferId>,
}

/// The shortest cycle whose first hop is `first`, if any.
fn from_transfer(
    ctx: &Ctx,
    handoffs: &Handoffs,
    config: &CycleConfig,
    first: TransferId,
    scratch: &mut Scratch,
) -> Option<RuleHit> {
    let t = ctx.t;
    let (a, b) = (t.src(first), t.dst(first));
    if a == b || ctx.is_hub(a) || handoffs.of(first).is_empty() {
        return None;
    }
    scratch.path.clear();
    scratch.path.extend([a, b]);
    scratch.hops.clear();
    scratch.hops.push(first);
    let mut search = Search {
        handoffs,
        config,
        a,
        end: ctx.end_id(ctx.ts(first).saturating_add(config.window)),
        path: &mut scratch.path,
        hops: &mut scratch.hops,
        steps: 0,
        best: None,
        longest: config.max_hops,
    };
    search.visit(first);
    let (transfers, path) = search.best?;
    Some(hit(ctx, config, path, transfers))
}

/// One search: the path so far is `path` (accounts) joined by `hops` (transfers).
struct Search<'a> {
    handoffs: &'a Handoffs,
    config: &'a CycleConfig,
    a: AccountId,
    /// First transfer id past the window.
    end: TransferId,
    path: &'a mut Vec<AccountId>,
    hops: &'a mut Vec<TransferId>,
    steps: usize,
    /// The shortest cycle so far: its transfers (closing one included) and accounts.
    best: Option<(Vec<TransferId>, Vec<AccountId>)>,
    /// Most hops a cycle may still have: `max_hops`, then one less than the best found.
    longest: usize,
}

impl<'a> Search<'a> {
    /// Hand-offs of `e` inside the window.
    fn onward(&self, e: TransferId) -> &'a [(TransferId, AccountId)] {
        let all = self.handoffs.of(e);
        &all[..all.partition_point(|&(out, _)| out < self.end)]
    }

    /// After transfer `via`: tries the way back, then each way onwards.
    fn visit(&mut self, via: TransferId) {
        self.steps += 1;
        let hops = self.hops.len() + 1;
        let onward = self.onward(via);
        if hops >= self.config.min_hops {
            if let Some(&(closing, _)) = onward.iter().find(|&&(_, z)| z == self.a) {
                let mut transfers = self.hops.clone();
                transfers.push(closing);
                self.best = Some((transfers, self.path.clone()));
                self.longest = hops - 1;
                return;
            }
        }
        for &(e, y) in onward {
            // Going on makes a cycle of at least `hops + 1` hops.
            if hops + 1 > self.longest || self.steps > self.config.step_budget {
                return;
            }
            if y == self.a || self.path.contains(&y) {
                continue;
            }
            let last_step = hops + 1 == self.longest;
            if last_step && !self.onward(e).iter().any(|&(_, z)| z == self.a) {
                continue;
            }
            self.path.push(y);
            self.hops.push(e);
            self.visit(e);
            self.path.pop();
            self.hops.pop();
        }
    }
}

fn hit(
    ctx: &Ctx,
    config: &CycleConfig,
    path: Vec<AccountId>,
    transfers: Vec<TransferId>,
) -> RuleHit {
    let t = ctx.t;
    let (first, closing) = (transfers[0], transfers[transfers.len() - 1]);
    let route: Vec<String> = path
        .iter()
        .chain([&path[0]])
        .map(|&v| ctx.label(v))
        .collect();
    let why = format!(
        "money went round {} in {} hops within {} ({} out, {} back)",
        route.join(" -> "),
        transfers.len(),
        duration(ctx.ts(closing) - ctx.ts(first)),
        total(t, &[first], Side::Paid),
        total(t, &[closing], Side::Received),
    );
    RuleHit {
        rule: RuleKind::TemporalCycle,
        score: score(transfers.len() - config.min_hops.max(2)),
        transfers,
        accounts: path,
        why,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{hits, hits_with, legs, names, Kit};
    use super::super::RuleConfig;
    use super::*;

    #[test]
    fn finds_a_four_hop_cycle_in_time_order() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 9_500.0);
        k.ach("b", "c", 10.0, 9_300.0);
        k.ach("c", "d", 20.0, 9_100.0);
        k.ach("d", "a", 50.0, 8_900.0);
        k.ach("b", "x", 11.0, 50.0);
        let g = k.graph();
        let found = hits(&g, RuleKind::TemporalCycle);
        assert_eq!(found.len(), 1);
        assert_eq!(legs(&g, &found[0].transfers), ["a>b", "b>c", "c>d", "d>a"]);
        assert_eq!(names(&g, &found[0]), ["a", "b", "c", "d"]);
        assert_eq!(
            found[0].why,
            "money went round b/a -> b/b -> b/c -> b/d -> b/a in 4 hops within 50 hours \
             (9,500 USD out, 8,900 USD back)"
        );
    }

    #[test]
    fn hops_out_of_time_order_are_not_a_cycle() {
        let mut k = Kit::new();
        k.ach("a", "b", 10.0, 1_000.0);
        k.ach("b", "c", 20.0, 1_000.0);
        k.ach("c", "a", 15.0, 1_000.0);
        k.ach("x", "y", 1.0, 1_000.0);
        k.ach("y", "x", 1.0, 1_000.0);
        assert!(hits(&k.graph(), RuleKind::TemporalCycle).is_empty());
    }

    #[test]
    fn a_hop_carrying_too_little_or_too_much_breaks_the_cycle() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 1_000.0);
        k.ach("b", "c", 1.0, 400.0);
        k.ach("c", "a", 2.0, 390.0);
        k.ach("x", "y", 0.0, 1_000.0);
        k.ach("y", "x", 1.0, 1_100.0);
        let g = k.graph();
        assert!(hits(&g, RuleKind::TemporalCycle).is_empty());
        let mut config = RuleConfig::default();
        config.cycle.min_carry = 0.3;
        config.cycle.max_carry = 1.2;
        assert_eq!(hits_with(&g, RuleKind::TemporalCycle, &config).len(), 2);
    }

    #[test]
    fn the_shortest_way_back_is_reported_once() {
        let mut k = Kit::new();
        k.ach("a", "b", 0.0, 1_000.0);
        k.ach("b", "c", 1.0, 1_000.0);
        k.ach("c", "a", 2.0, 1_000.0);
        k.ach("b", "a", 3.0, 1_000.0);
        let g = k.graph();
        let found = hits(&g, RuleKind::TemporalCycle);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(legs(&g, &found[0].transfers), ["a>b", "b>a"]);
    }

    #[test]
    fn a_cycle_longer_than_the_window_or_the_hop_limit_is_missed() {
        let mut k = Kit::new();
        let ring = ["a", "b", "c", "d", "e", "f", "g", "a"];
        for (i, pair) in ring.windows(2).enumerate() {
            k.ach(pair[0], pair[1], i as f64, 1_000.0);
        }
        let g = k.graph();
        assert!(hits(&g, RuleKind::TemporalCycle).is_empty(), "7 hops");
        let mut config = RuleConfig::default();
        config.cycle.max_hops = 7;
        assert_eq!(hits_with(&g, RuleKind::TemporalCycle, &config).len(), 1);
        config.cycle.window = 5 * 3600;
        assert!(hits_with(&g, RuleKind::TemporalCycle, &config).is_empty());
    }
}
