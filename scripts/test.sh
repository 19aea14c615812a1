#!/usr/bin/env bash
# The whole test suite: lint, then pytest on SQLite, the date-sensitive tests on SQLite on a
# Saturday, 5 mei and 31 december, then pytest again on PostgreSQL when a server answers at
# 127.0.0.1:5432 (database "test", user "postgres", trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/bootstrap.sh
./scripts/chromium.sh  # Debian's Chromium for the browser tests; skipped with a message when impossible

echo "==> ruff"
.venv/bin/ruff check src benchmarks
.venv/bin/ruff format --check src benchmarks

echo "==> pytest op SQLite"
DATABASE_URL="sqlite:///:memory:" .venv/bin/pytest "$@"

# The tests that depend on the day they run (marker "datum") once more on the days that break
# calendar arithmetic: the next Saturday, 5 mei (an Atw holiday on a weekday) and 31 december
# (the year's end). Every session runs at 10:00 of its day (klantreis/tests/tijdreis.py;
# decision 0024).
for dag in zaterdag 05-05 12-31; do
    echo "==> pytest -m datum op SQLite, met KLANTREIS_TEST_DATUM=$dag"
    KLANTREIS_TEST_DATUM="$dag" DATABASE_URL="sqlite:///:memory:" .venv/bin/pytest -m datum "$@"
done

PG_URL=${KLANTREIS_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/test}
if .venv/bin/python - "$PG_URL" <<'PY'
import sys
import psycopg
try:
    psycopg.connect(sys.argv[1], connect_timeout=3).close()
except Exception as exc:  # any failure means: no server to test against
    print(f"PostgreSQL niet bereikbaar ({exc.__class__.__name__}: {exc})".strip())
    sys.exit(1)
PY
then
    echo "==> pytest op PostgreSQL ($PG_URL)"
    DATABASE_URL="$PG_URL" .venv/bin/pytest "$@"
else
    echo "==> PostgreSQL-ronde OVERGESLAGEN: geen server op $PG_URL"
fi
