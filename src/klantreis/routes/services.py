"""Loading route files into immutable RouteVersie rows."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .loader import STANDAARD_PATH, RouteFout, checksum, lees_map, lees_standaard, los_op
from .models import RouteVersie

log = logging.getLogger(__name__)


def _standaard(pad: Path) -> dict:
    """The standard termijnen, refused when their versie is already stored with other content
    (the same rule as a route version: raise the versie)."""
    standaard = lees_standaard(pad)
    opgeslagen = (
        RouteVersie.objects.filter(standaard_versie=standaard["versie"])
        .values_list("standaard_termijnen", flat=True)
        .first()
    )
    if opgeslagen is not None and opgeslagen != standaard["termijnen"]:
        raise RouteFout(
            f"{pad.name}: standaardtermijnen versie {standaard['versie']} zijn gewijzigd na het "
            "laden. Verhoog het versienummer; opgeslagen routeversies houden hun termijnen."
        )
    return standaard


@transaction.atomic
def laad_routes(
    mappen: Iterable[Path] | None = None, *, standaard: Path = STANDAARD_PATH
) -> list[RouteVersie]:
    """Stores every route version found in the route directories. A version already stored
    must be unchanged: a route that changes gets a new version number (and a new ingangsdatum),
    so running trajects stay on the version they started under.

    Each new version is stored with the standard termijnen as they are now
    (``termijnen/standaard.yaml``); a stored version keeps the set it has. A version stored
    before the standard set existed takes the current set once (decision 0014)."""
    std = _standaard(standaard)
    bestanden = lees_map(mappen if mappen is not None else settings.KLANTREIS_ROUTE_DIRS)
    paden = {(b.data["id"], b.data["versie"]): b.pad for b in bestanden}
    resultaat = []
    for definitie in los_op(bestanden):
        som = checksum(definitie)
        sleutel = (definitie["id"], definitie["versie"])
        bestaand = RouteVersie.objects.filter(route_id=sleutel[0], versie=sleutel[1]).first()
        if bestaand is not None:
            if bestaand.checksum != som:
                raise RouteFout(
                    f"{paden[sleutel].name}: route {sleutel[0]} versie {sleutel[1]} is gewijzigd "
                    "na het laden. Verhoog het versienummer en geef een nieuwe ingangsdatum; "
                    "lopende trajecten houden hun versie."
                )
            if bestaand.standaard_versie is None:
                bestaand.standaard_versie = std["versie"]
                bestaand.standaard_termijnen = std["termijnen"]
                bestaand.save(update_fields=["standaard_versie", "standaard_termijnen"])
                log.info(
                    "Route %s versie %s: standaardtermijnen versie %s toegevoegd (besluit 0014).",
                    *sleutel,
                    std["versie"],
                )
            resultaat.append(bestaand)
            continue
        resultaat.append(
            RouteVersie.objects.create(
                route_id=definitie["id"],
                versie=definitie["versie"],
                naam=definitie["naam"],
                ingangsdatum=date.fromisoformat(definitie["ingangsdatum"]),
                gemeenten=definitie["gemeenten"],
                wetten=definitie.get("wetten", []),
                basis_route_id=definitie.get("basis", ""),
                definitie=definitie,
                checksum=som,
                bestand=paden[sleutel].name,
                standaard_versie=std["versie"],
                standaard_termijnen=std["termijnen"],
            )
        )
    return resultaat
