"""Requests from providers: 315 (VOT, judged per product) and 317 (VOW, judged as a whole),
answered with 319 or 301 (TR347, TR349–TR351, TR359, TR360, TR365, TR374, TR379)."""

import datetime as dt

import pytest

from klantreis import istandaarden as ist
from klantreis.berichten.models import Bericht
from klantreis.routes.models import Traject
from klantreis.simulatie.aanbieder import Aanvraag, bouw_315, bouw_317
from klantreis.tests.factories import ClientFactory
from klantreis.tests.lopen import rond_af
from klantreis.toewijzingen import services
from klantreis.toewijzingen.models import Toewijzing, Verzoek, VerzoekStatus

from .conftest import VANDAAG, retourcodes

pytestmark = pytest.mark.django_db
BEGIN = VANDAAG + dt.timedelta(days=7)
EIND = VANDAAG + dt.timedelta(days=180)


@pytest.fixture
def jeugd(keten):
    """Route 2: a huisarts referred a youth; the provider asks for a toewijzing."""
    from klantreis.organisaties.models import Contract
    from klantreis.producten.models import Product, Segment

    segment = Segment.objects.create(code="JW-AMB-GEZ", naam="Gezinsbehandeling", wet="jeugdwet")
    product = Product.objects.create(
        wet="jeugdwet",
        segment=segment,
        categorie="45",
        code="45A03",
        naam="Gezinsbehandeling",
        eenheid="04",
    )
    Contract.objects.create(
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=product,
        tarief=9875,
        ingangsdatum=dt.date(2023, 1, 1),
    )
    keten.client = ClientFactory(
        gemeente=keten.gemeente,
        wet="jeugdwet",
        geboortedatum=dt.date(2014, 5, 1),
        achternaam="de Boer",
    )
    keten.jeugdproduct = product
    return keten


def _315(keten, referentie="REF-1", verwijzer="02", header=None):
    aanvraag = Aanvraag(
        referentie=referentie,
        categorie="45",
        code="45A03",
        ingangsdatum=BEGIN,
        einddatum=EIND,
        volume=3,
        eenheid="04",
        frequentie="2",
        verwijzer=verwijzer,
    )
    header = header or keten.header("315", ist.Standaard.IJW)
    return bouw_315(ist.Standaard.IJW, header, keten.persoon, [aanvraag])


def test_vot_opent_route2_in_onderzoek_daarna_toegewezen(jeugd, django_capture_on_commit_callbacks):
    _heen, retour = jeugd.lever(_315(jeugd), django_capture_on_commit_callbacks)
    assert retour.bericht == "316" and retourcodes(retour) == []
    verzoek = Verzoek.objects.get()
    traject = Traject.objects.get(client=jeugd.client)
    assert traject.route_versie.route_id == "achterhoek-route-2"
    assert traject.huidige_stap == "5"  # opened at 4 (the 315), now "gemeente checkt"
    assert traject.termijnen.get(sleutel="antwoord-op-315").voldaan_op is None
    services.zet_in_onderzoek(verzoek)
    antwoord = ist.read(bytes(Bericht.objects.filter(berichtcode="319").get().inhoud))
    assert antwoord.antwoord.verzoek_antwoord.value == "2"
    with pytest.raises(services.ToewijzingFout, match="TR360"):
        services.zet_in_onderzoek(verzoek)
    t = services.honoreer_vot(verzoek, product=jeugd.jeugdproduct, door=jeugd.wie["backoffice"])
    verzoek.refresh_from_db()
    assert verzoek.status == VerzoekStatus.TOEGEWEZEN
    bericht301 = ist.read(bytes(Bericht.objects.filter(berichtcode="301").get().inhoud))
    (product,) = bericht301.client.toegewezen_producten
    assert (product.toewijzing_nummer, product.referentie_aanbieder) == (t.nummer, "REF-1")  # TR379
    traject.refresh_from_db()
    assert traject.huidige_stap == "7"  # 301 sent: waiting for the 305
    with pytest.raises(services.ToewijzingFout, match="TR359"):
        services.wijs_verzoek_af(verzoek, reden="4")
    # TR379: only the first 301 after honouring carries the ReferentieAanbieder
    services.wijzig_einddatum(t, EIND + dt.timedelta(days=10))
    laatste = ist.read(bytes(Bericht.objects.filter(berichtcode="301").order_by("-pk")[0].inhoud))
    assert laatste.client.toegewezen_producten[0].referentie_aanbieder is None


