"""Inbound channels authenticate their peer and bind each message to it (docs/security.md,
"Inkomende kanalen"; settings ``KLANTREIS_INKOMEND``, docs/configuration.md).

* **Who is it?** ``peer_van_verzoek``: the client certificate of the HTTPS request, as the
  TLS terminator passes it in a trusted header (configured per deployment), or as the WSGI
  server puts it in the environment when it terminates mutual TLS itself
  (``SSL_CLIENT_VERIFY``/``SSL_CLIENT_S_DN``/``SSL_CLIENT_CERT``). The identity (subject DN or
  SHA-256 fingerprint) is looked up in the configured peer map; unknown is refused.
* **May it send this?** ``binding_fout``: the envelope's zender (GGk), the drop folder
  (directory) or the routing Afzender (VECOZO) must be a party of that peer, the message's
  own Afzender must be that party (or an onderaannemer it sends for, Heusden stap 7) and its
  Ontvanger must be a party this installation serves.
* **How much?** ``te_veel``: requests per minute and bytes per hour per peer (unknown
  senders per IP address), counted in the cache.
* **Refused?** ``quarantaine``: what arrived is kept in :class:`Quarantaine` for functioneel
  beheer and is never processed.
"""

from __future__ import annotations

import hashlib
import logging
import re
import ssl
import time
from dataclasses import dataclass
from urllib.parse import unquote

from django.conf import settings
from django.core.cache import cache

from .models import Quarantaine, QuarantaineReden
from .services import Kop
from .transports import ggk

logger = logging.getLogger(__name__)

#: the party code that lets a peer (the GGk itself) send for any sender it vouches for
ELKE_PARTIJ = "*"
_FINGERPRINT = re.compile(r"^(?:sha256[:=])?((?:[0-9a-f]{2}:?){31}[0-9a-f]{2})$")


@dataclass(frozen=True)
class Peer:
    """A known sender: who it is and what it may send as."""

    identiteit: str  # as configured
    naam: str
    partijen: frozenset[str]
    max_per_minuut: int
    max_bytes_per_uur: int
    max_bericht: int

    def mag_zenden_als(self, partij: str) -> bool:
        return ELKE_PARTIJ in self.partijen or partij in self.partijen


def instellingen() -> dict:
    return {
        "peers": {},
        "cert_header": "",
        "cert_verify_header": "",
        "max_per_minuut": 120,
        "max_mb_per_uur": 2000,
        "max_bericht": ggk.MAX_ENVELOP,
        "anoniem_per_minuut": 10,
        **getattr(settings, "KLANTREIS_INKOMEND", {}),
    }


def normaliseer(identiteit: str) -> str:
    """One spelling of a certificate identity: a SHA-256 fingerprint as ``sha256:`` and 64
    lowercase hex digits (colons and a prefix optional), a subject DN with its spaces around
    ``,`` and ``=`` removed and case folded (``CN=a, O=b`` is ``cn=a,o=b``)."""
    waarde = identiteit.strip().lower()
    if m := _FINGERPRINT.match(waarde):
        return "sha256:" + m.group(1).replace(":", "")
    waarde = re.sub(r"\s*([,=/])\s*", r"\1", waarde)
    return re.sub(r"\s+", " ", waarde)


def vingerafdruk(pem: str) -> str:
    """``sha256:<hex>`` of a PEM certificate (as nginx's ``$ssl_client_escaped_cert`` or
    Apache's ``SSL_CLIENT_CERT`` pass it). Raises ``ValueError`` when it is no PEM."""
    der = ssl.PEM_cert_to_DER_cert(unquote(pem).strip())
    return "sha256:" + hashlib.sha256(der).hexdigest()


