//! The trace and the cut as JSON documents.

use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::TemporalGraph;
use serde_json::{json, Value};

use super::{account_key, country, crosses_border};
use crate::cut::CutPlan;
use crate::{Flow, Rates, Trace, TraceQuery};

/// The whole trace: the query, and per direction the accounts, transfers, ends and totals.
pub fn to_json(g: &TemporalGraph, query: &TraceQuery, rates: &Rates, trace: &Trace) -> Value {
    let t = g.transfers();
    let flows: Vec<Value> = trace.flows().map(|flow| flow_json(g, flow)).collect();
    json!({
        "query": {
            "seeds": query.seeds.iter().map(|&s| account_key(g, s)).collect::<Vec<_>>(),
            "direction": query.direction,
            "policy": query.policy,
            "max_hops": query.max_hops,
            "since": query.since.map(format_iso8601),
            "until": query.until.map(format_iso8601),
            "window_seconds": query.window,
            "min_amount": query.min_amount,
        },
        "base_currency": rates.base().code(),
        "graph": { "accounts": g.accounts().len(), "transfers": t.len() },
        "flows": flows,
    })
}

fn flow_json(g: &TemporalGraph, flow: &Flow) -> Value {
    let t = g.transfers();
    // Transfers and accounts the search reached but no traced money rode are left out: under
    // fifo or lifo they are most of them, and they say nothing.
    let transfers: Vec<Value> = flow
        .transfers
        .iter()
        .filter(|x| x.traced > 0.0)
        .map(|x| {
            json!({
                "id": x.id,
                "row": t.input_row(x.id).map(|r| r + 1),
                "time": format_iso8601(t.ts(x.id)),
                "from": account_key(g, t.src(x.id)),
                "to": account_key(g, t.dst(x.id)),
                "format": t.format(x.id).name(),
                "hop": x.hop,
                "amount": x.amount,
                "traced": x.traced,
                "crosses_border": crosses_border(g, t.src(x.id), t.dst(x.id)),
            })
        })
        .collect();
    let accounts: Vec<Value> = flow
        .accounts
        .iter()
        .filter(|a| a.seed || a.traced_in > 0.0)
        .map(|a| {
            json!({
                "account": account_key(g, a.id),
                "country": country(g, a.id),
                "seed": a.seed,
                "hop": a.hop,
                "traced_in": a.traced_in,
                "traced_out": a.traced_out,
                "held": a.held,
                "stalled": a.stalled,
                "not_followed": a.not_followed,
            })
        })
        .collect();
    let crossing: f64 = flow
        .transfers
        .iter()
        .filter(|x| crosses_border(g, t.src(x.id), t.dst(x.id)))
        .map(|x| x.traced)
        .sum();
    json!({
        "direction": flow.side_name(),
        "policy": flow.policy,
        "from_seeds": flow.from_seeds,
        "ends": flow.ends,
        "crossed_borders": crossing,
        "by_hop": flow.by_hop(),
        "by_bank": flow.by_bank(g),
        "by_country": flow.by_country(g),
        "accounts": accounts,
        "transfers": transfers,
    })
}

/// A cut plan with account keys.
pub fn cut_to_json(g: &TemporalGraph, plan: &CutPlan) -> Value {
    let t = g.transfers();
    json!({
        "unit": plan.unit,
        "accounts": plan.accounts.iter().map(|&a| account_key(g, a)).collect::<Vec<_>>(),
        "transfers": plan.transfers.iter().map(|&e| json!({
            "id": e,
            "row": t.input_row(e).map(|r| r + 1),
            "time": format_iso8601(t.ts(e)),
            "from": account_key(g, t.src(e)),
            "to": account_key(g, t.dst(e)),
        })).collect::<Vec<_>>(),
        "cost": plan.cost,
        "optimal": plan.optimal,
        "transfers_on_paths": plan.transfers_on_paths,
        "flow_before": plan.flow_before,
        "flow_after": plan.flow_after,
        "share_stopped": plan.share_stopped(),
        "connected_after": plan.connected_after,
    })
}
