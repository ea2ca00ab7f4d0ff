//! `flowtrace cut`: plan which accounts or transfers to freeze to cut funders off from
//! beneficiaries.

use std::fmt::Write as _;

use anyhow::{Context, Result};
use flowtrace_trace::cut::{self, CutPlan, CutQuery, CutUnit};
use flowtrace_trace::export::{account_key, cut_to_json};

use super::traced_graph::{self, TracedGraph};
use crate::args::{CutArgs, GlobalArgs};
use crate::{output, Outcome};

pub fn run(global: &GlobalArgs, args: &CutArgs) -> Result<Outcome> {
    let loaded = traced_graph::load(global, &args.graph)?;
    let graph = &loaded.graph;
    let input = &args.graph.input;
    let query = CutQuery {
        sources: traced_graph::accounts_file(graph, &args.sources, input)?,
        sinks: traced_graph::accounts_file(graph, &args.sinks, input)?,
        unit: if args.transfers {
            CutUnit::Transfers
        } else {
            CutUnit::Accounts
        },
        costs: args
            .costs
            .as_deref()
            .map(|p| traced_graph::costs_file(graph, p, input))
            .transpose()?,
        budget: args.budget,
        since: loaded.since,
        until: loaded.until,
        ..CutQuery::accounts(Vec::new(), Vec::new())
    };
    let plan = cut::plan(graph, &query, &loaded.rates)?;
    let json = cut_to_json(graph, &plan);
    if let Some(path) = &args.out {
        std::fs::write(path, format!("{json:#}\n"))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    let text = if args.json {
        format!("{json:#}\n")
    } else {
        summary(&loaded, &plan)
    };
    output::print(&text)?;
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

fn summary(loaded: &TracedGraph, plan: &CutPlan) -> String {
    let g = &loaded.graph;
    let t = g.transfers();
    let currency = loaded.rates.base().code();
    let mut out = String::new();
    let proof = if plan.optimal {
        "proven cheapest"
    } else {
        "not proven cheapest"
    };
    match plan.unit {
        CutUnit::Accounts => {
            let _ = writeln!(
                out,
                "freeze {} accounts (cost {}, {proof}):",
                plan.accounts.len(),
                plan.cost
            );
            for &a in &plan.accounts {
                let _ = writeln!(out, "  {}", account_key(g, a));
            }
        }
        CutUnit::Transfers => {
            let _ = writeln!(out, "stop {} transfers ({proof}):", plan.transfers.len());
            for &e in &plan.transfers {
                let _ = writeln!(
                    out,
                    "  row {:>9}  {} -> {}  {}",
                    t.input_row(e).map_or(0, |r| r + 1),
                    account_key(g, t.src(e)),
                    account_key(g, t.dst(e)),
                    flowtrace_graph::time::format_iso8601(t.ts(e))
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "{} transfers lie on time-respecting paths; money that could flow: {:.2} {currency} before, {:.2} after ({:.1}% stopped); a path survives: {}",
        plan.transfers_on_paths,
        plan.flow_before,
        plan.flow_after,
        100.0 * plan.share_stopped(),
        if plan.connected_after { "yes" } else { "no" }
    );
    out
}
