"""Level-2 rules: the checks that need only the message itself (NOTES.md §3, level 2/XSLT).

Each rule is a function whose name starts with its code (``cs002_…``, ``tr346_…``), registered
with :func:`regel` for the message types it applies to. A rule yields ``(pad, melding, klasse)``
tuples; the registry turns them into :class:`~klantreis.istandaarden.fouten.Fout` with the
rule's code and retourcode. Retourcode ``0001`` rejects the whole message (header-only retour);
any other retourcode (e.g. ``9346``) is put on the class it concerns.

Rules that need history or the database (TR056, TR338, …) are *not* here: see
:mod:`klantreis.istandaarden.historie` for their interface.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from klantreis.istandaarden.fouten import Fout

Bevinding = tuple[str, str, Any]  # (pad, melding, klasse)


@dataclass(frozen=True, slots=True)
class Regel:
    """A registered in-message rule."""

    code: str
    retourcode: str
    berichten: frozenset[str]
    omschrijving: str
    functie: Callable[[Any], Iterable[Bevinding]]

    def __call__(self, bericht: Any) -> Iterator[Fout]:
        for pad, melding, klasse in self.functie(bericht):
            yield Fout(
                regel=self.code,
                retourcode=self.retourcode,
                pad=pad,
                melding=melding,
                klasse=klasse,
            )


REGISTER: dict[str, Regel] = {}
#: ``Fout.regel`` of a rule that crashed (a bug in the codec, never expected).
INTERN = "INTERN"


def regel(
    code: str, *, berichten: Iterable[str], omschrijving: str, retourcode: str = "0001"
) -> Callable:
    """Register a rule function under its iStandaarden code."""

    def wrap(func: Callable[[Any], Iterable[Bevinding]]) -> Callable:
        if code in REGISTER:
            raise ValueError(f"regel {code} dubbel geregistreerd")
        REGISTER[code] = Regel(code, retourcode, frozenset(berichten), omschrijving, func)
        return func

    return wrap


def regels_voor(bericht: str) -> list[Regel]:
    """The in-message rules that apply to a message type, in code order."""
    _laad()
    return [r for code, r in sorted(REGISTER.items()) if bericht in r.berichten]


def controleer(message: Any) -> list[Fout]:
    """Run every level-2 rule of the message's type; returns the faults."""
    from klantreis.istandaarden.regels._pad import gedeelde_prestaties

    fouten: list[Fout] = []
    # The rules allocate small, acyclic objects while a large message is alive; pausing the
    # cyclic GC avoids full scans of that heap (see binding.map_root).
    gc_aan = gc.isenabled()
    gc.disable()
    try:
        with gedeelde_prestaties(message):
            _draai(message, fouten)
    finally:
        if gc_aan:
            gc.enable()
    return fouten


def _draai(message: Any, fouten: list[Fout]) -> None:
    for r in regels_voor(type(message).bericht):
        try:
            fouten.extend(r(message))
        except Exception as exc:  # a bug in a rule must not crash the intake
            fouten.append(
                Fout(
                    regel=INTERN,
                    retourcode=None,
                    pad="",
                    melding=f"Interne fout bij regel {r.code}: {exc!r}",
                )
            )


def _laad() -> None:
    from klantreis.istandaarden.regels import (  # noqa: F401
        algemeen,
        declaratie,
        toewijzing,
        verzoek,
    )
