"""Every shared example is read and written back equivalent (as canonical XML)."""

from __future__ import annotations

import pytest
from lxml import etree

import klantreis.istandaarden as ist
from klantreis.istandaarden.tests.helpers import ONGELDIG, VOORBEELDEN


def _c14n(data: bytes) -> str:
    return etree.canonicalize(data.decode("utf-8"), strip_text=True)


def test_alle_voorbeelden_gevonden():
    assert len(VOORBEELDEN) == 21, VOORBEELDEN


@pytest.mark.parametrize("pad", [p for p in VOORBEELDEN if p.name not in ONGELDIG], ids=str)
def test_voorbeeld_leest_en_schrijft_gelijkwaardig(pad):
    data = pad.read_bytes()
    msg = ist.read(data)
    assert msg.standaard.value == ("iwmo" if pad.name.startswith("WMO") else "ijw")
    assert msg.bericht == pad.stem[-3:]
    out = ist.write(msg)
    assert _c14n(out) == _c14n(data)
    assert ist.read(out) == msg


def test_jw315_met_31_juni_wordt_op_xsd_niveau_afgewezen():
    data = next(p for p in VOORBEELDEN if p.name == "JW315.xml").read_bytes()
    with pytest.raises(ist.XsdFout) as exc:
        ist.read(data)
    assert exc.value.niveau is ist.Niveau.XSD
    res = ist.check(data)
    assert (res.geldig, res.niveau, res.standaard, res.bericht) == (
        False,
        ist.Niveau.XSD,
        ist.Standaard.IJW,
        "315",
    )
    assert len(res.fouten) == 2
    assert all("2027-06-31" in f.melding for f in res.fouten)
    assert res.fouten[0].pad == (
        "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[1]/ToewijzingEinddatum"
    )


def test_jw318_met_losse_retourcode_wordt_op_xsd_niveau_afgewezen():
    data = next(p for p in VOORBEELDEN if p.name == "JW318.xml").read_bytes()
    res = ist.check(data)
    assert (res.geldig, res.niveau) == (False, ist.Niveau.XSD)
    assert [f.pad for f in res.fouten] == ["/Bericht/Client/Verzoek/RetourCode"]
    assert res.fouten[0].regel == "XSD"


def test_typen_na_lezen():
    import datetime

    msg = ist.read(next(p for p in VOORBEELDEN if p.name == "JW323.xml").read_bytes())
    d = msg.declaratie
    assert d.declaratie_periode.begindatum == datetime.date(2026, 4, 1)
    assert d.totaal_ingediend_bedrag.totaal_bedrag == 79000
    p = d.clienten[0].prestaties[0]
    assert p.eenheid is ist.codes.Eenheid.UUR
    assert p.eenheid.omschrijving == "Uur"
    assert p.product_categorie is ist.codes.JwProductCategorie("45")
    assert p.product_tarief == 1250
    assert msg.header.bericht_identificatie.dagtekening == datetime.date(2026, 5, 6)


def test_check_van_voorbeelden():
    """Known level-2 results: JW317 has Einddatum 2024-02-28 before GewensteIngangsdatum."""
    uitkomst = {p.name: ist.check(p.read_bytes()) for p in VOORBEELDEN}
    assert uitkomst["JW317.xml"].niveau is ist.Niveau.BERICHT
    assert [f.regel for f in uitkomst["JW317.xml"].fouten] == ["CS003"]
    geldig = {n for n, r in uitkomst.items() if r.geldig}
    assert geldig == {p.name for p in VOORBEELDEN} - ONGELDIG - {"JW317.xml"}
