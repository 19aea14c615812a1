"""Traversal helpers for rules: the objects of a message with their XML paths."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ProductRegel:
    """A product line of a toewijzing-like message, with uniform names for the rules.

    ``begin_el``/``eind_el`` are the XML element names of its start and end date, which differ
    per message (Ingangsdatum, ToewijzingIngangsdatum, GewensteIngangsdatum, Begindatum).
    """

    obj: Any
    pad: str
    klasse: str
    product: Any
    begin: datetime.date | None
    begin_el: str
    eind: datetime.date | None
    eind_el: str
    omvang: Any
    budget: int | None


def clienten(bericht: Any) -> Iterator[tuple[Any, str]]:
    """Every Client of a message with its path."""
    if hasattr(bericht, "declaratie"):
        for i, c in enumerate(bericht.declaratie.clienten, 1):
            yield c, f"/Bericht/Declaratie/Clienten/Client[{i}]"
    elif hasattr(bericht, "declaratie_antwoord"):
        if bericht.declaratie_antwoord is not None:
            for i, c in enumerate(bericht.declaratie_antwoord.clienten, 1):
                yield c, f"/Bericht/DeclaratieAntwoord/Clienten/Client[{i}]"
    elif getattr(bericht, "client", None) is not None:
        yield bericht.client, "/Bericht/Client"


def prestaties(bericht: Any) -> Iterator[tuple[Any, str, Any]]:
    """Every Prestatie of a 323/325 with its path and its Client."""
    for client, pad in clienten(bericht):
        for j, p in enumerate(client.prestaties, 1):
            yield p, f"{pad}/Prestaties/Prestatie[{j}]", client


def productregels(bericht: Any) -> Iterator[ProductRegel]:
    """The product lines of 301 (ToegewezenProduct), 315 (AangevraagdProduct) and 317
    (TeWijzigenProduct, NieuwProduct)."""
    b = bericht.bericht if hasattr(type(bericht), "bericht") else ""
    client = getattr(bericht, "client", None)
    if client is None:
        return
    if b in ("301", "302"):
        for i, p in enumerate(client.toegewezen_producten, 1):
            yield ProductRegel(
                p,
                f"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[{i}]",
                "ToegewezenProduct",
                p.product,
                p.ingangsdatum,
                "Ingangsdatum",
                p.einddatum,
                "Einddatum",
                p.omvang,
                p.budget,
            )
    elif b in ("315", "316"):
        for i, p in enumerate(client.aangevraagde_producten, 1):
            yield ProductRegel(
                p,
                f"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[{i}]",
                "AangevraagdProduct",
                p.product,
                p.toewijzing_ingangsdatum,
                "ToewijzingIngangsdatum",
                p.toewijzing_einddatum,
                "ToewijzingEinddatum",
                p.omvang,
                p.budget,
            )
    elif b in ("317", "318"):
        v = client.verzoek
        for i, p in enumerate(v.te_wijzigen_producten, 1):
            yield ProductRegel(
                p,
                f"/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[{i}]",
                "TeWijzigenProduct",
                None,
                p.gewenste_ingangsdatum,
                "GewensteIngangsdatum",
                p.einddatum,
                "Einddatum",
                p.omvang,
                p.budget,
            )
        for i, p in enumerate(v.nieuwe_producten, 1):
            yield ProductRegel(
                p,
                f"/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[{i}]",
                "NieuwProduct",
                p.product,
                p.gewenste_ingangsdatum,
                "GewensteIngangsdatum",
                p.einddatum,
                "Einddatum",
                p.omvang,
                p.budget,
            )


def contacten(client: Any, pad: str) -> Iterator[tuple[Any, str]]:
    """Every Contact of a 301/302 Client, including those of its Relaties."""
    for i, c in enumerate(getattr(client, "contactgegevens", ()), 1):
        yield c, f"{pad}/Contactgegevens/Contact[{i}]"
    for i, r in enumerate(getattr(client, "relaties", ()), 1):
        yield r.contact, f"{pad}/Relaties/Relatie[{i}]/Contact"


def overlapt(
    a_begin: datetime.date,
    a_eind: datetime.date | None,
    b_begin: datetime.date,
    b_eind: datetime.date | None,
) -> bool:
    """Do two periods (end inclusive, ``None`` = open) overlap?"""
    a_e = a_eind or datetime.date.max
    b_e = b_eind or datetime.date.max
    return a_begin <= b_e and b_begin <= a_e
