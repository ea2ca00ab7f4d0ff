//! Hand-offs: for each transfer into an account, the later transfers out of that account that
//! could be the same money moving on (within a window, carrying on a share of the amount).
//!
//! Cycle searches walk these links instead of the raw graph. Finding them is one pass per
//! account over its own inbox and outbox, which stay in cache while it runs; a search that
//! tested the same transfers at every visit would miss the cache at each one, and on a
//! 5-million-transfer world that was most of its time. The links are few (about one per
//! transfer with the default cycle bounds) and cost 8 bytes each plus 4 a transfer.

use flowtrace_graph::{AccountId, TransferId};
use rayon::prelude::*;

use super::context::Ctx;
use super::view::View;
use super::CycleConfig;

/// A hand-off as found: (transfer in, transfer out, account the transfer out reaches).
pub(crate) type Link = (TransferId, TransferId, AccountId);

/// For every transfer, its hand-offs as (transfer out, account it reaches), ascending.
pub(crate) struct Handoffs {
    offsets: Vec<u32>,
    next: Vec<(TransferId, AccountId)>,
}

impl Handoffs {
    /// Indexes the links found by [`through`] for each account, by transfer in.
    pub(crate) fn new(ctx: &Ctx, mut links: Vec<Link>) -> Handoffs {
        links.par_sort_unstable();
        let mut offsets = vec![0u32; ctx.t.len() + 1];
        for &(into, _, _) in &links {
            offsets[into as usize + 1] += 1;
        }
        for i in 0..ctx.t.len() {
            offsets[i + 1] += offsets[i];
        }
        let next = links.into_iter().map(|(_, out, z)| (out, z)).collect();
        Handoffs { offsets, next }
    }

    /// Hand-offs of transfer `e`, ascending by the transfer out.
    #[inline]
    pub(crate) fn of(&self, e: TransferId) -> &[(TransferId, AccountId)] {
        let (from, to) = (self.offsets[e as usize], self.offsets[e as usize + 1]);
        &self.next[from as usize..to as usize]
    }
}

/// The hand-offs through the viewed account: for each transfer in, the first `max_branching`
/// transfers out strictly later and within the window, kept when they carry on between
/// `min_carry` and `max_carry` of the amount in the same currency and do not reach a hub. A
/// hub's own transfers are not linked: money through a merchant is not the same money.
pub(crate) fn through(ctx: &Ctx, config: &CycleConfig, view: &View, links: &mut Vec<Link>) {
    if ctx.is_hub(view.v) || view.outs.is_empty() {
        return;
    }
    let any = config.min_carry <= 0.0 && config.max_carry == f64::INFINITY;
    for into in view.ins.iter().filter(|e| e.other != view.v) {
        let (lo, hi) = (
            config.min_carry * into.amount,
            config.max_carry * into.amount,
        );
        let later = view.outs.partition_point(|e| e.ts <= into.ts);
        let until = into.ts.saturating_add(config.window);
        for out in view.outs[later..]
            .iter()
            .take_while(|e| e.ts <= until)
            .take(config.max_branching)
        {
            // Without bounds on the amount, currencies need not match either.
            let carries = any || (out.currency == into.currency && (lo..=hi).contains(&out.amount));
            if carries && out.other != view.v && !ctx.is_hub(out.other) {
                links.push((into.id, out.id, out.other));
            }
        }
    }
}
