"""Celery tasks of the exchange: delivery (outbox), the backlog sweep and polling."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from . import workflow
from .models import Bericht
from .services import ontvang, transport_instelling
from .transports import OptieFout, TransportFout, Uitgaand, maak_transport
from .verwerking import vastgelopen_na, verwerk
from .workflow import Richting, Status

logger = logging.getLogger(__name__)

#: How long one delivery attempt holds the row before another worker may try it.
BEZORG_CLAIM = datetime.timedelta(minutes=5)


def _instelling(naam: str):
    return settings.KLANTREIS_BERICHTEN[naam]


def wachttijd(pogingen: int) -> datetime.timedelta:
    """Exponential backoff after ``pogingen`` failed attempts, capped."""
    basis = _instelling("wachttijd")
    return datetime.timedelta(seconds=min(basis * 2 ** max(pogingen - 1, 0), 6 * 60 * 60))


def transport_voor(partij: str):
    inst = transport_instelling()
    return maak_transport(inst["plugin"], {**inst["opties"], "partij": partij})


def bezorg_bericht(bericht_id: int) -> bool:
    """One delivery attempt of an outbox row. True when delivered; False when the row is not
    due or another worker holds it. Raises ``TransportFout`` after recording the attempt."""
    nu = timezone.now()
    # Claim the attempt with a conditional UPDATE: the lease in volgende_poging keeps a
    # second worker off the row while we deliver.
    n = (
        Bericht.objects.filter(pk=bericht_id, richting=Richting.UIT, status=Status.TE_VERZENDEN)
        .filter(Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu))
        .update(pogingen=F("pogingen") + 1, volgende_poging=nu + BEZORG_CLAIM, bijgewerkt_op=nu)
    )
    if not n:
        return False
    bericht = Bericht.objects.select_related("heen").get(pk=bericht_id)
    uitgaand = Uitgaand(
        inhoud=bericht.bytes,
        bestandsnaam=bericht.bestandsnaam,
        functie=f"{'WMO' if bericht.standaard == 'iwmo' else 'JW'}{bericht.berichtcode}",
        afzender=bericht.afzender,
        ontvanger=bericht.ontvanger,
        identificatie=bericht.identificatie,
        referentie_heen=(bericht.heen.kanaal_referentie or None) if bericht.heen else None,
    )
    rij = Bericht.objects.filter(pk=bericht_id)
    try:
        kenmerk = transport_voor(bericht.afzender).verzend(uitgaand)
    except Exception as exc:
        fout = exc if isinstance(exc, TransportFout) else TransportFout(str(exc))
        if bericht.pogingen >= _instelling("max_pogingen"):
            # Still retryable by an administrator (mislukt → te_verzenden).
            workflow.zet(rij, Status.MISLUKT, laatste_fout=str(fout)[:2000], volgende_poging=None)
            logger.error(
                "Bericht %s niet bezorgd na %s pogingen: %s", bericht_id, bericht.pogingen, fout
            )
        else:
            rij.update(
                laatste_fout=str(fout)[:2000],
                volgende_poging=timezone.now() + wachttijd(bericht.pogingen),
            )
            logger.warning(
                "Bezorging van bericht %s mislukt (poging %s): %s",
                bericht_id,
                bericht.pogingen,
                fout,
            )
        if fout is exc:
            raise
        raise fout from exc
    workflow.zet(
        rij,
        Status.VERZONDEN,
        van=Status.TE_VERZENDEN,
        kanaal_referentie=str(kenmerk)[:255],
        verzonden_op=timezone.now(),
        volgende_poging=None,
        laatste_fout="",
    )
    return True


@shared_task(name="berichten.bezorg", bind=True, max_retries=None)
def bezorg(self, bericht_id: int) -> bool:
    """Deliver an outbox row; on ``TransportFout`` Celery retries at the recorded
    ``volgende_poging`` (backoff). The database, not Celery, counts the attempts, so a lost
    retry is picked up by ``verwerk_achterstand``."""
    try:
        return bezorg_bericht(bericht_id)
    except TransportFout as exc:
        if self.request.is_eager:  # the demo: the periodic sweep retries
            return False
        volgende = Bericht.objects.filter(pk=bericht_id, status=Status.TE_VERZENDEN).values_list(
            "volgende_poging", flat=True
        )
        if not volgende or volgende[0] is None:
            return False  # mislukt: an administrator decides
        wacht = max((volgende[0] - timezone.now()).total_seconds(), 1)
        raise self.retry(exc=exc, countdown=wacht) from exc


@shared_task(name="berichten.verwerk_achterstand")
def verwerk_achterstand() -> dict[str, int]:
    """Periodic sweep (CELERY_BEAT_SCHEDULE): process every received message still waiting
    (a lost task, a crash before commit) or stuck in_verwerking longer than the limit (a
    killed worker), and retry outbox rows whose next attempt is due."""
    nu = timezone.now()
    wachtend = (
        Bericht.objects.filter(richting=Richting.IN)
        .filter(
            Q(status=Status.ONTVANGEN)
            | Q(status=Status.IN_VERWERKING, geclaimd_op__lt=nu - vastgelopen_na())
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    verwerkt = sum(1 for pk in list(wachtend) if verwerk(pk) is not None)
    uit = (
        Bericht.objects.filter(richting=Richting.UIT, status=Status.TE_VERZENDEN)
        .filter(Q(volgende_poging__isnull=True) | Q(volgende_poging__lte=nu))
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    bezorgd = mislukt = 0
    for pk in list(uit):
        try:
            bezorgd += bezorg_bericht(pk)
        except TransportFout:
            mislukt += 1
    return {"verwerkt": verwerkt, "bezorgd": bezorgd, "mislukt": mislukt}


def _in_quarantaine(ontvangen, kanaal: str, eigenaar: str) -> bool:
    """The binding of a polled message (docs/security.md, "Inkomende kanalen"): the channel
    names its authenticated sender (the drop folder, VECOZO's routing Afzender) and the
    message's own Afzender must be that party, its Ontvanger the party we poll for. If not,
    it is kept in quarantine instead of the exchange (True); its file is confirmed either
    way, so it is not offered again."""
    from .inkomend import binding_fout, quarantaine
    from .models import QuarantaineReden
    from .services import kop_van_bytes

    kop = kop_van_bytes(ontvangen.inhoud)
    if not ontvangen.afzender:
        fout = (
            QuarantaineReden.ZENDER,
            "Het bestand kwam niet uit de map van een afzender; het kanaal noemt geen zender.",
        )
    else:
        fout = binding_fout(kop, zender=ontvangen.afzender, ontvanger=eigenaar)
    if fout is None:
        return False
    quarantaine(
        ontvangen.inhoud,
        kanaal=kanaal,
        reden_code=fout[0],
        reden=fout[1],
        identiteit=ontvangen.afzender or "",
        afzender=kop.afzender,
        ontvanger=kop.ontvanger,
        bestandsnaam=ontvangen.bestandsnaam,
        kanaal_referentie=ontvangen.kanaal_referentie,
    )
    return True


@shared_task(name="berichten.haal_op")
def haal_op() -> int:
    """Poll the transport for every party this installation acts as; store (or, when the
    message is not bound to its channel's sender, quarantine), then confirm (a crash in
    between delivers the file again, and ``ontvang`` deduplicates). Returns how many went
    to the exchange."""
    inst = transport_instelling()
    aantal = 0
    for eigenaar in inst["eigenaren"]:
        try:
            transport = transport_voor(eigenaar)
            for ontvangen in transport.haal_op():
                if not _in_quarantaine(ontvangen, inst["plugin"], eigenaar):
                    ontvang(
                        ontvangen.inhoud,
                        transport=inst["plugin"],
                        bestandsnaam=ontvangen.bestandsnaam,
                        kanaal_referentie=ontvangen.kanaal_referentie,
                        eigenaar=eigenaar,
                    )
                    aantal += 1
                transport.bevestig(ontvangen)
        except (TransportFout, OptieFout, OSError):
            # one party's channel down must not stop the others; the next poll tries again
            logger.exception("Ophalen van berichten voor %s mislukt.", eigenaar)
    return aantal