def peers() -> dict[str, Peer]:
    """The configured peers by normalised identity. A value is a list of party codes, or a
    dict with ``partijen`` and optionally ``naam``, ``max_per_minuut``, ``max_mb_per_uur``
    and ``max_bericht`` (bytes)."""
    inst = instellingen()
    uit: dict[str, Peer] = {}
    for identiteit, waarde in (inst["peers"] or {}).items():
        opties = {"partijen": waarde} if isinstance(waarde, list | tuple) else dict(waarde)
        uit[normaliseer(identiteit)] = Peer(
            identiteit=identiteit,
            naam=str(opties.get("naam") or identiteit),
            partijen=frozenset(str(p) for p in opties.get("partijen", [])),
            max_per_minuut=int(opties.get("max_per_minuut", inst["max_per_minuut"])),
            max_bytes_per_uur=int(
                float(opties.get("max_mb_per_uur", inst["max_mb_per_uur"])) * 1024 * 1024
            ),
            max_bericht=int(opties.get("max_bericht", inst["max_bericht"])),
        )
    return uit


def _header(request, naam: str) -> str:
    return request.META.get("HTTP_" + naam.upper().replace("-", "_"), "") or ""


def identiteiten_van_verzoek(request) -> list[str]:
    """The verified certificate identities this request presents (none: not authenticated).

    Only what the deployment says it trusts: the configured header (set by the TLS
    terminator, which must remove it from what clients send), or the WSGI environment of a
    server that did the mutual TLS itself. A header that is not configured is ignored."""
    inst = instellingen()
    gevonden: list[str] = []
    if inst["cert_header"]:
        waarde = _header(request, inst["cert_header"]).strip()
        verify = inst["cert_verify_header"]
        if waarde and (not verify or _header(request, verify).strip().upper() == "SUCCESS"):
            gevonden.append(waarde)
    if request.META.get("SSL_CLIENT_VERIFY", "").upper() == "SUCCESS":
        gevonden += [
            request.META.get("SSL_CLIENT_S_DN", ""),
            request.META.get("SSL_CLIENT_CERT", ""),
        ]
    uit = []
    for waarde in filter(None, (w.strip() for w in gevonden)):
        if "BEGIN CERTIFICATE" in unquote(waarde):
            try:
                uit.append(vingerafdruk(waarde))
            except ValueError:
                continue
        else:
            uit.append(waarde)
    return uit


def peer_van_verzoek(request) -> tuple[Peer | None, str]:
    """The known peer of this request, and the identity it presented ("" when none)."""
    bekend = peers()
    identiteiten = identiteiten_van_verzoek(request)
    for identiteit in identiteiten:
        if (peer := bekend.get(normaliseer(identiteit))) is not None:
            return peer, identiteit
    return None, identiteiten[0] if identiteiten else ""


# --- rate limits ---------------------------------------------------------------------------


def _teller(sleutel: str, venster: int, stap: int) -> int:
    """Add ``stap`` to the counter of this fixed window; returns the new value."""
    naam = hashlib.sha256(sleutel.encode()).hexdigest()[:32]  # a DN has spaces and commas
    sleutel = f"klantreis:inkomend:{venster}:{int(time.time() // venster)}:{naam}"
    cache.add(sleutel, 0, timeout=venster + 5)
    try:
        return cache.incr(sleutel, stap)
    except ValueError:  # expired between add and incr
        cache.set(sleutel, stap, timeout=venster + 5)
        return stap


def te_veel(sleutel: str, peer: Peer | None, grootte: int) -> str | None:
    """Count one request of ``grootte`` bytes for this sender; a Dutch reason when it is over
    its limit (then nothing is read or stored). ``sleutel`` names the sender: the peer's
    identity, or ``anoniem:<ip>`` for a request without a known certificate."""
    inst = instellingen()
    per_minuut = peer.max_per_minuut if peer else inst["anoniem_per_minuut"]
    if _teller(sleutel, 60, 1) > per_minuut:
        return f"Te veel berichten van deze zender (maximaal {per_minuut} per minuut)."
    if peer is not None:
        mb = round(peer.max_bytes_per_uur / (1024 * 1024), 2)
        if _teller(sleutel + ":bytes", 3600, max(grootte, 0)) > peer.max_bytes_per_uur:
            return f"Te veel gegevens van deze zender (maximaal {mb} MB per uur)."
    return None


