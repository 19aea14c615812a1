#!/usr/bin/env bash
# Creates .venv/ at the project root and installs klantreis with its pinned dependencies.
# Re-running is cheap: it reinstalls only when pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null 2>&1 || PYTHON=python3

if [ ! -x .venv/bin/python ]; then
    echo "==> .venv aanmaken met $($PYTHON --version)"
    "$PYTHON" -m venv .venv
fi

stamp=.venv/.klantreis-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    echo "==> klantreis en afhankelijkheden installeren in .venv"
    .venv/bin/python -m pip install --quiet --upgrade "pip==25.3"
    .venv/bin/python -m pip install --quiet -c constraints.txt -e ".[dev]"
    echo "$want" > "$stamp"
fi
