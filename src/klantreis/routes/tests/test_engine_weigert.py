"""Every refusal of the engine, each with its Dutch message (issue: wrong role, missing
akkoord, skipping a required step, a closed or suspended traject, a stale copy)."""

import pytest

from klantreis.accounts.models import Rol
from klantreis.routes import engine
from klantreis.routes.models import Traject, TrajectGebeurtenis
from klantreis.tests.factories import AanbiederFactory, ClientFactory, user_met_rol
from klantreis.tests.lopen import actoren, rond_af, schrijf_en_stel_vast

pytestmark = pytest.mark.django_db


@pytest.fixture
def wie(heusden):
    return actoren(heusden)


@pytest.fixture
def traject(heusden, wie):
    return engine.start_traject(
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )


def _weigert(code, functie, *args, **kwargs) -> str:
    aantal = TrajectGebeurtenis.objects.count()
    with pytest.raises(engine.EngineError) as exc:
        functie(*args, **kwargs)
    assert exc.value.code == code, exc.value.melding
    assert TrajectGebeurtenis.objects.count() == aantal  # nothing recorded
    return exc.value.melding


def test_weigert_verkeerde_rol(traject, wie):
    melding = _weigert(
        "verkeerde_rol", engine.advance, traject, door=wie[Rol.BACKOFFICE], rol=Rol.BACKOFFICE
    )
    assert "voorbehouden aan toegang (consulent)" in melding
    assert "u handelt als backoffice" in melding


def test_weigert_rol_die_de_gebruiker_niet_heeft(traject, wie):
    schrijf_en_stel_vast(traject, "iva", wie)
    melding = _weigert(
        "verkeerde_rol", engine.advance, traject, door=wie[Rol.BACKOFFICE], rol=Rol.TOEGANG
    )
    assert "niet voor gemeente Heusden" in melding


def test_weigert_consulent_van_andere_gemeente(traject, doetinchem):
    vreemde = user_met_rol(Rol.TOEGANG, gemeente=doetinchem)
    _weigert("verkeerde_rol", engine.advance, traject, door=vreemde, rol=Rol.TOEGANG)


def test_weigert_andere_aanbieder(traject, wie):
    for _ in range(3):
        rond_af(traject, wie)
    assert traject.huidige_stap == "4"
    concurrent = user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory())
    melding = _weigert("verkeerde_rol", engine.advance, traject, door=concurrent, rol=Rol.AANBIEDER)
    assert traject.aanbieder.naam in melding


def test_weigert_ontbrekend_document(traject, wie):
    melding = _weigert(
        "vereiste_ontbreekt", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    assert "Integrale vraaganalyse (IVA) ontbreekt" in melding


def test_weigert_document_dat_niet_is_vastgesteld(traject, wie):
    from klantreis.demo.voorbeelden import inhoud
    from klantreis.documenten import services

    services.schrijf_versie(traject, "iva", inhoud("iva"), door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    melding = _weigert(
        "vereiste_ontbreekt", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    assert "nog niet vastgesteld" in melding


def test_weigert_ontbrekend_akkoord(doetinchem):
    wie = actoren(doetinchem)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=doetinchem),
        gemeente=doetinchem,
        route_id="achterhoek-route-1",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    for _ in range(4):  # I, 1a, 1b, 2
        rond_af(traject, wie)
    assert traject.huidige_stap == "3"
    melding = _weigert(
        "vereiste_ontbreekt", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG
    )
    assert "Akkoord van cliënt op ondersteuningsplan ontbreekt" in melding


def test_weigert_verplichte_stap_overslaan(traject, wie):
    melding = _weigert(
        "verplichte_stap", engine.skip, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="x"
    )
    assert "Stap 1" in melding and "verplicht" in melding


def test_weigert_onbekende_vertakking(traject, wie):
    schrijf_en_stel_vast(traject, "iva", wie)
    melding = _weigert(
        "geen_overgang", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, naar="7"
    )
    assert "niet naar stap 7" in melding


def test_weigert_gesloten_traject(traject, wie):
    engine.close(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="Cliënt trekt de vraag in")
    melding = _weigert("gesloten", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    assert "afgesloten" in melding
    _weigert("gesloten", engine.suspend, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="x")


def test_weigert_opgeschort_traject_tot_hervatting(traject, wie):
    schrijf_en_stel_vast(traject, "iva", wie)
    engine.suspend(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="Cliënt opgenomen")
    _weigert("opgeschort", engine.advance, traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    engine.resume(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    engine.advance(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    assert traject.huidige_stap == "2"


def test_weigert_verouderde_kopie(traject, wie):
    schrijf_en_stel_vast(traject, "iva", wie)
    kopie = Traject.objects.get(pk=traject.pk)
    engine.advance(traject, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG)
    schrijf_en_stel_vast(kopie, "ipa", wie)
    melding = _weigert(
        "gelijktijdig", engine.suspend, kopie, door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="x"
    )
    assert "intussen gewijzigd" in melding


def test_terugzetten_alleen_naar_doorlopen_stap_en_met_reden(traject, wie):
    rond_af(traject, wie)
    rond_af(traject, wie)
    assert traject.huidige_stap == "3"
    _weigert(
        "geen_overgang",
        engine.return_to,
        traject,
        naar="5",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        reden="x",
    )
    _weigert(
        "reden_ontbreekt",
        engine.return_to,
        traject,
        naar="1",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
        reden=" ",
    )
    engine.return_to(
        traject, naar="1", door=wie[Rol.TOEGANG], rol=Rol.TOEGANG, reden="IVA aanvullen"
    )
    assert traject.huidige_stap == "1"


def test_weigert_route_voor_andere_wet(heusden, wie):
    jeugdige = ClientFactory(gemeente=heusden, wet="jeugdwet")
    melding = _weigert(
        "verkeerde_wet",
        engine.start_traject,
        client=jeugdige,
        gemeente=heusden,
        route_id="heusden-stappenplan",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    assert "Jeugdwet" in melding


def test_weigert_route_van_andere_gemeente(heusden, wie):
    melding = _weigert(
        "geen_route",
        engine.start_traject,
        client=ClientFactory(gemeente=heusden),
        gemeente=heusden,
        route_id="achterhoek-route-1",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    assert "geldt niet voor gemeente Heusden" in melding


def test_acties_zijn_precies_wat_de_engine_toestaat(traject, wie):
    acties = engine.available_actions(traject, wie[Rol.TOEGANG])
    vooruit = [a for a in acties if a.soort == "advance"]
    assert [(a.naar, a.mogelijk) for a in vooruit] == [("2", False)]
    assert "ontbreekt" in vooruit[0].bezwaren[0]
    assert not engine.available_actions(traject, wie[Rol.BACKOFFICE])
    schrijf_en_stel_vast(traject, "iva", wie)
    acties = engine.available_actions(traject, wie[Rol.TOEGANG])
    assert [a.mogelijk for a in acties if a.soort == "advance"] == [True]
