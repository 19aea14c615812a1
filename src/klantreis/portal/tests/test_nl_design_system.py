"""The NL Design System files the portal links to are installed and found by Django's static
files (runserver, WhiteNoise and collectstatic use the same finders), and every page carries
the theme and the landmarks the browser tests check with axe-core."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.template.loader import get_template
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.tests.factories import user_met_rol

pytestmark = pytest.mark.django_db


def _gelinkte_stylesheets() -> list[str]:
    bron = get_template("portal/base.html").template.source
    return re.findall(r"{% static '([^']+\.css)' %}", bron)


def test_base_linkt_utrecht_thema_en_eigen_layout():
    bladen = _gelinkte_stylesheets()
    assert "nlds/utrecht/index.css" in bladen
    assert "nlds/thema/theme.css" in bladen
    assert bladen[-1] == "portal/portal.css"  # the project's layout comes last


@pytest.mark.parametrize("pad", _gelinkte_stylesheets())
def test_elk_gelinkt_stylesheet_is_geinstalleerd(pad):
    gevonden = finders.find(pad)
    assert gevonden, f"{pad} ontbreekt: draai scripts/bootstrap.sh (npm ci in frontend/)"
    with open(gevonden, encoding="utf-8") as bestand:
        inhoud = bestand.read()
    assert inhoud.strip()
    # a font stylesheet names files next to it; they must be installed too
    for bestandsnaam in re.findall(r"url\(\./files/([^)]+\.woff2)\)", inhoud)[:3]:
        assert finders.find(f"{pad.rsplit('/', 1)[0]}/files/{bestandsnaam}")


def test_utrecht_klassen_bestaan_in_de_geinstalleerde_css():
    """The class names other screens use (utrecht-table, utrecht-button …) are in the
    installed component library: an upgrade that drops one fails here."""
    with open(finders.find("nlds/utrecht/index.css"), encoding="utf-8") as bestand:
        css = bestand.read()
    for klasse in (
        "utrecht-table",
        "utrecht-button--primary-action",
        "utrecht-form-field",
        "utrecht-textbox--html-input",
        "utrecht-heading-1",
        "utrecht-alert--error",
        "utrecht-status-badge--success",
        "utrecht-data-list__item-key",
        "utrecht-skip-link--visible-on-focus",
        "utrecht-nav-list__link",
    ):
        assert f".{klasse}" in css, klasse
    with open(finders.find("nlds/thema/theme.css"), encoding="utf-8") as bestand:
        assert ".voorbeeld-theme" in bestand.read()


def test_pagina_heeft_thema_landmarks_en_skiplink(client, heusden):
    client.force_login(user_met_rol(Rol.TOEGANG, gemeente=heusden))
    html = client.get(reverse("portal:werkvoorraad")).content.decode()
    assert '<html lang="nl"' in html
    assert 'class="voorbeeld-theme' in html
    assert (
        '<a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">' in html
    )
    assert '<main id="inhoud"' in html
    assert '<nav class="utrecht-nav-bar" aria-label="Hoofdmenu">' in html
    assert 'href="/" aria-current="page">Werkvoorraad</a>' in html
