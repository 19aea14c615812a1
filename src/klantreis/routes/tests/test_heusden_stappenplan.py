"""Heusden's 10-step plan, walked from first contact to evaluation (seed 000)."""

from datetime import date

import pytest

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.routes.models import GebeurtenisSoort, TrajectStatus
from klantreis.termijnen.models import TermijnStatus
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import actoren, akkoord, rond_af, schrijf_en_stel_vast

pytestmark = pytest.mark.django_db


@pytest.fixture
def traject(heusden):
    wie = actoren(heusden)
    client = ClientFactory(gemeente=heusden, wet="wmo")
    traject = engine.start_traject(
        client=client,
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    traject.wie = wie
    return traject


def test_heusden_stappenplan_van_iva_tot_evaluatie(traject):
    wie = traject.wie
    assert traject.huidige_stap == "1"
    assert traject.eigenaar == wie[Rol.TOEGANG]
    rond_af(traject, wie)  # 1 IVA
    rond_af(traject, wie)  # 2 IPA
    rond_af(traject, wie)  # 3 keuze aanbieder
    assert traject.aanbieder == wie.aanbieder
    rond_af(traject, wie)  # 4 ondersteuningsplan, by the provider
    assert traject.huidige_stap == "5"
    akkoord(traject, "ipa", Rol.CLIENT, wie)  # the client agrees with the IPA "later"
    rond_af(traject, wie)  # 5 akkoord Toegang
    for stap in ["6", "7", "8", "9"]:
        assert traject.huidige_stap == stap
        rond_af(traject, wie)
    assert traject.huidige_stap == "10"
    rond_af(traject, wie)  # evaluatieformulier; the last step closes the traject
    assert traject.status == TrajectStatus.AFGESLOTEN
    bezocht = [
        g.naar_stap
        for g in traject.gebeurtenissen.filter(
            soort__in=[GebeurtenisSoort.GESTART, GebeurtenisSoort.STAP_VOLTOOID]
        )
    ]
    assert bezocht == [str(n) for n in range(1, 11)]
    rollen = list(
        traject.gebeurtenissen.filter(soort=GebeurtenisSoort.STAP_VOLTOOID).values_list(
            "van_stap", "rol"
        )
    )
    assert ("4", Rol.AANBIEDER) in rollen
    assert ("6", Rol.BACKOFFICE) in rollen
    assert ("5", Rol.TOEGANG) in rollen


def test_heusden_termijnen_worden_aangemaakt_en_gehaald(traject):
    wie = traject.wie
    stappen_1_3 = traject.termijnen.get(sleutel="stappen-1-3")
    assert stappen_1_3.startdatum == date.today()
    assert stappen_1_3.status == TermijnStatus.OPEN
    assert stappen_1_3.uitleg  # how the due date was computed
    for _ in range(3):
        rond_af(traject, wie)
    stappen_1_3.refresh_from_db()
    assert stappen_1_3.status == TermijnStatus.GEHAALD
    plan = traject.termijnen.get(sleutel="ondersteuningsplan")
    assert plan.status == TermijnStatus.OPEN
    assert plan.duur == "2 weken"


def test_ipa_akkoord_van_client_is_nodig_voor_stap_5(traject):
    wie = traject.wie
    for _ in range(4):
        rond_af(traject, wie)
    schrijf_en_stel_vast(traject, "ondersteuningsplan", wie, Rol.AANBIEDER)
    akkoord(traject, "ondersteuningsplan", Rol.TOEGANG, wie)
    with pytest.raises(engine.EngineError) as exc:
        engine.advance(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    assert exc.value.code == "vereiste_ontbreekt"
    assert "Akkoord van cliënt op integraal plan van aanpak (IPA) ontbreekt" in exc.value.melding
    assert traject.huidige_stap == "5"
