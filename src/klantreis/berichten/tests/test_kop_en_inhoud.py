"""The lenient header look at receipt (``services.kop_van_bytes``) reads only up to the end
of the Header, and the bytes of a Bericht live apart (``BerichtInhoud``) yet read and write
as ``bericht.inhoud`` (docs/decisions/0006-snelle-323.md)."""

from __future__ import annotations

from klantreis import istandaarden as ist
from klantreis.berichten import services
from klantreis.berichten.models import Bericht, BerichtInhoud
from klantreis.berichten.workflow import Richting, Status

from .conftest import AANBIEDER, GEMEENTE, voorbeeld


def test_kop_gelezen_ook_als_het_bestand_na_de_header_breekt():
    data = ist.write(voorbeeld("WMO305.xml"))
    heel = services.kop_van_bytes(data)
    assert (heel.afzender, heel.ontvanger, heel.berichtcode) == (AANBIEDER, GEMEENTE, "305")
    afgebroken = data[: data.index(b"</wmo305:Header>") + 200]  # broken XML after the Header
    assert services.kop_van_bytes(afgebroken) == heel
    assert ist.check(afgebroken).niveau is ist.Niveau.XML  # the check still refuses it


def test_kop_van_onzin_is_leeg():
    assert services.kop_van_bytes(b"\x00\xffgeen xml") == services.Kop()
    assert services.kop_van_bytes(b"<a><Header>") == services.Kop()


def test_inhoud_apart_bewaard_en_ongewijzigd(db):
    data = b"<?xml version='1.0'?>\x00\xff" + bytes(range(256)) * 10
    b = Bericht.objects.create(
        richting=Richting.IN, inhoud=data, sha256="x", status=Status.ONTVANGEN, eigenaar="1"
    )
    assert bytes(BerichtInhoud.objects.get(bericht=b).data) == data
    Bericht.objects.filter(pk=b.pk).update(status=Status.IN_VERWERKING)  # the row, not the bytes
    b.refresh_from_db()
    assert b.inhoud == data and b.bytes == data
    assert Bericht.objects.get(pk=b.pk).bytes == data
    b.inhoud = b"nieuw"
    b.save()
    assert Bericht.objects.get(pk=b.pk).bytes == b"nieuw"
    assert BerichtInhoud.objects.count() == 1
