"""A gemeente, a provider with a contract, a client on Achterhoek route 1 at step 5 (the
301), and helpers to deliver a provider's message to the exchange and read its retour."""

import datetime as dt
from dataclasses import dataclass

import pytest

from klantreis import istandaarden as ist
from klantreis.accounts.models import Rol
from klantreis.berichten import services as berichten
from klantreis.berichten.models import Bericht
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.routes import engine
from klantreis.simulatie.aanbieder import Persoon
from klantreis.tests.factories import AanbiederFactory, ClientFactory
from klantreis.tests.lopen import actoren, rond_af

VANDAAG = dt.date.today()


@dataclass
class Keten:
    gemeente: object
    aanbieder: object
    client: object
    product: object
    traject: object
    wie: object
    generator: object

    @property
    def persoon(self) -> Persoon:
        c = self.client
        return Persoon(
            bsn=c.bsn,
            geboortedatum=c.geboortedatum,
            geslacht=c.geslacht,
            achternaam=c.achternaam,
            voorletters="J",
        )

    def header(self, code: str, standaard=ist.Standaard.IWMO):
        return ist.nieuwe_header(
            standaard,
            code,
            afzender=self.aanbieder.agb_code,
            ontvanger=self.gemeente.code,
            dagtekening=VANDAAG,
            identificatie=self.generator,
        )

    def lever(self, message, django_capture_on_commit_callbacks):
        """Delivers a provider's message to the gemeente; returns (heen, retour message)."""
        with django_capture_on_commit_callbacks(execute=True):
            heen = berichten.ontvang(
                ist.write(message),
                transport="test",
                bestandsnaam="test.xml",
                eigenaar=self.gemeente.code,
            )
        heen.refresh_from_db()
        retour = Bericht.objects.filter(heen=heen).first()
        return heen, (ist.read(bytes(retour.inhoud)) if retour else None)


def retourcodes(retour) -> list[str]:
    """Every RetourCode in a retour message, in document order."""
    from lxml import etree

    root = etree.fromstring(ist.write(retour))
    return [el.text for el in root.iter() if etree.QName(el).localname == "RetourCode"]


@pytest.fixture
def keten(doetinchem):
    segment = Segment.objects.create(code="WMO-BEG-IND", naam="Begeleiding individueel", wet="wmo")
    product = Product.objects.create(
        wet="wmo",
        segment=segment,
        categorie="02",
        code="02A01",
        naam="Begeleiding",
        eenheid="04",
        eigen_bijdrage=True,
    )
    aanbieder = AanbiederFactory(agb_code="41000044", naam="Begeleiding Oost")
    Contract.objects.create(
        aanbieder=aanbieder,
        gemeente=doetinchem,
        product=product,
        tarief=6150,
        ingangsdatum=dt.date(2023, 1, 1),
    )
    client = ClientFactory(
        gemeente=doetinchem,
        wet="wmo",
        straat="Markt",
        huisnummer="12",
        postcode="7001AB",
        woonplaats="Doetinchem",
    )
    wie = actoren(doetinchem, aanbieder)
    traject = engine.start_traject(
        client=client,
        gemeente=doetinchem,
        route_id="achterhoek-route-1",
        door=wie[Rol.TOEGANG],
        rol=Rol.TOEGANG,
    )
    for _ in ["I", "1a", "1b", "2", "3", "4"]:
        rond_af(traject, wie)
    assert traject.huidige_stap == "5"
    return Keten(
        doetinchem,
        aanbieder,
        client,
        product,
        traject,
        wie,
        ist.GeheugenIdentificatieGenerator(prefix="T"),
    )
