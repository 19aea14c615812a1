"""``POST /ggk/``: the GGk delivers StUF-GGk envelopes (Di01 heen, Du01 retour) here.

The envelope is read and validated (GGk XSD, hardened parser, size limit); the unwrapped
iWmo/iJw XML goes to the exchange (``services.ontvang``), which stores it before anything
else. Only then does the view answer ``Bv03`` (accepted). It answers a StUF ``Fo03`` — in a
SOAP Fault when the request was SOAP — when:

* the envelope cannot be read (not XML, not a Di01/Du01, not schema-valid, bad base64, too
  large): ``StUF055``/``StUF022``, plek ``client``. An unreadable envelope is not a message,
  so nothing is handed to the exchange; its first bytes are logged at WARNING so an operator
  can see what arrived.
* the exchange cannot store it: ``StUF046``, plek ``server`` — the GGk offers it again.

Before any of that the sender must be known and within its limits (``inkomend``,
docs/security.md "Inkomende kanalen"): its client certificate identity, from the TLS
terminator's trusted header or the WSGI server's mutual TLS, must be in the peer map, and the
envelope's zender, the message's Afzender and Ontvanger must fit that peer. Otherwise a
``Fo03`` (``StUF052``: not authorised; ``StUF010``: recipient not served; ``StUF046``: over
the rate limit, offer it later) and what arrived is kept in quarantine, not in the exchange.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

from . import inkomend
from .models import QuarantaineReden
from .services import kop_van_bytes
from .transports import ggk

logger = logging.getLogger(__name__)

#: The receiver of unwrapped messages. ``None`` means the exchange's ``services.ontvang``
#: (imported lazily). Tests may substitute a callable with the same signature.
ONTVANGER: Callable | None = None

TOEGESTANE_TYPES = {"text/xml", "application/xml"}
LOG_MAX = 2000


def _ontvanger() -> Callable:
    if ONTVANGER is not None:
        return ONTVANGER
    from klantreis.berichten import services

    return services.ontvang


def _antwoord(inhoud: bytes, *, soap: bool, status: int = 200) -> HttpResponse:
    if soap:
        inhoud = ggk.soap_envelop(inhoud)
    return HttpResponse(inhoud, status=status, content_type="text/xml; charset=utf-8")


def _fout(
    omschrijving: str,
    *,
    code: str,
    plek: str,
    soap: bool,
    status: int,
    envelop: ggk.Envelop | None = None,
    cross_ref: str = "",
) -> HttpResponse:
    fo03 = ggk.bouw_fo03(
        omschrijving,
        code=code,
        plek=plek,
        cross_refnummer=envelop.referentienummer if envelop else cross_ref,
        zender=ggk.Systeem(envelop.ontvanger.organisatie, "klantreis") if envelop else None,
        ontvanger=envelop.zender if envelop else None,
    )
    if soap:
        faultcode = "Client" if plek == "client" else "Server"
        # SOAP 1.1: a fault is answered with HTTP 500, the Fo03 in its detail
        inhoud = ggk.soap_envelop(fo03, fout=(faultcode, omschrijving[:200]))
        return HttpResponse(inhoud, status=500, content_type="text/xml; charset=utf-8")
    return HttpResponse(fo03, status=status, content_type="text/xml; charset=utf-8")


def _cross_ref(root) -> str:
    """Best effort: the referentienummer of an envelope that failed validation."""
    try:
        el = ggk.soap_body(root)
    except ggk.GgkFout:
        return ""
    waarde = el.findtext(f"{{{ggk.NS_GGK}}}stuurgegevens/{{{ggk.NS_STUF}}}referentienummer")
    return (waarde or "").strip()[:40]


def _adres(request) -> str | None:
    return request.META.get("REMOTE_ADDR") or None


#: the StUF fault for each quarantine reason (StUF 0301 onderlaag, as in docs/transports.md)
_STUF_CODE = {
    QuarantaineReden.NIET_GEAUTHENTICEERD: "StUF052",
    QuarantaineReden.ZENDER: "StUF052",
    QuarantaineReden.AFZENDER: "StUF052",
    QuarantaineReden.ONLEESBAAR: "StUF055",
    QuarantaineReden.ONTVANGER: "StUF010",
}


@csrf_exempt
def ontvang(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if request.content_type not in TOEGESTANE_TYPES:
        return _fout(
            f"Content-Type {request.content_type or '(geen)'} niet ondersteund; "
            "verwacht text/xml (SOAP 1.1).",
            code="StUF055",
            plek="client",
            soap=False,
            status=415,
        )
    peer, identiteit = inkomend.peer_van_verzoek(request)
    maximum = peer.max_bericht if peer else inkomend.instellingen()["max_bericht"]
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    if lengte > maximum:
        return _fout(
            f"De envelop is te groot ({lengte} bytes; maximaal {maximum}).",
            code="StUF055",
            plek="client",
            soap=False,
            status=413,
        )
    sleutel = peer.identiteit if peer else f"anoniem:{_adres(request)}"
    if reden := inkomend.te_veel(sleutel, peer, lengte):
        logger.warning("GGk: geweigerd, %s (%s)", reden, identiteit or _adres(request))
        antwoord = _fout(
            reden + " Bied het later opnieuw aan.",
            code="StUF046",
            plek="server",
            soap=False,
            status=429,
        )
        antwoord["Retry-After"] = "60"
        return antwoord
    # read the stream ourselves: request.body would stop at DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
    body = request.read(maximum + 1)
    if len(body) > maximum:  # a missing or lying Content-Length
        return _fout(
            f"De envelop is te groot (meer dan {maximum} bytes).",
            code="StUF055",
            plek="client",
            soap=False,
            status=413,
        )
    if peer is None:
        # not parsed at all: an unknown sender's XML gets no parser time
        reden = (
            "Geen geldig clientcertificaat van een bekende partner; het bericht is niet verwerkt."
            if not identiteit
            else f"Certificaat {identiteit[:200]!r} hoort niet bij een bekende partner; het "
            "bericht is niet verwerkt."
        )
        inkomend.quarantaine(
            body,
            kanaal="ggk",
            reden_code=QuarantaineReden.NIET_GEAUTHENTICEERD,
            reden=reden,
            identiteit=identiteit,
            adres=_adres(request),
        )
        return _fout(reden, code="StUF052", plek="client", soap=False, status=403)

    soap = True
    root = None
    try:
        root = ggk.veilig_parsen(body, max_grootte=maximum)
        soap = root.tag == f"{{{ggk.NS_SOAP}}}Envelope"
        envelop = ggk.lees_envelop_element(ggk.soap_body(root))
    except ggk.GgkFout as exc:
        logger.warning(
            "GGk: onleesbare envelop geweigerd (%s); %d bytes, begin: %r",
            exc,
            len(body),
            body[:LOG_MAX],
        )
        inkomend.quarantaine(
            body,
            kanaal="ggk",
            reden_code=QuarantaineReden.ONLEESBAAR,
            reden=str(exc),
            identiteit=identiteit,
            peer=peer,
            adres=_adres(request),
        )
        return _fout(
            str(exc),
            code=exc.code,
            plek="client",
            soap=soap,
            status=400,
            cross_ref=_cross_ref(root) if root is not None else "",
        )

    if fout := _niet_gebonden(peer, envelop):
        reden_code, reden = fout
        inkomend.quarantaine(
            body,
            kanaal="ggk",
            reden_code=reden_code,
            reden=reden,
            identiteit=identiteit,
            peer=peer,
            adres=_adres(request),
            afzender=envelop.zender.organisatie,
            ontvanger=envelop.ontvanger.organisatie,
            bestandsnaam=envelop.bestandsnaam,
            kanaal_referentie=envelop.referentienummer,
        )
        return _fout(
            reden + " Het bericht is niet verwerkt.",
            code=_STUF_CODE[reden_code],
            plek="client",
            soap=soap,
            status=403,
            envelop=envelop,
        )

    try:
        _ontvanger()(
            envelop.inhoud,
            transport="ggk",
            bestandsnaam=envelop.bestandsnaam,
            kanaal_referentie=envelop.referentienummer,
            eigenaar=envelop.ontvanger.organisatie,
        )
    except Exception:
        logger.exception(
            "GGk: %s %s (referentienummer %s) niet opgeslagen",
            envelop.berichtcode,
            envelop.functie,
            envelop.referentienummer,
        )
        return _fout(
            "Opslaan bericht niet mogelijk; bied het later opnieuw aan.",
            code="StUF046",
            plek="server",
            soap=soap,
            status=503,
            envelop=envelop,
        )
    logger.info(
        "GGk: %s %s van %s ontvangen (referentienummer %s, partner %s)",
        envelop.berichtcode,
        envelop.functie,
        envelop.zender.organisatie,
        envelop.referentienummer,
        peer.naam,
    )
    return _antwoord(ggk.bouw_bv03(envelop), soap=soap)


def _niet_gebonden(peer: inkomend.Peer, envelop: ggk.Envelop) -> tuple[str, str] | None:
    """The envelope's zender must be a party of the certificate (the GGk itself may send
    for every party it vouches for), and the message inside must be bound to that zender
    and addressed to the envelope's ontvanger, a party served here."""
    zender = envelop.zender.organisatie
    if not peer.mag_zenden_als(zender):
        return (
            QuarantaineReden.ZENDER,
            f"Zender {zender} hoort niet bij het certificaat van {peer.naam}.",
        )
    return inkomend.binding_fout(
        kop_van_bytes(envelop.inhoud), zender=zender, ontvanger=envelop.ontvanger.organisatie
    )
