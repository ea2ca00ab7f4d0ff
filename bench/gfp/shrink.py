#!/usr/bin/env python3
"""Finds a small graph on which snapml and flowtrace's features differ (investigation aid).

    shrink.py PARAMS_JSON [--sorted] [--seed N] [--edges N] [--vertices N] [--span N]

Generates random edge lists until snapml (target/gfp-venv, bench/gfp/snapml_features.py)
and flowtrace (target/debug/examples/gfp_features; build it first) disagree, then removes
edges (halves, then quarters, ... then single edges) while they still disagree, and prints
the minimal edge list and the differing rows.
"""
import argparse
import json
import os
import random
import subprocess
import tempfile

import numpy as np

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "../.."))
TMP = tempfile.mkdtemp(prefix="gfp-shrink-")


def run(edges, params, show=False):
    inp, pj = os.path.join(TMP, "in.csv"), os.path.join(TMP, "p.json")
    s_out, f_out = os.path.join(TMP, "s.csv"), os.path.join(TMP, "f.csv")
    with open(inp, "w") as f:
        f.write("id,src,dst,ts,amount\n")
        for r in edges:
            f.write(",".join(repr(float(x)) for x in r) + "\n")
    with open(pj, "w") as f:
        json.dump(params, f)
    py = os.path.join(ROOT, "target/gfp-venv/bin/python")
    subprocess.run([py, os.path.join(ROOT, "bench/gfp/snapml_features.py"), inp, pj, s_out],
                   check=True)
    subprocess.run([os.path.join(ROOT, "target/debug/examples/gfp_features"), inp, pj, f_out],
                   check=True, stderr=subprocess.DEVNULL)
    s = np.loadtxt(s_out, delimiter=",", ndmin=2)
    f = np.loadtxt(f_out, delimiter=",", ndmin=2)
    bad = np.where(np.any(~np.isclose(s, f, rtol=1e-9, atol=1e-9), axis=1))[0]
    if show:
        for i in bad[:10]:
            print(edges[i], "snapml", s[i].tolist(), "flowtrace", f[i].tolist())
    return len(bad)


def renumber(rows):
    return [[i] + r[1:] for i, r in enumerate(rows)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("params")
    ap.add_argument("--sorted", action="store_true")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--edges", type=int, default=40)
    ap.add_argument("--vertices", type=int, default=5)
    ap.add_argument("--span", type=int, default=20)
    args = ap.parse_args()
    params = json.loads(args.params)
    rng = random.Random(args.seed)
    for _ in range(20):
        rows = [[0, rng.randrange(args.vertices), rng.randrange(args.vertices),
                 rng.randrange(args.span), rng.randrange(1, 100)] for _ in range(args.edges)]
        if args.sorted:
            rows.sort(key=lambda r: r[3])
        rows = renumber(rows)
        if run(rows, params):
            break
    else:
        print("no difference found")
        return
    chunk = len(rows) // 2
    while chunk >= 1:
        i = 0
        while i < len(rows):
            cand = renumber(rows[:i] + rows[i + chunk:])
            if cand and run(cand, params):
                rows = cand
            else:
                i += chunk
        chunk //= 2
    print(json.dumps(params))
    print(rows)
    run(rows, params, show=True)


if __name__ == "__main__":
    main()
