"""The Hamming index's peer: faiss IndexBinaryMultiHash on the same hashes and queries as
flowtrace's index_bench (written there with INDEX_BENCH_WRITE=DIR).

Configured as Meta's Hasher-Matcher-Actioner configures it for PDQ: 16 hash tables of 16 bits,
nflip = radius // 16 (1 at 31), which by the pigeonhole principle finds every hash within the
radius (exact). faiss's range_search returns distances strictly below its radius, so it is
asked for radius + 1. One thread (faiss.omp_set_num_threads(1)); run it pinned to one core.

faiss answers a few hundred queries a second at 10M hashes here, so by default it runs the
first 2,000 queries (half near a planted centre, half random, as in the whole set).

Usage: python index_faiss.py DIR [RADIUS] [QUERIES]
"""
import resource
import sys
import time

import faiss
import numpy as np


def memory_mib():
    """VmHWM (peak resident) and VmRSS of this process, in MiB."""
    fields = {}
    with open("/proc/self/status") as status:
        for line in status:
            name, _, value = line.partition(":")
            fields[name] = value.split()
    return int(fields["VmHWM"][0]) // 1024, int(fields["VmRSS"][0]) // 1024


def rates(start_wall, start_cpu, n):
    return n / (time.perf_counter() - start_wall), n / (time.process_time() - start_cpu)


def main():
    directory = sys.argv[1]
    radius = int(sys.argv[2]) if len(sys.argv) > 2 else 31
    query_count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    faiss.omp_set_num_threads(1)
    hashes = np.fromfile(f"{directory}/hashes.bin", dtype=np.uint8).reshape(-1, 32)
    queries = np.fromfile(f"{directory}/queries.bin", dtype=np.uint8).reshape(-1, 32)[:query_count]
    _, rss_before = memory_mib()
    print(f"faiss {faiss.__version__}: {len(hashes)} hashes, {len(queries)} queries at radius {radius}; "
          f"data loaded, VmRSS {rss_before} MiB")

    wall, cpu = time.perf_counter(), time.process_time()
    index = faiss.IndexBinaryMultiHash(256, 16, 16)
    index.nflip = radius // 16
    index.add(hashes)
    build_cpu = time.process_time() - cpu
    peak, rss = memory_mib()
    print(f"built IndexBinaryMultiHash(256, 16, 16), nflip {index.nflip}, in "
          f"{time.perf_counter() - wall:.2f} s wall, {build_cpu:.2f} s CPU; VmHWM {peak} MiB, "
          f"VmRSS {rss} MiB ({rss - rss_before} MiB more than the loaded data)")

    for round_ in (1, 2):
        wall, cpu = time.perf_counter(), time.process_time()
        lims, _, _ = index.range_search(queries, radius + 1)
        per_wall, per_cpu = rates(wall, cpu, len(queries))
        print(f"round {round_}: one range_search call for all queries: {per_wall:.0f} lookups/s wall, "
              f"{per_cpu:.0f} per CPU second, {int(lims[-1])} hits")

    sample = queries[:500]
    wall, cpu = time.perf_counter(), time.process_time()
    for q in sample:
        index.range_search(q[None, :], radius + 1)
    per_wall, per_cpu = rates(wall, cpu, len(sample))
    print(f"one query a call ({len(sample)} queries): {per_wall:.0f} lookups/s wall, {per_cpu:.0f} per CPU second")

    # Exact recall: the first 200 queries against a brute-force scan.
    flat = faiss.IndexBinaryFlat(256)
    flat.add(hashes)
    probe = queries[:200]
    lims_f, _, ids_f = flat.range_search(probe, radius + 1)
    lims_m, _, ids_m = index.range_search(probe, radius + 1)
    found = sum(len(set(ids_m[lims_m[i]:lims_m[i + 1]]) & set(ids_f[lims_f[i]:lims_f[i + 1]]))
                for i in range(len(probe)))
    total = int(lims_f[-1])
    print(f"recall against brute force on {len(probe)} queries: {found}/{total}"
          f" ({'exact' if found == total and int(lims_m[-1]) == total else 'NOT exact'})")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MiB")


if __name__ == "__main__":
    main()
