//! Each account's payments out with the account they reach, side by side, for the one rule
//! that looks at other accounts' payments from inside the sweep (scatter-gather follows each
//! middle's payments out). Reading them from the time-sorted columns would cost a cache miss
//! per transfer; here a middle's payments are one contiguous run. 8 bytes a transfer.

use flowtrace_graph::{AccountId, TransferId};
use rayon::prelude::*;

use super::context::Ctx;

/// Payments out of every account as (id, account reached), ascending by id.
pub(crate) struct Outbox {
    offsets: Vec<usize>,
    entries: Vec<(TransferId, AccountId)>,
}

impl Outbox {
    pub(crate) fn new(ctx: &Ctx) -> Outbox {
        let n = ctx.graph.accounts().len() as AccountId;
        let mut offsets = Vec::with_capacity(n as usize + 1);
        offsets.push(0);
        for v in 0..n {
            offsets.push(offsets[v as usize] + ctx.graph.out_degree(v));
        }
        let entries = (0..n)
            .into_par_iter()
            .flat_map_iter(|v| ctx.graph.outgoing(v).iter().map(|&e| (e, ctx.t.dst(e))))
            .collect();
        Outbox { offsets, entries }
    }

    /// Payments out of `v` after `after`, ascending: callers stop where they need to, which
    /// saves a second binary search over a busy account's payments.
    pub(crate) fn after(&self, v: AccountId, after: TransferId) -> &[(TransferId, AccountId)] {
        let all = &self.entries[self.offsets[v as usize]..self.offsets[v as usize + 1]];
        &all[all.partition_point(|&(e, _)| e <= after)..]
    }
}
