#!/usr/bin/env bash
# Debian's Chromium for the browser tests (src/klantreis/portal/tests/browser/) when it is
# missing. Playwright drives this browser: its own browser download does not work on a closed
# network. When it cannot be installed the browser tests are skipped with that reason; the
# rest of the suite runs as usual.
exec "$(dirname "$0")/debian-pakket.sh" "${KLANTREIS_CHROMIUM:-/usr/bin/chromium}" chromium \
    "de browsertests worden overgeslagen"
