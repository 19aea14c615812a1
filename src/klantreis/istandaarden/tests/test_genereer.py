"""The typed model is generated from the shipped XSDs and must not drift from them."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from klantreis.istandaarden import _genereer
from klantreis.istandaarden.tests.helpers import SHARED

PAKKET = Path(_genereer.__file__).parent


def test_gegenereerde_bestanden_zijn_actueel():
    for naam, inhoud in _genereer.genereer().items():
        assert (PAKKET / naam).read_text(encoding="utf-8") == inhoud, (
            f"{naam} wijkt af van de XSD's: draai python -m klantreis.istandaarden._genereer"
        )


def test_xsds_in_pakket_gelijk_aan_provenance():
    prov = (PAKKET / "xsd" / "PROVENANCE.md").read_text(encoding="utf-8")
    regels = re.findall(r"^([0-9a-f]{64})  (\w+)/(\w+\.xsd)$", prov, flags=re.M)
    assert len(regels) == 30
    for sha, std, naam in regels:
        data = (PAKKET / "xsd" / std / naam).read_bytes()
        assert hashlib.sha256(data).hexdigest() == sha, naam
        gedeeld = SHARED / std / "3.2" / naam
        if gedeeld.exists():
            assert gedeeld.read_bytes() == data, naam
