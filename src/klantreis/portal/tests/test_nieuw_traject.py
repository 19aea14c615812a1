"""Starting a traject from the portal: an existing or a new client, a route of the gemeente."""

import pytest
from django.urls import reverse

from klantreis.clients.models import Client
from klantreis.routes.models import Traject
from klantreis.tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

URL = reverse("portal:nieuw_traject")


def test_consulent_start_traject_voor_nieuwe_client(client, heusden, consulent):
    client.force_login(consulent)
    assert 'href="/trajecten/nieuw/"' in client.get(reverse("portal:trajecten")).content.decode()
    formulier = client.get(URL).content.decode()
    assert '<option value="heusden-stappenplan">Heusden — één stappenplan Wmo</option>' in formulier
    assert "achterhoek-route-1" not in formulier  # not a route of Heusden
    response = client.post(
        URL,
        {
            "gemeente": heusden.pk,
            "route": "heusden-stappenplan",
            "bsn": "111222333",
            "voornamen": "Noor",
            "achternaam": "de Vries",
            "geboortedatum": "1951-04-02",
            "wet": "wmo",
            "reden": "Melding via de huisarts",
        },
    )
    nieuw = Traject.objects.get(client__bsn="111222333")
    assert response.status_code == 302
    assert response.url == reverse("portal:traject", args=[nieuw.pk])
    assert nieuw.huidige_stap == "1"
    assert nieuw.eigenaar == consulent
    assert nieuw.client.gemeente == heusden
    assert nieuw.gebeurtenissen.get().reden == "Melding via de huisarts"


def test_consulent_start_traject_voor_bekende_client(client, heusden, consulent):
    bekend = ClientFactory(gemeente=heusden)
    client.force_login(consulent)
    client.post(URL, {"gemeente": heusden.pk, "route": "heusden-stappenplan", "bsn": bekend.bsn})
    assert Traject.objects.filter(client=bekend).count() == 1


def test_ongeldig_bsn_geeft_de_11_proef_melding(client, heusden, consulent):
    client.force_login(consulent)
    aantal = Traject.objects.count()
    response = client.post(
        URL,
        {
            "gemeente": heusden.pk,
            "route": "heusden-stappenplan",
            "bsn": "123456789",
            "achternaam": "Jansen",
            "geboortedatum": "1950-01-01",
            "wet": "wmo",
        },
    )
    assert response.status_code == 200
    assert "Dit BSN is ongeldig: het voldoet niet aan de 11-proef." in response.content.decode()
    assert Traject.objects.count() == aantal
    assert not Client.objects.filter(bsn="123456789").exists()


def test_route_voor_andere_wet_wordt_geweigerd_zonder_nieuwe_client(client, heusden, consulent):
    client.force_login(consulent)
    response = client.post(
        URL,
        {
            "gemeente": heusden.pk,
            "route": "heusden-stappenplan",
            "bsn": "111222333",
            "achternaam": "Jong",
            "geboortedatum": "2015-01-01",
            "wet": "jeugdwet",
        },
    )
    assert "is niet bedoeld voor cliënten van de Jeugdwet." in response.content.decode()
    assert not Client.objects.filter(bsn="111222333").exists()


def test_backoffice_van_heusden_kan_geen_traject_starten(client, traject):
    client.force_login(traject.wie["backoffice"])
    assert "Nieuw traject" not in client.get(reverse("portal:trajecten")).content.decode()
    response = client.get(URL, follow=True)
    assert "U heeft geen rol waarmee u een traject kunt starten." in response.content.decode()
