#!/usr/bin/env bash
# CSV ingest benchmark: builds the release flowtrace, then runs bench/ingest.py (see its docstring)
# with the arguments given, e.g. `bench/ingest.sh --rows 5000000 --runs 3`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release -p flowtrace-cli
FLOWTRACE_BENCH_COMMAND="bench/ingest.sh${*:+ $*}" exec python3 bench/ingest.py "$@"
