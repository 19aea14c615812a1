"""The Achterhoek routes (seed 004, ``routes/definities/achterhoek-route-*.yaml``) walked
through the portal in a real browser by the roles each route names, as the Heusden stappenplan
is in ``test_heusden_stappenplan_browser.py``:

* route 3 (jeugdbescherming): the jeugdbeschermer (GI) coordinates, writes the bepaling
  jeugdhulp and the aanmeldformulier and names the provider; the provider answers "Passende
  hulp?" with no, and the case climbs the escalation path in the browser — netwerk van
  aanbieders (A), the Regionale Expertisetafel (B), the regionale contactpersoon (C) and the
  bestuurlijke escalatie — until a provider delivers; its 315 comes from its own software, the
  back office grants it on the verzoek page (301), the 305 and the 307 follow;
* route 3 again, with the network finding another provider (stap A): the first provider hands
  the case over on the traject page, the new one reads the GI's documents and its 315
  continues the same traject;
* route 2 (medisch verwijzer): the provider's 315 after a huisarts's referral opens the
  traject; the back office grants it until the youth's 18th birthday; 305 and 307 follow;
* route 4 (Wmo Wonen): the consulent of the centrumgemeente writes the ondersteuningsplan and
  the beschikking with Advies Wonen; the client waits on the waiting list (its termijn runs
  on the traject page) until the back office takes them off it, the client names the
  provider, the 301 ends the waiting time, and the provider's zorgplan, 305 and 307 follow.

After each action the test reads what the traject page shows: the current step, the history
(Historie, where an escalation is marked) and the termijnen. Every step is photographed and
axe-core checks each kind of page (no serious or critical violation)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from klantreis.accounts.models import Rol
from klantreis.berichten.transports import maak_transport
from klantreis.istandaarden import Standaard
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.routes.models import GebeurtenisSoort, Traject, TrajectStatus
from klantreis.simulatie.aanbieder import Aanvraag, Persoon, SimAanbieder
from klantreis.termijnen.kalender import Kalender
from klantreis.tests.factories import AanbiederFactory, ClientFactory, user_met_rol
from klantreis.toewijzingen.models import Toewijzing
from klantreis.toewijzingen.services import achttiende_verjaardag

from .conftest import (
    akkoord_geven,
    document_opslaan,
    huidige_stap,
    inloggen,
    melding,
    uitloggen,
    uitwisselen,
    verder,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def _keten(gemeente, settings, tmp_path, *, wet, product, aanbieder, client):
    """A contracted provider with its staff, the gemeente's people in every role a route of
    the Achterhoek names, and the directory transport between the gemeente and the provider's
    own software."""
    segment_code, segment_naam, categorie, code, naam, eenheid = product
    segment = Segment.objects.create(code=segment_code, naam=segment_naam, wet=wet)
    product = Product.objects.create(
        wet=wet, segment=segment, categorie=categorie, code=code, naam=naam, eenheid=eenheid
    )
    aanbieder = AanbiederFactory(**aanbieder)
    Contract.objects.create(
        aanbieder=aanbieder,
        gemeente=gemeente,
        product=product,
        tarief=9875,
        ingangsdatum=dt.date(2022, 1, 1),
    )
    werkmap = tmp_path / "berichten"
    settings.KLANTREIS_TRANSPORT = {
        "plugin": "directory",
        "opties": {"map": str(werkmap)},
        "eigenaren": [gemeente.code],
    }
    gi = AanbiederFactory(agb_code="41000123", naam="Jeugdbescherming Gelderland", is_gi=True)
    return {
        "gemeente": gemeente,
        "aanbieder": aanbieder,
        "product": product,
        "client": ClientFactory(gemeente=gemeente, wet=wet, **client),
        "sim": SimAanbieder(
            agb=aanbieder.agb_code,
            transport=maak_transport("directory", {"map": werkmap, "partij": aanbieder.agb_code}),
        ),
        "consulent": user_met_rol(
            Rol.TOEGANG, gemeente=gemeente, first_name="Carla", last_name="Consulent"
        ),
        "backoffice": user_met_rol(
            Rol.BACKOFFICE, gemeente=gemeente, first_name="Bert", last_name="Backoffice"
        ),
        "zorg": user_met_rol(
            Rol.AANBIEDER, aanbieder=aanbieder, first_name="Zeynep", last_name="Zorg"
        ),
        "gi": user_met_rol(
            Rol.GI, gemeente=gemeente, aanbieder=gi, first_name="Gerda", last_name="Jeugdbeschermer"
        ),
        "ret": user_met_rol(
            Rol.RET, gemeente=gemeente, first_name="Rik", last_name="Expertisetafel"
        ),
        "regio": user_met_rol(
            Rol.REGIO, gemeente=gemeente, first_name="Renske", last_name="Regiocontact"
        ),
    }


@pytest.fixture
def route3_keten(doetinchem, settings, tmp_path):
    return _keten(
        doetinchem,
        settings,
        tmp_path,
        wet="jeugdwet",
        product=("JW-AMB-GEZ", "Gezinsbehandeling", "45", "45A03", "Gezinsbehandeling", "04"),
        aanbieder={"agb_code": "41000099", "naam": "Gezinsbehandeling IJsselkracht"},
        client={
            "voornamen": "Daan",
            "voorletters": "D",
            "achternaam": "Wolters",
            "geboortedatum": dt.date(2013, 9, 2),
            "geslacht": "1",
            "straat": "Grutbroek",
            "huisnummer": "12",
            "postcode": "7001AB",
            "woonplaats": "Doetinchem",
        },
    )


@pytest.fixture
def route4_keten(doetinchem, settings, tmp_path):
    return _keten(
        doetinchem,
        settings,
        tmp_path,
        wet="wmo",
        product=(
            "WMO-BW-INT",
            "Beschermd wonen intramuraal",
            "15",
            "15A01",
            "Beschermd wonen",
            "14",
        ),
        aanbieder={"agb_code": "41000066", "naam": "Woonzorg Slingeland"},
        client={
            "voornamen": "Fenna",
            "voorletters": "F",
            "achternaam": "Hendriks",
            "geboortedatum": dt.date(1994, 2, 17),
            "geslacht": "2",
            "straat": "Raadhuisstraat",
            "huisnummer": "4",
            "postcode": "7001EW",
            "woonplaats": "Doetinchem",
        },
    )


@pytest.fixture
def route2_keten(doetinchem, settings, tmp_path):
    zeventien = timezone.localdate().replace(day=1) - dt.timedelta(days=17 * 365 + 20)
    return _keten(
        doetinchem,
        settings,
        tmp_path,
        wet="jeugdwet",
        product=(
            "JW-AMB-IND",
            "Individuele begeleiding jeugd",
            "45",
            "45A11",
            "Individuele begeleiding jeugd",
            "04",
        ),
        aanbieder={"agb_code": "41000088", "naam": "Jeugdhulp Achterhoek"},
        client={
            "voornamen": "Lotte",
            "voorletters": "L",
            "achternaam": "Jansen",
            "geboortedatum": zeventien,
            "geslacht": "2",
            "straat": "Hamburgerbroek",
            "huisnummer": "30",
            "postcode": "7006AB",
            "woonplaats": "Doetinchem",
        },
    )


# --- reading the traject page -----------------------------------------------------------------


def _historie_laatste(
    page, *, van: str, naar: str, wie: str, reden: str = "", escalatie: bool = False
) -> None:
    """The last row of the Historie table: the step moved from ``van`` to ``naar``, by ``wie``
    (name or role), with the transition's label as reason, marked when it was an escalation."""
    rij = page.get_by_role("region", name="Historie").get_by_role("row").last
    expect(rij).to_contain_text(f"{van} → {naar}")
    expect(rij).to_contain_text(wie)
    if reden:
        expect(rij).to_contain_text(reden)
    expect(rij.locator(".escalatie")).to_have_count(1 if escalatie else 0)


