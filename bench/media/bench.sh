#!/usr/bin/env bash
# Side by side on one core: flowtrace-media against its peers from target/media-venv.
#   1. PDQ hashing from decoded RGB against pdqhash, on the parity test's generated corpus;
#   2. MinHash signing (128 permutations, 3-word shingles) and LSH at 0.5 against datasketch,
#      on the same generated file of posts;
#   3. the Hamming index at distance 31, one query at a time and batched, against faiss
#      IndexBinaryMultiHash (target/faiss-venv) on the same hashes and queries, at each size in
#      INDEX_SIZES (default "1000000 10000000").
# Prints each side's lines; ratios are computed from the "per CPU second" figures, since
# the machine may be shared. Usage: bench/media/bench.sh [DOCS]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
bash bench/media/setup-venv.sh
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
cargo build --release -q -p flowtrace-media --example pdq_bench --example minhash_bench --example index_bench
bin="$CARGO_TARGET_DIR/release/examples"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "== PDQ: flowtrace-media, then pdqhash"
taskset -c 0 "$bin/pdq_bench" 3
"$bin/minhash_bench" write "$work/posts.txt" "${1:-20000}"
echo "== flowtrace-media MinHash"
taskset -c 0 "$bin/minhash_bench" run "$work/posts.txt"
echo "== datasketch $("$root/target/media-venv/bin/python" -c 'import datasketch; print(datasketch.__version__)')"
taskset -c 0 "$root/target/media-venv/bin/python" bench/media/minhash_datasketch.py "$work/posts.txt"
bash bench/media/setup-faiss-venv.sh
for n in ${INDEX_SIZES:-1000000 10000000}; do
    mkdir -p "$work/index-$n"
    echo "== flowtrace-media Hamming index, $n hashes (load: $(uptime | sed 's/.*load/load/'))"
    INDEX_BENCH_WRITE="$work/index-$n" /usr/bin/time -f "peak RSS %M KiB" \
        taskset -c 0 "$bin/index_bench" "$n" 20000 31
    echo "== faiss IndexBinaryMultiHash, same hashes and queries"
    /usr/bin/time -f "peak RSS %M KiB" \
        taskset -c 0 "$root/target/faiss-venv/bin/python" bench/media/index_faiss.py "$work/index-$n" 31
    rm -rf "$work/index-$n"
done
