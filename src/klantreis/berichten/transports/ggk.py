"""The GGk transport: StUF-GGk 0310 v2.1 envelopes between a gemeente and the Gemeentelijk
Gegevensknooppunt (VNG), over SOAP 1.1 / HTTP(S).

* A heenbericht (WMO301, JW315 …) travels in ``GGK:envelopHeenbericht-ggk_Di01``; a retour
  (WMO302 …) in ``GGK:envelopRetourbericht-ggk_Du01`` whose ``crossRefnummer`` is the Di01's
  ``referentienummer`` (``Uitgaand.referentie_heen``). Both carry the iWmo/iJw XML base64-encoded
  in ``parameters/bericht``.
* The receiver answers synchronously with a StUF ``Bv03Bericht`` (accepted: the stuurgegevens
  were checked) or a ``Fo03Bericht`` (refused), as StUF 0301 defines for an asynchronous
  message (``stuf0301.xsd``, Berichtcode documentation). Inside SOAP a Fo03 travels in the
  ``detail`` of a SOAP Fault.
* Every envelope built or read is validated against the GGk XSD (``xsd/ggk/``, see its
  PROVENANCE.md). Parsing is hardened: no DTD, no entities, no network, bounded size.

Bad input raises ``GgkFout`` (Dutch message); ``verzend`` turns every failure into
``TransportFout`` so the exchange retries. See docs/transports.md.
"""

from __future__ import annotations

import base64
import binascii
import functools
import http.client
import logging
import os
import re
import ssl
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from lxml import etree

from . import Ontvangen, OptieFout, TransportFout, Uitgaand, registreer

logger = logging.getLogger(__name__)

NS_GGK = "http://www.stufstandaarden.nl/sectormodel/ggk/0210"
NS_STUF = "http://www.egem.nl/StUF/StUF0301"
NS_XMIME = "http://www.w3.org/2005/05/xmlmime"
NS_SOAP = "http://schemas.xmlsoap.org/soap/envelope/"

DI01 = "envelopHeenbericht-ggk_Di01"
DU01 = "envelopRetourbericht-ggk_Du01"

#: the largest iWmo/iJw message accepted (the exchange's limit) …
MAX_BERICHT = 25 * 1024 * 1024
#: … and the largest envelope: base64 (4/3) plus room for the envelope and line breaks.
MAX_ENVELOP = MAX_BERICHT * 4 // 3 + 2 * 1024 * 1024

XSD = Path(__file__).with_name("xsd") / "ggk" / "ggk0310_21" / "ggkberichten" / "ggk0310_msg.xsd"

_TIJDZONE = ZoneInfo("Europe/Amsterdam")
_PARTIJ = re.compile(r"^(\d{4}|\d{8}|CAK|SVB)$")
_FUNCTIE = re.compile(r"^(WMO|JW)\d{3}$")
_VERSIENR = re.compile(r"^\d{4}$")
_ONVEILIG = re.compile(r"[^A-Za-z0-9._-]")
#: characters XML 1.0 cannot carry (a fault text may quote what a partner sent)
_XML_ONGELDIG = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class GgkFout(ValueError):
    """An envelope could not be built or read. The message is Dutch and fit for a Fo03."""

    def __init__(self, melding: str, code: str = "StUF055"):
        super().__init__(melding)
        self.code = code


# --- hardened XML -------------------------------------------------------------------------


def _parser() -> etree.XMLParser:
    # huge_tree: a 25 MB message is one base64 text node of ~33 MB, above libxml2's default
    # 10 MB node limit. Safe here because the input size is checked first and no DTD or
    # entity is ever loaded or expanded.
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
    )


