"""The back office's CAK page (/cak/): the notices of its gemeenten, waiting and delivered, a
button that delivers the waiting ones now (the function of the daily run and the CLI), and a
delivered file again. A provider and another gemeente's back office are refused."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from klantreis.accounts.models import Rol
from klantreis.audit.models import Inzage
from klantreis.tests.factories import GemeenteFactory, user_met_rol
from klantreis.toewijzingen.models import CakMelding
from klantreis.toewijzingen.tests.conftest import keten  # noqa: F401 (a fixture)
from klantreis.toewijzingen.tests.test_toewijzing_levenscyclus import (
    BEGIN,
    EIND,
    _305,
    _307,
    _naar_stap_7,
)

from .conftest import zonder_klassen

pytestmark = pytest.mark.django_db


@pytest.fixture
def gestart(keten, django_capture_on_commit_callbacks, settings, tmp_path):  # noqa: F811
    """Care started and stopped (305, 307): two notices waiting; files go to ``keten.map``."""
    settings.KLANTREIS_CAK = {"kanaal": "csv", "opties": {"map": tmp_path}}
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    keten.map = tmp_path
    return keten


def test_backoffice_ziet_wachtende_meldingen_en_levert_ze(client, gestart):
    backoffice = gestart.wie[Rol.BACKOFFICE]
    client.force_login(backoffice)
    html = zonder_klassen(client.get(reverse("portal:cak")).content.decode())
    assert '<a href="/cak/" aria-current="page">CAK-meldingen</a>' in html  # the menu item
    assert "2 melding(en) wachten op levering; 0 zijn geleverd." in html
    assert gestart.client.naam in html and f"BSN {gestart.client.bsn}" in html
    assert "Begeleiding (02A01)" in html
    assert BEGIN.strftime("%d-%m-%Y") in html and EIND.strftime("%d-%m-%Y") in html
    assert html.count("Wacht op levering</span>") == 2
    assert Inzage.objects.filter(user=backoffice, model="cakmelding", aantal=2).exists()

    response = client.post(reverse("portal:cak"), follow=True)
    (bestand,) = gestart.map.glob("cak-*.csv")
    tekst = response.content.decode()
    assert f"2 CAK-melding(en) geleverd: {bestand.name}." in tekst
    assert all(m.exportbestand == str(bestand) for m in CakMelding.objects.all())
    html = zonder_klassen(tekst)
    assert "0 melding(en) wachten op levering; 2 zijn geleverd." in html
    assert html.count("Geleverd</span>") == 2
    # the file again, later: the same bytes as delivered
    melding = CakMelding.objects.first()
    assert f'href="{reverse("portal:cak_bestand", args=[melding.pk])}" download' in html
    download = client.get(reverse("portal:cak_bestand", args=[melding.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == f'attachment; filename="{bestand.name}"'
    assert download.content == bestand.read_bytes()

    response = client.post(reverse("portal:cak"), follow=True)  # nothing waits now
    assert "Er wachten geen CAK-meldingen op levering." in response.content.decode()
    assert len(list(gestart.map.glob("cak-*.csv"))) == 1


def test_filter_op_stand_en_correctie_na_intrekking(
    client, gestart, django_capture_on_commit_callbacks
):
    from klantreis.toewijzingen import cak

    cak.exporteer_per_gemeente()
    # the provider withdraws its delivered 307: a correcting notice waits
    gestart.lever(_307(gestart, 1, EIND, "19", status="3"), django_capture_on_commit_callbacks)
    client.force_login(gestart.wie[Rol.BACKOFFICE])
    pagina = reverse("portal:cak")
    geleverd = zonder_klassen(client.get(pagina, {"status": "geleverd"}).content.decode())
    assert geleverd.count("Geleverd</span>") == 2
    assert "later ingetrokken door de aanbieder" in geleverd  # the delivered stop
    wachtend = zonder_klassen(client.get(pagina, {"status": "wachtend"}).content.decode())
    assert wachtend.count("Wacht op levering</span>") == 1
    assert "Stop eigen bijdrage <span>ingetrokken</span>" in wachtend
    assert "correctie: de aanbieder trok de stop in" in wachtend
    leeg = client.get(pagina, {"status": "vervallen"}).content.decode()
    assert "Er zijn geen CAK-meldingen met deze stand." in leeg


def test_aanbieder_ziet_en_levert_geen_cak_meldingen(client, gestart):
    client.force_login(gestart.wie[Rol.AANBIEDER])
    assert client.get(reverse("portal:cak")).status_code == 403
    assert client.post(reverse("portal:cak")).status_code == 403
    assert not list(gestart.map.glob("cak-*.csv"))
    assert not CakMelding.objects.filter(geexporteerd_op__isnull=False).exists()
    html = client.get(reverse("portal:werkvoorraad")).content.decode()
    assert "CAK-meldingen" not in html  # no menu item
    client.force_login(gestart.wie[Rol.TOEGANG])  # the consulent is no back office either
    assert client.get(reverse("portal:cak")).status_code == 403


def test_backoffice_van_een_andere_gemeente_ziet_en_levert_ze_niet(client, gestart):
    heusden = GemeenteFactory(code="0797", naam="Heusden")
    ander = user_met_rol(Rol.BACKOFFICE, gemeente=heusden)
    client.force_login(ander)
    html = client.get(reverse("portal:cak")).content.decode()
    assert gestart.client.naam not in html
    assert "Er zijn geen CAK-meldingen." in html
    client.post(reverse("portal:cak"))
    assert not list(gestart.map.glob("cak-*.csv"))
    # Doetinchem delivers; Heusden's back office cannot download that file
    client.force_login(gestart.wie[Rol.BACKOFFICE])
    client.post(reverse("portal:cak"))
    client.force_login(ander)
    melding = CakMelding.objects.first()
    assert client.get(reverse("portal:cak_bestand", args=[melding.pk])).status_code == 404


def test_ingetrokken_start_staat_als_vervallen(client, gestart, django_capture_on_commit_callbacks):
    """A 307 the provider withdraws before delivery: the page says the CAK will not hear of
    it, and the button does not deliver it."""
    gestart.lever(_307(gestart, 1, EIND, "19", status="3"), django_capture_on_commit_callbacks)
    client.force_login(gestart.wie[Rol.BACKOFFICE])
    html = zonder_klassen(client.get(reverse("portal:cak")).content.decode())
    assert "1 melding(en) wachten op levering" in html
    assert "ingetrokken vóór levering; het CAK hoort er niet van" in html
    client.post(reverse("portal:cak"))
    (bestand,) = gestart.map.glob("cak-*.csv")
    assert [regel.split(";")[0] for regel in Path(bestand).read_text().splitlines()[1:]] == [
        "start"
    ]
