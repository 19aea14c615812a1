"""Registering clients over the API (issue 6 point 6): Toegang and Backoffice of the
client's gemeente only; the 11-proef; one client per BSN; every change in the history."""

from __future__ import annotations

import pytest
from django.contrib.admin.models import ADDITION, LogEntry
from django.urls import reverse
from rest_framework.test import APIClient

from klantreis.accounts.models import Rol
from klantreis.clients.models import Client, Toestemming
from klantreis.demo.bsn import test_bsns as bsn_reeks
from klantreis.tests.factories import GemeenteFactory, user_met_rol

from .conftest import Wereld, als

pytestmark = pytest.mark.django_db

LIJST = reverse("api:client-list")
_bsns = bsn_reeks(999_970_000)


def _nieuw(**anders) -> dict:
    return {
        "bsn": next(_bsns),
        "voornamen": "Anna",
        "achternaam": "Nieuwkomer",
        "geboortedatum": "1950-03-01",
        "geslacht": "2",
        "straat": "Kerkstraat",
        "huisnummer": "1",
        "postcode": "5251ab",
        "woonplaats": "Vlijmen",
        "gemeente": "0797",
        "wet": "wmo",
        **anders,
    }


def test_consulent_schrijft_een_client_in(api, wereld: Wereld):
    data = _nieuw()
    response = als(api, wereld.consulent).post(LIJST, data, format="json")
    assert response.status_code == 201, response.content
    client = Client.objects.get(bsn=data["bsn"])
    assert response.json()["id"] == client.pk
    assert client.gemeente.code == "0797" and client.postcode == "5251 AB"
    regel = LogEntry.objects.get(object_id=str(client.pk), user=wereld.consulent)
    assert regel.action_flag == ADDITION
    # the new client is visible to the one who registered it
    assert als(api, wereld.consulent).get(LIJST, {"bsn": data["bsn"]}).json()["count"] == 1


def test_backoffice_schrijft_ook_in(api, wereld: Wereld, heusden):
    backoffice = user_met_rol(Rol.BACKOFFICE, gemeente=heusden)
    assert als(api, backoffice).post(LIJST, _nieuw(), format="json").status_code == 201


def test_bsn_zonder_11_proef_geweigerd_met_nederlandse_melding(api, wereld: Wereld):
    response = als(api, wereld.consulent).post(LIJST, _nieuw(bsn="123456789"), format="json")
    assert response.status_code == 400
    assert "11-proef" in response.json()["bsn"][0]
    assert not Client.objects.filter(bsn="123456789").exists()


def test_dubbel_bsn_geweigerd(api, wereld: Wereld):
    bestaand = wereld.eigen.client
    aantal = Client.objects.count()
    response = als(api, wereld.consulent).post(LIJST, _nieuw(bsn=bestaand.bsn), format="json")
    assert response.status_code == 409
    assert response.json()["code"] == "bsn_bestaat"
    assert "al een cliënt met dit BSN" in response.json()["melding"]
    assert Client.objects.count() == aantal
    bestaand.refresh_from_db()
    assert bestaand.achternaam != "Nieuwkomer"  # nothing overwritten


def test_aanbieder_schrijft_nooit_in(api, wereld: Wereld):
    data = _nieuw()
    response = als(api, wereld.eigen.medewerker).post(LIJST, data, format="json")
    assert response.status_code == 403
    assert response.json()["code"] == "verkeerde_rol"
    assert not Client.objects.filter(bsn=data["bsn"]).exists()
    # nor changes the address of its own client
    eigen = wereld.eigen.client
    url = reverse("api:client-detail", args=[eigen.pk])
    wijzig = als(api, wereld.eigen.medewerker).patch(url, {"straat": "Elders"}, format="json")
    assert wijzig.status_code == 403
    eigen.refresh_from_db()
    assert eigen.straat != "Elders"


