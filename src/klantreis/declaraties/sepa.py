"""SEPA credit transfer file (ISO 20022 ``pain.001.001.03``) of a payment run, written with
lxml and validated against the official XSD in ``xsd/`` (provenance in ``xsd/PROVENANCE.md``)
before it is handed out.

One ``PmtInf`` (the gemeente's account, the run's execution date) with one ``CdtTrfTxInf`` per
provider. The file is made from the run's stored lines, time and kenmerk, so a second download
is byte for byte the first: the bank's duplicate check on ``MsgId`` then refuses a second
upload instead of paying twice. The EPC rules on top of the schema are applied here: the
Latin character set, ``SvcLvl`` SEPA, ``ChrgBr`` SLEV, amounts with two decimals,
remittance information of at most 140 characters, and an IBAN-only debtor agent
(``NOTPROVIDED``) when no BIC is known.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

from django.utils import timezone
from lxml import etree

from klantreis.organisaties.bank import bic_bij, iban_of_fout

from .betaalopdracht import BetaalFout, overboekingen, regels_van

NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
XSD = "pain.001.001.03.xsd"
_NIET_LATIJN = re.compile(r"[^A-Za-z0-9/\-?:().,'+ ]")


@functools.cache
def schema() -> etree.XMLSchema:
    pad = resources.files("klantreis.declaraties") / "xsd" / XSD
    return etree.XMLSchema(etree.parse(str(pad)))


def latijn(tekst: str, lengte: int) -> str:
    """The EPC's Latin character set: accents dropped (ë → e), other characters a space."""
    zonder = unicodedata.normalize("NFKD", tekst).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", _NIET_LATIJN.sub(" ", zonder)).strip()[:lengte] or "onbekend"


def bedrag(eurocent: int) -> str:
    return f"{eurocent // 100}.{eurocent % 100:02d}"


def _el(ouder, naam: str, tekst: str | None = None, **attrib):
    el = etree.SubElement(ouder, f"{{{NS}}}{naam}", **attrib)
    if tekst is not None:
        el.text = tekst
    return el


def _pad(ouder, pad: str, tekst: str):
    for naam in pad.split("/"):
        ouder = _el(ouder, naam)
    ouder.text = tekst
    return ouder


def _agent(ouder, naam: str, bic: str) -> None:
    fin = _el(_el(ouder, naam), "FinInstnId")
    if bic:
        _el(fin, "BIC", bic)
    else:  # EPC: IBAN-only
        _pad(fin, "Othr/Id", "NOTPROVIDED")


def controleer(opdracht, overb) -> list[str]:
    """What stops the file from being made, in Dutch (empty: nothing)."""
    problemen = []
    g = opdracht.gemeente
    if not g.iban:
        problemen.append(f"Gemeente {g.naam} heeft geen IBAN (debiteurrekening) ingesteld.")
    else:
        try:
            iban_of_fout(g.iban)
        except Exception:
            problemen.append(f"Het IBAN van gemeente {g.naam} is ongeldig.")
    for o in overb:
        if not o.iban:
            problemen.append(f"Aanbieder {o.naam} ({o.agb_code}) heeft geen IBAN.")
        else:
            try:
                iban_of_fout(o.iban)
            except Exception:
                problemen.append(f"Het IBAN van aanbieder {o.naam} ({o.agb_code}) is ongeldig.")
        if o.bedrag <= 0:
            problemen.append(f"Het bedrag voor {o.naam} ({o.agb_code}) is niet positief.")
    return problemen


def pain001(opdracht) -> bytes:
    """The pain.001.001.03 of a payment run; ``BetaalFout`` (Dutch) when an account is missing
    or invalid. Always valid against the XSD (checked here)."""
    if opdracht.status != "aangemaakt":  # paid or withdrawn: no bank file any more
        raise BetaalFout(
            f"Betaalopdracht {opdracht.kenmerk} is {opdracht.get_status_display().lower()}; "
            "een SEPA-bestand wordt alleen gemaakt zolang de opdracht openstaat."
        )
    overb = overboekingen(regels_van(opdracht.prestaties.all()))
    problemen = controleer(opdracht, overb)
    if problemen:
        raise BetaalFout(" ".join(problemen))
    g = opdracht.gemeente
    debiteur = latijn(g.rekeninghouder or f"Gemeente {g.naam}", 70)
    totaal = sum(o.bedrag for o in overb)
    aangemaakt = timezone.localtime(opdracht.aangemaakt_op).replace(microsecond=0, tzinfo=None)

    doc = etree.Element(f"{{{NS}}}Document", nsmap={None: NS})
    init = _el(doc, "CstmrCdtTrfInitn")
    kop = _el(init, "GrpHdr")
    _el(kop, "MsgId", opdracht.kenmerk)
    _el(kop, "CreDtTm", aangemaakt.isoformat())
    _el(kop, "NbOfTxs", str(len(overb)))
    _el(kop, "CtrlSum", bedrag(totaal))
    _pad(kop, "InitgPty/Nm", debiteur)

    pmt = _el(init, "PmtInf")
    _el(pmt, "PmtInfId", opdracht.kenmerk)
    _el(pmt, "PmtMtd", "TRF")
    _el(pmt, "BtchBookg", "true")
    _el(pmt, "NbOfTxs", str(len(overb)))
    _el(pmt, "CtrlSum", bedrag(totaal))
    _pad(pmt, "PmtTpInf/SvcLvl/Cd", "SEPA")
    _el(pmt, "ReqdExctnDt", opdracht.uitvoerdatum.isoformat())
    _pad(pmt, "Dbtr/Nm", debiteur)
    _pad(pmt, "DbtrAcct/Id/IBAN", g.iban)
    _agent(pmt, "DbtrAgt", bic_bij(g.iban, g.bic))
    _el(pmt, "ChrgBr", "SLEV")
    for o in overb:
        tx = _el(pmt, "CdtTrfTxInf")
        _pad(tx, "PmtId/EndToEndId", f"{opdracht.kenmerk}-{o.agb_code}"[:35])
        _el(_el(tx, "Amt"), "InstdAmt", bedrag(o.bedrag), Ccy="EUR")
        bic = bic_bij(o.iban, o.bic)
        if bic:
            _pad(tx, "CdtrAgt/FinInstnId/BIC", bic)
        _pad(tx, "Cdtr/Nm", latijn(o.naam, 70))
        _pad(tx, "CdtrAcct/Id/IBAN", o.iban)
        periodes = " ".join(f"{p:%Y-%m}" for p in o.periodes)
        omschrijving = f"Zorgdeclaraties {g.naam} {opdracht.kenmerk} AGB {o.agb_code} {periodes}"
        _pad(tx, "RmtInf/Ustrd", latijn(omschrijving, 140))

    schema().assertValid(doc)
    return etree.tostring(doc, xml_declaration=True, encoding="UTF-8", pretty_print=True)
