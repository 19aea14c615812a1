"""Two providers in Heusden, each with a traject at step 4 (the provider writes the
ondersteuningsplan), a toewijzing, a verzoek and a message: the API's permission tests ask
for the other provider's records."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, time

import pytest
from rest_framework.test import APIClient

from klantreis.accounts.models import Rol
from klantreis.berichten.models import Bericht
from klantreis.declaraties.tests.conftest import omgeving  # noqa: F401 (a fixture)
from klantreis.demo.voorbeelden import inhoud
from klantreis.documenten import services as documenten
from klantreis.portal.tests.conftest import contract, start
from klantreis.tests.factories import AanbiederFactory
from klantreis.tests.lopen import rond_af
from klantreis.toewijzingen.models import Toewijzing, Verzoek


@dataclass
class Kant:
    """One provider's side: its traject and records, and a user of its staff."""

    aanbieder: object
    traject: object
    medewerker: object
    plan: object  # the ondersteuningsplan the provider wrote
    iva: object  # written by the gemeente, not shared with the provider
    termijn: object
    toewijzing: object
    verzoek: object
    bericht: object
    declaratie: object = None
    prestatie: object = None
    betaalopdracht: object = None  # a payment run holding only this side's prestatie
    cak: object = None  # a delivered CAK notice on this side's toewijzing (its own file)

    @property
    def client(self):
        return self.traject.client


def _kant(gemeente, naam: str, achternaam: str, nummer: int) -> Kant:
    aanbieder = AanbiederFactory(naam=naam)
    contract(aanbieder, gemeente)
    traject = start(gemeente, voornamen="Test", achternaam=achternaam)
    traject.wie.aanbieder = aanbieder
    for _ in range(3):  # IVA, IPA, keuze aanbieder: at step 4, the provider's
        rond_af(traject, traject.wie)
    medewerker = traject.wie[Rol.AANBIEDER]
    plan = documenten.schrijf_versie(
        traject,
        "ondersteuningsplan",
        inhoud("ondersteuningsplan"),
        door=medewerker,
        rol=Rol.AANBIEDER,
    ).document
    xml = f"<bericht>{achternaam}</bericht>".encode()
    bericht = Bericht.objects.create(
        richting="in",
        standaard="iWmo",
        berichtcode="315",
        afzender=aanbieder.agb_code,
        ontvanger=gemeente.code,
        eigenaar=gemeente.code,
        inhoud=xml,
        sha256=hashlib.sha256(xml).hexdigest(),
        status="verwerkt",
        traject=traject,
    )
    kant = Kant(
        aanbieder=aanbieder,
        traject=traject,
        medewerker=medewerker,
        plan=plan,
        iva=traject.documenten.get(soort="iva"),
        termijn=traject.termijnen.first(),
        toewijzing=Toewijzing.objects.create(
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=traject.client,
            traject=traject,
            wet="wmo",
            nummer=nummer,
            categorie="02",
            code="02A01",
            toewijzingsdatum=date(2026, 1, 5),
            toewijzingstijd=time(10, 0),
            ingangsdatum=date(2026, 1, 5),
        ),
        verzoek=Verzoek.objects.create(
            soort="vot",
            gemeente=gemeente,
            aanbieder=aanbieder,
            client=traject.client,
            traject=traject,
            wet="wmo",
            referentie_aanbieder=f"REF-{nummer}",
            inhoud={"product": "02A01"},
            dagtekening=date(2026, 1, 2),
            bericht=bericht,
        ),
        bericht=bericht,
    )
    _declaratie(kant, gemeente, nummer)
    _cak(kant, nummer)
    return kant


def _cak(kant: Kant, nummer: int) -> None:
    """A start notice for the CAK of this side, delivered in a file of its own."""
    from django.utils import timezone

    from klantreis.toewijzingen.models import CakMelding, ZorgMelding

    # the start line is not tied to the toewijzing: the work queue tests count on a toewijzing
    # that has not started yet
    start = ZorgMelding.objects.create(
        soort="start",
        bsn=kant.client.bsn,
        toewijzing_nummer=nummer,
        begindatum=date(2026, 1, 12),
        status_aanlevering="1",
        bericht=kant.bericht,
    )
    kant.cak = CakMelding.objects.create(
        soort="start",
        toewijzing=kant.toewijzing,
        melding=start,
        datum=date(2026, 1, 12),
        geexporteerd_op=timezone.now(),
        exportbestand=f"/var/cak/cak-test-{nummer}.csv",
    )


def _declaratie(kant: Kant, gemeente, nummer: int) -> None:
    """A declaratie of this side with one approved prestatie, taken into a payment run."""
    from klantreis.declaraties.models import Betaalopdracht, Declaratie, Prestatie

    kant.declaratie = Declaratie.objects.create(
        gemeente=gemeente,
        aanbieder=kant.aanbieder,
        wet="wmo",
        nummer=f"D{nummer}",
        periode_begin=date(2026, 1, 1),
        periode_eind=date(2026, 1, 31),
        dagtekening=date(2026, 2, 2),
        totaal_ingediend=6150,
        totaal_toegekend=6150,
        bericht=kant.bericht,
    )
    kant.betaalopdracht = Betaalopdracht.objects.create(
        gemeente=gemeente, kenmerk=f"KR-TEST-{nummer}", uitvoerdatum=date(2026, 2, 20)
    )
    kant.prestatie = Prestatie.objects.create(
        declaratie=kant.declaratie,
        aanbieder=kant.aanbieder,
        wet="wmo",
        bsn=kant.client.bsn,
        toewijzing=kant.toewijzing,
        toewijzing_nummer=nummer,
        referentienummer=f"REF{nummer}",
        categorie="02",
        code="02A01",
        periode_begin=date(2026, 1, 1),
        periode_eind=date(2026, 1, 31),
        volume=1,
        eenheid="04",
        tarief=6150,
        bedrag=6150,
        goedgekeurd=True,
        betaalstatus="in_bestand",
        betaalopdracht=kant.betaalopdracht,
    )


@dataclass
class Wereld:
    eigen: Kant
    ander: Kant
    consulent: object


@pytest.fixture
def wereld(heusden) -> Wereld:
    eigen = _kant(heusden, "Zorgkracht Heusden", "Eigenaar", 1001)
    ander = _kant(heusden, "Thuishulp Maasland", "Anderman", 2002)
    return Wereld(eigen=eigen, ander=ander, consulent=eigen.traject.wie[Rol.TOEGANG])


@pytest.fixture
def api():
    return APIClient()


def als(api: APIClient, user) -> APIClient:
    """Authenticates with the user's token, as a system would."""
    from rest_framework.authtoken.models import Token

    token, _ = Token.objects.get_or_create(user=user)
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return api
