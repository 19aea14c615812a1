"""Django admin for functioneel beheer: every model listed; engine-owned records read-only."""

import pytest
from django.contrib import admin
from django.urls import reverse

from klantreis.routes.models import RouteVersie, Traject
from klantreis.tests.factories import UserFactory
from klantreis.tests.lopen import rond_af

pytestmark = pytest.mark.django_db


@pytest.fixture
def beheerder(db):
    user = UserFactory(is_staff=True, is_superuser=True)
    user.save()
    return user


def test_beheer_ziet_elke_lijst_en_elk_traject(client, beheerder, traject):
    rond_af(traject, traject.wie)
    client.force_login(beheerder)
    for model in admin.site._registry:
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert client.get(url).status_code == 200, url
        assert client.get(url, {"q": "Bakker"}).status_code == 200, url
    url = reverse("admin:routes_traject_change", args=[traject.pk])
    assert "Anna Bakker" in client.get(url).content.decode()


@pytest.mark.parametrize("model", [RouteVersie, Traject])
def test_routeversies_en_trajecten_zijn_alleen_te_lezen(client, beheerder, traject, model):
    client.force_login(beheerder)
    meta = model._meta
    assert client.get(reverse(f"admin:{meta.app_label}_{meta.model_name}_add")).status_code == 403
    obj = model.objects.first()
    response = client.post(
        reverse(f"admin:{meta.app_label}_{meta.model_name}_delete", args=[obj.pk]),
        {"post": "yes"},
    )
    assert response.status_code == 403
    assert model.objects.filter(pk=obj.pk).exists()
