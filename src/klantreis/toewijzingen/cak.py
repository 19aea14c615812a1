"""Notices for the CAK, so the eigen bijdrage starts and stops on the right dates. A channel
is a plugin: ``csv`` writes an export file a gemeente uploads (or an iEb integration picks
up); an iEb message channel can register beside it later without touching the rest.

Delivery runs per gemeente (each gemeente reports its own clients' eigen bijdrage to the CAK,
and its back office may download only its own file again): daily by Celery beat
(``toewijzingen.cak_exporteren``), by ``klantreis cak exporteer``, or from the portal's /cak/.
A delivered file is made again from its notices on request (``csv_inhoud``): the rows are
the same, and a web server need not share a disk with the worker that wrote it (decision 0015).

A 305 or 307 withdrawn by the provider (StatusAanlevering 3, TR063) takes its notice back:
one not yet delivered is never delivered; one already delivered gets a correcting notice
(``bij_intrekking``), delivered with the next file as ``start-ingetrokken`` or
``stop-ingetrokken`` — the CAK would otherwise keep charging (or stop charging) on a start
or stop that did not happen."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Protocol

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from klantreis.organisaties.models import Gemeente

from .models import CakMelding, ZorgMelding

KOLOMMEN = [
    "melding",
    "datum",
    "bsn",
    "gemeentecode",
    "aanbieder_agb",
    "toewijzingnummer",
    "productcategorie",
    "productcode",
    "bron_bericht",
    "bron_identificatie",
    "melding_id",
]
INGETROKKEN = "-ingetrokken"
_VELDEN = (
    "toewijzing__client",
    "toewijzing__gemeente",
    "toewijzing__aanbieder",
    "melding__bericht",
)


class CakKanaal(Protocol):
    naam: ClassVar[str]

    def lever(self, meldingen: list[CakMelding]) -> str:
        """Delivers the notices; returns where they went (a file name, a reference)."""


_KANALEN: dict[str, type] = {}


def registreer(cls):
    _KANALEN[cls.naam] = cls
    return cls


def is_correctie(melding: CakMelding) -> bool:
    """A notice that takes back an earlier delivered one: it points at the provider's
    withdrawal (StatusAanlevering 3), not at a start or stop."""
    return melding.melding.status_aanlevering == "3"


def meldingsoort(melding: CakMelding) -> str:
    """The notice's kind in the file: ``start``, ``stop``, or either ``-ingetrokken``."""
    return melding.soort + (INGETROKKEN if is_correctie(melding) else "")


def csv_inhoud(meldingen: Iterable[CakMelding]) -> str:
    """The CSV of these notices, in the order given."""
    uit = io.StringIO(newline="")
    schrijver = csv.writer(uit, delimiter=";")
    schrijver.writerow(KOLOMMEN)
    for m in meldingen:
        t = m.toewijzing
        schrijver.writerow(
            [
                meldingsoort(m),
                m.datum.isoformat(),
                t.client.bsn,
                t.gemeente.code,
                t.aanbieder.agb_code,
                t.nummer,
                t.categorie,
                t.code,
                m.melding.bericht.berichtcode,
                m.melding.bericht.identificatie,
                m.pk,
            ]
        )
    return uit.getvalue()


@registreer
class CsvExport:
    naam = "csv"

    def __init__(self, *, map: str | Path):
        self.map = Path(map)

    def lever(self, meldingen: list[CakMelding]) -> str:
        self.map.mkdir(parents=True, exist_ok=True)
        pad = self.map / f"cak-{timezone.localtime():%Y%m%d-%H%M%S}-{meldingen[0].pk}.csv"
        with pad.open("w", newline="", encoding="utf-8") as f:
            f.write(csv_inhoud(meldingen))
        return str(pad)


def kanaal() -> CakKanaal:
    config = getattr(settings, "KLANTREIS_CAK", {"kanaal": "csv", "opties": {}})
    opties = {"map": settings.VAR_DIR / "cak", **config.get("opties", {})}
    return _KANALEN[config["kanaal"]](**opties)


# Not yet delivered, and still to be: a start or stop in force, or a correction. The rest of
# the undelivered ones lapsed: their 305/307 was withdrawn before delivery.
WACHTEND = Q(geexporteerd_op__isnull=True) & (
    Q(melding__actueel=True) | Q(melding__status_aanlevering="3")
)
VERVALLEN = Q(geexporteerd_op__isnull=True) & ~WACHTEND


def te_leveren(gemeente=None) -> QuerySet[CakMelding]:
    """Notices not yet delivered, oldest first: without those whose 305/307 the provider
    withdrew before delivery (the CAK never needs to hear of them), with the corrections."""
    qs = CakMelding.objects.filter(WACHTEND)
    if gemeente is not None:
        qs = qs.filter(toewijzing__gemeente=gemeente)
    return qs.order_by("aangemaakt_op", "pk")


@transaction.atomic
def exporteer(meldingen: Iterable[CakMelding] | None = None, *, gemeente=None) -> str | None:
    """Delivers the given notices, or every notice not yet delivered (of ``gemeente`` when
    given), oldest first, in one delivery, and marks them. The rows are locked first, so
    the daily run and a back office pressing the button at the same moment never deliver a
    notice twice."""
    if meldingen is None:
        # "of self": PostgreSQL locks no joined row; SQLite ignores FOR UPDATE
        ids = list(
            te_leveren(gemeente).select_for_update(of=("self",)).values_list("pk", flat=True)
        )
    else:
        ids = [m.pk for m in meldingen]
    lijst = list(
        CakMelding.objects.filter(pk__in=ids, geexporteerd_op__isnull=True)
        .select_related(*_VELDEN)
        .order_by("aangemaakt_op", "pk")
    )
    if not lijst:
        return None
    waar = kanaal().lever(lijst)
    CakMelding.objects.filter(pk__in=[m.pk for m in lijst]).update(
        geexporteerd_op=timezone.now(), exportbestand=waar
    )
    return waar


def exporteer_per_gemeente(gemeenten=None) -> list[str]:
    """One delivery per gemeente with notices waiting (of ``gemeenten`` when given)."""
    wachtend = te_leveren().values("toewijzing__gemeente")
    qs = Gemeente.objects.filter(pk__in=wachtend).order_by("code")
    if gemeenten is not None:
        qs = qs.filter(pk__in=[g.pk for g in gemeenten])
    return [waar for gemeente in qs if (waar := exporteer(gemeente=gemeente))]


def geleverd_bestand(exportbestand: str) -> tuple[str, str]:
    """(file name, CSV) of an earlier delivery, made again from its notices."""
    meldingen = (
        CakMelding.objects.filter(exportbestand=exportbestand)
        .select_related(*_VELDEN)
        .order_by("aangemaakt_op", "pk")
    )
    return Path(exportbestand).name, csv_inhoud(meldingen)


def bij_intrekking(intrekking: ZorgMelding, ingetrokken: Iterable[int]) -> CakMelding | None:
    """The provider withdrew a start or stop (``intrekking``: its StatusAanlevering 3
    aanlevering; ``ingetrokken``: the ids of the start/stop lines it retired). A notice of
    those already delivered to the CAK gets a correcting notice; one still waiting is left
    out of every delivery by ``te_leveren``."""
    geleverd = (
        CakMelding.objects.filter(melding_id__in=list(ingetrokken), geexporteerd_op__isnull=False)
        .order_by("aangemaakt_op", "pk")
        .first()
    )
    if geleverd is None:
        return None
    return CakMelding.objects.create(
        soort=geleverd.soort,
        toewijzing=geleverd.toewijzing,
        melding=intrekking,
        datum=geleverd.datum,
    )
