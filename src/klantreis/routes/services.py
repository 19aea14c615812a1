"""Loading route files into immutable RouteVersie rows."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from .loader import RouteFout, checksum, lees_map, los_op
from .models import RouteVersie


@transaction.atomic
def laad_routes(mappen: Iterable[Path] | None = None) -> list[RouteVersie]:
    """Stores every route version found in the route directories. A version already stored
    must be unchanged: a route that changes gets a new version number (and a new ingangsdatum),
    so running trajects stay on the version they started under."""
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
            )
        )
    return resultaat
