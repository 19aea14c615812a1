"""The registry of domain handlers: ``berichten`` moves messages, the domain decides.

A context registers, in its app's ``ready()``, one function per message type::

    from klantreis.berichten.afhandeling import Afhandeling, registreer

    @registreer("305")
    def verwerk_305(bericht, message) -> Afhandeling:
        ...                                   # domain change (runs inside a savepoint)
        return Afhandeling(fouten=[])         # empty: accepted; faults: rolled back + retour

``bericht`` is the stored ``Bericht``, ``message`` the codec's typed message (Bericht305 …).
A ``Fout`` with ``klasse`` set to a parsed object (the client, a product) puts its retourcode
on that class in the retour (OP065); without ``klasse`` it goes in the header.

To link the message (and its retour) to a traject, set ``bericht.traject``; do not save the
``bericht`` yourself — the exchange records it with the outcome. A handler that raises is a
bug, not a rejection: its changes roll back and the message is tried again later.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from klantreis.istandaarden import Fout

logger = logging.getLogger(__name__)


@dataclass
class Afhandeling:
    fouten: list[Fout] = field(default_factory=list)  # empty = accepted
    # True: keep the handler's changes even with fouten. A 323 is judged per prestatie: the
    # approved ones are kept (and paid) and the rejected ones recorded, while the fouten still
    # go in the retour (the 325).
    behouden: bool = False


Afhandelaar = Callable[[Any, Any], Afhandeling]

_AFHANDELAARS: dict[str, Afhandelaar] = {}
_MET_KLASSEFOUTEN: set[str] = set()


def registreer(
    berichtcode: str, *, klassefouten: bool = False
) -> Callable[[Afhandelaar], Afhandelaar]:
    """Decorator: ``fn`` handles received messages of ``berichtcode`` ("305", "315", …).

    ``klassefouten=True``: the handler is also called when level-2 rules put a code on a class
    (TR346 9346, TR319 9319 on a prestatie) instead of rejecting the message, as
    ``fn(bericht, message, klassefouten)``; it judges the rest and returns those fouten too."""

    def decorator(fn: Afhandelaar) -> Afhandelaar:
        vorige = _AFHANDELAARS.get(berichtcode)
        if vorige is not None and vorige is not fn:
            logger.warning("Afhandelaar voor %s vervangen: %s → %s", berichtcode, vorige, fn)
        _AFHANDELAARS[berichtcode] = fn
        if klassefouten:
            _MET_KLASSEFOUTEN.add(berichtcode)
        else:
            _MET_KLASSEFOUTEN.discard(berichtcode)
        return fn

    return decorator


def afmelden(berichtcode: str) -> Afhandelaar | None:
    """Remove the handler of ``berichtcode`` (tests); returns it."""
    _MET_KLASSEFOUTEN.discard(berichtcode)
    return _AFHANDELAARS.pop(berichtcode, None)


def afhandelaar(berichtcode: str) -> Afhandelaar | None:
    return _AFHANDELAARS.get(berichtcode)


def wil_klassefouten(berichtcode: str) -> bool:
    """A handler is registered for ``berichtcode`` and asked for level-2 class faults."""
    return berichtcode in _MET_KLASSEFOUTEN and berichtcode in _AFHANDELAARS
