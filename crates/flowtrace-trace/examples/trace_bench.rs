//! Latency of fund tracing and freeze plans after load: loads an AMLworld CSV once (and prepares
//! the tracer's forward side), then runs
//! 6-hop forward traces (haircut and poison, no window), bare reachability and both kinds of cut
//! from deterministic seeds, printing one JSON object a line. Run by `bench/trace/bench.sh`,
//! which runs networkx on the same seeds beside it; not a test.
//!
//! Seeds are the accounts that make at least one transfer, taken at a fixed stride through
//! account ids (ids are the same on every load), so the Python side can be told them by key.
//! The cut's sources are the first `--sources` seeds; its sinks are accounts those sources'
//! money first reaches at hop 3 to 6, again at a fixed stride.
//!
//! ```text
//! cargo run --release -p flowtrace-trace --example trace_bench -- \
//!     --input target/bench-data/trace-1000000/transactions.csv --seeds 20 --dump target/trace-dump
//! ```
//!
//! `--cut-reps 0` skips the cuts; `--cut-parts false` skips timing their phases apart (two more
//! max flows). With `--dump DIR` the accounts each seed's reachability reached are written to
//! `DIR/reach-<i>.txt` (`bank,account` lines, sorted) for the agreement check. Each query
//! reports wall time and the process's CPU time (all threads): on a shared machine they differ a
//! lot.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use flowtrace_graph::{AccountId, TemporalGraph};
use flowtrace_io::{read_transfers, FileFormat, ReadOptions};
use flowtrace_trace::cut::expanded::Expanded;
use flowtrace_trace::cut::temporal::Terminals;
use flowtrace_trace::cut::{self, CutQuery, CutUnit};
use flowtrace_trace::reach::{self, Reach};
use flowtrace_trace::{Direction, Policy, Rates, Side, TraceQuery, Tracer};
use serde_json::json;

struct Args {
    input: PathBuf,
    seeds: usize,
    reps: usize,
    sources: usize,
    sinks: usize,
    cut_reps: usize,
    cut_parts: bool,
    dump: Option<PathBuf>,
}

