"""A gemeente, a provider with a contract (Begeleiding 02A01, € 61,50 per uur), two clients
with a toewijzing each (10 uur per week), and helpers to build a 323, deliver it to the
exchange and read the 325."""

import datetime as dt
from dataclasses import dataclass, field

import pytest
from lxml import etree

from klantreis import istandaarden as ist
from klantreis.berichten import services as berichten
from klantreis.berichten.models import Bericht
from klantreis.istandaarden import codes
from klantreis.istandaarden import modellen as m
from klantreis.organisaties.models import Contract
from klantreis.producten.models import Product, Segment
from klantreis.tests.factories import AanbiederFactory, ClientFactory, GemeenteFactory
from klantreis.toewijzingen.models import Toewijzing

VANDAAG = dt.date.today()


def maand(terug: int) -> dt.date:
    """The first day of the month ``terug`` months before this one."""
    j, mnd = divmod(VANDAAG.year * 12 + VANDAAG.month - 1 - terug, 12)
    return dt.date(j, mnd + 1, 1)


MAAND = maand(2)  # the DeclaratiePeriode of most tests: recent, not late
TARIEF = 6150


def einde(begin: dt.date) -> dt.date:
    from klantreis.declaraties.regels import laatste_dag

    return laatste_dag(begin)


def prestatie(
    ref: str,
    *,
    nummer: int = 1,
    vorig: str | None = None,
    credit: bool = False,
    categorie: str = "02",
    code: str = "02A01",
    begin: dt.date | None = None,
    eind: dt.date | None = None,
    volume: int = 8,
    eenheid: str = "04",
    tarief: int | None = TARIEF,
    bedrag: int | None = None,
):
    begin = begin or MAAND
    return m.Prestatie323(
        product_referentie=m.Referentie(referentie_nummer=ref, vorig_referentie_nummer=vorig),
        toewijzing_nummer=nummer,
        product_categorie=codes.WmoProductCategorie(categorie),
        product_code=code,
        product_periode=m.GeslotenPeriode(begindatum=begin, einddatum=eind or einde(begin)),
        geleverd_volume=volume,
        eenheid=codes.Eenheid(eenheid),
        product_tarief=tarief,
        ingediend_bedrag=m.BedragMetDC(
            bedrag=bedrag if bedrag is not None else volume * (tarief or 1),
            debet_credit=codes.DebetCredit("C" if credit else "D"),
        ),
    )


@dataclass
class Omgeving:
    gemeente: object
    aanbieder: object
    clienten: list
    toewijzingen: list
    product: object
    generator: object = field(
        default_factory=lambda: ist.GeheugenIdentificatieGenerator(prefix="D")
    )

    @property
    def bsn(self) -> str:
        return self.clienten[0].bsn

    def bericht(self, clienten: dict, *, nummer: str = "DECL1", periode: dt.date | None = None):
        periode = periode or MAAND
        totaal = sum(
            -p.ingediend_bedrag.bedrag
            if p.ingediend_bedrag.debet_credit.value == "C"
            else p.ingediend_bedrag.bedrag
            for ps in clienten.values()
            for p in ps
        )
        return m.Bericht323(
            standaard=ist.Standaard.IWMO,
            header=ist.nieuwe_header(
                ist.Standaard.IWMO,
                "323",
                afzender=self.aanbieder.agb_code,
                ontvanger=self.gemeente.code,
                dagtekening=VANDAAG,
                identificatie=self.generator,
            ),
            declaratie=m.Declaratie(
                declaratie_nummer=nummer,
                declaratie_periode=m.GeslotenPeriode(begindatum=periode, einddatum=einde(periode)),
                declaratie_dagtekening=VANDAAG,
                totaal_ingediend_bedrag=m.TotaalBedragMetDC(
                    totaal_bedrag=abs(totaal),
                    debet_credit=codes.DebetCredit("C" if totaal < 0 else "D"),
                ),
                clienten=tuple(
                    m.Client323(bsn=bsn, prestaties=tuple(ps)) for bsn, ps in clienten.items()
                ),
            ),
        )

    def lever(self, message, capture):
        """Delivers the 323; returns (heen Bericht, 325 message or None)."""
        with capture(execute=True):
            heen = berichten.ontvang(
                ist.write(message), transport="test", bestandsnaam="d.xml",
                eigenaar=self.gemeente.code,
            )  # fmt: skip
        heen.refresh_from_db()
        retour = Bericht.objects.filter(heen=heen).first()
        return heen, (ist.read(bytes(retour.inhoud)) if retour else None)

    def declareer(self, prestaties, capture, **kw):
        """One client's prestaties in one 323; returns the 325."""
        return self.lever(self.bericht({self.bsn: prestaties}, **kw), capture)[1]


def retourcodes(retour) -> list[str]:
    root = etree.fromstring(ist.write(retour))
    return [el.text for el in root.iter() if etree.QName(el).localname == "RetourCode"]


def codes_per_prestatie(retour) -> dict[str, list[str]]:
    """ReferentieNummer -> the retourcodes of that prestatie in the 325."""
    uit = {}
    antwoord = retour.declaratie_antwoord
    for c in antwoord.clienten if antwoord else ():
        for p in c.prestaties:
            uit[p.product_referentie.referentie_nummer] = [r.value for r in p.retour_codes]
    return uit


def maak_toewijzing(gemeente, aanbieder, client, nummer, **kw) -> Toewijzing:
    velden = dict(
        gemeente=gemeente,
        aanbieder=aanbieder,
        client=client,
        wet="wmo",
        nummer=nummer,
        categorie="02",
        code="02A01",
        toewijzingsdatum=dt.date(2024, 1, 1),
        toewijzingstijd=dt.time(9, 0),
        ingangsdatum=dt.date(2024, 1, 1),
        volume=10,
        eenheid="04",
        frequentie="2",
    )
    velden.update(kw)
    return Toewijzing.objects.create(**velden)


@pytest.fixture
def omgeving(db):
    gemeente = GemeenteFactory(code="0797", naam="Heusden")
    segment = Segment.objects.create(code="WMO-BEG", naam="Begeleiding", wet="wmo")
    product = Product.objects.create(
        wet="wmo", segment=segment, categorie="02", code="02A01", naam="Begeleiding", eenheid="04"
    )
    aanbieder = AanbiederFactory(agb_code="41000044", naam="Begeleiding Oost")
    Contract.objects.create(
        aanbieder=aanbieder, gemeente=gemeente, product=product, tarief=TARIEF,
        ingangsdatum=dt.date(2023, 1, 1),
    )  # fmt: skip
    clienten = [ClientFactory(gemeente=gemeente, wet="wmo") for _ in range(2)]
    toewijzingen = [maak_toewijzing(gemeente, aanbieder, c, i + 1) for i, c in enumerate(clienten)]
    return Omgeving(gemeente, aanbieder, clienten, toewijzingen, product)
