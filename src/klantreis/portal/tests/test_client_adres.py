"""The client's address page: the 301 names the address (TR006), so a clerk who honours a
315 for a client the gemeente did not know yet fills it in here first."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.audit.models import Inzage
from klantreis.tests.factories import ClientFactory, GemeenteFactory, user_met_rol

pytestmark = pytest.mark.django_db


@pytest.fixture
def zonder_adres():
    gemeente = GemeenteFactory(code="0797", naam="Heusden")
    return ClientFactory(gemeente=gemeente, straat="", huisnummer="", postcode="", woonplaats="")


def test_backoffice_vult_het_adres_in_en_keert_terug(client, zonder_adres):
    bo = user_met_rol(Rol.BACKOFFICE, zonder_adres.gemeente)
    client.force_login(bo)
    terug = reverse("portal:verzoeken")
    url = reverse("portal:client_adres", args=[zonder_adres.pk]) + f"?volgende={terug}"
    assert client.get(url).status_code == 200
    adres = {"straat": "Vlijmenseweg", "huisnummer": "12a", "postcode": "5251ab"}
    response = client.post(url, {**adres, "woonplaats": "Vlijmen", "volgende": terug})
    assert response.status_code == 302 and response["Location"] == terug
    zonder_adres.refresh_from_db()
    assert (zonder_adres.huisnummer, zonder_adres.postcode) == ("12a", "5251 AB")
    assert Inzage.objects.filter(user=bo, model="client").exists()


def test_ongeldige_postcode_in_het_nederlands_en_niets_opgeslagen(client, zonder_adres):
    client.force_login(user_met_rol(Rol.TOEGANG, zonder_adres.gemeente))
    url = reverse("portal:client_adres", args=[zonder_adres.pk])
    response = client.post(url, {"huisnummer": "3", "postcode": "12345"})
    assert response.status_code == 200
    assert "Een postcode is vier cijfers en twee letters." in html.unescape(
        response.content.decode()
    )
    zonder_adres.refresh_from_db()
    assert zonder_adres.huisnummer == ""


def test_terug_naar_een_andere_site_wordt_genegeerd(client, zonder_adres):
    client.force_login(user_met_rol(Rol.BACKOFFICE, zonder_adres.gemeente))
    url = reverse("portal:client_adres", args=[zonder_adres.pk])
    response = client.post(
        url, {"huisnummer": "3", "postcode": "5251 AA", "volgende": "https://elders.example/"}
    )
    assert response["Location"] == reverse("portal:werkvoorraad")


def test_backoffice_van_een_andere_gemeente_wordt_geweigerd(client, zonder_adres):
    client.force_login(user_met_rol(Rol.BACKOFFICE, GemeenteFactory(code="0344")))
    url = reverse("portal:client_adres", args=[zonder_adres.pk])
    assert client.post(url, {"huisnummer": "3", "postcode": "5251 AA"}).status_code == 403
    zonder_adres.refresh_from_db()
    assert zonder_adres.huisnummer == ""
