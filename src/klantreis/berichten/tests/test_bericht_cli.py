"""``klantreis bericht controleer|retour|toon`` (the codec on the command line)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from klantreis import istandaarden as ist

REPO_ROOT = Path(__file__).resolve().parents[4]
VOORBEELDEN = REPO_ROOT.parent / "shared" / "istandaarden"
JW = VOORBEELDEN / "ijw" / "3.2" / "examples"
WMO = VOORBEELDEN / "iwmo" / "3.2" / "examples"
KLANTREIS = Path(sys.executable).parent / "klantreis"


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "klantreis.settings.test"}
    return subprocess.run(
        [str(KLANTREIS), "bericht", *args], capture_output=True, text=True, env=env, timeout=120
    )


def _call(*args: str) -> tuple[str, int]:
    out = StringIO()
    try:
        call_command("bericht", *args, stdout=out, stderr=StringIO())
    except SystemExit as exc:
        return out.getvalue(), int(exc.code)
    return out.getvalue(), 0


def test_controleer_json_een_regel_per_bestand_en_exitstatus():
    bestanden = [str(JW / "JW301.xml"), str(JW / "JW315.xml"), str(WMO / "WMO323.xml")]
    proc = _run("controleer", "--json", *bestanden)
    assert proc.returncode == 1, proc.stderr
    regels = [json.loads(r) for r in proc.stdout.splitlines()]
    assert [r["bestand"] for r in regels] == bestanden
    assert set(regels[0]) == {"bestand", "standaard", "bericht", "geldig", "niveau", "fouten"}
    assert (regels[0]["standaard"], regels[0]["bericht"], regels[0]["geldig"]) == (
        "ijw",
        "301",
        True,
    )
    assert regels[0]["niveau"] is None
    assert (regels[1]["geldig"], regels[1]["niveau"]) == (False, "xsd")
    assert regels[1]["fouten"][0]["regel"] == "XSD"
    assert regels[1]["fouten"][0]["pad"].startswith("/Bericht/Client/AangevraagdeProducten")
    assert regels[2]["geldig"] is True


def test_controleer_alles_geldig_exit_0():
    proc = _run("controleer", str(JW / "JW301.xml"), str(WMO / "WMO305.xml"))
    assert proc.returncode == 0, proc.stderr
    assert "geldig" in proc.stdout


def test_verkeerd_gebruik_exit_2():
    assert _run().returncode == 2
    assert _run("controleer").returncode == 2
    assert _run("controleer", "/bestaat/niet.xml").returncode == 2


def test_controleer_bericht_niveau_met_regelcode(tmp_path):
    msg = ist.read((WMO / "WMO301.xml").read_bytes())
    import dataclasses

    fout = dataclasses.replace(msg, client=dataclasses.replace(msg.client, bsn="123456789"))
    pad = tmp_path / "fout.xml"
    pad.write_bytes(ist.write(fout))
    out, code = _call("controleer", "--json", str(pad))
    assert code == 1
    [r] = [json.loads(x) for x in out.splitlines()]
    assert r["niveau"] == "bericht"
    assert r["fouten"] == [
        {
            "regel": "CS002",
            "retourcode": "0001",
            "pad": "/Bericht/Client/Bsn",
            "melding": "Bsn 123456789 voldoet niet aan de 11-proef (CS002).",
        }
    ]


def test_controleer_xml_niveau(tmp_path):
    pad = tmp_path / "kapot.xml"
    pad.write_bytes(b"<?xml version='1.0'?><niet-af")
    out, code = _call("controleer", "--json", str(pad))
    r = json.loads(out)
    assert (code, r["niveau"], r["standaard"], r["bericht"]) == (1, "xml", None, None)
    assert r["fouten"][0]["regel"] == "XML"


def test_retour_drukt_geldig_retourbericht_af():
    out, code = _call("retour", "--dagtekening", "2026-05-08", str(JW / "JW323.xml"))
    assert code == 0
    retour = ist.read(out.encode("utf-8"))
    assert retour.bericht == "325"
    assert [c.value for c in retour.declaratie_antwoord.retour_codes] == ["8001"]


def test_retour_van_ongeldig_bericht_exit_1():
    _, code = _call("retour", str(JW / "JW318.xml"))
    assert code == 1


def test_toon_samenvatting_in_het_nederlands():
    out, code = _call("toon", str(JW / "JW323.xml"))
    assert code == 0
    assert out.startswith("JW323 Declaratie (iJw 3.2)")
    assert "Totaal ingediend bedrag: € 790,00 debet" in out
    assert "Product categorie: 45 (Jeugdhulp ambulant)" in out
    assert "Declaratie periode: 01-04-2026 t/m 30-04-2026" in out


@pytest.mark.parametrize("naam", ["WMO301.xml", "WMO317.xml", "WMO319.xml"])
def test_toon_andere_berichten(naam):
    out, code = _call("toon", str(WMO / naam))
    assert code == 0
    assert out.startswith(f"WMO{naam[3:6]} ")
