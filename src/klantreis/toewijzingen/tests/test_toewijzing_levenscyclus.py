"""The toewijzing lifecycle on the gemeente's side: 301 (OP087, OP033x1, OP259, TR332),
start and stop (305/307 with TR019, TR063, TR071, TR074, TR326, TR382, TR413–TR415),
the traject moving with the messages, and the CAK notices."""

import datetime as dt

import pytest

from klantreis import istandaarden as ist
from klantreis.berichten.models import Bericht
from klantreis.routes.models import TrajectStatus
from klantreis.simulatie.aanbieder import bouw_305, bouw_307
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import CakMelding, Toewijzing, ZorgMelding

from .conftest import VANDAAG, retourcodes

pytestmark = pytest.mark.django_db
BEGIN = VANDAAG + dt.timedelta(days=7)
EIND = VANDAAG + dt.timedelta(days=180)


def _toewijzing(keten, **kw):
    data = dict(
        client=keten.client,
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=keten.product,
        ingangsdatum=BEGIN,
        einddatum=EIND,
        volume=2,
        frequentie="2",
        traject=keten.traject,
        door=keten.wie["backoffice"],
    )
    data.update(kw)
    return services.wijs_toe(**data)


def _laatste_301(keten):
    bericht = Bericht.objects.filter(richting="uit", berichtcode="301").order_by("-pk").first()
    return ist.read(bytes(bericht.inhoud))


def _naar_stap_7(keten):
    from klantreis.tests.lopen import rond_af

    _toewijzing(keten)
    assert keten.traject.huidige_stap == "6"
    rond_af(keten.traject, keten.wie, naar="7")  # the client agrees with the zorgplan


def _305(keten, nummer, begin=BEGIN, status="1"):
    return bouw_305(
        ist.Standaard.IWMO, keten.header("305"), keten.persoon, [(nummer, begin, status)]
    )


def _307(keten, nummer, eind, reden, begin=BEGIN, status="1"):
    return bouw_307(
        ist.Standaard.IWMO,
        keten.header("307"),
        keten.persoon,
        [(nummer, begin, eind, reden, status)],
    )


def test_toewijzing_verstuurt_301_en_zet_traject_naar_zorgplan(keten):
    t = _toewijzing(keten)
    assert t.nummer == 1
    bericht301 = _laatste_301(keten)
    (product,) = bericht301.client.toegewezen_producten
    assert (product.toewijzing_nummer, product.ingangsdatum, product.einddatum) == (1, BEGIN, EIND)
    assert (product.omvang.volume, product.omvang.frequentie.value) == (2, "2")
    assert bericht301.header.afzender == keten.gemeente.code
    assert bericht301.header.ontvanger == keten.aanbieder.agb_code
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "6"


def test_tr332_nummers_uniek_per_gemeente_en_wet(keten, doetinchem):
    eerste = _toewijzing(keten)
    tweede = _toewijzing(
        keten,
        ingangsdatum=EIND + dt.timedelta(days=1),
        einddatum=None,
        frequentie="4",
        traject=None,
    )
    assert (eerste.nummer, tweede.nummer) == (1, 2)


def test_op259_stapelen_wordt_geweigerd(keten):
    _toewijzing(keten)
    with pytest.raises(services.ToewijzingFout, match="OP259"):
        _toewijzing(keten, ingangsdatum=BEGIN + dt.timedelta(days=30), traject=None)
    assert Toewijzing.objects.count() == 1


def test_cd076_omvang_per_week_vraagt_einddatum(keten):
    with pytest.raises(services.ToewijzingFout, match="CD076"):
        _toewijzing(keten, einddatum=None)


def test_wijziging_einddatum_houdt_nummer_en_stuurt_alle_toewijzingen_op087(keten):
    eerste = _toewijzing(keten)
    tweede = _toewijzing(
        keten,
        ingangsdatum=EIND + dt.timedelta(days=61),
        einddatum=EIND + dt.timedelta(days=120),
        traject=None,
    )
    services.wijzig_einddatum(eerste, EIND + dt.timedelta(days=30))
    bericht301 = _laatste_301(keten)
    producten = {p.toewijzing_nummer: p for p in bericht301.client.toegewezen_producten}
    assert set(producten) == {eerste.nummer, tweede.nummer}
    assert producten[eerste.nummer].einddatum == EIND + dt.timedelta(days=30)
    assert producten[eerste.nummer].reden_wijziging.value == "04"  # verlenging
    assert Toewijzing.objects.count() == 2


def test_305_start_zet_traject_verder_meldt_cak_en_antwoordt_306(
    keten, django_capture_on_commit_callbacks
):
    _naar_stap_7(keten)
    heen, retour = keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    assert heen.status == "verwerkt"
    assert retour.bericht == "306" and retourcodes(retour) == []  # header-only: accepted
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "8"
    melding = ZorgMelding.objects.get()
    cak = CakMelding.objects.get()
    assert (cak.soort, cak.datum, cak.melding) == ("start", BEGIN, melding)
    assert melding.bericht == heen  # every CAK notice traceable to its 305


def test_tr019_305_voor_onbekende_toewijzing(keten, django_capture_on_commit_callbacks):
    _heen, retour = keten.lever(_305(keten, 99), django_capture_on_commit_callbacks)
    assert "9019" in retourcodes(retour)
    assert not ZorgMelding.objects.exists()


