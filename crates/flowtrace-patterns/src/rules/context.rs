//! What every rule needs besides its thresholds: the graph, the hub accounts, and time windows
//! expressed as transfer-id ranges.

use flowtrace_graph::{AccountId, TemporalGraph, TransferId, Transfers};
use rayon::prelude::*;

use super::HubConfig;

/// The graph as the rules see it.
pub(crate) struct Ctx<'g> {
    pub(crate) graph: &'g TemporalGraph,
    pub(crate) t: &'g Transfers,
    times: Times,
    hubs: Vec<bool>,
}

/// Every transfer's time, unpacked. The model stores a minute-resolution column as runs of
/// equal times, where reading one time is a binary search; the rules read times in their
/// innermost loops, so they pay 4 bytes a transfer for a plain array instead.
enum Times {
    Offsets { base: i64, offsets: Vec<u32> },
    Wide(Vec<i64>),
}

impl<'g> Ctx<'g> {
    pub(crate) fn new(graph: &'g TemporalGraph, config: &HubConfig) -> Ctx<'g> {
        let t = graph.transfers();
        Ctx {
            graph,
            t,
            times: unpack(t),
            hubs: hubs(graph, config),
        }
    }

    /// Time of transfer `id`.
    #[inline]
    pub(crate) fn ts(&self, id: TransferId) -> i64 {
        match &self.times {
            Times::Offsets { base, offsets } => base + i64::from(offsets[id as usize]),
            Times::Wide(times) => times[id as usize],
        }
    }

    /// Whether `v` is a hub (see [`HubConfig`]).
    #[inline]
    pub(crate) fn is_hub(&self, v: AccountId) -> bool {
        self.hubs[v as usize]
    }

    /// The first transfer id later than time `t`: with ids in time order, "at or before `t`"
    /// is then a comparison of ids, with no timestamp to load.
    pub(crate) fn end_id(&self, t: i64) -> TransferId {
        let at = t
            .checked_add(1)
            .map_or(self.t.len(), |t| self.t.first_at_or_after(t));
        at as TransferId
    }

    /// `bank/number`, the way an analyst writes an account.
    pub(crate) fn label(&self, v: AccountId) -> String {
        let accounts = self.graph.accounts();
        format!("{}/{}", accounts.bank(v), accounts.number(v))
    }
}

fn unpack(t: &Transfers) -> Times {
    let Some((first, last)) = t.time_span() else {
        return Times::Wide(Vec::new());
    };
    let ids = 0..t.len() as TransferId;
    if u32::try_from(last.abs_diff(first)).is_ok() {
        let offsets = ids
            .into_par_iter()
            .map(|id| (t.ts(id) - first) as u32)
            .collect();
        Times::Offsets {
            base: first,
            offsets,
        }
    } else {
        Times::Wide(ids.into_par_iter().map(|id| t.ts(id)).collect())
    }
}

/// Marks the hubs: degree above the configured percentile and at least the minimum degree.
fn hubs(graph: &TemporalGraph, config: &HubConfig) -> Vec<bool> {
    let n = graph.accounts().len();
    let degrees: Vec<usize> = (0..n as AccountId)
        .map(|v| graph.in_degree(v) + graph.out_degree(v))
        .collect();
    if n == 0 {
        return Vec::new();
    }
    let mut sorted = degrees.clone();
    let rank = ((n as f64 * config.percentile / 100.0).ceil() as usize).clamp(1, n) - 1;
    let (_, &mut cut, _) = sorted.select_nth_unstable(rank);
    degrees
        .iter()
        .map(|&d| d > cut && d >= config.min_degree)
        .collect()
}
