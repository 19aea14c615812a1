"""Interface for the rules that need history or the database (levels 3 and 4).

These rules (TR056 unique Identificatie, TR338 toewijzing exists, TR314 ReferentieNummer, …)
cannot be decided from the message alone. The codec defines the protocol; the exchange
(``berichten``), ``toewijzingen`` and ``declaraties`` implement them against their tables and
pass them to :func:`klantreis.istandaarden.check` as ``history=[...]``.

A history rule returns :class:`~klantreis.istandaarden.fouten.Fout` objects with its own
retourcode (e.g. ``9056``) and, where it concerns a class, ``klasse`` set to the parsed object
(a ``Prestatie323``, a ``Client301``, the ``header``) so that ``build_retour`` puts the code
on that class (OP065).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from klantreis.istandaarden.fouten import Fout
from klantreis.istandaarden.schema import HEEN


@runtime_checkable
class HistoryRule(Protocol):
    """A rule that needs earlier messages or external sources."""

    code: str  #: e.g. "TR056"
    retourcode: str  #: e.g. "9056"
    berichten: frozenset[str]  #: message types it applies to

    def __call__(self, bericht: Any) -> Iterable[Fout]: ...


class HistoryContext(Protocol):
    """What the history rules of the header need to know; the exchange implements it."""

    def identificatie_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        """Has this sender already used this Identificatie for this message type?"""
        ...


#: The history rules the standard defines per message type, for the implementers.
#: Code -> (retourcode, message types, Dutch description). Implementations live with the data.
HISTORIE_REGELS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "TR056": ("9056", HEEN, "Identificatie uniek"),
    "TR135": ("8848", HEEN, "Dagtekening niet in toekomst"),
    "TR019": ("9019", ("305", "307"), "Start/stop hoort bij een toewijzing"),
    "TR063": ("9063", ("305", "307"), "Verwijderen vraagt een eerdere aanlevering"),
    "TR074": ("9074", ("305", "307"), "Eerste aanlevering is nieuw"),
    "TR332": ("9332", ("301",), "ToewijzingNummer uniek per gemeente en domein"),
    "TR347": ("9347", ("315", "317"), "ReferentieAanbieder uniek per aanbieder"),
    "TR314": ("8021", ("323",), "ReferentieNummer reeds aangeleverd"),
    "TR333": ("9333", ("323",), "DeclaratieNummer uniek"),
    "TR338": ("9338", ("323",), "Toewijzing bestaat voor deze cliënt en aanbieder"),
    "TR339": ("9339", ("323",), "ProductCategorie gelijk aan de toewijzing"),
    "TR340": ("9340", ("323",), "ProductCode gelijk aan de toewijzing"),
    "TR341": ("9341", ("323",), "Eenheid past bij de toewijzing"),
    "TR307": ("9307", ("323",), "ProductPeriode niet voor de toewijzing"),
    "TR308": ("9308", ("323",), "ProductPeriode niet na de toewijzing"),
}  # fmt: skip


@dataclass
class Tr056IdentificatieUniek:
    """TR056 (9056): Identificatie is unique per sender and message type.

    A reference implementation against any :class:`HistoryContext`; the exchange passes one
    backed by its ``Bericht`` table.
    """

    context: HistoryContext
    code: str = "TR056"
    retourcode: str = "9056"
    berichten: frozenset[str] = field(
        default_factory=lambda: frozenset(("301", "305", "307", "315", "317", "319", "323"))
    )

    def __call__(self, bericht: Any) -> Iterable[Fout]:
        h = bericht.header
        ident = h.bericht_identificatie.identificatie
        if self.context.identificatie_bekend(h.afzender, bericht.bericht, ident):
            yield Fout(
                regel=self.code,
                retourcode=self.retourcode,
                pad="/Bericht/Header/BerichtIdentificatie/Identificatie",
                melding=f"Identificatie '{ident}' is al eerder gebruikt door afzender "
                f"{h.afzender} voor dit berichttype (TR056).",
                klasse=h,
            )


@dataclass
class GeheugenHistorie:
    """In-memory :class:`HistoryContext` for tests and the CLI."""

    gezien: set[tuple[str, str, str]] = field(default_factory=set)

    def identificatie_bekend(self, afzender: str, berichtsoort: str, identificatie: str) -> bool:
        return (afzender, berichtsoort, identificatie) in self.gezien


@dataclass
class Tr135DagtekeningNietInToekomst:
    """TR135 (8848): the Dagtekening of the message is not in the future (level 4: it needs
    the system date, an external source). ``vandaag`` is injectable for tests and replays."""

    vandaag: Callable[[], datetime.date] = datetime.date.today
    code: str = "TR135"
    retourcode: str = "8848"
    berichten: frozenset[str] = field(default_factory=lambda: frozenset(HEEN))

    def __call__(self, bericht: Any) -> Iterable[Fout]:
        h = bericht.header
        dag = h.bericht_identificatie.dagtekening
        if dag > self.vandaag():
            yield Fout(
                regel=self.code,
                retourcode=self.retourcode,
                pad="/Bericht/Header/BerichtIdentificatie/Dagtekening",
                melding=f"Dagtekening {dag} ligt in de toekomst (TR135).",
                klasse=h,
            )
