"""The lifecycle of a ``Bericht``: the one place where its status may change.

Every change is a conditional UPDATE (``WHERE status IN (<allowed sources>)``, the shared
``klantreis.levenscyclus``, decision 0019), so two workers never both take the same step and a
stale copy in memory cannot move a message back. Each edge names the reason or the
iStandaarden rule that needs it; ``test_workflow.py`` covers every pair of states.

Inbound:  ontvangen → in_verwerking → verwerkt | afgekeurd | geweigerd (a retour refusing our heen)
Outbound: te_verzenden → verzonden | mislukt (after the maximum number of attempts)
"""

from __future__ import annotations

from django.db import models

from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang


class Richting(models.TextChoices):
    IN = "in", "Ontvangen"
    UIT = "uit", "Verzonden"


class Status(models.TextChoices):
    ONTVANGEN = "ontvangen", "Ontvangen"
    IN_VERWERKING = "in_verwerking", "In verwerking"
    VERWERKT = "verwerkt", "Verwerkt"
    AFGEKEURD = "afgekeurd", "Afgekeurd"
    GEWEIGERD = "geweigerd", "Verwerkt, ons bericht geweigerd"
    TE_VERZENDEN = "te_verzenden", "Te verzenden"
    VERZONDEN = "verzonden", "Verzonden"
    MISLUKT = "mislukt", "Verzenden mislukt"


S = Status

#: (from, to) -> why the edge exists. Nothing else may change ``Bericht.status``.
OVERGANGEN: dict[tuple[str, str], str] = {
    # A worker claims the message; the conditional UPDATE makes the claim exclusive, so it is
    # processed once and answered once (OP090, decision 0003).
    (S.ONTVANGEN, S.IN_VERWERKING): "claim door een worker",
    # The worker holding it was killed (crash between receipt and retour): after the limit
    # (KLANTREIS_BERICHTEN["vastgelopen_na"]) another worker takes it again. Nothing is lost.
    (S.IN_VERWERKING, S.IN_VERWERKING): "opnieuw geclaimd na een vastgelopen worker",
    # Checked, handled and (for a heenbericht) answered with a retour in the same transaction
    # (OP090: every received message gets its retour).
    (S.IN_VERWERKING, S.VERWERKT): "verwerkt en beantwoord",
    # Not XML or not valid against the XSD: no retourbericht, the channel reports (NOTES §3);
    # or rejected as a whole with 0001 (level 2) or 9056 (TR056), answered with that retour;
    # or a retour whose heen we do not know.
    (S.IN_VERWERKING, S.AFGEKEURD): "afgekeurd (XML/XSD, 0001, TR056 of onbekende heen)",
    # A retour (302, 320, …) paired with our heen whose RetourCodes are not all 0200: the
    # other party refused our 301/319 (NOTES §3: any code besides 0200 rejects the whole
    # message). Processed like any retour, but it is work for the back office, not a done
    # message (decision 0013).
    (S.IN_VERWERKING, S.GEWEIGERD): "verwerkt: de ontvanger weigerde ons heenbericht",
    # An administrator asks for a new attempt (e.g. after a codec fix), only for a message
    # without a retour (admin.py). Never from ``verwerkt``: that would run the domain handler
    # twice and send a second retour.
    (S.AFGEKEURD, S.ONTVANGEN): "beheerder: opnieuw verwerken",
    (S.IN_VERWERKING, S.ONTVANGEN): "beheerder: opnieuw verwerken",
    # The transport accepted the message (the outbox row, written with the domain change in
    # one transaction: decision 0003).
    (S.TE_VERZENDEN, S.VERZONDEN): "afgeleverd bij het transport",
    # Every attempt failed (KLANTREIS_BERICHTEN["max_pogingen"]); kept for an administrator.
    (S.TE_VERZENDEN, S.MISLUKT): "maximum aantal pogingen bereikt",
    # An administrator retries a failed delivery (OP090: the retour must still arrive).
    (S.MISLUKT, S.TE_VERZENDEN): "beheerder: opnieuw verzenden",
    # The same heenbericht arrived again: the sender missed our retour, so the stored retour
    # is delivered again — the same row and bytes, not a new message (idempotent receipt).
    (S.VERZONDEN, S.TE_VERZENDEN): "heenbericht opnieuw ontvangen: retour opnieuw bezorgen",
}


BERICHT = Levenscyclus(
    "Bericht.status",
    OVERGANGEN,
    # received (stored first, decision 0003) or written into the outbox (transactional outbox)
    begin=frozenset({S.ONTVANGEN, S.TE_VERZENDEN}),
    tijdveld="bijgewerkt_op",
)

__all__ = ["BERICHT", "OVERGANGEN", "OngeldigeOvergang", "Richting", "Status", "bronnen", "zet"]


def bronnen(naar: str) -> list[str]:
    """The states from which ``naar`` may be reached."""
    return BERICHT.bronnen(naar)


def zet(queryset: models.QuerySet, naar: str, *, van: list[str] | str | None = None, **velden):
    """Move every row of ``queryset`` that is in an allowed source state to ``naar``.

    Returns the number of rows moved (0: someone else was first, or the edge is not allowed
    from the row's current state). ``van`` narrows the sources; each must be a real edge.
    """
    return BERICHT.zet(queryset, naar, van=van, **velden)
