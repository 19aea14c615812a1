"""Break the glass (decision 0016): beyond the role's reach a traject opens only to a user
with the separate permission ``toegang.doorbreken``, after a reason; for eight hours; every
read under it is marked in the audit log, and functioneel beheer sees each one in the admin."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.test import APIClient

from klantreis.accounts.models import Rol
from klantreis.api.tests.conftest import als
from klantreis.audit.models import Inzage
from klantreis.toegang import beleid
from klantreis.toegang.models import DUUR, Doorbraak

from .conftest import Wereld

pytestmark = pytest.mark.django_db

NU = datetime(2026, 12, 5, 10, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
REDEN = "Melding Veilig Thuis over de moeder; controle op lopende Wmo-hulp."


def _mag_doorbreken(user):
    user.user_permissions.add(Permission.objects.get(codename="doorbreken"))
    return type(user).objects.get(pk=user.pk)  # a fresh user: no cached permissions


def test_zonder_recht_bestaat_het_traject_niet(client, wereld: Wereld):
    gi = wereld.users[Rol.GI]
    wmo = wereld.kanten["wmo"].traject
    client.force_login(gi)
    assert client.get(reverse("portal:traject", args=[wmo.pk])).status_code == 404
    assert client.get(reverse("portal:doorbreken", args=[wmo.pk])).status_code == 404
    antwoord = client.post(reverse("portal:doorbreken", args=[wmo.pk]), {"reden": REDEN})
    assert antwoord.status_code == 404
    assert not Doorbraak.objects.exists()
    assert not beleid.mag_doorbreken(gi, wmo)


def test_doorbreken_met_reden_opent_het_traject_en_logt_het_als_doorbraak(client, wereld: Wereld):
    gi = _mag_doorbreken(wereld.users[Rol.GI])
    wmo = wereld.kanten["wmo"].traject
    client.force_login(gi)
    with time_machine.travel(NU, tick=False):
        # the traject page asks for a reason first
        antwoord = client.get(reverse("portal:traject", args=[wmo.pk]))
        assert antwoord.status_code == 302
        assert antwoord.url == reverse("portal:doorbreken", args=[wmo.pk])
        # a reason that says nothing is refused, in Dutch, and opens nothing
        antwoord = client.post(reverse("portal:doorbreken", args=[wmo.pk]), {"reden": "  even "})
        assert antwoord.status_code == 200
        assert "ten minste tien tekens" in antwoord.content.decode()
        assert not Doorbraak.objects.exists()

        antwoord = client.post(reverse("portal:doorbreken", args=[wmo.pk]), {"reden": REDEN})
        assert antwoord.status_code == 302
        doorbraak = Doorbraak.objects.get()
        assert (doorbraak.user, doorbraak.traject, doorbraak.reden) == (gi, wmo, REDEN)
        assert doorbraak.tot == NU + DUUR

        pagina = client.get(reverse("portal:traject", args=[wmo.pk]))
        assert pagina.status_code == 200
        assert wmo.client.achternaam in pagina.content.decode()
        inzage = Inzage.objects.filter(user=gi, model="traject", object_pk=str(wmo.pk)).get()
        assert inzage.doorbraak
        assert inzage.reden == f"{beleid.DOORBRAAK}: {REDEN}"
        # the API reads under the same grant, and logs it so too
        api = als(APIClient(), gi)
        assert api.get(reverse("api:traject-detail", args=[wmo.pk])).status_code == 200
        assert Inzage.objects.filter(user=gi, doorbraak=True, via="api").exists()

    # one working day, not for good
    with time_machine.travel(NU + DUUR + timedelta(minutes=1), tick=False):
        antwoord = client.get(reverse("portal:traject", args=[wmo.pk]))
        assert antwoord.status_code == 302
        assert not beleid.zichtbare_trajecten(gi).filter(pk=wmo.pk).exists()


def test_een_gewone_inzage_is_geen_doorbraak(client, wereld: Wereld):
    gi = _mag_doorbreken(wereld.users[Rol.GI])
    eigen = wereld.kanten["gi_eigen"].traject
    client.force_login(gi)
    assert client.get(reverse("portal:traject", args=[eigen.pk])).status_code == 200
    assert client.get(reverse("portal:doorbreken", args=[eigen.pk])).status_code == 302
    inzage = Inzage.objects.get(user=gi, model="traject")
    assert not inzage.doorbraak
    assert inzage.reden == "gecertificeerde instelling: eigen zaak"


def test_alleen_trajecten_van_de_eigen_gemeenten(client, wereld: Wereld):
    gi = _mag_doorbreken(wereld.users[Rol.GI])
    elders = wereld.kanten["elders"].traject  # Oude IJsselstreek: no role there
    client.force_login(gi)
    assert client.get(reverse("portal:traject", args=[elders.pk])).status_code == 404
    antwoord = client.post(reverse("portal:doorbreken", args=[elders.pk]), {"reden": REDEN})
    assert antwoord.status_code == 404
    assert not Doorbraak.objects.exists()


def test_functioneel_beheer_ziet_elke_doorbraak(client, wereld: Wereld):
    gi = _mag_doorbreken(wereld.users[Rol.GI])
    beleid.doorbreek(gi, wereld.kanten["wmo"].traject, REDEN)
    client.force_login(wereld.users[Rol.FUNCTIONEEL_BEHEER])
    lijst = client.get(reverse("admin:toegang_doorbraak_changelist"))
    assert lijst.status_code == 200
    assert REDEN in lijst.content.decode()
    # the report cannot be edited away
    doorbraak = Doorbraak.objects.get()
    antwoord = client.post(reverse("admin:toegang_doorbraak_delete", args=[doorbraak.pk]))
    assert antwoord.status_code == 403
    assert Doorbraak.objects.filter(pk=doorbraak.pk).exists()
    inzagen = client.get(reverse("admin:audit_inzage_changelist") + "?doorbraak__exact=1")
    assert inzagen.status_code == 200