fn parse_args() -> Result<Args, Box<dyn std::error::Error>> {
    let mut a = Args {
        input: PathBuf::new(),
        seeds: 20,
        reps: 3,
        sources: 3,
        sinks: 5,
        cut_reps: 3,
        cut_parts: true,
        dump: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--input" => a.input = PathBuf::from(value),
            "--seeds" => a.seeds = value.parse()?,
            "--reps" => a.reps = value.parse()?,
            "--sources" => a.sources = value.parse()?,
            "--sinks" => a.sinks = value.parse()?,
            "--cut-reps" => a.cut_reps = value.parse()?,
            "--cut-parts" => a.cut_parts = value.parse()?,
            "--dump" => a.dump = Some(PathBuf::from(value)),
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    if a.input.as_os_str().is_empty() || a.seeds == 0 || a.reps == 0 {
        return Err("--input is required; --seeds and --reps must be positive".into());
    }
    Ok(a)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = parse_args()?;
    let started = Instant::now();
    let loaded = read_transfers(
        &args.input,
        FileFormat::AmlworldCsv,
        &ReadOptions::default(),
    )?;
    let read_s = started.elapsed().as_secs_f64();
    let rejected = loaded.report.rejected;
    let g = TemporalGraph::new(loaded.accounts, loaded.transfers)?;
    let rates = Rates::implied(g.transfers());
    let graph_s = started.elapsed().as_secs_f64();
    // Made once per graph, as a server would: rates, cash desks, the forward adjacency, the
    // haircut shares and poison's tails worked out up front (the bench traces both policies).
    let tracer = Tracer::new(&g, rates.clone());
    tracer.prepare(Direction::Forward, &[Policy::Haircut, Policy::Poison]);
    let load_s = started.elapsed().as_secs_f64();
    emit(json!({
        "kind": "load", "file": args.input, "read_s": read_s, "graph_s": graph_s,
        "tracer_s": load_s - graph_s, "load_s": load_s,
        "transfers": g.transfers().len(), "accounts": g.accounts().len(), "rejected": rejected,
        "peak_rss_bytes": peak_rss_bytes(), "heap_bytes": g.heap_bytes(),
        "tracer_heap_bytes": tracer.heap_bytes(),
    }));

    let seeds = choose_seeds(&g, args.seeds);
    emit(json!({
        "kind": "seeds",
        "seeds": seeds.iter().map(|&s| key(&g, s)).collect::<Vec<_>>(),
        "out_degree": seeds.iter().map(|&s| g.out_degree(s)).collect::<Vec<_>>(),
    }));

    for policy in [Policy::Haircut, Policy::Poison] {
        time_traces(&tracer, &seeds, policy, args.reps)?;
    }
    time_reach(&tracer, &seeds, args.reps, args.dump.as_ref())?;

    let sources: Vec<AccountId> = seeds.iter().copied().take(args.sources).collect();
    let sinks = choose_sinks(&tracer, &sources, args.sinks);
    emit(json!({
        "kind": "cut_terminals",
        "sources": sources.iter().map(|&s| key(&g, s)).collect::<Vec<_>>(),
        "sinks": sinks.iter().map(|&s| key(&g, s)).collect::<Vec<_>>(),
    }));
    if !sinks.is_empty() && args.cut_reps > 0 {
        for unit in [CutUnit::Accounts, CutUnit::Transfers] {
            time_cut(&g, &rates, &sources, &sinks, unit, args.cut_reps)?;
        }
        if args.cut_parts {
            time_cut_parts(&g, &rates, &sources, &sinks);
        }
    }
    emit(json!({ "kind": "end", "peak_rss_bytes": peak_rss_bytes() }));
    Ok(())
}

/// Accounts with outgoing transfers, `k` of them at a fixed stride through the ids.
fn choose_seeds(g: &TemporalGraph, k: usize) -> Vec<AccountId> {
    let payers: Vec<AccountId> = (0..g.accounts().len() as AccountId)
        .filter(|&v| g.out_degree(v) > 0)
        .collect();
    spread(&payers, k)
}

/// `k` items of `items` at a fixed stride, starting half a stride in.
fn spread(items: &[AccountId], k: usize) -> Vec<AccountId> {
    let k = k.min(items.len());
    (0..k)
        .map(|i| items[(2 * i + 1) * items.len() / (2 * k)])
        .collect()
}

/// Accounts that the sources' money first reaches at hop 3 to 6 (not sources themselves).
fn choose_sinks(tracer: &Tracer, sources: &[AccountId], k: usize) -> Vec<AccountId> {
    if sources.is_empty() {
        return Vec::new();
    }
    let g = tracer.graph();
    let found = reach::reach(
        tracer,
        &TraceQuery::forward(sources.to_vec()),
        Side::Forward,
    );
    let mut first_hop = vec![u8::MAX; g.accounts().len()];
    for e in found.transfers() {
        let v = g.transfers().dst(e) as usize;
        first_hop[v] = first_hop[v].min(found.hops[e as usize]);
    }
    let far: Vec<AccountId> = (0..g.accounts().len() as AccountId)
        .filter(|&v| (3..=6).contains(&first_hop[v as usize]) && !sources.contains(&v))
        .collect();
    spread(&far, k)
}

fn time_traces(
    tracer: &Tracer,
    seeds: &[AccountId],
    policy: Policy,
    reps: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let (mut all, mut all_cpu) = (Vec::new(), Vec::new());
    for (i, &seed) in seeds.iter().enumerate() {
        let mut query = TraceQuery::forward(vec![seed]);
        query.policy = policy;
        let (mut times, mut cpu) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
        let mut result = None;
        for _ in 0..reps {
            let (t, c) = (Instant::now(), cpu_ms());
            let r = tracer.trace(&query)?;
            times.push(t.elapsed().as_secs_f64() * 1e3);
            cpu.push(cpu_ms() - c);
            result = Some(r);
        }
        let flow = result.and_then(|r| r.forward).ok_or("no forward flow")?;
        emit(json!({
            "kind": "trace", "policy": policy.name(), "seed": i, "ms": times, "cpu_ms": cpu,
            "transfers": flow.transfers.len(), "accounts": flow.accounts.len(),
            "reached": flow.reached().count(), "from_seeds": flow.from_seeds,
        }));
        all.extend(times);
        all_cpu.extend(cpu);
    }
    emit_summary(&format!("trace-{}", policy.name()), all, all_cpu);
    Ok(())
}

fn time_reach(
    tracer: &Tracer,
    seeds: &[AccountId],
    reps: usize,
    dump: Option<&PathBuf>,
) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(dir) = dump {
        fs::create_dir_all(dir)?;
    }
    let (mut all, mut all_cpu) = (Vec::new(), Vec::new());
    for (i, &seed) in seeds.iter().enumerate() {
        let query = TraceQuery::forward(vec![seed]);
        let (mut times, mut cpu) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
        let mut found = None;
        for _ in 0..reps {
            let (t, c) = (Instant::now(), cpu_ms());
            let r = reach::reach(tracer, &query, Side::Forward);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            cpu.push(cpu_ms() - c);
            found = Some(r);
        }
        let found = found.ok_or("no reach")?;
        let g = tracer.graph();
        let accounts = reached_accounts(g, &found);
        if let Some(dir) = dump {
            let mut keys: Vec<String> = accounts.iter().map(|&v| key(g, v)).collect();
            keys.sort_unstable();
            let mut out =
                std::io::BufWriter::new(fs::File::create(dir.join(format!("reach-{i}.txt")))?);
            for k in keys {
                writeln!(out, "{k}")?;
            }
        }
        emit(json!({
            "kind": "reach", "seed": i, "ms": times, "cpu_ms": cpu,
            "transfers": found.count, "accounts": accounts.len(),
        }));
        all.extend(times);
        all_cpu.extend(cpu);
    }
    emit_summary("reach", all, all_cpu);
    Ok(())
}

/// Accounts a reached transfer paid into, ascending.
fn reached_accounts(g: &TemporalGraph, found: &Reach) -> Vec<AccountId> {
    let mut accounts: Vec<AccountId> = found.transfers().map(|e| g.transfers().dst(e)).collect();
    accounts.sort_unstable();
    accounts.dedup();
    accounts
}

