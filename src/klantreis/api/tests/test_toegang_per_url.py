"""Every URL of the project, asked by a provider's staff for ANOTHER provider's records, is
refused — the API and the portal alike. The test walks ``get_resolver()``: a new URL
pattern without a rule below fails the suite, naming the pattern, so no endpoint ships
without its permission check."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from klantreis.toewijzingen.models import Toewijzing

from .conftest import Kant, Wereld

pytestmark = pytest.mark.django_db


def url_patronen(resolver=None, prefix: str = "", namespace: str = ""):
    """(name with namespace, pattern as written, names of its parameters) of every URL."""
    resolver = resolver or get_resolver()
    for patroon in resolver.url_patterns:
        tekst = prefix + str(patroon.pattern)
        if isinstance(patroon, URLResolver):
            ns = patroon.namespace
            volledig = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from url_patronen(patroon, tekst, volledig)
        elif isinstance(patroon, URLPattern):
            naam = f"{namespace}:{patroon.name or ''}" if namespace else (patroon.name or "")
            yield naam, tekst, sorted(patroon.pattern.regex.groupindex)


# --- the rules --------------------------------------------------------------------------------
# An object URL: the parameters that point at one side's record.
ObjectUrl = Callable[[Kant], dict]

OBJECT_URLS: dict[str, ObjectUrl] = {
    "portal:traject": lambda k: {"pk": k.traject.pk},
    "portal:doorbreken": lambda k: {"pk": k.traject.pk},
    "portal:actie": lambda k: {"pk": k.traject.pk},
    "portal:aanbieder_kiezen": lambda k: {"pk": k.traject.pk},
    "portal:document": lambda k: {"pk": k.traject.pk, "soort": "ondersteuningsplan"},
    "portal:vaststellen": lambda k: {"pk": k.traject.pk, "document_pk": k.plan.pk},
    "portal:akkoord": lambda k: {"pk": k.traject.pk, "document_pk": k.plan.pk},
    "api:client-detail": lambda k: {"pk": k.client.pk},
    "api:client-vertegenwoordigers": lambda k: {"pk": k.client.pk},
    "api:client-toestemmingen": lambda k: {"pk": k.client.pk},
    "api:traject-detail": lambda k: {"pk": k.traject.pk},
    "api:traject-acties": lambda k: {"pk": k.traject.pk},
    "api:traject-aanbieder": lambda k: {"pk": k.traject.pk},
    "api:document-detail": lambda k: {"pk": k.plan.pk},
    "api:document-vaststellen": lambda k: {"pk": k.plan.pk},
    "api:document-akkoorden": lambda k: {"pk": k.plan.pk},
    "api:termijn-detail": lambda k: {"pk": k.termijn.pk},
    "api:toewijzing-detail": lambda k: {"pk": k.toewijzing.pk},
    "api:toewijzing-einddatum": lambda k: {"pk": k.toewijzing.pk},
    "api:toewijzing-omvang": lambda k: {"pk": k.toewijzing.pk},
    "api:toewijzing-intrekken": lambda k: {"pk": k.toewijzing.pk},
    "api:verzoek-detail": lambda k: {"pk": k.verzoek.pk},
    "api:verzoek-onderzoek": lambda k: {"pk": k.verzoek.pk},
    "api:verzoek-honoreren": lambda k: {"pk": k.verzoek.pk},
    "api:verzoek-afwijzen": lambda k: {"pk": k.verzoek.pk},
    "portal:toewijzing_nieuw": lambda k: {"pk": k.traject.pk},
    "portal:toewijzing": lambda k: {"pk": k.toewijzing.pk},
    "portal:verzoek": lambda k: {"pk": k.verzoek.pk},
    "portal:client_adres": lambda k: {"pk": k.client.pk},
    "portal:toestemming": lambda k: {"pk": k.traject.pk},
    "api:bericht-detail": lambda k: {"pk": k.bericht.pk},
    "api:bericht-xml": lambda k: {"pk": k.bericht.pk},
    "api:declaratie-detail": lambda k: {"pk": k.declaratie.pk},
    "api:prestatie-detail": lambda k: {"pk": k.prestatie.pk},
    "portal:declaraties_aanbieder": lambda k: {"pk": k.aanbieder.pk},
    "portal:prestatie": lambda k: {"pk": k.prestatie.pk},
    "portal:betaalopdracht": lambda k: {"pk": k.betaalopdracht.pk},
    "portal:betaalopdracht_bestand": lambda k: {"pk": k.betaalopdracht.pk, "formaat": "csv"},
    "portal:bericht": lambda k: {"pk": k.bericht.pk},
    "portal:bericht_xml": lambda k: {"pk": k.bericht.pk},
    "portal:cak_bestand": lambda k: {"pk": k.cak.pk},
}

# Object URLs a provider's staff never get, not even for their own record: the back office's
# (payment files). The provider is refused for both sides; the back office gets its own.
ALLEEN_GEMEENTE = {"portal:betaalopdracht_bestand", "portal:cak_bestand"}

# A list URL: the record of one side that must (own) or must not (other) be listed.
LIJST_URLS: dict[str, Callable[[Kant], int]] = {
    "api:client-list": lambda k: k.client.pk,
    "api:traject-list": lambda k: k.traject.pk,
    "api:document-list": lambda k: k.plan.pk,
    "api:termijn-list": lambda k: k.termijn.pk,
    "api:toewijzing-list": lambda k: k.toewijzing.pk,
    "api:verzoek-list": lambda k: k.verzoek.pk,
    "api:bericht-list": lambda k: k.bericht.pk,
    "api:declaratie-list": lambda k: k.declaratie.pk,
    "api:prestatie-list": lambda k: k.prestatie.pk,
}

# URLs that show no record, each with the reason.
ZONDER_OBJECT = {
    "login": "de inlogpagina",
    "logout": "uitloggen",
    "tweestaps_code": "de tweede inlogstap: alleen de eigen code",
    "tweestaps_instellen": "tweestapsverificatie instellen: alleen het eigen apparaat",
    "tweestaps_beheer": "herstel door functioneel beheer; getoetst in accounts/tests/",
    "ggk:ontvang": "het GGk-kanaal: berichten komen binnen, er wordt niets getoond",
    "portal:trajecten": "de lijst; getoetst in portal/tests/test_toegang.py",
    "portal:werkvoorraad": "de werkvoorraad; getoetst in portal/tests/test_werkvoorraad.py",
    "portal:nieuw_traject": "een nieuw traject: nog geen object",
    "portal:declaraties": "overzicht per aanbieder; getoetst in portal/tests/test_declaraties.py",
    "portal:betaalopdrachten": "de lijst; getoetst in portal/tests/test_declaraties.py",
    "portal:berichten": "de lijst; getoetst in portal/tests/test_berichten.py",
    "portal:verzoeken": "de verzoekenlijst van de backoffice; een aanbieder krijgt 403, getoetst "
    "in portal/tests/test_backoffice_toewijzingen.py",
    "portal:cak": "de CAK-meldingen van de backoffice (ook leveren, POST); een aanbieder krijgt "
    "403, getoetst in portal/tests/test_cak.py",
    "api-schema": "het OpenAPI-schema (openbaar, zoals bij Open Zaak)",
    "api-docs": "de documentatie van het schema",
}

# Back-office work (toewijzen, verzoeken beantwoorden) and the client's address (Toegang and
# Backoffice): a provider's staff are refused these for their OWN records too — not a matter
# of which provider, but of the role.
ALLEEN_BACKOFFICE = {
    "api:toewijzing-einddatum",
    "api:toewijzing-omvang",
    "api:toewijzing-intrekken",
    "api:verzoek-onderzoek",
    "api:verzoek-honoreren",
    "api:verzoek-afwijzen",
    "portal:toewijzing_nieuw",
    "portal:toewijzing",
    "portal:verzoek",
    "portal:client_adres",
    "portal:toestemming",
}

ADMIN_OPENBAAR = {"admin:login", "admin:logout"}  # the admin itself is for is_staff only


def _regel_ontbreekt(naam: str, params: list[str]) -> bool:
    if naam.startswith("admin:"):
        return False
    return naam not in OBJECT_URLS and naam not in LIJST_URLS and naam not in ZONDER_OBJECT


def test_elk_url_patroon_heeft_een_toegangsregel():
    zonder = [
        f"{naam or '(zonder naam)'}  {tekst}"
        for naam, tekst, params in url_patronen()
        if not naam or (naam.endswith(":") and naam != "admin:") or _regel_ontbreekt(naam, params)
    ]
    assert not zonder, (
        "Deze URL-patronen hebben geen toegangsregel in api/tests/test_toegang_per_url.py; "
        "voeg ze toe aan OBJECT_URLS (met het object van een andere aanbieder), LIJST_URLS of "
        "ZONDER_OBJECT:\n" + "\n".join(zonder)
    )


def test_elke_regel_hoort_bij_een_bestaand_patroon():
    namen = {naam for naam, _, _ in url_patronen()}
    verouderd = (set(OBJECT_URLS) | set(LIJST_URLS) | set(ZONDER_OBJECT)) - namen
    assert not verouderd, f"Regels voor URL's die niet meer bestaan: {sorted(verouderd)}"


def test_elk_patroon_met_een_object_heeft_een_objectregel():
    """A pattern with a parameter points at a record: it needs OBJECT_URLS, not a list rule."""
    fout = [
        naam
        for naam, _, params in url_patronen()
        if params and not naam.startswith("admin:") and naam not in OBJECT_URLS
    ]
    assert not fout, f"URL's met een parameter zonder objectregel: {fout}"


def _geweigerd(response, naam: str) -> bool:
    if naam.startswith("api:"):
        return response.status_code in (403, 404, 405)
    if response.status_code == 302:
        return response.url.startswith(settings.LOGIN_URL) or response.url.startswith(
            reverse("login")
        )
    return response.status_code in (403, 404, 405)


def _vraag(client, methode: str, url: str):
    return client.generic(methode, url, data="{}", content_type="application/json")


@pytest.mark.parametrize("naam", sorted(OBJECT_URLS))
def test_aanbieder_krijgt_geen_object_van_een_andere_aanbieder(client, wereld: Wereld, naam):
    client.force_login(wereld.eigen.medewerker)
    url = reverse(naam, kwargs=OBJECT_URLS[naam](wereld.ander))
    antwoorden = {m: _vraag(client, m, url) for m in ("GET", "POST", "PATCH")}
    for methode, response in antwoorden.items():
        assert _geweigerd(response, naam), f"{methode} {url}: {response.status_code}"
        assert wereld.ander.client.achternaam.encode() not in response.content
    # refused because of the object, not only because of the method
    assert {r.status_code for r in antwoorden.values()} & {403, 404}, url


@pytest.mark.parametrize("naam", sorted(set(OBJECT_URLS) - ALLEEN_GEMEENTE - ALLEEN_BACKOFFICE))
def test_aanbieder_komt_wel_bij_het_eigen_object(client, wereld: Wereld, naam):
    """The same URL for the provider's own record is not a 404: the rule above refuses the
    other provider's record, not every record."""
    client.force_login(wereld.eigen.medewerker)
    url = reverse(naam, kwargs=OBJECT_URLS[naam](wereld.eigen))
    statussen = {_vraag(client, m, url).status_code for m in ("GET", "POST")}
    assert statussen - {403, 404, 405}, f"{url}: {statussen}"


