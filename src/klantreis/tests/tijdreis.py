"""Every test session runs on one day: the clock of the whole process (every thread, so the
browser tests' live server too) is moved to 10:00 (Amsterdam) of that day before any test
module is imported, and runs on from there (``time_machine.travel(..., tick=True)``). A run
that starts at 23:59 therefore does not cross midnight, and a module-level ``date.today()``
means the same day as the test that uses it.

A pytest plugin (``-p klantreis.tests.tijdreis`` in ``pyproject.toml``), so the travel starts
in ``pytest_configure``: before collection. ``KLANTREIS_TEST_DATUM`` chooses the day
(decision 0024):

- unset: today (the machine's date);
- ``2027-05-05`` or ``2027-05-05T23:58``: that day (at 10:00, or at that time);
- ``05-05`` or ``12-31``: the next such day, today included;
- ``zaterdag`` (any Dutch weekday): the next such weekday, today included;
- ``nu``: no travel at all, the machine's clock.

The relative forms are what ``scripts/test.sh`` uses: every year's calendar gets its turn.
Chromium's clock does not travel; the cookies it gets carry ``Max-Age`` (decision 0024)."""

from __future__ import annotations

import os
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

OMGEVING = "KLANTREIS_TEST_DATUM"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
STANDAARD_TIJD = time(10, 0)
WEEKDAGEN = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# The tests that depend on the day they run: they (or the product under them) read today and
# compute with it. pytest marks them "datum"; scripts/test.sh runs them once more on a
# Saturday, 5 mei and 31 december. A test elsewhere can carry @pytest.mark.datum itself.
DATUMGEVOELIG = (
    "api/tests/test_toewijzingen_schrijven.py",
    "berichten/tests/test_berichtenverkeer.py",
    "declaraties/tests/test_betaalopdracht.py",
    "declaraties/tests/test_stromen.py",
    # of the browser tests (a minute each) the two that compute with today: a termijn, an age
    "portal/tests/browser/test_achterhoek_routes_browser.py"
    "::test_achterhoek_route3_escalatie_tot_bestuurlijk_in_de_browser",
    "portal/tests/browser/test_achterhoek_routes_browser.py"
    "::test_achterhoek_route2_medisch_verwijzer_in_de_browser",
    "portal/tests/test_aanbieder_keuze.py",
    "portal/tests/test_backoffice_toewijzingen.py",
    "portal/tests/test_traject.py",
    "portal/tests/test_weigering_en_definitieve_stop.py",
    "portal/tests/test_werkvoorraad.py",
    "routes/tests/test_heusden_stappenplan.py",
    "termijnen/tests/test_termijnen_traject.py",
    "toewijzingen/tests/test_ggk_keten.py",
    "toewijzingen/tests/test_retour_weigering.py",
    "toewijzingen/tests/test_standaardtermijnen.py",
    "toewijzingen/tests/test_toewijzing_levenscyclus.py",
    "toewijzingen/tests/test_verzoeken.py",
)
PAKKET = Path(__file__).resolve().parents[1]  # src/klantreis

_reis = None


class OngeldigeTestdatum(ValueError):
    pass


def reisdoel(waarde: str, vandaag: date) -> datetime | None:
    """The moment (aware, Amsterdam) a session with ``KLANTREIS_TEST_DATUM=waarde`` starts at,
    when the real date is ``vandaag``; None for ``nu``."""
    waarde = waarde.strip().lower()
    if waarde == "nu":
        return None
    if not waarde:
        return datetime.combine(vandaag, STANDAARD_TIJD, AMSTERDAM)
    if waarde in WEEKDAGEN:
        dagen = (WEEKDAGEN.index(waarde) - vandaag.weekday()) % 7
        return datetime.combine(vandaag + timedelta(days=dagen), STANDAARD_TIJD, AMSTERDAM)
    if m := re.fullmatch(r"(\d\d)-(\d\d)", waarde):
        maand, dag = int(m[1]), int(m[2])
        jaar = vandaag.year
        while True:  # 02-29 waits for a leap year
            try:
                doel = date(jaar, maand, dag)
            except ValueError as fout:
                if (maand, dag) != (2, 29):
                    raise OngeldigeTestdatum(f"{OMGEVING}={waarde}: geen datum ({fout})") from None
                jaar += 1
                continue
            if doel >= vandaag:
                return datetime.combine(doel, STANDAARD_TIJD, AMSTERDAM)
            jaar += 1
    try:
        moment = datetime.fromisoformat(waarde.upper())
    except ValueError:
        raise OngeldigeTestdatum(
            f"{OMGEVING}={waarde}: verwacht JJJJ-MM-DD[THH:MM], MM-DD of een weekdag"
        ) from None
    if len(waarde) == 10:
        moment = datetime.combine(moment.date(), STANDAARD_TIJD)
    return moment.replace(tzinfo=AMSTERDAM) if moment.tzinfo is None else moment