fn time_cut(
    g: &TemporalGraph,
    rates: &Rates,
    sources: &[AccountId],
    sinks: &[AccountId],
    unit: CutUnit,
    reps: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut query = CutQuery::accounts(sources.to_vec(), sinks.to_vec());
    query.unit = unit;
    let (mut times, mut cpu) = (Vec::with_capacity(reps), Vec::with_capacity(reps));
    let mut plan = None;
    for _ in 0..reps {
        let (t, c) = (Instant::now(), cpu_ms());
        let p = cut::plan(g, &query, rates)?;
        times.push(t.elapsed().as_secs_f64() * 1e3);
        cpu.push(cpu_ms() - c);
        plan = Some(p);
    }
    let p = plan.ok_or("no plan")?;
    emit(json!({
        "kind": "cut", "unit": unit, "ms": times, "cpu_ms": cpu,
        "size": p.accounts.len() + p.transfers.len(), "cost": p.cost, "optimal": p.optimal,
        "accounts": p.accounts.iter().map(|&v| key(g, v)).collect::<Vec<_>>(),
        "transfers_on_paths": p.transfers_on_paths, "flow_before": p.flow_before,
        "flow_after": p.flow_after, "connected_after": p.connected_after,
    }));
    Ok(())
}

/// Where a cut's time goes, from the public pieces `cut::plan` is made of: the transfers on
/// time-respecting paths, the money network and its maximum flow (`flow_before`), and the
/// unit network's minimum transfer cut.
fn time_cut_parts(g: &TemporalGraph, rates: &Rates, sources: &[AccountId], sinks: &[AccountId]) {
    let n = g.accounts().len();
    let mut terms = Terminals {
        g,
        is_source: vec![false; n],
        is_sink: vec![false; n],
        range: 0..g.transfers().len() as u32,
    };
    for &s in sources {
        terms.is_source[s as usize] = true;
    }
    for &k in sinks {
        terms.is_sink[k as usize] = true;
    }
    let t = Instant::now();
    let edges = terms.on_paths();
    let on_paths_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let money = Expanded::build(&terms, &edges, rates);
    let build_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let flow = money.max_flow(&[], &[]);
    let money_flow_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let cut = Expanded::build_unit(&terms, &edges).min_transfer_cut();
    let unit_cut_ms = t.elapsed().as_secs_f64() * 1e3;
    let t = Instant::now();
    let path = terms.path_avoiding(&edges, &vec![false; n]);
    let path_ms = t.elapsed().as_secs_f64() * 1e3;
    emit(json!({
        "kind": "cut_parts", "transfers_on_paths": edges.len(), "on_paths_ms": on_paths_ms,
        "money_network_build_ms": build_ms, "money_max_flow_ms": money_flow_ms, "flow": flow,
        "unit_build_and_min_cut_ms": unit_cut_ms, "transfer_cut": cut.len(),
        "one_path_avoiding_ms": path_ms, "path_len": path.map_or(0, |p| p.len()),
    }));
}

fn emit_summary(what: &str, mut ms: Vec<f64>, mut cpu: Vec<f64>) {
    ms.sort_by(f64::total_cmp);
    cpu.sort_by(f64::total_cmp);
    let at = |v: &[f64], q: f64| v[((v.len() as f64 * q) as usize).min(v.len() - 1)];
    emit(json!({
        "kind": "summary", "what": what, "samples": ms.len(),
        "median_ms": at(&ms, 0.5), "p90_ms": at(&ms, 0.9), "max_ms": ms[ms.len() - 1],
        "min_ms": ms[0], "cpu_median_ms": at(&cpu, 0.5), "cpu_p90_ms": at(&cpu, 0.9),
    }));
}

/// The process's time on the CPUs so far, all threads together, in ms
/// (`CLOCK_PROCESS_CPUTIME_ID`): on a shared machine the wall clock also counts the time other
/// processes held the cores, and a trace runs mostly on rayon's threads, not the calling one.
/// Idle rayon threads spin a little before they sleep, which counts too. NaN off Linux.
fn cpu_ms() -> f64 {
    #[cfg(target_os = "linux")]
    {
        #[repr(C)]
        struct Timespec {
            tv_sec: i64,
            tv_nsec: i64,
        }
        extern "C" {
            fn clock_gettime(clock: i32, time: *mut Timespec) -> i32;
        }
        const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
        let mut t = Timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: clock_gettime writes one timespec (two 64-bit fields on 64-bit Linux) into
        // the struct it is given and touches nothing else.
        if unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } == 0 {
            return t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6;
        }
    }
    f64::NAN
}

/// The account as `bank,account`, the way the CSV names it.
fn key(g: &TemporalGraph, v: AccountId) -> String {
    format!("{},{}", g.accounts().bank(v), g.accounts().number(v))
}

fn emit(value: serde_json::Value) {
    println!("{value}");
}

/// Peak resident set size in bytes (Linux `VmHWM`), 0 where it cannot be read.
fn peak_rss_bytes() -> u64 {
    let status = fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |kib| kib * 1024)
}
