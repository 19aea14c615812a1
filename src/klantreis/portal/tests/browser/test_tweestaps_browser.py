"""Issue 6, point 1 in a real browser: staff log in with a password and then a code from an
authenticator app. A user with an app gives the code on the second page; with
``KLANTREIS_TWEESTAPS=verplicht`` a user without one is sent to enrolment, scans (here: reads)
the key, confirms with the first code and gets backup codes once. axe-core checks the code
page and the enrolment page like the other screens."""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import expect

from klantreis.accounts.models import Rol
from klantreis.tests.factories import GemeenteFactory, user_met_rol
from klantreis.tests.tweestaps import gebruiker_met_totp, huidige_code

from .conftest import inloggen

pytestmark = [pytest.mark.browser, pytest.mark.slow]

WACHTWOORD = "een-lang-wachtwoord-2026"


def test_inloggen_met_code_uit_de_app(pagina, artefacten, db):
    page = pagina
    heusden = GemeenteFactory(code="0797", naam="Heusden")
    user, apparaat = gebruiker_met_totp(
        "consulent.app", WACHTWOORD, rol=Rol.TOEGANG, gemeente=heusden, first_name="Carla"
    )

    page.goto(reverse("login"))
    page.get_by_label("Gebruikersnaam").fill(user.username)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))
    artefacten.foto(page, "code gevraagd")
    artefacten.geen_ernstige_schendingen(page, "codepagina")

    # The werkvoorraad is closed until the code is given.
    page.goto(reverse("portal:werkvoorraad"))
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))

    page.locator("#id_code").fill("000000" if huidige_code(apparaat) != "000000" else "111111")
    page.get_by_role("button", name="Bevestigen").click()
    expect(page.get_by_role("alert")).to_contain_text("Deze code klopt niet")
    artefacten.foto(page, "foute code")

    page.locator("#id_code").fill(huidige_code(apparaat))
    page.get_by_role("button", name="Bevestigen").click()
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkvoorraad")
    artefacten.foto(page, "werkvoorraad na code")


def test_verplicht_inschrijven_met_de_app(pagina, artefacten, settings, db):
    settings.KLANTREIS_TWEESTAPS = "verplicht"
    page = pagina
    heusden = GemeenteFactory(code="0797", naam="Heusden")
    user = user_met_rol(Rol.BACKOFFICE, heusden, username="backoffice.nieuw")
    user.set_password(WACHTWOORD)
    user.save()

    inloggen(page, user, WACHTWOORD)
    expect(page).to_have_url(re.compile(r"/inloggen/tweestaps/"))
    expect(page.get_by_role("img", name=re.compile("QR-code"))).to_be_visible()
    artefacten.foto(page, "inschrijven")
    artefacten.geen_ernstige_schendingen(page, "inschrijfpagina")

    # What a person types into an app without a camera: the key shown under the QR code.
    sleutel = page.locator("figcaption code").inner_text().replace(" ", "")
    sleutel_bytes = b32decode(sleutel + "=" * (-len(sleutel) % 8))
    code = f"{totp(sleutel_bytes, step=30, t0=0, digits=6):06d}"
    page.get_by_label("Code uit de app").fill(code)
    page.get_by_role("button", name="Instellen").click()

    codes = page.get_by_role("list", name="Reservecodes").locator("code").all_inner_texts()
    assert len(codes) == 10 and len(set(codes)) == 10, codes
    artefacten.foto(page, "reservecodes")
    page.get_by_role("link", name="Verder naar klantreis").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Werkvoorraad")

    # Logging in again now asks for the code.
    page.context.clear_cookies()
    inloggen(page, user, WACHTWOORD)
    expect(page).to_have_url(re.compile(r"/inloggen/code/"))
