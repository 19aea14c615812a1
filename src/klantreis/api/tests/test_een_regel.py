"""The API's document queryset (``zichtbare_documenten``) and the portal's per-document check
(``deelbaar``) are one rule: for every user and every document they agree."""

from __future__ import annotations

import pytest

from klantreis.accounts.models import Rol
from klantreis.clients.models import Toestemming
from klantreis.documenten.models import Document
from klantreis.routes.engine import rollen_van
from klantreis.tests.factories import user_met_rol
from klantreis.toegang.beleid import deelbaar, zichtbare_documenten, zichtbare_trajecten

from .conftest import Wereld

pytestmark = pytest.mark.django_db


def _portaal_ziet(user) -> set[int]:
    gezien = set()
    for traject in zichtbare_trajecten(user):
        rollen = rollen_van(traject, user)
        gezien |= {d.pk for d in traject.documenten.all() if deelbaar(traject, rollen, d.soort)}
    return gezien


def test_api_en_portaal_tonen_dezelfde_documenten(wereld: Wereld):
    Toestemming.objects.create(
        client=wereld.ander.client, aanbieder=wereld.ander.aanbieder, document_soort="ipa"
    )
    regio = user_met_rol(Rol.REGIO)  # a role without gemeente: every gemeente
    beide = user_met_rol(Rol.AANBIEDER, aanbieder=wereld.eigen.aanbieder)
    beide.roltoewijzingen.create(rol=Rol.BACKOFFICE, gemeente=wereld.eigen.traject.gemeente)
    gebruikers = [
        wereld.consulent,
        wereld.eigen.medewerker,
        wereld.ander.medewerker,
        regio,
        beide,
    ]
    for user in gebruikers:
        api = set(zichtbare_documenten(user).values_list("pk", flat=True))
        assert api == _portaal_ziet(user), user
    assert Document.objects.count() == 6
    assert len(_portaal_ziet(wereld.ander.medewerker)) == 2  # the plan, and the ipa by consent
    assert len(_portaal_ziet(beide)) == 6  # a gemeente role sees everything
