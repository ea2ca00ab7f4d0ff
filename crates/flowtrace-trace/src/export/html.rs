//! The trace as report sections: the flow picture, where the money ended, totals by hop, bank
//! and country, and the freeze plan when there is one.

use std::collections::BTreeMap;

use flowtrace_graph::TemporalGraph;
use flowtrace_report::{
    Bar, BarChart, Block, FlowEdge, FlowGraph, FlowNode, NodeKind, Sankey, SankeyLink, SankeyNode,
    Section, Table,
};

use super::{account_key, crosses_border};
use crate::cut::CutPlan;
use crate::{Flow, Rates, Trace, TraceQuery};

/// Largest number of account pairs drawn in a flow picture (the heaviest by traced amount).
const DRAWN_PAIRS: usize = 40;

/// One section per flow, plus one for the cut.
pub fn trace_section(
    g: &TemporalGraph,
    query: &TraceQuery,
    rates: &Rates,
    trace: &Trace,
    cut: Option<&CutPlan>,
) -> Vec<Section> {
    let currency = rates.base().code();
    let mut sections: Vec<Section> = trace
        .flows()
        .map(|flow| flow_section(g, query, flow, currency, cut))
        .collect();
    if let Some(plan) = cut {
        sections.push(cut_section(g, plan, currency));
    }
    sections
}

fn flow_section(
    g: &TemporalGraph,
    query: &TraceQuery,
    flow: &Flow,
    currency: &str,
    cut: Option<&CutPlan>,
) -> Section {
    let seeds: Vec<String> = query.seeds.iter().map(|&s| account_key(g, s)).collect();
    let way = match flow.side_name() {
        "forward" => "where the money went",
        _ => "where the money came from",
    };
    let ends = &flow.ends;
    let reached = flow.reached().count();
    Section::new(format!("Trace {}: {way}", flow.side_name()))
        .intro(format!(
            "From {} over at most {} hops, amounts attributed by the {} policy, in {currency}. \
             Money only moves on after it arrived.",
            seeds.join(", "),
            query.max_hops,
            flow.policy
        ))
        .block(Block::key_values([
            ("traced from the seeds", money(flow.from_seeds, currency)),
            ("accounts reached", reached.to_string()),
            (
                "transfers carrying traced money",
                flow.transfers
                    .iter()
                    .filter(|x| x.traced > 0.0)
                    .count()
                    .to_string(),
            ),
        ]))
        .block(picture(g, flow, currency, cut))
        .block(sankey_by_hop(g, flow, currency))
        .block(
            BarChart::new("Where the traced money ended")
                .bar(Bar::new("held by accounts", ends.held).text(money(ends.held, currency)))
                .bar(Bar::new("left as cash", ends.cash).text(money(ends.cash, currency)))
                .bar(
                    Bar::new("rested past the window", ends.stalled)
                        .text(money(ends.stalled, currency)),
                )
                .bar(
                    Bar::new("beyond hop limit / minimum", ends.not_followed)
                        .text(money(ends.not_followed, currency)),
                )
                .bar(
                    Bar::new("back at a seed", ends.returned_to_seeds)
                        .text(money(ends.returned_to_seeds, currency)),
                ),
        )
        .block(totals_table("By hop", flow.by_hop(), currency))
        .block(totals_table("By country", flow.by_country(g), currency))
        .block(totals_table("By bank", flow.by_bank(g), currency))
}

