"""The back office's screens: a toewijzing sent through the form at the step whose route
definition names the 301 (Heusden stap 6), its changes (einddatum, omvang, intrekken), and
the answers to verzoeken (315/317). Each refusal of the services shows in Dutch on the page;
a provider's staff and another gemeente's back office are refused every page."""

from __future__ import annotations

import hashlib
import html
from datetime import date, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.producten.models import Product, Segment
from klantreis.tests.factories import AanbiederFactory, GemeenteFactory, user_met_rol
from klantreis.tests.lopen import rond_af
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Toewijzing, Verzoek, ZorgMelding

from .conftest import contract, start, zonder_klassen

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate


@pytest.fixture
def stap6(heusden):
    """A Heusden traject at stap 6 (Aanvraag en toekenning), its provider contracted for
    Begeleiding (02A01)."""
    aanbieder = AanbiederFactory(naam="Zorgkracht Heusden")
    contract(aanbieder, heusden)
    traject = start(heusden, voornamen="Anna", achternaam="Bakker")
    traject.wie.aanbieder = aanbieder
    while traject.huidige_stap != "6":
        rond_af(traject, traject.wie)
    traject.refresh_from_db()  # ``wie`` (the actors) is no field: it stays on the object
    return traject


def _bo(traject):
    return traject.wie[Rol.BACKOFFICE]


def _gegevens(traject, **anders) -> dict:
    data = {
        "aanbieder": traject.aanbieder.pk,
        "product": Product.objects.get(code="02A01").pk,
        "ingangsdatum": (VANDAAG() + timedelta(days=7)).isoformat(),
        "einddatum": (VANDAAG() + timedelta(days=365)).isoformat(),
        "volume": "2",
        "frequentie": "2",
        "budget": "",
        "commentaar": "Begeleiding thuis",
    }
    data.update(anders)
    return data


def _tekst(response) -> str:
    return zonder_klassen(response.content.decode())


# --- toewijzing versturen ------------------------------------------------------------------


def test_backoffice_verstuurt_toewijzing_met_het_formulier_en_het_traject_gaat_verder(
    client, stap6
):
    client.force_login(_bo(stap6))
    pagina = client.get(reverse("portal:traject", args=[stap6.pk]))
    assert reverse("portal:toewijzing_nieuw", args=[stap6.pk]) in pagina.content.decode()
    url = reverse("portal:toewijzing_nieuw", args=[stap6.pk])
    formulier = _tekst(client.get(url))
    # the provider chosen at stap 3 is preset; only its contracted product is offered
    assert f'<option value="{stap6.aanbieder.pk}" selected>' in formulier
    assert "02A01 Begeleiding (eenheid: uur)" in formulier
    response = client.post(url, _gegevens(stap6))
    t = Toewijzing.objects.get(client=stap6.client)
    assert response.status_code == 302
    assert response.url == reverse("portal:toewijzing", args=[t.pk])
    assert (t.volume, t.eenheid, t.frequentie, t.code) == (2, "04", "2", "02A01")
    assert t.commentaar == "Begeleiding thuis"
    bericht = Bericht.objects.get(berichtcode="301", traject=stap6)
    assert bericht.ontvanger == stap6.aanbieder.agb_code
    stap6.refresh_from_db()
    # beweeg_traject moved it: the 301 completes stap 6 (the form does not move it itself)
    assert stap6.huidige_stap == "7"
    assert stap6.gebeurtenissen.filter(reden="Toewijzing verstuurd (301)").exists()
    detail = _tekst(client.get(response.url))
    assert f"Toewijzing {t.nummer}" in detail
    assert bericht.identificatie in detail
    assert "2 × uur, per week" in detail
    # the traject page lists it, and no longer offers a new toewijzing (stap 7 now)
    traject_pagina = _tekst(client.get(reverse("portal:traject", args=[stap6.pk])))
    assert "Toewijzing versturen (301)" not in traject_pagina
    lijst = traject_pagina.split('id="kop-toewijzingen"')[1].split("</section>")[0]
    assert str(t.nummer) in lijst and "Toegewezen" in lijst and "2 × uur, per week" in lijst


