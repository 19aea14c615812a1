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


Afhandelaar = Callable[[Any, Any], Afhandeling]

_AFHANDELAARS: dict[str, Afhandelaar] = {}


def registreer(berichtcode: str) -> Callable[[Afhandelaar], Afhandelaar]:
    """Decorator: ``fn`` handles received messages of ``berichtcode`` ("305", "315", …)."""

    def decorator(fn: Afhandelaar) -> Afhandelaar:
        vorige = _AFHANDELAARS.get(berichtcode)
        if vorige is not None and vorige is not fn:
            logger.warning("Afhandelaar voor %s vervangen: %s → %s", berichtcode, vorige, fn)
        _AFHANDELAARS[berichtcode] = fn
        return fn

    return decorator


def afmelden(berichtcode: str) -> Afhandelaar | None:
    """Remove the handler of ``berichtcode`` (tests); returns it."""
    return _AFHANDELAARS.pop(berichtcode, None)


def afhandelaar(berichtcode: str) -> Afhandelaar | None:
    return _AFHANDELAARS.get(berichtcode)
