"""Notices for the CAK, so the eigen bijdrage starts and stops on the right dates. A channel
is a plugin: ``csv`` writes an export file a gemeente uploads (or an iEb integration picks
up); an iEb message channel can register beside it later without touching the rest."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar, Protocol

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import CakMelding

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


class CakKanaal(Protocol):
    naam: ClassVar[str]

    def lever(self, meldingen: list[CakMelding]) -> str:
        """Delivers the notices; returns where they went (a file name, a reference)."""


_KANALEN: dict[str, type] = {}


def registreer(cls):
    _KANALEN[cls.naam] = cls
    return cls


@registreer
class CsvExport:
    naam = "csv"

    def __init__(self, *, map: str | Path):
        self.map = Path(map)

    def lever(self, meldingen: list[CakMelding]) -> str:
        self.map.mkdir(parents=True, exist_ok=True)
        pad = self.map / f"cak-{timezone.localtime():%Y%m%d-%H%M%S}-{meldingen[0].pk}.csv"
        with pad.open("w", newline="", encoding="utf-8") as f:
            schrijver = csv.writer(f, delimiter=";")
            schrijver.writerow(KOLOMMEN)
            for m in meldingen:
                t = m.toewijzing
                schrijver.writerow(
                    [
                        m.soort,
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
        return str(pad)


def kanaal() -> CakKanaal:
    config = getattr(settings, "KLANTREIS_CAK", {"kanaal": "csv", "opties": {}})
    opties = {"map": settings.VAR_DIR / "cak", **config.get("opties", {})}
    return _KANALEN[config["kanaal"]](**opties)


@transaction.atomic
def exporteer(meldingen: Iterable[CakMelding] | None = None) -> str | None:
    """Delivers every notice not yet delivered (oldest first), and marks them."""
    te_leveren = list(
        meldingen
        if meldingen is not None
        else CakMelding.objects.filter(geexporteerd_op__isnull=True)
    )
    if not te_leveren:
        return None
    waar = kanaal().lever(te_leveren)
    CakMelding.objects.filter(pk__in=[m.pk for m in te_leveren]).update(
        geexporteerd_op=timezone.now(), exportbestand=waar
    )
    return waar
