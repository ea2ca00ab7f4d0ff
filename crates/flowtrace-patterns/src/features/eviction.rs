//! Which edges survive `fit`'s eviction into `transform`: snapml's time window and
//! `max_no_edges` cap applied to insertion order (the rules are in the `features` docs).

use super::graph::Graph;
use super::stats::Survivors;
use super::{FeatureError, GfpParams};

/// Which edges `fit`'s eviction keeps (see the module docs): snapml evicts from the front
/// of insertion order and stops at the first edge it keeps (within the window and the
/// `max_no_edges` cap), so on input not sorted by time an old edge inserted after a recent
/// one survives.
pub(crate) fn survivors(g: &Graph, p: &GfpParams) -> Result<Survivors, FeatureError> {
    let window = p.effective_time_window()?;
    let newest = g.ts.iter().copied().max().unwrap_or(0);
    let mut ts_by_row = vec![0i64; g.len()];
    for (e, &row) in g.rows.iter().enumerate() {
        ts_by_row[row as usize] = g.ts[e];
    }
    // Eviction pops the front of insertion order while it is too old or the graph holds
    // more than max_no_edges, so the cap moves the front past rows the time rule alone
    // would have stopped at, and old rows behind them go too.
    let evicted_from = |start: usize, from: i64| {
        start + ts_by_row[start..].iter().take_while(|&&t| t < from).count()
    };
    let capped = match p.max_no_edges {
        m if m > 0 => g.len().saturating_sub(m as usize),
        _ => 0,
    };
    let graph_from = evicted_from(capped, newest - window);
    let moments_from = evicted_from(graph_from, newest - p.vertex_stats_tw);
    let (graph_from, moments_from) = (graph_from as u32, moments_from as u32);
    let graph = g.rows.iter().map(|&r| r >= graph_from).collect();
    Ok(Survivors {
        graph,
        graph_from,
        moments_from,
    })
}

#[cfg(test)]
mod tests {
    use super::super::fit_transform;
    use super::*;

    /// The minimal probe in the `features` docs: `0->1 @10, 0->2 @1, 0->3 @10`, fan window 5.
    /// snapml 1.17.2 gives the source an out-degree of 6 without a cap (nothing evicted: the
    /// front is recent) and 4 with `max_no_edges` 2 (the cap pops `0->1`, then `0->2` is old).
    #[test]
    fn the_cap_pushes_the_front_onto_old_edges() {
        let (id, src, dst, ts) = (
            [0.0, 1.0, 2.0],
            [0.0; 3],
            [1.0, 2.0, 3.0],
            [10.0, 1.0, 10.0],
        );
        let degree = |cap: i64| {
            let json = format!(
                r#"{{"fan_tw": 5, "fan_bins": [2, 3], "max_no_edges": {cap},
                "vertex_stats_feats": [1]}}"#
            );
            let params = GfpParams::from_json(&json).unwrap();
            let out = fit_transform(&params, &[&id, &src, &dst, &ts]).unwrap();
            let col = out.names.iter().position(|n| n == "src_out_deg").unwrap();
            out.columns[col][0]
        };
        assert_eq!((degree(-1), degree(2)), (6.0, 4.0));
        assert_eq!(
            GfpParams::from_json(r#"{"max_no_edges": 0}"#),
            Err(crate::features::ParamsError::ZeroMaxEdges)
        );
    }
}
