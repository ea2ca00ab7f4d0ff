#!/usr/bin/env bash
# Fund tracing and cuts, flowtrace vs networkx, on 1M and 10M simulated transfers: builds
# flowtrace and the trace_bench example in release (honours CARGO_TARGET_DIR), makes
# target/trace-venv with networkx from PyPI, then runs bench/trace/bench.py (extra arguments
# are passed on, e.g. --sizes 1000000 --seeds 10).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cargo build --release -p flowtrace-cli
cargo build --release -p flowtrace-trace --example trace_bench
venv="$root/target/trace-venv"
NETWORKX_VERSION="${NETWORKX_VERSION:-3.6.1}"
if ! { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import networkx" 2>/dev/null; }; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "networkx==$NETWORKX_VERSION"
fi
uptime
FLOWTRACE_BENCH_COMMAND="bench/trace/bench.sh${*:+ $*}" exec "$venv/bin/python" bench/trace/bench.py "$@"
