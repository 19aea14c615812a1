"""The back office's write actions over the API, with the portal's rule: only a back-office
role of the record's gemeente; the services' refusals as ``toewijzing_geweigerd`` (409)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.portal.tests.test_backoffice_toewijzingen import _verzoek, stap6  # noqa: F401
from klantreis.tests.factories import GemeenteFactory, user_met_rol
from klantreis.toewijzingen.models import Toewijzing, Verzoek

from .conftest import als

pytestmark = pytest.mark.django_db


def _dag(n: int) -> str:
    return (timezone.localdate() + timedelta(days=n)).isoformat()


def _nieuw(traject, **anders) -> dict:
    data = {
        "client": traject.client.pk,
        "traject": traject.pk,
        "aanbieder": traject.aanbieder.agb_code,
        "categorie": "02",
        "code": "02A01",
        "ingangsdatum": _dag(7),
        "einddatum": _dag(365),
        "volume": 2,
        "frequentie": "2",
    }
    data.update(anders)
    return data


def test_toewijzen_via_de_api_stuurt_301_en_zet_het_traject_verder(api, stap6):  # noqa: F811
    als(api, stap6.wie[Rol.BACKOFFICE])
    response = api.post(reverse("api:toewijzing-list"), _nieuw(stap6), format="json")
    assert response.status_code == 201, response.json()
    t = Toewijzing.objects.get(pk=response.json()["id"])
    assert (t.volume, t.frequentie, t.eenheid) == (2, "2", "04")
    assert response.json()["verzonden_op"] is not None
    assert Bericht.objects.filter(berichtcode="301", traject=stap6).count() == 1
    stap6.refresh_from_db()
    assert stap6.huidige_stap == "7"


def test_toewijzen_geweigerd_met_nederlandse_melding(api, stap6):  # noqa: F811
    als(api, stap6.wie[Rol.BACKOFFICE])
    fout = api.post(
        reverse("api:toewijzing-list"), _nieuw(stap6, einddatum=_dag(-30)), format="json"
    )
    assert fout.status_code == 409
    assert fout.json() == {
        "code": "toewijzing_geweigerd",
        "melding": "De einddatum ligt voor de ingangsdatum (CS003).",
    }
    half = api.post(reverse("api:toewijzing-list"), _nieuw(stap6, frequentie=""), format="json")
    assert half.status_code == 400
    assert not Toewijzing.objects.exists()


def test_toewijzen_geweigerd_voor_aanbieder_consulent_en_andere_gemeente(api, stap6):  # noqa: F811
    andere = user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222"))
    for user, verwacht in (
        (stap6.wie[Rol.AANBIEDER], 403),
        (stap6.wie[Rol.TOEGANG], 403),
        (andere, 400),  # the client is not one it sees: "onbekende_client"
    ):
        als(api, user)
        response = api.post(reverse("api:toewijzing-list"), _nieuw(stap6), format="json")
        assert response.status_code == verwacht, (user, response.json())
    assert not Toewijzing.objects.exists()


@pytest.fixture
def toegewezen(api, stap6):  # noqa: F811
    als(api, stap6.wie[Rol.BACKOFFICE])
    response = api.post(reverse("api:toewijzing-list"), _nieuw(stap6), format="json")
    return Toewijzing.objects.get(pk=response.json()["id"])


def test_einddatum_omvang_en_intrekken_via_de_api(api, toegewezen):
    einde = api.post(
        reverse("api:toewijzing-einddatum", args=[toegewezen.pk]),
        {"einddatum": _dag(500)},
        format="json",
    )
    assert einde.status_code == 200 and einde.json()["einddatum"] == _dag(500)
    te_vroeg = api.post(
        reverse("api:toewijzing-omvang", args=[toegewezen.pk]),
        {"per": _dag(7), "volume": 4, "frequentie": "2"},
        format="json",
    )
    assert te_vroeg.status_code == 409
    assert "na de ingangsdatum" in te_vroeg.json()["melding"]
    omvang = api.post(
        reverse("api:toewijzing-omvang", args=[toegewezen.pk]),
        {"per": _dag(30), "volume": 4, "frequentie": "2"},
        format="json",
    )
    assert omvang.status_code == 200
    assert omvang.json()["id"] != toegewezen.pk and omvang.json()["volume"] == 4
    intrekken = api.post(reverse("api:toewijzing-intrekken", args=[omvang.json()["id"]]))
    assert intrekken.status_code == 200 and intrekken.json()["reden_wijziging"] == "13"
    assert Bericht.objects.filter(berichtcode="301").count() == 4


def test_wijzigen_geweigerd_voor_andere_gemeente(api, toegewezen):
    als(api, user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222")))
    for naam, data in (
        ("api:toewijzing-einddatum", {"einddatum": _dag(500)}),
        ("api:toewijzing-intrekken", {}),
    ):
        assert api.post(reverse(naam, args=[toegewezen.pk]), data, format="json").status_code == (
            404
        )
    toegewezen.refresh_from_db()
    assert not toegewezen.verwijderd


def test_verzoek_onderzoek_afwijzen_en_honoreren_via_de_api(api, stap6):  # noqa: F811
    als(api, stap6.wie[Rol.BACKOFFICE])
    eerste, tweede = _verzoek(stap6, referentie="A"), _verzoek(stap6, referentie="B")
    onderzoek = api.post(reverse("api:verzoek-onderzoek", args=[eerste.pk]))
    assert onderzoek.status_code == 200 and onderzoek.json()["status"] == "in_onderzoek"
    nogmaals = api.post(reverse("api:verzoek-onderzoek", args=[eerste.pk]))
    assert nogmaals.status_code == 409 and "TR360" in nogmaals.json()["melding"]
    onbekende_reden = api.post(
        reverse("api:verzoek-afwijzen", args=[eerste.pk]), {"reden": "X"}, format="json"
    )
    assert onbekende_reden.status_code == 400
    af = api.post(reverse("api:verzoek-afwijzen", args=[eerste.pk]), {"reden": "3"}, format="json")
    assert af.status_code == 200 and af.json()["reden_afwijzing"] == "3"
    zonder_product = api.post(reverse("api:verzoek-honoreren", args=[tweede.pk]), {}, format="json")
    assert zonder_product.status_code == 400
    toe = api.post(
        reverse("api:verzoek-honoreren", args=[tweede.pk]),
        {"categorie": "02", "code": "02A01"},
        format="json",
    )
    assert toe.status_code == 200 and toe.json()["status"] == "toegewezen"
    t = Toewijzing.objects.get(referentie_aanbieder="B")
    assert t.volume == 4  # from the request itself
    assert Bericht.objects.filter(berichtcode="319").count() == 2


def test_verzoek_acties_geweigerd_voor_aanbieder_en_andere_gemeente(api, stap6):  # noqa: F811
    v = _verzoek(stap6)
    for user, verwacht in (
        (stap6.wie[Rol.AANBIEDER], 403),
        (user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222")), 404),
    ):
        als(api, user)
        response = api.post(
            reverse("api:verzoek-afwijzen", args=[v.pk]), {"reden": "3"}, format="json"
        )
        assert response.status_code == verwacht
    v.refresh_from_db()
    assert v.status == "ontvangen"


def test_honoreren_met_vreemde_inhoud_is_een_weigering_geen_serverfout(api, stap6):  # noqa: F811
    als(api, stap6.wie[Rol.BACKOFFICE])
    for referentie, inhoud in (
        ("X1", ["geen", "object"]),
        ("X2", {"toewijzing_ingangsdatum": "gisteren", "omvang": [1, 2]}),
        ("X3", {"omvang": {"volume": "veel", "frequentie": "2"}}),
    ):
        v = _verzoek(stap6, referentie=referentie, inhoud=inhoud)
        response = api.post(
            reverse("api:verzoek-honoreren", args=[v.pk]),
            {"categorie": "02", "code": "02A01"},
            format="json",
        )
        assert response.status_code == 409, (referentie, response.content)
        assert response.json()["code"] == "toewijzing_geweigerd"
        v.refresh_from_db()
        assert v.status == "ontvangen"
    x3 = Verzoek.objects.get(referentie_aanbieder="X3")
    response = api.post(
        reverse("api:verzoek-honoreren", args=[x3.pk]),
        {"categorie": "02", "code": "02A01", "ingangsdatum": _dag(7), "einddatum": _dag(90)},
        format="json",
    )
    assert response.status_code == 409  # the request's volume "veel" is no number
    assert not Toewijzing.objects.exists()
