//! One sweep over the accounts runs every rule that looks at one account at a time.
//!
//! Each account's transfers are loaded into a [`View`] once, and structuring, fans,
//! scatter-gather (from its source), gather-scatter and crowdfunding run on it; the same sweep
//! collects the hand-offs that pass-through chains and temporal cycles are then built from.
//! Reading the columns is the expensive part, so doing it once instead of once per rule is
//! most of what makes the rules fast.

use flowtrace_graph::{AccountId, TransferId};
use rayon::prelude::*;

use super::context::Ctx;
use super::handoffs::{self, Link};
use super::outbox::Outbox;
use super::view::View;
use super::{crowdfunding, fan, gather_scatter, pass_through, scatter_gather, structuring};
use super::{RuleConfig, RuleHit};

/// What the sweep found: finished hits, and hand-offs for the rules that join them up.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) hits: Vec<RuleHit>,
    /// Pass-through hand-offs: (transfer in, transfer out).
    pub(crate) passes: Vec<(TransferId, TransferId)>,
    /// Cycle hand-offs.
    pub(crate) links: Vec<Link>,
}

impl Found {
    fn merge(mut self, other: Found) -> Found {
        self.hits.extend(other.hits);
        self.passes.extend(other.passes);
        self.links.extend(other.links);
        self
    }
}

/// Runs the per-account rules over every account, in parallel. The order of what it returns
/// depends on the thread count; callers sort.
pub(crate) fn sweep(ctx: &Ctx, config: &RuleConfig) -> Found {
    let outbox = Outbox::new(ctx);
    let accounts = ctx.graph.accounts().len() as AccountId;
    (0..accounts)
        .into_par_iter()
        .fold(
            || (View::default(), Found::default()),
            |(mut view, mut found), v| {
                view.load(ctx, v);
                visit(ctx, &outbox, config, &view, &mut found);
                (view, found)
            },
        )
        .map(|(_, found)| found)
        .reduce(Found::default, Found::merge)
}

fn visit(ctx: &Ctx, outbox: &Outbox, config: &RuleConfig, view: &View, found: &mut Found) {
    let hits = &mut found.hits;
    structuring::account(ctx, &config.structuring, view, hits);
    fan::account(ctx, &config.fan, view, hits);
    scatter_gather::account(ctx, outbox, &config.scatter, view, hits);
    gather_scatter::account(ctx, &config.scatter, view, hits);
    crowdfunding::account(ctx, &config.crowdfunding, view, hits);
    pass_through::handoffs(ctx, &config.pass_through, view, &mut found.passes);
    handoffs::through(ctx, &config.cycle, view, &mut found.links);
}
