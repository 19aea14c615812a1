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

# Front-end packages (NL Design System CSS and fonts, axe-core for the browser tests), pinned
# in frontend/package-lock.json. Django serves their dist folders (settings.base.STATICFILES_DIRS);
# reinstalled only when package.json or the lock changed, like the pip stamp above.
if ! command -v npm >/dev/null 2>&1; then
    echo "==> npm ontbreekt: installeer Node.js 20 met npm; het portaal heeft de NL Design System-CSS uit frontend/ nodig" >&2
    exit 1
fi
npm_stamp=frontend/node_modules/.klantreis-installed
npm_want=$(cat frontend/package.json frontend/package-lock.json | sha256sum | cut -d' ' -f1)
if [ ! -f "$npm_stamp" ] || [ "$(cat "$npm_stamp")" != "$npm_want" ]; then
    echo "==> front-endpakketten installeren in frontend/node_modules (npm ci)"
    (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
    echo "$npm_want" > "$npm_stamp"
fi
