"""Processing of one received message (docs/architecture.md, "The exchange contract").

claim (conditional UPDATE) → ``istandaarden.check`` (with TR056 against the Bericht table) →
  level xml/xsd: afgekeurd, no retour (the channel reports)
  level 2 (0001): retour with 0001; TR056: retour with 9056 — the handler is not called
  otherwise: the registered handler in a savepoint; its fouten roll it back and go in the
  retour per class (unless it says ``behouden``: a 323 keeps its approved prestaties); no
  fouten keep its changes and the retour is header-only. A handler registered with
  ``klassefouten=True`` (the 323) also runs when level-2 rules only coded classes (TR346,
  TR319) and gets those fouten to merge
→ the retour is written with ``verstuur(retour, heen=bericht)`` in the same transaction that
  marks the heen verwerkt (OP090). Retours received (302 … 320, 325) are paired to their heen.

A worker killed anywhere in here loses nothing: only the claim was committed, and after
``vastgelopen_na`` ``verwerk_achterstand`` claims the message again.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import gc
import logging
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from celery import shared_task
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from klantreis import istandaarden as ist
from klantreis.istandaarden.historie import Tr056IdentificatieUniek, Tr135DagtekeningNietInToekomst

from . import workflow
from .afhandeling import Afhandeling, afhandelaar, wil_klassefouten
from .models import Bericht
from .services import (
    HEEN_VAN,
    herbezorg,
    kop_van_message,
    nieuwe_identificatie,
    projectie,
    retour_van,
    verstuur,
)
from .workflow import Richting, Status

logger = logging.getLogger(__name__)


def vastgelopen_na() -> datetime.timedelta:
    """How long a claim holds before another worker may take the message again."""
    return datetime.timedelta(seconds=settings.KLANTREIS_BERICHTEN["vastgelopen_na"])


class _Overgenomen(Exception):
    """Our claim was taken over by another worker; our work is rolled back."""


class _Terugdraaien(Exception):
    """The handler reported fouten: undo its changes."""


@dataclass
class BerichtHistorie:
    """TR056 against the Bericht table: an earlier message of this sender and type with this
    Identificatie, for the same eigenaar, that got past the XSD (identical files never get
    here: ``ontvang`` deduplicates them)."""

    bericht: Bericht

    def identificatie_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        return (
            Bericht.objects.filter(
                richting=Richting.IN,
                eigenaar=self.bericht.eigenaar,
                afzender=afzender,
                berichtcode=berichtsoort,
                identificatie=identificatie,
                pk__lt=self.bericht.pk,
            )
            .exclude(niveau__in=[ist.Niveau.XML, ist.Niveau.XSD])
            .exists()
        )


def _header_regels(bericht: Bericht) -> list[ist.HistoryRule]:
    """The header rules that need history or the clock, which the exchange owns: TR056
    (9056) against the Bericht table and TR135 (8848) against today's date here."""
    return [
        Tr056IdentificatieUniek(BerichtHistorie(bericht)),
        Tr135DagtekeningNietInToekomst(vandaag=timezone.localdate),
    ]


def _claim(bericht_id: int) -> uuid.UUID | None:
    """Take the message: ontvangen, or in_verwerking for longer than the limit (a killed
    worker). One conditional UPDATE, so of two workers exactly one succeeds."""
    token = uuid.uuid4()
    nu = timezone.now()
    rij = Bericht.objects.filter(pk=bericht_id, richting=Richting.IN).filter(
        Q(status=Status.ONTVANGEN)
        | Q(status=Status.IN_VERWERKING, geclaimd_op__lt=nu - vastgelopen_na())
    )
    n = workflow.zet(rij, Status.IN_VERWERKING, claim=token, geclaimd_op=nu)
    return token if n else None


def _afronden(bericht: Bericht, token: uuid.UUID, naar: str, **velden) -> None:
    """The final step, inside the processing transaction: only if our claim still holds."""
    n = workflow.zet(
        Bericht.objects.filter(pk=bericht.pk, claim=token),
        naar,
        van=Status.IN_VERWERKING,
        verwerkt_op=timezone.now(),
        **velden,
    )
    if not n:
        raise _Overgenomen


#: The most faults stored one by one with a message (``Bericht.fouten``). The retour carries
#: every one (the standard wants a code per element); the stored list is for people, and a
#: hostile or broken 323 could otherwise write hundreds of MB into one row (docs/security.md,
#: "Berichten van buiten").
MAX_OPGESLAGEN_FOUTEN = 1000


