"""The VECOZO transport (provider side): "berichtuitwisseling v3" SOAP ``IndienenBericht``.

The iWmo/iJw XML goes into a ZIP (one file), base64-encoded in
``IndienenBericht/Request/Bericht/Data``; routing is in SOAP headers (``RouteringHeader`` with
Afzender Rol ``Instelling`` + AGB code, Geadresseerde Rol ``Gemeente`` + gemeentecode,
Berichttype ``WMO``/``JW``, Berichtsubtype e.g. ``JW315``, version, Actie), plus
``VerwerkingscontextHeader``, ``ConversatieHeader`` and ``ReferentieHeader``.

The structure follows the one example available (shared/istandaarden/vecozo/examples,
from ``eddy147/comm_server``); VECOZO's own WSDL/XSD were not available, so nothing here is
schema-validated and the Actie names other than ``VerzoekToewijzing`` are unverified (see
docs/transports.md). Reading is hardened: no DTD/entities/network, bounded sizes, and the ZIP
is checked for bombs (declared and actual size, ratio, one file only).
"""

from __future__ import annotations

import base64
import binascii
import io
import os
import re
import uuid
import zipfile
from dataclasses import dataclass

from lxml import etree

from . import Ontvangen, OptieFout, TransportFout, Uitgaand, registreer
from .ggk import (
    MAX_BERICHT,
    MAX_ENVELOP,
    NS_SOAP,
    GgkFout,
    controleer_timeout,
    controleer_url,
    http_post,
    soap_body,
    ssl_context,
    veilig_parsen,
)

NS_MSG = "http://schemas.vecozo.nl/berichtuitwisseling/messages/v3"
NS_SVC = "http://schemas.vecozo.nl/berichtuitwisseling/v3"
NS_TYP = "http://schemas.vecozo.nl/berichtuitwisseling/types/v3"
NS_HDR = "http://schemas.vecozo.nl/berichtuitwisseling/header/v3"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"

#: SOAPAction default; not verifiable here (no VECOZO WSDL), override with ``soap_action``.
SOAP_ACTION = f"{NS_SVC}/IBerichtuitwisselingService/IndienenBericht"

#: Actie per message number. Only 315 → VerzoekToewijzing is seen in the example; the rest
#: are our reading of the message names and can be overridden with the ``acties`` option.
ACTIES = {
    "301": "Toewijzing",
    "302": "RetourToewijzing",
    "305": "StartZorg",
    "306": "RetourStartZorg",
    "307": "StopZorg",
    "308": "RetourStopZorg",
    "315": "VerzoekToewijzing",
    "316": "RetourVerzoekToewijzing",
    "317": "VerzoekWijziging",
    "318": "RetourVerzoekWijziging",
    "319": "AntwoordVerzoekWijziging",
    "320": "RetourAntwoordVerzoekWijziging",
    "323": "Declaratie",
    "325": "DeclaratieAntwoord",
}

#: a ZIP entry may expand at most this many times (XML compresses ~5-30x; bombs ~1000x).
MAX_RATIO = 200
_ZIP_MAX = MAX_BERICHT + 64 * 1024  # a zip of one ≤25 MB file, stored uncompressed at worst
_FUNCTIE = re.compile(r"^(WMO|JW)(\d{3})$")
_AGB = re.compile(r"^\d{8}$")
_PARTIJ = re.compile(r"^(\d{4}|\d{8})$")
_ONVEILIG = re.compile(r"[^A-Za-z0-9._-]")


class VecozoFout(GgkFout):
    """A VECOZO envelope could not be built or read (Dutch message)."""


def _q(ns: str, naam: str) -> str:
    return f"{{{ns}}}{naam}"


def _sub(parent, ns: str, naam: str, tekst: str | None = None):
    el = etree.SubElement(parent, _q(ns, naam))
    if tekst is not None:
        el.text = tekst
    return el


def _rol(code: str) -> str:
    return "Instelling" if _AGB.match(code) else "Gemeente"


