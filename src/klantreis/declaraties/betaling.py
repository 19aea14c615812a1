"""Payment of approved prestaties: lines per aanbieder per period, the CSV a finance
department loads, and the Heusden policy "betaling na startbericht".

With ``Gemeente.betaling_na_startbericht`` an approved prestatie whose toewijzing has no
(current) 305 is stored ``aangehouden``; the 325 follows the standard regardless (OP364: a
missing 305 is never a reason to reject). When the 305 arrives, ``toewijzingen`` sends
``startbericht_verwerkt`` and the held prestaties of that toewijzing become ``te_betalen``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from django.db.models import Count, Sum
from django.dispatch import receiver
from django.utils import timezone

from klantreis.toewijzingen.models import MeldingSoort, ZorgMelding
from klantreis.toewijzingen.signalen import startbericht_verwerkt, verwijderen_gevraagd

from .models import Betaalstatus, Prestatie

KOLOMMEN = [
    "gemeentecode",
    "agb_code",
    "aanbieder",
    "wet",
    "periode",
    "aantal_prestaties",
    "bedrag_eurocent",
    "bedrag_euro",
]


def gestarte_toewijzingen(ids: Iterable[int]) -> set[int]:
    """The toewijzingen among ``ids`` with a current 305: one query per 5,000."""
    from .regels import _delen

    gestart: set[int] = set()
    for deel in _delen(sorted(ids)):
        gestart.update(
            ZorgMelding.objects.filter(
                toewijzing_id__in=deel, soort=MeldingSoort.START, actueel=True
            ).values_list("toewijzing_id", flat=True)
        )
    return gestart


def geef_vrij(toewijzing) -> int:
    """Held prestaties of this toewijzing become payable; returns how many."""
    return Prestatie.objects.filter(
        toewijzing=toewijzing, goedgekeurd=True, betaalstatus=Betaalstatus.AANGEHOUDEN
    ).update(betaalstatus=Betaalstatus.TE_BETALEN)


@receiver(startbericht_verwerkt, dispatch_uid="declaraties.geef_vrij")
def _bij_startbericht(sender, toewijzing, **kwargs) -> None:
    geef_vrij(toewijzing)


def betaalregels(periode: dt.date, gemeente=None):
    """Payment lines: the payable prestaties of the month ``periode`` (ProductPeriode), per
    gemeente, aanbieder and domain, credits netted."""
    qs = Prestatie.objects.filter(
        betaalstatus=Betaalstatus.TE_BETALEN,
        periode_begin__year=periode.year,
        periode_begin__month=periode.month,
    )
    if gemeente is not None:
        qs = qs.filter(declaratie__gemeente=gemeente)
    return (
        qs.values("declaratie__gemeente__code", "aanbieder__agb_code", "aanbieder__naam", "wet")
        .annotate(aantal=Count("id"), bedrag=Sum("bedrag"))
        .order_by("declaratie__gemeente__code", "aanbieder__agb_code", "wet")
    )


def betaalbestand(periode: dt.date, *, gemeente=None, markeer: bool = False) -> str:
    """The CSV (``;``-separated, the Dutch spreadsheet default) of :func:`betaalregels`.
    ``markeer``: the exported prestaties become ``betaald`` so they are not paid twice."""
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\n")
    w.writerow(KOLOMMEN)
    for r in betaalregels(periode, gemeente):
        w.writerow(
            [
                r["declaratie__gemeente__code"],
                r["aanbieder__agb_code"],
                r["aanbieder__naam"],
                r["wet"],
                f"{periode:%Y-%m}",
                r["aantal"],
                r["bedrag"],
                f"{r['bedrag'] / 100:.2f}".replace(".", ","),
            ]
        )
    if markeer:
        qs = Prestatie.objects.filter(
            betaalstatus=Betaalstatus.TE_BETALEN,
            periode_begin__year=periode.year,
            periode_begin__month=periode.month,
        )
        if gemeente is not None:
            qs = qs.filter(declaratie__gemeente=gemeente)
        qs.update(betaalstatus=Betaalstatus.BETAALD, betaald_op=timezone.now())
    return uit.getvalue()


@receiver(verwijderen_gevraagd, dispatch_uid="declaraties.tr385")
def tr385_geen_verwijdering_na_goedgekeurde_declaratie(sender, toewijzing, **kwargs) -> str | None:
    """TR385 (9385): a toewijzing with approved, not credited prestaties cannot be deleted."""
    goedgekeurd = Prestatie.objects.filter(toewijzing=toewijzing, goedgekeurd=True)
    gecrediteerd = goedgekeurd.filter(bedrag__lt=0).values_list("vorig_referentienummer", flat=True)
    open_debet = goedgekeurd.filter(bedrag__gte=0).exclude(referentienummer__in=list(gecrediteerd))
    if open_debet.exists():
        return (
            f"Op toewijzing {toewijzing.nummer} zijn goedgekeurde prestaties gedeclareerd; "
            "crediteer die eerst, of beëindig de toewijzing met een einddatum (TR385)."
        )
    return None