def test_cs003_einddatum_voor_ingangsdatum_in_het_nederlands_op_het_formulier(client, stap6):
    client.force_login(_bo(stap6))
    url = reverse("portal:toewijzing_nieuw", args=[stap6.pk])
    response = client.post(
        url, _gegevens(stap6, einddatum=(VANDAAG() - timedelta(days=30)).isoformat())
    )
    assert response.status_code == 200
    assert "De einddatum ligt voor de ingangsdatum (CS003)." in response.content.decode()
    assert not Toewijzing.objects.exists() and not Bericht.objects.filter(berichtcode="301")
    stap6.refresh_from_db()
    assert stap6.huidige_stap == "6"


def test_op259_stapelen_geweigerd_op_het_formulier(client, stap6):
    bestaand = services.wijs_toe(
        client=stap6.client,
        aanbieder=stap6.aanbieder,
        gemeente=stap6.gemeente,
        product=Product.objects.get(code="02A01"),
        ingangsdatum=VANDAAG(),
        einddatum=VANDAAG() + timedelta(days=100),
        volume=1,
        frequentie="2",
        versturen=False,
    )
    client.force_login(_bo(stap6))
    response = client.post(reverse("portal:toewijzing_nieuw", args=[stap6.pk]), _gegevens(stap6))
    assert response.status_code == 200
    tekst = response.content.decode()
    assert "stapelen mag niet (OP259)" in tekst and f"toewijzing {bestaand.nummer}" in tekst
    assert Toewijzing.objects.count() == 1


def test_product_zonder_contract_van_de_gekozen_aanbieder_wordt_geweigerd(client, stap6):
    zonder = AanbiederFactory(naam="Zonder Begeleiding")
    segment = Segment.objects.get(code="WMO-BEG")
    hulp = Product.objects.create(
        wet="wmo", categorie="01", code="01A01", naam="Hulp bij het huishouden", segment=segment
    )
    from klantreis.organisaties.models import Contract

    Contract.objects.create(
        aanbieder=zonder,
        gemeente=stap6.gemeente,
        product=hulp,
        tarief=3000,
        ingangsdatum=date(2023, 1, 1),
    )
    client.force_login(_bo(stap6))
    response = client.post(
        reverse("portal:toewijzing_nieuw", args=[stap6.pk]),
        _gegevens(stap6, aanbieder=zonder.pk),  # Begeleiding, but this one only has hulp
    )
    assert response.status_code == 200
    assert "De gekozen aanbieder heeft voor dit product geen contract" in response.content.decode()
    assert not Toewijzing.objects.exists()


def test_omvang_zonder_frequentie_en_onzin_geven_nederlandse_fouten(client, stap6):
    client.force_login(_bo(stap6))
    url = reverse("portal:toewijzing_nieuw", args=[stap6.pk])
    response = client.post(url, _gegevens(stap6, frequentie="", ingangsdatum="gisteren"))
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Kies bij een volume ook de frequentie." in tekst
    assert "Voer een geldige datum in." in tekst
    # a budget instead of an omvang: not for a product with a productcode
    response = client.post(url, _gegevens(stap6, budget="100", volume="", frequentie=""))
    assert response.status_code == 200
    assert "Een productcode vraagt een omvang (CD041)." in response.content.decode()
    assert not Toewijzing.objects.exists()


def test_geen_toewijzing_buiten_de_stap_met_301(client, traject):
    client.force_login(traject.wie[Rol.BACKOFFICE])
    response = client.get(reverse("portal:toewijzing_nieuw", args=[traject.pk]))
    assert response.status_code == 302
    volgende = client.get(response.url)
    assert "In deze stap wordt geen toewijzing verstuurd" in volgende.content.decode()
    assert "Toewijzing versturen (301)" not in volgende.content.decode()


