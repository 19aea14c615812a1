"""Writing: canonical, deterministic, header filled, XSD-checked before it leaves."""

from __future__ import annotations

import dataclasses
import datetime

import pytest
from lxml import etree

import klantreis.istandaarden as ist
from klantreis.istandaarden import modellen
from klantreis.istandaarden.tests.helpers import voorbeeld, zet


def test_zelfde_invoer_zelfde_bytes():
    msg = voorbeeld("JW301")
    assert ist.write(msg) == ist.write(dataclasses.replace(msg))


def test_vaste_prefixen_en_utf8():
    out = ist.write(voorbeeld("WMO301"))
    assert out.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(out)
    assert root.nsmap == {
        "iwmo": "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema",
        "wmo301": "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema",
    }


@pytest.mark.parametrize(
    ("std", "bericht", "code"),
    [("iwmo", "301", "414"), ("ijw", "301", "436"), ("iwmo", "323", "484"), ("ijw", "325", "491")],
)
def test_header_berichtcode_versie_en_subversie(std, bericht, code):
    naam = ("WMO" if std == "iwmo" else "JW") + bericht
    out = ist.write(voorbeeld(naam))
    root = etree.fromstring(out)
    ns = root.nsmap[("wmo" if std == "iwmo" else "jw") + bericht]
    h = root.find(f"{{{ns}}}Header")
    assert h.findtext(f"{{{ns}}}BerichtCode") == code
    assert h.findtext(f"{{{ns}}}BerichtVersie") == "3"
    assert h.findtext(f"{{{ns}}}BerichtSubversie") == "2"


def test_ongeldig_object_wordt_niet_geschreven():
    msg = zet(voorbeeld("WMO323"), "header.afzender", "123")  # AGB is 8 digits
    with pytest.raises(ist.SchrijfFout) as exc:
        ist.write(msg)
    assert exc.value.fouten[0].pad == "/Bericht/Header/Afzender"


def test_verplichte_lijst_leeg_wordt_niet_geschreven():
    msg = zet(voorbeeld("WMO323"), "declaratie.clienten", ())
    with pytest.raises(ist.SchrijfFout):
        ist.write(msg)


def test_geen_bericht_wordt_niet_geschreven():
    with pytest.raises(ist.SchrijfFout):
        ist.write(modellen.XsdVersie(basisschema_xsd_versie="1.0.0", bericht_xsd_versie="1.0.0"))


def test_identificatie_uniek_per_afzender_en_berichtsoort():
    gen = ist.GeheugenIdentificatieGenerator(prefix="K")
    a = [gen.volgende("0384", ist.Standaard.IJW, "301") for _ in range(3)]
    b = gen.volgende("0384", ist.Standaard.IJW, "319")
    c = gen.volgende("0385", ist.Standaard.IJW, "301")
    assert a == ["K1", "K2", "K3"]
    assert len(set(a)) == 3
    assert (b, c) == ("K1", "K1")  # a different message type or sender has its own series
    assert isinstance(gen, ist.IdentificatieGenerator)


def test_nieuwe_header_vult_identificatie_en_xsdversie():
    gen = ist.GeheugenIdentificatieGenerator()
    h = ist.nieuwe_header(
        "ijw",
        "323",
        afzender="65656055",
        ontvanger="0384",
        dagtekening=datetime.date(2026, 5, 6),
        identificatie=gen,
    )
    assert h.bericht_identificatie.identificatie == "1"
    assert h.xsd_versie == ist.xsd_versie("ijw", "323")
    msg = dataclasses.replace(voorbeeld("JW323"), header=h)
    assert ist.read(ist.write(msg)) == msg