def _termijn(page, naam: str, status: str) -> None:
    rij = page.get_by_role("region", name="Termijnen").get_by_role(
        "row", name=re.compile(re.escape(naam))
    )
    expect(rij).to_contain_text(status)


def _geen_actie(page, label: str) -> None:
    expect(page.get_by_role("button", name=label, exact=True)).to_have_count(0)


def _in_werkvoorraad(page, client: str, stap: str):
    """The work queue lists the traject at this step for the logged-in user; returns the link."""
    te_doen = page.get_by_role("region", name="Te doen")
    expect(te_doen).to_contain_text(client)
    return te_doen.get_by_role("link", name=re.compile(rf"^Stap {re.escape(stap)}:"))


def _verzoek_om_toewijzing(sim, gemeente, client, *, referentie, code, dagen, volume, verwijzer):
    """The provider's software sends a 315 for one iJw product (categorie 45, hours per week)
    from ``dagen[0]`` to ``dagen[1]`` days from today, after a referral ``(type, naam)``."""
    vandaag = timezone.localdate()
    persoon = Persoon(
        bsn=client.bsn,
        geboortedatum=client.geboortedatum,
        geslacht=client.geslacht,
        achternaam=client.achternaam,
        voorletters=client.voorletters,
    )
    aanvraag = Aanvraag(
        referentie=referentie,
        categorie="45",
        code=code,
        ingangsdatum=vandaag + dt.timedelta(days=dagen[0]),
        einddatum=vandaag + dt.timedelta(days=dagen[1]),
        volume=volume,
        eenheid="04",
        frequentie="2",
        verwijzer=verwijzer[0],
        verwijzer_naam=verwijzer[1],
    )
    sim.verzoek_om_toewijzing(gemeente.code, Standaard.IJW, persoon, [aanvraag])


# --- route 3: via de gecertificeerde instelling, with the whole escalation path ----------------


