#!/usr/bin/env python3
"""snapml GraphFeaturePreprocessor vs `flowtrace features` on the same 1M-edge stream.

Fan, degree and vertex statistics (1-day windows), 2 threads each; with --features all also
scatter-gather, temporal and length-constrained cycles (1-day windows, snapml's default bins
and cycle length). Generates (and caches
under target/gfp-bench/) a deterministic stream: 1,000,000 edges among 100,000 accounts (uniform)
over 10 days, one timestamp per second, columns EdgeID,src,dst,timestamp,amount. Runs each tool
as its own process, measures wall time and peak RSS (os.wait4), then checks the outputs are
the same: counts exactly, statistics within 1e-9 (relative and absolute). Also times both
tools in memory, the input already loaded and every output column materialised: snapml's
`fit_transform` (inside snapml_features.py) against flowtrace's (examples/gfp_features, 2
threads), whose output is checked against snapml's too. The whole-process times include each
tool's CSV reading and writing (flowtrace writes about 1 GB; on some machines the kernel's
buffered write alone takes 1-2 s of that).

    bench/gfp/bench.py [--edges N] [--features stats|all] [--flowtrace target/release/flowtrace]
                       [--example target/release/examples/gfp_features] [--repeat 3]
                       [--rerun-snapml]

snapml takes minutes on the default stream, so its output and timings are cached in
target/gfp-bench/ (snapml.csv and snapml-run.json, keyed by the input file and the
parameters) and reused, announced as such, until --rerun-snapml or the key changes.

Needs target/gfp-venv (bench/gfp/setup-venv.sh) and a release build of the CLI and of the
example; bench/gfp/bench.sh does all three, then runs this with the venv's python. Exits 1 if the outputs differ (after printing
the timings and, per differing column, the rows off and the largest relative difference).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DAY = 86400
PARAMS = {
    "num_threads": 2,
    "time_window": -1,
    "vertex_stats": True,
    "vertex_stats_tw": DAY,
    "vertex_stats_cols": [3, 4],
    "vertex_stats_feats": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    "fan": True,
    "fan_tw": DAY,
    "fan_bins": [2, 3, 4, 5, 10, 20],
    "degree": True,
    "degree_tw": DAY,
    "degree_bins": [2, 3, 4, 5, 10, 20],
    "scatter-gather": False,
    "temp-cycle": False,
    "lc-cycle": False,
}


ALL_FAMILIES = {
    "scatter-gather": True,
    "scatter-gather_tw": DAY,
    "temp-cycle": True,
    "temp-cycle_tw": DAY,
    "lc-cycle": True,
    "lc-cycle_tw": DAY,
}


def generate(path, edges, accounts, days, seed=42):
    """Deterministic stream: accounts drawn uniformly (about one transfer per account and
    day), times sorted, amounts log-normal."""
    rng = np.random.default_rng(seed)
    src = rng.integers(0, accounts, size=edges)
    dst = rng.integers(0, accounts, size=edges)
    ts = np.sort(rng.integers(0, days * DAY, size=edges))
    amount = np.round(np.exp(rng.normal(5.0, 1.5, size=edges)), 2)
    data = np.column_stack([np.arange(edges), src, dst, ts, amount])
    tmp = path + ".tmp"
    np.savetxt(tmp, data, delimiter=",", fmt=["%d", "%d", "%d", "%d", "%.2f"],
               header="EdgeID,src,dst,timestamp,amount", comments="")
    os.replace(tmp, path)


def timed(cmd, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB, stderr). Flushes the page cache's
    pending writes first: the previous run's gigabyte of CSV being written back to disk in
    the background would otherwise take CPU from this one."""
    os.sync()
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=None if env is None else dict(os.environ, **env))
    err = proc.stderr.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err}")
    return wall, usage.ru_maxrss / 1024.0, err


def params_path(out):
    """The parameter file written beside a run's output."""
    return out + ".params.json"


def snapml_run(cmd, out, edges_csv, rerun):
    """Runs snapml, or reuses the cached run of the same input and parameters; returns
    (wall seconds, peak RSS MiB, seconds inside fit_transform)."""
    name = os.path.basename(out)
    record = os.path.join(os.path.dirname(out),
                          "snapml-run.json" if name == "snapml.csv" else name + "-run.json")
    with open(params_path(out)) as f:
        params = json.load(f)
    key = {"input": os.path.basename(edges_csv), "size": os.path.getsize(edges_csv),
           "params": params}
    if not rerun and os.path.exists(record) and os.path.exists(out):
        with open(record) as f:
            cached = json.load(f)
        if cached.get("key") == key:
            print(f"snapml: reusing the cached run of {cached['date']} (--rerun-snapml to redo)",
                  file=sys.stderr)
            return cached["wall"], cached["rss"], cached["inner"]
    wall, rss, err = timed(cmd)
    inner = next((float(l.split()[1]) for l in err.splitlines()
                  if l.startswith("snapml_seconds")), float("nan"))
    with open(record, "w") as f:
        json.dump({"key": key, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                   "wall": wall, "rss": rss, "inner": inner}, f, indent=1)
    return wall, rss, inner