def test_tr347_en_tr374_op_een_tweede_vot(jeugd, django_capture_on_commit_callbacks):
    jeugd.lever(_315(jeugd), django_capture_on_commit_callbacks)
    _, retour = jeugd.lever(_315(jeugd, referentie="REF-1"), django_capture_on_commit_callbacks)
    assert "9347" in retourcodes(retour)
    _, retour = jeugd.lever(_315(jeugd, referentie="REF-2"), django_capture_on_commit_callbacks)
    assert "9374" in retourcodes(retour)  # the first request is still open
    assert Verzoek.objects.count() == 1


def test_vot_van_zelfverwijzer_opent_geen_route(jeugd, django_capture_on_commit_callbacks):
    jeugd.lever(_315(jeugd, verwijzer="06"), django_capture_on_commit_callbacks)
    assert Verzoek.objects.get().traject is None
    assert not Traject.objects.filter(client=jeugd.client).exists()


def _in_zorg(keten, django_capture_on_commit_callbacks):
    from klantreis.simulatie.aanbieder import bouw_305

    t = services.wijs_toe(
        client=keten.client,
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=keten.product,
        ingangsdatum=BEGIN,
        einddatum=EIND,
        volume=2,
        frequentie="2",
        traject=keten.traject,
        door=keten.wie["backoffice"],
    )
    rond_af(keten.traject, keten.wie, naar="7")
    keten.lever(
        bouw_305(ist.Standaard.IWMO, keten.header("305"), keten.persoon, [(t.nummer, BEGIN, "1")]),
        django_capture_on_commit_callbacks,
    )
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "8"
    return t


def test_vow_die_niet_alle_toewijzingen_noemt_wordt_als_geheel_afgekeurd(
    keten, django_capture_on_commit_callbacks
):
    t = _in_zorg(keten, django_capture_on_commit_callbacks)
    later = services.wijs_toe(  # a second current toewijzing, starting after the first
        client=keten.client,
        aanbieder=keten.aanbieder,
        gemeente=keten.gemeente,
        product=keten.product,
        ingangsdatum=EIND + dt.timedelta(days=1),
        einddatum=EIND + dt.timedelta(days=60),
        volume=1,
        frequentie="2",
    )
    vow = bouw_317(  # names only the first: the VOW must hold every current toewijzing
        ist.Standaard.IWMO,
        keten.header("317"),
        keten.client.bsn,
        "VOW-1",
        te_wijzigen=[(t.nummer, BEGIN + dt.timedelta(days=60), EIND, 4, "04", "2")],
    )
    _, retour = keten.lever(vow, django_capture_on_commit_callbacks)
    assert retour.bericht == "318" and "9349" in retourcodes(retour)
    assert str(later.nummer) in Bericht.objects.get(berichtcode="317").fouten[0]["melding"]
    assert not Verzoek.objects.exists()
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "8"  # a rejected VOW does not move the traject


def test_vow_afgewezen_met_319(keten, django_capture_on_commit_callbacks):
    t = _in_zorg(keten, django_capture_on_commit_callbacks)
    vow = bouw_317(
        ist.Standaard.IWMO,
        keten.header("317"),
        keten.client.bsn,
        "VOW-1",
        te_wijzigen=[(t.nummer, BEGIN + dt.timedelta(days=60), EIND, 4, "04", "2")],
    )
    _, retour = keten.lever(vow, django_capture_on_commit_callbacks)
    assert retourcodes(retour) == []
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "8b"  # 8 → 8b: the subsegment change is judged
    verzoek = Verzoek.objects.get()
    services.wijs_verzoek_af(verzoek, reden="2", door=keten.wie["toegang"])
    antwoord = ist.read(bytes(Bericht.objects.filter(berichtcode="319").get().inhoud))
    assert (
        antwoord.antwoord.verzoek_antwoord.value,
        antwoord.antwoord.reden_afwijzing_verzoek.value,
    ) == ("1", "2")
    keten.traject.refresh_from_db()
    assert keten.traject.huidige_stap == "8"
    assert Toewijzing.objects.count() == 1


