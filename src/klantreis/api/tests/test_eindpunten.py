"""Per endpoint the happy path, with a token as a system would use it, and the refusals as
``{"code": ..., "melding": ...}``."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.urls import reverse
from rest_framework.authtoken.models import Token

from klantreis.accounts.models import Rol
from klantreis.clients.models import Toestemming
from klantreis.demo.voorbeelden import inhoud
from klantreis.portal.tests.conftest import start
from klantreis.routes.models import TrajectStatus
from klantreis.tests.factories import ClientFactory

from .conftest import Wereld, als

pytestmark = pytest.mark.django_db


def test_klantreis_api_token_toont_steeds_hetzelfde_token(wereld: Wereld, capsys):
    call_command("api", "token", wereld.consulent.username)
    eerste = capsys.readouterr().out.strip()
    call_command("api", "token", wereld.consulent.username)
    assert capsys.readouterr().out.strip() == eerste
    assert Token.objects.get(user=wereld.consulent).key == eerste


def test_token_geeft_toegang_en_een_fout_token_niet(api, wereld: Wereld):
    api.credentials(HTTP_AUTHORIZATION="Token onjuist")
    assert api.get(reverse("api:traject-list")).status_code == 401
    als(api, wereld.consulent)
    assert api.get(reverse("api:traject-list")).status_code == 200


def test_consulent_ziet_beide_trajecten_met_stap_en_route(api, wereld: Wereld):
    data = als(api, wereld.consulent).get(reverse("api:traject-list")).json()
    assert data["count"] == 2
    eerste = next(t for t in data["results"] if t["id"] == wereld.eigen.traject.pk)
    assert eerste["huidige_stap"] == "4"
    assert eerste["stap"]["rol"] == Rol.AANBIEDER
    assert eerste["route"]["id"] == "heusden-stappenplan"
    assert eerste["gemeente"] == "0797"
    assert eerste["aanbieder"] == wereld.eigen.aanbieder.agb_code


def test_filters_op_bsn_status_en_aanbieder(api, wereld: Wereld):
    als(api, wereld.consulent)
    url = reverse("api:traject-list")
    per_bsn = api.get(url, {"bsn": wereld.ander.client.bsn}).json()["results"]
    assert [t["id"] for t in per_bsn] == [wereld.ander.traject.pk]
    assert api.get(url, {"status": "afgesloten"}).json()["count"] == 0
    per_aanbieder = api.get(url, {"aanbieder": wereld.eigen.aanbieder.agb_code}).json()
    assert [t["id"] for t in per_aanbieder["results"]] == [wereld.eigen.traject.pk]
    assert api.get(url, {"client": "geen-getal"}).json()["count"] == 0
    assert api.get(url, {"route": "heusden-stappenplan"}).json()["count"] == 2


def test_paginering_met_pagina_en_per_pagina(api, wereld: Wereld):
    data = als(api, wereld.consulent).get(reverse("api:traject-list"), {"per_pagina": 1}).json()
    assert data["count"] == 2
    assert len(data["results"]) == 1
    assert "pagina=2" in data["next"]


def test_traject_detail_met_termijnen_en_geschiedenis(api, wereld: Wereld):
    url = reverse("api:traject-detail", args=[wereld.eigen.traject.pk])
    data = als(api, wereld.eigen.medewerker).get(url).json()
    assert [g["soort"] for g in data["gebeurtenissen"]][:2] == ["gestart", "stap_voltooid"]
    assert any(t["sleutel"] and t["uitleg"] for t in data["termijnen"])


def test_zorgaanbieder_ziet_iva_pas_na_toestemming(api, wereld: Wereld):
    als(api, wereld.eigen.medewerker)
    url = reverse("api:document-list")
    soorten = {d["soort"] for d in api.get(url).json()["results"]}
    assert soorten == {"ondersteuningsplan"}  # written by the provider itself
    assert api.get(reverse("api:document-detail", args=[wereld.eigen.iva.pk])).status_code == 404
    Toestemming.objects.create(
        client=wereld.eigen.client, aanbieder=wereld.eigen.aanbieder, document_soort="iva"
    )
    soorten = {d["soort"] for d in api.get(url).json()["results"]}
    assert soorten == {"ondersteuningsplan", "iva"}
    document = api.get(reverse("api:document-detail", args=[wereld.eigen.iva.pk])).json()
    assert document["versies"][0]["inhoud"]["samenvatting"]


def test_consulent_ziet_alle_documenten(api, wereld: Wereld):
    data = als(api, wereld.consulent).get(reverse("api:document-list"), {"soort": "iva"}).json()
    assert data["count"] == 2


def test_lijsten_van_termijnen_toewijzingen_verzoeken_en_berichten(api, wereld: Wereld):
    als(api, wereld.consulent)
    for naam, verwacht in [
        ("api:termijn-list", wereld.eigen.termijn.pk),
        ("api:toewijzing-list", wereld.eigen.toewijzing.pk),
        ("api:verzoek-list", wereld.eigen.verzoek.pk),
        ("api:bericht-list", wereld.eigen.bericht.pk),
        ("api:client-list", wereld.eigen.client.pk),
    ]:
        response = api.get(reverse(naam))
        assert response.status_code == 200, naam
        assert verwacht in {r["id"] for r in response.json()["results"]}, naam
    toewijzing = api.get(reverse("api:toewijzing-list"), {"nummer": 1001}).json()["results"]
    assert [t["nummer"] for t in toewijzing] == [1001]


def test_bericht_als_xml(api, wereld: Wereld):
    url = reverse("api:bericht-xml", args=[wereld.eigen.bericht.pk])
    response = als(api, wereld.eigen.medewerker).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    assert response.content == b"<bericht>Eigenaar</bericht>"
    assert api.get(url, HTTP_ACCEPT="application/xml").status_code == 200
    metadata = api.get(reverse("api:bericht-detail", args=[wereld.eigen.bericht.pk])).json()
    assert metadata["berichtcode"] == "315"
    assert "inhoud" not in metadata


def test_traject_starten(api, heusden):
    traject = start(heusden)
    nieuw = ClientFactory(gemeente=heusden)
    response = als(api, traject.wie[Rol.TOEGANG]).post(
        reverse("api:traject-list"),
        {"client": nieuw.pk, "gemeente": "0797", "route": "heusden-stappenplan"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["huidige_stap"] == "1"
    assert response.json()["gebeurtenissen"][0]["soort"] == "gestart"


def test_traject_starten_op_onbekende_route_geeft_nederlandse_melding(api, heusden):
    traject = start(heusden)
    response = als(api, traject.wie[Rol.TOEGANG]).post(
        reverse("api:traject-list"),
        {"client": traject.client.pk, "gemeente": "0797", "route": "bestaat-niet"},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "geen_route"
    assert "geldt niet voor gemeente Heusden" in response.json()["melding"]


def test_acties_tonen_wat_de_engine_toestaat(api, heusden):
    traject = start(heusden)
    url = reverse("api:traject-acties", args=[traject.pk])
    acties = als(api, traject.wie[Rol.TOEGANG]).get(url).json()
    advance = next(a for a in acties if a["actie"] == "advance")
    assert advance["naar"] == "2"
    assert advance["mogelijk"] is False
    assert any("ontbreekt" in b for b in advance["bezwaren"])
    assert {a["actie"] for a in acties} >= {"suspend", "close"}


def test_advance_zonder_iva_geeft_409_met_nederlandse_melding(api, heusden):
    traject = start(heusden)
    url = reverse("api:traject-acties", args=[traject.pk])
    response = als(api, traject.wie[Rol.TOEGANG]).post(url, {"actie": "advance"}, format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "vereiste_ontbreekt"
    assert "kan nog niet worden afgerond" in response.json()["melding"]


def test_document_schrijven_vaststellen_en_verder(api, heusden):
    traject = start(heusden)
    als(api, traject.wie[Rol.TOEGANG])
    response = api.post(
        reverse("api:document-list"),
        {"traject": traject.pk, "soort": "iva", "inhoud": inhoud("iva")},
        format="json",
    )
    assert response.status_code == 201, response.json()
    document = response.json()
    assert document["status"] == "concept"
    assert document["versies"][0]["nummer"] == 1
    response = api.post(reverse("api:document-vaststellen", args=[document["id"]]), {})
    assert response.status_code == 200
    assert response.json()["status"] == "vastgesteld"
    response = api.post(
        reverse("api:traject-acties", args=[traject.pk]),
        {"actie": "advance", "versie": traject.versie},
        format="json",
    )
    assert response.status_code == 200, response.json()
    assert response.json()["huidige_stap"] == "2"


def test_ongeldige_inhoud_wordt_geweigerd(api, heusden):
    traject = start(heusden)
    response = als(api, traject.wie[Rol.TOEGANG]).post(
        reverse("api:document-list"),
        {"traject": traject.pk, "soort": "iva", "inhoud": {"onzin": 1}},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "document_geweigerd"
    assert "niet volledig of niet juist" in response.json()["melding"]


def test_akkoord_namens_de_client(api, wereld: Wereld):
    url = reverse("api:document-akkoorden", args=[wereld.eigen.plan.pk])
    response = als(api, wereld.consulent).post(
        url, {"rol": "client", "akkoord": False, "toelichting": "Te weinig uren."}, format="json"
    )
    assert response.status_code == 201, response.json()
    assert response.json()["akkoord"] is False
    assert response.json()["namens"] == wereld.eigen.client.naam
    assert wereld.eigen.plan.laatste_versie.akkoorden.get().rol == "client"


def test_verouderde_versie_geeft_409(api, heusden):
    traject = start(heusden)
    response = als(api, traject.wie[Rol.TOEGANG]).post(
        reverse("api:traject-acties", args=[traject.pk]),
        {"actie": "suspend", "reden": "Cliënt is opgenomen.", "versie": traject.versie + 5},
        format="json",
    )
    assert response.status_code == 409
    assert response.json()["code"] == "gelijktijdig"
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.ACTIEF


def test_opschorten_hervatten_en_afsluiten(api, heusden):
    traject = start(heusden)
    als(api, traject.wie[Rol.TOEGANG])
    url = reverse("api:traject-acties", args=[traject.pk])
    zonder_reden = api.post(url, {"actie": "suspend"}, format="json")
    assert zonder_reden.status_code == 400
    assert zonder_reden.json()["code"] == "reden_ontbreekt"
    assert (
        api.post(url, {"actie": "suspend", "reden": "Opname."}, format="json").json()["status"]
        == "opgeschort"
    )
    assert api.post(url, {"actie": "resume"}, format="json").json()["status"] == "actief"
    gesloten = api.post(url, {"actie": "close", "reden": "Cliënt trekt aanvraag in."})
    assert gesloten.json()["status"] == "afgesloten"
    nog_eens = api.post(url, {"actie": "close", "reden": "Nog eens."}, format="json")
    assert nog_eens.status_code == 409
    assert nog_eens.json()["melding"] == "Dit traject is al afgesloten."


def test_aanbieder_kiezen(api, wereld: Wereld):
    traject = start(wereld.eigen.traject.gemeente)
    traject.wie.aanbieder = wereld.ander.aanbieder
    from klantreis.tests.lopen import rond_af

    rond_af(traject, traject.wie)
    rond_af(traject, traject.wie)
    assert traject.huidige_stap == "3"
    als(api, traject.wie[Rol.TOEGANG])
    url = reverse("api:traject-aanbieder", args=[traject.pk])
    onbekend = api.post(url, {"aanbieder": "12345678"}, format="json")
    assert onbekend.status_code == 400
    assert onbekend.json()["code"] == "onbekende_aanbieder"
    response = api.post(url, {"aanbieder": wereld.eigen.aanbieder.agb_code}, format="json")
    assert response.status_code == 200, response.json()
    assert response.json()["aanbieder"] == wereld.eigen.aanbieder.agb_code
    assert response.json()["gebeurtenissen"][-1]["soort"] == "aanbieder_gekozen"


def test_nul_teken_in_filter_of_inhoud_is_geen_serverfout(api, wereld: Wereld):
    """Found by schemathesis on PostgreSQL: text fields and jsonb refuse U+0000."""
    als(api, wereld.consulent)
    response = api.get(reverse("api:traject-list"), {"gemeente": "07\x0097"})
    assert response.status_code == 200
    assert response.json()["count"] == 0
    response = api.post(
        reverse("api:document-list"),
        {"traject": wereld.eigen.traject.pk, "soort": "iva", "inhoud": {"samenvatting": "a\x00"}},
        format="json",
    )
    assert response.status_code == 400
    assert "NUL" in str(response.json()["inhoud"])


@pytest.mark.parametrize("getal", [2**63, 2**70])
def test_te_groot_id_is_geen_serverfout(api, wereld: Wereld, getal):
    """Found by schemathesis on SQLite: an id beyond a bigint raised OverflowError."""
    als(api, wereld.consulent)
    response = api.post(
        reverse("api:document-list"),
        {"traject": getal, "soort": "iva", "inhoud": {}},
        format="json",
    )
    assert response.status_code == 400
    response = api.post(
        reverse("api:traject-list"),
        {"client": getal, "gemeente": "0797", "route": "heusden-stappenplan"},
        format="json",
    )
    assert response.status_code == 400
    assert api.get(reverse("api:traject-list"), {"client": str(getal)}).json()["count"] == 0
    assert api.get(reverse("api:traject-detail", args=[getal])).status_code == 404
