"""The back office answers a provider's verzoek om toewijzing (315) in the browser: from the
work queue to the verzoek, in onderzoek (319), then rejected with a reason (319); axe-core
checks the verzoeken list and the verzoek page (decision 0010)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.portal.tests.test_backoffice_toewijzingen import _verzoek, stap6  # noqa: F401

from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_backoffice_beantwoordt_een_verzoek_in_de_browser(pagina, artefacten, stap6):  # noqa: F811
    page = pagina
    verzoek = _verzoek(stap6, referentie="VOT-2026-001")
    inloggen(page, stap6.wie[Rol.BACKOFFICE])
    te_doen = page.get_by_role("region", name="Te doen")
    te_doen.get_by_role("link", name="Verzoek om toewijzing (315) (ontvangen)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verzoek om toewijzing (315)")
    expect(page.get_by_role("region", name="Wat de aanbieder vraagt")).to_contain_text("02A01")
    artefacten.foto(page, "backoffice verzoek ontvangen")
    artefacten.geen_ernstige_schendingen(page, "verzoek (backoffice)")

    page.get_by_role("button", name="In onderzoek zetten").click()
    expect(page.locator(".meldingen")).to_contain_text("Het verzoek staat in onderzoek")
    expect(page.get_by_role("button", name="In onderzoek zetten")).to_have_count(0)

    # the reason is required: the browser asks for it before anything is sent (and the
    # server refuses it too: test_afwijzen_met_reden_stuurt_319)
    reden = page.get_by_label("Reden van afwijzing (319)")
    expect(reden).to_have_attribute("required", "")
    page.get_by_role("button", name="Verzoek afwijzen").click()
    expect(page.locator(".meldingen")).not_to_contain_text("afgewezen")
    reden.select_option(label="Geen contract")
    page.get_by_role("button", name="Verzoek afwijzen").click()
    expect(page.locator(".meldingen")).to_contain_text(
        "Het verzoek is afgewezen (319): geen contract."
    )
    artefacten.foto(page, "backoffice verzoek afgewezen")
    verzoek.refresh_from_db()
    assert (verzoek.status, verzoek.reden_afwijzing) == ("afgewezen", "3")
    assert Bericht.objects.filter(berichtcode="319").count() == 2

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Verzoeken").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verzoeken van aanbieders")
    expect(page.get_by_role("region", name="Verzoeken")).to_contain_text("Afgewezen (319)")
    artefacten.foto(page, "backoffice verzoeken")
    artefacten.geen_ernstige_schendingen(page, "verzoekenlijst (backoffice)")