@pytest.mark.parametrize("naam", sorted(ALLEEN_GEMEENTE))
def test_alleen_de_gemeente_komt_bij_dit_object(client, wereld: Wereld, naam):
    from klantreis.accounts.models import Rol

    client.force_login(wereld.eigen.medewerker)
    url = reverse(naam, kwargs=OBJECT_URLS[naam](wereld.eigen))
    assert _vraag(client, "GET", url).status_code in (403, 404)
    client.force_login(wereld.eigen.traject.wie[Rol.BACKOFFICE])
    assert _vraag(client, "GET", url).status_code == 200


@pytest.mark.parametrize("naam", sorted(ALLEEN_BACKOFFICE))
def test_aanbieder_doet_geen_backofficewerk_ook_niet_voor_het_eigen_object(
    client, wereld: Wereld, naam
):
    client.force_login(wereld.eigen.medewerker)
    url = reverse(naam, kwargs=OBJECT_URLS[naam](wereld.eigen))
    statussen = {_vraag(client, m, url).status_code for m in ("GET", "POST")}
    assert statussen <= {403, 405} and 403 in statussen, f"{url}: {statussen}"
    wereld.eigen.toewijzing.refresh_from_db()
    wereld.eigen.verzoek.refresh_from_db()
    assert wereld.eigen.toewijzing.reden_wijziging == ""
    assert wereld.eigen.verzoek.status == "ontvangen"


