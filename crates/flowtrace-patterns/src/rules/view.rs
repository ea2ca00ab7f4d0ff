//! One account's transfers, copied out of the columns once for every rule that looks at it.
//!
//! Transfers are stored by time, so an account's transfers are scattered over the whole
//! dataset and reading one field of one of them is a cache miss. Rules that each read the
//! fields they need would pay those misses once per rule; the sweep pays them once per
//! account, and the rules then work on a small, contiguous copy.

use flowtrace_graph::{AccountId, Currency, PaymentFormat, TransferId};

use super::context::Ctx;

/// A transfer as one account sees it: the amount and currency on its own side (paid for
/// transfers out, received for transfers in) and the account at the other end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Edge {
    pub(crate) id: TransferId,
    pub(crate) ts: i64,
    pub(crate) other: AccountId,
    pub(crate) amount: f64,
    pub(crate) currency: Currency,
    pub(crate) format: PaymentFormat,
}

/// An account and its transfers in and out, each in time order.
#[derive(Default)]
pub(crate) struct View {
    pub(crate) v: AccountId,
    pub(crate) ins: Vec<Edge>,
    pub(crate) outs: Vec<Edge>,
}

impl View {
    /// Fills the view with account `v`, reusing its buffers.
    pub(crate) fn load(&mut self, ctx: &Ctx, v: AccountId) {
        let t = ctx.t;
        self.v = v;
        self.ins.clear();
        self.ins
            .extend(ctx.graph.incoming(v).iter().map(|&id| Edge {
                id,
                ts: ctx.ts(id),
                other: t.src(id),
                amount: t.amount_received(id),
                currency: t.currency_received(id),
                format: t.format(id),
            }));
        self.outs.clear();
        self.outs
            .extend(ctx.graph.outgoing(v).iter().map(|&id| Edge {
                id,
                ts: ctx.ts(id),
                other: t.dst(id),
                amount: t.amount_paid(id),
                currency: t.currency_paid(id),
                format: t.format(id),
            }));
    }

    /// Transfers out after transfer `id` (later in time order) and at or before time `until`.
    pub(crate) fn outs_after(&self, id: TransferId, until: i64) -> &[Edge] {
        let start = self.outs.partition_point(|e| e.id <= id);
        let stop = self.outs.partition_point(|e| e.ts <= until).max(start);
        &self.outs[start..stop]
    }
}