# --- ZIP ----------------------------------------------------------------------------------


def zip_bericht(naam: str, inhoud: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(naam, inhoud)
    return buffer.getvalue()


def unzip_bericht(data: bytes) -> tuple[str, bytes]:
    """The one XML file in a VECOZO ZIP. Refuses zip bombs: more than one file, a declared or
    actual size above 25 MB, or an expansion ratio above ``MAX_RATIO``."""
    if len(data) > _ZIP_MAX:
        raise VecozoFout(f"Het ZIP-bestand is te groot ({len(data)} bytes).")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise VecozoFout("Het bericht is geen geldig ZIP-bestand.") from None
    with zf:
        bestanden = [i for i in zf.infolist() if not i.is_dir()]
        if len(bestanden) != 1:
            raise VecozoFout(
                f"Het ZIP-bestand moet precies één bestand bevatten, niet {len(bestanden)}."
            )
        info = bestanden[0]
        if info.flag_bits & 0x1:
            raise VecozoFout("Het ZIP-bestand is versleuteld.")
        if info.file_size > MAX_BERICHT:
            raise VecozoFout(f"Het bestand in de ZIP is te groot ({info.file_size} bytes).")
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1024 * 1024:
            raise VecozoFout("Het ZIP-bestand pakt verdacht sterk uit (zip-bom); geweigerd.")
        try:
            with zf.open(info) as f:
                # never trust the declared size: read at most the limit + 1
                inhoud = f.read(MAX_BERICHT + 1)
        except (zipfile.BadZipFile, NotImplementedError, RuntimeError, OSError, EOFError) as exc:
            raise VecozoFout(f"Het ZIP-bestand is niet te lezen: {exc}.") from None
        if len(inhoud) > MAX_BERICHT or len(inhoud) > MAX_RATIO * max(len(data), 1) + 1024 * 1024:
            raise VecozoFout("Het bestand in de ZIP pakt groter uit dan toegestaan; geweigerd.")
        naam = _ONVEILIG.sub("_", os.path.basename(info.filename))[:255]
        return naam, inhoud


# --- building -----------------------------------------------------------------------------


def _versies(inhoud: bytes) -> tuple[str, str]:
    try:
        root = veilig_parsen(inhoud, max_grootte=MAX_BERICHT, wat="bericht")
    except GgkFout:
        raise VecozoFout("Het bericht is geen leesbare XML.") from None
    versie = (root.findtext("./{*}Header/{*}BerichtVersie") or "").strip()
    sub = (root.findtext("./{*}Header/{*}BerichtSubversie") or "").strip()
    if not (versie.isdigit() and sub.isdigit()):
        raise VecozoFout("BerichtVersie/BerichtSubversie niet leesbaar uit de berichtheader.")
    return versie, sub


def bouw_indienen(
    bericht: Uitgaand,
    *,
    applicatie: str = "klantreis",
    applicatie_versie: str = "1",
    applicatie_subversie: str = "0",
    conversatie_id: str | None = None,
    traceer_id: str | None = None,
    referentie_id: str | None = None,
    acties: dict[str, str] | None = None,
) -> bytes:
    """The SOAP ``IndienenBericht`` for one message. For a retour (``referentie_heen`` set)
    the ConversatieId is the heen's, so VECOZO can pair them (assumption, see docs)."""
    m = _FUNCTIE.match(bericht.functie or "")
    if not m:
        raise VecozoFout(f"Onbekende functie {bericht.functie!r}; verwacht bijv. JW315 of WMO305.")
    for rol, partij in (("afzender", bericht.afzender), ("ontvanger", bericht.ontvanger)):
        if not _PARTIJ.match(partij or ""):
            raise VecozoFout(f"De {rol} {partij!r} is geen gemeentecode of AGB-code.")
    if len(bericht.inhoud) > MAX_BERICHT:
        raise VecozoFout(f"Het bericht is te groot ({len(bericht.inhoud)} bytes).")
    actie = {**ACTIES, **(acties or {})}.get(m.group(2))
    if not actie:
        raise VecozoFout(f"Geen VECOZO-Actie bekend voor {bericht.functie}.")
    versie, subversie = _versies(bericht.inhoud)
    conversatie = conversatie_id or bericht.referentie_heen or str(uuid.uuid4())
    traceer = traceer_id or str(uuid.uuid4())

    nsmap = {"soap": NS_SOAP, "msg": NS_MSG, "bu": NS_SVC, "typ": NS_TYP, "hdr": NS_HDR}
    env = etree.Element(_q(NS_SOAP, "Envelope"), nsmap=nsmap)
    header = _sub(env, NS_SOAP, "Header")
    context = _sub(header, NS_SVC, "VerwerkingscontextHeader")
    for sleutel, waarde in (
        ("Applicatie", applicatie),
        ("ApplicatieSubversie", applicatie_subversie),
        ("ApplicatieVersie", applicatie_versie),
        ("Referentienummer", bericht.identificatie),
    ):
        aspect = _sub(context, NS_HDR, "Aspect")
        _sub(aspect, NS_TYP, "Sleutel", sleutel)
        _sub(aspect, NS_TYP, "Waarde", waarde)
    conv = _sub(header, NS_SVC, "ConversatieHeader")
    _sub(conv, NS_HDR, "ConversatieId", conversatie)
    _sub(conv, NS_HDR, "TraceerId", traceer)
    ref = _sub(header, NS_SVC, "ReferentieHeader")
    _sub(ref, NS_HDR, "ReferentieId", referentie_id or str(uuid.uuid4()))
    rout = _sub(header, NS_SVC, "RouteringHeader")
    afz = _sub(rout, NS_HDR, "Afzender")
    _sub(afz, NS_TYP, "Rol", _rol(bericht.afzender))
    _sub(afz, NS_TYP, "Code", bericht.afzender)
    relatie = _sub(_sub(rout, NS_HDR, "Geadresseerden"), NS_TYP, "Relatie")
    _sub(relatie, NS_TYP, "Rol", _rol(bericht.ontvanger))
    _sub(relatie, NS_TYP, "Code", bericht.ontvanger)
    _sub(rout, NS_HDR, "Berichttype", m.group(1))
    _sub(rout, NS_HDR, "Berichtsubtype", bericht.functie)
    _sub(rout, NS_HDR, "Berichtversie", versie)
    _sub(rout, NS_HDR, "Berichtsubversie", subversie)
    _sub(rout, NS_HDR, "Actie", actie)

    body = _sub(env, NS_SOAP, "Body")
    request = _sub(_sub(body, NS_SVC, "IndienenBericht"), NS_SVC, "Request")
    data = _sub(request, NS_MSG, "Bericht")
    data.set(_q(NS_XSI, "type"), "msg:DataBinary")
    naam = _ONVEILIG.sub("_", os.path.basename(bericht.bestandsnaam or ""))[:255]
    naam = naam or f"{bericht.functie}_{bericht.identificatie}.xml"
    inhoud = zip_bericht(naam, bericht.inhoud)
    _sub(data, NS_MSG, "Data", base64.b64encode(inhoud).decode("ascii"))
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8")


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indiening:
    """An ``IndienenBericht`` read: routing plus the unzipped iWmo/iJw XML."""

    afzender: str
    geadresseerde: str
    berichttype: str
    berichtsubtype: str
    berichtversie: str
    berichtsubversie: str
    actie: str
    conversatie_id: str
    traceer_id: str
    referentie_id: str
    bestandsnaam: str
    inhoud: bytes

    def ontvangen(self) -> Ontvangen:
        return Ontvangen(
            inhoud=self.inhoud,
            bestandsnaam=self.bestandsnaam,
            kanaal_referentie=self.conversatie_id,
            afzender=self.afzender,
        )


def lees_indiening(data: bytes) -> Indiening:
    """Reads an ``IndienenBericht`` SOAP request; raises ``VecozoFout`` (Dutch)."""
    try:
        root = veilig_parsen(data, max_grootte=MAX_ENVELOP)
    except GgkFout as exc:
        raise VecozoFout(str(exc)) from None
    if root.tag != _q(NS_SOAP, "Envelope"):
        raise VecozoFout("Geen SOAP 1.1-envelop.")
    header = root.find(_q(NS_SOAP, "Header"))
    if header is None:
        raise VecozoFout("De SOAP-envelop heeft geen Header met routering.")

    def tekst(pad: str, verplicht: bool = True) -> str:
        waarde = (header.findtext(pad, namespaces=_NS) or "").strip()
        if verplicht and not waarde:
            raise VecozoFout(f"Verplicht veld ontbreekt in de SOAP-header: {pad.split(':')[-1]}.")
        return waarde

    rout = "bu:RouteringHeader/"
    afzender = tekst(rout + "hdr:Afzender/typ:Code")
    geadresseerde = tekst(rout + "hdr:Geadresseerden/typ:Relatie/typ:Code")
    berichtsubtype = tekst(rout + "hdr:Berichtsubtype")
    try:
        body = soap_body(root)
    except GgkFout as exc:
        raise VecozoFout(str(exc)) from None
    if body.tag != _q(NS_SVC, "IndienenBericht"):
        raise VecozoFout(f"Verwacht IndienenBericht, ontvangen {etree.QName(body).localname!r}.")
    data_el = body.find("bu:Request/msg:Bericht/msg:Data", _NS)
    if data_el is None or not (data_el.text or "").strip():
        raise VecozoFout("IndienenBericht/Request/Bericht/Data ontbreekt of is leeg.")
    try:
        zipdata = base64.b64decode(re.sub(r"\s+", "", data_el.text), validate=True)
    except (binascii.Error, ValueError):
        raise VecozoFout("Bericht/Data is geen geldige base64.") from None
    naam, inhoud = unzip_bericht(zipdata)
    conversatie = tekst("bu:ConversatieHeader/hdr:ConversatieId", verplicht=False)
    return Indiening(
        afzender=afzender,
        geadresseerde=geadresseerde,
        berichttype=tekst(rout + "hdr:Berichttype", verplicht=False),
        berichtsubtype=berichtsubtype,
        berichtversie=tekst(rout + "hdr:Berichtversie", verplicht=False),
        berichtsubversie=tekst(rout + "hdr:Berichtsubversie", verplicht=False),
        actie=tekst(rout + "hdr:Actie", verplicht=False),
        conversatie_id=conversatie,
        traceer_id=tekst("bu:ConversatieHeader/hdr:TraceerId", verplicht=False),
        referentie_id=tekst("bu:ReferentieHeader/hdr:ReferentieId", verplicht=False),
        bestandsnaam=naam or f"{berichtsubtype}_{conversatie}.xml",
        inhoud=inhoud,
    )


def lees_indienen(data: bytes) -> Ontvangen:
    """The iWmo/iJw XML in an ``IndienenBericht`` (kanaal_referentie = ConversatieId)."""
    return lees_indiening(data).ontvangen()


_NS = {"bu": NS_SVC, "msg": NS_MSG, "hdr": NS_HDR, "typ": NS_TYP, "soap": NS_SOAP}


def lees_indienen_antwoord(data: bytes) -> tuple[str, str]:
    """(ConversatieId, TraceerId) from an ``IndienenBerichtResponse``; a SOAP Fault or
    anything else raises ``VecozoFout`` with the fault text."""
    try:
        el = soap_body(veilig_parsen(data, max_grootte=1024 * 1024, wat="antwoord"))
    except GgkFout as exc:
        raise VecozoFout(str(exc)) from None
    if el.tag == _q(NS_SOAP, "Fault"):
        melding = (el.findtext("faultstring") or "").strip() or "SOAP Fault zonder uitleg"
        raise VecozoFout(f"VECOZO weigerde het bericht: {melding}")
    if el.tag != _q(NS_SVC, "IndienenBerichtResponse"):
        raise VecozoFout(f"Onverwacht antwoord {etree.QName(el).localname!r}.")
    resultaat = el.find("bu:IndienenBerichtResult", _NS)
    if resultaat is None:
        raise VecozoFout("IndienenBerichtResult ontbreekt in het antwoord.")
    conversatie = (resultaat.findtext("msg:ConversatieId", namespaces=_NS) or "").strip()
    traceer = (resultaat.findtext("msg:TraceerId", namespaces=_NS) or "").strip()
    return conversatie, traceer


# --- the transport ------------------------------------------------------------------------


@registreer
class VecozoTransport:
    """Provider side: submits messages to VECOZO with ``IndienenBericht``. Receiving (VECOZO's
    push or its retrieval operations) is not built: ``haal_op`` yields nothing."""

    naam = "vecozo"

    def __init__(
        self,
        *,
        url: str,
        agb_code: str | None = None,
        partij: str | None = None,
        applicatie: str = "klantreis",
        applicatie_versie: str = "1",
        applicatie_subversie: str = "0",
        timeout: float = 30,
        cert: str | None = None,
        key: str | None = None,
        ca: str | None = None,
        soap_action: str = SOAP_ACTION,
        acties: dict | None = None,
    ):
        self.url = controleer_url(url)
        agb_code = agb_code or partij  # ``partij``: the party the exchange sends for
        if not _AGB.match(str(agb_code)):
            raise OptieFout("'agb_code' is de AGB-code van de aanbieder (8 cijfers).")
        self.agb_code = str(agb_code)
        if not isinstance(applicatie, str) or not applicatie.strip():
            raise OptieFout("'applicatie' is de naam van de applicatie (niet leeg).")
        self.applicatie = applicatie
        self.applicatie_versie = str(applicatie_versie)
        self.applicatie_subversie = str(applicatie_subversie)
        self.timeout = controleer_timeout(timeout)
        if acties is not None and not (
            isinstance(acties, dict)
            and all(isinstance(k, str) and re.fullmatch(r"\d{3}", k) for k in acties)
            and all(isinstance(v, str) and v for v in acties.values())
        ):
            raise OptieFout(
                "'acties' koppelt berichtnummers aan een Actie, bijv. {'305': 'StartZorg'}."
            )
        self.acties = dict(acties or {})
        self.soap_action = soap_action
        self.context = ssl_context(cert, key, ca) if self.url.startswith("https") else None
        if self.context is None and (cert or key or ca):
            raise OptieFout("Certificaten ('cert', 'key', 'ca') werken alleen met een https-url.")

    def bouw(self, bericht: Uitgaand, conversatie_id: str | None = None) -> bytes:
        if bericht.afzender != self.agb_code:
            raise VecozoFout(
                f"Afzender {bericht.afzender!r} is niet de AGB-code {self.agb_code} "
                "van deze VECOZO-aansluiting."
            )
        return bouw_indienen(
            bericht,
            applicatie=self.applicatie,
            applicatie_versie=self.applicatie_versie,
            applicatie_subversie=self.applicatie_subversie,
            acties=self.acties,
            conversatie_id=conversatie_id,
        )

    def verzend(self, bericht: Uitgaand) -> str:
        gestuurd = bericht.referentie_heen or str(uuid.uuid4())
        try:
            verzoek = self.bouw(bericht, gestuurd)
        except GgkFout as exc:
            raise TransportFout(f"VECOZO-bericht niet te maken: {exc}") from exc
        status, body = http_post(
            self.url,
            verzoek,
            soap_action=self.soap_action,
            timeout=self.timeout,
            context=self.context,
            wie="VECOZO",
        )
        try:
            conversatie, _traceer = lees_indienen_antwoord(body)
        except GgkFout as exc:
            raise TransportFout(f"{exc} (HTTP {status})") from exc
        return conversatie or gestuurd

    def haal_op(self):
        return ()

    def bevestig(self, ontvangen: Ontvangen) -> None:
        """Nothing to acknowledge: ``haal_op`` yields nothing."""
