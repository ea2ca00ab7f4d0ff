#!/usr/bin/env bash
# Creates target/faiss-venv with the Hamming index's peer: faiss-cpu (IndexBinaryMultiHash,
# multi-index hashing over binary codes, the structure Meta's Hasher-Matcher-Actioner uses for
# PDQ). A venv of its own so the index benchmark does not need pdqhash's C++ build.
# Idempotent: does nothing if faiss already imports. Needs python3 with venv and PyPI.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="$root/target/faiss-venv"
FAISS_VERSION="${FAISS_VERSION:-1.15.1}"
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c "import faiss, numpy" 2>/dev/null; then
    exit 0
fi
mkdir -p "$root/target"
python3 -m venv "$venv"
"$venv/bin/pip" install --quiet --disable-pip-version-check "faiss-cpu==$FAISS_VERSION" numpy
"$venv/bin/python" -c "import faiss; faiss.IndexBinaryMultiHash(256, 16, 16)"
