#!/usr/bin/env python3
"""Runs coordination-network-toolkit 1.5.2 on a posts CSV and writes its networks as CSV.

Used by the flowtrace-social parity test and by bench/social/bench.sh. The toolkit is driven
through its Python functions, because its CLI export crashes in 1.5.2
(`output_gephi_csv() got an unexpected keyword argument 'n_messages'`).

Modes:
  csv    the toolkit's own CSV preprocessing, as a user of its CLI gets it (an empty `urls`
         field, or an empty piece between doubled spaces, becomes the URL "").
  fixed  the same rows, but empty URL pieces dropped before they reach the toolkit: its
         intended behaviour, which flowtrace implements.

Output: `network,user_1,user_2,weight`, one row per edge of each network, self-loops included,
sorted. Timings of each step go to stderr as `time <step> <seconds> cpu <seconds>`: wall, then
the CPU of this process and its worker processes (the toolkit leaves its workers running between
steps, so theirs, and that of any process they started, is read from /proc while they live).

co_similar_tweet (co-similarity) runs as the toolkit's command line runs it: Jaccard similarity
of token sets at --similarity (default 0.8, its command line's), documents of fewer than one
token never similar (its default --min_document_size_similarity 1).
"""

import argparse
import contextlib
import csv
import os
import sqlite3
import sys
import time

from coordination_network_toolkit import compute_networks as cn
from coordination_network_toolkit import preprocess
from coordination_network_toolkit.similarity import get_similarity_fn_from_min_size

KINDS = ["co_retweet", "co_tweet", "co_reply", "co_link", "co_post"]


def cpu_seconds():
    """CPU used so far by this process, its finished children and every live descendant.

    A live descendant's own figure includes the children it has reaped (`cutime`, `cstime`).
    The toolkit's worker pools are torn down (their workers reaped) whenever the garbage
    collector gets to them, often right as a step ends: a worker reaped between reading
    `os.times()` and reading /proc would be missed, or counted twice, so the reading is taken
    again until no child was reaped while it was taken."""
    while True:
        before = os.times()
        live = descendants_cpu()
        after = os.times()
        if (before.children_user, before.children_system) == (
            after.children_user,
            after.children_system,
        ):
            return after.user + after.system + after.children_user + after.children_system + live


def descendants_cpu():
    """CPU of this process's live descendants, each with the children it has reaped."""
    stats = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After ")": state, ppid, ...; utime, stime, cutime, cstime are 11 to 14.
        stats[pid] = (fields[1], sum(int(x) for x in fields[11:15]))
    mine, parents = set(), {str(os.getpid())}
    while parents:
        parents = {pid for pid, (ppid, _) in stats.items() if ppid in parents} - mine
        mine |= parents
    return sum(stats[pid][1] for pid in mine) / os.sysconf("SC_CLK_TCK")


def rows_without_empty_urls(path):
    with open(path, "r", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            yield (*row[:-1], [u for u in row[-1].split(" ") if u])


def compute(kind, db, window, min_weight, threads, similarity):
    if kind == "co_retweet":
        cn.compute_co_retweet_parallel(db, window, n_threads=threads, min_edge_weight=min_weight)
    elif kind == "co_tweet":
        cn.compute_co_tweet_network(db, window, min_edge_weight=min_weight, n_threads=threads)
    elif kind == "co_reply":
        cn.compute_co_reply_network(db, window, min_edge_weight=min_weight, n_threads=threads)
    elif kind == "co_link":
        cn.compute_co_link_network(db, window, n_threads=threads, min_edge_weight=min_weight)
    elif kind == "co_post":
        cn.compute_co_post_network(db, window, min_edge_weight=min_weight, n_threads=threads)
    elif kind == "co_similar_tweet":
        cn.compute_co_similar_tweet(
            db, window, n_threads=threads, similarity_threshold=similarity,
            min_edge_weight=min_weight, similarity_function=get_similarity_fn_from_min_size(1))
    else:
        raise SystemExit(f"unknown network {kind}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("input")
    ap.add_argument("db", help="SQLite file to create (removed first if present)")
    ap.add_argument("output")
    ap.add_argument("--mode", choices=["csv", "fixed"], default="csv")
    ap.add_argument("--window", type=int, default=60)
    ap.add_argument("--min-weight", type=int, default=1)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--kinds", default=",".join(KINDS))
    ap.add_argument("--similarity", type=float, default=0.8)
    args = ap.parse_args()

    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(args.db + suffix):
            os.remove(args.db + suffix)
    kinds = args.kinds.split(",")
    # The toolkit prints progress on stdout; keep stdout for nothing and stderr for timings.
    with contextlib.redirect_stdout(sys.stderr):
        start, cpu = time.perf_counter(), cpu_seconds()
        if args.mode == "csv":
            preprocess.preprocess_csv_files(args.db, [args.input])
        else:
            preprocess.preprocess_data(args.db, rows_without_empty_urls(args.input))
        print(f"time preprocess {time.perf_counter() - start:.3f} cpu {cpu_seconds() - cpu:.3f}",
              file=sys.stderr)
        for kind in kinds:
            start, cpu = time.perf_counter(), cpu_seconds()
            compute(kind, args.db, args.window, args.min_weight, args.threads, args.similarity)
            print(f"time {kind} {time.perf_counter() - start:.3f} cpu {cpu_seconds() - cpu:.3f}",
                  file=sys.stderr)

    db = sqlite3.connect(args.db)
    with open(args.output, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["network", "user_1", "user_2", "weight"])
        for kind in kinds:
            for u1, u2, w in db.execute(f"select user_1, user_2, weight from {kind}_network"):
                writer.writerow([kind, u1, u2, w])


if __name__ == "__main__":
    main()
