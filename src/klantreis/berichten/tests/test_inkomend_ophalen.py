"""The binding of polled channels (docs/security.md, "Inkomende kanalen"): the directory
drop names its sender by folder, VECOZO by its routing Afzender; ``tasks.haal_op`` lets in
only a message whose own Afzender is that sender and whose Ontvanger is the party polled
for. Anything else goes to quarantine and its file is confirmed (not offered again)."""

from __future__ import annotations

from pathlib import Path

import pytest

from klantreis.berichten import tasks
from klantreis.berichten.models import Bericht, Quarantaine
from klantreis.berichten.transports import Ontvangen, Uitgaand, vecozo
from klantreis.tests.factories import AanbiederFactory

from .conftest import AANBIEDER, GEMEENTE, VOORBEELDEN_JW, inbox

pytestmark = pytest.mark.django_db


def _in_map(root: Path, map_: str, data: bytes, naam: str = "WMO305.xml") -> None:
    doel = root / GEMEENTE / "inbox" / map_
    doel.mkdir(parents=True, exist_ok=True)
    (doel / naam).write_bytes(data)


def test_bericht_uit_de_map_van_zijn_afzender_komt_binnen(bericht305, berichtenmap, lever):
    _in_map(berichtenmap, AANBIEDER, bericht305("M1"))
    assert tasks.haal_op() == 1
    assert Bericht.objects.get(richting="in").afzender == AANBIEDER
    assert Quarantaine.objects.count() == 0


def test_bericht_in_de_map_van_een_ander_gaat_in_quarantaine(bericht305, berichtenmap):
    """A partner that can write to another's folder still cannot speak for a third party:
    the 305's Afzender (65656055) is not the folder's party."""
    _in_map(berichtenmap, "41000011", bericht305("M2"))
    assert tasks.haal_op() == 0
    assert Bericht.objects.count() == 0
    rij = Quarantaine.objects.get()
    assert (rij.kanaal, rij.reden_code, rij.identiteit, rij.afzender) == (
        "directory",
        "afzender",
        "41000011",
        AANBIEDER,
    )
    assert inbox(berichtenmap, GEMEENTE) == []  # confirmed: not offered again
    assert tasks.haal_op() == 0 and Quarantaine.objects.count() == 1


def test_hoofdaannemer_levert_voor_zijn_onderaannemer(bericht305, berichtenmap):
    hoofd = AanbiederFactory(agb_code="41000011")
    hoofd.onderaannemers.add(AanbiederFactory(agb_code=AANBIEDER))
    _in_map(berichtenmap, "41000011", bericht305("M3"))
    assert tasks.haal_op() == 1
    assert Quarantaine.objects.count() == 0


def test_los_bestand_in_de_inbox_heeft_geen_zender(bericht305, berichtenmap):
    (berichtenmap / GEMEENTE / "inbox").mkdir(parents=True)
    (berichtenmap / GEMEENTE / "inbox" / "los.xml").write_bytes(bericht305("M4"))
    assert tasks.haal_op() == 0
    assert Quarantaine.objects.get().reden_code == "zender"


def test_bericht_voor_een_andere_ontvanger(bericht305, berichtenmap):
    data = bericht305("M5").replace(b">0363<", b">0797<")
    assert data != bericht305("M5")
    _in_map(berichtenmap, AANBIEDER, data)
    assert tasks.haal_op() == 0
    rij = Quarantaine.objects.get()
    assert (rij.reden_code, rij.ontvanger) == ("ontvanger", "0797")


def test_onleesbaar_bestand_gaat_in_quarantaine(berichtenmap):
    _in_map(berichtenmap, AANBIEDER, b"\x00\x01 rommel", naam="rommel.bin")
    assert tasks.haal_op() == 0
    assert Quarantaine.objects.get().reden_code == "onleesbaar"


class _VecozoPostbus:
    """VECOZO's receiving side is not built (docs/transports.md); this stands in for it with
    what ``vecozo.lees_indienen`` makes of a real IndienenBericht."""

    naam = "vecozo"

    def __init__(self, *indieningen: bytes):
        self.wachtend = [vecozo.lees_indienen(i) for i in indieningen]

    def haal_op(self):
        return list(self.wachtend)

    def bevestig(self, ontvangen: Ontvangen) -> None:
        self.wachtend.remove(ontvangen)


def _indiening(afzender: str) -> bytes:
    jw315 = (VOORBEELDEN_JW / "JW315.xml").read_bytes()  # Afzender 42420001 → 0384
    return vecozo.bouw_indienen(
        Uitgaand(
            inhoud=jw315,
            bestandsnaam="JW315.xml",
            functie="JW315",
            afzender=afzender,
            ontvanger="0384",
            identificatie="AB12",
        )
    )


def test_vecozo_routering_afzender_moet_de_afzender_van_het_bericht_zijn(settings, monkeypatch):
    if not (VOORBEELDEN_JW / "JW315.xml").exists():
        pytest.skip("voorbeeldbericht JW315 niet aanwezig")
    settings.KLANTREIS_TRANSPORT = {"plugin": "vecozo", "opties": {}, "eigenaren": ["0384"]}
    postbus = _VecozoPostbus(_indiening("42420001"), _indiening("22227338"))
    monkeypatch.setattr(tasks, "transport_voor", lambda partij: postbus)
    assert [o.afzender for o in postbus.wachtend] == ["42420001", "22227338"]
    assert tasks.haal_op() == 1
    assert Bericht.objects.get().afzender == "42420001"
    rij = Quarantaine.objects.get()
    assert (rij.kanaal, rij.reden_code, rij.identiteit) == ("vecozo", "afzender", "22227338")
    assert postbus.wachtend == []