def test_vow_goedgekeurd_sluit_oude_en_wijst_nieuwe_toe(keten, django_capture_on_commit_callbacks):
    t = _in_zorg(keten, django_capture_on_commit_callbacks)
    per = BEGIN + dt.timedelta(days=60)
    vow = bouw_317(
        ist.Standaard.IWMO,
        keten.header("317"),
        keten.client.bsn,
        "VOW-2",
        te_wijzigen=[(t.nummer, per, EIND, 4, "04", "2")],
    )
    keten.lever(vow, django_capture_on_commit_callbacks)
    services.honoreer_vow(Verzoek.objects.get(), door=keten.wie["toegang"])
    t.refresh_from_db()
    assert t.einddatum == per - dt.timedelta(days=1)
    nieuw = Toewijzing.objects.exclude(pk=t.pk).get()
    assert (nieuw.ingangsdatum, nieuw.volume, nieuw.referentie_aanbieder) == (per, 4, "VOW-2")
    bericht301 = ist.read(
        bytes(Bericht.objects.filter(berichtcode="301").order_by("-pk")[0].inhoud)
    )
    assert {p.toewijzing_nummer for p in bericht301.client.toegewezen_producten} == {
        t.nummer,
        nieuw.nummer,
    }


def test_route2_jeugdige_van_17_krijgt_toewijzing_tot_18e_verjaardag(
    jeugd, django_capture_on_commit_callbacks
):
    from klantreis.toewijzingen.services import achttiende_verjaardag

    # 18 in about two months (day 28 at most: on 29 February too there is such a birthday)
    verjaardag = VANDAAG + dt.timedelta(days=60)
    jeugd.client.geboortedatum = dt.date(
        verjaardag.year - 18, verjaardag.month, min(verjaardag.day, 28)
    )
    jeugd.client.save()
    jeugd.lever(_315(jeugd), django_capture_on_commit_callbacks)  # asks until EIND (180 days)
    t = services.honoreer_vot(Verzoek.objects.get(), product=jeugd.jeugdproduct)
    achttien = achttiende_verjaardag(jeugd.client.geboortedatum)
    assert achttien < EIND
    assert t.einddatum == achttien - dt.timedelta(days=1)
    assert "18e verjaardag" in t.commentaar
    bericht301 = ist.read(bytes(Bericht.objects.filter(berichtcode="301").get().inhoud))
    assert bericht301.client.toegewezen_producten[0].einddatum == achttien - dt.timedelta(days=1)


