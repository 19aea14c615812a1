"""A readable Dutch summary of a message (``klantreis bericht toon``)."""

from __future__ import annotations

import dataclasses
import datetime
import re
from typing import Any

from klantreis.istandaarden.code import Code
from klantreis.istandaarden.schema import NAMEN

#: The name of one item of a list field.
ENKELVOUD = {
    "relaties": "relatie",
    "contactgegevens": "contact",
    "toegewezen_producten": "toegewezen product",
    "start_producten": "start product",
    "stop_producten": "stop product",
    "aangevraagde_producten": "aangevraagd product",
    "ongewijzigde_producten": "ongewijzigd product",
    "te_wijzigen_producten": "te wijzigen product",
    "nieuwe_producten": "nieuw product",
    "clienten": "client",
    "prestaties": "prestatie",
    "retour_codes": "retourcode",
}
#: Fields holding eurocent amounts.
BEDRAGEN = {"bedrag", "budget", "product_tarief", "totaal_bedrag"}


def euro(cent: int) -> str:
    """12345 -> '€ 123,45' (Dutch notation, thousands with a dot)."""
    teken = "-" if cent < 0 else ""
    e, c = divmod(abs(cent), 100)
    return f"{teken}€ {e:,}".replace(",", ".") + f",{c:02d}"


def _label(naam: str) -> str:
    woorden = naam.replace("_", " ").strip()
    return woorden[:1].upper() + woorden[1:]


def _waarde(naam: str, v: Any) -> str:
    if isinstance(v, Code):
        return f"{v.value} ({v.omschrijving})" if v.omschrijving else v.value
    if isinstance(v, datetime.date):
        return v.strftime("%d-%m-%Y")
    if isinstance(v, datetime.time):
        return v.strftime("%H:%M:%S")
    if isinstance(v, int) and naam in BEDRAGEN:
        return euro(v)
    return str(v)


def _inline(naam: str, obj: Any) -> str | None:
    """Short one-line forms for the common small types."""
    t = type(obj).__name__
    if t in ("GeslotenPeriode", "OpenPeriode"):
        b = _waarde("", obj.begindatum) if obj.begindatum else "…"
        e = _waarde("", obj.einddatum) if obj.einddatum else "…"
        return f"{b} t/m {e}"
    if t in ("BedragMetDC", "TotaalBedragMetDC"):
        bedrag = obj.bedrag if t == "BedragMetDC" else obj.totaal_bedrag
        return f"{euro(bedrag)} {'credit' if obj.debet_credit.value == 'C' else 'debet'}"
    if t == "Omvang":
        return (
            f"{obj.volume} × {obj.eenheid.omschrijving.lower()}, "
            f"{obj.frequentie.omschrijving.lower()}"
        )
    if t == "Product":
        return _waarde("", obj.categorie) + (f", productcode {obj.code}" if obj.code else "")
    if t == "BerichtIdentificatie":
        return f"{obj.identificatie} van {_waarde('', obj.dagtekening)}"
    if t == "XsdVersie":
        return f"basisschema {obj.basisschema_xsd_versie}, bericht {obj.bericht_xsd_versie}"
    if t == "Geboortedatum":
        return _waarde("", obj.datum)
    if t in ("VolledigeNaam", "VerkorteNaam"):
        g = obj.geslachtsnaam
        delen = [obj.voorletters or obj.voornamen or "", g.voorvoegsel or "", g.achternaam]
        return re.sub(r"\s+", " ", " ".join(delen)).strip()
    return None


def _regels(naam: str, obj: Any, diepte: int) -> list[str]:
    pad = "  " * diepte
    kort = _inline(naam, obj)
    if kort is not None:
        return [f"{pad}{_label(naam)}: {kort}"]
    out = [f"{pad}{_label(naam)}:"]
    for f in dataclasses.fields(obj):
        if f.name == "standaard":
            continue
        v = getattr(obj, f.name)
        if v is None or v == ():
            continue
        if isinstance(v, tuple):
            for i, item in enumerate(v, 1):
                enkel = ENKELVOUD.get(f.name, f.name)
                item_naam = f"{enkel} {i}" if len(v) > 1 else enkel
                if dataclasses.is_dataclass(item):
                    out.extend(_regels(item_naam, item, diepte + 1))
                else:
                    out.append(f"{pad}  {_label(enkel)}: {_waarde(f.name, item)}")
        elif dataclasses.is_dataclass(v):
            out.extend(_regels(f.name, v, diepte + 1))
        else:
            out.append(f"{pad}  {_label(f.name)}: {_waarde(f.name, v)}")
    return out


def samenvatting(message: Any) -> str:
    """A readable Dutch summary: header, client(s), products, periods, amounts."""
    titel = (
        f"{message.standaard.prefix}{message.bericht} {NAMEN[message.bericht]} "
        f"({'iWmo' if message.standaard.value == 'iwmo' else 'iJw'} 3.2)"
    )
    regels = [titel]
    for f in dataclasses.fields(message):
        v = getattr(message, f.name)
        if f.name == "standaard" or v is None:
            continue
        regels.extend(_regels(f.name, v, 0))
    return "\n".join(regels) + "\n"
