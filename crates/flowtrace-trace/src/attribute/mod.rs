//! Amount attribution: how much of the traced money each reached transfer carried, how much each
//! account received and still holds, and where the money ended.
//!
//! Two ways, one answer. [`replay`] runs every transfer of the accounts the money reached through
//! per-account books; it handles every policy, window and time range. [`fast`] handles the
//! common case (haircut or poison, no window, the whole time range) by walking only the reached
//! transfers, each read as its move with haircut's data-only part worked out once per graph
//! ([`crate::moves`]). Tests check they agree.

mod fast;
mod replay;

pub(crate) use fast::AccountState;
pub use replay::replay;

use crate::flow::Flow;
use crate::query::{Policy, TraceQuery};
use crate::reach::{Reach, Side};
use crate::Tracer;

/// Attributes the traced money over the transfers `reach` found, the fast way when it applies.
pub fn attribute(tracer: &Tracer, query: &TraceQuery, side: Side, reach: &Reach) -> Flow {
    if walks_reached_only(tracer, query, reach) {
        fast::attribute(tracer, query, side, reach)
    } else {
        replay(tracer, query, side, reach)
    }
}

/// Whether the trace can be attributed from the reached transfers alone: the policy's books
/// need nothing else (poison), or what they need was worked out for the whole graph (haircut).
/// A window needs each account's arrival times, and a time range different opening balances.
pub fn walks_reached_only(tracer: &Tracer, query: &TraceQuery, reach: &Reach) -> bool {
    let whole = reach.range == (0..tracer.graph().transfers().len() as u32);
    query.window.is_none() && whole && matches!(query.policy, Policy::Haircut | Policy::Poison)
}
