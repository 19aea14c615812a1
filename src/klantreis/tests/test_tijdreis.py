"""Every test session runs on one day, at 10:00, today or the day KLANTREIS_TEST_DATUM names
(decision 0024): the values it takes, and that the clock of a session really stands there —
for module-level code, for Django's timezone and for another thread."""

import os
import subprocess
import sys
import threading
from datetime import date, datetime
from pathlib import Path

import pytest
from django.utils import timezone

from klantreis.tests import tijdreis
from klantreis.tests.tijdreis import AMSTERDAM, OngeldigeTestdatum, reisdoel

# read at import, during collection: the travel must already have started then
BIJ_IMPORT = date.today()

ZATERDAG = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("waarde", "vandaag", "verwacht"),
    [
        ("", ZATERDAG, datetime(2026, 12, 5, 10, 0, tzinfo=AMSTERDAM)),
        ("nu", ZATERDAG, None),
        ("zaterdag", ZATERDAG, datetime(2026, 12, 5, 10, 0, tzinfo=AMSTERDAM)),
        ("Zaterdag", date(2026, 12, 7), datetime(2026, 12, 12, 10, 0, tzinfo=AMSTERDAM)),
        ("maandag", ZATERDAG, datetime(2026, 12, 7, 10, 0, tzinfo=AMSTERDAM)),
        ("05-05", ZATERDAG, datetime(2027, 5, 5, 10, 0, tzinfo=AMSTERDAM)),
        ("05-05", date(2027, 5, 5), datetime(2027, 5, 5, 10, 0, tzinfo=AMSTERDAM)),
        ("12-31", ZATERDAG, datetime(2026, 12, 31, 10, 0, tzinfo=AMSTERDAM)),
        ("12-31", date(2027, 1, 1), datetime(2027, 12, 31, 10, 0, tzinfo=AMSTERDAM)),
        ("02-29", ZATERDAG, datetime(2028, 2, 29, 10, 0, tzinfo=AMSTERDAM)),
        ("2027-05-05", ZATERDAG, datetime(2027, 5, 5, 10, 0, tzinfo=AMSTERDAM)),
        ("2026-12-31T23:58", ZATERDAG, datetime(2026, 12, 31, 23, 58, tzinfo=AMSTERDAM)),
    ],
)
def test_reisdoel(waarde, vandaag, verwacht):
    assert reisdoel(waarde, vandaag) == verwacht


@pytest.mark.parametrize("waarde", ["morgen", "13-01", "02-30", "2026-13-01", "31-12"])
def test_reisdoel_onjuist_is_een_nederlandse_fout(waarde):
    with pytest.raises(OngeldigeTestdatum, match="KLANTREIS_TEST_DATUM"):
        reisdoel(waarde, ZATERDAG)


@pytest.mark.datum
def test_de_klok_staat_op_de_testdatum():
    """Every clock the code reads says the session's day, in the test's thread and in another
    (the next test runs this in sessions on other days)."""
    doel = tijdreis.testdatum()
    if doel is None:
        pytest.skip("KLANTREIS_TEST_DATUM=nu: de klok reist niet")
    uit_draad = []
    draad = threading.Thread(target=lambda: uit_draad.append(timezone.localdate()))
    draad.start()
    draad.join()
    # the session starts at 10:00 and ticks on: it stays on its day
    gelezen = [BIJ_IMPORT, date.today(), timezone.localdate(), datetime.now().date(), uit_draad[0]]
    assert gelezen == [doel] * 5


@pytest.mark.parametrize("waarde", ["2027-05-05", "12-31"])
def test_een_sessie_met_testdatum_reist_echt(waarde):
    """Runs the test above in a fresh pytest with KLANTREIS_TEST_DATUM: it must pass, not skip."""
    doel = reisdoel(waarde, tijdreis.echte_vandaag()).date()
    hier = Path(__file__)
    omgeving = {**os.environ, tijdreis.OMGEVING: waarde}
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            f"{hier}::test_de_klok_staat_op_de_testdatum",
            "-p",
            "no:randomly",
            "-rA",
            "-v",  # with addopts -q: the report header, where the date stands
        ],
        capture_output=True,
        text=True,
        env=omgeving,
        cwd=hier.parents[3],
    )
    assert uit.returncode == 0, uit.stdout + uit.stderr
    assert "1 passed" in uit.stdout, uit.stdout
    assert f"de klok staat op {tijdreis.WEEKDAGEN[doel.weekday()]} {doel:%Y-%m-%d}" in uit.stdout


def test_zonder_testdatum_staat_de_klok_op_vandaag():
    if os.environ.get(tijdreis.OMGEVING):
        pytest.skip(f"deze sessie loopt met {tijdreis.OMGEVING}")
    assert (tijdreis.echte_vandaag() - tijdreis.testdatum()).days in (0, 1)


@pytest.mark.parametrize("regel", tijdreis.DATUMGEVOELIG)
def test_de_datumgevoelige_tests_bestaan(regel):
    """A renamed test file or test must not silently drop out of the runs on other days."""
    pad, test = tijdreis._bestand_en_test(regel)
    assert pad.is_file()
    if test is not None:
        assert f"def {test}(" in pad.read_text()
