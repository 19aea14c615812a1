"""Faults and errors of the codec: ``Fout`` (one finding), ``Niveau`` and ``CodecError``."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Niveau(StrEnum):
    """The control level at which a message failed (NOTES.md §3).

    ``xml``: not even well-formed or refused as hostile input (size, DTD, encoding);
    ``xsd``: level 1, schema validation; ``bericht``: level 2, the in-message rules (XSLT level:
    CD/CS/TR, retourcode 0001); ``historie``: level 3/4, rules that need earlier messages or
    external sources (berichtoverstijgend, per-class retourcodes).
    """

    XML = "xml"
    XSD = "xsd"
    BERICHT = "bericht"
    HISTORIE = "historie"


@dataclass(frozen=True, slots=True)
class Fout:
    """One finding: the rule code (``CS002``, ``XSD``, ``XML``), the retourcode it leads to
    (``None`` for level 0/1, which get no retourbericht), the path in the message
    (``/Bericht/Client/Bsn``) and a Dutch message for people.

    ``klasse`` is the parsed object (a ``Client301``, a ``Prestatie323`` …) the fault belongs to,
    when there is one; ``build_retour`` uses it to put the retourcode in the right class.
    It takes no part in equality or in JSON output.
    """

    regel: str
    retourcode: str | None
    pad: str
    melding: str
    klasse: Any = field(default=None, compare=False, repr=False)

    def als_dict(self) -> dict[str, str | None]:
        return {
            "regel": self.regel,
            "retourcode": self.retourcode,
            "pad": self.pad,
            "melding": self.melding,
        }


class CodecError(Exception):
    """Base of every error the codec raises. Carries ``niveau`` and ``fouten``."""

    niveau: Niveau = Niveau.XML

    def __init__(self, melding: str, fouten: list[Fout] | None = None) -> None:
        super().__init__(melding)
        self.melding = melding
        self.fouten: list[Fout] = fouten or [
            Fout(regel=self.niveau.value.upper(), retourcode=None, pad="", melding=melding)
        ]


class XmlFout(CodecError):
    """The bytes are not acceptable XML: too large, a DTD/entity, not UTF-8, not well-formed."""

    niveau = Niveau.XML


class OnbekendBerichtFout(CodecError):
    """Well-formed XML, but not an iWmo/iJw 3.2 message this codec knows (root/namespace)."""

    niveau = Niveau.XSD


class XsdFout(CodecError):
    """The message does not validate against its XSD (level 1)."""

    niveau = Niveau.XSD


class SchrijfFout(CodecError):
    """``write`` produced XML that is not valid against the XSD: the message object is wrong."""

    niveau = Niveau.XSD
