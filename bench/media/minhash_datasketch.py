"""Signs every line of a file with datasketch MinHash (128 permutations, 3-word shingles of the
lower-cased words), inserts them into a MinHashLSH at threshold 0.5 and queries each back:
the peer side of `minhash_bench run` (bench/media/bench.sh runs both on the same file).

Usage: python minhash_datasketch.py corpus.txt
"""
import re
import sys
import time

from datasketch import MinHash, MinHashLSH

WORD = re.compile(r"\w+")


def shingles(line, k=3):
    words = WORD.findall(line.lower())
    if len(words) < k:
        return [" ".join(words)] if words else []
    return [" ".join(words[i:i + k]) for i in range(len(words) - k + 1)]


def main(path):
    docs = open(path, encoding="utf-8").read().splitlines()
    for round_ in (1, 2, 3):
        start, cpu = time.perf_counter(), time.process_time()
        signatures = []
        for line in docs:
            m = MinHash(num_perm=128)
            m.update_batch([s.encode("utf-8") for s in shingles(line)])
            signatures.append(m)
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f"round {round_}: signed {len(docs)} docs: {len(docs) / wall:.0f} docs/s wall, "
              f"{len(docs) / cpu:.0f} per CPU second")
    start = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    for i, m in enumerate(signatures):
        lsh.insert(i, m)
    insert = time.perf_counter() - start
    start = time.perf_counter()
    hits = sum(len(lsh.query(m)) for m in signatures)
    query = time.perf_counter() - start
    print(f"lsh: {len(docs) / insert:.0f} inserts/s, {len(docs) / query:.0f} queries/s, {hits} candidates")


if __name__ == "__main__":
    main(sys.argv[1])
