"""Filling a header correctly: Identificatie per sender and message type, XsdVersie."""

from __future__ import annotations

import datetime
import threading
from collections import defaultdict
from typing import Protocol, runtime_checkable

from klantreis.istandaarden.code import Standaard
from klantreis.istandaarden.modellen import BerichtIdentificatie, Header301, XsdVersie
from klantreis.istandaarden.schema import soort


@runtime_checkable
class IdentificatieGenerator(Protocol):
    """Hands out an Identificatie (1–12 characters) that is unique per sender and message type
    (TR056). The Django side supplies a database-backed one."""

    def volgende(self, afzender: str, standaard: Standaard, bericht: str) -> str: ...


class GeheugenIdentificatieGenerator:
    """In-memory counter per (afzender, standaard, bericht): for tests and the CLI.

    ``prefix`` (max 4 characters) lets two processes avoid each other's numbers.
    """

    def __init__(self, prefix: str = "", start: int = 1) -> None:
        if len(prefix) > 4:
            raise ValueError("prefix is maximaal 4 tekens")
        self.prefix = prefix
        self._teller: dict[tuple[str, str, str], int] = defaultdict(lambda: start - 1)
        self._lock = threading.Lock()

    def volgende(self, afzender: str, standaard: Standaard, bericht: str) -> str:
        with self._lock:
            key = (afzender, Standaard(standaard).value, bericht)
            self._teller[key] += 1
            ident = f"{self.prefix}{self._teller[key]}"
        if len(ident) > 12:
            raise OverflowError("Identificatie langer dan 12 tekens")
        return ident


def xsd_versie(standaard: Standaard | str, bericht: str) -> XsdVersie:
    """The XsdVersie of the XSDs shipped in this package for a message type."""
    s = soort(standaard, bericht)
    return XsdVersie(
        basisschema_xsd_versie=s.basisschema_xsd_versie, bericht_xsd_versie=s.bericht_xsd_versie
    )


def nieuwe_header(
    standaard: Standaard | str,
    bericht: str,
    *,
    afzender: str,
    ontvanger: str,
    dagtekening: datetime.date,
    identificatie: str | IdentificatieGenerator,
) -> Header301:
    """A heen-header (301/305/307/315/317/319/323) with Identificatie and XsdVersie filled.

    BerichtCode, BerichtVersie and BerichtSubversie are fixed per message type and written by
    :func:`klantreis.istandaarden.write` itself.
    """
    if not isinstance(identificatie, str):
        identificatie = identificatie.volgende(afzender, Standaard(standaard), bericht)
    return Header301(
        afzender=afzender,
        ontvanger=ontvanger,
        bericht_identificatie=BerichtIdentificatie(
            identificatie=identificatie, dagtekening=dagtekening
        ),
        xsd_versie=xsd_versie(standaard, bericht),
    )