def test_achterhoek_route3_escalatie_tot_bestuurlijk_in_de_browser(
    pagina, artefacten, route3_keten
):
    k = route3_keten
    page = pagina
    client = k["client"]

    # --- GI: start the traject for the youth, stap 1 (afstemming) --------------------------
    inloggen(page, k["gi"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    artefacten.foto(page, "gi werkvoorraad leeg")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (gi)")
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Nieuw traject"
    ).click()
    page.get_by_label("Route").select_option("achterhoek-route-3")
    page.get_by_label("BSN").fill(client.bsn)
    page.get_by_label("Aanleiding").fill("Ondertoezichtstelling; gezinsbehandeling nodig.")
    artefacten.geen_ernstige_schendingen(page, "nieuw traject (gi)")
    page.get_by_role("button", name="Traject starten").click()
    melding(page, "Traject gestart voor Daan Wolters")
    traject = Traject.objects.get(client=client)
    traject_url = page.url
    huidige_stap(page, "1", "Jeugdbeschermer zoekt afstemming met gemeente en zorgaanbieder")
    _historie_laatste(page, van="—", naar="1", wie="Gerda Jeugdbeschermer")
    _termijn(page, "Afstemming GI met Lokale Toegang en zorgaanbieder", "Open")
    artefacten.foto(page, "gi traject gestart stap 1")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (gi, stap 1)")

    verder(page, "2")
    huidige_stap(page, "2", "Jeugdbeschermer stelt de bepaling jeugdhulp vast")
    _termijn(page, "Afstemming GI met Lokale Toegang en zorgaanbieder", "Gehaald")
    _termijn(page, "Bepaling jeugdhulp en aanmeldformulier verstuurd", "Open")
    _historie_laatste(page, van="1", naar="2", wie="Gerda Jeugdbeschermer")

    # --- stap 2: the bepaling jeugdhulp and the aanmeldformulier ---------------------------
    expect(page.get_by_role("button", name=re.compile("^Naar stap 3"))).to_be_disabled()
    expect(page.locator(".blok--acties")).to_contain_text("Bepaling jeugdhulp ontbreekt.")
    page.get_by_role("link", name="Bepaling jeugdhulp schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bepaling jeugdhulp")
    page.locator("#id_duur").fill("12 maanden")
    page.locator("#id_zorgvorm_subsegment").fill("Gezinsbehandeling (JW-AMB-GEZ)")
    artefacten.geen_ernstige_schendingen(page, "documentformulier bepaling jeugdhulp")
    document_opslaan(page)
    melding(page, "Bepaling jeugdhulp: versie 1 opgeslagen en vastgesteld.")
    page.get_by_role("link", name="Eenduidig aanmeldformulier schrijven").click()
    page.locator("#id_hulpvraag").fill("Gezinsbehandeling, veiligheid van de jeugdige voorop.")
    page.locator("#id_urgentie").fill("Hoog: binnen vier weken starten")
    artefacten.geen_ernstige_schendingen(page, "documentformulier aanmeldformulier")
    document_opslaan(page)
    melding(page, "Eenduidig aanmeldformulier: versie 1 opgeslagen en vastgesteld.")
    artefacten.foto(page, "gi bepaling en aanmeldformulier")
    verder(page, "3")
    huidige_stap(page, "3", "Bepaling en aanmeldformulier naar zorgaanbieder en gemeente")

    # --- stap 3: the GI names the provider and sends bepaling and form ----------------------
    expect(page.locator(".blok--acties")).to_contain_text("Er is nog geen aanbieder gekozen.")
    keuze = page.locator("form", has=page.get_by_role("heading", name="Aanbieder kiezen"))
    keuze.get_by_label("Aanbieder", exact=True).select_option(value=str(k["aanbieder"].pk))
    keuze.get_by_role("button", name="Aanbieder vastleggen").click()
    melding(page, "Gezinsbehandeling IJsselkracht is gekozen als aanbieder.")
    artefacten.foto(page, "gi aanbieder gekozen stap 3")
    verder(page, "passend")
    huidige_stap(page, "passend", "Passende hulp?")
    _termijn(page, "Bepaling jeugdhulp en aanmeldformulier verstuurd", "Gehaald")
    # the GI cannot answer for the provider
    _geen_actie(page, "Nee, niet tijdig passende hulp — escalatieroute")
    uitloggen(page)

    # --- Aanbieder: "Passende hulp?" — no: the escalation route ----------------------------
    inloggen(page, k["zorg"])
    _in_werkvoorraad(page, "Daan Wolters", "passend").click()
    huidige_stap(page, "passend", "Passende hulp?")
    # the provider sees the bepaling and the form it was sent (stap 3)
    documenten = page.get_by_role("region", name="Documenten")
    expect(documenten.get_by_role("heading", name=re.compile("Bepaling jeugdhulp"))).to_be_visible()
    expect(
        page.get_by_role("button", name="Ja, de aanbieder kan tijdig passende hulp leveren")
    ).to_be_enabled()
    artefacten.foto(page, "aanbieder passende hulp")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (aanbieder, passende hulp?)")
    verder(page, "5", "Nee, niet tijdig passende hulp — escalatieroute")
    huidige_stap(page, "5", "Zorgaanbieder kan niet tijdig de gewenste hulp leveren")
    _historie_laatste(
        page,
        van="passend",
        naar="5",
        wie="Zeynep Zorg",
        reden="Nee, niet tijdig passende hulp",
        escalatie=True,
    )
    artefacten.foto(page, "aanbieder escalatie stap 5")
    uitloggen(page)

    # --- GI: stap 5 → A, the network of providers -------------------------------------------
    inloggen(page, k["gi"])
    _in_werkvoorraad(page, "Daan Wolters", "5").click()
    huidige_stap(page, "5", "Zorgaanbieder kan niet tijdig de gewenste hulp leveren")
    verder(page, "A", "Netwerk van zorgaanbieders inschakelen")
    huidige_stap(page, "A", "Netwerk van zorgaanbieders")
    _historie_laatste(page, van="5", naar="A", wie="Gerda Jeugdbeschermer", escalatie=True)
    artefacten.foto(page, "gi netwerk ingeschakeld stap A")
    uitloggen(page)

    # --- Aanbieder: in the network it is unclear what fits → RET ---------------------------
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "A", "Netwerk van zorgaanbieders")
    verder(page, "B", "Niet duidelijk welke hulp passend is — RET inschakelen")
    huidige_stap(page, "B", "Regionale Expertisetafel (RET)")
    _termijn(page, "RET bespreekt de casus", "Open")
    _historie_laatste(page, van="A", naar="B", wie="Zeynep Zorg", escalatie=True)
    ret_termijn = traject.termijnen.get(sleutel="ret-bespreking")
    # two weeks on the Atw calendar: from a Saturday, or to a holiday, it ends later
    assert ret_termijn.startdatum == timezone.localdate()
    assert ret_termijn.einddatum == Kalender().bereken(timezone.localdate(), "2 weken").einddatum
    artefacten.foto(page, "aanbieder ret ingeschakeld stap B")
    uitloggen(page)

    # --- RET: no prospect of fitting help → the regional contact person ---------------------
    inloggen(page, k["ret"])
    expect(page.locator(".kop__naam")).to_have_text("Rik Expertisetafel")
    link = _in_werkvoorraad(page, "Daan Wolters", "B")
    artefacten.foto(page, "ret werkvoorraad")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (ret)")
    link.click()
    huidige_stap(page, "B", "Regionale Expertisetafel (RET)")
    expect(page.locator(".gegevens")).to_contain_text("Regionale expertisetafel")  # acts as
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (ret, stap B)")
    # the RET may only take its own transitions, not the provider's or the GI's
    expect(
        page.get_by_role("button", name="Maatwerkoplossing met een aanbieder gevonden")
    ).to_be_enabled()
    verder(
        page,
        "C",
        "Geen zicht op passende hulp — opschalen naar de regionale contactpersoon",
    )
    huidige_stap(page, "C", "Opschalen naar de regionale contactpersoon")
    _termijn(page, "RET bespreekt de casus", "Gehaald")
    _historie_laatste(page, van="B", naar="C", wie="Rik Expertisetafel", escalatie=True)
    artefacten.foto(page, "ret opgeschaald stap C")
    uitloggen(page)

    # --- Regio: C → bestuurlijke escalatie → a provider delivers ------------------------------
    inloggen(page, k["regio"])
    _in_werkvoorraad(page, "Daan Wolters", "C").click()
    huidige_stap(page, "C", "Opschalen naar de regionale contactpersoon")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (regio, stap C)")
    verder(page, "bestuurlijk", "Geen oplossing — bestuurlijke escalatie")
    huidige_stap(page, "bestuurlijk", "Bestuurlijke escalatie")
    _historie_laatste(page, van="C", naar="bestuurlijk", wie="Renske Regiocontact", escalatie=True)
    artefacten.foto(page, "regio bestuurlijke escalatie")
    verder(page, "4", "Bestuurlijk besluit; een aanbieder levert")
    huidige_stap(page, "4", "Zorgaanbieder verstuurt het verzoek om toewijzing (315)")
    _historie_laatste(page, van="bestuurlijk", naar="4", wie="Renske Regiocontact")
    artefacten.foto(page, "regio besluit stap 4")
    uitloggen(page)

    # --- Aanbieder: its own software sends the 315 (stap 4) ---------------------------------
    _verzoek_om_toewijzing(
        k["sim"], k["gemeente"], client, referentie="IJK-2026-017", code="45A03",
        dagen=(7, 365), volume=4, verwijzer=("04", "Jeugdbescherming Gelderland"),
    )  # fmt: skip
    uitwisselen(k["sim"])
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "6", "Gemeente stuurt de toewijzing (301) naar de zorgaanbieder")
    _termijn(page, "Toewijzing (301) na het verzoek om toewijzing", "Open")
    _historie_laatste(page, van="4", naar="6", wie="systeem", reden="Verzoek om toewijzing (315)")
    assert Traject.objects.filter(client=client).count() == 1  # no second traject for the 315
    artefacten.foto(page, "aanbieder 315 verwerkt stap 6")
    uitloggen(page)

    # --- Backoffice: grants the 315 on the verzoek page (301) --------------------------------
    inloggen(page, k["backoffice"])
    te_doen = page.get_by_role("region", name="Te doen")
    expect(te_doen).to_contain_text("Daan Wolters")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (backoffice)")
    te_doen.get_by_role("link", name="Verzoek om toewijzing (315) (ontvangen)").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Verzoek om toewijzing (315)")
    page.get_by_label("Product", exact=True).select_option(str(k["product"].pk))
    artefacten.foto(page, "backoffice verzoek 315")
    artefacten.geen_ernstige_schendingen(page, "verzoek (backoffice, route 3)")
    page.get_by_role("button", name="Verzoek toewijzen").click()
    melding(page, "Het verzoek is toegewezen: toewijzing")
    page.goto(traject_url)
    huidige_stap(page, "7", "Zorgaanbieder start de ondersteuning (305)")
    _termijn(page, "Toewijzing (301) na het verzoek om toewijzing", "Gehaald")
    _termijn(page, "Definitieve toewijzing of afwijzing", "Gehaald")
    _historie_laatste(
        page, van="6", naar="7", wie="Bert Backoffice", reden="Toewijzing verstuurd (301)"
    )
    artefacten.foto(page, "backoffice toegewezen stap 7")
    uitloggen(page)

    # --- Aanbieder: 305 from its software; stap 8 evaluations; 8a with the 307 ---------------
    uitwisselen(k["sim"])  # the provider reads the 301 and answers with a 302
    toewijzing = Toewijzing.objects.get(client=client)
    k["sim"].start(k["gemeente"].code, toewijzing.nummer, toewijzing.ingangsdatum)
    uitwisselen(k["sim"])
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "8", "Evaluatiemomenten")
    _historie_laatste(page, van="7", naar="8", wie="systeem", reden="Startbericht (305)")
    artefacten.foto(page, "aanbieder zorg gestart stap 8")
    k["sim"].stop(
        k["gemeente"].code,
        toewijzing.nummer,
        toewijzing.ingangsdatum,
        toewijzing.einddatum,
        "31",  # iJw: levering volgens plan beëindigd
    )
    uitwisselen(k["sim"])
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgesloten")
    _historie_laatste(page, van="8a", naar="—", wie="systeem")
    artefacten.foto(page, "aanbieder traject afgesloten")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (afgesloten, route 3)")

    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AFGESLOTEN
    pad = list(traject.gebeurtenissen.exclude(naar_stap="").values_list("naar_stap", flat=True))
    assert pad == [
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
    escalaties = traject.gebeurtenissen.filter(overgang_soort="escalatie")
    assert sorted(escalaties.values_list("naar_stap", flat=True)) == [
        "5",
        "A",
        "B",
        "C",
        "bestuurlijk",
    ]
    rollen = dict(
        traject.gebeurtenissen.filter(soort=GebeurtenisSoort.STAP_VOLTOOID).values_list(
            "van_stap", "rol"
        )
    )
    assert (rollen["passend"], rollen["5"], rollen["A"], rollen["B"], rollen["C"]) == (
        Rol.AANBIEDER,
        Rol.GI,
        Rol.AANBIEDER,
        Rol.RET,
        Rol.REGIO,
    )


def _gi_start_en_stuurt_door(page, k) -> str:
    """The GI's part of route 3 up to "Passende hulp?" (stap 1–3) in the browser, without the
    checks the escalation walk makes on each of them; returns the traject page's address."""
    inloggen(page, k["gi"])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Nieuw traject"
    ).click()
    page.get_by_label("Route").select_option("achterhoek-route-3")
    page.get_by_label("BSN").fill(k["client"].bsn)
    page.get_by_role("button", name="Traject starten").click()
    url = page.url
    verder(page, "2")
    page.get_by_role("link", name="Bepaling jeugdhulp schrijven").click()
    page.locator("#id_duur").fill("6 maanden")
    page.locator("#id_zorgvorm_subsegment").fill("Gezinsbehandeling (JW-AMB-GEZ)")
    document_opslaan(page)
    page.get_by_role("link", name="Eenduidig aanmeldformulier schrijven").click()
    page.locator("#id_hulpvraag").fill("Gezinsbehandeling na uithuisplaatsing.")
    document_opslaan(page)
    verder(page, "3")
    keuze = page.locator("form", has=page.get_by_role("heading", name="Aanbieder kiezen"))
    keuze.get_by_label("Aanbieder", exact=True).select_option(value=str(k["aanbieder"].pk))
    keuze.get_by_role("button", name="Aanbieder vastleggen").click()
    verder(page, "passend")
    uitloggen(page)
    return url