def _fouten_json(fouten: Iterable[ist.Fout]) -> list[dict]:
    """The faults as stored: the first ``MAX_OPGESLAGEN_FOUTEN`` in full, the rest counted
    per (regel, retourcode) in one entry each with ``aantal`` and ``afgekapt``."""
    lijst: list[dict] = []
    rest: Counter[tuple[str, str | None]] = Counter()
    for f in fouten:
        if len(lijst) < MAX_OPGESLAGEN_FOUTEN:
            lijst.append(f.als_dict())
        else:
            rest[(f.regel, f.retourcode)] += 1
    for (regel, retourcode), aantal in rest.items():
        lijst.append(
            {
                "regel": regel,
                "retourcode": retourcode,
                "pad": "",
                "melding": f"En nog {aantal} keer deze fout. Afgekapt: alleen de eerste "
                f"{MAX_OPGESLAGEN_FOUTEN} fouten van dit bericht zijn afzonderlijk bewaard; "
                "het retourbericht bevat ze alle.",
                "aantal": aantal,
                "afgekapt": True,
            }
        )
    return lijst


@shared_task(name="berichten.verwerk")
def verwerk(bericht_id: int) -> str | None:
    """Process one received message; returns its new status, or None when not claimed."""
    token = _claim(bericht_id)
    if token is None:
        return None
    bericht = Bericht.objects.get(pk=bericht_id)
    try:
        with _zonder_cyclische_gc():
            return _verwerk(bericht, token)
    except _Overgenomen:
        logger.warning("Bericht %s is door een andere worker overgenomen.", bericht_id)
        return None
    except Exception as exc:
        # A bug, not bad input: keep the claim; after vastgelopen_na it is tried again.
        logger.exception("Verwerking van bericht %s mislukt.", bericht_id)
        Bericht.objects.filter(pk=bericht_id, claim=token).update(
            laatste_fout=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return None


@contextlib.contextmanager
def _zonder_cyclische_gc():
    """Processing a 323 builds hundreds of thousands of small objects (the typed message,
    the rule outcomes, the rows), few of them in cycles. With the cyclic collector on, every
    few thousand allocations it scans the growing heap again: about 30 % of the CPU time of
    the 323 benchmark (docs/decisions/0006-snelle-323.md). Paused for one
    message; switched back on afterwards, when whatever cycles were made are collected as
    usual. Reference counting frees everything else immediately either way."""
    aan = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aan:
            gc.enable()


def _verwerk(bericht: Bericht, token: uuid.UUID) -> str:
    res = ist.check(bericht.bytes, history=_header_regels(bericht))
    velden: dict[str, Any] = {
        "niveau": res.niveau.value if res.niveau else "",
        "fouten": _fouten_json(res.fouten),
        "laatste_fout": "",
    }
    if res.message is None:  # level xml/xsd: no retourbericht, the channel reports
        with transaction.atomic():
            _afronden(bericht, token, Status.AFGEKEURD, **velden)
        return Status.AFGEKEURD
    message = res.message
    kop = kop_van_message(message)
    velden |= kop.velden() | {"gegevens": projectie(message)}
    for naam, waarde in velden.items():  # the handler sees the parsed fields
        setattr(bericht, naam, waarde)
    eerder = _zelfde_bericht_eerder(bericht, message)
    if eerder is not None:
        return _dubbel(bericht, token, eerder, velden)
    if message.bericht not in ist.RETOUR_VAN:
        return _verwerk_retour(bericht, token, message, velden)
    traject_voor = bericht.traject_id
    klassefouten = (
        res.fouten
        and not res.afgekeurd
        and wil_klassefouten(message.bericht)
        and all(f.klasse is not None for f in res.fouten)
    )
    with transaction.atomic():
        if res.fouten and not klassefouten:
            # Level 2 (0001), TR056 (9056) or TR135 (8848): answered, no handler call.
            status = Status.AFGEKEURD
            antwoord = res
        else:
            afhandeling = _handel_af(bericht, message, tuple(res.fouten) if klassefouten else None)
            status = Status.VERWERKT
            velden["fouten"] = _fouten_json(afhandeling.fouten)
            if afhandeling.fouten and not afhandeling.behouden:
                bericht.traject_id = traject_voor  # a rolled-back handler's link goes too
            elif bericht.traject_id != traject_voor:
                velden["traject_id"] = bericht.traject_id  # the handler linked a traject
            antwoord = ist.CheckResult(
                res.standaard,
                res.bericht,
                not afhandeling.fouten,
                ist.Niveau.HISTORIE if afhandeling.fouten else None,
                tuple(afhandeling.fouten),
                message,
            )
        retourcode = ist.RETOUR_VAN[message.bericht]
        retour = ist.build_retour(
            message,
            antwoord,
            identificatie=nieuwe_identificatie(kop.ontvanger, retourcode),  # its real sender
            dagtekening=timezone.localdate(),
        )
        verstuur(retour, heen=bericht)
        _afronden(bericht, token, status, **velden)
    return status


def _zelfde_bericht_eerder(bericht: Bericht, message: Any) -> Bericht | None:
    """The same message (equal after parsing) received earlier as a different file, e.g.
    re-serialised by a channel: a duplicate delivery, not a reused Identificatie."""
    kandidaten = Bericht.objects.filter(
        richting=Richting.IN,
        eigenaar=bericht.eigenaar,
        afzender=bericht.afzender,
        berichtcode=bericht.berichtcode,
        identificatie=bericht.identificatie,
        pk__lt=bericht.pk,
    ).order_by("pk")
    for eerder in kandidaten:
        try:
            if ist.read(eerder.bytes) == message:
                return eerder
        except ist.CodecError:
            continue
    return None


def _dubbel(bericht: Bericht, token: uuid.UUID, eerder: Bericht, velden: dict) -> str:
    """Processed once: the duplicate gets the earlier message's retour again, no new one."""
    velden["fouten"] = [
        {
            "regel": "DUBBEL",
            "retourcode": None,
            "pad": "/Bericht/Header/BerichtIdentificatie/Identificatie",
            "melding": f"Hetzelfde bericht is eerder ontvangen (bericht {eerder.pk}); "
            + (
                "het retourbericht daarvan is opnieuw verzonden."
                if eerder.berichtcode in ist.RETOUR_VAN
                else "het is niet opnieuw verwerkt."
            ),
        }
    ]
    velden["niveau"] = ""
    with transaction.atomic():
        retour = retour_van(eerder)
        if retour is not None:
            herbezorg(retour)
        _afronden(bericht, token, Status.VERWERKT, **velden)
    return Status.VERWERKT


def _handel_af(bericht: Bericht, message: Any, klassefouten: tuple | None = None) -> Afhandeling:
    fn = afhandelaar(message.bericht)
    if fn is None:
        logger.warning(
            "Geen afhandelaar voor bericht %s; bericht %s wordt geaccepteerd met een lege retour.",
            message.bericht,
            bericht.pk,
        )
        return Afhandeling(fouten=[])
    uitkomst = Afhandeling(fouten=[])
    try:
        with transaction.atomic():  # savepoint: fouten undo the handler's changes
            if klassefouten is None:
                uitkomst = fn(bericht, message)
            else:
                uitkomst = fn(bericht, message, klassefouten)
            if uitkomst.fouten and not uitkomst.behouden:
                raise _Terugdraaien
    except _Terugdraaien:
        pass
    return uitkomst


def _verwerk_retour(bericht: Bericht, token: uuid.UUID, message: Any, velden: dict) -> str:
    """A retour (302 … 320) or a 325: pair it with our heen; it needs no answer."""
    h = message.header
    if message.bericht == "325":
        heen_ident = h.declaratie_identificatie.identificatie
        heen_afzender, heen_ontvanger = h.ontvanger, h.afzender
    else:  # the header is copied from our heen (IV028)
        heen_ident = h.bericht_identificatie.identificatie
        heen_afzender, heen_ontvanger = h.afzender, h.ontvanger
    heen = (
        Bericht.objects.filter(
            richting=Richting.UIT,
            berichtcode=HEEN_VAN[message.bericht],
            afzender=heen_afzender,
            ontvanger=heen_ontvanger,
            identificatie=heen_ident,
        )
        .order_by("-pk")
        .first()
    )
    with transaction.atomic():
        if heen is None:
            velden["fouten"] = [
                *velden["fouten"],
                {
                    "regel": "KOPPELING",
                    "retourcode": None,
                    "pad": "/Bericht/Header/BerichtIdentificatie/Identificatie",
                    "melding": f"Geen verzonden {HEEN_VAN[message.bericht]} met Identificatie "
                    f"'{heen_ident}' van {heen_afzender} gevonden bij dit retourbericht.",
                },
            ]
            _afronden(bericht, token, Status.AFGEKEURD, **velden)
            return Status.AFGEKEURD
        fouten = velden["fouten"]
        if afhandelaar(message.bericht) is not None:
            # e.g. declaraties reading a 325, toewijzingen a 302 with faults
            bericht.heen = heen
            fouten = fouten + _fouten_json(_handel_af(bericht, message).fouten)
        velden["fouten"] = fouten
        status = Status.GEWEIGERD if _weigert(message) else Status.VERWERKT
        _afronden(
            bericht,
            token,
            status,
            heen=heen,
            traject=heen.traject,
            **velden,
        )
    return status


def _weigert(message: Any) -> bool:
    """A retour (not a 325: that one always carries codes, 8001 included) with a RetourCode
    other than 0200 in any class: the receiver refused our heenbericht as a whole (NOTES §3,
    levels 2–4). A header-only retour, or one with only 0200, accepts it (IV028)."""
    if message.bericht == "325":
        return False
    return any(code != "0200" for code in retourcodes(message))


def retourcodes(obj: Any) -> Iterator[str]:
    """Every RetourCode in a parsed message, header and classes, in document order."""
    if dataclasses.is_dataclass(obj):
        for rc in getattr(obj, "retour_codes", ()) or ():
            yield rc.value
        for f in dataclasses.fields(obj):
            if f.name != "retour_codes":
                yield from retourcodes(getattr(obj, f.name))
    elif isinstance(obj, tuple | list):
        for item in obj:
            yield from retourcodes(item)
