"""The fast path of the 323 rules (``afhandeling._snel_goed``) decides only "no rule fires";
whatever it is not sure of goes through every rule function. This test judges one
declaratie with a fault for many rules twice, with and without the fast path, and demands
the same 325, the same fouten (rule, code, path, text, in order) and the same stored rows."""

import datetime as dt

import pytest
from django.db import transaction

from klantreis.declaraties import afhandeling
from klantreis.declaraties.models import Prestatie

from .conftest import (
    MAAND,
    TARIEF,
    codes_per_prestatie,
    einde,
    maak_toewijzing,
    maand,
    prestatie,
    retourcodes,
)


@pytest.fixture
def cap(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


def _toewijzingen(omgeving):
    """One toewijzing per faulty prestatie (TR416 allows one debet per toewijzing, product
    and period in a message), and a history: an approved declaratie before this one."""
    a = omgeving.clienten[0]
    for nummer in range(11, 21):
        maak_toewijzing(omgeving.gemeente, omgeving.aanbieder, a, nummer)


def _historie(omgeving, cap):
    eerder = omgeving.bericht(
        {
            omgeving.bsn: [
                prestatie("H1", nummer=19, begin=maand(4)),
                prestatie("H2", nummer=20, begin=maand(3), volume=30),
            ]
        },
        nummer="EERDER",
        periode=maand(3),
    )
    heen, retour = omgeving.lever(eerder, cap)
    assert codes_per_prestatie(retour) == {}, heen.fouten  # both approved


def _mix(omgeving):
    a, b = omgeving.clienten
    return omgeving.bericht(
        {
            a.bsn: [
                prestatie("A1"),  # approved
                prestatie("A3", nummer=11, tarief=6000),  # TR418
                prestatie("A4", nummer=12, volume=80),  # TR321: more than 10 uur per week
                prestatie("A5", nummer=13, begin=MAAND + dt.timedelta(days=1), eind=einde(MAAND)),
                prestatie("A6", nummer=14, eind=MAAND + dt.timedelta(days=9)),  # TR388
                prestatie("A7", nummer=15, begin=dt.date(2023, 12, 1)),  # TR307, TR387
                prestatie("A8", nummer=16, code="02A02"),  # TR340 (and no contract: TR418)
                prestatie("A9", nummer=17, eenheid="01", volume=90, tarief=round(TARIEF / 60)),
                prestatie("A10", nummer=18, begin=maand(3), volume=30),  # approved
                prestatie("A11", nummer=20, begin=maand(3), volume=30),  # TR389, TR322 (H2)
                prestatie("H2", nummer=1, begin=maand(3)),  # TR314: approved earlier
                prestatie("C1", nummer=19, begin=maand(4), credit=True, vorig="H1"),  # approved
                prestatie("C2", nummer=19, begin=maand(4)),  # approved after the credit (OP366)
            ],
            b.bsn: [
                prestatie("B1", nummer=2, volume=4),  # approved
                prestatie("B2", nummer=2, credit=True, vorig="ONBEKEND", volume=1),  # TR323
                prestatie("B3", nummer=1),  # TR338: toewijzing 1 is a's
            ],
        },
        nummer="SNEL1",
    )


def _uitkomst(omgeving, cap, message):
    with transaction.atomic():
        heen, retour = omgeving.lever(message, cap)
        rijen = sorted(
            Prestatie.objects.values_list(
                "referentienummer",
                "goedgekeurd",
                "retourcodes",
                "betaalstatus",
                "toewijzing__nummer",
                "volume",
                "bedrag",
            ),
            key=repr,
        )
        uit = (
            retourcodes(retour),
            codes_per_prestatie(retour),
            retour.declaratie_antwoord.totaal_toegekend_bedrag,
            heen.fouten,
            rijen,
        )
        transaction.set_rollback(True)  # the second run starts from the same database
    return uit


def test_snel_pad_geeft_dezelfde_uitkomst_als_elke_regel(omgeving, cap, monkeypatch):
    echt = afhandeling._snel_goed
    beslist = []

    def tellend(*args):
        uitkomst = echt(*args)
        beslist.append(uitkomst)
        return uitkomst

    _toewijzingen(omgeving)
    _historie(omgeving, cap)
    monkeypatch.setattr(afhandeling, "_snel_goed", tellend)
    snel = _uitkomst(omgeving, cap, _mix(omgeving))
    monkeypatch.setattr(afhandeling, "_snel_goed", lambda *args: False)
    elke_regel = _uitkomst(omgeving, cap, _mix(omgeving))

    assert True in beslist and False in beslist  # both paths were really taken
    assert snel == elke_regel
    per_prestatie = snel[1]
    for ref in ("A3", "A4", "A5", "A6", "A7", "A8", "A11", "H2", "B2", "B3"):
        assert per_prestatie.get(ref), ref  # each of these was rejected …
    for ref in ("A1", "A9", "A10", "C1", "C2", "B1"):
        assert ref not in per_prestatie, ref  # … and these approved