def test_achterhoek_route3_netwerk_vindt_een_andere_aanbieder_in_de_browser(
    pagina, artefacten, route3_keten, settings, tmp_path
):
    """Stap A: the network finds another provider. The first provider hands the case over on
    the traject page; the new provider reads the bepaling and the aanmeldformulier that came
    with it, and its own software sends the 315, which continues this traject."""
    k = route3_keten
    page = pagina
    client = k["client"]
    nieuw = AanbiederFactory(agb_code="41000101", naam="Kindzorg Graafschap")
    Contract.objects.create(
        aanbieder=nieuw,
        gemeente=k["gemeente"],
        product=k["product"],
        tarief=9875,
        ingangsdatum=dt.date(2022, 1, 1),
    )
    nieuw_zorg = user_met_rol(
        Rol.AANBIEDER, aanbieder=nieuw, first_name="Noor", last_name="Kindzorg"
    )
    nieuw_sim = SimAanbieder(
        agb=nieuw.agb_code,
        transport=maak_transport(
            "directory", {"map": tmp_path / "berichten", "partij": nieuw.agb_code}
        ),
    )
    traject_url = _gi_start_en_stuurt_door(page, k)

    # --- the first provider: no timely help → the GI engages the network ---------------------
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    # at "Passende hulp?" the provider answers; it cannot pass the case on yet
    expect(page.get_by_role("heading", name="Aanbieder kiezen")).to_have_count(0)
    verder(page, "5", "Nee, niet tijdig passende hulp — escalatieroute")
    uitloggen(page)
    inloggen(page, k["gi"])
    page.goto(traject_url)
    verder(page, "A", "Netwerk van zorgaanbieders inschakelen")
    uitloggen(page)

    # --- the first provider finds Kindzorg Graafschap in the network and hands over -----------
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "A", "Netwerk van zorgaanbieders")
    keuze = page.locator("form", has=page.get_by_role("heading", name="Aanbieder kiezen"))
    expect(keuze.get_by_role("table")).to_contain_text("Kindzorg Graafschap")
    artefacten.foto(page, "aanbieder netwerk stap A")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (aanbieder, netwerk stap A)")
    keuze.get_by_label("Aanbieder", exact=True).select_option(value=str(nieuw.pk))
    keuze.get_by_label("Toelichting").fill("Kan binnen twee weken starten.")
    keuze.get_by_role("button", name="Aanbieder vastleggen").click()
    melding(page, "Kindzorg Graafschap is gekozen als aanbieder.")
    # the case is no longer the first provider's
    melding(page, "Het traject is overgedragen; u heeft er geen toegang meer toe.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    artefacten.foto(page, "aanbieder na overdracht")
    uitloggen(page)

    # --- the new provider sees the case with the GI's documents; its software sends the 315 --
    inloggen(page, nieuw_zorg)
    _in_werkvoorraad(page, "Daan Wolters", "A").click()
    huidige_stap(page, "A", "Netwerk van zorgaanbieders")
    expect(page.locator(".gegevens")).to_contain_text("Kindzorg Graafschap (AGB 41000101)")
    documenten = page.get_by_role("region", name="Documenten")
    expect(documenten.get_by_role("heading", name=re.compile("Bepaling jeugdhulp"))).to_be_visible()
    expect(
        documenten.get_by_role("heading", name=re.compile("Eenduidig aanmeldformulier"))
    ).to_be_visible()
    _historie_laatste(page, van="A", naar="—", wie="Zeynep Zorg", reden="Kindzorg Graafschap")
    artefacten.foto(page, "nieuwe aanbieder ziet de casus")
    _verzoek_om_toewijzing(
        nieuw_sim, k["gemeente"], client, referentie="KG-2026-003", code="45A03",
        dagen=(14, 180), volume=3, verwijzer=("04", "Jeugdbescherming Gelderland"),
    )  # fmt: skip
    uitwisselen(nieuw_sim)
    page.reload()
    huidige_stap(page, "6", "Gemeente stuurt de toewijzing (301) naar de zorgaanbieder")
    _historie_laatste(page, van="4", naar="6", wie="systeem", reden="Verzoek om toewijzing (315)")
    _termijn(page, "Toewijzing (301) na het verzoek om toewijzing", "Open")
    artefacten.foto(page, "nieuwe aanbieder 315 verwerkt stap 6")
    assert Traject.objects.filter(client=client).count() == 1


# --- route 4: Wmo Wonen, through the waiting list ----------------------------------------------


def test_achterhoek_route4_wmo_wonen_door_de_wachtlijst_in_de_browser(
    pagina, artefacten, route4_keten
):
    k = route4_keten
    page = pagina
    client = k["client"]
    vandaag = timezone.localdate()

    # --- Toegang (centrumgemeente): stap 1, 1a, 1b ---------------------------------------------
    inloggen(page, k["consulent"])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Nieuw traject"
    ).click()
    page.get_by_label("Route").select_option("achterhoek-route-4")
    page.get_by_label("BSN").fill(client.bsn)
    page.get_by_label("Aanleiding").fill(
        "Zelfstandig wonen lukt niet meer; vraagt beschermd wonen."
    )
    page.get_by_role("button", name="Traject starten").click()
    melding(page, "Traject gestart voor Fenna Hendriks")
    traject = Traject.objects.get(client=client)
    traject_url = page.url
    huidige_stap(page, "1", "Toegang centrumgemeente voert gesprekken met de inwoner")
    _termijn(page, "Onderzoek na de melding (Wmo 2015 art. 2.3.2)", "Open")
    artefacten.foto(page, "consulent traject gestart stap 1")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (consulent, route 4 stap 1)")
    verder(page, "1a")
    huidige_stap(page, "1a", "Contact met de zorgaanbieder")
    verder(page, "1b")
    # 1b is optional: skipped with a reason, which the history keeps
    overslaan = page.locator("form", has=page.get_by_role("heading", name="Stap 1b overslaan"))
    overslaan.get_by_label("Reden (verplicht)").fill(
        "Geen diagnostiek nodig; dossier GGZ is compleet."
    )
    overslaan.get_by_role("button", name="Stap 1b overslaan").click()
    melding(page, "Stap overgeslagen; het traject staat nu op stap 2")
    _historie_laatste(page, van="1b", naar="2", wie="Carla Consulent", reden="Geen diagnostiek")
    expect(page.locator(".stap", has_text="Consultatie en diagnostiek")).to_contain_text(
        "overgeslagen"
    )

    # --- stap 2 and 3: the ondersteuningsplan, signed by the client -------------------------
    huidige_stap(page, "2", "Toegang stelt met de inwoner het ondersteuningsplan op")
    page.get_by_role("link", name="Ondersteuningsplan schrijven").click()
    page.locator("#id_resultaatgebieden-0-resultaatgebied").fill("Veilig en begeleid wonen")
    page.locator("#id_resultaatgebieden-0-aard").select_option("ondersteuning")
    page.locator("#id_subsegment").fill("Beschermd wonen intramuraal (WMO-BW-INT)")
    page.locator("#id_duur_advies").fill("24 maanden")
    page.locator("#id_opties_aanbieders").fill("Woonzorg Slingeland\nBeschermd Wonen Gelre")
    artefacten.geen_ernstige_schendingen(page, "documentformulier ondersteuningsplan (route 4)")
    document_opslaan(page)
    melding(page, "Ondersteuningsplan: versie 1 opgeslagen en vastgesteld.")
    verder(page, "3")
    _termijn(page, "Onderzoek na de melding (Wmo 2015 art. 2.3.2)", "Gehaald")
    expect(page.get_by_role("button", name=re.compile("^Naar stap 4"))).to_be_disabled()
    akkoord_geven(page, "Ondersteuningsplan", "Cliënt (vastgelegd namens de cliënt)")
    melding(page, "is akkoord met ondersteuningsplan")
    artefacten.foto(page, "consulent ondersteuningsplan getekend stap 3")
    verder(page, "4")

    # --- stap 4: the beschikking with Advies Wonen; then the waiting list --------------------
    huidige_stap(page, "4", "Beschikking met Advies Wonen")
    _termijn(page, "Beschikking na de aanvraag (Wmo 2015 art. 2.3.5)", "Open")
    page.get_by_role("link", name="Beschikking schrijven").click()
    page.locator("#id_besluit").select_option("toegekend")
    page.locator("#id_producten-0-product").fill("15A01 Beschermd wonen")
    page.locator("#id_producten-0-ingangsdatum").fill(vandaag.isoformat())
    page.locator("#id_advies_wonen").check()
    artefacten.geen_ernstige_schendingen(page, "documentformulier beschikking (route 4)")
    document_opslaan(page)
    melding(page, "Beschikking: versie 1 opgeslagen en vastgesteld.")
    verder(page, "5")
    huidige_stap(page, "5", "Cliënt staat op de wachtlijst")
    _termijn(page, "Beschikking na de aanvraag (Wmo 2015 art. 2.3.5)", "Gehaald")
    _termijn(page, "Wachttijd van wachtlijst tot toewijzing (301)", "Open")
    wachttijd = traject.termijnen.get(sleutel="wachttijd")
    assert (wachttijd.startdatum, wachttijd.voldaan_op) == (vandaag, None)
    # the waiting list is the back office's step: the consulent cannot end it
    _geen_actie(page, "Naar stap 6: Cliënt meldt de gekozen zorgaanbieder bij de Toegang")
    artefacten.foto(page, "consulent client op de wachtlijst stap 5")
    uitloggen(page)

    # --- Backoffice: the waiting list in the work queue; a place: off the list ---------------
    inloggen(page, k["backoffice"])
    link = _in_werkvoorraad(page, "Fenna Hendriks", "5")
    artefacten.foto(page, "backoffice werkvoorraad wachtlijst")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (backoffice, wachtlijst)")
    link.click()
    huidige_stap(page, "5", "Cliënt staat op de wachtlijst")
    expect(page.locator(".blok--acties")).to_contain_text(
        "De wachtlijst eindigt met de toewijzing (301)."
    )
    # no toewijzing yet: the 301 belongs to stap 7
    expect(page.get_by_role("link", name="Toewijzing versturen (301)")).to_have_count(0)
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (backoffice, wachtlijst)")
    verder(page, "6")
    huidige_stap(page, "6", "Cliënt meldt de gekozen zorgaanbieder bij de Toegang")
    _historie_laatste(page, van="5", naar="6", wie="Bert Backoffice")
    # off the list is not the end of the waiting time: that is the toewijzing (301)
    _termijn(page, "Wachttijd van wachtlijst tot toewijzing (301)", "Open")
    artefacten.foto(page, "backoffice van de wachtlijst stap 6")
    uitloggen(page)

    # --- Toegang: stap 6, the client reports the chosen provider ----------------------------
    inloggen(page, k["consulent"])
    _in_werkvoorraad(page, "Fenna Hendriks", "6").click()
    expect(page.locator(".blok--acties")).to_contain_text("Er is nog geen aanbieder gekozen.")
    keuze = page.locator("form", has=page.get_by_role("heading", name="Aanbieder kiezen"))
    expect(keuze.get_by_role("table")).to_contain_text("Woonzorg Slingeland")
    keuze.get_by_label("Aanbieder", exact=True).select_option(value=str(k["aanbieder"].pk))
    keuze.get_by_role("button", name="Aanbieder vastleggen").click()
    melding(page, "Woonzorg Slingeland is gekozen als aanbieder.")
    artefacten.foto(page, "consulent aanbieder gemeld stap 6")
    verder(page, "7")
    huidige_stap(page, "7", "Zorgaanbieder ontvangt de toewijzing (301)")
    uitloggen(page)

    # --- Backoffice: stap 7, the toewijzing (301) ends the waiting time ----------------------
    inloggen(page, k["backoffice"])
    page.goto(traject_url)
    page.get_by_role("link", name="Toewijzing versturen (301)").click()
    expect(page.get_by_label("Aanbieder", exact=True)).to_have_value(str(k["aanbieder"].pk))
    page.get_by_label("Product", exact=True).select_option(str(k["product"].pk))
    page.get_by_label("Ingangsdatum", exact=True).fill(
        (vandaag + dt.timedelta(days=14)).isoformat()
    )
    page.get_by_label("Einddatum", exact=True).fill((vandaag + dt.timedelta(days=730)).isoformat())
    page.get_by_label("Volume (omvang)").fill("7")
    page.get_by_label("Frequentie", exact=True).select_option("2")
    artefacten.geen_ernstige_schendingen(page, "toewijzingsformulier (backoffice, route 4)")
    page.get_by_role("button", name="Toewijzing versturen (301)").click()
    melding(page, "is verstuurd aan Woonzorg Slingeland (301)")
    page.goto(traject_url)
    huidige_stap(page, "8", "Zorgaanbieder maakt met de inwoner een zorgplan")
    _termijn(page, "Wachttijd van wachtlijst tot toewijzing (301)", "Gehaald")
    _historie_laatste(page, van="7", naar="8", wie="Bert Backoffice", reden="Toewijzing verstuurd")
    wachttijd.refresh_from_db()
    assert wachttijd.voldaan_op == vandaag
    artefacten.foto(page, "backoffice toegewezen wachttijd gehaald stap 8")
    uitloggen(page)
    uitwisselen(k["sim"])  # the provider reads the 301 and answers with a 302
    assert [code for code, _ in k["sim"].verzonden] == ["302"]

    # --- Aanbieder: stap 8, the zorgplan; the client does not agree with the hours → 9a ------
    inloggen(page, k["zorg"])
    _in_werkvoorraad(page, "Fenna Hendriks", "8").click()
    huidige_stap(page, "8", "Zorgaanbieder maakt met de inwoner een zorgplan")
    page.get_by_role("link", name="Zorgplan schrijven").click()
    page.locator("#id_omvang").fill("7 etmalen per week, 6 uur begeleiding per week")
    artefacten.geen_ernstige_schendingen(page, "documentformulier zorgplan (route 4)")
    document_opslaan(page)
    melding(page, "Zorgplan: versie 1 opgeslagen en vastgesteld.")
    akkoord_geven(page, "Zorgplan", "Cliënt (vastgelegd namens de cliënt)", ja=False)
    melding(page, "is niet akkoord met zorgplan")
    expect(page.get_by_role("button", name="Inwoner is akkoord met de ureninzet")).to_be_disabled()
    artefacten.foto(page, "aanbieder zorgplan niet akkoord")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (aanbieder, zorgplan niet akkoord)")
    verder(page, "9a", "Inwoner is niet akkoord met de ureninzet")
    huidige_stap(page, "9a", "Inwoner niet akkoord met de ureninzet")
    uitloggen(page)

    # --- Toegang: 9a, the beschikking supplemented with the provider's volume ---------------
    inloggen(page, k["consulent"])
    _in_werkvoorraad(page, "Fenna Hendriks", "9a").click()
    page.get_by_role("link", name="Beschikking schrijven").click()
    page.locator("#id_aanvulling_omvang_aanbieder").fill(
        "7 etmalen per week, 6 uur begeleiding per week (zorgplan Woonzorg Slingeland)"
    )
    document_opslaan(page)
    melding(page, "Beschikking: versie 2 opgeslagen en vastgesteld.")
    verder(page, "9", "Beschikking aangevuld; de aanbieder start")
    huidige_stap(page, "9", "Zorgaanbieder stuurt het startbericht (305)")
    artefacten.foto(page, "consulent beschikking aangevuld stap 9")
    uitloggen(page)

    # --- Aanbieder: 305 (stap 9) and, at the end, 307 (10 → 10a) from its software ----------
    toewijzing = Toewijzing.objects.get(client=client)
    k["sim"].start(k["gemeente"].code, toewijzing.nummer, toewijzing.ingangsdatum)
    uitwisselen(k["sim"])
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "10", "Evaluatiemomenten")
    _historie_laatste(page, van="9", naar="10", wie="systeem", reden="Startbericht (305)")
    expect(page.get_by_role("button", name="Einde zorg (307)")).to_be_enabled()
    artefacten.foto(page, "aanbieder zorg gestart stap 10")
    k["sim"].stop(
        k["gemeente"].code,
        toewijzing.nummer,
        toewijzing.ingangsdatum,
        toewijzing.einddatum,
        "19",  # iWmo: levering volgens plan beëindigd
    )
    uitwisselen(k["sim"])
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgesloten")
    artefacten.foto(page, "aanbieder traject afgesloten")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (afgesloten, route 4)")

    traject.refresh_from_db()
    assert traject.status == TrajectStatus.AFGESLOTEN
    pad = list(traject.gebeurtenissen.exclude(naar_stap="").values_list("naar_stap", flat=True))
    assert pad == ["1", "1a", "1b", "2", "3", "4", "5", "6", "7", "8", "9a", "9", "10", "10a"]