def test_aanbieder_consulent_en_andere_gemeente_worden_geweigerd(client, stap6):
    url = reverse("portal:toewijzing_nieuw", args=[stap6.pk])
    for user, verwacht in (
        (stap6.wie[Rol.AANBIEDER], 403),  # the traject's own provider: not its work
        (stap6.wie[Rol.TOEGANG], 403),  # the consulent: not the back office
        (user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222")), 404),
        (user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory()), 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == verwacht
        assert client.post(url, _gegevens(stap6)).status_code == verwacht
    assert not Toewijzing.objects.exists()
    client.force_login(stap6.wie[Rol.AANBIEDER])
    pagina = client.get(reverse("portal:traject", args=[stap6.pk])).content.decode()
    assert url not in pagina


# --- one toewijzing: einddatum, omvang, intrekken --------------------------------------------


@pytest.fixture
def toegewezen(stap6):
    return services.wijs_toe(
        client=stap6.client,
        aanbieder=stap6.aanbieder,
        gemeente=stap6.gemeente,
        product=Product.objects.get(code="02A01"),
        ingangsdatum=VANDAAG() + timedelta(days=7),
        einddatum=VANDAAG() + timedelta(days=200),
        volume=3,
        frequentie="2",
        traject=stap6,
        door=_bo(stap6),
    )


def _actie(client, t, actie: str, **velden):
    return client.post(reverse("portal:toewijzing", args=[t.pk]), {"actie": actie, **velden})


def test_einddatum_wijzigen_houdt_het_nummer_en_stuurt_een_nieuwe_301(client, toegewezen):
    client.force_login(_bo(toegewezen.traject))
    nieuw = VANDAAG() + timedelta(days=400)
    response = _actie(client, toegewezen, "einddatum", **{"einde-einddatum": nieuw.isoformat()})
    assert response.status_code == 302
    toegewezen.refresh_from_db()
    assert toegewezen.einddatum == nieuw and toegewezen.reden_wijziging == "04"
    assert Bericht.objects.filter(berichtcode="301").count() == 2
    pagina = client.get(response.url).content.decode()
    assert "De einddatum is gewijzigd" in pagina


def test_einddatum_voor_ingangsdatum_geweigerd_cs003(client, toegewezen):
    client.force_login(_bo(toegewezen.traject))
    oud = toegewezen.einddatum
    response = _actie(
        client, toegewezen, "einddatum", **{"einde-einddatum": date(2020, 1, 1).isoformat()}
    )
    assert response.status_code == 200
    assert "De einddatum ligt voor de ingangsdatum (CS003)." in response.content.decode()
    toegewezen.refresh_from_db()
    assert toegewezen.einddatum == oud
    assert Bericht.objects.filter(berichtcode="301").count() == 1


def test_omvang_wijzigen_sluit_af_en_wijst_nieuw_toe(client, toegewezen):
    client.force_login(_bo(toegewezen.traject))
    per = toegewezen.ingangsdatum + timedelta(days=30)
    response = _actie(
        client,
        toegewezen,
        "omvang",
        **{"omvang-per": per.isoformat(), "omvang-volume": "5", "omvang-frequentie": "2"},
    )
    assert response.status_code == 302
    toegewezen.refresh_from_db()
    assert toegewezen.einddatum == per - timedelta(days=1)
    nieuw = Toewijzing.objects.exclude(pk=toegewezen.pk).get()
    assert (nieuw.volume, nieuw.ingangsdatum) == (5, per)
    assert response.url == reverse("portal:toewijzing", args=[nieuw.pk])


def test_omvang_niet_voor_de_ingangsdatum(client, toegewezen):
    client.force_login(_bo(toegewezen.traject))
    response = _actie(
        client,
        toegewezen,
        "omvang",
        **{
            "omvang-per": toegewezen.ingangsdatum.isoformat(),
            "omvang-volume": "5",
            "omvang-frequentie": "2",
        },
    )
    assert response.status_code == 200
    assert "De nieuwe omvang gaat in na de ingangsdatum" in response.content.decode()
    assert Toewijzing.objects.count() == 1


def test_intrekken_zonder_start_zet_reden_13(client, toegewezen):
    client.force_login(_bo(toegewezen.traject))
    response = _actie(client, toegewezen, "intrekken")
    assert response.status_code == 302
    toegewezen.refresh_from_db()
    assert toegewezen.verwijderd and toegewezen.einddatum == toegewezen.ingangsdatum
    pagina = client.get(response.url).content.decode()
    assert "is ingetrokken (301 met reden 13)" in pagina
    assert "Toewijzing intrekken" not in pagina  # nothing left to change


def test_intrekken_na_305_geweigerd(client, toegewezen):
    ZorgMelding.objects.create(
        soort="start",
        toewijzing=toegewezen,
        bsn=toegewezen.client.bsn,
        toewijzing_nummer=toegewezen.nummer,
        begindatum=toegewezen.ingangsdatum,
        status_aanlevering="1",
        bericht=Bericht.objects.get(berichtcode="301"),
    )
    client.force_login(_bo(toegewezen.traject))
    response = _actie(client, toegewezen, "intrekken")
    assert response.status_code == 200
    assert "Op deze toewijzing is de zorg al gestart (305)" in response.content.decode()
    toegewezen.refresh_from_db()
    assert not toegewezen.verwijderd


def test_tr385_intrekken_na_goedgekeurde_declaratie_geweigerd(client, toegewezen):
    from klantreis.declaraties.models import Declaratie, Prestatie

    xml = b"<323/>"
    bericht = Bericht.objects.create(
        richting="in",
        berichtcode="323",
        afzender=toegewezen.aanbieder.agb_code,
        ontvanger=toegewezen.gemeente.code,
        inhoud=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        status="verwerkt",
    )
    declaratie = Declaratie.objects.create(
        gemeente=toegewezen.gemeente,
        aanbieder=toegewezen.aanbieder,
        wet="wmo",
        nummer="D1",
        periode_begin=toegewezen.ingangsdatum,
        periode_eind=toegewezen.ingangsdatum,
        dagtekening=VANDAAG(),
        totaal_ingediend=6150,
        bericht=bericht,
    )
    Prestatie.objects.create(
        declaratie=declaratie,
        aanbieder=toegewezen.aanbieder,
        wet="wmo",
        bsn=toegewezen.client.bsn,
        toewijzing=toegewezen,
        toewijzing_nummer=toegewezen.nummer,
        referentienummer="R1",
        categorie="02",
        code="02A01",
        periode_begin=toegewezen.ingangsdatum,
        periode_eind=toegewezen.ingangsdatum,
        volume=1,
        eenheid="04",
        bedrag=6150,
        goedgekeurd=True,
    )
    client.force_login(_bo(toegewezen.traject))
    response = _actie(client, toegewezen, "intrekken")
    assert response.status_code == 200
    assert "crediteer die eerst" in response.content.decode()
    assert "(TR385)" in response.content.decode()
    toegewezen.refresh_from_db()
    assert not toegewezen.verwijderd


def test_toewijzingpagina_geweigerd_voor_aanbieder_en_andere_gemeente(client, toegewezen):
    url = reverse("portal:toewijzing", args=[toegewezen.pk])
    for user, verwacht in (
        (toegewezen.traject.wie[Rol.AANBIEDER], 403),
        (user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222")), 404),
        (user_met_rol(Rol.AANBIEDER, aanbieder=AanbiederFactory()), 404),
    ):
        client.force_login(user)
        assert client.get(url).status_code == verwacht
        assert client.post(url, {"actie": "intrekken"}).status_code == verwacht
    toegewezen.refresh_from_db()
    assert not toegewezen.verwijderd


# --- verzoeken (315/317) -----------------------------------------------------------------------


def _verzoek(traject, soort="vot", referentie="REF-1", dagtekening=None, inhoud=None):
    xml = f"<bericht>{referentie}</bericht>".encode()
    bericht = Bericht.objects.create(
        richting="in",
        standaard="iWmo",
        berichtcode="315" if soort == "vot" else "317",
        afzender=traject.aanbieder.agb_code,
        ontvanger=traject.gemeente.code,
        eigenaar=traject.gemeente.code,
        inhoud=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        status="verwerkt",
        identificatie=f"ID{referentie}",
        traject=traject,
    )
    return Verzoek.objects.create(
        soort=soort,
        gemeente=traject.gemeente,
        aanbieder=traject.aanbieder,
        client=traject.client,
        traject=traject,
        wet="wmo",
        referentie_aanbieder=referentie,
        inhoud=inhoud
        if inhoud is not None
        else {
            "referentie_aanbieder": referentie,
            "product": {"categorie": "02", "code": "02A01"},
            "toewijzing_ingangsdatum": (VANDAAG() + timedelta(days=14)).isoformat(),
            "toewijzing_einddatum": (VANDAAG() + timedelta(days=180)).isoformat(),
            "omvang": {"volume": 4, "eenheid": "04", "frequentie": "2"},
        },
        dagtekening=dagtekening or VANDAAG(),
        bericht=bericht,
    )


def test_verzoekenlijst_openstaande_eerst_en_werkvoorraad_linkt_erheen(client, stap6):
    oud_beantwoord = _verzoek(stap6, referentie="REF-OUD", dagtekening=date(2026, 1, 1))
    oud_beantwoord.status = "afgewezen"
    oud_beantwoord.save()
    open_verzoek = _verzoek(stap6, referentie="REF-OPEN")
    client.force_login(_bo(stap6))
    lijst = client.get(reverse("portal:verzoeken")).content.decode()
    assert lijst.index("REF-OPEN") < lijst.index("REF-OUD")
    assert (
        "REF-OUD"
        not in client.get(reverse("portal:verzoeken"), {"status": "open"}).content.decode()
    )
    werkvoorraad = client.get(reverse("portal:werkvoorraad")).content.decode()
    assert reverse("portal:verzoek", args=[open_verzoek.pk]) in werkvoorraad
    assert reverse("portal:verzoeken") in werkvoorraad  # the menu item


def test_verzoek_toont_inhoud_en_bericht(client, stap6):
    v = _verzoek(stap6)
    client.force_login(_bo(stap6))
    pagina = _tekst(client.get(reverse("portal:verzoek", args=[v.pk])))
    assert "Verzoek om toewijzing (315)" in pagina
    assert "IDREF-1" in pagina  # the message's identificatie
    assert "02A01" in pagina
    # the request in a clerk's words: Dutch names, codes with their meaning, Dutch dates
    assert "Frequentie: 2 (per week)" in pagina and "Eenheid: 04 (uur)" in pagina
    ingang = (VANDAAG() + timedelta(days=14)).strftime("%d-%m-%Y")
    assert f"Gewenste ingangsdatum: {ingang}" in pagina
    # the honour form is preset with what the provider asked
    assert 'name="honoreer-volume" value="4"' in pagina


def test_verzoek_met_vreemde_inhoud_geeft_geen_fout(client, stap6):
    v = _verzoek(stap6, inhoud={"product": "02A01", "omvang": [1, 2]})
    client.force_login(_bo(stap6))
    assert client.get(reverse("portal:verzoek", args=[v.pk])).status_code == 200
    v2 = _verzoek(stap6, referentie="REF-2", inhoud=["geen", "object"])
    assert client.get(reverse("portal:verzoek", args=[v2.pk])).status_code == 200


def test_in_onderzoek_een_keer_tr360(client, stap6):
    v = _verzoek(stap6)
    client.force_login(_bo(stap6))
    url = reverse("portal:verzoek", args=[v.pk])
    assert client.post(url, {"actie": "onderzoek"}).status_code == 302
    v.refresh_from_db()
    assert v.status == "in_onderzoek"
    assert Bericht.objects.filter(berichtcode="319").count() == 1
    tweede = client.post(url, {"actie": "onderzoek"})
    assert tweede.status_code == 200
    assert "maar één keer 'in onderzoek'" in html.unescape(tweede.content.decode())
    assert Bericht.objects.filter(berichtcode="319").count() == 1


def test_afwijzen_met_reden_stuurt_319(client, stap6):
    v = _verzoek(stap6)
    client.force_login(_bo(stap6))
    url = reverse("portal:verzoek", args=[v.pk])
    zonder = client.post(url, {"actie": "afwijzen", "afwijzen-reden": ""})
    assert "Kies de reden van afwijzing." in zonder.content.decode()
    response = client.post(url, {"actie": "afwijzen", "afwijzen-reden": "6"})
    assert response.status_code == 302
    v.refresh_from_db()
    assert (v.status, v.reden_afwijzing) == ("afgewezen", "6")
    assert Bericht.objects.filter(berichtcode="319").count() == 1
    pagina = client.get(url).content.decode()
    assert "Het verzoek is afgewezen (319): stapeling." in pagina
    # answered: a second answer is refused (TR359/TR365), shown in Dutch
    opnieuw = client.post(url, {"actie": "afwijzen", "afwijzen-reden": "2"})
    assert "er kan geen antwoord meer volgen" in opnieuw.content.decode()


def _honoreren(volume: int) -> dict:
    """The honour form for Begeleiding (02A01), two weeks from now for half a year."""
    return {
        "actie": "honoreren",
        "honoreer-product": Product.objects.get(code="02A01").pk,
        "honoreer-ingangsdatum": (VANDAAG() + timedelta(days=14)).isoformat(),
        "honoreer-einddatum": (VANDAAG() + timedelta(days=180)).isoformat(),
        "honoreer-volume": str(volume),
        "honoreer-frequentie": "2",
    }


def test_vot_honoreren_wijst_toe_met_de_referentie(client, stap6):
    v = _verzoek(stap6)
    client.force_login(_bo(stap6))
    url = reverse("portal:verzoek", args=[v.pk])
    response = client.post(url, _honoreren(volume=6))
    assert response.status_code == 302
    v.refresh_from_db()
    t = Toewijzing.objects.get()
    assert v.status == "toegewezen"
    assert (t.referentie_aanbieder, t.volume) == ("REF-1", 6)
    assert f"toewijzing {t.nummer}" in client.get(url).content.decode()


def test_vow_honoreren_als_geheel(client, toegewezen):
    traject = toegewezen.traject
    per = toegewezen.ingangsdatum + timedelta(days=20)
    v = _verzoek(
        traject,
        soort="vow",
        referentie="VOW-1",
        inhoud={
            "referentie_aanbieder": "VOW-1",
            "reden_verzoek": "01",
            "te_wijzigen_producten": [
                {
                    "toewijzing_nummer": toegewezen.nummer,
                    "gewenste_ingangsdatum": per.isoformat(),
                    "einddatum": toegewezen.einddatum.isoformat(),
                    "omvang": {"volume": 6, "eenheid": "04", "frequentie": "2"},
                }
            ],
        },
    )
    client.force_login(_bo(traject))
    response = client.post(reverse("portal:verzoek", args=[v.pk]), {"actie": "honoreren"})
    assert response.status_code == 302
    v.refresh_from_db()
    toegewezen.refresh_from_db()
    assert v.status == "toegewezen"
    assert toegewezen.einddatum == per - timedelta(days=1)
    assert Toewijzing.objects.filter(volume=6, ingangsdatum=per).exists()


def test_verzoekpaginas_geweigerd_voor_aanbieder_en_andere_gemeente(client, stap6):
    v = _verzoek(stap6)
    eigen_aanbieder = stap6.wie[Rol.AANBIEDER]
    andere_gemeente = user_met_rol(Rol.BACKOFFICE, gemeente=GemeenteFactory(code="0222"))
    for user, verwacht in ((eigen_aanbieder, 403), (andere_gemeente, 404)):
        client.force_login(user)
        url = reverse("portal:verzoek", args=[v.pk])
        assert client.get(url).status_code == verwacht
        assert client.post(url, {"actie": "afwijzen", "afwijzen-reden": "3"}).status_code == (
            verwacht
        )
    client.force_login(eigen_aanbieder)
    assert client.get(reverse("portal:verzoeken")).status_code == 403
    client.force_login(andere_gemeente)
    assert "REF-1" not in client.get(reverse("portal:verzoeken")).content.decode()
    v.refresh_from_db()
    assert v.status == "ontvangen"
    assert not Bericht.objects.filter(berichtcode="319").exists()


def test_toewijzing_zonder_traject_heeft_ook_een_pagina(client, stap6):
    t = Toewijzing.objects.create(
        gemeente=stap6.gemeente,
        aanbieder=stap6.aanbieder,
        client=stap6.client,
        wet="wmo",
        nummer=77,
        categorie="02",
        code="02A01",
        toewijzingsdatum=date(2026, 1, 5),
        toewijzingstijd=time(10, 0),
        ingangsdatum=date(2026, 1, 5),
    )
    client.force_login(_bo(stap6))
    response = client.get(reverse("portal:toewijzing", args=[t.pk]))
    assert response.status_code == 200
    assert "Nog geen 301 verstuurd." in response.content.decode()


def test_achterhoek_route1_stap5_biedt_het_formulier_uit_de_routedefinitie(client, doetinchem):
    """The 301 step is read from the route file (Achterhoek route 1: stap 5), not a step id;
    the step before it (4, also the back office's) offers no form."""
    aanbieder = AanbiederFactory(naam="Zorg Achterhoek")
    contract(aanbieder, doetinchem)
    traject = start(doetinchem, "achterhoek-route-1")
    traject.wie.aanbieder = aanbieder
    backoffice = traject.wie[Rol.BACKOFFICE]
    client.force_login(backoffice)
    url = reverse("portal:toewijzing_nieuw", args=[traject.pk])
    gezien = []
    for _ in range(12):
        traject.refresh_from_db()
        gezien.append(traject.huidige_stap)
        if traject.stap.bericht == "301":
            break
        assert client.get(url).status_code == 302, traject.huidige_stap
        rond_af(traject, traject.wie)
    assert traject.huidige_stap == "5" and "4" in gezien
    pagina = client.get(reverse("portal:traject", args=[traject.pk])).content.decode()
    assert url in pagina
    response = client.post(url, _gegevens(traject, aanbieder=aanbieder.pk))
    assert response.status_code == 302, response.content.decode()[-3000:]
    traject.refresh_from_db()
    assert traject.huidige_stap != "5"
    assert Toewijzing.objects.get(traject=traject).aanbieder == aanbieder


def test_formulier_biedt_alleen_aanbieders_met_een_geldig_contract_in_de_gemeente(
    client, stap6, doetinchem
):
    elders = AanbiederFactory(naam="Alleen Doetinchem")
    contract(elders, doetinchem)
    verlopen = AanbiederFactory(naam="Contract Verlopen")
    oud = contract(verlopen, stap6.gemeente)
    oud.einddatum = date(2024, 12, 31)
    oud.save()
    client.force_login(_bo(stap6))
    formulier = client.get(reverse("portal:toewijzing_nieuw", args=[stap6.pk])).content.decode()
    keuzes = formulier.split('name="aanbieder"')[1].split("</select>")[0]
    assert stap6.aanbieder.naam in keuzes
    assert "Alleen Doetinchem" not in keuzes and "Contract Verlopen" not in keuzes
    # posted anyway: refused as a field error, nothing sent
    response = client.post(
        reverse("portal:toewijzing_nieuw", args=[stap6.pk]), _gegevens(stap6, aanbieder=elders.pk)
    )
    assert "Kies een aanbieder met een contract voor deze gemeente." in response.content.decode()
    assert not Toewijzing.objects.exists()


def test_verzoek_van_aanbieder_zonder_contract_waarschuwt_en_afwijzen_om_woonplaats(client, stap6):
    """A provider the gemeente has no contract with (route 2 stap I) gets a warning on the
    request page; a rejection for the woonplaatsbeginsel asks which gemeente (TR377)."""
    v = _verzoek(stap6)
    v.aanbieder = AanbiederFactory(naam="Zorg Zonder Contract")
    v.wet = "jeugdwet"
    v.save()
    client.force_login(_bo(stap6))
    url = reverse("portal:verzoek", args=[v.pk])
    pagina = html.unescape(client.get(url).content.decode())
    assert "Zorg Zonder Contract heeft geen geldig contract met" in pagina
    zonder = client.post(url, {"actie": "afwijzen", "afwijzen-reden": "8"})
    assert "vul haar gemeentecode in" in html.unescape(zonder.content.decode())
    assert not Bericht.objects.filter(berichtcode="319").exists()
    met = client.post(
        url, {"actie": "afwijzen", "afwijzen-reden": "8", "afwijzen-woonplaats": "0344"}
    )
    assert met.status_code == 302
    assert Bericht.objects.filter(berichtcode="319").count() == 1


def test_toewijzen_zonder_adres_vraagt_eerst_het_adres(client, stap6):
    stap6.client.huisnummer = stap6.client.postcode = ""
    stap6.client.save()
    v = _verzoek(stap6)
    client.force_login(_bo(stap6))
    url = reverse("portal:verzoek", args=[v.pk])
    pagina = client.get(url).content.decode()
    assert reverse("portal:client_adres", args=[stap6.client.pk]) in pagina
    response = client.post(url, _honoreren(volume=4))
    assert "Vul eerst het adres van de cliënt in." in html.unescape(response.content.decode())
    assert not Bericht.objects.filter(berichtcode="301").exists()
