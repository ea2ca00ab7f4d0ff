//! The demo's tracing step: follow the money of one planted terrorist-financing scheme from its
//! funders, and plan the freeze that cuts them off from its beneficiaries.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_graph::{AccountId, TemporalGraph};
use flowtrace_report::Section;
use flowtrace_trace::cut::{self, CutPlan, CutQuery};
use flowtrace_trace::{export, trace, Policy, Rates, Trace, TraceQuery};

/// Typologies tried in order for the scheme to trace.
const TRACED: [&str; 3] = ["CROWDFUNDING", "LISTED-PARTY", "CHARITY-DIVERSION"];

/// Cost of freezing a funder or a beneficiary, against 1 for any other account.
const ENDPOINT_COST: f64 = 10.0;

/// What the tracing step found.
pub struct Tracing {
    pub typology: String,
    pub query: TraceQuery,
    pub rates: Rates,
    pub trace: Trace,
    pub cut: CutPlan,
    /// Beneficiaries of the scheme that the forward trace reached.
    pub beneficiaries_reached: usize,
    pub beneficiaries: usize,
}

/// Traces the first planted scheme of [`TRACED`] found in `world_dir/roles.csv`; `None` when
/// the world has none.
pub fn run(world_dir: &Path, graph: &TemporalGraph) -> Result<Option<Tracing>> {
    let roles = read_roles(world_dir, graph)?;
    let Some((typology, funders, beneficiaries)) = TRACED.iter().find_map(|t| {
        roles
            .values()
            .find(|r| r.0 == *t && !r.1.is_empty() && !r.2.is_empty())
            .cloned()
    }) else {
        return Ok(None);
    };
    let (query, rates, result) = forward(graph, funders.clone())?;
    let flow = result
        .forward
        .as_ref()
        .context("a forward trace has a forward flow")?;
    let reached = beneficiaries
        .iter()
        .filter(|&&b| flow.account(b).is_some_and(|a| a.traced_in > 0.0))
        .count();
    // Freezing a donor reaches one of many and the beneficiary sits abroad, out of reach: both
    // cost ten times an account in between, so the plan looks for the chokepoints.
    let mut cut_query = CutQuery::accounts(funders, beneficiaries.clone());
    let mut costs = vec![1.0; graph.accounts().len()];
    for &v in cut_query.sources.iter().chain(&cut_query.sinks) {
        costs[v as usize] = ENDPOINT_COST;
    }
    cut_query.costs = Some(costs);
    let plan = cut::plan(graph, &cut_query, &rates)?;
    Ok(Some(Tracing {
        typology,
        query,
        rates,
        trace: result,
        cut: plan,
        beneficiaries_reached: reached,
        beneficiaries: beneficiaries.len(),
    }))
}

/// Where the money of `seeds` went: a forward trace, first in first out, money resting at most
/// fourteen days in an account before it counts as moved on.
pub fn forward(graph: &TemporalGraph, seeds: Vec<AccountId>) -> Result<(TraceQuery, Rates, Trace)> {
    let rates = Rates::implied(graph.transfers());
    let mut query = TraceQuery::forward(seeds);
    query.policy = Policy::Fifo;
    query.window = Some(14 * 86_400);
    let result = trace(graph, &query, &rates)?;
    Ok((query, rates, result))
}

/// A planted instance: typology, funders, beneficiaries.
type Scheme = (String, Vec<AccountId>, Vec<AccountId>);

/// Per instance id, its scheme.
fn read_roles(world_dir: &Path, graph: &TemporalGraph) -> Result<BTreeMap<u32, Scheme>> {
    let path = world_dir.join("roles.csv");
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?;
    let mut out: BTreeMap<u32, Scheme> = BTreeMap::new();
    for (i, line) in text.lines().enumerate().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let [id, typology, bank, number, role] = f.as_slice() else {
            anyhow::bail!("{}, line {}: expected 5 fields", path.display(), i + 1);
        };
        let id: u32 = id
            .parse()
            .with_context(|| format!("{}, line {}: bad pattern id", path.display(), i + 1))?;
        let Some(account) = graph.accounts().lookup(bank, number) else {
            continue;
        };
        let entry = out
            .entry(id)
            .or_insert_with(|| (typology.to_string(), Vec::new(), Vec::new()));
        match *role {
            "funder" => entry.1.push(account),
            "beneficiary" => entry.2.push(account),
            _ => {}
        }
    }
    Ok(out)
}

/// The report sections: the traced flow and the freeze plan.
pub fn sections(graph: &TemporalGraph, t: &Tracing) -> Vec<Section> {
    let mut sections = export::trace_section(graph, &t.query, &t.rates, &t.trace, Some(&t.cut));
    if let Some(first) = sections.first_mut() {
        let intro = format!(
            "The funders of one planted {} scheme, traced forward (fifo, 14-day window): {} of its \
             {} beneficiaries reached. The freeze plan counts funders and beneficiaries as ten \
             times dearer to freeze than the accounts between them.",
            t.typology.to_lowercase(),
            t.beneficiaries_reached,
            t.beneficiaries
        );
        *first = std::mem::replace(first, Section::new("")).intro(intro);
    }
    sections
}

/// Writes the trace as JSON next to the report.
pub fn write(graph: &TemporalGraph, t: &Tracing, path: &Path) -> Result<()> {
    let mut json = export::to_json(graph, &t.query, &t.rates, &t.trace);
    json["cut"] = export::cut_to_json(graph, &t.cut);
    std::fs::write(path, format!("{json:#}\n"))
        .with_context(|| format!("cannot write {}", path.display()))
}