def test_andere_gemeente_geweigerd(api, wereld: Wereld):
    GemeenteFactory(code="0222", naam="Doetinchem")
    data = _nieuw(gemeente="0222")
    response = als(api, wereld.consulent).post(LIJST, data, format="json")
    assert response.status_code == 403
    assert "Doetinchem" in response.json()["melding"]
    assert not Client.objects.filter(bsn=data["bsn"]).exists()
    onbekend = als(api, wereld.consulent).post(LIJST, _nieuw(gemeente="9999"), format="json")
    assert onbekend.status_code == 400 and onbekend.json()["code"] == "onbekende_gemeente"


def test_geboortedatum_in_de_toekomst_en_foute_postcode_geweigerd(api, wereld: Wereld):
    for anders, code in (
        ({"geboortedatum": "2999-01-01"}, "ongeldige_geboortedatum"),
        ({"postcode": "ABCD 12"}, "ongeldige_postcode"),
    ):
        data = _nieuw(**anders)
        response = als(api, wereld.consulent).post(LIJST, data, format="json")
        assert response.status_code == 400 and response.json()["code"] == code
        assert not Client.objects.filter(bsn=data["bsn"]).exists()


def test_adres_wijzigen_alleen_adresvelden(api, wereld: Wereld):
    client = wereld.eigen.client
    url = reverse("api:client-detail", args=[client.pk])
    consulent = als(api, wereld.consulent)
    response = consulent.patch(url, {"straat": "Nieuwe Weg", "postcode": "5252 cd"}, format="json")
    assert response.status_code == 200, response.content
    client.refresh_from_db()
    assert (client.straat, client.postcode) == ("Nieuwe Weg", "5252 CD")
    assert "straat" in LogEntry.objects.get(object_id=str(client.pk)).change_message
    bsn = client.bsn
    geweigerd = consulent.patch(url, {"bsn": next(_bsns), "straat": "X"}, format="json")
    assert geweigerd.status_code == 400 and geweigerd.json()["code"] == "onbekend_veld"
    client.refresh_from_db()
    assert client.bsn == bsn and client.straat == "Nieuwe Weg"
    assert consulent.put(url, _nieuw(), format="json").status_code == 405


def test_vertegenwoordiger_en_toestemming(api, wereld: Wereld):
    client = wereld.eigen.client
    consulent = als(api, wereld.consulent)
    medewerker = als(APIClient(), wereld.eigen.medewerker)  # als() sets the client's token
    url = reverse("api:client-vertegenwoordigers", args=[client.pk])
    response = consulent.post(url, {"soort": "curator", "naam": "Mr. B. de Wit"}, format="json")
    assert response.status_code == 201, response.content
    assert [v["naam"] for v in consulent.get(url).json()] == ["Mr. B. de Wit"]

    url = reverse("api:client-toestemmingen", args=[client.pk])
    aanbieder = wereld.eigen.aanbieder.agb_code
    geef = {"aanbieder": aanbieder, "document_soort": "iva"}
    assert consulent.post(url, geef, format="json").status_code == 200
    assert consulent.post(url, geef, format="json").status_code == 200  # no second row
    geldig = Toestemming.objects.geldig().filter(client=client, document_soort="iva")
    assert geldig.count() == 1 and geldig.get().vastgelegd_door == wereld.consulent
    # the provider now sees the IVA (Heusden stap 3), and not after withdrawal
    iva = reverse("api:document-detail", args=[wereld.eigen.iva.pk])
    assert medewerker.get(iva).status_code == 200
    intrekken = consulent.post(url, {**geef, "gegeven": False}, format="json")
    assert intrekken.status_code == 200
    assert [t["geldig"] for t in intrekken.json() if t["document_soort"] == "iva"] == [False]
    assert medewerker.get(iva).status_code == 404
    # the provider may read them but not record consent itself
    assert medewerker.get(url).status_code == 200
    assert medewerker.post(url, geef, format="json").status_code == 403
