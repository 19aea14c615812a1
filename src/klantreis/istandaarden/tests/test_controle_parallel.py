"""check() validates a large message in a second thread while it maps the tree and runs the
level-2 rules (``controle.PARALLEL_VANAF``). The outcome must be that of the sequential
order for every kind of message: valid, XSD-invalid (the XSD faults win, whatever the
mapping made of it), a level-2 fault, and an unmappable value in an invalid tree."""

from __future__ import annotations

import pytest

import klantreis.istandaarden as ist
from klantreis.istandaarden import controle
from klantreis.istandaarden.tests.helpers import voorbeeld_bytes

GEVALLEN = {
    "geldig": lambda d: d,
    "xsd_te_lang": lambda d: d.replace(
        b"<jw323:ProductCode>45A04</jw323:ProductCode>",
        b"<jw323:ProductCode>45A04XXXX</jw323:ProductCode>",
    ),
    "xsd_geen_datum": lambda d: d.replace(b"<ijw:Begindatum>2026", b"<ijw:Begindatum>x026"),
    "xsd_element_weg": lambda d: d.replace(b"<jw323:ProductCode>45A04</jw323:ProductCode>", b"", 1),
    # a valid 9-digit number that fails the 11-proef: level 2 (0001)
    "niveau2_bsn": lambda d: d.replace(b"<jw323:Bsn>999900006<", b"<jw323:Bsn>999900007<"),
}


@pytest.mark.parametrize("geval", sorted(GEVALLEN))
def test_parallel_gelijk_aan_volgordelijk(geval, monkeypatch):
    data = GEVALLEN[geval](voorbeeld_bytes("JW323"))
    monkeypatch.setattr(controle, "PARALLEL_VANAF", 10**12)
    volgordelijk = ist.check(data)
    monkeypatch.setattr(controle, "PARALLEL_VANAF", 0)
    parallel = ist.check(data)
    assert parallel == volgordelijk
    assert parallel.message == volgordelijk.message
    if geval == "geldig":
        assert parallel.geldig and parallel.message is not None
    elif geval.startswith("xsd"):
        assert parallel.niveau is ist.Niveau.XSD and parallel.fouten
    else:
        assert parallel.niveau is ist.Niveau.BERICHT and parallel.message is not None


def test_een_geforkt_proces_maakt_een_eigen_validatiedraad(monkeypatch):
    eerste = controle._valideerder()
    assert controle._valideerder() is eerste  # one per process …
    monkeypatch.setattr(controle.os, "getpid", lambda: -1)  # … as seen from another pid
    ander = controle._valideerder()
    assert ander is not eerste
    assert ander.submit(lambda: 42).result(timeout=5) == 42
