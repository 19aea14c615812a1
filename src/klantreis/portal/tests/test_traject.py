"""The traject page and moving a traject through the engine from it."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.routes.models import TrajectStatus
from klantreis.tests.lopen import rond_af, schrijf_en_stel_vast
from klantreis.toewijzingen.services import beweeg_traject

from .conftest import contract, start, zonder_klassen

pytestmark = pytest.mark.django_db


def _pagina(client, traject):
    response = client.get(reverse("portal:traject", args=[traject.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _actie(client, traject, **data):
    return client.post(reverse("portal:actie", args=[traject.pk]), data, follow=True)


def test_trajectpagina_toont_stappen_termijnen_documenten_en_historie(client, traject, consulent):
    rond_af(traject, traject.wie)  # 1: IVA written, fixed; now at 2
    client.force_login(consulent)
    html = _pagina(client, traject)
    # client and route
    assert "Anna Bakker" in html
    assert traject.client.bsn in html
    assert "Heusden — één stappenplan Wmo (versie 1" in html
    # steps: 1 done, 2 current, 3 coming
    assert 'class="stap stap--gedaan"' in html.split(">1</span>")[0].rsplit("<li", 1)[1]
    huidig = html.split('aria-current="step"')[1].split("</li>")[0]
    assert "Integraal plan van aanpak (IPA)" in huidig
    assert "nog niet bereikt" in html
    # termijnen with the Atw explanation on request
    assert "IVA, IPA en keuze aanbieder" in html
    assert "<details><summary>Hoe is deze datum berekend?</summary>" in html
    termijn = traject.termijnen.get(sleutel="stappen-1-3")
    assert termijn.uitleg[0] in html
    # documents with versions
    assert "Integrale vraaganalyse (IVA)" in html
    assert "Versie 1" in html
    assert "Vastgesteld" in html
    assert "<li>Leefdomein: Activiteiten dagelijks leven</li>" in html  # enum value in words
    # history: who, role, from → to
    assert "Traject gestart" in html
    assert "Stap voltooid" in html
    assert "1 → 2" in html


def test_geblokkeerde_actie_staat_uit_met_de_redenen(client, traject, consulent):
    client.force_login(consulent)
    html = _pagina(client, traject)
    formulier = html.split('actie actie--geblokkeerd"')[1].split("</form>")[0]
    assert "Integrale vraaganalyse (IVA) ontbreekt." in formulier
    assert "disabled" in formulier


def test_consulent_zet_traject_een_stap_verder(client, traject, consulent):
    schrijf_en_stel_vast(traject, "iva", traject.wie)
    client.force_login(consulent)
    assert (
        "actie--geblokkeerd"
        not in _pagina(client, traject).split("Wat u nu kunt doen")[1].split("Opschorten")[0]
    )
    response = _actie(
        client, traject, soort="advance", naar="2", rol="toegang", reden="IVA besproken"
    )
    traject.refresh_from_db()
    assert traject.huidige_stap == "2"
    html = response.content.decode()
    assert "Het traject staat nu op stap 2" in html
    gebeurtenis = traject.gebeurtenissen.last()
    assert (gebeurtenis.van_stap, gebeurtenis.naar_stap) == ("1", "2")
    assert gebeurtenis.door == consulent
    assert gebeurtenis.reden == "IVA besproken"


def test_geweigerde_stap_toont_nederlandse_melding_en_verandert_niets(client, traject, consulent):
    client.force_login(consulent)
    aantal = traject.gebeurtenissen.count()
    response = _actie(client, traject, soort="advance", naar="2", rol="toegang")
    assert response.status_code == 200
    assert (
        "Stap 1 (Integrale vraaganalyse (IVA) — Wat is er aan de hand?) kan nog niet worden "
        "afgerond: Integrale vraaganalyse (IVA) ontbreekt."
    ) in response.content.decode()
    traject.refresh_from_db()
    assert traject.huidige_stap == "1"
    assert traject.gebeurtenissen.count() == aantal


def test_backoffice_mag_de_stap_van_de_toegang_niet_afronden(client, traject):
    schrijf_en_stel_vast(traject, "iva", traject.wie)
    client.force_login(traject.wie[Rol.BACKOFFICE])
    response = _actie(client, traject, soort="advance", naar="2", rol="toegang")
    assert "U heeft de rol toegang (consulent) niet voor gemeente Heusden." in (
        response.content.decode()
    )
    traject.refresh_from_db()
    assert traject.huidige_stap == "1"


def test_verouderde_pagina_verzet_het_traject_niet(client, traject, consulent):
    schrijf_en_stel_vast(traject, "iva", traject.wie)
    client.force_login(consulent)
    response = _actie(
        client, traject, soort="advance", naar="2", rol="toegang", versie=traject.versie + 5
    )
    assert "Iemand anders heeft dit traject intussen gewijzigd" in response.content.decode()
    traject.refresh_from_db()
    assert traject.huidige_stap == "1"


def test_consulent_schort_op_en_hervat(client, traject, consulent):
    client.force_login(consulent)
    response = _actie(client, traject, soort="suspend", rol="toegang", reden="")
    assert "Geef een reden op voor de opschorting." in response.content.decode()
    _actie(client, traject, soort="suspend", rol="toegang", reden="Cliënt opgenomen")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.OPGESCHORT
    html = _pagina(client, traject)
    assert ">Hervatten</button>" in html
    _actie(client, traject, soort="resume", rol="toegang")
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.ACTIEF


def test_consulent_sluit_traject_af(client, traject, consulent):
    client.force_login(consulent)
    response = _actie(
        client, traject, soort="close", rol="toegang", reden="Cliënt trekt zich terug"
    )
    assert "Het traject is afgesloten." in response.content.decode()
    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AFGESLOTEN
    assert "U kunt nu niets aan dit traject veranderen." in _pagina(client, traject)
    response = client.get(reverse("portal:document", args=[traject.pk, "iva"]), follow=True)
    assert "Dit traject is afgesloten; de documenten liggen vast." in response.content.decode()


def test_consulent_zet_traject_terug_naar_eerdere_stap(client, traject, consulent):
    rond_af(traject, traject.wie)
    client.force_login(consulent)
    assert '<option value="1">Stap 1: Integrale vraaganalyse (IVA)' in _pagina(client, traject)
    _actie(client, traject, soort="return_to", naar="1", rol="toegang", reden="IVA onvolledig")
    traject.refresh_from_db()
    assert traject.huidige_stap == "1"


def test_consulent_kiest_aanbieder_met_contract(client, traject, consulent, andere_aanbieder):
    rond_af(traject, traject.wie)
    rond_af(traject, traject.wie)
    assert traject.huidige_stap == "3"
    contract(andere_aanbieder, traject.gemeente)
    client.force_login(consulent)
    html = _pagina(client, traject)
    keuze = html.split("Aanbieder kiezen</h3>")[1].split("</form>")[0]
    assert "Thuishulp Maasland" in keuze
    assert traject.wie.aanbieder.naam not in keuze  # no contract with Heusden
    response = client.post(
        reverse("portal:aanbieder_kiezen", args=[traject.pk]),
        {"aanbieder": andere_aanbieder.pk, "rol": "toegang", "reden": "Keuze cliënt"},
        follow=True,
    )
    assert "Thuishulp Maasland is gekozen als aanbieder." in response.content.decode()
    traject.refresh_from_db()
    assert traject.aanbieder == andere_aanbieder
    response = _actie(client, traject, soort="advance", naar="4", rol="toegang")
    traject.refresh_from_db()
    assert traject.huidige_stap == "4"


def test_lijst_zet_verlopen_termijn_bovenaan_en_filtert(client, heusden, traject, consulent):
    oud = start(
        heusden,
        wie=traject.wie,
        op=timezone.now() - timedelta(days=60),
        voornamen="Kees",
        achternaam="Verlopen",
    )
    client.force_login(consulent)
    html = client.get(reverse("portal:trajecten")).content.decode()
    assert html.index("Kees Verlopen") < html.index("Anna Bakker")
    rij = html.split("Kees Verlopen")[0].rsplit("<tr", 1)[1]
    assert "rij--verlopen" in rij
    html = client.get(reverse("portal:trajecten"), {"verlopen": "on"}).content.decode()
    assert "Kees Verlopen" in html
    assert "Anna Bakker" not in html
    html = client.get(reverse("portal:trajecten"), {"status": "afgesloten"}).content.decode()
    assert "Kees Verlopen" not in html
    assert oud.termijnen.verlopen().exists()


def test_lijst_filtert_op_gemeente_en_route_en_pagineert(
    client, heusden, doetinchem, traject, monkeypatch
):
    from klantreis.accounts.models import Roltoewijzing
    from klantreis.portal import views

    elders = start(doetinchem, "achterhoek-route-1", voornamen="Gerrit", achternaam="Wissink")
    regionaal = traject.wie[Rol.TOEGANG]
    Roltoewijzing.objects.create(user=regionaal, rol=Rol.TOEGANG, gemeente=doetinchem)
    client.force_login(regionaal)
    url = reverse("portal:trajecten")
    html = client.get(url).content.decode()
    assert "Anna Bakker" in html and "Gerrit Wissink" in html
    html = client.get(url, {"gemeente": doetinchem.pk}).content.decode()
    assert "Gerrit Wissink" in html and "Anna Bakker" not in html
    html = client.get(url, {"route": "heusden-stappenplan"}).content.decode()
    assert "Anna Bakker" in html and "Gerrit Wissink" not in html
    assert elders.route_versie.naam in html  # offered as a route choice
    monkeypatch.setattr(views, "PER_PAGINA", 1)
    html = client.get(url, {"status": "actief"}).content.decode()
    assert "Pagina 1 van 2" in html
    assert 'href="?status=actief&amp;pagina=2"' in html


def test_stap_door_het_berichtenverkeer_zonder_persoon_toont_de_pagina(client, traject, consulent):
    """A step a message completes (305 → stap 8) is recorded without a person (``door`` is
    None); the traject page shows "systeem" for it instead of failing (it raised a 500: a
    filter argument ``|default:g.door.username`` is not silenced by Django)."""
    for _ in range(5):  # stap 1 t/m 5 by their users
        rond_af(traject, traject.wie)
    beweeg_traject(traject, "301", door=None, rol=Rol.BACKOFFICE, reden="Toewijzing (301)")
    assert traject.huidige_stap == "7"
    client.force_login(consulent)
    response = client.get(reverse("portal:traject", args=[traject.pk]))
    assert response.status_code == 200
    historie = zonder_klassen(response.content.decode()).split(">Historie</h2>")[1]
    assert "<td>systeem</td>" in historie


def test_historie_markeert_de_escalaties_van_route3(client, doetinchem):
    """Achterhoek route 3: "Passende hulp?" answered no and the case climbs to the RET; the
    history marks each escalation (the route's ``soort: escalatie``), not the ordinary steps."""
    from klantreis.routes import engine
    from klantreis.tests.factories import ClientFactory
    from klantreis.tests.lopen import actoren

    wie = actoren(doetinchem)
    traject = engine.start_traject(
        client=ClientFactory(gemeente=doetinchem, wet="jeugdwet"),
        gemeente=doetinchem,
        route_id="achterhoek-route-3",
        door=wie[Rol.GI],
        rol=Rol.GI,
    )
    for naar in [None, None, None, "5", "A", "B"]:
        rond_af(traject, wie, naar=naar)
    client.force_login(wie[Rol.GI])
    html = zonder_klassen(client.get(reverse("portal:traject", args=[traject.pk])).content.decode())
    historie = html.split('id="kop-historie"')[1]
    rijen = historie.split("<tr>")[2:]  # after the header row
    gemarkeerd = [r.split("<td>")[5].split("</td>")[0] for r in rijen if "escalatie</span>" in r]
    assert gemarkeerd == ["passend → 5", "5 → A", "A → B"]
    assert len(rijen) == 8  # gestart, 1 → 2, 2 → 3, aanbieder gekozen, 3 → passend, and the 3