def test_aanbieder_wijst_niet_toe_via_de_api(client, wereld: Wereld):
    client.force_login(wereld.eigen.medewerker)
    response = client.post(
        reverse("api:toewijzing-list"),
        {
            "client": wereld.eigen.client.pk,
            "aanbieder": wereld.eigen.aanbieder.agb_code,
            "categorie": "02",
            "code": "02A01",
            "ingangsdatum": "2026-03-01",
        },
        content_type="application/json",
    )
    assert response.status_code == 403
    assert Toewijzing.objects.count() == 2  # the two of the fixture


def _ids(response) -> set[int]:
    return {item["id"] for item in response.json()["results"]}


@pytest.mark.parametrize("naam", sorted(LIJST_URLS))
def test_lijst_toont_eigen_records_en_niet_die_van_een_andere_aanbieder(
    client, wereld: Wereld, naam
):
    client.force_login(wereld.eigen.medewerker)
    response = client.get(reverse(naam), {"per_pagina": 200})
    assert response.status_code == 200
    ids = _ids(response)
    assert LIJST_URLS[naam](wereld.eigen) in ids
    assert LIJST_URLS[naam](wereld.ander) not in ids
    assert wereld.ander.client.achternaam.encode() not in response.content


def test_aanbieder_start_geen_traject_en_schrijft_niet_bij_een_andere_aanbieder(
    client, wereld: Wereld
):
    client.force_login(wereld.eigen.medewerker)
    start = client.post(
        reverse("api:traject-list"),
        {"client": wereld.ander.client.pk, "gemeente": "0797", "route": "heusden-stappenplan"},
        content_type="application/json",
    )
    assert start.status_code in (400, 403, 404)
    schrijf = client.post(
        reverse("api:document-list"),
        {"traject": wereld.ander.traject.pk, "soort": "ondersteuningsplan", "inhoud": {}},
        content_type="application/json",
    )
    assert schrijf.status_code == 404
    assert wereld.ander.traject.documenten.get(soort="ondersteuningsplan").versies.count() == 1


