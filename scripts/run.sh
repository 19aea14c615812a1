#!/usr/bin/env bash
# The main job: the web application with demo data on the embedded SQLite database,
# served at http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-klantreis.settings.dev}
.venv/bin/klantreis migrate --noinput
.venv/bin/klantreis demo
exec .venv/bin/klantreis runserver "${KLANTREIS_ADDR:-127.0.0.1:8000}"
