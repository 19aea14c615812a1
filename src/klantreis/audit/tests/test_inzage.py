"""Every read of a client's data is logged (who, what, when, why); a refused read is not."""

import pytest
from django.urls import reverse

from klantreis.api.tests.conftest import Wereld, als
from klantreis.audit.models import Inzage, Via
from klantreis.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_portaal_traject_lezen_wordt_gelogd(client, wereld: Wereld):
    user = wereld.consulent
    traject = wereld.eigen.traject
    client.force_login(user)
    url = reverse("portal:traject", args=[traject.pk])
    assert client.get(url).status_code == 200
    rij = Inzage.objects.get(user=user, model="traject", object_pk=str(traject.pk))
    assert rij.via == Via.PORTAAL
    assert rij.client_bsn == traject.client.bsn
    assert rij.pad == url
    assert rij.reden == "eigenaar van traject"  # why, not where (test_inzage_reden.py)
    # the documents shown on the page, each with the client's BSN
    documenten = Inzage.objects.filter(user=user, model="document")
    assert documenten.count() == traject.documenten.count()
    assert set(documenten.values_list("client_bsn", flat=True)) == {traject.client.bsn}


def test_portaal_lijst_is_een_rij_met_het_aantal(client, wereld: Wereld):
    client.force_login(wereld.consulent)
    assert client.get(reverse("portal:trajecten")).status_code == 200
    rij = Inzage.objects.get(user=wereld.consulent)
    assert rij.object_pk == "" and rij.aantal == 2


def test_geweigerde_inzage_wordt_niet_als_getoond_gelogd(client, wereld: Wereld):
    """A provider asking for another provider's traject gets a 404, and no row says it saw it."""
    client.force_login(wereld.eigen.medewerker)
    ander = wereld.ander.traject
    assert client.get(reverse("portal:traject", args=[ander.pk])).status_code == 404
    api_client = als(_api(), wereld.eigen.medewerker)
    assert api_client.get(reverse("api:traject-detail", args=[ander.pk])).status_code == 404
    assert not Inzage.objects.filter(client_bsn=ander.client.bsn).exists()
    assert not Inzage.objects.filter(object_pk=str(ander.pk), model="traject").exists()


def _api():
    from rest_framework.test import APIClient

    return APIClient()


@pytest.mark.parametrize(
    "naam, kant_object, model",
    [
        ("api:client-detail", "client", "client"),
        ("api:traject-detail", "traject", "traject"),
        ("api:document-detail", "plan", "document"),
        ("api:toewijzing-detail", "toewijzing", "toewijzing"),
        ("api:bericht-xml", "bericht", "bericht"),
    ],
)
def test_api_detail_wordt_gelogd(wereld: Wereld, naam, kant_object, model):
    user = wereld.eigen.medewerker
    obj = getattr(wereld.eigen, kant_object)
    response = als(_api(), user).get(reverse(naam, args=[obj.pk]))
    assert response.status_code == 200
    rij = Inzage.objects.get(user=user, model=model, object_pk=str(obj.pk))
    assert rij.via == Via.API
    assert rij.client_bsn == wereld.eigen.client.bsn


def test_api_lijst_is_een_rij_met_het_aantal(wereld: Wereld):
    user = wereld.consulent
    response = als(_api(), user).get(reverse("api:traject-list"))
    assert response.status_code == 200
    rij = Inzage.objects.get(user=user, via=Via.API)
    assert rij.model == "traject" and rij.aantal == len(response.json()["results"]) == 2


def test_beheer_ziet_de_inzagen_en_filtert_op_bsn(client, wereld: Wereld):
    traject = wereld.eigen.traject
    als(_api(), wereld.consulent).get(reverse("api:traject-detail", args=[traject.pk]))
    als(_api(), wereld.consulent).get(reverse("api:traject-detail", args=[wereld.ander.traject.pk]))
    beheer = UserFactory(username="beheer", is_staff=True, is_superuser=True)
    beheer.save()
    client.force_login(beheer)
    url = reverse("admin:audit_inzage_changelist")
    response = client.get(url, {"q": traject.client.bsn})
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert traject.client.bsn in inhoud
    assert wereld.ander.client.bsn not in inhoud
    gefilterd = client.get(url, {"user__id__exact": wereld.consulent.pk})
    assert gefilterd.status_code == 200
    rij = Inzage.objects.first()
    assert client.get(reverse("admin:audit_inzage_add")).status_code == 403
    response = client.post(reverse("admin:audit_inzage_delete", args=[rij.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Inzage.objects.filter(pk=rij.pk).exists()
