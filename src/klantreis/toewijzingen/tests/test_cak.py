"""The CAK notices after they are made (test_toewijzing_levenscyclus makes them): delivery
per gemeente by the daily Celery run and the CLI, and a start or stop the provider withdraws
(StatusAanlevering 3, TR063) — not delivered when it was still waiting, corrected when the
CAK already had it."""

import csv
import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command

from klantreis.celery import app
from klantreis.tests.factories import GemeenteFactory
from klantreis.toewijzingen import cak
from klantreis.toewijzingen.models import CakMelding, Toewijzing, ZorgMelding

from .test_toewijzing_levenscyclus import BEGIN, EIND, _305, _307, _naar_stap_7

pytestmark = pytest.mark.django_db


@pytest.fixture
def cakmap(settings, tmp_path):
    settings.KLANTREIS_CAK = {"kanaal": "csv", "opties": {"map": tmp_path}}
    return tmp_path


def _rijen(pad) -> list[dict]:
    return list(csv.DictReader(Path(pad).open(encoding="utf-8"), delimiter=";"))


def test_start_ingetrokken_voor_levering_gaat_niet_naar_het_cak(
    keten, django_capture_on_commit_callbacks, cakmap
):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    keten.lever(_305(keten, 1, status="3"), django_capture_on_commit_callbacks)
    # the notice stays, traceable to its 305, but is never delivered
    (melding,) = CakMelding.objects.all()
    assert not melding.melding.actueel
    assert cak.exporteer() is None
    assert cak.exporteer_per_gemeente() == []
    assert not list(cakmap.iterdir())
    melding.refresh_from_db()
    assert melding.geexporteerd_op is None


def test_start_ingetrokken_na_levering_krijgt_een_correctie(
    keten, django_capture_on_commit_callbacks, cakmap
):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    (eerste,) = cak.exporteer_per_gemeente()
    heen, _ = keten.lever(_305(keten, 1, status="3"), django_capture_on_commit_callbacks)
    correctie = CakMelding.objects.exclude(exportbestand=eerste).get()
    assert (correctie.soort, correctie.datum) == ("start", BEGIN)
    assert correctie.melding.status_aanlevering == "3"
    assert correctie.melding.bericht == heen  # traceable to the withdrawal
    (tweede,) = cak.exporteer_per_gemeente()
    assert [(r["melding"], r["datum"], r["bron_identificatie"]) for r in _rijen(tweede)] == [
        ("start-ingetrokken", BEGIN.isoformat(), heen.identificatie)
    ]
    # the provider starts again on another day: a plain start, the correction not repeated
    later = BEGIN + dt.timedelta(days=2)
    keten.lever(_305(keten, 1, begin=later), django_capture_on_commit_callbacks)
    (derde,) = cak.exporteer_per_gemeente()
    assert [(r["melding"], r["datum"]) for r in _rijen(derde)] == [("start", later.isoformat())]


def test_stop_ingetrokken_na_levering_krijgt_een_correctie(
    keten, django_capture_on_commit_callbacks, cakmap
):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    cak.exporteer_per_gemeente()
    keten.lever(_307(keten, 1, EIND, "19", status="3"), django_capture_on_commit_callbacks)
    (bestand,) = cak.exporteer_per_gemeente()
    assert [(r["melding"], r["datum"]) for r in _rijen(bestand)] == [
        ("stop-ingetrokken", EIND.isoformat())
    ]


def _melding_elders(keten, gemeente) -> CakMelding:
    """A waiting start notice of another gemeente (as the 305 handler makes it)."""
    toewijzing = Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=keten.aanbieder,
        client=keten.client,
        wet="wmo",
        nummer=9001,
        categorie="02",
        code="02A01",
        product=keten.product,
        toewijzingsdatum=BEGIN,
        toewijzingstijd=dt.time(9, 0),
        ingangsdatum=BEGIN,
    )
    start = ZorgMelding.objects.create(
        soort="start",
        toewijzing=toewijzing,
        bsn=keten.client.bsn,
        toewijzing_nummer=9001,
        begindatum=BEGIN,
        status_aanlevering="1",
        bericht=CakMelding.objects.first().melding.bericht,
    )
    return CakMelding.objects.create(
        soort="start", toewijzing=toewijzing, melding=start, datum=BEGIN
    )


def test_dagelijkse_celery_taak_levert_per_gemeente(
    keten, django_capture_on_commit_callbacks, cakmap
):
    plan = [
        item
        for item in django_settings.CELERY_BEAT_SCHEDULE.values()
        if item["task"] == "toewijzingen.cak_exporteren"
    ]
    assert [p["schedule"] for p in plan] == [24 * 60 * 60]
    app.loader.import_default_modules()  # the worker's autodiscovery
    taak = app.tasks["toewijzingen.cak_exporteren"]
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    elders = _melding_elders(keten, GemeenteFactory(code="0797", naam="Heusden"))
    geleverd = taak.apply().get()
    assert len(geleverd) == 2  # one file per gemeente
    assert {r["gemeentecode"] for pad in geleverd for r in _rijen(pad)} == {"0222", "0797"}
    assert [r["gemeentecode"] for r in _rijen(geleverd[0])] == ["0222"]
    elders.refresh_from_db()
    assert elders.exportbestand == geleverd[1]
    assert taak.apply().get() == []  # nothing left


def test_cli_levert_per_gemeente(keten, django_capture_on_commit_callbacks, cakmap, capsys):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    _melding_elders(keten, GemeenteFactory(code="0797", naam="Heusden"))
    call_command("cak", "exporteer")
    uit = capsys.readouterr().out
    assert uit.count("CAK-meldingen geleverd:") == 2
    assert len(list(cakmap.glob("cak-*.csv"))) == 2
    call_command("cak", "exporteer")
    assert "Geen nieuwe CAK-meldingen." in capsys.readouterr().out


def test_geleverd_bestand_opnieuw_gelijk_aan_het_origineel(
    keten, django_capture_on_commit_callbacks, cakmap
):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    (pad,) = cak.exporteer_per_gemeente()
    naam, inhoud = cak.geleverd_bestand(pad)
    assert naam == Path(pad).name
    assert inhoud.encode() == Path(pad).read_bytes()
