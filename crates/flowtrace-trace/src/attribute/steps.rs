//! The reached transfers as the fast walk reads them: who pays whom, how much, at which hop and
//! with which haircut share, gathered from the graph's columns into one small record each.
//!
//! The reached transfers are a sparse subset of the graph spread over all of it, so reading them
//! column by column costs a cache line per column per transfer. Gathering them in chunks lets
//! one thread stream through the columns while another does the walk's random account reads on
//! the chunk before (see [`super::fast`]).

use flowtrace_graph::{AccountId, TransferId};

use crate::reach::{Reach, Side};
use crate::shares::{side_amounts, Shares, TransferShare};
use crate::Tracer;
use flowtrace_memory::prefetch;

/// How many transfers ahead the gathering asks for the columns' cache lines.
const AHEAD: usize = 16;

/// One reached transfer, everything the walk needs of it.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Step {
    pub id: TransferId,
    pub from: AccountId,
    pub to: AccountId,
    pub hop: u8,
    /// What leaves `from`, in the base currency.
    pub out: f64,
    /// What arrives at `to`, in the base currency.
    pub arrived: f64,
    /// Haircut's share (default under poison).
    pub share: TransferShare,
}

/// Where steps are gathered from: one trace's graph, side, search and policy.
pub(super) struct Source<'a> {
    pub tracer: &'a Tracer<'a>,
    pub side: Side,
    pub reach: &'a Reach,
    pub shares: Option<&'a Shares>,
}

impl Source<'_> {
    /// Replaces `steps` with the steps of transfers `ids`, in that order.
    pub fn gather(&self, ids: &[TransferId], steps: &mut Vec<Step>) {
        let (g, rates, side) = (self.tracer.graph(), self.tracer.rates(), self.side);
        let t = g.transfers();
        steps.clear();
        steps.extend(ids.iter().enumerate().map(|(i, &e)| {
            // Four of the columns are wide enough that each reached transfer is a cache line of
            // its own; their lines are requested a few transfers ahead.
            if let Some(&ahead) = ids.get(i + AHEAD) {
                let ahead = ahead as usize;
                prefetch(t.srcs(), ahead);
                prefetch(t.dsts(), ahead);
                prefetch(t.amounts_paid(), ahead);
                if let Some(shares) = self.shares {
                    shares.prefetch(ahead as TransferId);
                }
            }
            let (out, arrived) = side_amounts(g, rates, side, e);
            Step {
                id: e,
                from: side.from(g, e),
                to: side.to(g, e),
                hop: self.reach.hops[e as usize],
                out,
                arrived,
                share: self.shares.map(|s| s.of(e)).unwrap_or_default(),
            }
        }));
    }
}