def _admin_kwargs(tekst: str, params: list[str]) -> dict:
    # "pk": django-otp's admin pages of a device (its QR code)
    waarden = {"object_id": "1", "content_type_id": "1", "id": "1", "pk": "1"}
    if "app_label" in params:
        waarden["app_label"] = re.search(r"\(\?P<app_label>([a-z_]+)", tekst).group(1)
    return {p: waarden[p] for p in params}


def test_beheer_is_dicht_voor_een_aanbieder(client, wereld: Wereld):
    client.force_login(wereld.eigen.medewerker)
    gezien = 0
    for naam, tekst, params in url_patronen():
        if not naam.startswith("admin:") or naam in ADMIN_OPENBAAR:
            continue
        if naam == "admin:":  # the admin's catch-all for unknown URLs
            url = reverse("admin:index") + "onbekend/"
        else:
            url = reverse(naam, kwargs=_admin_kwargs(tekst, params))
        response = client.get(url)
        assert response.status_code == 302, f"{naam}: {response.status_code}"
        assert response.url.startswith(reverse("admin:login")), naam
        gezien += 1
    assert gezien > 20  # the admin's model pages were really walked


@pytest.mark.parametrize("naam", sorted({*OBJECT_URLS, *LIJST_URLS}))
def test_anoniem_wordt_geweigerd(client, wereld: Wereld, naam):
    kwargs = OBJECT_URLS[naam](wereld.ander) if naam in OBJECT_URLS else {}
    url = reverse(naam, kwargs=kwargs)
    for methode in ("GET", "POST"):
        response = _vraag(client, methode, url)
        if naam.startswith("api:"):
            assert response.status_code in (401, 403), f"{methode} {url}"
        else:
            assert _geweigerd(response, naam), f"{methode} {url}: {response.status_code}"
        assert wereld.ander.client.achternaam.encode() not in response.content
