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

Authentication (PKIoverheid client certificate) is the TLS terminator's job; see
docs/transports.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpResponse, HttpResponseNotAllowed
from django.views.decorators.csrf import csrf_exempt

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
    try:
        lengte = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        lengte = 0
    if lengte > ggk.MAX_ENVELOP:
        return _fout(
            f"De envelop is te groot ({lengte} bytes; maximaal {ggk.MAX_ENVELOP}).",
            code="StUF055",
            plek="client",
            soap=False,
            status=413,
        )
    # read the stream ourselves: request.body would stop at DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)
    body = request.read(ggk.MAX_ENVELOP + 1)

    soap = True
    root = None
    try:
        root = ggk.veilig_parsen(body)
        soap = root.tag == f"{{{ggk.NS_SOAP}}}Envelope"
        envelop = ggk.lees_envelop_element(ggk.soap_body(root))
    except ggk.GgkFout as exc:
        logger.warning(
            "GGk: onleesbare envelop geweigerd (%s); %d bytes, begin: %r",
            exc,
            len(body),
            body[:LOG_MAX],
        )
        return _fout(
            str(exc),
            code=exc.code,
            plek="client",
            soap=soap,
            status=400,
            cross_ref=_cross_ref(root) if root is not None else "",
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
        "GGk: %s %s van %s ontvangen (referentienummer %s)",
        envelop.berichtcode,
        envelop.functie,
        envelop.zender.organisatie,
        envelop.referentienummer,
    )
    return _antwoord(ggk.bouw_bv03(envelop), soap=soap)
