#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (src/klantreis/portal/tests/browser/) when
# /usr/bin/chromium is missing. Playwright drives this browser: its own browser download does
# not work on a closed network. Needs root (or sudo) and Debian's package lists; when it
# cannot install, it says so and the browser tests are skipped with that reason — the rest of
# the suite runs as usual.
set -uo pipefail

CHROMIUM=${KLANTREIS_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] && exit 0

if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "==> Chromium ontbreekt en kan niet worden geïnstalleerd (geen root): de browsertests worden overgeslagen"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "==> Chromium ontbreekt en apt-get is er niet: de browsertests worden overgeslagen"
    exit 0
fi

echo "==> Chromium installeren voor de browsertests (apt-get install chromium)"
log=$(mktemp -t klantreis-chromium.XXXXXX)
export DEBIAN_FRONTEND=noninteractive
if $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium >"$log" 2>&1 \
    || { $SUDO apt-get -o DPkg::Lock::Timeout=300 update -q >>"$log" 2>&1 \
         && $SUDO apt-get -o DPkg::Lock::Timeout=300 install -y -q --no-install-recommends chromium >>"$log" 2>&1; }; then
    echo "==> $("$CHROMIUM" --version 2>/dev/null || echo chromium) geïnstalleerd"
    rm -f "$log"
else
    echo "==> Chromium installeren mislukt (zie $log): de browsertests worden overgeslagen"
fi
exit 0
