#!/usr/bin/env bash
# Side by side on one core: flowtrace-media against its peers from target/media-venv.
#   1. PDQ hashing from decoded RGB against pdqhash, on the parity test's generated corpus;
#   2. MinHash signing (128 permutations, 3-word shingles) and LSH at 0.5 against datasketch,
#      on the same generated file of posts;
#   3. the Hamming index at N hashes (default 10,000,000; INDEX_N to change) at distance 31.
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
echo "== flowtrace-media Hamming index"
taskset -c 0 "$bin/index_bench" "${INDEX_N:-10000000}" 20000 31
