"""Every role × every kind of record, in the policy, the portal and the API (decision 0016):
each role sees only the cases its work needs. The expectation is written per role below, in
the words of the rule; the test asks every record of every traject of the world
(``conftest.py``) and reports every difference at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from klantreis.accounts.models import Rol
from klantreis.api.tests.conftest import Kant, als
from klantreis.toegang import beleid
from klantreis.toewijzingen.models import CakMelding

from .conftest import ZAKEN, Wereld

pytestmark = pytest.mark.django_db

GEMEENTE_A = {"wmo", "gi_eigen", "gi_ander", "ret", "regio"}  # Doetinchem
WMO_VAN_P = {"wmo", "elders"}  # the Wmo provider's trajecten

ZAAKSOORTEN = ("client", "traject", "document", "termijn", "toewijzing", "verzoek", "bericht")
GELDSOORTEN = ("declaratie", "prestatie", "betaalopdracht")
SOORTEN = (*ZAAKSOORTEN, *GELDSOORTEN, "cak", "audit")


def verwacht(rol: str, zaak: str, soort: str) -> bool:
    """The rule, per role (DOMAIN.md "Who takes part"; Achterhoek route 3)."""
    if soort == "audit":  # the audit log: functioneel beheer, in the admin only
        return rol == Rol.FUNCTIONEEL_BEHEER
    if rol == Rol.FUNCTIONEEL_BEHEER:
        return soort != "cak"  # CAK files are the back office's work
    if rol == Rol.BACKOFFICE:
        return zaak in GEMEENTE_A
    if rol == Rol.TOEGANG:  # a consulent: their gemeente's cases, no invoices or CAK files
        return zaak in GEMEENTE_A and soort in ZAAKSOORTEN
    if rol == Rol.AANBIEDER:  # its own clients; of the documents only what is shared
        return zaak in WMO_VAN_P and soort not in ("cak", "document")
    if rol == Rol.GI:  # only the Jeugdwet trajecten of its own cases
        return zaak == "gi_eigen" and soort in ZAAKSOORTEN
    if rol == Rol.RET:  # route-3 cases escalated to the RET (stap B) — and beyond it
        return zaak in ("ret", "regio") and soort in ZAAKSOORTEN
    if rol == Rol.REGIO:  # only cases escalated to the regionale contactpersoon (stap C)
        return zaak == "regio" and soort in ZAAKSOORTEN
    # cliënt, verwijzer: the trajecten they acted on — none in this world
    return False


# --- how each kind is asked -----------------------------------------------------------------

BELEID: dict[str, Callable] = {
    "client": lambda u, k: beleid.zichtbare_clients(u).filter(pk=k.client.pk),
    "traject": lambda u, k: beleid.zichtbare_trajecten(u).filter(pk=k.traject.pk),
    "document": lambda u, k: beleid.zichtbare_documenten(u).filter(pk=k.plan.pk),
    "toewijzing": lambda u, k: beleid.zichtbare_toewijzingen(u).filter(pk=k.toewijzing.pk),
    "verzoek": lambda u, k: beleid.zichtbare_verzoeken(u).filter(pk=k.verzoek.pk),
    "bericht": lambda u, k: beleid.zichtbare_berichten(u).filter(pk=k.bericht.pk),
    "declaratie": lambda u, k: beleid.zichtbare_declaraties(u).filter(pk=k.declaratie.pk),
    "prestatie": lambda u, k: beleid.zichtbare_prestaties(u).filter(pk=k.prestatie.pk),
    "betaalopdracht": lambda u, k: beleid.zichtbare_betaalopdrachten(u).filter(
        pk=k.betaalopdracht.pk
    ),
    "cak": lambda u, k: CakMelding.objects.filter(
        pk=k.cak.pk, toewijzing__gemeente__in=beleid.backoffice_gemeenten(u)
    ),
}

API: dict[str, Callable[[Kant], str]] = {
    "client": lambda k: reverse("api:client-detail", kwargs={"pk": k.client.pk}),
    "traject": lambda k: reverse("api:traject-detail", kwargs={"pk": k.traject.pk}),
    "document": lambda k: reverse("api:document-detail", kwargs={"pk": k.plan.pk}),
    "termijn": lambda k: reverse("api:termijn-detail", kwargs={"pk": k.termijn.pk}),
    "toewijzing": lambda k: reverse("api:toewijzing-detail", kwargs={"pk": k.toewijzing.pk}),
    "verzoek": lambda k: reverse("api:verzoek-detail", kwargs={"pk": k.verzoek.pk}),
    "bericht": lambda k: reverse("api:bericht-detail", kwargs={"pk": k.bericht.pk}),
    "declaratie": lambda k: reverse("api:declaratie-detail", kwargs={"pk": k.declaratie.pk}),
    "prestatie": lambda k: reverse("api:prestatie-detail", kwargs={"pk": k.prestatie.pk}),
}

PORTAAL: dict[str, Callable[[Kant], str]] = {
    "traject": lambda k: reverse("portal:traject", kwargs={"pk": k.traject.pk}),
    "bericht": lambda k: reverse("portal:bericht", kwargs={"pk": k.bericht.pk}),
    "prestatie": lambda k: reverse("portal:prestatie", kwargs={"pk": k.prestatie.pk}),
    "betaalopdracht": lambda k: reverse(
        "portal:betaalopdracht", kwargs={"pk": k.betaalopdracht.pk}
    ),
    "cak": lambda k: reverse("portal:cak_bestand", kwargs={"pk": k.cak.pk}),
}


def test_elke_soort_wordt_gevraagd():
    """No kind of record is left out of the enumeration."""
    gevraagd = set(BELEID) | set(API) | set(PORTAAL) | {"audit"}
    assert gevraagd == set(SOORTEN)


@pytest.mark.parametrize("rol", Rol.values)
def test_bereik_per_rol_en_soort(client, wereld: Wereld, rol):
    user = wereld.users[rol]
    client.force_login(user)
    api = als(APIClient(), user)
    verschillen = []
    for zaak in ZAKEN:
        k = wereld.kanten[zaak]
        for soort in SOORTEN:
            moet = verwacht(rol, zaak, soort)
            gezien = {}
            if soort in BELEID:
                gezien["beleid"] = BELEID[soort](user, k).exists()
            if soort in API:
                gezien["api"] = api.get(API[soort](k)).status_code == 200
            if soort in PORTAAL:
                gezien["portaal"] = client.get(PORTAAL[soort](k)).status_code == 200
            if soort == "audit":
                url = reverse("admin:audit_inzage_change", args=[wereld.inzage.pk])
                gezien["beheer"] = client.get(url).status_code == 200
            for waar, ja in gezien.items():
                if ja != moet:
                    verschillen.append(f"{zaak} {soort} via {waar}: {'wel' if ja else 'niet'}")
    assert not verschillen, f"{rol} ziet anders dan verwacht:\n" + "\n".join(verschillen)


def test_de_gi_ziet_geen_wmo_van_een_jongere_die_zij_vertegenwoordigt(wereld: Wereld):
    """A GI as a youth's representative reaches the Jeugdwet trajecten of that youth, never a
    Wmo traject of the same person."""
    from klantreis.clients.models import Vertegenwoordiger

    gi = wereld.users[Rol.GI]
    organisatie = gi.roltoewijzingen.get().aanbieder
    jongere = wereld.kanten["gi_ander"].client
    Vertegenwoordiger.objects.create(
        client=jongere, soort="voogd", naam="Jeugdbescherming", organisatie=organisatie
    )
    zichtbaar = beleid.zichtbare_trajecten(gi)
    assert zichtbaar.filter(pk=wereld.kanten["gi_ander"].traject.pk).exists()
    wmo = wereld.kanten["wmo"].traject
    Vertegenwoordiger.objects.create(
        client=wmo.client, soort="voogd", naam="Jeugdbescherming", organisatie=organisatie
    )
    assert not beleid.zichtbare_trajecten(gi).filter(pk=wmo.pk).exists()


def test_een_collega_van_dezelfde_gi_ziet_de_zaak(wereld: Wereld, doetinchem):
    """The GI's case, not one jeugdbeschermer's: a colleague of the same GI reaches it (leave,
    illness), one of another GI does not."""
    from klantreis.tests.factories import user_met_rol

    gi = wereld.users[Rol.GI]
    collega = user_met_rol(
        Rol.GI, gemeente=doetinchem, aanbieder=gi.roltoewijzingen.get().aanbieder
    )
    eigen = wereld.kanten["gi_eigen"].traject
    assert beleid.zichtbare_trajecten(collega).filter(pk=eigen.pk).exists()
    assert not beleid.zichtbare_trajecten(wereld.extra["gi_y"]).filter(pk=eigen.pk).exists()


def test_grondslag_noemt_de_relatie_van_een_zaakrol(wereld: Wereld):
    assert beleid.grondslag(wereld.users[Rol.GI], wereld.kanten["gi_eigen"].traject) == (
        "gecertificeerde instelling: eigen zaak"
    )
    assert beleid.grondslag(wereld.users[Rol.RET], wereld.kanten["ret"].toewijzing) == (
        "regionale expertisetafel: geëscaleerde zaak"
    )
    assert beleid.grondslag(wereld.users[Rol.REGIO], wereld.kanten["ret"].traject) == ""
