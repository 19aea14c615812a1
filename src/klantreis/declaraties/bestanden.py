"""The files a finance department loads: CSV (``;``, the Dutch spreadsheet default) and XLSX
(openpyxl: amounts as numbers in euro format, not text, so they add up in Excel). Both come
from :func:`betaalopdracht.regels_van`, so they always agree with each other and with the
SEPA file."""

from __future__ import annotations

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from klantreis.organisaties.bank import bic_bij

from .betaalopdracht import Betaalregel, overboekingen

KOLOMMEN = [
    "gemeentecode",
    "agb_code",
    "aanbieder",
    "wet",
    "periode",
    "aantal_prestaties",
    "bedrag_eurocent",
    "bedrag_euro",
    "iban",
    "betaalkenmerk",
]
EURO = '"€" #,##0.00;[Red]-"€" #,##0.00'


def euro_tekst(eurocent: int) -> str:
    """1234 -> "12,34"; -5 -> "-0,05" (Dutch decimal comma)."""
    teken = "-" if eurocent < 0 else ""
    euro, cent = divmod(abs(eurocent), 100)
    return f"{teken}{euro},{cent:02d}"


def csv_bestand(regels: list[Betaalregel], kenmerk: str = "") -> str:
    uit = io.StringIO()
    w = csv.writer(uit, delimiter=";", lineterminator="\n")
    w.writerow(KOLOMMEN)
    for r in regels:
        w.writerow(
            [
                r.gemeentecode,
                r.agb_code,
                r.aanbieder,
                r.wet,
                f"{r.periode:%Y-%m}",
                r.aantal,
                r.bedrag,
                euro_tekst(r.bedrag),
                r.iban,
                kenmerk,
            ]
        )
    return uit.getvalue()


def xlsx_bestand(regels: list[Betaalregel], *, kenmerk: str = "", titel: str = "") -> bytes:
    """Two sheets: "Betaalregels" (one row per provider, domain and month, with a total row)
    and "Overboekingen" (one row per credit transfer, as in the SEPA file)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Betaalregels"
    kop = [
        "Gemeente",
        "AGB-code",
        "Aanbieder",
        "Wet",
        "Periode",
        "Aantal prestaties",
        "Bedrag",
        "IBAN",
        "Betaalkenmerk",
    ]
    ws.append(kop)
    for r in regels:
        ws.append(
            [
                r.gemeentecode,
                r.agb_code,
                r.aanbieder,
                r.wet,
                f"{r.periode:%Y-%m}",
                r.aantal,
                r.bedrag / 100,
                r.iban,
                kenmerk,
            ]
        )
    laatste = ws.max_row
    ws.append(
        [
            "Totaal",
            None,
            None,
            None,
            None,
            sum(r.aantal for r in regels),
            sum(r.bedrag for r in regels) / 100,
        ]
    )
    _opmaak(ws, bedrag_kolom=7, breedtes=[10, 10, 30, 6, 9, 10, 14, 22, 24])
    ws.cell(row=laatste + 1, column=1).font = Font(bold=True)

    wo = wb.create_sheet("Overboekingen")
    wo.append(["AGB-code", "Begunstigde", "IBAN", "BIC", "Aantal prestaties", "Bedrag", "Periodes"])
    for o in overboekingen(regels):
        wo.append(
            [
                o.agb_code,
                o.naam,
                o.iban,
                bic_bij(o.iban, o.bic) if o.iban else None,
                o.aantal,
                o.bedrag / 100,
                ", ".join(f"{p:%Y-%m}" for p in o.periodes),
            ]
        )
    _opmaak(wo, bedrag_kolom=6, breedtes=[10, 30, 22, 12, 10, 14, 20])
    if titel:
        wb.properties.title = titel
    uit = io.BytesIO()
    wb.save(uit)
    return uit.getvalue()


def _opmaak(ws, *, bedrag_kolom: int, breedtes: list[int]) -> None:
    for cel in ws[1]:
        cel.font = Font(bold=True)
    ws.freeze_panes = "A2"
    for rij in ws.iter_rows(min_row=2, min_col=bedrag_kolom, max_col=bedrag_kolom):
        for cel in rij:
            cel.number_format = EURO
    for i, breedte in enumerate(breedtes, start=1):
        ws.column_dimensions[get_column_letter(i)].width = breedte
