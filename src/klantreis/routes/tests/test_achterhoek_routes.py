"""The four routes of De Achterhoekse werkwijze (seed 004), walked first step to last."""

import pytest

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.routes.models import GebeurtenisSoort, TrajectStatus
from klantreis.tests.factories import AanbiederFactory, ClientFactory
from klantreis.tests.lopen import actoren, akkoord, rond_af, schrijf_en_stel_vast

pytestmark = pytest.mark.django_db


def _start(gemeente, route_id, rol, *, wet="wmo", aanbieder=None, geboortedatum=None):
    wie = actoren(gemeente, aanbieder)
    extra = {"geboortedatum": geboortedatum} if geboortedatum else {}
    client = ClientFactory(gemeente=gemeente, wet=wet, **extra)
    traject = engine.start_traject(
        client=client,
        gemeente=gemeente,
        route_id=route_id,
        door=wie[rol],
        rol=rol,
        aanbieder=wie.aanbieder if rol == Rol.AANBIEDER else None,
    )
    return traject, wie


def _pad(traject):
    return [g.naar_stap for g in traject.gebeurtenissen.exclude(naar_stap="")]


def test_route1_lokale_toegang_met_7a_8c_8b_en_8a(doetinchem):
    traject, wie = _start(doetinchem, "achterhoek-route-1", Rol.TOEGANG)
    rond_af(traject, wie)  # I
    rond_af(traject, wie)  # 1a: contact with the provider happened
    engine.skip(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="Geen diagnostiek nodig")
    for _ in ["2", "3", "4", "5"]:
        rond_af(traject, wie)
    assert traject.huidige_stap == "6"
    # 6: zorgplan; the client does not agree → 7a (the seed's branch)
    schrijf_en_stel_vast(traject, "zorgplan", wie, Rol.AANBIEDER)
    akkoord(traject, "zorgplan", Rol.CLIENT, wie, ja=False)
    with pytest.raises(engine.EngineError):
        engine.advance(traject, door=wie[Rol.AANBIEDER], rol=Rol.AANBIEDER, naar="7")
    engine.advance(traject, door=wie[Rol.AANBIEDER], rol=Rol.AANBIEDER, naar="7a")
    # 7a: the beschikking is supplemented with the provider's volume (a new version)
    beschikking = traject.documenten.get(soort="beschikking")
    assert beschikking.versies.count() == 1
    rond_af(traject, wie, naar="7")
    assert beschikking.versies.count() == 2
    rond_af(traject, wie)  # 7: 305
    assert traject.huidige_stap == "8"
    rond_af(traject, wie, naar="8c")  # end date changes: a 301 by the back office
    rond_af(traject, wie)  # 8c → 8
    rond_af(traject, wie, naar="8b")  # subsegment changes: 317 by the provider
    rond_af(traject, wie, naar="5")  # approved: a new 301, from step 5 on
    assert traject.huidige_stap == "5"
    for _ in ["5", "6"]:
        rond_af(traject, wie)
    assert traject.huidige_stap == "7"  # the client agreed with the zorgplan this time
    rond_af(traject, wie)
    rond_af(traject, wie, naar="8a")
    rond_af(traject, wie)  # 8a: 307/308, closes
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert _pad(traject) == [
        "I",
        "1a",
        "1b",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7a",
        "7",
        "8",
        "8c",
        "8",
        "8b",
        "5",
        "6",
        "7",
        "8",
        "8a",
    ]
    overgeslagen = traject.gebeurtenissen.get(soort=GebeurtenisSoort.STAP_OVERGESLAGEN)
    assert (overgeslagen.van_stap, overgeslagen.reden) == ("1b", "Geen diagnostiek nodig")


def test_route1_jeugdwet_krijgt_awb_termijn_en_wmo_de_wmo_termijnen(doetinchem):
    jeugd, _ = _start(doetinchem, "achterhoek-route-1", Rol.TOEGANG, wet="jeugdwet")
    wmo, _ = _start(doetinchem, "achterhoek-route-1", Rol.TOEGANG, wet="wmo")
    assert set(wmo.termijnen.values_list("sleutel", flat=True)) == {"wmo-onderzoek"}
    assert not jeugd.termijnen.exists()


def test_route1_oude_ijsselstreek_variant_maakt_1a_verplicht(oude_ijsselstreek):
    traject, wie = _start(oude_ijsselstreek, "achterhoek-route-1", Rol.TOEGANG)
    assert traject.route_versie.route_id == "achterhoek-route-1-oude-ijsselstreek"
    rond_af(traject, wie)  # I
    with pytest.raises(engine.EngineError) as exc:
        engine.skip(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="niet nodig")
    assert exc.value.code == "verplichte_stap"
    assert "verplicht" in exc.value.melding


