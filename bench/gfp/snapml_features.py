#!/usr/bin/env python3
"""Runs snapml's GraphFeaturePreprocessor on an edge list and writes its engineered features.

Input: a CSV with a header and snapml's columns (EdgeID, source, target, timestamp, raw...).
Output: a CSV of the engineered columns only (no header), one row per input row, values
written with repr() so they round-trip exactly. Used by the parity test and the benchmark.

    snapml_features.py IN.csv PARAMS.json OUT.csv [--batches N] [--time]

--batches N: instead of fit_transform, feed the rows to transform() in N consecutive
batches (the streaming use); --time prints the seconds spent inside snapml to stderr.
"""
import argparse
import json
import sys
import time

import numpy as np
import snapml


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("params")
    ap.add_argument("output")
    ap.add_argument("--batches", type=int, default=0)
    ap.add_argument("--time", action="store_true")
    args = ap.parse_args()
    x = np.loadtxt(args.input, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    with open(args.params) as f:
        params = json.load(f)
    gfp = snapml.GraphFeaturePreprocessor()
    gfp.set_params(params)
    start = time.perf_counter()
    if args.batches > 0:
        parts = np.array_split(x, args.batches)
        out = np.vstack([gfp.transform(p) for p in parts])
    else:
        out = gfp.fit_transform(x)
    seconds = time.perf_counter() - start
    if args.time:
        print(f"snapml_seconds {seconds:.3f}", file=sys.stderr)
    feats = out[:, x.shape[1]:]
    with open(args.output, "w") as f:
        for row in feats:
            f.write(",".join(repr(float(v)) for v in row))
            f.write("\n")


if __name__ == "__main__":
    main()
