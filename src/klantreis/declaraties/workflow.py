"""The payment lifecycle: the one place where ``Prestatie.betaalstatus`` and
``Betaalopdracht.status`` may change, each edge with its reason (STYLE.md, after Signals'
``workflow.py``). Every change is a conditional UPDATE on the source state, so two clerks
pressing the button at once never put one line in two payment runs.

Prestatie:  "" (afgekeurd)                        never paid
            aangehouden → te_betalen               the 305 arrived (Heusden stap 7/8)
            te_betalen  → in_bestand               taken into a payment run (one, ever)
            in_bestand  → betaald                  the run is confirmed paid
            in_bestand  → te_betalen               the run is withdrawn (bank refused the file)
Betaalopdracht: aangemaakt → betaald | ingetrokken
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from .models import Betaalstatus, OpdrachtStatus

B = Betaalstatus
O = OpdrachtStatus  # noqa: E741

#: Prestatie.betaalstatus (from, to) -> why.
PRESTATIE_OVERGANGEN: dict[tuple[str, str], str] = {
    # Gemeente policy "betaling na startbericht" (Heusden stap 7): the 305 releases (OP364)
    (B.AANGEHOUDEN, B.TE_BETALEN): "startbericht (305) ontvangen: vrijgegeven",
    # Heusden stap 8: payment of approved prestaties, each line in exactly one run
    (B.TE_BETALEN, B.IN_BESTAND): "opgenomen in een betaalopdracht",
    (B.IN_BESTAND, B.BETAALD): "betaalopdracht bevestigd als betaald",
    # the bank refused the file, or it was never sent: the lines may go into a new run
    (B.IN_BESTAND, B.TE_BETALEN): "betaalopdracht ingetrokken",
}

#: Betaalopdracht.status (from, to) -> why.
OPDRACHT_OVERGANGEN: dict[tuple[str, str], str] = {
    (O.AANGEMAAKT, O.BETAALD): "de bank heeft het bestand uitgevoerd (bevestigd door financiën)",
    (O.AANGEMAAKT, O.INGETROKKEN): "het bestand is niet of niet goed verwerkt door de bank",
}


class OngeldigeOvergang(ValueError):
    pass


def _controleer(overgangen: dict, van: str, naar: str) -> None:
    if (van, naar) not in overgangen:
        raise OngeldigeOvergang(f"Overgang {van or 'afgekeurd'} → {naar} bestaat niet.")


def zet_prestaties(qs: models.QuerySet, van: str, naar: str, **velden) -> int:
    """Moves every prestatie of ``qs`` that is in ``van`` to ``naar``; returns how many."""
    _controleer(PRESTATIE_OVERGANGEN, van, naar)
    # The state test must be in the UPDATE's own WHERE, not in a subquery Django makes for a
    # filter across a join: PostgreSQL re-checks only the outer WHERE on a row another
    # transaction just changed, so a second clerk would otherwise take lines already taken.
    return (
        qs.model.objects.filter(pk__in=qs.values("pk"))
        .filter(betaalstatus=van)
        .update(betaalstatus=naar, **velden)
    )


def zet_opdracht(opdracht, naar: str, *, door=None) -> bool:
    """Moves the run from ``aangemaakt`` to ``naar``; False when someone else was first."""
    _controleer(OPDRACHT_OVERGANGEN, O.AANGEMAAKT, naar)
    nu = timezone.now()
    gezet = (
        type(opdracht)
        .objects.filter(pk=opdracht.pk, status=O.AANGEMAAKT)
        .update(status=naar, afgehandeld_op=nu, afgehandeld_door=door)
    )
    if gezet:
        opdracht.status, opdracht.afgehandeld_op, opdracht.afgehandeld_door = naar, nu, door
    return bool(gezet)
