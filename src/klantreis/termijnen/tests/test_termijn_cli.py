"""Tests van ``klantreis termijn`` (geen database nodig)."""

import json
import subprocess
import sys
from io import StringIO

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError


def termijn(*args: str) -> str:
    uit = StringIO()
    call_command("termijn", *args, stdout=uit)
    return uit.getvalue()


def test_termijn_geeft_einddatum_op_de_eerste_regel_en_daarna_de_uitleg():
    regels = termijn("--vanaf", "2026-04-30", "--duur", "5 werkdagen").splitlines()
    assert regels[0] == "2026-05-08"
    assert regels[1] == "Telling begint op de dag na 30-04-2026 (vrijdag 1 mei 2026)."
    assert "5 mei 2026 (Bevrijdingsdag) telt niet als werkdag (Atw art. 3 lid 1)." in regels


def test_termijn_json_heeft_precies_einddatum_en_uitleg():
    gegevens = json.loads(termijn("--vanaf", "2026-04-30", "--duur", "5 werkdagen", "--json"))
    assert list(gegevens) == ["einddatum", "uitleg"]
    assert gegevens["einddatum"] == "2026-05-08"
    assert isinstance(gegevens["uitleg"], list)
    assert len(gegevens["uitleg"]) == 5


def test_termijn_terug_houdt_de_zondag():
    gegevens = json.loads(
        termijn("--vanaf", "2026-12-27", "--duur", "8 weken", "--terug", "--json")
    )
    assert gegevens["einddatum"] == "2026-11-01"
    assert "art. 1 lid 2" in gegevens["uitleg"][-1]


def test_termijn_zonder_atw_eindigt_op_zondag():
    uitvoer = termijn("--vanaf", "2026-03-04", "--duur", "4 dagen", "--zonder-atw")
    assert uitvoer.splitlines()[0] == "2026-03-08"


@time_machine.travel("2026-04-30 10:00 +0000", tick=False)
def test_termijn_zonder_vanaf_telt_vanaf_vandaag():
    assert termijn("--duur", "5 werkdagen").splitlines()[0] == "2026-05-08"


@pytest.mark.parametrize(
    ("args", "melding"),
    [
        (["--vanaf", "2026-04-31", "--duur", "5 werkdagen"], "Ongeldige datum"),
        (["--vanaf", "30-04-2026", "--duur", "5 werkdagen"], "JJJJ-MM-DD"),
        (["--vanaf", "2026-04-30", "--duur", "5 jaren"], "Onbekende eenheid"),
        (["--vanaf", "2026-04-30", "--duur", "werkdagen"], "Onbekende duur"),
        (["--vanaf", "9999-12-30", "--duur", "5 maanden"], "buiten de kalender"),
    ],
)
def test_termijn_met_foute_invoer_geeft_een_nederlandse_commanderror(args, melding):
    with pytest.raises(CommandError, match=melding):
        termijn(*args)


def test_klantreis_termijn_eindigt_bij_foute_invoer_met_status_1_zonder_traceback():
    uit = subprocess.run(
        [
            sys.executable,
            "-m",
            "klantreis.cli",
            "termijn",
            "--vanaf",
            "2026-02-30",
            "--duur",
            "1 dag",
        ],
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 1
    assert 'Ongeldige datum "2026-02-30"' in uit.stderr
    assert "Traceback" not in uit.stderr
