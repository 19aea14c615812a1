"""The declaratie and payment lifecycles (declaraties/workflow.py): every pair of states,
allowed or refused, on real rows; a line moved twice from one copy is moved once."""

import datetime as dt

import pytest

from klantreis.declaraties import workflow
from klantreis.declaraties.models import (
    Betaalopdracht,
    Betaalstatus,
    Declaratie,
    DeclaratieStatus,
    OpdrachtStatus,
    Prestatie,
)
from klantreis.tests.overgangen import controleer_paar, paren

from .conftest import maak_toewijzing

pytestmark = pytest.mark.django_db

B, O = Betaalstatus, OpdrachtStatus  # noqa: E741

PRESTATIE_VERWACHT = {
    (B.AANGEHOUDEN, B.TE_BETALEN),
    (B.TE_BETALEN, B.IN_BESTAND),
    (B.IN_BESTAND, B.BETAALD),
    (B.IN_BESTAND, B.TE_BETALEN),
}
OPDRACHT_VERWACHT = {(O.AANGEMAAKT, O.BETAALD), (O.AANGEMAAKT, O.INGETROKKEN)}
IN_OPDRACHT = {B.IN_BESTAND, B.BETAALD}  # the check constraint: exactly these have a run


def _declaratie(omgeving, status=DeclaratieStatus.VERWERKT) -> Declaratie:
    from klantreis.berichten.models import Bericht

    bericht = Bericht.objects.create(richting="in", inhoud=b"323", sha256="x", status="verwerkt")
    return Declaratie.objects.create(
        gemeente=omgeving.gemeente,
        aanbieder=omgeving.aanbieder,
        wet="wmo",
        nummer="D1",
        periode_begin=dt.date(2026, 1, 1),
        periode_eind=dt.date(2026, 1, 31),
        dagtekening=dt.date(2026, 2, 2),
        totaal_ingediend=100,
        bericht=bericht,
        status=status,
    )


def _opdracht(omgeving, status=O.AANGEMAAKT, kenmerk="KR-1") -> Betaalopdracht:
    return Betaalopdracht.objects.create(
        gemeente=omgeving.gemeente,
        kenmerk=kenmerk,
        uitvoerdatum=dt.date(2026, 2, 20),
        status=status,
    )


@pytest.mark.parametrize(("van", "naar"), paren(workflow.PRESTATIE))
def test_prestatie_elk_paar(omgeving, van, naar):
    opdracht = _opdracht(omgeving)
    p = Prestatie.objects.create(
        declaratie=_declaratie(omgeving),
        aanbieder=omgeving.aanbieder,
        wet="wmo",
        bsn=omgeving.clienten[0].bsn,
        toewijzing=omgeving.toewijzingen[0],
        toewijzing_nummer=1,
        referentienummer="R1",
        categorie="02",
        code="02A01",
        periode_begin=dt.date(2026, 1, 1),
        periode_eind=dt.date(2026, 1, 31),
        volume=1,
        eenheid="04",
        bedrag=100,
        goedgekeurd=van != B.GEEN,
        betaalstatus=van,
        betaalopdracht=opdracht if van in IN_OPDRACHT else None,
    )
    velden = {"betaalopdracht": opdracht if naar in IN_OPDRACHT else None}
    controleer_paar(workflow.PRESTATIE, p, van, naar, (van, naar) in PRESTATIE_VERWACHT, **velden)


@pytest.mark.parametrize(("van", "naar"), paren(workflow.BETAALOPDRACHT))
def test_betaalopdracht_elk_paar(omgeving, van, naar):
    opdracht = _opdracht(omgeving, van)
    controleer_paar(workflow.BETAALOPDRACHT, opdracht, van, naar, (van, naar) in OPDRACHT_VERWACHT)


@pytest.mark.parametrize(("van", "naar"), paren(workflow.DECLARATIE))
def test_declaratie_verandert_niet_meer_na_de_325(omgeving, van, naar):
    """IV087: a declaratie rejected as a whole counts as not submitted; the provider sends a
    new one. No judged declaratie changes state."""
    controleer_paar(workflow.DECLARATIE, _declaratie(omgeving, van), van, naar, False)


def test_alle_statussen_horen_bij_de_levenscyclus():
    assert workflow.PRESTATIE.statussen == set(Betaalstatus.values)
    assert workflow.BETAALOPDRACHT.statussen == set(OpdrachtStatus.values)
    assert workflow.DECLARATIE.statussen == set(DeclaratieStatus.values)
    assert Betaalopdracht._meta.get_field("status").default in workflow.BETAALOPDRACHT.begin


def test_zet_prestaties_neemt_alleen_regels_in_de_bronstatus(omgeving):
    """The payment run takes every te_betalen line of the gemeente in one statement, and
    leaves a held line (waiting for its 305) alone."""
    declaratie = _declaratie(omgeving)
    t = maak_toewijzing(omgeving.gemeente, omgeving.aanbieder, omgeving.clienten[0], 9)
    for i, status in enumerate([B.TE_BETALEN, B.TE_BETALEN, B.AANGEHOUDEN]):
        Prestatie.objects.create(
            declaratie=declaratie, aanbieder=omgeving.aanbieder, wet="wmo", bsn="1",
            toewijzing=t, toewijzing_nummer=9, referentienummer=f"R{i}", categorie="02",
            code="02A01", periode_begin=dt.date(2026, 1, 1), periode_eind=dt.date(2026, 1, 31),
            volume=1, eenheid="04", bedrag=100, goedgekeurd=True, betaalstatus=status,
        )  # fmt: skip
    opdracht = _opdracht(omgeving)
    qs = Prestatie.objects.filter(declaratie__gemeente=omgeving.gemeente)
    assert workflow.zet_prestaties(qs, B.TE_BETALEN, B.IN_BESTAND, betaalopdracht=opdracht) == 2
    assert workflow.zet_prestaties(qs, B.TE_BETALEN, B.IN_BESTAND, betaalopdracht=opdracht) == 0
    assert sorted(Prestatie.objects.values_list("betaalstatus", flat=True)) == [
        B.AANGEHOUDEN,
        B.IN_BESTAND,
        B.IN_BESTAND,
    ]
