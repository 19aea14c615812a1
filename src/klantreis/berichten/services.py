"""The exchange's service functions (docs/architecture.md, "The exchange contract").

``ontvang`` stores what arrives (always, first), ``verstuur`` writes an outbox row in the
caller's transaction, ``nieuwe_identificatie`` hands out header Identificaties. Processing
(``verwerking.verwerk``) and delivery (``tasks.bezorg``) run after commit, in a worker.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import hashlib
import io
import logging
import re
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from lxml import etree

from klantreis import istandaarden as ist

from . import workflow
from .models import Bericht, IdentificatieTeller, lees_inhoud
from .workflow import Richting, Status

logger = logging.getLogger(__name__)

#: The retourberichten that copy the heen's header unchanged (IV028): their real sender is
#: the header's Ontvanger. The 325 has its own header (afzender = the gemeente).
KOPIE_RETOUREN = frozenset(c for h, c in ist.RETOUR_VAN.items() if h != "323")
#: retour -> heen ("302" -> "301", "325" -> "323")
HEEN_VAN = {retour: heen for heen, retour in ist.RETOUR_VAN.items()}

_NAMESPACE = re.compile(r"/(iwmo|ijw)/3_2/(?:wmo|jw)(\d{3})/")


# --- reading what a message says about itself -------------------------------------------


@dataclasses.dataclass(frozen=True)
class Kop:
    """Who really sends and receives a message, and its own identification."""

    standaard: str | None = None
    berichtcode: str | None = None
    afzender: str = ""
    ontvanger: str = ""
    identificatie: str = ""
    dagtekening: datetime.date | None = None

    def velden(self) -> dict[str, Any]:
        """The Bericht columns of the same names."""
        return dataclasses.asdict(self)


def kop_van_message(message: Any) -> Kop:
    """The ``Kop`` of a typed codec message."""
    h = message.header
    code = message.bericht
    if code in KOPIE_RETOUREN:
        return Kop(
            standaard=str(message.standaard),
            berichtcode=code,
            afzender=h.ontvanger,
            ontvanger=h.afzender,
            identificatie=h.identificatie_retour,
            dagtekening=h.dagtekening_retour,
        )
    return Kop(
        standaard=str(message.standaard),
        berichtcode=code,
        afzender=h.afzender,
        ontvanger=h.ontvanger,
        identificatie=h.bericht_identificatie.identificatie,
        dagtekening=h.bericht_identificatie.dagtekening,
    )


def _tekst(root, naam: str) -> str:
    gevonden = root.xpath(f"/*/*[local-name()='Header']//*[local-name()='{naam}']/text()")
    return str(gevonden[0]).strip()[:64] if gevonden else ""


def kop_van_bytes(data: bytes) -> Kop:
    """A lenient look at the header of bytes that may not be valid at all (never raises).

    Used at receipt, before the real check, so that even a message the XSD rejects is stored
    with its sender and type (for TR056 and for the people reading the admin). Parsing stops
    at the end of the Header: a 25 MB declaratie is not parsed twice (the check parses it).
    """
    try:
        root = None
        for event, el in etree.iterparse(
            io.BytesIO(data),
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        ):
            if root is None:
                root = el
            elif event == "end" and el.getparent() is root and _lokaal(el) == "Header":
                break
        if root is None:
            return Kop()
        m = _NAMESPACE.search(etree.QName(root).namespace or "")
        if m is None:
            return Kop()
        standaard, code = m.group(1), m.group(2)
        afzender, ontvanger = _tekst(root, "Afzender")[:8], _tekst(root, "Ontvanger")[:8]
        ident, datum = _tekst(root, "Identificatie"), _tekst(root, "Dagtekening")
        if code in KOPIE_RETOUREN:
            afzender, ontvanger = ontvanger, afzender
            ident, datum = _tekst(root, "IdentificatieRetour"), _tekst(root, "DagtekeningRetour")
        try:
            dagtekening = datetime.date.fromisoformat(datum) if datum else None
        except ValueError:
            dagtekening = None
        return Kop(standaard, code, afzender, ontvanger, ident, dagtekening)
    except Exception:  # garbage is stored as garbage
        return Kop()


def _lokaal(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def naar_json(v: Any) -> Any:
    """A typed message, or any class in it, as JSON-ready data: dates as ISO strings, codes
    as their value."""
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return naar_json(dataclasses.asdict(v))
    if isinstance(v, dict):
        return {k: naar_json(x) for k, x in v.items()}
    if isinstance(v, list | tuple):
        return [naar_json(x) for x in v]
    if isinstance(v, datetime.date | datetime.time):
        return v.isoformat()
    if isinstance(v, enum.Enum):
        return str(v.value)
    return v


def projectie(message: Any) -> dict:
    """A readable JSON projection of a typed message (dates as ISO strings, codes as str)."""

    if message.bericht == "323":
        # A 323 holds up to ~25,000 prestaties: they are stored as rows by ``declaraties``;
        # the projection keeps the header and the declaratie with counts.
        decl = message.declaratie
        kort = dataclasses.replace(message, declaratie=dataclasses.replace(decl, clienten=()))
        d = naar_json(kort)
        d["declaratie"].pop("clienten")
        d["declaratie"]["aantal_clienten"] = len(decl.clienten)
        d["declaratie"]["aantal_prestaties"] = sum(len(c.prestaties) for c in decl.clienten)
        return {"bericht": message.bericht, **d}
    d = naar_json(message)
    return {"bericht": message.bericht, **d}


# --- the contract -----------------------------------------------------------------------


def _plan_verwerking(bericht_id: int) -> None:
    from .verwerking import verwerk

    # robust: a broker that is down must not undo or fail the receipt; the periodic
    # verwerk_achterstand picks the message up anyway.
    transaction.on_commit(lambda: verwerk.delay(bericht_id), robust=True)


def _plan_bezorging(bericht_id: int) -> None:
    from .tasks import bezorg

    transaction.on_commit(lambda: bezorg.delay(bericht_id), robust=True)


def ontvang(
    data: bytes,
    *,
    transport: str,
    bestandsnaam: str = "",
    kanaal_referentie: str = "",
    eigenaar: str | None = None,
) -> Bericht:
    """Store received bytes first (always, even garbage), deduplicated on (eigenaar, sha256).

    The same file again returns the same ``Bericht`` and delivers its stored retour again (a
    new attempt of the same outbound row). Processing is scheduled on commit.
    """
    data = bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    kop = kop_van_bytes(data)
    if eigenaar is None:
        eigenaar = kop.ontvanger  # we are whom the message is addressed to
    with transaction.atomic():
        try:
            with transaction.atomic():
                bericht = Bericht.objects.create(
                    richting=Richting.IN,
                    **kop.velden(),
                    eigenaar=eigenaar,
                    inhoud=data,
                    sha256=digest,
                    bestandsnaam=bestandsnaam[:255],
                    status=Status.ONTVANGEN,
                    transport=transport,
                    kanaal_referentie=kanaal_referentie[:255],
                )
        except IntegrityError:
            bericht = Bericht.objects.get(richting=Richting.IN, eigenaar=eigenaar, sha256=digest)
            logger.info("Bericht %s opnieuw ontvangen (zelfde bestand).", bericht.pk)
            _opnieuw_ontvangen(bericht)
            return bericht
        _plan_verwerking(bericht.pk)
    return bericht


def inhoud_van(bericht_id: int) -> bytes:
    """The stored bytes of a Bericht, without loading the row."""
    return lees_inhoud(bericht_id)


def retour_van(bericht: Bericht) -> Bericht | None:
    """Our retourbericht (302 … 320, 325) to a received heenbericht, if there is one yet.

    Filtered on the retour's code: a handler may send other messages with ``heen=`` set
    (a 301 after a 315), and those are not the answer to re-deliver.
    """
    code = ist.RETOUR_VAN.get(bericht.berichtcode or "")
    if code is None:
        return None
    return bericht.retouren.filter(richting=Richting.UIT, berichtcode=code).order_by("pk").first()


def _opnieuw_ontvangen(bericht: Bericht) -> None:
    retour = retour_van(bericht)
    if retour is not None:
        herbezorg(retour)
    elif bericht.status == Status.ONTVANGEN:
        _plan_verwerking(bericht.pk)  # nudge: its first task may have been lost


def herbezorg(bericht: Bericht) -> bool:
    """Deliver a stored outbound message again: the same row and bytes (idempotent receipt)."""
    n = workflow.zet(
        Bericht.objects.filter(pk=bericht.pk, richting=Richting.UIT),
        Status.TE_VERZENDEN,
        van=[Status.VERZONDEN, Status.MISLUKT],
        volgende_poging=None,
    )
    if n or Bericht.objects.filter(pk=bericht.pk, status=Status.TE_VERZENDEN).exists():
        _plan_bezorging(bericht.pk)
        return True
    return False


def verstuur(message: Any, *, heen: Bericht | None = None, traject=None) -> Bericht:
    """Write ``message`` (header filled) with the codec and store it as an outbox row in the
    CURRENT transaction; delivery is scheduled on commit (transactional outbox).

    Sender and recipient come from the message itself; for a retour ``heen`` links the pair.
    """
    data = ist.write(message)
    # The XSD leaves rules such as TR377 (a 319 for reason 8 names the gemeente) to level 2:
    # a message of ours must pass the in-message rules the recipient checks, or it answers
    # 0001. A retour is not checked: it copies what the sender sent, faults included.
    if heen is None and (fouten := ist.controleer_bericht(message)):
        raise ist.SchrijfFout(
            "Het bericht voldoet niet aan de regels van de standaard: "
            + "; ".join(f.melding for f in fouten),
            fouten,
        )
    kop = kop_van_message(message)
    if Bericht.objects.filter(
        richting=Richting.UIT,
        afzender=kop.afzender,
        berichtcode=kop.berichtcode,
        identificatie=kop.identificatie,
    ).exists():
        # The recipient would answer 9056 (TR056); a new message needs nieuwe_identificatie.
        raise ValueError(
            f"Identificatie {kop.identificatie!r} is al gebruikt voor een {kop.berichtcode} "
            f"van {kop.afzender} (TR056)."
        )
    if traject is None and heen is not None:
        traject = heen.traject
    naam = f"{ist.Standaard(kop.standaard).prefix}{kop.berichtcode}"
    bericht = Bericht.objects.create(
        richting=Richting.UIT,
        **kop.velden(),
        eigenaar=kop.afzender,
        inhoud=data,
        sha256=hashlib.sha256(data).hexdigest(),
        bestandsnaam=f"{naam}_{kop.afzender}_{kop.ontvanger}_{kop.identificatie}.xml",
        gegevens=projectie(message),
        status=Status.TE_VERZENDEN,
        heen=heen,
        traject=traject,
        transport=transport_instelling()["plugin"],
    )
    _plan_bezorging(bericht.pk)
    return bericht


def nieuwe_identificatie(afzender: str, berichtcode: str) -> str:
    """The next header Identificatie for this sender and message type (TR056), 1–12 chars.

    A counter row per (afzender, berichtcode); the UPDATE locks it until the caller's
    transaction ends, so concurrent callers get different numbers.
    """
    rij = IdentificatieTeller.objects.filter(afzender=afzender, berichtcode=berichtcode)
    with transaction.atomic():
        if not rij.update(laatste=F("laatste") + 1):
            try:
                with transaction.atomic():
                    IdentificatieTeller.objects.create(
                        afzender=afzender, berichtcode=berichtcode, laatste=1
                    )
            except IntegrityError:  # created by a concurrent caller in the meantime
                rij.update(laatste=F("laatste") + 1)
        laatste = rij.values_list("laatste", flat=True).get()
    ident = str(laatste)
    if len(ident) > 12:
        raise OverflowError(f"Identificatie voor {afzender}/{berichtcode} is op (12 tekens).")
    return ident


def transport_instelling() -> dict:
    return {"plugin": "directory", "opties": {}, "eigenaren": [], **settings.KLANTREIS_TRANSPORT}