def compare(a, b, names):
    """Whether b (flowtrace) equals a (snapml): counts exactly, statistics within 1e-9
    relative and absolute. Returns (same, a one-line report)."""
    assert a.shape == b.shape, f"shapes differ: snapml {a.shape}, flowtrace {b.shape}"
    stat_cols = [i for i, n in enumerate(names) if n.startswith(("src_", "dst_"))
                 and not n.endswith(("_fan", "_deg"))]
    count_cols = [i for i in range(len(names)) if i not in stat_cols]
    counts_equal = np.array_equal(a[:, count_cols], b[:, count_cols])
    stats_close = np.allclose(a[:, stat_cols], b[:, stat_cols], rtol=1e-9, atol=1e-9,
                              equal_nan=True)
    worst = None
    if not stats_close:
        diff = ~np.isclose(a[:, stat_cols], b[:, stat_cols], rtol=1e-9, atol=1e-9,
                           equal_nan=True)
        sa, sb = a[:, stat_cols], b[:, stat_cols]
        with np.errstate(divide="ignore", invalid="ignore"):
            rel = np.abs(sa - sb) / np.maximum(np.abs(sa), np.abs(sb))
        worst = {names[stat_cols[j]]: (int(diff[:, j].sum()), float(np.nanmax(rel[:, j])))
                 for j in range(len(stat_cols)) if diff[:, j].any()}
    report = (f"identical: counts exact {counts_equal} ({len(count_cols)} columns), "
              f"statistics allclose 1e-9 {stats_close} ({len(stat_cols)} columns)"
              + (f"; per column (rows off, max relative difference) {worst}" if worst else ""))
    return counts_equal and stats_close, report


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--accounts", type=int, default=100_000)
    ap.add_argument("--days", type=int, default=10)
    ap.add_argument("--flowtrace", default=os.path.join(ROOT, "target/release/flowtrace"))
    ap.add_argument("--example",
                    default=os.path.join(ROOT, "target/release/examples/gfp_features"),
                    help="flowtrace's fit_transform timed in memory, like snapml's")
    ap.add_argument("--features", choices=["stats", "all"], default="stats",
                    help="fan, degree and vertex statistics, or every family")
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs of flowtrace (whole process and in memory); the median is reported")
    ap.add_argument("--rerun-snapml", action="store_true",
                    help="run snapml even if a cached run for this input and parameters exists")
    args = ap.parse_args()
    work = os.path.join(ROOT, "target", "gfp-bench")
    os.makedirs(work, exist_ok=True)
    edges_csv = os.path.join(work, f"edges-u-{args.edges}-{args.accounts}-{args.days}.csv")
    if not os.path.exists(edges_csv):
        print(f"generating {edges_csv}", file=sys.stderr)
        generate(edges_csv, args.edges, args.accounts, args.days)
    chosen = dict(PARAMS, **(ALL_FAMILIES if args.features == "all" else {}))
    suffix = "" if args.features == "stats" else "-all"
    snap_out = os.path.join(work, f"snapml{suffix}.csv")
    ft_out = os.path.join(work, f"flowtrace{suffix}.csv")
    params = params_path(snap_out)
    with open(params, "w") as f:
        json.dump(chosen, f, indent=1)
    py = sys.executable
    snap = [py, os.path.join(ROOT, "bench/gfp/snapml_features.py"), edges_csv, params,
            snap_out, "--time"]
    ft = [args.flowtrace, "--threads", "2", "--quiet", "features", edges_csv,
          "--params", params, "--out", ft_out]
    s_wall, s_rss, s_inner = snapml_run(snap, snap_out, edges_csv, args.rerun_snapml)
    # flowtrace takes seconds: each of its runs is repeated and the median reported, since
    # one run on a shared machine can be off by half.
    runs = [timed(ft) for _ in range(args.repeat)]
    f_walls = sorted(r[0] for r in runs)
    f_wall, f_rss = f_walls[len(runs) // 2], max(r[1] for r in runs)
    ex_out = os.path.join(work, f"flowtrace-in-memory{suffix}.csv")
    e_inners = []
    for _ in range(args.repeat):
        _, _, ex_err = timed([args.example, edges_csv, params, ex_out],
                             env={"RAYON_NUM_THREADS": "2"})
        e_inners.append(next(float(l.split()[1]) for l in ex_err.splitlines()
                             if l.startswith("flowtrace_seconds")))
    e_inners.sort()
    e_inner = e_inners[len(e_inners) // 2]

    a = np.loadtxt(snap_out, delimiter=",", dtype=np.float64, ndmin=2)
    with open(ft_out) as f:
        names = f.readline().strip().split(",")[5:]
    b = np.loadtxt(ft_out, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)[:, 5:]
    same, report = compare(a, b, names)
    c = np.loadtxt(ex_out, delimiter=",", dtype=np.float64, ndmin=2)
    same_in_memory, report_in_memory = compare(a, c, names)
    n = args.edges
    print(f"edges {n}, accounts {args.accounts}, days {args.days}, features {len(names)} "
          f"({args.features})")
    print(f"snapml    wall {s_wall:8.2f} s  {n / s_wall:12,.0f} edges/s  peak RSS {s_rss:8.0f} MiB"
          f"  (inside fit_transform {s_inner:.2f} s, {n / s_inner:,.0f} edges/s)")
    print(f"flowtrace wall {f_wall:8.2f} s  {n / f_wall:12,.0f} edges/s  peak RSS {f_rss:8.0f} MiB"
          f"  (median of {len(f_walls)}: {', '.join(f'{w:.2f}' for w in f_walls)})")
    print(f"ratio (snapml wall / flowtrace wall) {s_wall / f_wall:.1f}x; "
          f"vs snapml's fit_transform alone {s_inner / f_wall:.1f}x")
    print(f"in memory (fit_transform alone: input loaded, every output column materialised): "
          f"snapml {s_inner:.2f} s, flowtrace {e_inner:.3f} s ({n / e_inner:,.0f} edges/s; median "
          f"of {', '.join(f'{x:.3f}' for x in e_inners)}), ratio {s_inner / e_inner:.1f}x")
    print(f"flowtrace features vs snapml: {report}")
    print(f"flowtrace fit_transform (examples/gfp_features) vs snapml: {report_in_memory}")
    if not (same and same_in_memory):
        sys.exit(1)


if __name__ == "__main__":
    main()
