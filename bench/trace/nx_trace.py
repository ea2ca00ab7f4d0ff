#!/usr/bin/env python3
"""The networkx side of the fund-tracing benchmark: the same questions asked the way a networkx
user would, on the same AMLworld CSV. Run by bench/trace/bench.py in target/trace-venv; prints
one JSON object a line (flushed, so a run stopped by the time or memory limit keeps what it
measured).

Load: csv module rows into a networkx.MultiDiGraph, one edge per transfer, nodes `bank,account`,
edge attributes order (the row's place in time order: flowtrace's transfer id), ts (the
timestamp text, which sorts in time order), amount, currency and format.

Reachability: time-respecting, up to --hops transfers from one seed, by rounds of a
Bellman-Ford-style search over edges: money that arrived at an account by the edge of order o
may leave by an edge of order > o (a seed's money may leave by any edge but its transfers to
itself, which flowtrace does not count as the money moving); each round keeps the
earliest arrival per account, so after round h every account's earliest arrival within h hops
is known. Transfers into a cash desk (an account whose number starts with CASH, as the
simulator names them) are reached but not followed: the money left the banks there, as in
flowtrace. The reached accounts are the payees of reached edges.

Cut: networkx has no temporal cut. The transfers on some time-respecting source-to-sink path
are found by two sweeps in time order (plain Python, timed apart), then the static graph of
those transfers (parallel transfers merged, capacity = their count) gets a super-source and a
super-sink; networkx.minimum_node_cut gives the accounts, networkx.minimum_cut the transfers.
A static cut is a valid temporal cut but may be larger than the smallest temporal one.
"""

import argparse
import csv
import json
import os
import resource
import sys
import time

import networkx as nx

INF = float("inf")


def emit(**fields):
    print(json.dumps(fields), flush=True)


def peak_rss_bytes():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def load(path):
    """The graph, and the payer and payee of every transfer in time order."""
    graph = nx.MultiDiGraph()
    names, categories = {}, {}
    src, dst = [], []
    in_order, last_ts = True, ""
    with open(path, newline="") as f:
        rows = csv.reader(f)
        next(rows)
        for i, row in enumerate(rows):
            ts = row[0]
            if ts < last_ts:
                in_order = False
            last_ts = ts
            u = row[1] + "," + row[2]
            v = row[3] + "," + row[4]
            u = names.setdefault(u, u)
            v = names.setdefault(v, v)
            currency = categories.setdefault(row[8], row[8])
            fmt = categories.setdefault(row[9], row[9])
            graph.add_edge(u, v, order=i, ts=ts, amount=float(row[7]), currency=currency,
                           format=fmt)
            src.append(u)
            dst.append(v)
    if not in_order:
        # Order transfers by time, same-minute ones in file order (a stable sort), as flowtrace does.
        edges = sorted(graph.edges(data=True), key=lambda e: (e[2]["ts"], e[2]["order"]))
        for rank, (u, v, data) in enumerate(edges):
            data["order"] = rank
            src[rank], dst[rank] = u, v
    return graph, src, dst, in_order


def is_cash_desk(account):
    return account.split(",", 1)[1].startswith("CASH")


def reach(graph, seed, hops, cash_desks):
    """Accounts and transfer orders money from `seed` can reach within `hops` transfers."""
    arrival = {seed: -1}
    frontier = [seed]
    accounts, transfers = set(), set()
    for _ in range(hops):
        improved = {}
        for u in frontier:
            since = arrival[u]
            for _, v, data in graph.out_edges(u, data=True):
                order = data["order"]
                if order <= since or (u == seed and v == seed):
                    continue
                transfers.add(order)
                accounts.add(v)
                if v in cash_desks:
                    continue
                if order < improved.get(v, INF) and order < arrival.get(v, INF):
                    improved[v] = order
        if not improved:
            break
        arrival.update(improved)
        frontier = list(improved)
    return accounts, transfers


def on_paths(src, dst, sources, sinks):
    """Transfer orders on some time-respecting source-to-sink path (two sweeps in time order)."""
    n = len(src)
    arrival = {}
    for e in range(n):
        u, v = src[e], dst[e]
        if (u in sources or arrival.get(u, INF) < e) and v not in arrival:
            arrival[v] = e
    departure = {}
    for e in range(n - 1, -1, -1):
        u, v = src[e], dst[e]
        if (v in sinks or departure.get(v, -1) > e) and u not in departure:
            departure[u] = e
    return [e for e in range(n)
            if (src[e] in sources or arrival.get(src[e], INF) < e)
            and (dst[e] in sinks or departure.get(dst[e], -1) > e)]


