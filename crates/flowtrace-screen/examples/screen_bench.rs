//! Throughput and latency of screening on one thread: loads the lists given, screens every name
//! of a queries CSV (`id,name,...`) `--passes` times, timing each query, and prints one JSON
//! object. Run by `bench/screen.sh` (pinned to one core); not a test.
//!
//! On a shared machine the wall clock also counts the time other processes held the core, so
//! the thread's own CPU time (Linux's `/proc/thread-self/schedstat`) is printed beside it:
//! `queries_per_cpu_s` is what a core of one's own would give.
//!
//! ```text
//! cargo run --release -p flowtrace-screen --example screen_bench -- \
//!     --list data/watchlists/un_consolidated.xml --queries tests/data/screen/pairs.csv
//! ```

use std::path::PathBuf;
use std::time::Instant;

use flowtrace_screen::{read_queries, read_watchlist, OnError, ScreenOptions, Screener, Watchlist};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let (mut lists, mut queries, mut passes) = (Vec::new(), None, 10usize);
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--list" => lists.push(PathBuf::from(value)),
            "--queries" => queries = Some(PathBuf::from(value)),
            "--passes" => passes = value.parse()?,
            _ => return Err(format!("unknown flag {flag}").into()),
        }
    }
    let started = Instant::now();
    let mut list = Watchlist::default();
    for path in &lists {
        list.extend(read_watchlist(path)?);
    }
    let entities = list.len();
    let screener = Screener::new(list);
    let build_seconds = started.elapsed().as_secs_f64();
    let (queries, _) = read_queries(&queries.ok_or("--queries is required")?, &OnError::Fail)?;
    let options = ScreenOptions::default();
    let mut latencies = Vec::with_capacity(queries.len() * passes);
    let (mut hits, mut touched, mut scored) = (0usize, 0usize, 0usize);
    let cpu = cpu_seconds();
    let all = Instant::now();
    for _ in 0..passes {
        for q in &queries {
            let t = Instant::now();
            let (found, work) = screener.screen_with_work(q, &options);
            latencies.push(t.elapsed().as_secs_f64() * 1e6);
            hits += found.len();
            touched += work.touched;
            scored += work.scored;
        }
    }
    let seconds = all.elapsed().as_secs_f64();
    let cpu = cpu_seconds()
        .zip(cpu)
        .map_or(f64::NAN, |(after, before)| after - before);
    latencies.sort_by(f64::total_cmp);
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    let n = latencies.len() as f64;
    let (names, keys) = screener.size();
    println!(
        "{{\"entities\":{entities},\"names\":{names},\"keys\":{keys},\"build_s\":{build_seconds:.3},\
         \"queries\":{},\"seconds\":{seconds:.3},\"queries_per_s\":{:.0},\"cpu_s\":{cpu:.3},\"queries_per_cpu_s\":{:.0},\"mean_us\":{:.1},\
         \"p50_us\":{:.1},\"p99_us\":{:.1},\"max_us\":{:.1},\"hits_per_query\":{:.2},\
         \"touched_per_query\":{:.1},\"scored_per_query\":{:.1}}}",
        latencies.len(),
        n / seconds,
        n / cpu,
        latencies.iter().sum::<f64>() / n,
        at(0.5),
        at(0.99),
        latencies[latencies.len() - 1],
        hits as f64 / n,
        touched as f64 / n,
        scored as f64 / n,
    );
    Ok(())
}

/// CPU time this thread has run, in seconds, where Linux tells it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanoseconds: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(nanoseconds / 1e9)
}