def test_route2_medisch_verwijzer_tot_beeindiging(doetinchem):
    traject, wie = _start(
        doetinchem,
        "achterhoek-route-2",
        Rol.AANBIEDER,
        wet="jeugdwet",
        aanbieder=AanbiederFactory(),
    )
    for stap in ["I", "2", "3", "4", "5", "6", "7"]:
        assert traject.huidige_stap == stap
        rond_af(traject, wie)
    antwoord = traject.termijnen.get(sleutel="antwoord-op-315")
    assert antwoord.voldaan_op is not None
    rond_af(traject, wie, naar="8b")
    rond_af(traject, wie, naar="8")  # the change was refused (319)
    rond_af(traject, wie, naar="8a")
    rond_af(traject, wie)
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert _pad(traject)[-4:] == ["8", "8b", "8", "8a"]


def test_route3_escalatie_netwerk_ret_regio_bestuurlijk(doetinchem):
    traject, wie = _start(doetinchem, "achterhoek-route-3", Rol.GI, wet="jeugdwet")
    rond_af(traject, wie)  # 1 afstemming
    rond_af(traject, wie)  # 2 bepaling + aanmeldformulier
    rond_af(traject, wie)  # 3 (the GI names the provider)
    assert traject.huidige_stap == "passend"
    rond_af(traject, wie, naar="5")  # no timely fitting help
    rond_af(traject, wie, naar="A")
    rond_af(traject, wie, naar="B")  # network: unclear what fits → RET
    assert traject.termijnen.get(sleutel="ret-bespreking").voldaan_op is None
    rond_af(traject, wie, naar="C")
    rond_af(traject, wie, naar="bestuurlijk")
    rond_af(traject, wie, naar="4")  # bestuurlijk besluit: a provider delivers
    assert traject.termijnen.get(sleutel="ret-bespreking").voldaan_op is not None
    rond_af(traject, wie)  # 4: 315
    for stap in ["6", "7"]:
        assert traject.huidige_stap == stap
        rond_af(traject, wie)
    rond_af(traject, wie, naar="8a")
    rond_af(traject, wie)
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert _pad(traject) == [
        "1",
        "2",
        "3",
        "passend",
        "5",
        "A",
        "B",
        "C",
        "bestuurlijk",
        "4",
        "6",
        "7",
        "8",
        "8a",
    ]
    rollen = dict(
        traject.gebeurtenissen.filter(soort=GebeurtenisSoort.STAP_VOLTOOID).values_list(
            "van_stap", "rol"
        )
    )
    assert rollen["B"] == Rol.RET and rollen["C"] == Rol.REGIO and rollen["1"] == Rol.GI


def test_route3_8b_herhaalt_de_stappen_vanaf_2(doetinchem):
    traject, wie = _start(doetinchem, "achterhoek-route-3", Rol.GI, wet="jeugdwet")
    for naar in [None, None, None, "4", None, None, None]:
        rond_af(traject, wie, naar=naar)
    assert traject.huidige_stap == "8"
    rond_af(traject, wie, naar="8b")
    rond_af(traject, wie)  # 8b → 2: "processtappen vanaf 2 verkort herhaald"
    assert traject.huidige_stap == "2"
    terug = traject.gebeurtenissen.filter(soort=GebeurtenisSoort.TERUGGEZET).get()
    assert (terug.van_stap, terug.naar_stap, terug.overgang_soort) == ("8b", "2", "terug")
    # the adjusted bepaling: a new version of the fixed document
    rond_af(traject, wie)
    assert traject.documenten.get(soort="bepaling_jeugdhulp").versies.count() == 2
    assert traject.huidige_stap == "3"


def test_route4_wmo_wonen_met_wachtlijst(doetinchem):
    traject, wie = _start(doetinchem, "achterhoek-route-4", Rol.TOEGANG)
    rond_af(traject, wie)  # 1
    engine.skip(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="niet nodig")
    engine.skip(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="niet nodig")
    for stap in ["2", "3", "4"]:
        assert traject.huidige_stap == stap
        rond_af(traject, wie)
    assert traject.huidige_stap == "5"  # wachtlijst
    rond_af(traject, wie)
    assert traject.huidige_stap == "6"
    with pytest.raises(engine.EngineError) as exc:
        engine.advance(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    assert "geen aanbieder" in exc.value.melding
    for stap in ["6", "7", "8", "9"]:
        assert traject.huidige_stap == stap
        rond_af(traject, wie)
    rond_af(traject, wie, naar="10a")
    rond_af(traject, wie)
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert _pad(traject)[-6:] == ["6", "7", "8", "9", "10", "10a"]