def veilig_parsen(data: bytes, *, max_grootte: int = MAX_ENVELOP, wat: str = "envelop"):
    """Parses untrusted XML: size-bounded, no DTD (refused outright), no entities, no network.
    Returns the root element; raises ``GgkFout`` with a Dutch message."""
    if not isinstance(data, (bytes, bytearray)):
        raise GgkFout(f"De {wat} is geen bytes.")
    if len(data) > max_grootte:
        raise GgkFout(f"De {wat} is te groot ({len(data)} bytes; maximaal {max_grootte}).")
    if not data.strip():
        raise GgkFout(f"De {wat} is leeg.")
    try:
        root = etree.fromstring(bytes(data), _parser())
    except etree.XMLSyntaxError as exc:
        raise GgkFout(f"De {wat} is geen goed gevormde XML: {exc.msg}.") from None
    doc = root.getroottree().docinfo
    if doc.doctype or doc.internalDTD is not None:
        raise GgkFout(f"De {wat} bevat een DOCTYPE; dat is niet toegestaan.")
    return root


@functools.lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD), _parser()))


def valideer(root) -> None:
    """Validates a GGk envelope (or a StUF Bv03/Fo03) against the packaged GGk XSD."""
    schema = _schema()
    if not schema.validate(root):
        fouten = "; ".join(f"regel {e.line}: {e.message}" for e in list(schema.error_log)[:3])
        raise GgkFout(f"De envelop voldoet niet aan het GGk-schema: {fouten}")


def _q(ns: str, naam: str) -> str:
    return f"{{{ns}}}{naam}"


def _sub(parent, ns: str, naam: str, tekst: str | None = None):
    el = etree.SubElement(parent, _q(ns, naam))
    if tekst is not None:
        el.text = tekst
    return el


def _tekst(el, pad: str) -> str | None:
    gevonden = el.find(pad, {"GGK": NS_GGK, "StUF": NS_STUF})
    if gevonden is None or gevonden.text is None:
        return None
    return gevonden.text.strip()


def tijdstip(moment: datetime | None = None) -> str:
    """StUF tijdstipBericht ``yyyymmddhhmmss`` in Dutch local time."""
    return (moment or datetime.now(_TIJDZONE)).astimezone(_TIJDZONE).strftime("%Y%m%d%H%M%S")


# --- reading the payload's header (versions) ------------------------------------------------


def _versies_uit_bericht(inhoud: bytes) -> tuple[str, str] | None:
    """BerichtVersie and BerichtSubversie from the iWmo/iJw header, if readable."""
    try:
        root = veilig_parsen(inhoud, max_grootte=MAX_BERICHT, wat="bericht")
    except GgkFout:
        return None
    versie = root.find("./{*}Header/{*}BerichtVersie")
    sub = root.find("./{*}Header/{*}BerichtSubversie")
    if versie is None or sub is None or not (versie.text or "").strip().isdigit():
        return None
    if not (sub.text or "").strip().isdigit():
        return None
    return versie.text.strip(), sub.text.strip()


def _versienr(waarde: str) -> str:
    return f"{int(waarde):04d}"


# --- building -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Systeem:
    organisatie: str
    applicatie: str


def _systeem(parent, naam: str, systeem: Systeem) -> None:
    el = _sub(parent, NS_STUF, naam)
    _sub(el, NS_STUF, "organisatie", systeem.organisatie)
    _sub(el, NS_STUF, "applicatie", systeem.applicatie)


def _bestandsnaam(bericht: Uitgaand) -> str:
    naam = _ONVEILIG.sub("_", os.path.basename(bericht.bestandsnaam or ""))[:255]
    return naam or f"{bericht.functie}_{bericht.identificatie}.xml"


