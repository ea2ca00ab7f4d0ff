//! Measures the Hamming index at scale: build time, lookups per second at a radius, exactness
//! against brute force on a sample, the time to add hashes to the live index, and peak memory.
//!
//! `cargo run --release -p flowtrace-media --example index_bench -- [N] [QUERIES] [RADIUS]`
//! (defaults 10,000,000 hashes, 20,000 queries, radius 31). Hashes are uniformly random, with
//! 1,000 planted clusters of near neighbours; half the queries sit near a cluster centre, half
//! are random. Run it pinned to one core (`taskset -c 0`) for the one-core figure.
//!
//! With `INDEX_BENCH_WRITE=DIR` it also writes the hashes and queries to `DIR/hashes.bin` and
//! `DIR/queries.bin` (32 bytes each, in order) for the faiss side of `bench/media/bench.sh`.
//! With `INDEX_BENCH_BATCH_ONLY=1` it skips the one-at-a-time rounds (quicker when tuning the
//! batch path) and checks the batched answers against brute force on the sample instead.

use std::time::Instant;

use flowtrace_media::index::{BatchSearcher, HammingIndex, Hit, Searcher};
use flowtrace_media::Hash256;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn hash(&mut self) -> Hash256 {
        Hash256::from_words([self.next(), self.next(), self.next(), self.next()])
    }

    fn near(&mut self, base: &Hash256, max_bits: u64) -> Hash256 {
        let mut h = *base;
        for _ in 0..(self.next() % (max_bits + 1)) {
            let k = (self.next() % 256) as usize;
            h.0[31 - k / 8] ^= 1 << (k % 8);
        }
        h
    }
}

/// `VmHWM` (peak resident memory) and `VmRSS` of this process, in MiB.
fn memory_mib() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<u64>().ok())
            .map_or(0, |kb| kb / 1024)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// Seconds this thread has spent on a CPU (from `/proc/thread-self/schedstat`): on a shared
/// machine, wall time also counts the time other processes held the core.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
    let ns: f64 = stat
        .split_whitespace()
        .next()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    ns / 1e9
}

/// Lookups per wall-clock second and per on-CPU second, one query at a time; and the answers.
fn run_queries(
    index: &HammingIndex,
    queries: &[Hash256],
    radius: u32,
) -> (f64, f64, Vec<Vec<Hit>>) {
    let mut searcher = Searcher::default();
    let mut answers = Vec::with_capacity(queries.len());
    let (start, cpu) = (Instant::now(), cpu_seconds());
    for q in queries {
        answers.push(searcher.query(index, q, radius).to_vec());
    }
    let n = queries.len() as f64;
    (
        n / start.elapsed().as_secs_f64(),
        n / (cpu_seconds() - cpu),
        answers,
    )
}

/// The same through [`BatchSearcher::query_batch`] (a searcher's first batch also pays for
/// allocating its candidate store).
fn run_batch(
    searcher: &mut BatchSearcher,
    index: &HammingIndex,
    queries: &[Hash256],
    radius: u32,
) -> (f64, f64, Vec<Vec<Hit>>) {
    let (start, cpu) = (Instant::now(), cpu_seconds());
    let answers = searcher.query_batch(index, queries, radius);
    let n = queries.len() as f64;
    (
        n / start.elapsed().as_secs_f64(),
        n / (cpu_seconds() - cpu),
        answers,
    )
}

