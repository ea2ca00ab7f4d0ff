#!/usr/bin/env bash
# World generation benchmark: builds the release flowtrace, then runs bench/simulate.py (see its
# docstring) with the arguments given, e.g. `bench/simulate.sh --sizes 1000000 --runs 1`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p flowtrace-cli
FLOWTRACE_BENCH_COMMAND="bench/simulate.sh${*:+ $*}" exec python3 bench/simulate.py "$@"
