#!/usr/bin/env bash
# Creates target/media-venv with the peers flowtrace-media is measured against: pdqhash (Meta's
# C++ PDQ reference bound to Python; the parity test compares hashes with it) and datasketch
# (MinHash/LSH, the text benchmark's peer). Idempotent: does nothing if both import.
# pdqhash ships as an sdist only, so this needs python3 with venv, g++ and PyPI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/media-venv"
PDQHASH_VERSION="${PDQHASH_VERSION:-0.2.8}"
DATASKETCH_VERSION="${DATASKETCH_VERSION:-1.6.5}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import pdqhash, numpy, datasketch" 2>/dev/null; then
    exit 0
fi
mkdir -p "$root/target"
python3 -m venv "$venv"
pip() { "$venv/bin/pip" install --quiet --disable-pip-version-check "$@"; }
# pdqhash's build imports numpy and Cython, so they go in first and the build uses them.
pip numpy Cython setuptools wheel
pip --no-build-isolation "pdqhash==$PDQHASH_VERSION"
pip "datasketch==$DATASKETCH_VERSION"
"$venv/bin/python" -c "import numpy, pdqhash; pdqhash.compute(numpy.zeros((64, 64, 3), numpy.uint8))"
