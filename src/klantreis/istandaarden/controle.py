"""``check``: judge a message the way the chain does, level by level, without raising."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
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
    """Level 2 (in-message rules) and the given history rules (level 3/4).

    A level-2 rejection (retourcode 0001) stops there, as in the chain: such a message is
    not judged further (NOTES.md §3). A level-2 rule with a per-class retourcode (TR346,
    TR319) does not stop the history rules."""
    fouten = regels.controleer(message)
    if any(f.retourcode == AFKEUR or f.regel == regels.INTERN for f in fouten):
        return fouten
    return fouten + _historie(message, history)


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
    if len(data) < PARALLEL_VANAF:
        fouten = valideer(root, s)
        if fouten:
            return CheckResult(s.standaard, s.bericht, False, Niveau.XSD, tuple(fouten))
        try:
            message = map_root(root, s)
        except CodecError as exc:
            return CheckResult(s.standaard, s.bericht, False, exc.niveau, tuple(exc.fouten))
        niveau2 = regels.controleer(message)
    else:
        uitkomst = _parallel(root, s)
        if isinstance(uitkomst, CheckResult):
            return uitkomst
        message, niveau2 = uitkomst
    fouten = list(niveau2)
    if not any(f.retourcode == AFKEUR or f.regel == regels.INTERN for f in niveau2):
        # level 2 did not reject the message as a whole (a per-class code such as TR346's
        # 9346 does not): the history rules judge the rest
        fouten += _historie(message, history)
    if not fouten:
        return CheckResult(s.standaard, s.bericht, True, None, (), message)
    niveau = Niveau.BERICHT if niveau2 else Niveau.HISTORIE
    return CheckResult(s.standaard, s.bericht, False, niveau, tuple(fouten), message)


#: From this size on (a large 323) the XSD validation runs in a second thread while this one
#: maps the tree and runs the level-2 rules: libxml2 validates without holding the GIL and
#: both only read the tree. The outcome is that of the sequential order: XSD faults win, and
#: whatever the mapping made of an invalid tree is thrown away.
PARALLEL_VANAF = 1024 * 1024

_validator: tuple[int, ThreadPoolExecutor] | None = None  # (pid, executor)
_validator_lock = threading.Lock()


def _valideerder() -> ThreadPoolExecutor:
    """One validation thread per process. A forked worker (Celery prefork) does not inherit
    its parent's thread, so a child makes its own instead of waiting on a dead one."""
    global _validator
    with _validator_lock:
        if _validator is None or _validator[0] != os.getpid():
            _validator = (os.getpid(), ThreadPoolExecutor(1, thread_name_prefix="xsd"))
        return _validator[1]


def _parallel(root, s) -> CheckResult | tuple[Bericht, list[Fout]]:
    xsd = _valideerder().submit(valideer, root, s)
    message: Bericht | None = None
    niveau2: list[Fout] = []
    mapfout: CodecError | None = None
    try:
        message = map_root(root, s)
        niveau2 = regels.controleer(message)
    except CodecError as exc:
        mapfout = exc
    except Exception:  # an invalid tree the mapping could not follow: XSD faults follow
        if not xsd.result():
            raise
    fouten = xsd.result()
    if fouten:
        return CheckResult(s.standaard, s.bericht, False, Niveau.XSD, tuple(fouten))
    if mapfout is not None:
        return CheckResult(s.standaard, s.bericht, False, mapfout.niveau, tuple(mapfout.fouten))
    assert message is not None
    return message, niveau2


def _historie(message: Bericht, history: Iterable[HistoryRule] | None) -> list[Fout]:
    fouten: list[Fout] = []
    for rule in history or ():
        if message.bericht in rule.berichten:
            fouten.extend(rule(message))
    return fouten
