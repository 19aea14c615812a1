"""iter_prestaties: the streaming 323 reader gives what read gives, and fails the same way."""

from __future__ import annotations

import pytest

import klantreis.istandaarden as ist
from klantreis.istandaarden.tests.helpers import voorbeeld_bytes


@pytest.mark.parametrize("naam", ["JW323", "WMO323"])
def test_stroom_gelijk_aan_read(naam):
    data = voorbeeld_bytes(naam)
    msg = ist.read(data)
    verwacht = [(c.bsn, p) for c in msg.declaratie.clienten for p in c.prestaties]
    assert list(ist.iter_prestaties(data)) == verwacht
    assert len(verwacht) == (5 if naam == "JW323" else 4)


def test_stroom_afgekapt_bestand_is_xml_fout():
    data = voorbeeld_bytes("JW323")[:-100]
    with pytest.raises(ist.XmlFout):
        list(ist.iter_prestaties(data))


def test_stroom_ongeldige_waarde_is_xsd_fout():
    data = voorbeeld_bytes("JW323").replace(
        b"<jw323:ProductCode>45A04</jw323:ProductCode>",
        b"<jw323:ProductCode>45A04XXXX</jw323:ProductCode>",  # max 5 characters
    )
    with pytest.raises(ist.XsdFout):
        list(ist.iter_prestaties(data))


def test_stroom_ander_bericht_geweigerd():
    with pytest.raises(ist.OnbekendBerichtFout):
        list(ist.iter_prestaties(voorbeeld_bytes("JW301")))


def test_stroom_doctype_geweigerd():
    data = voorbeeld_bytes("JW323").replace(b"?>", b"?><!DOCTYPE x>", 1)
    with pytest.raises(ist.XmlFout):
        list(ist.iter_prestaties(data))


def test_diepe_nesting_geweigerd():
    data = b"<a>" * 100_000 + b"</a>" * 100_000
    with pytest.raises(ist.XmlFout):
        ist.read(data)
