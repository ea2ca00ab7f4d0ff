#!/usr/bin/env python3
"""World generation benchmark: `flowtrace simulate` throughput and peak memory on one core.

Runs the release binary pinned to one CPU (taskset -c 0) for each size and format, several
times, and prints a Markdown table: best and median wall time, transfers per second and peak
RSS (from getrusage of the child). Generation streams to disk, so peak RSS should depend on the
number of accounts, not of transfers; the table shows it by holding accounts fixed.

No peer runs beside it: IBM's AMLworld generator and AMLSim are Java programs that are not on
PyPI or Debian, so there is nothing to install from the reachable package indexes.

Usage: bench/simulate.sh [--sizes 1000000,5000000,20000000] [--runs 3] [--formats csv,parquet]
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.join(ROOT, "target", "release", "flowtrace")


def run_once(size, fmt, out_dir, accounts):
    config = os.path.join(out_dir, "bench.toml")
    with open(config, "w") as f:
        # The hi preset (AMLworld HI-Small's illicit ratio), scaled to `size` transfers over
        # 18 days with a fixed population.
        f.write(f'preset = "hi"\ntransfers = {size}\naccounts = {accounts}\nbanks = 3000\n')
    world = os.path.join(out_dir, "world")
    rss_file = os.path.join(out_dir, "rss")
    # GNU time reports this one child's peak RSS in KiB (%M).
    cmd = ["/usr/bin/time", "-f", "%M", "-o", rss_file, "taskset", "-c", "0", BIN, "--quiet",
           "simulate", "--config", config, "--format", fmt, "--out", world]
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    with open(rss_file) as f:
        peak_mib = int(f.read().split()[-1]) / 1024
    size_bytes = sum(os.path.getsize(os.path.join(world, n)) for n in os.listdir(world))
    shutil.rmtree(world)
    return seconds, peak_mib, size_bytes


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000000,5000000,20000000")
    p.add_argument("--formats", default="csv,parquet")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--accounts", type=int, default=500000)
    p.add_argument("--dir", default=None, help="scratch directory (default: a temp dir)")
    args = p.parse_args()
    if not os.path.exists(BIN):
        sys.exit(f"build first: cargo build --release -p flowtrace-cli ({BIN} missing)")
    scratch = args.dir or tempfile.mkdtemp(prefix="flowtrace-sim-bench-")
    print(f"command: {os.environ.get('FLOWTRACE_BENCH_COMMAND', 'bench/simulate.py ' + ' '.join(sys.argv[1:]))}")
    print(f"machine: {os.cpu_count()} CPUs, pinned to CPU 0; accounts {args.accounts}\n")
    print("| transfers | format | best s | median s | transfers/s (best) | peak RSS MiB | output MB |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for size in [int(s) for s in args.sizes.split(",")]:
        for fmt in args.formats.split(","):
            results = [run_once(size, fmt, scratch, args.accounts) for _ in range(args.runs)]
            times = [r[0] for r in results]
            peak = max(r[1] for r in results)
            mb = results[0][2] / 1e6
            best = min(times)
            print(f"| {size:,} | {fmt} | {best:.2f} | {statistics.median(times):.2f} | "
                  f"{size / best:,.0f} | {peak:.0f} | {mb:,.0f} |", flush=True)
    if not args.dir:
        shutil.rmtree(scratch)


if __name__ == "__main__":
    main()