def test_definitief_antwoord_binnen_8_weken_na_315(jeugd, django_capture_on_commit_callbacks):
    jeugd.lever(_315(jeugd), django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    termijn = verzoek.traject.termijnen.get(sleutel="definitief-antwoord-op-315")
    assert termijn.einddatum >= VANDAAG + dt.timedelta(weeks=8)
    services.zet_in_onderzoek(verzoek)
    services.honoreer_vot(verzoek, product=jeugd.jeugdproduct)
    termijn.refresh_from_db()
    assert termijn.voldaan_op == VANDAAG and termijn.gehaald is True


def test_tr350_en_tr351_vow_verwijst_naar_niet_actuele_toewijzing(
    keten, django_capture_on_commit_callbacks
):
    t = _in_zorg(keten, django_capture_on_commit_callbacks)
    vow = bouw_317(
        ist.Standaard.IWMO,
        keten.header("317"),
        keten.client.bsn,
        "VOW-9",
        ongewijzigd=[t.nummer, 77],  # 77 is no current toewijzing (TR350)
        te_wijzigen=[(88, BEGIN + dt.timedelta(days=30), EIND, 4, "04", "2")],  # nor 88 (TR351)
    )
    _, retour = keten.lever(vow, django_capture_on_commit_callbacks)
    codes = retourcodes(retour)
    assert "9350" in codes and "9351" in codes
    assert not Verzoek.objects.exists()


def test_tr355_en_tr365_antwoorden_op_een_verzoek(jeugd, django_capture_on_commit_callbacks):
    jeugd.lever(_315(jeugd, referentie="REF-55"), django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    services.zet_in_onderzoek(verzoek)
    services.wijs_verzoek_af(
        verzoek, reden="7"
    )  # TR365: after "in onderzoek" a rejection may follow
    antwoorden = [
        ist.read(bytes(b.inhoud)).antwoord
        for b in Bericht.objects.filter(berichtcode="319").order_by("pk")
    ]
    # TR355: every 319 carries the ReferentieAanbieder of the request it answers
    assert [(a.referentie_aanbieder, a.verzoek_antwoord.value) for a in antwoorden] == [
        ("REF-55", "2"),
        ("REF-55", "1"),
    ]
    with pytest.raises(services.ToewijzingFout, match="TR359/TR365"):
        services.wijs_verzoek_af(verzoek, reden="7")  # no answer after a rejection
    assert Bericht.objects.filter(berichtcode="319").count() == 2


def test_afwijzing_om_woonplaatsbeginsel_noemt_de_gemeente_tr377(
    jeugd, django_capture_on_commit_callbacks
):
    jeugd.lever(_315(jeugd, referentie="REF-WPB"), django_capture_on_commit_callbacks)
    verzoek = Verzoek.objects.get()
    with pytest.raises(services.ToewijzingFout, match="TR377"):
        services.wijs_verzoek_af(verzoek, reden="8")  # the 319 would break TR377
    with pytest.raises(services.ToewijzingFout, match="andere gemeente"):
        services.wijs_verzoek_af(verzoek, reden="8", woonplaats=jeugd.gemeente.code)
    with pytest.raises(services.ToewijzingFout, match="TR409"):
        services.wijs_verzoek_af(verzoek, reden="7", woonplaats="0344")
    assert not Bericht.objects.filter(berichtcode="319").exists()
    services.wijs_verzoek_af(verzoek, reden="8", woonplaats="0344")
    antwoord = ist.read(bytes(Bericht.objects.get(berichtcode="319").inhoud)).antwoord
    assert antwoord.reden_afwijzing_verzoek.value == "8"
    assert antwoord.woonplaatsbeginsel.gemeente == "0344"
    assert (
        ist.controleer_bericht(ist.read(bytes(Bericht.objects.get(berichtcode="319").inhoud))) == []
    )


def test_verstuur_weigert_een_bericht_dat_de_regels_van_niveau_2_breekt(jeugd):
    """The guard behind every message of ours: what breaks an in-message rule (here TR377,
    which the XSD does not see) is never written to the outbox."""
    from klantreis.berichten import services as berichten
    from klantreis.istandaarden import codes, modellen

    header = ist.nieuwe_header(
        ist.Standaard.IJW,
        "319",
        afzender=jeugd.gemeente.code,
        ontvanger=jeugd.aanbieder.agb_code,
        dagtekening=VANDAAG,
        identificatie="T377",
    )
    bericht = modellen.Bericht319(
        standaard=ist.Standaard.IJW,
        header=header,
        antwoord=modellen.Antwoord319(
            referentie_aanbieder="REF-X",
            verzoek_antwoord=codes.VerzoekAntwoord("1"),
            reden_afwijzing_verzoek=codes.RedenAfwijzingVerzoek("8"),
        ),
    )
    ist.write(bericht)  # valid against the XSD …
    with pytest.raises(ist.SchrijfFout, match="TR377"):
        berichten.verstuur(bericht)  # … but not against level 2
    assert not Bericht.objects.filter(berichtcode="319").exists()


def test_315_van_een_onbekende_aanbieder_blijft_bewaard_voor_de_backoffice(
    jeugd, django_capture_on_commit_callbacks
):
    """Route 2 stap I: a provider without a contract is not paid without a decision of the
    gemeente. Its 315 is not lost: the provider is registered under its AGB code and the
    request waits for the back office (here: 319 with reason 3, geen contract)."""
    from klantreis.organisaties.models import Aanbieder

    header = ist.nieuwe_header(
        ist.Standaard.IJW,
        "315",
        afzender="98765432",
        ontvanger=jeugd.gemeente.code,
        dagtekening=VANDAAG,
        identificatie="ONB1",
    )
    bericht = _315(jeugd, referentie="REF-ONB", header=header)
    _heen, retour = jeugd.lever(bericht, django_capture_on_commit_callbacks)
    assert retour.bericht == "316" and retourcodes(retour) == []
    onbekend = Aanbieder.objects.get(agb_code="98765432")
    assert onbekend.naam == "Onbekende aanbieder (AGB 98765432)"
    verzoek = Verzoek.objects.get(aanbieder=onbekend)
    assert verzoek.referentie_aanbieder == "REF-ONB" and verzoek.open
    with pytest.raises(services.ToewijzingFout):
        services.honoreer_vot(verzoek, product=jeugd.jeugdproduct)  # no contract
    services.wijs_verzoek_af(verzoek, reden="3")
    antwoord = Bericht.objects.get(berichtcode="319")
    assert antwoord.ontvanger == "98765432"
    assert ist.read(bytes(antwoord.inhoud)).antwoord.reden_afwijzing_verzoek.value == "3"
