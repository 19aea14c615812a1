"""``check``: judge a message the way the chain does, level by level, without raising."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from klantreis.istandaarden import regels
from klantreis.istandaarden.binding import Bericht, herken, map_root, parse_veilig, valideer
from klantreis.istandaarden.code import Standaard
from klantreis.istandaarden.fouten import CodecError, Fout, Niveau
from klantreis.istandaarden.historie import HistoryRule

AFKEUR = "0001"


@dataclass(frozen=True, slots=True)
class CheckResult:
    """The outcome of :func:`check`.

    ``niveau`` is the level at which the message failed (``None`` when valid); ``message`` is
    the parsed message when parsing got that far (level ``bericht``/``historie`` or valid).
    """

    standaard: Standaard | None
    bericht: str | None
    geldig: bool
    niveau: Niveau | None
    fouten: tuple[Fout, ...] = ()
    message: Any = field(default=None, compare=False, repr=False)

    @property
    def afgekeurd(self) -> bool:
        """Rejected as a whole on level 2 (retourcode 0001): header-only retour with 0001."""
        return any(f.retourcode == AFKEUR for f in self.fouten)

    def als_dict(self, bestand: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {} if bestand is None else {"bestand": bestand}
        d |= {
            "standaard": self.standaard.value if self.standaard else None,
            "bericht": self.bericht,
            "geldig": self.geldig,
            "niveau": self.niveau.value if self.niveau else None,
            "fouten": [f.als_dict() for f in self.fouten],
        }
        return d


def controleer_bericht(
    message: Bericht, *, history: Iterable[HistoryRule] | None = None
) -> list[Fout]:
    """Level 2 (in-message rules) and, when those pass, the given history rules (level 3/4)."""
    fouten = regels.controleer(message)
    if any(f.retourcode == AFKEUR for f in fouten):
        return fouten
    for rule in history or ():
        if message.bericht in rule.berichten:
            fouten.extend(rule(message))
    return fouten


def check(data: bytes, *, history: Iterable[HistoryRule] | None = None) -> CheckResult:
    """Check a message on every level: XML (0), XSD (1), in-message rules (2), history (3/4).

    Never raises on bad input: the result says how far it got.
    """
    try:
        root = parse_veilig(data)
    except CodecError as exc:
        return CheckResult(None, None, False, exc.niveau, tuple(exc.fouten))
    try:
        s = herken(root)
    except CodecError as exc:
        return CheckResult(None, None, False, exc.niveau, tuple(exc.fouten))
    fouten = valideer(root, s)
    if fouten:
        return CheckResult(s.standaard, s.bericht, False, Niveau.XSD, tuple(fouten))
    try:
        message = map_root(root, s)
    except CodecError as exc:
        return CheckResult(s.standaard, s.bericht, False, exc.niveau, tuple(exc.fouten))
    fouten = controleer_bericht(message, history=history)
    if not fouten:
        return CheckResult(s.standaard, s.bericht, True, None, (), message)
    niveau = (
        Niveau.BERICHT
        if any(f.retourcode == AFKEUR or f.regel in regels.REGISTER for f in fouten)
        else Niveau.HISTORIE
    )
    return CheckResult(s.standaard, s.bericht, False, niveau, tuple(fouten), message)
