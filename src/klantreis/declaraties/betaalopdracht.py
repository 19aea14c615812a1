"""Payment runs (Heusden stap 8): the payable prestaties of a gemeente become one
``Betaalopdracht``, from which the files for the finance department are made
(``declaraties.bestanden``: CSV, XLSX; ``declaraties.sepa``: pain.001).

A line is taken by one conditional UPDATE (``te_betalen`` → ``in_bestand`` with the run's id),
so it is in one run only, however many clerks press the button; held lines (``aangehouden``,
Heusden's betaling na startbericht) are not ``te_betalen`` and so are never taken. A provider
whose payable lines net to zero or less (credits larger than debets) is left out: a credit
transfer cannot be negative, its lines wait and are offset in a later run.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth
from django.utils import timezone

from klantreis.termijnen import kalender

from . import workflow
from .models import Betaalopdracht, Betaalstatus, OpdrachtStatus, Prestatie


class BetaalFout(Exception):
    """A payment run cannot be made or changed; the message is Dutch, for the screen."""


def volgende_maand(maand: dt.date) -> dt.date:
    j, m = divmod(maand.year * 12 + maand.month, 12)
    return dt.date(j, m + 1, 1)


def te_betalen(gemeente, tot_en_met: dt.date | None = None):
    """The payable lines of a gemeente, optionally up to and including a month (by
    ProductPeriode): a range on the date column, no function per row."""
    qs = Prestatie.objects.filter(
        declaratie__gemeente=gemeente, betaalstatus=Betaalstatus.TE_BETALEN
    )
    if tot_en_met is not None:
        qs = qs.filter(periode_begin__lt=volgende_maand(tot_en_met))
    return qs


def _kenmerk(opdracht: Betaalopdracht) -> str:
    """KR-<gemeentecode>-<jjjjmmdd>-<id>: unique by the row's id, also when two clerks make a
    run at the same moment (the bank's duplicate check is on this MsgId)."""
    return f"KR-{opdracht.gemeente.code}-{timezone.localdate():%Y%m%d}-{opdracht.pk}"


def standaard_uitvoerdatum(vandaag: dt.date | None = None) -> dt.date:
    """The next working day (Atw calendar: no weekend, no holiday)."""
    vandaag = vandaag or timezone.localdate()
    return kalender.bereken(vandaag, "1 werkdagen").einddatum


@transaction.atomic
def maak_betaalopdracht(
    gemeente,
    *,
    tot_en_met: dt.date | None = None,
    uitvoerdatum: dt.date | None = None,
    door=None,
) -> Betaalopdracht | None:
    """Takes every payable line of the gemeente (up to ``tot_en_met``) of providers whose
    lines net to more than zero into a new run. None when there is nothing to pay."""
    kandidaten = te_betalen(gemeente, tot_en_met)
    positief = [
        r["aanbieder_id"]
        for r in kandidaten.values("aanbieder_id").annotate(s=Sum("bedrag")).order_by()
        if r["s"] > 0
    ]
    if not positief:
        return None
    opdracht = Betaalopdracht.objects.create(
        gemeente=gemeente,
        kenmerk=f"nieuw-{uuid.uuid4().hex}"[:35],
        tot_en_met=tot_en_met,
        uitvoerdatum=uitvoerdatum or standaard_uitvoerdatum(),
        aangemaakt_door=door,
    )
    opdracht.kenmerk = _kenmerk(opdracht)
    workflow.zet_prestaties(
        kandidaten.filter(aanbieder_id__in=positief, betaalopdracht__isnull=True),
        Betaalstatus.TE_BETALEN,
        Betaalstatus.IN_BESTAND,
        betaalopdracht=opdracht,
    )
    som = opdracht.prestaties.aggregate(n=Count("id"), s=Sum("bedrag"))
    if not som["n"]:  # another run took them between our read and our update
        transaction.set_rollback(True)
        return None
    opdracht.aantal, opdracht.totaal = som["n"], som["s"]
    opdracht.save(update_fields=["kenmerk", "aantal", "totaal"])
    return opdracht


@transaction.atomic
def bevestig(opdracht: Betaalopdracht, *, door=None) -> None:
    """Finance confirms the bank executed the run: its lines are paid."""
    if not workflow.zet_opdracht(opdracht, OpdrachtStatus.BETAALD, door=door):
        raise BetaalFout(f"Betaalopdracht {opdracht.kenmerk} is al afgehandeld.")
    workflow.zet_prestaties(
        opdracht.prestaties.all(),
        Betaalstatus.IN_BESTAND,
        Betaalstatus.BETAALD,
        betaald_op=opdracht.afgehandeld_op,
    )


@transaction.atomic
def trek_in(opdracht: Betaalopdracht, *, door=None) -> int:
    """The file was not (or not correctly) executed: its lines become payable again and may
    go into a new run. Returns how many."""
    if not workflow.zet_opdracht(opdracht, OpdrachtStatus.INGETROKKEN, door=door):
        raise BetaalFout(f"Betaalopdracht {opdracht.kenmerk} is al afgehandeld.")
    return workflow.zet_prestaties(
        opdracht.prestaties.all(),
        Betaalstatus.IN_BESTAND,
        Betaalstatus.TE_BETALEN,
        betaalopdracht=None,
    )


# --- the lines of a file ------------------------------------------------------------------------


@dataclass(frozen=True)
class Betaalregel:
    """Payable prestaties of one provider, domain and month, credits netted."""

    gemeentecode: str
    agb_code: str
    aanbieder: str
    wet: str
    periode: dt.date
    aantal: int
    bedrag: int  # eurocent
    iban: str
    bic: str
    tenaamstelling: str


def regels_van(prestaties) -> list[Betaalregel]:
    """Payment lines of a set of prestaties, aggregated in SQL."""
    rijen = (
        prestaties.annotate(maand=TruncMonth("periode_begin"))
        .values(
            "declaratie__gemeente__code",
            "aanbieder__agb_code",
            "aanbieder__naam",
            "aanbieder__iban",
            "aanbieder__bic",
            "aanbieder__tenaamstelling",
            "wet",
            "maand",
        )
        .annotate(aantal=Count("id"), bedrag=Sum("bedrag"))
        .order_by("declaratie__gemeente__code", "aanbieder__agb_code", "wet", "maand")
    )
    return [
        Betaalregel(
            gemeentecode=r["declaratie__gemeente__code"],
            agb_code=r["aanbieder__agb_code"],
            aanbieder=r["aanbieder__naam"],
            wet=r["wet"],
            periode=r["maand"] if isinstance(r["maand"], dt.date) else r["maand"].date(),
            aantal=r["aantal"],
            bedrag=r["bedrag"],
            iban=r["aanbieder__iban"],
            bic=r["aanbieder__bic"],
            tenaamstelling=r["aanbieder__tenaamstelling"] or r["aanbieder__naam"],
        )
        for r in rijen
    ]


@dataclass(frozen=True)
class Overboeking:
    """One credit transfer: everything a provider gets in this run."""

    agb_code: str
    naam: str
    iban: str
    bic: str
    bedrag: int
    aantal: int
    periodes: tuple[dt.date, ...]


def overboekingen(regels: list[Betaalregel]) -> list[Overboeking]:
    per: dict[str, list[Betaalregel]] = {}
    for r in regels:
        per.setdefault(r.agb_code, []).append(r)
    return [
        Overboeking(
            agb_code=agb,
            naam=rs[0].tenaamstelling,
            iban=rs[0].iban,
            bic=rs[0].bic,
            bedrag=sum(r.bedrag for r in rs),
            aantal=sum(r.aantal for r in rs),
            periodes=tuple(sorted({r.periode for r in rs})),
        )
        for agb, rs in per.items()
    ]
