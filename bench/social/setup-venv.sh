#!/usr/bin/env bash
# Creates target/social-venv with QUT's coordination-network-toolkit from PyPI (the peer the
# flowtrace-social parity test and bench/social compare coordination networks with).
# Idempotent: does nothing if the toolkit already imports. Needs python3 with the venv module
# (Debian: python3-venv).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/social-venv"
CNT_VERSION="${CNT_VERSION:-1.5.2}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import coordination_network_toolkit" 2>/dev/null; then
    exit 0
fi
mkdir -p "$root/target"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "coordination-network-toolkit==$CNT_VERSION"
"$venv/bin/python" -c "import coordination_network_toolkit"
