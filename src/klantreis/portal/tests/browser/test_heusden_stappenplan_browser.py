"""Issue 6, "Done means": the Heusden stappenplan walked through the portal in a real browser
by the three roles in turn — the consulent (Toegang), the provider's staff and the back
office — each logging in through the login form, filling the document forms, giving akkoord,
choosing the provider and moving the traject on as far as the portal offers each step.

Where a step is completed by a message from software rather than a screen, the message goes
through the real exchange (directory transport, codec, handlers) and the test then checks
what the portal shows: the provider's start (305, stap 7) and stop (307, stap 9) from the
provider's own software (``SimAanbieder``). The back office sends the toewijzing (301, stap
6) through its form on the traject page; the provider's software reads it and answers.

Every step is photographed (``test-artefacten/screenshots/``), and axe-core checks the work
queue, the traject page, each document form and the login page: no serious or critical
violation (all violations are written to ``test-artefacten/axe/``)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from klantreis.accounts.models import Rol
from klantreis.berichten.transports import maak_transport
from klantreis.clients.models import Client
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.routes.models import Traject
from klantreis.simulatie.aanbieder import SimAanbieder
from klantreis.tests.factories import AanbiederFactory, ClientFactory, user_met_rol
from klantreis.toewijzingen.models import Toewijzing

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


@pytest.fixture
def heusden_keten(heusden, settings, tmp_path):
    """Heusden with a contracted provider, its staff, a consulent and a back-office clerk, a
    client known to the gemeente (as from the BRP), and the directory transport between the
    gemeente and the provider's own software."""
    segment = Segment.objects.create(code="WMO-BEG", naam="Begeleiding", wet="wmo")
    product = Product.objects.create(
        wet="wmo",
        segment=segment,
        categorie="02",
        code="02A01",
        naam="Begeleiding individueel",
        eenheid="04",
        eigen_bijdrage=True,  # a Wmo maatwerkvoorziening: the CAK learns start and stop
    )
    aanbieder = AanbiederFactory(agb_code="41000061", naam="Zorgkracht Heusden")
    Contract.objects.create(
        aanbieder=aanbieder,
        gemeente=heusden,
        product=product,
        tarief=6150,
        ingangsdatum=dt.date(2023, 1, 1),
    )
    client = ClientFactory(
        gemeente=heusden,
        wet="wmo",
        voornamen="Anna",
        voorletters="A",
        achternaam="Bakker",
        geboortedatum=dt.date(1948, 5, 6),
        geslacht="2",
        straat="Wilhelminastraat",
        huisnummer="3",
        postcode="5251AB",
        woonplaats="Vlijmen",
    )
    werkmap = tmp_path / "berichten"
    settings.KLANTREIS_CAK = {"kanaal": "csv", "opties": {"map": str(tmp_path / "cak")}}
    settings.KLANTREIS_TRANSPORT = {
        "plugin": "directory",
        "opties": {"map": str(werkmap)},
        "eigenaren": [heusden.code],
    }
    sim = SimAanbieder(
        agb=aanbieder.agb_code,
        transport=maak_transport("directory", {"map": werkmap, "partij": aanbieder.agb_code}),
    )
    return {
        "gemeente": heusden,
        "aanbieder": aanbieder,
        "product": product,
        "client": client,
        "sim": sim,
        "consulent": user_met_rol(
            Rol.TOEGANG, gemeente=heusden, first_name="Carla", last_name="Consulent"
        ),
        "backoffice": user_met_rol(
            Rol.BACKOFFICE, gemeente=heusden, first_name="Bert", last_name="Backoffice"
        ),
        "zorg": user_met_rol(
            Rol.AANBIEDER, aanbieder=aanbieder, first_name="Zeynep", last_name="Zorg"
        ),
    }


