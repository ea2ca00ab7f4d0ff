#!/usr/bin/env bash
# Screening benchmark, side by side with OpenSanctions' nomenklatura logic-v2:
#  1. builds flowtrace (release) and its screening benchmark;
#  2. creates target/screen-venv with nomenklatura from PyPI (once);
#  3. scores the labelled set tests/data/screen/pairs.csv with nomenklatura logic-v2 and with
#     flowtrace, printing precision / recall / F1 per category for both (`--regenerate` first
#     rebuilds the set from the UN list with bench/screen_evalset.py, and the independent
#     category from UN + OFAC names with flowtrace-names, examples/screen_names_set.rs);
#  4. the same for the independent category (tests/data/screen/independent_pairs.csv);
#  5. times name queries on one core (taskset -c 0) against UN + OFAC SDN: queries/s and p99.
# OFAC's files are read from ../shared/data/watchlists when data/watchlists lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=3
for arg in "$@"; do
    case "$arg" in
        --regenerate) REGENERATE=1 ;;
        --runs=*) RUNS="${arg#--runs=}" ;;
        *) echo "usage: bench/screen.sh [--regenerate] [--runs=N]" >&2; exit 2 ;;
    esac
done
VENV=target/screen-venv
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q nomenklatura
fi
cargo build --release -p flowtrace-cli
cargo build --release -p flowtrace-screen --example screen_bench --example screen_names_set
OFAC=data/watchlists/ofac_sdn.csv
[ -f "$OFAC" ] || OFAC=../shared/data/watchlists/ofac_sdn.csv
if [ -n "${REGENERATE:-}" ]; then
    "$VENV/bin/python" bench/screen_evalset.py
    target/release/examples/screen_names_set --un data/watchlists/un_consolidated.xml \
        --ofac "$OFAC" --out tests/data/screen
fi
mkdir -p target/screen-bench
echo "== nomenklatura logic-v2 on the labelled pairs (one core)"
taskset -c 0 "$VENV/bin/python" bench/screen_nomenklatura.py --out target/screen-bench/nomenklatura.csv
echo "== flowtrace and nomenklatura on the same pairs"
target/release/flowtrace screen --list tests/data/screen/entities.jsonl \
    --eval tests/data/screen/pairs.csv --peer-scores target/screen-bench/nomenklatura.csv
echo "== the independent category (variants by flowtrace-names), both matchers"
SET=tests/data/screen
taskset -c 0 "$VENV/bin/python" bench/screen_nomenklatura.py --pairs $SET/independent_pairs.csv \
    --entities $SET/entities.jsonl --entities $SET/independent_entities.jsonl \
    --out target/screen-bench/nomenklatura-independent.csv
target/release/flowtrace screen --list $SET/entities.jsonl --list $SET/independent_entities.jsonl \
    --eval $SET/independent_pairs.csv --peer-scores target/screen-bench/nomenklatura-independent.csv
echo "== throughput: the pairs' names as queries against UN + OFAC SDN, one core, $RUNS runs"
for _ in $(seq "$RUNS"); do
    taskset -c 0 target/release/examples/screen_bench --list data/watchlists/un_consolidated.xml \
        --list "$OFAC" --queries tests/data/screen/pairs.csv --passes 20
done