# --- binding -------------------------------------------------------------------------------


def toegestane_afzenders(partij: str) -> set[str]:
    """The Afzenders a message from ``partij`` may carry: itself, and the onderaannemers it
    sends for as hoofdaannemer (Heusden stap 7, ``Aanbieder.onderaannemers``)."""
    from klantreis.organisaties.models import Aanbieder

    onder = Aanbieder.objects.filter(hoofdaannemers__agb_code=partij).values_list(
        "agb_code", flat=True
    )
    return {partij, *onder}


def bediende_partijen() -> set[str]:
    """The parties this installation receives for: its gemeenten (the tenants) and the
    parties named in ``KLANTREIS_TRANSPORT["eigenaren"]``."""
    from klantreis.organisaties.models import Gemeente

    from .services import transport_instelling

    return set(Gemeente.objects.values_list("code", flat=True)) | set(
        transport_instelling()["eigenaren"]
    )


def binding_fout(kop: Kop, *, zender: str, ontvanger: str | None = None) -> tuple[str, str] | None:
    """``(reden_code, Dutch reason)`` when the message is not bound to the authenticated
    ``zender`` (the envelope's zender, the drop folder's party, VECOZO's routing Afzender)
    or not addressed to a party served here (``ontvanger``: the party the channel delivered
    it to, when it names one). ``kop`` is the lenient header read
    (``services.kop_van_bytes``): for a retour (302 …) its afzender is the real sender."""
    if not kop.afzender or not kop.ontvanger:
        return (
            QuarantaineReden.ONLEESBAAR,
            "De kop van het bericht (Afzender en Ontvanger) is niet te lezen; zo'n bericht "
            "kan niet aan zijn zender worden gekoppeld.",
        )
    if kop.afzender not in toegestane_afzenders(zender):
        return (
            QuarantaineReden.AFZENDER,
            f"De Afzender in het bericht ({kop.afzender}) is niet de zender {zender} en geen "
            "onderaannemer waarvoor die zendt.",
        )
    if ontvanger is not None and kop.ontvanger != ontvanger:
        return (
            QuarantaineReden.ONTVANGER,
            f"De Ontvanger in het bericht ({kop.ontvanger}) is niet de geadresseerde van de "
            f"envelop of map ({ontvanger}).",
        )
    if kop.ontvanger not in bediende_partijen():
        return (
            QuarantaineReden.ONTVANGER,
            f"Ontvanger {kop.ontvanger} wordt door deze installatie niet bediend.",
        )
    return None


def quarantaine(
    data: bytes,
    *,
    kanaal: str,
    reden_code: str,
    reden: str,
    identiteit: str = "",
    peer: Peer | None = None,
    adres: str | None = None,
    afzender: str = "",
    ontvanger: str = "",
    bestandsnaam: str = "",
    kanaal_referentie: str = "",
) -> Quarantaine:
    """Keep what was refused, unaltered, for functioneel beheer; never processed."""
    data = bytes(data)
    rij = Quarantaine.objects.create(
        kanaal=kanaal,
        reden_code=reden_code,
        reden=reden,
        identiteit=identiteit[:500],
        peer=peer.naam[:500] if peer else "",
        adres=adres or None,
        afzender=afzender[:16],
        ontvanger=ontvanger[:16],
        bestandsnaam=bestandsnaam[:255],
        kanaal_referentie=kanaal_referentie[:255],
        grootte=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        inhoud=data,
    )
    logger.warning(
        "%s: in quarantaine %s (%s): %s; %d bytes van %s",
        kanaal,
        rij.pk,
        reden_code,
        reden,
        len(data),
        identiteit or adres or "onbekend",
    )
    return rij
