"""Termijnen of a traject on real dates: created by the route, met by a step, overdue,
moved by a suspension (with the move explained), and a gemeente's own length."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.termijnen.models import Termijn, TermijnBeleid, TermijnStatus
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren, rond_af

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def _op(*args):
    return datetime(*args, 9, 0, tzinfo=AMS)


def _route3(gemeente, op):
    wie = actoren(gemeente)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=gemeente, wet="jeugdwet"),
        gemeente=gemeente,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
        op=op,
    )
    return traject, wie


def test_gi_afstemming_5_dagen_eindigend_op_zondag_schuift_naar_maandag(doetinchem):
    # Tuesday 21 April 2026 + 5 dagen = Sunday 26 April → Monday 27 April is Koningsdag →
    # Tuesday 28 April 2026 (Atw art. 1).
    traject, _ = _route3(doetinchem, _op(2026, 4, 21))
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    assert termijn.einddatum == date(2026, 4, 28)
    assert any("Koningsdag" in regel for regel in termijn.uitleg)


def test_opschorting_verschuift_de_einddatum_en_legt_dat_uit(doetinchem):
    traject, wie = _route3(doetinchem, _op(2026, 3, 2))  # Monday
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    assert termijn.einddatum == date(2026, 3, 9)  # Saturday 7 March → Monday 9 March
    engine.suspend(
        traject, door=wie[Rol.GI], rol=Rol.GI, reden="Jeugdige opgenomen", op=_op(2026, 3, 4)
    )
    engine.resume(traject, door=wie[Rol.GI], rol=Rol.GI, op=_op(2026, 3, 18))
    termijn.refresh_from_db()
    assert termijn.einddatum == date(2026, 3, 23)  # 14 days later
    assert termijn.oorspronkelijke_einddatum == date(2026, 3, 9)
    assert any("opschorting van 04-03-2026 tot 18-03-2026" in regel for regel in termijn.uitleg)


def test_termijn_verloopt_en_wordt_te_laat_gehaald(doetinchem):
    traject, wie = _route3(doetinchem, _op(2026, 3, 2))
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    with time_machine.travel(date(2026, 3, 10)):
        assert termijn.status == TermijnStatus.VERLOPEN
        assert Termijn.objects.verlopen().filter(pk=termijn.pk).exists()
    with time_machine.travel(date(2026, 3, 12)):  # two days after it expired
        rond_af(traject, wie, rol=Rol.GI)
    termijn.refresh_from_db()
    assert termijn.voldaan_op == date(2026, 3, 12)
    assert termijn.status_op(date(2030, 1, 1)) == TermijnStatus.TE_LAAT
    assert termijn.gehaald is False


def test_gehaald_voor_de_einddatum(doetinchem):
    traject, _ = _route3(doetinchem, _op(2026, 3, 2))
    traject.termijnen.update(voldaan_op=date(2026, 3, 5))
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    assert termijn.status == TermijnStatus.GEHAALD and termijn.gehaald is True


def test_gemeente_hanteert_eigen_termijn(doetinchem):
    TermijnBeleid.objects.create(
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        sleutel="gi-afstemming",
        duur="3 werkdagen",
        toelichting="regionale afspraak 2026",
    )
    traject, _ = _route3(doetinchem, _op(2026, 4, 30))  # Thursday
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    assert termijn.duur == "3 werkdagen"
    # Fri 1 May, Mon 4 May, (5 mei), Wed 6 May
    assert termijn.einddatum == date(2026, 5, 6)
    assert termijn.uitleg[0].startswith(
        "Gemeente Doetinchem hanteert 3 werkdagen in plaats van 5 dagen"
    )


def test_afsluiten_laat_lopende_termijnen_vervallen(doetinchem):
    traject, wie = _route3(doetinchem, _op(2026, 3, 2))
    engine.close(
        traject, door=wie[Rol.GI], rol=Rol.GI, reden="Maatregel opgeheven", op=_op(2026, 3, 3)
    )
    termijn = traject.termijnen.get(sleutel="gi-afstemming")
    assert termijn.status == TermijnStatus.VERVALLEN
    assert "afgesloten" in termijn.uitleg[-1]


# a given day before both deadlines: from 6 November 2027 on the second one was already late
@time_machine.travel(date(2026, 12, 7))
def test_verlenging_8_weken_voor_einde_beschikking_teruggerekend(heusden):
    from klantreis.demo.voorbeelden import inhoud
    from klantreis.documenten import services as documenten

    wie = actoren(heusden)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    beschikking = inhoud("beschikking")
    beschikking["producten"][0]["einddatum"] = "2027-06-27"  # a Sunday
    versie = documenten.schrijf_versie(
        traject, "beschikking", beschikking, door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE
    )
    documenten.stel_vast(versie.document, door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE)
    termijn = traject.termijnen.get(sleutel="verlenging-aanvragen")
    assert termijn.startdatum == date(2027, 6, 27)
    assert termijn.einddatum == date(2027, 5, 2)  # counted back: stays on Sunday
    assert any("art. 1 lid 2" in regel for regel in termijn.uitleg)
    # the beschikking is extended: the open termijn is replaced, the old one lapses
    beschikking["producten"][0]["einddatum"] = "2027-12-31"
    versie = documenten.schrijf_versie(
        traject, "beschikking", beschikking, door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE
    )
    documenten.stel_vast(versie.document, door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE)
    termijnen = traject.termijnen.filter(sleutel="verlenging-aanvragen").order_by("pk")
    assert [(t.einddatum, t.status) for t in termijnen] == [
        (date(2027, 5, 2), TermijnStatus.VERVALLEN),
        (date(2027, 11, 5), TermijnStatus.OPEN),
    ]
