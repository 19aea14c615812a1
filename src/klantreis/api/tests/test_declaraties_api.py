"""Read-only API for declaraties and prestaties: the rule that rejected a prestatie, the
payment state, filters, and a provider's isolation (the per-URL test covers every URL too)."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.declaraties.tests.conftest import prestatie
from klantreis.tests.factories import AanbiederFactory, user_met_rol

from .conftest import als


@pytest.fixture
def geleverd(omgeving, django_capture_on_commit_callbacks):
    a = omgeving.clienten[0]
    omgeving.lever(
        omgeving.bericht({a.bsn: [prestatie("A1"), prestatie("A2", nummer=2)]}, nummer="API1"),
        django_capture_on_commit_callbacks,
    )
    return omgeving


def test_prestaties_met_reden_en_betaalstatus(api, geleverd):
    als(api, user_met_rol(Rol.BACKOFFICE, gemeente=geleverd.gemeente))
    data = api.get(reverse("api:prestatie-list"), {"goedgekeurd": "false"}).json()
    assert [p["referentienummer"] for p in data["results"]] == ["A2"]
    assert data["results"][0]["redenen"] == [
        {
            "retourcode": "9338",
            "omschrijving": data["results"][0]["redenen"][0]["omschrijving"],
            "regel": "TR338",
            "regel_omschrijving": "Toewijzing bestaat voor deze cliënt en aanbieder",
        }
    ]
    assert data["results"][0]["redenen"][0]["omschrijving"].startswith("Niet iedere prestatie")
    te_betalen = api.get(reverse("api:prestatie-list"), {"betaalstatus": "te_betalen"}).json()
    assert [p["referentienummer"] for p in te_betalen["results"]] == ["A1"]
    declaraties = api.get(reverse("api:declaratie-list")).json()["results"]
    assert [(d["nummer"], d["aanbieder"]) for d in declaraties] == [("API1", "41000044")]


def test_andere_aanbieder_ziet_niets(api, geleverd):
    als(api, user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory()))
    assert api.get(reverse("api:prestatie-list")).json()["results"] == []
    assert api.get(reverse("api:declaratie-list")).json()["results"] == []
    consulent = user_met_rol(Rol.TOEGANG, gemeente=geleverd.gemeente)
    als(api, consulent)
    assert api.get(reverse("api:declaratie-list")).json()["results"] == []
