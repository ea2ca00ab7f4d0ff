//! `flowtrace stats`: load a transfers file into the temporal graph and summarise it.

use std::fmt::Write as _;
use std::time::Instant;

use anyhow::Result;
use flowtrace_graph::time::format_iso8601;
use flowtrace_graph::{DegreeStats, GraphSummary, TemporalGraph};
use flowtrace_io::LoadReport;
use serde_json::{json, Value};

use crate::args::{GlobalArgs, StatsArgs};
use crate::{input, memory, output, Outcome};

pub fn run(global: &GlobalArgs, args: &StatsArgs) -> Result<Outcome> {
    let started = Instant::now();
    let loaded = input::load(global, &args.input)?;
    let load_seconds = started.elapsed().as_secs_f64();
    let graph = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    let graph_seconds = started.elapsed().as_secs_f64() - load_seconds;
    let summary = GraphSummary::of(&graph);
    let memory = Memory::measure(&graph);
    let text = if args.json {
        let mut v = to_json(&summary, &loaded.report, &memory);
        v["seconds"] = json!({"load": load_seconds, "graph": graph_seconds});
        format!("{v:#}\n")
    } else {
        to_text(&summary, &memory)
    };
    output::print(&text)?;
    Ok(Outcome {
        rejected_rows: loaded.report.rejected,
    })
}

/// Memory the process used, next to what the model itself holds.
struct Memory {
    peak_rss: Option<u64>,
    rss: Option<u64>,
    model_heap: usize,
    transfers: usize,
}

impl Memory {
    fn measure(graph: &TemporalGraph) -> Memory {
        Memory {
            peak_rss: memory::peak_rss_bytes(),
            rss: memory::rss_bytes(),
            model_heap: graph.heap_bytes(),
            transfers: graph.transfers().len(),
        }
    }

    fn per_transfer(&self, bytes: u64) -> Option<f64> {
        (self.transfers > 0).then(|| bytes as f64 / self.transfers as f64)
    }
}

fn degree_json(d: &DegreeStats) -> Value {
    json!({"mean": d.mean, "median": d.median, "p99": d.p99, "max": d.max, "zero": d.zero,
           "log2_histogram": d.histogram})
}

fn to_json(s: &GraphSummary, report: &LoadReport, memory: &Memory) -> Value {
    let kinds: serde_json::Map<String, Value> = report
        .rejected_by_kind
        .iter()
        .map(|(k, n)| (k.name().to_string(), json!(n)))
        .collect();
    json!({
        "file": report.file.display().to_string(),
        "rows_read": report.rows_read,
        "accepted": report.accepted,
        "rejected": report.rejected,
        "rejected_by_kind": kinds,
        "accounts": s.accounts,
        "banks": s.banks,
        "transfers": s.transfers,
        "first": s.time_span.map(|(a, _)| format_iso8601(a)),
        "last": s.time_span.map(|(_, b)| format_iso8601(b)),
        "currencies_paid": s.currencies_paid.iter()
            .map(|(c, n)| (c.code().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "payment_formats": s.formats.iter()
            .map(|(f, n)| (f.name().to_string(), json!(n))).collect::<serde_json::Map<_, _>>(),
        "cross_currency": s.cross_currency,
        "self_transfers": s.self_transfers,
        "labelled": s.labelled,
        "labelled_positive": s.positive,
        "out_degree": degree_json(&s.out_degree),
        "in_degree": degree_json(&s.in_degree),
        "memory": {
            "peak_rss_bytes": memory.peak_rss,
            "rss_bytes_at_end": memory.rss,
            "peak_rss_bytes_per_transfer": memory.peak_rss.and_then(|b| memory.per_transfer(b)),
            "model_heap_bytes": memory.model_heap,
            "model_heap_bytes_per_transfer": memory.per_transfer(memory.model_heap as u64),
        },
    })
}

fn share(part: u64, whole: usize) -> String {
    if whole == 0 {
        return "0".into();
    }
    format!("{part} ({:.2}%)", part as f64 * 100.0 / whole as f64)
}

fn to_text(s: &GraphSummary, memory: &Memory) -> String {
    let mut t = String::new();
    let n = s.transfers;
    let _ = writeln!(t, "accounts         {} in {} banks", s.accounts, s.banks);
    let _ = writeln!(t, "transfers        {n}");
    if let Some((first, last)) = s.time_span {
        let days = (last - first) as f64 / 86_400.0;
        let (a, b) = (format_iso8601(first), format_iso8601(last));
        let _ = writeln!(t, "time span        {a} .. {b} ({days:.1} days)");
    }
    let _ = writeln!(t, "self-transfers   {}", share(s.self_transfers, n));
    let _ = writeln!(t, "cross-currency   {}", share(s.cross_currency, n));
    let _ = writeln!(t, "labelled         {}", share(s.labelled, n));
    let _ = writeln!(t, "  positive       {}", share(s.positive, n));
    let _ = writeln!(t, "currencies paid");
    for (c, count) in &s.currencies_paid {
        let _ = writeln!(t, "  {:<18} {}", c.amlworld_name(), share(*count, n));
    }
    let _ = writeln!(t, "payment formats");
    for (f, count) in &s.formats {
        let _ = writeln!(t, "  {:<18} {}", f.name(), share(*count, n));
    }
    for (name, d) in [("out-degree", &s.out_degree), ("in-degree", &s.in_degree)] {
        let _ = writeln!(
            t,
            "{name:<16} mean {:.2}, median {}, p99 {}, max {}, zero {}",
            d.mean, d.median, d.p99, d.max, d.zero
        );
        let buckets: Vec<String> = d
            .histogram
            .iter()
            .enumerate()
            .map(|(k, c)| format!("{}+:{c}", 1u64 << k))
            .collect();
        let _ = writeln!(t, "  histogram      {}", buckets.join(" "));
    }
    if let Some(rss) = memory.peak_rss {
        let per = memory
            .per_transfer(rss)
            .map_or(String::new(), |b| format!(", {b:.1} B/transfer"));
        let _ = writeln!(
            t,
            "peak memory      {:.1} MiB{per}",
            rss as f64 / (1 << 20) as f64
        );
    }
    t
}
