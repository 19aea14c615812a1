"""End to end over the GGk: a provider's 315 arrives as a StUF Di01 on POST /ggk/, the real
exchange stores and processes it (toewijzingen records the request), and the 316 goes back as
a Du01 to the GGk (here a local HTTP server) with crossRefnummer = the Di01's reference."""

import pytest
from django.db import transaction

from klantreis import istandaarden as ist
from klantreis.berichten.models import Bericht
from klantreis.berichten.tests.test_ggk_http import SHARED, nep_ggk  # noqa: F401  (fixture)
from klantreis.berichten.transports import Uitgaand, ggk
from klantreis.simulatie.aanbieder import Aanvraag, Persoon, bouw_315
from klantreis.tests.factories import AanbiederFactory, GemeenteFactory
from klantreis.toewijzingen.models import Verzoek

pytestmark = pytest.mark.skipif(not SHARED.exists(), reason="shared/istandaarden ontbreekt")


@pytest.mark.django_db(transaction=True)
def test_315_via_ggk_in_en_316_via_ggk_terug(client, settings, nep_ggk):  # noqa: F811 (fixture)
    import datetime as dt

    gemeente = GemeenteFactory(code="0222", naam="Doetinchem")
    aanbieder = AanbiederFactory(agb_code="41000088", naam="Jeugdhulp Achterhoek")
    settings.KLANTREIS_TRANSPORT = {
        "plugin": "ggk",
        "opties": {"url": nep_ggk.url, "gemeentecode": gemeente.code},
        "eigenaren": [],
    }
    vandaag = dt.date.today()
    verzoek = bouw_315(
        ist.Standaard.IJW,
        ist.nieuwe_header(
            ist.Standaard.IJW,
            "315",
            afzender=aanbieder.agb_code,
            ontvanger=gemeente.code,
            dagtekening=vandaag,
            identificatie="VOT77",
        ),
        Persoon(
            bsn="999990019",
            geboortedatum=dt.date(2014, 2, 3),
            geslacht="2",
            achternaam="Wissink",
            voorletters="E",
        ),
        [
            Aanvraag(
                referentie="R-77",
                categorie="45",
                code="45A03",
                ingangsdatum=vandaag + dt.timedelta(days=7),
                einddatum=None,
                volume=3,
                eenheid="04",
                frequentie="4",
                verwijzer="06",
                verwijzer_naam="",
            )
        ],
    )
    di01 = ggk.soap_envelop(
        ggk.bouw_di01(
            Uitgaand(
                inhoud=ist.write(verzoek),
                bestandsnaam="JW315_VOT77.xml",
                functie="JW315",
                afzender=aanbieder.agb_code,
                ontvanger=gemeente.code,
                identificatie="VOT77",
            ),
            applicatie="VECOZO",
            referentienummer="d1f0c0de-0000-4000-8000-000000000077",
        )
    )
    antwoord = client.post(
        "/ggk/",
        data=di01,
        content_type="text/xml",
        HTTP_X_SSL_CLIENT_S_DN="CN=ggk.test,O=VNG Realisatie",  # settings/test.py
        HTTP_X_SSL_CLIENT_VERIFY="SUCCESS",
    )
    assert antwoord.status_code == 200
    assert ggk.lees_antwoord(antwoord.content).berichtcode == "Bv03"
    heen = Bericht.objects.get(richting="in")
    assert (heen.berichtcode, heen.status, heen.transport) == ("315", "verwerkt", "ggk")
    assert heen.kanaal_referentie == "d1f0c0de-0000-4000-8000-000000000077"
    assert Verzoek.objects.get().referentie_aanbieder == "R-77"
    retour = Bericht.objects.get(richting="uit")
    assert (retour.berichtcode, retour.status, retour.heen) == ("316", "verzonden", heen), (
        retour.laatste_fout
    )
    ((_pad, _headers, body),) = nep_ggk.verzoeken
    du01 = ggk.lees_envelop(body, verwacht=("Du01",))
    assert du01.cross_refnummer == "d1f0c0de-0000-4000-8000-000000000077"
    assert du01.functie == "JW316"
    assert ist.read(du01.inhoud).header.identificatie_retour == retour.identificatie
    assert not transaction.get_connection().in_atomic_block
