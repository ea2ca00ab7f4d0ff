#!/usr/bin/env bash
# snapml GFP vs `flowtrace features` (fan, degree, vertex statistics; 2 threads each) on a
# generated 1M-edge stream: builds flowtrace in release, sets up the snapml venv, runs
# bench/gfp/bench.py (extra arguments are passed on).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release -p flowtrace-cli
bench/gfp/setup-venv.sh
uptime
exec target/gfp-venv/bin/python bench/gfp/bench.py "$@"
