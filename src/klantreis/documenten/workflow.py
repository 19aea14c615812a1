"""The lifecycle of a ``Document``: the one place where its status may change (the shared
``klantreis.levenscyclus``, decision 0019). A move is a conditional UPDATE from the state the
caller's copy shows, so a move made on a stale copy is refused (two consulenten on one
document), as django-fsm's ConcurrentTransitionMixin did before.

concept → vastgesteld → concept (a new version) ; concept | vastgesteld → vervallen
"""

from __future__ import annotations

from klantreis.levenscyclus import Levenscyclus, OngeldigeOvergang

from .models import DocumentStatus

D = DocumentStatus

#: Document.status (from, to) -> why. Nothing else may change it.
OVERGANGEN: dict[tuple[str, str], str] = {
    # The maker finishes a version; route steps ask for vastgestelde documents and their
    # akkoorden (Heusden stap 3: the client agrees with the IPA; stap 4: the beschikking).
    (D.CONCEPT, D.VASTGESTELD): "vastgesteld door de maker",
    # A new version is written: the beschikking supplemented with the provider's volume
    # (Heusden stap 7a), an adjusted beschikking or bepaling jeugdhulp (Heusden 8b,
    # Achterhoek route 3 stap 8b). Its akkoorden are asked again.
    (D.VASTGESTELD, D.CONCEPT): "nieuwe versie: opnieuw in concept",
    # Withdrawn (e.g. the aanvraag is withdrawn before the beschikking); kept for the history
    # the client may object against (Heusden stap 7a: bezwaar on the beschikking).
    (D.CONCEPT, D.VERVALLEN): "ingetrokken, bewaard voor de geschiedenis",
    (D.VASTGESTELD, D.VERVALLEN): "ingetrokken, bewaard voor de geschiedenis",
}

DOCUMENT = Levenscyclus("Document.status", OVERGANGEN, begin=frozenset({D.CONCEPT}))

__all__ = ["DOCUMENT", "OVERGANGEN", "OngeldigeOvergang"]
