"""Payment of approved prestaties: lines per aanbieder per period, the CSV preview, and the
Heusden policy "betaling na startbericht". Payment runs and their files (CSV, XLSX, SEPA)
are in ``betaalopdracht``, ``bestanden`` and ``sepa``.

With ``Gemeente.betaling_na_startbericht`` an approved prestatie whose toewijzing has no
(current) 305 is stored ``aangehouden``; the 325 follows the standard regardless (OP364: a
missing 305 is never a reason to reject). When the 305 arrives, ``toewijzingen`` sends
``startbericht_verwerkt`` and the held prestaties of that toewijzing become ``te_betalen``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.dispatch import receiver

from klantreis.organisaties.models import Gemeente
from klantreis.toewijzingen.models import MeldingSoort, ZorgMelding
from klantreis.toewijzingen.signalen import startbericht_verwerkt, verwijderen_gevraagd

from .models import Betaalstatus, Prestatie


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
    from .workflow import zet_prestaties

    return zet_prestaties(
        Prestatie.objects.filter(toewijzing=toewijzing, goedgekeurd=True),
        Betaalstatus.AANGEHOUDEN,
        Betaalstatus.TE_BETALEN,
    )


@receiver(startbericht_verwerkt, dispatch_uid="declaraties.geef_vrij")
def _bij_startbericht(sender, toewijzing, **kwargs) -> None:
    geef_vrij(toewijzing)


def betaalregels(periode: dt.date, gemeente=None):
    """Payment lines (preview): the payable prestaties up to and including the month
    ``periode`` (ProductPeriode), per gemeente, aanbieder, domain and month, credits netted."""
    from .betaalopdracht import regels_van, volgende_maand

    qs = Prestatie.objects.filter(
        betaalstatus=Betaalstatus.TE_BETALEN, periode_begin__lt=volgende_maand(periode)
    )
    if gemeente is not None:
        qs = qs.filter(declaratie__gemeente=gemeente)
    return regels_van(qs)


def betaalbestand(periode: dt.date, *, gemeente=None, markeer: bool = False) -> str:
    """The CSV of :func:`betaalregels`. ``markeer``: the lines go into a payment run per
    gemeente that is confirmed at once (``betaald``), so they are not paid twice; the CSV is
    then made of exactly the lines those runs took."""
    from .bestanden import csv_bestand

    if not markeer:
        return csv_bestand(betaalregels(periode, gemeente))
    from .betaalopdracht import bevestig, maak_betaalopdracht, regels_van

    gemeenten = [gemeente] if gemeente is not None else _gemeenten_met_te_betalen(periode)
    regels = []
    for g in gemeenten:
        opdracht = maak_betaalopdracht(g, tot_en_met=periode)
        if opdracht is not None:
            bevestig(opdracht)
            regels += regels_van(opdracht.prestaties.all())
    return csv_bestand(regels)


def _gemeenten_met_te_betalen(periode: dt.date):
    from .betaalopdracht import volgende_maand

    return Gemeente.objects.filter(
        pk__in=Prestatie.objects.filter(
            betaalstatus=Betaalstatus.TE_BETALEN, periode_begin__lt=volgende_maand(periode)
        ).values("declaratie__gemeente")
    ).order_by("code")


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
