"""Waiting time per provider: median days from toewijzing to the first 305, last 12 months."""

import hashlib
from datetime import date, time, timedelta

import pytest

from klantreis.berichten.models import Bericht
from klantreis.portal.tests.conftest import contract
from klantreis.tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory
from klantreis.toewijzingen.models import Toewijzing, ZorgMelding
from klantreis.toewijzingen.wachttijden import wachttijden

pytestmark = pytest.mark.django_db

VANDAAG = date(2026, 6, 1)
_nummer = iter(range(5000, 9999))


def _toewijzing(gemeente, aanbieder, toegewezen: date, *starts: date, code="02A01", **extra):
    client = ClientFactory(gemeente=gemeente)
    toewijzing = Toewijzing.objects.create(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        nummer=next(_nummer),
        categorie="02",
        code=code,
        toewijzingsdatum=toegewezen,
        toewijzingstijd=time(9, 0),
        ingangsdatum=toegewezen,
        **extra,
    )
    for start in starts:
        xml = f"<305>{toewijzing.nummer}{start}</305>".encode()
        bericht = Bericht.objects.create(
            richting="in",
            standaard="iWmo",
            berichtcode="305",
            afzender=aanbieder.agb_code,
            ontvanger=gemeente.code,
            eigenaar=gemeente.code,
            inhoud=xml,
            sha256=hashlib.sha256(xml).hexdigest(),
            status="verwerkt",
        )
        ZorgMelding.objects.create(
            soort="start",
            toewijzing=toewijzing,
            bsn=client.bsn,
            toewijzing_nummer=toewijzing.nummer,
            begindatum=start,
            status_aanlevering="1",
            bericht=bericht,
        )
    return toewijzing


def _dag(n: int) -> date:
    return VANDAAG - timedelta(days=n)


def test_mediaan_per_aanbieder_vanaf_de_eerste_start(heusden):
    snel, traag = AanbiederFactory(naam="Snel"), AanbiederFactory(naam="Traag")
    _toewijzing(heusden, snel, _dag(100), _dag(98))  # 2 days
    _toewijzing(heusden, snel, _dag(80), _dag(76), _dag(60))  # 4: the first start counts
    _toewijzing(heusden, snel, _dag(50), _dag(40))  # 10
    _toewijzing(heusden, traag, _dag(200), _dag(170))  # 30
    _toewijzing(heusden, traag, _dag(150), _dag(100))  # 50
    uit = wachttijden(heusden, op=VANDAAG)
    assert uit[snel.pk].dagen == 4 and uit[snel.pk].aantal == 3
    assert uit[traag.pk].dagen == 40 and uit[traag.pk].aantal == 2
    assert uit[snel.pk].tekst == "4 dagen (mediaan van 3)"


def test_alleen_de_laatste_twaalf_maanden_en_deze_gemeente(heusden):
    aanbieder = AanbiederFactory()
    _toewijzing(heusden, aanbieder, _dag(400), _dag(300))  # too old
    _toewijzing(heusden, aanbieder, _dag(30), _dag(20))  # 10
    elders = GemeenteFactory(code="0796", naam="Elders")
    _toewijzing(elders, aanbieder, _dag(30), _dag(29))
    assert wachttijden(heusden, op=VANDAAG)[aanbieder.pk].dagen == 10
    assert wachttijden(elders, op=VANDAAG)[aanbieder.pk].dagen == 1


def test_zonder_start_verwijderd_of_ingetrokken_geen_gegevens(heusden):
    aanbieder = AanbiederFactory()
    _toewijzing(heusden, aanbieder, _dag(30))  # no 305 yet
    _toewijzing(heusden, aanbieder, _dag(30), _dag(20), reden_wijziging="13")
    ingetrokken = _toewijzing(heusden, aanbieder, _dag(30), _dag(25))
    ingetrokken.meldingen.update(actueel=False)
    assert aanbieder.pk not in wachttijden(heusden, op=VANDAAG)


def test_start_voor_de_toewijzing_telt_als_nul_dagen(heusden):
    aanbieder = AanbiederFactory()
    _toewijzing(heusden, aanbieder, _dag(30), _dag(35))
    assert wachttijden(heusden, op=VANDAAG)[aanbieder.pk].dagen == 0


def test_per_product(heusden):
    aanbieder = AanbiederFactory()
    begeleiding = contract(aanbieder, heusden).product  # 02A01
    _toewijzing(heusden, aanbieder, _dag(30), _dag(28))  # 02A01, 2 days
    _toewijzing(heusden, aanbieder, _dag(30), _dag(0), code="02A02")  # another product
    assert wachttijden(heusden, [begeleiding], op=VANDAAG)[aanbieder.pk].dagen == 2
    assert wachttijden(heusden, op=VANDAAG)[aanbieder.pk].dagen == 16
    assert wachttijden(heusden, [], op=VANDAAG) == {}
