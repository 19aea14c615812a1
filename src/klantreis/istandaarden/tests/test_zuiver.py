"""The codec is plain Python: importing and using it must not import Django."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PAKKET = Path(__file__).resolve().parents[1]

CODE = """
import sys
import klantreis  # the parent package; whatever it imports is not the codec's doing
voor = {m for m in sys.modules if m == "django" or m.startswith("django.")}
import klantreis.istandaarden as ist
from klantreis.istandaarden import binding, controle, header, historie, regels, retour, stroom
from klantreis.istandaarden import tonen
regels._laad()
ist.check(b"<x/>")
na = {m for m in sys.modules if m == "django" or m.startswith("django.")}
assert na == voor, sorted(na - voor)
print("ok")
"""


def test_codec_importeert_geen_django():
    proc = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"


def test_geen_django_import_in_de_bron():
    patroon = re.compile(r"^\s*(import django|from django)", re.M)
    bronnen = [p for p in PAKKET.rglob("*.py") if "tests" not in p.parts]
    assert len(bronnen) > 10
    for pad in bronnen:
        assert not patroon.search(pad.read_text(encoding="utf-8")), pad
