//! `flowtrace trace`: follow the money from flagged accounts and write what it found.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};
use flowtrace_report::Report;
use flowtrace_trace::export::{self, account_key};
use flowtrace_trace::{parse_duration, Flow, Trace, TraceQuery};

use super::traced_graph::{self, TracedGraph};
use crate::args::{GlobalArgs, TraceArgs};
use crate::{output, Outcome};

pub fn run(global: &GlobalArgs, args: &TraceArgs) -> Result<Outcome> {
    let loaded = traced_graph::load(global, &args.graph)?;
    let graph = &loaded.graph;
    let seeds = args
        .seeds
        .iter()
        .map(|key| traced_graph::account(graph, key, &args.graph.input))
        .collect::<Result<Vec<_>>>()?;
    let query = TraceQuery {
        seeds,
        direction: args.direction.parse()?,
        max_hops: args.max_hops,
        since: loaded.since,
        until: loaded.until,
        window: args.window.as_deref().map(parse_duration).transpose()?,
        min_amount: args.min_amount,
        policy: args.policy.parse()?,
    };
    let started = std::time::Instant::now();
    let trace = flowtrace_trace::trace(graph, &query, &loaded.rates)?;
    let seconds = started.elapsed().as_secs_f64();
    if let Some(dir) = &args.out {
        write_outputs(&loaded, &query, &trace, dir)?;
    }
    let text = if args.json {
        format!(
            "{:#}\n",
            export::to_json(graph, &query, &loaded.rates, &trace)
        )
    } else {
        summary(&loaded, &trace, seconds)
    };
    output::print(&text)?;
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

fn write_outputs(
    loaded: &TracedGraph,
    query: &TraceQuery,
    trace: &Trace,
    dir: &Path,
) -> Result<()> {
    let g = &loaded.graph;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))
    };
    write(
        "trace.json",
        format!("{:#}\n", export::to_json(g, query, &loaded.rates, trace)),
    )?;
    for flow in trace.flows() {
        write(
            &format!("trace-{}.dot", flow.side_name()),
            export::to_dot(g, flow),
        )?;
    }
    export::write_parquet(g, trace, &dir.join("trace.parquet"))?;
    let mut report = Report::new("flowtrace trace").subtitle(format!(
        "{} accounts, {} transfers",
        g.accounts().len(),
        g.transfers().len()
    ));
    for section in export::trace_section(g, query, &loaded.rates, trace, None) {
        report.push_section(section);
    }
    let html = dir.join("trace.html");
    report
        .write(&html)
        .with_context(|| format!("cannot write {}", html.display()))?;
    eprintln!(
        "wrote trace.json, trace.parquet, trace-*.dot and trace.html to {}",
        dir.display()
    );
    Ok(())
}

fn summary(loaded: &TracedGraph, trace: &Trace, seconds: f64) -> String {
    let currency = loaded.rates.base().code();
    let mut out = String::new();
    for flow in trace.flows() {
        flow_summary(&mut out, loaded, flow, currency);
    }
    let _ = writeln!(out, "traced in {:.1} ms", seconds * 1e3);
    out
}

fn flow_summary(out: &mut String, loaded: &TracedGraph, flow: &Flow, currency: &str) {
    let g = &loaded.graph;
    let e = &flow.ends;
    let _ = writeln!(
        out,
        "{} ({} policy): {:.2} {currency} traced from the seeds, {} accounts reached, {} transfers",
        flow.side_name(),
        flow.policy,
        flow.from_seeds,
        flow.reached().count(),
        flow.transfers.iter().filter(|x| x.traced > 0.0).count(),
    );
    let _ = writeln!(
        out,
        "  ends: held {:.2}, cash {:.2}, rested past window {:.2}, beyond hops/minimum {:.2}, back at seeds {:.2}",
        e.held, e.cash, e.stalled, e.not_followed, e.returned_to_seeds
    );
    let mut holders: Vec<_> = flow.reached().filter(|a| a.held > 0.0).collect();
    holders.sort_by(|a, b| b.held.total_cmp(&a.held).then(a.id.cmp(&b.id)));
    for a in holders.iter().take(10) {
        let _ = writeln!(
            out,
            "  {:<28} hop {:>2}  received {:>14.2}  holds {:>14.2}",
            account_key(g, a.id),
            a.hop,
            a.traced_in,
            a.held
        );
    }
    for c in flow.by_country(g).iter().take(5) {
        let _ = writeln!(
            out,
            "  country {:<8} {:>4} accounts, {:.2} received",
            c.group, c.accounts, c.traced_in
        );
    }
}
