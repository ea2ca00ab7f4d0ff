#!/usr/bin/env python3
"""Prints bench/social's table: per network, toolkit vs flowtrace seconds and the ratio (each
including its reading of the CSV), whole-run wall time and peak RSS, and whether the edges are
identical. Usage: summarise.py WORK_DIR KINDS"""

import csv
import re
import sys
from pathlib import Path


def timings(log):
    steps, wall, rss, cpu = {}, None, None, 0.0
    for line in Path(log).read_text().splitlines():
        m = re.match(r"time (\S+) ([0-9.]+)", line)
        if m:
            steps[m.group(1)] = float(m.group(2))
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
    with open(path, newline="", encoding="utf-8") as f:
        for row in list(csv.reader(f))[1:]:
            out[row[0]].add((row[1], row[2], int(row[3])))
    return out


def edges_flowtrace(folder, kind):
    with open(Path(folder) / f"{kind}.csv", newline="", encoding="utf-8") as f:
        return {(r[0], r[1], int(r[2])) for r in list(csv.reader(f))[1:]}


def main():
    work, kinds = Path(sys.argv[1]), sys.argv[2].split(",")
    tk, tk_wall, tk_rss = timings(work / "toolkit.log")
    f1, f1_wall, f1_rss = timings(work / "flowtrace-1.log")
    fn, fn_wall, fn_rss = timings(work / "flowtrace-n.log")
    tk_edges = edges_toolkit(work / "toolkit-edges.csv", kinds)
    print(f"{'network':<12}{'toolkit s':>11}{'flowtrace 1 thread s':>22}{'ratio':>8}"
          f"{'flowtrace all s':>17}{'ratio':>8}{'edges':>9}  identical")
    for k in kinds:
        t = tk["preprocess"] + tk[k]
        a = f1["read"] + f1[k]
        b = fn["read"] + fn[k]
        same = tk_edges[k] == edges_flowtrace(work / "flowtrace-1", k) == edges_flowtrace(work / "flowtrace-n", k)
        print(f"{k:<12}{t:>11.2f}{a:>22.3f}{t / a:>7.0f}x{b:>17.3f}{t / b:>7.0f}x"
              f"{len(tk_edges[k]):>9}  {'yes' if same else 'NO'}")
    print(f"{'steps':<12}toolkit preprocess {tk['preprocess']:.2f} s; flowtrace read "
          f"{f1['read']:.3f} s (1 thread), {fn['read']:.3f} s (all)")
    for name, i in (("whole wall", 0), ("whole CPU", 1)):
        a, b, c = tk_wall[i], f1_wall[i], fn_wall[i]
        print(f"{name + ' s':<12}{a:>11.2f}{b:>22.3f}{a / b:>7.0f}x{c:>17.3f}{a / c:>7.0f}x")
    print(f"{'peak RSS MB':<12}{tk_rss:>11.0f}{f1_rss:>22.0f}{'':>8}{fn_rss:>17.0f}")


if __name__ == "__main__":
    main()
