"""The lifecycles of a ``Verzoek`` and a ``Toewijzing``: the one place where their state may
change (the shared ``klantreis.levenscyclus``, decision 0019). Each move is a conditional
UPDATE on the source state, so of two clerks answering the same request at once one wins and
the other's 301/319 is rolled back with a refusal: a request is answered once (TR359/TR365).

Verzoek (315 per AangevraagdProduct, 317 whole; NOTES.md §1):
    ontvangen → in_onderzoek                319 "in onderzoek", once (TR360)
    ontvangen | in_onderzoek → toegewezen   the 301 that honours it (TR379, Achterhoek 8b)
    ontvangen | in_onderzoek → afgewezen    319 "afgewezen" with its reason (CD085)

Toewijzing: its state is the RedenWijziging of its last change (the standard has no other):
    "" (toegewezen) | a change reason → a change reason   same nummer, new einddatum (OP033x1)
    "" | a change reason → 13 (verwijderd)               CS335: einddatum = ingangsdatum
    13 → nothing: a deleted toewijzing stays deleted; 01 is never used (CS336)
"""

from __future__ import annotations

from klantreis.istandaarden.codes import RedenWijziging
from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang

from .models import VerzoekStatus

V = VerzoekStatus

#: Verzoek.status (from, to) -> why. Nothing else may change it.
VERZOEK_OVERGANGEN: dict[tuple[str, str], str] = {
    # TR360: "aanvraag in onderzoek" once per request, only while unanswered; the final answer
    # follows within 8 weeks of the request (OP274)
    (V.ONTVANGEN, V.IN_ONDERZOEK): "319 in onderzoek (TR360)",
    # A 315 honoured by a 301 carrying its ReferentieAanbieder (TR379); a 317 honoured as a
    # whole (Achterhoek stap 8b: "na goedkeuring volgt een 301-bericht")
    (V.ONTVANGEN, V.TOEGEWEZEN): "toegewezen met een 301 (TR379)",
    (V.IN_ONDERZOEK, V.TOEGEWEZEN): "toegewezen met een 301 na onderzoek (TR379, OP274)",
    # 319 "verzoek afgewezen" with its reason (CD085); after "in onderzoek" only this or a
    # 301 may follow (TR365)
    (V.ONTVANGEN, V.AFGEWEZEN): "afgewezen met een 319 (CD085)",
    (V.IN_ONDERZOEK, V.AFGEWEZEN): "afgewezen met een 319 na onderzoek (CD085, TR365)",
}

VERZOEK = Levenscyclus("Verzoek.status", VERZOEK_OVERGANGEN, begin=frozenset({V.ONTVANGEN}))

#: The toewijzing before any change, and after each change that keeps its nummer (OP033x1).
VERWIJDERD = RedenWijziging.VERWIJDERD.value
_NOOIT = {RedenWijziging.ADMINISTRATIEVE_CORRECTIE_VERVALLEN.value, VERWIJDERD}
WIJZIGINGEN = [c.value for c in RedenWijziging if c.value not in _NOOIT]
WIJZIGBAAR = ["", *WIJZIGINGEN]

#: Toewijzing.reden_wijziging (from, to) -> why.
TOEWIJZING_OVERGANGEN: dict[tuple[str, str], str] = {
    # OP033x1/OP380: an end date changes on the same ToewijzingNummer, with its reason
    # (herbeoordeling 04/05, overleden 02, …; Achterhoek 8c, a 307's final stop)
    **{(van, naar): "nieuwe einddatum (OP033x1)" for van in WIJZIGBAAR for naar in WIJZIGINGEN},
    # CS335: deleted with einddatum = ingangsdatum, only before care started (no 305)
    **{(van, VERWIJDERD): "verwijderd (CS335)" for van in WIJZIGBAAR},
}

TOEWIJZING = Levenscyclus(
    "Toewijzing.reden_wijziging",
    TOEWIJZING_OVERGANGEN,
    veld="reden_wijziging",
    begin=frozenset({""}),
)

__all__ = ["TOEWIJZING", "VERWIJDERD", "VERZOEK", "OngeldigeOvergang"]
