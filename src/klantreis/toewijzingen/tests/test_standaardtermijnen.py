"""The iStandaarden' reaction terms hold on every route (termijnen/standaard.yaml, decision
0014): Achterhoek route 1 lists none of them, yet its traject gets the 302 (OP090), the 305 and
307 measured against the actual start and stop (OP271/OP272), the 5 werkdagen after a 317
(OP346) and the 8 weeks after "in onderzoek" (OP274). A route's own termijn with the same
sleutel wins."""

import datetime as dt

import pytest

from klantreis import istandaarden as ist
from klantreis.routes.models import RouteVersie
from klantreis.simulatie.aanbieder import bouw_307, bouw_317
from klantreis.termijnen.kalender import Kalender
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Verzoek

from .conftest import VANDAAG
from .test_verzoeken import BEGIN, EIND, _in_zorg

pytestmark = pytest.mark.django_db


def _termijnen(traject) -> dict:
    return {t.sleutel: t for t in traject.termijnen.all()}


def _einde(vanaf: dt.date, duur: str) -> dt.date:
    return Kalender().bereken(vanaf, duur).einddatum


def test_route_zonder_eigen_305_termijn_krijgt_de_standaard(
    keten, django_capture_on_commit_callbacks
):
    eigen = {t.sleutel for t in keten.traject.route.termijnen if not t.standaard}
    assert not eigen & {"retour-302", "startbericht-305", "retour-306", "stopbericht-307"}
    t = _in_zorg(keten, django_capture_on_commit_callbacks)  # 301 sent, 305 received
    termijnen = _termijnen(keten.traject)
    start = termijnen["startbericht-305"]
    # counted from the start date the 305 carries (OP271), met by that same 305
    assert (start.duur, start.startdatum) == ("5 werkdagen", BEGIN)
    assert start.einddatum == _einde(BEGIN, "5 werkdagen")
    assert start.voldaan_op == VANDAAG and start.gehaald is True
    # the retour counts from the day the 305 arrived, not from the start of care (OP090)
    retour = termijnen["retour-306"]
    assert (retour.startdatum, retour.voldaan_op) == (VANDAAG, VANDAAG)
    assert retour.einddatum == _einde(VANDAAG, "3 werkdagen")
    # the provider has not sent its 302 yet: open, 3 werkdagen after the 301
    retour_302 = termijnen["retour-302"]
    assert retour_302.voldaan_op is None
    assert retour_302.einddatum == _einde(VANDAAG, "3 werkdagen")

    eind = BEGIN + dt.timedelta(days=30)
    keten.lever(
        bouw_307(
            ist.Standaard.IWMO,
            keten.header("307"),
            keten.persoon,
            [(t.nummer, BEGIN, eind, "19", "1")],
        ),
        django_capture_on_commit_callbacks,
    )
    stop = _termijnen(keten.traject)["stopbericht-307"]
    assert (stop.startdatum, stop.einddatum) == (eind, _einde(eind, "5 werkdagen"))  # OP272
    assert stop.voldaan_op == VANDAAG


def test_route_met_eigen_sleutel_houdt_haar_eigen_termijn():
    heusden = RouteVersie.objects.get(route_id="heusden-stappenplan", versie=1).route
    termijnen = {t.sleutel: t for t in heusden.termijnen}
    # Heusden's own "3 dagen" (stricter than OP090's 3 werkdagen) stays
    assert (termijnen["retour-302"].duur, termijnen["retour-302"].standaard) == ("3 dagen", False)
    assert termijnen["startbericht-305"].standaard is False
    # what Heusden does not define comes from the standard
    assert (termijnen["stopbericht-307"].duur, termijnen["stopbericht-307"].standaard) == (
        "5 werkdagen",
        True,
    )
    assert [t.sleutel for t in heusden.termijnen].count("retour-302") == 1
    # route 2 answers a 315 by its steps (5 → 6), not by the standard's message moments
    route2 = RouteVersie.objects.get(route_id="achterhoek-route-2", versie=1).route
    antwoord = next(t for t in route2.termijnen if t.sleutel == "antwoord-op-315")
    assert antwoord.standaard is False and antwoord.start.stap == "5"


def test_definitief_antwoord_8_weken_na_in_onderzoek(keten, django_capture_on_commit_callbacks):
    t = _in_zorg(keten, django_capture_on_commit_callbacks)
    vow = bouw_317(
        ist.Standaard.IWMO,
        keten.header("317"),
        keten.client.bsn,
        "VOW-1",
        te_wijzigen=[(t.nummer, BEGIN + dt.timedelta(days=60), EIND, 4, "04", "2")],
    )
    keten.lever(vow, django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    antwoord = keten.traject.termijnen.get(sleutel="antwoord-op-317")
    assert antwoord.voldaan_op is None
    assert antwoord.einddatum == _einde(VANDAAG, "5 werkdagen")  # OP346
    assert not keten.traject.termijnen.filter(sleutel="definitief-antwoord-op-315").exists()

    services.zet_in_onderzoek(verzoek)
    antwoord.refresh_from_db()
    assert antwoord.voldaan_op == VANDAAG  # "in onderzoek" answers within the 5 werkdagen
    definitief = keten.traject.termijnen.get(sleutel="definitief-antwoord-op-315")
    # OP274: the final answer within 8 weeks of the request, not met by "in onderzoek"
    assert (definitief.duur, definitief.startdatum) == ("8 weken", verzoek.dagtekening)
    assert definitief.einddatum == _einde(verzoek.dagtekening, "8 weken")
    assert definitief.voldaan_op is None

    services.wijs_verzoek_af(verzoek, reden="2", door=keten.wie["toegang"])
    definitief.refresh_from_db()
    assert definitief.voldaan_op == VANDAAG and definitief.gehaald is True