def test_heusden_stappenplan_door_drie_rollen_in_de_browser(pagina, artefacten, heusden_keten):
    k = heusden_keten
    page = pagina
    client = k["client"]

    # --- Toegang: log in, start the traject for a known client -------------------------------
    inloggen(page, k["consulent"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    expect(page.locator(".kop__naam")).to_have_text("Carla Consulent")
    artefacten.foto(page, "consulent werkvoorraad leeg")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (consulent)")

    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Nieuw traject"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Nieuw traject")
    page.get_by_label("Route").select_option("heusden-stappenplan")
    page.get_by_label("BSN").fill(client.bsn)
    page.get_by_label("Aanleiding").fill("Mevrouw redt het thuis niet meer alleen.")
    artefacten.geen_ernstige_schendingen(page, "nieuw traject")
    page.get_by_role("button", name="Traject starten").click()
    melding(page, "Traject gestart voor Anna Bakker")
    traject = Traject.objects.get(client=client)
    traject_url = page.url
    huidige_stap(page, "1", "Integrale vraaganalyse (IVA)")
    artefacten.foto(page, "consulent traject gestart stap 1")

    # --- stap 1: the IVA, first with a mistake (the form says what is wrong), then right ----
    page.get_by_role("link", name="Integrale vraaganalyse (IVA) schrijven").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Integrale vraaganalyse (IVA)")
    page.locator("#id_leefdomeinen-0-problemen").fill("Schulden")
    document_opslaan(page)
    foutoverzicht = page.get_by_role("alert")
    expect(foutoverzicht).to_contain_text("Het document is niet opgeslagen")
    expect(page.locator("#id_leefdomeinen-0-leefdomein")).to_have_attribute("aria-invalid", "true")
    artefacten.foto(page, "consulent iva met fouten")
    artefacten.geen_ernstige_schendingen(page, "documentformulier IVA met fouten")
    page.locator("#id_leefdomeinen-0-leefdomein").select_option("financien")
    page.locator("#id_leefdomeinen-0-zelfredzaamheid").fill("2")
    page.locator("#id_leefdomeinen-0-krachten").fill("Dochter helpt met de post.")
    page.get_by_label("Samenvatting").fill("Schulden lopen op; hulp bij de administratie nodig.")
    artefacten.geen_ernstige_schendingen(page, "documentformulier IVA")
    document_opslaan(page)
    melding(page, "Integrale vraaganalyse (IVA): versie 1 opgeslagen en vastgesteld.")
    artefacten.foto(page, "consulent iva vastgesteld")
    verder(page, "2")
    huidige_stap(page, "2", "Integraal plan van aanpak (IPA)")

    # --- stap 2: the IPA ------------------------------------------------------------------
    page.get_by_role("link", name="Integraal plan van aanpak (IPA) schrijven").click()
    page.get_by_label("Resultaten", exact=True).fill("Financiën op orde\nZelf de post bijhouden")
    page.get_by_label("Aard", exact=True).select_option("ondersteuning")
    artefacten.geen_ernstige_schendingen(page, "documentformulier IPA")
    document_opslaan(page)
    melding(page, "Integraal plan van aanpak (IPA): versie 1 opgeslagen en vastgesteld.")
    artefacten.foto(page, "consulent ipa vastgesteld stap 2")
    verder(page, "3")
    huidige_stap(page, "3", "Keuze aanbieder")

    # --- stap 3: the client chooses the provider -------------------------------------------
    keuze = page.locator("form", has=page.get_by_role("heading", name="Aanbieder kiezen"))
    expect(keuze.get_by_role("table")).to_contain_text("Zorgkracht Heusden")
    keuze.get_by_label("Aanbieder", exact=True).select_option(value=str(k["aanbieder"].pk))
    artefacten.foto(page, "consulent keuze aanbieder")
    keuze.get_by_role("button", name="Aanbieder vastleggen").click()
    melding(page, "Zorgkracht Heusden is gekozen als aanbieder.")
    expect(page.locator(".gegevens")).to_contain_text("Zorgkracht Heusden (AGB 41000061)")
    # the consulent agrees with the client what may be shared: the IVA, not the IPA
    toestemming = page.get_by_role("region", name="Toestemming om te delen")
    iva_rij = toestemming.get_by_role("row", name=re.compile("Integrale vraaganalyse"))
    expect(iva_rij).to_contain_text("Geen toestemming")
    formulier = toestemming.locator(
        "form", has=page.get_by_role("heading", name="Toestemming vastleggen of intrekken")
    )
    formulier.get_by_label("Document").select_option("iva")
    formulier.get_by_label("Toestemming geven").check()
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (stap 3, toestemming)")
    formulier.get_by_role("button", name="Vastleggen").click()
    melding(page, "Toestemming vastgelegd: Integrale vraaganalyse (IVA) mag gedeeld worden")
    iva_rij = page.get_by_role("region", name="Toestemming om te delen").get_by_role(
        "row", name=re.compile("Integrale vraaganalyse")
    )
    expect(iva_rij).to_contain_text("Gedeeld")
    expect(iva_rij).to_contain_text("Carla Consulent")
    artefacten.foto(page, "consulent toestemming iva gegeven")
    verder(page, "4")
    huidige_stap(page, "4", "Opstellen ondersteuningsplan")
    artefacten.foto(page, "consulent stap 4 bij de aanbieder")
    uitloggen(page)

    # --- Aanbieder: stap 4, the ondersteuningsplan -----------------------------------------
    inloggen(page, k["zorg"])
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    te_doen = page.get_by_role("region", name="Te doen")
    expect(te_doen).to_contain_text("Anna Bakker")
    artefacten.foto(page, "aanbieder werkvoorraad")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (aanbieder)")
    te_doen.get_by_role("link", name=re.compile("Stap 4")).click()
    huidige_stap(page, "4", "Opstellen ondersteuningsplan")
    # the provider sees only what the client consented to share at stap 3: the IVA, not the IPA
    documenten = page.get_by_role("region", name="Documenten")
    expect(
        documenten.get_by_role("heading", name=re.compile("Integrale vraaganalyse"))
    ).to_have_count(1)
    expect(
        documenten.get_by_role("heading", name=re.compile("Integraal plan van aanpak"))
    ).to_have_count(0)
    expect(documenten).to_contain_text(
        "geen toestemming voor gaf: Integraal plan van aanpak (IPA)."
    )
    artefacten.foto(page, "aanbieder ziet de gedeelde iva")
    page.get_by_role("link", name="Ondersteuningsplan schrijven").click()
    page.locator("#id_resultaatgebieden-0-resultaatgebied").fill("Financiën op orde")
    page.locator("#id_resultaatgebieden-0-aard").select_option("ondersteuning")
    page.locator("#id_resultaatgebieden-0-frequentie").fill("2 uur per week")
    page.get_by_label("Subsegment").fill("Begeleiding individueel")
    artefacten.geen_ernstige_schendingen(page, "documentformulier ondersteuningsplan")
    artefacten.foto(page, "aanbieder ondersteuningsplan")
    document_opslaan(page)
    melding(page, "Ondersteuningsplan: versie 1 opgeslagen en vastgesteld.")
    verder(page, "5")
    huidige_stap(page, "5", "Akkoord op aard, duur en intensiteit")
    uitloggen(page)

    # --- Toegang: stap 5, the akkoorden ------------------------------------------------------
    inloggen(page, k["consulent"])
    page.goto(traject_url)
    expect(page.locator(".blok--acties")).to_contain_text("Nog nodig voor deze stap")
    expect(page.get_by_role("button", name=re.compile("^Naar stap 6"))).to_be_disabled()
    artefacten.foto(page, "consulent stap 5 akkoorden open")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (stap 5, akkoorden open)")
    akkoord_geven(page, "Ondersteuningsplan", "Toegang (consulent)")
    melding(page, "is akkoord met ondersteuningsplan")
    akkoord_geven(page, "Integraal plan van aanpak (IPA)", "Cliënt (vastgelegd namens de cliënt)")
    melding(page, "is akkoord met integraal plan van aanpak (IPA)")
    expect(page.locator(".blok--acties")).not_to_contain_text("Nog nodig voor deze stap")
    artefacten.foto(page, "consulent akkoorden gegeven")
    verder(page, "6")
    huidige_stap(page, "6", "Aanvraag en toekenning")
    uitloggen(page)

    # --- Backoffice: stap 6, the toewijzing (301) through its form and the exchange --------
    inloggen(page, k["backoffice"])
    expect(page.get_by_role("region", name="Te doen")).to_contain_text("Aanvraag en toekenning")
    artefacten.foto(page, "backoffice werkvoorraad")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad (backoffice)")
    page.goto(traject_url)
    huidige_stap(page, "6", "Aanvraag en toekenning")
    artefacten.foto(page, "backoffice traject stap 6")
    vandaag = timezone.localdate()
    page.get_by_role("link", name="Toewijzing versturen (301)").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Toewijzing versturen")
    # the provider chosen at stap 3 is preset
    expect(page.get_by_label("Aanbieder", exact=True)).to_have_value(str(k["aanbieder"].pk))
    artefacten.geen_ernstige_schendingen(page, "toewijzingsformulier (backoffice)")
    page.get_by_label("Product", exact=True).select_option(str(k["product"].pk))
    page.get_by_label("Ingangsdatum", exact=True).fill(
        (vandaag - dt.timedelta(days=30)).isoformat()
    )
    page.get_by_label("Einddatum", exact=True).fill((vandaag - dt.timedelta(days=60)).isoformat())
    page.get_by_label("Volume (omvang)").fill("2")
    page.get_by_label("Frequentie", exact=True).select_option("2")
    page.get_by_role("button", name="Toewijzing versturen (301)").click()
    # the service's refusal, in Dutch on the form; nothing was sent
    expect(page.get_by_role("alert")).to_contain_text(
        "De einddatum ligt voor de ingangsdatum (CS003)."
    )
    artefacten.foto(page, "backoffice toewijzing geweigerd")
    artefacten.geen_ernstige_schendingen(page, "toewijzingsformulier met fout (backoffice)")
    page.get_by_label("Ingangsdatum", exact=True).fill((vandaag + dt.timedelta(days=7)).isoformat())
    page.get_by_label("Einddatum", exact=True).fill((vandaag + dt.timedelta(days=365)).isoformat())
    artefacten.foto(page, "backoffice toewijzingsformulier")
    page.get_by_role("button", name="Toewijzing versturen (301)").click()
    melding(page, "is verstuurd aan Zorgkracht Heusden (301)")
    expect(
        page.get_by_role("region", name="Verstuurde toewijzingsberichten (301)")
    ).to_contain_text(k["aanbieder"].agb_code)
    artefacten.foto(page, "backoffice toewijzing met 301")
    artefacten.geen_ernstige_schendingen(page, "toewijzing met wijzigformulieren (backoffice)")
    page.goto(traject_url)
    uitwisselen(k["sim"])  # the provider reads the 301 and answers with a 302
    assert [code for code, _ in k["sim"].verzonden] == ["302"]
    page.reload()
    huidige_stap(page, "7", "Start zorg")
    termijnen = page.get_by_role("region", name="Termijnen")
    expect(
        termijnen.get_by_role("row", name=re.compile("Retour op de toewijzing"))
    ).to_contain_text("Gehaald")
    expect(page.get_by_role("region", name="Historie")).to_contain_text(
        "Toewijzing verstuurd (301)"
    )
    artefacten.foto(page, "backoffice toewijzing verstuurd stap 7")
    uitloggen(page)

    # --- Aanbieder: stap 7 (305 from its own software), stap 8, stap 9 (307), stap 10 ------
    toewijzing = Toewijzing.objects.get(client=client)
    k["sim"].start(k["gemeente"].code, toewijzing.nummer, toewijzing.ingangsdatum)
    uitwisselen(k["sim"])
    inloggen(page, k["zorg"])
    page.goto(traject_url)
    huidige_stap(page, "8", "Declaratie")
    termijnen = page.get_by_role("region", name="Termijnen")
    expect(termijnen.get_by_role("row", name=re.compile("Startbericht"))).to_contain_text("Gehaald")
    artefacten.foto(page, "aanbieder start zorg verwerkt stap 8")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (aanbieder, stap 8)")
    verder(page, "9")  # the declaratie itself is monthly work of the declaratie screens
    huidige_stap(page, "9", "Stop zorg")
    artefacten.foto(page, "aanbieder stap 9 stop zorg")

    k["sim"].stop(
        k["gemeente"].code,
        toewijzing.nummer,
        toewijzing.ingangsdatum,
        toewijzing.einddatum,
        "19",  # levering volgens plan beëindigd
    )
    uitwisselen(k["sim"])
    page.reload()
    huidige_stap(page, "10", "Evaluatie en vervolg")
    artefacten.foto(page, "aanbieder stop zorg verwerkt stap 10")
    page.get_by_role("link", name="Evaluatieformulier schrijven").click()
    page.get_by_label("Voortgang", exact=True).fill(
        "Administratie op orde; mevrouw doet de post zelf."
    )
    page.get_by_label("Advies", exact=True).select_option("beeindigen")
    artefacten.geen_ernstige_schendingen(page, "documentformulier evaluatieformulier")
    document_opslaan(page)
    melding(page, "Evaluatieformulier: versie 1 opgeslagen en vastgesteld.")
    page.get_by_role("button", name="Afronden en traject sluiten").click()
    melding(page, "De laatste stap is afgerond; het traject is afgesloten.")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Afgesloten")
    expect(page.locator(".blok--acties")).to_contain_text(
        "U kunt nu niets aan dit traject veranderen."
    )
    artefacten.foto(page, "aanbieder traject afgesloten")
    artefacten.geen_ernstige_schendingen(page, "trajectpagina (afgesloten)")
    uitloggen(page)

    # --- Backoffice: the CAK learns start and stop of the eigen bijdrage (stap 7, stap 9) ---
    inloggen(page, k["backoffice"])
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="CAK-meldingen"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("CAK-meldingen")
    expect(page.locator("main")).to_contain_text("2 melding(en) wachten op levering")
    tabel = page.get_by_role("region", name="CAK-meldingen")
    expect(tabel.get_by_role("row", name=re.compile("Start eigen bijdrage"))).to_contain_text(
        toewijzing.ingangsdatum.strftime("%d-%m-%Y")
    )
    expect(tabel.get_by_role("row", name=re.compile("Stop eigen bijdrage"))).to_contain_text(
        "Anna Bakker"
    )
    artefacten.foto(page, "backoffice cak-meldingen wachtend")
    artefacten.geen_ernstige_schendingen(page, "CAK-meldingen (wachtend)")
    page.get_by_role("button", name="Wachtende meldingen nu leveren").click()
    melding(page, "2 CAK-melding(en) geleverd")
    expect(tabel.get_by_role("link", name=re.compile(r"^cak-.*\.csv$"))).to_have_count(2)
    artefacten.foto(page, "backoffice cak-meldingen geleverd")
    artefacten.geen_ernstige_schendingen(page, "CAK-meldingen (geleverd)")

    traject.refresh_from_db()
    assert traject.status == "afgesloten"
    voltooid = [
        van
        for soort, van in traject.gebeurtenissen.order_by("op", "pk").values_list(
            "soort", "van_stap"
        )
        if soort in ("stap_voltooid", "afgesloten")
    ]
    assert voltooid == [str(n) for n in range(1, 11)]  # every step, none skipped
    assert len(list((artefacten.map / "screenshots" / artefacten.naam).glob("*.png"))) == (
        artefacten.teller
    )


def test_inlogpagina_toegankelijk_foute_inlog_in_het_nederlands_en_skiplink(
    pagina, artefacten, heusden
):
    user = user_met_rol(Rol.TOEGANG, gemeente=heusden)
    page = pagina
    page.goto("/")
    expect(page).to_have_title(re.compile("^Inloggen"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_label("Gebruikersnaam")).to_be_focused()  # Django's autofocus
    artefacten.foto(page, "inlogpagina")
    artefacten.geen_ernstige_schendingen(page, "inlogpagina")
    inloggen(page, user, wachtwoord="verkeerd")
    expect(page.get_by_role("alert")).to_contain_text("wachtwoord")
    artefacten.foto(page, "inlogpagina fout wachtwoord")
    artefacten.geen_ernstige_schendingen(page, "inlogpagina met fout")

    inloggen(page, user)
    expect(page.get_by_role("heading", level=1)).to_have_text("Werkvoorraad")
    # the skip link is the first thing the keyboard reaches; it shows itself and leads to
    # the main content
    page.keyboard.press("Tab")
    skiplink = page.get_by_role("link", name="Naar de inhoud")
    expect(skiplink).to_be_focused()
    expect(skiplink).to_be_in_viewport()
    # focus is visible: the theme's ring (voorbeeld: a dashed outline), not the browser's none
    assert skiplink.evaluate("e => getComputedStyle(e).outlineStyle") == "dashed"
    artefacten.foto(page, "werkvoorraad skiplink zichtbaar")
    artefacten.geen_ernstige_schendingen(page, "werkvoorraad met de skiplink in focus")
    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Trajecten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Trajecten")
    artefacten.geen_ernstige_schendingen(page, "trajectenlijst")
    assert not Client.objects.exists()  # looking changed nothing