def static_cut(src, dst, region, sources, sinks):
    graph = nx.DiGraph()
    for e in region:
        u, v = src[e], dst[e]
        if graph.has_edge(u, v):
            graph[u][v]["capacity"] += 1
        else:
            graph.add_edge(u, v, capacity=1)
    # Arcs without a capacity attribute are unlimited in networkx's flow functions.
    for s in sources:
        graph.add_edge("__source__", s)
    for k in sinks:
        graph.add_edge(k, "__sink__")
    t, c = time.perf_counter(), time.process_time()
    nodes = nx.minimum_node_cut(graph, "__source__", "__sink__")
    node_s, node_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    value, _ = nx.minimum_cut(graph, "__source__", "__sink__", capacity="capacity")
    edge_s, edge_cpu = time.perf_counter() - t, time.process_time() - c
    return graph, sorted(nodes), (node_s, node_cpu), int(value), (edge_s, edge_cpu)


def agreement(dump, i, accounts):
    """Compares the reached accounts with flowtrace's dump for seed `i`."""
    path = os.path.join(dump, f"reach-{i}.txt")
    if not os.path.exists(path):
        return None, 0, 0
    with open(path) as f:
        theirs = set(line.rstrip("\n") for line in f)
    return theirs == accounts, len(accounts - theirs), len(theirs - accounts)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", required=True)
    p.add_argument("--terminals", required=True, help="JSON: seeds, sources, sinks (account keys)")
    p.add_argument("--hops", type=int, default=6)
    p.add_argument("--max-seeds", type=int, default=None)
    p.add_argument("--dump", help="flowtrace's reached accounts, reach-<i>.txt")
    p.add_argument("--skip-cut", action="store_true")
    args = p.parse_args()
    with open(args.terminals) as f:
        terms = json.load(f)

    t = time.perf_counter()
    graph, src, dst, in_order = load(args.input)
    emit(kind="load", load_s=time.perf_counter() - t, transfers=graph.number_of_edges(),
         accounts=graph.number_of_nodes(), input_in_time_order=in_order,
         peak_rss_bytes=peak_rss_bytes(), networkx=nx.__version__, python=sys.version.split()[0])

    cash_desks = {v for v in graph if is_cash_desk(v)}
    seeds = terms["seeds"][: args.max_seeds]
    times, cpu = [], []
    for i, seed in enumerate(seeds):
        t, c = time.perf_counter(), time.process_time()
        accounts, transfers = reach(graph, seed, args.hops, cash_desks)
        ms = (time.perf_counter() - t) * 1e3
        cpu_ms = (time.process_time() - c) * 1e3
        times.append(ms)
        cpu.append(cpu_ms)
        same, only_nx, only_ft = agreement(args.dump, i, accounts) if args.dump else (None, 0, 0)
        emit(kind="reach", seed=i, ms=ms, cpu_ms=cpu_ms, transfers=len(transfers), accounts=len(accounts),
             agrees=same, only_networkx=only_nx, only_flowtrace=only_ft)
    times.sort()
    cpu.sort()
    if times:
        emit(kind="summary", what="reach", samples=len(times), median_ms=times[len(times) // 2],
             p90_ms=times[min(int(len(times) * 0.9), len(times) - 1)], max_ms=times[-1],
             min_ms=times[0], cpu_median_ms=cpu[len(cpu) // 2],
             peak_rss_bytes=peak_rss_bytes())

    if not args.skip_cut and terms.get("sinks"):
        sources, sinks = set(terms["sources"]), set(terms["sinks"])
        t, c = time.perf_counter(), time.process_time()
        region = on_paths(src, dst, sources, sinks)
        region_s, region_cpu = time.perf_counter() - t, time.process_time() - c
        t, c = time.perf_counter(), time.process_time()
        static, nodes, (node_s, node_cpu), value, (edge_s, edge_cpu) = \
            static_cut(src, dst, region, sources, sinks)
        total_s, total_cpu = time.perf_counter() - t, time.process_time() - c
        emit(kind="cut", transfers_on_paths=len(region), region_ms=region_s * 1e3,
             region_cpu_ms=region_cpu * 1e3, build_ms=(total_s - node_s - edge_s) * 1e3,
             build_cpu_ms=(total_cpu - node_cpu - edge_cpu) * 1e3, node_cut_ms=node_s * 1e3,
             node_cut_cpu_ms=node_cpu * 1e3, edge_cut_cpu_ms=edge_cpu * 1e3,
             node_cut_size=len(nodes), node_cut=nodes, edge_cut_ms=edge_s * 1e3,
             edge_cut_transfers=value, static_nodes=static.number_of_nodes() - 2,
             static_edges=static.number_of_edges() - len(sources) - len(sinks))
    emit(kind="end", peak_rss_bytes=peak_rss_bytes())
    # Freeing millions of Python objects one by one takes longer than some queries: skip it.
    os._exit(0)


if __name__ == "__main__":
    main()
