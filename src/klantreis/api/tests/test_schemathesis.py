"""schemathesis against /api/schema/, with the Django WSGI app in-process: whatever it
sends, as a consulent with a token, the API never answers with a server error (5xx).

The operations are run one by one with Hypothesis directly: schemathesis 4.32's pytest
plugin (``schema.parametrize``) does not work with pytest 9 (``Function._nodeid``)."""

from __future__ import annotations

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error

from .conftest import Wereld

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

VOORBEELDEN = 20  # per operation; the whole run stays well under a minute


@pytest.fixture
def verbinding_blijft_open():
    """Django's WSGI handler closes the database connection after each request; inside a
    test that is the test's own transaction (on PostgreSQL the next query then fails). The
    test client avoids this the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_api_geeft_nooit_een_serverfout(wereld: Wereld, verbinding_blijft_open):
    token = Token.objects.get_or_create(user=wereld.consulent)[0].key
    # random ids are nearly always a 404; half of the cases get a real record instead, so the
    # actions run against real trajecten and documenten too
    echt = {
        "clients": [k.client.pk for k in (wereld.eigen, wereld.ander)],
        "trajecten": [k.traject.pk for k in (wereld.eigen, wereld.ander)],
        "documenten": [k.plan.pk for k in (wereld.eigen, wereld.ander)]
        + [k.iva.pk for k in (wereld.eigen, wereld.ander)],
        "termijnen": [k.termijn.pk for k in (wereld.eigen, wereld.ander)],
        "toewijzingen": [k.toewijzing.pk for k in (wereld.eigen, wereld.ander)],
        "verzoeken": [k.verzoek.pk for k in (wereld.eigen, wereld.ander)],
        "berichten": [k.bericht.pk for k in (wereld.eigen, wereld.ander)],
    }
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    operaties = [resultaat.ok() for resultaat in schema.get_all_operations()]
    assert len(operaties) >= 15
    gedaan = []
    for operatie in operaties:
        ids = echt.get(operatie.path.split("/")[3], []) if "{id}" in operatie.path else []

        @given(case=operatie.as_strategy(), keuze=st.sampled_from([None, *ids]))
        @settings(
            max_examples=VOORBEELDEN,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def roep_aan(case, keuze):
            if keuze is not None:
                case.path_parameters = {**(case.path_parameters or {}), "id": keuze}
            response = case.call_and_validate(
                headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error]
            )
            gedaan.append(response.status_code)

        roep_aan()
    assert len(gedaan) >= len(operaties)
    assert all(status < 500 for status in gedaan)
    assert gedaan.count(200) > 50  # real records were reached, not only 404s


def test_schrijfacties_van_de_backoffice_geven_nooit_een_serverfout(
    wereld: Wereld, verbinding_blijft_open
):
    """The same, as the back office of the gemeente, for the operations that write
    toewijzingen and answer verzoeken (decision 0010): a consulent is refused those before
    its input is read, so only the back office reaches the services with schemathesis's
    dates, volumes and codes."""
    from klantreis.accounts.models import Rol

    backoffice = wereld.eigen.traject.wie[Rol.BACKOFFICE]
    token = Token.objects.get_or_create(user=backoffice)[0].key
    echt = {
        "toewijzingen": [k.toewijzing.pk for k in (wereld.eigen, wereld.ander)],
        "verzoeken": [k.verzoek.pk for k in (wereld.eigen, wereld.ander)],
    }
    clients = [k.client.pk for k in (wereld.eigen, wereld.ander)]
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())
    operaties = [
        o
        for o in (resultaat.ok() for resultaat in schema.get_all_operations())
        if o.method.upper() == "POST" and o.path.split("/")[3] in echt
    ]
    assert len(operaties) == 7
    gedaan = []
    for operatie in operaties:
        ids = echt[operatie.path.split("/")[3]] if "{id}" in operatie.path else []

        @given(
            case=operatie.as_strategy(),
            keuze=st.sampled_from([None, *ids]),
            client=st.sampled_from([None, *clients]),
        )
        @settings(
            max_examples=VOORBEELDEN,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def roep_aan(case, keuze, client):
            if keuze is not None:
                case.path_parameters = {**(case.path_parameters or {}), "id": keuze}
            if client is not None and isinstance(case.body, dict) and "client" in case.body:
                case.body = {**case.body, "client": client}
            response = case.call_and_validate(
                headers={"Authorization": f"Token {token}"}, checks=[not_a_server_error]
            )
            gedaan.append(response.status_code)

        roep_aan()
    assert all(status < 500 for status in gedaan)
    assert set(gedaan) - {400, 403, 404}, gedaan  # the services were reached, not only refusals
