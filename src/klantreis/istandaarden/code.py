"""Base classes for the generated codelists (``codes.py``) and the two standards."""

from __future__ import annotations

from enum import StrEnum


class Code(StrEnum):
    """A code from an iStandaarden codelist: its ``value`` is the code as it stands in the XML,
    its ``omschrijving`` the Dutch meaning from the XSD."""

    omschrijving: str

    def __new__(cls, value: str, omschrijving: str = "") -> Code:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.omschrijving = omschrijving
        return obj

    def __repr__(self) -> str:
        return f"<{type(self).__name__}.{self.name}: {self.value!r} {self.omschrijving!r}>"


class Standaard(StrEnum):
    """The iStandaard a message belongs to."""

    IWMO = "iwmo"
    IJW = "ijw"

    @property
    def prefix(self) -> str:
        """The prefix of the message names: ``WMO301`` / ``JW301``."""
        return "WMO" if self is Standaard.IWMO else "JW"
