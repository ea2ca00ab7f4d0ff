#!/usr/bin/env python3
"""Fund tracing and cuts: flowtrace against networkx on the same simulated worlds.

For each size (transfers) it generates, once, a `hi`-preset world with one account per
--per-account transfers under target/bench-data/trace-<size>/ (`flowtrace simulate`), then:

  flowtrace  the trace_bench example (release): loads the CSV once, then 6-hop forward traces
             (haircut, poison), bare reachability and both cuts from deterministic seeds, each
             query --reps times; latency after load, peak RSS (VmHWM)
  networkx   bench/trace/nx_trace.py in target/trace-venv: loads the CSV into a MultiDiGraph,
             the same reachability from the same seeds (once each), then a static node and edge
             cut between the same sources and sinks; peak RSS (ru_maxrss)

networkx runs under an address-space limit (--nx-mem-gb, default 12) and a time limit
(--nx-timeout, default 1200 s); what it measured before either stopped it is kept. The reached
account sets of the two are compared seed by seed. Raw JSON lines go to
target/trace-bench/<size>/; the tables are printed as Markdown.

    bench/trace/bench.sh                                  # build, venv, then this script
    bench/trace/bench.sh --sizes 1000000 --seeds 10
    bench/trace/bench.sh --sizes 10000000 --seeds 10 --reps 2 --cut-reps 1 --no-cut-parts --nx-seeds 5
    bench/trace/bench.py --sizes 1000000,10000000 --report-only   # tables from the last run

At 10M a flowtrace cut takes one to two CPU minutes and a networkx reachability query about
ten CPU seconds after a twelve-minute load, hence the lighter settings for that size.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TARGET = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
DATA = ROOT / "target" / "bench-data"
OUT = ROOT / "target" / "trace-bench"


def world(size, per_account):
    """The CSV of a `hi` world of `size` transfers, generated if missing."""
    out = DATA / f"trace-{size}"
    csv = out / "transactions.csv"
    if csv.exists():
        return csv
    out.mkdir(parents=True, exist_ok=True)
    config = out / "world.in.toml"
    config.write_text(f'preset = "hi"\ntransfers = {size}\naccounts = {size // per_account}\n')
    subprocess.run([str(TARGET / "release" / "flowtrace"), "--quiet", "simulate", "--config",
                    str(config), "--out", str(out)], check=True, stdout=subprocess.DEVNULL)
    return csv


def lines(path):
    with open(path) as f:
        return [json.loads(l) for l in f if l.startswith("{")]


def run_flowtrace(csv, work, args):
    dump = work / "flowtrace-reach"
    cmd = [str(TARGET / "release" / "examples" / "trace_bench"), "--input", str(csv),
           "--seeds", str(args.seeds), "--reps", str(args.reps), "--cut-reps", str(args.cut_reps),
           "--cut-parts", "false" if args.no_cut_parts else "true",
           "--dump", str(dump)]
    log = work / "flowtrace.jsonl"
    with open(log, "w") as out:
        subprocess.run(cmd, check=True, stdout=out)
    return lines(log), dump


def limit_memory(gb):
    def apply():
        limit = int(gb * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run_networkx(csv, work, terminals, dump, args):
    cmd = [sys.executable, str(Path(__file__).with_name("nx_trace.py")), "--input", str(csv),
           "--terminals", str(terminals), "--dump", str(dump)]
    if args.nx_seeds:
        cmd += ["--max-seeds", str(args.nx_seeds)]
    if args.nx_skip_cut:
        cmd += ["--skip-cut"]
    log = work / "networkx.jsonl"
    err = work / "networkx.stderr"
    with open(log, "w") as out, open(err, "w") as errors:
        p = subprocess.Popen(cmd, stdout=out, stderr=errors, preexec_fn=limit_memory(args.nx_mem_gb))
        try:
            code = p.wait(timeout=args.nx_timeout)
            stopped = None if code == 0 else f"exit {code}: {tail(err)}"
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
            stopped = f"stopped after the {args.nx_timeout} s time limit"
    return lines(log), stopped


def tail(path):
    text = Path(path).read_text().strip().splitlines()
    return text[-1] if text else ""


def pick(records, kind, **match):
    return [r for r in records if r["kind"] == kind and all(r.get(k) == v for k, v in match.items())]


def one(records, kind, **match):
    found = pick(records, kind, **match)
    return found[0] if found else None


def mib(b):
    return f"{b / 2**20:,.0f}"


def ms(x):
    return "–" if x is None else (f"{x:,.1f}" if x < 100 else f"{x:,.0f}")


def report(size, ft, nx_records, stopped):
    load = one(ft, "load")
    nx_load = one(nx_records, "load")
    print(f"\n### {size:,} transfers: {load['accounts']:,} accounts\n")
    print(f"flowtrace load (read, parse, intern, sort, adjacency): {load['load_s']:.2f} s, "
          f"peak RSS after load {mib(load['peak_rss_bytes'])} MiB, "
          f"at the end {mib(one(ft, 'end')['peak_rss_bytes'])} MiB")
    if nx_load:
        print(f"networkx load (csv module into MultiDiGraph): {nx_load['load_s']:.1f} s, "
              f"peak RSS after load {mib(nx_load['peak_rss_bytes'])} MiB"
              + (f", at the end {mib(one(nx_records, 'end')['peak_rss_bytes'])} MiB"
                 if one(nx_records, "end") else ""))
    if stopped:
        print(f"networkx did not finish: {stopped}")
    nx_reach = one(nx_records, "summary", what="reach")
    print("\nLatency after load, per query (wall clock; in brackets the process's CPU time over all "
          "its threads, which flowtrace spreads over both cores):\n")
    print("| query | flowtrace median ms | flowtrace p90 ms | flowtrace max ms | "
          "networkx median ms | networkx / flowtrace (wall) | (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for what, label in [("reach", "6-hop reachability"),
                        ("trace-haircut", "6-hop trace, haircut (reachability + attribution)"),
                        ("trace-poison", "6-hop trace, poison (reachability + attribution)")]:
        s = one(ft, "summary", what=what)
        if nx_reach:
            nx_cols = (f"{ms(nx_reach['median_ms'])} ({ms(nx_reach['cpu_median_ms'])}) | "
                       f"{nx_reach['median_ms'] / s['median_ms']:,.0f}x | "
                       f"{nx_reach['cpu_median_ms'] / s['cpu_median_ms']:,.0f}x")
        else:
            nx_cols = "– | – | –"
        print(f"| {label} | {ms(s['median_ms'])} ({ms(s['cpu_median_ms'])}) | "
              f"{ms(s['p90_ms'])} ({ms(s['cpu_p90_ms'])}) | {ms(s['max_ms'])} | {nx_cols} |")
    ft_reach = pick(ft, "reach")
    nx_reach_rows = pick(nx_records, "reach")
    if nx_reach and len(nx_reach_rows) < len(ft_reach):
        ran = {r["seed"] for r in nx_reach_rows}
        wall = statistics.median(x for r in ft_reach if r["seed"] in ran for x in r["ms"])
        cpu = statistics.median(x for r in ft_reach if r["seed"] in ran for x in r["cpu_ms"])
        print(f"\nOn the {len(ran)} seeds networkx ran, flowtrace's reachability median is "
              f"{ms(wall)} ms ({ms(cpu)} CPU): networkx / flowtrace "
              f"{nx_reach['median_ms'] / wall:,.0f}x wall, {nx_reach['cpu_median_ms'] / cpu:,.0f}x CPU.")
    agree = [r for r in nx_reach_rows if r["agrees"]]
    same_transfers = [r for r in nx_reach_rows
                      if r["transfers"] == ft_reach[r["seed"]]["transfers"]]
    print(f"\nReached per seed (flowtrace): accounts median "
          f"{statistics.median(r['accounts'] for r in ft_reach):,.0f} "
          f"(max {max(r['accounts'] for r in ft_reach):,}), transfers median "
          f"{statistics.median(r['transfers'] for r in ft_reach):,.0f} "
          f"(max {max(r['transfers'] for r in ft_reach):,}).")
    print(f"Agreement: networkx reached the same account set for {len(agree)} of "
          f"{len(nx_reach_rows)} seeds and the same number of transfers for "
          f"{len(same_transfers)} of {len(nx_reach_rows)} (flowtrace ran {len(ft_reach)} seeds).")
    for r in nx_reach_rows:
        if not r["agrees"]:
            print(f"  seed {r['seed']}: only networkx {r['only_networkx']}, "
                  f"only flowtrace {r['only_flowtrace']}")
    report_cut(ft, nx_records)


def report_cut(ft, nx_records):
    terms = one(ft, "cut_terminals")
    cuts = {c["unit"]: c for c in pick(ft, "cut")}
    nx_cut = one(nx_records, "cut")
    if not cuts:
        print("\nNo cut measured (no sinks at hop 3-6, or --cut-reps 0).")
        return
    acc, tra = cuts["accounts"], cuts["transfers"]
    print(f"\nCut: {len(terms['sources'])} sources, {len(terms['sinks'])} sinks; "
          f"{acc['transfers_on_paths']:,} transfers on time-respecting paths (flowtrace)"
          + (f", {nx_cut['transfers_on_paths']:,} (Python sweep)" if nx_cut else ""))
    print("\n| cut | flowtrace median ms | networkx static cut ms | "
          "networkx incl. temporal region and graph build ms | networkx / flowtrace |")
    print("|---|---:|---:|---:|---:|")
    for unit, c in [("accounts", acc), ("transfers", tra)]:
        f_ms = statistics.median(c["ms"])
        f_cpu = statistics.median(c["cpu_ms"])
        if nx_cut:
            key = "node_cut" if unit == "accounts" else "edge_cut"
            n_ms = nx_cut[f"{key}_ms"]
            size = nx_cut["node_cut_size"] if unit == "accounts" else nx_cut["edge_cut_transfers"]
            full = n_ms + nx_cut["region_ms"] + nx_cut["build_ms"]
            full_cpu = nx_cut[f"{key}_cpu_ms"] + nx_cut["region_cpu_ms"] + nx_cut["build_cpu_ms"]
            nx_cols = (f"{ms(n_ms)} (size {size}) | {ms(full)} (CPU {ms(full_cpu)}) | "
                       f"{full / f_ms:,.2f}x (CPU {full_cpu / f_cpu:,.2f}x)")
        else:
            nx_cols = "– | – | –"
        print(f"| {unit} | {ms(f_ms)} (CPU {ms(f_cpu)}; size {c['size']}"
              f"{'' if c['optimal'] else ', not proven optimal'}) | {nx_cols} |")
    parts = one(ft, "cut_parts")
    if parts:
        print(f"\nflowtrace cut phases (public pieces, one run): transfers on paths "
              f"{parts['on_paths_ms']:,.0f} ms, money network build {parts['money_network_build_ms']:,.0f} ms, "
              f"its max flow {parts['money_max_flow_ms']:,.0f} ms, unit network + min transfer cut "
              f"{parts['unit_build_and_min_cut_ms']:,.0f} ms, one path search "
              f"{parts['one_path_avoiding_ms']:,.1f} ms.")
    print(f"\nflowtrace account cut {acc['accounts']}: flow {acc['flow_before']:,.0f} before, "
          f"{acc['flow_after']:,.0f} after, connected after: {acc['connected_after']}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000000,10000000")
    p.add_argument("--per-account", type=int, default=10, help="transfers per account")
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--reps", type=int, default=3, help="flowtrace runs per query")
    p.add_argument("--cut-reps", type=int, default=3, help="flowtrace runs per cut")
    p.add_argument("--no-cut-parts", action="store_true",
                   help="do not time the cut's phases apart (saves two max flows)")
    p.add_argument("--nx-seeds", type=int, default=None, help="networkx runs only the first N seeds")
    p.add_argument("--nx-mem-gb", type=float, default=12.0)
    p.add_argument("--nx-timeout", type=int, default=1200)
    p.add_argument("--skip-networkx", action="store_true")
    p.add_argument("--nx-skip-cut", action="store_true",
                   help="networkx answers the reachability queries only (its cut at 10M takes "
                        "minutes and 11 GiB)")
    p.add_argument("--report-only", action="store_true",
                   help="print the tables from the JSON lines of an earlier run")
    args = p.parse_args()
    import networkx
    print(f"command: {os.environ.get('FLOWTRACE_BENCH_COMMAND', 'bench/trace/bench.py ' + ' '.join(sys.argv[1:]))}")
    print(f"date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; "
          f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; "
          f"Python {platform.python_version()}, networkx {networkx.__version__}")
    for size in [int(s) for s in args.sizes.split(",")]:
        work = OUT / str(size)
        if args.report_only:
            nx_log = work / "networkx.jsonl"
            stopped = None if nx_log.exists() and one(lines(nx_log), "end") else \
                f"incomplete: {tail(work / 'networkx.stderr') or 'stopped'}"
            report(size, lines(work / "flowtrace.jsonl"),
                   lines(nx_log) if nx_log.exists() else [], stopped)
            continue
        csv = world(size, args.per_account)
        work.mkdir(parents=True, exist_ok=True)
        ft, dump = run_flowtrace(csv, work, args)
        terminals = work / "terminals.json"
        seeds = one(ft, "seeds")["seeds"]
        cut = one(ft, "cut_terminals")
        terminals.write_text(json.dumps({"seeds": seeds, "sources": cut["sources"],
                                         "sinks": cut["sinks"]}))
        nx_records, stopped = ([], "skipped") if args.skip_networkx else \
            run_networkx(csv, work, terminals, dump, args)
        report(size, ft, nx_records, stopped)
        print(f"\nload average after: {os.getloadavg()[0]:.2f}", flush=True)


if __name__ == "__main__":
    main()