fn picture(g: &TemporalGraph, flow: &Flow, currency: &str, cut: Option<&CutPlan>) -> FlowGraph {
    let t = g.transfers();
    let mut pairs: BTreeMap<(u32, u32), (f64, usize)> = BTreeMap::new();
    for x in flow.transfers.iter().filter(|x| x.traced > 0.0) {
        let p = pairs.entry((t.src(x.id), t.dst(x.id))).or_default();
        p.0 += x.traced;
        p.1 += 1;
    }
    let mut heaviest: Vec<((u32, u32), (f64, usize))> = pairs.into_iter().collect();
    heaviest.sort_by(|a, b| b.1 .0.total_cmp(&a.1 .0).then(a.0.cmp(&b.0)));
    heaviest.truncate(DRAWN_PAIRS);
    let frozen = |v: u32| cut.is_some_and(|c| c.accounts.contains(&v));
    let mut graph = FlowGraph::new(format!("The {DRAWN_PAIRS} heaviest links of the traced flow"))
        .caption("Boxes are accounts (seeds as funders, frozen accounts highlighted); arrows carry the traced amount.");
    let mut drawn = std::collections::BTreeSet::new();
    for &((a, b), _) in &heaviest {
        for v in [a, b] {
            if drawn.insert(v) {
                let entry = flow.account(v);
                let kind = match entry {
                    Some(e) if e.seed => NodeKind::Funder,
                    _ if frozen(v) => NodeKind::Listed,
                    Some(e) if e.held > 0.0 && e.traced_out <= 0.0 => NodeKind::Beneficiary,
                    _ => NodeKind::Intermediary,
                };
                let tip = entry.map_or(String::new(), |e| {
                    format!(
                        "hop {} · in {} · held {}",
                        e.hop,
                        money(e.traced_in, currency),
                        money(e.held, currency)
                    )
                });
                graph = graph
                    .node(FlowNode::new(account_key(g, v), account_key(g, v), kind).tooltip(tip));
            }
        }
    }
    for ((a, b), (traced, count)) in heaviest {
        let mut edge =
            FlowEdge::new(account_key(g, a), account_key(g, b)).amount(money(traced, currency));
        if count > 1 {
            edge = edge.time(format!("{count} transfers"));
        }
        if crosses_border(g, a, b) {
            edge = edge.label("crosses a border");
        }
        if frozen(a) || frozen(b) {
            edge = edge.highlighted();
        }
        graph = graph.edge(edge);
    }
    graph
}

/// Traced amounts hop by hop, grouped by the country of the accounts on each side.
fn sankey_by_hop(g: &TemporalGraph, flow: &Flow, currency: &str) -> Sankey {
    let t = g.transfers();
    let place = |v: u32| super::country(g, v).unwrap_or("unknown").to_string();
    let mut links: BTreeMap<(u8, String, String), f64> = BTreeMap::new();
    let mut hops = 0;
    for x in flow
        .transfers
        .iter()
        .filter(|x| x.traced > 0.0 && x.hop > 0)
    {
        hops = hops.max(x.hop);
        let (from, to) = match flow.side_name() {
            "forward" => (t.src(x.id), t.dst(x.id)),
            _ => (t.dst(x.id), t.src(x.id)),
        };
        *links.entry((x.hop, place(from), place(to))).or_default() += x.traced;
    }
    let mut sankey = Sankey::new(format!("Traced {currency} by hop and country"))
        .caption(
            "Each column is a hop from the seeds; bands carry the traced amount between countries.",
        )
        .column("seeds");
    for hop in 1..=hops {
        sankey = sankey.column(format!("hop {hop}"));
    }
    let mut nodes = std::collections::BTreeSet::new();
    for ((hop, from, to), amount) in links {
        let (a, b) = (format!("{}:{from}", hop - 1), format!("{hop}:{to}"));
        for (id, label, column) in [(&a, &from, hop - 1), (&b, &to, hop)] {
            if nodes.insert(id.clone()) {
                sankey = sankey.node(SankeyNode::new(
                    id.clone(),
                    label.clone(),
                    usize::from(column),
                ));
            }
        }
        sankey = sankey.link(SankeyLink::new(a, b, amount));
    }
    sankey
}

fn totals_table(title: &str, totals: Vec<crate::GroupTotal>, currency: &str) -> Table {
    let mut table = Table::new(["group", "accounts", "traced in", "held at end"]).caption(title);
    for row in totals.into_iter().take(25) {
        table = table.row([
            row.group,
            row.accounts.to_string(),
            money(row.traced_in, currency),
            money(row.held, currency),
        ]);
    }
    table
}

fn cut_section(g: &TemporalGraph, plan: &CutPlan, currency: &str) -> Section {
    let frozen: Vec<String> = plan.accounts.iter().map(|&a| account_key(g, a)).collect();
    Section::new("Freeze plan")
        .intro(if plan.optimal {
            "The cheapest freeze that leaves no time-respecting flow from the sources to the sinks (proven by exhaustive search)."
        } else {
            "A freeze found by max-flow and search; not proven cheapest within the search limit."
        })
        .block(Block::key_values([
            ("accounts to freeze", if frozen.is_empty() { "none".to_string() } else { frozen.join(", ") }),
            ("transfers to stop", plan.transfers.len().to_string()),
            ("cost", format!("{}", plan.cost)),
            ("money that could flow before", money(plan.flow_before, currency)),
            ("money that could flow after", money(plan.flow_after, currency)),
            ("share stopped", format!("{:.1}%", 100.0 * plan.share_stopped())),
            ("a path survives", if plan.connected_after { "yes".to_string() } else { "no".to_string() }),
        ]))
}

fn money(amount: f64, currency: &str) -> String {
    let whole = amount.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if whole < 0 { "-" } else { "" };
    format!("{sign}{grouped} {currency}")
}
