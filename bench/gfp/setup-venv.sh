#!/usr/bin/env bash
# Creates target/gfp-venv with snapml from PyPI (the peer the parity test and the benchmark
# compare flowtrace's graph features with). Idempotent: does nothing if snapml imports.
# Needs python3 with the venv module (Debian: python3-venv).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/gfp-venv"
SNAPML_VERSION="${SNAPML_VERSION:-1.17.2}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import snapml" 2>/dev/null; then
    exit 0
fi
mkdir -p "$root/target"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "snapml==$SNAPML_VERSION"
"$venv/bin/python" -c "import snapml; snapml.GraphFeaturePreprocessor()"