def _bouw(
    soort: str,
    bericht: Uitgaand,
    *,
    applicatie: str,
    ontvanger_applicatie: str,
    referentienummer: str | None,
    moment: datetime | None,
    applicatie_versie: str,
    applicatie_subversie: str,
    cross_refnummer: str | None = None,
    cross_refnummer_bericht: str | None = None,
) -> bytes:
    if not _FUNCTIE.match(bericht.functie or ""):
        raise GgkFout(f"Onbekende functie {bericht.functie!r}; verwacht bijv. WMO301 of JW315.")
    for rol, partij in (("afzender", bericht.afzender), ("ontvanger", bericht.ontvanger)):
        if not _PARTIJ.match(partij or ""):
            raise GgkFout(f"De {rol} {partij!r} is geen gemeentecode, AGB-code, CAK of SVB.")
    if not bericht.identificatie or len(bericht.identificatie) > 12:
        raise GgkFout("De berichtidentificatie moet 1 tot 12 tekens lang zijn.")
    if len(bericht.inhoud) > MAX_BERICHT:
        raise GgkFout(f"Het bericht is te groot ({len(bericht.inhoud)} bytes).")
    versies = _versies_uit_bericht(bericht.inhoud)
    if versies is None:
        raise GgkFout("BerichtVersie/BerichtSubversie niet leesbaar uit de header van het bericht.")

    nsmap = {"GGK": NS_GGK, "StUF": NS_STUF, "xmime": NS_XMIME}
    root = etree.Element(_q(NS_GGK, soort), nsmap=nsmap)
    stuur = _sub(root, NS_GGK, "stuurgegevens")
    _sub(stuur, NS_STUF, "berichtcode", "Di01" if soort == DI01 else "Du01")
    _systeem(stuur, "zender", Systeem(bericht.afzender, applicatie))
    _systeem(stuur, "ontvanger", Systeem(bericht.ontvanger, ontvanger_applicatie))
    _sub(stuur, NS_STUF, "referentienummer", referentienummer or str(uuid.uuid4()))
    _sub(stuur, NS_STUF, "tijdstipBericht", tijdstip(moment))
    if soort == DU01:
        _sub(stuur, NS_STUF, "crossRefnummer", cross_refnummer)
    _sub(stuur, NS_STUF, "functie", bericht.functie)
    par = _sub(root, NS_GGK, "parameters")
    _sub(par, NS_GGK, "referentienummerBericht", bericht.identificatie)
    if soort == DU01 and cross_refnummer_bericht:
        _sub(par, NS_GGK, "crossRefnummerBericht", cross_refnummer_bericht)
    _sub(par, NS_GGK, "applicatieVersie", applicatie_versie)
    _sub(par, NS_GGK, "applicatieSubversie", applicatie_subversie)
    _sub(par, NS_GGK, "functieVersie", _versienr(versies[0]))
    _sub(par, NS_GGK, "functieSubversie", _versienr(versies[1]))
    inhoud = _sub(par, NS_GGK, "bericht", base64.b64encode(bericht.inhoud).decode("ascii"))
    inhoud.set(_q(NS_STUF, "bestandsnaam"), _bestandsnaam(bericht))
    inhoud.set(_q(NS_XMIME, "contentType"), "application/xml")
    valideer(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def bouw_di01(
    bericht: Uitgaand,
    *,
    applicatie: str = "klantreis",
    ontvanger_applicatie: str = "GGk",
    referentienummer: str | None = None,
    moment: datetime | None = None,
    applicatie_versie: str = "0001",
    applicatie_subversie: str = "0000",
) -> bytes:
    """The ``envelopHeenbericht-ggk_Di01`` for a heenbericht, validated against the XSD.
    ``referentienummer`` (the channel reference) defaults to a new UUID; functieVersie and
    functieSubversie are the payload's BerichtVersie/BerichtSubversie as 4 digits."""
    return _bouw(
        DI01,
        bericht,
        applicatie=applicatie,
        ontvanger_applicatie=ontvanger_applicatie,
        referentienummer=referentienummer,
        moment=moment,
        applicatie_versie=applicatie_versie,
        applicatie_subversie=applicatie_subversie,
    )


def bouw_du01(
    bericht: Uitgaand,
    *,
    cross_refnummer: str | None = None,
    cross_refnummer_bericht: str | None = None,
    applicatie: str = "klantreis",
    ontvanger_applicatie: str = "GGk",
    referentienummer: str | None = None,
    moment: datetime | None = None,
    applicatie_versie: str = "0001",
    applicatie_subversie: str = "0000",
) -> bytes:
    """The ``envelopRetourbericht-ggk_Du01`` for a retour: ``crossRefnummer`` is the heen
    Di01's referentienummer (default ``bericht.referentie_heen``); ``crossRefnummerBericht``
    (optional) the heen's BerichtIdentificatie."""
    cross = cross_refnummer or bericht.referentie_heen
    if not cross:
        raise GgkFout("Een Du01 (retour) heeft het referentienummer van de Di01 nodig.")
    if len(cross) > 40:
        raise GgkFout("Het crossRefnummer is langer dan 40 tekens.")
    return _bouw(
        DU01,
        bericht,
        applicatie=applicatie,
        ontvanger_applicatie=ontvanger_applicatie,
        referentienummer=referentienummer,
        moment=moment,
        applicatie_versie=applicatie_versie,
        applicatie_subversie=applicatie_subversie,
        cross_refnummer=cross,
        cross_refnummer_bericht=cross_refnummer_bericht,
    )


# --- reading ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Envelop:
    """A GGk envelope read and validated; ``inhoud`` is the decoded iWmo/iJw XML."""

    berichtcode: str  # Di01 or Du01
    zender: Systeem
    ontvanger: Systeem
    referentienummer: str
    tijdstip: str
    functie: str
    inhoud: bytes
    bestandsnaam: str
    referentienummer_bericht: str | None = None
    cross_refnummer: str | None = None
    cross_refnummer_bericht: str | None = None

    def ontvangen(self) -> Ontvangen:
        return Ontvangen(
            inhoud=self.inhoud,
            bestandsnaam=self.bestandsnaam,
            kanaal_referentie=self.referentienummer,
            afzender=self.zender.organisatie,
        )


def soap_body(root):
    """The first element in a SOAP 1.1 Body, or the root itself when it is no SOAP envelope."""
    if root.tag != _q(NS_SOAP, "Envelope"):
        return root
    body = root.find(_q(NS_SOAP, "Body"))
    if body is None or len(body) == 0:
        raise GgkFout("De SOAP-envelop heeft geen Body met inhoud.")
    return body[0]


def _lees_systeem(stuur, naam: str) -> Systeem:
    return Systeem(
        organisatie=_tekst(stuur, f"StUF:{naam}/StUF:organisatie") or "",
        applicatie=_tekst(stuur, f"StUF:{naam}/StUF:applicatie") or "",
    )


def lees_envelop(data: bytes, *, verwacht: tuple[str, ...] = ("Di01", "Du01")) -> Envelop:
    """Reads a Di01 or Du01 (bare or in a SOAP envelope), validates it against the GGk XSD
    and decodes the payload. Raises ``GgkFout`` with a Dutch message."""
    return lees_envelop_element(soap_body(veilig_parsen(data)), verwacht=verwacht)


def lees_envelop_element(el, *, verwacht: tuple[str, ...] = ("Di01", "Du01")) -> Envelop:
    """``lees_envelop`` for an element already parsed with ``veilig_parsen``."""
    soorten = {_q(NS_GGK, DI01): "Di01", _q(NS_GGK, DU01): "Du01"}
    code = soorten.get(el.tag)
    if code is None:
        raise GgkFout(f"Geen GGk-envelop maar {etree.QName(el).localname!r}.", code="StUF022")
    if code not in verwacht:
        raise GgkFout(f"Verwacht {' of '.join(verwacht)}, ontvangen {code}.", code="StUF022")
    valideer(el)
    stuur = el.find(_q(NS_GGK, "stuurgegevens"))
    par = el.find(_q(NS_GGK, "parameters"))
    bericht = par.find(_q(NS_GGK, "bericht"))
    tekst = re.sub(r"\s+", "", bericht.text or "")
    try:
        inhoud = base64.b64decode(tekst, validate=True)
    except (binascii.Error, ValueError):
        raise GgkFout("Het bericht in de envelop is geen geldige base64.") from None
    if len(inhoud) > MAX_BERICHT:
        raise GgkFout(f"Het bericht in de envelop is te groot ({len(inhoud)} bytes).")
    if not inhoud:
        raise GgkFout("Het bericht in de envelop is leeg.")
    referentienummer = _tekst(stuur, "StUF:referentienummer") or ""
    functie = _tekst(stuur, "StUF:functie") or ""
    naam = _ONVEILIG.sub("_", os.path.basename(bericht.get(_q(NS_STUF, "bestandsnaam")) or ""))
    return Envelop(
        berichtcode=code,
        zender=_lees_systeem(stuur, "zender"),
        ontvanger=_lees_systeem(stuur, "ontvanger"),
        referentienummer=referentienummer,
        tijdstip=_tekst(stuur, "StUF:tijdstipBericht") or "",
        functie=functie,
        inhoud=inhoud,
        bestandsnaam=naam or f"{functie or 'bericht'}_{referentienummer}.xml",
        referentienummer_bericht=_tekst(par, "GGK:referentienummerBericht"),
        cross_refnummer=_tekst(stuur, "StUF:crossRefnummer"),
        cross_refnummer_bericht=_tekst(par, "GGK:crossRefnummerBericht"),
    )


def lees_di01(data: bytes) -> Ontvangen:
    """The iWmo/iJw XML in a Di01 (kanaal_referentie = its referentienummer)."""
    return lees_envelop(data, verwacht=("Di01",)).ontvangen()


def lees_du01(data: bytes) -> Ontvangen:
    """The iWmo/iJw retour in a Du01 (kanaal_referentie = its own referentienummer; the
    heen's is in ``lees_envelop(data).cross_refnummer``)."""
    return lees_envelop(data, verwacht=("Du01",)).ontvangen()


# --- the synchronous answers: Bv03 / Fo03 -------------------------------------------------


def _stuf_antwoord(code: str, zender: Systeem, ontvanger: Systeem, cross_ref: str, moment):
    root = etree.Element(_q(NS_STUF, f"{code}Bericht"), nsmap={"StUF": NS_STUF})
    stuur = _sub(root, NS_STUF, "stuurgegevens")
    _sub(stuur, NS_STUF, "berichtcode", code)
    for naam, systeem in (("zender", zender), ("ontvanger", ontvanger)):
        el = _sub(stuur, NS_STUF, naam)
        if systeem.organisatie:
            _sub(el, NS_STUF, "organisatie", systeem.organisatie[:200])
        _sub(el, NS_STUF, "applicatie", (systeem.applicatie or "onbekend")[:50].ljust(3, "_"))
    _sub(stuur, NS_STUF, "referentienummer", str(uuid.uuid4()))
    _sub(stuur, NS_STUF, "tijdstipBericht", tijdstip(moment))
    _sub(stuur, NS_STUF, "crossRefnummer", (cross_ref or "")[:40])
    return root


def bouw_bv03(envelop: Envelop, *, applicatie: str = "klantreis", moment=None) -> bytes:
    """Bv03: the envelope was read, checked and handed over (crossRefnummer = its
    referentienummer). Sender and receiver are the envelope's, swapped."""
    zender = Systeem(envelop.ontvanger.organisatie, applicatie)
    root = _stuf_antwoord("Bv03", zender, envelop.zender, envelop.referentienummer, moment)
    valideer(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def bouw_fo03(
    omschrijving: str,
    *,
    code: str = "StUF055",
    plek: str = "client",
    cross_refnummer: str = "",
    zender: Systeem | None = None,
    ontvanger: Systeem | None = None,
    details: str | None = None,
    moment=None,
) -> bytes:
    """Fo03: the asynchronous message was refused (synchronous answer). ``plek`` is
    ``client`` (the sender must fix it) or ``server`` (try again later)."""
    root = _stuf_antwoord(
        "Fo03",
        zender or Systeem("", "klantreis"),
        ontvanger or Systeem("", "onbekend"),
        cross_refnummer,
        moment,
    )
    body = _sub(root, NS_STUF, "body")
    _sub(body, NS_STUF, "code", code[:7])
    _sub(body, NS_STUF, "plek", plek)
    _sub(body, NS_STUF, "omschrijving", _XML_ONGELDIG.sub("?", omschrijving)[:200])
    if details:
        _sub(body, NS_STUF, "details", _XML_ONGELDIG.sub("?", details)[:1000])
    valideer(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@dataclass(frozen=True)
class Antwoord:
    """A synchronous StUF answer read: Bv03/Bv04 (``goed``) or Fo01/Fo02/Fo03."""

    berichtcode: str
    cross_refnummer: str
    omschrijving: str = ""
    code: str = ""
    plek: str = ""

    @property
    def goed(self) -> bool:
        return self.berichtcode in ("Bv03", "Bv04")


def lees_antwoord(data: bytes) -> Antwoord:
    """Reads the synchronous answer to a Di01/Du01: a Bv03/Bv04 or a Fo0x, bare, in a SOAP
    Body, or in a SOAP Fault's ``detail``. Raises ``GgkFout`` for anything else."""
    root = veilig_parsen(data, max_grootte=1024 * 1024, wat="antwoord")
    el = soap_body(root)
    if el.tag == _q(NS_SOAP, "Fault"):
        detail = el.find("detail")
        stuf = None
        if detail is not None:
            stuf = next((d for d in detail if etree.QName(d).namespace == NS_STUF), None)
        if stuf is None:
            melding = (el.findtext("faultstring") or "").strip()
            return Antwoord("Fault", "", omschrijving=melding or "SOAP Fault zonder uitleg")
        el = stuf
    naam = etree.QName(el)
    if naam.namespace != NS_STUF or not re.fullmatch(r"(Bv0[1-4]|Fo0[1-3])Bericht", naam.localname):
        raise GgkFout(f"Onverwacht antwoord {naam.localname!r} (verwacht Bv03 of Fo03).")
    code = naam.localname[:4]
    return Antwoord(
        berichtcode=code,
        cross_refnummer=_tekst(el, "StUF:stuurgegevens/StUF:crossRefnummer") or "",
        omschrijving=_tekst(el, "StUF:body/StUF:omschrijving") or "",
        code=_tekst(el, "StUF:body/StUF:code") or "",
        plek=_tekst(el, "StUF:body/StUF:plek") or "",
    )


# --- SOAP 1.1 and HTTP (shared with the VECOZO transport) ---------------------------------


def soap_envelop(inhoud: bytes, *, fout: tuple[str, str] | None = None) -> bytes:
    """Wraps an XML document in a SOAP 1.1 Envelope/Body, or (``fout`` = (faultcode,
    faultstring)) in a Body/Fault with the document as ``detail``."""
    env = etree.Element(_q(NS_SOAP, "Envelope"), nsmap={"soap": NS_SOAP})
    body = _sub(env, NS_SOAP, "Body")
    doc = etree.fromstring(inhoud, _parser())
    if fout is None:
        body.append(doc)
    else:
        fault = _sub(body, NS_SOAP, "Fault")
        etree.SubElement(fault, "faultcode").text = f"soap:{fout[0]}"
        etree.SubElement(fault, "faultstring").text = fout[1]
        etree.SubElement(fault, "detail").append(doc)
    return etree.tostring(env, xml_declaration=True, encoding="UTF-8")


def ssl_context(cert: str | None, key: str | None, ca: str | None) -> ssl.SSLContext:
    """A verifying TLS context; ``cert``/``key`` for PKIoverheid client authentication,
    ``ca`` to trust a private CA bundle instead of the system store."""
    for naam, pad in (("cert", cert), ("key", key), ("ca", ca)):
        if pad and not Path(pad).is_file():
            raise OptieFout(f"'{naam}': bestand {pad!r} bestaat niet.")
    if key and not cert:
        raise OptieFout("'key' zonder 'cert' heeft geen zin; geef beide op.")
    try:
        context = ssl.create_default_context(cafile=ca or None)
        if cert:
            context.load_cert_chain(cert, key or None)
    except (ssl.SSLError, OSError) as exc:
        raise OptieFout(f"Certificaat of sleutel niet te laden: {exc}") from None
    return context


def controleer_url(url: str) -> str:
    if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
        raise OptieFout("'url' moet een http(s)-adres zijn, bijv. https://ggk.example.nl/ontvang.")
    return url


def controleer_timeout(timeout) -> float:
    try:
        waarde = float(timeout)
    except (TypeError, ValueError):
        raise OptieFout("'timeout' is een aantal seconden (getal groter dan 0).") from None
    if not 0 < waarde <= 600:
        raise OptieFout("'timeout' moet tussen 0 en 600 seconden liggen.")
    return waarde


def _tls_fout(wie: str, exc: ssl.SSLError) -> str:
    return (
        f"TLS-verbinding met {wie} mislukt (servercertificaat niet vertrouwd, of ons "
        f"clientcertificaat geweigerd?): {exc}."
    )


def http_post(
    url: str,
    inhoud: bytes,
    *,
    soap_action: str,
    timeout: float,
    context: ssl.SSLContext | None,
    wie: str,
    max_antwoord: int = 1024 * 1024,
) -> tuple[int, bytes]:
    """POSTs a SOAP 1.1 request; returns (status, body) for 2xx and 500 (a SOAP Fault).
    Other statuses, timeouts and connection errors raise ``TransportFout`` (Dutch)."""
    zin = wie[:1].upper() + wie[1:]  # "het GGk" at the start of a sentence
    verzoek = urllib.request.Request(
        url,
        data=inhoud,
        method="POST",
        headers={
            "Content-Type": "text/xml; charset=utf-8",
            "SOAPAction": f'"{soap_action}"',
        },
    )
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout, context=context) as antwoord:
            return antwoord.status, antwoord.read(max_antwoord + 1)[:max_antwoord]
    except urllib.error.HTTPError as exc:
        try:
            body = exc.read(max_antwoord + 1)[:max_antwoord]
        except (OSError, http.client.HTTPException):
            body = b""
        finally:
            exc.close()
        if exc.code == 500 and body:
            return 500, body
        raise TransportFout(f"{zin} antwoordde met HTTP {exc.code} ({exc.reason}).") from exc
    except TimeoutError as exc:
        raise TransportFout(f"{zin} antwoordde niet binnen {timeout:g} seconden.") from exc
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise TransportFout(f"{zin} antwoordde niet binnen {timeout:g} seconden.") from exc
        if isinstance(exc.reason, ssl.SSLError):
            raise TransportFout(_tls_fout(wie, exc.reason)) from exc
        raise TransportFout(f"{zin} is niet bereikbaar: {exc.reason}.") from exc
    except ssl.SSLError as exc:
        raise TransportFout(_tls_fout(wie, exc)) from exc
    except (OSError, http.client.HTTPException) as exc:
        raise TransportFout(f"Verbinding met {wie} mislukt: {exc}.") from exc


# --- the transport ------------------------------------------------------------------------


@registreer
class GgkTransport:
    """Gemeente side: POSTs Di01 (heen) and Du01 (retour) envelopes to the GGk; receiving is
    the ``/ggk/`` view (the GGk pushes), so ``haal_op`` yields nothing."""

    naam = "ggk"

    def __init__(
        self,
        *,
        url: str,
        gemeentecode: str | None = None,
        partij: str | None = None,
        applicatie: str = "klantreis",
        ontvanger_applicatie: str = "GGk",
        timeout: float = 30,
        cert: str | None = None,
        key: str | None = None,
        ca: str | None = None,
        soap: bool = True,
        soap_action: str | None = None,
        applicatie_versie: str = "0001",
        applicatie_subversie: str = "0000",
    ):
        self.url = controleer_url(url)
        # ``partij`` is what the exchange passes every transport: the party it sends for
        gemeentecode = gemeentecode or partij
        if not re.fullmatch(r"\d{4}", str(gemeentecode)):
            raise OptieFout("'gemeentecode' is de CBS-gemeentecode (4 cijfers), bijv. '0797'.")
        self.gemeentecode = str(gemeentecode)
        applicaties = (("applicatie", applicatie), ("ontvanger_applicatie", ontvanger_applicatie))
        for naam, waarde in applicaties:
            if not isinstance(waarde, str) or not 3 <= len(waarde) <= 50:
                raise OptieFout(f"'{naam}' moet 3 tot 50 tekens lang zijn (StUF Applicatie).")
        self.applicatie = applicatie
        self.ontvanger_applicatie = ontvanger_applicatie
        for naam, waarde in (
            ("applicatie_versie", applicatie_versie),
            ("applicatie_subversie", applicatie_subversie),
        ):
            if not _VERSIENR.match(str(waarde)):
                raise OptieFout(f"'{naam}' is een StUF-versienummer van 4 cijfers, bijv. '0001'.")
        self.applicatie_versie = str(applicatie_versie)
        self.applicatie_subversie = str(applicatie_subversie)
        self.timeout = controleer_timeout(timeout)
        self.soap = bool(soap)
        self.soap_action = soap_action
        self.context = ssl_context(cert, key, ca) if self.url.startswith("https") else None
        if self.context is None and (cert or key or ca):
            raise OptieFout("Certificaten ('cert', 'key', 'ca') werken alleen met een https-url.")

    def bouw(self, bericht: Uitgaand, referentienummer: str) -> bytes:
        if bericht.afzender != self.gemeentecode:
            raise GgkFout(
                f"Afzender {bericht.afzender!r} is niet de gemeente {self.gemeentecode} "
                "van deze GGk-aansluiting."
            )
        opties = dict(
            applicatie=self.applicatie,
            ontvanger_applicatie=self.ontvanger_applicatie,
            referentienummer=referentienummer,
            applicatie_versie=self.applicatie_versie,
            applicatie_subversie=self.applicatie_subversie,
        )
        if bericht.referentie_heen:
            return bouw_du01(bericht, **opties)
        return bouw_di01(bericht, **opties)

    def verzend(self, bericht: Uitgaand) -> str:
        referentienummer = str(uuid.uuid4())
        try:
            envelop = self.bouw(bericht, referentienummer)
        except GgkFout as exc:
            raise TransportFout(f"GGk-envelop niet te maken: {exc}") from exc
        soort = DU01 if bericht.referentie_heen else DI01
        inhoud = soap_envelop(envelop) if self.soap else envelop
        status, body = http_post(
            self.url,
            inhoud,
            soap_action=self.soap_action or f"{NS_GGK}/{soort}",
            timeout=self.timeout,
            context=self.context,
            wie="het GGk",
        )
        try:
            antwoord = lees_antwoord(body)
        except GgkFout as exc:
            raise TransportFout(f"Onleesbaar antwoord van het GGk (HTTP {status}): {exc}") from exc
        if not antwoord.goed:
            raise TransportFout(
                f"Het GGk weigerde de envelop ({antwoord.berichtcode} {antwoord.code}, "
                f"{antwoord.plek}): {antwoord.omschrijving}"
            )
        if antwoord.cross_refnummer != referentienummer:
            raise TransportFout(
                f"Het GGk bevestigde referentienummer {antwoord.cross_refnummer!r}, "
                f"niet {referentienummer!r}."
            )
        return referentienummer

    def haal_op(self):
        return ()

    def bevestig(self, ontvangen: Ontvangen) -> None:
        """Nothing to do: the view answered Bv03 once the exchange had stored the message."""
