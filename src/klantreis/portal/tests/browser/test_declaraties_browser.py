"""The declaratie, payment and message screens in a real browser (issue 5 point 5, issue 6):
a back-office clerk walks overview → provider → period → client → prestatie, makes a payment
run through the form and opens the messages; a provider's employee sees its own overview.
Every page is photographed and checked with axe-core: no serious or critical violation."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from klantreis.accounts.models import Rol
from klantreis.declaraties.models import Betaalopdracht
from klantreis.declaraties.tests.conftest import prestatie
from klantreis.tests.factories import user_met_rol

from .conftest import inloggen, uitloggen

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def declaratie(omgeving, django_capture_on_commit_callbacks):
    a, b = omgeving.clienten
    omgeving.lever(
        omgeving.bericht(
            {
                a.bsn: [prestatie("A1"), prestatie("A2", nummer=2)],
                b.bsn: [prestatie("B1", nummer=2, volume=4)],
            },
            nummer="WEB1",
        ),
        django_capture_on_commit_callbacks,
    )
    return omgeving


def test_backoffice_en_aanbieder_in_de_declaratieschermen(pagina, artefacten, declaratie):
    page = pagina
    backoffice = user_met_rol(Rol.BACKOFFICE, gemeente=declaratie.gemeente)
    inloggen(page, backoffice)
    page.get_by_role("link", name="Declaraties").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Declaraties")
    expect(page.get_by_text("Afgekeurd per reden")).to_be_visible()
    artefacten.foto(page, "declaraties overzicht")
    artefacten.geen_ernstige_schendingen(page, "declaraties overzicht")

    page.get_by_role("link", name="Begeleiding Oost").first.click()
    artefacten.geen_ernstige_schendingen(page, "aanbieder per periode")
    page.locator("table a").first.click()  # the period
    artefacten.geen_ernstige_schendingen(page, "periode per cliënt")
    page.locator("table a").first.click()  # the first client
    expect(page.get_by_text("9338").first).to_be_visible()
    artefacten.foto(page, "prestaties van een cliënt")
    artefacten.geen_ernstige_schendingen(page, "prestaties van een cliënt")
    page.get_by_role("link", name="A2").click()
    expect(page.get_by_text("Regel TR338")).to_be_visible()
    artefacten.foto(page, "afgekeurde prestatie")
    artefacten.geen_ernstige_schendingen(page, "prestatie")

    page.goto("/betaalopdrachten/")
    artefacten.geen_ernstige_schendingen(page, "betaalopdrachten")
    page.get_by_role("button", name="Betaalopdracht maken").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Betaalopdracht KR-0797-")
    assert Betaalopdracht.objects.get().aantal == 2
    artefacten.foto(page, "betaalopdracht")
    artefacten.geen_ernstige_schendingen(page, "betaalopdracht")

    page.get_by_role("link", name="Berichten").first.click()
    artefacten.geen_ernstige_schendingen(page, "berichten")
    page.locator("table a").first.click()
    expect(page.get_by_role("heading", name="Heen en retour")).to_be_visible()
    artefacten.foto(page, "bericht")
    artefacten.geen_ernstige_schendingen(page, "bericht")
    uitloggen(page)

    medewerker = user_met_rol(Rol.AANBIEDER, aanbieder=declaratie.aanbieder)
    inloggen(page, medewerker)
    page.goto("/declaraties/")
    expect(page.get_by_role("link", name="Begeleiding Oost").first).to_be_visible()
    artefacten.geen_ernstige_schendingen(page, "declaraties (aanbieder)")