# --- route 2: via de medisch verwijzer -------------------------------------------------------


def test_achterhoek_route2_medisch_verwijzer_in_de_browser(pagina, artefacten, route2_keten):
    """The huisarts refers a youth of 17 to a provider, whose software asks for a toewijzing
    (315): the traject opens at stap 4 and waits at the back office's check (stap 5); the back
    office grants it until the day before the 18th birthday (stap 5: "tot 18 jaar"); the 305
    and the 307 follow."""
    k = route2_keten
    page = pagina
    client = k["client"]
    vandaag = timezone.localdate()
    achttien = achttiende_verjaardag(client.geboortedatum)  # born 29 February: 1 March
    assert client.leeftijd_op(vandaag) == 17

    # --- the provider's software: the 315 after the huisarts's referral ---------------------
    _verzoek_om_toewijzing(
        k["sim"], k["gemeente"], client, referentie="JA-2026-044", code="45A11",
        dagen=(7, 730), volume=2, verwijzer=("02", "Huisartsenpraktijk De Linde"),
    )  # fmt: skip
    uitwisselen(k["sim"])
    traject = Traject.objects.get(client=client)
    assert traject.route_versie.route_id == "achterhoek-route-2"

    # --- Aanbieder: the traject its 315 opened ------------------------------------------------
    inloggen(page, k["zorg"])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Trajecten").click()
    page.get_by_role("link", name="Lotte Jansen").click()
    huidige_stap(page, "5", "Gemeente checkt het verzoek om toewijzing")
    historie = page.get_by_role("region", name="Historie")
    expect(historie).to_contain_text("Geopend door een verzoek om toewijzing (315)")
    _historie_laatste(page, van="4", naar="5", wie="systeem", reden="Verzoek om toewijzing (315)")
    _termijn(page, "Toewijzing of antwoord na het verzoek om toewijzing", "Open")
    traject_url = page.url
    artefacten.foto(page, "aanbieder traject geopend door 315")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (aanbieder, route 2 stap 5)")
    uitloggen(page)

    # --- Backoffice: the check (stap 5) and the toewijzing until the 18th birthday ------------
    inloggen(page, k["backoffice"])
    te_doen = page.get_by_role("region", name="Te doen")
    expect(te_doen).to_contain_text("Stap 5: Gemeente checkt het verzoek om toewijzing")
    artefacten.foto(page, "backoffice werkvoorraad route 2")
    te_doen.get_by_role("link", name="Verzoek om toewijzing (315) (ontvangen)").click()
    expect(page.get_by_role("region", name="Wat de aanbieder vraagt")).to_contain_text("45A11")
    page.get_by_label("Product", exact=True).select_option(str(k["product"].pk))
    artefacten.geen_ernstige_schendingen(page, "verzoek (backoffice, route 2)")
    page.get_by_role("button", name="Verzoek toewijzen").click()
    melding(page, "Het verzoek is toegewezen: toewijzing")
    page.goto(traject_url)
    huidige_stap(page, "7", "Zorgaanbieder start de ondersteuning (305)")
    _termijn(page, "Toewijzing of antwoord na het verzoek om toewijzing", "Gehaald")
    _historie_laatste(page, van="6", naar="7", wie="Bert Backoffice", reden="Toewijzing verstuurd")
    toewijzingen = page.get_by_role("region", name="Toewijzingen")
    tot = achttien - dt.timedelta(days=1)
    expect(toewijzingen).to_contain_text(f"t/m {tot:%d-%m-%Y}")
    artefacten.foto(page, "backoffice toegewezen tot 18 stap 7")
    uitloggen(page)

    # --- Aanbieder: 305 and 307 from its software ---------------------------------------------
    uitwisselen(k["sim"])
    toewijzing = Toewijzing.objects.get(client=client)
    assert toewijzing.einddatum == tot
    k["sim"].start(k["gemeente"].code, toewijzing.nummer, toewijzing.ingangsdatum)
    uitwisselen(k["sim"])
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "8", "Evaluatiemomenten")
    expect(page.get_by_role("button", name="Wijziging subsegment (317)")).to_be_enabled()
    artefacten.foto(page, "aanbieder zorg gestart stap 8")
    k["sim"].stop(
        k["gemeente"].code,
        toewijzing.nummer,
        toewijzing.ingangsdatum,
        toewijzing.einddatum,
        "31",  # iJw: levering volgens plan beëindigd
    )
    uitwisselen(k["sim"])
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgesloten")
    artefacten.foto(page, "aanbieder traject afgesloten")
    traject.refresh_from_db()
    pad = list(traject.gebeurtenissen.exclude(naar_stap="").values_list("naar_stap", flat=True))
    assert pad == ["4", "5", "6", "7", "8", "8a"]
