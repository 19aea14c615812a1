#!/usr/bin/env bash
# Installs one of Debian's packages when the program it brings is missing:
#     scripts/debian-pakket.sh PROGRAMMA PAKKET "WAT ER ZONDER GEBEURT"
# e.g. Chromium for the browser tests (scripts/chromium.sh) or xmllint for the benchmarks'
# comparison (make bench). Needs root (or sudo without a password) and Debian's package
# lists. It never fails the command that calls it: when it cannot install, it says so and
# what happens without the program ("de browsertests worden overgeslagen").
set -uo pipefail

PROGRAMMA=$1 PAKKET=$2 ZONDER=$3

if [[ "$PROGRAMMA" == /* ]]; then
    [ -x "$PROGRAMMA" ] && exit 0
else
    command -v "$PROGRAMMA" >/dev/null 2>&1 && exit 0
fi

if [ "$(id -u)" = "0" ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "==> $PROGRAMMA ontbreekt en kan niet worden geïnstalleerd (geen root): $ZONDER"
    exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "==> $PROGRAMMA ontbreekt en apt-get is er niet: $ZONDER"
    exit 0
fi

echo "==> $PAKKET installeren (apt-get install $PAKKET)"
log=$(mktemp -t "klantreis-$PAKKET.XXXXXX")
export DEBIAN_FRONTEND=noninteractive
apt() { $SUDO apt-get -o DPkg::Lock::Timeout=300 "$@"; }
if apt install -y -q --no-install-recommends "$PAKKET" >"$log" 2>&1 \
    || { apt update -q >>"$log" 2>&1 \
         && apt install -y -q --no-install-recommends "$PAKKET" >>"$log" 2>&1; }; then
    echo "==> $PAKKET geïnstalleerd"
    rm -f "$log"
else
    echo "==> $PAKKET installeren mislukt (zie $log): $ZONDER"
fi
exit 0