/// Runs `rounds` of single and batch lookups, printing rates; checks both give the same answers.
fn compare_paths(label: &str, index: &HammingIndex, queries: &[Hash256], radius: u32, rounds: u32) {
    let batch_only = std::env::var_os("INDEX_BENCH_BATCH_ONLY").is_some_and(|v| v == "1");
    let mut single = Vec::new();
    for round in (1..=rounds).filter(|_| !batch_only) {
        let (rate, cpu_rate, answers) = run_queries(index, queries, radius);
        let hits: usize = answers.iter().map(Vec::len).sum();
        println!(
            "{label} round {round}: {} queries at radius {radius}, one at a time: \
             {rate:.0} lookups/s wall, {cpu_rate:.0} per on-CPU second, {hits} hits",
            queries.len()
        );
        single = answers;
    }
    let mut searcher = BatchSearcher::default();
    for round in 1..=rounds {
        let (rate, cpu_rate, answers) = run_batch(&mut searcher, index, queries, radius);
        if batch_only {
            let sample = 100.min(queries.len());
            single = queries[..sample]
                .iter()
                .map(|q| index.brute_force(q, radius))
                .collect();
            single.extend_from_slice(&answers[sample..]);
        }
        let reference = if batch_only {
            "brute force on the first 100"
        } else {
            "one at a time"
        };
        println!(
            "{label} round {round}: {} queries at radius {radius}, batched: \
             {rate:.0} lookups/s wall, {cpu_rate:.0} per on-CPU second; same answers as {reference}: {}",
            queries.len(),
            answers == single
        );
    }
}

fn write_hashes(path: &std::path::Path, hashes: impl Iterator<Item = Hash256>) {
    let bytes: Vec<u8> = hashes.flat_map(|h| h.0).collect();
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("error: cannot write {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    let args: Vec<u64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    let n = args.first().copied().unwrap_or(10_000_000) as usize;
    let query_count = args.get(1).copied().unwrap_or(20_000) as usize;
    let radius = args.get(2).copied().unwrap_or(31) as u32;
    let mut rng = Rng(2026);
    let centres: Vec<Hash256> = (0..1000).map(|_| rng.hash()).collect();

    let planted = 20 * centres.len();
    let dataset = || {
        let (centres, mut data_rng) = (&centres, Rng(7));
        (0..n).map(move |i| {
            if i % (n / planted).max(1) == 0 {
                data_rng.near(&centres[i % centres.len()], 40)
            } else {
                data_rng.hash()
            }
        })
    };
    let write_to = std::env::var_os("INDEX_BENCH_WRITE").map(std::path::PathBuf::from);
    if let Some(dir) = &write_to {
        write_hashes(&dir.join("hashes.bin"), dataset());
    }
    let start = Instant::now();
    let index = HammingIndex::from_hashes(dataset());
    let build = start.elapsed().as_secs_f64();
    let (peak, rss) = memory_mib();
    println!(
        "built {} hashes in {build:.2} s; index holds {} MiB; VmHWM {peak} MiB, VmRSS {rss} MiB",
        index.len(),
        index.memory_bytes() >> 20
    );

    let queries: Vec<Hash256> = (0..query_count)
        .map(|i| {
            if i % 2 == 0 {
                rng.near(&centres[i % centres.len()], 31)
            } else {
                rng.hash()
            }
        })
        .collect();
    if let Some(dir) = &write_to {
        write_hashes(&dir.join("queries.bin"), queries.iter().copied());
    }
    let sample = 100.min(queries.len());
    let exact = queries[..sample]
        .iter()
        .all(|q| index.query(q, radius) == index.brute_force(q, radius));
    println!("exact against brute force on {sample} queries: {exact}");
    compare_paths("built", &index, &queries, radius, 3);

    let mut index = index;
    let added: Vec<Hash256> = (0..100_000).map(|_| rng.hash()).collect();
    let start = Instant::now();
    index.extend(added.iter().copied());
    let batch = start.elapsed().as_secs_f64();
    let start = Instant::now();
    for h in &added {
        index.add(rng.near(h, 3));
    }
    let singles = start.elapsed().as_secs_f64();
    println!("added 100,000 hashes as one batch in {batch:.3} s, then 100,000 one at a time in {singles:.3} s");
    let probe = rng.near(&added[500], 10);
    let found = index.query(&probe, radius).len();
    let exact = index.query(&probe, radius) == index.brute_force(&probe, radius);
    println!("a query near an added hash finds {found} (exact: {exact})");
    compare_paths("after adds", &index, &queries, radius, 1);
    let (peak, rss) = memory_mib();
    println!(
        "after adds: {} hashes; index holds {} MiB; VmHWM {peak} MiB, VmRSS {rss} MiB",
        index.len(),
        index.memory_bytes() >> 20
    );
}
