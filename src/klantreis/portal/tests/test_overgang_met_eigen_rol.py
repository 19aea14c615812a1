"""A transition with its own role (Achterhoek route 1, stap 8 → 8a "Einde zorg (307)" by the
provider, while stap 8 is the Toegang's) is offered to that role, and only to it."""

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.tests.lopen import rond_af

from .conftest import start

pytestmark = pytest.mark.django_db


@pytest.fixture
def bij_evaluatie(doetinchem):
    traject = start(doetinchem, "achterhoek-route-1")
    wie = traject.wie
    for _ in ["I", "1a"]:
        rond_af(traject, wie)
    engine.skip(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="Geen diagnostiek")
    while traject.huidige_stap != "8":
        rond_af(traject, wie)
    return traject


def test_aanbieder_beeindigt_zorg_vanuit_de_evaluatie(client, bij_evaluatie):
    traject = bij_evaluatie
    acties = engine.available_actions(traject, traject.wie[Rol.AANBIEDER])
    assert [(a.naar, a.rol) for a in acties if a.soort == "advance"] == [
        ("8a", Rol.AANBIEDER),
        ("8b", Rol.AANBIEDER),
    ]
    consulent = engine.available_actions(traject, traject.wie[Rol.TOEGANG])
    assert [a.naar for a in consulent if a.soort == "advance"] == []

    client.force_login(traject.wie[Rol.AANBIEDER])
    html = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    assert '<h3 class="utrecht-heading-3">Einde zorg (307)</h3>' in html
    client.post(
        reverse("portal:actie", args=[traject.pk]),
        {"soort": "advance", "naar": "8a", "rol": "aanbieder", "reden": "Doelen bereikt"},
    )
    traject.refresh_from_db()
    assert traject.huidige_stap == "8a"
