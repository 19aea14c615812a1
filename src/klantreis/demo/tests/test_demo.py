"""The demo tenant: every step of every route has a traject, some termijnen are overdue,
BSNs are test BSNs, and loading twice adds nothing."""

import pytest
from django.core.management import call_command

from klantreis.berichten.models import Bericht
from klantreis.clients.bsn import is_valid_bsn
from klantreis.clients.models import Client
from klantreis.declaraties.models import Betaalopdracht, Prestatie
from klantreis.demo.laden import laad_demo
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.routes.models import RouteVersie, Traject, TrajectStatus
from klantreis.termijnen.models import Termijn
from klantreis.toewijzingen.wachttijden import wachttijden

pytestmark = pytest.mark.django_db


def test_demo_heeft_elke_stap_van_elke_route_en_is_idempotent():
    eerste = laad_demo()
    assert eerste.nieuw
    assert set(Gemeente.objects.values_list("code", flat=True)) == {
        "0797",
        "0197",
        "1859",
        "1876",
        "0222",
        "1955",
        "1586",
        "1509",
        "0294",
    }
    assert Aanbieder.objects.count() >= 12
    for rv in RouteVersie.objects.all():
        stappen = set(
            Traject.objects.filter(route_versie=rv, status=TrajectStatus.ACTIEF).values_list(
                "huidige_stap", flat=True
            )
        )
        assert stappen == {s.id for s in rv.route.stappen}, rv.route_id
        assert Traject.objects.filter(route_versie=rv, status=TrajectStatus.AFGESLOTEN).exists()
    assert Termijn.objects.verlopen().exists()
    assert all(
        bsn.startswith("9999") and is_valid_bsn(bsn)
        for bsn in Client.objects.values_list("bsn", flat=True)
    )
    _declaraties_en_betalingen()
    aantal = Traject.objects.count()
    prestaties = Prestatie.objects.count()
    tweede = laad_demo()
    assert not tweede.nieuw and not tweede.declaraties
    assert Traject.objects.count() == aantal
    assert Prestatie.objects.count() == prestaties


def _declaraties_en_betalingen():
    """The screens of issue 5 have real data: 305s (waiting times), 323s through the
    exchange with approved and rejected prestaties, held and released payments, one run."""
    heusden = Gemeente.objects.get(code="0797")
    assert wachttijden(heusden)  # a provider with a measured waiting time
    assert Bericht.objects.filter(berichtcode="323", status="verwerkt").count() == 4
    assert Bericht.objects.filter(berichtcode="325").count() == 4
    codes = {tuple(c) for c in Prestatie.objects.values_list("retourcodes", flat=True)}
    assert {("9338",), ("0611",), ()} <= codes
    statussen = set(Prestatie.objects.values_list("betaalstatus", flat=True))
    assert statussen == {"", "te_betalen", "aangehouden", "betaald"}
    assert Prestatie.objects.filter(
        declaratie__gemeente=heusden, betaalstatus="te_betalen", toewijzing__meldingen__isnull=False
    ).exists()  # released by a late 305
    opdracht = Betaalopdracht.objects.get()
    assert opdracht.status == "betaald" and opdracht.aantal == 4
    assert not Gemeente.objects.filter(iban="").exists()


def test_demo_weigert_zonder_debug(settings):
    settings.DEBUG = False
    with pytest.raises(Exception, match="alleen met DEBUG aan"):
        call_command("demo")
