#!/usr/bin/env python3
"""Prints bench/social's table: per network, toolkit vs flowtrace seconds and the ratio (each
including its reading of the CSV), whole-run wall time and peak RSS, and whether the edges are
identical (else precision and recall against the toolkit's). The whole-run rows cover the
toolkit's run of the exact networks and flowtrace's run of all of them, co-similarity included.
Usage: summarise.py WORK_DIR KINDS"""

import csv
import re
import sys
from pathlib import Path


def timings(log):
    """Steps as {name: (wall, cpu)}, the whole run's (wall, cpu) and its peak RSS in MB."""
    steps, wall, rss, cpu = {}, None, None, 0.0
    for line in Path(log).read_text().splitlines():
        m = re.match(r"time (\S+) ([0-9.]+)(?: cpu ([0-9.]+))?", line)
        if m:
            steps[m.group(1)] = (float(m.group(2)), float(m.group(3) or "nan"))
        m = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([0-9.]+)", line)
        if m:
            h, mnt, s = m.groups()
            wall = int(h or 0) * 3600 + int(mnt) * 60 + float(s)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", line)
        if m:
            rss = int(m.group(1)) / 1024
        m = re.search(r"(?:User|System) time \(seconds\): ([0-9.]+)", line)
        if m:
            cpu += float(m.group(1))
    return steps, (wall, cpu), rss


def edges_toolkit(path, kinds):
    out = {k: set() for k in kinds}
    if not Path(path).exists():
        return out
    with open(path, newline="", encoding="utf-8") as f:
        for row in list(csv.reader(f))[1:]:
            out[row[0]].add((row[1], row[2], int(row[3])))
    return out


def edges_flowtrace(folder, kind):
    with open(Path(folder) / f"{kind}.csv", newline="", encoding="utf-8") as f:
        return {(r[0], r[1], int(r[2])) for r in list(csv.reader(f))[1:]}


def agreement(ours, theirs):
    """'yes' when identical, else precision / recall of our weighted edges against theirs."""
    if ours == theirs:
        return "yes"
    both = len(ours & theirs)
    return f"NO: precision {both / max(len(ours), 1):.4f}, recall {both / max(len(theirs), 1):.4f}"


def plus(a, b):
    return (a[0] + b[0], a[1] + b[1])


def cell(t):
    return f"{t[0]:.3f} ({t[1]:.3f})" if t[0] < 10 else f"{t[0]:.2f} ({t[1]:.2f})"


def ratio(a, b):
    return f"{a[0] / b[0]:.0f}x ({a[1] / b[1]:.0f}x)"


def main():
    work, kinds = Path(sys.argv[1]), sys.argv[2].split(",")
    tk, tk_whole, tk_rss = timings(work / "toolkit.log")
    runs = {name: timings(work / f"flowtrace-{name}.log") for name in ("1", "n", "1-sim", "n-sim")}
    exact = [k for k in kinds if k != "co_similar_tweet"]
    tk_edges = edges_toolkit(work / "toolkit-edges.csv", exact)
    # Each network's toolkit time: its preprocessing plus its computing step.
    tk_time = {k: plus(tk["preprocess"], tk[k]) for k in exact}
    sim_log = work / "toolkit-sim.log"
    if "co_similar_tweet" in kinds and sim_log.exists():
        sim, sim_whole, sim_rss = timings(sim_log)
        if "co_similar_tweet" in sim:
            tk_time["co_similar_tweet"] = plus(sim["preprocess"], sim["co_similar_tweet"])
            tk_edges.update(edges_toolkit(work / "toolkit-sim-edges.csv", ["co_similar_tweet"]))
        note = "" if "co_similar_tweet" in sim else " (no co_similar_tweet step: timed out)"
        print(f"toolkit co-similarity run: wall {sim_whole[0]:.1f} s, CPU {sim_whole[1]:.1f} s, "
              f"peak RSS {sim_rss:.0f} MB{note}")
    print("seconds wall (CPU); each network's time includes reading the CSV")
    print(f"{'network':<17}{'toolkit':>18}{'flowtrace 1 core':>18}{'ratio':>12}"
          f"{'flowtrace all':>18}{'ratio':>12}{'edges':>10}  identical")
    for k in kinds:
        one, all_ = ("1-sim", "n-sim") if k == "co_similar_tweet" else ("1", "n")
        a = plus(runs[one][0]["read"], runs[one][0][k])
        b = plus(runs[all_][0]["read"], runs[all_][0][k])
        ours = edges_flowtrace(work / "flowtrace-1", k)
        same_runs = ours == edges_flowtrace(work / "flowtrace-n", k)
        if k in tk_time:
            t = tk_time[k]
            verdict = agreement(ours, tk_edges[k]) + ("" if same_runs else "; runs differ")
            print(f"{k:<17}{cell(t):>18}{cell(a):>18}{ratio(t, a):>12}{cell(b):>18}"
                  f"{ratio(t, b):>12}{len(ours):>10}  {verdict}")
        else:
            print(f"{k:<17}{'not run':>18}{cell(a):>18}{'':>12}{cell(b):>18}{'':>12}"
                  f"{len(ours):>10}")
    print(f"{'steps':<17}toolkit preprocess {cell(tk['preprocess'])}; flowtrace read "
          f"{cell(runs['1'][0]['read'])} (1 core), {cell(runs['n'][0]['read'])} (all)")
    t, a, b = tk_whole, runs["1"][1], runs["n"][1]
    print(f"{'whole run, exact':<17}{cell(t):>18}{cell(a):>18}{ratio(t, a):>12}{cell(b):>18}"
          f"{ratio(t, b):>12}")
    print(f"{'peak RSS MB':<17}{tk_rss:>18.0f}{runs['1'][2]:>18.0f}{'':>12}{runs['n'][2]:>18.0f}")
    print(f"{'  co-similarity':<17}{'':>18}{runs['1-sim'][2]:>18.0f}{'':>12}"
          f"{runs['n-sim'][2]:>18.0f}")
    alone = [k for k in exact if (work / f"flowtrace-alone-{k}.log").exists()]
    if alone:
        print("one network a run, 1 core (flowtrace reads only the columns it needs)")
        for k in alone:
            steps = timings(work / f"flowtrace-alone-{k}.log")[0]
            a, t = plus(steps["read"], steps[k]), tk_time[k]
            verdict = agreement(edges_flowtrace(work / "flowtrace-alone", k), tk_edges[k])
            print(f"{k:<17}{cell(t):>18}{cell(a):>18}{ratio(t, a):>12}  {verdict}")
    both = [k for k in exact if (work / f"flowtrace-alone-n-{k}.log").exists()]
    if both and (work / "toolkit-n.log").exists():
        tk_n = timings(work / "toolkit-n.log")[0]
        tk_n_edges = edges_toolkit(work / "toolkit-n-edges.csv", both)
        print("one network a run, all cores (the toolkit unpinned, --threads = cores)")
        for k in both:
            steps = timings(work / f"flowtrace-alone-n-{k}.log")[0]
            a, t = plus(steps["read"], steps[k]), plus(tk_n["preprocess"], tk_n[k])
            verdict = agreement(edges_flowtrace(work / "flowtrace-alone-n", k), tk_n_edges[k])
            print(f"{k:<17}{cell(t):>18}{cell(a):>18}{ratio(t, a):>12}  {verdict}")


if __name__ == "__main__":
    main()
