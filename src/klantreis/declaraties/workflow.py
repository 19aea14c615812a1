"""The declaratie and payment lifecycles: the one place where ``Declaratie.status``,
``Prestatie.betaalstatus`` and ``Betaalopdracht.status`` may change, each edge with its reason
(STYLE.md, after Signals' ``workflow.py``). Every change is a conditional UPDATE on the source
state (the shared ``klantreis.levenscyclus``, decision 0019), so two clerks pressing the button
at once never put one line in two payment runs.

Declaratie: verwerkt | afgekeurd, set once when the 323 is judged; no edges (IV087: a
            declaratie rejected as a whole counts as not submitted; the provider sends a new
            one, which is a new Declaratie)

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

from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang

from .models import Betaalstatus, DeclaratieStatus, OpdrachtStatus

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
    # Heusden stap 8: finance confirms the bank executed the file; its lines are paid
    (O.AANGEMAAKT, O.BETAALD): "de bank heeft het bestand uitgevoerd (bevestigd door financiën)",
    # Heusden stap 8: the bank refused the file, its lines go back to te_betalen (above)
    (O.AANGEMAAKT, O.INGETROKKEN): "het bestand is niet of niet goed verwerkt door de bank",
}

#: Declaratie.status: none. The 323 is judged once and answered by one 325 (OP354/IV087).
DECLARATIE_OVERGANGEN: dict[tuple[str, str], str] = {}

DECLARATIE = Levenscyclus(
    "Declaratie.status",
    DECLARATIE_OVERGANGEN,
    begin=frozenset({DeclaratieStatus.VERWERKT, DeclaratieStatus.AFGEKEURD}),
)
PRESTATIE = Levenscyclus(
    "Prestatie.betaalstatus",
    PRESTATIE_OVERGANGEN,
    veld="betaalstatus",
    # approved and payable, approved and held for the 305 (Heusden), or rejected: never paid
    begin=frozenset({B.TE_BETALEN, B.AANGEHOUDEN, B.GEEN}),
)
BETAALOPDRACHT = Levenscyclus(
    "Betaalopdracht.status", OPDRACHT_OVERGANGEN, begin=frozenset({O.AANGEMAAKT})
)

__all__ = [
    "BETAALOPDRACHT",
    "DECLARATIE",
    "PRESTATIE",
    "OngeldigeOvergang",
    "zet_opdracht",
    "zet_prestaties",
]


def zet_prestaties(qs: models.QuerySet, van: str, naar: str, **velden) -> int:
    """Moves every prestatie of ``qs`` that is in ``van`` to ``naar``; returns how many."""
    return PRESTATIE.zet(qs, naar, van=van, **velden)


def zet_opdracht(opdracht, naar: str, *, door=None) -> bool:
    """Moves the run from ``aangemaakt`` to ``naar``; False when someone else was first."""
    return BETAALOPDRACHT.zet_object(
        opdracht, naar, van=O.AANGEMAAKT, afgehandeld_op=timezone.now(), afgehandeld_door=door
    )
