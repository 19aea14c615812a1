"""Transports as plugins behind one small interface (STYLE.md, after Open Formulieren's
plugin registry). A transport moves bytes; it knows nothing of the database or the codec.

    transport = maak_transport("directory", {"map": "/srv/berichten", "partij": "0797"})
    kenmerk = transport.verzend(Uitgaand(...))      # raises TransportFout (retried)
    for ontvangen in transport.haal_op(): ...        # polling transports; push ones yield ()

Every plugin accepts ``partij``: the gemeentecode or AGB code it sends and receives for (the
exchange passes it per message). Plugins register themselves with ``@registreer``; their
options are validated on creation
(``OptieFout`` with a Dutch message), so a real connection is configuration, not code.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Protocol


class TransportFout(Exception):
    """Delivery failed; the exchange retries later. The message is Dutch."""


class OptieFout(ValueError):
    """A transport's configuration is invalid."""


@dataclass(frozen=True)
class Uitgaand:
    """One message to send: the iWmo/iJw XML and what an envelope needs to route it."""

    inhoud: bytes
    bestandsnaam: str
    functie: str  # e.g. "WMO301", "JW315" (GGk functie, VECOZO Berichtsubtype)
    afzender: str  # gemeentecode (4) or AGB code (8)
    ontvanger: str
    identificatie: str  # BerichtIdentificatie/Identificatie
    referentie_heen: str | None = None  # for a retour: the heen's kanaal reference (crossRef)


@dataclass(frozen=True)
class Ontvangen:
    """One message received: the iWmo/iJw XML unwrapped from its envelope."""

    inhoud: bytes
    bestandsnaam: str
    kanaal_referentie: str = ""
    afzender: str | None = None


class Transport(Protocol):
    naam: ClassVar[str]

    def verzend(self, bericht: Uitgaand) -> str:
        """Delivers the message; returns the channel's reference for it."""

    def haal_op(self) -> Iterable[Ontvangen]:
        """New messages waiting (polling transports). Each must be ``bevestig``d after it is
        stored, so a crash in between delivers it again (and the exchange deduplicates)."""

    def bevestig(self, ontvangen: Ontvangen) -> None:
        """The message is stored durably; the transport may archive or acknowledge it."""


_PLUGINS: dict[str, type] = {}


def registreer(cls):
    _PLUGINS[cls.naam] = cls
    return cls


def plugins() -> dict[str, type]:
    return dict(_PLUGINS)


def maak_transport(naam: str, opties: dict) -> Transport:
    try:
        cls = _PLUGINS[naam]
    except KeyError:
        bekend = ", ".join(sorted(_PLUGINS))
        raise OptieFout(f"Onbekend transport {naam!r}; beschikbaar: {bekend}.") from None
    return cls(**opties)


from . import directory, ggk, vecozo  # noqa: E402,F401  (register the built-in plugins)
