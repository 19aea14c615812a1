"""Demo data for the declaratie, payment and message screens: toewijzingen with a 305 (so
provider waiting times show), 323s processed through the real exchange (approved and rejected
prestaties), Heusden's held payments of which one is released by a late 305, and one payment
run exported and confirmed. Everything goes through the services and the exchange the
production code uses; only the provider's side is played here (its messages are built with
the codec and received with ``berichten.ontvang``).

Idempotent: nothing is added when the demo's declaraties exist (DeclaratieNummer ``DEMO…``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.berichten import services as berichten
from klantreis.berichten.verwerking import verwerk
from klantreis.clients.models import Client
from klantreis.declaraties import betaalopdracht as bo
from klantreis.declaraties.models import Declaratie
from klantreis.declaraties.regels import laatste_dag
from klantreis.istandaarden import codes
from klantreis.istandaarden import modellen as m
from klantreis.organisaties.models import Aanbieder, Gemeente
from klantreis.producten.models import Product
from klantreis.simulatie.aanbieder import Persoon, bouw_305
from klantreis.toewijzingen import services as toewijzingen

from .bsn import test_bsns

PREFIX = "DEMO"
PRODUCT = "02A01"  # Begeleiding individueel, uur (04), € 61,50
UREN = 8

# demo bank accounts (valid check digits; not real accounts)
GEMEENTE_BANK = "BNGH"
AANBIEDER_BANK = ["RABO", "INGB", "ABNA"]


def _iban(bank: str, nummer: int) -> str:
    from schwifty import IBAN

    return IBAN.generate("NL", bank_code=bank, account_code=f"{nummer:010d}").compact


def bankrekeningen() -> None:
    """Every demo gemeente and provider gets an account (only where none is set)."""
    for i, g in enumerate(Gemeente.objects.filter(iban="").order_by("code")):
        g.iban, g.rekeninghouder = _iban(GEMEENTE_BANK, 285000000 + i), f"Gemeente {g.naam}"
        g.save(update_fields=["iban", "rekeninghouder"])
    for i, a in enumerate(Aanbieder.objects.filter(iban="", is_gi=False).order_by("agb_code")):
        a.iban = _iban(AANBIEDER_BANK[i % len(AANBIEDER_BANK)], 100000000 + 7919 * i)
        a.save(update_fields=["iban"])


def maand(terug: int, vandaag: dt.date) -> dt.date:
    j, mnd = divmod(vandaag.year * 12 + vandaag.month - 1 - terug, 12)
    return dt.date(j, mnd + 1, 1)


@dataclass
class Partij:
    gemeente: Gemeente
    aanbieder: Aanbieder
    backoffice: object
    clienten: list
    toewijzingen: list


class _Ids:
    """Identificaties per sender, continuing after those already in the database (TR056)."""

    def __init__(self):
        self.generator = ist.GeheugenIdentificatieGenerator(prefix="DM")

    def header(self, code: str, afzender: str, ontvanger: str, vandaag: dt.date):
        return ist.nieuwe_header(
            ist.Standaard.IWMO,
            code,
            afzender=afzender,
            ontvanger=ontvanger,
            dagtekening=vandaag,
            identificatie=self.generator,
        )


def _lever(message, gemeente) -> None:
    """Receives a provider's message as the gemeente and processes it now (the worker's
    claim makes a second run of the same message, on commit, a no-op)."""
    b = berichten.ontvang(
        ist.write(message), transport="demo", bestandsnaam="demo.xml", eigenaar=gemeente.code
    )
    verwerk(b.pk)


def _persoon(c: Client) -> Persoon:
    return Persoon(
        bsn=c.bsn,
        geboortedatum=c.geboortedatum,
        geslacht=c.geslacht,
        achternaam=c.achternaam,
        voorvoegsel=c.voorvoegsel or None,
        voorletters="".join(ch for ch in c.voorletters or "" if ch.isalpha()) or None,
    )


def _prestatie(ref, nummer, begin, *, volume=UREN, tarief=6150, credit=False, vorig=None):
    return m.Prestatie323(
        product_referentie=m.Referentie(referentie_nummer=ref, vorig_referentie_nummer=vorig),
        toewijzing_nummer=nummer,
        product_categorie=codes.WmoProductCategorie("02"),
        product_code=PRODUCT,
        product_periode=m.GeslotenPeriode(begindatum=begin, einddatum=laatste_dag(begin)),
        geleverd_volume=volume,
        eenheid=codes.Eenheid("04"),
        product_tarief=tarief,
        ingediend_bedrag=m.BedragMetDC(
            bedrag=volume * tarief, debet_credit=codes.DebetCredit("C" if credit else "D")
        ),
    )


def _323(p: Partij, ids: _Ids, nummer: str, periode: dt.date, per_client: dict, vandaag):
    def teken(x):
        return (
            -x.ingediend_bedrag.bedrag
            if x.ingediend_bedrag.debet_credit == "C"
            else (x.ingediend_bedrag.bedrag)
        )

    totaal = sum(teken(x) for ps in per_client.values() for x in ps)
    return m.Bericht323(
        standaard=ist.Standaard.IWMO,
        header=ids.header("323", p.aanbieder.agb_code, p.gemeente.code, vandaag),
        declaratie=m.Declaratie(
            declaratie_nummer=nummer,
            declaratie_periode=m.GeslotenPeriode(
                begindatum=periode, einddatum=laatste_dag(periode)
            ),
            declaratie_dagtekening=vandaag,
            totaal_ingediend_bedrag=m.TotaalBedragMetDC(
                totaal_bedrag=abs(totaal),
                debet_credit=codes.DebetCredit("C" if totaal < 0 else "D"),
            ),
            clienten=tuple(
                m.Client323(bsn=b, prestaties=tuple(ps)) for b, ps in per_client.items()
            ),
        ),
    )


def _partij(gemeente, aanbieder, backoffice, bsns, aantal, vandaag) -> Partij:
    product = Product.objects.get(code=PRODUCT, wet="wmo")
    clienten, tws = [], []
    namen = [("Jan", "Verhoeven"), ("Marieke", "Peters"), ("Ahmed", "El Amrani"),
             ("Els", "van der Heijden"), ("Tom", "Brouwer")]  # fmt: skip
    ingang = maand(4, vandaag)
    for i in range(aantal):
        voornaam, achternaam = namen[i % len(namen)]
        voorvoegsel, _, achter = achternaam.rpartition(" ")
        c = Client.objects.create(
            bsn=next(bsns), voornamen=voornaam, voorletters=voornaam[0] + ".",
            voorvoegsel=voorvoegsel, achternaam=achter, geboortedatum=dt.date(1950 + i, 3, 1 + i),
            geslacht="1" if i % 2 else "2", straat="Kerkstraat", huisnummer=str(3 + i),
            postcode="5251 AA", woonplaats=gemeente.naam, gemeente=gemeente, wet="wmo",
        )  # fmt: skip
        op = timezone.make_aware(dt.datetime.combine(ingang - dt.timedelta(days=10), dt.time(10)))
        t = toewijzingen.wijs_toe(
            client=c, aanbieder=aanbieder, gemeente=gemeente, product=product,
            ingangsdatum=ingang, einddatum=ingang + dt.timedelta(days=364),
            volume=10, frequentie="2", door=backoffice, op=op,
        )  # fmt: skip
        clienten.append(c)
        tws.append(t)
    return Partij(gemeente, aanbieder, backoffice, clienten, tws)


def laad_declaraties(org: dict, users: dict) -> bool:
    """Loads the demo's toewijzingen, 305s, 323s and one payment run; False when already there."""
    if Declaratie.objects.filter(nummer__startswith=PREFIX).exists():
        return False
    bankrekeningen()
    vandaag = timezone.localdate()
    bsns = test_bsns(999_980_000)
    ids = _Ids()
    heusden = _partij(
        org["gemeenten"]["0797"], org["aanbieders"]["41000011"], users["backoffice.heusden"],
        bsns, 4, vandaag,
    )  # fmt: skip
    doetinchem = _partij(
        org["gemeenten"]["0222"], org["aanbieders"]["41000044"], users["backoffice.achterhoek"],
        bsns, 5, vandaag,
    )  # fmt: skip
    # 305s: care started some days after the toewijzing (waiting times); in Heusden two
    # clients have none yet, so their payment is held (betaling na startbericht)
    for p, zonder in ((heusden, 2), (doetinchem, 0)):
        for i, (c, t) in enumerate(zip(p.clienten, p.toewijzingen, strict=True)):
            if i >= len(p.clienten) - zonder:
                continue
            start = bouw_305(
                ist.Standaard.IWMO,
                ids.header("305", p.aanbieder.agb_code, p.gemeente.code, vandaag),
                _persoon(c),
                [(t.nummer, t.ingangsdatum + dt.timedelta(days=3 + 4 * i), "1")],
            )
            _lever(start, p.gemeente)
    oud, recent = maand(2, vandaag), maand(1, vandaag)
    for p, code in ((heusden, "H"), (doetinchem, "D")):
        # month 1: everyone approved but one wrong tariff (TR418) and one unknown toewijzing
        # (TR338); month 2: all approved
        per_client = {}
        for i, (c, t) in enumerate(zip(p.clienten, p.toewijzingen, strict=True)):
            per_client[c.bsn] = [_prestatie(f"{PREFIX}{code}{oud:%y%m}{i}", t.nummer, oud)]
        c0 = p.clienten[0]
        per_client[c0.bsn].append(
            _prestatie(f"{PREFIX}{code}{oud:%y%m}X", 99999, oud)  # TR338: no such toewijzing
        )
        c1, t1 = p.clienten[1], p.toewijzingen[1]
        per_client[c1.bsn] = [
            _prestatie(f"{PREFIX}{code}{oud:%y%m}1", t1.nummer, oud, tarief=6500)  # TR418
        ]
        _lever(_323(p, ids, f"{PREFIX}{code}{oud:%y%m}", oud, per_client, vandaag), p.gemeente)
        per_client = {
            c.bsn: [_prestatie(f"{PREFIX}{code}{recent:%y%m}{i}", t.nummer, recent, volume=6)]
            for i, (c, t) in enumerate(zip(p.clienten, p.toewijzingen, strict=True))
        }
        _lever(
            _323(p, ids, f"{PREFIX}{code}{recent:%y%m}", recent, per_client, vandaag), p.gemeente
        )
    # Heusden: the 305 of one held client arrives late and releases its payments
    c, t = heusden.clienten[-2], heusden.toewijzingen[-2]
    _lever(
        bouw_305(
            ist.Standaard.IWMO,
            ids.header("305", heusden.aanbieder.agb_code, heusden.gemeente.code, vandaag),
            _persoon(c),
            [(t.nummer, t.ingangsdatum + dt.timedelta(days=40), "1")],
        ),
        heusden.gemeente,
    )
    # Doetinchem's back office paid the older month: one run exported and confirmed
    opdracht = bo.maak_betaalopdracht(
        doetinchem.gemeente, tot_en_met=oud, door=doetinchem.backoffice
    )
    if opdracht is not None:
        bo.bevestig(opdracht, door=doetinchem.backoffice)
    return True