def test_tr326_twee_starts_op_een_toewijzing(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    _, retour = keten.lever(
        _305(keten, 1, begin=BEGIN + dt.timedelta(days=3)), django_capture_on_commit_callbacks
    )
    assert "9326" in retourcodes(retour)
    assert ZorgMelding.objects.count() == 1


def test_tr074_zelfde_start_nogmaals(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    _, retour = keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    assert "9074" in retourcodes(retour)


def test_tr063_verwijderen_zonder_eerdere_aanlevering(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    _, retour = keten.lever(_305(keten, 1, status="3"), django_capture_on_commit_callbacks)
    assert "9063" in retourcodes(retour)


def test_start_verwijderen_en_opnieuw_starten(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    _, retour = keten.lever(_305(keten, 1, status="3"), django_capture_on_commit_callbacks)
    assert retourcodes(retour) == []
    _, retour = keten.lever(
        _305(keten, 1, begin=BEGIN + dt.timedelta(days=2)), django_capture_on_commit_callbacks
    )
    assert retourcodes(retour) == []  # the deleted start no longer counts (TR326)
    assert ZorgMelding.objects.filter(soort="start", actueel=True).count() == 1


def test_tr071_start_met_stop_niet_verwijderen(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    _, retour = keten.lever(_305(keten, 1, status="3"), django_capture_on_commit_callbacks)
    assert "9071" in retourcodes(retour)


def test_tr382_stop_zonder_start(keten, django_capture_on_commit_callbacks):
    _toewijzing(keten)
    _, retour = keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    assert "9069" in retourcodes(retour)


def test_tijdelijke_stop_gevolgd_door_definitieve_stop(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    pauze = BEGIN + dt.timedelta(days=40)
    _, retour = keten.lever(_307(keten, 1, pauze, "20"), django_capture_on_commit_callbacks)
    assert retourcodes(retour) == []
    keten.traject.refresh_from_db()
    assert keten.traject.status == TrajectStatus.OPGESCHORT  # a pause suspends the traject
    # TR413: a second temporary stop is refused
    _, retour = keten.lever(
        _307(keten, 1, pauze + dt.timedelta(days=5), "20"), django_capture_on_commit_callbacks
    )
    assert "9413" in retourcodes(retour)
    # TR414: the definitive stop may not end before the temporary one
    _, retour = keten.lever(
        _307(keten, 1, pauze - dt.timedelta(days=1), "19"), django_capture_on_commit_callbacks
    )
    assert "9414" in retourcodes(retour)
    _, retour = keten.lever(
        _307(keten, 1, pauze + dt.timedelta(days=10), "19"), django_capture_on_commit_callbacks
    )
    assert retourcodes(retour) == []
    # TR415: no second definitive stop
    _, retour = keten.lever(
        _307(keten, 1, pauze + dt.timedelta(days=11), "23"), django_capture_on_commit_callbacks
    )
    assert "9415" in retourcodes(retour)
    assert [(c.soort, c.datum) for c in CakMelding.objects.order_by("pk")] == [
        ("start", BEGIN),
        ("stop", pauze),
        ("stop", pauze + dt.timedelta(days=10)),
    ]


def test_definitieve_stop_sluit_route1_af_via_8a(keten, django_capture_on_commit_callbacks):
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    assert keten.traject.__class__.objects.get(pk=keten.traject.pk).huidige_stap == "8"
    keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    keten.traject.refresh_from_db()
    assert keten.traject.status == TrajectStatus.AFGESLOTEN
    assert list(keten.traject.gebeurtenissen.values_list("naar_stap", flat=True))[-2:] == ["8a", ""]


def test_cak_export_van_start_en_stop(
    keten, django_capture_on_commit_callbacks, settings, tmp_path
):
    import csv

    from django.core.management import call_command

    settings.KLANTREIS_CAK = {"kanaal": "csv", "opties": {"map": tmp_path}}
    _naar_stap_7(keten)
    heen305, _ = keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    heen307, _ = keten.lever(_307(keten, 1, EIND, "19"), django_capture_on_commit_callbacks)
    call_command("cak", "exporteer")
    (bestand,) = tmp_path.glob("cak-*.csv")
    rijen = list(csv.DictReader(bestand.open(encoding="utf-8"), delimiter=";"))
    assert [(r["melding"], r["datum"], r["bsn"]) for r in rijen] == [
        ("start", BEGIN.isoformat(), keten.client.bsn),
        ("stop", EIND.isoformat(), keten.client.bsn),
    ]
    assert [r["bron_identificatie"] for r in rijen] == [
        heen305.identificatie,
        heen307.identificatie,
    ]
    assert all(m.geexporteerd_op for m in CakMelding.objects.all())
    call_command("cak", "exporteer")  # nothing new: no second file
    assert len(list(tmp_path.glob("cak-*.csv"))) == 1


def test_geen_cak_melding_voor_jeugdwet_of_zonder_eigen_bijdrage(
    keten, django_capture_on_commit_callbacks
):
    keten.product.eigen_bijdrage = False
    keten.product.save()
    _naar_stap_7(keten)
    keten.lever(_305(keten, 1), django_capture_on_commit_callbacks)
    assert not CakMelding.objects.exists()
