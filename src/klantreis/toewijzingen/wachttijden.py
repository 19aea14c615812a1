"""Provider choice (issue, item 4): a provider's current waiting time in a gemeente is the
median number of days from a toewijzing (301) to the first start of care reported for it
(305), over the toewijzingen of the last twelve months — measured, instead of a static
Wegwijzer."""

from __future__ import annotations

import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Min, Q
from django.utils import timezone

from klantreis.producten.models import Product, Segment

from .models import MeldingSoort, Toewijzing

PERIODE = timedelta(days=365)


@dataclass(frozen=True)
class Wachttijd:
    dagen: float  # median days from toewijzingsdatum to the first 305's begindatum
    aantal: int  # toewijzingen it is measured on

    @property
    def tekst(self) -> str:
        dagen = round(self.dagen)
        eenheid = "dag" if dagen == 1 else "dagen"
        return f"{dagen} {eenheid} (mediaan van {self.aantal})"


def _product_voorwaarde(producten) -> Q:
    voorwaarde = Q(product__in=list(producten))
    for product in producten:
        voorwaarde |= Q(product__isnull=True, categorie=product.categorie, code=product.code)
    return voorwaarde


def wachttijden(gemeente, producten=None, *, op: date | None = None) -> dict[int, Wachttijd]:
    """Per aanbieder id, its waiting time in this gemeente for these producten (all products
    when None). A provider without a toewijzing started in the period is absent: "geen
    gegevens". A start reported before the toewijzing (care begun at once) counts as 0 days;
    deleted or void toewijzingen (reden 13, 01) and withdrawn 305s (TR063) do not count."""
    op = op or timezone.localdate()
    qs = (
        Toewijzing.objects.filter(
            gemeente=gemeente, toewijzingsdatum__gt=op - PERIODE, toewijzingsdatum__lte=op
        )
        .exclude(reden_wijziging__in=["13", "01"])
        .annotate(
            eerste_start=Min(
                "meldingen__begindatum",
                filter=Q(meldingen__soort=MeldingSoort.START, meldingen__actueel=True),
            )
        )
        .filter(eerste_start__isnull=False)
    )
    if producten is not None:
        qs = qs.filter(_product_voorwaarde(producten))
    dagen: dict[int, list[int]] = defaultdict(list)
    for aanbieder_id, toegewezen, gestart in qs.values_list(
        "aanbieder_id", "toewijzingsdatum", "eerste_start"
    ):
        dagen[aanbieder_id].append(max(0, (gestart - toegewezen).days))
    return {
        aanbieder_id: Wachttijd(dagen=statistics.median(lijst), aantal=len(lijst))
        for aanbieder_id, lijst in dagen.items()
    }


def benodigde_producten(traject):
    """The products the traject's documents ask for: a subsegment named in the
    ondersteuningsplan (``subsegment``) or bepaling jeugdhulp (``zorgvorm_subsegment``),
    matched on a segment's code or name (with its subsegments' products). None when no
    document names one the productcodelijst knows."""
    namen = set()
    for document in traject.documenten.exclude(status="vervallen"):
        versie = document.laatste_versie
        inhoud = versie.inhoud if versie else {}
        for sleutel in ("subsegment", "zorgvorm_subsegment"):
            waarde = (inhoud or {}).get(sleutel)
            if isinstance(waarde, str) and waarde.strip():
                namen.add(waarde.strip())
    if not namen:
        return None
    voorwaarde = Q(pk__in=[])
    for naam in namen:
        voorwaarde |= Q(code__iexact=naam) | Q(naam__iexact=naam)
    segmenten = list(Segment.objects.filter(voorwaarde))
    if not segmenten:
        return None
    return list(
        Product.objects.filter(Q(segment__in=segmenten) | Q(segment__hoofdsegment__in=segmenten))
    )