def testdatum() -> date | None:
    """The day the session runs on, or None when it runs on the machine's clock."""
    return _reis.date() if _reis is not None else None


def echte_vandaag() -> date:
    """Today by the machine's clock, also while the session travels."""
    import time_machine

    if time_machine.escape_hatch.is_travelling():
        return datetime.fromtimestamp(time_machine.escape_hatch.time.time(), AMSTERDAM).date()
    return datetime.now(AMSTERDAM).date()


def pytest_configure(config):
    global _reis
    if _reis is not None:
        return
    import time_machine

    try:
        doel = reisdoel(os.environ.get(OMGEVING, ""), echte_vandaag())
    except OngeldigeTestdatum as fout:
        raise pytest.UsageError(str(fout)) from None
    if doel is None:
        return
    reis = time_machine.travel(doel, tick=True)
    reis.start()
    config.add_cleanup(reis.stop)
    _reis = doel


def _bestand_en_test(regel: str) -> tuple[Path, str | None]:
    pad, _, test = regel.partition("::")
    return PAKKET / pad, test or None


def pytest_collection_modifyitems(config, items):
    gevoelig = {_bestand_en_test(regel) for regel in DATUMGEVOELIG}
    for item in items:
        naam = getattr(item, "originalname", item.name)
        if (item.path, None) in gevoelig or (item.path, naam) in gevoelig:
            item.add_marker(pytest.mark.datum)


def pytest_unconfigure(config):
    global _reis
    # The tests that depend on the day they run: they (or the product under them) read today and


# compute with it. pytest marks them "datum"; scripts/test.sh runs them once more on a
# Saturday, 5 mei and 31 december. A test elsewhere can carry @pytest.mark.datum itself.
DATUMGEVOELIG = (
    "api/tests/test_toewijzingen_schrijven.py",
    "berichten/tests/test_berichtenverkeer.py",
    "declaraties/tests/test_betaalopdracht.py",
    "declaraties/tests/test_stromen.py",
    # of the browser tests (a minute each) the two that compute with today: a termijn, an age
    "portal/tests/browser/test_achterhoek_routes_browser.py"
    "::test_achterhoek_route3_escalatie_tot_bestuurlijk_in_de_browser",
    "portal/tests/browser/test_achterhoek_routes_browser.py"
    "::test_achterhoek_route2_medisch_verwijzer_in_de_browser",
    "portal/tests/test_aanbieder_keuze.py",
    "portal/tests/test_backoffice_toewijzingen.py",
    "portal/tests/test_traject.py",
    "portal/tests/test_weigering_en_definitieve_stop.py",
    "portal/tests/test_werkvoorraad.py",
    "routes/tests/test_heusden_stappenplan.py",
    "termijnen/tests/test_termijnen_traject.py",
    "toewijzingen/tests/test_ggk_keten.py",
    "toewijzingen/tests/test_retour_weigering.py",
    "toewijzingen/tests/test_standaardtermijnen.py",
    "toewijzingen/tests/test_toewijzing_levenscyclus.py",
    "toewijzingen/tests/test_verzoeken.py",
)
PAKKET = Path(__file__).resolve().parents[1]  # src/klantreis

_reis = None


def pytest_report_header(config):
    if _reis is not None:
        dag = WEEKDAGEN[_reis.weekday()]
        bron = f"{OMGEVING}={os.environ[OMGEVING]}" if os.environ.get(OMGEVING) else "vandaag"
        return f"klantreis: de klok staat op {dag} {_reis:%Y-%m-%d %H:%M %Z} ({bron})"
