#!/usr/bin/env bash
# snapml GFP vs `flowtrace features` (fan, degree, vertex statistics; 2 threads each) on a
# generated 1M-edge stream: builds flowtrace (and the in-memory timing example) in release,
# sets up the snapml venv, runs bench/gfp/bench.py (extra arguments are passed on).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release -p flowtrace-cli
cargo build --release -p flowtrace-patterns --example gfp_features
bench/gfp/setup-venv.sh
uptime
exec target/gfp-venv/bin/python bench/gfp/bench.py "$@"
