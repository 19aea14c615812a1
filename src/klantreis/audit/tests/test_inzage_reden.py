"""The audit log says WHY a user saw a client's data: the relation the visibility rule
granted (``toegang.beleid.grondslag``), and the user's own reason when they opened a
traject they have no task in."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.api.tests.conftest import Wereld, als
from klantreis.audit.models import Inzage, Via
from klantreis.tests.factories import user_met_rol
from klantreis.toegang.beleid import grondslag, heeft_taak

pytestmark = pytest.mark.django_db


def _api():
    from rest_framework.test import APIClient

    return APIClient()


def _portaal_reden(client, user, traject, **params) -> Inzage:
    client.force_login(user)
    response = client.get(reverse("portal:traject", args=[traject.pk]), params)
    assert response.status_code == 200
    return Inzage.objects.filter(user=user, model="traject").latest("pk")


def test_eigenaar_van_traject(client, wereld: Wereld):
    traject = wereld.eigen.traject
    assert traject.eigenaar == wereld.consulent
    assert _portaal_reden(client, wereld.consulent, traject).reden == "eigenaar van traject"


def test_toewijzing_aan_aanbieder(client, wereld: Wereld):
    rij = _portaal_reden(client, wereld.eigen.medewerker, wereld.eigen.traject)
    assert rij.reden == f"toewijzing aan aanbieder {wereld.eigen.aanbieder.naam}"
    # the documents on the page carry the same reason
    documenten = Inzage.objects.filter(user=wereld.eigen.medewerker, model="document")
    assert documenten.exists()
    assert set(documenten.values_list("reden", flat=True)) == {rij.reden}


def test_hoofdaannemer_ziet_het_werk_van_zijn_onderaannemer(wereld: Wereld):
    hoofd = wereld.ander.aanbieder
    hoofd.onderaannemers.add(wereld.eigen.aanbieder)
    medewerker = wereld.ander.medewerker
    assert grondslag(medewerker, wereld.eigen.traject) == (
        f"hoofdaannemer van {wereld.eigen.aanbieder.naam} ({hoofd.naam})"
    )


def test_backoffice_gemeente(client, wereld: Wereld, heusden):
    backoffice = user_met_rol(Rol.BACKOFFICE, gemeente=heusden)
    rij = _portaal_reden(client, backoffice, wereld.eigen.traject)
    assert rij.reden == "backoffice gemeente Heusden"


def test_functioneel_beheer_voor_alle_gemeenten_via_de_api(wereld: Wereld):
    beheer = user_met_rol(Rol.FUNCTIONEEL_BEHEER)
    client = wereld.eigen.client
    response = als(_api(), beheer).get(reverse("api:client-detail", args=[client.pk]))
    assert response.status_code == 200
    rij = Inzage.objects.get(user=beheer, model="client")
    assert rij.via == Via.API
    assert rij.reden == "functioneel beheer (alle gemeenten)"
    assert rij.pad == reverse("api:client-detail", args=[client.pk])


def test_lijst_noemt_de_rollen_waarop_gefilterd_is(wereld: Wereld):
    als(_api(), wereld.eigen.medewerker).get(reverse("api:traject-list"))
    rij = Inzage.objects.get(user=wereld.eigen.medewerker)
    assert rij.reden.startswith("lijst gefilterd op de eigen rollen: zorgaanbieder")
    assert wereld.eigen.aanbieder.naam in rij.reden


def test_collega_zonder_taak_kan_een_reden_opgeven(client, wereld: Wereld, heusden):
    """A second consulent of Heusden sees the traject (gemeente role) but neither owns it nor
    acts in its current step (the provider's ondersteuningsplan): the page asks why."""
    collega = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="collega")
    traject = wereld.eigen.traject
    assert not heeft_taak(collega, traject)
    assert heeft_taak(wereld.consulent, traject) and heeft_taak(wereld.eigen.medewerker, traject)

    client.force_login(collega)
    url = reverse("portal:traject", args=[traject.pk])
    pagina = client.get(url).content.decode()
    assert "Waarom opent u dit traject?" in pagina
    eerste = Inzage.objects.filter(user=collega, model="traject").get()
    assert eerste.reden == "toegang (consulent) gemeente Heusden" and eerste.toelichting == ""

    response = client.get(url, {"toelichting": "Vervanging van\x00 de consulent   (ziek)"})
    assert "Vastgelegde reden: Vervanging van de consulent (ziek)" in response.content.decode()
    tweede = Inzage.objects.filter(user=collega, model="traject").latest("pk")
    assert tweede.toelichting == "Vervanging van de consulent (ziek)"

    # the owner is not asked, and a reason in the address is not stored for them
    client.force_login(wereld.consulent)
    pagina = client.get(url, {"toelichting": "x"}).content.decode()
    assert "Waarom opent u dit traject?" not in pagina
    assert Inzage.objects.filter(user=wereld.consulent, model="traject").get().toelichting == ""


def test_beheer_ziet_waarom_in_het_logboek(client, wereld: Wereld, heusden):
    collega = user_met_rol(Rol.TOEGANG, gemeente=heusden, username="collega")
    client.force_login(collega)
    client.get(
        reverse("portal:traject", args=[wereld.eigen.traject.pk]), {"toelichting": "Spoedvraag"}
    )
    beheer = user_met_rol(Rol.FUNCTIONEEL_BEHEER, username="beheer", is_staff=True)
    beheer.is_superuser = True
    beheer.save()
    client.force_login(beheer)
    inhoud = client.get(reverse("admin:audit_inzage_changelist")).content.decode()
    assert "toegang (consulent) gemeente Heusden" in inhoud
    assert "Spoedvraag" in inhoud
